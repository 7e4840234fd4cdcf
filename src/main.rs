//! The `sakip-site` binary: parse arguments, run a command, choose the exit code
//! (0 ok, 1 the content has errors, 2 usage or I/O failure).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use sakip_site::build::{Outcome, Written};
use sakip_site::cli::{Cli, Command};
use sakip_site::diagnostics::{self, Format, Lang};
use sakip_site::{as_of, build, check};

// A build allocates many small strings on every core at once (page data, template output);
// mimalloc does that markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sakip-site: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check { format, as_of, lang } => run_check(&cli.root, format, as_of, lang),
        Command::Build { output, as_of, base_url } => {
            let output = output.unwrap_or_else(|| cli.root.join("public"));
            run_build(build::Options { root: cli.root, as_of, base_url }, &output)
        }
        Command::Serve { .. } | Command::Diff { .. } | Command::Init { .. } | Command::Schema { .. } => {
            eprintln!("sakip-site: this command is not available yet.");
            Ok(ExitCode::from(2))
        }
    }
}

fn run_check(
    root: &std::path::Path,
    format: Format,
    flag: Option<chrono::NaiveDate>,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let as_of = as_of::resolve(root, flag).map(|(d, _)| d);
    let checked =
        check::check(root, as_of).with_context(|| format!("cannot check the site in {}", root.display()))?;
    let human = format == Format::Human;
    let color = human && std::io::stderr().is_terminal();
    let text = diagnostics::render(&checked.diagnostics, &checked.sources, format, lang, color);
    // Machine formats go to stdout for tools; the human report goes to stderr like rustc.
    if human {
        std::io::stderr().write_all(text.as_bytes())?;
    } else {
        std::io::stdout().write_all(text.as_bytes())?;
    }
    Ok(if checked.diagnostics.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn run_build(options: build::Options, output: &std::path::Path) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let outcome = build::build(&options, output)
        .with_context(|| format!("cannot build the site in {}", options.root.display()))?;
    let checked = match &outcome {
        Outcome::Ready(written) => &written.prepared.checked,
        Outcome::Stopped(checked) => checked,
    };
    let color = std::io::stderr().is_terminal();
    if !checked.diagnostics.sorted().is_empty() {
        let text =
            diagnostics::render(&checked.diagnostics, &checked.sources, Format::Human, Lang::Id, color);
        std::io::stderr().write_all(text.as_bytes())?;
    }
    let Outcome::Ready(Written { prepared, files }) = &outcome else {
        eprintln!("sakip-site build: nothing was written because of the errors above.");
        return Ok(ExitCode::from(1));
    };
    eprintln!(
        "sakip-site build: {} files written to {} ({} indicators, as of {}) in {} ms",
        files,
        output.display(),
        prepared.ledger.indicators.len(),
        prepared.ledger.as_of,
        started.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}
