//! Rendering the summary to Markdown through the Handlebars templates.

pub mod changes;
pub mod contents;
pub mod escape;
pub mod helpers;
pub mod inline;
pub mod lang_span;
pub mod sections;
pub mod templates;
pub mod words;

use std::borrow::Cow;
use std::path::Path;

pub use changes::Changes;
pub use templates::{TemplateSource, Templates};

use crate::diag::Diagnostic;
use crate::slug;
use crate::summary::Summary;

/// What the templates render: the summary of the period and, when the run
/// found a previous JSON summary of it, what changed since (`changes`).
/// Kept apart so that the summary knows nothing of the snapshot that is
/// made from it.
#[derive(Debug, serde::Serialize)]
pub struct Briefing<'a> {
    #[serde(flatten)]
    pub summary: &'a Summary,
    pub changes: Option<&'a Changes>,
    /// Not issued yet: the top says DRAFT (issue 24).
    pub draft: bool,
    /// The maps, for their partials (issue 26).
    pub maps: &'a crate::summary::maps::Maps,
    /// The annexes follow the body (`--no-annexes` leaves them out).
    pub annexes: bool,
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A template file or folder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// A template is invalid or failed on the data; every problem is listed.
    #[error("a template is invalid ({} problems)", .0.len())]
    Invalid(Vec<Diagnostic>),
}

impl ReportError {
    fn io(path: &Path, source: std::io::Error) -> Self {
        ReportError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

/// Renders the briefing as Markdown, links to sections resolved against
/// the headings rendered ([`sections`]).
pub fn render(briefing: &Briefing<'_>, templates: &Templates) -> Result<String, ReportError> {
    let raw = templates.render(briefing)?;
    let anchors = sections::anchors(&raw);
    let mut missing: Vec<String> = Vec::new();
    // Marks and references are resolved line by line as the text is
    // tidied: a long briefing's Markdown is copied once, not twice.
    let text = tidy_with(&raw, |line| {
        // An abbreviation's point ends the sentence too: a Russian date
        // ("февраля 2026 г.") before a template's full stop is not "г..".
        let line: Cow<'_, str> = match line.contains("г..") {
            true => Cow::Owned(abbreviation_point(line)),
            false => Cow::Borrowed(line),
        };
        if !slug::has_marks(&line) {
            return line;
        }
        match slug::finish(&line, |key| anchors.get(key).map(String::as_str)) {
            Ok(finished) => Cow::Owned(finished),
            Err(keys) => {
                missing.extend(keys.into_iter().filter(|k| !missing.contains(k)).collect::<Vec<_>>());
                line
            }
        }
    });
    if missing.is_empty() {
        return Ok(contents::expand(&text, &templates.words().text("contents", &[])));
    }
    let (name, _) = templates::SECTIONS[0];
    let problems = missing
        .iter()
        .map(|key| {
            Diagnostic::error_in(
                &templates.path_of(name),
                format!("a link points to the section of `{key}`, but the {name} template rendered no heading for it: give the section a heading (`## …`)"),
            )
        })
        .collect();
    Err(ReportError::Invalid(problems))
}

/// `line` with each "г.." (a date's "г." and a sentence's full stop) one
/// point; an ellipsis after it ("г...") is left alone.
fn abbreviation_point(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("г..") {
        let (keep, after) = match rest[at..].starts_with("г...") {
            true => rest.split_at(at + "г...".len()),
            false => (&rest[..at + "г.".len()], &rest[at + "г..".len()..]),
        };
        out.push_str(keep);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Makes template output tidy Markdown whatever the template's white space:
/// no trailing spaces, no run of blank lines, exactly one final newline.
/// Fenced code blocks are left exactly as written.
pub fn tidy(text: &str) -> String {
    tidy_with(text, Cow::Borrowed)
}

/// [`tidy`], each line first made what `clean` gives for it.
fn tidy_with<'t>(text: &'t str, mut clean: impl FnMut(&'t str) -> Cow<'t, str>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<&str> = None;
    let mut blank_run = 0;
    let mut headings: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for line in text.lines() {
        let line = clean(line);
        let line: &str = &line;
        let trimmed = line.trim_start();
        if let Some(marker) = fence {
            out.push_str(line);
            out.push('\n');
            if trimmed.starts_with(marker)
                && trimmed.trim_end().chars().all(|c| marker.starts_with(c))
            {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(if trimmed.starts_with('`') {
                "```"
            } else {
                "~~~"
            });
        }
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        match heading(line, &mut headings) {
            Some(heading) => out.push_str(&heading),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// An ATX heading made clean for markdownlint whatever its data text
/// (issue 10, class 11): a final `.`, `,`, `;`, `:` or `!` (a title that
/// ends a sentence) is written as a character reference, which reads the
/// same. A heading that repeats an earlier one (two events of one title)
/// writes its last character as another spelling of the same numeric
/// reference (`&#33;`, `&#033;`, `&#x21;`, ...): it reads the same to every
/// reader, and its source differs, so that linters that compare headings'
/// text (markdownlint 0.24 drops HTML comments before comparing, which the
/// `<!-- 2 -->` this wrote before relied on) see no repetition. Past the
/// spellings a character has (15 for most), or when the heading ends in
/// markup (`*`, `` ` ``, `)`, a closing `#`), the comment is the fallback.
/// `None` for a line that is no heading.
fn heading(line: &str, seen: &mut std::collections::HashMap<String, usize>) -> Option<String> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
        return None;
    }
    let mut text = line.to_owned();
    let mut last = None;
    if let Some(c) = text.chars().last().filter(|c| matches!(c, '.' | ',' | ';' | ':' | '!')) {
        // Not when escaped: `\!` would lose its backslash's meaning.
        if !text[..text.len() - 1].ends_with('\\') {
            text.pop();
            last = Some(c);
        }
    }
    let plain = match last {
        Some(c) => format!("{text}&#{};", c as u32),
        None => text.clone(),
    };
    let count = seen.entry(plain.clone()).or_insert(0);
    *count += 1;
    if *count == 1 {
        return Some(plain);
    }
    // The character to spell anew: the one taken off above, else the last
    // one unless it is escaped or part of a reference already.
    let c = match last {
        Some(c) => Some(c),
        None => text
            .chars()
            .last()
            // A letter or digit only: a final `*`, `` ` ``, `)` or `#`
            // closes markup, which a reference would turn into text.
            .filter(|&c| c.is_alphanumeric() && !text[..text.len() - c.len_utf8()].ends_with('\\'))
            .inspect(|c| {
                text.truncate(text.len() - c.len_utf8());
            }),
    };
    match c.and_then(|c| spellings(c).nth(*count - 2)) {
        Some(spelling) => Some(text + &spelling),
        None => Some(format!("{plain} <!-- {count} -->")),
    }
}

/// The numeric character references of `c` other than its shortest decimal
/// one: decimal with leading zeros (CommonMark reads up to 7 digits), then
/// hexadecimal (up to 6) with `x` and `X`.
fn spellings(c: char) -> impl Iterator<Item = String> {
    let n = c as u32;
    let decimal = n.to_string().len();
    let hex = format!("{n:x}").len();
    (decimal + 1..=7)
        .map(move |w| format!("&#{n:0w$};"))
        .chain((hex..=6).flat_map(move |w| [format!("&#x{n:0w$x};"), format!("&#X{n:0w$X};")]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_abbreviation_point_ends_the_sentence_once() {
        assert_eq!(abbreviation_point("февраль 2026 г.. Далее"), "февраль 2026 г. Далее");
        assert_eq!(abbreviation_point("2025 г.. и 2026 г.."), "2025 г. и 2026 г.");
        assert_eq!(abbreviation_point("так г... и"), "так г... и");
        assert_eq!(abbreviation_point("нет точки"), "нет точки");
    }

    #[test]
    fn headings_end_without_punctuation_and_never_repeat() {
        assert_eq!(tidy("## Summit!

## Summit!

## Done.

Text.

#nohash.
"), "## Summit&#33;

## Summit&#033;

## Done&#46;

Text.

#nohash.
");
    }

    /// Repeated headings differ in their source and read the same: their
    /// text, as a CommonMark reader renders it, is the first one's.
    #[test]
    fn repeated_headings_are_spelled_apart_and_read_the_same() {
        for title in ["Summit in Baku", "Summit!", "Şuşa", "Done\\*", "A &amp;", "*Highlights*", "`code`", "[a](#b)", "T #"] {
            let line = format!("## {title}");
            let mut seen = std::collections::HashMap::new();
            let written: Vec<String> = (0..20).map(|_| heading(&line, &mut seen).unwrap()).collect();
            let distinct: std::collections::HashSet<&String> = written.iter().collect();
            assert_eq!(distinct.len(), written.len(), "{written:?}");
            let read = |md: &str| {
                pulldown_cmark::Parser::new(md)
                    .map(|e| match e {
                        pulldown_cmark::Event::Text(t) => t.into_string(),
                        other => format!("{other:?}"),
                    })
                    .collect::<String>()
            };
            for w in &written[1..] {
                if !w.contains("<!--") {
                    assert_eq!(read(w), read(&written[0]), "{w}");
                }
            }
        }
    }

    #[test]
    fn tidy_collapses_blank_lines_and_trailing_space() {
        assert_eq!(tidy("\n\n# A  \n\n\n\ntext\t\n\n"), "# A\n\ntext\n");
    }

    #[test]
    fn tidy_leaves_fenced_code_alone() {
        let text = "para\n\n```mermaid\npie\n\n\n  a  \n```\n\n\nend\n";
        assert_eq!(
            tidy(text),
            "para\n\n```mermaid\npie\n\n\n  a  \n```\n\nend\n"
        );
    }
}
