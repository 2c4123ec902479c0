//! An earlier JSON summary read back for the diff, and only what the diff
//! needs (issue 24, item 3).
//!
//! The summary's text is read whole (one copy: the file's size), and
//! everything kept borrows from it: ids, titles and hashes are slices of
//! the text ([`Text`]; owned only when the JSON escapes a character), each
//! event's fields stay unparsed JSON ([`RawValue`]) until an edit is
//! described, and the counts per year, kind and partner are skipped
//! without being built. A 100 MB summary costs about its own size again
//! (`benches/previous-memory.sh` measures it; `docs/cli.md` states the
//! bound), where a parse into owned maps cost eleven times its size.

use std::borrow::{Borrow, Cow};
use std::collections::BTreeMap;

use serde::de::{Deserializer, IgnoredAny, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::dataset::event_fields::FieldValue;

/// A string of the summary: borrowed from its text unless the JSON escapes
/// a character in it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Text<'a>(pub Cow<'a, str>);

impl Borrow<str> for Text<'_> {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Strings;
        impl<'de> Visitor<'de> for Strings {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                // Ends serde's error: "invalid type: …, expected a string".
                let expected_in_error = "a string";
                f.write_str(expected_in_error)
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v))
            }
        }
        deserializer.deserialize_str(Strings).map(Text)
    }
}

/// An earlier JSON summary, as much of it as the diff and the choice of
/// baseline read.
#[derive(Debug, Deserialize)]
pub struct Previous<'a> {
    pub schema: u32,
    /// 1 in summaries written before it was recorded.
    #[serde(default = "first_encoding")]
    pub hash_encoding: u32,
    #[serde(borrow)]
    pub period: SpanRef<'a>,
    #[serde(borrow)]
    pub as_of: Text<'a>,
    #[serde(borrow)]
    pub pillars: Vec<PillarRef<'a>>,
    #[serde(borrow)]
    pub hashes: BTreeMap<Text<'a>, StampRef<'a>>,
    /// Partner names only; `None` in summaries written before partners
    /// were recorded.
    #[serde(default, borrow)]
    pub partners: Option<PartnersRef<'a>>,
    /// Where the data came from; `None` in summaries written before it was
    /// recorded (taken to be the same dataset).
    #[serde(default, borrow)]
    pub data: Option<DataRef<'a>>,
    /// When and under which reference it was issued; `None` for a summary
    /// that was not.
    #[serde(default, borrow)]
    pub issued: Option<IssuedRef<'a>>,
    /// The judgements (issue 25); `None` in summaries written before them.
    #[serde(default)]
    pub judgements: Option<BTreeMap<String, super::JudgementStamp>>,
}

fn first_encoding() -> u32 {
    1
}

/// The period the summary covers.
#[derive(Debug, Deserialize)]
pub struct SpanRef<'a> {
    #[serde(borrow)]
    pub label: Text<'a>,
    #[serde(borrow)]
    pub start: Text<'a>,
    #[serde(borrow)]
    pub end: Text<'a>,
}

/// A pillar: its id and highlights; its counts are skipped.
#[derive(Debug, Deserialize)]
pub struct PillarRef<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub highlights: Vec<Text<'a>>,
}

/// One event: pillar, title, hash, and its fields as unparsed JSON.
#[derive(Debug, Deserialize)]
pub struct StampRef<'a> {
    #[serde(borrow)]
    pub pillar: Text<'a>,
    #[serde(borrow)]
    pub title: Text<'a>,
    #[serde(borrow)]
    pub hash: Text<'a>,
    #[serde(default, borrow)]
    fields: Option<&'a RawValue>,
}

impl StampRef<'_> {
    /// Whether the summary kept this event's fields (written by a version
    /// that kept them).
    pub fn has_fields(&self) -> bool {
        self.fields.is_some_and(|raw| raw.get().trim() != "{}")
    }

    /// The event's fields, parsed now (only an edited event's are): empty
    /// when none were kept or they do not read.
    pub fn fields(&self) -> BTreeMap<String, FieldValue> {
        self.fields.and_then(|raw| serde_json::from_str(raw.get()).ok()).unwrap_or_default()
    }
}

/// The partners of the period, by name; what is known of each is skipped.
#[derive(Debug, Deserialize)]
pub struct PartnersRef<'a> {
    #[serde(borrow)]
    pub list: BTreeMap<Text<'a>, IgnoredAny>,
}

/// Where a summary's data came from ([`super::DataStamp`]).
#[derive(Debug, Deserialize)]
pub struct DataRef<'a> {
    #[serde(borrow)]
    pub source: Text<'a>,
    #[serde(borrow)]
    pub folder: Text<'a>,
    #[serde(borrow, default)]
    pub pillars: Vec<Text<'a>>,
}

/// When a summary was issued ([`super::IssuedStamp`]).
#[derive(Debug, Deserialize)]
pub struct IssuedRef<'a> {
    #[serde(borrow)]
    pub date: Text<'a>,
    #[serde(borrow, default)]
    pub reference: Option<Text<'a>>,
}

/// Reads `text` as an earlier JSON summary.
pub fn parse(text: &str) -> Result<Previous<'_>, String> {
    serde_json::from_str(text).map_err(|e| format!("not a JSON summary this version reads ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_borrow_from_the_text_unless_escaped() {
        let text = r#"{"schema":1,"period":{"label":"2025","start":"2025-01-01","end":"2025-12-31"},"as_of":"2026-01-01",
            "events":1,"pillars":[{"id":"energy","name":"E","count":1,"related":0,"per_year":{"2025":1},"per_kind":{},"highlights":["a"]}],
            "hashes":{"a":{"pillar":"energy","title":"Say \"hi\"","hash":"1","fields":{"significance":"3"}}}}"#;
        let p = parse(text).unwrap();
        let (id, stamp) = p.hashes.iter().next().unwrap();
        assert!(matches!(id.0, Cow::Borrowed("a")));
        assert!(matches!(stamp.title.0, Cow::Owned(ref t) if t == "Say \"hi\""));
        assert!(stamp.has_fields());
        assert_eq!(stamp.fields().get("significance"), Some(&FieldValue::Text("3".into())));
        assert_eq!(p.hash_encoding, 1);
        assert!(p.data.is_none() && p.issued.is_none() && p.partners.is_none());
    }
}
