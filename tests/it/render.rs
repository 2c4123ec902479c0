//! The Markdown briefing: content, escaping, determinism, templates.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::util::{bin, fixture, stderr, stdout, AS_OF};

/// The briefing for `args`, written to standard output.
fn briefing(args: &[&str]) -> String {
    let output = bin()
        .args(["--format", "md", "--as-of", AS_OF, "-q", "-o", "-"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn default_briefing() {
    insta::assert_snapshot!(briefing(&["--period", "2024-2026"]));
}

#[test]
fn two_runs_give_identical_bytes() {
    let first = bin()
        .args([
            "--period",
            "2024-2026",
            "--format",
            "md",
            "--as-of",
            AS_OF,
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    let second = bin()
        .args([
            "--period",
            "2024-2026",
            "--format",
            "md",
            "--as-of",
            AS_OF,
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    assert!(!first.stdout.is_empty());
    assert_eq!(first.stdout, second.stdout);
}

/// Every dated or checkable fact of the News.Az article appears (with
/// every event a highlight, so that each event's figures are printed).
#[test]
fn the_briefing_states_the_facts_of_the_article() {
    let md = briefing(&["--period", "2024-2026", "--highlights", "20"]);
    for fact in [
        "11–22 November 2024",
        "New Collective Quantified Goal",
        "Article 6",
        "António Guterres",
        "Uganda",
        "CICA",
        "December 2024",
        "Developing Eight",
        "OIC Summit",
        "Karabakh Declaration",
        "Shusha",
        "right of return",
        "2025–2029",
        "2021–2025",
        "Uzbekistan, Kazakhstan and Kyrgyzstan",
        "9 August 2024",
        "Germany, the United Kingdom and Italy",
        "Serbia",
        "3 July 2024",
        "Thailand and Oman",
        "92",
        "Iran",
        "Southern Gas Corridor",
        "January 2026",
        "SEFE",
        "about 1.5 billion cubic metres of gas a year",
        "undated, 2024–2026",
        "2026 (planned)",
        "Media Development Agency of the Republic of Azerbaijan",
        "10 years",
        "April 2025",
        "Baku–Tbilisi–Kars",
        "from Baku to China",
        "30 September 2025",
        "Trans-Caspian",
        "February 2026",
        "Strategic Partnership Charter",
        "Russia",
    ] {
        assert!(md.contains(fact), "missing: {fact}");
    }
    assert!(!md.contains("&amp;"));
}

/// The text of every heading of level `level`.
fn headings(md: &str, level: pulldown_cmark::HeadingLevel) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level: l, .. }) if l == level => {
                current = Some(String::new())
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

/// The text of every table cell.
fn cells(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableCell) => current = Some(String::new()),
            Event::Text(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::TableCell) => out.extend(current.take()),
            Event::Html(_) | Event::InlineHtml(_) if current.is_some() => {
                panic!("data text became HTML")
            }
            _ => {}
        }
    }
    out
}

#[test]
fn markdown_special_characters_in_data_come_out_literally() {
    let md = briefing(&["--data", fixture("valid/small").to_str().unwrap()]);
    let title = "*Not* a [link] <b>|x|</b> & co";
    assert!(
        headings(&md, pulldown_cmark::HeadingLevel::H4).contains(&title.to_owned()),
        "{md}"
    );
    // The chronology's cell: the title, then its kind (in italics).
    assert!(cells(&md).contains(&format!("{title}\u{a0}·\u{a0}statement")), "{:?}", cells(&md));
    assert!(headings(&md, pulldown_cmark::HeadingLevel::H1)
        .contains(&"Test *briefing* & co".to_owned()));
    let text: String = Parser::new(&md)
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.into_string()),
            _ => None,
        })
        .collect();
    assert!(
        text.contains("1. Starts like a list; has `code`, _under_ & #hash; ends \\"),
        "{text}"
    );
    assert!(text.contains("Partners: A|B and Şuşa"));
}

#[test]
fn periods_keep_events_whose_span_overlaps() {
    // 2025: three events of 2025, the 2021–2025 UN framework, the
    // 2024–2026 CICA chairmanship, and the eleven facts the article places
    // somewhere in 2024–2026 (which may fall in any part of it).
    let md = briefing(&["--period", "2025"]);
    assert!(md.contains("In 2025 the dataset records 16 events"), "{md}");
    assert!(md.contains("UN Sustainable Development Cooperation Framework 2021–2025"));
    assert!(!md.contains("COP29 UN Climate Change Conference in Baku"));
    // COP29's twelve days overlap a period of a few days inside them.
    let md = briefing(&["--period", "2024-11-15..2024-11-20"]);
    assert!(md.contains("COP29 UN Climate Change Conference in Baku"));
    assert!(!md.contains("Unanimous admission to the Developing Eight"));
    let md = briefing(&["--period", "2026-02"]);
    assert!(md.contains("Strategic Partnership Charter"));
    assert!(!md.contains("SOCAR begins supplying gas"));
    // Undated within 2024–2026: in the period, and shown as undated.
    assert!(md.contains("### Undated, 2024–2026"), "{md}");
    assert!(md.contains("| Ten-year gas contract with Germany's SEFE, with additional volumes delivered to Austria (Annual volume: about 1.5 billion cubic metres of gas a year)\u{a0}·\u{a0}contract |"), "{md}");
}

#[test]
fn issue_27_the_default_period_runs_to_the_report_year() {
    let md = briefing(&[]);
    assert!(md.contains("Briefing for **2021–2026**"), "{}", &md[..400]);
    assert!(md.contains("records 30 events"));
}

#[test]
fn pillars_and_highlights_can_be_chosen() {
    let md = briefing(&[
        "--period",
        "2024-2026",
        "--pillar",
        "energy",
        "--highlights",
        "1",
    ]);
    let h2 = headings(&md, pulldown_cmark::HeadingLevel::H2);
    assert!(
        h2.contains(&"1. Energy and green transition diplomacy".to_owned()),
        "{h2:?}"
    );
    assert!(!h2.iter().any(|h| h.contains("Multi-vector")));
    let h4 = headings(&md, pulldown_cmark::HeadingLevel::H4);
    assert_eq!(h4, ["COP29 UN Climate Change Conference in Baku"]);
    assert!(md.contains("records 7 events across 1 pillar"));
}

#[test]
fn a_template_override_replaces_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sources.md.hbs"),
        "## Where this comes from\n\n{{#each list}}\n- {{name}}\n{{/each}}\n",
    )
    .unwrap();
    let md = briefing(&[
        "--period",
        "2024-2026",
        "--templates",
        dir.path().to_str().unwrap(),
    ]);
    assert!(
        md.contains("## Where this comes from\n\n- News.Az\n"),
        "{md}"
    );
    assert!(md.contains("## Executive summary"));
}

#[test]
fn an_override_with_an_unknown_name_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pilar.md.hbs"), "x").unwrap();
    let output = bin()
        .args(["--format", "md", "-o", "-", "--templates"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    let err = stderr(&output);
    assert!(
        err.contains("pilar.md.hbs: error: `pilar.md.hbs` overrides no built-in template"),
        "{err}"
    );
    assert!(err.contains("help: did you mean `pillar.md.hbs`?"), "{err}");
}

#[test]
fn a_misspelt_variable_names_the_template_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pillar.md.hbs"),
        "## {{name}}\n\n{{sumary}}\n",
    )
    .unwrap();
    let output = bin()
        .args(["--format", "md", "-q", "-o", "-", "--templates"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    let err = stderr(&output);
    let expected = format!(
        "{}:3:1: error: template failed:",
        dir.path().join("pillar.md.hbs").display()
    );
    assert!(err.starts_with(&expected), "{err}");
    assert!(err.contains("`sumary` is not defined here"), "{err}");
    assert!(output.stdout.is_empty());
}

/// Issue 23, item 8: a chart given rows without a field it needs (here
/// the kinds, which have no colour) fails at the template's line, naming
/// the field, rather than drawing a chart of zeros.
#[test]
fn a_chart_of_rows_without_its_fields_names_the_field_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("counts.md.hbs"), "Kinds\n\n{{{mermaid_pie per_kind \"Kinds\"}}}\n").unwrap();
    let output = bin().args(["--format", "md", "-q", "-o", "-", "--as-of", "2026-02-12", "--templates"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    let expected = format!(
        "{}:3:1: error: template failed: parameter 1 of `mermaid_pie` (`per_kind`, item 1): missing field `colour`",
        dir.path().join("counts.md.hbs").display()
    );
    assert!(stderr(&output).starts_with(&expected), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}

/// Issue 15: a fact the source places somewhere in a span is counted in
/// no single year, listed apart, and said to be undated everywhere.
#[test]
fn undated_facts_are_counted_in_no_year_and_shown_as_undated() {
    let md = briefing(&["--data", fixture("valid/precision").to_str().unwrap(), "--period", "2024-2026", "--highlights", "5"]);
    // Energy: two dated events (2026), one undated in 2024–2026, one in
    // March–May 2025; the years hold only the dated ones (issue 27: one
    // table of a column a pillar, in the overview).
    assert!(md.contains("| Pillar | Energy | Diplomacy | Total |\n| --- | ---: | ---: | ---: |\n| Events | 4 (1 planned) | 2 | 6 |\n| Share | 66.7% | 33.3% | 100.0% |\n| Related | – | – | – |\n| 2025 | – | 1 | 1 |\n| 2026 | 2 | – | 2 |\n"), "{md}");
    // 2024, a year in which no event began, is no row (issue 27, item 6).
    assert!(!md.contains("| 2024 |"), "{md}");
    assert!(md.contains("| Undated, 2024–2026 | 1 | 1 | 2 |\n| Undated, March–May 2025 | 1 | – | 1 |\n"), "{md}");
    assert!(md.contains("| Contract | 1 | – | 1 |\n| Mission | – | 1 | 1 |\n| Statement | 1 | – | 1 |\n"), "{md}");
    assert!(md.contains("*undated, 2024–2026* · contract · major (4/5)"), "{md}");
    // The chronology: dated events in its table, the others grouped by span.
    let chronology = &md[md.find("## Chronology").unwrap()..md.find("## Sources").unwrap()];
    let dated = &chronology[..chronology.find("### Undated").unwrap()];
    assert!(!dated.contains("Undated within"), "{chronology}");
    assert!(chronology.contains("### Undated, 2024–2026\n"), "{chronology}");
    assert!(chronology.contains("### Undated, March–May 2025\n"), "{chronology}");
    assert!(chronology.contains("| Undated within spring 2025\u{a0}·\u{a0}statement | Energy |\n"), "{chronology}");
    // The timeline marks them for Mermaid (grey, named) and the PDF (flag).
    assert!(md.contains("Undated within 2024 to 2026 (undated) :crit, done, s4ue1, 2024-01-01, 2026-12-31"), "{md}");
    // Page one says how many, the overview's table how many per span; the
    // about-note does not say it again (issue 27, item 2).
    assert!(md.contains("3 facts are known only to lie somewhere in the period"), "{md}");
    assert!(!md.contains("somewhere in a span without a date of their own"), "{md}");
}

#[test]
fn plans_approximate_figures_and_source_notes_are_shown() {
    let md = briefing(&["--data", fixture("valid/precision").to_str().unwrap(), "--period", "2024-2026", "--highlights", "5"]);
    assert!(md.contains("*March 2026 (planned)* · summit · major (4/5)"), "{md}");
    assert!(md.contains("| March 2026 (planned) | Summit planned for 2026\u{a0}·\u{a0}summit | Energy |\n"), "{md}");
    assert!(md.contains("Summit planned for 2026 (planned) :crit, s4pme5, 2026-03-01, 2026-03-31"), "{md}");
    // Of equal significance, what happened ranks before what is planned,
    // though the plan is later.
    let held = md.find("#### Summit held in 2026\n").unwrap();
    let planned = md.find("#### Summit planned for 2026\n").unwrap();
    assert!(held < planned, "{md}");
    assert!(md.contains(" **Figures:** Volume: about 1.5 bcm/yr; Length: 10 years."), "{md}");
    assert!(md.contains("- Gazette: cited by 4 events. Funded by the Example Agency.\n"), "{md}");
    assert!(md.contains("1 event is only planned."), "{md}");
}

/// The about-note speaks to a reader: what the briefing covers, not the
/// files it came from (issue 27, item 3; `check` counts the files).
#[test]
fn the_about_note_says_what_the_briefing_covers_not_its_files() {
    let md = briefing(&["--data", fixture("valid/precision").to_str().unwrap(), "--period", "2024-2026"]);
    let about = &md[md.find("## About this briefing").expect("an about-note")..];
    assert!(about.contains("This briefing covers 1 January 2024 to 31 December 2026: the 6 events, of the 6 recorded in 2 pillars"), "{about}");
    // Page one and the overview's table count the undated facts and the
    // plans; the about-note does not say it again (issue 27, item 2).
    assert!(!about.contains("(\"undated, 2024–2026\")") && !about.contains("only announced"), "{about}");
    assert!(!about.contains("events/") && !about.contains(".toml") && !about.contains("Files with"), "{about}");
}

/// Issue 27, item 8: the Markdown has a table of contents of its own, a
/// list of links each to a heading it has; the PDF draws its contents
/// from the same list (with page numbers, not the list's links).
#[test]
fn issue_27_the_markdown_has_a_linked_table_of_contents() {
    let md = crate::util::default_markdown();
    assert!(!md.contains("<!-- toc -->"), "the marker is replaced");
    let list = &md[md.find("**Contents:**\n\n").expect("a contents title")..];
    let links: Vec<&str> = list.lines().skip(2).take_while(|l| l.starts_with("- [")).collect();
    assert!(links.len() >= 6, "{links:?}");
    let mut slugger = azint_report::slug::Slugger::default();
    let anchors: Vec<String> = headings(md, pulldown_cmark::HeadingLevel::H2).iter().map(|h| slugger.next(h)).collect();
    for link in &links {
        let target = &link[link.rfind("](#").unwrap() + 3..link.len() - 1];
        assert!(anchors.iter().any(|a| a == target), "{link} goes nowhere: {anchors:?}");
    }
    // A short PDF prints no contents (its outline leads; a long one's are
    // tested in makeup.rs) and never the Markdown's links.
    let text = crate::util::default_typeset().document.text_dump();
    assert!(!text.contains("Contents") && !text.contains("](#"), "no contents in a short PDF");
}
