//! The maps of a briefing (issue 26), made: their data from the summary
//! ([`crate::summary::maps`]), the drawings the typesetter places where
//! the Markdown names them, and the SVG and GeoJSON files written beside
//! the Markdown.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::dataset::{Dataset, RouteKind as DataKind};
use crate::geo::LonLat;
use crate::options::OutputFormat;
use crate::period::Period;
use crate::output::Target;
use crate::plan::Plan;
use crate::summary::maps::{self as views, Maps, PartnerMapView, RouteMapView};
use crate::summary::Summary;
use crate::typeset::chart::map::{self, CountryCount, Map, PartnerMap, Place, Route, RouteKind, RouteMap, Subject};
use crate::typeset::geom::{Color, Size};
use crate::words::Catalogue;

/// The subject country of every briefing, ISO 3166-1 alpha-2: Azerbaijan.
const SUBJECT: &str = "AZ";
/// The map files' endings after the stem.
const PARTNERS_SVG: &str = "partners.svg";
const PARTNERS_DATA: &str = "partners.geojson";
const ROUTES_SVG: &str = "routes.svg";
const ROUTES_DATA: &str = "routes.geojson";

/// What the map files are named by: the period's default briefing name
/// (`azint-briefing-2024-2026`), whatever the Markdown is called, so that
/// the same inputs give the same Markdown under any output name (the
/// Markdown names its map files).
pub fn stem(period: &Period, plan: &Plan) -> String {
    format!("azint-briefing-{}{}", period.file_stem(), crate::plan::suffix(plan.marked()))
}

/// The maps' data, with the files the Markdown names when it is written to
/// a file (`stem` is [`stem`]'s), and the routes' kinds in words.
pub fn maps(plan: &Plan, dataset: &Dataset, summary: &Summary, words: &Catalogue) -> Maps {
    let mut maps = views::maps(dataset, summary, &summary.routes, words);
    // The Markdown on standard output names no file beside it.
    let to_stdout = plan.targets().iter().any(|(f, t)| *f == OutputFormat::Markdown && *t == Target::Stdout);
    let stem = stem(&summary.period, plan);
    if let Some(p) = &mut maps.partners {
        p.file = (!to_stdout).then(|| format!("{stem}.{PARTNERS_SVG}"));
    }
    if let Some(r) = &mut maps.routes {
        r.file = (!to_stdout).then(|| format!("{stem}.{ROUTES_SVG}"));
        for (row, route) in r.rows.iter_mut().zip(&r.routes) {
            row.kind = words.text(kind(route.kind).message(), &[]);
        }
        let said: Vec<String> = r
            .rows
            .iter()
            .map(|row| words.text("map-alt-route", &[("name", row.name.as_str().into()), ("kind", row.kind.as_str().into()), ("places", row.places.as_str().into())]))
            .collect();
        r.alt = words.text("map-alt-routes", &[("count", r.routes.len().into()), ("routes", said.join(" ").into())]);
    }
    maps
}

/// How the map draws a route of the data's kind: one list of kinds, the
/// dataset's, each matched here (a kind the data gains and the map does
/// not draw fails to compile); a route of no kind is a plain route.
fn kind(kind: Option<DataKind>) -> RouteKind {
    match kind {
        Some(DataKind::Rail) => RouteKind::Rail,
        Some(DataKind::Road) => RouteKind::Road,
        Some(DataKind::Sea) => RouteKind::Sea,
        Some(DataKind::Pipeline) => RouteKind::Pipeline,
        Some(DataKind::Multimodal) => RouteKind::Multimodal,
        None => RouteKind::Other,
    }
}

/// The maps as the typesetter draws them, by the address the Markdown
/// names them with.
pub fn drawn(maps: &Maps, summary: &Summary) -> BTreeMap<String, Arc<Map>> {
    let mut out = BTreeMap::new();
    for (file, map) in typeset_maps(maps, summary) {
        out.insert(file, Arc::new(map));
    }
    out
}

fn typeset_maps(maps: &Maps, summary: &Summary) -> Vec<(String, Map)> {
    let mut out = Vec::new();
    if let Some(p) = &maps.partners {
        let map = PartnerMap {
            title: p.title.clone(),
            countries: p.countries.iter().map(|c| CountryCount { iso: c.iso.clone(), name: c.name.clone(), count: c.count }).collect(),
            others: p.others.iter().map(|o| (o.name.clone(), o.count)).collect(),
            subject: Subject { iso: SUBJECT.to_owned(), name: p.subject.clone() },
            alt: p.alt.clone(),
        };
        out.extend(p.file.clone().map(|file| (file, Map::Partners(map))));
    }
    if let Some(r) = &maps.routes {
        let colour = |pillar: &str| {
            let index = summary.pillars.iter().find(|p| p.id == pillar).map_or(0, |p| p.colour);
            let (red, green, blue) = crate::palette::rgb(index);
            Color::rgb(red, green, blue)
        };
        let routes = r
            .routes
            .iter()
            .map(|route| Route {
                name: route.name.clone(),
                kind: kind(route.kind),
                color: colour(&route.pillar),
                // Validation keeps coordinates finite and in range; a map
                // never draws one that is not.
                places: route
                    .places
                    .iter()
                    .filter(|p| p.lon.is_finite() && p.lat.is_finite() && p.lon.abs() <= 180.0 && p.lat.abs() <= 90.0)
                    .map(|p| Place { name: p.name.clone(), at: LonLat { lon: p.lon, lat: p.lat } })
                    .collect(),
            })
            .collect();
        let map = RouteMap { title: r.title.clone(), routes, subject: Subject { iso: SUBJECT.to_owned(), name: r.subject.clone() }, alt: r.alt.clone() };
        out.extend(r.file.clone().map(|file| (file, Map::Routes(map))));
    }
    out
}

/// The map files to write beside the Markdown, and those to remove: a map
/// this run does not draw leaves no file of an earlier run beside the
/// Markdown. None when the Markdown goes to standard output or is not
/// made.
pub fn files(plan: &Plan, stem: &str, maps: &Maps, drawn: &BTreeMap<String, Arc<Map>>, page: Size, words: Option<&Catalogue>) -> (Vec<(PathBuf, Vec<u8>)>, Vec<PathBuf>) {
    let markdown = plan.targets().iter().find_map(|(f, t)| match t {
        Target::File(path) if *f == OutputFormat::Markdown => Some(path.clone()),
        _ => None,
    });
    let (Some(markdown), Some(words)) = (markdown, words) else { return (Vec::new(), Vec::new()) };
    let beside = |name: &str| markdown.with_file_name(name);
    let width = map::column_width(page);
    let mut write = Vec::new();
    for (file, map) in drawn {
        let drawing = map::draw(map, width, words).drawing;
        write.push((beside(file), map::svg::write(&drawing, map.title(), map.alt()).into_bytes()));
    }
    if let Some(p) = &maps.partners {
        write.push((beside(&format!("{stem}.{PARTNERS_DATA}")), partners_geojson(p).into_bytes()));
    }
    if let Some(r) = &maps.routes {
        write.push((beside(&format!("{stem}.{ROUTES_DATA}")), routes_geojson(r).into_bytes()));
    }
    let stale = [PARTNERS_SVG, PARTNERS_DATA, ROUTES_SVG, ROUTES_DATA]
        .iter()
        .map(|tail| beside(&format!("{stem}.{tail}")))
        .filter(|path| !write.iter().any(|(p, _)| p == path))
        .collect();
    (write, stale)
}

/// A coordinate as GeoJSON writes it: to a hundred-thousandth of a degree
/// (a metre), enough for a map and short.
fn coordinate(v: f64) -> f64 {
    (v * 1e5).round() / 1e5
}

/// The partner map's data as GeoJSON (RFC 7946): each partner country a
/// Feature with its outline (Natural Earth 1:110m) and its `name`, `iso`,
/// `region` and `events` as properties.
pub fn partners_geojson(map: &PartnerMapView) -> String {
    let world = crate::geo::shapes::world();
    let features: Vec<serde_json::Value> = map
        .countries
        .iter()
        .filter_map(|c| {
            let shape = world.countries.iter().find(|s| s.iso == c.iso)?;
            let polygons: Vec<serde_json::Value> = shape
                .rings
                .iter()
                .filter(|r| r.len() >= 4)
                .map(|r| serde_json::json!([r.iter().map(|p| [coordinate(p.lon), coordinate(p.lat)]).collect::<Vec<_>>()]))
                .collect();
            Some(serde_json::json!({
                "type": "Feature",
                "properties": { "name": c.name, "iso": c.iso, "region": c.region, "events": c.count },
                "geometry": { "type": "MultiPolygon", "coordinates": polygons },
            }))
        })
        .collect();
    collection(features)
}

/// The route map's data as GeoJSON: each route a LineString through its
/// places, each place a Point, with their names as properties.
pub fn routes_geojson(map: &RouteMapView) -> String {
    let mut features = Vec::new();
    for (route, row) in map.routes.iter().zip(&map.rows) {
        let line: Vec<[f64; 2]> = route.places.iter().map(|p| [coordinate(p.lon), coordinate(p.lat)]).collect();
        features.push(serde_json::json!({
            "type": "Feature",
            "properties": { "id": route.id, "name": route.name, "kind": route.kind.map(DataKind::as_str), "pillar": route.pillar, "places": row.places },
            "geometry": { "type": "LineString", "coordinates": line },
        }));
    }
    let mut seen = std::collections::BTreeSet::new();
    for place in map.routes.iter().flat_map(|r| &r.places) {
        if seen.insert(place.id.as_str()) {
            features.push(serde_json::json!({
                "type": "Feature",
                "properties": { "id": place.id, "name": place.name, "country": place.country },
                "geometry": { "type": "Point", "coordinates": [coordinate(place.lon), coordinate(place.lat)] },
            }));
        }
    }
    collection(features)
}

fn collection(features: Vec<serde_json::Value>) -> String {
    let mut text = serde_json::to_string(&serde_json::json!({ "type": "FeatureCollection", "features": features })).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::routes::{PlaceView, RouteView};

    fn place(id: &str, lon: f64, lat: f64) -> PlaceView {
        PlaceView { id: id.to_owned(), name: id.to_uppercase(), lat, lon, country: Some("AZ".to_owned()) }
    }

    /// Routes are LineStrings through their places in order, places are
    /// Points, each once; longitude first (RFC 7946).
    #[test]
    fn the_route_geojson_has_lines_and_points() {
        let (baku, tbilisi, kars) = (place("baku", 49.8671, 40.4093), place("tbilisi", 44.8271, 41.7151), place("kars", 43.0975, 40.6013));
        let route = RouteView {
            id: "btk".to_owned(),
            name: "Baku–Tbilisi–Kars".to_owned(),
            kind: Some(DataKind::Rail),
            pillar: "connectivity".to_owned(),
            places: vec![baku.clone(), tbilisi.clone(), kars],
            events: Vec::new(),
        };
        let second = RouteView { id: "link".to_owned(), name: "Link".to_owned(), kind: None, places: vec![tbilisi, baku], ..route.clone() };
        let rows = ["BAKU – TBILISI – KARS", "TBILISI – BAKU"]
            .iter()
            .map(|p| views::RouteRow { name: String::new(), kind: String::new(), places: (*p).to_owned() })
            .collect();
        let map = RouteMapView {
            title: String::new(),
            alt: String::new(),
            file: None,
            pillar: "connectivity".to_owned(),
            rows,
            routes: vec![route, second],
            subject: String::new(),
        };
        let text = routes_geojson(&map);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let features = value["features"].as_array().unwrap();
        let kinds: Vec<&str> = features.iter().map(|f| f["geometry"]["type"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["LineString", "LineString", "Point", "Point", "Point"]);
        assert_eq!(features[0]["geometry"]["coordinates"][0], serde_json::json!([49.8671, 40.4093]));
        assert_eq!(features[0]["properties"]["places"], "BAKU – TBILISI – KARS");
        assert_eq!(features[4]["properties"]["name"], "KARS");
        assert_eq!((&features[0]["properties"]["kind"], &features[1]["properties"]["kind"]), (&serde_json::json!("rail"), &serde_json::Value::Null));
    }

    /// Issue 26: one list of kinds. Each kind of the data is drawn as a
    /// kind of its own (not the plain route of no kind), named by the
    /// catalogue's message of its data name.
    #[test]
    fn every_kind_of_the_data_is_a_kind_of_the_map() {
        let drawn: Vec<RouteKind> = DataKind::ALL.iter().map(|k| kind(Some(*k))).collect();
        for (data, map) in DataKind::ALL.iter().zip(&drawn) {
            assert_eq!(map.message(), format!("map-kind-{}", data.as_str()));
            assert_eq!(drawn.iter().filter(|m| *m == map).count(), 1, "{data:?}");
        }
        assert_eq!(kind(None), RouteKind::Other);
    }
}
