//! The pillars' colours, shared by the Markdown's Mermaid charts and the
//! PDF: one colour per pillar (by its position in the report), used for its
//! slice, its bars, its timeline lane and its section heading.
//!
//! Every colour has at least 3:1 contrast against white (WCAG's minimum for
//! graphics: bars, lanes and tabs are seen, not guessed), and the first four
//! differ in lightness by at least 9 L* units, so the pillars stay apart when
//! the briefing is printed in greyscale.

/// Hex colours; pillars beyond the sixth reuse them.
pub const PALETTE: [&str; 6] = ["#1b3a5c", "#b98020", "#2f7f79", "#7a4a8a", "#5a88b8", "#6b6b6b"];

/// The colour of the pillar at `index` (0-based), as `#rrggbb`.
pub fn hex(index: usize) -> &'static str {
    PALETTE[index % PALETTE.len()]
}

/// The colour of the pillar at `index` as red, green and blue bytes.
pub fn rgb(index: usize) -> (u8, u8, u8) {
    parse(hex(index)).unwrap_or((0, 0, 0))
}

/// `#rrggbb` (quoted or not) as red, green and blue bytes: the one reader
/// of hex colours, for the palette and for colours a chart names.
pub fn parse(text: &str) -> Option<(u8, u8, u8)> {
    let h = text.trim().trim_matches('"').strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
    Some((byte(0)?, byte(2)?, byte(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative luminance (WCAG 2: sRGB linearised).
    fn luminance(index: usize) -> f64 {
        let (r, g, b) = rgb(index);
        let lin = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    /// CIE L*: lightness as the eye (and a greyscale printer) orders it.
    fn lightness(index: usize) -> f64 {
        let y = luminance(index);
        if y > 0.008856 { 116.0 * y.cbrt() - 16.0 } else { 903.3 * y }
    }

    #[test]
    fn every_colour_stands_out_against_white() {
        for i in 0..PALETTE.len() {
            let contrast = 1.05 / (luminance(i) + 0.05);
            assert!(contrast >= 3.0, "{} has {contrast:.2}:1 against white", hex(i));
        }
    }

    #[test]
    fn the_first_four_pillars_differ_in_lightness_not_only_hue() {
        let mut l: Vec<f64> = (0..4).map(lightness).collect();
        l.sort_by(f64::total_cmp);
        for pair in l.windows(2) {
            assert!(pair[1] - pair[0] >= 9.0, "{l:?}");
        }
    }
}
