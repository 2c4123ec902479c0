//! The JSON summary's schema: its types, and writing it. Read back for the
//! diff as [`super::previous::Previous`], which takes only what the diff
//! needs.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

pub use crate::dataset::event_fields::FieldValue;
use crate::dataset::{event_fields, Dataset, Event};

/// The JSON format's version.
pub const SCHEMA: u32 = 1;

/// The JSON summary of one briefing. `H` is how the events are held: read
/// back, a map of [`Stamp`]s; written, [`Hashes`], which takes each event's
/// fields from the dataset as it is written rather than holding them all.
/// `C` is what changed since the previous summary, worded by the report
/// layer and only written ([`to_json`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot<H = BTreeMap<String, Stamp>, C = NoChanges> {
    pub schema: u32,
    /// The version of the content hash's encoding ([`super::hash::ENCODING`]);
    /// 1 in summaries written before it was recorded.
    #[serde(default = "first_encoding")]
    pub hash_encoding: u32,
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
    /// What changed since the issued briefing compared with. Written for
    /// readers of the JSON; never read back.
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub changes: Option<C>,
    /// Who the period's events name (issue 13); `None` in summaries
    /// written before partners were recorded, so they are not compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners: Option<PartnerCounts>,
    /// Where the data came from (issue 24): a later run whose data are not
    /// these says it compares a different dataset. `None` in summaries
    /// written before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DataStamp>,
    /// When and under which reference the briefing was issued (`--issue`);
    /// `None` for a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<IssuedStamp>,
    /// The analyst's judgements (issue 25), by id (else by place): `None`
    /// when the data have none, and in summaries written before judgements
    /// existed, which ask for no review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judgements: Option<BTreeMap<String, JudgementStamp>>,
}

/// A judgement as a summary records it: a hash of its own keys (text,
/// likelihood, confidence, evidence, pillar) and the content hash of each
/// event it cites, so that a later run can tell its own edits from its
/// evidence's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgementStamp {
    pub hash: String,
    /// Event id → its content hash when the summary was written.
    pub evidence: BTreeMap<String, String>,
}

/// Where a summary's data came from: the source as the run named it, the
/// data folder's own name (the same in a clean clone and whatever the path
/// it was given by), and the dataset's pillars.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataStamp {
    /// `./data`, `my-data/events.toml`, `the built-in dataset`.
    pub source: String,
    /// The folder's (or file's) name, `data`; `built-in` for the dataset
    /// built into the binary.
    pub folder: String,
    /// Every pillar id of the dataset, sorted (not only those selected).
    pub pillars: Vec<String>,
}

/// An issued briefing's date (`--as-of`) and `[report] reference`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedStamp {
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// A summary read back or just made holds no changes: they are worded by
/// the report layer and handed to [`to_json`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NoChanges;

fn first_encoding() -> u32 {
    1
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

/// A period as the summary records it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub label: String,
    pub start: String,
    pub end: String,
}

/// One pillar's counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PillarCounts {
    pub id: String,
    pub name: String,
    pub count: usize,
    pub related: usize,
    /// Dated events begun in each year of the period; the undated ones
    /// are under `undated`, those begun before the period under
    /// `begun_before`.
    pub per_year: BTreeMap<String, usize>,
    /// Events begun before the period and running into it (counted in no
    /// year of it); 0 in summaries written before it was recorded. The
    /// years, these and the undated add up to `count`.
    #[serde(default)]
    pub begun_before: usize,
    /// Undated events per span, `"2024..2026"` → count.
    #[serde(default)]
    pub undated: BTreeMap<String, usize>,
    #[serde(default)]
    pub planned: usize,
    pub per_kind: BTreeMap<String, usize>,
    pub highlights: Vec<String>,
}

/// `--compare`: the second period's counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub period: Span,
    pub events: usize,
    /// Pillar id → count.
    pub pillars: BTreeMap<String, usize>,
    /// Kind → count.
    pub per_kind: BTreeMap<String, usize>,
}

/// One event of the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub pillar: String,
    pub title: String,
    pub hash: String,
    /// Every shown field as a reader sees it, by name
    /// ([`event_fields::Shown`]), so that the next run can say what changed
    /// field by field. Summaries written before fields were kept have none;
    /// their edits are named without details.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldValue>,
}

/// The room made for a JSON summary: this much, and this much an event.
const JSON_BASE_BYTES: usize = 64 * 1024;
const JSON_EVENT_BYTES: usize = 1280;

/// The summary as JSON with what changed since the previous one (worded by
/// the report layer), each event's fields taken from `dataset` as it is
/// written.
pub fn to_json<C: Serialize>(snapshot: &Snapshot, changes: Option<&C>, dataset: &Dataset) -> Vec<u8> {
    let events: HashMap<&str, &Event> = dataset.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let out = Snapshot {
        schema: snapshot.schema,
        hash_encoding: snapshot.hash_encoding,
        period: snapshot.period.clone(),
        as_of: snapshot.as_of.clone(),
        events: snapshot.events,
        undated: snapshot.undated,
        planned: snapshot.planned,
        pillars: snapshot.pillars.clone(),
        compare: snapshot.compare.clone(),
        hashes: Hashes { stamps: &snapshot.hashes, events: &events, dataset },
        changes,
        partners: snapshot.partners.clone(),
        data: snapshot.data.clone(),
        issued: snapshot.issued.clone(),
        judgements: snapshot.judgements.clone(),
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
    pub(super) stamps: &'a BTreeMap<String, Stamp>,
    pub(super) events: &'a HashMap<&'a str, &'a Event>,
    pub(super) dataset: &'a Dataset,
}

impl Serialize for Hashes<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.stamps.len()))?;
        for (id, stamp) in self.stamps {
            let fields = match self.events.get(id.as_str()) {
                Some(e) if stamp.fields.is_empty() => Cow::Owned(event_fields::views(self.dataset, e)),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(fields: &[(&str, FieldValue)]) -> Stamp {
        Stamp {
            pillar: "energy".into(),
            title: "A".into(),
            hash: "1".into(),
            fields: fields.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
        }
    }

    #[test]
    fn stamps_are_written_as_they_read_back() {
        // `StampOut` writes a `Stamp` without copying it: a field added to
        // one and not the other fails here.
        let dataset = crate::dataset::load(&crate::dataset::DataSource::Builtin).unwrap();
        let stamps: BTreeMap<String, Stamp> = [
            (
                "edited".to_owned(),
                stamp(&[("title", FieldValue::Text("A".into())), ("partners", FieldValue::List(vec!["Türkiye".into()]))]),
            ),
            ("older".to_owned(), stamp(&[])),
        ]
        .into();
        let events = HashMap::new();
        let written = serde_json::to_string(&Hashes { stamps: &stamps, events: &events, dataset: &dataset }).unwrap();
        assert_eq!(written, serde_json::to_string(&stamps).unwrap());
        assert_eq!(serde_json::from_str::<BTreeMap<String, Stamp>>(&written).unwrap(), stamps);
    }
}
