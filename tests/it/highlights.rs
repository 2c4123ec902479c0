//! Highlights by a stated rule (issue 25, item 8): the about-note tells
//! the reader how the most significant events are chosen and how ties are
//! broken, and the default briefing's highlights follow that rule.

use crate::util::default_markdown;

/// The about-note's sentence on the rule, as the catalogue words it.
fn rule() -> String {
    let catalogue = azint_report::words::BUILTIN;
    let line = catalogue.lines().find(|l| l.starts_with("about-highlights = ")).expect("the catalogue words the rule");
    line["about-highlights = ".len()..].to_owned()
}

#[test]
fn the_about_note_states_the_highlights_tie_rule() {
    let md = default_markdown();
    let about = &md[md.find("## About this briefing").expect("an about-note")..];
    let rule = rule();
    assert!(about.contains(&rule), "{about}");
    for part in ["of equal significance", "happened comes before one only planned", "the later start before the earlier", "then the title in alphabetical order"] {
        assert!(rule.contains(part), "the rule does not say `{part}`: {rule}");
    }
}

/// The last tie-break is one a reader can check (issue 25, facts2 item
/// 4): the title, alphabetically. Connectivity's first rail export (2024)
/// and its railway modernisation (undated, 2024–2026) start on the same
/// day with the same significance: "First" before "Railway", whatever
/// their ids.
#[test]
fn highlights_of_equal_rank_follow_their_titles() {
    let md = default_markdown();
    let start = md.find("## 2. Connectivity").unwrap();
    let section = &md[start..start + md[start + 3..].find("\n## ").unwrap()];
    let first = section.find("#### First rail export shipment from Baku to China").expect("the rail export is a highlight");
    let railway = section.find("#### Railway modernisation").expect("the modernisation is a highlight");
    assert!(first < railway, "{section}");
}

#[test]
fn the_default_highlights_follow_the_stated_rule() {
    // The highlights stand once, in their pillars (issue 27, item 2): the
    // energy pillar's show the rule at work.
    let md = default_markdown();
    let start = md.find("### 3.1 Highlights").unwrap();
    let section = &md[start..start + md[start..].find("\n### 3.2").unwrap()];
    let titles: Vec<&str> = section.lines().filter_map(|l| l.strip_prefix("#### ")).collect();
    // COP29 alone has the article's strongest words of weight; the events
    // graded 4 follow, the later start first (January 2026, then November
    // 2024, two of one month by title: "agrees" before "completes").
    assert_eq!(
        titles,
        [
            "COP29 UN Climate Change Conference in Baku",
            "SOCAR begins supplying gas to Germany and Austria",
            "COP29 agrees the New Collective Quantified Goal on climate finance (according to international summaries of its outcomes)",
        ]
    );
}
