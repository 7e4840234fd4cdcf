//! A chart as it is written inline in a page of the site, lean: the page's stylesheet
//! (`svg.c` in the theme's `style.css`) gives the font, the text colour and the paint of each
//! series, so the SVG carries only classes and coordinates. Each text is one line, its vertical
//! offset folded into its `y`, and texts of one anchor share a `<g text-anchor>`.
//!
//! Without the stylesheet the chart still reads: the texts keep their places, the bars and the
//! target markers are drawn in black, and the lines are never filled (`fill="none"` stays on
//! them).

use std::fmt::Write as _;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::{Chart, FONT_PX, escape};

/// The root element, title and description of a chart inline in a page. The page's elements
/// named in `named_by` come first in its name, and the one in `described_by` replaces the
/// `<desc>`: the page's heading and data table are not written twice.
pub(super) fn root(out: &mut String, chart: &Chart, id: &str, (w, h): (u32, u32)) {
    let id = escape(id);
    let named_by = chart.named_by.map(|n| format!("{} ", escape(n))).unwrap_or_default();
    let described = match chart.described_by {
        Some(d) => format!("\" aria-describedby=\"{}", escape(d)),
        None => format!(" {id}-desc"),
    };
    let _ = write!(
        out,
        "<svg role=\"img\" aria-labelledby=\"{named_by}{id}-title{described}\" viewBox=\"0 0 {w} {h}\" \
         width=\"{w}\" height=\"{h}\" class=\"c\">\n<title id=\"{id}-title\">{}</title>\n",
        escape(chart.title),
    );
    if chart.described_by.is_none() {
        let _ = writeln!(out, "<desc id=\"{id}-desc\">{}</desc>", escape(chart.description));
    }
}

/// One text of plotters' drawing in the usual font: where it is anchored, and its words.
struct Label<'a> {
    x: &'a str,
    /// The baseline, with plotters' `dy` folded in.
    y: i64,
    anchor: &'a str,
    words: &'a str,
}

/// Appends plotters' `body` (its texts, their font and colour already removed) with each text
/// in the usual font on one line and consecutive texts of one anchor in one group; a text
/// written otherwise is kept as plotters wrote it, on one line.
pub(super) fn texts(body: &str, out: &mut String) {
    static OPEN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("<text"));
    static CLOSE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("</text>"));
    let mut group = "start";
    let mut rest = body;
    while let Some(start) = OPEN.find(rest.as_bytes()) {
        let Some(len) = CLOSE.find(&rest.as_bytes()[start..]) else { break };
        let between = rest[..start].trim();
        let element = &rest[start..start + len];
        rest = &rest[start + len + "</text>".len()..];
        if !between.is_empty() {
            group = regroup(out, group, "start");
            out.push_str(between);
        }
        let label = label(element);
        group = regroup(out, group, label.as_ref().map_or("start", |l| l.anchor));
        match label {
            Some(l) => {
                let _ = write!(out, "<text x=\"{}\" y=\"{}\">{}</text>", l.x, l.y, l.words);
            }
            None => {
                out.extend(element.split('\n'));
                out.push_str("</text>");
            }
        }
    }
    regroup(out, group, "start");
    out.push('\n');
    let rest = rest.trim();
    if !rest.is_empty() {
        out.push_str(rest);
        out.push('\n');
    }
}

/// Closes the group of texts anchored at `from` and opens one for `to`, unless they are the
/// same; texts anchored at the start (SVG's default) need no group. Returns `to`.
fn regroup<'a>(out: &mut String, from: &str, to: &'a str) -> &'a str {
    if from != to {
        if from != "start" {
            out.push_str("</g>");
        }
        if to != "start" {
            let _ = write!(out, "\n<g text-anchor=\"{to}\">");
        }
    }
    to
}

/// The label of a `<text …>\nwords\n` element (its end tag cut off) whose attributes are only
/// a position, plotters' vertical offset and an anchor; `None` for any other.
fn label(element: &str) -> Option<Label<'_>> {
    let (attrs, words) = element.strip_prefix("<text")?.split_once('>')?;
    let words = words.strip_prefix('\n')?.strip_suffix('\n')?;
    let (mut x, mut y, mut dy, mut anchor) = (None, None, 0, "start");
    for (key, value) in attributes(attrs)? {
        match key {
            "x" => x = Some(value),
            "y" => y = value.parse::<i64>().ok(),
            "dy" => dy = offset(value)?,
            "text-anchor" => anchor = value,
            _ => return None,
        }
    }
    Some(Label { x: x?, y: y?.checked_add(dy)?, anchor, words })
}

/// Plotters' vertical offsets, in whole pixels of the usual font: `0.5ex` centres a text on its
/// `y` (half an x-height, about 0.27 em), `0.76em` hangs it below.
fn offset(dy: &str) -> Option<i64> {
    let em = match dy {
        "0.5ex" => 0.27,
        "0.76em" => 0.76,
        _ => return None,
    };
    Some((FONT_PX * em).round() as i64)
}

/// The `key="value"` pairs of an element's attributes, or `None` when they are written
/// otherwise.
pub(crate) fn attributes(mut attrs: &str) -> Option<Vec<(&str, &str)>> {
    let mut pairs = Vec::new();
    loop {
        attrs = attrs.trim_start();
        if attrs.is_empty() {
            return Some(pairs);
        }
        let (key, rest) = attrs.split_once("=\"")?;
        let (value, rest) = rest.split_once('"')?;
        pairs.push((key, value));
        attrs = rest;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(body: &str) -> String {
        let mut out = String::new();
        texts(body, &mut out);
        out
    }

    #[test]
    fn texts_go_on_one_line_grouped_by_anchor_with_the_offset_in_y() {
        let body = "<text x=\"8\" y=\"13\" dy=\"0.5ex\">\n%\n</text>\n\
                    <text x=\"34\" y=\"229\" dy=\"0.5ex\" text-anchor=\"end\">\n0\n</text>\n\
                    <text x=\"34\" y=\"190\" dy=\"0.5ex\" text-anchor=\"end\">\n25\n</text>\n\
                    <text x=\"130\" y=\"240\" dy=\"0.76em\" text-anchor=\"middle\">\n2022\n</text>\n";
        // 0.5ex of 14 px is about 3.8 px (4); 0.76em is 10.64 px (11).
        assert_eq!(
            rewritten(body),
            "<text x=\"8\" y=\"17\">%</text>\n\
             <g text-anchor=\"end\"><text x=\"34\" y=\"233\">0</text><text x=\"34\" y=\"194\">25</text></g>\n\
             <g text-anchor=\"middle\"><text x=\"130\" y=\"251\">2022</text></g>\n"
        );
    }

    #[test]
    fn a_text_written_otherwise_is_kept_whole() {
        let odd = "<text x=\"130\" y=\"45\" dy=\"0.5ex\" text-anchor=\"middle\" font-size=\"12\">\nTidak ada data\n";
        let body = format!("{odd}</text>\n");
        let expected = "<text x=\"130\" y=\"45\" dy=\"0.5ex\" text-anchor=\"middle\" font-size=\"12\">Tidak ada data</text>\n";
        assert_eq!(rewritten(&body), expected);
    }
}
