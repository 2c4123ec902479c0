//! Judgements kept honest across edits (issue 25, item 2): what a run
//! compares of each judgement with the issued briefing's summary. Typed,
//! no words: the report layer and the run's diagnostics word it.
//!
//! The rule (`docs/dataset.md`, "Judgements"): a judgement asks for a
//! review when an event it cites, and cited in the issued briefing too,
//! has changed since (its content hash differs), unless its `reviewed`
//! date is on or after the run's date (`--as-of`): the analyst has read it
//! again today. A judgement the issued summary did not record (new, or a
//! summary written before judgements existed) asks for none. Its own
//! edits are changes, listed like an event's.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::hash::content_hash;
use super::JudgementStamp;
use crate::dataset::judgements::Judgement;
use crate::dataset::{Dataset, Event};

/// Each judgement's stamp, by name; `None` when the data have none.
pub fn stamps(dataset: &Dataset) -> Option<BTreeMap<String, JudgementStamp>> {
    if dataset.judgements.is_empty() {
        return None;
    }
    let events: HashMap<&str, &Event> = dataset.events.iter().map(|e| (e.id.as_str(), e)).collect();
    Some(dataset.judgements.iter().map(|j| (j.name(), stamp(j, &events))).collect())
}

fn stamp(j: &Judgement, events: &HashMap<&str, &Event>) -> JudgementStamp {
    let mut hasher = crate::hash::Fnv1a::new(crate::hash::BASIS);
    let keys = [j.text.as_str(), j.likelihood.as_str(), j.confidence.as_str(), j.pillar.as_deref().unwrap_or("")];
    for key in keys.into_iter().chain(j.evidence.iter().map(String::as_str)) {
        hasher.write(&(key.len() as u64).to_le_bytes());
        hasher.write(key.as_bytes());
    }
    JudgementStamp {
        hash: format!("{:016x}", hasher.finish()),
        evidence: j.evidence.iter().filter_map(|id| events.get(id.as_str()).map(|e| (id.clone(), content_hash(e)))).collect(),
    }
}

/// What changed in one judgement since the issued briefing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JudgementChange {
    /// Its id, else its place.
    pub judgement: String,
    /// Whether it is new, gone, or its own keys (text, likelihood,
    /// confidence, pillar, evidence) changed: counted like an event's.
    pub own: Own,
    /// Events it cites, now and then, whose content changed; empty when
    /// none did or the review is settled.
    pub evidence: Vec<String>,
    /// The changed evidence was reviewed (`reviewed` on or after the run's
    /// date): no review is asked.
    pub settled: bool,
}

/// A judgement itself since the issued briefing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Own {
    /// As issued: only its evidence changed.
    Same,
    Added,
    Removed,
    /// Its own keys changed.
    Edited,
}

/// The judgements of `dataset` that changed since `previous` (the issued
/// summary's stamps), in data order, then those removed since, by name. An
/// issued summary that recorded none (its data had none, or it was written
/// before judgements existed, when no data had any) makes every judgement
/// of `dataset` added, asking no review.
pub fn changes(previous: Option<&BTreeMap<String, JudgementStamp>>, dataset: &Dataset, as_of: NaiveDate) -> Vec<JudgementChange> {
    let none = BTreeMap::new();
    let previous = previous.unwrap_or(&none);
    let now = stamps(dataset).unwrap_or_default();
    let mut out = Vec::new();
    for j in &dataset.judgements {
        let name = j.name();
        let Some(stamp) = now.get(&name) else { continue };
        let Some(then) = previous.get(&name) else {
            out.push(JudgementChange { judgement: name, own: Own::Added, evidence: Vec::new(), settled: false });
            continue;
        };
        let evidence: Vec<String> = stamp
            .evidence
            .iter()
            .filter(|(id, hash)| then.evidence.get(*id).is_some_and(|old| old != *hash))
            .map(|(id, _)| id.clone())
            .collect();
        let own = if then.hash == stamp.hash { Own::Same } else { Own::Edited };
        let settled = !evidence.is_empty() && j.reviewed.is_some_and(|r| r >= as_of);
        if own == Own::Edited || !evidence.is_empty() {
            out.push(JudgementChange { judgement: name, own, evidence, settled });
        }
    }
    for name in previous.keys().filter(|name| !now.contains_key(*name)) {
        out.push(JudgementChange { judgement: name.clone(), own: Own::Removed, evidence: Vec::new(), settled: false });
    }
    out
}

/// The fields of each edited event of `diff`, by id, as the change report
/// names them ("date", "summary").
pub fn edited_fields(diff: &super::Diff) -> HashMap<&str, Vec<&'static str>> {
    diff.pillars
        .iter()
        .flat_map(|p| &p.edited)
        .map(|e| (e.event.id.as_str(), e.fields.iter().map(|f| f.field.name).collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::validate::validate_text;

    const DATA: &str = "[[pillar]]\nid = \"p\"\nname = \"P\"\n\
        [[event]]\nid = \"e\"\ntitle = \"E\"\ndate = 2025-01-01\npillar = \"p\"\nkind = \"visit\"\nsignificance = 3\nsummary = \"S.\"\nsources = [{ name = \"N\" }]\n\
        [[judgement]]\nid = \"j\"\ntext = \"T.\"\nlikelihood = \"likely\"\nconfidence = \"low\"\nevidence = [\"e\"]\n";

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_review_is_asked_when_the_evidence_changed_until_reviewed_on_the_runs_date() {
        let before = validate_text("d.toml", DATA).unwrap();
        let issued = stamps(&before);
        assert!(changes(issued.as_ref(), &before, day("2026-02-12")).is_empty(), "nothing changed");
        let edited = validate_text("d.toml", Box::leak(DATA.replace("summary = \"S.\"", "summary = \"S2.\"").into_boxed_str())).unwrap();
        let asked = changes(issued.as_ref(), &edited, day("2026-02-12"));
        assert_eq!(asked, [JudgementChange { judgement: "j".into(), own: Own::Same, evidence: vec!["e".into()], settled: false }]);
        let text = DATA.replace("summary = \"S.\"", "summary = \"S2.\"").replace("evidence = [\"e\"]", "evidence = [\"e\"]\nreviewed = 2026-02-12");
        let reviewed = validate_text("d.toml", Box::leak(text.into_boxed_str())).unwrap();
        assert!(changes(issued.as_ref(), &reviewed, day("2026-02-12"))[0].settled, "reviewed on the run's date");
        assert!(!changes(issued.as_ref(), &reviewed, day("2026-02-13"))[0].settled, "a later run asks again");
        let unrecorded = changes(None, &edited, day("2026-02-12"));
        assert_eq!(unrecorded, [JudgementChange { judgement: "j".into(), own: Own::Added, evidence: vec![], settled: false }], "a summary without judgements asks no review: the judgement is new");
        let own = validate_text("d.toml", Box::leak(DATA.replace("\"likely\"", "\"very likely\"").into_boxed_str())).unwrap();
        assert_eq!(changes(issued.as_ref(), &own, day("2026-02-12")), [JudgementChange { judgement: "j".into(), own: Own::Edited, evidence: vec![], settled: false }]);
        let gone = validate_text("d.toml", Box::leak(DATA.replace("id = \"j\"", "id = \"k\"").into_boxed_str())).unwrap();
        let both = changes(issued.as_ref(), &gone, day("2026-02-12"));
        assert_eq!(both.iter().map(|c| (c.judgement.as_str(), c.own)).collect::<Vec<_>>(), [("k", Own::Added), ("j", Own::Removed)]);
    }
}
