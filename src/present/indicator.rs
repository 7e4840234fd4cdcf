//! The page of one indicator: its definition, a row per year with the trend, and per year
//! with quarters the quarterly rows with evidence and notes.

use std::collections::BTreeSet;

use serde::Serialize;

use super::series::{self, Series};
use super::view::{IndicatorRef, Link, RowView, Txt, evidence_links, markdown, same, txt};
use super::{Angka, Presenter, Words};
use crate::compute::{IndicatorLedger, Owner, Periode, Row};
use crate::content::model::{Agregasi, Indikator, Text};
use crate::content::reader::Choice;

/// A year of an indicator with quarters.
#[derive(Serialize)]
pub struct QuarterSection {
    tahun: i32,
    rows: Vec<RowView>,
    chart: String,
}

/// A year of the multi-year table.
#[derive(Serialize)]
pub struct YearLine {
    row: RowView,
    perubahan: Option<Angka>,
    capaian_renstra: Option<Angka>,
}

/// An indicator page.
#[derive(Serialize)]
pub struct IndicatorPage {
    ind: IndicatorRef,
    polaritas: &'static str,
    agregasi: &'static str,
    from_survey: bool,
    definisi: Option<Txt>,
    formula: Option<Txt>,
    sumber_data: Option<Txt>,
    penanggung_jawab: Option<Txt>,
    owner: Option<Link>,
    years: Vec<YearLine>,
    chart: Option<String>,
    quarters: Vec<QuarterSection>,
    last_change: Option<String>,
}

/// Where a page's links start: the language root and the site root, relative to the page.
#[derive(Clone, Copy)]
pub struct Roots<'a> {
    /// This language's root (`../../`, `../../en/`).
    pub lang: &'a str,
    /// The site root (static files, evidence).
    pub site: &'a str,
}

/// Build the page of one indicator.
pub fn indicator(
    p: &Presenter,
    ind: &Indikator,
    l: &IndicatorLedger,
    t: &Words,
    roots: Roots,
) -> IndicatorPage {
    let lang = t.lang;
    let r = IndicatorRef::new(ind, lang);
    let chart_title = format!("{} {} — {}", r.id, r.nama.text, t.get("multi_year"));
    // One year is a single bar that says nothing its table row does not: chart two or more.
    let points = series::year_points(l);
    let chart = (points.len() > 1).then(|| {
        let id = format!("tahun-{}", r.slug);
        series::svg(Series { id, title: &chart_title, ind: &r, points, sparkline: false }, t)
    });
    let (quarters, last_change) = quarter_sections(p, ind, l, &r, t, roots.site);
    let opt = |x: &Option<Text>| x.as_ref().map(|v| txt(v, lang));
    IndicatorPage {
        polaritas: ind.polaritas.value.word(),
        agregasi: ind.agregasi.value.word(),
        from_survey: ind.sumber.is_some(),
        definisi: opt(&ind.definisi),
        formula: opt(&ind.formula),
        sumber_data: opt(&ind.sumber_data),
        penanggung_jawab: opt(&ind.penanggung_jawab),
        owner: Some(owner_link(&l.owner, t, roots.lang)),
        years: year_lines(p, l, t),
        chart,
        quarters,
        last_change: last_change.map(|d| d.to_string()),
        ind: r,
    }
}

/// A row per year with the change from the previous year and the Renstra progress (§3.6).
fn year_lines(p: &Presenter, l: &IndicatorLedger, t: &Words) -> Vec<YearLine> {
    l.rows
        .iter()
        .filter(|row| row.periode == Periode::Tahunan)
        .map(|row| {
            let trend = l.trend.iter().find(|tr| tr.tahun == row.tahun);
            YearLine {
                row: RowView::new(row, p.ledger, t.lang),
                perubahan: trend.and_then(|tr| tr.perubahan.map(|(_, d)| Angka(d))),
                capaian_renstra: trend.and_then(|tr| tr.capaian_renstra.map(Angka)),
            }
        })
        .collect()
}

/// The quarterly sections, and the date the figures last changed (a report or a verdict).
fn quarter_sections(
    p: &Presenter,
    ind: &Indikator,
    l: &IndicatorLedger,
    r: &IndicatorRef,
    t: &Words,
    root: &str,
) -> (Vec<QuarterSection>, Option<chrono::NaiveDate>) {
    let lang = t.lang;
    let years: BTreeSet<i32> =
        l.rows.iter().filter(|row| row.periode != Periode::Tahunan).map(|row| row.tahun).collect();
    let mut sections = Vec::new();
    let mut last_change = None;
    for tahun in years {
        let rows: Vec<&Row> = l.rows.iter().filter(|row| row.tahun == tahun).collect();
        let views = rows
            .iter()
            .map(|row| {
                let mut v = RowView::new(row, p.ledger, lang);
                // `entry` is `None` for a year without a folder.
                if let Periode::Triwulan(q) = row.periode
                    && let Some(e) = p.entry(tahun, q, &ind.id.value)
                {
                    v.bukti = evidence_links(&e.data_dukung, root, lang);
                    v.catatan = e.catatan.as_ref().map(|c| markdown(c, lang));
                }
                v
            })
            .collect();
        if let Some(y) = p.site.years.get(&tahun) {
            let reported = y.realisasi.iter().flatten().map(|f| f.tanggal.value);
            last_change = last_change.max(reported.chain(p.validated(tahun, &ind.id.value)).max());
        }
        let title = format!("{} {} — {} {tahun}", r.id, r.nama.text, t.get("quarterly"));
        let points = series::quarter_points(&rows, ind.agregasi.value == Agregasi::Kumulatif);
        let id = format!("tw-{}-{tahun}", r.slug);
        let chart = series::svg(Series { id, title: &title, ind: r, points, sparkline: false }, t);
        sections.push(QuarterSection { tahun, rows: views, chart });
    }
    (sections, last_change)
}

/// The link to the place in the cascading tree that owns the indicator.
fn owner_link(owner: &Owner, t: &Words, lang_root: &str) -> Link {
    let (label, code) = match owner {
        Owner::Sasaran(id) => (format!("{} {id}", t.get("sasaran")), id),
        Owner::Kegiatan(kode) => (kode.clone(), kode),
    };
    Link { label: same(&label), url: format!("{lang_root}cascading/#{}", anchor(code)), external: false }
}

/// An HTML id for a code or id (`2.18.04` → `k-2-18-04`).
pub fn anchor(code: &str) -> String {
    format!("k-{}", code.to_lowercase().replace(['.', '_'], "-"))
}
