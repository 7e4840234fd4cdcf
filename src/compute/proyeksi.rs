//! The year-end projection (SPEC §3.9): after quarter n < 4 with a realisation, the year's
//! figure if the pace so far holds, its achievement against the year's target in force and
//! whether the indicator is on track. It answers the Pedoman's "so that the target can still be
//! reached by year end"; it is never a result.

use rust_decimal::Decimal;

use super::rules::{self, round2};
use super::{IndicatorLedger, Overflow, Periode, Row};
use crate::content::model::Agregasi;

/// Whether the projected achievement reaches the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusProyeksi {
    /// Projected achievement ≥ 100.
    SesuaiJalur,
    /// 90 ≤ projected achievement < 100.
    PerluPerhatian,
    /// Projected achievement < 90.
    TidakSesuaiJalur,
}

impl StatusProyeksi {
    /// Every status, best first.
    pub const ALL: [StatusProyeksi; 3] =
        [StatusProyeksi::SesuaiJalur, StatusProyeksi::PerluPerhatian, StatusProyeksi::TidakSesuaiJalur];

    /// `sesuai jalur`, `perlu perhatian`, `tidak sesuai jalur` (the words of `proyeksi.csv`; the
    /// interface words translate them).
    pub fn word(self) -> &'static str {
        match self {
            StatusProyeksi::SesuaiJalur => "sesuai jalur",
            StatusProyeksi::PerluPerhatian => "perlu perhatian",
            StatusProyeksi::TidakSesuaiJalur => "tidak sesuai jalur",
        }
    }

    /// The status of a projected achievement, taken from its rounded value.
    pub fn of(capaian: Decimal) -> StatusProyeksi {
        let shown = round2(capaian);
        if shown >= Decimal::ONE_HUNDRED {
            StatusProyeksi::SesuaiJalur
        } else if shown >= Decimal::from(90) {
            StatusProyeksi::PerluPerhatian
        } else {
            StatusProyeksi::TidakSesuaiJalur
        }
    }
}

/// One projection of one indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projection {
    /// Year.
    pub tahun: i32,
    /// The quarter (1–3) it is made after.
    pub setelah: u8,
    /// Indicator id.
    pub indikator: String,
    /// The projected year-end realisation, rounded (a derived realisation).
    pub proyeksi: Decimal,
    /// Its achievement against the year's target in force, rounded; `None` without a target.
    pub capaian: Option<Decimal>,
    /// On track or not; `None` without an achievement.
    pub status: Option<StatusProyeksi>,
}

/// Every projection: year, then quarter, then indicator in definition order.
pub(super) fn projections(indicators: &[IndicatorLedger], overflow: &mut Overflow) -> Vec<Projection> {
    let mut out = Vec::new();
    for l in indicators {
        let years: std::collections::BTreeSet<i32> = l.rows.iter().map(|r| r.tahun).collect();
        for tahun in years {
            let rows: Vec<&Row> = l.rows.iter().filter(|r| r.tahun == tahun).collect();
            out.extend(year_projections(l, tahun, &rows, overflow));
        }
    }
    // Stable: indicators keep their definition order within a year and quarter.
    out.sort_by_key(|p| (p.tahun, p.setelah));
    out
}

/// The projections of one year of `l`, whose rows are `rows`.
fn year_projections(
    l: &IndicatorLedger,
    tahun: i32,
    rows: &[&Row],
    overflow: &mut Overflow,
) -> Vec<Projection> {
    // The year's target in force is the one its year row carries.
    let target = rows.iter().find(|r| r.periode == Periode::Tahunan).and_then(|r| r.target.as_ref());
    let quarter = |q: u8| rows.iter().find(|r| r.periode == Periode::Triwulan(q)).copied();
    let mut out = Vec::new();
    for n in 1..=3u8 {
        let Some(row) = quarter(n).filter(|r| r.realisasi.is_some()) else { continue };
        let so_far: Vec<&Row> = (1..=n).filter_map(quarter).collect();
        let Some(p) = projected(l.agregasi, n, row, &so_far) else {
            if let Some(loc) = row.provenance.realisasi.last() {
                overflow.report(loc, ("proyeksi akhir tahun", "year-end projection"));
            }
            continue;
        };
        let capaian = target.and_then(|t| rules::capaian(l.polaritas, p, t)).map(round2);
        out.push(Projection {
            tahun,
            setelah: n,
            indikator: l.id.clone(),
            proyeksi: p,
            capaian,
            status: capaian.map(StatusProyeksi::of),
        });
    }
    out
}

/// P after quarter `n` (whose row is `row`; `so_far` are the rows of quarters 1..=n), rounded
/// to two decimals before anything uses it. `None` on overflow.
fn projected(agregasi: Agregasi, n: u8, row: &Row, so_far: &[&Row]) -> Option<Decimal> {
    let p = match agregasi {
        // The pace so far, kept for the four quarters: cumulative × 4 / n.
        Agregasi::Kumulatif => {
            row.realisasi_kumulatif?.checked_mul(Decimal::from(4))?.checked_div(Decimal::from(n))?
        }
        // A level stays where it was last measured.
        Agregasi::Terakhir => row.realisasi?,
        // The mean of the quarters measured so far (already rounded by `mean2`).
        Agregasi::RataRata => {
            let measured: Vec<Decimal> = so_far.iter().filter_map(|r| r.realisasi).collect();
            rules::mean2(&measured)?
        }
    };
    Some(round2(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_is_taken_from_the_rounded_projected_achievement() {
        let status = |s: &str| StatusProyeksi::of(s.parse().unwrap()).word();
        // 99.995 is shown as 100.00: on track, as the page says.
        assert_eq!(status("99.995"), "sesuai jalur");
        assert_eq!(status("100"), "sesuai jalur");
        assert_eq!(status("99.994"), "perlu perhatian");
        assert_eq!(status("90"), "perlu perhatian");
        assert_eq!(status("89.995"), "perlu perhatian");
        assert_eq!(status("89.99"), "tidak sesuai jalur");
        assert_eq!(status("0"), "tidak sesuai jalur");
    }
}
