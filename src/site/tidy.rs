//! The whitespace of a rendered page, written once: the templates stay indented and spaced out
//! for the people who edit them, and a page does not carry their indentation and blank lines
//! ten thousand times. After the end of a tag, a run of whitespace that holds a line break
//! becomes one line break. The browser shows both alike (in normal flow a run of whitespace is
//! one space) and the document has the same elements, attributes and words; the whitespace of
//! `<pre>`, `<textarea>`, `<script>` and `<style>`, which is content, is kept as written.
//!
//! The end tags of table cells, list items and terms that HTML lets a page omit are left out
//! where the next tag closes them anyway ([`OMITTED`]): a browser builds the very same document
//! (each cell's text is the same, since the next tag follows with no character between), and a
//! table of figures is a quarter shorter.

/// Elements whose whitespace is content, by their opening and closing tags.
const VERBATIM: [(&str, &str); 4] =
    [("<pre", "</pre>"), ("<textarea", "</textarea>"), ("<script", "</script>"), ("<style", "</style>")];

/// End tags that are left out when the next tag follows at once and is one of these (HTML's
/// optional end tags: a cell ends at the next cell or the row's end, a list item at the next
/// item or the list's end, a term at its description).
const OMITTED: [(&str, &[&str]); 4] = [
    ("</td>", &["<td", "<th", "</tr"]),
    ("</th>", &["<td", "<th", "</tr"]),
    ("</li>", &["<li", "</ul", "</ol"]),
    ("</dt>", &["<dd"]),
];

/// `html` with every run of whitespace that follows a `>` and holds a line break reduced to that
/// line break, outside the verbatim elements.
pub(super) fn collapse(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some((start, close)) = next_verbatim(rest) {
        squeeze(&rest[..start], &mut out);
        let end = rest[start..].find(close).map_or(rest.len(), |i| start + i + close.len());
        out.push_str(&rest[start..end]);
        // The verbatim element's closing tag is a tag end like any other.
        rest = line_break(&rest[end..], &mut out);
    }
    squeeze(rest, &mut out);
    out
}

/// Where the first verbatim element of `html` opens, and its closing tag.
fn next_verbatim(html: &str) -> Option<(usize, &'static str)> {
    VERBATIM
        .iter()
        .filter_map(|(open, close)| {
            let mut from = 0;
            while let Some(i) = html[from..].find(open) {
                let at = from + i;
                // `<pre>` or `<pre class=…>`, not a longer name that begins alike.
                match html.as_bytes().get(at + open.len()) {
                    Some(b'>' | b' ' | b'\n' | b'\t') => return Some((at, *close)),
                    _ => from = at + open.len(),
                }
            }
            None
        })
        .min_by_key(|(at, _)| *at)
}

/// Appends `text` with each whitespace run after a `>` that holds a line break written as `\n`,
/// and without the end tags that the tag after them implies. Text is copied in long runs: most
/// tags need neither.
fn squeeze(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    // `text[..copied]` is in `out` (but for what was left out).
    let mut copied = 0;
    let mut from = 0;
    while let Some(i) = text[from..].find('>') {
        let gt = from + i;
        from = gt + 1;
        let end = omitted_before(&text[..from], &text[from..]);
        if !end.is_empty() {
            out.push_str(&text[copied..from - end.len()]);
            copied = from;
        }
        let run = bytes[from..].iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')).count();
        // A lone line break is already what it becomes.
        let space = &bytes[from..from + run];
        if space.contains(&b'\n') && space != b"\n" {
            out.push_str(&text[copied..from]);
            out.push('\n');
            from += run;
            copied = from;
        }
    }
    out.push_str(&text[copied..]);
}

/// `text` after the whitespace it begins with, when that holds a line break, which is appended
/// to `out` in its place; otherwise `text` as it is.
fn line_break<'a>(text: &'a str, out: &mut String) -> &'a str {
    let rest = text.trim_start_matches([' ', '\t', '\n', '\r']);
    if text[..text.len() - rest.len()].contains('\n') {
        out.push('\n');
        rest
    } else {
        text
    }
}

/// The end tag that `head` ends with when `tail` begins with a tag that closes its element
/// anyway; an empty string otherwise.
fn omitted_before<'a>(head: &'a str, tail: &str) -> &'a str {
    // Every such end tag is five bytes, `</xx>`: most tags are ruled out at once.
    if head.len() < 5 || !head.as_bytes()[head.len() - 5..].starts_with(b"</") {
        return "";
    }
    let Some((end, followers)) = OMITTED.iter().find(|(end, _)| head.ends_with(end)) else { return "" };
    let next = tail.as_bytes().iter().position(|b| matches!(b, b'>' | b' ')).map_or("", |i| &tail[..i]);
    if followers.contains(&next) { &head[head.len() - end.len()..] } else { "" }
}

#[cfg(test)]
mod tests {
    use super::collapse;

    #[test]
    fn indentation_and_blank_lines_between_tags_become_one_line_break() {
        let page = "<dl>\n  <div><dt>Target</dt><dd>40 perusahaan</dd></div>\n\n\n  <div>x</div>\n</dl>\n";
        assert_eq!(
            collapse(page),
            "<dl>\n<div><dt>Target<dd>40 perusahaan</dd></div>\n<div>x</div>\n</dl>\n"
        );
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
        assert_eq!(collapse(table), "<tr><th scope=\"row\">TW1<td>8 perusahaan<td>–</tr>\n</tbody>");
        let list =
            "<ul><li><a href=\"a/\">2023</a></li><li>2022</li></ul><dl><dt>Target</dt><dd>40</dd></dl>";
        assert_eq!(
            collapse(list),
            "<ul><li><a href=\"a/\">2023</a><li>2022</ul><dl><dt>Target<dd>40</dd></dl>"
        );
        // Not when text or a line break comes between (it would join the cell), nor before a
        // tag that only begins alike, nor any other end tag.
        for kept in ["<td>1</td>\n<td>2</td>", "<td>1</td> <td>2", "<th>1</th><thead>", "<p>a</p><p>b</p>"] {
            assert_eq!(collapse(kept), kept);
        }
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
