//! The open-data exports of SPEC §5.3: `data/capaian.csv`, `data/capaian.json`,
//! `data/tindak-lanjut.csv`, `data/pelaporan.csv`, `data/ikm.csv` and a Frictionless
//! `data/datapackage.json` describing them.
//!
//! Exports read the ledger only. Numbers are plain decimals with `.` and no grouping; targets and
//! realisations keep the digits they were written with; percentages have two decimals; a cell
//! that does not apply is empty (`null` in JSON).

use serde_json::{Value, json};

use crate::compute::{FollowUpStatus, Ledger, MutuIkm, Periode, ReportStatus, Row, Validation};
use crate::content::model::StatusValidasi;
use crate::content::reader::Choice;
use crate::number::{Target, plain};
use crate::output::Sink;

/// The columns of `capaian.csv` and the keys of `capaian.json`, in order.
pub const CAPAIAN_COLUMNS: [&str; 12] = [
    "indikator",
    "tahun",
    "periode",
    "target",
    "realisasi",
    "realisasi_kumulatif",
    "capaian",
    "capaian_tervalidasi",
    "status_validasi",
    "predikat",
    "target_min",
    "target_maks",
];
const TINDAK_LANJUT_COLUMNS: [&str; 7] =
    ["evaluasi", "rekomendasi", "diterima", "batas_waktu", "status", "selesai", "terlambat_hari"];
const PELAPORAN_COLUMNS: [&str; 6] =
    ["tahun", "laporan", "batas_waktu", "tanggal", "status", "terlambat_hari"];
const IKM_COLUMNS: [&str; 14] = [
    "tahun",
    "periode",
    "responden",
    "nrr_u1",
    "nrr_u2",
    "nrr_u3",
    "nrr_u4",
    "nrr_u5",
    "nrr_u6",
    "nrr_u7",
    "nrr_u8",
    "nrr_u9",
    "ikm",
    "mutu",
];

/// Add every export to `out` under `data/`.
pub fn write(ledger: &Ledger, title: &str, out: &dyn Sink) {
    let capaian = capaian_rows(ledger);
    out.add("data/capaian.csv", &csv(&CAPAIAN_COLUMNS, &capaian));
    out.add("data/capaian.json", &capaian_json(&capaian));
    out.add("data/tindak-lanjut.csv", &csv(&TINDAK_LANJUT_COLUMNS, &tindak_lanjut_rows(ledger)));
    out.add("data/pelaporan.csv", &csv(&PELAPORAN_COLUMNS, &pelaporan_rows(ledger)));
    out.add("data/ikm.csv", &csv(&IKM_COLUMNS, &ikm_rows(ledger)));
    out.add("data/datapackage.json", &datapackage(title));
}

/// A cell: `None` is an empty cell.
type Cells = Vec<Option<String>>;

fn capaian_rows(ledger: &Ledger) -> Vec<Cells> {
    let mut rows = Vec::new();
    for ind in &ledger.indicators {
        for row in &ind.rows {
            rows.push(capaian_row(ledger, &ind.id, row));
        }
    }
    rows
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
    ]
}

fn capaian_json(rows: &[Cells]) -> Vec<u8> {
    let objects: Vec<Value> = rows
        .iter()
        .map(|cells| {
            let map = CAPAIAN_COLUMNS.iter().zip(cells).map(|(k, v)| (k.to_string(), json!(v))).collect();
            Value::Object(map)
        })
        .collect();
    pretty(&Value::Array(objects))
}

fn tindak_lanjut_rows(ledger: &Ledger) -> Vec<Cells> {
    ledger
        .follow_ups
        .iter()
        .map(|f| {
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
        .collect()
}

fn pelaporan_rows(ledger: &Ledger) -> Vec<Cells> {
    ledger
        .reports
        .iter()
        .map(|r| {
            vec![
                Some(r.tahun.to_string()),
                Some(r.laporan.code()),
                Some(r.batas_waktu.to_string()),
                r.tanggal.map(|d| d.to_string()),
                Some(r.status.label().to_string()),
                Some(r.terlambat_hari.to_string()),
            ]
        })
        .collect()
}

fn ikm_rows(ledger: &Ledger) -> Vec<Cells> {
    ledger
        .ikm
        .iter()
        .map(|s| {
            let mut cells =
                vec![Some(s.tahun.to_string()), Some(s.periode.label()), s.responden.map(|r| r.to_string())];
            cells.extend(s.nrr_shown().iter().map(|n| Some(plain(*n))));
            cells.push(Some(plain(s.ikm)));
            cells.push(Some(s.mutu.huruf().to_string()));
            cells
        })
        .collect()
}

/// RFC 4180 CSV with `\n` line ends; a field is quoted only when it must be.
fn csv(columns: &[&str], rows: &[Cells]) -> Vec<u8> {
    let mut text = columns.join(",");
    text.push('\n');
    for row in rows {
        let fields: Vec<String> = row.iter().map(|c| quote(c.as_deref().unwrap_or(""))).collect();
        text.push_str(&fields.join(","));
        text.push('\n');
    }
    text.into_bytes()
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

/// A Frictionless tabular data package describing the CSV files (and the JSON twin).
fn datapackage(title: &str) -> Vec<u8> {
    let field = |name: &str, kind: &str| json!({"name": name, "type": kind});
    let number = |name: &str| json!({"name": name, "type": "number", "decimalChar": ".", "groupChar": ""});
    // The words of each enum column come from the type that writes them.
    let periods: Vec<String> =
        (1..=4).map(Periode::Triwulan).chain([Periode::Tahunan]).map(Periode::label).collect();
    let mut validation: Vec<&str> = StatusValidasi::ALL.iter().map(|(word, _)| *word).collect();
    validation.push(Validation::BELUM);
    let follow_up: Vec<&str> = FollowUpStatus::ALL.iter().map(|s| s.label()).collect();
    let reports: Vec<&str> = ReportStatus::ALL.iter().map(|s| s.label()).collect();
    let mutu: Vec<&str> = MutuIkm::ALL.iter().map(|m| m.huruf()).collect();
    let capaian_fields = vec![
        field("indikator", "string"),
        field("tahun", "integer"),
        json!({"name": "periode", "type": "string", "constraints": {"enum": periods}}),
        number("target"),
        number("realisasi"),
        number("realisasi_kumulatif"),
        number("capaian"),
        number("capaian_tervalidasi"),
        json!({"name": "status_validasi", "type": "string", "constraints": {"enum": validation}}),
        field("predikat", "string"),
        number("target_min"),
        number("target_maks"),
    ];
    let tindak_lanjut_fields = vec![
        field("evaluasi", "string"),
        field("rekomendasi", "string"),
        field("diterima", "date"),
        field("batas_waktu", "date"),
        json!({"name": "status", "type": "string", "constraints": {"enum": follow_up}}),
        field("selesai", "date"),
        field("terlambat_hari", "integer"),
    ];
    let pelaporan_fields = vec![
        field("tahun", "integer"),
        field("laporan", "string"),
        field("batas_waktu", "date"),
        field("tanggal", "date"),
        json!({"name": "status", "type": "string", "constraints": {"enum": reports}}),
        field("terlambat_hari", "integer"),
    ];
    let mut ikm_fields =
        vec![field("tahun", "integer"), field("periode", "string"), field("responden", "integer")];
    ikm_fields.extend(IKM_COLUMNS[3..12].iter().map(|c| number(c)));
    ikm_fields.push(number("ikm"));
    ikm_fields.push(json!({"name": "mutu", "type": "string", "constraints": {"enum": mutu}}));
    let table = |name: &str, title: &str, fields: Vec<Value>| {
        json!({
            "name": name,
            "title": title,
            "path": format!("{name}.csv"),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": true},
            "schema": {"fields": fields, "missingValues": [""]},
        })
    };
    let package = json!({
        "profile": "tabular-data-package",
        "name": "sakip-kinerja",
        "title": title,
        "resources": [
            table("capaian", "Capaian kinerja per indikator, tahun dan periode", capaian_fields),
            {
                "name": "capaian-json",
                "title": "Capaian kinerja (JSON; kunci sama dengan capaian.csv, angka sebagai teks)",
                "path": "capaian.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
            },
            table("tindak-lanjut", "Tindak lanjut rekomendasi evaluasi (batas 60 hari)", tindak_lanjut_fields),
            table("pelaporan", "Kalender pelaporan dan evaluasi kinerja", pelaporan_fields),
            table("ikm", "Indeks Kepuasan Masyarakat per survei", ikm_fields),
        ],
    });
    pretty(&package)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let rows = vec![vec![Some("a,b".to_string()), None, Some("say \"hi\"".to_string())]];
        let text = String::from_utf8(csv(&["x", "y", "z"], &rows)).unwrap();
        assert_eq!(text, "x,y,z\n\"a,b\",,\"say \"\"hi\"\"\"\n");
    }

    #[test]
    fn plain_figures_keep_their_digits_and_lose_negative_zero() {
        assert_eq!(plain("75000000000000".parse().unwrap()), "75000000000000");
        assert_eq!(plain("82.50".parse().unwrap()), "82.50");
        assert_eq!(plain("-0.00".parse().unwrap()), "0.00");
        assert_eq!(plain("0.1".parse().unwrap()), "0.1");
    }
}
