//! Typed reading of a spanned YAML tree, recording every problem instead of stopping at the
//! first one (the reason we do not deserialise with serde: a pull request with five mistakes
//! should get five annotations in one run).
//!
//! Each getter returns `None` after reporting when a value cannot be used, so the loader can
//! keep going and callers only ever see values that passed their per-value rules.

mod map;

use std::sync::Arc;

use chrono::{Datelike as _, NaiveDate};
use rust_decimal::Decimal;

use crate::content::keys::{RANGE, TEXT};
use crate::content::model::{Spanned, Text};
use crate::content::tree::{Mark, Node, Scalar};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Loc, Message};
use crate::number::{self, NumberError, Target, Unit};
pub use map::Map;

/// The file being read and where its diagnostics go.
pub struct Ctx<'d> {
    /// Display path of the file.
    pub file: Arc<str>,
    /// Collector for the whole run.
    pub diags: &'d mut Diagnostics,
}

/// A value whose text is one of a fixed set of words (`positif`, `kumulatif`, …).
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// Every accepted word and its value.
    const ALL: &'static [(&'static str, Self)];

    /// The word that means `self` in the content format (the first, when several do), so that
    /// labels, exports and docs spell a value as the loader reads it.
    fn word(self) -> &'static str {
        Self::ALL.iter().find(|(_, v)| *v == self).map_or("", |(w, _)| w)
    }

    /// Every accepted word, in the order of `ALL` (for messages and the key tables).
    fn words() -> Vec<&'static str> {
        Self::ALL.iter().map(|(w, _)| *w).collect()
    }
}

impl<'d> Ctx<'d> {
    /// Start reading `file`.
    pub fn new(file: Arc<str>, diags: &'d mut Diagnostics) -> Self {
        Ctx { file, diags }
    }

    /// The location of a node's start; scalars are marked over their length.
    pub fn loc(&self, node: &Node) -> Loc {
        let len = match node {
            Node::Scalar(s) => scalar_len(s),
            _ => 1,
        };
        // The parser starts a block mapping at the `:` of its first key; point at the key
        // instead (a flow mapping's `{` comes before its first key and is kept).
        if let Node::Mapping(m) = node
            && let Some(key) = m.keys().next()
            && key.mark() < m.mark()
        {
            return self.mark_loc(key.mark(), len);
        }
        self.mark_loc(node.mark(), len)
    }

    pub(crate) fn mark_loc(&self, mark: Mark, len: u32) -> Loc {
        Loc { file: self.file.clone(), line: mark.line, column: mark.column, len }
    }

    /// Report an error at `loc`.
    pub fn error(
        &mut self,
        code: Code,
        loc: Loc,
        id: impl Into<String>,
        en: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diags.error(code, loc, Message::new(id, en))
    }

    /// Report a warning at `loc`.
    pub fn warning(
        &mut self,
        code: Code,
        loc: Loc,
        id: impl Into<String>,
        en: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diags.warning(code, loc, Message::new(id, en))
    }

    fn wrong_type(&mut self, node: &Node, want_id: &str, want_en: &str) {
        let (found_id, found_en) = match node {
            Node::Scalar(_) => ("teks/angka", "a scalar"),
            Node::Mapping(_) => ("pemetaan", "a mapping"),
            Node::Sequence(_) => ("daftar", "a list"),
        };
        let loc = self.loc(node);
        self.error(
            Code::WrongType,
            loc,
            format!("diharapkan {want_id}, ditemukan {found_id}"),
            format!("expected {want_en}, found {found_en}"),
        );
    }

    /// Read a list, applying `item` to each element. A null value is an empty list.
    pub fn list<'n, T>(
        &mut self,
        node: &'n Node,
        mut item: impl FnMut(&mut Self, &'n Node) -> Option<T>,
    ) -> Vec<T> {
        match node {
            Node::Sequence(seq) => {
                let mut list = Vec::with_capacity(room::<T>(seq.len()));
                list.extend(seq.iter().filter_map(|n| item(self, n)));
                exact(list)
            }
            n if is_null(n) => Vec::new(),
            n => {
                self.wrong_type(n, "daftar (- …)", "a list (- …)");
                Vec::new()
            }
        }
    }

    /// A non-empty string scalar.
    pub fn string(&mut self, node: &Node) -> Option<Spanned<String>> {
        match node {
            Node::Scalar(s) if s.as_str().trim().is_empty() && !is_null(node) => {
                let loc = self.loc(node);
                self.error(
                    Code::WrongType,
                    loc,
                    "teks kosong; isi atau hapus kuncinya",
                    "empty text; fill it in or remove the key",
                );
                None
            }
            Node::Scalar(s) if !is_null(node) => Some(Spanned::new(s.as_str().to_string(), self.loc(node))),
            _ => {
                self.wrong_type(node, "teks", "text");
                None
            }
        }
    }

    /// A human-readable text: a string, or `{id: …, en: …}`.
    pub fn text(&mut self, node: &Node) -> Option<Text> {
        if let Node::Mapping(_) = node {
            let map = self.map(node, TEXT)?;
            let id = map.get(self, "id").and_then(|n| self.string(n));
            let en = map.get(self, "en").and_then(|n| self.string(n));
            return Some(Text { id: id?.value, en: en.map(|e| e.value) });
        }
        self.string(node).map(|s| Text { id: s.value, en: None })
    }

    /// A name or title shown on every page of the site (the agency, the site title, a page in
    /// the menu): a [`Ctx::text`] of at most [`MAX_TITLE_CHARS`] in each language, so that no
    /// value is copied into thousands of pages at any length.
    pub fn title(&mut self, node: &Node) -> Option<Text> {
        let text = self.text(node)?;
        let loc = self.loc(node);
        let mut long = false;
        for t in [Some(&text.id), text.en.as_ref()].into_iter().flatten() {
            // Beyond the limit of every text the YAML guard has reported it already.
            let chars = t.chars().count();
            long |= chars > MAX_TITLE_CHARS;
            if chars <= crate::content::yaml::MAX_TEXT_CHARS {
                crate::content::yaml::too_long_text(&loc, t, MAX_TITLE_CHARS, self.diags);
            }
        }
        (!long).then_some(text)
    }

    /// A Markdown [`Ctx::text`], nested no deeper than [`nesting::MAX_DEPTH`] in each language.
    ///
    /// [`nesting::MAX_DEPTH`]: crate::content::nesting::MAX_DEPTH
    pub fn markdown(&mut self, node: &Node) -> Option<Text> {
        let text = self.text(node)?;
        let loc = self.loc(node);
        let deep = [Some(&text.id), text.en.as_ref()]
            .into_iter()
            .flatten()
            .any(|t| markdown_too_deep(&loc, t, None, self.diags));
        (!deep).then_some(text)
    }

    /// An id matching `[A-Za-z0-9][A-Za-z0-9._-]*`.
    pub fn id(&mut self, node: &Node) -> Option<Spanned<String>> {
        let s = self.string(node)?;
        if !valid_id(&s.value) {
            self.error(
                Code::InvalidId,
                s.loc.clone(),
                format!("id `{}` tidak valid: gunakan huruf, angka, `.`, `_` atau `-`", s.value),
                format!("invalid id `{}`: use letters, digits, `.`, `_` or `-`", s.value),
            );
            return None;
        }
        self.short_enough(&s).then_some(s)
    }

    /// True when the id `s` is at most [`MAX_ID_LEN`] long; otherwise reports it.
    pub fn short_enough(&mut self, s: &Spanned<String>) -> bool {
        if s.value.len() <= MAX_ID_LEN {
            return true;
        }
        self.error(
            Code::TooLong,
            s.loc.clone(),
            format!(
                "id `{}` terlalu panjang: {} karakter, paling banyak {MAX_ID_LEN}",
                s.value,
                s.value.len()
            ),
            format!("id `{}` is too long: {} characters, at most {MAX_ID_LEN}", s.value, s.value.len()),
        );
        false
    }

    /// A whole number within `range`.
    pub fn integer(&mut self, node: &Node, range: std::ops::RangeInclusive<i64>) -> Option<Spanned<i64>> {
        let s = self.string(node)?;
        match s.value.trim().parse::<i64>() {
            Ok(v) if range.contains(&v) => Some(Spanned::new(v, s.loc)),
            Ok(v) => {
                self.error(
                    Code::OutOfRange,
                    s.loc,
                    format!("{v} di luar rentang {}–{}", range.start(), range.end()),
                    format!("{v} is outside {}–{}", range.start(), range.end()),
                );
                None
            }
            Err(_) => {
                self.error(
                    Code::WrongType,
                    s.loc,
                    format!("`{}` bukan bilangan bulat", s.value),
                    format!("`{}` is not a whole number", s.value),
                );
                None
            }
        }
    }

    /// A year such as `2023`.
    pub fn year(&mut self, node: &Node) -> Option<Spanned<i32>> {
        self.integer(node, i64::from(MIN_YEAR)..=2200).map(|y| Spanned::new(y.value as i32, y.loc))
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, node: &Node) -> Option<bool> {
        let s = self.string(node)?;
        match s.value.as_str() {
            "true" | "True" | "TRUE" => Some(true),
            "false" | "False" | "FALSE" => Some(false),
            _ => {
                self.error(
                    Code::WrongType,
                    s.loc,
                    format!("`{}` bukan true/false", s.value),
                    format!("`{}` is not true/false", s.value),
                );
                None
            }
        }
    }

    /// A calendar date `YYYY-MM-DD` that exists.
    pub fn date(&mut self, node: &Node) -> Option<Spanned<NaiveDate>> {
        let s = self.string(node)?;
        let text = s.value.trim();
        let shaped = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
        match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            // Before 1900 is a typo (`0000-01-01`), and would count as on time for any deadline.
            Ok(date) if shaped && date.year() >= MIN_YEAR => Some(Spanned::new(date, s.loc)),
            _ => {
                self.error(
                    Code::InvalidDate,
                    s.loc,
                    format!("tanggal `{}` tidak valid (format YYYY-MM-DD, tanggal yang ada, tahun {MIN_YEAR} atau sesudahnya)", s.value),
                    format!("invalid date `{}` (use YYYY-MM-DD, a day that exists, in {MIN_YEAR} or later)", s.value),
                );
                None
            }
        }
    }

    /// One of the words of `T`.
    pub fn choice<T: Choice>(&mut self, node: &Node) -> Option<Spanned<T>> {
        let s = self.string(node)?;
        if let Some((_, v)) = T::ALL.iter().find(|(name, _)| *name == s.value) {
            return Some(Spanned::new(*v, s.loc));
        }
        let names = T::words();
        let list = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        let d = self.error(
            Code::InvalidValue,
            s.loc,
            format!("nilai `{}` tidak dikenal; pilihan: {list}", s.value),
            format!("unknown value `{}`; allowed: {list}", s.value),
        );
        if let Some(help) = suggestion(&s.value, &names) {
            d.with_help(help);
        }
        None
    }

    /// A figure (§2.1); `None` inside means null, "not measured".
    pub fn figure(&mut self, node: &Node) -> Option<Spanned<Option<Decimal>>> {
        self.figure_with_unit(node, &mut Vec::new())
    }

    /// [`Ctx::figure`], adding the unit its text names (`Rp`, `juta`, `%`) to `units`, for the
    /// figures `check` holds against their indicator's `satuan`.
    pub fn figure_with_unit(
        &mut self,
        node: &Node,
        units: &mut Vec<Spanned<Unit>>,
    ) -> Option<Spanned<Option<Decimal>>> {
        let loc = self.loc(node);
        if is_null(node) {
            return Some(Spanned::new(None, loc));
        }
        let Node::Scalar(s) = node else {
            self.wrong_type(node, "angka", "a figure");
            return None;
        };
        match number::parse_figure(s.as_str(), s.is_plain()) {
            Ok(fig) => {
                if fig.ambiguous {
                    self.ambiguous(s.as_str(), &fig.value, loc.clone());
                }
                units.extend(fig.unit.map(|u| Spanned::new(u, loc.clone())));
                Some(Spanned::new(Some(fig.value), loc))
            }
            Err(e) => {
                self.number_error(s.as_str(), e, loc);
                None
            }
        }
    }

    /// A figure that must be present (not null).
    pub fn required_figure(&mut self, node: &Node) -> Option<Spanned<Decimal>> {
        self.required_figure_with_unit(node, &mut Vec::new())
    }

    /// [`Ctx::required_figure`], adding its written unit to `units`.
    fn required_figure_with_unit(
        &mut self,
        node: &Node,
        units: &mut Vec<Spanned<Unit>>,
    ) -> Option<Spanned<Decimal>> {
        let fig = self.figure_with_unit(node, units)?;
        match fig.value {
            Some(v) => Some(Spanned::new(v, fig.loc)),
            None => {
                self.error(
                    Code::WrongType,
                    fig.loc,
                    "diharapkan angka, bukan kosong",
                    "expected a figure, found null",
                );
                None
            }
        }
    }

    /// A target: a figure, a range string, or `{min, maks}`; `None` inside means null. The
    /// unit its text names is added to `units`, as [`Ctx::figure_with_unit`] does.
    pub fn target(&mut self, node: &Node, units: &mut Vec<Spanned<Unit>>) -> Option<Spanned<Option<Target>>> {
        let loc = self.loc(node);
        if is_null(node) {
            return Some(Spanned::new(None, loc));
        }
        match node {
            Node::Scalar(s) => match number::parse_target(s.as_str(), s.is_plain()) {
                Ok(parsed) => {
                    if let (true, Target::Single(v)) = (parsed.ambiguous, parsed.target) {
                        self.ambiguous(s.as_str(), &v, loc.clone());
                    }
                    units.extend(parsed.unit.map(|u| Spanned::new(u, loc.clone())));
                    Some(Spanned::new(Some(parsed.target), loc))
                }
                Err(e) => {
                    self.number_error(s.as_str(), e, loc);
                    None
                }
            },
            Node::Mapping(_) => {
                let map = self.map(node, RANGE)?;
                let min = map.get(self, "min").and_then(|n| self.required_figure_with_unit(n, units));
                let maks = map.get(self, "maks").and_then(|n| self.required_figure_with_unit(n, units));
                let (min, maks) = (min?.value, maks?.value);
                if min >= maks {
                    self.number_error(&format!("min: {min}, maks: {maks}"), NumberError::RangeOrder, loc);
                    return None;
                }
                Some(Spanned::new(Some(Target::Range { min, maks }), loc))
            }
            Node::Sequence(_) => {
                self.wrong_type(node, "target (angka atau rentang)", "a target (figure or range)");
                None
            }
        }
    }

    fn ambiguous(&mut self, text: &str, value: &Decimal, loc: Loc) {
        let grouped = text.replace('.', "");
        let value = value.normalize();
        self.warning(
            Code::AmbiguousNumber,
            loc,
            format!("`{text}` dibaca YAML sebagai {value}; jika maksudnya {grouped}, tulis \"{text}\" dalam tanda kutip"),
            format!("YAML reads `{text}` as {value}; if you meant {grouped}, write \"{text}\" in quotes"),
        )
        .with_help(Message::new(
            format!("jika memang {value}, tulis `{value}`"),
            format!("if you meant {value}, write `{value}`"),
        ));
    }

    fn number_error(&mut self, text: &str, err: NumberError, loc: Loc) {
        let (code, id, en) = match err {
            NumberError::Empty => {
                (Code::InvalidNumber, "angka kosong".to_string(), "empty figure".to_string())
            }
            NumberError::NotANumber => (
                Code::InvalidNumber,
                format!("`{text}` bukan angka (contoh: 82,50 · \"1.250.000\" · \"75 triliun\" · \"12,5%\")"),
                format!("`{text}` is not a figure (e.g. 82,50 · \"1.250.000\" · \"75 triliun\" · \"12,5%\")"),
            ),
            NumberError::DecimalPoint => (
                Code::InvalidNumber,
                format!(
                    "`{text}`: dalam notasi Indonesia titik memisahkan ribuan; desimal ditulis dengan koma"
                ),
                format!("`{text}`: in Indonesian notation `.` groups thousands; write decimals with a comma"),
            ),
            NumberError::OutOfRange => (
                Code::NumberOutOfRange,
                format!("`{text}` terlalu besar atau terlalu presisi untuk disimpan tepat (maks. 28 digit)"),
                format!("`{text}` is too large or too precise to keep exactly (max. 28 digits)"),
            ),
            NumberError::Special => (
                Code::InvalidNumber,
                format!("`{text}` bukan angka desimal biasa"),
                format!("`{text}` is not a plain decimal figure"),
            ),
            NumberError::RangeOrder => (
                Code::InvalidRange,
                format!("rentang `{text}`: batas bawah harus lebih kecil dari batas atas"),
                format!("range `{text}`: the lower bound must be below the upper bound"),
            ),
        };
        self.error(code, loc, id, en);
    }
}

/// The longest id or page slug. Ids become folder names and links of the published site; a
/// longer one would fail the write on some file systems (255 bytes per name) after `check`
/// passed, so it is refused here with room to spare.
pub const MAX_ID_LEN: usize = 100;
/// Longest name or title shown on every page, in characters (see [`Ctx::title`]).
pub const MAX_TITLE_CHARS: usize = 500;
/// The earliest year of a date or a `tahun`.
pub const MIN_YEAR: i32 = 1900;

/// True when `text` matches `[A-Za-z0-9][A-Za-z0-9._-]*` (SPEC §2).
pub fn valid_id(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// Report Markdown `text` at `loc` when it nests deeper than the limit. `lines_before` is the
/// number of lines of the file before the text (a page body), to point at the deep line; a
/// YAML value is pointed at as a whole.
pub fn markdown_too_deep(
    loc: &Loc,
    text: &str,
    lines_before: Option<usize>,
    diags: &mut Diagnostics,
) -> bool {
    let Some(line) = crate::content::nesting::too_deep(text) else { return false };
    let max = crate::content::nesting::MAX_DEPTH;
    let at = match lines_before {
        Some(before) => Loc { line: (before + line) as u32, column: 1, len: 0, ..loc.clone() },
        None => loc.clone(),
    };
    diags.error(
        Code::TooDeep,
        at,
        Message::new(
            format!(
                "Markdown bersarang lebih dari {max} tingkat (`>`, daftar atau tag HTML yang belum ditutup)"
            ),
            format!("Markdown nested more than {max} levels deep (`>`, lists or HTML tags not closed)"),
        ),
    );
    true
}

/// True for `~`, `null` and an empty plain value.
pub fn is_null(node: &Node) -> bool {
    match node {
        Node::Scalar(s) => s.is_plain() && matches!(s.as_str(), "~" | "null" | "Null" | "NULL" | ""),
        _ => false,
    }
}

/// Characters a scalar occupies in the source (quotes included when quoted).
fn scalar_len(s: &Scalar) -> u32 {
    let text = s.as_str();
    let first_line = text.lines().next().unwrap_or("");
    let quotes = if s.is_plain() { 0 } else { 2 };
    (first_line.chars().count() as u32 + quotes).max(1)
}

/// "Did you mean …?" with the allowed name closest to `name`, when there is a likely typo.
pub fn suggestion(name: &str, allowed: &[&str]) -> Option<Message> {
    let best = closest(name, allowed)?;
    Some(Message::new(format!("maksud Anda `{best}`?"), format!("did you mean `{best}`?")))
}

/// The allowed name closest to `name`, when it is close enough to be a likely typo. Of names
/// equally close, the first in sort order: callers may list `allowed` in any order (a hash
/// map's), and two runs must say the same.
pub fn closest<'a>(name: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|a| (strsim::jaro_winkler(&name.to_lowercase(), &a.to_lowercase()), *a))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|x, y| x.0.total_cmp(&y.0).then_with(|| y.1.cmp(x.1)))
        .map(|(_, a)| a)
}

/// The most room a list reserves before its items are read: 16 MiB.
const ROOM: usize = 16 << 20;

/// The room to reserve for a list of `len` items: all of it while that stays within [`ROOM`],
/// so that a large site's lists (a quarter's 20,000 entries) are not grown by doubling, each
/// step moving every item into fresh memory (at 20,000 indicators that was 30 % of `check`'s
/// page faults). A longer list grows as it is read: items the reader refuses take no room (a
/// hostile list of a million numbers where entries are expected).
fn room<T>(len: usize) -> usize {
    if len.saturating_mul(size_of::<T>()) <= ROOM { len } else { 0 }
}

/// `list` in an allocation of its own length. The lists of a large site are kept to the end of
/// the run, and a `Vec` grown while reading holds up to twice the room they need; the allocator
/// keeps a block that is shrunk by less than half, so the items are moved into a new one.
fn exact<T>(mut list: Vec<T>) -> Vec<T> {
    if list.capacity() - list.len() <= list.len() / 8 {
        return list;
    }
    let mut exact = Vec::with_capacity(list.len());
    exact.append(&mut list);
    exact
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_read_keeps_no_spare_room_but_what_it_holds() {
        // Nine items grown into room for 16 (4, 8, 16): moved into room for nine.
        let mut grown: Vec<u64> = Vec::new();
        (0..9).for_each(|i| grown.push(i));
        assert!(grown.capacity() >= 16);
        let list = exact(grown);
        assert_eq!((list.len(), list.capacity()), (9, 9));
        assert_eq!(list, (0..9).collect::<Vec<u64>>(), "the same items, in order");
        // A ninth or less of spare room is left alone (moving would cost more than it saves).
        let mut nearly = Vec::with_capacity(10);
        nearly.extend(0..9u64);
        assert_eq!(exact(nearly).capacity(), 10);
    }

    #[test]
    fn a_list_reserves_its_length_only_within_the_bound() {
        // 20,000 entries of 200 bytes (4 MB): reserved at once.
        assert_eq!(room::<[u8; 200]>(20_000), 20_000);
        // Exactly the bound still fits; a million entries of 200 bytes (200 MB) do not.
        assert_eq!(room::<[u8; 1024]>(16 * 1024), 16 * 1024);
        assert_eq!(room::<[u8; 200]>(1_000_000), 0);
        assert_eq!(room::<[u8; 200]>(usize::MAX), 0, "no overflow");
    }

    #[test]
    fn closest_suggests_typos_but_not_unrelated_words() {
        let keys = ["indikator", "triwulan", "status", "capaian_terkoreksi", "alasan"];
        assert_eq!(closest("statos", &keys), Some("status"));
        assert_eq!(closest("indicator", &keys), Some("indikator"));
        assert_eq!(closest("capaian_koreksi", &keys), Some("capaian_terkoreksi"));
        assert_eq!(closest("zzz", &keys), None);
    }

    #[test]
    fn of_equally_close_names_the_same_one_is_suggested_in_any_order() {
        assert_eq!(closest("IKU-3", &["IKU-1", "IKU-2"]), Some("IKU-1"));
        assert_eq!(closest("IKU-3", &["IKU-2", "IKU-1"]), Some("IKU-1"));
        // Ids are compared without case on both sides.
        assert_eq!(closest("IKU-33", &["IKU-3", "PK-1"]), Some("IKU-3"));
        assert_eq!(closest("iku-3", &["IKU-3", "PK-1"]), Some("IKU-3"));
    }

    #[test]
    fn a_block_mapping_is_located_at_its_first_key() {
        let file: Arc<str> = Arc::from("content/x.yaml");
        let text = "survei:\n  - periode: TW4\n    nrr: 1\nflow: [{a: 1}]\n";
        let mut diags = Diagnostics::default();
        let root = crate::content::yaml::parse(&file, text, &mut diags).unwrap();
        let ctx = Ctx::new(file, &mut diags);
        let map = root.as_mapping().unwrap();
        let first = |key| match map.get(key) {
            Some(Node::Sequence(items)) => &items[0],
            other => panic!("not a list: {other:?}"),
        };
        let loc = ctx.loc(first("survei"));
        assert_eq!((loc.line, loc.column), (2, 5));
        let flow = first("flow");
        let loc = ctx.loc(flow);
        assert_eq!((loc.line, loc.column), (4, 8));
        let loc = ctx.loc(&root);
        assert_eq!((loc.line, loc.column), (1, 1));
    }
}
