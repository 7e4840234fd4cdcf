//! English is English (issue 10, item 5): on the English pages of the bundled example every
//! interface word is English; what stays Indonesian is content written only in Indonesian (a
//! name without an `en` form, a unit such as "izin", a regulation's title), and that is marked
//! `lang="id"` so that a screen reader speaks it as Indonesian.
//!
//! The Indonesian interface words are taken from the Indonesian side of the interface's word
//! table (`present::strings`) and the few words the templates and cell functions write
//! themselves; a word that the English side also uses ("Target", "Renstra", "IKU") is no
//! evidence of a missing translation and is left out.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::crate_dir;
use sakip_site::diagnostics::Lang;
use sakip_site::present::Words;

/// Words the templates and the cell functions write besides the word table: the Indonesian
/// range word and the Indonesian quarter labels.
const TEMPLATE_WORDS: &[&str] = &["s.d.", "TW1", "TW2", "TW3", "TW4"];

/// Elements whose text is not interface text of the page: scripts and styles, code such as file
/// names (`data/capaian.csv` is a name, not a word), and a chart's `desc`, plain text that
/// repeats the figures of the chart's data table with their units (content words such as
/// "kegiatan", which the table marks `lang="id"` and plain text cannot). The rest of the charts'
/// SVG is read like any markup: axis labels ("Q1", not "TW1"), unit, legend and title.
const SKIPPED: &[&str] = &["script", "style", "code", "desc"];

const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"];

/// True when `c` continues a token: ids such as `EV-2023-TW1` are one token.
fn in_token(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The Indonesian interface words and phrases, lower case.
fn indonesian_words() -> BTreeSet<String> {
    let (id, en) = (Words::new(Lang::Id), Words::new(Lang::En));
    let english: Vec<String> = en.all().values().map(|w| w.to_lowercase()).collect();
    let in_english = |w: &str| english.iter().any(|e| contains_word(e, w));
    let mut out = BTreeSet::new();
    for (key, word) in id.all() {
        if en.get(key) == *word {
            continue;
        }
        let phrase = word.trim_end_matches(['.', ':']).to_lowercase();
        let words = phrase.split(|c: char| !in_token(c) && c != '.').filter(|w| w.chars().count() >= 5);
        for candidate in std::iter::once(phrase.as_str()).chain(words) {
            if !candidate.is_empty() && !in_english(candidate) {
                out.insert(candidate.to_string());
            }
        }
    }
    out.extend(TEMPLATE_WORDS.iter().map(|w| w.to_lowercase()));
    out
}

/// True when `text` holds `word` as a whole token (both lower case).
fn contains_word(text: &str, word: &str) -> bool {
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let start = from + i;
        let end = start + word.len();
        let before = text[..start].chars().next_back().is_none_or(|c| !in_token(c));
        let after = text[end..].chars().next().is_none_or(|c| !in_token(c));
        if before && after {
            return true;
        }
        from = start + word.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// The text of `html` a reader meets as the page's own language: text nodes and the `alt`,
/// `aria-label`, `title` and `placeholder` attributes, outside elements marked `lang="id"` and
/// outside [`SKIPPED`] elements. Entities of the attribute values are read back roughly; the
/// words checked contain none.
fn english_text(html: &str) -> String {
    let mut out = String::new();
    // One entry per open element: true when its text is not the page's language.
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        if !stack.iter().any(|(_, skip)| *skip) {
            out.push_str(&rest[..lt]);
            out.push(' ');
        }
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_lowercase();
            if let Some(pos) = stack.iter().rposition(|(n, _)| *n == name) {
                stack.truncate(pos);
            }
            continue;
        }
        let name: String =
            tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("").to_lowercase();
        let skip = SKIPPED.contains(&name.as_str()) || attr(tag, "lang") == Some("id");
        if !skip && !stack.iter().any(|(_, s)| *s) {
            for name in ["alt", "aria-label", "title", "placeholder"] {
                if let Some(value) = attr(tag, name) {
                    out.push_str(value);
                    out.push(' ');
                }
            }
        }
        // `<path … d="…"/>` closes itself; `<a href=../>` (an unquoted value ending in `/`) does not.
        let self_closing = tag.strip_suffix('/').is_some_and(|t| t.ends_with(['"', ' ']) || !t.contains(' '));
        if !VOID.contains(&name.as_str()) && !self_closing {
            stack.push((name, skip));
        }
    }
    out.replace("&amp;", "&").replace('\u{a0}', " ").to_lowercase()
}

fn html_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

#[test]
fn the_word_list_holds_the_indonesian_interface_words_and_no_shared_word() {
    let words = indonesian_words();
    for w in ["dasbor", "beranda", "capaian terakhir", "belum diukur", "tw1", "kegiatan", "lisensi"] {
        assert!(words.contains(w), "{w} is missing from {words:?}");
    }
    for w in ["target", "status", "renstra", "iku"] {
        assert!(!words.contains(w), "{w} is used by the English side too");
    }
    // The scanner itself: marked text is skipped, attributes are read, ids are one token.
    let text = english_text(
        "<p title=Beranda>Home <span lang=id>Dasbor <b>x</b></span> EV-2023-TW1</p><script>TW2</script>",
    );
    assert!(contains_word(&text, "beranda") && contains_word(&text, "home"), "{text}");
    assert!(!contains_word(&text, "dasbor") && !contains_word(&text, "tw1"), "{text}");
    assert!(!contains_word(&text, "tw2"), "{text}");
    // A chart's labels are read.
    let chart = english_text("<svg><title>Q1 to Q4</title><text class=\"tick\">TW3</text></svg>");
    assert!(contains_word(&chart, "tw3") && contains_word(&chart, "q1"), "{chart}");
}

#[test]
fn english_pages_hold_no_indonesian_interface_word_outside_indonesian_text() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let run = common::run_in(
        crate_dir(),
        &["build", "--as-of", "2024-06-30", "--output", public.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let words = indonesian_words();
    let mut pages = Vec::new();
    html_files(&public.join("en"), &mut pages);
    assert!(pages.len() > 20, "the example has more English pages than {}", pages.len());
    let mut found = Vec::new();
    for page in &pages {
        let text = english_text(&std::fs::read_to_string(page).unwrap());
        for w in &words {
            if contains_word(&text, w) {
                found.push(format!("{}: {w:?}", page.strip_prefix(&public).unwrap().display()));
            }
        }
    }
    assert!(found.is_empty(), "Indonesian interface words on English pages:\n{}", found.join("\n"));
}

/// The value of the attribute `name` of `tag` (the text between `<` and `>`), quoted or not.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}="))? + name.len() + 2;
    let value = &tag[at..];
    Some(match value.strip_prefix('"') {
        Some(quoted) => &quoted[..quoted.find('"').unwrap_or(quoted.len())],
        None => &value[..value.find(char::is_whitespace).unwrap_or(value.len())],
    })
}
