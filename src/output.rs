//! The last stage: where the files of a build go. A [`Sink`] takes each file as it is rendered,
//! from every core; [`Output`] writes them to disk, [`Memory`] keeps them for a live preview.
//!
//! On disk a failed build never leaves a half-written site: the files go into a staging folder,
//! a hidden sibling of the output folder, which is swapped into place only when the whole build
//! succeeded and removed otherwise; a build killed at any point leaves the old or the new site
//! complete, and the next build cleans up after it (`swap`). We only ever replace a folder whose
//! marker lists everything in it (`marker`), and refuse, before touching anything, output
//! folders that hold `content/`, are `/` or a mount point, or hold a file that cannot be
//! removed. Pages go to disk the moment they are rendered, so a site of thousands of pages is
//! never held in memory.
//!
//! A rebuild writes only what changed: a file whose bytes are those of the same file in the
//! build being replaced is hard-linked from it into the staging folder instead of written
//! again (`reuse`), so it keeps its inode and modification time; a file the new build no longer
//! has is simply not in the staging folder, and goes with the old build.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

mod marker;
mod reuse;
mod swap;
mod sys;

pub use marker::MARKER;

/// Where the files of a build go.
pub trait Sink: Sync {
    /// Add a file (path relative to the site's root, `/` separators). Called from several
    /// threads at once; a sink that can fail keeps the failure and reports it when the build is
    /// finished, so that rendering never stops half-way on one file.
    fn add(&self, path: &str, bytes: &[u8]);

    /// Add a copy of the file `source` at `path`: evidence, which may be large, so a disk sink
    /// streams it and never holds it whole. A failure to read `source` is returned (it is the
    /// content's problem); a failure to write is kept like [`Sink::add`]'s.
    fn add_copy(&self, path: &str, source: &Path) -> std::io::Result<()> {
        self.add(path, &fs::read(source)?);
        Ok(())
    }
}

/// The output of one build, being written. Shared by the threads that render.
#[derive(Debug)]
pub struct Output {
    staging: PathBuf,
    target: PathBuf,
    /// Every file written, with its size: the finished build's marker lists them.
    files: Mutex<BTreeMap<String, u64>>,
    /// The permissions of the output folder being replaced, given to the new one.
    permissions: Option<fs::Permissions>,
    /// The build being replaced, whose unchanged files the new one links instead of writing.
    previous: Option<reuse::Previous>,
    /// Held while the staging folder is written, so no other build sweeps it away.
    _lock: sys::Lock,
    /// The first write error, reported by [`Output::commit`].
    error: Mutex<Option<WriteError>>,
}

impl Output {
    /// Prepare to write a build to `dir`, replacing a previous build there. `content_dir` is
    /// the site's `content/`, which the output must neither contain nor sit in. Everything that
    /// would stop the swap is checked first, before anything is changed; then what earlier,
    /// killed builds left beside `dir` is put back or removed.
    pub fn create(dir: &Path, content_dir: &Path) -> Result<Output, WriteError> {
        let target = absolute(dir)?;
        refuse_unsafe(&target, content_dir)?;
        let parent = target
            .parent()
            .ok_or(WriteError::Refused { path: target.clone(), reason: "it has no parent".into() })?;
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        fs::create_dir_all(parent).map_err(io("cannot create", parent))?;
        swap::recover(parent, &name, &target)?;
        let permissions = inspect(&target, parent)?;
        let previous = reuse::Previous::of(&target);
        swap::sweep(parent, &name)?;
        let staging = swap::staging(parent, &name);
        // What is left at this name after the sweep does not carry our marker: not ours to remove.
        fs::create_dir(&staging).map_err(io("cannot create the staging folder", &staging))?;
        let lock = sys::try_lock(&staging)
            .ok()
            .flatten()
            .ok_or(WriteError::Refused { path: staging.clone(), reason: "another build holds it".into() })?;
        marker::write(&staging, marker::State::Staging, &BTreeMap::new())
            .map_err(io("cannot write", &staging.join(MARKER)))?;
        let files = Mutex::new(BTreeMap::new());
        let error = Mutex::new(None);
        Ok(Output { staging, target, files, permissions, previous, _lock: lock, error })
    }

    /// Move the finished build into place and return how many files it has.
    pub fn commit(self) -> Result<usize, WriteError> {
        let pending = self.error.lock().ok().and_then(|mut e| e.take());
        let result = match pending {
            Some(e) => Err(e),
            None => self.finish(),
        };
        if result.is_err() {
            let _ = swap::remove_build(&self.staging);
        }
        result.map(|()| self.written().len())
    }

    fn finish(&self) -> Result<(), WriteError> {
        marker::write(&self.staging, marker::State::Complete, &self.written())
            .map_err(io("cannot write", &self.staging.join(MARKER)))?;
        if let Some(permissions) = &self.permissions {
            fs::set_permissions(&self.staging, permissions.clone())
                .map_err(io("cannot set the permissions of", &self.staging))?;
        }
        let parent = self.target.parent().unwrap_or(Path::new("/"));
        let name = self.target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        swap::swap_in(&self.staging, &self.target, parent, &name)
    }

    fn written(&self) -> MutexGuard<'_, BTreeMap<String, u64>> {
        // An insert is one step, so a thread that panicked left the map whole.
        self.files.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Give up: remove everything written so far; the previous build stays as it was.
    pub fn abandon(self) {
        let _ = swap::remove_build(&self.staging);
    }
}

impl Output {
    /// Create the folder of `path` in the staging folder and write the file with `write`
    /// (which returns its size); list it, or keep the first failure for [`Output::commit`].
    fn write_with(&self, path: &str, write: impl FnOnce(&Path) -> Result<u64, WriteError>) {
        let file = self.staging.join(path);
        let result = file
            .parent()
            .map_or(Ok(()), |dir| fs::create_dir_all(dir).map_err(io("cannot create", dir)))
            .and_then(|()| write(&file));
        match result {
            Ok(size) => {
                self.written().insert(path.to_string(), size);
            }
            Err(e) => {
                if let Ok(mut first) = self.error.lock() {
                    first.get_or_insert(e);
                }
            }
        }
    }
}

/// Writes each file into the staging folder; the first failure is kept and reported by
/// [`Output::commit`].
impl Sink for Output {
    fn add(&self, path: &str, bytes: &[u8]) {
        self.write_with(path, |file| {
            if self.previous.as_ref().is_some_and(|p| p.link_if_same(path, bytes, file)) {
                return Ok(bytes.len() as u64);
            }
            fs::write(file, bytes).map(|()| bytes.len() as u64).map_err(io("cannot write", file))
        });
    }

    /// Streams the copy (`io::copy` uses the kernel's copy where it can). A new file gets the
    /// usual permissions, not the source's (no execute or set-user-id bit is carried over).
    fn add_copy(&self, path: &str, source: &Path) -> std::io::Result<()> {
        let mut from = fs::File::open(source)?;
        self.write_with(path, |file| {
            if let Some(size) = self.previous.as_ref().and_then(|p| p.link_if_same_file(path, &from, file)) {
                return Ok(size);
            }
            let mut to = fs::File::create(file).map_err(io("cannot write", file))?;
            std::io::copy(&mut from, &mut to).map_err(io("cannot copy into", file))
        });
        Ok(())
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
        reason: String,
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
    let refuse =
        |reason: &str| Err(WriteError::Refused { path: target.to_path_buf(), reason: reason.into() });
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
    Ok(())
}

/// Check that an existing output folder can be replaced as a whole: a folder, not a mount
/// point, empty or holding exactly a build of ours that can be removed. Its permissions, which
/// the new build keeps.
fn inspect(target: &Path, parent: &Path) -> Result<Option<fs::Permissions>, WriteError> {
    let refuse = |reason: String| WriteError::Refused { path: target.to_path_buf(), reason };
    let Ok(meta) = fs::symlink_metadata(target) else { return Ok(None) };
    if !meta.is_dir() {
        return Err(refuse("it exists and is not a folder".into()));
    }
    if sys::is_mount_point(target, parent) {
        return Err(refuse(
            "it is a mount point, and sakip-site replaces the output folder as a whole: build \
             into a folder inside it, or mount its parent instead"
                .into(),
        ));
    }
    let empty = fs::read_dir(target).map(|mut d| d.next().is_none()).unwrap_or(false);
    if !empty {
        marker::verify(target).map_err(refuse)?;
    }
    Ok(Some(meta.permissions()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(dir: &Path, content: &Path) -> Result<usize, WriteError> {
        build_files(dir, content, &["data/a.csv"])
    }

    fn build_files(dir: &Path, content: &Path, files: &[&str]) -> Result<usize, WriteError> {
        let out = Output::create(dir, content)?;
        for file in files {
            out.add(file, b"x\n");
        }
        out.commit()
    }

    #[test]
    fn replaces_its_own_output_and_refuses_foreign_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        fs::create_dir(&content).unwrap();
        let public = tmp.path().join("public");
        assert_eq!(build_files(&public, &content, &["data/a.csv", "stale.html"]).unwrap(), 2);
        assert_eq!(fs::read(public.join("data/a.csv")).unwrap(), b"x\n");
        // A second build replaces the first, including files it no longer writes.
        assert_eq!(build(&public, &content).unwrap(), 1);
        assert!(!public.join("stale.html").exists());
        // A file it did not write stops it, and stays.
        fs::write(public.join("mine.html"), "mine").unwrap();
        assert!(matches!(build(&public, &content), Err(WriteError::Refused { .. })));
        fs::remove_file(public.join("mine.html")).unwrap();
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
