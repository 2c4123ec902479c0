//! The partner map: the world in Equal Earth with the partner countries
//! shaded by their events, the subject country hatched; below it a panel
//! of the South Caucasus and its neighbours in a conformal conic, the
//! legend, the partners without a country, and the source line.

use super::frame::{self, View, LAND, SEA};
use super::labels::{self, Label, LabelBox};
use super::{PartnerMap, Subject};
use crate::geo::{self, Lambert, LonLat, Projection};
use crate::typeset::chart::{pt, Pen, GRID, INK, MUTED};
use crate::typeset::fonts::Face;
use crate::typeset::geom::{Color, Point, Pt};

/// Four steps of lightness (grey about 0.77, 0.62, 0.48, 0.23): told
/// apart in print and in greyscale, and the lightest apart from the sea
/// (0.87) and from land with no events (0.96), not by hue alone.
pub const CLASSES: [Color; 4] =
    [Color::rgb(0xb4, 0xc8, 0xdc), Color::rgb(0x86, 0xa2, 0xc4), Color::rgb(0x5a, 0x80, 0xaa), Color::rgb(0x1f, 0x3f, 0x66)];
/// The South Caucasus and its neighbours: west, south, east, north.
const INSET: [f64; 4] = [36.0, 37.5, 60.0, 46.0];
/// The world's width and the panel's, in the map's widths: the world
/// leaves room beside it for the legend, the panel for the partners
/// without a country, and the map stays under half a page's text.
const WORLD: f64 = 0.74;
const PANEL: f64 = 0.55;
const SMALL: Pt = Pt(6.6);

/// The classes of `max` events: at most four of equal width, each a range
/// of whole counts (`1–2`, `3–4`...), with their colours.
pub fn classes(max: usize) -> Vec<(usize, usize, Color)> {
    let max = max.max(1);
    let width = max.div_ceil(4);
    let n = max.div_ceil(width);
    (0..n)
        .map(|k| {
            // The darkest classes when there are fewer than four: the
            // lightest is near the land's shade.
            let shade = if n == 1 { 2 } else { 4 - n + k };
            (k * width + 1, (k + 1) * width, CLASSES[shade.min(3)])
        })
        .collect()
}

/// Draws the map; returns its height, its world frame and the labels of
/// the panel.
pub fn draw(pen: &mut Pen<'_>, map: &PartnerMap, width: f64) -> super::Drawn {
    pen.title(&map.title, width);
    let max = map.countries.iter().map(|c| c.count).max().unwrap_or(0);
    let classes = classes(max);
    let shade = |iso: &str| -> Color {
        match map.countries.iter().find(|c| c.iso == iso && c.count > 0) {
            Some(c) => classes.iter().find(|(from, to, _)| (*from..=*to).contains(&c.count)).map_or(CLASSES[3], |k| k.2),
            None => LAND,
        }
    };
    // The world, beside its legend.
    let projection = Projection::EqualEarth { lon0: 0.0 };
    let x_max = projection.project(LonLat { lon: 180.0, lat: 0.0 }).0.abs();
    let (_, y_min) = projection.project(LonLat { lon: 0.0, lat: -60.0 });
    let (_, y_max) = projection.project(LonLat { lon: 0.0, lat: 84.0 });
    let world_w = (width * WORLD).round();
    let world_h = world_w * (y_max - y_min) / (2.0 * x_max);
    let world = View::fit(projection, [-x_max, y_min, x_max, y_max], [0.0, 16.0, world_w, world_h]);
    let outline: Vec<Point> = outline(&world);
    pen.items.extend(frame::path(vec![outline.clone()], true, Some(SEA), None));
    graticule(pen, &world);
    frame::countries(pen, &world, geo::shapes::world(), &shade);
    mark(pen, &world, geo::shapes::world(), &map.subject, 1.2, (0.45, INK));
    pen.items.extend(frame::path(vec![outline], true, None, Some((0.4, MUTED, Vec::new()))));
    // Where the panel is, on the world.
    let corners = [(INSET[0], INSET[1]), (INSET[2], INSET[1]), (INSET[2], INSET[3]), (INSET[0], INSET[3])];
    let locator: Vec<Point> = corners.iter().map(|&(lon, lat)| world.at(LonLat { lon, lat })).map(|(x, y)| pt(x, y)).collect();
    pen.items.extend(frame::path(vec![locator], true, None, Some((0.6, INK, Vec::new()))));
    let legend_bottom = legend(pen, map, &classes, world_w + 12.0, 16.0 + 8.0);

    // The panel, beside the partners without a country.
    let top = 16.0 + world_h.max(legend_bottom - 16.0) + 10.0;
    let panel_w = (width * PANEL).round();
    let lambert = Lambert::for_box(INSET[0], INSET[1], INSET[2], INSET[3]);
    let region = Projection::Lambert(lambert);
    let projected: Vec<(f64, f64)> = corners.iter().map(|&(lon, lat)| region.project(LonLat { lon, lat })).collect();
    let b = projected.iter().fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, p| [b[0].min(p.0), b[1].min(p.1), b[2].max(p.0), b[3].max(p.1)]);
    // As tall as the box at the panel's width.
    let panel = [0.0, top + 12.0, panel_w, (panel_w * (b[3] - b[1]) / (b[2] - b[0]).max(1e-9)).round()];
    pen.text(0.0, top + 8.0, Face::SansBold, SMALL, INK, &pen.words.text("map-inset", &[]));
    let view = View::fit(region, b, panel);
    // Fitted on the box's corners, the view's frame is the whole panel.
    let view = View { frame: panel, ..view };
    pen.rect(panel[0], panel[1], panel[2], panel[3], SEA);
    frame::countries(pen, &view, geo::shapes::region(), &shade);
    mark(pen, &view, geo::shapes::region(), &map.subject, 2.0, (0.45, INK));
    let labels = panel_labels(pen, &view, map);
    let border: Vec<Point> = vec![pt(panel[0], panel[1]), pt(panel[0] + panel[2], panel[1]), pt(panel[0] + panel[2], panel[1] + panel[3]), pt(panel[0], panel[1] + panel[3])];
    pen.items.extend(frame::path(vec![border], true, None, Some((0.5, MUTED, Vec::new()))));

    let others_bottom = others(pen, map, panel_w + 14.0, top + 8.0, width, panel[1] + panel[3]);
    let bottom = (panel[1] + panel[3]).max(others_bottom) + 10.0;
    pen.text(0.0, bottom, Face::Sans, SMALL, MUTED, &pen.words.text("map-source", &[]));
    (bottom + 3.0, world.frame, labels, Some((world.projection, world.scale, world.origin)))
}

/// The edge of the Equal Earth world, from 60°S to 84°N.
fn outline(view: &View) -> Vec<Point> {
    let mut points = Vec::new();
    for i in 0..=36 {
        let lat = -60.0 + 144.0 * f64::from(i) / 36.0;
        points.push(view.at(LonLat { lon: -180.0, lat }));
    }
    for i in 0..=36 {
        let lat = 84.0 - 144.0 * f64::from(i) / 36.0;
        points.push(view.at(LonLat { lon: 179.999, lat }));
    }
    points.into_iter().map(|(x, y)| pt(x, y)).collect()
}

/// Meridians and parallels every 30°, under the land.
fn graticule(pen: &mut Pen<'_>, view: &View) {
    let mut parts = Vec::new();
    for lon in (-150..=150).step_by(30) {
        let line: Vec<Point> = (0..=24)
            .map(|i| view.at(LonLat { lon: f64::from(lon), lat: -60.0 + 144.0 * f64::from(i) / 24.0 }))
            .map(|(x, y)| pt(x, y))
            .collect();
        parts.push(line);
    }
    for lat in [-30, 0, 30, 60] {
        let line: Vec<Point> = (0..=36)
            .map(|i| view.at(LonLat { lon: -180.0 + 359.999 * f64::from(i) / 36.0, lat: f64::from(lat) }))
            .map(|(x, y)| pt(x, y))
            .collect();
        parts.push(line);
    }
    pen.items.extend(frame::path(parts, false, None, Some((0.3, GRID, Vec::new()))));
}

/// The subject country: hatched, outlined.
pub fn mark(pen: &mut Pen<'_>, view: &View, layer: &geo::Layer, subject: &Subject, gap: f64, hatch: (f32, Color)) {
    let Some(country) = layer.countries.iter().find(|c| c.iso == subject.iso) else { return };
    let rings: Vec<Vec<Point>> = country.rings.iter().filter_map(|r| view.ring(r)).collect();
    if rings.is_empty() {
        return;
    }
    pen.items.extend(frame::path(rings.clone(), true, Some(Color::rgb(0xff, 0xff, 0xff)), None));
    pen.items.extend(frame::path(frame::hatch(&rings, gap), false, None, Some((hatch.0, hatch.1, Vec::new()))));
    pen.items.extend(frame::path(rings, true, None, Some((0.8, INK, Vec::new()))));
}

/// The names of the partner countries in the panel, and the subject's,
/// where they fit.
fn panel_labels(pen: &mut Pen<'_>, view: &View, map: &PartnerMap) -> Vec<LabelBox> {
    let layer = geo::shapes::region();
    let mut wanted: Vec<(String, Face, (f64, f64))> = Vec::new();
    let named = std::iter::once((map.subject.iso.as_str(), map.subject.name.as_str(), Face::SansBold))
        .chain(map.countries.iter().filter(|c| c.count > 0).map(|c| (c.iso.as_str(), c.name.as_str(), Face::Sans)));
    for (iso, name, face) in named {
        let Some(country) = layer.countries.iter().find(|c| c.iso == iso) else { continue };
        let Some(centre) = centre(view, &country.rings) else { continue };
        wanted.push((name.to_owned(), face, centre));
    }
    let labels: Vec<Label> = wanted
        .iter()
        .map(|(name, face, at)| Label { anchor: *at, width: pen.width(*face, SMALL, name), ascent: 5.0, descent: 1.6, gap: 1.0 })
        .collect();
    let inner = [view.frame[0] + 2.0, view.frame[1] + 2.0, view.frame[2] - 4.0, view.frame[3] - 4.0];
    // No name covers another country's middle, where that name goes.
    let middles: Vec<LabelBox> = labels.iter().map(|l| LabelBox::around(l.anchor, 0.8)).collect();
    let placed = labels::place(&labels, inner, &middles);
    let mut boxes = Vec::new();
    for ((name, face, _), (b, label)) in wanted.iter().zip(placed.into_iter().zip(&labels)) {
        let Some(b) = b else { continue };
        if let Some((from, to)) = labels::leader(label.anchor, &b, label.gap) {
            pen.items.extend(frame::path(vec![vec![pt(from.0, from.1), pt(to.0, to.1)]], false, None, Some((0.4, INK, Vec::new()))));
        }
        // A halo of the sea's colour keeps the name legible over borders.
        pen.rect(b.x - 0.8, b.y, b.w + 1.6, b.h, Color::rgb(0xff, 0xff, 0xff));
        pen.text(b.baseline.0, b.baseline.1, *face, SMALL, INK, name);
        boxes.push(b);
    }
    boxes
}

/// The middle of the largest part of a country the view shows (the centre
/// of its box), when one shows.
fn centre(view: &View, rings: &[Vec<LonLat>]) -> Option<(f64, f64)> {
    let boxes = rings.iter().filter_map(|r| view.ring(r)).map(|r| {
        let xs = r.iter().map(|p| f64::from(p.x.0));
        let ys = r.iter().map(|p| f64::from(p.y.0));
        let (x0, x1) = xs.fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
        let (y0, y1) = ys.fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
        (x0, y0, x1, y1)
    });
    let (x0, y0, x1, y1) = boxes.max_by(|a, b| ((a.2 - a.0) * (a.3 - a.1)).total_cmp(&((b.2 - b.0) * (b.3 - b.1))))?;
    Some(((x0 + x1) / 2.0, (y0 + y1) / 2.0))
}

/// The legend from (`x`, `y`): the classes, no events, the subject's
/// mark; returns where it ends.
fn legend(pen: &mut Pen<'_>, map: &PartnerMap, classes: &[(usize, usize, Color)], x: f64, y: f64) -> f64 {
    let words = pen.words;
    let mut y = y;
    pen.text(x, y, Face::SansBold, SMALL, INK, &words.text("map-legend-partners", &[]));
    y += 4.0;
    let swatch = |pen: &mut Pen<'_>, y: f64, colour: Color| {
        let square = vec![pt(x, y), pt(x + 12.0, y), pt(x + 12.0, y + 7.0), pt(x, y + 7.0)];
        pen.items.extend(frame::path(vec![square], true, Some(colour), Some((0.3, frame::BORDER, Vec::new()))));
    };
    for (from, to, colour) in classes {
        swatch(pen, y, *colour);
        let text = if from == to { words.text("map-class-one", &[("count", (*from).into())]) } else { words.text("map-class", &[("from", (*from).into()), ("to", (*to).into())]) };
        pen.text(x + 17.0, y + 6.2, Face::Sans, SMALL, INK, &text);
        y += 10.0;
    }
    swatch(pen, y, LAND);
    pen.text(x + 17.0, y + 6.2, Face::Sans, SMALL, INK, &words.text("map-class-none", &[]));
    y += 10.0;
    let square = vec![pt(x, y), pt(x + 12.0, y), pt(x + 12.0, y + 7.0), pt(x, y + 7.0)];
    pen.items.extend(frame::path(frame::hatch(std::slice::from_ref(&square), 1.6), false, None, Some((0.45, INK, Vec::new()))));
    pen.items.extend(frame::path(vec![square], true, None, Some((0.8, INK, Vec::new()))));
    pen.text(x + 17.0, y + 6.2, Face::Sans, SMALL, INK, &map.subject.name);
    y + 10.0
}

/// The partners without a country, in the column from `x` to `right`,
/// from `y`, not below `bottom` (what does not fit is counted); returns
/// where it ends.
fn others(pen: &mut Pen<'_>, map: &PartnerMap, x: f64, y: f64, right: f64, bottom: f64) -> f64 {
    let words = pen.words;
    let mut y = y;
    if map.others.is_empty() {
        return y;
    }
    pen.text(x, y, Face::SansBold, SMALL, INK, &words.text("map-others", &[]));
    let room = right - x;
    for (i, (name, count)) in map.others.iter().enumerate() {
        let left = map.others.len() - i;
        if y + 9.0 * 2.0 > bottom && left > 1 {
            pen.text(x, y + 9.0, Face::Sans, SMALL, MUTED, &words.text("map-others-more", &[("count", left.into())]));
            return y + 9.0;
        }
        let line = words.text("map-other", &[("name", name.as_str().into()), ("count", (*count).into())]);
        y += 9.0;
        let fitted = pen.fit(Face::Sans, SMALL, &line, room);
        pen.text(x, y, Face::Sans, SMALL, INK, &fitted);
    }
    y
}
