//! The user documentation must keep up with the code: every diagnostic code has its section in
//! `docs/diagnostics.md` (in `Code::ALL` order, with its severity), and every file, key and word
//! of the loader's key tables (`content::keys`, the lists the loader checks keys against) is
//! named in `docs/content-format.md`.

use std::collections::BTreeSet;
use std::path::Path;

use sakip_site::content::keys::{self, Key};
use sakip_site::diagnostics::Code;

fn read_doc(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The codes of the `### \`code\`` headings, in document order.
fn code_headings(doc: &str) -> Vec<String> {
    doc.lines().filter_map(|line| line.strip_prefix("### `")?.strip_suffix('`')).map(str::to_string).collect()
}

#[test]
fn every_diagnostic_code_has_a_section_in_code_order() {
    let doc = read_doc("diagnostics.md");
    let headings = code_headings(&doc);
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let missing: Vec<&&str> = codes.iter().filter(|c| !headings.iter().any(|h| h == *c)).collect();
    assert!(missing.is_empty(), "docs/diagnostics.md has no \"### `code`\" section for {missing:?}");
    let unknown: Vec<&String> = headings.iter().filter(|h| !codes.contains(&h.as_str())).collect();
    assert!(unknown.is_empty(), "docs/diagnostics.md documents codes that do not exist: {unknown:?}");
    assert_eq!(headings, codes, "sections of docs/diagnostics.md must follow the order of Code::ALL");
    for code in &codes {
        let row = format!("| `{code}` |");
        assert!(doc.contains(&row), "the summary table of docs/diagnostics.md lacks `{code}`");
    }
}

#[test]
fn every_diagnostic_section_states_its_severity() {
    let doc = read_doc("diagnostics.md");
    for section in doc.split("\n### `").skip(1) {
        let (heading, body) = section.split_once('\n').expect("a heading line");
        let code = heading.trim_end_matches('`');
        let first = body.trim_start();
        assert!(
            first.starts_with("**Error") || first.starts_with("**Warning"),
            "section {code} of docs/diagnostics.md must start with **Error** or **Warning**"
        );
    }
}

/// Words written in inline code spans (`instansi.nama` gives `instansi` and `nama`) and keys
/// written as `key:` in fenced examples.
fn documented_words(doc: &str) -> BTreeSet<String> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut words = BTreeSet::new();
    let mut fenced = false;
    for line in doc.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            let mut rest = line;
            while let Some(i) = rest.find(':') {
                let key: String = rest[..i].chars().rev().take_while(|&c| is_word(c)).collect();
                words.insert(key.chars().rev().collect());
                rest = &rest[i + 1..];
            }
        } else {
            for span in line.split('`').skip(1).step_by(2) {
                words.extend(span.split(|c: char| !is_word(c)).filter(|w| !w.is_empty()).map(String::from));
            }
        }
    }
    words
}

/// Every key of every mapping the loader reads, with the path of its mapping.
fn accepted_keys() -> Vec<(String, &'static Key)> {
    keys::tables()
        .into_iter()
        .flat_map(|(path, table)| table.iter().map(move |key| (path.clone(), key)))
        .collect()
}

#[test]
fn the_key_tables_hold_known_keys_and_words() {
    // Guards the walk over the tables: if it found nothing, the tests below would pass vacuously.
    let accepted = accepted_keys();
    let names: BTreeSet<&str> = accepted.iter().map(|(_, key)| key.name).collect();
    let words: BTreeSet<&str> = accepted.iter().flat_map(|(_, key)| key.kind.words()).collect();
    for key in ["instansi", "target_triwulan", "capaian_terkoreksi", "tindak_lanjut", "U9", "title", "maks"] {
        assert!(names.contains(key), "the key tables lack the key {key}: {names:?}");
    }
    for word in ["positif", "rata-rata", "dikoreksi", "kebijakan-operasional", "TAHUN", "S2", "ketua", "en"] {
        assert!(words.contains(word), "the key tables lack the word {word}: {words:?}");
    }
}

#[test]
fn every_accepted_key_and_word_is_in_the_content_format() {
    let doc = read_doc("content-format.md");
    let documented = documented_words(&doc);
    let mut missing: Vec<String> = keys::FILES
        .iter()
        .filter(|file| !doc.lines().any(|l| l.starts_with("## ") && l.contains(file.path)))
        .map(|file| format!("{} (file)", file.path))
        .collect();
    for (path, key) in accepted_keys() {
        if !documented.contains(key.name) {
            missing.push(format!("key {} ({path})", key.name));
        }
        let words = key.kind.words().into_iter().filter(|w| !documented.contains(*w));
        missing.extend(words.map(|w| format!("value {w} ({path}.{})", key.name)));
    }
    assert!(missing.is_empty(), "docs/content-format.md does not mention: {missing:?}");
}

#[test]
fn every_key_is_described_in_both_languages() {
    let undescribed: Vec<String> = accepted_keys()
        .into_iter()
        .filter(|(_, key)| key.description.0.trim().is_empty() || key.description.1.trim().is_empty())
        .map(|(path, key)| format!("{path}.{}", key.name))
        .collect();
    assert!(undescribed.is_empty(), "keys without a description in Indonesian and English: {undescribed:?}");
}

#[test]
fn the_content_format_has_its_sections() {
    let doc = read_doc("content-format.md");
    for heading in ["## Additions to SPEC", "## Differences from SPEC", "## 18. Limits on untrusted input"] {
        assert!(doc.contains(heading), "docs/content-format.md lacks the section {heading:?}");
    }
}
