//! The markup of a rendered page, written once: the templates stay indented, spaced out and
//! quoted for the people who edit them, and a page does not carry that ten thousand times. One
//! pass over the tags of a page:
//!
//! - after the end of a tag, a run of whitespace that holds a line break becomes one line break
//!   (in normal flow a run of whitespace is one space, so the browser shows both alike);
//! - the end tags of table cells, list items and terms that HTML lets a page omit are left out
//!   where the next tag closes them anyway ([`implied`]): a browser builds the very same document
//!   (each cell's text is the same, since the next tag follows with no character between);
//! - an attribute value that HTML allows unquoted (none of [`NEEDS_QUOTES`]) loses its quotes: the
//!   browser reads the same value.
//!
//! The document keeps the same elements, attributes and words. The content of `<pre>`,
//! `<textarea>`, `<script>` and `<style>`, whose whitespace is content, is kept as written, and so
//! is a comment.

/// The bytes that HTML does not allow in an unquoted attribute value (whitespace, quotes, `=`,
/// `<`, `>` and backtick).
const NEEDS_QUOTES: [u8; 11] = *b" \t\n\r\x0c\"'=<>`";

/// How many bytes the search for the next tag reads a word at a time before it calls `memchr`:
/// most text between two tags is shorter, and a call costs as much as a dozen bytes.
const NEAR: usize = 16;

/// `html` tidied as the module says.
pub(super) fn collapse(html: &str) -> String {
    let mut tidy = Tidy { html, bytes: html.as_bytes(), out: String::with_capacity(html.len()), copied: 0 };
    let mut at = 0;
    while let Some(lt) = next_tag(tidy.bytes, at) {
        at = tidy.tag(lt);
    }
    tidy.out.push_str(&html[tidy.copied..]);
    tidy.out
}

/// A page being tidied: `html[..copied]` is in `out`, but for what was left out. Text is copied
/// in long runs: most tags need no change. The page is read as bytes: every byte that the
/// tidying looks for or cuts at is ASCII, so it never falls inside a character.
struct Tidy<'a> {
    html: &'a str,
    bytes: &'a [u8],
    out: String,
    copied: usize,
}

impl Tidy<'_> {
    /// Writes what lies before `at` that is not yet written, and leaves out `html[at..resume]`.
    fn cut(&mut self, at: usize, resume: usize) {
        self.out.push_str(&self.html[self.copied..at]);
        self.copied = resume;
    }

    /// Tidies the tag (or comment, or stray `<`) that begins at `lt`; returns where to look
    /// for the next one.
    fn tag(&mut self, lt: usize) -> usize {
        let bytes = self.bytes;
        match bytes.get(lt + 1) {
            Some(b'/') => {
                let Some(gt) = scan(bytes, lt, |word| word::eq(word, b'>')) else { return bytes.len() };
                if implied(&bytes[lt..=gt], &bytes[gt + 1..]) {
                    self.cut(lt, gt + 1);
                }
                self.after(gt + 1)
            }
            Some(b'!') => {
                let end: &[u8] = if bytes[lt..].starts_with(b"<!--") { b"-->" } else { b">" };
                memchr::memmem::find(&bytes[lt..], end)
                    .map_or(bytes.len(), |i| self.after(lt + i + end.len()))
            }
            Some(b) if b.is_ascii_alphabetic() => self.start_tag(lt),
            _ => lt + 1,
        }
    }

    /// Tidies the start tag at `lt`, its attribute values and, but for a verbatim element, the
    /// whitespace after it; returns where to look for the next tag.
    fn start_tag(&mut self, lt: usize) -> usize {
        let bytes = self.bytes;
        // Only an attribute value holds `=`, `>` or quotes that are not markup; it is read whole.
        let mut at = lt + 1;
        let gt = loop {
            match scan(bytes, at, |word| word::eq(word, b'=') | word::eq(word, b'>')) {
                None => return bytes.len(),
                Some(eq) if bytes[eq] == b'=' => at = self.value(eq + 1),
                Some(gt) => break gt,
            }
        };
        match verbatim(&bytes[lt + 1..gt]) {
            Some(name) => closing(bytes, gt + 1, name),
            None => self.after(gt + 1),
        }
    }

    /// Reads the attribute value that begins at `at` (after its `=`), without its quotes when
    /// HTML allows; returns where it ends.
    fn value(&mut self, at: usize) -> usize {
        let bytes = self.bytes;
        let Some(&quote @ (b'"' | b'\'')) = bytes.get(at) else { return at };
        // One look at each word finds both the closing quote and whether the value needs quotes
        // (a value that does, a chart's path, is searched on for its end).
        let mut from = at + 1;
        let close = loop {
            match scan(bytes, from, needs_quotes) {
                None => return bytes.len(),
                Some(odd) if !NEEDS_QUOTES.contains(&bytes[odd]) => from = odd + 1,
                Some(close) if bytes[close] == quote && close > at + 1 => break close,
                Some(empty) if bytes[empty] == quote => return empty + 1,
                Some(other) => {
                    let close = scan(bytes, other + 1, |word| word::eq(word, quote));
                    return close.map_or(bytes.len(), |close| close + 1);
                }
            }
        };
        // Quotes stay before a `/` (it would join an unquoted value) or where no space follows.
        if matches!(bytes.get(close + 1), Some(b' ' | b'\t' | b'\n' | b'\r' | b'>')) {
            self.cut(at, at + 1);
            self.cut(close, close + 1);
        }
        close + 1
    }

    /// Tidies the whitespace at `at`, after the end of a tag: a run that holds a line break
    /// becomes that line break. Returns where the run ends.
    fn after(&mut self, at: usize) -> usize {
        let bytes = self.bytes;
        // Most tags are followed by no whitespace or by a lone line break, already what it
        // becomes.
        match (bytes.get(at), bytes.get(at + 1)) {
            (None, _) => return at,
            (Some(b), _) if !is_space(*b) => return at,
            (Some(b'\n'), Some(b)) if !is_space(*b) => return at + 1,
            _ => {}
        }
        let run = bytes[at..].iter().take_while(|b| is_space(**b)).count();
        let space = &bytes[at..at + run];
        if space.contains(&b'\n') && space != b"\n" {
            self.cut(at, at + run);
            self.out.push('\n');
        }
        at + run
    }
}

/// Where the first `<` at or after `from` is.
fn next_tag(bytes: &[u8], from: usize) -> Option<usize> {
    // Half of all tags follow the end of another at once.
    if bytes.get(from) == Some(&b'<') {
        return Some(from);
    }
    let near = from.saturating_add(NEAR).min(bytes.len());
    match scan(bytes.get(..near)?, from, |word| word::eq(word, b'<')) {
        Some(lt) => Some(lt),
        None => memchr::memchr(b'<', &bytes[near..]).map(|i| near + i),
    }
}

/// Where the first byte at or after `from` is that `marks` marks in its word of eight (see
/// [`word`]).
fn scan(bytes: &[u8], from: usize, marks: impl Fn(u64) -> u64) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let found = marks(u64::from_le_bytes(*chunk));
        if found != 0 {
            return Some(at + word::first(found));
        }
        at += 8;
    }
    // The last bytes, in a word filled up with zeros; a mark on the filling is no byte.
    let rest = bytes.get(at..)?;
    let mut chunk = [0; 8];
    chunk[..rest.len()].copy_from_slice(rest);
    let found = marks(u64::from_le_bytes(chunk));
    Some(at + word::first(found)).filter(|end| *end < bytes.len())
}

/// Eight bytes of a page looked at at once (the first byte in the lowest bits): each function
/// marks the high bit of the bytes it looks for. A mark may also fall on a byte above a marked
/// one (the subtraction borrows), never below: the lowest mark is exact.
mod word {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;

    /// The bytes equal to `byte`.
    pub(super) fn eq(word: u64, byte: u8) -> u64 {
        below(word ^ (LOW * u64::from(byte)), 1)
    }

    /// The bytes below `limit` (at most 128).
    pub(super) fn below(word: u64, limit: u8) -> u64 {
        word.wrapping_sub(LOW * u64::from(limit)) & !word & HIGH
    }

    /// `byte` in each of the eight.
    pub(super) fn each(byte: u8) -> u64 {
        LOW * u64::from(byte)
    }

    /// Which byte the lowest mark is on (8 for none).
    pub(super) fn first(marks: u64) -> usize {
        (marks.trailing_zeros() / 8) as usize
    }
}

/// Marks at least the [`NEEDS_QUOTES`] bytes of `word`, and a few rare others that the caller
/// tells apart: the other control bytes with the whitespace, and `?` with `<`, `=` and `>`
/// (one test for the four bytes `0x3c..=0x3f`).
fn needs_quotes(word: u64) -> u64 {
    word::below(word, b' ' + 1)
        | word::eq(word, b'"')
        | word::eq(word, b'\'')
        | word::eq(word & word::each(0xfc), b'<')
        | word::eq(word, b'`')
}

/// Whether `b` is whitespace that the tidying collapses after a tag.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Where the end tag of the verbatim element `name` begins, from `from` on (the end of `html`
/// when the element is not closed: it runs to the end).
fn closing(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(i) = bytes.get(at..).and_then(|rest| memchr::memmem::find(rest, b"</")) {
        let lt = at + i;
        let after = lt + 2 + name.len();
        if bytes[lt + 2..].starts_with(name) && matches!(bytes.get(after), Some(b'>' | b' ' | b'\n' | b'\t'))
        {
            return lt;
        }
        at = lt + 2;
    }
    bytes.len()
}

/// The name of the verbatim element (`pre`, `textarea`, `script`, `style`) whose start tag holds `inside` (what lies between `<`
/// and `>`), if it is one. Most tags are not even near (`td`, `span`): two letters tell.
fn verbatim(inside: &[u8]) -> Option<&'static [u8]> {
    let name: &'static [u8] = match inside.get(..2)? {
        b"pr" => b"pre",
        b"te" => b"textarea",
        b"sc" => b"script",
        b"st" => b"style",
        _ => return None,
    };
    let ends = !inside.get(name.len()).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-');
    (inside.starts_with(name) && ends).then_some(name)
}

/// Whether the end tag `end` is closed anyway by the tag that `tail` begins with: HTML's
/// optional end tags. A cell ends at the next cell or the row's end, a list item at the next
/// item or the list's end, a term at its description, a description at the next term or
/// description or the end of its list or of the `<div>` that groups it, a table's head at its
/// body.
fn implied(end: &[u8], tail: &[u8]) -> bool {
    // Most end tags (`</a>`, `</span>`) are told apart by their letter, and text or space
    // after one keeps it.
    if !matches!(end.get(2), Some(b't' | b'l' | b'd')) || tail.first() != Some(&b'<') {
        return false;
    }
    // The next tag's name ends at `>` or a space; the patterns are compared byte by byte.
    match end {
        b"</td>" | b"</th>" => {
            matches!(
                tail,
                [b'<', b't', b'd' | b'h', b'>' | b' ', ..] | [b'<', b'/', b't', b'r', b'>' | b' ', ..]
            )
        }
        b"</li>" => {
            matches!(
                tail,
                [b'<', b'l', b'i', b'>' | b' ', ..] | [b'<', b'/', b'u' | b'o', b'l', b'>' | b' ', ..]
            )
        }
        b"</dt>" => matches!(tail, [b'<', b'd', b'd', b'>' | b' ', ..]),
        b"</dd>" => matches!(
            tail,
            [b'<', b'd', b'd' | b't', b'>' | b' ', ..]
                | [b'<', b'/', b'd', b'l', b'>' | b' ', ..]
                | [b'<', b'/', b'd', b'i', b'v', b'>' | b' ', ..]
        ),
        b"</thead>" => matches!(tail, [b'<', b't', b'b', b'o', b'd', b'y', b'>' | b' ', ..]),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::collapse;

    #[test]
    fn indentation_and_blank_lines_between_tags_become_one_line_break() {
        let page = "<dl>\n  <div><dt>Target</dt><dd>40 perusahaan</dd></div>\n\n\n  <div>x</div>\n</dl>\n";
        assert_eq!(collapse(page), "<dl>\n<div><dt>Target<dd>40 perusahaan</div>\n<div>x</div>\n</dl>\n");
    }

    #[test]
    fn spaces_without_a_line_break_and_text_are_kept() {
        // A space between two inline elements separates their words; text is never touched.
        let page = "<a>Cari</a> <b>x</b>\n<p>dua  spasi\n\n  teks</p>";
        assert_eq!(collapse(page), page);
    }

    #[test]
    fn end_tags_that_the_next_tag_implies_are_left_out() {
        let table = "<tr><th scope=\"row\">TW1</th><td>8 perusahaan</td><td>–</td></tr>\n</tbody>";
        assert_eq!(collapse(table), "<tr><th scope=row>TW1<td>8 perusahaan<td>–</tr>\n</tbody>");
        let list =
            "<ul><li><a href=\"a/\">2023</a></li><li>2022</li></ul><dl><dt>Target</dt><dd>40</dd></dl>";
        assert_eq!(collapse(list), "<ul><li><a href=a/>2023</a><li>2022</ul><dl><dt>Target<dd>40</dl>");
        let grouped =
            "<dl><div><dt>A</dt><dd>1</dd></div></dl><table><thead><tr><th>x</th></tr></thead><tbody>";
        assert_eq!(collapse(grouped), "<dl><div><dt>A<dd>1</div></dl><table><thead><tr><th>x</tr><tbody>");
        // Not when text or a line break comes between (it would join the cell), nor before a
        // tag that only begins alike, nor any other end tag.
        for kept in [
            "<td>1</td>\n<td>2</td>",
            "<td>1</td> <td>2",
            "<th>1</th><thead>",
            "<p>a</p><p>b</p>",
            "<dd>1</dd>\n</dl>",
        ] {
            assert_eq!(collapse(kept), kept);
        }
    }

    #[test]
    fn attribute_values_lose_the_quotes_that_html_does_not_need() {
        let tag =
            "<a class=\"badge b0\" href=\"../../tahun/2023/\" title=\"\" data-x=\"a=b\" lang=\"en\">x</a>";
        assert_eq!(
            collapse(tag),
            "<a class=\"badge b0\" href=../../tahun/2023/ title=\"\" data-x=\"a=b\" lang=en>x</a>"
        );
        // Each character that would end or change an unquoted value keeps the quotes.
        for kept in ["<p title=\"a'b\">", "<p title=\"a`b\">", "<p title=\"a<b\">", "<p title=\"a\tb\">"] {
            assert_eq!(collapse(kept), kept);
        }
        // Before `/>` the slash would join the value; without a space after it, the next
        // attribute's name would; a value in single quotes loses them too; text is left alone.
        let svg = "<path class=\"cb\" d=\"M1 2\"/><rect x=\"1\"/><p title='x'>class=\"y\"</p>";
        assert_eq!(collapse(svg), "<path class=cb d=\"M1 2\"/><rect x=\"1\"/><p title=x>class=\"y\"</p>");
        // Nor inside a comment or a verbatim element; a `>` inside a quoted value is no tag end.
        let page = "<!-- a=\"b\" --><script src=\"s.js\">x=\"1\"</script><p title=\"a>b\" id=\"p\">";
        assert_eq!(collapse(page), "<!-- a=\"b\" --><script src=s.js>x=\"1\"</script><p title=\"a>b\" id=p>");
    }

    #[test]
    fn whitespace_that_is_content_is_kept() {
        let page =
            "<div>\n\n  <pre><code>a\n\n    b\n</code></pre>\n\n<textarea>\n  x</textarea>\n  <p>\n  y</p>";
        assert_eq!(
            collapse(page),
            "<div>\n<pre><code>a\n\n    b\n</code></pre>\n<textarea>\n  x</textarea>\n<p>\ny</p>"
        );
        // An element whose name only begins like `pre` is not verbatim; an unclosed one runs to
        // the end.
        assert_eq!(collapse("<prefix>\n  a"), "<prefix>\na");
        assert_eq!(collapse("<p>\n <pre>\n  a"), "<p>\n<pre>\n  a");
    }

    #[test]
    fn a_page_that_ends_inside_a_tag_keeps_its_last_bytes() {
        // Each of these ends before the tag, value or comment closes: nothing after it is a tag
        // end, so what is there is kept (and the tidying of what came before stands).
        for (page, tidied) in [
            ("<p>\n  <a href=\"x", "<p>\n<a href=\"x"),
            ("<p class=\"a\">\n  <td", "<p class=a>\n<td"),
            ("<td>1</td", "<td>1</td"),
            ("<td>1</td><td", "<td>1</td><td"),
            ("<p>\n  <!-- x", "<p>\n<!-- x"),
            ("<p>\n  <", "<p>\n<"),
            ("<p title=\"x\">", "<p title=x>"),
            ("<p title=\"x\"", "<p title=\"x\""),
            ("<p>\r\n", "<p>\n"),
        ] {
            assert_eq!(collapse(page), tidied, "{page:?}");
        }
    }

    #[test]
    fn a_lone_less_than_sign_in_text_is_no_tag() {
        // `<` before a space, a digit or `=` begins no tag: the space after it stays.
        let page = "<p>a < b\n\n  <3 <= 4</p>\n\n<td>x</td><td>";
        assert_eq!(collapse(page), "<p>a < b\n\n  <3 <= 4</p>\n<td>x<td>");
    }

    #[test]
    fn attributes_without_a_value_or_with_markup_inside_quotes_are_read_whole() {
        // `disabled` has no value; the `>` and `=` inside quotes end neither the tag nor the
        // value, so the quotes stay and the next value still loses them.
        let page = "<input disabled name=\"q\"><p title=\"a>b\" data-x='k=v' id=\"p\">\n  x";
        assert_eq!(collapse(page), "<input disabled name=q><p title=\"a>b\" data-x='k=v' id=p>\nx");
        // A value that begins unquoted runs to the space; the next one is still read.
        assert_eq!(collapse("<a x=y href=\"h\">"), "<a x=y href=h>");
    }

    #[test]
    fn values_are_read_across_the_words_of_eight_bytes() {
        // The value scan looks at eight bytes at once: a closing quote or a space at each place
        // of a word, in a long value and in the last bytes of a page, is found.
        for len in 1..=20 {
            let value = "v".repeat(len);
            assert_eq!(collapse(&format!("<a href=\"{value}\">")), format!("<a href={value}>"));
            assert_eq!(collapse(&format!("<a href=\"{value}\" >")), format!("<a href={value} >"));
            let spaced = format!("{value} w");
            assert_eq!(collapse(&format!("<a class=\"{spaced}\">")), format!("<a class=\"{spaced}\">"));
            let text = "t".repeat(len);
            assert_eq!(collapse(&format!("{text}<b>\n  x</b>")), format!("{text}<b>\nx</b>"));
        }
        // A path of a chart: long, with spaces, read to its end.
        let path = format!("<path d=\"M{}\" class=\"ln\"></path>", " 1 2 L".repeat(40));
        assert_eq!(collapse(&path), path.replace("class=\"ln\"", "class=ln"));
    }

    #[test]
    fn rare_bytes_near_the_ones_that_need_quotes_do_not_keep_them() {
        // A control byte is marked with the whitespace and `?` with `<`, `=`, `>`: neither
        // needs quotes (nor do `#`, `%`, `&` or non-ASCII letters); a form feed does.
        let page = "<a href=\"?q\" x=\"a\u{1}b\" fill=\"#00f\" w=\"100%\" t=\"é&amp;\" f=\"a\u{c}b\">";
        assert_eq!(collapse(page), "<a href=?q x=a\u{1}b fill=#00f w=100% t=é&amp; f=\"a\u{c}b\">");
        // An empty value keeps its quotes and is not mistaken for the start of the next one.
        assert_eq!(collapse("<a title=\"\" href=\"h\">"), "<a title=\"\" href=h>");
        assert_eq!(collapse("<a title='' href='h'>"), "<a title='' href=h>");
    }

    #[test]
    fn uppercase_tags_are_tidied_but_keep_their_end_tags() {
        // The templates write lowercase; an uppercase tag is still a tag (its values and the
        // space after it are tidied), but only lowercase end tags are left out.
        let page = "<TD CLASS=\"n\">1</TD><TD>\n  2</td><td>";
        assert_eq!(collapse(page), "<TD CLASS=n>1</TD><TD>\n2<td>");
    }

    #[test]
    fn comments_and_the_doctype_are_kept_as_written() {
        let page = "<!doctype html>\n\n<html lang=\"id\">\n  <!-- a=\"b\"  <td> </td><td> -->\n  <p>";
        assert_eq!(collapse(page), "<!doctype html>\n<html lang=id>\n<!-- a=\"b\"  <td> </td><td> -->\n<p>");
    }

    #[test]
    fn a_verbatim_element_ends_only_at_its_own_end_tag() {
        // `</pre` inside an attribute or followed by other letters does not end the element.
        let page = "<pre>\n<span title=\"</pre\">\n\n  x</span></prefix>\n\n  y</pre>\n\n  <p>";
        assert_eq!(collapse(page), "<pre>\n<span title=\"</pre\">\n\n  x</span></prefix>\n\n  y</pre>\n<p>");
        let script = "<script>\n  if (a < b) { x = \"1\"; }\n</script  >\n\n<style>\n  p { }\n</style>";
        assert_eq!(
            collapse(script),
            "<script>\n  if (a < b) { x = \"1\"; }\n</script  >\n<style>\n  p { }\n</style>"
        );
    }

    #[test]
    fn line_breaks_written_as_crlf_collapse_too() {
        let page = "<ul>\r\n  <li><a href=\"a\"\r\n>x</a></li>\r\n</ul>\r\n\r\n<p>a\r\nb</p>";
        assert_eq!(collapse(page), "<ul>\n<li><a href=a\r\n>x</a></li>\n</ul>\n<p>a\r\nb</p>");
    }

    /// A piece of a page as the templates write them: tags with and without values, cells,
    /// list items and terms whose end tags may go, whitespace, text (with a `<` that begins
    /// no tag), comments and verbatim elements with whitespace inside.
    fn piece() -> impl Strategy<Value = String> {
        let text = "[a-zé<0-9 .&;]{0,12}".prop_map(|t| t.replace("<", "< "));
        let space = "[ \t\n\r]{0,6}";
        let value = "[a-z0-9 /#'=>?`\"-]{0,10}".prop_map(|v| v.replace('"', "&quot;"));
        prop_oneof![
            space.prop_map(String::from),
            text.clone(),
            (text.clone(), prop::sample::select(vec!["td", "th", "li", "dt", "dd"]))
                .prop_map(|(t, tag)| format!("<{tag}>{t}</{tag}>")),
            prop::sample::select(vec![
                "<tr>",
                "</tr>",
                "<ul>",
                "</ul>",
                "<dl>",
                "</dl>",
                "<div>",
                "</div>",
                "<tbody>",
                "<thead><tr><th>x</th></tr></thead>",
                "</a>",
                "<br>",
                "<input disabled>",
                "<!doctype html>",
            ])
            .prop_map(String::from),
            (value.clone(), value)
                .prop_map(|(a, b)| format!("<a href=\"{a}\" title='{}'>", b.replace('\'', ""))),
            "[a-z \n\t]{0,12}".prop_map(|c| format!("<pre class=\"c\">{c}</pre>")),
            text.prop_map(|c| format!("<!-- {} -->", c.replace('>', ""))),
        ]
    }

    /// The characters of `html` outside its tags, but whitespace (verbatim content counts as
    /// text: it holds no `<`).
    fn words(html: &str) -> String {
        let mut words = String::new();
        let mut rest = html;
        while let Some(c) = rest.chars().next() {
            let tag = rest
                .strip_prefix('<')
                .filter(|r| r.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!'));
            match tag {
                Some(_) if rest.starts_with("<!--") => {
                    rest = &rest[rest.find("-->").map_or(rest.len(), |i| i + 3)..]
                }
                Some(_) => rest = &rest[tag_end(rest)..],
                None => {
                    if !c.is_whitespace() {
                        words.push(c);
                    }
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        words
    }

    /// Where the tag at the start of `html` ends, after its `>` (a `>` in quotes is no end).
    fn tag_end(html: &str) -> usize {
        let mut quote = None;
        for (i, c) in html.char_indices() {
            match (quote, c) {
                (None, '"' | '\'') if html[..i].ends_with('=') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => return i + 1,
                _ => {}
            }
        }
        html.len()
    }

    proptest! {
        #[test]
        fn tidying_keeps_the_words_and_is_done_in_one_pass(pieces in prop::collection::vec(piece(), 0..40)) {
            let page = pieces.concat();
            let tidied = collapse(&page);
            prop_assert_eq!(words(&tidied), words(&page));
            prop_assert!(tidied.len() <= page.len());
            prop_assert_eq!(collapse(&tidied), tidied.clone());
            // Outside verbatim content, no run of whitespace with a line break after a tag's end
            // is longer than that line break.
            let mut outside = tidied.clone();
            while let Some(start) = outside.find("<pre") {
                let end = outside[start..].find("</pre>").map_or(outside.len(), |i| start + i);
                outside.replace_range(start..end, "");
            }
            for (i, _) in outside.match_indices('>') {
                let run: String = outside[i + 1..].chars().take_while(|c| matches!(c, ' ' | '\t' | '\n' | '\r')).collect();
                prop_assert!(!run.contains('\n') || run == "\n", "{:?} after {:?}", run, &outside[..i + 1]);
            }
            // Verbatim content is kept as written.
            let verbatim = |html: &str| html.split("<pre").skip(1).map(|p| p[p.find('>').unwrap_or(0)..p.find("</pre>").unwrap_or(p.len())].to_string()).collect::<Vec<_>>();
            prop_assert_eq!(verbatim(&tidied), verbatim(&page));
        }
    }
}
