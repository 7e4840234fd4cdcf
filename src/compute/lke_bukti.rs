//! The LKE evidence of a year (SPEC §3.9): the *Pengukuran Kinerja* criteria of PermenPANRB
//! 88/2021 that the repository can prove, each a percentage with the count behind it and the
//! items that fall short. They sit beside `lke.yaml`'s self-assessed scores, never in their place.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::bukti::{EvidenceCell, percent};
use super::{FollowUp, FollowUpStatus, IndicatorLedger, Laporan, Owner, Periode, Report, ReportStatus};
use crate::content::model::{Indikator, Site, Text};

/// A criterion, (a) to (f).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kriteria {
    /// (a) Operational definitions: `definisi`, `formula` and `sumber_data`.
    Definisi,
    /// (b) Periodic measurement on time.
    TepatWaktu,
    /// (c) Tiered measurement (*berjenjang*): cascading indicators covered by a PK.
    Berjenjang,
    /// (d) Measured quarters validated.
    Tervalidasi,
    /// (e) Evidence complete.
    BuktiLengkap,
    /// (f) Follow-up on time.
    TindakLanjut,
}

impl Kriteria {
    /// The criteria in order.
    pub const ALL: [Kriteria; 6] = [
        Kriteria::Definisi,
        Kriteria::TepatWaktu,
        Kriteria::Berjenjang,
        Kriteria::Tervalidasi,
        Kriteria::BuktiLengkap,
        Kriteria::TindakLanjut,
    ];

    /// `a` … `f`.
    pub fn huruf(self) -> &'static str {
        match self {
            Kriteria::Definisi => "a",
            Kriteria::TepatWaktu => "b",
            Kriteria::Berjenjang => "c",
            Kriteria::Tervalidasi => "d",
            Kriteria::BuktiLengkap => "e",
            Kriteria::TindakLanjut => "f",
        }
    }
}

/// A count and its percentage: `pembilang` of `penyebut`, `None` (shown "–") when nothing counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rasio {
    /// What meets the criterion.
    pub pembilang: usize,
    /// What the criterion is about.
    pub penyebut: usize,
    /// pembilang / penyebut × 100, rounded; `None` for a penyebut of 0.
    pub persen: Option<Decimal>,
}

impl Rasio {
    fn new(pembilang: usize, penyebut: usize) -> Rasio {
        Rasio { pembilang, penyebut, persen: percent(pembilang, penyebut) }
    }
}

/// A level of the cascading tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tingkat {
    /// Depth 0.
    Program,
    /// Depth 1.
    Kegiatan,
    /// Depth 2 and below.
    SubKegiatan,
}

impl Tingkat {
    /// The levels in order.
    pub const ALL: [Tingkat; 3] = [Tingkat::Program, Tingkat::Kegiatan, Tingkat::SubKegiatan];

    fn of(depth: usize) -> Tingkat {
        match depth {
            0 => Tingkat::Program,
            1 => Tingkat::Kegiatan,
            _ => Tingkat::SubKegiatan,
        }
    }

    /// `program`, `kegiatan`, `sub-kegiatan`.
    pub fn word(self) -> &'static str {
        match self {
            Tingkat::Program => "program",
            Tingkat::Kegiatan => "kegiatan",
            Tingkat::SubKegiatan => "sub-kegiatan",
        }
    }
}

/// An item that falls short of its criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kekurangan {
    /// (a) An indicator without some of `definisi`, `formula`, `sumber_data` (the keys missing).
    Indikator { id: String, kurang: Vec<&'static str> },
    /// (b) A report late or missing.
    Laporan { laporan: Laporan, status: ReportStatus },
    /// (c) A cascading indicator with a target that no PK covers.
    TanpaPk { id: String, tingkat: Tingkat },
    /// (d) A measured quarter without a verdict.
    BelumValidasi { id: String, triwulan: u8 },
    /// (e) A quarter missing required evidence kinds.
    Bukti { id: String, triwulan: u8, jenis: Vec<Text> },
    /// (f) A recommendation not followed up on time.
    Rekomendasi { evaluasi: String, rekomendasi: String, status: FollowUpStatus },
}

/// One criterion of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KriteriaResult {
    /// Which.
    pub kriteria: Kriteria,
    /// The count and percentage.
    pub rasio: Rasio,
    /// Per cascading level, for (c) only.
    pub tingkat: Vec<(Tingkat, Rasio)>,
    /// What falls short.
    pub kurang: Vec<Kekurangan>,
}

/// The LKE evidence of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LkeBukti {
    /// Year.
    pub tahun: i32,
    /// (a) … (f) in order.
    pub kriteria: Vec<KriteriaResult>,
}

/// What the criteria of a year read.
pub(super) struct Sources<'a> {
    pub(super) site: &'a Site,
    pub(super) indicators: &'a [IndicatorLedger],
    pub(super) matrix: &'a [EvidenceCell],
    pub(super) reports: &'a [Report],
    pub(super) follow_ups: &'a [FollowUp],
    pub(super) as_of: NaiveDate,
}

/// The LKE evidence of every year with a folder or a figure. `pk` holds the ids of the
/// indicators a PK covers in each year; until `perjanjian-kinerja.yaml` is loaded, none.
pub(super) fn lke_bukti(s: &Sources, pk: &HashMap<i32, BTreeSet<String>>) -> Vec<LkeBukti> {
    let none = BTreeSet::new();
    let mut years: BTreeSet<i32> = s.site.years.keys().copied().collect();
    years.extend(s.indicators.iter().flat_map(|l| l.rows.iter().map(|r| r.tahun)));
    years
        .into_iter()
        .map(|tahun| LkeBukti {
            tahun,
            kriteria: vec![
                definisi(s.site),
                tepat_waktu(s.reports, tahun, s.as_of),
                berjenjang(s.site, s.indicators, tahun, pk.get(&tahun).unwrap_or(&none)),
                tervalidasi(s.indicators, tahun),
                bukti_lengkap(s.matrix, tahun),
                tindak_lanjut(s.follow_ups, tahun, s.as_of),
            ],
        })
        .collect()
}

fn result(kriteria: Kriteria, pembilang: usize, penyebut: usize, kurang: Vec<Kekurangan>) -> KriteriaResult {
    KriteriaResult { kriteria, rasio: Rasio::new(pembilang, penyebut), tingkat: Vec::new(), kurang }
}

/// (a) Indicators (IKU and cascading) with `definisi`, `formula` and `sumber_data` / all.
fn definisi(site: &Site) -> KriteriaResult {
    let all = site.indicators();
    let kurang: Vec<Kekurangan> = all
        .iter()
        .filter_map(|(ind, _)| {
            let kurang = missing_fields(ind);
            (!kurang.is_empty()).then(|| Kekurangan::Indikator { id: ind.id.value.clone(), kurang })
        })
        .collect();
    result(Kriteria::Definisi, all.len() - kurang.len(), all.len(), kurang)
}

fn missing_fields(ind: &Indikator) -> Vec<&'static str> {
    let given = |t: &Option<Text>| t.as_ref().is_some_and(|t| !t.id.trim().is_empty());
    [("definisi", &ind.definisi), ("formula", &ind.formula), ("sumber_data", &ind.sumber_data)]
        .into_iter()
        .filter(|(_, t)| !given(t))
        .map(|(key, _)| key)
        .collect()
}

/// (b) Reports of §3.8 `tepat waktu` / reports due by the as-of date.
fn tepat_waktu(reports: &[Report], tahun: i32, as_of: NaiveDate) -> KriteriaResult {
    let due: Vec<&Report> = reports.iter().filter(|r| r.tahun == tahun && r.batas_waktu <= as_of).collect();
    let kurang: Vec<Kekurangan> = due
        .iter()
        .filter(|r| r.status != ReportStatus::TepatWaktu)
        .map(|r| Kekurangan::Laporan { laporan: r.laporan, status: r.status })
        .collect();
    result(Kriteria::TepatWaktu, due.len() - kurang.len(), due.len(), kurang)
}

/// (c) Cascading indicators with a target in `tahun` that a PK covers (`covered`) / cascading
/// indicators with a target in `tahun`, per level and overall. The target is the one in force,
/// as the ledger's year row carries it.
pub fn berjenjang(
    site: &Site,
    indicators: &[IndicatorLedger],
    tahun: i32,
    covered: &BTreeSet<String>,
) -> KriteriaResult {
    let depth: HashMap<&str, usize> =
        site.units().into_iter().map(|(u, d)| (u.kode.value.as_str(), d)).collect();
    let mut counts: Vec<(Tingkat, usize, usize)> = Tingkat::ALL.iter().map(|&t| (t, 0, 0)).collect();
    let mut kurang = Vec::new();
    for l in indicators {
        let Owner::Kegiatan(kode) = &l.owner else { continue };
        let targeted =
            l.rows.iter().any(|r| r.tahun == tahun && r.periode == Periode::Tahunan && r.target.is_some());
        if !targeted {
            continue;
        }
        let tingkat = Tingkat::of(depth.get(kode.as_str()).copied().unwrap_or(0));
        let Some(count) = counts.iter_mut().find(|(t, ..)| *t == tingkat) else { continue };
        count.2 += 1;
        if covered.contains(&l.id) {
            count.1 += 1;
        } else {
            kurang.push(Kekurangan::TanpaPk { id: l.id.clone(), tingkat });
        }
    }
    let penyebut: usize = counts.iter().map(|c| c.2).sum();
    let mut out = result(Kriteria::Berjenjang, penyebut - kurang.len(), penyebut, kurang);
    out.tingkat = counts.into_iter().map(|(t, n, d)| (t, Rasio::new(n, d))).collect();
    out
}

/// (d) Measured quarter rows with a verdict / measured quarter rows, all indicators.
fn tervalidasi(indicators: &[IndicatorLedger], tahun: i32) -> KriteriaResult {
    let mut penyebut = 0;
    let mut kurang = Vec::new();
    for l in indicators {
        for r in l.rows.iter().filter(|r| r.tahun == tahun && r.realisasi.is_some()) {
            let Periode::Triwulan(q) = r.periode else { continue };
            penyebut += 1;
            if r.validasi == super::Validation::Belum {
                kurang.push(Kekurangan::BelumValidasi { id: l.id.clone(), triwulan: q });
            }
        }
    }
    result(Kriteria::Tervalidasi, penyebut - kurang.len(), penyebut, kurang)
}

/// (e) The matrix's supplied required kinds / required kinds, all indicators and quarters.
fn bukti_lengkap(matrix: &[EvidenceCell], tahun: i32) -> KriteriaResult {
    let cells: Vec<&EvidenceCell> = matrix.iter().filter(|c| c.tahun == tahun).collect();
    let kurang = cells
        .iter()
        .filter(|c| c.disampaikan < c.wajib)
        .map(|c| Kekurangan::Bukti {
            id: c.indikator.clone(),
            triwulan: c.triwulan,
            jenis: c.missing().map(|k| k.jenis.clone()).collect(),
        })
        .collect();
    let pembilang = cells.iter().map(|c| c.disampaikan).sum();
    result(Kriteria::BuktiLengkap, pembilang, cells.iter().map(|c| c.wajib).sum(), kurang)
}

/// (f) Recommendations `selesai tepat waktu` / recommendations due by the as-of date.
fn tindak_lanjut(follow_ups: &[FollowUp], tahun: i32, as_of: NaiveDate) -> KriteriaResult {
    let due: Vec<&FollowUp> =
        follow_ups.iter().filter(|f| f.tahun == tahun && f.batas_waktu <= as_of).collect();
    let kurang: Vec<Kekurangan> = due
        .iter()
        .filter(|f| f.status != FollowUpStatus::SelesaiTepatWaktu)
        .map(|f| Kekurangan::Rekomendasi {
            evaluasi: f.evaluasi.clone(),
            rekomendasi: f.rekomendasi.clone(),
            status: f.status,
        })
        .collect();
    result(Kriteria::TindakLanjut, due.len() - kurang.len(), due.len(), kurang)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 10, 20).unwrap()
    }

    /// No item counts: 0 of 0, and no percentage (shown "–", never 0 or 100).
    fn nothing(r: &KriteriaResult) {
        assert_eq!(r.rasio, Rasio { pembilang: 0, penyebut: 0, persen: None }, "{:?}", r.kriteria);
        assert!(r.kurang.is_empty());
    }

    #[test]
    fn each_criterion_with_a_zero_denominator_has_no_percentage() {
        let site = Site::default();
        nothing(&definisi(&site));
        nothing(&tepat_waktu(&[], 2024, as_of()));
        let c = berjenjang(&site, &[], 2024, &BTreeSet::new());
        nothing(&c);
        assert!(c.tingkat.iter().all(|(_, r)| r.persen.is_none()));
        nothing(&tervalidasi(&[], 2024));
        nothing(&bukti_lengkap(&[], 2024));
        nothing(&tindak_lanjut(&[], 2024, as_of()));
    }

    #[test]
    fn tiered_measurement_counts_the_indicators_a_pk_covers_per_level() {
        // tests/fixtures/bukti: PR-1 (programme) and KG-1 (kegiatan) have a 2024 target, SK-1
        // (sub-kegiatan) only a 2026 one. A PK covering PR-1: programme 1 of 1 = 100.00,
        // kegiatan 0 of 1 = 0.00, sub-kegiatan 0 of 0 (none), overall 1 of 2 = 50.00.
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bukti");
        let mut checked = crate::check::check(&fixture, Some(as_of())).unwrap();
        let ledger = super::super::compute(&checked.site, as_of(), &mut checked.diagnostics);
        let covered = BTreeSet::from(["PR-1".to_string()]);
        let c = berjenjang(&checked.site, &ledger.indicators, 2024, &covered);
        let pct = |s: &str| Some(s.parse::<Decimal>().unwrap());
        assert_eq!(c.rasio, Rasio { pembilang: 1, penyebut: 2, persen: pct("50.00") });
        assert_eq!(
            c.tingkat,
            [
                (Tingkat::Program, Rasio { pembilang: 1, penyebut: 1, persen: pct("100.00") }),
                (Tingkat::Kegiatan, Rasio { pembilang: 0, penyebut: 1, persen: pct("0.00") }),
                (Tingkat::SubKegiatan, Rasio { pembilang: 0, penyebut: 0, persen: None }),
            ]
        );
        assert_eq!(c.kurang, [Kekurangan::TanpaPk { id: "KG-1".into(), tingkat: Tingkat::Kegiatan }]);
    }
}
