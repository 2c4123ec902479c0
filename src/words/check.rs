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

/// A diagnostic at the line that defines `shown` (`id =` at a line's start).
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
