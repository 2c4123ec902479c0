//! Issue 29, item 4: whatever a template writes is drawn, or refused with
//! a diagnostic that says truthfully what happens to it; nesting is
//! bounded with a clear error, never a stack overflow. Inputs generated
//! over kinds and depths.

use std::collections::BTreeMap;
use std::sync::Arc;

use azint_report::options::Paper;
use azint_report::typeset::blocks::MAX_NESTING;
use azint_report::typeset::display::{Document, Item};
use azint_report::typeset::image::{decode, Image};
use azint_report::typeset::{self, Options};

use crate::util::{bin, root, stderr, typeset_options, AS_OF};

fn options() -> Options {
    let bytes = std::fs::read(root().join("tests/fixtures/templates/gfm/logo.png")).unwrap();
    let logo: Arc<Image> = Arc::new(decode(&bytes).unwrap());
    let images = BTreeMap::from([("logo.png".to_owned(), logo)]);
    Options { header: ("T".to_owned(), "P".to_owned()), images, ..typeset_options(Paper::A4) }
}

/// Every text drawn, run together without spaces (a line may break
/// anywhere).
fn drawn(doc: &Document) -> String {
    let texts = doc.pages.iter().flat_map(|p| p.items.iter()).filter_map(|(_, i)| match i {
        Item::Text(t) => Some(t.text.clone()),
        _ => None,
    });
    texts.collect::<String>().split_whitespace().collect()
}

fn images(doc: &Document) -> usize {
    doc.pages.iter().flat_map(|p| p.items.iter()).filter(|(_, i)| matches!(i, Item::Image { .. })).count()
}

/// A table or an image in a footnote is drawn, wherever the note stands
/// among the note's other blocks.
#[test]
fn tables_and_images_in_a_footnote_are_drawn() {
    let table = "| Alpha | Beta |\n| --- | --- |\n| Gamma | Delta |\n";
    let image = "![Logo of the desk](logo.png)\n";
    let text = "Words of the note.\n";
    let orders: [&[&str]; 5] = [&[table], &[image], &[text, table], &[table, text, image], &[image, table]];
    for blocks in orders {
        let body: String = blocks.iter().map(|b| format!("    {}\n", b.trim_end().replace('\n', "\n    "))).collect();
        let markdown = format!("# T\n\nA claim.[^n]\n\n[^n]: Note.\n\n{body}");
        let typeset = typeset::typeset(&markdown, &options());
        let all = drawn(&typeset.document);
        if blocks.contains(&table) {
            for cell in ["Alpha", "Beta", "Gamma", "Delta"] {
                assert!(all.contains(cell), "{cell} of {blocks:?} not drawn: {all}");
            }
        }
        assert_eq!(images(&typeset.document), usize::from(blocks.contains(&image)), "{blocks:?}");
        if blocks.contains(&text) {
            assert!(all.contains("Wordsofthenote."), "{blocks:?}");
        }
        crate::typeset::check_geometry(&typeset);
    }
}

/// The text inside an HTML block is set, as the template's warning says,
/// for every kind of block HTML: tags and comments left out.
#[test]
fn the_text_of_an_html_block_is_drawn() {
    for tag in ["div", "p", "details", "section", "center", "table", "pre", "span"] {
        let html = format!("<{tag} class=\"x\">\nKept &amp; shown<br>in the PDF <!-- not this -->\n</{tag}>\n");
        let typeset = typeset::typeset(&format!("# T\n\n{html}\nAfter.\n"), &options());
        let all = drawn(&typeset.document);
        assert!(all.contains("Kept&showninthePDF"), "<{tag}>: {all}");
        assert!(!all.contains("notthis") && !all.contains('<'), "<{tag}>: {all}");
    }
}

/// The Markdown, nested in each way at depths around the bound and far
/// past it: drawn, the text at the bottom kept, a warning past the bound.
#[test]
fn nesting_at_any_depth_is_drawn_without_overflowing() {
    // Each kind, with the containers one repetition opens (a list's
    // level is its list and its item; emphasis is no container).
    let kinds: [(&str, &str, usize); 5] = [("> ", "", 1), ("- ", "", 2), ("1. ", "", 2), ("> - ", "", 3), ("*a ", " b*", 0)];
    for (open, close, levels) in kinds {
        for depth in [1, 2, MAX_NESTING / 2, MAX_NESTING - 1, MAX_NESTING, MAX_NESTING + 1, 6_000] {
            let markdown = format!("# T\n\n{}Bottom{}\n", open.repeat(depth), close.repeat(depth));
            // The default thread stack of the tests (2 MiB), smaller than
            // the binary's main thread's.
            let typeset = std::thread::spawn(move || typeset::typeset(&markdown, &options())).join().expect("no overflow");
            assert!(drawn(&typeset.document).contains("Bottom"), "{open:?} × {depth}");
            let warned = typeset.warnings.iter().any(|w| w.contains("deeper than 32 levels at line"));
            assert_eq!(warned, depth * levels > MAX_NESTING, "{open:?} × {depth}: {:?}", typeset.warnings);
        }
    }
    // Inside a footnote: the note is a level, its quotes the rest.
    for depth in [1, MAX_NESTING - 1, MAX_NESTING, 6_000] {
        let markdown = format!("# T\n\nA claim.[^n]\n\n[^n]: {}Bottom\n", "> ".repeat(depth));
        let typeset = std::thread::spawn(move || typeset::typeset(&markdown, &options())).join().expect("no overflow");
        assert!(drawn(&typeset.document).contains("Bottom"), "note × {depth}");
        let warned = typeset.warnings.iter().any(|w| w.contains("deeper than 32 levels at line"));
        assert_eq!(warned, depth + 1 > MAX_NESTING, "note × {depth}: {:?}", typeset.warnings);
    }
}

/// Through the binary: a template that nests 6,000 levels is refused at
/// its place, exit 65, for each kind of nesting.
#[test]
fn a_template_nested_thousands_deep_is_refused_with_its_place() {
    for (open, close) in [("> ", ""), ("- ", ""), ("1. ", ""), ("*a ", " b*"), ("~~a ", " b~~")] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("about.md.hbs"), format!("About.\n\n{}deep{}\n", open.repeat(6_000), close.repeat(6_000))).unwrap();
        let out = bin().args(["--as-of", AS_OF, "--templates"]).arg(dir.path()).arg("-o").arg(dir.path().join("b.pdf")).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(65), "{open:?}: {err}");
        assert!(err.contains("about.md.hbs:3:") && err.contains("deeper than 32 levels here"), "{open:?}: {err}");
    }
}
