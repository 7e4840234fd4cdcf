//! The marker file that proves a folder was written by sakip-site. A finished build's marker
//! lists every file of the build with its size, so a folder is replaced only when it holds
//! nothing else: the marker copied along with foreign files, or a file added by hand, makes
//! the build refuse before it touches anything. A folder being written has a marker that says
//! so (and no list), which is how a later build recognises what a killed one left behind.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::sys;

/// Name of the marker file that says a folder was written by sakip-site.
pub const MARKER: &str = ".sakip-site-output";

const WRITTEN_BY: &str = "sakip-site";
const NOTE: &str = "This folder is written by sakip-site build and replaced on every build.";

/// Whether the folder is finished or still being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// A build is (or was, when killed) writing it.
    Staging,
    /// A finished build: `files` lists every file.
    Complete,
}

/// The marker's contents.
#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    written_by: String,
    note: String,
    state: State,
    /// Every file but the marker, by path with `/`, with its size in bytes.
    files: BTreeMap<String, u64>,
}

/// Write the marker of `dir`: `files` is empty for a staging folder.
pub fn write(dir: &Path, state: State, files: &BTreeMap<String, u64>) -> std::io::Result<()> {
    let marker = Marker { written_by: WRITTEN_BY.into(), note: NOTE.into(), state, files: files.clone() };
    let mut text = serde_json::to_string_pretty(&marker).map_err(std::io::Error::other)?;
    text.push('\n');
    fs::write(dir.join(MARKER), text)
}

/// The state the marker of `dir` records, if `dir` has a marker of ours.
pub fn state(dir: &Path) -> Option<State> {
    read(dir).ok().map(|m| m.state)
}

/// The files a finished build in `dir` lists, with their sizes; `None` when `dir` is not one.
pub fn files(dir: &Path) -> Option<BTreeMap<String, u64>> {
    read(dir).ok().filter(|m| m.state == State::Complete).map(|m| m.files)
}

fn read(dir: &Path) -> Result<Marker, String> {
    let path = dir.join(MARKER);
    if !fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        return Err("it has no .sakip-site-output marker, so it was not written by sakip-site".into());
    }
    let text = fs::read_to_string(&path).map_err(|e| format!("its marker cannot be read: {e}"))?;
    match serde_json::from_str::<Marker>(&text) {
        Ok(marker) if marker.written_by == WRITTEN_BY => Ok(marker),
        _ => Err("its .sakip-site-output marker does not list the files of a build (an older \
                  sakip-site wrote it, or it is not ours): delete the folder once and build again"
            .into()),
    }
}

/// Check that `dir` is a finished build that can be removed as a whole: its marker lists every
/// file in it, at its size; it holds no link or other special file; and nothing in it is
/// immutable or in a folder this process may not change. The reason, naming the file, if not.
pub fn verify(dir: &Path) -> Result<(), String> {
    let marker = read(dir)?;
    if marker.state != State::Complete {
        return Err("its marker says a build was still writing it".into());
    }
    removable(dir, "")?;
    walk(dir, "", &marker.files)
}

/// Whether `dir` (shown as `rel`) itself can be emptied.
fn removable(dir: &Path, rel: &str) -> Result<(), String> {
    let shown = if rel.is_empty() { ".".to_string() } else { format!("`{rel}`") };
    if sys::is_locked_down(dir) {
        return Err(format!(
            "the folder {shown} in it is immutable or append-only (see chattr), so the previous build cannot be removed"
        ));
    }
    if !sys::may_empty(dir) {
        return Err(format!(
            "the folder {shown} in it may not be changed by this user, so the previous build cannot be removed"
        ));
    }
    Ok(())
}

fn walk(dir: &Path, prefix: &str, files: &BTreeMap<String, u64>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{} cannot be read: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{} cannot be read: {e}", dir.display()))?;
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            return Err(format!(
                "it holds `{}`, a name sakip-site never writes",
                entry.file_name().to_string_lossy()
            ));
        };
        let rel = format!("{prefix}{name}");
        if rel == MARKER {
            continue;
        }
        let path = entry.path();
        let meta = fs::symlink_metadata(&path).map_err(|e| format!("`{rel}` cannot be read: {e}"))?;
        if meta.is_dir() {
            removable(&path, &rel)?;
            walk(&path, &format!("{rel}/"), files)?;
        } else if !meta.is_file() || files.get(&rel) != Some(&meta.len()) {
            return Err(format!(
                "`{rel}` in it is not a file of the build its .sakip-site-output marker lists \
                 (added or changed by hand, or the marker was copied along with other files): \
                 move it away, or build into another --output"
            ));
        } else if sys::is_locked_down(&path) {
            return Err(format!(
                "`{rel}` in it is immutable or append-only (see chattr), so the previous build cannot be removed"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_ours_only_when_its_marker_lists_everything_in_it() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        fs::create_dir(dir.join("data")).unwrap();
        fs::write(dir.join("data/a.csv"), "x\n").unwrap();
        assert!(verify(dir).unwrap_err().contains("no .sakip-site-output marker"));
        write(dir, State::Staging, &BTreeMap::new()).unwrap();
        assert_eq!(state(dir), Some(State::Staging));
        assert!(verify(dir).unwrap_err().contains("still writing"));
        // "x\n" is 2 bytes.
        let files = BTreeMap::from([("data/a.csv".to_string(), 2)]);
        write(dir, State::Complete, &files).unwrap();
        assert_eq!(verify(dir), Ok(()));
        // A file it does not list, or a listed file of another size, is foreign.
        fs::write(dir.join("mine.txt"), "mine").unwrap();
        assert!(verify(dir).unwrap_err().contains("`mine.txt`"));
        fs::remove_file(dir.join("mine.txt")).unwrap();
        fs::write(dir.join("data/a.csv"), "xyz\n").unwrap();
        assert!(verify(dir).unwrap_err().contains("`data/a.csv`"));
        // The marker of an older sakip-site (one line of text) lists nothing.
        fs::write(dir.join(MARKER), "This folder is written by sakip-site build.\n").unwrap();
        assert!(verify(dir).unwrap_err().contains("older sakip-site"));
        assert_eq!(state(dir), None);
    }
}
