//! Maps (issue 26), drawn as a typesetter draws a chart: vector paths on
//! the display list, every word in the report's fonts from the catalogue.
//! Two maps: the partners of the period on the world in Equal Earth, with
//! a panel of the South Caucasus and its neighbours in Lambert's conformal
//! conic where the partners crowd ([`partners`]); and the routes of the
//! connectivity pillar in a conformal conic fitted to them ([`routes`]).
//! The shapes come from [`crate::geo`]; the PDF and the SVG
//! ([`svg::write`]) are written from the same drawing.
//!
//! Readable in greyscale: the partner classes are steps of lightness apart
//! from the sea's and the land's, the subject country is hatched, route
//! kinds are dash patterns (a test reads each map in grey).

mod frame;
mod labels;
mod partners;
mod routes;
pub mod svg;
#[cfg(test)]
mod tests;

use super::{Drawing, Pen};
use crate::geo::LonLat;
use crate::typeset::fonts::Fonts;
use crate::typeset::geom::{Color, Pt, Size};
use crate::words::Catalogue;

pub use labels::{Label, LabelBox};

/// A map the briefing shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Map {
    Partners(PartnerMap),
    Routes(RouteMap),
}

/// The subject country (Azerbaijan), marked on both maps.
#[derive(Clone, Debug, PartialEq)]
pub struct Subject {
    /// ISO 3166-1 alpha-2.
    pub iso: String,
    pub name: String,
}

/// Partner countries shaded by the events they take part in.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerMap {
    pub title: String,
    /// Countries by ISO alpha-2 with their names and counts.
    pub countries: Vec<CountryCount>,
    /// Organisations and partners without a country, listed beside.
    pub others: Vec<(String, usize)>,
    pub subject: Subject,
    /// What the map shows, in words (the PDF's `/Alt`, the SVG's `desc`).
    pub alt: String,
}

/// A partner country and its count of events.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryCount {
    pub iso: String,
    pub name: String,
    pub count: usize,
}

/// Routes through places, in their pillars' colours.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteMap {
    pub title: String,
    pub routes: Vec<Route>,
    pub subject: Subject,
    pub alt: String,
}

/// A route: its places in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    pub name: String,
    pub kind: RouteKind,
    pub color: Color,
    pub places: Vec<Place>,
}

/// A named point.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    pub at: LonLat,
}

/// What carries a route: drawn as a dash pattern so that greyscale reads.
/// The typesetter's own list (it reads no dataset): the pipeline maps the
/// data's kinds to it (`make::maps`), with no string between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteKind {
    Rail,
    Pipeline,
    Sea,
    Road,
    /// Rail and sea, or more means in one corridor.
    Multimodal,
    Other,
}

impl RouteKind {
    /// Dash and gap lengths in points; empty for a solid line. Each kind
    /// its own sequence of long dashes, short dashes and dots, so that
    /// kinds read apart in greyscale whatever their pillars' colours:
    /// road solid, rail long dashes, pipeline dots, sea dash and dot,
    /// multimodal dash and two dots, a route of no kind short dashes.
    pub fn dash(self) -> Vec<Pt> {
        let lengths: &[f32] = match self {
            RouteKind::Rail => &[6.0, 2.0],
            RouteKind::Pipeline => &[0.1, 2.6],
            RouteKind::Sea => &[7.0, 2.2, 1.2, 2.2],
            RouteKind::Multimodal => &[8.0, 1.6, 1.2, 1.6, 1.2, 1.6],
            RouteKind::Other => &[3.2, 1.8],
            RouteKind::Road => &[],
        };
        lengths.iter().map(|&l| Pt(l)).collect()
    }

    /// The catalogue's name of the kind (`map-kind-rail`...).
    pub fn message(self) -> &'static str {
        match self {
            RouteKind::Rail => "map-kind-rail",
            RouteKind::Pipeline => "map-kind-pipeline",
            RouteKind::Sea => "map-kind-sea",
            RouteKind::Road => "map-kind-road",
            RouteKind::Multimodal => "map-kind-multimodal",
            RouteKind::Other => "map-kind-other",
        }
    }
}

impl Map {
    /// What the map shows, in words.
    pub fn alt(&self) -> &str {
        match self {
            Map::Partners(m) => &m.alt,
            Map::Routes(m) => &m.alt,
        }
    }

    /// The map's title.
    pub fn title(&self) -> &str {
        match self {
            Map::Partners(m) => &m.title,
            Map::Routes(m) => &m.title,
        }
    }
}

/// A drawn map: the drawing, and where its place labels went (for the test
/// that none overlaps another or leaves the frame).
pub struct DrawnMap {
    pub drawing: Drawing,
    /// The map's frame: x, y, width, height.
    pub frame: [f64; 4],
    pub labels: Vec<LabelBox>,
    /// The main panel's projection, its points per unit and where its
    /// origin lands: what a test needs to find a place on the page.
    pub projection: Option<(crate::geo::Projection, f64, (f64, f64))>,
}

/// The width a map is drawn to on a page of `size`: the text's measure,
/// where the text column is wider.
pub fn column_width(size: Size) -> Pt {
    text_block(size).w.min(crate::typeset::flow::style::MEASURE)
}

/// The text block of a page of `size`: what a map's height is weighed
/// against (issue 27 wants both maps in eight pages: each keeps under
/// half of it at the default data).
pub fn text_block(size: Size) -> Size {
    let setup = crate::typeset::flow::PageSetup {
        size,
        header_left: String::new(),
        header_right: String::new(),
        language: None,
        words: Catalogue::builtin(),
        draft: false,
        links: Default::default(),
        names: Vec::new(),
        marking: None,
    };
    setup.area().size
}

/// What a map's drawing function returns: height, frame, labels and
/// projection (as [`DrawnMap`]).
type Drawn = (f64, [f64; 4], Vec<LabelBox>, Option<(crate::geo::Projection, f64, (f64, f64))>);

/// Draws `map` to fit `width`, its words from `words`.
pub fn draw(map: &Map, width: Pt, words: &Catalogue) -> DrawnMap {
    let width = f64::from(width.0);
    let mut pen = Pen { fonts: Fonts::get(), words, items: Vec::new() };
    let (height, frame, labels, projection) = match map {
        Map::Partners(m) => partners::draw(&mut pen, m, width),
        Map::Routes(m) => routes::draw(&mut pen, m, width),
    };
    DrawnMap { drawing: Drawing { size: Size { w: super::r(width), h: super::r(height) }, items: pen.items }, frame, labels, projection }
}
