//! The layers of `style.md` ("Layers: arrows point one way"), enforced: every
//! `.rs` file under `src/` is read, every module it depends on collected
//! (`use` declarations, grouped and over several lines; `crate::x::` and
//! `super::` paths in code; in `main.rs`, `azint_report::x::`), and an edge
//! the layers forbid fails the test, named with file:line.
//!
//! A test rather than a Cargo workspace: the layers are already modules of
//! one crate with one test binary, and splitting them into crates would move
//! every file and change every path for the same guarantee. The cost is
//! that this reads Rust with a small lexer instead of the compiler: comments,
//! strings and character literals are blanked first, so that a word in them
//! never counts (the extractor has its own test below).
//!
//! Layers are named by their top-level module (`typeset`, `summary`, ...);
//! edges inside one layer are free. Items of `lib.rs` are the layer `lib`
//! (the pipeline), except those it re-exports from a module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Modules each layer must not import, and why.
const FORBIDDEN: &[(&str, &[&str], &str)] = &[
    (
        "typeset",
        &["dataset", "summary", "report", "cli", "snapshot", "options", "plan", "make", "lib", "watch", "issued"],
        "the typesetter gets Markdown and settings, nothing else",
    ),
    (
        "summary",
        &["report", "typeset", "snapshot", "cli", "options", "plan", "make", "lib", "watch", "issued"],
        "the summary knows the dataset and the period, not how it is shown or written",
    ),
    ("report", &["cli", "make", "plan", "lib", "watch", "issued"], "the report renders a summary; the pipeline calls it, not the reverse"),
    ("snapshot", &["cli", "make", "plan", "lib", "watch", "issued"], "the snapshot describes a summary; the pipeline calls it, not the reverse"),
];

/// The leaves the dataset may import: all it needs is below it.
/// - diag: its problems are diagnostics with file:line:col.
/// - date: events' partial dates.
/// - input: the one bounded read of regular files.
/// - number: figures formatted as the diagnostics and views show them.
/// - hash: the content hash's explicit encoding, per field.
/// - words: the briefing's languages (`[report] language`).
///
/// Not period: the period selects events (it is above the dataset, or a
/// cycle waits); not output: the dataset writes nothing.
const DATASET_MAY_USE: &[&str] = &["diag", "date", "input", "number", "hash", "words"];

/// Forbidden edges that exist today and are being removed, each with why it
/// is tolerated. The test fails when one of them is gone, so that it is
/// taken off this list when the fix is merged.
const KNOWN: &[(&str, &str, &str)] = &[];

/// One module depending on another, where it is written.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    file: String,
    line: usize,
    from: String,
    to: String,
    /// The path as resolved, for the message.
    path: String,
}

#[test]
fn no_layer_imports_one_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let crate_ = Crate::read(&root.join("src"));
    let edges = crate_.edges();
    assert!(edges.len() > 50, "too few edges found ({}): is the extractor reading src/?", edges.len());
    let mut broken = Vec::new();
    let mut known_seen = BTreeSet::new();
    for edge in &edges {
        let Some(why) = forbidden(&edge.from, &edge.to) else { continue };
        if let Some(known) = KNOWN.iter().find(|(file, to, _)| *file == edge.file && *to == edge.to) {
            known_seen.insert(*known);
            continue;
        }
        broken.push(format!("{}:{}: {} -> {} ({}): {why}", edge.file, edge.line, edge.from, edge.to, edge.path));
    }
    for known in KNOWN {
        if !known_seen.contains(known) {
            broken.push(format!(
                "{}: the known edge -> {} is gone ({}): take it off KNOWN in tests/it/layers.rs",
                known.0, known.1, known.2
            ));
        }
    }
    assert!(broken.is_empty(), "layers broken:\n{}", broken.join("\n"));
}

/// Why `from` must not import `to`, when it must not.
fn forbidden(from: &str, to: &str) -> Option<String> {
    if to == "cli" && from != "main" {
        return Some("clap stays in cli.rs: only main.rs reads the command line".to_owned());
    }
    if from == "dataset" && !DATASET_MAY_USE.contains(&to) {
        return Some(format!("the dataset imports only leaves ({})", DATASET_MAY_USE.join(", ")));
    }
    FORBIDDEN.iter().find(|(layer, above, _)| *layer == from && above.contains(&to)).map(|(_, _, why)| (*why).to_owned())
}

/// The crate's files, by module path (`typeset::flow::pages`; `lib.rs` is
/// the empty path, `main.rs` is `main`).
struct Crate {
    files: Vec<(String, Vec<String>, String)>,
    modules: BTreeSet<Vec<String>>,
}

impl Crate {
    fn read(src: &Path) -> Crate {
        let found = crate::source::rust_files(src);
        let mut files = Vec::new();
        let mut modules = BTreeSet::new();
        for path in found {
            let relative = path.strip_prefix(src).unwrap().to_string_lossy().replace('\\', "/");
            let mut module: Vec<String> = relative.trim_end_matches(".rs").split('/').map(str::to_owned).collect();
            if module.last().is_some_and(|m| m == "mod") || module == ["lib"] {
                module.pop();
            }
            modules.insert(module.clone());
            let text = std::fs::read_to_string(&path).unwrap();
            files.push((format!("src/{relative}"), module, text));
        }
        Crate { files, modules }
    }

    /// Every edge between two layers.
    fn edges(&self) -> Vec<Edge> {
        // `crate::Error`: items of lib.rs that it imports from a module
        // count as that module.
        let mut reexports = BTreeMap::new();
        if let Some((_, _, text)) = self.files.iter().find(|(_, m, _)| m.is_empty()) {
            for found in paths(text, &[], &self.modules, false) {
                if found.used {
                    if let (Some(name), Some(first)) = (found.name.clone(), found.segments.first()) {
                        reexports.insert(name, first.clone());
                    }
                }
            }
        }
        let mut edges = Vec::new();
        for (file, module, text) in &self.files {
            let main = module.as_slice() == ["main"];
            let from = layer(module);
            for found in paths(text, module, &self.modules, main) {
                let Some(first) = found.segments.first() else { continue };
                let to = if self.modules.contains(&vec![first.clone()]) && first != "main" {
                    first.clone()
                } else {
                    reexports.get(first).cloned().unwrap_or_else(|| "lib".to_owned())
                };
                if to != from {
                    edges.push(Edge { file: file.clone(), line: found.line, from: from.clone(), to, path: found.segments.join("::") });
                }
            }
        }
        edges
    }
}

/// The layer of a module: its top-level name; `lib` for lib.rs.
fn layer(module: &[String]) -> String {
    module.first().cloned().unwrap_or_else(|| "lib".to_owned())
}

/// A path to an item of the crate, found in a file: its segments from the
/// crate's root, its line, whether it was a `use` declaration and, for
/// those, the name it is imported as.
#[derive(Debug, PartialEq, Eq)]
struct Found {
    segments: Vec<String>,
    line: usize,
    used: bool,
    name: Option<String>,
}

/// The text with comments, strings and character literals blanked (line
/// breaks kept, so lines still count); lifetimes are kept.
pub(crate) fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if c[i] == 'r' && (i == 0 || !ident(c[i - 1]) || (c[i - 1] == 'b' && (i < 2 || !ident(c[i - 2])))) && raw_start(&c[i + 1..]).is_some() {
            // r"…", r#"…"#, br"…": ends at a quote and as many hashes.
            let hashes = raw_start(&c[i + 1..]).unwrap_or(0);
            let open = 2 + hashes;
            for _ in 0..open {
                out.push(' ');
            }
            i += open;
            while i < c.len() {
                if c[i] == '"' && c[i + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes {
                    for _ in 0..=hashes {
                        out.push(' ');
                    }
                    i += 1 + hashes;
                    break;
                }
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '"' {
            out.push(' ');
            i += 1;
            while i < c.len() && c[i] != '"' {
                let skip = if c[i] == '\\' { 2 } else { 1 };
                for k in 0..skip {
                    if let Some(&ch) = c.get(i + k) {
                        blank(&mut out, ch);
                    }
                }
                i += skip;
            }
            out.push(' ');
            i += 1;
        } else if c[i] == '\'' && (next == Some('\\') || c.get(i + 2) == Some(&'\'')) {
            // A character literal ('x', '\'', '\u{7f}'); 'a without a
            // closing quote two on is a lifetime, kept.
            out.push(' ');
            i += 1;
            while i < c.len() && c[i] != '\'' {
                let skip = if c[i] == '\\' { 2 } else { 1 };
                for _ in 0..skip.min(c.len() - i) {
                    out.push(' ');
                }
                i += skip;
            }
            out.push(' ');
            i += 1;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// After an `r`: the number of `#` of a raw string's opening, when one
/// opens here.
fn raw_start(rest: &[char]) -> Option<usize> {
    let hashes = rest.iter().take_while(|&&h| h == '#').count();
    (rest.get(hashes) == Some(&'"')).then_some(hashes)
}

/// Identifiers and the punctuation paths are made of, with their lines.
fn tokens(text: &str) -> Vec<(String, usize)> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < c.len() {
        if c[i] == '\n' {
            line += 1;
            i += 1;
        } else if c[i].is_alphabetic() || c[i] == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push((c[start..i].iter().collect(), line));
        } else if c[i] == ':' && c.get(i + 1) == Some(&':') {
            out.push(("::".to_owned(), line));
            i += 2;
        } else {
            if "{},;*()".contains(c[i]) {
                out.push((c[i].to_string(), line));
            } else if !c[i].is_whitespace() {
                // Any other punctuation ends a path.
                out.push(("·".to_owned(), line));
            }
            i += 1;
        }
    }
    out
}

/// Every path to an item of the crate in `text`, the file of `module`:
/// `use` trees and paths in code, resolved from the crate's root. In
/// `main.rs` (`main`), `azint_report::` is the library's root.
fn paths(text: &str, module: &[String], modules: &BTreeSet<Vec<String>>, main: bool) -> Vec<Found> {
    let toks = tokens(&strip(text));
    let mut found = Vec::new();
    // Inline modules (`mod tests { … }`): their name and the brace depth
    // inside them.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < toks.len() {
        let here: Vec<String> = module.iter().cloned().chain(inline.iter().map(|(m, _)| m.clone())).collect();
        let t = toks[i].0.as_str();
        match t {
            "{" => depth += 1,
            "}" => {
                if inline.last().is_some_and(|&(_, d)| d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            "mod" if toks.get(i + 2).is_some_and(|t| t.0 == "{") => {
                inline.push((toks[i + 1].0.clone(), depth + 1));
                i += 2;
                continue;
            }
            "use" => {
                let mut leaves = Vec::new();
                i = use_tree(&toks, i + 1, Vec::new(), &mut leaves);
                for (path, name, line) in leaves {
                    if let Some(segments) = resolve(&path, &here, modules, main) {
                        found.push(Found { segments, line, used: true, name: Some(name) });
                    }
                }
                continue;
            }
            "crate" | "super" | "self" | "azint_report" if toks.get(i + 1).is_some_and(|t| t.0 == "::") && !after_colons(&toks, i) => {
                let line = toks[i].1;
                let mut path = Vec::new();
                while let Some((seg, _)) = toks.get(i) {
                    if seg == "::" || seg == "·" || "{},;*()".contains(seg.as_str()) {
                        break;
                    }
                    path.push(seg.clone());
                    if toks.get(i + 1).is_some_and(|t| t.0 == "::") {
                        i += 2;
                    } else {
                        i += 1;
                        break;
                    }
                }
                if let Some(segments) = resolve(&path, &here, modules, main) {
                    found.push(Found { segments, line, used: false, name: None });
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// Whether the token before `i` is `::` (`x::crate` is no path from the
/// root; `$crate::` is, the `$` being other punctuation).
fn after_colons(toks: &[(String, usize)], i: usize) -> bool {
    i > 0 && toks[i - 1].0 == "::"
}

/// Parses a `use` tree from `i` to its `;` (or the `}`/`,` that ends a
/// group member), pushing each leaf as (path, name it binds, line).
fn use_tree(toks: &[(String, usize)], mut i: usize, mut prefix: Vec<String>, leaves: &mut Vec<(Vec<String>, String, usize)>) -> usize {
    loop {
        let Some((t, line)) = toks.get(i) else { return i };
        match t.as_str() {
            "::" => i += 1,
            "{" => {
                i += 1;
                loop {
                    i = use_tree(toks, i, prefix.clone(), leaves);
                    match toks.get(i).map(|t| t.0.as_str()) {
                        Some(",") => i += 1,
                        Some("}") => {
                            i += 1;
                            break;
                        }
                        _ => return i,
                    }
                    if toks.get(i).is_some_and(|t| t.0 == "}") {
                        i += 1;
                        break;
                    }
                }
            }
            "*" => {
                leaves.push((prefix.clone(), "*".to_owned(), *line));
                i += 1;
            }
            "as" => {
                if let (Some(last), Some((alias, _))) = (leaves.last_mut(), toks.get(i + 1)) {
                    last.1 = alias.clone();
                }
                i += 2;
            }
            ";" => return i + 1,
            "," | "}" => return i,
            "self" if !prefix.is_empty() => {
                let name = prefix.last().cloned().unwrap_or_default();
                leaves.push((prefix.clone(), name, *line));
                i += 1;
            }
            "·" | "(" | ")" => return i,
            seg => {
                prefix.push(seg.to_owned());
                if toks.get(i + 1).is_none_or(|t| t.0 != "::") {
                    leaves.push((prefix.clone(), seg.to_owned(), *line));
                }
                i += 1;
            }
        }
    }
}

/// `path` as written in module `here`, from the crate's root; `None` when
/// it names another crate (std, clap).
fn resolve(path: &[String], here: &[String], modules: &BTreeSet<Vec<String>>, main: bool) -> Option<Vec<String>> {
    let (first, rest) = path.split_first()?;
    let mut base: Vec<String> = match first.as_str() {
        "azint_report" if main => Vec::new(),
        "crate" if !main => Vec::new(),
        "self" if !main => here.to_vec(),
        "super" if !main => {
            let mut base = here.to_vec();
            base.pop();
            let mut rest = rest;
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
            base.extend(rest.iter().cloned());
            return Some(base);
        }
        // `use load::DataFile` in dataset/mod.rs: a child module's name.
        _ if !main && modules.contains(&here.iter().chain(std::iter::once(first)).cloned().collect::<Vec<_>>()) => {
            here.iter().cloned().chain(std::iter::once(first.clone())).collect()
        }
        _ => return None,
    };
    base.extend(rest.iter().cloned());
    Some(base)
}

#[test]
fn the_extractor_reads_tricky_imports() {
    let modules: BTreeSet<Vec<String>> = [
        vec!["typeset"],
        vec!["typeset", "flow"],
        vec!["typeset", "flow", "pages"],
        vec!["summary"],
        vec!["dataset"],
        vec!["dataset", "load"],
        vec!["diag"],
        vec!["report"],
    ]
    .into_iter()
    .map(|m| m.into_iter().map(str::to_owned).collect())
    .collect();
    let text = r##"
//! use crate::report; in a comment does not count
/* block /* nested */ crate::report::x */
use crate::{
    diag::Diagnostic,
    summary::{self, Summary as S},
};
use std::path::Path;
use super::geom::Pt;
const S: &str = "crate::report::render";
const R: &str = r#"use crate::report;" "#;
const C: char = '"';
fn f<'a>(x: &'a str) -> char { let _ = crate::dataset::load::discover; '\'' }
#[cfg(test)]
mod tests {
    use super::*;
    use super::super::Pt;
    fn g() { crate::diag::shorten("x"); }
}
fn h() -> super::super::super::summary::Summary { todo!() }
"##;
    let here: Vec<String> = ["typeset", "flow", "pages"].map(str::to_owned).to_vec();
    let found: Vec<(String, usize, bool)> =
        paths(text, &here, &modules, false).into_iter().map(|f| (f.segments.join("::"), f.line, f.used)).collect();
    let expected: Vec<(String, usize, bool)> = [
        ("diag::Diagnostic", 5, true),
        ("summary", 6, true),
        ("summary::Summary", 6, true),
        ("typeset::flow::geom::Pt", 9, true),
        ("dataset::load::discover", 13, false),
        ("typeset::flow::pages", 16, true),
        ("typeset::flow::Pt", 17, true),
        ("diag::shorten", 18, false),
        ("summary::Summary", 20, false),
    ]
    .into_iter()
    .map(|(p, l, u)| (p.to_owned(), l, u))
    .collect();
    assert_eq!(found, expected);
    // `as` renames what the item is known by (lib.rs's re-exports).
    let aliased = paths("use crate::summary::Summary as S;", &[], &modules, false);
    assert_eq!(aliased[0].name.as_deref(), Some("S"));
    // In main.rs the library is `azint_report`, and `crate::` is the
    // binary's own.
    let main: Vec<String> = paths("use azint_report::report::x; crate::dataset::y();", &["main".to_owned()], &modules, true)
        .into_iter()
        .map(|f| f.segments.join("::"))
        .collect();
    assert_eq!(main, ["report::x"]);
}

#[test]
fn a_forbidden_edge_is_named() {
    assert!(forbidden("typeset", "summary").is_some());
    assert!(forbidden("options", "cli").is_some());
    assert!(forbidden("main", "cli").is_none());
    assert!(forbidden("dataset", "summary").is_some());
    assert!(forbidden("dataset", "diag").is_none());
    assert!(forbidden("make", "typeset").is_none());
}
