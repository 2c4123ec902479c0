//! The JSON summary written beside every report, and what changed since
//! the previous one.
//!
//! A snapshot holds the period, the per-pillar counts, the highlight ids, a
//! content hash of every event in the period, where the data came from and,
//! when issued, when. The new one is compared with the issued briefing's
//! ([`crate::issued`] chooses it), read back as [`previous::Previous`]
//! (only what the diff needs, borrowed from its text): events added,
//! removed and edited, per pillar, and highlights that came in or dropped
//! out. The comparison is done before rendering, so the report can say what
//! changed.
//!
//! Four parts: the JSON's schema ([`schema`]: its types, writing it), the
//! content hash ([`hash`]: an explicit encoding, `docs/hash.md`), an
//! earlier summary read back ([`previous`]) and the diff ([`diff`]: typed,
//! no words). The report layer words the diff
//! (`report::changes`). Which fields an event has, and how each is hashed
//! and shown, comes from the table of event fields
//! ([`crate::dataset::event_fields`]).

pub mod diff;
pub mod hash;
pub mod previous;
pub mod review;
pub mod schema;
pub mod shown;

use std::collections::{BTreeMap, BTreeSet};

use crate::dataset::Dataset;
use crate::summary::Summary;

pub use diff::{diff, diff_in, Diff, EventEdit, EventRef, FieldChange, FieldEdit, PillarDiff};
pub use hash::{content_hash, ENCODING};
pub use previous::Previous;
pub use schema::{to_json, Comparison, DataStamp, FieldValue, IssuedStamp, JudgementStamp, PartnerCounts, PartnerStamp, PillarCounts, Snapshot, Span, Stamp, SCHEMA};

/// The snapshot of a summary, its data named by `data` and, when issued,
/// its date and reference in `issued`.
pub fn snapshot(dataset: &Dataset, summary: &Summary, data: DataStamp, issued: Option<IssuedStamp>) -> Snapshot {
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
                // when an edit is described (`to_json`, `diff_in`): a
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
        hash_encoding: ENCODING,
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
                begun_before: p.begun_before,
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
        data: Some(data),
        issued,
        judgements: review::stamps(dataset),
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

/// An earlier summary read for the diff ([`previous::Previous`]: only what
/// the diff needs, borrowed from `text`), saying why one that is there
/// cannot serve (it is not one this build reads, or its date is outside
/// the supported years): the caller warns and goes on without the changes
/// (issue 10, class 13). Another schema is no error: `Ok(None)`.
pub fn read_previous(text: &str) -> Result<Option<Previous<'_>>, String> {
    let snapshot = previous::parse(text)?;
    if snapshot.schema != SCHEMA {
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
    use super::diff::tests::{snap, stamp};
    use super::*;

    /// Which earlier summary serves is `issued::different`'s (its data,
    /// pillars and days); reading one only refuses what this build cannot
    /// read.
    #[test]
    fn an_earlier_summary_of_another_schema_or_no_json_does_not_serve() {
        let s = snap("2026-01-01", &[], &[]);
        let text = serde_json::to_string(&s).unwrap();
        assert!(read_previous(&text).unwrap().is_some());
        assert!(read_previous(&text.replace("\"schema\":1", "\"schema\":2")).unwrap().is_none());
        assert!(read_previous("{not json").is_err());
        assert!(read_previous(&text.replace("2026-01-01", "0999-01-01")).unwrap_err().contains("is not a date from 1000"));
    }

    #[test]
    fn a_summary_written_before_undated_planned_and_begun_before_counts_and_the_encoding_still_reads() {
        let mut old = snap("2026-01-01", &[("a", stamp("energy", "A", "1"))], &["a"]);
        let mut json = serde_json::to_value(&old).unwrap();
        json.as_object_mut().unwrap().remove("undated");
        json.as_object_mut().unwrap().remove("planned");
        json.as_object_mut().unwrap().remove("hash_encoding");
        let pillar = json["pillars"][0].as_object_mut().unwrap();
        pillar.remove("undated");
        pillar.remove("planned");
        pillar.remove("begun_before");
        let back: Snapshot = serde_json::from_value(json).unwrap();
        old.hash_encoding = 1;
        assert_eq!(back, old);
    }

    #[test]
    fn partners_read_back() {
        let mut s = snap("2026-01-01", &[], &[]);
        s.partners = Some(PartnerCounts { count: 0, kinds: BTreeMap::new(), regions: BTreeMap::new(), list: BTreeMap::new() });
        let text = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Snapshot>(&text).unwrap().partners, s.partners);
    }
}
