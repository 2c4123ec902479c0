//! The pillars' colours, shared by the Markdown's Mermaid charts and the
//! PDF: one colour per pillar (by its position in the report), used for its
//! slice, its bars, its timeline lane and its section heading.
//!
//! The lightness steps are far apart, so the pillars stay apart when the
//! briefing is printed in greyscale.

/// Hex colours, darkest first; pillars beyond the sixth reuse them.
pub const PALETTE: [&str; 6] = ["#1b3a5c", "#d49a2a", "#2f7f79", "#a9cbe8", "#7a4a8a", "#c7c7c7"];

/// The colour of the pillar at `index` (0-based), as `#rrggbb`.
pub fn hex(index: usize) -> &'static str {
    PALETTE[index % PALETTE.len()]
}

/// The colour of the pillar at `index` as red, green and blue bytes.
pub fn rgb(index: usize) -> (u8, u8, u8) {
    let h = hex(index);
    let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0);
    (byte(1), byte(3), byte(5))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative luminance (sRGB, linearised by a square: enough to order).
    fn lightness(index: usize) -> f64 {
        let (r, g, b) = rgb(index);
        let lin = |v: u8| (f64::from(v) / 255.0) * (f64::from(v) / 255.0);
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    #[test]
    fn the_first_four_pillars_differ_in_lightness_not_only_hue() {
        let mut l: Vec<f64> = (0..4).map(lightness).collect();
        l.sort_by(f64::total_cmp);
        for pair in l.windows(2) {
            assert!(pair[1] - pair[0] > 0.08, "{l:?}");
        }
    }
}
