//! Template helpers: dates at their precision, plurals, percentages,
//! numbers, links and lists.
//!
//! Every helper writes Markdown that is already safe: data text inside it
//! goes through [`super::escape::markdown`], so a helper's output reads the
//! same with `{{ }}` and `{{{ }}}`.

use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason,
};
use serde_json::Value;

use super::escape::markdown;
use crate::date::PartialDate;
use crate::number::format_number;

/// A helper that needs only its parameters and the output.
struct Simple(fn(&Helper<'_>, &mut dyn Output) -> HelperResult);

impl handlebars::HelperDef for Simple {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        (self.0)(h, out)
    }
}

/// Registers every helper on `registry`.
pub fn register(registry: &mut Handlebars<'_>) {
    registry.register_helper("when", Box::new(Simple(when)));
    registry.register_helper("plural", Box::new(Simple(plural)));
    registry.register_helper("percent", Box::new(Simple(percent)));
    registry.register_helper("number", Box::new(Simple(number)));
    registry.register_helper("link", Box::new(Simple(link)));
    registry.register_helper("list", Box::new(Simple(list)));
    registry.register_helper("inc", Box::new(Simple(inc)));
    registry.register_helper("level", Box::new(Simple(level)));
    registry.register_helper("pillar_colour", Box::new(Simple(pillar_colour)));
    registry.register_helper("with_delta", Box::new(Simple(with_delta)));
    registry.register_helper("image_url", Box::new(Simple(image_url)));
    registry.register_helper("mermaid_pie", Box::new(Simple(mermaid_pie)));
    registry.register_helper("mermaid_bars", Box::new(Simple(mermaid_bars)));
    registry.register_helper("mermaid_timeline", Box::new(Simple(mermaid_timeline)));
}

/// Parameter `index` of helper `name`. A parameter whose path names nothing
/// in the data (`{{list tagz}}`) is an error that names the path, as a
/// misspelt `{{titel}}` is.
fn param<'a>(
    h: &'a Helper<'_>,
    index: usize,
    name: &'static str,
) -> Result<&'a Value, RenderError> {
    let p = h
        .param(index)
        .ok_or(RenderErrorReason::ParamNotFoundForIndex(name, index))?;
    if p.is_value_missing() {
        let path = p.relative_path().map_or("?", String::as_str);
        return Err(RenderErrorReason::Other(format!(
            "`{path}` is not defined here (a misspelt or missing field), in parameter {} of `{name}`",
            index + 1
        ))
        .into());
    }
    Ok(p.value())
}

/// An optional parameter: `None` when not given or null, an error when its
/// path names nothing in the data (`{{link name urll}}`).
fn optional<'a>(h: &'a Helper<'_>, index: usize, name: &'static str) -> Result<Option<&'a Value>, RenderError> {
    match h.param(index) {
        None => Ok(None),
        Some(_) => param(h, index, name).map(|v| Some(v).filter(|v| !v.is_null())),
    }
}

/// The error for a parameter of the wrong type: the helper, the parameter
/// as written and what it holds.
fn expected(h: &Helper<'_>, index: usize, name: &'static str, what: &str) -> RenderError {
    let (written, value) = h.param(index).map_or(("?".to_owned(), &Value::Null), |p| {
        (p.relative_path().cloned().unwrap_or_else(|| p.value().to_string()), p.value())
    });
    let holds = match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    RenderErrorReason::Other(format!(
        "parameter {} of `{name}` must be {what}, but `{written}` is {holds}",
        index + 1
    ))
    .into()
}

fn text<'a>(h: &'a Helper<'_>, index: usize, name: &'static str) -> Result<&'a str, RenderError> {
    param(h, index, name)?
        .as_str()
        .ok_or_else(|| expected(h, index, name, "a string"))
}

fn float(h: &Helper<'_>, index: usize, name: &'static str) -> Result<f64, RenderError> {
    param(h, index, name)?
        .as_f64()
        .ok_or_else(|| expected(h, index, name, "a number"))
}

fn whole(h: &Helper<'_>, index: usize, name: &'static str) -> Result<u64, RenderError> {
    param(h, index, name)?
        .as_u64()
        .ok_or_else(|| expected(h, index, name, "a whole number"))
}

fn partial_date(text: &str) -> Result<PartialDate, RenderError> {
    PartialDate::parse(text)
        .map_err(|e| RenderError::from(RenderErrorReason::NestedError(e.into())))
}

/// `{{when d}}` → "December 2024"; `{{when d until}}` → "11–22 November
/// 2024". `until` may be null. With `undated=true` the span bounds an
/// unknown date: "undated, 2024–2026"; with `planned=true` the date is a
/// plan: "2026 (planned)".
fn when(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let from = partial_date(text(h, 0, "when")?)?;
    let mut shown = match optional(h, 1, "when")?.and_then(Value::as_str) {
        Some(until) => from.display_span(&partial_date(until)?),
        None => from.display(),
    };
    let flag = |name: &str| h.hash_get(name).and_then(|v| v.value().as_bool()) == Some(true);
    if flag("undated") {
        shown = format!("undated, {shown}");
    }
    if flag("planned") {
        shown.push_str(" (planned)");
    }
    out.write(&markdown(&shown))?;
    Ok(())
}

/// `{{plural n "event"}}` → "1 event", "3 events";
/// `{{plural n "country" "countries"}}` for irregular plurals.
fn plural(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let n = whole(h, 0, "plural")?;
    let one = text(h, 1, "plural")?;
    let word = if n == 1 {
        one.to_owned()
    } else {
        optional(h, 2, "plural")?
            .and_then(Value::as_str)
            .map_or_else(|| format!("{one}s"), str::to_owned)
    };
    out.write(&markdown(&format!("{} {word}", format_number(n as f64))))?;
    Ok(())
}

/// `{{percent 0.2857}}` → "28.6%".
fn percent(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let x = float(h, 0, "percent")?;
    out.write(&format!("{:.1}%", x * 100.0))?;
    Ok(())
}

/// `{{number 1.5}}` → "1.5", `{{number 92}}` → "92": whole numbers without
/// a decimal point, others as short as they round-trip.
fn number(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    out.write(&format_number(float(h, 0, "number")?))?;
    Ok(())
}


/// `{{link text url}}` → `[text](<url>)`, or the text alone when `url` is
/// null. The angle brackets keep parentheses in the address intact.
fn link(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let label = markdown(text(h, 0, "link")?);
    match optional(h, 1, "link")?.and_then(Value::as_str) {
        Some(url) => out.write(&format!("[{label}](<{}>)", destination(url)))?,
        None => out.write(&label)?,
    }
    Ok(())
}

/// A URL as a Markdown link destination in `<…>`, read back exactly as
/// written: CommonMark reads backslash escapes and entity references there,
/// so a `\` (a trailing one escaped the closing `>`), `&copy;`, `<` or `>`
/// would change or break the link. Each is escaped with a backslash
/// (issue 10, class 15).
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 4);
    for c in url.chars() {
        if matches!(c, '\\' | '<' | '>' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `{{list partners}}` → "Germany, Austria and SOCAR".
fn list(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let items = array(h, 0, "list")?;
    let items: Vec<String> = items
        .iter()
        .map(|v| v.as_str().map_or_else(|| v.to_string(), markdown))
        .collect();
    let joined = match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    out.write(&joined)?;
    Ok(())
}

/// `{{inc @index}}` → the 1-based position.
fn inc(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let n = whole(h, 0, "inc")?;
    out.write(&(n + 1).to_string())?;
    Ok(())
}

/// The words for significance 1 to 5.
pub const SIGNIFICANCE: [&str; 5] = ["routine", "notable", "significant", "major", "landmark"];

/// `{{level 4}}` → "major".
fn level(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let n = whole(h, 0, "level")?;
    let word = SIGNIFICANCE
        .get((n as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("unknown");
    out.write(word)?;
    Ok(())
}

/// A label inside a Mermaid string: quotes and angle brackets become
/// Mermaid's entity codes (`#quot;`), so no data text can end the string or
/// the chart; line breaks become spaces.
pub fn mermaid_label(text: &str) -> String {
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

/// A gantt title, section or task name, read by Mermaid exactly as
/// written (issue 10, class 10). Mermaid ends a name at `:`, reads `;`, `#`
/// and `%` as syntax (`%%{…}%%` anywhere is a directive), and a line that
/// begins with a keyword (`section`, `title`, `click`, `excludes`, … in
/// any case) or a date as that keyword: a lane added, an event gone, the
/// chart renamed or broken. Mermaid decodes its entity codes (`#58;`) in
/// every diagram after parsing, so those characters, and the first
/// character of a name that begins like a keyword, are written as codes.
pub fn gantt_label(text: &str) -> String {
    let text = text.replace(['\n', '\r', '\t'], " ");
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let keyword = GANTT_KEYWORDS.iter().any(|k| lower.starts_with(k))
        || text.len() >= 10 && text.as_bytes()[..10].iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
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

/// What Mermaid's gantt lexer reads as a keyword at the start of a line
/// (case-insensitively), in lowercase.
const GANTT_KEYWORDS: &[&str] = &[
    "gantt", "dateformat", "inclusiveenddates", "topaxis", "axisformat", "tickinterval", "includes", "excludes",
    "todaymarker", "weekday", "weekend", "title", "accdescr", "acctitle", "section", "click", "%%",
];

fn array<'a>(h: &'a Helper<'_>, index: usize, name: &'static str) -> Result<&'a Vec<Value>, RenderError> {
    param(h, index, name)?.as_array().ok_or_else(|| expected(h, index, name, "a list"))
}

fn field<'a>(v: &'a Value, key: &str) -> &'a Value {
    v.get(key).unwrap_or(&Value::Null)
}

/// `{{with_delta count other}}` → "7 (+3)": a count and its difference
/// from the `--compare` period's; the count alone when `other` is null.
fn with_delta(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let count = param(h, 0, "with_delta")?.as_i64().ok_or_else(|| expected(h, 0, "with_delta", "a whole number"))?;
    let text = match optional(h, 1, "with_delta")?.and_then(Value::as_i64) {
        Some(other) => match count - other {
            0 => format!("{count} (±0)"),
            d if d > 0 => format!("{count} (+{d})"),
            // U+2212, as in the change counts ("+1 −2 ~3"): one minus sign
            // everywhere a difference is shown.
            d => format!("{count} (−{})", d.unsigned_abs()),
        },
        None => count.to_string(),
    };
    out.write(&text)?;
    Ok(())
}

/// `{{{image_url report.logo}}}` → `<assets/logo.png>`: an image's address
/// as a link destination, whatever characters it holds (validation refuses
/// `<`, `>` and line breaks in it).
fn image_url(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let path = text(h, 0, "image_url")?;
    out.write(&format!("<{}>", path.replace(['<', '>', '\n', '\r'], "")))?;
    Ok(())
}

/// `{{pillar_colour colour}}` → `#1b3a5c`: the pillar's colour.
fn pillar_colour(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let index = whole(h, 0, "pillar_colour")?;
    out.write(crate::palette::hex(index as usize))?;
    Ok(())
}

/// `{{{mermaid_pie executive.pillars "title"}}}`: a pie of events per
/// pillar, slices in the pillars' colours (pillars without events are left
/// out: a slice of nothing cannot be drawn).
fn mermaid_pie(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let rows = array(h, 0, "mermaid_pie")?;
    let title = text(h, 1, "mermaid_pie")?;
    let mut slices: Vec<(&str, u64, usize)> = rows
        .iter()
        .map(|r| (field(r, "name").as_str().unwrap_or(""), field(r, "count").as_u64().unwrap_or(0), field(r, "colour").as_u64().unwrap_or(0) as usize))
        .filter(|s| s.1 > 0)
        .collect();
    // Mermaid draws the largest slice first and colours slices in that
    // order; sort the same way (ties keep report order) to match colours.
    slices.sort_by_key(|s| std::cmp::Reverse(s.1));
    let colours: Vec<String> = slices
        .iter()
        .enumerate()
        .map(|(i, s)| format!("\"pie{}\": \"{}\"", i + 1, crate::palette::hex(s.2)))
        .collect();
    let mut text = String::from("```mermaid\n");
    text.push_str(&format!(
        "%%{{init: {{\"theme\": \"base\", \"themeVariables\": {{{}}}}}}}%%\n",
        colours.join(", ")
    ));
    text.push_str(&format!("pie showData title {}\n", mermaid_label(title)));
    let total: u64 = slices.iter().map(|s| s.1).sum();
    let parts: Vec<String> = slices
        .iter()
        .map(|(name, count, _)| format!("{name} {} ({} percent)", counted(*count, "event"), (*count * 100 + total / 2) / total.max(1)))
        .collect();
    text.push_str(&accessibility(title, &format!("A pie chart of {}: {}.", counted(total, "event"), and_list(&parts))));
    for (name, count, _) in &slices {
        text.push_str(&format!("    \"{}\" : {count}\n", mermaid_label(name)));
    }
    text.push_str("```");
    out.write(&text)?;
    Ok(())
}

/// `{{{mermaid_bars per_year "title" colour undated}}}`: events per year as
/// bars on an integer axis (rows with a `name`, such as regions, are
/// labelled by it); the optional `undated` counts (span bounds and
/// a count) get a bar each of their own, "undated 2024–2026", after the
/// years and never inside one.
fn mermaid_bars(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let years = array(h, 0, "mermaid_bars")?;
    let title = text(h, 1, "mermaid_bars")?;
    let colour = param(h, 2, "mermaid_bars")?.as_u64().unwrap_or(0) as usize;
    let undated: &[Value] = h.param(3).and_then(|p| p.value().as_array()).map_or(&[], Vec::as_slice);
    // Rows with a `name` (regions, issue 13) are labelled by it, quoted.
    let mut labels: Vec<String> = years
        .iter()
        .map(|y| match field(y, "name").as_str() {
            Some(name) => format!("\"{}\"", mermaid_label(&name.replace([',', '"', ']'], " "))),
            None => field(y, "year").to_string(),
        })
        .collect();
    let mut counts: Vec<u64> = years.iter().map(|y| field(y, "count").as_u64().unwrap_or(0)).collect();
    for span in undated {
        let bound = |key: &str| field(span, key).as_str().and_then(|d| PartialDate::parse(d).ok());
        let (Some(from), Some(until)) = (bound("from"), bound("until")) else { continue };
        // Commas and quotes would end the label: the span's display has
        // neither, but keep the list well formed whatever it holds.
        let label = format!("undated {}", from.display_span(&until)).replace([',', '"', ']'], " ");
        labels.push(format!("\"{}\"", mermaid_label(&label)));
        counts.push(field(span, "count").as_u64().unwrap_or(0));
    }
    let top = counts.iter().copied().max().unwrap_or(0).max(1);
    let parts: Vec<String> = labels.iter().zip(&counts).filter(|(_, &n)| n > 0).map(|(year, &n)| format!("{} in {year}", counted(n, "event"))).collect();
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
    let described = accessibility(title, &format!("A bar chart of events per year{span}: {said}."));
    let text = format!(
        "```mermaid\n%%{{init: {{\"theme\": \"base\", \"themeVariables\": {{\"xyChart\": {{\"plotColorPalette\": \"{}\"}}}}}}}}%%\n\
         xychart-beta\n    title \"{}\"\n{described}    x-axis [{}]\n    y-axis \"Events\" 0 --> {top}\n    bar [{}]\n```",
        crate::palette::hex(colour),
        mermaid_label(title),
        labels.join(", "),
        counts.iter().map(u64::to_string).collect::<Vec<_>>().join(", "),
    );
    out.write(&text)?;
    Ok(())
}

/// `{{{mermaid_timeline executive.timeline @root.period "title"}}}`: a gantt
/// chart with a section (lane) per pillar; a one-day event is a milestone,
/// landmark and major events are marked `crit`, undated facts `done`
/// (grey) with "(undated)" after the name, and each task's id carries its
/// significance and flags (`s4e12`, `s3ue7` undated, `s4pe9` planned) for
/// the PDF's marks.
fn mermaid_timeline(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let events = array(h, 0, "mermaid_timeline")?;
    let period = param(h, 1, "mermaid_timeline")?;
    let title = text(h, 2, "mermaid_timeline")?;
    let start = field(period, "start").as_str().unwrap_or("");
    let end = field(period, "end").as_str().unwrap_or("");
    let years = |d: &str| d.get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(0);
    let axis = if years(end) - years(start) >= 2 { "%Y" } else { "%b %Y" };
    let mut text = format!(
        "```mermaid\ngantt\n    title {}\n    dateFormat YYYY-MM-DD\n    axisFormat {axis}\n",
        gantt_label(title)
    );
    text.push_str(&accessibility(title, &timeline_description(events, start, end)));
    let mut lanes: Vec<(usize, &str)> = events
        .iter()
        .map(|e| {
            let name = field(e, "lane").as_str().or_else(|| field(e, "pillar_name").as_str());
            (field(e, "colour").as_u64().unwrap_or(0) as usize, name.unwrap_or(""))
        })
        .collect();
    lanes.sort();
    lanes.dedup();
    // Mermaid has no per-section colour; the PDF reads them from here, and
    // the period its axis spans (Mermaid fits the axis to the tasks).
    let colours: Vec<&str> = lanes.iter().map(|(c, _)| crate::palette::hex(*c)).collect();
    text.push_str(&format!("    %% lanes: {}\n", colours.join(" ")));
    if !start.is_empty() && !end.is_empty() {
        text.push_str(&format!("    %% period: {start} {end}\n"));
    }
    for (colour, lane) in lanes {
        text.push_str(&format!("    section {}\n", gantt_label(lane)));
        for (n, e) in events.iter().enumerate().filter(|(_, e)| field(e, "colour").as_u64() == Some(colour as u64)) {
            let significance = field(e, "significance").as_u64().unwrap_or(1);
            let mut tags = Vec::new();
            if field(e, "single_day").as_bool() == Some(true) {
                tags.push("milestone");
            }
            if significance >= 4 {
                tags.push("crit");
            }
            // Undated facts are greyed (`done`) and named so; the id's flags
            // (`u` undated, `p` planned) tell the PDF how to draw them.
            let undated = field(e, "undated").as_bool() == Some(true);
            let planned = field(e, "planned").as_bool() == Some(true);
            if undated {
                tags.push("done");
            }
            let tags = if tags.is_empty() { String::new() } else { format!("{}, ", tags.join(", ")) };
            // `m`: known to the month or year only, drawn over its span.
            let imprecise = field(e, "imprecise").as_bool() == Some(true);
            let flags = format!("{}{}{}", if undated { "u" } else { "" }, if planned { "p" } else { "" }, if imprecise { "m" } else { "" });
            let mut name = gantt_label(field(e, "title").as_str().unwrap_or(""));
            match (undated, planned) {
                (true, true) => name.push_str(" (undated, planned)"),
                (true, false) => name.push_str(" (undated)"),
                (false, true) => name.push_str(" (planned)"),
                (false, false) => {}
            }
            let from = field(e, "start").as_str().unwrap_or("");
            let to = if field(e, "single_day").as_bool() == Some(true) { "0d" } else { field(e, "end").as_str().unwrap_or("") };
            text.push_str(&format!("    {name} :{tags}s{significance}{flags}e{n}, {from}, {to}\n"));
        }
    }
    text.push_str("```");
    out.write(&text)?;
    Ok(())
}

/// `accTitle` and `accDescr` lines: a chart's title and its content in
/// words, which Mermaid gives the drawing as its accessible name and
/// description, and the PDF as its alternative text. One line each, with
/// nothing Mermaid could read as a directive or comment.
fn accessibility(title: &str, description: &str) -> String {
    let clean = |text: &str| {
        // Angle brackets as look-alikes: Mermaid puts the description in
        // the drawing's markup.
        let text: String = text
            .chars()
            .map(|c| match c {
                '<' => '‹',
                '>' => '›',
                c if c.is_control() => ' ',
                c => c,
            })
            .collect();
        text.replace("%%", "%").split_whitespace().collect::<Vec<_>>().join(" ")
    };
    format!("    accTitle: {}\n    accDescr: {}\n", clean(title), clean(description))
}

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

/// "a", "a and b", "a, b and c".
pub fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The timeline in words: how many events over which dates, then each
/// pillar's events with their dates, in the chart's order.
fn timeline_description(events: &[Value], start: &str, end: &str) -> String {
    let day = |d: &str| {
        chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_or_else(|_| d.to_owned(), |d| d.format("%-d %B %Y").to_string())
    };
    let mut text = format!(
        "A timeline of {} from {} to {}, one lane per pillar.",
        plural_of(events.len() as u64, "event"),
        day(start),
        day(end)
    );
    let mut lanes: Vec<(u64, &str)> = events
        .iter()
        .map(|e| (field(e, "colour").as_u64().unwrap_or(0), field(e, "pillar_name").as_str().unwrap_or("")))
        .collect();
    lanes.sort();
    lanes.dedup();
    for (colour, lane) in lanes {
        let items: Vec<String> = events
            .iter()
            .filter(|e| field(e, "colour").as_u64() == Some(colour))
            .map(|e| {
                let title = field(e, "title").as_str().unwrap_or("");
                let from = field(e, "start").as_str().unwrap_or("");
                let to = field(e, "end").as_str().unwrap_or("");
                if field(e, "single_day").as_bool() == Some(true) || from == to {
                    format!("{title} on {}", day(from))
                } else {
                    format!("{title} from {} to {}", day(from), day(to))
                }
            })
            .collect();
        text.push_str(&format!(" {lane}: {}.", items.join("; ")));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, data: Value) -> String {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        register(&mut hb);
        hb.render_template(template, &data).unwrap()
    }

    fn render_error(template: &str, data: Value) -> String {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        register(&mut hb);
        hb.render_template(template, &data).unwrap_err().reason().to_string()
    }

    #[test]
    fn a_misspelt_helper_parameter_is_named() {
        let data = serde_json::json!({ "tags": ["a"], "name": "N", "n": 3 });
        let err = render_error("{{list tagz}}", data.clone());
        assert!(err.contains("`tagz` is not defined here") && err.contains("`list`"), "{err}");
        let err = render_error("{{link name urll}}", data.clone());
        assert!(err.contains("`urll` is not defined here"), "{err}");
        let err = render_error("{{list name}}", data.clone());
        assert_eq!(err, "parameter 1 of `list` must be a list, but `name` is a string");
        let err = render_error("{{plural name \"event\"}}", data);
        assert!(err.contains("must be a whole number, but `name` is a string"), "{err}");
    }

    #[test]
    fn dates_keep_their_precision() {
        let data =
            serde_json::json!({ "a": "2024-12", "b": "2024-11-11", "c": "2024-11-22", "n": null });
        assert_eq!(render("{{when a}}", data.clone()), "December 2024");
        assert_eq!(render("{{when b c}}", data.clone()), "11–22 November 2024");
        assert_eq!(render("{{when a n}}", data), "December 2024");
    }

    #[test]
    fn plurals_percentages_numbers() {
        let data =
            serde_json::json!({ "one": 1, "two": 2, "share": 0.285714, "v": 1.5, "w": 92.0 });
        assert_eq!(
            render(
                "{{plural one \"event\"}}, {{plural two \"event\"}}",
                data.clone()
            ),
            "1 event, 2 events"
        );
        assert_eq!(
            render("{{plural two \"country\" \"countries\"}}", data.clone()),
            "2 countries"
        );
        assert_eq!(render("{{percent share}}", data.clone()), "28.6%");
        assert_eq!(render("{{number v}} {{number w}}", data), "1.5 92");
    }

    #[test]
    fn mermaid_labels_cannot_break_out_of_their_string() {
        assert_eq!(mermaid_label("Say \"hi\": <b>#1</b>"), "Say #quot;hi#quot;: #lt;b#gt;#35;1#lt;/b#gt;");
        assert_eq!(gantt_label("Phase: one; #2"), "Phase#58; one#59; #35;2");
        assert_eq!(gantt_label("%%{init: {}}%% x"), "#37;#37;{init#58; {}}#37;#37; x");
        assert_eq!(gantt_label("Section 907 talks"), "#83;ection 907 talks");
        assert_eq!(gantt_label("click here"), "#99;lick here");
        assert_eq!(gantt_label("2025-01-01 summit"), "#50;025-01-01 summit");
        assert_eq!(gantt_label("Titled events"), "#84;itled events");
        assert_eq!(gantt_label("COP29 in Baku"), "COP29 in Baku");
        assert_eq!(mermaid_label("50%%{x}%%"), "50#37;#37;{x}#37;#37;");
    }

    #[test]
    fn pie_slices_are_largest_first_with_matching_colours() {
        let data = serde_json::json!({ "rows": [
            { "name": "A \"q\"", "count": 2, "colour": 0 },
            { "name": "B: colon", "count": 5, "colour": 1 },
            { "name": "C", "count": 0, "colour": 2 }
        ]});
        let out = render("{{{mermaid_pie rows \"Events\"}}}", data);
        assert!(out.contains("\"pie1\": \"#b98020\", \"pie2\": \"#1b3a5c\""), "{out}");
        assert!(out.contains("    \"B: colon\" : 5\n    \"A #quot;q#quot;\" : 2\n```"), "{out}");
        assert!(!out.contains("\"C\""));
    }

    #[test]
    fn timeline_tasks_carry_significance_and_kind_of_mark() {
        let data = serde_json::json!({
            "events": [
                { "title": "COP29: Baku", "pillar_name": "Energy", "colour": 2, "start": "2024-11-11", "end": "2024-11-22", "significance": 5, "single_day": false },
                { "title": "Visit", "pillar_name": "Diplomacy", "colour": 0, "start": "2024-08-09", "end": "2024-08-09", "significance": 3, "single_day": true }
            ],
            "period": { "start": "2024-01-01", "end": "2026-12-31" }
        });
        let out = render("{{{mermaid_timeline events period \"T\"}}}", data);
        assert!(out.contains("    section Diplomacy\n    Visit :milestone, s3e1, 2024-08-09, 0d\n"), "{out}");
        assert!(out.contains("    section Energy\n    COP29#58; Baku :crit, s5e0, 2024-11-11, 2024-11-22\n"), "{out}");
        assert!(out.contains("    %% lanes: #1b3a5c #2f7f79\n"), "{out}");
        assert!(
            out.contains(
                "axisFormat %Y\n    accTitle: T\n    accDescr: A timeline of 2 events from 1 January 2024 to 31 December 2026, \
                 one lane per pillar. Diplomacy: Visit on 9 August 2024. Energy: COP29: Baku from 11 November 2024 to 22 November 2024.\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn charts_say_what_they_show_in_words() {
        let data = serde_json::json!({
            "rows": [{ "name": "A", "count": 2, "colour": 0 }, { "name": "B <b>", "count": 1, "colour": 1 }],
            "years": [{ "year": 2024, "count": 3 }, { "year": 2025, "count": 0 }, { "year": 2026, "count": 1 }]
        });
        let pie = render("{{{mermaid_pie rows \"Events per pillar\"}}}", data.clone());
        assert!(
            pie.contains("    accTitle: Events per pillar\n    accDescr: A pie chart of three events: A two events (67 percent) and B ‹b› one event (33 percent).\n"),
            "{pie}"
        );
        let bars = render("{{{mermaid_bars years \"Events per year\" 0}}}", data);
        assert!(
            bars.contains("    accDescr: A bar chart of events per year from 2024 to 2026: three events in 2024 and one event in 2026; no events in the other years.\n"),
            "{bars}"
        );
    }

    #[test]
    fn deltas_are_signed() {
        let data = serde_json::json!({ "a": 7, "b": 4, "c": 9, "n": null });
        assert_eq!(render("{{with_delta a b}} {{with_delta a c}} {{with_delta a a}} {{with_delta a n}}", data), "7 (+3) 7 (−2) 7 (±0) 7");
    }


    #[test]
    fn links_and_lists_escape_their_text() {
        let data = serde_json::json!({ "n": "A*B", "u": "https://x.org/a_(b)", "none": null, "l": ["X", "Y|Z", "W"] });
        assert_eq!(
            render("{{link n u}}", data.clone()),
            r"[A\*B](<https://x.org/a_(b)>)"
        );
        assert_eq!(render("{{link n none}}", data.clone()), r"A\*B");
        assert_eq!(render("{{list l}}", data), r"X, Y\|Z and W");
    }

    #[test]
    fn dates_say_when_they_are_undated_or_planned() {
        let data = serde_json::json!({ "a": "2024", "b": "2026", "t": true, "f": false, "n": null });
        assert_eq!(render("{{when a b undated=t}}", data.clone()), "undated, 2024–2026");
        assert_eq!(render("{{when b planned=t}}", data.clone()), "2026 (planned)");
        assert_eq!(render("{{when a b undated=t planned=t}}", data.clone()), "undated, 2024–2026 (planned)");
        assert_eq!(render("{{when a b undated=f planned=f}}", data), "2024–2026");
    }

    #[test]
    fn bars_give_undated_counts_their_own_bar() {
        let data = serde_json::json!({
            "years": [{ "year": 2024, "count": 2 }, { "year": 2025, "count": 0 }],
            "undated": [{ "from": "2024", "until": "2026", "count": 6 }]
        });
        let out = render("{{{mermaid_bars years \"T\" 0 undated}}}", data.clone());
        assert!(out.contains("x-axis [2024, 2025, \"undated 2024–2026\"]"), "{out}");
        assert!(out.contains("bar [2, 0, 6]"), "{out}");
        assert!(out.contains("0 --> 6"), "{out}");
        let chart = crate::typeset::chart::parse(out.trim_start_matches("```mermaid\n").trim_end_matches("```")).unwrap();
        let crate::typeset::chart::Chart::Bars { categories, values, .. } = chart else { panic!("{out}") };
        assert_eq!(categories, ["2024", "2025", "undated 2024–2026"]);
        assert_eq!(values, [2.0, 0.0, 6.0]);
        let without = render("{{{mermaid_bars years \"T\" 0}}}", data);
        assert!(without.contains("x-axis [2024, 2025]"), "{without}");
    }

    #[test]
    fn timeline_tasks_flag_undated_and_planned_events() {
        let data = serde_json::json!({
            "events": [
                { "title": "Somewhere", "pillar_name": "D", "colour": 0, "start": "2024-01-01", "end": "2026-12-31", "significance": 3, "single_day": false, "undated": true, "planned": false },
                { "title": "Summit", "pillar_name": "D", "colour": 0, "start": "2026-01-01", "end": "2026-12-31", "significance": 4, "single_day": false, "undated": false, "planned": true }
            ],
            "period": { "start": "2024-01-01", "end": "2026-12-31" }
        });
        let out = render("{{{mermaid_timeline events period \"T\"}}}", data);
        assert!(out.contains("    Somewhere (undated) :done, s3ue0, 2024-01-01, 2026-12-31\n"), "{out}");
        assert!(out.contains("    Summit (planned) :crit, s4pe1, 2026-01-01, 2026-12-31\n"), "{out}");
    }
}
