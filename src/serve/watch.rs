//! Watching `content/` and `themes/` for changes, and merging a burst of changes into one
//! rebuild.
//!
//! `notify` reports raw events; the debouncing is ours, because what the preview needs is
//! narrow: drop the events that change nothing a build reads (a build opens and reads every
//! file, which is an Access event and, on the first read after a save, an attribute change),
//! wait until the tree has been quiet for [`QUIET`], then rebuild once. The rebuild runs on the
//! watching thread, so the events that arrive during a rebuild wait in the channel and make at
//! most one more rebuild after it, however many there are.
//!
//! The root folder is watched too (not recursively), because the two folders may not exist
//! yet, or be deleted and made again (`git checkout` of an old commit, an editor's refactor):
//! a watch on a folder dies with it, so each folder is armed again whenever an event names the
//! folder itself or it was not armed.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the tree must be quiet before a rebuild. The events of an editor's atomic save or
/// of a `git checkout` of many files come within a few milliseconds of each other; longer
/// would only delay the preview, whose goal is a reload within 100 ms of a save.
pub const QUIET: Duration = Duration::from_millis(50);

/// The folders under the root whose changes rebuild the site.
const WATCHED: [&str; 2] = ["content", "themes"];

/// Why the watch could not start.
#[derive(Debug, thiserror::Error)]
#[error("cannot watch {path} for changes")]
pub struct WatchError {
    /// The folder.
    path: PathBuf,
    /// Why.
    source: notify::Error,
}

/// A watched folder and whether its watch is alive.
struct Folder {
    path: PathBuf,
    armed: bool,
}

/// The armed watch of one site; [`Watch::run`] turns its events into rebuilds.
pub struct Watch {
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    folders: Vec<Folder>,
}

impl Watch {
    /// Start watching the site in `root`. Changes from now on are kept until [`Watch::run`],
    /// so that none is lost while the first build runs.
    pub fn start(root: &Path) -> Result<Watch, WatchError> {
        let failed = |source| WatchError { path: root.to_path_buf(), source };
        let (sender, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            // The receiver only goes away with the watch, and the watcher with it.
            let _ = sender.send(event);
        })
        .map_err(failed)?;
        watcher.watch(root, RecursiveMode::NonRecursive).map_err(failed)?;
        let mut folders: Vec<Folder> =
            WATCHED.iter().map(|name| Folder { path: root.join(name), armed: false }).collect();
        arm(&mut watcher, &mut folders, &[]);
        Ok(Watch { watcher, events, folders })
    }

    /// Call `rebuild` once after each burst of changes, forever (on this thread: give it one
    /// of its own).
    pub fn run(mut self, mut rebuild: impl FnMut()) {
        while let Some(touched) = next_burst(&self.events, &self.folders) {
            arm(&mut self.watcher, &mut self.folders, &touched);
            rebuild();
        }
    }
}

/// Wait for a change that matters, then for the quiet after it; the paths of the burst, or
/// none when the watcher has gone.
fn next_burst(events: &Receiver<notify::Result<Event>>, folders: &[Folder]) -> Option<Vec<PathBuf>> {
    let mut touched = Vec::new();
    loop {
        let event = events.recv().ok()?;
        if relevant(&event, folders, &mut touched) {
            break;
        }
    }
    loop {
        match events.recv_timeout(QUIET) {
            Ok(event) => {
                relevant(&event, folders, &mut touched);
            }
            Err(RecvTimeoutError::Timeout) => return Some(touched),
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

/// Whether `event` can change the site; its paths go to `touched`. An error of the watcher
/// (a lost event, an overflowing queue) counts as a change, so a rebuild catches up.
fn relevant(event: &notify::Result<Event>, folders: &[Folder], touched: &mut Vec<PathBuf>) -> bool {
    let Ok(event) = event else { return true };
    if matches!(event.kind, EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))) {
        return false;
    }
    let inside = |path: &PathBuf| folders.iter().any(|f| path.starts_with(&f.path));
    let mine: Vec<&PathBuf> = event.paths.iter().filter(|p| inside(p)).collect();
    touched.extend(mine.iter().map(|p| (*p).clone()));
    !mine.is_empty() || event.need_rescan()
}

/// Arm each folder that exists and is not armed, or that the burst named itself (it may have
/// been deleted and made again in between).
fn arm(watcher: &mut RecommendedWatcher, folders: &mut [Folder], touched: &[PathBuf]) {
    for folder in folders {
        let renewed = touched.iter().any(|p| p == &folder.path);
        if folder.armed && !renewed {
            continue;
        }
        // A watch that died with its folder is already gone: nothing to report.
        let _ = watcher.unwatch(&folder.path);
        folder.armed = folder.path.is_dir() && watcher.watch(&folder.path, RecursiveMode::Recursive).is_ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, DataChange};

    fn event(kind: EventKind, path: &str) -> notify::Result<Event> {
        Ok(Event::new(kind).add_path(PathBuf::from(path)))
    }

    #[test]
    fn reads_and_files_outside_the_two_folders_change_nothing() {
        let folders: Vec<Folder> =
            WATCHED.iter().map(|n| Folder { path: Path::new("/site").join(n), armed: true }).collect();
        let mut touched = Vec::new();
        let edit = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        assert!(!relevant(
            &event(EventKind::Access(AccessKind::Any), "/site/content/a.yaml"),
            &folders,
            &mut touched
        ));
        let attributes = EventKind::Modify(ModifyKind::Metadata(notify::event::MetadataKind::Any));
        assert!(!relevant(&event(attributes, "/site/content/a.yaml"), &folders, &mut touched));
        assert!(!relevant(&event(edit, "/site/public/index.html"), &folders, &mut touched));
        assert!(!relevant(&event(edit, "/site/contents.txt"), &folders, &mut touched));
        assert!(touched.is_empty());
        assert!(relevant(&event(edit, "/site/content/2023/realisasi/tw1.yaml"), &folders, &mut touched));
        assert!(relevant(
            &event(EventKind::Create(CreateKind::Folder), "/site/themes"),
            &folders,
            &mut touched
        ));
        assert!(relevant(&Err(notify::Error::generic("queue overflow")), &folders, &mut touched));
        assert_eq!(
            touched,
            [PathBuf::from("/site/content/2023/realisasi/tw1.yaml"), PathBuf::from("/site/themes")]
        );
    }
}
