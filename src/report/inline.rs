//! A judgement's text (issue 25) as the briefing prints it: one paragraph
//! of inline Markdown, read with the dataset's own options
//! ([`crate::dataset::judgements::MARKDOWN`], which refused its block
//! constructs) and written out again in one spelling: emphasis `*…*`,
//! strong `**…**`, struck `~~…~~`, code in enough backticks, links
//! `[…](<…>)`, and every piece of text escaped
//! ([`super::escape::markdown`]). So a delimiter the analyst left open is
//! text, and nothing in the judgement reaches the words the template puts
//! after it.

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

use super::escape::markdown;
use super::helpers::destination;
use crate::dataset::judgements::MARKDOWN;

/// `text`'s inline Markdown, written safely on one line.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // The destinations of the links open at this point.
    let mut links = Vec::new();
    for event in Parser::new_ext(text, MARKDOWN) {
        match event {
            Event::Text(t) => out.push_str(&spaced(&t)),
            Event::Code(c) => code(&mut out, &c),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => out.push('*'),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => out.push_str("**"),
            Event::Start(Tag::Strikethrough) | Event::End(TagEnd::Strikethrough) => out.push_str("~~"),
            Event::Start(Tag::Link { link_type, dest_url, .. }) => {
                // An e-mail autolink's destination is the bare address.
                links.push(match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                });
                out.push('[');
            }
            Event::End(TagEnd::Link) => {
                let url = links.pop().unwrap_or_default();
                out.push_str(&format!("](<{}>)", destination(&url)));
            }
            // The rest was refused when the data were read; what is left
            // of it here is its text.
            Event::Html(t) | Event::InlineHtml(t) | Event::FootnoteReference(t) => out.push_str(&spaced(&t)),
            _ => {}
        }
    }
    out
}

/// Text escaped, keeping a space it starts or ends with (the escape trims).
fn spaced(t: &str) -> String {
    let inner = markdown(t);
    if inner.is_empty() {
        return if t.is_empty() { String::new() } else { " ".to_owned() };
    }
    let lead = if t.starts_with(char::is_whitespace) { " " } else { "" };
    let trail = if t.ends_with(char::is_whitespace) { " " } else { "" };
    format!("{lead}{inner}{trail}")
}

/// A code span around `c`: more backticks than its longest run, and a
/// space inside each end when it starts or ends with a backtick or a space.
fn code(out: &mut String, c: &str) {
    let mut longest = 0;
    let mut run = 0;
    for ch in c.chars() {
        run = if ch == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if c.starts_with(['`', ' ']) || c.ends_with(['`', ' ']) { " " } else { "" };
    let c = c.replace(['\n', '\r', '\t'], " ");
    out.push_str(&format!("{fence}{pad}{c}{pad}{fence}"));
}

#[cfg(test)]
mod tests {
    use super::inline;
    use crate::dataset::judgements::{block_construct, MARKDOWN};
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    proptest! {
        /// Whatever the analyst writes that the dataset accepts, the
        /// briefing's line stays one list item of one paragraph, without
        /// HTML, and the words the template writes after the judgement
        /// (its evidence's link) come out as written.
        #[test]
        fn an_accepted_judgement_never_reaches_the_words_after_it(text in "[a-z *_`~\\[\\]()<>!#|:/.\n-]{0,40}") {
            let written = inline(&text);
            prop_assert!(!written.contains('\n'));
            if block_construct(&text).is_none() {
                let line = format!("- {written} Confidence: *high*, `code`. Evidence: [Title](#anchor).");
                let events: Vec<Event<'_>> = Parser::new_ext(&line, MARKDOWN).collect();
                let paragraphs = events.iter().filter(|e| matches!(e, Event::Start(Tag::Paragraph))).count();
                let items = events.iter().filter(|e| matches!(e, Event::Start(Tag::Item))).count();
                prop_assert!(paragraphs <= 1 && items == 1, "{line:?}: {events:?}");
                prop_assert!(!events.iter().any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_))), "{line:?}");
                let last_link = events.iter().rev().find_map(|e| match e {
                    Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
                    _ => None,
                });
                prop_assert_eq!(last_link.as_deref(), Some("#anchor"), "{:?}", line);
                let code = events.iter().rposition(|e| matches!(e, Event::Code(c) if c.as_ref() == "code"));
                let high = events.windows(3).rposition(|w| matches!(w, [Event::Start(Tag::Emphasis), Event::Text(t), Event::End(TagEnd::Emphasis)] if t.as_ref() == "high"));
                prop_assert!(code.is_some() && high.is_some(), "{:?}: {:?}", line, events);
                let start = events.iter().rposition(|e| matches!(e, Event::Start(Tag::Link { .. }))).unwrap_or(0);
                let label = events.get(start + 1..start + 3);
                prop_assert!(
                    matches!(label, Some([Event::Text(t), Event::End(TagEnd::Link)]) if t.as_ref() == "Title"),
                    "{:?}: {:?}", line, label
                );
            }
        }
    }

    #[test]
    fn inline_markdown_is_written_in_one_safe_spelling() {
        assert_eq!(
            inline("COP29 will _very likely_ be cited, per [the UN](https://unfccc.int/a_b) and `NCQG`."),
            "COP29 will *very likely* be cited, per [the UN](<https://unfccc.int/a_b>) and `NCQG`."
        );
        assert_eq!(inline("**Strong** and ~~struck~~\nover two lines"), "**Strong** and ~~struck~~ over two lines");
        // A delimiter left open is text, escaped: it cannot reach what
        // the template writes after the judgement.
        assert_eq!(inline("A lone *star, [bracket and `tick"), "A lone \\*star, \\[bracket and \\`tick");
        assert_eq!(inline("Code with `` a`b `` inside"), "Code with ``a`b`` inside");
        assert_eq!(inline("`` `x` ``"), "`` `x` ``");
        assert_eq!(inline("Write to <desk@example.org>."), "Write to [desk\\@example.org](<mailto:desk@example.org>).");
    }
}
