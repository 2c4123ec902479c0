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

use crate::dataset::{Dataset, Event, Place};

use super::Selection;

/// One route of the selection, places in order.
#[derive(Debug, Clone, Serialize)]
pub struct RouteView {
    pub id: String,
    pub name: String,
    /// As the data writes it: "rail", "pipeline", "sea", "road",
    /// "multimodal".
    pub kind: Option<String>,
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
                kind: r.kind.map(|k| k.as_str().to_owned()),
                pillar: r.pillar.to_string(),
                // Validation resolved every place; one missing would be a
                // bug, and is skipped rather than drawn at 0°, 0°.
                places: r.via.iter().filter_map(|id| places.get(id.as_str())).map(|p| PlaceView::from(*p)).collect(),
                events: in_period,
            })
        })
        .collect()
}
