//! CLDR through ICU4X, with its compiled data, for each language of the
//! briefings ([`Lang`]): numbers grouped by thousands, the names of the
//! months, dates, lists and the alphabet's order. Made once a process and
//! language (ICU4X's formatters are cheap to use and dearer to make) and
//! shared by every thread. The free functions are en-GB's; [`of`] gives a
//! language's.
//!
//! Everything here is formatted BEFORE it reaches a Fluent message: Fluent's
//! `NUMBER()` does not group digits, and it has no dates or lists.

use std::sync::OnceLock;

use fixed_decimal::Decimal;
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::DecimalFormatter;
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_list::ListFormatter;
use icu_locale_core::{locale, Locale};

use super::Lang;

/// The locale of every word the tool writes: British English, as the
/// reports have always been ("12 February 2026", "A, B and C"; CLDR's `en`
/// would write "February 12, 2026" and "A, B, and C").
pub const LOCALE: Locale = locale!("en-GB");

/// The CLDR locale of a language: en-GB, az (Latin), ru.
pub fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::En => LOCALE,
        Lang::Az => locale!("az"),
        Lang::Ru => locale!("ru"),
    }
}

/// The formatters of one language, made once.
pub struct Cldr {
    lang: Lang,
    /// Counts: grouped from four digits ("1,000").
    count: DecimalFormatter,
    /// Figures: grouped from five digits ("2,500,000", but a year-like
    /// "1996").
    figure: DecimalFormatter,
    day: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMD>,
    day_month: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::MD>,
    month_year: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YM>,
    list: ListFormatter,
    /// The months' names, January first, as a month and year write them
    /// ("February", Russian "февраль").
    months: [String; 12],
    /// The months' names as a day and month write them (Russian
    /// "февраля"; the same as `months` in English and Azerbaijani).
    months_of_days: [String; 12],
    /// The alphabet's order, for lists a reader looks names up in.
    collator: icu_collator::CollatorBorrowed<'static>,
}

fn cldr() -> &'static Cldr {
    of(Lang::En)
}

/// The formatters of `lang`.
pub fn of(lang: Lang) -> &'static Cldr {
    static CLDR: [OnceLock<Cldr>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    CLDR[index].get_or_init(|| make(lang))
}

fn make(lang: Lang) -> Cldr {
    let locale = locale(lang);
    {
        // The data for en-GB, az and ru is compiled into the binary: these
        // cannot fail at run time, and `tests::every_formatter_is_made`
        // makes them.
        const DATA: &str = "ICU4X's compiled data has en-GB, az and ru";
        let decimal = |grouping| {
            let mut options = DecimalFormatterOptions::default();
            options.grouping_strategy = Some(grouping);
            DecimalFormatter::try_new((&locale).into(), options).expect(DATA)
        };
        let month = FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new((&locale).into(), fieldsets::M::long()).expect(DATA);
        let months = std::array::from_fn(|i| match Date::try_new_gregorian(2000, i as u8 + 1, 1) {
            Ok(date) => month.format(&date).to_string(),
            Err(_) => String::new(),
        });
        let day_month = FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new((&locale).into(), fieldsets::MD::long()).expect(DATA);
        let months_of_days = std::array::from_fn(|i| match Date::try_new_gregorian(2000, i as u8 + 1, 1) {
            Ok(date) => day_month.format(&date).to_string().trim_matches(|c: char| c.is_ascii_digit() || c.is_whitespace()).to_owned(),
            Err(_) => String::new(),
        });
        Cldr {
            lang,
            months_of_days,
            count: decimal(GroupingStrategy::Auto),
            figure: decimal(GroupingStrategy::Min2),
            day: FixedCalendarDateTimeFormatter::try_new((&locale).into(), fieldsets::YMD::long()).expect(DATA),
            day_month: FixedCalendarDateTimeFormatter::try_new((&locale).into(), fieldsets::MD::long()).expect(DATA),
            month_year: FixedCalendarDateTimeFormatter::try_new((&locale).into(), fieldsets::YM::long()).expect(DATA),
            list: ListFormatter::try_new_and((&locale).into(), ListFormatterOptions::default().with_length(ListLength::Wide))
                .expect(DATA),
            months,
            collator: icu_collator::Collator::try_new((&locale).into(), icu_collator::options::CollatorOptions::default()).expect(DATA),
        }
    }
}

fn gregorian(year: i32, month: u32, day: u32) -> Option<Date<Gregorian>> {
    Date::try_new_gregorian(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?).ok()
}

impl Cldr {
    /// A count: 12345 as "12,345", 1000 as "1,000".
    pub fn count(&self, n: u64) -> String {
        self.count.format(&Decimal::from(n)).to_string()
    }

    /// A figure: whole numbers without a decimal point, others as short as
    /// they round-trip; grouped from five digits on ("2,500,000", "-12,345.5",
    /// but "1996"). A value that is not a number is written as Rust writes it.
    pub fn figure(&self, x: f64) -> String {
        // The digits are Rust's: the shortest that read back as `x`, never in
        // exponent form. ICU4X's own conversion (`FloatPrecision::RoundTrip`)
        // can end a value past 2^53 in another last digit (1316435857953968.3
        // as ...968.2), which the property test below found. Zero has no sign.
        let x = if x == 0.0 { 0.0 } else { x };
        let digits = x.to_string();
        match Decimal::try_from_str(&digits) {
            Ok(decimal) => self.figure.format(&decimal).to_string(),
            Err(_) => digits,
        }
    }

    /// The name of month `m` (1-based), as a date writes it: "February".
    /// Out-of-range months clamp.
    pub fn month_name(&self, m: u32) -> &str {
        &self.months[(m.clamp(1, 12) - 1) as usize]
    }

    /// The twelve months' names, January first.
    pub fn month_names(&self) -> &[String; 12] {
        &self.months
    }


    /// A day: "12 February 2026". A day not in the calendar is written in ISO
    /// form (never reached: dates are checked when read).
    pub fn day(&self, year: i32, month: u32, day: u32) -> String {
        match gregorian(year, month, day) {
            Some(date) => self.day.format(&date).to_string(),
            None => format!("{year:04}-{month:02}-{day:02}"),
        }
    }

    /// A day of a month, the year left out: "3 July".
    pub fn day_month(&self, month: u32, day: u32) -> String {
        // 2000 is a leap year: every day of every month exists in it.
        match gregorian(2000, month, day) {
            Some(date) => self.day_month.format(&date).to_string(),
            None => format!("{month:02}-{day:02}"),
        }
    }

    /// A month of a year: "February 2026".
    pub fn month_year(&self, year: i32, month: u32) -> String {
        match gregorian(year, month, 1) {
            Some(date) => self.month_year.format(&date).to_string(),
            None => format!("{year:04}-{month:02}"),
        }
    }

    /// A list joined with "and": "A", "A and B", "A, B and C".
    pub fn and_list<S: AsRef<str>>(&self, items: &[S]) -> String {
        self.list.format(items.iter().map(AsRef::as_ref)).to_string()
    }

    /// A share (0.286) as a percentage to one decimal, as CLDR writes
    /// it: "28.6%", Azerbaijani "28,6%", Russian "28,6 %" (a no-break
    /// space).
    pub fn percent(&self, share: f64) -> String {
        let digits = format!("{:.1}", share * 100.0);
        let number = match Decimal::try_from_str(&digits) {
            Ok(decimal) => self.figure.format(&decimal).to_string(),
            Err(_) => digits,
        };
        match self.lang {
            Lang::Ru => format!("{number}\u{a0}%"),
            Lang::En | Lang::Az => format!("{number}%"),
        }
    }

    /// The months' names as a day and month write them: "февраля".
    pub fn months_of_days(&self) -> &[String; 12] {
        &self.months_of_days
    }

    /// How `a` and `b` stand in the language's alphabet: Azerbaijani's
    /// C < Ç, E < Ə, ı < i; Russian's Cyrillic before Latin.
    pub fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        self.collator.compare(a, b)
    }
}

/// A count: 12345 as "12,345", 1000 as "1,000" (en-GB).
pub fn count(n: u64) -> String {
    cldr().count(n)
}

/// A figure, en-GB: [`Cldr::figure`].
pub fn figure(x: f64) -> String {
    cldr().figure(x)
}

/// The name of month `m` (1-based) in en-GB: "February".
pub fn month_name(m: u32) -> &'static str {
    cldr().month_name(m)
}

/// The twelve months' names in en-GB, January first.
pub fn month_names() -> &'static [String; 12] {
    cldr().month_names()
}

/// A day, en-GB: "12 February 2026".
pub fn day(year: i32, month: u32, day: u32) -> String {
    cldr().day(year, month, day)
}

/// A day of a month, en-GB: "3 July".
pub fn day_month(month: u32, day: u32) -> String {
    cldr().day_month(month, day)
}

/// A month of a year, en-GB: "February 2026".
pub fn month_year(year: i32, month: u32) -> String {
    cldr().month_year(year, month)
}

/// A list joined with "and", en-GB: "A, B and C".
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    cldr().and_list(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formatter_is_made() {
        assert_eq!(month_names()[0], "January");
        assert_eq!(month_names()[11], "December");
    }

    #[test]
    fn numbers_are_grouped_the_british_way() {
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(figure(1996.0), "1996");
        assert_eq!(figure(2_500.0), "2500");
        assert_eq!(figure(25_000.0), "25,000");
        assert_eq!(figure(2_500_000.0), "2,500,000");
        assert_eq!(figure(-12345.5), "-12,345.5");
        assert_eq!(figure(0.25), "0.25");
        assert_eq!(figure(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(figure(1e20), "100,000,000,000,000,000,000");
        assert_eq!(figure(f64::NAN), "NaN");
    }

    #[test]
    fn dates_are_written_day_month_year() {
        assert_eq!(day(2026, 2, 12), "12 February 2026");
        assert_eq!(day(2024, 8, 9), "9 August 2024");
        assert_eq!(day_month(7, 3), "3 July");
        assert_eq!(month_year(2024, 12), "December 2024");
        assert_eq!(month_name(9), "September");
        assert_eq!(month_name(0), "January");
        assert_eq!(month_name(13), "December");
        assert_eq!(day(2023, 2, 29), "2023-02-29");
    }

    #[test]
    fn lists_have_no_serial_comma() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["A"]), "A");
        assert_eq!(and_list(&["A", "B"]), "A and B");
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn azerbaijani_and_russian_are_cldrs() {
        let (az, ru) = (of(Lang::Az), of(Lang::Ru));
        assert_eq!(az.day(2026, 2, 12), "12 fevral 2026");
        assert_eq!(ru.day(2026, 2, 12), "12 февраля 2026\u{202f}г.");
        assert_eq!(az.figure(1234.5), "1234,5");
        assert_eq!(az.count(1234), "1.234");
        assert_eq!(az.figure(12345.5), "12.345,5");
        assert_eq!(ru.count(1234), "1\u{a0}234");
        assert_eq!(ru.figure(-12345.5), "-12\u{a0}345,5");
        assert_eq!(az.and_list(&["A", "B", "C"]), "A, B və C");
        assert_eq!(ru.and_list(&["A", "B", "C"]), "A, B и C");
        assert_eq!(az.month_name(2), "fevral");
        assert_eq!(ru.month_name(2), "февраль");
        assert_eq!(ru.months_of_days()[1], "февраля");
        assert_eq!(az.months_of_days()[1], "fevral");
        assert_eq!(of(Lang::En).months_of_days()[1], "February");
        assert_eq!(ru.month_year(2026, 2), "февраль 2026\u{202f}г.");
        assert_eq!(of(Lang::En).percent(0.3), "30.0%");
        assert_eq!(az.percent(0.2857), "28,6%");
        assert_eq!(ru.percent(0.2857), "28,6\u{a0}%");
        assert_eq!(of(Lang::En).percent(123.456), "12,345.6%");
    }

    #[test]
    fn each_alphabet_has_its_order() {
        use std::cmp::Ordering::Less;
        let az = of(Lang::Az);
        for (a, b) in [("Cənub", "Çin"), ("Ekvador", "Əfqanıstan"), ("Irak", "İran"), ("ıx", "ia"), ("Zambiya", "Çin")] {
            let expected = if a == "Zambiya" { std::cmp::Ordering::Greater } else { Less };
            assert_eq!(az.compare(a, b), expected, "{a} against {b}");
        }
        let ru = of(Lang::Ru);
        assert_eq!(ru.compare("Япония", "Austria"), Less);
        assert_eq!(of(Lang::En).compare("Austria", "Япония"), Less);
        assert_eq!(of(Lang::En).compare("Åland", "Zambia"), Less);
    }
}
