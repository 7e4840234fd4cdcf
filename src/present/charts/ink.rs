//! The marks of a chart written lean: each series is one `<path>` whose colour and stroke are
//! written once, instead of one element per bar, marker or grid line with every attribute
//! repeated (plotters' own SVG backend writes a `<rect>` or `<polyline>` per shape). Coordinates are
//! whole pixels of the drawing, as plotters gives them.

use std::fmt::Write as _;

/// A position in pixels.
pub type Pixel = (i32, i32);

/// The path data of each series, in the order they are painted (later ones on top).
#[derive(Debug, Default)]
pub struct Ink {
    grid: String,
    zero: String,
    bars: String,
    halo: String,
    target: String,
    marks: String,
}

impl Ink {
    /// A horizontal grid line from `from` to the x of `to`.
    pub fn grid(&mut self, from: Pixel, to: Pixel) {
        let _ = write!(self.grid, "M{} {}H{}", from.0, from.1, to.0);
    }

    /// The zero line.
    pub fn zero(&mut self, from: Pixel, to: Pixel) {
        let _ = write!(self.zero, "M{} {}H{}", from.0, from.1, to.0);
    }

    /// A bar (or the legend swatch) between two opposite corners.
    pub fn bar(&mut self, a: Pixel, b: Pixel) {
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        let _ = write!(self.bars, "M{x0} {y0}H{x1}V{y1}H{x0}z");
    }

    /// A run of the target line; `halo` draws a white line under it where it may cross a bar
    /// (the legend's sample crosses nothing).
    pub fn target(&mut self, run: &[Pixel], halo: bool) {
        let mut d = String::new();
        for (i, (x, y)) in run.iter().enumerate() {
            let _ = write!(d, "{}{x} {y}", if i == 0 { 'M' } else { 'L' });
        }
        if halo {
            self.halo.push_str(&d);
        }
        self.target.push_str(&d);
    }

    /// A hollow diamond of half-size `r` centred on `c`: a target marker.
    pub fn diamond(&mut self, c: Pixel, r: i32) {
        let _ = write!(self.marks, "M{} {}l{r} {r}l-{r} {r}l-{r} -{r}z", c.0, c.1 - r);
    }

    /// Append the paths to `out`, each with its paint; series with no mark are left out. On a
    /// `page`, the paint is a class of the page's stylesheet (`svg.c` in the theme's
    /// `style.css`, the same colours), and the lines keep `fill="none"` so that they are never
    /// filled without it.
    pub fn write(&self, out: &mut String, page: bool) {
        let paths = [
            (&self.grid, "fill=\"none\" stroke=\"#DDDDDD\"", "fill=\"none\" class=\"cg\""),
            (&self.zero, "fill=\"none\" stroke=\"#666666\"", "fill=\"none\" class=\"cz\""),
            (&self.bars, "fill=\"#1F4E79\"", "class=\"cb\""),
            (&self.halo, "fill=\"none\" stroke=\"#FFFFFF\" stroke-width=\"4\"", "fill=\"none\" class=\"ch\""),
            (
                &self.target,
                "fill=\"none\" stroke=\"#A14B00\" stroke-width=\"2\" stroke-dasharray=\"7 4\"",
                "fill=\"none\" class=\"ct\"",
            ),
            (&self.marks, "fill=\"#FFFFFF\" stroke=\"#A14B00\" stroke-width=\"2\"", "class=\"cm\""),
        ];
        for (d, alone, in_page) in paths.into_iter().filter(|(d, _, _)| !d.is_empty()) {
            let paint = if page { in_page } else { alone };
            let _ = writeln!(out, "<path {paint} d=\"{d}\"/>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_series_is_one_path_painted_once() {
        let mut ink = Ink::default();
        ink.bar((10, 50), (20, 90));
        ink.bar((40, 90), (30, 70));
        ink.target(&[(15, 40), (35, 60)], true);
        ink.target(&[(0, 5), (28, 5)], false);
        ink.diamond((15, 40), 4);
        let mut out = String::new();
        ink.write(&mut out, false);
        // Bars, halo, dashed line, markers: no grid and no zero line were drawn.
        assert_eq!(out.lines().count(), 4, "{out}");
        assert!(out.contains("<path fill=\"#1F4E79\" d=\"M10 50H20V90H10zM30 70H40V90H30z\"/>"));
        assert!(out.contains("stroke-width=\"4\" d=\"M15 40L35 60\"/>"));
        assert!(out.contains("stroke-dasharray=\"7 4\" d=\"M15 40L35 60M0 5L28 5\"/>"));
        // The diamond 15,36 → 19,40 → 15,44 → 11,40.
        assert!(out.contains("d=\"M15 36l4 4l-4 4l-4 -4z\"/>"));
    }
}
