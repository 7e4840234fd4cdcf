//! Reporting deadlines (Pedoman 3.4) and the 60-day follow-up of recommendations (Pedoman V),
//! SPEC §3.8. Days are calendar days, so leap years count.

use chrono::{Days, NaiveDate};

use crate::content::model::{JenisEvaluasi, Periode, Site, StatusTindakLanjut, Year};

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportStatus {
    /// On or before the deadline.
    TepatWaktu,
    /// After the deadline.
    Terlambat,
    /// Not submitted and the deadline has passed.
    BelumAda,
}

impl ReportStatus {
    /// `tepat waktu`, `terlambat`, `belum ada`.
    pub fn label(self) -> &'static str {
        match self {
            ReportStatus::TepatWaktu => "tepat waktu",
            ReportStatus::Terlambat => "terlambat",
            ReportStatus::BelumAda => "belum ada",
        }
    }
}

/// One report of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Year.
    pub tahun: i32,
    /// `TW1`…`TW4`, `evaluasi-TW1`…`evaluasi-TW4`, `tahunan`.
    pub laporan: String,
    /// Deadline.
    pub batas_waktu: NaiveDate,
    /// Date submitted.
    pub tanggal: Option<NaiveDate>,
    /// Status.
    pub status: ReportStatus,
    /// Days late (blank when on time).
    pub terlambat_hari: Option<i64>,
}

/// Where a recommendation's follow-up stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpStatus {
    /// Done by the due date.
    SelesaiTepatWaktu,
    /// Done after the due date.
    SelesaiTerlambat,
    /// Not done, due date not passed.
    DalamProses,
    /// Not done, due date passed.
    LewatBatasWaktu,
}

impl FollowUpStatus {
    /// The label of SPEC §3.8.
    pub fn label(self) -> &'static str {
        match self {
            FollowUpStatus::SelesaiTepatWaktu => "selesai tepat waktu",
            FollowUpStatus::SelesaiTerlambat => "selesai terlambat",
            FollowUpStatus::DalamProses => "dalam proses",
            FollowUpStatus::LewatBatasWaktu => "lewat batas waktu",
        }
    }
}

/// The follow-up of one recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// Year folder.
    pub tahun: i32,
    /// Evaluation id.
    pub evaluasi: String,
    /// Recommendation id.
    pub rekomendasi: String,
    /// Received.
    pub diterima: NaiveDate,
    /// Due: 60 calendar days after `diterima`.
    pub batas_waktu: NaiveDate,
    /// Status.
    pub status: FollowUpStatus,
    /// Completion date.
    pub selesai: Option<NaiveDate>,
    /// Days late.
    pub terlambat_hari: Option<i64>,
}

/// Days a recommendation has for its follow-up (Pedoman V).
pub const FOLLOW_UP_DAYS: u64 = 60;

/// The calendar of every year with quarterly files, ordered by year then deadline.
pub(super) fn reports(site: &Site, as_of: NaiveDate) -> Vec<Report> {
    let mut out = Vec::new();
    for (&tahun, year) in &site.years {
        if year.realisasi.iter().all(Option::is_none) {
            continue;
        }
        for q in 1..=4u8 {
            let report = year.realisasi[usize::from(q) - 1].as_ref().map(|r| r.tanggal.value);
            let evaluation = evaluation_date(year, JenisEvaluasi::Berkala, Periode::Triwulan(q));
            let due = quarter_deadline(tahun, q);
            out.extend(status(tahun, format!("TW{q}"), due, report, as_of));
            out.extend(status(tahun, format!("evaluasi-TW{q}"), due, evaluation, as_of));
        }
        let due = NaiveDate::from_ymd_opt(tahun + 1, 1, 31);
        let annual = evaluation_date(year, JenisEvaluasi::Tahunan, Periode::Tahunan);
        out.extend(due.and_then(|due| status(tahun, "tahunan".into(), due, annual, as_of)));
    }
    out
}

/// 7 April, 7 July, 7 October for TW1–TW3; 31 December for TW4.
fn quarter_deadline(tahun: i32, q: u8) -> NaiveDate {
    let (month, day) = match q {
        1 => (4, 7),
        2 => (7, 7),
        3 => (10, 7),
        _ => (12, 31),
    };
    NaiveDate::from_ymd_opt(tahun, month, day).unwrap_or(NaiveDate::MAX)
}

/// The earliest evaluation of this kind and period.
fn evaluation_date(year: &Year, jenis: JenisEvaluasi, periode: Periode) -> Option<NaiveDate> {
    let all = year.evaluasi.iter().flat_map(|e| &e.evaluasi);
    all.filter(|e| e.jenis.value == jenis && e.periode.value == periode).map(|e| e.tanggal.value).min()
}

/// A report's status; `None` while it is missing but not yet due.
fn status(
    tahun: i32,
    laporan: String,
    due: NaiveDate,
    date: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Option<Report> {
    let (status, late) = match date {
        Some(d) if d <= due => (ReportStatus::TepatWaktu, None),
        Some(d) => (ReportStatus::Terlambat, Some((d - due).num_days())),
        None if as_of > due => (ReportStatus::BelumAda, Some((as_of - due).num_days())),
        None => return None,
    };
    Some(Report { tahun, laporan, batas_waktu: due, tanggal: date, status, terlambat_hari: late })
}

/// Every recommendation, by year, evaluation and recommendation in file order.
pub(super) fn follow_ups(site: &Site, as_of: NaiveDate) -> Vec<FollowUp> {
    let mut out = Vec::new();
    for (&tahun, year) in &site.years {
        for ev in year.evaluasi.iter().flat_map(|e| &e.evaluasi) {
            for r in &ev.rekomendasi {
                let diterima = r.diterima.value;
                let due = diterima.checked_add_days(Days::new(FOLLOW_UP_DAYS)).unwrap_or(NaiveDate::MAX);
                let done = r
                    .tindak_lanjut
                    .as_ref()
                    .filter(|t| t.status.value == StatusTindakLanjut::Selesai)
                    .and_then(|t| t.selesai.as_ref())
                    .map(|s| s.value);
                let (status, late) = match done {
                    Some(d) if d <= due => (FollowUpStatus::SelesaiTepatWaktu, None),
                    Some(d) => (FollowUpStatus::SelesaiTerlambat, Some((d - due).num_days())),
                    None if as_of <= due => (FollowUpStatus::DalamProses, None),
                    None => (FollowUpStatus::LewatBatasWaktu, Some((as_of - due).num_days())),
                };
                out.push(FollowUp {
                    tahun,
                    evaluasi: ev.id.value.clone(),
                    rekomendasi: r.id.value.clone(),
                    diterima,
                    batas_waktu: due,
                    status,
                    selesai: done,
                    terlambat_hari: late,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn sixty_days_cross_february_of_a_leap_year() {
        // Received 2024-01-15: 16 days left in January, 29 in February (leap), 15 in March = 60.
        let due = date("2024-01-15").checked_add_days(Days::new(FOLLOW_UP_DAYS)).unwrap();
        assert_eq!(due, date("2024-03-15"));
        // The same date in a common year: 16 + 28 + 16 → 16 March.
        let due = date("2023-01-15").checked_add_days(Days::new(FOLLOW_UP_DAYS)).unwrap();
        assert_eq!(due, date("2023-03-16"));
    }

    #[test]
    fn report_status_counts_days_from_the_deadline() {
        let due = quarter_deadline(2023, 3);
        assert_eq!(due, date("2023-10-07"));
        let late = status(2023, "TW3".into(), due, Some(date("2023-10-11")), date("2024-06-01")).unwrap();
        assert_eq!((late.status, late.terlambat_hari), (ReportStatus::Terlambat, Some(4)));
        let on_time = status(2023, "TW3".into(), due, Some(due), date("2024-06-01")).unwrap();
        assert_eq!((on_time.status, on_time.terlambat_hari), (ReportStatus::TepatWaktu, None));
        // Missing: listed only once the as-of date is past the deadline.
        assert!(status(2023, "TW3".into(), due, None, due).is_none());
        let missing = status(2023, "TW3".into(), due, None, date("2023-10-09")).unwrap();
        assert_eq!((missing.status, missing.terlambat_hari), (ReportStatus::BelumAda, Some(2)));
        assert_eq!(quarter_deadline(2023, 4), date("2023-12-31"));
    }
}
