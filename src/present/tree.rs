//! The cascading tree, the pohon kinerja evaluators know (tujuan → sasaran → programme → kegiatan
//! → sub-kegiatan, each with its indicators, their latest achievement and predicate, the unit
//! responsible for them and the unit's budget absorption). A large tree keeps every node but
//! counts the indicators of its lower levels instead of listing them ([`LISTED_LIMIT`]).

use serde::Serialize;

use rust_decimal::Decimal;

use super::indicator::anchor;
use super::view::{IndicatorRef, RowView, Txt, txt};
use super::{Angka, Presenter, year};
use crate::compute::{Periode, Row};
use crate::content::model::{Indikator, Kegiatan, Program, Sasaran};
use crate::diagnostics::Lang;

/// An indicator in the tree: its latest year's figures and the unit responsible for it.
#[derive(Serialize)]
pub struct IndLine {
    ind: IndicatorRef,
    /// Its row of the tree's year, when it has one.
    row: Option<RowView>,
    penanggung_jawab: Option<Txt>,
}

/// The indicators of a node of a large tree, counted rather than listed (see [`LISTED_LIMIT`]).
#[derive(Serialize)]
pub struct Tally {
    /// How many indicators the node has.
    jumlah: usize,
    /// Of these, those whose official achievement of the tree's year is at least 100 %.
    tercapai: usize,
    /// Of these, those without an official achievement of the tree's year.
    belum: usize,
    /// The page that lists them with their figures: the year page's IKU table for a sasaran,
    /// the programme's page of the year for a unit.
    href: Option<String>,
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
    /// Its indicators counted, when its level does not list them.
    ringkas: Option<Tally>,
    anak: Vec<UnitView>,
}

/// A sasaran with its IKU and the programmes that support it.
#[derive(Serialize)]
pub struct SasaranView {
    anchor: String,
    id: String,
    uraian: Txt,
    iku: Vec<IndLine>,
    /// Its IKU counted, when the tree does not list them.
    ringkas: Option<Tally>,
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
    /// False when some levels count their indicators instead of listing them.
    lengkap: bool,
    tujuan: Vec<TujuanView>,
}

/// The most indicators the tree lists one by one, each with its figures. Levels are listed from
/// the top (the sasaran's IKU, then the indicators of the programmes, of the kegiatan, of the
/// sub-kegiatan) while the listed total stays within this; the nodes of the levels below count
/// theirs and link the page that lists them. Every node stays in the tree. A real agency's tree
/// (tens of indicators) is listed whole; a site of thousands stays a page of a few hundred KB.
pub const LISTED_LIMIT: usize = 150;

/// What the nodes of one tree share.
struct Ctx<'a> {
    p: &'a Presenter<'a>,
    tahun: Option<i32>,
    lang: Lang,
    lang_root: &'a str,
    /// How many levels (0 sasaran, 1 programme, 2 kegiatan, 3 sub-kegiatan) list their
    /// indicators.
    listed: usize,
}

/// How many levels of the tree, from the top, list their indicators within [`LISTED_LIMIT`].
fn listed_levels(p: &Presenter) -> usize {
    let mut per_level = [0usize; 4];
    per_level[0] = p.site.sasaran().map(|s| s.indikator.len()).sum();
    for (unit, depth) in p.site.units() {
        per_level[1 + depth.min(2)] += unit.indikator.len();
    }
    let mut total = 0;
    per_level
        .iter()
        .take_while(|&&n| {
            total += n;
            total <= LISTED_LIMIT
        })
        .count()
}

impl Ctx<'_> {
    /// The row of the tree's year of `i`, when it has one.
    fn row(&self, i: &Indikator) -> Option<&Row> {
        let l = self.p.ledger_of(&i.id.value)?;
        l.rows.iter().find(|r| Some(r.tahun) == self.tahun && r.periode == Periode::Tahunan)
    }

    /// Indicators with their row and the unit responsible for each, when `level` lists them.
    fn lines(&self, indicators: &[Indikator], level: usize) -> Vec<IndLine> {
        if level >= self.listed {
            return Vec::new();
        }
        indicators
            .iter()
            .map(|i| IndLine {
                ind: IndicatorRef::new(i, self.lang),
                row: self.row(i).map(|r| RowView::new(r, &self.p.ledger.scale, self.lang)),
                penanggung_jawab: self.p.responsible(i).map(|t| txt(t, self.lang)),
            })
            .collect()
    }

    /// The count of `indicators` when `level` does not list them; `href` (below the year's
    /// folder) is the page that does.
    fn tally(&self, indicators: &[Indikator], level: usize, href: Option<String>) -> Option<Tally> {
        if level < self.listed || indicators.is_empty() {
            return None;
        }
        let resmi: Vec<Option<Decimal>> =
            indicators.iter().map(|i| self.row(i).and_then(Row::capaian_resmi)).collect();
        Some(Tally {
            jumlah: indicators.len(),
            tercapai: resmi.iter().flatten().filter(|&&c| c >= Decimal::ONE_HUNDRED).count(),
            belum: resmi.iter().filter(|c| c.is_none()).count(),
            href: self.tahun.zip(href).map(|(y, h)| format!("{}tahun/{y}/{h}", self.lang_root)),
        })
    }

    /// `unit` at `depth` below its programme, whose page of the year is `page` when it has one.
    fn unit_view(&self, page: Option<&str>, unit: &Kegiatan, depth: usize) -> UnitView {
        let level = 1 + depth.min(2);
        UnitView {
            anchor: anchor(&unit.kode.value),
            kode: unit.kode.value.clone(),
            nama: txt(&unit.nama, self.lang),
            level: LEVELS[depth.min(2)],
            serapan: self
                .tahun
                .and_then(|y| self.p.budget(&unit.kode.value, y))
                .and_then(|b| b.serapan)
                .map(Angka),
            indikator: self.lines(&unit.indikator, level),
            ringkas: self.tally(&unit.indikator, level, page.map(str::to_string)),
            anak: unit.anak.iter().map(|c| self.unit_view(page, c, depth + 1)).collect(),
        }
    }

    fn sasaran_view(&self, s: &Sasaran, programs: &[&Program]) -> SasaranView {
        SasaranView {
            anchor: anchor(&s.id.value),
            id: s.id.value.clone(),
            uraian: txt(&s.uraian, self.lang),
            iku: self.lines(&s.indikator, 0),
            ringkas: self.tally(&s.indikator, 0, Some("#pengukuran".into())),
            program: programs
                .iter()
                .filter(|prog| prog.sasaran.value == s.id.value)
                .map(|prog| {
                    let page = self.tahun.filter(|&y| year::has_program_page(self.p, y, prog));
                    let page = page.map(|_| year::program_path(&prog.unit.kode.value));
                    self.unit_view(page.as_deref(), &prog.unit, 0)
                })
                .collect(),
        }
    }
}

/// The cascading tree of the language whose root is `lang_root` (relative to the tree's page).
pub fn cascading(p: &Presenter, lang: Lang, lang_root: &str) -> Tree {
    let ctx = Ctx { p, tahun: p.latest_year(), lang, lang_root, listed: listed_levels(p) };
    let programs: Vec<&Program> = p.site.cascading.iter().flat_map(|c| &c.program).collect();
    let tujuan = p
        .site
        .renstra
        .iter()
        .flat_map(|r| &r.tujuan)
        .map(|tj| TujuanView {
            id: tj.id.value.clone(),
            uraian: txt(&tj.uraian, lang),
            sasaran: tj.sasaran.iter().map(|s| ctx.sasaran_view(s, &programs)).collect(),
        })
        .collect();
    Tree { tahun: ctx.tahun, lengkap: ctx.listed == 4, tujuan }
}

/// The word keys of the levels of the cascading tree below a sasaran.
pub(super) const LEVELS: [&str; 3] = ["program", "kegiatan", "sub_kegiatan"];
