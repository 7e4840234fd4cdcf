//! What a report is made of, as the one typst template (`typ/report.typ`) reads it: a cover,
//! then blocks (headings, paragraphs, tables, facts, charts, signatures). Every figure is
//! already formatted text here (Indonesian, by `present::format`); the template only places
//! strings, so it neither computes a figure nor can content smuggle typst code into it (the
//! data travels as JSON and typst shows strings as text).

use serde::Serialize;

use crate::content::model::Kepala;

/// A report.
#[derive(Debug, Serialize)]
pub struct Document {
    /// The PDF's title (metadata, and the running header).
    pub title: String,
    /// The agency, short, for the running header (`DPMPTSP Kabupaten Purwakarta`).
    pub running: String,
    /// The agency (metadata author, and the running header).
    pub author: String,
    /// The as-of date: the document date.
    pub date: DateParts,
    /// A cover page.
    pub cover: Option<Cover>,
    /// A table of contents after the cover.
    pub outline: bool,
    /// Printed at the foot of every page when the figures are sample data.
    pub sample_note: Option<String>,
    /// The content.
    pub blocks: Vec<Block>,
}

/// A date for typst's `datetime`.
#[derive(Debug, Serialize, Clone, Copy)]
pub struct DateParts {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day.
    pub day: u32,
}

/// The cover: lines from the top, and the head of agency at the foot.
#[derive(Debug, Serialize)]
pub struct Cover {
    /// Small line above the title (the government).
    pub kicker: String,
    /// The title, one line each.
    pub title: Vec<String>,
    /// The year, large.
    pub year: String,
    /// The agency, one line each.
    pub agency: Vec<String>,
    /// Address and contact.
    pub address: Vec<String>,
}

/// A person who signs.
#[derive(Debug, Serialize, Clone, Default)]
pub struct Person {
    /// Role line above the signature (`Kepala Dinas …`).
    pub jabatan: String,
    /// Name; empty leaves a line to write it.
    pub nama: String,
    /// Rank.
    pub pangkat: Option<String>,
    /// NIP.
    pub nip: Option<String>,
}

impl Person {
    /// The head of agency from `sakip.yaml`, or a blank line to sign on.
    pub fn kepala(kepala: Option<&Kepala>, jabatan: String) -> Person {
        Person {
            jabatan,
            nama: kepala.map(|k| k.nama.clone()).unwrap_or_default(),
            pangkat: kepala.and_then(|k| k.pangkat.clone()),
            nip: kepala.and_then(|k| k.nip.clone()),
        }
    }
}

/// A run of text in a paragraph.
#[derive(Debug, Serialize, Clone)]
pub struct Run {
    /// The words.
    pub text: String,
    /// Bold.
    pub strong: bool,
    /// Italic.
    pub emph: bool,
}

impl Run {
    /// Plain words.
    pub fn plain(text: impl Into<String>) -> Run {
        Run { text: text.into(), strong: false, emph: false }
    }
}

/// How a table column is aligned.
#[derive(Debug, Serialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Text.
    Left,
    /// Figures.
    Right,
    /// Short codes.
    Center,
}

/// A table column: header, share of the width (0 = as wide as its content) and alignment.
#[derive(Debug, Serialize, Clone)]
pub struct Column {
    /// Header text.
    pub header: String,
    /// Width in shares of the free space; 0 for `auto`.
    pub share: u32,
    /// Alignment.
    pub align: Align,
    /// For a column of share 0 in a long table: its fixed width in hundredths of an em of the
    /// table's text (see [`fix_widths`]); 0 leaves it `auto`.
    pub width: usize,
}

/// The most rows a table has whose share-0 columns typst sizes itself (`auto`). A longer
/// table's share-0 columns get a fixed width instead: measuring every cell of an `auto` column
/// before the layout was about 15 % of the layout of a table of 500 rows. The bundled example
/// and the reports of up to 20 IKU stay below it.
pub const AUTO_WIDTH_ROWS: usize = 20;

/// The width of a page's text (A4 less the template's margins, 16.2 cm = 459 pt, ≈ 51 em of the
/// table's 9-pt text) less 12 em for its text columns, in hundredths of an em, each column's
/// 8-pt inset included: fixed columns wider than that together would crowd the text columns
/// or run off the page (a long id in a code column), so such a table keeps `auto`, which typst
/// fits to the page. The widest at 5,000 indicators take ≈ 37 em and stay fixed.
const FIXED_WIDTHS_MAX: usize = 459 * 100 / 9 - 1200;

/// The 8-pt inset the template adds to a fixed column, in hundredths of an em of 9-pt text.
const INSET: usize = 800 / 9 + 1;

/// Fix the width of every share-0 column of every table longer than [`AUTO_WIDTH_ROWS`] rows
/// to what `auto` would give: the widest line of its cells or the widest word of its bold
/// header (a header may wrap between words), measured with the template's font
/// ([`super::engine::width`]), and a twentieth of an em of room for rounding.
pub fn fix_widths(blocks: &mut [Block]) {
    for block in blocks {
        let Block::Table { columns, rows, .. } = block else { continue };
        if rows.len() <= AUTO_WIDTH_ROWS {
            continue;
        }
        let count = columns.len();
        for (n, column) in columns.iter_mut().enumerate().filter(|(_, c)| c.share == 0) {
            let header = column.header.split_whitespace().map(|w| super::engine::width(w, true)).max();
            // A group header spans the table: it widens no column.
            let cells = rows.iter().filter(|r| !is_group(r, count)).filter_map(|r| r.get(n));
            let cells = cells.flat_map(|c| c.split('\n'));
            let widest = cells.map(|line| super::engine::width(line, false)).max();
            column.width = header.unwrap_or_default().max(widest.unwrap_or_default()) + 5;
        }
        let fixed: usize = columns.iter().filter(|c| c.width > 0).map(|c| c.width + INSET).sum();
        if fixed > FIXED_WIDTHS_MAX {
            columns.iter_mut().for_each(|c| c.width = 0);
        }
    }
}

/// The group header row `text` of a table (a sasaran above its IKU): one cell that spans the
/// table. Written once above its rows instead of in a column of every row, where a sasaran
/// wrapped over four or five lines of each row.
pub fn group(text: String) -> Vec<String> {
    vec![text]
}

/// Whether `row` of a table of `columns` columns is a [`group`] header.
fn is_group(row: &[String], columns: usize) -> bool {
    row.len() == 1 && columns > 1
}

/// A column of text taking `share` of the free width.
pub fn text_col(header: &str, share: u32) -> Column {
    Column { header: header.to_string(), share, align: Align::Left, width: 0 }
}

/// A column of figures, as wide as its widest figure.
pub fn num_col(header: &str) -> Column {
    Column { header: header.to_string(), share: 0, align: Align::Right, width: 0 }
}

/// A short centred column (a number, a quarter).
pub fn code_col(header: &str) -> Column {
    Column { header: header.to_string(), share: 0, align: Align::Center, width: 0 }
}

/// A column of a few words that should not wrap (a predicate, a status).
pub fn word_col(header: &str) -> Column {
    Column { header: header.to_string(), share: 0, align: Align::Left, width: 0 }
}

/// One piece of a report.
#[derive(Debug, Serialize, Clone)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// A heading; level 1 starts a new page. Headings of level 1 and 2 are in the outline.
    Heading {
        /// 1–3.
        level: u8,
        /// Words, numbering included (`BAB I PENDAHULUAN`).
        text: String,
        /// A second line under a level-1 heading (the agency under a document's title).
        sub: Option<String>,
    },
    /// A paragraph.
    Para {
        /// Its runs.
        runs: Vec<Run>,
    },
    /// A bulleted list.
    List {
        /// One paragraph per item.
        items: Vec<Vec<Run>>,
    },
    /// A table whose header repeats on every page it spans.
    Table {
        /// The caption above it (`Tabel 3.1 …`).
        caption: String,
        /// Columns.
        columns: Vec<Column>,
        /// Cells, row by row. A row of one cell in a table of several columns is a group
        /// header ([`group`]): its text spans the table, in bold, above the rows of its group.
        rows: Vec<Vec<String>>,
        /// A note under the table.
        note: Option<String>,
    },
    /// Label–value pairs, kept together on one page.
    Facts {
        /// Pairs.
        items: Vec<(String, String)>,
    },
    /// A chart (an SVG file of the job) with its text alternative.
    Chart {
        /// Virtual path of the SVG.
        path: String,
        /// Text alternative.
        alt: String,
        /// Caption under it.
        caption: String,
        /// Its texts, set by typst over the SVG, which then has none ([`super::labels`]).
        labels: Option<super::labels::Labels>,
    },
    /// Charts two to a row (the quarterly report's one chart per IKU), each a [`Block::Chart`].
    Gallery {
        /// The charts, in reading order.
        charts: Vec<Block>,
    },
    /// The place and date line and two signature blocks side by side.
    Signatures {
        /// Place and date, above the right-hand block.
        place_date: String,
        /// Left block (the superior: `PIHAK KEDUA`), if any.
        left: Option<Person>,
        /// Caption of the left block.
        left_label: String,
        /// Right block (the one who promises: `PIHAK PERTAMA`).
        right: Person,
        /// Caption of the right block.
        right_label: String,
    },
}

/// A paragraph of plain words.
pub fn para(text: impl Into<String>) -> Block {
    Block::Para { runs: vec![Run::plain(text)] }
}

/// A heading.
pub fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading { level, text: text.into(), sub: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: usize) -> Block {
        let row = |n: usize| vec![format!("IKU-{n}"), "Rp 1,20 triliun\nkum. 7".to_string()];
        Block::Table {
            caption: "Tabel".into(),
            columns: vec![text_col("Indikator", 1), num_col("Target\nakhir")],
            rows: (0..rows).map(row).collect(),
            note: None,
        }
    }

    fn widths(block: &Block) -> Vec<usize> {
        let Block::Table { columns, .. } = block else { return Vec::new() };
        columns.iter().map(|c| c.width).collect()
    }

    #[test]
    fn a_long_table_has_its_figure_columns_as_wide_as_their_widest_line() {
        let mut blocks = vec![table(AUTO_WIDTH_ROWS), table(AUTO_WIDTH_ROWS + 1)];
        fix_widths(&mut blocks);
        // Up to the limit typst sizes the columns (the example's tables stay as they were).
        assert_eq!(widths(&blocks[0]), [0, 0]);
        // Above it the figure column is fixed at its widest line, "Rp 1,20 triliun" (not the
        // whole cell with "kum. 7", nor the header word "Target"), plus 5 for rounding; the
        // text column keeps its share.
        let line = super::super::engine::width("Rp 1,20 triliun", false);
        assert!(line > super::super::engine::width("Target", true), "{line}");
        assert!(line < super::super::engine::width("Rp 1,20 triliun kum. 7", false), "{line}");
        assert_eq!(widths(&blocks[1]), [0, line + 5]);
    }

    #[test]
    fn a_group_header_row_widens_no_column_of_a_long_table() {
        // Tabel 3.1's lead: a number column, then the indicator.
        let numbered = |rows: usize| Block::Table {
            caption: "Tabel".into(),
            columns: vec![code_col("No"), text_col("Indikator", 1)],
            rows: (1..=rows).map(|n| vec![n.to_string(), format!("IKU-{n}")]).collect(),
            note: None,
        };
        let mut plain = vec![numbered(AUTO_WIDTH_ROWS + 1)];
        let mut grouped = vec![numbered(AUTO_WIDTH_ROWS + 1)];
        let Block::Table { rows, .. } = &mut grouped[0] else { return };
        // A sasaran far wider than "21", the number column's widest cell, in its first cell.
        rows.insert(0, group("Sasaran strategis S1: Meningkatnya Realisasi Investasi PMA dan PMDN".into()));
        fix_widths(&mut plain);
        fix_widths(&mut grouped);
        // "No" stays as wide as its header word or "21", whichever is wider.
        let no = super::super::engine::width("No", true).max(super::super::engine::width("21", false));
        assert_eq!(widths(&plain[0]), [no + 5, 0]);
        assert_eq!(widths(&grouped[0]), widths(&plain[0]));
    }

    #[test]
    fn a_long_table_whose_fixed_columns_would_crowd_the_page_keeps_auto() {
        let mut blocks = vec![table(AUTO_WIDTH_ROWS + 1)];
        let Block::Table { rows, .. } = &mut blocks[0] else { return };
        // An id of 100 characters in the figure column: ≈ 50 em, wider than the page's text
        // (≈ 51 em at 9 pt).
        rows[3][1] = "X".repeat(100);
        fix_widths(&mut blocks);
        assert_eq!(widths(&blocks[0]), [0, 0]);
    }
}
