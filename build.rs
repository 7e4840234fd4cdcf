//! Embeds the bundled example's `content/` for `sakip-site init`: writes `$OUT_DIR/example.rs`
//! with every file, sorted by path, as `(path relative to content/, bytes)`. Cargo reruns this
//! whenever anything under `content/` changes, so the binary never carries a stale example.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let content = root.join("content");
    println!("cargo:rerun-if-changed=content");
    let mut files = Vec::new();
    collect(&content, &mut files);
    files.sort();
    let mut code = String::from("&[\n");
    for path in &files {
        let rel = path.strip_prefix(&content).expect("a file under content/");
        let rel = rel.to_str().expect("a UTF-8 path").replace('\\', "/");
        writeln!(code, "    ({rel:?}, include_bytes!({:?})),", path.display().to_string())
            .expect("write to a string");
    }
    code.push(']');
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("example.rs");
    std::fs::write(out, code).expect("write example.rs");
}

/// Every regular file below `dir`.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}
