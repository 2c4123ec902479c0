//! The dataset's JSON Schema (issue 24, item 8) held to what it describes:
//! the committed copy is what `azint-report schema` prints; every key the
//! validator accepts, the field table and the model know, and
//! `docs/dataset.md` documents is in it, and nothing else; it requires
//! exactly the keys the validator requires. (Taplo itself runs on the
//! fixtures in `.ci/run`.)

use std::collections::BTreeSet;

use azint_report::dataset::schema::{self, Table};
use serde_json::Value;

use crate::util::{bin, root, stderr, stdout};

/// The schema as the binary prints it.
fn printed() -> Value {
    let output = bin().arg("schema").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("`azint-report schema` prints JSON")
}

/// The keys the schema allows in `table`.
fn properties(schema: &Value, table: Table) -> BTreeSet<String> {
    let definition = match table {
        Table::Top => schema,
        _ => &schema["definitions"][table.name()],
    };
    assert_eq!(definition["additionalProperties"], Value::Bool(false), "{table:?} refuses unknown keys");
    definition["properties"].as_object().map(|p| p.keys().cloned().collect()).unwrap_or_default()
}

#[test]
fn the_committed_schema_is_what_the_binary_prints() {
    let output = bin().arg("schema").output().unwrap();
    assert!(output.status.success());
    let committed = std::fs::read_to_string(root().join(schema::COMMITTED)).unwrap_or_default();
    assert!(
        stdout(&output) == committed,
        "{} is not what `azint-report schema` prints; regenerate it with\n  cargo run -- schema > {}",
        schema::COMMITTED,
        schema::COMMITTED
    );
}

#[test]
fn every_key_the_validator_accepts_is_in_the_schema() {
    let schema = printed();
    // The validator's own answer to an unknown key: the keys allowed there.
    let mut seen = 0;
    for (place, keys) in crate::docs::accepted_keys() {
        let table = match place.as_str() {
            "at the top of a data file" => Table::Top,
            "in `[report]`" => Table::Report,
            "in `[[pillar]]`" => Table::Pillar,
            "in `[[event]]`" => Table::Event,
            "in `[[partner]]`" => Table::Partner,
            "in a figure" => Table::Figure,
            "in a partner of `partners`" => Table::PartnerEntry,
            "in a source" => Table::Source,
            "in `[[judgement]]`" => Table::Judgement,
            "in `[[source]]`" => Table::Registry,
            "in `[[place]]`" => Table::Place,
            "in `[[route]]`" => Table::Route,
            other => panic!("a table the schema does not know: {other}"),
        };
        let accepted: BTreeSet<String> = keys.iter().map(|k| k.trim_matches('`').to_owned()).collect();
        assert_eq!(properties(&schema, table), accepted, "the keys of {table:?}");
        seen += 1;
    }
    assert_eq!(seen, Table::ALL.len(), "every table probed");
}

#[test]
fn every_key_of_the_model_and_the_contract_is_in_the_schema() {
    let schema = printed();
    // The table of event fields.
    let event = properties(&schema, Table::Event);
    for key in azint_report::dataset::event_fields::event_keys() {
        assert!(event.contains(*key), "`{key}` of the field table is not in the schema");
    }
    // The model's `[report]`, as it serialises.
    let report = serde_json::to_value(azint_report::dataset::ReportMeta::default()).unwrap();
    let fields: BTreeSet<String> = report.as_object().unwrap().keys().cloned().collect();
    assert_eq!(fields, properties(&schema, Table::Report), "the fields of ReportMeta");
    // Every key docs/dataset.md documents, table by table, and no other.
    for &table in Table::ALL {
        let documented: BTreeSet<String> = schema::descriptions(table).into_iter().map(|(k, _)| k).collect();
        assert!(!documented.is_empty(), "no table under `{}` in docs/dataset.md", table.heading());
        assert_eq!(documented, properties(&schema, table), "docs/dataset.md, {}", table.heading());
        let definition = if table == Table::Top { &schema } else { &schema["definitions"][table.name()] };
        for key in &documented {
            let description = definition["properties"][key]["description"].as_str().unwrap_or_default();
            assert!(description.len() > 5, "`{key}` in {table:?} has no description");
        }
    }
}

/// A value for each key a table may require, for a smallest valid file.
fn sample(table: Table, key: &str) -> String {
    let value = match (table, key) {
        (Table::Pillar, "id") => "\"p\"",
        (Table::Pillar, "name") => "\"P\"",
        (Table::Partner, "id") => "\"x\"",
        (Table::Partner, "name") => "\"X\"",
        (Table::Partner, "kind") => "\"country\"",
        (Table::Event, "id") => "\"e\"",
        (Table::Event, "title") => "\"E\"",
        (Table::Event, "date") => "2025-01-01",
        (Table::Event, "pillar") => "\"p\"",
        (Table::Event, "kind") => "\"visit\"",
        (Table::Event, "significance") => "3",
        (Table::Event, "summary") => "\"S.\"",
        (Table::PartnerEntry, "name") => "\"X\"",
        (Table::PartnerEntry, "role") => "\"party\"",
        (Table::Figure, "label") => "\"L\"",
        (Table::Figure, "value") => "1",
        (Table::Source, "name") => "\"N\"",
        (Table::Judgement, "text") => "\"T.\"",
        (Table::Judgement, "likelihood") => "\"likely\"",
        (Table::Judgement, "confidence") => "\"low\"",
        (Table::Judgement, "evidence") => "[\"e\"]",
        (Table::Registry, "id") => "\"s\"",
        (Table::Registry, "name") => "\"S\"",
        (Table::Registry, "kind") => "\"media\"",
        (Table::Place, "id") => "\"a\"",
        (Table::Place, "name") => "\"A\"",
        (Table::Place, "lat") => "40.4",
        (Table::Place, "lon") => "49.9",
        (Table::Route, "id") => "\"r\"",
        (Table::Route, "name") => "\"R\"",
        (Table::Route, "via") => "[\"a\", \"b\"]",
        (Table::Route, "pillar") => "\"p\"",
        _ => panic!("the schema requires `{key}` in {table:?}: give it a sample here"),
    };
    value.to_owned()
}

/// `key = value` for each key the schema requires in `table`, but `drop`.
fn keys(table: Table, drop: Option<(Table, &str)>) -> Vec<String> {
    let required = table.required();
    let kept = required.into_iter().filter(|&k| drop != Some((table, k)));
    kept.map(|k| match (table, k) {
        (Table::Event, "sources") => format!("sources = [{{ {} }}]", keys(Table::Source, drop).join(", ")),
        _ => format!("{k} = {}", sample(table, k)),
    })
    .collect()
}

/// A file with one of each table, holding only the keys the schema
/// requires (but `drop`), a figure and a judgement.
fn smallest(drop: Option<(Table, &str)>) -> String {
    let lines = |table: Table| keys(table, drop).join("\n");
    format!(
        "[[pillar]]\n{}\n[[partner]]\n{}\n[[event]]\n{}\npartners = [{{ {} }}]\nfigures = [{{ {} }}]\n[[judgement]]\n{}\n[[source]]\n{}\n\
         [[place]]\n{}\n[[place]]\n{}\n[[route]]\n{}\n",
        lines(Table::Pillar),
        lines(Table::Partner),
        lines(Table::Event),
        keys(Table::PartnerEntry, drop).join(", "),
        keys(Table::Figure, drop).join(", "),
        lines(Table::Judgement),
        lines(Table::Registry),
        lines(Table::Place),
        // The route's second place, always whole: it is not the table
        // whose key is dropped.
        keys(Table::Place, None).join("\n").replace("\"a\"", "\"b\""),
        lines(Table::Route)
    )
}

fn check(text: &str) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.toml"), text).unwrap();
    let output = bin().current_dir(dir.path()).args(["check", "--data", "d.toml"]).output().unwrap();
    (output.status.success(), stderr(&output))
}

#[test]
fn the_schema_requires_what_the_validator_requires() {
    // Nothing else is required: the keys the schema requires make a valid
    // file.
    let (ok, err) = check(&smallest(None));
    assert!(ok, "{}\n{err}", smallest(None));
    // And each of them is required.
    let mut tried = 0;
    for &table in Table::ALL {
        for key in table.required() {
            let text = smallest(Some((table, key)));
            let (ok, err) = check(&text);
            assert!(!ok && err.contains(&format!("missing required key `{key}`")), "without `{key}` in {table:?}:\n{text}\n{err}");
            tried += 1;
        }
    }
    assert!(tried >= 14, "{tried} required keys");
}

#[test]
fn the_schemas_vocabularies_are_the_validators() {
    let schema = printed();
    let partner = &schema["definitions"]["partner"]["properties"];
    let names = |v: &Value| -> Vec<String> {
        v["enum"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_owned()).collect()
    };
    // Each name the schema offers is one the validator takes, and a
    // misspelt one is refused by both.
    let region = names(&partner["region"]);
    assert_eq!(region, azint_report::dataset::Region::NAMES);
    assert_eq!(names(&partner["iso"]).len(), 249);
    for kind in names(&schema["definitions"]["event"]["properties"]["kind"]) {
        let text = smallest(None).replace("kind = \"visit\"", &format!("kind = \"{kind}\""));
        assert!(check(&text).0, "kind `{kind}`");
    }
    let text = smallest(None).replace("kind = \"visit\"", "kind = \"vist\"");
    assert!(!check(&text).0);
}

#[test]
fn the_schemas_own_invalid_fixtures_are_refused_by_the_validator_too() {
    // tests/fixtures/schema/invalid/: what only the schema's if/then says
    // (a key that depends on a partner's kind), and a text in a language
    // the briefings are not written in; `.ci/run` has Taplo fail them. The validator refuses each for one problem.
    let dir = root().join("tests/fixtures/schema/invalid");
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    assert!(names.len() >= 2, "{names:?}");
    for path in names {
        let output = bin().args(["check", "--data"]).arg(&path).output().unwrap();
        assert_eq!(output.status.code(), Some(65), "{}", path.display());
        assert!(stderr(&output).contains(": 1 problem in 1 file"), "{}: {}", path.display(), stderr(&output));
    }
}

#[test]
fn every_default_data_file_names_the_schema_before_its_first_key() {
    // Taplo reads `#:schema PATH` among the comments that open a file, and
    // resolves PATH from the file's folder; after a key it is ignored.
    let mut files = Vec::new();
    let mut folders = vec![root().join("data")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 7, "{files:?}");
    let committed = std::fs::canonicalize(root().join(schema::COMMITTED)).unwrap();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let opening: Vec<&str> = text.lines().take_while(|l| l.starts_with('#') || l.trim().is_empty()).collect();
        let target = opening.iter().find_map(|l| l.strip_prefix("#:schema ")).unwrap_or_else(|| {
            panic!("{}: no `#:schema` line before the first key", file.display())
        });
        let resolved = std::fs::canonicalize(file.parent().unwrap().join(target.trim()));
        assert_eq!(resolved.ok().as_ref(), Some(&committed), "{}: `#:schema {target}`", file.display());
    }
}
