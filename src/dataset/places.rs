//! Places and routes (issue 26, item 2): `[[place]]` tables, each a point
//! with its latitude and longitude, and `[[route]]` tables, each a corridor
//! through places in order (the Baku–Tbilisi–Kars railway, the Southern Gas
//! Corridor), belonging to a pillar and, optionally, to the events that
//! concern it. The maps draw them; the dataset only checks them.
//!
//! One file's tables are read in `super::fields` (its `places` part); the
//! rules that need the whole dataset (ids unique across files, places,
//! pillars and events that exist) run here, from [`super::validate`]. A
//! place no route goes through is allowed but probably a mistake: a
//! warning of `check` ([`unused`]).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::diag::{shorten, suggest, Diagnostic, Place as At};

use super::load::DataFile;

/// One `[[place]]`: a point the maps draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub id: String,
    /// The name the maps print.
    pub name: String,
    /// Degrees north, -90 to 90; finite.
    pub lat: f64,
    /// Degrees east, -180 to 180; finite.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code of the country it lies in (checked against
    /// [`super::iso`]).
    pub country: Option<String>,
    /// The file it came from, as displayed in diagnostics.
    pub file: Arc<str>,
    /// Where its `[[place]]` table starts.
    pub at: At,
}

/// One `[[route]]`: a corridor through places, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub id: String,
    pub name: String,
    /// Place ids in order, at least two, each a `[[place]]` of the dataset.
    pub via: Vec<String>,
    /// The pillar it belongs to, a `[[pillar]]` id.
    pub pillar: Arc<str>,
    pub kind: Option<RouteKind>,
    /// Ids of the events that concern it, each an `[[event]]` of the
    /// dataset; empty when none is named (then every period shows it).
    pub events: Vec<String>,
    /// The file it came from, as displayed in diagnostics.
    pub file: Arc<str>,
    /// Where its `[[route]]` table starts.
    pub at: At,
}

super::model::names! {
    /// How a route carries: a closed list, so that maps draw each alike
    /// across datasets (docs/dataset.md). `multimodal` for a corridor of
    /// rail and sea legs sold as one route (the Middle Corridor).
    RouteKind {
        Rail => "rail";
        Road => "road";
        Sea => "sea";
        Pipeline => "pipeline";
        Multimodal => "multimodal";
    }
}

/// One `[[place]]` as checked in its file: its id is kept also when
/// another key is wrong, so that routes naming it are not reported too.
#[derive(Clone, Debug, Default)]
pub struct PlaceDef {
    /// The place, when every key of it is right.
    pub place: Option<Place>,
    pub id: Option<(String, At)>,
}

/// One `[[route]]` as checked in its file, with the places the
/// dataset-wide rules point at.
#[derive(Clone, Debug, Default)]
pub struct RouteDef {
    /// The route, when every key of it is right.
    pub route: Option<Route>,
    pub id: Option<(String, At)>,
    pub via: Vec<(String, At)>,
    pub pillar: Option<(String, At)>,
    pub events: Vec<(String, At)>,
}

/// The rules that need the whole dataset: unique place and route ids,
/// routes through places that exist, of pillars that exist, naming events
/// that exist. `event_ids` are every well-formed event id; `pillars` the
/// pillar ids (empty when the pillars are broken, which is reported
/// elsewhere). `whole` is `false` when a file failed to parse: what it
/// defines is unknown, so a reference that finds nothing is not reported
/// (the syntax error is); nor is an event when there are none (reported
/// once, for the dataset). Returns the places and the routes, in file
/// order.
pub fn check(
    files: &[DataFile],
    places: Vec<(usize, PlaceDef)>,
    routes: Vec<(usize, RouteDef)>,
    event_ids: &HashMap<String, (usize, At)>,
    pillars: &[&str],
    whole: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Place>, Vec<Route>) {
    let mut place_ids: HashMap<String, (usize, At)> = HashMap::with_capacity(places.len());
    let mut out_places = Vec::with_capacity(places.len());
    for (index, def) in places {
        let fresh = def.id.as_ref().is_none_or(|(id, at)| first_use(files, &mut place_ids, index, "place", id, *at, diagnostics));
        if let (true, Some(place)) = (fresh, def.place) {
            out_places.push(place);
        }
    }
    let mut known_places: Vec<&str> = place_ids.keys().map(String::as_str).collect();
    known_places.sort_unstable();
    let mut known_events: Vec<&str> = Vec::new();
    let mut route_ids: HashMap<String, (usize, At)> = HashMap::with_capacity(routes.len());
    let mut out_routes = Vec::with_capacity(routes.len());
    for (index, def) in routes {
        let path = &files[index].path;
        let mut ok = def.id.as_ref().is_none_or(|(id, at)| first_use(files, &mut route_ids, index, "route", id, *at, diagnostics));
        for (id, at) in &def.via {
            if !place_ids.contains_key(id) {
                ok = false;
                if !whole {
                    continue;
                }
                let help = if known_places.is_empty() {
                    "no `[[place]]` is defined: add one with this `id`".to_owned()
                } else {
                    suggest(id, &known_places, "the places are")
                };
                diagnostics.push(
                    Diagnostic::error_at_place(path, *at, format!("unknown place `{}` in `via`: expected the id of a `[[place]]`", shorten(id)))
                        .with_help(help),
                );
            }
        }
        for (id, at) in &def.events {
            if event_ids.contains_key(id) {
                continue;
            }
            ok = false;
            if !whole || event_ids.is_empty() {
                continue;
            }
            if known_events.is_empty() {
                known_events = event_ids.keys().map(String::as_str).collect();
                known_events.sort_unstable();
            }
            diagnostics.push(
                Diagnostic::error_at_place(path, *at, format!("unknown event `{}` in `events`: expected the id of an `[[event]]`", shorten(id)))
                    .with_help(suggest(id, &known_events, "the events are")),
            );
        }
        if let Some((pillar, at)) = &def.pillar {
            if whole && !pillars.is_empty() && !pillars.contains(&pillar.as_str()) {
                diagnostics.push(
                    Diagnostic::error_at_place(path, *at, format!("unknown pillar `{}`: expected the id of a `[[pillar]]`", shorten(pillar)))
                        .with_help(suggest(pillar, pillars, "the pillars are")),
                );
                ok = false;
            }
        }
        if let (true, Some(route)) = (ok, def.route) {
            out_routes.push(route);
        }
    }
    (out_places, out_routes)
}

/// Records `id` as defined at `at`; `false`, with the error pushed, when
/// it was defined before.
fn first_use(
    files: &[DataFile],
    seen: &mut HashMap<String, (usize, At)>,
    index: usize,
    what: &str,
    id: &str,
    at: At,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    match seen.get(id) {
        Some((first_file, first)) => {
            diagnostics.push(
                Diagnostic::error_at_place(
                    &files[index].path,
                    at,
                    format!("duplicate {what} id `{}`: ids must be unique across all files", shorten(id)),
                )
                .with_help(format!("`{}` is first defined at {}:{}:{}", shorten(id), files[*first_file].path, first.line, first.col)),
            );
            false
        }
        None => {
            seen.insert(id.to_owned(), (index, at));
            true
        }
    }
}

/// Warnings for the places no route goes through: allowed (a dataset may
/// keep places for routes still to be written), but no map draws them.
pub fn unused(places: &[Place], routes: &[Route]) -> Vec<Diagnostic> {
    let used: HashSet<&str> = routes.iter().flat_map(|r| r.via.iter().map(String::as_str)).collect();
    places
        .iter()
        .filter(|p| !used.contains(p.id.as_str()))
        .map(|p| {
            Diagnostic::error_at_place(&p.file, p.at, format!("place `{}` is on no route: no map draws it", p.id))
                .with_help("name it in the `via` of a `[[route]]`, or remove it")
                .warning()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_kinds_round_trip_through_their_names() {
        for &kind in RouteKind::ALL {
            assert_eq!(RouteKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(RouteKind::parse("Rail"), None);
        assert_eq!(RouteKind::NAMES, ["rail", "road", "sea", "pipeline", "multimodal"]);
    }
}
