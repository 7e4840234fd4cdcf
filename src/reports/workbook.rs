//! The workbook of a year, `unduh/<tahun>/pengukuran-kinerja-<tahun>.xlsx` (SPEC §5.2): one
//! sheet per table of `docs/reports.md`, figures from the ledger, texts from the model.
//!
//! A spreadsheet keeps a number as an `f64`, which cannot hold every exact decimal: a figure is
//! written as a number only when it reads back as exactly the same decimal ([`sel_angka`]), and
//! otherwise as text in Indonesian notation, so no cell ever shows a figure the ledger does not
//! have. Number formats are Excel's locale-neutral codes (`#,##0.00`), which a spreadsheet in
//! Indonesian shows as `1.234,50`; each figure gets as many decimals as it has. Header rows are
//! frozen, column widths and row heights fitted to the text shown, and there are no formulas:
//! a text that starts with `=` is stored as a string cell, never evaluated. The document's
//! dates are the as-of date, so two builds of one commit give the same bytes.
//!
//! No sheet is held whole: a sheet makes its rows twice, once to fit the column widths and
//! once to write them, and rust_xlsxwriter's low-memory mode puts each written row into an
//! unnamed temporary file in the system's temporary folder (`TMPDIR`), gone when the workbook
//! is saved (holding every cell took ≈ 115 MiB at 5,000 indicators); only each distinct text
//! is kept, once, in the shared-string table that the cells name by number. The build and
//! the preview write the same way, so their bytes are the same; a temporary folder that cannot
//! be written is reported as the workbook's error (docs/output.md).

mod sheets;

use std::borrow::Cow;
use std::collections::HashMap;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::{Document, Source};
use crate::content::model::Text;
use crate::diagnostics::Lang;
use crate::present::Presenter;
use crate::present::format::angka;

/// The most characters a cell holds (the format's limit).
const MAX_TEKS: usize = 32_767;

/// Column widths, in characters, between which a column is fitted to its widest cell.
const LEBAR: (usize, usize) = (6, 60);

/// The planned workbook of `tahun`.
pub(super) fn document(tahun: i32) -> Document {
    Document {
        path: format!("unduh/{tahun}/pengukuran-kinerja-{tahun}.xlsx"),
        tahun: Some(tahun),
        judul: Text {
            id: format!("Pengukuran kinerja {tahun} (buku kerja XLSX)"),
            en: Some(format!("Performance measurement {tahun} (XLSX workbook)")),
        },
        source: Source::Workbook(tahun),
    }
}

/// A figure as a spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum SelAngka {
    /// A number cell.
    Angka(f64),
    /// A text cell: the figure in Indonesian notation.
    Teks(String),
}

/// The one decision of how a figure goes into a cell: a number when the `f64` nearest to it,
/// written in the shortest form that reads back as that `f64` (what the file stores), is
/// exactly `value` again; otherwise the exact figure as text. `75000000000000` and `82.50`
/// are numbers; a figure of 20 significant digits is text.
pub fn sel_angka(value: Decimal) -> SelAngka {
    match exact_f64(value) {
        Some(float) => SelAngka::Angka(float),
        None => sel_angka_by_text(value),
    }
}

/// The powers of ten an `f64` holds exactly (10^22 < 2^53 · 2^22 is the last).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
];

/// The `f64` of a figure of at most 15 significant digits, without going through text: every
/// decimal of 15 digits or fewer reads back from its nearest `f64` (an `f64` has 15 to 17
/// digits), so such a figure is always a number. Its mantissa and 10^scale are both exact
/// `f64`s, and IEEE division rounds their quotient to the nearest `f64`, as parsing the
/// decimal's text does. Nothing for longer figures: [`sel_angka_by_text`] decides those.
fn exact_f64(value: Decimal) -> Option<f64> {
    let mantissa = value.mantissa();
    let power = POW10.get(value.scale() as usize)?;
    if mantissa.unsigned_abs() >= 1_000_000_000_000_000 {
        return None;
    }
    // A zero is stored unsigned, as the pages show it.
    Some(if mantissa == 0 { 0.0 } else { mantissa as f64 / power })
}

/// [`sel_angka`] the long way: through the figure's text, its `f64` and that `f64`'s shortest
/// text.
fn sel_angka_by_text(value: Decimal) -> SelAngka {
    let teks = || SelAngka::Teks(angka(value, Lang::Id));
    let Ok(float) = value.to_string().parse::<f64>() else { return teks() };
    if !float.is_finite() {
        return teks();
    }
    // `Display` of an f64 is the shortest decimal that parses back to it, without exponent.
    match Decimal::from_str(&float.to_string()) {
        // A zero is stored unsigned, as the pages show it.
        Ok(back) if back == value => SelAngka::Angka(if float == 0.0 { 0.0 } else { float }),
        _ => teks(),
    }
}

/// A cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Sel {
    /// Text from the content or our words.
    Teks(String),
    /// An exact figure.
    Angka(Decimal),
    /// A count (days late, respondents).
    Bulat(i64),
    /// A date.
    Tanggal(NaiveDate),
    /// Nothing: the figure does not apply or is not known.
    Kosong,
}

/// A sheet: its name, column headers and rows.
pub(super) struct Sheet<'a> {
    pub(super) nama: &'static str,
    pub(super) kolom: Vec<&'static str>,
    /// Makes the rows and hands each, in order, to the function it is given: once to fit the
    /// columns, once to write them, so that no sheet is ever held whole (the quarters of
    /// 5,000 indicators are 20,000 rows).
    pub(super) baris: Box<dyn Fn(Emit) + 'a>,
}

/// What takes the rows of a sheet one by one.
pub(super) type Emit<'r> = &'r mut dyn FnMut(Vec<Sel>);

/// How a cell is shown: the format it is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gaya {
    /// Text, top-aligned and wrapped.
    Teks,
    /// A figure kept as text: top- and right-aligned.
    TeksAngka,
    /// A date, `yyyy-mm-dd`.
    Tanggal,
    /// A number with this many decimals.
    Angka(u32),
}

/// What a cell holds as written.
enum Isi<'s> {
    Teks(Cow<'s, str>),
    Angka(f64),
    Tanggal(ExcelDateTime),
}

/// What `sel` is written as, and how it is shown; nothing for a blank (an empty text is
/// blank as well: a spreadsheet keeps no empty string).
fn isi(sel: &Sel) -> Option<(Isi<'_>, Gaya)> {
    Some(match sel {
        Sel::Teks(text) if text.is_empty() => return None,
        Sel::Teks(text) => (Isi::Teks(Cow::Borrowed(within_limit(text))), Gaya::Teks),
        Sel::Angka(value) => match sel_angka(*value) {
            SelAngka::Angka(n) => (Isi::Angka(n), Gaya::Angka(value.scale())),
            SelAngka::Teks(t) => (Isi::Teks(Cow::Owned(t)), Gaya::TeksAngka),
        },
        Sel::Bulat(n) => (Isi::Angka(*n as f64), Gaya::Angka(0)),
        Sel::Tanggal(date) => match excel_date(*date) {
            Some(d) => (Isi::Tanggal(d), Gaya::Tanggal),
            None => (Isi::Teks(Cow::Owned(date.to_string())), Gaya::Teks),
        },
        Sel::Kosong => return None,
    })
}

/// The formats of a workbook, made once: number formats by decimals.
struct Formats {
    header: Format,
    teks: Format,
    teks_angka: Format,
    tanggal: Format,
    angka: HashMap<u32, Format>,
}

impl Formats {
    fn new() -> Formats {
        let top = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new().set_bold().set_text_wrap().set_border_bottom(FormatBorder::Thin),
            teks: top.clone().set_text_wrap(),
            teks_angka: top.clone().set_align(FormatAlign::Right),
            tanggal: top.set_num_format("yyyy-mm-dd"),
            angka: HashMap::new(),
        }
    }

    /// The format of `gaya`; a number's is `#,##0` with `scale` decimals: the value's own
    /// digits, as the pages show them.
    fn of(&mut self, gaya: Gaya) -> &Format {
        match gaya {
            Gaya::Teks => &self.teks,
            Gaya::TeksAngka => &self.teks_angka,
            Gaya::Tanggal => &self.tanggal,
            Gaya::Angka(scale) => self.angka.entry(scale).or_insert_with(|| {
                let decimals =
                    if scale == 0 { String::new() } else { format!(".{}", "0".repeat(scale as usize)) };
                Format::new().set_align(FormatAlign::Top).set_num_format(format!("#,##0{decimals}"))
            }),
        }
    }
}

/// The workbook of `tahun`, as bytes.
pub(super) fn workbook(p: &Presenter, tahun: i32) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&properties(p, tahun)?);
    // Level 1 of zlib's 1–9, the fastest (the crate's default is 6): at 5,000 indicators the
    // workbook is 3.3 MB against 2.8 MB at level 2 before its texts were shared, and at 500
    // its compression takes 33 M instructions instead of 61 M.
    book.set_zip_compression_level(1);
    let mut formats = Formats::new();
    for sheet in sheets::sheets(p, tahun) {
        write_sheet(book.add_worksheet_with_low_memory()?, &sheet, &mut formats)?;
    }
    book.save_to_buffer()
}

fn properties(p: &Presenter, tahun: i32) -> Result<DocProperties, XlsxError> {
    let as_of = p.ledger.as_of;
    let created = excel_date(as_of).unwrap_or(ExcelDateTime::from_ymd(1900, 1, 1)?);
    let instansi = p.site.sakip.as_ref().map(|s| s.instansi.nama.id.clone()).unwrap_or_default();
    Ok(DocProperties::new()
        .set_title(format!("Pengukuran Kinerja {tahun}"))
        .set_author(&instansi)
        .set_company(instansi)
        .set_comment(format!("Dibuat oleh sakip-site; tanggal acuan {as_of}"))
        .set_creation_datetime(&created))
}

fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, formats: &mut Formats) -> Result<(), XlsxError> {
    ws.set_name(sheet.nama)?;
    let kolom = columns(sheet);
    for (c, (title, k)) in sheet.kolom.iter().zip(&kolom).enumerate() {
        // A cell written without a format takes its column's: the writer then looks up no
        // format for it (hashing one per cell took a sixth of the workbook's time).
        ws.set_column_format(c as u16, formats.of(k.gaya))?;
        ws.write_string_with_format(0, c as u16, *title, &formats.header)?;
    }
    let header: Vec<Sel> = sheet.kolom.iter().map(|k| Sel::Teks(k.to_string())).collect();
    fit_height(ws, 0, &header, &kolom)?;
    let (mut r, mut result) = (0, Ok(()));
    (sheet.baris)(&mut |row| {
        r += 1;
        if result.is_ok() {
            result = write_row(ws, r, &row, &kolom, formats);
        }
    });
    result?;
    for (c, k) in kolom.iter().enumerate() {
        ws.set_column_width(c as u16, k.lebar as u16 + 2)?;
    }
    ws.set_freeze_panes(1, 0)?;
    // Printed, a sheet is A4 landscape, one page wide, with its header on every page.
    ws.set_paper_size(A4).set_landscape().set_print_fit_to_pages(1, 0).set_repeat_rows(0, 0)?;
    Ok(())
}

fn write_row(
    ws: &mut Worksheet,
    r: u32,
    row: &[Sel],
    kolom: &[Kolom],
    formats: &mut Formats,
) -> Result<(), XlsxError> {
    for (c, (sel, k)) in row.iter().zip(kolom).enumerate() {
        write_cell(ws, r, c as u16, sel, k.gaya, formats)?;
    }
    fit_height(ws, r, row, kolom)
}

/// Excel's paper size code of A4.
const A4: u8 = 9;

/// A column as written: its width in characters and the style most of its cells have,
/// which becomes the column's own.
struct Kolom {
    lebar: usize,
    gaya: Gaya,
}

/// Each column's width in characters, its widest cell as shown within [`LEBAR`] (a header
/// wraps between its words, so it needs only its longest word's width), and its style: the
/// one most of its cells have (the first of [`Gaya`]'s order on a tie; text when it has none).
fn columns(sheet: &Sheet) -> Vec<Kolom> {
    let mut widths: Vec<usize> =
        sheet.kolom.iter().map(|k| k.split(' ').map(|w| w.chars().count()).max().unwrap_or(0)).collect();
    let mut counts: Vec<Vec<(Gaya, usize)>> = vec![Vec::new(); widths.len()];
    (sheet.baris)(&mut |row| {
        for ((w, count), sel) in widths.iter_mut().zip(&mut counts).zip(&row) {
            *w = (*w).max(shown(sel));
            if let Some((_, gaya)) = isi(sel) {
                match count.iter_mut().find(|(g, _)| *g == gaya) {
                    Some((_, n)) => *n += 1,
                    None => count.push((gaya, 1)),
                }
            }
        }
    });
    let most = |count: Vec<(Gaya, usize)>| {
        count.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map_or(Gaya::Teks, |(g, _)| g)
    };
    widths
        .into_iter()
        .zip(counts)
        .map(|(w, count)| Kolom { lebar: w.clamp(LEBAR.0, LEBAR.1), gaya: most(count) })
        .collect()
}

/// A spreadsheet does not grow a row for its wrapped text by itself in every program, so the
/// row gets the height of its tallest cell, wrapped at its column's width.
fn fit_height(ws: &mut Worksheet, r: u32, row: &[Sel], kolom: &[Kolom]) -> Result<(), XlsxError> {
    let lines = row
        .iter()
        .zip(kolom)
        .map(|(sel, k)| match sel {
            Sel::Teks(text) => wrapped_lines(within_limit(text), k.lebar),
            _ => 1,
        })
        .max()
        .unwrap_or(1);
    if lines > 1 {
        ws.set_row_height(r, TINGGI_BARIS * lines.min(409 / TINGGI_BARIS as usize) as f64)?;
    }
    Ok(())
}

/// The height of one line of text, in points (the default row of the default font).
const TINGGI_BARIS: f64 = 15.0;

/// How many lines `text` takes when wrapped between words at `width` characters.
fn wrapped_lines(text: &str, width: usize) -> usize {
    let width = width.max(1);
    // No line of a text of `width` bytes or fewer is wider than the column (a character takes
    // at least a byte), so most cells are not walked word by word.
    if text.len() <= width {
        return text.lines().count().max(1);
    }
    text.lines().map(|line| line_wrapped(line, width)).sum::<usize>().max(1)
}

/// How many lines one line of text takes when wrapped between words at `width` characters.
fn line_wrapped(line: &str, width: usize) -> usize {
    let (mut lines, mut used) = (1, 0);
    for word in line.split(' ').map(|w| w.chars().count()) {
        if used > 0 && used + 1 + word <= width {
            used += 1 + word;
            continue;
        }
        if used > 0 {
            lines += 1;
        }
        // A word longer than the column fills whole lines of its own.
        let full = word.saturating_sub(1) / width;
        lines += full;
        used = word - full * width;
    }
    lines
}

/// How many characters `sel` shows on its widest line.
fn shown(sel: &Sel) -> usize {
    match sel {
        Sel::Teks(text) => within_limit(text).lines().map(|l| l.chars().count()).max().unwrap_or(0),
        Sel::Angka(value) => angka_len(*value),
        Sel::Bulat(n) => angka_len(Decimal::from(*n)),
        Sel::Tanggal(_) => "yyyy-mm-dd".len(),
        Sel::Kosong => 0,
    }
}

/// How many characters [`angka`] writes for `value`, counted without writing it: a sign, the
/// integer digits (at least one) with a group mark between each three, then the decimal mark
/// and `scale` digits.
fn angka_len(value: Decimal) -> usize {
    let scale = value.scale() as usize;
    let digits = value.mantissa().unsigned_abs().checked_ilog10().map_or(1, |d| d as usize + 1);
    let integer = digits.saturating_sub(scale).max(1);
    let sign = usize::from(value.is_sign_negative() && !value.is_zero());
    sign + integer + (integer - 1) / 3 + if scale > 0 { 1 + scale } else { 0 }
}

/// Write `sel` at row `r`, column `c`: without a format when it is shown as its column
/// (`kolom`) is, so that it takes the column's.
fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    sel: &Sel,
    kolom: Gaya,
    formats: &mut Formats,
) -> Result<(), XlsxError> {
    let Some((isi, gaya)) = isi(sel) else { return Ok(()) };
    let format = (gaya != kolom).then(|| formats.of(gaya));
    match (isi, format) {
        (Isi::Teks(t), None) => ws.write_string(r, c, t),
        (Isi::Teks(t), Some(f)) => ws.write_string_with_format(r, c, t, f),
        (Isi::Angka(n), None) => ws.write_number(r, c, n),
        (Isi::Angka(n), Some(f)) => ws.write_number_with_format(r, c, n, f),
        (Isi::Tanggal(d), None) => ws.write_datetime(r, c, d),
        (Isi::Tanggal(d), Some(f)) => ws.write_datetime_with_format(r, c, d, f),
    }?;
    Ok(())
}

/// `text` cut to what a cell holds, on a character boundary (the page has the whole text; only
/// a finding or a recommendation of that length could reach the limit).
fn within_limit(text: &str) -> &str {
    // No more bytes than the limit, no more characters: most cells are not walked at all.
    if text.len() <= MAX_TEKS {
        return text;
    }
    match text.char_indices().nth(MAX_TEKS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn a_figure_is_a_number_only_when_it_reads_back_exactly() {
        // 75 triliun is 75 × 10^12 < 2^53, so its f64 is exact.
        assert_eq!(sel_angka(d("75000000000000")), SelAngka::Angka(75_000_000_000_000.0));
        // 82,50 is stored as 82.5, which is the same decimal; the cell format shows 82,50.
        assert_eq!(sel_angka(d("82.50")), SelAngka::Angka(82.5));
        // 0,1 is stored as the f64 whose shortest form is "0.1": the same decimal again.
        assert_eq!(sel_angka(d("0.1")), SelAngka::Angka(0.1));
        assert_eq!(sel_angka(d("-2.5")), SelAngka::Angka(-2.5));
        assert_eq!(sel_angka(d("-0.00")), SelAngka::Angka(0.0));
        // 20 significant digits: the nearest f64 is 12345678901234567168, which is not it.
        assert_eq!(sel_angka(d("12345678901234567890")), SelAngka::Teks("12.345.678.901.234.567.890".into()));
        // 17 significant digits with decimals: 75.123.456.789.012,345 has no f64 of its own.
        assert_eq!(sel_angka(d("75123456789012.345")), SelAngka::Teks("75.123.456.789.012,345".into()));
        // 2^53 + 1 is the first integer an f64 cannot hold.
        assert_eq!(sel_angka(d("9007199254740993")), SelAngka::Teks("9.007.199.254.740.993".into()));
    }

    #[test]
    fn a_short_figure_takes_the_same_number_without_its_text() {
        // The quick path and the long one agree, bit for bit, on figures of up to 15 digits
        // at every scale it takes: the largest, the smallest, negatives, zeros, decimals an
        // f64 cannot hold exactly (0,1; 0,3), and the longest scale.
        let figures = [
            "0",
            "-0.00",
            "1",
            "-1",
            "0.1",
            "0.3",
            "82.50",
            "19.73",
            "99.98",
            "-2.5",
            "33.33",
            "75000000000000",
            "999999999999999",
            "-999999999999999",
            "0.000000000000001",
            "123456789.012345",
            "0.0000000000000000000001",
            "9999999999999.99",
            "1.0000000000000",
        ];
        for text in figures {
            let value = d(text);
            let quick = exact_f64(value).unwrap_or_else(|| panic!("{text} has 15 digits or fewer"));
            match sel_angka_by_text(value) {
                SelAngka::Angka(slow) => assert_eq!(quick.to_bits(), slow.to_bits(), "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
        // 16 digits, or a scale past 10^22, go the long way.
        assert_eq!(exact_f64(d("1000000000000000")), None);
        assert_eq!(exact_f64(d("0.00000000000000000000001")), None);
        assert_eq!(sel_angka(d("1000000000000000")), SelAngka::Angka(1e15));
    }

    proptest! {
        #[test]
        fn any_figure_of_15_digits_takes_the_number_its_text_gives(
            mantissa in -999_999_999_999_999i64..=999_999_999_999_999, scale in 0u32..=22,
        ) {
            let value = Decimal::new(mantissa, scale);
            let slow = match sel_angka_by_text(value) {
                SelAngka::Angka(f) => f.to_bits(),
                SelAngka::Teks(t) => panic!("{value} became text {t}"),
            };
            prop_assert_eq!(exact_f64(value).map(f64::to_bits), Some(slow));
        }
    }

    #[test]
    fn a_figure_is_as_wide_as_it_is_written() {
        for text in ["0", "-0.00", "7", "-7", "999", "1000", "-1234567.5", "0.05", "-0.001", "82.50"] {
            assert_eq!(angka_len(d(text)), angka(d(text), Lang::Id).chars().count(), "{text}");
        }
    }

    proptest! {
        #[test]
        fn any_figure_is_as_wide_as_it_is_written(mantissa in any::<i64>(), scale in 0u32..=28) {
            let value = Decimal::new(mantissa, scale);
            prop_assert_eq!(angka_len(value), angka(value, Lang::Id).chars().count(), "{}", value);
        }

        #[test]
        fn short_texts_wrap_as_counted_word_by_word(text in "[a-z é\n]{0,20}", width in 1usize..25) {
            let word_by_word = text.lines().map(|l| line_wrapped(l, width)).sum::<usize>().max(1);
            prop_assert_eq!(wrapped_lines(&text, width), word_by_word);
        }
    }

    #[test]
    fn text_wraps_between_words_and_long_words_take_whole_lines() {
        assert_eq!(wrapped_lines("aaa bbb ccc", 7), 2);
        assert_eq!(wrapped_lines("aaa bbb ccc", 11), 1);
        assert_eq!(wrapped_lines("a\nb", 10), 2);
        assert_eq!(wrapped_lines("", 10), 1);
        // 130 characters at 60 a line: 60 + 60 + 10, and "x" fits after the last 10.
        assert_eq!(wrapped_lines(&format!("{} x", "w".repeat(130)), 60), 3);
    }

    #[test]
    fn long_text_is_cut_to_the_cell_limit_on_a_character() {
        let long = "é".repeat(MAX_TEKS + 5);
        assert_eq!(within_limit(&long).chars().count(), MAX_TEKS);
        assert_eq!(within_limit("pendek"), "pendek");
        // Exactly the limit is kept whole, in one-byte and in two-byte characters.
        let (ascii, wide) = ("a".repeat(MAX_TEKS), "é".repeat(MAX_TEKS));
        assert_eq!(within_limit(&ascii), ascii);
        assert_eq!(within_limit(&wide), wide);
    }
}
