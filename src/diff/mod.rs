//! What a change does to the published figures: the comparison of two computed sites
//! (issue 11, item 1). [`compare`] is a pure function of two (site, ledger) pairs, so that
//! `sakip-site diff` ([`git`] reads the revisions, [`render`] writes Markdown or JSON) and a
//! future *Riwayat perubahan* page share one engine.
//!
//! Rows are matched by (indicator id, year, period). A row is listed when any of its target,
//! realisation, cumulative realisation, reported or validated achievement, validation status
//! or predicate differs; figures compare by value, so `80` and `80.0` are the same figure. A
//! row on one side only is compared with a blank row, so that it reads as "– → new".

pub mod git;
pub mod render;

use std::collections::{BTreeMap, HashMap, HashSet};

use rust_decimal::Decimal;

use crate::compute::{FollowUpStatus, IndicatorLedger, Ledger, Periode, Row, Validation};
use crate::content::model::{Indikator, JenisEvaluasi, Site, Text};
use crate::diagnostics::Loc;
use crate::number::Target;

/// One side of the comparison: the checked model (for names) and its figures.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The model.
    pub site: &'a Site,
    /// Its ledger.
    pub ledger: &'a Ledger,
}

/// Everything that differs between two sides.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// Rows whose figures differ, in the head's definition order, then rows of removed
    /// indicators.
    pub rows: Vec<RowChange>,
    /// Indicators only in the head.
    pub indicators_added: Vec<Indicator>,
    /// Indicators only in the base.
    pub indicators_removed: Vec<Indicator>,
    /// Evaluations only in the head.
    pub evaluations_added: Vec<Evaluation>,
    /// Recommendations added to evaluations that the base already has.
    pub recommendations_added: Vec<Recommendation>,
    /// Follow-ups whose status differs.
    pub follow_ups_changed: Vec<FollowUpChange>,
}

impl Changes {
    /// True when nothing at all differs.
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }

    /// How many indicators have a changed row.
    pub fn indicators_with_changes(&self) -> usize {
        self.rows.iter().map(|r| r.indicator.id.as_str()).collect::<HashSet<_>>().len()
    }
}

/// An indicator as the comparison names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    /// Id.
    pub id: String,
    /// Name.
    pub nama: Text,
    /// Unit as written (`rupiah`, `persen`, `hari`…), for formatting.
    pub satuan: String,
}

/// A row's figures, with the predicate by name so that a changed scale compares by words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figures {
    /// Target.
    pub target: Option<Target>,
    /// The period's own realisation.
    pub realisasi: Option<Decimal>,
    /// Sum of quarters to date (`kumulatif` quarters).
    pub realisasi_kumulatif: Option<Decimal>,
    /// Reported achievement.
    pub capaian: Option<Decimal>,
    /// Validated achievement.
    pub capaian_tervalidasi: Option<Decimal>,
    /// Validation status; `None` only for a row that does not exist on this side.
    pub validasi: Option<Validation>,
    /// The predicate's Indonesian name.
    pub predikat: Option<String>,
}

/// A figure of a row that can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// Target.
    Target,
    /// Realisation.
    Realisasi,
    /// Cumulative realisation.
    RealisasiKumulatif,
    /// Reported achievement.
    Capaian,
    /// Validated achievement.
    CapaianTervalidasi,
    /// Validation status.
    Validasi,
    /// Predicate.
    Predikat,
}

impl Field {
    /// Every field, in table order.
    pub const ALL: [Field; 7] = [
        Field::Target,
        Field::Realisasi,
        Field::RealisasiKumulatif,
        Field::Capaian,
        Field::CapaianTervalidasi,
        Field::Validasi,
        Field::Predikat,
    ];

    /// The column name of `capaian.csv` (SPEC §5.3), used as the JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Field::Target => "target",
            Field::Realisasi => "realisasi",
            Field::RealisasiKumulatif => "realisasi_kumulatif",
            Field::Capaian => "capaian",
            Field::CapaianTervalidasi => "capaian_tervalidasi",
            Field::Validasi => "status_validasi",
            Field::Predikat => "predikat",
        }
    }

    fn differs(self, a: &Figures, b: &Figures) -> bool {
        match self {
            Field::Target => a.target != b.target,
            Field::Realisasi => a.realisasi != b.realisasi,
            Field::RealisasiKumulatif => a.realisasi_kumulatif != b.realisasi_kumulatif,
            Field::Capaian => a.capaian != b.capaian,
            Field::CapaianTervalidasi => a.capaian_tervalidasi != b.capaian_tervalidasi,
            Field::Validasi => a.validasi != b.validasi,
            Field::Predikat => a.predikat != b.predikat,
        }
    }
}

/// How a row differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    /// On both sides, with different figures.
    Changed,
    /// Only in the head.
    Added,
    /// Only in the base.
    Removed,
}

/// One indicator × year × period whose figures differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowChange {
    /// The indicator (as the head names it, else the base).
    pub indicator: Indicator,
    /// Year.
    pub tahun: i32,
    /// Period.
    pub periode: Periode,
    /// Changed, added or removed.
    pub status: RowStatus,
    /// The base's figures (blank when added).
    pub before: Figures,
    /// The head's figures (blank when removed).
    pub after: Figures,
    /// The fields that differ, in table order.
    pub fields: Vec<Field>,
    /// The input that moved the row: in the head, or in the base for a removed row.
    pub source: Option<Loc>,
}

/// An evaluation only in the head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Year folder.
    pub tahun: i32,
    /// Id.
    pub id: String,
    /// Kind.
    pub jenis: JenisEvaluasi,
    /// Period evaluated.
    pub periode: Periode,
    /// How many recommendations it makes.
    pub rekomendasi: usize,
    /// Where it is written.
    pub loc: Loc,
}

/// A recommendation added to an evaluation the base already has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// Year folder.
    pub tahun: i32,
    /// Evaluation id.
    pub evaluasi: String,
    /// Recommendation id.
    pub id: String,
    /// Wording.
    pub uraian: Text,
    /// Where it is written.
    pub loc: Loc,
}

/// A follow-up whose status differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpChange {
    /// Year folder.
    pub tahun: i32,
    /// Evaluation id.
    pub evaluasi: String,
    /// Recommendation id.
    pub rekomendasi: String,
    /// Status in the base.
    pub before: FollowUpStatus,
    /// Status in the head.
    pub after: FollowUpStatus,
    /// Where the recommendation is written in the head.
    pub loc: Loc,
}

/// Everything that differs from `base` to `head`. Both ledgers should be computed with one
/// as-of date, or deadlines alone make follow-up statuses differ.
pub fn compare(base: Side, head: Side) -> Changes {
    let (base_names, head_names) = (names(base.site), names(head.site));
    let base_ids: HashMap<&str, &IndicatorLedger> = crate::compute::by_id(&base.ledger.indicators);
    let head_ids: HashMap<&str, &IndicatorLedger> = crate::compute::by_id(&head.ledger.indicators);
    let mut changes = Changes::default();
    for after in unique(&head.ledger.indicators) {
        let before = base_ids.get(after.id.as_str()).copied();
        let indicator = describe(&after.id, &head_names);
        if before.is_none() {
            changes.indicators_added.push(indicator.clone());
        }
        let pair = Pair { base: (base, before), head: (head, Some(after)) };
        changes.rows.extend(pair.rows(&indicator));
    }
    for before in unique(&base.ledger.indicators).filter(|l| !head_ids.contains_key(l.id.as_str())) {
        let indicator = describe(&before.id, &base_names);
        changes.indicators_removed.push(indicator.clone());
        let pair = Pair { base: (base, Some(before)), head: (head, None) };
        changes.rows.extend(pair.rows(&indicator));
    }
    evaluations(base.site, head.site, &mut changes);
    changes.follow_ups_changed = follow_ups(base.ledger, head.ledger);
    changes
}

/// Each indicator id once (a duplicate id is an error of `check`; the first counts).
fn unique(indicators: &[IndicatorLedger]) -> impl Iterator<Item = &IndicatorLedger> {
    let mut seen = HashSet::new();
    indicators.iter().filter(move |l| seen.insert(l.id.as_str()))
}

fn names(site: &Site) -> HashMap<&str, &Indikator> {
    let mut out = HashMap::new();
    for (ind, _) in site.indicators() {
        out.entry(ind.id.value.as_str()).or_insert(ind);
    }
    out
}

fn describe(id: &str, names: &HashMap<&str, &Indikator>) -> Indicator {
    let ind = names.get(id);
    Indicator {
        id: id.to_string(),
        nama: ind.map(|i| i.nama.clone()).unwrap_or_default(),
        satuan: ind.map(|i| i.satuan.id.clone()).unwrap_or_default(),
    }
}

/// One indicator's ledger on each side (absent where the indicator is).
struct Pair<'a> {
    base: (Side<'a>, Option<&'a IndicatorLedger>),
    head: (Side<'a>, Option<&'a IndicatorLedger>),
}

type Key = (i32, Periode);

impl<'a> Pair<'a> {
    /// The rows of this indicator that differ, in year and period order.
    fn rows(&self, indicator: &Indicator) -> Vec<RowChange> {
        let (before, after) = (keyed(self.base.1), keyed(self.head.1));
        let mut keys: Vec<Key> = before.keys().chain(after.keys()).copied().collect();
        keys.sort();
        keys.dedup();
        keys.into_iter()
            .filter_map(|key| self.row(indicator, key, before.get(&key).copied(), after.get(&key).copied()))
            .collect()
    }

    fn row(
        &self,
        indicator: &Indicator,
        key: Key,
        before: Option<&Row>,
        after: Option<&Row>,
    ) -> Option<RowChange> {
        let old = before.map(|r| figures(r, self.base.0.ledger)).unwrap_or_default();
        let new = after.map(|r| figures(r, self.head.0.ledger)).unwrap_or_default();
        let fields: Vec<Field> = Field::ALL.into_iter().filter(|f| f.differs(&old, &new)).collect();
        if fields.is_empty() {
            return None;
        }
        let status = match (before, after) {
            (Some(_), Some(_)) => RowStatus::Changed,
            (None, _) => RowStatus::Added,
            (_, None) => RowStatus::Removed,
        };
        let source = source_of(self.base.1, self.head.1, key, &fields);
        Some(RowChange {
            indicator: indicator.clone(),
            tahun: key.0,
            periode: key.1,
            status,
            before: old,
            after: new,
            fields,
            source,
        })
    }
}

fn keyed(ledger: Option<&IndicatorLedger>) -> BTreeMap<Key, &Row> {
    let mut out = BTreeMap::new();
    for row in ledger.iter().flat_map(|l| &l.rows) {
        out.entry((row.tahun, row.periode)).or_insert(row);
    }
    out
}

fn figures(row: &Row, ledger: &Ledger) -> Figures {
    Figures {
        target: row.target,
        realisasi: row.realisasi,
        realisasi_kumulatif: row.realisasi_kumulatif,
        capaian: row.capaian,
        capaian_tervalidasi: row.capaian_tervalidasi,
        validasi: Some(row.validasi),
        predikat: row.predikat.and_then(|i| Some(ledger.scale.bands.get(i)?.nama.id.clone())),
    }
}

/// New evaluations, and new recommendations of evaluations the base already has.
fn evaluations(base: &Site, head: &Site, changes: &mut Changes) {
    for (&tahun, year) in &head.years {
        let known = base.years.get(&tahun).and_then(|y| y.evaluasi.as_ref());
        for ev in year.evaluasi.iter().flat_map(|e| &e.evaluasi) {
            let Some(old) = known.and_then(|k| k.evaluasi.iter().find(|o| o.id.value == ev.id.value)) else {
                changes.evaluations_added.push(Evaluation {
                    tahun,
                    id: ev.id.value.clone(),
                    jenis: ev.jenis.value,
                    periode: ev.periode.value,
                    rekomendasi: ev.rekomendasi.len(),
                    loc: ev.id.loc.clone(),
                });
                continue;
            };
            for rec in
                ev.rekomendasi.iter().filter(|r| !old.rekomendasi.iter().any(|o| o.id.value == r.id.value))
            {
                changes.recommendations_added.push(Recommendation {
                    tahun,
                    evaluasi: ev.id.value.clone(),
                    id: rec.id.value.clone(),
                    uraian: rec.uraian.clone(),
                    loc: rec.id.loc.clone(),
                });
            }
        }
    }
}

/// Follow-ups on both sides whose status differs.
fn follow_ups(base: &Ledger, head: &Ledger) -> Vec<FollowUpChange> {
    let before: HashMap<(i32, &str, &str), FollowUpStatus> = base
        .follow_ups
        .iter()
        .map(|f| ((f.tahun, f.evaluasi.as_str(), f.rekomendasi.as_str()), f.status))
        .collect();
    head.follow_ups
        .iter()
        .filter_map(|f| {
            let old = *before.get(&(f.tahun, f.evaluasi.as_str(), f.rekomendasi.as_str()))?;
            (old != f.status).then(|| FollowUpChange {
                tahun: f.tahun,
                evaluasi: f.evaluasi.clone(),
                rekomendasi: f.rekomendasi.clone(),
                before: old,
                after: f.status,
                loc: f.loc.clone(),
            })
        })
        .collect()
}

// Which written value moved a changed row, from the ledger's provenance (issue 8, item 4).
//
// A row's provenance lists every input: its target, the realisations it is computed from and
// the verdict. The one to show a reviewer is the input whose value changed: the target when it
// differs; else, when a realisation-based figure differs, the realisation of the first quarter
// whose own value differs (a `kumulatif` TW3 lists TW1 to TW3, and only one of them was
// edited); else the verdict. Locations are taken from the head, or from the base for a row
// that the head no longer has.

/// The location that moved the row `key` of an indicator whose `fields` differ.
fn source_of(
    base: Option<&IndicatorLedger>,
    head: Option<&IndicatorLedger>,
    key: Key,
    fields: &[Field],
) -> Option<Loc> {
    let (side, other, row) = match head.and_then(|h| find(h, key).map(|r| (h, r))) {
        Some((h, row)) => (h, base, row),
        None => {
            let b = base?;
            (b, head, find(b, key)?)
        }
    };
    let p = &row.provenance;
    let realisation_moved =
        fields.iter().any(|f| matches!(f, Field::Realisasi | Field::RealisasiKumulatif | Field::Capaian));
    let verdict_moved = fields.iter().any(|f| matches!(f, Field::Validasi | Field::CapaianTervalidasi));
    if fields.contains(&Field::Target) && p.target.is_some() {
        return p.target.clone();
    }
    if realisation_moved && let Some(loc) = moved_realisation(side, other, row) {
        return Some(loc);
    }
    if verdict_moved && p.validasi.is_some() {
        return p.validasi.clone();
    }
    // What moved is no longer written on this side (a verdict or a target deleted, a changed
    // predicate scale): point at the row's first input.
    p.target.clone().or_else(|| p.realisasi.first().cloned()).or_else(|| p.validasi.clone())
}

fn find(ledger: &IndicatorLedger, key: Key) -> Option<&Row> {
    ledger.rows.iter().find(|r| (r.tahun, r.periode) == key)
}

/// The first realisation of `row` that is a quarter's own figure and differs on the `other`
/// side; else the row's first realisation.
fn moved_realisation(side: &IndicatorLedger, other: Option<&IndicatorLedger>, row: &Row) -> Option<Loc> {
    fn quarter(ledger: &IndicatorLedger, tahun: i32, q: u8) -> Option<&Row> {
        find(ledger, (tahun, Periode::Triwulan(q)))
    }
    for loc in &row.provenance.realisasi {
        // The quarter whose own realisation is written at `loc`: the last input of its row.
        let own = (1..=4u8).find_map(|q| {
            let r = quarter(side, row.tahun, q).filter(|r| r.realisasi.is_some())?;
            (r.provenance.realisasi.last() == Some(loc)).then_some((q, r.realisasi))
        });
        let Some((q, value)) = own else { continue };
        let before = other.and_then(|o| quarter(o, row.tahun, q)).and_then(|r| r.realisasi);
        if before != value {
            return Some(loc.clone());
        }
    }
    row.provenance.realisasi.first().cloned()
}
