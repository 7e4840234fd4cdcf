//! The presentation layer: the one place where the model's texts and the ledger's figures are
//! joined for people. It owns the views of the dashboard, an indicator, a year, the cascading
//! tree, search and the change history ([`dashboard`], [`indicator`], [`year`], [`tree`],
//! [`search`], [`history`]), the evidence matrix, the year-end projection and the LKE evidence
//! ([`bukti`], [`proyeksi`], [`lke_bukti`]), the formatting of figures
//! and dates ([`format`]), the interface words ([`strings`]), the charts ([`charts`],
//! [`series`]) and Markdown ([`markdown`]). Lists of rows reach the site as themselves
//! ([`object`]).
//!
//! The site (`site`) renders these views with its templates; the coming reports read them too.
//! Neither reads the other. Figures stay exact [`Angka`] until the one formatting call.

pub mod analisis;
mod angka;
pub mod bukti;
pub mod calendar;
pub mod charts;
pub mod dashboard;
pub mod format;
pub mod history;
pub mod indicator;
pub mod lke_bukti;
pub mod markdown;
pub mod object;
pub mod pk;
pub mod proyeksi;
pub mod search;
pub mod series;
pub mod strings;
pub mod tree;
pub mod view;
pub mod year;

use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use angka::Angka;
pub use strings::Words;

use crate::compute::{self, Budget, EvidenceCell, IndicatorLedger, Ledger};
use crate::content::index::YearIndex;
use crate::content::model::{CapaianEntry, Indikator, Site, Text};

/// What every view builder reads: the model, the ledger, and lookups built once per build so
/// that no view scans every indicator or every entry of a year.
pub struct Presenter<'a> {
    /// The model (texts).
    pub site: &'a Site,
    /// The figures.
    pub ledger: &'a Ledger,
    /// Every indicator of the model with its ledger, in definition order.
    indicators: Vec<(&'a Indikator, &'a IndicatorLedger)>,
    /// The ledger of each indicator id (the first with that id).
    ledgers: HashMap<&'a str, &'a IndicatorLedger>,
    /// The entries of each year folder.
    index: BTreeMap<i32, YearIndex<'a>>,
    /// The responsible unit of each indicator in the latest rencana aksi that plans it.
    planned_by: HashMap<&'a str, &'a Text>,
    /// Budgets by (code, year), the first of each.
    budgets: HashMap<(&'a str, i32), &'a Budget>,
    /// The evidence matrix cells of each indicator id, in the ledger's order (looked up per
    /// indicator page: a search of the whole matrix per page would be quadratic).
    bukti: HashMap<&'a str, Vec<&'a EvidenceCell>>,
    latest_year: Option<i32>,
    years: BTreeSet<i32>,
}

impl<'a> Presenter<'a> {
    /// The lookups of `site` and its `ledger`.
    pub fn new(site: &'a Site, ledger: &'a Ledger) -> Presenter<'a> {
        let ledgers = compute::by_id(&ledger.indicators);
        let indicators = site
            .indicators()
            .into_iter()
            .filter_map(|(i, _)| Some((i, *ledgers.get(i.id.value.as_str())?)))
            .collect();
        let index = site.years.iter().map(|(&tahun, y)| (tahun, YearIndex::new(y))).collect();
        let mut planned_by = HashMap::new();
        for e in site.years.values().rev().filter_map(|y| y.rencana_aksi.as_ref()).flat_map(|r| &r.indikator)
        {
            planned_by.entry(e.id.value.as_str()).or_insert(&e.penanggung_jawab);
        }
        let mut budgets = HashMap::new();
        for b in &ledger.budgets {
            budgets.entry((b.kode.as_str(), b.tahun)).or_insert(b);
        }
        let mut bukti: HashMap<&str, Vec<&EvidenceCell>> = HashMap::new();
        for c in &ledger.bukti {
            bukti.entry(c.indikator.as_str()).or_default().push(c);
        }
        let latest_year = {
            let from_rows = ledger
                .indicators
                .iter()
                .flat_map(|l| &l.rows)
                .filter(|r| r.realisasi.is_some())
                .map(|r| r.tahun);
            from_rows.max().or_else(|| site.years.keys().next_back().copied())
        };
        let mut years: BTreeSet<i32> = site.years.keys().copied().collect();
        years.extend(ledger.indicators.iter().flat_map(|l| l.rows.iter().map(|r| r.tahun)));
        Presenter { site, ledger, indicators, ledgers, index, planned_by, budgets, bukti, latest_year, years }
    }

    /// Every indicator of the model with its ledger, in definition order.
    pub fn indicators(&self) -> &[(&'a Indikator, &'a IndicatorLedger)] {
        &self.indicators
    }

    /// The evidence matrix cells of the indicator `id`, every year, in the ledger's order.
    pub fn bukti_of(&self, id: &str) -> &[&'a EvidenceCell] {
        self.bukti.get(id).map_or(&[], Vec::as_slice)
    }

    /// The ledger of the indicator `id`.
    pub(crate) fn ledger_of(&self, id: &str) -> Option<&'a IndicatorLedger> {
        self.ledgers.get(id).copied()
    }

    /// The entry of indicator `id` in `realisasi/tw<q>.yaml` of `tahun`.
    pub(crate) fn entry(&self, tahun: i32, q: u8, id: &str) -> Option<&'a CapaianEntry> {
        self.index.get(&tahun)?.entry(q, id)
    }

    /// The latest validation date of indicator `id` in `tahun`.
    fn validated(&self, tahun: i32, id: &str) -> Option<chrono::NaiveDate> {
        self.index.get(&tahun)?.verdicts(id).iter().map(|e| e.tanggal.value).max()
    }

    /// The unit responsible for `ind`: the latest rencana aksi's, else the Renstra's.
    fn responsible(&self, ind: &'a Indikator) -> Option<&'a Text> {
        self.planned_by.get(ind.id.value.as_str()).copied().or(ind.penanggung_jawab.as_ref())
    }

    /// The budget of the programme, kegiatan or sub-kegiatan `kode` in `tahun`.
    pub(crate) fn budget(&self, kode: &str, tahun: i32) -> Option<&'a Budget> {
        self.budgets.get(&(kode, tahun)).copied()
    }

    /// The latest year with any figure, for the dashboard.
    pub fn latest_year(&self) -> Option<i32> {
        self.latest_year
    }

    /// Every year with a page.
    pub fn years(&self) -> &BTreeSet<i32> {
        &self.years
    }
}

/// `text` for XML or HTML markup: the five special characters as entities, and the control
/// characters XML 1.0 forbids dropped. Unlike minijinja's escaping it leaves `/` alone, so a
/// path in an SVG description or the preview's error list reads (and greps) as written.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}
