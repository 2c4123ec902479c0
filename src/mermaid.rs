//! The Mermaid subset of the briefing's charts: one definition that the
//! report writes ([`write()`], from `report::helpers`) and the typesetter
//! reads back ([`parse()`], from `typeset::chart`) to draw the same chart in
//! the PDF. A leaf: it imports nothing of the crate but the palette's hex
//! reader.
//!
//! Three kinds of block, each line as written (four spaces of indent):
//!
//! ```text
//! %%{init: {"theme": "base", "themeVariables": {"pie1": "#rrggbb", …}}}%%
//! pie showData title TITLE
//!     accTitle: ALT TITLE
//!     accDescr: ALT DESCRIPTION
//!     "LABEL" : VALUE
//!
//! %%{init: {"theme": "base", "themeVariables": {"xyChart": {"plotColorPalette": "#rrggbb"}}}}%%
//! xychart-beta
//!     title "TITLE"
//!     accTitle: … / accDescr: …
//!     x-axis [CATEGORY, "CATEGORY", …]
//!     y-axis "AXIS" MIN --> MAX
//!     %% undated: N            (the last N bars are of undated facts)
//!     bar [VALUE, …]
//!
//! gantt
//!     title TITLE
//!     dateFormat YYYY-MM-DD
//!     axisFormat %Y            (%b %Y for a period of under two years)
//!     accTitle: … / accDescr: …
//!     %% lanes: #rrggbb …      (a colour per section: Mermaid has none)
//!     %% period: FIRST LAST    (the axis's span: Mermaid fits it to the tasks)
//!     section LANE
//!     TASK :[milestone, ][crit, ][done, ]s{significance}{flags}e{key}, START, END
//! ```
//!
//! A milestone's end is written `0d`; `crit` marks significance 4 and 5,
//! `done` an undated task (grey in Mermaid). The task id carries what
//! Mermaid has no word for: significance 1 to 5, then the flags `u`
//! undated, `p` planned, `m` imprecise (known to the month or year), `c`
//! and a number for a count of events rather than one (a dense timeline's
//! month or year), then `e` and the task's key.
//!
//! Text is escaped so that no data can end a string, start a directive
//! (`%%{…}%%` anywhere in a block is one) or be read as a keyword:
//! [`label`] for pie and bar text, [`gantt_label`] for gantt names,
//! [`alt_text`] for the accessibility lines; [`decode`] reads Mermaid's
//! entity codes (`#58;`, `#quot;`) back, as Mermaid does after parsing.
//! Escaping normalises white space (see each function): what a chart
//! model holds is text in that normal form, and then `parse(write(chart))`
//! gives `chart` back (the property test at the foot).

mod read;
mod write;

use chrono::NaiveDate;

pub use read::{parse, ParseError};
pub use write::{category, write};

/// A colour as red, green and blue bytes; written `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb` (quoted or not).
    pub fn parse(text: &str) -> Option<Rgb> {
        crate::palette::parse(text).map(|(r, g, b)| Rgb(r, g, b))
    }

    /// The colour of the pillar at `index` (0-based).
    pub fn of_pillar(index: usize) -> Rgb {
        let (r, g, b) = crate::palette::rgb(index);
        Rgb(r, g, b)
    }

    /// `#rrggbb`, lowercase as the palette writes it.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// A chart of the subset.
#[derive(Clone, Debug, PartialEq)]
pub enum Chart {
    Pie { title: String, slices: Vec<Slice>, alt: Alt },
    /// `categories` and `values` pair up, one bar each; the last `undated`
    /// bars count facts undated within a span, which the PDF sets apart
    /// from the years (their labels are words of the run's language, so
    /// they are marked by their number, not by a word).
    Bars { title: String, categories: Vec<String>, values: Vec<f64>, undated: usize, color: Rgb, axis: Option<Axis>, alt: Alt },
    /// `period`: the span the axis covers, first and last day (else the
    /// whole years of the tasks).
    Timeline { title: String, lanes: Vec<Lane>, period: Option<(NaiveDate, NaiveDate)>, alt: Alt },
}

/// A chart's `accTitle` and `accDescr`: its name and content in words,
/// which Mermaid gives the drawing and the PDF its alternative text. Empty
/// when the block has none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alt {
    pub title: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Slice {
    pub label: String,
    pub value: f64,
    pub color: Rgb,
}

/// A bar chart's value axis: its title and range.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub title: String,
    pub range: Option<(f64, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub name: String,
    pub color: Rgb,
    pub tasks: Vec<Task>,
}

/// A task of a timeline lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    pub name: String,
    pub start: NaiveDate,
    /// The last day; a milestone's is its `start`.
    pub end: NaiveDate,
    /// 1 to 5.
    pub significance: u8,
    /// One day: a point, not a span.
    pub milestone: bool,
    /// Somewhere in `start..end`, not over it: a dotted band, no mark.
    pub undated: bool,
    /// Announced, not happened: a hollow mark.
    pub planned: bool,
    /// Known to the month or year only: its mark in the middle of its span.
    pub imprecise: bool,
    /// The task's number in its id (`e12`): the event's place in the data
    /// the chart was written from.
    pub key: usize,
    /// Not an event but a count of events (flag `c` and the number, `c12`):
    /// those begun in the task's month, or known only to its year, in a
    /// timeline too dense to draw each (issue 27, item 5); 0 for an event.
    pub count: u32,
}

/// The gantt `axisFormat` for a period: years when it spans two or more
/// calendar years, else months.
pub fn axis_format(period: Option<(NaiveDate, NaiveDate)>) -> &'static str {
    use chrono::Datelike;
    match period {
        Some((first, last)) if last.year() - first.year() >= 2 => "%Y",
        _ => "%b %Y",
    }
}

/// A date as the subset writes it, `YYYY-MM-DD`.
fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Pie and bar text inside a Mermaid string: quotes and angle brackets
/// become Mermaid's entity codes (`#quot;`), so no data text can end the
/// string or the chart; line breaks and tabs become spaces, other control
/// characters are dropped, and the ends are trimmed.
pub fn label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '#' => out.push_str("#35;"),
            // `%%{…}%%` anywhere in a block is a directive Mermaid applies
            // (configuration, CSS, external requests): no `%` reaches it
            // raw (issue 10, class 10).
            '%' => out.push_str("#37;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// What Mermaid's gantt lexer reads as a keyword at the start of a line
/// (case-insensitively), in lowercase.
const GANTT_KEYWORDS: &[&str] = &[
    "gantt", "dateformat", "inclusiveenddates", "topaxis", "axisformat", "tickinterval", "includes", "excludes",
    "todaymarker", "weekday", "weekend", "title", "accdescr", "acctitle", "section", "click", "%%",
    // Mermaid 11 reads `call` and `href` after any white space, not only
    // after `click` (issue 29, item 6: found by its own parser).
    "call", "href",
];

/// A gantt title, section or task name, read by Mermaid exactly as
/// written (issue 10, class 10). Mermaid ends a name at `:`, reads `;`, `#`
/// and `%` as syntax (`%%{…}%%` anywhere is a directive), and a line that
/// begins with a keyword (`section`, `title`, `click`, `excludes`, … in
/// any case) or a date as that keyword: a lane added, an event gone, the
/// chart renamed or broken. Mermaid decodes its entity codes (`#58;`) in
/// every diagram after parsing, so those characters, and the first
/// character of a name that begins like a keyword, are written as codes.
/// Line breaks and tabs become spaces and the ends are trimmed; other
/// control characters are then dropped.
pub fn gantt_label(text: &str) -> String {
    let text = text.replace(['\n', '\r', '\t'], " ");
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let dated = text.len() >= 10
        && text.as_bytes()[..10].iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    let keyword = GANTT_KEYWORDS.iter().any(|k| lower.starts_with(k)) || dated;
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.chars().enumerate() {
        match c {
            ':' | ';' | '#' | '%' | '"' | '<' | '>' => out.push_str(&format!("#{};", c as u32)),
            c if i == 0 && keyword => out.push_str(&format!("#{};", c as u32)),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// An `accTitle` or `accDescr` line's text: one line, angle brackets as
/// look-alikes (Mermaid puts the description in the drawing's markup),
/// control characters as spaces, runs of white space as one space, and no
/// `%%`, which Mermaid could read as a comment or, before `{`, a
/// directive.
pub fn alt_text(text: &str) -> String {
    let mut text: String = text
        .chars()
        .map(|c| match c {
            '<' => '‹',
            '>' => '›',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    // Until none is left: one pass turns `%%%{` into `%%{`.
    while text.contains("%%") {
        text = text.replace("%%", "%");
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Mermaid's entity codes back to text: the named ones the subset writes
/// and any numeric one (`#58;`), as Mermaid decodes them.
pub fn decode(text: &str) -> String {
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

#[cfg(test)]
mod tests;
