//! How deeply a Markdown text nests, measured in one pass without rendering it.
//!
//! Rendering takes time that grows with the square of the nesting depth (`>` or `<div>`
//! repeated ten thousand times takes minutes), so `check` refuses Markdown deeper than
//! [`MAX_DEPTH`] before anything renders it. The measure is an upper bound of the depth the
//! renderer would build: on each line, the container markers it starts with (`>`, list
//! bullets, `1.`), and over the whole text, HTML tags opened and not yet closed.

/// Deepest nesting of Markdown containers and HTML elements accepted.
pub const MAX_DEPTH: usize = 50;

/// HTML elements that never have content, so never nest.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// The 1-based line where `markdown` first nests deeper than [`MAX_DEPTH`], if it does.
pub fn too_deep(markdown: &str) -> Option<usize> {
    let mut open_tags = 0usize;
    for (i, line) in markdown.lines().enumerate() {
        open_tags = html_depth(line, open_tags);
        if open_tags > MAX_DEPTH || line_markers(line) > MAX_DEPTH {
            return Some(i + 1);
        }
    }
    None
}

/// The container markers a line starts with: `> > - 1. text` opens four.
fn line_markers(line: &str) -> usize {
    let mut count = 0;
    let mut rest = line.trim_start();
    loop {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let marker = match rest.as_bytes().get(digits) {
            Some(b'.' | b')') if digits > 0 => digits + 1,
            _ if digits > 0 => return count,
            Some(b'>') => 1,
            Some(b'-' | b'*' | b'+') if rest[1..].starts_with([' ', '\t']) => 1,
            _ => return count,
        };
        count += 1;
        rest = rest[marker..].trim_start();
    }
}

/// `depth` after the HTML tags of `line`: each `<name` opens one (unless void or `/>`), each
/// `</name` closes one.
fn html_depth(line: &str, mut depth: usize) -> usize {
    let mut rest = line;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name_len =
            rest[name_start..].find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len() - name_start);
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        // Look no further than the next `<`, so a line of `<a<a<a…` is read once.
        let tag_end = rest.find(['<', '>']).filter(|end| rest.as_bytes()[*end] == b'>');
        let self_closing = tag_end.is_some_and(|end| rest[..end].ends_with('/'));
        if closing {
            depth = depth.saturating_sub(1);
        } else if !VOID.contains(&name.as_str()) && !self_closing {
            depth += 1;
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_lists_and_tags_count_their_depth() {
        assert_eq!(line_markers("> > - 1. text"), 4);
        assert_eq!(line_markers(">>>> a"), 4);
        assert_eq!(line_markers("2023 was a year"), 0);
        assert_eq!(line_markers("-5 is negative"), 0);
        assert_eq!(html_depth("<div><p>a</p><br><img src=x/>", 0), 1);
        assert_eq!(html_depth("</div></div>", 1), 0);
        assert_eq!(html_depth("a < b and 3<4", 0), 0);
    }

    #[test]
    fn depth_beyond_the_limit_is_found_at_its_line() {
        let ok = format!("{} a\n", ">".repeat(MAX_DEPTH));
        assert_eq!(too_deep(&ok), None);
        let quotes = format!("intro\n{} a\n", ">".repeat(MAX_DEPTH + 1));
        assert_eq!(too_deep(&quotes), Some(2));
        let divs = format!("{}\n", "<div>".repeat(MAX_DEPTH + 1));
        assert_eq!(too_deep(&divs), Some(1));
        // Opened on one line each, closed later: still counted.
        let lines = "<div>\n".repeat(MAX_DEPTH + 1);
        assert_eq!(too_deep(&lines), Some(MAX_DEPTH + 1));
        let closed = "<div>a</div>\n".repeat(10_000);
        assert_eq!(too_deep(&closed), None);
    }
}
