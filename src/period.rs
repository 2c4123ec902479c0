//! Report periods: parsing `--period`, and which events fall in one.
//!
//! A period is an inclusive range of days. An event belongs to it when the
//! event's span, from the first day of its `date` to the last day of its
//! `until` (or of `date`), overlaps that range.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::date::{DateError, PartialDate};
use crate::words::Catalogue;

/// The forms `--period` accepts, for error messages and `--help`.
pub const ACCEPTED_FORMS: &str = "`2024-2026` (years), `2025` (a year), `2025-03` (a month), \
`2024-07..2025-06` (months) or `2024-11-01..2025-02-15` (days)";

/// What the period's rules read of an event: its span of days, and
/// whether the source places it somewhere in that span without a date.
/// The dataset's events implement it; the period knows nothing else of
/// them (it is a leaf, below the dataset).
pub trait Dated {
    /// The first day the event may cover.
    fn first_day(&self) -> NaiveDate;
    /// The last day the event may cover.
    fn last_day(&self) -> NaiveDate;
    /// Somewhere in its span, not over it.
    fn undated(&self) -> bool;
}

impl<T: Dated> Dated for &T {
    fn first_day(&self) -> NaiveDate {
        (**self).first_day()
    }
    fn last_day(&self) -> NaiveDate {
        (**self).last_day()
    }
    fn undated(&self) -> bool {
        (**self).undated()
    }
}

/// A period refused, with what was written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid period `{text}`: {why}; expected {forms}", forms = ACCEPTED_FORMS)]
pub struct PeriodError {
    text: String,
    why: PeriodProblem,
}

/// What is wrong with a period.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
enum PeriodProblem {
    #[error("{0}")]
    Date(DateError),
    #[error("both ends must have the same precision")]
    MixedPrecision,
    #[error("it ends ({to}) before it starts ({from})")]
    Reversed { from: String, to: String },
}

/// An inclusive range of days with the label it was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The period as written on the command line, used in file names.
    pub label: String,
}

impl Period {
    /// Parses one of the [`ACCEPTED_FORMS`].
    pub fn parse(text: &str) -> Result<Period, PeriodError> {
        let fail = |why: PeriodProblem| PeriodError { text: text.to_owned(), why };
        let date = |s: &str| PartialDate::parse(s).map_err(|e| fail(PeriodProblem::Date(e)));
        let text = text.trim();
        let (from, to) = if let Some((a, b)) = text.split_once("..") {
            let (from, to) = (date(a)?, date(b)?);
            if from.precision() != to.precision() {
                return Err(fail(PeriodProblem::MixedPrecision));
            }
            (from, to)
        } else if let Some((a, b)) = text
            .split_once('-')
            .filter(|(a, b)| a.len() == 4 && b.len() == 4)
        {
            (date(a)?, date(b)?)
        } else {
            let day = date(text)?;
            (day, day)
        };
        let (start, end) = (from.first_day(), to.last_day());
        if end < start {
            return Err(fail(PeriodProblem::Reversed { from: from.to_string(), to: to.to_string() }));
        }
        Ok(Period {
            start,
            end,
            label: text.to_owned(),
        })
    }

    /// The whole years from `first` to `last`, labelled `2021-2029` (or
    /// `2024` for one year): the default period, covering every event.
    pub fn whole_years(first: i32, last: i32) -> Period {
        let label = if first == last {
            first.to_string()
        } else {
            format!("{first}-{last}")
        };
        Period {
            start: NaiveDate::from_ymd_opt(first, 1, 1).unwrap_or(NaiveDate::MIN),
            end: NaiveDate::from_ymd_opt(last, 12, 31).unwrap_or(NaiveDate::MAX),
            label,
        }
    }

    /// The label as it goes into file names: `2024-07..2025-06` becomes
    /// `2024-07_2025-06` (two dots in a name trip up shells' globbing habits
    /// and some tools' extension handling); other labels are kept.
    pub fn file_stem(&self) -> String {
        self.label.replace("..", "_")
    }

    /// The file stem earlier versions used (the label as written), when it
    /// differs from [`Period::file_stem`]: a JSON summary there is still read
    /// as the previous one.
    pub fn legacy_file_stem(&self) -> Option<&str> {
        self.label.contains("..").then_some(self.label.as_str())
    }

    /// Whether the span of days `first..=last` overlaps the period.
    pub fn overlaps(&self, first: NaiveDate, last: NaiveDate) -> bool {
        first <= self.end && last >= self.start
    }

    /// Whether `event` belongs to the period: its span of days overlaps it.
    pub fn contains<E: Dated>(&self, event: &E) -> bool {
        self.overlaps(event.first_day(), event.last_day())
    }

    /// The events of the period that `keep` accepts (those of the
    /// selected pillars), in the order given: "in the period and in the
    /// selected pillars", for the summary, the `--compare` period and,
    /// through the summary's ids, the JSON summary.
    pub fn select<'e, E: Dated + 'e>(&self, events: impl IntoIterator<Item = &'e E>, keep: impl Fn(&E) -> bool) -> Vec<&'e E> {
        events.into_iter().filter(|e| self.contains(*e) && keep(e)).collect()
    }

    /// The year an event of the period counts in: that of its first day,
    /// or the period's first year for one begun before it (a programme
    /// begun earlier counts in the year it runs into the period). An
    /// undated event has no year: `None`.
    pub fn year_of<E: Dated>(&self, event: &E) -> Option<i32> {
        (!event.undated()).then(|| event.first_day().max(self.start).year())
    }

    /// Whether a dated event began before the period (and so runs into
    /// it); an undated one never did.
    pub fn began_before<E: Dated>(&self, event: &E) -> bool {
        !event.undated() && event.first_day() < self.start
    }

    /// An event's span of days cut to the period: first and last day.
    pub fn clamp<E: Dated>(&self, event: &E) -> (NaiveDate, NaiveDate) {
        (event.first_day().max(self.start), event.last_day().min(self.end))
    }

    /// The calendar years the period touches, in order.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.start.year()..=self.end.year()
    }

    /// The period for people: "2024–2026", "March 2025", "1 November 2024 –
    /// 15 February 2025", in the built-in catalogue's words.
    pub fn display(&self) -> String {
        self.display_in(&Catalogue::builtin())
    }

    /// [`Period::display`] in the words of `catalogue` (a desk's
    /// `date-span-*` messages join its ends).
    pub fn display_in(&self, catalogue: &Catalogue) -> String {
        let first = PartialDate::from_naive(self.start);
        let last = PartialDate::from_naive(self.end);
        let whole_years =
            self.start.ordinal() == 1 && self.end.month() == 12 && self.end.day() == 31;
        let whole_months =
            self.start.day() == 1 && self.end.succ_opt().is_none_or(|d| d.day() == 1);
        if whole_years {
            match (PartialDate::year(self.start.year()), PartialDate::year(self.end.year())) {
                (Ok(a), Ok(b)) => a.display_span_in(&b, catalogue),
                _ => first.display_span_in(&last, catalogue),
            }
        } else if whole_months {
            let a = PartialDate::month(self.start.year(), self.start.month());
            let b = PartialDate::month(self.end.year(), self.end.month());
            match (a, b) {
                (Ok(a), Ok(b)) => a.display_span_in(&b, catalogue),
                _ => first.display_span_in(&last, catalogue),
            }
        } else {
            first.display_span_in(&last, catalogue)
        }
    }
}

/// The period as the templates and the JSON summary read it: strings made
/// here, at the boundary, and nowhere before (`label`, `display`, and the
/// first and last day, ISO).
impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Period", 4)?;
        s.serialize_field("label", &self.label)?;
        s.serialize_field("display", &self.display())?;
        s.serialize_field("start", &self.start.to_string())?;
        s.serialize_field("end", &self.end.to_string())?;
        s.end()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_every_accepted_form() {
        assert_eq!(
            (p("2024-2026").start, p("2024-2026").end),
            (day("2024-01-01"), day("2026-12-31"))
        );
        assert_eq!(
            (p("2025").start, p("2025").end),
            (day("2025-01-01"), day("2025-12-31"))
        );
        assert_eq!(
            (p("2025-02").start, p("2025-02").end),
            (day("2025-02-01"), day("2025-02-28"))
        );
        let months = p("2024-07..2025-06");
        assert_eq!(
            (months.start, months.end),
            (day("2024-07-01"), day("2025-06-30"))
        );
        let days = p("2024-11-01..2025-02-15");
        assert_eq!(
            (days.start, days.end),
            (day("2024-11-01"), day("2025-02-15"))
        );
        assert_eq!(p("2024-2026").label, "2024-2026");
    }

    #[test]
    fn refuses_malformed_and_reversed_periods() {
        for bad in [
            "2026-2024",
            "2025-13",
            "24-26",
            "",
            "2024..",
            "..2025",
            "2024-07..2025",
            "2025-06..2024-07",
            "2024-2026-2028",
            "abcd",
        ] {
            let err = Period::parse(bad).unwrap_err();
            assert!(err.to_string().contains("expected `2024-2026`"), "{bad}: {err}");
        }
    }

    #[test]
    fn overlap_at_each_boundary() {
        let period = p("2025");
        // Entirely before, touching the first day, inside, touching the last
        // day, entirely after, and covering the whole period.
        assert!(!period.overlaps(day("2024-01-01"), day("2024-12-31")));
        assert!(period.overlaps(day("2024-06-01"), day("2025-01-01")));
        assert!(period.overlaps(day("2025-05-01"), day("2025-05-01")));
        assert!(period.overlaps(day("2025-12-31"), day("2026-03-01")));
        assert!(!period.overlaps(day("2026-01-01"), day("2026-12-31")));
        assert!(period.overlaps(day("2021-01-01"), day("2029-12-31")));
    }

    /// A span of days, dated or not.
    struct Span(&'static str, &'static str, bool);

    impl Dated for Span {
        fn first_day(&self) -> NaiveDate {
            day(self.0)
        }
        fn last_day(&self) -> NaiveDate {
            day(self.1)
        }
        fn undated(&self) -> bool {
            self.2
        }
    }

    #[test]
    fn the_year_an_event_counts_in_and_whether_it_began_before() {
        let period = p("2024-2026");
        let carried = Span("2021-03-01", "2025-06-30", false);
        let inside = Span("2025-06-01", "2025-06-01", false);
        let vague = Span("2021-01-01", "2026-12-31", true);
        assert_eq!(period.year_of(&carried), Some(2024));
        assert_eq!(period.year_of(&inside), Some(2025));
        assert_eq!(period.year_of(&vague), None);
        assert!(period.began_before(&carried));
        assert!(!period.began_before(&inside));
        assert!(!period.began_before(&vague), "an undated event began nowhere");
        assert_eq!(period.clamp(&carried), (day("2024-01-01"), day("2025-06-30")));
    }

    #[test]
    fn select_keeps_what_overlaps_and_is_accepted_in_order() {
        let period = p("2025");
        let events = [
            Span("2025-05-01", "2025-05-01", false),
            Span("2024-01-01", "2024-12-31", false),
            Span("2024-12-01", "2025-01-01", true),
            Span("2025-12-31", "2025-12-31", false),
        ];
        let kept: Vec<&str> = period.select(&events, |e| e.0 != "2025-12-31").iter().map(|e| e.0).collect();
        assert_eq!(kept, ["2025-05-01", "2024-12-01"]);
    }

    #[test]
    fn file_stems_have_no_double_dots() {
        assert_eq!(p("2024-07..2025-06").file_stem(), "2024-07_2025-06");
        assert_eq!(p("2024-11-01..2025-02-15").file_stem(), "2024-11-01_2025-02-15");
        assert_eq!(p("2024-2026").file_stem(), "2024-2026");
        assert_eq!(p("2024-07..2025-06").legacy_file_stem(), Some("2024-07..2025-06"));
        assert_eq!(p("2025-03").legacy_file_stem(), None);
    }

    #[test]
    fn displays_for_people() {
        assert_eq!(p("2024-2026").display(), "2024–2026");
        assert_eq!(p("2025").display(), "2025");
        assert_eq!(p("2025-03").display(), "March 2025");
        assert_eq!(p("2024-07..2025-06").display(), "July 2024 – June 2025");
        assert_eq!(
            p("2024-11-01..2025-02-15").display(),
            "1 November 2024 – 15 February 2025"
        );
    }
}
