//! Warnings about a valid dataset: things that are allowed but that the
//! analyst should look at, such as a plan whose date has passed.
//!
//! They depend on the report's date (`--as-of`), so they are not part of
//! validation, which depends on the files alone; `check` prints them and
//! still succeeds.

use chrono::NaiveDate;

use crate::diag::Diagnostic;

use super::model::{Dataset, Status};

/// Every warning about `dataset` as of `as_of`, in file order.
pub fn lint(dataset: &Dataset, as_of: NaiveDate) -> Vec<Diagnostic> {
    let mut warnings: Vec<Diagnostic> = dataset
        .events
        .iter()
        .filter(|e| e.status == Status::Planned && e.last_day() < as_of)
        .map(|e| {
            let when = match (e.undated, e.until) {
                (true, Some(until)) => format!("{}..{until}", e.date),
                (false, Some(until)) => format!("{} to {until}", e.date),
                (_, None) => e.date.to_string(),
            };
            Diagnostic::error_at_place(
                &e.file,
                e.place,
                format!("event `{}` is planned for {when}; still planned as of {as_of}?", e.id),
            )
            .with_help("if it happened, remove `status = \"planned\"`; if it was put off, give its new date")
            .warning()
        })
        .collect();
    warnings.extend(uncited_sources(dataset));
    crate::diag::sort(&mut warnings);
    warnings
}

/// A `[[source]]` no event cites: nothing of it reaches the briefing
/// (issue 29, item 11), named in its file (the registry is in file order,
/// and `contents` counts each file's entries).
fn uncited_sources(dataset: &Dataset) -> Vec<Diagnostic> {
    let cited: std::collections::HashSet<&str> = dataset.events.iter().flat_map(|e| e.sources.iter().filter_map(|s| s.id.as_deref())).collect();
    let files = dataset.contents.iter().enumerate().flat_map(|(i, f)| std::iter::repeat_n(dataset.files.get(i).map_or(f.path.as_str(), String::as_str), f.sources));
    dataset
        .sources
        .iter()
        .zip(files.chain(std::iter::repeat("the source registry")))
        .filter_map(|(source, file)| {
            let id = source.id.as_deref()?;
            (!cited.contains(id)).then(|| {
                Diagnostic::error_in(file, format!("source `{id}` is cited by no event: the briefing does not show it"))
                    .with_help(format!("cite it in an event's `sources` (`sources = [\"{id}\"]`), or remove it"))
                    .warning()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::validate::validate_text;

    const DATA: &str = r#"
[[pillar]]
id = "p"
name = "P"

[[event]]
id = "done"
title = "Done"
date = "2025-03"
pillar = "p"
kind = "summit"
significance = 3
summary = "S."
sources = [{ name = "S" }]

[[event]]
id = "summit"
title = "Summit"
date = "2025-03"
status = "planned"
pillar = "p"
kind = "summit"
significance = 3
summary = "S."
sources = [{ name = "S" }]
"#;

    /// Issue 29, item 11: a registry source no event cites is named.
    #[test]
    fn a_source_cited_by_no_event_is_a_warning_in_its_file() {
        let text = format!("{DATA}\n[[source]]\nid = \"used\"\nname = \"U\"\nkind = \"media\"\n\n[[source]]\nid = \"idle\"\nname = \"I\"\nkind = \"media\"\n");
        let text = text.replacen("sources = [{ name = \"S\" }]", "sources = [\"used\"]", 1);
        let dataset = validate_text("d.toml", Box::leak(text.into_boxed_str())).unwrap();
        let warnings: Vec<String> = lint(&dataset, day("2025-03-01")).iter().map(ToString::to_string).collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("d.toml: warning: source `idle` is cited by no event"), "{warnings:?}");
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_plan_whose_date_has_passed_is_a_warning_at_its_event() {
        let dataset = validate_text("d.toml", DATA).unwrap();
        assert!(lint(&dataset, day("2025-03-31")).is_empty(), "March is not over on its last day");
        let warnings = lint(&dataset, day("2025-04-01"));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(!warnings[0].is_error());
        assert_eq!(
            warnings[0].to_string().lines().next().unwrap(),
            "d.toml:16:1: warning: event `summit` is planned for 2025-03; still planned as of 2025-04-01?"
        );
    }
}
