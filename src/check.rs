//! `sakip-site check`: load and validate, keeping every diagnostic of the run.

use std::path::Path;

use chrono::NaiveDate;

use crate::content::{self, LoadError, model::Site};
use crate::diagnostics::{Diagnostics, Sources};
use crate::validate;

/// The result of checking a site.
#[derive(Debug)]
pub struct Checked {
    /// The model (possibly partial when there are errors).
    pub site: Site,
    /// Every diagnostic of the run.
    pub diagnostics: Diagnostics,
    /// Source texts for snippets.
    pub sources: Sources,
}

/// Load `<root>/content` and apply every rule. `as_of` enables the future-date warnings.
pub fn check(root: &Path, as_of: Option<NaiveDate>) -> Result<Checked, LoadError> {
    let mut diagnostics = Diagnostics::default();
    let loaded = content::load(root, &mut diagnostics)?;
    validate::validate(&loaded.site, root, as_of, &mut diagnostics);
    Ok(Checked { site: loaded.site, diagnostics, sources: loaded.sources })
}
