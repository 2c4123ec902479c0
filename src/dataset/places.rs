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

use crate::diag::{did_you_mean, shorten, some_of, suggest, Diagnostic, Place as At};

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
    let known_places = Near::new(place_ids.keys().map(String::as_str).collect());
    let mut known_events: Option<Near<'_>> = None;
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
                let help = if place_ids.is_empty() {
                    "no `[[place]]` is defined: add one with this `id`".to_owned()
                } else {
                    known_places.suggest(id, "the places are")
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
            let known = known_events.get_or_insert_with(|| Near::new(event_ids.keys().map(String::as_str).collect()));
            diagnostics.push(
                Diagnostic::error_at_place(path, *at, format!("unknown event `{}` in `events`: expected the id of an `[[event]]`", shorten(id)))
                    .with_help(known.suggest(id, "the events are")),
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

/// "did you mean" among many ids (thousands of places, millions of
/// events) without comparing a misspelling with each: a deletion index over
/// the ids (each id and each id with one character removed) yields the ids
/// a word or its deletions meet, within about two edits, and only those
/// are compared. A route of 10,000 misspelt places against 10,000 places
/// then costs a few lookups each, not 10^8 comparisons.
struct Near<'a> {
    /// Sorted, for the list when nothing is close.
    ids: Vec<&'a str>,
    index: HashMap<String, Vec<u32>>,
}

/// Ids longer than this are not indexed: no one mistypes one that long,
/// and its deletions would cost its length squared.
const NEAR_MAX: usize = 64;

/// Up to this many ids are compared one by one, as everywhere else.
const NEAR_FEW: usize = 30;

impl<'a> Near<'a> {
    fn new(mut ids: Vec<&'a str>) -> Self {
        ids.sort_unstable();
        let mut index: HashMap<String, Vec<u32>> = HashMap::new();
        if ids.len() > NEAR_FEW {
            for (n, id) in ids.iter().enumerate().filter(|(_, id)| id.chars().count() <= NEAR_MAX) {
                for variant in deletions(id) {
                    let list = index.entry(variant).or_default();
                    if list.last() != Some(&(n as u32)) {
                        list.push(n as u32);
                    }
                }
            }
        }
        Near { ids, index }
    }

    /// As [`suggest`]: "did you mean" the closest id, else the ids after
    /// `what`.
    fn suggest(&self, word: &str, what: &str) -> String {
        if self.ids.len() <= NEAR_FEW {
            return suggest(word, &self.ids, what);
        }
        let mut near: Vec<u32> = if word.chars().count() <= NEAR_MAX {
            deletions(word).iter().filter_map(|v| self.index.get(v)).flatten().copied().collect()
        } else {
            Vec::new()
        };
        near.sort_unstable();
        near.dedup();
        did_you_mean(word, near.iter().map(|&n| self.ids[n as usize]))
            .unwrap_or_else(|| format!("{what}: {}", some_of(self.ids.iter().copied())))
    }
}

/// A word and the word with each one of its characters removed.
fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::with_capacity(chars.len() + 1);
    out.push(word.to_owned());
    out.extend((0..chars.len()).map(|skip| chars.iter().enumerate().filter(|&(i, _)| i != skip).map(|(_, c)| c).collect()));
    out
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
    fn near_finds_a_misspelling_among_many_ids_and_lists_some_when_none_is_close() {
        let ids: Vec<String> = (0..1000).map(|i| format!("place-{i:04}")).collect();
        let mut all: Vec<&str> = ids.iter().map(String::as_str).collect();
        all.push("tbilisi");
        let near = Near::new(all);
        assert_eq!(near.suggest("tiblisi", "the places are"), "did you mean `tbilisi`?");
        assert_eq!(near.suggest("plaec-0042", "the places are"), "did you mean `place-0042`?");
        assert_eq!(near.suggest("kars", "the places are"), "the places are: place-0000, place-0001, place-0002, place-0003, place-0004, place-0005, place-0006, place-0007, place-0008, place-0009 and 991 more");
        // A few ids: compared one by one, listed whole.
        let few = Near::new(vec!["tbilisi", "baku"]);
        assert_eq!(few.suggest("kars", "the places are"), "the places are: baku, tbilisi");
        assert_eq!(few.suggest("bakku", "the places are"), "did you mean `baku`?");
    }

    #[test]
    fn route_kinds_round_trip_through_their_names() {
        for &kind in RouteKind::ALL {
            assert_eq!(RouteKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(RouteKind::parse("Rail"), None);
        assert_eq!(RouteKind::NAMES, ["rail", "road", "sea", "pipeline", "multimodal"]);
    }
}
