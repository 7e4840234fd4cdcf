//! The rows of the tables that hold most of the site's cells (an indicator's quarterly,
//! multi-year and evidence tables; a year's measurement and quarterly progress) and the figures
//! of an indicator's headline, written in Rust: one template call per table rather than a dozen
//! per row. At 5,000 indicators each template call of a cell costs an interpreter frame and the
//! lookup of its arguments. The cells are the same pieces as everywhere else ([`super::html`]).
//!
//! Each writer takes the rows as the views themselves ([`Rows`], [`Record`]), not as template
//! values: copying thousands of rows into values field by field, only to read them back here by
//! name, cost more than writing their cells.

use std::fmt::Write as _;

use minijinja::value::Value;
use minijinja::{Environment, Error, State};

use super::escape::Escape;
use super::filters::invalid;
use super::html::{
    Unit, flag_html, ind_html, lang, links_html, pct_html, predikat_html, projection_status_html,
    show_period, status_html, target_html, target_of, txt_view_html, value_html, word,
};
use crate::diagnostics::Lang;
use crate::present::Angka;
use crate::present::bukti::CellView;
use crate::present::indicator::YearLine;
use crate::present::object::{Record, Rows};
use crate::present::view::RowView;
use crate::present::year::MeasurementLine;

/// Install the functions that write rows and the headline's figures.
pub fn register(env: &mut Environment<'_>) {
    env.add_function("quarter_rows", quarter_rows);
    env.add_function("evidence_rows", evidence_rows);
    env.add_function("measurement_rows", measurement_rows);
    env.add_function("progress_rows", progress_rows);
    env.add_function("year_rows", year_rows);
    env.add_function("headline_figures", headline_figures);
    env.add_function("projection_figures", projection_figures);
}

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
    let mut figures = vec![
        ("achievement", " class=\"big\"", pct_html(dec(row.resmi), lang)),
        ("predicate", "", predikat_html(row.predikat.as_ref())),
        ("target", "", target_html(state, &row.target, &unit, lang)?),
        (
            "realisation",
            "",
            format!("{}{}", value_html(dec(row.realisasi), &unit, lang), flag_html(state, row.status)?),
        ),
        ("validation", "", status_html(state, row.status)?),
    ];
    let perubahan = super::filters::decimal_of("headline_figures", &h.get_attr("perubahan")?)?;
    if perubahan.is_some() {
        figures.push(("change", "", value_html(perubahan, &unit, lang)));
    }
    let mut out = String::with_capacity(1024);
    for (key, attrs, figure) in figures {
        push_figure(&mut out, &word(state, key)?, attrs, &figure);
    }
    Ok(Value::from_safe_string(out))
}

/// Appends the group of the term `term` (text) and its figure `figure` (markup) of a `<dl>`,
/// with `attrs` on the figure.
fn push_figure(out: &mut String, term: &str, attrs: &str, figure: &str) {
    let _ = writeln!(out, "<div><dt>{}</dt><dd{attrs}>{figure}</dd></div>", Escape(term));
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
    let target = target_html(state, &target_of(&pr.get_attr("target")?)?, &unit, lang)?;
    let figures = [
        (format!("{} {}", word(state, "target")?, pr.get_attr("tahun")?), target),
        (word(state, "projection_value")?, value_html(decimal("proyeksi")?, &unit, lang)),
        (word(state, "projection_achievement")?, pct_html(decimal("capaian")?, lang)),
        (word(state, "status")?, projection_status_html(state, pr.get_attr("status")?.as_str())?),
    ];
    let mut out = String::with_capacity(512);
    for (term, figure) in figures {
        push_figure(&mut out, &term, "", &figure);
    }
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
    let root =
        state.lookup("lang_root").ok_or_else(|| invalid("year_rows: no `lang_root` in the context"))?;
    let root = Escape(root.as_str().unwrap_or_default()).to_string();
    let (lang, unit) = unit_of(state, &satuan, &satuan_lang)?;
    let mut out = String::with_capacity(1024);
    for y in views::<Rows<YearLine>>("year_rows", &years, "an indicator's years")?.items() {
        let row = &y.row;
        let cells = [
            target_html(state, &row.target, &unit, lang)?,
            value_html(dec(row.realisasi), &unit, lang),
            pct_html(dec(row.resmi), lang),
            predikat_html(row.predikat.as_ref()),
            value_html(dec(y.perubahan), &unit, lang),
            pct_html(dec(y.capaian_renstra), lang),
        ];
        let tahun = row.tahun;
        push_row(&mut out, &format!("<a href=\"{root}tahun/{tahun}/\">{tahun}</a>"), &cells);
    }
    Ok(Value::from_safe_string(out))
}

/// Appends a `<tr>` of the row heading `head` and the cells `cells` (markup, escaped).
fn push_row(out: &mut String, head: &str, cells: &[String]) {
    out.push_str("<tr><th scope=\"row\">");
    out.push_str(head);
    out.push_str("</th><td>");
    out.push_str(&cells.join("</td><td>"));
    out.push_str("</td></tr>\n");
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
    let mut out = String::with_capacity(2048);
    for r in views::<Rows<RowView>>("quarter_rows", &rows, "the rows of a year's quarters")?.items() {
        let cells = quarter_cells(state, r, (lang, &unit), cumulative)?;
        push_row(&mut out, &show_period(state, &r.periode)?, &cells);
    }
    Ok(Value::from_safe_string(out))
}

/// The cells of one row after its period: target, realisation, the cumulative realisation when
/// `cumulative`, the reported achievement with its flag, the validated one, the validation with
/// the team's reason, the predicate and the evidence.
fn quarter_cells(
    state: &State,
    r: &RowView,
    (lang, unit): (Lang, &Unit),
    cumulative: bool,
) -> Result<Vec<String>, Error> {
    let mut validation = status_html(state, r.status)?;
    if let Some(alasan) = &r.alasan {
        let reason = Escape(&word(state, "reason")?).to_string();
        validation.push_str(&format!("<br><small>{reason}: {}</small>", txt_view_html(alasan)));
    }
    let mut cells =
        vec![target_html(state, &r.target, unit, lang)?, value_html(dec(r.realisasi), unit, lang)];
    if cumulative {
        cells.push(value_html(dec(r.kumulatif), unit, lang));
    }
    cells.extend([
        format!("{}{}", pct_html(dec(r.capaian), lang), flag_html(state, r.status)?),
        pct_html(dec(r.capaian_tervalidasi), lang),
        validation,
        predikat_html(r.predikat.as_ref()),
        links_html(&r.bukti),
    ]);
    Ok(cells)
}

/// The `<tr>` of each of `cells` (the views of an indicator's quarters in the evidence matrix):
/// the quarter; each required kind marked supplied or missing in words and a symbol, not by
/// colour alone; the kinds supplied beyond them; the validation; the completeness with its
/// count. A quarter with a required kind missing is marked `missing`.
fn evidence_rows(state: &State, cells: Value) -> Result<Value, Error> {
    let lang = lang(state)?;
    let q = Escape(&word(state, "q")?).to_string();
    let supplied = Escape(&word(state, "evidence_supplied")?).to_string();
    let missing = format!("<strong>{}</strong>", Escape(&word(state, "evidence_missing")?));
    let none_required = blank(&word(state, "evidence_nothing_required")?);
    let of = Escape(&word(state, "of")?).to_string();
    let kinds = |items: Vec<String>, empty: &str| {
        if items.is_empty() {
            empty.to_string()
        } else {
            format!("<ul class=\"kinds\">{}</ul>", items.concat())
        }
    };
    let mut out = String::with_capacity(2048);
    for c in views::<Rows<CellView>>("evidence_rows", &cells, "an indicator's evidence cells")?.items() {
        let required = c.wajib.iter().map(|k| {
            let (class, said) = if k.disampaikan { ("ok", &supplied) } else { ("gap", &missing) };
            format!("<li class=\"{class}\">{said}: {}", txt_view_html(&k.jenis))
        });
        let extra = c.tambahan.iter().map(|k| format!("<li>{}", txt_view_html(k)));
        let mut completeness = pct_html(dec(c.kelengkapan), lang);
        if c.jumlah_wajib > 0 {
            completeness
                .push_str(&format!(" <small>({} {of} {})</small>", c.jumlah_disampaikan, c.jumlah_wajib));
        }
        let class = if c.kurang > 0 { " class=\"missing\"" } else { "" };
        out.push_str(&format!(
            "<tr{class}><th scope=\"row\">{q}{}</th><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{completeness}</td></tr>\n",
            c.triwulan,
            kinds(required.collect(), &none_required),
            kinds(extra.collect(), &blank("–")),
            status_html(state, c.status)?,
        ));
    }
    Ok(Value::from_safe_string(out))
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
    let mut out = String::with_capacity(4096);
    for l in views::<Rows<MeasurementLine>>("measurement_rows", &lines, "a year's measurement")?.items() {
        out.push_str(&format!(
            "<tr><td>{}</td><th scope=\"row\">{}</th>",
            txt_view_html(&l.sasaran),
            ind_html(&root, &l.ind)
        ));
        if let Some(row) = &l.row {
            let unit = Unit::of(&l.ind);
            let cells = [
                target_html(state, &row.target, &unit, lang)?,
                format!("{}{}", value_html(dec(row.realisasi), &unit, lang), flag_html(state, row.status)?),
                pct_html(dec(row.resmi), lang),
                status_html(state, row.status)?,
                predikat_html(row.predikat.as_ref()),
            ];
            out.push_str(&format!("<td>{}</td>", cells.join("</td><td>")));
        } else {
            out.push_str("<td colspan=\"5\" class=\"blank\">–</td>");
        }
        out.push_str("</tr>\n");
    }
    Ok(Value::from_safe_string(out))
}

/// The `<tr>` of each of `lines` in a year's quarterly progress: the indicator and its validated
/// achievement in each quarter, or one blank cell when it has no quarters that year.
fn progress_rows(state: &State, lines: Value) -> Result<Value, Error> {
    let (lang, root) = (lang(state)?, lang_root(state, "progress_rows")?);
    let mut out = String::with_capacity(4096);
    for l in views::<Rows<MeasurementLine>>("progress_rows", &lines, "a year's measurement")?.items() {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th>", ind_html(&root, &l.ind)));
        if l.quarters.is_empty() {
            out.push_str("<td colspan=\"4\" class=\"blank\">–</td>");
        }
        for q in &l.quarters {
            out.push_str(&format!("<td>{}</td>", pct_html(dec(q.resmi), lang)));
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
        // evidence link.
        let flag = " <span class=\"flag s-ditolak\"><span aria-hidden=\"true\">✗</span><span class=\"vh\"> (ditolak)</span></span>";
        let expected = format!(
            "<tr><th scope=\"row\">TW2</th><td>5\u{a0}hari</td><td>4\u{a0}hari</td><td>9\u{a0}hari</td>\
             <td>80,00\u{a0}%{flag}</td><td>–</td>\
             <td><span class=\"st s-ditolak\">✗ ditolak</span><br><small>Alasan: data &lt;ganda&gt;</small></td>\
             <td>–</td><td><ul class=\"links\"><li><a href=\"../../bukti/ba.pdf\">BA</a></li></ul></td></tr>\n"
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
