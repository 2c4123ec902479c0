//! The summary's words come from the run's catalogue (issue 23): a desk's
//! `--templates DIR/en-GB.ftl` changes what the briefing prints, and no
//! English word of the frame is written in `src/summary/` again.

use std::path::Path;

use azint_report::words::{BUILTIN, FILE, MESSAGES};

use crate::source::{self, in_attribute, without_tests, Literal};
use crate::util::{bin, stderr, stdout};

/// The briefing's Markdown with `templates` as `--templates`.
fn briefing(templates: &Path) -> String {
    let output = bin()
        .args(["--format", "md", "-q", "--as-of", "2026-02-12", "-o", "-", "--templates"])
        .arg(templates)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn a_desks_catalogue_rewords_the_summary() {
    let templates = tempfile::tempdir().unwrap();
    let before = briefing(templates.path());
    assert!(before.contains("> - Events per pillar: Active multilateral engagement 11 (2 planned), Multi-vector diplomacy 9,"), "{before}");
    assert!(before.contains("| Summit |"), "{before}");
    let desk = BUILTIN
        .replacen("figure-pillar-each = { $pillar } { $count }", "figure-pillar-each = { $pillar } holds { $count }", 1)
        .replacen("[summit] Summit", "[summit] Summit meeting", 1);
    assert_ne!(desk, BUILTIN);
    std::fs::write(templates.path().join(FILE), desk).unwrap();
    let after = briefing(templates.path());
    assert!(after.contains("Active multilateral engagement holds 11 (2 planned)") && !after.contains("engagement 11 ("), "{after}");
    assert!(after.contains("| Summit meeting |") && !after.contains("| Summit |"), "{after}");
}

/// The string literals of `source` outside comments, attributes
/// (`#[serde(with = "iso")]`) and the `#[cfg(test)]` module at its foot.
fn literals(source: &str) -> Vec<Literal> {
    let code = without_tests(source);
    source::literals(code).into_iter().filter(|l| !in_attribute(code, l.offset)).collect()
}

/// Whether a literal holds a word: two letters in a row. Format specs
/// (`"{}"`, `"{:>3}"`) and punctuation hold none.
fn has_word(text: &str) -> bool {
    text.chars().collect::<Vec<_>>().windows(2).any(|w| w[0].is_alphabetic() && w[1].is_alphabetic())
}

/// What a literal with letters may be: not words people read but names
/// the code and the catalogue share, the messages' ids and the variables
/// the summary gives them (both checked against the catalogue when it is
/// read, so a misspelt one fails `words::tests`).
fn allowed(text: &str) -> bool {
    MESSAGES.iter().any(|(id, variables)| *id == text || variables.contains(&text))
}

#[test]
fn no_english_word_is_written_in_the_summarys_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/summary");
    let mut files: Vec<_> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 5, "too few files in {}", root.display());
    let mut found = Vec::new();
    let mut ids = 0;
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "rs")) {
        let source = std::fs::read_to_string(path).unwrap();
        for literal in literals(&source) {
            if !has_word(&literal.text) {
                continue;
            }
            if allowed(&literal.text) {
                ids += 1;
                continue;
            }
            found.push(format!("src/summary/{}:{}: {:?}", path.file_name().unwrap().to_string_lossy(), literal.line, literal.text));
        }
    }
    assert!(ids > 5, "the scan found too few message ids ({ids}): is it reading the summary's code?");
    assert!(
        found.is_empty(),
        "words written in the summary's code; put them in templates/en-GB.ftl (section \"The summary's sentences\") \
         and say them with the run's catalogue:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_words_and_skips_comments_attributes_and_tests() {
    let source = "//! \"Docs\" here\n#[serde(serialize_with = \"iso\")]\nfn f() {\n    let a = 'x';\n    \
        let b = \"{}: {:>3}\";\n    say(\"kind-name\", \"kind\");\n    let c = format!(\"Begun before {year}\");\n    \
        let d = r#\"Raw \"words\"\"#;\n}\n#[cfg(test)]\nmod tests { const T: &str = \"Test words\"; }\n";
    let found: Vec<(String, usize)> = literals(source).into_iter().filter(|l| has_word(&l.text)).map(|l| (l.text, l.line)).collect();
    assert_eq!(
        found,
        [
            ("kind-name".to_owned(), 6),
            ("kind".to_owned(), 6),
            ("Begun before {year}".to_owned(), 7),
            ("Raw \"words\"".to_owned(), 8)
        ]
    );
    assert!(allowed("kind-name") && allowed("count") && !allowed("Begun before {year}"));
}

/// Issue 25, item 6, in the default briefing: a year counts what began in
/// it (the UN framework of 2021–2025 is counted as begun before), plans are
/// counted apart wherever counts are printed, and no list of partners is
/// cut inside a tie.
#[test]
fn issue_25_the_default_briefings_counts_are_true() {
    let md = crate::util::default_markdown();
    assert!(md.contains("| Events | 9 | 3 | 7 | 11 (2 planned) | 30 |"), "{md}");
    // Kinds and years are counted in one table of the overview, a column a
    // pillar (issue 27: one place a fact), plans in a row of their own.
    assert!(md.contains("| Pillar | Diplomacy | Connectivity | Energy | Multilateral | Total |"), "{md}");
    assert!(md.contains("| Begun before 2024 | – | – | – | 1 | 1 |"), "{md}");
    assert!(md.contains("| 2024 | 2 | 1 | 3 | 5 | 11 |"), "{md}");
    assert!(md.contains("| *of them planned* | – | – | – | 2 | 2 |"), "{md}");
    assert!(md.contains("| Programme | – | – | – | 2 | 2 |"), "{md}");
    let multilateral = &md[md.find("## 4. Active multilateral engagement").unwrap()..];
    assert!(!multilateral.contains("| Kind |"), "{multilateral}");
    // 17 partners have one event each: none of them is ranked.
    assert!(md.contains("Further, 17 partners at one event each."), "{md}");
    assert!(!md.contains("| Austria | country | 1 |"), "{md}");
    assert!(md.contains("13 partners at one event each; bilateral counterparts by region"), "{md}");
    assert!(!md.contains("and 8 more"), "{md}");
}

/// Issue 25, what a fact-checker still found false in the default
/// briefing: each sentence says what it counts.
#[test]
fn issue_25_the_default_briefing_says_what_it_counts() {
    let md = crate::util::default_markdown();
    // One landmark is an event, not a partner.
    assert!(md.contains("with 24 distinct partners and 1 event of landmark significance;"), "{md}");
    // The partner count says what it leaves out.
    assert!(
        md.contains(
            "Of the 28 bodies the period's events name, 2 are Azerbaijan's own and 2 are only mentioned: not counted among the 24 partners. \
             The period's events name 24 partners: 14 countries,"
        ),
        "{md}"
    );
    // The regions count countries named as partners; no group is counted
    // by members the registry does not record.
    assert!(md.contains("Bilateral counterparts by region: the countries the events name as partners, not those only mentioned; 10 events"), "{md}");
    assert!(!md.contains("member countries of groups"), "{md}");
    // No pillar singled out where its lead rests on plans.
    assert!(
        md.contains("> - Events per pillar: Active multilateral engagement 11 (2 planned), Multi-vector diplomacy 9, Energy and green transition diplomacy 7, Connectivity and transport expansion 3.\n"),
        "{md}"
    );
    // Main partners have more than one event of their pillar.
    let connectivity = &md[md.find("## 2. Connectivity").unwrap()..md.find("## 3. Energy").unwrap()];
    assert!(connectivity.contains("\n\n3 partners at one event each; bilateral"), "{connectivity}");
    for line in md.lines().filter(|l| l.contains("Main partners:")) {
        let main = line.split("Main partners:").nth(1).unwrap_or_default();
        let main = main.split([';', '.']).next().unwrap_or_default();
        assert!(!main.contains("(1)"), "a main partner at one event: {line}");
    }
    assert!(md.contains("Main partners: United Nations (3), European Union (2); further, 3 partners at one event each;"), "{md}");
    // The Markdown's timeline sentence says what the Gantt shows: no marks
    // growing, no dots, no hollow marks.
    let timeline = &md[md.find("### Timeline").unwrap()..md.find("```mermaid\ngantt").unwrap()];
    for drawn in ["grow", "dotted", "hollow"] {
        assert!(!timeline.contains(drawn), "{timeline}");
    }
    // It says what is drawn, not how: that is the key's (issue 27, item 2).
    assert!(timeline.contains("All 30 events of the period, one lane per pillar, undated facts and plans included.\n"), "{timeline}");
    assert!(!timeline.contains("a bar for"), "{timeline}");
    // The index names every body, and says what those that are no partner are.
    assert!(md.contains("Every body the period's events name, with its events (the 5 most significant where there are more) by pillar and date; Azerbaijan's own bodies and names only mentioned are marked."), "{md}");
    assert!(md.contains("- **Uganda (mentioned)** (country, Africa)") && md.contains("- **Russia (mentioned)**"), "{md}");
    assert!(md.contains("**Partners:** Germany, Austria and SOCAR (Azerbaijani body)"), "{md}");
}

/// A highlight names its kind only when it has one (issue 25): an event
/// of kind `other` is not printed "2024 · other · significant", its date
/// is followed by its level; every other kind is still named.
#[test]
fn issue_25_a_highlight_of_kind_other_names_no_kind() {
    let md = crate::util::default_markdown();
    let lines: Vec<&str> = md.lines().filter(|l| l.starts_with('*') && l.contains("/5)")).collect();
    assert!(!lines.is_empty(), "no highlight lines in the briefing");
    for line in &lines {
        assert!(!line.contains(" · other · "), "{line}");
    }
    assert!(lines.iter().any(|l| l.contains(" · summit · ")), "other kinds are still named: {lines:?}");
    assert!(
        lines.iter().any(|l| l.starts_with("*2024* · significant (3/5)")),
        "the 2024 event of kind other shows its date and level: {lines:?}"
    );
}
