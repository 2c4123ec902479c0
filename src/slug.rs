//! Heading anchors: GitHub's slug of a heading, and symbolic references to
//! a section that the report resolves to the slug of the heading actually
//! rendered (issue 23, item 1).
//!
//! A leaf: the report (which writes the links) and the typesetter (which
//! follows them) both read these rules, so a link and its target cannot
//! disagree on how a heading becomes an anchor. No layer rebuilds a
//! heading's text to find its anchor: the summary hands out a
//! [`reference`] to a section, the template that renders the section is
//! wrapped so that its output opens with a [`mark`] (and closes with an
//! [`end_mark`]), and the report
//! replaces each reference with the slug of the first heading after the
//! section's mark. A desk that rewords the heading with `--templates`
//! moves the anchor with it.
//!
//! Marks and references are made of bidirectional controls (U+2066, U+2067,
//! U+2069), which the dataset's validator refuses in every text and the
//! Markdown escape keeps as they are: data cannot forge one, and one left
//! unresolved is an error, not a broken link.

use std::borrow::Cow;
use std::collections::HashMap;

/// Opens a [`mark`].
const MARK_OPEN: char = '\u{2066}';
/// Opens a [`reference`].
const REFERENCE_OPEN: char = '\u{2067}';
/// Closes both.
const CLOSE: char = '\u{2069}';

/// The GitHub-style anchor of a heading's text, by github-slugger's rule
/// (its `script/generate-regex.mjs`): lower case as JavaScript lowercases
/// (Unicode's full mapping: "İ" becomes "i̇", i and U+0307), each space a
/// `-`, and dropped: symbols, punctuation but `-` and connectors (`_`), numbers that are
/// not digits ("²"), separators, controls and format characters, unless
/// the character is alphabetic. Letters, combining marks and digits stay,
/// in any script.
pub fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if kept(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// Whether github-slugger keeps `c` in an anchor.
fn kept(c: char) -> bool {
    use icu_properties::props::{Alphabetic, GeneralCategory as G};
    use icu_properties::{CodePointMapData, CodePointSetData};
    if c == '-' || c == '_' || CodePointSetData::new::<Alphabetic>().contains(c) {
        return true;
    }
    !matches!(
        CodePointMapData::<G>::new().get(c),
        G::OtherNumber
            | G::OpenPunctuation
            | G::ClosePunctuation
            | G::InitialPunctuation
            | G::FinalPunctuation
            | G::OtherPunctuation
            | G::DashPunctuation
            | G::MathSymbol
            | G::CurrencySymbol
            | G::ModifierSymbol
            | G::OtherSymbol
            | G::Control
            | G::PrivateUse
            | G::Format
            | G::Unassigned
            | G::Surrogate
            | G::SpaceSeparator
            | G::LineSeparator
            | G::ParagraphSeparator
    )
}

/// The anchors of a document's headings in order, as GitHub gives them:
/// the second heading of one slug gets `-1`, the third `-2`, and so on.
#[derive(Debug, Default)]
pub struct Slugger {
    seen: HashMap<String, usize>,
}

impl Slugger {
    /// The anchor of the next heading, whose text is `heading` (the rule
    /// of github-slugger, which GitHub's renderer uses).
    pub fn next(&mut self, heading: &str) -> String {
        let base = slug(heading);
        let mut result = base.clone();
        while self.seen.contains_key(&result) {
            let count = self.seen.entry(base.clone()).or_insert(0);
            *count += 1;
            result = format!("{base}-{count}");
        }
        self.seen.insert(result.clone(), 0);
        result
    }
}

/// The text a template's output carries where the section `key` begins.
pub fn mark(key: &str) -> String {
    format!("{MARK_OPEN}{key}{CLOSE}")
}

/// The text a template's output carries where a section ends: a section
/// whose heading has not come by then has none.
pub fn end_mark() -> String {
    mark("")
}

/// The text that stands for the anchor of section `key` until the report
/// resolves it.
pub fn reference(key: &str) -> String {
    format!("{REFERENCE_OPEN}{key}{CLOSE}")
}

/// Whether `text` holds a mark or a reference.
pub fn has_marks(text: &str) -> bool {
    text.contains([MARK_OPEN, REFERENCE_OPEN])
}

/// The keys of the marks in `line`, and the line without them (borrowed
/// when it has none, as most lines do).
pub fn take_marks(line: &str) -> (Vec<&str>, Cow<'_, str>) {
    if !line.contains(MARK_OPEN) {
        return (Vec::new(), Cow::Borrowed(line));
    }
    let mut keys = Vec::new();
    let mut rest = String::with_capacity(line.len());
    let mut text = line;
    while let Some(at) = text.find(MARK_OPEN) {
        rest.push_str(&text[..at]);
        let after = &text[at + MARK_OPEN.len_utf8()..];
        match after.find(CLOSE) {
            Some(end) => {
                keys.push(&after[..end]);
                text = &after[end + CLOSE.len_utf8()..];
            }
            None => {
                rest.push(MARK_OPEN);
                text = after;
            }
        }
    }
    rest.push_str(text);
    (keys, Cow::Owned(rest))
}

/// `text` without its marks and with every [`reference`] replaced by what
/// `resolve` gives for its key, in one pass and one copy; the keys it
/// gives nothing for, in order, as the error.
pub fn finish<'a>(text: &str, mut resolve: impl FnMut(&str) -> Option<&'a str>) -> Result<String, Vec<String>> {
    let mut out = String::with_capacity(text.len());
    let mut missing: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find([MARK_OPEN, REFERENCE_OPEN]) {
        out.push_str(&rest[..at]);
        let open = rest[at..].chars().next().unwrap_or(MARK_OPEN);
        let after = &rest[at + open.len_utf8()..];
        let Some(end) = after.find(CLOSE) else {
            out.push(open);
            rest = after;
            continue;
        };
        let key = &after[..end];
        if open == REFERENCE_OPEN {
            match resolve(key) {
                Some(anchor) => out.push_str(anchor),
                None if !missing.iter().any(|m| m == key) => missing.push(key.to_owned()),
                None => {}
            }
        }
        rest = &after[end + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    if missing.is_empty() {
        Ok(out)
    } else {
        Err(missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_github() {
        assert_eq!(slug("1. Multi-vector diplomacy"), "1-multi-vector-diplomacy");
        assert_eq!(slug("2. Connectivity & transport"), "2-connectivity--transport");
        assert_eq!(slug("3. Énergie"), "3-énergie");
        // Azerbaijani and Russian: JavaScript's lowercasing keeps the dot
        // of İ as U+0307, which GitHub keeps (a mark); Cyrillic stays.
        assert_eq!(slug("İqtisadi əməkdaşlıq"), "i\u{307}qtisadi-əməkdaşlıq");
        assert_eq!(slug("Об этой справке"), "об-этой-справке");
        assert_eq!(slug("Указатель партнёров"), "указатель-партнёров");
        assert_eq!(slug("Çin, Şuşa və Ağdam"), "çin-şuşa-və-ağdam");
        assert_eq!(slug("«Кавычки» — и точка."), "кавычки--и-точка");
        // Decomposed accents keep their mark; "²" and "_" as GitHub has them.
        assert_eq!(slug("Cafe\u{301} m² a_b"), "cafe\u{301}-m-a_b");
        // A final sigma, as JavaScript lowercases it.
        assert_eq!(slug("ΟΔΟΣ"), "\u{3bf}\u{3b4}\u{3bf}\u{3c2}");
    }

    #[test]
    fn repeated_headings_get_numbered_slugs() {
        let mut s = Slugger::default();
        let got: Vec<String> = ["Summit", "Summit!", "Summit-1", "Summit", "Other"].iter().map(|h| s.next(h)).collect();
        // The third heading's own slug is taken by the second's number.
        assert_eq!(got, ["summit", "summit-1", "summit-1-1", "summit-2", "other"]);
    }

    #[test]
    fn marks_are_taken_out_and_references_resolved() {
        let line = format!("{}<!-- colour -->{}", mark("energy"), mark("trade"));
        let (keys, rest) = take_marks(&line);
        assert_eq!((keys, &*rest), (vec!["energy", "trade"], "<!-- colour -->"));
        let text = format!("[a](#{}) [b](#{})", reference("energy"), reference("gone"));
        let resolved = finish(&text, |k| (k == "energy").then_some("2-energy"));
        assert_eq!(resolved, Err(vec!["gone".to_owned()]));
        let text = format!("{}[a](#{}), [b](#{}){}", mark("energy"), reference("energy"), reference("energy"), end_mark());
        assert_eq!(finish(&text, |_| Some("2-energy")).unwrap(), "[a](#2-energy), [b](#2-energy)");
        assert_eq!(finish("\u{2067}x", |_| None).unwrap(), "\u{2067}x");
        // An opener without its closer is text, not a mark.
        assert_eq!(take_marks("\u{2066}x").1, "\u{2066}x");
    }
}
