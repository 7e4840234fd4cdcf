//! `sakip-site check`: load and validate, and print every diagnostic in the format and language
//! asked for.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;

use sakip_site::as_of;
use sakip_site::diagnostics::{Format, Lang};

use crate::cli::{FormatArg, LangArg};

/// Check the site in `root`; exit 1 when the content has an error.
pub fn check(
    root: &Path,
    format: FormatArg,
    flag: Option<NaiveDate>,
    lang: LangArg,
) -> anyhow::Result<ExitCode> {
    let (format, lang) = (Format::from(format), Lang::from(lang));
    let as_of = as_of::resolve(root, flag).map(|(date, _)| date);
    let checked = sakip_site::check::check(root, as_of)
        .with_context(|| format!("cannot check the site in {}", root.display()))?;
    super::print_diagnostics(&checked, format, lang)?;
    Ok(if checked.diagnostics.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Human => Format::Human,
            FormatArg::Github => Format::Github,
            FormatArg::Json => Format::Json,
        }
    }
}
