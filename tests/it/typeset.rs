//! The typesetter: text survives into the PDF, every glyph stays in the
//! text area, lines never overlap, the outline mirrors the headings, tables
//! repeat their header, headings never end a page, paragraphs keep two lines
//! on each side of a page break, and output is deterministic.


use azint_report::options::Paper;
use azint_report::typeset::blocks::{self, plain, Block};
use azint_report::typeset::display::{Item, Text};
use azint_report::typeset::fonts::Fonts;
use azint_report::typeset::geom::{Pt, Rect};
use azint_report::typeset::{self, Typeset};

use crate::util::{bin, default_markdown, default_typeset, stderr, stdout, typeset_options as options, AS_OF};

/// Letters and digits only: line breaks, hyphens and spacing differ
/// between Markdown and PDF, the words do not.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

/// The plain text of every paragraph, heading and table cell, in order.
fn texts(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        match block {
            // A footnote reference is drawn as its number; its note, at the
            // foot of the page, is checked in tests/it/gfm.rs.
            Block::Heading { runs, .. } | Block::Paragraph { runs } => {
                let text: String = runs.iter().filter(|r| !r.style.note).map(|r| r.text.as_str()).collect();
                // A table's caption is drawn without its Markdown mark.
                out.push(text.strip_prefix("Table: ").map_or(text.clone(), str::to_owned));
            }
            Block::List { items, .. } => items.iter().for_each(|i| texts(i, out)),
            Block::Quote(inner) | Block::Callout { blocks: inner, .. } => texts(inner, out),
            Block::Table { header, rows, .. } => {
                out.extend(header.iter().map(|c| plain(c)));
                for row in rows {
                    out.extend(row.iter().map(|c| plain(c)));
                }
            }
            // Charts are drawn, not printed as text.
            Block::Code { lang, .. } if lang == "mermaid" => {}
            Block::Code { text, .. } => out.push(text.clone()),
            Block::Rule | Block::Toc | Block::PageBreak | Block::Colour(_) | Block::Index => {}
            Block::Image { .. } | Block::Task(_) | Block::Note { .. } => {}
        }
    }
}

/// Whether block `i` is a table's caption (`Table: …` right above it).
fn is_caption(blocks: &[Block], i: usize) -> bool {
    matches!(&blocks[i], Block::Paragraph { runs } if plain(runs).starts_with("Table: ")) && matches!(blocks.get(i + 1), Some(Block::Table { .. }))
}

#[test]
fn the_pdf_text_holds_every_paragraph_in_order() {
    // Without the running head and foot, which a page's text ends with
    // and which would stand inside a paragraph that crosses a page break.
    let typeset = default_typeset();
    // Each page's running head, as the text of its furniture in order
    // (title and period, and the section).
    let mut extracted = letters(&pdf_text(&typeset.pdf));
    for page in &typeset.document.pages {
        let head: String = page
            .furniture
            .iter()
            .filter_map(|(_, i)| match i {
                Item::Text(t) if !t.text.starts_with("Page ") => Some(t.text.as_str()),
                _ => None,
            })
            .collect();
        if !head.is_empty() {
            extracted = extracted.replace(&letters(&head), "");
        }
    }
    let total = typeset.document.pages.len();
    for n in (1..=total).rev() {
        extracted = extracted.replace(&letters(&format!("Page {n} of {total}")), "");
    }
    // A figure (a table and its caption) that does not fit may float
    // past the text after it (issue 9): the text is checked in order, and
    // each table's cells in order within it.
    let (mut flow, mut figures) = (Vec::new(), Vec::new());
    let parsed = blocks::parse(default_markdown());
    for (i, block) in parsed.iter().enumerate() {
        match block {
            Block::Table { .. } if i > 0 && is_caption(&parsed, i - 1) => {
                if let Some(figure) = figures.last_mut() {
                    texts(std::slice::from_ref(block), figure);
                }
            }
            _ if is_caption(&parsed, i) => {
                let mut figure = Vec::new();
                texts(std::slice::from_ref(block), &mut figure);
                figures.push(figure);
            }
            _ => texts(std::slice::from_ref(block), &mut flow),
        }
    }
    assert!(flow.len() > 100);
    for expected in std::iter::once(flow).chain(figures) {
        let mut from = 0;
        for text in expected {
            let needle = letters(&text);
            let found = extracted[from..].find(&needle);
            assert!(found.is_some(), "not found in order: {text}");
            from += found.unwrap_or(0) + needle.len();
        }
    }
}

#[test]
fn azerbaijani_letters_survive_extraction() {
    let md = "# Ə ə Ğ ğ I ı İ i Ö ö Ş ş Ü ü Ç ç\n\nŞuşa, Gəncə, Naxçıvan, İlham Əliyev; Україна, Ελλάδα.\n";
    let typeset = typeset::typeset(md, &options(Paper::A4));
    let text = pdf_text(&typeset.pdf);
    assert!(text.contains("Ə ə Ğ ğ I ı İ i Ö ö Ş ş Ü ü Ç ç"), "{text}");
    assert!(text.contains("Şuşa, Gəncə, Naxçıvan, İlham Əliyev; Україна, Ελλάδα."), "{text}");
}

/// The boxes of every body text item, per page.
fn text_boxes(typeset: &Typeset) -> Vec<(Rect, Vec<(Rect, &Text)>)> {
    let fonts = Fonts::get();
    typeset
        .document
        .pages
        .iter()
        .map(|page| {
            let boxes = page
                .items
                .iter()
                .filter_map(|(at, item)| match item {
                    Item::Text(t) => {
                        let face = fonts.face(t.face);
                        Some((t.bounds(*at, face.ascent, face.descent), t))
                    }
                    _ => None,
                })
                .collect();
            (page.area, boxes)
        })
        .collect()
}

/// Every mark that is not text (chart wedges and bars, rules, shading).
fn mark_boxes(typeset: &Typeset) -> Vec<(usize, Rect, Rect)> {
    let mut out = Vec::new();
    for (n, page) in typeset.document.pages.iter().enumerate() {
        for (at, item) in &page.items {
            let b = match item {
                Item::Fill { size, .. } => Rect::new(at.x, at.y, size.w, size.h),
                Item::Line { to, .. } => Rect::new(at.x.min(to.x), at.y.min(to.y), (to.x - at.x).max(at.x - to.x), (to.y - at.y).max(at.y - to.y)),
                Item::Polygon { points, .. } => {
                    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
                    for p in points {
                        x0 = x0.min(p.x.0);
                        y0 = y0.min(p.y.0);
                        x1 = x1.max(p.x.0);
                        y1 = y1.max(p.y.0);
                    }
                    Rect::new(Pt(x0), Pt(y0), Pt(x1 - x0), Pt(y1 - y0))
                }
                _ => continue,
            };
            out.push((n, page.area, b));
        }
    }
    out
}

pub(crate) fn check_geometry(typeset: &Typeset) {
    for (n, area, b) in mark_boxes(typeset) {
        assert!(area.contains(&b, Pt(0.6)), "page {}: mark {:?} outside {:?}", n + 1, b, area);
    }
    for (n, (area, boxes)) in text_boxes(typeset).into_iter().enumerate() {
        for (b, t) in &boxes {
            assert!(area.contains(b, Pt(0.5)), "page {}: {:?} outside {:?}: {}", n + 1, b, area, t.text);
        }
        for (i, (a, ta)) in boxes.iter().enumerate() {
            for (b, tb) in &boxes[i + 1..] {
                let same_line = (a.bottom() - b.bottom()).0.abs() < 0.5;
                let overlap = a.origin.x.0 < b.right().0 - 0.3
                    && b.origin.x.0 < a.right().0 - 0.3
                    && a.origin.y.0 < b.bottom().0 - 0.3
                    && b.origin.y.0 < a.bottom().0 - 0.3;
                assert!(!overlap || same_line && ta.text != tb.text, "page {}: '{}' overlaps '{}'", n + 1, ta.text, tb.text);
            }
        }
    }
}

#[test]
fn every_glyph_lies_in_the_text_area_and_no_lines_overlap() {
    check_geometry(default_typeset());
    check_geometry(&typeset::typeset(default_markdown(), &options(Paper::Letter)));
}

#[test]
fn letter_paper_has_letter_pages() {
    let letter = typeset::typeset("# A\n\nb\n", &options(Paper::Letter));
    assert_eq!((letter.document.pages[0].size.w, letter.document.pages[0].size.h), (Pt(612.0), Pt(792.0)));
}

/// The outline as (depth, title) in order.
fn outline(pdf: &[u8]) -> Vec<(usize, String)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let root = doc.get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap()).unwrap();
    let mut out = Vec::new();
    fn walk(doc: &lopdf::Document, first: Option<&lopdf::Object>, depth: usize, out: &mut Vec<(usize, String)>) {
        let mut next = first.and_then(|o| o.as_reference().ok());
        while let Some(id) = next {
            let entry = doc.get_dictionary(id).unwrap();
            // A text string: PDFDocEncoding (ASCII) or UTF-16 after a
            // byte-order mark.
            out.push((depth, lopdf::decode_text_string(entry.get(b"Title").unwrap()).unwrap()));
            walk(doc, entry.get(b"First").ok(), depth + 1, out);
            next = entry.get(b"Next").ok().and_then(|o| o.as_reference().ok());
        }
    }
    walk(&doc, root.get(b"First").ok(), 0, &mut out);
    out
}

#[test]
fn the_outline_mirrors_the_headings() {
    let headings: Vec<(usize, String)> = blocks::parse(default_markdown())
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, runs } => Some((usize::from(*level) - 1, plain(runs))),
            _ => None,
        })
        .collect();
    assert!(headings.len() > 20);
    assert_eq!(outline(&default_typeset().pdf), headings);
}

#[test]
fn a_table_across_pages_repeats_its_header_and_keeps_rows_whole() {
    let mut md = String::from("# Long table\n\n| Name | Value |\n| --- | ---: |\n");
    for i in 0..150 {
        md.push_str(&format!("| row {i} with some words to wrap in a narrow cell perhaps | {i} |\n"));
    }
    let typeset = typeset::typeset(&md, &options(Paper::A4));
    let pages = &typeset.document.pages;
    assert!(pages.len() >= 3);
    for (n, page) in pages.iter().enumerate() {
        let mut texts: Vec<(Pt, &str)> = page
            .items
            .iter()
            .filter_map(|(at, i)| match i {
                Item::Text(t) => Some((at.y, t.text.as_str())),
                _ => None,
            })
            .collect();
        texts.sort_by(|a, b| a.0 .0.total_cmp(&b.0 .0));
        let first_row = texts.iter().position(|t| t.1.starts_with("row")).unwrap();
        assert!(texts[..first_row].iter().any(|t| t.1 == "Name"), "page {} has no header row", n + 1);
    }
    check_geometry(&typeset);
}

#[test]
fn no_heading_ends_a_page() {
    let typeset = default_typeset();
    for heading in &typeset.document.headings {
        let page = &typeset.document.pages[heading.page];
        let below = page.items.iter().any(|(at, i)| matches!(i, Item::Text(_)) && at.y.0 > heading.y.0 + 30.0);
        assert!(below, "'{}' ends page {}", heading.title, heading.page + 1);
    }
}

#[test]
fn paragraphs_keep_two_lines_on_each_side_of_a_page_break() {
    // Paragraphs of unique words, long enough that page breaks fall inside
    // some of them at different lines.
    let mut md = String::from("# Widows and orphans\n\n");
    for p in 0..40 {
        let words: Vec<String> = (0..(30 + p * 7 % 50)).map(|w| format!("p{p}w{w}")).collect();
        md.push_str(&words.join(" "));
        md.push_str("\n\n");
    }
    let typeset = typeset::typeset(&md, &options(Paper::A4));
    assert!(typeset.document.pages.len() >= 3);
    // Lines per paragraph per page.
    let mut split = 0;
    for p in 0..40 {
        let tag = format!("p{p}w");
        let counts: Vec<usize> = typeset
            .document
            .pages
            .iter()
            .map(|page| {
                let mut ys: Vec<i64> = page
                    .items
                    .iter()
                    .filter_map(|(at, i)| match i {
                        Item::Text(t) if t.text.contains(&tag) => Some((at.y.0 * 10.0) as i64),
                        _ => None,
                    })
                    .collect();
                ys.sort();
                ys.dedup();
                ys.len()
            })
            .filter(|&n| n > 0)
            .collect();
        if counts.len() > 1 {
            split += 1;
            assert!(counts.iter().all(|&n| n >= 2), "paragraph {p} split as {counts:?}");
        }
    }
    assert!(split > 0, "no paragraph crossed a page: the test proves nothing");
}

#[test]
fn typesetting_is_deterministic_within_and_across_processes() {
    let again = typeset::typeset(default_markdown(), &options(Paper::A4));
    assert_eq!(again.pdf, default_typeset().pdf);
    let run = |path: &std::path::Path| {
        let output = bin().args(["--period", "2024-2026", "--format", "pdf", "--as-of", AS_OF, "-q", "-o"]).arg(path).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        std::fs::read(path).unwrap()
    };
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(&dir.path().join("a.pdf")), run(&dir.path().join("b.pdf")));
}

#[test]
fn the_default_briefing_draws_its_charts() {
    let polygons = default_typeset()
        .document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|(_, i)| matches!(i, Item::Polygon { .. }))
        .count();
    // The timeline's marks and its key, the region bars.
    assert!(polygons > 30, "{polygons}");
    assert!(default_typeset().warnings.is_empty(), "{:?}", default_typeset().warnings);
    let text = pdf_text(&default_typeset().pdf);
    // Issue 26: the partner map replaced the bar chart of regions, which
    // repeated its table; issue 27: the pie repeated the pillar table.
    assert!(!text.contains("Share of events per pillar") && !text.contains("Events with a bilateral counterpart"));
    assert!(!text.contains("xychart-beta") && !text.contains("pie showData"));
}

#[test]
fn an_undrawable_mermaid_block_is_set_as_code_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sources.md.hbs"), "## Sources\n\n```mermaid\nflowchart LR\n  A --> B\n```\n").unwrap();
    let pdf = dir.path().join("b.pdf");
    let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "-q", "-o"]).arg(&pdf).arg("--templates").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("warning: Mermaid block 2 (`flowchart LR`) cannot be drawn: `flowchart` charts are not drawn"), "{err}");
    let text = pdf_text(&std::fs::read(&pdf).unwrap());
    assert!(text.contains("flowchart LR"), "the block is not set as code");
}

#[test]
fn the_laid_out_pages_read_as_expected() {
    insta::assert_snapshot!(default_typeset().document.text_dump());
}

/// Inputs the fuzzers found (tests/fixtures/fuzz/): each typesets with
/// every glyph in the text area.
#[test]
fn fuzz_findings_stay_fixed() {
    let dir = crate::util::root().join("tests/fixtures/fuzz");
    let mut found = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let bytes = std::fs::read(&path).unwrap();
            // As the fuzz target reads its input: the first 4,096 bytes.
            let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
            check_geometry(&typeset::typeset(&text, &options(Paper::A4)));
            found += 1;
        }
    }
    assert!(found > 0);
}

/// The document information claims no standard and names the tool only as
/// the Producer and the Creator (issue 27): printpdf's empty `GTS_PDFXVersion` made readers report
/// PDF/X (issue 9).
#[test]
fn the_document_information_is_honest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.pdf");
    let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "-q", "-o"]).arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let doc = lopdf::Document::load(&path).unwrap();
    let info = doc.trailer.get(b"Info").and_then(lopdf::Object::as_reference).unwrap();
    let info = doc.get_object(info).and_then(lopdf::Object::as_dict).unwrap();
    let mut keys = Vec::new();
    for (key, value) in info.iter() {
        let key = String::from_utf8_lossy(key).into_owned();
        assert!(!key.starts_with("GTS_"), "a PDF/X claim: {key}");
        if let lopdf::Object::String(bytes, _) = value {
            assert!(!bytes.is_empty(), "{key} is empty");
            let text = azint_report::typeset::tags::read_text_string(bytes);
            assert!(key == "Producer" || key == "Creator" || !text.contains("azint-report"), "{key} names the tool: {text}");
        }
        keys.push(key);
    }
    assert!(keys.contains(&"Title".to_owned()) && keys.contains(&"Producer".to_owned()), "{keys:?}");
    // Nor does any page name the tool.
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    assert!(!text.contains("azint-report"), "a page names the tool");
}

/// Table cells are set ragged without hyphenation: a word breaks only when
/// it is wider than its cell (issue 9; a hyphenated "en-/gagement" at the
/// foot of three pages also read as a running footer to outloud).
#[test]
fn table_cells_hyphenate_no_word_that_fits() {
    let cell = "Active multilateral engagement and international organisations";
    let rows: String = (0..40).map(|i| format!("| {i} May 2025 | {cell} | {cell} | {cell} | {cell} | {cell} |\n")).collect();
    let text = format!(
        "| Date | A | B | C | D | E |\n| --- | --- | --- | --- | --- | --- |\n{rows}| x | y | Supercalifragilisticexpialidociousnessesquesomethingevenlonger | z | z | z |\n"
    );
    let typeset = typeset::typeset(&text, &options(Paper::A4));
    let mut broken = Vec::new();
    for page in &typeset.document.pages {
        for (_, item) in &page.items {
            if let Item::Text(t) = item {
                if t.text.ends_with('-') {
                    broken.push(t.text.clone());
                }
            }
        }
    }
    assert!(broken.iter().all(|t| t.starts_with("Supercalifragilistic")), "hyphenated words that fit: {broken:?}");
}

/// Issue 13: the index of partners links each event to its pillar's
/// section; in the PDF those links go to the heading's page, not to a
/// `#fragment` no viewer can follow.
#[test]
fn links_to_sections_go_to_their_heading_page() {
    use azint_report::typeset::display::Target;
    let doc = &default_typeset().document;
    let mut internal = 0;
    for page in &doc.pages {
        for (_, item) in &page.items {
            if let Item::Link { target, .. } = item {
                match target {
                    Target::Uri(uri) => assert!(!uri.starts_with('#'), "unresolved {uri}"),
                    Target::Page { page, .. } => {
                        assert!(*page < doc.pages.len());
                        internal += 1;
                    }
                    Target::Note(_) | Target::NoteRef(_) => panic!("an unresolved footnote link"),
                }
            }
        }
    }
    let energy = doc.headings.iter().find(|h| h.title.ends_with("Energy and green transition diplomacy")).unwrap();
    let to_energy = doc.pages.iter().flat_map(|p| &p.items).any(|(_, i)| {
        matches!(i, Item::Link { target: Target::Page { page, y }, .. } if *page == energy.page && *y == energy.y)
    });
    assert!(to_energy, "no link to the energy section");
    // The index of partners' pillars and the judgements' evidence.
    assert!(internal > 30, "{internal}");
}

/// The titles of an index's sub-entries that name a section
/// (`[title](#section), date`), in order.
fn index_titles(markdown: &str) -> Vec<String> {
    let blocks = blocks::parse(markdown);
    let Some(at) = blocks.iter().position(|b| *b == Block::Index) else { return Vec::new() };
    let Some(Block::List { items, .. }) = blocks[at..].iter().find(|b| matches!(b, Block::List { .. })) else { return Vec::new() };
    let mut titles = Vec::new();
    for item in items {
        for block in item {
            let Block::List { items: subs, .. } = block else { continue };
            for sub in subs {
                if let Some(Block::Paragraph { runs }) = sub.first() {
                    if let Some(url) = runs.first().and_then(|r| r.link.as_deref()).filter(|u| u.starts_with('#')) {
                        let linked: Vec<_> = runs.iter().take_while(|r| r.link.as_deref() == Some(url)).cloned().collect();
                        titles.push(plain(&linked));
                    }
                }
            }
        }
    }
    titles
}

/// The page numbers an index prints, in reading order, with the page they
/// stand on: digits set flush right in the text area after the heading
/// `index`.
fn index_numbers(doc: &azint_report::typeset::Document, index: &str) -> Vec<(usize, usize)> {
    let start = doc.headings.iter().find(|h| h.title == index).expect("the index heading");
    let mut numbers = Vec::new();
    for (n, page) in doc.pages.iter().enumerate().skip(start.page) {
        let mut on_page: Vec<(Pt, usize)> = page
            .items
            .iter()
            .filter_map(|(p, i)| match i {
                Item::Text(t) if (n > start.page || p.y > start.y)
                    && !t.text.is_empty()
                    && t.text.chars().all(|c| c.is_ascii_digit())
                    && ((p.x + t.width) - page.area.right()).0.abs() < 0.6 =>
                {
                    Some((p.y, t.text.parse().unwrap()))
                }
                _ => None,
            })
            .collect();
        on_page.sort_by(|a, b| a.0 .0.total_cmp(&b.0 .0));
        numbers.extend(on_page.into_iter().map(|(_, number)| (n, number)));
    }
    numbers
}

/// The letters of the body text of one page above `above`, in order.
fn page_letters(page: &azint_report::typeset::display::Page, above: Pt) -> String {
    page.items
        .iter()
        .filter_map(|(p, i)| match i {
            Item::Text(t) if p.y < above => Some(letters(&t.text)),
            _ => None,
        })
        .collect()
}

/// Every event of the default briefing's chronology as `(title, the anchor
/// of its pillar's section)`, the title as written, less its kind after it.
fn chronology_events(markdown: &str) -> Vec<(String, String)> {
    let chronology = &markdown[markdown.find("## Chronology").expect("a chronology")..markdown.find("## Sources").unwrap()];
    let anchor = |pillar: &str| match pillar {
        "Diplomacy" => "1-multi-vector-diplomacy",
        "Connectivity" => "2-connectivity-and-transport-expansion",
        "Energy" => "3-energy-and-green-transition-diplomacy",
        "Multilateral" => "4-active-multilateral-engagement",
        other => panic!("pillar {other}"),
    };
    chronology
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Date") && !l.starts_with("| Event") && !l.starts_with("| ---"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            let (title, pillar) = (cells[cells.len() - 2], cells[cells.len() - 1]);
            let title = title.rsplit_once("\u{a0}·\u{a0}").map_or(title, |(title, _)| title);
            (title.to_owned(), anchor(pillar).to_owned())
        })
        .collect()
}

/// `markdown` with a book index of `events` (`<!-- index -->`), as a desk's
/// template may set one: the briefing's points by pillar and date (#27).
fn with_book_index(markdown: &str, events: &[(String, String)]) -> String {
    let mut md = format!("{markdown}\n## Book index\n\n<!-- index -->\n- **Every event**\n");
    for (title, anchor) in events {
        md.push_str(&format!("  - [{title}](#{anchor})\n"));
    }
    md
}

/// Issue 13: each event of a PDF's index carries the number of the page
/// where that event stands: its pillar's highlight when it is one, else
/// its row in the chronology, always before the index.
#[test]
fn the_index_of_partners_names_the_page_of_each_event() {
    let md = with_book_index(default_markdown(), &chronology_events(default_markdown()));
    let doc = &typeset::typeset(&md, &options(Paper::A4)).document;
    let titles = index_titles(&md);
    let numbers = index_numbers(doc, "Book index");
    assert_eq!(titles.len(), 30);
    assert_eq!(titles.len(), numbers.len(), "one number an event");
    let index = doc.headings.iter().find(|h| h.title == "Book index").unwrap();
    let mut highlights = 0;
    for (title, &(_, number)) in titles.iter().zip(&numbers) {
        let page = number - 1;
        assert!(page <= index.page, "{title}: page {number} is after the index");
        // Above the index, where the index begins on that page.
        let above = if page == index.page { index.y } else { Pt(f32::MAX) };
        assert!(page_letters(&doc.pages[page], above).contains(&letters(title)), "{title} is not on page {number}");
        if let Some(h) = doc.headings.iter().find(|h| h.level == 4 && h.title == *title) {
            assert_eq!(h.page, page, "{title}: a highlight, on page {}", h.page + 1);
            highlights += 1;
        }
    }
    assert!(highlights >= 8, "highlights named: {highlights}");
}

/// The index's numbers are set after pagination in room kept for them:
/// in a document of more than a hundred pages every number is right and
/// lies clear of its entry's text.
#[test]
fn index_numbers_are_right_in_a_long_document() {
    let mut md = String::new();
    for s in 1..=4 {
        md.push_str(&format!("## {s}. Section {s}\n\n"));
        for e in 1..=60 {
            md.push_str(&format!("#### Event {s}-{e} of a rather long and wordy title\n\n"));
            md.push_str(&"A paragraph of filler text that takes room on the page. ".repeat(28));
            md.push_str("\n\n");
        }
    }
    md.push_str("## Index\n\n<!-- index -->\n");
    for e in (1..=60).rev() {
        md.push_str(&format!("- **Partner {e}** (country)\n"));
        for s in 1..=4 {
            md.push_str(&format!("  - [Event {s}-{e} of a rather long and wordy title](#{s}-section-{s}), 2024\n"));
        }
        md.push_str("  - and 3 more events\n");
    }
    let typeset = typeset::typeset(&md, &options(Paper::A4));
    let doc = &typeset.document;
    assert!(doc.pages.len() > 100, "{} pages", doc.pages.len());
    let titles = index_titles(&md);
    let numbers = index_numbers(doc, "Index");
    assert_eq!(titles.len(), 240);
    assert_eq!(titles.len(), numbers.len());
    for (title, &(_, number)) in titles.iter().zip(&numbers) {
        let h = doc.headings.iter().find(|h| h.title == *title).unwrap();
        assert_eq!(number, h.page + 1, "{title}");
    }
    assert!(numbers.iter().any(|&(_, n)| n >= 100));
    // Each number stands clear of the text before it on its line.
    for (page, _) in numbers.iter().copied() {
        let items = &doc.pages[page].items;
        for (p, i) in items {
            let Item::Text(number) = i else { continue };
            if !number.text.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            for (q, j) in items {
                if let Item::Text(t) = j {
                    if (q.y - p.y).0.abs() < 0.6 && q.x < p.x {
                        assert!(q.x + t.width <= p.x, "{:?} runs into {}", t.text, number.text);
                    }
                }
            }
        }
    }
}

/// Without the chronology an event that is no highlight has no line of its
/// own before the index: its number is its pillar section's page.
#[test]
fn without_the_chronology_the_index_names_highlights_and_sections() {
    let output = bin()
        .args(["--period", "2024-2026", "--format", "md", "--as-of", AS_OF, "--no-chronology", "-q", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let md = with_book_index(&stdout(&output), &chronology_events(default_markdown()));
    let doc = typeset::typeset(&md, &options(Paper::A4)).document;
    let titles = index_titles(&md);
    let numbers = index_numbers(&doc, "Book index");
    assert_eq!(titles.len(), 30);
    assert_eq!(titles.len(), numbers.len());
    let sections: Vec<usize> = doc.headings.iter().filter(|h| h.level == 2 && h.title.starts_with(char::is_numeric)).map(|h| h.page).collect();
    let (mut highlights, mut others) = (0, 0);
    for (title, &(_, number)) in titles.iter().zip(&numbers) {
        match doc.headings.iter().find(|h| h.level == 4 && h.title == *title) {
            Some(h) => {
                assert_eq!(h.page + 1, number, "{title}");
                highlights += 1;
            }
            None => {
                assert!(sections.contains(&(number - 1)), "{title}: page {number} starts no pillar section");
                others += 1;
            }
        }
    }
    assert!(highlights > 0 && others > 0, "{highlights} {others}");
}

/// `<!-- index -->` before lists of any shape (no sub-entries, deeper
/// nesting, links to no section, no links, a hint not followed by a list):
/// laid out without a panic, every glyph in the text area; a list after
/// other text is no index.
#[test]
fn odd_indexes_are_laid_out_safely() {
    let md = "## 1. A\n\n#### Twice\n\n#### Twice\n\nText.\n\n## Index\n\n<!-- index -->\n\
        - **Alone**\n- [Twice](#1-a), 2024\n- **Deep**\n  - [Twice](#1-a), 2024\n    - [Twice](#nowhere), 2025\n      - `code`\n  \
        - [Nowhere](#nowhere), 2025\n  - [](#1-a)\n  - plain words\n  - [Twice](https://example.org), 2024\n\
        - \n\n<!-- index -->\n\nA paragraph.\n\n- an ordinary list\n  - [Twice](#1-a), 2024\n";
    let typeset = typeset::typeset(md, &options(Paper::A4));
    check_geometry(&typeset);
    let numbers = index_numbers(&typeset.document, "Index");
    // Only "Twice" under "Deep" is a sub-entry naming a place that exists
    // (a heading of section 1-a, page 1); a link to no section, an empty
    // title, a third level and the ordinary list after the paragraph get
    // no number.
    assert_eq!(numbers, [(0, 1)]);
}
