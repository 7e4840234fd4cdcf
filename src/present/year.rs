//! The page of a year: the measurement of the IKU, the cascading indicators summarised per
//! programme under its sasaran, the programmes' budgets, the reporting calendar, evaluations
//! with their follow-up, the team, the IKM and the LKE; and the page of each programme in a
//! year, with its indicators and the budgets of its kegiatan and sub-kegiatan.
//!
//! A year page stays the size of the Renstra (its IKU and programmes), however many cascading
//! indicators the agency has: those are listed on the programme pages.

use rust_decimal::Decimal;
use serde::Serialize;

use super::calendar::{FollowUpView, ReportView};
use super::object::Rows;
use super::view::{Html, IndicatorRef, RowView, Txt, markdown, same, txt};
use super::{Angka, Presenter, Words};
use crate::compute::{Periode, Row};
use crate::content::model::{Indikator, Kegiatan, Program, Year};
use crate::content::reader::Choice;
use crate::diagnostics::Lang;

/// A row of the Pengukuran Kinerja table.
#[derive(Debug, Serialize)]
pub struct MeasurementLine {
    /// The sasaran it serves (the unit's code on a programme's page).
    pub sasaran: Txt,
    /// The indicator.
    pub ind: IndicatorRef,
    /// Its year's row.
    pub row: Option<RowView>,
    /// Its quarters' rows.
    pub quarters: Vec<RowView>,
}

/// A programme on the year page: how its indicators fared, the detail on its own page.
#[derive(Serialize)]
pub struct ProgramLine {
    sasaran: Txt,
    kode: String,
    nama: Txt,
    /// The programme's page, relative to the year page.
    href: String,
    /// Indicators of the programme and its kegiatan with a figure this year.
    indikator: usize,
    /// Of these, those whose official annual achievement is at least 100 %.
    tercapai: usize,
    /// Of these, those without an annual achievement yet.
    belum: usize,
}

/// The page of one programme in one year.
#[derive(Serialize)]
pub struct ProgramPage {
    tahun: i32,
    sasaran: Txt,
    kode: String,
    nama: Txt,
    anchor: String,
    lines: Rows<MeasurementLine>,
    budgets: Vec<BudgetLine>,
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
    measurement: Rows<MeasurementLine>,
    programs: Vec<ProgramLine>,
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
    let programs = programs(p).filter_map(|prog| program_line(p, tahun, prog, lang)).collect();
    let budgets = programs_of(p).filter_map(|u| budget_line(p, u, 0, tahun, lang)).collect();
    YearPage {
        tahun,
        measurement: measurement.into(),
        programs,
        budgets,
        reports: p.ledger.reports.iter().filter(|r| r.tahun == tahun).map(ReportView::new).collect(),
        evaluations: y.map(|y| evaluations(p, tahun, y, lang, root)).unwrap_or_default(),
        team: y.and_then(|y| team(y, lang)),
        ikm: ikm(p, tahun),
        lke: lke(p, tahun),
        akuntabilitas: super::analisis::year_section(p, tahun, lang),
    }
}

/// Every programme of `cascading.yaml`, in file order.
pub fn programs<'a>(p: &Presenter<'a>) -> impl Iterator<Item = &'a Program> + use<'a> {
    p.site.cascading.iter().flat_map(|c| &c.program)
}

fn programs_of<'a>(p: &Presenter<'a>) -> impl Iterator<Item = &'a Kegiatan> + use<'a> {
    programs(p).map(|prog| &prog.unit)
}

/// The folder of a programme's page below its year's, e.g. `program/2.18.01/`.
pub fn program_path(kode: &str) -> String {
    format!("program/{}/", super::view::slug(kode))
}

/// A programme and its kegiatan and sub-kegiatan, depth-first, with their depth.
fn subtree(unit: &Kegiatan) -> Vec<(&Kegiatan, usize)> {
    fn walk<'a>(unit: &'a Kegiatan, depth: usize, out: &mut Vec<(&'a Kegiatan, usize)>) {
        out.push((unit, depth));
        unit.anak.iter().for_each(|c| walk(c, depth + 1, out));
    }
    let mut out = Vec::new();
    walk(unit, 0, &mut out);
    out
}

/// The sasaran a programme supports, in the page language (its id when the Renstra has none).
fn sasaran_of(p: &Presenter, prog: &Program, lang: Lang) -> Txt {
    p.site
        .sasaran()
        .find(|s| s.id.value == prog.sasaran.value)
        .map_or_else(|| same(&prog.sasaran.value), |s| txt(&s.uraian, lang))
}

/// The measurement lines of the indicators of a programme and its kegiatan, each labelled with
/// its unit's code.
fn program_lines(p: &Presenter, tahun: i32, prog: &Program, lang: Lang) -> Vec<MeasurementLine> {
    subtree(&prog.unit)
        .into_iter()
        .flat_map(|(unit, _)| {
            unit.indikator.iter().filter_map(move |i| line(p, tahun, i, same(&unit.kode.value), lang))
        })
        .collect()
}

/// The summary line of a programme in `tahun`; `None` when it has neither figures nor budget.
fn program_line(p: &Presenter, tahun: i32, prog: &Program, lang: Lang) -> Option<ProgramLine> {
    if !has_program_page(p, tahun, prog) {
        return None;
    }
    let lines = program_lines(p, tahun, prog, lang);
    let kode = &prog.unit.kode.value;
    fn annual(l: &MeasurementLine) -> Option<&Angka> {
        l.row.as_ref().and_then(|r| r.resmi.as_ref())
    }
    Some(ProgramLine {
        sasaran: sasaran_of(p, prog, lang),
        kode: kode.clone(),
        nama: txt(&prog.unit.nama, lang),
        href: program_path(kode),
        indikator: lines.len(),
        tercapai: lines.iter().filter_map(annual).filter(|a| a.0 >= Decimal::ONE_HUNDRED).count(),
        belum: lines.iter().filter(|l| annual(l).is_none()).count(),
    })
}

/// Whether the programme `prog` has a page in `tahun`: a figure of one of its indicators or a
/// budget of one of its units that year (the year page lists exactly these).
pub fn has_program_page(p: &Presenter, tahun: i32, prog: &Program) -> bool {
    subtree(&prog.unit).into_iter().any(|(unit, _)| {
        p.budget(&unit.kode.value, tahun).is_some()
            || unit
                .indikator
                .iter()
                .any(|i| p.ledger_of(&i.id.value).is_some_and(|l| l.rows.iter().any(|r| r.tahun == tahun)))
    })
}

/// The page of the programme `prog` in `tahun`.
pub fn program(p: &Presenter, tahun: i32, prog: &Program, t: &Words) -> ProgramPage {
    let lang = t.lang;
    let lines = program_lines(p, tahun, prog, lang);
    let budgets: Vec<BudgetLine> = subtree(&prog.unit)
        .into_iter()
        .filter_map(|(u, level)| budget_line(p, u, level, tahun, lang))
        .collect();
    ProgramPage {
        tahun,
        sasaran: sasaran_of(p, prog, lang),
        kode: prog.unit.kode.value.clone(),
        nama: txt(&prog.unit.nama, lang),
        anchor: crate::content::model::anchor(&prog.unit.kode.value),
        lines: lines.into(),
        budgets,
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
