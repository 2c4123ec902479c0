//! Links of the Markdown as the PDF makes them: where each goes, that in
//! words for screen readers, and which are made at all.

use super::notes::{NOTE_LINK, NOTE_REF_LINK};
use crate::typeset::display::Target;

/// Whether a link of the Markdown becomes a link in the PDF: within the
/// document (`#anchor`, a note), or to the web or a mail address. Any other
/// scheme (`javascript:`, `file:`, `data:`) is text only.
pub(super) fn followable(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(s, _)| s).filter(|s| s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)));
    match scheme {
        Some(scheme) => ["http", "https", "mailto"].contains(&scheme),
        // No scheme: an anchor, a note, or a relative address.
        None => !lower.starts_with("//"),
    }
}

/// Where a link of the Markdown goes, and that in words.
/// A note's number is given as text, ungrouped ("Footnote 1234"), as the
/// notes are numbered.
pub(super) fn link_target(url: &str, words: &crate::words::Catalogue) -> (Target, String) {
    if let Some(n) = url.strip_prefix(NOTE_REF_LINK).and_then(|n| n.parse::<u32>().ok()) {
        return (Target::NoteRef(n), words.text("link-back-to-note", &[("number", n.to_string().into())]));
    }
    if let Some(n) = url.strip_prefix(NOTE_LINK).and_then(|n| n.parse::<u32>().ok()) {
        return (Target::Note(n), words.text("link-to-note", &[("number", n.to_string().into())]));
    }
    (Target::Uri(url.to_owned()), words.text("link-to-uri", &[("url", url.into())]))
}

#[cfg(test)]
mod tests {
    use super::followable;

    #[test]
    fn only_links_within_the_document_to_the_web_or_to_mail_are_made() {
        for url in ["#sources", "https://news.az/x", "HTTP://a.b", "mailto:desk@example.org", "../docs/a.md", "fn-1"] {
            assert!(followable(url), "{url}");
        }
        for url in ["javascript:alert(1)", " JavaScript:x", "file:///etc/passwd", "data:text/html,x", "vbscript:x", "//evil.example/x"] {
            assert!(!followable(url), "{url}");
        }
    }
}
