//! Escaping data text for Markdown.
//!
//! Handlebars escapes for HTML by default, which would turn `&` into
//! `&amp;` in a Markdown file. Data text must instead come out literally in
//! every Markdown reader: `*Not* a [link] <b>|x|</b>` is text, not emphasis,
//! a link, HTML or a table cell break. [`markdown`] is registered as the
//! templates' escape function.

/// Escapes `text` so that CommonMark/GFM renders it literally as inline text,
/// also inside a table cell, a list item or a heading.
///
/// Line breaks and tabs become spaces (data text is inline), other control
/// characters are dropped, and leading and trailing white space is trimmed
/// (leading spaces could start a code block).
pub fn markdown(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    // Block syntax only matters at the start of a line, which is where a
    // template may put the text.
    if let Some(&first) = chars.peek() {
        if matches!(first, '-' | '+' | '=') {
            out.push('\\');
        } else if first.is_ascii_digit() {
            let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
            let after = text[digits.len()..].chars().next();
            let next = text[digits.len()..].chars().nth(1);
            if matches!(after, Some('.' | ')')) && next.is_none_or(char::is_whitespace) {
                out.push_str(&digits);
                out.push('\\');
                chars.nth(digits.len() - 1);
            }
        }
    }
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            // `&` starts an entity only when a name or `#` follows.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&")
            }
            '\r' | '\n' | '\t' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_are_escaped_and_ampersands_left_alone() {
        assert_eq!(
            markdown("*Not* a [link] <b>|x|</b> & co"),
            r"\*Not\* a \[link\] \<b\>\|x\|\</b\> & co"
        );
        assert_eq!(markdown("Tom & Jerry"), "Tom & Jerry");
        assert_eq!(markdown("&amp; &#38;"), r"\&amp; \&\#38;");
        assert_eq!(
            markdown(r"a\b `c` ~d~ _e_ #1"),
            r"a\\b \`c\` \~d\~ \_e\_ \#1"
        );
    }

    #[test]
    fn block_starts_are_escaped() {
        assert_eq!(markdown("- item"), r"\- item");
        assert_eq!(markdown("+ item"), r"\+ item");
        assert_eq!(markdown("1. first"), r"1\. first");
        assert_eq!(markdown("2024) x"), r"2024\) x");
        assert_eq!(markdown("1.5 bcm"), "1.5 bcm");
        assert_eq!(markdown("2024"), "2024");
        assert_eq!(markdown("# title"), r"\# title");
        assert_eq!(markdown("> quote"), r"\> quote");
        assert_eq!(markdown("    code"), "code");
    }

    #[test]
    fn line_breaks_become_spaces_and_controls_vanish() {
        assert_eq!(markdown("one\ntwo\r\nthree\tfour"), "one two three four");
        assert_eq!(markdown("a\u{0}b\u{7}c"), "abc");
    }

    #[test]
    fn non_ascii_text_passes_through() {
        assert_eq!(
            markdown("Ərəb — İlham Əliyev, Şuşa, Müqavilə"),
            "Ərəb — İlham Əliyev, Şuşa, Müqavilə"
        );
    }
}
