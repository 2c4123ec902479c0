//! Links to sections, resolved against the headings the templates
//! actually rendered (issue 23, item 1).
//!
//! The summary hands the templates a [`slug::reference`] for each section a
//! link may point to (a pillar's); the template that renders a section is
//! registered behind a wrapper that opens its output with a [`slug::mark`]
//! and closes it with [`slug::end_mark`].
//! After rendering, [`resolve`] takes the marks out, gives every heading
//! its anchor in document order ([`slug::Slugger`], as GitHub and the
//! typesetter do), and writes the anchor of the first heading after each
//! section's mark where its references stand. Whatever words a desk's
//! template puts in the heading, the links follow them.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::slug;

/// `text` without marks, its references replaced by their anchors; the
/// keys of the sections whose references found no heading, as the error.
pub fn resolve(text: &str) -> Result<String, Vec<String>> {
    let anchors = anchors(text);
    slug::finish(text, |key| anchors.get(key).map(String::as_str))
}

/// The anchor of each marked section's heading, by section key: read from
/// `text` without copying it.
pub fn anchors(text: &str) -> HashMap<String, String> {
    let mut slugger = slug::Slugger::default();
    let mut anchors: HashMap<String, String> = HashMap::new();
    let mut pending: Vec<String> = Vec::new();
    let mut fence: Option<&str> = None;
    // The line before, when it could be a setext heading's text.
    let mut paragraph: Option<Cow<'_, str>> = None;
    for raw in text.split_inclusive('\n') {
        let (keys, marked) = slug::take_marks(raw);
        for key in keys {
            if key.is_empty() {
                // The section ended without a heading: its references
                // stay unresolved rather than point at the next section.
                pending.clear();
            } else {
                pending.push(key.to_owned());
            }
        }
        let line = marked.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if let Some(marker) = fence {
            if indent < 4 && trimmed.starts_with(marker) && trimmed.trim_end().chars().all(|c| marker.starts_with(c)) {
                fence = None;
            }
            continue;
        }
        if indent < 4 && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            fence = Some(if trimmed.starts_with('`') { "```" } else { "~~~" });
            paragraph = None;
            continue;
        }
        let heading = if indent < 4 && atx(trimmed) {
            Some(text_of(line))
        } else if indent < 4 && setext(trimmed) {
            paragraph.take().map(|p| text_of(&format!("{p}\n{line}")))
        } else {
            None
        };
        match heading {
            Some(Some(title)) => {
                let anchor = slugger.next(&title);
                for key in pending.drain(..) {
                    anchors.entry(key).or_insert_with(|| anchor.clone());
                }
                paragraph = None;
            }
            _ => {
                let plain = !trimmed.is_empty() && indent < 4 && !trimmed.starts_with(['|', '>', '-', '*', '+', '<']);
                // The paragraph so far: a setext heading's text is all of
                // its lines. Borrowed from the text for a paragraph's first
                // line when it held no mark.
                paragraph = match (plain, paragraph.take()) {
                    (false, _) => None,
                    (true, Some(before)) => Some(Cow::Owned(format!("{before}\n{line}"))),
                    (true, None) => Some(match &marked {
                        Cow::Borrowed(text) => Cow::Borrowed(text.trim_end_matches(['\n', '\r'])),
                        Cow::Owned(_) => Cow::Owned(line.to_owned()),
                    }),
                };
            }
        }
    }
    anchors
}

/// Whether a line (indent removed) opens an ATX heading: one to six `#`
/// and then a space, a tab or the end of the line.
fn atx(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && matches!(line.as_bytes().get(hashes), None | Some(b' ' | b'\t'))
}

/// Whether a line (indent removed) underlines a setext heading.
fn setext(line: &str) -> bool {
    let line = line.trim_end();
    !line.is_empty() && (line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-'))
}

/// The text of the heading in `markdown`, as a Markdown reader shows it
/// (escapes and character references decoded, comments left out), or
/// `None` when it is no heading after all.
fn text_of(markdown: &str) -> Option<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut title = String::new();
    let mut inside = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => inside = true,
            Event::End(TagEnd::Heading(_)) => return Some(title),
            Event::Text(t) | Event::Code(t) if inside => title.push_str(&t),
            Event::SoftBreak | Event::HardBreak if inside => title.push(' '),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(text: &str) -> Result<String, Vec<String>> {
        resolve(text)
    }

    #[test]
    fn a_reference_becomes_the_anchor_of_the_heading_after_its_mark() {
        let text = format!(
            "# Title\n\n[x](#{}) [y](#{})\n\n{}<!-- colour -->\n## Pillar one: *Énergie* \\& `gas`!\n\n{}## Title\n",
            slug::reference("energy"),
            slug::reference("trade"),
            slug::mark("energy"),
            slug::mark("trade"),
        );
        assert_eq!(
            resolved(&text).unwrap(),
            "# Title\n\n[x](#pillar-one-énergie--gas) [y](#title-1)\n\n<!-- colour -->\n## Pillar one: *Énergie* \\& `gas`!\n\n## Title\n"
        );
    }

    /// A setext heading's text is its whole paragraph, as pulldown-cmark
    /// (the typesetter) and GitHub read it, not its last line.
    #[test]
    fn a_setext_heading_of_two_lines_is_read_whole() {
        let text = format!("{}\nMulti-vector diplomacy\nin this briefing\n===\n\n## Other\n", slug::mark("p"));
        let anchors = anchors(&text);
        assert_eq!(anchors.get("p").map(String::as_str), Some("multi-vector-diplomacy-in-this-briefing"));
    }

    #[test]
    fn setext_headings_count_and_fenced_ones_do_not() {
        let text = format!(
            "```\n# Not a heading\n```\n{}Pillar\n======\n\n[x](#{})\n",
            slug::mark("p"),
            slug::reference("p")
        );
        assert_eq!(resolved(&text).unwrap(), "```\n# Not a heading\n```\nPillar\n======\n\n[x](#pillar)\n");
    }

    #[test]
    fn a_section_without_a_heading_is_named() {
        let text = format!("{}No heading here.\n{}\n## Next\n\n[x](#{})\n", slug::mark("p"), slug::end_mark(), slug::reference("p"));
        assert_eq!(resolved(&text), Err(vec!["p".to_owned()]));
        assert_eq!(resolved("#hashtag\n"), Ok("#hashtag\n".to_owned()));
    }
}
