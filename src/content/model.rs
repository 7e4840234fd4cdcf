//! The content model of SPEC §2: plain typed structs, one per file kind, with the source
//! location of every value a rule can reject.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diagnostics::{Lang, Loc};
use crate::number::Target;

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
        match text.trim().to_lowercase().as_str() {
            "rupiah" => Satuan::Rupiah,
            "persen" | "%" => Satuan::Persen,
            "indeks" | "" => Satuan::Indeks,
            _ => Satuan::Lain,
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

/// One year folder.
#[derive(Debug, Default)]
pub struct Year {
    /// `rencana-aksi.yaml`.
    pub rencana_aksi: Option<RencanaAksi>,
    /// `realisasi/tw1.yaml` … `tw4.yaml`, index 0 = TW1.
    pub realisasi: [Option<Realisasi>; 4],
    /// `validasi.yaml`.
    pub validasi: Option<Validasi>,
    /// `evaluasi.yaml`.
    pub evaluasi: Option<Evaluasi>,
    /// `tim.yaml`.
    pub tim: Option<Tim>,
    /// `skm.yaml`.
    pub skm: Option<Skm>,
    /// `lke.yaml`.
    pub lke: Option<Lke>,
}

/// `rencana-aksi.yaml`.
#[derive(Debug)]
pub struct RencanaAksi {
    /// Entries per indicator.
    pub indikator: Vec<RencanaAksiEntry>,
}

/// The action plan of one indicator.
#[derive(Debug)]
pub struct RencanaAksiEntry {
    /// The indicator.
    pub id: Spanned<String>,
    /// Responsible unit (Pedoman 3.1 c).
    pub penanggung_jawab: Text,
    /// Quarterly targets as written (the check requires four).
    pub target_triwulan: Spanned<Vec<Spanned<Option<Target>>>>,
    /// Evidence required.
    pub data_dukung: Vec<DataDukungWajib>,
}

/// Evidence the action plan requires.
#[derive(Debug)]
pub struct DataDukungWajib {
    /// Kind of document.
    pub jenis: Spanned<Text>,
    /// Quarters it is required in (all four when empty).
    pub triwulan: Vec<u8>,
}

/// `realisasi/twN.yaml`.
#[derive(Debug)]
pub struct Realisasi {
    /// Who reported.
    pub oleh: Text,
    /// When.
    pub tanggal: Spanned<NaiveDate>,
    /// Realisations.
    pub capaian: Vec<CapaianEntry>,
}

/// The realisation of one indicator in one quarter.
#[derive(Debug)]
pub struct CapaianEntry {
    /// The indicator.
    pub indikator: Spanned<String>,
    /// The quarter's own value (`None`: not measured).
    pub realisasi: Spanned<Option<Decimal>>,
    /// Markdown note.
    pub catatan: Option<Text>,
    /// Evidence.
    pub data_dukung: Vec<Bukti>,
}

/// A piece of evidence: a file under the year folder or a link.
#[derive(Debug)]
pub struct Bukti {
    /// Kind of document.
    pub jenis: Option<Text>,
    /// The file or link.
    pub sumber: BuktiSumber,
    /// Where it is written.
    pub loc: Loc,
}

/// Where evidence is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuktiSumber {
    /// A file; the path is relative to `content/` (checked to exist and stay inside).
    Berkas(PathBuf),
    /// An http(s) link.
    Tautan(String),
    /// Neither was given (reported as a warning), or the one given was refused (an error).
    Tidak,
}

/// `validasi.yaml`.
#[derive(Debug)]
pub struct Validasi {
    /// Verdicts.
    pub validasi: Vec<ValidasiEntry>,
}

/// A period: a quarter or the year. Validation verdicts, evaluations and the ledger's rows all
/// use this one type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Periode {
    /// Quarter 1–4.
    Triwulan(u8),
    /// The year.
    Tahunan,
}

impl Periode {
    /// `TW1`…`TW4`, `TAHUN`: how exports, pages and messages name the period.
    pub fn label(self) -> String {
        match self {
            Periode::Triwulan(q) => format!("TW{q}"),
            Periode::Tahunan => "TAHUN".to_string(),
        }
    }
}

/// The validation team's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusValidasi {
    /// Valid as reported.
    Sah,
    /// Corrected.
    Dikoreksi,
    /// Rejected.
    Ditolak,
}

/// One verdict.
#[derive(Debug)]
pub struct ValidasiEntry {
    /// The indicator.
    pub indikator: Spanned<String>,
    /// The period.
    pub periode: Spanned<Periode>,
    /// The verdict.
    pub status: Spanned<StatusValidasi>,
    /// The corrected achievement (percent), for `dikoreksi`.
    pub capaian_terkoreksi: Option<Spanned<Decimal>>,
    /// The reason, for `dikoreksi` and `ditolak`.
    pub alasan: Option<Text>,
    /// Who validated.
    pub oleh: Text,
    /// When.
    pub tanggal: Spanned<NaiveDate>,
}

/// `evaluasi.yaml`.
#[derive(Debug)]
pub struct Evaluasi {
    /// Evaluations.
    pub evaluasi: Vec<EvaluasiEntry>,
}

/// Kind of evaluation (Pedoman 3.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisEvaluasi {
    /// Quarterly, by the Sekretaris.
    Berkala,
    /// Annual, by the Kepala.
    Tahunan,
    /// External, by the Inspektorat (LHE).
    Eksternal,
}

/// One evaluation.
#[derive(Debug)]
pub struct EvaluasiEntry {
    /// Id.
    pub id: Spanned<String>,
    /// Kind.
    pub jenis: Spanned<JenisEvaluasi>,
    /// Period evaluated: `TW1`–`TW4` or `TAHUN`.
    pub periode: Spanned<Periode>,
    /// Evaluator.
    pub oleh: Text,
    /// Date.
    pub tanggal: Spanned<NaiveDate>,
    /// Findings (Markdown).
    pub temuan: Option<Text>,
    /// Recommendations.
    pub rekomendasi: Vec<Rekomendasi>,
}

/// A recommendation and its follow-up (Pedoman V).
#[derive(Debug)]
pub struct Rekomendasi {
    /// Id, unique within its evaluation.
    pub id: Spanned<String>,
    /// Wording.
    pub uraian: Text,
    /// Date received; the follow-up is due 60 days later.
    pub diterima: Spanned<NaiveDate>,
    /// Indicators it concerns (optional).
    pub indikator: Vec<Spanned<String>>,
    /// Follow-up, when started.
    pub tindak_lanjut: Option<TindakLanjut>,
}

/// Kind of follow-up (Pedoman V).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisTindakLanjut {
    /// Operational policy.
    KebijakanOperasional,
    /// Renstra revision.
    RevisiRenstra,
    /// Budget change.
    PerubahanAnggaran,
    /// Reward.
    Reward,
    /// Punishment.
    Punishment,
}

/// Follow-up status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusTindakLanjut {
    /// Not started.
    Belum,
    /// In progress.
    Proses,
    /// Done.
    Selesai,
}

/// The follow-up of a recommendation.
#[derive(Debug)]
pub struct TindakLanjut {
    /// Kind.
    pub jenis: Spanned<JenisTindakLanjut>,
    /// What was done.
    pub uraian: Option<Text>,
    /// Status.
    pub status: Spanned<StatusTindakLanjut>,
    /// Completion date (required when `selesai`).
    pub selesai: Option<Spanned<NaiveDate>>,
    /// Evidence.
    pub bukti: Vec<Bukti>,
}

/// `tim.yaml` (Pedoman 3.2).
#[derive(Debug)]
pub struct Tim {
    /// Decree number.
    pub sk_nomor: String,
    /// Decree date.
    pub sk_tanggal: Spanned<NaiveDate>,
    /// Members.
    pub anggota: Vec<Anggota>,
}

/// Role in the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Peran {
    /// Chair.
    Ketua,
    /// Secretary.
    Sekretaris,
    /// Member.
    Anggota,
}

/// A team member.
#[derive(Debug)]
pub struct Anggota {
    /// Name.
    pub nama: String,
    /// Position.
    pub jabatan: Text,
    /// Role.
    pub peran: Peran,
}

/// `skm.yaml`: public-satisfaction surveys.
#[derive(Debug)]
pub struct Skm {
    /// Surveys.
    pub survei: Vec<Survei>,
}

/// The survey period as written; `quarter()` maps it to the quarter it counts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodeSurvei {
    /// A quarter.
    Tw(u8),
    /// First semester (= TW2).
    S1,
    /// Second semester (= TW4).
    S2,
    /// The year (= TW4).
    Tahun,
}

impl PeriodeSurvei {
    /// The quarter whose realisation the survey gives (§3.5).
    pub fn quarter(self) -> u8 {
        match self {
            PeriodeSurvei::Tw(q) => q,
            PeriodeSurvei::S1 => 2,
            PeriodeSurvei::S2 | PeriodeSurvei::Tahun => 4,
        }
    }
}

/// What a survey keeps: the tallies, or only the NRR per unsur.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SurveiData {
    /// Counts of answers valued 1, 2, 3, 4 for U1…U9.
    Unsur([[u64; 4]; 9]),
    /// NRR of U1…U9.
    Nrr([Decimal; 9]),
}

/// One survey.
#[derive(Debug)]
pub struct Survei {
    /// Period.
    pub periode: Spanned<PeriodeSurvei>,
    /// Respondents (required with tallies).
    pub responden: Option<u64>,
    /// Tallies or scores.
    pub data: SurveiData,
}

/// `lke.yaml`: the four component scores, each 0–100 of its own weight.
#[derive(Debug)]
pub struct Lke {
    /// Perencanaan kinerja (weight 30).
    pub perencanaan: Spanned<Decimal>,
    /// Pengukuran kinerja (weight 30).
    pub pengukuran: Spanned<Decimal>,
    /// Pelaporan kinerja (weight 15).
    pub pelaporan: Spanned<Decimal>,
    /// Evaluasi kinerja (weight 25).
    pub evaluasi: Spanned<Decimal>,
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
