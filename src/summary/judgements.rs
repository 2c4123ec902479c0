//! The analyst's judgements as the briefing shows them (issue 25): each
//! with its confidence said apart and its evidence linked to the events'
//! places in the briefing, in data order. The tool writes no judgement of
//! its own: without `[[judgement]]` tables there is nothing here.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::dataset::judgements::{Judgement, Likelihood};
use crate::dataset::{Dataset, Event};
use crate::period::Period;

/// One judgement for the templates.
#[derive(Clone, Debug, Serialize)]
pub struct JudgementView {
    /// As the analyst wrote it, the likelihood word inside it.
    pub text: String,
    /// The likelihood as data files name it, dashed for the catalogue's
    /// selectors (`very-likely`).
    pub likelihood: String,
    /// `low`, `moderate` or `high`.
    pub confidence: &'static str,
    pub evidence: Vec<EvidenceView>,
    /// None of its evidence falls in the period: shown with that said.
    pub outside_period: bool,
    /// The one source all its evidence rests on, when there is one: the
    /// judgement is marked single-source.
    pub single_source: Option<String>,
}

/// One event a judgement rests on.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceView {
    pub title: String,
    /// Where the link points: the section of the event's pillar when the
    /// briefing shows it (a [`crate::slug::reference`] the report
    /// resolves), else none.
    pub anchor: Option<String>,
}

/// The judgements of `dataset`, their evidence linked to the sections of
/// the `anchors`' pillars.
pub(super) fn views(dataset: &Dataset, period: &Period, anchors: &BTreeMap<&str, String>) -> Vec<JudgementView> {
    if dataset.judgements.is_empty() {
        return Vec::new();
    }
    let events: BTreeMap<&str, &Event> = dataset.events.iter().map(|e| (e.id.as_str(), e)).collect();
    dataset.judgements.iter().map(|j| view(j, &events, period, anchors)).collect()
}

fn view(j: &Judgement, events: &BTreeMap<&str, &Event>, period: &Period, anchors: &BTreeMap<&str, String>) -> JudgementView {
    let cited: Vec<&Event> = j.evidence.iter().filter_map(|id| events.get(id.as_str()).copied()).collect();
    JudgementView {
        text: j.text.clone(),
        likelihood: j.likelihood.as_str().replace(' ', "-"),
        confidence: j.confidence.as_str(),
        evidence: cited
            .iter()
            .map(|e| EvidenceView {
                title: e.title.clone(),
                anchor: period.contains(*e).then(|| anchors.get(&*e.pillar).cloned()).flatten(),
            })
            .collect(),
        outside_period: !cited.iter().any(|e| period.contains(*e)),
        single_source: single_source(&cited),
    }
}

/// The name of the one source every event of `cited` rests on, if there is
/// exactly one among them all.
fn single_source(cited: &[&Event]) -> Option<String> {
    let names: std::collections::BTreeSet<&str> = cited.iter().flat_map(|e| &e.sources).map(|s| s.name.as_str()).collect();
    match names.len() {
        1 => names.first().map(|n| (*n).to_owned()),
        _ => None,
    }
}

/// One word of the estimative scale and the probabilities it stands for,
/// in percent.
#[derive(Clone, Debug, Serialize)]
pub struct ScaleStep {
    /// Dashed for the catalogue's selectors (`roughly-even-chance`).
    pub likelihood: String,
    pub from: u8,
    pub to: u8,
}

/// The whole scale when `dataset` has judgements, else nothing.
pub(super) fn scale(dataset: &Dataset) -> Vec<ScaleStep> {
    if dataset.judgements.is_empty() {
        return Vec::new();
    }
    Likelihood::ALL
        .iter()
        .map(|l| {
            let (from, to) = l.range();
            ScaleStep { likelihood: l.as_str().replace(' ', "-"), from, to }
        })
        .collect()
}
