//! The files of a year folder (SPEC §2.4–§2.8): the action plan, the quarterly realisations
//! with their evidence, the validation verdicts, evaluations and their follow-up, the team, the
//! public-satisfaction surveys and the self-evaluation.

use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Spanned, Text};
use crate::diagnostics::Loc;
use crate::number::{Target, Unit};

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
    /// `perjanjian-kinerja.yaml`.
    pub pk: Option<super::PerjanjianKinerja>,
    /// `analisis.yaml`.
    pub analisis: Option<super::Analisis>,
    /// `laporan/*.md`, by file name: the narrative sections of the LKjIP.
    pub laporan: Vec<Bagian>,
}

/// A narrative section of the annual report (`<tahun>/laporan/*.md`, SPEC §5.2).
#[derive(Debug)]
pub struct Bagian {
    /// The chapter it belongs to, 1–4.
    pub bab: Spanned<u8>,
    /// Its title.
    pub judul: Text,
    /// The Markdown after the front matter.
    pub body: String,
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
    /// Units written in the text of those targets (`Rp`, `juta`, `%`).
    pub units: Vec<Spanned<Unit>>,
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
    /// The unit written in its text (`Rp`, `juta`, `%`), when any.
    pub units: Vec<Spanned<Unit>>,
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
