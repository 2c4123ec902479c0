//! The analyst's edit loop as the README walks through it, run the way the
//! README says, from a folder holding `data/`, with relative paths and the
//! default `./data`: edit an event, check the file being edited, regenerate,
//! read what changed field by field since the briefing the analyst issued
//! (issue 24): the baseline stays put until the next `--issue`, drafts say
//! DRAFT, another dataset is named as such.

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
    let issued = at(dir.path()).args(["--period", "2024-2026", "--format", "md", "--as-of", AS_OF, "--issue"]).output().unwrap();
    assert_eq!(issued.status.code(), Some(0), "{}", stderr(&issued));
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
    let line = "; changes since 2026-02-12: +0 −0 ~1, in reports/azint-briefing-2024-2026.changes.md\n";
    assert!(err.ends_with(line), "{err}");
    assert_eq!(err.lines().count(), 1, "one line on success: {err}");
    let md = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.changes.md")).unwrap();
    let section = &md[md.find("## Changes since the issued briefing").unwrap()..];
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

    // The same command again: the baseline did not move, so the same
    // change is reported, and the briefing is the same bytes, with no
    // changes section.
    let md = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.md")).unwrap();
    assert!(!md.contains("## Changes since"), "{md}");
    let third = run("2026-02-13");
    assert!(stderr(&third).ends_with(line), "{}", stderr(&third));
    assert_eq!(std::fs::read(dir.path().join("reports/azint-briefing-2024-2026.md")).unwrap(), md.as_bytes());
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
fn an_empty_period_is_warned_and_the_default_period_is_not() {
    let dir = workspace();
    let empty = at(dir.path()).args(["--period", "2030", "--format", "md", "--as-of", AS_OF, "-o", "-"]).output().unwrap();
    assert_eq!(empty.status.code(), Some(0));
    let err = stderr(&empty);
    assert!(err.contains("warning: the period 2030 holds no events: the briefing is empty; the dataset's events run from 2021 to 2029"), "{err}");

    // Issue 27, item 6: the default period ends at the report's year, so
    // it never reaches past the report's date and is not warned of.
    let default = at(dir.path()).args(["--format", "md", "--as-of", AS_OF, "-q", "-o", "-"]).output().unwrap();
    assert!(stderr(&default).is_empty(), "{}", stderr(&default));
    assert!(stdout(&default).contains("Briefing for **2021–2026**"), "{}", &stdout(&default)[..400]);
    let given = at(dir.path()).args(["--period", "2024-2026", "--format", "md", "--as-of", AS_OF, "-q", "-o", "-"]).output().unwrap();
    assert!(stderr(&given).is_empty(), "{}", stderr(&given));
    let later = at(dir.path()).args(["--format", "md", "--as-of", "2030-01-01", "-q", "-o", "-"]).output().unwrap();
    assert!(stderr(&later).is_empty(), "{}", stderr(&later));
}

#[test]
fn month_ranges_name_files_and_issued_copies_without_double_dots() {
    let dir = workspace();
    let run = |as_of: &str, issue: bool| {
        let mut command = at(dir.path());
        command.args(["--period", "2024-07..2025-06", "--format", "md", "--as-of", as_of]);
        if issue {
            command.arg("--issue");
        }
        command.output().unwrap()
    };
    let first = run(AS_OF, true);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(entries(&dir.path().join("reports")), ["azint-briefing-2024-07_2025-06.json", "azint-briefing-2024-07_2025-06.md", "azint-briefing-2024-07_2025-06.partners.geojson", "azint-briefing-2024-07_2025-06.partners.svg", "azint-briefing-2024-07_2025-06.routes.geojson", "azint-briefing-2024-07_2025-06.routes.svg", "issued"]);
    assert_eq!(
        entries(&dir.path().join("reports/issued")),
        ["azint-briefing-2024-07_2025-06.2026-02-12.json", "azint-briefing-2024-07_2025-06.2026-02-12.md"]
    );
    edit(&dir.path().join("data/events/2025.toml"), "significance = 3", "significance = 4");
    let second = run("2026-02-13", false);
    assert!(stderr(&second).contains("; changes since 2026-02-12: +0 −0 ~1"), "{}", stderr(&second));
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

/// The files of `dir`, each with its bytes: what a run must leave alone.
fn snapshot_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    entries(dir).into_iter().map(|name| (name.clone(), std::fs::read(dir.join(&name)).unwrap())).collect()
}

/// Issue 24, item 1: ten runs after an issue (as ten saves under
/// `--watch` would render) leave the issued baseline where it is, and the
/// last still reports every change since the issued briefing, not only the
/// last edit.
#[test]
fn issue_24_ten_runs_leave_the_baseline_and_count_every_change_since_the_issue() {
    let dir = workspace();
    let run = |as_of: &str, extra: &[&str]| {
        let output = at(dir.path()).args(["--period", "2024-2026", "--format", "both", "--as-of", as_of]).args(extra).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stderr(&output)
    };
    let err = run(AS_OF, &["--issue"]);
    assert!(err.contains("; issued 2026-02-12, the first for this period"), "{err}");
    let issued = dir.path().join("reports/issued");
    let kept = snapshot_of(&issued);
    assert_eq!(kept.len(), 3, "the briefing's PDF, Markdown and JSON summary");
    let events = dir.path().join("data/events/2025.toml");
    for n in 1..=10 {
        let event = format!("\n[[event]]\nid = \"added-{n}\"\ntitle = \"Added event {n}\"\ndate = 2025-05-05\npillar = \"connectivity\"\nkind = \"other\"\nsignificance = 1\nsummary = \"New.\"\nsources = [{{ name = \"Test\" }}]\n");
        std::fs::write(&events, std::fs::read_to_string(&events).unwrap() + &event).unwrap();
        let err = run("2026-02-20", &[]);
        assert!(err.contains(&format!("; changes since 2026-02-12: +{n} −0 ~0, in reports/azint-briefing-2024-2026.changes.md")), "run {n}: {err}");
        assert_eq!(snapshot_of(&issued), kept, "run {n} moved the baseline");
    }
    let changes = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.changes.md")).unwrap();
    assert!(changes.contains("Since the briefing issued on 12 February 2026: 10 events added, 0 removed and 0 edited."), "{changes}");
    assert!(changes.contains("Added event 1,") && changes.contains("Added event 10"), "{changes}");
}

/// Issue 24, item 1: a run over another data folder (a forgotten or wrong
/// `--data`) says it compares a different dataset, names where the issued
/// briefing's data came from, and lists no changes; another spelling of
/// the same folder is the same dataset.
#[test]
fn issue_24_the_wrong_data_folder_is_named_as_a_different_dataset() {
    let dir = workspace();
    copy_dir(&dir.path().join("data"), &dir.path().join("my-data"));
    edit(&dir.path().join("my-data/events/2025.toml"), "significance = 3", "significance = 4");
    let run = |extra: &[&str]| {
        let output = at(dir.path()).args(["--period", "2024-2026", "--format", "md", "--as-of", AS_OF]).args(extra).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stderr(&output)
    };
    run(&["--issue", "--data", "my-data"]);
    let err = run(&[]);
    assert!(
        err.ends_with("; compares a different dataset: the briefing issued 2026-02-12 came from my-data; no changes listed\n"),
        "{err}"
    );
    let changes = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.changes.md")).unwrap();
    assert!(
        changes.contains("This run compares a different dataset: the briefing issued on 12 February 2026 came from my-data, so no changes are listed."),
        "{changes}"
    );
    assert!(!changes.contains("### Changes in"), "{changes}");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.json")).unwrap()).unwrap();
    assert_eq!(json["changes"]["different_dataset"], "my-data");
    assert_eq!(json["data"]["folder"], "data");
    // One pillar of the same data is not the briefing of all four.
    let err = run(&["--data", "my-data", "--pillar", "energy"]);
    assert!(
        err.ends_with("; compares a different dataset: the briefing issued 2026-02-12 came from my-data, pillars connectivity, diplomacy, energy, multilateral; no changes listed\n"),
        "{err}"
    );
    // The same folder spelt another way (and, as the folder's name is
    // kept, in a clean clone elsewhere): the same dataset.
    let err = run(&["--data", "./my-data/"]);
    assert!(err.ends_with("; no changes since 2026-02-12\n"), "{err}");
}

/// Issue 24, item 2: a draft's PDF says DRAFT in the foot of every page
/// and its Markdown at the top; the issued briefing and its kept copies
/// say neither.
#[test]
fn issue_24_drafts_say_draft_on_every_page_and_issued_briefings_do_not() {
    let dir = workspace();
    let run = |extra: &[&str]| {
        let output = at(dir.path()).args(["--period", "2024-2026", "--format", "both"]).args(extra).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    };
    let pages_saying = |pdf: &Path| {
        let doc = lopdf::Document::load(pdf).unwrap();
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        let saying = pages.iter().filter(|&&p| doc.extract_text(&[p]).unwrap().contains("DRAFT")).count();
        (saying, pages.len())
    };
    let pdf = dir.path().join("reports/azint-briefing-2024-2026.pdf");
    let md = dir.path().join("reports/azint-briefing-2024-2026.md");
    run(&["--as-of", AS_OF]);
    let (saying, pages) = pages_saying(&pdf);
    assert!(pages > 10 && saying == pages, "{saying} of {pages} pages say DRAFT");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Azerbaijan's International Integration\n\n**DRAFT** — not issued\n"), "{text}");
    run(&["--as-of", AS_OF, "--issue"]);
    assert_eq!(pages_saying(&pdf).0, 0);
    assert!(!std::fs::read_to_string(&md).unwrap().contains("DRAFT"));
    let copy = dir.path().join("reports/issued/azint-briefing-2024-2026.2026-02-12.pdf");
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&pdf).unwrap(), "the issued copy is the issued briefing");
    // The next run is a draft again.
    run(&["--as-of", "2026-02-13"]);
    let (saying, pages) = pages_saying(&pdf);
    assert_eq!(saying, pages);
}

/// Issue 24, item 2: `--since` picks an earlier issued briefing by date or
/// reference; one that names none is an error listing the issued ones; a
/// second issue on the same date, under any reference, is refused and
/// leaves the first as it was.
#[test]
fn issue_24_since_picks_an_issued_briefing_and_an_issue_is_never_replaced() {
    let dir = workspace();
    let pillars = dir.path().join("data/pillars.toml");
    let run = |as_of: &str, extra: &[&str]| at(dir.path()).args(["--period", "2024-2026", "--format", "md", "--as-of", as_of]).args(extra).output().unwrap();
    let reference = |r: &str| {
        let text = std::fs::read_to_string(&pillars).unwrap();
        let text: String = text.lines().filter(|l| !l.starts_with("reference =")).map(|l| format!("{l}\n")).collect();
        std::fs::write(&pillars, text.replacen("[report]\n", &format!("[report]\nreference = \"{r}\"\n"), 1)).unwrap();
    };
    reference("AZ-2026/01");
    assert_eq!(run("2026-01-12", &["--issue"]).status.code(), Some(0));
    edit(&dir.path().join("data/events/2025.toml"), "significance = 3", "significance = 4");
    reference("AZ-2026-07");
    let second = run("2026-02-12", &["--issue"]);
    assert!(stderr(&second).contains("; issued 2026-02-12 (AZ-2026-07); changes since 2026-01-12 (AZ-2026/01): +0 −0 ~1"), "{}", stderr(&second));
    assert_eq!(
        entries(&dir.path().join("reports/issued")),
        [
            "azint-briefing-2024-2026.2026-01-12.AZ-2026-01.json",
            "azint-briefing-2024-2026.2026-01-12.AZ-2026-01.md",
            "azint-briefing-2024-2026.2026-02-12.AZ-2026-07.changes.md",
            "azint-briefing-2024-2026.2026-02-12.AZ-2026-07.json",
            "azint-briefing-2024-2026.2026-02-12.AZ-2026-07.md",
        ]
    );
    edit(&dir.path().join("data/events/2026.toml"), "significance = 3", "significance = 2");
    let latest = run("2026-03-01", &[]);
    assert!(stderr(&latest).contains("; changes since 2026-02-12 (AZ-2026-07): +0 −0 ~1"), "{}", stderr(&latest));
    let changes = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.changes.md")).unwrap();
    assert!(changes.contains("Since the briefing issued on 12 February 2026 (AZ-2026-07): 0 events added"), "{changes}");
    for since in ["2026-01-12", "AZ-2026-01", "az-2026/01"] {
        let earlier = run("2026-03-01", &["--since", since]);
        assert!(stderr(&earlier).contains("; changes since 2026-01-12 (AZ-2026/01): +0 −0 ~2"), "{since}: {}", stderr(&earlier));
    }
    let unknown = run("2026-03-01", &["--since", "2025-12-01"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(
        stderr(&unknown),
        "error: --since `2025-12-01` names no issued briefing of this period; the issued ones are 2026-01-12 (AZ-2026-01), 2026-02-12 (AZ-2026-07)\n"
    );
    let kept = snapshot_of(&dir.path().join("reports/issued"));
    let again = run("2026-02-12", &["--issue"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("a briefing of this period was already issued on 2026-02-12: "), "{}", stderr(&again));
    assert!(stderr(&again).contains("or remove the files of 2026-02-12 (AZ-2026-07) from reports/issued to issue it again"), "{}", stderr(&again));
    assert_eq!(snapshot_of(&dir.path().join("reports/issued")), kept);
    // Under another reference, the same day: one a day, so that "the
    // latest" and `--since 2026-02-12` name one briefing.
    reference("AZ-2026-08");
    let other = run("2026-02-12", &["--issue"]);
    assert_eq!(other.status.code(), Some(2), "{}", stderr(&other));
    assert!(stderr(&other).contains("already issued on 2026-02-12: "), "{}", stderr(&other));
    assert_eq!(snapshot_of(&dir.path().join("reports/issued")), kept);
}

/// Issue 24, item 3: with `--no-changes` the issued summary is not read at
/// all: a corrupt one gives no warning, and every output (and the success
/// line, but for its time) is what it is with no issued briefing at all.
#[test]
fn issue_24_no_changes_reads_no_issued_summary() {
    let with = workspace();
    let without = workspace();
    let run = |dir: &Path, extra: &[&str]| {
        let output = at(dir).args(["--period", "2024-2026", "--format", "both"]).args(extra).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stderr(&output)
    };
    run(with.path(), &["--issue", "--as-of", "2026-01-12"]);
    std::fs::write(with.path().join("reports/issued/azint-briefing-2024-2026.2026-01-12.json"), "{ corrupt").unwrap();
    let said = run(with.path(), &["--as-of", AS_OF]);
    assert!(said.contains("warning: the issued JSON summary cannot be used"), "{said}");
    let untimed = |line: String| line[..line.rfind(" in ").unwrap()].replace(&with.path().display().to_string(), "");
    let with_line = untimed(run(with.path(), &["--as-of", AS_OF, "--no-changes"]));
    let without_line = untimed(run(without.path(), &["--as-of", AS_OF, "--no-changes"]));
    assert!(!with_line.contains("warning"), "{with_line}");
    assert_eq!(with_line, without_line);
    for ext in ["md", "pdf", "json"] {
        let name = format!("reports/azint-briefing-2024-2026.{ext}");
        assert!(std::fs::read(with.path().join(&name)).unwrap() == std::fs::read(without.path().join(&name)).unwrap(), "{name} differs");
    }
}

/// Issue 24: the options that cannot go together are refused before
/// anything is read or written, each saying why (exit 2).
#[test]
fn issue_24_issue_since_and_no_changes_refuse_what_cannot_be_done() {
    let dir = workspace();
    for (args, said) in [
        (&["--issue", "-o", "-", "--format", "md"][..], "--issue keeps the briefing's files under issued/"),
        (&["--issue", "--watch"][..], "--issue and --watch: a briefing is issued by one run"),
        (&["--since", "2026-01-12", "--no-changes"][..], "--since names the issued briefing to compare with, and --no-changes compares with none"),
        (&["--changes-in-briefing", "--no-changes"][..], "--changes-in-briefing and --no-changes"),
        (&["--changes-in-briefing", "-o", "-", "--format", "md"][..], "--changes-in-briefing and --since compare with an issued briefing"),
        (&["--changes-in-briefing", "--format", "json"][..], "--changes-in-briefing puts the change report into the briefing, and --format json makes none"),
        (&["--since", "AZ-1", "-o", "-", "--format", "md"][..], "--changes-in-briefing and --since compare with an issued briefing"),
        (&["--since", "2026-01-12"][..], "--since `2026-01-12`: no briefing of this period has been issued yet"),
    ] {
        let output = at(dir.path()).args(["--period", "2024-2026", "--as-of", AS_OF]).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
        assert!(stderr(&output).starts_with(&format!("error: {said}")), "{args:?}: {}", stderr(&output));
        assert!(!dir.path().join("reports").exists(), "{args:?} wrote");
    }
}

/// The change report beside the briefing is the run's own or none: after
/// an edit is undone, or with `--no-changes`, or with no issued briefing
/// left, no report of an earlier run's changes stays beside a briefing it
/// does not describe; a failed run leaves it.
#[test]
fn issue_24_no_stale_change_report_stays_beside_the_briefing() {
    let dir = workspace();
    let report = dir.path().join("reports/azint-briefing-2025.changes.md");
    let run_as = |format: &str, extra: &[&str]| {
        at(dir.path()).args(["--period", "2025", "--as-of", AS_OF, "--format", format]).args(extra).output().unwrap()
    };
    let run = |extra: &[&str]| run_as("md", extra);
    assert_eq!(run(&["--issue"]).status.code(), Some(0));
    let file = dir.path().join("data/events/2025.toml");
    let original = std::fs::read_to_string(&file).unwrap();
    let edited = || std::fs::write(&file, original.replacen("significance = 3", "significance = 4", 1)).unwrap();
    edited();
    assert_eq!(run(&[]).status.code(), Some(0));
    assert!(std::fs::read_to_string(&report).unwrap().contains("0 removed and 1 edited"));

    // A failed run leaves it.
    std::fs::write(&file, format!("{original}\nbroken = \"no end\n")).unwrap();
    assert_eq!(run(&[]).status.code(), Some(65));
    assert!(report.exists(), "a failed run removed the change report");

    // Undone: the report now says there are no changes.
    std::fs::write(&file, &original).unwrap();
    assert_eq!(run(&[]).status.code(), Some(0));
    assert!(std::fs::read_to_string(&report).unwrap().contains("0 events added, 0 removed and 0 edited"), "{}", std::fs::read_to_string(&report).unwrap());

    // A JSON summary alone leaves the briefing beside it, and its report.
    edited();
    assert_eq!(run(&[]).status.code(), Some(0));
    let before = std::fs::read(&report).unwrap();
    std::fs::write(&file, &original).unwrap();
    assert_eq!(run_as("json", &[]).status.code(), Some(0));
    assert_eq!(std::fs::read(&report).unwrap(), before);
    // A briefing made with --no-changes has no change report beside it.
    assert_eq!(run(&["--no-changes"]).status.code(), Some(0));
    assert!(!report.exists(), "--no-changes left an earlier run's change report");
    // With no issued briefing left.
    edited();
    assert_eq!(run(&[]).status.code(), Some(0));
    std::fs::remove_dir_all(dir.path().join("reports/issued")).unwrap();
    let output = run(&[]);
    assert!(stderr(&output).contains("no issued briefing yet"), "{}", stderr(&output));
    assert!(!report.exists(), "an earlier run's change report stayed with no issued briefing");
}

/// A briefing of one pillar issued after the whole one does not take its
/// place: each run compares with the latest issued briefing of its own
/// pillars (a fresh eye found the pillar's briefing named "a different
/// dataset" to every later run of the whole).
#[test]
fn issue_24_a_pillars_issue_does_not_take_the_whole_briefings_place() {
    let dir = workspace();
    let run = |as_of: &str, extra: &[&str]| {
        let output = at(dir.path()).args(["--period", "2024-2026", "--format", "json", "--as-of", as_of]).args(extra).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stderr(&output)
    };
    run("2026-02-12", &["--issue"]);
    run("2026-03-01", &["--issue", "--pillar", "energy"]);
    let whole = run("2026-03-02", &[]);
    assert!(whole.ends_with("; no changes since 2026-02-12\n"), "{whole}");
    let energy = run("2026-03-02", &["--pillar", "energy"]);
    assert!(energy.ends_with("; no changes since 2026-03-01\n"), "{energy}");
    let other = run("2026-03-02", &["--pillar", "diplomacy"]);
    assert!(other.contains("; compares a different dataset: the briefing issued 2026-03-01 came from ./data, pillars energy; no changes listed"), "{other}");
}
