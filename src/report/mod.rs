//! Rendering the summary to Markdown through the Handlebars templates.

pub mod changes;
pub mod escape;
pub mod helpers;
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
        if !slug::has_marks(line) {
            return Cow::Borrowed(line);
        }
        match slug::finish(line, |key| anchors.get(key).map(String::as_str)) {
            Ok(line) => Cow::Owned(line),
            Err(keys) => {
                missing.extend(keys.into_iter().filter(|k| !missing.contains(k)).collect::<Vec<_>>());
                Cow::Borrowed(line)
            }
        }
    });
    if missing.is_empty() {
        return Ok(text);
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
/// same; a heading that repeats an earlier one (two events of one title)
/// gets a comment that tells them apart for linters and nobody else.
/// `None` for a line that is no heading.
fn heading(line: &str, seen: &mut std::collections::HashMap<String, usize>) -> Option<String> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
        return None;
    }
    let mut text = line.to_owned();
    if let Some(last) = text.chars().last().filter(|c| matches!(c, '.' | ',' | ';' | ':' | '!')) {
        // Not when escaped: `\!` would lose its backslash's meaning.
        if !text[..text.len() - 1].ends_with('\\') {
            text.pop();
            text.push_str(&format!("&#{};", last as u32));
        }
    }
    let count = seen.entry(text.clone()).or_insert(0);
    *count += 1;
    if *count > 1 {
        text.push_str(&format!(" <!-- {count} -->"));
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_end_without_punctuation_and_never_repeat() {
        assert_eq!(tidy("## Summit!

## Summit!

## Done.

Text.

#nohash.
"), "## Summit&#33;

## Summit&#33; <!-- 2 -->

## Done&#46;

Text.

#nohash.
");
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
