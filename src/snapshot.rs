//! The JSON summary written beside every report, and what changed since
//! the previous one.
//!
//! A snapshot holds the period, the per-pillar counts, the highlight ids and
//! a content hash of every event in the period. When a snapshot already
//! exists at the output path, the new one is compared with it: events
//! added, removed and edited, per pillar, and highlights that came in or
//! dropped out. The comparison is done before rendering, so the report can
//! say what changed.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::dataset::{Dataset, Event};
use crate::summary::Summary;

/// The JSON format's version.
pub const SCHEMA: u32 = 1;

/// The JSON summary of one briefing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
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
    /// Every event of the period: id → pillar, title and content hash.
    pub hashes: BTreeMap<String, Stamp>,
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
}

/// The snapshot of a summary.
pub fn snapshot(dataset: &Dataset, summary: &Summary) -> Snapshot {
    let in_period: BTreeSet<&str> = summary.selected.iter().map(String::as_str).collect();
    let hashes = dataset
        .events
        .iter()
        .filter(|e| in_period.contains(e.id.as_str()))
        .map(|e| (e.id.clone(), Stamp { pillar: e.pillar.to_string(), title: e.title.clone(), hash: content_hash(e) }))
        .collect();
    let mut planned: BTreeMap<&str, usize> = BTreeMap::new();
    for e in dataset.events.iter().filter(|e| e.status == crate::dataset::Status::Planned && in_period.contains(e.id.as_str())) {
        *planned.entry(&*e.pillar).or_default() += 1;
    }
    Snapshot {
        schema: SCHEMA,
        period: Span {
            label: summary.period.label.clone(),
            start: summary.period.start.clone(),
            end: summary.period.end.clone(),
        },
        as_of: summary.as_of.clone(),
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
            period: Span { label: c.label.clone(), start: c.start.clone(), end: c.end.clone() },
            events: c.events,
            pillars: c.pillars.clone(),
            per_kind: c.per_kind.clone(),
        }),
        hashes,
        partners: Some(partner_counts(dataset, summary, &in_period)),
    }
}

/// Every partner of the period's events with its registry entry, if any.
fn partner_counts(dataset: &Dataset, summary: &Summary, in_period: &BTreeSet<&str>) -> PartnerCounts {
    let registry: std::collections::HashMap<&str, &crate::dataset::Partner> =
        dataset.partners.iter().map(|p| (p.name.as_str(), p)).collect();
    let mut list: BTreeMap<String, PartnerStamp> = BTreeMap::new();
    for e in dataset.events.iter().filter(|e| in_period.contains(e.id.as_str())) {
        for name in &e.partners {
            if let Some(stamp) = list.get_mut(name.as_str()) {
                stamp.events += 1;
                continue;
            }
            let partner = registry.get(name.as_str());
            list.insert(
                name.clone(),
                PartnerStamp {
                    id: partner.map(|p| p.id.clone()),
                    kind: partner.map(|p| p.kind.as_str().to_owned()),
                    region: partner.and_then(|p| p.region).map(|r| r.as_str().to_owned()),
                    events: 1,
                },
            );
        }
    }
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
    let canonical = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{:?}\u{1f}{}\u{1f}{:?}\u{1f}{}\u{1f}{}\u{1f}{:?}\u{1f}{}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}",
        e.id,
        e.title,
        e.date,
        e.until.map(|u| u.to_string()),
        e.pillar,
        also,
        e.kind.as_str(),
        e.significance,
        e.partners,
        e.summary,
        figures,
        sources,
        e.tags,
    );
    let mut canonical = canonical;
    if e.undated {
        canonical.push_str("\u{1f}undated");
    }
    if e.status != crate::dataset::Status::Happened {
        canonical.push_str("\u{1f}");
        canonical.push_str(e.status.as_str());
    }
    let hash = canonical.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3));
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
    pub edited: Vec<String>,
    pub highlights_in: Vec<String>,
    pub highlights_out: Vec<String>,
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
                    pillars[i].edited.push(stamp.title.clone());
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
    serde_json::from_str::<Snapshot>(text).ok().filter(|s| s.schema == SCHEMA && s.period.label == period_label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(pillar: &str, title: &str, hash: &str) -> Stamp {
        Stamp { pillar: pillar.into(), title: title.into(), hash: hash.into() }
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
            partners: None,
        }
    }

    #[test]
    fn added_removed_and_edited_events_and_highlights_are_named() {
        let old = snap("2026-01-01", &[("a", stamp("energy", "A", "1")), ("b", stamp("energy", "B", "2"))], &["a"]);
        let new = snap("2026-02-01", &[("a", stamp("energy", "A", "9")), ("c", stamp("energy", "C", "3"))], &["c"]);
        let changes = changes(&old, &new);
        assert_eq!((changes.added, changes.removed, changes.edited), (1, 1, 1));
        let p = &changes.pillars[0];
        assert_eq!((p.added.as_slice(), p.removed.as_slice(), p.edited.as_slice()), (&["C".to_owned()][..], &["B".to_owned()][..], &["A".to_owned()][..]));
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
    fn only_a_snapshot_of_the_same_period_and_schema_is_compared() {
        let s = snap("2026-01-01", &[], &[]);
        let text = serde_json::to_string(&s).unwrap();
        assert!(previous(&text, "2025").is_some());
        assert!(previous(&text, "2024-2026").is_none());
        assert!(previous("{not json", "2025").is_none());
        assert!(previous(&text.replace("\"schema\":1", "\"schema\":2"), "2025").is_none());
    }
}
