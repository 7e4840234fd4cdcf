//! The as-of date (SPEC §3.8): `--as-of`, else the commit date of `HEAD`, else today.
//!
//! It is never read from the clock when git can answer, so two builds of one commit agree. The
//! date keeps where it came from, so that `check` and `build` can tell the user which one they
//! got.
//!
//! The committer date is whatever the commit says: a pull request can set it to any day, and a
//! date far ahead would mark overdue follow-ups as still in time. So a commit date more than a
//! day after the machine's clock is an error ([`refuse_future`]); the clock only guards, it is
//! never written into the output.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;

use crate::diagnostics::{Code, Diagnostics, Loc, Message};

/// How many days a commit date may be ahead of the machine's clock (time zones, a clock a little
/// behind) before it is refused.
pub const MAX_DAYS_AHEAD: u64 = 1;

/// Where the as-of date came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `--as-of`.
    Flag,
    /// The committer date of `HEAD`; the commit's short hash.
    Commit(String),
    /// Today's date, because neither the flag nor git gave one.
    Clock,
}

/// The as-of date and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsOf {
    /// The date.
    pub date: NaiveDate,
    /// Where it came from.
    pub source: Source,
}

impl AsOf {
    /// Today's date (UTC), for when neither the flag nor git gives one.
    pub fn today() -> AsOf {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN);
        let date = epoch.checked_add_days(chrono::Days::new(days)).unwrap_or(epoch);
        AsOf { date, source: Source::Clock }
    }

    /// The date and its source in words, e.g. `2023-12-31, the date of commit a1b2c3d`.
    pub fn describe(&self) -> Message {
        let date = self.date;
        match &self.source {
            Source::Flag => Message::new(format!("{date} dari --as-of"), format!("{date} from --as-of")),
            Source::Commit(hash) => Message::new(
                format!("{date}, tanggal commit {hash}"),
                format!("{date}, the date of commit {hash}"),
            ),
            Source::Clock => {
                Message::new(format!("{date}, tanggal hari ini"), format!("{date}, today's date"))
            }
        }
    }
}

/// Refuse (error `as-of-future`) a commit date more than [`MAX_DAYS_AHEAD`] after `today`: a
/// forged committer date must not decide what is overdue. `--as-of` is the operator's own
/// choice and is taken as given.
pub fn refuse_future(as_of: &AsOf, today: NaiveDate, diags: &mut Diagnostics) {
    let Source::Commit(hash) = &as_of.source else { return };
    let limit = today.checked_add_days(chrono::Days::new(MAX_DAYS_AHEAD)).unwrap_or(NaiveDate::MAX);
    if as_of.date <= limit {
        return;
    }
    let date = as_of.date;
    diags.error(
        Code::AsOfFuture,
        Loc::file(&std::sync::Arc::from("content/")),
        Message::new(
            format!("tanggal acuan {date} (tanggal commit {hash}) lebih dari sehari setelah tanggal hari ini {today} menurut jam komputer ini: tanggal commit dapat dipalsukan, jadi tenggat tidak dihitung dengannya"),
            format!("the as-of date {date} (the date of commit {hash}) is more than a day after today's date {today} by this machine's clock: a commit date can be forged, so deadlines are not computed from it"),
        ),
    )
    .with_help(Message::new(
        "perbaiki jam komputer, buat ulang commit dengan tanggal yang benar, atau berikan --as-of YYYY-MM-DD",
        "fix the machine's clock, recommit with the right date, or pass --as-of YYYY-MM-DD",
    ));
}

/// The as-of date from the flag or git, or `None` when neither answers (the caller decides
/// whether to fall back to today).
pub fn resolve(root: &Path, flag: Option<NaiveDate>) -> Option<AsOf> {
    if let Some(date) = flag {
        return Some(AsOf { date, source: Source::Flag });
    }
    commit(root, "HEAD")
}

/// The committer date and short hash of the commit `revision` (`HEAD`, a hash) in the
/// repository holding `root`, if any.
pub fn commit(root: &Path, revision: &str) -> Option<AsOf> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["log", "-1", "--format=%cs %h", revision, "--"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    parse_log(&String::from_utf8_lossy(&out.stdout))
}

/// `2023-12-31 a1b2c3d` (git's `%cs %h`) as an as-of date.
fn parse_log(line: &str) -> Option<AsOf> {
    let (date, hash) = line.trim().split_once(' ')?;
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(AsOf { date, source: Source::Commit(hash.to_string()) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_log_line_gives_the_date_and_the_short_hash() {
        let as_of = parse_log("2023-12-31 a1b2c3d\n").unwrap();
        assert_eq!(as_of, AsOf { date: date("2023-12-31"), source: Source::Commit("a1b2c3d".into()) });
        assert_eq!(as_of.describe().en, "2023-12-31, the date of commit a1b2c3d");
        assert_eq!(parse_log(""), None);
        assert_eq!(parse_log("yesterday a1b2c3d"), None);
    }

    #[test]
    fn a_commit_date_more_than_a_day_ahead_of_the_clock_is_refused() {
        let today = date("2024-03-20");
        let commit = |d: &str| AsOf { date: date(d), source: Source::Commit("a1b2c3d".into()) };
        let errors = |as_of: &AsOf| {
            let mut diags = Diagnostics::default();
            refuse_future(as_of, today, &mut diags);
            diags.sorted().iter().map(|d| d.code).collect::<Vec<_>>()
        };
        // Tomorrow is a time zone away; the day after is not.
        assert!(errors(&commit("2024-03-21")).is_empty());
        assert_eq!(errors(&commit("2024-03-22")), [Code::AsOfFuture]);
        assert_eq!(errors(&commit("2099-01-01")), [Code::AsOfFuture]);
        // The operator's own flag is taken as given.
        assert!(errors(&AsOf { date: date("2099-01-01"), source: Source::Flag }).is_empty());
    }

    #[test]
    fn the_flag_wins_over_git() {
        let flagged = resolve(Path::new("."), Some(date("2024-06-30"))).unwrap();
        assert_eq!(flagged.source, Source::Flag);
        assert_eq!(flagged.describe().id, "2024-06-30 dari --as-of");
    }
}
