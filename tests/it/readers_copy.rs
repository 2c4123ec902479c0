//! Issue 27, item 3: nothing for the developer in the reader's copy. The
//! PDF's text (as `pdftotext` reads it) and the Markdown's prose (outside
//! code and Mermaid blocks) name no tool, file, key or syntax, and no
//! GitHub alert label: for the default briefing, the whole dataset, and a
//! generated dataset large enough to take the paths the small ones do not
//! (no partner registry, clusters, a dense timeline).

use std::fmt::Write as _;
use std::path::Path;

use crate::util::{bin, stderr, AS_OF};

/// What a reader must never meet: syntax, tool and file names, and
/// GitHub's alert labels.
const DEVELOPER: &[&str] = &[".toml", "Mermaid", "[[", "= \"", "Important", "Warning", "Note", "Tip", "Caution"];

/// A synthetic dataset of `n` events, deterministic: days, months and
/// years, spans, undated facts, plans, partners without a registry, over
/// 2018-2028. Its own words contain none of [`DEVELOPER`].
pub fn synthetic(n: usize) -> String {
    let mut out = String::from("schema = 1\n\n[report]\ntitle = \"Synthetic integration\"\n\n");
    let pillars = ["diplomacy", "connectivity", "energy", "multilateral"];
    for (k, id) in pillars.iter().enumerate() {
        let _ = write!(out, "[[pillar]]\nid = \"{id}\"\nname = \"Pillar {id}\"\norder = {}\n\n", k + 1);
    }
    let partners = ["Türkiye", "Georgia", "China", "European Union", "United Nations", "Kazakhstan", "Japan", "SOCAR"];
    let kinds = ["summit", "visit", "agreement", "programme", "contract", "statement"];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |m: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % m
    };
    for i in 0..n {
        let year = if next(100) < 85 { 2024 + next(3) } else { 2018 + next(11) };
        let (month, day) = (1 + next(12), 1 + next(28));
        let date = match next(20) {
            0 => format!("\"{year}..{}\"", year + 1 + next(2)),
            1..=3 => format!("\"{year}\""),
            4..=8 => format!("\"{year}-{month:02}\""),
            _ => format!("{year}-{month:02}-{day:02}"),
        };
        let _ = write!(
            out,
            "[[event]]\nid = \"e{i:05}\"\ntitle = \"Meeting {i} on rail freight\"\ndate = {date}\npillar = \"{}\"\nkind = \"{}\"\nsignificance = {}\npartners = [\"{}\"]\nsummary = \"Officials of both sides agreed on capacity and volumes.\"\nsources = [{{ name = \"APA\", url = \"https://example.org/{i}\" }}]\n",
            pillars[next(4) as usize],
            kinds[next(6) as usize],
            1 + next(5),
            partners[next(8) as usize],
        );
        if year >= 2026 && next(3) == 0 {
            out.push_str("status = \"planned\"\n");
        }
        out.push('\n');
    }
    out
}

/// The briefing of `data` (None: the built-in default) as PDF text and
/// Markdown, rendered into `dir`.
fn render(dir: &Path, data: Option<&Path>, period: Option<&str>) -> (String, String) {
    let mut cmd = bin();
    cmd.current_dir(dir).args(["--format", "both", "--as-of", AS_OF, "-q", "--no-changes", "--out-dir", "out"]);
    if let Some(data) = data {
        cmd.arg("--data").arg(data);
    }
    if let Some(period) = period {
        cmd.args(["--period", period]);
    }
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut files: Vec<_> = std::fs::read_dir(dir.join("out")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let pdf = files.iter().find(|p| p.extension().is_some_and(|e| e == "pdf")).unwrap();
    let md = files.iter().find(|p| p.extension().is_some_and(|e| e == "md")).unwrap();
    let text = std::process::Command::new("pdftotext").arg(pdf).arg("-").output().unwrap();
    assert!(text.status.success());
    let markdown = std::fs::read_to_string(md).unwrap();
    std::fs::remove_dir_all(dir.join("out")).unwrap();
    (String::from_utf8(text.stdout).unwrap(), markdown)
}

/// The Markdown's prose: every line outside fenced blocks (code, Mermaid).
pub fn prose(markdown: &str) -> String {
    let mut fenced = false;
    let mut out = String::new();
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn assert_for_a_reader(what: &str, pdf: &str, markdown: &str) {
    // Issue 27, item 8: no HTML comment carries data (a colour, say); the
    // one marker left says where the index starts and holds nothing.
    let prose_text = prose(markdown);
    let comments: Vec<&str> = prose_text.lines().filter(|l| l.contains("<!--")).map(str::trim).filter(|l| *l != "<!-- index -->").collect();
    assert!(comments.is_empty(), "the {what} Markdown: {comments:?}");
    for word in DEVELOPER {
        assert!(!pdf.contains(word), "the {what} PDF says {word:?}: {}", context(pdf, word));
        // Alert syntax (`> [!NOTE]`) is Markdown's own and not a word.
        assert!(!prose(markdown).contains(word), "the {what} Markdown says {word:?}: {}", context(markdown, word));
    }
}

fn context(text: &str, word: &str) -> String {
    let at = text.find(word).unwrap_or(0);
    let from = (0..=at.saturating_sub(80)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let to = (at + 80..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
    text[from..to].to_owned()
}

#[test]
fn issue_27_the_default_briefing_speaks_to_a_reader() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, markdown) = render(dir.path(), None, Some("2024-2026"));
    assert_for_a_reader("default", &pdf, &markdown);
    let (pdf, markdown) = render(dir.path(), None, None);
    assert_for_a_reader("whole-dataset", &pdf, &markdown);
}

#[test]
fn issue_27_a_large_briefing_speaks_to_a_reader() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("synthetic.toml");
    std::fs::write(&data, synthetic(3000)).unwrap();
    let (pdf, markdown) = render(dir.path(), Some(&data), Some("2024-2026"));
    assert!(pdf.contains("Meeting"), "the events are there");
    assert_for_a_reader("large", &pdf, &markdown);
}
