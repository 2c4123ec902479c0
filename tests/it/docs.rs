//! The documents held to the code (issue 23, "the contracts current" and
//! "the README for users").
//!
//! - The README's example commands, and those of `docs/cli.md`, are run as
//!   written, in order, from a scratch folder laid out as the repository
//!   (`data/` copied in, relative paths, the default `./data`), and what
//!   each prints is compared in shape with the lines the document shows
//!   under it. The examples are read from the documents' own fenced blocks,
//!   so a document that drifts from the binary fails here.
//! - Every key the dataset's validator accepts, in every table, is
//!   documented in `docs/dataset.md`'s table for it, and nothing else is;
//!   every long option of every subcommand is named in `docs/cli.md` (and
//!   the main command's in the README's table of options).
//!
//! The examples' format: a ```` ```console ```` block holds commands after
//! `$ ` and, under each, what it prints on the terminal (standard output,
//! then standard error; cargo's own lines are not shown). A ```` ```toml ````
//! block whose first line is `# at the end of PATH` is appended to PATH, one
//! whose first line is `# a new file, PATH` is written as PATH, before the
//! examples that follow it run. The commands a block may hold: `cargo run
//! --release -- ARGS` and `azint-report ARGS` (both the binary under test)
//! and `cp -r FROM TO`; anything else is an error here, so that no example
//! is silently skipped.
//!
//! Numbers in the output must be equal, except two kinds, with the
//! tolerance stated here: a time (a number followed by ` ms`) may be any
//! number, and a size (a number followed by ` KB`) may differ from the
//! document's by up to a tenth (a byte more of data or a newer compression
//! crate). Page counts, event counts, lines and columns are exact.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use clap::CommandFactory;

use crate::util::{copy_dir, root};

/// The report date the examples are run at: the article's date, as the
/// rest of the tests, so that `check`'s warnings about plans whose date
/// has passed do not depend on the clock. Given as `SOURCE_DATE_EPOCH`,
/// so the commands themselves stay as written.
const SOURCE_DATE_EPOCH: &str = "1770854400";

/// One fenced block of a Markdown document.
#[derive(Debug)]
struct Fence {
    /// The info string (`console`, `toml`, `sh`...).
    info: String,
    /// The 1-based line of the opening fence.
    line: usize,
    lines: Vec<String>,
}

/// The fenced blocks of `text`, in order (backtick fences, as the
/// documents use).
fn fences(text: &str) -> Vec<Fence> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Fence)> = None;
    for (n, line) in text.lines().enumerate() {
        let ticks = line.bytes().take_while(|&b| b == b'`').count();
        match open.take() {
            None if ticks >= 3 => {
                let fence = Fence { info: line[ticks..].trim().to_owned(), line: n + 1, lines: Vec::new() };
                open = Some((ticks, fence));
            }
            None => {}
            Some((width, fence)) if ticks >= width && line.trim_end().len() == ticks => out.push(fence),
            Some((width, mut fence)) => {
                fence.lines.push(line.to_owned());
                open = Some((width, fence));
            }
        }
    }
    assert!(open.is_none(), "an unclosed fenced block");
    out
}

/// What a document asks to be done, in its order.
#[derive(Debug)]
enum Step {
    /// A command and the lines it prints.
    Run { line: usize, command: String, expected: Vec<String> },
    /// Text appended to (or written as) a file.
    Write { line: usize, path: String, text: String, append: bool },
}

/// The steps of a document's examples.
fn steps(document: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for fence in fences(document) {
        match fence.info.as_str() {
            "console" => {
                for (n, line) in fence.lines.iter().enumerate() {
                    if let Some(command) = line.strip_prefix("$ ") {
                        out.push(Step::Run { line: fence.line + 1 + n, command: command.to_owned(), expected: Vec::new() });
                    } else if let Some(Step::Run { expected, .. }) = out.last_mut() {
                        expected.push(line.clone());
                    } else {
                        panic!("line {}: a console block must open with a `$ ` command", fence.line + 1 + n);
                    }
                }
            }
            "toml" => {
                let first = fence.lines.first().map(String::as_str).unwrap_or_default();
                let target = match (first.strip_prefix("# at the end of "), first.strip_prefix("# a new file, ")) {
                    (Some(path), _) => Some((path, true)),
                    (_, Some(path)) => Some((path, false)),
                    _ => None,
                };
                if let Some((path, append)) = target {
                    let text = fence.lines.join("\n") + "\n";
                    out.push(Step::Write { line: fence.line, path: path.trim().to_owned(), text, append });
                }
            }
            _ => {}
        }
    }
    out
}

/// Splits a command line as a POSIX shell would for the simple commands the
/// documents show: words by blanks, single and double quotes.
fn words(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word: Option<String> = None;
    let mut quote: Option<char> = None;
    for c in command.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, c) if c.is_whitespace() => out.extend(word.take()),
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    assert!(quote.is_none(), "an unclosed quote in `{command}`");
    out.extend(word);
    out
}

/// Runs one command in `dir` and returns the lines it printed.
fn run(dir: &Path, command: &str) -> Vec<String> {
    let words = words(command);
    let args: &[String] = match words.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["cargo", "run", "--release", "--", ..] => &words[4..],
        ["azint-report", ..] => &words[1..],
        ["cp", "-r", from, to] => {
            copy_dir(&dir.join(from), &dir.join(to));
            return Vec::new();
        }
        _ => panic!("`{command}`: a command this test does not know how to run"),
    };
    let output = Command::new(assert_cmd::cargo::cargo_bin!("azint-report"))
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .args(args)
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    text.lines().map(str::to_owned).collect()
}

/// A line cut into text and numbers: `Some(n)` for a run of digits.
fn tokens(line: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for c in line.chars() {
        let digit = c.is_ascii_digit();
        match out.last_mut() {
            Some((text, d)) if *d == digit => text.push(c),
            _ => out.push((c.to_string(), digit)),
        }
    }
    out
}

/// Whether `actual` has the shape of `expected`: the same text, the same
/// numbers but for times (any) and sizes (within a tenth).
fn same_shape(expected: &str, actual: &str) -> bool {
    let (e, a) = (tokens(expected), tokens(actual));
    e.len() == a.len()
        && e.iter().zip(&a).enumerate().all(|(i, ((et, ed), (at, ad)))| {
            if !(*ed && *ad) {
                return et == at;
            }
            let after = e.get(i + 1).map(|t| t.0.as_str()).unwrap_or_default();
            let (x, y): (f64, f64) = (et.parse().unwrap_or(f64::NAN), at.parse().unwrap_or(f64::NAN));
            if after.starts_with(" ms") {
                true
            } else if after.starts_with(" KB") {
                (x - y).abs() <= x / 10.0
            } else {
                et == at
            }
        })
}

/// Runs a document's examples in a scratch copy of the repository's
/// layout; returns the commands it ran.
fn run_examples(name: &str) -> Vec<String> {
    let document = std::fs::read_to_string(root().join(name)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    let mut ran = Vec::new();
    for step in steps(&document) {
        match step {
            Step::Write { line, path, text, append } => {
                let target = dir.path().join(&path);
                let old = if append {
                    std::fs::read_to_string(&target).unwrap_or_else(|e| panic!("{name}:{line}: {path}: {e}")) + "\n"
                } else {
                    String::new()
                };
                std::fs::write(&target, old + &text).unwrap();
            }
            Step::Run { line, command, expected } => {
                let actual = run(dir.path(), &command);
                let matches = expected.len() == actual.len() && expected.iter().zip(&actual).all(|(e, a)| same_shape(e, a));
                assert!(
                    matches,
                    "{name}:{line}: `{command}` printed\n{}\nwhere the document shows\n{}",
                    actual.join("\n"),
                    expected.join("\n")
                );
                ran.push(command);
            }
        }
    }
    ran
}

#[test]
fn the_readme_examples_print_what_the_readme_shows() {
    let ran = run_examples("README.md");
    // The README opens with the main job's command (and `cargo test`): the
    // first example shows what that command prints.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let opening = fences(&readme).into_iter().next().expect("a fenced block");
    assert_eq!(opening.lines, ["cargo run --release -- --period 2024-2026 --format pdf", "cargo test"]);
    assert_eq!(ran.first(), Some(&opening.lines[0]), "the first example is the opening command");
    assert!(ran.iter().any(|c| c.contains(" check ")), "the README shows `check` at work: {ran:?}");
}

#[test]
fn the_cli_contract_examples_print_what_it_shows() {
    let ran = run_examples("docs/cli.md");
    assert!(!ran.is_empty(), "docs/cli.md shows the main command and what it prints");
}

#[test]
fn shapes_allow_only_the_stated_tolerances() {
    let line = "wrote r.pdf (2024-2026, 30 events from ./data, 14 pages, 123 KB) in 48 ms";
    assert!(same_shape(line, "wrote r.pdf (2024-2026, 30 events from ./data, 14 pages, 130 KB) in 1066 ms"));
    assert!(!same_shape(line, "wrote r.pdf (2024-2026, 30 events from ./data, 15 pages, 123 KB) in 48 ms"));
    assert!(!same_shape(line, "wrote r.pdf (2024-2026, 31 events from ./data, 14 pages, 123 KB) in 48 ms"));
    assert!(!same_shape(line, "wrote r.pdf (2024-2026, 30 events from ./data, 14 pages, 88 KB) in 48 ms"));
    assert!(!same_shape(line, "wrote r.md (2024-2026, 30 events from ./data, 14 pages, 123 KB) in 48 ms"));
    assert_eq!(words(r#"cp -r data "my data"  x'y z'"#), ["cp", "-r", "data", "my data", "xy z"]);
}

/// The text of `document` under the heading `heading` (any level), up to
/// the next heading (of any level: a subsection is a section of its own).
fn section<'a>(document: &'a str, heading: &str) -> &'a str {
    azint_report::dataset::schema::section(document, heading).unwrap_or_else(|| panic!("no heading `{heading}`"))
}

/// The keys a section documents: the first cell of each row of its tables,
/// in backticks.
fn documented_keys(section: &str) -> BTreeSet<String> {
    section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once('`'))
        .map(|(key, _)| key.to_owned())
        .collect()
}

/// The keys the validator accepts, by place, read from its own diagnostics:
/// an unknown key with no close match is answered with "the keys allowed
/// here are: ..." (there is no public list of them to read; reading the
/// validator's answer holds the document to what it accepts, wherever the
/// list is kept).
pub(crate) fn accepted_keys() -> Vec<(String, BTreeSet<String>)> {
    const PROBE: &str = "zzzzzzzzzzzz = 1";
    let file = format!(
        "{PROBE}\n[report]\n{PROBE}\n[[pillar]]\nid = \"p\"\nname = \"P\"\n{PROBE}\n\
         [[partner]]\nid = \"x\"\nname = \"X\"\nkind = \"country\"\n{PROBE}\n\
         [[event]]\nid = \"e\"\ntitle = \"E\"\ndate = 2025-01-01\npillar = \"p\"\nkind = \"visit\"\n\
         significance = 3\nsummary = \"S.\"\npartners = [{{ name = \"X\", role = \"party\", {PROBE} }}]\nfigures = [{{ label = \"L\", value = 1, {PROBE} }}]\n\
         sources = [{{ name = \"N\", {PROBE} }}]\n{PROBE}\n\
         [[judgement]]\ntext = \"T.\"\nlikelihood = \"likely\"\nconfidence = \"low\"\nevidence = [\"e\"]\n{PROBE}\n\
         [[source]]\nid = \"s\"\nname = \"S\"\nkind = \"media\"\n{PROBE}\n\
         [[place]]\nid = \"a\"\nname = \"A\"\nlat = 1\nlon = 1\n{PROBE}\n\
         [[route]]\nid = \"r\"\nname = \"R\"\nvia = [\"a\", \"a2\"]\npillar = \"p\"\n{PROBE}\n"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("probe.toml"), file).unwrap();
    let lines = run(dir.path(), "azint-report check --data probe.toml");
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let Some((_, place)) = pair[0].split_once("error: unknown key `zzzzzzzzzzzz` ") else { continue };
        let keys = pair[1].split_once("the keys allowed here are: ").map(|(_, k)| k).expect(&pair[1]);
        out.push((place.to_owned(), keys.split(", ").map(str::to_owned).collect()));
    }
    assert_eq!(out.len(), 12, "every table's unknown key reported with the keys allowed: {lines:#?}");
    out
}

#[test]
fn the_dataset_contract_documents_every_key_the_validator_accepts() {
    let document = std::fs::read_to_string(root().join("docs/dataset.md")).unwrap();
    let heading = |place: &str| match place {
        "at the top of a data file" => "Top-level keys",
        "in `[report]`" => "`[report]`",
        "in `[[pillar]]`" => "`[[pillar]]`",
        "in `[[event]]`" => "`[[event]]`",
        "in a figure" => "A figure",
        "in a partner of `partners`" => "A partner of an event",
        "in a source" => "A source",
        "in `[[partner]]`" => "`[[partner]]`",
        "in `[[judgement]]`" => "`[[judgement]]`",
        "in `[[source]]`" => "`[[source]]`",
        "in `[[place]]`" => "`[[place]]`",
        "in `[[route]]`" => "`[[route]]`",
        other => panic!("a place the documents do not know: {other}"),
    };
    let mut problems = Vec::new();
    for (place, accepted) in accepted_keys() {
        let documented = documented_keys(section(&document, heading(&place)));
        for key in accepted.difference(&documented) {
            problems.push(format!("`{key}` {place} is accepted but not documented under `{}`", heading(&place)));
        }
        for key in documented.difference(&accepted) {
            problems.push(format!("`{key}` {place} is documented under `{}` but refused", heading(&place)));
        }
    }
    assert!(problems.is_empty(), "docs/dataset.md:\n{}", problems.join("\n"));
}

/// Whether `text` names the option `--long` inside backticks on one line
/// (`` `--out PATH` ``, `` `-o, --out PATH` ``), not as a part of a longer
/// option.
fn names_option(text: &str, long: &str) -> bool {
    let option = format!("--{long}");
    text.lines().any(|line| {
        line.match_indices(&option).any(|(i, m)| {
            let after = line[i + m.len()..].chars().next();
            line[..i].matches('`').count() % 2 == 1 && matches!(after, Some('`' | ' ' | '='))
        })
    })
}

#[test]
fn the_command_line_contract_names_every_option() {
    let cli = std::fs::read_to_string(root().join("docs/cli.md")).unwrap();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    // Before `build`, the arguments are the ones declared: clap's own
    // `--help` and `--version` are not asked for in every section.
    let command = azint_report::cli::Cli::command();
    let mut problems = Vec::new();
    let mut check = |name: &str, cmd: &clap::Command, sections: &[(&str, &str, &str)]| {
        for long in cmd.get_arguments().filter(|a| !a.is_hide_set()).filter_map(clap::Arg::get_long) {
            for (document, heading, text) in sections {
                if !names_option(text, long) {
                    problems.push(format!("{document}, \"{heading}\": no `--{long}` of {name}"));
                }
            }
        }
    };
    let main = ("Options of the main command", "Options");
    check("the main command", &command, &[
        ("docs/cli.md", main.0, section(&cli, main.0)),
        ("README.md", main.1, section(&readme, main.1)),
    ]);
    let mut subcommands = 0;
    for sub in command.get_subcommands() {
        let heading = format!("`{}`", sub.get_name());
        check(&format!("`{}`", sub.get_name()), sub, &[("docs/cli.md", &heading, section(&cli, &heading))]);
        subcommands += 1;
    }
    assert!(subcommands >= 2, "check and completions at least");
    // And no table documents an option that does not exist.
    let mut known: BTreeSet<&str> = ["help", "version"].into();
    known.extend(command.get_arguments().filter_map(clap::Arg::get_long));
    for sub in command.get_subcommands() {
        known.extend(sub.get_arguments().filter_map(clap::Arg::get_long));
    }
    for (document, text) in [("docs/cli.md", &cli), ("README.md", &readme)] {
        for long in table_options(text).into_iter().filter(|l| !known.contains(l.as_str())) {
            problems.push(format!("{document} documents `--{long}`, which is no option"));
        }
    }
    assert!(problems.is_empty(), "options not documented:\n{}", problems.join("\n"));
}

/// The long options named in the first cells of a document's tables.
fn table_options(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split(" |").next())
        .flat_map(|cell| cell.split("--").skip(1).map(str::to_owned).collect::<Vec<_>>())
        .map(|rest| rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect())
        .collect()
}

#[test]
fn an_option_is_named_only_in_backticks() {
    assert!(names_option("| `-o, --out PATH` | x |", "out"));
    assert!(names_option("`--out-dir DIR` and `--quiet`", "quiet"));
    assert!(!names_option("| `--out-dir DIR` |", "out"));
    assert!(!names_option("the --quiet flag", "quiet"));
    let table = "| `-o, --out PATH` | x |\n| `--no-changes` | leave out --y |\n| `FILE...` | z |\n";
    assert_eq!(table_options(table), ["no-changes".to_owned(), "out".to_owned()].into());
}
