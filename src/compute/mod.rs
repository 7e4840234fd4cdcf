//! The computed ledger (SPEC §3): every figure the site, reports and exports show, worked out
//! once from the validated model. Renderers only read the ledger; none of them computes.
//!
//! Figures follow three rules: arithmetic is exact `Decimal`; a derived realisation (a mean of
//! quarters, an IKM) is rounded to two decimals before anything uses it; percentages are rounded
//! to two decimals, half away from zero, and predicates are taken from the rounded value.
//! Arithmetic that would overflow becomes a diagnostic (`arithmetic-overflow`), never a panic.

mod bukti;
mod calendar;
mod indicators;
mod lke;
mod lke_bukti;
mod pk;
mod proyeksi;
pub mod rules;
mod survey;

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use crate::content::model::Periode;
use crate::content::model::{Agregasi, Polaritas, Site, StatusValidasi, Text};
use crate::content::reader::Choice;
use crate::diagnostics::{Code, Diagnostics, Loc, Message};
use crate::number::Target;
pub use bukti::{EvidenceCell, EvidenceKind};
pub use calendar::{FollowUp, FollowUpStatus, Laporan, Report, ReportStatus};
pub use lke::{KomponenLke, LkeResult, Nilai};
pub use lke_bukti::{Kekurangan, Kriteria, KriteriaResult, LkeBukti, Rasio, Tingkat, berjenjang};
pub use pk::Perbandingan;
pub use proyeksi::{Projection, StatusProyeksi};
pub use rules::{Band, MutuIkm, PredikatLke, Scale};
pub use survey::Ikm;

/// Validation status of a row (§3.3); `Belum` when the team has not validated it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validation {
    /// No verdict yet: the reported figure is shown, flagged.
    Belum,
    /// A verdict of the validation team.
    Verdict(StatusValidasi),
}

impl Validation {
    /// The word for a row not yet validated.
    pub const BELUM: &'static str = "belum";

    /// `sah`, `dikoreksi`, `ditolak` (as `validasi.yaml` writes them) or `belum`.
    pub fn label(self) -> &'static str {
        match self {
            Validation::Belum => Validation::BELUM,
            Validation::Verdict(status) => status.word(),
        }
    }
}

/// One indicator × year × period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Year.
    pub tahun: i32,
    /// Quarter or year.
    pub periode: Periode,
    /// Target in force (cumulative to date for quarters of `kumulatif` indicators): a
    /// `perubahan` PK's revised target where one applies (§2.9).
    pub target: Option<Target>,
    /// The original target, when a revision replaced it.
    pub target_awal: Option<Target>,
    /// The revision that replaced the target.
    pub revisi: Option<Revisi>,
    /// The period's own realisation (exact, or rounded when derived).
    pub realisasi: Option<Decimal>,
    /// Sum of quarters to date, on quarter rows of `kumulatif` indicators.
    pub realisasi_kumulatif: Option<Decimal>,
    /// Reported achievement, rounded to two decimals.
    pub capaian: Option<Decimal>,
    /// Validated achievement, rounded to two decimals (blank while `belum`).
    pub capaian_tervalidasi: Option<Decimal>,
    /// Validation status.
    pub validasi: Validation,
    /// The validation team's reason, for `dikoreksi` and `ditolak`.
    pub alasan: Option<Text>,
    /// Index into the ledger's scale of the official achievement's band.
    pub predikat: Option<usize>,
    /// Where the row's inputs are written.
    pub provenance: Provenance,
}

/// The `perubahan` PK that put a row's target in force (§2.9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revisi {
    /// Its id.
    pub pk: String,
    /// Date signed.
    pub tanggal: NaiveDate,
    /// The number of the regulation or decision it rests on.
    pub dasar: String,
    /// Its date.
    pub dasar_tanggal: NaiveDate,
    /// Why.
    pub alasan: Option<Text>,
}

/// Where a row's figures come from, so that a reviewer can be pointed at the line that moved a
/// figure: the target, every realisation the row's realisation is computed from (one for a
/// quarter, the quarters to date for a `kumulatif` quarter, the quarters or the Renstra figure for
/// the year) and the validation verdict.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Provenance {
    /// The target as written (rencana aksi for a quarter, Renstra for the year).
    pub target: Option<Loc>,
    /// The realisations, in quarter order.
    pub realisasi: Vec<Loc>,
    /// The validation team's verdict.
    pub validasi: Option<Loc>,
}

impl Row {
    /// The official achievement: validated where validation exists, else reported (§3.4).
    pub fn capaian_resmi(&self) -> Option<Decimal> {
        match self.validasi {
            Validation::Belum => self.capaian,
            Validation::Verdict(_) => self.capaian_tervalidasi,
        }
    }
}

/// Where an indicator sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// An IKU of a sasaran.
    Sasaran(String),
    /// An indicator of a programme, kegiatan or sub-kegiatan, by code.
    Kegiatan(String),
}

/// Trend of one year (§3.6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    /// Year.
    pub tahun: i32,
    /// Realisation of the year.
    pub realisasi: Decimal,
    /// Change from the previous year that has a realisation: (year, difference).
    pub perubahan: Option<(i32, Decimal)>,
    /// Achievement of this year's realisation against the final Renstra year's target.
    pub capaian_renstra: Option<Decimal>,
}

/// Everything computed for one indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorLedger {
    /// Id.
    pub id: String,
    /// Where it belongs.
    pub owner: Owner,
    /// Polarity.
    pub polaritas: Polaritas,
    /// Aggregation.
    pub agregasi: Agregasi,
    /// Rows in export order: year, then TW1…TW4, TAHUN.
    pub rows: Vec<Row>,
    /// Trend per year with a realisation.
    pub trend: Vec<Trend>,
}

/// Budget of a programme, kegiatan or sub-kegiatan in one year (§3.7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// Code.
    pub kode: String,
    /// Year.
    pub tahun: i32,
    /// Ceiling.
    pub pagu: Option<Decimal>,
    /// Spent.
    pub realisasi: Option<Decimal>,
    /// Absorption, percent, rounded.
    pub serapan: Option<Decimal>,
    /// Mean official achievement of its indicators that have one, rounded.
    pub capaian_rata_rata: Option<Decimal>,
    /// Mean achievement minus absorption, in percentage points.
    pub efisiensi: Option<Decimal>,
}

/// The computed ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ledger {
    /// The as-of date used for deadlines.
    pub as_of: NaiveDate,
    /// The predicate scale.
    pub scale: Scale,
    /// Indicators in definition order (renstra, then cascading depth-first).
    pub indicators: Vec<IndicatorLedger>,
    /// IKM per survey.
    pub ikm: Vec<Ikm>,
    /// Budgets, programme by programme depth-first, then year.
    pub budgets: Vec<Budget>,
    /// Reporting calendar of every year with quarterly files.
    pub reports: Vec<Report>,
    /// Follow-up of every recommendation.
    pub follow_ups: Vec<FollowUp>,
    /// Self-evaluations.
    pub lke: Vec<LkeResult>,
    /// The evidence matrix of every year with a rencana aksi (§3.9).
    pub bukti: Vec<EvidenceCell>,
    /// Every year-end projection, history included (§3.9).
    pub proyeksi: Vec<Projection>,
    /// The LKE evidence of every year folder (§3.9).
    pub lke_bukti: Vec<LkeBukti>,
    /// Realisations against the external standards of the analyses (§2.10).
    pub standar: Vec<Perbandingan>,
}

/// The ledger of each indicator id; where an id appears twice (an error of `check`), the first
/// counts.
pub fn by_id(indicators: &[IndicatorLedger]) -> HashMap<&str, &IndicatorLedger> {
    let mut out = HashMap::new();
    for l in indicators {
        out.entry(l.id.as_str()).or_insert(l);
    }
    out
}

/// Reports arithmetic that would overflow, at the value that caused it.
pub(crate) struct Overflow<'d> {
    diags: &'d mut Diagnostics,
}

impl Overflow<'_> {
    /// Record an overflow at `loc` while computing `what` (Indonesian, English).
    pub(crate) fn report(&mut self, loc: &Loc, what: (&str, &str)) {
        self.diags.error(
            Code::ArithmeticOverflow,
            loc.clone(),
            Message::new(
                format!("angka terlalu besar untuk dihitung tepat ({})", what.0),
                format!("figures too large to compute exactly ({})", what.1),
            ),
        );
    }
}

/// Compute the ledger of a validated site. Overflows are reported in `diags`.
pub fn compute(site: &Site, as_of: NaiveDate, diags: &mut Diagnostics) -> Ledger {
    let scale = scale(site);
    let mut overflow = Overflow { diags };
    let ikm = survey::ikm(site, &mut overflow);
    let indicators = indicators::indicators(site, &ikm, &scale, &mut overflow);
    let budgets = indicators::budgets(site, &indicators, &mut overflow);
    let lke = lke::lke(site, &mut overflow);
    let proyeksi = proyeksi::projections(&indicators, &mut overflow);
    let bukti = bukti::matrix(site, &indicators);
    let reports = calendar::reports(site, as_of);
    let follow_ups = calendar::follow_ups(site, as_of);
    let sources = lke_bukti::Sources {
        site,
        indicators: &indicators,
        matrix: &bukti,
        reports: &reports,
        follow_ups: &follow_ups,
        as_of,
    };
    let lke_bukti = lke_bukti::lke_bukti(&sources, &pk::covered(site));
    let standar = pk::standards(site, &indicators, &mut overflow);
    Ledger {
        as_of,
        reports,
        follow_ups,
        scale,
        indicators,
        ikm,
        budgets,
        lke,
        bukti,
        proyeksi,
        lke_bukti,
        standar,
    }
}

fn scale(site: &Site) -> Scale {
    match site.sakip.as_ref().and_then(|s| s.predikat.as_ref()) {
        Some(bands) => Scale {
            bands: bands
                .iter()
                .map(|b| Band { min: b.min.as_ref().map(|m| m.value), nama: b.nama.clone() })
                .collect(),
        },
        None => Scale::permendagri_86_2017(),
    }
}
