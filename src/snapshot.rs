//! The JSON summary written beside every report, and what changed since
//! the previous one.
//!
//! A snapshot holds the period, the per-pillar counts, the highlight ids and
//! a content hash of every event in the period. When a snapshot already
//! exists at the output path, the new one is compared with it: events
//! added, removed and edited, per pillar, and highlights that came in or
//! dropped out. The comparison is done before rendering, so the report can
//! say what changed.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::dataset::{Dataset, Event};
use crate::summary::Summary;

/// The JSON format's version.
pub const SCHEMA: u32 = 1;

/// The JSON summary of one briefing. `H` is how the events are held: read
/// back, a map of [`Stamp`]s; written, [`Hashes`], which takes each event's
/// fields from the dataset as it is written rather than holding them all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot<H = BTreeMap<String, Stamp>> {
    pub schema: u32,
    pub period: Span,
    pub as_of: String,
    pub events: usize,
    /// Events of the period the source places in a span without a date
    /// (counted in no year).
    #[serde(default)]
    pub undated: usize,
    /// Events of the period only planned.
    #[serde(default)]
    pub planned: usize,
    pub pillars: Vec<PillarCounts>,
    /// `--compare`: the second period's counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare: Option<Comparison>,
    /// Every event of the period: id → pillar, title, content hash and
    /// fields.
    pub hashes: H,
    /// What changed since the previous summary at the same path, when
    /// anything did. Written for readers of the JSON; never read back.
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub changes: Option<Changes>,
    /// Who the period's events name (issue 13); `None` in summaries
    /// written before partners were recorded, so they are not compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners: Option<PartnerCounts>,
}

/// The partners of the period, counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerCounts {
    /// Distinct partners.
    pub count: usize,
    /// Partner kind (`country`, …) → distinct partners; empty without a
    /// registry.
    pub kinds: BTreeMap<String, usize>,
    /// Region (`europe`, …) → events with a bilateral counterpart there;
    /// empty without a registry.
    pub regions: BTreeMap<String, usize>,
    /// Partner name → its kind, region and events in the period.
    pub list: BTreeMap<String, PartnerStamp>,
}

/// One partner in the JSON summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerStamp {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub events: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub label: String,
    pub start: String,
    pub end: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PillarCounts {
    pub id: String,
    pub name: String,
    pub count: usize,
    pub related: usize,
    /// Dated events only; the undated ones are under `undated`.
    pub per_year: BTreeMap<String, usize>,
    /// Undated events per span, `"2024..2026"` → count.
    #[serde(default)]
    pub undated: BTreeMap<String, usize>,
    #[serde(default)]
    pub planned: usize,
    pub per_kind: BTreeMap<String, usize>,
    pub highlights: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub period: Span,
    pub events: usize,
    /// Pillar id → count.
    pub pillars: BTreeMap<String, usize>,
    /// Kind → count.
    pub per_kind: BTreeMap<String, usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub pillar: String,
    pub title: String,
    pub hash: String,
    /// Every field as a reader sees it, so that the next run can say what
    /// changed field by field. Summaries written before fields were kept
    /// have none; their edits are named without details.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldValue>,
}

/// One field of an event as the change report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldValue {
    Text(String),
    /// A list field, compared item by item.
    List(Vec<String>),
}

/// The fields of an event, in the order a data file lists them: the name a
/// reader knows each by in the change report, and its value.
///
/// This is the one place that says what an event's editable fields are for
/// the change report; a new field added here is compared from then on.
fn fields(dataset: &Dataset, e: &Event) -> Vec<(&'static str, FieldValue)> {
    use FieldValue::{List, Text};
    let pillar_name = |id: &str| dataset.pillars.iter().find(|p| p.id == id).map_or_else(|| id.to_owned(), |p| p.name.clone());
    let when = match &e.until {
        Some(until) => e.date.display_span(until),
        None => e.date.display(),
    };
    let when = if e.undated { format!("undated, {when}") } else { when };
    vec![
        ("title", Text(e.title.clone())),
        ("date", Text(when)),
        ("pillar", Text(pillar_name(&e.pillar))),
        ("further pillars", List(e.also.iter().map(|a| pillar_name(a)).collect())),
        ("status", Text(e.status.as_str().to_owned())),
        ("kind", Text(e.kind.as_str().to_owned())),
        ("significance", Text(e.significance.to_string())),
        ("partners", List(e.partners.clone())),
        ("summary", Text(e.summary.clone())),
        (
            "figures",
            List(
                e.figures
                    .iter()
                    .map(|f| {
                        let value = crate::number::format_number(f.value);
                        let value = if f.approx { format!("about {value}") } else { value };
                        match &f.unit {
                            Some(unit) => format!("{}: {value} {unit}", f.label),
                            None => format!("{}: {value}", f.label),
                        }
                    })
                    .collect(),
            ),
        ),
        (
            "sources",
            List(
                e.sources
                    .iter()
                    .map(|s| {
                        let mut text = s.name.clone();
                        let details: Vec<String> = s.url.iter().cloned().chain(s.published.map(|d| d.to_string())).collect();
                        if !details.is_empty() {
                            text.push_str(&format!(" ({})", details.join(", ")));
                        }
                        text
                    })
                    .collect(),
            ),
        ),
        ("tags", List(e.tags.clone())),
    ]
}

/// The snapshot of a summary.
pub fn snapshot(dataset: &Dataset, summary: &Summary) -> Snapshot {
    let in_period: BTreeSet<&str> = summary.selected.iter().map(String::as_str).collect();
    let hashes = dataset
        .events
        .iter()
        .filter(|e| in_period.contains(e.id.as_str()))
        .map(|e| {
            let stamp = Stamp {
                pillar: e.pillar.to_string(),
                title: e.title.clone(),
                hash: content_hash(e),
                // Taken from the dataset when the summary is written and
                // when an edit is described (`to_json`, `changes_in`): a
                // long briefing does not hold every event's text twice.
                fields: BTreeMap::new(),
            };
            (e.id.clone(), stamp)
        })
        .collect();
    let mut planned: BTreeMap<&str, usize> = BTreeMap::new();
    for e in dataset.events.iter().filter(|e| e.status == crate::dataset::Status::Planned && in_period.contains(e.id.as_str())) {
        *planned.entry(&*e.pillar).or_default() += 1;
    }
    Snapshot {
        schema: SCHEMA,
        period: Span {
            label: summary.period.label.clone(),
            start: summary.period.start.to_string(),
            end: summary.period.end.to_string(),
        },
        as_of: summary.as_of.to_string(),
        events: summary.executive.totals.events,
        undated: summary.executive.totals.undated,
        planned: summary.executive.totals.planned,
        pillars: summary
            .pillars
            .iter()
            .map(|p| PillarCounts {
                id: p.id.clone(),
                name: p.name.clone(),
                count: p.count,
                related: p.related_count,
                per_year: p.per_year.iter().map(|y| (y.year.to_string(), y.count)).collect(),
                undated: p.undated.iter().map(|u| (format!("{}..{}", u.from, u.until), u.count)).collect(),
                planned: planned.get(p.id.as_str()).copied().unwrap_or(0),
                per_kind: p.per_kind.iter().map(|k| (k.kind.to_owned(), k.count)).collect(),
                highlights: p.highlights.iter().map(|h| h.id.clone()).collect(),
            })
            .collect(),
        compare: summary.compare.as_ref().map(|c| Comparison {
            period: Span { label: c.period.label.clone(), start: c.period.start.to_string(), end: c.period.end.to_string() },
            events: c.events,
            pillars: c.pillars.clone(),
            per_kind: c.per_kind.clone(),
        }),
        hashes,
        partners: Some(partner_counts(dataset, summary)),
        changes: None,
    }
}

/// Every partner of the period's events with its registry entry, if any:
/// from the summary's tally, one registry look-up a partner.
fn partner_counts(dataset: &Dataset, summary: &Summary) -> PartnerCounts {
    let registry: std::collections::HashMap<&str, &crate::dataset::Partner> =
        dataset.partners.iter().map(|p| (p.name.as_str(), p)).collect();
    let list: BTreeMap<String, PartnerStamp> = summary
        .executive
        .partners
        .all
        .iter()
        .map(|n| {
            let partner = registry.get(n.name.as_str());
            let stamp = PartnerStamp {
                id: partner.map(|p| p.id.clone()),
                kind: partner.map(|p| p.kind.as_str().to_owned()),
                region: partner.and_then(|p| p.region).map(|r| r.as_str().to_owned()),
                events: n.count,
            };
            (n.name.clone(), stamp)
        })
        .collect();
    let partners = &summary.executive.partners;
    PartnerCounts {
        count: list.len(),
        kinds: partners.by_kind.iter().map(|k| (k.kind.to_owned(), k.count)).collect(),
        regions: partners.regions.iter().filter(|r| r.count > 0).map(|r| (r.region.to_owned(), r.count)).collect(),
        list,
    }
}

/// A hash of everything an analyst can edit in an event, stable across
/// runs and platforms (FNV-1a, 64 bits, over a canonical text). Keys added
/// later (undated, status, approx, note) enter the text only when set, so
/// events without them keep the hashes of earlier summaries.
pub fn content_hash(e: &Event) -> String {
    let figures: Vec<String> = e
        .figures
        .iter()
        .map(|f| format!("{}={}{:?}{}", f.label, f.value, f.unit, if f.approx { "~" } else { "" }))
        .collect();
    let sources: Vec<String> = e
        .sources
        .iter()
        .map(|s| match &s.note {
            Some(note) => format!("{}|{:?}|{:?}|{note}", s.name, s.url, s.published),
            None => format!("{}|{:?}|{:?}", s.name, s.url, s.published),
        })
        .collect();
    let also: Vec<&str> = e.also.iter().map(|a| &**a).collect();
    // One part per field, in this order, as earlier versions wrote them:
    // a new field goes last (after the optional ones below), so that
    // events without it keep their hashes.
    let parts = [
        e.id.to_string(),
        e.title.clone(),
        e.date.to_string(),
        format!("{:?}", e.until.map(|u| u.to_string())),
        e.pillar.to_string(),
        format!("{also:?}"),
        e.kind.as_str().to_owned(),
        e.significance.to_string(),
        format!("{:?}", e.partners),
        e.summary.clone(),
        format!("{figures:?}"),
        format!("{sources:?}"),
        format!("{:?}", e.tags),
    ];
    let mut canonical = parts.join("\u{1f}");
    if e.undated {
        canonical.push_str("\u{1f}undated");
    }
    if e.status != crate::dataset::Status::Happened {
        canonical.push('\u{1f}');
        canonical.push_str(e.status.as_str());
    }
    let hash = crate::hash::fnv1a(canonical.as_bytes(), crate::hash::BASIS);
    format!("{hash:016x}")
}

/// What changed between two snapshots of the same period, per pillar.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Changes {
    /// The previous briefing's date.
    pub previous_as_of: String,
    pub added: usize,
    pub removed: usize,
    pub edited: usize,
    /// Pillars with any change, in report order.
    pub pillars: Vec<PillarChanges>,
    /// Partners named now and not before, and the reverse, by name (issue
    /// 13); empty when the previous summary did not record partners.
    pub partners_added: Vec<String>,
    pub partners_removed: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PillarChanges {
    pub name: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub edited: Vec<Edit>,
    pub highlights_in: Vec<String>,
    pub highlights_out: Vec<String>,
}

/// One edited event: its title now, and what changed in it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Edit {
    pub title: String,
    /// Empty when the previous summary kept no fields (written by an
    /// earlier version): the event is named as edited, without details.
    pub fields: Vec<FieldChange>,
}

/// One field of an edited event, before and after.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    /// A text field's values, shortened around what changed when long.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// A list field's items that came and went.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
    /// The change in words: "significance changed from 3 to 5", "partner
    /// added: Austria".
    pub text: String,
}

/// The longest value a field change quotes whole; longer ones are cut
/// around what changed.
const QUOTE_CHARS: usize = 60;

/// What changed between two versions of an event's fields, in the order the
/// fields are listed.
fn field_changes(old: &BTreeMap<String, FieldValue>, new: &BTreeMap<String, FieldValue>) -> Vec<FieldChange> {
    let empty = FieldValue::List(Vec::new());
    // Fields both summaries keep: one written before a field was kept
    // (status, say) does not make every edit say that field changed.
    let mut names: Vec<&String> = new.keys().filter(|k| old.contains_key(*k)).collect();
    names.sort_by_key(|name| (FIELD_ORDER.iter().position(|f| f == name).unwrap_or(usize::MAX), name.as_str()));
    names.dedup();
    let mut out = Vec::new();
    for name in names {
        let (before, after) = (old.get(name).unwrap_or(&empty), new.get(name).unwrap_or(&empty));
        if before == after {
            continue;
        }
        let change = match (before, after) {
            (FieldValue::List(before), FieldValue::List(after)) => {
                let added: Vec<String> = after.iter().filter(|x| !before.contains(x)).cloned().collect();
                let removed: Vec<String> = before.iter().filter(|x| !after.contains(x)).cloned().collect();
                let mut parts = Vec::new();
                if !added.is_empty() {
                    parts.push(format!("{} added: {}", item_word(name, added.len()), quote_list(&added)));
                }
                if !removed.is_empty() {
                    parts.push(format!("{} removed: {}", item_word(name, removed.len()), quote_list(&removed)));
                }
                if parts.is_empty() {
                    parts.push(format!("{name} reordered"));
                }
                FieldChange { field: name.clone(), text: parts.join("; "), added, removed, ..FieldChange::default() }
            }
            _ => {
                let (from, to) = (text_of(before), text_of(after));
                let (from, to) = shorten_pair(&from, &to, matches!(name.as_str(), "title" | "summary"));
                // In words, not with an arrow: the report's fonts have no "→".
                FieldChange { field: name.clone(), text: format!("{name} changed from {from} to {to}"), from: Some(from), to: Some(to), ..FieldChange::default() }
            }
        };
        out.push(change);
    }
    out
}

/// The order of [`fields`], for fields compared by name.
const FIELD_ORDER: &[&str] = &[
    "title",
    "date",
    "pillar",
    "further pillars",
    "status",
    "kind",
    "significance",
    "partners",
    "summary",
    "figures",
    "sources",
    "tags",
];

/// "partner" for one item of `partners`, "partners" for several.
fn item_word(field: &str, n: usize) -> String {
    if n == 1 {
        match field {
            "further pillars" => "further pillar".to_owned(),
            _ => field.strip_suffix('s').unwrap_or(field).to_owned(),
        }
    } else {
        field.to_owned()
    }
}

fn text_of(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(text) => text.clone(),
        FieldValue::List(items) => items.join(", "),
    }
}

/// "A", "A and B", "A, B and C", each item shortened.
fn quote_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| shorten(i, QUOTE_CHARS)).collect();
    crate::report::helpers::and_list(&items)
}

/// `text` cut to about `max` characters at a word boundary, with "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}

/// Two versions of a long text, each cut to the part that differs with a
/// few words of context around it: "…signed in Baku…" and "…signed in
/// Astana…". Short texts are kept whole.
fn shorten_pair(old: &str, new: &str, quote: bool) -> (String, String) {
    if old.chars().count() <= QUOTE_CHARS && new.chars().count() <= QUOTE_CHARS {
        return (quoted(old, quote), quoted(new, quote));
    }
    let (a, b): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    // Context: back to the start of the word three words before the change,
    // and on to the end of the word after it.
    let context = 24;
    let start = word_start(&a, prefix.saturating_sub(context));
    let cut = |chars: &[char]| {
        let end = word_end(chars, (chars.len() - suffix + context).min(chars.len()));
        let window: String = chars[start..end].iter().collect();
        let window = window.trim();
        let mut shown = String::new();
        if start > 0 {
            shown.push('…');
        }
        if window.chars().count() > 2 * QUOTE_CHARS {
            shown.push_str(&shorten(window, 2 * QUOTE_CHARS));
        } else {
            shown.push_str(window);
            if end < chars.len() {
                shown.push('…');
            }
        }
        format!("“{shown}”")
    };
    (cut(&a), cut(&b))
}

/// A whole value: free text in quotes, names, dates and numbers as they are.
fn quoted(text: &str, quote: bool) -> String {
    if text.is_empty() {
        "(none)".to_owned()
    } else if quote {
        format!("“{text}”")
    } else {
        text.to_owned()
    }
}

/// The index of the start of the word at `i` (moving left to a space).
fn word_start(chars: &[char], i: usize) -> usize {
    let mut i = i.min(chars.len());
    while i > 0 && !chars[i - 1].is_whitespace() {
        i -= 1;
    }
    i
}

/// The index of the end of the word at `i` (moving right to a space).
fn word_end(chars: &[char], i: usize) -> usize {
    let mut i = i.min(chars.len());
    while i < chars.len() && !chars[i].is_whitespace() {
        i += 1;
    }
    i
}

impl Changes {
    /// Whether anything changed at all.
    pub fn any(&self) -> bool {
        self.added + self.removed + self.edited > 0 || self.pillars.iter().any(|p| !p.highlights_in.is_empty() || !p.highlights_out.is_empty())
    }

    /// "+2 −1 ~3" for the success line.
    pub fn brief(&self) -> String {
        if self.any() {
            format!("+{} −{} ~{}", self.added, self.removed, self.edited)
        } else {
            "no changes".to_owned()
        }
    }
}

/// Compares `new` with `old`; events are named by title, grouped under the
/// pillar they belong to now (or belonged to, when removed).
pub fn changes(old: &Snapshot, new: &Snapshot) -> Changes {
    changes_with(old, new, &|_, stamp| stamp.fields.clone())
}

/// [`changes`] for a summary just made from `dataset`, whose stamps carry
/// no fields: an edited event's fields are taken from the dataset.
pub fn changes_in(old: &Snapshot, new: &Snapshot, dataset: &Dataset) -> Changes {
    let events: std::collections::HashMap<&str, &Event> = dataset.events.iter().map(|e| (e.id.as_str(), e)).collect();
    changes_with(old, new, &|id, _| events.get(id).map_or_else(BTreeMap::new, |e| owned_fields(dataset, e)))
}

/// An event's fields as a stamp keeps them.
fn owned_fields(dataset: &Dataset, e: &Event) -> BTreeMap<String, FieldValue> {
    fields(dataset, e).into_iter().map(|(name, value)| (name.to_owned(), value)).collect()
}

/// The room made for a JSON summary: this much, and this much an event.
const JSON_BASE_BYTES: usize = 64 * 1024;
const JSON_EVENT_BYTES: usize = 1280;

/// The summary as JSON, each event's fields taken from `dataset` as it is
/// written.
pub fn to_json(snapshot: &Snapshot, dataset: &Dataset) -> Vec<u8> {
    let events: std::collections::HashMap<&str, &Event> = dataset.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let out = Snapshot {
        schema: snapshot.schema,
        period: snapshot.period.clone(),
        as_of: snapshot.as_of.clone(),
        events: snapshot.events,
        undated: snapshot.undated,
        planned: snapshot.planned,
        pillars: snapshot.pillars.clone(),
        compare: snapshot.compare.clone(),
        hashes: Hashes { stamps: &snapshot.hashes, events: &events, dataset },
        changes: snapshot.changes.clone(),
        partners: snapshot.partners.clone(),
    };
    // Room for the whole summary at once (about a kilobyte an event): grown
    // by doubling, a 10,000-event summary was copied and its fresh pages
    // cleared four times over, 8% of the PDF's run. Capacity not written
    // is never touched, so never resident.
    let mut json = Vec::with_capacity(JSON_BASE_BYTES + JSON_EVENT_BYTES * snapshot.hashes.len());
    if serde_json::to_writer_pretty(&mut json, &out).is_err() {
        json.clear();
    }
    json.push(b'\n');
    // Kept until the PDF is made: not with the slack.
    json.shrink_to_fit();
    json
}

/// The events of a summary being written: each stamp with its fields,
/// made one event at a time.
pub struct Hashes<'a> {
    stamps: &'a BTreeMap<String, Stamp>,
    events: &'a std::collections::HashMap<&'a str, &'a Event>,
    dataset: &'a Dataset,
}

impl Serialize for Hashes<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.stamps.len()))?;
        for (id, stamp) in self.stamps {
            let fields = match self.events.get(id.as_str()) {
                Some(e) if stamp.fields.is_empty() => Cow::Owned(owned_fields(self.dataset, e)),
                _ => Cow::Borrowed(&stamp.fields),
            };
            map.serialize_entry(id, &StampOut { pillar: &stamp.pillar, title: &stamp.title, hash: &stamp.hash, fields })?;
        }
        map.end()
    }
}

/// A [`Stamp`] as written, borrowed, its fields from the stamp or the
/// dataset: the same JSON without copying the stamp.
#[derive(Serialize)]
struct StampOut<'a> {
    pillar: &'a str,
    title: &'a str,
    hash: &'a str,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    fields: Cow<'a, BTreeMap<String, FieldValue>>,
}

fn changes_with(old: &Snapshot, new: &Snapshot, new_fields: &dyn Fn(&str, &Stamp) -> BTreeMap<String, FieldValue>) -> Changes {
    let mut out = Changes { previous_as_of: old.as_of.clone(), ..Changes::default() };
    let mut pillars: Vec<PillarChanges> = new.pillars.iter().map(|p| PillarChanges { name: p.name.clone(), ..PillarChanges::default() }).collect();
    let index = |id: &str| new.pillars.iter().position(|p| p.id == id);
    let title = |id: &str| {
        new.hashes.get(id).or_else(|| old.hashes.get(id)).map_or_else(|| id.to_owned(), |s| s.title.clone())
    };
    for (id, stamp) in &new.hashes {
        match old.hashes.get(id) {
            None => {
                out.added += 1;
                if let Some(i) = index(&stamp.pillar) {
                    pillars[i].added.push(stamp.title.clone());
                }
            }
            Some(previous) if previous.hash != stamp.hash => {
                out.edited += 1;
                if let Some(i) = index(&stamp.pillar) {
                    let fields = if previous.fields.is_empty() { Vec::new() } else { field_changes(&previous.fields, &new_fields(id, stamp)) };
                    pillars[i].edited.push(Edit { title: stamp.title.clone(), fields });
                }
            }
            Some(_) => {}
        }
    }
    for (id, stamp) in &old.hashes {
        if !new.hashes.contains_key(id) {
            out.removed += 1;
            match index(&stamp.pillar) {
                Some(i) => pillars[i].removed.push(stamp.title.clone()),
                None => {
                    pillars.push(PillarChanges { name: stamp.pillar.clone(), removed: vec![stamp.title.clone()], ..PillarChanges::default() });
                }
            }
        }
    }
    for (i, p) in new.pillars.iter().enumerate() {
        let before: Vec<&String> = old.pillars.iter().find(|o| o.id == p.id).map(|o| o.highlights.iter().collect()).unwrap_or_default();
        pillars[i].highlights_in = p.highlights.iter().filter(|h| !before.contains(h)).map(|h| title(h)).collect();
        pillars[i].highlights_out = before.iter().filter(|h| !p.highlights.contains(h)).map(|h| title(h)).collect();
    }
    out.pillars = pillars
        .into_iter()
        .filter(|p| !(p.added.is_empty() && p.removed.is_empty() && p.edited.is_empty() && p.highlights_in.is_empty() && p.highlights_out.is_empty()))
        .collect();
    if let (Some(before), Some(now)) = (&old.partners, &new.partners) {
        out.partners_added = now.list.keys().filter(|k| !before.list.contains_key(*k)).cloned().collect();
        out.partners_removed = before.list.keys().filter(|k| !now.list.contains_key(*k)).cloned().collect();
    }
    out
}

/// The previous snapshot at `path`, if there is one that this build reads
/// and that covers the same period.
pub fn previous(text: &str, period_label: &str) -> Option<Snapshot> {
    read_previous(text, period_label).ok().flatten()
}

/// [`previous`], saying why a summary that is there cannot serve (it is
/// not one this build reads, or its date is outside the supported years):
/// the caller warns and goes on without the changes section (issue 10,
/// class 13). Another schema or period is no error: `Ok(None)`.
pub fn read_previous(text: &str, period_label: &str) -> Result<Option<Snapshot>, String> {
    let snapshot = serde_json::from_str::<Snapshot>(text).map_err(|e| format!("not a JSON summary this version reads ({e})"))?;
    if snapshot.schema != SCHEMA || snapshot.period.label != period_label {
        return Ok(None);
    }
    let date = chrono::NaiveDate::parse_from_str(&snapshot.as_of, "%Y-%m-%d").ok();
    match date {
        Some(date) if crate::date::YEAR_RANGE.contains(&chrono::Datelike::year(&date)) => Ok(Some(snapshot)),
        _ => Err(format!(
            "its date `{}` is not a date from {} to {}",
            crate::diag::shorten(&snapshot.as_of),
            crate::date::YEAR_RANGE.start(),
            crate::date::YEAR_RANGE.end()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(pillar: &str, title: &str, hash: &str) -> Stamp {
        Stamp { pillar: pillar.into(), title: title.into(), hash: hash.into(), fields: BTreeMap::new() }
    }

    fn with_fields(mut stamp: Stamp, fields: &[(&str, FieldValue)]) -> Stamp {
        stamp.fields = fields.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        stamp
    }

    fn text(s: &str) -> FieldValue {
        FieldValue::Text(s.into())
    }

    fn list(items: &[&str]) -> FieldValue {
        FieldValue::List(items.iter().map(|s| s.to_string()).collect())
    }

    fn snap(as_of: &str, hashes: &[(&str, Stamp)], highlights: &[&str]) -> Snapshot {
        Snapshot {
            schema: SCHEMA,
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
                undated: BTreeMap::new(),
                planned: 0,
                per_kind: BTreeMap::new(),
                highlights: highlights.iter().map(|h| h.to_string()).collect(),
            }],
            compare: None,
            hashes: hashes.iter().map(|(id, s)| (id.to_string(), s.clone())).collect(),
            changes: None,
            partners: None,
        }
    }

    #[test]
    fn stamps_are_written_as_they_read_back() {
        // `StampOut` writes a `Stamp` without copying it: a field added to
        // one and not the other fails here.
        let dataset = crate::dataset::load(&crate::dataset::DataSource::Builtin).unwrap();
        let stamps: BTreeMap<String, Stamp> = [
            ("edited".to_owned(), with_fields(stamp("energy", "A", "1"), &[("title", text("A")), ("partners", list(&["Türkiye"]))])),
            ("older".to_owned(), stamp("energy", "B", "2")),
        ]
        .into();
        let events = std::collections::HashMap::new();
        let written = serde_json::to_string(&Hashes { stamps: &stamps, events: &events, dataset: &dataset }).unwrap();
        assert_eq!(written, serde_json::to_string(&stamps).unwrap());
        assert_eq!(serde_json::from_str::<BTreeMap<String, Stamp>>(&written).unwrap(), stamps);
    }

    #[test]
    fn added_removed_and_edited_events_and_highlights_are_named() {
        let old = snap("2026-01-01", &[("a", stamp("energy", "A", "1")), ("b", stamp("energy", "B", "2"))], &["a"]);
        let new = snap("2026-02-01", &[("a", stamp("energy", "A", "9")), ("c", stamp("energy", "C", "3"))], &["c"]);
        let changes = changes(&old, &new);
        assert_eq!((changes.added, changes.removed, changes.edited), (1, 1, 1));
        let p = &changes.pillars[0];
        assert_eq!((p.added.as_slice(), p.removed.as_slice()), (&["C".to_owned()][..], &["B".to_owned()][..]));
        assert_eq!(p.edited, [Edit { title: "A".into(), fields: vec![] }]);
        assert_eq!((p.highlights_in.as_slice(), p.highlights_out.as_slice()), (&["C".to_owned()][..], &["A".to_owned()][..]));
        assert_eq!(changes.brief(), "+1 −1 ~1");
        assert!(!super::changes(&new, &new).any());
        assert!(changes.partners_added.is_empty() && changes.partners_removed.is_empty());
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
        assert!(changes(&old, &new).partners_added.is_empty(), "an old summary without partners is not compared");
        old.partners = Some(counts(&["Georgia", "Iran"]));
        let c = changes(&old, &new);
        assert_eq!((c.partners_added, c.partners_removed), (vec!["Serbia".to_owned()], vec!["Iran".to_owned()]));
        let text = serde_json::to_string(&new).unwrap();
        assert_eq!(previous(&text, "2025").unwrap().partners, new.partners);
    }

    #[test]
    fn edits_are_described_field_by_field_in_field_order() {
        let before = with_fields(
            stamp("energy", "A", "1"),
            &[("significance", text("3")), ("date", text("December 2024")), ("partners", list(&["Germany"])), ("tags", list(&["x"]))],
        );
        let after = with_fields(
            stamp("energy", "A", "2"),
            &[("significance", text("5")), ("date", text("11 December 2024")), ("partners", list(&["Germany", "Austria"])), ("tags", list(&["x"]))],
        );
        let old = snap("2026-01-01", &[("a", before)], &[]);
        let new = snap("2026-02-01", &[("a", after)], &[]);
        let edit = &changes(&old, &new).pillars[0].edited[0];
        let texts: Vec<&str> = edit.fields.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["date changed from December 2024 to 11 December 2024", "significance changed from 3 to 5", "partner added: Austria"]);
        assert_eq!(edit.fields[2].added, ["Austria"]);
        // Every character the report adds can be drawn in the PDF.
        for c in texts.concat().chars() {
            assert!(c.is_ascii() || crate::typeset::fonts::covers(c), "U+{:04X} is in none of the fonts", c as u32);
        }
    }

    #[test]
    fn a_previous_summary_without_fields_still_names_the_edit() {
        let old = snap("2026-01-01", &[("a", stamp("energy", "A", "1"))], &[]);
        let new = snap("2026-02-01", &[("a", with_fields(stamp("energy", "A", "2"), &[("significance", text("5"))]))], &[]);
        let c = changes(&old, &new);
        assert_eq!(c.edited, 1);
        assert_eq!(c.pillars[0].edited[0], Edit { title: "A".into(), fields: vec![] });
    }

    #[test]
    fn long_texts_are_cut_around_what_changed() {
        let old = "Azerbaijan and Germany signed an agreement on the supply of natural gas in Baku after talks that lasted for several months.";
        let new = old.replace("in Baku", "in Astana");
        let (from, to) = shorten_pair(old, &new, true);
        assert!(from.contains("in Baku") && to.contains("in Astana"), "{from} / {to}");
        assert!(from.starts_with("“…") && from.ends_with("…”"), "{from}");
        assert!(from.chars().count() < 70 && to.chars().count() < 70, "{from} / {to}");
        assert_eq!(shorten_pair("3", "5", false), ("3".to_owned(), "5".to_owned()));
        assert_eq!(shorten_pair("A", "B", true), ("“A”".to_owned(), "“B”".to_owned()));
        // A change at the very start or end keeps that edge unmarked.
        let (from, _) = shorten_pair(old, &format!("{old} More."), true);
        assert!(!from.ends_with("…”"), "{from}");
    }

    #[test]
    fn only_a_snapshot_of_the_same_period_and_schema_is_compared() {
        let s = snap("2026-01-01", &[], &[]);
        let text = serde_json::to_string(&s).unwrap();
        assert!(previous(&text, "2025").is_some());
        assert!(previous(&text, "2024-2026").is_none());
        assert!(previous("{not json", "2025").is_none());
        assert!(previous(&text.replace("\"schema\":1", "\"schema\":2"), "2025").is_none());
    }

    #[test]
    fn a_summary_written_before_undated_and_planned_counts_still_reads() {
        let old = snap("2026-01-01", &[("a", stamp("energy", "A", "1"))], &["a"]);
        let mut json = serde_json::to_value(&old).unwrap();
        json.as_object_mut().unwrap().remove("undated");
        json.as_object_mut().unwrap().remove("planned");
        let pillar = json["pillars"][0].as_object_mut().unwrap();
        pillar.remove("undated");
        pillar.remove("planned");
        let back: Snapshot = serde_json::from_value(json).unwrap();
        assert_eq!(back, old);
    }

    #[test]
    fn the_content_hash_sees_the_new_keys_and_only_when_set() {
        let dataset = crate::dataset::validate::validate_text(
            "d.toml",
            "[[pillar]]\nid = \"p\"\nname = \"P\"\n\n[[event]]\nid = \"e\"\ntitle = \"E\"\ndate = \"2024\"\nuntil = \"2026\"\npillar = \"p\"\nkind = \"other\"\nsignificance = 2\nsummary = \"S.\"\nfigures = [{ label = \"V\", value = 1.5 }]\nsources = [{ name = \"S\" }]\n",
        )
        .unwrap();
        let plain = dataset.events[0].clone();
        // An event without the new keys keeps the hash that summaries
        // written before them hold: the formula before issue 15.
        let before = |e: &Event| {
            let figures: Vec<String> = e.figures.iter().map(|f| format!("{}={}{:?}", f.label, f.value, f.unit)).collect();
            let sources: Vec<String> = e.sources.iter().map(|s| format!("{}|{:?}|{:?}", s.name, s.url, s.published)).collect();
            let also: Vec<&str> = e.also.iter().map(|a| &**a).collect();
            let canonical = format!(
                "{}\u{1f}{}\u{1f}{}\u{1f}{:?}\u{1f}{}\u{1f}{:?}\u{1f}{}\u{1f}{}\u{1f}{:?}\u{1f}{}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}",
                e.id, e.title, e.date, e.until.map(|u| u.to_string()), e.pillar, also, e.kind.as_str(), e.significance,
                e.partners, e.summary, figures, sources, e.tags,
            );
            let hash = crate::hash::fnv1a(canonical.as_bytes(), crate::hash::BASIS);
            format!("{hash:016x}")
        };
        assert_eq!(content_hash(&plain), before(&plain));
        let mut seen = vec![content_hash(&plain)];
        let mut undated = plain.clone();
        undated.undated = true;
        let mut planned = plain.clone();
        planned.status = crate::dataset::Status::Planned;
        let mut approx = plain.clone();
        approx.figures[0].approx = true;
        let mut noted = plain.clone();
        noted.sources[0].note = Some("Funded.".into());
        for e in [undated, planned, approx, noted] {
            let hash = content_hash(&e);
            assert!(!seen.contains(&hash), "{e:?}");
            seen.push(hash);
        }
    }
}
