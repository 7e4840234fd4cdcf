//! The site the preview serves, and the rebuild that replaces it.
//!
//! A rebuild renders into a fresh [`Memory`] sink; only a complete, error-free build replaces
//! the files being served, in one swap of an `Arc`, so a request never sees half a build. A
//! failed rebuild keeps the last good files and sets the overlay that lists its errors. Each
//! rebuild, good or bad, gets a new number and is announced to the reload streams.
//!
//! A rebuild prepares the whole site again, parsing only the YAML files whose text changed
//! (`content::Parsed`), and renders only the indicator pages whose inputs changed since the
//! last good build; the others it copies from that build (`site::reuse`).

use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use tokio::sync::broadcast;

use super::overlay::{self, Problem};
use crate::build::{self, Options, Outcome, Prepared};
use crate::check::Checked;
use crate::content::Parsed;
use crate::diagnostics::{self, Format, Lang};
use crate::output::{Files, Memory};
use crate::site::Earlier;

/// What is served now.
#[derive(Debug, Default)]
pub struct Shown {
    /// The last good build's files; none until a build succeeds.
    pub files: Option<Arc<Files>>,
    /// The overlay of the last rebuild, when it failed.
    pub overlay: Option<Arc<str>>,
    /// The number of the last rebuild (the first build is 1).
    pub build: u64,
}

/// The served site, shared by the server's tasks and the rebuilding thread.
#[derive(Debug)]
pub struct Live {
    shown: RwLock<Arc<Shown>>,
    /// The last good build's files and page fingerprints, for the next rebuild to copy from.
    earlier: Mutex<Earlier>,
    /// The YAML trees of the files read so far, for the next rebuild to parse only the changed.
    parsed: Parsed,
    builds: broadcast::Sender<u64>,
    options: Options,
    lang: Lang,
}

/// What a rebuild did, for the terminal.
#[derive(Debug)]
pub enum Rebuilt {
    /// The new site is served.
    Ready {
        /// Files in the site.
        files: usize,
        /// How long the rebuild took.
        took: Duration,
        /// How many indicator pages were rendered; the others were copied.
        rendered: usize,
        /// How many indicator pages the site has.
        indicators: usize,
        /// Warnings, rendered for people (empty when none).
        warnings: String,
    },
    /// The rebuild failed; `report` is its diagnostics rendered for people.
    Failed {
        /// The diagnostics.
        report: String,
    },
}

/// A good build, to serve.
struct Good {
    files: Arc<Files>,
    rendered: usize,
    indicators: usize,
    warnings: String,
    /// What it was rendered from, to drop once the build is served.
    prepared: Prepared,
}

impl Live {
    /// A preview of the site `options` describe, with messages in `lang`; nothing built yet.
    pub fn new(options: Options, lang: Lang) -> Live {
        // Tabs that fall this many builds behind skip to the newest; one would do.
        let (builds, _) = broadcast::channel(16);
        let shown = RwLock::new(Arc::new(Shown::default()));
        Live { shown, earlier: Mutex::default(), parsed: Parsed::default(), builds, options, lang }
    }

    /// What is served now.
    pub fn shown(&self) -> Arc<Shown> {
        // A panic while holding the lock cannot leave the `Arc` half-written.
        self.shown.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// A stream of the numbers of the coming rebuilds.
    pub fn subscribe(&self) -> broadcast::Receiver<u64> {
        self.builds.subscribe()
    }

    /// The language of the overlay.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Build the site again into memory and serve the result (or its errors).
    pub fn rebuild(&self) -> Rebuilt {
        let started = Instant::now();
        let (files, problems, report, prepared) = match self.render() {
            Ok(Good { files, rendered, indicators, warnings, prepared }) => {
                let took = started.elapsed();
                let done = Rebuilt::Ready { files: files.len(), took, rendered, indicators, warnings };
                (Some(files), Vec::new(), done, Some(prepared))
            }
            Err((problems, report)) => (None, problems, Rebuilt::Failed { report }, None),
        };
        let replaced = self.swap(files, problems);
        // Freeing the model and the files of a large site takes tens of milliseconds: after the
        // reload event, not before it.
        drop((prepared, replaced));
        report
    }

    /// Prepare and render, copying what has not changed from the last good build, which this
    /// one replaces when it is good; the errors when it is not.
    fn render(&self) -> Result<Good, (Vec<Problem>, String)> {
        // Only the rebuilding thread takes the lock.
        let mut earlier = self.earlier.lock().unwrap_or_else(PoisonError::into_inner);
        let mut prepared = match build::prepare_with(&self.options, Some(&self.parsed)) {
            Ok(Outcome::Ready(prepared)) => prepared,
            Ok(Outcome::Stopped(checked)) => return Err(self.stopped(&checked)),
            Err(error) => return Err((overlay::unreadable(&error), format!("{error}\n"))),
        };
        let memory = Memory::default();
        let pages = build::render_reusing(&mut prepared, &self.options, &memory, &earlier);
        if prepared.checked.diagnostics.has_errors() {
            return Err(self.stopped(&prepared.checked));
        }
        let quiet = prepared.checked.diagnostics.sorted().is_empty();
        let warnings = if quiet { String::new() } else { self.report(&prepared.checked) };
        let files = Arc::new(memory.into_files());
        let indicators = pages.fingerprints.len();
        *earlier = Earlier { files: Arc::clone(&files), fingerprints: pages.fingerprints };
        Ok(Good { files, rendered: pages.rendered, indicators, warnings, prepared })
    }

    fn stopped(&self, checked: &Checked) -> (Vec<Problem>, String) {
        (overlay::problems(checked, self.lang), self.report(checked))
    }

    fn report(&self, checked: &Checked) -> String {
        diagnostics::render(&checked.diagnostics, &checked.sources, Format::Human, self.lang, false)
    }

    /// Serve the new files (or keep the old ones when `files` is none) and announce the build;
    /// what was served before.
    fn swap(&self, files: Option<Arc<Files>>, problems: Vec<Problem>) -> Arc<Shown> {
        let mut shown = self.shown.write().unwrap_or_else(PoisonError::into_inner);
        let files = files.or_else(|| shown.files.clone());
        let stale = files.is_some();
        let overlay = (!problems.is_empty()).then(|| Arc::from(overlay::html(&problems, self.lang, stale)));
        let build = shown.build + 1;
        let replaced = std::mem::replace(&mut *shown, Arc::new(Shown { files, overlay, build }));
        drop(shown);
        // No tab listening is not an error.
        let _ = self.builds.send(build);
        replaced
    }
}

#[cfg(test)]
mod tests;
