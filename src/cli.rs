//! Command-line arguments (clap derive): only what a user can type. The commands live in
//! `cmd/`; the library knows nothing of clap, so the argument values that mirror library types
//! (`--lang`, `--format`) are enums of their own here.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// sakip-site: build a public SAKIP performance site from YAML and Markdown.
#[derive(Debug, Parser)]
#[command(name = "sakip-site", version, about, long_about = None)]
pub struct Cli {
    /// The site folder, holding content/ and themes/.
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands of SPEC §6.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate content/ and print every problem with its file, line and column.
    Check {
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// The as-of date (YYYY-MM-DD); default: the commit date of HEAD when in git (an error
        /// when it is more than a day after this machine's clock).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<chrono::NaiveDate>,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = LangArg::Id)]
        lang: LangArg,
    },
    /// Validate, compute and write the site: pages in Indonesian and English, evidence and open data.
    Build {
        /// Output folder [default: <root>/public], replaced as a whole; only a folder an
        /// earlier build wrote, unchanged, is replaced (docs/output.md).
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Override situs.base_url (an http:// or https:// address, no `//` in its path).
        #[arg(long, value_name = "URL", value_parser = parse_url)]
        base_url: Option<String>,
        /// The as-of date (YYYY-MM-DD); default: the commit date of HEAD (an error when it is
        /// more than a day after this machine's clock), else today.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<chrono::NaiveDate>,
        /// Leave out the PDF reports: a quicker build for review (the workbook, the open data
        /// and every page are still written; the downloads page then lists no PDF).
        #[arg(long)]
        no_pdf: bool,
    },
    /// Live preview: build into memory, serve on 127.0.0.1, rebuild and reload the browser on
    /// every change to content/ or themes/; a broken edit shows its errors on every page and
    /// keeps the last good site.
    Serve {
        /// Address to listen on [default: 127.0.0.1]; an address other than loopback makes the
        /// preview visible to the network and accepts any Host header.
        #[arg(long, value_name = "IP")]
        interface: Option<std::net::IpAddr>,
        /// Port [default: the first free one of 1111 to 1120].
        #[arg(long)]
        port: Option<u16>,
        /// Open the preview in a browser.
        #[arg(long)]
        open: bool,
        /// The as-of date (YYYY-MM-DD); default: the commit date of HEAD when in git (an error
        /// when it is more than a day after this machine's clock).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<chrono::NaiveDate>,
        /// Language of the messages and of the error overlay.
        #[arg(long, value_enum, default_value_t = LangArg::Id)]
        lang: LangArg,
    },
    /// Figures that differ between two git revisions: every changed target, realisation,
    /// achievement and predicate, with the file and line that moved it.
    Diff {
        /// Base revision [default: the merge base of HEAD with origin/HEAD, main or master].
        base: Option<String>,
        /// Head revision [default: the working tree].
        head: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormatArg::Markdown)]
        format: DiffFormatArg,
        /// The as-of date (YYYY-MM-DD) of both sides; default: the commit date of the head side.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<chrono::NaiveDate>,
    },
    /// A new site repository from the bundled example, with its README and CI workflows.
    Init {
        /// The folder to create (it must be new or empty).
        dir: PathBuf,
    },
    /// Write a JSON Schema (draft 2020-12) of each content file, for editors: sakip.schema.json,
    /// renstra.schema.json, …, realisasi.schema.json (for realisasi/twN.yaml),
    /// halaman.schema.json (the front matter of halaman/*.md).
    Schema {
        /// Output folder [default: <root>/schemas]; schema files in it are replaced.
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
}

/// `--lang`: the language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Indonesian, the default.
    Id,
    /// English.
    En,
}

/// `--format`: how `check` prints diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// rustc-like, with the source line and a caret.
    Human,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
    /// `{"diagnostics":[…]}`.
    Json,
    /// GitLab Code Quality report (JSON), for `artifacts:reports:codequality`.
    Gitlab,
}

/// `diff --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormatArg {
    /// A table fit for a pull-request comment.
    Markdown,
    /// `{"base", "head", "changes", …}`, figures as plain decimals.
    Json,
}

fn parse_url(text: &str) -> Result<String, String> {
    if !sakip_site::content::is_http_url(text) {
        Err(format!("`{text}` is not an http:// or https:// address"))
    } else if !sakip_site::content::is_base_url(text) {
        Err(format!("`{text}` has `//` in its path; write one `/` between the parts of the address"))
    } else {
        Ok(text.to_string())
    }
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date YYYY-MM-DD"))
}
