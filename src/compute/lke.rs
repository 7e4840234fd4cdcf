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
