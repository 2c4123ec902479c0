//! One `[[place]]` or `[[route]]` read in its file (issue 26, item 2); the
//! rules that need the whole dataset are
//! [`crate::dataset::places::check`].

use std::ops::Range;
use std::sync::Arc;

use toml::de::{DeTable, DeValue};

use crate::diag::shorten;

use super::super::places::{Place, PlaceDef, Route, RouteDef, RouteKind};
use super::super::lang::TextKind;
use super::{integer, FileChecker, FileDefs, Fields, Value, PLACE_KEYS, ROUTE_KEYS};

/// The bounds of a latitude and of a longitude, in degrees.
const LAT: f64 = 90.0;
const LON: f64 = 180.0;

impl FileChecker<'_> {
    pub(super) fn place_table(&mut self, (table, span): (&DeTable<'_>, Range<usize>), merged: &mut FileDefs) {
        let mut fields = Fields::new(self, table, &span, PLACE_KEYS, "in `[[place]]`");
        let id = fields.required("id", |c, v| c.id(v, "id"));
        let name = fields.required("name", |c, v| c.line_in(v, "name", TextKind::PlaceName));
        let lat = fields.required("lat", |c, v| c.degrees(v, "lat", LAT));
        let lon = fields.required("lon", |c, v| c.degrees(v, "lon", LON));
        let country = fields.optional("country", |c, v| c.country(v));
        let mut def = PlaceDef { id: id.as_ref().map(|(id, span)| (id.clone(), self.place(span))), place: None };
        if let (Some((id, _)), Some((name, _)), Some((lat, _)), Some((lon, _))) = (id, name, lat, lon) {
            def.place = Some(Place {
                id,
                name,
                lat,
                lon,
                country: country.map(|c| c.0),
                file: Arc::clone(&self.path),
                at: self.place(&span),
            });
        }
        merged.places.push(def);
    }

    pub(super) fn route_table(&mut self, (table, span): (&DeTable<'_>, Range<usize>), merged: &mut FileDefs) {
        let mut fields = Fields::new(self, table, &span, ROUTE_KEYS, "in `[[route]]`");
        let id = fields.required("id", |c, v| c.id(v, "id"));
        let name = fields.required("name", |c, v| c.line_in(v, "name", TextKind::RouteName));
        let via = fields.required("via", |c, v| {
            let list = c.strings(v, "via")?;
            if list.len() < 2 {
                let count = match list.len() {
                    0 => "no place".to_owned(),
                    _ => "one place".to_owned(),
                };
                c.error(&v.span(), format!("`via` names {count}: a route goes through at least two places, in order"))
                    .help = Some("list the ids of its places from one end to the other: `via = [\"baku\", \"tbilisi\", \"kars\"]`".to_owned());
                return None;
            }
            Some(list)
        });
        let pillar = fields.required("pillar", |c, v| c.line(v, "pillar"));
        let kind = fields.optional("kind", |c, v| c.named(v, "kind", RouteKind::parse, RouteKind::NAMES));
        let events = fields.optional("events", |c, v| c.strings(v, "events"));
        let mut def = RouteDef {
            id: id.as_ref().map(|(id, span)| (id.clone(), self.place(span))),
            via: self.placed(via.as_ref().map_or(&[], |(l, _)| l.as_slice())),
            pillar: pillar.as_ref().map(|(p, span)| (p.clone(), self.place(span))),
            events: self.placed(events.as_ref().map_or(&[], |(l, _)| l.as_slice())),
            route: None,
        };
        if let (Some((id, _)), Some((name, _)), Some((via, _)), Some((pillar, _))) = (id, name, via, pillar) {
            def.route = Some(Route {
                id,
                name,
                via: via.into_iter().map(|(p, _)| p).collect(),
                pillar: self.intern(&pillar),
                kind: kind.map(|k| k.0),
                events: events.into_iter().flat_map(|(list, _)| list).map(|(e, _)| e).collect(),
                file: Arc::clone(&self.path),
                at: self.place(&span),
            });
        }
        merged.routes.push(def);
    }

    /// Each entry of a list with its place.
    fn placed(&self, list: &[(String, Range<usize>)]) -> Vec<(String, crate::diag::Place)> {
        list.iter().map(|(s, span)| (s.clone(), self.place(span))).collect()
    }

    /// A latitude (`limit` 90) or longitude (`limit` 180) in decimal
    /// degrees: a number, finite (TOML allows `nan` and `inf`), within
    /// `-limit..=limit`. An integer is a whole degree.
    fn degrees(&mut self, v: &Value<'_>, key: &str, limit: f64) -> Option<f64> {
        let axis = if limit == LAT { "north" } else { "east" };
        let (written, value) = match v.get_ref() {
            DeValue::Integer(n) => (n.as_str().to_owned(), integer(v.get_ref()).map(|n| n as f64)),
            DeValue::Float(f) => (f.as_str().to_owned(), f.as_str().replace('_', "").parse::<f64>().ok()),
            DeValue::String(s) => {
                let number = s.trim().parse::<f64>().is_ok_and(f64::is_finite);
                let d = self.error(&v.span(), format!("`{key}` must be a number of degrees {axis}, found a string"));
                if number {
                    d.help = Some(format!("write it without quotes: `{key} = {}`", s.trim()));
                }
                return None;
            }
            _ => {
                self.type_error(v, key, &format!("a number of degrees {axis}"));
                return None;
            }
        };
        match value {
            Some(n) if n.is_finite() && n.abs() <= limit => Some(n),
            Some(n) if !n.is_finite() => {
                self.error(&v.span(), format!("`{key}` is `{}`: expected a finite number of degrees {axis}", shorten(&written)))
                    .help = Some(format!("give the place's {} in decimal degrees, -{limit} to {limit}", if limit == LAT { "latitude" } else { "longitude" }));
                None
            }
            _ => {
                let d = self.error(&v.span(), format!("`{key}` is {}: expected -{limit} to {limit} degrees {axis}", shorten(&written)));
                if limit == LAT && value.is_some_and(|n| n.abs() <= LON) {
                    d.help = Some("latitude runs from -90 (south) to 90 (north): are `lat` and `lon` swapped?".to_owned());
                }
                None
            }
        }
    }

    /// The ISO 3166-1 alpha-2 code of a place's country.
    fn country(&mut self, v: &Value<'_>) -> Option<String> {
        let s = self.string(v, "country")?;
        if super::super::iso::is_alpha2(s) {
            return Some(s.to_owned());
        }
        let upper = s.to_ascii_uppercase();
        let help = if super::super::iso::is_alpha2(&upper) {
            format!("codes are upper case: `{upper}`")
        } else {
            "expected a two-letter code such as `AZ`, `GE` or `TR`".to_owned()
        };
        self.error(&v.span(), format!("`country` `{}` is not an ISO 3166-1 alpha-2 country code", shorten(s))).help = Some(help);
        None
    }
}
