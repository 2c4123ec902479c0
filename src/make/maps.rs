//! The maps of a briefing (issue 26), made: their data from the summary
//! ([`crate::summary::maps`]), the drawings the typesetter places where
//! the Markdown names them, and the SVG and GeoJSON files written beside
//! the Markdown.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::dataset::Dataset;
use crate::geo::LonLat;
use crate::options::OutputFormat;
use crate::output::Target;
use crate::plan::Plan;
use crate::summary::maps::{self as views, Maps, SUBJECT};
use crate::summary::routes::RouteView;
use crate::summary::Summary;
use crate::typeset::chart::map::{self, CountryCount, Map, PartnerMap, Place, Route, RouteKind, RouteMap, Subject};
use crate::typeset::geom::{Color, Size};
use crate::words::Catalogue;

/// What the map files are named by: the Markdown's file name without its
/// extension (`briefing` for `reports/briefing.md`), else the PDF's, else
/// `briefing`.
pub fn stem(plan: &Plan) -> String {
    let of = |format: OutputFormat| {
        plan.targets().iter().find_map(|(f, t)| match t {
            Target::File(path) if *f == format => path.file_stem().map(|s| s.to_string_lossy().into_owned()),
            _ => None,
        })
    };
    // A name a Markdown link cannot hold whole is not used.
    of(OutputFormat::Markdown)
        .or_else(|| of(OutputFormat::Pdf))
        .filter(|s| !s.is_empty() && !s.contains(['<', '>', '\r', '\n']))
        .unwrap_or_else(|| "briefing".to_owned())
}

/// The routes the route map draws. Issue 26, item 2: the dataset's
/// `[[route]]`s, as `summary::routes` gives them, once the dataset reads
/// them; none until then, and then no route map.
fn routes(_dataset: &Dataset) -> Vec<RouteView> {
    Vec::new()
}

/// The maps' data.
pub fn maps(dataset: &Dataset, summary: &Summary, stem: &str, words: &Catalogue) -> Maps {
    views::maps(dataset, summary, &routes(dataset), stem, words)
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
        out.push((p.file.clone(), Map::Partners(map)));
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
                kind: RouteKind::parse(route.kind.as_deref()),
                color: colour(&route.pillar),
                places: route.places.iter().map(|p| Place { name: p.name.clone(), at: LonLat { lon: p.lon, lat: p.lat } }).collect(),
            })
            .collect();
        let map = RouteMap { title: r.title.clone(), routes, subject: Subject { iso: SUBJECT.to_owned(), name: r.subject.clone() }, alt: r.alt.clone() };
        out.push((r.file.clone(), Map::Routes(map)));
    }
    out
}

/// The map files to write beside the Markdown, and those to remove: a map
/// this run does not draw leaves no file of an earlier run beside the
/// Markdown. None when the Markdown goes to standard output or is not
/// made.
pub fn files(plan: &Plan, maps: &Maps, drawn: &BTreeMap<String, Arc<Map>>, page: Size, words: Option<&Catalogue>) -> (Vec<(PathBuf, Vec<u8>)>, Vec<PathBuf>) {
    let markdown = plan.targets().iter().find_map(|(f, t)| match t {
        Target::File(path) if *f == OutputFormat::Markdown => Some(path.clone()),
        _ => None,
    });
    let (Some(markdown), Some(words)) = (markdown, words) else { return (Vec::new(), Vec::new()) };
    let beside = |name: &str| markdown.with_file_name(name);
    let stem = stem(plan);
    let width = map::column_width(page);
    let mut write = Vec::new();
    for (file, map) in drawn {
        let drawing = map::draw(map, width, words).drawing;
        write.push((beside(file), map::svg::write(&drawing, map.title(), map.alt()).into_bytes()));
    }
    if let Some(p) = &maps.partners {
        write.push((beside(&p.data), views::partners_geojson(p).into_bytes()));
    }
    if let Some(r) = &maps.routes {
        write.push((beside(&r.data), views::routes_geojson(r).into_bytes()));
    }
    let stale = ["partners.svg", "partners.geojson", "routes.svg", "routes.geojson"]
        .iter()
        .map(|tail| beside(&format!("{stem}.{tail}")))
        .filter(|path| !write.iter().any(|(p, _)| p == path))
        .collect();
    (write, stale)
}
