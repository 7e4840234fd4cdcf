//! `sakip-site build` in two stages, so that a build can go to disk or stay in memory:
//! [`prepare`] (as-of date, load, validate, compute: the checked content and its ledger) and
//! [`render`] (the open data and every page into any [`Sink`]). [`build`] runs both into the
//! disk [`Output`] and swaps it into place; nothing is written when any stage reports an error.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::as_of::{self, AsOf, Source};
use crate::check::{self, Checked};
use crate::compute::{self, Ledger};
use crate::content::{LoadError, Parsed};
use crate::diagnostics::{Code, Loc, Message};
use crate::exports;
use crate::history::{self, History};
use crate::output::{Output, Sink, WriteError};
use crate::site::{self, Earlier, Pages};

/// What a build needs, wherever it writes.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site root (holds `content/`).
    pub root: PathBuf,
    /// `--as-of`.
    pub as_of: Option<NaiveDate>,
    /// `--base-url`, replacing `situs.base_url`.
    pub base_url: Option<String>,
}

/// Why a build wrote nothing, beyond content errors (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// `content/` could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The output could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// How far a stage got: its result, or the checked content whose diagnostics hold the errors
/// that stopped it (in the content, or in the theme when rendering).
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "every result here holds a `Checked` too, so no variant is small"
)]
pub enum Outcome<T> {
    /// The stage succeeded; the diagnostics inside hold warnings only.
    Ready(T),
    /// Errors stopped the stage.
    Stopped(Checked),
}

/// Content without errors and its figures: ready to render into any sink.
#[derive(Debug)]
pub struct Prepared {
    /// Content, diagnostics (warnings only) and sources.
    pub checked: Checked,
    /// Every figure.
    pub ledger: Ledger,
    /// The as-of date and where it came from.
    pub as_of: AsOf,
    /// The commits that changed the data: [`History::Skipped`] until [`build`] collects it.
    pub history: History,
}

/// A build written to disk.
#[derive(Debug)]
pub struct Written {
    /// What was rendered.
    pub prepared: Prepared,
    /// How many files the output folder has.
    pub files: usize,
}

/// Resolve the as-of date, load, validate and compute.
pub fn prepare(options: &Options) -> Result<Outcome<Prepared>, LoadError> {
    prepare_with(options, None)
}

/// [`prepare`], parsing again only the files whose text is not in `parsed` (the preview's).
pub fn prepare_with(options: &Options, parsed: Option<&Parsed>) -> Result<Outcome<Prepared>, LoadError> {
    // A build needs a date for its deadlines, so it falls back to the clock where `check` does
    // without.
    let as_of = as_of::resolve(&options.root, options.as_of).unwrap_or_else(AsOf::today);
    let mut checked = check::check_with(&options.root, Some(as_of.date), parsed)?;
    if as_of.source == Source::Clock {
        warn_clock(&mut checked, as_of.date);
    }
    as_of::refuse_future(&as_of, AsOf::today().date, &mut checked.diagnostics);
    if checked.diagnostics.has_errors() {
        return Ok(Outcome::Stopped(checked));
    }
    let ledger = compute::compute(&checked.site, as_of.date, &mut checked.diagnostics);
    if checked.diagnostics.has_errors() {
        return Ok(Outcome::Stopped(checked));
    }
    Ok(Outcome::Ready(Prepared { checked, ledger, as_of, history: History::Skipped }))
}

fn warn_clock(checked: &mut Checked, date: NaiveDate) {
    checked.diagnostics.warning(
        Code::AsOfToday,
        Loc::file(&Arc::from("content/")),
        Message::new(
            format!("tanggal acuan {date} diambil dari jam komputer (tidak ada --as-of, bukan repositori git): dua build pada hari berbeda dapat berbeda"),
            format!("the as-of date {date} is today's date (no --as-of, not a git repository): builds on other days may differ"),
        ),
    );
}

/// Every file of the site, from the ledger, into `sink`; template problems go to the
/// diagnostics of `prepared` (then the sink holds an incomplete site).
pub fn render(prepared: &mut Prepared, options: &Options, sink: &dyn Sink) {
    render_with(prepared, options, sink, None);
}

/// [`render`], copying from `earlier` (a good render of the same site) the indicator pages
/// whose inputs have not changed; what this render leaves for the next one.
pub fn render_reusing(
    prepared: &mut Prepared,
    options: &Options,
    sink: &dyn Sink,
    earlier: &Earlier,
) -> Pages {
    render_with(prepared, options, sink, Some(earlier))
}

fn render_with(
    prepared: &mut Prepared,
    options: &Options,
    sink: &dyn Sink,
    earlier: Option<&Earlier>,
) -> Pages {
    let Prepared { checked, ledger, history, .. } = prepared;
    let sakip = checked.site.sakip.as_ref();
    let title = sakip.map(|s| s.situs.judul.id.clone()).unwrap_or_default();
    let configured = sakip.map(|s| s.situs.base_url.value.clone()).unwrap_or_default();
    let mut base_url = options.base_url.clone().unwrap_or(configured);
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    let site_options = site::Options { root: &options.root, base_url, history };
    // The exports first, then the pages: side by side, their working memory would add up
    // (the exports hold every ledger row as text while writing; they take a small share of
    // the time).
    exports::write(ledger, &title, sink);
    site::render(&checked.site, ledger, &site_options, sink, &mut checked.diagnostics, earlier)
}

/// Prepare, collect the history, render into `output` (relative paths are relative to the
/// current folder) and swap it into place.
pub fn build(options: &Options, output: &Path) -> Result<Outcome<Written>, BuildError> {
    let mut prepared = match prepare(options)? {
        Outcome::Ready(prepared) => prepared,
        Outcome::Stopped(checked) => return Ok(Outcome::Stopped(checked)),
    };
    prepared.history = history::collect(&options.root, prepared.as_of.date);
    let disk = Output::create(output, &options.root.join("content"))?;
    render(&mut prepared, options, &disk);
    if prepared.checked.diagnostics.has_errors() {
        disk.abandon();
        return Ok(Outcome::Stopped(prepared.checked));
    }
    let files = disk.commit()?;
    Ok(Outcome::Ready(Written { prepared, files }))
}
