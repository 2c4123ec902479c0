//! Report periods: parsing `--period`, and which events fall in one.
//!
//! A period is an inclusive range of days. An event belongs to it when the
//! event's span, from the first day of its `date` to the last day of its
//! `until` (or of `date`), overlaps that range.
//!
//! A period is known by its days, never by its spelling (issue 24, item
//! 5): `2024-2026`, `2024–2026`, `2024 - 2026`, `2024..2026` and
//! `2024-01..2026-12` are one period, with one label, one file name and so
//! one change history.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::date::{DateError, PartialDate, Precision};
use crate::words::Catalogue;

/// The forms `--period` accepts, for error messages.
pub const ACCEPTED_FORMS: &str = "a year (`2025`), a month (`2025-03`), a day (`2025-03-12`), \
or two of one kind joined by a dash or `..`, as in `2024-2026`, `2024–2026` or `2024-07..2025-06`";

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

/// A period refused. Its message does not repeat what was written: the
/// command line names the value it refuses ("invalid value '2024/2026' for
/// '--period <P>': ...").
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{why}")]
pub struct PeriodError {
    text: String,
    why: PeriodProblem,
}

impl PeriodError {
    /// The period as it was written.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// What is wrong with a period.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
enum PeriodProblem {
    /// Not one of the [`ACCEPTED_FORMS`] at all.
    #[error("a period is {forms}", forms = ACCEPTED_FORMS)]
    Unrecognised,
    /// The form is right, the date is not (month 13, 30 February).
    #[error("{0}")]
    Date(DateError),
    /// `2024-07..2025`: say which kinds, and the period probably meant.
    #[error("its ends are {from} and {to}: make them of one kind, as in `{example}`")]
    MixedPrecision { from: &'static str, to: &'static str, example: String },
    /// `2024-26`: a month that cannot be one, where the second year of a
    /// range was probably meant in two digits.
    #[error("{0}: did you mean `{1}`?")]
    ShortYear(DateError, String),
    /// `2026-2024`: the period probably meant is the other way round.
    #[error("it ends ({to}) before it starts ({from}): did you mean `{example}`?")]
    Reversed { from: String, to: String, example: String },
}

/// An inclusive range of days, and its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The period's one spelling, made from its days (see
    /// [`Period::from_days`]): the JSON summary's `label`, the console's
    /// success line and, through [`Period::file_stem`], file names.
    pub label: String,
}

impl Period {
    /// Parses one of the [`ACCEPTED_FORMS`]: a year, a month or a day, or
    /// two of one kind joined by `..`, an en or em dash (spaces around it
    /// or not), a hyphen with a space on either side, or a bare hyphen
    /// between two years (`2024-2026`; between months or days it would be
    /// taken for a date's own).
    pub fn parse(text: &str) -> Result<Period, PeriodError> {
        let fail = |why: PeriodProblem| PeriodError { text: text.to_owned(), why };
        let date = |s: &str| match PartialDate::parse(s.trim()) {
            Ok(date) => Ok(date),
            Err(DateError::Malformed(_)) => Err(fail(PeriodProblem::Unrecognised)),
            Err(e) => Err(fail(short_year(text, &e).map_or(PeriodProblem::Date(e.clone()), |meant| PeriodProblem::ShortYear(e, meant)))),
        };
        let (from, to) = match ends(text.trim()) {
            Some((a, b)) => (date(a)?, date(b)?),
            None => {
                let day = date(text)?;
                (day, day)
            }
        };
        if from.precision() != to.precision() {
            // The finer kind for both ends: `2024-07..2025` meant up to
            // the end of 2025, in months `2024-07..2025-12` (and the ends
            // the right way round, if they are not).
            let finer = from.precision().max(to.precision());
            let (first, last) = if to.last_day() < from.first_day() { (to, from) } else { (from, to) };
            let example = Period { start: first.first_day(), end: last.last_day(), label: String::new() }.spelt(finer);
            return Err(fail(PeriodProblem::MixedPrecision { from: kind(from.precision()), to: kind(to.precision()), example }));
        }
        let (start, end) = (from.first_day(), to.last_day());
        if end < start {
            let example = Period { start: to.first_day(), end: from.last_day(), label: String::new() }.spelt(from.precision());
            return Err(fail(PeriodProblem::Reversed { from: from.to_string(), to: to.to_string(), example }));
        }
        Ok(Period::from_days(start, end))
    }

    /// The period from `start` to `end`, labelled by its days in the
    /// coarsest form that says them exactly: `2024-2026` or `2025` for
    /// whole years, `2024-07..2025-06` or `2025-03` for whole months, else
    /// `2024-11-01..2025-02-15` or `2025-03-12`.
    pub fn from_days(start: NaiveDate, end: NaiveDate) -> Period {
        let mut period = Period { start, end, label: String::new() };
        period.label = period.spelt(period.precision());
        period
    }

    /// The whole years from `first` to `last`, labelled `2021-2029` (or
    /// `2024` for one year): the default period, covering every event.
    pub fn whole_years(first: i32, last: i32) -> Period {
        Period::from_days(
            NaiveDate::from_ymd_opt(first, 1, 1).unwrap_or(NaiveDate::MIN),
            NaiveDate::from_ymd_opt(last, 12, 31).unwrap_or(NaiveDate::MAX),
        )
    }

    /// The period a reader expects when none is asked for (issue 27, item
    /// 6): whole years from the year of the first event (`first`) to the
    /// year of the report's date (`as_of`), not to the last event's end,
    /// so a briefing "as of February 2026" is not titled "2021-2029"
    /// (what is planned after it is for What to watch). When every event
    /// starts after the report's year, the period runs from the first to
    /// the last event's year (`last`), as nothing would fall before it.
    pub fn reader_default(first: i32, last: i32, as_of: i32) -> Period {
        if first > as_of {
            Period::whole_years(first, last.max(first))
        } else {
            Period::whole_years(first, as_of)
        }
    }

    /// The coarsest kind of date that says the period's days exactly.
    fn precision(&self) -> Precision {
        PartialDate::span_of(self.start, self.end).0.precision()
    }

    /// The period written with dates of kind `precision`, which must say
    /// its days exactly (a kind no coarser than [`Period::precision`]):
    /// one date when both ends are one, else two joined by `-` (years) or
    /// `..`.
    fn spelt(&self, precision: Precision) -> String {
        let (first, last) = (spell(self.start, precision), spell(self.end, precision));
        match precision {
            _ if first == last => first,
            Precision::Year => format!("{first}-{last}"),
            _ => format!("{first}..{last}"),
        }
    }

    /// The label as it goes into file names: `2024-07..2025-06` becomes
    /// `2024-07_2025-06` (two dots in a name trip up shells' globbing habits
    /// and some tools' extension handling). Made from the days, so every
    /// spelling of one period writes the same files.
    pub fn file_stem(&self) -> String {
        self.label.replace("..", "_")
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
        let (first, last) = PartialDate::span_of(self.start, self.end);
        first.display_span_in(&last, catalogue)
    }
}

/// `2024-2026` for `2024-26`: the range `text` probably means when it is a
/// year and two digits that are not a month (`NoSuchMonth`) but are the
/// end of a later year of the same century.
fn short_year(text: &str, why: &DateError) -> Option<String> {
    let DateError::NoSuchMonth(_) = why else { return None };
    let (year, two) = text.trim().split_once('-')?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4) || !digits(two, 2) {
        return None;
    }
    let first: i32 = year.parse().ok()?;
    let last = first / 100 * 100 + two.parse::<i32>().ok()?;
    (last > first).then(|| format!("{first}-{last}"))
}

/// A period's two ends as written, when it has two: split at `..`, at an
/// en or em dash, at a hyphen with a space on either side, or at the
/// hyphen between two years (`2024-2026`). Other hyphens are dates' own.
fn ends(text: &str) -> Option<(&str, &str)> {
    if let Some(pair) = text.split_once("..").or_else(|| text.split_once(['–', '—'])) {
        return Some(pair);
    }
    let spaced = text.char_indices().find(|&(i, c)| {
        c == '-' && (text[..i].ends_with(char::is_whitespace) || text[i + 1..].starts_with(char::is_whitespace))
    });
    match spaced {
        Some((i, _)) => Some((&text[..i], &text[i + 1..])),
        None => text.split_once('-').filter(|(a, b)| a.len() == 4 && b.len() == 4),
    }
}

/// `date` written as a date of kind `precision`, cut to it: `2025`,
/// `2025-03` or `2025-03-12`.
fn spell(date: NaiveDate, precision: Precision) -> String {
    match precision {
        Precision::Year => format!("{:04}", date.year()),
        Precision::Month => format!("{:04}-{:02}", date.year(), date.month()),
        Precision::Day => date.format("%Y-%m-%d").to_string(),
    }
}

/// A kind of date in words, for the message on mixed ends.
fn kind(precision: Precision) -> &'static str {
    match precision {
        Precision::Year => "a year",
        Precision::Month => "a month",
        Precision::Day => "a day",
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
            "2024/2026",
            "2024–2025–2026",
            "2024 to 2026",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    /// Issue 24, item 5: one message, without a second "expected" clause;
    /// for a shape it does not know, the forms it does with examples; for
    /// a mistake it can see, the period probably meant.
    #[test]
    fn issue_24_a_refused_period_says_what_to_write() {
        let message = |text: &str| Period::parse(text).unwrap_err().to_string();
        for unknown in ["2024/2026", "abcd", "", "2024..", "2024 to 2026", "24-26", "2024-2026-2028"] {
            assert_eq!(message(unknown), format!("a period is {ACCEPTED_FORMS}"), "{unknown}");
        }
        assert_eq!(message("2025-13"), "month 13 does not exist (1 to 12)");
        assert_eq!(message("2024-26"), "month 26 does not exist (1 to 12): did you mean `2024-2026`?");
        assert_eq!(message(" 2019-21 "), "month 21 does not exist (1 to 12): did you mean `2019-2021`?");
        assert_eq!(message("2024-00"), "month 0 does not exist (1 to 12)");
        assert_eq!(message("2026-2024"), "it ends (2024) before it starts (2026): did you mean `2024-2026`?");
        assert_eq!(message("2025-06..2024-07"), "it ends (2024-07) before it starts (2025-06): did you mean `2024-07..2025-06`?");
        assert_eq!(
            message("2024-07..2025"),
            "its ends are a month and a year: make them of one kind, as in `2024-07..2025-12`"
        );
        assert_eq!(
            message("2024..2025-03-15"),
            "its ends are a year and a day: make them of one kind, as in `2024-01-01..2025-03-15`"
        );
        assert_eq!(message("2025..2024-03"), "its ends are a year and a month: make them of one kind, as in `2024-03..2025-12`");
        for text in ["2024/2026", "2024–2025–2026", "2026–2024", "2025-02-30"] {
            assert!(!message(text).contains("expected"), "{text}: {}", message(text));
            assert_eq!(Period::parse(text).unwrap_err().text(), text);
        }
    }

    /// Issue 24, item 5: the ways people write one period, dashes and
    /// spaces included, are that period.
    #[test]
    fn issue_24_dashes_and_spaces_are_accepted() {
        let years = p("2024-2026");
        for text in ["2024–2026", "2024—2026", "2024 – 2026", "2024 - 2026", "2024 -2026", " 2024..2026 ", "2024 .. 2026", "2024-01..2026-12", "2024-01-01..2026-12-31", "2024-01 – 2026-12"] {
            assert_eq!(p(text), years, "{text}");
        }
        assert_eq!(p("2024-11-01 – 2025-02-15"), p("2024-11-01..2025-02-15"));
        assert_eq!(p("2024-11-01 - 2025-02-15"), p("2024-11-01..2025-02-15"));
        assert_eq!(p("2025-03–2025-03"), p("2025-03"));
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
    }

    /// Issue 24, item 5: the label and the file name come from the days,
    /// in the coarsest form that says them; today's spellings keep theirs.
    #[test]
    fn issue_24_labels_and_file_stems_come_from_the_days() {
        for (text, label, stem) in [
            ("2024..2026", "2024-2026", "2024-2026"),
            ("2024–2026", "2024-2026", "2024-2026"),
            ("2024-01..2026-12", "2024-2026", "2024-2026"),
            ("2025-01..2025-12", "2025", "2025"),
            ("2025..2025", "2025", "2025"),
            ("2024-07-01..2025-06-30", "2024-07..2025-06", "2024-07_2025-06"),
            ("2025-03-01..2025-03-31", "2025-03", "2025-03"),
            ("2025-03-12..2025-03-12", "2025-03-12", "2025-03-12"),
            ("2024-2026", "2024-2026", "2024-2026"),
            ("2025", "2025", "2025"),
            ("2025-03", "2025-03", "2025-03"),
            ("2024-07..2025-06", "2024-07..2025-06", "2024-07_2025-06"),
            ("2024-11-01..2025-02-15", "2024-11-01..2025-02-15", "2024-11-01_2025-02-15"),
            ("2024-02", "2024-02", "2024-02"),
        ] {
            let period = p(text);
            assert_eq!((period.label.as_str(), period.file_stem().as_str()), (label, stem), "{text}");
        }
        assert_eq!(Period::whole_years(2021, 2029).label, "2021-2029");
        assert_eq!(Period::whole_years(2024, 2024).label, "2024");
    }

    /// A period written in each of its spellings.
    fn spellings(period: &Period) -> Vec<String> {
        let kinds = [Precision::Year, Precision::Month, Precision::Day];
        let mut out = Vec::new();
        for kind in kinds.into_iter().filter(|&k| k >= period.precision()) {
            let (a, b) = (spell(period.start, kind), spell(period.end, kind));
            for join in ["..", "–", "—", " – ", " - ", " .. ", "- ", " -"] {
                out.push(format!("{a}{join}{b}"));
            }
            if kind == Precision::Year {
                out.push(format!("{a}-{b}"));
            }
            if a == b {
                out.push(a);
            }
        }
        out
    }

    proptest::proptest! {
        /// Issue 24, item 5: any period, printed in each spelling, parses
        /// to the same period, label and file name; and the label is itself
        /// a spelling that parses back to it.
        #[test]
        fn issue_24_every_spelling_is_one_period(first in 0u32..3_650_000, length in 0u32..4_000, shape in 0u8..3) {
            let start = NaiveDate::from_num_days_from_ce_opt(first as i32 % 3_000_000 + 366_000).unwrap();
            let days = Period::from_days(start, start + chrono::Duration::days(i64::from(length)));
            // Whole months and whole years, not only days.
            let period = match shape {
                0 => days,
                1 => Period::from_days(start.with_day(1).unwrap(), crate::date::last_day_of_month(days.end.year(), days.end.month()).unwrap()),
                _ => Period::whole_years(start.year(), days.end.year()),
            };
            proptest::prop_assume!(crate::date::YEAR_RANGE.contains(&period.start.year()) && crate::date::YEAR_RANGE.contains(&period.end.year()));
            proptest::prop_assert_eq!(Period::parse(&period.label), Ok(period.clone()));
            for text in spellings(&period) {
                let parsed = Period::parse(&text);
                proptest::prop_assert_eq!(parsed.clone(), Ok(period.clone()), "{}", text);
                proptest::prop_assert_eq!(parsed.map(|p| p.file_stem()), Ok(period.file_stem()), "{}", text);
            }
        }
    }

    #[test]
    fn issue_27_the_default_period_ends_at_the_report_year() {
        assert_eq!(Period::reader_default(2021, 2029, 2026), p("2021-2026"));
        assert_eq!(Period::reader_default(2021, 2024, 2026), p("2021-2026"), "to the report's year, not the last event's");
        assert_eq!(Period::reader_default(2026, 2026, 2026), p("2026"));
        assert_eq!(Period::reader_default(2027, 2029, 2026), p("2027-2029"), "all ahead: the events' own years");
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
