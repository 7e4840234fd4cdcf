//! Figures (angka) as agencies write them in YAML, parsed into exact [`Decimal`]s.
//!
//! Owns plain YAML numbers, Indonesian notation (`1.250.000,50`, `75 triliun`, `12,5%`) and
//! target ranges (`80 s.d. 90`). Everything is read from the source text, never through `f64`:
//! a published budget or achievement must show exactly the digits the agency wrote, and
//! `0.1 + 0.2` must equal `0.3` when capaian is computed.

use rust_decimal::Decimal;

/// Why a figure's text was rejected. The caller turns it into a bilingual user message and
/// quotes the text itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("empty figure")]
    Empty,
    #[error("not a number")]
    NotANumber,
    #[error("'.' used as decimal point")]
    DecimalPoint,
    #[error("number too large or too precise")]
    OutOfRange,
    #[error("YAML special number")]
    Special,
    #[error("range bounds out of order")]
    RangeOrder,
}

/// A figure as a plain decimal, the one text form of exports and template values: `.` for
/// decimals, no grouping, no exponent, the digits the value has, and no `-0`.
pub fn plain(value: Decimal) -> String {
    let mut v = value;
    if v.is_zero() {
        v.set_sign_positive(true);
    }
    v.to_string()
}

/// A parsed figure. `ambiguous` is true only for a plain YAML number like `1.250` / `75.000`,
/// which YAML reads as 1.25 / 75 although an Indonesian writer may have meant thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub value: Decimal,
    pub ambiguous: bool,
    /// The unit the text itself names, kept so that `check` can hold it against the
    /// indicator's `satuan`: the value alone no longer says that "1,5 triliun" meant money.
    pub unit: Option<Unit>,
}

/// A unit written in a figure's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// `Rp` or a magnitude word: the word as the message should quote it.
    Rupiah(&'static str),
    /// `%`.
    Percent,
}

impl Unit {
    /// The token as written (`Rp`, `triliun`, `%`), for messages.
    pub fn token(self) -> &'static str {
        match self {
            Unit::Rupiah(word) => word,
            Unit::Percent => "%",
        }
    }
}

/// A target: one figure or an inclusive range with `min < maks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Single(Decimal),
    Range { min: Decimal, maks: Decimal },
}

/// Most significant digits a Decimal's 96-bit mantissa can hold.
const MAX_DIGITS: i64 = 29;
/// Most digits a Decimal can hold after the decimal point.
const MAX_SCALE: i64 = 28;

const MAGNITUDES: [(&str, i64); 5] =
    [("ribu", 3), ("juta", 6), ("miliar", 9), ("milyar", 9), ("triliun", 12)];

/// Parses one figure. `text` is the scalar as written (already unquoted); `plain` is true when
/// the scalar was unquoted in the YAML source, so YAML number syntax applies to it.
pub fn parse_figure(text: &str, plain: bool) -> Result<Figure, NumberError> {
    if trim_ws(text).is_empty() {
        return Err(NumberError::Empty);
    }
    if plain {
        if is_yaml_special(text) {
            return Err(NumberError::Special);
        }
        if let Some(number) = YamlNumber::parse(text) {
            let value = number.value()?;
            return Ok(Figure { value, ambiguous: number.looks_like_thousands(), unit: None });
        }
    }
    let written = Written::parse(text)?;
    Ok(Figure { value: written.value()?, ambiguous: false, unit: written.unit() })
}

/// A parsed target, with the `ambiguous` flag and written unit of [`Figure`]; ranges are never
/// ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedTarget {
    pub target: Target,
    pub ambiguous: bool,
    pub unit: Option<Unit>,
}

/// Parses a target: a single figure (as [`parse_figure`]) or a range `a s.d. b`, `a – b`,
/// `a-b`.
pub fn parse_target(text: &str, plain: bool) -> Result<ParsedTarget, NumberError> {
    // `1e-5` is a YAML number, not the range 1e..5.
    let yaml_only = plain && (is_yaml_special(text) || YamlNumber::parse(text).is_some());
    match split_range(text).filter(|_| !yaml_only) {
        Some((left, right)) => parse_range(left, right),
        None => parse_figure(text, plain).map(|f| ParsedTarget {
            target: Target::Single(f.value),
            ambiguous: f.ambiguous,
            unit: f.unit,
        }),
    }
}

/// Splits at `s.d.` or at the first hyphen / en dash after a digit, so that a leading `-`
/// stays the sign of the lower bound.
fn split_range(text: &str) -> Option<(&str, &str)> {
    // ASCII lowercasing keeps byte offsets, so the index is valid in `text`.
    if let Some(i) = text.to_ascii_lowercase().find("s.d.") {
        return Some((text.get(..i)?, text.get(i + 4..)?));
    }
    let mut seen_digit = false;
    let (i, dash) = text.char_indices().find(|&(_, c)| {
        seen_digit |= c.is_ascii_digit();
        seen_digit && matches!(c, '-' | '–')
    })?;
    Some((text.get(..i)?, text.get(i + dash.len_utf8()..)?))
}

fn parse_range(left: &str, right: &str) -> Result<ParsedTarget, NumberError> {
    let mut min = range_side(left)?;
    let maks = range_side(right)?;
    // "1–2 triliun", "80–90 %": the unit written once applies to both bounds.
    if min.suffix == Suffix::None {
        min.suffix = maks.suffix;
    }
    let unit = min.unit().or(maks.unit());
    let (min, maks) = (min.value()?, maks.value()?);
    if min < maks {
        Ok(ParsedTarget { target: Target::Range { min, maks }, ambiguous: false, unit })
    } else {
        Err(NumberError::RangeOrder)
    }
}

/// A missing bound ("80 -") is a malformed range, not an empty figure.
fn range_side(text: &str) -> Result<Written<'_>, NumberError> {
    Written::parse(text).map_err(|e| match e {
        NumberError::Empty => NumberError::NotANumber,
        other => other,
    })
}

/// A YAML 1.2 core-schema number, split into its parts without interpreting them.
struct YamlNumber<'a> {
    negative: bool,
    int: &'a str,
    frac: &'a str,
    has_point: bool,
    exponent: Option<i64>,
}

impl<'a> YamlNumber<'a> {
    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`; ints are the no-point case.
    fn parse(text: &'a str) -> Option<Self> {
        let (negative, rest) = take_ascii_sign(text);
        let (int, rest) = split_digits(rest);
        let (has_point, frac, rest) = match rest.strip_prefix('.') {
            Some(after) => {
                let (frac, rest) = split_digits(after);
                (true, frac, rest)
            }
            None => (false, "", rest),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let exponent = if rest.is_empty() {
            None
        } else {
            let (negative_exp, digits) = take_ascii_sign(rest.strip_prefix(['e', 'E'])?);
            let (digits, tail) = split_digits(digits);
            if digits.is_empty() || !tail.is_empty() {
                return None;
            }
            // Saturating: an absurd exponent must still end in OutOfRange (or zero), not a panic.
            let size = digits
                .bytes()
                .fold(0i64, |acc, b| acc.saturating_mul(10).saturating_add(i64::from(b - b'0')));
            Some(if negative_exp { -size } else { size })
        };
        Some(Self { negative, int, frac, has_point, exponent })
    }

    fn value(&self) -> Result<Decimal, NumberError> {
        let digits = format!("{}{}", self.int, self.frac);
        exact_decimal(self.negative, &digits, self.frac.len(), self.exponent.unwrap_or(0))
    }

    /// `1.250`, `75.000`: one point, exactly three digits after it and a first group that
    /// could head a thousands grouping (1–3 digits, no leading zero).
    fn looks_like_thousands(&self) -> bool {
        self.exponent.is_none()
            && self.has_point
            && (1..=3).contains(&self.int.len())
            && !self.int.starts_with('0')
            && self.frac.len() == 3
    }
}

/// Spellings YAML parsers read as numbers that cannot be reproduced exactly or are easy to
/// misread: `.inf`, `.nan`, `0x1F`, `0o17`, `0b101`, `1_000` and base-60 `1:30`.
fn is_yaml_special(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    [".inf", ".nan"].iter().any(|word| body.eq_ignore_ascii_case(word))
        || is_radix_literal(body)
        || (body.contains('_') && YamlNumber::parse(&text.replace('_', "")).is_some())
        || is_sexagesimal(body)
}

fn is_radix_literal(body: &str) -> bool {
    let radix = match body.get(..2).map(str::to_ascii_lowercase).as_deref() {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => return false,
    };
    let digits = body.get(2..).unwrap_or("");
    digits.chars().any(|c| c.is_digit(radix)) && digits.chars().all(|c| c == '_' || c.is_digit(radix))
}

/// YAML 1.1 base 60: `[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?`.
fn is_sexagesimal(body: &str) -> bool {
    let digits_or_underscore = |p: &str| p.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    let base60 = |p: &str| {
        (1..=2).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u8>().is_ok_and(|v| v < 60)
    };
    let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
    let mut parts = whole.split(':');
    let head = parts.next().unwrap_or("");
    whole.contains(':')
        && head.starts_with(|c: char| c.is_ascii_digit())
        && digits_or_underscore(head)
        && parts.all(base60)
        && digits_or_underscore(frac)
}

/// What may follow the digits of an Indonesian figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffix {
    None,
    Percent,
    /// A magnitude word (lower case) and its power of ten.
    Magnitude(&'static str, i64),
}

/// An Indonesian-notation figure split into its tokens; the digits are checked in `value`.
struct Written<'a> {
    negative: bool,
    currency: bool,
    number: &'a str,
    suffix: Suffix,
}

impl<'a> Written<'a> {
    /// `[sign] [Rp[.]] [sign] digits [ %| magnitude]`, whitespace allowed between tokens.
    fn parse(text: &'a str) -> Result<Self, NumberError> {
        let s = trim_ws(text);
        if s.is_empty() {
            return Err(NumberError::Empty);
        }
        let (sign_before, s) = take_sign(s);
        let (currency, s) = take_currency(s);
        let (sign_after, s) = take_sign(s);
        let negative = match (sign_before, sign_after) {
            (Some(_), Some(_)) => return Err(NumberError::NotANumber),
            (Some(negative), None) | (None, Some(negative)) => negative,
            (None, None) => false,
        };
        let end = s.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(s.len());
        let (number, rest) = s.split_at(end);
        if number.is_empty() {
            return Err(NumberError::NotANumber);
        }
        let suffix = parse_suffix(rest).ok_or(NumberError::NotANumber)?;
        Ok(Self { negative, currency, number, suffix })
    }

    fn value(&self) -> Result<Decimal, NumberError> {
        if self.currency && self.suffix == Suffix::Percent {
            return Err(NumberError::NotANumber);
        }
        let (digits, frac_len) = indonesian_digits(self.number)?;
        match self.suffix {
            // "1,5 miliar" is a whole number of rupiah; the ",5" scale means nothing after scaling.
            Suffix::Magnitude(_, power) => {
                Ok(exact_decimal(self.negative, &digits, frac_len, power)?.normalize())
            }
            Suffix::None | Suffix::Percent => exact_decimal(self.negative, &digits, frac_len, 0),
        }
    }

    /// `Rp` wins over a magnitude word: "Rp 1,5 miliar" is quoted as `Rp`.
    fn unit(&self) -> Option<Unit> {
        match (self.currency, self.suffix) {
            (true, _) => Some(Unit::Rupiah("Rp")),
            (false, Suffix::Magnitude(word, _)) => Some(Unit::Rupiah(word)),
            (false, Suffix::Percent) => Some(Unit::Percent),
            (false, Suffix::None) => None,
        }
    }
}

/// `rest` is what follows the digits, already trimmed at its end.
fn parse_suffix(rest: &str) -> Option<Suffix> {
    let word = trim_start_ws(rest);
    if word.is_empty() {
        return Some(Suffix::None);
    }
    if word == "%" {
        return Some(Suffix::Percent);
    }
    // "75triliun" is rejected: the word must stand on its own.
    let separated = word.len() < rest.len();
    let (name, power) = MAGNITUDES.iter().find(|(name, _)| name.eq_ignore_ascii_case(word))?;
    separated.then_some(Suffix::Magnitude(name, *power))
}

/// Checks `1.250.000,50`-style digits and returns them without separators, plus how many
/// came after the comma.
fn indonesian_digits(number: &str) -> Result<(String, usize), NumberError> {
    let mut parts = number.split(',');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let bad_frac = frac.is_some_and(|f| f.is_empty() || f.contains('.'));
    if parts.next().is_some() || int.is_empty() || bad_frac {
        return Err(NumberError::NotANumber);
    }
    if int.contains('.') && !is_thousands_grouping(int) {
        // "82.50" is almost certainly a decimal written the English way; say so.
        let decimal_point = frac.is_none()
            && int.split_once('.').is_some_and(|(a, b)| !a.is_empty() && !b.is_empty() && !b.contains('.'));
        return Err(if decimal_point { NumberError::DecimalPoint } else { NumberError::NotANumber });
    }
    let frac = frac.unwrap_or("");
    let mut digits: String = int.chars().filter(|&c| c != '.').collect();
    digits.push_str(frac);
    Ok((digits, frac.len()))
}

/// First group 1–3 digits without a leading zero ("0.500" is a misplaced decimal point, not
/// five hundred), every later group exactly 3 digits.
fn is_thousands_grouping(int: &str) -> bool {
    let mut groups = int.split('.');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && !first.starts_with('0') && groups.all(|g| g.len() == 3)
}

/// Builds `±digits × 10^(shift − frac_len)` exactly. Trailing zeros are dropped only as far
/// as needed to fit a Decimal (the value never changes); anything else that does not fit is
/// OutOfRange rather than silently rounded.
fn exact_decimal(negative: bool, digits: &str, frac_len: usize, shift: i64) -> Result<Decimal, NumberError> {
    let scale = i64::try_from(frac_len).unwrap_or(i64::MAX).saturating_sub(shift);
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        let scale = u32::try_from(scale.clamp(0, MAX_SCALE)).unwrap_or(0);
        return Decimal::try_from_i128_with_scale(0, scale).map_err(|_| NumberError::OutOfRange);
    }
    let len = i64::try_from(significant.len()).unwrap_or(i64::MAX);
    let trailing_zeros =
        len.saturating_sub(i64::try_from(significant.trim_end_matches('0').len()).unwrap_or(0));
    let droppable = trailing_zeros.min(scale.max(0));
    let must_drop = scale.saturating_sub(MAX_SCALE).max(len.saturating_sub(MAX_DIGITS)).max(0);
    (must_drop..=droppable)
        .find_map(|k| {
            let kept = significant.get(..usize::try_from(len - k).ok()?)?;
            build_decimal(negative, kept, scale - k)
        })
        .ok_or(NumberError::OutOfRange)
}

/// `±mantissa × 10^-scale`, or None when it does not fit.
fn build_decimal(negative: bool, mantissa: &str, scale: i64) -> Option<Decimal> {
    let zeros = if scale < 0 { scale.unsigned_abs() } else { 0 };
    let len = u64::try_from(mantissa.len()).ok()?;
    if len.saturating_add(zeros) > MAX_DIGITS.unsigned_abs() {
        return None;
    }
    let mut value: i128 = 0;
    for c in mantissa.chars() {
        value = value.checked_mul(10)?.checked_add(i128::from(c.to_digit(10)?))?;
    }
    for _ in 0..zeros {
        value = value.checked_mul(10)?;
    }
    let value = if negative { -value } else { value };
    Decimal::try_from_i128_with_scale(value, u32::try_from(scale.max(0)).ok()?).ok()
}

fn split_digits(s: &str) -> (&str, &str) {
    s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()))
}

/// YAML's sign: ASCII only.
fn take_ascii_sign(s: &str) -> (bool, &str) {
    match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    }
}

/// Indonesian sign: `-`, `−` (U+2212, what word processors produce) or `+`; `Some(true)` is negative.
fn take_sign(s: &str) -> (Option<bool>, &str) {
    let mut chars = s.chars();
    let sign = match chars.next() {
        Some('-' | '−') => true,
        Some('+') => false,
        _ => return (None, s),
    };
    (Some(sign), trim_start_ws(chars.as_str()))
}

fn take_currency(s: &str) -> (bool, &str) {
    if !s.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("rp")) {
        return (false, s);
    }
    let rest = s.get(2..).unwrap_or("");
    (true, trim_start_ws(rest.strip_prefix('.').unwrap_or(rest)))
}

/// Spaces an office document may put between tokens, including no-break spaces.
fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{a0}' | '\u{202f}')
}

fn trim_ws(s: &str) -> &str {
    s.trim_matches(is_ws)
}

fn trim_start_ws(s: &str) -> &str {
    s.trim_start_matches(is_ws)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn value(text: &str, plain: bool) -> Decimal {
        parse_figure(text, plain).unwrap().value
    }

    fn err(text: &str, plain: bool) -> NumberError {
        parse_figure(text, plain).unwrap_err()
    }

    fn range(text: &str) -> (Decimal, Decimal) {
        match parse_target(text, false).unwrap() {
            ParsedTarget { target: Target::Range { min, maks }, ambiguous: false, .. } => (min, maks),
            other => panic!("{text:?} is not a range: {other:?}"),
        }
    }

    #[test]
    fn one_tenth_is_exact() {
        let tenth = value("0.1", true);
        assert_eq!(tenth.to_string(), "0.1");
        assert_eq!(tenth + value("0.2", true), value("0.3", true));
    }

    #[test]
    fn every_digit_of_a_large_budget_is_kept() {
        assert_eq!(value("75123456789012.34", true).to_string(), "75123456789012.34");
        assert_eq!(value("75 triliun", false).to_string(), "75000000000000");
        assert_eq!(value("75 Triliun", true), dec("75000000000000"));
        assert_eq!(value("75000000000000", true).to_string(), "75000000000000");
    }

    #[test]
    fn indonesian_notation() {
        assert_eq!(value("Rp 1.250.000,50", false).to_string(), "1250000.50");
        assert_eq!(value("Rp1.250.000", false), dec("1250000"));
        assert_eq!(value("12,5%", false), dec("12.5"));
        assert_eq!(value("82,50", false).to_string(), "82.50");
        assert_eq!(value("82,50", true).to_string(), "82.50");
        assert_eq!(value("-2,5 %", false), dec("-2.5"));
        assert_eq!(value("−2,5", false), dec("-2.5"));
        assert_eq!(value("\u{a0}0,5\t", false), dec("0.5"));
        let miliar = value("Rp 1,5 miliar", false);
        assert_eq!(miliar.to_string(), "1500000000");
        assert_eq!(miliar.scale(), 0);
        assert_eq!(value("-Rp 5 juta", false), dec("-5000000"));
        assert_eq!(value("Rp -5 juta", false), dec("-5000000"));
        assert_eq!(value("2 milyar", false), dec("2000000000"));
        assert_eq!(value("12 ribu", false), dec("12000"));
    }

    #[test]
    fn thousands_lookalike_plain_number_is_flagged() {
        let f = parse_figure("1.250", true).unwrap();
        assert_eq!((f.value, f.ambiguous), (dec("1.25"), true));
        assert!(parse_figure("75.000", true).unwrap().ambiguous);
        assert!(parse_figure("-1.250", true).unwrap().ambiguous);
        assert!(!parse_figure("82.50", true).unwrap().ambiguous);
        assert!(!parse_figure("1250", true).unwrap().ambiguous);
        let quoted = parse_figure("1.250", false).unwrap();
        assert_eq!((quoted.value, quoted.ambiguous), (dec("1250"), false));
    }

    #[test]
    fn rejected_figures_say_why() {
        assert_eq!(err("satu juta", false), NumberError::NotANumber);
        assert_eq!(err("1,2,3", false), NumberError::NotANumber);
        assert_eq!(err("abc", false), NumberError::NotANumber);
        assert_eq!(err("12abc", false), NumberError::NotANumber);
        assert_eq!(err("12 ribu juta", false), NumberError::NotANumber);
        assert_eq!(err("Rp 5 %", false), NumberError::NotANumber);
        assert_eq!(err("75triliun", false), NumberError::NotANumber);
        assert_eq!(err(",5", false), NumberError::NotANumber);
        assert_eq!(err("82.50", false), NumberError::DecimalPoint);
        assert_eq!(err("1.5 triliun", false), NumberError::DecimalPoint);
        assert_eq!(err("1.25", false), NumberError::DecimalPoint);
        assert_eq!(err("1.2345", false), NumberError::DecimalPoint);
        assert_eq!(err("1000000000000000000000000000000", true), NumberError::OutOfRange);
        assert_eq!(err("100000000000000000 triliun", false), NumberError::OutOfRange);
        assert_eq!(err("1e-29", true), NumberError::OutOfRange);
        assert_eq!(err(".inf", true), NumberError::Special);
        assert_eq!(err("-.inf", true), NumberError::Special);
        assert_eq!(err(".nan", true), NumberError::Special);
        assert_eq!(err("0x1F", true), NumberError::Special);
        assert_eq!(err("0o17", true), NumberError::Special);
        assert_eq!(err("0b101", true), NumberError::Special);
        assert_eq!(err("1_000", true), NumberError::Special);
        assert_eq!(err("0x1F", false), NumberError::NotANumber);
        assert_eq!(err("", false), NumberError::Empty);
        assert_eq!(err("  ", true), NumberError::Empty);
    }

    #[test]
    fn the_unit_written_is_kept() {
        let unit = |text, plain| parse_figure(text, plain).unwrap().unit;
        assert_eq!(unit("1,5 triliun", false), Some(Unit::Rupiah("triliun")));
        assert_eq!(unit("75 Triliun", true), Some(Unit::Rupiah("triliun")));
        assert_eq!(unit("Rp 1,5 miliar", false), Some(Unit::Rupiah("Rp")));
        assert_eq!(unit("12,5%", false), Some(Unit::Percent));
        assert_eq!(unit("82,5", false), None);
        assert_eq!(unit("82.5", true), None);
        assert_eq!(parse_target("80–90 %", false).unwrap().unit, Some(Unit::Percent));
        assert_eq!(parse_target("Rp 1 - 2", false).unwrap().unit, Some(Unit::Rupiah("Rp")));
    }

    #[test]
    fn yaml_exponent_is_exact() {
        assert_eq!(value("1.5e3", true).to_string(), "1500");
        assert_eq!(value("25e-2", true).to_string(), "0.25");
        assert_eq!(value("0e99999999999999999999999", true), Decimal::ZERO);
        assert_eq!(err("1e99999999999999999999999", true), NumberError::OutOfRange);
    }

    #[test]
    fn huge_inputs_do_not_panic() {
        let ones = "1".repeat(10_000);
        assert_eq!(err(&ones, true), NumberError::OutOfRange);
        assert_eq!(err(&ones, false), NumberError::OutOfRange);
        assert_eq!(value(&format!("{}1", "0".repeat(10_000)), true), Decimal::ONE);
        // Trailing zeros beyond Decimal's scale are dropped, never rounded digits.
        assert_eq!(value(&format!("1,{}", "0".repeat(10_000)), false), Decimal::ONE);
        assert_eq!(err(&format!("0,{}1", "0".repeat(10_000)), false), NumberError::OutOfRange);
    }

    #[test]
    fn ranges() {
        assert_eq!(range("80 s.d. 90"), (dec("80"), dec("90")));
        assert_eq!(range("80s.d.90"), (dec("80"), dec("90")));
        assert_eq!(range("80 S.D. 90"), (dec("80"), dec("90")));
        assert_eq!(range("80 – 90"), (dec("80"), dec("90")));
        assert_eq!(range("80-90"), (dec("80"), dec("90")));
        assert_eq!(range("7–8"), (dec("7"), dec("8")));
        assert_eq!(range("-5 - -2"), (dec("-5"), dec("-2")));
        assert_eq!(range("−5 – −2"), (dec("-5"), dec("-2")));
        assert_eq!(range("1–2 triliun"), (dec("1000000000000"), dec("2000000000000")));
        assert_eq!(range("80–90 %"), (dec("80"), dec("90")));
        assert_eq!(parse_target("90-80", false), Err(NumberError::RangeOrder));
        assert_eq!(parse_target("80-80", false), Err(NumberError::RangeOrder));
        assert_eq!(parse_target("7–8 bulan", false), Err(NumberError::NotANumber));
        assert_eq!(parse_target("80 -", false), Err(NumberError::NotANumber));
    }

    #[test]
    fn target_without_separator_is_a_single_figure() {
        let single = |text, plain| parse_target(text, plain).map(|p| (p.target, p.ambiguous));
        assert_eq!(single("-5", false), Ok((Target::Single(dec("-5")), false)));
        assert_eq!(single("1.250", true), Ok((Target::Single(dec("1.25")), true)));
        assert_eq!(single("1e-5", true), Ok((Target::Single(dec("0.00001")), false)));
        assert_eq!(parse_target("", false), Err(NumberError::Empty));
    }

    /// Indonesian notation written independently of the parser: '.' every three digits, ',' before decimals.
    fn indonesian(negative: bool, int: u64, frac: &str) -> String {
        let digits = int.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(c);
        }
        let sign = if negative { "-" } else { "" };
        let frac = if frac.is_empty() { String::new() } else { format!(",{frac}") };
        format!("{sign}{grouped}{frac}")
    }

    fn expected(negative: bool, int: u64, frac: &str) -> Decimal {
        let scale = u32::try_from(frac.len()).unwrap();
        let frac_value = if frac.is_empty() { 0 } else { i128::from_str(frac).unwrap() };
        let magnitude = i128::from(int) * 10i128.pow(scale) + frac_value;
        Decimal::from_i128_with_scale(if negative { -magnitude } else { magnitude }, scale)
    }

    proptest! {
        #[test]
        fn indonesian_and_yaml_round_trip(int in any::<i64>(), frac in "[0-9]{0,6}") {
            let (negative, abs) = (int < 0, int.unsigned_abs());
            let want = expected(negative, abs, &frac);
            let written = indonesian(negative, abs, &frac);
            let got = value(&written, false);
            prop_assert_eq!(got, want);
            prop_assert_eq!(got.to_string(), want.to_string());
            let yaml = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
            let got = value(&yaml, true);
            prop_assert_eq!(got, want);
            prop_assert_eq!(got.to_string(), want.to_string());
        }

        #[test]
        fn twenty_eight_significant_digits_round_trip(
            digits in "[1-9][0-9]{27}",
            point in 0usize..=28,
            negative in any::<bool>(),
        ) {
            let magnitude = i128::from_str(&digits).unwrap();
            let scale = u32::try_from(point).unwrap();
            let want = Decimal::from_i128_with_scale(if negative { -magnitude } else { magnitude }, scale);
            let sign = if negative { "-" } else { "" };
            let (int, frac) = digits.split_at(28 - point);
            let int = if int.is_empty() { "0" } else { int };
            let yaml = if frac.is_empty() { format!("{sign}{int}") } else { format!("{sign}{int}.{frac}") };
            prop_assert_eq!(value(&yaml, true).to_string(), want.to_string());
            let written = if frac.is_empty() { format!("{sign}{int}") } else { format!("{sign}{int},{frac}") };
            prop_assert_eq!(value(&written, false).to_string(), want.to_string());
        }

        #[test]
        fn never_panics_on_any_text(text in ".*", plain in any::<bool>()) {
            let _ = parse_figure(&text, plain);
            let _ = parse_target(&text, plain);
        }

        #[test]
        fn never_panics_on_printable_unicode(text in "\\PC*", plain in any::<bool>()) {
            let _ = parse_figure(&text, plain);
            let _ = parse_target(&text, plain);
        }

        #[test]
        fn never_panics_on_number_like_text(text in "[-−+Rp .,0-9eE%–a-z_:]{0,60}", plain in any::<bool>()) {
            let _ = parse_figure(&text, plain);
            let _ = parse_target(&text, plain);
        }
    }
}
