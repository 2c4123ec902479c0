//! The routes a briefing maps (issue 26, item 2): the dataset's
//! `[[route]]`s of the selected pillars and period, each with its places
//! resolved in order, for the route map to draw.
//!
//! A route belongs to the period when any of its events is in the period
//! (by the period's own rule, [`crate::period::Period::contains`]), or when
//! it names no event: a corridor is infrastructure that outlives the news
//! about it, and without events nothing says when it matters.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::dataset::{Dataset, Event, Place, RouteKind};

use super::Selection;

/// One route of the selection, places in order.
#[derive(Debug, Clone, Serialize)]
pub struct RouteView {
    pub id: String,
    pub name: String,
    /// What carries it, typed: the map draws each kind by it (through
    /// [`crate::make::maps`]); templates and GeoJSON read its data name
    /// ("rail", "pipeline", "sea", "road", "multimodal").
    #[serde(serialize_with = "kind_name")]
    pub kind: Option<RouteKind>,
    /// The pillar id.
    pub pillar: String,
    /// From one end to the other, as `via` lists them.
    pub places: Vec<PlaceView>,
    /// The ids of the route's events that are in the period, in the
    /// route's order; empty for a route that names none.
    pub events: Vec<String>,
}

/// One place of a route.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceView {
    pub id: String,
    pub name: String,
    /// Degrees north.
    pub lat: f64,
    /// Degrees east.
    pub lon: f64,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
}

/// A route's kind as the data names it, or nothing.
#[allow(clippy::trivially_copy_pass_by_ref, reason = "serde's serialize_with passes a reference")]
fn kind_name<S: serde::Serializer>(kind: &Option<RouteKind>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_some(&kind.map(RouteKind::as_str))
}

impl From<&Place> for PlaceView {
    fn from(p: &Place) -> Self {
        PlaceView { id: p.id.clone(), name: p.name.clone(), lat: p.lat, lon: p.lon, country: p.country.clone() }
    }
}

/// The routes of the selected pillars (all when none is selected) that
/// belong to the period, in data order.
pub fn routes(dataset: &Dataset, selection: &Selection<'_>) -> Vec<RouteView> {
    if dataset.routes.is_empty() {
        return Vec::new();
    }
    let places: HashMap<&str, &Place> = dataset.places.iter().map(|p| (p.id.as_str(), p)).collect();
    let wanted: HashSet<&str> = dataset.routes.iter().flat_map(|r| r.events.iter().map(String::as_str)).collect();
    let events: HashMap<&str, &Event> =
        dataset.events.iter().filter(|e| wanted.contains(&e.id.as_str())).map(|e| (e.id.as_str(), e)).collect();
    let period = selection.period;
    dataset
        .routes
        .iter()
        .filter(|r| selection.pillars.is_empty() || selection.pillars.iter().any(|p| **p == *r.pillar))
        .filter_map(|r| {
            let in_period: Vec<String> =
                r.events.iter().filter(|id| events.get(id.as_str()).is_some_and(|e| period.contains(*e))).cloned().collect();
            if !r.events.is_empty() && in_period.is_empty() {
                return None;
            }
            Some(RouteView {
                id: r.id.clone(),
                name: r.name.clone(),
                kind: r.kind,
                pillar: r.pillar.to_string(),
                // Validation resolved every place; one missing would be a
                // bug, and is skipped rather than drawn at 0°, 0°.
                places: r.via.iter().filter_map(|id| places.get(id.as_str())).map(|p| PlaceView::from(*p)).collect(),
                events: in_period,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::validate::validate_text;
    use crate::period::Period;
    use crate::words::Catalogue;

    const DATA: &str = r#"
[[pillar]]
id = "connectivity"
name = "Connectivity"
[[pillar]]
id = "energy"
name = "Energy"

[[event]]
id = "plan-2025"
title = "Action plan"
date = 2025-09-30
pillar = "connectivity"
kind = "agreement"
significance = 3
summary = "S."
sources = [{ name = "S" }]

[[event]]
id = "gas-2026"
title = "Gas"
date = "2026-01"
pillar = "energy"
kind = "contract"
significance = 3
summary = "S."
sources = [{ name = "S" }]

[[place]]
id = "kars"
name = "Kars"
lat = 40.59825
lon = 43.08548
country = "TR"
[[place]]
id = "baku"
name = "Baku"
lat = 40.37767
lon = 49.89201
[[place]]
id = "tbilisi"
name = "Tbilisi"
lat = 41.69143
lon = 44.83412

[[route]]
id = "btk"
name = "Baku–Tbilisi–Kars"
via = ["baku", "tbilisi", "kars"]
pillar = "connectivity"
kind = "rail"
events = ["plan-2025"]

[[route]]
id = "gas"
name = "Gas"
via = ["kars", "baku"]
pillar = "energy"
kind = "pipeline"
events = ["gas-2026", "plan-2025"]

[[route]]
id = "road"
name = "Road"
via = ["tbilisi", "baku"]
pillar = "connectivity"
"#;

    fn select(period: &str, pillars: &[String]) -> Vec<RouteView> {
        let dataset = validate_text("d.toml", DATA).unwrap();
        let period = Period::parse(period).unwrap();
        let words = Catalogue::builtin();
        let selection = Selection {
            period: &period,
            highlights: 3,
            pillars,
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 2, 12).unwrap(),
            chronology: false,
            compare: None,
            data_source: "d.toml".to_owned(),
            words: &words,
        };
        routes(&dataset, &selection)
    }

    fn ids(routes: &[RouteView]) -> Vec<&str> {
        routes.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn places_are_resolved_in_the_routes_order() {
        let all = select("2024-2026", &[]);
        assert_eq!(ids(&all), ["btk", "gas", "road"], "data order");
        let btk = &all[0];
        let names: Vec<&str> = btk.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Baku", "Tbilisi", "Kars"], "`via` order, not the places' order in the file");
        assert_eq!((btk.places[2].lat, btk.places[2].lon), (40.59825, 43.08548));
        assert_eq!(btk.places[2].country.as_deref(), Some("TR"));
        assert_eq!(btk.places[0].country, None);
        assert_eq!((btk.kind, btk.pillar.as_str()), (Some(RouteKind::Rail), "connectivity"));
        assert_eq!(all[2].kind, None);
    }

    #[test]
    fn a_route_belongs_to_a_period_holding_one_of_its_events_or_naming_none() {
        // 2024: neither event; only the route without events.
        assert_eq!(ids(&select("2024", &[])), ["road"]);
        // 2025: the action plan only; the gas route through it, with only
        // the event of the period listed.
        let year = select("2025", &[]);
        assert_eq!(ids(&year), ["btk", "gas", "road"]);
        assert_eq!(year[1].events, ["plan-2025"]);
        let year = select("2026", &[]);
        assert_eq!(ids(&year), ["gas", "road"]);
        assert_eq!(year[0].events, ["gas-2026"]);
    }

    #[test]
    fn only_the_selected_pillars_routes_are_kept() {
        assert_eq!(ids(&select("2024-2026", &["energy".to_owned()])), ["gas"]);
        assert_eq!(ids(&select("2024-2026", &["connectivity".to_owned()])), ["btk", "road"]);
    }

    #[test]
    fn a_dataset_without_routes_has_none_to_map() {
        let dataset = validate_text("d.toml", DATA.split("[[place]]").next().unwrap()).unwrap();
        assert!(dataset.places.is_empty() && dataset.routes.is_empty());
    }
}
