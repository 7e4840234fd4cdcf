//! Numbers and dates as people read them, in one place for every template (issue 5, item 2).
//!
//! Indonesian pages write `1.250.000`, `99,98 %` and `Rp 12,50 triliun`; English pages write
//! `1,250,000`, `99.98%` and `IDR 12.50 trillion`. This module owns those conventions: the
//! grouping and decimal marks, the rounding of displayed percentages (SPEC §3: two decimals,
//! half away from zero), the magnitude words of rupiah amounts and the month names. Templates
//! reach it only through the minijinja filters that [`register`] installs, so no template
//! formats a number by itself.
//!
//! Everything is exact `Decimal` arithmetic on the value's own digits; no `f64` is involved,
//! so `0.1` is never shown as `0.1000000001`.

use chrono::{Datelike, NaiveDate};
use minijinja::value::{Kwargs, Rest, Value, ValueKind};
use minijinja::{Environment, Error, ErrorKind, State};
use rust_decimal::Decimal;

use crate::compute::rules::round2;
use crate::diagnostics::Lang;

/// Joins a figure to its sign or unit so that a line break never separates them.
const NBSP: char = '\u{a0}';

/// What a filter shows for a blank cell (a figure not measured, a date not yet known).
pub const KOSONG: &str = "–";

/// The magnitude words of the short rupiah form, largest first: power of ten, Indonesian,
/// English.
const MAGNITUDES: [(u32, &str, &str); 3] =
    [(12, "triliun", "trillion"), (9, "miliar", "billion"), (6, "juta", "million")];

const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A figure with thousands grouped and the language's decimal mark, keeping exactly the
/// decimals the value has (`82.50` stays `82,50`; nothing is rounded here).
pub fn angka(value: Decimal, lang: Lang) -> String {
    let (group_mark, decimal_mark) = match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    };
    // Display of a Decimal is plain digits with a '.' (never an exponent), so the grouping can
    // work on the text without any arithmetic.
    let digits = value.abs().to_string();
    let (integer, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if is_negative(value) {
        out.push('-');
    }
    push_grouped(&mut out, integer, group_mark);
    if !fraction.is_empty() {
        out.push(decimal_mark);
        out.push_str(fraction);
    }
    out
}

/// A percentage as published: rounded to two decimals half away from zero, always two
/// decimals, with the language's percent sign (`99,98 %`, `99.98%`).
pub fn persen(value: Decimal, lang: Lang) -> String {
    with_percent_sign(angka(round2(value), lang), lang)
}

/// A rupiah amount in the short form a reader takes in at a glance (`Rp 12,50 triliun`), or
/// the full figure below one million. Pair it with [`rupiah_penuh`] where the exact amount
/// matters (a tooltip or a table).
pub fn rupiah(value: Decimal, lang: Lang) -> String {
    match short_form(value.abs()) {
        Some((scaled, index)) => {
            let (_, id_word, en_word) = MAGNITUDES[index];
            let word = match lang {
                Lang::Id => id_word,
                Lang::En => en_word,
            };
            currency(value, &format!("{}{NBSP}{word}", angka(scaled, lang)), lang)
        }
        None => rupiah_penuh(value, lang),
    }
}

/// The exact rupiah amount, every digit grouped (`Rp 12.500.000.000.000`, `Rp 1.250.000,50`).
pub fn rupiah_penuh(value: Decimal, lang: Lang) -> String {
    currency(value, &angka(value.abs(), lang), lang)
}

/// A figure with its unit (`satuan` of the indicator), as table cells show it.
///
/// A realisation in `persen` keeps its own digits: it is a measured figure, not a computed
/// percentage, so it is not re-rounded as [`persen`] would.
pub fn nilai(value: Decimal, satuan: &str, lang: Lang) -> String {
    let unit = satuan.trim();
    match unit.to_lowercase().as_str() {
        "rupiah" => rupiah(value, lang),
        "persen" | "%" => with_percent_sign(angka(value, lang), lang),
        "indeks" | "" => angka(value, lang),
        // Free-text units are Indonesian words ("hari", "dokumen"); they are content, shown as
        // written on both languages' pages.
        _ => format!("{}{NBSP}{unit}", angka(value, lang)),
    }
}

/// A date as written in running text: `24 Januari 2024`, `24 January 2024`.
pub fn tanggal(date: NaiveDate, lang: Lang) -> String {
    let months = match lang {
        Lang::Id => &BULAN,
        Lang::En => &MONTHS,
    };
    format!("{} {} {}", date.day(), months[date.month0() as usize], date.year())
}

/// Installs the filters `angka`, `persen`, `rupiah`, `rupiah_penuh`, `nilai` and `tanggal`.
///
/// Templates receive decimals as strings (`"82.50"`) and dates as `"YYYY-MM-DD"`; the
/// language is an argument, positional or keyword (`{{ x | persen(lang) }}`,
/// `{{ x | nilai(satuan, lang=lang) }}`), and falls back to the template's own `lang`
/// variable when omitted. A blank value renders as [`KOSONG`]; a malformed value or language
/// is a template error (`InvalidOperation`), never a panic or a silently wrong figure.
pub fn register(env: &mut Environment<'_>) {
    env.add_filter("angka", number_filter("angka", angka));
    env.add_filter("persen", number_filter("persen", persen));
    env.add_filter("rupiah", number_filter("rupiah", rupiah));
    env.add_filter("rupiah_penuh", number_filter("rupiah_penuh", rupiah_penuh));
    env.add_filter("nilai", nilai_filter);
    env.add_filter("tanggal", tanggal_filter);
}

/// `-` for a value below zero; a zero never carries a sign, even when stored as `-0.00`.
fn is_negative(value: Decimal) -> bool {
    value.is_sign_negative() && !value.is_zero()
}

/// Appends `digits` with `mark` between groups of three counted from the right.
fn push_grouped(out: &mut String, digits: &str, mark: char) {
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(mark);
        }
        out.push(digit);
    }
}

fn with_percent_sign(figure: String, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{figure}{NBSP}%"),
        Lang::En => format!("{figure}%"),
    }
}

/// `Rp`/`IDR` before an unsigned amount, with the sign of `value` in front of it.
fn currency(value: Decimal, amount: &str, lang: Lang) -> String {
    let sign = if is_negative(value) { "-" } else { "" };
    let symbol = match lang {
        Lang::Id => "Rp",
        Lang::En => "IDR",
    };
    format!("{sign}{symbol}{NBSP}{amount}")
}

/// The amount in its largest magnitude (index into [`MAGNITUDES`]), rounded to two decimals,
/// or `None` below one million.
///
/// The magnitude is chosen on the exact amount, so `995.000.000` stays `995,00 juta` rather
/// than `1,00 miliar`; only when rounding carries the figure to 1000 of its unit
/// (`999.999.999` → `1.000,00 juta`) is it written with the next word (`1,00 miliar`).
fn short_form(amount: Decimal) -> Option<(Decimal, usize)> {
    let index = MAGNITUDES.iter().position(|&(power, ..)| amount >= pow10(power))?;
    let scaled = round2(amount / pow10(MAGNITUDES[index].0));
    if index > 0 && scaled >= Decimal::ONE_THOUSAND {
        let larger = index - 1;
        return Some((round2(amount / pow10(MAGNITUDES[larger].0)), larger));
    }
    Some((scaled, index))
}

fn pow10(power: u32) -> Decimal {
    Decimal::from(10_i64.pow(power))
}

/// A filter `value | name(lang)` over a function of a decimal and a language.
fn number_filter(
    name: &'static str,
    format: fn(Decimal, Lang) -> String,
) -> impl Fn(&State<'_, '_>, Value, Rest<Value>, Kwargs) -> Result<String, Error> + Send + Sync + 'static {
    move |state: &State<'_, '_>, value: Value, args: Rest<Value>, kwargs: Kwargs| {
        let [lang] = arguments(name, &args, &kwargs, ["lang"])?;
        let lang = lang_of(name, state, lang)?;
        Ok(match decimal_of(name, &value)? {
            Some(number) => format(number, lang),
            None => KOSONG.to_owned(),
        })
    }
}

/// `value | nilai(satuan, lang)`.
fn nilai_filter(
    state: &State<'_, '_>,
    value: Value,
    args: Rest<Value>,
    kwargs: Kwargs,
) -> Result<String, Error> {
    let [satuan, lang] = arguments("nilai", &args, &kwargs, ["satuan", "lang"])?;
    let lang = lang_of("nilai", state, lang)?;
    let satuan = match satuan {
        Some(satuan) if satuan.kind() == ValueKind::String => satuan,
        Some(other) => return Err(invalid(format!("nilai: the unit must be a string, not {other:?}"))),
        None => return Err(invalid("nilai: missing the unit, e.g. `{{ x | nilai(satuan, lang) }}`")),
    };
    Ok(match decimal_of("nilai", &value)? {
        Some(number) => nilai(number, satuan.as_str().unwrap_or_default(), lang),
        None => KOSONG.to_owned(),
    })
}

/// `value | tanggal(lang)` on a `"YYYY-MM-DD"` string.
fn tanggal_filter(
    state: &State<'_, '_>,
    value: Value,
    args: Rest<Value>,
    kwargs: Kwargs,
) -> Result<String, Error> {
    let [lang] = arguments("tanggal", &args, &kwargs, ["lang"])?;
    let lang = lang_of("tanggal", state, lang)?;
    if is_blank(&value) {
        return Ok(KOSONG.to_owned());
    }
    let date = value
        .as_str()
        .and_then(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .ok_or_else(|| invalid(format!("tanggal: {value:?} is not a date written as YYYY-MM-DD")))?;
    Ok(tanggal(date, lang))
}

/// The filter's arguments after the value, by position or by keyword, in the order of
/// `names`; an argument given both ways, an unknown keyword or one too many is an error so that
/// a typo in a template does not silently format in the wrong language.
fn arguments<const N: usize>(
    filter: &str,
    positional: &[Value],
    kwargs: &Kwargs,
    names: [&str; N],
) -> Result<[Option<Value>; N], Error> {
    if positional.len() > N {
        let message = format!("{filter}: too many arguments; it takes {}", names.join(", "));
        return Err(Error::new(ErrorKind::TooManyArguments, message));
    }
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    for (i, name) in names.iter().enumerate() {
        let keyword: Option<Value> = kwargs.get(name)?;
        if positional.get(i).is_some() && keyword.is_some() {
            let message = format!("{filter}: `{name}` is given twice");
            return Err(Error::new(ErrorKind::TooManyArguments, message));
        }
        out[i] = positional.get(i).cloned().or(keyword);
    }
    kwargs.assert_all_used()?;
    Ok(out)
}

/// The page language: the argument, else the template's `lang` variable.
pub(super) fn lang_of(filter: &str, state: &State<'_, '_>, arg: Option<Value>) -> Result<Lang, Error> {
    let value = arg.or_else(|| state.lookup("lang")).filter(|value| !is_blank(value));
    match value.as_ref().map(|value| (value, value.as_str())) {
        Some((_, Some("id"))) => Ok(Lang::Id),
        Some((_, Some("en"))) => Ok(Lang::En),
        Some((value, _)) => {
            Err(invalid(format!("{filter}: unknown language {value:?}; expected \"id\" or \"en\"")))
        }
        None => {
            Err(invalid(format!("{filter}: no language; write `{filter}(lang)` with lang \"id\" or \"en\"")))
        }
    }
}

/// The decimal a template passed, or `None` for a blank cell.
///
/// Strings are what the ledger serialises decimals as; integers are accepted because a
/// template may pass a literal or a count. A float is refused: it may already have lost the
/// exact figure (`0.1`), and showing it would hide that.
pub(super) fn decimal_of(filter: &str, value: &Value) -> Result<Option<Decimal>, Error> {
    if is_blank(value) {
        return Ok(None);
    }
    let text = match value.kind() {
        ValueKind::String => value.as_str().unwrap_or_default().to_owned(),
        ValueKind::Number if value.is_integer() => value.to_string(),
        _ => {
            return Err(invalid(format!(
                "{filter}: {value:?} is not a decimal; pass decimals as strings such as \"82.50\""
            )));
        }
    };
    Decimal::from_str_exact(&text).map(Some).map_err(|_| {
        invalid(format!("{filter}: {text:?} is not a decimal number written like \"82.50\" or \"-2.5\""))
    })
}

/// Undefined, none or an empty string: nothing to show.
pub(super) fn is_blank(value: &Value) -> bool {
    value.is_undefined() || value.is_none() || value.as_str().is_some_and(|text| text.trim().is_empty())
}

pub(super) fn invalid(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidOperation, message.into())
}

#[cfg(test)]
mod tests {
    use minijinja::context;

    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    /// Writes U+00A0 as `~` so that expectations show where the no-break spaces are.
    fn shown(text: String) -> String {
        text.replace(NBSP, "~")
    }

    fn render(template: &str, value: Value) -> Result<String, Error> {
        let mut env = Environment::new();
        register(&mut env);
        env.render_str(template, context! { v => value, lang => "en" })
    }

    #[test]
    fn angka_groups_thousands_and_keeps_the_decimals() {
        assert_eq!(angka(d("1250000"), Lang::Id), "1.250.000");
        assert_eq!(angka(d("1250000"), Lang::En), "1,250,000");
        assert_eq!(angka(d("82.50"), Lang::Id), "82,50");
        assert_eq!(angka(d("82.50"), Lang::En), "82.50");
        assert_eq!(angka(d("-2.5"), Lang::Id), "-2,5");
        assert_eq!(angka(d("-2.5"), Lang::En), "-2.5");
        assert_eq!(angka(d("-1234567.891"), Lang::Id), "-1.234.567,891");
        assert_eq!(angka(d("999"), Lang::Id), "999");
        assert_eq!(angka(d("1000"), Lang::Id), "1.000");
        assert_eq!(angka(d("0.1"), Lang::Id), "0,1");
        assert_eq!(angka(d("75123456789012.34"), Lang::Id), "75.123.456.789.012,34");
    }

    #[test]
    fn a_zero_has_no_sign() {
        assert_eq!(angka(d("-0.00"), Lang::Id), "0,00");
        assert_eq!(persen(d("-0.001"), Lang::Id), "0,00\u{a0}%");
        assert_eq!(rupiah(d("-0"), Lang::Id), "Rp\u{a0}0");
    }

    #[test]
    fn persen_rounds_half_away_from_zero_to_two_decimals() {
        assert_eq!(persen(d("99.975"), Lang::Id), "99,98\u{a0}%");
        assert_eq!(persen(d("99.975"), Lang::En), "99.98%");
        assert_eq!(persen(d("98.125"), Lang::Id), "98,13\u{a0}%");
        assert_eq!(persen(d("1130"), Lang::Id), "1.130,00\u{a0}%");
        assert_eq!(persen(d("1130"), Lang::En), "1,130.00%");
        assert_eq!(persen(d("-2.005"), Lang::Id), "-2,01\u{a0}%");
        assert_eq!(persen(d("87.5"), Lang::En), "87.50%");
    }

    #[test]
    fn rupiah_uses_the_largest_magnitude_word() {
        assert_eq!(shown(rupiah(d("12500000000000"), Lang::Id)), "Rp~12,50~triliun");
        assert_eq!(shown(rupiah(d("12500000000000"), Lang::En)), "IDR~12.50~trillion");
        assert_eq!(shown(rupiah(d("1070000000"), Lang::Id)), "Rp~1,07~miliar");
        assert_eq!(shown(rupiah(d("1070000000"), Lang::En)), "IDR~1.07~billion");
        assert_eq!(shown(rupiah(d("412345678"), Lang::Id)), "Rp~412,35~juta");
        assert_eq!(shown(rupiah(d("412345678"), Lang::En)), "IDR~412.35~million");
        assert_eq!(shown(rupiah(d("2000000.50"), Lang::Id)), "Rp~2,00~juta");
        assert_eq!(shown(rupiah(d("1000000"), Lang::Id)), "Rp~1,00~juta");
    }

    #[test]
    fn rupiah_rounds_the_magnitude_half_away_from_zero() {
        // 12.345 triliun is exact in decimal: a binary float would round it down to 12,34.
        assert_eq!(shown(rupiah(d("12345000000000"), Lang::Id)), "Rp~12,35~triliun");
        assert_eq!(shown(rupiah(d("-12345000000000"), Lang::Id)), "-Rp~12,35~triliun");
    }

    #[test]
    fn rupiah_moves_to_the_next_word_when_rounding_reaches_a_thousand() {
        assert_eq!(shown(rupiah(d("999999999"), Lang::Id)), "Rp~1,00~miliar");
        assert_eq!(shown(rupiah(d("999999999"), Lang::En)), "IDR~1.00~billion");
        assert_eq!(shown(rupiah(d("999995000000"), Lang::Id)), "Rp~1,00~triliun");
        // Not carried: the figure is still below 999,995 of its unit.
        assert_eq!(shown(rupiah(d("995000000"), Lang::Id)), "Rp~995,00~juta");
        assert_eq!(shown(rupiah(d("999994999"), Lang::Id)), "Rp~999,99~juta");
        // There is no word above triliun: a thousand of them stays in triliun.
        assert_eq!(shown(rupiah(d("1000000000000000"), Lang::Id)), "Rp~1.000,00~triliun");
    }

    #[test]
    fn rupiah_below_a_million_is_the_full_figure() {
        assert_eq!(shown(rupiah(d("850000"), Lang::Id)), "Rp~850.000");
        assert_eq!(shown(rupiah(d("850000"), Lang::En)), "IDR~850,000");
        assert_eq!(shown(rupiah(d("999999.99"), Lang::Id)), "Rp~999.999,99");
        assert_eq!(shown(rupiah(d("-850000"), Lang::Id)), "-Rp~850.000");
    }

    #[test]
    fn negative_rupiah_carries_the_sign_before_the_currency() {
        assert_eq!(shown(rupiah(d("-5000000"), Lang::Id)), "-Rp~5,00~juta");
        assert_eq!(shown(rupiah(d("-5000000"), Lang::En)), "-IDR~5.00~million");
        assert_eq!(shown(rupiah_penuh(d("-5000000"), Lang::Id)), "-Rp~5.000.000");
    }

    #[test]
    fn rupiah_penuh_is_exact() {
        assert_eq!(shown(rupiah_penuh(d("12500000000000"), Lang::Id)), "Rp~12.500.000.000.000");
        assert_eq!(shown(rupiah_penuh(d("12500000000000"), Lang::En)), "IDR~12,500,000,000,000");
        assert_eq!(shown(rupiah_penuh(d("1250000.50"), Lang::Id)), "Rp~1.250.000,50");
    }

    #[test]
    fn nilai_writes_the_unit() {
        assert_eq!(shown(nilai(d("12500000000000"), "rupiah", Lang::Id)), "Rp~12,50~triliun");
        // A measured percentage keeps its three decimals; only computed ones are rounded.
        assert_eq!(shown(nilai(d("82.125"), "persen", Lang::Id)), "82,125~%");
        assert_eq!(nilai(d("82.125"), "persen", Lang::En), "82.125%");
        assert_eq!(nilai(d("3.25"), "indeks", Lang::Id), "3,25");
        assert_eq!(shown(nilai(d("14"), "hari", Lang::Id)), "14~hari");
        assert_eq!(shown(nilai(d("1250"), "dokumen", Lang::En)), "1,250~dokumen");
        assert_eq!(nilai(d("7"), "", Lang::Id), "7");
    }

    #[test]
    fn tanggal_in_both_languages() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(tanggal(date(2023, 4, 7), Lang::Id), "7 April 2023");
        assert_eq!(tanggal(date(2023, 4, 7), Lang::En), "7 April 2023");
        assert_eq!(tanggal(date(2024, 1, 24), Lang::Id), "24 Januari 2024");
        assert_eq!(tanggal(date(2024, 1, 24), Lang::En), "24 January 2024");
        assert_eq!(tanggal(date(2024, 8, 17), Lang::Id), "17 Agustus 2024");
        assert_eq!(tanggal(date(2024, 12, 31), Lang::Id), "31 Desember 2024");
    }

    #[test]
    fn filters_format_strings_from_the_ledger() {
        let v = |text: &str| Value::from(text);
        assert_eq!(render("{{ v | persen('id') }}", v("98.125")).unwrap(), "98,13\u{a0}%");
        assert_eq!(render("{{ v | persen(lang='en') }}", v("98.125")).unwrap(), "98.13%");
        assert_eq!(render("{{ v | angka('id') }}", v("1250000")).unwrap(), "1.250.000");
        assert_eq!(shown(render("{{ v | rupiah('id') }}", v("12500000000000")).unwrap()), "Rp~12,50~triliun");
        assert_eq!(
            shown(render("{{ v | rupiah_penuh('en') }}", v("12500000000000")).unwrap()),
            "IDR~12,500,000,000,000"
        );
        assert_eq!(shown(render("{{ v | nilai('hari', 'id') }}", v("14")).unwrap()), "14~hari");
        assert_eq!(render("{{ v | nilai(satuan='persen', lang='en') }}", v("82.125")).unwrap(), "82.125%");
        assert_eq!(render("{{ v | tanggal('id') }}", v("2024-01-24")).unwrap(), "24 Januari 2024");
        assert_eq!(render("{{ v | angka('en') }}", Value::from(1250)).unwrap(), "1,250");
    }

    #[test]
    fn filters_fall_back_to_the_template_language() {
        // `render` puts lang = "en" in the context.
        assert_eq!(render("{{ v | persen }}", Value::from("98.125")).unwrap(), "98.13%");
        assert_eq!(render("{{ v | nilai('persen') }}", Value::from("5")).unwrap(), "5%");
    }

    #[test]
    fn filters_show_a_dash_for_a_blank_value() {
        for blank in [Value::from(()), Value::UNDEFINED, Value::from(""), Value::from("  ")] {
            for call in [
                "angka('id')",
                "persen('id')",
                "rupiah('id')",
                "rupiah_penuh('id')",
                "nilai('hari', 'id')",
                "tanggal('id')",
            ] {
                let out = render(&format!("{{{{ v | {call} }}}}"), blank.clone());
                assert_eq!(out.unwrap(), "–", "{call} on {blank:?}");
            }
        }
        assert_eq!(render("{{ missing | persen('id') }}", Value::UNDEFINED).unwrap(), "–");
    }

    #[test]
    fn filters_refuse_malformed_values() {
        let cases = [
            ("{{ v | persen('id') }}", Value::from("82,50")),
            ("{{ v | persen('id') }}", Value::from("abc")),
            ("{{ v | rupiah('id') }}", Value::from("Rp 5 juta")),
            ("{{ v | angka('id') }}", Value::from(0.1_f64)),
            ("{{ v | angka('id') }}", Value::from(true)),
            ("{{ v | tanggal('id') }}", Value::from("24-01-2024")),
            ("{{ v | tanggal('id') }}", Value::from("2024-02-30")),
            ("{{ v | persen('fr') }}", Value::from("1")),
            ("{{ v | nilai(lang='id') }}", Value::from("1")),
            ("{{ v | nilai(5, 'id') }}", Value::from("1")),
        ];
        for (template, value) in cases {
            let err = render(template, value.clone()).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidOperation, "{template} on {value:?}: {err:?}");
        }
        let err = render("{{ v | persen('id') }}", Value::from("82,50")).unwrap_err();
        assert!(err.to_string().contains("\"82,50\" is not a decimal"), "{err}");
    }

    #[test]
    fn filters_refuse_wrong_arguments() {
        for template in [
            "{{ v | persen('id', 'en') }}",
            "{{ v | persen('id', lang='en') }}",
            "{{ v | persen(bahasa='id') }}",
        ] {
            let err = render(template, Value::from("1")).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::TooManyArguments, "{template}: {err:?}");
        }
    }

    #[test]
    fn a_filter_needs_a_language() {
        let mut env = Environment::new();
        register(&mut env);
        let err = env.render_str("{{ v | persen }}", context! { v => "1" }).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidOperation);
        assert!(err.to_string().contains("no language"), "{err}");
    }
}
