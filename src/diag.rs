//! Diagnostics: one problem in one input file, with its place.
//!
//! Every invalid input (a data file, a template) becomes a list of
//! [`Diagnostic`]s so that `check` can show every problem at once. Places are
//! byte offsets while validating and become 1-based line and column numbers,
//! columns counted in characters, through [`line_col`] only.

use std::fmt;

use crate::number::thousands;

pub mod spelling;

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
    /// For a line that stands for problems not listed ("… and 12,345 more
    /// problems in this file"): how many; else 0.
    pub more: usize,
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
            more: 0,
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
            more: 0,
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
            more: 0,
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

/// The most problems listed for one file; the rest are counted.
pub const LISTED_PER_FILE: usize = 100;

/// The most problems listed in all; the rest are counted.
pub const LISTED: usize = 1_000;

impl Diagnostic {
    /// The line that stands for `more` problems of `path` not listed.
    pub fn more(path: &str, more: usize) -> Diagnostic {
        let mut d = Diagnostic::error_in(path, format!("… and {} more {} in this file", thousands(more), if more == 1 { "problem" } else { "problems" }));
        d.offset = usize::MAX;
        d.more = more;
        d
    }

    /// How many problems this line stands for.
    pub fn count(&self) -> usize {
        if self.more > 0 {
            self.more
        } else {
            1
        }
    }
}

/// Keeps the listing of problems in proportion (issue 10, class 8): at most
/// [`LISTED_PER_FILE`] a file and [`LISTED`] in all, in sorted order; the
/// rest of each file become one "… and N more" line. Lines that already
/// stand for several problems are merged into it.
pub fn cap(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    sort(&mut diagnostics);
    let mut kept: Vec<Diagnostic> = Vec::with_capacity(diagnostics.len().min(LISTED + 100));
    let mut listed = 0;
    let (mut file_listed, mut file_more) = (0, 0);
    let mut current: Option<String> = None;
    // Whether a file's unlisted ones are all warnings: their line is one.
    let mut only_warnings = true;
    let flush = |kept: &mut Vec<Diagnostic>, path: &Option<String>, more: usize, only_warnings: bool| {
        if let (Some(path), true) = (path, more > 0) {
            let line = Diagnostic::more(path, more);
            kept.push(if only_warnings { line.warning() } else { line });
        }
    };
    for d in diagnostics {
        if current.as_deref() != Some(d.path.as_str()) {
            flush(&mut kept, &current, file_more, only_warnings);
            current = Some(d.path.clone());
            (file_listed, file_more, only_warnings) = (0, 0, true);
        }
        if d.more == 0 && file_listed < LISTED_PER_FILE && listed < LISTED {
            file_listed += 1;
            listed += 1;
            kept.push(d);
        } else {
            file_more += d.count();
            only_warnings &= !d.is_error();
        }
    }
    flush(&mut kept, &current, file_more, only_warnings);
    kept
}


/// A list of names for a message: all of them when few, else the first
/// ones and how many more.
pub fn some_of<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    const SHOWN: usize = 10;
    let names: Vec<&str> = names.into_iter().collect();
    let shown: Vec<String> = names.iter().take(SHOWN).map(|n| shorten(n)).collect();
    match names.len().saturating_sub(SHOWN) {
        0 => shown.join(", "),
        more => format!("{} and {} more", shown.join(", "), thousands(more)),
    }
}

/// The help for a name that is not one of `candidates`: "did you mean
/// `x`?" when one is close enough to be a likely typo, else the candidates
/// after `what` ("the pillars are: a, b"), all of a fixed list (kinds,
/// keys, regions), the first ones of a long one.
pub fn suggest(word: &str, candidates: &[&str], what: &str) -> String {
    did_you_mean(word, candidates.iter().copied()).unwrap_or_else(|| {
        let listed = if candidates.len() <= 30 { candidates.join(", ") } else { some_of(candidates.iter().copied()) };
        format!("{what}: {listed}")
    })
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
        .map(|(_, c)| with_difference(format!("did you mean `{c}`?"), word, c))
}

/// `help`, with how `word` differs from `meant` when the two look alike
/// (issue 29, item 2).
pub fn with_difference(help: String, word: &str, meant: &str) -> String {
    match spelling::difference(word, meant) {
        Some(how) => format!("{help} (`{}` {how})", escape(word)),
        None => help,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggestion_names_the_close_candidate_or_lists_them() {
        assert_eq!(suggest("energi", &["energy", "connectivity"], "the pillars are"), "did you mean `energy`?");
        assert_eq!(suggest("zzz", &["energy", "connectivity"], "the pillars are"), "the pillars are: energy, connectivity");
        let many: Vec<String> = (0..40).map(|n| format!("pillar-{n:02}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(suggest("x", &many, "the pillars are").matches(", ").count(), 9, "a long list is cut to its first ten");
    }

    #[test]
    fn listings_are_capped_per_file_and_in_all() {
        fn many(path: &str, n: usize) -> impl Iterator<Item = Diagnostic> + '_ {
            (0..n).map(move |i| {
                let mut d = Diagnostic::error_in(path, format!("problem {i}"));
                d.offset = i;
                d
            })
        }
        let capped = cap(many("a", 150).chain(many("b", 3)).chain(std::iter::once(Diagnostic::more("b", 7))).collect());
        let lines: Vec<String> = capped.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 100 + 1 + 3 + 1);
        assert_eq!(lines[100], "a: error: … and 50 more problems in this file");
        assert_eq!(lines[104], "b: error: … and 7 more problems in this file");
        assert_eq!(capped.iter().map(Diagnostic::count).sum::<usize>(), 160);
        let files: Vec<Diagnostic> = (0..20).flat_map(|f| many(&format!("f{f:02}"), 100).collect::<Vec<_>>()).collect();
        let capped = cap(files);
        assert_eq!(capped.iter().filter(|d| d.more == 0).count(), LISTED);
        assert_eq!(capped.iter().map(Diagnostic::count).sum::<usize>(), 2000);
        // Warnings left out are counted in a warning, not an error.
        let capped = cap(many("w", 150).map(Diagnostic::warning).collect());
        assert_eq!(capped[100].to_string(), "w: warning: … and 50 more problems in this file");
        let mixed = many("m", 100).map(Diagnostic::warning).chain(many("m", 2).map(|mut d| { d.offset += 200; d })).collect();
        assert_eq!(cap(mixed)[100].to_string(), "m: error: … and 2 more problems in this file");
    }

    #[test]
    fn quoted_values_and_lists_are_shortened() {
        assert_eq!(shorten(&"x".repeat(100)), format!("{}…", "x".repeat(60)));
        assert_eq!(shorten("a\u{1b}[2J"), "a\\u{1b}[2J");
        let names: Vec<String> = (0..25).map(|i| format!("p{i}")).collect();
        assert_eq!(some_of(names.iter().map(String::as_str)), "p0, p1, p2, p3, p4, p5, p6, p7, p8, p9 and 15 more");
    }

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
