//! The evidence matrix (SPEC §3.9, Pedoman 3.1 b and 3.3): for each indicator of a year's
//! rencana aksi and each quarter, the evidence kinds the plan requires, which of them the
//! quarter's realisation supplies, the kinds supplied beyond them, the validation status and the
//! completeness percentage. It is the validation team's worklist.

use rust_decimal::Decimal;

use super::rules::round2;
use super::{IndicatorLedger, Periode, Validation};
use crate::content::index::YearIndex;
use crate::content::model::{BuktiSumber, CapaianEntry, RencanaAksiEntry, Site, Text};

/// One evidence kind of one indicator in one quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceKind {
    /// The kind (`jenis`) as the plan, or for an extra kind the realisation, writes it.
    pub jenis: Text,
    /// Required by the rencana aksi for this quarter.
    pub wajib: bool,
    /// Supplied in the quarter's realisation with a file or a link.
    pub disampaikan: bool,
}

/// One indicator × quarter of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceCell {
    /// Year.
    pub tahun: i32,
    /// Quarter 1–4.
    pub triwulan: u8,
    /// Indicator id.
    pub indikator: String,
    /// The required kinds in plan order, then the extra supplied kinds in file order.
    pub kinds: Vec<EvidenceKind>,
    /// Validation status of the quarter's row.
    pub validasi: Validation,
    /// How many kinds are required.
    pub wajib: usize,
    /// How many of the required kinds are supplied.
    pub disampaikan: usize,
    /// Supplied required / required × 100, rounded; `None` when nothing is required.
    pub kelengkapan: Option<Decimal>,
}

impl EvidenceCell {
    /// The required kinds not supplied.
    pub fn missing(&self) -> impl Iterator<Item = &EvidenceKind> {
        self.kinds.iter().filter(|k| k.wajib && !k.disampaikan)
    }
}

/// The matrix of every year with a rencana aksi: year, then quarter, then indicator in
/// definition order.
pub(super) fn matrix(site: &Site, indicators: &[IndicatorLedger]) -> Vec<EvidenceCell> {
    let ledgers = super::by_id(indicators);
    let all = site.indicators();
    let mut out = Vec::new();
    for (&tahun, year) in &site.years {
        let index = YearIndex::new(year);
        for q in 1..=4u8 {
            for (ind, _) in &all {
                let id = ind.id.value.as_str();
                let Some(plan) = index.plan(id) else { continue };
                let validasi = ledgers.get(id).map_or(Validation::Belum, |l| status(l, tahun, q));
                out.push(cell(tahun, q, id, plan, index.entry(q, id), validasi));
            }
        }
    }
    out
}

/// The validation status of the indicator's row of quarter `q` of `tahun`.
fn status(l: &IndicatorLedger, tahun: i32, q: u8) -> Validation {
    l.rows
        .iter()
        .find(|r| r.tahun == tahun && r.periode == Periode::Triwulan(q))
        .map_or(Validation::Belum, |r| r.validasi)
}

fn cell(
    tahun: i32,
    q: u8,
    id: &str,
    plan: &RencanaAksiEntry,
    entry: Option<&CapaianEntry>,
    validasi: Validation,
) -> EvidenceCell {
    let supplied = supplied_kinds(entry);
    let mut kinds: Vec<EvidenceKind> = Vec::new();
    let required = plan.data_dukung.iter().filter(|d| d.triwulan.is_empty() || d.triwulan.contains(&q));
    for d in required {
        if kinds.iter().all(|k| !same_kind(&k.jenis, &d.jenis.value)) {
            let disampaikan = supplied.iter().any(|s| same_kind(s, &d.jenis.value));
            kinds.push(EvidenceKind { jenis: d.jenis.value.clone(), wajib: true, disampaikan });
        }
    }
    for s in supplied {
        if kinds.iter().all(|k| !same_kind(&k.jenis, s)) {
            kinds.push(EvidenceKind { jenis: s.clone(), wajib: false, disampaikan: true });
        }
    }
    let wajib = kinds.iter().filter(|k| k.wajib).count();
    let disampaikan = kinds.iter().filter(|k| k.wajib && k.disampaikan).count();
    EvidenceCell {
        tahun,
        triwulan: q,
        indikator: id.to_string(),
        kinds,
        validasi,
        wajib,
        disampaikan,
        kelengkapan: percent(disampaikan, wajib),
    }
}

/// The kinds of the entry's evidence that have a file or a link, in file order.
fn supplied_kinds(entry: Option<&CapaianEntry>) -> Vec<&Text> {
    let items = entry.map_or(&[][..], |e| e.data_dukung.as_slice());
    items.iter().filter(|b| b.sumber != BuktiSumber::Tidak).filter_map(|b| b.jenis.as_ref()).collect()
}

/// Two kinds are the same when their Indonesian words are, letter case and extra spaces aside
/// (the rule of the check's `missing-evidence`).
fn same_kind(a: &Text, b: &Text) -> bool {
    crate::validate::same_words(&a.id, &b.id)
}

/// `part / whole × 100`, rounded (§3); `None` for a whole of 0, shown as "–".
pub fn percent(part: usize, whole: usize) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let ratio = Decimal::from(part).checked_div(Decimal::from(whole))?;
    Some(round2(ratio.checked_mul(Decimal::ONE_HUNDRED)?))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use super::*;
    use crate::content::model::{Bukti, DataDukungWajib, Spanned};
    use crate::diagnostics::Loc;

    fn loc() -> Loc {
        Loc::file(&Arc::from("content/2024/rencana-aksi.yaml"))
    }

    fn text(words: &str) -> Text {
        Text { id: words.to_string(), en: None }
    }

    fn plan(required: &[(&str, &[u8])]) -> RencanaAksiEntry {
        RencanaAksiEntry {
            id: Spanned::new("K".to_string(), loc()),
            penanggung_jawab: text("Bidang"),
            target_triwulan: Spanned::new(Vec::new(), loc()),
            units: Vec::new(),
            data_dukung: required
                .iter()
                .map(|(jenis, triwulan)| DataDukungWajib {
                    jenis: Spanned::new(text(jenis), loc()),
                    triwulan: triwulan.to_vec(),
                })
                .collect(),
        }
    }

    fn reported(items: &[(&str, BuktiSumber)]) -> CapaianEntry {
        CapaianEntry {
            indikator: Spanned::new("K".to_string(), loc()),
            realisasi: Spanned::new(None, loc()),
            units: Vec::new(),
            catatan: None,
            data_dukung: items
                .iter()
                .map(|(jenis, sumber)| Bukti { jenis: Some(text(jenis)), sumber: sumber.clone(), loc: loc() })
                .collect(),
        }
    }

    fn shown(c: &EvidenceCell) -> Vec<(String, bool, bool)> {
        c.kinds.iter().map(|k| (k.jenis.id.clone(), k.wajib, k.disampaikan)).collect()
    }

    #[test]
    fn kinds_match_by_words_and_only_with_a_file_or_a_link() {
        // Required in TW2: "Laporan LKPM" (every quarter), "Rekap" (TW2), "Laporan LKPM" again
        // (counted once); "Tahunan" only in TW4. Supplied: "laporan  lkpm" (other case and
        // spacing: the same kind), "Rekap" without file or link (not supplied), "Foto" (extra).
        // Required 2, supplied 1: 50.00 %.
        let p = plan(&[("Laporan LKPM", &[]), ("Rekap", &[2]), ("Laporan LKPM", &[]), ("Tahunan", &[4])]);
        let file = BuktiSumber::Berkas(PathBuf::from("dukung/a.pdf"));
        let link = BuktiSumber::Tautan("https://contoh.go.id/foto".into());
        let e = reported(&[("laporan  lkpm", file), ("Rekap", BuktiSumber::Tidak), ("Foto", link)]);
        let c = cell(2024, 2, "K", &p, Some(&e), Validation::Belum);
        assert_eq!(
            shown(&c),
            [
                ("Laporan LKPM".to_string(), true, true),
                ("Rekap".to_string(), true, false),
                ("Foto".to_string(), false, true),
            ]
        );
        assert_eq!((c.wajib, c.disampaikan, c.kelengkapan), (2, 1, Some("50.00".parse().unwrap())));
        assert_eq!(c.missing().map(|k| k.jenis.id.as_str()).collect::<Vec<_>>(), ["Rekap"]);
    }

    #[test]
    fn nothing_required_has_no_percentage() {
        // TW1 of a plan requiring only a TW4 kind, not reported: no row, no percentage ("–").
        let c = cell(2024, 1, "K", &plan(&[("Tahunan", &[4])]), None, Validation::Belum);
        assert!(c.kinds.is_empty());
        assert_eq!((c.wajib, c.disampaikan, c.kelengkapan), (0, 0, None));
    }
}
