//! Table headers with the wrong brackets for their table: `[event]` or
//! `[event]]` where events are an array of tables (`[[event]]`), and
//! `[name` never closed. The parser sees no bracket mistake in `[event]]`
//! (it reads a table `event` with a stray `]`, or a key given twice),
//! blames `[event]` on the next `[[event]]` and `[pillar` at the end of a
//! file on a key given twice, so these are found before any parse, at
//! their line.

use toml_parser::lexer::TokenKind;
use toml_parser::Source;

use crate::diag::shorten;

use super::text::line_end;
use super::{Fix, Repair};

/// The tables of the data files that are arrays of tables.
const ARRAYS: &[(&str, &str)] = &[("event", "events"), ("pillar", "pillars"), ("partner", "partners")];

/// A header line outside any value: where its line starts and ends, its
/// opening and closing brackets, and its name.
struct Header {
    start: usize,
    end: usize,
    opens: usize,
    closes: usize,
    name: String,
}

/// The headers of `text` whose brackets do not fit their table, each
/// with its message and the repair to `[[name]]` or `[name]`.
pub(super) fn wrong_brackets(text: &str) -> Vec<Fix> {
    let headers = headers(text);
    let arrays: Vec<&str> = headers.iter().filter(|h| h.opens == 2 && h.closes == 2).map(|h| h.name.as_str()).collect();
    headers
        .iter()
        .filter_map(|h| {
            let plural = ARRAYS.iter().find(|(one, _)| *one == h.name).map(|(_, many)| (*many).to_owned());
            let is_array = plural.is_some() || arrays.contains(&h.name.as_str());
            let name = shorten(&h.name);
            let message = match (h.opens, h.closes) {
                (1, 1 | 2) if is_array => {
                    let written = if h.closes == 1 { format!("[{name}]") } else { format!("[{name}]]") };
                    let many = plural.map_or_else(|| format!("`{name}` is"), |p| format!("{p} are"));
                    format!("`{written}` is one table, but {many} an array of tables: write `[[{name}]]`")
                }
                (1, 2) => format!("this header opens with `[` and closes with `]]`: write `[{name}]`"),
                (1, 0) if is_array => {
                    let many = plural.map_or_else(|| format!("`{name}` is"), |p| format!("{p} are"));
                    format!("this table header is not closed, and {many} an array of tables: write `[[{name}]]`")
                }
                (1, 0) => format!("this table header is not closed: write `[{name}]`"),
                _ => return None,
            };
            let fixed = if is_array { format!("[[{}]]", h.name) } else { format!("[{}]", h.name) };
            // An unclosed header is said where its `]` belongs.
            let at = if h.closes == 0 { h.end } else { h.start };
            Some(Fix { at, message, help: None, repair: Repair::Replace(h.start..h.end, fixed) })
        })
        .collect()
}

/// Every header line of `text` made only of brackets and a bare or dotted
/// name (and white space, and a comment after it).
fn headers(text: &str) -> Vec<Header> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut line: Vec<(TokenKind, usize, usize)> = Vec::new();
    let mut first_at = None;
    let mut finish = |line: &mut Vec<(TokenKind, usize, usize)>, first_at: Option<usize>| {
        if let Some(header) = first_at.and_then(|start| header(text, start, line)) {
            found.push(header);
        }
        line.clear();
    };
    for token in Source::new(text).lex() {
        let (start, end) = (token.span().start(), token.span().end());
        match token.kind() {
            TokenKind::Eof => break,
            TokenKind::Newline => {
                finish(&mut line, first_at.take());
                continue;
            }
            TokenKind::Whitespace | TokenKind::Comment => continue,
            _ => {}
        }
        if line.is_empty() && depth == 0 && token.kind() == TokenKind::LeftSquareBracket {
            first_at = Some(start);
        }
        line.push((token.kind(), start, end));
        if first_at.is_none() {
            match token.kind() {
                TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
                TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    finish(&mut line, first_at);
    found
}

/// The header a line's tokens make, when they are brackets around a name.
fn header(text: &str, start: usize, tokens: &[(TokenKind, usize, usize)]) -> Option<Header> {
    let opens = tokens.iter().take_while(|t| t.0 == TokenKind::LeftSquareBracket).count();
    let closes = tokens.iter().rev().take_while(|t| t.0 == TokenKind::RightSquareBracket).count();
    let name = tokens.get(opens..tokens.len().checked_sub(closes)?)?;
    let is_name = !name.is_empty() && name.iter().all(|t| matches!(t.0, TokenKind::Atom | TokenKind::Dot));
    if !is_name || opens > 2 || closes > 2 {
        return None;
    }
    let name = text[name[0].1..name[name.len() - 1].2].split_whitespace().collect();
    let last = tokens.last()?.2;
    Some(Header { start, end: last.min(line_end(text, start)), opens, closes, name })
}
