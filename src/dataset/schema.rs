//! The dataset's JSON Schema (draft-07), for editors: Taplo, the TOML
//! language server behind VS Code's Even Better TOML and the Helix, Zed and
//! Neovim set-ups, reads it to offer completion, hover documentation and
//! errors while the analyst types (issue 24, item 8). `azint-report schema`
//! prints it; `schema/azint-dataset.schema.json` is the committed copy.
//!
//! Derived, so that it cannot drift from what the validator reads: the keys
//! of each table are the validator's own lists ([`super::fields`], and the
//! table of event fields for `[[event]]`), the closed vocabularies its own
//! lists ([`Kind::ALL`], [`Status::NAMES`], [`PartnerKind::NAMES`],
//! [`Region::NAMES`], [`super::iso::ALPHA2`]), the limits its constants, and
//! each key's description the rule `docs/dataset.md` gives it in its table
//! (compiled in: the contract is the one place a key is described). What a
//! key's value is ([`Shape`]) is said here, once a key; `tests/it/schema.rs`
//! fails when a key has none, when a documented or accepted key is missing,
//! and when the schema requires other keys than the validator does.
//!
//! The schema never refuses what the validator accepts (an editor's false
//! alarm teaches the analyst to ignore it); it may accept what only the
//! whole dataset can refuse: ids that repeat across files, a pillar or a
//! partner that does not exist, `until` before `date`, a day that is not
//! in its month. Draft-07: the draft Taplo's validator implements in full,
//! with `definitions` and `if`/`then`.

use serde_json::{json, Map, Value};

use super::event_fields::EVENT_FIELDS;
use super::fields::{
    FIGURE_KEYS, JUDGEMENT_KEYS, MAX_LINE, MAX_SHORT, MAX_TEXT, PARTNER_ENTRY_KEYS, PARTNER_KEYS, PILLAR_KEYS, PLACE_KEYS, REPORT_KEYS,
    REGISTRY_KEYS, ROUTE_KEYS, SCHEMA, SOURCE_KEYS, TOP_KEYS,
};
use super::model::{Kind, PartnerKind, Region, Reliability, Role, SourceKind, Status};

/// The contract the descriptions come from.
const CONTRACT: &str = include_str!("../../docs/dataset.md");

/// Where the committed copy lives, relative to the repository, for the
/// `#:schema` lines of data files and `.taplo.toml`.
pub const COMMITTED: &str = "schema/azint-dataset.schema.json";

/// A table of a data file: the top level, or one the validator reads with
/// its own list of keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Top,
    Report,
    Pillar,
    Event,
    Partner,
    /// A partner given as a table in an event's `partners`, with its role.
    PartnerEntry,
    Figure,
    Source,
    Judgement,
    /// A `[[source]]` of the registry.
    Registry,
    Place,
    Route,
}

impl Table {
    /// Every table, the top first.
    pub const ALL: &'static [Table] =
        &[
        Table::Top,
        Table::Report,
        Table::Pillar,
        Table::Event,
        Table::Partner,
        Table::PartnerEntry,
        Table::Figure,
        Table::Source,
        Table::Judgement,
        Table::Registry,
        Table::Place,
        Table::Route,
    ];

    /// The keys the validator allows in it, in its order.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Table::Top => TOP_KEYS,
            Table::Report => REPORT_KEYS,
            Table::Pillar => PILLAR_KEYS,
            Table::Event => super::event_fields::event_keys(),
            Table::Partner => PARTNER_KEYS,
            Table::PartnerEntry => PARTNER_ENTRY_KEYS,
            Table::Figure => FIGURE_KEYS,
            Table::Source => SOURCE_KEYS,
            Table::Judgement => JUDGEMENT_KEYS,
            Table::Registry => REGISTRY_KEYS,
            Table::Place => PLACE_KEYS,
            Table::Route => ROUTE_KEYS,
        }
    }

    /// The keys it must have. An event's come from the table of event
    /// fields; the others' are the ones the validator reads with
    /// `Fields::required` (held to it by `tests/it/schema.rs`).
    pub fn required(self) -> Vec<&'static str> {
        match self {
            Table::Top | Table::Report => Vec::new(),
            Table::Pillar => vec!["id", "name"],
            Table::Event => EVENT_FIELDS.iter().filter(|f| f.required).map(|f| f.key).collect(),
            Table::Partner => vec!["id", "name", "kind"],
            Table::PartnerEntry => vec!["name", "role"],
            Table::Figure => vec!["label", "value"],
            // Or `id`, citing the registry: the schema says either.
            Table::Source => vec!["name"],
            Table::Judgement => vec!["text", "likelihood", "confidence", "evidence"],
            Table::Registry => vec!["id", "name", "kind"],
            Table::Place => vec!["id", "name", "lat", "lon"],
            Table::Route => vec!["id", "name", "via", "pillar"],
        }
    }

    /// The heading of its table in `docs/dataset.md`.
    pub fn heading(self) -> &'static str {
        match self {
            Table::Top => "Top-level keys",
            Table::Report => "`[report]`",
            Table::Pillar => "`[[pillar]]`",
            Table::Event => "`[[event]]`",
            Table::Partner => "`[[partner]]`",
            Table::PartnerEntry => "A partner of an event",
            Table::Figure => "A figure",
            Table::Source => "A source",
            Table::Judgement => "`[[judgement]]`",
            Table::Registry => "`[[source]]`",
            Table::Place => "`[[place]]`",
            Table::Route => "`[[route]]`",
        }
    }

    /// Its name under `definitions`.
    pub fn name(self) -> &'static str {
        match self {
            Table::Top => "file",
            Table::Report => "report",
            Table::Pillar => "pillar",
            Table::Event => "event",
            Table::Partner => "partner",
            Table::PartnerEntry => "event-partner",
            Table::Figure => "figure",
            Table::Source => "source",
            Table::Judgement => "judgement",
            Table::Registry => "registered-source",
            Table::Place => "place",
            Table::Route => "route",
        }
    }

    /// What it is, for hover documentation on the table itself.
    fn about(self) -> &'static str {
        match self {
            Table::Top => "One file of an azint-report dataset (schema 1): any of `[report]`, `[[pillar]]`, `[[event]]`, `[[partner]]`, `[[source]]`, `[[judgement]]`, `[[place]]` and `[[route]]`; a folder's files are merged into one dataset. The whole contract is docs/dataset.md.",
            Table::Report => "The briefing's title block; at most one file of the dataset may define it.",
            Table::Pillar => "A pillar of Azerbaijan's international integration; events name it by its `id`.",
            Table::Event => "One dated (or undated) fact, with its sources.",
            Table::Partner => "A counterpart events name: one registry entry, its one name and other spellings.",
            Table::PartnerEntry => "A partner the event names, with what it is to the event; a plain name in `partners` is a `counterpart`.",
            Table::Figure => "A number the source states, such as a gas volume.",
            Table::Source => "Where the fact comes from, given inline, or a `[[source]]` cited by `id` with the information's `credibility`.",
            Table::Judgement => "The analyst's judgement, with its likelihood (ICD 203), confidence and the events it rests on.",
            Table::Registry => "A source of the registry, defined once and cited by events by its `id`, with the desk's grade of its reliability.",
            Table::Place => "A point the maps draw, in decimal degrees; routes name it by its `id`.",
            Table::Route => "A corridor through places in order (a railway, a pipeline), of a pillar and, optionally, of events.",
        }
    }
}

/// What a key's value is, as far as a schema can say.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// `schema = 1`.
    Version,
    /// A table, written `[name]`.
    Table(Table),
    /// An array of tables, `[[name]]` or inline `[{...}]`, with at least
    /// this many.
    Tables(Table, usize),
    /// `[a-z0-9-]+`.
    Id,
    /// One line of at most this many characters.
    Line(usize),
    /// Free text: several lines, at most [`MAX_TEXT`] characters.
    Text,
    /// An array of one-line strings, none twice.
    Lines,
    /// A date at any precision; `true` when an undated range
    /// `"FROM..TO"` is allowed too.
    Date(bool),
    /// A full date, `2026-02-12`.
    Day,
    /// One of a fixed list of names.
    Names(Vec<&'static str>),
    /// An integer, within bounds when given.
    Integer(Option<(i64, i64)>),
    /// An integer or a float.
    Number,
    Flag,
    /// An `http://` or `https://` address.
    Url,
    /// An event's sources, at least one: each a registry id or a table.
    Sources,
    /// An event's partners: each a name or a table with its role.
    Partners,
    /// The path of a PNG or JPEG file.
    Image,
    /// Decimal degrees from minus to plus this bound: a latitude (90) or
    /// a longitude (180).
    Degrees(u8),
    /// An array of at least two one-line strings, none twice: a route's
    /// places.
    Path,
}

/// What the value of `key` in `table` is; `None` for a key without one
/// (a test fails then).
pub fn shape(table: Table, key: &str) -> Option<Shape> {
    let line = Shape::Line(MAX_LINE);
    Some(match (table, key) {
        (Table::Top, "schema") => Shape::Version,
        (Table::Top, "report") => Shape::Table(Table::Report),
        (Table::Top, "pillar") => Shape::Tables(Table::Pillar, 0),
        (Table::Top, "event") => Shape::Tables(Table::Event, 0),
        (Table::Top, "partner") => Shape::Tables(Table::Partner, 0),
        (Table::Top, "judgement") => Shape::Tables(Table::Judgement, 0),
        (Table::Judgement, "id") => Shape::Id,
        (Table::Judgement, "text") => Shape::Text,
        (Table::Judgement, "likelihood") => Shape::Names(super::judgements::Likelihood::NAMES.to_vec()),
        (Table::Judgement, "confidence") => Shape::Names(super::judgements::Confidence::NAMES.to_vec()),
        (Table::Judgement, "evidence") => Shape::Lines,
        (Table::Judgement, "pillar") => line.clone(),
        (Table::Judgement, "reviewed") => Shape::Day,
        (Table::Top, "source") => Shape::Tables(Table::Registry, 0),
        (Table::Report, "logo") => Shape::Image,
        (Table::Report, _) if REPORT_KEYS.contains(&key) => line,
        (Table::Pillar | Table::Event | Table::Partner | Table::Source | Table::Registry, "id") => Shape::Id,
        (Table::Pillar, "short") => Shape::Line(MAX_SHORT),
        (Table::Pillar | Table::Event, "summary") | (Table::Source | Table::Registry, "note") => Shape::Text,
        (Table::Pillar, "order") => Shape::Integer(None),
        (Table::Pillar | Table::Partner | Table::Source | Table::Registry, "name") => line,
        (Table::Event, "title" | "pillar" | "attribution") | (Table::Figure, "label" | "unit") => line,
        (Table::Event, "date") => Shape::Date(true),
        (Table::Event, "until") => Shape::Date(false),
        (Table::Event, "partners") => Shape::Partners,
        (Table::PartnerEntry, "name") => line.clone(),
        (Table::PartnerEntry, "role") => Shape::Names(Role::NAMES.to_vec()),
        (Table::Event, "also" | "tags") | (Table::Partner, "aliases" | "members") => Shape::Lines,
        (Table::Event, "status") => Shape::Names(Status::NAMES.to_vec()),
        (Table::Event, "kind") => Shape::Names(Kind::ALL.iter().map(|k| k.as_str()).collect()),
        (Table::Event, "significance") => Shape::Integer(Some((1, 5))),
        (Table::Event, "figures") => Shape::Tables(Table::Figure, 0),
        (Table::Event, "sources") => Shape::Sources,
        (Table::Partner, "kind") => Shape::Names(PartnerKind::NAMES.to_vec()),
        (Table::Partner, "region") => Shape::Names(Region::NAMES.to_vec()),
        (Table::Partner, "iso") => Shape::Names(super::iso::ALPHA2.to_vec()),
        (Table::Figure, "value") => Shape::Number,
        (Table::Figure, "approx" | "lead") => Shape::Flag,
        (Table::Source | Table::Registry, "url") => Shape::Url,
        (Table::Source | Table::Registry, "published" | "accessed") => Shape::Day,
        (Table::Source | Table::Registry, "kind") => Shape::Names(SourceKind::NAMES.to_vec()),
        (Table::Source | Table::Registry, "reliability") => Shape::Names(Reliability::NAMES.to_vec()),
        (Table::Source, "credibility") => Shape::Integer(Some((1, 6))),
        (Table::Top, "place") => Shape::Tables(Table::Place, 0),
        (Table::Top, "route") => Shape::Tables(Table::Route, 0),
        (Table::Place | Table::Route, "id") => Shape::Id,
        (Table::Place | Table::Route, "name") | (Table::Route, "pillar") => line,
        (Table::Place, "lat") => Shape::Degrees(90),
        (Table::Place, "lon") => Shape::Degrees(180),
        (Table::Place, "country") => Shape::Names(super::iso::ALPHA2.to_vec()),
        (Table::Route, "via") => Shape::Path,
        (Table::Route, "kind") => Shape::Names(super::places::RouteKind::NAMES.to_vec()),
        (Table::Route, "events") => Shape::Lines,
        _ => return None,
    })
}

/// A partial date as `PartialDate::parse` reads it (`YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`, years 1000 to 9999), without anchors. A TOML date reaches
/// the schema as its text, `2024-11-11`.
const DATE: &str = r"[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?";
const DAY: &str = r"[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
/// Some text that shows: at least one character that is not white space.
const VISIBLE: &str = r"\S";

/// The schema of a value of this shape (without its description).
fn value(shape: &Shape) -> Value {
    match shape {
        Shape::Version => json!({ "type": "integer", "const": SCHEMA }),
        Shape::Table(table) => json!({ "$ref": format!("#/definitions/{}", table.name()) }),
        Shape::Tables(table, min) => {
            let mut array = json!({ "type": "array", "items": { "$ref": format!("#/definitions/{}", table.name()) } });
            if *min > 0 {
                array["minItems"] = json!(min);
            }
            array
        }
        Shape::Id => json!({ "type": "string", "pattern": "^[a-z0-9-]+$" }),
        Shape::Line(max) => {
            json!({ "type": "string", "minLength": 1, "maxLength": max, "pattern": r"^[^\n\r\t]*\S[^\n\r\t]*$" })
        }
        Shape::Text => json!({ "type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": VISIBLE }),
        Shape::Lines => json!({ "type": "array", "uniqueItems": true, "items": value(&Shape::Line(MAX_LINE)) }),
        Shape::Date(undated) => {
            let mut forms = format!(r"^\s*{DATE}\s*$");
            if *undated {
                forms = format!(r"^\s*{DATE}\s*(\.\.\s*{DATE}\s*)?$");
            }
            json!({ "type": "string", "pattern": forms })
        }
        Shape::Day => json!({ "type": "string", "pattern": format!(r"^\s*{DAY}\s*$") }),
        Shape::Names(names) => json!({ "type": "string", "enum": names }),
        Shape::Integer(None) => json!({ "type": "integer" }),
        Shape::Integer(Some((min, max))) => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Shape::Number => json!({ "type": "number" }),
        Shape::Flag => json!({ "type": "boolean" }),
        Shape::Sources => json!({
            "type": "array",
            "minItems": 1,
            "items": { "anyOf": [value(&Shape::Id), { "$ref": format!("#/definitions/{}", Table::Source.name()) }] },
        }),
        Shape::Partners => json!({
            "type": "array",
            "uniqueItems": true,
            "items": { "anyOf": [value(&Shape::Line(MAX_LINE)), { "$ref": format!("#/definitions/{}", Table::PartnerEntry.name()) }] },
        }),
        Shape::Url => json!({ "type": "string", "pattern": r#"^\s*https?://[^/?#\s<>"`]+([/?#][^\s<>"`]*)?\s*$"# }),
        Shape::Degrees(bound) => json!({ "type": "number", "minimum": -i64::from(*bound), "maximum": bound }),
        Shape::Path => {
            let mut array = value(&Shape::Lines);
            array["minItems"] = json!(2);
            array
        }
        Shape::Image => json!({
            "type": "string",
            "pattern": r"^[^<>\n\r\t]*\.([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg])\s*$",
            "not": { "pattern": "://" },
        }),
    }
}

/// The description of each key of `table`: the last cell of its row in
/// the table of `docs/dataset.md` under the table's heading ("Default: "
/// before it where that column gives defaults).
pub fn descriptions(table: Table) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    let mut defaults = false;
    for line in section(CONTRACT, table.heading()).unwrap_or("").lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.trim().trim_matches('|').split(" | ").map(str::trim).collect();
        if cells.first() == Some(&"key") {
            defaults = cells.last() == Some(&"default");
        }
        let (Some(first), Some(last)) = (cells.first(), cells.last()) else { continue };
        let Some(key) = first.strip_prefix('`').and_then(|k| k.strip_suffix('`')) else { continue };
        // The contract's "see below" is a page the editor does not show.
        let last = last.replace("see below", "see docs/dataset.md");
        let rule = if defaults { format!("Default: {last}.") } else { capitalise(&last) };
        rows.push((key.to_owned(), rule));
    }
    rows
}

/// The text of `document` (Markdown) under the heading `heading` (any
/// level), up to the next heading of any level; `None` when there is no
/// such heading. The schema reads docs/dataset.md's tables with it, and
/// the contract tests read the documents with it too.
pub fn section<'a>(document: &'a str, heading: &str) -> Option<&'a str> {
    let mut start = None;
    let mut offset = 0;
    let mut fenced = false;
    for line in document.split_inclusive('\n') {
        fenced ^= line.starts_with("```");
        let level = line.bytes().take_while(|&b| b == b'#').count();
        if !fenced && level > 0 && line[level..].starts_with(' ') {
            match start {
                Some(from) => return Some(&document[from..offset]),
                None if line[level..].trim() == heading => start = Some(offset + line.len()),
                None => {}
            }
        }
        offset += line.len();
    }
    start.map(|from| &document[from..])
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// The definition of one table: its keys, each with its value and
/// description, the ones it must have, and no others.
fn definition(table: Table) -> Value {
    let described = descriptions(table);
    let mut properties = Map::new();
    for &key in table.keys() {
        let mut property = shape(table, key).as_ref().map_or_else(|| json!({}), value);
        if translatable(table, key) {
            property = per_language(property);
        }
        if let Some((_, description)) = described.iter().find(|(k, _)| k == key) {
            property["description"] = json!(description);
        }
        properties.insert(key.to_owned(), property);
    }
    let required = table.required();
    let mut definition = json!({
        "type": "object",
        "description": table.about(),
        "properties": properties,
        "additionalProperties": false,
    });
    if table == Table::Source {
        // Given inline it needs its `name`; citing the registry, its `id`
        // (with which only `credibility` may go).
        definition["anyOf"] = json!([
            { "required": ["name"], "not": { "required": ["id"] } },
            { "required": ["id"], "propertyNames": { "enum": ["id", "credibility"] } },
        ]);
    } else if !required.is_empty() {
        definition["required"] = json!(required);
        // Taplo's completion writes these when it creates the table.
        definition["x-taplo"] = json!({ "initKeys": required });
    }
    if table == Table::Partner {
        definition["allOf"] = partner_rules();
    }
    if table == Table::Event {
        // An undated fact's range already bounds it.
        definition["if"] = json!({ "required": ["date"], "properties": { "date": { "type": "string", "pattern": r"\.\." } } });
        definition["then"] = json!({ "properties": { "until": false } });
    }
    definition
}

/// Whether `key` of `table` is a text that may be given per language
/// (issue 28; docs/dataset.md, "Text in several languages"): the validator
/// reads exactly these through `FileChecker::translated`.
pub fn translatable(table: Table, key: &str) -> bool {
    matches!(
        (table, key),
        (Table::Report, "title" | "subtitle")
            | (Table::Pillar, "name" | "short" | "summary")
            | (Table::Event, "title" | "attribution" | "summary")
            | (Table::Figure, "label" | "unit")
            | (Table::Partner | Table::Place | Table::Route, "name")
            | (Table::Source | Table::Registry, "name" | "note")
            | (Table::Judgement, "text")
    )
}

/// A text's schema, `plain`, or a table of languages each holding such a
/// text (`title.az = "…"`). Which language a table must hold is the
/// dataset's, which one file does not tell: `check` says it.
fn per_language(plain: Value) -> Value {
    let languages: Map<String, Value> = super::lang::LANGUAGES.iter().map(|l| ((*l).to_owned(), plain.clone())).collect();
    json!({
        "anyOf": [
            plain,
            { "type": "object", "minProperties": 1, "properties": languages, "additionalProperties": false },
        ]
    })
}

/// A partner's keys that depend on its kind, as the validator checks
/// them: `iso` for countries, `members` for groups, `region` for both.
fn partner_rules() -> Value {
    let only = |key: &str, kinds: &[PartnerKind]| {
        let others: Vec<&str> = PartnerKind::ALL.iter().filter(|k| !kinds.contains(k)).map(|k| k.as_str()).collect();
        json!({
            "if": { "required": ["kind"], "properties": { "kind": { "enum": others } } },
            // `false`: Taplo then points at the value, not the table.
            "then": { "properties": { key: false } },
        })
    };
    json!([
        only("iso", &[PartnerKind::Country]),
        only("members", &[PartnerKind::Group]),
        only("region", &[PartnerKind::Country, PartnerKind::Group]),
    ])
}

/// The whole schema: a data file, and the tables it may hold.
pub fn schema() -> Value {
    let mut root = definition(Table::Top);
    let definitions: Map<String, Value> =
        Table::ALL.iter().filter(|&&t| t != Table::Top).map(|&t| (t.name().to_owned(), definition(t))).collect();
    root["$schema"] = json!("http://json-schema.org/draft-07/schema#");
    root["title"] = json!("azint-report dataset file");
    root["definitions"] = Value::Object(definitions);
    root
}

/// The schema as `azint-report schema` prints it and the committed copy
/// holds it: two-space indents, keys sorted, a final line break.
pub fn text() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_shape_and_a_description() {
        for &table in Table::ALL {
            let described = descriptions(table);
            for &key in table.keys() {
                assert!(shape(table, key).is_some(), "{key} in {table:?} has no shape");
                assert!(described.iter().any(|(k, d)| k == key && d.len() > 5), "{key} in {table:?} has no description");
            }
            for key in table.required() {
                assert!(table.keys().contains(&key), "{key} is required in {table:?} but not allowed");
            }
        }
    }

    #[test]
    fn descriptions_are_the_contracts_rules() {
        let event = descriptions(Table::Event);
        let significance = &event.iter().find(|(k, _)| k == "significance").unwrap().1;
        assert_eq!(significance, "Required, 1 (routine) to 5 (landmark)");
        let report = descriptions(Table::Report);
        assert!(report.iter().any(|(k, d)| k == "language" && d.starts_with("Default: \"en\"")), "{report:?}");
        assert_eq!(section("# A\nx\n## B\ny\n", "C").unwrap_or(""), "");
        let partner = descriptions(Table::Partner);
        assert!(partner.iter().all(|(k, _)| k.chars().all(|c| c.is_ascii_lowercase())), "{partner:?}");
    }

    #[test]
    fn vocabularies_are_the_validators() {
        let kinds = schema()["definitions"]["event"]["properties"]["kind"]["enum"].clone();
        assert_eq!(kinds.as_array().map(Vec::len), Some(Kind::ALL.len()));
        for &kind in Kind::ALL {
            assert!(kinds.as_array().unwrap().contains(&json!(kind.as_str())));
        }
        let statuses = &schema()["definitions"]["event"]["properties"]["status"]["enum"];
        assert_eq!(statuses, &json!(Status::NAMES));
    }

    #[test]
    fn the_text_is_stable_and_ends_with_a_line_break() {
        assert_eq!(text(), text());
        assert!(text().ends_with("}\n"));
        assert!(text().contains("\"additionalProperties\": false"));
    }
}
