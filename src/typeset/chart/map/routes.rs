//! The route map: the routes' places in a conformal conic fitted to them
//! (the region's shapes at 1:50m where they reach, the world's beyond),
//! each route in its pillar's colour with its kind's dash pattern, routes
//! that share a stretch drawn side by side, places as dots with labels
//! that neither collide nor leave the frame, a legend, a scale bar and the
//! source line.

use super::frame::{self, View, LAND, SEA};
use super::labels::{self, Label, LabelBox};
use super::partners::mark;
use super::{Route, RouteMap};
use crate::geo::{self, Lambert, LonLat, Projection};
use crate::typeset::chart::{pt, Pen, INK, MUTED};
use crate::typeset::fonts::Face;
use crate::typeset::geom::{Color, Point, Pt};

const SMALL: Pt = Pt(6.6);
/// The legend's lines, this far apart.
const LEGEND_LEADING: f64 = 8.6;
const PLACE: Pt = Pt(7.0);
/// The Earth's mean radius (IUGG), for the scale bar.
const EARTH_KM: f64 = 6371.0088;
const WHITE: Color = Color::rgb(0xff, 0xff, 0xff);
const ROUTE_WIDTH: f32 = 1.7;
/// The frame's height, at least and at most, in widths.
const SHORTEST: f64 = 0.32;
const TALLEST: f64 = 0.6;
/// Room around the places' box for their labels: left, top, right,
/// bottom.
const MARGIN: [f64; 4] = [48.0, 16.0, 48.0, 20.0];
/// A place's dot, its radius.
const DOT: f64 = 2.3;

/// A place on the map: its name, where it falls, how many routes pass.
struct Spot {
    name: String,
    at: LonLat,
    routes: usize,
}

/// Draws the map; returns its height, frame and place labels.
pub fn draw(pen: &mut Pen<'_>, map: &RouteMap, width: f64) -> super::Drawn {
    pen.title(&map.title, width);
    let spots = spots(&map.routes);
    if spots.is_empty() {
        return (16.0, [0.0, 16.0, width, (width * TALLEST).round()], Vec::new(), None);
    }
    let bounds = spots.iter().fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, s| {
        [b[0].min(s.at.lon), b[1].min(s.at.lat), b[2].max(s.at.lon), b[3].max(s.at.lat)]
    });
    let projection = Projection::Lambert(Lambert::for_box(bounds[0], bounds[1], bounds[2], bounds[3]));
    let projected: Vec<(f64, f64)> = spots.iter().map(|s| projection.project(s.at)).collect();
    let b = projected.iter().fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, p| [b[0].min(p.0), b[1].min(p.1), b[2].max(p.0), b[3].max(p.1)]);
    // As tall as the routes' box wants at the frame's width, within
    // bounds: a corridor running east and west is a short, wide map.
    let [left, top, right, bottom] = MARGIN;
    let inner_w = width - left - right;
    let wanted = (b[3] - b[1]) * inner_w / (b[2] - b[0]).max(1e-9) + top + bottom;
    let frame_box = [0.0, 16.0, width, wanted.clamp(width * SHORTEST, width * TALLEST).round()];
    // Room for the labels of the outermost places.
    let inner = [frame_box[0] + left, frame_box[1] + top, inner_w, frame_box[3] - top - bottom];
    let view = View { frame: frame_box, ..View::fit(projection, b, inner) };
    let pad = 6.0 + (bounds[2] - bounds[0]).max(bounds[3] - bounds[1]) * 0.6;
    let reach = [bounds[0] - pad, bounds[1] - pad / 2.0, bounds[2] + pad, bounds[3] + pad / 2.0];
    let layer = if geo::shapes::region().covers(reach) { geo::shapes::region() } else { geo::shapes::world() };
    pen.rect(frame_box[0], frame_box[1], frame_box[2], frame_box[3], SEA);
    frame::countries(pen, &view, layer, &|_| LAND);
    mark(pen, &view, layer, &map.subject, 3.0, (0.3, MUTED));
    for (route, line) in map.routes.iter().zip(lines(&view, &map.routes)) {
        pen.items.extend(frame::path(line.clone(), false, None, Some((ROUTE_WIDTH + 1.4, WHITE, Vec::new()))));
        pen.items.extend(frame::path(line, false, None, Some((ROUTE_WIDTH, route.color, route.kind.dash()))));
    }
    let dots: Vec<(f64, f64)> = spots.iter().map(|s| view.at(s.at)).collect();
    for &(x, y) in &dots {
        pen.items.extend(frame::path(vec![frame::dot(x, y, DOT)], true, Some(WHITE), Some((0.9, INK, Vec::new()))));
    }
    let labels = place_labels(pen, &view, &spots, &dots);
    let border = vec![pt(0.0, frame_box[1]), pt(width, frame_box[1]), pt(width, frame_box[1] + frame_box[3]), pt(0.0, frame_box[1] + frame_box[3])];
    pen.items.extend(frame::path(vec![border], true, None, Some((0.5, MUTED, Vec::new()))));
    let y = legend(pen, map, &view, frame_box[1] + frame_box[3] + 12.0, width);
    pen.text(0.0, y + 10.0, Face::Sans, SMALL, MUTED, &pen.words.text("map-source", &[]));
    (y + 13.0, frame_box, labels, Some((view.projection, view.scale, view.origin)))
}

/// The routes' places, each once, in the order first met.
fn spots(routes: &[Route]) -> Vec<Spot> {
    let mut out: Vec<Spot> = Vec::new();
    for route in routes {
        for place in &route.places {
            if !(place.at.lon.is_finite() && place.at.lat.is_finite()) {
                continue;
            }
            match out.iter_mut().find(|s| s.name == place.name && s.at == place.at) {
                Some(s) => s.routes += 1,
                None => out.push(Spot { name: place.name.clone(), at: place.at, routes: 1 }),
            }
        }
    }
    out
}

/// Each route's line on the page, moved aside where routes share a
/// stretch so that every one shows.
fn lines(view: &View, routes: &[Route]) -> Vec<Vec<Vec<Point>>> {
    let key = |a: LonLat, b: LonLat| {
        let (a, b) = ((a.lon.to_bits(), a.lat.to_bits()), (b.lon.to_bits(), b.lat.to_bits()));
        if a <= b { (a, b) } else { (b, a) }
    };
    let mut shared: Vec<((u64, u64), (u64, u64))> = Vec::new();
    for route in routes {
        for w in route.places.windows(2) {
            shared.push(key(w[0].at, w[1].at));
        }
    }
    let mut seen: Vec<((u64, u64), (u64, u64))> = Vec::new();
    let gap = f64::from(ROUTE_WIDTH) + 0.9;
    routes
        .iter()
        .map(|route| {
            let points: Vec<(f64, f64)> = route.places.iter().map(|p| view.at(p.at)).collect();
            // Each segment's offset: its index among the routes on it.
            let offsets: Vec<(f64, f64)> = route
                .places
                .windows(2)
                .zip(points.windows(2))
                .map(|(w, p)| {
                    let k = key(w[0].at, w[1].at);
                    let n = shared.iter().filter(|s| **s == k).count() as f64;
                    let i = seen.iter().filter(|s| **s == k).count() as f64;
                    seen.push(k);
                    let (dx, dy) = (p[1].0 - p[0].0, p[1].1 - p[0].1);
                    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
                    // The normal on the side of the first point's order.
                    let sign = if (w[0].at.lon, w[0].at.lat) <= (w[1].at.lon, w[1].at.lat) { 1.0 } else { -1.0 };
                    let shift = (i - (n - 1.0) / 2.0) * gap * sign;
                    (-dy / len * shift, dx / len * shift)
                })
                .collect();
            let moved: Vec<(f64, f64)> = points
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let before = i.checked_sub(1).and_then(|j| offsets.get(j));
                    let (ox, oy) = match (before, offsets.get(i)) {
                        (Some(a), Some(b)) => ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0),
                        (Some(a), None) | (None, Some(a)) => *a,
                        (None, None) => (0.0, 0.0),
                    };
                    (p.0 + ox, p.1 + oy)
                })
                .collect();
            frame::clip_line(&moved, view.frame).into_iter().map(|piece| piece.into_iter().map(|(x, y)| pt(x, y)).collect()).collect()
        })
        .collect()
}

/// The places' names, those on most routes first, clear of every dot;
/// one that has no room beside its dot goes further out with a leader.
fn place_labels(pen: &mut Pen<'_>, view: &View, spots: &[Spot], dots: &[(f64, f64)]) -> Vec<LabelBox> {
    let mut order: Vec<usize> = (0..spots.len()).filter(|&i| view.shows(dots[i])).collect();
    order.sort_by(|&a, &b| spots[b].routes.cmp(&spots[a].routes).then(spots[a].name.cmp(&spots[b].name)));
    let wanted: Vec<Label> = order
        .iter()
        .map(|&i| Label { anchor: dots[i], width: pen.width(Face::Sans, PLACE, &spots[i].name), ascent: 5.3, descent: 1.7, gap: 4.0 })
        .collect();
    let obstacles: Vec<LabelBox> = dots.iter().map(|&d| LabelBox::around(d, 2.8)).collect();
    let f = view.frame;
    let placed = labels::place(&wanted, [f[0] + 2.0, f[1] + 2.0, f[2] - 4.0, f[3] - 4.0], &obstacles);
    let mut boxes = Vec::new();
    for ((&i, b), label) in order.iter().zip(placed).zip(&wanted) {
        let Some(b) = b else { continue };
        if let Some((from, to)) = labels::leader(label.anchor, &b, label.gap) {
            // From the dot's rim to the label's box, a hairline.
            let (dx, dy) = (to.0 - from.0, to.1 - from.1);
            let rim = DOT / dx.hypot(dy).max(1e-9);
            let start = (from.0 + dx * rim, from.1 + dy * rim);
            pen.items.extend(frame::path(vec![vec![pt(start.0, start.1), pt(to.0, to.1)]], false, None, Some((0.4, INK, Vec::new()))));
        }
        pen.rect(b.x - 0.8, b.y, b.w + 1.6, b.h, Color { r: 1.0, g: 1.0, b: 1.0 });
        pen.text(b.baseline.0, b.baseline.1, Face::Sans, PLACE, INK, &spots[i].name);
        boxes.push(b);
    }
    boxes
}

/// The routes' legend, a route a row with its places in order (what the
/// map shows, in words, so that no table need repeat it), then the
/// subject's mark and the scale bar; returns where it ends.
fn legend(pen: &mut Pen<'_>, map: &RouteMap, view: &View, y: f64, width: f64) -> f64 {
    let words = pen.words;
    let mut base = y;
    for route in &map.routes {
        let sample = vec![vec![pt(0.0, base - 2.4), pt(22.0, base - 2.4)]];
        pen.items.extend(frame::path(sample, false, None, Some((ROUTE_WIDTH, route.color, route.kind.dash()))));
        let kind = words.text(route.kind.message(), &[]);
        let places: Vec<&str> = route.places.iter().map(|p| p.name.as_str()).collect();
        let text = words.text("map-route-places", &[("name", route.name.as_str().into()), ("kind", kind.into()), ("places", places.join(" – ").into())]);
        for line in pen.wrap(Face::Sans, SMALL, &text, width - 27.0, 3) {
            pen.text(27.0, base, Face::Sans, SMALL, INK, &line);
            base += LEGEND_LEADING;
        }
        base += 1.5;
    }
    let y = base - LEGEND_LEADING + 3.0;
    let square = vec![pt(0.0, y), pt(12.0, y), pt(12.0, y + 7.0), pt(0.0, y + 7.0)];
    pen.items.extend(frame::path(frame::hatch(std::slice::from_ref(&square), 3.0), false, None, Some((0.3, MUTED, Vec::new()))));
    pen.items.extend(frame::path(vec![square], true, None, Some((0.8, INK, Vec::new()))));
    pen.text(17.0, y + 6.2, Face::Sans, SMALL, INK, &map.subject.name);
    scale_bar(pen, view, (width / 2.0).floor(), y);
    y + 10.0
}

/// A bar of a round number of kilometres, true on the standard parallels.
fn scale_bar(pen: &mut Pen<'_>, view: &View, x: f64, y: f64) {
    let km_per_pt = EARTH_KM / view.scale;
    let Some(&km) = [2000.0, 1000.0, 500.0, 250.0, 200.0, 100.0, 50.0, 25.0, 10.0].iter().find(|&&km| km / km_per_pt <= 110.0) else { return };
    let length = km / km_per_pt;
    let base = y + 6.0;
    let bar = vec![vec![pt(x, base - 3.0), pt(x, base), pt(x + length, base), pt(x + length, base - 3.0)]];
    pen.items.extend(frame::path(bar, false, None, Some((0.7, INK, Vec::new()))));
    let text = pen.words.text("map-scale", &[("km", km.into())]);
    pen.text(x + length + 5.0, base + 0.2, Face::Sans, SMALL, INK, &text);
}
