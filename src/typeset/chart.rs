//! Charts: the Mermaid blocks of the briefing, drawn natively.
//!
//! The templates write charts as Mermaid (which GitHub and most Markdown
//! viewers draw); the typesetter reads back the subset they use, a `pie`,
//! an `xychart-beta` of bars and a `gantt` timeline, as the one definition
//! of that subset in [`crate::mermaid`] gives it, and draws it as vector
//! graphics with the report's fonts: pies in `pie`, bars in `bars`,
//! timelines in `timeline`, and every word a drawing sets in `words`.
//! A block outside that subset is an error the caller turns into a warning
//! and a code block.
//!
//! Geometry uses no trigonometry: the unit circle comes from a rotation
//! recurrence with fixed constants (only `+`, `*` and `sqrt`, which IEEE
//! arithmetic rounds the same everywhere), and coordinates are rounded to
//! 1/100 pt, so charts are identical on every platform.

mod bars;
pub mod map;
mod pie;
mod timeline;
mod words;

use super::display::{Item, Text};
use super::fonts::{Face, Fonts};
use super::geom::{Color, Point, Pt, Size};
use crate::mermaid::Rgb;
use crate::words::Catalogue;

pub use crate::mermaid::{parse, Chart, Lane, ParseError, Slice, Task};
pub use bars::integer_ticks;
pub use pie::pie_angles;
pub use timeline::{axis_span, axis_ticks, Tick};
pub use words::describe;

/// `#rrggbb` as a colour.
pub fn parse_color(text: &str) -> Option<Color> {
    Rgb::parse(text).map(color_of)
}

/// A chart's colour as the display list's.
fn color_of(c: Rgb) -> Color {
    Color::rgb(c.0, c.1, c.2)
}

/// What a chart says, in words, for readers who cannot see it (the PDF's
/// `/Alt`): the block's own `accTitle` and `accDescr` when it has them,
/// else written from the chart's data.
pub fn description(chart: &Chart, words: &Catalogue) -> String {
    let alt = match chart {
        Chart::Pie { alt, .. } | Chart::Bars { alt, .. } | Chart::Timeline { alt, .. } => alt,
    };
    match (alt.title.as_str(), alt.description.as_str()) {
        ("", "") => describe(chart, words),
        (title, "") => title.to_owned(),
        ("", text) => text.to_owned(),
        (title, text) => format!("{}. {text}", title.trim_end_matches('.')),
    }
}

const INK: Color = Color::rgb(0x1d, 0x1d, 0x1f);
const MUTED: Color = Color::rgb(0x5f, 0x63, 0x68);
const GRID: Color = Color::rgb(0xdd, 0xe1, 0xe6);
const LABEL: Pt = Pt(7.6);
/// A bar's name takes up to this many lines, this far apart.
const LABEL_LINES: usize = 3;
const LABEL_LEADING: f64 = 10.8;
const TITLE: Pt = Pt(9.5);

/// Items of a drawn chart, relative to its top-left corner.
pub struct Drawing {
    pub size: Size,
    pub items: Vec<(Point, Item)>,
}

fn r(v: f64) -> Pt {
    Pt(((v * 100.0).round() / 100.0) as f32)
}

fn pt(x: f64, y: f64) -> Point {
    Point::new(r(x), r(y))
}

struct Pen<'f> {
    fonts: &'f Fonts,
    /// The run's catalogue, for the words a drawing sets.
    words: &'f Catalogue,
    items: Vec<(Point, Item)>,
}

impl Pen<'_> {
    fn text(&mut self, x: f64, baseline: f64, face: Face, size: Pt, color: Color, text: &str) -> f64 {
        let width = self.fonts.width(face, text, size);
        self.items.push((pt(x, baseline), Item::Text(Text { face, size, color, text: text.to_owned(), space_adjust: Pt::ZERO, width })));
        f64::from(width.0)
    }

    fn width(&self, face: Face, size: Pt, text: &str) -> f64 {
        f64::from(self.fonts.width(face, text, size).0)
    }

    /// Text broken at spaces into at most `most` lines that fit `max`
    /// ("South Caucasus" on two lines under a narrow bar, not "South
    /// Cau…"); a word wider than `max`, or what the last line cannot hold,
    /// is shortened with an ellipsis.
    fn wrap(&self, face: Face, size: Pt, text: &str, max: f64, most: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut words = text.split_whitespace().peekable();
        while let Some(word) = words.next() {
            let joined = lines.last().map(|line| format!("{line} {word}"));
            match joined {
                Some(joined) if self.width(face, size, &joined) <= max => {
                    if let Some(line) = lines.last_mut() {
                        *line = joined;
                    }
                }
                Some(joined) if lines.len() == most => {
                    // No room for another line: the rest joins the last,
                    // shortened.
                    let rest: Vec<&str> = words.by_ref().collect();
                    let text = if rest.is_empty() { joined } else { format!("{joined} {}", rest.join(" ")) };
                    if let Some(line) = lines.last_mut() {
                        *line = text;
                    }
                }
                _ => lines.push(word.to_owned()),
            }
        }
        lines.into_iter().map(|line| self.fit(face, size, &line, max)).collect()
    }

    /// Text shortened with an ellipsis to fit `max`.
    fn fit(&self, face: Face, size: Pt, text: &str, max: f64) -> String {
        if self.width(face, size, text) <= max {
            return text.to_owned();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let candidate = format!("{}…", chars.iter().collect::<String>().trim_end());
            if self.width(face, size, &candidate) <= max {
                return candidate;
            }
        }
        String::new()
    }

    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, width: f32, color: Color) {
        self.items.push((pt(x1, y1), Item::Line { to: pt(x2, y2), width: Pt(width), color }));
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, color: Color) {
        self.items.push((pt(x, y), Item::Fill { size: Size { w: r(w), h: r(h) }, color }));
    }

    fn polygon(&mut self, points: Vec<Point>, color: Color) {
        let first = points.first().copied().unwrap_or_default();
        self.items.push((first, Item::Polygon { points, color }));
    }

    fn title(&mut self, title: &str, width: f64) {
        if !title.is_empty() {
            let t = self.fit(Face::SansBold, TITLE, title, width);
            self.text(0.0, 10.0, Face::SansBold, TITLE, INK, &t);
        }
    }
}

/// Draws `chart` to fit `width`, its words from `words`.
pub fn draw(chart: &Chart, width: Pt, words: &Catalogue) -> Drawing {
    let width = f64::from(width.0);
    let mut pen = Pen { fonts: Fonts::get(), words, items: Vec::new() };
    let height = match chart {
        Chart::Pie { title, slices, .. } => pie::pie(&mut pen, title, slices, width),
        Chart::Bars { title, categories, values, undated, color, .. } => {
            bars::bars(&mut pen, title, categories, (values, *undated), color_of(*color), width)
        }
        Chart::Timeline { title, lanes, period, .. } => timeline::timeline(&mut pen, title, lanes, *period, width),
    };
    Drawing { size: Size { w: r(width), h: r(height) }, items: pen.items }
}

fn fmt_value(v: f64) -> String {
    crate::number::format_number(v)
}

#[cfg(test)]
mod tests;
