//! The command line contract: exit codes, outputs, atomic writes.

use crate::util::{bin, entries, fixture, root, stderr, stdout, AS_OF};

#[test]
fn a_malformed_or_reversed_period_is_a_usage_error() {
    for (period, says) in [
        ("2026-2024", "it ends (2024) before it starts (2026): did you mean `2024-2026`?"),
        ("2025-13", "month 13 does not exist (1 to 12)"),
        ("24-26", "a period is a year (`2025`), a month (`2025-03`), a day (`2025-03-12`), or two of one kind joined by a dash or `..`, as in `2024-2026`, `2024–2026` or `2024-07..2025-06`"),
    ] {
        let output = bin()
            .args(["--format", "md", "--period", period])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{period}");
        let err = stderr(&output);
        assert!(err.starts_with(&format!("error: invalid value '{period}' for '--period <P>': {says}\n")), "{err}");
        assert_eq!(err.matches("expected").count(), 0, "{err}");
    }
}

/// Issue 24, item 5: `--period` as people write it (the en dash the
/// briefing itself prints, `..`, months for years) is one period: one file
/// name, from its days, and one history.
#[test]
fn issue_24_every_spelling_of_a_period_writes_one_file_and_one_history() {
    let dir = tempfile::tempdir().unwrap();
    let run = |period: &str, issue: bool| {
        let output = bin()
            .args(["--period", period, "--format", "md", "--as-of", AS_OF, "--out-dir"])
            .arg(dir.path())
            .args(issue.then_some("--issue"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{period}: {}", stderr(&output));
        stderr(&output)
    };
    let first = run("2024..2026", true);
    assert!(first.contains(" (2024-2026, 30 events from ./data, "), "{first}");
    assert!(first.ends_with("; issued 2026-02-12, the first for this period\n"), "{first}");
    let markdown = std::fs::read(dir.path().join("azint-briefing-2024-2026.md")).unwrap();
    for period in ["2024–2026", "2024 — 2026", "2024-01..2026-12", "2024 - 2026"] {
        let again = run(period, false);
        assert!(again.ends_with("; no changes since 2026-02-12\n"), "{period} found no history: {again}");
    }
    // The draft says DRAFT where the issued one did not; otherwise the same.
    let draft = std::fs::read_to_string(dir.path().join("azint-briefing-2024-2026.md")).unwrap();
    assert_eq!(draft.replacen("**DRAFT** — not issued\n\n", "", 1).into_bytes(), markdown);
    assert_eq!(
        entries(dir.path()),
        [
            "azint-briefing-2024-2026.changes.md",
            "azint-briefing-2024-2026.json",
            "azint-briefing-2024-2026.md",
            "azint-briefing-2024-2026.partners.geojson",
            "azint-briefing-2024-2026.partners.svg",
            "azint-briefing-2024-2026.routes.geojson",
            "azint-briefing-2024-2026.routes.svg",
            "issued"
        ]
    );
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
        [
            "azint-briefing-2024-2026.json",
            "azint-briefing-2024-2026.pdf",
            "azint-briefing-2025.json",
            "azint-briefing-2025.md",
            "azint-briefing-2025.partners.geojson",
            "azint-briefing-2025.partners.svg",
            "azint-briefing-2025.pdf",
            "azint-briefing-2025.routes.geojson",
            "azint-briefing-2025.routes.svg"
        ]
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
        ["azint-briefing-2024-2026.json", "azint-briefing-2024-2026.md", "azint-briefing-2024-2026.partners.geojson", "azint-briefing-2024-2026.partners.svg", "azint-briefing-2024-2026.routes.geojson", "azint-briefing-2024-2026.routes.svg"]
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
    assert_eq!(entries(dir.path()), [
            "azint-briefing-2021-2026.partners.geojson",
            "azint-briefing-2021-2026.partners.svg",
            "azint-briefing-2021-2026.routes.geojson",
            "azint-briefing-2021-2026.routes.svg",
            "briefing.json",
            "briefing.md"
        ]);
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

/// Issue 24, item 6: `-o -` with the PDF to a terminal (a pseudo-terminal
/// from `script`) is refused with a hint, exit 2, and writes nothing; to a
/// pipe the PDF comes as before, and Markdown comes to the terminal.
#[test]
fn issue_24_a_pdf_to_a_terminal_is_refused_and_to_a_pipe_written() {
    let piped = bin().args(["--period", "2025", "--as-of", AS_OF, "-q", "-o", "-"]).output().unwrap();
    assert_eq!(piped.status.code(), Some(0), "{}", stderr(&piped));
    assert!(piped.stdout.starts_with(b"%PDF-") && piped.stdout.ends_with(b"%%EOF"));

    if std::process::Command::new("script").arg("--version").output().is_err() {
        // CI has util-linux's `script`: there the terminal is always checked.
        assert!(std::env::var_os("CI").is_none(), "CI has no `script` to make a terminal with");
        eprintln!("no `script` here to make a terminal: only the pipe is checked");
        return;
    }
    let quoted = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let in_terminal = |args: &str| {
        let command = format!("{} --period 2025 --as-of {AS_OF} {args}", quoted(&assert_cmd::cargo::cargo_bin!("azint-report").display().to_string()));
        std::process::Command::new("script").args(["-qec", &command, "/dev/null"]).current_dir(root()).stdin(std::process::Stdio::null()).output().unwrap()
    };
    let refused = in_terminal("-o -");
    let said = String::from_utf8_lossy(&refused.stdout);
    assert_eq!(refused.status.code(), Some(2), "{said}");
    assert_eq!(said.trim_end(), "error: the PDF is binary and standard output is a terminal: give -o FILE, or redirect: > briefing.pdf");
    let markdown = in_terminal("--format md -q -o -");
    assert_eq!(markdown.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&markdown.stdout).starts_with("# "), "Markdown is text: it comes to the terminal");
}
