//! The JSON summary, the changes since the issued briefing (issue 24),
//! and `--compare`.

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
    // The partner map beside the Markdown (issue 26).
    assert_eq!(entries(dir.path()), ["azint-briefing-2025.json", "azint-briefing-2025.md", "azint-briefing-2025.partners.geojson", "azint-briefing-2025.partners.svg", "azint-briefing-2025.routes.geojson", "azint-briefing-2025.routes.svg"]);
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
    let first = bin().args(args("2026-02-12")).arg("--issue").output().unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(stderr(&first).contains("; issued 2026-02-12, the first for this period"), "{}", stderr(&first));

    let events = data.join("events/2025.toml");
    let text = std::fs::read_to_string(&events).unwrap();
    let text = text.replace("\"Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe\"", "\"Talks on EU financing (edited)\"");
    let text = text + "\n[[event]]\nid = \"added\"\ntitle = \"Added event\"\ndate = 2025-05-05\npillar = \"connectivity\"\nkind = \"other\"\nsignificance = 1\nsummary = \"New.\"\nsources = [{ name = \"Test\" }]\n";
    std::fs::write(&events, text).unwrap();
    let undated = data.join("events/undated.toml");
    let text = std::fs::read_to_string(&undated).unwrap();
    let start = text.find("[[event]]\nid = \"russia-balanced-relations\"").unwrap();
    let end = text[start + 1..].find("[[event]]").map_or(text.len(), |n| start + 1 + n);
    std::fs::write(&undated, format!("{}{}", &text[..start], &text[end..])).unwrap();

    let second = bin().args(args("2026-02-13")).output().unwrap();
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let report = out.join("azint-briefing-2024-2026.changes.md");
    let line = format!("; changes since 2026-02-12: +1 −1 ~1, in {}\n", report.display());
    assert!(stderr(&second).ends_with(&line), "{}", stderr(&second));
    // The change report is beside the briefing, not in it.
    let md = std::fs::read_to_string(out.join("azint-briefing-2024-2026.md")).unwrap();
    assert!(!md.contains("## Changes since"), "{md}");
    let changes = std::fs::read_to_string(&report).unwrap();
    assert!(changes.starts_with("# Azerbaijan's International Integration: changes to the briefing for 2024–2026\n\n**DRAFT** — not issued\n"), "{changes}");
    let section = &changes[changes.find("## Changes since the issued briefing").unwrap()..];
    assert!(section.contains("Since the briefing issued on 12 February 2026: 1 event added, 1 removed and 1 edited."), "{section}");
    assert!(section.contains("### Changes in Multi-vector diplomacy\n\n- Removed: Russia aims to maintain balanced relations with Azerbaijan and Armenia"), "{section}");
    assert!(section.contains("### Changes in Connectivity and transport expansion\n\n- Added: Added event"), "{section}");
    assert!(
        section.contains("- Edited:\n  - **Talks on EU financing (edited)**: title changed from “Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe” to “Talks on EU financing (edited)”\n"),
        "{section}"
    );
    // Issue 13: the removed event was the only one naming Russia, but
    // only as `mentioned` (issue 25): no partner is lost.
    assert!(!section.contains("Partners no longer named"), "{section}");
    assert!(!section.contains("Partners new since then"), "{section}");

    // --changes-in-briefing puts the same section into the briefing.
    let mut inside = args("2026-02-13");
    inside.push("--changes-in-briefing".to_owned());
    let third = bin().args(inside).output().unwrap();
    assert!(stderr(&third).ends_with(&line), "{}", stderr(&third));
    let md = std::fs::read_to_string(out.join("azint-briefing-2024-2026.md")).unwrap();
    let in_briefing = &md[md.find("## Changes since the issued briefing").unwrap()..md.find("## 1. ").unwrap()];
    assert!(in_briefing.starts_with(section.trim_end()), "{in_briefing}");

    // --no-changes compares with nothing: no count, no changes kept.
    let mut quiet = args("2026-02-14");
    quiet.push("--no-changes".to_owned());
    let fourth = bin().args(quiet).output().unwrap();
    assert!(stderr(&fourth).trim_end().ends_with(" ms"), "{}", stderr(&fourth));
    let json = std::fs::read_to_string(out.join("azint-briefing-2024-2026.json")).unwrap();
    assert!(!json.contains("\"changes\""), "{json}");
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
    assert!(md.contains("| Alpha | 1 (−1) | 20.0% | 0 | 2 |"), "{md}");
    assert!(md.contains("| Beta | 4 (+2) | 80.0% | 0 | 2 |"), "{md}");
    assert!(md.contains("| **Total** | **5 (+1)** | **100.0%** | – | **4** |"), "{md}");
    assert!(md.contains("| Visit | 0 (−1) | 1 |"), "a kind only the other period has: {md}");
    assert!(md.contains("| Agreement | 2 (+2) | 0 |"), "{md}");
}

/// Issue 15: no undated event of the default data is counted in a single
/// year, in the JSON summary as in the briefing; each is in its span.
#[test]
fn no_undated_event_is_counted_in_a_single_year() {
    use azint_report::dataset::{load, DataSource};
    let dataset = load(&DataSource::Path(root().join("data"))).unwrap();
    let output = run(&["--period", "2024-2026", "--format", "json", "--as-of", AS_OF, "-q", "-o", "-"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let undated: Vec<_> = dataset.events.iter().filter(|e| e.undated).collect();
    // Guterres's visit and the Foreign Ministry's remark among them: the
    // article gives them no month (issue 25).
    assert_eq!(undated.len(), 11, "the article leaves eleven facts of 2024–2026 undated");
    assert_eq!(json["undated"], 11);
    for pillar in json["pillars"].as_array().unwrap() {
        let id = pillar["id"].as_str().unwrap();
        let own = |undated: bool| dataset.events.iter().filter(|e| &*e.pillar == id && e.undated == undated).count();
        // A year holds the events that began in it (issue 25, item 6): the
        // UN framework of 2021–2025 is no year's.
        let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let began = dataset.events.iter().filter(|e| &*e.pillar == id && !e.undated && e.first_day() >= start).count();
        let in_years: u64 = pillar["per_year"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
        let in_spans: u64 = pillar["undated"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
        // Every dated event of the pillar is in the period 2024–2026.
        assert_eq!(in_years as usize, began, "{id}: the years hold only dated events begun in the period");
        assert_eq!(in_spans as usize, own(true), "{id}");
        assert_eq!(pillar["undated"].as_object().unwrap().keys().collect::<Vec<_>>(), if own(true) > 0 { vec!["2024..2026"] } else { vec![] });
    }
}

/// A pillar's parts add up to its count (issue 25, item 6): the years
/// hold the events begun in them, `begun_before` those begun before the
/// period and running into it, `undated` the rest. Multilateral's UN
/// framework of 2021–2025 is its one begun before 2024.
#[test]
fn a_pillars_years_begun_before_and_undated_add_up_to_its_count() {
    let output = run(&["--period", "2024-2026", "--format", "json", "--as-of", AS_OF, "-q", "-o", "-"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let sum = |v: &serde_json::Value| -> u64 { v.as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum() };
    let mut begun = 0;
    for pillar in json["pillars"].as_array().unwrap() {
        let before = pillar["begun_before"].as_u64().unwrap_or_else(|| panic!("{} has no begun_before", pillar["id"]));
        begun += before;
        let parts = sum(&pillar["per_year"]) + before + sum(&pillar["undated"]);
        assert_eq!(Some(parts), pillar["count"].as_u64(), "{}: years + begun before + undated", pillar["id"]);
    }
    let multilateral = json["pillars"].as_array().unwrap().iter().find(|p| p["id"] == "multilateral").unwrap();
    assert_eq!(multilateral["begun_before"], 1);
    assert!(begun > 0, "the default data have an event begun before 2024");
}

/// The JSON summary carries undated facts per span and plans, per pillar
/// and in total.
#[test]
fn the_json_summary_counts_undated_facts_per_span_and_plans() {
    let data = fixture("valid/precision");
    let output = run(&["--data", data.to_str().unwrap(), "--period", "2024-2026", "--format", "json", "--as-of", AS_OF, "-q", "-o", "-"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!((json["events"].as_u64(), json["undated"].as_u64(), json["planned"].as_u64()), (Some(6), Some(3), Some(1)));
    let energy = &json["pillars"][0];
    assert_eq!(energy["id"], "energy");
    assert_eq!(energy["per_year"], serde_json::json!({ "2024": 0, "2025": 0, "2026": 2 }));
    assert_eq!(energy["undated"], serde_json::json!({ "2024..2026": 1, "2025-03..2025-05": 1 }));
    assert_eq!(energy["planned"], 1);
    assert_eq!(energy["highlights"], serde_json::json!(["happened-2026", "undated-wide", "planned-2026"]));
}

/// Issue 10, class 16: two identical runs to the same path give the same
/// bytes. The second sees the first's JSON summary; with nothing changed
/// there is no "changes" section at all.
#[test]
fn issue_10_an_identical_rerun_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("b.md");
    let mut runs = Vec::new();
    for _ in 0..2 {
        let output = crate::util::bin().args(["--format", "md", "-q", "--as-of", crate::util::AS_OF, "-o"]).arg(&report).output().unwrap();
        assert_eq!(output.status.code(), Some(0));
        runs.push(std::fs::read(&report).unwrap());
    }
    assert!(runs[0] == runs[1], "the rerun differs");
    assert!(!String::from_utf8_lossy(&runs[1]).contains("Changes since the issued briefing"));
}

/// Issue 10, class 13: `--as-of` and `SOURCE_DATE_EPOCH` outside the
/// supported years are usage errors naming the option (they were template
/// errors, exit 65); a previous JSON summary that is corrupt or dated
/// outside them is named in a warning and the run goes on without the
/// changes section (a far date made the template fail).
#[test]
fn issue_10_far_dates_and_corrupt_previous_summaries() {
    use crate::util::{bin, stderr, AS_OF};
    let output = bin().args(["--format", "md", "-o", "-", "--as-of", "0999-12-31"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("for '--as-of <DATE>': `0999-12-31` is outside the supported years, 1000 to 9999"), "{}", stderr(&output));
    let output = bin().args(["--format", "md", "-o", "-"]).env("SOURCE_DATE_EPOCH", "-62135596800").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output), "error: SOURCE_DATE_EPOCH=`-62135596800` is outside the supported years, 1000 to 9999\n");

    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("b.md");
    let json = dir.path().join("b.json");
    let issued = dir.path().join("issued/b.2026-02-12.json");
    let run = |issue: bool| {
        let mut command = bin();
        command.args(["--format", "md", "--period", "2024-2026", "--as-of", AS_OF, "-o"]).arg(&report);
        if issue {
            command.arg("--issue");
        }
        command.output().unwrap()
    };
    assert_eq!(run(true).status.code(), Some(0));
    let good = std::fs::read_to_string(&issued).unwrap();
    let far = good.replace("\"as_of\": \"2026-02-12\"", "\"as_of\": \"0001-01-01\"");
    assert_ne!(far, good, "the summary's date field was not found");
    for (previous, why) in [("{ not json", "not a JSON summary this version reads"), (far.as_str(), "its date `0001-01-01` is not a date from 1000 to 9999")] {
        std::fs::write(&issued, previous).unwrap();
        let output = run(false);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let expected = format!("{}: warning: the issued JSON summary cannot be used: {why}", issued.display());
        assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
        assert!(stderr(&output).contains("; the issued briefing 2026-02-12 cannot be read (see the warning): no changes listed"), "{}", stderr(&output));
        assert!(!dir.path().join("b.changes.md").exists());
        assert!(!std::fs::read_to_string(&json).unwrap().contains("\"changes\""), "the summary is written anew");
    }
}

/// A copy of the built-in data and the JSON summary written by the binary
/// before the hash encoding changed (issue 23), issued for the path the
/// next summary goes to.
fn before_the_encoding_changed(dir: &std::path::Path, edit: impl Fn(serde_json::Value) -> serde_json::Value) -> (std::path::PathBuf, std::path::PathBuf) {
    let data = dir.join("data");
    copy_dir(&root().join("data"), &data);
    let summary = dir.join("summary.json");
    let old: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(fixture("summaries/2024-2026-encoding-1.json")).unwrap()).unwrap();
    assert!(old.get("hash_encoding").is_none(), "written before the encoding was recorded");
    std::fs::create_dir(dir.join("issued")).unwrap();
    std::fs::write(issued_as(&summary), serde_json::to_string_pretty(&edit(old)).unwrap()).unwrap();
    (data, summary)
}

/// Where the fixture's summary is kept as issued for `summary`.
fn issued_as(summary: &std::path::Path) -> std::path::PathBuf {
    summary.parent().unwrap().join("issued/summary.2026-01-01.json")
}

/// Runs the JSON summary of the fixture's period over `data`, replacing
/// `summary` (and comparing with it); the new summary.
fn rerun(data: &std::path::Path, summary: &std::path::Path) -> (String, serde_json::Value) {
    let args = ["--data", data.to_str().unwrap(), "--period", "2024-2026", "--as-of", "2026-02-12", "--format", "json", "-o", summary.to_str().unwrap()];
    let output = run(&args);
    let new: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(summary).unwrap()).unwrap();
    (stderr(&output), new)
}

#[test]
fn issue_23_a_summary_of_the_old_hash_encoding_shows_no_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (data, summary) = before_the_encoding_changed(dir.path(), |old| old);
    let old_hashes: Vec<String> = {
        let old: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(issued_as(&summary)).unwrap()).unwrap();
        old["hashes"].as_object().unwrap().values().map(|s| s["hash"].as_str().unwrap().to_owned()).collect()
    };
    let (stderr, new) = rerun(&data, &summary);
    assert!(stderr.contains("; no changes since 2026-02-12"), "{stderr}");
    assert_eq!(new["changes"]["edited"], 0, "{:?}", new.get("changes"));
    assert_eq!(new["hash_encoding"], 2);
    // The hashes did change: it is the stored values that were compared.
    let new_hashes: Vec<&str> = new["hashes"].as_object().unwrap().values().map(|s| s["hash"].as_str().unwrap()).collect();
    assert_eq!(new_hashes.len(), old_hashes.len());
    assert!(new_hashes.iter().zip(&old_hashes).all(|(n, o)| n != o));
}

#[test]
fn issue_23_a_summary_lacking_a_newer_field_makes_no_event_look_edited() {
    // As if written before `status` and `tags` were kept: the current
    // table has them, the summary does not.
    let dir = tempfile::tempdir().unwrap();
    let (data, summary) = before_the_encoding_changed(dir.path(), |mut old| {
        for stamp in old["hashes"].as_object_mut().unwrap().values_mut() {
            let fields = stamp["fields"].as_object_mut().unwrap();
            assert!(fields.remove("status").is_some() && fields.remove("tags").is_some());
        }
        old
    });
    let (stderr, _) = rerun(&data, &summary);
    assert!(stderr.contains("; no changes since 2026-02-12"), "{stderr}");

    // The same with a summary of the current encoding: the hashes decide.
    let (_, mut current) = rerun(&data, &summary);
    for stamp in current["hashes"].as_object_mut().unwrap().values_mut() {
        stamp["fields"].as_object_mut().unwrap().remove("status");
    }
    std::fs::write(issued_as(&summary), serde_json::to_string_pretty(&current).unwrap()).unwrap();
    let (stderr, _) = rerun(&data, &summary);
    assert!(stderr.contains("; no changes since 2026-02-12"), "{stderr}");
}

#[test]
fn issue_23_an_edit_since_a_summary_of_the_old_encoding_is_still_found() {
    let dir = tempfile::tempdir().unwrap();
    let (data, summary) = before_the_encoding_changed(dir.path(), |old| old);
    let events = data.join("events/2025.toml");
    let text = std::fs::read_to_string(&events).unwrap();
    let title = "\"Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe\"";
    assert!(text.contains(title));
    std::fs::write(&events, text.replace(title, "\"Talks on EU financing (edited)\"")).unwrap();
    let (stderr, new) = rerun(&data, &summary);
    assert!(stderr.contains("; changes since 2026-02-12: +0 −0 ~1"), "{stderr}");
    let edited = &new["changes"]["pillars"][0]["edited"][0];
    assert_eq!(edited["fields"][0]["text"], "title changed from “Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe” to “Talks on EU financing (edited)”");
}

/// The hashes as the whole pipeline computes them (validator included),
/// pinned by a summary of encoding 2 written when that encoding was made:
/// a change to how values are read or normalised that moves any hash must
/// come with a new `hash_encoding`, or the next run shows every event as
/// edited. (The golden test in `snapshot::hash` pins the encoding of one
/// hand-built event; this pins what reaches it from the data.)
#[test]
fn issue_23_the_pipelines_hashes_are_those_of_their_encoding() {
    let stored: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(fixture("summaries/2024-2026-encoding-2.json")).unwrap()).unwrap();
    let output = run(&["--period", "2024-2026", "--format", "json", "--as-of", AS_OF, "-q", "-o", "-"]);
    let now: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let hashes = |v: &serde_json::Value| -> Vec<(String, String)> {
        v["hashes"].as_object().unwrap().iter().map(|(id, s)| (id.clone(), s["hash"].as_str().unwrap().to_owned())).collect()
    };
    if now["hash_encoding"] == stored["hash_encoding"] {
        assert_eq!(hashes(&now), hashes(&stored), "a hash moved within encoding {}: give the encoding a new number", now["hash_encoding"]);
    } else {
        panic!("hash_encoding is now {}: store a summary of it beside this one and point this test at it", now["hash_encoding"]);
    }
    assert_eq!(hashes(&now).len(), 30);
}

#[test]
fn issue_23_a_desks_catalogue_words_the_change_report() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("data"), &data);
    let desk = dir.path().join("desk");
    std::fs::create_dir(&desk).unwrap();
    let builtin = azint_report::words::BUILTIN;
    let phrase = "change-value = { $field } changed from { $from } to { $to }";
    assert!(builtin.contains(phrase));
    let corrected = builtin.replacen(phrase, "change-value = { $field } was { $from }, is now { $to }", 1);
    std::fs::write(desk.join(azint_report::words::FILE), corrected).unwrap();
    let out = dir.path().join("reports");
    let run = |as_of: &str, format: &str| {
        let args = ["--data", data.to_str().unwrap(), "--period", "2024-2026", "--format", format, "--as-of", as_of, "-q"];
        let mut command = bin();
        command.args(args).args(["--templates", desk.to_str().unwrap(), "--out-dir", out.to_str().unwrap()]);
        if as_of == "2026-02-12" {
            command.arg("--issue");
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    };
    run("2026-02-12", "md");
    let events = data.join("events/2025.toml");
    let text = std::fs::read_to_string(&events).unwrap();
    std::fs::write(&events, text.replace("\"Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe\"", "\"Talks on EU financing (edited)\"")).unwrap();
    run("2026-02-13", "md");
    let md = std::fs::read_to_string(out.join("azint-briefing-2024-2026.changes.md")).unwrap();
    let said = "title was “Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe”, is now “Talks on EU financing (edited)”";
    assert!(md.contains(said), "{md}");
    assert!(!md.contains("changed from"), "{md}");
    // The JSON summary made alone says the changes in the desk's words too.
    std::fs::write(&events, std::fs::read_to_string(&events).unwrap().replace("(edited)", "(edited again)")).unwrap();
    run("2026-02-14", "json");
    let json = std::fs::read_to_string(out.join("azint-briefing-2024-2026.json")).unwrap();
    assert!(json.contains("title was “Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe”, is now “Talks on EU financing (edited again)”"), "{json}");
}

/// An event that gives every key of the table of event fields, each
/// record with every key of its own.
const EVERY_FIELD: &str = r#"
[[event]]
id = "every-field"
title = "Every field"
attribution = "Officials say"
date = 2025-03-01
until = 2025-03-05
pillar = "diplomacy"
also = ["energy"]
status = "planned"
kind = "agreement"
significance = 3
partners = [{ name = "United Nations", role = "host" }]
summary = "A summary."
figures = [{ label = "Budget", value = 2.5, unit = "USD", approx = true, lead = true }]
sources = [{ name = "Paper", url = "https://example.org/a", published = 2025-03-02, note = "Funded by X.", credibility = 3 }]
tags = ["one"]
"#;

/// One edit of [`EVERY_FIELD`] for each key of the table, and each key of
/// its records (`sources.note`): the text replaced and its replacement.
const EDITS: &[(&str, &str, &str)] = &[
    ("title", "\"Every field\"", "\"Every field again\""),
    ("attribution", "Officials say", "Officials said"),
    ("date", "date = 2025-03-01", "date = 2025-02-28"),
    ("until", "until = 2025-03-05", "until = 2025-03-06"),
    ("pillar", "pillar = \"diplomacy\"", "pillar = \"connectivity\""),
    ("also", "[\"energy\"]", "[\"multilateral\"]"),
    ("status", "status = \"planned\"\n", ""),
    ("kind", "\"agreement\"", "\"summit\""),
    ("significance", "significance = 3", "significance = 4"),
    ("partners.name", "\"United Nations\"", "\"China\""),
    ("partners.role", "\"host\"", "\"party\""),
    ("summary", "A summary.", "Another summary."),
    ("figures.label", "\"Budget\"", "\"Cost\""),
    ("figures.value", "2.5", "2.6"),
    ("figures.unit", "\"USD\"", "\"EUR\""),
    ("figures.approx", "approx = true", "approx = false"),
    ("figures.lead", "lead = true", "lead = false"),
    ("sources.name", "\"Paper\"", "\"Journal\""),
    ("sources.url", "example.org/a", "example.org/b"),
    ("sources.published", "published = 2025-03-02", "published = 2025-03-03"),
    ("sources.note", "Funded by X.", "Funded by Y."),
    ("sources.credibility", "credibility = 3", "credibility = 2"),
    ("tags", "[\"one\"]", "[\"two\"]"),
];

/// Every key the content hash encodes for `event`: the table's keys, and
/// `key.part` for each part of a record (a source's `note`).
fn hashed_keys(event: &azint_report::dataset::Event) -> std::collections::BTreeSet<String> {
    use azint_report::dataset::event_fields::{Value, EVENT_FIELDS};
    let mut keys = std::collections::BTreeSet::new();
    for field in EVENT_FIELDS.iter().filter(|f| f.key != "id") {
        let parts: Vec<String> = match (field.value)(event) {
            Value::List(items) => items
                .iter()
                .flat_map(|item| match item {
                    Value::Record(parts) => parts.iter().map(|(part, _)| format!("{}.{part}", field.key)).collect(),
                    _ => Vec::new(),
                })
                .collect(),
            _ => Vec::new(),
        };
        if parts.is_empty() {
            keys.insert(field.key.to_owned());
        }
        keys.extend(parts);
    }
    keys
}

/// Issue 29, item 9: each field of the table of event fields, edited in
/// turn, is named in the change report (editing a source's `note` named
/// none). The edits cover every key the content hash encodes, from the
/// table itself: a field added to it without an edit here fails.
#[test]
fn each_field_edited_in_turn_is_named_in_the_change_report() {
    use azint_report::dataset::event_fields::EVENT_FIELDS;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("data"), &data);
    let file = data.join("events/every-field.toml");
    std::fs::write(&file, EVERY_FIELD).unwrap();
    let dataset = azint_report::dataset::load(&azint_report::dataset::DataSource::Path(data.clone())).unwrap();
    let event = dataset.events.iter().find(|e| e.id == "every-field").unwrap();
    let mut covered: Vec<String> = EDITS.iter().map(|(k, _, _)| (*k).to_owned()).collect();
    covered.sort();
    assert_eq!(covered, hashed_keys(event).into_iter().collect::<Vec<_>>(), "an edit for every key hashed");

    let out = dir.path().join("reports");
    let args = |as_of: &str| {
        let mut a: Vec<String> = ["--data", &data.display().to_string(), "--period", "2024-2026", "--format", "md", "--as-of", as_of, "--out-dir", &out.display().to_string()]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        a.push("-q".to_owned());
        a
    };
    run(&args("2025-01-01").iter().map(String::as_str).chain(["--issue"]).collect::<Vec<_>>());
    for (key, from, to) in EDITS {
        assert!(EVERY_FIELD.contains(from), "{key}: {from}");
        std::fs::write(&file, EVERY_FIELD.replacen(from, to, 1)).unwrap();
        run(&args("2025-01-02").iter().map(String::as_str).collect::<Vec<_>>());
        let changes = std::fs::read_to_string(out.join("azint-briefing-2024-2026.changes.md")).unwrap();
        let top = key.split('.').next().unwrap();
        let field = EVENT_FIELDS.iter().find(|f| f.key == top).unwrap();
        // `until` is shown with the date.
        let (name, one) = field.shown.as_ref().map_or(("date", "date"), |s| (s.name, s.one));
        let line = changes.lines().find(|l| l.contains("**Every field")).unwrap_or_else(|| panic!("{key}: no edit\n{changes}"));
        assert!([name, one].iter().any(|n| line.contains(&format!("**: {n} "))), "{key}: {line}");
    }
}
