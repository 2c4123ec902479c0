//! What the maps show (issue 26), for the templates, the drawing and the
//! GeoJSON beside the Markdown: the partner countries of the period with
//! their events, the partners without a country, and the routes with their
//! places in order; each map's title, file names, and description in
//! words.

use serde::Serialize;

use super::routes::RouteView;
use super::Summary;
use crate::dataset::{Dataset, Partner, PartnerKind};
use crate::geo;
use crate::words::Catalogue;

/// The subject country of every briefing: Azerbaijan.
pub const SUBJECT: &str = "AZ";

/// The maps of a briefing; each `None` when it would show nothing (no
/// partner registry with a country in the period; no routes).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Maps {
    pub partners: Option<PartnerMapView>,
    pub routes: Option<RouteMapView>,
}

/// The partner map.
#[derive(Clone, Debug, Serialize)]
pub struct PartnerMapView {
    pub title: String,
    pub alt: String,
    /// The SVG beside the Markdown, and its GeoJSON.
    pub file: String,
    pub data: String,
    /// By events, most first, then by name.
    pub countries: Vec<CountryRow>,
    /// Organisations and partners without a country.
    pub others: Vec<OtherRow>,
    pub subject: String,
}

/// A partner country on the map.
#[derive(Clone, Debug, Serialize)]
pub struct CountryRow {
    pub iso: String,
    pub name: String,
    pub region: String,
    pub count: usize,
}

/// A partner without a country.
#[derive(Clone, Debug, Serialize)]
pub struct OtherRow {
    pub name: String,
    pub count: usize,
}

/// The route map.
#[derive(Clone, Debug, Serialize)]
pub struct RouteMapView {
    pub title: String,
    pub alt: String,
    pub file: String,
    pub data: String,
    /// The pillar whose section shows the map: the one most routes belong
    /// to (the first of a tie).
    pub pillar: String,
    pub rows: Vec<RouteRow>,
    /// The routes, as the dataset gives them.
    pub routes: Vec<RouteView>,
    pub subject: String,
}

/// A route in the map's table.
#[derive(Clone, Debug, Serialize)]
pub struct RouteRow {
    pub name: String,
    pub kind: String,
    pub places: String,
}

/// Events per partner of the period: countries (with an ISO code) and the
/// others, each with the number of selected events that name it. The one
/// place that says what counts as taking part, for the lead to switch to
/// partner roles (a mention is not a partnership, issue 25).
pub fn partner_counts<'d>(dataset: &'d Dataset, summary: &Summary) -> Vec<(&'d Partner, usize)> {
    let selected: std::collections::HashSet<&str> = summary.selected.iter().map(String::as_str).collect();
    let mut counts = vec![0usize; dataset.partners.len()];
    for event in dataset.events.iter().filter(|e| selected.contains(e.id.as_str())) {
        for name in &event.partners {
            if let Some(i) = dataset.partners.iter().position(|p| p.name == *name) {
                counts[i] += 1;
            }
        }
    }
    dataset.partners.iter().zip(counts).filter(|(_, n)| *n > 0).collect()
}

/// The maps' data; `stem` names their files (`<stem>.partners.svg`...).
pub fn maps(dataset: &Dataset, summary: &Summary, routes: &[RouteView], stem: &str, words: &Catalogue) -> Maps {
    Maps { partners: partner_map(dataset, summary, stem, words), routes: route_map(summary, routes, stem, words) }
}

fn partner_map(dataset: &Dataset, summary: &Summary, stem: &str, words: &Catalogue) -> Option<PartnerMapView> {
    let counts = partner_counts(dataset, summary);
    let region = |p: &Partner| p.region.map(|r| words.text("region-name", &[("region", r.as_str().into())])).unwrap_or_default();
    let mut countries: Vec<CountryRow> = counts
        .iter()
        .filter_map(|(p, n)| match (&p.kind, &p.iso) {
            (PartnerKind::Country, Some(iso)) => Some(CountryRow { iso: iso.clone(), name: p.name.clone(), region: region(p), count: *n }),
            _ => None,
        })
        .collect();
    if countries.is_empty() {
        return None;
    }
    countries.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    let mut others: Vec<OtherRow> = counts
        .iter()
        .filter(|(p, _)| p.kind != PartnerKind::Country || p.iso.is_none())
        .map(|(p, n)| OtherRow { name: p.name.clone(), count: *n })
        .collect();
    others.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    let alt = partner_alt(&countries, &others, words);
    Some(PartnerMapView {
        title: words.text("map-title-partners", &[]),
        alt,
        file: format!("{stem}.partners.svg"),
        data: format!("{stem}.partners.geojson"),
        countries,
        others,
        subject: subject_name(words),
    })
}

/// The subject's name in the catalogue's words.
fn subject_name(words: &Catalogue) -> String {
    words.text("subject-country", &[])
}

/// Partners by region with counts, in words.
fn partner_alt(countries: &[CountryRow], others: &[OtherRow], words: &Catalogue) -> String {
    let mut regions: Vec<&str> = countries.iter().map(|c| c.region.as_str()).collect();
    regions.sort_unstable();
    regions.dedup();
    let said: Vec<String> = regions
        .iter()
        .map(|region| {
            let names: Vec<String> = countries
                .iter()
                .filter(|c| c.region == *region)
                .map(|c| words.text("map-alt-country", &[("name", c.name.as_str().into()), ("count", c.count.into())]))
                .collect();
            words.text("map-alt-region", &[("region", (*region).into()), ("countries", names.join(", ").into())])
        })
        .collect();
    let mut alt = words.text(
        "map-alt-partners",
        &[("countries", countries.len().into()), ("subject", subject_name(words).into()), ("regions", said.join("; ").into())],
    );
    if !others.is_empty() {
        let listed: Vec<String> =
            others.iter().map(|o| words.text("map-other", &[("name", o.name.as_str().into()), ("count", o.count.into())])).collect();
        alt.push(' ');
        alt.push_str(&words.text("map-alt-others", &[("others", listed.join(", ").into())]));
    }
    alt
}

/// The kind's word for a route's `kind`.
pub fn kind_message(kind: Option<&str>) -> &'static str {
    match kind.map(str::to_ascii_lowercase).as_deref() {
        Some("rail" | "railway") => "map-kind-rail",
        Some("pipeline" | "gas pipeline" | "oil pipeline") => "map-kind-pipeline",
        Some("sea" | "ferry" | "shipping") => "map-kind-sea",
        Some("road" | "highway") => "map-kind-road",
        _ => "map-kind-other",
    }
}

fn route_map(summary: &Summary, routes: &[RouteView], stem: &str, words: &Catalogue) -> Option<RouteMapView> {
    let routes: Vec<RouteView> = routes.iter().filter(|r| r.places.len() >= 2).cloned().collect();
    if routes.is_empty() {
        return None;
    }
    // The pillar most routes belong to, in report order on a tie.
    let pillar = summary
        .pillars
        .iter()
        .map(|p| (routes.iter().filter(|r| r.pillar == p.id).count(), &p.id))
        .fold(None::<(usize, &String)>, |best, (n, id)| match best {
            Some((m, _)) if m >= n => best,
            _ if n > 0 => Some((n, id)),
            _ => best,
        })
        .map_or_else(|| routes[0].pillar.clone(), |(_, id)| id.clone());
    let rows: Vec<RouteRow> = routes
        .iter()
        .map(|r| RouteRow {
            name: r.name.clone(),
            kind: words.text(kind_message(r.kind.as_deref()), &[]),
            places: r.places.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(" – "),
        })
        .collect();
    let said: Vec<String> = rows
        .iter()
        .map(|r| words.text("map-alt-route", &[("name", r.name.as_str().into()), ("kind", r.kind.as_str().into()), ("places", r.places.as_str().into())]))
        .collect();
    let alt = words.text("map-alt-routes", &[("count", routes.len().into()), ("routes", said.join(" ").into())]);
    Some(RouteMapView {
        title: words.text("map-title-routes", &[]),
        alt,
        file: format!("{stem}.routes.svg"),
        data: format!("{stem}.routes.geojson"),
        pillar,
        rows,
        routes,
        subject: subject_name(words),
    })
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
    let world = geo::shapes::world();
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
            "properties": { "id": route.id, "name": route.name, "kind": row.kind, "pillar": route.pillar, "places": row.places },
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
