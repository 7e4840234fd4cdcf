//! The arithmetic rules of SPEC §3 in one place: rounding, achievement (*capaian*) with its
//! polarity and range cases, predicate bands, the IKM and LKE bands.
//!
//! Every function is exact `Decimal` arithmetic with checked operations: `None` means the
//! figure cannot be computed (a blank cell) or the arithmetic would overflow; callers that need
//! to tell the two apart check overflow themselves (see `compute::Overflow`).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::content::model::{Polaritas, Text};
use crate::number::Target;

/// Round to two decimals, half away from zero (SPEC §3), and show exactly two decimals:
/// `98.125` → `98.13`, `-0.005` → `-0.01`, `100` → `100.00`.
///
/// ```
/// use rust_decimal::Decimal;
/// use sakip_site::compute::rules::round2;
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(round2(d("98.125")).to_string(), "98.13");
/// assert_eq!(round2(d("99.975")).to_string(), "99.98");
/// assert_eq!(round2(d("100")).to_string(), "100.00");
/// ```
pub fn round2(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    if rounded.is_zero() {
        // -0.00 would print with a sign; a zero has none.
        rounded.set_sign_positive(true);
    }
    rounded
}

/// Achievement in percent of realisation `r` against target `t` with the polarity's formula,
/// unrounded (§3.1). `None` for a `positif` target of 0 (rejected by `check`) or on overflow.
///
/// - `positif`: r / t × 100
/// - `negatif`: (2t − r) / t × 100; with t = 0: 100 when r = 0, else 0.
pub fn capaian_single(polaritas: Polaritas, r: Decimal, t: Decimal) -> Option<Decimal> {
    let hundred = Decimal::ONE_HUNDRED;
    match polaritas {
        // Divide first: r × 100 could overflow for a 28-digit realisation whose ratio is small.
        Polaritas::Positif => r.checked_div(t)?.checked_mul(hundred),
        Polaritas::Negatif if t.is_zero() => Some(if r.is_zero() { hundred } else { Decimal::ZERO }),
        Polaritas::Negatif => {
            t.checked_mul(Decimal::TWO)?.checked_sub(r)?.checked_mul(hundred)?.checked_div(t)
        }
    }
}

/// Achievement against a target that may be a range (§3.1): inside [a, b] exactly 100, below it
/// the formula with t = a, above it with t = b.
pub fn capaian(polaritas: Polaritas, r: Decimal, target: &Target) -> Option<Decimal> {
    match *target {
        Target::Single(t) => capaian_single(polaritas, r, t),
        Target::Range { min, .. } if r < min => capaian_single(polaritas, r, min),
        Target::Range { maks, .. } if r > maks => capaian_single(polaritas, r, maks),
        Target::Range { .. } => Some(Decimal::ONE_HUNDRED),
    }
}

/// Mean of `values`, rounded to two decimals because it is a derived realisation (§3).
pub fn mean2(values: &[Decimal]) -> Option<Decimal> {
    let sum = values.iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v))?;
    let n = Decimal::from(values.len());
    Some(round2(sum.checked_div(n)?))
}

/// One band of a predicate scale: inclusive lower bound (none for the last band) and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    /// Inclusive lower bound on the rounded percentage.
    pub min: Option<Decimal>,
    /// Name in both languages.
    pub nama: Text,
}

/// A predicate scale, bands from the highest (§3.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    /// The bands.
    pub bands: Vec<Band>,
}

impl Scale {
    /// Permendagri 86/2017: ≥ 91 sangat tinggi, ≥ 76 tinggi, ≥ 66 sedang, ≥ 51 rendah, else
    /// sangat rendah.
    pub fn permendagri_86_2017() -> Scale {
        let band = |min: Option<i64>, id: &str, en: &str| Band {
            min: min.map(Decimal::from),
            nama: Text { id: id.into(), en: Some(en.into()) },
        };
        Scale {
            bands: vec![
                band(Some(91), "sangat tinggi", "very high"),
                band(Some(76), "tinggi", "high"),
                band(Some(66), "sedang", "moderate"),
                band(Some(51), "rendah", "low"),
                band(None, "sangat rendah", "very low"),
            ],
        }
    }

    /// The band of a percentage, taken from its rounded value so that the page never shows a
    /// number and a band that disagree (e.g. 90.995 shows as 91.00 and is `sangat tinggi`).
    pub fn band(&self, percent: Decimal) -> Option<&Band> {
        let shown = round2(percent);
        self.bands.iter().find(|b| b.min.is_none_or(|m| shown >= m))
    }
}

/// Quality band of an IKM (PermenPANRB 14/2017).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MutuIkm {
    /// 88.31–100: sangat baik.
    A,
    /// 76.61–88.30: baik.
    B,
    /// 65.00–76.60: kurang baik.
    C,
    /// Below 65: tidak baik.
    D,
}

impl MutuIkm {
    /// Every band, best first.
    pub const ALL: [MutuIkm; 4] = [MutuIkm::A, MutuIkm::B, MutuIkm::C, MutuIkm::D];

    /// `A` … `D`.
    pub fn huruf(self) -> &'static str {
        match self {
            MutuIkm::A => "A",
            MutuIkm::B => "B",
            MutuIkm::C => "C",
            MutuIkm::D => "D",
        }
    }

    /// The band's name: `sangat baik`, `baik`, `kurang baik`, `tidak baik`.
    pub fn nama(self) -> &'static str {
        match self {
            MutuIkm::A => "sangat baik",
            MutuIkm::B => "baik",
            MutuIkm::C => "kurang baik",
            MutuIkm::D => "tidak baik",
        }
    }
}

/// Quality band of an IKM on its rounded value.
pub fn mutu_ikm(ikm: Decimal) -> MutuIkm {
    let shown = round2(ikm);
    let at_least = |s: &str| shown >= s.parse::<Decimal>().unwrap_or(Decimal::MAX);
    if at_least("88.31") {
        MutuIkm::A
    } else if at_least("76.61") {
        MutuIkm::B
    } else if at_least("65.00") {
        MutuIkm::C
    } else {
        MutuIkm::D
    }
}

/// The predicate of a LKE total (§3.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PredikatLke {
    /// Above 90.
    AA,
    /// Above 80.
    A,
    /// Above 70.
    BB,
    /// Above 60.
    B,
    /// Above 50.
    CC,
    /// Above 30.
    C,
    /// 30 or less.
    D,
}

impl PredikatLke {
    /// `AA` … `D`.
    pub fn label(self) -> &'static str {
        match self {
            PredikatLke::AA => "AA",
            PredikatLke::A => "A",
            PredikatLke::BB => "BB",
            PredikatLke::B => "B",
            PredikatLke::CC => "CC",
            PredikatLke::C => "C",
            PredikatLke::D => "D",
        }
    }
}

/// Band of a LKE total (§3.8) on its rounded value: AA > 90, A > 80, BB > 70, B > 60, CC > 50,
/// C > 30, D ≤ 30.
pub fn lke_band(total: Decimal) -> PredikatLke {
    let shown = round2(total);
    let above = |n: i64| shown > Decimal::from(n);
    match () {
        _ if above(90) => PredikatLke::AA,
        _ if above(80) => PredikatLke::A,
        _ if above(70) => PredikatLke::BB,
        _ if above(60) => PredikatLke::B,
        _ if above(50) => PredikatLke::CC,
        _ if above(30) => PredikatLke::C,
        _ => PredikatLke::D,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn pct(pol: Polaritas, r: &str, t: &str) -> String {
        round2(capaian_single(pol, d(r), d(t)).unwrap()).to_string()
    }

    #[test]
    fn rounding_midpoints_go_away_from_zero() {
        // 98.125 is exactly halfway: away from zero gives 98.13 (banker's would give 98.12).
        assert_eq!(round2(d("98.125")).to_string(), "98.13");
        assert_eq!(round2(d("99.975")).to_string(), "99.98");
        assert_eq!(round2(d("99.9749999")).to_string(), "99.97");
        assert_eq!(round2(d("-2.345")).to_string(), "-2.35");
        assert_eq!(round2(d("-0.001")).to_string(), "0.00");
        assert_eq!(round2(d("7")).to_string(), "7.00");
    }

    #[test]
    fn positif_is_realisation_over_target() {
        // 785 of 800: 785 / 800 × 100 = 98.125 → 98.13.
        assert_eq!(pct(Polaritas::Positif, "785", "800"), "98.13");
        // 14.8 trillion against 75 trillion: 14.8 / 75 × 100 = 19.7333… → 19.73.
        assert_eq!(pct(Polaritas::Positif, "14800000000000", "75000000000000"), "19.73");
        // No cap: 130 of 100 is 130 %.
        assert_eq!(pct(Polaritas::Positif, "130", "100"), "130.00");
        assert_eq!(capaian_single(Polaritas::Positif, d("1"), Decimal::ZERO), None);
    }

    #[test]
    fn negatif_reverses_around_the_target() {
        // 4 days against 5: (10 − 4) / 5 × 100 = 120.
        assert_eq!(pct(Polaritas::Negatif, "4", "5"), "120.00");
        // 6 days against 5: (10 − 6) / 5 × 100 = 80.
        assert_eq!(pct(Polaritas::Negatif, "6", "5"), "80.00");
        // More than twice the target gives a negative achievement, shown as such.
        assert_eq!(pct(Polaritas::Negatif, "11", "5"), "-20.00");
        // T = 0: 100 when R = 0, otherwise 0.
        assert_eq!(pct(Polaritas::Negatif, "0", "0"), "100.00");
        assert_eq!(pct(Polaritas::Negatif, "0.5", "0"), "0.00");
    }

    #[test]
    fn range_targets_follow_the_spec_examples() {
        let range = |a: &str, b: &str| Target::Range { min: d(a), maks: d(b) };
        let c = |pol, r: &str, t: &Target| round2(capaian(pol, d(r), t).unwrap()).to_string();
        // SPEC §3.1: negatif 7–8 with R 6.5 → (14 − 6.5) / 7 = 107.142… → 107.14.
        assert_eq!(c(Polaritas::Negatif, "6.5", &range("7", "8")), "107.14");
        // … and with R 9 → (16 − 9) / 8 = 87.5.
        assert_eq!(c(Polaritas::Negatif, "9", &range("7", "8")), "87.50");
        // positif 80–90 with R 70 → 70 / 80 = 87.5; with R 92 → 92 / 90 = 102.222… → 102.22.
        assert_eq!(c(Polaritas::Positif, "70", &range("80", "90")), "87.50");
        assert_eq!(c(Polaritas::Positif, "92", &range("80", "90")), "102.22");
        // Inside the range, bounds included, exactly 100.
        assert_eq!(c(Polaritas::Positif, "80", &range("80", "90")), "100.00");
        assert_eq!(c(Polaritas::Negatif, "8", &range("7", "8")), "100.00");
    }

    #[test]
    fn mean_of_quarters_is_rounded_before_use() {
        // (5.8 + 4.6 + 5.4 + 4.2) / 4 = 5.
        assert_eq!(mean2(&[d("5.8"), d("4.6"), d("5.4"), d("4.2")]).unwrap().to_string(), "5.00");
        // (1 + 2 + 2) / 3 = 1.666… → 1.67.
        assert_eq!(mean2(&[d("1"), d("2"), d("2")]).unwrap().to_string(), "1.67");
    }

    #[test]
    fn predicate_bands_are_taken_from_the_rounded_value() {
        let scale = Scale::permendagri_86_2017();
        let name = |p: &str| scale.band(d(p)).unwrap().nama.id.clone();
        assert_eq!(name("90.99"), "tinggi");
        assert_eq!(name("91.00"), "sangat tinggi");
        // 90.995 is shown as 91.00, so its band is that of 91.00.
        assert_eq!(name("90.995"), "sangat tinggi");
        assert_eq!(name("90.994"), "tinggi");
        assert_eq!(name("75.99"), "sedang");
        assert_eq!(name("76.00"), "tinggi");
        assert_eq!(name("65.99"), "rendah");
        assert_eq!(name("66.00"), "sedang");
        assert_eq!(name("50.99"), "sangat rendah");
        assert_eq!(name("51.00"), "rendah");
        assert_eq!(name("-20"), "sangat rendah");
    }

    #[test]
    fn ikm_and_lke_bands_match_their_edges() {
        assert_eq!(mutu_ikm(d("88.31")), MutuIkm::A);
        assert_eq!(mutu_ikm(d("88.30")), MutuIkm::B);
        assert_eq!(mutu_ikm(d("76.61")), MutuIkm::B);
        assert_eq!(mutu_ikm(d("76.605")), MutuIkm::B); // shown as 76.61
        assert_eq!(mutu_ikm(d("76.60")), MutuIkm::C);
        assert_eq!(mutu_ikm(d("65.00")).huruf(), "C");
        assert_eq!(mutu_ikm(d("64.99")).nama(), "tidak baik");
        assert_eq!(lke_band(d("90.01")).label(), "AA");
        assert_eq!(lke_band(d("90.00")), PredikatLke::A);
        assert_eq!(lke_band(d("77.675")), PredikatLke::BB);
        assert_eq!(lke_band(d("30.00")), PredikatLke::D);
        assert_eq!(lke_band(d("30.01")), PredikatLke::C);
    }
}
