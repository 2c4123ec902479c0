//! The display list: what layout produces and `pdf` draws. It knows nothing
//! of printpdf (compare typst's `Frame`).

use super::fonts::Face;
use super::geom::{Color, Point, Pt, Rect, Size};

/// A laid-out page.
#[derive(Clone, Debug, Default)]
pub struct Page {
    pub size: Size,
    /// The text area: every body item lies inside it.
    pub area: Rect,
    /// The content, in drawing order.
    pub items: Vec<(Point, Item)>,
    /// Running header and footer, outside the text area.
    pub furniture: Vec<(Point, Item)>,
}

/// Something drawn at a point of the page (top-left origin).
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Text whose baseline starts at the point.
    Text(Text),
    /// A straight line from the point to `to`.
    Line { to: Point, width: Pt, color: Color },
    /// A filled rectangle whose top-left corner is the point.
    Fill { size: Size, color: Color },
    /// A filled polygon; the point is its first corner, `points` are all
    /// its corners in page coordinates.
    Polygon { points: Vec<Point>, color: Color },
    /// A clickable area whose top-left corner is the point.
    Link { size: Size, target: Target },
}

/// Where a link goes.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    Uri(String),
    /// A page (0-based) and the y of the place on it.
    Page { page: usize, y: Pt },
}

/// A run of text in one face and size.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub face: Face,
    pub size: Pt,
    pub color: Color,
    pub text: String,
    /// Added to each space to justify the line (may be negative).
    pub space_adjust: Pt,
    /// The advance of the whole text, adjustments included.
    pub width: Pt,
}

impl Text {
    /// The box the glyphs occupy, given the baseline origin: from the
    /// font's ascent above the baseline to its descent below.
    pub fn bounds(&self, at: Point, ascent: f32, descent: f32) -> Rect {
        Rect::new(at.x, at.y - self.size * ascent, self.width, self.size * (ascent + descent))
    }
}

/// An entry of the document outline (PDF bookmarks).
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub title: String,
    pub page: usize,
    pub y: Pt,
}

/// A laid-out document.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub pages: Vec<Page>,
    pub headings: Vec<Heading>,
}

impl Document {
    /// The text of every page, line by line in reading order, for tests and
    /// text dumps: each text item in order of its baseline, then x.
    pub fn text_dump(&self) -> String {
        let mut out = String::new();
        for (n, page) in self.pages.iter().enumerate() {
            out.push_str(&format!("--- page {} ---\n", n + 1));
            let mut texts: Vec<(Point, &Text)> = page
                .items
                .iter()
                .chain(page.furniture.iter())
                .filter_map(|(p, i)| match i {
                    Item::Text(t) => Some((*p, t)),
                    _ => None,
                })
                .collect();
            texts.sort_by(|a, b| a.0.y.0.total_cmp(&b.0.y.0).then(a.0.x.0.total_cmp(&b.0.x.0)));
            let mut line_y: Option<f32> = None;
            let mut line_end = 0.0f32;
            for (p, t) in texts {
                match line_y {
                    // Items apart on one line (table cells): a gap.
                    Some(y) if (y - p.y.0).abs() < 0.5 => {
                        if p.x.0 - line_end > 1.0 && !out.ends_with(' ') {
                            out.push_str(" | ");
                        }
                    }
                    Some(_) => out.push('\n'),
                    None => {}
                }
                line_y = Some(p.y.0);
                line_end = (p.x + t.width).0;
                out.push_str(&t.text);
            }
            out.push('\n');
        }
        out
    }
}
