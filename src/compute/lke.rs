//! The SAKIP self-evaluation (LKE, SPEC §3.8): the weighted total of the four component scores
//! and its predicate, with each score kept beside its weight so that no page recomputes them.

use rust_decimal::Decimal;

use super::Overflow;
use super::rules::{self, PredikatLke};
use crate::content::model::{Lke, Site, Spanned};
use crate::diagnostics::Loc;

/// A component of the LKE (PermenPANRB 88/2021).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KomponenLke {
    /// Perencanaan kinerja.
    Perencanaan,
    /// Pengukuran kinerja.
    Pengukuran,
    /// Pelaporan kinerja.
    Pelaporan,
    /// Evaluasi akuntabilitas kinerja internal.
    Evaluasi,
}

impl KomponenLke {
    /// The components in the order of `lke.yaml`.
    pub const ALL: [KomponenLke; 4] =
        [KomponenLke::Perencanaan, KomponenLke::Pengukuran, KomponenLke::Pelaporan, KomponenLke::Evaluasi];

    /// The key of the component in `lke.yaml`.
    pub fn word(self) -> &'static str {
        match self {
            KomponenLke::Perencanaan => "perencanaan",
            KomponenLke::Pengukuran => "pengukuran",
            KomponenLke::Pelaporan => "pelaporan",
            KomponenLke::Evaluasi => "evaluasi",
        }
    }

    /// Its weight in the total, in percent: 30, 30, 15, 25.
    pub fn bobot(self) -> u32 {
        match self {
            KomponenLke::Perencanaan | KomponenLke::Pengukuran => 30,
            KomponenLke::Pelaporan => 15,
            KomponenLke::Evaluasi => 25,
        }
    }

    fn score(self, lke: &Lke) -> &Spanned<Decimal> {
        match self {
            KomponenLke::Perencanaan => &lke.perencanaan,
            KomponenLke::Pengukuran => &lke.pengukuran,
            KomponenLke::Pelaporan => &lke.pelaporan,
            KomponenLke::Evaluasi => &lke.evaluasi,
        }
    }
}

/// One component's score as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nilai {
    /// The component.
    pub komponen: KomponenLke,
    /// Its score, 0–100 of its own weight.
    pub nilai: Decimal,
    /// Where the score is written.
    pub loc: Loc,
}

/// The SAKIP self-evaluation of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LkeResult {
    /// Year.
    pub tahun: i32,
    /// The four scores in the order of [`KomponenLke::ALL`].
    pub komponen: Vec<Nilai>,
    /// Weighted total 0–100, rounded.
    pub total: Decimal,
    /// `AA` … `D`.
    pub predikat: PredikatLke,
}

/// The LKE of every year that has one.
pub(super) fn lke(site: &Site, overflow: &mut Overflow) -> Vec<LkeResult> {
    let mut out = Vec::new();
    for (&tahun, year) in &site.years {
        let Some(l) = &year.lke else { continue };
        let komponen: Vec<Nilai> = KomponenLke::ALL
            .iter()
            .map(|&k| Nilai { komponen: k, nilai: k.score(l).value, loc: k.score(l).loc.clone() })
            .collect();
        match total(&komponen) {
            Some(total) => out.push(LkeResult {
                tahun,
                komponen,
                total: rules::round2(total),
                predikat: rules::lke_band(total),
            }),
            None => overflow.report(&l.perencanaan.loc, ("nilai LKE", "LKE score")),
        }
    }
    out
}

/// Σ score × weight / 100, unrounded.
fn total(komponen: &[Nilai]) -> Option<Decimal> {
    komponen.iter().try_fold(Decimal::ZERO, |acc, n| {
        let weighted = n.nilai.checked_mul(Decimal::from(n.komponen.bobot()))?;
        acc.checked_add(weighted.checked_div(Decimal::ONE_HUNDRED)?)
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use super::*;
    use crate::content::model::Year;
    use crate::diagnostics::Diagnostics;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// The LKE of a 2023 folder whose `lke.yaml` scores perencanaan, pengukuran, pelaporan and
    /// evaluasi as given.
    fn lke_2023(scores: [&str; 4]) -> LkeResult {
        let at = Loc::file(&Arc::from("content/2023/lke.yaml"));
        let score = |s: &str| Spanned::new(d(s), at.clone());
        let written = Lke {
            perencanaan: score(scores[0]),
            pengukuran: score(scores[1]),
            pelaporan: score(scores[2]),
            evaluasi: score(scores[3]),
        };
        let year = Year { lke: Some(written), ..Year::default() };
        let site = Site { years: BTreeMap::from([(2023, year)]), ..Site::default() };
        let mut diags = Diagnostics::default();
        let mut all = lke(&site, &mut Overflow { diags: &mut diags });
        assert!(!diags.has_errors());
        assert_eq!(all.len(), 1);
        all.remove(0)
    }

    /// The total as the year page shows it, and its predicate.
    fn shown(scores: [&str; 4]) -> (String, &'static str) {
        let r = lke_2023(scores);
        (r.total.to_string(), r.predikat.label())
    }

    #[test]
    fn each_component_counts_with_its_own_weight() {
        // 100 in one component and 0 in the others gives that component's weight.
        assert_eq!(shown(["100", "0", "0", "0"]), ("30.00".into(), "D"));
        assert_eq!(shown(["0", "100", "0", "0"]), ("30.00".into(), "D"));
        assert_eq!(shown(["0", "0", "100", "0"]), ("15.00".into(), "D"));
        assert_eq!(shown(["0", "0", "0", "100"]), ("25.00".into(), "D"));
    }

    #[test]
    fn total_of_the_spec_example() {
        // SPEC §2.8: 85.5 × 30 / 100 + 78 × 30 / 100 + 80 × 15 / 100 + 70.25 × 25 / 100
        // = 25.65 + 23.4 + 12 + 17.5625 = 78.6125 → 78.61, above 70 and not above 80: BB.
        let r = lke_2023(["85.5", "78", "80", "70.25"]);
        assert_eq!((r.total.to_string(), r.predikat), ("78.61".to_string(), PredikatLke::BB));
        let komponen: Vec<_> =
            r.komponen.iter().map(|n| (n.komponen.word(), n.komponen.bobot(), n.nilai)).collect();
        assert_eq!(
            komponen,
            [
                ("perencanaan", 30, d("85.5")),
                ("pengukuran", 30, d("78")),
                ("pelaporan", 15, d("80")),
                ("evaluasi", 25, d("70.25")),
            ]
        );
    }

    #[test]
    fn total_is_rounded_half_away_from_zero() {
        // 24 + 24 + 12 + 80.1 × 25 / 100 = 24 + 24 + 12 + 20.025 = 80.025 → 80.03 (half to even
        // would give 80.02); above 80: A.
        assert_eq!(shown(["80", "80", "80", "80.1"]), ("80.03".into(), "A"));
    }

    #[test]
    fn bands_are_taken_from_the_rounded_total() {
        // Equal scores s give s × (30 + 30 + 15 + 25) / 100 = s: each band's edges.
        let edges = [
            ("100", "AA"),
            ("90.01", "AA"),
            ("90", "A"),
            ("80.01", "A"),
            ("80", "BB"),
            ("70.01", "BB"),
            ("70", "B"),
            ("60.01", "B"),
            ("60", "CC"),
            ("50.01", "CC"),
            ("50", "C"),
            ("30.01", "C"),
            ("30", "D"),
            ("0", "D"),
        ];
        for (s, band) in edges {
            assert_eq!(shown([s; 4]).1, band, "score {s}");
        }
        // 27 + 27 + 13.5 + 90.016 × 25 / 100 = 90.004, shown as 90.00: A, not AA.
        assert_eq!(shown(["90", "90", "90", "90.016"]), ("90.00".into(), "A"));
        // 27 + 27 + 13.5 + 90.02 × 25 / 100 = 90.005, shown as 90.01: AA.
        assert_eq!(shown(["90", "90", "90", "90.02"]), ("90.01".into(), "AA"));
        // 9 + 9 + 4.5 + 30.016 × 25 / 100 = 30.004, shown as 30.00: D, not C.
        assert_eq!(shown(["30", "30", "30", "30.016"]), ("30.00".into(), "D"));
    }
}
