//! From the parser's first error to the mistake behind it: one function a
//! kind of mistake, each saying where it is, what to write, and how to
//! repair the copy so that the next parse goes past it.

use toml_parser::lexer::TokenKind;

use crate::diag::shorten;

use super::text::{self, content_before, content_end, is_header, is_statement, line, line_end, line_start, next_statement};
use super::{assign, scan, shapes, Cx, Error, Fix, Repair, Scan};
use crate::dataset::schema::Table;

/// The mistake behind `error`, the first parse error of the copy.
pub(super) fn diagnose(cx: &Cx<'_>, error: &Error) -> Fix {
    let e = error.span.start;
    let m = error.message.as_str();
    // Tokens are read from a header line: the copy's known-good one when
    // the error is after it, else the start.
    let scan = scan(cx.text, if cx.from <= e { cx.from } else { 0 }, e);
    let fix = unclosed_multiline(cx, &scan)
        .or_else(|| {
            (m.starts_with("invalid basic string") || m.starts_with("invalid literal string"))
                .then(|| unclosed_string(cx, &scan, e))
                .flatten()
        })
        .or_else(|| unclosed_bracket(cx, &scan, e))
        .or_else(|| empty_then_text(cx, e));
    if let Some(fix) = fix {
        return fix;
    }
    let kind = m.split(',').next().unwrap_or(m);
    match kind {
        "key with no value" => Some(no_equals(cx, &scan, e)),
        "unclosed array table" | "unclosed table" => Some(open_header(cx, e, m)),
        "unexpected key or value" => Some(stray(cx, &scan, e, None)),
        "string values must be quoted" => Some(unquoted(cx, &scan, error.span.clone())),
        "duplicate key" => Some(duplicate(cx, error.span.clone())),
        _ if kind.starts_with("invalid date") => Some(bare_date(cx, &scan, error.span.clone())),
        _ if kind.starts_with("missing escaped value") || kind.contains("escape") => escape(cx, e),
        "invalid float" | "invalid integer number" | "invalid boolean" | "invalid string" | "invalid mantissa" | "invalid fraction"
        | "invalid exponent" => typed(cx, &scan, e),
        "invalid time" | "invalid offset" => Some(bare_date(cx, &scan, error.span.clone())),
        "missing comma between key-value pairs" => inline_pair(cx, &scan, e, true),
        "missing assignment between key-value pairs" => inline_pair(cx, &scan, e, false),
        "missing comma between array elements" => Some(Fix {
            at: e,
            message: "a `,` is missing between two items of this array".to_owned(),
            help: None,
            repair: Repair::Replace(e..e, ",".to_owned()),
        }),
        _ => None,
    }
    .unwrap_or_else(|| generic(cx, &scan, e, m))
}

/// A `"""` or `'''` text that is never closed, or that runs on over a
/// table header: reported where it opens, closed in the copy after its
/// last line of text.
fn unclosed_multiline(cx: &Cx<'_>, scan: &Scan) -> Option<Fix> {
    let text = cx.text;
    scan.multiline.iter().find_map(|range| {
        let delimiter = &text[range.start..range.start + 3];
        let token = &text[range.clone()];
        let closed = token.len() >= 6 && token.ends_with(delimiter);
        let body_end = if closed { range.end - 3 } else { range.end };
        let body = range.start + 3..body_end;
        let first_line = text::next_line(text, range.start);
        let mut lines = (first_line < body.end).then_some(first_line);
        let mut swallowed = false;
        while let Some(at) = lines {
            if is_header(line(text, at)) {
                swallowed = true;
                break;
            }
            lines = Some(text::next_line(text, at)).filter(|&n| n < body.end);
        }
        // Closed by the `"""` that opens the next text (`summary.az =
        // """` after a `summary.en` whose closing was dropped): that
        // delimiter stands right after a `key =`, so it opens, not closes.
        let by_opener = closed && {
            let before = &text[text::line_start(text, range.end - 3)..range.end - 3];
            text::assigned_key(before).is_some() && before.trim_end().ends_with('=')
        };
        if closed && !swallowed && !by_opener {
            return None;
        }
        // Close it after its last line of text: before the first line that
        // is a statement, else at its end.
        let stop = if first_line < body.end { next_statement(text, first_line).min(body.end) } else { body.end };
        let close = if stop >= body.end && !closed {
            body.start + text[body.clone()].trim_end().len()
        } else {
            content_before(text, stop).filter(|&c| c > body.start).unwrap_or(body.start)
        };
        let runs_to = if closed {
            format!("as it is, the text runs on to the next `{delimiter}`, at line {}, and takes in everything before it", cx.line(range.end - 3))
        } else {
            "as it is, the text runs on to the end of the file".to_owned()
        };
        Some(Fix {
            at: range.start,
            message: format!(
                "the text that opens here with `{delimiter}` is not closed: add `{delimiter}` after its last line (line {})",
                cx.line(close)
            ),
            help: Some(runs_to),
            repair: Repair::Replace(close..close, delimiter.to_owned()),
        })
    })
}

/// A `"…` or `'…` string with no closing quote on its line.
fn unclosed_string(cx: &Cx<'_>, scan: &Scan, e: usize) -> Option<Fix> {
    let text = cx.text;
    let (_, token) = scan.last.clone().filter(|(kind, _)| matches!(kind, TokenKind::BasicString | TokenKind::LiteralString))?;
    let start = token.start;
    let end = token.end.max(e).min(line_end(text, start)).max(start + 1);
    let quote = &text[start..=start];
    let content = &text[start + 1..end];
    let next = text::next_line(text, start);
    if content.trim().is_empty() && next < text.len() && !is_statement(line(text, next)) && !line(text, next).trim().is_empty() {
        // `summary = "` with the text on the lines below.
        let stop = next_statement(text, next);
        let run_end = content_before(text, stop).unwrap_or(end).max(end);
        return Some(Fix {
            at: start,
            message: format!(
                "this string has no closing quote, and its text goes on on the next lines: for text over several lines, \
                 open it with `{quote}{quote}{quote}` and close it with `{quote}{quote}{quote}`"
            ),
            help: None,
            repair: Repair::Replace(start..run_end, format!("{quote}{quote}")),
        });
    }
    // The quote goes before the brackets that close what the string is in
    // (`["SOCAR]`), else at the end of the line.
    let mut cut = content.len();
    let mut closers = 0;
    for (i, c) in content.char_indices().rev() {
        match c {
            ' ' | '\t' => {}
            ',' if !scan.open.is_empty() => {}
            ']' | '}' if closers < scan.open.len() => closers += 1,
            _ => break,
        }
        cut = i;
    }
    let tail = content[cut..].trim_start();
    let keep = content[..cut].trim_end().len();
    let at = start + 1 + keep;
    let message = match tail.chars().next() {
        Some(c) if closers > 0 => format!("this string has no closing quote: add `{quote}` before the `{c}`"),
        _ => format!(
            "this string has no closing quote: add `{quote}` at the end of the line, or use `{quote}{quote}{quote}` for text over several lines"
        ),
    };
    Some(Fix { at: start, message, help: None, repair: Repair::Replace(at..at, quote.to_owned()) })
}

/// An array or inline table not closed before the next statement (or the
/// end of the file); or closed with the other bracket.
fn unclosed_bracket(cx: &Cx<'_>, scan: &Scan, e: usize) -> Option<Fix> {
    let text = cx.text;
    let &(innermost, bracket) = scan.open.last()?;
    let (what, closer) = if bracket == b'[' { ("array", ']') } else { ("inline table", '}') };
    let (line, column) = cx.place(innermost);
    let wrong = text[e..].chars().next().filter(|&c| matches!(c, ']' | '}') && c != closer);
    if let Some(wrong) = wrong {
        return Some(Fix {
            at: e,
            message: format!("the {what} that opens at line {line}, column {column} has no closing `{closer}`: add `{closer}` before this `{wrong}`"),
            help: None,
            repair: Repair::Replace(e..e, closer.to_string()),
        });
    }
    let outer_line = line_start(text, scan.open[0].0);
    let at_end = text[e.min(text.len())..].trim().is_empty();
    let at_statement = at_end || (line_start(text, e) > outer_line && is_statement(text::line(text, e)));
    if !at_statement {
        return None;
    }
    let closers: String = scan.open.iter().rev().map(|&(_, b)| if b == b'[' { ']' } else { '}' }).collect();
    let at = if at_end { scan.last.as_ref().map_or(text.len(), |(_, t)| t.end) } else { scan.content_before_line };
    let at = at.max(innermost + 1);
    let opens = if line_start(text, innermost) == line_start(text, at) { "opens on this line".to_owned() } else { format!("opens at line {line}") };
    Some(Fix {
        at,
        message: format!("the {what} that {opens} has no closing `{closer}`: add `{closers}` after its last item"),
        help: None,
        repair: Repair::Replace(at..at, closers),
    })
}

/// `summary = ""` with the text meant for it on the lines below: the
/// parser stumbles on the first line of text.
fn empty_then_text(cx: &Cx<'_>, e: usize) -> Option<Fix> {
    let text = cx.text;
    let start = line_start(text, e);
    let here = line(text, e).trim_start();
    let key_then_value = text::key_part(here)
        .is_some_and(|(_, rest)| rest.starts_with([' ', '\t']) && rest.trim_start().starts_with(['"', '\'', '[', '{']));
    if is_statement(here) || key_then_value {
        // A statement, or one that lacks its `=` (`kind "summit"`).
        return None;
    }
    let run_end = content_before(text, next_statement(text, text::next_line(text, start))).unwrap_or(e).max(line_end(text, e));
    if let Some(before) = content_before(text, start) {
        let previous = line(text, before);
        let trimmed = previous.trim_end();
        if let (Some(key), true) = (text::assigned_key(previous), trimmed.ends_with("\"\"") || trimmed.ends_with("''")) {
            let value = trimmed.rsplit_once('=').map_or("", |(_, v)| v.trim());
            if value == "\"\"" || value == "''" {
                let at = before - 2;
                return Some(Fix {
                    at,
                    message: format!(
                        "`{} = {value}` is an empty string, and the text on the lines below it is outside any string: \
                         for text over several lines, write `\"\"\"` before it and `\"\"\"` after it",
                        shorten(key)
                    ),
                    help: None,
                    repair: Repair::Replace(at..run_end, value.to_owned()),
                });
            }
        }
    }
    None
}

/// A line where the parser wanted `=`: a missing `=`, or a line of text
/// outside any string.
fn no_equals(cx: &Cx<'_>, scan: &Scan, e: usize) -> Fix {
    let text = cx.text;
    let start = line_start(text, e);
    let run_end = content_before(text, next_statement(text, text::next_line(text, start))).unwrap_or(e).max(line_end(text, e));
    let here = line(text, e);
    let first = start + (here.len() - here.trim_start().len());
    if let Some((key, rest)) = text::key_part(here.trim_start()) {
        let value = rest.trim();
        let starts_value = value.starts_with(['"', '\'', '[', '{', '+', '-']) || value.starts_with(|c: char| c.is_ascii_digit()) || value.starts_with("true") || value.starts_with("false");
        if rest.starts_with([' ', '\t']) && starts_value && e > first {
            return Fix {
                at: e,
                message: format!("`{}` has no `=` before its value: write `{} = {}`", shorten(key), shorten(key), shorten(value)),
                help: None,
                repair: Repair::Replace(e..e, "= ".to_owned()),
            };
        }
    }
    if let Some(fix) = key_then_word(cx, first) {
        return fix;
    }
    let message = match content_before(text, start).map(|c| line(text, c).trim_end()) {
        Some(previous) if previous.ends_with('"') && text::assigned_key(previous).is_some() && scan.open.is_empty() => format!(
            "this line is outside any string: the string on line {} closes at its end; for text over several lines, \
             open it with `\"\"\"` and close it with `\"\"\"`",
            cx.line(content_before(text, start).unwrap_or(start))
        ),
        _ => format!(
            "this line is not `key = value` nor a `[table]`: expected `=` after `{}`",
            shorten(text.get(first..e).unwrap_or("").trim_end())
        ),
    };
    Fix { at: first, message, help: None, repair: Repair::Blank(start..run_end) }
}

/// A line that starts with words of a key, not a string's text: `pillar
/// energy` (a known key, a word, no `=`) or `signi ficance = 2` (a key
/// with a space). `first` is where the line's text starts.
fn key_then_word(cx: &Cx<'_>, first: usize) -> Option<Fix> {
    let text = cx.text;
    let here = &text[first..text::content_end(text, first).max(first)];
    let table = shapes::table_at(text, first);
    let is_word = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if let Some((keys, value)) = here.split_once('=') {
        let words: Vec<&str> = keys.split_whitespace().collect();
        if words.len() < 2 || !words.iter().all(|w| is_word(w)) {
            return None;
        }
        let spaced = keys.trim_end();
        let value = value.trim();
        let message = match shapes::key_near(table, &words.concat()).or_else(|| shapes::key_near(table, &words.join("_"))) {
            Some(key) => format!("a key has no spaces: write `{key} = {}`", shorten(value)),
            None => format!(
                "a key has no spaces: write `{}` or quote it: `\"{}\"`",
                shorten(&words.join("_")),
                shorten(&words.join(" "))
            ),
        };
        let quoted = format!("\"{}\"", spaced.replace(['"', '\\'], ""));
        return Some(Fix { at: first, message, help: None, repair: Repair::Replace(first..first + spaced.len(), quoted) });
    }
    let mut words = here.split_whitespace();
    let (key, value) = (words.next()?, words.next()?);
    if words.next().is_some() || !is_word(key) || !table.keys().contains(&key) {
        return None;
    }
    let key_end = first + key.len();
    Some(Fix {
        at: first + here.find(value).unwrap_or(key.len()),
        message: format!("`{key}` has no `=` before its value: write `{key} = {}`", shapes::written(table, key, value)),
        help: None,
        repair: Repair::Replace(key_end..first + here.len(), " = 0".to_owned()),
    })
}

/// A table header without its closing `]` or `]]`.
fn open_header(cx: &Cx<'_>, e: usize, message: &str) -> Fix {
    let here = line(cx.text, e).trim();
    let array = here.starts_with("[[");
    let name: String = here.trim_start_matches('[').chars().take_while(|&c| !matches!(c, ']' | '#')).collect();
    let (open, close) = if array { ("[[", "]]") } else { ("[", "]") };
    let missing = if message.contains("`]]`") { "]]" } else { "]" };
    Fix {
        at: e,
        message: format!("this table header is not closed: write `{open}{}{close}`", shorten(name.trim())),
        help: None,
        repair: Repair::Replace(e..e, missing.to_owned()),
    }
}

/// Something after a value or a header on the same line.
fn stray(cx: &Cx<'_>, scan: &Scan, e: usize, value: Option<&str>) -> Fix {
    let text = cx.text;
    let found: String = text[e..line_end(text, e)].split_whitespace().next().unwrap_or("").chars().take(20).collect();
    let message = if scan.header {
        format!("unexpected `{}` after the table header: a header line holds only `[name]` or `[[name]]`", shorten(&found))
    } else {
        let of = match (value, scan.key(text)) {
            (Some(v), Some(k)) => format!(" `{}` of `{}`", shorten(v), shorten(k)),
            (None, Some(k)) => format!(" of `{}`", shorten(k)),
            _ => String::new(),
        };
        format!("unexpected `{}` after the value{of}: a line holds one `key = value`; a note after it starts with `#`", shorten(&found))
    };
    let help = if found.starts_with(',') {
        Some("commas go only between the items of an array".to_owned())
    } else if found.contains('"') {
        Some("a `\"` inside a string is written `\\\"`".to_owned())
    } else {
        None
    };
    Fix { at: e, message, help, repair: Repair::Blank(e..line_end(text, e)) }
}

/// A bare word where a value should be: text without quotes, a date in
/// another form, a value with something after it, or nothing at all.
fn unquoted(cx: &Cx<'_>, scan: &Scan, span: std::ops::Range<usize>) -> Fix {
    let text = cx.text;
    let value = text[span.clone()].trim();
    let key = scan.key(text).unwrap_or("");
    if value.is_empty() {
        return Fix {
            at: span.start,
            message: format!("`{}` has no value after `=`", shorten(key)),
            help: None,
            repair: Repair::Replace(span.start..span.start, "\"\"".to_owned()),
        };
    }
    if let Some(help) = crate::date::did_you_mean(value) {
        return Fix {
            at: span.start,
            message: format!(
                "`{}` is not a date the dataset reads: write `\"YYYY-MM-DD\"`, `\"YYYY-MM\"` or `\"YYYY\"`",
                shorten(value)
            ),
            help: Some(help),
            repair: Repair::Replace(span, "0".to_owned()),
        };
    }
    let line_end = content_end(text, span.start).max(span.end);
    let rest = text[span.start..line_end].trim_end();
    if scan.open.is_empty() && rest.len() > 1 && rest.ends_with(['"', '\'']) {
        // `title = OIC resolutions"`: the closing quote is there.
        let quote = &rest[rest.len() - 1..];
        return Fix {
            at: span.start,
            message: format!("this string has no opening quote: write `{}{quote}{}`", assign(scan, text), shorten(rest)),
            help: None,
            repair: Repair::Replace(span.start..line_end, "0".to_owned()),
        };
    }
    let mut words = value.split_whitespace();
    let first = words.next().unwrap_or("");
    if words.next().is_some() && toml::de::DeTable::parse(&format!("v = {first}")).is_ok() {
        let after = span.start + text[span.start..].find(first).unwrap_or(0) + first.len();
        let second = after + (text[after..].len() - text[after..].trim_start().len());
        let next_pair = text::key_part(&text[second..]).is_some_and(|(_, rest)| rest.trim_start().starts_with('='));
        if matches!(scan.open.last(), Some((_, b'{'))) && next_pair {
            // `{ x = 1 y = 2 }`: the `,` between two pairs.
            return Fix {
                at: after,
                message: "a `,` is missing between two `key = value` of this inline table: add `,` here".to_owned(),
                help: None,
                repair: Repair::Replace(after..after, ",".to_owned()),
            };
        }
        return stray(cx, scan, second, Some(first));
    }
    let write = if scan.open.is_empty() { format!("{}\"{}\"", assign(scan, text), shorten(value)) } else { format!("\"{}\"", shorten(value)) };
    let message = value_key(text, scan, span.start)
        .and_then(|(table, key)| shapes::not_text(table, key, value))
        .unwrap_or_else(|| format!("`{}` is text and must be in quotes: write `{write}`", shorten(value)));
    Fix {
        at: span.start,
        message,
        help: None,
        repair: Repair::Replace(span.clone(), stand_in(text, scan, span.end).to_owned()),
    }
}

/// The table and key a value at `at` is given to: the statement's key,
/// or in an inline table (`sources = [{ published = … }]`) the key before
/// it there.
fn value_key<'t>(text: &'t str, scan: &Scan, at: usize) -> Option<(Table, &'t str)> {
    let table = shapes::table_at(text, at);
    let key = scan.key(text)?;
    match scan.open.last() {
        None => Some((table, key)),
        Some(&(open, b'{')) => {
            let inner = shapes::items(table, key)?;
            let before = text[open + 1..at].trim_end().strip_suffix('=')?;
            let inner_key = before.rsplit([',', '{', ' ', '\t']).find(|w| !w.is_empty())?;
            Some((inner, inner_key.trim_matches(['"', '\''])))
        }
        Some(_) => None,
    }
}

/// What stands in the copy for a value that could not be read: `0`, and
/// a comma when it ends a line of an array whose items go on below.
fn stand_in(text: &str, scan: &Scan, end: usize) -> &'static str {
    let rest_of_line = text[end..line_end(text, end)].trim();
    let next = text::next_line(text, end);
    let goes_on = next < text.len() && !text[next..].trim_start().starts_with([']', '}']);
    if !scan.open.is_empty() && (rest_of_line.is_empty() || rest_of_line.starts_with('#')) && goes_on {
        "0,"
    } else {
        "0"
    }
}

/// A bare date TOML cannot read: a month (`2025-03`), a day not in the
/// calendar.
fn bare_date(cx: &Cx<'_>, scan: &Scan, span: std::ops::Range<usize>) -> Fix {
    let text = cx.text;
    let value = text[span.clone()].trim();
    let key = scan.key(text).map_or_else(|| "date".to_owned(), |k| format!("`{}`", shorten(k)));
    let (message, help) = match crate::date::PartialDate::parse(value) {
        Ok(date) => (format!("`{value}` must be in quotes: a month or a year is written `{}\"{date}\"`", assign(scan, text)), None),
        Err(crate::date::DateError::Malformed(_)) => (
            format!("`{}` is not a date the dataset reads: write `\"YYYY-MM-DD\"`, `\"YYYY-MM\"` or `\"YYYY\"`", shorten(value)),
            crate::date::did_you_mean(value),
        ),
        Err(why) => (format!("invalid {key}: {why}"), None),
    };
    Fix { at: span.start, message, help, repair: Repair::Replace(span, "0".to_owned()) }
}

/// A key given twice in one table, or a table header given twice.
fn duplicate(cx: &Cx<'_>, span: std::ops::Range<usize>) -> Fix {
    let text = cx.text;
    let start = line_start(text, span.start);
    let name = text[span.clone()].trim_matches(['"', '\'']).to_owned();
    let section = text::section(text, span.start);
    if is_header(line(text, start)) {
        let header: String = line(text, start).trim().chars().filter(|c| !c.is_whitespace()).collect();
        let mut at = 0;
        let mut first = None;
        while at < start {
            if line(text, at).trim().chars().filter(|c| !c.is_whitespace()).collect::<String>() == header {
                first = Some(at);
                break;
            }
            at = text::next_line(text, at);
        }
        let first = first.map_or_else(String::new, |f| format!("; the first is at line {}", cx.line(f)));
        return Fix {
            at: span.start,
            message: format!("`{}` is defined twice in this file{first}", shorten(&header)),
            help: None,
            repair: Repair::Blank(start..section.end),
        };
    }
    let mut first = None;
    let mut at = section.start;
    while at < start {
        if text::assigned_key(line(text, at)).map(|k| k.trim_matches(['"', '\''])) == Some(name.as_str()) {
            first = Some(at);
            break;
        }
        at = text::next_line(text, at);
    }
    let table = Some(line(text, section.start).trim()).filter(|l| is_header(l)).map_or("this file".to_owned(), |h| format!("this `{h}`"));
    let first = first.map_or_else(String::new, |f| format!("; the first is at line {}", cx.line(f)));
    let end = statement_end(text, start);
    Fix {
        at: span.start,
        message: format!("`{}` is given twice in {table}{first}", shorten(&name)),
        help: Some("keep one of them".to_owned()),
        repair: Repair::Blank(start..end),
    }
}

/// Where the statement starting at the line start `start` ends: the end of
/// its last line, strings and brackets followed across lines.
fn statement_end(text: &str, start: usize) -> usize {
    let mut depth = 0usize;
    for token in toml_parser::Source::new(&text[start..]).lex() {
        match token.kind() {
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth = depth.saturating_sub(1),
            TokenKind::Newline if depth == 0 => return start + token.span().start(),
            TokenKind::Eof => break,
            _ => {}
        }
    }
    text.len()
}

/// A backslash that starts no escape in a `"…"` string.
fn escape(cx: &Cx<'_>, e: usize) -> Option<Fix> {
    let text = cx.text;
    let start = line_start(text, e);
    let upto = text.get(start..e + 1).unwrap_or(&text[start..e]);
    let slash = start + upto.rfind('\\')?;
    let next: String = text[slash + 1..].chars().next().map(String::from).unwrap_or_default();
    Some(Fix {
        at: slash,
        message: format!(
            "`\\{}` is not an escape: write `\\\\` for a backslash, or use single quotes ('…') for text with backslashes",
            shorten(&next)
        ),
        help: None,
        repair: Repair::Replace(slash..slash + 1, " ".to_owned()),
    })
}

/// Any other error: the parser's words, and the statement dropped from the
/// copy.
fn generic(cx: &Cx<'_>, scan: &Scan, e: usize, message: &str) -> Fix {
    let text = cx.text;
    let end = if scan.header {
        text::section(text, e).end
    } else {
        content_before(text, next_statement(text, text::next_line(text, e))).unwrap_or(0).max(line_end(text, e))
    };
    let start = if scan.statement <= e { scan.statement } else { line_start(text, e) };
    Fix { at: e, message: toml_words(message), help: None, repair: Repair::Blank(start..end.max(start)) }
}

/// The parser's message in plain words, or (for a message of a later
/// version of the parser) its own words on one line.
fn toml_words(message: &str) -> String {
    if let Some(words) = super::plain::plain(message) {
        return words.to_owned();
    }
    let joined = message.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ");
    format!("invalid TOML: {joined}")
}

/// A value that starts like a number or a flag and is not one
/// (`value = 2.5bn`): what the key takes, when the key is known.
fn typed(cx: &Cx<'_>, scan: &Scan, e: usize) -> Option<Fix> {
    let text = cx.text;
    let ends = |c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}' | '#' | '=');
    let start = text[..e].rfind(ends).map_or(0, |i| i + 1);
    let end = e + text[e..].find(ends).unwrap_or(text.len() - e);
    let value = &text[start..end];
    let (table, key) = value_key(text, scan, start)?;
    let message = shapes::not_text(table, key, value)?;
    Some(Fix { at: start, message, help: None, repair: Repair::Replace(start..end, "0".to_owned()) })
}

/// Two `key = value` of an inline table with no `,` between them, or a
/// key there with no `=` before its value.
fn inline_pair(cx: &Cx<'_>, scan: &Scan, e: usize, comma: bool) -> Option<Fix> {
    let text = cx.text;
    let &(open, b'{') = scan.open.last()? else { return None };
    if let Some(fix) = swallowed_pair(text, scan) {
        return Some(fix);
    }
    if comma {
        let at = text[..e].trim_end().len().max(open + 1);
        return Some(Fix {
            at,
            message: "a `,` is missing between two `key = value` of this inline table: add `,` here".to_owned(),
            help: None,
            repair: Repair::Replace(at..at, ",".to_owned()),
        });
    }
    let before = text[open + 1..e].trim_end();
    let key = before.rsplit([',', '{', ' ', '\t']).find(|w| !w.is_empty())?;
    let value_end = e + text[e..line_end(text, e)].find([',', '}']).unwrap_or(line_end(text, e) - e);
    let value = text[e..value_end].trim_end();
    Some(Fix {
        at: e,
        message: format!("`{}` has no `=` before its value: write `{} = {}`", shorten(key), shorten(key), shorten(value)),
        help: None,
        repair: Repair::Replace(e..e, "= ".to_owned()),
    })
}

/// A string of an inline table that runs on over the next `, key = `
/// (`{ name = "News.Az, published = 2026-02-12, note = "…" }`): its
/// closing quote is missing before that comma.
fn swallowed_pair(text: &str, scan: &Scan) -> Option<Fix> {
    let (_, token) = scan.last.clone().filter(|(kind, _)| matches!(kind, TokenKind::BasicString | TokenKind::LiteralString))?;
    let quote = &text[token.start..=token.start];
    let body = &text[token.start + 1..token.end.saturating_sub(1).max(token.start + 1)];
    let comma = body.match_indices(',').map(|(i, _)| i).find(|&i| {
        text::key_part(body[i + 1..].trim_start()).is_some_and(|(_, rest)| rest.trim_start().starts_with('='))
    })?;
    let at = token.start + 1 + body[..comma].trim_end().len();
    Some(Fix {
        at: token.start,
        message: format!("this string has no closing quote: add `{quote}` before the `,`"),
        help: None,
        repair: Repair::Replace(at..at, quote.to_owned()),
    })
}

/// The last resort when a repair did not get past an error: the table
/// holding it is dropped from the copy.
pub(super) fn section(cx: &Cx<'_>, e: usize) -> Fix {
    let range = text::section(cx.text, e);
    Fix { at: e, message: String::new(), help: None, repair: Repair::Blank(range) }
}
