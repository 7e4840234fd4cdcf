//! The as-of date (SPEC §3.8): `--as-of`, else the commit date of `HEAD`, else today.
//!
//! It is never read from the clock when git can answer, so two builds of one commit agree. The
//! date keeps where it came from, so that `check` and `build` can tell the user which one they
//! got.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;

use crate::diagnostics::Message;

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
    fn the_flag_wins_over_git() {
        let flagged = resolve(Path::new("."), Some(date("2024-06-30"))).unwrap();
        assert_eq!(flagged.source, Source::Flag);
        assert_eq!(flagged.describe().id, "2024-06-30 dari --as-of");
    }
}
