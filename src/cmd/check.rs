//! `sakip-site check`: load and validate, say which as-of date the dates were checked against,
//! and print every diagnostic in the format and language asked for.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;

use sakip_site::as_of::{self, AsOf};
use sakip_site::diagnostics::{Format, Lang, Message};

use crate::cli::{FormatArg, LangArg};

/// Check the site in `root`; exit 1 when the content has an error.
pub fn check(
    root: &Path,
    format: FormatArg,
    flag: Option<NaiveDate>,
    lang: LangArg,
) -> anyhow::Result<ExitCode> {
    let (format, lang) = (Format::from(format), Lang::from(lang));
    let as_of = as_of::resolve(root, flag);
    let mut checked = sakip_site::check::check(root, as_of.as_ref().map(|a| a.date))
        .with_context(|| format!("cannot check the site in {}", root.display()))?;
    if let Some(as_of) = &as_of {
        as_of::refuse_future(as_of, AsOf::today().date, &mut checked.diagnostics);
    }
    // Only people read the as-of line: the machine formats' stdout stays the list of diagnostics.
    if format == Format::Human {
        eprintln!("{}", as_of_line(as_of.as_ref()).get(lang));
    }
    super::print_diagnostics(&checked, format, lang)?;
    let code = if checked.diagnostics.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS };
    super::end_of_run(checked);
    Ok(code)
}

/// Which as-of date the dates were checked against, and where it came from.
fn as_of_line(as_of: Option<&AsOf>) -> Message {
    match as_of.map(AsOf::describe) {
        Some(date) => Message::new(
            format!("sakip-site check: tanggal acuan {}", date.id),
            format!("sakip-site check: as of {}", date.en),
        ),
        None => Message::new(
            "sakip-site check: tanpa tanggal acuan (tidak ada --as-of, bukan repositori git), jadi tanggal di masa depan tidak diperiksa",
            "sakip-site check: no as-of date (no --as-of, not a git repository), so dates in the future are not checked",
        ),
    }
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
            FormatArg::Gitlab => Format::Gitlab,
        }
    }
}
