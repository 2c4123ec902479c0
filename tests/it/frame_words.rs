//! No English word of the frame in the typesetter's code (issue 23): every
//! word the PDF sets around the data (labels, the charts' keys and
//! descriptions, "Page N of M", what screen readers are told) comes from
//! the catalogue, `templates/en-GB.ftl`, so that a desk's copy changes it.
//! Also, a desk's catalogue reaches the charts and the page furniture.
//!
//! The scan reads the string literals of `src/typeset/**/*.rs` outside
//! tests (files named `tests.rs`, and a `#[cfg(test)] mod` at a file's
//! foot) and fails on one that reads as words of the frame, by either of
//! two rules:
//!
//! - it holds a word of the built-in catalogue's messages ("Page",
//!   "Timeline", "Significance"), short function words aside, which
//!   diagnostics share ("the", "to");
//! - it reads as a phrase: a capitalised word, then a space and another
//!   word ("Pie chart", "Go to page"). Diagnostics, which stay in English
//!   and in the code, are written in lowercase (`style.md`), so they pass.
//!
//! Literals that are not words pass: PDF names and keys ("Contents",
//! "StructTreeRoot"), font table tags, message ids and the variables given
//! to messages. The few that a rule would take for words are allowed below,
//! each with its reason.

use std::path::Path;
use std::sync::Arc;

use azint_report::words::{Catalogue, BUILTIN, FILE};

use crate::source::{is_tests_file, literals, rust_files, without_tests, Literal};
use crate::util::{bin, stderr, AS_OF};

/// Literals the rules would take for frame words, and why they are not
/// (or, for tags.rs, why they are still here).
const ALLOWED: &[(&str, &str, &str)] = &[
    ("tags.rs", "Contents", "the PDF key /Contents of a link annotation, not a word shown"),
    ("tags.rs", "Link", "the structure type /Link"),
    ("tags.rs", "PDF/UA Universal Accessibility Schema", "inside the XMP packet: the PDF/UA schema's own name, which validators compare"),
    ("tags.rs", "Indicates, which part of ISO 14289 standard is followed", "inside the XMP packet: the schema's fixed description"),
    ("tags.rs", "sRGB IEC61966-2.1", "the output intent's registered condition name"),
    ("about.rs", "   <dc:title>", "XMP markup (the element dc:title), not a word shown"),
    ("about.rs", "<?xpacket begin", "the XMP packet: markup (rdf:about) and the PDF/UA schema's fixed names"),
    ("boxes.rs", "image `{src}` was not read", "a warning (diagnostics stay English)"),
    ("display.rs", "Note", "the structure type /Note"),
    ("display.rs", "Link", "the structure type /Link"),
    ("display.rs", "--- page {} ---", "the head of a page in the text dump the tests compare, never in a report"),
    ("pdf.rs", "Contents", "the PDF key /Contents of a page"),
    ("pdf.rs", "Image", "the XObject subtype /Image"),
    ("notes.rs", "footnote `[^{label}]` is referred to", "a warning (diagnostics stay English)"),
    ("boxes.rs", "Mermaid block {} (`{first}`) cannot be drawn", "a warning (diagnostics stay English); starts with a name"),
    ("image.rs", "SVG (or other markup) is not drawn", "an error (diagnostics stay English); starts with a name"),
    ("blocks.rs", "<span lang=", "HTML markup in the Markdown (the element span), not a word shown"),
    ("blocks.rs", "</span>", "HTML markup in the Markdown (the element span), not a word shown"),
    ("svg.rs", "<svg xmlns=", "SVG markup (the elements title and desc hold the map's own words), not a word shown"),
    ("svg.rs", "Noto ", "CSS font-family names, not words shown"),
    ("svg.rs", "<text x=", "SVG markup (the element text), not a word shown"),
    ("svg.rs", "<path d=", "SVG markup (the attribute fill-rule), not a word shown"),
];

/// Words the frame shares with diagnostics and markup, which alone do not
/// make a literal a phrase. "cannot" is the Admiralty scale's own word
/// ("Truth cannot be judged"), which the catalogue quotes, and the
/// diagnostics' ("cannot read the JPEG").
const FUNCTION_WORDS: &[&str] =
    &["a", "an", "and", "are", "as", "at", "be", "by", "cannot", "for", "from", "has", "have", "in", "is", "it", "its", "no", "not", "of", "on", "or", "the", "to", "was"];

#[test]
fn no_english_word_of_the_frame_is_left_in_the_typesetter() {
    let vocabulary = vocabulary(BUILTIN);
    assert!(vocabulary.contains(&"Page".to_owned()) && vocabulary.contains(&"Timeline".to_owned()), "{vocabulary:?}");
    let files = rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/typeset"));
    assert!(files.len() > 20, "too few files read: {files:?}");
    let mut found = Vec::new();
    for file in &files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if is_tests_file(file) {
            continue;
        }
        let source = std::fs::read_to_string(file).unwrap();
        for Literal { line, text: literal, .. } in literals(without_tests(&source)) {
            if let Some(why) = frame_word(&literal, &vocabulary) {
                if !ALLOWED.iter().any(|(f, text, _)| *f == name && literal.starts_with(text)) {
                    found.push(format!("{}:{line}: {literal:?} ({why})", file.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "English words of the frame in the typesetter's code; say them through the catalogue (templates/en-GB.ftl):\n{}", found.join("\n"));
}

/// The scan finds what it is for, and passes what it must.
#[test]
fn the_scan_tells_frame_words_from_names_and_diagnostics() {
    let vocabulary = vocabulary(BUILTIN);
    let source = r####"
        let footer = format!("Page {} of {}", n + 1, total); // "Not this"
        let key = "Significance:"; let raw = r#"Pie chart"#; let c = '"'; let s = "Contents";
        let ok = ("StructTreeRoot", "page-footer", "cannot read the JPEG: {e}", 'x', "{number} 0 obj");
        let months = "Sep";
        #[cfg(test)]
        mod tests { const X: &str = "Page 3 of 4"; }
    "####;
    let said: Vec<String> = literals(without_tests(source))
        .into_iter()
        .map(|l| l.text)
        .filter(|l| frame_word(l, &vocabulary).is_some())
        .collect();
    assert_eq!(said, ["Page {} of {}", "Significance:", "Pie chart", "Contents", "Sep"]);
}

/// The words of the built-in catalogue's messages (not its comments, ids
/// or variables), as they are written: the vocabulary of the frame.
fn vocabulary(catalogue: &str) -> Vec<String> {
    let mut words = std::collections::BTreeSet::new();
    for line in catalogue.lines().filter(|l| !l.starts_with('#')) {
        // A message's text: after `id =`, or a continuation line or variant.
        let text = match line.split_once(" = ") {
            Some((id, text)) if !id.starts_with(' ') => text,
            _ if line.starts_with(' ') => line.trim_start().trim_start_matches('*').split_once(']').map_or(line, |(_, t)| t),
            _ => continue,
        };
        for word in without_placeables(text).split(|c: char| !c.is_alphabetic()) {
            if word.chars().count() >= 2 && !FUNCTION_WORDS.contains(&word.to_lowercase().as_str()) {
                words.insert(word.to_owned());
            }
        }
    }
    words.into_iter().collect()
}

/// `{ $x }` and `{}`, `{name}` placeables and format arguments taken out.
fn without_placeables(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => out.push(' '),
        }
    }
    out
}

/// Why `literal` reads as words of the frame, if it does.
fn frame_word(literal: &str, vocabulary: &[String]) -> Option<String> {
    // A message's id, a variable's name, an anchor: lowercase, no spaces.
    let name = literal.trim_start_matches('#').split('-').all(|part| part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    if name {
        return None;
    }
    let text = without_placeables(&literal.replace("\\n", " ").replace("\\\"", "\""));
    let words: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    if let Some(word) = words.iter().find(|w| vocabulary.iter().any(|v| v == *w)) {
        return Some(format!("the catalogue's word {word:?}"));
    }
    let first = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let capitalised = first.chars().next().is_some_and(char::is_uppercase) && first.chars().nth(1).is_some_and(char::is_lowercase);
    let phrase = first.split_once(' ').is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_alphabetic));
    (capitalised && phrase).then(|| "a phrase".to_owned())
}

/// Letters and digits only: the PDF's text extraction spaces words its
/// own way.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A desk's `--templates DIR/en-GB.ftl` changes the page furniture, the
/// timeline's key and the PDF's subject: the words are read from the
/// catalogue of the run, not from the code.
#[test]
fn a_desks_catalogue_changes_the_footer_the_key_and_the_subject() {
    let edits = [
        ("page-footer = Page { $page } of { $pages }", "page-footer = Seite { $page } von { $pages }"),
        ("chart-key-significance = Significance, from 1 (least) to 5 (most):", "chart-key-significance = Weight:"),
        ("pdf-subject = Briefing for { $period }", "pdf-subject = Overview of { $period }"),
    ];
    let mut desk = BUILTIN.to_owned();
    for (from, to) in edits {
        assert!(desk.contains(from), "{from}");
        desk = desk.replacen(from, to, 1);
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE), desk).unwrap();
    let run = |templates: Option<&Path>, out: &Path| {
        let mut command = bin();
        command.args(["--period", "2024-2026", "--as-of", AS_OF, "-q", "-o"]).arg(out);
        if let Some(t) = templates {
            command.arg("--templates").arg(t);
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let doc = lopdf::Document::load(out).unwrap();
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        let text = letters(&doc.extract_text(&pages).unwrap());
        let info = doc.trailer.get(b"Info").and_then(lopdf::Object::as_reference).unwrap();
        let info = doc.get_object(info).and_then(lopdf::Object::as_dict).unwrap();
        let subject = match info.get(b"Subject") {
            Ok(lopdf::Object::String(bytes, _)) => azint_report::typeset::tags::read_text_string(bytes),
            other => panic!("no subject: {other:?}"),
        };
        (text, subject, pages.len())
    };
    let (text, subject, pages) = run(None, &dir.path().join("before.pdf"));
    assert!(text.contains(&letters(&format!("Page 1 of {pages}"))) && text.contains("Significance"), "the built-in words");
    assert_eq!(subject, "Briefing for 2024–2026");
    let (text, subject, pages) = run(Some(dir.path()), &dir.path().join("after.pdf"));
    assert!(text.contains(&letters(&format!("Seite 1 von {pages}"))) && text.contains(&letters(&format!("Seite {pages} von {pages}"))));
    assert!(!text.contains(&letters(&format!("Page 1 of {pages}"))), "the footer still in English");
    assert!(text.contains("Weight") && !text.contains("Significance"), "the timeline's key");
    assert_eq!(subject, "Overview of 2024–2026");
}

/// A chart's description and its axis's months, in the words of the
/// catalogue the typesetter is given.
#[test]
fn a_charts_description_and_axis_are_the_catalogues() {
    let markdown = "# Year\n\n```mermaid\ngantt\n    title Visits\n    dateFormat YYYY-MM-DD\n    section Energy\n    \
        Visit :milestone, a, 2024-09-09, 0d\n    Talks :b, 2024-03-01, 2024-03-04\n```\n";
    let builtin = azint_report::typeset::typeset(markdown, &crate::util::typeset_options(azint_report::options::Paper::A4));
    let told = figures(&builtin.document);
    assert_eq!(
        told,
        ["Timeline, Visits: 2 events in 1 lanes from 1 March 2024 to 9 September 2024. Energy: Visit (9 September 2024); Talks (1 March 2024 to 4 March 2024)."]
    );
    assert!(builtin.document.text_dump().contains("Sep"), "{}", builtin.document.text_dump());

    let desk = BUILTIN
        .replacen("chart-timeline = Timeline", "chart-timeline = Zeitleiste", 1)
        .replacen("chart-axis-month-9 = Sep", "chart-axis-month-9 = Sept", 1)
        .replacen("chart-timeline-event = { $name } ({ $date })", "chart-timeline-event = { $name }, { $date }", 1);
    let words = Arc::new(Catalogue::parse("desk/en-GB.ftl", &desk).expect("the desk's catalogue"));
    let options = azint_report::typeset::Options { words, ..crate::util::typeset_options(azint_report::options::Paper::A4) };
    let desk = azint_report::typeset::typeset(markdown, &options);
    let told = figures(&desk.document);
    assert!(told[0].starts_with("Zeitleiste, Visits: ") && told[0].contains("Visit, 9 September 2024;"), "{told:?}");
    assert!(desk.document.text_dump().contains("Sept"), "{}", desk.document.text_dump());
}

/// What screen readers are told for each figure.
fn figures(document: &azint_report::typeset::Document) -> Vec<String> {
    use azint_report::typeset::display::{Item, Role, Tag};
    document
        .pages
        .iter()
        .flat_map(|p| p.items.iter())
        .filter_map(|(_, item)| match item {
            Item::Tag(Tag::Open(Role::Figure(s))) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

/// A desk's `date-span-*` words reach the period wherever the PDF says it:
/// the running head and the subject (the review found both using the
/// built-in words).
#[test]
fn a_desks_date_span_words_reach_the_running_head_and_the_subject() {
    let from = "date-span-years = { $from }–{ $until }";
    assert!(BUILTIN.contains(from));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE), BUILTIN.replacen(from, "date-span-years = { $from } to { $until }", 1)).unwrap();
    let out = dir.path().join("b.pdf");
    let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "-q", "--templates"]).arg(dir.path()).arg("-o").arg(&out).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let doc = lopdf::Document::load(&out).unwrap();
    let info = doc.trailer.get(b"Info").and_then(lopdf::Object::as_reference).unwrap();
    let info = doc.get_object(info).and_then(lopdf::Object::as_dict).unwrap();
    let subject = match info.get(b"Subject") {
        Ok(lopdf::Object::String(bytes, _)) => azint_report::typeset::tags::read_text_string(bytes),
        other => panic!("no subject: {other:?}"),
    };
    assert_eq!(subject, "Briefing for 2024 to 2026");
    // The running head of the second page onward.
    let text = doc.extract_text(&[2]).unwrap();
    assert!(text.contains("2024 to 2026"), "{text}");
}

/// What screen readers hear for a link annotation (its `/Contents`) is the
/// run's catalogue's: `link-to-uri` and `link-to-page` from a desk's copy.
#[test]
fn a_desks_catalogue_words_the_link_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let desk = BUILTIN
        .replacen("link-to-uri = Link to { $url }", "link-to-uri = Address { $url }", 1)
        .replacen("link-to-page = Go to page { $number }", "link-to-page = Page { $number } of this briefing", 1);
    assert_ne!(desk, BUILTIN);
    std::fs::write(dir.path().join(FILE), desk).unwrap();
    let out = dir.path().join("b.pdf");
    // A dataset whose sources have addresses, and the index's page links.
    let output = bin()
        .args(["--period", "2019-2030", "--as-of", AS_OF, "-q", "--data"])
        .arg(crate::util::fixture("valid/small"))
        .arg("--templates")
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let doc = lopdf::Document::load(&out).unwrap();
    let mut said = Vec::new();
    for (_, object) in doc.objects.iter() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok() == Some(b"Link".as_slice()) {
            if let Ok(lopdf::Object::String(bytes, _)) = dict.get(b"Contents") {
                said.push(azint_report::typeset::tags::read_text_string(bytes));
            }
        }
    }
    assert!(said.iter().any(|s| s.starts_with("Address https://")), "{said:?}");
    assert!(said.iter().any(|s| s.starts_with("Page ") && s.ends_with(" of this briefing")), "{said:?}");
    assert!(!said.iter().any(|s| s.starts_with("Link to ") || s.starts_with("Go to page ")), "{said:?}");
}
