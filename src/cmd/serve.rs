//! `sakip-site serve`: live preview on 127.0.0.1. Declared in the command line so that its
//! arguments are settled, but not written yet.

use std::process::ExitCode;

/// Say that `serve` is not available yet (exit 2).
pub fn serve() -> anyhow::Result<ExitCode> {
    super::not_available()
}
