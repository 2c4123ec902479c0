//! A kept field value as a reader sees it.
//!
//! The JSON summary keeps each shown field of an event in a form without
//! words (issue 23), so that a briefing in any language compares with it:
//! a date as the data write it (`2024-11-11`, `2024-12`), a span of days
//! `2024-11-11/2024-11-22`, the span of a fact undated within it as the
//! data write that (`2024..2026`), and an approximate figure's value after
//! `~` (`Budget: ~2500000 USD`). [`say`] puts a kept value in the words of
//! a catalogue ("undated, 2024–2026", "about 2500000"), where the change
//! report shows it.
//!
//! Summaries written before kept the built-in words themselves ("undated,
//! 2024–2026", "12 February 2026"). Such a value is shown as it is, and
//! [`migrate`] reads it as the new value when it says the same in the
//! built-in words, so that an unchanged field never looks edited.

use crate::dataset::event_fields::{FieldValue, Shown, LEAD_MARK, NOTE_MARK};
use crate::date::PartialDate;
use crate::words::Catalogue;

/// One kept text of `field` (a value, or an item of a list) in the words
/// of `words`; text it does not read (an older summary's words, a name)
/// as it is.
pub fn say(field: &Shown, text: &str, words: &Catalogue) -> String {
    let said = match field.name {
        "date" => say_date(text, words),
        "figures" => say_figure(text, words),
        _ => None,
    };
    said.unwrap_or_else(|| text.to_owned())
}

/// A kept value of `field`, each item said with [`say`].
pub fn say_value(field: &Shown, value: &FieldValue, words: &Catalogue) -> FieldValue {
    match value {
        FieldValue::Text(text) => FieldValue::Text(say(field, text, words)),
        FieldValue::List(items) => FieldValue::List(items.iter().map(|i| say(field, i, words)).collect()),
    }
}

/// `old`, kept by an earlier summary, in the form of `new` wherever it
/// says what `new` says in the built-in words (the words earlier versions
/// kept): the value, or each item of a list.
pub fn migrate(field: &Shown, old: &FieldValue, new: &FieldValue) -> FieldValue {
    let builtin = Catalogue::builtin();
    // Summaries written before kept no source's note and no lead mark
    // (issue 29, item 9): the same item without them is the same item.
    let older = |new: &str| match field.name {
        "sources" => new.split_once(NOTE_MARK).map(|(before, _)| before.to_owned()),
        "figures" => new.strip_prefix(LEAD_MARK).map(str::to_owned),
        _ => None,
    };
    let same = |old: &str, new: &str| old == new || old == say(field, new, &builtin) || older(new).is_some_and(|o| old == o || old == say(field, &o, &builtin));
    match (old, new) {
        (FieldValue::Text(o), FieldValue::Text(n)) if same(o, n) => new.clone(),
        (FieldValue::List(o), FieldValue::List(n)) => {
            FieldValue::List(o.iter().map(|item| n.iter().find(|m| same(item, m)).unwrap_or(item).clone()).collect())
        }
        _ => old.clone(),
    }
}

/// `2024..2026` (undated within), `2024-11-11/2024-11-22`, `2024-12`.
fn say_date(text: &str, words: &Catalogue) -> Option<String> {
    let date = |s: &str| PartialDate::parse(s).ok();
    if let Some((from, until)) = text.split_once("..") {
        let span = date(from)?.display_span_in(&date(until)?, words);
        return Some(words.text("date-undated", &[("date", span.into())]));
    }
    if let Some((from, until)) = text.split_once('/') {
        return Some(date(from)?.display_span_in(&date(until)?, words));
    }
    Some(date(text)?.display_in(words))
}

/// `Budget: ~2500000 USD` → "Budget: about 2500000 USD"; the lead figure
/// (`* Budget: …`) in the catalogue's words for it.
fn say_figure(text: &str, words: &Catalogue) -> Option<String> {
    if let Some(figure) = text.strip_prefix(LEAD_MARK) {
        let figure = say_figure(figure, words).unwrap_or_else(|| figure.to_owned());
        return Some(words.text("changes-figure-lead", &[("figure", figure.into())]));
    }
    let at = text.match_indices(": ~").map(|(i, _)| i).find(|&i| text[i + 3..].starts_with(|c: char| c.is_ascii_digit() || c == '-'))?;
    let rest = &text[at + 3..];
    let end = rest.find(' ').unwrap_or(rest.len());
    let about = words.text("figure-about", &[("value", rest[..end].into())]);
    Some(format!("{}: {about}{}", &text[..at], &rest[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::event_fields::shown_named;

    fn field(name: &str) -> &'static Shown {
        shown_named(name).unwrap().1
    }

    fn text(s: &str) -> FieldValue {
        FieldValue::Text(s.to_owned())
    }

    #[test]
    fn kept_values_are_said_in_the_catalogues_words() {
        let words = Catalogue::builtin();
        assert_eq!(say(field("date"), "2024..2026", &words), "undated, 2024–2026");
        assert_eq!(say(field("date"), "2024-11-11/2024-11-22", &words), "11–22 November 2024");
        assert_eq!(say(field("date"), "2026-02-12", &words), "12 February 2026");
        assert_eq!(say(field("date"), "12 February 2026", &words), "12 February 2026", "an older summary's words");
        assert_eq!(say(field("figures"), "Budget: ~2500000 USD", &words), "Budget: about 2500000 USD");
        assert_eq!(say(field("figures"), "Budget: 2500000 USD", &words), "Budget: 2500000 USD");
        assert_eq!(say(field("figures"), "Odd: ~x", &words), "Odd: ~x");
        assert_eq!(say(field("partners"), "2024..2026", &words), "2024..2026", "only dates and figures are read");
        let desk = crate::words::BUILTIN
            .replacen("date-undated = undated, { $date }", "date-undated = { $date }, date unknown", 1)
            .replacen("figure-about = about { $value }", "figure-about = c. { $value }", 1);
        let desk = Catalogue::parse("desk/en-GB.ftl", &desk).unwrap();
        assert_eq!(say(field("date"), "2024..2026", &desk), "2024–2026, date unknown");
        assert_eq!(say(field("figures"), "Budget: ~2500000 USD", &desk), "Budget: c. 2500000 USD");
    }

    #[test]
    fn an_older_summarys_words_compare_equal_to_the_same_value() {
        assert_eq!(migrate(field("date"), &text("undated, 2024–2026"), &text("2024..2026")), text("2024..2026"));
        assert_eq!(migrate(field("date"), &text("11–22 November 2024"), &text("2024-11-11/2024-11-22")), text("2024-11-11/2024-11-22"));
        assert_eq!(migrate(field("date"), &text("12 February 2026"), &text("2026-02-13")), text("12 February 2026"), "an edit stays one");
        let old = FieldValue::List(vec!["Budget: about 2500000 USD".into(), "Staff: 12".into()]);
        let new = FieldValue::List(vec!["Staff: 12".into(), "Budget: ~2500000 USD".into()]);
        assert_eq!(migrate(field("figures"), &old, &new), FieldValue::List(vec!["Budget: ~2500000 USD".into(), "Staff: 12".into()]));
        // Issue 29, item 9: kept before notes and lead marks were.
        let new = FieldValue::List(vec!["News (2026-02-12) — Funded by X".into()]);
        assert_eq!(migrate(field("sources"), &FieldValue::List(vec!["News (2026-02-12)".into()]), &new), new);
        let new = FieldValue::List(vec!["* Budget: ~2500000 USD".into()]);
        assert_eq!(migrate(field("figures"), &FieldValue::List(vec!["Budget: about 2500000 USD".into()]), &new), new);
        let words = Catalogue::builtin();
        assert_eq!(say(field("figures"), "* Budget: ~2500000 USD", &words), "Budget: about 2500000 USD (the lead figure)");
    }
}
