//! Writing a chart as a Mermaid block of the subset (the block's text
//! between its fences), each line in the form the module's doc gives.

use std::fmt::Write as _;

use super::{alt_text, axis_format, gantt_label, label, Alt, Axis, Chart, Lane, Rgb, Slice, Task};

/// The Mermaid text of `chart`, every line ending in a line break, for a
/// fenced ```` ```mermaid ```` block.
pub fn write(chart: &Chart) -> String {
    match chart {
        Chart::Pie { title, slices, alt } => pie(title, slices, alt),
        Chart::Bars { title, categories, values, undated, color, axis, alt } => bars(title, categories, (values, *undated), *color, axis.as_ref(), alt),
        Chart::Timeline { title, lanes, period, alt } => timeline(title, lanes, *period, alt),
    }
}

/// A theme directive with `variables` (already JSON) as its variables.
fn init(variables: &str) -> String {
    format!("%%{{init: {{\"theme\": \"base\", \"themeVariables\": {{{variables}}}}}}}%%\n")
}

fn accessibility(alt: &Alt) -> String {
    format!("    accTitle: {}\n    accDescr: {}\n", alt_text(&alt.title), alt_text(&alt.description))
}

fn pie(title: &str, slices: &[Slice], alt: &Alt) -> String {
    let colours: Vec<String> =
        slices.iter().enumerate().map(|(i, s)| format!("\"pie{}\": \"{}\"", i + 1, s.color.hex())).collect();
    let mut text = init(&colours.join(", "));
    let _ = writeln!(text, "pie showData title {}", label(title));
    text.push_str(&accessibility(alt));
    for slice in slices {
        let _ = writeln!(text, "    \"{}\" : {}", label(&slice.label), slice.value);
    }
    text
}

/// A category as an `x-axis` item: bare when a number (a year), else
/// quoted, with a comma and a `]` (which would end the item or the list)
/// as entity codes, which Mermaid and [`super::decode`] read back: the
/// category reads as written (issue 29, item 6).
pub fn category(text: &str) -> String {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        text.to_owned()
    } else {
        format!("\"{}\"", label(text).replace(',', "#44;").replace(']', "#93;"))
    }
}

fn bars(title: &str, categories: &[String], (values, undated): (&[f64], usize), color: Rgb, axis: Option<&Axis>, alt: &Alt) -> String {
    let mut text = init(&format!("\"xyChart\": {{\"plotColorPalette\": \"{}\"}}", color.hex()));
    let _ = writeln!(text, "xychart-beta\n    title \"{}\"", label(title));
    text.push_str(&accessibility(alt));
    let categories: Vec<String> = categories.iter().map(|c| category(c)).collect();
    let _ = writeln!(text, "    x-axis [{}]", categories.join(", "));
    if let Some(axis) = axis {
        let _ = write!(text, "    y-axis \"{}\"", label(&axis.title));
        if let Some((min, max)) = axis.range {
            let _ = write!(text, " {min} --> {max}");
        }
        text.push('\n');
    }
    if undated > 0 {
        let _ = writeln!(text, "    %% undated: {undated}");
    }
    let values: Vec<String> = values.iter().map(f64::to_string).collect();
    let _ = writeln!(text, "    bar [{}]", values.join(", "));
    text
}

fn timeline(title: &str, lanes: &[Lane], period: Option<(chrono::NaiveDate, chrono::NaiveDate)>, alt: &Alt) -> String {
    let mut text = format!(
        "gantt\n    title {}\n    dateFormat YYYY-MM-DD\n    axisFormat {}\n",
        gantt_label(title),
        axis_format(period)
    );
    text.push_str(&accessibility(alt));
    let colours: Vec<String> = lanes.iter().map(|l| l.color.hex()).collect();
    let _ = writeln!(text, "    %% lanes: {}", colours.join(" "));
    if let Some((first, last)) = period {
        let _ = writeln!(text, "    %% period: {first} {last}");
    }
    for lane in lanes {
        let _ = writeln!(text, "    section {}", gantt_label(&lane.name));
        for task in &lane.tasks {
            text.push_str(&self::task(task));
        }
    }
    text
}

/// `    NAME :TAGS, s{significance}{flags}e{key}, START, END`.
fn task(task: &Task) -> String {
    let mut tags = String::new();
    for (on, tag) in [(task.milestone, "milestone"), (task.significance >= 4, "crit"), (task.undated, "done")] {
        if on {
            tags.push_str(tag);
            tags.push_str(", ");
        }
    }
    let mut flags: String =
        [(task.undated, 'u'), (task.planned, 'p'), (task.imprecise, 'm')].iter().filter(|f| f.0).map(|f| f.1).collect();
    if task.count > 0 {
        flags.push_str(&format!("c{}", task.count));
    }
    let end = if task.milestone { "0d".to_owned() } else { task.end.to_string() };
    format!(
        "    {} :{tags}s{}{flags}e{}, {}, {end}\n",
        gantt_label(&task.name),
        task.significance,
        task.key,
        task.start
    )
}
