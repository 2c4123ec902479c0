//! The command line contract: exit codes, outputs, atomic writes.

use crate::util::{bin, entries, fixture, root, stderr, stdout, AS_OF};

#[test]
fn a_malformed_or_reversed_period_is_a_usage_error() {
    for period in ["2026-2024", "2025-13", "24-26"] {
        let output = bin()
            .args(["--format", "md", "--period", period])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{period}");
        let err = stderr(&output);
        assert!(
            err.contains("expected `2024-2026` (years), `2025` (a year), `2025-03` (a month)"),
            "{err}"
        );
    }
}

#[test]
fn pdf_is_the_default_format_and_both_writes_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "--out-dir"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(entries(dir.path()), ["azint-briefing-2024-2026.json", "azint-briefing-2024-2026.pdf"]);
    let err = stderr(&output);
    assert!(err.contains(" (2024-2026, 30 events from ./data, "), "{err}");
    assert!(err.contains(" pages, "), "{err}");
    let output = bin().args(["--period", "2025", "--format", "both", "-q", "--as-of", AS_OF, "--out-dir"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        entries(dir.path()),
        ["azint-briefing-2024-2026.json", "azint-briefing-2024-2026.pdf", "azint-briefing-2025.json", "azint-briefing-2025.md", "azint-briefing-2025.pdf"]
    );
    let pdf = std::fs::read(dir.path().join("azint-briefing-2025.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn writes_the_default_file_name_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let data = root().join("data");
    let output = bin()
        .current_dir(dir.path())
        .args([
            "--period",
            "2024-2026",
            "--format",
            "md",
            "--as-of",
            AS_OF,
            "--data",
        ])
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = dir.path().join("reports/azint-briefing-2024-2026.md");
    assert!(report.is_file());
    let err = stderr(&output);
    assert!(
        err.starts_with(&format!(
            "wrote reports/azint-briefing-2024-2026.md and reports/azint-briefing-2024-2026.json (2024-2026, 30 events from {}, ",
            data.display()
        )),
        "{err}"
    );
    assert!(err.trim_end().ends_with(" ms; no issued briefing yet"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line on success: {err}");
    assert_eq!(
        entries(&dir.path().join("reports")),
        ["azint-briefing-2024-2026.json", "azint-briefing-2024-2026.md"]
    );
}

#[test]
fn without_data_folder_the_built_in_dataset_is_used_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let output = bin()
        .current_dir(dir.path())
        .args(["--format", "md", "--as-of", AS_OF, "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains(" events from the built-in dataset (no ./data here), "), "{err}");
    let from_repo = bin()
        .args(["--format", "md", "--as-of", AS_OF, "-o", "-"])
        .output()
        .unwrap();
    // Same facts; only the data note names the source differently.
    let built_in = stdout(&output).replace("data (built in)", "data");
    assert_eq!(built_in, stdout(&from_repo));
}

#[test]
fn quiet_prints_nothing_on_success() {
    let dir = tempfile::tempdir().unwrap();
    let output = bin()
        .args(["--period", "2024-2026", "--format", "md", "-q", "--out-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty() && output.stderr.is_empty());
}

#[test]
fn a_failed_run_leaves_the_earlier_report_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("briefing.md");
    let ok = bin()
        .args(["--format", "md", "--as-of", AS_OF, "-q", "-o"])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
    let before = std::fs::read(&report).unwrap();

    let bad_data = bin()
        .args(["--format", "md", "-o"])
        .arg(&report)
        .args(["--data"])
        .arg(fixture("invalid/many-problems.toml"))
        .output()
        .unwrap();
    assert_eq!(bad_data.status.code(), Some(65));
    assert!(stderr(&bad_data).ends_with("error: 13 problems; nothing was written\n"));

    let templates = tempfile::tempdir().unwrap();
    std::fs::write(templates.path().join("briefing.md.hbs"), "{{#each}}").unwrap();
    let bad_template = bin()
        .args(["--format", "md", "-o"])
        .arg(&report)
        .arg("--templates")
        .arg(templates.path())
        .output()
        .unwrap();
    assert_eq!(bad_template.status.code(), Some(65));

    assert_eq!(std::fs::read(&report).unwrap(), before);
    assert_eq!(entries(dir.path()), ["briefing.json", "briefing.md"]);
}

#[test]
fn an_unwritable_output_is_an_io_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing-folder").join("r.md");
    let output = bin()
        .args(["--format", "md", "-q", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.starts_with(&format!(
            "error: cannot write {}: No such file or directory",
            target.display()
        )),
        "{err}"
    );
}

#[test]
fn out_names_one_file_only() {
    let output = bin()
        .args(["--format", "both", "-o", "x"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--format both writes two"));
}

#[test]
fn an_unknown_pillar_is_a_usage_error_with_a_suggestion() {
    let output = bin()
        .args(["--format", "md", "-o", "-", "--pillar", "enrgy"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `energy`?"));
}

#[test]
fn as_of_comes_from_source_date_epoch() {
    let output = bin()
        .env("SOURCE_DATE_EPOCH", "1770854400")
        .args(["--format", "md", "-o", "-"])
        .output()
        .unwrap();
    assert!(stdout(&output).contains("as of 12 February 2026"));
    let output = bin()
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["--format", "md", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("SOURCE_DATE_EPOCH"));
}

#[test]
fn bad_flags_are_clap_errors_with_exit_2() {
    let output = bin().args(["--format", "docx"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = bin().args(["--highlights", "many"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn help_has_examples_and_completions_print() {
    let help = bin().arg("--help").output().unwrap();
    assert!(stdout(&help).contains("Examples:"));
    let bash = bin().args(["completions", "bash"]).output().unwrap();
    assert_eq!(bash.status.code(), Some(0));
    assert!(stdout(&bash).contains("azint-report"));
}
