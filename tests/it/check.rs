//! `check` and the diagnostics of invalid data: one fixture per kind of
//! problem, each snapshotted with every message, place and help line.

use azint_report::dataset::DataSource;

use crate::util::{bin, fixture, stderr, stdout};

/// Every problem `check` reports for `path`, as the binary prints them.
fn diagnostics(path: &std::path::Path) -> String {
    let report = match azint_report::check(&DataSource::Path(path.to_path_buf())) {
        Ok(report) => report.problems,
        Err(azint_report::Error::Dataset(azint_report::dataset::DatasetError::Invalid(
            problems,
        ))) => problems,
        Err(e) => panic!("{}: unexpected error {e}", path.display()),
    };
    report.iter().map(|d| format!("{d}\n")).collect()
}

#[test]
fn each_invalid_file_is_refused_with_its_place() {
    insta::glob!("../fixtures/invalid", "*.toml", |path| {
        let relative = path.strip_prefix(crate::util::root()).unwrap();
        let text = diagnostics(relative);
        assert!(!text.is_empty(), "{} was accepted", relative.display());
        for line in text.lines().filter(|l| !l.starts_with("  help:")) {
            assert!(line.starts_with(&relative.display().to_string()), "{line}");
        }
        insta::assert_snapshot!(text);
    });
}

#[test]
fn each_invalid_folder_is_refused_with_its_place() {
    insta::glob!("../fixtures/invalid-folders", "*", |path| {
        let relative = path.strip_prefix(crate::util::root()).unwrap();
        insta::assert_snapshot!(diagnostics(relative));
    });
}

#[test]
fn there_is_a_fixture_for_at_least_25_kinds_of_problem() {
    let count = std::fs::read_dir(crate::util::root().join("tests/fixtures/invalid"))
        .unwrap()
        .count();
    assert!(count >= 25, "{count} fixtures");
}

#[test]
fn check_lists_every_problem_and_exits_65() {
    let output = bin()
        .args(["check", "--data"])
        .arg(fixture("invalid/many-problems.toml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    let err = stderr(&output);
    assert_eq!(
        err.lines().filter(|l| l.contains(": error: ")).count(),
        13,
        "{err}"
    );
    assert!(
        err.ends_with("tests/fixtures/invalid/many-problems.toml: 13 problems in 1 file\n"),
        "{err}"
    );
}

#[test]
fn check_reports_problems_in_every_file_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(
        crate::util::root().join("tests/fixtures/invalid/kind-unknown.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("a.toml"), &base).unwrap();
    std::fs::write(dir.path().join("b.toml"), "[[event]]\nid = 5\n").unwrap();
    let output = bin()
        .args(["check", "--data"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(65));
    assert!(
        err.contains("a.toml:13:8: error: unknown kind `sumit`"),
        "{err}"
    );
    assert!(
        err.contains("b.toml:2:6: error: `id` must be a string, found an integer"),
        "{err}"
    );
    assert!(
        err.contains("b.toml:1:1: error: missing required key `title`"),
        "{err}"
    );
}

#[test]
fn check_accepts_the_default_dataset() {
    let output = bin().arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with("data: 9 files, 4 pillars, 30 events: no problems"),
        "{out}"
    );
}

#[test]
fn check_skips_hidden_and_non_toml_files() {
    let output = bin()
        .args(["check", "--data"])
        .arg(fixture("valid/hidden-and-other-files"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("2 files, 1 pillar, 1 event"));
}

#[test]
fn a_missing_data_path_is_an_io_error_naming_it() {
    let output = bin()
        .args(["check", "--data", "no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: cannot read no/such/folder: No such file or directory (os error 2)\n"
    );
}

/// Issue 15: a planned event whose date has passed as of `--as-of` is a
/// warning with its place; `check` still succeeds.
#[test]
fn check_warns_of_plans_whose_date_has_passed() {
    let output = bin().args(["check", "--as-of", "2027-01-05"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("data/events/2026.toml:74:1: warning: event `oic-summit-2026` is planned for 2026; still planned as of 2027-01-05?"),
        "{err}"
    );
    assert!(err.contains("event `cica-summit-2026` is planned for 2026"), "{err}");
    assert!(stdout(&output).starts_with("data: 9 files, 4 pillars, 30 events: no errors, 2 warnings"));
    let output = bin().args(["check", "--as-of", "2026-02-12"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    // The clock is never read when SOURCE_DATE_EPOCH gives the date.
    let output = bin().arg("check").env("SOURCE_DATE_EPOCH", "1798761600").output().unwrap();
    assert!(stderr(&output).contains("still planned as of 2027-01-01?"), "{}", stderr(&output));
}
