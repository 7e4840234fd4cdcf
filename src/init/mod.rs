//! `sakip-site init`: a new site repository from the bundled example, embedded in the binary,
//! with what an agency's team needs around it: a README for the officers in Indonesian, a GitHub
//! Actions workflow and a GitLab CI file that check every proposed change, comment the figures
//! it moves and publish the site, and a `.gitignore` for the build output.
//!
//! The example keeps `situs.data_contoh: true`, so every page of the new site says its figures
//! are sample data until the agency replaces them.

use std::path::{Path, PathBuf};

/// The bundled example's `content/`: (path relative to `content/`, bytes), sorted by path.
static EXAMPLE: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/example.rs"));

/// The files around the content, by path in the new repository; `{version}` is this binary's
/// version, so the workflows install the same `sakip-site`.
const AROUND: &[(&str, &str)] = &[
    ("README.md", include_str!("README.md")),
    (".github/workflows/sakip.yml", include_str!("github-workflow.yml")),
    (".gitlab-ci.yml", include_str!("gitlab-ci.yml")),
    (".gitignore", "/public/\n"),
];

/// Why `init` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The folder exists and holds something.
    #[error("{} is not empty; init writes only into a new or empty folder", .0.display())]
    NotEmpty(PathBuf),
    /// A file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Write a new site repository into `dir` (created when missing, refused when not empty);
/// returns the files written, relative to `dir`.
pub fn init(dir: &Path) -> Result<Vec<String>, InitError> {
    refuse_non_empty(dir)?;
    let mut written = Vec::new();
    for (rel, bytes) in files() {
        let path = dir.join(&rel);
        let parent = path.parent().unwrap_or(dir);
        std::fs::create_dir_all(parent)
            .and_then(|()| std::fs::write(&path, &bytes))
            .map_err(|source| InitError::Write { path: path.clone(), source })?;
        written.push(rel);
    }
    Ok(written)
}

/// Every file of the new repository: the example's content, then the files around it.
fn files() -> Vec<(String, Vec<u8>)> {
    let content = EXAMPLE.iter().map(|(rel, bytes)| (format!("content/{rel}"), bytes.to_vec()));
    let version = env!("CARGO_PKG_VERSION");
    let around =
        AROUND.iter().map(|(rel, text)| (rel.to_string(), text.replace("{version}", version).into_bytes()));
    content.chain(around).collect()
}

/// A folder that exists and is not empty is refused, as is a file; a missing or empty folder
/// is fine (a missing one is created when the first file is written).
fn refuse_non_empty(dir: &Path) -> Result<(), InitError> {
    let empty = match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(_) => !dir.exists(),
    };
    if empty { Ok(()) } else { Err(InitError::NotEmpty(dir.to_path_buf())) }
}
