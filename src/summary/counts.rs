//! Counting the selected events: per year of the period, per undated span,
//! per kind, per source, against the `--compare` period, and the timeline's
//! choice. Which year an event counts in, and what is in the period, are
//! the period's rules ([`Period::year_of`], [`Period::select`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::views::{CompareView, KindCount, KindPillars, KindYears, SourceView, SpanCount, TimelineEvent, YearCount};
use super::wording::Wording;
use super::TIMELINE_EVENTS;
use crate::dataset::{Event, Kind, Pillar, Role, Status};
use crate::period::Period;

/// Counts per calendar year of the period: the events that began in it
/// (issue 25, item 6). An event begun before the period is no year's: it
/// is counted apart ([`begun_before`]); undated events have no year and
/// are left to [`undated_spans`].
pub(super) fn per_year(events: &[&Event], period: &Period) -> Vec<YearCount> {
    let mut counts: BTreeMap<i32, usize> = period.years().map(|y| (y, 0)).collect();
    for year in events.iter().filter(|e| !period.began_before(*e)).filter_map(|e| period.year_of(e)) {
        *counts.entry(year).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(year, count)| YearCount { year, count })
        .collect()
}

/// Undated events per span, earliest span first.
pub(super) fn undated_spans(events: &[&Event]) -> Vec<SpanCount> {
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

pub(super) fn per_kind(events: &[&Event], wording: &Wording<'_>) -> Vec<KindCount> {
    let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
    for e in events {
        *counts.entry(e.kind).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(k, count)| KindCount {
            kind: k.as_str(),
            name: wording.kind(k).to_owned(),
            count,
            planned: events.iter().filter(|e| e.kind == k && e.status == Status::Planned).count(),
            compare: None,
        })
        .collect()
}

/// `items` in two columns: the first half down the left, the rest down the
/// right.
pub(super) fn pairs<T: Clone>(items: Vec<T>) -> Vec<(T, Option<T>)> {
    let half = items.len().div_ceil(2);
    (0..half).map(|i| (items[i].clone(), items.get(i + half).cloned())).collect()
}

/// Events that began before the period (and run into it).
pub(super) fn begun_before(events: &[&Event], period: &Period) -> usize {
    events.iter().filter(|e| period.began_before(*e)).count()
}

/// The kinds that occur, each a row of [`columns`]. `spans` are the
/// undated spans of all the pillar's events, so that every row has the
/// same columns.
pub(super) fn kind_years(events: &[&Event], period: &Period, spans: &[SpanCount], wording: &Wording<'_>) -> Vec<KindYears> {
    let mut rows: BTreeMap<Kind, Vec<&Event>> = BTreeMap::new();
    for e in events {
        rows.entry(e.kind).or_default().push(e);
    }
    rows.into_iter().map(|(kind, events)| columns(wording.kind(kind).to_owned(), &events, period, spans)).collect()
}

/// One row of a pillar's table: the events begun before the period, those
/// that began in each year of it (as [`per_year`]), those undated in each
/// of `spans` (as [`undated_spans`]), and all of them.
pub(super) fn columns(name: String, events: &[&Event], period: &Period, spans: &[SpanCount]) -> KindYears {
    let years: Vec<i32> = period.years().collect();
    let mut cells = vec![0; years.len() + spans.len()];
    let mut before = 0;
    for e in events {
        let column = if e.undated {
            let (from, until) = (e.date.to_string(), e.until.unwrap_or(e.date).to_string());
            spans.iter().position(|s| s.from == from && s.until == until).map(|i| years.len() + i)
        } else if period.began_before(*e) {
            before += 1;
            None
        } else {
            period.year_of(e).and_then(|year| years.iter().position(|&y| y == year))
        };
        if let Some(cell) = column.and_then(|c| cells.get_mut(c)) {
            *cell += 1;
        }
    }
    KindYears { name, before, total: before + cells.iter().sum::<usize>(), cells }
}

/// Events per kind and pillar: a row per kind that occurs, in the
/// contract's order, a cell per pillar of `pillars` (report order).
pub(super) fn kind_pillars(events: &[&Event], pillars: &[&Pillar], wording: &Wording<'_>) -> Vec<KindPillars> {
    let mut rows: BTreeMap<Kind, Vec<usize>> = BTreeMap::new();
    for e in events {
        let Some(column) = pillars.iter().position(|p| *p.id == *e.pillar) else { continue };
        let row = rows.entry(e.kind).or_insert_with(|| vec![0; pillars.len()]);
        if let Some(cell) = row.get_mut(column) {
            *cell += 1;
        }
    }
    rows.into_iter()
        .map(|(kind, cells)| KindPillars { name: wording.kind(kind).to_owned(), total: cells.iter().sum(), cells })
        .collect()
}

/// Events per year and pillar: a row for those begun before the period
/// (when any), one per year of the period in which any began, one per
/// undated span (as
/// [`columns`] counts them), a cell per pillar of `pillars`.
pub(super) fn year_pillars(events: &[&Event], pillars: &[&Pillar], period: &Period, wording: &Wording<'_>) -> Vec<KindPillars> {
    let spans = undated_spans(events);
    let per_pillar: Vec<KindYears> = pillars
        .iter()
        .map(|p| {
            let own: Vec<&Event> = events.iter().copied().filter(|e| *e.pillar == *p.id).collect();
            columns(String::new(), &own, period, &spans)
        })
        .collect();
    let row = |name: String, cell: &dyn Fn(&KindYears) -> usize| {
        let cells: Vec<usize> = per_pillar.iter().map(cell).collect();
        KindPillars { name, total: cells.iter().sum(), cells }
    };
    let mut rows = Vec::new();
    if begun_before(events, period) > 0 {
        rows.push(row(wording.begun_before(period), &|k| k.before));
    }
    let years: Vec<i32> = period.years().collect();
    // A year in which no event began is no row (issue 27, item 6): the
    // period's other years say it by their absence.
    for (i, year) in years.iter().enumerate() {
        let counted = row(year.to_string(), &|k| k.cells.get(i).copied().unwrap_or(0));
        if counted.total > 0 {
            rows.push(counted);
        }
    }
    for (i, span) in spans.iter().enumerate() {
        let name = wording.undated_column(span);
        rows.push(row(name, &|k| k.cells.get(years.len() + i).copied().unwrap_or(0)));
    }
    rows
}

/// The planned events per pillar of `pillars`, as the row "of them
/// planned"; `None` without any.
pub(super) fn planned_pillars(events: &[&Event], pillars: &[&Pillar], wording: &Wording<'_>) -> Option<KindPillars> {
    let cells: Vec<usize> =
        pillars.iter().map(|p| events.iter().filter(|e| *e.pillar == *p.id && e.status == Status::Planned).count()).collect();
    let total: usize = cells.iter().sum();
    (total > 0).then(|| KindPillars { name: wording.of_them_planned(), cells, total })
}

/// The distinct names of the events' partners, those for which `counts`
/// holds (a partner on the event, [`super::partners::Lookup::counts`]).
pub(super) fn partner_names<'e>(events: &[&'e Event], counts: impl Fn(&str, Role) -> bool) -> BTreeSet<&'e str> {
    events.iter().flat_map(|e| e.partner_roles()).filter(|&(name, role)| counts(name, role)).map(|(name, _)| name).collect()
}

/// Counts per pillar and per kind of another period's selected events
/// (`events`), for `--compare`.
pub(super) fn compare_counts(events: &[&Event], pillars: &[&Pillar], other: &Period) -> CompareView {
    let mut by_pillar: BTreeMap<String, usize> = pillars.iter().map(|p| (p.id.clone(), 0)).collect();
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for e in events {
        if let Some(n) = by_pillar.get_mut(&*e.pillar) {
            *n += 1;
        }
        *by_kind.entry(e.kind.as_str().to_owned()).or_default() += 1;
    }
    CompareView {
        period: other.clone(),
        events: events.len(),
        pillars: by_pillar,
        per_kind: by_kind,
    }
}

/// Kinds of the period with the `--compare` period's counts beside them;
/// kinds only the other period has are added with a count of 0.
pub(super) fn with_compare(mut kinds: Vec<KindCount>, compare: Option<&CompareView>, wording: &Wording<'_>) -> Vec<KindCount> {
    let Some(compare) = compare else { return kinds };
    for kind in Kind::ALL {
        let other = compare.per_kind.get(kind.as_str()).copied().unwrap_or(0);
        match kinds.iter_mut().find(|k| k.kind == kind.as_str()) {
            Some(k) => k.compare = Some(other),
            None if other > 0 => {
                kinds.push(KindCount { kind: kind.as_str(), name: wording.kind(*kind).to_owned(), count: 0, planned: 0, compare: Some(other) })
            }
            None => {}
        }
    }
    kinds.sort_by_key(|k| Kind::parse(k.kind));
    kinds
}

/// The timeline: the most significant events, by date, clamped to the
/// period.
pub(super) fn timeline(events: &[&Event], pillars: &[&Pillar], period: &Period, words: &crate::words::Catalogue) -> Vec<TimelineEvent> {
    let mut chosen = super::highlights(events, TIMELINE_EVENTS);
    chosen.sort_by_cached_key(|e| super::chronological(e));
    chosen
        .into_iter()
        .filter_map(|e| {
            let colour = pillars.iter().position(|p| *p.id == *e.pillar)?;
            let (start, end) = period.clamp(e);
            let shown = match &e.until {
                Some(until) => e.date.display_span_in(until, words),
                None => e.date.display_in(words),
            };
            let when = if e.undated { words.text("date-undated", &[("date", shown.into())]) } else { shown };
            // A plan is said as one ("2026 (planned)"), as the chart's
            // label says it.
            let when = if e.status == Status::Planned { words.text("date-planned", &[("date", when.into())]) } else { when };
            Some(TimelineEvent {
                title: super::views::shown_title(words, e),
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
                when,
            })
        })
        .collect()
}

/// The sources section: one entry per source name, sorted by name.
pub(super) fn cite(events: &[&Event]) -> Vec<SourceView> {
    #[derive(Default)]
    struct Tally<'e> {
        urls: BTreeSet<&'e str>,
        first: Option<NaiveDate>,
        last: Option<NaiveDate>,
        events: usize,
        notes: BTreeSet<&'e str>,
        /// A registered source's kind and grade (issue 25).
        registered: Option<(&'static str, &'static str)>,
        /// The credibility grades its citations give, with their events.
        credibility: BTreeMap<u8, usize>,
    }
    let mut by_name: BTreeMap<&str, Tally<'_>> = BTreeMap::new();
    for e in events {
        let mut counted: Vec<&str> = Vec::with_capacity(e.sources.len());
        for source in &e.sources {
            let tally = by_name.entry(source.name.as_str()).or_default();
            tally.urls.extend(source.url.as_deref());
            tally.notes.extend(source.note.as_deref());
            if let (None, Some(kind)) = (tally.registered, source.kind) {
                tally.registered = Some((kind.as_str(), source.reliability.map_or("", |r| r.as_str())));
            }
            if let Some(date) = source.published {
                tally.first = Some(tally.first.map_or(date, |d| d.min(date)));
                tally.last = Some(tally.last.map_or(date, |d| d.max(date)));
            }
            if !counted.contains(&source.name.as_str()) {
                counted.push(&source.name);
                tally.events += 1;
                if let Some(grade) = source.credibility {
                    *tally.credibility.entry(grade).or_default() += 1;
                }
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
            kind: t.registered.map(|r| r.0.to_owned()),
            grade: t.registered.map(|r| r.1.to_owned()),
            credibility: t.credibility.into_iter().map(|(grade, events)| super::views::GradeCount { grade, events }).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;
    use crate::summary::tests::{event, undated};

    #[test]
    fn per_year_counts_what_began_in_each_year_and_lists_empty_years() {
        let period = Period::parse("2024-2026").unwrap();
        let mut early = event("early", "2021", 2);
        early.until = Some(PartialDate::parse("2025").unwrap());
        let mid = event("mid", "2025-06", 2);
        let counts = per_year(&[&early, &mid], &period);
        let pairs: Vec<(i32, usize)> = counts.iter().map(|c| (c.year, c.count)).collect();
        // Begun in 2021, the programme is no year's of the period.
        assert_eq!(pairs, [(2024, 0), (2025, 1), (2026, 0)]);
        assert_eq!(begun_before(&[&early, &mid], &period), 1);
        let row = columns("r".into(), &[&early, &mid], &period, &[]);
        assert_eq!((row.before, row.cells.as_slice(), row.total), (1, &[0, 1, 0][..], 2));
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
}
