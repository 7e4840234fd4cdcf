//! Charts of target against realisation, drawn as SVG with plotters: plotters lays out the
//! chart (its areas, the axis labels, the mapping of values to pixels) on our own backend
//! ([`backend`]), which writes the texts straight into the final SVG; the marks of the series
//! are written by [`ink`], one path per series.
//!
//! Every chart is an accessible image: the root `<svg>` has `role="img"` and is labelled by a
//! `<title>` and a `<desc>` that states the figures (the caller writes both, in the page
//! language, and puts the data table next to the chart); in a page, the chart may instead be
//! named partly by the page's heading and described by the caption of that table
//! ([`Chart::named_by`], [`Chart::described_by`]). The two series differ by more than
//! colour: the realisation is drawn as solid bars, the target as a dashed line with hollow
//! diamond markers. Both colours pass 4.5:1 against white (#1f4e79 is 8.7:1, #a14b00 is 6.0:1),
//! and the text is #333 (12.6:1).
//!
//! Figures stay [`Decimal`]: the scale of the y axis and the tick labels are worked out in
//! decimal arithmetic, so a tick never reads `0.30000000000000004`. Values become `f64` only as
//! drawing coordinates, the one place where a float is allowed (see [`coord`]).
//!
//! The output depends only on the input: no random ids, no clock, so two builds are identical.

use std::fmt::Write as _;
use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::escape;
use backend::{Lean, Texts};
use ink::{Ink, Pixel};

mod backend;
mod ink;
pub(crate) mod page;
use crate::diagnostics::Lang;

/// One point of a chart: a label on the x axis (e.g. "TW1", "2023") with the target and
/// realisation (either may be missing).
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The label under the point on the x axis.
    pub label: String,
    /// The target, if there is one for this point.
    pub target: Option<Decimal>,
    /// The realisation, if there is one for this point.
    pub realisasi: Option<Decimal>,
}

/// What to draw.
#[derive(Debug, Clone)]
pub struct Chart<'a> {
    /// Goes into `<title>`.
    pub title: &'a str,
    /// Text alternative stating the figures, in the page language; goes into `<desc>`.
    pub description: &'a str,
    /// The points, left to right.
    pub points: &'a [Point],
    /// Unit shown above the y axis, e.g. "triliun rupiah", "%", "hari".
    pub y_label: &'a str,
    /// `Some("id")` when the unit is Indonesian words on an English page (a unit such as
    /// "kegiatan" without an English form), so that the label is marked as Indonesian.
    pub y_label_lang: Option<&'a str>,
    /// Legend text of the target, e.g. "Target".
    pub target_label: &'a str,
    /// Legend text of the realisation, e.g. "Realisasi".
    pub realisasi_label: &'a str,
    /// Every value is divided by this for display (e.g. 10^12 to plot trillions); 1 when not
    /// needed. Zero or negative is taken as 1.
    pub scale_down: Decimal,
    /// Width and height in pixels, e.g. (640, 320) for a full chart, (240, 90) for a sparkline.
    pub size: (u32, u32),
    /// True for a dashboard sparkline: no axis labels and no legend, just the two series.
    pub sparkline: bool,
    /// Text shown when there is no value to draw, e.g. "Tidak ada data" / "No data".
    pub empty_text: &'a str,
    /// Language of the tick labels: `Id` writes `1.250,5`, `En` writes `1,250.5`.
    pub lang: Lang,
    /// True for a chart inline in a page of the site, whose stylesheet paints it (see
    /// [`page`]); false for an SVG that stands alone (a report's chart file) and carries its
    /// own paint.
    pub page: bool,
    /// Ids of elements of the page (e.g. its `<h1>`) that name the chart before its `<title>`,
    /// so that the title need not repeat them; only for a chart in a page.
    pub named_by: Option<&'a str>,
    /// Id of the element of the page that states the figures (the data table's caption); a
    /// chart in a page that has one writes no `<desc>` of its own and is described by it.
    pub described_by: Option<&'a str>,
}

/// Axis and legend text (12.6:1 on white); written once on the root element, which every
/// `<text>` inherits (the colours of the series are in [`ink`]).
const TEXT: RGBColor = RGBColor(0x33, 0x33, 0x33);
/// Pixel size of the text (font-size in the SVG). 14 and 12 are exact after plotters' division
/// by 1.24; 13 would print as 13.000000000000002.
const FONT_PX: f64 = 14.0;
/// Average width of a sans-serif character as a share of the font size, on the generous side
/// so that estimated widths leave room rather than overlap.
const CHAR_EM: f64 = 0.58;

/// The SVG of `chart`. `id` prefixes the ids of `<title>` and `<desc>`; it must be unique in
/// the page.
pub fn svg(chart: &Chart, id: &str) -> String {
    let (w, h) = (chart.size.0.clamp(40, 4000), chart.size.1.clamp(30, 4000));
    let values = scaled(chart);
    let mut out = String::with_capacity(4 * 1024);
    if chart.page {
        page::root(&mut out, chart, id, (w, h));
    } else {
        standalone_root(&mut out, chart, id, (w, h));
    }
    let mut texts = Texts::new(out, chart.page, chart.y_label_lang.map(|lang| (chart.y_label, lang)));
    let mut ink = Ink::default();
    // plotters reports an error only for a shape this backend does not write (a test checks
    // that none is drawn); the chart is then left as drawn so far rather than panicking.
    let _ = draw(Lean::new(&mut texts, (w, h)).into_drawing_area(), chart, &values, &mut ink);
    let mut out = texts.finish();
    ink.write(&mut out, chart.page);
    out.push_str("</svg>\n");
    out
}

/// Lays `values` out on `root`: its texts go into the SVG, its marks into `ink`.
fn draw(root: Area<'_, '_>, chart: &Chart, values: &[Pair], ink: &mut Ink) -> DrawResult {
    let has_value = values.iter().any(|(t, r)| t.is_some() || r.is_some());
    if !has_value {
        draw_empty(&root, chart)?;
    } else if chart.sparkline {
        draw_sparkline(&root, values, ink)?;
    } else {
        draw_full(&root, chart, values, ink)?;
    }
    root.present()?;
    Ok(())
}

/// The target and the realisation of one point, divided by `scale_down`.
type Pair = (Option<Decimal>, Option<Decimal>);
type DrawResult = Result<(), Box<dyn std::error::Error>>;
type Area<'t, 'c> = DrawingArea<Lean<'t, 'c>, plotters::coord::Shift>;

/// Every value divided by `scale_down`, still exact.
fn scaled(chart: &Chart) -> Vec<Pair> {
    let div = if chart.scale_down > Decimal::ZERO { chart.scale_down } else { Decimal::ONE };
    let one = |v: Option<Decimal>| {
        v.map(|v| {
            v.checked_div(div).unwrap_or(if v.is_sign_negative() { Decimal::MIN } else { Decimal::MAX })
        })
    };
    chart.points.iter().map(|p| (one(p.target), one(p.realisasi))).collect()
}

/// A drawing coordinate from a figure. This is the one place where a figure becomes a float:
/// it only positions ink, it is never shown nor used in a computation.
fn coord(d: Decimal) -> f64 {
    d.to_f64().filter(|f| f.is_finite()).unwrap_or(0.0)
}

/// The y axis: its ends and the ticks, in exact decimals.
#[derive(Debug, Clone, PartialEq)]
struct Scale {
    lo: Decimal,
    hi: Decimal,
    ticks: Vec<Decimal>,
}

/// The lowest and highest of all values and zero (the y axis always shows zero).
fn extent(values: &[Pair]) -> (Decimal, Decimal) {
    let all = values.iter().flat_map(|(t, r)| [*t, *r]).flatten();
    all.fold((Decimal::ZERO, Decimal::ZERO), |(min, max), v| (min.min(v), max.max(v)))
}

/// A y scale that holds every value, starts at zero (or below, for negative values), has about
/// 10 % headroom and at most six ticks on round numbers (1, 2, 2.5 or 5 × 10^k, never finer
/// than 0.01).
fn nice_scale(values: &[Pair]) -> Scale {
    let (min, mut max) = extent(values);
    if min == max {
        max = Decimal::ONE;
    }
    nice_ticks(min, max).unwrap_or_else(|| Scale { lo: min, hi: max, ticks: vec![min, max] })
}

/// The ends of a sparkline's y axis: zero (or the lowest value) to the highest value, with 8 %
/// headroom.
fn spark_range(values: &[Pair]) -> Option<(Decimal, Decimal)> {
    let (min, max) = extent(values);
    if min == max {
        return None;
    }
    let headroom = max.checked_sub(min)?.checked_mul(Decimal::new(8, 2))?;
    let hi = if max > Decimal::ZERO { max.checked_add(headroom)? } else { max };
    let lo = if min < Decimal::ZERO { min.checked_sub(headroom)? } else { min };
    Some((lo, hi))
}

fn nice_ticks(min: Decimal, max: Decimal) -> Option<Scale> {
    let ten = Decimal::TEN;
    let span = max.checked_sub(min)?;
    let headroom = span / ten;
    let hi = if max > Decimal::ZERO { max.checked_add(headroom)? } else { max };
    let lo = if min < Decimal::ZERO { min.checked_sub(headroom)? } else { min };
    let raw = hi.checked_sub(lo)? / Decimal::from(5);
    let finest = Decimal::new(1, 2);
    let mut p = Decimal::ONE;
    while let Some(next) = p.checked_mul(ten).filter(|n| *n <= raw) {
        p = next;
    }
    while p > raw && p > finest {
        p /= ten;
    }
    for m in [1, 2, 25, 5, 10, 20, 25, 50, 100] {
        let m = if m == 25 { Decimal::new(25, 1) } else { Decimal::from(m) };
        let step = p.checked_mul(m)?;
        if step.scale() > 2 && step.round_dp(2) != step {
            continue;
        }
        let first = (lo / step).floor();
        let last = (hi / step).ceil();
        if last - first <= Decimal::from(5) {
            let first_i = first.to_i64()?;
            let last_i = last.to_i64()?;
            let ticks =
                (first_i..=last_i).map(|i| Decimal::from(i).checked_mul(step)).collect::<Option<Vec<_>>>()?;
            return Some(Scale { lo: *ticks.first()?, hi: *ticks.last()?, ticks });
        }
    }
    None
}

/// A tick label: at most two decimals, trailing zeros trimmed, grouped as people read numbers
/// in `lang` (`1.250,5` in Indonesian, `1,250.5` in English).
fn tick_label(d: Decimal, lang: Lang) -> String {
    super::format::angka(d.round_dp(2).normalize(), lang)
}

/// A plotters axis with exactly the ticks we chose (plotters' own f64 axis picks its own).
struct Axis {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl Ranged for Axis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.hi - self.lo;
        let t = if span > 0.0 && value.is_finite() { (value - self.lo) / span } else { 0.0 };
        let t = t.clamp(-0.5, 1.5);
        (f64::from(limit.0) + t * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        // Only the bold pass gets points: no light grid lines between the ticks.
        if hint.weight().allow_light_points() { Vec::new() } else { self.ticks.clone() }
    }

    fn range(&self) -> Range<f64> {
        self.lo..self.hi
    }
}

impl ValueFormatter<f64> for Axis {
    fn format(_value: &f64) -> String {
        String::new()
    }
}

fn font(px: f64) -> TextStyle<'static> {
    // plotters divides a font's size by 1.24 for its pixel size (see `backend`).
    ("sans-serif", px * 1.24).into_font().color(&TEXT)
}

fn text_width(text: &str, px: f64) -> f64 {
    text.chars().count() as f64 * px * CHAR_EM
}

/// The x positions: point `i` is centred on `i`, its slot spans `i - 0.5 .. i + 0.5`.
fn x_axis(n: usize, shown: Vec<f64>) -> Axis {
    Axis { lo: -0.5, hi: n as f64 - 0.5, ticks: shown }
}

/// Runs of consecutive points that have a target: each run is one line; a missing target
/// breaks the line.
fn target_runs(values: &[Pair]) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current = Vec::new();
    for (i, (t, _)) in values.iter().enumerate() {
        match t {
            Some(t) => current.push((i as f64, coord(*t))),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// Puts the grid lines at the ticks, the zero line, the bars, the target line and its markers
/// of a chart whose x axis is [`x_axis`] and y axis the [`Scale`] into `ink`.
fn draw_series(
    chart_ctx: &ChartContext<'_, Lean<'_, '_>, Cartesian2d<Axis, Axis>>,
    values: &[Pair],
    ticks: &[f64],
    small: bool,
    ink: &mut Ink,
) {
    let n = values.len().max(1);
    let at = |x: f64, y: f64| chart_ctx.backend_coord(&(x, y));
    let (left, right) = (-0.5, n as f64 - 0.5);
    for &tick in ticks {
        ink.grid(at(left, tick), at(right, tick));
    }
    ink.zero(at(left, 0.0), at(right, 0.0));
    let (plot_w, _) = chart_ctx.plotting_area().dim_in_pixel();
    let slot_px = f64::from(plot_w) / n as f64;
    let bar_px = (slot_px * if small { 0.7 } else { 0.56 }).min(if small { 24.0 } else { 64.0 }).max(2.0);
    let half = bar_px / 2.0 / slot_px;
    let half_px = (bar_px / 2.0).round() as i32;
    for (i, (_, r)) in values.iter().enumerate() {
        let Some(r) = r else { continue };
        let (x, y) = (i as f64, coord(*r));
        let (top, bottom) = (at(x - half, y.max(0.0)), at(x + half, y.min(0.0)));
        if (bottom.1 - top.1).abs() < 2 {
            // A realisation of zero (or nearly) is still a value: a flat bar on the zero line,
            // so that it differs from a missing one.
            let (cx, cy) = at(x, 0.0);
            ink.bar((cx - half_px, cy - 2), (cx + half_px, cy + 1));
        } else {
            ink.bar(top, bottom);
        }
    }
    let runs = target_runs(values);
    for run in runs.iter().filter(|r| r.len() > 1) {
        // A white halo under the dashed line keeps it visible where it crosses a bar (the two
        // colours differ in hue, not in lightness).
        let pixels: Vec<Pixel> = run.iter().map(|&(x, y)| at(x, y)).collect();
        ink.target(&pixels, true);
    }
    for &(x, y) in runs.iter().flatten() {
        ink.diamond(at(x, y), if small { 4 } else { 6 });
    }
}

fn y_axis(scale: &Scale) -> Axis {
    Axis { lo: coord(scale.lo), hi: coord(scale.hi), ticks: scale.ticks.iter().map(|t| coord(*t)).collect() }
}

fn draw_full(root: &Area<'_, '_>, chart: &Chart, values: &[Pair], ink: &mut Ink) -> DrawResult {
    let (w, _) = root.dim_in_pixel();
    let w = f64::from(w);
    let scale = nice_scale(values);
    let tick_texts: Vec<(f64, String)> =
        scale.ticks.iter().map(|t| (coord(*t), tick_label(*t, chart.lang))).collect();

    // Top band: the unit on the left, the legend on the right, or on a row of its own when the
    // two would not fit side by side.
    let row = 22.0;
    let swatch = 16.0;
    let line_sample = 28.0;
    let gap = 6.0;
    let item_gap = 16.0;
    let real_w = swatch + gap + text_width(chart.realisasi_label, FONT_PX);
    let target_w = line_sample + gap + text_width(chart.target_label, FONT_PX);
    let legend_w = real_w + item_gap + target_w;
    let unit_w = if chart.y_label.is_empty() { 0.0 } else { text_width(chart.y_label, FONT_PX) };
    let margin = 8.0;
    let two_rows = unit_w > 0.0 && margin + unit_w + 24.0 + legend_w > w - margin;
    let legend_y = row / 2.0 + 2.0;
    let unit_y = if two_rows { legend_y + row } else { legend_y };
    let top_band = if two_rows { 2.0 * row + 12.0 } else { row + 14.0 };
    let legend_x = if two_rows { margin } else { (w - margin - legend_w).max(margin) };

    let label_style = font(FONT_PX).pos(Pos::new(HPos::Left, VPos::Center));
    if unit_w > 0.0 {
        root.draw(&Text::new(
            chart.y_label.to_string(),
            (margin as i32, unit_y as i32),
            label_style.clone(),
        ))?;
    }
    let ly = legend_y as i32;
    let mut x = legend_x;
    ink.bar((x as i32, ly - 6), ((x + swatch) as i32, ly + 6));
    x += swatch + gap;
    root.draw(&Text::new(chart.realisasi_label.to_string(), (x as i32, ly), label_style.clone()))?;
    x += text_width(chart.realisasi_label, FONT_PX) + item_gap;
    ink.target(&[(x as i32, ly), ((x + line_sample) as i32, ly)], false);
    ink.diamond(((x + line_sample / 2.0) as i32, ly), 6);
    x += line_sample + gap;
    root.draw(&Text::new(chart.target_label.to_string(), (x as i32, ly), label_style))?;

    // Plot: y tick labels on the left, x labels below.
    let y_area = tick_texts.iter().map(|(_, t)| text_width(t, FONT_PX)).fold(0.0, f64::max) + 16.0;
    let plot_area = root.margin(top_band as u32, 2, 4, 12);
    let n = values.len();
    let plot_w = (w - 4.0 - 12.0 - y_area).max(1.0);
    let slot = plot_w / n.max(1) as f64;
    let widest = chart.points.iter().map(|p| text_width(&p.label, FONT_PX)).fold(0.0, f64::max) + 10.0;
    let every = ((widest / slot).ceil() as usize).max(1);
    let shown: Vec<f64> = (0..n).filter(|i| i % every == 0).map(|i| i as f64).collect();

    let mut ctx = ChartBuilder::on(&plot_area)
        .x_label_area_size(28)
        .y_label_area_size(y_area.round() as u32)
        .build_cartesian_2d(x_axis(n, shown), y_axis(&scale))?;
    let labels: Vec<&str> = chart.points.iter().map(|p| p.label.as_str()).collect();
    let x_fmt = |v: &f64| labels.get(v.round().max(0.0) as usize).map(|s| s.to_string()).unwrap_or_default();
    let y_fmt = |v: &f64| tick_texts.iter().find(|(c, _)| c == v).map(|(_, t)| t.clone()).unwrap_or_default();
    // The grid lines are drawn by `draw_series`, as one path: plotters' are transparent.
    ctx.configure_mesh()
        .disable_x_mesh()
        .bold_line_style(TRANSPARENT)
        .axis_style(TRANSPARENT)
        // Tick marks are invisible (the axis style is transparent) but their size keeps the
        // labels 10 px away from the plot.
        .set_all_tick_mark_size(5)
        .x_label_style(font(FONT_PX))
        .y_label_style(font(FONT_PX))
        .x_labels(n.max(1))
        .y_labels(scale.ticks.len().max(1))
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .draw()?;
    let ticks: Vec<f64> = tick_texts.iter().map(|(c, _)| *c).collect();
    draw_series(&ctx, values, &ticks, false, ink);
    Ok(())
}

fn draw_sparkline(root: &Area<'_, '_>, values: &[Pair], ink: &mut Ink) -> DrawResult {
    // No ticks to show, so no rounding of the ends: the series fill the card.
    let Scale { lo, hi, .. } = nice_scale(values);
    let (lo, hi) = spark_range(values).unwrap_or((lo, hi));
    let scale = Scale { lo, hi, ticks: Vec::new() };
    let area = root.margin(6, 4, 4, 4);
    let n = values.len();
    let ctx = ChartBuilder::on(&area).build_cartesian_2d(x_axis(n, Vec::new()), y_axis(&scale))?;
    draw_series(&ctx, values, &[], true, ink);
    Ok(())
}

fn draw_empty(root: &Area<'_, '_>, chart: &Chart) -> DrawResult {
    let (w, h) = root.dim_in_pixel();
    let px = if chart.sparkline { 12.0 } else { FONT_PX };
    root.draw(&Text::new(
        chart.empty_text.to_string(),
        ((w / 2) as i32, (h / 2) as i32),
        font(px).pos(Pos::new(HPos::Center, VPos::Center)),
    ))?;
    Ok(())
}

/// The root element, title and description of an SVG that stands alone, with its font, size
/// and text colour.
fn standalone_root(out: &mut String, chart: &Chart, id: &str, (w, h): (u32, u32)) {
    let id = escape(id);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" style=\"max-width:100%;height:auto\" \
         font-family=\"sans-serif\" font-size=\"{FONT_PX}\" fill=\"#333333\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(chart.title),
        escape(chart.description),
    );
}

/// A chart of `points` as the reports draw one (a test's starting point).
#[cfg(test)]
pub(crate) fn sample<'a>(points: &'a [Point]) -> Chart<'a> {
    Chart {
        title: "IKU-2 <&> \"capaian\"",
        description: "Target 82,00 & 82,50; realisasi 81,73 < 82,76.",
        points,
        y_label: "%",
        y_label_lang: None,
        target_label: "Target",
        realisasi_label: "Realisasi",
        scale_down: Decimal::ONE,
        size: (640, 320),
        sparkline: false,
        empty_text: "Tidak ada data",
        lang: Lang::Id,
        page: false,
        named_by: None,
        described_by: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Option<Decimal> {
        (!s.is_empty()).then(|| Decimal::from_str(s).unwrap())
    }

    fn p(label: &str, target: &str, realisasi: &str) -> Point {
        Point { label: label.into(), target: d(target), realisasi: d(realisasi) }
    }

    fn iku2() -> Vec<Point> {
        vec![p("TW1", "", ""), p("TW2", "82.00", "81.73"), p("TW3", "", ""), p("TW4", "82.50", "82.76")]
    }

    /// The path data of the one path painted `paint` (e.g. `fill="#1F4E79"`), or "" when the
    /// chart has none.
    fn path<'a>(out: &'a str, paint: &str) -> &'a str {
        let found: Vec<&str> = out.lines().filter(|l| l.starts_with(&format!("<path {paint} d="))).collect();
        assert!(found.len() <= 1, "one path per series: {out}");
        found.first().map_or("", |l| l.split("d=\"").nth(1).unwrap().trim_end_matches("\"/>"))
    }

    const BARS: &str = "fill=\"#1F4E79\"";
    const MARKS: &str = "fill=\"#FFFFFF\" stroke=\"#A14B00\" stroke-width=\"2\"";
    const DASHED: &str = "fill=\"none\" stroke=\"#A14B00\" stroke-width=\"2\" stroke-dasharray=\"7 4\"";

    /// Hollow diamonds (target markers) and blue rectangles (bars), legend swatches included:
    /// each is one closed figure of its series' path.
    fn markers(out: &str) -> (usize, usize) {
        (path(out, MARKS).matches('z').count(), path(out, BARS).matches('z').count())
    }

    /// The lines of the dashed target path (each starts with a move), the legend's sample
    /// included.
    fn dashed_lines(out: &str) -> usize {
        path(out, DASHED).matches('M').count()
    }

    fn sane(out: &str) {
        // A chart that stands alone names its namespace; one inline in a page needs none.
        let alone = out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"");
        assert!(alone || out.starts_with("<svg role=\"img\""), "{out}");
        assert!(out.trim_end().ends_with("</svg>"));
        assert_eq!(out.matches("<svg").count(), 1);
        for bad in ["NaN", "inf", "0000000000"] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
    }

    #[test]
    fn root_is_an_accessible_scalable_image() {
        let points = iku2();
        let out = super::svg(&sample(&points), "iku-2-2023");
        sane(&out);
        assert!(out.contains(
            "role=\"img\" aria-labelledby=\"iku-2-2023-title iku-2-2023-desc\" viewBox=\"0 0 640 320\" \
             width=\"640\" height=\"320\" style=\"max-width:100%;height:auto\""
        ));
        let title = "<title id=\"iku-2-2023-title\">IKU-2 &lt;&amp;&gt; &quot;capaian&quot;</title>";
        let desc =
            "<desc id=\"iku-2-2023-desc\">Target 82,00 &amp; 82,50; realisasi 81,73 &lt; 82,76.</desc>";
        // Title and desc are the first children of the root.
        let first_line_end = out.find('\n').unwrap();
        assert!(out[first_line_end + 1..].starts_with(&format!("{title}\n{desc}\n")), "{out}");
        assert!(out.contains("font-family=\"sans-serif\""));
    }

    #[test]
    fn a_page_chart_is_the_same_drawing_painted_by_classes() {
        let points = iku2();
        let alone = svg(&sample(&points), "c");
        let page = svg(&Chart { page: true, ..sample(&points) }, "c");
        sane(&page);
        let root = page.lines().next().unwrap();
        assert!(root.ends_with("height=\"320\" class=\"c\">"), "{root}");
        assert!(!page.contains("font-family") && !page.contains("stroke=") && !page.contains("fill=\"#"));
        // The same bars and markers, by class; the lines are never filled without the stylesheet.
        let d = |out: &str, start: &str| {
            out.lines().find(|l| l.starts_with(start)).map(|l| l.split("d=").nth(1).unwrap().to_string())
        };
        assert_eq!(d(&page, "<path class=\"cb\""), d(&alone, &format!("<path {BARS}")));
        assert_eq!(d(&page, "<path class=\"cm\""), d(&alone, &format!("<path {MARKS}")));
        assert_eq!(d(&page, "<path fill=\"none\" class=\"ct\""), d(&alone, &format!("<path {DASHED}")));
        // Each text on one line; the y tick labels share one right-aligned group.
        assert!(page.contains(">Realisasi</text>") && page.contains(">TW4</text>"), "{page}");
        assert_eq!(page.matches("<g text-anchor=\"end\">").count(), 1, "{page}");
        assert!(page.len() * 10 < alone.len() * 8, "{} against {}", page.len(), alone.len());
    }

    #[test]
    fn legend_and_unit_appear_on_a_full_chart_only() {
        let points = iku2();
        let full = svg(&sample(&points), "c");
        assert!(full.contains("\nRealisasi\n") && full.contains("\nTarget\n") && full.contains("\n%\n"));
        let spark = svg(&Chart { sparkline: true, size: (240, 90), ..sample(&points) }, "s");
        sane(&spark);
        assert!(!spark.contains("<text"), "{spark}");
        assert!(spark.contains("<title id=\"s-title\">"));
    }

    #[test]
    fn missing_values_leave_gaps() {
        let points = iku2();
        let out = super::svg(&sample(&points), "c");
        // Two target markers and two bars, plus one of each in the legend.
        assert_eq!(markers(&out), (3, 3));
        // TW2 and TW4 are not adjacent: no target line, only the legend's dashed sample.
        assert_eq!(dashed_lines(&out), 1);
        // All four labels are still on the axis.
        for l in ["TW1", "TW2", "TW3", "TW4"] {
            assert!(out.contains(&format!("\n{l}\n")), "{l}");
        }

        let points = vec![
            p("2019", "70", "68.2"),
            p("2020", "72", ""),
            p("2021", "74", "75.1"),
            p("2022", "", "77.9"),
            p("2023", "78", "80.3"),
        ];
        let out = super::svg(&sample(&points), "c");
        assert_eq!(markers(&out), (5, 5));
        // 2019–2021 is one dashed line (plus the legend); 2023 stands alone.
        assert_eq!(dashed_lines(&out), 2);
    }

    #[test]
    fn target_is_dashed_and_colours_are_the_accessible_ones() {
        let points = vec![
            p("TW1", "15", "3.29"),
            p("TW2", "35", "8.99"),
            p("TW3", "55", "10.75"),
            p("TW4", "75", "14.8"),
        ];
        let out = super::svg(&sample(&points), "c");
        // One run of four targets and the legend's sample, both dashed, in the target colour;
        // bars in dark blue; text in #333 from the root; no white background rectangle.
        assert_eq!(dashed_lines(&out), 2);
        assert_eq!(path(&out, DASHED).matches('L').count(), 3 + 1);
        assert_eq!(path(&out, BARS).matches('z').count(), 4 + 1);
        assert!(out.lines().next().unwrap().contains("font-size=\"14\" fill=\"#333333\">"));
        assert!(!out.contains("<rect"), "{out}");
        // Every text inherits the root's font: none repeats it.
        let (root, body) = out.split_once('\n').unwrap();
        assert!(root.contains("font-family=\"sans-serif\" font-size=\"14\""));
        assert!(body.matches("<text").count() > 6 && !body.contains("font-family"), "{body}");
    }

    /// Heights of the bars standing on the chart's baseline (the legend swatch does not), left
    /// to right.
    fn bar_heights(out: &str) -> Vec<i64> {
        // Each bar is `M{x0} {y0}H{x1}V{y1}H{x0}z`: (x0, bottom y1, height y1 - y0).
        let rects: Vec<(i64, i64, i64)> = path(out, BARS)
            .split('z')
            .filter(|f| !f.is_empty())
            .map(|f| {
                let n: Vec<i64> = f
                    .split(['M', ' ', 'H', 'V'])
                    .filter(|x| !x.is_empty())
                    .map(|x| x.parse().unwrap())
                    .collect();
                (n[0], n[3], n[3] - n[1])
            })
            .collect();
        let baseline = rects.iter().map(|r| r.1).max().unwrap_or_default();
        let mut bars: Vec<(i64, i64)> =
            rects.iter().filter(|r| r.1 == baseline).map(|r| (r.0, r.2)).collect();
        bars.sort();
        bars.into_iter().map(|(_, h)| h).collect()
    }

    #[test]
    fn bar_heights_are_proportional_to_the_realisations() {
        // 10, 20 and 40 on an axis from 0: the bars stand 1 : 2 : 4, to the pixel.
        let points = [p("TW1", "", "10"), p("TW2", "", "20"), p("TW3", "", "40")];
        let h = bar_heights(&svg(&sample(&points), "c"));
        assert_eq!(h.len(), 3, "{h:?}");
        assert!((h[1] - 2 * h[0]).abs() <= 2 && (h[2] - 4 * h[0]).abs() <= 4, "{h:?}");
        assert!(h[2] > 150, "the tallest bar fills most of the 320-px chart: {h:?}");
        // The same figures in rupiah, plotted in millions: the same bars, the axis reads 40.
        let millions = [p("TW1", "", "10000000"), p("TW2", "", "20000000"), p("TW3", "", "40000000")];
        let scaled = svg(&Chart { scale_down: Decimal::from(1_000_000), ..sample(&millions) }, "c");
        assert_eq!(bar_heights(&scaled), h);
        assert!(scaled.contains("\n40\n") && !scaled.contains("40.000.000"), "{scaled}");
    }

    #[test]
    fn ticks_are_round_and_free_of_float_noise() {
        let scale = |v: &[&str]| {
            let values: Vec<_> = v.iter().map(|s| (None, d(s))).collect();
            nice_scale(&values)
        };
        let s = scale(&["0.1", "0.2", "0.3"]);
        assert!(s.ticks.len() <= 6, "{s:?}");
        assert_eq!(s.lo, Decimal::ZERO);
        let labels: Vec<_> = s.ticks.iter().map(|t| tick_label(*t, Lang::En)).collect();
        assert_eq!(labels, ["0", "0.1", "0.2", "0.3", "0.4"]);
        let s = scale(&["81.73", "82.76"]);
        assert_eq!((s.lo, s.hi), (Decimal::ZERO, Decimal::from(100)));
        let s = scale(&["-3.2", "7.25"]);
        assert!(s.lo < d("-3.2").unwrap() && s.hi > d("7.25").unwrap() && s.ticks.len() <= 6, "{s:?}");
        assert!(s.ticks.contains(&Decimal::ZERO));
        assert_eq!(tick_label(Decimal::from(4_000_000), Lang::Id), "4.000.000");
        assert_eq!(tick_label(d("1250.5").unwrap(), Lang::Id), "1.250,5");
        assert_eq!(tick_label(d("1250.5").unwrap(), Lang::En), "1,250.5");
        assert_eq!(tick_label(d("-0.125").unwrap(), Lang::En), "-0.12");
        assert_eq!(tick_label(d("0.001").unwrap(), Lang::En), "0");
        for v in [["0.001", "0.002"], ["1e-10", "3e-10"], ["123456789", "987654321"], ["-5", "-1"]] {
            let s = scale(&v);
            assert!(s.ticks.len() <= 6 && s.ticks.len() >= 2, "{v:?} {s:?}");
            assert!(s.ticks.iter().all(|t| t.round_dp(2) == *t), "{s:?}");
        }
    }

    #[test]
    fn tick_labels_in_the_svg_use_the_page_language() {
        let points = vec![p("2023", "2500000", "1200000")];
        let id = svg(&sample(&points), "c");
        assert!(id.contains("\n3.000.000\n"), "{id}");
        let en = svg(&Chart { lang: Lang::En, ..sample(&points) }, "c");
        assert!(en.contains("\n3,000,000\n"), "{en}");
    }

    #[test]
    fn empty_chart_says_so() {
        for spark in [false, true] {
            let out = super::svg(&Chart { sparkline: spark, ..sample(&[]) }, "e");
            sane(&out);
            assert!(out.contains("\nTidak ada data\n"));
            assert!(out.contains("<title id=\"e-title\">"));
            let all_missing = [p("TW1", "", ""), p("TW2", "", "")];
            let out = super::svg(&Chart { sparkline: spark, ..sample(&all_missing) }, "e");
            sane(&out);
            assert!(out.contains("\nTidak ada data\n"));
        }
    }

    #[test]
    fn zero_realisation_is_drawn_but_missing_is_not() {
        let points = [p("A", "", "0"), p("B", "", "")];
        let out = super::svg(&sample(&points), "z");
        assert_eq!(markers(&out), (1, 2));
    }

    #[test]
    fn plotters_draws_nothing_the_backend_cannot_write() {
        // A visible shape from plotters (its mesh, axes, tick marks) would be an error and the
        // chart cut short: every kind of chart draws without one.
        let points = iku2();
        let empty: [Point; 0] = [];
        for (points, sparkline) in
            [(&points[..], false), (&points[..], true), (&empty[..], false), (&empty[..], true)]
        {
            for page in [false, true] {
                let chart = Chart { sparkline, page, ..sample(points) };
                let mut texts = Texts::new(String::new(), page, None);
                let drawn = draw(
                    Lean::new(&mut texts, (640, 320)).into_drawing_area(),
                    &chart,
                    &scaled(&chart),
                    &mut Ink::default(),
                );
                assert!(drawn.is_ok(), "{drawn:?}");
            }
        }
    }

    #[test]
    fn odd_data_does_not_panic() {
        let huge = Decimal::from_str("10000000000000000000000000000").unwrap();
        let max = Decimal::MAX;
        let many: Vec<Point> = (0..200)
            .map(|i| p(&format!("Label panjang sekali {i}"), &i.to_string(), &(i * 3).to_string()))
            .collect();
        let cases: Vec<(Vec<Point>, Decimal)> = vec![
            (vec![p("2023", "5", "7")], Decimal::ONE),
            (vec![p("2023", "", "7")], Decimal::ONE),
            (vec![p("2023", "7", "")], Decimal::ONE),
            (vec![p("A", "0", "0"), p("B", "0", "0")], Decimal::ONE),
            (vec![p("A", "-5", "-7"), p("B", "-1", "-0.5")], Decimal::ONE),
            (
                vec![p("A", "", &huge.to_string()), p("B", &huge.to_string(), "1")],
                Decimal::from(1_000_000_000_000i64),
            ),
            (vec![p("A", &max.to_string(), &Decimal::MIN.to_string())], Decimal::ONE),
            (vec![p("A", &max.to_string(), "1")], d("0.0001").unwrap()),
            (vec![p("A", "1", "2")], Decimal::ZERO),
            (vec![p("A", "1", "2")], Decimal::from(-5)),
            (vec![p("A", "0.0000001", "0.0000002")], Decimal::ONE),
            (vec![p("", "1", "2"), p("<&>\"'", "3", "4")], Decimal::ONE),
            (many, Decimal::ONE),
        ];
        for (points, scale_down) in &cases {
            for spark in [false, true] {
                for (size, page) in
                    [((640, 320), false), ((240, 90), true), ((0, 0), false), ((100_000, 3), true)]
                {
                    let c = Chart { scale_down: *scale_down, sparkline: spark, size, page, ..sample(points) };
                    let out = svg(&c, "x\"<");
                    sane(&out);
                    assert!(out.contains("aria-labelledby=\"x&quot;&lt;-title x&quot;&lt;-desc\""));
                }
            }
        }
    }

    #[test]
    fn long_label_lists_are_thinned_not_overlapped() {
        let points: Vec<Point> = (2000..2030).map(|y| p(&y.to_string(), "1", "2")).collect();
        let out = super::svg(&Chart { size: (480, 280), ..sample(&points) }, "c");
        let shown = (2000..2030).filter(|y| out.contains(&format!("\n{y}\n"))).count();
        assert!((5..30).contains(&shown), "{shown}");
        assert!(out.contains("\n2000\n"));
    }

    #[test]
    fn unit_and_legend_share_a_row_only_when_they_fit() {
        let points = iku2();
        let y_of = |out: &str, text: &str| {
            let at = out.find(&format!(">\n{text}\n")).unwrap();
            let line = &out[out[..at].rfind("<text").unwrap()..at];
            line.split("y=\"").nth(1).unwrap().split('"').next().unwrap().to_string()
        };
        let wide = super::svg(&Chart { y_label: "triliun rupiah", ..sample(&points) }, "c");
        assert_eq!(y_of(&wide, "triliun rupiah"), y_of(&wide, "Realisasi"));
        let narrow =
            super::svg(&Chart { y_label: "triliun rupiah", size: (300, 200), ..sample(&points) }, "c");
        assert_ne!(y_of(&narrow, "triliun rupiah"), y_of(&narrow, "Realisasi"));
        assert_eq!(y_of(&narrow, "Target"), y_of(&narrow, "Realisasi"));
    }
}
