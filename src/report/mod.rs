//! Rendering the summary to Markdown through the Handlebars templates.

pub mod escape;
pub mod helpers;
pub mod templates;

use std::path::Path;

pub use templates::{TemplateSource, Templates};

use crate::diag::Diagnostic;
use crate::summary::Summary;

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

/// Renders the briefing as Markdown.
pub fn render(summary: &Summary, templates: &Templates) -> Result<String, ReportError> {
    let text = templates.render(summary)?;
    Ok(tidy(&text))
}

/// Makes template output tidy Markdown whatever the template's white space:
/// no trailing spaces, no run of blank lines, exactly one final newline.
/// Fenced code blocks are left exactly as written.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<&str> = None;
    let mut blank_run = 0;
    for line in text.lines() {
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
        out.push_str(line);
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

#[cfg(test)]
mod tests {
    use super::*;

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
