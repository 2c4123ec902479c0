//! Reading the crate's own Rust source, for the tests that hold it to the
//! house's rules (layers, sizes, frame words): its files, and its string
//! literals with their places.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, in path order.
pub fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    walk(dir, &mut found);
    found
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Whether `path` is a module's `tests.rs` (`#[cfg(test)] mod tests;`).
pub fn is_tests_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "tests.rs")
}

/// The source before the test module at its foot (`#[cfg(test)]` and then
/// a `mod`, of any visibility, at any indentation).
pub fn without_tests(source: &str) -> &str {
    let mut from = 0;
    while let Some(at) = source[from..].find("#[cfg(test)]").map(|i| from + i) {
        let after = &source[at + "#[cfg(test)]".len()..];
        let item = &after[..after.find(['{', ';']).unwrap_or(after.len())];
        if item.split_whitespace().any(|word| word == "mod") {
            return &source[..at];
        }
        from = at + 1;
    }
    source
}

/// A string literal of the source: its line, its byte offset, its text
/// (escapes left as written).
#[derive(Debug)]
pub struct Literal {
    pub line: usize,
    pub offset: usize,
    pub text: String,
}

/// Whether the literal at `offset` stands in an attribute
/// (`#[serde(with = "iso")]`), judged by its line.
pub fn in_attribute(code: &str, offset: usize) -> bool {
    let start = code[..offset].rfind('\n').map_or(0, |i| i + 1);
    code[start..offset].trim_start().starts_with("#[")
}

/// Every string literal of `code`: its line, its offset, its text (escapes
/// left as written). Comments and character literals are skipped.
pub fn literals(code: &str) -> Vec<Literal> {
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let line_of = |offset: usize| code[..offset].matches('\n').count() + 1;
    while i < chars.len() {
        let c = chars[i].1;
        let next = chars.get(i + 1).map(|c| c.1);
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i].1 != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i].1 == '*' && chars[i + 1].1 == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !ident_before(&chars, i) {
            let hashes = chars[i + 1..].iter().take_while(|c| c.1 == '#').count();
            let open = i + 1 + hashes;
            if chars.get(open).map(|c| c.1) != Some('"') {
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let body = chars[open].0 + 1;
            let end = code[body..].find(&close).map_or(code.len(), |e| body + e);
            out.push(Literal { line: line_of(chars[i].0), offset: chars[i].0, text: code[body..end].to_owned() });
            let end = end + close.len();
            while i < chars.len() && chars[i].0 < end {
                i += 1;
            }
        } else if c == '"' {
            let start = i;
            i += 1;
            while i < chars.len() && chars[i].1 != '"' {
                i += if chars[i].1 == '\\' { 2 } else { 1 };
            }
            let body = &code[chars[start].0 + 1..chars.get(i).map_or(code.len(), |c| c.0)];
            out.push(Literal { line: line_of(chars[start].0), offset: chars[start].0, text: body.to_owned() });
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\'', '\u{2212}'), or a lifetime.
            let close = chars[i + 1..].iter().take(12).position(|c| c.1 == '\'');
            match (next, close) {
                (Some('\\'), Some(_)) => {
                    i += 2;
                    while i < chars.len() && chars[i].1 != '\'' {
                        i += 1;
                    }
                    i += 1;
                }
                (_, Some(1)) => i += 3,
                _ => i += 1,
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether the character before `i` continues an identifier (`for"` is
/// not a raw string; `r"` after `br` or an identifier is).
fn ident_before(chars: &[(usize, char)], i: usize) -> bool {
    i > 0 && (chars[i - 1].1.is_alphanumeric() || chars[i - 1].1 == '_')
}
