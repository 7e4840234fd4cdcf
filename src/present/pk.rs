//! The page of a year's performance agreements (SPEC §2.9): the PKs by level, from the head of
//! agency to the sub-units, each with its signatories, its indicators with the target promised,
//! the target in force (and the original one a revision replaced) and the achievement so far.

use std::collections::HashMap;

use serde::Serialize;

use super::analisis::{ProgramLine, program_line};
use super::view::{IndicatorRef, RowView, TargetView, Txt, txt};
use super::{Presenter, Words};
use crate::compute::{Periode, Row};
use crate::content::model::{JenisPk, Parent, Pihak, Pk, PkIndikator, Site};
use crate::content::reader::Choice;
use crate::diagnostics::Lang;

/// The PK page of a year.
#[derive(Serialize)]
pub struct PkPage {
    tahun: i32,
    levels: Vec<LevelView>,
}

/// The PKs of one level: 0 head of agency (IKU), 1 programme, 2 kegiatan, 3 sub-kegiatan.
#[derive(Serialize)]
struct LevelView {
    level: usize,
    pk: Vec<PkView>,
}

/// One agreement.
#[derive(Serialize)]
struct PkView {
    id: String,
    jenis: &'static str,
    tanggal: String,
    menggantikan: Option<String>,
    dasar: Option<String>,
    dasar_tanggal: Option<String>,
    alasan: Option<Txt>,
    pihak_pertama: PihakView,
    pihak_kedua: PihakView,
    indikator: Vec<PkLine>,
    program: Vec<ProgramLine>,
}

/// A signatory.
#[derive(Serialize)]
struct PihakView {
    nama: String,
    jabatan: Txt,
    pangkat: Option<Txt>,
    nip: Option<String>,
}

/// An indicator of an agreement.
#[derive(Serialize)]
struct PkLine {
    ind: IndicatorRef,
    /// The target written in this agreement.
    target_pk: TargetView,
    /// The year's row: the target in force (with the original), realisation, achievement.
    row: Option<RowView>,
    /// The latest row of the year with an achievement: the year's, else the last quarter's.
    so_far: Option<RowView>,
}

/// The level of each indicator: 0 for an IKU, 1 + the depth of its unit in the cascading.
fn levels(site: &Site) -> HashMap<&str, usize> {
    let depth: HashMap<&str, usize> =
        site.units().into_iter().map(|(u, d)| (u.kode.value.as_str(), d)).collect();
    site.indicators()
        .into_iter()
        .map(|(ind, parent)| {
            let level = match parent {
                Parent::Sasaran(_) => 0,
                Parent::Unit(u) => 1 + depth.get(u.kode.value.as_str()).copied().unwrap_or(0),
            };
            (ind.id.value.as_str(), level)
        })
        .collect()
}

/// Build the PK page of `tahun`, or `None` when the year has no `perjanjian-kinerja.yaml`.
pub fn page(p: &Presenter, tahun: i32, t: &Words) -> Option<PkPage> {
    let file = p.site.years.get(&tahun)?.pk.as_ref()?;
    let levels_of = levels(p.site);
    let mut by_level: Vec<LevelView> = (0..4).map(|level| LevelView { level, pk: Vec::new() }).collect();
    for pk in &file.pk {
        // A PK is made at the level of its highest indicator (an IKU makes it the head's).
        let level = pk.indikator.iter().filter_map(|e| levels_of.get(e.id.value.as_str())).min();
        let level = level.copied().unwrap_or(0).min(3);
        by_level[level].pk.push(pk_view(p, tahun, pk, t.lang));
    }
    by_level.retain(|l| !l.pk.is_empty());
    Some(PkPage { tahun, levels: by_level })
}

fn pk_view(p: &Presenter, tahun: i32, pk: &Pk, lang: Lang) -> PkView {
    PkView {
        id: pk.id.value.clone(),
        jenis: pk.jenis.value.word(),
        tanggal: pk.tanggal.value.to_string(),
        menggantikan: pk
            .menggantikan
            .as_ref()
            .filter(|_| pk.jenis.value == JenisPk::Perubahan)
            .map(|m| m.value.clone()),
        dasar: pk.dasar.as_ref().map(|d| d.nomor.clone()),
        dasar_tanggal: pk.dasar.as_ref().map(|d| d.tanggal.value.to_string()),
        alasan: pk.alasan.as_ref().map(|a| txt(a, lang)),
        pihak_pertama: pihak(&pk.pihak_pertama, lang),
        pihak_kedua: pihak(&pk.pihak_kedua, lang),
        indikator: pk.indikator.iter().filter_map(|e| line(p, tahun, e, lang)).collect(),
        program: pk.program.iter().map(|k| program_line(p, &k.value, tahun, lang)).collect(),
    }
}

fn pihak(x: &Pihak, lang: Lang) -> PihakView {
    PihakView {
        nama: x.nama.clone(),
        jabatan: txt(&x.jabatan, lang),
        pangkat: x.pangkat.as_ref().map(|v| txt(v, lang)),
        nip: x.nip.clone(),
    }
}

fn line(p: &Presenter, tahun: i32, e: &PkIndikator, lang: Lang) -> Option<PkLine> {
    let ind = p.indicators().iter().find(|(i, _)| i.id.value == e.id.value)?;
    let (ind, l) = *ind;
    let rows: Vec<&Row> = l.rows.iter().filter(|r| r.tahun == tahun).collect();
    let view = |r: &Row| RowView::new(r, &p.ledger.scale, lang);
    let year = rows.iter().find(|r| r.periode == Periode::Tahunan);
    let so_far = year
        .filter(|r| r.capaian_resmi().is_some())
        .or_else(|| rows.iter().rev().find(|r| r.capaian_resmi().is_some()));
    Some(PkLine {
        ind: IndicatorRef::new(ind, lang),
        target_pk: TargetView::new(Some(&e.target.value)),
        row: year.map(|r| view(r)),
        so_far: so_far.map(|r| view(r)),
    })
}
