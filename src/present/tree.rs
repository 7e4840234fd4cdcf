//! The cascading tree (tujuan → sasaran → programme → kegiatan → sub-kegiatan, each with its
//! indicators and the unit responsible for them) and the entries of the search page.

use serde::Serialize;

use super::indicator::anchor;
use super::view::{IndicatorRef, Txt, slug, txt};
use super::{Presenter, Words};
use crate::content::model::{Indikator, Kegiatan, Program, Text};
use crate::diagnostics::Lang;

/// A programme, kegiatan or sub-kegiatan with its indicators.
#[derive(Serialize)]
pub struct UnitView {
    anchor: String,
    kode: String,
    nama: Txt,
    indikator: Vec<(IndicatorRef, Option<Txt>)>,
    anak: Vec<UnitView>,
}

/// A sasaran with its IKU and the programmes that support it.
#[derive(Serialize)]
pub struct SasaranView {
    anchor: String,
    id: String,
    uraian: Txt,
    iku: Vec<(IndicatorRef, Option<Txt>)>,
    program: Vec<UnitView>,
}

/// A tujuan.
#[derive(Serialize)]
pub struct TujuanView {
    id: String,
    uraian: Txt,
    sasaran: Vec<SasaranView>,
}

/// Indicators with the unit responsible for each.
fn with_responsible(p: &Presenter, indicators: &[Indikator], lang: Lang) -> Vec<(IndicatorRef, Option<Txt>)> {
    let responsible = |i| p.responsible(i).map(|t| txt(t, lang));
    indicators.iter().map(|i| (IndicatorRef::new(i, lang), responsible(i))).collect()
}

fn unit_view(p: &Presenter, unit: &Kegiatan, lang: Lang) -> UnitView {
    UnitView {
        anchor: anchor(&unit.kode.value),
        kode: unit.kode.value.clone(),
        nama: txt(&unit.nama, lang),
        indikator: with_responsible(p, &unit.indikator, lang),
        anak: unit.anak.iter().map(|c| unit_view(p, c, lang)).collect(),
    }
}

/// The cascading tree.
pub fn cascading(p: &Presenter, lang: Lang) -> Vec<TujuanView> {
    let programs: Vec<&Program> = p.site.cascading.iter().flat_map(|c| &c.program).collect();
    let sasaran_view = |s: &crate::content::model::Sasaran| SasaranView {
        anchor: anchor(&s.id.value),
        id: s.id.value.clone(),
        uraian: txt(&s.uraian, lang),
        iku: with_responsible(p, &s.indikator, lang),
        program: programs
            .iter()
            .filter(|prog| prog.sasaran.value == s.id.value)
            .map(|prog| unit_view(p, &prog.unit, lang))
            .collect(),
    };
    p.site
        .renstra
        .iter()
        .flat_map(|r| &r.tujuan)
        .map(|tj| TujuanView {
            id: tj.id.value.clone(),
            uraian: txt(&tj.uraian, lang),
            sasaran: tj.sasaran.iter().map(sasaran_view).collect(),
        })
        .collect()
}

/// One entry of the search page.
#[derive(Serialize)]
pub struct SearchEntry {
    pub(super) kind: String,
    pub(super) label: String,
    pub(super) url: String,
    pub(super) words: String,
}

/// Everything findable, with words in both languages so either finds it; `pages` are the
/// Markdown pages (slug, title).
pub fn search(p: &Presenter, t: &Words, lang_root: &str, pages: &[(String, Txt)]) -> Vec<SearchEntry> {
    let both = |x: &Text| format!("{} {}", x.id, x.en.as_deref().unwrap_or("")).to_lowercase();
    let mut out = Vec::new();
    for (ind, _) in p.indicators() {
        let nama = txt(&ind.nama, t.lang).text;
        out.push(SearchEntry {
            kind: t.get("indicator").to_string(),
            label: format!("{} — {nama}", ind.id.value),
            url: format!("{lang_root}indikator/{}/", slug(&ind.id.value)),
            words: format!("{} {}", ind.id.value.to_lowercase(), both(&ind.nama)),
        });
    }
    // Places of the cascading tree: sasaran, then programmes, kegiatan and sub-kegiatan.
    let sasaran = p.site.sasaran().map(|s| ("sasaran", s.id.value.as_str(), &s.uraian));
    let units = p.site.units().into_iter().map(|(u, _)| ("program", u.kode.value.as_str(), &u.nama));
    for (kind, code, nama) in sasaran.chain(units) {
        out.push(SearchEntry {
            kind: t.get(kind).to_string(),
            label: format!("{code} — {}", txt(nama, t.lang).text),
            url: format!("{lang_root}cascading/#{}", anchor(code)),
            words: format!("{} {}", code.to_lowercase(), both(nama)),
        });
    }
    for tahun in p.years() {
        out.push(SearchEntry {
            kind: t.get("year").to_string(),
            label: format!("{} {tahun}", t.get("measurement")),
            url: format!("{lang_root}tahun/{tahun}/"),
            words: format!("{tahun} tahun year"),
        });
    }
    out.extend(super::bukti::search_entries(p, t, lang_root));
    for (tahun, _) in p.site.years.iter().filter(|(_, y)| y.pk.is_some()) {
        out.push(SearchEntry {
            kind: t.get("year").to_string(),
            label: format!("{} {tahun}", t.get("pk_of_year")),
            url: format!("{lang_root}tahun/{tahun}/pk/"),
            words: format!(
                "{tahun} pk perjanjian kinerja performance agreement {}",
                t.get("pk").to_lowercase()
            ),
        });
    }
    out.push(SearchEntry {
        kind: t.get("pages").to_string(),
        label: t.get("history").to_string(),
        url: format!("{lang_root}riwayat/"),
        words: format!("riwayat history {}", t.get("history").to_lowercase()),
    });
    for (slug, title) in pages {
        out.push(SearchEntry {
            kind: t.get("pages").to_string(),
            label: title.text.clone(),
            url: format!("{lang_root}{slug}/"),
            words: format!("{slug} {}", title.text.to_lowercase()),
        });
    }
    out
}
