//! What a key's value must be, from the schema's table of shapes
//! ([`crate::dataset::schema::shape`]), so that a suggestion is one the
//! validator then accepts: `significance = 2`, not `significance = "2x"`.

use crate::dataset::schema::{shape, Shape, Table};
use crate::diag::shorten;

use super::text::{self, is_header, line};

/// The table whose keys are written at `offset` of `text` (outside any
/// inline table): the one its section's header names, or the top level.
pub(super) fn table_at(text: &str, offset: usize) -> Table {
    let start = text::section(text, offset).start;
    let header = line(text, start);
    if !is_header(header) {
        return Table::Top;
    }
    let name = header.trim().split('#').next().unwrap_or("").trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace());
    match name {
        "report" => Table::Report,
        "pillar" => Table::Pillar,
        "event" => Table::Event,
        "partner" => Table::Partner,
        "judgement" => Table::Judgement,
        "source" => Table::Registry,
        _ => Table::Top,
    }
}

/// The table of the inline tables in the value of `key` of `table`
/// (`sources = [{ … }]`), if its items are tables.
pub(super) fn items(table: Table, key: &str) -> Option<Table> {
    match shape(table, key)? {
        Shape::Table(inner) | Shape::Tables(inner, _) => Some(inner),
        // An event's sources: inline tables (or registry ids, strings).
        Shape::Sources => Some(Table::Source),
        _ => None,
    }
}

/// The key of `table` closest to `word`, when it is a likely typo.
pub(super) fn key_near(table: Table, word: &str) -> Option<&'static str> {
    table
        .keys()
        .iter()
        .map(|&k| (strsim::damerau_levenshtein(word, k), k))
        .filter(|&(d, k)| d <= 2.max(k.len() / 4) && d < k.len())
        .min()
        .map(|(_, k)| k)
}

/// `value` (a bare word) written the way `key` of `table` takes it:
/// quoted for text, in a list for a list, as it is for a number.
pub(super) fn written(table: Table, key: &str, value: &str) -> String {
    let quoted = || format!("\"{}\"", shorten(value.trim_matches(['"', '\''])));
    match shape(table, key) {
        Some(Shape::Integer(_) | Shape::Number | Shape::Flag | Shape::Table(_) | Shape::Tables(..)) => shorten(value),
        Some(Shape::Lines) if !value.starts_with('[') => format!("[{}]", quoted()),
        _ if value.starts_with(['"', '\'', '[', '{']) => shorten(value),
        _ => quoted(),
    }
}

/// What to say of a bare `value` given to `key` of `table` that takes a
/// number, a flag or a list, when quotes would not make it right.
pub(super) fn not_text(table: Table, key: &str, value: &str) -> Option<String> {
    let key_s = shorten(key);
    let value_s = shorten(value);
    let message = match shape(table, key)? {
        Shape::Integer(bounds) => match number_in(value, false) {
            Some(n) => format!("`{value_s}` is not a number: write `{key_s} = {n}`"),
            None => match bounds {
                Some((lo, hi)) => format!("`{value_s}` is not a number: `{key_s}` is a whole number from {lo} to {hi}"),
                None => format!("`{value_s}` is not a number: `{key_s}` is a whole number"),
            },
        },
        Shape::Number => match number_in(value, true) {
            Some(n) => format!("`{value_s}` is not a number: write `{key_s} = {n}`"),
            None => format!("`{value_s}` is not a number: `{key_s}` is a number, such as `{key_s} = 2.5`"),
        },
        Shape::Version => format!("`{value_s}` is not a number: write `{key_s} = {}`", crate::dataset::fields::SCHEMA),
        Shape::Flag => format!("`{value_s}` is not `true` or `false`: write `{key_s} = true` or `{key_s} = false`"),
        Shape::Day => format!("`{value_s}` is not a day: write it `YYYY-MM-DD`, such as `{key_s} = 2025-03-14`"),
        Shape::Date(_) => format!("`{value_s}` is not a date: write `{key_s} = \"YYYY-MM-DD\"`, `\"YYYY-MM\"` or `\"YYYY\"`"),
        Shape::Lines => format!("`{key_s}` is a list: write `{key_s} = [\"{value_s}\"]`"),
        _ => return None,
    };
    Some(message)
}

/// The number `value` starts with (`2` of `2x`), when it starts with one.
fn number_in(value: &str, fraction: bool) -> Option<&str> {
    let sign = usize::from(value.starts_with(['-', '+']));
    let digits = value[sign..].find(|c: char| !c.is_ascii_digit()).unwrap_or(value.len() - sign);
    if digits == 0 {
        return None;
    }
    let mut end = sign + digits;
    if fraction {
        if let Some(rest) = value[end..].strip_prefix('.') {
            let more = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            if more > 0 {
                end += 1 + more;
            }
        }
    }
    Some(&value[..end])
}
