//! The dashboard: one card per IKU with the latest year's figures and a sparkline, the latest
//! year's reporting calendar and the overdue follow-ups.

use serde::Serialize;

use super::calendar::{FollowUpView, ReportView};
use super::series::{self, Series};
use super::view::{IndicatorRef, RowView};
use super::{Presenter, Words};
use crate::compute::{FollowUpStatus, Owner, Periode, Row};
use crate::content::model::Agregasi;

/// One IKU on the dashboard.
#[derive(Serialize)]
pub struct Card {
    ind: IndicatorRef,
    row: Option<RowView>,
    chart: String,
    /// The indicator has an analysis of the year (its page's `#analisis-<tahun>`).
    analisis: bool,
    /// The year has quarterly rows, with the validation verdicts and notes (`#tw-<tahun>`).
    quarters: bool,
}

/// How many IKU reached their target in the dashboard's year: an official achievement of at
/// least 100 % once rounded to two decimals (§3.4), out of all IKU.
#[derive(Serialize)]
pub struct Reached {
    reached: usize,
    of: usize,
    /// The year is still running (§3.9): the count is of the figures so far.
    open: bool,
}

/// The dashboard.
#[derive(Serialize)]
pub struct Dashboard {
    tahun: Option<i32>,
    cards: Vec<Card>,
    reached: Reached,
    reports: Vec<ReportView>,
    overdue: Vec<FollowUpView>,
    /// The IKU's year-end projection, for the current year only.
    proyeksi: Vec<super::proyeksi::DashboardLine>,
}

/// Build the dashboard.
pub fn dashboard(p: &Presenter, t: &Words) -> Dashboard {
    let lang = t.lang;
    let tahun = p.latest_year();
    let iku = p.indicators().iter().filter(|(_, l)| matches!(l.owner, Owner::Sasaran(_)));
    let mut cards = Vec::new();
    for &(ind, l) in iku {
        let r = IndicatorRef::new(ind, lang);
        let year_rows: Vec<&Row> = l.rows.iter().filter(|row| Some(row.tahun) == tahun).collect();
        let row = year_rows
            .iter()
            .find(|row| row.periode == Periode::Tahunan)
            .map(|row| RowView::new(row, &p.ledger.scale, lang));
        // A year with quarterly rows charts its quarters; otherwise the card charts the years.
        let points = if year_rows.len() > 1 {
            series::quarter_points(&year_rows, ind.agregasi.value == Agregasi::Kumulatif, t)
        } else {
            series::year_points(l)
        };
        let title = format!("{} {}", r.id, r.nama.text);
        let id = format!("spark-{}", r.slug);
        let chart = series::page_svg(Series { id, title: &title, ind: &r, points, sparkline: true }, t);
        let analisis = tahun.is_some_and(|y| super::analisis::exists(p, &ind.id.value, y));
        let quarters = year_rows.len() > 1;
        cards.push(Card { ind: r, row, chart, analisis, quarters });
    }
    let open = tahun.is_some() && super::proyeksi::current_year(p.site, p.ledger.as_of) == tahun;
    let reached = Reached { reached: cards.iter().filter(|c| reached(c)).count(), of: cards.len(), open };
    let reports = p.ledger.reports.iter().filter(|r| Some(r.tahun) == tahun).map(ReportView::new).collect();
    let overdue = p
        .ledger
        .follow_ups
        .iter()
        .filter(|f| f.status == FollowUpStatus::LewatBatasWaktu)
        .map(|f| FollowUpView::new(f, p.site, lang, None))
        .collect();
    let proyeksi = super::proyeksi::dashboard(p, lang);
    Dashboard { tahun, cards, reached, reports, overdue, proyeksi }
}

/// True when the card's year achievement, rounded as shown, is at least 100 %.
fn reached(card: &Card) -> bool {
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    card.row.as_ref().and_then(|r| r.resmi).is_some_and(|a| crate::compute::rules::round2(a.0) >= hundred)
}
