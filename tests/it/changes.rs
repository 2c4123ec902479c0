//! The JSON summary, the changes since the previous briefing, and
//! `--compare`.

use crate::util::{bin, copy_dir, entries, fixture, root, stderr, stdout, AS_OF};

fn run(args: &[&str]) -> std::process::Output {
    let output = bin().args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    output
}

#[test]
fn the_json_summary_is_stable() {
    let output = run(&["--period", "2024-2026", "--format", "json", "--as-of", AS_OF, "-q", "-o", "-"]);
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn every_report_gets_its_json_summary_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    run(&["--period", "2025", "--format", "md", "--as-of", AS_OF, "-q", "--out-dir", dir.path().to_str().unwrap()]);
    assert_eq!(entries(dir.path()), ["azint-briefing-2025.json", "azint-briefing-2025.md"]);
    let named = dir.path().join("mine.pdf");
    run(&["--period", "2025", "--as-of", AS_OF, "-q", "-o", named.to_str().unwrap()]);
    assert!(dir.path().join("mine.json").is_file());
}

#[test]
fn a_rerun_names_the_events_added_removed_and_edited() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("data"), &data);
    let out = dir.path().join("reports");
    let args = |as_of: &str| {
        vec![
            "--data".to_owned(),
            data.display().to_string(),
            "--period".to_owned(),
            "2024-2026".to_owned(),
            "--format".to_owned(),
            "md".to_owned(),
            "--as-of".to_owned(),
            as_of.to_owned(),
            "--out-dir".to_owned(),
            out.display().to_string(),
        ]
    };
    let first = bin().args(args("2026-02-12")).output().unwrap();
    assert!(!stderr(&first).contains("changes:"), "no previous summary yet");

    let events = data.join("events/2025.toml");
    let text = std::fs::read_to_string(&events).unwrap();
    let text = text.replace("\"Talks on EU financing and long-term gas contracts\"", "\"Talks on EU financing (edited)\"");
    let text = text + "\n[[event]]\nid = \"added\"\ntitle = \"Added event\"\ndate = 2025-05-05\npillar = \"connectivity\"\nkind = \"other\"\nsignificance = 1\nsummary = \"New.\"\nsources = [{ name = \"Test\" }]\n";
    std::fs::write(&events, text).unwrap();
    let undated = data.join("events/undated.toml");
    let text = std::fs::read_to_string(&undated).unwrap();
    let start = text.find("[[event]]\nid = \"russia-balanced-relations\"").unwrap();
    let end = text[start + 1..].find("[[event]]").map_or(text.len(), |n| start + 1 + n);
    std::fs::write(&undated, format!("{}{}", &text[..start], &text[end..])).unwrap();

    let second = bin().args(args("2026-02-13")).output().unwrap();
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(stderr(&second).contains("changes: +1 −1 ~1"), "{}", stderr(&second));
    let md = std::fs::read_to_string(out.join("azint-briefing-2024-2026.md")).unwrap();
    let section = &md[md.find("## Changes since the previous briefing").unwrap()..md.find("## 1. ").unwrap()];
    assert!(section.contains("Since the briefing of 12 February 2026: 1 event added, 1 removed and 1 edited."), "{section}");
    assert!(section.contains("### Changes in Multi-vector diplomacy\n\n- Removed: Russia seeks balanced relations with Azerbaijan and Armenia"), "{section}");
    assert!(section.contains("### Changes in Connectivity and transport\n\n- Added: Added event"), "{section}");
    assert!(section.contains("- Edited: Talks on EU financing (edited)"), "{section}");
    // Issue 13: the removed event was the only one naming Russia.
    assert!(section.contains("Partners no longer named: Russia."), "{section}");
    assert!(!section.contains("Partners new since then"), "{section}");

    // --no-changes leaves the section out but still says what changed.
    let mut quiet = args("2026-02-14");
    quiet.push("--no-changes".to_owned());
    let third = bin().args(quiet).output().unwrap();
    assert!(stderr(&third).contains("changes: no changes"), "{}", stderr(&third));
    let md = std::fs::read_to_string(out.join("azint-briefing-2024-2026.md")).unwrap();
    assert!(!md.contains("## Changes since"));
}

#[test]
fn compare_counts_match_the_hand_counted_fixture() {
    let data = fixture("valid/compare");
    let output = run(&["--data", data.to_str().unwrap(), "--period", "2023", "--compare", "2022", "--format", "json", "-q", "-o", "-", "--as-of", AS_OF]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // 2023: alpha a3; beta b2, b3, b4 and the b5 span. 2022: alpha a1, a2;
    // beta b1 and b5.
    assert_eq!(json["events"], 5);
    assert_eq!(json["pillars"][0]["count"], 1);
    assert_eq!(json["pillars"][1]["count"], 4);
    assert_eq!(json["compare"]["events"], 4);
    assert_eq!(json["compare"]["pillars"]["alpha"], 2);
    assert_eq!(json["compare"]["pillars"]["beta"], 2);
    assert_eq!(json["compare"]["per_kind"]["summit"], 2);
    assert_eq!(json["compare"]["per_kind"]["visit"], 1);
    assert_eq!(json["compare"]["per_kind"]["programme"], 1);

    let output = run(&["--data", data.to_str().unwrap(), "--period", "2023", "--compare", "2022", "--format", "md", "-q", "-o", "-", "--as-of", AS_OF]);
    let md = stdout(&output);
    assert!(md.contains("| Pillar | Events | Share | Related | 2022 |"), "{md}");
    assert!(md.contains("| Alpha | 1 (-1) | 20.0% | 0 | 2 |"), "{md}");
    assert!(md.contains("| Beta | 4 (+2) | 80.0% | 0 | 2 |"), "{md}");
    assert!(md.contains("| **Total** | **5 (+1)** | **100.0%** | – | **4** |"), "{md}");
    assert!(md.contains("| Visits | 0 (-1) | 1 |"), "a kind only the other period has: {md}");
    assert!(md.contains("| Agreements | 2 (+2) | 0 |"), "{md}");
}
