//! Data in several languages (issue 28, items 5 and 6): a text field given
//! per language is read for the language asked, falls back to the
//! dataset's own with a warning per kind of field, is checked like every
//! text, and a fallback is marked with its language in the Markdown.

use std::path::{Path, PathBuf};

use azint_report::dataset::{self, DataSource, Dataset, DatasetError};
use azint_report::period::Period;
use azint_report::report::{self, lang_span, Templates};
use azint_report::summary::{maps::Maps, summarise, Selection};
use azint_report::words::Catalogue;
use chrono::NaiveDate;

use crate::util::{bin, root, stderr, stdout, AS_OF};

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
            "1 of 2 event titles has no Russian text: it is shown in English",
            "1 of 1 figure unit has no Russian text: it is shown in English",
            "1 of 1 source name has no Russian text: it is shown in English",
            "1 of 1 source note has no Russian text: it is shown in English",
        ]
    );
    assert_eq!(ru.fallbacks.language_of("Session at the United Nations"), Some("en"));
    assert_eq!(ru.fallbacks.language_of("Газовый контракт с Германией"), None);
    assert!(ru.fallbacks.warnings("data").iter().all(|d| !d.is_error()));
}
