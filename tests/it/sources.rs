//! The source registry, its grades, the first page's provenance sentence
//! and events' attribution and figures (issue 25, items 4 and 7).

use crate::util::{bin, stderr};

/// A pillar and one event citing `sources`, after `registry`.
fn dataset(registry: &str, sources: &str) -> String {
    format!(
        "[[pillar]]\nid = \"p\"\nname = \"P\"\n{registry}\n[[event]]\nid = \"e\"\ntitle = \"E\"\ndate = 2025-01-01\n\
         pillar = \"p\"\nkind = \"visit\"\nsignificance = 3\nsummary = \"S.\"\nsources = {sources}\n"
    )
}

const REGISTRY: &str = "[[source]]\nid = \"news-az\"\nname = \"News.Az\"\nkind = \"media\"\n";

/// `check` on one file: whether it passed, and its standard error.
fn check(text: &str) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.toml"), text).unwrap();
    let output = bin().current_dir(dir.path()).args(["check", "--data", "d.toml"]).output().unwrap();
    (output.status.success(), stderr(&output))
}

fn refused(text: &str, expected: &[&str]) {
    let (ok, err) = check(text);
    assert!(!ok, "accepted:\n{text}");
    for part in expected {
        assert!(err.contains(part), "`{part}` not in:\n{err}\nfor\n{text}");
    }
}

#[test]
fn events_cite_registered_sources_by_id_in_every_form() {
    for sources in [r#"["news-az"]"#, r#"[{ id = "news-az", credibility = 2 }]"#, r#"["news-az", { name = "Other" }]"#] {
        let (ok, err) = check(&dataset(REGISTRY, sources));
        assert!(ok, "{sources}: {err}");
    }
    // The inline form without a registry keeps working.
    assert!(check(&dataset("", r#"[{ name = "News.Az", published = 2026-02-12 }]"#)).0);
}

#[test]
fn an_unknown_source_id_is_an_error_at_its_place_with_a_suggestion() {
    // Line 17 is `sources`; the id stands at column 12.
    refused(
        &dataset(REGISTRY, r#"["news-za"]"#),
        &["d.toml:17:12: error: unknown source `news-za` in `sources`", "did you mean `news-az`?"],
    );
    refused(
        &dataset("", r#"[{ id = "news-az" }]"#),
        &["d.toml:13:12: error: unknown source `news-az`", "no `[[source]]` is defined"],
    );
}

#[test]
fn grades_off_the_admiralty_scale_are_errors_at_their_place() {
    let graded = REGISTRY.replace("kind", "reliability = \"G\"\nkind");
    refused(
        &dataset(&graded, r#"["news-az"]"#),
        &["d.toml:7:15: error: `reliability` is `G`: expected a grade of the Admiralty scale, `A` to `F`", "F reliability cannot be judged"],
    );
    refused(&dataset(&REGISTRY.replace("kind", "reliability = \"b\"\nkind"), r#"["news-az"]"#), &["grades are capital letters: `B`"]);
    refused(
        &dataset(REGISTRY, r#"[{ id = "news-az", credibility = 7 }]"#),
        &["d.toml:17:44: error: `credibility` is 7: expected a grade of the Admiralty scale, 1 (confirmed by other sources) to 6", "5 improbable"],
    );
    refused(&dataset(&REGISTRY.replace("\"media\"", "\"blog\""), r#"["news-az"]"#), &["d.toml:7:8: error: unknown kind `blog`", "state media"]);
}

#[test]
fn a_repeated_source_id_is_an_error_naming_the_first() {
    let twice = format!("{REGISTRY}{REGISTRY}");
    refused(
        &dataset(&twice, r#"["news-az"]"#),
        &["d.toml:9:6: error: duplicate source id `news-az`", "first defined at d.toml:5:6"],
    );
}

#[test]
fn a_citation_by_id_takes_nothing_but_its_credibility() {
    refused(
        &dataset(REGISTRY, r#"[{ id = "news-az", name = "News.Az" }]"#),
        &["d.toml:17:37: error: `name` cannot go with `id` in a source"],
    );
    refused(&dataset(&REGISTRY.replace("kind = \"media\"\n", ""), r#"["news-az"]"#), &["missing required key `kind` in `[[source]]`"]);
}

/// The briefing of the data at `data` in both formats: its Markdown, and
/// its PDF's text with letters and digits only (line breaks and spacing
/// differ between the formats, the words do not).
fn both_formats(data: &std::path::Path, period: &str) -> (String, String) {
    let out = tempfile::tempdir().unwrap();
    let mut texts = Vec::new();
    for format in ["md", "pdf"] {
        let file = out.path().join(format!("b.{format}"));
        let output = bin()
            .args(["--period", period, "--as-of", "2026-02-12", "-q", "--format", format, "--data"])
            .arg(data)
            .arg("-o")
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let bytes = std::fs::read(&file).unwrap();
        texts.push(match format {
            "md" => String::from_utf8(bytes).unwrap(),
            _ => {
                let doc = lopdf::Document::load_mem(&bytes).unwrap();
                let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
                without_furniture(&letters(&doc.extract_text(&pages).unwrap()))
            }
        });
    }
    let pdf = texts.pop().unwrap();
    (texts.pop().unwrap(), pdf)
}

/// `letters` of a PDF's text without the foot of each page ("Page 1 of
/// 15", the draft mark), which the text of a page drawn before its foot
/// reads inside a sentence broken across pages.
fn without_furniture(letters: &str) -> String {
    let mut out = String::with_capacity(letters.len());
    let mut rest = letters.replace("DRAFT", "");
    while let Some(at) = rest.find("Page") {
        let after = &rest[at + 4..];
        let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let n = digits(after);
        let foot = n > 0 && after[n..].starts_with("of") && digits(&after[n + 2..]) > 0;
        let skip = if foot { 4 + n + 2 + digits(&after[n + 2..]) } else { 4 };
        out.push_str(&rest[..at]);
        if !foot {
            out.push_str("Page");
        }
        rest = rest[at + skip..].to_owned();
    }
    out + &rest
}

fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The default data's briefing in both formats.
fn default_both() -> &'static (String, String) {
    static BOTH: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    BOTH.get_or_init(|| both_formats(&crate::util::root().join("data"), "2024-2026"))
}

/// The text of the executive summary: from its heading to the next.
fn executive(md: &str) -> &str {
    let from = md.find("## Executive summary").unwrap();
    let to = md[from + 3..].find("\n## ").map_or(md.len(), |i| from + 3 + i);
    &md[from..to]
}

#[test]
fn the_first_page_says_what_the_default_briefing_rests_on() {
    let (md, pdf) = default_both();
    let sentence = "All 30 events rest on one ungraded source, News.Az, which notes: “The material was prepared with \
                    the financial support of the Media Development Agency of the Republic of Azerbaijan”.";
    assert!(executive(md).contains(&format!("\n{sentence}\n")), "{}", executive(md));
    assert!(pdf.contains(&letters(sentence)), "the PDF says it too");
    // The Sources section lists the registry entry with its kind and grade.
    assert!(md.contains("- News.Az, published 12 February 2026: cited by 30 events; a news outlet, not graded for reliability by the desk. The material was"));
}

#[test]
fn the_provenance_of_graded_sources_counts_sources_events_and_grades() {
    let dir = tempfile::tempdir().unwrap();
    let registry = "[[source]]\nid = \"alpha\"\nname = \"Alpha Wire\"\nkind = \"wire\"\nreliability = \"B\"\n\
                    note = \"Funded by the Ministry of Information.\"\n\n\
                    [[source]]\nid = \"beta\"\nname = \"Beta Review\"\nkind = \"academic\"\nreliability = \"C\"\n";
    let events = [
        ("one", r#"[{ id = "alpha", credibility = 2 }, "beta"]"#),
        ("two", r#"[{ id = "alpha", credibility = 6 }]"#),
        ("three", r#"[{ name = "Gamma Daily" }]"#),
    ];
    let mut text = format!("[[pillar]]\nid = \"p\"\nname = \"P\"\n\n{registry}");
    for (id, sources) in events {
        text.push_str(&format!(
            "\n[[event]]\nid = \"{id}\"\ntitle = \"Event {id}\"\ndate = 2025-03-01\npillar = \"p\"\nkind = \"visit\"\n\
             significance = 3\nsummary = \"S.\"\nsources = {sources}\n"
        ));
    }
    std::fs::write(dir.path().join("d.toml"), text).unwrap();
    let (md, pdf) = both_formats(dir.path(), "2025");
    let sentence = "The 3 events rest on 3 sources, 2 of them on one source alone; the sources are graded B and C on \
                    the Admiralty scale, 1 ungraded; Alpha Wire notes: “Funded by the Ministry of Information”.";
    assert!(executive(&md).contains(&format!("\n{sentence}\n")), "{}", executive(&md));
    assert!(pdf.contains(&letters(sentence)), "the PDF says it too");
    for line in [
        "- Alpha Wire: cited by 2 events; a news agency, reliability B Usually reliable; information graded 2 Probably true (1 event) \
         and 6 Truth cannot be judged (1 event). Funded by the Ministry of Information.",
        "- Beta Review: cited by 1 event; an academic source, reliability C Fairly reliable\n",
        "- Gamma Daily: cited by 1 event\n",
        // Where an event cites it: the information's credibility in the
        // scale's published words.
        "**Sources:** Alpha Wire (information 2 Probably true); Beta Review.\n",
        "**Sources:** Alpha Wire (information 6 Truth cannot be judged).\n",
    ] {
        assert!(md.contains(line), "`{line}` in:\n{md}");
        assert!(pdf.contains(&letters(line.trim_start_matches("- "))), "`{line}` in the PDF");
    }
    // The about-note gives the scale's published wording.
    let about = "Sources are graded on the Admiralty scale, the source's reliability by a letter (A Completely reliable, \
                 B Usually reliable, C Fairly reliable, D Not usually reliable, E Unreliable, F Reliability cannot be judged) \
                 and the information's credibility by a number (1 Confirmed by other sources, 2 Probably true, 3 Possibly true, \
                 4 Doubtful, 5 Improbable, 6 Truth cannot be judged)";
    assert!(md.contains(about), "{md}");
    assert!(pdf.contains(&letters(about)), "the PDF's about-note");
    assert!(!crate::util::default_markdown().contains("Admiralty scale, the source's"), "ungraded data: no scale");
}

/// How often `needle` occurs in `haystack`.
fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_default_briefing_prints_its_hedges_with_their_titles_in_both_formats() {
    let (md, pdf) = default_both();
    for (title, attribution) in [
        ("Russia aims to maintain balanced relations with Azerbaijan and Armenia", "international reporting suggests"),
        ("Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe", "earlier reports in April 2025"),
    ] {
        let attributed = format!("{title} ({attribution})");
        // The timeline, its description and the chronology (the index of
        // partners points by pillar and date, issue 27).
        assert!(count(md, &attributed) >= 3, "{attributed}");
        assert_eq!(count(md, title), count(md, &attributed), "`{title}` printed without its attribution");
        assert!(count(pdf, &letters(&attributed)) >= 1, "{attributed} in the PDF");
        assert_eq!(count(pdf, &letters(title)), count(pdf, &letters(&attributed)), "`{title}` in the PDF without its attribution");
    }
}

#[test]
fn the_sefe_volume_is_printed_with_its_event_in_both_formats() {
    let (md, pdf) = default_both();
    let shown = "Ten-year gas contract with Germany's SEFE, with additional volumes delivered to Austria (Annual volume: about 1.5 billion cubic metres of gas a year)";
    assert!(md.contains(&format!("| {shown}\u{a0}·\u{a0}contract |")), "the chronology's row");
    assert!(md.contains("- **SEFE** (company): [Energy](#3-energy-and-green-transition-diplomacy) undated, 2024–2026\n"), "the index of partners");
    assert!(pdf.contains("GermanysSEFEwithadditionalvolumesdeliveredtoAustriaAnnualvolumeabout15billioncubicmetresofgasayear"), "the PDF");
}

#[test]
fn attribution_and_lead_figure_go_wherever_the_title_goes() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[[pillar]]\nid = \"p\"\nname = \"Pillar\"\n\n[[event]]\nid = \"deal\"\ntitle = \"Gas deal signed\"\n\
                attribution = \"according to wire reports\"\ndate = 2025-03-01\npillar = \"p\"\nkind = \"contract\"\n\
                significance = 5\npartners = [\"Georgia\"]\nsummary = \"A deal.\"\n\
                figures = [{ label = \"Volume\", value = 2, unit = \"bcm/yr\", lead = true }, { label = \"Years\", value = 10 }]\n\
                sources = [{ name = \"Wire\" }]\n";
    std::fs::write(dir.path().join("d.toml"), text).unwrap();
    let (md, pdf) = both_formats(dir.path(), "2025");
    let shown = "Gas deal signed (according to wire reports; Volume: 2 bcm/yr)";
    for (place, line) in [
        ("the pillar's highlight", format!("#### {shown}\n")),
        ("the chronology", format!("| {shown}\u{a0}·\u{a0}contract |")),
    ] {
        assert!(md.contains(&line), "{place}: `{line}` in\n{md}");
    }
    // Mermaid's source writes `:` and `;` as its entities, `#58;` and `#59;`.
    let in_mermaid = shown.replace(';', "#59;").replace(':', "#58;");
    assert_eq!(count(&md, "Gas deal signed"), count(&md, shown) + count(&md, &in_mermaid), "{md}");
    assert_eq!(count(&pdf, &letters("Gas deal signed")), count(&pdf, &letters(shown)));
}

#[test]
fn one_figure_at_most_leads() {
    let figures = "[{ label = \"A\", value = 1, lead = true }, { label = \"B\", value = 2, lead = true }]";
    let text = dataset("", r#"[{ name = "S" }]"#).replace("summary = \"S.\"\n", &format!("summary = \"S.\"\nfigures = {figures}\n"));
    refused(&text, &["d.toml:13:86: error: a second figure has `lead = true`"]);
}
