//! The small pieces of markup every table cell uses (a figure, a percentage, a target, a
//! predicate badge, a date, a text that may be in another language), as template functions
//! written in Rust.
//!
//! They were template macros; a macro call builds a whole interpreter frame, and with tens of
//! cells per page they were a fifth of the build time of a large site. Every piece of text
//! that comes from content is HTML-escaped here exactly as the templates escape it.

use std::fmt::Write as _;

use minijinja::value::Value;
use minijinja::{Environment, Error, State};

use super::escape::Escape;
use super::filters::{decimal_of, invalid, is_blank, lang_of};
use rust_decimal::Decimal;

use crate::content::model::Satuan;
use crate::diagnostics::Lang;
use crate::present::Angka;
use crate::present::format::{self, KOSONG};
use crate::present::view::{IndicatorRef, Link, PredikatView, TargetView, Txt};

mod words;

pub(super) use words::{
    Words, is_flagged, projection_status_html, push_flag, push_period, push_status, show_flag, show_period,
    show_status, word,
};

/// A blank cell: the dash alone, in the text's colour (a class around it would cost more bytes
/// than the dash on a table of thousands of cells).
const BLANK: &str = KOSONG;

/// Install `show_txt`, `show_value`, `show_target`, `show_pct`, `show_badge`, `show_date` and
/// `show_status`.
pub fn register(env: &mut Environment<'_>) {
    env.add_function("show_txt", show_txt);
    env.add_function("show_value", show_value);
    env.add_function("show_target", show_target);
    env.add_function("show_pct", show_pct);
    env.add_function("show_badge", show_badge);
    env.add_function("show_date", show_date);
    env.add_function("show_status", show_status);
    env.add_function("show_ind", show_ind);
    env.add_function("show_flag", show_flag);
    env.add_function("show_period", |state: &State, p: String| show_period(state, &p).map(safe));
    env.add_function("show_links", show_links);
    env.add_function("show_projection_status", |state: &State, s: Option<String>| {
        projection_status_html(state, s.as_deref()).map(safe)
    });
}

fn safe(html: String) -> Value {
    Value::from_safe_string(html)
}

/// The page's language.
pub(super) fn lang(state: &State) -> Result<Lang, Error> {
    lang_of("show", state, None)
}

/// A text view `{text, lang}`: marked with its language when it fell back to another one.
pub fn txt_html(x: &Value) -> Result<String, Error> {
    let text = x.get_attr("text")?;
    let text = text.as_str().ok_or_else(|| invalid(format!("show_txt: {x:?} is not a text")))?;
    let lang = x.get_attr("lang")?;
    Ok(text_html(text, lang.as_str()))
}

/// Appends a text view to `out`: the one way [`txt_html`] writes it.
pub(super) fn push_txt(out: &mut String, x: &Txt) {
    push_text(out, &x.text, x.lang);
}

/// `text`, escaped, in a `<span lang>` when `lang` names another language than the page's.
fn text_html(text: &str, lang: Option<&str>) -> String {
    let mut out = String::new();
    push_text(&mut out, text, lang);
    out
}

/// Appends [`text_html`] of `text` to `out`.
fn push_text(out: &mut String, text: &str, lang: Option<&str>) {
    let _ = match lang.filter(|l| !l.is_empty()) {
        Some(l) => write!(out, "<span lang=\"{}\">{}</span>", Escape(l), Escape(text)),
        None => write!(out, "{}", Escape(text)),
    };
}

fn show_txt(x: Value) -> Result<Value, Error> {
    txt_html(&x).map(safe)
}

/// A figure with its unit; rupiah in the short form with the exact amount as its title. A unit
/// in another language than the page's (`satuan_lang`, from [`IndicatorRef`]) is marked so.
///
/// [`IndicatorRef`]: crate::present::view::IndicatorRef
pub(super) fn show_value(
    state: &State,
    v: Value,
    satuan: String,
    satuan_lang: Option<String>,
) -> Result<Value, Error> {
    let lang = lang(state)?;
    let number = decimal_of("show_value", &v)?;
    Ok(safe(value_html(number, &Unit::new(&satuan, satuan_lang.as_deref()), lang)))
}

/// The unit of an indicator's figures: its code or words (`satuan`) and, when its words are in
/// another language than the page's, that language (`satuan_lang`).
#[derive(Clone, Copy)]
pub(super) struct Unit<'a> {
    satuan: &'a str,
    lang: Option<&'a str>,
}

impl<'a> Unit<'a> {
    /// The unit `satuan`, in `lang` when that is another language than the page's.
    pub(super) fn new(satuan: &'a str, lang: Option<&'a str>) -> Unit<'a> {
        Unit { satuan, lang }
    }

    /// The unit of the figures of the indicator `r`.
    pub(super) fn of(r: &'a IndicatorRef) -> Unit<'a> {
        Unit { satuan: &r.satuan, lang: r.satuan_lang }
    }
}

/// A figure with its unit, or a blank: the one way [`show_value`] writes it.
pub(super) fn value_html(number: Option<Decimal>, unit: &Unit, lang: Lang) -> String {
    let mut out = String::new();
    push_value(&mut out, number, unit, lang);
    out
}

/// Appends [`value_html`] of `number` to `out`.
pub(super) fn push_value(out: &mut String, number: Option<Decimal>, unit: &Unit, lang: Lang) {
    let Some(number) = number else { return out.push_str(BLANK) };
    if Satuan::of(unit.satuan) == Satuan::Rupiah {
        let _ = write!(out, "<span title=\"{}\">", Escape(&format::rupiah_penuh(number, lang)));
        push_number(out, number, unit, lang);
        out.push_str("</span>");
    } else {
        push_number(out, number, unit, lang);
    }
}

/// Appends a figure with its unit, escaped; the unit words wrapped in `<span lang>` when the
/// unit says they are in another language than the page's.
fn push_number(out: &mut String, number: Decimal, unit: &Unit, lang: Lang) {
    let Unit { satuan, lang: unit_lang } = *unit;
    match Satuan::of(satuan) {
        // The figure's digits and marks need no escaping.
        Satuan::Persen => {
            format::push_angka(out, number, lang);
            format::push_percent_sign(out, lang);
        }
        Satuan::Indeks => format::push_angka(out, number, lang),
        Satuan::Lain if satuan == satuan.trim() => {
            format::push_angka(out, number, lang);
            out.push('\u{a0}');
            let _ = match unit_lang.filter(|l| !l.is_empty()) {
                Some(code) => write!(out, "<span lang=\"{}\">{}</span>", Escape(code), Escape(satuan)),
                None => write!(out, "{}", Escape(satuan)),
            };
        }
        // Rupiah, and a unit written with spaces around it (shown trimmed, and then never
        // marked: its words no longer end the figure as written).
        _ => {
            let shown = Escape(&format::nilai(number, satuan, lang)).to_string();
            let unit = Escape(satuan).to_string();
            match unit_lang.filter(|l| !l.is_empty()).zip(shown.strip_suffix(&unit)) {
                Some((code, figure)) if Satuan::of(satuan) == Satuan::Lain => {
                    let _ = write!(out, "{figure}<span lang=\"{}\">{unit}</span>", Escape(code));
                }
                _ => out.push_str(&shown),
            }
        }
    }
}

/// A target `{value, min, maks}`: one figure, a range, or a blank; when a PK revision put it
/// in force (`awal`, `dasar`), the original target and the revision's basis follow it.
pub(super) fn show_target(
    state: &State,
    tv: Value,
    satuan: String,
    satuan_lang: Option<String>,
) -> Result<Value, Error> {
    let lang = lang(state)?;
    let unit = Unit::new(&satuan, satuan_lang.as_deref());
    target_html(state, &target_of(&tv)?, &unit, lang).map(safe)
}

/// The target view a template passed, `{value, min, maks}` with `awal` and `dasar` when a PK
/// revision put it in force.
pub(super) fn target_of(tv: &Value) -> Result<TargetView, Error> {
    let figure = |key: &str| -> Result<Option<Angka>, Error> {
        Ok(decimal_of("show_target", &tv.get_attr(key)?)?.map(Angka))
    };
    let mut view = TargetView {
        value: figure("value")?,
        min: figure("min")?,
        maks: figure("maks")?,
        ..TargetView::default()
    };
    let awal = tv.get_attr("awal").unwrap_or(Value::UNDEFINED);
    if !is_blank(&awal) {
        view.awal = Some(Box::new(target_of(&awal)?));
        view.dasar = Some(tv.get_attr("dasar")?.as_str().unwrap_or_default().to_string());
    }
    Ok(view)
}

/// A target: one figure, a range, or a blank; when a PK revision put it in force, the original
/// target and the revision's basis follow it. The one way [`show_target`] writes it.
pub(super) fn target_html(state: &State, tv: &TargetView, unit: &Unit, lang: Lang) -> Result<String, Error> {
    let mut out = String::new();
    push_target(&mut out, state, tv, unit, lang)?;
    Ok(out)
}

/// Appends [`target_html`] of `tv` to `out`.
pub(super) fn push_target(
    out: &mut String,
    state: &State,
    tv: &TargetView,
    unit: &Unit,
    lang: Lang,
) -> Result<(), Error> {
    push_target_figure(out, tv, unit, lang);
    let Some(awal) = &tv.awal else { return Ok(()) };
    // The basis is a regulation's number and title, written in Indonesian.
    let (open, close) = if lang == Lang::Id { ("", "") } else { ("<span lang=\"id\">", "</span>") };
    let _ = write!(out, " <small class=\"target-awal\">({} ", Escape(&word(state, "target_original")?));
    push_target_figure(out, awal, unit, lang);
    let _ = write!(
        out,
        "; {}: {open}{}{close})</small>",
        Escape(&word(state, "revision_basis")?),
        Escape(tv.dasar.as_deref().unwrap_or_default()),
    );
    Ok(())
}

/// Appends the figure or range of a target view, or a blank.
fn push_target_figure(out: &mut String, tv: &TargetView, unit: &Unit, lang: Lang) {
    let to = if lang == Lang::Id { " s.d. " } else { " to " };
    match (tv.value, tv.min, tv.maks) {
        (Some(v), _, _) => push_number(out, v.0, unit, lang),
        (None, Some(min), Some(maks)) => {
            push_number(out, min.0, unit, lang);
            out.push_str(to);
            push_number(out, maks.0, unit, lang);
        }
        _ => out.push_str(BLANK),
    }
}

/// A percentage, rounded to two decimals, or a blank.
pub(super) fn show_pct(state: &State, v: Value) -> Result<Value, Error> {
    let lang = lang(state)?;
    Ok(safe(pct_html(decimal_of("show_pct", &v)?, lang)))
}

/// A percentage or a blank: the one way [`show_pct`] writes it.
pub(super) fn pct_html(v: Option<Decimal>, lang: Lang) -> String {
    let mut out = String::new();
    push_pct(&mut out, v, lang);
    out
}

/// Appends [`pct_html`] of `v` to `out` (its digits and marks need no escaping).
pub(super) fn push_pct(out: &mut String, v: Option<Decimal>, lang: Lang) {
    match v {
        Some(n) => format::push_persen(out, n, lang),
        None => out.push_str(BLANK),
    }
}

/// A predicate `{band, nama}` as a coloured badge that also says its band in words.
pub(super) fn show_badge(p: Value) -> Result<Value, Error> {
    if is_blank(&p) {
        return Ok(safe(BLANK.to_string()));
    }
    let band = p.get_attr("band")?;
    let nama = txt_html(&p.get_attr("nama")?)?;
    let mut out = String::new();
    push_badge(&mut out, Escape(&band.to_string()), |out| out.push_str(&nama));
    Ok(safe(out))
}

/// Appends a predicate view as a badge, or a blank: the one way [`show_badge`] writes it.
pub(super) fn push_predikat(out: &mut String, p: Option<&PredikatView>) {
    match p {
        Some(p) => push_badge(out, p.band, |out| push_txt(out, &p.nama)),
        None => out.push_str(BLANK),
    }
}

/// Appends the badge of the band `band` named by what `name` appends (markup).
fn push_badge(out: &mut String, band: impl std::fmt::Display, name: impl FnOnce(&mut String)) {
    let _ = write!(out, "<span class=\"badge b{band}\">");
    name(out);
    out.push_str("</span>");
}

/// A `YYYY-MM-DD` date in words, machine-readable in `datetime`.
fn show_date(state: &State, d: Value) -> Result<Value, Error> {
    let lang = lang(state)?;
    if is_blank(&d) {
        return Ok(safe(BLANK.to_string()));
    }
    let mut out = String::new();
    push_date(&mut out, d.as_str().unwrap_or_default(), lang)?;
    Ok(safe(out))
}

/// Appends the `YYYY-MM-DD` date `text` as [`show_date`] writes it.
pub(super) fn push_date(out: &mut String, text: &str, lang: Lang) -> Result<(), Error> {
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| invalid(format!("show_date: {text:?} is not a date written as YYYY-MM-DD")))?;
    let _ =
        write!(out, "<time datetime=\"{}\">{}</time>", Escape(text), Escape(&format::tanggal(date, lang)));
    Ok(())
}

/// An indicator `{id, slug, nama}`: its id linking to its page, then its name.
pub(super) fn show_ind(state: &State, ind: Value) -> Result<Value, Error> {
    let root = state.lookup("lang_root").ok_or_else(|| invalid("show_ind: no `lang_root` in the context"))?;
    let (id, slug) = (ind.get_attr("id")?, ind.get_attr("slug")?);
    let (id, slug) = (id.as_str().unwrap_or_default(), slug.as_str().unwrap_or_default());
    Ok(safe(ind_link_html(root.as_str().unwrap_or_default(), slug, id, &txt_html(&ind.get_attr("nama")?)?)))
}

/// Appends an indicator view linked to its page from the language root `root`: the one way
/// [`show_ind`] writes it.
pub(super) fn push_ind(out: &mut String, root: &str, ind: &IndicatorRef) {
    push_ind_link(out, root, &ind.slug, &ind.id);
    push_txt(out, &ind.nama);
}

/// The id `id` linking to the page `slug`, then the name `nama` (markup).
fn ind_link_html(root: &str, slug: &str, id: &str, nama: &str) -> String {
    let mut out = String::new();
    push_ind_link(&mut out, root, slug, id);
    out.push_str(nama);
    out
}

/// Appends the id `id` linking to the page `slug` and the space before the indicator's name.
fn push_ind_link(out: &mut String, root: &str, slug: &str, id: &str) {
    let _ = write!(
        out,
        "<a class=\"ind-id\" href=\"{}indikator/{}/\">{}</a> ",
        Escape(root),
        Escape(slug),
        Escape(id),
    );
}

/// A list of links `{label, url, external}`, or a blank.
pub(super) fn show_links(items: Value) -> Result<Value, Error> {
    let mut out = String::new();
    for l in items.try_iter()? {
        let url = l.get_attr("url")?;
        let label = txt_html(&l.get_attr("label")?)?;
        push_link(&mut out, url.as_str().unwrap_or_default(), l.get_attr("external")?.is_true(), |out| {
            out.push_str(&label)
        });
    }
    Ok(safe(links_list(out)))
}

/// Appends a list of link views, or a blank, to `out`: the one way [`show_links`] writes it.
pub(super) fn push_links(out: &mut String, items: &[Link]) {
    if items.is_empty() {
        return out.push_str(BLANK);
    }
    out.push_str("<ul class=\"links\">");
    for l in items {
        push_link(out, &l.url, l.external, |out| push_txt(out, &l.label));
    }
    out.push_str("</ul>");
}

/// Appends the item of a link to `url` labelled by what `label` appends (markup); one to
/// another site opens without handing it this page. The item's end tag is left out, as the
/// pages' tidying would: the next item or the list's end closes it.
fn push_link(out: &mut String, url: &str, external: bool, label: impl FnOnce(&mut String)) {
    let rel = if external { " rel=\"noopener noreferrer\"" } else { "" };
    let _ = write!(out, "<li><a href=\"{}\"{rel}>", Escape(url));
    label(out);
    out.push_str("</a>");
}

/// The list of the link items `items`, or a blank when there are none.
fn links_list(items: String) -> String {
    if items.is_empty() { BLANK.to_string() } else { format!("<ul class=\"links\">{items}</ul>") }
}

#[cfg(test)]
mod tests {
    use minijinja::context;

    use super::*;

    fn render(template: &str, ctx: Value) -> String {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        crate::site::filters::register(&mut env);
        register(&mut env);
        env.render_str(template, ctx).unwrap()
    }

    #[test]
    fn figures_escape_content_and_keep_the_exact_rupiah_in_the_title() {
        let out = render("{{ show_value(v, 'rupiah') }}", context! { lang => "id", v => "1074000000" });
        assert_eq!(out, "<span title=\"Rp\u{a0}1.074.000.000\">Rp\u{a0}1,07\u{a0}miliar</span>");
        let out = render("{{ show_value(v, s) }}", context! { lang => "id", v => "5", s => "<b>hari</b>" });
        assert_eq!(out, "5\u{a0}&lt;b&gt;hari&lt;/b&gt;");
        // A unit without English words, on an English page, is marked as Indonesian.
        let out = render("{{ show_value(v, 'izin', 'id') }}", context! { lang => "en", v => "1150" });
        assert_eq!(out, "1,150\u{a0}<span lang=\"id\">izin</span>");
        let out = render("{{ show_value(none, 'indeks') }}", context! { lang => "en" });
        assert_eq!(out, "–");
    }

    #[test]
    fn texts_in_another_language_are_marked() {
        let x = context! { text => "Tujuan <contoh>", lang => "id" };
        assert_eq!(
            render("{{ show_txt(x) }}", context! { x }),
            "<span lang=\"id\">Tujuan &lt;contoh&gt;</span>"
        );
        let x = context! { text => "Goal", lang => () };
        assert_eq!(render("{{ show_txt(x) }}", context! { x }), "Goal");
    }

    #[test]
    fn targets_percentages_badges_dates_and_statuses() {
        let tv = context! { value => (), min => "7", maks => "8" };
        assert_eq!(
            render("{{ show_target(tv, 'hari') }}", context! { lang => "id", tv }),
            "7\u{a0}hari s.d. 8\u{a0}hari"
        );
        assert_eq!(render("{{ show_pct('98.125') }}", context! { lang => "id" }), "98,13\u{a0}%");
        let p = context! { band => 0, nama => context! { text => "sangat tinggi", lang => () } };
        assert_eq!(
            render("{{ show_badge(p) }}", context! { p }),
            "<span class=\"badge b0\">sangat tinggi</span>"
        );
        assert_eq!(
            render("{{ show_date('2024-02-29') }}", context! { lang => "en" }),
            "<time datetime=\"2024-02-29\">29 February 2024</time>"
        );
        let t = context! { sah => "valid" };
        assert_eq!(
            render("{{ show_status('sah') }}", context! { t }),
            "<span class=\"st s-sah\">✓ valid</span>"
        );
        let t = context! { ditolak => "rejected", sah => "valid" };
        assert_eq!(
            render("{{ show_flag('ditolak') }}|{{ show_flag('sah') }}", context! { t }),
            " <span class=\"flag s-ditolak\"><span aria-hidden=\"true\">✗</span><span class=\"vh\"> (rejected)</span></span>|"
        );
    }
}
