//! The public site (SPEC §5.1): every page in Indonesian at `/` and English at `/en/`, rendered
//! in parallel from pre-parsed minijinja templates, plus the search index of each language,
//! evidence files, static assets, `sitemap.xml`, `robots.txt` and `404.html`.
//!
//! Links between pages are relative (`../../indikator/iku-1/`), so the site works under any
//! sub-path and from disk; only the sitemap and canonical links use the base URL.
//!
//! A render may be given an earlier one to copy from: each indicator page whose fingerprint
//! (templates, what its language's pages share, its own inputs) is the earlier page's is copied
//! rather than rendered (`reuse`). That is the preview's partial rebuild; a build has nothing
//! to copy from and renders every page.

mod escape;
mod files;
mod filters;
mod html;
mod page;
mod reuse;
mod rows;
mod theme;
mod tidy;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use minijinja::value::{Enumerator, Object, Serde};
use rayon::prelude::*;
use serde::Serialize;

use crate::compute::Ledger;
use crate::content::model::{Sakip, Site};
use crate::diagnostics::{Diagnostics, Lang};
use crate::history::History;
use crate::output::Sink;
use crate::present::indicator::{Inputs, Roots};
use crate::present::view::{self, Link, Txt, same, txt};
use crate::present::{
    Presenter, Words, bukti, dashboard, history, indicator, lke_bukti, markdown, pk, search, tree, year,
};
use crate::reports::{Document, Download};
use page::{Base, IndicatorWithReports, MarkdownPage, YearWithReports, downloads, reports_of};
pub use reuse::{Earlier, Fingerprints, Pages};

/// What the site needs besides the model and the ledger.
pub struct Options<'a> {
    /// The site root (holds `content/` and `themes/`).
    pub root: &'a Path,
    /// The public address, ending in `/` (from `--base-url` or `situs.base_url`).
    pub base_url: String,
    /// The commits that changed the data, for the provenance lines and the history page.
    pub history: &'a History,
    /// The documents being written beside the pages, for the year pages' links.
    pub documents: &'a [Document],
}

/// What writes the downloads while the pages render, and lists them as written.
pub type Publish<'p> = dyn Fn() -> Vec<Download> + Sync + 'p;

/// The interface words of one language with their template value `t`, converted once for
/// every page.
struct Interface {
    words: Words,
    value: minijinja::Value,
}

impl Interface {
    fn new(lang: Lang) -> Interface {
        let words = Words::new(lang);
        let table = words.all().iter().map(|(k, w)| (*k, minijinja::Value::from(*w))).collect();
        let value = minijinja::Value::from_object(WordTable(table));
        Interface { words, value }
    }
}

/// The words as templates see `t`: found by name in a hash table. A page looks up some fifty
/// words, and the ordered map that serde would make compares template values at every step.
#[derive(Debug)]
struct WordTable(HashMap<&'static str, minijinja::Value>);

impl Object for WordTable {
    fn get_value(self: &Arc<Self>, key: &minijinja::Value) -> Option<minijinja::Value> {
        self.get_value_by_str(key.as_str()?)
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<minijinja::Value> {
        self.0.get(key).cloned()
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        let mut keys: Vec<&'static str> = self.0.keys().copied().collect();
        keys.sort_unstable();
        Enumerator::Values(keys.into_iter().map(minijinja::Value::from).collect())
    }
}

/// One page to render: its path under the language root and what it shows.
#[derive(Clone)]
enum Kind {
    Dashboard,
    Indicator(usize),
    Year(i32),
    /// The evidence matrix of a year.
    Evidence(i32),
    /// The LKE evidence of a year.
    LkeEvidence(i32),
    /// The performance agreements (PK) of a year.
    Pk(i32),
    /// A programme's indicators and budgets in a year: the year and the programme's place in
    /// `cascading.yaml`.
    Program(i32, usize),
    Cascading,
    Downloads,
    Search,
    History,
    Markdown(usize),
}

struct Job {
    lang: Lang,
    kind: Kind,
    path: String,
}

/// The agency and site settings as templates show them.
#[derive(Serialize, Debug)]
struct SiteView {
    judul: Txt,
    instansi: Txt,
    singkatan: Option<Txt>,
    pemerintah: Txt,
    alamat: Option<Txt>,
    telepon: Option<String>,
    situs: Option<String>,
    data_contoh: bool,
    /// The open data's licence (`situs.lisensi`).
    lisensi: String,
    as_of: String,
    years: Vec<i32>,
    pages: Vec<(String, Txt)>,
}

/// Render the whole site into `out` while `publish` writes the downloads; the downloads page
/// is rendered last, from what `publish` lists. With an `earlier` render (the preview's), copy
/// from it the indicator pages whose inputs are those it rendered them from, and fingerprint
/// them for the next (see `reuse`); a build has none, and renders every page. Template problems
/// are diagnostics; then nothing more is added.
pub fn render(
    site: &Site,
    ledger: &Ledger,
    options: &Options,
    out: &dyn Sink,
    diags: &mut Diagnostics,
    earlier: Option<&Earlier>,
    publish: &Publish,
) -> Pages {
    let Some(sakip) = &site.sakip else {
        publish();
        return Pages::default();
    };
    let Some(theme) = theme::load(options.root, &sakip.situs.tema.value, diags) else {
        publish();
        return Pages::default();
    };
    let mut renderer = Renderer::new(theme, Presenter::new(site, ledger), sakip, options);
    if earlier.is_some() {
        renderer.fingerprints = renderer.inputs.par_iter().map(reuse::inputs).collect();
    }
    let jobs = jobs(&renderer.input);
    // Each page goes to the sink as soon as it is rendered; only the errors are collected.
    // Pages that list the whole site (a year, the tree) are the longest: start them
    // first so the many small pages fill the other cores meanwhile. The downloads pages wait
    // for the sizes and checksums of what they list.
    let (mut order, last): (Vec<&Job>, Vec<&Job>) =
        jobs.iter().partition(|job| !matches!(job.kind, Kind::Downloads));
    order.sort_by_key(|job| !matches!(job.kind, Kind::Year(_) | Kind::Cascading));
    let (mut results, downloads): (Vec<_>, _) = rayon::join(
        || order.par_iter().with_max_len(1).map(|&job| renderer.write(job, out, earlier)).collect(),
        publish,
    );
    renderer.downloads = downloads;
    results.extend(last.iter().map(|&job| renderer.write(job, out, earlier)));
    let mut written = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(page) => written.extend(page),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        for (template, e) in errors {
            renderer.theme.report(diags, &template, &e);
        }
        return Pages::default();
    }
    match renderer.not_found() {
        Ok(html) => out.add("404.html", html.as_bytes()),
        Err(e) => renderer.theme.report(diags, "404.html", &e),
    }
    for (name, bytes) in &renderer.theme.statics {
        out.add(&format!("static/{name}"), bytes);
    }
    renderer.search_index(out);
    files::copy_evidence(site, options.root, out, diags);
    let pages = jobs.iter().map(|job| format!("{}{}", prefix(job.lang), job.path));
    files::sitemap_and_robots(pages, &options.base_url, out);
    Pages::new(written)
}

/// What the pages of a render read.
struct Renderer<'a> {
    theme: theme::Theme,
    input: Presenter<'a>,
    /// The inputs of each indicator's pages, in the order of [`Presenter::indicators`].
    inputs: Vec<Inputs<'a>>,
    /// Their fingerprints, when the render has an earlier one to copy from.
    fingerprints: Vec<u64>,
    /// What the pages of each language share: Indonesian, English.
    langs: [Shared; 2],
    options: &'a Options<'a>,
    /// Every download as written, once `publish` has written them.
    downloads: Vec<Download>,
}

/// What the pages of one language share.
struct Shared {
    ui: Interface,
    site: SiteView,
    /// The [`SiteView`], converted once for every page.
    site_value: minijinja::Value,
    /// The fingerprint of the above, the base URL and the templates.
    fingerprint: u64,
    /// The tops, menus and footers as rendered.
    chrome: page::Chromes,
}

impl<'a> Renderer<'a> {
    fn new(
        theme: theme::Theme,
        input: Presenter<'a>,
        sakip: &Sakip,
        options: &'a Options<'a>,
    ) -> Renderer<'a> {
        let inputs = input
            .indicators()
            .iter()
            .map(|&(ind, l)| Inputs::new(&input, ind, l, options.history.last_change(&ind.id.value)))
            .collect();
        let langs = [Lang::Id, Lang::En].map(|lang| {
            let ui = Interface::new(lang);
            let site = site_view(&input, sakip, lang);
            let site_value = minijinja::Value::from(Serde(&site));
            let fingerprint = reuse::shared(theme.fingerprint, &site, &ui.words, &options.base_url);
            let chrome = page::Chromes::new(&ui.words, &site);
            Shared { ui, site, site_value, fingerprint, chrome }
        });
        Renderer { theme, input, inputs, fingerprints: Vec::new(), langs, options, downloads: Vec::new() }
    }

    fn shared(&self, lang: Lang) -> &Shared {
        &self.langs[usize::from(lang == Lang::En)]
    }

    /// Render `job` into `out`, or copy it from `earlier`; what the tally of indicator pages
    /// needs, or the template that failed and why.
    fn write(
        &self,
        job: &Job,
        out: &dyn Sink,
        earlier: Option<&Earlier>,
    ) -> Result<Option<reuse::Written>, (String, minijinja::Error)> {
        if let (Kind::Indicator(i), Some(earlier)) = (&job.kind, earlier)
            && let Some(&inputs) = self.fingerprints.get(*i)
        {
            let fingerprints = (self.shared(job.lang).fingerprint, inputs);
            let render = || self.render_page(job);
            return reuse::write(earlier, fingerprints, file_of(job), out, render).map(Some);
        }
        out.add(&file_of(job), self.render_page(job)?.as_bytes());
        Ok(None)
    }

    /// The HTML of `job`, or the template that failed and why.
    fn render_page(&self, job: &Job) -> Result<String, (String, minijinja::Error)> {
        let depth = format!("{}{}", prefix(job.lang), job.path).matches('/').count();
        let root = "../".repeat(depth);
        let lang_root = format!("{root}{}", prefix(job.lang));
        let other = if job.lang == Lang::Id { Lang::En } else { Lang::Id };
        let shared = self.shared(job.lang);
        let t = &shared.ui.words;
        let home = Link { label: same(t.get("home")), url: lang_root.clone(), external: false };
        let (theme, input) = (&self.theme, &self.input);
        let base = Base {
            shared,
            job,
            root: &root,
            lang_root: &lang_root,
            other,
            options: self.options,
            in_nav: true,
        };
        let (template, result) = match &job.kind {
            Kind::Dashboard => (
                "dashboard.html",
                base.render(
                    theme,
                    "dashboard.html",
                    t.get("dashboard"),
                    vec![],
                    dashboard::dashboard(input, t),
                ),
            ),
            Kind::Indicator(i) => {
                let inputs = &self.inputs[*i];
                let ind = inputs.ind;
                let page = indicator::indicator(inputs, t, Roots { lang: &lang_root, site: &root });
                let years: std::collections::BTreeSet<i32> =
                    inputs.ledger.rows.iter().map(|r| r.tahun).collect();
                let unduhan = years
                    .into_iter()
                    .rev()
                    .flat_map(|tahun| reports_of(self.options.documents, tahun, &root, job.lang))
                    .collect();
                let page = IndicatorWithReports { page, unduhan };
                let title = format!("{} — {}", ind.id.value, txt(&ind.nama, job.lang).text);
                let crumbs = vec![
                    home,
                    Link {
                        label: same(t.get("cascading")),
                        url: format!("{lang_root}cascading/"),
                        external: false,
                    },
                ];
                ("indikator.html", base.render(theme, "indikator.html", &title, crumbs, page))
            }
            Kind::Year(tahun) => {
                let title = format!("{} {tahun}", t.get("measurement"));
                (
                    "tahun.html",
                    base.render(
                        theme,
                        "tahun.html",
                        &title,
                        vec![home],
                        YearWithReports {
                            year: year::year(input, *tahun, t, &root),
                            unduhan: reports_of(self.options.documents, *tahun, &root, job.lang),
                        },
                    ),
                )
            }
            Kind::Evidence(tahun) => {
                let title = format!("{} {tahun}", t.get("evidence_matrix"));
                let crumbs = vec![home, year_link(t, &lang_root, *tahun)];
                let page = bukti::page(input, *tahun, t);
                ("bukti-dukung.html", base.render(theme, "bukti-dukung.html", &title, crumbs, page))
            }
            Kind::LkeEvidence(tahun) => {
                let title = format!("{} {tahun}", t.get("lke_evidence"));
                let crumbs = vec![home, year_link(t, &lang_root, *tahun)];
                let page = lke_bukti::page(input, *tahun, t, &lang_root);
                ("lke.html", base.render(theme, "lke.html", &title, crumbs, page))
            }
            Kind::Pk(tahun) => {
                let title = format!("{} {tahun}", t.get("pk_of_year"));
                let crumbs = vec![home, year_link(t, &lang_root, *tahun)];
                ("pk.html", base.render(theme, "pk.html", &title, crumbs, pk::page(input, *tahun, t)))
            }
            Kind::Program(tahun, i) => {
                let Some(prog) = year::programs(input).nth(*i) else { return Ok(String::new()) };
                let page = year::program(input, *tahun, prog, t);
                let title = format!("{} {tahun} — {}", t.get("measurement"), prog.unit.kode.value);
                let crumbs = vec![home, year_link(t, &lang_root, *tahun)];
                ("tahun-program.html", base.render(theme, "tahun-program.html", &title, crumbs, page))
            }
            Kind::Cascading => (
                "cascading.html",
                base.render(
                    theme,
                    "cascading.html",
                    t.get("cascading"),
                    vec![home],
                    tree::cascading(input, job.lang, &lang_root),
                ),
            ),
            Kind::Downloads => (
                "unduh.html",
                base.render(
                    theme,
                    "unduh.html",
                    t.get("downloads"),
                    vec![home],
                    downloads(&self.downloads, &root, job.lang),
                ),
            ),
            // The page has the box; what it finds is in its index, `indeks.js` (`search_index`).
            Kind::Search => ("cari.html", base.render(theme, "cari.html", t.get("search"), vec![home], ())),
            Kind::History => {
                let page = history::page(self.options.history, job.lang);
                ("riwayat.html", base.render(theme, "riwayat.html", t.get("history"), vec![home], page))
            }
            Kind::Markdown(i) => {
                let p = &input.site.pages[*i];
                let (title, _) = p.title.get(p.lang);
                let page = MarkdownPage {
                    html: markdown::to_html(&p.body),
                    lang: (p.lang != job.lang).then_some(lang_code(p.lang)),
                };
                ("halaman.html", base.render(theme, "halaman.html", title, vec![home], page))
            }
        };
        result.map_err(|e| (template.to_string(), e))
    }

    /// The search index of each language beside its search page (`present::search`).
    fn search_index(&self, out: &dyn Sink) {
        for lang in [Lang::Id, Lang::En] {
            let shared = self.shared(lang);
            let entries = search::entries(&self.input, &shared.ui.words, &shared.site.pages);
            out.add(&format!("{}{SEARCH_INDEX}", prefix(lang)), search::index_js(&entries).as_bytes());
        }
    }

    /// The 404 page. It is served for any missing path, so its links are absolute from the
    /// base URL's path.
    fn not_found(&self) -> Result<String, minijinja::Error> {
        let base_path = base_path(&self.options.base_url);
        let job = Job { lang: Lang::Id, kind: Kind::Dashboard, path: String::new() };
        let shared = self.shared(Lang::Id);
        let base = Base {
            shared,
            job: &job,
            root: &base_path,
            lang_root: &base_path,
            other: Lang::En,
            options: self.options,
            in_nav: false,
        };
        base.render(&self.theme, "404.html", shared.ui.words.get("not_found"), vec![], ())
    }
}

/// The breadcrumb link to the page of `tahun`.
fn year_link(t: &Words, lang_root: &str, tahun: i32) -> Link {
    Link {
        label: same(&format!("{} {tahun}", t.get("measurement"))),
        url: format!("{lang_root}tahun/{tahun}/"),
        external: false,
    }
}

fn site_view(input: &Presenter, sakip: &Sakip, lang: Lang) -> SiteView {
    let i = &sakip.instansi;
    let pages = markdown_pages(input.site, lang);
    SiteView {
        judul: txt(&sakip.situs.judul, lang),
        instansi: txt(&i.nama, lang),
        singkatan: i.singkatan.as_ref().map(|s| txt(s, lang)),
        pemerintah: txt(&i.pemerintah, lang),
        alamat: i.alamat.as_ref().map(|a| txt(a, lang)),
        telepon: i.telepon.clone(),
        situs: i.situs.clone(),
        data_contoh: sakip.situs.data_contoh,
        lisensi: sakip.situs.lisensi.clone(),
        as_of: input.ledger.as_of.to_string(),
        years: input.years().iter().copied().collect(),
        pages: pages.into_iter().map(|(slug, _, title)| (slug, title)).collect(),
    }
}

/// Markdown pages of a language: (slug, index in the model, title). A page written in one
/// language also appears in the other, marked with its own language.
fn markdown_pages(site: &Site, lang: Lang) -> Vec<(String, usize, Txt)> {
    let mut by_slug: BTreeMap<String, (i64, usize)> = BTreeMap::new();
    for (i, p) in site.pages.iter().enumerate() {
        let entry = by_slug.entry(p.slug.value.clone()).or_insert((p.order, i));
        if p.lang == lang {
            *entry = (p.order, i);
        }
    }
    let mut out: Vec<(i64, String, usize)> =
        by_slug.into_iter().map(|(slug, (order, i))| (order, slug, i)).collect();
    out.sort();
    out.into_iter()
        .map(|(_, slug, i)| {
            let p = &site.pages[i];
            let (title, _) = p.title.get(p.lang);
            let title = Txt { text: title.to_string(), lang: (p.lang != lang).then_some(lang_code(p.lang)) };
            (slug, i, title)
        })
        .collect()
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id",
        Lang::En => "en",
    }
}

/// The top-level names a build writes besides the Markdown pages: the pages of [`jobs`], the
/// English tree, the files of [`render`] and the exports. A page slug is a top-level folder, so
/// it may not be one of these (validate.rs); tests/site.rs builds the example and compares its
/// top level with this list, so the two cannot drift apart.
pub const GENERATED: &[&str] = &[
    "index.html",
    "indikator",
    "tahun",
    "cascading",
    "unduh",
    "cari",
    "riwayat",
    "en",
    "static",
    "bukti",
    "data",
    "404.html",
    "sitemap.xml",
    "robots.txt",
];

/// The search index, beside the search page of its language.
const SEARCH_INDEX: &str = "cari/indeks.js";

fn jobs(input: &Presenter) -> Vec<Job> {
    let mut jobs = Vec::new();
    for lang in [Lang::Id, Lang::En] {
        let mut add = |kind: Kind, path: String| jobs.push(Job { lang, kind, path });
        add(Kind::Dashboard, String::new());
        for (i, (ind, _)) in input.indicators().iter().enumerate() {
            add(Kind::Indicator(i), format!("indikator/{}/", view::slug(&ind.id.value)));
        }
        for &tahun in input.years() {
            add(Kind::Year(tahun), format!("tahun/{tahun}/"));
        }
        for &tahun in input.years() {
            add(Kind::Evidence(tahun), format!("tahun/{tahun}/bukti-dukung/"));
            add(Kind::LkeEvidence(tahun), format!("tahun/{tahun}/lke/"));
        }
        for &tahun in input.years() {
            for (i, prog) in year::programs(input).enumerate() {
                if year::has_program_page(input, tahun, prog) {
                    add(
                        Kind::Program(tahun, i),
                        format!("tahun/{tahun}/{}", year::program_path(&prog.unit.kode.value)),
                    );
                }
            }
        }
        for (&tahun, _) in input.site.years.iter().filter(|(_, y)| y.pk.is_some()) {
            add(Kind::Pk(tahun), format!("tahun/{tahun}/pk/"));
        }
        add(Kind::Cascading, "cascading/".into());
        add(Kind::Downloads, "unduh/".into());
        add(Kind::Search, "cari/".into());
        add(Kind::History, "riwayat/".into());
        for (slug, i, _) in markdown_pages(input.site, lang) {
            add(Kind::Markdown(i), format!("{slug}/"));
        }
    }
    jobs
}

/// The output path of a page.
fn file_of(job: &Job) -> String {
    format!("{}{}index.html", prefix(job.lang), job.path)
}

fn prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "",
        Lang::En => "en/",
    }
}

/// The path part of a URL (`https://x.go.id/kinerja/` → `/kinerja/`).
fn base_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    if path.ends_with('/') { path.to_string() } else { format!("{path}/") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_keeps_the_sub_path() {
        assert_eq!(base_path("https://dpmptsp.purwakartakab.go.id/kinerja/"), "/kinerja/");
        assert_eq!(base_path("https://x.go.id"), "/");
        assert_eq!(base_path("https://x.go.id/a/b"), "/a/b/");
    }
}
