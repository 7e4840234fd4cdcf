//! The template context of one page: the parts every page has (language, links to the roots
//! and to the other language, canonical URL, site view, menu, breadcrumbs) around what the
//! page itself shows, and the small page views that need nothing from `present`.

use minijinja::value::Serde;
use serde::Serialize;

use super::{Job, Options, Shared, SiteView, lang_code, prefix, theme, tidy};
use crate::diagnostics::Lang;
use crate::present::view::{Link, Txt, same, txt};
use crate::present::year::YearPage;
use crate::present::{Words, format};
use crate::reports::{self, Document, Download};

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
    /// The years, under the latest year's entry when there are two or more: every year is one
    /// step from the menu (a `<details>` list, no script needed).
    years: Vec<NavItem>,
}

/// Where a page is and what it shares with the other pages of its language.
pub(super) struct Base<'a> {
    pub(super) shared: &'a Shared,
    pub(super) job: &'a Job,
    pub(super) root: &'a str,
    pub(super) lang_root: &'a str,
    pub(super) other: Lang,
    pub(super) options: &'a Options<'a>,
    /// False on the 404 page, which is no entry of the menu.
    pub(super) in_nav: bool,
}

impl Base<'_> {
    /// Render `template` with the context of this page around `page`.
    pub(super) fn render<P: Serialize>(
        &self,
        theme: &theme::Theme,
        template: &str,
        title: &str,
        crumbs: Vec<Link>,
        page: P,
    ) -> Result<String, minijinja::Error> {
        let ctx = Context {
            lang: lang_code(self.job.lang),
            t: &self.shared.ui.value,
            root: self.root.to_string(),
            lang_root: self.lang_root.to_string(),
            other_url: format!("{}{}{}", self.root, prefix(self.other), self.job.path),
            canonical: format!("{}{}{}", self.options.base_url, prefix(self.job.lang), self.job.path),
            title: title.to_string(),
            site: &self.shared.site_value,
            nav: nav(
                &self.shared.ui.words,
                &self.shared.site,
                self.lang_root,
                self.in_nav.then_some(self.job.path.as_str()),
            ),
            crumbs,
            page,
        };
        // The templates' indentation and blank lines are for their editors, not the pages.
        Ok(tidy::collapse(&theme.env.get_template(template)?.render(Serde(&ctx))?))
    }
}

/// The main menu; `path` is the current page's (none on the 404 page).
fn nav(t: &Words, site: &SiteView, lang_root: &str, path: Option<&str>) -> Vec<NavItem> {
    let item = |label: Txt, p: String, years: Vec<NavItem>| NavItem {
        current: Some(p.as_str()) == path,
        url: format!("{lang_root}{p}"),
        label,
        years,
    };
    let mut items = vec![item(same(t.get("dashboard")), String::new(), vec![])];
    if let Some(y) = site.years.last() {
        let all = if site.years.len() > 1 {
            site.years
                .iter()
                .rev()
                .map(|y| item(same(&y.to_string()), format!("tahun/{y}/"), vec![]))
                .collect()
        } else {
            Vec::new()
        };
        items.push(item(same(&format!("{} {y}", t.get("year"))), format!("tahun/{y}/"), all));
    }
    items.push(item(same(t.get("cascading")), "cascading/".into(), vec![]));
    items.push(item(same(t.get("downloads")), "unduh/".into(), vec![]));
    items.extend(site.pages.iter().map(|(slug, title)| item(title.clone(), format!("{slug}/"), vec![])));
    items
}

/// A Markdown page.
#[derive(Serialize)]
pub(super) struct MarkdownPage {
    pub(super) html: String,
    pub(super) lang: Option<&'static str>,
}

/// A file on the downloads page.
#[derive(Serialize)]
pub(super) struct DownloadView {
    judul: Txt,
    url: String,
    /// The file name, as `SHA256SUMS` ends its line.
    nama: String,
    jenis: &'static str,
    tahun: Option<i32>,
    ukuran: String,
    bytes: u64,
    sha256: String,
}

/// The downloads page: the reports under `unduh/`, the open data, and the checksums file.
#[derive(Serialize)]
pub(super) struct Downloads {
    reports: Vec<DownloadView>,
    data: Vec<DownloadView>,
    sums: String,
}

/// The downloads page of a page at `root`, from the files as written.
pub(super) fn downloads(files: &[Download], root: &str, lang: Lang) -> Downloads {
    let view = |d: &Download| DownloadView {
        judul: txt(&d.judul, lang),
        url: format!("{root}{}", d.path),
        nama: d.path.clone(),
        jenis: d.format.label(),
        tahun: d.tahun,
        ukuran: format::ukuran(d.bytes, lang),
        bytes: d.bytes,
        sha256: d.sha256.clone(),
    };
    let (reports, data): (Vec<&Download>, Vec<&Download>) =
        files.iter().partition(|d| d.path.starts_with("unduh/"));
    Downloads {
        reports: reports.into_iter().map(view).collect(),
        data: data.into_iter().map(view).collect(),
        sums: format!("{root}{}", reports::SHA256SUMS),
    }
}

/// A year page with the links to the year's reports.
#[derive(Serialize)]
pub(super) struct YearWithReports {
    #[serde(flatten)]
    pub(super) year: YearPage,
    /// Named apart from the page's `reports` (the reporting calendar).
    pub(super) unduhan: Vec<Link>,
}

/// An indicator page with the links to the reports of the years it has figures in (years of its
/// own ledger rows, so the preview's fingerprint of the page covers them).
#[derive(Serialize)]
pub(super) struct IndicatorWithReports<P: Serialize> {
    #[serde(flatten)]
    pub(super) page: P,
    pub(super) unduhan: Vec<Link>,
}

/// Links to the reports of `tahun` for a page at `root`.
pub(super) fn reports_of(documents: &[Document], tahun: i32, root: &str, lang: Lang) -> Vec<Link> {
    documents
        .iter()
        .filter(|d| d.tahun == Some(tahun))
        .map(|d| Link { label: txt(&d.judul, lang), url: format!("{root}{}", d.path), external: false })
        .collect()
}
