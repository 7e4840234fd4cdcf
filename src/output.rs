//! The last stage: where the files of a build go. A [`Sink`] takes each file as it is rendered,
//! from every core; [`Output`] writes them to disk, [`Memory`] keeps them for a live preview.
//!
//! On disk a failed build never leaves a half-written site: the files go into a staging folder,
//! a hidden sibling of the output folder, which is swapped into place only when the whole build
//! succeeded and removed otherwise. We only ever replace a folder that carries our marker file,
//! and refuse output folders that hold `content/` or are `/`. Pages go to disk the moment they
//! are rendered, so a site of thousands of pages is never held in memory.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use rayon::prelude::*;

/// Name of the marker file that says a folder was written by sakip-site.
pub const MARKER: &str = ".sakip-site-output";

/// Where the files of a build go.
pub trait Sink: Sync {
    /// Add a file (path relative to the site's root, `/` separators). Called from several
    /// threads at once; a sink that can fail keeps the failure and reports it when the build is
    /// finished, so that rendering never stops half-way on one file.
    fn add(&self, path: &str, bytes: &[u8]);
}

/// The output of one build, being written. Shared by the threads that render.
#[derive(Debug)]
pub struct Output {
    staging: PathBuf,
    target: PathBuf,
    files: AtomicUsize,
    /// The first write error, reported by [`Output::commit`].
    error: Mutex<Option<WriteError>>,
}

impl Output {
    /// Prepare to write a build to `dir`, replacing a previous build there. `content_dir` is
    /// the site's `content/`, which the output must neither contain nor sit in.
    pub fn create(dir: &Path, content_dir: &Path) -> Result<Output, WriteError> {
        let target = absolute(dir)?;
        refuse_unsafe(&target, content_dir)?;
        let parent = target
            .parent()
            .ok_or(WriteError::Refused { path: target.clone(), reason: "it has no parent" })?;
        fs::create_dir_all(parent).map_err(io("cannot create", parent))?;
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(io("cannot clear", &staging))?;
        }
        fs::create_dir_all(&staging).map_err(io("cannot create", &staging))?;
        Ok(Output { staging, target, files: AtomicUsize::new(0), error: Mutex::new(None) })
    }

    /// Move the finished build into place and return how many files it has.
    pub fn commit(self) -> Result<usize, WriteError> {
        let pending = self.error.lock().ok().and_then(|mut e| e.take());
        let result = match pending {
            Some(e) => Err(e),
            None => self.finish(),
        };
        if result.is_err() {
            let _ = fs::remove_dir_all(&self.staging);
        }
        result.map(|()| self.files.load(Ordering::Relaxed))
    }

    fn finish(&self) -> Result<(), WriteError> {
        let marker = self.staging.join(MARKER);
        fs::write(&marker, "This folder is written by sakip-site build and replaced on every build.\n")
            .map_err(io("cannot write", &marker))?;
        let parent = self.target.parent().unwrap_or(Path::new("/"));
        let name = self.target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        swap_in(&self.staging, &self.target, parent, &name)
    }

    /// Give up: remove everything written so far; the previous build stays as it was.
    pub fn abandon(self) {
        let _ = fs::remove_dir_all(&self.staging);
    }
}

/// Writes each file into the staging folder; the first failure is kept and reported by
/// [`Output::commit`].
impl Sink for Output {
    fn add(&self, path: &str, bytes: &[u8]) {
        let file = self.staging.join(path);
        let result = file
            .parent()
            .map_or(Ok(()), |dir| fs::create_dir_all(dir).map_err(io("cannot create", dir)))
            .and_then(|()| fs::write(&file, bytes).map_err(io("cannot write", &file)));
        match result {
            Ok(()) => {
                self.files.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => {
                if let Ok(mut first) = self.error.lock() {
                    first.get_or_insert(e);
                }
            }
        }
    }
}

/// Files of a build by path (`index.html`, `indikator/iku-1/index.html`, `bukti/…`).
pub type Files = BTreeMap<String, Vec<u8>>;

/// The files of a build kept in memory, for a live preview: nothing touches the disk, and
/// adding cannot fail.
#[derive(Debug, Default)]
pub struct Memory {
    files: Mutex<Files>,
}

impl Memory {
    /// The bytes added at `path`.
    pub fn get(&self, path: &str) -> Option<Vec<u8>> {
        self.files().get(path).cloned()
    }

    /// Every path added, in order.
    pub fn paths(&self) -> Vec<String> {
        self.files().keys().cloned().collect()
    }

    /// Every file added, by path: what a preview serves once the build is complete.
    pub fn into_files(self) -> Files {
        self.files.into_inner().unwrap_or_else(PoisonError::into_inner)
    }

    fn files(&self) -> MutexGuard<'_, Files> {
        // A thread that panicked while holding the lock cannot have left the map half-changed
        // (an insert is one step), so the map is still good to read.
        self.files.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Sink for Memory {
    fn add(&self, path: &str, bytes: &[u8]) {
        // Copy before taking the lock: every core adds pages at once.
        let (path, bytes) = (path.to_string(), bytes.to_vec());
        self.files().insert(path, bytes);
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

    fn build(dir: &Path, content: &Path) -> Result<usize, WriteError> {
        let out = Output::create(dir, content)?;
        out.add("data/a.csv", b"x\n");
        out.commit()
    }

    #[test]
    fn replaces_its_own_output_and_refuses_foreign_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        fs::create_dir(&content).unwrap();
        let public = tmp.path().join("public");
        assert_eq!(build(&public, &content).unwrap(), 1);
        assert_eq!(fs::read(public.join("data/a.csv")).unwrap(), b"x\n");
        // A second build replaces the first, including files it no longer writes.
        fs::write(public.join("stale.html"), "old").unwrap();
        build(&public, &content).unwrap();
        assert!(!public.join("stale.html").exists());
        // A folder we did not create is never replaced.
        let foreign = tmp.path().join("docs");
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("keep.txt"), "mine").unwrap();
        assert!(matches!(build(&foreign, &content), Err(WriteError::Refused { .. })));
        assert_eq!(fs::read_to_string(foreign.join("keep.txt")).unwrap(), "mine");
        // Nor the site root (it holds content/), content/ itself, or /.
        assert!(build(tmp.path(), &content).is_err());
        assert!(build(&content.join("out"), &content).is_err());
        assert!(build(Path::new("/"), &content).is_err());
        // An abandoned build leaves the previous one as it was, and no staging folder.
        let out = Output::create(&public, &content).unwrap();
        out.add("data/a.csv", b"half-written\n");
        out.abandon();
        assert_eq!(fs::read(public.join("data/a.csv")).unwrap(), b"x\n");
        let leftovers: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn memory_keeps_what_every_thread_added() {
        let memory = Memory::default();
        rayon::scope(|s| {
            for i in 0..8 {
                let memory = &memory;
                s.spawn(move |_| memory.add(&format!("p/{i}.html"), i.to_string().as_bytes()));
            }
        });
        memory.add("p/0.html", b"again");
        assert_eq!(memory.paths().len(), 8);
        assert_eq!(memory.paths()[1], "p/1.html");
        assert_eq!(memory.get("p/7.html").as_deref(), Some(&b"7"[..]));
        assert_eq!(memory.get("p/0.html").as_deref(), Some(&b"again"[..]));
        assert_eq!(memory.get("p/8.html"), None);
        assert_eq!(memory.into_files().len(), 8);
    }
}
