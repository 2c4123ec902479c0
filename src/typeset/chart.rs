//! Charts: the Mermaid blocks of the briefing, drawn natively.
//!
//! The templates write charts as Mermaid (which GitHub and most Markdown
//! viewers draw); the typesetter reads back the subset they use, a `pie`,
//! an `xychart-beta` of bars and a `gantt` timeline, and draws it as
//! vector graphics with the report's fonts. Colours travel in the block:
//! Mermaid's `init` theme variables for pies and bars, a `%% lanes:` comment
//! for the timeline. A block outside that subset is an error the caller
//! turns into a warning and a code block.
//!
//! Geometry uses no trigonometry: the unit circle comes from a rotation
//! recurrence with fixed constants (only `+`, `*` and `sqrt`, which IEEE
//! arithmetic rounds the same everywhere), and coordinates are rounded to
//! 1/100 pt, so charts are identical on every platform.

use chrono::NaiveDate;

use super::display::{Item, Text};
use super::fonts::{Face, Fonts};
use super::geom::{Color, Point, Pt, Size};

/// A chart read from Mermaid.
#[derive(Clone, Debug, PartialEq)]
pub enum Chart {
    Pie { title: String, slices: Vec<Slice> },
    Bars { title: String, categories: Vec<String>, values: Vec<f64>, color: Color },
    /// `period`: the span the axis covers, first and last day (else the
    /// whole years of the tasks).
    Timeline { title: String, lanes: Vec<Lane>, period: Option<(NaiveDate, NaiveDate)> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Slice {
    pub label: String,
    pub value: f64,
    pub color: Color,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub name: String,
    pub color: Color,
    pub tasks: Vec<Task>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub significance: u8,
    /// Somewhere in `start..end`, not over it: a dotted band, no mark.
    pub undated: bool,
    /// Announced, not happened: a hollow mark.
    pub planned: bool,
    /// Known to the month or year only: its mark in the middle of its span.
    pub imprecise: bool,
}

const PALETTE: [&str; 6] = crate::palette::PALETTE;

/// `#rrggbb` as a colour.
pub fn parse_color(text: &str) -> Option<Color> {
    let (r, g, b) = crate::palette::parse(text)?;
    Some(Color::rgb(r, g, b))
}

fn palette(i: usize) -> Color {
    parse_color(PALETTE[i % PALETTE.len()]).unwrap_or(Color::BLACK)
}

/// Mermaid's entity codes back to text: the named ones the templates use
/// and any numeric one (`#58;`), as Mermaid decodes them.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let code = after.find(';').map(|end| (&after[..end], end));
        let decoded = code.and_then(|(code, end)| {
            let c = match code {
                "quot" => Some('"'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                digits if !digits.is_empty() && digits.len() <= 7 && digits.bytes().all(|b| b.is_ascii_digit()) => {
                    digits.parse().ok().and_then(char::from_u32)
                }
                _ => None,
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('#');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The value of `"key": "value"` in an init directive.
fn init_value(init: &str, key: &str) -> Option<String> {
    let at = init.find(&format!("\"{key}\""))? + key.len() + 2;
    let rest = init[at..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_owned())
}

/// Reads a Mermaid block of the supported subset.
pub fn parse(source: &str) -> Result<Chart, String> {
    let mut init = String::new();
    let mut comments = Vec::new();
    let mut lines = Vec::new();
    for line in source.lines() {
        let t = line.trim();
        if t.starts_with("%%{") {
            init.push_str(t);
        } else if let Some(c) = t.strip_prefix("%%") {
            comments.push(c.trim().to_owned());
        } else if !t.is_empty() && !is_accessibility_line(t) {
            lines.push(t);
        }
    }
    let (head, body) = lines.split_first().ok_or("the block is empty")?;
    let kind = head.split_whitespace().next().unwrap_or("");
    match kind {
        "pie" => parse_pie(head, body, &init),
        "xychart-beta" | "xychart" => parse_bars(body, &init),
        "gantt" => parse_gantt(body, &comments),
        other => Err(format!("`{other}` charts are not drawn (pie, xychart-beta and gantt are)")),
    }
}

/// `accTitle: …` and `accDescr: …`: a chart's title and description for
/// readers who cannot see it, which Mermaid puts in the drawing's
/// accessible name; they draw nothing.
fn is_accessibility_line(line: &str) -> bool {
    ["accTitle", "accDescr"].iter().any(|k| line.strip_prefix(k).is_some_and(|rest| rest.trim_start().starts_with(':')))
}

/// What a chart says, in words, for readers who cannot see it (the PDF's
/// `/Alt`): the block's own `accTitle` and `accDescr` when it has them,
/// else written from the chart's data.
pub fn description(source: &str, chart: &Chart) -> String {
    let said = |key: &str| {
        source.lines().find_map(|l| {
            let rest = l.trim().strip_prefix(key)?.trim_start().strip_prefix(':')?;
            Some(rest.trim().to_owned()).filter(|r| !r.is_empty())
        })
    };
    match (said("accTitle"), said("accDescr")) {
        (Some(title), Some(text)) => format!("{}. {text}", title.trim_end_matches('.')),
        (None, Some(text)) | (Some(text), None) => text,
        (None, None) => describe(chart),
    }
}

/// A chart's data in words: every slice or bar; a timeline's events, the
/// first 60 of them with a count of the rest.
pub fn describe(chart: &Chart) -> String {
    let number = |x: f64| crate::number::format_number(x);
    let titled = |what: &str, title: &str| if title.is_empty() { what.to_owned() } else { format!("{what}, {title}") };
    match chart {
        Chart::Pie { title, slices } => {
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

fn parse_pie(head: &str, body: &[&str], init: &str) -> Result<Chart, String> {
    let mut title = head.split_once("title").map(|(_, t)| decode(t.trim())).unwrap_or_default();
    let mut slices = Vec::new();
    for line in body {
        if let Some(t) = line.strip_prefix("title") {
            title = decode(t.trim());
            continue;
        }
        let (label, value) = line.rsplit_once(':').ok_or_else(|| format!("expected `\"label\" : value`, found `{line}`"))?;
        let label = label.trim();
        let label = label.strip_prefix('"').and_then(|l| l.strip_suffix('"')).ok_or_else(|| format!("a slice label must be quoted: `{line}`"))?;
        let value: f64 = value.trim().parse().map_err(|_| format!("`{}` is not a number", value.trim()))?;
        if !(value.is_finite() && value >= 0.0) {
            return Err(format!("slice value {value} must be zero or more"));
        }
        let n = slices.len();
        let color = init_value(init, &format!("pie{}", n + 1)).and_then(|c| parse_color(&c)).unwrap_or_else(|| palette(n));
        slices.push(Slice { label: decode(label), value, color });
    }
    if slices.is_empty() {
        return Err("a pie needs at least one slice".to_owned());
    }
    Ok(Chart::Pie { title, slices })
}

fn list(text: &str) -> Result<Vec<String>, String> {
    let inner = text.trim().strip_prefix('[').and_then(|t| t.strip_suffix(']')).ok_or_else(|| format!("expected `[...]`, found `{text}`"))?;
    Ok(inner.split(',').map(|s| decode(s.trim().trim_matches('"'))).filter(|s| !s.is_empty()).collect())
}

fn parse_bars(body: &[&str], init: &str) -> Result<Chart, String> {
    let mut title = String::new();
    let mut categories = Vec::new();
    let mut values: Option<Vec<f64>> = None;
    for line in body {
        let (key, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        match key {
            "title" => title = decode(rest.trim().trim_matches('"')),
            "x-axis" => categories = list(rest)?,
            "y-axis" => {}
            "bar" if values.is_none() => {
                let parsed: Result<Vec<f64>, _> = list(rest)?.iter().map(|v| v.parse::<f64>()).collect();
                let parsed = parsed.map_err(|_| format!("bar values must be numbers: `{rest}`"))?;
                if parsed.iter().any(|v| !v.is_finite() || *v < 0.0) {
                    return Err("bar values must be zero or more".to_owned());
                }
                values = Some(parsed);
            }
            other => return Err(format!("`{other}` is not drawn in bar charts")),
        }
    }
    let values = values.ok_or("a bar chart needs a `bar [...]` line")?;
    if categories.len() != values.len() {
        return Err(format!("{} categories but {} bars", categories.len(), values.len()));
    }
    let color = init_value(init, "plotColorPalette").and_then(|c| parse_color(&c)).unwrap_or_else(|| palette(0));
    Ok(Chart::Bars { title, categories, values, color })
}

fn parse_gantt(body: &[&str], comments: &[String]) -> Result<Chart, String> {
    let colors: Vec<Color> = comments
        .iter()
        .filter_map(|c| c.strip_prefix("lanes:"))
        .flat_map(|c| c.split_whitespace().filter_map(parse_color).collect::<Vec<_>>())
        .collect();
    let mut title = String::new();
    let mut lanes: Vec<Lane> = Vec::new();
    for line in body {
        let (key, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        // Keywords in any case, as Mermaid reads them.
        match key.to_ascii_lowercase().as_str() {
            "title" => title = decode(rest.trim()),
            "dateformat" if rest.trim() != "YYYY-MM-DD" => return Err(format!("dateFormat `{}` is not drawn (YYYY-MM-DD is)", rest.trim())),
            "dateformat" | "axisformat" | "excludes" | "includes" | "todaymarker" | "tickinterval" | "weekday" | "weekend" | "inclusiveenddates" | "topaxis" => {}
            "section" => {
                let n = lanes.len();
                lanes.push(Lane { name: decode(rest.trim()), color: colors.get(n).copied().unwrap_or_else(|| palette(n)), tasks: Vec::new() });
            }
            _ => {
                let (name, spec) = line.split_once(':').ok_or_else(|| format!("expected `task : ...`, found `{line}`"))?;
                let parts: Vec<&str> = spec.split(',').map(str::trim).collect();
                let milestone = parts.contains(&"milestone");
                let fields: Vec<&str> = parts.iter().copied().filter(|p| !matches!(*p, "milestone" | "crit" | "done" | "active")).collect();
                let (id, start, end) = match fields.as_slice() {
                    [id, start, end] => (*id, *start, *end),
                    [start, end] => ("", *start, *end),
                    _ => return Err(format!("expected `id, start, end` in `{line}`")),
                };
                let date = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| format!("`{d}` is not a YYYY-MM-DD date"));
                let start = date(start)?;
                let end = if milestone || end.ends_with('d') && end.trim_end_matches('d').parse::<u32>().is_ok() {
                    let days: u64 = end.trim_end_matches('d').parse().unwrap_or(0);
                    start.checked_add_days(chrono::Days::new(days)).unwrap_or(start)
                } else {
                    date(end)?
                };
                let significance = id.strip_prefix('s').and_then(|s| s.chars().next()).and_then(|c| c.to_digit(10)).map_or(3, |d| d.clamp(1, 5) as u8);
                // Flags between the significance and `e`: `u` undated, `p` planned.
                let flags = id.strip_prefix('s').and_then(|s| s.get(1..)).and_then(|s| s.split_once('e')).map_or("", |(f, _)| f);
                let (undated, planned, imprecise) = (flags.contains('u'), flags.contains('p'), flags.contains('m'));
                let lane = match lanes.last_mut() {
                    Some(lane) => lane,
                    None => {
                        lanes.push(Lane { name: String::new(), color: colors.first().copied().unwrap_or_else(|| palette(0)), tasks: Vec::new() });
                        lanes.last_mut().ok_or("no lane")?
                    }
                };
                lane.tasks.push(Task { name: decode(name.trim()), start, end: end.max(start), significance, undated, planned, imprecise });
            }
        }
    }
    if lanes.iter().all(|l| l.tasks.is_empty()) {
        return Err("a timeline needs at least one task".to_owned());
    }
    let period = comments.iter().filter_map(|c| c.strip_prefix("period:")).find_map(|c| {
        let (from, to) = c.trim().split_once(' ')?;
        let day = |d: &str| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok();
        Some((day(from)?, day(to)?)).filter(|(a, b)| a <= b)
    });
    Ok(Chart::Timeline { title, lanes, period })
}

// Drawing.

const INK: Color = Color::rgb(0x1d, 0x1d, 0x1f);
const MUTED: Color = Color::rgb(0x5f, 0x63, 0x68);
const GRID: Color = Color::rgb(0xdd, 0xe1, 0xe6);
const LABEL: Pt = Pt(7.6);
/// A bar's name takes up to this many lines, this far apart.
const LABEL_LINES: usize = 3;
const LABEL_LEADING: f64 = 10.8;
const TITLE: Pt = Pt(9.5);
/// Timeline marks closer than this are drawn as one, with their number.
const MARK_GAP: f64 = 7.0;

/// Items of a drawn chart, relative to its top-left corner.
pub struct Drawing {
    pub size: Size,
    pub items: Vec<(Point, Item)>,
}

fn r(v: f64) -> Pt {
    Pt(((v * 100.0).round() / 100.0) as f32)
}

fn pt(x: f64, y: f64) -> Point {
    Point::new(r(x), r(y))
}

struct Pen<'f> {
    fonts: &'f Fonts,
    items: Vec<(Point, Item)>,
}

impl Pen<'_> {
    fn text(&mut self, x: f64, baseline: f64, face: Face, size: Pt, color: Color, text: &str) -> f64 {
        let width = self.fonts.width(face, text, size);
        self.items.push((pt(x, baseline), Item::Text(Text { face, size, color, text: text.to_owned(), space_adjust: Pt::ZERO, width })));
        f64::from(width.0)
    }

    fn width(&self, face: Face, size: Pt, text: &str) -> f64 {
        f64::from(self.fonts.width(face, text, size).0)
    }

    /// Text broken at spaces into at most `most` lines that fit `max`
    /// ("South Caucasus" on two lines under a narrow bar, not "South
    /// Cau…"); a word wider than `max`, or what the last line cannot hold,
    /// is shortened with an ellipsis.
    fn wrap(&self, face: Face, size: Pt, text: &str, max: f64, most: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut words = text.split_whitespace().peekable();
        while let Some(word) = words.next() {
            let joined = lines.last().map(|line| format!("{line} {word}"));
            match joined {
                Some(joined) if self.width(face, size, &joined) <= max => {
                    if let Some(line) = lines.last_mut() {
                        *line = joined;
                    }
                }
                Some(joined) if lines.len() == most => {
                    // No room for another line: the rest joins the last,
                    // shortened.
                    let rest: Vec<&str> = words.by_ref().collect();
                    let text = if rest.is_empty() { joined } else { format!("{joined} {}", rest.join(" ")) };
                    if let Some(line) = lines.last_mut() {
                        *line = text;
                    }
                }
                _ => lines.push(word.to_owned()),
            }
        }
        lines.into_iter().map(|line| self.fit(face, size, &line, max)).collect()
    }

    /// Text shortened with an ellipsis to fit `max`.
    fn fit(&self, face: Face, size: Pt, text: &str, max: f64) -> String {
        if self.width(face, size, text) <= max {
            return text.to_owned();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let candidate = format!("{}…", chars.iter().collect::<String>().trim_end());
            if self.width(face, size, &candidate) <= max {
                return candidate;
            }
        }
        String::new()
    }

    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, width: f32, color: Color) {
        self.items.push((pt(x1, y1), Item::Line { to: pt(x2, y2), width: Pt(width), color }));
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, color: Color) {
        self.items.push((pt(x, y), Item::Fill { size: Size { w: r(w), h: r(h) }, color }));
    }

    fn polygon(&mut self, points: Vec<Point>, color: Color) {
        let first = points.first().copied().unwrap_or_default();
        self.items.push((first, Item::Polygon { points, color }));
    }

    fn title(&mut self, title: &str, width: f64) {
        if !title.is_empty() {
            let t = self.fit(Face::SansBold, TITLE, title, width);
            self.text(0.0, 10.0, Face::SansBold, TITLE, INK, &t);
        }
    }
}

/// Draws `chart` to fit `width`.
pub fn draw(chart: &Chart, width: Pt) -> Drawing {
    let width = f64::from(width.0);
    let mut pen = Pen { fonts: Fonts::get(), items: Vec::new() };
    let height = match chart {
        Chart::Pie { title, slices } => pie(&mut pen, title, slices, width),
        Chart::Bars { title, categories, values, color } => bars(&mut pen, title, categories, values, *color, width),
        Chart::Timeline { title, lanes, period } => timeline(&mut pen, title, lanes, *period, width),
    };
    Drawing { size: Size { w: r(width), h: r(height) }, items: pen.items }
}

/// Points of the unit circle every degree, clockwise from 12 o'clock (y
/// down), by repeated rotation with the constants of a one-degree turn.
fn circle() -> &'static [(f64, f64); 361] {
    static CIRCLE: std::sync::OnceLock<[(f64, f64); 361]> = std::sync::OnceLock::new();
    CIRCLE.get_or_init(|| {
        const C: f64 = 0.999_847_695_156_391_3; // cos 1°
        const S: f64 = 0.017_452_406_437_283_51; // sin 1°
        let mut points = [(0.0, -1.0); 361];
        let (mut x, mut y) = (0.0f64, -1.0f64);
        for p in points.iter_mut().skip(1) {
            let nx = x * C - y * S;
            let ny = x * S + y * C;
            // Renormalise so the error never grows.
            let len = (nx * nx + ny * ny).sqrt();
            x = nx / len;
            y = ny / len;
            *p = (x, y);
        }
        points[360] = (0.0, -1.0);
        points
    })
}

/// The unit-circle point at `degrees` (0 to 360) clockwise from the top.
fn at_degrees(degrees: f64) -> (f64, f64) {
    let c = circle();
    let d = degrees.clamp(0.0, 360.0);
    let i = (d.floor() as usize).min(359);
    let f = d - i as f64;
    let (x0, y0) = c[i];
    let (x1, y1) = c[i + 1];
    let (x, y) = (x0 + (x1 - x0) * f, y0 + (y1 - y0) * f);
    let len = (x * x + y * y).sqrt();
    (x / len, y / len)
}

/// The wedge boundaries, in degrees from 0 to 360, of slices in order.
pub fn pie_angles(values: &[f64]) -> Vec<(f64, f64)> {
    let total: f64 = values.iter().sum();
    let mut start = 0.0;
    values
        .iter()
        .map(|v| {
            let end = if total > 0.0 { start + 360.0 * v / total } else { start };
            let wedge = (start, end);
            start = end;
            wedge
        })
        .collect()
}

fn pie(pen: &mut Pen<'_>, title: &str, slices: &[Slice], width: f64) -> f64 {
    pen.title(title, width);
    let top = if title.is_empty() { 0.0 } else { 20.0 };
    let radius = 62.0f64.min(width / 5.0);
    let (cx, cy) = (radius + 4.0, top + radius + 4.0);
    let values: Vec<f64> = slices.iter().map(|s| s.value).collect();
    let total: f64 = values.iter().sum();
    for (slice, (from, to)) in slices.iter().zip(pie_angles(&values)) {
        if to - from <= 0.0 {
            continue;
        }
        let mut points = vec![pt(cx, cy)];
        let mut d = from;
        loop {
            let (x, y) = at_degrees(d);
            points.push(pt(cx + x * radius, cy + y * radius));
            if d >= to {
                break;
            }
            d = (d.floor() + 1.0).min(to);
        }
        pen.polygon(points, slice.color);
    }
    // White seams between wedges.
    if slices.iter().filter(|s| s.value > 0.0).count() > 1 {
        for (from, _) in pie_angles(&values) {
            let (x, y) = at_degrees(from);
            pen.line(cx, cy, cx + x * radius, cy + y * radius, 1.2, Color::grey(1.0));
        }
    }
    // Legend: colour, name, count and share.
    let lx = cx + radius + 22.0;
    let row = 15.0;
    let legend_top = cy - row * slices.len() as f64 / 2.0;
    for (i, slice) in slices.iter().enumerate() {
        let y = legend_top + row * i as f64;
        pen.rect(lx, y + 2.0, 9.0, 9.0, slice.color);
        let share = if total > 0.0 { slice.value / total * 100.0 } else { 0.0 };
        let label = format!("{} — {} ({share:.1}%)", slice.label, fmt_value(slice.value));
        let label = pen.fit(Face::Sans, Pt(8.2), &label, width - lx - 14.0);
        pen.text(lx + 14.0, y + 10.0, Face::Sans, Pt(8.2), INK, &label);
    }
    let legend_bottom = legend_top + row * slices.len() as f64;
    (cy + radius + 4.0).max(legend_bottom + 2.0)
}

fn fmt_value(v: f64) -> String {
    crate::number::format_number(v)
}

/// An integer axis: a step of 1, 2 or 5 times a power of ten giving at
/// most six intervals, and the top tick.
pub fn integer_ticks(max: f64) -> (u64, u64) {
    let max = max.ceil().max(1.0) as u64;
    let mut magnitude = 1u64;
    loop {
        for m in [1, 2, 5] {
            let step = m * magnitude;
            if max.div_ceil(step) <= 6 {
                return (step, max.div_ceil(step) * step);
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

fn bars(pen: &mut Pen<'_>, title: &str, categories: &[String], values: &[f64], color: Color, width: f64) -> f64 {
    pen.title(title, width);
    let top = if title.is_empty() { 6.0 } else { 24.0 };
    let plot_h = 96.0;
    let (step, axis_top) = integer_ticks(values.iter().copied().fold(0.0, f64::max));
    let label_w = pen.width(Face::Sans, Pt(LABEL.0), &axis_top.to_string());
    let left = label_w + 8.0;
    let plot_w = width - left - 2.0;
    let bottom = top + plot_h;
    let mut tick = 0;
    while tick <= axis_top {
        let y = bottom - plot_h * tick as f64 / axis_top as f64;
        pen.line(left, y, left + plot_w, y, if tick == 0 { 0.8 } else { 0.4 }, if tick == 0 { MUTED } else { GRID });
        let label = tick.to_string();
        let w = pen.width(Face::Sans, LABEL, &label);
        pen.text(left - 5.0 - w, y + 2.7, Face::Sans, LABEL, MUTED, &label);
        tick += step;
    }
    let n = values.len().max(1) as f64;
    let slot = plot_w / n;
    let bar_w = (slot * 0.6).min(48.0);
    let tint = Color { r: color.r + (1.0 - color.r) * 0.6, g: color.g + (1.0 - color.g) * 0.6, b: color.b + (1.0 - color.b) * 0.6 };
    let mut label_lines = 1;
    for (i, (category, &value)) in categories.iter().zip(values).enumerate() {
        let cx = left + slot * (i as f64 + 0.5);
        let h = plot_h * value / axis_top as f64;
        // The templates' bar of undated facts ("undated 2024–2026") is
        // set apart from the years: a rule before it and a light fill.
        let undated = category.starts_with("undated");
        if undated {
            pen.line(cx - slot / 2.0, top, cx - slot / 2.0, bottom, 0.6, MUTED);
        }
        if h > 0.0 {
            pen.rect(cx - bar_w / 2.0, bottom - h, bar_w, h, if undated { tint } else { color });
        }
        let label = fmt_value(value);
        let w = pen.width(Face::SansBold, LABEL, &label);
        pen.text(cx - w / 2.0, bottom - h - 3.0, Face::SansBold, LABEL, INK, &label);
        let lines = pen.wrap(Face::Sans, LABEL, category, slot - 2.0, LABEL_LINES);
        for (k, name) in lines.iter().enumerate() {
            let w = pen.width(Face::Sans, LABEL, name);
            pen.text(cx - w / 2.0, bottom + 11.0 + LABEL_LEADING * k as f64, Face::Sans, LABEL, MUTED, name);
        }
        label_lines = label_lines.max(lines.len());
    }
    bottom + 16.0 + LABEL_LEADING * label_lines.saturating_sub(1) as f64
}

fn days(d: NaiveDate) -> f64 {
    f64::from(chrono::Datelike::num_days_from_ce(&d))
}

fn timeline(pen: &mut Pen<'_>, title: &str, lanes: &[Lane], period: Option<(NaiveDate, NaiveDate)>, width: f64) -> f64 {
    pen.title(title, width);
    let top = if title.is_empty() { 4.0 } else { 22.0 };
    let lane_h = 22.0;
    let label_w = (width * 0.22).min(110.0);
    let left = label_w + 8.0;
    let plot_w = width - left - 6.0;
    let (from, to) = axis_span(lanes, period);
    let span = (days(to) - days(from)).max(1.0);
    let x = |d: NaiveDate| left + plot_w * (days(d) - days(from)) / span;
    let bottom = top + lane_h * lanes.len() as f64;

    let mut merged = false;
    for (i, lane) in lanes.iter().enumerate() {
        let y = top + lane_h * i as f64;
        if i % 2 == 0 {
            pen.rect(left, y, plot_w, lane_h, Color::rgb(0xf6, 0xf7, 0xf9));
        }
        pen.rect(0.0, y + 6.0, 4.0, lane_h - 12.0, lane.color);
        // The lane's name, on two lines when one is too short; never cut
        // unless a single word is wider than the label's room.
        let lines = wrap_label(pen, &lane.name, label_w - 8.0);
        let first = y + lane_h / 2.0 + 2.8 - 4.6 * (lines.len() as f64 - 1.0);
        for (n, line) in lines.iter().enumerate() {
            let line = pen.fit(Face::Sans, Pt(8.0), line, label_w - 8.0);
            pen.text(8.0, first + 9.2 * n as f64, Face::Sans, Pt(8.0), INK, &line);
        }
        let mid = y + lane_h / 2.0;
        // Spans first, in a light tint, so the marks stand out on them.
        let tint = Color {
            r: lane.color.r + (1.0 - lane.color.r) * 0.55,
            g: lane.color.g + (1.0 - lane.color.g) * 0.55,
            b: lane.color.b + (1.0 - lane.color.b) * 0.55,
        };
        for task in lane.tasks.iter().filter(|t| t.end > t.start && !t.undated) {
            let (x0, x1) = (x(task.start), x(task.end.succ_opt().unwrap_or(task.end)));
            pen.rect(x0, mid - 1.4, (x1 - x0).max(1.0), 2.8, tint);
        }
        // Undated facts: dots over the whole span below the lane's line,
        // in the lane's colour and sized by significance, with no mark,
        // since no day is known.
        for task in lane.tasks.iter().filter(|t| t.undated) {
            let (x0, x1) = (x(task.start), x(task.end.succ_opt().unwrap_or(task.end)));
            dotted(pen, x0, x1, mid + 6.0, 0.5 + f64::from(task.significance) * 0.25, lane.color);
        }
        // A diamond sized by significance at the start, or in the middle of
        // the month or year an imprecise date stands for; hollow when only
        // planned. Marks that would overlap are drawn as one, the most
        // significant, with their number above it.
        let mut marks: Vec<(f64, &Task)> = lane
            .tasks
            .iter()
            .filter(|t| !t.undated)
            .map(|t| (if t.imprecise { (x(t.start) + x(t.end.succ_opt().unwrap_or(t.end))) / 2.0 } else { x(t.start) }, t))
            .collect();
        marks.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut groups: Vec<Vec<(f64, &Task)>> = Vec::new();
        for mark in marks {
            match groups.last_mut() {
                Some(g) if mark.0 - g[0].0 < MARK_GAP => g.push(mark),
                _ => groups.push(vec![mark]),
            }
        }
        for group in &groups {
            let Some(&(x0, task)) = group.iter().max_by(|a, b| a.1.significance.cmp(&b.1.significance).then(b.0.total_cmp(&a.0))) else { continue };
            let x0 = if group.len() > 1 { group.iter().map(|m| m.0).sum::<f64>() / group.len() as f64 } else { x0 };
            let s = 1.8 + f64::from(task.significance) * 0.9;
            let cx = x0.clamp(left + s, left + plot_w - s);
            if group.len() > 1 {
                merged = true;
                let n = group.len().to_string();
                let w = pen.width(Face::SansBold, Pt(6.0), &n);
                pen.text(cx - w / 2.0, mid - s - 1.2, Face::SansBold, Pt(6.0), INK, &n);
            }
            pen.polygon(vec![pt(cx, mid - s), pt(cx + s, mid), pt(cx, mid + s), pt(cx - s, mid)], lane.color);
            if task.planned {
                let h = s - 1.2;
                pen.polygon(vec![pt(cx, mid - h), pt(cx + h, mid), pt(cx, mid + h), pt(cx - h, mid)], Color::grey(1.0));
            } else {
                pen.line(cx, mid - s, cx + s, mid, 0.4, Color::grey(1.0));
            }
        }
    }
    // The axis, with ticks that fit its length.
    pen.line(left, bottom, left + plot_w, bottom, 0.8, MUTED);
    for tick in axis_ticks(from, to) {
        let tx = x(tick.at);
        pen.line(tx, top, tx, bottom + if tick.major { 3.0 } else { 1.5 }, if tick.major { 0.3 } else { 0.2 }, GRID);
        if let Some((label, until)) = &tick.label {
            let next = x(*until);
            let w = pen.width(Face::Sans, LABEL, label);
            if w <= next - tx + 2.0 {
                pen.text((tx + next) / 2.0 - w / 2.0, bottom + 11.0, Face::Sans, LABEL, MUTED, label);
            }
        }
    }
    // Key to the marks.
    let key_y = bottom + 26.0;
    let mut kx = 0.0;
    let lead = "Significance:";
    kx += pen.text(kx, key_y + 3.0, Face::Sans, LABEL, MUTED, lead) + 8.0;
    for sig in 1..=5u8 {
        let s = 1.8 + f64::from(sig) * 0.9;
        pen.polygon(vec![pt(kx + s, key_y - s), pt(kx + 2.0 * s, key_y), pt(kx + s, key_y + s), pt(kx, key_y)], MUTED);
        kx += 2.0 * s + 3.0;
        kx += pen.text(kx, key_y + 3.0, Face::Sans, LABEL, MUTED, &sig.to_string()) + 8.0;
    }
    let bar = "bars: spans";
    if kx + 18.0 + pen.width(Face::Sans, LABEL, bar) <= width {
        pen.rect(kx, key_y - 1.6, 14.0, 3.2, MUTED);
        pen.text(kx + 18.0, key_y + 3.0, Face::Sans, LABEL, MUTED, bar);
    }
    // A second line for the marks only some timelines have.
    let all = || lanes.iter().flat_map(|l| &l.tasks);
    let (undated, planned) = (all().any(|t| t.undated), all().any(|t| t.planned && !t.undated));
    if !(undated || planned || merged) {
        return key_y + 8.0;
    }
    let key_y = key_y + 14.0;
    let mut kx = 0.0;
    if undated {
        let label = "dots: undated, somewhere in the span";
        dotted(pen, kx, kx + 18.0, key_y, 1.5, MUTED);
        kx += 22.0 + pen.text(kx + 22.0, key_y + 3.0, Face::Sans, LABEL, MUTED, label) + 12.0;
    }
    if planned {
        let s = 4.5;
        pen.polygon(vec![pt(kx + s, key_y - s), pt(kx + 2.0 * s, key_y), pt(kx + s, key_y + s), pt(kx, key_y)], MUTED);
        let h = s - 1.2;
        pen.polygon(vec![pt(kx + s, key_y - h), pt(kx + s + h, key_y), pt(kx + s, key_y + h), pt(kx + s - h, key_y)], Color::grey(1.0));
        let label = pen.fit(Face::Sans, LABEL, "hollow: planned", (width - kx - 2.0 * s - 4.0).max(0.0));
        kx += 2.0 * s + 4.0 + pen.text(kx + 2.0 * s + 4.0, key_y + 3.0, Face::Sans, LABEL, MUTED, &label) + 12.0;
    }
    if merged {
        let label = "3: three events too close to draw apart";
        if kx + pen.width(Face::Sans, LABEL, label) <= width {
            pen.text(kx, key_y + 3.0, Face::Sans, LABEL, MUTED, label);
        }
    }
    key_y + 8.0
}

/// The axis's first day and the day after its last: the period when the
/// chart names one, else the whole years of its tasks.
pub fn axis_span(lanes: &[Lane], period: Option<(NaiveDate, NaiveDate)>) -> (NaiveDate, NaiveDate) {
    if let Some((first, last)) = period {
        return (first, last.succ_opt().unwrap_or(last));
    }
    let tasks = lanes.iter().flat_map(|l| &l.tasks);
    let first = tasks.clone().map(|t| t.start).min().unwrap_or(NaiveDate::MIN);
    let last = tasks.map(|t| t.end).max().unwrap_or(first);
    let year = |d: NaiveDate| chrono::Datelike::year(&d);
    let from = NaiveDate::from_ymd_opt(year(first), 1, 1).unwrap_or(first);
    let to = NaiveDate::from_ymd_opt(year(last) + 1, 1, 1).unwrap_or(last);
    (from, to)
}

/// A line across the plot at a date; a label for the stretch up to the
/// next such date.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub at: NaiveDate,
    pub major: bool,
    pub label: Option<(String, NaiveDate)>,
}

/// Ticks for an axis from `from` to `to` (exclusive): years for two years
/// or more (every second or fifth year's label on long axes), years with
/// quarters between for one to two, months for a year or less.
pub fn axis_ticks(from: NaiveDate, to: NaiveDate) -> Vec<Tick> {
    use chrono::Datelike;
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    let first_of = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1);
    // Month starts from the first at or after `from` up to `to`.
    let mut starts = Vec::new();
    let (mut y, mut m) = (from.year(), from.month());
    if from.day() != 1 {
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    while let Some(d) = first_of(y, m).filter(|d| *d <= to) {
        starts.push(d);
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        if starts.len() > 12 * 400 {
            break;
        }
    }
    let clamp = |d: NaiveDate| d.min(to);
    if months <= 13 {
        // Months, labelled by their short names.
        return starts
            .iter()
            .map(|&d| {
                let next = first_of(if d.month() == 12 { d.year() + 1 } else { d.year() }, d.month() % 12 + 1).unwrap_or(to);
                let label = (d < to).then(|| (crate::date::month_name(d.month())[..3].to_owned(), clamp(next)));
                Tick { at: d, major: d.month() == 1, label }
            })
            .collect();
    }
    let years = (months + 11) / 12;
    let every = match years {
        0..=12 => 1,
        13..=30 => 5,
        _ => 10,
    };
    starts
        .iter()
        .filter(|d| d.month() == 1 || months < 24 && (d.month() - 1) % 3 == 0)
        .map(|&d| {
            let major = d.month() == 1;
            let label = (major && d < to && d.year() % every == 0)
                .then(|| (d.year().to_string(), clamp(first_of(d.year() + every, 1).unwrap_or(to))));
            Tick { at: d, major, label }
        })
        .collect()
}

/// A lane's name in at most two lines of `room`.
fn wrap_label(pen: &Pen<'_>, name: &str, room: f64) -> Vec<String> {
    if pen.width(Face::Sans, Pt(8.0), name) <= room {
        return vec![name.to_owned()];
    }
    let words: Vec<&str> = name.split(' ').collect();
    // The longest first line that fits; the rest on the second.
    for split in (1..words.len()).rev() {
        let first = words[..split].join(" ");
        if pen.width(Face::Sans, Pt(8.0), &first) <= room {
            return vec![first, words[split..].join(" ")];
        }
    }
    vec![name.to_owned()]
}

/// A row of round-ish dots (small squares) from `x0` to `x1`, centred on
/// `y`: the mark of an undated fact.
fn dotted(pen: &mut Pen<'_>, x0: f64, x1: f64, y: f64, radius: f64, color: Color) {
    let step = radius * 2.0 + 2.2;
    let mut x = x0 + radius;
    while x + radius <= x1.max(x0 + 2.0 * radius) {
        pen.polygon(
            vec![pt(x, y - radius), pt(x + radius, y), pt(x, y + radius), pt(x - radius, y)],
            color,
        );
        x += step;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::geom::Rect;

    fn bars_chart(values: &[f64]) -> Chart {
        Chart::Bars {
            title: "Events per year".into(),
            categories: (0..values.len()).map(|i| (2024 + i).to_string()).collect(),
            values: values.to_vec(),
            color: palette(0),
        }
    }

    /// The text of every text item, in drawing order.
    fn texts(d: &Drawing) -> Vec<&str> {
        d.items
            .iter()
            .filter_map(|(_, i)| match i {
                Item::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The box of every item, to check the chart stays in its frame.
    fn boxes(d: &Drawing) -> Vec<Rect> {
        let fonts = Fonts::get();
        d.items
            .iter()
            .map(|(p, item)| match item {
                Item::Text(t) => {
                    let f = fonts.face(t.face);
                    t.bounds(*p, f.ascent, f.descent)
                }
                Item::Fill { size, .. } => Rect::new(p.x, p.y, size.w, size.h),
                Item::Line { to, .. } => Rect::new(p.x.min(to.x), p.y.min(to.y), (to.x - p.x).max(p.x - to.x), (to.y - p.y).max(p.y - to.y)),
                Item::Polygon { points, .. } => {
                    let xs = points.iter().map(|p| p.x.0);
                    let ys = points.iter().map(|p| p.y.0);
                    let (x0, x1) = (xs.clone().fold(f32::MAX, f32::min), xs.fold(f32::MIN, f32::max));
                    let (y0, y1) = (ys.clone().fold(f32::MAX, f32::min), ys.fold(f32::MIN, f32::max));
                    Rect::new(Pt(x0), Pt(y0), Pt(x1 - x0), Pt(y1 - y0))
                }
                Item::Link { size, .. } | Item::Image { size, .. } => Rect::new(p.x, p.y, size.w, size.h),
                Item::Tag(_) => Rect::new(p.x, p.y, Pt::ZERO, Pt::ZERO),
            })
            .collect()
    }

    fn inside(d: &Drawing) {
        let frame = Rect::new(Pt::ZERO, Pt::ZERO, d.size.w, d.size.h);
        for b in boxes(d) {
            assert!(frame.contains(&b, Pt(0.6)), "{b:?} outside {frame:?}");
        }
    }

    #[test]
    fn bar_heights_are_proportional_to_counts() {
        let d = draw(&bars_chart(&[7.0, 0.0, 2.0, 3.5]), Pt(400.0));
        let heights: Vec<f32> = d.items.iter().filter_map(|(_, i)| match i {
            Item::Fill { size, .. } => Some(size.h.0),
            _ => None,
        }).collect();
        assert_eq!(heights.len(), 3, "no bar for zero");
        assert!((heights[0] / heights[1] - 3.5).abs() < 0.01, "{heights:?}");
        assert!((heights[2] / heights[1] - 1.75).abs() < 0.01, "{heights:?}");
        inside(&d);
    }

    /// The regions chart of the partners (issue 13): ten bars in the text
    /// width; a name too wide for its bar goes on more lines, whole words,
    /// not "South Cau…".
    #[test]
    fn long_bar_names_wrap_rather_than_shorten() {
        let names = ["Europe", "South Caucasus", "Central Asia", "Russia and Eastern Europe", "Middle East", "South Asia",
            "East and Southeast Asia", "Africa", "Americas", "Oceania"];
        let chart = Chart::Bars {
            title: "Events with a bilateral counterpart, by region".into(),
            categories: names.iter().map(|n| n.to_string()).collect(),
            values: vec![9.0, 3.0, 4.0, 1.0, 2.0, 0.0, 2.0, 1.0, 1.0, 0.0],
            color: palette(0),
        };
        let d = draw(&chart, Pt(467.0));
        let texts = texts(&d);
        assert!(!texts.iter().any(|t| t.contains('…')), "{texts:?}");
        let words: String = texts.iter().filter(|t| t.chars().any(char::is_alphabetic)).copied().collect::<Vec<_>>().join(" ");
        for name in names {
            assert!(words.contains(name.split(' ').next().unwrap()), "{name} in {words}");
        }
        assert!(texts.contains(&"Caucasus"), "{texts:?}");
        inside(&d);
        // A name with no room at all is still shortened, never spilled.
        let squeezed = Chart::Bars { title: "Squeezed".into(), categories: vec!["Supercalifragilistic".into(); 12], values: vec![1.0; 12], color: palette(0) };
        inside(&draw(&squeezed, Pt(200.0)));
    }

    #[test]
    fn axis_ticks_are_integers() {
        assert_eq!(integer_ticks(0.0), (1, 1));
        assert_eq!(integer_ticks(7.0), (2, 8));
        assert_eq!(integer_ticks(5.0), (1, 5));
        assert_eq!(integer_ticks(23.0), (5, 25));
        assert_eq!(integer_ticks(1234.0), (500, 1500));
    }

    #[test]
    fn an_all_zero_chart_has_an_axis_and_no_bars() {
        let d = draw(&bars_chart(&[0.0, 0.0]), Pt(300.0));
        assert!(!d.items.iter().any(|(_, i)| matches!(i, Item::Fill { .. })));
        inside(&d);
    }

    #[test]
    fn pie_wedges_make_a_full_circle() {
        let angles = pie_angles(&[9.0, 3.0, 7.0, 11.0]);
        assert_eq!(angles.first().map(|a| a.0), Some(0.0));
        assert!((angles.last().map_or(0.0, |a| a.1) - 360.0).abs() < 1e-9);
        for pair in angles.windows(2) {
            assert_eq!(pair[0].1, pair[1].0);
        }
        assert!((angles[1].1 - angles[1].0 - 36.0).abs() < 1e-9);
        let (x, y) = at_degrees(90.0);
        assert!((x - 1.0).abs() < 1e-9 && y.abs() < 1e-9, "{x} {y}");
        let (x, y) = at_degrees(180.0);
        assert!(x.abs() < 1e-9 && (y - 1.0).abs() < 1e-9, "{x} {y}");
    }

    #[test]
    fn pies_parse_and_draw_inside_their_frame() {
        let chart = parse("%%{init: {\"theme\": \"base\", \"themeVariables\": {\"pie1\": \"#d49a2a\"}}}%%\npie showData title Events\n    \"A #quot;q#quot;: x\" : 5\n    \"B\" : 0\n").unwrap();
        let Chart::Pie { title, slices } = &chart else { panic!() };
        assert_eq!(title, "Events");
        assert_eq!(slices[0].label, "A \"q\": x");
        assert_eq!(slices[0].color, Color::rgb(0xd4, 0x9a, 0x2a));
        inside(&draw(&chart, Pt(460.0)));
    }

    #[test]
    fn timelines_parse_spans_milestones_and_significance() {
        let text = "gantt\n    title T\n    dateFormat YYYY-MM-DD\n    axisFormat %Y\n    %% lanes: #1b3a5c #2f7f79\n    section Diplomacy\n    Visit :milestone, s3e1, 2024-08-09, 0d\n    section Energy\n    COP29 - Baku :crit, s5e0, 2024-11-11, 2024-11-22\n";
        let chart = parse(text).unwrap();
        let Chart::Timeline { lanes, .. } = &chart else { panic!() };
        assert_eq!(lanes.len(), 2);
        assert_eq!(lanes[1].color, Color::rgb(0x2f, 0x7f, 0x79));
        assert_eq!(lanes[0].tasks[0].start, lanes[0].tasks[0].end);
        assert_eq!(lanes[1].tasks[0].significance, 5);
        inside(&draw(&chart, Pt(460.0)));
    }

    #[test]
    fn a_single_event_timeline_is_drawn() {
        let chart = parse("gantt\n    dateFormat YYYY-MM-DD\n    section A\n    One :s2e0, 2025-03-01, 2025-03-31\n").unwrap();
        let d = draw(&chart, Pt(300.0));
        assert!(d.items.iter().any(|(_, i)| matches!(i, Item::Polygon { .. })));
        inside(&d);
    }

    /// A pillar's name too long for its lane's label is set smaller, on
    /// two lines where need be, not cut.
    #[test]
    fn long_lane_names_are_not_cut() {
        let gantt = "gantt\n    dateFormat YYYY-MM-DD\n    section Active multilateral engagement\n    One :s2e0, 2025-03-01, 2025-03-31\n    \
            section Energy security, green transition and the diversification of export routes\n    Two :s2e1, 2025-04-01, 2025-04-30\n";
        let chart = parse(gantt).unwrap();
        let d = draw(&chart, Pt(467.0));
        let texts = texts(&d);
        // Whole, on one line or two.
        let whole = texts.contains(&"Active multilateral engagement") || texts.windows(2).any(|w| format!("{} {}", w[0], w[1]) == "Active multilateral engagement");
        assert!(whole, "{texts:?}");
        assert!(texts.iter().any(|t| t.starts_with("Energy security")), "{texts:?}");
        assert!(texts.iter().filter(|t| t.contains('…')).count() <= 1, "only what two lines cannot hold: {texts:?}");
        inside(&d);
    }

    #[test]
    fn other_mermaid_is_refused_with_a_reason() {
        assert!(parse("flowchart LR\n  A --> B\n").unwrap_err().contains("`flowchart` charts are not drawn"));
        assert!(parse("pie\n  \"x : 3\n").is_err());
        assert!(parse("xychart-beta\n  x-axis [a, b]\n  bar [1]\n").is_err());
        assert!(parse("gantt\n  dateFormat DD-MM-YYYY\n").is_err());
    }

    #[test]
    fn drawing_twice_gives_the_same_items() {
        let chart = bars_chart(&[1.0, 2.0, 3.0]);
        assert_eq!(draw(&chart, Pt(333.3)).items, draw(&chart, Pt(333.3)).items);
    }

    #[test]
    fn undated_tasks_are_dots_without_a_mark_and_plans_are_hollow() {
        let text = "gantt\n    dateFormat YYYY-MM-DD\n    section D\n    Somewhere (undated) :done, s3ue0, 2024-01-01, 2026-12-31\n    Summit (planned) :crit, s4pe1, 2026-01-01, 2026-12-31\n    Visit :milestone, s3e2, 2024-08-09, 0d\n";
        let chart = parse(text).unwrap();
        let Chart::Timeline { lanes, .. } = &chart else { panic!() };
        let flags: Vec<(bool, bool, u8)> = lanes[0].tasks.iter().map(|t| (t.undated, t.planned, t.significance)).collect();
        assert_eq!(flags, [(true, false, 3), (false, true, 4), (false, false, 3)]);
        let d = draw(&chart, Pt(460.0));
        inside(&d);
        let white = Color::grey(1.0);
        let polygons: Vec<&Color> = d.items.iter().filter_map(|(_, i)| match i {
            Item::Polygon { color, .. } => Some(color),
            _ => None,
        }).collect();
        // Many dots for the undated fact, a hollow mark (white inside) for
        // the plan, and the key's second line names both.
        assert!(polygons.len() > 40, "{}", polygons.len());
        assert!(polygons.iter().any(|c| **c == white));
        let texts = texts(&d);
        assert!(texts.contains(&"dots: undated, somewhere in the span"), "{texts:?}");
        assert!(texts.contains(&"hollow: planned"), "{texts:?}");
        // A timeline without them keeps its one-line key.
        let plain = draw(&parse("gantt\n    dateFormat YYYY-MM-DD\n    section D\n    Visit :milestone, s3e2, 2024-08-09, 0d\n").unwrap(), Pt(460.0));
        assert!(!plain.items.iter().any(|(_, i)| matches!(i, Item::Text(t) if t.text.starts_with("dots"))));
        assert!(plain.size.h < d.size.h);
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// Issue 9: the axis spans the period the chart names, not the events
    /// drawn (all in 2026 here).
    #[test]
    fn the_timeline_axis_spans_the_period() {
        let source = "gantt\n    dateFormat YYYY-MM-DD\n    %% period: 2024-01-01 2026-12-31\n    section D\n    Visit :milestone, s3e2, 2026-08-09, 0d\n";
        let chart = parse(source).unwrap();
        let Chart::Timeline { lanes, period, .. } = &chart else { panic!() };
        assert_eq!(*period, Some((day("2024-01-01"), day("2026-12-31"))));
        assert_eq!(axis_span(lanes, *period), (day("2024-01-01"), day("2027-01-01")));
        let d = draw(&chart, Pt(460.0));
        let labels = texts(&d);
        for year in ["2024", "2025", "2026"] {
            assert!(labels.contains(&year), "{labels:?}");
        }
        inside(&d);
    }

    #[test]
    fn axis_ticks_fit_the_length_of_the_axis() {
        let labels = |from: &str, to: &str| -> Vec<String> {
            axis_ticks(day(from), day(to)).into_iter().filter_map(|t| t.label.map(|l| l.0)).collect()
        };
        assert_eq!(labels("2024-01-01", "2027-01-01"), ["2024", "2025", "2026"]);
        assert_eq!(labels("2025-03-01", "2025-04-01"), ["Mar"]);
        assert_eq!(labels("2025-01-01", "2026-01-01").len(), 12);
        // Eighteen months: years labelled, quarters marked.
        let ticks = axis_ticks(day("2024-01-01"), day("2025-07-01"));
        assert_eq!(ticks.iter().filter(|t| !t.major && t.at < day("2025-07-01")).count(), 4, "{ticks:?}");
        // Forty years: a label every tenth year, and every year a line.
        let long = axis_ticks(day("1990-01-01"), day("2030-01-01"));
        assert_eq!(long.iter().filter(|t| t.label.is_some()).count(), 4);
        assert_eq!(long.len(), 41);
    }

    /// An event known to the year is drawn over the year, its mark in the
    /// middle; marks that would overlap are one, with their number.
    #[test]
    fn imprecise_events_are_drawn_over_their_span_and_close_marks_are_counted() {
        let source = "gantt\n    dateFormat YYYY-MM-DD\n    %% period: 2024-01-01 2024-12-31\n    section D\n    A :s3me1, 2024-01-01, 2024-12-31\n    B :s2me2, 2024-01-01, 2024-12-31\n    C :milestone, s4e3, 2024-02-01, 0d\n";
        let d = draw(&parse(source).unwrap(), Pt(460.0));
        let diamonds: Vec<f32> = d.items.iter().filter_map(|(p, i)| match i { Item::Polygon { points, .. } if points.len() == 4 && p.y.0 < 26.0 => Some(points[0].x.0), _ => None }).collect();
        // Two marks: the year's pair drawn as one in its middle, and C.
        assert_eq!(diamonds.len(), 2, "{diamonds:?}");
        let (left, width) = (460.0f32 * 0.22 + 8.0, 460.0f32 - (460.0 * 0.22 + 8.0) - 6.0);
        let middle = left + width * (182.5 / 366.0);
        assert!(diamonds.iter().any(|x| (x - middle).abs() < 3.0), "{diamonds:?} {middle}");
        assert!(d.items.iter().any(|(_, i)| matches!(i, Item::Text(t) if t.text == "2")), "the pair is counted");
    }

    /// A lane's long name wraps to two lines rather than being cut.
    #[test]
    fn lane_names_are_never_cut() {
        let source = "gantt\n    dateFormat YYYY-MM-DD\n    section Active multilateral engagement\n    A :milestone, s3e1, 2024-03-01, 0d\n";
        let d = draw(&parse(source).unwrap(), Pt(460.0));
        let texts = texts(&d);
        assert!(!texts.iter().any(|t| t.contains('…')), "{texts:?}");
        assert!(texts.contains(&"Active multilateral") && texts.contains(&"engagement"), "{texts:?}");
        inside(&d);
    }
}
