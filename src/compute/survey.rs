//! IKM from public-satisfaction surveys (SPEC §3.5, PermenPANRB 14/2017).

use rust_decimal::Decimal;

use super::Overflow;
use super::rules::{MutuIkm, mutu_ikm, round2};
use crate::content::model::{PeriodeSurvei, Site, SurveiData};
use crate::diagnostics::Loc;

/// The IKM of one survey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ikm {
    /// Year.
    pub tahun: i32,
    /// Period as written (`TW2`, `S1`, `TAHUN`, …).
    pub periode: PeriodeSurvei,
    /// Respondents, when given.
    pub responden: Option<u64>,
    /// NRR of U1…U9, exact (shown rounded).
    pub nrr: [Decimal; 9],
    /// IKM rounded to two decimals: the figure used as realisation.
    pub ikm: Decimal,
    /// Quality band.
    pub mutu: MutuIkm,
    /// Where the survey's period is written.
    pub loc: Loc,
}

impl Ikm {
    /// The NRR of U1…U9 as published: rounded to two decimals.
    pub fn nrr_shown(&self) -> [Decimal; 9] {
        self.nrr.map(round2)
    }
}

impl PeriodeSurvei {
    /// The period as written in `skm.yaml`.
    pub fn label(self) -> String {
        match self {
            PeriodeSurvei::Tw(q) => format!("TW{q}"),
            PeriodeSurvei::S1 => "S1".into(),
            PeriodeSurvei::S2 => "S2".into(),
            PeriodeSurvei::Tahun => "TAHUN".into(),
        }
    }
}

/// Every survey of the site, by year then in file order.
pub(super) fn ikm(site: &Site, overflow: &mut Overflow) -> Vec<Ikm> {
    let mut out = Vec::new();
    for (&tahun, year) in &site.years {
        for s in year.skm.iter().flat_map(|skm| skm.survei.iter()) {
            match one(&s.data, s.responden) {
                Some((nrr, ikm)) => out.push(Ikm {
                    tahun,
                    periode: s.periode.value,
                    responden: s.responden,
                    nrr,
                    ikm,
                    mutu: mutu_ikm(ikm),
                    loc: s.periode.loc.clone(),
                }),
                None => overflow.report(&s.periode.loc, ("IKM", "IKM")),
            }
        }
    }
    out
}

/// NRR per unsur and the rounded IKM.
///
/// From tallies, NRR_i = S_i / n with S_i = Σ value × count, and IKM = 25 × (Σ NRR_i) / 9 =
/// 25 × Σ S_i / (9 n): computed as that one division so that the only rounding is the final
/// one to two decimals.
fn one(data: &SurveiData, responden: Option<u64>) -> Option<([Decimal; 9], Decimal)> {
    let nine = Decimal::from(9);
    let quarter_scale = Decimal::from(25);
    match data {
        SurveiData::Unsur(tallies) => {
            let n = Decimal::from(responden?);
            let sums: Vec<Decimal> = tallies
                .iter()
                .map(|counts| {
                    counts.iter().zip(1u64..).try_fold(Decimal::ZERO, |acc, (count, value)| {
                        acc.checked_add(Decimal::from(*count).checked_mul(Decimal::from(value))?)
                    })
                })
                .collect::<Option<_>>()?;
            let mut nrr = [Decimal::ZERO; 9];
            for (slot, sum) in nrr.iter_mut().zip(&sums) {
                *slot = sum.checked_div(n)?;
            }
            let total = sums.iter().try_fold(Decimal::ZERO, |acc, s| acc.checked_add(*s))?;
            let ikm = total.checked_mul(quarter_scale)?.checked_div(nine.checked_mul(n)?)?;
            Some((nrr, round2(ikm)))
        }
        SurveiData::Nrr(nrr) => {
            let total = nrr.iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v))?;
            Some((*nrr, round2(total.checked_mul(quarter_scale)?.checked_div(nine)?)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ikm_from_tallies_uses_exact_ninths() {
        // 400 respondents; every unsur answered 3 by 300 and 4 by 100:
        // NRR = (3·300 + 4·100) / 400 = 3.25 for all nine, IKM = 3.25 × 25 = 81.25.
        let data = SurveiData::Unsur([[0, 0, 300, 100]; 9]);
        let (nrr, ikm) = one(&data, Some(400)).unwrap();
        assert_eq!(nrr[0].to_string(), "3.25");
        assert_eq!(ikm.to_string(), "81.25");
    }

    #[test]
    fn ikm_rounds_once_at_the_end() {
        // U1 has one respondent answering 4, the other eight unsur answer 3:
        // Σ S = 4 + 8·3 = 28, IKM = 25 × 28 / 9 = 77.777… → 77.78.
        // (Rounding each NRR first would not change this one, but the sum of nine rounded
        // thirds can: we never do that.)
        let mut tallies = [[0, 0, 1, 0]; 9];
        tallies[0] = [0, 0, 0, 1];
        let (_, ikm) = one(&SurveiData::Unsur(tallies), Some(1)).unwrap();
        assert_eq!(ikm.to_string(), "77.78");
        assert_eq!(mutu_ikm(ikm), MutuIkm::B);
    }

    #[test]
    fn ikm_from_given_nrr() {
        // NRR 3.31, 3.35 and seven of 3.30: Σ = 29.76, × 25 / 9 = 82.666… → 82.67.
        let mut nrr = [Decimal::new(330, 2); 9];
        nrr[0] = Decimal::new(331, 2);
        nrr[1] = Decimal::new(335, 2);
        let (_, ikm) = one(&SurveiData::Nrr(nrr), None).unwrap();
        assert_eq!(ikm.to_string(), "82.67");
    }
}
