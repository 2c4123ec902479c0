use super::*;
use crate::geo::shapes::LonLat;
use crate::typeset::display::Item;

/// The article's corridors, at GeoNames' coordinates (the pyproj fixture's).
pub(crate) fn corridors() -> RouteMap {
    let place = |name: &str, lon: f64, lat: f64| Place { name: name.to_owned(), at: LonLat { lon, lat } };
    let baku = place("Baku", 49.8671, 40.4093);
    let tbilisi = place("Tbilisi", 44.8271, 41.7151);
    let kars = place("Kars", 43.0975, 40.6013);
    let aktau = place("Aktau", 51.1978, 43.65);
    let turkmenbashi = place("Turkmenbashi", 52.9704, 40.0224);
    let erzurum = place("Erzurum", 41.2769, 39.9086);
    let ceyhan = place("Ceyhan", 35.8177, 37.0288);
    let poti = place("Poti", 41.6719, 42.1467);
    let colour = |i: usize| {
        let (r, g, b) = crate::palette::rgb(i);
        Color::rgb(r, g, b)
    };
    let route = |name: &str, kind: RouteKind, c: usize, places: &[&Place]| Route {
        name: name.to_owned(),
        kind,
        color: colour(c),
        places: places.iter().map(|p| (*p).clone()).collect(),
    };
    RouteMap {
        title: "Corridors".to_owned(),
        routes: vec![
            route("Baku–Tbilisi–Kars railway", RouteKind::Rail, 4, &[&baku, &tbilisi, &kars]),
            route("Baku–Tbilisi–Ceyhan pipeline", RouteKind::Pipeline, 2, &[&baku, &tbilisi, &erzurum, &ceyhan]),
            route("Trans-Caspian ferry", RouteKind::Sea, 4, &[&aktau, &baku, &turkmenbashi]),
            route("Black Sea link", RouteKind::Road, 4, &[&tbilisi, &poti]),
        ],
        subject: Subject { iso: "AZ".to_owned(), name: "Azerbaijan".to_owned() },
        alt: "Routes".to_owned(),
    }
}

pub(crate) fn partners() -> PartnerMap {
    let c = |iso: &str, name: &str, count: usize| CountryCount { iso: iso.to_owned(), name: name.to_owned(), count };
    PartnerMap {
        title: "Partners".to_owned(),
        countries: vec![c("GE", "Georgia", 6), c("TR", "Türkiye", 8), c("KZ", "Kazakhstan", 3), c("US", "United States", 1), c("UG", "Uganda", 1), c("TH", "Thailand", 2), c("OM", "Oman", 1), c("IT", "Italy", 4)],
        others: vec![("European Union".to_owned(), 5), ("OTS".to_owned(), 2)],
        subject: Subject { iso: "AZ".to_owned(), name: "Azerbaijan".to_owned() },
        alt: "Partners".to_owned(),
    }
}

fn draw_it(map: &Map) -> DrawnMap {
    draw(map, Pt(467.0), &crate::words::Catalogue::builtin())
}

/// Issue 26: Baku, Tbilisi and Kars are drawn where PROJ puts them for the
/// same projection, within half a point on the page.
#[test]
fn places_are_drawn_where_pyproj_puts_them() {
    let drawn = draw_it(&Map::Routes(corridors()));
    let Some((projection, scale, origin)) = drawn.projection else { panic!("no projection") };
    assert_eq!(projection, crate::geo::Projection::Lambert(crate::geo::Lambert::new(38.0, 42.5, 40.5, 44.5)));
    let fixture = include_str!("../../../../tests/fixtures/geo/pyproj.tsv");
    // The dots: sixteen-sided polygons, by their centres.
    let dots: Vec<(f64, f64)> = drawn
        .drawing
        .items
        .iter()
        .filter_map(|(_, i)| match i {
            Item::Path(p) if p.closed && p.parts.len() == 1 && p.parts[0].len() == 16 => {
                let n = 16.0;
                Some((p.parts[0].iter().map(|q| f64::from(q.x.0)).sum::<f64>() / n, p.parts[0].iter().map(|q| f64::from(q.y.0)).sum::<f64>() / n))
            }
            _ => None,
        })
        .collect();
    let mut checked = 0;
    for line in fixture.lines().filter(|l| l.starts_with("lcc\t") && l.contains("\t38.0\t42.5\t40.5\t44.5\t")) {
        let f: Vec<&str> = line.split('\t').collect();
        if !["Baku", "Tbilisi", "Kars"].contains(&f[1]) {
            continue;
        }
        let (x, y): (f64, f64) = (f[8].parse().unwrap(), f[9].parse().unwrap());
        let want = (origin.0 + x * scale, origin.1 - y * scale);
        assert!(dots.iter().any(|d| (d.0 - want.0).abs() < 0.5 && (d.1 - want.1).abs() < 0.5), "{}: {want:?} not among {dots:?}", f[1]);
        checked += 1;
    }
    assert_eq!(checked, 3);
}

/// Issue 26: labels never collide nor leave the frame, checked on the
/// display list's text.
#[test]
fn place_labels_neither_overlap_nor_leave_the_frame() {
    let map = corridors();
    let drawn = draw_it(&Map::Routes(map.clone()));
    let names: Vec<&str> = map.routes.iter().flat_map(|r| r.places.iter().map(|p| p.name.as_str())).collect();
    let boxes: Vec<(f64, f64, f64, f64)> = drawn
        .drawing
        .items
        .iter()
        .filter_map(|(at, i)| match i {
            Item::Text(t) if names.contains(&t.text.as_str()) && t.size == Pt(7.0) => {
                Some((f64::from(at.x.0), f64::from(at.y.0) - 5.3, f64::from(t.width.0), 7.0))
            }
            _ => None,
        })
        .collect();
    assert_eq!(boxes.len(), 8, "every place labelled: {boxes:?}");
    let f = drawn.frame;
    for (i, a) in boxes.iter().enumerate() {
        assert!(a.0 >= f[0] && a.1 >= f[1] && a.0 + a.2 <= f[0] + f[2] && a.1 + a.3 <= f[1] + f[3], "{a:?} leaves {f:?}");
        for b in &boxes[i + 1..] {
            let overlap = a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3;
            assert!(!overlap, "{a:?} overlaps {b:?}");
        }
    }
}

/// Routes that reach across the world, or stay at one point, draw a map
/// with every coordinate finite and every label inside the frame.
#[test]
fn routes_at_the_extremes_draw_a_finite_map() {
    let place = |name: &str, lon: f64, lat: f64| Place { name: name.to_owned(), at: LonLat { lon, lat } };
    let far = vec![place("Tokyo", 139.69, 35.69), place("Lima", -77.04, -12.05), place("Longyearbyen", 15.63, 78.22)];
    let one = vec![place("Baku", 49.87, 40.41), place("Baku again", 49.87, 40.41)];
    for places in [far, one] {
        let mut map = corridors();
        map.routes.truncate(1);
        map.routes[0].places = places;
        let drawn = draw_it(&Map::Routes(map));
        for (at, item) in &drawn.drawing.items {
            assert!(at.x.0.is_finite() && at.y.0.is_finite(), "{item:?}");
            if let Item::Path(p) = item {
                assert!(p.parts.iter().flatten().all(|q| q.x.0.is_finite() && q.y.0.is_finite()), "{p:?}");
            }
        }
        assert!(drawn.labels.iter().all(|b| b.inside(drawn.frame)));
    }
}

/// Greyscale: each class is lighter than the next by a clear step, and
/// the route kinds have distinct dash patterns.
#[test]
fn classes_and_kinds_read_in_greyscale() {
    let grey = |c: Color| 0.299 * c.r + 0.587 * c.g + 0.114 * c.b;
    for w in partners::CLASSES.windows(2) {
        assert!(grey(w[0]) - grey(w[1]) > 0.12, "{:?}", w);
    }
    assert!(grey(frame::LAND) - grey(partners::CLASSES[0]) > 0.05);
    assert_eq!(partners::classes(1).iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(), [(1, 1)]);
    assert_eq!(partners::classes(8).iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(), [(1, 2), (3, 4), (5, 6), (7, 8)]);
    assert_eq!(partners::classes(3).iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(), [(1, 1), (2, 2), (3, 3)]);
    assert_eq!(partners::classes(3).last().map(|c| c.2), Some(partners::CLASSES[3]));
    let kinds = [RouteKind::Rail, RouteKind::Pipeline, RouteKind::Sea, RouteKind::Road, RouteKind::Multimodal];
    for (i, a) in kinds.iter().enumerate() {
        assert!(kinds[i + 1..].iter().all(|b| a.dash() != b.dash()), "{a:?}");
    }
}

/// The partner map shades partners, hatches the subject, lists partners
/// without a country and prints the source line.
#[test]
fn the_partner_map_shades_hatches_and_lists() {
    let drawn = draw_it(&Map::Partners(partners()));
    let texts: Vec<&str> = drawn.drawing.items.iter().filter_map(|(_, i)| if let Item::Text(t) = i { Some(t.text.as_str()) } else { None }).collect();
    for want in ["European Union (5)", "OTS (2)", "Boundaries: Natural Earth; their depiction implies no endorsement.", "Azerbaijan", "Georgia", "7–8"] {
        assert!(texts.contains(&want), "{want} not in {texts:?}");
    }
    let fills: Vec<Color> = drawn.drawing.items.iter().filter_map(|(_, i)| if let Item::Path(p) = i { p.fill } else { None }).collect();
    for class in partners::CLASSES {
        assert!(fills.contains(&class), "{class:?}");
    }
    assert!(drawn.labels.iter().all(|b| b.inside([0.0, 0.0, 467.0, f64::from(drawn.drawing.size.h.0)])));
}

/// Rings and lines that cross the antimeridian (Fiji, Chukotka) are cut
/// there: no stroke or edge runs across the world.
#[test]
fn nothing_runs_across_the_world() {
    let drawn = draw_it(&Map::Partners(partners()));
    for (_, item) in &drawn.drawing.items {
        let Item::Path(p) = item else { continue };
        // Countries, borders and coasts; not the world's outline.
        let shape = p.fill.is_some_and(|f| f == frame::LAND || partners::CLASSES.contains(&f))
            || p.stroke.as_ref().is_some_and(|s| s.color == frame::BORDER || s.color == frame::COAST);
        if !shape {
            continue;
        }
        // The world's parts; the panel's below it are cut along its frame.
        let world_bottom = (drawn.frame[1] + drawn.frame[3]) as f32;
        for part in p.parts.iter().filter(|part| part.iter().all(|q| q.y.0 <= world_bottom)) {
            for w in part.windows(2) {
                assert!((w[0].x.0 - w[1].x.0).abs() < 150.0, "{:?} to {:?}", w[0], w[1]);
            }
        }
    }
}

/// The legend says each route's places in order, after its name and
/// kind; a route of many places wraps onto lines of its own, inside the
/// drawing's width.
#[test]
fn the_route_legend_lists_the_places_in_order() {
    let mut map = corridors();
    let drawn = draw_it(&Map::Routes(map.clone()));
    let texts: Vec<&str> = drawn.drawing.items.iter().filter_map(|(_, i)| if let Item::Text(t) = i { Some(t.text.as_str()) } else { None }).collect();
    assert!(texts.contains(&"Baku–Tbilisi–Ceyhan pipeline, pipeline: Baku – Tbilisi – Erzurum – Ceyhan"), "{texts:?}");
    assert!(texts.contains(&"Trans-Caspian ferry, sea: Aktau – Baku – Turkmenbashi"), "{texts:?}");
    let long: Vec<Place> = (0..24).map(|i| Place { name: format!("Station {i}"), at: LonLat { lon: 40.0 + f64::from(i) * 0.4, lat: 41.0 } }).collect();
    map.routes[0].places = long;
    let drawn = draw_it(&Map::Routes(map));
    let lines: Vec<(f32, f32, &str)> = drawn
        .drawing
        .items
        .iter()
        .filter_map(|(at, i)| if let Item::Text(t) = i { Some((at.x.0 + t.width.0, at.y.0, t.text.as_str())) } else { None })
        .filter(|(_, _, t)| t.contains("Station"))
        .filter(|(_, _, t)| !t.starts_with("Station") || t.contains('–'))
        .collect();
    assert!(lines.len() >= 2, "the long route wraps: {lines:?}");
    assert!(lines[0].2.starts_with("Baku–Tbilisi–Kars railway, rail: Station 0 – Station 1 –"), "{lines:?}");
    assert!(lines.iter().all(|(right, _, _)| *right <= 467.0), "{lines:?}");
    assert!(lines.windows(2).all(|w| w[1].1 > w[0].1), "one line under the other: {lines:?}");
}

#[test]
fn the_svg_is_the_drawing_with_its_words() {
    let mut map = corridors();
    map.alt = "Routes <b> & \"more\"".to_owned();
    let drawn = draw_it(&Map::Routes(map.clone()));
    let svg = svg::write(&drawn.drawing, &map.title, &map.alt);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{svg}");
    assert!(svg.contains("<desc id=\"desc\">Routes &lt;b&gt; &amp; &quot;more&quot;</desc>"));
    assert!(svg.contains("stroke-dasharray=\"6 2\"") && svg.contains(">Tbilisi</text>"));
}

/// Issue 26, culling: what a view leaves out by its extent is what it
/// would not have drawn (every ring and line whose box lies outside the
/// extent draws nothing when projected and clipped), and at a regional
/// view most of the 1:50m layer is left out; a frame too small for the
/// grid leaves out nothing.
#[test]
fn the_extent_leaves_out_only_what_the_frame_does_not_show() {
    use crate::geo::shapes::meets;
    let layer = crate::geo::shapes::region();
    let routes = draw_it(&Map::Routes(corridors()));
    let Some((projection, scale, origin)) = routes.projection else { panic!("no projection") };
    let view = frame::View { projection, scale, origin, frame: routes.frame };
    let extent = view.extent(layer.bounds).expect("the route map shows a part of the layer");
    let (mut rings, mut left_out) = (0, 0);
    for country in &layer.countries {
        for (ring, b) in country.rings.iter().zip(&country.boxes) {
            rings += 1;
            if !meets(extent, *b) {
                left_out += 1;
                assert!(view.ring(ring).is_none(), "{} has a ring the frame shows outside {extent:?}", country.iso);
            }
        }
    }
    for line in layer.lines.iter().filter(|l| !meets(extent, l.bounds)) {
        assert!(view.line(&line.points).is_empty(), "a line the frame shows outside {extent:?}");
    }
    assert!(left_out * 2 > rings, "{left_out} of {rings} rings left out");
    // Every point the frame shows, on a grid finer than the extent's.
    let [w, s, e, n] = layer.bounds;
    for i in 0..=400 {
        for j in 0..=170 {
            let p = LonLat { lon: w + (e - w) * f64::from(i) / 400.0, lat: s + (n - s) * f64::from(j) / 170.0 };
            if view.shows(view.at(p)) {
                assert!(p.lon >= extent[0] && p.lon <= extent[2] && p.lat >= extent[1] && p.lat <= extent[3], "{p:?} outside {extent:?}");
            }
        }
    }
    let tiny = frame::View { frame: [200.0, 100.0, 0.5, 0.5], ..view };
    assert_eq!(tiny.extent(layer.bounds), None);
}

/// A kind's dash pattern as a reader sees it: each dash long (5 pt and
/// over), short (2 to 5 pt) or a dot; empty for a solid line.
fn signature(dash: &[Pt]) -> String {
    dash.iter().step_by(2).map(|d| if d.0 >= 5.0 { 'L' } else if d.0 >= 2.0 { 'S' } else { '.' }).collect()
}

/// Issue 26: every map reads in greyscale. On the partner map each fill
/// a country can have (the classes, land with no events) and the sea
/// differ in grey by a clear step; on the route map each kind is its own
/// sequence of dashes and dots, and each route is drawn with its kind's.
#[test]
fn every_map_reads_in_greyscale() {
    let grey = |c: Color| 0.299 * c.r + 0.587 * c.g + 0.114 * c.b;
    let drawn = draw_it(&Map::Partners(partners()));
    let mut fills: Vec<Color> = Vec::new();
    for (_, item) in &drawn.drawing.items {
        if let Item::Path(p) = item {
            if let Some(f) = p.fill.filter(|f| *f == frame::SEA || *f == frame::LAND || partners::CLASSES.contains(f)) {
                if !fills.contains(&f) {
                    fills.push(f);
                }
            }
        }
    }
    assert_eq!(fills.len(), 6, "sea, land and four classes: {fills:?}");
    for (i, a) in fills.iter().enumerate() {
        for b in &fills[i + 1..] {
            assert!((grey(*a) - grey(*b)).abs() >= 0.08, "{a:?} and {b:?} are {} and {} in grey", grey(*a), grey(*b));
        }
    }
    let kinds = [RouteKind::Rail, RouteKind::Pipeline, RouteKind::Sea, RouteKind::Road, RouteKind::Multimodal, RouteKind::Other];
    let signatures: Vec<String> = kinds.iter().map(|k| signature(&k.dash())).collect();
    for (i, a) in signatures.iter().enumerate() {
        assert!(signatures[i + 1..].iter().all(|b| a != b), "{:?} reads as another kind: {signatures:?}", kinds[i]);
    }
    // Two routes in one colour, of different kinds, drawn apart.
    let mut map = corridors();
    for route in &mut map.routes {
        route.color = map_colour();
    }
    let drawn = draw_it(&Map::Routes(map.clone()));
    for route in &map.routes {
        let strokes = drawn.drawing.items.iter().filter(|(_, i)| matches!(i, Item::Path(p) if p.stroke.as_ref().is_some_and(|s| s.color == route.color && s.dash == route.kind.dash())));
        assert!(strokes.count() >= 2, "{} drawn on the map and in the legend with its kind's dashes", route.name);
    }
}

fn map_colour() -> Color {
    let (r, g, b) = crate::palette::rgb(4);
    Color::rgb(r, g, b)
}
