//! One data file checked on its own: its spanned TOML tree
//! (`toml::de::DeTable`) walked key by key by hand rather than through
//! serde derive, so that every problem in the file is found in one pass and
//! each keeps its place; each value read as its field.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;
use toml::de::{DeArray, DeTable, DeValue};
use toml::Spanned;

use crate::date::PartialDate;
use crate::diag::{did_you_mean, shorten, suggest, Diagnostic, LineIndex, Place};

use super::event_fields::{event_keys, EVENT_FIELDS};
use super::load::SourceFile;
use super::model::{Event, Figure, Kind, Partner, PartnerKind, Pillar, Region, ReportMeta, Source, Status};
use super::partners::PartnerDef;

/// Keys allowed at the top of a file.
const TOP_KEYS: &[&str] = &["schema", "report", "pillar", "event", "partner"];
const REPORT_KEYS: &[&str] = &["title", "subtitle", "author", "organisation", "language", "logo", "distribution", "reference"];
const PILLAR_KEYS: &[&str] = &["id", "name", "short", "summary", "order"];

/// The longest short name of a pillar: it stands in a narrow table column
/// beside a colour chip (issue 9).
pub const MAX_SHORT: usize = 20;
const PARTNER_KEYS: &[&str] = &["id", "name", "aliases", "kind", "region", "iso", "members"];
const FIGURE_KEYS: &[&str] = &["label", "value", "unit", "approx"];
const SOURCE_KEYS: &[&str] = &["name", "url", "published", "note"];

/// The schema version this build reads.
pub const SCHEMA: i64 = 1;

/// The longest one-line string (titles, names, partners), in characters.
pub const MAX_LINE: usize = 1_000;
/// The longest free text (summaries), in characters.
pub const MAX_TEXT: usize = 20_000;
/// Checks one file's text on its own.
pub fn check_file(file: &SourceFile) -> FileDefs {
    let mut defs = FileDefs::default();
    let mut checker = FileChecker {
        file,
        lines: LineIndex::new(&file.text),
        pillar_ids: HashMap::new(),
        path: Arc::from(file.path.as_str()),
        diagnostics: Vec::new(),
        omitted: 0,
        spare: Diagnostic::error_in("", ""),
    };
    checker.check(&mut defs);
    defs.diagnostics = checker.diagnostics;
    if checker.omitted > 0 {
        defs.diagnostics.push(Diagnostic::more(&file.path, checker.omitted));
    }
    defs
}

/// An event being read: the event, its keys at their defaults until read,
/// and what the rules joining its keys need.
#[derive(Default)]
pub(super) struct Draft {
    pub(super) event: Event,
    /// `date` as written, set on the event with `until`.
    pub(super) when: Option<When>,
    /// Where each entry of `also` and of `partners` is.
    pub(super) also_spans: Vec<Range<usize>>,
    pub(super) partner_spans: Vec<Range<usize>>,
}

/// An event's `date` as written.
pub(super) enum When {
    On(PartialDate),
    /// `"FROM..TO"`: undated within the span.
    Within(PartialDate, PartialDate),
}

/// A reference to a pillar, checked once every pillar is known.
pub(super) struct PillarRef {
    pub(super) id: Arc<str>,
    pub(super) place: Place,
    /// The event's primary pillar, for `also` entries.
    pub(super) primary: Option<Arc<str>>,
}

/// What one file defines, before the rules that span files.
#[derive(Default)]
pub struct FileDefs {
    /// With the place of the `[report]` table.
    pub(super) report: Option<(ReportMeta, Place)>,
    /// Complete definitions.
    pub(super) pillars: Vec<Pillar>,
    pub(super) events: Vec<Event>,
    /// Every well-formed id, also of definitions with other problems, for
    /// the uniqueness check.
    pub(super) pillar_ids: Vec<(String, Place)>,
    pub(super) event_ids: Vec<(String, Place)>,
    pub(super) pillar_refs: Vec<PillarRef>,
    /// `[[partner]]` tables, members as written.
    pub(super) partners: Vec<PartnerDef>,
    /// The place of every entry of every complete event's `partners`, in
    /// order, for the registry's check.
    pub(super) partner_places: Vec<Place>,
    pub(super) pillars_declared: bool,
    pub(super) events_declared: bool,
    /// `[[event]]` tables, valid or not: what the event limit counts, so
    /// that bare headers count too.
    pub(super) event_tables: usize,
    pub(super) syntax_error: bool,
    /// Every problem found in the file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Walks one file's tree, adding what it defines to [`Merged`] and every
/// problem to `diagnostics`.
pub(super) struct FileChecker<'a> {
    file: &'a SourceFile,
    lines: LineIndex,
    /// Pillar ids seen in this file, shared by its events.
    pillar_ids: HashMap<String, Arc<str>>,
    /// Shared by the file's events.
    path: Arc<str>,
    /// At most [`crate::diag::LISTED_PER_FILE`]; the rest are counted in
    /// `omitted`, so that a file of a million bare `[[event]]` headers
    /// costs no memory for its millions of problems (issue 10, class 8).
    diagnostics: Vec<Diagnostic>,
    omitted: usize,
    /// What [`FileChecker::error`] hands back for a problem not kept.
    spare: Diagnostic,
}

type Value<'i> = Spanned<DeValue<'i>>;

/// A value of a data file with its span, as [`EVENT_FIELDS`] reads it.
pub(super) type Toml<'i> = Value<'i>;

impl FileChecker<'_> {
    fn check(&mut self, merged: &mut FileDefs) {
        let text = self.file.text.as_str();
        let (root, errors) = DeTable::parse_recoverable(text);
        if !errors.is_empty() {
            // The recovered tree of a file with syntax errors would give
            // follow-on errors that mislead; report the syntax first.
            // Errors inside a table that is defined a second time follow
            // from that one mistake: say it once, with the first place.
            let mut skip_until = 0;
            for e in errors {
                let offset = e.span().map_or(0, |s| s.start);
                if offset < skip_until {
                    continue;
                }
                let mut message = syntax_message(e.message());
                if let Some((name, first, end)) = duplicate_table(text, offset) {
                    message = format!("`[{name}]` is defined twice in this file; the first is at line {first}");
                    skip_until = end;
                }
                let place = self.lines.place(text, offset);
                self.diagnostics.push(Diagnostic::error_at_place(&self.file.path, place, message));
            }
            merged.syntax_error = true;
            return;
        }
        let root = root.into_inner();
        for (key, value) in root.iter() {
            match key.get_ref().as_ref() {
                "schema" => self.schema(value),
                "report" => self.report(value, merged),
                "pillar" => {
                    merged.pillars_declared = true;
                    for table in self.array_of_tables(value, "pillar") {
                        self.pillar(table, merged);
                    }
                }
                "event" => {
                    merged.events_declared = true;
                    for table in self.array_of_tables(value, "event") {
                        merged.event_tables += 1;
                        self.event(table, merged);
                    }
                }
                "partner" => {
                    for table in self.array_of_tables(value, "partner") {
                        self.partner(table, merged);
                    }
                }
                other => self.unknown_key(key, other, TOP_KEYS, "at the top of a data file"),
            }
        }
    }

    fn place(&self, span: &Range<usize>) -> Place {
        self.lines.place(&self.file.text, span.start)
    }

    fn error(&mut self, span: &Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        let index = self.diagnostics.len();
        if index >= crate::diag::LISTED_PER_FILE {
            self.omitted += 1;
            return &mut self.spare;
        }
        let place = self.place(span);
        self.diagnostics.push(Diagnostic::error_at_place(&self.file.path, place, message));
        &mut self.diagnostics[index]
    }

    fn unknown_key(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        name: &str,
        allowed: &[&str],
        place: &str,
    ) {
        let help = suggest(name, allowed, "the keys allowed here are");
        self.error(&key.span(), format!("unknown key `{}` {place}", shorten(name)))
            .help = Some(help);
    }

    fn type_error(&mut self, value: &Value<'_>, key: &str, expected: &str) {
        let found = value.get_ref().type_str();
        self.error(
            &value.span(),
            format!("`{key}` must be {expected}, found {}", article(found)),
        );
    }

    fn schema(&mut self, value: &Value<'_>) {
        match integer(value.get_ref()) {
            Some(SCHEMA) => {}
            Some(n) if n > SCHEMA => {
                self.error(
                    &value.span(),
                    format!("schema {n} is newer than this azint-report reads (schema {SCHEMA})"),
                )
                .help = Some("upgrade azint-report, or write the file for schema 1".to_owned());
            }
            Some(n) => {
                self.error(
                    &value.span(),
                    format!("unknown schema {n}: expected `schema = {SCHEMA}`"),
                );
            }
            None => self.type_error(value, "schema", "the integer 1"),
        }
    }

    /// The elements of a `[[name]]` array, reporting anything else.
    fn array_of_tables<'v, 'i>(
        &mut self,
        value: &'v Value<'i>,
        name: &str,
    ) -> Vec<(&'v DeTable<'i>, Range<usize>)> {
        match value.get_ref() {
            DeValue::Array(items) => self.tables_in(items, name, "a table"),
            _ => {
                self.error(
                    &value.span(),
                    format!("`{name}` must be an array of tables, written `[[{name}]]`"),
                );
                Vec::new()
            }
        }
    }

    fn report(&mut self, value: &Value<'_>, merged: &mut FileDefs) {
        let DeValue::Table(table) = value.get_ref() else {
            return self.type_error(value, "report", "a table, written `[report]`");
        };
        let span = value.span();
        let mut report = ReportMeta::default();
        for (key, v) in table.iter() {
            let name = key.get_ref().as_ref();
            let slot = match name {
                "title" => Some(&mut report.title),
                "language" => Some(&mut report.language),
                _ => None,
            };
            match (name, slot) {
                (_, Some(slot)) => {
                    if let Some(s) = self.line(v, name) {
                        *slot = s;
                    }
                }
                ("subtitle", _) => report.subtitle = self.line(v, name),
                ("author", _) => report.author = self.line(v, name),
                ("organisation", _) => report.organisation = self.line(v, name),
                ("distribution", _) => report.distribution = self.line(v, name),
                ("reference", _) => report.reference = self.line(v, name),
                ("logo", _) => report.logo = self.line(v, name).filter(|path| {
                    let lower = path.to_lowercase();
                    let image = [".png", ".jpg", ".jpeg"].iter().any(|e| lower.ends_with(e));
                    let plain = !path.contains("://") && !path.contains(['<', '>']) && !path.is_empty();
                    if !(image && plain) {
                        self.error(
                            &v.span(),
                            format!("`logo` is `{path}`: expected the path of a PNG or JPEG file, relative to the data folder"),
                        );
                    }
                    image && plain
                }),
                _ => self.unknown_key(key, name, REPORT_KEYS, "in `[report]`"),
            }
        }
        merged.report = Some((report, self.place(&span)));
    }

    fn pillar(&mut self, (table, span): (&DeTable<'_>, Range<usize>), merged: &mut FileDefs) {
        let mut fields = Fields::new(self, table, &span, PILLAR_KEYS, "in `[[pillar]]`");
        let id = fields.required("id", |c, v| c.id(v, "id"));
        let name = fields.required("name", |c, v| c.line(v, "name"));
        let short = fields.optional("short", |c, v| {
            let s = c.line(v, "short")?;
            if s.chars().count() > MAX_SHORT {
                let d = c.error(&v.span(), format!("`short` is longer than {MAX_SHORT} characters: it names the pillar in a narrow column"));
                d.help = Some("use a word or two, such as `Energy`".to_owned());
                return None;
            }
            Some(s)
        });
        let summary = fields.optional("summary", |c, v| c.text(v, "summary"));
        let order = fields.optional("order", |c, v| match integer(v.get_ref()) {
            Some(n) => Some(n),
            None => {
                c.type_error(v, "order", "an integer");
                None
            }
        });
        if let Some((id, span)) = &id {
            merged.pillar_ids.push((id.clone(), self.place(span)));
        }
        let (Some((id, _)), Some((name, _))) = (id, name) else {
            return;
        };
        merged.pillars.push(Pillar {
            id,
            name,
            short: short.map(|s| s.0),
            summary: summary.map(|s| s.0),
            order: order.map(|o| o.0),
            file: self.file.path.clone(),
        });
    }

    /// One `[[event]]`: each key read as [`EVENT_FIELDS`] says, then the
    /// rules that join keys (`date` with `until`, pillars, partners).
    fn event(&mut self, (table, span): (&DeTable<'_>, Range<usize>), merged: &mut FileDefs) {
        let mut draft = Draft::default();
        let mut spans: Vec<Option<Range<usize>>> = Vec::with_capacity(EVENT_FIELDS.len());
        let mut complete = true;
        let mut fields = Fields::new(self, table, &span, event_keys(), "in `[[event]]`");
        for field in EVENT_FIELDS {
            let read = |c: &mut FileChecker<'_>, v: &Value<'_>| (field.read)(c, v, &mut draft).then_some(());
            let found = if field.required { fields.required(field.key, read) } else { fields.optional(field.key, read) };
            complete &= found.is_some() || !field.required;
            spans.push(found.map(|(_, span)| span));
        }
        let span_of = |key: &str| EVENT_FIELDS.iter().position(|f| f.key == key).and_then(|i| spans[i].clone());
        let (until_span, pillar_span) = (span_of("until"), span_of("pillar"));
        let event = &mut draft.event;

        // An undated fact's bounds are both in `date`; `until` would make
        // it a span as well, which it cannot be.
        match (draft.when.take(), &until_span) {
            (Some(When::Within(..)), Some(until_span)) => {
                self.error(
                    until_span,
                    "`until` cannot go with an undated `date` such as `\"2024..2026\"`: \
                     the range in `date` already bounds when it happened",
                )
                .help = Some("remove `until`, or give `date` as one date to record a span".to_owned());
                complete = false;
            }
            (Some(When::Within(from, to)), None) => (event.date, event.until, event.undated) = (from, Some(to), true),
            (Some(When::On(date)), _) => {
                event.date = date;
                if let (Some(until), Some(until_span)) = (event.until, &until_span) {
                    if until.last_day() < date.first_day() {
                        self.error(until_span, format!("`until` ({until}) is before `date` ({date}): a span must run forwards"));
                    }
                }
            }
            (None, _) => complete = false,
        }
        if let Some(span) = &pillar_span {
            merged.pillar_refs.push(PillarRef { id: event.pillar.clone(), place: self.place(span), primary: None });
        }
        for (id, span) in event.also.iter().zip(&draft.also_spans) {
            merged.pillar_refs.push(PillarRef {
                id: Arc::clone(id),
                place: self.place(span),
                primary: pillar_span.as_ref().map(|_| event.pillar.clone()),
            });
        }
        let Some(id_span) = span_of("id") else { return };
        merged.event_ids.push((event.id.clone(), self.place(&id_span)));
        if !complete {
            return;
        }
        merged.partner_places.extend(draft.partner_spans.iter().map(|span| self.place(span)));
        event.file = Arc::clone(&self.path);
        event.place = self.place(&span);
        merged.events.push(draft.event);
    }

    /// One `[[partner]]` (issue 13). Rules that need the whole registry
    /// (unique ids and spellings, registered members) run in
    /// [`partners::Registry::build`].
    fn partner(&mut self, (table, span): (&DeTable<'_>, Range<usize>), merged: &mut FileDefs) {
        let mut fields = Fields::new(self, table, &span, PARTNER_KEYS, "in `[[partner]]`");
        let id = fields.required("id", |c, v| c.id(v, "id"));
        let name = fields.required("name", |c, v| c.line(v, "name"));
        let aliases = fields.optional("aliases", |c, v| c.strings(v, "aliases"));
        let kind = fields.required("kind", |c, v| c.named(v, "kind", PartnerKind::parse, PartnerKind::NAMES));
        let region = fields.optional("region", |c, v| c.named(v, "region", Region::parse, Region::NAMES));
        let iso = fields.optional("iso", |c, v| c.iso(v));
        let members = fields.optional("members", |c, v| c.strings(v, "members"));
        if let Some((kind, _)) = kind {
            let misplaced = [
                (iso.as_ref().map(|i| &i.1), kind != PartnerKind::Country, "`iso` is for countries only"),
                (members.as_ref().map(|m| &m.1), kind != PartnerKind::Group, "`members` is for groups only"),
                (
                    region.as_ref().map(|r| &r.1),
                    !matches!(kind, PartnerKind::Country | PartnerKind::Group),
                    "`region` is for countries and groups only",
                ),
            ];
            for (span, wrong, message) in misplaced {
                if let (Some(span), true) = (span, wrong) {
                    self.error(span, format!("{message}, and this partner's `kind` is `{}`", kind.as_str()));
                }
            }
        }
        let (Some((id, id_span)), Some((name, name_span)), Some((kind, _))) = (id, name, kind) else {
            return;
        };
        let (aliases, alias_places) = aliases
            .map(|(list, _)| list.into_iter().map(|(a, span)| (a, self.place(&span))).unzip())
            .unwrap_or_default();
        let (members, member_places) = members
            .map(|(list, _)| list.into_iter().map(|(m, span)| (m, self.place(&span))).unzip())
            .unwrap_or_default();
        merged.partners.push(PartnerDef {
            partner: Partner {
                id,
                name,
                aliases,
                kind,
                region: region.map(|r| r.0),
                iso: iso.map(|i| i.0),
                members,
            },
            id_place: self.place(&id_span),
            name_place: self.place(&name_span),
            alias_places,
            member_places,
        });
    }

    /// A value from a fixed list of names (a partner's `kind`, `region`).
    fn named<T>(&mut self, v: &Value<'_>, key: &str, parse: fn(&str) -> Option<T>, names: &[&str]) -> Option<T> {
        let s = self.string(v, key)?;
        let value = parse(s);
        if value.is_none() {
            let help = suggest(s, names, "expected one of");
            self.error(&v.span(), format!("unknown {key} `{s}`")).help = Some(help);
        }
        value
    }

    /// An ISO 3166-1 alpha-2 code.
    fn iso(&mut self, v: &Value<'_>) -> Option<String> {
        let s = self.string(v, "iso")?;
        if super::iso::is_alpha2(s) {
            return Some(s.to_owned());
        }
        let upper = s.to_ascii_uppercase();
        let help = if super::iso::is_alpha2(&upper) {
            format!("codes are upper case: `{upper}`")
        } else if upper == "UK" {
            "the United Kingdom's code is `GB`".to_owned()
        } else {
            "expected a two-letter code such as `AZ`, `GE` or `TR`".to_owned()
        };
        self.error(&v.span(), format!("`iso` `{s}` is not an ISO 3166-1 alpha-2 country code")).help = Some(help);
        None
    }

    // Value checkers: each reports its own problem and returns `None`.

    /// A non-empty string, borrowed from the parsed file.
    ///
    /// Control characters (but line breaks and tabs, which multi-line text
    /// may hold) and bidirectional controls are refused: they would reach
    /// terminals and viewers raw, or reorder the text around them (issue
    /// 10, class 9). So is text that shows nothing.
    pub(super) fn string<'v>(&mut self, v: &'v Value<'_>, key: &str) -> Option<&'v str> {
        let hostile = |s: &str| s.chars().find(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t') || crate::diag::is_bidi_control(c));
        match v.get_ref() {
            DeValue::String(s) if s.chars().all(invisible) => {
                self.error(&v.span(), format!("`{key}` is empty: expected some text"));
                None
            }
            DeValue::String(s) if hostile(s).is_some() => {
                let c = hostile(s).unwrap_or_default();
                let what = if c.is_control() { "the control character" } else { "the bidirectional control" };
                self.error(&v.span(), format!("`{key}` holds {what} U+{:04X}: remove it", c as u32));
                None
            }
            DeValue::String(s) if s.chars().count() > MAX_TEXT => {
                self.error(&v.span(), format!("`{key}` is longer than {MAX_TEXT} characters"));
                None
            }
            DeValue::String(s) => Some(s.as_ref()),
            _ => {
                self.type_error(v, key, "a string");
                None
            }
        }
    }

    /// A string on one line, trimmed.
    pub(super) fn line(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
        let s = self.string(v, key)?;
        if s.chars().count() > MAX_LINE {
            self.error(&v.span(), format!("`{key}` is longer than {MAX_LINE} characters: keep it to one line"));
            return None;
        }
        if s.contains(['\n', '\r']) {
            self.error(
                &v.span(),
                format!("`{key}` must be one line: remove the line break"),
            );
            return None;
        }
        if s.contains('\t') {
            self.error(&v.span(), format!("`{key}` holds the control character U+0009 (a tab): use a space"));
            return None;
        }
        Some(s.trim().to_owned())
    }

    /// Free text; runs of white space (line breaks of a multi-line string)
    /// become one space.
    pub(super) fn text(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
        let s = self.string(v, key)?;
        let tidy = !s.starts_with(char::is_whitespace)
            && !s.ends_with(char::is_whitespace)
            && !s.contains(|c: char| c.is_whitespace() && c != ' ')
            && !s.contains("  ");
        if tidy {
            return Some(s.to_owned());
        }
        Some(s.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    pub(super) fn id(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
        let s = self.string(v, key)?;
        if !s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            let suggestion = slug(s);
            let d = self.error(
                &v.span(),
                format!("`{key}` `{}` may only contain a-z, 0-9 and `-`", shorten(s)),
            );
            if !suggestion.is_empty() {
                d.help = Some(format!("for example `{suggestion}`"));
            }
            return None;
        }
        Some(s.to_owned())
    }

    /// The shared copy of a pillar id, so 100,000 events naming four
    /// pillars hold four strings.
    pub(super) fn intern(&mut self, id: &str) -> Arc<str> {
        if let Some(shared) = self.pillar_ids.get(id) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(id);
        self.pillar_ids.insert(id.to_owned(), Arc::clone(&shared));
        shared
    }

    pub(super) fn strings(&mut self, v: &Value<'_>, key: &str) -> Option<Vec<(String, Range<usize>)>> {
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(v, key, "an array of strings");
            return None;
        };
        let mut out: Vec<(String, Range<usize>)> = Vec::with_capacity(items.len());
        // Hashed, so that checking a list for repeats is linear: a list
        // scan per item took minutes for 100,000 tags (issue 10, class 7).
        let mut seen: HashSet<String> = HashSet::with_capacity(items.len());
        let mut ok = true;
        for item in items.iter() {
            match self.line(item, key) {
                Some(s) if !seen.insert(s.clone()) => {
                    self.error(&item.span(), format!("`{}` is listed twice in `{key}`", shorten(&s)));
                    ok = false;
                }
                Some(s) => out.push((s, item.span())),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    pub(super) fn partial_date(&mut self, v: &Value<'_>, key: &str) -> Option<PartialDate> {
        let result = match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    PartialDate::day(d.year.into(), d.month.into(), d.day.into())
                }
                _ => Err(format!(
                    "`{key}` must be a date without a time, such as `2024-11-11`"
                )),
            },
            DeValue::String(s) => PartialDate::parse(s.trim()),
            _ => {
                self.type_error(
                    v,
                    key,
                    "a date (`2024-11-11`) or a string (`\"2024-11\"`, `\"2024\"`)",
                );
                return None;
            }
        };
        result
            .map_err(|why| self.error(&v.span(), format!("invalid `{key}`: {why}")))
            .ok()
    }

    /// An event's `date`: one date, or `"FROM..TO"` for a fact the source
    /// places in that span without dating it.
    pub(super) fn event_date(&mut self, v: &Value<'_>) -> Option<When> {
        let DeValue::String(text) = v.get_ref() else {
            return self.partial_date(v, "date").map(When::On);
        };
        let Some((from, to)) = text.trim().split_once("..") else {
            return self.partial_date(v, "date").map(When::On);
        };
        let bounds = PartialDate::parse(from.trim()).and_then(|f| Ok((f, PartialDate::parse(to.trim())?)));
        let (from, to) = match bounds {
            Ok(bounds) => bounds,
            Err(why) => {
                self.error(&v.span(), format!("invalid undated `date` `{text}`: {why}")).help =
                    Some("an undated fact is written `\"FROM..TO\"`, such as `\"2024..2026\"` or `\"2025-03..2025-06\"`".to_owned());
                return None;
            }
        };
        if to.last_day() < from.first_day() {
            self.error(&v.span(), format!("undated `date` `{text}` runs backwards: {to} is before {from}"));
            return None;
        }
        if from == to {
            self.error(&v.span(), format!("undated `date` `{text}` names one date: write `\"{from}\"`"));
            return None;
        }
        Some(When::Within(from, to))
    }

    pub(super) fn status(&mut self, v: &Value<'_>) -> Option<Status> {
        let s = self.string(v, "status")?;
        let status = Status::parse(s);
        if status.is_none() {
            let help = suggest(s, Status::NAMES, "the statuses are");
            self.error(&v.span(), format!("unknown status `{s}`: expected `planned` (or `happened`, the default)")).help =
                Some(help);
        }
        status
    }

    fn boolean(&mut self, v: &Value<'_>, key: &str) -> Option<bool> {
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.type_error(v, key, "`true` or `false`");
                None
            }
        }
    }

    pub(super) fn kind(&mut self, v: &Value<'_>) -> Option<Kind> {
        let s = self.string(v, "kind")?;
        let kind = Kind::parse(s);
        if kind.is_none() {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            let help = suggest(s, &names, "the kinds are");
            self.error(&v.span(), format!("unknown kind `{}`", shorten(s))).help = Some(help);
        }
        kind
    }

    pub(super) fn significance(&mut self, v: &Value<'_>) -> Option<u8> {
        match integer(v.get_ref()) {
            Some(n @ 1..=5) => Some(n as u8),
            Some(n) => {
                self.error(
                    &v.span(),
                    format!("`significance` is {n}: expected 1 (routine) to 5 (landmark)"),
                );
                None
            }
            None => {
                self.type_error(v, "significance", "an integer from 1 to 5");
                None
            }
        }
    }

    pub(super) fn figures(&mut self, v: &Value<'_>) -> Option<Vec<Figure>> {
        let tables = self.inline_tables(v, "figures")?;
        let mut out = Vec::with_capacity(tables.len());
        for (table, span) in tables {
            let mut fields = Fields::new(self, table, &span, FIGURE_KEYS, "in a figure");
            let label = fields.required("label", |c, v| c.line(v, "label"));
            let value = fields.required("value", |c, v| c.number(v, "value"));
            let unit = fields.optional("unit", |c, v| c.line(v, "unit"));
            let approx = fields.optional("approx", |c, v| c.boolean(v, "approx"));
            if let (Some(label), Some(value)) = (label, value) {
                out.push(Figure {
                    label: label.0,
                    value: value.0,
                    unit: unit.map(|u| u.0),
                    approx: approx.is_some_and(|a| a.0),
                });
            }
        }
        Some(out)
    }

    pub(super) fn sources(&mut self, v: &Value<'_>) -> Option<Vec<Source>> {
        let tables = self.inline_tables(v, "sources")?;
        if tables.is_empty() {
            self.error(
                &v.span(),
                "`sources` is empty: every event needs at least one source",
            );
            return None;
        }
        let mut out = Vec::with_capacity(tables.len());
        for (table, span) in tables {
            let mut fields = Fields::new(self, table, &span, SOURCE_KEYS, "in a source");
            let name = fields.required("name", |c, v| c.line(v, "name"));
            let url = fields.optional("url", |c, v| c.url(v));
            let published = fields.optional("published", |c, v| c.full_date(v, "published"));
            let note = fields.optional("note", |c, v| c.text(v, "note"));
            if let Some(name) = name {
                out.push(Source {
                    name: name.0,
                    url: url.map(|u| u.0),
                    published: published.map(|p| p.0),
                    note: note.map(|n| n.0),
                });
            }
        }
        Some(out)
    }

    fn inline_tables<'v, 'i>(
        &mut self,
        v: &'v Value<'i>,
        key: &str,
    ) -> Option<Vec<(&'v DeTable<'i>, Range<usize>)>> {
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(v, key, "an array of tables");
            return None;
        };
        Some(self.tables_in(items, key, "an array of tables"))
    }

    /// The tables of an array, each with its span; any other item is a
    /// type error, `expected` saying what should stand there.
    fn tables_in<'v, 'i>(
        &mut self,
        items: &'v DeArray<'i>,
        key: &str,
        expected: &str,
    ) -> Vec<(&'v DeTable<'i>, Range<usize>)> {
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                _ => self.type_error(item, key, expected),
            }
        }
        out
    }

    fn number(&mut self, v: &Value<'_>, key: &str) -> Option<f64> {
        let n = match v.get_ref() {
            DeValue::Integer(_) => integer(v.get_ref()).map(|n| n as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => {
                self.type_error(v, key, "a number");
                return None;
            }
        };
        match n {
            Some(n) if n.is_finite() => Some(n),
            _ => {
                self.error(&v.span(), format!("`{key}` must be a finite number"));
                None
            }
        }
    }

    fn url(&mut self, v: &Value<'_>) -> Option<String> {
        let s = self.line(v, "url")?;
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"));
        let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
        let bad_char = s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`'));
        match host {
            Some(host) if !host.is_empty() && !bad_char => Some(s),
            _ => {
                self.error(&v.span(), format!("`url` `{}` is not a web address: expected `https://...` or `http://...` without spaces", shorten(&s)));
                None
            }
        }
    }

    fn full_date(&mut self, v: &Value<'_>, key: &str) -> Option<NaiveDate> {
        let date = self.partial_date(v, key)?;
        if date.precision() != crate::date::Precision::Day {
            self.error(
                &v.span(),
                format!("`{key}` must be a full date such as `2026-02-12`"),
            );
            return None;
        }
        Some(date.first_day())
    }
}

/// Reads the keys of one table: reports unknown and missing keys, and runs
/// each present value through its checker.
struct Fields<'c, 'a, 't, 'i> {
    checker: &'c mut FileChecker<'a>,
    table: &'t DeTable<'i>,
    span: Range<usize>,
    place: &'static str,
    /// Keys of the table that are not allowed, already reported.
    unknown: Vec<String>,
}

impl<'c, 'a, 't, 'i> Fields<'c, 'a, 't, 'i> {
    fn new(
        checker: &'c mut FileChecker<'a>,
        table: &'t DeTable<'i>,
        span: &Range<usize>,
        allowed: &[&str],
        place: &'static str,
    ) -> Self {
        let mut unknown = Vec::new();
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if !allowed.contains(&name) {
                checker.unknown_key(key, name, allowed, place);
                unknown.push(name.to_owned());
            }
        }
        Fields {
            checker,
            table,
            span: span.clone(),
            place,
            unknown,
        }
    }

    fn optional<T>(
        &mut self,
        key: &str,
        check: impl FnOnce(&mut FileChecker<'a>, &Value<'i>) -> Option<T>,
    ) -> Option<(T, Range<usize>)> {
        let value = self.table.get(key)?;
        check(self.checker, value).map(|t| (t, value.span()))
    }

    fn required<T>(
        &mut self,
        key: &str,
        check: impl FnOnce(&mut FileChecker<'a>, &Value<'i>) -> Option<T>,
    ) -> Option<(T, Range<usize>)> {
        if self.table.get(key).is_none() {
            if self
                .unknown
                .iter()
                .any(|u| did_you_mean(u, [key]).is_some())
            {
                // A misspelling of this key, already reported with "did you mean".
                return None;
            }
            let place = self.place;
            self.checker
                .error(&self.span, format!("missing required key `{key}` {place}"));
            return None;
        }
        self.optional(key, check)
    }
}

/// The integer a TOML value holds, if it is an integer that fits `i64`.
fn integer(value: &DeValue<'_>) -> Option<i64> {
    let DeValue::Integer(n) = value else {
        return None;
    };
    i64::from_str_radix(&n.as_str().replace('_', ""), n.radix()).ok()
}

/// "a string", "an integer", "an array".
fn article(type_name: &str) -> String {
    let vowel = type_name.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {type_name}", if vowel { "an" } else { "a" })
}

/// A suggestion for an id that breaks the pattern: lowercase, other
/// characters folded to `-`.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// When the error at `offset` is in the header of a `[table]` that an
/// earlier header of the file already opened: the table's name, the line of
/// the first header (1-based) and where the second table ends (the next
/// header, or the end of the text).
fn duplicate_table(text: &str, offset: usize) -> Option<(String, usize, usize)> {
    let start = text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let name = |line: &str| -> Option<String> {
        let line = line.trim();
        let inner = line.strip_prefix('[')?.split(']').next()?;
        (!inner.starts_with('[')).then(|| inner.chars().filter(|c| !c.is_whitespace()).collect())
    };
    let this = name(&text[start..line_end])?;
    let first = text[..start].lines().position(|line| name(line).as_deref() == Some(this.as_str()))?;
    let end = text[line_end..]
        .match_indices('\n')
        .map(|(i, _)| line_end + i + 1)
        .find(|&i| text[i..].trim_start_matches([' ', '\t']).starts_with('['))
        .unwrap_or(text.len());
    Some((this, first + 1, end))
}

/// Whether a character shows nothing: white space, and the format
/// characters that have no width (zero-width spaces and joiners, the
/// byte-order mark, the soft hyphen, invisible operators, fillers).
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180E}'
                | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
                | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        )
}

/// toml's messages can run over several lines; diagnostics are one line.
fn syntax_message(message: &str) -> String {
    let joined = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    format!("invalid TOML: {joined}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 10, class 8: bare `[[event]]` headers count toward the event
    /// limit (only events with a valid id did), and their problems past the
    /// listing cap are counted, not kept.
    #[test]
    fn bare_event_headers_count_and_their_problems_are_capped() {
        let text = format!("[[pillar]]\nid = \"p\"\nname = \"P\"\n{}", "[[event]]\n".repeat(1000));
        let defs = check_file(&SourceFile { path: "bare.toml".into(), text });
        assert_eq!(defs.event_tables, 1000);
        assert_eq!(defs.event_ids.len(), 0);
        assert_eq!(defs.diagnostics.len(), crate::diag::LISTED_PER_FILE + 1);
        assert_eq!(defs.diagnostics.iter().map(Diagnostic::count).sum::<usize>(), 8000);
    }
}

