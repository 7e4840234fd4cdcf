//! The texts of a chart, laid out by typst over the chart's drawing instead of inside the SVG.
//!
//! typst hands an SVG image to usvg, which loads the fonts afresh for every image and shapes
//! and outlines each `<text>` on its own: at 5,000 indicators (some 1,200 charts of about 13
//! texts) that was about a fifth of the PDFs' layout, more than the rest of each chart. Set by
//! typst, a label that recurs (`TW1`, `Target`, `0`) is laid out once per document (typst
//! memoises a laid-out text), in the same font and size as before.
//!
//! Only the texts the site's charts write (`present::charts`) are lifted: `x`, `y`, a `dy` in
//! `em` or `ex`, `text-anchor`, `lang`, and plain words. A chart with any other text is left
//! whole to usvg, as before.

use serde::Serialize;

use crate::present::charts::page::attributes;

/// A chart's texts, lifted out of its SVG.
#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct Labels {
    /// The SVG's width and height in its pixels.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// The text size in the SVG's pixels (the root's `font-size`).
    pub size: f64,
    /// The text colour (the root's `fill`, `#rrggbb`).
    pub fill: String,
    /// The texts.
    pub items: Vec<Label>,
}

/// One text: its anchor point in the SVG's pixels (the baseline) and its words.
#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct Label {
    /// Horizontal position of the anchor.
    pub x: f64,
    /// The baseline.
    pub y: f64,
    /// `start`, `middle` or `end`: which point of the text is at `x`.
    pub anchor: String,
    /// The words.
    pub text: String,
}

/// `svg` without its texts, and the texts; `None` when a text is not one the charts write.
pub fn lift(svg: &str) -> Option<(String, Labels)> {
    let root = &svg[svg.find("<svg")?..];
    let root = &root[..root.find('>')?];
    let number = |name: &str| attr(root, name)?.parse::<f64>().ok();
    let size = number("font-size")?;
    let fill = attr(root, "fill").filter(|f| f.len() == 7 && f.starts_with('#'))?.to_string();
    let mut labels = Labels { w: number("width")?, h: number("height")?, size, fill, items: Vec::new() };
    let mut rest = svg;
    let mut out = String::with_capacity(svg.len());
    while let Some(start) = rest.find("<text") {
        let end = start + rest[start..].find("</text>")? + "</text>".len();
        labels.items.push(label(&rest[start..end], size)?);
        out.push_str(&rest[..start]);
        // The line the text stood on goes with it.
        let after = &rest[end..];
        rest = after.strip_prefix('\n').unwrap_or(after);
    }
    out.push_str(rest);
    Some((out, labels))
}

/// One `<text …>words</text>` element.
fn label(element: &str, size: f64) -> Option<Label> {
    let open = &element[..element.find('>')?];
    let mut x = None;
    let mut y = None;
    let mut dy = 0.0;
    let mut anchor = "start".to_string();
    for (name, value) in attributes(open.strip_prefix("<text")?)? {
        match name {
            "x" => x = value.parse::<f64>().ok(),
            "y" => y = value.parse::<f64>().ok(),
            "dy" => dy = length(value, size)?,
            "text-anchor" if matches!(value, "start" | "middle" | "end") => anchor = value.to_string(),
            "lang" => {}
            _ => return None,
        }
    }
    let words = element[open.len() + 1..].strip_suffix("</text>")?.trim_matches('\n');
    if words.contains('<') {
        return None;
    }
    Some(Label { x: x?, y: y? + dy, anchor, text: unescape(words)? })
}

/// The value of attribute `name` of a start tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// An SVG length in pixels: a number, or `em` (the text size) or `ex` (half of it, as usvg
/// takes it).
fn length(value: &str, size: f64) -> Option<f64> {
    if let Some(n) = value.strip_suffix("em") {
        return Some(n.parse::<f64>().ok()? * size);
    }
    if let Some(n) = value.strip_suffix("ex") {
        return Some(n.parse::<f64>().ok()? * size / 2.0);
    }
    value.parse().ok()
}

/// The words of an SVG text with the five entities XML escapes; `None` for any other.
fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let end = amp + rest[amp..].find(';')?;
        out.push(match &rest[amp + 1..end] {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" | "#39" => '\'',
            _ => return None,
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 260\" width=\"400\" \
        height=\"260\" font-family=\"Libertinus Serif\" font-size=\"14\" fill=\"#333333\">\n<title>T</title>\n\
        <text x=\"8\" y=\"13\" dy=\"0.5ex\">\nRp &amp; juta\n</text>\n\
        <text x=\"26\" y=\"229\" dy=\"0.5ex\" text-anchor=\"end\">\n0\n</text>\n\
        <text x=\"80\" y=\"240\" dy=\"0.76em\" text-anchor=\"middle\">\nTW1\n</text>\n\
        <path fill=\"#1F4E79\" d=\"M55 205H104V229H55z\"/>\n</svg>\n";

    #[test]
    fn the_texts_of_a_chart_leave_its_svg_with_their_baselines() {
        let (svg, labels) = lift(SVG).unwrap_or_else(|| panic!("not lifted"));
        assert!(!svg.contains("<text") && svg.contains("<title>T</title>\n<path fill"), "{svg}");
        assert_eq!((labels.w, labels.h, labels.size, labels.fill.as_str()), (400.0, 260.0, 14.0, "#333333"));
        // dy 0.5ex = a quarter of 14 px = 3.5; 0.76em = 10.64.
        let hundredths = |v: f64| (v * 100.0).round() as i64;
        let items: Vec<(i64, i64, &str, &str)> = labels
            .items
            .iter()
            .map(|l| (hundredths(l.x), hundredths(l.y), l.anchor.as_str(), l.text.as_str()))
            .collect();
        assert_eq!(
            items,
            [(800, 1650, "start", "Rp & juta"), (2600, 23250, "end", "0"), (8000, 25064, "middle", "TW1")]
        );
    }

    #[test]
    fn a_chart_with_a_text_of_another_kind_stays_whole() {
        // A text of its own size, a nested element, an unknown entity.
        for odd in [
            "<text x=\"1\" y=\"2\" font-size=\"20\">\nX\n</text>",
            "<text x=\"1\" y=\"2\"><tspan>X</tspan></text>",
            "<text x=\"1\" y=\"2\">&nbsp;</text>",
        ] {
            let svg = SVG.replace("<path", &format!("{odd}\n<path"));
            assert_eq!(lift(&svg), None, "{odd}");
        }
    }

    #[test]
    fn every_text_of_a_chart_the_reports_draw_is_lifted() {
        use crate::present::charts::{Point, sample, svg};
        // A report's chart as `present::charts` draws it: should its texts change shape, they
        // would silently stay in the SVG (right, but shaped anew by usvg for every chart).
        let point = |label: &str, target: i64, realisasi: i64| Point {
            label: label.to_string(),
            target: Some(target.into()),
            realisasi: Some(realisasi.into()),
        };
        let points = [point("TW1", 10, 8), point("TW2", 20, 21)];
        let chart = sample(&points);
        let drawn =
            svg(&chart, "g").replace("font-family=\"sans-serif\"", "font-family=\"Libertinus Serif\"");
        let (rest, labels) = lift(&drawn).unwrap_or_else(|| panic!("not lifted: {drawn}"));
        assert!(!rest.contains("<text"), "{rest}");
        let texts: Vec<&str> = labels.items.iter().map(|l| l.text.as_str()).collect();
        for expected in ["%", "Realisasi", "Target", "TW1", "TW2", "0"] {
            assert!(texts.contains(&expected), "{expected:?} not among {texts:?}");
        }
    }
}
