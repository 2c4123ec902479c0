//! The values of a data file read as their fields: strings, one-line and
//! free text, ids, dates, names from fixed lists, figures and sources.
//! Each reports its own problems at the value's place; the table of event
//! fields ([`crate::dataset::event_fields`]) names which one reads each key.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;
use toml::de::{DeArray, DeTable, DeValue};

use crate::date::PartialDate;
use crate::diag::{shorten, suggest};

use super::super::lang::{english_name, TextKind, LANGUAGES};
use super::super::model::{Figure, Kind, Reliability, Role, Source, SourceKind, Status, CREDIBILITY};
use super::{
    integer, FileChecker, Fields, Value, When, FIGURE_KEYS, MAX_LINE, MAX_TEXT, PARTNER_ENTRY_KEYS, REGISTRY_KEYS, SOURCE_KEYS,
};

impl FileChecker<'_> {
    /// A value from a fixed list of names (a partner's `kind`, `region`).
    pub(in crate::dataset) fn named<T>(&mut self, v: &Value<'_>, key: &str, parse: fn(&str) -> Option<T>, names: &[&str]) -> Option<T> {
        let s = self.string(v, key)?;
        let value = parse(s);
        if value.is_none() {
            let help = suggest(s, names, "expected one of");
            self.error(&v.span(), format!("unknown {key} `{s}`")).help = Some(help);
        }
        value
    }

    /// An ISO 3166-1 alpha-2 code.
    pub(in crate::dataset) fn iso(&mut self, v: &Value<'_>) -> Option<String> {
        let s = self.string(v, "iso")?;
        if super::super::iso::is_alpha2(s) {
            return Some(s.to_owned());
        }
        let upper = s.to_ascii_uppercase();
        let help = if super::super::iso::is_alpha2(&upper) {
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
    pub(in crate::dataset) fn string<'v>(&mut self, v: &'v Value<'_>, key: &str) -> Option<&'v str> {
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
    pub(in crate::dataset) fn line(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
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
        Some(crate::diag::spelling::nfc(s.trim()).into_owned())
    }

    /// Free text; runs of white space (line breaks of a multi-line string)
    /// become one space.
    pub(in crate::dataset) fn text(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
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

    /// A one-line text that may be given per language (issue 28), read
    /// for the checker's language.
    pub(in crate::dataset) fn line_in(&mut self, v: &Value<'_>, key: &str, kind: TextKind) -> Option<String> {
        self.translated(v, key, kind, |c, v, key| c.line(v, key)).map(|(shown, _)| shown)
    }

    /// Free text that may be given per language, read for the checker's
    /// language.
    pub(in crate::dataset) fn text_in(&mut self, v: &Value<'_>, key: &str, kind: TextKind) -> Option<String> {
        self.translated(v, key, kind, |c, v, key| c.text(v, key)).map(|(shown, _)| shown)
    }

    /// A text field given as a plain string (in the dataset's language) or
    /// as a table of languages, each text read by `read` (named `key.az`
    /// in its problems); returns the text in the asked language, or in
    /// the dataset's where it has none, and the dataset's text when that
    /// is another (`None`: the text shown is the dataset's). Every problem
    /// of the table is reported: an unknown language (with the closest
    /// one), no text in the dataset's language, an empty table.
    pub(in crate::dataset) fn translated(
        &mut self,
        v: &Value<'_>,
        key: &str,
        kind: TextKind,
        mut read: impl FnMut(&mut Self, &Value<'_>, &str) -> Option<String>,
    ) -> Option<(String, Option<String>)> {
        let DeValue::Table(table) = v.get_ref() else {
            let text = read(self, v, key)?;
            let fell_back = (self.langs.asked != self.langs.dataset).then_some(self.langs.dataset.as_str());
            self.fallbacks.record(kind, &text, fell_back);
            return Some((text, None));
        };
        self.translated = true;
        let (mut asked, mut own, mut complete) = (None, None, true);
        for (lang, text) in table.iter() {
            let code = lang.get_ref().as_ref();
            if !LANGUAGES.contains(&code) {
                let help = suggest(code, LANGUAGES, "the languages are");
                self.error(&lang.span(), format!("unknown language `{}` in `{key}`", shorten(code))).help = Some(help);
                complete = false;
                continue;
            }
            let Some(text) = read(self, text, &format!("{key}.{code}")) else {
                complete = false;
                continue;
            };
            if code == self.langs.asked {
                asked = Some(text.clone());
            }
            if code == self.langs.dataset {
                own = Some(text);
            }
        }
        let dataset = self.langs.dataset.clone();
        let has_own = table.iter().any(|(lang, _)| lang.get_ref().as_ref() == dataset);
        if !has_own {
            let d = self.error(
                &v.span(),
                format!("`{key}` has no text in the dataset's language, `{dataset}` ({}): a plain string or `{key}.{dataset}` gives it", english_name(&dataset)),
            );
            d.help = Some(format!("add `{key}.{dataset} = \"…\"`; the dataset's language is `[report] language`, `en` unless given"));
            return None;
        }
        let own = own.filter(|_| complete)?;
        let fell_back = asked.is_none().then_some(dataset.as_str());
        self.fallbacks.record(kind, &own, fell_back);
        Some(match asked {
            Some(asked) if self.langs.asked != dataset => (asked, Some(own)),
            _ => (own, None),
        })
    }

    pub(in crate::dataset) fn id(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
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
    pub(in crate::dataset) fn intern(&mut self, id: &str) -> Arc<str> {
        if let Some(shared) = self.pillar_ids.get(id) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(id);
        self.pillar_ids.insert(id.to_owned(), Arc::clone(&shared));
        shared
    }

    pub(in crate::dataset) fn strings(&mut self, v: &Value<'_>, key: &str) -> Option<Vec<(String, Range<usize>)>> {
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

    /// An event's `partners`: each a plain name (the role
    /// [`Role::PLAIN`]) or a table `{ name = "Uganda", role = "mentioned" }`,
    /// the forms mixed freely; with the span of each entry's name. A name
    /// listed twice is an error, whatever the roles.
    pub(in crate::dataset) fn partner_entries(&mut self, v: &Value<'_>) -> Option<Vec<(String, Role, Range<usize>)>> {
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(v, "partners", "an array of names or `{ name, role }` tables");
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut seen: HashSet<String> = HashSet::with_capacity(items.len());
        let mut ok = true;
        for item in items.iter() {
            let entry = match item.get_ref() {
                DeValue::String(_) => self.line(item, "partners").map(|name| (name, Role::PLAIN, item.span())),
                DeValue::Table(table) => {
                    let mut fields = Fields::new(self, table, &item.span(), PARTNER_ENTRY_KEYS, "in a partner of `partners`");
                    let name = fields.required("name", |c, v| c.line(v, "name"));
                    let role = fields.required("role", |c, v| c.named(v, "role", Role::parse, Role::NAMES));
                    name.zip(role).map(|((name, span), (role, _))| (name, role, span))
                }
                _ => {
                    self.type_error(item, "partners", "a name or a `{ name, role }` table");
                    None
                }
            };
            match entry {
                Some((name, _, span)) if !seen.insert(name.clone()) => {
                    self.error(&span, format!("`{}` is listed twice in `partners`", shorten(&name)));
                    ok = false;
                }
                Some(entry) => out.push(entry),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    pub(in crate::dataset) fn partial_date(&mut self, v: &Value<'_>, key: &str) -> Option<PartialDate> {
        let result = match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    PartialDate::day(d.year.into(), d.month.into(), d.day.into()).map_err(|e| e.to_string())
                }
                _ => Err(format!(
                    "`{key}` must be a date without a time, such as `2024-11-11`"
                )),
            },
            DeValue::String(s) => PartialDate::parse(s.trim()).map_err(|e| e.to_string()),
            other => {
                let found = super::article(other.type_str());
                let d = self.error(
                    &v.span(),
                    format!("`{key}` must be a date (`2024-11-11`) or a string (`\"2024-11\"`, `\"2024\"`), found {found}"),
                );
                // `date = 2025`: a year is a string, not a number.
                if let Some(year) = integer(other).filter(|y| (1000..=9999).contains(y)) {
                    d.help = Some(format!("a year is written in quotes: `{key} = \"{year}\"`"));
                }
                return None;
            }
        };
        // `"12/03/2025"`: the ISO forms it may mean (issue 24).
        let help = match v.get_ref() {
            DeValue::String(s) if result.is_err() => crate::date::did_you_mean(s),
            _ => None,
        };
        result
            .map_err(|why| self.error(&v.span(), format!("invalid `{key}`: {why}")).help = help)
            .ok()
    }

    /// An event's `date`: one date, or `"FROM..TO"` for a fact the source
    /// places in that span without dating it.
    pub(in crate::dataset) fn event_date(&mut self, v: &Value<'_>) -> Option<When> {
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

    pub(in crate::dataset) fn status(&mut self, v: &Value<'_>) -> Option<Status> {
        let s = self.string(v, "status")?;
        let status = Status::parse(s);
        if status.is_none() {
            let help = suggest(s, Status::NAMES, "the statuses are");
            self.error(&v.span(), format!("unknown status `{s}`: expected `planned` (or `happened`, the default)")).help =
                Some(help);
        }
        status
    }

    pub(in crate::dataset) fn boolean(&mut self, v: &Value<'_>, key: &str) -> Option<bool> {
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.type_error(v, key, "`true` or `false`");
                None
            }
        }
    }

    pub(in crate::dataset) fn kind(&mut self, v: &Value<'_>) -> Option<Kind> {
        let s = self.string(v, "kind")?;
        let kind = Kind::parse(s);
        if kind.is_none() {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            let help = suggest(s, &names, "the kinds are");
            self.error(&v.span(), format!("unknown kind `{}`", shorten(s))).help = Some(help);
        }
        kind
    }

    pub(in crate::dataset) fn significance(&mut self, v: &Value<'_>) -> Option<u8> {
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

    pub(in crate::dataset) fn figures(&mut self, v: &Value<'_>) -> Option<Vec<Figure>> {
        let tables = self.inline_tables(v, "figures")?;
        let mut out = Vec::with_capacity(tables.len());
        for (table, span) in tables {
            let mut fields = Fields::new(self, table, &span, FIGURE_KEYS, "in a figure");
            let label = fields.required("label", |c, v| c.line_in(v, "label", TextKind::FigureLabel));
            let value = fields.required("value", |c, v| c.number(v, "value"));
            let unit = fields.optional("unit", |c, v| c.line_in(v, "unit", TextKind::FigureUnit));
            let approx = fields.optional("approx", |c, v| c.boolean(v, "approx"));
            let lead = fields.optional("lead", |c, v| c.boolean(v, "lead"));
            if let Some((true, span)) = &lead {
                if out.iter().any(|f: &Figure| f.lead) {
                    self.error(span, "a second figure has `lead = true`: an event's title is printed with one figure")
                        .help = Some("keep `lead = true` on the figure that is the fact the event reports".to_owned());
                }
            }
            if let (Some(label), Some(value)) = (label, value) {
                out.push(Figure {
                    label: label.0,
                    value: value.0,
                    unit: unit.map(|u| u.0),
                    approx: approx.is_some_and(|a| a.0),
                    lead: lead.is_some_and(|l| l.0),
                });
            }
        }
        Some(out)
    }

    /// An event's `sources`: each a registry id (`"news-az"`), a citation
    /// with its grade (`{ id = "news-az", credibility = 2 }`) or a source
    /// given inline (`{ name = "News.Az", ... }`); with the span of each
    /// one cited by id, resolved once the registry is known
    /// ([`super::super::sources`]).
    pub(in crate::dataset) fn sources(&mut self, v: &Value<'_>) -> Option<(Vec<Source>, Vec<Range<usize>>)> {
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(v, "sources", "an array of source ids or tables");
            return None;
        };
        if items.is_empty() {
            self.error(&v.span(), "`sources` is empty: every event needs at least one source");
            return None;
        }
        let (mut out, mut cited) = (Vec::with_capacity(items.len()), Vec::new());
        for item in items.iter() {
            let source = match item.get_ref() {
                DeValue::String(_) => self.id(item, "sources").map(|id| Source { id: Some(id), ..Source::default() }),
                DeValue::Table(table) => self.source_table(table, &item.span(), SOURCE_KEYS, "in a source"),
                _ => {
                    self.type_error(item, "sources", "a source id or a table");
                    None
                }
            };
            if let Some(source) = source {
                if source.id.is_some() {
                    cited.push(item.span());
                }
                out.push(source);
            }
        }
        (out.len() == items.len()).then_some((out, cited))
    }

    /// A source's table: inline in an event (`allowed` is [`SOURCE_KEYS`]),
    /// or a `[[source]]` of the registry ([`REGISTRY_KEYS`]). Inline, a
    /// table with an `id` cites the registry and may add only its
    /// `credibility`; one without gives the source itself.
    pub(in crate::dataset) fn source_table(
        &mut self,
        table: &DeTable<'_>,
        span: &Range<usize>,
        allowed: &[&str],
        place: &'static str,
    ) -> Option<Source> {
        let registry = allowed == REGISTRY_KEYS;
        let cites = !registry && table.get("id").is_some();
        if cites {
            for (key, value) in table.iter() {
                let name = key.get_ref().as_ref();
                if allowed.contains(&name) && !matches!(name, "id" | "credibility") {
                    self.error(&value.span(), format!("`{name}` cannot go with `id` in a source: a source cited by id takes its details from its `[[source]]`"))
                        .help = Some("give the details in the `[[source]]` table, or drop `id` to give the source inline".to_owned());
                }
            }
        }
        let mut fields = Fields::new(self, table, span, allowed, place);
        let id = if registry { fields.required("id", |c, v| c.id(v, "id")) } else { fields.optional("id", |c, v| c.id(v, "id")) };
        let name = if cites { None } else { fields.required("name", |c, v| c.line_in(v, "name", TextKind::SourceName)) };
        let url = fields.optional("url", |c, v| c.url(v));
        let published = fields.optional("published", |c, v| c.full_date(v, "published"));
        let accessed = fields.optional("accessed", |c, v| c.full_date(v, "accessed"));
        let read_kind = |c: &mut FileChecker<'_>, v: &Value<'_>| c.named(v, "kind", SourceKind::parse, SourceKind::NAMES);
        let kind = if registry { fields.required("kind", read_kind) } else { fields.optional("kind", read_kind) };
        let reliability = fields.optional("reliability", |c, v| c.reliability(v));
        let note = fields.optional("note", |c, v| c.text_in(v, "note", TextKind::SourceNote));
        let credibility = fields.optional("credibility", |c, v| c.credibility(v));
        if registry && kind.is_none() || !cites && name.is_none() || cites && id.is_none() {
            return None;
        }
        Some(Source {
            name: name.map(|n| n.0).unwrap_or_default(),
            url: url.map(|u| u.0),
            published: published.map(|p| p.0),
            note: note.map(|n| n.0),
            id: id.map(|i| i.0),
            accessed: accessed.map(|a| a.0),
            kind: kind.map(|k| k.0),
            reliability: reliability.map(|r| r.0),
            credibility: credibility.map(|c| c.0),
        })
    }

    /// A grade of the Admiralty scale's reliability, `A` to `F`.
    fn reliability(&mut self, v: &Value<'_>) -> Option<Reliability> {
        let s = self.string(v, "reliability")?;
        let grade = Reliability::parse(s);
        if grade.is_none() {
            let help = match Reliability::parse(&s.to_ascii_uppercase()) {
                Some(upper) => format!("grades are capital letters: `{}`", upper.as_str()),
                None => "A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, \
                         E unreliable, F reliability cannot be judged; leave `reliability` out for an ungraded source"
                    .to_owned(),
            };
            self.error(&v.span(), format!("`reliability` is `{}`: expected a grade of the Admiralty scale, `A` to `F`", shorten(s)))
                .help = Some(help);
        }
        grade
    }

    /// A grade of the Admiralty scale's credibility, 1 to 6.
    fn credibility(&mut self, v: &Value<'_>) -> Option<u8> {
        let expected = "1 (confirmed by other sources) to 6 (truth cannot be judged)";
        match integer(v.get_ref()) {
            Some(n @ 1..=6) => Some(n as u8),
            Some(n) => {
                let grades = CREDIBILITY.iter().enumerate().map(|(i, g)| format!("{} {g}", i + 1));
                self.error(&v.span(), format!("`credibility` is {n}: expected a grade of the Admiralty scale, {expected}"))
                    .help = Some(grades.collect::<Vec<_>>().join(", "));
                None
            }
            None => {
                self.type_error(v, "credibility", "an integer from 1 to 6");
                None
            }
        }
    }

    pub(in crate::dataset) fn inline_tables<'v, 'i>(
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
    pub(in crate::dataset) fn tables_in<'v, 'i>(
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

    pub(in crate::dataset) fn number(&mut self, v: &Value<'_>, key: &str) -> Option<f64> {
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

    pub(in crate::dataset) fn url(&mut self, v: &Value<'_>) -> Option<String> {
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

    pub(in crate::dataset) fn full_date(&mut self, v: &Value<'_>, key: &str) -> Option<NaiveDate> {
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

/// Whether a character shows nothing, by its Unicode properties.
fn invisible(c: char) -> bool {
    crate::diag::spelling::invisible(c)
}
