//! How spellings are compared, judged and told apart (issue 29, item 2):
//! the dataset keeps one-line values (names, aliases, the partners an event names) are kept in
//! Unicode Normalisation Form C, so that "Türkiye" with a precomposed `ü`
//! and with `u` and a combining diaeresis is one spelling wherever spellings
//! are compared (the partner registry, free-text partners, names of places
//! and pillars); and text made only of characters that show nothing is told
//! by the Unicode properties of ICU4X, not by a list of ranges that misses
//! the planes above the first; and a "did you mean" that names a look-alike
//! says how it differs ([`difference`]).

use std::borrow::Cow;

use icu_properties::props::{DefaultIgnorableCodePoint, WhiteSpace};
use icu_properties::CodePointSetData;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// `text` in Normalisation Form C; borrowed when it is already (the usual
/// case: the quick check decides without building a copy).
pub fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// Whether a character shows nothing: Unicode's White_Space, or a
/// Default_Ignorable_Code_Point (zero-width spaces and joiners, the soft
/// hyphen, fillers, variation selectors 1–256, tag characters, the musical
/// formatting characters, the bidirectional controls), or the blank Braille
/// pattern, which is a symbol by its properties but prints as a space.
pub fn invisible(c: char) -> bool {
    CodePointSetData::new::<WhiteSpace>().contains(c) || CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c) || c == '\u{2800}'
}

/// How `written` differs from `meant`, a spelling suggested for it that may
/// look the same: "differs in Unicode normalisation" when the two are one
/// in Normalisation Form C, else the characters that differ, named by code
/// point ("U+0131 `ı` where it has U+0069 `i`"), when any of them is not
/// ASCII. `None` when the difference is plain to see.
pub fn difference(written: &str, meant: &str) -> Option<String> {
    if written == meant {
        return None;
    }
    if nfc(written) == nfc(meant) {
        return Some("differs in Unicode normalisation (NFC)".to_owned());
    }
    let (a, b): (Vec<char>, Vec<char>) = (written.chars().collect(), meant.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ours, theirs) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    // Plain ASCII differences (a typo, a space, "the") show for
    // themselves.
    if ours.iter().chain(theirs).all(char::is_ascii) || ours.len() + theirs.len() > 6 {
        return None;
    }
    let name = |cs: &[char]| match cs {
        [] => "nothing".to_owned(),
        cs => cs.iter().map(|&c| code_point(c)).collect::<Vec<_>>().join(" "),
    };
    Some(format!("differs in {} where it has {}", name(ours), name(theirs)))
}

/// `U+0131 `ı``, or the code point alone for one that shows nothing.
fn code_point(c: char) -> String {
    if invisible(c) || c.is_control() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} `{c}`", c as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_joins_a_letter_and_its_combining_mark() {
        assert_eq!(nfc("Tu\u{0308}rkiye"), "Türkiye");
        assert!(matches!(nfc("Türkiye"), Cow::Borrowed(_)));
        assert_eq!(nfc("A\u{030A}"), "\u{00C5}");
    }

    #[test]
    fn invisible_characters_outside_the_first_plane_are_invisible() {
        for c in ['\u{E0001}', '\u{E0041}', '\u{E0100}', '\u{E01EF}', '\u{1D173}', '\u{1D17A}', '\u{200B}', '\u{3000}', ' ', '\u{2800}'] {
            assert!(invisible(c), "U+{:04X}", c as u32);
        }
        for c in ['a', 'ı', '\u{0600}', '\u{1D15E}', '-'] {
            assert!(!invisible(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn a_look_alike_is_told_apart() {
        assert_eq!(difference("Tu\u{0308}rkiye", "Türkiye").as_deref(), Some("differs in Unicode normalisation (NFC)"));
        assert_eq!(difference("Türkıye", "Türkiye").as_deref(), Some("differs in U+0131 `ı` where it has U+0069 `i`"));
        assert_eq!(difference("Georgia\u{200B}", "Georgia").as_deref(), Some("differs in U+200B where it has nothing"));
        assert_eq!(difference("Gremany", "Germany"), None);
        assert_eq!(difference("the UN", "UN"), None);
        assert_eq!(difference("Kazakhstan", "Kazakhstan"), None);
    }
}
