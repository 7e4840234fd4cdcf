//! `sakip-site build`: check, compute, render, write, in that order; nothing is written when
//! any stage reports an error.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::as_of;
use crate::check::{self, Checked};
use crate::compute::{self, Ledger};
use crate::content::LoadError;
use crate::diagnostics::{Code, Loc, Message};
use crate::exports;
use crate::output::{Output, WriteError};
use crate::site;

/// What `build` needs.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site root (holds `content/`).
    pub root: PathBuf,
    /// Output folder (relative paths are relative to the current folder).
    pub output: PathBuf,
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

/// The result of a build: the checked content with every diagnostic, and the ledger and files
/// when there was no error (then also written to disk).
#[derive(Debug)]
pub struct Built {
    /// Content, diagnostics and sources.
    pub checked: Checked,
    /// The ledger and the number of files written, when the build succeeded.
    pub result: Option<(Ledger, usize)>,
}

/// Build the site described by `options`.
pub fn build(options: &Options) -> Result<Built, BuildError> {
    let (as_of, from_clock) = match as_of::resolve(&options.root, options.as_of) {
        Some((date, _)) => (date, false),
        None => (as_of::today(), true),
    };
    let mut checked = check::check(&options.root, Some(as_of))?;
    if from_clock {
        checked.diagnostics.warning(
            Code::AsOfToday,
            Loc::file(&std::sync::Arc::from("content/")),
            Message::new(
                format!("tanggal acuan {as_of} diambil dari jam komputer (tidak ada --as-of, bukan repositori git): dua build pada hari berbeda dapat berbeda"),
                format!("the as-of date {as_of} is today's date (no --as-of, not a git repository): builds on other days may differ"),
            ),
        );
    }
    if checked.diagnostics.has_errors() {
        return Ok(Built { checked, result: None });
    }
    let ledger = compute::compute(&checked.site, as_of, &mut checked.diagnostics);
    if checked.diagnostics.has_errors() {
        return Ok(Built { checked, result: None });
    }
    let output = Output::create(&options.output, &options.root.join("content"))?;
    render(&mut checked, &ledger, options, &output);
    if checked.diagnostics.has_errors() {
        output.abandon();
        return Ok(Built { checked, result: None });
    }
    let files = output.commit()?;
    Ok(Built { checked, result: Some((ledger, files)) })
}

/// Every file of the site, from the ledger, into `out`; template problems go to the
/// diagnostics.
fn render(checked: &mut Checked, ledger: &Ledger, options: &Options, out: &Output) {
    let sakip = checked.site.sakip.as_ref();
    let title = sakip.map(|s| s.situs.judul.id.clone()).unwrap_or_default();
    let configured = sakip.map(|s| s.situs.base_url.value.clone()).unwrap_or_default();
    let mut base_url = options.base_url.clone().unwrap_or(configured);
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    let site_options = site::Options { root: &options.root, base_url };
    // The exports and the pages only read the ledger: write them side by side.
    rayon::join(
        || exports::write(ledger, &title, out),
        || site::render(&checked.site, ledger, &site_options, out, &mut checked.diagnostics),
    );
}
