//! The `sakip-site` binary: parse the arguments, run the command, choose the exit code
//! (0 ok, 1 the content has errors, 2 usage or I/O failure).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

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
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sakip-site: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check { format, as_of, lang } => cmd::check(&cli.root, format, as_of, lang),
        Command::Build { output, as_of, base_url, no_pdf } => {
            cmd::build(cli.root, output, as_of, base_url, !no_pdf)
        }
        Command::Serve { interface, port, open, as_of, lang } => {
            cmd::serve(cli.root, cmd::Listen { interface, port, open }, as_of, lang)
        }
        Command::Diff { base, head, format, as_of } => cmd::diff(&cli.root, base, head, format, as_of),
        Command::Init { dir } => cmd::init(&dir),
        Command::Schema { output } => cmd::schema(&cli.root, output),
    }
}
