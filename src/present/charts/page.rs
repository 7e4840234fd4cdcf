//! A chart as it is written inline in a page of the site, lean: the page's stylesheet
//! (`svg.c` in the theme's `style.css`) gives the font, the text colour and the paint of each
//! series, so the SVG carries only classes and coordinates. Each text is one line, its vertical
//! offset folded into its `y`, and texts of one anchor share a `<g text-anchor>` (the backend,
//! [`super::backend`], writes them so).
//!
//! Without the stylesheet the chart still reads: the texts keep their places, the bars and the
//! target markers are drawn in black, and the lines are never filled (`fill="none"` stays on
//! them).

use std::fmt::Write as _;

use super::{Chart, escape};

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

/// The `key="value"` pairs of an element's attributes, or `None` when they are written
/// otherwise (the reports read a chart's texts back with it: `reports::pdf::labels`).
#[cfg(feature = "pdf")]
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
