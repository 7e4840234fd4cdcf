//! The markup of a rendered page, written once: the templates stay indented, spaced out and
//! quoted for the people who edit them, and a page does not carry that ten thousand times. One
//! pass over the tags of a page:
//!
//! - after the end of a tag, a run of whitespace that holds a line break becomes one line break
//!   (in normal flow a run of whitespace is one space, so the browser shows both alike);
//! - the end tags of table cells, list items and terms that HTML lets a page omit are left out
//!   where the next tag closes them anyway ([`OMITTED`]): a browser builds the very same document
//!   (each cell's text is the same, since the next tag follows with no character between);
//! - an attribute value that HTML allows unquoted ([`unquotable`]) loses its quotes: the
//!   browser reads the same value.
//!
//! The document keeps the same elements, attributes and words. The content of `<pre>`,
//! `<textarea>`, `<script>` and `<style>`, whose whitespace is content, is kept as written, and so
//! is a comment.

/// Elements whose content is kept as written.
const VERBATIM: [&str; 4] = ["pre", "textarea", "script", "style"];

/// End tags that are left out when the next tag follows at once and is one of these (HTML's
/// optional end tags: a cell ends at the next cell or the row's end, a list item at the next
/// item or the list's end, a term at its description, a description at the next term or
/// description or the end of its list or of the `<div>` that groups it, a table's head at its
/// body).
const OMITTED: [(&str, &[&str]); 6] = [
    ("</td>", &["<td", "<th", "</tr"]),
    ("</th>", &["<td", "<th", "</tr"]),
    ("</li>", &["<li", "</ul", "</ol"]),
    ("</dt>", &["<dd"]),
    ("</dd>", &["<dd", "<dt", "</dl", "</div"]),
    ("</thead>", &["<tbody"]),
];

/// `html` tidied as the module says.
pub(super) fn collapse(html: &str) -> String {
    let mut tidy = Tidy { html, out: String::with_capacity(html.len()), copied: 0 };
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &html.as_bytes()[at..]) {
        at = tidy.tag(at + i);
    }
    tidy.out.push_str(&html[tidy.copied..]);
    tidy.out
}

/// A page being tidied: `html[..copied]` is in `out`, but for what was left out. Text is copied
/// in long runs: most tags need no change.
struct Tidy<'a> {
    html: &'a str,
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
        let html = self.html;
        match html.as_bytes().get(lt + 1) {
            Some(b'/') => {
                let Some(gt) = memchr::memchr(b'>', &html.as_bytes()[lt..]).map(|i| lt + i) else {
                    return html.len();
                };
                if implied(&html[lt..=gt], &html[gt + 1..]) {
                    self.cut(lt, gt + 1);
                }
                self.after(gt + 1)
            }
            Some(b'!') => {
                let end = if html[lt..].starts_with("<!--") { "-->" } else { ">" };
                html[lt..].find(end).map_or(html.len(), |i| self.after(lt + i + end.len()))
            }
            Some(b) if b.is_ascii_alphabetic() => self.start_tag(lt),
            _ => lt + 1,
        }
    }

    /// Tidies the start tag at `lt`, its attribute values and, but for a verbatim element, the
    /// whitespace after it; returns where to look for the next tag.
    fn start_tag(&mut self, lt: usize) -> usize {
        let bytes = self.html.as_bytes();
        let name_len =
            bytes[lt + 1..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
        let name = &self.html[lt + 1..lt + 1 + name_len];
        let mut at = lt + 1 + name_len;
        // Only an attribute value holds `=`, `>` or quotes that are not markup; it is read whole.
        // A tag is short: a plain loop beats a vectorised search here (measured), while a value
        // (a chart's path) can be long.
        loop {
            match bytes.get(at) {
                None => return bytes.len(),
                Some(b'>') => break,
                Some(b'=') => at = self.value(at + 1),
                Some(_) => at += 1,
            }
        }
        if verbatim(name) { closing(self.html, at + 1, name) } else { self.after(at + 1) }
    }

    /// Reads the attribute value that begins at `at` (after its `=`), without its quotes when
    /// HTML allows; returns where it ends.
    fn value(&mut self, at: usize) -> usize {
        let bytes = self.html.as_bytes();
        let Some(&quote @ (b'"' | b'\'')) = bytes.get(at) else { return at };
        let Some(close) = memchr::memchr(quote, &bytes[at + 1..]).map(|i| at + 1 + i) else {
            return bytes.len();
        };
        // Quotes stay before a `/` (it would join an unquoted value) or where no space follows.
        let ends = matches!(bytes.get(close + 1), Some(b' ' | b'\t' | b'\n' | b'\r' | b'>'));
        if ends && unquotable(&bytes[at + 1..close]) {
            self.cut(at, at + 1);
            self.cut(close, close + 1);
        }
        close + 1
    }

    /// Tidies the whitespace at `at`, after the end of a tag: a run that holds a line break
    /// becomes that line break. Returns where the run ends.
    fn after(&mut self, at: usize) -> usize {
        let bytes = self.html.as_bytes();
        let run = bytes[at..].iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')).count();
        let space = &bytes[at..at + run];
        // A lone line break is already what it becomes.
        if space.contains(&b'\n') && space != b"\n" {
            self.cut(at, at + run);
            self.out.push('\n');
        }
        at + run
    }
}

/// Whether HTML reads the attribute value `value` the same without its quotes: it is not empty
/// and holds no whitespace, quote, `=`, `<`, `>` or backtick.
fn unquotable(value: &[u8]) -> bool {
    !value.is_empty()
        && !value.iter().any(|b| {
            matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'"' | b'\'' | b'=' | b'<' | b'>' | b'`')
        })
}

/// Where the end tag of the verbatim element `name` begins, from `from` on (the end of `html`
/// when the element is not closed: it runs to the end).
fn closing(html: &str, from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(i) = html[at..].find("</") {
        let lt = at + i;
        let after = lt + 2 + name.len();
        if html[lt + 2..].starts_with(name)
            && matches!(html.as_bytes().get(after), Some(b'>' | b' ' | b'\n' | b'\t'))
        {
            return lt;
        }
        at = lt + 2;
    }
    html.len()
}

/// Whether `name` is one of the [`VERBATIM`] elements (most tags are not even near: `a`, `td`).
fn verbatim(name: &str) -> bool {
    matches!(name.as_bytes().first(), Some(b'p' | b't' | b's')) && VERBATIM.contains(&name)
}

/// Whether the end tag `end` is closed anyway by the tag that `tail` begins with.
fn implied(end: &str, tail: &str) -> bool {
    // Every end tag of [`OMITTED`] is `</t…`, `</l…` or `</d…`; most others (`</a>`, `</span>`)
    // are told apart by that letter alone.
    if !matches!(end.as_bytes().get(2), Some(b't' | b'l' | b'd')) {
        return false;
    }
    let Some((_, followers)) = OMITTED.iter().find(|(omitted, _)| *omitted == end) else { return false };
    let next =
        tail.as_bytes().iter().take(8).position(|b| matches!(b, b'>' | b' ')).map_or("", |i| &tail[..i]);
    followers.contains(&next)
}
#[cfg(test)]
mod tests {
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
}
