//! `sakip-site diff`: the figures that differ between two git revisions of the site, as a
//! Markdown table for a pull-request comment or as JSON.
//!
//! Both sides are computed with one as-of date (`--as-of`, else the commit date of the head
//! side, as `build` would date it; for the working tree that of `HEAD`), so that a deadline
//! passing between two commits does not show up as a change of follow-up status.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;

use sakip_site::as_of::{self, AsOf};
use sakip_site::build::{self, Options, Outcome, Prepared};
use sakip_site::diagnostics::{Format, Lang};
use sakip_site::diff::git::{Repo, Revision};
use sakip_site::diff::render::{self, Revisions};
use sakip_site::diff::{self as engine, Side};

use crate::cli::DiffFormatArg;

/// Compare `base` (default: the merge base with the default branch) with `head` (default: the
/// working tree); exit 1 when a side fails `check`.
pub fn diff(
    root: &Path,
    base: Option<String>,
    head: Option<String>,
    format: DiffFormatArg,
    flag: Option<NaiveDate>,
) -> anyhow::Result<ExitCode> {
    let repo = Repo::open(root)?;
    let head = match head {
        Some(name) => Revision::Commit(repo.resolve(&name)?),
        None => Revision::WorkingTree,
    };
    let base = match base {
        Some(name) => Revision::Commit(repo.resolve(&name)?),
        None => Revision::Commit(repo.default_base()?),
    };
    let as_of = flag.unwrap_or_else(|| head_date(root, &head));
    let before =
        prepare(&repo, root, &base, as_of).with_context(|| format!("cannot read {}", side("BASE", &base)))?;
    let after =
        prepare(&repo, root, &head, as_of).with_context(|| format!("cannot read {}", side("HEAD", &head)))?;
    let (before, after) = match (before, after) {
        (Outcome::Ready(b), Outcome::Ready(a)) => (b, a),
        (before, after) => return refuse([("BASE", &base, before), ("HEAD", &head, after)]),
    };
    let changes = engine::compare(sides(&before), sides(&after));
    let revisions = Revisions { base: &base, head: &head };
    match format {
        DiffFormatArg::Markdown => print!("{}", render::markdown(&changes, revisions)),
        DiffFormatArg::Json => println!("{:#}", render::json(&changes, revisions, as_of)),
    }
    Ok(ExitCode::SUCCESS)
}

/// The commit date of the head side (of `HEAD` for the working tree), else today.
fn head_date(root: &Path, head: &Revision) -> NaiveDate {
    let commit = match head {
        Revision::WorkingTree => "HEAD",
        Revision::Commit(c) => c.hash.as_str(),
    };
    as_of::commit(root, commit).unwrap_or_else(AsOf::today).date
}

/// Load, check and compute one side: the work tree in place, a commit from a snapshot.
fn prepare(
    repo: &Repo,
    root: &Path,
    revision: &Revision,
    as_of: NaiveDate,
) -> anyhow::Result<Outcome<Prepared>> {
    let snapshot = match revision {
        Revision::WorkingTree => None,
        Revision::Commit(commit) => Some(repo.snapshot(commit)?),
    };
    let root = snapshot.as_ref().map_or(root, |s| s.root()).to_path_buf();
    let options = Options { root, as_of: Some(as_of), base_url: None, pdf: false };
    Ok(build::prepare(&options)?)
}

fn sides(prepared: &Prepared) -> Side<'_> {
    Side { site: &prepared.checked.site, ledger: &prepared.ledger }
}

/// `BASE abc1234`, `HEAD (working tree)`.
fn side(which: &str, revision: &Revision) -> String {
    match revision {
        Revision::WorkingTree => format!("{which} (working tree)"),
        Revision::Commit(c) => format!("{which} {}", c.short),
    }
}

/// Name each side that fails `check` and print its diagnostics as `check` does; exit 1.
fn refuse(outcomes: [(&str, &Revision, Outcome<Prepared>); 2]) -> anyhow::Result<ExitCode> {
    for (which, revision, outcome) in outcomes {
        if let Outcome::Stopped(checked) = outcome {
            eprintln!("sakip-site diff: {} does not pass check:", side(which, revision));
            super::print_diagnostics(&checked, Format::Human, Lang::Id)?;
        }
    }
    Ok(ExitCode::from(1))
}
