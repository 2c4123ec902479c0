//! Diagnostics: one problem in one input file, with its place.
//!
//! Every invalid input (a data file, a template) becomes a list of
//! [`Diagnostic`]s so that `check` can show every problem at once. Places are
//! byte offsets while validating and become 1-based line and column numbers,
//! columns counted in characters, through [`line_col`] only.

use std::fmt;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The input is refused.
    Error,
    /// The input is used, but the reader should know.
    Warning,
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it (or `data/...` for the built-in data).
    pub path: String,
    /// 1-based line and column (in characters); `None` for a whole-file or
    /// whole-dataset problem.
    pub position: Option<(usize, usize)>,
    /// Byte offset the position was computed from; orders diagnostics within
    /// a file.
    pub offset: usize,
    pub severity: Severity,
    /// What is wrong and what was expected, one sentence, lowercase start.
    pub message: String,
    /// An optional hint such as "did you mean `significance`?".
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at byte `offset` of `source`, the text of the file at `path`.
    pub fn error_at(path: &str, source: &str, offset: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_owned(),
            position: Some(line_col(source, offset)),
            offset,
            severity: Severity::Error,
            message: message.into(),
            help: None,
        }
    }

    /// An error about a whole file or folder, with no position inside it.
    pub fn error_in(path: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_owned(),
            position: None,
            offset: 0,
            severity: Severity::Error,
            message: message.into(),
            help: None,
        }
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Turns the diagnostic into a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Whether the input is refused because of this diagnostic.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Paths and messages quote data and file names: nothing of them
        // reaches the terminal raw (issue 10, class 9).
        let (path, message) = (escape(&self.path), escape(&self.message));
        match self.position {
            Some((line, col)) => write!(f, "{path}:{line}:{col}: {severity}: {message}")?,
            None => write!(f, "{path}: {severity}: {message}")?,
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", escape(help))?;
        }
        Ok(())
    }
}

/// A place in a file: 1-based line and column (in characters), and the byte
/// offset they were computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub col: usize,
    pub offset: usize,
}

impl Diagnostic {
    /// An error at a place computed earlier (when the file's text may be
    /// gone).
    pub fn error_at_place(path: &str, place: Place, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_owned(),
            position: Some((place.line, place.col)),
            offset: place.offset,
            severity: Severity::Error,
            message: message.into(),
            help: None,
        }
    }
}

/// The start of every line of a text, so that many places in one large file
/// cost a binary search each instead of a scan from the start.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        starts.push(0);
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The place of byte `offset` of `text` (the text the index was made
    /// from); agrees with [`line_col`].
    pub fn place(&self, text: &str, offset: usize) -> Place {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        Place { line, col: text[start..offset].chars().count() + 1, offset }
    }
}

/// The most characters of a data value quoted in a message.
pub const QUOTED_CHARS: usize = 60;

/// A data value as quoted in a message: at most [`QUOTED_CHARS`]
/// characters (then "…"), and control characters (C0, DEL, C1) and
/// bidirectional controls escaped as `\u{1b}`, so that no data reaches the
/// terminal raw or floods it.
pub fn shorten(text: &str) -> String {
    let mut out = String::new();
    for (n, c) in text.chars().enumerate() {
        if n == QUOTED_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() || is_bidi_control(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` with control characters (C0, DEL, C1: escape sequences, line
/// breaks) and bidirectional controls escaped as `\u{1b}`, for the
/// terminal.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() || is_bidi_control(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Unicode's bidirectional formatting characters: marks, embeddings,
/// overrides and isolates, which reorder the text around them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The 1-based line and column of byte `offset` in `source`, the column
/// counted in characters (so `ə`, two bytes, is one column).
///
/// An offset past the end points just after the last character; an offset
/// inside a multi-byte character points at that character.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Sorts diagnostics by file, then place, so output is stable whatever order
/// the checks ran in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (&a.path, a.offset).cmp(&(&b.path, b.offset)));
}

/// "did you mean `x`?" for the candidate closest to `word`, when one is close
/// enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|&(distance, c)| {
            distance <= 2.max(c.chars().count() / 4) && distance < c.chars().count()
        })
        .min()
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_characters() {
        let src = "a = 1\nbə = 2\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 4), (1, 5));
        assert_eq!(line_col(src, 6), (2, 1));
        // "bə = " is 6 bytes but 5 characters: the `2` is column 6.
        assert_eq!(line_col(src, 6 + "bə = ".len()), (2, 6));
    }

    #[test]
    fn line_col_clamps_and_snaps_to_char_boundaries() {
        let src = "ə";
        assert_eq!(line_col(src, 1), (1, 1));
        assert_eq!(line_col(src, 99), (1, 2));
        assert_eq!(line_col("", 0), (1, 1));
    }

    #[test]
    fn line_col_handles_crlf_as_one_line_break() {
        let src = "a = 1\r\nb = 2";
        assert_eq!(line_col(src, 7), (2, 1));
    }

    #[test]
    fn line_index_agrees_with_line_col_everywhere() {
        let src = "a = 1\r\nbə = \"Şuşa\"\n\n  x\n";
        let index = LineIndex::new(src);
        for offset in 0..=src.len() + 2 {
            let place = index.place(src, offset);
            assert_eq!((place.line, place.col), line_col(src, offset), "offset {offset}");
        }
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let keys = ["significance", "summary", "sources"];
        assert_eq!(
            did_you_mean("signficance", keys).as_deref(),
            Some("did you mean `significance`?")
        );
        assert_eq!(
            did_you_mean("summry", keys).as_deref(),
            Some("did you mean `summary`?")
        );
        assert_eq!(did_you_mean("colour", keys), None);
    }

    #[test]
    fn display_has_path_line_col_and_help() {
        let d = Diagnostic::error_at("data/x.toml", "a\nbc", 3, "bad").with_help("try this");
        assert_eq!(
            d.to_string(),
            "data/x.toml:2:2: error: bad\n  help: try this"
        );
    }
}
