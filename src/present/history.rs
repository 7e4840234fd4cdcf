//! The *Riwayat perubahan* page and the provenance line of an indicator page: the commits of
//! [`crate::history`] as templates show them, figures as exact [`Angka`] for the same
//! formatting calls as every other page.
//!
//! The first data commit adds every indicator; its rows are not listed one by one (that would
//! repeat the whole site), only the indicators it adds. Other commits list every row they moved
//! and the indicators they add or remove.

use serde::Serialize;

use super::Angka;
use super::view::{IndicatorRef, TargetView, slug, txt};
use crate::content::model::Satuan;
use crate::diagnostics::Lang;
use crate::diff::{self, Changes, Field, Figures, RowChange};
use crate::history::{DataCommit, History, Stamp};

/// A commit as a page names it: short hash, date, author's name, and its anchor on the history
/// page.
#[derive(Debug, Clone, Serialize)]
pub struct StampView {
    short: String,
    /// `YYYY-MM-DD`, for `show_date`.
    date: String,
    author: String,
    anchor: String,
}

impl StampView {
    /// The view of `stamp`.
    pub fn new(stamp: &Stamp) -> StampView {
        StampView {
            short: stamp.short.clone(),
            date: stamp.date.to_string(),
            author: stamp.author.clone(),
            anchor: format!("c-{}", stamp.short),
        }
    }
}

/// The history page.
#[derive(Serialize)]
pub struct HistoryPage {
    /// `known`, `unavailable` (not a git repository) or `skipped` (the preview).
    state: &'static str,
    commits: Vec<CommitView>,
}

#[derive(Serialize)]
struct CommitView {
    stamp: StampView,
    /// False when its figures could not be computed.
    computed: bool,
    rows: Vec<RowView>,
    added: Vec<IndicatorRef>,
    removed: Vec<IndicatorRef>,
}

/// A moved row: the indicator, the year and period, and each figure that differs.
#[derive(Serialize)]
struct RowView {
    ind: IndicatorRef,
    tahun: i32,
    periode: String,
    fields: Vec<FieldView>,
}

/// One figure before and after; `kind` says which formatting call shows it.
#[derive(Serialize)]
struct FieldView {
    /// The interface word of the figure.
    name: &'static str,
    /// `target`, `value`, `pct`, `status` or `word`.
    kind: &'static str,
    before: FigureView,
    after: FigureView,
}

#[derive(Serialize, Default)]
struct FigureView {
    target: TargetView,
    value: Option<Angka>,
    word: Option<String>,
}

/// The history page in `lang`.
pub fn page(history: &History, lang: Lang) -> HistoryPage {
    let (state, commits) = match history {
        History::Skipped => ("skipped", Vec::new()),
        History::Unavailable(_) => ("unavailable", Vec::new()),
        History::Known(log) => ("known", log.commits.iter().map(|c| commit(c, lang)).collect()),
    };
    HistoryPage { state, commits }
}

fn commit(c: &DataCommit, lang: Lang) -> CommitView {
    let stamp = StampView::new(&c.stamp);
    let Some(changes) = &c.changes else {
        return CommitView { stamp, computed: false, rows: vec![], added: vec![], removed: vec![] };
    };
    let refs = |list: &[diff::Indicator]| list.iter().map(|i| indicator(i, lang)).collect::<Vec<_>>();
    CommitView {
        stamp,
        computed: true,
        rows: rows(changes, lang),
        added: refs(&changes.indicators_added),
        removed: refs(&changes.indicators_removed),
    }
}

/// The rows moved, but for those of indicators the commit adds (listed as added).
fn rows(changes: &Changes, lang: Lang) -> Vec<RowView> {
    let added = |r: &&RowChange| changes.indicators_added.iter().any(|i| i.id == r.indicator.id);
    changes.rows.iter().filter(|r| !added(r)).map(|r| row(r, lang)).collect()
}

fn row(r: &RowChange, lang: Lang) -> RowView {
    let fields = r
        .fields
        .iter()
        .map(|&f| FieldView {
            name: name(f),
            kind: kind(f),
            before: figure(f, &r.before),
            after: figure(f, &r.after),
        })
        .collect();
    RowView { ind: indicator(&r.indicator, lang), tahun: r.tahun, periode: r.periode.label(), fields }
}

fn indicator(i: &diff::Indicator, lang: Lang) -> IndicatorRef {
    let code = Satuan::of(&i.satuan).code();
    let satuan = code.map_or_else(|| i.satuan.clone(), str::to_string);
    // The diff keeps a unit's Indonesian words only.
    let satuan_lang = (code.is_none() && lang == Lang::En).then_some("id");
    IndicatorRef { id: i.id.clone(), slug: slug(&i.id), nama: txt(&i.nama, lang), satuan, satuan_lang }
}

fn name(f: Field) -> &'static str {
    match f {
        Field::Target => "target",
        Field::Realisasi => "realisation",
        Field::RealisasiKumulatif => "cumulative",
        Field::Capaian => "achievement_reported",
        Field::CapaianTervalidasi => "achievement_validated",
        Field::Validasi => "validation",
        Field::Predikat => "predicate",
    }
}

fn kind(f: Field) -> &'static str {
    match f {
        Field::Target => "target",
        Field::Realisasi | Field::RealisasiKumulatif => "value",
        Field::Capaian | Field::CapaianTervalidasi => "pct",
        Field::Validasi => "status",
        Field::Predikat => "word",
    }
}

/// The one figure `f` of a side (blank where the row does not exist).
fn figure(f: Field, side: &Figures) -> FigureView {
    let value =
        |v: Option<rust_decimal::Decimal>| FigureView { value: v.map(Angka), ..FigureView::default() };
    match f {
        Field::Target => {
            FigureView { target: TargetView::new(side.target.as_ref()), ..FigureView::default() }
        }
        Field::Realisasi => value(side.realisasi),
        Field::RealisasiKumulatif => value(side.realisasi_kumulatif),
        Field::Capaian => value(side.capaian),
        Field::CapaianTervalidasi => value(side.capaian_tervalidasi),
        Field::Validasi => {
            FigureView { word: side.validasi.map(|v| v.label().to_string()), ..FigureView::default() }
        }
        Field::Predikat => FigureView { word: side.predikat.clone(), ..FigureView::default() },
    }
}
