//! The year-end projection as people read it (SPEC §3.9): only for the current, unfinished year,
//! after its latest reported quarter, worded as "proyeksi bila laju sama" so that nobody takes it
//! for a result; never for a finished year.

use chrono::NaiveDate;
use serde::Serialize;

use super::view::{IndicatorRef, TargetView};
use super::{Angka, Presenter};
use crate::compute::{Ledger, Owner, Periode, Projection, Row};
use crate::content::model::Site;

/// The projection of one indicator.
#[derive(Debug, Serialize)]
pub struct ProjectionView {
    tahun: i32,
    /// `TW1`–`TW3`.
    setelah: String,
    /// The year's target in force.
    target: TargetView,
    proyeksi: Angka,
    capaian: Option<Angka>,
    /// `sesuai jalur`, `perlu perhatian`, `tidak sesuai jalur` (the template translates).
    status: Option<&'static str>,
}

impl ProjectionView {
    /// The view of `p`, with the target in force that its indicator's year row (in `rows`)
    /// carries.
    pub fn new(p: &Projection, rows: &[Row]) -> ProjectionView {
        let year_row = rows.iter().find(|r| r.tahun == p.tahun && r.periode == Periode::Tahunan);
        let target = year_row.and_then(|r| r.target.as_ref());
        ProjectionView {
            tahun: p.tahun,
            setelah: Periode::Triwulan(p.setelah).label(),
            target: TargetView::new(target),
            proyeksi: Angka(p.proyeksi),
            capaian: p.capaian.map(Angka),
            status: p.status.map(|s| s.word()),
        }
    }
}

/// The current year: the latest year with a rencana aksi whose TW4 is not reported and whose
/// end is not past on the as-of date. Any other year is finished and shows no projection.
pub fn current_year(site: &Site, as_of: NaiveDate) -> Option<i32> {
    let (&tahun, year) = site.years.iter().rev().find(|(_, y)| y.rencana_aksi.is_some())?;
    let last_day = NaiveDate::from_ymd_opt(tahun, 12, 31)?;
    (year.realisasi[3].is_none() && as_of <= last_day).then_some(tahun)
}

/// The latest projection of indicator `id` in the current year, if any.
pub fn latest<'a>(site: &Site, ledger: &'a Ledger, id: &str) -> Option<&'a Projection> {
    let tahun = current_year(site, ledger.as_of)?;
    ledger.proyeksi.iter().filter(|p| p.tahun == tahun && p.indikator == id).max_by_key(|p| p.setelah)
}

/// One IKU on the dashboard's projection table.
#[derive(Debug, Serialize)]
pub struct DashboardLine {
    ind: IndicatorRef,
    proyeksi: ProjectionView,
}

/// The dashboard's projection of the IKU for the current year (empty for a finished year).
pub fn dashboard(p: &Presenter, lang: crate::diagnostics::Lang) -> Vec<DashboardLine> {
    p.indicators()
        .iter()
        .filter(|(_, l)| matches!(l.owner, Owner::Sasaran(_)))
        .filter_map(|(ind, l)| {
            let latest = latest(p.site, p.ledger, &ind.id.value)?;
            let proyeksi = ProjectionView::new(latest, &l.rows);
            Some(DashboardLine { ind: IndicatorRef::new(ind, lang), proyeksi })
        })
        .collect()
}
