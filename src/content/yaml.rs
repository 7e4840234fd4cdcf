//! Reading one YAML file safely: size, encoding and structure limits first, then a
//! [`tree`](crate::content::tree) whose nodes know their line and column and whose scalars keep
//! their source text.
//!
//! Content comes from pull requests, so a file may be hostile. One pass over `yaml-rust2`'s
//! events builds the tree and refuses what must not become one: nesting beyond [`MAX_DEPTH`],
//! anchors and aliases (no alias bomb can expand), tags, several documents in one file, a
//! top level that is not a mapping, a key that is not text. The same pass reports every
//! duplicate key (so that one does not hide the other problems of its file; the tree keeps the
//! last value) and warns about a comma directly before a digit in a flow list (`[80, 82,5, 85]`
//! is four items, not three).

use std::sync::Arc;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::content::tree::{Building, Listing, Mapping, Mark, Node, Scalar, Stacks};
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
    // Every one of them is outside ASCII, and most texts are ASCII: checked at once.
    if text.is_ascii() {
        return None;
    }
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
    // A text has no more characters than bytes: most are within the limit without counting.
    if text.len() <= max {
        return false;
    }
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
/// The text is shared with `sources`, for snippets: one copy of each file is held.
pub fn decode(
    file: &Arc<str>,
    mut bytes: Vec<u8>,
    diags: &mut Diagnostics,
    sources: &mut Sources,
) -> Option<Arc<str>> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        too_large(file, bytes.len() as u64, diags);
        return None;
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            // YAML also ends lines at a lone `\r` (old Mac files); make every line end `\n`
            // so the parser's line numbers and the quoted source line agree.
            let text: Arc<str> = if text.contains('\r') {
                Arc::from(text.replace("\r\n", "\n").replace('\r', "\n"))
            } else {
                Arc::from(text)
            };
            sources.insert(file, Arc::clone(&text));
            Some(text)
        }
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
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

/// Parse `text` into a node tree whose top level is a mapping. Problems become diagnostics; the
/// tree is `None` when the file cannot be one (the duplicate keys, long texts and bidi controls
/// reported on the way do not stop it: the rest of the file is still read and checked).
pub fn parse(file: &Arc<str>, text: &str, diags: &mut Diagnostics) -> Option<Node> {
    let mut parser = Parser::new_from_str(text);
    let mut builder = Builder::new(file, text);
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(next) => next,
            Err(e) => {
                let message = e.info().to_string();
                syntax_error(file, e.marker(), &message, diags);
                return None;
            }
        };
        if let Event::StreamEnd = event {
            return builder.finish(&mark);
        }
        if !builder.event(event, &mark, diags) {
            return None;
        }
    }
}

/// One pass over the parser's events: refuses what must not become a tree (anchors, aliases,
/// tags, several documents, nesting beyond [`MAX_DEPTH`]), reports what can be read past, and
/// builds the tree.
struct Builder<'t> {
    file: &'t Arc<str>,
    open: Vec<Open>,
    /// The entries and items of the open mappings and lists.
    stacks: Stacks,
    text: Cursor<'t>,
    documents: usize,
    root: Option<Node>,
    /// The file is not a mapping, or a key is not text: reported once, no tree.
    failed: bool,
}

/// A mapping or list being read.
struct Open {
    /// A flow collection (`[…]`, `{…}`) or inside one: a comma ends an item.
    flow: bool,
    /// Written where a mapping expects a key (refused; read past to the key's value).
    as_key: bool,
    kind: OpenKind,
}

enum OpenKind {
    /// The mapping so far and the key waiting for its value.
    Mapping(Building, Option<Scalar>),
    Sequence(Listing),
}

impl<'t> Builder<'t> {
    fn new(file: &'t Arc<str>, text: &'t str) -> Self {
        let text = Cursor::new(text);
        Builder {
            file,
            open: Vec::new(),
            stacks: Stacks::default(),
            text,
            documents: 0,
            root: None,
            failed: false,
        }
    }

    /// Take one event; false (after reporting) when the file must not become a tree.
    fn event(&mut self, event: Event, mark: &Marker, diags: &mut Diagnostics) -> bool {
        let unsupported = |what_id: &str, what_en: &str, diags: &mut Diagnostics| {
            diags.error(
                Code::YamlUnsupported,
                marker_loc(self.file, mark),
                Message::new(
                    format!("{what_id} YAML tidak didukung di berkas konten"),
                    format!("YAML {what_en} are not supported in content files"),
                ),
            );
            false
        };
        match event {
            Event::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
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
                if self.open.len() == MAX_DEPTH {
                    too_deep(marker_loc(self.file, mark), diags);
                    return false;
                }
                self.start(mark, matches!(event, Event::MappingStart(..)), diags);
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 {
                    return unsupported("anchor (&nama)", "anchors (&name)", diags);
                }
                if tag.is_some() {
                    return unsupported("tag (!tag)", "tags (!tag)", diags);
                }
                self.scalar(mark, value, style, diags);
            }
            Event::MappingEnd | Event::SequenceEnd => self.end(),
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
        }
        true
    }

    /// A mapping or list starts at `mark`.
    fn start(&mut self, mark: &Marker, mapping: bool, diags: &mut Diagnostics) {
        let at = tree_mark(mark);
        let as_key = self.waiting_for_key();
        if as_key {
            self.fail(at, "kunci pemetaan harus berupa teks", "mapping keys must be plain text", diags);
        } else if self.open.is_empty() && !mapping {
            self.not_a_mapping(at, diags);
        }
        let flow = matches!(self.text.char_at(mark.index()), Some('[' | '{'));
        let flow = flow || self.open.last().is_some_and(|c| c.flow);
        let kind = if mapping {
            OpenKind::Mapping(Building::new(at, &self.stacks), None)
        } else {
            OpenKind::Sequence(Listing::new(at, &self.stacks))
        };
        self.open.push(Open { flow, as_key, kind });
    }

    /// A scalar `value` starts at `mark`.
    fn scalar(&mut self, mark: &Marker, value: String, style: TScalarStyle, diags: &mut Diagnostics) {
        let loc = marker_loc(self.file, mark);
        too_long_text(&loc, &value, MAX_TEXT_CHARS, diags);
        if let Some(found) = bidi_control(&value) {
            bidi_error(loc, found, diags);
        }
        let in_flow = self.open.last().is_some_and(|c| c.flow);
        if in_flow && style == TScalarStyle::Plain && value.starts_with(|c: char| c.is_ascii_digit()) {
            let before = self.text.before(mark.index());
            if before[1] == Some(',') && before[0].is_some_and(|c| c.is_ascii_digit()) {
                split_number(self.file, mark, diags);
            }
        }
        let scalar = Scalar::new(tree_mark(mark), value, style == TScalarStyle::Plain);
        if self.open.is_empty() {
            self.not_a_mapping(scalar.mark(), diags);
        }
        if let Some(Open { kind: OpenKind::Mapping(building, key @ None), .. }) = self.open.last_mut() {
            if let Some(first) = building.find(&self.stacks, scalar.as_str()) {
                let len = scalar.as_str().chars().count() as u32;
                let at = Loc { len, ..marker_loc(self.file, mark) };
                duplicate_key(scalar.as_str(), first.mark().line as usize, at, diags);
            }
            *key = Some(scalar);
            return;
        }
        self.attach(Node::Scalar(scalar));
    }

    /// The innermost mapping or list ends.
    fn end(&mut self) {
        let Some(open) = self.open.pop() else { return };
        let node = match open.kind {
            OpenKind::Mapping(building, _) => Node::Mapping(building.finish(&mut self.stacks)),
            OpenKind::Sequence(listing) => Node::Sequence(listing.finish(&mut self.stacks)),
        };
        if open.as_key {
            // Refused already; a stand-in key lets its value be read past.
            if let Some(Open { kind: OpenKind::Mapping(_, key), .. }) = self.open.last_mut() {
                *key = Some(Scalar::new(node.mark(), String::new(), false));
            }
            return;
        }
        self.attach(node);
    }

    /// Put a finished node where it belongs: under the waiting key, at the end of the list, or
    /// at the top.
    fn attach(&mut self, node: Node) {
        match self.open.last_mut() {
            None => self.root = Some(node),
            Some(Open { kind: OpenKind::Sequence(listing), .. }) => listing.push(&mut self.stacks, node),
            Some(Open { kind: OpenKind::Mapping(building, key), .. }) => {
                if let Some(key) = key.take() {
                    building.insert(&mut self.stacks, key, node);
                }
            }
        }
    }

    fn waiting_for_key(&self) -> bool {
        matches!(self.open.last(), Some(Open { kind: OpenKind::Mapping(_, None), .. }))
    }

    fn not_a_mapping(&mut self, at: Mark, diags: &mut Diagnostics) {
        self.fail(
            at,
            "isi berkas harus berupa pemetaan (kunci: nilai)",
            "the file must hold a mapping (key: value)",
            diags,
        );
    }

    fn fail(&mut self, at: Mark, id: &str, en: &str, diags: &mut Diagnostics) {
        if !self.failed {
            let loc = Loc { file: self.file.clone(), line: at.line, column: at.column, len: 1 };
            diags.error(Code::WrongType, loc, Message::new(id, en));
            self.failed = true;
        }
    }

    /// The tree, once the stream has ended at `end`: an empty file is an empty mapping.
    fn finish(self, end: &Marker) -> Option<Node> {
        if self.failed {
            return None;
        }
        Some(self.root.unwrap_or_else(|| Node::Mapping(Mapping::new(tree_mark(end)))))
    }
}

fn tree_mark(mark: &Marker) -> Mark {
    Mark { line: mark.line().max(1) as u32, column: mark.col() as u32 + 1 }
}

/// Finds the characters at the parser's positions (counted in characters), moving forward
/// only as the events do, so a whole file costs one pass.
struct Cursor<'t> {
    text: &'t str,
    chars: usize,
    bytes: usize,
    /// Where the run of ASCII bytes from `bytes` ends: up to there, moving by a character is
    /// moving by a byte, and no character needs to be decoded to be counted (most content is
    /// ASCII, with an odd `é` or `–`).
    ascii_end: usize,
}

impl<'t> Cursor<'t> {
    fn new(text: &'t str) -> Self {
        Cursor { text, chars: 0, bytes: 0, ascii_end: ascii_run(text) }
    }

    /// Move to character `index` (never backwards: the events come in text order).
    fn seek(&mut self, index: usize) {
        while self.chars < index {
            if self.bytes < self.ascii_end {
                let step = (index - self.chars).min(self.ascii_end - self.bytes);
                self.bytes += step;
                self.chars += step;
            } else if let Some(c) = self.text[self.bytes..].chars().next() {
                self.bytes += c.len_utf8();
                self.chars += 1;
                self.ascii_end = self.bytes + ascii_run(&self.text[self.bytes..]);
            } else {
                // Past the end of the text.
                self.chars = index;
            }
        }
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

/// The length in bytes of the ASCII characters `text` starts with.
fn ascii_run(text: &str) -> usize {
    text.bytes().position(|b| !b.is_ascii()).unwrap_or(text.len())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> (Option<Node>, Diagnostics) {
        let file: Arc<str> = Arc::from("content/x.yaml");
        let mut diags = Diagnostics::default();
        let node = parse(&file, text, &mut diags);
        (node, diags)
    }

    fn scalar(node: Option<&Node>) -> &Scalar {
        match node {
            Some(Node::Scalar(s)) => s,
            other => panic!("not a scalar: {other:?}"),
        }
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
        let a = scalar(map.get("a"));
        assert_eq!(a.as_str(), "0.1");
        assert!(a.is_plain(), "plain scalar");
        let c = scalar(map.get("b").and_then(Node::as_mapping).unwrap().get("c"));
        assert_eq!(c.as_str(), "82,50");
        assert!(!c.is_plain(), "quoted scalar");
        assert_eq!(c.mark(), Mark { line: 3, column: 6 });
    }

    #[test]
    fn the_cursor_finds_every_character_by_its_index_in_any_script() {
        let text = "a: é\nb: [1, 2–3]\nc: ünï ok\n";
        let chars: Vec<char> = text.chars().collect();
        let mut cursor = Cursor::new(text);
        for (i, c) in chars.iter().enumerate() {
            assert_eq!(cursor.char_at(i), Some(*c), "character {i}");
            let before = [i.checked_sub(2).map(|j| chars[j]), i.checked_sub(1).map(|j| chars[j])];
            assert_eq!(cursor.before(i), before, "before character {i}");
        }
        // Forward jumps over several characters at once, then past the end.
        let mut cursor = Cursor::new(text);
        assert_eq!(cursor.char_at(3), Some('é'));
        assert_eq!(cursor.char_at(13), Some('–'));
        assert_eq!(cursor.char_at(22), Some('ï'));
        assert_eq!(cursor.char_at(chars.len() + 5), None);
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
        assert_eq!(scalar(root.as_mapping().unwrap().get("a")).as_str(), "3", "the later value");
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
    fn a_text_is_measured_in_characters_not_bytes() {
        let loc = Loc::file(&Arc::from("content/x.yaml"));
        let mut diags = Diagnostics::default();
        // Two bytes a character: within the limit by characters, beyond it by bytes.
        assert!(!too_long_text(&loc, &"é".repeat(10), 10, &mut diags));
        assert!(too_long_text(&loc, &"é".repeat(11), 10, &mut diags));
        assert_eq!(bidi_control("abc"), None);
        assert_eq!(bidi_control("é\u{202E}1"), Some((1, '\u{202E}')));
    }

    #[test]
    fn a_scalar_document_is_a_type_error() {
        let (_, diags) = load("just text\n");
        assert_eq!(codes(&diags)[0].0, "wrong-type");
    }

    #[test]
    fn a_list_at_the_top_or_as_a_key_is_a_type_error_once() {
        let (node, diags) = load("- a\n- b\n");
        assert!(node.is_none());
        assert_eq!(codes(&diags), vec![("wrong-type", 1, 1)]);
        assert!(diags.sorted()[0].message.en.contains("must hold a mapping"));
        // A key that is a list, then a key that is a mapping: the first is reported, the file
        // read past to its end (the duplicate after them is still found).
        let (node, diags) = load("a: 1\n? [x, y]\n: 2\nb: {{c: 1}: 3}\na: 4\n");
        assert!(node.is_none());
        assert_eq!(codes(&diags), vec![("wrong-type", 2, 3), ("duplicate-key", 5, 1)]);
        assert!(diags.sorted()[0].message.en.contains("keys must be plain text"));
    }

    #[test]
    fn any_line_ending_numbers_lines_like_the_parser() {
        let file: Arc<str> = Arc::from("content/x.yaml");
        let (mut diags, mut sources) = (Diagnostics::default(), Sources::default());
        for bytes in [&b"a: 1\rb: 2\rbad: [\r"[..], b"a: 1\r\nb: 2\r\nbad: [\r\n"] {
            let text = decode(&file, bytes.to_vec(), &mut diags, &mut sources).unwrap();
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
        let text = decode(&file, b"\xEF\xBB\xBFa: 1\n".to_vec(), &mut diags, &mut sources).unwrap();
        assert_eq!(&*text, "a: 1\n");
        assert_eq!(sources.line(&Loc { line: 1, ..Loc::file(&file) }), Some("a: 1"));
        assert!(decode(&file, b"a: 1\nb: \xff\n".to_vec(), &mut diags, &mut sources).is_none());
        assert_eq!(codes(&diags), vec![("invalid-utf8", 2, 4)]);
    }
}
