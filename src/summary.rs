//! Selecting the period's events and summarising each pillar.
//!
//! The result, [`Summary`], is everything the templates print, already
//! counted and ordered, so that templates only lay it out. Every list that is
//! printed has a defined order (dates, then ids), so the same data always
//! give the same report.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::dataset::{Dataset, Event, Kind, ReportMeta, Status};
use crate::date::PartialDate;
use crate::period::Period;

pub mod partners;

/// How many events the executive summary lists across all pillars.
pub const TOP_HIGHLIGHTS: usize = 5;

/// How many events the timeline shows: the most significant, so that a
/// dataset of thousands stays a readable chart.
pub const TIMELINE_EVENTS: usize = 40;

/// How many related events a pillar's section lists (the most significant,
/// in date order); the count always covers them all.
pub const RELATED_LISTED: usize = 10;

/// What the caller asks of the summary.
#[derive(Clone, Debug)]
pub struct Selection<'a> {
    pub period: &'a Period,
    /// Highlights per pillar.
    pub highlights: usize,
    /// Only these pillars (all when empty); ids already checked to exist.
    pub pillars: &'a [String],
    pub as_of: NaiveDate,
    /// Whether to list every event of the period in a chronology.
    pub chronology: bool,
    /// `--compare`: a second period whose counts stand beside these.
    pub compare: Option<&'a Period>,
    /// Where the data came from, for the data note.
    pub data_source: String,
}

/// Everything a briefing says, ready for the templates.
///
/// Each section that a partial renders is its own object (`executive`,
/// `chronology`, `sources`): Handlebars copies a partial's context, so
/// partials get their section, not the whole summary, and reach shared
/// values through `@root`.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub report: ReportMeta,
    pub period: PeriodView,
    /// The report's date, ISO (`2026-02-12`); templates format it.
    pub as_of: String,
    pub executive: Executive,
    pub pillars: Vec<PillarSummary>,
    pub chronology: Chronology,
    pub sources: Sources,
    pub data: DataNote,
    /// `--compare`: the second period's counts.
    pub compare: Option<CompareView>,
    /// Every partner of the period with its events, for the index at the
    /// end (issue 13).
    pub partner_index: Vec<partners::IndexEntry>,
    /// How many events the index lists under one partner at most.
    pub index_events: usize,
    /// The ids of the events in the period, for the JSON summary.
    #[serde(skip)]
    pub selected: Vec<String>,
}

/// The counts of the `--compare` period.
#[derive(Clone, Debug, Serialize)]
pub struct CompareView {
    pub label: String,
    pub display: String,
    pub start: String,
    pub end: String,
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
    pub top_highlights: Vec<EventView>,
    /// The most significant events of the period on a time axis.
    pub timeline: Vec<TimelineEvent>,
    /// What the numbers say plainly, one sentence each, only what they
    /// support (no tie is called a lead): the template sets them as a
    /// "Key judgements" callout.
    pub judgements: Vec<String>,
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
    pub related: usize,
    /// Events in the `--compare` period.
    pub compare: Option<usize>,
}

/// A chronology of more events than this in one year is grouped by month
/// within the year too.
pub const CHRONOLOGY_MONTHS_OVER: usize = 40;

/// Every event in the period, by start date.
#[derive(Clone, Debug, Serialize)]
pub struct Chronology {
    /// False with `--no-chronology`: the section is left out.
    pub included: bool,
    /// The dated events. Not given to the templates: `years` holds them
    /// too, and each copy of 10,000 rows cost the Markdown briefing 110 MB
    /// of peak memory.
    #[serde(skip)]
    pub events: Vec<ChronologyEntry>,
    /// The dated events by year (of the start date, clamped to the period),
    /// and by month in a year of many (issue 9).
    pub years: Vec<ChronologyYear>,
    /// The undated ones, a group per span, earliest span first.
    pub undated: Vec<UndatedGroup>,
}

/// A year of the chronology: its events, or, in a year of more than
/// [`CHRONOLOGY_MONTHS_OVER`], its months (`events` then empty).
#[derive(Clone, Debug, Serialize)]
pub struct ChronologyYear {
    pub year: i32,
    pub events: Vec<ChronologyEntry>,
    pub months: Vec<ChronologyMonth>,
}

/// A month of a long year; `name` is "March 2025", or "2025, month not
/// known" for the events known only to the year.
#[derive(Clone, Debug, Serialize)]
pub struct ChronologyMonth {
    pub name: String,
    pub events: Vec<ChronologyEntry>,
}

/// The events the source places somewhere in one span without a date.
#[derive(Clone, Debug, Serialize)]
pub struct UndatedGroup {
    /// The span's bounds, ISO at their precision (`2024`, `2026`).
    pub from: String,
    pub until: String,
    pub events: Vec<ChronologyEntry>,
}

/// One line of the chronology: only what the table prints goes to the
/// templates, so that a dataset of 100,000 events stays cheap to render
/// (Handlebars holds its data as a JSON tree, about ten times the text).
#[derive(Clone, Debug, Serialize)]
pub struct ChronologyEntry {
    #[serde(skip)]
    pub id: String,
    pub title: String,
    pub date: String,
    pub until: Option<String>,
    #[serde(skip)]
    pub pillar: String,
    pub pillar_name: String,
    /// The pillar's short name (`short`), else its name.
    pub pillar_short: String,
    /// The pillar's position in the report, 0-based: its colour.
    pub colour: usize,
    pub kind: &'static str,
    #[serde(skip)]
    pub significance: u8,
    #[serde(skip)]
    pub undated: bool,
    pub planned: bool,
}

/// The sources cited by the period's events.
#[derive(Clone, Debug, Serialize)]
pub struct Sources {
    pub list: Vec<SourceView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PeriodView {
    /// As given on the command line (`2024-2026`).
    pub label: String,
    /// For people (`2024–2026`).
    pub display: String,
    pub start: String,
    pub end: String,
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
    /// Every calendar year of the period, by start date clamped to it;
    /// undated events are never counted here.
    pub per_year: Vec<YearCount>,
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
    /// The most significant of them ([`RELATED_LISTED`]), by date.
    pub related: Vec<EventView>,
    pub highlights: Vec<EventView>,
}

/// A kind's events per year and per undated span, and in all.
#[derive(Clone, Debug, Serialize)]
pub struct KindYears {
    pub name: &'static str,
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
    pub name: &'static str,
    pub count: usize,
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

/// Keeps the events of the selection and summarises them.
pub fn summarise(dataset: &Dataset, selection: &Selection<'_>) -> Summary {
    let period = selection.period;
    let pillars: Vec<_> = dataset
        .pillars
        .iter()
        .filter(|p| selection.pillars.is_empty() || selection.pillars.contains(&p.id))
        .collect();
    let pillar_names: BTreeMap<&str, &str> = dataset
        .pillars
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let in_period: Vec<&Event> = dataset
        .events
        .iter()
        .filter(|e| period.overlaps(e.first_day(), e.last_day()))
        .collect();
    let mut selected: Vec<&Event> = in_period
        .iter()
        .copied()
        .filter(|e| pillars.iter().any(|p| *p.id == *e.pillar))
        .collect();
    selected.sort_by_cached_key(|e| chronological(e));

    let view = |e: &Event| event_view(e, &pillar_names, period);
    let total = selected.len();
    let lookup = partners::Lookup::new(dataset);
    let tally = partners::Tally::new(&lookup, &selected);
    let pillar_ids: Vec<&str> = pillars.iter().map(|p| p.id.as_str()).collect();
    let mut spreads = partners::pillars(&tally, &selected, &pillar_ids).into_iter();
    let mut summaries = Vec::with_capacity(pillars.len());
    for (index, pillar) in pillars.iter().enumerate() {
        let own: Vec<&Event> = selected
            .iter()
            .copied()
            .filter(|e| *e.pillar == *pillar.id)
            .collect();
        let related: Vec<&Event> = in_period
            .iter()
            .copied()
            .filter(|e| e.also.iter().any(|a| **a == *pillar.id))
            .collect();
        let related_count = related.len();
        let mut related = highlights(&related, RELATED_LISTED);
        related.sort_by_cached_key(|e| chronological(e));
        summaries.push(PillarSummary {
            id: pillar.id.clone(),
            name: pillar.name.clone(),
            summary: pillar.summary.clone(),
            position: index + 1,
            colour: index,
            count: own.len(),
            share: if total == 0 {
                0.0
            } else {
                own.len() as f64 / total as f64
            },
            per_year: per_year(&own, period),
            undated: undated_spans(&own),
            per_kind: per_kind(&own),
            kind_years: kind_years(&own, period),
            partners: partners(&own).into_iter().map(str::to_owned).collect(),
            partner_spread: spreads.next().unwrap_or_default(),
            anchor: crate::slug::reference(&pillar.id),
            related_count,
            related: related.into_iter().map(view).collect(),
            highlights: highlights(&own, selection.highlights)
                .into_iter()
                .map(view)
                .collect(),
        });
    }

    let sources = cite(&selected);

    let compare = selection.compare.map(|other| compare_counts(dataset, &pillars, other));
    let other_events: Option<Vec<&Event>> = selection.compare.map(|other| {
        dataset
            .events
            .iter()
            .filter(|e| other.overlaps(e.first_day(), e.last_day()) && pillars.iter().any(|p| *p.id == *e.pillar))
            .collect()
    });
    let pillar_order: BTreeMap<&str, (usize, &str)> =
        pillars.iter().enumerate().map(|(i, p)| (p.id.as_str(), (i, p.name.as_str()))).collect();
    let anchors: BTreeMap<&str, String> =
        summaries.iter().map(|p| (pillar_order.get_key_value(p.id.as_str()).map_or("", |(k, _)| *k), p.anchor.clone())).collect();
    let executive = Executive {
        totals: Totals {
            events: total,
            pillars: pillars.len(),
            partners: tally.len(),
            landmarks: selected.iter().filter(|e| e.significance == 5).count(),
            carried_in: selected
                .iter()
                .filter(|e| !e.undated && e.first_day() < period.start)
                .count(),
            undated: selected.iter().filter(|e| e.undated).count(),
            planned: selected.iter().filter(|e| e.status == Status::Planned).count(),
        },
        pillars: summaries
            .iter()
            .map(|p| PillarRow {
                id: p.id.clone(),
                name: p.name.clone(),
                colour: p.colour,
                count: p.count,
                share: p.share,
                related: p.related_count,
                compare: compare.as_ref().map(|c| c.pillars.get(&p.id).copied().unwrap_or(0)),
            })
            .collect(),
        per_kind: with_compare(per_kind(&selected), compare.as_ref()),
        per_kind_pairs: pairs(per_kind(&selected)),
        top_highlights: highlights(&selected, TOP_HIGHLIGHTS)
            .into_iter()
            .map(view)
            .collect(),
        timeline: timeline(&selected, &pillars, period),
        judgements: judgements(&summaries, &selected, period),
        partners: partners::summarise(&tally, &selected, &pillar_order, other_events.as_deref()),
    };
    let indexed = executive.totals.partners;
    Summary {
        report: dataset.report.clone(),
        period: PeriodView {
            label: period.label.clone(),
            display: period.display(),
            start: period.start.to_string(),
            end: period.end.to_string(),
        },
        as_of: selection.as_of.to_string(),
        executive,
        pillars: summaries,
        chronology: chronology(&selected, &pillar_labels(&dataset.pillars, &pillars), period, selection.chronology),
        sources: Sources { list: sources },
        data: DataNote {
            source: selection.data_source.clone(),
            files: dataset.files.clone(),
            event_files: dataset.contents.iter().filter(|f| f.events > 0).map(|f| f.path.clone()).collect(),
            pillar_files: dataset.contents.iter().filter(|f| f.pillars > 0).map(|f| f.path.clone()).collect(),
            events_in_dataset: dataset.events.len(),
            pillars_in_dataset: dataset.pillars.len(),
            events_in_period: total,
            undated_in_period: selected.iter().filter(|e| e.undated).count(),
            undated_spans: undated_spans(&selected),
            planned_in_period: selected.iter().filter(|e| e.status == Status::Planned).count(),
        },
        compare,
        partner_index: partners::index(&tally, &selected, &anchors),
        index_events: partners::index_events(indexed),
        selected: selected.iter().map(|e| e.id.clone()).collect(),
    }
}

/// What the chronology shows of a pillar.
struct PillarLabel<'p> {
    name: &'p str,
    short: Option<&'p str>,
    colour: usize,
}

/// Every pillar's label; the colour is the position among those reported.
fn pillar_labels<'p>(all: &'p [crate::dataset::Pillar], reported: &[&crate::dataset::Pillar]) -> BTreeMap<&'p str, PillarLabel<'p>> {
    all.iter()
        .map(|p| {
            let colour = reported.iter().position(|r| r.id == p.id).unwrap_or(0);
            (p.id.as_str(), PillarLabel { name: &p.name, short: p.short.as_deref(), colour })
        })
        .collect()
}

/// The chronology: dated events by date, then the undated ones grouped by
/// span (empty when left out).
fn chronology(selected: &[&Event], labels: &BTreeMap<&str, PillarLabel<'_>>, period: &Period, included: bool) -> Chronology {
    let mut chronology = Chronology { included, events: Vec::new(), years: Vec::new(), undated: Vec::new() };
    if !included {
        return chronology;
    }
    let entry = |e: &Event| {
        let label = labels.get(&*e.pillar);
        ChronologyEntry {
            id: e.id.clone(),
            title: e.title.clone(),
            date: e.date.to_string(),
            until: e.until.map(|u| u.to_string()),
            pillar: e.pillar.to_string(),
            pillar_name: label.map_or(&*e.pillar, |l| l.name).to_owned(),
            pillar_short: label.map_or(&*e.pillar, |l| l.short.unwrap_or(l.name)).to_owned(),
            colour: label.map_or(0, |l| l.colour),
            kind: e.kind.as_str(),
            significance: e.significance,
            undated: e.undated,
            planned: e.status == Status::Planned,
        }
    };
    chronology.events = selected.iter().filter(|e| !e.undated).map(|e| entry(e)).collect();
    // By year, then by month in a long year; `selected` is in date order.
    let mut years: BTreeMap<i32, Vec<(&Event, ChronologyEntry)>> = BTreeMap::new();
    for (e, view) in selected.iter().filter(|e| !e.undated).zip(&chronology.events) {
        years.entry(e.first_day().max(period.start).year()).or_default().push((e, view.clone()));
    }
    chronology.years = years
        .into_iter()
        .map(|(year, events)| {
            if events.len() <= CHRONOLOGY_MONTHS_OVER {
                return ChronologyYear { year, events: events.into_iter().map(|(_, v)| v).collect(), months: Vec::new() };
            }
            let mut months: Vec<ChronologyMonth> = Vec::new();
            for (e, view) in events {
                let name = if e.first_day() < period.start {
                    format!("Begun before {year}")
                } else if e.date.precision() == crate::date::Precision::Year {
                    format!("{year}, month not known")
                } else {
                    format!("{} {year}", crate::date::month_name(e.first_day().month()))
                };
                match months.last_mut() {
                    Some(m) if m.name == name => m.events.push(view),
                    _ => months.push(ChronologyMonth { name, events: vec![view] }),
                }
            }
            ChronologyYear { year, events: Vec::new(), months }
        })
        .collect();
    // `selected` is in date order, so each group is too, and the groups
    // come earliest span first.
    let mut groups: BTreeMap<(NaiveDate, NaiveDate, String, String), Vec<ChronologyEntry>> = BTreeMap::new();
    for e in selected.iter().filter(|e| e.undated) {
        let until = e.until.unwrap_or(e.date);
        groups
            .entry((e.first_day(), e.last_day(), e.date.to_string(), until.to_string()))
            .or_default()
            .push(entry(e));
    }
    chronology.undated = groups
        .into_iter()
        .map(|((_, _, from, until), events)| UndatedGroup { from, until, events })
        .collect();
    chronology
}

/// Undated events per span, earliest span first.
fn undated_spans(events: &[&Event]) -> Vec<SpanCount> {
    let mut counts: BTreeMap<(NaiveDate, NaiveDate, String, String), usize> = BTreeMap::new();
    for e in events.iter().filter(|e| e.undated) {
        let until = e.until.unwrap_or(e.date);
        *counts.entry((e.first_day(), e.last_day(), e.date.to_string(), until.to_string())).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|((_, _, from, until), count)| SpanCount { from, until, count })
        .collect()
}

/// Counts per pillar and per kind of another period, for `--compare`.
fn compare_counts(dataset: &Dataset, pillars: &[&crate::dataset::Pillar], other: &Period) -> CompareView {
    let mut by_pillar: BTreeMap<String, usize> = pillars.iter().map(|p| (p.id.clone(), 0)).collect();
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    let mut events = 0;
    for e in dataset.events.iter().filter(|e| other.overlaps(e.first_day(), e.last_day())) {
        if let Some(n) = by_pillar.get_mut(&*e.pillar) {
            *n += 1;
            *by_kind.entry(e.kind.as_str().to_owned()).or_default() += 1;
            events += 1;
        }
    }
    CompareView {
        label: other.label.clone(),
        display: other.display(),
        start: other.start.to_string(),
        end: other.end.to_string(),
        events,
        pillars: by_pillar,
        per_kind: by_kind,
    }
}

/// Kinds of the period with the `--compare` period's counts beside them;
/// kinds only the other period has are added with a count of 0.
fn with_compare(mut kinds: Vec<KindCount>, compare: Option<&CompareView>) -> Vec<KindCount> {
    let Some(compare) = compare else { return kinds };
    for kind in Kind::ALL {
        let other = compare.per_kind.get(kind.as_str()).copied().unwrap_or(0);
        match kinds.iter_mut().find(|k| k.kind == kind.as_str()) {
            Some(k) => k.compare = Some(other),
            None if other > 0 => kinds.push(KindCount { kind: kind.as_str(), name: kind.label(), count: 0, compare: Some(other) }),
            None => {}
        }
    }
    kinds.sort_by_key(|k| Kind::parse(k.kind));
    kinds
}

/// The timeline: the most significant events, by date, clamped to the
/// period.
fn timeline(events: &[&Event], pillars: &[&crate::dataset::Pillar], period: &Period) -> Vec<TimelineEvent> {
    let mut chosen = highlights(events, TIMELINE_EVENTS);
    chosen.sort_by_cached_key(|e| chronological(e));
    chosen
        .into_iter()
        .filter_map(|e| {
            let colour = pillars.iter().position(|p| *p.id == *e.pillar)?;
            let start = e.first_day().max(period.start);
            let end = e.last_day().min(period.end);
            Some(TimelineEvent {
                title: e.title.clone(),
                pillar_name: pillars[colour].name.clone(),
                colour,
                start: start.to_string(),
                end: end.to_string(),
                significance: e.significance,
                single_day: start == end && !e.undated,
                undated: e.undated,
                planned: e.status == Status::Planned,
                imprecise: !e.undated
                    && (e.date.precision() != crate::date::Precision::Day
                        || e.until.is_some_and(|u| u.precision() != crate::date::Precision::Day)),
                lane: pillars[colour].short.clone().unwrap_or_else(|| pillars[colour].name.clone()),
            })
        })
        .collect()
}

/// The sources section: one entry per source name, sorted by name.
fn cite(events: &[&Event]) -> Vec<SourceView> {
    #[derive(Default)]
    struct Tally<'e> {
        urls: BTreeSet<&'e str>,
        first: Option<NaiveDate>,
        last: Option<NaiveDate>,
        events: usize,
        notes: BTreeSet<&'e str>,
    }
    let mut by_name: BTreeMap<&str, Tally<'_>> = BTreeMap::new();
    for e in events {
        let mut counted: Vec<&str> = Vec::with_capacity(e.sources.len());
        for source in &e.sources {
            let tally = by_name.entry(source.name.as_str()).or_default();
            tally.urls.extend(source.url.as_deref());
            tally.notes.extend(source.note.as_deref());
            if let Some(date) = source.published {
                tally.first = Some(tally.first.map_or(date, |d| d.min(date)));
                tally.last = Some(tally.last.map_or(date, |d| d.max(date)));
            }
            if !counted.contains(&source.name.as_str()) {
                counted.push(&source.name);
                tally.events += 1;
            }
        }
    }
    by_name
        .into_iter()
        .map(|(name, t)| SourceView {
            name: name.to_owned(),
            url: (t.urls.len() == 1).then(|| t.urls.first().map(|u| u.to_string())).flatten(),
            published: t.first.map(|d| d.to_string()),
            published_until: t.last.filter(|l| Some(*l) != t.first).map(|d| d.to_string()),
            addresses: t.urls.len(),
            events: t.events,
            notes: t.notes.into_iter().map(str::to_owned).collect(),
        })
        .collect()
}

/// The order of the chronology: by first day; on the same first day the
/// less precise date first ("2026" before "January 2026"), then the shorter
/// span, then the id.
fn chronological(e: &Event) -> (NaiveDate, crate::date::Precision, NaiveDate, &str) {
    (e.first_day(), e.date.precision(), e.last_day(), &e.id)
}

/// The `n` most significant events: of equal significance, what happened
/// before what is only planned (issue 15), then the later start date, then
/// the smaller id, so the choice never depends on file order.
pub fn highlights<'e>(events: &[&'e Event], n: usize) -> Vec<&'e Event> {
    let rank = |a: &&Event, b: &&Event| {
        b.significance
            .cmp(&a.significance)
            .then(a.status.cmp(&b.status))
            .then(b.first_day().cmp(&a.first_day()))
            .then(a.id.cmp(&b.id))
    };
    let mut ranked = events.to_vec();
    if n < ranked.len() {
        // Only the first n need a full sort; ids are unique, so the order
        // is total and the selection deterministic.
        if n > 0 {
            ranked.select_nth_unstable_by(n - 1, rank);
        }
        ranked.truncate(n);
    }
    ranked.sort_by(rank);
    ranked
}

/// Counts per calendar year of the period, by start date clamped to the
/// period (a programme begun before it counts in its first year). Undated
/// events have no year and are left to [`undated_spans`].
/// Key judgements the counts support: the pillar with the most events and
/// the one with the most landmark events, when one leads alone; the
/// busiest year of the dated events, when one leads alone.
fn judgements(pillars: &[PillarSummary], selected: &[&Event], period: &Period) -> Vec<String> {
    let mut out = Vec::new();
    let total = selected.len();
    if total == 0 || pillars.len() < 2 {
        return out;
    }
    let leader = |counts: &[(&str, usize)]| -> Option<(String, usize, usize)> {
        let mut sorted = counts.to_vec();
        sorted.sort_by_key(|s| std::cmp::Reverse(s.1));
        match sorted.as_slice() {
            [(name, first), (_, second), ..] if first > second && *first > 0 => Some(((*name).to_owned(), *first, *second)),
            _ => None,
        }
    };
    let counts: Vec<(&str, usize)> = pillars.iter().map(|p| (p.name.as_str(), p.count)).collect();
    if let Some((name, n, next)) = leader(&counts) {
        out.push(format!(
            "{name} is the most active pillar: {n} of the {total} events ({}%), against {next} for the next.",
            (n * 100 + total / 2) / total
        ));
    }
    let landmarks: Vec<(&str, usize)> = pillars
        .iter()
        .map(|p| (p.name.as_str(), selected.iter().filter(|e| *e.pillar == *p.id && e.significance == 5).count()))
        .collect();
    if let Some((name, n, _)) = leader(&landmarks) {
        let all: usize = landmarks.iter().map(|l| l.1).sum();
        out.push(format!("{name} holds the most landmark events: {n} of {all}."));
    }
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    for e in selected.iter().filter(|e| !e.undated) {
        let year = e.first_day().max(period.start).year();
        *years.entry(year).or_default() += 1;
    }
    let dated: usize = years.values().sum();
    let by_year: Vec<(String, usize)> = years.iter().map(|(y, n)| (y.to_string(), *n)).collect();
    let by_year: Vec<(&str, usize)> = by_year.iter().map(|(y, n)| (y.as_str(), *n)).collect();
    if years.len() > 1 {
        if let Some((year, n, _)) = leader(&by_year) {
            out.push(format!("{year} is the busiest year: {n} of the {dated} dated events began in it."));
        }
    }
    out
}

fn per_year(events: &[&Event], period: &Period) -> Vec<YearCount> {
    let mut counts: BTreeMap<i32, usize> = period.years().map(|y| (y, 0)).collect();
    for e in events.iter().filter(|e| !e.undated) {
        let year = e.first_day().max(period.start).year();
        *counts.entry(year).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(year, count)| YearCount { year, count })
        .collect()
}

/// `items` in two columns: the first half down the left, the rest down the
/// right.
fn pairs<T: Clone>(items: Vec<T>) -> Vec<(T, Option<T>)> {
    let half = items.len().div_ceil(2);
    (0..half).map(|i| (items[i].clone(), items.get(i + half).cloned())).collect()
}

fn per_kind(events: &[&Event]) -> Vec<KindCount> {
    let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
    for e in events {
        *counts.entry(e.kind).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(k, count)| KindCount {
            kind: k.as_str(),
            name: k.label(),
            count,
            compare: None,
        })
        .collect()
}

/// The kinds that occur by year (start dates clamped to the period, as in
/// [`per_year`]) and by undated span (as in [`undated_spans`]).
fn kind_years(events: &[&Event], period: &Period) -> Vec<KindYears> {
    let years: Vec<i32> = period.years().collect();
    let spans: Vec<SpanCount> = undated_spans(events);
    let mut rows: BTreeMap<Kind, Vec<usize>> = BTreeMap::new();
    for e in events {
        let column = if e.undated {
            let (from, until) = (e.date.to_string(), e.until.unwrap_or(e.date).to_string());
            spans.iter().position(|s| s.from == from && s.until == until).map(|i| years.len() + i)
        } else {
            let year = e.first_day().max(period.start).year();
            years.iter().position(|&y| y == year)
        };
        let row = rows.entry(e.kind).or_insert_with(|| vec![0; years.len() + spans.len()]);
        if let Some(cell) = column.and_then(|c| row.get_mut(c)) {
            *cell += 1;
        }
    }
    rows.into_iter()
        .map(|(kind, cells)| KindYears { name: kind.label(), total: cells.iter().sum(), cells })
        .collect()
}

fn partners<'e>(events: &[&'e Event]) -> BTreeSet<&'e str> {
    events
        .iter()
        .flat_map(|e| e.partners.iter().map(String::as_str))
        .collect()
}

fn event_view(e: &Event, pillar_names: &BTreeMap<&str, &str>, period: &Period) -> EventView {
    EventView {
        id: e.id.clone(),
        title: e.title.clone(),
        date: e.date.to_string(),
        until: e.until.map(|u: PartialDate| u.to_string()),
        pillar: e.pillar.to_string(),
        pillar_name: pillar_names
            .get(&*e.pillar)
            .copied()
            .unwrap_or(&e.pillar)
            .to_owned(),
        kind: e.kind.as_str(),
        significance: e.significance,
        partners: e.partners.clone(),
        summary: e.summary.clone(),
        figures: e
            .figures
            .iter()
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
            })
            .collect(),
        tags: e.tags.clone(),
        carried_in: !e.undated && e.first_day() < period.start,
        undated: e.undated,
        planned: e.status == Status::Planned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Source;

    fn event(id: &str, date: &str, significance: u8) -> Event {
        Event {
            id: id.to_owned(),
            title: id.to_owned(),
            date: PartialDate::parse(date).unwrap(),
            until: None,
            undated: false,
            status: Status::Happened,
            pillar: "p".into(),
            also: Vec::new(),
            kind: Kind::Summit,
            significance,
            partners: Vec::new(),
            summary: String::new(),
            figures: Vec::new(),
            sources: vec![Source {
                name: "s".into(),
                url: None,
                published: None,
                note: None,
            }],
            tags: Vec::new(),
            file: std::sync::Arc::from("f.toml"),
            place: Default::default(),
        }
    }

    fn ids(events: &[&Event]) -> Vec<String> {
        events.iter().map(|e| e.id.clone()).collect()
    }

    #[test]
    fn highlights_prefer_significance_then_later_date_then_id() {
        let a = event("a", "2024-05", 4);
        let b = event("b", "2025", 4);
        let c = event("c", "2025", 4);
        let d = event("d", "2024-01-01", 5);
        let e = event("e", "2026", 3);
        let all = [&a, &b, &c, &d, &e];
        assert_eq!(ids(&highlights(&all, 3)), ["d", "b", "c"]);
        assert_eq!(ids(&highlights(&all, 10)), ["d", "b", "c", "a", "e"]);
        assert!(highlights(&all, 0).is_empty());
    }

    #[test]
    fn highlights_do_not_depend_on_input_order() {
        let list: Vec<Event> = (0..20)
            .map(|i| event(&format!("e{i:02}"), "2025", (i % 3 + 1) as u8))
            .collect();
        let forward: Vec<&Event> = list.iter().collect();
        let backward: Vec<&Event> = list.iter().rev().collect();
        assert_eq!(
            ids(&highlights(&forward, 5)),
            ids(&highlights(&backward, 5))
        );
    }

    #[test]
    fn per_year_clamps_to_the_period_and_lists_empty_years() {
        let period = Period::parse("2024-2026").unwrap();
        let mut early = event("early", "2021", 2);
        early.until = Some(PartialDate::parse("2025").unwrap());
        let mid = event("mid", "2025-06", 2);
        let counts = per_year(&[&early, &mid], &period);
        let pairs: Vec<(i32, usize)> = counts.iter().map(|c| (c.year, c.count)).collect();
        assert_eq!(pairs, [(2024, 1), (2025, 1), (2026, 0)]);
    }

    fn undated(id: &str, from: &str, until: &str, significance: u8) -> Event {
        let mut e = event(id, from, significance);
        e.until = Some(PartialDate::parse(until).unwrap());
        e.undated = true;
        e
    }

    #[test]
    fn undated_events_are_counted_in_no_year_but_per_span() {
        let period = Period::parse("2024-2026").unwrap();
        let wide = undated("wide", "2024", "2026", 3);
        let wide2 = undated("wide2", "2024", "2026", 2);
        let narrow = undated("narrow", "2025-03", "2025-05", 2);
        let dated = event("dated", "2025-06", 2);
        let all = [&wide, &wide2, &narrow, &dated];
        let years: Vec<(i32, usize)> = per_year(&all, &period).iter().map(|c| (c.year, c.count)).collect();
        assert_eq!(years, [(2024, 0), (2025, 1), (2026, 0)]);
        let spans = undated_spans(&all);
        let spans: Vec<(&str, &str, usize)> = spans.iter().map(|s| (s.from.as_str(), s.until.as_str(), s.count)).collect();
        // Earliest span first, whatever the input order.
        assert_eq!(spans, [("2024", "2026", 2), ("2025-03", "2025-05", 1)]);
    }

    #[test]
    fn the_chronology_lists_undated_events_apart_by_span() {
        let names = BTreeMap::new();
        let period = Period::parse("2024-2026").unwrap();
        let wide = undated("wide", "2024", "2026", 3);
        let narrow = undated("narrow", "2025-03", "2025-05", 2);
        let dated = event("dated", "2025-06", 2);
        let mut all = vec![&wide, &narrow, &dated];
        all.sort_by_cached_key(|e| chronological(e));
        let c = chronology(&all, &names, &period, true);
        assert_eq!(c.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["dated"]);
        let groups: Vec<(&str, Vec<&str>)> =
            c.undated.iter().map(|g| (g.from.as_str(), g.events.iter().map(|e| e.id.as_str()).collect())).collect();
        assert_eq!(groups, [("2024", vec!["wide"]), ("2025-03", vec!["narrow"])]);
        let left_out = chronology(&all, &names, &period, false);
        assert!(left_out.events.is_empty() && left_out.undated.is_empty());
    }

    #[test]
    fn highlights_rank_what_happened_before_plans_of_equal_significance() {
        let mut plan = event("plan", "2026-06", 4);
        plan.status = Status::Planned;
        let done = event("done", "2024-01", 4);
        let minor = event("minor", "2026-12", 3);
        assert_eq!(ids(&highlights(&[&plan, &done, &minor], 3)), ["done", "plan", "minor"]);
        let mut landmark_plan = event("landmark", "2026", 5);
        landmark_plan.status = Status::Planned;
        assert_eq!(ids(&highlights(&[&done, &landmark_plan], 1)), ["landmark"], "significance first");
    }
}
