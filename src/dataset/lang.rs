//! Data text in several languages (issue 28, item 5): the languages a text
//! field may be given in, which language a load resolves to, and what fell
//! back to the dataset's own language.
//!
//! A text field is a plain string, in the dataset's language (`[report]
//! language`, default `en`), or a table of languages (`title.en = "…"`,
//! `title.ru = "…"`; docs/dataset.md, "Text in several languages"). The
//! files are read for one language ([`Languages`]): each field becomes the
//! text of the asked language, or of the dataset's where it has none, and
//! [`Fallbacks`] records each fallback, counted per kind of field for one
//! warning each and by its text for the report, which marks it with its
//! language (`src/report/lang_span.rs`).

use std::collections::BTreeMap;

use crate::diag::Diagnostic;

/// The languages a data text may be given in: the briefing's languages.
pub const LANGUAGES: &[&str] = &["en", "az", "ru"];

/// The language a dataset is in when `[report]` names none.
pub const DEFAULT: &str = "en";

/// A language's name in the diagnostics' English.
pub fn english_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "az" => "Azerbaijani",
        "ru" => "Russian",
        other => other,
    }
}

/// Which language the files are read for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Languages {
    /// The dataset's own language (`[report] language`): what a plain
    /// string is in, and what every language table must hold.
    pub dataset: String,
    /// The language each text resolves to where it is given.
    pub asked: String,
}

impl Languages {
    /// Reading the dataset in its own language.
    pub fn own(dataset: &str) -> Self {
        Languages { dataset: dataset.to_owned(), asked: dataset.to_owned() }
    }
}

/// The kinds of text field that may be given per language, each counted
/// apart in the fallback warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TextKind {
    ReportTitle,
    ReportSubtitle,
    PillarName,
    PillarShort,
    PillarSummary,
    EventTitle,
    EventAttribution,
    EventSummary,
    FigureLabel,
    FigureUnit,
    PartnerName,
    SourceName,
    SourceNote,
    JudgementText,
    PlaceName,
    RouteName,
}

impl TextKind {
    /// What a count of them is called in a warning: "event titles".
    pub fn plural(self) -> &'static str {
        match self {
            TextKind::ReportTitle => "report titles",
            TextKind::ReportSubtitle => "report subtitles",
            TextKind::PillarName => "pillar names",
            TextKind::PillarShort => "pillar short names",
            TextKind::PillarSummary => "pillar summaries",
            TextKind::EventTitle => "event titles",
            TextKind::EventAttribution => "event attributions",
            TextKind::EventSummary => "event summaries",
            TextKind::FigureLabel => "figure labels",
            TextKind::FigureUnit => "figure units",
            TextKind::PartnerName => "partner names",
            TextKind::SourceName => "source names",
            TextKind::SourceNote => "source notes",
            TextKind::JudgementText => "judgement texts",
            TextKind::PlaceName => "place names",
            TextKind::RouteName => "route names",
        }
    }
}

/// The texts of a load that fell back to the dataset's language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fallbacks {
    /// The language asked for; empty until a load sets it.
    pub asked: String,
    /// The dataset's own language.
    pub dataset: String,
    /// Per kind of field: how many texts were read, and how many of them
    /// had none in the asked language.
    pub counts: BTreeMap<TextKind, (usize, usize)>,
    /// Each text that fell back, and the language it is in.
    pub texts: BTreeMap<String, String>,
}

impl Fallbacks {
    /// Counts one text read of `kind`; `fell_back` when it is in `lang`,
    /// not the asked language.
    pub(crate) fn record(&mut self, kind: TextKind, text: &str, fell_back: Option<&str>) {
        let count = self.counts.entry(kind).or_default();
        count.0 += 1;
        if let Some(lang) = fell_back {
            count.1 += 1;
            if !self.texts.contains_key(text) {
                self.texts.insert(text.to_owned(), lang.to_owned());
            }
        }
    }

    /// Adds another file's counts and texts.
    pub(crate) fn merge(&mut self, other: Fallbacks) {
        for (kind, (read, fell)) in other.counts {
            let count = self.counts.entry(kind).or_default();
            count.0 += read;
            count.1 += fell;
        }
        for (text, lang) in other.texts {
            self.texts.entry(text).or_insert(lang);
        }
    }

    /// The language of `text` when it is a fallback: the report marks it.
    pub fn language_of(&self, text: &str) -> Option<&str> {
        self.texts.get(text).map(String::as_str)
    }

    /// Whether any text fell back.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// One warning per kind of field with fallbacks, naming the dataset
    /// (`root`): "12 of 30 event titles have no Russian text".
    pub fn warnings(&self, root: &str) -> Vec<Diagnostic> {
        self.counts
            .iter()
            .filter(|(_, (_, fell))| *fell > 0)
            .map(|(kind, (read, fell))| {
                let (have, shown) = if *fell == 1 { ("has", "it is") } else { ("have", "they are") };
                let what = if *read == 1 { kind.plural().trim_end_matches('s').replace("summarie", "summary") } else { kind.plural().to_owned() };
                Diagnostic::error_in(
                    root,
                    format!(
                        "{fell} of {read} {what} {have} no {} text: {shown} shown in {}",
                        english_name(&self.asked),
                        english_name(&self.dataset)
                    ),
                )
                .with_help(format!("give them as `key.{} = \"…\"` beside the {} text", self.asked, english_name(&self.dataset)))
                .warning()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_warning_per_kind_counts_what_fell_back() {
        let mut fallbacks = Fallbacks { asked: "ru".into(), dataset: "en".into(), ..Fallbacks::default() };
        fallbacks.record(TextKind::EventTitle, "A", Some("en"));
        fallbacks.record(TextKind::EventTitle, "Б", None);
        fallbacks.record(TextKind::EventTitle, "C", Some("en"));
        fallbacks.record(TextKind::PillarName, "П", None);
        let warnings = fallbacks.warnings("data");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(!warnings[0].is_error());
        assert_eq!(warnings[0].message, "2 of 3 event titles have no Russian text: they are shown in English");
        assert_eq!(fallbacks.language_of("A"), Some("en"));
        assert_eq!(fallbacks.language_of("Б"), None);
    }

    #[test]
    fn one_text_of_one_reads_in_the_singular() {
        let mut fallbacks = Fallbacks { asked: "az".into(), dataset: "en".into(), ..Fallbacks::default() };
        fallbacks.record(TextKind::PillarSummary, "S", Some("en"));
        assert_eq!(fallbacks.warnings("d")[0].message, "1 of 1 pillar summary has no Azerbaijani text: it is shown in English");
    }
}
