//! Text as a typesetter sets it: punctuation, dashes, and the no-break
//! spaces that keep a number with what it counts and a date whole.

/// Text as a typesetter sets it (the Markdown keeps the data's
/// characters): ’ for an apostrophe, ‘…’ and “…” for quotes that open after
/// a space or bracket and close elsewhere, … for three dots, – for a spaced
/// hyphen and `--`, — for `---`, and a no-break space where a line must
/// not part two words ([`ties`]). `before` is the character before the text
/// (the end of the run before it). The Markdown keeps plain spaces; the
/// rule lives here, where every text of the PDF passes (paragraphs, lists,
/// table cells, headings), data and template words alike.
pub fn typographic(text: &str, before: Option<char>) -> String {
    typographic_in(text, before, crate::words::Lang::En)
}

/// [`typographic`] in `lang`: its quotation marks (« » in Azerbaijani and
/// Russian for a straight `"`), and its months' names for the no-break
/// space between a month and its year (Russian "февраля" and "февраль").
pub fn typographic_in(text: &str, before: Option<char>, lang: crate::words::Lang) -> String {
    let cldr = crate::words::cldr::of(lang);
    let months = [cldr.month_names(), cldr.months_of_days()];
    let (open, close) = match lang {
        crate::words::Lang::En => ('\u{201c}', '\u{201d}'),
        crate::words::Lang::Az | crate::words::Lang::Ru => ('\u{ab}', '\u{bb}'),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = if i == 0 { before } else { Some(chars[i - 1]) };
        let opens = prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}/".contains(p));
        match c {
            '\'' => out.push(if opens { '\u{2018}' } else { '\u{2019}' }),
            '"' => out.push(if opens { open } else { close }),
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
            ' ' if ties(&chars, i, &months) => out.push('\u{a0}'),
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// Whether the space at `i` must not part the words on either side
/// (issue 27): a number and what it counts ("11 events", "2,500 km",
/// "12 February"), a label and the count that closes it ("Central Asia 1,",
/// "Austria (1)"), a month and its year ("November 2025"). A year is not
/// tied to the word after it ("2026 February" may part): years open
/// clauses ("In 2024 the…") more than they count.
fn ties(chars: &[char], i: usize, months: &[&[String; 12]]) -> bool {
    let (before, after) = (&chars[..i], &chars[i + 1..]);
    let (Some(prev), Some(next)) = (before.last(), after.first()) else { return false };
    if prev.is_whitespace() || next.is_whitespace() {
        return false;
    }
    let start = before.iter().rposition(|c| c.is_whitespace()).map_or(0, |p| p + 1);
    let word_before = &before[start..];
    let end = after.iter().position(|c| c.is_whitespace()).unwrap_or(after.len());
    let word_after = &after[..end];
    let digits = |w: &[char]| w.iter().take_while(|c| c.is_ascii_digit()).count();
    // A number: digits with their separators and a percent sign.
    let number = |w: &[char]| digits(w) > 0 && w.iter().all(|c| c.is_ascii_digit() || ",.%\u{2009}\u{202f}".contains(*c));
    let closes = |c: &char| ",.;:)".contains(*c);
    let month = |w: &[char]| months.iter().flat_map(|m| m.iter()).any(|m| w.iter().copied().eq(m.chars()));
    let year_after = digits(word_after) == 4 && word_after.get(4).is_none_or(closes);
    if month(word_before) && year_after {
        return true;
    }
    let bare_year = word_before.len() == 4 && digits(word_before) == 4;
    if number(word_before) && !closes(prev) && !bare_year && next.is_alphabetic() {
        return true;
    }
    let count = word_after.strip_prefix(&['(']).unwrap_or(word_after);
    let rest = &count[digits(count)..];
    let ends_phrase = if rest.is_empty() { end == after.len() } else { rest.iter().all(closes) };
    prev.is_alphabetic() && digits(count) > 0 && ends_phrase && !year_after
}

#[cfg(test)]
mod tests {
    use super::{typographic, typographic_in};
    use crate::words::Lang;

    #[test]
    fn each_language_has_its_quotes_and_months() {
        assert_eq!(typographic_in("the \"Middle Corridor\"", None, Lang::Ru), "the «Middle Corridor»");
        assert_eq!(typographic_in("\"Orta Dəhliz\"", None, Lang::Az), "«Orta Dəhliz»");
        let nb = |s: &str| s.replace('~', "\u{a0}");
        assert_eq!(typographic_in("с 12 февраля 2026\u{202f}г. и февраль 2026", None, Lang::Ru), nb("с 12~февраля~2026\u{202f}г. и февраль~2026"));
        assert_eq!(typographic_in("fevral 2026", None, Lang::Az), nb("fevral~2026"));
        // English has none of these.
        assert_eq!(typographic_in("февраль 2026", None, Lang::En), "февраль 2026");
    }

    #[test]
    fn punctuation_is_set_as_a_typesetter_would() {
        assert_eq!(typographic("Azerbaijan's \"four pillars\" -- and 'more'...", None), "Azerbaijan’s “four pillars” – and ‘more’…");
        assert_eq!(typographic("2024 - 2026 --- done", None), "2024 – 2026 — done");
        assert_eq!(typographic("on 12 February 2026, not 2026 February", None), "on 12\u{a0}February\u{a0}2026, not 2026 February");
        // A quote right after the run before closes it.
        assert_eq!(typographic("\" said", Some('x')), "” said");
        assert_eq!(typographic("\"said\"", Some(' ')), "“said”");
    }

    /// No line parts a number from what it counts, a label from its count,
    /// or a date (issue 27: "Central Asia / 1", "23 November / 2025").
    #[test]
    fn numbers_keep_their_labels_and_dates_stay_whole() {
        let nb = |s: &str| s.replace('~', "\u{a0}");
        assert_eq!(typographic("on 23 November 2025, 11 events", None), nb("on 23~November~2025, 11~events"));
        assert_eq!(typographic("South Caucasus 1, Central Asia 1.", None), nb("South Caucasus~1, Central Asia~1."));
        assert_eq!(typographic("Austria (1), 2,500 km and 37.5% more", None), nb("Austria~(1), 2,500~km and 37.5%~more"));
        // A year opens a clause; a number that ends one is not tied on.
        assert_eq!(typographic("In 2024 the 3, then in 2025 more", None), nb("In 2024 the~3, then in 2025 more"));
        assert_eq!(typographic("since November 2025 and 2026 February", None), nb("since November~2025 and 2026 February"));
    }
}
