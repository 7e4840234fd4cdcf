//! The words of the interface in Indonesian and English, given to templates as `t`.
//!
//! Templates run with strict undefined behaviour, so a misspelt key fails the build instead of
//! leaving a blank on the page.

use std::collections::BTreeMap;

use crate::diagnostics::Lang;

/// The words of the performance agreements and the analysis (SPEC §2.9, §2.10):
/// (key, Indonesian, English).
const ACCOUNTABILITY: &[(&str, &str, &str)] = &[
    ("target_original", "semula", "originally"),
    ("revision_basis", "dasar", "basis"),
    ("pk", "Perjanjian Kinerja", "Performance agreements"),
    ("pk_of_year", "Perjanjian Kinerja tahun", "Performance agreements of"),
    ("pk murni", "PK awal tahun", "Start-of-year agreement"),
    ("pk perubahan", "PK Perubahan", "Revised agreement (PK Perubahan)"),
    (
        "pk_level_0",
        "Kepala Perangkat Daerah kepada Kepala Daerah (IKU)",
        "Head of agency to the regional head (IKU)",
    ),
    (
        "pk_level_1",
        "Kepala Bidang dan Sekretaris (indikator program)",
        "Heads of division and the secretary (programme indicators)",
    ),
    (
        "pk_level_2",
        "Subkoordinator dan ketua tim (indikator kegiatan)",
        "Sub-coordinators and team leads (activity indicators)",
    ),
    (
        "pk_level_3",
        "Pelaksana sub-kegiatan (indikator sub-kegiatan)",
        "Sub-activity leads (sub-activity indicators)",
    ),
    ("first_party", "Pihak pertama", "First party"),
    ("second_party", "Pihak kedua", "Second party"),
    ("rank", "Pangkat/golongan", "Rank/grade"),
    ("nip", "NIP", "NIP (civil-servant number)"),
    ("signed", "Ditandatangani", "Signed"),
    ("replaces", "Menggantikan", "Replaces"),
    ("target_pk", "Target PK", "Target in the agreement"),
    ("target_in_force", "Target berlaku", "Target in force"),
    ("achievement_so_far", "Capaian s.d. saat ini", "Achievement so far"),
    ("programmes_committed", "Program yang diperjanjikan", "Programmes committed"),
    ("no_pk", "Belum ada perjanjian kinerja untuk tahun ini.", "No performance agreement for this year yet."),
    ("analysis", "Analisis capaian", "Analysis of the achievement"),
    ("supporting_factors", "Faktor pendukung", "Supporting factors"),
    ("inhibiting_factors", "Faktor penghambat", "Inhibiting factors"),
    ("steps_taken", "Upaya perbaikan", "Steps taken"),
    ("external_standard", "Standar eksternal", "External standard"),
    ("of_standard", "dari standar", "of the standard"),
    ("source", "Sumber", "Source"),
    ("supporting_programmes", "Program pendukung", "Supporting programmes"),
    ("executive_summary", "Ikhtisar eksekutif", "Executive summary"),
];

/// (key, Indonesian, English)
/// The words of a year's summary per programme, of the programme pages and of capped lists.
const PROGRAMMES: &[(&str, &str, &str)] = &[
    ("per_programme", "per program", "by programme"),
    ("target_reached", "Mencapai target", "Target reached"),
    ("no_annual_figure", "Belum ada capaian tahunan", "No annual achievement yet"),
    ("and_more", "dan {n} lainnya", "and {n} more"),
    ("full_lists", "daftar lengkap dalam berkas data", "full lists in the data files"),
    (
        "evidence_rest",
        "matriks indikator lainnya ada di halaman masing-masing indikator dan dalam berkas data",
        "the matrices of the other indicators are on each indicator's page and in the data file",
    ),
];

const STRINGS: &[(&str, &str, &str)] = &[
    ("skip", "Langsung ke isi", "Skip to content"),
    ("menu", "Menu utama", "Main menu"),
    ("dashboard", "Dasbor", "Dashboard"),
    ("indicators", "Indikator", "Indicators"),
    ("indicator", "Indikator", "Indicator"),
    ("years", "Tahun", "Years"),
    ("year", "Tahun", "Year"),
    ("cascading", "Cascading kinerja", "Performance cascade"),
    ("downloads", "Unduhan", "Downloads"),
    ("search", "Cari", "Search"),
    ("search_label", "Cari indikator, program atau halaman", "Search indicators, programmes or pages"),
    ("search_none", "Tidak ada yang cocok.", "Nothing matches."),
    ("search_found", "Cocok", "Matches"),
    (
        "search_first",
        "Ditampilkan {n} yang pertama; persempit pencarian untuk melihat sisanya.",
        "The first {n} are shown; narrow the search to see the rest.",
    ),
    (
        "search_no_js",
        "Pencarian memerlukan JavaScript. Tanpa JavaScript, telusuri isi situs lewat halaman berikut:",
        "Searching needs JavaScript. Without it, browse the site through these pages:",
    ),
    ("all_years", "Semua tahun", "All years"),
    ("and", "dan", "and"),
    (
        "search_hint",
        "Cari menurut nama, kode, definisi atau satuan",
        "Search by name, code, definition or unit",
    ),
    ("breadcrumb", "Lokasi halaman", "Breadcrumb"),
    ("home", "Beranda", "Home"),
    ("other_lang", "English", "Bahasa Indonesia"),
    ("other_lang_code", "en", "id"),
    (
        "sample_banner",
        "Data contoh: angka realisasi di situs ini bersifat ilustratif kecuali yang disebut sumber terbitannya; bukan angka resmi.",
        "Sample data: the realisation figures on this site are illustrative unless a published source is cited; they are not official figures.",
    ),
    ("target", "Target", "Target"),
    ("realisation", "Realisasi", "Realisation"),
    ("cumulative", "Realisasi kumulatif", "Cumulative realisation"),
    ("achievement", "Capaian", "Achievement"),
    ("achievement_reported", "Capaian dilaporkan", "Reported achievement"),
    ("achievement_validated", "Capaian tervalidasi", "Validated achievement"),
    ("validation", "Validasi", "Validation"),
    ("predicate", "Predikat", "Rating"),
    ("period", "Periode", "Period"),
    ("evidence", "Data dukung", "Evidence"),
    ("notes", "Catatan", "Notes"),
    ("unit", "Satuan", "Unit"),
    ("definition", "Definisi", "Definition"),
    ("formula", "Formula", "Formula"),
    ("data_source", "Sumber data", "Data source"),
    ("responsible", "Penanggung jawab", "Responsible unit"),
    ("polarity", "Polaritas", "Polarity"),
    ("aggregation", "Agregasi", "Aggregation"),
    ("multi_year", "Capaian antartahun", "Achievement over the years"),
    ("quarterly", "Capaian per triwulan", "Quarterly achievement"),
    ("change", "Perubahan dari tahun sebelumnya", "Change from the previous year"),
    (
        "renstra_progress",
        "Capaian terhadap target akhir Renstra",
        "Achievement against the final Renstra target",
    ),
    ("chart_data", "Data grafik", "Chart data"),
    ("no_data", "Belum ada data.", "No data yet."),
    ("sasaran", "Sasaran", "Objective"),
    ("tujuan", "Tujuan", "Goal"),
    ("program", "Program", "Programme"),
    ("kegiatan", "Kegiatan", "Activity"),
    ("sub_kegiatan", "Sub-kegiatan", "Sub-activity"),
    ("iku", "Indikator Kinerja Utama", "Key performance indicators"),
    ("measurement", "Pengukuran Kinerja", "Performance measurement"),
    ("quarterly_progress", "Kemajuan triwulanan", "Quarterly progress"),
    ("budget", "Anggaran", "Budget"),
    ("ceiling", "Pagu", "Ceiling"),
    ("spent", "Realisasi anggaran", "Spent"),
    ("absorption", "Serapan", "Absorption"),
    ("mean_achievement", "Rata-rata capaian", "Mean achievement"),
    ("efficiency", "Efisiensi (poin)", "Efficiency (points)"),
    (
        "efficiency_note",
        "Efisiensi = rata-rata capaian indikator − serapan anggaran; positif berarti keluaran lebih besar per rupiah.",
        "Efficiency = mean achievement of the indicators − budget absorption; positive means more output per rupiah.",
    ),
    ("calendar", "Kalender pelaporan", "Reporting calendar"),
    ("report", "Laporan", "Report"),
    ("deadline", "Batas waktu", "Deadline"),
    ("date", "Tanggal", "Date"),
    ("status", "Status", "Status"),
    ("days_late", "Hari terlambat", "Days late"),
    ("evaluations", "Evaluasi dan tindak lanjut", "Evaluations and follow-up"),
    ("findings", "Temuan", "Findings"),
    ("recommendation", "Rekomendasi", "Recommendation"),
    ("received", "Diterima", "Received"),
    ("due", "Batas tindak lanjut", "Follow-up due"),
    ("follow_up", "Tindak lanjut", "Follow-up"),
    ("completed", "Selesai", "Completed"),
    ("by", "Oleh", "By"),
    ("overdue", "Rekomendasi lewat batas waktu", "Recommendations past their deadline"),
    (
        "none_overdue",
        "Tidak ada rekomendasi yang lewat batas waktu.",
        "No recommendation is past its deadline.",
    ),
    ("team", "Tim penyusun laporan kinerja", "Performance reporting team"),
    ("decree", "Surat keputusan", "Decree"),
    ("name", "Nama", "Name"),
    ("position", "Jabatan", "Position"),
    ("role", "Peran", "Role"),
    ("ikm", "Indeks Kepuasan Masyarakat (IKM)", "Public Satisfaction Index (IKM)"),
    ("respondents", "Responden", "Respondents"),
    ("quality", "Mutu", "Quality"),
    ("element", "Unsur", "Element"),
    ("lke", "Evaluasi mandiri SAKIP (LKE)", "SAKIP self-evaluation (LKE)"),
    ("score", "Nilai", "Score"),
    ("component", "Komponen", "Component"),
    ("weight", "Bobot", "Weight"),
    ("total", "Total", "Total"),
    ("reports", "Laporan", "Reports"),
    ("open_data", "Data terbuka", "Open data"),
    ("no_reports", "Belum ada laporan yang dapat diunduh.", "No reports to download yet."),
    ("file", "Berkas", "File"),
    ("file_list", "Daftar berkas", "List of files"),
    ("format", "Jenis", "Format"),
    ("size", "Ukuran", "Size"),
    ("bytes", "byte", "bytes"),
    ("checksums", "Memeriksa keaslian berkas", "Verifying the files"),
    (
        "checksums_help",
        "Setiap berkas di atas tercantum dengan sidik SHA-256-nya dalam berkas SHA256SUMS. Di salinan situs, perintah berikut (dijalankan di folder akar situs) memeriksa semuanya:",
        "Every file above is listed with its SHA-256 digest in the file SHA256SUMS. In a copy of the site, this command (run in the site's root folder) checks them all:",
    ),
    ("year_reports", "Laporan tahun", "Reports for"),
    ("reporting_status", "Status pelaporan", "Reporting status"),
    ("latest_year", "Tahun", "Year"),
    ("last_change", "Perubahan terakhir", "Last change"),
    ("changed_in", "Angka terakhir diubah", "Figures last changed"),
    ("commit", "Commit", "Commit"),
    ("history", "Riwayat perubahan", "Change history"),
    (
        "history_intro",
        "Commit yang mengubah data, terbaru lebih dulu, masing-masing dengan angka yang diubahnya (paling banyak 200 commit terakhir).",
        "The commits that changed the data, newest first, each with the figures it moved (the last 200 at most).",
    ),
    ("history_moved", "Angka yang diubah commit", "Figures moved by commit"),
    (
        "history_none",
        "Riwayat perubahan tidak tersedia: situs ini tidak dibangun dari repositori git.",
        "No change history: this site was not built from a git repository.",
    ),
    (
        "history_skipped",
        "Pratinjau tidak menghitung riwayat perubahan; perintah build menghitungnya.",
        "The preview does not compute the change history; the build command does.",
    ),
    ("history_empty", "Belum ada commit yang mengubah data.", "No commit has changed the data yet."),
    (
        "history_broken",
        "Angka commit ini tidak dapat dihitung: isinya, atau isi sebelumnya, tidak lolos pemeriksaan.",
        "The figures of this commit cannot be computed: its content, or the content before it, does not pass the checks.",
    ),
    ("history_nothing", "Tidak ada angka yang berubah.", "No figure changed."),
    ("indicators_added", "Indikator baru", "New indicators"),
    ("indicators_removed", "Indikator dihapus", "Removed indicators"),
    ("figure", "Angka", "Figure"),
    ("before", "Sebelum", "Before"),
    ("after", "Sesudah", "After"),
    ("not_found", "Halaman tidak ditemukan", "Page not found"),
    (
        "not_found_text",
        "Alamat ini tidak ada di situs. Kembali ke dasbor atau cari isinya.",
        "This address is not on the site. Go back to the dashboard or search for it.",
    ),
    ("pages", "Halaman", "Pages"),
    ("per_year", "Per tahun", "Per year"),
    ("as_of", "Data per", "Data as of"),
    ("fallback_note", "(dalam bahasa Indonesia)", "(in Indonesian)"),
    ("belum", "belum divalidasi", "not validated yet"),
    ("belum_diukur", "belum diukur", "not measured"),
    ("iku_short", "IKU", "key indicators"),
    ("reached_target", "mencapai target", "reached the target for"),
    ("reached_so_far", "sejauh ini mencapai target", "have reached the target so far for"),
    ("latest_achievement", "Capaian terakhir", "Latest achievement"),
    ("see_trend", "Lihat capaian antartahun", "See the achievement over the years"),
    ("about_indicator", "Definisi, formula dan sumber data", "Definition, formula and data source"),
    ("validation_notes", "Validasi dan catatan", "Validation and notes"),
    (
        "tree_intro",
        "Pohon kinerja: tujuan, sasaran, program, kegiatan dan sub-kegiatan dengan indikatornya, penanggung jawabnya, capaian dan serapan anggaran tahun",
        "Performance tree: goals, objectives, programmes, activities and sub-activities with their indicators, the units responsible, and the achievement and budget absorption of",
    ),
    (
        "tree_counted",
        "Pohon ini besar: simpul tingkat bawahnya menghitung indikatornya; jumlah itu menautkan halaman yang memuat angka tiap indikator.",
        "This tree is large: the nodes of its lower levels count their indicators; each count links the page with every indicator's figures.",
    ),
    ("tree_label", "Pohon kinerja (dapat digeser ke samping)", "Performance tree (scrolls sideways)"),
    ("licence", "lisensi", "licence"),
    ("sah", "sah", "valid"),
    ("dikoreksi", "dikoreksi", "corrected"),
    ("ditolak", "ditolak", "rejected"),
    ("reason", "Alasan", "Reason"),
    ("positif", "positif: makin tinggi realisasi, makin baik", "positive: a higher realisation is better"),
    ("negatif", "negatif: makin rendah realisasi, makin baik", "negative: a lower realisation is better"),
    (
        "kumulatif",
        "kumulatif: target triwulan adalah target s.d. triwulan itu, realisasi tahunan adalah jumlah keempat triwulan",
        "cumulative: a quarterly target is the target to date, the year's realisation is the sum of the four quarters",
    ),
    (
        "terakhir",
        "terakhir: realisasi tahunan adalah realisasi triwulan terakhir yang diukur",
        "latest: the year's realisation is that of the latest measured quarter",
    ),
    (
        "rata-rata",
        "rata-rata: realisasi tahunan adalah rata-rata triwulan yang diukur",
        "mean: the year's realisation is the mean of the measured quarters",
    ),
    (
        "from_survey",
        "Realisasi dihitung dari survei kepuasan masyarakat (IKM).",
        "The realisation is computed from the public-satisfaction survey (IKM).",
    ),
    ("owner", "Bagian dari", "Part of"),
    ("agency", "Instansi", "Agency"),
    ("no_evaluations", "Belum ada evaluasi.", "No evaluations yet."),
    ("data_files", "Berkas data", "Data files"),
    ("exact_figure", "Angka tepat", "Exact figure"),
    // The evidence matrix, the year-end projection and the LKE evidence (SPEC §3.9).
    ("evidence_matrix", "Matriks data dukung", "Evidence matrix"),
    (
        "evidence_intro",
        "Data dukung yang diwajibkan rencana aksi untuk setiap indikator dan triwulan, yang sudah disampaikan bersama realisasi triwulan itu (berkas atau tautan), dan status validasinya. Triwulan yang belum dilaporkan dihitung belum disampaikan.",
        "The evidence the action plan requires for each indicator and quarter, what was supplied with that quarter's realisation (a file or a link), and its validation status. A quarter not yet reported counts as not supplied.",
    ),
    (
        "evidence_none",
        "Rencana aksi tahun ini tidak mewajibkan data dukung.",
        "This year's action plan requires no evidence.",
    ),
    ("quarter", "Triwulan", "Quarter"),
    ("evidence_required", "Data dukung wajib", "Required evidence"),
    ("evidence_supplied", "✓ disampaikan", "✓ supplied"),
    ("evidence_missing", "✗ belum disampaikan", "✗ missing"),
    ("evidence_extra", "Disampaikan di luar yang wajib", "Supplied beyond the required"),
    ("evidence_nothing_required", "tidak ada yang wajib", "nothing required"),
    (
        "evidence_nothing_year",
        "Tidak ada data dukung yang wajib maupun yang disampaikan untuk indikator ini pada {y}; status validasi tiap triwulan ada di tabel capaian per triwulan.",
        "No evidence was required or supplied for this indicator in {y}; each quarter's validation status is in the quarterly table.",
    ),
    ("completeness", "Kelengkapan", "Completeness"),
    ("completeness_year", "Kelengkapan data dukung tahun ini", "Evidence completeness of the year"),
    ("of", "dari", "of"),
    ("projection", "Proyeksi bila laju sama", "Projection if the pace holds"),
    (
        "projection_note",
        "Bukan hasil: angka akhir tahun bila laju sampai triwulan terakhir yang dilaporkan tetap sama. Hanya untuk tahun berjalan.",
        "Not a result: the year-end figure if the pace up to the latest reported quarter holds. Shown for the current year only.",
    ),
    ("projection_after", "setelah", "after"),
    ("projection_value", "Proyeksi akhir tahun", "Projected year-end figure"),
    ("projection_achievement", "Capaian proyeksi", "Projected achievement"),
    ("sesuai jalur", "sesuai jalur", "on track"),
    ("perlu perhatian", "perlu perhatian", "needs attention"),
    ("tidak sesuai jalur", "tidak sesuai jalur", "off track"),
    ("lke_evidence", "Bukti LKE", "LKE evidence"),
    (
        "lke_intro",
        "Kriteria pengukuran kinerja (PermenPANRB 88/2021) yang dapat dibuktikan dari data di repositori, dihitung setiap kali situs dibangun. Nilai evaluasi mandiri tetap seperti yang diisi dalam lke.yaml.",
        "The performance-measurement criteria (PermenPANRB 88/2021) that the data in the repository can prove, computed at every build. The self-assessed scores stay as written in lke.yaml.",
    ),
    ("lke_criterion", "Kriteria", "Criterion"),
    ("lke_count", "Jumlah", "Count"),
    ("lke_short", "Yang belum memenuhi", "Falling short"),
    ("lke_none_short", "Tidak ada.", "None."),
    ("lke_level", "Tingkat", "Level"),
    ("lke_overall", "Keseluruhan", "Overall"),
    ("lke_lacks", "tanpa", "without"),
    ("lke_no_pk", "belum tercakup perjanjian kinerja", "not covered by a performance agreement"),
    ("lke_self", "Nilai evaluasi mandiri (lke.yaml)", "Self-assessed scores (lke.yaml)"),
    ("lke_no_self", "Tahun ini tidak memiliki lke.yaml.", "This year has no lke.yaml."),
    (
        "lke_a",
        "Definisi operasional indikator (definisi, formula dan sumber data)",
        "Operational definitions of indicators (definition, formula and data source)",
    ),
    (
        "lke_b",
        "Pengukuran berkala tepat waktu (laporan dan evaluasi triwulan)",
        "Periodic measurement on time (quarterly reports and evaluations)",
    ),
    (
        "lke_c",
        "Pengukuran berjenjang (indikator cascading dalam perjanjian kinerja)",
        "Tiered measurement (cascading indicators in a performance agreement)",
    ),
    (
        "lke_d",
        "Data kinerja tervalidasi (triwulan terukur)",
        "Validated performance data (measured quarters)",
    ),
    ("lke_e", "Kelengkapan data dukung wajib", "Completeness of required evidence"),
    ("lke_f", "Tindak lanjut rekomendasi tepat waktu", "Follow-up of recommendations on time"),
    ("lke_unit_a", "indikator", "indicators"),
    ("lke_unit_b", "laporan", "reports"),
    ("lke_unit_c", "indikator cascading", "cascading indicators"),
    ("lke_unit_d", "triwulan terukur", "measured quarters"),
    ("lke_unit_e", "data dukung wajib", "required evidence items"),
    ("lke_unit_f", "rekomendasi", "recommendations"),
    ("field definisi", "definisi", "definition"),
    ("field formula", "formula", "formula"),
    ("field sumber_data", "sumber data", "data source"),
    ("sub-kegiatan", "Sub-kegiatan", "Sub-activity"),
    ("tepat waktu", "tepat waktu", "on time"),
    ("terlambat", "terlambat", "late"),
    ("belum ada", "belum ada", "missing"),
    ("selesai tepat waktu", "selesai tepat waktu", "completed on time"),
    ("selesai terlambat", "selesai terlambat", "completed late"),
    ("dalam proses", "dalam proses", "in progress"),
    ("lewat batas waktu", "lewat batas waktu", "past the deadline"),
    ("annual_report", "Laporan tahunan", "Annual report"),
    ("evaluation_of", "Evaluasi {p}", "{p} evaluation"),
    ("report_of", "Laporan {p}", "{p} report"),
    ("q", "TW", "Q"),
    ("full_year", "TAHUN", "Full year"),
    ("evaluasi berkala", "berkala", "periodic"),
    ("evaluasi tahunan", "tahunan", "annual"),
    ("evaluasi eksternal", "eksternal", "external"),
    ("mutu sangat baik", "sangat baik", "very good"),
    ("mutu baik", "baik", "good"),
    ("mutu kurang baik", "kurang baik", "poor"),
    ("mutu tidak baik", "tidak baik", "very poor"),
    ("satuan persen", "persen", "percent"),
    ("satuan indeks", "indeks", "index"),
    ("satuan rupiah", "rupiah", "rupiah"),
    ("lke perencanaan", "perencanaan", "planning"),
    ("lke pengukuran", "pengukuran", "measurement"),
    ("lke pelaporan", "pelaporan", "reporting"),
    ("lke evaluasi", "evaluasi", "evaluation"),
    ("ketua", "ketua", "chair"),
    ("sekretaris", "sekretaris", "secretary"),
    ("anggota", "anggota", "member"),
];

/// The interface words of one language.
pub struct Words {
    /// The language.
    pub lang: Lang,
    map: BTreeMap<&'static str, &'static str>,
}

impl Words {
    /// The words of `lang`.
    pub fn new(lang: Lang) -> Words {
        let map = STRINGS
            .iter()
            .chain(ACCOUNTABILITY)
            .chain(PROGRAMMES)
            .map(|(k, id, en)| (*k, if lang == Lang::Id { *id } else { *en }))
            .collect();
        Words { lang, map }
    }

    /// The word for `key`, or an empty string when the table has no such key.
    pub fn get(&self, key: &str) -> &str {
        self.map.get(key).copied().unwrap_or("")
    }

    /// Every key with its word, for templates.
    pub fn all(&self) -> &BTreeMap<&'static str, &'static str> {
        &self.map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique() {
        let keys: std::collections::BTreeSet<&str> =
            STRINGS.iter().chain(ACCOUNTABILITY).chain(PROGRAMMES).map(|s| s.0).collect();
        assert_eq!(keys.len(), STRINGS.len() + ACCOUNTABILITY.len() + PROGRAMMES.len());
    }
}
