//! The page of a year: the measurement of the IKU and of the cascading indicators, budgets,
//! the reporting calendar, evaluations with their follow-up, the team, the IKM and the LKE.

use serde::Serialize;

use super::calendar::{FollowUpView, ReportView};
use super::view::{Html, IndicatorRef, RowView, Txt, markdown, same, txt};
use super::{Angka, Presenter, Words};
use crate::compute::{Periode, Row};
use crate::content::model::{Indikator, Kegiatan, Year};
use crate::content::reader::Choice;
use crate::diagnostics::Lang;

/// A row of the Pengukuran Kinerja table.
#[derive(Serialize)]
pub struct MeasurementLine {
    sasaran: Txt,
    ind: IndicatorRef,
    row: Option<RowView>,
    quarters: Vec<RowView>,
}

/// A budget line.
#[derive(Serialize)]
pub struct BudgetLine {
    level: usize,
    kode: String,
    /// The HTML id of the unit in the cascading tree.
    anchor: String,
    nama: Txt,
    pagu: Option<Angka>,
    realisasi: Option<Angka>,
    serapan: Option<Angka>,
    capaian_rata_rata: Option<Angka>,
    efisiensi: Option<Angka>,
}

/// An evaluation with its recommendations.
#[derive(Serialize)]
pub struct EvaluationView {
    id: String,
    jenis: &'static str,
    periode: String,
    oleh: Txt,
    tanggal: String,
    temuan: Option<Html>,
    rekomendasi: Vec<FollowUpView>,
}

/// The team.
#[derive(Serialize)]
pub struct TeamView {
    sk_nomor: String,
    sk_tanggal: String,
    anggota: Vec<(String, Txt, &'static str)>,
}

/// A survey.
#[derive(Serialize)]
pub struct IkmView {
    periode: String,
    responden: Option<u64>,
    nrr: Vec<Angka>,
    ikm: Angka,
    mutu: &'static str,
    mutu_nama: &'static str,
}

/// The LKE: each component with its weight and score, the total and the predicate.
#[derive(Serialize)]
pub struct LkeView {
    komponen: Vec<(&'static str, u32, Angka)>,
    total: Angka,
    predikat: &'static str,
}

/// A year page.
#[derive(Serialize)]
pub struct YearPage {
    tahun: i32,
    measurement: Vec<MeasurementLine>,
    cascading: Vec<MeasurementLine>,
    budgets: Vec<BudgetLine>,
    reports: Vec<ReportView>,
    evaluations: Vec<EvaluationView>,
    team: Option<TeamView>,
    ikm: Vec<IkmView>,
    lke: Option<LkeView>,
    akuntabilitas: super::analisis::YearSection,
}

/// Build the page of a year; `root` is the relative path to the site root.
pub fn year(p: &Presenter, tahun: i32, t: &Words, root: &str) -> YearPage {
    let lang = t.lang;
    let y = p.site.years.get(&tahun);
    let mut measurement = Vec::new();
    for s in p.site.sasaran() {
        measurement.extend(s.indikator.iter().filter_map(|i| line(p, tahun, i, txt(&s.uraian, lang), lang)));
    }
    let mut cascading = Vec::new();
    let mut budgets = Vec::new();
    for (unit, level) in p.site.units() {
        cascading
            .extend(unit.indikator.iter().filter_map(|i| line(p, tahun, i, same(&unit.kode.value), lang)));
        budgets.extend(budget_line(p, unit, level, tahun, lang));
    }
    YearPage {
        tahun,
        measurement,
        cascading,
        budgets,
        reports: p.ledger.reports.iter().filter(|r| r.tahun == tahun).map(ReportView::new).collect(),
        evaluations: y.map(|y| evaluations(p, tahun, y, lang, root)).unwrap_or_default(),
        team: y.and_then(|y| team(y, lang)),
        ikm: ikm(p, tahun),
        lke: lke(p, tahun),
        akuntabilitas: super::analisis::year_section(p, tahun, lang),
    }
}

/// The rows of `ind` in `tahun`, if it has any.
fn line(p: &Presenter, tahun: i32, ind: &Indikator, sasaran: Txt, lang: Lang) -> Option<MeasurementLine> {
    let l = p.ledger_of(&ind.id.value)?;
    let rows: Vec<&Row> = l.rows.iter().filter(|r| r.tahun == tahun).collect();
    if rows.is_empty() {
        return None;
    }
    let view = |r: &&Row| RowView::new(r, &p.ledger.scale, lang);
    Some(MeasurementLine {
        sasaran,
        ind: IndicatorRef::new(ind, lang),
        row: rows.iter().find(|r| r.periode == Periode::Tahunan).map(view),
        quarters: rows.iter().filter(|r| r.periode != Periode::Tahunan).map(view).collect(),
    })
}

fn budget_line(p: &Presenter, unit: &Kegiatan, level: usize, tahun: i32, lang: Lang) -> Option<BudgetLine> {
    let b = p.budget(&unit.kode.value, tahun)?;
    Some(BudgetLine {
        level,
        kode: b.kode.clone(),
        anchor: super::indicator::anchor(&b.kode),
        nama: txt(&unit.nama, lang),
        pagu: b.pagu.map(Angka),
        realisasi: b.realisasi.map(Angka),
        serapan: b.serapan.map(Angka),
        capaian_rata_rata: b.capaian_rata_rata.map(Angka),
        efisiensi: b.efisiensi.map(Angka),
    })
}

/// The evaluations of the year, each with its recommendations' follow-up.
fn evaluations(p: &Presenter, tahun: i32, y: &Year, lang: Lang, root: &str) -> Vec<EvaluationView> {
    let follow_ups: Vec<_> = p.ledger.follow_ups.iter().filter(|f| f.tahun == tahun).collect();
    let Some(ev) = &y.evaluasi else { return Vec::new() };
    ev.evaluasi
        .iter()
        .enumerate()
        .map(|(i, e)| EvaluationView {
            id: e.id.value.clone(),
            jenis: e.jenis.value.word(),
            periode: e.periode.value.label(),
            oleh: txt(&e.oleh, lang),
            tanggal: e.tanggal.value.to_string(),
            temuan: e.temuan.as_ref().map(|m| markdown(m, lang)),
            rekomendasi: follow_ups
                .iter()
                .filter(|f| f.at.0 == i)
                .map(|f| FollowUpView::new(f, p.site, lang, Some(root)))
                .collect(),
        })
        .collect()
}

fn team(y: &Year, lang: Lang) -> Option<TeamView> {
    let tim = y.tim.as_ref()?;
    Some(TeamView {
        sk_nomor: tim.sk_nomor.clone(),
        sk_tanggal: tim.sk_tanggal.value.to_string(),
        anggota: tim
            .anggota
            .iter()
            .map(|a| (a.nama.clone(), txt(&a.jabatan, lang), a.peran.word()))
            .collect(),
    })
}

fn ikm(p: &Presenter, tahun: i32) -> Vec<IkmView> {
    p.ledger
        .ikm
        .iter()
        .filter(|s| s.tahun == tahun)
        .map(|s| IkmView {
            periode: s.periode.label(),
            responden: s.responden,
            nrr: s.nrr_shown().into_iter().map(Angka).collect(),
            ikm: Angka(s.ikm),
            mutu: s.mutu.huruf(),
            mutu_nama: s.mutu.nama(),
        })
        .collect()
}

pub(super) fn lke(p: &Presenter, tahun: i32) -> Option<LkeView> {
    let l = p.ledger.lke.iter().find(|l| l.tahun == tahun)?;
    Some(LkeView {
        komponen: l
            .komponen
            .iter()
            .map(|n| (n.komponen.word(), n.komponen.bobot(), Angka(n.nilai)))
            .collect(),
        total: Angka(l.total),
        predikat: l.predikat.label(),
    })
}
