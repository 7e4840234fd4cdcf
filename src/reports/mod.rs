//! Downloadable documents under `unduh/` (SPEC §5.2) and the list of every download.
//!
//! A build first [`plan`]s its documents (path, year, title, what makes it), so that every page
//! can link them while they are being made; [`write`] then makes each planned report from the
//! ledger into the sink, beside the open data of `exports`. Both go through a [`Recorder`],
//! which takes the size and SHA-256 of the very bytes each file is written with: from those it
//! writes `unduh/SHA256SUMS` and returns the [`Download`] list that the downloads page shows.
//! So the preview and the build list the same checksums, and the list never names a file that
//! was not written.
//!
//! The PDF reports ([`pdf`]) need typst and are behind the `pdf` cargo feature (on by default).
//!
//! `SHA256SUMS` lists every file under `data/` and under `unduh/` (except itself and the
//! downloads page), one `<hex>  <path>` line each, sorted by path, with paths relative to the
//! site root: `cd public && sha256sum -c unduh/SHA256SUMS` checks a whole build.

#[cfg(feature = "pdf")]
pub mod pdf;
mod workbook;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::compute::Ledger;
use crate::content::model::{Site, Text};
use crate::diagnostics::{Code, Diagnostics, Loc, Message};
use crate::output::Sink;
use crate::present::Presenter;

pub use workbook::{SelAngka, sel_angka};

/// Where the checksums go, relative to the site root.
pub const SHA256SUMS: &str = "unduh/SHA256SUMS";

/// What makes a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// An open-data file that `exports` writes under `data/`.
    Data,
    /// The workbook `pengukuran-kinerja-<tahun>.xlsx` of a year.
    Workbook(i32),
    /// A PDF report of a year.
    #[cfg(feature = "pdf")]
    Pdf(pdf::Kind),
}

/// A document of the build, known before it is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Path relative to the site root (`unduh/2023/pengukuran-kinerja-2023.xlsx`).
    pub path: String,
    /// The year it reports on; `None` for data of every year.
    pub tahun: Option<i32>,
    /// What it is, for the downloads page and the year page.
    pub judul: Text,
    /// What makes it.
    pub source: Source,
}

/// The file format of a download, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.pdf`.
    Pdf,
    /// `.xlsx`.
    Xlsx,
    /// `.csv`.
    Csv,
    /// `.json`.
    Json,
    /// Anything else.
    Lain,
}

impl Format {
    /// The format of the file at `path`.
    pub fn of(path: &str) -> Format {
        match path.rsplit_once('.').map(|(_, ext)| ext) {
            Some("pdf") => Format::Pdf,
            Some("xlsx") => Format::Xlsx,
            Some("csv") => Format::Csv,
            Some("json") => Format::Json,
            _ => Format::Lain,
        }
    }

    /// How the downloads page names it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Xlsx => "XLSX",
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::Lain => "–",
        }
    }
}

/// A file as written: what the downloads page lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// Path relative to the site root.
    pub path: String,
    /// Format.
    pub format: Format,
    /// The year it reports on.
    pub tahun: Option<i32>,
    /// What it is (the file name when the plan does not name it).
    pub judul: Text,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of its bytes, in lower-case hex.
    pub sha256: String,
}

/// The open data of `exports`, in the order the downloads page lists it.
const DATA: [(&str, &str, &str); 8] = [
    ("capaian.csv", "Capaian kinerja (CSV)", "Performance achievement (CSV)"),
    ("capaian.json", "Capaian kinerja (JSON)", "Performance achievement (JSON)"),
    ("tindak-lanjut.csv", "Tindak lanjut rekomendasi (CSV)", "Follow-up of recommendations (CSV)"),
    ("pelaporan.csv", "Kalender pelaporan (CSV)", "Reporting calendar (CSV)"),
    ("ikm.csv", "Indeks Kepuasan Masyarakat (CSV)", "Public Satisfaction Index (CSV)"),
    ("bukti.csv", "Matriks data dukung (CSV)", "Evidence matrix (CSV)"),
    (
        "proyeksi.csv",
        "Proyeksi akhir tahun bila laju sama (CSV)",
        "Year-end projection if the pace holds (CSV)",
    ),
    (
        "datapackage.json",
        "Deskripsi data (Frictionless Data Package)",
        "Data description (Frictionless Data Package)",
    ),
];

/// Every document of a build: the PDF reports (unless `with_pdf` is false, or the `pdf`
/// feature is off), then the workbook of each year with figures, oldest first, then the open
/// data.
pub fn plan(site: &Site, ledger: &Ledger, with_pdf: bool) -> Vec<Document> {
    let presenter = Presenter::new(site, ledger);
    let mut out = Vec::new();
    #[cfg(feature = "pdf")]
    if with_pdf {
        out.extend(pdf::plan(site).into_iter().map(|d| Document {
            path: d.path,
            tahun: Some(d.tahun),
            judul: Text { id: d.judul.0, en: Some(d.judul.1) },
            source: Source::Pdf(d.kind),
        }));
    }
    #[cfg(not(feature = "pdf"))]
    let _ = with_pdf;
    out.extend(presenter.years().iter().map(|&tahun| workbook::document(tahun)));
    out.extend(DATA.iter().map(|(file, id, en)| Document {
        path: format!("data/{file}"),
        tahun: None,
        judul: Text { id: id.to_string(), en: Some(en.to_string()) },
        source: Source::Data,
    }));
    out
}

/// Make every planned report into `out`, in parallel (the open data is `exports`'s); the path
/// and the reason of each report that could not be made (see [`report`]).
pub fn write(plan: &[Document], site: &Site, ledger: &Ledger, out: &dyn Sink) -> Vec<(String, String)> {
    let presenter = Presenter::new(site, ledger);
    let failures = plan
        .par_iter()
        .filter_map(|doc| match doc.source {
            Source::Data => None,
            Source::Workbook(tahun) => {
                // The workbook writer keeps every cell within the format's limits (see
                // `workbook`), so a failure would be a bug of ours: the file is then left out,
                // and with it its line in SHA256SUMS and on the downloads page.
                if let Ok(bytes) = workbook::workbook(&presenter, tahun) {
                    out.add(&doc.path, &bytes);
                }
                None
            }
            #[cfg(feature = "pdf")]
            Source::Pdf(kind) => {
                match pdf::render(&presenter, doc.tahun.unwrap_or_default(), kind, &doc.path) {
                    Ok(bytes) => {
                        out.add(&doc.path, &bytes);
                        None
                    }
                    Err(error) => Some((doc.path.clone(), error.to_string())),
                }
            }
        })
        .collect();
    #[cfg(feature = "pdf")]
    pdf::finish();
    failures
}

/// Report the failures of [`write`] as `template` errors at the report's path: a report that
/// typst cannot lay out stops the build like a broken page template.
pub fn report(failures: Vec<(String, String)>, diags: &mut Diagnostics) {
    for (path, detail) in failures {
        let file: Arc<str> = Arc::from(path.as_str());
        diags.error(
            Code::Template,
            Loc::file(&file),
            Message::new(
                format!("laporan {path} tidak dapat disusun: {detail}"),
                format!("report {path} could not be laid out: {detail}"),
            ),
        );
    }
}

/// A sink that passes every file on and keeps its size and SHA-256.
pub struct Recorder<'a> {
    inner: &'a dyn Sink,
    files: Mutex<BTreeMap<String, (u64, String)>>,
}

impl<'a> Recorder<'a> {
    /// A recorder in front of `inner`.
    pub fn new(inner: &'a dyn Sink) -> Recorder<'a> {
        Recorder { inner, files: Mutex::new(BTreeMap::new()) }
    }

    /// Write `unduh/SHA256SUMS` of every file recorded into the inner sink, and list them: the
    /// planned ones in the order of `plan`, then any other by path.
    pub fn publish(self, plan: &[Document]) -> Vec<Download> {
        let files = self.files.into_inner().unwrap_or_else(PoisonError::into_inner);
        self.inner.add(SHA256SUMS, sha256sums(&files).as_bytes());
        let planned: BTreeMap<&str, &Document> = plan.iter().map(|d| (d.path.as_str(), d)).collect();
        let mut out: Vec<Download> =
            plan.iter().filter_map(|d| files.get(&d.path).map(|f| download(&d.path, Some(d), f))).collect();
        out.extend(
            files
                .iter()
                .filter(|(path, _)| !planned.contains_key(path.as_str()))
                .map(|(p, f)| download(p, None, f)),
        );
        out
    }
}

impl Sink for Recorder<'_> {
    fn add(&self, path: &str, bytes: &[u8]) {
        let sum = hex(&Sha256::digest(bytes));
        self.inner.add(path, bytes);
        let mut files = self.files.lock().unwrap_or_else(PoisonError::into_inner);
        files.insert(path.to_string(), (bytes.len() as u64, sum));
    }
}

fn download(path: &str, doc: Option<&Document>, (bytes, sha256): &(u64, String)) -> Download {
    let name = path.rsplit('/').next().unwrap_or(path);
    Download {
        path: path.to_string(),
        format: Format::of(path),
        tahun: doc.and_then(|d| d.tahun),
        judul: doc.map_or_else(|| Text { id: name.to_string(), en: None }, |d| d.judul.clone()),
        bytes: *bytes,
        sha256: sha256.clone(),
    }
}

/// The `sha256sum` text format: `<hex>  <path>` per line (two spaces: read as text mode, which
/// is the same as binary on every system that publishes a site), sorted by path.
fn sha256sums(files: &BTreeMap<String, (u64, String)>) -> String {
    files.iter().map(|(path, (_, sum))| format!("{sum}  {path}\n")).collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Memory;

    #[test]
    fn sums_are_of_the_bytes_written_and_list_planned_files_first() {
        let memory = Memory::default();
        let recorder = Recorder::new(&memory);
        recorder.add("data/b.csv", b"abc");
        recorder.add("unduh/2023/x.xlsx", b"");
        let plan = [Document {
            path: "unduh/2023/x.xlsx".into(),
            tahun: Some(2023),
            judul: Text { id: "Buku kerja".into(), en: None },
            source: Source::Workbook(2023),
        }];
        let list = recorder.publish(&plan);
        // SHA-256 of "abc" and of no bytes (FIPS 180-2 test vectors).
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let sums = String::from_utf8(memory.get(SHA256SUMS).unwrap()).unwrap();
        assert_eq!(sums, format!("{abc}  data/b.csv\n{empty}  unduh/2023/x.xlsx\n"));
        assert_eq!(list[0].path, "unduh/2023/x.xlsx");
        assert_eq!((list[0].format, list[0].tahun, list[0].bytes), (Format::Xlsx, Some(2023), 0));
        assert_eq!((list[1].judul.id.as_str(), list[1].bytes, list[1].sha256.as_str()), ("b.csv", 3, abc));
        // The files themselves reached the sink behind the recorder.
        assert_eq!(memory.get("data/b.csv").as_deref(), Some(&b"abc"[..]));
    }
}
