//! The report's fonts: Noto Serif for text, Noto Sans for headings and
//! tables, Noto Sans Mono for code, all compiled in from `fonts/` (SIL Open
//! Font License, `fonts/OFL.txt`). Widths come from each font's own metrics.
//!
//! Fonts are parsed once per process and shared, so a long-running process
//! (`--watch`) pays for them once.

use std::collections::HashMap;
use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::geom::Pt;

/// One face of the report's fonts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    Serif,
    SerifBold,
    SerifItalic,
    SerifBoldItalic,
    Sans,
    SansBold,
    Mono,
}

impl Face {
    /// Every face, in a fixed order (their index).
    pub const ALL: [Face; 7] = [
        Face::Serif,
        Face::SerifBold,
        Face::SerifItalic,
        Face::SerifBoldItalic,
        Face::Sans,
        Face::SansBold,
        Face::Mono,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Serif => include_bytes!("../../fonts/NotoSerif-Regular.ttf"),
            Face::SerifBold => include_bytes!("../../fonts/NotoSerif-Bold.ttf"),
            Face::SerifItalic => include_bytes!("../../fonts/NotoSerif-Italic.ttf"),
            Face::SerifBoldItalic => include_bytes!("../../fonts/NotoSerif-BoldItalic.ttf"),
            Face::Sans => include_bytes!("../../fonts/NotoSans-Regular.ttf"),
            Face::SansBold => include_bytes!("../../fonts/NotoSans-Bold.ttf"),
            Face::Mono => include_bytes!("../../fonts/NotoSansMono-Regular.ttf"),
        }
    }

    /// The face for bold and italic variants of a family.
    pub fn styled(self, bold: bool, italic: bool) -> Face {
        match self {
            Face::Serif | Face::SerifBold | Face::SerifItalic | Face::SerifBoldItalic => match (bold, italic) {
                (false, false) => Face::Serif,
                (true, false) => Face::SerifBold,
                (false, true) => Face::SerifItalic,
                (true, true) => Face::SerifBoldItalic,
            },
            Face::Sans | Face::SansBold => {
                if bold {
                    Face::SansBold
                } else {
                    Face::Sans
                }
            }
            Face::Mono => Face::Mono,
        }
    }
}

/// A parsed face and what layout needs of it.
pub struct FaceData {
    pub parsed: ParsedFont,
    units_per_em: f32,
    /// Ascent and descent as fractions of the em (descent positive).
    pub ascent: f32,
    pub descent: f32,
    /// Advance widths in em of the characters below U+0250 (Latin, Latin-1
    /// and Latin Extended-A/B, which covers Azerbaijani); NaN where the font
    /// has no glyph.
    latin: Vec<f32>,
}

impl FaceData {
    fn parse(face: Face) -> FaceData {
        let mut warnings = Vec::new();
        // The fonts are compiled in and known to parse: a failure here is a
        // broken build, not bad input.
        let parsed = ParsedFont::from_bytes(face.bytes(), 0, &mut warnings)
            .unwrap_or_else(|| panic!("the built-in font {face:?} does not parse"));
        let metrics = &parsed.font_metrics;
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let mut data = FaceData {
            units_per_em,
            ascent: metrics.ascent / units_per_em,
            descent: metrics.descent.abs() / units_per_em,
            latin: Vec::new(),
            parsed,
        };
        data.latin = (0..0x250u32)
            .map(|c| char::from_u32(c).and_then(|c| data.lookup(c)).unwrap_or(f32::NAN))
            .collect();
        data
    }

    fn lookup(&self, c: char) -> Option<f32> {
        let gid = self.parsed.lookup_glyph_index(c as u32).filter(|&g| g != 0)?;
        let advance = self.parsed.get_glyph_width_internal(gid)?;
        Some(advance as f32 / self.units_per_em)
    }

    /// The advance of `c` in em, or `None` when the face has no glyph.
    pub fn advance(&self, c: char) -> Option<f32> {
        match self.latin.get(c as usize) {
            Some(w) if w.is_nan() => None,
            Some(&w) => Some(w),
            None => self.lookup(c),
        }
    }

    pub fn has_glyph(&self, c: char) -> bool {
        c.is_control() || self.advance(c).is_some()
    }
}

/// All faces.
pub struct Fonts {
    /// Parsed when first used: a briefing without italics never pays for
    /// the italic faces.
    faces: [OnceLock<FaceData>; 7],
    /// Widths of characters outside the quick Latin table, per face.
    cache: std::sync::Mutex<HashMap<(Face, char), Option<f32>>>,
}

/// The faces nearly every briefing uses, parsed together on all cores.
const CORE: [Face; 4] = [Face::Serif, Face::SerifBold, Face::Sans, Face::SansBold];

impl Fonts {
    /// The fonts of this process.
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| {
            let fonts = Fonts { faces: Default::default(), cache: std::sync::Mutex::new(HashMap::new()) };
            std::thread::scope(|scope| {
                for face in CORE {
                    let slot = &fonts.faces[face.index()];
                    scope.spawn(move || slot.get_or_init(|| FaceData::parse(face)));
                }
            });
            fonts
        })
    }

    pub fn face(&self, face: Face) -> &FaceData {
        self.faces[face.index()].get_or_init(|| FaceData::parse(face))
    }

    /// The advance of `c` in `face` at `size`; a character the face lacks
    /// measures as the replacement it will be drawn with.
    pub fn advance(&self, face: Face, c: char, size: Pt) -> Pt {
        let data = self.face(face);
        let em = match data.latin.get(c as usize) {
            Some(w) if !w.is_nan() => *w,
            Some(_) => data.advance(REPLACEMENT).unwrap_or(0.5),
            None => {
                let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
                let w = *cache.entry((face, c)).or_insert_with(|| data.lookup(c));
                w.or_else(|| data.advance(REPLACEMENT)).unwrap_or(0.5)
            }
        };
        size * em
    }

    /// The width of `text` in `face` at `size`.
    pub fn width(&self, face: Face, text: &str, size: Pt) -> Pt {
        text.chars().map(|c| self.advance(face, c, size)).sum()
    }
}

/// What a character no font has is drawn as, so it never vanishes.
pub const REPLACEMENT: char = '\u{FFFD}';

/// The visible stand-in for a character that `face` lacks.
pub fn visible(fonts: &Fonts, face: Face, c: char) -> char {
    if fonts.face(face).has_glyph(c) {
        c
    } else if fonts.face(face).has_glyph(REPLACEMENT) {
        REPLACEMENT
    } else {
        '?'
    }
}

/// Whether every face text is set in (serif and sans, regular and bold)
/// can draw `c`.
pub fn covers(c: char) -> bool {
    let fonts = Fonts::get();
    c.is_whitespace() || c.is_control() || CORE.iter().all(|&f| fonts.face(f).has_glyph(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_covers_the_azerbaijani_alphabet() {
        let fonts = Fonts::get();
        for face in Face::ALL {
            for c in "ƏəĞğIıİiÖöŞşÜüÇç".chars() {
                assert!(fonts.face(face).has_glyph(c), "{face:?} lacks {c}");
            }
        }
    }

    #[test]
    fn widths_come_from_the_font() {
        let fonts = Fonts::get();
        let size = Pt(10.0);
        let i = fonts.width(Face::Serif, "i", size);
        let m = fonts.width(Face::Serif, "m", size);
        assert!(m.0 > 2.0 * i.0, "m {m:?} i {i:?}");
        let mono_i = fonts.width(Face::Mono, "i", size);
        let mono_m = fonts.width(Face::Mono, "m", size);
        assert_eq!(mono_i, mono_m);
        assert_eq!(fonts.width(Face::Serif, "ab", size), fonts.width(Face::Serif, "a", size) + fonts.width(Face::Serif, "b", size));
    }
}
