//! The maps (issue 26) as a run writes them: the SVG and GeoJSON beside
//! the Markdown, named from it, all or nothing, and none left from an
//! earlier run; the PDF's map a Figure that says what it shows.

use crate::util::{bin, entries, stderr, AS_OF};

fn run(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    let output = bin().current_dir(dir).args(args).args(["--as-of", AS_OF, "-q"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    output
}

#[test]
fn the_partner_map_is_written_beside_the_markdown_and_named_by_it() {
    let dir = tempfile::tempdir().unwrap();
    crate::util::copy_dir(&crate::util::root().join("data"), &dir.path().join("data"));
    std::fs::create_dir(dir.path().join("out")).unwrap();
    run(&["--period", "2024-2026", "--format", "md", "-o", "out/b.md"], dir.path());
    let out = dir.path().join("out");
    assert_eq!(entries(&out), ["b.json", "b.md", "b.partners.geojson", "b.partners.svg", "b.routes.geojson", "b.routes.svg"]);
    let markdown = std::fs::read_to_string(out.join("b.md")).unwrap();
    let image = markdown.lines().find(|l| l.starts_with("![")).unwrap_or_else(|| panic!("no image: {markdown}"));
    assert!(image.starts_with("![A world map of ") && image.ends_with("](<b.partners.svg>)"), "{image}");
    assert!(image.contains("South Caucasus: Georgia (1)"), "the description says the partners by region with counts: {image}");
    assert!(markdown.contains("| Country | Region | Events |\n| --- | --- | ---: |\n"), "the map's content as a table");

    let svg = std::fs::read_to_string(out.join("b.partners.svg")).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("<desc id=\"desc\">A world map of ") && svg.contains(">Boundaries: Natural Earth; their depiction implies no endorsement.</text>"));

    let geojson: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("b.partners.geojson")).unwrap()).unwrap();
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
    for name in ["b.routes.svg", "b.routes.geojson", "b.partners.svg", "b.routes.geojson", "b.routes.svg"] {
        std::fs::write(dir.path().join(name), "old").unwrap();
    }
    let data = crate::util::root().join("data");
    run(&["--data", data.to_str().unwrap(), "--format", "md", "-o", "b.md"], dir.path());
    assert_eq!(entries(dir.path()), ["b.json", "b.md", "b.partners.geojson", "b.partners.svg", "b.routes.geojson", "b.routes.svg"]);
    assert_ne!(std::fs::read(dir.path().join("b.partners.svg")).unwrap(), b"old");
    // Data without a partner registry: no partner map, and no file of one.
    let small = crate::util::root().join(crate::util::fixture("valid/small"));
    run(&["--data", small.to_str().unwrap(), "--format", "md", "-o", "b.md"], dir.path());
    assert_eq!(entries(dir.path()), ["b.json", "b.md"]);
    let output = run(&["--data", data.to_str().unwrap(), "--format", "md", "-o", "-"], dir.path());
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(!markdown.contains("partners.svg") && markdown.contains("| Country | Region | Events |"), "{markdown}");
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
