//! The data of each page: dashboard, indicator, year, cascading tree, downloads, search and
//! Markdown pages, built from the model's texts and the ledger's figures.

use std::collections::{BTreeSet, HashMap};

use rust_decimal::Decimal;
use serde::Serialize;

use super::charts::{self, Chart, Point};
use super::format;
use super::view::*;
use crate::compute::{IndicatorLedger, Laporan, Ledger, Owner, Periode, Row};
use crate::content::model::*;
use crate::content::reader::Choice;
use crate::diagnostics::Lang;
use crate::number::Target;
use crate::number::plain;

/// What every page builder reads: the model, the ledger, and lookups built once per build so
/// that no page scans every indicator or every entry of a year.
pub struct Input<'a> {
    /// The model (texts).
    pub site: &'a Site,
    /// The figures.
    pub ledger: &'a Ledger,
    /// Every indicator of the model with its ledger, in definition order.
    indicators: Vec<(&'a Indikator, &'a IndicatorLedger)>,
    /// The ledger of each indicator id (the first with that id).
    ledgers: HashMap<&'a str, &'a IndicatorLedger>,
    /// Per year: the first entry of each indicator in `realisasi/twN.yaml`, by quarter.
    entries: HashMap<i32, [HashMap<&'a str, &'a CapaianEntry>; 4]>,
    /// Per year: the latest validation date of each indicator.
    validated: HashMap<i32, HashMap<&'a str, chrono::NaiveDate>>,
    /// The responsible unit of each indicator in the latest rencana aksi that plans it.
    planned_by: HashMap<&'a str, &'a Text>,
    /// Budgets by (code, year), the first of each.
    budgets: HashMap<(&'a str, i32), &'a crate::compute::Budget>,
    latest_year: Option<i32>,
    years: BTreeSet<i32>,
}

impl<'a> Input<'a> {
    /// The lookups of `site` and its `ledger`.
    pub fn new(site: &'a Site, ledger: &'a Ledger) -> Input<'a> {
        let mut ledgers: HashMap<&str, &IndicatorLedger> = HashMap::new();
        for l in &ledger.indicators {
            ledgers.entry(l.id.as_str()).or_insert(l);
        }
        let indicators = site
            .indicators()
            .into_iter()
            .filter_map(|(i, _)| Some((i, *ledgers.get(i.id.value.as_str())?)))
            .collect();
        let mut entries = HashMap::new();
        let mut validated = HashMap::new();
        for (&tahun, y) in &site.years {
            let by_quarter: [HashMap<&str, &CapaianEntry>; 4] = std::array::from_fn(|q| {
                let mut map = HashMap::new();
                for c in y.realisasi[q].iter().flat_map(|f| &f.capaian) {
                    map.entry(c.indikator.value.as_str()).or_insert(c);
                }
                map
            });
            entries.insert(tahun, by_quarter);
            let mut dates: HashMap<&str, chrono::NaiveDate> = HashMap::new();
            for e in y.validasi.iter().flat_map(|v| &v.validasi) {
                let d = dates.entry(e.indikator.value.as_str()).or_insert(e.tanggal.value);
                *d = (*d).max(e.tanggal.value);
            }
            validated.insert(tahun, dates);
        }
        let mut planned_by = HashMap::new();
        for e in site.years.values().rev().filter_map(|y| y.rencana_aksi.as_ref()).flat_map(|r| &r.indikator)
        {
            planned_by.entry(e.id.value.as_str()).or_insert(&e.penanggung_jawab);
        }
        let mut budgets = HashMap::new();
        for b in &ledger.budgets {
            budgets.entry((b.kode.as_str(), b.tahun)).or_insert(b);
        }
        let latest_year = {
            let from_rows = ledger
                .indicators
                .iter()
                .flat_map(|l| &l.rows)
                .filter(|r| r.realisasi.is_some())
                .map(|r| r.tahun);
            from_rows.max().or_else(|| site.years.keys().next_back().copied())
        };
        let mut years: BTreeSet<i32> = site.years.keys().copied().collect();
        years.extend(ledger.indicators.iter().flat_map(|l| l.rows.iter().map(|r| r.tahun)));
        Input {
            site,
            ledger,
            indicators,
            ledgers,
            entries,
            validated,
            planned_by,
            budgets,
            latest_year,
            years,
        }
    }

    /// Every indicator of the model with its ledger, in definition order.
    pub fn indicators(&self) -> &[(&'a Indikator, &'a IndicatorLedger)] {
        &self.indicators
    }

    /// The ledger of the indicator `id`.
    fn ledger_of(&self, id: &str) -> Option<&'a IndicatorLedger> {
        self.ledgers.get(id).copied()
    }

    /// The entry of indicator `id` in `realisasi/tw<q>.yaml` of `tahun`.
    fn entry(&self, tahun: i32, q: u8, id: &str) -> Option<&'a CapaianEntry> {
        self.entries.get(&tahun)?.get(usize::from(q).checked_sub(1)?)?.get(id).copied()
    }

    /// The latest validation date of indicator `id` in `tahun`.
    fn validated(&self, tahun: i32, id: &str) -> Option<chrono::NaiveDate> {
        self.validated.get(&tahun)?.get(id).copied()
    }

    /// The latest year with any figure, for the dashboard.
    pub fn latest_year(&self) -> Option<i32> {
        self.latest_year
    }

    /// Every year with a page.
    pub fn years(&self) -> &BTreeSet<i32> {
        &self.years
    }
}

// ---------------------------------------------------------------------------------------------
// Charts

/// Divisor and unit words for plotting figures of `satuan` whose largest value is `max`.
fn chart_scale(satuan: &str, max: Decimal, unit_words: &str, lang: Lang) -> (Decimal, String) {
    if satuan != "rupiah" {
        let unit = if satuan == "persen" { "%".to_string() } else { unit_words.to_string() };
        return (Decimal::ONE, unit);
    }
    let steps: [(u32, &str, &str); 3] = [
        (12, "triliun rupiah", "trillion rupiah"),
        (9, "miliar rupiah", "billion rupiah"),
        (6, "juta rupiah", "million rupiah"),
    ];
    for (power, id, en) in steps {
        let divisor = Decimal::from_i128_with_scale(10i128.pow(power), 0);
        if max.abs() >= divisor {
            return (divisor, if lang == Lang::Id { id } else { en }.to_string());
        }
    }
    (Decimal::ONE, "rupiah".to_string())
}

fn single(target: Option<&Target>) -> Option<Decimal> {
    match target {
        Some(Target::Single(v)) => Some(*v),
        _ => None,
    }
}

/// The chart of some rows, with a description that states every figure.
fn chart(
    id: &str,
    title: &str,
    ind: &IndicatorRef,
    points: Vec<Point>,
    t: &super::Words,
    lang: Lang,
    sparkline: bool,
) -> String {
    let max = points
        .iter()
        .flat_map(|p| [p.target, p.realisasi])
        .flatten()
        .map(|v| v.abs())
        .max()
        .unwrap_or_default();
    let (divisor, unit) = chart_scale(&ind.satuan, max, &ind.satuan, lang);
    let show = |v: Option<Decimal>| v.map_or("–".to_string(), |v| format::nilai(v, &ind.satuan, lang));
    let parts: Vec<String> = points
        .iter()
        .map(|p| {
            format!(
                "{}: {} {}, {} {}",
                p.label,
                t.get("target"),
                show(p.target),
                t.get("realisation"),
                show(p.realisasi)
            )
        })
        .collect();
    let description = format!("{title}. {}.", parts.join("; "));
    let size = if sparkline { (260, 90) } else { (640, 320) };
    charts::svg(
        &Chart {
            title,
            description: &description,
            points: &points,
            y_label: &unit,
            target_label: t.get("target"),
            realisasi_label: t.get("realisation"),
            scale_down: divisor,
            size,
            sparkline,
            empty_text: t.get("no_data"),
            lang,
        },
        id,
    )
}

/// Quarter points of one year: cumulative figures for `kumulatif` indicators.
fn quarter_points(rows: &[&Row], cumulative: bool) -> Vec<Point> {
    rows.iter()
        .filter(|r| r.periode != Periode::Tahunan)
        .map(|r| Point {
            label: r.periode.label(),
            target: single(r.target.as_ref()),
            realisasi: if cumulative { r.realisasi_kumulatif } else { r.realisasi },
        })
        .collect()
}

fn year_points(l: &IndicatorLedger) -> Vec<Point> {
    l.rows
        .iter()
        .filter(|r| r.periode == Periode::Tahunan)
        .map(|r| Point {
            label: r.tahun.to_string(),
            target: single(r.target.as_ref()),
            realisasi: r.realisasi,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Dashboard

/// One IKU on the dashboard.
#[derive(Serialize)]
pub struct Card {
    ind: IndicatorRef,
    row: Option<RowView>,
    chart: String,
}

/// The dashboard.
#[derive(Serialize)]
pub struct Dashboard {
    tahun: Option<i32>,
    cards: Vec<Card>,
    reports: Vec<ReportView>,
    overdue: Vec<FollowUpView>,
}

/// Build the dashboard.
pub fn dashboard(input: &Input, t: &super::Words, lang: Lang) -> Dashboard {
    let tahun = input.latest_year();
    let mut cards = Vec::new();
    for &(ind, l) in input.indicators().iter().filter(|(_, l)| matches!(l.owner, Owner::Sasaran(_))) {
        let r = IndicatorRef::new(ind, lang);
        let year_rows: Vec<&Row> = l.rows.iter().filter(|row| Some(row.tahun) == tahun).collect();
        let row = year_rows
            .iter()
            .find(|row| row.periode == Periode::Tahunan)
            .map(|row| RowView::new(row, input.ledger, lang));
        let quarterly = year_rows.len() > 1;
        let points = if quarterly {
            quarter_points(&year_rows, ind.agregasi.value == Agregasi::Kumulatif)
        } else {
            year_points(l)
        };
        let title = format!("{} {}", r.id, r.nama.text);
        let chart = self::chart(&format!("spark-{}", r.slug), &title, &r, points, t, lang, true);
        cards.push(Card { ind: r, row, chart });
    }
    let reports =
        input.ledger.reports.iter().filter(|r| Some(r.tahun) == tahun).map(ReportView::new).collect();
    let overdue = input
        .ledger
        .follow_ups
        .iter()
        .filter(|f| f.status == crate::compute::FollowUpStatus::LewatBatasWaktu)
        .map(|f| FollowUpView::new(f, input.site, lang))
        .collect();
    Dashboard { tahun, cards, reports, overdue }
}

// ---------------------------------------------------------------------------------------------
// Calendar and follow-up views

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
    terlambat_hari: Option<i64>,
}

impl ReportView {
    fn new(r: &crate::compute::Report) -> ReportView {
        ReportView {
            laporan: r.laporan.code(),
            jenis: match r.laporan {
                Laporan::Triwulan(_) => "triwulan",
                Laporan::EvaluasiTriwulan(_) => "evaluasi",
                Laporan::Tahunan => "tahunan",
            },
            periode: match r.laporan {
                Laporan::Triwulan(q) | Laporan::EvaluasiTriwulan(q) => Some(Periode::Triwulan(q).label()),
                Laporan::Tahunan => None,
            },
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
    terlambat_hari: Option<i64>,
    tindak_lanjut: Option<Txt>,
    bukti: Vec<Link>,
}

impl FollowUpView {
    fn new(f: &crate::compute::FollowUp, site: &Site, lang: Lang) -> FollowUpView {
        let rec = site
            .years
            .get(&f.tahun)
            .and_then(|y| y.evaluasi.as_ref())
            .and_then(|e| e.evaluasi.iter().find(|e| e.id.value == f.evaluasi))
            .and_then(|e| e.rekomendasi.iter().find(|r| r.id.value == f.rekomendasi));
        FollowUpView {
            tahun: f.tahun,
            evaluasi: f.evaluasi.clone(),
            id: f.rekomendasi.clone(),
            uraian: rec.map(|r| txt(&r.uraian, lang)),
            diterima: f.diterima.to_string(),
            batas_waktu: f.batas_waktu.to_string(),
            status: f.status.label(),
            overdue: f.status == crate::compute::FollowUpStatus::LewatBatasWaktu,
            selesai: f.selesai.map(|d| d.to_string()),
            terlambat_hari: f.terlambat_hari,
            tindak_lanjut: rec
                .and_then(|r| r.tindak_lanjut.as_ref())
                .and_then(|t| t.uraian.as_ref())
                .map(|u| txt(u, lang)),
            bukti: Vec::new(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Indicator page

/// A year of an indicator with quarters.
#[derive(Serialize)]
pub struct QuarterSection {
    tahun: i32,
    rows: Vec<RowView>,
    chart: String,
}

/// A year of the multi-year table.
#[derive(Serialize)]
pub struct YearLine {
    row: RowView,
    perubahan: Option<String>,
    capaian_renstra: Option<String>,
}

/// An indicator page.
#[derive(Serialize)]
pub struct IndicatorPage {
    ind: IndicatorRef,
    polaritas: &'static str,
    agregasi: &'static str,
    from_survey: bool,
    definisi: Option<Txt>,
    formula: Option<Txt>,
    sumber_data: Option<Txt>,
    penanggung_jawab: Option<Txt>,
    owner: Option<Link>,
    years: Vec<YearLine>,
    chart: Option<String>,
    quarters: Vec<QuarterSection>,
    last_change: Option<String>,
}

/// Build the page of one indicator; `root` is the relative path to the language root.
pub fn indicator(
    input: &Input,
    ind: &Indikator,
    l: &IndicatorLedger,
    t: &super::Words,
    lang: Lang,
    lang_root: &str,
    root: &str,
) -> IndicatorPage {
    let r = IndicatorRef::new(ind, lang);
    let years: Vec<YearLine> = l
        .rows
        .iter()
        .filter(|row| row.periode == Periode::Tahunan)
        .map(|row| {
            let trend = l.trend.iter().find(|tr| tr.tahun == row.tahun);
            YearLine {
                row: RowView::new(row, input.ledger, lang),
                perubahan: trend.and_then(|tr| tr.perubahan.map(|(_, d)| plain(d))),
                capaian_renstra: trend.and_then(|tr| tr.capaian_renstra.map(plain)),
            }
        })
        .collect();
    let chart_title = format!("{} {} — {}", r.id, r.nama.text, t.get("multi_year"));
    // One year is a single bar that says nothing its table row does not: chart two or more.
    let points = year_points(l);
    let chart = (points.len() > 1)
        .then(|| self::chart(&format!("tahun-{}", r.slug), &chart_title, &r, points, t, lang, false));
    let mut quarters = Vec::new();
    let mut last_change = None;
    for tahun in l
        .rows
        .iter()
        .filter(|row| row.periode != Periode::Tahunan)
        .map(|row| row.tahun)
        .collect::<BTreeSet<_>>()
    {
        let rows: Vec<&Row> = l.rows.iter().filter(|row| row.tahun == tahun).collect();
        let year = input.site.years.get(&tahun);
        let views = rows
            .iter()
            .map(|row| {
                let mut v = RowView::new(row, input.ledger, lang);
                // `entry` is `None` for a year without a folder.
                if let Periode::Triwulan(q) = row.periode
                    && let Some(e) = input.entry(tahun, q, &ind.id.value)
                {
                    v.bukti = evidence_links(&e.data_dukung, root, lang);
                    v.catatan = e.catatan.as_ref().map(|c| markdown(c, lang));
                }
                v
            })
            .collect();
        if let Some(y) = year {
            let dates = y
                .realisasi
                .iter()
                .flatten()
                .map(|f| f.tanggal.value)
                .chain(input.validated(tahun, &ind.id.value));
            last_change = last_change.max(dates.max());
        }
        let title = format!("{} {} — {} {tahun}", r.id, r.nama.text, t.get("quarterly"));
        let chart = self::chart(
            &format!("tw-{}-{tahun}", r.slug),
            &title,
            &r,
            quarter_points(&rows, ind.agregasi.value == Agregasi::Kumulatif),
            t,
            lang,
            false,
        );
        quarters.push(QuarterSection { tahun, rows: views, chart });
    }
    let owner = match &l.owner {
        Owner::Sasaran(id) => Some(Link {
            label: same(&format!("{} {id}", t.get("sasaran"))),
            url: format!("{lang_root}cascading/#{}", anchor(id)),
            external: false,
        }),
        Owner::Kegiatan(kode) => Some(Link {
            label: same(kode),
            url: format!("{lang_root}cascading/#{}", anchor(kode)),
            external: false,
        }),
    };
    let opt = |x: &Option<Text>| x.as_ref().map(|v| txt(v, lang));
    IndicatorPage {
        ind: r,
        polaritas: ind.polaritas.value.word(),
        agregasi: ind.agregasi.value.word(),
        from_survey: ind.sumber.is_some(),
        definisi: opt(&ind.definisi),
        formula: opt(&ind.formula),
        sumber_data: opt(&ind.sumber_data),
        penanggung_jawab: opt(&ind.penanggung_jawab),
        owner,
        years,
        chart,
        quarters,
        last_change: last_change.map(|d| d.to_string()),
    }
}

/// An HTML id for a code or id (`2.18.04` → `k-2-18-04`).
pub fn anchor(code: &str) -> String {
    format!("k-{}", code.to_lowercase().replace(['.', '_'], "-"))
}

// ---------------------------------------------------------------------------------------------
// Year page

/// A row of the Pengukuran Kinerja table.
#[derive(Serialize)]
pub struct MeasurementLine {
    sasaran: Txt,
    ind: IndicatorRef,
    row: Option<RowView>,
    quarters: Vec<RowView>,
}

/// A budget line.
#[derive(Serialize)]
pub struct BudgetLine {
    level: usize,
    kode: String,
    nama: Txt,
    pagu: Option<String>,
    realisasi: Option<String>,
    serapan: Option<String>,
    capaian_rata_rata: Option<String>,
    efisiensi: Option<String>,
}

/// An evaluation with its recommendations.
#[derive(Serialize)]
pub struct EvaluationView {
    id: String,
    jenis: &'static str,
    periode: String,
    oleh: Txt,
    tanggal: String,
    temuan: Option<Html>,
    rekomendasi: Vec<FollowUpView>,
}

/// The team.
#[derive(Serialize)]
pub struct TeamView {
    sk_nomor: String,
    sk_tanggal: String,
    anggota: Vec<(String, Txt, &'static str)>,
}

/// A survey.
#[derive(Serialize)]
pub struct IkmView {
    periode: String,
    responden: Option<u64>,
    nrr: Vec<String>,
    ikm: String,
    mutu: &'static str,
    mutu_nama: &'static str,
}

/// The LKE.
#[derive(Serialize)]
pub struct LkeView {
    komponen: Vec<(&'static str, u32, String)>,
    total: String,
    predikat: &'static str,
}

/// A year page.
#[derive(Serialize)]
pub struct YearPage {
    tahun: i32,
    measurement: Vec<MeasurementLine>,
    cascading: Vec<MeasurementLine>,
    budgets: Vec<BudgetLine>,
    reports: Vec<ReportView>,
    evaluations: Vec<EvaluationView>,
    team: Option<TeamView>,
    ikm: Vec<IkmView>,
    lke: Option<LkeView>,
}

/// Build the page of a year.
pub fn year(input: &Input, tahun: i32, lang: Lang, root: &str) -> YearPage {
    let ledger = input.ledger;
    let line = |ind: &Indikator, sasaran: Txt| {
        let l = input.ledger_of(&ind.id.value)?;
        let rows: Vec<&Row> = l.rows.iter().filter(|r| r.tahun == tahun).collect();
        if rows.is_empty() {
            return None;
        }
        Some(MeasurementLine {
            sasaran,
            ind: IndicatorRef::new(ind, lang),
            row: rows.iter().find(|r| r.periode == Periode::Tahunan).map(|r| RowView::new(r, ledger, lang)),
            quarters: rows
                .iter()
                .filter(|r| r.periode != Periode::Tahunan)
                .map(|r| RowView::new(r, ledger, lang))
                .collect(),
        })
    };
    let mut measurement = Vec::new();
    for s in input.site.sasaran() {
        measurement.extend(s.indikator.iter().filter_map(|i| line(i, txt(&s.uraian, lang))));
    }
    let mut cascading = Vec::new();
    let mut budgets = Vec::new();
    for (unit, level) in input.site.units() {
        cascading.extend(unit.indikator.iter().filter_map(|i| line(i, same(&unit.kode.value))));
        if let Some(b) = input.budgets.get(&(unit.kode.value.as_str(), tahun)) {
            budgets.push(BudgetLine {
                level,
                kode: b.kode.clone(),
                nama: txt(&unit.nama, lang),
                pagu: b.pagu.map(plain),
                realisasi: b.realisasi.map(plain),
                serapan: b.serapan.map(plain),
                capaian_rata_rata: b.capaian_rata_rata.map(plain),
                efisiensi: b.efisiensi.map(plain),
            });
        }
    }
    let y = input.site.years.get(&tahun);
    let follow_ups: Vec<&crate::compute::FollowUp> =
        ledger.follow_ups.iter().filter(|f| f.tahun == tahun).collect();
    let evaluations = y
        .and_then(|y| y.evaluasi.as_ref())
        .map(|ev| {
            ev.evaluasi
                .iter()
                .map(|e| EvaluationView {
                    id: e.id.value.clone(),
                    jenis: e.jenis.value.word(),
                    periode: e.periode.value.label(),
                    oleh: txt(&e.oleh, lang),
                    tanggal: e.tanggal.value.to_string(),
                    temuan: e.temuan.as_ref().map(|m| markdown(m, lang)),
                    rekomendasi: e
                        .rekomendasi
                        .iter()
                        .filter_map(|r| {
                            let f = follow_ups
                                .iter()
                                .find(|f| f.evaluasi == e.id.value && f.rekomendasi == r.id.value)?;
                            let mut v = FollowUpView::new(f, input.site, lang);
                            v.bukti = r
                                .tindak_lanjut
                                .as_ref()
                                .map(|tl| evidence_links(&tl.bukti, root, lang))
                                .unwrap_or_default();
                            Some(v)
                        })
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    let team = y.and_then(|y| y.tim.as_ref()).map(|tim| TeamView {
        sk_nomor: tim.sk_nomor.clone(),
        sk_tanggal: tim.sk_tanggal.value.to_string(),
        anggota: tim
            .anggota
            .iter()
            .map(|a| (a.nama.clone(), txt(&a.jabatan, lang), a.peran.word()))
            .collect(),
    });
    let ikm = ledger
        .ikm
        .iter()
        .filter(|s| s.tahun == tahun)
        .map(|s| IkmView {
            periode: s.periode.label(),
            responden: s.responden,
            nrr: s.nrr_shown().iter().map(|n| plain(*n)).collect(),
            ikm: plain(s.ikm),
            mutu: s.mutu.huruf(),
            mutu_nama: s.mutu.nama(),
        })
        .collect();
    let lke = ledger.lke.iter().find(|l| l.tahun == tahun).map(|l| LkeView {
        komponen: l
            .komponen
            .iter()
            .map(|n| (n.komponen.word(), n.komponen.bobot(), plain(n.nilai)))
            .collect(),
        total: plain(l.total),
        predikat: l.predikat.label(),
    });
    YearPage {
        tahun,
        measurement,
        cascading,
        budgets,
        reports: ledger.reports.iter().filter(|r| r.tahun == tahun).map(ReportView::new).collect(),
        evaluations,
        team,
        ikm,
        lke,
    }
}

// ---------------------------------------------------------------------------------------------
// Cascading tree

/// A programme, kegiatan or sub-kegiatan with its indicators.
#[derive(Serialize)]
pub struct UnitView {
    anchor: String,
    kode: String,
    nama: Txt,
    indikator: Vec<(IndicatorRef, Option<Txt>)>,
    anak: Vec<UnitView>,
}

/// A sasaran with its IKU and the programmes that support it.
#[derive(Serialize)]
pub struct SasaranView {
    anchor: String,
    id: String,
    uraian: Txt,
    iku: Vec<(IndicatorRef, Option<Txt>)>,
    program: Vec<UnitView>,
}

/// A tujuan.
#[derive(Serialize)]
pub struct TujuanView {
    id: String,
    uraian: Txt,
    sasaran: Vec<SasaranView>,
}

fn responsible(input: &Input, ind: &Indikator, lang: Lang) -> Option<Txt> {
    let from_plan = input.planned_by.get(ind.id.value.as_str()).copied();
    from_plan.or(ind.penanggung_jawab.as_ref()).map(|p| txt(p, lang))
}

/// Indicators with the unit responsible for each.
fn with_responsible(input: &Input, indicators: &[Indikator], lang: Lang) -> Vec<(IndicatorRef, Option<Txt>)> {
    indicators.iter().map(|i| (IndicatorRef::new(i, lang), responsible(input, i, lang))).collect()
}

fn unit_view(input: &Input, unit: &Kegiatan, lang: Lang) -> UnitView {
    UnitView {
        anchor: anchor(&unit.kode.value),
        kode: unit.kode.value.clone(),
        nama: txt(&unit.nama, lang),
        indikator: with_responsible(input, &unit.indikator, lang),
        anak: unit.anak.iter().map(|c| unit_view(input, c, lang)).collect(),
    }
}

/// The cascading tree.
pub fn cascading(input: &Input, lang: Lang) -> Vec<TujuanView> {
    let programs: Vec<&Program> = input.site.cascading.iter().flat_map(|c| &c.program).collect();
    input
        .site
        .renstra
        .iter()
        .flat_map(|r| &r.tujuan)
        .map(|tj| TujuanView {
            id: tj.id.value.clone(),
            uraian: txt(&tj.uraian, lang),
            sasaran: tj
                .sasaran
                .iter()
                .map(|s| SasaranView {
                    anchor: anchor(&s.id.value),
                    id: s.id.value.clone(),
                    uraian: txt(&s.uraian, lang),
                    iku: with_responsible(input, &s.indikator, lang),
                    program: programs
                        .iter()
                        .filter(|p| p.sasaran.value == s.id.value)
                        .map(|p| unit_view(input, &p.unit, lang))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Search

/// One entry of the search page.
#[derive(Serialize)]
pub struct SearchEntry {
    kind: String,
    label: String,
    url: String,
    words: String,
}

/// Everything findable, with words in both languages so either finds it.
pub fn search(input: &Input, t: &super::Words, lang_root: &str, pages: &[(String, Txt)]) -> Vec<SearchEntry> {
    let both = |x: &Text| format!("{} {}", x.id, x.en.as_deref().unwrap_or("")).to_lowercase();
    let mut out = Vec::new();
    for (ind, _) in input.indicators() {
        let nama = txt(&ind.nama, t.lang).text;
        out.push(SearchEntry {
            kind: t.get("indicator").to_string(),
            label: format!("{} — {nama}", ind.id.value),
            url: format!("{lang_root}indikator/{}/", slug(&ind.id.value)),
            words: format!("{} {}", ind.id.value.to_lowercase(), both(&ind.nama)),
        });
    }
    // Places of the cascading tree: sasaran, then programmes, kegiatan and sub-kegiatan.
    let sasaran = input.site.sasaran().map(|s| ("sasaran", s.id.value.as_str(), &s.uraian));
    let units = input.site.units().into_iter().map(|(u, _)| ("program", u.kode.value.as_str(), &u.nama));
    for (kind, code, nama) in sasaran.chain(units) {
        out.push(SearchEntry {
            kind: t.get(kind).to_string(),
            label: format!("{code} — {}", txt(nama, t.lang).text),
            url: format!("{lang_root}cascading/#{}", anchor(code)),
            words: format!("{} {}", code.to_lowercase(), both(nama)),
        });
    }
    for tahun in input.years() {
        out.push(SearchEntry {
            kind: t.get("year").to_string(),
            label: format!("{} {tahun}", t.get("measurement")),
            url: format!("{lang_root}tahun/{tahun}/"),
            words: format!("{tahun} tahun year"),
        });
    }
    for (slug, title) in pages {
        out.push(SearchEntry {
            kind: t.get("pages").to_string(),
            label: title.text.clone(),
            url: format!("{lang_root}{slug}/"),
            words: format!("{slug} {}", title.text.to_lowercase()),
        });
    }
    out
}
