//! The keys of the plan files, `sakip.yaml`, `renstra.yaml` and `cascading.yaml`, and of the
//! indicator they share: what `content::plan` accepts.

use super::{Key, Kind};
use crate::content::model::{Agregasi, Polaritas, Sumber};
use crate::content::reader::Choice;

/// `sakip.yaml`.
pub static SAKIP: &[Key] = &[
    Key::required("instansi", Kind::Mapping(INSTANSI), "profil instansi", "the agency's profile"),
    Key::required("situs", Kind::Mapping(SITUS), "pengaturan situs", "site settings"),
    Key::optional(
        "predikat",
        Kind::List(&Kind::Mapping(PREDIKAT)),
        "skala predikat pengganti skala Permendagri 86/2017, dari pita tertinggi",
        "a predicate scale replacing that of Permendagri 86/2017, from the highest band",
    ),
];

/// `sakip.yaml`: `instansi`.
pub static INSTANSI: &[Key] = &[
    Key::required("nama", Kind::Text, "nama lengkap instansi", "full name of the agency"),
    Key::optional("singkatan", Kind::Text, "singkatan", "abbreviation"),
    Key::required("pemerintah", Kind::Text, "pemerintah daerah induknya", "the regional government"),
    Key::optional("alamat", Kind::Text, "alamat", "address"),
    Key::optional("telepon", Kind::String, "nomor telepon", "telephone"),
    Key::optional("situs", Kind::Link, "situs web instansi", "the agency's web site"),
    Key::optional("kepala", Kind::Mapping(KEPALA), "kepala instansi", "head of the agency"),
];

/// `sakip.yaml`: `instansi.kepala`.
pub static KEPALA: &[Key] = &[
    Key::required("nama", Kind::String, "nama kepala instansi", "name of the head"),
    Key::optional("pangkat", Kind::String, "pangkat/golongan", "rank"),
    Key::optional("nip", Kind::String, "NIP", "civil-servant number (NIP)"),
];

/// `sakip.yaml`: `situs`.
pub static SITUS: &[Key] = &[
    Key::required("judul", Kind::Text, "judul situs", "site title"),
    Key::required("base_url", Kind::Link, "alamat publik situs", "public address of the site"),
    Key::optional(
        "tema",
        Kind::Id,
        "folder tema `themes/<tema>/`; bawaan `default`",
        "theme folder `themes/<tema>/`; default `default`",
    ),
    Key::optional(
        "data_contoh",
        Kind::Boolean,
        "angka-angkanya data contoh, dan setiap halaman menyatakannya; bawaan `false`",
        "the figures are sample data, and every page says so; default `false`",
    ),
    Key::optional(
        "lisensi",
        Kind::String,
        "lisensi data terbuka, ditampilkan di kaki halaman dan di datapackage.json; bawaan `CC BY 4.0`",
        "licence of the open data, shown in the footer and in datapackage.json; default `CC BY 4.0`",
    ),
];

/// `sakip.yaml`: a band of `predikat`.
pub static PREDIKAT: &[Key] = &[
    Key::optional(
        "min",
        Kind::Figure,
        "batas bawah (inklusif) persentase yang dibulatkan; tidak ada pada pita terakhir",
        "inclusive lower bound on the rounded percentage; absent on the last band",
    ),
    Key::required("nama", Kind::Text, "nama pita predikat", "name of the band"),
];

/// `renstra.yaml`.
pub static RENSTRA: &[Key] = &[
    Key::required(
        "periode",
        Kind::List(&Kind::Year),
        "periode Renstra: [tahun awal, tahun akhir]",
        "the Renstra period: [first year, last year]",
    ),
    Key::required("tujuan", Kind::List(&Kind::Mapping(TUJUAN)), "tujuan Renstra", "goals of the Renstra"),
];

/// `renstra.yaml`: a tujuan.
pub static TUJUAN: &[Key] = &[
    Key::required("id", Kind::Id, "id tujuan, unik di antara tujuan", "id of the goal, unique among goals"),
    Key::required("uraian", Kind::Text, "rumusan tujuan", "wording of the goal"),
    Key::required(
        "sasaran",
        Kind::List(&Kind::Mapping(SASARAN)),
        "sasaran strategis tujuan ini",
        "the goal's strategic objectives",
    ),
];

/// `renstra.yaml`: a sasaran.
pub static SASARAN: &[Key] = &[
    Key::required("id", Kind::Id, "id sasaran, unik di antara sasaran", "id, unique among sasaran"),
    Key::required("uraian", Kind::Text, "rumusan sasaran", "wording of the sasaran"),
    Key::required(
        "indikator",
        Kind::List(&Kind::Mapping(INDIKATOR)),
        "indikator kinerja utama (IKU) sasaran ini",
        "its key performance indicators (IKU)",
    ),
];

/// An indicator, IKU (`renstra.yaml`) or cascading (`cascading.yaml`).
pub static INDIKATOR: &[Key] = &[
    Key::required(
        "id",
        Kind::Id,
        "id, unik di seluruh IKU dan indikator cascading",
        "id, unique across IKU and cascading indicators",
    ),
    Key::required("nama", Kind::Text, "nama indikator", "name of the indicator"),
    Key::required(
        "satuan",
        Kind::Text,
        "satuan: rupiah, persen, indeks atau teks bebas",
        "unit: rupiah, persen, indeks or free text",
    ),
    Key::required(
        "polaritas",
        Kind::Word(Polaritas::words),
        "positif: makin tinggi makin baik; negatif: makin rendah makin baik",
        "positif: higher is better; negatif: lower is better",
    ),
    Key::required(
        "agregasi",
        Kind::Word(Agregasi::words),
        "nilai tahun: jumlah triwulan, triwulan terakhir yang diukur, atau rata-ratanya",
        "the year's value: sum of quarters, latest measured quarter, or their mean",
    ),
    Key::optional("definisi", Kind::Text, "definisi indikator", "definition of the indicator"),
    Key::optional("formula", Kind::Text, "rumus perhitungan", "formula"),
    Key::optional("sumber_data", Kind::Text, "sumber data", "data source"),
    Key::optional("penanggung_jawab", Kind::Text, "unit penanggung jawab", "responsible unit"),
    Key::optional(
        "sumber",
        Kind::Word(Sumber::words),
        "realisasi dihitung dari `<tahun>/skm.yaml`",
        "the realisation is computed from `<tahun>/skm.yaml`",
    ),
    Key::optional("target", Kind::ByYear(&Kind::Target), "target per tahun", "target per year"),
    Key::optional(
        "realisasi",
        Kind::ByYear(&Kind::FigureOrNull),
        "realisasi tahunan, untuk tahun tanpa berkas triwulan",
        "annual realisation, for years without quarterly files",
    ),
];

/// `cascading.yaml`.
pub static CASCADING: &[Key] = &[Key::required(
    "program",
    Kind::List(&Kind::Mapping(PROGRAM)),
    "program beserta kegiatan dan sub-kegiatannya",
    "programmes with their kegiatan and sub-kegiatan",
)];

/// `cascading.yaml`: a programme.
pub static PROGRAM: &[Key] = &[
    KODE,
    NAMA,
    Key::required(
        "sasaran",
        Kind::Id,
        "id sasaran Renstra yang didukung (juga oleh kegiatannya)",
        "the Renstra sasaran it supports (its kegiatan too)",
    ),
    UNIT_INDIKATOR,
    ANGGARAN_PER_TAHUN,
    Key::optional("kegiatan", Kind::List(&Kind::Mapping(KEGIATAN)), "kegiatan program", "its activities"),
];

/// `cascading.yaml`: a kegiatan of a programme.
pub static KEGIATAN: &[Key] = &[
    KODE,
    NAMA,
    UNIT_INDIKATOR,
    ANGGARAN_PER_TAHUN,
    Key::optional(
        "sub_kegiatan",
        Kind::List(&Kind::Mapping(SUB_KEGIATAN)),
        "sub-kegiatan (tingkat terbawah)",
        "sub-activities (the lowest level)",
    ),
];

/// `cascading.yaml`: a sub-kegiatan.
pub static SUB_KEGIATAN: &[Key] = &[KODE, NAMA, UNIT_INDIKATOR, ANGGARAN_PER_TAHUN];

/// `cascading.yaml`: a year's budget.
pub static ANGGARAN: &[Key] = &[
    Key::optional("pagu", Kind::Figure, "pagu anggaran", "budget ceiling"),
    Key::optional("realisasi", Kind::Figure, "realisasi anggaran", "budget spent"),
];

// The keys that programmes, kegiatan and sub-kegiatan share.
static KODE: Key = Key::required(
    "kode",
    Kind::Id,
    "kode nomenklatur Kepmendagri, unik di ketiga tingkat",
    "Kepmendagri nomenclature code, unique across the three levels",
);
static NAMA: Key = Key::required("nama", Kind::Text, "nama", "name");
static UNIT_INDIKATOR: Key = Key::optional(
    "indikator",
    Kind::List(&Kind::Mapping(INDIKATOR)),
    "indikator, berbentuk sama dengan IKU di `renstra.yaml`",
    "indicators, shaped as the IKU of `renstra.yaml`",
);
static ANGGARAN_PER_TAHUN: Key = Key::optional(
    "anggaran",
    Kind::ByYear(&Kind::Mapping(ANGGARAN)),
    "pagu dan realisasi anggaran per tahun",
    "budget ceiling and spending per year",
);
