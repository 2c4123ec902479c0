//! Tests of one file's checking.

use super::*;
use crate::dataset::Status;

/// Issue 10, class 8: bare `[[event]]` headers count toward the event
/// limit (only events with a valid id did), and their problems past the
/// listing cap are counted, not kept.
#[test]
fn bare_event_headers_count_and_their_problems_are_capped() {
    let text = format!("[[pillar]]\nid = \"p\"\nname = \"P\"\n{}", "[[event]]\n".repeat(1000));
    let defs = check_file(&SourceFile { path: "bare.toml".into(), text });
    assert_eq!(defs.event_tables, 1000);
    assert_eq!(defs.event_ids.len(), 0);
    assert_eq!(defs.diagnostics.len(), crate::diag::LISTED_PER_FILE + 1);
    assert_eq!(defs.diagnostics.iter().map(Diagnostic::count).sum::<usize>(), 8000);
}

/// A large file checked in pieces defines the same events and finds
/// the same problems, at the same places, as checked whole.
#[test]
fn a_file_checked_in_pieces_gives_what_it_gives_whole() {
    let mut text = String::from("schema = 1\n\n[[pillar]]\nid = \"p\"\nname = \"P\"\n\n");
    for n in 0..120 {
        let odd = match n % 7 {
            0 => "significance = 9\n",
            1 => "colour = \"red\"\n",
            2 => "summary = \"\"\"\n[[event]]\nin a string\n\"\"\"\n",
            3 => "partners = [\n  \"A\",\n  \"B\",\n]\n",
            _ => "",
        };
        let date = if n % 11 == 0 { "2025-13" } else { "2025-03" };
        text += &format!("[[event]]\nid = \"e{n}\"\ntitle = \"Event {n}\"\ndate = \"{date}\"\npillar = \"p\"\nkind = \"summit\"\n{odd}\n");
    }
    let file = SourceFile { path: "big.toml".into(), text };
    let whole = check_file_in(&file, usize::MAX);
    let pieces = check_file_in(&file, 1024);
    assert!(crate::dataset::chunks::split(&file.text, 1024).ranges.len() > 5);
    let shown = |d: &FileDefs| d.diagnostics.iter().map(|d| format!("{d:?}")).collect::<Vec<_>>();
    assert!(!whole.diagnostics.is_empty());
    assert_eq!(shown(&pieces), shown(&whole));
    assert_eq!(format!("{:?}", pieces.events), format!("{:?}", whole.events));
    assert_eq!(pieces.event_ids, whole.event_ids);
    assert_eq!(pieces.event_tables, whole.event_tables);
}

/// A syntax error in a late piece, or a table defined in two pieces,
/// is reported as the whole file's parse reports it.
#[test]
fn errors_across_pieces_are_the_whole_files() {
    let events: String = (0..60).map(|n| format!("[[event]]\nid = \"e{n}\"\ntitle = \"T\"\n\n")).collect();
    for tail in ["[[event]]\nid = \"x\ntitle = \"T\"\n", "[report]\ntitle = \"A\"\n"] {
        let text = format!("[report]\ntitle = \"B\"\n\n{events}{tail}");
        let file = SourceFile { path: "big.toml".into(), text };
        let whole = check_file_in(&file, usize::MAX);
        let pieces = check_file_in(&file, 512);
        let shown = |d: &FileDefs| d.diagnostics.iter().map(|d| format!("{d:?}")).collect::<Vec<_>>();
        assert!(whole.syntax_error);
        assert_eq!(shown(&pieces), shown(&whole));
        assert!(pieces.syntax_error);
    }
}

/// Each entry of the table of event fields reads its own key: a value
/// of the wrong type under any key is reported under that key, and a
/// valid event reads every key into the model.
#[test]
fn every_event_key_is_read_by_its_own_entry() {
    let valid = [
        ("id", "\"e\""),
        ("title", "\"E\""),
        ("attribution", "\"A\""),
        ("date", "2024-05-06"),
        ("until", "2024-05-07"),
        ("pillar", "\"p\""),
        ("also", "[\"q\"]"),
        ("status", "\"planned\""),
        ("kind", "\"visit\""),
        ("significance", "3"),
        ("partners", "[\"Georgia\"]"),
        ("summary", "\"S.\""),
        ("figures", "[{ label = \"L\", value = 2 }]"),
        ("sources", "[{ name = \"N\" }]"),
        ("tags", "[\"t\"]"),
    ];
    let keys: Vec<&str> = valid.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, crate::dataset::event_fields::event_keys(), "every key of the table, in its order");
    let file = |entries: Vec<(&str, &str)>| {
        let body: String = entries.iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
        check_file(&SourceFile { path: "e.toml".into(), text: format!("[[event]]\n{body}") })
    };
    let defs = file(valid.to_vec());
    assert!(defs.diagnostics.is_empty(), "{:?}", defs.diagnostics);
    let e = &defs.events[0];
    assert_eq!(e.attribution.as_deref(), Some("A"));
    assert_eq!((e.id.as_str(), e.title.as_str(), e.date.to_string(), e.until.map(|u| u.to_string())), ("e", "E", "2024-05-06".into(), Some("2024-05-07".into())));
    assert_eq!((&*e.pillar, e.also.len(), e.status, e.kind, e.significance), ("p", 1, Status::Planned, crate::dataset::Kind::Visit, 3));
    assert_eq!((e.partners.as_slice(), e.summary.as_str(), e.figures.len(), e.sources.len(), e.tags.as_slice()), (&["Georgia".to_owned()][..], "S.", 1, 1, &["t".to_owned()][..]));
    for key in keys {
        let entries = valid.iter().map(|&(k, v)| (k, if k == key { "true" } else { v })).collect();
        let defs = file(entries);
        assert!(defs.diagnostics.iter().any(|d| d.message.contains(&format!("`{key}`"))), "{key}: {:?}", defs.diagnostics);
    }
}
