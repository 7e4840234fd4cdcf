//! The accountability files of a year folder (SPEC §2.9, §2.10): the performance agreements
//! (PK) at every level with their revisions, and the annual report's analysis per indicator.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Spanned, Text};
use crate::number::{Target, Unit};

/// `perjanjian-kinerja.yaml`.
#[derive(Debug)]
pub struct PerjanjianKinerja {
    /// The agreements, in file order.
    pub pk: Vec<Pk>,
}

/// A PK made at the start of the year, or a revision of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisPk {
    /// The agreement of the start of the year.
    Murni,
    /// A revision (PK Perubahan) of an earlier agreement.
    Perubahan,
}

/// One performance agreement.
#[derive(Debug)]
pub struct Pk {
    /// Id, unique within the file.
    pub id: Spanned<String>,
    /// Start of the year or revision.
    pub jenis: Spanned<JenisPk>,
    /// Date signed.
    pub tanggal: Spanned<NaiveDate>,
    /// For a revision: the PK it replaces.
    pub menggantikan: Option<Spanned<String>>,
    /// For a revision: the regulation or decision it rests on.
    pub dasar: Option<Dasar>,
    /// For a revision: why.
    pub alasan: Option<Text>,
    /// Who promises (the subordinate).
    pub pihak_pertama: Pihak,
    /// To whom (the superior).
    pub pihak_kedua: Pihak,
    /// The indicators and their targets.
    pub indikator: Vec<PkIndikator>,
    /// Codes of the programmes (or kegiatan) whose budget it commits.
    pub program: Vec<Spanned<String>>,
}

/// A signatory of a PK.
#[derive(Debug, Clone)]
pub struct Pihak {
    /// Name.
    pub nama: String,
    /// Position.
    pub jabatan: Text,
    /// Rank and grade (`Pembina / IV a`).
    pub pangkat: Option<Text>,
    /// NIP, as written (checked to hold 18 digits).
    pub nip: Option<String>,
}

/// The regulation or decision a revision rests on.
#[derive(Debug, Clone)]
pub struct Dasar {
    /// Its number (`Perda 7/2023 (APBD Perubahan)`).
    pub nomor: String,
    /// Its date.
    pub tanggal: Spanned<NaiveDate>,
}

/// An indicator of a PK and the year's target promised for it.
#[derive(Debug)]
pub struct PkIndikator {
    /// The indicator.
    pub id: Spanned<String>,
    /// The target.
    pub target: Spanned<Target>,
    /// Units written in the target's text.
    pub units: Vec<Spanned<Unit>>,
}

/// `analisis.yaml`.
#[derive(Debug)]
pub struct Analisis {
    /// Executive summary (Markdown).
    pub ikhtisar: Option<Text>,
    /// The analysis of each indicator.
    pub indikator: Vec<AnalisisIndikator>,
}

/// The analysis of one indicator.
#[derive(Debug)]
pub struct AnalisisIndikator {
    /// The indicator.
    pub id: Spanned<String>,
    /// What helped (Markdown).
    pub faktor_pendukung: Option<Text>,
    /// What held it back (Markdown).
    pub faktor_penghambat: Option<Text>,
    /// Steps taken (Markdown).
    pub upaya: Option<Text>,
    /// An external standard to compare the realisation with.
    pub standar: Option<Standar>,
    /// Codes of the programmes that support it.
    pub program_pendukung: Vec<Spanned<String>>,
}

/// An external standard.
#[derive(Debug)]
pub struct Standar {
    /// Its figure.
    pub nilai: Spanned<Decimal>,
    /// Where it comes from.
    pub sumber: Option<Text>,
}
