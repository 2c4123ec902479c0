//! Issue 24, item 4: TOML mistakes reported at the line where the mistake
//! is, in the analyst's words, one error a mistake; dates in other common
//! forms get the ISO form they mean.

use std::path::Path;

use azint_report::dataset::{DataSource, DatasetError};
use azint_report::diag::Diagnostic;

use crate::util::{bin, root, stderr};

/// The errors `check` reports for the data at `path` (a file or folder).
fn errors(path: &Path) -> Vec<Diagnostic> {
    match azint_report::dataset::load(&DataSource::Path(path.to_path_buf())) {
        Ok(_) => Vec::new(),
        Err(DatasetError::Invalid(problems)) => problems.into_iter().filter(Diagnostic::is_error).collect(),
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// The one error of fixture `name`: its file, line and column, and words.
fn one_error(name: &str) -> (String, String) {
    let relative = Path::new("tests/fixtures/invalid").join(name);
    let found = errors(&root().join(&relative));
    assert_eq!(found.len(), 1, "{name}: {found:#?}");
    let d = &found[0];
    assert!(d.path.ends_with(&relative.display().to_string()), "{}", d.path);
    let (line, col) = d.position.unwrap_or_else(|| panic!("{name}: no position"));
    (format!("{line}:{col}: {}", d.message), d.help.clone().unwrap_or_default())
}

/// Asserts the fixture's one error is at `place` and starts with `words`,
/// and that its help (when `help` is given) says `help`.
fn assert_one(name: &str, place: &str, words: &str, help: Option<&str>) {
    let (message, found_help) = one_error(name);
    assert!(message.starts_with(&format!("{place}: {words}")), "{name}: {message}");
    if let Some(help) = help {
        assert!(found_help.contains(help), "{name}: help {found_help:?}");
    }
}

#[test]
fn an_unclosed_string_is_reported_where_it_opens() {
    assert_one(
        "syntax-unclosed-string.toml",
        "9:9",
        "this string has no closing quote: add `\"` at the end of the line, or use `\"\"\"` for text over several lines",
        None,
    );
    assert_one("syntax-unclosed-literal.toml", "9:9", "this string has no closing quote: add `'` at the end of the line", None);
}

/// `["SOCAR]` gave ten errors down the file; the quote belongs before `]`.
#[test]
fn an_unclosed_string_in_an_array_is_one_error() {
    assert_one("syntax-bracket-in-string.toml", "15:13", "this string has no closing quote: add `\"` before the `]`", None);
}

/// `""` where `"""` was meant was reported fourteen lines later, in the
/// next event, as `key with no value`.
#[test]
fn two_quotes_for_three_are_reported_at_the_empty_string() {
    assert_one(
        "syntax-single-for-triple.toml",
        "16:11",
        "`summary = \"\"` is an empty string, and the text on the lines below it is outside any string: \
         for text over several lines, write `\"\"\"` before it and `\"\"\"` after it",
        None,
    );
}

/// The rule for a `"""` never closed: the error is where it opens; the
/// message names the line to close it after.
#[test]
fn an_unclosed_multiline_string_is_reported_where_it_opens() {
    assert_one(
        "syntax-triple-unclosed.toml",
        "16:11",
        "the text that opens here with `\"\"\"` is not closed: add `\"\"\"` after its last line (line 18)",
        Some("runs on to the next `\"\"\"`, at line 28"),
    );
}

#[test]
fn a_missing_equals_sign_is_reported_on_its_line() {
    assert_one("syntax-missing-equals.toml", "13:6", "`kind` has no `=` before its value: write `kind = \"summit\"`", None);
}

#[test]
fn an_unclosed_array_is_reported_after_its_last_item() {
    assert_one(
        "syntax-unclosed-array.toml",
        "15:29",
        "the array that opens on this line has no closing `]`: add `]` after its last item",
        None,
    );
}

#[test]
fn an_unclosed_inline_table_is_reported_at_the_wrong_bracket() {
    assert_one(
        "syntax-unclosed-inline-table.toml",
        "17:81",
        "the inline table that opens at line 17, column 12 has no closing `}`: add `}` before this `]`",
        None,
    );
}

#[test]
fn an_unclosed_table_header_is_reported_on_its_line() {
    assert_one("syntax-unclosed-header.toml", "7:9", "this table header is not closed: write `[[event]]`", None);
}

#[test]
fn a_stray_word_after_a_value_is_reported_where_it_is() {
    assert_one(
        "syntax-stray-after-value.toml",
        "14:18",
        "unexpected `x` after the value `5` of `significance`: a line holds one `key = value`; a note after it starts with `#`",
        None,
    );
}

#[test]
fn text_without_quotes_and_a_key_given_twice_are_said_plainly() {
    assert_one("syntax-unquoted-text.toml", "13:8", "`summit` is text and must be in quotes: write `kind = \"summit\"`", None);
    assert_one(
        "syntax-duplicate-key.toml",
        "15:1",
        "`significance` is given twice in this `[[event]]`; the first is at line 14",
        Some("keep one of them"),
    );
}

#[test]
fn dates_in_other_forms_get_the_iso_form_they_mean() {
    assert_one("date-other-form.toml", "10:8", "invalid `date`: `11/12/2024` is not a date", Some("did you mean `2024-12-11` or `2024-11-12`?"));
    assert_one("date-other-form-one-reading.toml", "10:8", "invalid `date`: `25 November 2024`", Some("did you mean `2024-11-25`?"));
    assert_one(
        "date-bare-other-form.toml",
        "10:8",
        "`11/12/2024` is not a date the dataset reads: write `\"YYYY-MM-DD\"`, `\"YYYY-MM\"` or `\"YYYY\"`",
        Some("did you mean `2024-12-11` or `2024-11-12`?"),
    );
    assert_one("date-bare-month.toml", "10:8", "`2024-11` must be in quotes: a month or a year is written `date = \"2024-11\"`", None);
    assert_one("date-bare-year.toml", "10:8", "`date` must be a date", Some("a year is written in quotes: `date = \"2024\"`"));
}

/// One mistake, one error; two mistakes far apart, two errors; and
/// mistakes in two files, an error in each.
#[test]
fn independent_mistakes_are_each_reported_once() {
    let found = errors(&root().join("tests/fixtures/invalid/syntax-two-mistakes.toml"));
    let places: Vec<(usize, usize)> = found.iter().filter_map(|d| d.position).collect();
    assert_eq!(places, [(9, 9), (26, 6)], "{found:#?}");
    let dir = tempfile::tempdir().unwrap();
    for name in ["syntax-bracket-in-string.toml", "syntax-triple-unclosed.toml"] {
        std::fs::copy(root().join("tests/fixtures/invalid").join(name), dir.path().join(name)).unwrap();
    }
    let output = bin().args(["check", "--data"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    let err = stderr(&output);
    assert_eq!(err.lines().filter(|l| l.contains(": error: ")).count(), 2, "{err}");
    assert!(err.contains("syntax-bracket-in-string.toml:15:13: error: this string has no closing quote"), "{err}");
    assert!(err.contains("syntax-triple-unclosed.toml:16:11: error: the text that opens here"), "{err}");
}

/// One mutation of a valid file: the mutated text, and the line (1-based)
/// the error must be on.
struct Mutation {
    what: &'static str,
    text: String,
    line: usize,
}

/// Mistakes made at every place of a valid file where they can be made:
/// a closing quote dropped (the last one of a line, or the first string's
/// of a line with two), an `=` dropped (of a key, or in an inline table),
/// a `]` dropped, an opening quote dropped, a `"""` closed with nothing or
/// opened with `""`, a stray word after a value; and the review's: a
/// header's `[[` written `[` (and its `]]` too), a space in a key, a
/// letter after a number, a word with neither `=` nor quotes, the `,`
/// between two `key = value` of an inline table dropped.
///
/// The line each error must be on is the mutated line, with two rules: a
/// `"""` never closed is reported where it opens, and a `]` dropped from a
/// line of its own is reported after the array's last item, where it
/// belongs.
fn mutations(text: &str) -> Vec<Mutation> {
    let lines: Vec<&str> = text.split('\n').collect();
    let with = |i: usize, new: String| -> String {
        let mut out: Vec<&str> = lines.clone();
        out[i] = &new;
        out.join("\n")
    };
    let mut found = Vec::new();
    let mut opened: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        let triples = line.matches("\"\"\"").count();
        if let Some(open) = opened {
            if triples % 2 == 1 {
                opened = None;
                found.push(Mutation { what: "closing \"\"\" dropped", text: with(i, line.replacen("\"\"\"", "", 1)), line: open + 1 });
            }
            continue;
        }
        if triples % 2 == 1 {
            opened = Some(i);
            found.push(Mutation { what: "\"\"\" opened with \"\"", text: with(i, line.replacen("\"\"\"", "\"\"", 1)), line: i + 1 });
            continue;
        }
        let quotes: Vec<usize> = line.match_indices('"').map(|(at, _)| at).collect();
        if let Some(&last) = quotes.last().filter(|_| line.trim_end().ends_with('"')) {
            found.push(Mutation { what: "closing quote dropped", text: with(i, format!("{}{}", &line[..last], &line[last + 1..])), line: i + 1 });
        }
        if quotes.len() >= 4 {
            let at = quotes[1];
            found.push(Mutation { what: "first closing quote dropped", text: with(i, format!("{}{}", &line[..at], &line[at + 1..])), line: i + 1 });
        }
        if let Some((key, value)) = line.split_once(" = ").filter(|(k, _)| !k.trim().is_empty() && k.trim().bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')) {
            found.push(Mutation { what: "`=` dropped", text: with(i, format!("{key} {value}")), line: i + 1 });
            found.push(Mutation { what: "a stray word after the value", text: with(i, format!("{line} x")), line: i + 1 });
            if let Some(unquoted) = value.strip_prefix('"') {
                found.push(Mutation { what: "opening quote dropped", text: with(i, format!("{key} = {unquoted}")), line: i + 1 });
            }
        }
        if let Some(name) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
            found.push(Mutation { what: "`[[` written `[`", text: with(i, format!("[{name}]]")), line: i + 1 });
            // With one `[[name]]` in the file, `[name]` is valid TOML and
            // the validator's to refuse (the file then has other errors).
            if lines.iter().filter(|l| **l == *line).count() > 1 {
                found.push(Mutation { what: "`[[…]]` written `[…]`", text: with(i, format!("[{name}]")), line: i + 1 });
            }
        }
        if let Some((key, value)) = line.split_once(" = ").filter(|(k, _)| k.len() > 3 && k.bytes().all(|b| b.is_ascii_lowercase())) {
            let half = key.len() / 2;
            found.push(Mutation { what: "a space in the key", text: with(i, format!("{} {} = {value}", &key[..half], &key[half..])), line: i + 1 });
            if value.bytes().all(|b| b.is_ascii_digit()) {
                found.push(Mutation { what: "a letter after a number", text: with(i, format!("{line}x")), line: i + 1 });
            }
            if let Some(word) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).filter(|v| v.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')) {
                found.push(Mutation { what: "`=` and quotes dropped", text: with(i, format!("{key} {word}")), line: i + 1 });
            }
        }
        if let Some(at) = line.find("\", published") {
            found.push(Mutation { what: "`,` in an inline table dropped", text: with(i, format!("{}{}", &line[..=at], &line[at + 2..])), line: i + 1 });
        }
        if let Some(at) = line.find("{ ").and_then(|open| line[open..].find(" = ").map(|eq| open + eq)) {
            found.push(Mutation { what: "`=` in an inline table dropped", text: with(i, format!("{}{}", &line[..at], &line[at + 2..])), line: i + 1 });
        }
        if let Some(at) = line.trim_end().strip_suffix(']').map(str::len) {
            let own_line = line.trim() == "]";
            let last_item = (0..i).rev().find(|&j| !lines[j].trim().is_empty()).unwrap_or(i);
            let line = if own_line { last_item + 1 } else { i + 1 };
            found.push(Mutation { what: "`]` dropped", text: with(i, format!("{}{}", &lines[i][..at], &lines[i][at + 1..])), line });
        }
    }
    found
}

/// The property: whatever one of these mistakes, wherever it is made in
/// the default data, `check` gives exactly one error, on the line the
/// mistake is on.
#[test]
fn every_mistake_at_every_place_gives_one_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut tried = 0;
    let mut wrong = Vec::new();
    for (path, text) in azint_report::dataset::load::BUILTIN {
        for mutation in mutations(text) {
            tried += 1;
            let file = dir.path().join("mutated.toml");
            std::fs::write(&file, &mutation.text).unwrap();
            let found = errors(&file);
            let lines: Vec<usize> = found.iter().map(|d| d.position.map_or(0, |p| p.0)).collect();
            if lines != [mutation.line] {
                wrong.push(format!("{path}: {} at line {}: {}", mutation.what, mutation.line, found.iter().map(|d| format!("\n  {d}")).collect::<String>()));
            }
        }
    }
    assert!(tried > 2_400, "{tried} mutations");
    assert!(wrong.is_empty(), "{} of {tried}:\n{}", wrong.len(), wrong.join("\n"));
}

/// `[event]` or `[event]]` where events are `[[event]]`: said once, at the
/// header's line; before, `[event]` was blamed on the next two
/// `[[event]]` and `[event]]` gave eleven "given twice".
#[test]
fn a_header_with_one_bracket_for_two_is_one_error_at_its_line() {
    let words = "is one table, but events are an array of tables: write `[[event]]`";
    assert_one("syntax-header-one-table.toml", "7:1", &format!("`[event]` {words}"), None);
    assert_one("syntax-header-half-closed.toml", "18:1", &format!("`[event]]` {words}"), None);
}

/// A known key, a word and no `=`; a key with a space: said at their line,
/// not as a line outside the string above.
#[test]
fn a_key_without_its_equals_sign_or_with_a_space_is_said_at_its_line() {
    assert_one("syntax-pillar-no-equals.toml", "11:8", "`pillar` has no `=` before its value: write `pillar = \"energy\"`", None);
    assert_one("syntax-key-with-space.toml", "13:1", "a key has no spaces: write `significance = 2`", None);
}

/// What to write follows the key's type: a number is not put in quotes.
#[test]
fn a_bare_word_for_a_number_is_told_to_be_a_number() {
    assert_one("syntax-number-not-text.toml", "13:16", "`2x` is not a number: write `significance = 2`", None);
}

/// Inside an inline table, a missing `,` or `=`, and a file cut off in
/// one, in plain words.
#[test]
fn mistakes_in_an_inline_table_are_said_in_plain_words() {
    assert_one(
        "syntax-inline-missing-comma.toml",
        "16:30",
        "a `,` is missing between two `key = value` of this inline table: add `,` here",
        None,
    );
    assert_one("syntax-inline-missing-equals.toml", "16:19", "`name` has no `=` before its value: write `name = \"News.Az\"`", None);
    assert_one(
        "syntax-cut-in-inline-table.toml",
        "28:41",
        "the inline table that opens on this line has no closing `}`: add `}]` after its last item",
        None,
    );
}
