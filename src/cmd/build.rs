//! `sakip-site build`: build the site into the output folder, print the diagnostics and one
//! summary line (in English, like the rest of the build's own messages).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use chrono::NaiveDate;

use sakip_site::build::{Options, Outcome, Written};
use sakip_site::diagnostics::{Format, Lang};
use sakip_site::history::History;

/// Build the site in `root` into `output` (default `<root>/public`), with the PDF reports when
/// `pdf`; exit 1 when the content or the theme has an error, and then nothing is written.
pub fn build(
    root: PathBuf,
    output: Option<PathBuf>,
    as_of: Option<NaiveDate>,
    base_url: Option<String>,
    pdf: bool,
) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let output = output.unwrap_or_else(|| root.join("public"));
    let options = Options { root, as_of, base_url, pdf };
    let outcome = sakip_site::build::build(&options, &output)
        .with_context(|| format!("cannot build the site in {}", options.root.display()))?;
    let checked = match &outcome {
        Outcome::Ready(written) => &written.prepared.checked,
        Outcome::Stopped(checked) => checked,
    };
    if !checked.diagnostics.sorted().is_empty() {
        super::print_diagnostics(checked, Format::Human, Lang::Id)?;
    }
    let Outcome::Ready(Written { prepared, files }) = &outcome else {
        eprintln!("sakip-site build: nothing was written because of the errors above.");
        return Ok(ExitCode::from(1));
    };
    // The one notice of a site outside git: a line, not a diagnostic, since nothing in the
    // content is wrong and `check` has nothing to say about it.
    if let History::Unavailable(why) = &prepared.history {
        eprintln!("sakip-site build: no change history ({why}); the pages name no commit.");
    }
    eprintln!(
        "sakip-site build: {} files written to {} ({} indicators, as of {}) in {} ms",
        files,
        output.display(),
        prepared.ledger.indicators.len(),
        prepared.as_of.describe().en,
        started.elapsed().as_millis()
    );
    super::end_of_run(outcome);
    Ok(ExitCode::SUCCESS)
}
