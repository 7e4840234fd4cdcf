//! Where the published figures came from (issue 11, item 2): the commits that changed
//! `content/`, each compared with the data commit before it by the diff engine, so that an
//! indicator page can name the commit that last moved its figures and the *Riwayat perubahan*
//! page can list what each commit moved.
//!
//! The history is computed once per `build`, from git alone: the newest [`LIMIT`] data commits
//! (`git log -- content`), each read with `git archive` into a temporary folder and prepared like
//! a build (one load, check and compute per commit; nothing is cached on disk). Every commit is
//! computed with the build's own as-of date, as `diff` computes both sides with one date, so a
//! deadline passing between two commits is not a change. A commit whose content (or whose
//! parent's) does not pass `check` is listed without figures and moves no indicator.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::build::{self, Options, Outcome, Prepared};
use crate::compute::Ledger;
use crate::content::model::Site;
use crate::diff::git::{Commit, GitError, Logged, Repo};
use crate::diff::{self, Changes, Side};

/// How many data commits are read at most.
pub const LIMIT: usize = 200;

/// The change history of a build.
#[derive(Debug, Default)]
pub enum History {
    /// Not computed: the live preview skips it.
    #[default]
    Skipped,
    /// The site is not in a git repository, or git cannot be run: why.
    Unavailable(GitError),
    /// The data commits, newest first.
    Known(Log),
}

/// The data commits and, per indicator id, the newest of them that moved its figures.
#[derive(Debug, Default)]
pub struct Log {
    /// Newest first.
    pub commits: Vec<DataCommit>,
    last: HashMap<String, usize>,
}

/// Who changed the data, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// Short hash.
    pub short: String,
    /// Commit date.
    pub date: NaiveDate,
    /// The author's name.
    pub author: String,
}

/// One commit that changed `content/`.
#[derive(Debug)]
pub struct DataCommit {
    /// Who and when.
    pub stamp: Stamp,
    /// What it moved; `None` when it or the commit before it does not pass `check`.
    pub changes: Option<Changes>,
}

impl History {
    /// The commit that last moved the figures of indicator `id`, if known.
    pub fn last_change(&self, id: &str) -> Option<&Stamp> {
        let History::Known(log) = self else { return None };
        log.last.get(id).and_then(|&i| log.commits.get(i)).map(|c| &c.stamp)
    }
}

/// The history of the site in `root`, every commit computed as of `as_of`; `Unavailable` when
/// git cannot answer.
pub fn collect(root: &Path, as_of: NaiveDate) -> History {
    match Repo::open(root).and_then(|repo| Ok((repo.data_commits(LIMIT)?, repo))) {
        Ok((logged, repo)) => History::Known(Log::new(walk(&repo, logged, as_of))),
        Err(error) => History::Unavailable(error),
    }
}

/// Each logged commit with what it moved.
fn walk(repo: &Repo, logged: Vec<Logged>, as_of: NaiveDate) -> Vec<DataCommit> {
    let mut commits = Vec::with_capacity(logged.len());
    // Newest first: a commit's parent is usually the next commit, so each is prepared once.
    let mut kept: Option<(String, Option<Prepared>)> = None;
    for entry in logged {
        let head = match kept.take() {
            Some((hash, prepared)) if hash == entry.commit.hash => prepared,
            _ => prepare(repo, &entry.commit, as_of),
        };
        let base = entry.parent.as_deref().map(|hash| (hash.to_string(), prepare(repo, &named(hash), as_of)));
        let changes = match (&head, &base) {
            (Some(h), Some((_, Some(b)))) => Some(diff::compare(side(b), side(h))),
            (Some(h), None) => Some(first(h)),
            _ => None,
        };
        commits.push(DataCommit { stamp: stamp(&entry), changes });
        kept = base;
    }
    commits
}

impl Log {
    fn new(commits: Vec<DataCommit>) -> Log {
        let mut last = HashMap::new();
        for (i, commit) in commits.iter().enumerate() {
            let Some(changes) = &commit.changes else { continue };
            let moved = changes.rows.iter().map(|r| &r.indicator).chain(&changes.indicators_added);
            for indicator in moved {
                // Newest first: the first commit seen is the last change.
                last.entry(indicator.id.clone()).or_insert(i);
            }
        }
        Log { commits, last }
    }
}

/// A commit known by its full hash only (the parent of a data commit).
fn named(hash: &str) -> Commit {
    let short = hash.get(..7).unwrap_or(hash).to_string();
    Commit { name: short.clone(), hash: hash.to_string(), short }
}

fn stamp(entry: &Logged) -> Stamp {
    Stamp { short: entry.commit.short.clone(), date: entry.date, author: entry.author.clone() }
}

/// The site at `commit`, computed as of `as_of`; `None` when it cannot be read or fails `check`
/// (a commit without `content/` is the blank site before the first data commit).
fn prepare(repo: &Repo, commit: &Commit, as_of: NaiveDate) -> Option<Prepared> {
    let snapshot = repo.snapshot(commit).ok()?;
    let options =
        Options { root: snapshot.root().to_path_buf(), as_of: Some(as_of), base_url: None, pdf: false };
    match build::prepare(&options) {
        Ok(Outcome::Ready(prepared)) => Some(prepared),
        _ => None,
    }
}

fn side(prepared: &Prepared) -> Side<'_> {
    Side { site: &prepared.checked.site, ledger: &prepared.ledger }
}

/// The changes of the first data commit: everything, compared with a blank site.
fn first(head: &Prepared) -> Changes {
    let site = Site::default();
    let ledger = blank(&head.ledger);
    diff::compare(Side { site: &site, ledger: &ledger }, side(head))
}

/// A ledger without figures, on the scale of `like`.
fn blank(like: &Ledger) -> Ledger {
    Ledger {
        as_of: like.as_of,
        scale: like.scale.clone(),
        indicators: Vec::new(),
        ikm: Vec::new(),
        budgets: Vec::new(),
        reports: Vec::new(),
        follow_ups: Vec::new(),
        lke: Vec::new(),
        bukti: Vec::new(),
        proyeksi: Vec::new(),
        lke_bukti: Vec::new(),
        standar: Vec::new(),
    }
}
