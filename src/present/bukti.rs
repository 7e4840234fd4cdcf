//! The evidence matrix as people read it (SPEC §3.9): per year a page of indicator × quarter,
//! and the same rows of one indicator on its own page. Each quarter lists the required kinds,
//! marked supplied or missing in words, the kinds supplied beyond them, the validation status
//! and the completeness.
//!
//! The year's page stays bounded however many indicators there are: beyond [`LIST_LIMIT`]
//! indicators it lists those with missing evidence first, up to the limit, and counts the rest,
//! which are on their own indicator pages and in `data/bukti.csv`.

use serde::Serialize;

use super::object::Rows;
use super::search::SearchEntry;
use super::view::{IndicatorRef, Txt, txt};
use super::{Angka, Presenter, Words};
use crate::compute::EvidenceCell;
use crate::content::model::Indikator;
use crate::diagnostics::Lang;

/// One required kind and whether it was supplied.
#[derive(Debug, Serialize)]
pub struct RequiredView {
    /// The kind of evidence.
    pub jenis: Txt,
    /// Whether it was supplied.
    pub disampaikan: bool,
}

/// One indicator × quarter.
#[derive(Debug, Serialize)]
pub struct CellView {
    /// Year.
    pub tahun: i32,
    /// Quarter, 1–4.
    pub triwulan: u8,
    /// The required kinds.
    pub wajib: Vec<RequiredView>,
    /// Kinds supplied beyond the required ones.
    pub tambahan: Vec<Txt>,
    /// How many required kinds are missing.
    pub kurang: usize,
    /// How many kinds are required.
    pub jumlah_wajib: usize,
    /// How many of them were supplied.
    pub jumlah_disampaikan: usize,
    /// The validation status of the quarter.
    pub status: &'static str,
    /// Supplied required kinds / required kinds, in per cent.
    pub kelengkapan: Option<Angka>,
}

impl CellView {
    /// The view of `c` in `lang`.
    pub fn new(c: &EvidenceCell, lang: Lang) -> CellView {
        CellView {
            tahun: c.tahun,
            triwulan: c.triwulan,
            wajib: c
                .kinds
                .iter()
                .filter(|k| k.wajib)
                .map(|k| RequiredView { jenis: txt(&k.jenis, lang), disampaikan: k.disampaikan })
                .collect(),
            tambahan: c.kinds.iter().filter(|k| !k.wajib).map(|k| txt(&k.jenis, lang)).collect(),
            kurang: c.missing().count(),
            jumlah_wajib: c.wajib,
            jumlah_disampaikan: c.disampaikan,
            status: c.validasi.label(),
            kelengkapan: c.kelengkapan.map(Angka),
        }
    }
}

/// An indicator's four quarters.
#[derive(Debug, Serialize)]
pub struct MatrixLine {
    ind: IndicatorRef,
    cells: Rows<CellView>,
}

/// How many items a year's list page shows before it counts the rest ("… and N more").
pub const LIST_LIMIT: usize = 50;

/// The evidence matrix page of a year.
#[derive(Debug, Serialize)]
pub struct EvidencePage {
    tahun: i32,
    lines: Vec<MatrixLine>,
    /// Indicators with a matrix this year not listed (beyond [`LIST_LIMIT`]).
    lebih: usize,
    /// Supplied required kinds of the year / required kinds (criterion (e) of the LKE evidence).
    disampaikan: usize,
    wajib: usize,
    kelengkapan: Option<Angka>,
}

/// Build the evidence matrix page of `tahun`.
pub fn page(p: &Presenter, tahun: i32, t: &Words) -> EvidencePage {
    let cells: Vec<&EvidenceCell> = p.ledger.bukti.iter().filter(|c| c.tahun == tahun).collect();
    let in_year = |id: &str| -> Vec<&EvidenceCell> {
        p.bukti_of(id).iter().copied().filter(|c| c.tahun == tahun).collect()
    };
    let mut mine: Vec<(&Indikator, Vec<&EvidenceCell>)> = p
        .indicators()
        .iter()
        .map(|(ind, _)| (*ind, in_year(&ind.id.value)))
        .filter(|(_, cells)| !cells.is_empty())
        .collect();
    let lebih = mine.len().saturating_sub(LIST_LIMIT);
    if lebih > 0 {
        // The worklist first: indicators with a required kind missing, in definition order.
        mine.sort_by_key(|(_, cells)| cells.iter().all(|c| c.missing().next().is_none()));
        mine.truncate(LIST_LIMIT);
    }
    let lines = mine
        .into_iter()
        .map(|(ind, cells)| MatrixLine {
            ind: IndicatorRef::new(ind, t.lang),
            cells: cells.into_iter().map(|c| CellView::new(c, t.lang)).collect::<Vec<_>>().into(),
        })
        .collect();
    let wajib = cells.iter().map(|c| c.wajib).sum();
    let disampaikan = cells.iter().map(|c| c.disampaikan).sum();
    let kelengkapan = p
        .ledger
        .lke_bukti
        .iter()
        .find(|l| l.tahun == tahun)
        .and_then(|l| l.kriteria.iter().find(|k| k.kriteria == crate::compute::Kriteria::BuktiLengkap))
        .and_then(|k| k.rasio.persen.map(Angka));
    EvidencePage { tahun, lines, lebih, disampaikan, wajib, kelengkapan }
}

/// The cells of one indicator in one year, for its page.
#[derive(Debug, Serialize)]
pub struct YearCells {
    tahun: i32,
    cells: Rows<CellView>,
    /// No quarter requires evidence nor received any: the page says so in a sentence rather
    /// than a table of four empty rows.
    kosong: bool,
}

/// The cells of one indicator (`cells`, in year and quarter order) grouped by year.
pub fn by_year(cells: &[&EvidenceCell], lang: Lang) -> Vec<YearCells> {
    let mut years: Vec<(i32, Vec<CellView>)> = Vec::new();
    for c in cells {
        let view = CellView::new(c, lang);
        match years.last_mut() {
            Some((tahun, views)) if *tahun == c.tahun => views.push(view),
            _ => years.push((c.tahun, vec![view])),
        }
    }
    let year = |(tahun, views): (i32, Vec<CellView>)| YearCells {
        tahun,
        kosong: views.iter().all(|c| c.wajib.is_empty() && c.tambahan.is_empty()),
        cells: views.into(),
    };
    years.into_iter().map(year).collect()
}

/// The evidence matrix and LKE evidence pages of every year, for the search page.
pub(super) fn search_entries(p: &Presenter, t: &Words) -> Vec<SearchEntry> {
    let pages = [
        ("evidence_matrix", "bukti-dukung", "bukti dukung evidence matrix"),
        ("lke_evidence", "lke", "lke bukti evidence"),
    ];
    let mut out = Vec::new();
    for tahun in p.years() {
        for (key, path, words) in pages {
            let label = format!("{} {tahun}", t.get(key));
            let url = format!("tahun/{tahun}/{path}/");
            out.push(SearchEntry::new(t.get("year"), label, url, format!("{tahun} {words}")));
        }
    }
    out
}
