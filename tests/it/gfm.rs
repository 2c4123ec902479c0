//! What a template author writes in GitHub-flavoured Markdown reaches the
//! PDF: images, footnotes, alerts, task lists, strikethrough, autolinks, and
//! a warning for raw HTML. Checked on the display list, and through the
//! binary with the template fixture `tests/fixtures/templates/gfm/`.

use std::collections::BTreeMap;
use std::sync::Arc;

use azint_report::options::Paper;
use azint_report::typeset::display::{Document, Item, Target};
use azint_report::typeset::geom::Color;
use azint_report::typeset::image::{decode, Image};
use azint_report::typeset::{self, Options};

use crate::util::{bin, fixture, root, stderr, typeset_options, AS_OF};

fn options(images: BTreeMap<String, Arc<Image>>) -> Options {
    Options { header: ("T".to_owned(), "P".to_owned()), images, ..typeset_options(Paper::A4) }
}

fn logo() -> Arc<Image> {
    let bytes = std::fs::read(root().join("tests/fixtures/templates/gfm/logo.png")).unwrap();
    Arc::new(decode(&bytes).unwrap())
}

/// The texts of page `n`, in drawing order.
fn texts(doc: &Document, n: usize) -> Vec<String> {
    doc.pages[n]
        .items
        .iter()
        .filter_map(|(_, i)| match i {
            Item::Text(t) => Some(t.text.clone()),
            _ => None,
        })
        .collect()
}

/// The page whose text holds `needle`.
fn page_of(doc: &Document, needle: &str) -> usize {
    (0..doc.pages.len()).find(|&n| texts(doc, n).concat().contains(needle)).unwrap_or_else(|| panic!("{needle} on no page"))
}

#[test]
fn an_image_is_placed_in_its_box_and_embedded_once() {
    let images = BTreeMap::from([("logo.png".to_owned(), logo())]);
    let text = "# T\n\n![Desk logo =150pt](logo.png)\n\nText.\n\n![Desk logo](logo.png)\n";
    let typeset = typeset::typeset(text, &options(images));
    let placed: Vec<_> = typeset
        .document
        .pages
        .iter()
        .flat_map(|p| p.items.iter())
        .filter_map(|(at, i)| match i {
            Item::Image { size, index } => Some((*at, *size, *index)),
            _ => None,
        })
        .collect();
    assert_eq!(placed.len(), 2);
    assert_eq!(typeset.document.images.len(), 1, "one image, drawn twice");
    assert!(placed.iter().all(|p| p.2 == 0));
    let (at, size, _) = placed[0];
    assert_eq!(size.w.0, 150.0, "the width asked for");
    assert!((size.h.0 - 150.0 * 120.0 / 300.0).abs() < 0.05, "the aspect kept: {size:?}");
    let area = typeset.document.pages[0].area;
    assert!(at.x >= area.origin.x && at.x + size.w <= area.right(), "inside the text area");
    // Natural size: 300 px at 96 per inch is 225 pt.
    assert!((placed[1].1.w.0 - 225.0).abs() < 0.05, "{:?}", placed[1].1);

    let pdf = lopdf::Document::load_mem(&typeset.pdf).unwrap();
    let image_objects = pdf
        .objects
        .values()
        .filter(|o| o.as_stream().is_ok_and(|s| s.dict.get(b"Subtype").and_then(lopdf::Object::as_name).is_ok_and(|n| n == b"Image")))
        .count();
    assert_eq!(image_objects, 1);
}

#[test]
fn a_footnote_stands_at_the_foot_of_the_page_that_cites_it_and_links_both_ways() {
    let text = "# T\n\nA claim.[^a] Another.[^b]\n\n[^a]: The first source.\n[^b]: The second source.\n";
    let typeset = typeset::typeset(text, &options(BTreeMap::new()));
    let doc = &typeset.document;
    let page = page_of(doc, "A claim.");
    assert_eq!(page_of(doc, "The first source."), page);
    assert_eq!(page_of(doc, "The second source."), page);
    // Numbered in order, below the text.
    let items = &doc.pages[page].items;
    let y_of = |needle: &str| items.iter().find_map(|(p, i)| matches!(i, Item::Text(t) if t.text.contains(needle)).then_some(p.y)).unwrap();
    assert!(y_of("The first source.") > y_of("A claim."));
    assert!(y_of("The second source.") > y_of("The first source."));
    // The reference links to the note, the note's number back.
    let links: Vec<&Target> = items
        .iter()
        .filter_map(|(_, i)| match i {
            Item::Link { target, .. } => Some(target),
            _ => None,
        })
        .collect();
    assert_eq!(links.len(), 4, "{links:?}");
    assert!(links.iter().all(|t| matches!(t, Target::Page { page: p, .. } if *p == page)), "{links:?}");
}

#[test]
fn a_long_footnote_continues_at_the_foot_of_the_next_page() {
    let filler = "Words that fill the page with a paragraph of ordinary length, again and again. ".repeat(40);
    // Longer than a page's text area: it must go on at the next foot.
    let note = "A very long note that will not fit in the room left at the foot of this page. ".repeat(80);
    let text = format!("# T\n\n{filler}\n\n{filler}\n\nThe claim near the end.[^n]\n\n{filler}\n\n[^n]: {note}\n");
    let typeset = typeset::typeset(&text, &options(BTreeMap::new()));
    let doc = &typeset.document;
    let page = page_of(doc, "The claim near the end.");
    // Words only: a line may end anywhere in the sentence.
    let foot = |n: usize| texts(doc, n).concat().split_whitespace().collect::<String>().matches("Averylongnote").count();
    assert!(foot(page) >= 1, "the note starts on the page that cites it");
    assert!(foot(page + 1) >= 1, "and goes on at the next page's foot");
    // A sentence may run on from one page's foot to the next: count on
    // the feet read in order.
    let note_text = |n: usize| -> String {
        doc.pages[n].items.iter().filter_map(|(_, i)| match i {
            Item::Text(t) if t.size.0 < 9.0 => Some(t.text.clone()),
            _ => None,
        }).collect()
    };
    let all: String = (page..doc.pages.len()).map(note_text).collect::<String>().split_whitespace().collect();
    assert_eq!(all.matches("Averylongnote").count(), 80, "every line of it, once");
    crate::typeset::check_geometry(&typeset);
}

#[test]
fn alerts_are_tinted_boxes_in_the_briefings_own_words() {
    // Issue 27, item 3: GitHub's labels are not the briefing's words.
    let text = "> [!WARNING]\n> Mind this.\n\n> [!NOTE]\n> Noted.\n";
    let typeset = typeset::typeset(text, &options(BTreeMap::new()));
    let page = &typeset.document.pages[0];
    let words = texts(&typeset.document, 0);
    assert!(words.concat().contains("Mind") && words.contains(&"Noted.".to_owned()), "{words:?}");
    assert!(!words.iter().any(|w| w == "Warning" || w == "Note"), "{words:?}");
    let fills: Vec<Color> = page
        .items
        .iter()
        .filter_map(|(_, i)| match i {
            Item::Fill { color, .. } => Some(*color),
            _ => None,
        })
        .collect();
    // Each box: a tint and a bar, on every line of it.
    assert!(fills.len() >= 4, "{fills:?}");
    assert!(fills.iter().any(|c| c.r > 0.9 && c.g > 0.9 && c.b > 0.9), "a pale tint");
}

#[test]
fn task_boxes_strikethrough_and_bare_urls_are_drawn() {
    let text = "- [x] done\n- [ ] open\n\n~~gone~~ see https://example.org/page.\n";
    let typeset = typeset::typeset(text, &options(BTreeMap::new()));
    let items = &typeset.document.pages[0].items;
    let lines = items.iter().filter(|(_, i)| matches!(i, Item::Line { .. })).count();
    // Two boxes of four sides, a tick of two strokes, one strike.
    assert_eq!(lines, 4 + 4 + 2 + 1);
    assert!(!texts(&typeset.document, 0).iter().any(|t| t.contains("[x]") || t.contains("[ ]")));
    let uri = items.iter().find_map(|(_, i)| match i {
        Item::Link { target: Target::Uri(u), .. } => Some(u.clone()),
        _ => None,
    });
    assert_eq!(uri.as_deref(), Some("https://example.org/page"), "the full stop stays in the sentence");
}

#[test]
fn raw_html_is_not_drawn_as_source() {
    let typeset = typeset::typeset("Text.\n\n<div>boxed</div>\n", &options(BTreeMap::new()));
    assert!(!texts(&typeset.document, 0).concat().contains("<div>"));
}

#[test]
fn a_template_with_every_construct_makes_a_tagged_pdf_and_a_missing_image_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gfm.pdf");
    let templates = fixture("templates/gfm");
    let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "--templates"]).arg(&templates).arg("-o").arg(&out).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // Named with its template and line; comments and hints are not.
    let err = stderr(&output);
    assert!(err.contains("tests/fixtures/templates/gfm/briefing.md.hbs:23:1: warning: raw HTML (`<kbd>`)"), "{err}");
    assert_eq!(err.matches("raw HTML").count(), 2, "the opening and the closing tag: {err}");
    let pdf = std::fs::read(&out).unwrap();
    // The logo adds no more than its own file's size.
    let logo = std::fs::metadata(root().join("tests/fixtures/templates/gfm/logo.png")).unwrap().len() as usize;
    let plain = dir.path().join("plain.pdf");
    let copy = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(templates.join("briefing.md.hbs")).unwrap();
    std::fs::write(copy.path().join("briefing.md.hbs"), text.replace("![Desk logo =160pt](logo.png)\n", "").replace("![Desk logo again =60pt](logo.png)\n", "")).unwrap();
    let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "--templates"]).arg(copy.path()).arg("-o").arg(&plain).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let without = std::fs::read(&plain).unwrap().len();
    assert!(pdf.len() <= without + logo, "the logo cost {} bytes; the PNG is {logo}", pdf.len() - without);

    // No logo file: an error naming it, and nothing written.
    let missing = dir.path().join("missing.pdf");
    let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "--templates"]).arg(copy.path()).arg("-o").arg(&missing).output();
    assert!(output.unwrap().status.success());
    std::fs::write(copy.path().join("briefing.md.hbs"), format!("![Logo](nowhere.png)\n\n{text}")).unwrap();
    let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "--templates"]).arg(copy.path()).arg("-o").arg(dir.path().join("x.pdf")).output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    let err = stderr(&output);
    assert!(err.contains("nowhere.png: error: image `nowhere.png`: "), "{err}");
    assert!(!dir.path().join("x.pdf").exists());
}

#[test]
fn the_reports_logo_comes_from_the_data_folder_into_the_title_block() {
    let dir = tempfile::tempdir().unwrap();
    crate::util::copy_dir(&root().join("data"), &dir.path().join("data"));
    std::fs::create_dir(dir.path().join("data/assets")).unwrap();
    std::fs::copy(root().join("tests/fixtures/templates/gfm/logo.png"), dir.path().join("data/assets/logo.png")).unwrap();
    let pillars = dir.path().join("data/pillars.toml");
    let text = std::fs::read_to_string(&pillars).unwrap();
    let report = "[report]\norganisation = \"Analysis Desk\"\nlogo = \"assets/logo.png\"\ndistribution = \"Restricted: ministry staff\"\nreference = \"AZ-2026-07\"\n";
    std::fs::write(&pillars, text.replacen("[report]\n", report, 1)).unwrap();
    let run = || {
        assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("azint-report"))
            .current_dir(dir.path())
            .args(["--period", "2024-2026", "--as-of", AS_OF, "--format", "both", "-q"])
            .output()
            .unwrap()
    };
    let output = run();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let md = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.md")).unwrap();
    assert!(md.starts_with("# Azerbaijan's International Integration\n\n![Logo of Analysis Desk =140pt](<assets/logo.png>)\n"), "{md}");
    // The title block says who issues it, its reference and distribution.
    assert!(md.contains("Prepared by Analysis Desk. Reference AZ-2026-07.\n\n**Restricted: ministry staff**\n"), "{md}");
    let pdf = lopdf::Document::load(dir.path().join("reports/azint-briefing-2024-2026.pdf")).unwrap();
    let images = pdf.objects.values().filter(|o| o.as_stream().is_ok_and(|s| s.dict.get(b"Subtype").is_ok_and(|n| n.as_name().is_ok_and(|n| n == b"Image")))).count();
    assert_eq!(images, 1);
    std::fs::remove_file(dir.path().join("data/assets/logo.png")).unwrap();
    let output = run();
    assert_eq!(output.status.code(), Some(65));
    assert!(stderr(&output).contains("data/assets/logo.png: error: image `assets/logo.png`: "), "{}", stderr(&output));
}
