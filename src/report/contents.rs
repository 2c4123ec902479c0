//! The Markdown's table of contents (issue 27, item 8): where a template
//! writes the line `<!-- toc -->`, the rendered briefing gets a real list
//! of links to its sections, which GitHub, a Markdown linter and a word
//! processor read as what it is; no comment is left for the reader. The
//! typesetter recognises the same list (a strong title, then items that
//! are each one link to a heading of the document) and draws its own
//! contents in its place, with page numbers.

use crate::slug::Slugger;

/// The line a template writes where the contents go.
pub const MARKER: &str = "<!-- toc -->";

/// `text` with its [`MARKER`] line (outside fenced blocks) replaced by a
/// title (`title` and a colon, strong) and a list of links to the level-2 headings that
/// follow it, each by GitHub's anchor for it; unchanged when it has none.
pub fn expand(text: &str, title: &str) -> String {
    let Some(at) = marker_at(text) else { return text.to_owned() };
    let entries = headings(text);
    // The colon makes the title a lead-in, not a heading made of bold
    // (markdownlint's MD036), so the list stays out of the outline.
    let mut list = format!("**{}:**\n\n", crate::report::escape::markdown(title));
    for (level, heading, anchor) in entries.into_iter().filter(|(level, _, _)| *level == 2) {
        debug_assert_eq!(level, 2);
        list.push_str(&format!("- [{}](#{anchor})\n", crate::report::escape::markdown(&heading)));
    }
    let mut end = text[at..].find('\n').map_or(text.len(), |n| at + n + 1);
    if list.ends_with(":**\n\n") {
        // No section to list: no title either, and no blank line left
        // doubled.
        list.clear();
        if text[end..].starts_with('\n') {
            end += 1;
        }
    }
    format!("{}{}{}", &text[..at], list, &text[end..])
}

/// The byte offset of the marker's line, outside fenced blocks.
fn marker_at(text: &str) -> Option<usize> {
    let mut fenced = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        } else if !fenced && trimmed == MARKER {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// Every heading of `text`: its level, its text as a reader sees it, and
/// its anchor, in order (the anchors of all levels count for GitHub's
/// `-1`, `-2` after a repeated heading).
fn headings(text: &str) -> Vec<(usize, String, String)> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut slugger = Slugger::default();
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => current = Some((level as usize, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, title)) = current.take() {
                    let anchor = slugger.next(&title);
                    out.push((level, title, anchor));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, title)) = current.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, title)) = current.as_mut() {
                    title.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_27_the_marker_becomes_a_list_of_links() {
        let text = "# Title\n\n<!-- toc -->\n\n## Executive summary\n\n### Timeline\n\n## 1. Energy & *gas*\n\n## Notes\n\n## Notes\n";
        let out = expand(text, "Contents");
        assert!(!out.contains("<!--"), "{out}");
        assert!(
            out.contains("**Contents:**\n\n- [Executive summary](#executive-summary)\n- [1\\. Energy & gas](#1-energy--gas)\n- [Notes](#notes)\n- [Notes](#notes-1)\n\n## Executive summary"),
            "{out}"
        );
    }

    #[test]
    fn without_the_marker_or_sections_nothing_is_added() {
        assert_eq!(expand("# T\n\nText.\n", "Contents"), "# T\n\nText.\n");
        assert_eq!(expand("```\n<!-- toc -->\n```\n", "Contents"), "```\n<!-- toc -->\n```\n");
        assert_eq!(expand("# T\n\n<!-- toc -->\n\nText.\n", "Contents"), "# T\n\nText.\n");
    }
}
