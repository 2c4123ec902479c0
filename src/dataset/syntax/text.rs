//! Lines of a TOML text as the diagnosis reads them: where a line starts
//! and ends, and whether it looks like a statement (`key = value` or a
//! `[header]`) rather than running text.

/// The start of the line holding `offset`.
pub(super) fn line_start(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
}

/// The end of the line holding `offset`, before its line break.
pub(super) fn line_end(text: &str, offset: usize) -> usize {
    let from = offset.min(text.len());
    let end = text.as_bytes()[from..].iter().position(|&b| b == b'\n').map_or(text.len(), |i| from + i);
    if end > from && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// The end of the line holding `offset` without trailing white space.
pub(super) fn content_end(text: &str, offset: usize) -> usize {
    let start = line_start(text, offset);
    start + text[start..line_end(text, offset)].trim_end().len()
}

/// The start of the next line after the one holding `offset`, or the end
/// of the text.
pub(super) fn next_line(text: &str, offset: usize) -> usize {
    let from = offset.min(text.len());
    text.as_bytes()[from..].iter().position(|&b| b == b'\n').map_or(text.len(), |i| from + i + 1)
}

/// The line holding `offset`.
pub(super) fn line(text: &str, offset: usize) -> &str {
    &text[line_start(text, offset)..line_end(text, offset)]
}

/// The key a line assigns to (`title` in `title = "x"`, `a.b` in
/// `a.b = 1`), when it is a `key = ` line.
pub(super) fn assigned_key(line: &str) -> Option<&str> {
    let rest = line.trim_start();
    let (key, after) = key_part(rest)?;
    after.trim_start().starts_with('=').then_some(key)
}

/// The key at the start of `rest` (bare, quoted or dotted) and what
/// follows it.
pub(super) fn key_part(rest: &str) -> Option<(&str, &str)> {
    let mut end = 0;
    let bytes = rest.as_bytes();
    loop {
        match bytes.get(end) {
            Some(b'"') | Some(b'\'') => {
                let quote = bytes[end];
                let close = bytes[end + 1..].iter().position(|&b| b == quote)?;
                end += close + 2;
            }
            Some(b) if b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-' => {
                end += bytes[end..].iter().position(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')).unwrap_or(bytes.len() - end);
            }
            _ => return None,
        }
        let dot = rest[end..].trim_start();
        match dot.strip_prefix('.') {
            Some(after) => end = rest.len() - after.trim_start().len(),
            None => return Some((&rest[..end], &rest[end..])),
        }
    }
}

/// Whether a line is a table header: `[name]` or `[[name]]`, with an
/// optional comment.
pub(super) fn is_header(line: &str) -> bool {
    let line = line.trim();
    let line = line.split_once(" #").map_or(line, |(head, _)| head).trim_end();
    let Some(inner) = line.strip_prefix('[') else { return false };
    let (inner, array) = match inner.strip_prefix('[') {
        Some(inner) => (inner, true),
        None => (inner, false),
    };
    let close = if array { "]]" } else { "]" };
    let Some(inner) = inner.strip_suffix(close) else { return false };
    key_part(inner.trim()).is_some_and(|(_, rest)| rest.trim().is_empty())
}

/// Whether a line is a statement: `key = …` or a header.
pub(super) fn is_statement(line: &str) -> bool {
    assigned_key(line).is_some() || is_header(line)
}

/// The start of the first statement line at or after the line holding
/// `offset`, or the end of the text.
pub(super) fn next_statement(text: &str, offset: usize) -> usize {
    let mut at = line_start(text, offset);
    while at < text.len() && !is_statement(line(text, at)) {
        at = next_line(text, at);
    }
    at
}

/// The end of the last line before `offset`'s that is not blank or a
/// comment, without trailing white space; `None` when there is none.
pub(super) fn content_before(text: &str, offset: usize) -> Option<usize> {
    let mut start = line_start(text, offset);
    while start > 0 {
        start = line_start(text, start - 1);
        let line = line(text, start);
        if !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            return Some(content_end(text, start));
        }
    }
    None
}

/// The start of the header line of the table holding `offset` (0 before
/// the first header), and the start of the next header line (the end of
/// the text after the last).
pub(super) fn section(text: &str, offset: usize) -> std::ops::Range<usize> {
    let mut start = line_start(text, offset);
    while start > 0 && !is_header(line(text, start)) {
        start = line_start(text, start - 1);
    }
    let mut end = next_line(text, offset);
    while end < text.len() && !is_header(line(text, end)) {
        end = next_line(text, end);
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_and_headers_are_told_from_text() {
        for yes in ["title = \"x\"", "  a.b = 1", "\"quoted key\" = 2", "[[event]]", "[report] # the report", "[ a . b ]"] {
            assert!(is_statement(yes), "{yes}");
        }
        for no in ["Reports in April 2025 highlighted", "[\"a\", \"b\"],", "[[event]", "", "= 1"] {
            assert!(!is_statement(no), "{no}");
        }
        assert_eq!(assigned_key("summary = \"\"\""), Some("summary"));
        assert!(is_header("[[event]]") && !is_header("[[event]"));
    }

    #[test]
    fn lines_are_found_from_any_offset() {
        let text = "a = 1\r\n\n# c\nb = [\n";
        assert_eq!(line_end(text, 0), 5);
        assert_eq!(line_start(text, 6), 0);
        assert_eq!(next_line(text, 0), 7);
        assert_eq!(content_before(text, text.len()), Some(text.len() - 1));
        assert_eq!(content_before(text, 12), Some(5));
        assert_eq!(next_statement(text, 7), 12);
        assert_eq!(section(text, 3), 0..text.len());
    }
}
