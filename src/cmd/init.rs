//! `sakip-site init`: a new site repository from the bundled example. Declared in the command line so that its
//! arguments are settled, but not written yet.

use std::process::ExitCode;

/// Say that `init` is not available yet (exit 2).
pub fn init() -> anyhow::Result<ExitCode> {
    super::not_available()
}
