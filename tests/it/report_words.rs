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

use std::path::{Path, PathBuf};

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
    let mut files = Vec::new();
    for dir in ["src/report", "src/snapshot"] {
        walk(&root.join(dir), &mut files);
    }
    assert!(files.len() > 5, "{files:?}");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let name = file.strip_prefix(root).unwrap().display().to_string().replace('\\', "/");
        for (line, literal) in frame_words(non_test(&text)) {
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

/// The file's text before its tests (`#[cfg(test)]` at a line's start).
fn non_test(text: &str) -> &str {
    let end = text.find("\n#[cfg(test)]").map_or(text.len(), |i| i + 1);
    &text[..end]
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "tests.rs") {
            // A module's `tests.rs` is test code (`#[cfg(test)] mod tests;`).
            found.push(path);
        }
    }
}

/// The literals of `code` that hold words, with their line, leaving out
/// those of diagnostics.
fn frame_words(code: &str) -> Vec<(usize, String)> {
    literals(code)
        .into_iter()
        .filter(|(_, at, text)| holds_words(text) && !in_diagnostic(code, *at))
        .map(|(line, _, text)| (line, text))
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

/// Every string literal of `code`: its line, its offset, its text (escapes
/// left as written). Comments and character literals are skipped.
fn literals(code: &str) -> Vec<(usize, usize, String)> {
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let line_of = |offset: usize| code[..offset].matches('\n').count() + 1;
    while i < chars.len() {
        let c = chars[i].1;
        let next = chars.get(i + 1).map(|c| c.1);
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i].1 != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i].1 == '*' && chars[i + 1].1 == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !ident_before(&chars, i) {
            let hashes = chars[i + 1..].iter().take_while(|c| c.1 == '#').count();
            let open = i + 1 + hashes;
            if chars.get(open).map(|c| c.1) != Some('"') {
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let body = chars[open].0 + 1;
            let end = code[body..].find(&close).map_or(code.len(), |e| body + e);
            out.push((line_of(chars[i].0), chars[i].0, code[body..end].to_owned()));
            let end = end + close.len();
            while i < chars.len() && chars[i].0 < end {
                i += 1;
            }
        } else if c == '"' {
            let start = i;
            i += 1;
            while i < chars.len() && chars[i].1 != '"' {
                i += if chars[i].1 == '\\' { 2 } else { 1 };
            }
            let body = &code[chars[start].0 + 1..chars.get(i).map_or(code.len(), |c| c.0)];
            out.push((line_of(chars[start].0), chars[start].0, body.to_owned()));
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\'', '\u{2212}'), or a lifetime.
            let close = chars[i + 1..].iter().take(12).position(|c| c.1 == '\'');
            match (next, close) {
                (Some('\\'), Some(_)) => {
                    i += 2;
                    while i < chars.len() && chars[i].1 != '\'' {
                        i += 1;
                    }
                    i += 1;
                }
                (_, Some(1)) => i += 3,
                _ => i += 1,
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether the character before `i` continues an identifier (`for"` is
/// not a raw string; `r"` after `br` or an identifier is).
fn ident_before(chars: &[(usize, char)], i: usize) -> bool {
    i > 0 && (chars[i - 1].1.is_alphanumeric() || chars[i - 1].1 == '_')
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
