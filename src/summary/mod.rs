//! Selecting the period's events and summarising each pillar.
//!
//! The result, [`Summary`], is everything the templates print, already
//! counted and ordered, so that templates only lay it out. Every list that is
//! printed has a defined order (dates, then ids), so the same data always
//! give the same report.
//!
//! What is in the period, the year an event counts in and whether it began
//! before the period are the period's rules ([`crate::period::Period`]),
//! read here and never written again. The parts, by job: [`views`] (what
//! the templates see), `counts` (per year, kind, span and source, the
//! timeline), `chronology`, [`partners`], [`watch`] (what is still to
//! come or under way at the report's date), [`facts`] (every fact the
//! briefing states, one [`Fact`] a sentence, each rendered from its fact)
//! and `wording` (the names and words the summary writes).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::dataset::{Dataset, Event, Pillar, ReportMeta, Status};
use crate::period::{Dated, Period};
use crate::words::Catalogue;

mod chronology;
mod counts;
pub mod facts;
pub mod judgements;
pub mod maps;
pub mod partners;
pub mod routes;
pub mod views;
pub mod watch;
mod wording;

use wording::Wording;

pub use facts::Fact;
pub use chronology::{Chronology, ChronologyEntry, ChronologyMonth, ChronologyYear, UndatedGroup, CHRONOLOGY_MONTHS_OVER};
pub use views::{
    CitationView, CompareView, DataNote, EventView, Executive, FigureView, KindCount, KindYears, PillarRow, PillarSummary,
    SourceView, Sources, SpanCount, TimelineEvent, Totals, YearCount,
};

/// How many events the executive summary lists across all pillars.
pub const TOP_HIGHLIGHTS: usize = 5;

/// How many events the timeline shows: the most significant, so that a
/// dataset of thousands stays a readable chart.
pub const TIMELINE_EVENTS: usize = 40;

/// How many related events a pillar's section lists (the most significant,
/// in date order); the count always covers them all.
pub const RELATED_LISTED: usize = 10;

/// How many of a pillar's events besides its highlights its section
/// prints as short entries (the most significant, in date order): every
/// one in a briefing of tens of events, so that each summary is printed
/// once (issue 27, item 2); a dataset of thousands keeps its section
/// readable, and says how many more the chronology lists.
pub const REST_LISTED: usize = 40;

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
    /// The run's catalogue of words: the names of kinds and regions, the
    /// key figures, the chronology's month groups.
    pub words: &'a Catalogue,
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
    /// `label`, `display`, `start` and `end` to the templates.
    pub period: Period,
    /// The report's date, ISO to the templates (`2026-02-12`).
    #[serde(serialize_with = "iso")]
    pub as_of: NaiveDate,
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
    /// The routes of the selection, places resolved, for the route map
    /// (issue 26); the templates reach them through the maps.
    #[serde(skip)]
    pub routes: Vec<routes::RouteView>,
    /// How many events the index lists under one partner at most.
    pub index_events: usize,
    /// The analyst's judgements (issue 25), in data order; empty when the
    /// data have none.
    pub judgements: Vec<judgements::JudgementView>,
    /// The estimative scale of ICD 203, for the about-note, when
    /// judgements are shown.
    pub likelihood_scale: Vec<judgements::ScaleStep>,
    /// The ids of the events in the period, for the JSON summary.
    #[serde(skip)]
    pub selected: Vec<String>,
    /// Every fact the briefing states in a sentence (issue 25, item 6), in
    /// the order it states them.
    #[serde(skip)]
    pub facts: Vec<Fact>,
}

/// Writes a date as the templates read it, ISO (`2026-02-12`).
#[allow(clippy::trivially_copy_pass_by_ref, reason = "serde's serialize_with passes a reference")]
fn iso<S: serde::Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

/// The period's rules read an event's span as the dataset gives it.
impl Dated for Event {
    fn first_day(&self) -> NaiveDate {
        Event::first_day(self)
    }
    fn last_day(&self) -> NaiveDate {
        Event::last_day(self)
    }
    fn undated(&self) -> bool {
        self.undated
    }
}

/// What every part of the summary reads: the period, the pillars
/// reported, and the events in the period.
struct Scope<'d> {
    period: &'d Period,
    /// The partner registry, for each event's partner line.
    lookup: partners::Lookup<'d>,
    /// The pillars reported, in report order.
    pillars: Vec<&'d Pillar>,
    /// Every pillar's name by id.
    pillar_names: BTreeMap<&'d str, &'d str>,
    /// Every pillar's short name (else its name) by id.
    pillar_shorts: BTreeMap<&'d str, &'d str>,
    /// The events of the period, of any pillar (for related events).
    in_period: Vec<&'d Event>,
    /// The events of the period and of the pillars reported, by date.
    selected: Vec<&'d Event>,
    /// What What to watch reads: `selected`, and when the period runs to
    /// the report's date, the reported pillars' events that start after it
    /// (a plan for next year is ahead of a period that ends this year,
    /// issue 27, item 6), by date.
    ahead: Vec<&'d Event>,
    /// The words the summary writes.
    wording: Wording<'d>,
    /// The report's date.
    as_of: NaiveDate,
}

impl<'d> Scope<'d> {
    fn new(dataset: &'d Dataset, selection: &Selection<'d>) -> Self {
        let period = selection.period;
        let pillars: Vec<&Pillar> = dataset
            .pillars
            .iter()
            .filter(|p| selection.pillars.is_empty() || selection.pillars.contains(&p.id))
            .collect();
        let pillar_names = dataset.pillars.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
        let pillar_shorts = dataset.pillars.iter().map(|p| (p.id.as_str(), p.short.as_deref().unwrap_or(&p.name))).collect();
        let in_period = period.select(&dataset.events, |_| true);
        let mut selected = period.select(&dataset.events, |e| reported(&pillars, e));
        selected.sort_by_cached_key(|e| chronological(e));
        let mut ahead = selected.clone();
        if period.start <= selection.as_of && selection.as_of <= period.end {
            ahead.extend(dataset.events.iter().filter(|e| e.first_day() > period.end && reported(&pillars, e)));
            ahead.sort_by_cached_key(|e| chronological(e));
        }
        Scope {
            period,
            lookup: partners::Lookup::new(dataset),
            pillars,
            pillar_names,
            pillar_shorts,
            in_period,
            selected,
            ahead,
            wording: Wording::new(selection.words),
            as_of: selection.as_of,
        }
    }

    /// Whether the event's pillar is reported.
    fn reports(&self, e: &Event) -> bool {
        reported(&self.pillars, e)
    }

    fn view(&self, e: &Event) -> EventView {
        let mut view = views::event_view(e, &self.pillar_names, self.period, &self.lookup, self.wording.words());
        view.also = e.also.iter().map(|a| self.pillar_shorts.get(&**a).copied().unwrap_or(a).to_owned()).collect();
        view
    }
}

/// Whether `e`'s pillar is among `pillars`.
fn reported(pillars: &[&Pillar], e: &Event) -> bool {
    pillars.iter().any(|p| *p.id == *e.pillar)
}

/// Keeps the events of the selection and summarises them.
pub fn summarise(dataset: &Dataset, selection: &Selection<'_>) -> Summary {
    let scope = Scope::new(dataset, selection);
    let period = scope.period;
    let lookup = partners::Lookup::new(dataset);
    let tally = partners::Tally::new(&lookup, &scope.selected);
    let wording = &scope.wording;
    let mut pillars = pillar_summaries(&scope, (&lookup, &tally), selection.highlights);
    let other: Option<(&Period, Vec<&Event>)> =
        selection.compare.map(|other| (other, other.select(&dataset.events, |e| scope.reports(e))));
    let compare = other.as_ref().map(|(p, events)| counts::compare_counts(events, &scope.pillars, p));
    let mut executive = executive(&scope, (&lookup, &tally), &pillars, compare.as_ref(), other.as_ref().map(|(_, e)| e.as_slice()));
    let figures = facts::figures(&pillars, &scope.selected, period);
    let data = data_note(dataset, selection, &scope.selected);
    let facts = facts::state(&executive, figures, &pillars, &data, (period, selection.chronology));
    facts::render(&facts, &mut executive, &mut pillars, wording);
    let anchors: BTreeMap<&str, String> =
        scope.pillars.iter().map(|p| (p.id.as_str(), crate::slug::reference(&p.id))).collect();
    let labels = chronology::pillar_labels(&dataset.pillars, &scope.pillars);
    let selected = &scope.selected;
    let shorts: BTreeMap<&str, &str> = scope.pillars.iter().map(|p| (p.id.as_str(), p.short.as_deref().unwrap_or(&p.name))).collect();
    let partner_index = partners::index(&tally, selected, (&anchors, &shorts), wording);
    let mut facts = facts;
    facts.push(Fact::PartnerMap {
        counts: maps::partner_counts(dataset, selected).into_iter().map(|(p, n)| (p.name.clone(), n)).collect(),
    });
    Summary {
        report: dataset.report.clone(),
        period: period.clone(),
        as_of: selection.as_of,
        chronology: chronology::chronology(selected, &labels, period, selection.chronology.then_some(wording)),
        sources: Sources::new(counts::cite(selected), views::provenance(selection.words, selected), selected),
        data,
        compare,
        index_events: partners::index_events(partner_index.len()),
        partner_index,
        judgements: judgements::views(dataset, period, &anchors),
        likelihood_scale: judgements::scale(dataset),
        routes: routes::routes(dataset, selection),
        executive,
        pillars,
        selected: selected.iter().map(|e| e.id.clone()).collect(),
        facts,
    }
}

/// Each reported pillar over the period, in report order.
fn pillar_summaries(scope: &Scope<'_>, (lookup, tally): (&partners::Lookup<'_>, &partners::Tally<'_>), highlighted: usize) -> Vec<PillarSummary> {
    let (period, selected) = (scope.period, &scope.selected);
    let total = selected.len();
    let pillar_ids: Vec<&str> = scope.pillars.iter().map(|p| p.id.as_str()).collect();
    let wording = &scope.wording;
    let mut spreads = partners::pillars(tally, selected, &pillar_ids, wording).into_iter();
    let mut summaries = Vec::with_capacity(scope.pillars.len());
    for (index, pillar) in scope.pillars.iter().enumerate() {
        let own: Vec<&Event> = selected.iter().copied().filter(|e| *e.pillar == *pillar.id).collect();
        let planned: Vec<&Event> = own.iter().copied().filter(|e| e.status == Status::Planned).collect();
        let spans = counts::undated_spans(&own);
        let related: Vec<&Event> =
            scope.in_period.iter().copied().filter(|e| e.also.iter().any(|a| **a == *pillar.id)).collect();
        let related_count = related.len();
        // An event of a reported pillar says what it bears on in its own
        // entry; only the others are listed here.
        let apart: Vec<&Event> = related.into_iter().filter(|e| !scope.reports(e)).collect();
        let mut related = highlights(&apart, RELATED_LISTED);
        related.sort_by_cached_key(|e| chronological(e));
        let top = highlights(&own, highlighted);
        let rest: Vec<&Event> = own.iter().copied().filter(|e| !top.iter().any(|t| std::ptr::eq(*t, *e))).collect();
        let rest_count = rest.len();
        let mut rest = if rest_count <= REST_LISTED { rest } else { highlights(&rest, REST_LISTED) };
        rest.sort_by_cached_key(|e| chronological(e));
        summaries.push(PillarSummary {
            id: pillar.id.clone(),
            name: pillar.name.clone(),
            summary: pillar.summary.clone(),
            position: index + 1,
            colour: index,
            count: own.len(),
            share: if total == 0 { 0.0 } else { own.len() as f64 / total as f64 },
            per_year: counts::per_year(&own, period),
            begun_before: counts::begun_before(&own, period),
            begun_before_label: (counts::begun_before(&own, period) > 0).then(|| wording.begun_before(period)),
            planned: planned.len(),
            planned_row: (!planned.is_empty()).then(|| counts::columns(wording.of_them_planned(), &planned, period, &spans)),
            per_kind: counts::per_kind(&own, wording),
            kind_years: counts::kind_years(&own, period, &spans, wording),
            undated: spans,
            partners: counts::partner_names(&own, |name, role| lookup.counts(name, role)).into_iter().map(str::to_owned).collect(),
            partner_spread: spreads.next().unwrap_or_default(),
            anchor: crate::slug::reference(&pillar.id),
            related_count,
            related_apart: apart.len(),
            related: related.into_iter().map(|e| scope.view(e)).collect(),
            highlights: top.into_iter().map(|e| scope.view(e)).collect(),
            rest: rest.into_iter().map(|e| scope.view(e)).collect(),
            rest_count,
        });
    }
    summaries
}

/// The executive summary: totals, the pillars' rows, kinds, highlights,
/// the timeline, the key figures and the partners.
fn executive(
    scope: &Scope<'_>,
    (lookup, tally): (&partners::Lookup<'_>, &partners::Tally<'_>),
    summaries: &[PillarSummary],
    compare: Option<&CompareView>,
    other: Option<&[&Event]>,
) -> Executive {
    let (period, selected, wording) = (scope.period, &scope.selected, &scope.wording);
    // The partners' table names pillars by their short names, as the
    // chronology does: the column stays narrow and a row on one line.
    let pillar_order: BTreeMap<&str, (usize, &str)> =
        scope.pillars.iter().enumerate().map(|(i, p)| (p.id.as_str(), (i, p.short.as_deref().unwrap_or(&p.name)))).collect();
    Executive {
        totals: Totals {
            events: selected.len(),
            pillars: scope.pillars.len(),
            partners: tally.len(),
            landmarks: selected.iter().filter(|e| e.significance == 5).count(),
            carried_in: selected.iter().filter(|e| period.began_before(e)).count(),
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
                planned: p.planned,
                related: p.related_count,
                compare: compare.map(|c| c.pillars.get(&p.id).copied().unwrap_or(0)),
            })
            .collect(),
        per_kind: counts::with_compare(counts::per_kind(selected, wording), compare, wording),
        per_kind_pairs: counts::pairs(counts::per_kind(selected, wording)),
        kind_pillars: counts::kind_pillars(selected, &scope.pillars, wording),
        pillar_shorts: scope.pillars.iter().map(|p| p.short.as_deref().unwrap_or(&p.name).to_owned()).collect(),
        year_pillars: counts::year_pillars(selected, &scope.pillars, period, wording),
        planned_pillars: counts::planned_pillars(selected, &scope.pillars, wording),
        pie: summaries
            .iter()
            .map(|p| views::PieSlice { name: wording.slice(&p.name, p.planned), count: p.count, colour: p.colour })
            .collect(),
        top_highlights: highlights(selected, TOP_HIGHLIGHTS).into_iter().map(|e| scope.view(e)).collect(),
        timeline: counts::timeline(selected, &scope.pillars, period, scope.wording.words()),
        key_figures: Vec::new(),
        opening: String::new(),
        timeline_sentence: String::new(),
        timeline_alt: String::new(),
        watch: watch::list(&scope.ahead, scope.as_of, &scope.pillar_names, wording.words()),
        partners: partners::summarise(lookup, tally, selected, &pillar_order, other, wording),
    }
}

/// Where the data came from and how much of it the period holds.
fn data_note(dataset: &Dataset, selection: &Selection<'_>, selected: &[&Event]) -> DataNote {
    DataNote {
        source: selection.data_source.clone(),
        files: dataset.files.clone(),
        event_files: dataset.contents.iter().filter(|f| f.events > 0).map(|f| f.path.clone()).collect(),
        pillar_files: dataset.contents.iter().filter(|f| f.pillars > 0).map(|f| f.path.clone()).collect(),
        events_in_dataset: dataset.events.len(),
        pillars_in_dataset: dataset.pillars.len(),
        events_in_period: selected.len(),
        undated_in_period: selected.iter().filter(|e| e.undated).count(),
        undated_spans: counts::undated_spans(selected),
        planned_in_period: selected.iter().filter(|e| e.status == Status::Planned).count(),
    }
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
/// The about-note tells the reader this rule (`about-highlights` in the
/// catalogue, issue 25 item 8): change the two together.
pub fn highlights<'e>(events: &[&'e Event], n: usize) -> Vec<&'e Event> {
    let rank = |a: &&Event, b: &&Event| {
        b.significance
            .cmp(&a.significance)
            .then(a.status.cmp(&b.status))
            .then(b.first_day().cmp(&a.first_day()))
            // What the reader sees, then what makes the order total.
            .then(a.title.cmp(&b.title))
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

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::dataset::{Kind, Source};
    use crate::date::PartialDate;

    pub(super) fn event(id: &str, date: &str, significance: u8) -> Event {
        Event {
            id: id.to_owned(),
            title: id.to_owned(),
            attribution: None,
            date: PartialDate::parse(date).unwrap(),
            until: None,
            undated: false,
            status: Status::Happened,
            pillar: "p".into(),
            also: Vec::new(),
            kind: Kind::Summit,
            significance,
            partners: Vec::new(),
            roles: Vec::new(),
            summary: String::new(),
            figures: Vec::new(),
            sources: vec![Source {
                name: "s".into(),
                url: None,
                published: None,
                note: None,
                ..Source::default()
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
    fn highlights_of_equal_rank_go_by_title_as_the_about_note_says() {
        let mut a = event("a", "2025", 4);
        a.title = "Zagreb".into();
        let mut b = event("b", "2025", 4);
        b.title = "Astana".into();
        assert_eq!(ids(&highlights(&[&a, &b], 1)), ["b"]);
        assert_eq!(ids(&highlights(&[&a, &b], 2)), ["b", "a"]);
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

    pub(super) fn undated(id: &str, from: &str, until: &str, significance: u8) -> Event {
        let mut e = event(id, from, significance);
        e.until = Some(PartialDate::parse(until).unwrap());
        e.undated = true;
        e
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
