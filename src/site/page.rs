//! The template context of one page: the parts every page has (language, links to the roots
//! and to the other language, canonical URL, site view, menu, breadcrumbs) around what the
//! page itself shows, and the small page views that need nothing from `present`.

use std::collections::HashMap;
use std::sync::Mutex;

use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

use super::{Job, Options, Shared, SiteView, lang_code, prefix, theme, tidy};
use crate::diagnostics::Lang;
use crate::present::view::{Link, Txt, same, txt};
use crate::present::year::YearPage;
use crate::present::{Words, format};
use crate::reports::{self, Document, Download};

/// Everything a template gets. minijinja finds a name of the context by comparing it with each
/// field in turn, so the names the templates read most come first.
#[derive(Serialize)]
struct Context<'a, P: Serialize> {
    t: &'a minijinja::Value,
    page: P,
    lang: &'static str,
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
    /// The menu's entries ([`NavItem`]s), and the head of the page, the menu and the footer as
    /// rendered ([`Chrome`]).
    nav: Value,
    kepala: Value,
    menu: Value,
    kaki: Value,
    crumbs: Vec<Link>,
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
        let chrome = self.chrome(theme)?;
        let ctx = Context {
            t: &self.shared.ui.value,
            page,
            lang: lang_code(self.job.lang),
            root: self.root.to_string(),
            lang_root: self.lang_root.to_string(),
            other_url: format!("{}{}{}", self.root, prefix(self.other), self.job.path),
            canonical: format!("{}{}{}", self.options.base_url, prefix(self.job.lang), self.job.path),
            title: title.to_string(),
            site: &self.shared.site_value,
            nav: chrome.nav,
            kepala: chrome.kepala,
            menu: chrome.menu,
            kaki: chrome.kaki,
            crumbs,
        };
        // The templates' indentation and blank lines are for their editors, not the pages.
        Ok(tidy::collapse(&theme.env.get_template(template)?.render(Serde(&ctx))?))
    }

    /// The top, menu and footer of this page: rendered once for all the pages of its language at its
    /// depth that are no entry of the menu, and once for each entry.
    fn chrome(&self, theme: &theme::Theme) -> Result<Chrome, minijinja::Error> {
        let path = self.job.path.as_str();
        let chromes = &self.shared.chrome;
        let current = self.in_nav.then_some(path).filter(|p| chromes.entries.iter().any(|e| e == p));
        let key = (self.lang_root.to_string(), current.map(str::to_string));
        if let Some(chrome) = chromes.cache().get(&key) {
            return Ok(chrome.clone());
        }
        let nav = Value::from(Serde(nav(&self.shared.ui.words, &self.shared.site, self.lang_root, current)));
        let ctx = minijinja::context! {
            lang => lang_code(self.job.lang),
            t => &self.shared.ui.value,
            root => self.root,
            lang_root => self.lang_root,
            site => &self.shared.site_value,
            nav => &nav,
        };
        let part = |name: &str| -> Result<Value, minijinja::Error> {
            Ok(Value::from_safe_string(theme.env.get_template(name)?.render(&ctx)?))
        };
        let chrome =
            Chrome { kepala: part("kepala.html")?, menu: part("menu.html")?, kaki: part("kaki.html")?, nav };
        chromes.cache().insert(key, chrome.clone());
        Ok(chrome)
    }
}

/// A page's name and search box, menu and footer (`kepala.html`, `menu.html`, `kaki.html`) as
/// rendered, with the menu's entries.
#[derive(Clone)]
pub(super) struct Chrome {
    nav: Value,
    kepala: Value,
    menu: Value,
    kaki: Value,
}

/// The tops, menus and footers of one language, by language root (which, in one language, also
/// fixes the site root) and current menu entry: at 5,000 indicators 10,000 pages share a handful
/// of them, and rendering them for each page was ≈ 5 % of a build's instructions.
pub(super) struct Chromes {
    /// The paths (under the language root) of the menu's entries.
    entries: Vec<String>,
    rendered: Mutex<HashMap<(String, Option<String>), Chrome>>,
}

impl Chromes {
    pub(super) fn new(t: &Words, site: &SiteView) -> Chromes {
        let items = nav(t, site, "", None);
        let entries =
            items.iter().flat_map(|i| std::iter::once(i).chain(&i.years)).map(|i| i.url.clone()).collect();
        Chromes { entries, rendered: Mutex::default() }
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, HashMap<(String, Option<String>), Chrome>> {
        // A thread that panicked while holding the lock left the map as it was: still usable.
        self.rendered.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
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
