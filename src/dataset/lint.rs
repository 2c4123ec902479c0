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
    crate::diag::sort(&mut warnings);
    warnings
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
