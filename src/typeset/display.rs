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
    /// Lines and shapes of many parts (a map's countries, borders and
    /// routes): the point is the first part's first point.
    Path(Box<Path>),
    /// A clickable area whose top-left corner is the point.
    Link { size: Size, target: Target },
    /// Image `index` of the document's images, its top-left corner at the
    /// point.
    Image { size: Size, index: usize },
    /// Where a structure element begins or ends, in reading order: the
    /// items between an `Open` and its `Close` belong to that element (or
    /// are artifacts, for [`Role::Artifact`]). Draws nothing; the point is
    /// unused.
    Tag(Tag),
}

/// A path of one or more parts, filled (even-odd: a country's holes stay
/// holes), stroked, or both; points in page coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    pub parts: Vec<Vec<Point>>,
    /// Each part closed back to its first point (a polygon), or left open
    /// (a line).
    pub closed: bool,
    pub fill: Option<Color>,
    pub stroke: Option<Stroke>,
}

/// How a path's outline is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    pub width: Pt,
    pub color: Color,
    /// Dash and gap lengths, repeated; empty for a solid line.
    pub dash: Vec<Pt>,
}

impl Path {
    /// The path with every point moved by `by`.
    pub fn moved(&self, by: impl Fn(&Point) -> Point) -> Path {
        Path {
            parts: self.parts.iter().map(|part| part.iter().map(&by).collect()).collect(),
            closed: self.closed,
            fill: self.fill,
            stroke: self.stroke.clone(),
        }
    }
}

/// A mark in the display list that builds the PDF's structure tree.
#[derive(Clone, Debug, PartialEq)]
pub enum Tag {
    Open(Role),
    Close,
    /// Where layout puts what it knows only once pages are numbered (a
    /// contents entry's page number): entry `n` of the contents.
    Slot(usize),
    /// The same for sub-entry `n` of an index: its leader and page number.
    IndexSlot(usize),
}

/// What a structure element is (PDF 1.7, 14.8.4 standard structure types),
/// with what a reader needs to know of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// Level 1 to 6.
    Heading(u8),
    Paragraph,
    List,
    ListItem,
    /// A list item's marker (bullet or number).
    Label,
    ListBody,
    Table,
    TableHead,
    TableBody,
    TableRow,
    /// A header cell: a column's name.
    TableHeader,
    TableCell,
    /// A link: what it points at, said in words for the annotation.
    Link(String),
    BlockQuote,
    Code,
    Toc,
    TocItem,
    /// A chart or an image: its description in words.
    Figure(String),
    /// A footnote's text, at the foot of a page.
    Note,
    /// A GitHub alert's box.
    Callout,
    /// Not content: decoration, repeated table headers, running heads.
    Artifact,
    /// A run of an element's own text between its child elements (a
    /// paragraph's words between its links), so that the tree lists content
    /// in the order it is painted.
    Span,
    /// Text in another language than the document's (BCP 47 tag): a
    /// `Span` with its own `/Lang`.
    Lang(&'static str),
}

impl Role {
    /// The standard structure type's name.
    pub fn name(&self) -> &'static str {
        match self {
            Role::Heading(1) => "H1",
            Role::Heading(2) => "H2",
            Role::Heading(3) => "H3",
            Role::Heading(4) => "H4",
            Role::Heading(5) => "H5",
            Role::Heading(_) => "H6",
            Role::Paragraph => "P",
            Role::List => "L",
            Role::ListItem => "LI",
            Role::Label => "Lbl",
            Role::ListBody => "LBody",
            Role::Table => "Table",
            Role::TableHead => "THead",
            Role::TableBody => "TBody",
            Role::TableRow => "TR",
            Role::TableHeader => "TH",
            Role::TableCell => "TD",
            Role::Link(_) => "Link",
            Role::BlockQuote => "BlockQuote",
            Role::Code => "Code",
            Role::Toc => "TOC",
            Role::TocItem => "TOCI",
            Role::Figure(_) => "Figure",
            Role::Note => "Note",
            Role::Callout => "Div",
            Role::Artifact => "Artifact",
            Role::Span | Role::Lang(_) => "Span",
        }
    }
}

/// Items that open `role`, hold `inner` and close it.
pub fn tagged(role: Role, inner: Vec<(Point, Item)>) -> Vec<(Point, Item)> {
    let mut items = Vec::with_capacity(inner.len() + 2);
    items.push((Point::default(), Item::Tag(Tag::Open(role))));
    items.extend(inner);
    items.push((Point::default(), Item::Tag(Tag::Close)));
    items
}

/// The open tag of `role`, to put in a list of items.
pub fn open(role: Role) -> (Point, Item) {
    (Point::default(), Item::Tag(Tag::Open(role)))
}

/// The close tag of the innermost open element.
pub fn close() -> (Point, Item) {
    (Point::default(), Item::Tag(Tag::Close))
}

/// Where a link goes.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    Uri(String),
    /// A page (0-based) and the y of the place on it.
    Page { page: usize, y: Pt },
    /// Footnote `n` at the foot of its page; resolved to a `Page` once
    /// pages are made.
    Note(u32),
    /// Where footnote `n` is first referred to; resolved likewise.
    NoteRef(u32),
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
    /// The images drawn, each once however often it appears.
    pub images: Vec<std::sync::Arc<super::image::Image>>,
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
                    // Not one guard: a run on the same line without a gap
                    // must not fall through to a new line.
                    #[allow(clippy::collapsible_match)]
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
