//! Issue 10: a property test that drives the command line itself. Random
//! option combinations, random small datasets (valid or not) and random
//! output paths inside a scratch folder: whatever the run does, it does
//! not panic, it exits 0, 1, 2, 65 or 130, it leaves no temporary file, and
//! it damages no earlier report: a failed run changes nothing, a
//! successful one replaces files only with whole reports.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use proptest::prelude::*;

use crate::util::AS_OF;

/// A small dataset: one or two pillars, a few events with text from a
/// hostile alphabet; sometimes invalid (a bad significance or date, an
/// unknown pillar, a syntax error).
fn dataset() -> impl Strategy<Value = String> {
    let text = prop_oneof![
        19 => "[a-zA-Z0-9 :;#%$@*_<>|\\[\\]\"'&!.,əİ-]{1,24}",
        1 => "[a-z \u{202e}\u{1b}]{1,8}",
    ];
    let significance = prop_oneof![19 => 1i64..=5, 1 => 0i64..9];
    let event = (text, 2018i32..2029, significance, prop::bool::weighted(0.97), prop::bool::weighted(0.97));
    (prop::collection::vec(event, 1..5), prop::bool::weighted(0.95)).prop_map(|(events, parses)| {
        let mut out = String::from("[[pillar]]\nid = \"p\"\nname = \"Pillar one\"\n\n[[pillar]]\nid = \"q\"\nname = \"Section: two %%{x}%%\"\n");
        for (i, (title, year, significance, known_pillar, good_date)) in events.into_iter().enumerate() {
            let title = title.replace('\\', "\\\\").replace('"', "\\\"").replace('\u{1b}', "\\u001B");
            let pillar = if known_pillar { ["p", "q"][i % 2] } else { "nope" };
            let date = if good_date { format!("\"{year}\"") } else { format!("\"{year}-13\"") };
            out.push_str(&format!(
                "\n[[event]]\nid = \"e{i}\"\ntitle = \"{title}\"\ndate = {date}\npillar = \"{pillar}\"\nkind = \"summit\"\nsignificance = {significance}\nsummary = \"About {title}\"\nsources = [{{ name = \"S\", url = \"https://example.org/{i}\" }}]\n"
            ));
        }
        if !parses {
            out.push_str("\nbroken = = \n");
        }
        out
    })
}

/// A command line: options in any combination, output paths inside the
/// scratch folder (some of them folders, inputs or existing reports).
fn arguments() -> impl Strategy<Value = Vec<String>> {
    let format = prop::option::of(prop::sample::select(vec!["md", "pdf", "both", "json"]));
    let out = prop::option::of(prop::sample::select(vec![
        "-", "out/r.md", "out/r.pdf", "out/r.json", "out/earlier.md", "out", ".", "out/", "missing/x.md", "data/d.toml", "out/long-name.md",
    ]));
    let out_dir = prop::option::of(prop::sample::select(vec!["out", "out/new", "data"]));
    let period = prop::option::of(prop::sample::select(vec!["2024-2026", "2025", "2025-03", "2026-2024", "1999", "2024-07..2025-06", "x", "2024–2026", "2024..2026", "2025-01..2025-12", "2024 - 2025"]));
    let flags = prop::collection::vec(
        prop::sample::select(vec![
            "--no-changes", "--no-chronology", "-q", "--paper=letter", "--pillar=p", "--pillar=zz", "--highlights=0", "--compare=2024", "--as-of=0999-01-01",
            "--templates=tpl",
        ]),
        0..4,
    );
    (format, out, out_dir, period, flags).prop_map(|(format, out, out_dir, period, flags)| {
        let mut args = vec!["--data".to_owned(), "data".to_owned()];
        let pairs = [("--format", format), ("-o", out), ("--out-dir", out_dir), ("--period", period)];
        for (flag, value) in pairs {
            if let Some(value) = value {
                args.push(flag.to_owned());
                args.push(if value == "out/long-name.md" { format!("out/{}.md", "n".repeat(240)) } else { value.to_owned() });
            }
        }
        args.extend(flags.into_iter().map(str::to_owned));
        if !args.iter().any(|a| a.starts_with("--as-of")) {
            args.push(format!("--as-of={AS_OF}"));
        }
        args
    })
}

/// Every file below `dir` with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                stack.push(path);
            } else {
                found.insert(path.clone(), std::fs::read(&path).unwrap_or_default());
            }
        }
    }
    found
}

/// Whether `bytes` are a whole report of the kind its name says.
fn whole(path: &Path, bytes: &[u8]) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some("pdf") => bytes.starts_with(b"%PDF-") && bytes.ends_with(b"%%EOF"),
        Some("json") => serde_json::from_slice::<serde_json::Value>(bytes).is_ok(),
        _ => std::str::from_utf8(bytes).is_ok_and(|t| t.starts_with("# ") && t.ends_with('\n')),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn issue_10_any_command_line_ends_cleanly(data in dataset(), args in arguments()) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::create_dir_all(dir.path().join("out")).unwrap();
        std::fs::create_dir_all(dir.path().join("tpl")).unwrap();
        std::fs::write(dir.path().join("data/d.toml"), &data).unwrap();
        std::fs::write(dir.path().join("tpl/chronology.md.hbs"), "## Chronology\n\n{{#each events}}- {{title}}\n{{/each}}\n").unwrap();
        for name in ["earlier.md", "earlier.json", "r.md", "r.json"] {
            std::fs::write(dir.path().join("out").join(name), format!("earlier {name}")).unwrap();
        }
        let before = files(dir.path());
        let output = assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("azint-report"))
            .args(&args)
            .current_dir(dir.path())
            .env_remove("SOURCE_DATE_EPOCH")
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&output.stderr);
        let code = output.status.code();
        prop_assert!(!err.contains("panicked"), "{args:?}: {err}");
        prop_assert!(matches!(code, Some(0 | 1 | 2 | 65 | 130)), "{args:?}: exit {code:?}: {err}");
        let after = files(dir.path());
        let temporary: Vec<&PathBuf> = after.keys().filter(|p| p.to_string_lossy().ends_with(".tmp")).collect();
        prop_assert!(temporary.is_empty(), "{args:?}: temporary files left: {temporary:?}");
        for (path, earlier) in &before {
            let now = after.get(path);
            let input = path.starts_with(dir.path().join("data")) || path.starts_with(dir.path().join("tpl"));
            if code != Some(0) || input {
                prop_assert_eq!(now, Some(earlier), "{:?}: exit {:?} and {} changed", args, code, path.display());
            } else if now != Some(earlier) {
                let now = now.map(Vec::as_slice).unwrap_or_default();
                prop_assert!(whole(path, now), "{args:?}: {} is not a whole report", path.display());
            }
        }
        if code == Some(0) {
            for (path, bytes) in after.iter().filter(|(p, _)| !before.contains_key(*p)) {
                prop_assert!(whole(path, bytes), "{args:?}: {} is not a whole report", path.display());
            }
        }
    }
}
