//! The analyst's judgements (issue 25): `[[judgement]]` tables checked
//! with their places, shown first in the briefing in both formats, and
//! kept honest when their evidence changes.

use std::path::Path;

use crate::util::{bin, copy_dir, root, stderr};

/// A copy of the default data with `judgements.toml` holding `text`.
pub(crate) fn data_with(dir: &Path, text: &str) -> std::path::PathBuf {
    let data = dir.join("data");
    copy_dir(&root().join("data"), &data);
    std::fs::write(data.join("judgements.toml"), text).unwrap();
    data
}

/// `check`'s standard error and whether it passed.
fn check(text: &str) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with(dir.path(), text);
    let output = bin().current_dir(dir.path()).args(["check", "--data"]).arg(&data).output().unwrap();
    (output.status.success(), stderr(&output).replace(&format!("{}/", dir.path().display()), ""))
}

pub(crate) const GOOD: &str = r#"[[judgement]]
id = "gas-to-europe"
text = "Azerbaijan will very likely keep its gas deliveries to Europe at today's level through 2026."
likelihood = "very likely"
confidence = "moderate"
evidence = ["sefe-gas-contract", "socar-gas-germany-austria"]
pillar = "energy"
"#;

#[test]
fn a_well_formed_judgement_passes_check() {
    let (ok, err) = check(GOOD);
    assert!(ok, "{err}");
}

#[test]
fn each_mistake_in_a_judgement_is_refused_at_its_place() {
    let text = r#"[[judgement]]
id = "gas"
text = "T."
likelihood = "very likley"
confidence = "moderate"
evidence = ["sefe-gas-contrac"]
pillar = "enrgy"

[[judgement]]
id = "gas"
text = "T."
likelihood = "likely"
confidence = "hihg"
evidence = []
reviewed = "2026-02"

[[judgement]]
text = "T."
likelihood = "likely"
confidence = "low"
"#;
    let (ok, err) = check(text);
    assert!(!ok);
    for expected in [
        "data/judgements.toml:4:14: error: unknown likelihood `very likley`\n  help: did you mean `very likely`?",
        "data/judgements.toml:6:13: error: unknown evidence `sefe-gas-contrac`: expected the id of an `[[event]]`\n  help: did you mean `sefe-gas-contract`?",
        "data/judgements.toml:7:10: error: unknown pillar `enrgy`: expected the id of a `[[pillar]]`\n  help: did you mean `energy`?",
        "data/judgements.toml:10:6: error: duplicate judgement id `gas`: ids must be unique across all files\n  help: `gas` is first defined at data/judgements.toml:2:6",
        "data/judgements.toml:13:14: error: unknown confidence `hihg`\n  help: did you mean `high`?",
        "data/judgements.toml:14:12: error: `evidence` is empty: a judgement rests on at least one event",
        "data/judgements.toml:15:12: error: `reviewed` must be a full date such as `2026-02-12`",
        "data/judgements.toml:17:1: error: missing required key `evidence` in `[[judgement]]`",
    ] {
        assert!(err.contains(expected), "expected\n{expected}\nin\n{err}");
    }
    assert!(err.contains("8 problems"), "{err}");
}

#[test]
fn a_misspelt_key_of_a_judgement_is_named_with_the_keys_allowed() {
    let (ok, err) = check("[[judgement]]\ntext = \"T.\"\nlikelyhood = \"likely\"\nconfidence = \"low\"\nevidence = [\"cop29-baku\"]\n");
    assert!(!ok);
    assert!(err.contains("data/judgements.toml:3:1: error: unknown key `likelyhood` in `[[judgement]]`"), "{err}");
    assert!(err.contains("did you mean `likelihood`?"), "{err}");
    assert!(!err.contains("missing required key `likelihood`"), "one mistake, one error: {err}");
}

/// Runs the binary in `dir` on `data`; returns standard error.
fn run(dir: &Path, data: &Path, args: &[&str]) -> String {
    let output = bin()
        .current_dir(dir)
        .arg("--data")
        .arg(data)
        .args(["--as-of", crate::util::AS_OF])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    stderr(&output)
}

#[test]
fn judgements_open_the_markdown_briefing_with_confidence_apart_and_linked_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with(dir.path(), GOOD);
    run(dir.path(), &data, &["--period", "2024-2026", "--format", "md", "-o", "b.md"]);
    let md = std::fs::read_to_string(dir.path().join("b.md")).unwrap();
    let judgements = md.find("## Key judgements").expect("a Key judgements section");
    let summary = md.find("## Executive summary").unwrap();
    assert!(md.find("Briefing for").unwrap() < judgements && judgements < summary, "after the title block, before the counts");
    let line = md.lines().find(|l| l.starts_with("- Azerbaijan will very likely")).expect(&md);
    // ICD 203: the likelihood word inside the judgement, the confidence in
    // a sentence of its own.
    assert!(line.contains("through 2026. Confidence: moderate. Evidence: "), "{line}");
    assert!(line.contains("[Ten-year gas contract with Germany's SEFE, with additional volumes delivered to Austria](#3-energy-and-green-transition-diplomacy)"), "{line}");
    assert!(line.contains("[SOCAR begins supplying gas to Germany and Austria](#3-energy-and-green-transition-diplomacy)"), "{line}");
    assert!(md.contains("\n## 3. Energy and green transition diplomacy\n"), "the links' target exists");
    assert!(md.contains("very likely (80–95%); almost certain (95–99%)"), "the about-note gives the scale");
}

#[test]
fn without_judgements_there_is_no_section_and_no_scale() {
    let md = crate::util::default_markdown();
    assert!(!md.contains("## Key judgements"));
    assert!(!md.contains("ICD 203"));
}

#[test]
fn judgements_open_the_pdf_with_their_links_and_tags() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with(dir.path(), GOOD);
    run(dir.path(), &data, &["--period", "2024-2026", "--format", "pdf", "-o", "b.pdf"]);
    let text = std::process::Command::new("pdftotext").args(["-layout", "b.pdf", "-"]).current_dir(dir.path()).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace('\u{2019}', "'");
    // A short briefing prints no contents (issue 27, item 1): the first
    // "Executive summary" is the section's heading, after the judgements.
    let judgements = text.find("Key judgements").expect(&text);
    assert!(judgements < text.find("Executive summary").unwrap(), "before the counts:\n{text}");
    let body = &text[judgements..];
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    // A judgement may run over a page break: read past the page's foot and
    // the next page's head.
    let flat = match (flat.find(" Page 1 of "), flat.find("· 2024–2026 Key judgements ")) {
        (Some(foot), Some(head)) if foot < head => format!("{}{}", &flat[..=foot], &flat[head + "· 2024–2026 Key judgements ".len()..]),
        _ => flat,
    };
    assert!(flat.contains("through 2026. Confidence: moderate. Evidence: Ten-year gas contract"), "{flat}");
    // The note is set in the annexes' smaller type: a word of it may be
    // hyphenated at a line's end.
    assert!(flat.replace("- ", "").contains("almost certain (95–99%)"), "{flat}");
    // The same Markdown typeset in the test: every link and every run tagged.
    let output = bin()
        .current_dir(dir.path())
        .arg("--data")
        .arg(&data)
        .args(["--as-of", crate::util::AS_OF, "--period", "2024-2026", "--format", "md", "-q", "-o", "-"])
        .output()
        .unwrap();
    crate::tagged::check_tagged(&crate::util::stdout(&output));
}

#[test]
fn a_judgement_whose_evidence_lies_outside_the_period_is_shown_with_that_said() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[[judgement]]\nid = \"cop\"\ntext = \"COP29 will likely be remembered.\"\nlikelihood = \"likely\"\nconfidence = \"high\"\nevidence = [\"cop29-baku\"]\n";
    let data = data_with(dir.path(), text);
    let err = run(dir.path(), &data, &["--period", "2026", "--format", "md", "-o", "b.md"]);
    assert!(err.contains("data/judgements.toml:1:1: warning: the evidence of judgement `cop` lies wholly outside the period 2026"), "{err}");
    let md = std::fs::read_to_string(dir.path().join("b.md")).unwrap();
    let line = md.lines().find(|l| l.starts_with("- COP29 will likely")).expect(&md);
    assert!(line.ends_with("Evidence: COP29 UN Climate Change Conference in Baku. Single-source: all its evidence rests on News.Az. Its evidence lies outside the period of this briefing."), "{line}");
}

/// The key figures of the default briefing's box.
fn key_figures(md: &str) -> Vec<&str> {
    let from = md.find("> **Key figures**").expect(md);
    md[from..].lines().take_while(|l| l.starts_with('>')).filter(|l| l.starts_with("> - ")).collect()
}

#[test]
fn without_judgements_the_tools_box_gives_figures_not_judgements() {
    let md = crate::util::default_markdown();
    assert!(!md.contains("Key judgements") && !md.contains("[!IMPORTANT]"), "no judgement, no alert label");
    // A year's events are those that began in it inside the period: the UN
    // framework "for 2021–2025" is no year's; a pillar's plans are said;
    // one landmark in all gives no figure of where landmarks fall; the two
    // plans of 2026 have not begun (18 dated events, 16 that happened).
    assert_eq!(
        key_figures(md),
        [
            "> - Events per pillar: Active multilateral engagement 11 (2 planned), Multi-vector diplomacy 9, Energy and green transition diplomacy 7, Connectivity and transport expansion 3.",
            "> - Begun in 2024: 11 of the 16 dated events that began in the period (plans not counted).",
        ]
    );
    for word in ["busiest", "most active", "leads", "most landmark"] {
        assert!(!md.to_lowercase().contains(word), "`{word}` in the briefing");
    }
}

#[test]
fn a_tie_gives_no_pillar_figure() {
    let dir = tempfile::tempdir().unwrap();
    let extra: String = (0..2)
        .map(|n| {
            format!(
                "[[event]]\nid = \"extra-{n}\"\ntitle = \"Extra {n}\"\ndate = 2025-0{}\npillar = \"diplomacy\"\nkind = \"visit\"\n\
                 significance = 2\nsummary = \"S.\"\nsources = [{{ name = \"N\" }}]\n",
                n + 1
            )
        })
        .collect();
    let data = data_with(dir.path(), &extra.replace("2025-01", "\"2025-01\"").replace("2025-02\n", "\"2025-02\"\n"));
    run(dir.path(), &data, &["--period", "2024-2026", "--format", "md", "-o", "b.md"]);
    let md = std::fs::read_to_string(dir.path().join("b.md")).unwrap();
    let figures = key_figures(&md);
    assert!(md.contains("| Events | 11 | 3 | 7 | 11 (2 planned) |"), "diplomacy ties with multilateral engagement");
    assert!(figures.iter().all(|f| !f.contains("engagement:") && !f.contains("Multi-vector diplomacy:")), "{figures:?}");
}

/// Edits `file` of `data`, replacing `from` with `to` once.
fn edit(data: &Path, file: &str, from: &str, to: &str) {
    let path = data.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn editing_a_cited_event_asks_for_a_review_until_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with(dir.path(), GOOD);
    let md = ["--period", "2024-2026", "--format", "md"];
    run(dir.path(), &data, &[&md[..], &["--issue"]].concat());
    // Unchanged: nothing to review.
    let err = run(dir.path(), &data, &md);
    assert!(!err.contains("review"), "{err}");
    edit(&data, "events/2026.toml", "date = \"2026-01\"", "date = \"2026-01-05\"");
    let err = run(dir.path(), &data, &md);
    assert!(
        err.contains("data/judgements.toml:1:1: warning: review: the evidence of judgement `gas-to-europe` changed: date of `socar-gas-germany-austria`"),
        "{err}"
    );
    assert!(err.contains("record that with `reviewed = 2026-02-12`"), "{err}");
    let report = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.changes.md")).unwrap();
    assert!(report.contains("- Review: the evidence of judgement gas-to-europe changed: date of socar-gas-germany-austria."), "{report}");
    // Reviewed on the run's date: settled, and said so in the report.
    edit(&data, "judgements.toml", "pillar = \"energy\"", "pillar = \"energy\"\nreviewed = 2026-02-12");
    let err = run(dir.path(), &data, &md);
    assert!(!err.contains("review:"), "{err}");
    let report = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.changes.md")).unwrap();
    assert!(report.contains("- Reviewed: the evidence of judgement gas-to-europe changed (socar-gas-germany-austria)"), "{report}");
    assert!(!report.contains("- Review:"), "{report}");
}

#[test]
fn a_judgements_own_edit_is_a_change_and_asks_no_review() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with(dir.path(), GOOD);
    let md = ["--period", "2024-2026", "--format", "md"];
    run(dir.path(), &data, &[&md[..], &["--issue"]].concat());
    edit(&data, "judgements.toml", "confidence = \"moderate\"", "confidence = \"high\"");
    let err = run(dir.path(), &data, &md);
    assert!(!err.contains("review:"), "{err}");
    let report = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.changes.md")).unwrap();
    assert!(report.contains("- Judgement gas-to-europe edited."), "{report}");
    // Counted like an event's edit on the success line.
    assert!(err.contains("changes since 2026-02-12: +0 −0 ~1"), "{err}");
}

#[test]
fn judgements_added_removed_and_edited_count_on_the_success_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with(dir.path(), GOOD);
    let md = ["--period", "2024-2026", "--format", "md"];
    run(dir.path(), &data, &[&md[..], &["--issue"]].concat());
    // Each of text, likelihood and evidence is the judgement's own edit.
    for (from, to) in [
        ("today's level", "today's *level*"),
        ("likelihood = \"very likely\"", "likelihood = \"likely\""),
        ("evidence = [\"sefe-gas-contract\", ", "evidence = ["),
    ] {
        edit(&data, "judgements.toml", from, to);
        let err = run(dir.path(), &data, &md);
        assert!(err.contains("changes since 2026-02-12: +0 −0 ~1"), "{from}: {err}");
    }
    // A second judgement added, the first removed: one each way.
    std::fs::write(data.join("judgements.toml"), GOOD.replace("gas-to-europe", "gas-later")).unwrap();
    let err = run(dir.path(), &data, &md);
    assert!(err.contains("changes since 2026-02-12: +1 −1 ~0"), "{err}");
    let report = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.changes.md")).unwrap();
    assert!(report.contains("- Judgement gas-later added."), "{report}");
    assert!(report.contains("- Judgement gas-to-europe removed."), "{report}");
}

#[test]
fn a_summary_issued_before_judgements_existed_asks_no_review() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with(dir.path(), GOOD);
    let judgements = std::fs::read_to_string(data.join("judgements.toml")).unwrap();
    std::fs::remove_file(data.join("judgements.toml")).unwrap();
    let md = ["--period", "2024-2026", "--format", "md"];
    run(dir.path(), &data, &[&md[..], &["--issue"]].concat());
    let json = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.json")).unwrap();
    assert!(!json.contains("\"judgements\""), "no judgements, nothing recorded");
    std::fs::write(data.join("judgements.toml"), judgements).unwrap();
    edit(&data, "events/2026.toml", "date = \"2026-01\"", "date = \"2026-01-05\"");
    let err = run(dir.path(), &data, &md);
    assert!(!err.contains("review"), "{err}");
}

const INLINE: &str = r#"[[judgement]]
id = "gas-inline"
text = "Azerbaijan will *very likely* keep its `SEFE` deliveries, as [the article](https://news.az) says; a lone *star stays text."
likelihood = "very likely"
confidence = "moderate"
evidence = ["sefe-gas-contract"]
"#;

#[test]
fn a_judgements_inline_markdown_is_rendered_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with(dir.path(), INLINE);
    run(dir.path(), &data, &["--period", "2024-2026", "--format", "both", "--out-dir", "out"]);
    let md = std::fs::read_to_string(dir.path().join("out/azint-briefing-2024-2026.md")).unwrap();
    let line = md.lines().find(|l| l.starts_with("- Azerbaijan will")).expect(&md);
    assert!(
        line.starts_with("- Azerbaijan will *very likely* keep its `SEFE` deliveries, as [the article](<https://news.az>) says; a lone \\*star stays text. Confidence: moderate."),
        "{line}"
    );
    let text = std::process::Command::new("pdftotext").args(["out/azint-briefing-2024-2026.pdf", "-"]).current_dir(dir.path()).output().unwrap();
    let flat: String = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Azerbaijan will very likely keep its SEFE deliveries, as the article says; a lone *star stays text."), "{flat}");
    // The same Markdown typeset: the judgement's link is a link.
    let doc = azint_report::typeset::typeset(&md, &crate::util::typeset_options(azint_report::options::Paper::A4)).document;
    let uris: Vec<&str> = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|(_, item)| match item {
            azint_report::typeset::display::Item::Link { target: azint_report::typeset::display::Target::Uri(u), .. } => Some(u.as_str()),
            _ => None,
        })
        .collect();
    assert!(uris.contains(&"https://news.az"), "{uris:?}");
    // Emphasis, code and the link are tagged like the rest of the page.
    crate::tagged::check_tagged(&md);
}

#[test]
fn a_block_construct_in_a_judgement_is_refused_where_it_stands() {
    let cases = [
        ("text = \"\"\"\nFirst paragraph.\n\nSecond one.\"\"\"", "data/judgements.toml:4:1: error: `text` holds a blank line (a second paragraph)"),
        ("text = \"\"\"\nOne line\n# A heading\"\"\"", "data/judgements.toml:4:1: error: `text` holds a heading"),
        ("text = \"A list:\\n- item\"", "data/judgements.toml:2:8: error: `text` holds a list"),
        ("text = '''Some <b>bold</b> words'''", "data/judgements.toml:2:16: error: `text` holds raw HTML"),
        ("text = \"\"\"\n| a | b |\n| - | - |\"\"\"", "data/judgements.toml:3:1: error: `text` holds a table"),
        ("text = \"\"\"\n    Indented lines\n    are one paragraph.\n\n    A second.\"\"\"", "data/judgements.toml:5:1: error: `text` holds a blank line"),
        ("text = \"\"\"\n  Indented.\n  > quoted\"\"\"", "data/judgements.toml:4:3: error: `text` holds a block quote"),
    ];
    for (text, expected) in cases {
        let toml = format!("[[judgement]]\n{text}\nlikelihood = \"likely\"\nconfidence = \"low\"\nevidence = [\"cop29-baku\"]\n");
        let (ok, err) = check(&toml);
        assert!(!ok, "{toml}");
        assert!(err.contains(expected), "expected\n{expected}\nin\n{err}");
        assert!(err.contains("a judgement is one paragraph of inline Markdown"), "{err}");
    }
}

#[test]
fn a_judgement_resting_on_one_source_is_marked_single_source_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let two = r#"
[[event]]
id = "wire-report"
title = "A wire's report"
date = 2025-03-01
pillar = "energy"
kind = "statement"
significance = 2
summary = "S."
sources = [{ name = "Other Wire" }]

[[judgement]]
id = "two-sources"
text = "Energy ties will likely deepen."
likelihood = "likely"
confidence = "low"
evidence = ["wire-report", "sefe-gas-contract"]
"#;
    let data = data_with(dir.path(), &format!("{GOOD}{two}"));
    run(dir.path(), &data, &["--period", "2024-2026", "--format", "both", "--out-dir", "out"]);
    let md = std::fs::read_to_string(dir.path().join("out/azint-briefing-2024-2026.md")).unwrap();
    let line = |start: &str| md.lines().find(|l| l.starts_with(start)).expect(&md).to_owned();
    assert!(line("- Azerbaijan will very likely").ends_with(". Single-source: all its evidence rests on News.Az."), "{md}");
    assert!(!line("- Energy ties").contains("Single-source"), "two sources: no mark");
    let about = "A judgement marked single-source rests wholly on events that cite one and the same source";
    assert!(md.contains(about), "the about-note says what the mark means");
    let text = std::process::Command::new("pdftotext").args(["out/azint-briefing-2024-2026.pdf", "-"]).current_dir(dir.path()).output().unwrap();
    let flat: String = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Single-source: all its evidence rests on News.Az."), "{flat}");
    assert!(flat.contains(about), "{flat}");
}
