//! The maps (issue 26) as a run writes them: the SVG and GeoJSON beside
//! the Markdown, named by the period (so the Markdown is the same under any
//! name), all or nothing, and none left from an
//! earlier run; the PDF's map a Figure that says what it shows.

use crate::util::{bin, entries, stderr, AS_OF};

fn run(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    let output = bin().current_dir(dir).args(args).args(["--as-of", AS_OF, "-q"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    output
}

#[test]
fn the_partner_map_is_written_beside_the_markdown_and_named_by_the_period() {
    let dir = tempfile::tempdir().unwrap();
    crate::util::copy_dir(&crate::util::root().join("data"), &dir.path().join("data"));
    std::fs::create_dir(dir.path().join("out")).unwrap();
    run(&["--period", "2024-2026", "--format", "md", "-o", "out/b.md"], dir.path());
    let out = dir.path().join("out");
    assert_eq!(entries(&out), ["azint-briefing-2024-2026.partners.geojson", "azint-briefing-2024-2026.partners.svg", "azint-briefing-2024-2026.routes.geojson", "azint-briefing-2024-2026.routes.svg", "b.json", "b.md"]);
    let markdown = std::fs::read_to_string(out.join("b.md")).unwrap();
    let image = markdown.lines().find(|l| l.starts_with("![")).unwrap_or_else(|| panic!("no image: {markdown}"));
    assert!(image.starts_with("![A world map of ") && image.ends_with("](<azint-briefing-2024-2026.partners.svg>)"), "{image}");
    assert!(image.contains("South Caucasus: Georgia (1)"), "the description says the partners by region with counts: {image}");
    // The map's table of countries is gone (issue 27, item 2): the region
    // table, the partner table and the index say it; a line points to the
    // index for a reader without the image.
    assert!(!markdown.contains("| Country | Region | Events |"), "the map's content is said once, elsewhere");
    assert!(markdown.contains("Each partner's events are listed under its name in the annexes."), "{markdown}");

    let svg = std::fs::read_to_string(out.join("azint-briefing-2024-2026.partners.svg")).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("<desc id=\"desc\">A world map of ") && svg.contains(">Boundaries: Natural Earth; their depiction implies no endorsement.</text>"));

    let geojson: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("azint-briefing-2024-2026.partners.geojson")).unwrap()).unwrap();
    assert_eq!(geojson["type"], "FeatureCollection");
    let features = geojson["features"].as_array().unwrap();
    assert!(features.len() >= 10, "{}", features.len());
    for feature in features {
        assert_eq!(feature["geometry"]["type"], "MultiPolygon");
        assert!(feature["properties"]["events"].as_u64().unwrap() > 0);
        for polygon in feature["geometry"]["coordinates"].as_array().unwrap() {
            let ring = polygon[0].as_array().unwrap();
            // RFC 7946: a closed ring of four positions or more, lon first.
            assert!(ring.len() >= 4 && ring.first() == ring.last(), "{feature}");
            assert!(ring.iter().all(|p| p[0].as_f64().unwrap().abs() <= 180.0 && p[1].as_f64().unwrap().abs() <= 90.0));
        }
    }
    let georgia = features.iter().find(|f| f["properties"]["iso"] == "GE").expect("Georgia");
    assert_eq!(georgia["properties"]["name"], "Georgia");
}

/// A map this run does not draw leaves no file of an earlier run beside the
/// Markdown; on standard output the Markdown names no file.
#[test]
fn stale_map_files_go_and_standard_output_names_none() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["azint-briefing-2021-2026.routes.svg", "azint-briefing-2021-2026.routes.geojson", "azint-briefing-2021-2026.partners.svg", "azint-briefing-2021-2026.partners.geojson"] {
        std::fs::write(dir.path().join(name), "old").unwrap();
    }
    let data = crate::util::root().join("data");
    run(&["--data", data.to_str().unwrap(), "--format", "md", "-o", "b.md"], dir.path());
    assert_eq!(entries(dir.path()), ["azint-briefing-2021-2026.partners.geojson", "azint-briefing-2021-2026.partners.svg", "azint-briefing-2021-2026.routes.geojson", "azint-briefing-2021-2026.routes.svg", "b.json", "b.md"]);
    assert_ne!(std::fs::read(dir.path().join("azint-briefing-2021-2026.partners.svg")).unwrap(), b"old");
    // Data without a partner registry: no partner map, and no file of one.
    let small = crate::util::root().join(crate::util::fixture("valid/small"));
    // Its period's map files of an earlier run go; another period's stay.
    for name in ["azint-briefing-2019-2026.partners.svg", "azint-briefing-2019-2026.routes.geojson"] {
        std::fs::write(dir.path().join(name), "old").unwrap();
    }
    run(&["--data", small.to_str().unwrap(), "--format", "md", "-o", "b.md"], dir.path());
    assert_eq!(entries(dir.path()), ["azint-briefing-2021-2026.partners.geojson", "azint-briefing-2021-2026.partners.svg", "azint-briefing-2021-2026.routes.geojson", "azint-briefing-2021-2026.routes.svg", "b.json", "b.md"]);
    let output = run(&["--data", data.to_str().unwrap(), "--format", "md", "-o", "-"], dir.path());
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(!markdown.contains("partners.svg") && markdown.contains("Without a country: "), "{markdown}");
}

/// In the PDF the map is drawn as a Figure whose alternative text says
/// what it shows.
#[test]
fn the_pdfs_map_is_a_figure_that_says_what_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let data = crate::util::root().join("data");
    run(&["--data", data.to_str().unwrap(), "--period", "2024-2026", "--format", "pdf", "-o", "b.pdf"], dir.path());
    let doc = lopdf::Document::load(dir.path().join("b.pdf")).unwrap();
    let alts: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").ok().and_then(|s| s.as_name().ok()) == Some(b"Figure".as_slice()))
        .filter_map(|d| d.get(b"Alt").ok().and_then(|a| a.as_str().ok()).map(|a| lopdf::decode_text_string(&lopdf::Object::String(a.to_vec(), lopdf::StringFormat::Literal)).unwrap_or_default()))
        .collect();
    assert!(alts.iter().any(|a| a.starts_with("A world map of ") && a.contains("Without a country: ")), "{alts:?}");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    assert!(text.contains("Boundaries: Natural Earth; their depiction implies no endorsement."), "the source line");
}

/// The Markdown names its map files by the period, not by its own name:
/// the same inputs give the same bytes under any output name.
#[test]
fn the_same_inputs_give_the_same_markdown_under_any_name() {
    let dir = tempfile::tempdir().unwrap();
    crate::util::copy_dir(&crate::util::root().join("data"), &dir.path().join("data"));
    for out in ["a/briefing.md", "b/other-name.md"] {
        std::fs::create_dir_all(dir.path().join(out).parent().unwrap()).unwrap();
        run(&["--period", "2024-2026", "--format", "md", "-o", out], dir.path());
    }
    let a = std::fs::read(dir.path().join("a/briefing.md")).unwrap();
    assert_eq!(a, std::fs::read(dir.path().join("b/other-name.md")).unwrap());
    for map in ["partners.svg", "partners.geojson", "routes.svg", "routes.geojson"] {
        let name = format!("azint-briefing-2024-2026.{map}");
        assert_eq!(std::fs::read(dir.path().join("a").join(&name)).unwrap(), std::fs::read(dir.path().join("b").join(&name)).unwrap(), "{name}");
    }
}

/// The default data's routes and their places' names, in order.
fn default_routes() -> Vec<(String, Vec<String>)> {
    use azint_report::dataset::{load, DataSource};
    let dataset = load(&DataSource::Path(crate::util::root().join("data"))).unwrap();
    let name = |id: &String| dataset.places.iter().find(|p| p.id == *id).map(|p| p.name.clone()).unwrap();
    dataset.routes.iter().map(|r| (r.name.clone(), r.via.iter().map(name).collect())).collect()
}

/// The text of the PDF's page that draws the route map, by its lines.
fn route_map_page(pdf: &std::path::Path) -> String {
    let doc = lopdf::Document::load(pdf).unwrap();
    doc.get_pages()
        .keys()
        .map(|&n| doc.extract_text(&[n]).unwrap())
        .find(|t| t.contains("Corridors and routes") && t.contains("Boundaries: Natural Earth"))
        .expect("a page with the route map")
}

/// Issue 26: no label of a route's place is dropped at the default data
/// (Akhalkalaki, in the middle of the Baku–Tbilisi–Kars line, was): each
/// place is a label of its own in the SVG and on the PDF's page.
#[test]
fn every_place_of_the_default_routes_is_labelled() {
    let dir = tempfile::tempdir().unwrap();
    let data = crate::util::root().join("data");
    run(&["--data", data.to_str().unwrap(), "--format", "both", "--out-dir", "."], dir.path());
    let svg = std::fs::read_to_string(dir.path().join("azint-briefing-2021-2026.routes.svg")).unwrap();
    let page = route_map_page(&dir.path().join("azint-briefing-2021-2026.pdf"));
    let lines: Vec<&str> = page.lines().map(str::trim).collect();
    for (_, places) in default_routes() {
        for place in places {
            assert!(svg.contains(&format!(">{place}</text>")), "{place} is not labelled in the SVG");
            assert!(lines.contains(&place.as_str()), "{place} is not labelled on the PDF's page: {lines:?}");
        }
    }
}

/// Issue 26: the route map's legend lists each route's places in order,
/// in the SVG and on the PDF's page, so that no table need repeat them.
#[test]
fn the_route_legend_lists_each_routes_places_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let data = crate::util::root().join("data");
    run(&["--data", data.to_str().unwrap(), "--format", "both", "--out-dir", "."], dir.path());
    let svg = std::fs::read_to_string(dir.path().join("azint-briefing-2021-2026.routes.svg")).unwrap();
    let page = route_map_page(&dir.path().join("azint-briefing-2021-2026.pdf"));
    let kinds = [("Middle Corridor", "multimodal"), ("Baku–Tbilisi–Kars", "rail"), ("Southern Gas Corridor", "pipeline")];
    for (name, places) in default_routes() {
        let kind = kinds.iter().find(|(k, _)| name.starts_with(k)).map(|(_, kind)| *kind).unwrap_or_else(|| panic!("{name}"));
        let line = format!("{name}, {kind}: {}", places.join(" – "));
        assert!(svg.contains(&format!(">{line}</text>")), "{line} not in the SVG's legend");
        assert!(page.lines().any(|l| l.trim() == line), "{line} not on the PDF's page: {page}");
    }
}

/// Issue 26 (and 27's eight pages): at the default data each map's
/// figure is at most 45% of the text block's height on A4, and every word
/// on it is at least 6.5 pt, legible in print.
#[test]
fn both_maps_are_compact_and_legible() {
    use azint_report::options::Paper;
    use azint_report::typeset::chart::map;
    let dir = tempfile::tempdir().unwrap();
    let data = crate::util::root().join("data");
    run(&["--data", data.to_str().unwrap(), "--format", "md", "--paper", "a4", "-o", "b.md"], dir.path());
    let block = map::text_block(Paper::A4.size());
    let number = |tag: &str, attribute: &str| -> f32 {
        let start = tag.find(&format!(" {attribute}=\"")).unwrap_or_else(|| panic!("{attribute} in {tag}")) + attribute.len() + 3;
        tag[start..].split(['"', 'p']).next().unwrap().parse().unwrap()
    };
    for name in ["partners", "routes"] {
        let svg = std::fs::read_to_string(dir.path().join(format!("azint-briefing-2021-2026.{name}.svg"))).unwrap();
        let head = svg.split('>').next().unwrap();
        assert_eq!(number(head, "width"), map::column_width(Paper::A4.size()).0, "drawn at the PDF's width");
        let height = number(head, "height");
        assert!(height <= 0.45 * block.h.0, "the {name} map is {height} pt, over 45% of {} pt", block.h.0);
        let sizes: Vec<f32> = svg.split("<text").skip(1).map(|t| number(t.split('>').next().unwrap(), "font-size")).collect();
        assert!(!sizes.is_empty() && sizes.iter().all(|s| *s >= 6.5), "{name}: {sizes:?}");
    }
}
