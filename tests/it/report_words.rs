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
const ALLOWED: &[(&str, &[&str], &str)] = &[
    (
        "src/report/helpers.rs",
        &["true or false", "a number", "a string", "a list", "an object"],
        "what a helper's parameter holds, for the error of `expected` (a diagnostic)",
    ),
    (
        "src/dataset/event_fields.rs",
        &["further pillars", "further pillar"],
        "a field's key in the JSON summary; the change report names it with `change-field`",
    ),
    ("src/dataset/event_fields.rs", &["Shown"], "the type's name in its Debug form"),
    ("src/report/contents.rs", &["<!-- toc -->"], "the templates' marker for the contents, replaced, never printed"),
    ("src/report/lang_span.rs", &[r#"<span lang=\"{lang}\">{escaped}</span>"#], "the HTML that marks a data text's language (issue 28): markup, no words"),
];

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
    // Also the table of event fields, whose shown values the JSON summary
    // keeps (they once held "undated, " and "about "). (The Mermaid
    // subset's word "undated", a lone lowercase word, is a key to this
    // scan: `report::helpers::charts`'s tests show a desk's label.)
    let more = ["src/dataset/event_fields.rs", "src/mermaid.rs"].map(|f| root.join(f));
    let files: Vec<_> = ["src/report", "src/snapshot"]
        .iter()
        .flat_map(|dir| rust_files(&root.join(dir)))
        .chain(more)
        .filter(|f| !is_tests_file(f))
        .collect();
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

/// Markdown syntax the templates write that is not words: a table's
/// caption marker, a GitHub alert's label, a footnote's label, an image's
/// width.
const TEMPLATE_SYNTAX: &[&str] = &["Table:", "[!IMPORTANT]", "[^sources]", "=140pt"];

/// No English in the built-in templates (issue 23): their text outside
/// `{{…}}`, comments and the syntax above holds no word, and a string
/// given to a helper is a message's id or a name (`"partners-of-kind"`),
/// never words (`"Share of events per pillar"`). Every sentence is a
/// message of `templates/en-GB.ftl`, said whole with `{{t}}`.
#[test]
fn no_english_word_is_left_in_the_templates() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.to_string_lossy().ends_with(".hbs")).collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (line, words) in template_words(&text) {
            found.push(format!("templates/{}:{line}: {words:?}", file.file_name().unwrap().to_string_lossy()));
        }
    }
    assert!(found.is_empty(), "English words in the templates; make each sentence a message of templates/en-GB.ftl and say it with {{{{t}}}}:\n{}", found.join("\n"));
}

/// The words of a template's text, by line: outside `{{…}}`, `{{!-- --}}`
/// and `<!-- -->`, and the string literals inside `{{…}}` that are not
/// ids.
fn template_words(text: &str) -> Vec<(usize, String)> {
    let line_of = |at: usize| text[..at].matches('\n').count() + 1;
    let mut found = Vec::new();
    let mut plain = String::new();
    let mut plain_at = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let skip = [("{{!--", "--}}"), ("{{!", "}}"), ("<!--", "-->")].iter().find(|(open, _)| rest.starts_with(open));
        if let Some((open, close)) = skip {
            at += rest[open.len()..].find(close).map_or(rest.len(), |end| open.len() + end + close.len());
            continue;
        }
        if rest.starts_with("{{") {
            let end = rest.find("}}").map_or(rest.len(), |e| e + 2);
            let inside = &rest[..end];
            let mut quoted = inside.split('"').skip(1).step_by(2);
            for literal in quoted.by_ref() {
                let id = literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
                if !id {
                    found.push((line_of(at), literal.to_owned()));
                }
            }
            at += end;
            // A `{{{ }}}`'s third brace.
            if text[at..].starts_with('}') {
                at += 1;
            }
            plain.push(' ');
            plain_at.push(at);
            continue;
        }
        let c = rest.chars().next().unwrap();
        plain.push(c);
        for _ in 0..c.len_utf8() {
            plain_at.push(at);
        }
        at += c.len_utf8();
    }
    for (offset, line) in plain.split('\n').scan(0, |start, line| {
        let here = *start;
        *start += line.len() + 1;
        Some((here, line))
    }) {
        let mut bare = line.to_owned();
        for syntax in TEMPLATE_SYNTAX {
            bare = bare.replace(syntax, " ");
        }
        let words: Vec<&str> = bare.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 2).collect();
        if !words.is_empty() {
            let at = plain_at.get(offset).copied().unwrap_or(0);
            found.push((line_of(at), words.join(" ")));
        }
    }
    found.sort();
    found
}

#[test]
fn the_template_scan_finds_sentences_and_titles_and_passes_syntax() {
    let template = "{{!-- A comment. --}}\n## {{t \"heading-about\"}}\n\nTable: {{t \"table-x\"}}\n\n\
        In {{period}} the dataset records {{plural n \"event\"}}.\n<!-- colour {{c}} -->\n\
        {{{mermaid_pie rows \"Share of events\"}}}\n> [!IMPORTANT]\n{{#*inline \"source-list\"}}{{name}}; {{/inline~}}\n";
    assert_eq!(template_words(template), [(6, "In the dataset records".to_owned()), (8, "Share of events".to_owned())]);
}

/// The JSON summary keeps an event's date and figures without words
/// (`2024..2026`, `~1.5`), and a summary that kept them in words (written
/// before, in hash encoding 2) compares equal to them: an edit of one
/// field of an undated event with an approximate figure names that field
/// alone, and the change report says a changed date in the run's words.
#[test]
fn stored_dates_and_figures_are_data_and_older_words_compare_equal() {
    use crate::util::{copy_dir, fixture, root};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&root().join("data"), &data);
    let summary = dir.path().join("summary.json");
    let old = std::fs::read_to_string(fixture("summaries/2024-2026-encoding-2.json")).unwrap();
    assert!(old.contains("\"undated, 2024–2026\"") && old.contains("about 1.5 billion cubic metres of gas a year"), "the fixture keeps words");
    // Issued before (the baseline every run compares with, and keeps).
    std::fs::create_dir(dir.path().join("issued")).unwrap();
    std::fs::write(dir.path().join("issued/summary.2026-02-11.json"), &old).unwrap();
    let events = data.join("events/undated.toml");
    let text = std::fs::read_to_string(&events).unwrap();
    let before = "partners = [{ name = \"SEFE\", role = \"party\" }]\n";
    assert!(text.contains(before));
    std::fs::write(&events, text.replacen(before, "partners = [{ name = \"SEFE\", role = \"party\" }, \"Austria\"]\n", 1)).unwrap();
    let json = |summary: &Path| -> serde_json::Value { serde_json::from_str(&std::fs::read_to_string(summary).unwrap()).unwrap() };
    let rerun = |data: &Path, templates: Option<&Path>| {
        let mut command = crate::util::bin();
        command.args(["--period", "2024-2026", "--as-of", "2026-02-12", "--format", "json", "-q", "--data"]).arg(data).arg("-o").arg(&summary);
        if let Some(t) = templates {
            command.arg("--templates").arg(t);
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", crate::util::stderr(&output));
    };
    rerun(&data, None);
    let new = json(&summary);
    let stamp = &new["hashes"]["sefe-gas-contract"]["fields"];
    assert_eq!(stamp["date"], "2024..2026");
    // The lead figure after `* ` (issue 29, item 9).
    assert_eq!(stamp["figures"][0], "* Annual volume: ~1.5 billion cubic metres of gas a year");
    let edited = &new["changes"]["pillars"];
    let edits: Vec<&serde_json::Value> = edited.as_array().unwrap().iter().flat_map(|p| p["edited"].as_array().unwrap()).collect();
    assert_eq!(edits.len(), 1, "{edited}");
    let fields: Vec<&str> = edits[0]["fields"].as_array().unwrap().iter().map(|f| f["text"].as_str().unwrap()).collect();
    assert_eq!(fields, ["partner added: Austria"]);

    // A changed date, said in a desk's words (the stored forms are data),
    // since this run's summary, issued.
    std::fs::copy(&summary, dir.path().join("issued/summary.2026-02-12.json")).unwrap();
    let desk = tempfile::tempdir().unwrap();
    let words = azint_report::words::BUILTIN.replacen("date-undated = undated, { $date }", "date-undated = { $date }, no date known", 1);
    std::fs::write(desk.path().join(azint_report::words::FILE), words).unwrap();
    let text = std::fs::read_to_string(&events).unwrap();
    let sefe = text.find("id = \"sefe-gas-contract\"").unwrap();
    let date = sefe + text[sefe..].find("date = \"2024..2026\"").unwrap();
    std::fs::write(&events, format!("{}date = \"2024..2025\"{}", &text[..date], &text[date + "date = \"2024..2026\"".len()..])).unwrap();
    rerun(&data, Some(desk.path()));
    let new = json(&summary);
    let said = new["changes"].to_string();
    assert!(said.contains("date changed from 2024–2026, no date known to 2024–2025, no date known"), "{said}");
}
