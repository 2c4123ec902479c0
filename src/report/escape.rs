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
    let mut chars = text.char_indices().peekable();
    // Block syntax only matters at the start of a line, which is where a
    // template may put the text.
    if let Some(&(_, first)) = chars.peek() {
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
    while let Some((at, c)) = chars.next() {
        let index = at + c.len_utf8();
        match c {
            // `$` starts maths and `@` an e-mail autolink in some GFM
            // readers (issue 10, class 11).
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '$' | '@' => {
                out.push('\\');
                out.push(c);
            }
            // A bare `https://…` or `www.…` would become a link (and
            // markdownlint's MD034 complains); `:name:` an emoji, after a
            // letter too (`Baku:x:Tbilisi` showed ❌ in GitHub and pandoc,
            // issue 29, item 7). Escaping one character breaks the pattern;
            // it still reads as written.
            ':' if text[index..].starts_with("//") || shortcode(&text[index..]) => {
                out.push_str("\\:")
            }
            '.' if text[..at].to_ascii_lowercase().ends_with("www")
                && !text[..at - 3].ends_with(|p: char| p.is_alphanumeric()) =>
            {
                out.push_str("\\.")
            }
            // `&` starts an entity only when a name or `#` follows.
            '&' if chars
                .peek()
                .is_some_and(|&(_, n)| n.is_ascii_alphanumeric() || n == '#') =>
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

/// Whether `rest` (after a `:`) continues an emoji shortcode: `x:` in
/// `:x:`, `white_check_mark:`.
fn shortcode(rest: &str) -> bool {
    let name = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-')).count();
    name > 0 && rest.as_bytes().get(name) == Some(&b':')
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

    /// Issue 10, class 11: GFM extensions do not rewrite data.
    #[test]
    fn autolinks_maths_and_emoji_are_not_triggered() {
        assert_eq!(markdown("see https://x.org/a and WWW.x.org"), r"see https\://x.org/a and WWW\.x.org");
        assert_eq!(markdown("www.x.org, awww.no"), r"www\.x.org, awww.no");
        assert_eq!(markdown("desk@x.org"), r"desk\@x.org");
        assert_eq!(markdown("$5 to $6"), r"\$5 to \$6");
        assert_eq!(markdown(":x: and :+1: at 10:30: ok"), r"\:x: and \:+1: at 10\:30: ok");
        assert_eq!(markdown("Baku:x:Tbilisi"), r"Baku\:x:Tbilisi");
    }

    /// Issue 29, item 7: no emoji shortcode, bare link, mention or
    /// strikethrough is left in any text made of their parts, wherever
    /// they stand: generated over every arrangement of a few pieces.
    #[test]
    fn no_gfm_extension_is_left_in_any_arrangement_of_its_parts() {
        const PIECES: [&str; 12] = ["Baku", ":", "x", "+1", "_", "-", " ", "10", "www.", "@", "~", "://"];
        let mut count = 0;
        // Every sequence of up to five pieces: 12^5 texts.
        let mut stack = vec![(String::new(), 0)];
        while let Some((text, pieces)) = stack.pop() {
            let escaped = markdown(&text);
            check(&text, &escaped);
            count += 1;
            if pieces < 5 {
                for p in PIECES {
                    stack.push((format!("{text}{p}"), pieces + 1));
                }
            }
        }
        assert_eq!(count, (0..=5).map(|n| PIECES.len().pow(n)).sum::<usize>());
    }

    /// What `escaped` must not hold: an unescaped `:` opening a shortcode
    /// (`:name:`), `://`, a `www.` at a word's start, `@`, `~`.
    fn check(text: &str, escaped: &str) {
        let bytes = escaped.as_bytes();
        let escaped_at = |i: usize| bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1;
        for (i, c) in escaped.char_indices() {
            let raw = !escaped_at(i);
            let rest = &escaped[i + 1..];
            match c {
                ':' if raw => {
                    assert!(!rest.starts_with("//"), "{text:?} → {escaped:?}");
                    let name = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-')).count();
                    assert!(name == 0 || rest.as_bytes().get(name) != Some(&b':'), "a shortcode: {text:?} → {escaped:?}");
                }
                '@' | '~' => assert!(!raw, "{text:?} → {escaped:?}"),
                'w' | 'W' if raw && rest.to_ascii_lowercase().starts_with("ww.") => {
                    assert!(escaped[..i].ends_with(|p: char| p.is_alphanumeric()), "a www link: {text:?} → {escaped:?}");
                }
                _ => {}
            }
        }
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
