//! `sakip-site check`: load and validate, keeping every diagnostic of the run.

use std::path::Path;

use chrono::NaiveDate;

use crate::content::{self, LoadError, Parsed, model::Site};
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
    check_with(root, as_of, None)
}

/// [`check`], parsing again only the files whose text is not in `parsed`
/// ([`content::load_with`]).
pub fn check_with(
    root: &Path,
    as_of: Option<NaiveDate>,
    parsed: Option<&Parsed>,
) -> Result<Checked, LoadError> {
    let mut diagnostics = Diagnostics::default();
    let loaded = content::load_with(root, &mut diagnostics, parsed)?;
    validate::validate(&loaded.site, root, as_of, &mut diagnostics);
    Ok(Checked { site: loaded.site, diagnostics, sources: loaded.sources })
}
