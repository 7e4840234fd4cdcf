//! The minijinja filters `angka`, `persen`, `rupiah`, `rupiah_penuh`, `nilai` and `tanggal`:
//! the template side of [`crate::present::format`]. Figures reach them as the exact decimals of
//! the views ([`Angka`]); a decimal written in a template as a string (`"82.50"`) or an integer is
//! read exactly too.

use chrono::NaiveDate;
use minijinja::value::{Kwargs, Rest, Value, ValueKind};
use minijinja::{Environment, Error, ErrorKind, State};
use rust_decimal::Decimal;

use crate::diagnostics::Lang;
use crate::present::Angka;
use crate::present::format::{KOSONG, angka, nilai, persen, rupiah, rupiah_penuh, tanggal};

/// Installs the filters `angka`, `persen`, `rupiah`, `rupiah_penuh`, `nilai` and `tanggal`.
///
/// Templates receive figures as [`Angka`] values and dates as `"YYYY-MM-DD"`; the
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
/// The views' figures arrive as [`Angka`], the exact decimal itself. A string (`"82.50"`) is
/// read exactly and integers are accepted, because a template may pass a literal or a count. A
/// float is refused: it may already have lost the exact figure (`0.1`), and showing it would
/// hide that.
pub(super) fn decimal_of(filter: &str, value: &Value) -> Result<Option<Decimal>, Error> {
    if let Some(angka) = value.downcast_object_ref::<Angka>() {
        return Ok(Some(angka.0));
    }
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

    /// Writes U+00A0 as `~` so that expectations show where the no-break spaces are.
    fn shown(text: String) -> String {
        text.replace('\u{a0}', "~")
    }

    fn render(template: &str, value: Value) -> Result<String, Error> {
        let mut env = Environment::new();
        register(&mut env);
        env.render_str(template, context! { v => value, lang => "en" })
    }

    #[test]
    fn filters_format_decimals_written_as_strings() {
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
    fn filters_format_the_exact_figures_of_the_views() {
        let figure = |text: &str| Value::from_object(Angka(text.parse().unwrap()));
        assert_eq!(render("{{ v | persen('id') }}", figure("98.125")).unwrap(), "98,13\u{a0}%");
        assert_eq!(
            shown(render("{{ v | rupiah('en') }}", figure("12345000000000")).unwrap()),
            "IDR~12.35~trillion"
        );
        // 28 significant digits, which no float keeps.
        let long = figure("1234567890123456789.012345678");
        assert_eq!(render("{{ v | angka('en') }}", long).unwrap(), "1,234,567,890,123,456,789.012345678");
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
