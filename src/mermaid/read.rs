//! Reading a Mermaid block of the subset back into a [`Chart`]. Lenient
//! where Mermaid is (keywords in any case, lines it would ignore), strict
//! where a drawing would be wrong (a value that is no number, a date in
//! another format): such a block is an error the typesetter turns into a
//! warning and a code block.

use super::{day, decode, Alt, Axis, Chart, Lane, Rgb, Slice, Task};

/// Why a Mermaid block is not a chart of the subset.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ParseError {
    #[error("the block is empty")]
    Empty,
    #[error("`{0}` charts are not drawn (pie, xychart-beta and gantt are)")]
    Unsupported(String),
    #[error("expected `\"label\" : value`, found `{0}`")]
    SliceForm(String),
    #[error("a slice label must be quoted: `{0}`")]
    UnquotedSlice(String),
    #[error("`{0}` is not a number")]
    NotANumber(String),
    #[error("slice value {0} must be zero or more")]
    NegativeSlice(f64),
    #[error("a pie needs at least one slice")]
    NoSlices,
    #[error("expected `[...]`, found `{0}`")]
    NotAList(String),
    #[error("bar values must be numbers: `{0}`")]
    BarNotANumber(String),
    #[error("bar values must be zero or more")]
    NegativeBar,
    #[error("`{0}` is not drawn in bar charts")]
    NotInBars(String),
    #[error("a bar chart needs a `bar [...]` line")]
    NoBars,
    #[error("{0} categories but {1} bars")]
    Mismatch(usize, usize),
    #[error("dateFormat `{0}` is not drawn (YYYY-MM-DD is)")]
    DateFormat(String),
    #[error("expected `task : ...`, found `{0}`")]
    TaskForm(String),
    #[error("expected `id, start, end` in `{0}`")]
    TaskFields(String),
    #[error("`{0}` is not a YYYY-MM-DD date")]
    NotADate(String),
    #[error("a timeline needs at least one task")]
    NoTasks,
}

/// The lines of a block sorted by what they are.
#[derive(Default)]
struct Lines<'a> {
    /// `%%{init: …}%%` directives, joined.
    init: String,
    /// `%% …` comments, without the `%%`.
    comments: Vec<&'a str>,
    alt: Alt,
    /// Everything else that is not blank, trimmed.
    body: Vec<&'a str>,
}

fn sort(source: &str) -> Lines<'_> {
    let mut lines = Lines::default();
    for line in source.lines() {
        let t = line.trim();
        if t.starts_with("%%{") {
            lines.init.push_str(t);
        } else if let Some(c) = t.strip_prefix("%%") {
            lines.comments.push(c.trim());
        } else if let Some((key, text)) = accessibility(t) {
            // The first that says something, as Mermaid keeps one.
            let slot = if key == "accTitle" { &mut lines.alt.title } else { &mut lines.alt.description };
            if slot.is_empty() {
                text.clone_into(slot);
            }
        } else if !t.is_empty() {
            lines.body.push(t);
        }
    }
    lines
}

/// `accTitle: …` and `accDescr: …`: a chart's title and description for
/// readers who cannot see it; they draw nothing.
fn accessibility(line: &str) -> Option<(&'static str, &str)> {
    ["accTitle", "accDescr"].into_iter().find_map(|key| {
        let rest = line.strip_prefix(key)?.trim_start().strip_prefix(':')?;
        Some((key, rest.trim()))
    })
}

/// Reads a Mermaid block of the subset.
pub fn parse(source: &str) -> Result<Chart, ParseError> {
    let lines = sort(source);
    let (head, body) = lines.body.split_first().ok_or(ParseError::Empty)?;
    let kind = head.split_whitespace().next().unwrap_or("");
    match kind {
        "pie" => pie(head, body, &lines.init, lines.alt),
        "xychart-beta" | "xychart" => bars(body, &lines.init, &lines.comments, lines.alt),
        "gantt" => gantt(body, &lines.comments, lines.alt),
        other => Err(ParseError::Unsupported(other.to_owned())),
    }
}

/// The value of `"key": "value"` in an init directive.
fn init_value(init: &str, key: &str) -> Option<String> {
    let at = init.find(&format!("\"{key}\""))? + key.len() + 2;
    let rest = init[at..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_owned())
}

fn pie(head: &str, body: &[&str], init: &str, alt: Alt) -> Result<Chart, ParseError> {
    let mut title = head.split_once("title").map(|(_, t)| decode(t.trim())).unwrap_or_default();
    let mut slices = Vec::new();
    for line in body {
        if let Some(t) = line.strip_prefix("title") {
            title = decode(t.trim());
            continue;
        }
        let (label, value) = line.rsplit_once(':').ok_or_else(|| ParseError::SliceForm((*line).to_owned()))?;
        let label = label.trim();
        let label = label
            .strip_prefix('"')
            .and_then(|l| l.strip_suffix('"'))
            .ok_or_else(|| ParseError::UnquotedSlice((*line).to_owned()))?;
        let value: f64 = value.trim().parse().map_err(|_| ParseError::NotANumber(value.trim().to_owned()))?;
        if !(value.is_finite() && value >= 0.0) {
            return Err(ParseError::NegativeSlice(value));
        }
        let n = slices.len();
        let color = init_value(init, &format!("pie{}", n + 1)).and_then(|c| Rgb::parse(&c)).unwrap_or_else(|| Rgb::of_pillar(n));
        slices.push(Slice { label: decode(label), value, color });
    }
    if slices.is_empty() {
        return Err(ParseError::NoSlices);
    }
    Ok(Chart::Pie { title, slices, alt })
}

fn list(text: &str) -> Result<Vec<String>, ParseError> {
    let inner = text
        .trim()
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .ok_or_else(|| ParseError::NotAList(text.to_owned()))?;
    if inner.trim().is_empty() {
        return Ok(Vec::new());
    }
    Ok(inner.split(',').map(|s| decode(s.trim().trim_matches('"'))).collect())
}

/// `y-axis "TITLE" MIN --> MAX`, each part optional.
fn axis(rest: &str) -> Axis {
    let rest = rest.trim();
    let (title, range) = match rest.strip_prefix('"').and_then(|r| r.split_once('"')) {
        Some((title, after)) => (decode(title), after.trim()),
        None if rest.contains("-->") => (String::new(), rest),
        None => (decode(rest), ""),
    };
    let range = range.split_once("-->").and_then(|(min, max)| Some((min.trim().parse().ok()?, max.trim().parse().ok()?)));
    Axis { title, range }
}

fn bars(body: &[&str], init: &str, comments: &[&str], alt: Alt) -> Result<Chart, ParseError> {
    let mut title = String::new();
    let mut categories = Vec::new();
    let mut values: Option<Vec<f64>> = None;
    let mut y = None;
    // `%% undated: N`: the last N bars are of undated facts.
    let undated: usize = comments.iter().filter_map(|c| c.strip_prefix("undated:")?.trim().parse().ok()).next_back().unwrap_or(0);
    for line in body {
        let (key, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        match key {
            "title" => title = decode(rest.trim().trim_matches('"')),
            "x-axis" => categories = list(rest)?,
            "y-axis" => y = Some(axis(rest)),
            "bar" if values.is_none() => {
                let parsed: Result<Vec<f64>, _> = list(rest)?.iter().map(|v| v.parse::<f64>()).collect();
                let parsed = parsed.map_err(|_| ParseError::BarNotANumber(rest.to_owned()))?;
                if parsed.iter().any(|v| !v.is_finite() || *v < 0.0) {
                    return Err(ParseError::NegativeBar);
                }
                values = Some(parsed);
            }
            other => return Err(ParseError::NotInBars(other.to_owned())),
        }
    }
    let values = values.ok_or(ParseError::NoBars)?;
    if categories.len() != values.len() {
        return Err(ParseError::Mismatch(categories.len(), values.len()));
    }
    let color = init_value(init, "plotColorPalette").and_then(|c| Rgb::parse(&c)).unwrap_or_else(|| Rgb::of_pillar(0));
    // More undated bars than bars: all of them.
    let undated = undated.min(values.len());
    Ok(Chart::Bars { title, categories, values, undated, color, axis: y, alt })
}

fn gantt(body: &[&str], comments: &[&str], alt: Alt) -> Result<Chart, ParseError> {
    let colors: Vec<Rgb> = comments
        .iter()
        .filter_map(|c| c.strip_prefix("lanes:"))
        .flat_map(|c| c.split_whitespace().filter_map(Rgb::parse).collect::<Vec<_>>())
        .collect();
    let lane_color = |n: usize| colors.get(n).copied().unwrap_or_else(|| Rgb::of_pillar(n));
    let mut title = String::new();
    let mut lanes: Vec<Lane> = Vec::new();
    for line in body {
        let (key, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        // Keywords in any case, as Mermaid reads them.
        match key.to_ascii_lowercase().as_str() {
            "title" => title = decode(rest.trim()),
            "dateformat" if rest.trim() != "YYYY-MM-DD" => return Err(ParseError::DateFormat(rest.trim().to_owned())),
            "dateformat" | "axisformat" | "excludes" | "includes" | "todaymarker" | "tickinterval" | "weekday" | "weekend"
            | "inclusiveenddates" | "topaxis" => {}
            "section" => {
                let color = lane_color(lanes.len());
                lanes.push(Lane { name: decode(rest.trim()), color, tasks: Vec::new() });
            }
            _ => {
                let task = task(line)?;
                if lanes.is_empty() {
                    lanes.push(Lane { name: String::new(), color: lane_color(0), tasks: Vec::new() });
                }
                if let Some(lane) = lanes.last_mut() {
                    lane.tasks.push(task);
                }
            }
        }
    }
    if lanes.iter().all(|l| l.tasks.is_empty()) {
        return Err(ParseError::NoTasks);
    }
    let period = comments.iter().filter_map(|c| c.strip_prefix("period:")).find_map(|c| {
        let (from, to) = c.trim().split_once(' ')?;
        Some((day(from)?, day(to)?)).filter(|(a, b)| a <= b)
    });
    Ok(Chart::Timeline { title, lanes, period, alt })
}

/// `NAME :TAGS, ID, START, END`; `END` may be a number of days (`0d`).
fn task(line: &str) -> Result<Task, ParseError> {
    let (name, spec) = line.split_once(':').ok_or_else(|| ParseError::TaskForm(line.to_owned()))?;
    let parts: Vec<&str> = spec.split(',').map(str::trim).collect();
    let milestone = parts.contains(&"milestone");
    let fields: Vec<&str> =
        parts.iter().copied().filter(|p| !matches!(*p, "milestone" | "crit" | "done" | "active")).collect();
    let (id, start, end) = match fields.as_slice() {
        [id, start, end] => (*id, *start, *end),
        [start, end] => ("", *start, *end),
        _ => return Err(ParseError::TaskFields(line.to_owned())),
    };
    let date = |d: &str| day(d).ok_or_else(|| ParseError::NotADate(d.to_owned()));
    let start = date(start)?;
    let end = if milestone || end.ends_with('d') && end.trim_end_matches('d').parse::<u32>().is_ok() {
        let days: u64 = end.trim_end_matches('d').parse().unwrap_or(0);
        start.checked_add_days(chrono::Days::new(days)).unwrap_or(start)
    } else {
        date(end)?
    };
    // `s4pe12`: significance, flags up to `e`, then the key.
    let id = id.strip_prefix('s').unwrap_or("");
    let significance = id.chars().next().and_then(|c| c.to_digit(10)).map_or(3, |d| d.clamp(1, 5) as u8);
    let (flags, key) = id.get(1..).and_then(|s| s.split_once('e')).unwrap_or(("", ""));
    Ok(Task {
        name: decode(name.trim()),
        start,
        end: end.max(start),
        significance,
        milestone,
        undated: flags.contains('u'),
        planned: flags.contains('p'),
        imprecise: flags.contains('m'),
        key: key.parse().unwrap_or(0),
        count: flags.split_once('c').map_or(0, |(_, n)| n.parse().unwrap_or(0)),
    })
}
