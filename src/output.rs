//! The last stage: the files of a build, gathered in memory and written to disk at once.
//!
//! A build is written into a temporary sibling folder and swapped in only when every file was
//! written, so a failed build never leaves a half-written site. We only ever replace a folder
//! that carries our marker file, and refuse output folders that hold `content/` or are `/`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// Name of the marker file that says a folder was written by sakip-site.
pub const MARKER: &str = ".sakip-site-output";

/// Files of a build, by path relative to the output folder (`/` separators), in sorted order so
/// that two builds write the same bytes in the same order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Output {
    files: BTreeMap<String, Vec<u8>>,
}

impl Output {
    /// Add (or replace) a file.
    pub fn add(&mut self, path: &str, bytes: Vec<u8>) {
        self.files.insert(path.to_string(), bytes);
    }

    /// Add every file of `other`, replacing files of the same path.
    pub fn extend(&mut self, other: Output) {
        self.files.extend(other.files);
    }

    /// The files, sorted by path.
    pub fn files(&self) -> &BTreeMap<String, Vec<u8>> {
        &self.files
    }
}

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The output folder is unsafe to replace.
    #[error("refusing to write to {path}: {reason}")]
    Refused {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: &'static str,
    },
    /// A file system operation failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What we were doing.
        action: &'static str,
        /// Where.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> WriteError {
    let path = path.to_path_buf();
    move |source| WriteError::Io { action, path, source }
}

/// Write `output` to `dir`, replacing a previous build there. `content_dir` is the site's
/// `content/`, which the output must neither contain nor sit in.
pub fn write(output: &Output, dir: &Path, content_dir: &Path) -> Result<(), WriteError> {
    let target = absolute(dir)?;
    refuse_unsafe(&target, content_dir)?;
    let parent =
        target.parent().ok_or(WriteError::Refused { path: target.clone(), reason: "it has no parent" })?;
    fs::create_dir_all(parent).map_err(io("cannot create", parent))?;
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = write_tree(output, &staging).and_then(|()| swap_in(&staging, &target, parent, &name));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn absolute(dir: &Path) -> Result<PathBuf, WriteError> {
    let cwd = std::env::current_dir().map_err(io("cannot read the current folder", Path::new(".")))?;
    let joined = cwd.join(dir);
    // Resolve `..` and symlinks of the existing part so the checks below see the real place.
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(existing.file_name().map(|n| n.to_os_string()).unwrap_or_default());
        existing = existing.parent().unwrap_or(Path::new("/"));
    }
    let mut real = fs::canonicalize(existing).map_err(io("cannot resolve", existing))?;
    real.extend(rest.iter().rev());
    Ok(real)
}

fn refuse_unsafe(target: &Path, content_dir: &Path) -> Result<(), WriteError> {
    let refuse = |reason| Err(WriteError::Refused { path: target.to_path_buf(), reason });
    if target.parent().is_none() {
        return refuse("it is the root of the file system");
    }
    if let Ok(content) = fs::canonicalize(content_dir) {
        if content.starts_with(target) {
            return refuse("it contains the content/ folder");
        }
        if target.starts_with(&content) {
            return refuse("it is inside the content/ folder");
        }
    }
    if target.exists() {
        let ours = target.join(MARKER).is_file();
        let empty = fs::read_dir(target).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !ours && !empty {
            return refuse("it exists, is not empty and was not written by sakip-site");
        }
    }
    Ok(())
}

fn write_tree(output: &Output, staging: &Path) -> Result<(), WriteError> {
    if staging.exists() {
        fs::remove_dir_all(staging).map_err(io("cannot clear", staging))?;
    }
    fs::create_dir_all(staging).map_err(io("cannot create", staging))?;
    // Folders first, then files, each on every core; of several failures the first in path
    // order is reported.
    let dirs: BTreeSet<PathBuf> =
        output.files().keys().filter_map(|rel| Some(staging.join(rel).parent()?.to_path_buf())).collect();
    first_error(dirs.par_iter().map(|dir| fs::create_dir_all(dir).map_err(io("cannot create", dir))))?;
    first_error(output.files().par_iter().map(|(rel, bytes)| {
        let path = staging.join(rel);
        fs::write(&path, bytes).map_err(io("cannot write", &path))
    }))?;
    let marker = staging.join(MARKER);
    fs::write(&marker, "This folder is written by sakip-site build and replaced on every build.\n")
        .map_err(io("cannot write", &marker))
}

/// The first error of `results`, in their order.
fn first_error(results: impl ParallelIterator<Item = Result<(), WriteError>>) -> Result<(), WriteError> {
    let results: Vec<Result<(), WriteError>> = results.collect();
    results.into_iter().collect()
}

/// Remove a previous build: its top-level entries in parallel (the indicator pages of each
/// language are most of it), then the folder itself.
fn remove_build(dir: &Path) -> std::io::Result<()> {
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    let results: Vec<std::io::Result<()>> =
        entries
            .par_iter()
            .map(|e| {
                if e.file_type()?.is_dir() { fs::remove_dir_all(e.path()) } else { fs::remove_file(e.path()) }
            })
            .collect();
    results.into_iter().collect::<std::io::Result<()>>()?;
    fs::remove_dir(dir)
}

/// Move the finished build into place; the old build is removed only afterwards.
fn swap_in(staging: &Path, target: &Path, parent: &Path, name: &str) -> Result<(), WriteError> {
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let had_old = target.exists();
    if had_old {
        fs::rename(target, &old).map_err(io("cannot move aside", target))?;
    }
    if let Err(e) = fs::rename(staging, target) {
        if had_old {
            let _ = fs::rename(&old, target);
        }
        return Err(io("cannot move into place", target)(e));
    }
    if had_old {
        remove_build(&old).map_err(io("cannot remove the previous build", &old))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Output {
        let mut out = Output::default();
        out.add("data/a.csv", b"x\n".to_vec());
        out
    }

    #[test]
    fn replaces_its_own_output_and_refuses_foreign_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        fs::create_dir(&content).unwrap();
        let public = tmp.path().join("public");
        write(&sample(), &public, &content).unwrap();
        assert_eq!(fs::read(public.join("data/a.csv")).unwrap(), b"x\n");
        // A second build replaces the first, including files it no longer writes.
        fs::write(public.join("stale.html"), "old").unwrap();
        write(&sample(), &public, &content).unwrap();
        assert!(!public.join("stale.html").exists());
        // A folder we did not create is never replaced.
        let foreign = tmp.path().join("docs");
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("keep.txt"), "mine").unwrap();
        assert!(matches!(write(&sample(), &foreign, &content), Err(WriteError::Refused { .. })));
        assert_eq!(fs::read_to_string(foreign.join("keep.txt")).unwrap(), "mine");
        // Nor the site root (it holds content/), content/ itself, or /.
        assert!(write(&sample(), tmp.path(), &content).is_err());
        assert!(write(&sample(), &content.join("out"), &content).is_err());
        assert!(write(&sample(), Path::new("/"), &content).is_err());
        // No staging folders are left behind.
        let leftovers: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
            .collect();
        assert!(leftovers.is_empty());
    }
}
