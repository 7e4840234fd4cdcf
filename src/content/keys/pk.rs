//! The keys of `perjanjian-kinerja.yaml` and `analisis.yaml` (SPEC §2.9, §2.10): what
//! `content::pk` and `content::analisis` accept.

use super::year::TAHUN;
use super::{Key, Kind};
use crate::content::model::JenisPk;
use crate::content::reader::Choice;

/// `<tahun>/perjanjian-kinerja.yaml`.
pub static PERJANJIAN_KINERJA: &[Key] = &[
    TAHUN,
    Key::required(
        "pk",
        Kind::List(&Kind::Mapping(PK)),
        "perjanjian kinerja di semua tingkat dan perubahannya",
        "performance agreements at every level and their revisions",
    ),
];

/// `<tahun>/perjanjian-kinerja.yaml`: one agreement.
pub static PK: &[Key] = &[
    Key::required("id", Kind::Id, "id, unik dalam berkas", "id, unique within the file"),
    Key::required(
        "jenis",
        Kind::Word(JenisPk::words),
        "`murni` (awal tahun) atau `perubahan` (PK Perubahan)",
        "`murni` (start of the year) or `perubahan` (a revision)",
    ),
    Key::required("tanggal", Kind::Date, "tanggal penandatanganan", "date signed"),
    Key::optional(
        "menggantikan",
        Kind::Id,
        "id PK yang diubah, bertanggal lebih awal; wajib untuk `perubahan`",
        "id of the PK revised, dated earlier; required for `perubahan`",
    ),
    Key::optional(
        "dasar",
        Kind::Mapping(DASAR),
        "dasar perubahan; wajib untuk `perubahan`",
        "what the revision rests on; required for `perubahan`",
    ),
    Key::optional(
        "alasan",
        Kind::Text,
        "alasan perubahan; wajib untuk `perubahan`",
        "why the targets were revised; required for `perubahan`",
    ),
    Key::required("pihak_pertama", Kind::Mapping(PIHAK), "pihak yang berjanji", "who promises"),
    Key::required(
        "pihak_kedua",
        Kind::Mapping(PIHAK),
        "atasan yang menerima janji",
        "the superior promised to",
    ),
    Key::required(
        "indikator",
        Kind::List(&Kind::Mapping(PK_INDIKATOR)),
        "indikator dan target tahunannya",
        "indicators and their targets for the year",
    ),
    Key::optional(
        "program",
        Kind::List(&Kind::String),
        "kode program (atau kegiatan) di cascading.yaml yang anggarannya diperjanjikan",
        "codes of programmes (or kegiatan) in cascading.yaml whose budget it commits",
    ),
];

/// `<tahun>/perjanjian-kinerja.yaml`: `pihak_pertama`, `pihak_kedua`.
pub static PIHAK: &[Key] = &[
    Key::required("nama", Kind::String, "nama", "name"),
    Key::required("jabatan", Kind::Text, "jabatan", "position"),
    Key::optional("pangkat", Kind::Text, "pangkat / golongan", "rank / grade"),
    Key::optional(
        "nip",
        Kind::String,
        "NIP, 18 angka (spasi boleh)",
        "civil-servant number (NIP), 18 digits (spaces allowed)",
    ),
];

/// `<tahun>/perjanjian-kinerja.yaml`: `dasar`.
pub static DASAR: &[Key] = &[
    Key::required(
        "nomor",
        Kind::String,
        "nomor peraturan atau keputusan",
        "number of the regulation or decision",
    ),
    Key::required("tanggal", Kind::Date, "tanggal peraturan atau keputusan", "its date"),
];

/// `<tahun>/perjanjian-kinerja.yaml`: an indicator and its target.
pub static PK_INDIKATOR: &[Key] = &[
    Key::required("id", Kind::Id, "id indikator IKU atau cascading", "id of an IKU or cascading indicator"),
    Key::required(
        "target",
        Kind::Target,
        "target tahun itu; PK murni: sama dengan target di renstra/cascading",
        "the year's target; a `murni` PK: equal to the target in renstra/cascading",
    ),
];

/// `<tahun>/analisis.yaml`.
pub static ANALISIS: &[Key] = &[
    TAHUN,
    Key::optional("ikhtisar", Kind::Text, "ikhtisar eksekutif (Markdown)", "executive summary (Markdown)"),
    Key::required(
        "indikator",
        Kind::List(&Kind::Mapping(ANALISIS_INDIKATOR)),
        "analisis per indikator",
        "the analysis of each indicator",
    ),
];

/// `<tahun>/analisis.yaml`: the analysis of an indicator.
pub static ANALISIS_INDIKATOR: &[Key] = &[
    Key::required("id", Kind::Id, "id indikator IKU atau cascading", "id of an IKU or cascading indicator"),
    Key::optional("faktor_pendukung", Kind::Text, "faktor pendukung (Markdown)", "what helped (Markdown)"),
    Key::optional(
        "faktor_penghambat",
        Kind::Text,
        "faktor penghambat (Markdown)",
        "what held it back (Markdown)",
    ),
    Key::optional(
        "upaya",
        Kind::Text,
        "upaya perbaikan dan alternatif solusi (Markdown)",
        "improvement steps and alternative solutions (Markdown)",
    ),
    Key::optional(
        "standar",
        Kind::Mapping(STANDAR),
        "standar eksternal pembanding realisasi",
        "an external standard to compare the realisation with",
    ),
    Key::optional(
        "program_pendukung",
        Kind::List(&Kind::String),
        "kode program di cascading.yaml yang mendukung indikator",
        "codes of programmes in cascading.yaml that support the indicator",
    ),
];

/// `<tahun>/analisis.yaml`: `standar`.
pub static STANDAR: &[Key] = &[
    Key::required("nilai", Kind::Figure, "angka standar", "the standard's figure"),
    Key::optional("sumber", Kind::Text, "sumber standar", "where the standard comes from"),
];
