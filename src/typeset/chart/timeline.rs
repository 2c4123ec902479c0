//! Timelines: a lane per pillar, spans as tinted bars, marks sized by
//! significance, undated facts as dots, and an axis whose ticks fit its
//! length.

use chrono::NaiveDate;

use super::{color_of, pt, words, Face, Lane, Pen, Pt, Task, GRID, INK, LABEL, MUTED};
use crate::typeset::geom::Color;
use crate::words::Catalogue;

/// Marks closer than this are drawn as one, with their number.
const MARK_GAP: f64 = 7.0;

fn days(d: NaiveDate) -> f64 {
    f64::from(chrono::Datelike::num_days_from_ce(&d))
}

/// Where the plot is: its left edge and width, the days its axis spans,
/// and its top and bottom.
struct Plot {
    left: f64,
    width: f64,
    from: NaiveDate,
    to: NaiveDate,
    span: f64,
    top: f64,
    bottom: f64,
    /// The largest count of a month's cell (0: no counts, events drawn).
    most: u32,
}

impl Plot {
    fn x(&self, d: NaiveDate) -> f64 {
        self.left + self.width * (days(d) - days(self.from)) / self.span
    }

    /// Where a task's span ends: the day after its last.
    fn x_end(&self, task: &Task) -> f64 {
        self.x(task.end.succ_opt().unwrap_or(task.end))
    }
}

pub(super) fn timeline(pen: &mut Pen<'_>, title: &str, lanes: &[Lane], period: Option<(NaiveDate, NaiveDate)>, width: f64) -> f64 {
    pen.title(title, width);
    let top = if title.is_empty() { 4.0 } else { 22.0 };
    let label_w = (width * 0.22).min(110.0);
    let left = label_w + 8.0;
    let (from, to) = axis_span(lanes, period);
    let plot = Plot {
        left,
        width: width - left - 6.0,
        from,
        to,
        span: (days(to) - days(from)).max(1.0),
        top,
        bottom: top + LANE_H * lanes.len() as f64,
        most: lanes.iter().flat_map(|l| &l.tasks).filter(|t| !t.imprecise).map(|t| t.count).max().unwrap_or(0),
    };
    let mut merged = false;
    for (i, lane) in lanes.iter().enumerate() {
        merged |= self::lane(pen, &plot, i, lane, label_w);
    }
    axis(pen, &plot);
    key(pen, lanes, merged, plot.bottom + 26.0, width)
}

const LANE_H: f64 = 22.0;

/// Lane `i`: its band, colour and name, its spans, dots and marks; whether
/// marks were merged.
fn lane(pen: &mut Pen<'_>, plot: &Plot, i: usize, lane: &Lane, label_w: f64) -> bool {
    let color = color_of(lane.color);
    let y = plot.top + LANE_H * i as f64;
    if i.is_multiple_of(2) {
        pen.rect(plot.left, y, plot.width, LANE_H, Color::rgb(0xf6, 0xf7, 0xf9));
    }
    pen.rect(0.0, y + 6.0, 4.0, LANE_H - 12.0, color);
    // The lane's name, on two lines when one is too short; never cut
    // unless a single word is wider than the label's room.
    let lines = wrap_label(pen, &lane.name, label_w - 8.0);
    let first = y + LANE_H / 2.0 + 2.8 - 4.6 * (lines.len() as f64 - 1.0);
    for (n, line) in lines.iter().enumerate() {
        let line = pen.fit(Face::Sans, Pt(8.0), line, label_w - 8.0);
        pen.text(8.0, first + 9.2 * n as f64, Face::Sans, Pt(8.0), INK, &line);
    }
    let mid = y + LANE_H / 2.0;
    if lane.tasks.iter().any(|t| t.count > 0) {
        return cells(pen, plot, &lane.tasks, (y, mid), color);
    }
    // Spans first, in a light tint, so the marks stand out on them.
    let tint = Color {
        r: color.r + (1.0 - color.r) * 0.55,
        g: color.g + (1.0 - color.g) * 0.55,
        b: color.b + (1.0 - color.b) * 0.55,
    };
    for task in lane.tasks.iter().filter(|t| t.end > t.start && !t.undated && !t.imprecise) {
        let (x0, x1) = (plot.x(task.start), plot.x_end(task));
        pen.rect(x0, mid - 1.4, (x1 - x0).max(1.0), 2.8, tint);
    }
    // Undated facts: dots over the whole span below the lane's line,
    // in the lane's colour and sized by significance, with no mark,
    // since no day is known.
    for task in lane.tasks.iter().filter(|t| t.undated) {
        let (x0, x1) = (plot.x(task.start), plot.x_end(task));
        dotted(pen, x0, x1, mid + 6.0, 0.5 + f64::from(task.significance) * 0.25, color);
    }
    // Counts last, so that no mark covers one.
    let mut counts = bands(pen, plot, &lane.tasks, mid, (color, tint));
    counts.extend(marks(pen, plot, &lane.tasks, mid, color));
    for &(x, n) in &counts {
        count(pen, x, mid, n);
    }
    !counts.is_empty()
}

/// A dense timeline's lane (issue 27, item 5): a cell per month, shaded
/// in four steps of value by its count against the chart's largest (so
/// it reads in greyscale) and numbered where the number fits; a year's
/// count of events known only to the year in a band along the lane's
/// foot, numbered. Whether any count was drawn (always).
fn cells(pen: &mut Pen<'_>, plot: &Plot, tasks: &[Task], (y, mid): (f64, f64), color: Color) -> bool {
    let mix = |t: f32| Color { r: color.r + (1.0 - color.r) * t, g: color.g + (1.0 - color.g) * t, b: color.b + (1.0 - color.b) * t };
    for task in tasks.iter().filter(|t| t.count > 0) {
        let (x0, x1) = (plot.x(task.start), plot.x_end(task));
        let n = task.count.to_string();
        let w = pen.width(Face::Sans, Pt(5.5), &n);
        if task.imprecise {
            pen.rect(x0 + 0.5, y + LANE_H - 5.0, (x1 - x0 - 1.0).max(1.0), 3.0, mix(0.4));
            count(pen, (x0 + x1) / 2.0, y + LANE_H - 3.5, task.count as usize);
            continue;
        }
        let step = (4 * u64::from(task.count)).div_ceil(u64::from(plot.most.max(1))).clamp(1, 4);
        let shade = mix([0.8, 0.55, 0.3, 0.0][step as usize - 1]);
        pen.rect(x0 + 0.3, y + 2.0, (x1 - x0 - 0.6).max(0.5), LANE_H - 8.0, shade);
        if w <= x1 - x0 - 1.0 {
            let ink = if step >= 3 { Color::grey(1.0) } else { INK };
            pen.text((x0 + x1) / 2.0 - w / 2.0, mid - 1.0, Face::Sans, Pt(5.5), ink, &n);
        }
    }
    true
}

/// Events known only to the month or the year (issue 27, item 5): a band
/// across what is known, never a point, which would read as a date; as
/// tall as the event is significant, hollow when only planned. Bands over
/// the very same days are drawn once, with their number in them on the
/// lane: where, and how many. The widest first, so none hides a narrower.
fn bands(pen: &mut Pen<'_>, plot: &Plot, tasks: &[Task], mid: f64, (color, tint): (Color, Color)) -> Vec<(f64, usize)> {
    let mut groups: std::collections::BTreeMap<(NaiveDate, NaiveDate), Vec<&Task>> = std::collections::BTreeMap::new();
    for task in tasks.iter().filter(|t| t.imprecise && !t.undated) {
        groups.entry((task.start, task.end)).or_default().push(task);
    }
    let mut groups: Vec<Vec<&Task>> = groups.into_values().collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.first().map(|t| t.end - t.start)));
    let mut counts = Vec::new();
    for group in &groups {
        let Some(task) = group.iter().max_by_key(|t| (t.significance, !t.planned)) else { continue };
        let (x0, x1) = (plot.x(task.start), plot.x_end(task));
        let (w, h) = ((x1 - x0 - 1.0).max(1.5), 2.0 + f64::from(task.significance) * 1.4);
        pen.rect(x0 + 0.5, mid - h / 2.0, w, h, color);
        if task.planned {
            pen.rect(x0 + 1.1, mid - h / 2.0 + 0.6, (w - 1.2).max(0.3), (h - 1.2).max(0.3), Color::grey(1.0));
        } else if h > 3.0 {
            pen.rect(x0 + 1.1, mid - h / 2.0 + 0.6, (w - 1.2).max(0.3), (h - 1.2).max(0.3), tint);
        }
        if group.len() > 1 {
            counts.push(((x0 + x1) / 2.0, group.len()));
        }
    }
    counts
}

/// The number of events drawn as one, in a small white box ruled in ink
/// on the lane at `x`: on the lane it counts, never between lanes.
fn count(pen: &mut Pen<'_>, x: f64, mid: f64, n: usize) {
    let n = n.to_string();
    let w = pen.width(Face::SansBold, Pt(6.0), &n);
    let r = (w / 2.0 + 1.4).max(3.4);
    pen.rect(x - r - 0.5, mid - 4.1, 2.0 * r + 1.0, 8.2, INK);
    pen.rect(x - r, mid - 3.6, 2.0 * r, 7.2, Color::grey(1.0));
    pen.text(x - w / 2.0, mid + 2.2, Face::SansBold, Pt(6.0), INK, &n);
}

/// A diamond sized by significance at an event's day; hollow when only
/// planned. Marks that would overlap are drawn as one, the most
/// significant, with their number on it: where, and how many.
fn marks(pen: &mut Pen<'_>, plot: &Plot, tasks: &[Task], mid: f64, color: Color) -> Vec<(f64, usize)> {
    let mut marks: Vec<(f64, &Task)> = tasks.iter().filter(|t| !t.undated && !t.imprecise).map(|t| (plot.x(t.start), t)).collect();
    marks.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut groups: Vec<Vec<(f64, &Task)>> = Vec::new();
    for mark in marks {
        match groups.last_mut() {
            Some(g) if mark.0 - g[0].0 < MARK_GAP => g.push(mark),
            _ => groups.push(vec![mark]),
        }
    }
    let mut counts = Vec::new();
    for group in &groups {
        let Some(&(x0, task)) = group.iter().max_by(|a, b| a.1.significance.cmp(&b.1.significance).then(b.0.total_cmp(&a.0))) else { continue };
        let x0 = if group.len() > 1 { group.iter().map(|m| m.0).sum::<f64>() / group.len() as f64 } else { x0 };
        let s = 1.8 + f64::from(task.significance) * 0.9;
        let cx = x0.clamp(plot.left + s, plot.left + plot.width - s);
        pen.polygon(vec![pt(cx, mid - s), pt(cx + s, mid), pt(cx, mid + s), pt(cx - s, mid)], color);
        if task.planned {
            let h = s - 1.2;
            pen.polygon(vec![pt(cx, mid - h), pt(cx + h, mid), pt(cx, mid + h), pt(cx - h, mid)], Color::grey(1.0));
        } else {
            pen.line(cx, mid - s, cx + s, mid, 0.4, Color::grey(1.0));
        }
        if group.len() > 1 {
            counts.push((cx, group.len()));
        }
    }
    counts
}

/// The axis, with ticks that fit its length.
fn axis(pen: &mut Pen<'_>, plot: &Plot) {
    let (top, bottom) = (plot.top, plot.bottom);
    pen.line(plot.left, bottom, plot.left + plot.width, bottom, 0.8, MUTED);
    for tick in axis_ticks(plot.from, plot.to, pen.words) {
        let tx = plot.x(tick.at);
        pen.line(tx, top, tx, bottom + if tick.major { 3.0 } else { 1.5 }, if tick.major { 0.3 } else { 0.2 }, GRID);
        if let Some((label, until)) = &tick.label {
            let next = plot.x(*until);
            let w = pen.width(Face::Sans, LABEL, label);
            if w <= next - tx + 2.0 {
                pen.text((tx + next) / 2.0 - w / 2.0, bottom + 11.0, Face::Sans, LABEL, MUTED, label);
            }
        }
    }
}

/// One entry of the key: what it draws, then its words.
#[derive(Clone, Copy)]
enum Sample {
    Bar,
    Band,
    Dots,
    Hollow,
    Count,
    Cells,
}

/// The key to the marks at `key_y`, in words (issue 27, item 5): the
/// marks' sizes on a line of their own, then each other kind of mark the
/// timeline has, wrapped to `width`; the bottom of the drawing.
fn key(pen: &mut Pen<'_>, lanes: &[Lane], merged: bool, key_y: f64, width: f64) -> f64 {
    let words = words::Key::of(pen.words);
    let all = || lanes.iter().flat_map(|l| &l.tasks);
    if all().any(|t| t.count > 0) {
        sample(pen, Sample::Cells, 0.0, key_y);
        let mut kx = 22.0 + pen.text(22.0, key_y + 3.0, Face::Sans, LABEL, MUTED, &words.cells) + 12.0;
        if all().any(|t| t.count > 0 && t.imprecise) && kx + 22.0 + pen.width(Face::Sans, LABEL, &words.bands) <= width {
            sample(pen, Sample::Band, kx, key_y);
            kx += 22.0 + pen.text(kx + 22.0, key_y + 3.0, Face::Sans, LABEL, MUTED, &words.bands);
        }
        let _ = kx;
        return key_y + 8.0;
    }
    let mut kx = 0.0;
    kx += pen.text(kx, key_y + 3.0, Face::Sans, LABEL, MUTED, &words.significance) + 8.0;
    for sig in 1..=5u8 {
        let s = 1.8 + f64::from(sig) * 0.9;
        pen.polygon(vec![pt(kx + s, key_y - s), pt(kx + 2.0 * s, key_y), pt(kx + s, key_y + s), pt(kx, key_y)], MUTED);
        kx += 2.0 * s + 3.0;
        kx += pen.text(kx, key_y + 3.0, Face::Sans, LABEL, MUTED, &sig.to_string()) + 8.0;
    }
    let entries = [
        (all().any(|t| t.end > t.start && !t.undated && !t.imprecise), Sample::Bar, &words.spans),
        (all().any(|t| t.imprecise && !t.undated), Sample::Band, &words.bands),
        (all().any(|t| t.undated), Sample::Dots, &words.undated),
        (all().any(|t| t.planned && !t.undated), Sample::Hollow, &words.planned),
        (merged, Sample::Count, &words.merged),
    ];
    let mut y = key_y;
    let mut kx = width;
    for (_, sample, label) in entries.into_iter().filter(|e| e.0) {
        let label_w = pen.width(Face::Sans, LABEL, label);
        if kx + 22.0 + label_w > width {
            (kx, y) = (0.0, y + 14.0);
        }
        self::sample(pen, sample, kx, y);
        let label = pen.fit(Face::Sans, LABEL, label, (width - kx - 22.0).max(0.0));
        kx += 22.0 + pen.text(kx + 22.0, y + 3.0, Face::Sans, LABEL, MUTED, &label) + 12.0;
    }
    y + 8.0
}

/// The key's drawing of `sample`, 18 points wide from `x`, centred on `y`.
fn sample(pen: &mut Pen<'_>, sample: Sample, x: f64, y: f64) {
    match sample {
        Sample::Bar => pen.rect(x, y - 1.6, 18.0, 3.2, MUTED),
        Sample::Band => {
            pen.rect(x, y - 3.5, 18.0, 7.0, MUTED);
            pen.rect(x + 0.6, y - 2.9, 16.8, 5.8, Color::grey(0.8));
        }
        Sample::Dots => dotted(pen, x, x + 18.0, y, 1.5, MUTED),
        Sample::Hollow => {
            let (s, h) = (4.5, 3.3);
            pen.polygon(vec![pt(x + s, y - s), pt(x + 2.0 * s, y), pt(x + s, y + s), pt(x, y)], MUTED);
            pen.polygon(vec![pt(x + s, y - h), pt(x + s + h, y), pt(x + s, y + h), pt(x + s - h, y)], Color::grey(1.0));
        }
        Sample::Count => count(pen, x + 9.0, y, 3),
        Sample::Cells => {
            for (i, grey) in [0.8, 0.6, 0.4, 0.2].into_iter().enumerate() {
                pen.rect(x + 4.5 * i as f64, y - 3.5, 4.2, 7.0, Color::grey(grey));
            }
        }
    }
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
/// quarters between for one to two, months for a year or less, by the
/// short names `catalogue` gives them.
pub fn axis_ticks(from: NaiveDate, to: NaiveDate, catalogue: &Catalogue) -> Vec<Tick> {
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
                let label = (d < to).then(|| (words::axis_month(catalogue, d.month()), clamp(next)));
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
