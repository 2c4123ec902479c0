//! The analyst's judgements (issue 25): `[[judgement]]` tables, each a
//! paragraph with its likelihood on the estimative scale of ICD 203, the
//! analyst's confidence, and the events it rests on. A judgement is the
//! analyst's, never the tool's: the tool only checks it and shows it.
//!
//! One file's tables are read in [`super::fields`]; the rules that need the
//! whole dataset (evidence that exists, ids unique across files, pillars
//! that exist) run here, from [`super::validate`].

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

use crate::diag::{shorten, suggest, Diagnostic, Place};

use super::load::DataFile;

/// One `[[judgement]]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    /// Its id when given; else it is named by its place.
    pub id: Option<String>,
    /// One paragraph of inline Markdown (emphasis, links, code), the
    /// likelihood word inside it as the analyst wrote it; its block
    /// constructs are refused ([`block_construct`]).
    pub text: String,
    pub likelihood: Likelihood,
    pub confidence: Confidence,
    /// Event ids, at least one, each an event of the dataset.
    pub evidence: Vec<String>,
    pub pillar: Option<Arc<str>>,
    /// The day the analyst last reviewed it against its evidence.
    pub reviewed: Option<NaiveDate>,
    /// The file it came from, as displayed in diagnostics.
    pub file: Arc<str>,
    /// Where its `[[judgement]]` table starts.
    pub place: Place,
}

impl Judgement {
    /// How messages name it: its id, else its place.
    pub fn name(&self) -> String {
        match &self.id {
            Some(id) => id.clone(),
            None => format!("{}:{}:{}", self.file, self.place.line, self.place.col),
        }
    }
}

/// One `[[judgement]]` as checked in its file, with the places the
/// dataset-wide rules point at. Its id, evidence and pillar are kept also
/// when another key is wrong, so that every mistake is found in one run.
#[derive(Clone, Debug, Default)]
pub struct JudgementDef {
    /// The judgement, when every key of it is right.
    pub judgement: Option<Judgement>,
    pub id: Option<(String, Place)>,
    pub evidence: Vec<(String, Place)>,
    pub pillar: Option<(String, Place)>,
}

/// A closed list of words ([`super::model::names`]) with the range each
/// stands for.
macro_rules! scale {
    ($(#[$doc:meta])* $type:ident { $($variant:ident => $name:literal, $range:literal;)* }) => {
        super::model::names! { $(#[$doc])* $type { $($variant => $name;)* } }

        impl $type {
            /// What each word means, in the order of `NAMES`.
            pub const RANGES: &'static [&'static str] = &[$($range,)*];

            /// What it means in percent, from and to; `(0, 0)` for a
            /// word that is not a probability.
            pub fn range(self) -> (u8, u8) {
                let text = Self::RANGES[self as usize].trim_end_matches('%');
                let mut ends = text.split('-').map(|n| n.parse().unwrap_or(0));
                (ends.next().unwrap_or(0), ends.next().unwrap_or(0))
            }
        }
    };
}

scale! {
    /// The estimative words of ICD 203 (US Intelligence Community
    /// Directive 203, "Analytic Standards"), each with the range of
    /// probability it stands for.
    Likelihood {
        AlmostNoChance => "almost no chance", "1-5%";
        VeryUnlikely => "very unlikely", "5-20%";
        Unlikely => "unlikely", "20-45%";
        RoughlyEven => "roughly even chance", "45-55%";
        Likely => "likely", "55-80%";
        VeryLikely => "very likely", "80-95%";
        AlmostCertain => "almost certain", "95-99%";
    }
}

scale! {
    /// The analyst's confidence in a judgement: how sound its evidence and
    /// reasoning are, said apart from its likelihood.
    Confidence {
        Low => "low", "";
        Moderate => "moderate", "";
        High => "high", "";
    }
}

/// How a judgement's text is read: GitHub-flavoured Markdown, as the
/// typesetter reads the briefing, so that what is refused here is what
/// would be a block there.
pub const MARKDOWN: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_GFM);

/// The first thing in `text` that is not one paragraph of inline
/// Markdown: its byte offset in `text` and what it is ("a heading"), or
/// `None` when the text is one paragraph of text, emphasis, strong or
/// struck text, code spans and links (`http`, `https`, `mailto` or `#`).
/// Raw HTML, images and footnotes are refused with the blocks: the
/// briefing draws none of them inside a judgement.
pub fn block_construct(text: &str) -> Option<(usize, String)> {
    let mut events = Parser::new_ext(text, MARKDOWN).into_offset_iter();
    let mut paragraphs = 0;
    for (event, range) in events.by_ref() {
        let what = match event {
            Event::Start(Tag::Paragraph) => {
                paragraphs += 1;
                if paragraphs == 1 {
                    continue;
                }
                // Point at the blank line, not at the paragraph after it.
                let end = text[..range.start].trim_end().len();
                let blank = text[end..].find('\n').map_or(range.start, |n| end + n + 1);
                return Some((blank.min(range.start), "a blank line (a second paragraph)".to_owned()));
            }
            Event::Start(Tag::Link { link_type, dest_url, .. }) => match link_type {
                LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut => "a reference link: write the address in the link, `[text](https://...)`".to_owned(),
                LinkType::Email => continue,
                _ if ["http://", "https://", "mailto:", "#"].iter().any(|p| dest_url.starts_with(p)) => continue,
                _ => format!("a link to `{}`: only http, https, mailto and `#` links", crate::diag::shorten(&dest_url)),
            },
            Event::Start(Tag::Heading { .. }) => "a heading".to_owned(),
            Event::Start(Tag::List(_) | Tag::Item) | Event::TaskListMarker(_) => "a list".to_owned(),
            Event::Start(Tag::Table(_)) => "a table".to_owned(),
            Event::Start(Tag::BlockQuote(_)) => "a block quote".to_owned(),
            Event::Start(Tag::CodeBlock(_)) => "a code block".to_owned(),
            Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::InlineHtml(_) => "raw HTML".to_owned(),
            Event::Rule => "a thematic break".to_owned(),
            Event::Start(Tag::Image { .. }) => "an image".to_owned(),
            Event::Start(Tag::FootnoteDefinition(_)) | Event::FootnoteReference(_) => "a footnote".to_owned(),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
            | Event::End(_)
            | Event::Text(_)
            | Event::Code(_)
            | Event::SoftBreak
            | Event::HardBreak => continue,
            _ => "a construct other than inline text, emphasis, code and links".to_owned(),
        };
        return Some((range.start, what));
    }
    if let Some((_, definition)) = events.reference_definitions().iter().next() {
        return Some((definition.span.start, "a link reference definition".to_owned()));
    }
    None
}

/// The rules that need the whole dataset: unique ids, evidence that names
/// events, pillars that exist. `event_ids` are every well-formed event id
/// with its file; `pillars` the pillar ids (empty when the pillars are
/// broken, which is reported elsewhere).
pub fn check(
    files: &[DataFile],
    defs: Vec<(usize, JudgementDef)>,
    event_ids: &HashMap<String, (usize, Place)>,
    pillars: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Judgement> {
    let mut ids: HashMap<String, (usize, Place)> = HashMap::new();
    let mut known: Vec<&str> = Vec::new();
    let mut out = Vec::with_capacity(defs.len());
    for (index, def) in defs {
        let path = &files[index].path;
        let mut ok = true;
        if let Some((id, place)) = &def.id {
            match ids.get(id) {
                Some((first_file, first)) => {
                    diagnostics.push(
                        Diagnostic::error_at_place(
                            path,
                            *place,
                            format!("duplicate judgement id `{}`: ids must be unique across all files", shorten(id)),
                        )
                        .with_help(format!(
                            "`{}` is first defined at {}:{}:{}",
                            shorten(id),
                            files[*first_file].path,
                            first.line,
                            first.col
                        )),
                    );
                    ok = false;
                }
                None => {
                    ids.insert(id.clone(), (index, *place));
                }
            }
        }
        for (id, place) in &def.evidence {
            if event_ids.contains_key(id) {
                continue;
            }
            if known.is_empty() {
                known = event_ids.keys().map(String::as_str).collect();
                known.sort_unstable();
            }
            diagnostics.push(
                Diagnostic::error_at_place(
                    path,
                    *place,
                    format!("unknown evidence `{}`: expected the id of an `[[event]]`", shorten(id)),
                )
                .with_help(suggest(id, &known, "the events are")),
            );
            ok = false;
        }
        if let Some((pillar, place)) = &def.pillar {
            if !pillars.is_empty() && !pillars.contains(&pillar.as_str()) {
                diagnostics.push(
                    Diagnostic::error_at_place(
                        path,
                        *place,
                        format!("unknown pillar `{}`: expected the id of a `[[pillar]]`", shorten(pillar)),
                    )
                    .with_help(suggest(pillar, pillars, "the pillars are")),
                );
                ok = false;
            }
        }
        if let (true, Some(judgement)) = (ok, def.judgement) {
            out.push(judgement);
        }
    }
    out
}

/// Warnings for the judgements whose evidence lies wholly outside the
/// period `first..=last` (named `period` in the message): shown with that
/// said, and the run says so.
pub fn outside_period(dataset: &super::Dataset, first: NaiveDate, last: NaiveDate, period: &str) -> Vec<Diagnostic> {
    let events: HashMap<&str, &super::Event> = dataset.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let inside = |e: &&super::Event| e.first_day() <= last && e.last_day() >= first;
    dataset
        .judgements
        .iter()
        .filter(|j| !j.evidence.iter().filter_map(|id| events.get(id.as_str())).any(inside))
        .map(|j| {
            Diagnostic::error_at_place(
                &j.file,
                j.place,
                format!("the evidence of judgement `{}` lies wholly outside the period {period}: it is shown with that said", j.name()),
            )
            .warning()
            .with_help("cite events of the period, or choose a period that holds its evidence")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scales_round_trip_through_their_words() {
        for &l in Likelihood::ALL {
            assert_eq!(Likelihood::parse(l.as_str()), Some(l));
        }
        for &c in Confidence::ALL {
            assert_eq!(Confidence::parse(c.as_str()), Some(c));
        }
        assert_eq!(Likelihood::NAMES.len(), 7);
        assert_eq!(Likelihood::RANGES[3], "45-55%");
        assert_eq!(Likelihood::AlmostCertain.range(), (95, 99));
        assert_eq!(Confidence::High.range(), (0, 0));
        assert_eq!(Likelihood::parse("Likely"), None);
    }

    #[test]
    fn a_judgement_is_one_paragraph_of_inline_markdown() {
        for fine in [
            "COP29 will *very likely* be cited, per [the UN](https://unfccc.int) and `NCQG`.",
            "Two lines\nof one ~~paragraph~~ with **strong** words and [a section](#energy).",
            "A literal 5 * 3, a lone [bracket and an undefined note[^1].",
            "Write to <desk@example.org>.",
        ] {
            assert_eq!(block_construct(fine), None, "{fine}");
        }
        let refused = |text: &str| block_construct(text).map(|(at, what)| (at, what.split(':').next().unwrap_or("").to_owned()));
        let cases: &[(&str, usize, &str)] = &[
            ("# Heading", 0, "a heading"),
            ("First.\n\nSecond.", 7, "a blank line (a second paragraph)"),
            ("Text\n- item", 5, "a list"),
            ("1. first", 0, "a list"),
            ("| a | b |\n| - | - |", 0, "a table"),
            ("> quoted", 0, "a block quote"),
            ("Text <b>bold</b>", 5, "raw HTML"),
            ("<div>x</div>", 0, "raw HTML"),
            ("Text\n\n---", 6, "a thematic break"),
            ("An ![image](x.png)", 3, "an image"),
            ("A [link](javascript:alert(1))", 2, "a link to `javascript"),
            ("[ref]: https://example.org", 0, "a link reference definition"),
            ("See [x][ref]\n\n[ref]: https://example.org", 4, "a reference link"),
        ];
        for &(text, at, what) in cases {
            assert_eq!(refused(text), Some((at, what.to_owned())), "{text:?}");
        }
    }
}
