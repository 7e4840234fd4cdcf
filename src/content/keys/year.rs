//! The keys of the files of a year folder (`rencana-aksi.yaml`, `realisasi/twN.yaml`,
//! `validasi.yaml`, `evaluasi.yaml`, `tim.yaml`, `skm.yaml`, `lke.yaml`): what `content::year`
//! accepts.

use super::{Key, Kind};
use crate::content::model::{
    JenisEvaluasi, JenisTindakLanjut, Peran, Periode, PeriodeSurvei, StatusTindakLanjut, StatusValidasi,
};
use crate::content::reader::Choice;
use crate::content::year::PeriodeEvaluasi;

/// `<tahun>/rencana-aksi.yaml`.
pub static RENCANA_AKSI: &[Key] = &[
    TAHUN,
    Key::required(
        "indikator",
        Kind::List(&Kind::Mapping(RENCANA_AKSI_INDIKATOR)),
        "rencana aksi, satu entri per indikator",
        "the action plan, one entry per indicator",
    ),
];

/// `<tahun>/rencana-aksi.yaml`: the entry of an indicator.
pub static RENCANA_AKSI_INDIKATOR: &[Key] = &[
    Key::required("id", Kind::Id, "id indikator IKU atau cascading", "id of an IKU or cascading indicator"),
    Key::required("penanggung_jawab", Kind::Text, "unit penanggung jawab", "responsible unit"),
    Key::required(
        "target_triwulan",
        Kind::List(&Kind::Target),
        "empat target TW1–TW4, kumulatif untuk agregasi `kumulatif`",
        "four targets for TW1–TW4, cumulative for `kumulatif` aggregation",
    ),
    Key::optional(
        "data_dukung",
        Kind::List(&Kind::Mapping(DATA_DUKUNG_WAJIB)),
        "data dukung yang wajib dilaporkan",
        "evidence that must be reported",
    ),
];

/// `<tahun>/rencana-aksi.yaml`: a required piece of evidence.
pub static DATA_DUKUNG_WAJIB: &[Key] = &[
    Key::required("jenis", Kind::Text, "jenis dokumen", "kind of document"),
    Key::optional(
        "triwulan",
        Kind::List(&Kind::Integer),
        "triwulan (1–4) yang mewajibkannya; semua triwulan bila tidak ada",
        "quarters (1–4) it is required in; all four when absent",
    ),
];

/// `<tahun>/realisasi/twN.yaml`.
pub static REALISASI: &[Key] = &[
    TAHUN,
    Key::required(
        "triwulan",
        Kind::Integer,
        "triwulan 1–4, sama dengan N pada nama berkas",
        "quarter 1–4, equal to N of the file name",
    ),
    Key::required("dilaporkan", Kind::Mapping(DILAPORKAN), "pelaporan", "the report"),
    Key::required(
        "capaian",
        Kind::List(&Kind::Mapping(CAPAIAN)),
        "realisasi, satu entri per indikator",
        "realisations, one entry per indicator",
    ),
];

/// `<tahun>/realisasi/twN.yaml`: `dilaporkan`.
pub static DILAPORKAN: &[Key] = &[
    Key::required("oleh", Kind::Text, "pelapor", "who reported"),
    Key::required("tanggal", Kind::Date, "tanggal laporan", "date of the report"),
];

/// `<tahun>/realisasi/twN.yaml`: the realisation of an indicator.
pub static CAPAIAN: &[Key] = &[
    Key::required(
        "indikator",
        Kind::Id,
        "id indikator IKU atau cascading",
        "id of an IKU or cascading indicator",
    ),
    Key::required(
        "realisasi",
        Kind::FigureOrNull,
        "nilai triwulan itu sendiri; `~` bila tidak diukur",
        "the quarter's own value; `~` when not measured",
    ),
    Key::optional("catatan", Kind::Text, "catatan (Markdown)", "note (Markdown)"),
    Key::optional("data_dukung", Kind::List(&Kind::Mapping(BUKTI)), "data dukung", "evidence"),
];

/// A piece of evidence, in quarterly files and follow-ups: a file or a link.
pub static BUKTI: &[Key] = &[
    Key::optional("jenis", Kind::Text, "jenis dokumen", "kind of document"),
    Key::optional("berkas", Kind::Path, "berkas di bawah folder tahun", "a file under the year folder"),
    Key::optional(
        "tautan",
        Kind::Link,
        "tautan http(s), sebagai ganti `berkas`",
        "an http(s) link, instead of `berkas`",
    ),
];

/// `<tahun>/validasi.yaml`.
pub static VALIDASI: &[Key] = &[
    TAHUN,
    Key::required(
        "validasi",
        Kind::List(&Kind::Mapping(VALIDASI_ENTRI)),
        "hasil validasi tim",
        "the validation team's verdicts",
    ),
];

/// `<tahun>/validasi.yaml`: a verdict.
pub static VALIDASI_ENTRI: &[Key] = &[
    Key::required("indikator", Kind::Id, "id indikator", "id of the indicator"),
    Key::required("triwulan", Kind::Word(Periode::words), "periode yang divalidasi", "the period validated"),
    Key::required("status", Kind::Word(StatusValidasi::words), "hasil validasi", "the verdict"),
    Key::optional(
        "capaian_terkoreksi",
        Kind::Figure,
        "capaian terkoreksi (persen), untuk status `dikoreksi`",
        "the corrected achievement (percent), for status `dikoreksi`",
    ),
    Key::optional(
        "alasan",
        Kind::Text,
        "alasan, untuk status `dikoreksi` dan `ditolak`",
        "the reason, for status `dikoreksi` and `ditolak`",
    ),
    Key::required("oleh", Kind::Text, "validator", "validator"),
    Key::required("tanggal", Kind::Date, "tanggal validasi", "date of the verdict"),
];

/// `<tahun>/evaluasi.yaml`.
pub static EVALUASI: &[Key] = &[
    TAHUN,
    Key::required("evaluasi", Kind::List(&Kind::Mapping(EVALUASI_ENTRI)), "evaluasi", "evaluations"),
];

/// `<tahun>/evaluasi.yaml`: an evaluation.
pub static EVALUASI_ENTRI: &[Key] = &[
    Key::required("id", Kind::Id, "id, unik dalam berkas", "id, unique within the file"),
    Key::required(
        "jenis",
        Kind::Word(JenisEvaluasi::words),
        "evaluasi berkala (Sekretaris), tahunan (Kepala) atau eksternal (Inspektorat)",
        "periodic (Sekretaris), annual (Kepala) or external (Inspektorat) evaluation",
    ),
    Key::required(
        "periode",
        Kind::Word(PeriodeEvaluasi::words),
        "periode yang dievaluasi: triwulan untuk `berkala`, TAHUN untuk `tahunan`",
        "period evaluated: a quarter for `berkala`, TAHUN for `tahunan`",
    ),
    Key::required("oleh", Kind::Text, "evaluator", "evaluator"),
    Key::required("tanggal", Kind::Date, "tanggal evaluasi", "date of the evaluation"),
    Key::optional("temuan", Kind::Text, "temuan (Markdown)", "findings (Markdown)"),
    Key::optional("rekomendasi", Kind::List(&Kind::Mapping(REKOMENDASI)), "rekomendasi", "recommendations"),
];

/// `<tahun>/evaluasi.yaml`: a recommendation.
pub static REKOMENDASI: &[Key] = &[
    Key::required("id", Kind::Id, "id, unik dalam evaluasinya", "id, unique within its evaluation"),
    Key::required("uraian", Kind::Text, "rumusan rekomendasi", "the recommendation"),
    Key::required(
        "diterima",
        Kind::Date,
        "tanggal diterima; tindak lanjut jatuh tempo 60 hari kemudian",
        "date received; the follow-up is due 60 days later",
    ),
    Key::optional("indikator", Kind::List(&Kind::Id), "indikator yang terkait", "indicators it concerns"),
    Key::optional(
        "tindak_lanjut",
        Kind::Mapping(TINDAK_LANJUT),
        "tindak lanjut, setelah dimulai",
        "the follow-up, once started",
    ),
];

/// `<tahun>/evaluasi.yaml`: the follow-up of a recommendation.
pub static TINDAK_LANJUT: &[Key] = &[
    Key::required(
        "jenis",
        Kind::Word(JenisTindakLanjut::words),
        "jenis tindak lanjut (Pedoman V)",
        "kind of follow-up (Pedoman V)",
    ),
    Key::optional("uraian", Kind::Text, "apa yang dilakukan", "what was done"),
    Key::required(
        "status",
        Kind::Word(StatusTindakLanjut::words),
        "status tindak lanjut",
        "status of the follow-up",
    ),
    Key::optional(
        "selesai",
        Kind::Date,
        "tanggal selesai, wajib untuk status `selesai`",
        "completion date, required for status `selesai`",
    ),
    Key::optional("bukti", Kind::List(&Kind::Mapping(BUKTI)), "data dukung", "evidence"),
];

/// `<tahun>/tim.yaml`.
pub static TIM: &[Key] = &[
    TAHUN_OPSIONAL,
    Key::required("sk", Kind::Mapping(SK), "SK pembentukan tim", "the decree (SK) forming the team"),
    Key::required("anggota", Kind::List(&Kind::Mapping(ANGGOTA)), "anggota tim", "members of the team"),
];

/// `<tahun>/tim.yaml`: `sk`.
pub static SK: &[Key] = &[
    Key::required("nomor", Kind::String, "nomor SK", "number of the decree"),
    Key::required("tanggal", Kind::Date, "tanggal SK", "date of the decree"),
];

/// `<tahun>/tim.yaml`: a member.
pub static ANGGOTA: &[Key] = &[
    Key::required("nama", Kind::String, "nama", "name"),
    Key::required("jabatan", Kind::Text, "jabatan", "position"),
    Key::required("peran", Kind::Word(Peran::words), "peran dalam tim", "role in the team"),
];

/// `<tahun>/skm.yaml`.
pub static SKM: &[Key] = &[
    TAHUN_OPSIONAL,
    Key::required(
        "survei",
        Kind::List(&Kind::Mapping(SURVEI)),
        "survei kepuasan masyarakat",
        "satisfaction surveys",
    ),
];

/// `<tahun>/skm.yaml`: a survey, with either `unsur` or `nrr`.
pub static SURVEI: &[Key] = &[
    Key::required(
        "periode",
        Kind::Word(PeriodeSurvei::words),
        "periode survei; S1 dihitung sebagai TW2, S2 dan TAHUN sebagai TW4",
        "survey period; S1 counts as TW2, S2 and TAHUN as TW4",
    ),
    Key::optional(
        "responden",
        Kind::Integer,
        "jumlah responden (≥ 1); wajib bersama `unsur`",
        "number of respondents (≥ 1); required with `unsur`",
    ),
    Key::optional(
        "unsur",
        Kind::Mapping(JAWABAN),
        "jumlah jawaban bernilai 1, 2, 3, 4 per unsur (atau `nrr`)",
        "counts of the answers valued 1, 2, 3, 4 per unsur (or `nrr`)",
    ),
    Key::optional(
        "nrr",
        Kind::Mapping(NRR),
        "NRR 1–4 per unsur (atau `unsur`)",
        "NRR 1–4 per unsur (or `unsur`)",
    ),
];

/// `<tahun>/skm.yaml`: `unsur`, four answer counts for each of the nine unsur.
pub static JAWABAN: &[Key] = &unsur(Kind::List(&Kind::Integer));

/// `<tahun>/skm.yaml`: `nrr`, the score of each of the nine unsur.
pub static NRR: &[Key] = &unsur(Kind::Figure);

/// The nine unsur of the survey (Permenpan RB 14/2017).
pub const UNSUR: [(&str, &str, &str); 9] = [
    ("U1", "persyaratan", "requirements"),
    ("U2", "sistem, mekanisme dan prosedur", "system, mechanism and procedure"),
    ("U3", "waktu penyelesaian", "completion time"),
    ("U4", "biaya/tarif", "cost or fee"),
    ("U5", "produk spesifikasi jenis pelayanan", "the service's products"),
    ("U6", "kompetensi pelaksana", "competence of the staff"),
    ("U7", "perilaku pelaksana", "conduct of the staff"),
    ("U8", "penanganan pengaduan, saran dan masukan", "handling of complaints and suggestions"),
    ("U9", "sarana dan prasarana", "facilities"),
];

/// The nine unsur as required keys holding `kind`.
const fn unsur(kind: Kind) -> [Key; 9] {
    let mut keys = [NAMA_KOSONG; 9];
    let mut i = 0;
    while i < UNSUR.len() {
        let (name, id, en) = UNSUR[i];
        keys[i] = Key::required(name, kind, id, en);
        i += 1;
    }
    keys
}

/// The filler `unsur` overwrites (a `const fn` array needs an initial value).
const NAMA_KOSONG: Key = Key::optional("", Kind::Integer, "", "");

/// `<tahun>/lke.yaml`.
pub static LKE: &[Key] = &[
    TAHUN_OPSIONAL,
    Key::required(
        "komponen",
        Kind::Mapping(KOMPONEN),
        "nilai keempat komponen",
        "scores of the four components",
    ),
];

/// `<tahun>/lke.yaml`: `komponen`, each scored 0–100 of its own weight.
pub static KOMPONEN: &[Key] = &[
    Key::required(
        "perencanaan",
        Kind::Figure,
        "perencanaan kinerja, 0–100, bobot 30",
        "planning, 0–100, weight 30",
    ),
    Key::required(
        "pengukuran",
        Kind::Figure,
        "pengukuran kinerja, 0–100, bobot 30",
        "measurement, 0–100, weight 30",
    ),
    Key::required(
        "pelaporan",
        Kind::Figure,
        "pelaporan kinerja, 0–100, bobot 15",
        "reporting, 0–100, weight 15",
    ),
    Key::required(
        "evaluasi",
        Kind::Figure,
        "evaluasi kinerja, 0–100, bobot 25",
        "evaluation, 0–100, weight 25",
    ),
];

// `tahun` is required where SPEC requires it, and accepted in the other files.
pub(super) static TAHUN: Key = Key::required(
    "tahun",
    Kind::Year,
    "tahun; sama dengan nama folder",
    "the year; equal to the folder name",
);
static TAHUN_OPSIONAL: Key = Key::optional(
    "tahun",
    Kind::Year,
    "tahun; bila ada, sama dengan nama folder",
    "the year; if given, equal to the folder name",
);
