//! What the templates write, checked as it is written: its size against
//! the output limit while it grows (issue 29, item 5), and how deeply its
//! Markdown nests (issue 29, item 4).

use super::TemplateSource;
use crate::diag::Diagnostic;

/// A writer that refuses to grow past `max` bytes: it keeps at most one
/// byte more (to tell that the limit was hit), and its buffer never holds
/// more than that, so a template that loops without end takes no more
/// memory than the limit and stops there with an error. A `Vec` left to
/// grow alone doubles: at a 1 GiB limit it asked for 2 GiB (issue 29,
/// item 5).
pub(super) struct Capped {
    bytes: Vec<u8>,
    max: usize,
}

impl Capped {
    pub(super) fn new(max: usize) -> Capped {
        Capped { bytes: Vec::new(), max }
    }

    /// Whether more than `max` bytes were offered.
    pub(super) fn over(&self) -> bool {
        self.bytes.len() > self.max
    }

    pub(super) fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// The bytes the buffer holds room for (for the tests of its bound).
    #[cfg(test)]
    pub(super) fn capacity(&self) -> usize {
        self.bytes.capacity()
    }

    /// Makes room for `more` bytes: doubling, as a `Vec` does, but never
    /// past the limit and its one extra byte.
    fn reserve(&mut self, more: usize) {
        let needed = self.bytes.len() + more;
        if needed <= self.bytes.capacity() {
            return;
        }
        let target = needed.max(self.bytes.capacity().saturating_mul(2)).max(64).min(self.max + 1).max(needed);
        self.bytes.reserve_exact(target - self.bytes.len());
    }
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.over() {
            return Err(std::io::Error::other("over the output limit"));
        }
        let room = (self.max + 1) - self.bytes.len();
        let taken = &buf[..room.min(buf.len())];
        self.reserve(taken.len());
        self.bytes.extend_from_slice(taken);
        if self.over() {
            return Err(std::io::Error::other("over the output limit"));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// How deeply the Markdown the templates write may nest quotes, lists,
/// footnotes and emphasis: the typesetter sets containers at most
/// `typeset::blocks::MAX_NESTING` (32) deep, and thousands of levels
/// overflowed its stack; the built-in templates nest three.
pub const MAX_MARKDOWN_NESTING: usize = 32;

/// Where `markdown` first nests deeper than [`MAX_MARKDOWN_NESTING`]: the
/// byte offset, and the depth reached there.
pub(super) fn nesting(markdown: &str) -> Option<(usize, usize)> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS | Options::ENABLE_FOOTNOTES | Options::ENABLE_GFM;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(
                Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::FootnoteDefinition(_)
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. },
            ) => {
                depth += 1;
                if depth > MAX_MARKDOWN_NESTING {
                    return Some((range.start, depth));
                }
            }
            Event::End(end) if nests(end) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn nests(end: pulldown_cmark::TagEnd) -> bool {
    use pulldown_cmark::TagEnd;
    matches!(
        end,
        TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
    )
}

/// A template whose own Markdown nests deeper than
/// [`MAX_MARKDOWN_NESTING`], refused with its place when it is compiled.
pub(super) fn nests_too_deep(source: &TemplateSource) -> Option<Diagnostic> {
    let (offset, _) = nesting(&source.text)?;
    Some(Diagnostic::error_at(
        &source.path,
        &source.text,
        offset,
        format!("the Markdown nests quotes, lists, footnotes or emphasis deeper than {MAX_MARKDOWN_NESTING} levels here"),
    ))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A template that loops without end writes to a buffer that stops at
    /// the limit and never holds much more: written in pieces of every
    /// size, its room never passes the limit's one extra byte.
    #[test]
    fn the_buffer_stops_at_the_limit_and_never_grows_past_it() {
        for max in [0, 1, 7, 100, 4096, 65_537] {
            for piece in [1, 3, 64, 1000, 70_000] {
                let mut out = Capped::new(max);
                let chunk = vec![b'x'; piece];
                let mut writes = 0;
                while out.write(&chunk).is_ok() {
                    writes += 1;
                    assert!(writes <= max + 1, "writes go on past the limit");
                }
                assert!(out.over());
                assert_eq!(out.bytes.len(), max + 1);
                assert!(out.capacity() <= max + 1, "limit {max}, pieces of {piece}: room for {}", out.capacity());
                assert!(out.write(b"y").is_err(), "a write after the limit is refused");
            }
        }
    }

    #[test]
    fn nesting_is_measured_for_every_kind_at_every_depth() {
        let kinds: [(&str, &str); 6] = [("> ", ""), ("- ", ""), ("1. ", ""), ("*a ", " b*"), ("**a ", " b**"), ("~~a ", " b~~")];
        for (open, close) in kinds {
            for depth in [1, 2, 16, MAX_MARKDOWN_NESTING - 1, MAX_MARKDOWN_NESTING, MAX_MARKDOWN_NESTING + 1, 500] {
                let text = format!("{}deep{}\n", open.repeat(depth), close.repeat(depth));
                // A list's level is two: the list and its item.
                let found = nesting(&text);
                let lists = if open == "- " || open == "1. " { 2 } else { 1 };
                if depth * lists <= MAX_MARKDOWN_NESTING {
                    assert_eq!(found, None, "{open:?} × {depth}");
                } else {
                    assert!(found.is_some_and(|(_, d)| d == MAX_MARKDOWN_NESTING + 1), "{open:?} × {depth}: {found:?}");
                }
            }
        }
    }
}
