//! `sakip-site init DIR`: a new site repository from the bundled example.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

/// Write the new repository into `dir` and say what to do next.
pub fn init(dir: &Path) -> anyhow::Result<ExitCode> {
    let written =
        sakip_site::init::init(dir).with_context(|| format!("cannot create a site in {}", dir.display()))?;
    eprintln!(
        "sakip-site init: {} berkas ditulis di {}. Langkah berikutnya: cd {} && git init && sakip-site serve",
        written.len(),
        dir.display(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
