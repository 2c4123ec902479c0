//! Numbers as the reports write them: counts and figures grouped by
//! thousands with commas, in one place for the templates, the JSON
//! summary, the charts and the messages. The grouping is CLDR's en-GB
//! ([`crate::words::cldr`]); these names stay for the modules that call them.

/// Formats a figure's value: whole numbers without a decimal point, others
/// as short as they round-trip; from five digits on, the whole part is
/// grouped by thousands ("2,500,000", but "1996"). CLDR's en-GB, through
/// [`crate::words::cldr`].
pub fn format_number(x: f64) -> String {
    crate::words::cldr::figure(x)
}

/// A count: 12345 as "12,345" (from four digits on, unlike a figure).
pub fn thousands(n: usize) -> String {
    crate::words::cldr::count(n as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    #[test]
    fn large_numbers_are_grouped_by_thousands() {
        assert_eq!(format_number(1996.0), "1996");
        assert_eq!(format_number(2_500_000.0), "2,500,000");
        assert_eq!(format_number(-12345.5), "-12,345.5");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(1e20), "100,000,000,000,000,000,000");
        // Past 2^53, the digits that read back, as before the catalogue.
        assert_eq!(format_number(1316435857953968.3), "1,316,435,857,953,968.3");
        assert_eq!(format_number(-0.0), "0");
    }

    #[test]
    fn counts_are_grouped_from_four_digits() {
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    /// The grouping as it was written by hand before CLDR's: the oracle
    /// that keeps the reports byte-identical.
    fn by_hand(x: f64) -> String {
        let text = if x.fract() == 0.0 && x.abs() < 1e15 { format!("{}", x as i64) } else { format!("{x}") };
        let (sign, rest) = text.strip_prefix('-').map_or(("", text.as_str()), |r| ("-", r));
        let (whole, fraction) = rest.split_once('.').map_or((rest, None), |(w, f)| (w, Some(f)));
        if whole.len() < 5 || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return text;
        }
        let mut grouped = String::new();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        match fraction {
            Some(f) => format!("{sign}{grouped}.{f}"),
            None => format!("{sign}{grouped}"),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn figures_are_written_as_before(
            x in proptest::prop_oneof![
                proptest::num::f64::NORMAL | proptest::num::f64::ZERO | proptest::num::f64::SUBNORMAL,
                (-1e7f64..1e7).prop_map(|x| (x * 100.0).round() / 100.0),
                (-1_000_000_000_000i64..1_000_000_000_000).prop_map(|n| n as f64),
            ]
        ) {
            proptest::prop_assert_eq!(format_number(x), by_hand(x));
        }

        #[test]
        fn counts_are_written_as_before(n in 0usize..usize::MAX) {
            let digits = n.to_string();
            let mut expected = String::new();
            for (i, digit) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    expected.push(',');
                }
                expected.push(digit);
            }
            proptest::prop_assert_eq!(thousands(n), expected);
        }
    }
}
