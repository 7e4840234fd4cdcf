//! The page of one indicator: its definition, a row per year with the trend, and per year
//! with quarters the quarterly rows with evidence and notes.
//!
//! The page is built from its [`Inputs`] alone (with the words and the roots), never from the
//! whole [`Presenter`]: what it reads is one value, whose fingerprint tells the preview whether
//! the page can have changed (`site::reuse`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::history::StampView;
use super::object::{Record, Rows};
use super::proyeksi::{self, ProjectionView};
use super::series::{self, InPage, Series};
use super::view::{Html, IndicatorRef, Link, RowView, Txt, evidence_links, markdown, same, txt};
use super::{Angka, Presenter, Words, bukti};
use crate::compute::{EvidenceCell, IndicatorLedger, Owner, Periode, Projection, Row, Scale};
use crate::content::model::{Agregasi, CapaianEntry, Indikator, Text};
use crate::content::reader::Choice;
use crate::history::Stamp;

/// A year of an indicator with quarters.
#[derive(Serialize)]
pub struct QuarterSection {
    tahun: i32,
    /// The rows of its quarters and the year (written by the site's `quarter_rows`).
    rows: Rows<RowView>,
    /// The reporting team's notes of its quarters, in quarter order.
    notes: Vec<Note>,
    chart: String,
}

/// The reporting team's note on a quarter.
#[derive(Serialize)]
pub struct Note {
    /// `TW1`…`TW4`.
    periode: String,
    catatan: Html,
}

/// A year of the multi-year table.
#[derive(Debug, Serialize)]
pub struct YearLine {
    /// The year's row.
    pub row: RowView,
    /// The change from the year before.
    pub perubahan: Option<Angka>,
    /// The progress towards the Renstra's end target (§3.6).
    pub capaian_renstra: Option<Angka>,
}

/// What an indicator page opens with: its latest figures with an achievement, and the change
/// from the year before when they are a year's.
#[derive(Serialize)]
pub struct Headline {
    /// `2023` for a year, `TW3 2023` for a quarter.
    label: String,
    /// The row of those figures (written by the site's `headline_figures`).
    row: Record<RowView>,
    /// The change from the year before.
    perubahan: Option<Angka>,
}

/// An indicator page.
#[derive(Serialize)]
pub struct IndicatorPage {
    ind: IndicatorRef,
    /// The unit in the page's words: `percent` for the code `persen`, else its own words.
    unit_name: String,
    headline: Option<Headline>,
    polaritas: &'static str,
    agregasi: &'static str,
    from_survey: bool,
    definisi: Option<Txt>,
    formula: Option<Txt>,
    sumber_data: Option<Txt>,
    penanggung_jawab: Option<Txt>,
    owner: Option<Link>,
    years: Rows<YearLine>,
    chart: Option<String>,
    quarters: Vec<QuarterSection>,
    last_change: Option<String>,
    changed_in: Option<StampView>,
    /// The evidence matrix of each year with a rencana aksi entry.
    bukti: Vec<bukti::YearCells>,
    /// The current year's projection, after its latest reported quarter.
    proyeksi: Option<ProjectionView>,
    analisis: Vec<super::analisis::AnalysisView>,
    /// The facts of the definition table, together (written by the site's `indicator_facts`).
    facts: Record<Facts>,
}

/// The facts of an indicator's definition table, as its page also gives them one by one.
#[derive(Default, Serialize)]
pub struct Facts {
    /// Definition.
    pub definisi: Option<Txt>,
    /// Formula.
    pub formula: Option<Txt>,
    /// The unit in the page's words, in `satuan_lang` when in another language.
    pub unit_name: String,
    /// The language of the unit's words, when not the page's.
    pub satuan_lang: Option<&'static str>,
    /// Polarity code, shown in the page's words.
    pub polaritas: &'static str,
    /// Aggregation code.
    pub agregasi: &'static str,
    /// Data source.
    pub sumber_data: Option<Txt>,
    /// Who is responsible for the figures.
    pub penanggung_jawab: Option<Txt>,
    /// Who owns the indicator, linked to it in the cascading.
    pub owner: Option<Link>,
    /// The date its figures last changed, `YYYY-MM-DD`.
    pub last_change: Option<String>,
}

impl Facts {
    /// The facts of `page`.
    fn of(page: &IndicatorPage) -> Facts {
        Facts {
            definisi: page.definisi.clone(),
            formula: page.formula.clone(),
            unit_name: page.unit_name.clone(),
            satuan_lang: page.ind.satuan_lang,
            polaritas: page.polaritas,
            agregasi: page.agregasi,
            sumber_data: page.sumber_data.clone(),
            penanggung_jawab: page.penanggung_jawab.clone(),
            owner: page.owner.clone(),
            last_change: page.last_change.clone(),
        }
    }
}

/// Where a page's links start: the language root and the site root, relative to the page.
#[derive(Clone, Copy)]
pub struct Roots<'a> {
    /// This language's root (`../../`, `../../en/`).
    pub lang: &'a str,
    /// The site root (static files, evidence).
    pub site: &'a str,
}

/// Everything the page of one indicator reads from the model and the ledger.
#[derive(Debug)]
pub struct Inputs<'a> {
    /// The indicator.
    pub ind: &'a Indikator,
    /// Its rows, trend and owner.
    pub ledger: &'a IndicatorLedger,
    /// The predicate scale, for the names of the badges.
    pub scale: &'a Scale,
    /// Its entries in the quarter files of the years with quarterly rows, by year and quarter:
    /// their evidence and notes are shown.
    pub entries: BTreeMap<(i32, u8), &'a CapaianEntry>,
    /// The date its figures last changed: the latest quarter report of a year with quarterly
    /// rows, or the latest verdict on it in such a year.
    pub last_change: Option<NaiveDate>,
    /// The data commit that last moved its figures (`crate::history`), when known.
    pub changed_in: Option<&'a Stamp>,
    /// Its cells of the evidence matrix, in year and quarter order.
    pub bukti: Vec<&'a EvidenceCell>,
    /// Its projection in the current year, when that year has one.
    pub proyeksi: Option<&'a Projection>,
    /// Its analysis of each year that has one (§2.10).
    pub analyses: Vec<super::analisis::Inputs<'a>>,
}

impl<'a> Inputs<'a> {
    /// What the page of `ind` (with its ledger `l`, last moved in `changed_in`) reads.
    pub fn new(
        p: &Presenter<'a>,
        ind: &'a Indikator,
        l: &'a IndicatorLedger,
        changed_in: Option<&'a Stamp>,
    ) -> Inputs<'a> {
        let id = ind.id.value.as_str();
        let mut entries = BTreeMap::new();
        let mut last_change = None;
        for row in &l.rows {
            // `entry` is `None` for a year without a folder.
            if let Periode::Triwulan(q) = row.periode
                && let Some(e) = p.entry(row.tahun, q, id)
            {
                entries.insert((row.tahun, q), e);
            }
        }
        for tahun in quarter_years(l) {
            if let Some(y) = p.site.years.get(&tahun) {
                let reported = y.realisasi.iter().flatten().map(|f| f.tanggal.value);
                last_change = last_change.max(reported.chain(p.validated(tahun, id)).max());
            }
        }
        let bukti = p.bukti_of(id).to_vec();
        let proyeksi = proyeksi::latest(p.site, p.ledger, id);
        let analyses = super::analisis::inputs(p, id);
        Inputs {
            ind,
            ledger: l,
            scale: &p.ledger.scale,
            entries,
            last_change,
            changed_in,
            bukti,
            proyeksi,
            analyses,
        }
    }
}

/// The id of the page's `<h1>` (the indicator's id and name) in `indikator.html`: its charts
/// are named by it and by their own title, so that they do not repeat the name.
const PAGE_HEADING: &str = "judul";

/// Build the page of one indicator.
pub fn indicator(inputs: &Inputs, t: &Words, roots: Roots) -> IndicatorPage {
    let Inputs { ind, ledger: l, .. } = *inputs;
    let lang = t.lang;
    let r = IndicatorRef::new(ind, lang);
    // One year is a single bar that says nothing its table row does not: chart two or more.
    let points = series::year_points(l);
    let chart = (points.len() > 1).then(|| {
        // The page has one indicator: its charts' ids need not repeat its slug.
        let id = "g-tahun".to_string();
        let in_page = InPage { named_by: PAGE_HEADING, described_by: "cap-antartahun" };
        let title = t.get("multi_year");
        series::page_svg_in(Series { id, title, ind: &r, points, sparkline: false }, in_page, t)
    });
    let quarters = quarter_sections(inputs, &r, t, roots.site);
    let opt = |x: &Option<Text>| x.as_ref().map(|v| txt(v, lang));
    let mut page = IndicatorPage {
        polaritas: ind.polaritas.value.word(),
        agregasi: ind.agregasi.value.word(),
        from_survey: ind.sumber.is_some(),
        definisi: opt(&ind.definisi),
        formula: opt(&ind.formula),
        sumber_data: opt(&ind.sumber_data),
        penanggung_jawab: opt(&ind.penanggung_jawab),
        owner: Some(owner_link(&l.owner, t, roots.lang)),
        headline: headline(inputs.scale, l, t),
        years: year_lines(inputs.scale, l, t),
        chart,
        quarters,
        last_change: inputs.last_change.map(|d| d.to_string()),
        changed_in: inputs.changed_in.map(StampView::new),
        bukti: bukti::by_year(&inputs.bukti, lang),
        proyeksi: inputs.proyeksi.map(|p| ProjectionView::new(p, &l.rows)),
        analisis: super::analisis::views(&inputs.analyses, lang),
        unit_name: unit_name(&r.satuan, t),
        ind: r,
        facts: Record::new(Facts::default()),
    };
    page.facts = Record::new(Facts::of(&page));
    page
}

/// The latest row with an official achievement: of the latest year that has one, the year's
/// row when it has an achievement, else the latest quarter's.
fn headline(scale: &Scale, l: &IndicatorLedger, t: &Words) -> Option<Headline> {
    let order = |row: &Row| match row.periode {
        Periode::Triwulan(q) => (row.tahun, q),
        Periode::Tahunan => (row.tahun, 5),
    };
    let row = l.rows.iter().filter(|row| row.capaian_resmi().is_some()).max_by_key(|row| order(row))?;
    let (label, perubahan) = match row.periode {
        Periode::Tahunan => {
            let trend = l.trend.iter().find(|tr| tr.tahun == row.tahun);
            (row.tahun.to_string(), trend.and_then(|tr| tr.perubahan.map(|(_, d)| Angka(d))))
        }
        Periode::Triwulan(q) => (format!("{}{q} {}", t.get("q"), row.tahun), None),
    };
    Some(Headline { label, row: Record::new(RowView::new(row, scale, t.lang)), perubahan })
}

/// A row per year with the change from the previous year and the Renstra progress (§3.6).
fn year_lines(scale: &Scale, l: &IndicatorLedger, t: &Words) -> Rows<YearLine> {
    l.rows
        .iter()
        .filter(|row| row.periode == Periode::Tahunan)
        .map(|row| {
            let trend = l.trend.iter().find(|tr| tr.tahun == row.tahun);
            YearLine {
                row: RowView::new(row, scale, t.lang),
                perubahan: trend.and_then(|tr| tr.perubahan.map(|(_, d)| Angka(d))),
                capaian_renstra: trend.and_then(|tr| tr.capaian_renstra.map(Angka)),
            }
        })
        .collect::<Vec<_>>()
        .into()
}

/// The quarterly sections.
fn quarter_sections(inputs: &Inputs, r: &IndicatorRef, t: &Words, root: &str) -> Vec<QuarterSection> {
    let Inputs { ind, ledger: l, .. } = *inputs;
    let lang = t.lang;
    let mut sections = Vec::new();
    for tahun in quarter_years(l) {
        let rows: Vec<&Row> = l.rows.iter().filter(|row| row.tahun == tahun).collect();
        let views: Vec<RowView> = rows
            .iter()
            .map(|row| {
                let mut v = RowView::new(row, inputs.scale, lang);
                if let Periode::Triwulan(q) = row.periode
                    && let Some(e) = inputs.entries.get(&(tahun, q))
                {
                    v.bukti = evidence_links(&e.data_dukung, root, lang);
                    v.catatan = e.catatan.as_ref().map(|c| markdown(c, lang));
                }
                v
            })
            .collect();
        let title = format!("{} {tahun}", t.get("quarterly"));
        let points = series::quarter_points(&rows, ind.agregasi.value == Agregasi::Kumulatif, t);
        let id = format!("g-tw-{tahun}");
        let caption = format!("cap-tw-{tahun}");
        let in_page = InPage { named_by: PAGE_HEADING, described_by: &caption };
        let chart =
            series::page_svg_in(Series { id, title: &title, ind: r, points, sparkline: false }, in_page, t);
        let notes = views
            .iter()
            .filter_map(|v| Some(Note { periode: v.periode.clone(), catatan: v.catatan.clone()? }))
            .collect();
        sections.push(QuarterSection { tahun, rows: views.into(), notes, chart });
    }
    sections
}

/// The unit `satuan` (a code or the unit's words) in the page's words, as the default theme's
/// `unit_name` macro gives it.
fn unit_name(satuan: &str, t: &Words) -> String {
    t.all().get(format!("satuan {satuan}").as_str()).map_or(satuan, |w| *w).to_string()
}

/// The years in which `l` has quarterly rows.
fn quarter_years(l: &IndicatorLedger) -> BTreeSet<i32> {
    l.rows.iter().filter(|row| row.periode != Periode::Tahunan).map(|row| row.tahun).collect()
}

/// The link to the place in the cascading tree that owns the indicator.
fn owner_link(owner: &Owner, t: &Words, lang_root: &str) -> Link {
    let (label, code) = match owner {
        Owner::Sasaran(id) => (format!("{} {id}", t.get("sasaran")), id),
        Owner::Kegiatan(kode) => (kode.clone(), kode),
    };
    Link { label: same(&label), url: format!("{lang_root}cascading/#{}", anchor(code)), external: false }
}

pub use crate::content::model::anchor;
