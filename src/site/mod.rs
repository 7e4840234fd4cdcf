//! The public site (SPEC §5.1): every page in Indonesian at `/` and English at `/en/`, rendered
//! in parallel from pre-parsed minijinja templates, plus evidence files, static assets,
//! `sitemap.xml`, `robots.txt` and `404.html`.
//!
//! Links between pages are relative (`../../indikator/iku-1/`), so the site works under any
//! sub-path and from disk; only the sitemap and canonical links use the base URL.

mod filters;
mod html;
mod theme;

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::value::Serde;
use rayon::prelude::*;
use serde::Serialize;

use crate::compute::Ledger;
use crate::content::model::{BuktiSumber, Sakip, Site};
use crate::diagnostics::{Diagnostics, Lang};
use crate::output::Sink;
use crate::present::indicator::Roots;
use crate::present::view::{self, Link, Txt, same, txt};
use crate::present::{Presenter, Words, dashboard, indicator, markdown, tree, year};

/// What the site needs besides the model and the ledger.
pub struct Options<'a> {
    /// The site root (holds `content/` and `themes/`).
    pub root: &'a Path,
    /// The public address, ending in `/` (from `--base-url` or `situs.base_url`).
    pub base_url: String,
}

/// The interface words of one language with their template value `t`, converted once for
/// every page.
struct Interface {
    words: Words,
    value: minijinja::Value,
}

impl Interface {
    fn new(lang: Lang) -> Interface {
        let words = Words::new(lang);
        let value = minijinja::Value::from(Serde(words.all()));
        Interface { words, value }
    }
}

/// One page to render: its path under the language root and what it shows.
#[derive(Clone)]
enum Kind {
    Dashboard,
    Indicator(usize),
    Year(i32),
    Cascading,
    Downloads,
    Search,
    Markdown(usize),
}

struct Job {
    lang: Lang,
    kind: Kind,
    path: String,
}

/// Everything a template gets.
#[derive(Serialize)]
struct Context<'a, P: Serialize> {
    lang: &'static str,
    t: &'a minijinja::Value,
    /// Relative path to the site root (static files, evidence).
    root: String,
    /// Relative path to this language's root.
    lang_root: String,
    /// The same page in the other language.
    other_url: String,
    canonical: String,
    title: String,
    /// The [`SiteView`], converted once for every page.
    site: &'a minijinja::Value,
    nav: Vec<NavItem>,
    crumbs: Vec<Link>,
    page: P,
}

#[derive(Serialize)]
struct NavItem {
    label: Txt,
    url: String,
    current: bool,
}

/// The agency and site settings as templates show them.
#[derive(Serialize)]
struct SiteView {
    judul: Txt,
    instansi: Txt,
    singkatan: Option<Txt>,
    pemerintah: Txt,
    alamat: Option<Txt>,
    telepon: Option<String>,
    situs: Option<String>,
    data_contoh: bool,
    as_of: String,
    years: Vec<i32>,
    pages: Vec<(String, Txt)>,
}

/// Render the whole site into `out`. Template problems are diagnostics; then nothing is added.
pub fn render(site: &Site, ledger: &Ledger, options: &Options, out: &dyn Sink, diags: &mut Diagnostics) {
    let Some(sakip) = &site.sakip else { return };
    let Some(theme) = theme::load(options.root, &sakip.situs.tema.value, diags) else { return };
    let input = Presenter::new(site, ledger);
    let words = [Interface::new(Lang::Id), Interface::new(Lang::En)];
    let views = [site_view(&input, sakip, Lang::Id), site_view(&input, sakip, Lang::En)];
    let site_values = views.each_ref().map(|v| minijinja::Value::from(Serde(v)));
    let jobs = jobs(&input);
    // Each page goes to disk as soon as it is rendered; only the errors are collected.
    // Pages that list the whole site (a year, the tree, search) are the longest: start them
    // first so the many small pages fill the other cores meanwhile.
    let mut order: Vec<&Job> = jobs.iter().collect();
    order.sort_by_key(|job| !matches!(job.kind, Kind::Year(_) | Kind::Cascading | Kind::Search));
    let errors: Vec<(String, minijinja::Error)> = order
        .par_iter()
        .with_max_len(1)
        .filter_map(|&job| {
            let i = usize::from(job.lang == Lang::En);
            match render_page(&theme, &input, job, &words[i], (&views[i], &site_values[i]), options) {
                Ok((path, html)) => {
                    out.add(&path, html.as_bytes());
                    None
                }
                Err(e) => Some(e),
            }
        })
        .collect();
    if !errors.is_empty() {
        for (template, e) in errors {
            theme.report(diags, &template, &e);
        }
        return;
    }
    match not_found(&theme, &words[0], (&views[0], &site_values[0]), options) {
        Ok(html) => out.add("404.html", html.as_bytes()),
        Err(e) => theme.report(diags, "404.html", &e),
    }
    for (name, bytes) in &theme.statics {
        out.add(&format!("static/{name}"), bytes);
    }
    copy_evidence(site, options.root, out, diags);
    out.add("sitemap.xml", sitemap(&jobs, &options.base_url).as_bytes());
    out.add(
        "robots.txt",
        format!("User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n", options.base_url).as_bytes(),
    );
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
        add(Kind::Cascading, "cascading/".into());
        add(Kind::Downloads, "unduh/".into());
        add(Kind::Search, "cari/".into());
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

type Rendered = Result<(String, String), (String, minijinja::Error)>;

fn render_page(
    theme: &theme::Theme,
    input: &Presenter,
    job: &Job,
    ui: &Interface,
    (site, site_value): (&SiteView, &minijinja::Value),
    options: &Options,
) -> Rendered {
    let depth = format!("{}{}", prefix(job.lang), job.path).matches('/').count();
    let root = "../".repeat(depth);
    let lang_root = format!("{root}{}", prefix(job.lang));
    let other = if job.lang == Lang::Id { Lang::En } else { Lang::Id };
    let t = &ui.words;
    let home = Link { label: same(t.get("home")), url: lang_root.clone(), external: false };
    let base =
        Base { ui, site, site_value, job, root: &root, lang_root: &lang_root, other, options, in_nav: true };
    let (template, result) = match &job.kind {
        Kind::Dashboard => (
            "dashboard.html",
            base.render(theme, "dashboard.html", t.get("dashboard"), vec![], dashboard::dashboard(input, t)),
        ),
        Kind::Indicator(i) => {
            let (ind, l) = input.indicators()[*i];
            let page = indicator::indicator(input, ind, l, t, Roots { lang: &lang_root, site: &root });
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
                base.render(theme, "tahun.html", &title, vec![home], year::year(input, *tahun, t, &root)),
            )
        }
        Kind::Cascading => (
            "cascading.html",
            base.render(
                theme,
                "cascading.html",
                t.get("cascading"),
                vec![home],
                tree::cascading(input, job.lang),
            ),
        ),
        Kind::Downloads => (
            "unduh.html",
            base.render(theme, "unduh.html", t.get("downloads"), vec![home], downloads(&root, t)),
        ),
        Kind::Search => {
            let entries = tree::search(input, t, &lang_root, &site.pages);
            ("cari.html", base.render(theme, "cari.html", t.get("search"), vec![home], entries))
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
    result.map(|html| (file_of(job), html)).map_err(|e| (template.to_string(), e))
}

struct Base<'a> {
    ui: &'a Interface,
    site: &'a SiteView,
    site_value: &'a minijinja::Value,
    job: &'a Job,
    root: &'a str,
    lang_root: &'a str,
    other: Lang,
    options: &'a Options<'a>,
    /// False on the 404 page, which is no entry of the menu.
    in_nav: bool,
}

impl Base<'_> {
    fn render<P: Serialize>(
        &self,
        theme: &theme::Theme,
        template: &str,
        title: &str,
        crumbs: Vec<Link>,
        page: P,
    ) -> Result<String, minijinja::Error> {
        let ctx = Context {
            lang: lang_code(self.job.lang),
            t: &self.ui.value,
            root: self.root.to_string(),
            lang_root: self.lang_root.to_string(),
            other_url: format!("{}{}{}", self.root, prefix(self.other), self.job.path),
            canonical: format!("{}{}{}", self.options.base_url, prefix(self.job.lang), self.job.path),
            title: title.to_string(),
            site: self.site_value,
            nav: nav(
                &self.ui.words,
                self.site,
                self.lang_root,
                self.in_nav.then_some(self.job.path.as_str()),
            ),
            crumbs,
            page,
        };
        theme.env.get_template(template)?.render(Serde(&ctx))
    }
}

/// The main menu; `path` is the current page's (none on the 404 page).
fn nav(t: &Words, site: &SiteView, lang_root: &str, path: Option<&str>) -> Vec<NavItem> {
    let mut items = vec![(same(t.get("dashboard")), String::new())];
    if let Some(y) = site.years.last() {
        items.push((same(&format!("{} {y}", t.get("year"))), format!("tahun/{y}/")));
    }
    items.push((same(t.get("cascading")), "cascading/".into()));
    items.push((same(t.get("downloads")), "unduh/".into()));
    items.extend(site.pages.iter().map(|(slug, title)| (title.clone(), format!("{slug}/"))));
    items
        .into_iter()
        .map(|(label, p)| NavItem {
            current: Some(p.as_str()) == path,
            url: format!("{lang_root}{p}"),
            label,
        })
        .collect()
}

/// A Markdown page.
#[derive(Serialize)]
struct MarkdownPage {
    html: String,
    lang: Option<&'static str>,
}

/// The downloads page: reports (none until the report issue lands) and the open data.
#[derive(Serialize)]
struct Downloads {
    reports: Vec<Link>,
    data: Vec<Link>,
}

fn downloads(root: &str, t: &Words) -> Downloads {
    let files: [(&str, &str, &str); 6] = [
        ("capaian.csv", "Capaian kinerja (CSV)", "Performance achievement (CSV)"),
        ("capaian.json", "Capaian kinerja (JSON)", "Performance achievement (JSON)"),
        ("tindak-lanjut.csv", "Tindak lanjut rekomendasi (CSV)", "Follow-up of recommendations (CSV)"),
        ("pelaporan.csv", "Kalender pelaporan (CSV)", "Reporting calendar (CSV)"),
        ("ikm.csv", "Indeks Kepuasan Masyarakat (CSV)", "Public Satisfaction Index (CSV)"),
        (
            "datapackage.json",
            "Deskripsi data (Frictionless Data Package)",
            "Data description (Frictionless Data Package)",
        ),
    ];
    let data = files
        .iter()
        .map(|(file, id, en)| Link {
            label: same(if t.lang == Lang::Id { id } else { en }),
            url: format!("{root}data/{file}"),
            external: false,
        })
        .collect();
    Downloads { reports: Vec::new(), data }
}

fn not_found(
    theme: &theme::Theme,
    ui: &Interface,
    (site, site_value): (&SiteView, &minijinja::Value),
    options: &Options,
) -> Result<String, minijinja::Error> {
    // Served for any missing path, so its links are absolute from the base URL's path.
    let base_path = base_path(&options.base_url);
    let job = Job { lang: Lang::Id, kind: Kind::Dashboard, path: String::new() };
    let base = Base {
        ui,
        site,
        site_value,
        job: &job,
        root: &base_path,
        lang_root: &base_path,
        other: Lang::En,
        options,
        in_nav: false,
    };
    base.render(theme, "404.html", ui.words.get("not_found"), vec![], ())
}

/// The path part of a URL (`https://x.go.id/kinerja/` → `/kinerja/`).
fn base_path(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    if path.ends_with('/') { path.to_string() } else { format!("{path}/") }
}

/// Copy every evidence file the content references (and only those) to `bukti/`.
fn copy_evidence(site: &Site, root: &Path, out: &dyn Sink, diags: &mut Diagnostics) {
    let mut paths = std::collections::BTreeSet::new();
    for year in site.years.values() {
        let from_files =
            year.realisasi.iter().flatten().flat_map(|f| &f.capaian).flat_map(|c| &c.data_dukung);
        let from_follow_up = year
            .evaluasi
            .iter()
            .flat_map(|e| &e.evaluasi)
            .flat_map(|e| &e.rekomendasi)
            .filter_map(|r| r.tindak_lanjut.as_ref())
            .flat_map(|t| &t.bukti);
        for b in from_files.chain(from_follow_up) {
            if let BuktiSumber::Berkas(p) = &b.sumber {
                paths.insert(p.clone());
            }
        }
    }
    for rel in paths {
        let shown = format!("content/{}", rel.display());
        match std::fs::read(root.join("content").join(&rel)) {
            Ok(bytes) => out.add(&format!("bukti/{}", rel.to_string_lossy().replace('\\', "/")), &bytes),
            Err(e) => theme::report(diags, &shown, None, &e.to_string()),
        }
    }
}

fn sitemap(jobs: &[Job], base_url: &str) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for job in jobs {
        let url = format!("{base_url}{}{}", prefix(job.lang), job.path);
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", xml_escape(&url)));
    }
    xml.push_str("</urlset>\n");
    xml
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
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
