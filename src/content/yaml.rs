//! Reading one YAML file safely: size, encoding and structure limits first, then a tree of
//! spanned nodes whose scalars keep their source text.
//!
//! Content comes from pull requests, so a file may be hostile. We use `marked-yaml` for the tree
//! (every node has a line and column; scalars stay text, so figures are never read through a
//! float; duplicate keys are an error) and guard it with a first pass over the parser's events
//! that rejects what marked-yaml would not handle gracefully: nesting beyond [`MAX_DEPTH`],
//! anchors and aliases (no alias bomb can expand), tags and several documents in one file.
//! The same pass reports every duplicate key (so that one does not hide the other problems of
//! its file) and warns about a comma directly before a digit in a flow list (`[80, 82,5, 85]`
//! is four items, not three).

use std::collections::HashMap;
use std::sync::Arc;

use marked_yaml::{LoadError, LoaderOptions, Node};
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::diagnostics::{Code, Diagnostics, Loc, Message, Sources};

/// Files larger than this are refused before they are parsed (SPEC §4).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Deepest nesting of mappings and sequences accepted (SPEC §4).
pub const MAX_DEPTH: usize = 64;
/// Longest text value accepted, in characters: a `catatan` of several pages fits; a value of
/// a few MiB, copied into every page that shows it, does not.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// The first bidirectional control character of `text` (U+061C, U+200E/F, U+202A–U+202E,
/// U+2066–U+2069): invisible, and they make a browser show the text around them in another
/// order, so `100%` could read `%001`.
pub fn bidi_control(text: &str) -> Option<(usize, char)> {
    text.chars().enumerate().find(|(_, c)| crate::diagnostics::is_bidi_control(*c))
}

/// Report the bidi control character `c`, the `nth` character (0-based) of a text at `loc`.
pub fn bidi_error(loc: Loc, (nth, c): (usize, char), diags: &mut Diagnostics) {
    let (code, at) = (format!("U+{:04X}", c as u32), nth + 1);
    diags.error(
        Code::BidiControl,
        loc,
        Message::new(
            format!("teks memuat karakter kendali arah {code} (karakter ke-{at}); pembaca bisa melihat teks atau angka terbalik"),
            format!("text holds the bidirectional control character {code} (character {at}); a reader could be shown reversed text or figures"),
        ),
    );
}

/// Report the text at `loc` when it is longer than `max` characters.
pub fn too_long_text(loc: &Loc, text: &str, max: usize, diags: &mut Diagnostics) -> bool {
    let count = text.chars().count();
    if count <= max {
        return false;
    }
    diags.error(
        Code::TooLong,
        loc.clone(),
        Message::new(
            format!("teks terlalu panjang: {count} karakter, paling banyak {max}"),
            format!("text too long: {count} characters, at most {max}"),
        ),
    );
    true
}

/// Decode `bytes` as the text of `file`: UTF-8 (a BOM is dropped), within the size limit.
/// The text is remembered in `sources` for snippets.
pub fn decode(
    file: &Arc<str>,
    bytes: &[u8],
    diags: &mut Diagnostics,
    sources: &mut Sources,
) -> Option<String> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        too_large(file, bytes.len() as u64, diags);
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            // YAML also ends lines at a lone `\r` (old Mac files); make every line end `\n`
            // so the parser's line numbers and the quoted source line agree.
            let text = if text.contains('\r') {
                text.replace("\r\n", "\n").replace('\r', "\n")
            } else {
                text.to_string()
            };
            sources.insert(file, &text);
            Some(text)
        }
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
            diags.error(
                Code::InvalidUtf8,
                Loc { file: file.clone(), line: line as u32, column: column as u32, len: 0 },
                Message::new(
                    "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8",
                    "file is not UTF-8 text; save it again as UTF-8",
                ),
            );
            None
        }
    }
}

/// Report a file over [`MAX_FILE_BYTES`] (checked before reading it, from its size).
pub fn too_large(file: &Arc<str>, len: u64, diags: &mut Diagnostics) {
    diags.error(
        Code::FileTooLarge,
        Loc::file(file),
        Message::new(
            format!("berkas terlalu besar ({len} bita; batas 10 MiB)"),
            format!("file too large ({len} bytes; the limit is 10 MiB)"),
        ),
    );
}

/// Parse `text` into a node tree whose top level is a mapping. Problems become diagnostics.
pub fn parse(file: &Arc<str>, text: &str, diags: &mut Diagnostics) -> Option<Node> {
    if !guard(file, text, diags) {
        return None;
    }
    // The guard has reported every duplicate key; the tree keeps the last value of each, so
    // the rest of the file is still read and checked.
    let options = LoaderOptions::default().error_on_duplicate_keys(false).prevent_coercion(true);
    match marked_yaml::parse_yaml_with_options(0, text, options) {
        Ok(node) => Some(node),
        Err(err) => {
            report_load_error(file, err, diags);
            None
        }
    }
}

/// First pass over the events: returns false (after reporting) when the file must not be built
/// into a tree.
fn guard(file: &Arc<str>, text: &str, diags: &mut Diagnostics) -> bool {
    let mut parser = Parser::new_from_str(text);
    let mut depth = 0usize;
    let mut documents = 0usize;
    let mut nodes = Nodes::new(text);
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(next) => next,
            Err(e) => {
                let message = e.info().to_string();
                syntax_error(file, e.marker(), &message, diags);
                return false;
            }
        };
        let unsupported = |what_id: &str, what_en: &str, diags: &mut Diagnostics| {
            diags.error(
                Code::YamlUnsupported,
                marker_loc(file, &mark),
                Message::new(
                    format!("{what_id} YAML tidak didukung di berkas konten"),
                    format!("YAML {what_en} are not supported in content files"),
                ),
            );
            false
        };
        match event {
            Event::StreamEnd => return true,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return unsupported(
                        "beberapa dokumen dalam satu berkas",
                        "several documents in one file",
                        diags,
                    );
                }
            }
            Event::Alias(_) => return unsupported("alias (*nama)", "aliases (*name)", diags),
            Event::MappingStart(anchor, ref tag) | Event::SequenceStart(anchor, ref tag) => {
                if anchor != 0 {
                    return unsupported("anchor (&nama)", "anchors (&name)", diags);
                }
                if tag.is_some() {
                    return unsupported("tag (!tag)", "tags (!tag)", diags);
                }
                depth += 1;
                if depth > MAX_DEPTH {
                    too_deep(marker_loc(file, &mark), diags);
                    return false;
                }
                nodes.open(file, &mark, matches!(event, Event::MappingStart(..)), diags);
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 {
                    return unsupported("anchor (&nama)", "anchors (&name)", diags);
                }
                if tag.is_some() {
                    return unsupported("tag (!tag)", "tags (!tag)", diags);
                }
                nodes.scalar(file, &mark, value, style, diags);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                nodes.close();
            }
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
        }
    }
}

/// What the guard follows of the open collections: the keys seen in each mapping (for
/// duplicates) and whether each is a flow collection (`[…]`, `{…}`), where a comma ends an item.
struct Nodes<'t> {
    open: Vec<Collection>,
    text: Cursor<'t>,
}

struct Collection {
    flow: bool,
    /// For a mapping: the keys seen with their lines, and whether the next node is a key.
    keys: Option<(HashMap<String, usize>, bool)>,
}

impl<'t> Nodes<'t> {
    fn new(text: &'t str) -> Self {
        Nodes { open: Vec::new(), text: Cursor { text, chars: 0, bytes: 0 } }
    }

    /// A mapping or sequence starts at `mark`.
    fn open(&mut self, file: &Arc<str>, mark: &Marker, mapping: bool, diags: &mut Diagnostics) {
        self.node(file, mark, None, diags);
        let flow = matches!(self.text.char_at(mark.index()), Some('[' | '{'));
        let flow = flow || self.open.last().is_some_and(|c| c.flow);
        self.open.push(Collection { flow, keys: mapping.then(|| (HashMap::new(), true)) });
    }

    fn close(&mut self) {
        self.open.pop();
    }

    /// A scalar `value` starts at `mark`.
    fn scalar(
        &mut self,
        file: &Arc<str>,
        mark: &Marker,
        value: String,
        style: TScalarStyle,
        diags: &mut Diagnostics,
    ) {
        let loc = marker_loc(file, mark);
        too_long_text(&loc, &value, MAX_TEXT_CHARS, diags);
        if let Some(found) = bidi_control(&value) {
            bidi_error(loc, found, diags);
        }
        let in_flow = self.open.last().is_some_and(|c| c.flow);
        if in_flow && style == TScalarStyle::Plain && value.starts_with(|c: char| c.is_ascii_digit()) {
            let before = self.text.before(mark.index());
            if before[1] == Some(',') && before[0].is_some_and(|c| c.is_ascii_digit()) {
                split_number(file, mark, diags);
            }
        }
        self.node(file, mark, Some(value), diags);
    }

    /// A node starts: when it is a key of the innermost mapping, look for a duplicate.
    fn node(&mut self, file: &Arc<str>, mark: &Marker, scalar: Option<String>, diags: &mut Diagnostics) {
        let Some((keys, at_key)) = self.open.last_mut().and_then(|c| c.keys.as_mut()) else { return };
        let was_key = std::mem::replace(at_key, !*at_key);
        let Some(key) = scalar.filter(|_| was_key) else { return };
        let len = key.chars().count() as u32;
        if let Some(first) = keys.get(&key) {
            duplicate_key(&key, *first, Loc { len, ..marker_loc(file, mark) }, diags);
        } else {
            keys.insert(key, mark.line());
        }
    }
}

/// Finds the characters at the parser's positions (counted in characters), moving forward
/// only as the events do, so a whole file costs one pass.
struct Cursor<'t> {
    text: &'t str,
    chars: usize,
    bytes: usize,
}

impl Cursor<'_> {
    /// Move to character `index` (never backwards: the events come in text order).
    fn seek(&mut self, index: usize) {
        if index < self.chars {
            return;
        }
        let rest = &self.text[self.bytes..];
        let step = rest.char_indices().nth(index - self.chars).map_or(rest.len(), |(i, _)| i);
        self.bytes += step;
        self.chars = index;
    }

    fn char_at(&mut self, index: usize) -> Option<char> {
        self.seek(index);
        self.text[self.bytes..].chars().next()
    }

    /// The two characters before character `index`.
    fn before(&mut self, index: usize) -> [Option<char>; 2] {
        self.seek(index);
        let mut back = self.text[..self.bytes].chars().rev();
        let last = back.next();
        [back.next(), last]
    }
}

/// `[80, 82,5, 85]`: YAML ends a flow item at a comma, so `82,5` is two items.
fn split_number(file: &Arc<str>, mark: &Marker, diags: &mut Diagnostics) {
    let loc = marker_loc(file, mark);
    let at = Loc { column: loc.column.saturating_sub(2).max(1), len: 3, ..loc };
    diags
        .warning(
            Code::AmbiguousComma,
            at,
            Message::new(
                "koma langsung diikuti angka di dalam daftar […]: YAML membacanya sebagai dua butir",
                "a comma directly followed by a digit inside a […] list: YAML reads it as two items",
            ),
        )
        .with_help(Message::new(
            "tulis angka desimal dalam tanda kutip (\"82,5\") dan pisahkan butir dengan koma dan spasi",
            "quote a decimal figure (\"82,5\") and separate items with a comma and a space",
        ));
}

fn duplicate_key(key: &str, first: usize, at: Loc, diags: &mut Diagnostics) {
    diags.error(
        Code::DuplicateKey,
        at,
        Message::new(
            format!("kunci `{key}` muncul dua kali (pertama di baris {first})"),
            format!("key `{key}` appears twice (first on line {first})"),
        ),
    );
}

fn too_deep(loc: Loc, diags: &mut Diagnostics) {
    diags.error(
        Code::TooDeep,
        loc,
        Message::new(
            format!("struktur bersarang lebih dari {MAX_DEPTH} tingkat"),
            format!("nesting deeper than {MAX_DEPTH} levels"),
        ),
    );
}

fn marker_loc(file: &Arc<str>, mark: &Marker) -> Loc {
    Loc { file: file.clone(), line: mark.line().max(1) as u32, column: mark.col() as u32 + 1, len: 1 }
}

fn syntax_error(file: &Arc<str>, mark: &Marker, info: &str, diags: &mut Diagnostics) {
    // The scanner looks ahead through flow collections (`[[[…`) and stops at 255 levels of its
    // own before the guard has seen the 65th: the same problem as ours, so the same code.
    if info == "recursion limit exceeded" {
        too_deep(marker_loc(file, mark), diags);
        return;
    }
    let hint_tabs = info.contains("tab");
    let d = diags.error(
        Code::YamlSyntax,
        marker_loc(file, mark),
        Message::new(format!("YAML tidak valid: {info}"), format!("invalid YAML: {info}")),
    );
    if hint_tabs {
        d.with_help(Message::new(
            "gunakan spasi, bukan tab, untuk indentasi",
            "indent with spaces, not tabs",
        ));
    }
}

fn report_load_error(file: &Arc<str>, err: LoadError, diags: &mut Diagnostics) {
    use marked_yaml::Marker as MMarker;
    let loc =
        |m: &MMarker| Loc { file: file.clone(), line: m.line() as u32, column: m.column() as u32, len: 1 };
    match err {
        LoadError::TopLevelMustBeMapping(m) | LoadError::TopLevelMustBeSequence(m) => {
            diags.error(
                Code::WrongType,
                loc(&m),
                Message::new(
                    "isi berkas harus berupa pemetaan (kunci: nilai)",
                    "the file must hold a mapping (key: value)",
                ),
            );
        }
        LoadError::MappingKeyMustBeScalar(m) => {
            diags.error(
                Code::WrongType,
                loc(&m),
                Message::new("kunci pemetaan harus berupa teks", "mapping keys must be plain text"),
            );
        }
        LoadError::UnexpectedAnchor(m) | LoadError::UnexpectedTag(m) => {
            diags.error(
                Code::YamlUnsupported,
                loc(&m),
                Message::new("anchor dan tag YAML tidak didukung", "YAML anchors and tags are not supported"),
            );
        }
        LoadError::ScanError(m, e) => {
            diags.error(
                Code::YamlSyntax,
                loc(&m),
                Message::new(
                    format!("YAML tidak valid: {}", e.info()),
                    format!("invalid YAML: {}", e.info()),
                ),
            );
        }
        // Not enabled: the guard reports duplicates (all of them, and goes on).
        LoadError::DuplicateKey(inner) => {
            let key = inner.key.as_str();
            let at = inner.key.span().start().map(loc).unwrap_or_else(|| Loc::file(file));
            let first = inner.prev_key.span().start().map_or(0, |m| m.line());
            duplicate_key(key, first, Loc { len: key.chars().count() as u32, ..at }, diags);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> (Option<Node>, Diagnostics) {
        let file: Arc<str> = Arc::from("content/x.yaml");
        let mut diags = Diagnostics::default();
        let node = parse(&file, text, &mut diags);
        (node, diags)
    }

    fn codes(diags: &Diagnostics) -> Vec<(&'static str, u32, u32)> {
        diags.sorted().iter().map(|d| (d.code.as_str(), d.loc.line, d.loc.column)).collect()
    }

    #[test]
    fn scalars_keep_their_text_and_position() {
        let (node, diags) = load("a: 0.1\nb:\n  c: \"82,50\"\n");
        assert!(!diags.has_errors());
        let map = node.unwrap();
        let map = map.as_mapping().unwrap();
        let a = map.get_scalar("a").unwrap();
        assert_eq!(a.as_str(), "0.1");
        assert!(a.may_coerce(), "plain scalar");
        let c = map.get_mapping("b").unwrap().get_scalar("c").unwrap();
        assert_eq!(c.as_str(), "82,50");
        assert!(!c.may_coerce(), "quoted scalar");
        let start = c.span().start().unwrap();
        assert_eq!((start.line(), start.column()), (3, 6));
    }

    #[test]
    fn duplicate_keys_name_both_lines() {
        let (_, diags) = load("a: 1\nb: 2\na: 3\n");
        assert_eq!(codes(&diags), vec![("duplicate-key", 3, 1)]);
        assert!(diags.sorted()[0].message.en.contains("first on line 1"));
    }

    #[test]
    fn every_duplicate_is_reported_and_the_file_still_parses() {
        let (node, diags) = load("a: 1\nb: {c: 1, c: 2}\na: 3\nd:\n  - {c: 1}\n  - {c: 2}\n");
        assert_eq!(codes(&diags), vec![("duplicate-key", 2, 11), ("duplicate-key", 3, 1)]);
        let root = node.unwrap();
        assert_eq!(root.as_mapping().unwrap().get_scalar("a").unwrap().as_str(), "3", "the later value");
    }

    #[test]
    fn a_comma_before_a_digit_in_a_flow_collection_is_a_warning() {
        let (_, diags) = load("a: [80, 82,5, 85]\nb: {x: 7,5}\n");
        assert_eq!(codes(&diags), vec![("ambiguous-comma", 1, 10), ("ambiguous-comma", 2, 8)]);
        let (_, diags) = load("a: [80, \"82,5\", 85]\nb: 82,5\nc: [1, 2]\nd: [x,5]\n");
        assert!(diags.sorted().is_empty(), "{:?}", codes(&diags));
    }

    #[test]
    fn anchors_aliases_tags_and_multiple_documents_are_refused() {
        for text in ["a: &x [1]\nb: *x\n", "a: !!str 1\n", "a: 1\n---\nb: 2\n", "a: *nothing\n"] {
            let (node, diags) = load(text);
            assert!(node.is_none(), "{text}");
            assert!(diags.has_errors(), "{text}");
        }
    }

    #[test]
    fn nesting_beyond_the_limit_is_refused_at_its_line() {
        let deep = format!("a: {}{}\n", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let (_, diags) = load(&deep);
        assert_eq!(codes(&diags)[0].0, "too-deep");
        // Deeper than the scanner's own limit of 255 flow levels: still `too-deep`.
        let deeper = format!("a: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        let (_, diags) = load(&deeper);
        assert_eq!(codes(&diags).iter().map(|c| c.0).collect::<Vec<_>>(), ["too-deep"]);
        let ok = format!("a: {}{}\n", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
        let (_, diags) = load(&ok);
        assert!(!diags.has_errors());
    }

    #[test]
    fn tabs_for_indent_get_a_hint() {
        let (_, diags) = load("a:\n\tb: 1\n");
        let d = diags.sorted()[0].clone();
        assert_eq!(d.code, Code::YamlSyntax);
        assert_eq!(d.loc.line, 2);
        assert!(d.help.unwrap().en.contains("tabs"));
    }

    #[test]
    fn an_empty_file_is_an_empty_mapping() {
        let (node, diags) = load("");
        assert!(!diags.has_errors());
        assert!(node.unwrap().as_mapping().unwrap().is_empty());
    }

    #[test]
    fn a_scalar_document_is_a_type_error() {
        let (_, diags) = load("just text\n");
        assert_eq!(codes(&diags)[0].0, "wrong-type");
    }

    #[test]
    fn any_line_ending_numbers_lines_like_the_parser() {
        let file: Arc<str> = Arc::from("content/x.yaml");
        let (mut diags, mut sources) = (Diagnostics::default(), Sources::default());
        for bytes in [&b"a: 1\rb: 2\rbad: [\r"[..], b"a: 1\r\nb: 2\r\nbad: [\r\n"] {
            let text = decode(&file, bytes, &mut diags, &mut sources).unwrap();
            assert_eq!(text.lines().nth(2), Some("bad: ["));
            let mut parse_diags = Diagnostics::default();
            assert!(parse(&file, &text, &mut parse_diags).is_none());
            assert_eq!(parse_diags.sorted()[0].code, Code::YamlSyntax);
        }
    }

    #[test]
    fn decode_drops_a_bom_and_locates_bad_utf8() {
        let file: Arc<str> = Arc::from("content/x.yaml");
        let (mut diags, mut sources) = (Diagnostics::default(), Sources::default());
        assert_eq!(decode(&file, b"\xEF\xBB\xBFa: 1\n", &mut diags, &mut sources).unwrap(), "a: 1\n");
        assert!(decode(&file, b"a: 1\nb: \xff\n", &mut diags, &mut sources).is_none());
        assert_eq!(codes(&diags), vec![("invalid-utf8", 2, 4)]);
    }
}
