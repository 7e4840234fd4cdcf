//! Putting a finished build in place so that the output folder is, at every instant, a complete
//! build (the old one or the new one), and cleaning up after builds that were killed.
//!
//! The staging folder `.<name>.tmp-<pid>` is a sibling of the output folder `<name>`. Where the
//! file system can (Linux, `renameat2(RENAME_EXCHANGE)`), the two are exchanged in one atomic
//! step and the old build, now at the staging path, is removed. Elsewhere the old build is
//! renamed to `.<name>.old-<pid>` and the new one renamed into place: a crash between the two
//! renames leaves no output folder, and the next build first renames the old build back. Every
//! build removes the staging and old folders earlier runs left behind — only those that carry
//! our marker and are not locked by a running build.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::marker::{self, State};
use super::{WriteError, io, sys};

/// The staging folder of this process beside the output folder `name`.
pub fn staging(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.tmp-{}", std::process::id()))
}

fn old(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.old-{}", std::process::id()))
}

/// The folders beside `name` that a build of it may have left: staging and old folders, by
/// name (the marker is checked by the caller).
fn leftovers(parent: &Path, name: &str, kind: &str) -> Vec<PathBuf> {
    let prefix = format!(".{name}.{kind}-");
    let Ok(entries) = fs::read_dir(parent) else { return Vec::new() };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(|n| n.starts_with(&prefix)))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// When the output folder is missing and a fallback swap was killed between its two renames,
/// put the old build back (the newest, if there are several).
pub fn recover(parent: &Path, name: &str, target: &Path) -> Result<(), WriteError> {
    if fs::symlink_metadata(target).is_ok() {
        return Ok(());
    }
    let modified = |p: &PathBuf| fs::metadata(p.join(marker::MARKER)).and_then(|m| m.modified()).ok();
    let newest = leftovers(parent, name, "old")
        .into_iter()
        .filter(|p| marker::verify(p).is_ok())
        .filter(|p| matches!(sys::try_lock(p), Ok(Some(_))))
        .max_by_key(modified);
    match newest {
        Some(previous) => {
            fs::rename(&previous, target).map_err(io("cannot restore the previous build", &previous))
        }
        None => Ok(()),
    }
}

/// Remove the staging and old folders of earlier runs: those with our marker that no running
/// build holds locked. A finished build's folder must hold only what its marker lists.
pub fn sweep(parent: &Path, name: &str) -> Result<(), WriteError> {
    let mut all = leftovers(parent, name, "tmp");
    all.extend(leftovers(parent, name, "old"));
    for dir in all {
        let ours = match marker::state(&dir) {
            Some(State::Staging) => true,
            Some(State::Complete) => marker::verify(&dir).is_ok(),
            None => false,
        };
        // A lock held by another process means a build is writing or swapping it right now.
        let Ok(Some(_lock)) = sys::try_lock(&dir) else { continue };
        if ours {
            remove_build(&dir).map_err(io("cannot remove what an earlier build left", &dir))?;
        }
    }
    Ok(())
}

/// Move the finished build `staging` into place at `target` (in `parent`, named `name`); the
/// old build is removed only afterwards.
pub fn swap_in(staging: &Path, target: &Path, parent: &Path, name: &str) -> Result<(), WriteError> {
    crash_point("before-swap");
    if fs::symlink_metadata(target).is_err() {
        return fs::rename(staging, target).map_err(io("cannot move into place", target));
    }
    if !no_exchange() && sys::exchange(staging, target).map_err(io("cannot exchange with", target))? {
        crash_point("after-swap");
        return remove_build(staging).map_err(io("cannot remove the previous build", staging));
    }
    let old = old(parent, name);
    fs::rename(target, &old).map_err(io("cannot move aside", target))?;
    crash_point("between-renames");
    if let Err(e) = fs::rename(staging, target) {
        let _ = fs::rename(&old, target);
        return Err(io("cannot move into place", target)(e));
    }
    crash_point("after-swap");
    remove_build(&old).map_err(io("cannot remove the previous build", &old))
}

/// Remove a build: its top-level entries in parallel (the indicator pages of each language are
/// most of it), then the folder itself. What is already gone (another build removing the same
/// leftover) is not an error.
pub fn remove_build(dir: &Path) -> std::io::Result<()> {
    let gone = |r: std::io::Result<()>| match r {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    };
    let entries: Vec<fs::DirEntry> = match fs::read_dir(dir) {
        Ok(entries) => entries.collect::<Result<_, _>>()?,
        Err(e) => return gone(Err(e)),
    };
    let results: Vec<std::io::Result<()>> = entries
        .par_iter()
        .map(|e| {
            let path = e.path();
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            gone(if is_dir { fs::remove_dir_all(&path) } else { fs::remove_file(&path) })
        })
        .collect();
    results.into_iter().collect::<std::io::Result<()>>()?;
    gone(fs::remove_dir(dir))
}

/// Test hook: die at the named point of the swap, as a killed build would, when the variable
/// `SAKIP_SITE_CRASH_AT` names it. Only debug builds (the tests') have it; content cannot set
/// an environment variable.
fn crash_point(point: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("SAKIP_SITE_CRASH_AT").is_ok_and(|v| v == point) {
        sys::kill_self();
    }
    let _ = point;
}

/// Test hook: `SAKIP_SITE_NO_EXCHANGE=1` makes a debug build use the two-rename fallback, so
/// that its crash window is tested on Linux too.
fn no_exchange() -> bool {
    cfg!(debug_assertions) && std::env::var_os("SAKIP_SITE_NO_EXCHANGE").is_some()
}
