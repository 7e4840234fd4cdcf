//! plotters' drawing surface for the charts: it writes each text plotters lays out (the axis
//! labels, the unit, the legend) straight into the chart's SVG in its final form, with no
//! second pass over the markup.
//!
//! A text in the usual font carries no font attributes (the root element, or in a page the
//! stylesheet, gives them) and no anchor when it starts at its `x` (SVG's default). In a page,
//! each text is one line, its vertical offset folded into its `y`, and texts of one anchor share
//! a `<g text-anchor>`; a text in another font (the small "no data" of a sparkline) keeps its
//! attributes. The unit is marked with its language when it is written in another one than the
//! page's ([`super::Chart::y_label_lang`]).
//!
//! plotters' own lines (the mesh, the axes, the tick marks) are transparent and are not written:
//! the marks of a chart are drawn by [`super::ink`], one path per series. A visible shape or a
//! rotated or bold text reaching this backend is an error ([`Unsupported`]), not a silent loss.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{FontStyle, FontTransform};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use std::fmt::Write as _;

use super::{FONT_PX, TEXT, escape};

/// What the backend cannot write: a visible shape (the marks go to [`super::ink`]) or a text
/// rotated or in bold.
#[derive(Debug, thiserror::Error)]
#[error("a chart's backend writes only plain texts; plotters drew something else")]
pub struct Unsupported;

type Drawn = Result<(), DrawingErrorKind<Unsupported>>;

/// The chart's SVG as it is written, and where its texts stand.
pub struct Texts<'c> {
    /// The SVG so far.
    pub out: String,
    page: bool,
    /// The anchor of the open group of texts (in a page); "start" when none is open.
    group: &'static str,
    /// The unit's words and their language, until the unit is written.
    unit: Option<(&'c str, &'c str)>,
}

impl<'c> Texts<'c> {
    /// Texts to append to `out` (the root element and title so far); `page` as in
    /// [`super::Chart::page`]; the first text that reads `unit.0` is marked as written in
    /// `unit.1`.
    pub fn new(out: String, page: bool, unit: Option<(&'c str, &'c str)>) -> Self {
        Texts { out, page, group: "start", unit }
    }

    /// The SVG with every text written (a page's open group closed).
    pub fn finish(mut self) -> String {
        if self.page {
            self.regroup("start");
            self.out.push('\n');
        }
        self.out
    }

    /// Closes the open group of texts and opens one for `to`, unless it is the same; texts
    /// anchored at the start (SVG's default) need no group.
    fn regroup(&mut self, to: &'static str) {
        if self.group != to {
            if self.group != "start" {
                self.out.push_str("</g>");
            }
            if to != "start" {
                let _ = write!(self.out, "\n<g text-anchor=\"{to}\">");
            }
            self.group = to;
        }
    }

    /// ` lang="…"` when `words` are the unit's, the first time.
    fn lang(&mut self, words: &str) -> Option<&'c str> {
        let (_, lang) = self.unit.filter(|(unit, _)| *unit == words)?;
        self.unit = None;
        Some(lang)
    }

    /// One text as plotters placed it.
    fn text(&mut self, words: &str, at: BackendCoord, how: &How) {
        let lang = self.lang(words);
        let usual = how.font.is_none();
        // In a page, a text in the usual font is anchored by its group and has its offset in y.
        let folded = self.page && usual && how.dy_px.is_some();
        self.regroup(if folded { how.anchor } else { "start" });
        self.out.push_str("<text");
        if let Some(lang) = lang {
            let _ = write!(self.out, " lang=\"{}\"", escape(lang));
        }
        match how.dy_px.filter(|_| folded) {
            Some(dy) => {
                let _ = write!(self.out, " x=\"{}\" y=\"{}\">", at.0, i64::from(at.1) + dy);
            }
            None => self.attributes(at, how),
        }
        let newline = if self.page { "" } else { "\n" };
        self.out.push_str(newline);
        push_escaped(&mut self.out, words);
        self.out.push_str(newline);
        self.out.push_str("</text>");
        self.out.push_str(newline);
    }

    /// A text's position, offset, anchor and font as attributes, and the end of its start tag.
    fn attributes(&mut self, at: BackendCoord, how: &How) {
        let _ = write!(self.out, " x=\"{}\" y=\"{}\" dy=\"{}\"", at.0, at.1, how.dy);
        if how.anchor != "start" {
            let _ = write!(self.out, " text-anchor=\"{}\"", how.anchor);
        }
        if let Some(font) = &how.font {
            self.out.push_str(font);
        }
        self.out.push('>');
    }
}

/// `words` escaped for XML, copied as they are when there is nothing to escape (most labels).
fn push_escaped(out: &mut String, words: &str) {
    if words.bytes().any(|b| b < 0x20 || matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) {
        out.push_str(&escape(words));
    } else {
        out.push_str(words);
    }
}

/// How a text is set: its anchor, its vertical offset (SVG's and, for the usual font, in
/// whole pixels) and its font when it is not the usual one.
struct How {
    anchor: &'static str,
    dy: &'static str,
    dy_px: Option<i64>,
    font: Option<String>,
}

impl How {
    fn of<S: BackendTextStyle>(style: &S) -> Result<Self, Unsupported> {
        if !matches!(style.style(), FontStyle::Normal) || !matches!(style.transform(), FontTransform::None) {
            return Err(Unsupported);
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        // plotters' vertical offsets; in whole pixels of the usual font, `0.5ex` centres a
        // text on its y (half an x-height, about 0.27 em) and `0.76em` hangs it below.
        let (dy, em) = match style.anchor().v_pos {
            VPos::Top => ("0.76em", Some(0.76)),
            VPos::Center => ("0.5ex", Some(0.27)),
            VPos::Bottom => ("-0.5ex", None),
        };
        let dy_px = em.map(|em: f64| (FONT_PX * em).round() as i64);
        Ok(How { anchor, dy, dy_px, font: font(style) })
    }
}

/// The font attributes of a text not in the usual font and colour (which the root gives);
/// plotters' sizes are 1.24 times the pixel size.
fn font<S: BackendTextStyle>(style: &S) -> Option<String> {
    let (family, size, color) = (style.family(), style.size() / 1.24, style.color());
    let usual = family.as_str() == "sans-serif"
        && size == FONT_PX
        && color.alpha == 1.0
        && color.rgb == (TEXT.0, TEXT.1, TEXT.2);
    let (r, g, b) = color.rgb;
    (!usual).then(|| {
        format!(
            " font-family=\"{}\" font-size=\"{size}\" opacity=\"{}\" fill=\"#{r:02X}{g:02X}{b:02X}\"",
            escape(family.as_str()),
            color.alpha
        )
    })
}

/// The backend plotters draws a chart on: it writes the texts into [`Texts`].
pub struct Lean<'t, 'c> {
    texts: &'t mut Texts<'c>,
    size: (u32, u32),
}

impl<'t, 'c> Lean<'t, 'c> {
    /// A drawing of `size` pixels whose texts go to `texts`.
    pub fn new(texts: &'t mut Texts<'c>, size: (u32, u32)) -> Self {
        Lean { texts, size }
    }
}

/// Nothing to write for a transparent shape; a visible one is not ours to draw.
fn shape(color: BackendColor) -> Drawn {
    if color.alpha == 0.0 { Ok(()) } else { Err(DrawingErrorKind::DrawingError(Unsupported)) }
}

impl DrawingBackend for Lean<'_, '_> {
    type ErrorType = Unsupported;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, _: BackendCoord, color: BackendColor) -> Drawn {
        shape(color)
    }

    fn draw_line<S: BackendStyle>(&mut self, _: BackendCoord, _: BackendCoord, style: &S) -> Drawn {
        shape(style.color())
    }

    fn draw_rect<S: BackendStyle>(&mut self, _: BackendCoord, _: BackendCoord, style: &S, _: bool) -> Drawn {
        shape(style.color())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, _: I, style: &S) -> Drawn {
        shape(style.color())
    }

    fn draw_circle<S: BackendStyle>(&mut self, _: BackendCoord, _: u32, style: &S, _: bool) -> Drawn {
        shape(style.color())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        _: I,
        style: &S,
    ) -> Drawn {
        shape(style.color())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let how = How::of(style).map_err(DrawingErrorKind::DrawingError)?;
        self.texts.text(text, pos, &how);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};

    use super::super::font;
    use super::*;

    /// The axis texts of a chart: the unit, two y ticks, an x label.
    const AXIS: [(&str, (i32, i32), HPos, VPos); 4] = [
        ("%", (8, 13), HPos::Left, VPos::Center),
        ("0", (34, 229), HPos::Right, VPos::Center),
        ("25", (34, 190), HPos::Right, VPos::Center),
        ("2022", (130, 240), HPos::Center, VPos::Top),
    ];

    /// What the backend writes for `texts` drawn in the usual font (`px` 14) or another.
    fn written(
        page: bool,
        unit: Option<(&str, &str)>,
        texts: &[(&str, (i32, i32), HPos, VPos)],
        px: f64,
    ) -> String {
        let mut out = Texts::new(String::new(), page, unit);
        let root = Lean::new(&mut out, (400, 260)).into_drawing_area();
        for &(words, at, h, v) in texts {
            let drawn = root.draw(&Text::new(words, at, font(px).pos(Pos::new(h, v))));
            assert!(drawn.is_ok(), "{words}");
        }
        drop(root);
        out.finish()
    }

    #[test]
    fn a_page_text_is_one_line_grouped_by_anchor_with_the_offset_in_y() {
        // 0.5ex of 14 px is about 3.8 px (4); 0.76em is 10.64 px (11).
        assert_eq!(
            written(true, None, &AXIS, 14.0),
            "<text x=\"8\" y=\"17\">%</text>\n\
             <g text-anchor=\"end\"><text x=\"34\" y=\"233\">0</text><text x=\"34\" y=\"194\">25</text></g>\n\
             <g text-anchor=\"middle\"><text x=\"130\" y=\"251\">2022</text></g>\n"
        );
    }

    #[test]
    fn a_standalone_text_keeps_its_offset_and_leaves_the_font_to_the_root() {
        assert_eq!(
            written(false, None, &AXIS, 14.0),
            "<text x=\"8\" y=\"13\" dy=\"0.5ex\">\n%\n</text>\n\
             <text x=\"34\" y=\"229\" dy=\"0.5ex\" text-anchor=\"end\">\n0\n</text>\n\
             <text x=\"34\" y=\"190\" dy=\"0.5ex\" text-anchor=\"end\">\n25\n</text>\n\
             <text x=\"130\" y=\"240\" dy=\"0.76em\" text-anchor=\"middle\">\n2022\n</text>\n"
        );
    }

    #[test]
    fn a_text_in_another_font_keeps_its_attributes_whole() {
        let empty = [("Tidak ada data & <", (130, 45), HPos::Center, VPos::Center)];
        let attrs = "x=\"130\" y=\"45\" dy=\"0.5ex\" text-anchor=\"middle\" font-family=\"sans-serif\" \
                     font-size=\"12\" opacity=\"1\" fill=\"#333333\"";
        assert_eq!(
            written(true, None, &empty, 12.0),
            format!("<text {attrs}>Tidak ada data &amp; &lt;</text>\n")
        );
        assert_eq!(
            written(false, None, &empty, 12.0),
            format!("<text {attrs}>\nTidak ada data &amp; &lt;\n</text>\n")
        );
    }

    #[test]
    fn the_unit_alone_is_marked_with_its_language_once() {
        let texts = [
            ("kegiatan", (8, 13), HPos::Left, VPos::Center),
            AXIS[1],
            ("kegiatan", (9, 9), HPos::Left, VPos::Center),
        ];
        let page = written(true, Some(("kegiatan", "id")), &texts, 14.0);
        assert!(page.starts_with("<text lang=\"id\" x=\"8\" y=\"17\">kegiatan</text>"), "{page}");
        assert_eq!(page.matches("lang=").count(), 1, "{page}");
        let alone = written(false, Some(("kegiatan", "id")), &texts, 14.0);
        assert!(
            alone.starts_with("<text lang=\"id\" x=\"8\" y=\"13\" dy=\"0.5ex\">\nkegiatan\n</text>\n"),
            "{alone}"
        );
        assert_eq!(alone.matches("lang=").count(), 1, "{alone}");
    }

    #[test]
    fn a_visible_shape_is_an_error_not_a_silent_loss() {
        let mut out = Texts::new(String::new(), false, None);
        let root = Lean::new(&mut out, (100, 100)).into_drawing_area();
        assert!(root.draw(&Rectangle::new([(0, 0), (5, 5)], TRANSPARENT.filled())).is_ok());
        assert!(root.draw(&Rectangle::new([(0, 0), (5, 5)], RED.filled())).is_err());
        assert!(root.draw(&PathElement::new(vec![(0, 0), (5, 5)], BLACK)).is_err());
        let bold = ("sans-serif", 14.0 * 1.24, FontStyle::Bold).into_font().color(&BLACK);
        assert!(root.draw(&Text::new("x", (1, 1), bold)).is_err());
        drop(root);
        assert_eq!(out.finish(), "");
    }
}
