//! HTML escaping for the pages: `&`, `<`, `>`, `"` and `'`, which is all that HTML text and
//! quoted attribute values need. minijinja's own escaper also writes every `/` as `&#x2f;`,
//! which a page with relative links (`../../tahun/2023/`) pays for about a hundred times; so
//! the templates' output goes through [`formatter`], and the Rust pieces of markup
//! (`site::html`) use [`Escape`], and both leave `/` alone.

use std::fmt;

use minijinja::value::{Value, ValueKind};
use minijinja::{AutoEscape, Error, Output, State};

/// `text`, HTML-escaped when displayed.
pub struct Escape<'a>(pub &'a str);

impl fmt::Display for Escape<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The five characters are ASCII, so a byte scan finds them and every cut falls between
        // characters (a `find` with a set of chars decoded each character; scanning bytes saves
        // ≈ 2 % of a build's instructions).
        let text = self.0;
        let mut copied = 0;
        for (i, b) in text.bytes().enumerate() {
            let entity = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#x27;",
                _ => continue,
            };
            f.write_str(&text[copied..i])?;
            f.write_str(entity)?;
            copied = i + 1;
        }
        f.write_str(&text[copied..])
    }
}

/// The environment's formatter: a value that is not marked safe, in a template that escapes
/// HTML, is written through [`Escape`]; anything else as minijinja writes it (numbers, `none`,
/// safe strings, templates without escaping).
pub fn formatter(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    let plain =
        matches!(value.kind(), ValueKind::Undefined | ValueKind::None | ValueKind::Bool | ValueKind::Number);
    if *state.auto_escape() != AutoEscape::Html || value.is_safe() || plain {
        return minijinja::escape_formatter(out, state, value);
    }
    let written = match value.as_str() {
        Some(text) => write!(out, "{}", Escape(text)),
        None => write!(out, "{}", Escape(&value.to_string())),
    };
    written.map_err(Error::from)
}

#[cfg(test)]
mod tests {
    use minijinja::{Environment, context};

    use super::*;

    #[test]
    fn markup_characters_are_escaped_and_slashes_are_not() {
        assert_eq!(
            Escape("a/b <c> & \"d\" 'e'").to_string(),
            "a/b &lt;c&gt; &amp; &quot;d&quot; &#x27;e&#x27;"
        );
        assert_eq!(Escape("").to_string(), "");
        assert_eq!(Escape("Perbup 77/2023 — é").to_string(), "Perbup 77/2023 — é");
    }

    #[test]
    fn templates_escape_through_the_formatter() {
        let mut env = Environment::new();
        env.set_formatter(formatter);
        env.add_template("p.html", "<a href=\"{{ url }}\">{{ text }}</a>{{ n }}{{ safe }}").unwrap();
        let ctx = context! {
            url => "../../tahun/2023/",
            text => "<script>\"x\"</script>",
            n => 7,
            safe => Value::from_safe_string("<b>/</b>".into()),
        };
        let out = env.get_template("p.html").unwrap().render(ctx).unwrap();
        assert_eq!(
            out,
            "<a href=\"../../tahun/2023/\">&lt;script&gt;&quot;x&quot;&lt;/script&gt;</a>7<b>/</b>"
        );
        // A template that is not HTML is not escaped.
        env.add_template("p.txt", "{{ text }}").unwrap();
        let out = env.get_template("p.txt").unwrap().render(context! { text => "<a/>" }).unwrap();
        assert_eq!(out, "<a/>");
    }
}
