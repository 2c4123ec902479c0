//! What changed between two JSON summaries of the same period, typed: the
//! events added, removed and edited per pillar, the fields an edit changed
//! with their old and new values, highlights and partners that came and
//! went. No words here: the report layer words it (`report::changes`).

use std::collections::{BTreeMap, HashMap};

use crate::dataset::event_fields::{self, FieldValue, Shown};
use crate::dataset::{Dataset, Event};

use super::previous::Previous;
use super::schema::{Snapshot, Stamp};

/// What changed between two snapshots of the same period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diff {
    /// The previous briefing's date.
    pub previous_as_of: String,
    pub added: usize,
    pub removed: usize,
    pub edited: usize,
    /// Pillars with any change, in report order.
    pub pillars: Vec<PillarDiff>,
    /// Partners named now and not before, and the reverse, by name (issue
    /// 13); empty when the previous summary did not record partners.
    pub partners_added: Vec<String>,
    pub partners_removed: Vec<String>,
}

/// The changes in one pillar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PillarDiff {
    pub name: String,
    pub added: Vec<EventRef>,
    pub removed: Vec<EventRef>,
    pub edited: Vec<EventEdit>,
    pub highlights_in: Vec<EventRef>,
    pub highlights_out: Vec<EventRef>,
}

/// An event by id, with its title (now, or when last seen).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventRef {
    pub id: String,
    pub title: String,
}

/// One edited event: its title now, and what changed in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventEdit {
    pub event: EventRef,
    /// In the table's order; empty when the previous summary kept no
    /// fields (written by an earlier version): named without details.
    pub fields: Vec<FieldEdit>,
}

/// One changed field of an edited event.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldEdit {
    /// The field, from the table of event fields.
    pub field: &'static Shown,
    pub change: FieldChange,
}

/// How a field changed.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldChange {
    /// A single value replaced (or a value whose shape changed).
    Value { from: FieldValue, to: FieldValue },
    /// A list's items that came and went; both empty when only the order
    /// changed.
    Items { added: Vec<String>, removed: Vec<String> },
}

impl Diff {
    /// Whether anything changed at all.
    pub fn any(&self) -> bool {
        self.added + self.removed + self.edited > 0 || self.pillars.iter().any(|p| !p.highlights_in.is_empty() || !p.highlights_out.is_empty())
    }
}

/// Compares `new` with `old`, both with their fields; events are named by
/// title, grouped under the pillar they belong to now (or belonged to, when
/// removed). `old` is read back as an earlier summary is
/// ([`super::previous`]), through its JSON.
pub fn diff(old: &Snapshot, new: &Snapshot) -> Diff {
    let text = serde_json::to_string(old).unwrap_or_default();
    match super::previous::parse(&text) {
        Ok(old) => diff_with(&old, new, &|_, stamp| stamp.fields.clone()),
        Err(_) => Diff::default(),
    }
}

/// [`diff`] for a summary just made from `dataset`, whose stamps carry no
/// fields, against an earlier summary read back: an event's fields are
/// taken from the dataset when needed.
pub fn diff_in(old: &Previous<'_>, new: &Snapshot, dataset: &Dataset) -> Diff {
    let events: HashMap<&str, &Event> = dataset.events.iter().map(|e| (e.id.as_str(), e)).collect();
    diff_with(old, new, &|id, _| events.get(id).map_or_else(BTreeMap::new, |e| event_fields::views(dataset, e)))
}

type Fields = BTreeMap<String, FieldValue>;

fn diff_with(old: &Previous<'_>, new: &Snapshot, new_fields: &dyn Fn(&str, &Stamp) -> Fields) -> Diff {
    let mut out = Diff { previous_as_of: old.as_of.to_string(), ..Diff::default() };
    let mut pillars: Vec<PillarDiff> = new.pillars.iter().map(|p| PillarDiff { name: p.name.clone(), ..PillarDiff::default() }).collect();
    let index = |id: &str| new.pillars.iter().position(|p| p.id == id);
    let event = |id: &str| EventRef {
        id: id.to_owned(),
        title: match (new.hashes.get(id), old.hashes.get(id)) {
            (Some(s), _) => s.title.clone(),
            (None, Some(s)) => s.title.to_string(),
            (None, None) => id.to_owned(),
        },
    };
    let at = |id: &str, stamp: &Stamp| EventRef { id: id.to_owned(), title: stamp.title.clone() };
    // Hashes of another encoding say nothing: compare what the previous
    // summary stored instead (issue 23).
    let same_encoding = old.hash_encoding == new.hash_encoding;
    for (id, stamp) in &new.hashes {
        let Some(previous) = old.hashes.get(id.as_str()) else {
            out.added += 1;
            if let Some(i) = index(&stamp.pillar) {
                pillars[i].added.push(at(id, stamp));
            }
            continue;
        };
        let edit = if same_encoding {
            (*previous.hash != *stamp.hash).then(|| {
                let fields = if previous.has_fields() { field_edits(&previous.fields(), &new_fields(id, stamp)) } else { Vec::new() };
                EventEdit { event: at(id, stamp), fields }
            })
        } else if !previous.has_fields() {
            (*previous.title != *stamp.title || *previous.pillar != *stamp.pillar)
                .then(|| EventEdit { event: at(id, stamp), fields: Vec::new() })
        } else {
            let fields = field_edits(&previous.fields(), &new_fields(id, stamp));
            (!fields.is_empty()).then(|| EventEdit { event: at(id, stamp), fields })
        };
        if let Some(edit) = edit {
            out.edited += 1;
            if let Some(i) = index(&stamp.pillar) {
                pillars[i].edited.push(edit);
            }
        }
    }
    for (id, stamp) in &old.hashes {
        if !new.hashes.contains_key(&**id) {
            out.removed += 1;
            let gone = EventRef { id: id.to_string(), title: stamp.title.to_string() };
            match index(&stamp.pillar) {
                Some(i) => pillars[i].removed.push(gone),
                None => pillars.push(PillarDiff { name: stamp.pillar.to_string(), removed: vec![gone], ..PillarDiff::default() }),
            }
        }
    }
    for (i, p) in new.pillars.iter().enumerate() {
        let before: Vec<&str> = old.pillars.iter().find(|o| *o.id == *p.id).map(|o| o.highlights.iter().map(|h| &**h).collect()).unwrap_or_default();
        pillars[i].highlights_in = p.highlights.iter().filter(|h| !before.contains(&h.as_str())).map(|h| event(h)).collect();
        pillars[i].highlights_out = before.iter().filter(|h| !p.highlights.iter().any(|n| n == *h)).map(|h| event(h)).collect();
    }
    out.pillars = pillars
        .into_iter()
        .filter(|p| !(p.added.is_empty() && p.removed.is_empty() && p.edited.is_empty() && p.highlights_in.is_empty() && p.highlights_out.is_empty()))
        .collect();
    if let (Some(before), Some(now)) = (&old.partners, &new.partners) {
        out.partners_added = now.list.keys().filter(|k| !before.list.contains_key(k.as_str())).cloned().collect();
        out.partners_removed = before.list.keys().filter(|k| !now.list.contains_key(&***k)).map(|k| k.to_string()).collect();
    }
    out
}

/// What changed between two versions of an event's fields, in the table's
/// order. Only fields that both keep and that the table knows are compared:
/// a summary written before a field was kept (or after one was dropped)
/// does not make every event look edited.
fn field_edits(old: &Fields, new: &Fields) -> Vec<FieldEdit> {
    // A value an earlier version kept in words is read as the value it
    // says (`super::shown`).
    let mut shared: Vec<(usize, &'static Shown, FieldValue, &FieldValue)> = new
        .iter()
        .filter_map(|(name, after)| {
            let (rank, field) = event_fields::shown_named(name)?;
            Some((rank, field, super::shown::migrate(field, old.get(name)?, after), after))
        })
        .collect();
    shared.sort_by_key(|(rank, ..)| *rank);
    shared
        .into_iter()
        .filter(|(_, _, before, after)| before != *after)
        .map(|(_, field, before, after)| {
            let change = match (&before, after) {
                (FieldValue::List(before), FieldValue::List(after)) => FieldChange::Items {
                    added: after.iter().filter(|x| !before.contains(x)).cloned().collect(),
                    removed: before.iter().filter(|x| !after.contains(x)).cloned().collect(),
                },
                _ => FieldChange::Value { from: before, to: after.clone() },
            };
            FieldEdit { field, change }
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::hash::ENCODING;
    use super::super::schema::{PartnerCounts, PartnerStamp, PillarCounts, Span, SCHEMA};
    use super::*;

    pub(crate) fn stamp(pillar: &str, title: &str, hash: &str) -> Stamp {
        Stamp { pillar: pillar.into(), title: title.into(), hash: hash.into(), fields: BTreeMap::new() }
    }

    pub(crate) fn with_fields(mut stamp: Stamp, fields: &[(&str, FieldValue)]) -> Stamp {
        stamp.fields = fields.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        stamp
    }

    fn text(s: &str) -> FieldValue {
        FieldValue::Text(s.into())
    }

    fn list(items: &[&str]) -> FieldValue {
        FieldValue::List(items.iter().map(|s| s.to_string()).collect())
    }

    pub(crate) fn snap(as_of: &str, hashes: &[(&str, Stamp)], highlights: &[&str]) -> Snapshot {
        Snapshot {
            schema: SCHEMA,
            hash_encoding: ENCODING,
            period: Span { label: "2025".into(), start: "2025-01-01".into(), end: "2025-12-31".into() },
            as_of: as_of.into(),
            events: hashes.len(),
            undated: 0,
            planned: 0,
            pillars: vec![PillarCounts {
                id: "energy".into(),
                name: "Energy".into(),
                count: hashes.len(),
                related: 0,
                per_year: BTreeMap::new(),
                begun_before: 0,
                undated: BTreeMap::new(),
                planned: 0,
                per_kind: BTreeMap::new(),
                highlights: highlights.iter().map(|h| h.to_string()).collect(),
            }],
            compare: None,
            hashes: hashes.iter().map(|(id, s)| (id.to_string(), s.clone())).collect(),
            changes: None,
            partners: None,
            data: None,
            issued: None,
            judgements: None,
        }
    }

    #[test]
    fn added_removed_and_edited_events_and_highlights_are_named() {
        let old = snap("2026-01-01", &[("a", stamp("energy", "A", "1")), ("b", stamp("energy", "B", "2"))], &["a"]);
        let new = snap("2026-02-01", &[("a", stamp("energy", "A", "9")), ("c", stamp("energy", "C", "3"))], &["c"]);
        let d = diff(&old, &new);
        assert_eq!((d.added, d.removed, d.edited), (1, 1, 1));
        let p = &d.pillars[0];
        let event = |id: &str, title: &str| EventRef { id: id.into(), title: title.into() };
        assert_eq!((p.added.as_slice(), p.removed.as_slice()), (&[event("c", "C")][..], &[event("b", "B")][..]));
        assert_eq!(p.edited, [EventEdit { event: event("a", "A"), fields: vec![] }]);
        assert_eq!((p.highlights_in.as_slice(), p.highlights_out.as_slice()), (&[event("c", "C")][..], &[event("a", "A")][..]));
        assert!(!diff(&new, &new).any());
        assert!(d.partners_added.is_empty() && d.partners_removed.is_empty());
    }

    #[test]
    fn partners_added_and_removed_are_named_when_both_summaries_record_them() {
        let stamp = |events| PartnerStamp { id: None, kind: None, region: None, events };
        let counts = |names: &[&str]| PartnerCounts {
            count: names.len(),
            kinds: BTreeMap::new(),
            regions: BTreeMap::new(),
            list: names.iter().map(|n| (n.to_string(), stamp(1))).collect(),
        };
        let mut old = snap("2026-01-01", &[], &[]);
        let mut new = snap("2026-02-01", &[], &[]);
        new.partners = Some(counts(&["Georgia", "Serbia"]));
        assert!(diff(&old, &new).partners_added.is_empty(), "an old summary without partners is not compared");
        old.partners = Some(counts(&["Georgia", "Iran"]));
        let d = diff(&old, &new);
        assert_eq!((d.partners_added, d.partners_removed), (vec!["Serbia".to_owned()], vec!["Iran".to_owned()]));
    }

    #[test]
    fn edits_are_typed_field_by_field_in_table_order() {
        let before = with_fields(
            stamp("energy", "A", "1"),
            &[("significance", text("3")), ("date", text("December 2024")), ("partners", list(&["Germany"])), ("tags", list(&["x"]))],
        );
        let after = with_fields(
            stamp("energy", "A", "2"),
            &[("significance", text("5")), ("date", text("11 December 2024")), ("partners", list(&["Germany", "Austria"])), ("tags", list(&["x"]))],
        );
        let d = diff(&snap("2026-01-01", &[("a", before)], &[]), &snap("2026-02-01", &[("a", after)], &[]));
        let edit = &d.pillars[0].edited[0];
        let names: Vec<&str> = edit.fields.iter().map(|f| f.field.name).collect();
        assert_eq!(names, ["date", "significance", "partners"]);
        assert_eq!(edit.fields[1].change, FieldChange::Value { from: text("3"), to: text("5") });
        assert_eq!(edit.fields[2].change, FieldChange::Items { added: vec!["Austria".into()], removed: vec![] });
    }

    #[test]
    fn a_previous_summary_without_fields_still_names_the_edit() {
        let old = snap("2026-01-01", &[("a", stamp("energy", "A", "1"))], &[]);
        let new = snap("2026-02-01", &[("a", with_fields(stamp("energy", "A", "2"), &[("significance", text("5"))]))], &[]);
        let d = diff(&old, &new);
        assert_eq!(d.edited, 1);
        assert_eq!(d.pillars[0].edited[0], EventEdit { event: EventRef { id: "a".into(), title: "A".into() }, fields: vec![] });
    }

    #[test]
    fn a_summary_of_another_encoding_is_compared_by_its_stored_values() {
        // Every hash differs (another encoding); only the event whose
        // stored fields differ is edited, and one without stored fields
        // is compared by title and pillar.
        let kept = |hash| with_fields(stamp("energy", "A", hash), &[("significance", text("3")), ("tags", list(&["x"]))]);
        let edited = |hash, sig| with_fields(stamp("energy", "B", hash), &[("significance", text(sig))]);
        let mut old = snap("2026-01-01", &[("a", kept("1")), ("b", edited("2", "3")), ("c", stamp("energy", "C", "3"))], &[]);
        old.hash_encoding = 1;
        let new = snap("2026-02-01", &[("a", kept("7")), ("b", edited("8", "4")), ("c", stamp("energy", "C", "9"))], &[]);
        let d = diff(&old, &new);
        assert_eq!(d.edited, 1);
        assert_eq!(d.pillars[0].edited[0].event.id, "b");
        // A field the previous summary lacks (kept later) is not an edit.
        let mut older = old.clone();
        older.hashes.get_mut("a").unwrap().fields.remove("tags");
        let mut newer = new.clone();
        newer.hashes.get_mut("a").unwrap().fields.insert("status".into(), text("planned"));
        assert_eq!(diff(&older, &newer).edited, 1);
    }
}
