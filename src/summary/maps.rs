//! What the maps show (issue 26), for the templates, the drawing and the
//! GeoJSON beside the Markdown: the partner countries of the period with
//! their events, the partners without a country, and the routes with their
//! places in order; each map's title, file names, and description in
//! words.

use serde::Serialize;

use super::routes::RouteView;
use super::Summary;
use crate::dataset::{Dataset, Partner, PartnerKind};
use crate::words::Catalogue;

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
    /// The SVG beside the Markdown, when it is written (not when the
    /// Markdown goes to standard output); set by the pipeline.
    pub file: Option<String>,
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
    /// Set by the pipeline, with the kinds' words ([`RouteRow::kind`]).
    pub alt: String,
    pub file: Option<String>,
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
    /// The kind in words; set by the pipeline.
    pub kind: String,
    pub places: String,
}

/// Events per partner of the period: countries (with an ISO code) and the
/// others, each with the number of selected events it takes part in, by
/// the partner analysis's rule (issue 25): a role that deals with
/// Azerbaijan ([`crate::dataset::Role::deals`]; a mention is not a
/// partnership), and never one of Azerbaijan's own bodies.
pub fn partner_counts<'d>(dataset: &'d Dataset, selected: &[&crate::dataset::Event]) -> Vec<(&'d Partner, usize)> {
    let index: std::collections::HashMap<&str, usize> = dataset.partners.iter().enumerate().map(|(i, p)| (p.name.as_str(), i)).collect();
    let mut counts = vec![0usize; dataset.partners.len()];
    for event in selected {
        for (name, _) in event.partner_roles().filter(|(_, role)| role.deals()) {
            if let Some(&i) = index.get(name) {
                counts[i] += 1;
            }
        }
    }
    dataset.partners.iter().zip(counts).filter(|(p, n)| *n > 0 && p.kind != PartnerKind::Domestic).collect()
}

/// The partner map's counts as the summary states them
/// ([`super::facts::Fact::PartnerMap`], checked by the property test's
/// oracle): each registered partner with its events.
fn stated_counts<'d>(dataset: &'d Dataset, summary: &Summary) -> Vec<(&'d Partner, usize)> {
    let stated = summary.facts.iter().find_map(|f| match f {
        super::facts::Fact::PartnerMap { counts } => Some(counts),
        _ => None,
    });
    let Some(stated) = stated else { return Vec::new() };
    let by_name: std::collections::HashMap<&str, &Partner> = dataset.partners.iter().map(|p| (p.name.as_str(), p)).collect();
    stated.iter().filter_map(|(name, n)| by_name.get(name.as_str()).map(|p| (*p, *n))).collect()
}

/// The maps' data; their files, and the routes' kinds in words, are the
/// pipeline's to set.
pub fn maps(dataset: &Dataset, summary: &Summary, routes: &[RouteView], words: &Catalogue) -> Maps {
    Maps { partners: partner_map(dataset, summary, words), routes: route_map(summary, routes, words) }
}

fn partner_map(dataset: &Dataset, summary: &Summary, words: &Catalogue) -> Option<PartnerMapView> {
    let counts = stated_counts(dataset, summary);
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
    countries.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| words.compare(&a.name, &b.name)));
    let mut others: Vec<OtherRow> = counts
        .iter()
        .filter(|(p, _)| p.kind != PartnerKind::Country || p.iso.is_none())
        .map(|(p, n)| OtherRow { name: p.name.clone(), count: *n })
        .collect();
    others.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| words.compare(&a.name, &b.name)));
    let alt = partner_alt(&countries, &others, words);
    Some(PartnerMapView {
        title: words.text("map-title-partners", &[]),
        alt,
        file: None,
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

fn route_map(summary: &Summary, routes: &[RouteView], words: &Catalogue) -> Option<RouteMapView> {
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
            kind: String::new(),
            places: r.places.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(" – "),
        })
        .collect();
    Some(RouteMapView {
        title: words.text("map-title-routes", &[]),
        alt: String::new(),
        file: None,
        pillar,
        rows,
        routes,
        subject: subject_name(words),
    })
}

