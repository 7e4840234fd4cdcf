//! Rows of every indicator (SPEC §3.1–§3.4, §5.3), their trends (§3.6) and budgets (§3.7).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rust_decimal::Decimal;

use super::pk::Revision;
use super::rules::{self, Scale, round2};
use super::{Budget, Ikm, IndicatorLedger, Overflow, Owner, Periode, Provenance, Row, Trend, Validation};
use crate::content::index::YearIndex;
use crate::content::model::*;
use crate::diagnostics::Loc;
use crate::number::Target;

/// Ledgers of every indicator in definition order.
pub(super) fn indicators(
    site: &Site,
    ikm: &[Ikm],
    scale: &Scale,
    overflow: &mut Overflow,
) -> Vec<IndicatorLedger> {
    let final_year = site.renstra.as_ref().map(|r| r.periode.value.1);
    let index: BTreeMap<i32, YearIndex> =
        site.years.iter().map(|(&y, year)| (y, YearIndex::new(year))).collect();
    let revisions = super::pk::revisions(site);
    owned_indicators(site)
        .into_iter()
        .map(|(ind, owner)| {
            let rows = rows(&Sources { index: &index, ikm, revisions: &revisions }, ind, scale, overflow);
            let trend = trend(ind, &rows, final_year);
            IndicatorLedger {
                id: ind.id.value.clone(),
                owner,
                polaritas: ind.polaritas.value,
                agregasi: ind.agregasi.value,
                rows,
                trend,
            }
        })
        .collect()
}

/// Indicators with their owner, renstra first then cascading depth-first.
fn owned_indicators(site: &Site) -> Vec<(&Indikator, Owner)> {
    let owner = |parent| match parent {
        Parent::Sasaran(s) => Owner::Sasaran(s.id.value.clone()),
        Parent::Unit(u) => Owner::Kegiatan(u.kode.value.clone()),
    };
    site.indicators().into_iter().map(|(i, parent)| (i, owner(parent))).collect()
}

/// The years an indicator has rows for: any year with a target, a realisation anywhere, or a
/// rencana aksi entry.
fn years(index: &BTreeMap<i32, YearIndex>, ind: &Indikator, ikm: &[Ikm]) -> BTreeSet<i32> {
    let mut years: BTreeSet<i32> =
        ind.target.iter().filter(|(_, t)| t.value.is_some()).map(|(y, _)| *y).collect();
    years.extend(ind.realisasi.iter().filter(|(_, r)| r.value.is_some()).map(|(y, _)| *y));
    for (&y, year) in index {
        let planned = plan_entry(year, ind).is_some();
        let reported = (1..=4).any(|q| file_value(year, ind, q).is_some());
        let surveyed = ind.sumber.is_some() && ikm.iter().any(|s| s.tahun == y);
        if planned || reported || surveyed {
            years.insert(y);
        }
    }
    years
}

fn plan_entry<'a>(year: &YearIndex<'a>, ind: &Indikator) -> Option<&'a RencanaAksiEntry> {
    year.plan(&ind.id.value)
}

/// The realisation of quarter `q` written in `realisasi/twq.yaml`.
fn file_value(year: &YearIndex, ind: &Indikator, q: u8) -> Option<Decimal> {
    year.entry(q, &ind.id.value)?.realisasi.value
}

/// A realisation and where it was written.
type Measured = (Decimal, Loc);

/// The quarter's own realisation: from the survey for `sumber: skm` in a year with surveys,
/// else from the quarterly file.
fn quarter_value(year: &YearIndex, tahun: i32, ind: &Indikator, ikm: &[Ikm], q: u8) -> Option<Measured> {
    let surveys: Vec<&Ikm> = ikm.iter().filter(|s| s.tahun == tahun).collect();
    if ind.sumber.is_some() && !surveys.is_empty() {
        return surveys.iter().find(|s| s.periode.quarter() == q).map(|s| (s.ikm, s.loc.clone()));
    }
    let r = &year.entry(q, &ind.id.value)?.realisasi;
    Some((r.value?, r.loc.clone()))
}

/// What the rows of an indicator are computed from besides the indicator itself.
struct Sources<'s, 'a> {
    /// The entries of each year folder.
    index: &'s BTreeMap<i32, YearIndex<'a>>,
    /// The IKM of every survey.
    ikm: &'s [Ikm],
    /// The revised target in force of each (year, indicator).
    revisions: &'s HashMap<(i32, &'a str), Revision<'a>>,
}

fn rows(sources: &Sources, ind: &Indikator, scale: &Scale, overflow: &mut Overflow) -> Vec<Row> {
    let Sources { index, ikm, .. } = *sources;
    let empty = YearIndex::default();
    let mut out = Vec::new();
    for tahun in years(index, ind, ikm) {
        let year = index.get(&tahun).unwrap_or(&empty);
        let measured: [Option<Measured>; 4] =
            std::array::from_fn(|i| quarter_value(year, tahun, ind, ikm, i as u8 + 1));
        let verdicts = verdicts(year, ind);
        let target = ind.target.get(&tahun).filter(|t| t.value.is_some());
        let revision = sources.revisions.get(&(tahun, ind.id.value.as_str()));
        if let Some(plan) = plan_entry(year, ind) {
            let mut rows = quarter_rows(ind, tahun, plan, &measured, &verdicts, scale, overflow);
            if let Some(r) = revision {
                revise_last_quarter(
                    ind,
                    &mut rows,
                    target.and_then(|t| t.value.as_ref()),
                    r,
                    &verdicts,
                    scale,
                    overflow,
                );
            }
            out.extend(rows);
        }
        let values = measured.each_ref().map(|m| m.as_ref().map(|(v, _)| *v));
        let realisasi = annual(ind, tahun, &values, overflow);
        let mut row = Row::blank(tahun, Periode::Tahunan, target.and_then(|t| t.value), realisasi);
        row.provenance.target = target.map(|t| t.loc.clone());
        if let Some(r) = revision {
            revise(&mut row, r);
        }
        row.provenance.realisasi = annual_sources(ind, tahun, &measured);
        row.finish(ind, realisasi, verdicts.get(&Periode::Tahunan).copied(), scale, overflow);
        out.push(row);
    }
    out
}

/// The four quarter rows of a planned year; `kumulatif` indicators are measured on the sum of
/// the quarters to date.
fn quarter_rows(
    ind: &Indikator,
    tahun: i32,
    plan: &RencanaAksiEntry,
    measured: &[Option<Measured>; 4],
    verdicts: &HashMap<Periode, &ValidasiEntry>,
    scale: &Scale,
    overflow: &mut Overflow,
) -> Vec<Row> {
    let cumulative = ind.agregasi.value == Agregasi::Kumulatif;
    let mut sum = Decimal::ZERO;
    let mut out = Vec::with_capacity(4);
    for (i, m) in measured.iter().enumerate() {
        let q = i as u8 + 1;
        let target = plan.target_triwulan.value.get(i).filter(|t| t.value.is_some());
        let value = m.as_ref().map(|(v, _)| *v);
        let mut row = Row::blank(tahun, Periode::Triwulan(q), target.and_then(|t| t.value), value);
        row.provenance.target = target.map(|t| t.loc.clone());
        let inputs = if cumulative { &measured[..=i] } else { &measured[i..=i] };
        row.provenance.realisasi = inputs.iter().flatten().map(|(_, loc)| loc.clone()).collect();
        if cumulative && let Some(v) = value {
            match sum.checked_add(v) {
                Some(total) => sum = total,
                None => overflow.report(&plan.id.loc, ("realisasi kumulatif", "cumulative realisation")),
            }
            row.realisasi_kumulatif = Some(sum);
        }
        let achieved = if cumulative { row.realisasi_kumulatif } else { value };
        row.finish(ind, achieved, verdicts.get(&Periode::Triwulan(q)).copied(), scale, overflow);
        out.push(row);
    }
    out
}

/// Put the revised target of `r` in force on `row`, keeping the original.
fn revise(row: &mut Row, r: &Revision) {
    row.target_awal = row.target.replace(r.entry.target.value);
    row.revisi = Some(r.revisi.clone());
    row.provenance.target = Some(r.entry.target.loc.clone());
}

/// §2.9: the last quarter's target of a `kumulatif` or `terakhir` indicator is the year's
/// target; when it equals the original year target, the revision replaces it too and the
/// quarter is measured again against it.
fn revise_last_quarter(
    ind: &Indikator,
    rows: &mut [Row],
    original: Option<&Target>,
    r: &Revision,
    verdicts: &HashMap<Periode, &ValidasiEntry>,
    scale: &Scale,
    overflow: &mut Overflow,
) {
    if ind.agregasi.value == Agregasi::RataRata {
        return;
    }
    let Some(row) = rows.iter_mut().rev().find(|row| row.target.is_some()) else { return };
    if row.target.as_ref() != original {
        return;
    }
    revise(row, r);
    let achieved =
        if ind.agregasi.value == Agregasi::Kumulatif { row.realisasi_kumulatif } else { row.realisasi };
    row.capaian = None;
    row.finish(ind, achieved, verdicts.get(&row.periode).copied(), scale, overflow);
}

/// Where the year's realisation comes from: the Renstra's annual figure, else the quarters it
/// is computed from (the last one for `terakhir`).
fn annual_sources(ind: &Indikator, tahun: i32, measured: &[Option<Measured>; 4]) -> Vec<Loc> {
    if let Some(r) = ind.realisasi.get(&tahun).filter(|r| r.value.is_some()) {
        return vec![r.loc.clone()];
    }
    let mut locs = measured.iter().flatten().map(|(_, loc)| loc.clone());
    match ind.agregasi.value {
        Agregasi::Terakhir => locs.next_back().into_iter().collect(),
        Agregasi::Kumulatif | Agregasi::RataRata => locs.collect(),
    }
}

/// The year's realisation (§3.2): the Renstra's annual figure, else from the quarters.
fn annual(
    ind: &Indikator,
    tahun: i32,
    quarters: &[Option<Decimal>; 4],
    overflow: &mut Overflow,
) -> Option<Decimal> {
    if let Some(r) = ind.realisasi.get(&tahun).and_then(|r| r.value) {
        return Some(r);
    }
    let measured: Vec<Decimal> = quarters.iter().flatten().copied().collect();
    if measured.is_empty() {
        return None;
    }
    let value = match ind.agregasi.value {
        Agregasi::Kumulatif => measured.iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v)),
        Agregasi::Terakhir => measured.last().copied(),
        Agregasi::RataRata => rules::mean2(&measured),
    };
    if value.is_none() {
        overflow.report(&ind.id.loc, ("realisasi tahunan", "annual realisation"));
    }
    value
}

/// The validation verdicts of an indicator in one year, by period.
fn verdicts<'a>(year: &YearIndex<'a>, ind: &Indikator) -> HashMap<Periode, &'a ValidasiEntry> {
    year.verdicts(&ind.id.value).iter().map(|e| (e.periode.value, *e)).collect()
}

impl Row {
    fn blank(tahun: i32, periode: Periode, target: Option<Target>, realisasi: Option<Decimal>) -> Row {
        Row {
            tahun,
            periode,
            target,
            realisasi,
            target_awal: None,
            revisi: None,
            realisasi_kumulatif: None,
            capaian: None,
            capaian_tervalidasi: None,
            validasi: Validation::Belum,
            alasan: None,
            predikat: None,
            provenance: Provenance::default(),
        }
    }

    /// Achievement of `measured` against the row's target, then validation and predicate.
    fn finish(
        &mut self,
        ind: &Indikator,
        measured: Option<Decimal>,
        verdict: Option<&ValidasiEntry>,
        scale: &Scale,
        overflow: &mut Overflow,
    ) {
        if let (Some(r), Some(t)) = (measured, &self.target) {
            self.capaian = rules::capaian(ind.polaritas.value, r, t).map(round2);
            let undefined_zero =
                matches!(t, Target::Single(z) if z.is_zero()) && ind.polaritas.value == Polaritas::Positif;
            if self.capaian.is_none() && !undefined_zero {
                overflow.report(&ind.id.loc, ("capaian", "achievement"));
            }
        }
        if let Some(v) = verdict {
            self.provenance.validasi = Some(v.status.loc.clone());
            self.validasi = Validation::Verdict(v.status.value);
            self.alasan = v.alasan.clone();
            self.capaian_tervalidasi = match v.status.value {
                StatusValidasi::Sah => self.capaian,
                StatusValidasi::Dikoreksi => v.capaian_terkoreksi.as_ref().map(|c| round2(c.value)),
                StatusValidasi::Ditolak => Some(round2(Decimal::ZERO)),
            };
        }
        self.predikat = self.capaian_resmi().and_then(|c| {
            let band = scale.band(c)?;
            scale.bands.iter().position(|b| b == band)
        });
    }
}

/// Realisation per year against earlier years and the final Renstra target (§3.6).
fn trend(ind: &Indikator, rows: &[Row], final_year: Option<i32>) -> Vec<Trend> {
    let end_target = final_year.and_then(|y| ind.target.get(&y)).and_then(|t| t.value);
    let mut out: Vec<Trend> = Vec::new();
    for row in rows.iter().filter(|r| r.periode == Periode::Tahunan) {
        let Some(realisasi) = row.realisasi else { continue };
        let perubahan = out.last().and_then(|p| Some((p.tahun, realisasi.checked_sub(p.realisasi)?)));
        let capaian_renstra =
            end_target.as_ref().and_then(|t| rules::capaian(ind.polaritas.value, realisasi, t)).map(round2);
        out.push(Trend { tahun: row.tahun, realisasi, perubahan, capaian_renstra });
    }
    out
}

/// Budget absorption and efficiency of every programme, kegiatan and sub-kegiatan (§3.7).
pub(super) fn budgets(site: &Site, ledgers: &[IndicatorLedger], overflow: &mut Overflow) -> Vec<Budget> {
    let mut out = Vec::new();
    let by_id = super::by_id(ledgers);
    for (unit, _) in site.units() {
        for (&tahun, a) in &unit.anggaran {
            out.push(budget(unit, tahun, a, &by_id, overflow));
        }
    }
    out
}

fn budget(
    unit: &Kegiatan,
    tahun: i32,
    a: &Anggaran,
    ledgers: &HashMap<&str, &IndicatorLedger>,
    overflow: &mut Overflow,
) -> Budget {
    let pagu = a.pagu.as_ref().map(|p| p.value);
    let realisasi = a.realisasi.as_ref().map(|r| r.value);
    let serapan = match (realisasi, pagu) {
        (Some(r), Some(p)) if !p.is_zero() => {
            let s = r.checked_mul(Decimal::ONE_HUNDRED).and_then(|x| x.checked_div(p)).map(round2);
            if s.is_none() {
                overflow.report(&unit.kode.loc, ("serapan anggaran", "budget absorption"));
            }
            s
        }
        _ => None,
    };
    let achieved: Vec<Decimal> = unit
        .indikator
        .iter()
        .filter_map(|i| ledgers.get(i.id.value.as_str()))
        .filter_map(|l| l.rows.iter().find(|r| r.tahun == tahun && r.periode == Periode::Tahunan))
        .filter_map(Row::capaian_resmi)
        .collect();
    let capaian_rata_rata = if achieved.is_empty() { None } else { rules::mean2(&achieved) };
    let efisiensi = capaian_rata_rata.zip(serapan).and_then(|(c, s)| c.checked_sub(s));
    Budget { kode: unit.kode.value.clone(), tahun, pagu, realisasi, serapan, capaian_rata_rata, efisiensi }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::*;
    use crate::compute::Overflow;
    use crate::diagnostics::{Diagnostics, Loc};

    fn at() -> Loc {
        Loc::file(&Arc::from("content/test.yaml"))
    }

    fn spanned<T>(value: T) -> Spanned<T> {
        Spanned::new(value, at())
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// An indicator with yearly targets and annual realisations (as written in the Renstra).
    fn indikator(
        id: &str,
        polaritas: Polaritas,
        agregasi: Agregasi,
        target: &[(i32, Decimal)],
        realisasi: &[(i32, Decimal)],
    ) -> Indikator {
        Indikator {
            id: spanned(id.to_string()),
            nama: Text::default(),
            satuan: Text::default(),
            polaritas: spanned(polaritas),
            agregasi: spanned(agregasi),
            definisi: None,
            formula: None,
            sumber_data: None,
            penanggung_jawab: None,
            sumber: None,
            target: target.iter().map(|&(y, t)| (y, spanned(Some(Target::Single(t))))).collect(),
            realisasi: realisasi.iter().map(|&(y, r)| (y, spanned(Some(r)))).collect(),
            units: Vec::new(),
            loc: at(),
        }
    }

    /// A site whose Renstra covers `periode` with one sasaran holding `indikator`.
    fn renstra_site(periode: (i32, i32), indikator: Vec<Indikator>) -> Site {
        let sasaran = Sasaran { id: spanned("S".into()), uraian: Text::default(), indikator };
        let tujuan = Tujuan { id: spanned("T".into()), uraian: Text::default(), sasaran: vec![sasaran] };
        Site { renstra: Some(Renstra { periode: spanned(periode), tujuan: vec![tujuan] }), ..Site::default() }
    }

    /// A site with one indicator planned and reported in every quarter of 2023.
    fn site(polaritas: Polaritas, agregasi: Agregasi, targets: [Decimal; 4], values: [Decimal; 4]) -> Site {
        let plan = RencanaAksiEntry {
            id: spanned("X".to_string()),
            penanggung_jawab: Text::default(),
            target_triwulan: spanned(targets.iter().map(|t| spanned(Some(Target::Single(*t)))).collect()),
            units: Vec::new(),
            data_dukung: Vec::new(),
        };
        let mut year = Year { rencana_aksi: Some(RencanaAksi { indikator: vec![plan] }), ..Year::default() };
        for (i, v) in values.iter().enumerate() {
            year.realisasi[i] = Some(Realisasi {
                oleh: Text::default(),
                tanggal: spanned(chrono::NaiveDate::MIN),
                capaian: vec![CapaianEntry {
                    indikator: spanned("X".to_string()),
                    realisasi: spanned(Some(*v)),
                    units: Vec::new(),
                    catatan: None,
                    data_dukung: Vec::new(),
                }],
            });
        }
        let x = indikator("X", polaritas, agregasi, &[(2023, targets[3])], &[]);
        Site { years: BTreeMap::from([(2023, year)]), ..renstra_site((2023, 2023), vec![x]) }
    }

    /// Every ledger of `site`, checking that nothing overflowed.
    fn ledgers(site: &Site) -> Vec<IndicatorLedger> {
        let mut diags = Diagnostics::default();
        let mut overflow = Overflow { diags: &mut diags };
        let all = indicators(site, &[], &Scale::permendagri_86_2017(), &mut overflow);
        assert!(!diags.has_errors());
        all
    }

    fn ledger(site: &Site) -> IndicatorLedger {
        ledgers(site).remove(0)
    }

    fn trend_of(polaritas: Polaritas, target: &[(i32, Decimal)], realisasi: &[(i32, Decimal)]) -> Vec<Trend> {
        let x = indikator("X", polaritas, Agregasi::Terakhir, target, realisasi);
        ledger(&renstra_site((2019, 2023), vec![x])).trend
    }

    fn year_trend(
        tahun: i32,
        realisasi: &str,
        perubahan: Option<(i32, &str)>,
        capaian_renstra: &str,
    ) -> Trend {
        Trend {
            tahun,
            realisasi: d(realisasi),
            perubahan: perubahan.map(|(y, p)| (y, d(p))),
            capaian_renstra: Some(d(capaian_renstra)),
        }
    }

    #[test]
    fn trend_compares_with_the_previous_year_that_has_a_realisation() {
        // Renstra 2019–2023, positif; the final year's target is 300. 2021 has a target but no
        // realisation, so 2022 is compared with 2020.
        let t = trend_of(
            Polaritas::Positif,
            &[(2019, d("100")), (2021, d("160")), (2023, d("300"))],
            &[(2019, d("120")), (2020, d("150")), (2022, d("140"))],
        );
        assert_eq!(
            t,
            [
                // 120 / 300 × 100 = 40 (not 120 against the year's own target of 100).
                year_trend(2019, "120", None, "40.00"),
                // 150 − 120 = +30; 150 / 300 × 100 = 50.
                year_trend(2020, "150", Some((2019, "30")), "50.00"),
                // 140 − 150 = −10 against 2020; 140 / 300 × 100 = 46.666… → 46.67.
                year_trend(2022, "140", Some((2020, "-10")), "46.67"),
            ]
        );
    }

    #[test]
    fn renstra_progress_of_a_negatif_indicator_is_measured_against_the_final_target() {
        // Negatif (days): final target 6 in 2023, 8 in 2019.
        let t = trend_of(
            Polaritas::Negatif,
            &[(2019, d("8")), (2023, d("6"))],
            &[(2019, d("8")), (2020, d("7")), (2023, d("4.5"))],
        );
        assert_eq!(
            t,
            [
                // (2 × 6 − 8) / 6 × 100 = 66.666… → 66.67 (100 against 2019's own target 8;
                // 133.33 with the positif formula).
                year_trend(2019, "8", None, "66.67"),
                // 7 − 8 = −1; (12 − 7) / 6 × 100 = 83.333… → 83.33.
                year_trend(2020, "7", Some((2019, "-1")), "83.33"),
                // 4.5 − 7 = −2.5; (12 − 4.5) / 6 × 100 = 125.
                year_trend(2023, "4.5", Some((2020, "-2.5")), "125.00"),
            ]
        );
    }

    /// A 2023 indicator measured once for the year (`realisasi` `None`: not measured).
    fn annual(id: &str, polaritas: Polaritas, target: &str, realisasi: Option<&str>) -> Indikator {
        let realisasi: Vec<(i32, Decimal)> = realisasi.map(|r| (2023, d(r))).into_iter().collect();
        indikator(id, polaritas, Agregasi::Terakhir, &[(2023, d(target))], &realisasi)
    }

    /// The validation team's correction of indicator `id`'s 2023 achievement to `capaian`.
    fn corrected(id: &str, capaian: &str) -> ValidasiEntry {
        ValidasiEntry {
            indikator: spanned(id.to_string()),
            periode: spanned(Periode::Tahunan),
            status: spanned(StatusValidasi::Dikoreksi),
            capaian_terkoreksi: Some(spanned(d(capaian))),
            alasan: Some(Text::default()),
            oleh: Text::default(),
            tanggal: spanned(chrono::NaiveDate::MIN),
        }
    }

    /// The 2023 budget of a programme with `indikator`, `pagu` and `realisasi`, after the
    /// validation `verdicts`.
    fn budget_2023(
        indikator: Vec<Indikator>,
        pagu: &str,
        realisasi: &str,
        verdicts: Vec<ValidasiEntry>,
    ) -> Budget {
        let unit = Kegiatan {
            kode: spanned("P".to_string()),
            nama: Text::default(),
            indikator,
            anggaran: BTreeMap::from([(
                2023,
                Anggaran { pagu: Some(spanned(d(pagu))), realisasi: Some(spanned(d(realisasi))) },
            )]),
            anak: Vec::new(),
        };
        let site = Site {
            cascading: Some(Cascading { program: vec![Program { sasaran: spanned("S".to_string()), unit }] }),
            years: BTreeMap::from([(
                2023,
                Year { validasi: Some(Validasi { validasi: verdicts }), ..Year::default() },
            )]),
            ..Site::default()
        };
        let ledgers = ledgers(&site);
        let mut diags = Diagnostics::default();
        let mut all = budgets(&site, &ledgers, &mut Overflow { diags: &mut diags });
        assert!(!diags.has_errors());
        assert_eq!(all.len(), 1);
        all.remove(0)
    }

    #[test]
    fn efficiency_is_the_mean_official_achievement_minus_absorption() {
        let b = budget_2023(
            vec![
                // 76 / 80 × 100 = 95.
                annual("A", Polaritas::Positif, "80", Some("76")),
                // Negatif: (2 × 5 − 4) / 5 × 100 = 120.
                annual("B", Polaritas::Negatif, "5", Some("4")),
                // Reported 9 / 10 × 100 = 90, corrected by the validation team to 70.
                annual("C", Polaritas::Positif, "10", Some("9")),
                // Not measured: no achievement, so not part of the mean.
                annual("D", Polaritas::Positif, "50", None),
            ],
            "1200000000",
            "1074000000",
            vec![corrected("C", "70")],
        );
        // 1 074 000 000 / 1 200 000 000 × 100 = 89.5.
        assert_eq!(b.serapan, Some(d("89.50")));
        // (95 + 120 + 70) / 3 = 95 (101.67 with C's reported 90; 71.25 counting D as 0).
        assert_eq!(b.capaian_rata_rata, Some(d("95.00")));
        // 95 − 89.5 = +5.5 points: more output than money spent.
        assert_eq!(b.efisiensi, Some(d("5.50")));
    }

    #[test]
    fn absorption_and_mean_are_rounded_before_the_difference() {
        let b = budget_2023(
            vec![
                annual("A", Polaritas::Positif, "100", Some("100")),
                annual("B", Polaritas::Positif, "100", Some("100")),
                // 10 001 / 10 000 × 100 = 100.01.
                annual("C", Polaritas::Positif, "10000", Some("10001")),
            ],
            "800000000",
            "785000000",
            Vec::new(),
        );
        // 785 / 800 × 100 = 98.125, half away from zero → 98.13 (half to even: 98.12).
        assert_eq!(b.serapan.map(|s| s.to_string()), Some("98.13".to_string()));
        // (100 + 100 + 100.01) / 3 = 100.00333… → 100.00.
        assert_eq!(b.capaian_rata_rata.map(|c| c.to_string()), Some("100.00".to_string()));
        // 100.00 − 98.13 = 1.87, the difference of the two shown figures (the unrounded ones
        // give 100.00333… − 98.125 = 1.87833… → 1.88).
        assert_eq!(b.efisiensi.map(|e| e.to_string()), Some("1.87".to_string()));
    }

    #[test]
    fn no_absorption_without_a_pagu_and_no_efficiency_without_an_achievement() {
        // Pagu 0: nothing to absorb; the indicator still has its mean (76 / 80 × 100 = 95).
        let b = budget_2023(vec![annual("A", Polaritas::Positif, "80", Some("76"))], "0", "0", Vec::new());
        assert_eq!((b.serapan, b.capaian_rata_rata, b.efisiensi), (None, Some(d("95.00")), None));
        // No indicator measured: 50 / 100 × 100 = 50 absorbed, but no mean and no efficiency.
        let b = budget_2023(vec![annual("D", Polaritas::Positif, "50", None)], "100", "50", Vec::new());
        assert_eq!((b.serapan, b.capaian_rata_rata, b.efisiensi), (Some(d("50.00")), None, None));
    }

    /// Figures from 0.01 to 10^12 with up to two decimals.
    fn figure() -> impl Strategy<Value = Decimal> {
        (1i64..100_000_000_000_000).prop_map(|cents| Decimal::new(cents, 2))
    }

    proptest! {
        #[test]
        fn cumulative_year_equals_the_sum_of_the_quarters(values in prop::array::uniform4(figure())) {
            let targets = [Decimal::from(1), Decimal::from(2), Decimal::from(3), Decimal::from(4)];
            let l = ledger(&site(Polaritas::Positif, Agregasi::Kumulatif, targets, values));
            let sum = values.iter().fold(Decimal::ZERO, |a, v| a + v);
            prop_assert_eq!(l.rows[3].realisasi_kumulatif, Some(sum));
            prop_assert_eq!(l.rows[4].realisasi, Some(sum));
            prop_assert_eq!(l.rows[4].capaian, l.rows[3].capaian);
        }

        #[test]
        fn positif_is_monotonic_and_negatif_reverses_it(
            target in figure(), a in figure(), b in figure(), agregasi in prop_oneof![Just(Agregasi::Terakhir), Just(Agregasi::RataRata)]
        ) {
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            let capaian = |pol, r| ledger(&site(pol, agregasi, [target; 4], [r; 4])).rows[0].capaian.unwrap();
            prop_assert!(capaian(Polaritas::Positif, low) <= capaian(Polaritas::Positif, high));
            prop_assert!(capaian(Polaritas::Negatif, low) >= capaian(Polaritas::Negatif, high));
        }

        #[test]
        fn twenty_eight_significant_digits_survive(digits in "[1-9][0-9]{27}", scale in 0u32..=20) {
            // A realisation of 28 significant digits comes back digit for digit: nothing went
            // through a float, which keeps about 16.
            let value = Decimal::from_i128_with_scale(digits.parse::<i128>().unwrap(), scale);
            let text = value.to_string();
            let parsed = crate::number::parse_figure(&text, true).unwrap().value;
            let l = ledger(&site(Polaritas::Positif, Agregasi::Terakhir, [parsed; 4], [parsed; 4]));
            prop_assert_eq!(crate::number::plain(l.rows[4].realisasi.unwrap()), text);
            prop_assert_eq!(l.rows[4].capaian.map(crate::number::plain), Some("100.00".to_string()));
        }
    }
}
