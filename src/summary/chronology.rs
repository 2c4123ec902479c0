//! The chronology: every event of the period by date, by year and, in a
//! year of many, by month; the undated ones apart, a group per span.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::dataset::{Event, Pillar, Status};
use crate::period::Period;

use super::wording::Wording;

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
    /// The dated events begun before the period's first year and still
    /// under way in it, apart under a heading of their own ("Begun before
    /// 2024", issue 27, item 6), not among the first year's.
    pub before: Vec<ChronologyEntry>,
    /// The year `before` names: the period's first.
    pub first_year: i32,
    /// The other dated events by year (of the start date), and by month in
    /// a year of many (issue 9).
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

/// What the chronology shows of a pillar.
pub(super) struct PillarLabel<'p> {
    name: &'p str,
    short: Option<&'p str>,
    colour: usize,
}

/// Every pillar's label; the colour is the position among those reported.
pub(super) fn pillar_labels<'p>(all: &'p [Pillar], reported: &[&Pillar]) -> BTreeMap<&'p str, PillarLabel<'p>> {
    all.iter()
        .map(|p| {
            let colour = reported.iter().position(|r| r.id == p.id).unwrap_or(0);
            (p.id.as_str(), PillarLabel { name: &p.name, short: p.short.as_deref(), colour })
        })
        .collect()
}

/// The chronology: dated events by date, then the undated ones grouped by
/// span; empty when left out (`wording` is `None`: no words are needed).
pub(super) fn chronology(
    selected: &[&Event],
    labels: &BTreeMap<&str, PillarLabel<'_>>,
    period: &Period,
    wording: Option<&Wording<'_>>,
) -> Chronology {
    let first_year = period.years().next().unwrap_or_default();
    let mut chronology =
        Chronology { included: wording.is_some(), events: Vec::new(), before: Vec::new(), first_year, years: Vec::new(), undated: Vec::new() };
    let Some(wording) = wording else {
        return chronology;
    };
    let entry = |e: &Event| {
        let label = labels.get(&*e.pillar);
        ChronologyEntry {
            id: e.id.clone(),
            title: super::views::shown_title(wording.words(), e),
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
        if period.began_before(*e) {
            chronology.before.push(view.clone());
        } else if let Some(year) = period.year_of(e) {
            years.entry(year).or_default().push((e, view.clone()));
        }
    }
    chronology.years = years
        .into_iter()
        .map(|(year, events)| {
            if events.len() <= CHRONOLOGY_MONTHS_OVER {
                return ChronologyYear { year, events: events.into_iter().map(|(_, v)| v).collect(), months: Vec::new() };
            }
            let mut months: Vec<ChronologyMonth> = Vec::new();
            for (e, view) in events {
                let name = wording.month_group(year, e, period);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::tests::{event, undated};

    #[test]
    fn the_chronology_lists_undated_events_apart_by_span() {
        let names = BTreeMap::new();
        let period = Period::parse("2024-2026").unwrap();
        let wide = undated("wide", "2024", "2026", 3);
        let narrow = undated("narrow", "2025-03", "2025-05", 2);
        let dated = event("dated", "2025-06", 2);
        let mut all = vec![&wide, &narrow, &dated];
        all.sort_by_cached_key(|e| crate::summary::chronological(e));
        let words = crate::words::Catalogue::builtin();
        let wording = Wording::new(&words);
        let c = chronology(&all, &names, &period, Some(&wording));
        assert_eq!(c.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["dated"]);
        let groups: Vec<(&str, Vec<&str>)> =
            c.undated.iter().map(|g| (g.from.as_str(), g.events.iter().map(|e| e.id.as_str()).collect())).collect();
        assert_eq!(groups, [("2024", vec!["wide"]), ("2025-03", vec!["narrow"])]);
        assert!(c.before.is_empty());
        let left_out = chronology(&all, &names, &period, None);
        assert!(left_out.events.is_empty() && left_out.undated.is_empty());
    }

    #[test]
    fn issue_27_events_begun_before_the_period_are_headed_apart() {
        let names = BTreeMap::new();
        let period = Period::parse("2024-2026").unwrap();
        let mut framework = event("framework", "2021", 3);
        framework.until = Some(crate::date::PartialDate::parse("2025").unwrap());
        let inside = event("inside", "2024-03", 2);
        let mut all = vec![&framework, &inside];
        all.sort_by_cached_key(|e| crate::summary::chronological(e));
        let words = crate::words::Catalogue::builtin();
        let c = chronology(&all, &names, &period, Some(&Wording::new(&words)));
        assert_eq!(c.before.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["framework"]);
        assert_eq!(c.first_year, 2024);
        let first: Vec<&str> = c.years[0].events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!((c.years[0].year, first), (2024, vec!["inside"]), "not among the first year's");
    }
}
