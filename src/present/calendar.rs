//! Views of the reporting calendar and of the follow-up of recommendations, shown on the
//! dashboard and on the year pages.

use serde::Serialize;

use super::view::{Link, Txt, evidence_links, txt};
use crate::compute::{FollowUp, FollowUpStatus, Laporan, Periode, Report};
use crate::content::model::Site;
use crate::diagnostics::Lang;

/// A report of the calendar.
#[derive(Serialize)]
pub struct ReportView {
    /// The code of `pelaporan.csv` (`TW1`, `evaluasi-TW1`, `tahunan`).
    laporan: String,
    /// `triwulan`, `evaluasi` or `tahunan`.
    jenis: &'static str,
    /// `TW1`…`TW4` for the quarterly reports and evaluations.
    periode: Option<String>,
    batas_waktu: String,
    tanggal: Option<String>,
    status: &'static str,
    terlambat_hari: i64,
}

impl ReportView {
    /// The view of `r`.
    pub fn new(r: &Report) -> ReportView {
        let (jenis, quarter) = match r.laporan {
            Laporan::Triwulan(q) => ("triwulan", Some(q)),
            Laporan::EvaluasiTriwulan(q) => ("evaluasi", Some(q)),
            Laporan::Tahunan => ("tahunan", None),
        };
        ReportView {
            laporan: r.laporan.code(),
            jenis,
            periode: quarter.map(|q| Periode::Triwulan(q).label()),
            batas_waktu: r.batas_waktu.to_string(),
            tanggal: r.tanggal.map(|d| d.to_string()),
            status: r.status.label(),
            terlambat_hari: r.terlambat_hari,
        }
    }
}

/// A recommendation and its follow-up.
#[derive(Serialize)]
pub struct FollowUpView {
    tahun: i32,
    evaluasi: String,
    id: String,
    uraian: Option<Txt>,
    diterima: String,
    batas_waktu: String,
    status: &'static str,
    overdue: bool,
    selesai: Option<String>,
    terlambat_hari: i64,
    tindak_lanjut: Option<Txt>,
    bukti: Vec<Link>,
}

impl FollowUpView {
    /// The view of `f`; `root` is the relative path to the site root (for evidence links), or
    /// `None` where the evidence is not listed.
    pub fn new(f: &FollowUp, site: &Site, lang: Lang, root: Option<&str>) -> FollowUpView {
        let rec = f.rekomendasi(site).map(|(_, r)| r);
        let tindak_lanjut = rec.and_then(|r| r.tindak_lanjut.as_ref());
        FollowUpView {
            tahun: f.tahun,
            evaluasi: f.evaluasi.clone(),
            id: f.rekomendasi.clone(),
            uraian: rec.map(|r| txt(&r.uraian, lang)),
            diterima: f.diterima.to_string(),
            batas_waktu: f.batas_waktu.to_string(),
            status: f.status.label(),
            overdue: f.status == FollowUpStatus::LewatBatasWaktu,
            selesai: f.selesai.map(|d| d.to_string()),
            terlambat_hari: f.terlambat_hari,
            tindak_lanjut: tindak_lanjut.and_then(|t| t.uraian.as_ref()).map(|u| txt(u, lang)),
            bukti: match (root, tindak_lanjut) {
                (Some(root), Some(tl)) => evidence_links(&tl.bukti, root, lang),
                _ => Vec::new(),
            },
        }
    }
}
