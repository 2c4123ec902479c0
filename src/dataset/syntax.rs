//! TOML syntax errors in the analyst's words, at the line where the mistake
//! is, one error a mistake (issue 24, item 4).
//!
//! The parser's first error is often after the mistake (an unclosed `"""`
//! is noticed at the next event's text) and one mistake sets off a cascade
//! (`["SOCAR]` gave ten errors). So each round takes the parser's first
//! error, finds the mistake behind it by a small scan of the text (the
//! line where an unclosed string opened, the array that was never closed),
//! says it in plain words, and repairs a copy of the text the way the
//! message says; the copy is parsed again for the next independent
//! mistake. Positions in the copy map back to the file's. This runs only
//! for a file that does not parse: a valid file costs nothing more.

use std::ops::Range;

use toml_parser::lexer::TokenKind;
use toml_parser::Source;

use crate::diag::{shorten, LineIndex};

mod explain;
mod headers;
mod plain;
mod shapes;
mod text;

/// One syntax mistake: where it is (a byte offset of the file) and what to
/// do about it.
#[derive(Debug, PartialEq, Eq)]
pub struct Mistake {
    pub offset: usize,
    pub message: String,
    pub help: Option<String>,
}

/// The most rounds of repair and parse for one file: as many mistakes as
/// a file's listing shows ([`crate::diag::LISTED_PER_FILE`]).
const MAX_ROUNDS: usize = crate::diag::LISTED_PER_FILE;

/// The mistakes of `text`, a file whose parse gave `errors`, in file order.
/// `lines` indexes `text`.
pub fn explain(text: &str, lines: &LineIndex, errors: Vec<toml::de::Error>) -> Vec<Mistake> {
    let mut patched = Patched { text: text.to_owned(), edits: Vec::new() };
    let mut errors: Vec<Error> = errors.iter().map(Error::from).collect();
    let mut found: Vec<Mistake> = Vec::new();
    // Headers with the wrong brackets for their table: the parser blames
    // them elsewhere, or not at all. All are repaired; as many are listed
    // as rounds would list.
    let wrong = headers::wrong_brackets(text);
    if !wrong.is_empty() {
        for (n, fix) in wrong.into_iter().enumerate().rev() {
            if n < MAX_ROUNDS {
                found.push(Mistake { offset: fix.at, message: fix.message, help: fix.help });
            }
            patched.apply(fix.repair);
        }
        errors = toml::de::DeTable::parse_recoverable(&patched.text).1.iter().map(Error::from).collect();
    }
    let mut last: Option<(usize, String)> = None;
    let mut forced = false;
    // A header line before which the copy is known to parse: each round
    // reads tokens from there, not from the start of a large file.
    let mut from = 0;
    for _ in 0..MAX_ROUNDS {
        let Some(first) = errors.iter().min_by_key(|e| e.span.start).cloned() else { break };
        let here = (patched.original(first.span.start), first.message.clone());
        let stuck = last.as_ref() == Some(&here);
        let cx = Cx { text: &patched.text, original: text, lines, patched: &patched, from };
        let fix = if stuck {
            // The last repair did not get past this error: drop its
            // whole table from the copy, or give up when that was done.
            if forced {
                break;
            }
            forced = true;
            explain::section(&cx, first.span.start)
        } else {
            forced = false;
            let fix = explain::diagnose(&cx, &first);
            let offset = patched.original(fix.at);
            if !found.iter().any(|m| m.offset == offset) {
                found.push(Mistake { offset, message: fix.message.clone(), help: fix.help.clone() });
            }
            fix
        };
        let start = fix.repair.start();
        if start < from {
            from = 0;
        }
        from = header_before(&patched.text, from, start);
        patched.apply(fix.repair);
        last = Some(here);
        // The copy before the repaired table parsed: parse from its header
        // on, and the whole copy once that part is clean (a table defined
        // in two parts of the file is only seen whole).
        errors = parse_errors(&patched.text, from);
        if errors.is_empty() && from > 0 {
            errors = toml::de::DeTable::parse_recoverable(&patched.text).1.iter().map(Error::from).collect();
        }
    }
    found.sort_by_key(|m| m.offset);
    found
}

/// The parse errors of `text` from `from`, a table header's line (or 0)
/// on, at their places in `text`.
///
/// A large rest is parsed in pieces that parse alone (`super::chunks`),
/// up to the first piece with errors: a round costs the text from one
/// mistake to the next, not the rest of the file.
fn parse_errors(text: &str, from: usize) -> Vec<Error> {
    let rest = &text[from..];
    for piece in super::chunks::split(rest, PIECE_BYTES).ranges {
        let (_, errors) = toml::de::DeTable::parse_recoverable(&rest[piece.clone()]);
        if !errors.is_empty() {
            let base = from + piece.start;
            return errors
                .iter()
                .map(|e| {
                    let mut e = Error::from(e);
                    e.span = e.span.start + base..e.span.end + base;
                    e
                })
                .collect();
        }
    }
    Vec::new()
}

/// The size of the pieces the rest of a file is parsed in after a repair.
const PIECE_BYTES: usize = 64 * 1024;

/// The start of the line of the last table header outside any string or
/// value before `offset`, reading from `from` (a header line or 0), or
/// `from`.
fn header_before(text: &str, from: usize, offset: usize) -> usize {
    let mut header = from;
    let mut depth = 0usize;
    let (mut line_start, mut in_header) = (true, false);
    for token in Source::new(&text[from..]).lex() {
        let start = from + token.span().start();
        match token.kind() {
            _ if start >= offset => break,
            TokenKind::Eof => break,
            TokenKind::Newline => {
                (line_start, in_header) = (true, false);
                continue;
            }
            TokenKind::Whitespace | TokenKind::Comment => continue,
            _ => {}
        }
        let first = std::mem::replace(&mut line_start, false);
        if in_header {
            continue;
        }
        match token.kind() {
            TokenKind::LeftSquareBracket if first && depth == 0 => {
                header = text::line_start(text, start);
                in_header = true;
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    header
}

/// A parse error of the copy being repaired.
#[derive(Clone, Debug)]
struct Error {
    span: Range<usize>,
    message: String,
}

impl From<&toml::de::Error> for Error {
    fn from(e: &toml::de::Error) -> Self {
        Error { span: e.span().unwrap_or(0..0), message: e.message().to_owned() }
    }
}

/// What one round found: where the mistake is (in the copy), what to say,
/// and how the copy is repaired.
struct Fix {
    at: usize,
    message: String,
    help: Option<String>,
    repair: Repair,
}

impl Repair {
    /// Where the change starts.
    fn start(&self) -> usize {
        match self {
            Repair::Replace(range, _) | Repair::Blank(range) => range.start,
        }
    }
}

/// A change to the copy of the text.
enum Repair {
    /// Replace the range by the text.
    Replace(Range<usize>, String),
    /// Spaces for everything in the range but line breaks: places after it
    /// stay where they were.
    Blank(Range<usize>),
}

/// The copy of a file being repaired, and the edits that map its places
/// back to the file's.
struct Patched {
    text: String,
    /// `(at, removed, inserted)`, in the order applied, each in the
    /// coordinates of the text it was applied to.
    edits: Vec<(usize, usize, usize)>,
}

impl Patched {
    fn apply(&mut self, repair: Repair) {
        let (range, with) = match repair {
            Repair::Replace(range, with) => (range, with),
            Repair::Blank(range) => {
                let range = self.snap(range);
                let blank: String = self.text[range.clone()].chars().map(|c| if c == '\n' || c == '\r' { c } else { ' ' }).collect();
                // A blanked character of several bytes becomes one space:
                // record it as an edit like any other.
                (range, blank)
            }
        };
        let range = self.snap(range);
        self.edits.push((range.start, range.len(), with.len()));
        self.text.replace_range(range, &with);
    }

    /// `range` inside the text and on character boundaries.
    fn snap(&self, range: Range<usize>) -> Range<usize> {
        let text = &self.text;
        let mut start = range.start.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = range.end.clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }

    /// The offset in the file of `offset` in the copy; a place inside
    /// inserted text maps to where it was inserted.
    fn original(&self, offset: usize) -> usize {
        self.edits.iter().rev().fold(offset, |x, &(at, removed, inserted)| {
            if x >= at + inserted {
                x - inserted + removed
            } else {
                x.min(at)
            }
        })
    }
}

/// What a diagnosis reads: the copy, and the file to say lines by.
struct Cx<'a> {
    text: &'a str,
    original: &'a str,
    lines: &'a LineIndex,
    patched: &'a Patched,
    /// Where reading tokens may start: a header line the copy parses to.
    from: usize,
}

impl Cx<'_> {
    /// The 1-based line and column in the file of `offset` in the copy.
    fn place(&self, offset: usize) -> (usize, usize) {
        let place = self.lines.place(self.original, self.patched.original(offset));
        (place.line, place.col)
    }

    fn line(&self, offset: usize) -> usize {
        self.place(offset).0
    }
}

/// What the tokens before an error say about where it is.
#[derive(Default)]
struct Scan {
    /// The arrays and inline tables open there: where each opens and its
    /// bracket.
    open: Vec<(usize, u8)>,
    /// The statement (`key = value` or `[header]`) holding it: its line's
    /// start, its key, and whether it is a header.
    statement: usize,
    key: Option<Range<usize>>,
    header: bool,
    /// The last token before it that is not white space or a comment.
    last: Option<(TokenKind, Range<usize>)>,
    /// Multi-line strings that open before it.
    multiline: Vec<Range<usize>>,
    /// The end of the last token before its line that is not white space
    /// or a comment.
    content_before_line: usize,
}

/// Reads the tokens of `text` before `offset`, from `from` (a header line
/// or 0) on.
fn scan(text: &str, from: usize, offset: usize) -> Scan {
    let line = text::line_start(text, offset);
    let mut line_start = true;
    let mut scan = Scan { statement: from, ..Scan::default() };
    for token in Source::new(&text[from..]).lex() {
        let span = from + token.span().start()..from + token.span().end();
        if span.start >= offset || token.kind() == TokenKind::Eof {
            break;
        }
        match token.kind() {
            TokenKind::Newline => {
                line_start = true;
                continue;
            }
            TokenKind::Whitespace | TokenKind::Comment => continue,
            TokenKind::MlBasicString | TokenKind::MlLiteralString => scan.multiline.push(span.clone()),
            _ => {}
        }
        if span.start < line {
            scan.content_before_line = span.end;
        }
        let first = std::mem::replace(&mut line_start, false);
        if first && scan.open.is_empty() {
            scan.statement = text::line_start(text, span.start);
            scan.header = token.kind() == TokenKind::LeftSquareBracket;
            scan.key = (!scan.header).then(|| span.clone());
        }
        scan.last = Some((token.kind(), span.clone()));
        if scan.header && scan.open.is_empty() {
            continue;
        }
        match token.kind() {
            TokenKind::LeftSquareBracket => scan.open.push((span.start, b'[')),
            TokenKind::LeftCurlyBracket => scan.open.push((span.start, b'{')),
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                scan.open.pop();
            }
            _ => {}
        }
    }
    scan
}

impl Scan {
    /// The key of the statement, as written (quotes removed).
    fn key<'t>(&self, text: &'t str) -> Option<&'t str> {
        let key = &text[self.key.clone()?];
        Some(key.trim_matches(['"', '\'']))
    }
}

/// `key = ` for a message, or nothing when the key is unknown.
fn assign(scan: &Scan, text: &str) -> String {
    scan.key(text).map(|k| format!("{} = ", shorten(k))).unwrap_or_default()
}

#[cfg(test)]
mod tests;
