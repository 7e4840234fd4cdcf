//! `sakip-site diff`: the figures that differ between two git revisions. Declared in the command line so that its
//! arguments are settled, but not written yet.

use std::process::ExitCode;

/// Say that `diff` is not available yet (exit 2).
pub fn diff() -> anyhow::Result<ExitCode> {
    super::not_available()
}
