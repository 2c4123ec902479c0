//! What to watch (issue 25, item 3): what the data say is still to come
//! or still under way at the report's date, never a guess. Two sorts of
//! event of the period qualify: a plan (`status = "planned"`) whose date
//! has not passed (one that has is a warning of `check`, never listed),
//! and a dated span (`until`) that began on or before the report's date
//! and runs past it. An undated event's span only bounds an unknown date,
//! so it is not "running". The list is in the chronology's order.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::dataset::{Event, Status};
use crate::words::Catalogue;

/// One event to watch, for the templates.
#[derive(Clone, Debug, Serialize)]
pub struct WatchItem {
    pub id: String,
    /// As printed everywhere ([`super::views::shown_title`]).
    pub title: String,
    /// The date as the data give it, for the `when` helper.
    pub date: String,
    pub until: Option<String>,
    pub planned: bool,
    pub pillar_name: String,
}

/// Whether `e` is to be watched as of `as_of`.
pub(super) fn watched(e: &Event, as_of: NaiveDate) -> bool {
    if e.status == Status::Planned {
        // The complement of `check`'s warning of a passed plan.
        return e.last_day() >= as_of;
    }
    e.until.is_some() && !e.undated && e.first_day() <= as_of && e.last_day() > as_of
}

/// The events of `selected` (already in the chronology's order) to watch
/// as of `as_of`.
pub(super) fn list(
    selected: &[&Event],
    as_of: NaiveDate,
    pillar_names: &BTreeMap<&str, &str>,
    words: &Catalogue,
) -> Vec<WatchItem> {
    selected
        .iter()
        .filter(|e| watched(e, as_of))
        .map(|e| WatchItem {
            id: e.id.clone(),
            title: super::views::shown_title(words, e),
            date: e.date.to_string(),
            until: e.until.map(|u| u.to_string()),
            planned: e.status == Status::Planned,
            pillar_name: pillar_names.get(&*e.pillar).copied().unwrap_or(&e.pillar).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::tests::{event, undated};

    fn on(date: &str) -> NaiveDate {
        date.parse().unwrap()
    }

    #[test]
    fn plans_are_watched_until_their_date_has_passed() {
        let mut plan = event("plan", "2026", 4);
        plan.status = Status::Planned;
        assert!(watched(&plan, on("2026-02-12")), "a plan for the year still running");
        assert!(watched(&plan, on("2026-12-31")), "its last day has not passed");
        assert!(!watched(&plan, on("2027-01-01")), "passed: check warns of it instead");
    }

    #[test]
    fn spans_are_watched_while_they_run() {
        let mut span = event("span", "2025", 4);
        span.until = Some(crate::date::PartialDate::parse("2029").unwrap());
        assert!(!watched(&span, on("2024-12-31")), "not begun");
        assert!(watched(&span, on("2026-02-12")));
        assert!(!watched(&span, on("2029-12-31")), "its last day");
        assert!(!watched(&event("once", "2026", 4), on("2026-02-12")), "a date, not a span");
        assert!(!watched(&undated("somewhere", "2024", "2029", 4), on("2026-02-12")), "undated: not a span");
    }
}
