//! Reporting deadlines (Pedoman 3.4) and the 60-day follow-up of recommendations (Pedoman V),
//! SPEC §3.8. Days are calendar days, so leap years count.

use chrono::{Days, NaiveDate};

use crate::content::model::{
    EvaluasiEntry, JenisEvaluasi, Periode, Rekomendasi, Site, StatusTindakLanjut, Year,
};
use crate::diagnostics::Loc;

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
    /// Every status.
    pub const ALL: [ReportStatus; 3] =
        [ReportStatus::TepatWaktu, ReportStatus::Terlambat, ReportStatus::BelumAda];

    /// `tepat waktu`, `terlambat`, `belum ada`.
    pub fn label(self) -> &'static str {
        match self {
            ReportStatus::TepatWaktu => "tepat waktu",
            ReportStatus::Terlambat => "terlambat",
            ReportStatus::BelumAda => "belum ada",
        }
    }
}

/// Which report of the calendar (Pedoman 3.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Laporan {
    /// The realisation report of a quarter (1–4).
    Triwulan(u8),
    /// The Sekretaris's evaluation of a quarter (1–4).
    EvaluasiTriwulan(u8),
    /// The Kepala's annual evaluation.
    Tahunan,
}

impl Laporan {
    /// `TW1`…`TW4`, `evaluasi-TW1`…`evaluasi-TW4`, `tahunan`: the code of `pelaporan.csv`.
    pub fn code(self) -> String {
        match self {
            Laporan::Triwulan(q) => format!("TW{q}"),
            Laporan::EvaluasiTriwulan(q) => format!("evaluasi-TW{q}"),
            Laporan::Tahunan => "tahunan".to_string(),
        }
    }
}

/// One report of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Year.
    pub tahun: i32,
    /// Which report.
    pub laporan: Laporan,
    /// Deadline.
    pub batas_waktu: NaiveDate,
    /// Date submitted.
    pub tanggal: Option<NaiveDate>,
    /// Status.
    pub status: ReportStatus,
    /// Days late: 0 when on time (§3.8).
    pub terlambat_hari: i64,
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

impl FollowUp {
    /// The evaluation and recommendation this follow-up belongs to.
    pub fn rekomendasi<'a>(&self, site: &'a Site) -> Option<(&'a EvaluasiEntry, &'a Rekomendasi)> {
        let evaluasi = site.years.get(&self.tahun)?.evaluasi.as_ref()?.evaluasi.get(self.at.0)?;
        Some((evaluasi, evaluasi.rekomendasi.get(self.at.1)?))
    }
}

impl FollowUpStatus {
    /// Every status.
    pub const ALL: [FollowUpStatus; 4] = [
        FollowUpStatus::SelesaiTepatWaktu,
        FollowUpStatus::SelesaiTerlambat,
        FollowUpStatus::DalamProses,
        FollowUpStatus::LewatBatasWaktu,
    ];

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
    /// The recommendation itself: its evaluation's and its own position in `evaluasi.yaml`.
    pub at: (usize, usize),
    /// Where the recommendation is written.
    pub loc: Loc,
    /// Received.
    pub diterima: NaiveDate,
    /// Due: 60 calendar days after `diterima`.
    pub batas_waktu: NaiveDate,
    /// Status.
    pub status: FollowUpStatus,
    /// Completion date.
    pub selesai: Option<NaiveDate>,
    /// Days late: 0 when done on time or still in process before the due date (§3.8).
    pub terlambat_hari: i64,
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
            out.extend(status(tahun, Laporan::Triwulan(q), due, report, as_of));
            out.extend(status(tahun, Laporan::EvaluasiTriwulan(q), due, evaluation, as_of));
        }
        let due = NaiveDate::from_ymd_opt(tahun + 1, 1, 31);
        let annual = evaluation_date(year, JenisEvaluasi::Tahunan, Periode::Tahunan);
        out.extend(due.and_then(|due| status(tahun, Laporan::Tahunan, due, annual, as_of)));
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
    laporan: Laporan,
    due: NaiveDate,
    date: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Option<Report> {
    let (status, late) = match date {
        Some(d) if d <= due => (ReportStatus::TepatWaktu, 0),
        Some(d) => (ReportStatus::Terlambat, (d - due).num_days()),
        None if as_of > due => (ReportStatus::BelumAda, (as_of - due).num_days()),
        None => return None,
    };
    Some(Report { tahun, laporan, batas_waktu: due, tanggal: date, status, terlambat_hari: late })
}

/// Every recommendation, by year, evaluation and recommendation in file order.
pub(super) fn follow_ups(site: &Site, as_of: NaiveDate) -> Vec<FollowUp> {
    let mut out = Vec::new();
    for (&tahun, year) in &site.years {
        for (e, ev) in year.evaluasi.iter().flat_map(|e| &e.evaluasi).enumerate() {
            for (i, r) in ev.rekomendasi.iter().enumerate() {
                let diterima = r.diterima.value;
                let due = diterima.checked_add_days(Days::new(FOLLOW_UP_DAYS)).unwrap_or(NaiveDate::MAX);
                let done = r
                    .tindak_lanjut
                    .as_ref()
                    .filter(|t| t.status.value == StatusTindakLanjut::Selesai)
                    .and_then(|t| t.selesai.as_ref())
                    .map(|s| s.value);
                let (status, late) = match done {
                    Some(d) if d <= due => (FollowUpStatus::SelesaiTepatWaktu, 0),
                    Some(d) => (FollowUpStatus::SelesaiTerlambat, (d - due).num_days()),
                    None if as_of <= due => (FollowUpStatus::DalamProses, 0),
                    None => (FollowUpStatus::LewatBatasWaktu, (as_of - due).num_days()),
                };
                out.push(FollowUp {
                    tahun,
                    evaluasi: ev.id.value.clone(),
                    rekomendasi: r.id.value.clone(),
                    at: (e, i),
                    loc: r.id.loc.clone(),
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
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use super::*;
    use crate::content::model::{Evaluasi, JenisTindakLanjut, Spanned, Text, TindakLanjut};

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn spanned<T>(value: T) -> Spanned<T> {
        Spanned::new(value, Loc::file(&Arc::from("content/2024/evaluasi.yaml")))
    }

    /// A recommendation received on `diterima`, with a follow-up of `status` dated `selesai`
    /// when `tindak_lanjut` is given.
    fn rekomendasi(
        id: &str,
        diterima: &str,
        tindak_lanjut: Option<(StatusTindakLanjut, Option<&str>)>,
    ) -> Rekomendasi {
        Rekomendasi {
            id: spanned(id.to_string()),
            uraian: Text::default(),
            diterima: spanned(date(diterima)),
            indikator: Vec::new(),
            tindak_lanjut: tindak_lanjut.map(|(status, selesai)| TindakLanjut {
                jenis: spanned(JenisTindakLanjut::KebijakanOperasional),
                uraian: None,
                status: spanned(status),
                selesai: selesai.map(|s| spanned(date(s))),
                bukti: Vec::new(),
            }),
        }
    }

    fn evaluasi(id: &str, rekomendasi: Vec<Rekomendasi>) -> EvaluasiEntry {
        EvaluasiEntry {
            id: spanned(id.to_string()),
            jenis: spanned(JenisEvaluasi::Eksternal),
            periode: spanned(Periode::Tahunan),
            oleh: Text::default(),
            tanggal: spanned(date("2024-01-10")),
            temuan: None,
            rekomendasi,
        }
    }

    /// Recommendations of 2023 (a common year) and 2024 (a leap year).
    fn site() -> Site {
        use StatusTindakLanjut::{Belum, Proses, Selesai};
        let year = |evaluasi| Year { evaluasi: Some(Evaluasi { evaluasi }), ..Year::default() };
        let y2023 = vec![evaluasi(
            "EV-2023",
            vec![rekomendasi("R1", "2023-01-15", Some((Selesai, Some("2023-03-16"))))],
        )];
        let y2024 = vec![
            evaluasi(
                "EV-A",
                vec![
                    rekomendasi("R1", "2024-01-15", Some((Selesai, Some("2024-03-15")))),
                    rekomendasi("R2", "2024-01-15", Some((Selesai, Some("2024-03-20")))),
                ],
            ),
            evaluasi(
                "EV-B",
                vec![
                    rekomendasi("R1", "2024-02-01", None),
                    rekomendasi("R2", "2024-01-20", Some((Belum, None))),
                    rekomendasi("R3", "2024-01-20", Some((Proses, Some("2024-03-01")))),
                ],
            ),
        ];
        Site { years: BTreeMap::from([(2023, year(y2023)), (2024, year(y2024))]), ..Site::default() }
    }

    /// The follow-up of recommendation `rekomendasi` of evaluation `evaluasi` as of `as_of`.
    fn follow_up(as_of: &str, evaluasi: &str, rekomendasi: &str) -> FollowUp {
        let all = follow_ups(&site(), date(as_of));
        all.into_iter().find(|f| f.evaluasi == evaluasi && f.rekomendasi == rekomendasi).unwrap()
    }

    /// Status and days late.
    fn status_of(f: &FollowUp) -> (FollowUpStatus, i64) {
        (f.status, f.terlambat_hari)
    }

    #[test]
    fn follow_up_is_due_sixty_calendar_days_after_receipt() {
        let due: Vec<_> = follow_ups(&site(), date("2024-04-01"))
            .iter()
            .map(|f| (f.tahun, f.evaluasi.clone(), f.rekomendasi.clone(), f.batas_waktu))
            .collect();
        let row = |tahun, e: &str, r: &str, d: &str| (tahun, e.to_string(), r.to_string(), date(d));
        assert_eq!(
            due,
            [
                // Common year: 16 days left in January + 28 in February + 16 = 60 → 16 March
                // (two months later would be 15 March).
                row(2023, "EV-2023", "R1", "2023-03-16"),
                // Leap year: 16 days left in January + 29 in February + 15 = 60 → 15 March.
                row(2024, "EV-A", "R1", "2024-03-15"),
                row(2024, "EV-A", "R2", "2024-03-15"),
                // 28 days left in February (2–29) + 31 in March + 1 = 60 → 1 April.
                row(2024, "EV-B", "R1", "2024-04-01"),
                // 11 days left in January + 29 in February + 20 = 60 → 20 March.
                row(2024, "EV-B", "R2", "2024-03-20"),
                row(2024, "EV-B", "R3", "2024-03-20"),
            ]
        );
    }

    #[test]
    fn done_on_the_due_date_is_on_time_and_after_it_late_by_the_days_past_it() {
        // Due 15 March 2024, done that day.
        let f = follow_up("2024-04-01", "EV-A", "R1");
        assert_eq!(
            (status_of(&f), f.selesai),
            ((FollowUpStatus::SelesaiTepatWaktu, 0), Some(date("2024-03-15")))
        );
        // Due 16 March 2023, done that day.
        let f = follow_up("2024-04-01", "EV-2023", "R1");
        assert_eq!(status_of(&f), (FollowUpStatus::SelesaiTepatWaktu, 0));
        // Due 15 March 2024, done 20 March: 20 − 15 = 5 days late.
        let f = follow_up("2024-04-01", "EV-A", "R2");
        assert_eq!(
            (status_of(&f), f.selesai),
            ((FollowUpStatus::SelesaiTerlambat, 5), Some(date("2024-03-20")))
        );
    }

    #[test]
    fn not_done_is_in_process_through_the_due_date_then_overdue_from_it() {
        // Due 1 April 2024: as of that day still in process, the next day 1 day late.
        assert_eq!(status_of(&follow_up("2024-04-01", "EV-B", "R1")), (FollowUpStatus::DalamProses, 0));
        assert_eq!(status_of(&follow_up("2024-04-02", "EV-B", "R1")), (FollowUpStatus::LewatBatasWaktu, 1));
        // Due 20 March 2024, as of 1 April: 11 days left in March + 1 = 12 days late.
        assert_eq!(status_of(&follow_up("2024-04-01", "EV-B", "R2")), (FollowUpStatus::LewatBatasWaktu, 12));
    }

    #[test]
    fn a_follow_up_in_process_with_a_completion_date_is_not_done() {
        // Status `proses` dated 1 March, before its due date of 20 March: not done, so as of
        // 1 April it is 12 days overdue and has no completion date.
        let f = follow_up("2024-04-01", "EV-B", "R3");
        assert_eq!((status_of(&f), f.selesai), ((FollowUpStatus::LewatBatasWaktu, 12), None));
    }

    #[test]
    fn each_follow_up_points_at_its_recommendation() {
        let site = site();
        let found: Vec<_> = follow_ups(&site, date("2024-04-01"))
            .iter()
            .map(|f| {
                let (e, r) = f.rekomendasi(&site).unwrap();
                (f.at, e.id.value.clone(), r.id.value.clone(), r.diterima.value)
            })
            .collect();
        let row = |at, e: &str, r: &str, d: &str| (at, e.to_string(), r.to_string(), date(d));
        assert_eq!(
            found,
            [
                row((0, 0), "EV-2023", "R1", "2023-01-15"),
                row((0, 0), "EV-A", "R1", "2024-01-15"),
                row((0, 1), "EV-A", "R2", "2024-01-15"),
                // Not EV-A's R1, which has the same id.
                row((1, 0), "EV-B", "R1", "2024-02-01"),
                row((1, 1), "EV-B", "R2", "2024-01-20"),
                row((1, 2), "EV-B", "R3", "2024-01-20"),
            ]
        );
    }

    #[test]
    fn report_status_counts_days_from_the_deadline() {
        let due = quarter_deadline(2023, 3);
        assert_eq!(due, date("2023-10-07"));
        let late =
            status(2023, Laporan::Triwulan(3), due, Some(date("2023-10-11")), date("2024-06-01")).unwrap();
        assert_eq!((late.status, late.terlambat_hari), (ReportStatus::Terlambat, 4));
        let on_time = status(2023, Laporan::Triwulan(3), due, Some(due), date("2024-06-01")).unwrap();
        assert_eq!((on_time.status, on_time.terlambat_hari), (ReportStatus::TepatWaktu, 0));
        // Missing: listed only once the as-of date is past the deadline.
        assert!(status(2023, Laporan::Triwulan(3), due, None, due).is_none());
        let missing = status(2023, Laporan::Triwulan(3), due, None, date("2023-10-09")).unwrap();
        assert_eq!((missing.status, missing.terlambat_hari), (ReportStatus::BelumAda, 2));
        assert_eq!(quarter_deadline(2023, 4), date("2023-12-31"));
    }
}
