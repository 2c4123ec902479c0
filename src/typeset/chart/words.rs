//! The English a drawn chart sets (the key to a timeline's marks) and
//! the alternative text of a chart without its own (`accDescr`). The
//! Fluent catalogue takes these over; until then, change wording here.

use super::Chart;

/// The key to a timeline's marks: the diamonds' sizes.
pub const KEY_SIGNIFICANCE: &str = "Significance:";
/// … the tinted bars.
pub const KEY_SPANS: &str = "bars: spans";
/// … the dots of undated facts.
pub const KEY_UNDATED: &str = "dots: undated, somewhere in the span";
/// … hollow marks.
pub const KEY_PLANNED: &str = "hollow: planned";
/// … marks too close to draw apart, drawn as one with their number.
pub const KEY_MERGED: &str = "3: three events too close to draw apart";

/// A chart's data in words: every slice or bar; a timeline's events, the
/// first 60 of them with a count of the rest.
pub fn describe(chart: &Chart) -> String {
    let number = |x: f64| crate::number::format_number(x);
    let titled = |what: &str, title: &str| if title.is_empty() { what.to_owned() } else { format!("{what}, {title}") };
    match chart {
        Chart::Pie { title, slices, .. } => {
            let total: f64 = slices.iter().map(|s| s.value).sum();
            let parts: Vec<String> = slices
                .iter()
                .map(|s| format!("{} {} ({:.0}%)", s.label, number(s.value), if total > 0.0 { s.value / total * 100.0 } else { 0.0 }))
                .collect();
            format!("{}: {}.", titled("Pie chart", title), parts.join("; "))
        }
        Chart::Bars { title, categories, values, .. } => {
            let parts: Vec<String> = categories.iter().zip(values).map(|(c, v)| format!("{c}: {}", number(*v))).collect();
            format!("{}: {}.", titled("Bar chart", title), parts.join("; "))
        }
        Chart::Timeline { title, lanes, .. } => {
            let tasks: usize = lanes.iter().map(|l| l.tasks.len()).sum();
            let first = lanes.iter().flat_map(|l| l.tasks.iter()).map(|t| t.start).min();
            let last = lanes.iter().flat_map(|l| l.tasks.iter()).map(|t| t.end).max();
            let span = match (first, last) {
                (Some(a), Some(b)) => format!(" from {} to {}", a.format("%-d %B %Y"), b.format("%-d %B %Y")),
                _ => String::new(),
            };
            let mut text = format!("{}: {tasks} events in {} lanes{span}.", titled("Timeline", title), lanes.len());
            let mut told = 0;
            for lane in lanes {
                if told >= 60 {
                    break;
                }
                let items: Vec<String> = lane
                    .tasks
                    .iter()
                    .take(60 - told)
                    .map(|t| {
                        if t.end > t.start {
                            format!("{} ({} to {})", t.name, t.start.format("%-d %B %Y"), t.end.format("%-d %B %Y"))
                        } else {
                            format!("{} ({})", t.name, t.start.format("%-d %B %Y"))
                        }
                    })
                    .collect();
                told += items.len();
                if !items.is_empty() {
                    text.push_str(&format!(" {}: {}.", lane.name, items.join("; ")));
                }
            }
            if tasks > told {
                text.push_str(&format!(" And {} more.", tasks - told));
            }
            text
        }
    }
}
