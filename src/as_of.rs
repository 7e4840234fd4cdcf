//! The as-of date (SPEC §3.8): `--as-of`, else the commit date of `HEAD`, else today.
//!
//! It is never read from the clock when git can answer, so two builds of one commit agree.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;

/// Where the as-of date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `--as-of`.
    Flag,
    /// The commit date of `HEAD`.
    Git,
}

/// The as-of date from the flag or git, or `None` when neither answers (the caller decides
/// whether to fall back to today).
pub fn resolve(root: &Path, flag: Option<NaiveDate>) -> Option<(NaiveDate, Source)> {
    if let Some(date) = flag {
        return Some((date, Source::Flag));
    }
    commit_date(root).map(|d| (d, Source::Git))
}

/// The committer date of `HEAD` in the repository holding `root`, if any.
fn commit_date(root: &Path) -> Option<NaiveDate> {
    let out =
        Command::new("git").arg("-C").arg(root).args(["log", "-1", "--format=%cs", "HEAD"]).output().ok()?;
    if !out.status.success() {
        return None;
    }
    NaiveDate::parse_from_str(String::from_utf8_lossy(&out.stdout).trim(), "%Y-%m-%d").ok()
}

/// Today's date (UTC), for when neither the flag nor git gives one.
pub fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN);
    epoch.checked_add_days(chrono::Days::new(days)).unwrap_or(epoch)
}
