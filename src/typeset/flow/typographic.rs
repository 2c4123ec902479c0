//! Text as a typesetter sets it: punctuation, dashes, and the no-break
//! spaces that keep a number with what it counts and a date whole.

/// Text as a typesetter sets it (the Markdown keeps the data's
/// characters): ’ for an apostrophe, ‘…’ and “…” for quotes that open after
/// a space or bracket and close elsewhere, … for three dots, – for a spaced
/// hyphen and `--`, — for `---`, and a no-break space between a day and its
/// month. `before` is the character before the text (the end of the run
/// before it).
pub fn typographic(text: &str, before: Option<char>) -> String {
    let months = crate::words::cldr::month_names();
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = if i == 0 { before } else { Some(chars[i - 1]) };
        let opens = prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}/".contains(p));
        match c {
            '\'' => out.push(if opens { '\u{2018}' } else { '\u{2019}' }),
            '"' => out.push(if opens { '\u{201c}' } else { '\u{201d}' }),
            '.' if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') => {
                out.push('\u{2026}');
                i += 2;
            }
            '-' if chars.get(i + 1) == Some(&'-') && chars.get(i + 2) == Some(&'-') => {
                out.push('\u{2014}');
                i += 2;
            }
            '-' if chars.get(i + 1) == Some(&'-') => {
                out.push('\u{2013}');
                i += 1;
            }
            '-' if prev == Some(' ') && chars.get(i + 1) == Some(&' ') => out.push('\u{2013}'),
            ' ' if prev.is_some_and(|p| p.is_ascii_digit())
                && !(i >= 3 && chars[i - 3].is_ascii_digit())
                && months.iter().any(|m| chars[i + 1..].iter().take(m.len()).copied().eq(m.chars())) =>
            {
                out.push('\u{a0}');
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::typographic;

    #[test]
    fn punctuation_is_set_as_a_typesetter_would() {
        assert_eq!(typographic("Azerbaijan's \"four pillars\" -- and 'more'...", None), "Azerbaijan’s “four pillars” – and ‘more’…");
        assert_eq!(typographic("2024 - 2026 --- done", None), "2024 – 2026 — done");
        assert_eq!(typographic("on 12 February 2026, not 2026 February", None), "on 12\u{a0}February 2026, not 2026 February");
        // A quote right after the run before closes it.
        assert_eq!(typographic("\" said", Some('x')), "” said");
        assert_eq!(typographic("\"said\"", Some(' ')), "“said”");
    }
}
