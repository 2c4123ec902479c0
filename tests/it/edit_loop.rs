//! The analyst's edit loop as the README walks through it, run the way the
//! README says, from a folder holding `data/`, with relative paths and the
//! default `./data`: edit an event, check the file being edited, regenerate,
//! read what changed field by field.

use std::path::Path;

use assert_cmd::Command;

use crate::util::{copy_dir, entries, root, stderr, stdout, AS_OF};

/// The binary run in `dir`, as a user at a shell prompt there would.
fn at(dir: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("azint-report"));
    cmd.current_dir(dir).env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// A scratch folder holding a copy of `data/`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn an_edit_is_reported_field_by_field() {
    let dir = workspace();
    let run = |as_of: &str| {
        let output = at(dir.path()).args(["--period", "2024-2026", "--format", "md", "--as-of", as_of]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        output
    };
    run(AS_OF);
    // A new counterpart, registered as the data contract asks.
    let registry = dir.path().join("data/partners.toml");
    let text = std::fs::read_to_string(&registry).unwrap();
    std::fs::write(&registry, text + "\n[[partner]]\nid = \"testland\"\nname = \"Testland\"\nkind = \"organisation\"\n").unwrap();
    // The first event of 2025 with partners: a higher significance, one
    // more partner.
    let events = dir.path().join("data/events/2025.toml");
    let text = std::fs::read_to_string(&events).unwrap();
    let starts: Vec<usize> = text.match_indices("[[event]]").map(|(i, _)| i).collect();
    let (start, block_end) = starts
        .iter()
        .enumerate()
        .map(|(n, &i)| (i, starts.get(n + 1).copied().unwrap_or(text.len())))
        .find(|&(a, b)| text[a..b].contains("\npartners = [") && !text[a..b].contains("significance = 2") && !text[a..b].contains("status ="))
        .expect("an event with partners");
    let block = &text[start..block_end];
    let significance = block.lines().find(|l| l.starts_with("significance = ")).unwrap();
    let partners = block.lines().find(|l| l.starts_with("partners = [")).unwrap();
    let new_block = block
        .replacen(significance, "significance = 2\nstatus = \"planned\"", 1)
        .replacen(partners, &partners.replacen('[', "[\"Testland\", ", 1), 1);
    std::fs::write(&events, format!("{}{}{}", &text[..start], new_block, &text[block_end..])).unwrap();

    let second = run("2026-02-13");
    let err = stderr(&second);
    assert!(err.contains("; changes: +0 −0 ~1"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line on success: {err}");
    let md = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.md")).unwrap();
    let section = &md[md.find("## Changes since the previous briefing").unwrap()..md.find("## 1. ").unwrap()];
    let old = significance.trim_start_matches("significance = ");
    assert!(section.contains(&format!("significance changed from {old} to 2")), "{section}");
    assert!(section.contains("partner added: Testland"), "{section}");
    assert!(section.contains("status changed from happened to planned"), "{section}");

    // The JSON says the same, field by field.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.json")).unwrap()).unwrap();
    let edits = json["changes"]["pillars"][0]["edited"][0]["fields"].as_array().unwrap().clone();
    assert!(edits.iter().any(|f| f["field"] == "partners" && f["added"][0] == "Testland"), "{edits:?}");
    assert!(edits.iter().any(|f| f["field"] == "significance" && f["to"] == "2"), "{edits:?}");

    // The same command again: nothing changed, so no changes section and
    // the same bytes.
    let before = std::fs::read(dir.path().join("reports/azint-briefing-2024-2026.md")).unwrap();
    let third = run("2026-02-13");
    assert!(stderr(&third).contains("changes: no changes"), "{}", stderr(&third));
    let md = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.md")).unwrap();
    assert!(!md.contains("## Changes since"), "nothing changed since the previous run");
    let fourth = run("2026-02-13");
    assert!(fourth.status.success());
    assert_eq!(std::fs::read(dir.path().join("reports/azint-briefing-2024-2026.md")).unwrap(), md.as_bytes());
    assert_ne!(before, md.as_bytes());
}

#[test]
fn one_file_is_checked_against_the_rest_of_the_dataset() {
    let dir = workspace();
    // Alone, an events file has no pillars; with the dataset it is fine.
    let alone = at(dir.path()).args(["check", "--data", "data/events/2025.toml"]).output().unwrap();
    assert_eq!(alone.status.code(), Some(65));
    let ok = at(dir.path()).args(["check", "data/events/2025.toml"]).output().unwrap();
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(stdout(&ok).starts_with("data/events/2025.toml: no problems (checked with data: "), "{}", stdout(&ok));

    // A problem in another file is counted, not listed; the named file's
    // own problems are listed with their places.
    edit(&dir.path().join("data/events/2026.toml"), "pillar = \"energy\"", "pillar = \"enrgy\"");
    let other = at(dir.path()).args(["check", "data/events/2025.toml"]).output().unwrap();
    assert_eq!(other.status.code(), Some(0), "{}", stderr(&other));
    assert!(stdout(&other).contains("the others have 1 problem"), "{}", stdout(&other));
    let own = at(dir.path()).args(["check", "data/events/2026.toml"]).output().unwrap();
    assert_eq!(own.status.code(), Some(65));
    let err = stderr(&own);
    assert!(err.starts_with("data/events/2026.toml:"), "{err}");
    assert!(err.contains("help: did you mean `energy`?"), "{err}");
    assert!(err.trim_end().ends_with(" files of data)") && err.contains("data/events/2026.toml: 1 problem in 1 file (checked with the "), "{err}");

    // A new file outside the data folder, reusing an id of the dataset: the
    // duplicate is found across files.
    let copy = dir.path().join("draft.toml");
    let text = std::fs::read_to_string(dir.path().join("data/events/2025.toml")).unwrap();
    let first_event = &text[text.find("[[event]]").unwrap()..];
    let one = &first_event[..first_event[9..].find("[[event]]").map_or(first_event.len(), |i| i + 9)];
    std::fs::write(&copy, one).unwrap();
    let dup = at(dir.path()).args(["check", "draft.toml"]).output().unwrap();
    assert_eq!(dup.status.code(), Some(65));
    let err = stderr(&dup);
    assert!(err.starts_with("draft.toml:") && err.contains("duplicate event id"), "{err}");
    assert!(err.contains("is first defined at data/events/2025.toml:"), "{err}");

    // The first file of a duplicate pair, named: the problem reported in
    // the other file points at it, so it is listed.
    let first = at(dir.path()).args(["check", "data/events/2025.toml", "--data", "data"]).output().unwrap();
    assert!(stdout(&first).contains("no problems"), "draft.toml is not part of ./data: {}", stdout(&first));

    // A folder alone is the dataset.
    let folder = at(dir.path()).args(["check", "data/"]).output().unwrap();
    assert_eq!(folder.status.code(), Some(65), "the edited pillar id is still wrong");
}

#[test]
fn an_empty_period_and_a_default_period_past_the_report_date_are_warned() {
    let dir = workspace();
    let empty = at(dir.path()).args(["--period", "2030", "--format", "md", "--as-of", AS_OF, "-o", "-"]).output().unwrap();
    assert_eq!(empty.status.code(), Some(0));
    let err = stderr(&empty);
    assert!(err.contains("warning: the period 2030 holds no events: the briefing is empty; the dataset's events run from 2021 to 2029"), "{err}");

    let default = at(dir.path()).args(["--format", "md", "--as-of", AS_OF, "-o", "-"]).output().unwrap();
    let err = stderr(&default);
    assert!(err.contains("warning: no --period given: the period runs to 2029 because event `"), "{err}");
    assert!(err.contains("help: give --period to choose, for example --period 2021-2026"), "{err}");

    // A period given, or a default that ends before the report's date: no
    // warning.
    let given = at(dir.path()).args(["--period", "2024-2026", "--format", "md", "--as-of", AS_OF, "-q", "-o", "-"]).output().unwrap();
    assert!(stderr(&given).is_empty(), "{}", stderr(&given));
    let later = at(dir.path()).args(["--format", "md", "--as-of", "2030-01-01", "-q", "-o", "-"]).output().unwrap();
    assert!(stderr(&later).is_empty(), "{}", stderr(&later));
}

#[test]
fn month_ranges_name_files_without_double_dots_and_read_the_old_name() {
    let dir = workspace();
    let run = |as_of: &str| at(dir.path()).args(["--period", "2024-07..2025-06", "--format", "md", "--as-of", as_of]).output().unwrap();
    let first = run(AS_OF);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(entries(&dir.path().join("reports")), ["azint-briefing-2024-07_2025-06.json", "azint-briefing-2024-07_2025-06.md"]);

    // A summary under the name earlier versions wrote is still the
    // previous one.
    let reports = dir.path().join("reports");
    std::fs::rename(reports.join("azint-briefing-2024-07_2025-06.json"), reports.join("azint-briefing-2024-07..2025-06.json")).unwrap();
    std::fs::remove_file(reports.join("azint-briefing-2024-07_2025-06.md")).unwrap();
    edit(&dir.path().join("data/events/2025.toml"), "significance = 3", "significance = 4");
    let second = run("2026-02-13");
    assert!(stderr(&second).contains("changes: +0 −0 ~1"), "{}", stderr(&second));
}

#[test]
fn a_misspelt_helper_parameter_names_the_variable_and_its_place() {
    let dir = workspace();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    let original = std::fs::read_to_string(root().join("templates/highlight.md.hbs")).unwrap();
    assert!(original.contains("{{list partners}}"));
    std::fs::write(templates.join("highlight.md.hbs"), original.replacen("{{list partners}}", "{{list partnerz}}", 1)).unwrap();
    let output = at(dir.path()).args(["--format", "md", "--templates", "templates", "--as-of", AS_OF, "-o", "-"]).output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    let err = stderr(&output);
    assert!(err.starts_with("templates/highlight.md.hbs:"), "{err}");
    assert!(err.contains("`partnerz` is not defined here"), "{err}");
}
