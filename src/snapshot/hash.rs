//! The content hash of an event: FNV-1a (64 bits) over an explicit
//! encoding of its fields, each tagged by its key, every string and list
//! prefixed by its length (`docs/hash.md`). Saved in every JSON summary and
//! compared on the next run, so it must not move with the compiler: it
//! never hashes how Rust prints a value (`{:?}`), which Rust does not
//! promise to keep (issue 23).
//!
//! The fields and their typed values come from the table of event fields
//! ([`EVENT_FIELDS`]); a field at its default is left out, so a field added
//! to the table later leaves the hashes of events without it unchanged.

use crate::dataset::event_fields::{EventField, Value, EVENT_FIELDS};
use crate::dataset::Event;
use crate::hash::{Fnv1a, BASIS};

/// The version of the encoding, saved in the JSON summary as
/// `hash_encoding`. Summaries without it were written with version 1 (a
/// text made with `{:?}`); a summary of another version is compared by its
/// stored field values, not its hashes ([`super::diff`]).
pub const ENCODING: u32 = 2;

/// The content hash of `e`, as 16 hex digits.
pub fn content_hash(e: &Event) -> String {
    let mut hasher = Fnv1a::new(BASIS);
    encode_fields(e, EVENT_FIELDS, &mut |bytes| hasher.write(bytes));
    format!("{:016x}", hasher.finish())
}

/// The bytes [`content_hash`] hashes, for tests and for readers of
/// `docs/hash.md`.
pub fn encode(e: &Event) -> Vec<u8> {
    let mut out = Vec::new();
    encode_fields(e, EVENT_FIELDS, &mut |bytes| out.extend_from_slice(bytes));
    out
}

/// Each field of `fields` that `e` gives, in order: its key, then its value.
fn encode_fields(e: &Event, fields: &[EventField], out: &mut dyn FnMut(&[u8])) {
    for field in fields {
        let value = (field.value)(e);
        if value != Value::Absent {
            string(field.key, out);
            encode_value(&value, out);
        }
    }
}

/// A length or count: 4 bytes, little-endian. No text or list of a valid
/// dataset comes near 2^32; a longer one would be cut to its low bits, and
/// still hash the same on every platform.
fn length(n: usize, out: &mut dyn FnMut(&[u8])) {
    out(&(n as u32).to_le_bytes());
}

/// A string: its length in bytes, then its UTF-8.
fn string(s: &str, out: &mut dyn FnMut(&[u8])) {
    length(s.len(), out);
    out(s.as_bytes());
}

fn encode_value(value: &Value<'_>, out: &mut dyn FnMut(&[u8])) {
    match value {
        // Only as a list item: a field or part that is absent is left out.
        Value::Absent => out(b"0"),
        Value::Text(s) => {
            out(b"T");
            string(s, out);
        }
        Value::Int(n) => {
            out(b"I");
            out(&n.to_le_bytes());
        }
        Value::Number(x) => {
            out(b"N");
            // -0 and 0 are the same figure.
            let x = if *x == 0.0 { 0.0f64 } else { *x };
            out(&x.to_bits().to_le_bytes());
        }
        Value::Flag(b) => out(if *b { b"B\x01" } else { b"B\x00" }),
        Value::List(items) => {
            out(b"L");
            length(items.len(), out);
            for item in items {
                encode_value(item, out);
            }
        }
        Value::Record(parts) => {
            out(b"R");
            length(parts.iter().filter(|(_, v)| *v != Value::Absent).count(), out);
            for (name, part) in parts.iter().filter(|(_, v)| *v != Value::Absent) {
                string(name, out);
                encode_value(part, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Figure, Kind, Source, Status};
    use crate::date::PartialDate;

    /// A fixed event, built by hand: the golden test's input.
    fn fixed_event() -> Event {
        Event {
            id: "baku-gas-deal".into(),
            title: "Gas deal signed in Baku".into(),
            date: PartialDate::month(2025, 3).unwrap(),
            until: Some(PartialDate::month(2025, 4).unwrap()),
            pillar: "energy".into(),
            also: vec!["diplomacy".into()],
            kind: Kind::Agreement,
            significance: 4,
            partners: vec!["Germany".into(), "Türkiye".into()],
            summary: "Azerbaijan and Germany signed a supply agreement.".into(),
            figures: vec![Figure { label: "Volume".into(), value: 1.5, unit: Some("bcm".into()), approx: true, lead: false }],
            sources: vec![Source {
                name: "Ministry of Energy".into(),
                url: Some("https://minenergy.gov.az/".into()),
                published: chrono::NaiveDate::from_ymd_opt(2025, 3, 12),
                note: None,
                ..Source::default()
            }],
            tags: vec!["gas".into()],
            ..Event::default()
        }
    }

    #[test]
    fn the_golden_hash_of_a_fixed_event() {
        // Pinned: a change to the encoding or the table that moves this
        // hash must raise `ENCODING` and say so in docs/hash.md.
        assert_eq!(content_hash(&fixed_event()), "ca41790923128d5c");
    }

    #[test]
    fn the_encoding_is_tagged_and_length_prefixed() {
        let e = Event {
            id: "a".into(),
            title: "B".into(),
            date: PartialDate::year(2025).unwrap(),
            pillar: "p".into(),
            significance: 3,
            summary: "S".into(),
            ..Event::default()
        };
        let bytes = encode(&e);
        let mut expected: Vec<u8> = Vec::new();
        expected.extend(b"\x02\x00\x00\x00idT\x01\x00\x00\x00a");
        expected.extend(b"\x05\x00\x00\x00titleT\x01\x00\x00\x00B");
        expected.extend(b"\x04\x00\x00\x00dateT\x04\x00\x00\x002025");
        expected.extend(b"\x06\x00\x00\x00pillarT\x01\x00\x00\x00p");
        expected.extend(b"\x04\x00\x00\x00kindT\x05\x00\x00\x00other");
        expected.extend(b"\x0c\x00\x00\x00significanceI\x03\x00\x00\x00\x00\x00\x00\x00");
        expected.extend(b"\x07\x00\x00\x00summaryT\x01\x00\x00\x00S");
        assert_eq!(bytes, expected, "{}", String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn a_field_added_later_keeps_the_hashes_of_events_without_it() {
        // The table without `status`, as before a field was added: an
        // event that does not set it hashes the same with and without it.
        let before: Vec<&EventField> = EVENT_FIELDS.iter().filter(|f| f.key != "status").collect();
        let hash_over = |e: &Event, fields: &[&EventField]| {
            let mut bytes = Vec::new();
            for f in fields {
                encode_fields(e, std::slice::from_ref(*f), &mut |b| bytes.extend_from_slice(b));
            }
            bytes
        };
        let e = fixed_event();
        assert_eq!(hash_over(&e, &before), encode(&e));
        let planned = Event { status: Status::Planned, ..fixed_event() };
        assert_ne!(hash_over(&planned, &before), encode(&planned));
    }

    #[test]
    fn every_field_moves_the_hash() {
        let base = fixed_event();
        let mut seen = vec![content_hash(&base)];
        let edits: [fn(&mut Event); 13] = [
            |e| e.title.push('!'),
            |e| e.until = None,
            |e| e.undated = true,
            |e| e.status = Status::Planned,
            |e| e.also.clear(),
            |e| e.kind = Kind::Visit,
            |e| e.significance = 5,
            |e| e.partners.reverse(),
            |e| e.figures[0].approx = false,
            |e| e.figures[0].value = 1.25,
            |e| e.sources[0].note = Some("Funded.".into()),
            |e| e.tags.push("oil".into()),
            // Moving text from one field to its neighbour is an edit too:
            // lengths keep the boundaries.
            |e| e.partners = vec!["GermanyTürkiye".into()],
        ];
        for edit in edits {
            let mut e = base.clone();
            edit(&mut e);
            let hash = content_hash(&e);
            assert!(!seen.contains(&hash), "{e:?}");
            seen.push(hash);
        }
    }
}
