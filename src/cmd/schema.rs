//! `sakip-site schema`: JSON Schemas of the content files. Declared in the command line so that its
//! arguments are settled, but not written yet.

use std::process::ExitCode;

/// Say that `schema` is not available yet (exit 2).
pub fn schema() -> anyhow::Result<ExitCode> {
    super::not_available()
}
