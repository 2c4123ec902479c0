//! A map's frame on the page: a projection scaled into a rectangle, and the
//! shapes put through it: thinned to what a page shows, clipped to the
//! frame, turned into display-list paths.

use crate::geo::shapes::meets;
use crate::geo::{Layer, LineKind, LonLat, Projection};
use crate::typeset::chart::{pt, Pen};
use crate::typeset::display::{Item, Path, Stroke};
use crate::typeset::geom::{Color, Point, Pt};

/// Shapes are simplified to this many points of the page: a page shows
/// nothing finer, and the PDF stays small.
const THIN: f64 = 0.35;
/// The grid [`View::extent`] samples a layer with: this many steps each
/// way.
const GRID: u32 = 32;
/// Rings smaller than this each way are dropped: islets a page shows as
/// specks.
const SPECK: f64 = 1.2;

pub const COAST: Color = Color::rgb(0x6b, 0x70, 0x79);
pub const BORDER: Color = Color::rgb(0x93, 0x98, 0xa0);
/// Land lighter than sea by a step greyscale keeps (grey about 0.96
/// against 0.87).
pub const LAND: Color = Color::rgb(0xf6, 0xf6, 0xf3);
pub const SEA: Color = Color::rgb(0xd6, 0xe0, 0xea);

/// A projection scaled and moved onto a rectangle of the drawing.
#[derive(Clone, Copy, Debug)]
pub struct View {
    pub projection: Projection,
    /// Points per unit of the projection.
    pub scale: f64,
    /// Where the projection's origin lands.
    pub origin: (f64, f64),
    /// x, y, width, height.
    pub frame: [f64; 4],
}

impl View {
    /// The view that fits the projected box `b` (min x, min y, max x,
    /// max y) into `frame`, centred.
    pub fn fit(projection: Projection, b: [f64; 4], frame: [f64; 4]) -> View {
        let (w, h) = ((b[2] - b[0]).max(1e-9), (b[3] - b[1]).max(1e-9));
        let scale = (frame[2] / w).min(frame[3] / h);
        let cx = frame[0] + frame[2] / 2.0 - (b[0] + b[2]) / 2.0 * scale;
        let cy = frame[1] + frame[3] / 2.0 + (b[1] + b[3]) / 2.0 * scale;
        View { projection, scale, origin: (cx, cy), frame }
    }

    /// Where `p` falls on the drawing (y down).
    pub fn at(&self, p: LonLat) -> (f64, f64) {
        let (x, y) = self.projection.project(p);
        (self.origin.0 + x * self.scale, self.origin.1 - y * self.scale)
    }

    /// Projected, then simplified (Douglas and Peucker) to what the page
    /// shows, at a tenth of a point.
    fn thinned(&self, points: &[LonLat]) -> Vec<(f64, f64)> {
        let projected: Vec<(f64, f64)> = points.iter().map(|p| self.at(*p)).collect();
        simplify(&projected, THIN).into_iter().map(|(x, y)| ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0)).collect()
    }

    /// A ring, projected, thinned and clipped to the frame; `None` when
    /// nothing of it is left.
    pub fn ring(&self, ring: &[LonLat]) -> Option<Vec<Point>> {
        let clipped = clip_polygon(&self.thinned(ring), self.frame);
        let (x0, x1) = clipped.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
        let (y0, y1) = clipped.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
        let visible = clipped.len() >= 3 && (x1 - x0 >= SPECK || y1 - y0 >= SPECK);
        visible.then(|| clipped.into_iter().map(|(x, y)| pt(x, y)).collect())
    }

    /// A line, projected, thinned and cut to the pieces inside the frame.
    pub fn line(&self, line: &[LonLat]) -> Vec<Vec<Point>> {
        clip_line(&self.thinned(line), self.frame)
            .into_iter()
            .filter(|piece| piece.len() >= 2 && extent(piece) >= SPECK)
            .map(|piece| piece.into_iter().map(|(x, y)| pt(x, y)).collect())
            .collect()
    }

    /// What the view shows of the box `within` (west, south, east, north;
    /// a layer's bounds), in longitude and latitude: the box of the points
    /// of a grid over `within` that fall in the frame, widened by two of
    /// the grid's steps each way, so that it holds every point the frame
    /// shows. `None` when no grid point falls in the frame (a frame
    /// smaller than a step): then nothing may be left out.
    pub fn extent(&self, within: [f64; 4]) -> Option<[f64; 4]> {
        let (dx, dy) = ((within[2] - within[0]) / f64::from(GRID), (within[3] - within[1]) / f64::from(GRID));
        let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for i in 0..=GRID {
            for j in 0..=GRID {
                let p = LonLat { lon: within[0] + dx * f64::from(i), lat: within[1] + dy * f64::from(j) };
                if self.shows(self.at(p)) {
                    b = [b[0].min(p.lon), b[1].min(p.lat), b[2].max(p.lon), b[3].max(p.lat)];
                }
            }
        }
        (b[0] <= b[2]).then(|| [b[0] - 2.0 * dx, b[1] - 2.0 * dy, b[2] + 2.0 * dx, b[3] + 2.0 * dy])
    }

    /// Whether `p` falls inside the frame.
    pub fn shows(&self, p: (f64, f64)) -> bool {
        let f = self.frame;
        p.0 >= f[0] && p.0 <= f[0] + f[2] && p.1 >= f[1] && p.1 <= f[1] + f[3]
    }
}

/// Douglas and Peucker: the points that keep the line within `tolerance`
/// of the original; the first and last always kept.
pub fn simplify(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (p, q) = (points[a], points[b]);
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let norm = (dx * dx + dy * dy).sqrt();
        let mut far = (0.0, a);
        for (i, r) in points.iter().enumerate().take(b).skip(a + 1) {
            let d = if norm > 0.0 { (dy * (r.0 - p.0) - dx * (r.1 - p.1)).abs() / norm } else { (r.0 - p.0).hypot(r.1 - p.1) };
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tolerance {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    points.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

/// The larger side of a piece's box.
fn extent(points: &[(f64, f64)]) -> f64 {
    let (x0, x1) = points.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y0, y1) = points.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    (x1 - x0).max(y1 - y0)
}

/// Sutherland and Hodgman: a polygon clipped to a rectangle, one edge at a
/// time (the cut runs along the frame, where no stroke is drawn).
pub fn clip_polygon(points: &[(f64, f64)], f: [f64; 4]) -> Vec<(f64, f64)> {
    let (x0, y0, x1, y1) = (f[0], f[1], f[0] + f[2], f[1] + f[3]);
    let mut out = points.to_vec();
    type Inside = fn((f64, f64), f64) -> bool;
    let edges: [(Inside, f64, bool); 4] = [
        (|p, v| p.0 >= v, x0, true),
        (|p, v| p.0 <= v, x1, true),
        (|p, v| p.1 >= v, y0, false),
        (|p, v| p.1 <= v, y1, false),
    ];
    for (inside, v, vertical) in edges {
        let input = std::mem::take(&mut out);
        let Some(&last) = input.last() else { break };
        let mut prev = last;
        for &p in &input {
            let cross = |a: (f64, f64), b: (f64, f64)| {
                if vertical {
                    let t = (v - a.0) / (b.0 - a.0);
                    (v, a.1 + t * (b.1 - a.1))
                } else {
                    let t = (v - a.1) / (b.1 - a.1);
                    (a.0 + t * (b.0 - a.0), v)
                }
            };
            match (inside(p, v), inside(prev, v)) {
                (true, true) => out.push(p),
                (true, false) => {
                    out.push(cross(prev, p));
                    out.push(p);
                }
                (false, true) => out.push(cross(prev, p)),
                (false, false) => {}
            }
            prev = p;
        }
    }
    out
}

/// A polyline cut to the pieces inside a rectangle (Liang and Barsky on
/// each segment).
pub fn clip_line(points: &[(f64, f64)], f: [f64; 4]) -> Vec<Vec<(f64, f64)>> {
    let (x0, y0, x1, y1) = (f[0], f[1], f[0] + f[2], f[1] + f[3]);
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        let mut visible = true;
        for (p, q) in [(-dx, a.0 - x0), (dx, x1 - a.0), (-dy, a.1 - y0), (dy, y1 - a.1)] {
            if p == 0.0 {
                if q < 0.0 {
                    visible = false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        if !visible || t0 > t1 {
            if !current.is_empty() {
                pieces.push(std::mem::take(&mut current));
            }
            continue;
        }
        let start = (a.0 + t0 * dx, a.1 + t0 * dy);
        let end = (a.0 + t1 * dx, a.1 + t1 * dy);
        if current.is_empty() {
            current.push(start);
        }
        current.push(end);
        if t1 < 1.0 {
            pieces.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// A path item.
pub fn path(parts: Vec<Vec<Point>>, closed: bool, fill: Option<Color>, stroke: Option<(f32, Color, Vec<Pt>)>) -> Option<(Point, Item)> {
    let first = parts.first()?.first().copied()?;
    let stroke = stroke.map(|(width, color, dash)| Stroke { width: Pt(width), color, dash });
    Some((first, Item::Path(Box::new(Path { parts, closed, fill, stroke }))))
}

/// Draws a layer's countries, each filled with `fill(iso)`, one path per
/// colour, then its borders and coasts as hairlines.
///
/// Rings and lines whose box lies outside what the view shows
/// ([`View::extent`]) are left out before a point of them is projected:
/// a regional map of the 1:50m layer needs a fraction of its shapes.
pub fn countries(pen: &mut Pen<'_>, view: &View, layer: &Layer, fill: &dyn Fn(&str) -> Color) {
    let extent = view.extent(layer.bounds);
    let shown = |b: [f64; 4]| extent.is_none_or(|e| meets(e, b));
    let mut by_colour: Vec<(Color, Vec<Vec<Point>>)> = Vec::new();
    for country in &layer.countries {
        let colour = fill(&country.iso);
        let rings: Vec<Vec<Point>> =
            country.rings.iter().zip(&country.boxes).filter(|(_, b)| shown(**b)).filter_map(|(r, _)| view.ring(r)).collect();
        if rings.is_empty() {
            continue;
        }
        match by_colour.iter_mut().find(|(c, _)| *c == colour) {
            Some((_, parts)) => parts.extend(rings),
            None => by_colour.push((colour, rings)),
        }
    }
    for (colour, parts) in by_colour {
        pen.items.extend(path(parts, true, Some(colour), None));
    }
    for (kind, colour, width) in [(LineKind::Border, BORDER, 0.3), (LineKind::Coast, COAST, 0.35)] {
        let parts: Vec<Vec<Point>> = layer.lines.iter().filter(|l| l.kind == kind && shown(l.bounds)).flat_map(|l| view.line(&l.points)).collect();
        pen.items.extend(path(parts, false, None, Some((width, colour, Vec::new()))));
    }
}

/// Horizontal hatch lines `gap` apart inside the rings (even-odd), for
/// the subject country: a mark that reads in greyscale.
pub fn hatch(rings: &[Vec<Point>], gap: f64) -> Vec<Vec<Point>> {
    let edges: Vec<((f64, f64), (f64, f64))> = rings
        .iter()
        .flat_map(|ring| {
            let n = ring.len();
            (0..n).map(move |i| {
                let (a, b) = (ring[i], ring[(i + 1) % n]);
                ((f64::from(a.x.0), f64::from(a.y.0)), (f64::from(b.x.0), f64::from(b.y.0)))
            })
        })
        .collect();
    let (top, bottom) = edges.iter().fold((f64::MAX, f64::MIN), |(t, b), (p, q)| (t.min(p.1).min(q.1), b.max(p.1).max(q.1)));
    let mut out = Vec::new();
    let mut y = (top / gap).ceil() * gap + gap / 2.0;
    while y < bottom {
        let mut xs: Vec<f64> = edges
            .iter()
            .filter(|(a, b)| (a.1 > y) != (b.1 > y))
            .map(|(a, b)| a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0))
            .collect();
        xs.sort_by(f64::total_cmp);
        for pair in xs.chunks_exact(2) {
            if pair[1] - pair[0] > 0.3 {
                out.push(vec![pt(pair[0], y), pt(pair[1], y)]);
            }
        }
        y += gap;
    }
    out
}

/// A dot of radius `r` at (x, y): a sixteen-sided polygon from the
/// chart's rotation recurrence (no trigonometry).
pub fn dot(x: f64, y: f64, r: f64) -> Vec<Point> {
    // cos and sin of 2π/16.
    let (c, s) = (0.923_879_532_511_286_7, 0.382_683_432_365_089_8);
    let (mut dx, mut dy) = (r, 0.0);
    let mut out = Vec::with_capacity(16);
    for _ in 0..16 {
        out.push(pt(x + dx, y + dy));
        (dx, dy) = (dx * c - dy * s, dx * s + dy * c);
    }
    out
}
