//! The words of the Markdown's charts: the `accDescr` sentences that say
//! what a chart shows, the value axis's title, and the notes added to
//! undated and planned events' names, each a message of the run's
//! catalogue (`chart-*` in `templates/en-GB.ftl`). (The chart titles are
//! the templates'.) Dates, counts and lists come from CLDR through the
//! catalogue; what is left here is which message says what, and
//! punctuation.

use chrono::{Datelike, NaiveDate};

use super::views::TimelineRow;
use crate::words::{Arg, Catalogue};

/// The title of a bar chart's value axis.
pub fn value_axis(words: &Catalogue) -> String {
    words.text("mermaid-value-axis", &[])
}

/// "one event", "seven events", "21 events": counts in words where a
/// reader of alternative text hears them best.
fn counted(n: u64, words: &Catalogue) -> String {
    let count = || ("count", Arg::from(n as f64));
    let in_words = words.text("count-in-words", &[count()]);
    words.text("mermaid-events", &[("words", in_words.into()), count()])
}

/// "12 February 2026".
fn day(d: NaiveDate, words: &Catalogue) -> String {
    words.date(d.year(), Some(d.month()), Some(d.day()))
}

/// The pie in words: each slice's count and rounded share, largest first.
pub fn pie(slices: &[(&str, u64)], words: &Catalogue) -> String {
    let total: u64 = slices.iter().map(|s| s.1).sum();
    let parts: Vec<String> = slices
        .iter()
        .map(|(name, count)| {
            let percent = (*count * 100 + total / 2) / total.max(1);
            let args = [("name", Arg::from(*name)), ("events", counted(*count, words).into()), ("percent", Arg::from(percent as f64))];
            words.text("mermaid-pie-slice", &args)
        })
        .collect();
    words.text("mermaid-pie", &[("events", counted(total, words).into()), ("slices", words.and_list(&parts).into())])
}

/// The label of the bar of undated events of a span: "undated 2024–2026".
/// (The Mermaid subset marks such bars by their number, `%% undated: N`,
/// not by this word.)
pub fn undated_bar(span: &str, words: &Catalogue) -> String {
    words.text("chart-bar-undated", &[("span", span.into())])
}

/// The bars in words: `labels` as the x-axis writes them, each bar with
/// events, then whether others are empty.
///
/// `named`: the bars are named categories (regions), not years: the
/// sentence says what the chart counts by its `title`, and no year.
pub fn bars(labels: &[String], counts: &[u64], named: Option<&str>, words: &Catalogue) -> String {
    let parts: Vec<String> = labels
        .iter()
        .zip(counts)
        .filter(|(_, &n)| n > 0)
        .map(|(label, &n)| words.text("mermaid-bar", &[("events", counted(n, words).into()), ("label", label.as_str().into())]))
        .collect();
    let said = match (parts.is_empty(), counts.contains(&0), named.is_some()) {
        (true, _, _) => words.text("mermaid-bars-none", &[]),
        (false, true, false) => words.text("mermaid-bars-some", &[("bars", words.and_list(&parts).into())]),
        (false, true, true) => words.text("mermaid-bars-some-named", &[("bars", words.and_list(&parts).into())]),
        (false, false, _) => words.text("mermaid-bars-all", &[("bars", words.and_list(&parts).into())]),
    };
    let bars = ("bars", Arg::from(said));
    if let Some(title) = named {
        return words.text("mermaid-bars-named", &[("title", title.into()), bars]);
    }
    match (labels.first(), labels.last()) {
        (Some(a), Some(b)) if a != b => words.text("mermaid-bars-from", &[("first", a.as_str().into()), ("last", b.as_str().into()), bars]),
        (Some(a), _) => words.text("mermaid-bars-in", &[("first", a.as_str().into()), bars]),
        _ => words.text("mermaid-bars", &[bars]),
    }
}

/// A timeline task's name: the event's title, and whether it is undated
/// or only planned.
pub fn task_name(title: &str, undated: bool, planned: bool, words: &Catalogue) -> String {
    let state = match (undated, planned) {
        (true, true) => "undated-planned",
        (true, false) => "undated",
        (false, true) => "planned",
        (false, false) => "dated",
    };
    words.text("mermaid-task", &[("title", title.into()), ("state", state.into())])
}

/// A period's first and last day at the precision it has: whole years
/// ("2024", "2026"), whole months ("July 2024"), else days
/// ([`crate::date::PartialDate::span_of`]).
fn bounds(start: NaiveDate, end: NaiveDate, words: &Catalogue) -> (String, String) {
    let (first, last) = crate::date::PartialDate::span_of(start, end);
    (first.display_in(words), last.display_in(words))
}

/// The timeline in words: how many events over which dates, then each
/// pillar's events with their dates, in the chart's order.
pub fn timeline(events: &[TimelineRow<'_>], start: NaiveDate, end: NaiveDate, words: &Catalogue) -> String {
    let (from, until) = bounds(start, end, words);
    let text = words.text("mermaid-timeline", &[("count", events.len().into()), ("from", from.into()), ("until", until.into())]);
    timeline_lanes(text, events, words)
}

/// `head`, the timeline's counts in words, followed by each pillar's
/// events with their dates, in the chart's order.
pub fn timeline_lanes(head: String, events: &[TimelineRow<'_>], words: &Catalogue) -> String {
    let mut text = head;
    let mut lanes: Vec<(usize, &str)> = events.iter().map(|e| (e.colour, e.pillar_name)).collect();
    lanes.sort();
    lanes.dedup();
    for (colour, lane) in lanes {
        let items: Vec<String> = events
            .iter()
            .filter(|e| e.colour == colour)
            .map(|e| {
                // Known to the month or year, undated within a span, or a
                // plan: its date as the data give it ("2026 (planned)"),
                // never days it was drawn over.
                if e.undated || e.imprecise || e.planned {
                    words.text("mermaid-timeline-when", &[("title", e.title.into()), ("when", e.when.into())])
                } else if e.single_day || e.start == e.end {
                    words.text("mermaid-timeline-on", &[("title", e.title.into()), ("date", day(e.start, words).into())])
                } else {
                    let (from, until) = (day(e.start, words), day(e.end, words));
                    words.text("mermaid-timeline-from", &[("title", e.title.into()), ("from", from.into()), ("until", until.into())])
                }
            })
            .collect();
        text.push(' ');
        text.push_str(&words.text("mermaid-timeline-lane", &[("lane", lane.into()), ("events", items.join("; ").into())]));
    }
    text
}
