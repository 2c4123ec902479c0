//! The changes since the previous briefing, in words: the typed diff of two
//! JSON summaries ([`crate::snapshot::Diff`]) made into the sentences the
//! changes section and the JSON summary show ("significance changed from 3
//! to 5", "partner added: Austria"), each value quoted or shortened.
//!
//! Every word is the catalogue's ([`crate::words`], the `change-*`
//! messages of `templates/en-GB.ftl`), one message a sentence, so that a
//! desk corrects them without Rust (issue 23); what is left here is
//! punctuation and the cutting of long values.

use serde::Serialize;

use crate::dataset::event_fields::{FieldValue, Shown};
use crate::snapshot::{shown, Diff, EventEdit, EventRef, FieldChange, FieldEdit, PillarDiff};
use crate::summary::Summary;
use crate::words::Catalogue;

use super::{ReportError, Templates};

/// What changed between two snapshots of the same period, per pillar, as
/// the templates and the JSON summary show it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Changes {
    /// The date the briefing compared with was issued.
    pub previous_as_of: String,
    /// Its `[report] reference`, when it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_reference: Option<String>,
    /// Where the issued briefing's data came from, when they are not this
    /// run's: then no changes are listed (issue 24).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub different_dataset: Option<String>,
    pub added: usize,
    pub removed: usize,
    pub edited: usize,
    /// Pillars with any change, in report order.
    pub pillars: Vec<PillarChanges>,
    /// Partners named now and not before, and the reverse, by name (issue
    /// 13); empty when the previous summary did not record partners.
    pub partners_added: Vec<String>,
    pub partners_removed: Vec<String>,
    /// The analyst's judgements that changed since the issued briefing, in
    /// words: their own edits, and evidence that changed (a review asked,
    /// or settled by `reviewed`). Empty when none did.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub judgements: Vec<String>,
    /// The judgements added, removed and edited themselves (not only their
    /// evidence): counted with the events' on the success line.
    #[serde(skip)]
    pub judgements_counted: [usize; 3],
}

/// One pillar's changes; events by title.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PillarChanges {
    pub name: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub edited: Vec<Edit>,
    pub highlights_in: Vec<String>,
    pub highlights_out: Vec<String>,
}

/// One edited event: its title now, and what changed in it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Edit {
    pub title: String,
    /// Empty when the previous summary kept no fields (written by an
    /// earlier version): the event is named as edited, without details.
    pub fields: Vec<FieldChangeText>,
}

/// One field of an edited event, before and after, in words.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FieldChangeText {
    pub field: String,
    /// A text field's values, shortened around what changed when long.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// A list field's items that came and went.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
    /// The change in words: "significance changed from 3 to 5", "partner
    /// added: Austria".
    pub text: String,
}

impl Changes {
    /// Whether anything changed at all.
    pub fn any(&self) -> bool {
        let [added, removed, edited] = self.counts();
        added + removed + edited > 0 || self.pillars.iter().any(|p| !p.highlights_in.is_empty() || !p.highlights_out.is_empty())
    }

    /// Events and judgements added, removed and edited, as the success
    /// line counts them: a judgement's own edit is a change like an
    /// event's (issue 25).
    pub fn counts(&self) -> [usize; 3] {
        let [added, removed, edited] = self.judgements_counted;
        [self.added + added, self.removed + removed, self.edited + edited]
    }

    /// "+2 −1 ~3" for the success line, `None` when nothing changed.
    pub fn brief(&self) -> Option<String> {
        let [added, removed, edited] = self.counts();
        self.any().then(|| format!("+{added} −{removed} ~{edited}"))
    }
}

/// The diff in the words of `words`.
pub fn describe(diff: &Diff, words: &Catalogue) -> Changes {
    Changes {
        previous_as_of: diff.previous_as_of.clone(),
        previous_reference: None,
        different_dataset: None,
        added: diff.added,
        removed: diff.removed,
        edited: diff.edited,
        pillars: diff.pillars.iter().map(|p| describe_pillar(p, words)).collect(),
        partners_added: diff.partners_added.clone(),
        partners_removed: diff.partners_removed.clone(),
        judgements: Vec::new(),
        judgements_counted: [0; 3],
    }
}

/// The judgements that changed, one line each in the words of `words`
/// (issue 25, item 2), and how many were added, removed and edited
/// themselves ([`Changes::judgements_counted`]).
pub fn describe_judgements(judged: &[crate::snapshot::review::JudgementChange], diff: &Diff, words: &Catalogue) -> (Vec<String>, [usize; 3]) {
    use crate::snapshot::review::Own;
    let fields = crate::snapshot::review::edited_fields(diff);
    let mut out = Vec::new();
    let mut counted = [0; 3];
    for change in judged {
        let judgement = crate::words::Arg::from(change.judgement.as_str());
        let own = match change.own {
            Own::Same => None,
            Own::Added => Some((0, "changes-judgement-added")),
            Own::Removed => Some((1, "changes-judgement-removed")),
            Own::Edited => Some((2, "changes-judgement-edited")),
        };
        if let Some((slot, message)) = own {
            counted[slot] += 1;
            out.push(words.text(message, &[("judgement", judgement.clone())]));
        }
        for id in &change.evidence {
            let names = fields.get(id.as_str()).cloned().unwrap_or_default();
            let what = names.join(", ");
            let id_words = [
                ("judgement", judgement.clone()),
                ("event", crate::words::Arg::from(id.as_str())),
                ("fields", crate::words::Arg::from(what.as_str())),
                ("count", crate::words::Arg::from(names.len())),
            ];
            let message = if change.settled { "changes-judgement-reviewed" } else { "changes-judgement-review" };
            out.push(words.text(message, &id_words));
        }
    }
    (out, counted)
}

/// The change report written beside the briefing
/// (`azint-briefing-2024-2026.changes.md`, issue 24): a title naming the
/// briefing and its period, the DRAFT line of a draft, and the `changes`
/// template (the section `--changes-in-briefing` puts in the briefing).
pub fn render_report(changes: &Changes, summary: &Summary, draft: bool, templates: &Templates) -> Result<String, ReportError> {
    let words = templates.words();
    let title = words.text(
        "changes-report-title",
        &[("title", summary.report.title.as_str().into()), ("period", summary.period.display_in(words).into())],
    );
    let mut text = format!("# {}\n\n", super::escape::markdown(&title));
    if draft {
        text.push_str(&draft_line(words));
        text.push_str("\n\n");
    }
    text.push_str(&templates.render_named("changes", changes)?);
    Ok(super::tidy(&text))
}

/// `**DRAFT** — not issued`: the line at the top of a briefing not issued
/// yet, in the catalogue's words (`draft-mark`, `draft-note`).
pub fn draft_line(words: &Catalogue) -> String {
    let mark = super::escape::markdown(&words.text("draft-mark", &[]));
    format!("**{mark}** {}", super::escape::markdown(&words.text("draft-note", &[])))
}

/// Events are named by title.
fn describe_pillar(p: &PillarDiff, words: &Catalogue) -> PillarChanges {
    let titles = |events: &[EventRef]| events.iter().map(|e| e.title.clone()).collect();
    PillarChanges {
        name: p.name.clone(),
        added: titles(&p.added),
        removed: titles(&p.removed),
        edited: p.edited.iter().map(|e: &EventEdit| Edit { title: e.event.title.clone(), fields: e.fields.iter().map(|f| describe_field(f, words)).collect() }).collect(),
        highlights_in: titles(&p.highlights_in),
        highlights_out: titles(&p.highlights_out),
    }
}

fn describe_field(edit: &FieldEdit, words: &Catalogue) -> FieldChangeText {
    let field = edit.field;
    match &edit.change {
        FieldChange::Items { added, removed } => {
            let mut parts = Vec::new();
            // "partner added: Austria", "partners added: Austria and Georgia".
            for (id, items) in [("change-items-added", added), ("change-items-removed", removed)] {
                if !items.is_empty() {
                    let name = field_name(field, items.len(), words);
                    let items: Vec<String> = items.iter().map(|i| shown::say(field, i, words)).collect();
                    parts.push(words.text(id, &[("field", name.into()), ("items", quote_list(&items, words).into())]));
                }
            }
            if parts.is_empty() {
                // "tags reordered".
                parts.push(words.text("change-reordered", &[("field", field_name(field, 0, words).into())]));
            }
            FieldChangeText { field: field.name.to_owned(), text: parts.join("; "), added: added.clone(), removed: removed.clone(), ..FieldChangeText::default() }
        }
        FieldChange::Value { from, to } => {
            let (from, to) = (shown::say_value(field, from, words), shown::say_value(field, to, words));
            let (from, to) = shorten_pair(&text_of(&from), &text_of(&to), field.prose, words);
            // "significance changed from 3 to 5". In words, not with an
            // arrow: the report's fonts have no "→".
            let text = words.text(
                "change-value",
                &[("field", field_name(field, 0, words).into()), ("from", from.as_str().into()), ("to", to.as_str().into())],
            );
            FieldChangeText { field: field.name.to_owned(), text, from: Some(from), to: Some(to), ..FieldChangeText::default() }
        }
    }
}

/// The field's name for `n` items ("partner", "partners"; 0 for the field
/// as a whole, "partners"): the catalogue's, chosen by the field's name in
/// the JSON summary.
fn field_name(field: &Shown, n: usize, words: &Catalogue) -> String {
    words.text("change-field", &[("field", field.name.replace(' ', "-").into()), ("count", n.into())])
}

/// The longest value a field change quotes whole; longer ones are cut
/// around what changed.
const QUOTE_CHARS: usize = 60;

fn text_of(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(text) => text.clone(),
        FieldValue::List(items) => items.join(", "),
    }
}

/// "A", "A and B", "A, B and C", each item shortened.
fn quote_list(items: &[String], words: &Catalogue) -> String {
    let items: Vec<String> = items.iter().map(|i| shorten(i, QUOTE_CHARS)).collect();
    words.and_list(&items)
}

/// `text` cut to about `max` characters at a word boundary, with "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}

/// Two versions of a long text, each cut to the part that differs with a
/// few words of context around it: "…signed in Baku…" and "…signed in
/// Astana…". Short texts are kept whole.
fn shorten_pair(old: &str, new: &str, quote: bool, words: &Catalogue) -> (String, String) {
    if old.chars().count() <= QUOTE_CHARS && new.chars().count() <= QUOTE_CHARS {
        return (quoted(old, quote, words), quoted(new, quote, words));
    }
    let (a, b): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    // Context: back to the start of the word three words before the change,
    // and on to the end of the word after it.
    let context = 24;
    let start = word_start(&a, prefix.saturating_sub(context));
    let cut = |chars: &[char]| {
        let end = word_end(chars, (chars.len() - suffix + context).min(chars.len()));
        let window: String = chars[start..end].iter().collect();
        let window = window.trim();
        let mut shown = String::new();
        if start > 0 {
            shown.push('…');
        }
        if window.chars().count() > 2 * QUOTE_CHARS {
            shown.push_str(&shorten(window, 2 * QUOTE_CHARS));
        } else {
            shown.push_str(window);
            if end < chars.len() {
                shown.push('…');
            }
        }
        words.text("change-quoted", &[("text", shown.into())])
    };
    (cut(&a), cut(&b))
}

/// A whole value: free text in quotes, names, dates and numbers as they are.
fn quoted(text: &str, quote: bool, words: &Catalogue) -> String {
    if text.is_empty() {
        words.text("change-none", &[])
    } else if quote {
        words.text("change-quoted", &[("text", text.into())])
    } else {
        text.to_owned()
    }
}

/// The index of the start of the word at `i` (moving left to a space).
fn word_start(chars: &[char], i: usize) -> usize {
    let mut i = i.min(chars.len());
    while i > 0 && !chars[i - 1].is_whitespace() {
        i -= 1;
    }
    i
}

/// The index of the end of the word at `i` (moving right to a space).
fn word_end(chars: &[char], i: usize) -> usize {
    let mut i = i.min(chars.len());
    while i < chars.len() && !chars[i].is_whitespace() {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::event_fields::shown_named;

    fn field(name: &str) -> &'static Shown {
        shown_named(name).unwrap().1
    }

    fn text(s: &str) -> FieldValue {
        FieldValue::Text(s.into())
    }

    #[test]
    fn edits_are_described_field_by_field() {
        let edits = [
            FieldEdit { field: field("date"), change: FieldChange::Value { from: text("December 2024"), to: text("11 December 2024") } },
            FieldEdit { field: field("significance"), change: FieldChange::Value { from: text("3"), to: text("5") } },
            FieldEdit { field: field("partners"), change: FieldChange::Items { added: vec!["Austria".into()], removed: vec![] } },
            FieldEdit {
                field: field("further pillars"),
                change: FieldChange::Items { added: vec!["Energy".into(), "Trade".into()], removed: vec!["Security".into()] },
            },
            FieldEdit { field: field("tags"), change: FieldChange::Items { added: vec![], removed: vec![] } },
            FieldEdit { field: field("title"), change: FieldChange::Value { from: text("A"), to: text("") } },
        ];
        let words = Catalogue::builtin();
        let texts: Vec<String> = edits.iter().map(|e| describe_field(e, &words).text).collect();
        assert_eq!(
            texts,
            [
                "date changed from December 2024 to 11 December 2024",
                "significance changed from 3 to 5",
                "partner added: Austria",
                "further pillars added: Energy and Trade; further pillar removed: Security",
                "tags reordered",
                "title changed from “A” to (none)",
            ]
        );
        assert_eq!(describe_field(&edits[2], &words).added, ["Austria"]);
        // Every character the report adds can be drawn in the PDF.
        for c in texts.concat().chars() {
            assert!(c.is_ascii() || crate::typeset::fonts::covers(c), "U+{:04X} is in none of the fonts", c as u32);
        }
    }

    #[test]
    fn the_brief_counts_or_is_none() {
        let mut c = Changes { added: 1, removed: 1, edited: 1, ..Changes::default() };
        assert_eq!(c.brief().as_deref(), Some("+1 −1 ~1"));
        c = Changes::default();
        assert_eq!(c.brief(), None);
    }

    #[test]
    fn long_texts_are_cut_around_what_changed() {
        let words = Catalogue::builtin();
        let old = "Azerbaijan and Germany signed an agreement on the supply of natural gas in Baku after talks that lasted for several months.";
        let new = old.replace("in Baku", "in Astana");
        let (from, to) = shorten_pair(old, &new, true, &words);
        assert!(from.contains("in Baku") && to.contains("in Astana"), "{from} / {to}");
        assert!(from.starts_with("“…") && from.ends_with("…”"), "{from}");
        assert!(from.chars().count() < 70 && to.chars().count() < 70, "{from} / {to}");
        assert_eq!(shorten_pair("3", "5", false, &words), ("3".to_owned(), "5".to_owned()));
        assert_eq!(shorten_pair("A", "B", true, &words), ("“A”".to_owned(), "“B”".to_owned()));
        // A change at the very start or end keeps that edge unmarked.
        let (from, _) = shorten_pair(old, &format!("{old} More."), true, &words);
        assert!(!from.ends_with("…”"), "{from}");
    }
}
