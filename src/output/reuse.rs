//! Rebuilding without rewriting: a file of the new build whose bytes are those of the same
//! path in the build being replaced is hard-linked from the old build into the staging folder.
//! The old build stays untouched and complete until the atomic swap, so a reader still never
//! sees a half-written site; after the swap the unchanged files are the very same inodes, with
//! their modification times, and removing the old build only drops its second names for them.
//! Stale files (pages of an indicator that is gone) were never linked, so they leave with the
//! old build.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::marker;

/// A finished build of ours at the output folder, with the files its marker lists.
#[derive(Debug)]
pub struct Previous {
    dir: PathBuf,
    files: BTreeMap<String, u64>,
}

impl Previous {
    /// The build at `dir`, if there is a finished one of ours (the caller has verified that
    /// it holds exactly what its marker lists).
    pub fn of(dir: &Path) -> Option<Previous> {
        marker::files(dir).filter(|f| !f.is_empty()).map(|files| Previous { dir: dir.to_path_buf(), files })
    }

    /// The old file at `path` when the old build lists it at `size` bytes.
    fn candidate(&self, path: &str, size: u64) -> Option<PathBuf> {
        (self.files.get(path) == Some(&size)).then(|| self.dir.join(path))
    }

    /// Link the old file at `path` to `to` when its bytes are `bytes`; false (nothing done)
    /// when they differ, or anything fails, so that the caller writes the file.
    pub fn link_if_same(&self, path: &str, bytes: &[u8], to: &Path) -> bool {
        let Some(old) = self.candidate(path, bytes.len() as u64) else { return false };
        fs::read(&old).is_ok_and(|b| b == bytes) && fs::hard_link(&old, to).is_ok()
    }

    /// Link the old file at `path` to `to` when its bytes are those of `source` (read to the
    /// end only when they are); its size when linked, `None` otherwise. `source` is left at its
    /// start so that the caller can copy it.
    pub fn link_if_same_file(&self, path: &str, mut source: &fs::File, to: &Path) -> Option<u64> {
        use std::io::Seek;
        let size = source.metadata().ok()?.len();
        let old = self.candidate(path, size)?;
        let same = fs::File::open(&old).is_ok_and(|o| same_bytes(source, o));
        source.rewind().ok()?;
        (same && fs::hard_link(&old, to).is_ok()).then_some(size)
    }
}

/// Whether two readers give the same bytes, compared a block at a time.
fn same_bytes(mut a: impl Read, mut b: impl Read) -> bool {
    let (mut x, mut y) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let Ok(n) = read_full(&mut a, &mut x) else { return false };
        let Ok(m) = read_full(&mut b, &mut y) else { return false };
        if n != m || x[..n] != y[..m] {
            return false;
        }
        if n == 0 {
            return true;
        }
    }
}

/// Fill `buf` as far as the reader goes; the count read (less than the buffer only at the end).
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_compare_by_content() {
        let long: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut other = long.clone();
        other[150_000] ^= 1;
        assert!(same_bytes(&long[..], &long[..]));
        assert!(!same_bytes(&long[..], &other[..]));
        assert!(!same_bytes(&long[..], &long[..199_999]));
        assert!(same_bytes(&b""[..], &b""[..]));
    }
}
