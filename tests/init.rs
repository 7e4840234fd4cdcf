//! `sakip-site init` (issue 11, item 3): the new repository holds the bundled example exactly,
//! checks and builds, and carries a README for officers and CI files that run the checks, comment
//! the moved figures and publish the site; a folder that is not empty is refused.

mod common;

use std::path::Path;

use common::{Site, crate_dir, run_in};
use yaml_rust2::{Yaml, YamlLoader};

/// `init NEW` inside an empty temporary folder; the folder and the new repository's path.
fn init() -> (Site, std::path::PathBuf) {
    let site = Site::empty();
    let dir = site.path("baru");
    let run = run_in(site.root(), &["init", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (site, dir)
}

/// Every file below `dir`, relative to it, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

fn yaml(path: &Path) -> Yaml {
    let text = std::fs::read_to_string(path).unwrap();
    YamlLoader::load_from_str(&text).unwrap().remove(0)
}

/// Every `run:` / `script:` command and `uses:` action of a CI file, as text.
fn commands(doc: &Yaml) -> String {
    let mut out = String::new();
    match doc {
        Yaml::Hash(map) => {
            for (k, v) in map {
                if matches!(k.as_str(), Some("run" | "uses")) {
                    out.push_str(v.as_str().unwrap_or_default());
                    out.push('\n');
                }
                out.push_str(&commands(v));
            }
        }
        Yaml::Array(items) => {
            for item in items {
                match item.as_str() {
                    Some(line) => out.push_str(&format!("{line}\n")),
                    None => out.push_str(&commands(item)),
                }
            }
        }
        _ => {}
    }
    out
}

#[test]
fn the_new_site_is_the_bundled_example_and_it_checks_and_builds() {
    let (_site, dir) = init();
    let example = crate_dir().join("content");
    let embedded = files(&dir.join("content"));
    assert_eq!(embedded, files(&example), "the embedded example has every file of content/");
    for rel in &embedded {
        let written = std::fs::read(dir.join("content").join(rel)).unwrap();
        let bundled = std::fs::read(example.join(rel)).unwrap();
        if !rel.ends_with(".yaml") {
            assert_eq!(written, bundled, "content/{rel} differs from the bundled example");
            continue;
        }
        // A YAML file is the bundled one under a first line naming its schema, which exists.
        let text = String::from_utf8(written).unwrap();
        let (first, rest) = text.split_once('\n').unwrap();
        assert_eq!(rest.as_bytes(), bundled, "content/{rel} differs from the bundled example");
        let schema = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{rel}: {first}"));
        let at = dir.join("content").join(rel).parent().unwrap().join(schema);
        assert!(at.is_file(), "content/{rel} names {schema}, which is not there");
    }
    let sakip = std::fs::read_to_string(dir.join("content/sakip.yaml")).unwrap();
    assert!(sakip.contains("data_contoh: true"), "the sample-data banner stays on");

    let check = run_in(&dir, &["check", "--as-of", common::AS_OF]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let out = dir.join("public");
    let build = run_in(&dir, &["build", "--as-of", common::AS_OF, "--output", out.to_str().unwrap()]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(out.join("indikator/iku-1/index.html").is_file());
}

#[test]
fn readme_and_ci_files_guide_the_officers_and_check_every_change() {
    let (_site, dir) = init();
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    for words in ["sakip-site serve", "sakip-site check", "pull request", "merge request", "data_contoh"] {
        assert!(readme.contains(words), "the README explains `{words}`");
    }
    assert_eq!(std::fs::read_to_string(dir.join(".gitignore")).unwrap(), "/public/\n");
    let settings: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(".vscode/settings.json")).unwrap()).unwrap();
    let schemas = settings["yaml.schemas"].as_object().unwrap();
    assert_eq!(schemas["schemas/realisasi.schema.json"], "content/*/realisasi/tw*.yaml");
    for schema in schemas.keys() {
        assert!(dir.join(schema).is_file(), "{schema} is mapped but not written");
    }

    let github = commands(&yaml(&dir.join(".github/workflows/sakip.yml")));
    let version = format!("cargo install sakip-site --locked --version {}", env!("CARGO_PKG_VERSION"));
    for step in [
        version.as_str(),
        "sakip-site check --format github",
        "sakip-site build --output public",
        "sakip-site diff",
        "gh pr comment",
        "actions/deploy-pages",
    ] {
        assert!(github.contains(step), "the GitHub workflow runs `{step}`:\n{github}");
    }
    let gitlab_doc = yaml(&dir.join(".gitlab-ci.yml"));
    let gitlab = commands(&gitlab_doc);
    for step in [version.as_str(), "sakip-site check --format gitlab", "sakip-site diff", "merge_requests"] {
        assert!(gitlab.contains(step), "the GitLab CI file runs `{step}`:\n{gitlab}");
    }
    assert_eq!(
        gitlab_doc["periksa"]["artifacts"]["reports"]["codequality"].as_str(),
        Some("gl-code-quality-report.json")
    );
    assert_eq!(gitlab_doc["pages"]["artifacts"]["paths"][0].as_str(), Some("public"));
}

#[test]
fn a_folder_that_is_not_empty_is_refused_and_left_alone() {
    let site = Site::empty();
    site.write("ada/catatan.txt", "milik orang lain");
    let run = run_in(site.root(), &["init", site.path("ada").to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("is not empty"), "{}", run.stderr);
    assert_eq!(files(&site.path("ada")), ["catatan.txt"]);
    // A file where the folder should be is refused too, and left as it was.
    site.write("berkas", "isi");
    let run = run_in(site.root(), &["init", site.path("berkas").to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("is a file, not a folder"), "{}", run.stderr);
    assert_eq!(site.read("berkas"), "isi");
    // An empty folder is fine.
    site.mkdir("kosong");
    assert_eq!(run_in(site.root(), &["init", site.path("kosong").to_str().unwrap()]).code, 0);
}
