//! Dates at the precision the source gives: a day, a month or a year.
//!
//! An analyst who knows only "December 2024" writes `"2024-12"`; the report
//! must never invent a day for it. A [`PartialDate`] therefore carries its
//! precision, covers a span of days (its first to its last day), and displays
//! at its own precision.

use std::fmt;

use chrono::{Datelike, NaiveDate};

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

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Lowest and highest year accepted anywhere, so that every date converts to
/// a `NaiveDate` and arithmetic on years cannot overflow.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1000..=9999;

impl PartialDate {
    /// A whole year.
    pub fn year(year: i32) -> Result<Self, String> {
        if !YEAR_RANGE.contains(&year) {
            return Err(format!("year {year} is out of range (1000 to 9999)"));
        }
        Ok(PartialDate {
            year,
            month: None,
            day: None,
        })
    }

    /// A whole month.
    pub fn month(year: i32, month: u32) -> Result<Self, String> {
        Self::year(year)?;
        if !(1..=12).contains(&month) {
            return Err(format!("month {month} does not exist (1 to 12)"));
        }
        Ok(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// One day.
    pub fn day(year: i32, month: u32, day: u32) -> Result<Self, String> {
        Self::month(year, month)?;
        if NaiveDate::from_ymd_opt(year, month, day).is_none() {
            return Err(format!(
                "{year:04}-{month:02}-{day:02} is not a date in the calendar"
            ));
        }
        Ok(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let expected =
            || format!("`{text}` is not a date: expected `YYYY`, `YYYY-MM` or `YYYY-MM-DD`");
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, String> {
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

    /// "11 November 2024", "December 2024" or "2024".
    pub fn display(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            (None, _) => self.year.to_string(),
        }
    }

    /// A span from `self` to `until`, said as briefly as is unambiguous:
    /// "11–22 November 2024", "3 July – 9 August 2024", "2024–2026".
    pub fn display_span(&self, until: &PartialDate) -> String {
        if self == until {
            return self.display();
        }
        match (self.precision(), until.precision()) {
            (Precision::Day, Precision::Day)
                if self.year == until.year && self.month == until.month =>
            {
                format!(
                    "{}–{} {} {}",
                    self.day.unwrap_or(1),
                    until.day.unwrap_or(1),
                    month_name(self.month.unwrap_or(1)),
                    self.year
                )
            }
            (Precision::Day, Precision::Day) if self.year == until.year => format!(
                "{} {} – {}",
                self.day.unwrap_or(1),
                month_name(self.month.unwrap_or(1)),
                until.display()
            ),
            (Precision::Month, Precision::Month) if self.year == until.year => {
                format!(
                    "{}–{}",
                    month_name(self.month.unwrap_or(1)),
                    until.display()
                )
            }
            (Precision::Year, Precision::Year) => format!("{}–{}", self.year, until.year),
            _ => format!("{} – {}", self.display(), until.display()),
        }
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

/// English name of month `m` (1-based); out-of-range months clamp.
pub fn month_name(m: u32) -> &'static str {
    MONTHS[(m.clamp(1, 12) - 1) as usize]
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
}
