//! Checking a catalogue when it is read, so that a desk's mistake is an
//! error naming its file, line and column, never a blank, a raw message id
//! or `{$name}` in a report.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::MESSAGES;
use crate::diag::{is_bidi_control, Diagnostic};

/// The functions a message may call: Fluent's own.
const FUNCTIONS: &[&str] = &["NUMBER"];

/// What a message or term uses: variables, messages, terms, functions.
#[derive(Default)]
struct Uses<'a> {
    variables: BTreeSet<&'a str>,
    messages: BTreeSet<&'a str>,
    terms: BTreeSet<&'a str>,
    functions: BTreeSet<&'a str>,
}

/// How deeply placeables (`{ … }`, a selector's variants inside them) may
/// nest: the built-in catalogues use two; the parser's recursion stays
/// well inside a thread's stack.
pub const MAX_DEPTH: usize = 32;

/// The byte offset of the first `{` that opens a placeable deeper than
/// [`MAX_DEPTH`], reading braces outside string literals (`"…"`, where a
/// brace is text); `None` when none does. A comment line (`#`) holds no
/// placeable.
pub fn too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut line_start = true;
    let mut comment = false;
    for (i, c) in text.char_indices() {
        if line_start {
            comment = depth == 0 && c == '#';
        }
        line_start = c == '\n';
        if comment {
            continue;
        }
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' if depth > 0 => in_string = !in_string,
            '{' if !in_string => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            '}' if !in_string => depth = depth.saturating_sub(1),
            '\n' => in_string = false,
            _ => {}
        }
    }
    None
}

/// Every problem of a parsed catalogue (see [`super::Catalogue::parse`]).
pub fn check(path: &str, text: &str, resource: &FluentResource) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if let Some(offset) = text.find(is_bidi_control) {
        let c = text[offset..].chars().next().unwrap_or_default();
        problems.push(Diagnostic::error_at(
            path,
            text,
            offset,
            format!("the catalogue holds U+{:04X}, an invisible direction mark the reports must not hold", c as u32),
        ));
    }
    let mut messages: BTreeMap<&str, (Option<&Pattern<&str>>, Uses)> = BTreeMap::new();
    let mut terms: BTreeMap<&str, Uses> = BTreeMap::new();
    for entry in resource.entries() {
        let (id, is_term) = match entry {
            Entry::Message(m) => (m.id.name, false),
            Entry::Term(t) => (t.id.name, true),
            _ => continue,
        };
        let duplicate = if is_term { terms.contains_key(id) } else { messages.contains_key(id) };
        if duplicate {
            let shown = if is_term { format!("-{id}") } else { id.to_owned() };
            problems.push(at(path, text, &shown, format!("`{shown}` is defined twice")));
            continue;
        }
        let mut uses = Uses::default();
        match entry {
            Entry::Message(m) => {
                m.value.iter().chain(m.attributes.iter().map(|a| &a.value)).for_each(|p| pattern(p, &mut uses));
                messages.insert(id, (m.value.as_ref(), uses));
            }
            Entry::Term(t) => {
                std::iter::once(&t.value).chain(t.attributes.iter().map(|a| &a.value)).for_each(|p| pattern(p, &mut uses));
                terms.insert(id, uses);
            }
            _ => {}
        }
    }
    for (id, (value, uses)) in &messages {
        let shown = *id;
        if value.is_none() {
            problems.push(at(path, text, shown, format!("the message `{id}` has no text, only attributes")));
        }
        references(path, text, shown, uses, &messages, &terms, &mut problems);
        let Some((_, given)) = MESSAGES.iter().find(|(name, _)| name == id) else { continue };
        for variable in &uses.variables {
            if !given.contains(variable) {
                let offered = if given.is_empty() {
                    "none".to_owned()
                } else {
                    given.iter().map(|v| format!("${v}")).collect::<Vec<_>>().join(", ")
                };
                problems.push(at(path, text, shown, format!("the message `{id}` uses `${variable}`, which the tool does not give it (it gives: {offered})")));
            }
        }
        for variable in given.iter() {
            if !uses.variables.contains(variable) {
                problems.push(at(path, text, shown, format!("the message `{id}` leaves out `${variable}`: the reports would lose it")));
            }
        }
    }
    for (id, uses) in &terms {
        let shown = format!("-{id}");
        // A term's variables are the arguments given where it is used.
        references(path, text, &shown, uses, &messages, &terms, &mut problems);
    }
    cycles(path, text, &messages, &terms, &mut problems);
    let end = text.len();
    for (id, _) in MESSAGES {
        if !messages.contains_key(id) {
            problems.push(
                Diagnostic::error_at(path, text, end, format!("the message `{id}` is missing"))
                    .with_help(format!("copy it from the built-in templates/{}", super::FILE)),
            );
        }
    }
    problems
}

/// Problems with what `shown` refers to: messages, terms and functions
/// that do not exist.
fn references(
    path: &str,
    text: &str,
    shown: &str,
    uses: &Uses,
    messages: &BTreeMap<&str, (Option<&Pattern<&str>>, Uses)>,
    terms: &BTreeMap<&str, Uses>,
    problems: &mut Vec<Diagnostic>,
) {
    for m in uses.messages.iter().filter(|m| !messages.contains_key(*m)) {
        problems.push(at(path, text, shown, format!("`{shown}` refers to the message `{m}`, which does not exist")));
    }
    for t in uses.terms.iter().filter(|t| !terms.contains_key(*t)) {
        problems.push(at(path, text, shown, format!("`{shown}` refers to the term `-{t}`, which does not exist")));
    }
    for f in uses.functions.iter().filter(|f| !FUNCTIONS.contains(f)) {
        problems.push(at(path, text, shown, format!("`{shown}` calls `{f}()`, which Fluent does not have (it has NUMBER())")));
    }
}

/// Messages and terms that refer to themselves, directly or through
/// others: Fluent cannot say them, and the typesetter fell back to the
/// built-in words without a word (issue 29, item 11). Each cycle is named
/// once, at the definition of the member the search met first.
fn cycles(
    path: &str,
    text: &str,
    messages: &BTreeMap<&str, (Option<&Pattern<&str>>, Uses)>,
    terms: &BTreeMap<&str, Uses>,
    problems: &mut Vec<Diagnostic>,
) {
    // Nodes are shown names: `id` for a message, `-id` for a term.
    let edges = |node: &str| -> Vec<String> {
        let uses = match node.strip_prefix('-') {
            Some(term) => terms.get(term),
            None => messages.get(node).map(|(_, uses)| uses),
        };
        uses.map(|u| u.messages.iter().map(|m| (*m).to_owned()).chain(u.terms.iter().map(|t| format!("-{t}"))).collect()).unwrap_or_default()
    };
    let nodes: Vec<String> = messages.keys().map(|m| (*m).to_owned()).chain(terms.keys().map(|t| format!("-{t}"))).collect();
    let mut done: BTreeSet<String> = BTreeSet::new();
    for start in &nodes {
        if done.contains(start) {
            continue;
        }
        // Depth first, the path kept: a node met again on the path closes
        // a cycle.
        let mut path_nodes: Vec<String> = vec![start.clone()];
        let mut stack: Vec<std::vec::IntoIter<String>> = vec![edges(start).into_iter()];
        while let Some(next) = stack.last_mut().map(Iterator::next) {
            match next {
                None => {
                    stack.pop();
                    if let Some(node) = path_nodes.pop() {
                        done.insert(node);
                    }
                }
                Some(node) if done.contains(&node) => {}
                Some(node) => {
                    if let Some(at_cycle) = path_nodes.iter().position(|n| *n == node) {
                        let mut cycle: Vec<&str> = path_nodes[at_cycle..].iter().map(String::as_str).collect();
                        cycle.push(&node);
                        let first = cycle[0];
                        problems.push(at(path, text, first, format!("`{first}` refers to itself ({}): Fluent cannot say it", cycle.join(" → "))));
                        continue;
                    }
                    stack.push(edges(&node).into_iter());
                    path_nodes.push(node);
                }
            }
        }
    }
}

/// A diagnostic at the line that defines `shown` (`id =` at a line's start).
/// A message that can format to nothing, at its definition.
pub fn blank(path: &str, text: &str, id: &str) -> Diagnostic {
    at(path, text, id, format!("`{id}` can say nothing (empty or invisible text): a briefing would show a blank where it stands"))
}

fn at(path: &str, text: &str, shown: &str, message: String) -> Diagnostic {
    Diagnostic::error_at(path, text, definition(text, shown).unwrap_or(0), message)
}

/// The offset of the line that defines `shown`: it starts with `shown`,
/// then spaces and `=` (the first such line: for an id defined twice, the
/// first definition).
fn definition(text: &str, shown: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(shown) {
            if rest.trim_start_matches([' ', '\t']).starts_with('=') {
                return Some(offset);
            }
        }
        offset += line.len();
    }
    None
}

fn pattern<'a>(pattern: &Pattern<&'a str>, uses: &mut Uses<'a>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            self::expression(expression, uses);
        }
    }
}

fn expression<'a>(expression: &Expression<&'a str>, uses: &mut Uses<'a>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline(selector, uses);
            for variant in variants {
                pattern(&variant.value, uses);
            }
        }
        Expression::Inline(e) => inline(e, uses),
    }
}

fn inline<'a>(e: &InlineExpression<&'a str>, uses: &mut Uses<'a>) {
    match e {
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
        InlineExpression::VariableReference { id } => {
            uses.variables.insert(id.name);
        }
        InlineExpression::MessageReference { id, .. } => {
            uses.messages.insert(id.name);
        }
        // A term's arguments are its own variables, not the message's.
        InlineExpression::TermReference { id, arguments, .. } => {
            uses.terms.insert(id.name);
            for argument in arguments.iter().flat_map(|a| a.positional.iter().chain(a.named.iter().map(|n| &n.value))) {
                inline(argument, uses);
            }
        }
        InlineExpression::FunctionReference { id, arguments } => {
            uses.functions.insert(id.name);
            for argument in arguments.positional.iter().chain(arguments.named.iter().map(|n| &n.value)) {
                inline(argument, uses);
            }
        }
        InlineExpression::Placeable { expression: inner } => expression(inner, uses),
    }
}

#[cfg(test)]
mod tests {
    use super::{too_deep, MAX_DEPTH};
    use crate::words::{Catalogue, BUILTIN};

    /// Issue 29: a desk's catalogue nested deeper than the bound is refused
    /// at the brace that passes it (5,000 levels aborted the process).
    #[test]
    fn placeables_nested_past_the_bound_are_refused_before_parsing() {
        let nested = |n: usize| format!("contents = {}x{}\n", "{ ".repeat(n), " }".repeat(n));
        // Strings: a brace inside one is text, not nesting.
        let quoted = |n: usize| format!("contents = {{ \"{}\" }}\n", "{".repeat(n));
        assert_eq!(too_deep(&nested(MAX_DEPTH)), None);
        assert_eq!(too_deep(&nested(MAX_DEPTH + 1)), Some("contents = ".len() + 2 * MAX_DEPTH));
        assert_eq!(too_deep(&quoted(100)), None);
        assert_eq!(too_deep("# {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\ncontents = x\n"), None);
        for n in [33, 1_000, 50_000] {
            let text = nested(n);
            let Err(problems) = Catalogue::parse("desk.ftl", &text) else { panic!("{n} levels accepted") };
            assert!(problems[0].message.contains("nested more than 32 deep"), "{:?}", problems[0]);
        }
    }

    /// Issue 29, item 11: a desk's catalogue whose messages or terms refer
    /// to themselves, through chains of every length and through terms,
    /// is refused at the first member's line; the typesetter fell back to
    /// the built-in words without a word.
    #[test]
    fn messages_that_refer_to_themselves_are_named_with_their_chain() {
        for length in 1..=5 {
            for through_term in [false, true] {
                let name = |i: usize| if through_term && i % 2 == 1 { format!("-cyc-{i}") } else { format!("cyc-{i}") };
                let mut extra = String::new();
                for i in 0..length {
                    let next = name((i + 1) % length);
                    extra.push_str(&format!("{} = a {{ {next} }}\n", name(i)));
                }
                let text = format!("{BUILTIN}\n{extra}");
                let Err(problems) = Catalogue::parse("desk/en-GB.ftl", &text) else { panic!("{length}: accepted") };
                let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
                assert_eq!(shown.len(), 1, "{length}: {shown:?}");
                let line = BUILTIN.lines().count() + 2;
                assert!(shown[0].starts_with(&format!("desk/en-GB.ftl:{line}:1: error: `cyc-0` refers to itself (cyc-0 → ")), "{shown:?}");
                assert_eq!(shown[0].matches(" → ").count(), length, "{shown:?}");
            }
        }
        assert!(Catalogue::parse("desk/en-GB.ftl", &format!("{BUILTIN}\nx-a = {{ x-b }}\nx-b = b\n")).is_ok(), "a chain is not a cycle");
    }
}
