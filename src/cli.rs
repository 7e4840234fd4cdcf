//! Command-line arguments (clap derive). The commands themselves live in `main.rs` and the
//! library; this file only says what a user can type.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::diagnostics::{Format, Lang};

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
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// The as-of date (YYYY-MM-DD); default: the commit date of HEAD when in git.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<chrono::NaiveDate>,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = Lang::Id)]
        lang: Lang,
    },
    /// Validate, compute and write the site (for now: the open-data exports under data/).
    Build {
        /// Output folder [default: <root>/public].
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Override situs.base_url (an http:// or https:// address).
        #[arg(long, value_name = "URL", value_parser = parse_url)]
        base_url: Option<String>,
        /// The as-of date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<chrono::NaiveDate>,
    },
    /// Live preview on 127.0.0.1 (not yet).
    Serve {
        /// Interface to bind.
        #[arg(long, default_value = "127.0.0.1")]
        interface: String,
        /// Port.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open a browser.
        #[arg(long)]
        open: bool,
    },
    /// Figures that differ between two git revisions (not yet).
    Diff {
        /// Base revision.
        base: Option<String>,
        /// Head revision.
        head: Option<String>,
    },
    /// A new site repository from the bundled example (not yet).
    Init {
        /// Folder to create.
        dir: Option<PathBuf>,
    },
    /// JSON Schemas of the content files (not yet).
    Schema {
        /// Output folder.
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
}

fn parse_url(text: &str) -> Result<String, String> {
    if crate::content::is_http_url(text) {
        Ok(text.to_string())
    } else {
        Err(format!("`{text}` is not an http:// or https:// address"))
    }
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date YYYY-MM-DD"))
}
