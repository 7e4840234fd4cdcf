//! The commands of SPEC §6, one module each, in the layout of Zola's `src/cmd/`: each is a short
//! function over the library that turns parsed arguments into library calls, and results into
//! messages and an exit code (0 ok, 1 the content has errors). Failures to read or write come
//! back as errors, which `main` prints and turns into exit code 2.

mod build;
mod check;
mod diff;
mod init;
mod schema;
mod serve;

use std::io::{IsTerminal, Write};

use sakip_site::check::Checked;
use sakip_site::diagnostics::{self, Format, Lang};

pub use build::build;
pub use check::check;
pub use diff::diff;
pub use init::init;
pub use schema::schema;
pub use serve::{Listen, serve};

/// Print the diagnostics of a run: the human report goes to stderr like rustc's (in colour on a
/// terminal), the machine formats to stdout for tools.
fn print_diagnostics(checked: &Checked, format: Format, lang: Lang) -> std::io::Result<()> {
    let human = format == Format::Human;
    let color = human && std::io::stderr().is_terminal();
    let text = diagnostics::render(&checked.diagnostics, &checked.sources, format, lang, color);
    if human {
        std::io::stderr().write_all(text.as_bytes())
    } else {
        std::io::stdout().write_all(text.as_bytes())
    }
}

/// Hands what a run made back to the system with the process instead of freeing it piece by
/// piece: the command is over (its exit code decided), and freeing a model of 20,000
/// indicators one allocation at a time is some 54 million instructions on one thread at the end.
fn end_of_run<T>(made: T) {
    std::mem::forget(made);
}
