//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The report date every test pins, so output never depends on the clock.
pub const AS_OF: &str = "2026-02-12";

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture's path relative to the root, as diagnostics should print it.
pub fn fixture(relative: &str) -> PathBuf {
    PathBuf::from("tests/fixtures").join(relative)
}

/// The binary, run from the repository root with a clean environment for
/// the variables it reads.
pub fn bin() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("azint-report"));
    cmd.current_dir(root()).env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// The names of the entries of `dir`, sorted.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Standard error as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Standard output as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Copies a folder tree (for tests that edit data).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The typesetter's settings the tests use: the default briefing's running
/// header, metadata dated from [`AS_OF`].
pub fn typeset_options(paper: azint_report::options::Paper) -> azint_report::typeset::Options {
    use azint_report::typeset::{Metadata, Options};
    Options {
        page: paper.size(),
        language: "en".to_owned(),
        header: ("Azerbaijan's International Integration".to_owned(), "2024–2026".to_owned()),
        metadata: Metadata { title: "Test".to_owned(), date: 1_770_854_400, language: "en".to_owned(), ..Metadata::default() },
        images: Default::default(),
        maps: Default::default(),
        words: azint_report::words::Catalogue::builtin(),
        links: Default::default(),
        names: Vec::new(),
    }
}

/// The default briefing's Markdown, as the binary renders it (once per
/// test run).
pub fn default_markdown() -> &'static str {
    static MD: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    MD.get_or_init(|| {
        let output = bin().args(["--period", "2024-2026", "--format", "md", "--as-of", AS_OF, "-q", "-o", "-"]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
    })
}

/// The default briefing typeset on A4 (once per test run).
pub fn default_typeset() -> &'static azint_report::typeset::Typeset {
    static DOC: std::sync::OnceLock<azint_report::typeset::Typeset> = std::sync::OnceLock::new();
    DOC.get_or_init(|| azint_report::typeset::typeset(default_markdown(), &typeset_options(azint_report::options::Paper::A4)))
}
