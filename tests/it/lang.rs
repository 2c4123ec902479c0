//! Briefings in Azerbaijani and Russian (issue 28): `--lang`, the file
//! names of a briefing in another language than the dataset's, the
//! alphabet's order of the partner index.

use std::path::Path;

use crate::util::{bin, entries, stderr};

/// A dataset whose partners' names sort differently by their bytes and by
/// the Azerbaijani and Russian alphabets.
fn alphabet_data(dir: &Path, language: &str) {
    let names = ["Çin", "Cənubi Afrika", "Əfqanıstan", "Ekvador", "İran", "Irak", "Zambiya", "Япония", "Austria", "Ыйса"];
    let mut text = format!("[report]\ntitle = \"T\"\nlanguage = \"{language}\"\n\n[[pillar]]\nid = \"p\"\nname = \"P\"\n");
    for (i, name) in names.iter().enumerate() {
        text.push_str(&format!(
            "\n[[event]]\nid = \"e{i}\"\ntitle = \"Event {i}\"\ndate = 2025-03-{:02}\npillar = \"p\"\nkind = \"visit\"\nsignificance = 2\npartners = [\"{name}\"]\nsummary = \"S.\"\nsources = [{{ name = \"Test\" }}]\n",
            i + 1
        ));
    }
    std::fs::write(dir.join("data.toml"), text).unwrap();
}

/// The partner index's names, in order.
fn index_names(markdown: &str, heading: &str) -> Vec<String> {
    let start = markdown.find(&format!("## {heading}")).unwrap_or_else(|| panic!("no index in {markdown}"));
    markdown[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter_map(|l| l.strip_prefix("- **").and_then(|rest| rest.split("**").next()))
        .map(str::to_owned)
        .collect()
}

fn briefing(dir: &Path, lang: &str) -> String {
    let out = dir.join("out");
    let output = bin()
        .args(["--format", "md", "--as-of", "2026-02-12", "--period", "2025", "--lang", lang, "--data"])
        .arg(dir.join("data.toml"))
        .arg("--out-dir")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let name = if lang == "en" { "azint-briefing-2025.md".to_owned() } else { format!("azint-briefing-2025.{lang}.md") };
    std::fs::read_to_string(out.join(name)).unwrap()
}

#[test]
fn the_partner_index_is_in_each_alphabets_order() {
    let dir = tempfile::tempdir().unwrap();
    alphabet_data(dir.path(), "en");
    let az = index_names(&briefing(dir.path(), "az"), "Tərəfdaşların göstəricisi");
    assert_eq!(az, ["Austria", "Cənubi Afrika", "Çin", "Ekvador", "Əfqanıstan", "Irak", "İran", "Zambiya", "Ыйса", "Япония"]);
    let ru = index_names(&briefing(dir.path(), "ru"), "Указатель партнёров");
    assert_eq!(ru, ["Ыйса", "Япония", "Austria", "Cənubi Afrika", "Çin", "Ekvador", "Əfqanıstan", "Irak", "İran", "Zambiya"]);
    // Byte order would put Çin after Zambiya, and Cyrillic last.
    let mut bytes = az.clone();
    bytes.sort();
    assert_ne!(bytes, az);
}

#[test]
fn a_briefing_in_another_language_marks_its_file_names() {
    let dir = tempfile::tempdir().unwrap();
    alphabet_data(dir.path(), "az");
    let out = dir.path().join("out");
    let output = bin()
        .args(["--format", "both", "--as-of", "2026-02-12", "--period", "2025", "--lang", "az,ru", "--lang", "en", "--data"])
        .arg(dir.path().join("data.toml"))
        .arg("--out-dir")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let files = entries(&out);
    for name in ["azint-briefing-2025.md", "azint-briefing-2025.pdf", "azint-briefing-2025.json"] {
        assert!(files.contains(&name.to_owned()), "{files:?}");
    }
    for lang in ["ru", "en"] {
        for ext in ["md", "pdf", "json"] {
            let name = format!("azint-briefing-2025.{lang}.{ext}");
            assert!(files.contains(&name), "{name} not in {files:?}");
        }
    }
    assert!(!files.iter().any(|f| f.contains(".az.")), "the dataset's own language keeps today's names: {files:?}");
    // The dataset's language is Azerbaijani: its briefing is.
    let own = std::fs::read_to_string(out.join("azint-briefing-2025.md")).unwrap();
    assert!(own.contains("Mündəricat") || own.contains("Tərəfdaş"), "{own}");
    let english = std::fs::read_to_string(out.join("azint-briefing-2025.en.md")).unwrap();
    assert!(english.contains("Index of partners"), "{english}");
}

#[test]
fn several_languages_cannot_share_standard_output_and_unknown_ones_are_refused() {
    let output = bin().args(["--format", "md", "-o", "-", "--lang", "az,ru"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("standard output"), "{}", stderr(&output));
    let dir = tempfile::tempdir().unwrap();
    alphabet_data(dir.path(), "tr");
    let output = bin().args(["check", "--data"]).arg(dir.path().join("data.toml")).output().unwrap();
    assert!(!output.status.success());
    let said = stderr(&output);
    assert!(said.contains("data.toml:3:12") && said.contains("`language` is `tr`: expected one of the briefing's languages, en, az, ru"), "{said}");
}
