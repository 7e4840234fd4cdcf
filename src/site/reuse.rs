//! The partial render of the live preview: an indicator page whose inputs are those of the
//! last good render is copied from it instead of rendered again.
//!
//! A page is a function of the theme's templates and of its template context (the filters and
//! functions are code). An indicator page's context is made of
//! - what every page of its language shares: the site view (title, agency, years, Markdown
//!   pages, as-of date; the menu is made from it), the interface words and the base URL;
//! - its output path (its language, the relative links to the roots, the other language's
//!   page);
//! - its [`Inputs`], the one value the page's view is built from.
//!
//! The fingerprint of a page hashes the templates, the shared part of its language and its
//! inputs, as their `Debug` text: every type in them derives `Debug`, which writes every field.
//! Fingerprints are kept by output path, so the same path with the same fingerprint has the
//! same bytes. The inputs are hashed once for both languages. The other pages (dashboard,
//! years, tree, search, downloads, Markdown pages) read much of the site and are few, so they
//! are always rendered. A build has no earlier render and computes no fingerprint.

use std::collections::HashMap;
use std::fmt::{self, Debug, Write as _};
use std::hash::{DefaultHasher, Hasher};
use std::sync::Arc;

use crate::output::{Files, Sink};
use crate::present::Words;
use crate::present::indicator::Inputs;

/// The fingerprint of each indicator page of a render, by output path.
pub type Fingerprints = HashMap<String, u64>;

/// A good render to copy unchanged pages from: its files and its fingerprints.
#[derive(Debug, Default)]
pub struct Earlier {
    /// Every file it wrote.
    pub files: Arc<Files>,
    /// The fingerprint of each of its indicator pages.
    pub fingerprints: Fingerprints,
}

/// The indicator pages of a render: their fingerprints, for the next render, and how many were
/// rendered rather than copied.
#[derive(Debug, Default)]
pub struct Pages {
    /// The fingerprint of each indicator page.
    pub fingerprints: Fingerprints,
    /// How many indicator pages were rendered; the others were copied.
    pub rendered: usize,
}

/// One indicator page written: where, its fingerprint, and whether it was rendered.
pub(super) struct Written {
    path: String,
    fingerprint: u64,
    rendered: bool,
}

impl Pages {
    /// The tally of `written`.
    pub(super) fn new(written: impl IntoIterator<Item = Written>) -> Pages {
        let mut pages = Pages::default();
        for w in written {
            pages.rendered += usize::from(w.rendered);
            pages.fingerprints.insert(w.path, w.fingerprint);
        }
        pages
    }
}

/// The fingerprint of what every page of one language shares: the templates (by their
/// fingerprint), the site view, the interface words and the base URL.
pub(super) fn shared(templates: u64, site: &impl Debug, words: &Words, base_url: &str) -> u64 {
    fingerprint(&(templates, site, words.lang, words.all(), base_url))
}

/// The fingerprint of the inputs of an indicator's pages (in both languages).
pub(super) fn inputs(inputs: &Inputs) -> u64 {
    fingerprint(inputs)
}

/// Write the indicator page at `path` whose language shares `shared` and whose inputs are
/// `inputs` (fingerprints): copied from `earlier` when it has the same fingerprint there, else
/// from `render`.
pub(super) fn write<E>(
    earlier: &Earlier,
    (shared, inputs): (u64, u64),
    path: String,
    out: &dyn Sink,
    render: impl FnOnce() -> Result<String, E>,
) -> Result<Written, E> {
    let fingerprint = fingerprint(&(shared, inputs));
    let same = earlier.fingerprints.get(&path) == Some(&fingerprint);
    let kept = earlier.files.get(&path).filter(|_| same);
    match kept {
        Some(bytes) => out.add(&path, bytes),
        None => out.add(&path, render()?.as_bytes()),
    }
    Ok(Written { rendered: kept.is_none(), path, fingerprint })
}

/// The hash of `value`'s `Debug` text, fed to the hasher as it is written.
pub(super) fn fingerprint(value: &impl Debug) -> u64 {
    let mut hasher = Hashing(DefaultHasher::new());
    // Writing into a hasher cannot fail; a `Debug` impl that fails would fail every build alike.
    let _ = write!(hasher, "{value:?}");
    hasher.0.finish()
}

/// A `fmt::Write` into a hasher.
struct Hashing(DefaultHasher);

impl fmt::Write for Hashing {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}
