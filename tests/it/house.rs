//! The sizes the code is held to (issue 23): no source file over 700 lines,
//! no function over 100, so that each stays readable at one sitting.
//! Measured on the source with comments and strings blanked
//! (`layers::strip`), lines counted from a function's `fn` to its closing
//! brace.

use std::path::{Path, PathBuf};

use crate::layers::strip;
use crate::source::rust_files;

const MAX_FILE_LINES: usize = 700;
const MAX_FN_LINES: usize = 100;

/// Every `.rs` file of the crate: its code, benchmarks and tests.
fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found: Vec<PathBuf> = ["src", "tests", "benches", "fuzz"].iter().flat_map(|dir| rust_files(&root.join(dir))).collect();
    found.sort();
    assert!(found.len() > 50, "too few sources found: {}", found.len());
    found
}

#[test]
fn no_source_file_is_over_700_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let long: Vec<String> = sources()
        .iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(p).ok()?.lines().count();
            (n > MAX_FILE_LINES).then(|| format!("{}: {n} lines", p.strip_prefix(root).unwrap_or(p).display()))
        })
        .collect();
    assert!(long.is_empty(), "over {MAX_FILE_LINES} lines:\n{}", long.join("\n"));
}

#[test]
fn no_function_is_over_100_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut long = Vec::new();
    for path in sources() {
        let text = std::fs::read_to_string(&path).unwrap();
        for (name, line, lines) in functions(&strip(&text)) {
            if lines > MAX_FN_LINES {
                long.push(format!("{}:{line}: fn {name}: {lines} lines", path.strip_prefix(root).unwrap_or(&path).display()));
            }
        }
    }
    assert!(long.is_empty(), "functions over {MAX_FN_LINES} lines:\n{}", long.join("\n"));
}

/// Each function with a body in `code` (comments and strings blanked): its
/// name, the line of its `fn` (1-based) and its length in lines.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let bytes = code.as_bytes();
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(i) = code[at..].find("fn ").map(|i| at + i) {
        at = i + 3;
        if i > 0 && ident(bytes[i - 1]) {
            continue;
        }
        let name: String = code[at..].chars().take_while(|&c| c.is_alphanumeric() || c == '_').collect();
        if name.is_empty() {
            continue;
        }
        // The body starts at the first `{` before any `;` (a declaration
        // without a body ends at `;`).
        let Some(open) = code[at..].find(['{', ';']).map(|j| at + j) else { break };
        if bytes[open] == b';' {
            continue;
        }
        let mut depth = 0usize;
        let mut close = None;
        for (j, b) in bytes.iter().enumerate().skip(open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else { break };
        found.push((name, line_of(i), line_of(close) - line_of(i) + 1));
    }
    found
}

#[test]
fn the_measure_finds_functions_and_their_lengths() {
    let code = "fn a() {\n}\n\nimpl X {\n    pub fn b(&self) -> Box<dyn Fn(u8) -> u8> {\n        Box::new(|x| { x })\n    }\n    fn c();\n}\nfn defn() {}\n";
    let found = functions(&strip(code));
    assert_eq!(
        found,
        vec![("a".to_owned(), 1, 2), ("b".to_owned(), 5, 3), ("defn".to_owned(), 10, 1)]
    );
    // A brace in a string or comment does not count.
    let tricky = "fn s() {\n    let _ = \"}\"; // }\n}\n";
    assert_eq!(functions(&strip(tricky)), vec![("s".to_owned(), 1, 3)]);
}
