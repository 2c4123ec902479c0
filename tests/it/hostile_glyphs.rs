//! Issue 29, item 3: a character no font has is warned about once per
//! file, at the record where the file first has it, blamed on the file
//! that wrote it (a registry's, not the events' that name the entry), with
//! a count of the rest; and the listing stays in proportion however many
//! such characters the data hold.

use crate::util::{bin, copy_dir, root, stderr, AS_OF};
use azint_report::typeset::fonts::covers;

/// Characters no face has, drawn from blocks the fonts leave out
/// (hieroglyphs, CJK, Cuneiform), `n` distinct ones from `from`.
fn lacking(from: u32, n: usize) -> Vec<char> {
    let out: Vec<char> = (from..).filter_map(char::from_u32).filter(|&c| !covers(c)).take(n).collect();
    assert_eq!(out.len(), n);
    out
}

fn run(data: &std::path::Path) -> (Option<i32>, String) {
    let out = bin().args(["--as-of", AS_OF, "-o", "-", "--data"]).arg(data).output().unwrap();
    (out.status.code(), stderr(&out))
}

/// Each kind of record holding a lacking character is named with its own
/// file: a partner's registry name (which events show) on the registry, a
/// registry source's note on the sources file, a place's name on the
/// places file; each character once a file, with how many more times.
#[test]
fn a_lacking_character_is_blamed_on_the_file_that_wrote_it() {
    let chars = lacking(0x13000, 4);
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), dir.path());
    let edit = |file: &str, from: &str, to: &str| {
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    // The United Nations is named by events in several files.
    edit("partners.toml", "en = \"United Nations\"", &format!("en = \"United Nations {}\"", chars[0]));
    edit("partners.toml", "aliases = [\"UN\"", "aliases = [\"UN\", \"United Nations\"");
    edit("sources.toml", "en = \"News.Az\"", &format!("en = \"News.Az {0}{0}{0}\"", chars[1]));
    edit("events/2021.toml", "title.en = \"UN Sustainable", &format!("title.en = \"{0} UN {0} Sustainable", chars[2]));
    let (code, err) = run(dir.path());
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("none of the report's fonts")).collect();
    let with = |c: char| lines.iter().filter(|l| l.contains(&format!("U+{:04X}", c as u32))).copied().collect::<Vec<_>>();
    let partners = dir.path().join("partners.toml").display().to_string();
    let sources = dir.path().join("sources.toml").display().to_string();
    let events = dir.path().join("events/2021.toml").display().to_string();
    assert_eq!(with(chars[0]).len(), 1, "{lines:#?}");
    assert!(with(chars[0])[0].starts_with(&format!("{partners}: warning: partner `un`: U+")), "{lines:#?}");
    assert_eq!(with(chars[1]).len(), 1, "{lines:#?}");
    assert!(with(chars[1])[0].starts_with(&format!("{sources}: warning: source `news-az-2026-02-12`:")), "{lines:#?}");
    assert!(with(chars[1])[0].ends_with("(2 more times in this file)"), "{lines:#?}");
    assert_eq!(with(chars[2]).len(), 1, "{lines:#?}");
    assert!(with(chars[2])[0].starts_with(&format!("{events}:3:1: warning: event `un-cooperation-framework-2021-2025`:")), "{lines:#?}");
    assert!(with(chars[2])[0].ends_with("(once more in this file)"), "{lines:#?}");
    assert!(!err.contains("templates: warning"), "{err}");
}

/// A generated dataset of some 45 KB of distinct lacking characters in
/// events' summaries across files: a few lines, not one a character.
#[test]
fn thousands_of_lacking_characters_give_a_few_lines() {
    for (files, per_file) in [(1, 11_000), (3, 4_000)] {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&root().join("data"), dir.path());
        let chars = lacking(0x4E00, files * per_file);
        for (f, chunk) in chars.chunks(per_file).enumerate() {
            let mut text = String::from("#:schema ../../schema/azint-dataset.schema.json\n");
            for (e, piece) in chunk.chunks(2_000).enumerate() {
                let summary: String = piece.iter().collect();
                text.push_str(&format!(
                    "[[event]]\nid = \"x-{f}-{e}\"\ntitle = \"Event {f} {e}\"\ndate = \"2025-01\"\npillar = \"multilateral\"\nkind = \"agreement\"\nsignificance = 1\nsummary = \"{summary}\"\nsources = [\"news-az-2026-02-12\"]\n\n"
                ));
            }
            std::fs::write(dir.path().join(format!("events/x{f}.toml")), text).unwrap();
        }
        let size: usize = (0..files).map(|f| std::fs::metadata(dir.path().join(format!("events/x{f}.toml"))).unwrap().len() as usize).sum();
        assert!(size > 30_000, "{size}");
        let (code, err) = run(dir.path());
        assert_eq!(code, Some(0), "{err}");
        let lines: Vec<&str> = err.lines().filter(|l| l.contains("none of the report's fonts")).collect();
        assert_eq!(lines.len(), files * 11, "ten a file and a count: {lines:#?}");
        assert!(err.len() < 5_000 * files, "{} bytes of warnings", err.len());
        for f in 0..files {
            let more = lines.iter().find(|l| l.contains(&format!("x{f}.toml: warning: … and"))).unwrap_or_else(|| panic!("{lines:#?}"));
            assert!(more.contains(&format!("{} more characters", azint_report::number::thousands(per_file - 10))), "{more}");
        }
    }
}
