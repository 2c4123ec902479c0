//! The table of event fields: each key of an `[[event]]` defined once, with
//! how it is read from a data file, hashed, and shown in the change report.
//!
//! Modelled on ripgrep's flag definitions (crates/core/flags/defs.rs: one
//! definition a flag, everything else reads it). Validation
//! ([`super::fields`]) walks [`EVENT_FIELDS`] to read an event and to name
//! the keys allowed; the content hash (`snapshot::hash`) encodes each
//! field's [`Value`] tagged by its key; the diff (`snapshot::diff`) and the
//! JSON summary keep and compare each shown field's [`FieldValue`] by its
//! name. Adding a field touches the model ([`Event`]) and one entry here
//! (issue 23).
//!
//! A field at its default (not given, an empty list, `status =
//! "happened"`) has the value [`Value::Absent`] and is not hashed, so a
//! field added later leaves the hashes of events without it unchanged.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::fields::{Draft, FileChecker, Toml};
use super::lang::TextKind;
use super::model::{Dataset, Event, Role, Status};

/// One key of an `[[event]]` table.
pub struct EventField {
    /// The key in data files (`also`); also the field's tag in the content
    /// hash, so it never changes once released.
    pub key: &'static str,
    /// Whether an event must give it.
    pub required: bool,
    /// Reads the key's value into the event being checked, reporting
    /// problems; `false` when the value is unusable.
    pub(super) read: Read,
    /// The value the content hash encodes.
    pub value: fn(&Event) -> Value<'_>,
    /// How the change report shows it; `None` for keys shown with another
    /// (`until` with `date`) or not at all (`id`).
    pub shown: Option<Shown>,
}

/// How validation reads one key: the checker, the key's value, the event
/// being read.
pub(super) type Read = fn(&mut FileChecker<'_>, &Toml<'_>, &mut Draft) -> bool;

/// A field as the change report and the JSON summary show it.
pub struct Shown {
    /// Its name for readers, plural for list fields ("further pillars");
    /// also its key under `fields` in the JSON summary.
    pub name: &'static str,
    /// The name of one item of a list field ("further pillar"); the same as
    /// `name` for a single value.
    pub one: &'static str,
    /// Free text (quoted in the change report), rather than a name, date or
    /// number (shown as it is).
    pub prose: bool,
    /// The value as a reader sees it, kept in the JSON summary and compared
    /// on the next run.
    pub view: fn(&Dataset, &Event) -> FieldValue,
}

/// Fields are known by their names, which are unique.
impl PartialEq for Shown {
    fn eq(&self, other: &Shown) -> bool {
        self.name == other.name
    }
}

impl std::fmt::Debug for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Shown").field(&self.name).finish()
    }
}

/// A field's value as the content hash sees it: typed, so that the
/// encoding (`docs/hash.md`) never depends on how Rust prints a value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// Not given, or at its default: not encoded.
    Absent,
    Text(Cow<'a, str>),
    Int(i64),
    Number(f64),
    Flag(bool),
    /// Items in order.
    List(Vec<Value<'a>>),
    /// Named parts in order (a figure, a source; a text per language, its
    /// names from the data); absent parts are left out.
    Record(Vec<(&'a str, Value<'a>)>),
}

/// One field of an event as the change report shows it and the JSON
/// summary keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldValue {
    Text(String),
    /// A list field, compared item by item.
    List(Vec<String>),
}

/// The fields of an event, in the order the change report lists them. The
/// content hash encodes them in this order too (`docs/hash.md`).
pub static EVENT_FIELDS: &[EventField] = &[
    EventField {
        key: "id",
        required: true,
        read: |c, v, d| put(c.id(v, "id"), &mut d.event.id),
        value: |e| text(&e.id),
        shown: None,
    },
    EventField {
        key: "title",
        required: true,
        read: |c, v, d| put(c.line_in(v, "title", TextKind::EventTitle), &mut d.event.title),
        value: |e| text(&e.title),
        shown: Some(Shown { name: "title", one: "title", prose: true, view: |_, e| FieldValue::Text(e.title.clone()) }),
    },
    EventField {
        key: "attribution",
        required: false,
        read: |c, v, d| put(c.line_in(v, "attribution", TextKind::EventAttribution).map(Some), &mut d.event.attribution),
        value: |e| e.attribution.as_deref().map_or(Value::Absent, text),
        shown: Some(Shown {
            name: "attribution",
            one: "attribution",
            prose: true,
            view: |_, e| FieldValue::Text(e.attribution.clone().unwrap_or_default()),
        }),
    },
    EventField {
        key: "date",
        required: true,
        // Set with `until` once both are read: an undated `"A..B"` holds
        // both bounds ([`super::fields`]).
        read: |c, v, d| put(c.event_date(v).map(Some), &mut d.when),
        value: |e| match (e.undated, e.until) {
            (true, Some(until)) => Value::Text(Cow::Owned(format!("{}..{until}", e.date))),
            _ => Value::Text(Cow::Owned(e.date.to_string())),
        },
        shown: Some(Shown { name: "date", one: "date", prose: false, view: view_date }),
    },
    EventField {
        key: "until",
        required: false,
        read: |c, v, d| put(c.partial_date(v, "until").map(Some), &mut d.event.until),
        value: |e| match e.until {
            Some(until) if !e.undated => Value::Text(Cow::Owned(until.to_string())),
            _ => Value::Absent,
        },
        shown: None,
    },
    EventField {
        key: "pillar",
        required: true,
        read: |c, v, d| put(c.string(v, "pillar").map(|p| c.intern(p)), &mut d.event.pillar),
        value: |e| text(&e.pillar),
        shown: Some(Shown { name: "pillar", one: "pillar", prose: false, view: |d, e| FieldValue::Text(pillar_name(d, &e.pillar)) }),
    },
    EventField {
        key: "also",
        required: false,
        read: |c, v, d| {
            let Some(ids) = c.strings(v, "also") else { return false };
            (d.event.also, d.also_spans) = ids.into_iter().map(|(id, span)| (c.intern(&id), span)).unzip();
            true
        },
        value: |e| list(e.also.iter().map(|a| text(a))),
        shown: Some(Shown {
            name: "further pillars",
            one: "further pillar",
            prose: false,
            view: |d, e| FieldValue::List(e.also.iter().map(|a| pillar_name(d, a)).collect()),
        }),
    },
    EventField {
        key: "status",
        required: false,
        read: |c, v, d| put(c.status(v), &mut d.event.status),
        value: |e| match e.status {
            Status::Happened => Value::Absent,
            status @ Status::Planned => Value::Text(Cow::Borrowed(status.as_str())),
        },
        shown: Some(Shown { name: "status", one: "status", prose: false, view: |_, e| FieldValue::Text(e.status.as_str().to_owned()) }),
    },
    EventField {
        key: "kind",
        required: true,
        read: |c, v, d| put(c.kind(v), &mut d.event.kind),
        value: |e| Value::Text(Cow::Borrowed(e.kind.as_str())),
        shown: Some(Shown { name: "kind", one: "kind", prose: false, view: |_, e| FieldValue::Text(e.kind.as_str().to_owned()) }),
    },
    EventField {
        key: "significance",
        required: true,
        read: |c, v, d| put(c.significance(v), &mut d.event.significance),
        value: |e| Value::Int(e.significance.into()),
        shown: Some(Shown {
            name: "significance",
            one: "significance",
            prose: false,
            view: |_, e| FieldValue::Text(e.significance.to_string()),
        }),
    },
    EventField {
        key: "partners",
        required: false,
        read: |c, v, d| {
            let Some(entries) = c.partner_entries(v) else { return false };
            for (name, role, span) in entries {
                d.event.partners.push(name);
                d.event.roles.push(role);
                d.partner_spans.push(span);
            }
            true
        },
        // A plain name hashes as it always did; a partner with another
        // role as a record, so that changing a role is an edit.
        value: |e| {
            list(e.partner_roles().map(|(name, role)| match role {
                Role::PLAIN => text(name),
                _ => Value::Record(vec![("name", text(name)), ("role", text(role.as_str()))]),
            }))
        },
        shown: Some(Shown {
            name: "partners",
            one: "partner",
            prose: false,
            view: |_, e| {
                FieldValue::List(
                    e.partner_roles()
                        .map(|(name, role)| if role == Role::PLAIN { name.to_owned() } else { format!("{name} ({})", role.as_str()) })
                        .collect(),
                )
            },
        }),
    },
    EventField {
        key: "summary",
        required: true,
        read: |c, v, d| put(c.text_in(v, "summary", TextKind::EventSummary), &mut d.event.summary),
        value: |e| text(&e.summary),
        shown: Some(Shown { name: "summary", one: "summary", prose: true, view: |_, e| FieldValue::Text(e.summary.clone()) }),
    },
    EventField {
        key: "figures",
        required: false,
        read: |c, v, d| put(c.figures(v), &mut d.event.figures),
        value: |e| {
            list(e.figures.iter().map(|f| {
                Value::Record(vec![
                    ("label", text(&f.label)),
                    ("value", Value::Number(f.value)),
                    ("unit", f.unit.as_deref().map_or(Value::Absent, text)),
                    ("approx", if f.approx { Value::Flag(true) } else { Value::Absent }),
                    ("lead", if f.lead { Value::Flag(true) } else { Value::Absent }),
                ])
            }))
        },
        shown: Some(Shown { name: "figures", one: "figure", prose: false, view: view_figures }),
    },
    EventField {
        key: "sources",
        required: true,
        read: |c, v, d| {
            let Some((sources, spans)) = c.sources(v) else { return false };
            (d.event.sources, d.source_spans) = (sources, spans);
            true
        },
        value: |e| {
            list(e.sources.iter().map(|s| {
                Value::Record(vec![
                    ("name", text(&s.name)),
                    ("url", s.url.as_deref().map_or(Value::Absent, text)),
                    ("published", s.published.map_or(Value::Absent, |p| Value::Text(Cow::Owned(p.to_string())))),
                    ("note", s.note.as_deref().map_or(Value::Absent, text)),
                    // Issue 25: the event's own grade of its information.
                    // A registry entry's id, kind, grade and access date
                    // are not the event's content: citing a source by id
                    // instead of inline, or grading it, edits no event.
                    ("credibility", s.credibility.map_or(Value::Absent, |c| Value::Int(c.into()))),
                ])
            }))
        },
        shown: Some(Shown { name: "sources", one: "source", prose: false, view: view_sources }),
    },
    EventField {
        key: "tags",
        required: false,
        read: |c, v, d| {
            let Some(tags) = c.strings(v, "tags") else { return false };
            d.event.tags = tags.into_iter().map(|(t, _)| t).collect();
            true
        },
        value: |e| list(e.tags.iter().map(|t| text(t))),
        shown: Some(Shown { name: "tags", one: "tag", prose: false, view: |_, e| FieldValue::List(e.tags.clone()) }),
    },
];

/// The keys an `[[event]]` table may have, in table order.
pub fn event_keys() -> &'static [&'static str] {
    static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| EVENT_FIELDS.iter().map(|f| f.key).collect())
}

/// The fields the change report shows, in its order.
pub fn shown() -> impl Iterator<Item = &'static Shown> {
    EVENT_FIELDS.iter().filter_map(|f| f.shown.as_ref())
}

/// The shown field called `name`, and its place in the report's order.
pub fn shown_named(name: &str) -> Option<(usize, &'static Shown)> {
    shown().enumerate().find(|(_, s)| s.name == name)
}

/// Every shown field of `e`, by name, as the JSON summary keeps them.
pub fn views(dataset: &Dataset, e: &Event) -> std::collections::BTreeMap<String, FieldValue> {
    shown().map(|s| (s.name.to_owned(), (s.view)(dataset, e))).collect()
}

/// Stores a value read, when there is one.
fn put<T>(value: Option<T>, slot: &mut T) -> bool {
    value.map(|v| *slot = v).is_some()
}

fn text(s: &str) -> Value<'_> {
    Value::Text(Cow::Borrowed(s))
}

/// A list, absent when empty (an optional list not given is empty).
fn list<'a>(items: impl Iterator<Item = Value<'a>>) -> Value<'a> {
    let items: Vec<Value<'a>> = items.collect();
    if items.is_empty() {
        Value::Absent
    } else {
        Value::List(items)
    }
}

fn pillar_name(dataset: &Dataset, id: &str) -> String {
    dataset.pillars.iter().find(|p| p.id == id).map_or_else(|| id.to_owned(), |p| p.name.clone())
}

// The views below are kept in the JSON summary and compared on the next
// run: data, without words (issue 23). `snapshot::shown` says them where
// the change report shows them, and reads an older summary's words.

/// `2024-11-11`, `2024-12`; a span `2024-11-11/2024-11-22`; a fact
/// undated within a span as the data write it, `2024..2026`.
fn view_date(_: &Dataset, e: &Event) -> FieldValue {
    FieldValue::Text(match (&e.until, e.undated) {
        (Some(until), true) => format!("{}..{until}", e.date),
        (Some(until), false) => format!("{}/{until}", e.date),
        (None, _) => e.date.to_string(),
    })
}

/// What a figure's view starts with when it is the event's lead figure.
pub const LEAD_MARK: &str = "* ";

/// What stands between a source's view and its note.
pub const NOTE_MARK: &str = " — ";

fn view_figures(_: &Dataset, e: &Event) -> FieldValue {
    let shown = e.figures.iter().map(|f| {
        let value = crate::number::format_number(f.value);
        // `~` marks an approximate value (`approx = true`).
        let value = if f.approx { format!("~{value}") } else { value };
        let shown = match &f.unit {
            Some(unit) => format!("{}: {value} {unit}", f.label),
            None => format!("{}: {value}", f.label),
        };
        // `* ` marks the lead figure (`lead = true`): what the content
        // hash sees, the view shows (issue 29, item 9).
        if f.lead {
            format!("{LEAD_MARK}{shown}")
        } else {
            shown
        }
    });
    FieldValue::List(shown.collect())
}

fn view_sources(_: &Dataset, e: &Event) -> FieldValue {
    let shown = e.sources.iter().map(|s| {
        let mut text = s.name.clone();
        // The information's grade on its six-point scale.
        let credibility = s.credibility.map(|c| format!("{c}/6"));
        let details: Vec<String> = s.url.iter().cloned().chain(s.published.map(|d| d.to_string())).chain(credibility).collect();
        if !details.is_empty() {
            text.push_str(&format!(" ({})", details.join(", ")));
        }
        // The note is the event's content too (hashed): shown after ` — `
        // (issue 29, item 9: editing it named no field).
        if let Some(note) = &s.note {
            text.push_str(NOTE_MARK);
            text.push_str(note);
        }
        text
    });
    FieldValue::List(shown.collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_names_are_unique() {
        let keys = event_keys();
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len());
        let names: Vec<&str> = shown().map(|s| s.name).collect();
        assert!(names.iter().all(|n| names.iter().filter(|m| *m == n).count() == 1), "{names:?}");
    }
}
