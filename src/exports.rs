//! The open-data exports of SPEC §5.3: `data/capaian.csv`, `data/capaian.json`,
//! `data/tindak-lanjut.csv`, `data/pelaporan.csv`, `data/ikm.csv`, `data/bukti.csv`,
//! `data/proyeksi.csv` and a Frictionless
//! `data/datapackage.json` describing them.
//!
//! Exports read the ledger only. Numbers are plain decimals with `.` and no grouping; targets and
//! realisations keep the digits they were written with; percentages have two decimals; a cell
//! that does not apply is empty (`null` in JSON).

use std::borrow::Cow;

use serde_json::{Value, json};

use crate::compute::{
    FollowUpStatus, Ledger, MutuIkm, Periode, ReportStatus, Row, StatusProyeksi, Validation,
};
use crate::content::model::StatusValidasi;
use crate::content::reader::Choice;
use crate::number::{Target, plain};
use crate::output::Sink;

/// What a column holds. It gives the column's Frictionless type and decides whether its cells
/// are text a spreadsheet could take for a formula (see [`neutralise`]).
enum Kind {
    Text,
    /// Text from a closed list of words, written by the type that owns them.
    Words(Vec<String>),
    Number,
    Integer,
    Date,
}

struct Column {
    name: &'static str,
    kind: Kind,
}

/// One CSV export: its file stem, its title in the data package and its columns in order. The
/// header, the data package schema and the spreadsheet-safety rule all read this one list, so
/// they cannot drift apart.
struct Table {
    name: &'static str,
    title: &'static str,
    columns: Vec<Column>,
}

const NRR_COLUMNS: [&str; 9] =
    ["nrr_u1", "nrr_u2", "nrr_u3", "nrr_u4", "nrr_u5", "nrr_u6", "nrr_u7", "nrr_u8", "nrr_u9"];

fn col(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

fn words<'a>(list: impl IntoIterator<Item = &'a str>) -> Kind {
    Kind::Words(list.into_iter().map(str::to_string).collect())
}

/// `sah`, `dikoreksi`, `ditolak`, `belum`.
fn validation_words() -> Kind {
    words(StatusValidasi::ALL.iter().map(|(word, _)| *word).chain([Validation::BELUM]))
}

fn capaian_table() -> Table {
    let periods: Vec<String> =
        (1..=4).map(Periode::Triwulan).chain([Periode::Tahunan]).map(Periode::label).collect();
    Table {
        name: "capaian",
        title: "Capaian kinerja per indikator, tahun dan periode",
        columns: vec![
            col("indikator", Kind::Text),
            col("tahun", Kind::Integer),
            col("periode", Kind::Words(periods)),
            col("target", Kind::Number),
            col("realisasi", Kind::Number),
            col("realisasi_kumulatif", Kind::Number),
            col("capaian", Kind::Number),
            col("capaian_tervalidasi", Kind::Number),
            col("status_validasi", validation_words()),
            col("predikat", Kind::Text),
            col("target_min", Kind::Number),
            col("target_maks", Kind::Number),
            col("target_awal", Kind::Number),
        ],
    }
}

fn tindak_lanjut_table() -> Table {
    Table {
        name: "tindak-lanjut",
        title: "Tindak lanjut rekomendasi evaluasi (batas 60 hari)",
        columns: vec![
            col("evaluasi", Kind::Text),
            col("rekomendasi", Kind::Text),
            col("diterima", Kind::Date),
            col("batas_waktu", Kind::Date),
            col("status", words(FollowUpStatus::ALL.iter().map(|s| s.label()))),
            col("selesai", Kind::Date),
            col("terlambat_hari", Kind::Integer),
        ],
    }
}

fn pelaporan_table() -> Table {
    Table {
        name: "pelaporan",
        title: "Kalender pelaporan dan evaluasi kinerja",
        columns: vec![
            col("tahun", Kind::Integer),
            col("laporan", Kind::Text),
            col("batas_waktu", Kind::Date),
            col("tanggal", Kind::Date),
            col("status", words(ReportStatus::ALL.iter().map(|s| s.label()))),
            col("terlambat_hari", Kind::Integer),
        ],
    }
}

fn ikm_table() -> Table {
    let mut columns =
        vec![col("tahun", Kind::Integer), col("periode", Kind::Text), col("responden", Kind::Integer)];
    columns.extend(NRR_COLUMNS.iter().map(|name| col(name, Kind::Number)));
    columns.push(col("ikm", Kind::Number));
    columns.push(col("mutu", words(MutuIkm::ALL.iter().map(|m| m.huruf()))));
    Table { name: "ikm", title: "Indeks Kepuasan Masyarakat per survei", columns }
}

fn bukti_table() -> Table {
    Table {
        name: "bukti",
        title: "Matriks data dukung per indikator, triwulan dan jenis",
        columns: vec![
            col("tahun", Kind::Integer),
            col("triwulan", Kind::Integer),
            col("indikator", Kind::Text),
            col("jenis", Kind::Text),
            col("wajib", words(YA_TIDAK)),
            col("disampaikan", words(YA_TIDAK)),
            col("status_validasi", validation_words()),
        ],
    }
}

fn proyeksi_table() -> Table {
    Table {
        name: "proyeksi",
        title: "Proyeksi akhir tahun bila laju sama, setelah TW1–TW3",
        columns: vec![
            col("tahun", Kind::Integer),
            col("setelah", words(["TW1", "TW2", "TW3"])),
            col("indikator", Kind::Text),
            col("proyeksi", Kind::Number),
            col("capaian_proyeksi", Kind::Number),
            col("status", words(StatusProyeksi::ALL.iter().map(|s| s.word()))),
        ],
    }
}

const YA_TIDAK: [&str; 2] = ["ya", "tidak"];

fn ya_tidak(yes: bool) -> Option<String> {
    Some(YA_TIDAK[usize::from(!yes)].to_string())
}

/// Add every export to `out` under `data/`; `licence` is the open data's (`situs.lisensi`).
/// Rows are made one at a time and written at once into the file's text, so no table is
/// ever held as cells beside its text (`capaian` has a row per indicator × year × period).
pub fn write(ledger: &Ledger, title: &str, licence: &str, out: &dyn Sink) {
    let capaian = capaian_table();
    let (mut csv_text, mut json) = (Csv::new(&capaian), JsonRecords::default());
    for cells in capaian_rows(ledger) {
        csv_text.row(&capaian, &cells);
        json.record(&capaian, &cells);
    }
    out.add("data/capaian.json", &json.finish());
    out.add("data/capaian.csv", &csv_text.finish());
    let others: [(Table, Rows); 5] = [
        (tindak_lanjut_table(), Box::new(tindak_lanjut_rows(ledger))),
        (pelaporan_table(), Box::new(pelaporan_rows(ledger))),
        (ikm_table(), Box::new(ikm_rows(ledger))),
        (bukti_table(), Box::new(bukti_rows(ledger))),
        (proyeksi_table(), Box::new(proyeksi_rows(ledger))),
    ];
    let mut tables = vec![capaian];
    for (table, rows) in others {
        out.add(&format!("data/{}.csv", table.name), &csv(&table, rows));
        tables.push(table);
    }
    out.add("data/datapackage.json", &datapackage(title, licence, &tables));
}

/// The rows of a table, made as they are written.
type Rows<'a> = Box<dyn Iterator<Item = Cells> + 'a>;

/// A cell: `None` is an empty cell.
type Cells = Vec<Option<String>>;

fn capaian_rows(ledger: &Ledger) -> impl Iterator<Item = Cells> + '_ {
    ledger
        .indicators
        .iter()
        .flat_map(move |ind| ind.rows.iter().map(move |row| capaian_row(ledger, &ind.id, row)))
}

fn capaian_row(ledger: &Ledger, id: &str, row: &Row) -> Cells {
    let (target, min, maks) = match row.target {
        Some(Target::Single(t)) => (Some(t), None, None),
        Some(Target::Range { min, maks }) => (None, Some(min), Some(maks)),
        None => (None, None, None),
    };
    let predikat = row.predikat.and_then(|i| ledger.scale.bands.get(i)).map(|b| b.nama.id.clone());
    vec![
        Some(id.to_string()),
        Some(row.tahun.to_string()),
        Some(row.periode.label()),
        target.map(plain),
        row.realisasi.map(plain),
        row.realisasi_kumulatif.map(plain),
        row.capaian.map(plain),
        row.capaian_tervalidasi.map(plain),
        Some(row.validasi.label().to_string()),
        predikat,
        min.map(plain),
        maks.map(plain),
        target_awal(row.target_awal.as_ref()),
    ]
}

/// The original target of a row whose target a PK revision replaced (§2.9): a single figure.
/// A range has no one figure to write in this number column; its bounds are on the indicator's
/// page.
fn target_awal(target: Option<&Target>) -> Option<String> {
    match target {
        Some(Target::Single(t)) => Some(plain(*t)),
        Some(Target::Range { .. }) | None => None,
    }
}

/// The JSON twin keeps every text as written: a program reads it, no spreadsheet evaluates it.
/// An array with one compact object a line: a review or a diff shows each changed record as
/// one changed line, at a fifth of the size of indented JSON.
#[derive(Default)]
struct JsonRecords {
    bytes: Vec<u8>,
}

impl JsonRecords {
    fn record(&mut self, table: &Table, cells: &Cells) {
        self.bytes.extend_from_slice(if self.bytes.is_empty() { b"[\n" } else { b",\n" });
        // Writing into a Vec cannot fail, nor can serialising strings and nulls.
        let _ = serde_json::to_writer(&mut self.bytes, &Object { table, cells });
    }

    fn finish(mut self) -> Vec<u8> {
        self.bytes.extend_from_slice(if self.bytes.is_empty() { b"[]\n" } else { b"\n]\n" });
        self.bytes
    }
}

/// A row as a JSON object keyed by column name, in column order.
struct Object<'a> {
    table: &'a Table,
    cells: &'a Cells,
}

impl serde::Serialize for Object<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.cells.len()))?;
        for (c, v) in self.table.columns.iter().zip(self.cells) {
            map.serialize_entry(c.name, v)?;
        }
        map.end()
    }
}

fn tindak_lanjut_rows(ledger: &Ledger) -> impl Iterator<Item = Cells> + '_ {
    ledger.follow_ups.iter().map(|f| {
        vec![
            Some(f.evaluasi.clone()),
            Some(f.rekomendasi.clone()),
            Some(f.diterima.to_string()),
            Some(f.batas_waktu.to_string()),
            Some(f.status.label().to_string()),
            f.selesai.map(|d| d.to_string()),
            Some(f.terlambat_hari.to_string()),
        ]
    })
}

fn pelaporan_rows(ledger: &Ledger) -> impl Iterator<Item = Cells> + '_ {
    ledger.reports.iter().map(|r| {
        vec![
            Some(r.tahun.to_string()),
            Some(r.laporan.code()),
            Some(r.batas_waktu.to_string()),
            r.tanggal.map(|d| d.to_string()),
            Some(r.status.label().to_string()),
            Some(r.terlambat_hari.to_string()),
        ]
    })
}

fn ikm_rows(ledger: &Ledger) -> impl Iterator<Item = Cells> + '_ {
    ledger.ikm.iter().map(|s| {
        let mut cells =
            vec![Some(s.tahun.to_string()), Some(s.periode.label()), s.responden.map(|r| r.to_string())];
        cells.extend(s.nrr_shown().iter().map(|n| Some(plain(*n))));
        cells.push(Some(plain(s.ikm)));
        cells.push(Some(s.mutu.huruf().to_string()));
        cells
    })
}

/// One row per indicator × quarter × evidence kind, required or supplied.
fn bukti_rows(ledger: &Ledger) -> impl Iterator<Item = Cells> + '_ {
    ledger.bukti.iter().flat_map(|c| {
        c.kinds.iter().map(move |k| {
            vec![
                Some(c.tahun.to_string()),
                Some(c.triwulan.to_string()),
                Some(c.indikator.clone()),
                Some(k.jenis.id.clone()),
                ya_tidak(k.wajib),
                ya_tidak(k.disampaikan),
                Some(c.validasi.label().to_string()),
            ]
        })
    })
}

fn proyeksi_rows(ledger: &Ledger) -> impl Iterator<Item = Cells> + '_ {
    ledger.proyeksi.iter().map(|p| {
        vec![
            Some(p.tahun.to_string()),
            Some(Periode::Triwulan(p.setelah).label()),
            Some(p.indikator.clone()),
            Some(plain(p.proyeksi)),
            p.capaian.map(plain),
            p.status.map(|s| s.word().to_string()),
        ]
    })
}

/// RFC 4180 CSV with `\n` line ends; a field is quoted only when it must be.
fn csv(table: &Table, rows: impl IntoIterator<Item = Cells>) -> Vec<u8> {
    let mut text = Csv::new(table);
    for row in rows {
        text.row(table, &row);
    }
    text.finish()
}

/// The text of a CSV file, a row at a time.
struct Csv {
    text: String,
}

impl Csv {
    /// The header row of `table`.
    fn new(table: &Table) -> Csv {
        let names: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
        Csv { text: names.join(",") + "\n" }
    }

    fn row(&mut self, table: &Table, row: &Cells) {
        for (i, (column, cell)) in table.columns.iter().zip(row).enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            self.text.push_str(&quote(&safe_cell(&column.kind, cell.as_deref().unwrap_or(""))));
        }
        self.text.push('\n');
    }

    fn finish(self) -> Vec<u8> {
        self.text.into_bytes()
    }
}

/// A cell as a spreadsheet may open it. Only free text from the content is neutralised: numbers
/// and dates are left alone, so a negative figure stays a number (its column type, not its first
/// character, says what it is), and the program's own words never start with a formula sign.
fn safe_cell<'a>(kind: &Kind, cell: &'a str) -> Cow<'a, str> {
    match kind {
        Kind::Text => neutralise(cell),
        Kind::Words(_) | Kind::Number | Kind::Integer | Kind::Date => cell.into(),
    }
}

/// The OWASP CSV-injection rule: a text that a spreadsheet would read as a formula (`=`, `+`,
/// `-`, `@`, tab or carriage return first) gets a leading `'`, which the spreadsheet shows as
/// text and does not evaluate. Published data comes from pull requests by many hands.
fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}").into() } else { text.into() }
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// A Frictionless data package: each CSV a `tabular-data-resource` with its full schema, and the
/// JSON twin a plain resource beside them. The package profile is `data-package` because
/// `tabular-data-package` admits only tabular resources, and the JSON twin is part of what is
/// published (docs/computation.md).
fn datapackage(title: &str, licence: &str, tables: &[Table]) -> Vec<u8> {
    let mut resources: Vec<Value> = tables.iter().map(resource).collect();
    resources.insert(
        1,
        json!({
            "name": "capaian-json",
            "title": "Capaian kinerja (JSON; kunci sama dengan capaian.csv, angka sebagai teks)",
            "path": "capaian.json",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
        }),
    );
    let package = json!({
        "profile": "data-package",
        "name": "sakip-kinerja",
        "title": title,
        "licenses": [licence_entry(licence)],
        "resources": resources,
    });
    pretty(&package)
}

/// The package's licence: its name as an identifier (`CC BY 4.0` → `CC-BY-4.0`, the Open
/// Definition and SPDX id) and its words as written; the Creative Commons licences with their
/// address.
fn licence_entry(licence: &str) -> Value {
    let name: String = licence.split_whitespace().collect::<Vec<_>>().join("-");
    let mut entry = json!({ "name": name, "title": licence });
    let cc = name.to_ascii_lowercase();
    if let Some(rest) = cc.strip_prefix("cc-").and_then(|r| r.strip_suffix("-4.0")) {
        entry["path"] = json!(format!("https://creativecommons.org/licenses/{rest}/4.0/"));
    }
    entry
}

fn resource(table: &Table) -> Value {
    let fields: Vec<Value> = table.columns.iter().map(field).collect();
    json!({
        "name": table.name,
        "title": table.title,
        "path": format!("{}.csv", table.name),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": true},
        "schema": {"fields": fields, "missingValues": [""]},
    })
}

fn field(column: &Column) -> Value {
    let name = column.name;
    match &column.kind {
        Kind::Text => json!({"name": name, "type": "string"}),
        Kind::Words(words) => json!({"name": name, "type": "string", "constraints": {"enum": words}}),
        Kind::Number => json!({"name": name, "type": "number", "decimalChar": ".", "groupChar": ""}),
        Kind::Integer => json!({"name": name, "type": "integer"}),
        Kind::Date => json!({"name": name, "type": "date"}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(columns: Vec<Column>) -> Table {
        Table { name: "t", title: "t", columns }
    }

    fn cells(texts: &[&str]) -> Vec<Cells> {
        vec![texts.iter().map(|t| (!t.is_empty()).then(|| t.to_string())).collect()]
    }

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let t = table(vec![col("x", Kind::Text), col("y", Kind::Text), col("z", Kind::Text)]);
        let text = String::from_utf8(csv(&t, cells(&["a,b", "", "say \"hi\""]))).unwrap();
        assert_eq!(text, "x,y,z\n\"a,b\",,\"say \"\"hi\"\"\"\n");
    }

    #[test]
    fn text_that_looks_like_a_formula_is_neutralised_and_figures_are_not() {
        let mut columns: Vec<Column> = ["a", "b", "c", "d", "e", "f", "g"].map(|n| col(n, Kind::Text)).into();
        columns.extend([col("n", Kind::Number), col("i", Kind::Integer)]);
        let row = cells(&["=1+1", "+62", "-R", "@SUM(A1)", "\tx", "\rx", "a-b", "-2.5", "-3"]);
        let text = String::from_utf8(csv(&table(columns), row)).unwrap();
        assert_eq!(text, "a,b,c,d,e,f,g,n,i\n'=1+1,'+62,'-R,'@SUM(A1),'\tx,\"'\rx\",a-b,-2.5,-3\n");
    }

    #[test]
    fn json_has_one_compact_record_a_line() {
        let t = table(vec![col("indikator", Kind::Text), col("capaian", Kind::Number)]);
        let mut json = JsonRecords::default();
        for row in [cells(&["IKU-1", "82.50"]), cells(&["=x \"y\"", ""])] {
            json.record(&t, &row[0]);
        }
        let text = String::from_utf8(json.finish()).unwrap();
        // Text as written (no `'`), an empty cell is null, keys in column order.
        assert_eq!(
            text,
            "[\n{\"indikator\":\"IKU-1\",\"capaian\":\"82.50\"},\n{\"indikator\":\"=x \\\"y\\\"\",\"capaian\":null}\n]\n"
        );
        assert_eq!(JsonRecords::default().finish(), b"[]\n");
    }

    #[test]
    fn plain_figures_keep_their_digits_and_lose_negative_zero() {
        assert_eq!(plain("75000000000000".parse().unwrap()), "75000000000000");
        assert_eq!(plain("82.50".parse().unwrap()), "82.50");
        assert_eq!(plain("-0.00".parse().unwrap()), "0.00");
        assert_eq!(plain("0.1".parse().unwrap()), "0.1");
    }
}
