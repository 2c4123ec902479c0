//! Breaking a paragraph into lines.
//!
//! The total-fit method of Knuth and Plass (as in TeX and Typst): the
//! paragraph becomes boxes (words and word pieces), glue (spaces that
//! stretch and shrink) and penalties (hyphenation points and other places
//! a line may end), and the breaks are chosen for the whole paragraph at
//! once, minimising the sum of each line's demerits. Hyphenation points come
//! from the `hyphenation` crate's embedded patterns; words of under five
//! letters are never hyphenated, and no more than two hyphenated lines may
//! follow each other. A token wider than the line (a URL, a long name) may
//! break between any two characters, so nothing runs into the margin.
//!
//! Ragged text (headings, table cells) is broken greedily: there is no
//! spacing to even out.

use std::collections::HashMap;
use std::ops::Range;

use hyphenation::Language;

/// Hyphenation points, found once per word, and the patterns by language.
mod hyphens;

pub use hyphens::language;
use hyphens::hyphenation_points;
#[cfg(test)]
use hyphens::dictionary;

use super::fonts::{Face, Fonts};
use super::geom::{Color, Pt};

/// A piece of text in one face and size.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub face: Face,
    pub size: Pt,
    pub color: Color,
    pub link: Option<String>,
    /// Drawn with a line through it.
    pub strike: bool,
    /// Raised above the baseline (a footnote reference's number).
    pub raise: Pt,
    /// A colour chip: a square in `color`, its text only room for it.
    pub chip: bool,
    /// The BCP 47 tag of text in another language than the document's.
    pub lang: Option<&'static str>,
}

/// How to break.
#[derive(Clone, Copy, Debug)]
pub struct Setting<'a> {
    /// Justify (total-fit) or set ragged right (first-fit).
    pub justify: bool,
    /// Hyphenation patterns, when the language has them.
    pub language: Option<Language>,
    /// Words never hyphenated, in lower case: the words of the names the
    /// document is about (its pillars, its partners), given as data.
    pub names: Option<&'a std::collections::HashSet<String>>,
}

impl Setting<'static> {
    /// Ragged right, no hyphenation: headings, cells, labels.
    pub const RAGGED: Setting<'static> = Setting { justify: false, language: None, names: None };
}

/// The words of `names` that the hyphenator must leave whole, in lower
/// case (see [`Setting::names`]).
pub fn name_words<'n>(names: impl IntoIterator<Item = &'n str>) -> std::collections::HashSet<String> {
    names
        .into_iter()
        .flat_map(|name| name.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= MIN_HYPHENATED_LETTERS)
        .map(str::to_lowercase)
        .collect()
}

/// Whether `word` is capitalised: a proper name ("Azerbaijan", "Europe")
/// or a name's word ("Organization", "Development"), which a typesetter
/// does not hyphenate; nor does it part a capitalised compound at its hard
/// hyphen ("Multi-/vector").
fn capitalised(word: &str) -> bool {
    word.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
}

/// Part of a line in one span: its text (spaces included), where it
/// starts, and how much each of its spaces is widened (or narrowed) to
/// justify the line.
#[derive(Clone, Debug, PartialEq)]
pub struct Fragment {
    pub span: usize,
    pub x: Pt,
    pub text: String,
    pub width: Pt,
    pub space_adjust: Pt,
}

/// One line of a broken paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub fragments: Vec<Fragment>,
    /// The width the fragments take.
    pub width: Pt,
    /// Whether the line ends with a hyphen added at a hyphenation point.
    pub hyphenated: bool,
    /// Whether the line ends inside a word: at a hyphenation point, after
    /// a hard hyphen, dash or slash, or where an over-long word was forced
    /// apart. The page maker never ends a page or column with such a line
    /// (issue 27: "The Sources sec-" / "tion lists" across two pages).
    pub split: bool,
}

impl Line {
    /// The line's text, as a reader would copy it.
    pub fn text(&self) -> String {
        self.fragments.iter().map(|f| f.text.as_str()).collect()
    }
}

/// A justified line's word space is at most this many times its natural
/// width (and at least 0.7 times): a paragraph that cannot be justified
/// within it is set ragged right rather than with rivers of white.
pub const MAX_GAP: f64 = 1.5;
/// How far glue stretches, as a share of a space, per unit of adjustment.
const STRETCH: f64 = 0.6;

/// Words shorter than this are never hyphenated.
const MIN_HYPHENATED_LETTERS: usize = 5;
/// No more than this many hyphenated lines in a row.
const MAX_HYPHENS_IN_A_ROW: u8 = 2;
const INFINITY: f64 = 10_000.0;
const HYPHEN_PENALTY: f64 = 50.0;
const LINE_PENALTY: f64 = 10.0;
const FLAGGED_DEMERITS: f64 = 3000.0;
const FITNESS_DEMERITS: f64 = 3000.0;
/// The cost of a break inside a word where two spans meet.
const EMERGENCY: f64 = 5_000.0;
/// Stretch of the glue that ends a paragraph or a forced line.
const FILL: f64 = 100_000.0;

#[derive(Clone, Debug)]
enum Item {
    Box { width: f64, span: usize, range: Range<usize> },
    Glue { width: f64, stretch: f64, shrink: f64, span: usize },
    Penalty { width: f64, cost: f64, flagged: bool, span: usize },
}

/// Breaks `spans` into lines no wider than `width`.
pub fn linebreak(spans: &[Span], width: Pt, setting: Setting) -> Vec<Line> {
    let fonts = Fonts::get();
    let width = f64::from(width.0.max(1.0));
    let items = items(spans, fonts, width, setting);
    // A space stretched by `r` is `1 + STRETCH * r` spaces wide.
    let tolerance = (MAX_GAP - 1.0) / STRETCH;
    // When no set of lines keeps to it, the best looser set is chosen and
    // a line that would need more is set with spaces at the bound, short of
    // the measure: one ragged line, not a river.
    // The search allows looser lines than the bound (its demerits, cubic
    // in the stretch, keep lines within it wherever the paragraph can):
    // one pass where a search at the bound would often fail and run twice.
    let justified = setting.justify.then(|| total_fit(&items, width, 1.5).or_else(|| total_fit(&items, width, 20.0))).flatten();
    let (breaks, ratio) = match justified {
        Some(breaks) => (breaks, Some(tolerance)),
        None => (first_fit(&items, width), None),
    };
    set_lines(spans, fonts, &items, &breaks, width, ratio)
}

/// The boxes, glue and penalties of a paragraph.
fn items(spans: &[Span], fonts: &Fonts, line_width: f64, setting: Setting) -> Vec<Item> {
    let mut items = Vec::new();
    for (index, span) in spans.iter().enumerate() {
        if span.text == "\n" {
            items.push(Item::Glue { width: 0.0, stretch: FILL, shrink: 0.0, span: index });
            items.push(Item::Penalty { width: 0.0, cost: -INFINITY, flagged: false, span: index });
            continue;
        }
        let space = f64::from(fonts.advance(span.face, ' ', span.size).0);
        // A word that runs on from the previous span (`**bold**ness`) may
        // break where the spans meet, at a cost no good line pays: without
        // it, such a word wider than the line could not be set at all
        // (found by fuzzing).
        if matches!(items.last(), Some(Item::Box { .. })) && span.text.starts_with(|c: char| !c.is_whitespace()) {
            items.push(Item::Penalty { width: 0.0, cost: EMERGENCY, flagged: false, span: index });
        }
        let mut start = None;
        for (i, c) in span.text.char_indices() {
            // A no-break space (`12\u{a0}February`, set by `typographic`)
            // is part of its word, not a place to break.
            if c.is_whitespace() && !NO_BREAK.contains(&c) {
                if let Some(s) = start.take() {
                    word(&mut items, spans, fonts, index, s..i, line_width, setting);
                }
                // Runs of white space are one space.
                if !matches!(items.last(), Some(Item::Glue { .. })) {
                    items.push(Item::Glue { width: space, stretch: space * STRETCH, shrink: space * 0.3, span: index });
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            word(&mut items, spans, fonts, index, s..span.text.len(), line_width, setting);
        }
    }
    // Leading glue can never be used; trailing glue is replaced by the fill.
    while matches!(items.first(), Some(Item::Glue { .. })) {
        items.remove(0);
    }
    while matches!(items.last(), Some(Item::Glue { .. })) {
        items.pop();
    }
    let last = spans.len().saturating_sub(1);
    items.push(Item::Glue { width: 0.0, stretch: FILL, shrink: 0.0, span: last });
    items.push(Item::Penalty { width: 0.0, cost: -INFINITY, flagged: false, span: last });
    items
}

/// Spaces that join the words beside them: no-break, figure and narrow
/// no-break space.
const NO_BREAK: [char; 3] = ['\u{a0}', '\u{2007}', '\u{202f}'];

/// Adds one word (no white space) of span `index`: boxes between its break
/// opportunities.
fn word(
    items: &mut Vec<Item>,
    spans: &[Span],
    fonts: &Fonts,
    index: usize,
    range: Range<usize>,
    line_width: f64,
    setting: Setting,
) {
    let span = &spans[index];
    let text = &span.text[range.clone()];
    let measure = |r: Range<usize>| f64::from(fonts.width(span.face, &span.text[r], span.size).0);
    let hyphen = f64::from(fonts.advance(span.face, '-', span.size).0);

    // Break opportunities: (byte offset in the span, cost, adds a hyphen).
    let mut points: Vec<(usize, f64, bool)> = Vec::new();
    let name = capitalised(text);
    for (i, c) in text.char_indices() {
        let after = range.start + i + c.len_utf8();
        if after >= range.end {
            break;
        }
        match c {
            // A hard hyphen or dash: break after it, adding nothing.
            '-' if name => {}
            '-' | '–' | '—' => points.push((after, HYPHEN_PENALTY, c == '-')),
            '/' => points.push((after, HYPHEN_PENALTY * 2.0, false)),
            _ => {}
        }
    }
    // Addresses, numbers and code keep their letters together: a hyphen
    // added inside them would change what they say.
    let inner_dot = text.trim_end_matches(['.', ',', ';', ':']).contains('.');
    let literal = span.face == Face::Mono
        || inner_dot
        || text.contains(['/', '@', '_'])
        || text.chars().any(|c| c.is_ascii_digit());
    if let Some(language) = setting.language.filter(|_| !literal && !name) {
        let mut offset = range.start;
        for part in text.split(|c: char| !c.is_alphabetic()) {
            let letters = part.chars().count();
            let whole = || capitalised(part) || setting.names.is_some_and(|n| n.contains(&part.to_lowercase()));
            if letters >= MIN_HYPHENATED_LETTERS && !whole() {
                hyphenation_points(language, part, |b| points.push((offset + b, HYPHEN_PENALTY, true)));
            }
            offset += part.len() + text[offset - range.start + part.len()..].chars().next().map_or(0, char::len_utf8);
        }
    }
    points.sort_by_key(|p| p.0);
    points.dedup_by_key(|p| p.0);

    let mut start = range.start;
    for (at, cost, flagged) in points.into_iter().chain(std::iter::once((range.end, 0.0, false))) {
        let piece = start..at;
        let width = measure(piece.clone());
        if width > line_width {
            // Too wide for any line: allow a break between any characters.
            let piece_text = &span.text[piece.clone()];
            let mut first = true;
            for (i, c) in piece_text.char_indices() {
                if !first {
                    items.push(Item::Penalty { width: 0.0, cost: HYPHEN_PENALTY * 2.0, flagged: false, span: index });
                }
                first = false;
                let r = piece.start + i..piece.start + i + c.len_utf8();
                items.push(Item::Box { width: measure(r.clone()), span: index, range: r });
            }
        } else {
            items.push(Item::Box { width, span: index, range: piece });
        }
        if at < range.end {
            // A hard hyphen is already in the text: nothing is added.
            let added = flagged && !span.text[..at].ends_with('-');
            items.push(Item::Penalty { width: if added { hyphen } else { 0.0 }, cost, flagged, span: index });
        }
        start = at;
    }
}

/// A feasible break, with the best way to reach it.
#[derive(Clone, Debug)]
struct Node {
    position: usize,
    fitness: u8,
    hyphens: u8,
    /// Totals of width, stretch and shrink after the break.
    width: f64,
    stretch: f64,
    shrink: f64,
    demerits: f64,
    previous: Option<usize>,
}

/// The total-fit breaks with lines whose adjustment ratio stays within
/// `tolerance`, or `None` when there is no such set of lines.
fn total_fit(items: &[Item], line_width: f64, tolerance: f64) -> Option<Vec<usize>> {
    let mut nodes = vec![Node {
        position: 0,
        fitness: 1,
        hyphens: 0,
        width: 0.0,
        stretch: 0.0,
        shrink: 0.0,
        demerits: 0.0,
        previous: None,
    }];
    let mut active: Vec<usize> = vec![0];
    let (mut width, mut stretch, mut shrink) = (0.0f64, 0.0f64, 0.0f64);

    for (b, item) in items.iter().enumerate() {
        let (penalty_width, cost, flagged, legal) = match item {
            Item::Box { .. } => (0.0, 0.0, false, false),
            Item::Glue { .. } => (0.0, 0.0, false, b > 0 && matches!(items[b - 1], Item::Box { .. })),
            Item::Penalty { width, cost, flagged, .. } => (*width, *cost, *flagged, *cost < INFINITY),
        };
        if legal {
            let forced = cost <= -INFINITY;
            // Best candidate per (fitness class, hyphens in a row).
            let mut best: HashMap<(u8, u8), (f64, usize)> = HashMap::new();
            let mut still_active = Vec::with_capacity(active.len());
            for &a in &active {
                let node = &nodes[a];
                let natural = width - node.width + penalty_width;
                let ratio = adjustment_ratio(natural, line_width, stretch - node.stretch, shrink - node.shrink);
                if ratio >= -1.0 && !forced {
                    still_active.push(a);
                }
                let Some((fitness, hyphens, demerits)) = line_demerits(items, node, ratio, tolerance, cost, flagged) else {
                    continue;
                };
                let total = node.demerits + demerits;
                let entry = best.entry((fitness, hyphens)).or_insert((f64::INFINITY, a));
                if total < entry.0 {
                    *entry = (total, a);
                }
            }
            active = still_active;
            if !best.is_empty() {
                let (w, y, z) = totals_after(items, b, (width, stretch, shrink));
                let mut candidates: Vec<_> = best.into_iter().collect();
                candidates.sort_by_key(|x| x.0);
                for ((fitness, hyphens), (demerits, previous)) in candidates {
                    nodes.push(Node {
                        position: b,
                        fitness,
                        hyphens,
                        width: w,
                        stretch: y,
                        shrink: z,
                        demerits,
                        previous: Some(previous),
                    });
                    active.push(nodes.len() - 1);
                }
            }
            if active.is_empty() {
                return None;
            }
        }
        match item {
            Item::Box { width: w, .. } => width += w,
            Item::Glue { width: w, stretch: y, shrink: z, .. } => {
                width += w;
                stretch += y;
                shrink += z;
            }
            Item::Penalty { .. } => {}
        }
    }
    // The paragraph ends with a forced break: the best node there.
    let last = items.len() - 1;
    let end = active
        .iter()
        .copied()
        .filter(|&a| nodes[a].position == last)
        .min_by(|&x, &y| nodes[x].demerits.total_cmp(&nodes[y].demerits))?;
    Some(breaks_to(&nodes, end))
}

/// How far a line of `natural` width must stretch (positive) or shrink
/// (negative) to fill `line_width`, in units of its stretch or shrink.
fn adjustment_ratio(natural: f64, line_width: f64, stretch: f64, shrink: f64) -> f64 {
    if natural < line_width {
        if stretch > 0.0 { (line_width - natural) / stretch } else { INFINITY }
    } else if natural > line_width {
        if shrink > 0.0 { (line_width - natural) / shrink } else { -INFINITY }
    } else {
        0.0
    }
}

/// The fitness class, hyphens in a row and demerits of a line from `node`
/// to a break of `cost` at adjustment `ratio`; `None` when the line is not
/// feasible (too tight, too loose, or one hyphen too many).
fn line_demerits(items: &[Item], node: &Node, ratio: f64, tolerance: f64, cost: f64, flagged: bool) -> Option<(u8, u8, f64)> {
    if ratio < -1.0 || ratio > tolerance {
        return None;
    }
    let hyphens = if flagged { node.hyphens + 1 } else { 0 };
    if hyphens > MAX_HYPHENS_IN_A_ROW {
        return None;
    }
    let badness = 100.0 * ratio.abs().powi(3);
    let mut demerits = (LINE_PENALTY + badness).powi(2);
    if cost >= 0.0 {
        demerits += cost * cost;
    } else if cost > -INFINITY {
        demerits -= cost * cost;
    }
    let previous_flagged = matches!(items.get(node.position), Some(Item::Penalty { flagged: true, .. }));
    if flagged && previous_flagged {
        demerits += FLAGGED_DEMERITS;
    }
    let fitness: u8 = match ratio {
        r if r < -0.5 => 0,
        r if r <= 0.5 => 1,
        r if r <= 1.0 => 2,
        _ => 3,
    };
    if fitness.abs_diff(node.fitness) > 1 {
        demerits += FITNESS_DEMERITS;
    }
    Some((fitness, hyphens, demerits))
}

/// The totals of width, stretch and shrink after a break at `b`: glue and
/// penalties that follow it are discarded at the start of the next line.
fn totals_after(items: &[Item], b: usize, (mut w, mut y, mut z): (f64, f64, f64)) -> (f64, f64, f64) {
    for (k, next) in items[b..].iter().enumerate() {
        match next {
            Item::Box { .. } => break,
            Item::Glue { width, stretch, shrink, .. } => {
                w += width;
                y += stretch;
                z += shrink;
            }
            Item::Penalty { cost, .. } if *cost <= -INFINITY && k > 0 => break,
            Item::Penalty { .. } => {}
        }
    }
    (w, y, z)
}

/// The break positions on the best way to `end`, in order.
fn breaks_to(nodes: &[Node], end: usize) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut at = Some(end);
    while let Some(n) = at {
        if nodes[n].previous.is_some() {
            breaks.push(nodes[n].position);
        }
        at = nodes[n].previous;
    }
    breaks.reverse();
    breaks
}

/// Breaks at the last opportunity that fits, line by line.
fn first_fit(items: &[Item], line_width: f64) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut line = 0.0;
    let mut last_fit: Option<usize> = None;
    let mut i = 0;
    let mut line_start = 0;
    // The line is already too wide: break at the very next opportunity.
    let mut overflowing = false;
    // Hyphenated lines in a row so far: no more than two, as in total-fit.
    let mut hyphens = 0u8;
    let mut spare: Option<usize> = None;
    let flagged = |b: usize| matches!(items[b], Item::Penalty { flagged: true, .. });
    while i < items.len() {
        let legal = match &items[i] {
            Item::Box { .. } => false,
            Item::Glue { .. } => i > 0 && matches!(items[i - 1], Item::Box { .. }),
            Item::Penalty { cost, .. } => *cost < INFINITY,
        };
        let forced = matches!(items[i], Item::Penalty { cost, .. } if cost <= -INFINITY);
        if forced || overflowing && legal && i > line_start {
            hyphens = if flagged(i) { hyphens + 1 } else { 0 };
            breaks.push(i);
            i = next_start(items, i);
            line_start = i;
            line = 0.0;
            last_fit = None;
            spare = None;
            overflowing = false;
            continue;
        }
        match &items[i] {
            Item::Box { width, .. } => {
                if line + width > line_width + 1e-6 && i > line_start {
                    if let Some(b) = last_fit.take().or(spare.take()) {
                        spare = None;
                        hyphens = if flagged(b) { hyphens + 1 } else { 0 };
                        breaks.push(b);
                        i = next_start(items, b);
                        line_start = i;
                        line = 0.0;
                        continue;
                    }
                    overflowing = true;
                }
                line += width;
            }
            Item::Glue { width, .. } => {
                if legal && line <= line_width + 1e-6 {
                    last_fit = Some(i);
                }
                line += width;
            }
            Item::Penalty { width, .. } => {
                if legal && line + width <= line_width + 1e-6 && flagged(i) && hyphens >= MAX_HYPHENS_IN_A_ROW {
                    // A third hyphen in a row only when nothing else fits.
                    spare = Some(i);
                } else if legal && line + width <= line_width + 1e-6 {
                    last_fit = Some(i);
                }
            }
        }
        i += 1;
    }
    if breaks.last() != Some(&(items.len() - 1)) {
        breaks.push(items.len() - 1);
    }
    breaks
}

/// The first item of the line after a break at `b`.
fn next_start(items: &[Item], b: usize) -> usize {
    let mut i = b + 1;
    while i < items.len() && !matches!(items[i], Item::Box { .. }) {
        if matches!(items[i], Item::Penalty { cost, .. } if cost <= -INFINITY) {
            break;
        }
        i += 1;
    }
    i
}

/// Places the items of each line.
/// `max_ratio`: lines are justified, stretched at most this far; `None`:
/// ragged.
fn set_lines(spans: &[Span], fonts: &Fonts, items: &[Item], breaks: &[usize], line_width: f64, max_ratio: Option<f64>) -> Vec<Line> {
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for &b in breaks {
        let content = &items[start..b];
        let (mut natural, mut stretch, mut shrink) = (0.0, 0.0, 0.0);
        for item in content {
            match item {
                Item::Box { width, .. } => natural += width,
                Item::Glue { width, stretch: y, shrink: z, .. } => {
                    natural += width;
                    stretch += y;
                    shrink += z;
                }
                Item::Penalty { .. } => {}
            }
        }
        let split = matches!(items.get(b), Some(Item::Penalty { cost, .. }) if *cost > -INFINITY);
        let (hyphen_width, hyphenated, hyphen_span) = match items.get(b) {
            Some(Item::Penalty { width, flagged: true, span, .. }) if *width > 0.0 => (*width, true, *span),
            _ => (0.0, false, 0),
        };
        natural += hyphen_width;
        let ratio = if let Some(max) = max_ratio.filter(|_| natural < line_width && stretch > 0.0) {
            ((line_width - natural) / stretch).min(max)
        } else if max_ratio.is_none() {
            0.0
        } else if natural > line_width && shrink > 0.0 {
            ((line_width - natural) / shrink).max(-1.0)
        } else {
            0.0
        };

        let mut fragments: Vec<Fragment> = Vec::new();
        let mut x = 0.0f64;
        for item in content {
            match item {
                Item::Box { width, span, range } => {
                    let text = &spans[*span].text[range.clone()];
                    push(&mut fragments, *span, x, text, *width, None);
                    x += width;
                }
                Item::Glue { width, stretch: y, shrink: z, span } => {
                    if *y >= FILL {
                        continue;
                    }
                    let adjusted = if ratio >= 0.0 { width + ratio * y } else { width + ratio * z };
                    push(&mut fragments, *span, x, " ", adjusted, Some(adjusted - width));
                    x += adjusted;
                }
                Item::Penalty { .. } => {}
            }
        }
        if hyphenated {
            push(&mut fragments, hyphen_span, x, "-", hyphen_width, None);
            x += hyphen_width;
        }
        // A space may end a fragment where the next one starts in another
        // span; it stays part of the text for copying.
        let _ = fonts;
        lines.push(Line { fragments, width: Pt(x as f32).rounded(), hyphenated, split });
        start = next_start(items, b);
    }
    lines
}

fn push(fragments: &mut Vec<Fragment>, span: usize, x: f64, text: &str, width: f64, space_adjust: Option<f64>) {
    if let Some(last) = fragments.last_mut() {
        if last.span == span {
            last.text.push_str(text);
            last.width = Pt((f64::from(last.width.0) + width) as f32);
            if let Some(adjust) = space_adjust {
                last.space_adjust = Pt(adjust as f32);
            }
            return;
        }
    }
    fragments.push(Fragment {
        span,
        x: Pt(x as f32),
        text: text.to_owned(),
        width: Pt(width as f32),
        space_adjust: Pt(space_adjust.unwrap_or(0.0) as f32),
    });
}

#[cfg(test)]
mod tests;
