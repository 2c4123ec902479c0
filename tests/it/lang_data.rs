//! Data in several languages (issue 28, items 5 and 6): a text field given
//! per language is read for the language asked, falls back to the
//! dataset's own with a warning per kind of field, is checked like every
//! text, and a fallback is marked with its language in the Markdown.


use azint_report::dataset::{self, DataSource, Dataset, DatasetError};
use azint_report::period::Period;
use azint_report::report::{self, lang_span, Templates};
use azint_report::summary::{maps::Maps, summarise, Selection};
use azint_report::words::Catalogue;
use chrono::NaiveDate;

use crate::util::{bin, root, stderr, stdout};

const FIXTURE: &str = "tests/fixtures/valid/languages";

fn fixture() -> DataSource {
    DataSource::Path(root().join(FIXTURE))
}

/// The dataset of one file with `text` (in a fresh folder), read for `lang`.
fn load_text(text: &str, lang: Option<&str>) -> (tempfile::TempDir, Result<Dataset, DatasetError>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.toml"), text).unwrap();
    let loaded = dataset::load_in(&DataSource::Path(dir.path().to_path_buf()), lang);
    (dir, loaded)
}

/// The problems of an invalid dataset, each as `check` prints it, the
/// folder's path left out.
fn problems(text: &str, lang: Option<&str>) -> Vec<String> {
    let (dir, loaded) = load_text(text, lang);
    let Err(DatasetError::Invalid(problems)) = loaded else { panic!("expected problems: {loaded:?}") };
    let prefix = format!("{}/", dir.path().display());
    problems.iter().map(|d| d.to_string().replace(&prefix, "")).collect()
}

fn event<'d>(dataset: &'d Dataset, id: &str) -> &'d dataset::Event {
    dataset.events.iter().find(|e| e.id == id).unwrap()
}

#[test]
fn each_text_is_read_in_the_language_asked() {
    let ru = dataset::load_in(&fixture(), Some("ru")).unwrap();
    let gas = event(&ru, "gas-contract");
    assert_eq!(gas.title, "Газовый контракт с Германией");
    assert_eq!(gas.summary, "Азербайджан подписал газовый контракт.");
    assert_eq!(gas.figures[0].label, "Годовой объём");
    assert_eq!(gas.figures[0].unit.as_deref(), Some("bcm/yr"), "a plain string is the dataset's language");
    assert_eq!(ru.report.title, "Интеграция");
    assert_eq!(ru.pillars[0].name, "Энергетическая дипломатия");
    assert_eq!(ru.pillars[0].short.as_deref(), Some("Энергетика"));
    // Events name partners in the dataset's language; the registry shows
    // them in the language asked.
    assert_eq!(gas.partners, ["Германия"]);
    assert_eq!(event(&ru, "un-session").partners, ["ООН"]);
    assert_eq!(ru.partners[0].name, "Германия");

    let az = dataset::load_in(&fixture(), Some("az")).unwrap();
    assert_eq!(event(&az, "gas-contract").title, "Almaniya ilə qaz müqaviləsi");
    assert_eq!(az.pillars[0].short.as_deref(), Some("Energy"), "no Azerbaijani short name: the English one");
    assert_eq!(az.sources[0].note.as_deref(), Some("Oxucuları tərəfindən maliyyələşdirilir."));

    let own = dataset::load(&fixture()).unwrap();
    assert_eq!(event(&own, "gas-contract").title, "Gas contract with Germany");
    assert_eq!(own.partners[0].name, "Germany");
    assert!(own.fallbacks.is_empty(), "{:?}", own.fallbacks);
    assert!(own.fallbacks.warnings("d").is_empty());
}

#[test]
fn what_falls_back_is_counted_once_per_kind_and_kept_by_its_text() {
    let ru = dataset::load_in(&fixture(), Some("ru")).unwrap();
    let warnings: Vec<String> = ru.fallbacks.warnings("data").iter().map(|d| d.message.clone()).collect();
    assert_eq!(
        warnings,
        [
            "1 of 1 report subtitle has no Russian text: it is shown in English",
            "1 of 2 event titles has no Russian text: it is shown in English",
            "1 of 1 figure unit has no Russian text: it is shown in English",
            "2 of 2 source notes have no Russian text: they are shown in English",
            "1 of 2 place names has no Russian text: it is shown in English",
        ]
    );
    assert_eq!(ru.fallbacks.language_of("Session at the United Nations"), Some("en"));
    assert_eq!(ru.fallbacks.language_of("Газовый контракт с Германией"), None);
    assert!(ru.fallbacks.warnings("data").iter().all(|d| !d.is_error()));
}

/// A pillar and an event around `event_keys` (the event's title and
/// summary), with `report` as the `[report]` table's keys.
fn dataset_with(report: &str, event_keys: &str) -> String {
    format!(
        "[report]\n{report}\n\n[[pillar]]\nid = \"p\"\nname = \"P\"\n\n[[event]]\nid = \"e\"\n{event_keys}\ndate = 2025-03-12\npillar = \"p\"\nkind = \"summit\"\nsignificance = 3\nsources = [{{ name = \"S\" }}]\n"
    )
}

#[test]
fn every_problem_of_a_language_table_is_listed_at_its_place() {
    let text = dataset_with(
        "language = \"en\"",
        "title.en = \"Summit\"\ntitle.rus = \"Саммит\"\ntitle.az = \"   \"\nsummary.az = \"Zirvə.\"\nsummary.ru = \"Сам\u{202E}мит.\"",
    );
    let problems = problems(&text, Some("ru"));
    assert_eq!(
        problems,
        [
            "d.toml:11:7: error: unknown language `rus` in `title`\n  help: did you mean `ru`?",
            "d.toml:12:12: error: `title.az` is empty: expected some text",
            "d.toml:13:1: error: `summary` has no text in the dataset's language, `en` (English): a plain string or `summary.en` gives it\n  help: add `summary.en = \"…\"`; the dataset's language is `[report] language`, `en` unless given",
            "d.toml:14:14: error: `summary.ru` holds the bidirectional control U+202E: remove it",
        ],
        "{problems:#?}"
    );
}

#[test]
fn a_plain_string_is_in_the_dataset_s_language() {
    let text = dataset_with("language = \"az\"", "title = \"Zirvə\"\nsummary = { az = \"Zirvə keçirildi.\", en = \"A summit was held.\" }");
    let (_dir, own) = load_text(&text, None);
    let own = own.unwrap();
    assert_eq!((own.events[0].title.as_str(), own.events[0].summary.as_str()), ("Zirvə", "Zirvə keçirildi."));
    assert!(own.fallbacks.is_empty());
    let (_dir, en) = load_text(&text, Some("en"));
    let en = en.unwrap();
    assert_eq!((en.events[0].title.as_str(), en.events[0].summary.as_str()), ("Zirvə", "A summit was held."));
    assert_eq!(en.fallbacks.language_of("Zirvə"), Some("az"));
    let warnings: Vec<String> = en.fallbacks.warnings("d").iter().map(|d| d.message.clone()).collect();
    assert_eq!(
        warnings,
        [
            "1 of 1 pillar name has no English text: it is shown in Azerbaijani",
            "1 of 1 event title has no English text: it is shown in Azerbaijani",
            "1 of 1 source name has no English text: it is shown in Azerbaijani",
        ]
    );
    // A table without the dataset's language is refused whichever
    // language is asked: here Azerbaijani, named in `[report]`.
    let text = dataset_with("language = \"az\"", "title = \"Zirvə\"\nsummary = { en = \"A summit was held.\" }");
    for lang in [None, Some("en"), Some("ru")] {
        let problems = problems(&text, lang);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("d.toml:11:11: error: `summary` has no text in the dataset's language, `az` (Azerbaijani)"), "{problems:?}");
    }
}

#[test]
fn a_language_the_briefings_are_not_written_in_is_refused() {
    let Err(DatasetError::Invalid(problems)) = dataset::load_in(&fixture(), Some("ry")) else { panic!() };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].message, "unknown language `ry`: a briefing is written in en, az, ru");
    assert_eq!(problems[0].help.as_deref(), Some("did you mean `ru`?"));
}

#[test]
fn check_accepts_the_languages_fixture() {
    let output = bin().args(["check", "--data", FIXTURE]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), format!("{FIXTURE}: 1 file, 1 pillar, 2 events: no problems\n"));
}

/// The Markdown of `dataset` as the pipeline renders it, for the whole
/// years 2025 to 2026.
fn markdown(dataset: &Dataset) -> String {
    let period = Period::parse("2025-2026").unwrap();
    let words = Catalogue::builtin();
    let selection = Selection {
        period: &period,
        highlights: 3,
        pillars: &[],
        as_of: NaiveDate::from_ymd_opt(2026, 2, 12).unwrap(),
        chronology: true,
        compare: None,
        data_source: FIXTURE.into(),
        words: &words,
    };
    let summary = summarise(dataset, &selection);
    let templates = Templates::compile(&report::templates::builtin()).unwrap();
    let maps = Maps::default();
    let briefing = report::Briefing { summary: &summary, changes: None, draft: true, maps: &maps, annexes: true };
    lang_span::marking(&dataset.fallbacks, || report::render(&briefing, &templates)).unwrap()
}

#[test]
fn a_fallback_text_is_marked_with_its_language_in_the_markdown() {
    let ru = markdown(&dataset::load_in(&fixture(), Some("ru")).unwrap());
    if std::env::var_os("SHOW_MD").is_some() { eprintln!("{ru}"); }
    assert!(ru.contains("# Интеграция\n"), "{ru}");
    assert!(ru.contains("Газовый контракт с Германией"), "{ru}");
    assert!(!ru.contains("Gas contract with Germany"), "{ru}");
    assert!(ru.contains(r#"<span lang="en">Session at the United Nations</span>"#), "{ru}");
    assert!(!ru.contains(r#"<span lang="en">Газ"#), "{ru}");
    let spans = ru.matches("<span lang=").count();
    assert_eq!(spans, ru.matches("</span>").count());
    // The dataset's own language marks nothing.
    let en = markdown(&dataset::load(&fixture()).unwrap());
    assert!(!en.contains("<span"), "{en}");
    assert!(en.contains("Session at the United Nations"));
}

/// Issue 28, item 6: the default data in Azerbaijani and Russian, every
/// text of them translated, none falling back to English.
#[test]
fn the_default_data_are_whole_in_each_language() {
    let en = dataset::load(&DataSource::Builtin).unwrap();
    for lang in ["az", "ru"] {
        let other = dataset::load_in(&DataSource::Builtin, Some(lang)).unwrap();
        assert!(other.fallbacks.is_empty(), "{lang}: {:?}", other.fallbacks.warnings("data"));
        assert!(other.fallbacks.counts.values().all(|(read, _)| *read > 0));
        for (a, b) in en.events.iter().zip(&other.events) {
            assert_eq!(a.id, b.id);
            assert_ne!(a.title, b.title, "{lang}: {} is translated", a.id);
            assert_ne!(a.summary, b.summary, "{lang}: {} is translated", a.id);
            assert_eq!(a.attribution.is_some(), b.attribution.is_some());
            assert_eq!(a.date, b.date);
        }
        for (a, b) in en.pillars.iter().zip(&other.pillars) {
            assert_ne!(a.name, b.name, "{lang}: pillar {}", a.id);
        }
        let note = other.sources[0].note.as_deref().unwrap_or_default();
        let said = if lang == "az" { "hələ ana dili daşıyıcısı tərəfindən yoxlanılmayıb" } else { "ещё не проверен носителем языка" };
        assert!(note.contains(said), "{lang}: the note says the translation is not yet reviewed: {note}");
        let md = markdown(&other);
        assert!(!md.contains("<span"), "{lang}: nothing falls back, nothing is marked");
    }
    // The English reads as before: the source's note is the article's own.
    assert_eq!(
        en.sources[0].note.as_deref(),
        Some("The material was prepared with the financial support of the Media Development Agency of the Republic of Azerbaijan.")
    );
    assert!(en.fallbacks.is_empty());
}

/// The keys the schema offers per language are the ones the validator
/// reads per language: the fixture gives each of them as a table (and
/// `check` accepts it), each kind of text is counted, and a key the
/// schema keeps to one string refuses a table.
#[test]
fn the_schema_the_fixture_and_the_validator_agree_on_what_has_languages() {
    use azint_report::dataset::schema::{self, Table};
    let printed = schema::schema();
    let mut per_language = Vec::new();
    for &table in Table::ALL {
        let definition = if table == Table::Top { &printed } else { &printed["definitions"][table.name()] };
        for &key in table.keys() {
            let property = &definition["properties"][key];
            let languages = property["anyOf"].as_array().and_then(|a| a.iter().find(|s| s["type"] == "object"));
            assert_eq!(languages.is_some(), schema::translatable(table, key), "{table:?} `{key}`: {property}");
            if let Some(languages) = languages {
                let codes: Vec<&String> = languages["properties"].as_object().unwrap().keys().collect();
                assert_eq!(codes, ["az", "en", "ru"], "{table:?} `{key}`");
                assert_eq!(languages["additionalProperties"], false);
                per_language.push((table, key));
            }
        }
    }
    assert_eq!(per_language.len(), 18, "{per_language:?}");
    // Each is given as a table somewhere in the fixture.
    let text = std::fs::read_to_string(root().join(FIXTURE).join("data.toml")).unwrap();
    let file = toml::de::DeTable::parse(&text).unwrap().into_inner();
    let mut given = std::collections::BTreeSet::new();
    fn tables<'t>(value: &toml::de::DeValue<'t>) -> Vec<toml::de::DeTable<'t>> {
        match value {
            toml::de::DeValue::Table(t) => vec![t.clone()],
            toml::de::DeValue::Array(items) => items
                .iter()
                .filter_map(|i| match i.get_ref() {
                    toml::de::DeValue::Table(t) => Some(t.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
    let mut walk: Vec<(Table, toml::de::DeTable<'_>)> = vec![(Table::Top, file)];
    while let Some((table, t)) = walk.pop() {
        for (key, value) in t.iter() {
            let key: &str = key.get_ref();
            if schema::translatable(table, key) && matches!(value.get_ref(), toml::de::DeValue::Table(_)) {
                given.insert((table.name(), key.to_owned()));
            }
            let inner = match (table, key) {
                (Table::Top, "report") => Some(Table::Report),
                (Table::Top, "pillar") => Some(Table::Pillar),
                (Table::Top, "event") => Some(Table::Event),
                (Table::Top, "partner") => Some(Table::Partner),
                (Table::Top, "source") => Some(Table::Registry),
                (Table::Top, "judgement") => Some(Table::Judgement),
                (Table::Top, "place") => Some(Table::Place),
                (Table::Top, "route") => Some(Table::Route),
                (Table::Event, "figures") => Some(Table::Figure),
                (Table::Event, "sources") => Some(Table::Source),
                _ => None,
            };
            if let Some(inner) = inner {
                walk.extend(tables(value.get_ref()).into_iter().map(|t| (inner, t)));
            }
        }
    }
    let wanted: std::collections::BTreeSet<(&str, String)> = per_language.iter().map(|(t, k)| (t.name(), (*k).to_owned())).collect();
    assert_eq!(given, wanted);
    // The validator reads every kind of text from them.
    let ru = dataset::load_in(&fixture(), Some("ru")).unwrap();
    assert_eq!(ru.fallbacks.counts.len(), 16, "{:?}", ru.fallbacks.counts);
    // A key with one value for all languages refuses a table.
    let base = dataset_with("", "title = \"T\"\nsummary = \"S.\"");
    for (plain, table) in [("kind = \"summit\"", "kind = { en = \"summit\" }"), ("pillar = \"p\"", "pillar = { en = \"p\" }")] {
        assert!(base.contains(plain));
        let problems = problems(&base.replace(plain, table), None);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("must be a string, found a table"), "{problems:?}");
    }
}

/// The content hash and the change report's field views see the text of
/// the briefing's language: each language keeps its own history, and an
/// edit of one language's text is an edit in that language only.
#[test]
fn the_content_hash_is_of_the_text_shown() {
    use azint_report::dataset::event_fields::views;
    use azint_report::snapshot::hash::content_hash;
    let en = dataset::load(&DataSource::Builtin).unwrap();
    let ru = dataset::load_in(&DataSource::Builtin, Some("ru")).unwrap();
    let en_again = dataset::load_in(&DataSource::Builtin, Some("en")).unwrap();
    for ((a, b), c) in en.events.iter().zip(&ru.events).zip(&en_again.events) {
        assert_ne!(content_hash(a), content_hash(b), "{}", a.id);
        assert_eq!(content_hash(a), content_hash(c), "{}", a.id);
    }
    let cop = |d: &Dataset| views(d, d.events.iter().find(|e| e.id == "cop29-baku").unwrap());
    let title = |d: &Dataset| format!("{:?}", cop(d).get("title"));
    assert!(title(&ru).contains("Конференция ООН по изменению климата COP29 в Баку"), "{}", title(&ru));
    assert!(title(&en).contains("COP29 UN Climate Change Conference in Baku"), "{}", title(&en));
}
