//! Loading `content/` into the typed model of SPEC §2 (the first stage of the pipeline).
//!
//! Every file is read whatever happened to the others, so one run reports every problem.
//! Per-value and per-entry rules are applied while reading; rules across files are in
//! [`crate::validate`].

mod analisis;
mod evidence;
pub mod index;
pub mod keys;
pub mod model;
pub mod nesting;
mod pages;
mod pk;
mod plan;
pub mod reader;
pub mod tree;
pub mod yaml;
mod year;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use crate::diagnostics::{Code, Diagnostics, Loc, Message, Sources};
use model::{Site, Year};
pub use plan::{is_base_url, is_http_url};
use reader::Ctx;
use tree::Node;

/// Why loading could not even start (the CLI exits with 2).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// `content/` is missing or unreadable.
    #[error("cannot read the content folder {path}")]
    ContentDir {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The loaded site and the text of every file read (for diagnostics).
#[derive(Debug)]
pub struct Loaded {
    /// The model.
    pub site: Site,
    /// Source texts.
    pub sources: Sources,
}

/// Whether the root of `content/` may hold a file `name` (besides year folders and `halaman/`):
/// the files of [`keys::FILES`] outside a folder.
fn is_root_file(name: &str) -> bool {
    keys::FILES.iter().any(|file| file.path == name)
}

/// Whether a year folder may hold `name` (besides `realisasi/` and `dukung/`): the files of
/// [`keys::FILES`] directly in `<tahun>/`.
fn is_year_file(name: &str) -> bool {
    keys::FILES.iter().any(|file| file.path.strip_prefix("<tahun>/") == Some(name))
}

/// The YAML trees of the files of earlier loads, so that a load parses again only the files
/// whose text changed (the preview's rebuilds). Parsing is a function of the file's name and
/// text alone, so a tree is reused only for the same name and the very same text, and only when
/// its parse reported nothing.
#[derive(Debug, Default)]
pub struct Parsed {
    trees: Mutex<HashMap<Arc<str>, Tree>>,
}

/// A file's text and the tree parsed from it.
type Tree = (Arc<str>, Arc<Node>);

impl Parsed {
    /// The tree of `file` when it was parsed from `text`.
    fn get(&self, file: &Arc<str>, text: &str) -> Option<Arc<Node>> {
        let trees = self.trees.lock().unwrap_or_else(PoisonError::into_inner);
        trees.get(file).filter(|(kept, _)| **kept == *text).map(|(_, node)| Arc::clone(node))
    }

    fn keep(&self, file: &Arc<str>, text: &Arc<str>, node: &Arc<Node>) {
        let mut trees = self.trees.lock().unwrap_or_else(PoisonError::into_inner);
        trees.insert(Arc::clone(file), (Arc::clone(text), Arc::clone(node)));
    }
}

/// Load `<root>/content/`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Result<Loaded, LoadError> {
    load_with(root, diags, None)
}

/// [`load`], taking the tree of each file whose text has not changed from `parsed`, and
/// keeping the trees it parses there.
pub fn load_with(root: &Path, diags: &mut Diagnostics, parsed: Option<&Parsed>) -> Result<Loaded, LoadError> {
    let content_dir = root.join("content");
    let canon = fs::canonicalize(&content_dir)
        .map_err(|source| LoadError::ContentDir { path: content_dir.clone(), source })?;
    let entries = list_dir(&content_dir)
        .map_err(|source| LoadError::ContentDir { path: content_dir.clone(), source })?;
    let mut loader =
        Loader { content_dir: &content_dir, canon: &canon, parsed, diags, sources: Sources::default() };
    let mut first_job = PLAN_FILES;
    let years: Vec<YearFolder> = entries
        .iter()
        .filter_map(|name| {
            year_folder_name(name).filter(|_| content_dir.join(name).is_dir()).map(|y| (name, y))
        })
        .map(|(name, year)| {
            let inside = loader.is_inside(name);
            let folder = YearFolder { year, inside, first_job };
            if inside {
                first_job += YearFile::ALL.len();
            }
            folder
        })
        .collect();
    let folders: Vec<year::Folder> = years
        .iter()
        .filter(|y| y.inside)
        .map(|y| year::Folder {
            year: y.year,
            content_dir: &content_dir,
            content_canon: &canon,
            folders_inside: year::FoldersInside::default(),
        })
        .collect();
    let jobs = Job::all(&folders);
    let mut done = Done(loader.read_largest_first(&jobs));
    let sakip = loader.merge(done.take(0)).and_then(Read::sakip);
    let renstra = loader.merge(done.take(1)).and_then(Read::renstra);
    let cascading = loader.merge(done.take(2)).and_then(Read::cascading);
    let (years, pages) = loader.folders(&entries, &years, &mut done);
    Ok(Loaded { site: Site { sakip, renstra, cascading, years, pages }, sources: loader.sources })
}

/// What each job read, with its diagnostics and sources, in the order of the jobs.
struct Done(Vec<Option<Forked<Option<Read>>>>);

impl Done {
    /// What job `i` read (nothing when it read nothing, or was taken already).
    fn take(&mut self, i: usize) -> Forked<Option<Read>> {
        self.0.get_mut(i).and_then(Option::take).unwrap_or_default()
    }
}

/// A year folder of `content/`, whether it lies inside it (it may be a symbolic link), and
/// where its files begin among the jobs (when inside: [`Job::all`] lists the plan's files, then
/// those of each folder inside, in this order).
struct YearFolder {
    year: i32,
    inside: bool,
    first_job: usize,
}

/// A YAML file to read: its path under `content/` and what it holds.
struct Job<'f> {
    rel: String,
    file: FileKind<'f>,
}

#[derive(Clone, Copy)]
enum FileKind<'f> {
    Sakip,
    Renstra,
    Cascading,
    /// A file of a year folder.
    Year(&'f year::Folder<'f>, YearFile),
}

/// The YAML files of a year folder, in the order their diagnostics are reported.
#[derive(Clone, Copy)]
enum YearFile {
    RencanaAksi,
    Validasi,
    Evaluasi,
    Tim,
    Skm,
    Lke,
    Pk,
    Analisis,
    Realisasi(u8),
}

impl YearFile {
    const ALL: [YearFile; 12] = [
        YearFile::RencanaAksi,
        YearFile::Validasi,
        YearFile::Evaluasi,
        YearFile::Tim,
        YearFile::Skm,
        YearFile::Lke,
        YearFile::Pk,
        YearFile::Analisis,
        YearFile::Realisasi(1),
        YearFile::Realisasi(2),
        YearFile::Realisasi(3),
        YearFile::Realisasi(4),
    ];

    fn rel(self, year: i32) -> String {
        match self {
            YearFile::RencanaAksi => format!("{year}/rencana-aksi.yaml"),
            YearFile::Validasi => format!("{year}/validasi.yaml"),
            YearFile::Evaluasi => format!("{year}/evaluasi.yaml"),
            YearFile::Tim => format!("{year}/tim.yaml"),
            YearFile::Skm => format!("{year}/skm.yaml"),
            YearFile::Lke => format!("{year}/lke.yaml"),
            YearFile::Pk => format!("{year}/perjanjian-kinerja.yaml"),
            YearFile::Analisis => format!("{year}/analisis.yaml"),
            YearFile::Realisasi(quarter) => format!("{year}/realisasi/tw{quarter}.yaml"),
        }
    }
}

impl<'f> Job<'f> {
    /// Every YAML file of the site, in the order their diagnostics are reported: the plan's,
    /// then each year folder's.
    fn all(folders: &'f [year::Folder<'f>]) -> Vec<Job<'f>> {
        let plan: [(&str, FileKind); PLAN_FILES] = [
            ("sakip.yaml", FileKind::Sakip),
            ("renstra.yaml", FileKind::Renstra),
            ("cascading.yaml", FileKind::Cascading),
        ];
        let plan = plan.into_iter().map(|(rel, file)| Job { rel: rel.to_string(), file });
        let years = folders.iter().flat_map(|folder| {
            YearFile::ALL
                .into_iter()
                .map(move |f| Job { rel: f.rel(folder.year), file: FileKind::Year(folder, f) })
        });
        plan.chain(years).collect()
    }
}

/// How many of the plan's files come first among [`Job::all`].
const PLAN_FILES: usize = 3;

/// What a YAML file held.
enum Read {
    /// Boxed: far larger than the others.
    Sakip(Box<model::Sakip>),
    Renstra(model::Renstra),
    Cascading(model::Cascading),
    RencanaAksi(model::RencanaAksi),
    Validasi(model::Validasi),
    Evaluasi(model::Evaluasi),
    Tim(model::Tim),
    Skm(model::Skm),
    Lke(model::Lke),
    Pk(model::PerjanjianKinerja),
    Analisis(model::Analisis),
    /// A quarter's file, with its quarter.
    Realisasi(u8, model::Realisasi),
}

impl Read {
    fn sakip(self) -> Option<model::Sakip> {
        if let Read::Sakip(x) = self { Some(*x) } else { None }
    }

    fn renstra(self) -> Option<model::Renstra> {
        if let Read::Renstra(x) = self { Some(x) } else { None }
    }

    fn cascading(self) -> Option<model::Cascading> {
        if let Read::Cascading(x) = self { Some(x) } else { None }
    }

    /// Put what a year folder's file held in its place in `y`.
    fn place(self, y: &mut Year) {
        match self {
            Read::RencanaAksi(x) => y.rencana_aksi = Some(x),
            Read::Validasi(x) => y.validasi = Some(x),
            Read::Evaluasi(x) => y.evaluasi = Some(x),
            Read::Tim(x) => y.tim = Some(x),
            Read::Skm(x) => y.skm = Some(x),
            Read::Lke(x) => y.lke = Some(x),
            Read::Pk(x) => y.pk = Some(x),
            Read::Analisis(x) => y.analisis = Some(x),
            Read::Realisasi(quarter, x) => {
                if let Some(slot) = usize::from(quarter).checked_sub(1).and_then(|q| y.realisasi.get_mut(q)) {
                    *slot = Some(x);
                }
            }
            Read::Sakip(_) | Read::Renstra(_) | Read::Cascading(_) => {}
        }
    }
}

fn year_folder_name(name: &str) -> Option<i32> {
    (name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit())).then(|| name.parse().ok()).flatten()
}

/// Sorted entry names of a folder (sorted so that diagnostics and output never depend on the
/// file system's order).
fn list_dir(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

struct Loader<'a> {
    content_dir: &'a Path,
    canon: &'a Path,
    parsed: Option<&'a Parsed>,
    diags: &'a mut Diagnostics,
    sources: Sources,
}

/// What a forked loader read, with its diagnostics and sources.
type Forked<T> = (T, Diagnostics, Sources);

impl Loader<'_> {
    /// Run `read` with a loader of its own, so that it can run on another thread.
    fn fork<T>(&self, read: impl FnOnce(&mut Loader) -> T) -> Forked<T> {
        let mut diags = Diagnostics::default();
        let mut loader = Loader {
            content_dir: self.content_dir,
            canon: self.canon,
            parsed: self.parsed,
            diags: &mut diags,
            sources: Sources::default(),
        };
        let value = read(&mut loader);
        let sources = loader.sources;
        (value, diags, sources)
    }

    /// Keep what a forked loader found.
    fn merge<T>(&mut self, (value, diags, sources): Forked<T>) -> T {
        self.diags.extend(diags);
        self.sources.extend(sources);
        value
    }

    /// Read every file of `jobs`, the largest first, on every thread of the pool: each thread
    /// takes the next file when it is done with one, so that the run does not end waiting on a
    /// large file begun last. Returns what each job read, with its diagnostics and sources, in
    /// the order of `jobs`.
    fn read_largest_first(&self, jobs: &[Job]) -> Vec<Option<Forked<Option<Read>>>> {
        let size = |job: &Job| fs::metadata(self.content_dir.join(&job.rel)).map_or(0, |m| m.len());
        let mut order: Vec<(u64, usize)> = jobs.iter().enumerate().map(|(i, job)| (size(job), i)).collect();
        order.sort_by_key(|&(bytes, i)| (std::cmp::Reverse(bytes), i));
        let done: Vec<Mutex<Option<Forked<Option<Read>>>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
        let next = AtomicUsize::new(0);
        rayon::broadcast(|_| {
            while let Some(&(_, i)) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                let read = self.fork(|l| l.read(&jobs[i]));
                *done[i].lock().unwrap_or_else(PoisonError::into_inner) = Some(read);
            }
        });
        done.into_iter().map(|slot| slot.into_inner().unwrap_or_else(PoisonError::into_inner)).collect()
    }

    /// Read the YAML file of `job`.
    fn read(&mut self, job: &Job) -> Option<Read> {
        let rel = &job.rel;
        let (f, file) = match job.file {
            FileKind::Sakip => {
                return self.yaml_file(rel, true, plan::sakip).map(|x| Read::Sakip(Box::new(x)));
            }
            FileKind::Renstra => return self.yaml_file(rel, true, plan::renstra).map(Read::Renstra),
            FileKind::Cascading => return self.yaml_file(rel, false, plan::cascading).map(Read::Cascading),
            FileKind::Year(folder, file) => (folder, file),
        };
        match file {
            YearFile::RencanaAksi => {
                self.yaml_file(rel, false, |c, n| year::rencana_aksi(c, n, f)).map(Read::RencanaAksi)
            }
            YearFile::Validasi => {
                self.yaml_file(rel, false, |c, n| year::validasi(c, n, f)).map(Read::Validasi)
            }
            YearFile::Evaluasi => {
                self.yaml_file(rel, false, |c, n| year::evaluasi(c, n, f)).map(Read::Evaluasi)
            }
            YearFile::Tim => self.yaml_file(rel, false, |c, n| year::tim(c, n, f)).map(Read::Tim),
            YearFile::Skm => self.yaml_file(rel, false, |c, n| year::skm(c, n, f)).map(Read::Skm),
            YearFile::Lke => self.yaml_file(rel, false, |c, n| year::lke(c, n, f)).map(Read::Lke),
            YearFile::Pk => self.yaml_file(rel, false, |c, n| pk::perjanjian_kinerja(c, n, f)).map(Read::Pk),
            YearFile::Analisis => {
                self.yaml_file(rel, false, |c, n| analisis::analisis(c, n, f)).map(Read::Analisis)
            }
            YearFile::Realisasi(q) => {
                self.yaml_file(rel, false, |c, n| year::realisasi(c, n, f, q)).map(|x| Read::Realisasi(q, x))
            }
        }
    }

    /// The year folders and Markdown pages among `entries` of `content/`, taking what each year
    /// folder's files held from `done`; anything else is reported as unknown.
    fn folders(
        &mut self,
        entries: &[String],
        years: &[YearFolder],
        done: &mut Done,
    ) -> (BTreeMap<i32, Year>, Vec<model::Page>) {
        let (mut years_read, mut pages) = (BTreeMap::new(), Vec::new());
        for name in entries {
            // The year folders were found before the files were read; a name is judged as it
            // was then.
            let folder = year_folder_name(name).and_then(|year| years.iter().find(|f| f.year == year));
            if let Some(folder) = folder {
                if folder.inside {
                    years_read.insert(folder.year, self.year(folder.year, folder.first_job, done));
                } else {
                    self.outside(name);
                }
            } else if name == "halaman" && self.content_dir.join(name).is_dir() {
                if self.folder_inside(name) {
                    pages = self.pages();
                }
            } else if !is_root_file(name) && !name.starts_with('.') {
                self.unknown_file(name);
            }
        }
        (years_read, pages)
    }

    fn shown(rel: &str) -> Arc<str> {
        Arc::from(format!("content/{rel}"))
    }

    /// Whether the folder `rel` is inside `content/`; a symbolic link to a folder elsewhere is
    /// reported, and neither read nor listed (its file names would reach the diagnostics).
    fn folder_inside(&mut self, rel: &str) -> bool {
        let inside = self.is_inside(rel);
        if !inside {
            self.outside(rel);
        }
        inside
    }

    /// Whether the folder `rel` resolves to a place inside `content/`.
    fn is_inside(&self, rel: &str) -> bool {
        fs::canonicalize(self.content_dir.join(rel)).is_ok_and(|p| p.starts_with(self.canon))
    }

    /// Report the folder `rel` as pointing outside `content/`.
    fn outside(&mut self, rel: &str) {
        let file = Self::shown(&format!("{rel}/"));
        self.diags.error(
            Code::PathEscape,
            Loc::file(&file),
            Message::new(
                format!("folder `{file}` menunjuk ke luar folder content/ (tautan simbolik?)"),
                format!("folder `{file}` points outside content/ (a symbolic link?)"),
            ),
        );
    }

    /// Read a file's text, reporting a folder in its place, unreadable files and the limits.
    fn read_text(&mut self, rel: &str) -> Option<Arc<str>> {
        let path = self.content_dir.join(rel);
        let file = Self::shown(rel);
        let unreadable = |e: &dyn std::fmt::Display, diags: &mut Diagnostics| {
            diags.error(
                Code::Unreadable,
                Loc::file(&file),
                Message::new(
                    format!("tidak dapat membaca `{file}`: {e}"),
                    format!("cannot read `{file}`: {e}"),
                ),
            );
            None
        };
        // `metadata` follows symbolic links: a dangling one is unreadable, not absent.
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => return unreadable(&e, self.diags),
        };
        // A content file that is a symbolic link out of `content/` would have its text quoted
        // in the diagnostics (and CI logs) of a pull request.
        if !fs::canonicalize(&path).is_ok_and(|p| p.starts_with(self.canon)) {
            self.diags.error(
                Code::PathEscape,
                Loc::file(&file),
                Message::new(
                    format!("`{file}` menunjuk ke luar folder content/ (tautan simbolik?)"),
                    format!("`{file}` points outside content/ (a symbolic link?)"),
                ),
            );
            return None;
        }
        if !meta.is_file() {
            self.diags.error(
                Code::NotAFile,
                Loc::file(&file),
                Message::new(
                    format!("`{file}` harus berupa berkas, bukan folder"),
                    format!("`{file}` must be a file, not a folder"),
                ),
            );
            return None;
        }
        if meta.len() > yaml::MAX_FILE_BYTES {
            yaml::too_large(&file, meta.len(), self.diags);
            return None;
        }
        match fs::read(&path) {
            Ok(bytes) => yaml::decode(&file, bytes, self.diags, &mut self.sources),
            Err(e) => unreadable(&e, self.diags),
        }
    }

    /// Read and parse a YAML file, then apply `read`. A missing file is `None` (reported when
    /// `required`).
    fn yaml_file<T>(
        &mut self,
        rel: &str,
        required: bool,
        read: impl FnOnce(&mut Ctx, &Node) -> Option<T>,
    ) -> Option<T> {
        let file = Self::shown(rel);
        if fs::symlink_metadata(self.content_dir.join(rel)).is_err() {
            if required {
                self.diags.error(
                    Code::MissingKey,
                    Loc::file(&file),
                    Message::new(
                        format!("berkas wajib `{file}` tidak ada"),
                        format!("required file `{file}` is missing"),
                    ),
                );
            }
            return None;
        }
        let text = self.read_text(rel)?;
        let root = self.parse(&file, &text)?;
        read(&mut Ctx::new(file, self.diags), &root)
    }

    /// The YAML tree of `file`: the one parsed earlier from the same text, or a new one.
    fn parse(&mut self, file: &Arc<str>, text: &Arc<str>) -> Option<Arc<Node>> {
        let Some(parsed) = self.parsed else { return yaml::parse(file, text, self.diags).map(Arc::new) };
        if let Some(node) = parsed.get(file, text) {
            return Some(node);
        }
        let mut diags = Diagnostics::default();
        let node = yaml::parse(file, text, &mut diags).map(Arc::new);
        // A parse that reported something is not kept, so that its report is made again.
        if let Some(node) = &node
            && diags.sorted().is_empty()
        {
            parsed.keep(file, text, node);
        }
        self.diags.extend(diags);
        node
    }

    fn unknown_file(&mut self, rel: &str) {
        let file = Self::shown(rel);
        self.diags.warning(
            Code::UnknownFile,
            Loc::file(&file),
            Message::new(
                format!("`{file}` tidak dikenal dan diabaikan"),
                format!("`{file}` is not part of the content format and is ignored"),
            ),
        );
    }

    /// The year folder `year`, from what its files held (the jobs from `first_job` on, in
    /// `done`), its narrative sections and its unknown files.
    fn year(&mut self, year: i32, first_job: usize, done: &mut Done) -> Year {
        let mut y = Year::default();
        for i in first_job..first_job + YearFile::ALL.len() {
            if let Some(read) = self.merge(done.take(i)) {
                read.place(&mut y);
            }
        }
        y.laporan = self.laporan(year);
        self.unknown_in_year(year);
        y
    }

    /// Warn about files in a year folder that the format does not know (a misspelt
    /// `validasi.yml` would otherwise be silently ignored).
    fn unknown_in_year(&mut self, year: i32) {
        let dir = self.content_dir.join(year.to_string());
        for name in list_dir(&dir).unwrap_or_default() {
            let known = is_year_file(&name) || ["dukung", "realisasi", "laporan"].contains(&name.as_str());
            if !known && !name.starts_with('.') {
                self.unknown_file(&format!("{year}/{name}"));
            }
        }
        let quarters = ["tw1.yaml", "tw2.yaml", "tw3.yaml", "tw4.yaml"];
        let realisasi = format!("{year}/realisasi");
        if self.content_dir.join(&realisasi).is_dir() && !self.folder_inside(&realisasi) {
            return;
        }
        for name in list_dir(&dir.join("realisasi")).unwrap_or_default() {
            if !quarters.contains(&name.as_str()) && !name.starts_with('.') {
                self.unknown_file(&format!("{year}/realisasi/{name}"));
            }
        }
    }

    /// The narrative sections of `<tahun>/laporan/*.md`, by file name; other files there are
    /// unknown.
    fn laporan(&mut self, year: i32) -> Vec<model::Bagian> {
        let mut sections = Vec::new();
        for name in list_dir(&self.content_dir.join(format!("{year}/laporan"))).unwrap_or_default() {
            let rel = format!("{year}/laporan/{name}");
            if !name.ends_with(".md") {
                if !name.starts_with('.') {
                    self.unknown_file(&rel);
                }
                continue;
            }
            if let Some(text) = self.read_text(&rel)
                && let Some(section) = pages::bagian(&Self::shown(&rel), &text, self.diags)
            {
                sections.push(section);
            }
        }
        sections
    }

    fn pages(&mut self) -> Vec<model::Page> {
        let mut pages = Vec::new();
        let mut count = 0;
        for name in list_dir(&self.content_dir.join("halaman")).unwrap_or_default() {
            let rel = format!("halaman/{name}");
            let Some(stem) = name.strip_suffix(".md") else {
                if !name.starts_with('.') {
                    self.unknown_file(&rel);
                }
                continue;
            };
            count += 1;
            if count > pages::MAX_PAGES {
                pages::too_many(&Self::shown(&rel), self.diags);
                break;
            }
            if let Some(text) = self.read_text(&rel)
                && let Some(page) = pages::page(&Self::shown(&rel), &text, stem, self.diags)
            {
                pages.push(page);
            }
        }
        pages
    }
}
