//! `sakip-site schema` (issue 11 item 4) checked with an independent validator, the
//! `jsonschema` crate: every file of the bundled example and of the minimal fixture, read with
//! `yaml-rust2` rather than our loader and turned into JSON as an editor's YAML language server
//! sees it, passes its schema; a bad word, an unknown key and a missing required key are
//! refused, by the schema and by `check` alike. The output is the same on every run and there is
//! a schema for every file of the format.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;
use yaml_rust2::{Yaml, YamlLoader};

use common::{Site, check_in, copy_dir, crate_dir, run_in};

/// The schemas written by the binary into a fresh folder.
fn write_schemas() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().to_str().expect("a UTF-8 path");
    let run = run_in(crate_dir(), &["schema", "--output", out]);
    assert_eq!(run.code, 0, "{run:?}");
    dir
}

/// A validator for the schema `name` in `dir` (formats such as `date` checked too).
fn validator(dir: &Path, name: &str) -> jsonschema::Validator {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("no schema {name}: {e}"));
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name} is not a valid schema: {e}"))
}

/// The schema of a content file, by where it sits: `content/<name>.yaml`,
/// `content/<tahun>/<name>.yaml`, `content/<tahun>/realisasi/twN.yaml` and `content/halaman/*.md`.
fn schema_name(path: &Path) -> String {
    let parent = path.parent().and_then(Path::file_name).and_then(|n| n.to_str()).unwrap_or("");
    let stem = path.file_stem().and_then(|n| n.to_str()).unwrap_or("");
    match parent {
        "realisasi" | "halaman" => format!("{parent}.schema.json"),
        _ => format!("{stem}.schema.json"),
    }
}

/// Every YAML file under `content/` and every page of `halaman/`, sorted.
fn content_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read the folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            out.extend(content_files(&path));
        } else if path.extension().is_some_and(|e| e == "yaml")
            || (path.extension().is_some_and(|e| e == "md")
                && path.parent().is_some_and(|p| p.ends_with("halaman")))
        {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The YAML of a file (the front matter of a page) as JSON, read with `yaml-rust2`.
fn as_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("read the file");
    let yaml = match path.extension().is_some_and(|e| e == "md") {
        true => front_matter(&text),
        false => text.as_str(),
    };
    yaml_to_json(yaml)
}

fn yaml_to_json(text: &str) -> Value {
    let docs = YamlLoader::load_from_str(text).unwrap_or_else(|e| panic!("not YAML: {e}\n{text}"));
    docs.first().map_or_else(|| Value::Object(Default::default()), json)
}

fn front_matter(text: &str) -> &str {
    let rest = text.strip_prefix("---\n").expect("a page starts with ---");
    rest.find("\n---").map(|end| &rest[..end]).expect("front matter ends with ---")
}

fn json(yaml: &Yaml) -> Value {
    match yaml {
        Yaml::Real(text) => {
            let number = text.parse::<f64>().ok().and_then(serde_json::Number::from_f64);
            Value::Number(number.unwrap_or_else(|| panic!("YAML number {text}")))
        }
        Yaml::Integer(n) => Value::from(*n),
        Yaml::String(s) => Value::from(s.as_str()),
        Yaml::Boolean(b) => Value::from(*b),
        Yaml::Array(items) => Value::Array(items.iter().map(json).collect()),
        Yaml::Hash(map) => Value::Object(map.iter().map(|(k, v)| (key(k), json(v))).collect()),
        Yaml::Null => Value::Null,
        other => panic!("unexpected YAML {other:?}"),
    }
}

/// A mapping key as a JSON tool sees it: its text (`2023:` is the key "2023").
fn key(yaml: &Yaml) -> String {
    match yaml {
        Yaml::String(s) | Yaml::Real(s) => s.clone(),
        Yaml::Integer(n) => n.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        other => panic!("unexpected YAML key {other:?}"),
    }
}

/// The validator's complaints about `instance`, one line each.
fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator.iter_errors(instance).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[test]
fn every_file_of_the_example_and_the_minimal_fixture_passes_its_schema() {
    let schemas = write_schemas();
    let mut checked = Vec::new();
    let fixture = crate_dir().join("tests/fixtures/minimal/content");
    for path in content_files(&crate_dir().join("content")).into_iter().chain(content_files(&fixture)) {
        let validator = validator(schemas.path(), &schema_name(&path));
        let problems = errors(&validator, &as_json(&path));
        assert!(problems.is_empty(), "{} fails its schema:\n{}", path.display(), problems.join("\n"));
        checked.push(schema_name(&path));
    }
    // Guards the walk: every kind of file of the example was validated, the quarters too.
    for name in ["sakip", "renstra", "cascading", "rencana-aksi", "realisasi", "validasi", "evaluasi"] {
        assert!(checked.contains(&format!("{name}.schema.json")), "no {name} file checked: {checked:?}");
    }
    for name in ["tim", "skm", "lke", "halaman"] {
        assert!(checked.contains(&format!("{name}.schema.json")), "no {name} file checked: {checked:?}");
    }
    let quarters = checked.iter().filter(|n| *n == "realisasi.schema.json").count();
    assert!(quarters >= 4, "{quarters} quarter files checked");
}

const RENSTRA: &str = "content/renstra.yaml";

/// The example's `renstra.yaml` with the first line holding `line` changed by `edit`, its text.
fn renstra_with(line: &str, edit: impl Fn(&str) -> String) -> String {
    let text = std::fs::read_to_string(crate_dir().join(RENSTRA)).expect("read renstra.yaml");
    let index = text.lines().position(|l| l.trim_start().starts_with(line)).expect("the line");
    let lines: Vec<String> =
        text.lines().enumerate().map(|(i, l)| if i == index { edit(l) } else { l.to_string() }).collect();
    lines.join("\n") + "\n"
}

/// `renstra` is refused by the schema at a path ending in `at`, and by `check` with `code`.
fn refused(renstra: &str, at: &str, code: &str) {
    let schemas = write_schemas();
    let problems = errors(&validator(schemas.path(), "renstra.schema.json"), &yaml_to_json(renstra));
    assert!(problems.iter().any(|p| p.contains(at)), "the schema does not refuse at {at}: {problems:?}");
    let site = Site::empty();
    copy_dir(&crate_dir().join("content"), &site.path("content"));
    site.write(RENSTRA, renstra);
    let check = check_in(site.root(), &[]);
    assert!(check.diags.iter().any(|d| d.code == code && d.file == RENSTRA), "{:?}", check.run);
}

#[test]
fn a_word_the_loader_does_not_know_is_refused() {
    let renstra = renstra_with("polaritas: positif", |l| l.replace("positif", "naik"));
    refused(&renstra, "/polaritas", "invalid-value");
}

#[test]
fn an_unknown_key_is_refused() {
    let renstra =
        renstra_with("polaritas: positif", |l| format!("{l}\n{}", l.replace("polaritas", "polarity")));
    refused(&renstra, "/indikator/0", "unknown-key");
}

#[test]
fn a_missing_required_key_is_refused() {
    let renstra = renstra_with("satuan:", |l| l.replace("satuan:", "# satuan:"));
    refused(&renstra, "/indikator/0", "missing-key");
}

#[test]
fn two_runs_write_the_same_files_one_per_file_of_the_format() {
    let (first, second) = (write_schemas(), write_schemas());
    let names = |dir: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("read the folder")
            .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let written = names(first.path());
    assert_eq!(written, names(second.path()));
    assert_eq!(written.len(), sakip_site::content::keys::FILES.len(), "{written:?}");
    for file in sakip_site::content::keys::FILES {
        assert!(written.contains(&format!("{}.schema.json", file.name)), "no schema for {}", file.path);
    }
    for name in &written {
        let read = |dir: &Path| std::fs::read(dir.join(name)).expect("read the schema");
        assert_eq!(read(first.path()), read(second.path()), "{name} differs between two runs");
    }
}
