//! The annual report's analysis (SPEC §2.10) as the pages show it: on an indicator's page the
//! factors, the steps taken, the external standard with the realisation against it and the
//! supporting programmes with their budget absorption (§3.7); on a year's page the executive
//! summary and the link to its performance agreements.

use serde::Serialize;

use super::view::{Html, Txt, markdown, same, txt};
use super::{Angka, Presenter};
use crate::compute::{Budget, Perbandingan};
use crate::content::model::{AnalisisIndikator, Text};
use crate::diagnostics::Lang;

/// A programme or kegiatan with its budget of the year.
#[derive(Serialize, Debug)]
pub struct ProgramLine {
    kode: String,
    anchor: String,
    nama: Txt,
    pagu: Option<Angka>,
    realisasi: Option<Angka>,
    serapan: Option<Angka>,
}

/// The line of the unit `kode` in `tahun`.
pub(super) fn program_line(p: &Presenter, kode: &str, tahun: i32, lang: Lang) -> ProgramLine {
    let nama = p.site.units().into_iter().find(|(u, _)| u.kode.value == kode).map(|(u, _)| &u.nama);
    line(kode, nama, p.budget(kode, tahun), lang)
}

fn line(kode: &str, nama: Option<&Text>, b: Option<&Budget>, lang: Lang) -> ProgramLine {
    ProgramLine {
        kode: kode.to_string(),
        anchor: super::indicator::anchor(kode),
        nama: nama.map_or_else(|| same(""), |n| txt(n, lang)),
        pagu: b.and_then(|b| b.pagu).map(Angka),
        realisasi: b.and_then(|b| b.realisasi).map(Angka),
        serapan: b.and_then(|b| b.serapan).map(Angka),
    }
}

/// What the analysis of one indicator in one year reads (part of the indicator page's inputs).
#[derive(Debug)]
pub struct Inputs<'a> {
    tahun: i32,
    entry: &'a AnalisisIndikator,
    standar: Option<&'a Perbandingan>,
    programs: Vec<(&'a str, Option<&'a Text>, Option<&'a Budget>)>,
}

/// True when indicator `id` has an analysis of `tahun`.
pub(super) fn exists(p: &Presenter, id: &str, tahun: i32) -> bool {
    p.site
        .years
        .get(&tahun)
        .is_some_and(|y| y.analisis.iter().flat_map(|a| &a.indikator).any(|e| e.id.value == id))
}

/// The analyses of indicator `id`, year by year.
pub(super) fn inputs<'a>(p: &Presenter<'a>, id: &str) -> Vec<Inputs<'a>> {
    let mut out = Vec::new();
    for (&tahun, y) in &p.site.years {
        let Some(entry) = y.analisis.iter().flat_map(|a| &a.indikator).find(|e| e.id.value == id) else {
            continue;
        };
        let standar = p.ledger.standar.iter().find(|s| s.tahun == tahun && s.indikator == id);
        let units = p.site.units();
        let programs = entry
            .program_pendukung
            .iter()
            .map(|k| {
                let nama = units.iter().find(|(u, _)| u.kode.value == k.value).map(|(u, _)| &u.nama);
                (k.value.as_str(), nama, p.budget(&k.value, tahun))
            })
            .collect();
        out.push(Inputs { tahun, entry, standar, programs });
    }
    out
}

/// The analysis of an indicator in one year.
#[derive(Serialize)]
pub struct AnalysisView {
    tahun: i32,
    faktor_pendukung: Option<Html>,
    faktor_penghambat: Option<Html>,
    upaya: Option<Html>,
    standar: Option<StandarView>,
    program: Vec<ProgramLine>,
}

/// An external standard and the realisation against it.
#[derive(Serialize)]
struct StandarView {
    nilai: Angka,
    sumber: Option<Txt>,
    realisasi: Option<Angka>,
    persen: Option<Angka>,
}

/// The views of `inputs`.
pub fn views(inputs: &[Inputs], lang: Lang) -> Vec<AnalysisView> {
    inputs
        .iter()
        .map(|i| {
            let md = |x: &Option<Text>| x.as_ref().map(|v| markdown(v, lang));
            let e = i.entry;
            AnalysisView {
                tahun: i.tahun,
                faktor_pendukung: md(&e.faktor_pendukung),
                faktor_penghambat: md(&e.faktor_penghambat),
                upaya: md(&e.upaya),
                standar: e.standar.as_ref().map(|s| StandarView {
                    nilai: Angka(s.nilai.value),
                    sumber: s.sumber.as_ref().map(|x| txt(x, lang)),
                    realisasi: i.standar.and_then(|c| c.realisasi).map(Angka),
                    persen: i.standar.and_then(|c| c.persen).map(Angka),
                }),
                program: i.programs.iter().map(|(k, n, b)| line(k, *n, *b, lang)).collect(),
            }
        })
        .collect()
}

/// What a year page adds: the executive summary and whether the year has agreements.
#[derive(Serialize)]
pub struct YearSection {
    has_pk: bool,
    ikhtisar: Option<Html>,
}

/// The section of `tahun`.
pub fn year_section(p: &Presenter, tahun: i32, lang: Lang) -> YearSection {
    let y = p.site.years.get(&tahun);
    YearSection {
        has_pk: y.is_some_and(|y| y.pk.is_some()),
        ikhtisar: y.and_then(|y| y.analisis.as_ref()?.ikhtisar.as_ref()).map(|x| markdown(x, lang)),
    }
}
