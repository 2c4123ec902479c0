//! The briefing's make-up (issue 27, items 1 and 2): page one decides,
//! each thing is said in one place, the annexes open a part of their own,
//! a short PDF prints no contents, and a handling marking stands in every
//! page's foot.

use std::path::Path;

use azint_report::dataset::{load, DataSource};

use crate::util::{bin, copy_dir, default_markdown, default_typeset, fixture, root, stderr, stdout, AS_OF};

/// The default briefing's pages today, as the tests typeset it (the
/// Markdown of standard output, which names no map file; annexes in): a
/// ratchet, not the goal. Issue 27 asks for 8, which is not met (11);
/// lower this bound as the make-up gets there, never raise it.
const DEFAULT_PAGES_AT_MOST: usize = 11;
/// The same briefing as the binary writes it, with both maps: the pages
/// issue 27's 8 counts (11).
const DEFAULT_WITH_MAPS_AT_MOST: usize = 11;
/// Without the annexes, written by the binary with both maps: the body
/// alone meets issue 27's 8 (8).
const NO_ANNEXES_PAGES_AT_MOST: usize = 8;

/// The default briefing, both formats, written by the binary into `dir`:
/// its Markdown and the text `pdftotext` reads from its PDF.
fn default_briefing(dir: &Path) -> (String, String) {
    let output = bin()
        .current_dir(dir)
        .args(["--period", "2024-2026", "--as-of", AS_OF, "-q", "--format", "both", "--data"])
        .arg(root().join("data"))
        .args(["--out-dir", "out"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let md = std::fs::read_to_string(dir.join("out/azint-briefing-2024-2026.md")).unwrap();
    let pdf = std::process::Command::new("pdftotext").arg("out/azint-briefing-2024-2026.pdf").arg("-").current_dir(dir).output().unwrap();
    assert!(pdf.status.success(), "pdftotext");
    (md, String::from_utf8_lossy(&pdf.stdout).into_owned())
}

/// The PDF's text as a reader follows it: the page's foot (its number, the
/// draft mark) and head (the title line and the section's name under it)
/// left out, since a sentence may run on over them.
fn running_text(pdf: &str, title: &str) -> String {
    let mut out = Vec::new();
    let mut after_head = false;
    for line in pdf.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if after_head {
            after_head = false;
            continue;
        }
        if trimmed.starts_with(title) {
            after_head = true;
            continue;
        }
        if (trimmed.starts_with("Page ") && trimmed.contains(" of ")) || trimmed == "DRAFT" {
            continue;
        }
        out.push(trimmed);
    }
    out.join("\n")
}

/// Letters and digits only: line breaks, hyphens at a line's end and
/// typographic quotes do not tell two printings of a sentence apart.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Every event's summary of the period is printed exactly once, in the
/// Markdown and in the PDF's text (issue 27, item 2): the highlights'
/// under their headings, the other events' in their pillar's short
/// entries. Before the make-up the top five highlights stood twice, and
/// the 18 events no highlight not at all.
#[test]
fn each_summary_is_printed_once_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let (md, pdf) = default_briefing(dir.path());
    let dataset = load(&DataSource::Path(root().join("data"))).unwrap();
    let pdf = letters(&running_text(&pdf, &dataset.report.title.replace('\'', "’")));
    let md = letters(&md);
    let period = azint_report::period::Period::parse("2024-2026").unwrap();
    let in_period = period.select(&dataset.events, |_| true);
    assert_eq!(in_period.len(), 30);
    for event in in_period {
        let summary = letters(&event.summary);
        let (in_md, in_pdf) = (md.matches(&summary).count(), pdf.matches(&summary).count());
        assert_eq!(in_md, 1, "{} times in the Markdown: {}", in_md, event.id);
        assert_eq!(in_pdf, 1, "{} times in the PDF: {}", in_pdf, event.id);
    }
}

/// The default briefing's PDF stays within its page budget, as the tests
/// typeset it and as the binary writes it with both maps.
#[test]
fn the_default_pdf_keeps_its_page_budget() {
    let pages = default_typeset().document.pages.len();
    assert!(pages <= DEFAULT_PAGES_AT_MOST, "{pages} pages");
    let dir = tempfile::tempdir().unwrap();
    default_briefing(dir.path());
    let pdf = std::fs::read(dir.path().join("out/azint-briefing-2024-2026.pdf")).unwrap();
    let pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
    assert!(pages <= DEFAULT_WITH_MAPS_AT_MOST, "{pages} pages with both maps");
    assert!(dir.path().join("out/azint-briefing-2024-2026.routes.svg").is_file(), "both maps drawn");
}

/// Page one holds the title block, What to watch, the key figures and the
/// provenance sentence; a short briefing prints no contents (its outline
/// leads), and the annexes open a page under their own heading.
#[test]
fn page_one_decides_and_the_annexes_open_a_page() {
    let dump = default_typeset().document.text_dump();
    let pages: Vec<&str> = dump.split("--- page ").skip(1).collect();
    let one = pages[0].replace('’', "'").replace(['\u{a0}', '\u{202f}', '\n'], " ");
    for what in ["Azerbaijan's International Integration", "as of 12 February 2026", "What to watch", "Key figures", "rest on one ungraded source"] {
        assert!(one.contains(what), "page one lacks {what:?}:\n{one}");
    }
    assert!(!dump.contains("Contents"), "a short briefing prints no contents");
    let pdf = lopdf::Document::load_mem(&default_typeset().pdf).unwrap();
    assert!(pdf.catalog().unwrap().get(b"Outlines").is_ok(), "the outline leads instead");
    let annexes = pages.iter().position(|p| p.lines().any(|l| l == "Annexes")).expect("an Annexes heading");
    let body: Vec<&str> = pages[annexes].lines().skip(2).collect();
    assert_eq!(body.first(), Some(&"Annexes"), "the part opens its page:\n{}", pages[annexes]);
    let md = default_markdown();
    assert!(md.find("## Annexes").unwrap() < md.find("## Chronology").unwrap());
    assert!(md.find("**Contents:**").unwrap() > md.find("What to watch").unwrap(), "the Markdown's contents follow page one's content");
}

/// A long document's contents are printed, on a page after the first.
#[test]
fn a_long_briefing_prints_its_contents_after_page_one() {
    let more: String = (0..=azint_report::typeset::SHORT_PAGES).map(|n| format!("\n<!-- pagebreak -->\n\n## Part {n}\n\nText.\n")).collect();
    let markdown = format!("# Briefing\n\nThe first page.\n\n<!-- toc -->\n\n## Opening\n\nText.\n{more}");
    let typeset = azint_report::typeset::typeset(&markdown, &crate::util::typeset_options(azint_report::options::Paper::A4));
    let dump = typeset.document.text_dump();
    let pages: Vec<&str> = dump.split("--- page ").skip(1).collect();
    assert!(!pages[0].contains("Contents") && pages[0].contains("The first page."), "{}", pages[0]);
    assert!(pages[1].contains("Contents"), "{}", pages[1]);
}

/// A source line under a highlight only where the briefing's sources
/// differ: not in the default briefing (one source for all), still where
/// events cite sources of their own.
#[test]
fn a_source_line_stands_only_where_it_differs() {
    assert!(!default_markdown().contains("**Sources:**"));
    let output = bin()
        .args(["--data", fixture("valid/precision").to_str().unwrap(), "--period", "2024-2026", "--as-of", AS_OF, "--format", "md", "-q", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("**Sources:**"), "{}", stdout(&output));
}

/// A handling marking (`[report] distribution`) stands under the title and
/// in every page's foot.
#[test]
fn a_handling_marking_stands_in_every_foot() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("data"), &data);
    let pillars = std::fs::read_to_string(data.join("pillars.toml")).unwrap();
    let marked = pillars.replacen("[report]\n", "[report]\ndistribution = \"Restricted: ministry staff\"\n", 1);
    assert_ne!(pillars, marked);
    std::fs::write(data.join("pillars.toml"), marked).unwrap();
    let output = bin()
        .current_dir(dir.path())
        .args(["--period", "2024-2026", "--as-of", AS_OF, "-q", "--format", "pdf", "--data", "data", "-o", "b.pdf"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let pdf = std::fs::read(dir.path().join("b.pdf")).unwrap();
    let document = lopdf::Document::load_mem(&pdf).unwrap();
    let pages = document.get_pages();
    assert!(pages.len() > 1);
    for number in pages.keys() {
        let text = document.extract_text(&[*number]).unwrap();
        // Once in the foot; page one also under the title.
        let count = text.matches("Restricted: ministry staff").count();
        assert!(count >= 1, "page {number}: {text}");
    }
}

/// `--no-annexes` leaves the part out, in both formats; the body stays.
#[test]
fn no_annexes_leaves_the_part_out() {
    let dir = tempfile::tempdir().unwrap();
    let output = bin()
        .current_dir(dir.path())
        .args(["--period", "2024-2026", "--as-of", AS_OF, "-q", "--format", "both", "--no-annexes", "--out-dir", "out"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let md = std::fs::read_to_string(dir.path().join("out/azint-briefing-2024-2026.md")).unwrap();
    for heading in ["## Annexes", "## Chronology", "## Sources", "## Index of partners", "## About this briefing"] {
        assert!(!md.contains(heading), "{heading} left in");
        assert!(default_markdown().contains(heading), "{heading} is the default's");
    }
    assert!(md.contains("## 4. Active multilateral engagement") && md.contains("What to watch"));
    let pdf = std::fs::read(dir.path().join("out/azint-briefing-2024-2026.pdf")).unwrap();
    let pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
    assert!(pages < default_typeset().document.pages.len() && pages <= NO_ANNEXES_PAGES_AT_MOST, "{pages} pages");
}

/// A marking of any length ends short of the page number beside it
/// (issue 29): a long one is set smaller, never over the number.
#[test]
fn a_long_marking_keeps_clear_of_the_page_number() {
    use azint_report::typeset::display::Item;
    for marking in ["Restricted", &"Restricted: ministry staff and no one else ".repeat(40)] {
        let mut options = crate::util::typeset_options(azint_report::options::Paper::A4);
        options.metadata.marking = Some(marking.to_owned());
        let typeset = azint_report::typeset::typeset("# Title\n\nText.\n", &options);
        let page = &typeset.document.pages[0];
        let texts: Vec<_> = page.furniture.iter().filter_map(|(at, i)| match i {
            Item::Text(t) => Some((*at, t)),
            _ => None,
        }).collect();
        let (mark_at, mark) = texts.iter().find(|(_, t)| t.text == marking).expect("the marking");
        let (number_at, _) = texts.iter().find(|(_, t)| t.text.starts_with("Page ")).expect("the page number");
        assert!(mark_at.x + mark.width < number_at.x, "{} + {} reaches {}", mark_at.x.0, mark.width.0, number_at.x.0);
        assert!(mark.size.0 > 0.0);
    }
}
