//! The user documentation must keep up with the code: every diagnostic code has its section in
//! `docs/diagnostics.md` (in `Code::ALL` order, with its severity), and every key the loader
//! accepts is named in `docs/content-format.md`.

use std::collections::BTreeSet;
use std::path::Path;

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

/// The loader's source files, without their unit tests.
fn loader_sources() -> Vec<(String, String)> {
    ["plan.rs", "year.rs", "pages.rs", "reader.rs"]
        .iter()
        .map(|name| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/content").join(name);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let code = text.split("#[cfg(test)]").next().unwrap_or_default().to_string();
            (name.to_string(), code)
        })
        .collect()
}

/// Every key the loader accepts, read from its source: the string literals of each array made
/// only of string literals (the `allowed` lists given to `Ctx::map` and `Map::sub`, and the key
/// constants), so a key added to the loader cannot be missed here.
fn accepted_keys(code: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find('[') {
        rest = &rest[i + 1..];
        let Some(end) = rest.find(']') else { break };
        let items: Vec<&str> = rest[..end].split(',').map(str::trim).filter(|t| !t.is_empty()).collect();
        let literal = |t: &&str| {
            t.len() >= 2 && t.starts_with('"') && t.ends_with('"') && !t[1..t.len() - 1].contains('"')
        };
        if !items.is_empty() && items.iter().all(literal) {
            keys.extend(items.iter().map(|t| t[1..t.len() - 1].to_string()));
        }
    }
    keys
}

/// The fixed words a value may take: the first field of every `("word", Type::Variant)` pair of
/// a `Choice` table.
fn choice_words(code: &str) -> Vec<String> {
    code.split("(\"")
        .skip(1)
        .filter_map(|part| {
            let (word, after) = part.split_once('"')?;
            let after = after.trim_start().strip_prefix(',')?.trim_start();
            after.starts_with(|c: char| c.is_ascii_uppercase()).then(|| word.to_string())
        })
        .collect()
}

/// The files of the format, each with its own section.
const FILES: &[&str] = &[
    "sakip.yaml",
    "renstra.yaml",
    "cascading.yaml",
    "rencana-aksi.yaml",
    "realisasi/twN.yaml",
    "validasi.yaml",
    "evaluasi.yaml",
    "tim.yaml",
    "skm.yaml",
    "lke.yaml",
    "halaman/*.md",
];

#[test]
fn the_loader_scan_finds_known_keys_and_words() {
    // Guards the scan itself: if it found nothing, the test below would pass vacuously.
    let sources = loader_sources();
    let keys: BTreeSet<String> = sources.iter().flat_map(|(_, code)| accepted_keys(code)).collect();
    let words: BTreeSet<String> = sources.iter().flat_map(|(_, code)| choice_words(code)).collect();
    for key in ["instansi", "target_triwulan", "capaian_terkoreksi", "tindak_lanjut", "U9", "title", "maks"] {
        assert!(keys.contains(key), "the scan missed the key {key}: {keys:?}");
    }
    for word in ["positif", "rata-rata", "dikoreksi", "kebijakan-operasional", "TAHUN", "S2", "ketua"] {
        assert!(words.contains(word), "the scan missed the word {word}: {words:?}");
    }
}

#[test]
fn every_accepted_key_and_word_is_in_the_content_format() {
    let doc = read_doc("content-format.md");
    let documented = documented_words(&doc);
    let mut missing: Vec<String> = FILES
        .iter()
        .filter(|file| !doc.lines().any(|l| l.starts_with("## ") && l.contains(*file)))
        .map(|file| format!("{file} (file)"))
        .collect();
    for (name, code) in loader_sources() {
        let found = accepted_keys(&code).into_iter().map(|k| ("key", k));
        let found = found.chain(choice_words(&code).into_iter().map(|w| ("value", w)));
        missing.extend(
            found
                .filter(|(_, w)| !documented.contains(w))
                .map(|(kind, w)| format!("{kind} {w} (src/content/{name})")),
        );
    }
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "docs/content-format.md does not mention: {missing:?}");
}

#[test]
fn the_content_format_has_its_sections() {
    let doc = read_doc("content-format.md");
    for heading in ["## Additions to SPEC", "## Differences from SPEC", "## 18. Limits on untrusted input"] {
        assert!(doc.contains(heading), "docs/content-format.md lacks the section {heading:?}");
    }
}
