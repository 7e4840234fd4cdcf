//! The rows of the tables that hold most of the site's cells (an indicator's quarterly,
//! multi-year and evidence tables; a year's measurement and quarterly progress) and the figures
//! of an indicator's headline, written in Rust: one template call per table rather than a dozen
//! per row. At 5,000 indicators each template call of a cell costs an interpreter frame and the
//! lookup of its arguments. The cells are the same pieces as everywhere else ([`super::html`]).
//!
//! Each writer takes the rows as the views themselves ([`Rows`], [`Record`]), not as template
//! values: copying thousands of rows into values field by field, only to read them back here by
//! name, cost more than writing their cells.
//!
//! The rows come out as the pages' tidying (`super::tidy`) leaves them: without the end tags of
//! a cell, a term or a description that the next tag implies (`</td>` before the next cell or
//! the row's end). Tidying checks each end tag it meets against what follows; a table with
//! none to check cost ≈ 2 % less of a large site's build.

use std::fmt::Write as _;

use minijinja::value::Value;
use minijinja::{Environment, Error, State};

use super::escape::Escape;
use super::filters::invalid;
use super::html::{
    Unit, Words, is_flagged, lang, projection_status_html, push_flag, push_ind, push_links, push_pct,
    push_period, push_predikat, push_status, push_target, push_txt, push_value, target_of,
};
use crate::diagnostics::Lang;
use crate::present::Angka;
use crate::present::bukti::CellView;
use crate::present::indicator::YearLine;
use crate::present::object::{Record, Rows};
use crate::present::view::RowView;
use crate::present::year::MeasurementLine;

mod facts;

/// Install the functions that write rows and the headline's figures.
pub fn register(env: &mut Environment<'_>) {
    env.add_function("quarter_rows", quarter_rows);
    env.add_function("evidence_rows", evidence_rows);
    env.add_function("measurement_rows", measurement_rows);
    env.add_function("progress_rows", progress_rows);
    env.add_function("year_rows", year_rows);
    env.add_function("headline_figures", headline_figures);
    env.add_function("projection_figures", projection_figures);
    env.add_function("indicator_facts", facts::indicator_facts);
}

/// Between two cells of a row.
const TD: &str = "<td>";

/// The views `value` holds: the rows a page hands to the writer `writer`.
fn views<'a, T: 'static>(writer: &str, value: &'a Value, what: &str) -> Result<&'a T, Error> {
    value.downcast_object_ref::<T>().ok_or_else(|| {
        invalid(format!("{writer}: expects {what} as the page hands them over, not {:?}", value.kind()))
    })
}

/// The figure of a view.
fn dec(v: Option<Angka>) -> Option<rust_decimal::Decimal> {
    v.map(|a| a.0)
}

/// The page's language and the unit `satuan` (in `satuan_lang` when in another language).
fn unit_of<'a>(
    state: &State,
    satuan: &'a str,
    satuan_lang: &'a Option<String>,
) -> Result<(Lang, Unit<'a>), Error> {
    Ok((lang(state)?, Unit::new(satuan, satuan_lang.as_deref())))
}

/// Appends the validation status `s` in the page's words.
fn push_status_word(out: &mut String, words: &mut Words, s: &'static str) -> Result<(), Error> {
    push_status(out, s, words.get(s)?);
    Ok(())
}

/// Appends the mark of a corrected or rejected figure (nothing for any other status `s`).
fn push_flag_word(out: &mut String, words: &mut Words, s: &'static str) -> Result<(), Error> {
    if is_flagged(s) {
        push_flag(out, s, words.get(s)?);
    }
    Ok(())
}

/// The groups of term and figure of an indicator's headline `h` (its latest achievement, whose
/// unit is `satuan`, marked as `satuan_lang` when in another language), one a line: the
/// achievement, predicate, target, realisation with its flag, validation, and the change from
/// the year before when there is one.
fn headline_figures(
    state: &State,
    h: Value,
    satuan: String,
    satuan_lang: Option<String>,
) -> Result<Value, Error> {
    let (lang, unit) = unit_of(state, &satuan, &satuan_lang)?;
    let record = h.get_attr("row")?;
    let row = views::<Record<RowView>>("headline_figures", &record, "the headline's row")?.view();
    let perubahan = super::filters::decimal_of("headline_figures", &h.get_attr("perubahan")?)?;
    let mut words = Words::of(state)?;
    let mut out = String::with_capacity(1024);
    open_figure(&mut out, words.get("achievement")?, " class=\"big\"");
    push_pct(&mut out, dec(row.resmi), lang);
    open_figure(&mut out, words.get("predicate")?, "");
    push_predikat(&mut out, row.predikat.as_ref());
    open_figure(&mut out, words.get("target")?, "");
    push_target(&mut out, state, &row.target, &unit, lang)?;
    open_figure(&mut out, words.get("realisation")?, "");
    push_value(&mut out, dec(row.realisasi), &unit, lang);
    push_flag_word(&mut out, &mut words, row.status)?;
    open_figure(&mut out, words.get("validation")?, "");
    push_status_word(&mut out, &mut words, row.status)?;
    if perubahan.is_some() {
        open_figure(&mut out, words.get("change")?, "");
        push_value(&mut out, perubahan, &unit, lang);
    }
    out.push_str(END_FIGURE);
    Ok(Value::from_safe_string(out))
}

/// The end of a group of term and figure of a `<dl>`, one a line.
const END_FIGURE: &str = "</div>\n";

/// Appends the start of the group of the term `term` (text) and its figure, with `attrs` on
/// the figure, after the end of the group before if there is one.
fn open_figure(out: &mut String, term: &str, attrs: &str) {
    if !out.is_empty() {
        out.push_str(END_FIGURE);
    }
    let _ = write!(out, "<div><dt>{}<dd{attrs}>", Escape(term));
}

/// The groups of term and figure of an indicator's year-end projection `pr` (whose unit is
/// `satuan`, marked as `satuan_lang` when in another language), one a line: the year's target,
/// the projected figure, the projected achievement and its status.
fn projection_figures(
    state: &State,
    pr: Value,
    satuan: String,
    satuan_lang: Option<String>,
) -> Result<Value, Error> {
    let (lang, unit) = unit_of(state, &satuan, &satuan_lang)?;
    let decimal = |key: &str| super::filters::decimal_of("projection_figures", &pr.get_attr(key)?);
    let target = target_of(&pr.get_attr("target")?)?;
    let (proyeksi, capaian) = (decimal("proyeksi")?, decimal("capaian")?);
    let status = projection_status_html(state, pr.get_attr("status")?.as_str())?;
    let mut words = Words::of(state)?;
    let mut out = String::with_capacity(512);
    let year = pr.get_attr("tahun")?.to_string();
    open_figure(&mut out, &format!("{} {year}", words.get("target")?), "");
    push_target(&mut out, state, &target, &unit, lang)?;
    open_figure(&mut out, words.get("projection_value")?, "");
    push_value(&mut out, proyeksi, &unit, lang);
    open_figure(&mut out, words.get("projection_achievement")?, "");
    push_pct(&mut out, capaian, lang);
    open_figure(&mut out, words.get("status")?, "");
    out.push_str(&status);
    out.push_str(END_FIGURE);
    Ok(Value::from_safe_string(out))
}

/// The `<tr>` of each of `years` (the views of an indicator's years, whose unit is `satuan`,
/// marked as `satuan_lang` when in another language): the year linked to its page, the target,
/// realisation, achievement, predicate, change from the year before and progress towards the
/// Renstra's end target.
fn year_rows(
    state: &State,
    years: Value,
    satuan: String,
    satuan_lang: Option<String>,
) -> Result<Value, Error> {
    let root = lang_root(state, "year_rows")?;
    let (lang, unit) = unit_of(state, &satuan, &satuan_lang)?;
    let mut out = String::with_capacity(1024);
    for y in views::<Rows<YearLine>>("year_rows", &years, "an indicator's years")?.items() {
        let row = &y.row;
        let tahun = row.tahun;
        let _ =
            write!(out, "<tr><th scope=\"row\"><a href=\"{}tahun/{tahun}/\">{tahun}</a><td>", Escape(&root));
        push_target(&mut out, state, &row.target, &unit, lang)?;
        out.push_str(TD);
        push_value(&mut out, dec(row.realisasi), &unit, lang);
        out.push_str(TD);
        push_pct(&mut out, dec(row.resmi), lang);
        out.push_str(TD);
        push_predikat(&mut out, row.predikat.as_ref());
        out.push_str(TD);
        push_value(&mut out, dec(y.perubahan), &unit, lang);
        out.push_str(TD);
        push_pct(&mut out, dec(y.capaian_renstra), lang);
        out.push_str("</tr>\n");
    }
    Ok(Value::from_safe_string(out))
}

/// The `<tr>` of each row of `rows` (the views of one year's quarters and the year) of an
/// indicator whose unit is `satuan` (marked as `satuan_lang` when in another language).
fn quarter_rows(
    state: &State,
    rows: Value,
    satuan: String,
    satuan_lang: Option<String>,
    cumulative: bool,
) -> Result<Value, Error> {
    let (lang, unit) = unit_of(state, &satuan, &satuan_lang)?;
    let mut words = Words::of(state)?;
    let mut out = String::with_capacity(2048);
    for r in views::<Rows<RowView>>("quarter_rows", &rows, "the rows of a year's quarters")?.items() {
        out.push_str("<tr><th scope=\"row\">");
        push_period(&mut out, &mut words, &r.periode)?;
        out.push_str("<td>");
        push_quarter_cells(&mut out, state, &mut words, r, (lang, &unit), cumulative)?;
        out.push_str("</tr>\n");
    }
    Ok(Value::from_safe_string(out))
}

/// Appends the cells of one row after its period: target, realisation, the cumulative
/// realisation when `cumulative`, the reported achievement with its flag, the validated one,
/// the validation with the team's reason, the predicate and the evidence.
fn push_quarter_cells(
    out: &mut String,
    state: &State,
    words: &mut Words,
    r: &RowView,
    (lang, unit): (Lang, &Unit),
    cumulative: bool,
) -> Result<(), Error> {
    push_target(out, state, &r.target, unit, lang)?;
    out.push_str(TD);
    push_value(out, dec(r.realisasi), unit, lang);
    if cumulative {
        out.push_str(TD);
        push_value(out, dec(r.kumulatif), unit, lang);
    }
    out.push_str(TD);
    push_pct(out, dec(r.capaian), lang);
    push_flag_word(out, words, r.status)?;
    out.push_str(TD);
    push_pct(out, dec(r.capaian_tervalidasi), lang);
    out.push_str(TD);
    push_status_word(out, words, r.status)?;
    if let Some(alasan) = &r.alasan {
        let _ = write!(out, "<br><small>{}: ", Escape(words.get("reason")?));
        push_txt(out, alasan);
        out.push_str("</small>");
    }
    out.push_str(TD);
    push_predikat(out, r.predikat.as_ref());
    out.push_str(TD);
    push_links(out, &r.bukti);
    Ok(())
}
/// The `<tr>` of each of `cells` (the views of an indicator's quarters in the evidence matrix):
/// the quarter; each required kind marked supplied or missing in words and a symbol, not by
/// colour alone; the kinds supplied beyond them; the validation; the completeness with its
/// count. A quarter with a required kind missing is marked `missing`.
fn evidence_rows(state: &State, cells: Value) -> Result<Value, Error> {
    let lang = lang(state)?;
    let mut words = Words::of(state)?;
    let q = Escape(words.get("q")?).to_string();
    let supplied = Escape(words.get("evidence_supplied")?).to_string();
    let missing = format!("<strong>{}</strong>", Escape(words.get("evidence_missing")?));
    let none_required = blank(words.get("evidence_nothing_required")?);
    let of = Escape(words.get("of")?).to_string();
    let mut out = String::with_capacity(2048);
    for c in views::<Rows<CellView>>("evidence_rows", &cells, "an indicator's evidence cells")?.items() {
        let class = if c.kurang > 0 { " class=\"missing\"" } else { "" };
        let _ = write!(out, "<tr{class}><th scope=\"row\">{q}{}<td>", c.triwulan);
        push_kinds(&mut out, c.wajib.iter(), &none_required, |out, k| {
            let (class, said) = if k.disampaikan { ("ok", &supplied) } else { ("gap", &missing) };
            let _ = write!(out, "<li class=\"{class}\">{said}: ");
            push_txt(out, &k.jenis);
        });
        out.push_str(TD);
        push_kinds(&mut out, c.tambahan.iter(), &blank("–"), |out, k| {
            out.push_str("<li>");
            push_txt(out, k);
        });
        out.push_str(TD);
        push_status_word(&mut out, &mut words, c.status)?;
        out.push_str("<td class=\"num\">");
        push_pct(&mut out, dec(c.kelengkapan), lang);
        if c.jumlah_wajib > 0 {
            let _ = write!(out, " <small>({} {of} {})</small>", c.jumlah_disampaikan, c.jumlah_wajib);
        }
        out.push_str("</tr>\n");
    }
    Ok(Value::from_safe_string(out))
}

/// Appends the list of `items`, each written by `item`, or `empty` when there are none.
fn push_kinds<T>(
    out: &mut String,
    items: std::slice::Iter<'_, T>,
    empty: &str,
    mut item: impl FnMut(&mut String, &T),
) {
    if items.len() == 0 {
        return out.push_str(empty);
    }
    out.push_str("<ul class=\"kinds\">");
    for k in items {
        item(out, k);
    }
    out.push_str("</ul>");
}

/// A cell of no content: a dash, or the words that say why it is empty.
fn blank(text: &str) -> String {
    format!("<span class=\"blank\">{}</span>", Escape(text))
}

/// The language root of the page, for the links to indicator pages.
fn lang_root(state: &State, writer: &str) -> Result<String, Error> {
    let root = state
        .lookup("lang_root")
        .ok_or_else(|| invalid(format!("{writer}: no `lang_root` in the context")))?;
    Ok(root.as_str().unwrap_or_default().to_string())
}

/// The `<tr>` of each of `lines` (a year's measurement of indicators, each with the sasaran or
/// programme it serves): that text, the indicator, and its year's target, realisation with its
/// flag, achievement, validation and predicate, or one blank cell when it has no row that year.
fn measurement_rows(state: &State, lines: Value) -> Result<Value, Error> {
    let (lang, root) = (lang(state)?, lang_root(state, "measurement_rows")?);
    let mut words = Words::of(state)?;
    let mut out = String::with_capacity(4096);
    for l in views::<Rows<MeasurementLine>>("measurement_rows", &lines, "a year's measurement")?.items() {
        out.push_str("<tr><td>");
        push_txt(&mut out, &l.sasaran);
        out.push_str("<th scope=\"row\">");
        push_ind(&mut out, &root, &l.ind);
        match &l.row {
            Some(row) => push_measurement_cells(&mut out, state, &mut words, row, (lang, &Unit::of(&l.ind)))?,
            None => out.push_str("<td colspan=\"5\" class=\"blank\">–"),
        }
        out.push_str("</tr>\n");
    }
    Ok(Value::from_safe_string(out))
}

/// Appends the cells of an indicator's year `row` in a year's measurement: target, realisation
/// with its flag, achievement, validation and predicate.
fn push_measurement_cells(
    out: &mut String,
    state: &State,
    words: &mut Words,
    row: &RowView,
    (lang, unit): (Lang, &Unit),
) -> Result<(), Error> {
    out.push_str("<td>");
    push_target(out, state, &row.target, unit, lang)?;
    out.push_str(TD);
    push_value(out, dec(row.realisasi), unit, lang);
    push_flag_word(out, words, row.status)?;
    out.push_str(TD);
    push_pct(out, dec(row.resmi), lang);
    out.push_str(TD);
    push_status_word(out, words, row.status)?;
    out.push_str(TD);
    push_predikat(out, row.predikat.as_ref());
    Ok(())
}

/// The `<tr>` of each of `lines` in a year's quarterly progress: the indicator and its validated
/// achievement in each quarter, or one blank cell when it has no quarters that year.
fn progress_rows(state: &State, lines: Value) -> Result<Value, Error> {
    let (lang, root) = (lang(state)?, lang_root(state, "progress_rows")?);
    let mut out = String::with_capacity(4096);
    for l in views::<Rows<MeasurementLine>>("progress_rows", &lines, "a year's measurement")?.items() {
        out.push_str("<tr><th scope=\"row\">");
        push_ind(&mut out, &root, &l.ind);
        if l.quarters.is_empty() {
            out.push_str("<td colspan=\"4\" class=\"blank\">–");
        }
        for q in &l.quarters {
            out.push_str("<td>");
            push_pct(&mut out, dec(q.resmi), lang);
        }
        out.push_str("</tr>\n");
    }
    Ok(Value::from_safe_string(out))
}

#[cfg(test)]
mod tests {
    use minijinja::context;
    use rust_decimal::Decimal;

    use super::*;
    use crate::present::Words;
    use crate::present::view::{Link, TargetView, Txt};

    fn angka(text: &str) -> Option<Angka> {
        Some(Angka(text.parse::<Decimal>().unwrap()))
    }

    fn row(periode: &str, status: &'static str) -> RowView {
        RowView {
            periode: periode.to_string(),
            tahun: 2024,
            target: TargetView { value: angka("5"), ..TargetView::default() },
            realisasi: angka("4"),
            kumulatif: angka("9"),
            capaian: angka("80"),
            capaian_tervalidasi: None,
            resmi: angka("80"),
            status,
            alasan: Some(Txt { text: "data <ganda>".to_string(), lang: None }),
            predikat: None,
            bukti: vec![Link {
                label: Txt { text: "BA".to_string(), lang: None },
                url: "../../bukti/ba.pdf".to_string(),
                external: false,
            }],
            catatan: None,
        }
    }

    fn render(template: &str, rows: Value) -> Result<String, Error> {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        super::super::html::register(&mut env);
        register(&mut env);
        let t = Value::from(minijinja::value::Serde(Words::new(Lang::Id).all()));
        env.render_str(template, context! { lang => "id", lang_root => "../../", t, rows })
    }

    #[test]
    fn a_quarter_row_is_written_from_the_view() {
        let rows = Value::from(minijinja::value::Serde(Rows::from(vec![row("TW2", "ditolak")])));
        let out = render("{{ quarter_rows(rows, 'hari', none, true) }}", rows).unwrap();
        // Target 5 hari, realisation 4 hari, cumulative 9 hari, reported 80 % marked rejected,
        // no validated achievement, the rejection with its (escaped) reason, no predicate, one
        // evidence link; no end tag of a cell or an item, as the pages' tidying leaves them.
        let flag = " <span class=\"flag s-ditolak\"><span aria-hidden=\"true\">✗</span><span class=\"vh\"> (ditolak)</span></span>";
        let expected = format!(
            "<tr><th scope=\"row\">TW2<td>5\u{a0}hari<td>4\u{a0}hari<td>9\u{a0}hari\
             <td>80,00\u{a0}%{flag}<td>–\
             <td><span class=\"st s-ditolak\">✗ ditolak</span><br><small>Alasan: data &lt;ganda&gt;</small>\
             <td>–<td><ul class=\"links\"><li><a href=\"../../bukti/ba.pdf\">BA</a></ul></tr>\n"
        );
        assert_eq!(out, expected);
    }

    #[test]
    fn a_template_still_reads_the_rows_and_cannot_pass_its_own_list() {
        let rows =
            Value::from(minijinja::value::Serde(Rows::from(vec![row("TW1", "sah"), row("TAHUN", "sah")])));
        let out = render(
            "{% for r in rows %}{{ r.periode }} {{ r.capaian }} {{ r.target.value }};{% endfor %}",
            rows,
        );
        assert_eq!(out.unwrap(), "TW1 80 5;TAHUN 80 5;");
        let err = render("{{ quarter_rows([1, 2], 'hari', none, false) }}", Value::UNDEFINED).unwrap_err();
        assert!(err.to_string().contains("quarter_rows: expects the rows of a year's quarters"), "{err}");
    }
}
