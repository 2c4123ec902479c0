//! The analyst's judgements (issue 25): `[[judgement]]` tables checked
//! with their places, shown first in the briefing in both formats, and
//! kept honest when their evidence changes.

use std::path::Path;

use crate::util::{bin, copy_dir, root, stderr};

/// A copy of the default data with `judgements.toml` holding `text`.
pub(crate) fn data_with(dir: &Path, text: &str) -> std::path::PathBuf {
    let data = dir.join("data");
    copy_dir(&root().join("data"), &data);
    std::fs::write(data.join("judgements.toml"), text).unwrap();
    data
}

/// `check`'s standard error and whether it passed.
fn check(text: &str) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with(dir.path(), text);
    let output = bin().current_dir(dir.path()).args(["check", "--data"]).arg(&data).output().unwrap();
    (output.status.success(), stderr(&output).replace(&format!("{}/", dir.path().display()), ""))
}

pub(crate) const GOOD: &str = r#"[[judgement]]
id = "gas-to-europe"
text = "Azerbaijan will *very likely* keep its gas deliveries to Europe at today's level through 2026."
likelihood = "very likely"
confidence = "moderate"
evidence = ["sefe-gas-contract", "socar-gas-germany-austria"]
pillar = "energy"
"#;

#[test]
fn a_well_formed_judgement_passes_check() {
    let (ok, err) = check(GOOD);
    assert!(ok, "{err}");
}

#[test]
fn each_mistake_in_a_judgement_is_refused_at_its_place() {
    let text = r#"[[judgement]]
id = "gas"
text = "T."
likelihood = "very likley"
confidence = "moderate"
evidence = ["sefe-gas-contrac"]
pillar = "enrgy"

[[judgement]]
id = "gas"
text = "T."
likelihood = "likely"
confidence = "hihg"
evidence = []
reviewed = "2026-02"

[[judgement]]
text = "T."
likelihood = "likely"
confidence = "low"
"#;
    let (ok, err) = check(text);
    assert!(!ok);
    for expected in [
        "data/judgements.toml:4:14: error: unknown likelihood `very likley`\n  help: did you mean `very likely`?",
        "data/judgements.toml:6:13: error: unknown evidence `sefe-gas-contrac`: expected the id of an `[[event]]`\n  help: did you mean `sefe-gas-contract`?",
        "data/judgements.toml:7:10: error: unknown pillar `enrgy`: expected the id of a `[[pillar]]`\n  help: did you mean `energy`?",
        "data/judgements.toml:10:6: error: duplicate judgement id `gas`: ids must be unique across all files\n  help: `gas` is first defined at data/judgements.toml:2:6",
        "data/judgements.toml:13:14: error: unknown confidence `hihg`\n  help: did you mean `high`?",
        "data/judgements.toml:14:12: error: `evidence` is empty: a judgement rests on at least one event",
        "data/judgements.toml:15:12: error: `reviewed` must be a full date such as `2026-02-12`",
        "data/judgements.toml:17:1: error: missing required key `evidence` in `[[judgement]]`",
    ] {
        assert!(err.contains(expected), "expected\n{expected}\nin\n{err}");
    }
    assert!(err.contains("8 problems"), "{err}");
}

#[test]
fn a_misspelt_key_of_a_judgement_is_named_with_the_keys_allowed() {
    let (ok, err) = check("[[judgement]]\ntext = \"T.\"\nlikelyhood = \"likely\"\nconfidence = \"low\"\nevidence = [\"cop29-baku\"]\n");
    assert!(!ok);
    assert!(err.contains("data/judgements.toml:3:1: error: unknown key `likelyhood` in `[[judgement]]`"), "{err}");
    assert!(err.contains("did you mean `likelihood`?"), "{err}");
    assert!(!err.contains("missing required key `likelihood`"), "one mistake, one error: {err}");
}
