//! The charts of an indicator as a reader gets them: its points (quarters of a year, or years),
//! the unit its axis is scaled to, and a description that states every figure in words, for
//! the SVG drawing of [`super::charts`].

use rust_decimal::Decimal;

use super::Words;
use super::charts::{self, Chart, Point};
use super::format;
use super::view::IndicatorRef;
use crate::compute::{IndicatorLedger, Periode, Row};
use crate::content::model::Satuan;
use crate::diagnostics::Lang;
use crate::number::Target;

/// Divisor and unit words for plotting figures of `satuan` whose largest value is `max`.
fn axis_unit(satuan: &str, max: Decimal, t: &Words) -> (Decimal, String) {
    let lang = t.lang;
    match Satuan::of(satuan) {
        Satuan::Rupiah => {}
        Satuan::Persen => return (Decimal::ONE, "%".to_string()),
        Satuan::Indeks => return (Decimal::ONE, t.get("satuan indeks").to_string()),
        Satuan::Lain => return (Decimal::ONE, satuan.to_string()),
    }
    let steps: [(u32, &str, &str); 3] = [
        (12, "triliun rupiah", "trillion rupiah"),
        (9, "miliar rupiah", "billion rupiah"),
        (6, "juta rupiah", "million rupiah"),
    ];
    for (power, id, en) in steps {
        let divisor = Decimal::from_i128_with_scale(10i128.pow(power), 0);
        if max.abs() >= divisor {
            return (divisor, if lang == Lang::Id { id } else { en }.to_string());
        }
    }
    (Decimal::ONE, "rupiah".to_string())
}

fn single(target: Option<&Target>) -> Option<Decimal> {
    match target {
        Some(Target::Single(v)) => Some(*v),
        _ => None,
    }
}

/// What a chart of one indicator shows.
pub struct Series<'a> {
    /// Element id prefix of the SVG.
    pub id: String,
    /// The chart's title.
    pub title: &'a str,
    /// The indicator.
    pub ind: &'a IndicatorRef,
    /// The points, left to right.
    pub points: Vec<Point>,
    /// A dashboard sparkline rather than a full chart.
    pub sparkline: bool,
}

/// Where a chart in a page finds its name and its figures: ids of the page's elements.
#[derive(Debug, Clone, Copy)]
pub struct InPage<'a> {
    /// The elements that name the chart before its own title (the page's `<h1>`).
    pub named_by: &'a str,
    /// The element that introduces the chart's data table (its caption), which states every
    /// figure: the chart then has no description of its own.
    pub described_by: &'a str,
}

/// The SVG of `series`, standing alone (a report's chart file), with a description that states
/// every figure.
pub fn svg(series: Series, t: &Words) -> String {
    draw(series, t, false, None)
}

/// The SVG of `series` inline in a page of the site, painted by its stylesheet, with a
/// description that states every figure (a dashboard card, which has no data table).
pub fn page_svg(series: Series, t: &Words) -> String {
    draw(series, t, true, None)
}

/// The SVG of `series` inline in a page, named and described by the page's heading and the data
/// table beside it (an indicator page).
pub fn page_svg_in(series: Series, in_page: InPage, t: &Words) -> String {
    draw(series, t, true, Some(in_page))
}

fn draw(series: Series, t: &Words, page: bool, in_page: Option<InPage>) -> String {
    let lang = t.lang;
    let Series { id, title, ind, points, sparkline } = series;
    let max = points
        .iter()
        .flat_map(|p| [p.target, p.realisasi])
        .flatten()
        .map(|v| v.abs())
        .max()
        .unwrap_or_default();
    let (divisor, unit) = axis_unit(&ind.satuan, max, t);
    let description = if in_page.is_some() { String::new() } else { description(&points, &ind.satuan, t) };
    // A full chart is drawn 400 px wide with 14-px text: a phone's 390-px screen shows it at
    // about 358 px (the page's margins), so its text stays at least 12 CSS px (14 × 358 / 400).
    let size = if sparkline { (260, 90) } else { (400, 260) };
    charts::svg(
        &Chart {
            title,
            description: &description,
            points: &points,
            y_label: &unit,
            y_label_lang: ind.satuan_lang,
            target_label: t.get("target"),
            realisasi_label: t.get("realisation"),
            scale_down: divisor,
            size,
            sparkline,
            empty_text: t.get("no_data"),
            lang,
            page,
            named_by: in_page.map(|p| p.named_by),
            described_by: in_page.map(|p| p.described_by),
        },
        &id,
    )
}

/// Every figure of `points` in words. The chart is labelled by its title and then this
/// description: the title is not repeated here, so a screen reader does not read it twice.
fn description(points: &[Point], satuan: &str, t: &Words) -> String {
    let show = |v: Option<Decimal>| v.map_or("–".to_string(), |v| format::nilai(v, satuan, t.lang));
    let parts: Vec<String> = points
        .iter()
        .map(|p| {
            format!(
                "{}: {} {}, {} {}",
                p.label,
                t.get("target"),
                show(p.target),
                t.get("realisation"),
                show(p.realisasi)
            )
        })
        .collect();
    format!("{}.", parts.join("; "))
}

/// Quarter points of one year, labelled in the language of `t` (`TW1`, `Q1`): cumulative
/// figures for `kumulatif` indicators.
pub fn quarter_points(rows: &[&Row], cumulative: bool, t: &Words) -> Vec<Point> {
    rows.iter()
        .filter_map(|r| match r.periode {
            Periode::Triwulan(q) => Some((r, q)),
            Periode::Tahunan => None,
        })
        .map(|(r, q)| Point {
            label: format!("{}{q}", t.get("q")),
            target: single(r.target.as_ref()),
            realisasi: if cumulative { r.realisasi_kumulatif } else { r.realisasi },
        })
        .collect()
}

/// One point per year.
pub fn year_points(l: &IndicatorLedger) -> Vec<Point> {
    l.rows
        .iter()
        .filter(|r| r.periode == Periode::Tahunan)
        .map(|r| Point {
            label: r.tahun.to_string(),
            target: single(r.target.as_ref()),
            realisasi: r.realisasi,
        })
        .collect()
}
