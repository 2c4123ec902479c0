//! Numbers as the reports write them: counts and figures grouped by
//! thousands with commas, in one place for the templates, the JSON
//! summary, the charts and the messages.

/// Formats a figure's value: whole numbers without a decimal point, others
/// as short as they round-trip; from five digits on, the whole part is
/// grouped by thousands ("2,500,000", but "1996").
pub fn format_number(x: f64) -> String {
    let text = if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    };
    let (sign, rest) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |r| ("-", r));
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    if whole.len() < 5 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return text;
    }
    let grouped = group(whole);
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A count: 12345 as "12,345" (from four digits on, unlike a figure).
pub fn thousands(n: usize) -> String {
    group(&n.to_string())
}

/// ASCII digits with a comma before each group of three from the right.
fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_numbers_are_grouped_by_thousands() {
        assert_eq!(format_number(1996.0), "1996");
        assert_eq!(format_number(2_500_000.0), "2,500,000");
        assert_eq!(format_number(-12345.5), "-12,345.5");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(1e20), "100,000,000,000,000,000,000");
    }

    #[test]
    fn counts_are_grouped_from_four_digits() {
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
