//! [`Changes`] as a Markdown comment for a pull request, or as JSON for tools.
//!
//! Markdown shows figures as the site does (Indonesian marks, units), except that rupiah are
//! written in full: the site's short form (`Rp 2,00 juta`) would hide a change in the last
//! digits, which is exactly what a reviewer is looking for. JSON writes figures as plain
//! decimals (`number::plain`), like the open data.

use std::fmt::Write;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::content::model::Satuan;
use crate::content::reader::Choice;
use crate::diagnostics::{Lang, Loc};
use crate::number::{Target, plain};
use crate::present::format::{self, KOSONG};

use super::git::Revision;
use super::{Changes, Field, Figures, RowChange, RowStatus};

/// The two revisions compared.
#[derive(Debug, Clone, Copy)]
pub struct Revisions<'a> {
    /// The base.
    pub base: &'a Revision,
    /// The head.
    pub head: &'a Revision,
}

/// The table's figure columns after Indikator, Tahun and Periode: the heading and the fields
/// each cell shows.
const COLUMNS: [(&str, &[Field]); 5] = [
    ("Target", &[Field::Target]),
    ("Realisasi", &[Field::Realisasi, Field::RealisasiKumulatif]),
    ("Capaian", &[Field::Capaian]),
    ("Capaian tervalidasi", &[Field::CapaianTervalidasi, Field::Validasi]),
    ("Predikat", &[Field::Predikat]),
];

/// The changes as Markdown: heading, summary, table of rows, then the other sections.
pub fn markdown(changes: &Changes, revisions: Revisions) -> String {
    let mut out = format!(
        "### Perubahan angka kinerja: `{}` → `{}`\n\n{}\n",
        revisions.base.label(),
        revisions.head.label(),
        summary(changes)
    );
    if !changes.rows.is_empty() {
        out.push_str("\n| Indikator | Tahun | Periode |");
        COLUMNS.iter().for_each(|(name, _)| out.push_str(&format!(" {name} |")));
        out.push_str(" Sumber |\n|---|---|---|---|---|---|---|---|---|\n");
        changes.rows.iter().for_each(|row| out.push_str(&table_row(row)));
    }
    let indicators = |list: &[super::Indicator]| {
        list.iter().map(|i| format!("`{}` {}", i.id, i.nama.id)).collect::<Vec<_>>()
    };
    section(&mut out, "Indikator baru", indicators(&changes.indicators_added));
    section(&mut out, "Indikator dihapus", indicators(&changes.indicators_removed));
    let evaluations = changes.evaluations_added.iter().map(|e| {
        let (jenis, periode) = (e.jenis.word(), e.periode.label());
        format!("{} `{}` ({jenis}, {periode}, {} rekomendasi), {}", e.tahun, e.id, e.rekomendasi, at(&e.loc))
    });
    section(&mut out, "Evaluasi baru", evaluations.collect());
    let recommendations = changes
        .recommendations_added
        .iter()
        .map(|r| format!("{} `{}`/`{}`: {}, {}", r.tahun, r.evaluasi, r.id, r.uraian.id, at(&r.loc)));
    section(&mut out, "Rekomendasi baru", recommendations.collect());
    let follow_ups = changes.follow_ups_changed.iter().map(|f| {
        let (old, new) = (f.before.label(), f.after.label());
        format!("{} `{}`/`{}`: {old} → {new}, {}", f.tahun, f.evaluasi, f.rekomendasi, at(&f.loc))
    });
    section(&mut out, "Status tindak lanjut berubah", follow_ups.collect());
    out
}

/// `N baris angka berubah pada M indikator`, then the other counts that are not zero.
fn summary(changes: &Changes) -> String {
    if changes.rows.is_empty() {
        let mut out = "Tidak ada angka yang berubah.".to_string();
        if !changes.is_empty() {
            out.push_str(" Perubahan lain ada di bawah.");
        }
        return out;
    }
    let mut out = format!(
        "**{} baris angka berubah pada {} indikator.**",
        changes.rows.len(),
        changes.indicators_with_changes()
    );
    let others = [
        (changes.indicators_added.len(), "indikator baru"),
        (changes.indicators_removed.len(), "indikator dihapus"),
        (changes.evaluations_added.len(), "evaluasi baru"),
        (changes.recommendations_added.len(), "rekomendasi baru"),
        (changes.follow_ups_changed.len(), "status tindak lanjut berubah"),
    ];
    let others: Vec<String> =
        others.iter().filter(|(n, _)| *n > 0).map(|(n, what)| format!("{n} {what}")).collect();
    if !others.is_empty() {
        let _ = write!(out, " {}.", others.join(", "));
    }
    out
}

fn table_row(row: &RowChange) -> String {
    let ind = &row.indicator;
    let mut out = format!(
        "| {} | {} | {} |",
        cell(&format!("{} {}", ind.id, ind.nama.id)),
        row.tahun,
        row.periode.label()
    );
    for (_, fields) in COLUMNS {
        let show = |f: &Figures| shown(fields[0], f, &ind.satuan);
        let text = if fields.iter().any(|f| row.fields.contains(f)) {
            format!("{} → {}", show(&row.before), show(&row.after))
        } else {
            show(&row.after)
        };
        let _ = write!(out, " {} |", cell(&text));
    }
    let _ = writeln!(out, " {} |", row.source.as_ref().map_or(KOSONG.to_string(), |l| cell(&at(l))));
    out
}

/// The text of the cell whose first field is `field`.
fn shown(field: Field, f: &Figures, satuan: &str) -> String {
    let pct = |v: Option<Decimal>| v.map_or(KOSONG.to_string(), |v| format::persen(v, Lang::Id));
    match field {
        Field::Target => match f.target {
            Some(Target::Single(v)) => figure(v, satuan),
            Some(Target::Range { min, maks }) => {
                format!("{} s.d. {}", figure(min, satuan), figure(maks, satuan))
            }
            None => KOSONG.to_string(),
        },
        Field::Realisasi | Field::RealisasiKumulatif => {
            let own = f.realisasi.map_or(KOSONG.to_string(), |v| figure(v, satuan));
            match f.realisasi_kumulatif {
                Some(total) => format!("{own} (kumulatif {})", figure(total, satuan)),
                None => own,
            }
        }
        Field::Capaian => pct(f.capaian),
        Field::CapaianTervalidasi | Field::Validasi => match (f.capaian_tervalidasi, f.validasi) {
            (Some(v), Some(status)) => format!("{} ({})", pct(Some(v)), status.label()),
            (None, Some(status)) => status.label().to_string(),
            (_, None) => KOSONG.to_string(),
        },
        Field::Predikat => f.predikat.clone().unwrap_or_else(|| KOSONG.to_string()),
    }
}

/// A figure with its unit, as the site writes it, but rupiah in full.
fn figure(value: Decimal, satuan: &str) -> String {
    match Satuan::of(satuan) {
        Satuan::Rupiah => format::rupiah_penuh(value, Lang::Id),
        _ => format::nilai(value, satuan, Lang::Id),
    }
}

/// `file:line`.
fn at(loc: &Loc) -> String {
    format!("{}:{}", loc.file, loc.line)
}

/// A table cell: `|` escaped and line breaks flattened, so that content cannot break the table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace("\r\n", " ").replace(['\n', '\r'], " ")
}

/// A `####` section with one bullet per item; nothing when there is none.
fn section(out: &mut String, title: &str, items: Vec<String>) {
    if items.is_empty() {
        return;
    }
    let _ = write!(out, "\n#### {title}\n\n");
    for item in items {
        let _ = writeln!(out, "- {}", item.replace(['\n', '\r'], " "));
    }
}

/// The changes as one JSON object, figures as plain decimal strings.
pub fn json(changes: &Changes, revisions: Revisions, as_of: NaiveDate) -> Value {
    let indicators = |list: &[super::Indicator]| {
        list.iter().map(|i| json!({"id": i.id, "nama": i.nama.id})).collect::<Vec<_>>()
    };
    json!({
        "base": revision(revisions.base),
        "head": revision(revisions.head),
        "as_of": as_of.to_string(),
        "changes": changes.rows.iter().map(row_json).collect::<Vec<_>>(),
        "indicators_added": indicators(&changes.indicators_added),
        "indicators_removed": indicators(&changes.indicators_removed),
        "evaluations_added": changes.evaluations_added.iter().map(|e| json!({
            "tahun": e.tahun, "id": e.id, "jenis": e.jenis.word(), "periode": e.periode.label(),
            "rekomendasi": e.rekomendasi, "source": at(&e.loc),
        })).collect::<Vec<_>>(),
        "recommendations_added": changes.recommendations_added.iter().map(|r| json!({
            "tahun": r.tahun, "evaluasi": r.evaluasi, "id": r.id, "uraian": r.uraian.id, "source": at(&r.loc),
        })).collect::<Vec<_>>(),
        "follow_ups_changed": changes.follow_ups_changed.iter().map(|f| json!({
            "tahun": f.tahun, "evaluasi": f.evaluasi, "rekomendasi": f.rekomendasi,
            "before": f.before.label(), "after": f.after.label(), "source": at(&f.loc),
        })).collect::<Vec<_>>(),
    })
}

fn revision(r: &Revision) -> Value {
    match r {
        Revision::WorkingTree => json!({"label": r.label(), "revision": null, "commit": null}),
        Revision::Commit(c) => json!({"label": r.label(), "revision": c.name, "commit": c.hash}),
    }
}

fn row_json(row: &RowChange) -> Value {
    let fields: serde_json::Map<String, Value> = row
        .fields
        .iter()
        .map(|&f| {
            (f.key().to_string(), json!({"before": value(f, &row.before), "after": value(f, &row.after)}))
        })
        .collect();
    let status = match row.status {
        RowStatus::Changed => "changed",
        RowStatus::Added => "added",
        RowStatus::Removed => "removed",
    };
    json!({
        "indikator": row.indicator.id,
        "tahun": row.tahun,
        "periode": row.periode.label(),
        "status": status,
        "fields": fields,
        "source": row.source.as_ref().map(at),
    })
}

/// A field's value: a plain decimal string, `{min, maks}` for a range target, a word for the
/// status and the predicate, or null.
fn value(field: Field, f: &Figures) -> Value {
    let number = |v: Option<Decimal>| v.map_or(Value::Null, |v| Value::String(plain(v)));
    match field {
        Field::Target => match f.target {
            Some(Target::Single(v)) => number(Some(v)),
            Some(Target::Range { min, maks }) => json!({"min": plain(min), "maks": plain(maks)}),
            None => Value::Null,
        },
        Field::Realisasi => number(f.realisasi),
        Field::RealisasiKumulatif => number(f.realisasi_kumulatif),
        Field::Capaian => number(f.capaian),
        Field::CapaianTervalidasi => number(f.capaian_tervalidasi),
        Field::Validasi => f.validasi.map_or(Value::Null, |v| Value::String(v.label().to_string())),
        Field::Predikat => f.predikat.clone().map_or(Value::Null, Value::String),
    }
}
