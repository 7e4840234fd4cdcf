//! `sakip-site init`: a new site repository from the bundled example, embedded in the binary,
//! with what an agency's team needs around it: a README for the officers in Indonesian, a GitHub
//! Actions workflow and a GitLab CI file that check every proposed change, comment the figures
//! it moves and publish the site, a `.gitignore` for the build output, and the JSON Schemas of
//! the content files (`schemas/`) tied to them for editors twice over: a
//! `# yaml-language-server: $schema=…` first line in each YAML file and `.vscode/settings.json`.
//!
//! The example keeps `situs.data_contoh: true`, so every page of the new site says its figures
//! are sample data until the agency replaces them.

use std::path::{Path, PathBuf};

use crate::content::keys::{self, File};
use crate::schema;

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
    /// A file stands where the folder should be.
    #[error("{} is a file, not a folder", .0.display())]
    NotAFolder(PathBuf),
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

/// Every file of the new repository: the example's content, then the files around it, the
/// schemas and the editor settings.
fn files() -> Vec<(String, Vec<u8>)> {
    let content = EXAMPLE.iter().map(|(rel, bytes)| (format!("content/{rel}"), with_schema_line(rel, bytes)));
    let version = env!("CARGO_PKG_VERSION");
    let around =
        AROUND.iter().map(|(rel, text)| (rel.to_string(), text.replace("{version}", version).into_bytes()));
    let schemas =
        schema::schemas().into_iter().map(|s| (format!("schemas/{}", s.file_name), s.text.into_bytes()));
    let settings = (".vscode/settings.json".to_string(), vscode_settings().into_bytes());
    content.chain(around).chain(schemas).chain([settings]).collect()
}

/// A YAML file of `content/` (at `rel` inside it) with a first line naming its schema, for the
/// YAML language server; other files unchanged.
fn with_schema_line(rel: &str, bytes: &[u8]) -> Vec<u8> {
    let Some(file) = kind_of(rel).filter(|f| f.path.ends_with(".yaml")) else { return bytes.to_vec() };
    let up = "../".repeat(rel.matches('/').count() + 1);
    let mut out =
        format!("# yaml-language-server: $schema={up}schemas/{}.schema.json\n", file.name).into_bytes();
    out.extend_from_slice(bytes);
    out
}

/// VS Code's settings: each schema with the content files it describes.
fn vscode_settings() -> String {
    let mut map = serde_json::Map::new();
    for file in keys::FILES.iter().filter(|f| f.path.ends_with(".yaml")) {
        let target = format!("content/{}", glob(file));
        map.insert(format!("schemas/{}.schema.json", file.name), serde_json::Value::from(target));
    }
    let settings = serde_json::json!({ "yaml.schemas": map });
    let mut text = serde_json::to_string_pretty(&settings).unwrap_or_default();
    text.push('\n');
    text
}

/// The kind of the content file at `rel` (relative to `content/`).
fn kind_of(rel: &str) -> Option<&'static File> {
    keys::FILES.iter().find(|f| matches(&glob(f), rel))
}

/// A file kind's path as a glob: a year folder and a quarter number are `*`.
fn glob(file: &File) -> String {
    file.path.replace("<tahun>", "*").replace("twN", "tw*")
}

/// Whether `path` matches `glob`, segment by segment; `*` stands for any run of characters
/// within one segment.
fn matches(glob: &str, path: &str) -> bool {
    let (globs, parts): (Vec<&str>, Vec<&str>) = (glob.split('/').collect(), path.split('/').collect());
    globs.len() == parts.len() && globs.iter().zip(&parts).all(|(g, p)| segment_matches(g, p))
}

fn segment_matches(glob: &str, part: &str) -> bool {
    match glob.split_once('*') {
        None => glob == part,
        Some((head, tail)) => {
            part.len() >= head.len() + tail.len() && part.starts_with(head) && part.ends_with(tail)
        }
    }
}

/// A folder that exists and is not empty is refused, as is a file; a missing or empty folder
/// is fine (a missing one is created when the first file is written).
fn refuse_non_empty(dir: &Path) -> Result<(), InitError> {
    if dir.exists() && !dir.is_dir() {
        return Err(InitError::NotAFolder(dir.to_path_buf()));
    }
    let empty = std::fs::read_dir(dir).map_or(true, |mut entries| entries.next().is_none());
    if empty { Ok(()) } else { Err(InitError::NotEmpty(dir.to_path_buf())) }
}
