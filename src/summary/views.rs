//! The summary's parts as the templates see them: plain data, already
//! counted and ordered, each list in a defined order.

use std::collections::BTreeMap;

use serde::Serialize;

use super::partners;
use crate::dataset::{Event, Reliability, Status};
use crate::period::Period;
use crate::words::{Arg, Catalogue};

/// The counts of the `--compare` period.
#[derive(Clone, Debug, Serialize)]
pub struct CompareView {
    /// The period: `label`, `display`, `start` and `end` to the templates.
    #[serde(flatten)]
    pub period: Period,
    pub events: usize,
    /// Pillar id → events.
    pub pillars: BTreeMap<String, usize>,
    /// Kind → events.
    pub per_kind: BTreeMap<String, usize>,
}

/// The executive summary: totals, one row per pillar, top highlights.
#[derive(Clone, Debug, Serialize)]
pub struct Executive {
    pub totals: Totals,
    pub pillars: Vec<PillarRow>,
    /// Events in the period per kind, all pillars together.
    pub per_kind: Vec<KindCount>,
    /// The same, in two columns side by side: row `n` holds kind `n` and
    /// kind `n + half` (a compact table; issue 9).
    pub per_kind_pairs: Vec<(KindCount, Option<KindCount>)>,
    /// Events per kind and reported pillar, a row per kind that occurs
    /// (one table for the four pillars' tables of kinds by year, issue 27,
    /// item 2), with the pillars' short names as its columns.
    pub kind_pillars: Vec<KindPillars>,
    pub pillar_shorts: Vec<String>,
    /// The same pillars' events by the year they began: a row for those
    /// begun before the period (when any), one per year of the period and
    /// one per undated span, each a cell per pillar.
    pub year_pillars: Vec<KindPillars>,
    /// Of the events of those rows, the planned ones per pillar ("of them
    /// planned"), when any: plans are counted apart wherever counts are
    /// printed (issue 25, item 6).
    pub planned_pillars: Option<KindPillars>,
    /// The pie of events per pillar: each pillar's name, with its planned
    /// events said ("(2 planned)", issue 25 item 6), its count and colour.
    pub pie: Vec<PieSlice>,
    pub top_highlights: Vec<EventView>,
    /// The most significant events of the period on a time axis.
    pub timeline: Vec<TimelineEvent>,
    /// The sentence over the timeline, from its [`super::Fact::Timeline`]
    /// (empty without events).
    pub timeline_sentence: String,
    /// The timeline chart's description as far as it counts, from its
    /// [`super::Fact::TimelineChart`]: the chart's accDescr and alt text
    /// begin with it (empty without events).
    pub timeline_alt: String,
    /// What the numbers say plainly, one figure a sentence, with no
    /// evaluative word (issue 25, item 5): the template sets them as "Key
    /// figures". The analyst's judgements are the summary's `judgements`.
    pub key_figures: Vec<String>,
    /// The opening sentences: the totals, the undated facts and the plans,
    /// each from its [`super::Fact`].
    pub opening: String,
    /// What to watch (issue 25, item 3): plans not yet passed and spans
    /// still running at the report's date, in date order; empty, the
    /// section is left out.
    pub watch: Vec<super::watch::WatchItem>,
    /// Who the period's events name, by kind and region (issue 13).
    pub partners: partners::Partners,
}

/// An event on the timeline: its span clamped to the period.
#[derive(Clone, Debug, Serialize)]
pub struct TimelineEvent {
    pub title: String,
    pub pillar_name: String,
    /// The pillar's position in the report, 0-based: its colour.
    pub colour: usize,
    pub start: String,
    pub end: String,
    pub significance: u8,
    /// Known to the day and one day long: a point, not a bar.
    pub single_day: bool,
    /// Somewhere in `start..end`, not over it (issue 15).
    pub undated: bool,
    pub planned: bool,
    /// Known only to the month or year: drawn over the span it stands
    /// for, its mark in the middle, not on the first day.
    pub imprecise: bool,
    /// The lane's label: the pillar's short name, else its name.
    pub lane: String,
    /// The date as the data give it, in the run's words ("February 2026",
    /// "undated, 2024–2026"): what a description says of an event not
    /// known to the day, never the days drawn for it.
    pub when: String,
}

/// A pillar's line in the executive summary.
#[derive(Clone, Debug, Serialize)]
pub struct PillarRow {
    pub id: String,
    pub name: String,
    /// Position in the report, 0-based: the pillar's colour.
    pub colour: usize,
    pub count: usize,
    pub share: f64,
    /// Of its events, those only planned.
    pub planned: usize,
    pub related: usize,
    /// Events in the `--compare` period.
    pub compare: Option<usize>,
}

/// The sources cited by the period's events.
#[derive(Clone, Debug, Serialize)]
pub struct Sources {
    pub list: Vec<SourceView>,
    /// The first page's sentence on what the period's events rest on
    /// (issue 25); `None` without events.
    pub provenance: Option<String>,
    /// Some source is graded or some citation gives a credibility: the
    /// about-note then gives the Admiralty scale's wording.
    pub admiralty: bool,
    /// Every event of the period cites the same one source alike (name,
    /// address, date, no grade of its own): the Sources annex and the
    /// provenance sentence say it once, so a highlight repeats no source
    /// line (issue 27, item 2).
    pub one_for_all: bool,
}

impl Sources {
    pub(super) fn new(list: Vec<SourceView>, provenance: Option<String>, events: &[&crate::dataset::Event]) -> Sources {
        let admiralty = list.iter().any(|s| s.grade.as_deref().is_some_and(|g| !g.is_empty()) || !s.credibility.is_empty());
        let citation = |s: &crate::dataset::Source| (s.name.clone(), s.url.clone(), s.published, s.credibility);
        let first = events.first().and_then(|e| e.sources.first()).map(citation);
        let one_for_all = list.len() == 1
            && first.as_ref().is_some_and(|f| f.3.is_none())
            && events.iter().all(|e| e.sources.len() == 1 && e.sources.first().map(citation) == first);
        Sources { list, provenance, admiralty, one_for_all }
    }
}

/// The provenance sentence for `events`, in the run's words: how many
/// sources, how many events rest on one source alone, the sources' grades
/// (or that they are ungraded) and what each says of itself (its funding).
/// Sources are told apart by name, as the Sources section lists them.
pub(super) fn provenance(words: &Catalogue, events: &[&Event]) -> Option<String> {
    if events.is_empty() {
        return None;
    }
    let mut by_name: BTreeMap<&str, (Option<Reliability>, std::collections::BTreeSet<&str>)> = BTreeMap::new();
    let mut single = 0;
    for e in events {
        let mut names: Vec<&str> = Vec::with_capacity(e.sources.len());
        for source in &e.sources {
            let entry = by_name.entry(&source.name).or_default();
            entry.0 = entry.0.or(source.reliability);
            entry.1.extend(source.note.as_deref());
            if !names.contains(&source.name.as_str()) {
                names.push(&source.name);
            }
        }
        single += usize::from(names.len() == 1);
    }
    // A note is quoted; the sentence's own full stop follows the quote.
    let quoted = |note: &str| note.trim_end_matches('.').to_owned();
    let graded: Vec<&str> = by_name.values().filter_map(|(r, _)| r.map(Reliability::as_str)).collect();
    if let [(name, (grade, notes))] = by_name.iter().collect::<Vec<_>>()[..] {
        let notes: Vec<String> = notes.iter().map(|n| quoted(n)).collect();
        return Some(words.text(
            "provenance-one",
            &[
                ("events", events.len().into()),
                ("source", (*name).into()),
                ("graded", usize::from(grade.is_some()).into()),
                ("grade", grade.map_or("", Reliability::as_str).into()),
                ("notes", notes.len().into()),
                ("note", notes.join("; ").into()),
            ],
        ));
    }
    let mut grades: Vec<&str> = graded.clone();
    grades.sort_unstable();
    grades.dedup();
    let notes: Vec<String> = by_name
        .iter()
        .flat_map(|(name, (_, notes))| notes.iter().map(move |n| (name, n)))
        .map(|(name, note)| words.text("provenance-note", &[("source", (*name).into()), ("note", quoted(note).into())]))
        .collect();
    Some(words.text(
        "provenance-many",
        &[
            ("events", events.len().into()),
            ("sources", by_name.len().into()),
            ("single", single.into()),
            ("graded", graded.len().into()),
            ("grades", words.and_list(&grades).into()),
            ("ungraded", (by_name.len() - graded.len()).into()),
            ("notes", notes.len().into()),
            ("note", notes.join("; ").into()),
        ],
    ))
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Totals {
    /// Events in the period, in the selected pillars.
    pub events: usize,
    /// Pillars in the report.
    pub pillars: usize,
    /// Distinct partners named by those events.
    pub partners: usize,
    /// Events of significance 5.
    pub landmarks: usize,
    /// Events that began before the period and run into it.
    pub carried_in: usize,
    /// Events the source places in a span without a date.
    pub undated: usize,
    /// Events only planned.
    pub planned: usize,
}

/// A slice of the pie of events per pillar.
#[derive(Clone, Debug, Serialize)]
pub struct PieSlice {
    pub name: String,
    pub count: usize,
    pub colour: usize,
}

/// One pillar over the period.
#[derive(Clone, Debug, Serialize)]
pub struct PillarSummary {
    pub id: String,
    pub name: String,
    pub summary: Option<String>,
    /// 1-based position in the report.
    pub position: usize,
    /// 0-based position: the pillar's colour.
    pub colour: usize,
    /// Events whose primary pillar this is.
    pub count: usize,
    /// `count` as a fraction of all events in the period (0 to 1).
    pub share: f64,
    /// Every calendar year of the period, with the events that began in
    /// it; events begun before the period and undated events are never
    /// counted here.
    pub per_year: Vec<YearCount>,
    /// Events that began before the period and run into it.
    pub begun_before: usize,
    /// The heading of their column, "Begun before 2024", when there are
    /// any.
    pub begun_before_label: Option<String>,
    /// Events only planned.
    pub planned: usize,
    /// The planned events as a row of the table ("of them planned"), when
    /// there are any.
    pub planned_row: Option<KindYears>,
    /// Undated events, a count per span (a column of their own beside the
    /// years).
    pub undated: Vec<SpanCount>,
    /// Kinds that occur, in the contract's order.
    pub per_kind: Vec<KindCount>,
    /// The statistics block: a row per kind that occurs, a count per year
    /// of `per_year` and per span of `undated`, in that order (issue 9).
    pub kind_years: Vec<KindYears>,
    /// Distinct partners, sorted.
    pub partners: Vec<String>,
    /// The main partners and the regional spread, for one line.
    pub partner_spread: partners::PillarPartners,
    /// Where a link to the pillar's section points: a
    /// [`crate::slug::reference`] that the report resolves to the anchor of
    /// the heading its template rendered.
    pub anchor: String,
    /// How many events of other pillars name this one under `also`.
    pub related_count: usize,
    /// The most significant of those whose own pillar the briefing does not
    /// report ([`RELATED_LISTED`]), by date: an event of a reported pillar
    /// states its relation in its own entry ([`EventView::also`]), once
    /// (issue 27, item 2).
    pub related: Vec<EventView>,
    /// How many related events `related` is cut from.
    pub related_apart: usize,
    pub highlights: Vec<EventView>,
    /// The pillar's other events, by date: each printed once, as a short
    /// entry after the highlights, so that every summary stands in the
    /// briefing exactly once (issue 27, item 2).
    pub rest: Vec<EventView>,
    /// How many other events it has: `rest` is cut short when more
    /// ([`super::REST_LISTED`]).
    pub rest_count: usize,
}

/// One row of the overview's table of events by year and kind per pillar:
/// its label (a kind, a year, a span), a count per reported pillar in
/// report order, and the total.
#[derive(Clone, Debug, Serialize)]
pub struct KindPillars {
    pub name: String,
    pub cells: Vec<usize>,
    pub total: usize,
}

/// A kind's events begun before the period, per year and per undated span,
/// and in all.
#[derive(Clone, Debug, Serialize)]
pub struct KindYears {
    pub name: String,
    pub before: usize,
    pub cells: Vec<usize>,
    pub total: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct YearCount {
    pub year: i32,
    pub count: usize,
}

/// Undated events of one span.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SpanCount {
    /// ISO at their precision (`2024`, `2026`).
    pub from: String,
    pub until: String,
    pub count: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct KindCount {
    pub kind: &'static str,
    /// The kind's name in the run's catalogue: "Summit".
    pub name: String,
    pub count: usize,
    /// Of them, events only planned.
    pub planned: usize,
    /// Events in the `--compare` period (executive summary only).
    pub compare: Option<usize>,
}

/// One event as the templates see it.
#[derive(Clone, Debug, Serialize)]
pub struct EventView {
    pub id: String,
    pub title: String,
    /// ISO at the date's precision (`2024-11`); the `date` helper formats it.
    pub date: String,
    pub until: Option<String>,
    pub pillar: String,
    pub pillar_name: String,
    pub kind: &'static str,
    pub significance: u8,
    pub partners: Vec<String>,
    pub summary: String,
    pub figures: Vec<FigureView>,
    pub sources: Vec<CitationView>,
    pub tags: Vec<String>,
    /// Whether it began before the period.
    pub carried_in: bool,
    /// Somewhere in `date..until`, not a span.
    pub undated: bool,
    /// Announced, not (yet) happened.
    pub planned: bool,
    /// The other pillars it bears on (`also`), by their short names: said
    /// once, in its entry, instead of a list of related events under each
    /// of them.
    pub also: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FigureView {
    pub label: String,
    pub value: f64,
    pub unit: Option<String>,
    /// Shown as "about".
    pub approx: bool,
}

/// One source as an event cites it.
#[derive(Clone, Debug, Serialize)]
pub struct CitationView {
    pub name: String,
    pub url: Option<String>,
    pub published: Option<String>,
    /// The information's credibility on the Admiralty scale (1 to 6), as
    /// the event's citation grades it (issue 25).
    pub credibility: Option<u8>,
}

/// One publication in the sources section: every citation of the same
/// source name, so that a source cited by 10,000 events at 10,000 addresses
/// is one line, not 10,000.
#[derive(Clone, Debug, Serialize)]
pub struct SourceView {
    pub name: String,
    /// The address, when all its citations share one.
    pub url: Option<String>,
    /// First and last publication dates cited (equal for one date).
    pub published: Option<String>,
    pub published_until: Option<String>,
    /// Distinct addresses cited.
    pub addresses: usize,
    /// Events in the period citing it.
    pub events: usize,
    /// What the source says about itself, each distinct note once.
    pub notes: Vec<String>,
    /// For a source of the `[[source]]` registry (issue 25): what sort of
    /// publisher it is (`media`), and its reliability grade (`B`), empty
    /// when ungraded.
    pub kind: Option<String>,
    pub grade: Option<String>,
    /// The credibility grades (1 to 6) its citations give the information,
    /// each with how many events of the period cite it so (issue 25).
    pub credibility: Vec<GradeCount>,
}

/// One credibility grade of the Admiralty scale and the events that give it.
#[derive(Clone, Debug, Serialize)]
pub struct GradeCount {
    pub grade: u8,
    pub events: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct DataNote {
    pub source: String,
    /// Every file read, as displayed in diagnostics.
    pub files: Vec<String>,
    /// Files defining events, relative to the data folder.
    pub event_files: Vec<String>,
    /// Files defining pillars, relative to the data folder.
    pub pillar_files: Vec<String>,
    pub events_in_dataset: usize,
    pub pillars_in_dataset: usize,
    pub events_in_period: usize,
    /// Events of the period the source places in a span without a date.
    pub undated_in_period: usize,
    /// Their spans, earliest first.
    pub undated_spans: Vec<SpanCount>,
    /// Planned events of the period.
    pub planned_in_period: usize,
}

/// An event's title as printed wherever it is (issue 25, item 7): with
/// who says so, when the source hedges the fact, and the figure that is
/// the fact, in the run's words.
pub(super) fn shown_title(words: &Catalogue, e: &Event) -> String {
    let figure = e.figures.iter().find(|f| f.lead).map(|f| {
        let number = words.figure(f.value);
        let value = if f.approx { words.text("figure-about", &[("value", number.into())]) } else { number };
        let label = ("label", Arg::from(f.label.as_str()));
        match &f.unit {
            Some(unit) => words.text("event-figure-unit", &[label, ("value", value.into()), ("unit", unit.as_str().into())]),
            None => words.text("event-figure", &[label, ("value", value.into())]),
        }
    });
    let title = ("title", Arg::from(e.title.as_str()));
    match (e.attribution.as_deref(), figure) {
        (None, None) => e.title.clone(),
        (Some(by), None) => words.text("event-title-attributed", &[title, ("attribution", by.into())]),
        (None, Some(figure)) => words.text("event-title-figure", &[title, ("figure", figure.into())]),
        (Some(by), Some(figure)) => {
            words.text("event-title-attributed-figure", &[title, ("attribution", by.into()), ("figure", figure.into())])
        }
    }
}

/// An event's partners as its line lists them: the partners first, then
/// what the event names that is no partner there, marked: Azerbaijan's own
/// bodies, names only mentioned (issue 25, item 6).
fn partner_line(e: &Event, lookup: &super::partners::Lookup<'_>, words: &Catalogue) -> Vec<String> {
    let (partners, apart): (Vec<_>, Vec<_>) = e.partner_roles().partition(|&(name, role)| lookup.counts(name, role));
    let marked = apart.into_iter().map(|(name, role)| {
        if lookup.own(name) {
            words.text("partner-own", &[("name", Arg::from(name))])
        } else if role == crate::dataset::Role::Mentioned {
            words.text("partner-mentioned", &[("name", Arg::from(name))])
        } else {
            name.to_owned()
        }
    });
    partners.into_iter().map(|(name, _)| name.to_owned()).chain(marked).collect()
}

pub(super) fn event_view(
    e: &Event,
    pillar_names: &BTreeMap<&str, &str>,
    period: &Period,
    lookup: &super::partners::Lookup<'_>,
    words: &Catalogue,
) -> EventView {
    EventView {
        id: e.id.clone(),
        title: shown_title(words, e),
        date: e.date.to_string(),
        until: e.until.map(|u| u.to_string()),
        pillar: e.pillar.to_string(),
        pillar_name: pillar_names
            .get(&*e.pillar)
            .copied()
            .unwrap_or(&e.pillar)
            .to_owned(),
        kind: e.kind.as_str(),
        significance: e.significance,
        partners: partner_line(e, lookup, words),
        summary: e.summary.clone(),
        // The lead figure is in the event's title wherever it is shown
        // ([`shown_title`]): its entry lists the others only (issue 27,
        // item 2: one place per fact).
        figures: e
            .figures
            .iter()
            .filter(|f| !f.lead)
            .map(|f| FigureView {
                label: f.label.clone(),
                value: f.value,
                unit: f.unit.clone(),
                approx: f.approx,
            })
            .collect(),
        sources: e
            .sources
            .iter()
            .map(|s| CitationView {
                name: s.name.clone(),
                url: s.url.clone(),
                published: s.published.map(|d| d.to_string()),
                credibility: s.credibility,
            })
            .collect(),
        tags: e.tags.clone(),
        carried_in: period.began_before(e),
        undated: e.undated,
        planned: e.status == Status::Planned,
        also: Vec::new(),
    }
}
