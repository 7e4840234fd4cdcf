//! Numbers and dates as people read them, in one place for the site and the reports.
//!
//! Indonesian pages write `1.250.000`, `99,98 %` and `Rp 12,50 triliun`; English pages write
//! `1,250,000`, `99.98%` and `IDR 12.50 trillion`. This module owns those conventions: the
//! grouping and decimal marks, the rounding of displayed percentages (SPEC §3: two decimals,
//! half away from zero), the magnitude words of rupiah amounts and the month names. Templates
//! reach it only through the minijinja filters of `site::filters`, so no template formats a
//! number by itself.
//!
//! Everything is exact `Decimal` arithmetic on the value's own digits; no `f64` is involved,
//! so `0.1` is never shown as `0.1000000001`.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::compute::rules::round2;
use crate::content::model::Satuan;
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
    let mut out = String::with_capacity(16);
    push_angka(&mut out, value, lang);
    out
}

/// Appends [`angka`] of `value` to `out` (the one way it is written; the page writers append
/// every cell to one buffer instead of allocating a string per figure).
pub fn push_angka(out: &mut String, value: Decimal, lang: Lang) {
    let (group_mark, decimal_mark) = match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    };
    // A Decimal is its mantissa's digits with the point `scale` places from the right: written
    // as an integer and split there (what Display of a Decimal writes, without its general path
    // over 96 bits, ≈ 1 % of a site build), padded with zeros when the figure is below one.
    let scale = value.scale() as usize;
    let mut buf = [0u8; 40];
    let digits = mantissa_digits(value.mantissa().unsigned_abs(), scale, &mut buf);
    let (integer, fraction) = digits.split_at(digits.len() - scale);
    if is_negative(value) {
        out.push('-');
    }
    push_grouped(out, integer, group_mark);
    if !fraction.is_empty() {
        out.push(decimal_mark);
        out.push_str(fraction);
    }
}

/// The decimal digits of `mantissa`, at least `scale + 1` of them (zeros in front), written
/// into `buf` from its end: a 96-bit mantissa has at most 29 digits and a scale at most 28.
fn mantissa_digits(mantissa: u128, scale: usize, buf: &mut [u8; 40]) -> &str {
    let mut start = buf.len();
    let mut put = |digit: u8| {
        start -= 1;
        buf[start] = b'0' + digit;
    };
    // Almost every figure fits 64 bits, whose division is far cheaper than 128 bits'.
    match u64::try_from(mantissa) {
        Ok(mut n) => {
            while n > 0 {
                put((n % 10) as u8);
                n /= 10;
            }
        }
        Err(_) => {
            let mut n = mantissa;
            while n > 0 {
                put((n % 10) as u8);
                n /= 10;
            }
        }
    }
    while buf.len() - start <= scale {
        start -= 1;
        buf[start] = b'0';
    }
    // Only ASCII digits were written.
    std::str::from_utf8(&buf[start..]).unwrap_or_default()
}

/// A percentage as published: rounded to two decimals half away from zero, always two
/// decimals, with the language's percent sign (`99,98 %`, `99.98%`).
pub fn persen(value: Decimal, lang: Lang) -> String {
    let mut out = String::with_capacity(16);
    push_persen(&mut out, value, lang);
    out
}

/// Appends [`persen`] of `value` to `out`.
pub fn push_persen(out: &mut String, value: Decimal, lang: Lang) {
    push_angka(out, round2(value), lang);
    push_percent_sign(out, lang);
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
    match Satuan::of(satuan) {
        Satuan::Rupiah => rupiah(value, lang),
        Satuan::Persen => {
            let mut out = angka(value, lang);
            push_percent_sign(&mut out, lang);
            out
        }
        Satuan::Indeks => angka(value, lang),
        // Free-text units are Indonesian words ("hari", "dokumen"); they are content, shown as
        // written on both languages' pages.
        Satuan::Lain => format!("{}{NBSP}{}", angka(value, lang), satuan.trim()),
    }
}

/// A file size as a reader takes it in: bytes below 1 KB, else KB, MB or GB of 1,024 with one
/// decimal, rounded half away from zero (`512 B`, `12,3 KB`, `1,5 MB`; `12.3 KB` in English).
pub fn ukuran(bytes: u64, lang: Lang) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    let mut value = Decimal::from(bytes);
    let kilo = Decimal::from(1024);
    if value < kilo {
        return format!("{bytes}{NBSP}B");
    }
    let mut unit = 0;
    value /= kilo;
    while unit + 1 < UNITS.len() && value.round_dp_with_strategy(1, MIDPOINT) >= kilo {
        value /= kilo;
        unit += 1;
    }
    let mut shown = value.round_dp_with_strategy(1, MIDPOINT);
    shown.rescale(1);
    format!("{}{NBSP}{}", angka(shown, lang), UNITS[unit])
}

const MIDPOINT: rust_decimal::RoundingStrategy = rust_decimal::RoundingStrategy::MidpointAwayFromZero;

/// A date as written in running text: `24 Januari 2024`, `24 January 2024`.
pub fn tanggal(date: NaiveDate, lang: Lang) -> String {
    let months = match lang {
        Lang::Id => &BULAN,
        Lang::En => &MONTHS,
    };
    format!("{} {} {}", date.day(), months[date.month0() as usize], date.year())
}

/// `-` for a value below zero; a zero never carries a sign, even when stored as `-0.00`.
fn is_negative(value: Decimal) -> bool {
    value.is_sign_negative() && !value.is_zero()
}

/// Appends `digits` with `mark` between groups of three counted from the right.
fn push_grouped(out: &mut String, digits: &str, mark: char) {
    for (i, digit) in digits.bytes().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(mark);
        }
        out.push(char::from(digit));
    }
}

/// Appends the language's percent sign to a figure (`99,98 %`, `99.98%`).
pub fn push_percent_sign(out: &mut String, lang: Lang) {
    if lang == Lang::Id {
        out.push(NBSP);
    }
    out.push('%');
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    /// Writes U+00A0 as `~` so that expectations show where the no-break spaces are.
    fn shown(text: String) -> String {
        text.replace(NBSP, "~")
    }

    #[test]
    fn file_sizes_in_binary_units_with_one_decimal() {
        assert_eq!(shown(ukuran(0, Lang::Id)), "0~B");
        assert_eq!(shown(ukuran(1023, Lang::Id)), "1023~B");
        // 12,345 / 1,024 = 12.0556… → 12,1 KB.
        assert_eq!(shown(ukuran(12_345, Lang::Id)), "12,1~KB");
        assert_eq!(shown(ukuran(12_345, Lang::En)), "12.1~KB");
        // 1,572,864 = 1.5 × 1,024².
        assert_eq!(shown(ukuran(1_572_864, Lang::Id)), "1,5~MB");
        // 1,048,575 B = 1,023.999 KB, which would show as 1.024,0 KB: one unit up instead.
        assert_eq!(shown(ukuran(1_048_575, Lang::Id)), "1,0~MB");
        // 5 × 1,024⁴ is past the largest unit and stays in GB.
        assert_eq!(shown(ukuran(5 * 1024u64.pow(4), Lang::Id)), "5.120,0~GB");
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
        // Below one, the zeros before the digits; zero keeps its decimals; the largest mantissa.
        assert_eq!(angka(d("0.005"), Lang::Id), "0,005");
        assert_eq!(angka(d("-0.050"), Lang::En), "-0.050");
        assert_eq!(angka(d("0.00"), Lang::Id), "0,00");
        assert_eq!(angka(d("0"), Lang::Id), "0");
        assert_eq!(
            angka(d("79228162514264337593543950335"), Lang::Id),
            "79.228.162.514.264.337.593.543.950.335"
        );
        assert_eq!(angka(d("7.9228162514264337593543950335"), Lang::En), "7.9228162514264337593543950335");
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
}
