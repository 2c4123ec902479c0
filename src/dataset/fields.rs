//! One data file checked on its own: its spanned TOML tree
//! (`toml::de::DeTable`) walked key by key by hand rather than through
//! serde derive, so that every problem in the file is found in one pass and
//! each keeps its place; each value read as its field ([`values`]). An
//! event's keys are read as the table of event fields says
//! ([`super::event_fields`]).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::date::PartialDate;
use crate::diag::{did_you_mean, shorten, suggest, Diagnostic, LineIndex, Place};

use super::event_fields::{event_keys, EVENT_FIELDS};
use super::load::SourceFile;
use super::model::{Event, Partner, PartnerKind, Pillar, Region, ReportMeta};
use super::partners::PartnerDef;

mod judgement;
mod places;
mod values;

/// Keys allowed at the top of a file.
pub(super) const TOP_KEYS: &[&str] = &["schema", "report", "pillar", "event", "partner", "judgement", "source", "place", "route"];
pub(super) const PLACE_KEYS: &[&str] = &["id", "name", "lat", "lon", "country"];
pub(super) const ROUTE_KEYS: &[&str] = &["id", "name", "via", "pillar", "kind", "events"];
pub(super) const JUDGEMENT_KEYS: &[&str] = &["id", "text", "likelihood", "confidence", "evidence", "pillar", "reviewed"];
pub(super) const REPORT_KEYS: &[&str] = &["title", "subtitle", "author", "organisation", "language", "logo", "distribution", "reference"];
pub(super) const PILLAR_KEYS: &[&str] = &["id", "name", "short", "summary", "order"];

/// The longest short name of a pillar: it stands in a narrow table column
/// beside a colour chip (issue 9).
pub const MAX_SHORT: usize = 20;
pub(super) const PARTNER_KEYS: &[&str] = &["id", "name", "aliases", "kind", "region", "iso", "members"];
/// The keys of a partner given as a table in an event's `partners`.
pub(super) const PARTNER_ENTRY_KEYS: &[&str] = &["name", "role"];
pub(super) const FIGURE_KEYS: &[&str] = &["label", "value", "unit", "approx", "lead"];
/// An event's source given inline, or citing the registry by `id`.
pub(super) const SOURCE_KEYS: &[&str] =
    &["id", "name", "url", "published", "accessed", "kind", "reliability", "note", "credibility"];
/// A `[[source]]` of the registry (issue 25).
pub(super) const REGISTRY_KEYS: &[&str] = &["id", "name", "url", "published", "accessed", "kind", "reliability", "note"];

/// The schema version this build reads.
pub const SCHEMA: i64 = 1;

/// The size a large file is cut into pieces of for parsing
/// (`dataset::chunks`): each piece's tokens, events and tree take about
/// 25 times its size while it is parsed.
const PIECE_BYTES: usize = 256 * 1024;

/// The longest one-line string (titles, names, partners), in characters.
pub const MAX_LINE: usize = 1_000;
/// The longest free text (summaries), in characters.
pub const MAX_TEXT: usize = 20_000;
/// Checks one file's text on its own.
pub fn check_file(file: &SourceFile) -> FileDefs {
    check_file_in(file, PIECE_BYTES)
}

/// [`check_file`], cutting a file of twice `piece_bytes` or more into
/// pieces of about that size.
fn check_file_in(file: &SourceFile, piece_bytes: usize) -> FileDefs {
    let mut defs = FileDefs::default();
    let mut checker = FileChecker {
        file,
        lines: LineIndex::new(&file.text),
        pillar_ids: HashMap::new(),
        path: Arc::from(file.path.as_str()),
        diagnostics: Vec::new(),
        omitted: 0,
        spare: Diagnostic::error_in("", ""),
        base: 0,
        piece_bytes,
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
    /// Where each source cited by registry id is, in order.
    pub(super) source_spans: Vec<Range<usize>>,
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
    /// `[[judgement]]` tables, evidence as written.
    pub(super) judgements: Vec<super::judgements::JudgementDef>,
    /// `[[source]]` tables, each with the place of its `id`.
    pub(super) sources: Vec<(super::model::Source, Place)>,
    /// The place of every source cited by id of every complete event, in
    /// order, for the registry's check.
    pub(super) citation_places: Vec<Place>,
    /// `[[place]]` and `[[route]]` tables (issue 26).
    pub(super) places: Vec<super::places::PlaceDef>,
    pub(super) routes: Vec<super::places::RouteDef>,
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
    /// Where the piece being checked starts in the file: its tree's spans
    /// count from there.
    base: usize,
    piece_bytes: usize,
}

type Value<'i> = Spanned<DeValue<'i>>;

/// A value of a data file with its span, as [`EVENT_FIELDS`] reads it.
pub(super) type Toml<'i> = Value<'i>;

impl FileChecker<'_> {
    fn check(&mut self, merged: &mut FileDefs) {
        let text = self.file.text.as_str();
        let pieces = super::chunks::split(text, self.piece_bytes);
        if pieces.ranges.len() > 1 {
            if self.check_pieces(&pieces, merged) {
                return;
            }
            // A syntax error or a table in two pieces: start again on the
            // whole file, whose parse says what TOML says.
            *merged = FileDefs::default();
            self.pillar_ids.clear();
            self.diagnostics.clear();
            self.omitted = 0;
            self.base = 0;
        }
        let (root, errors) = DeTable::parse_recoverable(text);
        if !errors.is_empty() {
            // The explanation parses repaired copies: the broken tree goes
            // first, so that two trees are never alive at once.
            drop(root);
            self.syntax_errors(errors, merged);
            return;
        }
        self.check_root(root.into_inner(), merged);
    }

    /// Checks a large file piece by piece (`dataset::chunks`), each
    /// piece's tree dropped before the next is parsed; `false` when a piece
    /// has a syntax error or defines a table another piece defines.
    fn check_pieces(&mut self, pieces: &super::chunks::Pieces, merged: &mut FileDefs) -> bool {
        let text = self.file.text.as_str();
        let mut keys = super::chunks::TopKeys::default();
        // One thread parses the next piece while this one checks the last:
        // at most two parsed pieces wait, so memory stays a few pieces'.
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel(1);
            scope.spawn(move || {
                for range in &pieces.ranges {
                    let (root, errors) = DeTable::parse_recoverable(&text[range.clone()]);
                    let failed = !errors.is_empty();
                    if send.send((range.start, root, failed)).is_err() || failed {
                        break;
                    }
                }
            });
            for (index, (start, root, failed)) in receive.iter().enumerate() {
                if failed {
                    return false;
                }
                let root = root.into_inner();
                if root.keys().any(|k| keys.clash(index, k.get_ref())) {
                    return false;
                }
                self.base = start;
                self.check_root(root, merged);
            }
            self.base = 0;
            true
        })
    }

    /// A file that does not parse: each mistake once, where it is, in
    /// plain words (`super::syntax`). The recovered tree would give
    /// follow-on errors that mislead, so nothing else of the file is
    /// checked.
    fn syntax_errors(&mut self, errors: Vec<toml::de::Error>, merged: &mut FileDefs) {
        let text = self.file.text.as_str();
        for mistake in super::syntax::explain(text, &self.lines, errors) {
            let place = self.lines.place(text, mistake.offset);
            let mut diagnostic = Diagnostic::error_at_place(&self.file.path, place, mistake.message);
            diagnostic.help = mistake.help;
            self.diagnostics.push(diagnostic);
        }
        merged.syntax_error = true;
    }

    fn check_root(&mut self, root: DeTable<'_>, merged: &mut FileDefs) {
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
                "judgement" => {
                    for table in self.array_of_tables(value, "judgement") {
                        self.judgement(table, merged);
                    }
                }
                "source" => {
                    for (table, span) in self.array_of_tables(value, "source") {
                        let id_span = table.get("id").map(|v| v.span());
                        if let Some(source) = self.source_table(table, &span, REGISTRY_KEYS, "in `[[source]]`") {
                            let place = self.place(&id_span.unwrap_or(span));
                            merged.sources.push((source, place));
                        }
                    }
                }
                "place" => {
                    for table in self.array_of_tables(value, "place") {
                        self.place_table(table, merged);
                    }
                }
                "route" => {
                    for table in self.array_of_tables(value, "route") {
                        self.route_table(table, merged);
                    }
                }
                other => self.unknown_key(key, other, TOP_KEYS, "at the top of a data file"),
            }
        }
    }

    fn place(&self, span: &Range<usize>) -> Place {
        self.lines.place(&self.file.text, self.base + span.start)
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
                ("language", Some(slot)) => match self.line(v, name) {
                    Some(code) if crate::words::Lang::parse(&code).is_none() => {
                        self.error(
                            &v.span(),
                            format!("`language` is `{code}`: expected one of the briefing's languages, {}", crate::words::Lang::codes()),
                        );
                    }
                    Some(code) => *slot = code,
                    None => {}
                },
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
            spans.push(found.map(|((), span)| span));
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
        merged.citation_places.extend(draft.source_spans.iter().map(|span| self.place(span)));
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


#[cfg(test)]
mod tests;
