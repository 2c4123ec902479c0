//! The words a drawn chart sets (the key to a timeline's marks, the
//! months of its axis, a pie's legend) and the alternative text of a chart
//! without its own (`accDescr`), all from the run's catalogue
//! (`templates/en-GB.ftl`, "Charts, their descriptions, and the page
//! furniture"); numbers and dates are written by CLDR before they reach a
//! message.

use chrono::{Datelike, NaiveDate};

use super::{Chart, Lane};
use crate::words::{Arg, Catalogue};

/// How many of a timeline's events its description names; the rest are
/// counted ("And 12 more.").
const TOLD: usize = 60;

/// What the parts of a description are joined by: punctuation, the same
/// in every language the catalogue might be written in.
const PARTS: &str = "; ";

/// The key to a timeline's marks, in the catalogue's words.
pub(super) struct Key {
    /// The diamonds' sizes.
    pub significance: String,
    /// The tinted bars.
    pub spans: String,
    /// The bands of events known to the month or year.
    pub bands: String,
    /// A dense timeline's cells.
    pub cells: String,
    /// The dots of undated facts.
    pub undated: String,
    /// Hollow marks.
    pub planned: String,
    /// Marks too close to draw apart, drawn as one with their number.
    pub merged: String,
}

impl Key {
    pub(super) fn of(words: &Catalogue) -> Key {
        let say = |id| words.text(id, &[]);
        Key {
            significance: say("chart-key-significance"),
            spans: say("chart-key-spans"),
            bands: say("chart-key-bands"),
            cells: say("chart-key-cells"),
            undated: say("chart-key-undated"),
            planned: say("chart-key-planned"),
            merged: say("chart-key-merged"),
        }
    }
}

/// The messages of the months' short names on a timeline's axis.
const AXIS_MONTHS: [&str; 12] = [
    "chart-axis-month-1",
    "chart-axis-month-2",
    "chart-axis-month-3",
    "chart-axis-month-4",
    "chart-axis-month-5",
    "chart-axis-month-6",
    "chart-axis-month-7",
    "chart-axis-month-8",
    "chart-axis-month-9",
    "chart-axis-month-10",
    "chart-axis-month-11",
    "chart-axis-month-12",
];

/// Month `m`'s short name on a timeline's axis ("Sep"); out-of-range
/// months clamp.
pub(super) fn axis_month(words: &Catalogue, m: u32) -> String {
    words.text(AXIS_MONTHS[(m.clamp(1, 12) - 1) as usize], &[])
}

/// A slice in a pie's legend: "EU — 12 (30.0%)".
pub(super) fn pie_legend(words: &Catalogue, label: &str, value: f64, share: f64) -> String {
    words.text(
        "chart-pie-legend",
        &[("label", label.into()), ("value", quantity(value).into()), ("share", format!("{share:.1}").into())],
    )
}

/// A chart's data in words: every slice or bar; a timeline's events, the
/// first 60 of them with a count of the rest.
pub fn describe(chart: &Chart, words: &Catalogue) -> String {
    let number = |x: f64| Arg::from(quantity(x));
    let titled = |what: &str, title: &str| {
        let what = words.text(what, &[]);
        if title.is_empty() {
            what
        } else {
            words.text("chart-titled", &[("chart", what.into()), ("title", title.into())])
        }
    };
    let described = |chart: String, data: String| words.text("chart-described", &[("chart", chart.into()), ("data", data.into())]);
    match chart {
        Chart::Pie { title, slices, .. } => {
            let total: f64 = slices.iter().map(|s| s.value).sum();
            let parts: Vec<String> = slices
                .iter()
                .map(|s| {
                    let share = if total > 0.0 { s.value / total * 100.0 } else { 0.0 };
                    words.text(
                        "chart-pie-slice",
                        &[("label", s.label.as_str().into()), ("value", number(s.value)), ("share", format!("{share:.0}").into())],
                    )
                })
                .collect();
            described(titled("chart-pie", title), parts.join(PARTS))
        }
        Chart::Bars { title, categories, values, .. } => {
            let parts: Vec<String> = categories
                .iter()
                .zip(values)
                .map(|(c, v)| words.text("chart-bar", &[("label", c.as_str().into()), ("value", number(*v))]))
                .collect();
            described(titled("chart-bars", title), parts.join(PARTS))
        }
        Chart::Timeline { title, lanes, .. } => {
            let mut text = described(titled("chart-timeline", title), counted(lanes, words));
            let (lanes_said, told) = lanes_said(lanes, words);
            for lane in lanes_said {
                text.push(' ');
                text.push_str(&lane);
            }
            let tasks: usize = lanes.iter().map(|l| l.tasks.len()).sum();
            if tasks > told {
                text.push(' ');
                text.push_str(&words.text("chart-timeline-more", &[("count", (tasks - told).into())]));
            }
            text
        }
    }
}

/// A day as the catalogue writes it: "12 February 2026".
fn day(words: &Catalogue, d: NaiveDate) -> String {
    words.date(d.year(), Some(d.month()), Some(d.day()))
}

/// The first and last day of a span at the precision they have: whole
/// years ("2024", "2026"), whole months ("February 2026"), else days. The
/// chart draws a fact known to the month over the month's days; its
/// description must not say those days ([`crate::date::PartialDate::span_of`]).
fn bounds(words: &Catalogue, start: NaiveDate, end: NaiveDate) -> (String, String) {
    let (first, last) = crate::date::PartialDate::span_of(start, end);
    (first.display_in(words), last.display_in(words))
}

/// A timeline's events and lanes counted, with its first and last day.
fn counted(lanes: &[Lane], words: &Catalogue) -> String {
    let tasks: usize = lanes.iter().map(|l| l.tasks.len()).sum();
    let first = lanes.iter().flat_map(|l| l.tasks.iter()).map(|t| t.start).min();
    let last = lanes.iter().flat_map(|l| l.tasks.iter()).map(|t| t.end).max();
    let counts = [("events", Arg::from(tasks)), ("lanes", Arg::from(lanes.len()))];
    match (first, last) {
        (Some(a), Some(b)) => {
            let (from, until) = bounds(words, a, b);
            let args = [counts[0].clone(), counts[1].clone(), ("from", from.into()), ("until", until.into())];
            words.text("chart-timeline-events-dated", &args)
        }
        _ => words.text("chart-timeline-events", &counts),
    }
}

/// Each lane with events told, with its first events, up to [`TOLD`] in
/// all; and how many were told.
fn lanes_said(lanes: &[Lane], words: &Catalogue) -> (Vec<String>, usize) {
    let mut said = Vec::new();
    let mut told = 0;
    for lane in lanes {
        if told >= TOLD {
            break;
        }
        let items: Vec<String> = lane
            .tasks
            .iter()
            .take(TOLD - told)
            .map(|t| {
                // Known to the month or year, or undated within a span:
                // said at that precision ("February 2026", "2024 to 2026").
                let (from, until) = match t.imprecise || t.undated {
                    true => bounds(words, t.start, t.end),
                    false => (day(words, t.start), day(words, t.end)),
                };
                if from == until {
                    words.text("chart-timeline-event", &[("name", t.name.as_str().into()), ("date", from.into())])
                } else if t.end > t.start {
                    let args = [("name", t.name.as_str().into()), ("from", from.into()), ("until", until.into())];
                    words.text("chart-timeline-event-span", &args)
                } else {
                    words.text("chart-timeline-event", &[("name", t.name.as_str().into()), ("date", day(words, t.start).into())])
                }
            })
            .collect();
        told += items.len();
        if !items.is_empty() {
            said.push(words.text("chart-timeline-lane", &[("lane", lane.name.as_str().into()), ("events", items.join(PARTS).into())]));
        }
    }
    (said, told)
}

/// A chart's value as its words write it: a whole number is a count,
/// grouped from four digits ("2,542", issue 27); others as figures.
pub(super) fn quantity(x: f64) -> String {
    if x.fract() == 0.0 && (0.0..1e15).contains(&x) {
        crate::number::thousands(x as usize)
    } else {
        crate::number::format_number(x)
    }
}
