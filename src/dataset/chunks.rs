//! Cutting one large data file into pieces that parse on their own.
//!
//! The TOML parser lexes a whole file into a token vector (its estimate:
//! two tokens for every seven bytes, 24 bytes a token), then into an event
//! vector, then into a tree, all alive at once: a 5.6 MB file of 10,000
//! events took 133 MB to check. A file is a sequence of tables, and a line
//! `[[event]]` at the top level starts a new one whatever came before it, so
//! the text from one such line to the next parses alone to the same tables.
//! Parsed piece by piece, a file's peak is a piece's, and the pieces can be
//! parsed on several cores.
//!
//! Only cuts that cannot change what the file means are made; anything
//! unusual (an `event` key or table before the first `[[event]]`, a quoted
//! or escaped `event` in a header, a lexer surprise) gives one piece, the
//! whole file, parsed as before. Rules that span pieces (a table defined in
//! two of them) are the caller's: see [`Pieces::conflict`].

use std::ops::Range;

use toml_parser::lexer::{Token, TokenKind};
use toml_parser::Source;

/// The pieces of one file's text, in order; together they cover it.
#[derive(Debug, PartialEq, Eq)]
pub struct Pieces {
    pub ranges: Vec<Range<usize>>,
}

impl Pieces {
    /// Whether the pieces' top-level keys collide: any key but `event`
    /// (the array of tables cut along) defined in two pieces. Parsed whole,
    /// TOML would refuse a table defined twice, or would join two
    /// `[[partner]]` runs that an `[[event]]` interrupts; both are left to
    /// the whole file's parse.
    pub fn conflict<'k>(keys: impl IntoIterator<Item = (usize, &'k str)>) -> bool {
        let mut seen = TopKeys::default();
        keys.into_iter().any(|(piece, key)| seen.clash(piece, key))
    }
}

/// The top-level keys met so far, piece by piece: [`Pieces::conflict`]
/// kept as the pieces come.
#[derive(Default)]
pub struct TopKeys {
    first_piece: std::collections::HashMap<String, usize>,
}

impl TopKeys {
    /// Records `key` of `piece`; whether it clashes with another piece's.
    pub fn clash(&mut self, piece: usize, key: &str) -> bool {
        if key == "event" {
            return false;
        }
        match self.first_piece.get(key) {
            Some(&first) => first != piece,
            None => {
                self.first_piece.insert(key.to_owned(), piece);
                false
            }
        }
    }
}

/// Cuts `text` at top-level `[[event]]` lines into pieces of about
/// `target` bytes or more (the last may be shorter). A text shorter than
/// twice `target` is one piece.
pub fn split(text: &str, target: usize) -> Pieces {
    let whole = Pieces { ranges: std::iter::once(0..text.len()).collect() };
    if text.len() < target.saturating_mul(2) {
        return whole;
    }
    match cuts(text, target) {
        Some(cuts) if !cuts.is_empty() => {
            let mut ranges = Vec::with_capacity(cuts.len() + 1);
            let mut start = 0;
            for cut in cuts {
                ranges.push(start..cut);
                start = cut;
            }
            ranges.push(start..text.len());
            Pieces { ranges }
        }
        _ => whole,
    }
}

/// Where a header line's key starts with `event`, and how.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Header {
    /// `[[event]]` exactly: a new element of the array.
    NewEvent,
    /// `[event]`, `[event.x]`, `[[event.x]]`: about the last event, or a
    /// table that would clash with the array.
    AboutEvent,
    Other,
    /// A key this scan does not read (quoted with escapes, odd tokens).
    Unknown,
}

/// The byte offsets of the lines to cut before, or `None` when the file
/// must not be cut.
fn cuts(text: &str, target: usize) -> Option<Vec<usize>> {
    let source = Source::new(text);
    let mut tokens = source.lex().peekable();
    let mut cuts = Vec::new();
    let mut last_cut = 0;
    // Brackets and braces open inside a value (arrays, inline tables).
    let mut depth = 0usize;
    let mut line_start = true;
    let mut seen_new_event = false;
    while let Some(token) = tokens.next() {
        let kind = token.kind();
        match kind {
            TokenKind::Newline => {
                line_start = true;
                continue;
            }
            TokenKind::Whitespace | TokenKind::Comment => continue,
            TokenKind::Eof => break,
            _ => {}
        }
        let at_line_start = std::mem::replace(&mut line_start, false);
        if depth == 0 && at_line_start && kind == TokenKind::LeftSquareBracket {
            let start = token.span().start();
            let header = header(text, &mut tokens)?;
            match header {
                Header::NewEvent => {
                    if seen_new_event && start - last_cut >= target && text.len() - start >= target / 2 {
                        cuts.push(start);
                        last_cut = start;
                    }
                    seen_new_event = true;
                }
                Header::AboutEvent if !seen_new_event => return None,
                Header::Unknown => return None,
                Header::AboutEvent | Header::Other => {}
            }
            continue;
        }
        if depth == 0 && at_line_start && !seen_new_event && key_is_event(text, token) {
            // A top-level `event = …` or `event.x = …`: not an array of
            // tables, so `[[event]]` later would be refused whole.
            return None;
        }
        match kind {
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.checked_sub(1)?;
            }
            _ => {}
        }
    }
    (depth == 0).then_some(cuts)
}

/// Reads a header line after its first `[` up to the line's end.
fn header(text: &str, tokens: &mut std::iter::Peekable<impl Iterator<Item = Token>>) -> Option<Header> {
    let mut array = false;
    let mut key: Vec<Token> = Vec::new();
    let mut closed = false;
    while let Some(token) = tokens.peek().copied() {
        match token.kind() {
            TokenKind::Newline | TokenKind::Eof => break,
            TokenKind::Comment => {}
            TokenKind::LeftSquareBracket if key.is_empty() && !array => array = true,
            TokenKind::RightSquareBracket => closed = true,
            TokenKind::Whitespace => {}
            _ if closed => return Some(Header::Unknown),
            _ => key.push(token),
        }
        tokens.next();
    }
    if !closed {
        return Some(Header::Unknown);
    }
    let first = *key.first()?;
    if !key_is_event(text, first) {
        return Some(match first.kind() {
            TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString => Header::Other,
            _ => Header::Unknown,
        })
        .filter(|_| plain_key(text, first));
    }
    let dotted = key.len() > 1;
    Some(if array && !dotted { Header::NewEvent } else { Header::AboutEvent })
}

/// Whether a key token is `event`, bare or quoted without escapes.
fn key_is_event(text: &str, token: Token) -> bool {
    let raw = &text[token.span().start()..token.span().end()];
    match token.kind() {
        TokenKind::Atom => raw == "event",
        TokenKind::BasicString | TokenKind::LiteralString => raw.get(1..raw.len().saturating_sub(1)) == Some("event"),
        _ => false,
    }
}

/// Whether a key token is one this scan can compare: bare, or quoted with
/// no escape (an escaped `\u0065vent` would be `event`).
fn plain_key(text: &str, token: Token) -> bool {
    let raw = &text[token.span().start()..token.span().end()];
    match token.kind() {
        TokenKind::Atom | TokenKind::LiteralString => true,
        TokenKind::BasicString => !raw.contains('\\'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(n: usize) -> String {
        format!("[[event]]\nid = \"e{n}\"\ntitle = \"Event {n}\"\npartners = [\n  \"A\",\n  [\"nested\"],\n]\n\n")
    }

    fn pieces(text: &str, target: usize) -> Vec<&str> {
        split(text, target).ranges.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn cuts_before_event_headers_and_covers_the_text() {
        let text: String = (0..40).map(event).collect();
        let parts = pieces(&text, 300);
        assert!(parts.len() > 3, "{}", parts.len());
        assert_eq!(parts.concat(), text);
        for part in &parts[1..] {
            assert!(part.starts_with("[[event]]\n"), "{part:?}");
        }
    }

    #[test]
    fn each_piece_parses_to_the_whole_files_events() {
        let text = format!("schema = 1\n\n[report]\ntitle = \"x\"\n\n{}", (0..50).map(event).collect::<String>());
        let whole = toml::de::DeTable::parse(&text).unwrap();
        let events = whole.get_ref().get("event").unwrap().get_ref().as_array().unwrap().len();
        let mut from_pieces = 0;
        for part in pieces(&text, 400) {
            let table = toml::de::DeTable::parse(part).unwrap();
            from_pieces += table.get_ref().get("event").unwrap().get_ref().as_array().unwrap().len();
        }
        assert_eq!(from_pieces, events);
    }

    #[test]
    fn small_texts_and_odd_files_stay_whole() {
        let events: String = (0..40).map(event).collect();
        assert_eq!(split(&events, 100_000).ranges.len(), 1);
        // `event` defined as a key before the array of tables.
        for head in ["event = []\n", "event.x = 1\n", "[event]\nx = 1\n", "[\"ev\\u0065nt\"]\n", "[[ \"event\" .x]]\n"] {
            let text = format!("{head}{events}");
            assert_eq!(split(&text, 200).ranges.len(), 1, "{head:?}");
        }
    }

    #[test]
    fn headers_inside_strings_and_arrays_are_not_cut_at() {
        let inside = "[[event]]\nid = \"s\"\nsummary = \"\"\"\n[[event]]\nnot a header\n\"\"\"\nlist = [\n[1],\n]\n\n";
        let text: String = (0..40).map(|n| if n % 2 == 0 { inside.to_owned() } else { event(n) }).collect();
        let parts = pieces(&text, 200);
        assert!(parts.len() > 2);
        for part in &parts {
            toml::de::DeTable::parse(part).unwrap_or_else(|e| panic!("{e}\n{part}"));
        }
    }

    #[test]
    fn keys_in_two_pieces_conflict_unless_they_are_events() {
        assert!(!Pieces::conflict([(0, "schema"), (0, "event"), (1, "event"), (2, "event")]));
        assert!(Pieces::conflict([(0, "report"), (1, "event"), (1, "report")]));
        assert!(!Pieces::conflict([(0, "partner"), (0, "partner")]));
    }
}
