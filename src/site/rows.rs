//! The rows of the tables that hold most of the site's cells (an indicator's quarterly,
//! multi-year and evidence tables; a year's measurement and quarterly progress) and the figures
//! of an indicator's headline, written in Rust: one template call per table rather than a dozen
//! per row. At 5,000 indicators each template call of a cell costs an interpreter frame and the
//! lookup of its arguments. The cells are the same pieces as everywhere else ([`super::html`]).

use minijinja::value::Value;
use minijinja::{Environment, Error, State};

use super::escape::Escape;
use super::filters::{invalid, is_blank};
use super::html::{
    show_badge, show_flag, show_ind, show_links, show_pct, show_period, show_status, show_target, show_value,
    txt_html, word,
};

/// Install the functions that write rows and the headline's figures.
pub fn register(env: &mut Environment<'_>) {
    env.add_function("quarter_rows", quarter_rows);
    env.add_function("evidence_rows", evidence_rows);
    env.add_function("measurement_rows", measurement_rows);
    env.add_function("progress_rows", progress_rows);
    env.add_function("year_rows", year_rows);
    env.add_function("headline_figures", headline_figures);
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
    let row = h.get_attr("row")?;
    let value = |v: Value| -> Result<String, Error> {
        Ok(show_value(state, v, satuan.clone(), satuan_lang.clone())?.to_string())
    };
    let status = row.get_attr("status")?.to_string();
    let mut figures = vec![
        ("achievement", " class=\"big\"", show_pct(state, row.get_attr("resmi")?)?.to_string()),
        ("predicate", "", show_badge(row.get_attr("predikat")?)?.to_string()),
        (
            "target",
            "",
            show_target(state, row.get_attr("target")?, satuan.clone(), satuan_lang.clone())?.to_string(),
        ),
        (
            "realisation",
            "",
            format!("{}{}", value(row.get_attr("realisasi")?)?, show_flag(state, status.clone())?),
        ),
        ("validation", "", show_status(state, status)?.to_string()),
    ];
    let perubahan = h.get_attr("perubahan")?;
    if perubahan.is_true() {
        figures.push(("change", "", value(perubahan)?));
    }
    let mut out = String::with_capacity(1024);
    for (key, attrs, figure) in figures {
        let term = Escape(&word(state, key)?).to_string();
        out.push_str(&format!("<div><dt>{term}</dt><dd{attrs}>{figure}</dd></div>\n"));
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
    let value = |v: Value| -> Result<String, Error> {
        Ok(show_value(state, v, satuan.clone(), satuan_lang.clone())?.to_string())
    };
    let mut out = String::with_capacity(1024);
    for y in years.try_iter()? {
        let row = y.get_attr("row")?;
        let tahun = Escape(&row.get_attr("tahun")?.to_string()).to_string();
        let cells = [
            show_target(state, row.get_attr("target")?, satuan.clone(), satuan_lang.clone())?.to_string(),
            value(row.get_attr("realisasi")?)?,
            show_pct(state, row.get_attr("resmi")?)?.to_string(),
            show_badge(row.get_attr("predikat")?)?.to_string(),
            value(y.get_attr("perubahan")?)?,
            show_pct(state, y.get_attr("capaian_renstra")?)?.to_string(),
        ];
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
    let unit = (satuan, satuan_lang);
    let mut out = String::with_capacity(2048);
    for r in rows.try_iter()? {
        let cells = quarter_cells(state, &r, &unit, cumulative)?;
        let (period, cells) = cells.split_first().ok_or_else(|| invalid("quarter_rows: no cells"))?;
        push_row(&mut out, period, cells);
    }
    Ok(Value::from_safe_string(out))
}

/// The cells of one row: the period, target, realisation, the cumulative realisation when
/// `cumulative`, the reported achievement with its flag, the validated one, the validation with
/// the team's reason, the predicate and the evidence.
fn quarter_cells(
    state: &State,
    r: &Value,
    (satuan, satuan_lang): &(String, Option<String>),
    cumulative: bool,
) -> Result<Vec<String>, Error> {
    let attr = |key: &str| r.get_attr(key);
    let value = |key: &str| -> Result<String, Error> {
        Ok(show_value(state, attr(key)?, satuan.clone(), satuan_lang.clone())?.to_string())
    };
    let status = attr("status")?.to_string();
    let mut validation = show_status(state, status.clone())?.to_string();
    let alasan = attr("alasan")?;
    if !is_blank(&alasan) {
        let reason = Escape(&word(state, "reason")?).to_string();
        validation.push_str(&format!("<br><small>{reason}: {}</small>", txt_html(&alasan)?));
    }
    let mut cells = vec![
        show_period(state, attr("periode")?.to_string())?,
        show_target(state, attr("target")?, satuan.clone(), satuan_lang.clone())?.to_string(),
        value("realisasi")?,
    ];
    if cumulative {
        cells.push(value("kumulatif")?);
    }
    cells.extend([
        format!("{}{}", show_pct(state, attr("capaian")?)?, show_flag(state, status)?),
        show_pct(state, attr("capaian_tervalidasi")?)?.to_string(),
        validation,
        show_badge(attr("predikat")?)?.to_string(),
        show_links(attr("bukti")?)?.to_string(),
    ]);
    Ok(cells)
}

/// The `<tr>` of each of `cells` (the views of an indicator's quarters in the evidence matrix):
/// the quarter; each required kind marked supplied or missing in words and a symbol, not by
/// colour alone; the kinds supplied beyond them; the validation; the completeness with its
/// count. A quarter with a required kind missing is marked `missing`.
fn evidence_rows(state: &State, cells: Value) -> Result<Value, Error> {
    let q = Escape(&word(state, "q")?).to_string();
    let supplied = Escape(&word(state, "evidence_supplied")?).to_string();
    let missing = format!("<strong>{}</strong>", Escape(&word(state, "evidence_missing")?));
    let none_required = blank(&word(state, "evidence_nothing_required")?);
    let of = Escape(&word(state, "of")?).to_string();
    let mut out = String::with_capacity(2048);
    for c in cells.try_iter()? {
        let mut required = Vec::new();
        for k in c.get_attr("wajib")?.try_iter()? {
            let (class, said) =
                if k.get_attr("disampaikan")?.is_true() { ("ok", &supplied) } else { ("gap", &missing) };
            required.push(format!("<li class=\"{class}\">{said}: {}", txt_html(&k.get_attr("jenis")?)?));
        }
        let mut extra = Vec::new();
        for k in c.get_attr("tambahan")?.try_iter()? {
            extra.push(format!("<li>{}", txt_html(&k)?));
        }
        let kinds = |items: Vec<String>, empty: &str| {
            if items.is_empty() {
                empty.to_string()
            } else {
                format!("<ul class=\"kinds\">{}</ul>", items.concat())
            }
        };
        let mut completeness = show_pct(state, c.get_attr("kelengkapan")?)?.to_string();
        let wajib = c.get_attr("jumlah_wajib")?;
        if wajib.is_true() {
            completeness
                .push_str(&format!(" <small>({} {of} {wajib})</small>", c.get_attr("jumlah_disampaikan")?));
        }
        let class = if c.get_attr("kurang")?.is_true() { " class=\"missing\"" } else { "" };
        out.push_str(&format!(
            "<tr{class}><th scope=\"row\">{q}{}</th><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{completeness}</td></tr>\n",
            c.get_attr("triwulan")?,
            kinds(required, &none_required),
            kinds(extra, &blank("–")),
            show_status(state, c.get_attr("status")?.to_string())?,
        ));
    }
    Ok(Value::from_safe_string(out))
}

/// A cell of no content: a dash, or the words that say why it is empty.
fn blank(text: &str) -> String {
    format!("<span class=\"blank\">{}</span>", Escape(text))
}

/// The `<tr>` of each of `lines` (a year's measurement of indicators, each with the sasaran or
/// programme it serves): that text, the indicator, and its year's target, realisation with its
/// flag, achievement, validation and predicate, or one blank cell when it has no row that year.
fn measurement_rows(state: &State, lines: Value) -> Result<Value, Error> {
    let mut out = String::with_capacity(4096);
    for l in lines.try_iter()? {
        let ind = l.get_attr("ind")?;
        out.push_str(&format!(
            "<tr><td>{}</td><th scope=\"row\">{}</th>",
            txt_html(&l.get_attr("sasaran")?)?,
            show_ind(state, ind.clone())?
        ));
        let row = l.get_attr("row")?;
        if row.is_true() {
            let satuan = ind.get_attr("satuan")?.to_string();
            let satuan_lang = ind.get_attr("satuan_lang")?.as_str().map(str::to_string);
            let status = row.get_attr("status")?.to_string();
            let cells = [
                show_target(state, row.get_attr("target")?, satuan.clone(), satuan_lang.clone())?.to_string(),
                format!(
                    "{}{}",
                    show_value(state, row.get_attr("realisasi")?, satuan, satuan_lang)?,
                    show_flag(state, status.clone())?
                ),
                show_pct(state, row.get_attr("resmi")?)?.to_string(),
                show_status(state, status)?.to_string(),
                show_badge(row.get_attr("predikat")?)?.to_string(),
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
    let mut out = String::with_capacity(4096);
    for l in lines.try_iter()? {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th>", show_ind(state, l.get_attr("ind")?)?));
        let quarters = l.get_attr("quarters")?;
        if quarters.is_true() {
            for q in quarters.try_iter()? {
                out.push_str(&format!("<td>{}</td>", show_pct(state, q.get_attr("resmi")?)?));
            }
        } else {
            out.push_str("<td colspan=\"4\" class=\"blank\">–</td>");
        }
        out.push_str("</tr>\n");
    }
    Ok(Value::from_safe_string(out))
}
