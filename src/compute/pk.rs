//! The target in force (SPEC §2.9): a `perubahan` PK replaces the year's target of the
//! indicators it names; of several revisions of one indicator and year, the latest by date
//! counts (by file order on the same date).

use std::collections::{BTreeSet, HashMap};

use rust_decimal::Decimal;

use super::rules::round2;
use super::{IndicatorLedger, Overflow, Periode, Revisi};
use crate::content::model::{JenisPk, PkIndikator, Site};

/// The revision of one indicator's year target.
pub(super) struct Revision<'a> {
    /// The PK entry with the revised target.
    pub entry: &'a PkIndikator,
    /// What the ledger row keeps of the revision.
    pub revisi: Revisi,
}

/// The indicator ids each year's PKs cover, murni and perubahan alike: what LKE criterion
/// (c), measurement *berjenjang*, counts (SPEC §3.9).
pub(super) fn covered(site: &Site) -> HashMap<i32, BTreeSet<String>> {
    let mut out: HashMap<i32, BTreeSet<String>> = HashMap::new();
    for (&tahun, y) in &site.years {
        let ids = y.pk.iter().flat_map(|f| &f.pk).flat_map(|p| &p.indikator).map(|e| e.id.value.clone());
        out.entry(tahun).or_default().extend(ids);
    }
    out
}

/// The revision in force of each (year, indicator id).
pub(super) fn revisions(site: &Site) -> HashMap<(i32, &str), Revision<'_>> {
    let mut out: HashMap<(i32, &str), Revision> = HashMap::new();
    for (&tahun, y) in &site.years {
        let revisions = y.pk.iter().flat_map(|f| &f.pk).filter(|p| p.jenis.value == JenisPk::Perubahan);
        for p in revisions {
            let Some(dasar) = &p.dasar else { continue };
            for e in &p.indikator {
                let key = (tahun, e.id.value.as_str());
                if out.get(&key).is_some_and(|r| r.revisi.tanggal > p.tanggal.value) {
                    continue;
                }
                let revisi = Revisi {
                    pk: p.id.value.clone(),
                    tanggal: p.tanggal.value,
                    dasar: dasar.nomor.clone(),
                    dasar_tanggal: dasar.tanggal.value,
                    alasan: p.alasan.clone(),
                };
                out.insert(key, Revision { entry: e, revisi });
            }
        }
    }
    out
}

/// An indicator's realisation of a year against the external standard of its analysis
/// (§2.10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perbandingan {
    /// Year.
    pub tahun: i32,
    /// Indicator id.
    pub indikator: String,
    /// The standard's figure.
    pub standar: Decimal,
    /// The year's realisation.
    pub realisasi: Option<Decimal>,
    /// Realisation / standard × 100, rounded to two decimals (blank for a standard of 0).
    pub persen: Option<Decimal>,
}

/// The comparison of every analysed indicator that has a standard with its year's realisation.
pub(super) fn standards(
    site: &Site,
    ledgers: &[IndicatorLedger],
    overflow: &mut Overflow,
) -> Vec<Perbandingan> {
    let by_id = super::by_id(ledgers);
    let mut out = Vec::new();
    for (&tahun, y) in &site.years {
        for e in y.analisis.iter().flat_map(|a| &a.indikator) {
            let Some(standar) = &e.standar else { continue };
            let realisasi = by_id
                .get(e.id.value.as_str())
                .and_then(|l| l.rows.iter().find(|r| r.tahun == tahun && r.periode == Periode::Tahunan))
                .and_then(|r| r.realisasi);
            let persen = realisasi.filter(|_| !standar.nilai.value.is_zero()).and_then(|r| {
                let p = r.checked_mul(Decimal::ONE_HUNDRED).and_then(|x| x.checked_div(standar.nilai.value));
                if p.is_none() {
                    overflow.report(
                        &standar.nilai.loc,
                        ("perbandingan dengan standar", "comparison with the standard"),
                    );
                }
                p.map(round2)
            });
            let indikator = e.id.value.clone();
            out.push(Perbandingan { tahun, indikator, standar: standar.nilai.value, realisasi, persen });
        }
    }
    out
}
