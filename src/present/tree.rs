//! The cascading tree, the pohon kinerja evaluators know (tujuan → sasaran → programme → kegiatan
//! → sub-kegiatan, each with its indicators, their latest achievement and predicate, the unit
//! responsible for them and the unit's budget absorption) and the entries of the search page.

use serde::Serialize;

use super::indicator::anchor;
use super::view::{IndicatorRef, RowView, Txt, slug, txt};
use super::{Angka, Presenter, Words};
use crate::compute::Periode;
use crate::content::model::{Indikator, Kegiatan, Program, Text};
use crate::diagnostics::Lang;

/// An indicator in the tree: its latest year's figures and the unit responsible for it.
#[derive(Serialize)]
pub struct IndLine {
    ind: IndicatorRef,
    /// Its row of the tree's year, when it has one.
    row: Option<RowView>,
    penanggung_jawab: Option<Txt>,
}

/// A programme, kegiatan or sub-kegiatan with its indicators and its budget absorption in the
/// tree's year.
#[derive(Serialize)]
pub struct UnitView {
    anchor: String,
    kode: String,
    nama: Txt,
    /// The word key of its level: `program`, `kegiatan`, `sub_kegiatan`.
    level: &'static str,
    serapan: Option<Angka>,
    indikator: Vec<IndLine>,
    anak: Vec<UnitView>,
}

/// A sasaran with its IKU and the programmes that support it.
#[derive(Serialize)]
pub struct SasaranView {
    anchor: String,
    id: String,
    uraian: Txt,
    iku: Vec<IndLine>,
    program: Vec<UnitView>,
}

/// A tujuan.
#[derive(Serialize)]
pub struct TujuanView {
    id: String,
    uraian: Txt,
    sasaran: Vec<SasaranView>,
}

/// The performance tree (pohon kinerja) with the figures of one year.
#[derive(Serialize)]
pub struct Tree {
    /// The year whose achievements and absorption it shows: the dashboard's.
    tahun: Option<i32>,
    tujuan: Vec<TujuanView>,
}

/// Indicators with their row of `tahun` and the unit responsible for each.
fn lines(p: &Presenter, indicators: &[Indikator], tahun: Option<i32>, lang: Lang) -> Vec<IndLine> {
    let row = |i: &Indikator| {
        let l = p.ledger_of(&i.id.value)?;
        let row = l.rows.iter().find(|r| Some(r.tahun) == tahun && r.periode == Periode::Tahunan)?;
        Some(RowView::new(row, &p.ledger.scale, lang))
    };
    indicators
        .iter()
        .map(|i| IndLine {
            ind: IndicatorRef::new(i, lang),
            row: row(i),
            penanggung_jawab: p.responsible(i).map(|t| txt(t, lang)),
        })
        .collect()
}

fn unit_view(p: &Presenter, unit: &Kegiatan, depth: usize, tahun: Option<i32>, lang: Lang) -> UnitView {
    UnitView {
        anchor: anchor(&unit.kode.value),
        kode: unit.kode.value.clone(),
        nama: txt(&unit.nama, lang),
        level: LEVELS[depth.min(2)],
        serapan: tahun.and_then(|y| p.budget(&unit.kode.value, y)).and_then(|b| b.serapan).map(Angka),
        indikator: lines(p, &unit.indikator, tahun, lang),
        anak: unit.anak.iter().map(|c| unit_view(p, c, depth + 1, tahun, lang)).collect(),
    }
}

/// The cascading tree.
pub fn cascading(p: &Presenter, lang: Lang) -> Tree {
    let tahun = p.latest_year();
    let programs: Vec<&Program> = p.site.cascading.iter().flat_map(|c| &c.program).collect();
    let sasaran_view = |s: &crate::content::model::Sasaran| SasaranView {
        anchor: anchor(&s.id.value),
        id: s.id.value.clone(),
        uraian: txt(&s.uraian, lang),
        iku: lines(p, &s.indikator, tahun, lang),
        program: programs
            .iter()
            .filter(|prog| prog.sasaran.value == s.id.value)
            .map(|prog| unit_view(p, &prog.unit, 0, tahun, lang))
            .collect(),
    };
    let tujuan = p
        .site
        .renstra
        .iter()
        .flat_map(|r| &r.tujuan)
        .map(|tj| TujuanView {
            id: tj.id.value.clone(),
            uraian: txt(&tj.uraian, lang),
            sasaran: tj.sasaran.iter().map(sasaran_view).collect(),
        })
        .collect();
    Tree { tahun, tujuan }
}

/// The word keys of the levels of the cascading tree below a sasaran.
const LEVELS: [&str; 3] = ["program", "kegiatan", "sub_kegiatan"];

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
    let maybe = |x: &Option<Text>| x.as_ref().map(both).unwrap_or_default();
    for (ind, _) in p.indicators() {
        let nama = txt(&ind.nama, t.lang).text;
        // Its id, name, definition, formula and unit, in both languages.
        let words = [both(&ind.nama), maybe(&ind.definisi), maybe(&ind.formula), both(&ind.satuan)];
        out.push(SearchEntry {
            kind: t.get("indicator").to_string(),
            label: format!("{} — {nama}", ind.id.value),
            url: format!("{lang_root}indikator/{}/", slug(&ind.id.value)),
            words: format!("{} {}", ind.id.value.to_lowercase(), words.join(" ")),
        });
    }
    // Places of the cascading tree: sasaran, then programmes, kegiatan and sub-kegiatan, each
    // named for its level.
    let sasaran = p.site.sasaran().map(|s| ("sasaran", s.id.value.as_str(), &s.uraian));
    let units =
        p.site.units().into_iter().map(|(u, depth)| (LEVELS[depth.min(2)], u.kode.value.as_str(), &u.nama));
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
