//! The English of the Markdown's charts, in one place: the `accDescr`
//! sentences that say what a chart shows, the value axis's title, and the
//! notes added to undated and planned events' names. (The chart titles are
//! the templates'.) The Fluent catalogue takes these over; until then,
//! change wording here and nowhere else.

use chrono::NaiveDate;

use super::and_list;
use super::views::TimelineRow;
use crate::mermaid::UNDATED_CATEGORY;
use crate::number::format_number;

/// The title of a bar chart's value axis.
pub const VALUE_AXIS: &str = "Events";

/// "one event", "seven events", "21 events": counts in words where a
/// reader of alternative text hears them best.
fn counted(n: u64, word: &str) -> String {
    const WORDS: [&str; 21] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];
    let number = WORDS.get(n as usize).map_or_else(|| format_number(n as f64), |w| (*w).to_owned());
    if n == 1 {
        format!("{number} {word}")
    } else {
        format!("{number} {word}s")
    }
}

/// "1 event", "3 events".
fn plural_of(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{} {word}s", format_number(n as f64))
    }
}

/// "12 February 2026".
fn day(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// The pie in words: each slice's count and rounded share, largest first.
pub fn pie(slices: &[(&str, u64)]) -> String {
    let total: u64 = slices.iter().map(|s| s.1).sum();
    let parts: Vec<String> = slices
        .iter()
        .map(|(name, count)| format!("{name} {} ({} percent)", counted(*count, "event"), (*count * 100 + total / 2) / total.max(1)))
        .collect();
    format!("A pie chart of {}: {}.", counted(total, "event"), and_list(&parts))
}

/// The label of the bar of undated events of a span: its first word marks
/// it for the PDF (see [`UNDATED_CATEGORY`]).
pub fn undated_bar(span: &str) -> String {
    format!("{UNDATED_CATEGORY} {span}")
}

/// The bars in words: `labels` as the x-axis writes them, each bar with
/// events, then whether others are empty.
pub fn bars(labels: &[String], counts: &[u64]) -> String {
    let parts: Vec<String> =
        labels.iter().zip(counts).filter(|(_, &n)| n > 0).map(|(year, &n)| format!("{} in {year}", counted(n, "event"))).collect();
    let span = match (labels.first(), labels.last()) {
        (Some(a), Some(b)) if a != b => format!(" from {a} to {b}"),
        (Some(a), _) => format!(" in {a}"),
        _ => String::new(),
    };
    let said = match (parts.is_empty(), counts.contains(&0)) {
        (true, _) => "no events".to_owned(),
        (false, true) => format!("{}; no events in the other years", and_list(&parts)),
        (false, false) => and_list(&parts),
    };
    format!("A bar chart of events per year{span}: {said}.")
}

/// A timeline task's name: the event's title, and whether it is undated
/// or only planned.
pub fn task_name(title: &str, undated: bool, planned: bool) -> String {
    let note = match (undated, planned) {
        (true, true) => " (undated, planned)",
        (true, false) => " (undated)",
        (false, true) => " (planned)",
        (false, false) => "",
    };
    format!("{title}{note}")
}

/// The timeline in words: how many events over which dates, then each
/// pillar's events with their dates, in the chart's order.
pub fn timeline(events: &[TimelineRow<'_>], start: NaiveDate, end: NaiveDate) -> String {
    let mut text = format!(
        "A timeline of {} from {} to {}, one lane per pillar.",
        plural_of(events.len() as u64, "event"),
        day(start),
        day(end)
    );
    let mut lanes: Vec<(usize, &str)> = events.iter().map(|e| (e.colour, e.pillar_name)).collect();
    lanes.sort();
    lanes.dedup();
    for (colour, lane) in lanes {
        let items: Vec<String> = events
            .iter()
            .filter(|e| e.colour == colour)
            .map(|e| {
                if e.single_day || e.start == e.end {
                    format!("{} on {}", e.title, day(e.start))
                } else {
                    format!("{} from {} to {}", e.title, day(e.start), day(e.end))
                }
            })
            .collect();
        text.push_str(&format!(" {lane}: {}.", items.join("; ")));
    }
    text
}
