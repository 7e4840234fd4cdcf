//! Long lists in the PDFs (docs/reports.md, "Long lists"): every IKU is shown in full and in
//! detail, but a table of cascading indicators, rencana aksi entries, evidence or budget lines
//! that would run longer than [`LIMIT`] rows is replaced by one row per programme that counts
//! them, after a sentence naming where every row is (the year's workbook, the open data). So a
//! report stays readable, and quick to make, at thousands of indicators.

use std::collections::BTreeMap;

use super::Ctx;
use super::doc::{Block, Column, num_col, para, text_col};
use crate::content::model::Kegiatan;

/// The most rows such a table has before it becomes a summary per programme. The example and
/// every test fixture stay below it.
pub const LIMIT: usize = 200;

/// The most IKU whose sections in BAB III B of the LKjIP each have the table of the IKU's
/// quarters. Above it the annual report leaves the quarters to the quarterly reports and says
/// so once: at 500 IKU those 500 tables were about half of the LKjIP's layout time (3.3 of
/// 6.4 CPU-seconds) and 5.7 MB of its file. Above it too, each IKU's comparison with earlier
/// years is a sentence (`bab3`) and a quarterly report charts only the IKU below target
/// (`triwulan`).
pub const IKU_QUARTERS_LIMIT: usize = 20;

/// Whether `count` IKU are more than [`IKU_QUARTERS_LIMIT`]: the one test of every rule that
/// shortens a report of many IKU (the LKjIP's BAB II and III and summary, the quarterly
/// reports' charts and projection).
pub fn many_iku(count: usize) -> bool {
    count > IKU_QUARTERS_LIMIT
}

/// The programmes of `cascading.yaml` and which one holds each cascading indicator and unit.
pub struct Programmes<'a> {
    list: Vec<&'a Kegiatan>,
    indicator: BTreeMap<&'a str, usize>,
    unit: BTreeMap<&'a str, usize>,
}

impl<'a> Programmes<'a> {
    /// The programmes of the site, in file order.
    pub fn new(ctx: &Ctx<'a>) -> Programmes<'a> {
        fn walk<'a>(unit: &'a Kegiatan, n: usize, out: &mut Programmes<'a>) {
            out.unit.entry(unit.kode.value.as_str()).or_insert(n);
            for i in &unit.indikator {
                out.indicator.entry(i.id.value.as_str()).or_insert(n);
            }
            unit.anak.iter().for_each(|c| walk(c, n, out));
        }
        let mut out = Programmes { list: Vec::new(), indicator: BTreeMap::new(), unit: BTreeMap::new() };
        for p in ctx.p.site.cascading.iter().flat_map(|c| &c.program) {
            let n = out.list.len();
            out.list.push(&p.unit);
            walk(&p.unit, n, &mut out);
        }
        out
    }

    /// The programme (index) that holds the cascading indicator `id`; `None` for an IKU.
    pub fn of_indicator(&self, id: &str) -> Option<usize> {
        self.indicator.get(id).copied()
    }

    /// The programme (index) that holds the programme, kegiatan or sub-kegiatan `kode`.
    pub fn of_unit(&self, kode: &str) -> Option<usize> {
        self.unit.get(kode).copied()
    }

    /// An empty tally of `categories` counts per programme.
    pub fn tally(&self, categories: usize) -> Tally {
        Tally { counts: vec![vec![0; categories]; self.list.len()], rows: 0 }
    }
}

/// Counts per programme, one per category, of the rows a summary stands for.
pub struct Tally {
    counts: Vec<Vec<usize>>,
    /// The rows counted.
    pub rows: usize,
}

impl Tally {
    /// Count one row of programme `n` in `category`.
    pub fn add(&mut self, n: usize, category: usize) {
        self.add_to(n, category, 1);
        self.rows += 1;
    }

    /// Add `amount` to `category` of programme `n` without counting a row.
    pub fn add_to(&mut self, n: usize, category: usize, amount: usize) {
        if let Some(c) = self.counts.get_mut(n).and_then(|c| c.get_mut(category)) {
            *c += amount;
        }
    }

    /// The count of programme `n` in `category`.
    pub fn count(&self, n: usize, category: usize) -> usize {
        self.counts.get(n).and_then(|c| c.get(category)).copied().unwrap_or_default()
    }

    /// Whether the rows counted are more than a table may have.
    pub fn too_long(&self) -> bool {
        self.rows > LIMIT
    }
}

/// What a summary replaces and where the full list is.
pub struct Summary<'s> {
    /// What its rows are, plural (`indikator cascading`).
    pub what: &'s str,
    /// Where every row is (`buku kerja …, lembar …, dan data/capaian.csv`).
    pub sources: String,
    /// The headers of the counts.
    pub headers: &'s [&'s str],
    /// What the counts mean.
    pub note: Option<String>,
}

/// After a table captioned `table` that lists the IKU only because its cascading rows are too
/// many: their summary per programme; nothing when the table lists them all.
pub fn after(programmes: &Programmes, tally: &Tally, table: &str, s: Summary) -> Vec<Block> {
    if !tally.too_long() {
        return Vec::new();
    }
    summary(programmes, tally, format!("{table}: indikator cascading per program"), s)
}

/// The sentence and the table of a summary per programme captioned `caption`: one row per
/// programme with a count.
pub fn summary(programmes: &Programmes, tally: &Tally, caption: String, s: Summary) -> Vec<Block> {
    let sentence = format!(
        "Tabel ini merangkum {} {} per program karena daftarnya lebih dari {LIMIT} baris; setiap baris ada \
         pada {}.",
        tally.rows, s.what, s.sources
    );
    let rows = programmes
        .list
        .iter()
        .zip(&tally.counts)
        .filter(|(_, c)| c.iter().any(|n| *n > 0))
        .map(|(p, c)| {
            let mut cells = vec![format!("{} {}", p.kode.value, p.nama.id)];
            cells.extend(c.iter().map(usize::to_string));
            cells
        })
        .collect();
    let mut columns: Vec<Column> = vec![text_col("Program", 3)];
    columns.extend(s.headers.iter().map(|h| num_col(h)));
    vec![para(sentence), Block::Table { caption, columns, rows, note: s.note }]
}

/// Where a sheet of the year's workbook is, in words.
pub fn workbook(ctx: &Ctx, sheet: &str) -> String {
    let t = ctx.tahun;
    format!("buku kerja unduh/{t}/pengukuran-kinerja-{t}.xlsx (lembar \"{sheet}\")")
}

/// Where every evidence row is when a table of them is counted: the workbook's evidence sheet
/// and the open data's `bukti.csv` (the LKjIP's Lampiran 2 and the quarterly Tabel 3).
pub fn evidence_sources(ctx: &Ctx) -> String {
    format!("{} dan data/bukti.csv", workbook(ctx, "Matriks bukti"))
}
