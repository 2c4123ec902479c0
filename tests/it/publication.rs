//! Issue 9, the briefing as a publication: what an editor would check on
//! every page, tested on the display list and on the Markdown.

use azint_report::options::Paper;
use azint_report::typeset::blocks::{self, plain, Block};
use azint_report::typeset::display::{Item, Page, Text};
use azint_report::typeset::fonts::Face;
use azint_report::typeset::{self, Typeset};

use crate::util::{bin, default_markdown, default_typeset, stderr, stdout, typeset_options, AS_OF};

/// The text items of a page, in drawing order.
fn page_texts(page: &Page) -> impl Iterator<Item = (azint_report::typeset::geom::Point, &Text)> {
    page.items.iter().filter_map(|(p, i)| match i {
        Item::Text(t) => Some((*p, t)),
        _ => None,
    })
}

/// The top-level blocks of each pillar's section ("## 1. …" to the next
/// level-2 heading).
fn pillar_sections(blocks: &[Block]) -> Vec<Vec<&Block>> {
    let mut sections: Vec<Vec<&Block>> = Vec::new();
    let mut inside = false;
    for block in blocks {
        if let Block::Heading { level: 2, runs } = block {
            inside = plain(runs).chars().next().is_some_and(|c| c.is_ascii_digit());
            if inside {
                sections.push(Vec::new());
            }
            continue;
        }
        if inside {
            if let Some(s) = sections.last_mut() {
                s.push(block);
            }
        }
    }
    sections
}

/// The pillars' numbers stand once, in the overview (issue 27, item 2):
/// one table of a column a pillar, whose rows of years and rows of kinds
/// each add up to the pillar's events in its first row; no pillar's
/// section repeats them in a table or a chart.
#[test]
fn the_pillars_counts_are_one_table_whose_rows_add_up() {
    let blocks = blocks::parse(default_markdown());
    let sections = pillar_sections(&blocks);
    assert_eq!(sections.len(), 4);
    for section in &sections {
        // A map's table (issue 26) says where, not how many: not counted.
        assert!(!section.iter().any(|b| matches!(b, Block::Table { header, .. } if plain(&header[0]) == "Kind")), "no table of kinds in a pillar");
        assert!(!section.iter().any(|b| matches!(b, Block::Code { lang, .. } if lang == "mermaid")), "no chart repeats the table");
    }
    let number = |cell: &Vec<blocks::Run>| plain(cell).split(' ').next().unwrap_or_default().parse::<usize>().unwrap_or(0);
    let table = |first: &str| {
        blocks
            .iter()
            .find_map(|b| match b {
                Block::Table { header, rows, .. } if plain(&header[0]) == first => Some((header.clone(), rows.clone())),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no table headed {first:?}"))
    };
    let (header, rows) = table("Pillar");
    assert_eq!(header.iter().map(|c| plain(c)).collect::<Vec<_>>(), ["Pillar", "Diplomacy", "Connectivity", "Energy", "Multilateral", "Total"]);
    let row = |name: &str| rows.iter().position(|r| plain(&r[0]) == name).unwrap_or_else(|| panic!("no row {name:?}"));
    let events: Vec<usize> = rows[row("Events")][1..header.len() - 1].iter().map(number).collect();
    assert_eq!(events, [9, 3, 7, 11]);
    assert_eq!((row("Share"), row("Related")), (1, 2));
    let rows = &rows[3..];
    let kinds = rows.iter().position(|r| plain(&r[0]) == "Summit").expect("the rows of kinds");
    let (years, kinds) = rows.split_at(kinds);
    // After the years, the planned events as a row of their own (issue
    // 25, item 6): part of the years' counts, never added to them.
    let (years, planned) = years.split_at(years.len() - 1);
    assert_eq!(plain(&planned[0][0]), "of them planned");
    assert!(plain(&years[0][0]).starts_with("Begun before") && years.len() == 5, "{}", years.len());
    for row in years.iter().chain(planned).chain(kinds) {
        let sum: usize = row[1..row.len() - 1].iter().map(number).sum();
        assert_eq!(sum, number(row.last().unwrap()), "row {:?}", plain(&row[0]));
    }
    for group in [years, kinds] {
        let sums: Vec<usize> = (1..=events.len()).map(|c| group.iter().map(|r| number(&r[c])).sum()).collect();
        assert_eq!(sums, events, "each pillar's events, by year and by kind");
    }
}

/// A table of a dozen rows is never split, wherever the page breaks.
#[test]
fn short_tables_are_never_split_across_pages() {
    let table: String = "| Kind | Events |\n| --- | ---: |\n".to_owned() + &(0..12).map(|i| format!("| kind {i} | {i} |\n")).collect::<String>();
    // Push the table down the first page line by line: wherever it starts,
    // its rows share a page.
    for filler in 12..31 {
        let md = format!("{}\nTable: Events by kind\n\n{table}", "A line of text.\n\n".repeat(filler));
        let typeset = typeset::typeset(&md, &typeset_options(Paper::A4));
        let pages: Vec<usize> = typeset
            .document
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| page_texts(p).any(|(_, t)| t.text.starts_with("kind")))
            .map(|(n, _)| n)
            .collect();
        assert_eq!(pages.len(), 1, "with {filler} lines above, the table is split over pages {pages:?}");
        let caption = typeset.document.pages.iter().position(|p| page_texts(p).any(|(_, t)| t.text == "Events by kind"));
        assert_eq!(caption, Some(pages[0]), "the caption stays with its table");
    }
}

/// Every caption, of a table or a chart, is set alike: the face and size
/// of a chart's title.
#[test]
fn tables_and_charts_share_one_caption_style() {
    let typeset = default_typeset();
    let find = |text: &str| {
        typeset
            .document
            .pages
            .iter()
            .flat_map(page_texts)
            .find(|(_, t)| t.text == text)
            .map(|(_, t)| (t.face, t.size, t.color))
            .unwrap_or_else(|| panic!("no caption {text:?}"))
    };
    // The timeline is the chart left (the pie repeated the pillar table,
    // the partner map replaced the region bars).
    let chart = find("Events of the period");
    assert_eq!(chart.0, Face::SansBold);
    assert_eq!(find("Events per pillar"), chart, "the table's caption");
    assert!(!default_markdown().contains("Events by kind:"), "no caption is a sentence ending in a colon");
    // The caption's mark is the Markdown's, not the page's.
    assert!(!typeset.document.pages.iter().flat_map(page_texts).any(|(_, t)| t.text.starts_with("Table:")));
}

/// Kinds are written one way: the data's word, capitalised at the start of
/// a table cell ("Summit" and "summit", never "Summits").
#[test]
fn kind_names_are_written_one_way() {
    let md = default_markdown();
    let words = azint_report::words::Catalogue::builtin();
    for kind in azint_report::dataset::Kind::ALL {
        let label = words.text("kind-name", &[("kind", kind.as_str().into())]);
        assert_eq!(label.to_lowercase(), kind.as_str());
        let plural = format!("| {label}s |");
        assert!(!md.contains(&plural), "{plural} in the Markdown");
    }
}

/// No heading repeats the heading it stands under ("Highlights:
/// Multi-vector diplomacy" under "1. Multi-vector diplomacy").
#[test]
fn no_heading_repeats_its_parent() {
    let blocks = blocks::parse(default_markdown());
    let mut parent = String::new();
    for block in &blocks {
        if let Block::Heading { level, runs } = block {
            let title = plain(runs);
            if *level == 2 {
                parent = title.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ').to_owned();
            } else if *level == 3 && !parent.is_empty() {
                assert!(!title.contains(&parent), "{title:?} repeats {parent:?}");
            }
        }
    }
}

/// A highlight reads as a hierarchy: its title, a small grey line of date,
/// kind and significance tight under it, the summary with bold labels run
/// in after it (no bullets, no paragraph of their own: issue 27, item 2),
/// in the PDF and in the Markdown.
#[test]
fn highlights_have_a_title_a_dateline_and_run_in_labels() {
    let md = default_markdown();
    assert!(md.contains("\n*February 2026* · agreement · major (4/5)\n"), "the dateline is its own line, opening in italics");
    assert!(md.contains("economic development, security and technology. **Partners:** United States.\n"), "labels are bold and run in");
    assert!(md.contains("since its founding in 1996. **Partners:** Developing Eight. **Figures:** "), "labels are bold and run in");
    assert!(!md.contains("- Partners:") && !md.contains("- Sources:"), "no bullets for labels");

    let typeset = default_typeset();
    let page = typeset
        .document
        .pages
        .iter()
        .find(|p| page_texts(p).any(|(_, t)| t.text.replace('\u{a0}', " ") == "February 2026 · agreement · major (4/5)"))
        .expect("a page with the dateline");
    let texts: Vec<_> = page_texts(page).collect();
    // The event's heading (the top highlights' list may hold a line of the same words).
    let (title_at, title) = texts.iter().find(|(_, t)| t.text == "United States–Azerbaijan Strategic Partnership Charter" && t.face == Face::SansBold).copied().unwrap();
    let (line_at, line) = texts.iter().find(|(_, t)| t.text.replace('\u{a0}', " ") == "February 2026 · agreement · major (4/5)").copied().unwrap();
    assert_eq!(line.face, Face::Sans);
    assert!(line.size < title.size && line.size.0 < 9.0, "the dateline is small");
    let grey = line.color;
    assert!(grey.r > 0.25 && (grey.r - grey.g).abs() < 0.05, "the dateline is grey: {grey:?}");
    let gap = (line_at.y - title_at.y).0;
    // A paragraph after a heading would sit a leading and a paragraph gap
    // (20 pt) below it.
    assert!(gap > 0.0 && gap < 15.0, "the dateline sits tight under the title: {gap}");
    // The labels follow on this page, or on the next when the page ends
    // after the summary (as it does in a draft, whose DRAFT line moves
    // the text down).
    let index = typeset.document.pages.iter().position(|p| std::ptr::eq(p, page)).unwrap();
    let labelled = |p: &&Page| page_texts(p).any(|(_, t)| t.text.starts_with("Partners:"));
    let texts: Vec<_> = typeset.document.pages[index..].iter().take(2).find(labelled).map(|p| page_texts(p).collect()).unwrap_or(texts);
    let (label_at, label) = texts.iter().find(|(_, t)| t.text.starts_with("Partners:")).copied().unwrap();
    assert_eq!(label.face, Face::SerifBold);
    // The value's first word follows the label on its line.
    let line: Vec<&str> = texts.iter().filter(|(p, _)| (p.y - label_at.y).0.abs() < 0.5).map(|(_, t)| t.text.as_str()).collect();
    assert!(texts.iter().any(|(p, t)| t.text.trim_start().starts_with("United") && (p.y - label_at.y).0.abs() < 0.5 && p.x > label_at.x), "the value runs in after its label: {line:?}");
    assert!(!texts.iter().any(|(p, t)| t.text == "•" && (p.y - label_at.y).0.abs() < 0.5), "no bullet before a label");
}

/// The chronology's section of the default briefing's Markdown.
fn chronology_markdown(md: &str) -> &str {
    &md[md.find("## Chronology").unwrap()..md.find("## Sources").unwrap()]
}

/// The chronology is grouped by year: a heading per year, and under it
/// only the events that began that year; those begun before the period
/// under a heading of their own (issue 27, item 6).
#[test]
fn the_chronology_is_grouped_by_year() {
    let chronology = chronology_markdown(default_markdown());
    let years: Vec<&str> = chronology.lines().filter_map(|l| l.strip_prefix("### ")).collect();
    assert_eq!(years, ["Begun before 2024", "Events of 2024", "Events of 2025", "Events of 2026", "Undated, 2024–2026"]);
    let blocks = blocks::parse(chronology);
    let mut year = String::new();
    for block in &blocks {
        match block {
            Block::Heading { level: 3, runs } => year = plain(runs).trim_start_matches("Events of ").to_owned(),
            Block::Table { rows, .. } if year.len() == 4 => {
                for row in rows {
                    let date = plain(&row[0]);
                    let first_year = date.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 4).unwrap();
                    assert_eq!(first_year, year, "{date} under {year}");
                }
            }
            _ => {}
        }
    }
}

/// A dataset with many events in one year: that year's chronology is
/// grouped by month, events known only to the year apart.
#[test]
fn a_long_chronology_is_grouped_by_month_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut toml = String::from("schema = 1\n\n[[pillar]]\nid = \"energy\"\nname = \"Energy and green transition\"\nshort = \"Energy\"\n");
    for i in 0..60 {
        let date = if i % 20 == 0 { "\"2025\"".to_owned() } else { format!("2025-{:02}-{:02}", i % 12 + 1, i % 28 + 1) };
        toml.push_str(&format!(
            "\n[[event]]\nid = \"e{i}\"\ntitle = \"Event {i}\"\ndate = {date}\npillar = \"energy\"\nkind = \"visit\"\nsignificance = 2\nsummary = \"S.\"\nsources = [{{ name = \"Desk\" }}]\n"
        ));
    }
    std::fs::write(dir.path().join("data.toml"), toml).unwrap();
    let output = bin().args(["--period", "2025", "--format", "md", "--as-of", AS_OF, "-q", "-o", "-", "--data"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let md = stdout(&output);
    let chronology = chronology_markdown(&md);
    let months: Vec<&str> = chronology.lines().filter_map(|l| l.strip_prefix("#### ")).collect();
    assert_eq!(months.len(), 13, "{months:?}");
    assert_eq!(months[0], "2025, month not known");
    assert_eq!(months[1], "January 2025");
    assert_eq!(months[12], "December 2025");
    assert_eq!(chronology.matches("| Date | Event | Pillar |\n").count(), 13);
}

/// In the chronology's table a date never wraps, the pillar is a colour
/// chip and a short name, and no name is hyphenated.
#[test]
fn chronology_dates_never_wrap_and_pillars_are_chips_with_short_names() {
    let typeset = default_typeset();
    let blocks = blocks::parse(chronology_markdown(default_markdown()));
    let dates: Vec<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table { rows, header, .. } if plain(&header[0]) == "Date" => Some(rows.iter().map(|r| plain(&r[0]))),
            _ => None,
        })
        .flatten()
        .collect();
    assert!(dates.len() >= 19);
    let drawn: Vec<&Text> = typeset.document.pages.iter().flat_map(page_texts).map(|(_, t)| t).collect();
    for date in &dates {
        // One text item, whatever space the PDF sets between a day and
        // its month.
        let same = |t: &str| t.replace('\u{a0}', " ") == date.replace('\u{a0}', " ");
        assert!(drawn.iter().any(|t| same(&t.text)), "{date} is not one line");
    }
    let palette: Vec<azint_report::typeset::geom::Color> =
        (0..4).map(|i| azint_report::typeset::chart::parse_color(azint_report::palette::hex(i)).unwrap()).collect();
    // The chronology's pages only: a partner's pillar in the executive
    // summary's table may carry its chip too.
    let start = typeset.document.headings.iter().find(|h| h.title == "Chronology").unwrap();
    let end = typeset.document.headings.iter().find(|h| h.title == "Sources").unwrap();
    let mut chips = 0;
    for page in &typeset.document.pages[start.page..=end.page] {
        let texts: Vec<_> = page_texts(page).collect();
        for (at, item) in &page.items {
            let Item::Fill { size, color } = item else { continue };
            if size.w != size.h || size.w.0 > 8.0 || !palette.contains(color) {
                continue;
            }
            // A name right of the square, on its baseline.
            let name = texts.iter().find(|(p, _)| (p.y - (at.y + size.h)).0.abs() < 0.6 && (p.x - at.x).0 > 0.0 && (p.x - at.x).0 < 12.0);
            let (_, name) = name.expect("a chip with no name beside it");
            assert!(["Diplomacy", "Connectivity", "Energy", "Multilateral"].contains(&name.text.as_str()), "{:?}", name.text);
            chips += 1;
        }
    }
    assert_eq!(chips, 30, "every event of the chronology has a chip");
    for (n, page) in typeset.document.pages.iter().enumerate().take(end.page + 1).skip(start.page) {
        for (at, t) in page_texts(page) {
            let inside = (n > start.page || at.y > start.y) && (n < end.page || at.y < end.y);
            assert!(!inside || !t.text.ends_with('-'), "hyphenated in the chronology: {:?}", t.text);
        }
    }
}

/// A pillar's `short` name is checked: one line, a word or two.
#[test]
fn a_long_short_name_is_refused() {
    let output = bin().args(["check", "--data", "tests/fixtures/invalid/pillar-short-too-long.toml"]).current_dir(crate::util::root()).output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    assert!(stderr(&output).contains("pillar-short-too-long.toml:6:9: error: `short` is longer than 20 characters"), "{}", stderr(&output));
}

/// The running header names the title and period, and the section in
/// force at the top of the page; in the chronology, the year too.
#[test]
fn the_running_header_names_the_section_and_in_the_chronology_the_year() {
    let typeset = default_typeset();
    let heads: Vec<String> = typeset
        .document
        .pages
        .iter()
        .map(|p| {
            p.furniture
                .iter()
                .filter_map(|(_, i)| match i {
                    Item::Text(t) if !t.text.starts_with("Page ") => Some(t.text.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    assert_eq!(heads[0], "", "no running header on the title page");
    assert!(heads[1..].iter().all(|h| h.starts_with("Azerbaijan’s International Integration · 2024–2026 | ")), "{heads:#?}");
    let headings = &typeset.document.headings;
    for (i, heading) in headings.iter().enumerate() {
        let page = heading.page;
        if heading.level == 2 && page > 0 {
            // The pages after a section's first one name it, up to the
            // page the next section starts on.
            let next = headings[i + 1..].iter().find(|h| h.level == 2);
            let last = next.map_or(typeset.document.pages.len() - 1, |n| n.page - 1);
            for (p, head) in heads.iter().enumerate().take(last + 1).skip(page + 1) {
                // A title too long for the header is cut with an ellipsis.
                let shown = head.rsplit(" | ").next().unwrap_or_default();
                let cut = shown.strip_suffix('…').is_some_and(|s| heading.title.starts_with(s.trim_end()));
                assert!(
                    cut || head.ends_with(&heading.title) || head.contains(&format!("{} · ", heading.title)),
                    "page {}: {head}",
                    p + 1
                );
            }
        }
    }
    let year = |h: &String| h.rsplit_once("Chronology · ").is_some_and(|(_, y)| y.len() == 4 && y.parse::<i32>().is_ok());
    assert!(heads.iter().any(year), "{heads:#?}");
}

/// Running text is set to the measure that tables, charts and rules share
/// (issue 27: one right edge), 75 to 92 characters a line, about 84 on
/// average: every full line of a justified paragraph (one that reaches the
/// measure), and no line of body text runs past it.
#[test]
fn body_text_is_set_to_one_measure_of_75_to_92_characters() {
    let typeset = default_typeset();
    let mut lengths = Vec::new();
    for page in &typeset.document.pages {
        let left = page.area.origin.x;
        // Per baseline: where the line starts and ends, and its text (a
        // list's marker apart).
        let mut lines: std::collections::BTreeMap<i64, (f32, f32, String)> = Default::default();
        let mut mixed = std::collections::BTreeSet::new();
        for (at, t) in page_texts(page) {
            let body = matches!(t.face, Face::Serif | Face::SerifBold | Face::SerifItalic | Face::SerifBoldItalic) && t.size.0 == 10.0;
            let key = (at.y.0 * 10.0).round() as i64;
            if !body && at.x.0 >= left.0 && at.x.0 < left.0 + 400.0 {
                // Inline code in the line: its characters are not counted.
                mixed.insert(key);
            }
            if body && t.color != azint_report::typeset::geom::Color::rgb(0x5f, 0x63, 0x68) {
                let line = lines.entry(key).or_insert((f32::MAX, 0.0, String::new()));
                line.0 = line.0.min((at.x - left).0);
                line.1 = line.1.max((at.x + t.width - left).0);
                line.2.push_str(&t.text);
            }
        }
        for (key, (start, end, text)) in &lines {
            let width = end - start;
            assert!(width <= 400.5, "a line of body text is wider than the measure ({width} pt): {text}");
            // A full line of a justified paragraph ends at the measure.
            if *start < 0.5 && (end - 400.0).abs() < 0.5 && !mixed.contains(key) {
                lengths.push(text.trim().chars().count());
            }
        }
    }
    assert!(lengths.len() > 25, "{} full lines", lengths.len());
    let mean = lengths.iter().sum::<usize>() as f64 / lengths.len() as f64;
    let outside: Vec<&usize> = lengths.iter().filter(|&&n| !(75..=92).contains(&n)).collect();
    assert!((78.0..=88.0).contains(&mean), "mean {mean:.1} characters a line");
    assert!(outside.len() * 20 <= lengths.len(), "more than one line in twenty outside 75-92: {outside:?}");
}

/// The timeline's sentence counts truly: "All 30 events" when it shows
/// every one, "the 40 most significant … of the 50" only when there are
/// more; its axis spans the period though every event is in its last year.
#[test]
fn the_timeline_says_how_many_it_shows_and_spans_the_period() {
    let md = default_markdown();
    assert!(md.contains("All 30 events of the period, one lane per pillar"), "{md}");
    assert!(md.contains("%% period: 2024-01-01 2026-12-31"));
    let dir = tempfile::tempdir().unwrap();
    let mut toml = String::from("schema = 1\n\n[[pillar]]\nid = \"energy\"\nname = \"Energy and green transition\"\n");
    for i in 0..50 {
        toml.push_str(&format!(
            "\n[[event]]\nid = \"e{i}\"\ntitle = \"Event {i}\"\ndate = 2026-{:02}-{:02}\npillar = \"energy\"\nkind = \"visit\"\nsignificance = {}\nsummary = \"S.\"\nsources = [{{ name = \"Desk\" }}]\n",
            i % 12 + 1,
            i % 28 + 1,
            i % 5 + 1
        ));
    }
    std::fs::write(dir.path().join("data.toml"), toml).unwrap();
    let output = bin().args(["--period", "2024-2026", "--format", "md", "--as-of", AS_OF, "-q", "-o", "-", "--data"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let md = stdout(&output);
    // Issue 27, item 5: more than the timeline draws one by one: counted
    // by month and lane, all 50.
    assert!(md.contains("50 events of the period, too many to draw one by one"), "{md}");
    let typeset = typeset::typeset(&md, &typeset_options(Paper::A4));
    let labels: Vec<String> = typeset.document.pages.iter().flat_map(page_texts).map(|(_, t)| t.text.clone()).collect();
    let at = labels.iter().position(|t| t == "Events of the period").expect("the timeline's title");
    let axis: Vec<&String> = labels[at..].iter().take_while(|t| !t.starts_with("a cell")).filter(|t| t.len() == 4 && t.parse::<i32>().is_ok()).collect();
    assert_eq!(axis, ["2024", "2025", "2026"], "the axis spans the period, not the events' year");
    // Without the chronology, the most significant 40 are drawn.
    let output = bin().args(["--period", "2024-2026", "--format", "md", "--as-of", AS_OF, "-q", "-o", "-", "--no-chronology", "--data"]).arg(dir.path()).output().unwrap();
    assert!(stdout(&output).contains("The 40 most significant events of the 50 of the period"), "{}", stdout(&output));
}

/// How much of each page's text area is left blank at its foot, as a
/// fraction, and whether the next page opens with a level-2 heading (a
/// new top-level section).
fn blank_feet(typeset: &Typeset) -> Vec<(usize, f32, bool)> {
    let pages = &typeset.document.pages;
    let mut out = Vec::new();
    for (n, page) in pages.iter().enumerate().take(pages.len().saturating_sub(1)) {
        let area = page.area;
        // The body's lowest mark, footnotes apart (8 pt serif text and
        // their short rule).
        let lowest = page
            .items
            .iter()
            .filter(|(_, i)| match i {
                // Footnote text and the raised numbers in it.
                Item::Text(t) => t.face != Face::Serif || t.size.0 != 8.0 && t.size.0 >= 6.0,
                _ => true,
            })
            .filter(|(p, i)| !matches!(i, Item::Line { to, .. } if (to.x - p.x).0 == 72.0))
            .filter_map(|(p, i)| match i {
                Item::Text(t) => Some(p.y + t.size * 0.3),
                Item::Fill { size, .. } => Some(p.y + size.h),
                Item::Line { to, .. } => Some(p.y.max(to.y)),
                Item::Image { size, .. } => Some(p.y + size.h),
                Item::Polygon { points, .. } => points.iter().map(|q| q.y).reduce(|a, b| a.max(b)),
                _ => None,
            })
            .fold(area.origin.y, |a, b| a.max(b));
        let blank = (area.bottom() - lowest).0 / area.size.h.0;
        let section_next = typeset.document.headings.iter().any(|h| h.level <= 2 && h.page == n + 1 && h.y <= pages[n + 1].area.origin.y + azint_report::typeset::geom::Pt(1.0));
        out.push((n + 1, blank, section_next));
    }
    out
}

/// No page ends more than a quarter blank, unless a new top-level section
/// starts on the next: a figure that does not fit goes to the next page and
/// the text after it fills the gap. The default briefing and one of 300
/// events.
#[test]
fn no_page_is_left_more_than_a_quarter_blank() {
    let check = |name: &str, typeset: &Typeset| {
        let feet = blank_feet(typeset);
        eprintln!("{name}: {:?}", feet.iter().map(|f| format!("p{} {:.2}{}", f.0, f.1, if f.2 { "§" } else { "" })).collect::<Vec<_>>());
        // The title page is left out: its title block and contents decide
        // where its text starts (a 300-event briefing's contents leave
        // room for one paragraph of the summary, not for the key
        // judgements' box that follows it).
        let gaps: Vec<_> = feet.iter().filter(|(page, blank, section)| *page > 1 && *blank > 0.25 && !section).collect();
        assert!(gaps.is_empty(), "{name}: pages more than a quarter blank: {gaps:?}");
    };
    check("default", default_typeset());
    // A larger dataset: 300 events of four pillars and every kind.
    let dir = tempfile::tempdir().unwrap();
    let mut toml = String::from("schema = 1\n");
    for (id, name) in [("a", "Multi-vector diplomacy"), ("b", "Connectivity and transport"), ("c", "Energy and green transition"), ("d", "Active multilateral engagement")] {
        toml.push_str(&format!("\n[[pillar]]\nid = \"{id}\"\nname = \"{name}\"\nsummary = \"What the pillar means, in one sentence of some length for the section.\"\n"));
    }
    let kinds = ["summit", "visit", "agreement", "membership", "chairmanship", "resolution", "programme", "contract", "infrastructure", "mission", "statement", "other"];
    for i in 0..300usize {
        let date = match i % 7 {
            0 => format!("\"{}\"", 2024 + i % 3),
            1 => format!("\"{}-{:02}\"", 2024 + i % 3, i % 12 + 1),
            _ => format!("{}-{:02}-{:02}", 2024 + i % 3, i % 12 + 1, i % 28 + 1),
        };
        toml.push_str(&format!(
            "\n[[event]]\nid = \"e{i}\"\ntitle = \"Event number {i} with a title of ordinary length\"\ndate = {date}\npillar = \"{}\"\nkind = \"{}\"\nsignificance = {}\npartners = [\"Partner {}\"]\nsummary = \"What happened, in a sentence or two that a reader can take in at a glance.\"\nsources = [{{ name = \"Desk\" }}]\n",
            ["a", "b", "c", "d"][i % 4],
            kinds[i % 12],
            i % 5 + 1,
            i % 17
        ));
    }
    std::fs::write(dir.path().join("data.toml"), toml).unwrap();
    let output = bin().args(["--period", "2024-2026", "--format", "md", "--as-of", AS_OF, "-q", "-o", "-", "--data"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    check("300 events", &typeset::typeset(&stdout(&output), &typeset_options(Paper::A4)));
}

/// A table that does not fit goes to the next page, and the paragraphs
/// after it fill the room it leaves; a new section never passes it.
#[test]
fn text_after_a_figure_that_does_not_fit_fills_the_page() {
    let table: String = "Table: Twelve rows\n\n| Kind | Events |\n| --- | ---: |\n".to_owned() + &(0..12).map(|i| format!("| kind {i} | {i} |\n")).collect::<String>();
    let md = format!(
        "## One\n\n{}\n{table}\nAfter the table, first paragraph.\n\nAfter the table, second paragraph.\n\n### A subsection\n\nIn the subsection.\n\n## Two\n\nThe next section.\n",
        "A line of text.\n\n".repeat(24)
    );
    let typeset = typeset::typeset(&md, &typeset_options(Paper::A4));
    let page_of = |text: &str| typeset.document.pages.iter().position(|p| page_texts(p).any(|(_, t)| t.text.replace('\u{a0}', " ").starts_with(text))).unwrap();
    assert_eq!(page_of("kind 0"), 1, "the table goes to the next page");
    assert_eq!(page_of("After the table, first"), 0, "the text after it fills the first");
    assert_eq!(page_of("After the table, second"), 0);
    assert_eq!(page_of("In the subsection"), 0, "a subsection may pass a figure");
    assert_eq!(page_of("The next section"), 1, "a section may not");
    let feet = blank_feet(&typeset);
    assert!(feet[0].1 <= 0.25, "{feet:?}");
}

/// The chronology's tables, one a year, line up: their columns start at
/// the same places.
#[test]
fn the_chronology_tables_line_up() {
    let typeset = default_typeset();
    let mut starts: Vec<Vec<i32>> = Vec::new();
    for page in &typeset.document.pages {
        let texts: Vec<_> = page_texts(page).collect();
        for (at, t) in &texts {
            if t.text == "Date" {
                let row: Vec<i32> = texts.iter().filter(|(p, _)| (p.y - at.y).0.abs() < 0.5).map(|(p, _)| p.x.0.round() as i32).collect();
                starts.push(row);
            }
        }
    }
    assert!(starts.len() >= 3, "{starts:?}");
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "columns differ: {starts:?}");
}
