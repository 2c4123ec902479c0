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
