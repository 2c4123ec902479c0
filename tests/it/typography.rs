//! Typography a typesetter signs, and a PDF that reads as print (issue 27,
//! items 4 and 7): links, metadata, line and page breaks.

use azint_report::typeset::display::Item;
use azint_report::typeset::flow::Links;
use azint_report::typeset::{self, Typeset};

use crate::util::{bin, default_markdown, stderr, typeset_options, AS_OF};

/// The document information's text strings by key.
fn info(path: &std::path::Path) -> std::collections::BTreeMap<String, String> {
    let doc = lopdf::Document::load(path).unwrap();
    let id = doc.trailer.get(b"Info").and_then(lopdf::Object::as_reference).unwrap();
    let dict = doc.get_object(id).and_then(lopdf::Object::as_dict).unwrap();
    dict.iter()
        .filter_map(|(k, v)| match v {
            lopdf::Object::String(bytes, _) => {
                Some((String::from_utf8_lossy(k).into_owned(), azint_report::typeset::tags::read_text_string(bytes)))
            }
            _ => None,
        })
        .collect()
}

/// The XMP packet, as text.
fn xmp(path: &std::path::Path) -> String {
    let doc = lopdf::Document::load(path).unwrap();
    let id = doc.catalog().unwrap().get(b"Metadata").and_then(lopdf::Object::as_reference).unwrap();
    let stream = doc.get_object(id).and_then(lopdf::Object::as_stream).unwrap();
    String::from_utf8(stream.content.clone()).unwrap()
}

/// Author from `[report] author`, else the organisation; the tool as the
/// Creator with its version; keywords as the standard writes them, "a, b,
/// c"; the XMP says the same.
#[test]
fn the_metadata_names_author_creator_and_keywords_as_the_standard_writes_them() {
    let dir = tempfile::tempdir().unwrap();
    crate::util::copy_dir(&crate::util::root().join("data"), &dir.path().join("data"));
    let pillars = dir.path().join("data/pillars.toml");
    let text = std::fs::read_to_string(&pillars).unwrap();
    let run = |name: &str| {
        let path = dir.path().join(name);
        let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "-q", "--no-changes", "-o"]).arg(&path).current_dir(dir.path()).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        path
    };
    std::fs::write(&pillars, text.replacen("[report]\n", "[report]\norganisation = \"Desk of Studies\"\n", 1)).unwrap();
    let path = run("organisation.pdf");
    let info_of = info(&path);
    assert_eq!(info_of.get("Author").map(String::as_str), Some("Desk of Studies"), "{info_of:?}");
    assert_eq!(info_of.get("Creator"), Some(&format!("azint-report {}", env!("CARGO_PKG_VERSION"))));
    let keywords = info_of.get("Keywords").unwrap();
    assert_eq!(
        keywords,
        "Multi-vector diplomacy, Connectivity and transport expansion, Energy and green transition diplomacy, Active multilateral engagement"
    );
    let packet = xmp(&path);
    assert!(packet.contains(&format!("<pdf:Keywords>{keywords}</pdf:Keywords>")), "{packet}");
    assert!(packet.contains(&format!("<xmp:CreatorTool>azint-report {}</xmp:CreatorTool>", env!("CARGO_PKG_VERSION"))), "{packet}");
    assert!(packet.contains("<rdf:li>Desk of Studies</rdf:li>"), "{packet}");
    std::fs::write(&pillars, text.replacen("[report]\n", "[report]\nauthor = \"A. Analyst\"\norganisation = \"Desk\"\n", 1)).unwrap();
    assert_eq!(info(&run("author.pdf")).get("Author").map(String::as_str), Some("A. Analyst"));
}

/// The colours of the text items that are links (the items between a
/// link's open and close tags).
fn link_colors(typeset: &Typeset) -> Vec<azint_report::typeset::geom::Color> {
    use azint_report::typeset::display::{Role, Tag};
    let mut colors = Vec::new();
    for page in &typeset.document.pages {
        let mut depth = 0usize;
        for (_, item) in &page.items {
            match item {
                Item::Tag(Tag::Open(Role::Link(_))) => depth += 1,
                Item::Tag(Tag::Close) if depth > 0 => depth -= 1,
                Item::Text(text) if depth > 0 => colors.push(text.color),
                _ => {}
            }
        }
    }
    colors
}

/// Links are dark and quiet in print, the default: the text's colour, so
/// seventy titles do not read as a web page; `--links colour` colours them
/// for a screen.
#[test]
fn links_are_quiet_in_print_and_coloured_for_a_screen() {
    let print = typeset::typeset(default_markdown(), &typeset_options(azint_report::options::Paper::A4));
    let link = azint_report::typeset::geom::Color::rgb(0x1a, 0x4f, 0x9c);
    let body = azint_report::typeset::geom::Color::rgb(0x1d, 0x1d, 0x1f);
    let colors = link_colors(&print);
    assert!(colors.len() > 20, "{} links", colors.len());
    assert!(!colors.contains(&link));
    assert!(colors.iter().filter(|c| **c == body).count() > 20);
    let screen = typeset::typeset(default_markdown(), &typeset::Options { links: Links::Colour, ..typeset_options(azint_report::options::Paper::A4) });
    assert!(link_colors(&screen).iter().filter(|c| **c == link).count() > 20);
    // The option reaches the PDF from the command line.
    let out = |links: &str| {
        let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "--no-changes", "--links", links, "-q", "-o", "-"]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        output.stdout
    };
    assert_ne!(out("quiet"), out("colour"));
}
