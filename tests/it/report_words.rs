//! No English word of the frame in the change report's and the report's
//! Rust (issue 23): every string literal of the non-test code of
//! `src/report/**/*.rs` and `src/snapshot/**/*.rs` is read, and one that
//! holds words meant for a reader fails the test, named with file:line.
//! The words belong in the catalogue, `templates/en-GB.ftl`.
//!
//! A literal holds words when, with its `{…}` placeholders taken out, it
//! has a word of two letters or more and is not an identifier: it has a
//! space, a capital or a bracket ("no changes", "Events", "(none)"). A lone
//! lowercase word (`"date"`, `"change-value"`) reads as a key, a message id
//! or a helper's name, and is let through. Diagnostics stay in English and
//! in the code (issue 23): a literal of an error, found by what the
//! statement builds, is let through too. Whatever else must stay is in
//! [`ALLOWED`], each with its reason.

use std::path::Path;

use crate::source::{is_tests_file, literals, rust_files, without_tests};

/// Literals that hold words and stay, by file and text, with the reason.
const ALLOWED: &[(&str, &[&str], &str)] = &[(
    "src/report/helpers.rs",
    &["true or false", "a number", "a string", "a list", "an object"],
    "what a helper's parameter holds, for the error of `expected` (a diagnostic)",
)];

/// What, before a literal in its statement, shows it is part of a
/// diagnostic: errors and warnings stay in English (issue 23).
const DIAGNOSTIC: &[&str] = &[
    "Err(",
    "Error",
    "error",
    "expected(",
    "warning",
    "panic!",
    "unreachable!",
    "Invalid",
    "ok_or",
    "map_err",
    "why",
    "Diagnostic",
    "suggest(",
];

#[test]
fn no_english_word_of_the_frame_is_in_the_report_or_snapshot_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<_> = ["src/report", "src/snapshot"].iter().flat_map(|dir| rust_files(&root.join(dir))).filter(|f| !is_tests_file(f)).collect();
    assert!(files.len() > 5, "{files:?}");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let name = file.strip_prefix(root).unwrap().display().to_string().replace('\\', "/");
        for (line, literal) in frame_words(without_tests(&text)) {
            if !ALLOWED.iter().any(|(f, texts, _)| *f == name && texts.contains(&literal.as_str())) {
                found.push(format!("{name}:{line}: {literal:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "English words in the code; move them to templates/en-GB.ftl (or, for a diagnostic, say so in its statement):\n{}",
        found.join("\n")
    );
}

/// The literals of `code` that hold words, with their line, leaving out
/// those of diagnostics.
fn frame_words(code: &str) -> Vec<(usize, String)> {
    literals(code)
        .into_iter()
        .filter(|l| holds_words(&l.text) && !in_diagnostic(code, l.offset))
        .map(|l| (l.line, l.text))
        .collect()
}

/// Whether the statement a literal at `at` is part of builds a
/// diagnostic: it is read back to the last `;`, `{` or `}` outside
/// brackets, and at least over the three lines before it (a closure's
/// `map_err(|why| {`, a function returning an error).
fn in_diagnostic(code: &str, at: usize) -> bool {
    let before = &code[..at];
    let lines = before.rmatch_indices('\n').nth(3).map_or(0, |(i, _)| i);
    if DIAGNOSTIC.iter().any(|d| before[lines..].contains(d)) {
        return true;
    }
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' | ']' => depth += 1,
            '(' | '[' => depth -= 1,
            ';' | '{' | '}' if depth <= 0 => {
                start = i + 1;
                break;
            }
            _ => {}
        }
    }
    let statement = &before[start..];
    DIAGNOSTIC.iter().any(|d| statement.contains(d))
}

/// Whether a literal holds words: see the module's doc.
fn holds_words(text: &str) -> bool {
    let mut bare = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    let word = bare.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 2);
    // Keys, ids, paths (`Option::is_none` in an attribute), markers
    // (`#*inline`, `@partial-block`) and Markdown syntax: no space, no
    // capital or bracket, or a Rust path.
    let spaced = bare.chars().any(char::is_whitespace);
    let identifier = !spaced && (bare.contains("::") || !bare.chars().any(|c| c.is_uppercase() || "()[]".contains(c)));
    word && !identifier
}

#[test]
fn the_scan_finds_words_and_lets_keys_and_diagnostics_through() {
    let code = r##"
// "a comment" is not code
fn f(x: &str) -> String {
    let c = '"'; let d = '\''; let _l: &'static str = "key";
    let e = Err(format!("cannot read {x}: it is not there"));
    let id = "change-value";
    let a = 1;
    let b = 2;
    let s = format!("{x} changed from {} to {}", 1, 2);
    let r = r#"A "raw" phrase"#;
    words.text("mermaid-pie", &[("events", "Events".into())])
}
"##;
    let found: Vec<String> = frame_words(code).into_iter().map(|(line, text)| format!("{line}:{text}")).collect();
    assert_eq!(found, ["9:{x} changed from {} to {}", "10:A \"raw\" phrase", "11:Events"]);
}
