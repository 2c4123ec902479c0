//! The catalogue of words: every word the tool writes around the data
//! (headings, labels, composed sentences, month names, descriptions for
//! screen readers), from one place.
//!
//! Sentences are Fluent messages in `templates/en-GB.ftl` (and, for the
//! briefings in Azerbaijani and Russian, `az.ftl` and `ru.ftl`: [`Lang`]),
//! compiled in and replaced by a file of the same name in `--templates
//! DIR`, so that a desk corrects a phrase without Rust. Plural forms are
//! Fluent's, from CLDR's rules; numbers, dates, lists and the alphabet's
//! order are CLDR's through ICU4X ([`cldr`]), formatted before they reach
//! a message. A leaf: it imports
//! only [`crate::diag`], and the typesetter, the report and the leaves
//! (`date`, `number`) take their words from it. Diagnostics stay in English
//! and in the code.

pub mod cldr;
mod check;
mod lang;

pub use lang::Lang;

use std::borrow::Cow;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::diag::Diagnostic;

/// The catalogue's file name, in `templates/` and in `--templates DIR`.
pub const FILE: &str = "en-GB.ftl";

/// The built-in catalogue's text.
pub const BUILTIN: &str = include_str!("../../templates/en-GB.ftl");

/// The largest catalogue read: 1 MiB (the built-in one is a few KiB).
pub const MAX_BYTES: u64 = 1 << 20;

/// Why a catalogue could not be had.
#[derive(Debug, thiserror::Error)]
pub enum WordsError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    /// The file is not a catalogue the tool can use; every problem is
    /// listed, with its line and column.
    #[error("the catalogue of words is invalid ({} problems)", .0.len())]
    Invalid(Vec<Diagnostic>),
}

/// A value given to a message: a text, or a number that also chooses the
/// plural form (and is written grouped, "2,500").
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<f64> for Arg<'_> {
    fn from(x: f64) -> Self {
        Arg::Number(x)
    }
}

/// The messages of one catalogue file, checked against the built-in one,
/// and the language they are in.
pub struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    lang: Lang,
    /// Where it came from, for errors: `templates/en-GB.ftl` or the
    /// override's path.
    path: String,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue").field("path", &self.path).finish_non_exhaustive()
    }
}

impl Catalogue {
    /// The built-in English catalogue, made once a process.
    pub fn builtin() -> Arc<Catalogue> {
        Catalogue::builtin_in(Lang::En)
    }

    /// The built-in catalogue of `lang`, made once a process.
    pub fn builtin_in(lang: Lang) -> Arc<Catalogue> {
        static BUILT_IN: [OnceLock<Arc<Catalogue>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        BUILT_IN[index]
            .get_or_init(|| match Catalogue::parse_in(lang, &format!("templates/{}", lang.file()), lang.builtin()) {
                Ok(catalogue) => Arc::new(catalogue),
                // `tests::the_builtin_catalogues_are_valid` keeps this unreached.
                Err(problems) => panic!("the built-in catalogue {} is invalid: {problems:?}", lang.file()),
            })
            .clone()
    }

    /// The English catalogue of a run: [`Catalogue::load_in`].
    pub fn load(dir: Option<&Path>) -> Result<Arc<Catalogue>, WordsError> {
        Catalogue::load_in(dir, Lang::En)
    }

    /// The catalogue of a run in `lang`: `dir`'s file of that language
    /// (`en-GB.ftl`, `az.ftl`, `ru.ftl`) when there is one, the built-in
    /// one otherwise.
    pub fn load_in(dir: Option<&Path>, lang: Lang) -> Result<Arc<Catalogue>, WordsError> {
        let Some(path) = dir.map(|d| d.join(lang.file())).filter(|p| p.exists()) else {
            return Ok(Catalogue::builtin_in(lang));
        };
        let io = |source| WordsError::Io { path: path.display().to_string(), source };
        let bytes = match crate::input::read(&path, MAX_BYTES) {
            Ok(bytes) => bytes,
            Err(crate::input::ReadError::Io(e)) => return Err(io(e)),
            Err(crate::input::ReadError::TooLarge(limit)) => {
                let message = format!("the catalogue is over {} MiB, the limit", limit >> 20);
                return Err(WordsError::Invalid(vec![Diagnostic::error_in(&path.display().to_string(), message)]));
            }
        };
        let text = String::from_utf8(bytes).map_err(|_| {
            WordsError::Invalid(vec![Diagnostic::error_in(&path.display().to_string(), "the catalogue is not valid UTF-8")])
        })?;
        // A byte-order mark, as some Windows editors save UTF-8, is no
        // part of the first message (Fluent's parser refused it).
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let shown = path.display().to_string();
        let catalogue = Catalogue::parse_in(lang, &shown, text).map_err(WordsError::Invalid)?;
        // A desk's file only: the built-in ones are tested never blank,
        // and formatting every message costs a run a millisecond or two.
        let blank = catalogue.blank_messages(&shown, text);
        if !blank.is_empty() {
            return Err(WordsError::Invalid(blank));
        }
        Ok(Arc::new(catalogue))
    }

    /// Parses and checks a catalogue's text; `path` names it in errors.
    ///
    /// Refused, each problem with its line and column: a syntax error; a
    /// message of the built-in catalogue missing; a message using a
    /// variable the tool does not give it (it would print `{$name}`), or a
    /// message or term that does not exist; the characters U+2068 and
    /// U+2069, which the reports must not hold.
    pub fn parse(path: &str, text: &str) -> Result<Catalogue, Vec<Diagnostic>> {
        Catalogue::parse_in(Lang::En, path, text)
    }

    /// [`Catalogue::parse`] for a catalogue in `lang`: its plural rules,
    /// numbers, dates and lists are that language's.
    pub fn parse_in(lang: Lang, path: &str, text: &str) -> Result<Catalogue, Vec<Diagnostic>> {
        // Fluent's parser and formatter recurse once per nested placeable:
        // 5,000 levels overflow the stack (issue 29). Refused before them.
        if let Some(offset) = check::too_deep(text) {
            return Err(vec![Diagnostic::error_at(
                path,
                text,
                offset,
                format!("placeables nested more than {} deep: no message needs so many", check::MAX_DEPTH),
            )]);
        }
        let resource = match FluentResource::try_new(text.to_owned()) {
            Ok(resource) => resource,
            Err((_, errors)) => {
                return Err(errors
                    .into_iter()
                    .map(|e| Diagnostic::error_at(path, text, where_missed(text, e.pos.start), format!("invalid catalogue: {}", e.kind)))
                    .collect())
            }
        };
        let problems = check::check(path, text, &resource);
        if !problems.is_empty() {
            return Err(problems);
        }
        let locale: unic_langid::LanguageIdentifier = cldr::locale(lang).to_string().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // Fluent would wrap every placeable in U+2068 … U+2069 (Unicode
        // isolation marks): the dataset's validator refuses them, and they
        // must never reach the reports.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(match lang {
            Lang::En => |v: &FluentValue<'_>, _: &_| format_number(Lang::En, v),
            Lang::Az => |v: &FluentValue<'_>, _: &_| format_number(Lang::Az, v),
            Lang::Ru => |v: &FluentValue<'_>, _: &_| format_number(Lang::Ru, v),
        }));
        if let Err(errors) = bundle.add_resource(resource) {
            // Ids defined twice: the check above reports them first.
            return Err(errors.iter().map(|e| Diagnostic::error_in(path, format!("invalid catalogue: {e}"))).collect());
        }
        Ok(Catalogue { bundle, lang, path: path.to_owned() })
    }

    /// The messages that can say nothing: formatted with every variable a
    /// number (0, 1, 2, 5, 21: each plural form) or a word, one whose text
    /// is empty or only invisible characters would leave a blank heading,
    /// cell or link in a briefing (red team: `heading = { "" }`).
    fn blank_messages(&self, path: &str, text: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (id, variables) in MESSAGES {
            let tries = [0.0, 1.0, 2.0, 5.0, 21.0]
                .map(|n| variables.iter().map(|v| (*v, Arg::Number(n))).collect::<Vec<_>>())
                .into_iter()
                .chain(std::iter::once(variables.iter().map(|v| (*v, Arg::from("word"))).collect()));
            let says_nothing = tries.into_iter().any(|args| {
                self.try_text(id, &args).is_ok_and(|said| said.chars().all(|c| c.is_whitespace() || crate::diag::spelling::invisible(c)))
            });
            if says_nothing {
                problems.push(check::blank(path, text, id));
            }
        }
        problems
    }

    /// The language of the catalogue.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Where the catalogue came from.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Whether the catalogue has message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Message `id` with `args`, for messages the code names: the catalogue
    /// was checked when read to have them and to use no other variables,
    /// so this does not fail ([`Catalogue::try_text`] says why it would).
    /// Should it all the same, the built-in message is used, never a blank
    /// or the message's id.
    pub fn text(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        match self.try_text(id, args) {
            Ok(text) => text,
            Err(_) if !std::ptr::eq(self, &*Catalogue::builtin_in(self.lang)) => Catalogue::builtin_in(self.lang).text(id, args),
            // Every message the code names is rendered by the tests.
            Err(why) => why,
        }
    }

    /// Message `id` with `args`, or why it cannot be said: no such message,
    /// or a variable it uses is not given.
    pub fn try_text(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Result<String, String> {
        let message = self.bundle.get_message(id).ok_or_else(|| format!("the catalogue has no message `{id}`"))?;
        let pattern = message.value().ok_or_else(|| format!("the catalogue's message `{id}` has no text"))?;
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_ref())),
                Arg::Number(x) => fluent_args.set(*name, FluentValue::from(*x)),
            }
        }
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        match errors.first() {
            None => Ok(text.into_owned()),
            Some(e) => Err(format!("the catalogue's message `{id}` cannot be said: {e}")),
        }
    }

    /// A date at the precision known: "12 February 2026", "February 2026"
    /// or "2026".
    pub fn date(&self, year: i32, month: Option<u32>, day: Option<u32>) -> String {
        let cldr = cldr::of(self.lang);
        match (month, day) {
            (Some(m), Some(d)) => cldr.day(year, m, d),
            (Some(m), None) => cldr.month_year(year, m),
            (None, _) => year.to_string(),
        }
    }

    /// A day of a month, the year left out: "3 July".
    pub fn day_month(&self, month: u32, day: u32) -> String {
        cldr::of(self.lang).day_month(month, day)
    }

    /// The name of month `m` as a span of months writes it: "February".
    pub fn month_name(&self, m: u32) -> &'static str {
        cldr::of(self.lang).month_name(m)
    }

    /// A count, grouped: "12,345" ("12.345" in Azerbaijani).
    pub fn count(&self, n: usize) -> String {
        cldr::of(self.lang).count(n as u64)
    }

    /// A figure: "2,500,000", "1996", "0.25".
    pub fn figure(&self, x: f64) -> String {
        cldr::of(self.lang).figure(x)
    }

    /// A share as a percentage: "28.6%", "28,6%", "28,6 %".
    pub fn percent(&self, share: f64) -> String {
        cldr::of(self.lang).percent(share)
    }

    /// A list joined with "and": "A, B and C".
    pub fn and_list<S: AsRef<str>>(&self, items: &[S]) -> String {
        cldr::of(self.lang).and_list(items)
    }

    /// How `a` and `b` stand in the language's alphabet, for any list a
    /// reader looks names up in: Azerbaijani C < Ç, ı < i; Russian
    /// Cyrillic before Latin. Equal by the alphabet, by their bytes, so
    /// that the order is total and the same on every run.
    pub fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        cldr::of(self.lang).compare(a, b).then_with(|| a.cmp(b))
    }

    /// `text` quoted as the language quotes: “…” or «…».
    pub fn quote(&self, text: &str) -> String {
        let (open, close) = self.lang.quotes();
        format!("{open}{text}{close}")
    }
}

/// Where a syntax error found at `offset` is best shown: Fluent reports a
/// placeable left open (`{ Contents`) where it found the next line; the
/// desk's mistake is at the end of the line before.
fn where_missed(text: &str, offset: usize) -> usize {
    let Some(head) = text.get(..offset) else { return offset };
    let before = head.trim_end().len();
    if head[before..].contains('\n') {
        before
    } else {
        offset
    }
}

/// How a number given to a message is written: grouped as a count
/// ("2,500"), which Fluent's own formatting does not do. Numbers with
/// options set in the message (`NUMBER($x, minimumFractionDigits: 2)`) are
/// left to Fluent.
fn format_number(lang: Lang, value: &FluentValue<'_>) -> Option<String> {
    let cldr = cldr::of(lang);
    match value {
        FluentValue::Number(n) if n.options == Default::default() => {
            if n.value.fract() == 0.0 && n.value.abs() < 1e15 {
                Some(if n.value < 0.0 { format!("-{}", cldr.count(n.value.abs() as u64)) } else { cldr.count(n.value as u64) })
            } else {
                Some(cldr.figure(n.value))
            }
        }
        _ => None,
    }
}

/// The ids of the messages the code names, each with the variables it
/// gives: the built-in catalogue must have them, and no catalogue's
/// message may use another variable.
pub const MESSAGES: &[(&str, &[&str])] = &[
    // Charts, their descriptions, and the page furniture (src/typeset/chart/,
    // src/typeset/flow/pages.rs, src/make.rs).
    ("chart-pie", &[]),
    ("chart-bars", &[]),
    ("chart-timeline", &[]),
    ("chart-titled", &["chart", "title"]),
    ("chart-described", &["chart", "data"]),
    ("chart-pie-slice", &["label", "value", "share"]),
    ("chart-pie-legend", &["label", "value", "share"]),
    ("chart-bar", &["label", "value"]),
    ("chart-timeline-events", &["events", "lanes"]),
    ("chart-timeline-events-dated", &["events", "lanes", "from", "until"]),
    ("chart-timeline-lane", &["lane", "events"]),
    ("chart-timeline-event", &["name", "date"]),
    ("chart-timeline-event-span", &["name", "from", "until"]),
    ("chart-timeline-more", &["count"]),
    ("chart-key-significance", &[]),
    ("chart-key-spans", &[]),
    ("chart-key-bands", &[]),
    ("chart-key-cells", &[]),
    ("timeline-cell", &["count"]),
    ("timeline-dense-alt", &["count", "lanes", "from", "until"]),
    ("timeline-dense", &["total", "undated"]),
    ("chart-key-undated", &[]),
    ("chart-key-planned", &[]),
    ("chart-key-merged", &[]),
    ("chart-axis-month-1", &[]),
    ("chart-axis-month-2", &[]),
    ("chart-axis-month-3", &[]),
    ("chart-axis-month-4", &[]),
    ("chart-axis-month-5", &[]),
    ("chart-axis-month-6", &[]),
    ("chart-axis-month-7", &[]),
    ("chart-axis-month-8", &[]),
    ("chart-axis-month-9", &[]),
    ("chart-axis-month-10", &[]),
    ("chart-axis-month-11", &[]),
    ("chart-axis-month-12", &[]),
    ("page-head", &["title", "period"]),
    ("page-head-section-year", &["section", "year"]),
    ("page-footer", &["page", "pages"]),
    ("link-to-page", &["number"]),
    ("pdf-subject", &["period"]),
    // The summary's sentences (src/summary/wording.rs).
    ("chronology-begun-before", &["year"]),
    ("chronology-month-not-known", &["year"]),
    ("kind-name", &["kind"]),
    ("partner-kind", &["kind"]),
    ("partner-kind-counted", &["kind", "count"]),
    ("region-name", &["region"]),
    // The summary's headings, captions and column headings (templates/*.md.hbs).
    ("heading-executive-summary", &[]),
    ("heading-partners", &[]),
    ("heading-timeline", &[]),
    ("heading-top-highlights", &[]),
    ("heading-highlights", &[]),
    ("heading-related-events", &[]),
    ("heading-chronology", &[]),
    ("heading-sources", &[]),
    ("heading-partner-index", &[]),
    ("heading-about", &[]),
    ("heading-annexes", &[]),
    ("table-events-per-pillar", &[]),
    ("table-events-by-kind", &[]),
    ("table-events-by-kind-and-year", &[]),
    ("column-pillar", &[]),
    ("column-events", &[]),
    ("column-share", &[]),
    ("column-related", &[]),
    ("column-kind", &[]),
    ("column-partner", &[]),
    ("column-pillars", &[]),
    ("column-region", &[]),
    ("column-counterparts", &[]),
    ("column-date", &[]),
    ("column-event", &[]),
    ("row-total", &[]),
    // The change report and the report's helpers (src/report/changes.rs,
    // src/report/helpers.rs, src/report/helpers/words.rs).
    ("changes-heading", &[]),
    ("changes-since", &["date", "added", "removed", "edited"]),
    ("changes-partners-new", &["partners"]),
    ("changes-partners-gone", &["partners"]),
    ("changes-in-pillar", &["pillar"]),
    ("changes-added", &["events"]),
    ("changes-removed", &["events"]),
    ("changes-edited", &[]),
    ("changes-highlights-in", &["events"]),
    ("changes-highlights-out", &["events"]),
    // Issued briefings and drafts (issue 24; src/report/changes.rs,
    // src/typeset/flow/pages.rs, templates/changes.md.hbs).
    ("draft-mark", &[]),
    ("draft-note", &[]),
    ("changes-report-title", &["title", "period"]),
    ("changes-since-issued", &["date", "added", "removed", "edited"]),
    ("changes-since-issued-reference", &["date", "reference", "added", "removed", "edited"]),
    ("changes-different-dataset", &["date", "source"]),
    ("changes-different-dataset-reference", &["date", "reference", "source"]),
    ("change-field", &["field", "count"]),
    ("change-items-added", &["field", "items"]),
    ("change-items-removed", &["field", "items"]),
    ("change-reordered", &["field"]),
    ("change-value", &["field", "from", "to"]),
    ("change-none", &[]),
    ("change-quoted", &["text"]),
    ("date-undated", &["date"]),
    ("date-planned", &["date"]),
    ("count-of", &["count", "one", "other"]),
    ("count-event", &["count"]),
    ("count-file", &["count"]),
    ("count-pillar", &["count"]),
    ("count-partner", &["count"]),
    ("count-distinct-partner", &["count"]),
    ("count-related-event", &["count"]),
    ("count-more-event", &["count"]),
    ("count-most-significant-event", &["count"]),
    ("count-fact", &["count"]),
    ("significance", &["level"]),
    ("count-in-words", &["count"]),
    ("mermaid-events", &["words", "count"]),
    ("mermaid-pie", &["events", "slices"]),
    ("mermaid-pie-slice", &["name", "events", "percent"]),
    ("mermaid-value-axis", &[]),
    ("chart-bar-undated", &["span"]),
    ("mermaid-bars-from", &["first", "last", "bars"]),
    ("mermaid-bars-in", &["first", "bars"]),
    ("mermaid-bars", &["bars"]),
    ("mermaid-bar", &["events", "label"]),
    ("mermaid-bars-all", &["bars"]),
    ("mermaid-bars-some", &["bars"]),
    ("mermaid-bars-none", &[]),
    ("mermaid-bars-named", &["title", "bars"]),
    ("mermaid-bars-some-named", &["bars"]),
    ("mermaid-task", &["title", "state"]),
    ("mermaid-timeline", &["count", "from", "until"]),
    ("mermaid-timeline-lane", &["lane", "events"]),
    ("mermaid-timeline-on", &["title", "date"]),
    ("mermaid-timeline-from", &["title", "from", "until"]),
    ("mermaid-timeline-when", &["title", "when"]),
    ("date-span-days", &["from", "until"]),
    ("date-span-days-of-year", &["from", "until"]),
    ("date-span-months", &["from", "until"]),
    ("date-span-years", &["from", "until"]),
    ("date-span", &["from", "until"]),
    ("contents", &[]),
    ("task-done", &[]),
    ("task-not-done", &[]),
    ("image-without-alt", &["src"]),
    ("link-to-section", &["title"]),
    ("link-to-note", &["number"]),
    ("link-back-to-note", &["number"]),
    ("link-to-uri", &["url"]),
    ("link-to-place", &[]),
    ("link-elsewhere", &[]),
    // The templates' running sentences (templates/*.md.hbs).
    ("logo-of", &["organisation"]),
    ("logo", &[]),
    ("briefing-by-author", &["period", "date", "organisation", "author"]),
    ("briefing-by", &["period", "date", "organisation"]),
    ("briefing-author", &["period", "date", "author"]),
    ("briefing", &["period", "date"]),
    ("briefing-reference", &["reference"]),
    ("summary-counts", &["period", "events", "pillars", "partners", "landmarks", "carried"]),
    ("summary-undated", &["count"]),
    ("summary-planned", &["count"]),
    ("summary-none", &["period"]),
    ("counts-compared", &["period"]),
    ("chart-title-most-significant", &[]),
    ("chart-title-all-events", &[]),
    ("partners-named-by-kind", &["count", "kinds"]),
    ("partners-of-kind", &["count", "name"]),
    ("partners-by-region", &["events", "groups"]),
    ("partners-regions-without", &["regions"]),
    ("partners-named", &["count"]),
    ("partners-none", &[]),
    ("partners-compared", &["period", "new", "absent"]),
    ("partners-compared-new", &["partners"]),
    ("partners-compared-new-none", &[]),
    ("partners-compared-absent", &["partners"]),
    ("partners-compared-absent-none", &[]),
    ("names-and-more", &["names", "more"]),
    ("pillar-partners", &["partners", "more"]),
    ("pillar-partners-regions", &["partners", "more", "regions"]),
    ("row-planned", &[]),
    ("count-planned", &["count", "planned"]),
    ("slice-planned", &["name", "planned"]),
    ("partners-at-each", &["count", "events"]),
    ("partners-at-range", &["count", "least", "most"]),
    ("partners-rest", &["rest"]),
    ("partners-named-by-kind-tied", &["count", "kinds", "rest"]),
    ("partners-named-tied", &["count", "rest"]),
    ("pillar-partners-rest", &["partners", "rest"]),
    ("pillar-partners-rest-regions", &["partners", "rest", "regions"]),
    ("pillar-partners-tied", &["rest"]),
    ("pillar-partners-tied-regions", &["rest", "regions"]),
    ("partner-with-count", &["name", "count"]),
    ("region-with-count", &["name", "count"]),
    ("partner-mentioned", &["name"]),
    ("partner-own", &["name"]),
    ("pillar-none", &["related"]),
    ("column-undated", &["span"]),
    ("pillar-related-some", &["shown", "count"]),
    ("related-event-run", &["title", "date"]),
    ("timeline-some", &["shown", "total", "undated", "planned"]),
    ("timeline-all", &["total", "undated", "planned"]),
    ("chronology-year", &["year"]),
    ("chronology-before", &["year"]),
    ("chronology-undated", &["span"]),
    ("chronology-undated-note", &["span"]),
    ("chronology-none", &[]),
    ("event-planned", &["title"]),
    ("highlight-partners", &["partners"]),
    ("highlight-figures", &["figures"]),
    ("highlight-sources", &["sources"]),
    ("figure-about", &["value"]),
    ("changes-figure-lead", &["figure"]),
    ("index-intro", &["shown"]),
    ("index-more", &["count"]),
    ("source", &["source", "addresses", "events"]),
    ("source-published", &["source", "date", "addresses", "events"]),
    ("about-compiled", &["events", "pillars", "in_period", "from", "until"]),
    ("about-highlights", &[]),
    ("heading-key-judgements", &[]),
    ("judgement-confidence", &["confidence"]),
    ("judgement-evidence", &["count", "evidence"]),
    ("judgement-outside-period", &[]),
    ("about-likelihood", &["scale"]),
    ("likelihood-range", &["likelihood", "from", "to"]),
    ("key-figures", &[]),
    ("figure-pillar-events", &["pillar", "count", "total", "percent", "planned"]),
    ("figure-pillar-landmarks", &["pillar", "count", "all"]),
    ("partners-not-counted", &["named", "own", "mentioned", "count"]),
    ("figure-pillar-all", &["pillars"]),
    ("figure-pillar-each", &["pillar", "count", "planned"]),
    ("figure-year-began", &["year", "count", "dated"]),
    ("changes-judgement-edited", &["judgement"]),
    ("changes-judgement-review", &["judgement", "event", "fields", "count"]),
    ("changes-judgement-reviewed", &["judgement", "event"]),
    // Sources (issue 25): the first page's provenance sentence and the
    // Sources section's registry entries.
    ("provenance-one", &["events", "source", "graded", "grade", "notes", "note"]),
    ("provenance-many", &["events", "sources", "single", "graded", "grades", "ungraded", "notes", "note"]),
    ("provenance-note", &["source", "note"]),
    ("source-registry", &["kind", "grade"]),
    ("event-title-attributed", &["title", "attribution"]),
    ("event-title-figure", &["title", "figure"]),
    ("event-title-attributed-figure", &["title", "attribution", "figure"]),
    ("event-figure", &["label", "value"]),
    ("event-figure-unit", &["label", "value", "unit"]),
    // What to watch (issue 25, item 3).
    ("watch-heading", &["date"]),
    // The judge helper (issue 25): the single-source mark and the
    // Admiralty scale's published wording.
    ("judgement-single-source", &["source"]),
    ("about-single-source", &[]),
    ("citation-credibility", &["credibility"]),
    ("source-credibility", &["grades"]),
    ("source-credibility-grade", &["grade", "events"]),
    ("about-admiralty", &[]),
    ("changes-judgement-added", &["judgement"]),
    ("changes-judgement-removed", &["judgement"]),
    // The maps (geo, issue 26: src/typeset/chart/map/, src/summary/maps.rs).
    ("map-title-partners", &[]),
    ("map-title-routes", &[]),
    ("map-inset", &[]),
    ("map-legend-partners", &[]),
    ("map-class", &["from", "to"]),
    ("map-class-one", &["count"]),
    ("map-class-none", &[]),
    ("map-others", &[]),
    ("map-other", &["name", "count"]),
    ("map-others-more", &["count"]),
    ("map-source", &[]),
    ("map-route", &["name", "kind"]),
    ("map-kind-rail", &[]),
    ("map-kind-pipeline", &[]),
    ("map-kind-sea", &[]),
    ("map-kind-road", &[]),
    ("map-kind-multimodal", &[]),
    ("map-kind-other", &[]),
    ("map-scale", &["km"]),
    ("map-alt-partners", &["countries", "subject", "regions"]),
    ("map-alt-region", &["region", "countries"]),
    ("map-alt-country", &["name", "count"]),
    ("map-alt-routes", &["count", "routes"]),
    ("map-alt-route", &["name", "kind", "places"]),
    ("map-alt-others", &["others"]),
    ("map-table-partners", &[]),
    ("map-table-routes", &[]),
    ("map-column-country", &[]),
    ("map-column-route", &[]),
    ("map-column-places", &[]),
    ("map-route-places", &["name", "kind", "places"]),
    ("subject-country", &[]),
    // The pillar sections' entries and the overview's tables (pages4,
    // issue 27, item 2).
    ("heading-other-events", &[]),
    ("event-also", &["pillars"]),
    ("table-events-by-year-and-kind", &[]),
    ("map-see-index", &[]),
    ("pillar-rest-some", &["shown", "count"]),
];

#[cfg(test)]
mod tests;
