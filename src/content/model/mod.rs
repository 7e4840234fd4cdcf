//! The content model of SPEC §2: plain typed structs, one per file kind, with the source
//! location of every value a rule can reject.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::diagnostics::{Lang, Loc};
use crate::number::{Target, Unit};

mod pk;
mod year;

pub use pk::*;
pub use year::*;

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Its location.
    pub loc: Loc,
}

impl<T> Spanned<T> {
    /// Wrap `value` found at `loc`.
    pub fn new(value: T, loc: Loc) -> Self {
        Spanned { value, loc }
    }
}

/// A human-readable text, Indonesian with an optional English version (§2.0).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// Indonesian.
    pub id: String,
    /// English, when given.
    pub en: Option<String>,
}

impl Text {
    /// The text in `lang`, falling back to Indonesian; the flag says whether it fell back.
    pub fn get(&self, lang: Lang) -> (&str, bool) {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => (en, false),
            (Lang::En, None) => (&self.id, true),
            (Lang::Id, _) => (&self.id, false),
        }
    }
}

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Site {
    /// `sakip.yaml`.
    pub sakip: Option<Sakip>,
    /// `renstra.yaml`.
    pub renstra: Option<Renstra>,
    /// `cascading.yaml`.
    pub cascading: Option<Cascading>,
    /// Year folders, by year.
    pub years: BTreeMap<i32, Year>,
    /// `halaman/*.md`, sorted by file name.
    pub pages: Vec<Page>,
}

impl Site {
    /// Every indicator with the place that defines it: the IKU of the Renstra first, then the
    /// indicators of `cascading.yaml` depth-first (the definition order of SPEC §5.3).
    pub fn indicators(&self) -> Vec<(&Indikator, Parent<'_>)> {
        let iku = self.sasaran().flat_map(|s| s.indikator.iter().map(move |i| (i, Parent::Sasaran(s))));
        let units =
            self.units().into_iter().flat_map(|(u, _)| u.indikator.iter().map(move |i| (i, Parent::Unit(u))));
        iku.chain(units).collect()
    }

    /// Every sasaran of the Renstra, in order.
    pub fn sasaran(&self) -> impl Iterator<Item = &Sasaran> {
        self.renstra.iter().flat_map(|r| &r.tujuan).flat_map(|t| &t.sasaran)
    }

    /// Every programme, kegiatan and sub-kegiatan of `cascading.yaml`, depth-first, with its
    /// depth (0 for a programme): the order of the cascading tree and of the exports.
    pub fn units(&self) -> Vec<(&Kegiatan, usize)> {
        fn walk<'a>(unit: &'a Kegiatan, depth: usize, out: &mut Vec<(&'a Kegiatan, usize)>) {
            out.push((unit, depth));
            unit.anak.iter().for_each(|c| walk(c, depth + 1, out));
        }
        let mut out = Vec::new();
        for p in self.cascading.iter().flat_map(|c| &c.program) {
            walk(&p.unit, 0, &mut out);
        }
        out
    }
}

/// The place that defines an indicator.
#[derive(Debug, Clone, Copy)]
pub enum Parent<'a> {
    /// An IKU of a sasaran.
    Sasaran(&'a Sasaran),
    /// An indicator of a programme, kegiatan or sub-kegiatan.
    Unit(&'a Kegiatan),
}

/// `sakip.yaml`: the agency and the site settings.
#[derive(Debug)]
pub struct Sakip {
    /// The agency.
    pub instansi: Instansi,
    /// Site settings.
    pub situs: Situs,
    /// A replacement predicate scale (§3.4), when given.
    pub predikat: Option<Vec<PredikatBand>>,
}

/// The agency's profile.
#[derive(Debug)]
pub struct Instansi {
    /// Full name.
    pub nama: Text,
    /// Abbreviation.
    pub singkatan: Option<Text>,
    /// The regional government it belongs to.
    pub pemerintah: Text,
    /// Street address.
    pub alamat: Option<Text>,
    /// Telephone.
    pub telepon: Option<String>,
    /// Web site (http(s)).
    pub situs: Option<String>,
    /// Head of the agency.
    pub kepala: Option<Kepala>,
}

/// The head of the agency.
#[derive(Debug)]
pub struct Kepala {
    /// Name.
    pub nama: String,
    /// Rank.
    pub pangkat: Option<String>,
    /// Civil-servant number.
    pub nip: Option<String>,
}

/// The licence of the open data when `situs.lisensi` is not given.
pub const LISENSI: &str = "CC BY 4.0";

/// Site settings.
#[derive(Debug)]
pub struct Situs {
    /// Site title.
    pub judul: Text,
    /// Public address of the site.
    pub base_url: Spanned<String>,
    /// Theme folder under `themes/`.
    pub tema: Spanned<String>,
    /// The figures are illustrative; every page says so.
    pub data_contoh: bool,
    /// The licence of the open data, as written (`CC BY 4.0` unless given).
    pub lisensi: String,
}

/// One band of a predicate scale.
#[derive(Debug)]
pub struct PredikatBand {
    /// Inclusive lower bound on the rounded percentage; `None` for the last band.
    pub min: Option<Spanned<Decimal>>,
    /// The band's name.
    pub nama: Text,
    /// Where the band is written.
    pub loc: Loc,
}

/// `renstra.yaml`: the strategic plan.
#[derive(Debug)]
pub struct Renstra {
    /// First and last year.
    pub periode: Spanned<(i32, i32)>,
    /// Goals.
    pub tujuan: Vec<Tujuan>,
}

/// A goal of the Renstra.
#[derive(Debug)]
pub struct Tujuan {
    /// Id.
    pub id: Spanned<String>,
    /// Wording.
    pub uraian: Text,
    /// Its strategic objectives.
    pub sasaran: Vec<Sasaran>,
}

/// A strategic objective.
#[derive(Debug)]
pub struct Sasaran {
    /// Id.
    pub id: Spanned<String>,
    /// Wording.
    pub uraian: Text,
    /// Its key performance indicators (IKU).
    pub indikator: Vec<Indikator>,
}

/// Whether a higher realisation is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polaritas {
    /// Higher is better.
    Positif,
    /// Lower is better.
    Negatif,
}

/// How quarters make up the year (§3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agregasi {
    /// Flows: quarterly targets are cumulative; the year is the sum.
    Kumulatif,
    /// Levels: the year is the latest measured quarter.
    Terakhir,
    /// The year is the mean of measured quarters.
    RataRata,
}

/// Where an indicator's realisation comes from, when not from the quarterly files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sumber {
    /// Computed from `<tahun>/skm.yaml` (§3.5).
    Skm,
}

/// An indicator, IKU or cascading.
#[derive(Debug)]
pub struct Indikator {
    /// Id, unique across IKU and cascading indicators.
    pub id: Spanned<String>,
    /// Name.
    pub nama: Text,
    /// Unit: `rupiah`, `persen`, `indeks` or free text (`hari`, or `{id: hari, en: days}`).
    pub satuan: Text,
    /// Polarity.
    pub polaritas: Spanned<Polaritas>,
    /// Aggregation over quarters.
    pub agregasi: Spanned<Agregasi>,
    /// Definition.
    pub definisi: Option<Text>,
    /// Formula.
    pub formula: Option<Text>,
    /// Data source.
    pub sumber_data: Option<Text>,
    /// Responsible unit.
    pub penanggung_jawab: Option<Text>,
    /// Computed source of the realisation.
    pub sumber: Option<Spanned<Sumber>>,
    /// Target per year (`None` inside: written as null).
    pub target: BTreeMap<i32, Spanned<Option<Target>>>,
    /// Annual realisation per year, for years without quarterly files.
    pub realisasi: BTreeMap<i32, Spanned<Option<Decimal>>>,
    /// Units written in the text of its targets and realisations (`Rp`, `juta`, `%`).
    pub units: Vec<Spanned<Unit>>,
    /// Where the indicator is defined.
    pub loc: Loc,
}

/// The kind of an indicator's unit: the three units figures are formatted for, or free words
/// (`hari`, `dokumen`) shown after the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Satuan {
    /// `rupiah`: amounts in the short form (`Rp 12,50 triliun`).
    Rupiah,
    /// `persen` (or `%`).
    Persen,
    /// `indeks` (or no unit): a bare figure.
    Indeks,
    /// Any other unit, written after the figure.
    Lain,
}

impl Satuan {
    /// The kind of the unit written as `text` (its Indonesian words), in any letter case.
    pub fn of(text: &str) -> Satuan {
        // Compared without a lower-cased copy: it is asked for every figure of a large site,
        // and no letter outside ASCII lower-cases into these words.
        let text = text.trim();
        let is = |word: &str| text.eq_ignore_ascii_case(word);
        if is("rupiah") {
            Satuan::Rupiah
        } else if is("persen") || text == "%" {
            Satuan::Persen
        } else if is("indeks") || text.is_empty() {
            Satuan::Indeks
        } else {
            Satuan::Lain
        }
    }

    /// `rupiah`, `persen`, `indeks`: the code of a known unit (`None` for free words).
    pub fn code(self) -> Option<&'static str> {
        match self {
            Satuan::Rupiah => Some("rupiah"),
            Satuan::Persen => Some("persen"),
            Satuan::Indeks => Some("indeks"),
            Satuan::Lain => None,
        }
    }
}

/// `cascading.yaml`.
#[derive(Debug, Default)]
pub struct Cascading {
    /// Programmes.
    pub program: Vec<Program>,
}

/// A programme, linked to the sasaran it supports.
#[derive(Debug)]
pub struct Program {
    /// The sasaran it supports.
    pub sasaran: Spanned<String>,
    /// Code, name, indicators, budget and activities.
    pub unit: Kegiatan,
}

/// A programme, activity (kegiatan) or sub-activity: code, name, indicators, budget, children.
#[derive(Debug)]
pub struct Kegiatan {
    /// Kepmendagri code.
    pub kode: Spanned<String>,
    /// Name.
    pub nama: Text,
    /// Its indicators.
    pub indikator: Vec<Indikator>,
    /// Budget per year.
    pub anggaran: BTreeMap<i32, Anggaran>,
    /// Children: kegiatan of a programme, sub-kegiatan of a kegiatan, none below.
    pub anak: Vec<Kegiatan>,
}

/// A year's budget.
#[derive(Debug)]
pub struct Anggaran {
    /// Ceiling.
    pub pagu: Option<Spanned<Decimal>>,
    /// Spent.
    pub realisasi: Option<Spanned<Decimal>>,
}

/// A Markdown page from `halaman/`.
#[derive(Debug)]
pub struct Page {
    /// Title (`{id, en}` allowed; the page's own language is shown).
    pub title: Text,
    /// URL slug (defaults to the file name).
    pub slug: Spanned<String>,
    /// Sort order in menus.
    pub order: i64,
    /// Language of the page.
    pub lang: Lang,
    /// Markdown body (unsanitised; the renderer sanitises).
    pub body: String,
}

/// The HTML id of a sasaran or code on the cascading page (`2.18.04` → `k-2-18-04`); `check`
/// holds these unique, since `2.18.04` and `2-18-04` give the same one.
pub fn anchor(code: &str) -> String {
    format!("k-{}", code.to_lowercase().replace(['.', '_'], "-"))
}

#[cfg(test)]
mod tests {
    use super::Satuan;

    #[test]
    fn a_unit_is_known_in_any_letter_case_and_only_by_its_own_words() {
        for (text, want) in [
            ("rupiah", Satuan::Rupiah),
            (" Rupiah ", Satuan::Rupiah),
            ("PERSEN", Satuan::Persen),
            ("%", Satuan::Persen),
            ("Indeks", Satuan::Indeks),
            ("", Satuan::Indeks),
            ("perusahaan", Satuan::Lain),
            ("persen per tahun", Satuan::Lain),
            // A dotted capital İ lower-cases to "i̇", not "i": not the word `indeks`.
            ("İndeks", Satuan::Lain),
        ] {
            assert_eq!(Satuan::of(text), want, "{text:?}");
        }
    }
}
