//! Dates at the precision the source gives: a day, a month or a year.
//!
//! An analyst who knows only "December 2024" writes `"2024-12"`; the report
//! must never invent a day for it. A [`PartialDate`] therefore carries its
//! precision, covers a span of days (its first to its last day), and displays
//! at its own precision.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::words::{cldr, Arg, Catalogue};

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to the year, the month or the day.
///
/// Invariant: `month` is set for `Month` and `Day` precision, `day` only for
/// `Day`, and the date exists in the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

/// Lowest and highest year accepted anywhere, so that every date converts to
/// a `NaiveDate` and arithmetic on years cannot overflow.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1000..=9999;

/// Why a date is refused; the messages are the diagnostics' (English).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("year {0} is out of range (1000 to 9999)")]
    YearOutOfRange(i32),
    #[error("month {0} does not exist (1 to 12)")]
    NoSuchMonth(u32),
    #[error("{year:04}-{month:02}-{day:02} is not a date in the calendar")]
    NotInCalendar { year: i32, month: u32, day: u32 },
    #[error("`{0}` is not a date: expected `YYYY`, `YYYY-MM` or `YYYY-MM-DD`")]
    Malformed(String),
}

impl PartialDate {
    /// A whole year.
    pub fn year(year: i32) -> Result<Self, DateError> {
        if !YEAR_RANGE.contains(&year) {
            return Err(DateError::YearOutOfRange(year));
        }
        Ok(PartialDate {
            year,
            month: None,
            day: None,
        })
    }

    /// A whole month.
    pub fn month(year: i32, month: u32) -> Result<Self, DateError> {
        Self::year(year)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::NoSuchMonth(month));
        }
        Ok(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// One day.
    pub fn day(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        Self::month(year, month)?;
        if NaiveDate::from_ymd_opt(year, month, day).is_none() {
            return Err(DateError::NotInCalendar { year, month, day });
        }
        Ok(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let expected = || DateError::Malformed(text.to_owned());
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, DateError> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| expected())
            } else {
                Err(expected())
            }
        };
        match parts.as_slice() {
            [y] => Self::year(number(y, 4)? as i32),
            [y, m] => Self::month(number(y, 4)? as i32, number(m, 2)?),
            [y, m, d] => Self::day(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?),
            _ => Err(expected()),
        }
    }

    /// The coarsest partial dates that span exactly the days
    /// `start..=end`: whole years ("2024", "2026"), else whole months,
    /// else the days themselves. How a span of days is said without a
    /// precision the data do not have: a period, or a fact known to the
    /// month that a chart draws over its days.
    pub fn span_of(start: NaiveDate, end: NaiveDate) -> (PartialDate, PartialDate) {
        let whole_months = start.day() == 1 && end.succ_opt().is_none_or(|d| d.day() == 1);
        let at = |d: NaiveDate| match (whole_months, start.month() == 1 && end.month() == 12) {
            (true, true) => PartialDate { year: d.year(), month: None, day: None },
            (true, false) => PartialDate { year: d.year(), month: Some(d.month()), day: None },
            (false, _) => PartialDate::from_naive(d),
        };
        (at(start), at(end))
    }

    /// From a full calendar date.
    pub fn from_naive(date: NaiveDate) -> Self {
        PartialDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    pub fn year_number(&self) -> i32 {
        self.year
    }

    /// The first day the date may mean.
    pub fn first_day(&self) -> NaiveDate {
        let date =
            NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        date.unwrap_or(NaiveDate::MIN)
    }

    /// The last day the date may mean.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => last_day_of_month(self.year, m),
            (None, _) => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// "11 November 2024", "December 2024" or "2024": CLDR's en-GB.
    pub fn display(&self) -> String {
        self.display_in(&Catalogue::builtin())
    }

    /// [`PartialDate::display`] in the words of `catalogue`.
    pub fn display_in(&self, catalogue: &Catalogue) -> String {
        catalogue.date(self.year, self.month, self.day)
    }

    /// A span from `self` to `until`, said as briefly as is unambiguous:
    /// "11–22 November 2024", "3 July – 9 August 2024", "2024–2026".
    pub fn display_span(&self, until: &PartialDate) -> String {
        self.display_span_in(until, &Catalogue::builtin())
    }

    /// [`PartialDate::display_span`] in the words of `catalogue`: the
    /// dates' parts from CLDR, joined by its `date-span-*` messages.
    pub fn display_span_in(&self, until: &PartialDate, catalogue: &Catalogue) -> String {
        if self == until {
            return self.display_in(catalogue);
        }
        let (id, from): (&str, String) = match (self.precision(), until.precision()) {
            (Precision::Day, Precision::Day) if self.year == until.year && self.month == until.month => {
                ("date-span-days", self.day.unwrap_or(1).to_string())
            }
            (Precision::Day, Precision::Day) if self.year == until.year => {
                ("date-span-days-of-year", catalogue.day_month(self.month.unwrap_or(1), self.day.unwrap_or(1)))
            }
            (Precision::Month, Precision::Month) if self.year == until.year => {
                ("date-span-months", catalogue.month_name(self.month.unwrap_or(1)).to_owned())
            }
            (Precision::Year, Precision::Year) => ("date-span-years", self.year.to_string()),
            _ => ("date-span", self.display_in(catalogue)),
        };
        let until = if id == "date-span-years" { until.year.to_string() } else { until.display_in(catalogue) };
        catalogue.text(id, &[("from", Arg::from(from)), ("until", Arg::from(until))])
    }
}

/// The ISO form at the date's own precision: `2024`, `2024-12`, `2024-12-01`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// The name of month `m` (1-based) as a date writes it, from CLDR's
/// en-GB; out-of-range months clamp.
pub fn month_name(m: u32) -> &'static str {
    cldr::month_name(m)
}

/// The dates the dataset takes that `text`, a date written in another
/// common form, may mean: `12/03/2025` is `2025-03-12` (day first) or
/// `2025-12-03` (month first), `25/03/2025` only the first; `2025/03/12`,
/// `12.03.2025`, `12 March 2025`, `Mar 12, 2025`, `March 2025` and
/// `03/2025` likewise. Day-first comes first; none when `text` is no date
/// in any of these forms or names no day in the calendar.
pub fn suggestions(text: &str) -> Vec<PartialDate> {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '.' | '-' | ','))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 3 || lower.len() > 40 {
        return Vec::new();
    }
    let mut month_word = None;
    let mut numbers: Vec<&str> = Vec::new();
    for word in &words {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &word[digits.len()..];
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
            numbers.push(digits);
        } else if let (Some(m), None) = (month_named(word), month_word) {
            month_word = Some(m);
        } else {
            return Vec::new();
        }
    }
    let year = |s: &str| (s.len() == 4).then(|| s.parse::<i32>().ok()).flatten();
    let small = |s: &str| (s.len() <= 2).then(|| s.parse::<u32>().ok()).flatten();
    let mut found: Vec<PartialDate> = Vec::new();
    let mut add = |d: Result<PartialDate, DateError>| {
        if let Ok(d) = d {
            if !found.contains(&d) {
                found.push(d);
            }
        }
    };
    match (month_word, numbers.as_slice()) {
        (Some(m), [y]) => add(year(y).map_or(Err(DateError::Malformed(String::new())), |y| PartialDate::month(y, m))),
        (Some(m), [a, b]) => match (year(a), year(b), small(a), small(b)) {
            (None, Some(y), Some(d), _) | (Some(y), None, _, Some(d)) => add(PartialDate::day(y, m, d)),
            _ => {}
        },
        (None, [a, b]) => match (year(a), year(b), small(a), small(b)) {
            (Some(y), None, _, Some(m)) | (None, Some(y), Some(m), _) => add(PartialDate::month(y, m)),
            _ => {}
        },
        (None, [a, b, c]) => {
            if let (Some(y), Some(m), Some(d)) = (year(a), small(b), small(c)) {
                add(PartialDate::day(y, m, d));
            } else if let (Some(x), Some(z), Some(y)) = (small(a), small(b), year(c)) {
                add(PartialDate::day(y, z, x));
                add(PartialDate::day(y, x, z));
            }
        }
        _ => {}
    }
    found
}

/// "did you mean `2025-03-12` or `2025-12-03`?" for a date written in
/// another common form ([`suggestions`]).
pub fn did_you_mean(text: &str) -> Option<String> {
    let found: Vec<String> = suggestions(text).iter().map(|d| format!("`{d}`")).collect();
    match found.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [first, rest @ ..] => Some(format!("did you mean {first} or {}?", rest.join(" or "))),
    }
}

/// The month an English name or its abbreviation (`Mar`, `Sept`) names.
fn month_named(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    (1..=12u32).find(|&m| {
        let name = month_name(m).to_lowercase();
        name == word || (name.starts_with(word) && (word.len() == 3 || word == "sept"))
    })
}

/// The last day of a month.
pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_of_days_is_said_at_the_precision_it_has() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let said = |a, b| {
            let (first, last) = PartialDate::span_of(a, b);
            (first.to_string(), last.to_string())
        };
        assert_eq!(said(d(2024, 1, 1), d(2026, 12, 31)), ("2024".into(), "2026".into()));
        assert_eq!(said(d(2026, 2, 1), d(2026, 2, 28)), ("2026-02".into(), "2026-02".into()));
        assert_eq!(said(d(2024, 2, 1), d(2024, 2, 29)), ("2024-02".into(), "2024-02".into()));
        assert_eq!(said(d(2024, 11, 11), d(2024, 11, 22)), ("2024-11-11".into(), "2024-11-22".into()));
    }

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("2024").precision(), Precision::Year);
        assert_eq!(d("2024-12").precision(), Precision::Month);
        assert_eq!(d("2024-12-01").precision(), Precision::Day);
        assert_eq!(d("2024-12").to_string(), "2024-12");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for bad in [
            "2023-02-29",
            "2024-13",
            "2024-00",
            "24",
            "2024-1",
            "2024-01-1",
            "",
            "2024-",
            "x",
            "2024-02-30",
            "0999",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} was accepted");
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn dates_in_other_forms_get_the_iso_form() {
        let s = |text: &str| suggestions(text).iter().map(ToString::to_string).collect::<Vec<_>>().join(" ");
        assert_eq!(s("12/03/2025"), "2025-03-12 2025-12-03", "ambiguous: day first, then month first");
        assert_eq!(s("25/03/2025"), "2025-03-25", "25 is no month");
        assert_eq!(s("03/25/2025"), "2025-03-25");
        assert_eq!(s("05/05/2025"), "2025-05-05");
        assert_eq!(s("12.03.2025"), "2025-03-12 2025-12-03");
        assert_eq!(s("2025/03/12"), "2025-03-12");
        assert_eq!(s("2025-3-9"), "2025-03-09");
        assert_eq!(s("12 March 2025"), "2025-03-12");
        assert_eq!(s("12th March 2025"), "2025-03-12");
        assert_eq!(s("Mar 12, 2025"), "2025-03-12");
        assert_eq!(s("March 2025"), "2025-03");
        assert_eq!(s("Nov 2024"), "2024-11");
        assert_eq!(s("Sept. 2024"), "2024-09");
        assert_eq!(s("03/2025"), "2025-03");
        assert_eq!(s("2025/03"), "2025-03");
        for none in ["31/02/2025", "13/13/2025", "12/03/25", "soon", "", "2025", "Ma 2025", "March", "1 2 3 4", "Marchy 2025"] {
            assert_eq!(s(none), "", "{none}");
        }
        assert_eq!(did_you_mean("12/03/2025").as_deref(), Some("did you mean `2025-03-12` or `2025-12-03`?"));
        assert_eq!(did_you_mean("25/03/2025").as_deref(), Some("did you mean `2025-03-25`?"));
        assert_eq!(did_you_mean("x"), None);
    }

    #[test]
    fn first_and_last_days_cover_the_precision() {
        assert_eq!(d("2024").first_day().to_string(), "2024-01-01");
        assert_eq!(d("2024").last_day().to_string(), "2024-12-31");
        assert_eq!(d("2024-02").last_day().to_string(), "2024-02-29");
        assert_eq!(d("2023-02").last_day().to_string(), "2023-02-28");
        assert_eq!(d("2024-12").last_day().to_string(), "2024-12-31");
        assert_eq!(d("2024-11-11").first_day(), d("2024-11-11").last_day());
    }

    #[test]
    fn displays_at_its_own_precision() {
        assert_eq!(d("2024-12").display(), "December 2024");
        assert_eq!(d("2024").display(), "2024");
        assert_eq!(d("2024-08-09").display(), "9 August 2024");
    }

    #[test]
    fn spans_are_said_briefly() {
        assert_eq!(
            d("2024-11-11").display_span(&d("2024-11-22")),
            "11–22 November 2024"
        );
        assert_eq!(
            d("2024-07-03").display_span(&d("2024-08-09")),
            "3 July – 9 August 2024"
        );
        assert_eq!(d("2024").display_span(&d("2026")), "2024–2026");
        assert_eq!(d("2025-03").display_span(&d("2025-06")), "March–June 2025");
        assert_eq!(
            d("2024-12").display_span(&d("2025-02")),
            "December 2024 – February 2025"
        );
        assert_eq!(d("2024").display_span(&d("2025-06")), "2024 – June 2025");
        assert_eq!(d("2024").display_span(&d("2024")), "2024");
    }

    const ENGLISH: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    /// Dates as they were written by hand before CLDR's: the oracle that
    /// keeps the reports byte-identical.
    fn by_hand(d: &PartialDate) -> String {
        let name = |m: u32| ENGLISH[(m - 1) as usize];
        match (d.month, d.day) {
            (Some(m), Some(day)) => format!("{day} {} {}", name(m), d.year),
            (Some(m), None) => format!("{} {}", name(m), d.year),
            (None, _) => d.year.to_string(),
        }
    }

    fn span_by_hand(a: &PartialDate, b: &PartialDate) -> String {
        let name = |m: Option<u32>| ENGLISH[(m.unwrap_or(1) - 1) as usize];
        if a == b {
            return by_hand(a);
        }
        match (a.precision(), b.precision()) {
            (Precision::Day, Precision::Day) if a.year == b.year && a.month == b.month => {
                format!("{}–{} {} {}", a.day.unwrap_or(1), b.day.unwrap_or(1), name(a.month), a.year)
            }
            (Precision::Day, Precision::Day) if a.year == b.year => format!("{} {} – {}", a.day.unwrap_or(1), name(a.month), by_hand(b)),
            (Precision::Month, Precision::Month) if a.year == b.year => format!("{}–{}", name(a.month), by_hand(b)),
            (Precision::Year, Precision::Year) => format!("{}–{}", a.year, b.year),
            _ => format!("{} – {}", by_hand(a), by_hand(b)),
        }
    }

    fn any_date() -> impl proptest::strategy::Strategy<Value = PartialDate> {
        use proptest::strategy::Strategy;
        (1000i32..=9999, 0u32..=12, 0u32..=31).prop_map(|(y, m, d)| match (m, d) {
            (0, _) => PartialDate::year(y),
            (m, 0) => PartialDate::month(y, m),
            (m, d) => PartialDate::day(y, m, d).or_else(|_| PartialDate::day(y, m, 28)),
        }.expect("a date in range"))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn dates_are_written_as_before(a in any_date(), b in any_date()) {
            proptest::prop_assert_eq!(a.display(), by_hand(&a));
            proptest::prop_assert_eq!(a.display_span(&b), span_by_hand(&a, &b));
            let same_year = PartialDate::day(a.year, b.month.unwrap_or(12), b.day.unwrap_or(1)).unwrap_or(b);
            proptest::prop_assert_eq!(a.display_span(&same_year), span_by_hand(&a, &same_year));
        }
    }
}
