//! What the swap needs from the operating system beyond `std`: on Linux an atomic exchange of
//! two folders (`renameat2(RENAME_EXCHANGE)`), a lock on a folder (`flock`), whether a folder is
//! the root of a mount and whether a file is immutable or append-only (`statx`), and whether a
//! folder's entries can be removed (`access`). Elsewhere each answers "not supported" or "no",
//! and the swap falls back to two renames (see the module `swap`).

use std::path::Path;

/// A held lock on a folder: released when dropped, or when the process dies.
#[derive(Debug)]
pub struct Lock {
    #[cfg(target_os = "linux")]
    _file: std::fs::File,
}

#[cfg(target_os = "linux")]
mod imp {
    use std::path::Path;

    use rustix::fs::{Access, AtFlags, CWD, FlockOperation, RenameFlags, StatxAttributes, StatxFlags};

    use super::Lock;

    /// Swap `a` and `b` atomically; `Ok(false)` when the file system cannot.
    pub fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
        match rustix::fs::renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => Ok(true),
            Err(e) if [rustix::io::Errno::INVAL, rustix::io::Errno::NOSYS].contains(&e) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Lock `dir` unless another process holds it (`None` then).
    pub fn try_lock(dir: &Path) -> std::io::Result<Option<Lock>> {
        let file = std::fs::File::open(dir)?;
        match rustix::fs::flock(&file, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => Ok(Some(Lock { _file: file })),
            Err(rustix::io::Errno::WOULDBLOCK) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    fn attributes(path: &Path) -> Option<(StatxAttributes, StatxAttributes)> {
        let flags = AtFlags::SYMLINK_NOFOLLOW | AtFlags::NO_AUTOMOUNT;
        let found = rustix::fs::statx(CWD, path, flags, StatxFlags::empty()).ok()?;
        Some((found.stx_attributes, found.stx_attributes_mask))
    }

    /// Whether the kernel says `path` is the root of a mount (a bind mount on the same device
    /// included); `false` when it cannot say.
    pub fn is_mount_root(path: &Path) -> bool {
        attributes(path).is_some_and(|(set, known)| (set & known).contains(StatxAttributes::MOUNT_ROOT))
    }

    /// Whether `path` is immutable or append-only: then neither it nor (for a folder) its
    /// entries can be removed, even by root.
    pub fn is_locked_down(path: &Path) -> bool {
        let fixed = StatxAttributes::IMMUTABLE | StatxAttributes::APPEND;
        attributes(path).is_some_and(|(set, known)| (set & known).intersects(fixed))
    }

    /// Whether this process may list `dir` and remove its entries.
    pub fn may_empty(dir: &Path) -> bool {
        rustix::fs::access(dir, Access::READ_OK | Access::WRITE_OK | Access::EXEC_OK).is_ok()
    }

    /// Die at once, as `kill -9` would (no clean-up, and unlike `abort` no core file). Only the
    /// crash hook of debug builds calls it.
    #[cfg_attr(not(debug_assertions), allow(dead_code))]
    pub fn kill_self() {
        let _ = rustix::process::kill_process(rustix::process::getpid(), rustix::process::Signal::KILL);
        std::process::abort();
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use std::path::Path;

    use super::Lock;

    pub fn exchange(_: &Path, _: &Path) -> std::io::Result<bool> {
        Ok(false)
    }

    pub fn try_lock(_: &Path) -> std::io::Result<Option<Lock>> {
        Ok(Some(Lock {}))
    }

    pub fn is_mount_root(_: &Path) -> bool {
        false
    }

    pub fn is_locked_down(_: &Path) -> bool {
        false
    }

    pub fn may_empty(dir: &Path) -> bool {
        std::fs::metadata(dir).is_ok_and(|m| !m.permissions().readonly())
    }

    #[cfg_attr(not(debug_assertions), allow(dead_code))]
    pub fn kill_self() {
        std::process::abort();
    }
}

#[cfg(debug_assertions)]
pub use imp::kill_self;
pub use imp::{exchange, is_locked_down, is_mount_root, may_empty, try_lock};

/// Whether `dir` is a mount point: on another device than its parent, or a mount root by the
/// kernel's own account.
pub fn is_mount_point(dir: &Path, parent: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let device = |p: &Path| std::fs::symlink_metadata(p).map(|m| m.dev()).ok();
        if device(dir) != device(parent) {
            return true;
        }
    }
    is_mount_root(dir)
}
