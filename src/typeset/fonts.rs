//! The report's fonts: Noto Serif for text, Noto Sans for headings and
//! tables, Noto Sans Mono for code, all compiled in from `fonts/` (SIL Open
//! Font License, `fonts/OFL.txt`). Widths and kerning come from each font's
//! own tables, read with ttf-parser: the typesetter measures without the
//! PDF writer, which alone embeds the faces ([`super::pdf`]).
//!
//! Kerning is the font's `kern` feature (GPOS pair adjustment): "AV", "To",
//! "r." are set as the type designer spaced them. A pair is looked up once
//! and kept in a table per face; no kerning is applied across a space, so a
//! line measures as the sum of its words and spaces.
//!
//! Faces are parsed once per process and shared, so a long-running process
//! (`--watch`) pays for them once.

use std::sync::atomic::{AtomicI16, Ordering};
use std::sync::OnceLock;

use ttf_parser::gpos::{PairAdjustment, PositioningSubtable};
use ttf_parser::GlyphId;

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

    /// The font program, as embedded.
    pub fn bytes(self) -> &'static [u8] {
        PROGRAMS[self.index()]
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

/// The font programs, in the order of [`Face::ALL`]. A `static`, so each is
/// in the binary once: as `include_bytes!` in a function that was inlined,
/// the fonts were copied into each codegen unit that inlined it (4 MB twice
/// in one build).
static PROGRAMS: [&[u8]; 7] = [
    include_bytes!("../../fonts/NotoSerif-Regular.ttf"),
    include_bytes!("../../fonts/NotoSerif-Bold.ttf"),
    include_bytes!("../../fonts/NotoSerif-Italic.ttf"),
    include_bytes!("../../fonts/NotoSerif-BoldItalic.ttf"),
    include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../fonts/NotoSansMono-Regular.ttf"),
];

/// The characters whose pairs are kept in a dense table: Latin, Latin-1 and
/// Latin Extended-A, then Ə and ə (Azerbaijani).
const DENSE: usize = 0x180 + 2;

fn dense(c: char) -> Option<usize> {
    match c {
        c if (c as usize) < 0x180 => Some(c as usize),
        '\u{18F}' => Some(0x180),
        '\u{259}' => Some(0x181),
        _ => None,
    }
}

/// Not looked up yet, in the pair table.
const UNKNOWN: i16 = i16::MIN;

/// A parsed face and what layout needs of it.
pub struct FaceData {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Ascent and descent as fractions of the em (descent positive).
    pub ascent: f32,
    pub descent: f32,
    /// Glyph and advance (in em) of the characters below U+0250 (Latin,
    /// Latin-1 and Latin Extended-A/B, which covers Azerbaijani); glyph 0
    /// and NaN where the font has none.
    latin: Vec<(u16, f32)>,
    /// The pair-adjustment subtables of the `kern` feature's lookups, in
    /// lookup order.
    kerning: Vec<Vec<PairAdjustment<'static>>>,
    /// Kerning of the pairs of [`DENSE`] characters, in font units, filled
    /// as they are met; a row (the pairs of one first character) is made
    /// when its character is first met, so a briefing pays for the ninety
    /// or so letters it uses, not for 149,000 pairs a face.
    pairs: Vec<OnceLock<Box<[AtomicI16]>>>,
}

impl FaceData {
    fn parse(face: Face) -> FaceData {
        // The fonts are compiled in and known to parse: a failure here is a
        // broken build, not bad input.
        let parsed = ttf_parser::Face::parse(face.bytes(), 0).unwrap_or_else(|e| panic!("the built-in font {face:?} does not parse: {e}"));
        let units_per_em = f32::from(parsed.units_per_em().max(1));
        let hhea = parsed.tables().hhea;
        let latin = (0..0x250u32)
            .map(|c| {
                let glyph = char::from_u32(c).and_then(|c| parsed.glyph_index(c)).filter(|g| g.0 != 0);
                glyph.and_then(|g| Some((g.0, f32::from(parsed.glyph_hor_advance(g)?) / units_per_em))).unwrap_or((0, f32::NAN))
            })
            .collect();
        let kerning = kerning(&parsed);
        let pairs = if kerning.is_empty() { Vec::new() } else { (0..DENSE).map(|_| OnceLock::new()).collect() };
        FaceData {
            units_per_em,
            ascent: f32::from(hhea.ascender) / units_per_em,
            descent: f32::from(hhea.descender).abs() / units_per_em,
            latin,
            kerning,
            pairs,
            face: parsed,
        }
    }

    fn glyph(&self, c: char) -> Option<GlyphId> {
        match self.latin.get(c as usize) {
            Some(&(0, _)) => None,
            Some(&(g, _)) => Some(GlyphId(g)),
            None => self.face.glyph_index(c).filter(|g| g.0 != 0),
        }
    }

    fn lookup(&self, c: char) -> Option<f32> {
        let glyph = self.glyph(c)?;
        Some(f32::from(self.face.glyph_hor_advance(glyph)?) / self.units_per_em)
    }

    /// The advance of `c` in em, or `None` when the face has no glyph.
    pub fn advance(&self, c: char) -> Option<f32> {
        match self.latin.get(c as usize) {
            Some((_, w)) if w.is_nan() => None,
            Some(&(_, w)) => Some(w),
            None => self.lookup(c),
        }
    }

    pub fn has_glyph(&self, c: char) -> bool {
        c.is_control() || self.advance(c).is_some()
    }

    /// The PostScript name the font gives itself (name 6).
    pub fn postscript_name(&self) -> Option<String> {
        self.face.names().into_iter().filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME).find_map(|n| n.to_string())
    }

    /// The kerning between `a` and `b`, in em (negative: closer); none
    /// across a space or with a character the face lacks.
    pub fn kern(&self, a: char, b: char) -> f32 {
        if self.kerning.is_empty() || a.is_whitespace() || b.is_whitespace() {
            return 0.0;
        }
        let units = match (dense(a), dense(b)) {
            (Some(i), Some(j)) => {
                let row = self.pairs[i].get_or_init(|| (0..DENSE).map(|_| AtomicI16::new(UNKNOWN)).collect());
                let slot = &row[j];
                match slot.load(Ordering::Relaxed) {
                    UNKNOWN => {
                        let units = self.pair(a, b);
                        slot.store(units, Ordering::Relaxed);
                        units
                    }
                    units => units,
                }
            }
            _ => self.pair(a, b),
        };
        f32::from(units) / self.units_per_em
    }

    /// The pair's adjustment in font units: each lookup of the feature
    /// applies once, by its first subtable that covers the first glyph.
    fn pair(&self, a: char, b: char) -> i16 {
        let (Some(first), Some(second)) = (self.glyph(a), self.glyph(b)) else { return 0 };
        let mut total = 0i16;
        for lookup in &self.kerning {
            for subtable in lookup {
                let value = match subtable {
                    PairAdjustment::Format1 { coverage, sets } => {
                        let Some(index) = coverage.get(first) else { continue };
                        match sets.get(index).and_then(|set| set.get(second)) {
                            Some((value, _)) => value.x_advance,
                            // Not this pair: a later subtable may have it.
                            None => continue,
                        }
                    }
                    PairAdjustment::Format2 { coverage, classes, matrix } => {
                        if coverage.get(first).is_none() {
                            continue;
                        }
                        let pair = (classes.0.get(first), classes.1.get(second));
                        matrix.get(pair).map_or(0, |(value, _)| value.x_advance)
                    }
                };
                total = total.saturating_add(value);
                break;
            }
        }
        total.max(UNKNOWN + 1)
    }
}

/// The pair-adjustment subtables of each lookup the font's `kern` feature
/// names (under any script), in lookup order.
fn kerning(face: &ttf_parser::Face<'static>) -> Vec<Vec<PairAdjustment<'static>>> {
    let Some(gpos) = face.tables().gpos else { return Vec::new() };
    let kern = ttf_parser::Tag::from_bytes(b"kern");
    let mut indices: Vec<u16> = gpos.features.into_iter().filter(|f| f.tag == kern).flat_map(|f| f.lookup_indices).collect();
    indices.sort_unstable();
    indices.dedup();
    indices
        .into_iter()
        .filter_map(|i| gpos.lookups.get(i))
        .map(|lookup| {
            lookup
                .subtables
                .into_iter::<PositioningSubtable>()
                .filter_map(|s| match s {
                    PositioningSubtable::Pair(pair) => Some(pair),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .filter(|subtables| !subtables.is_empty())
        .collect()
}

/// All faces.
pub struct Fonts {
    /// Parsed when first used: a briefing without italics never pays for
    /// the italic faces.
    faces: [OnceLock<FaceData>; 7],
}

/// The faces text is set in: serif and sans, regular and bold.
const CORE: [Face; 4] = [Face::Serif, Face::SerifBold, Face::Sans, Face::SansBold];

impl Fonts {
    /// The fonts of this process.
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts { faces: Default::default() })
    }

    pub fn face(&self, face: Face) -> &FaceData {
        self.faces[face.index()].get_or_init(|| FaceData::parse(face))
    }

    /// The advance of `c` in `face` at `size`; a character the face lacks
    /// measures as the replacement it will be drawn with.
    pub fn advance(&self, face: Face, c: char, size: Pt) -> Pt {
        // Outside the Latin table a look-up in the font's own tables is
        // cheap enough to need no cache.
        let data = self.face(face);
        size * data.advance(c).or_else(|| data.advance(REPLACEMENT)).unwrap_or(0.5)
    }

    /// The width of `text` in `face` at `size`, kerned.
    pub fn width(&self, face: Face, text: &str, size: Pt) -> Pt {
        let data = self.face(face);
        let mut width = Pt(0.0);
        let mut previous = None;
        for c in text.chars() {
            width += self.advance(face, c, size);
            if let Some(p) = previous {
                width += size * data.kern(p, c);
            }
            previous = Some(c);
        }
        width
    }

    /// The kerning between `a` and `b` in `face` at `size`.
    pub fn kern(&self, face: Face, a: char, b: char, size: Pt) -> Pt {
        size * self.face(face).kern(a, b)
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

    #[test]
    fn kerned_pairs_are_narrower_than_their_glyphs() {
        let fonts = Fonts::get();
        let size = Pt(10.0);
        for face in [Face::Serif, Face::SerifBold, Face::Sans, Face::SansBold] {
            for pair in ["AV", "To", "Te", "r."] {
                let mut chars = pair.chars();
                let (a, b) = (chars.next().unwrap(), chars.next().unwrap());
                let glyphs = fonts.advance(face, a, size) + fonts.advance(face, b, size);
                let kerned = fonts.width(face, pair, size);
                assert!(kerned.0 < glyphs.0 - 0.05, "{face:?} {pair}: {kerned:?} against {glyphs:?}");
                assert_eq!(kerned, glyphs + fonts.kern(face, a, b, size));
            }
        }
        // A pair is the same whether looked up the first time or from the
        // table, and outside the table.
        let serif = fonts.face(Face::Serif);
        // The values fontTools reads from Noto Serif's GPOS (1000 units an
        // em): AV −80, To −50, r. −130, and Ty not kerned at all.
        for (a, b, units) in [('A', 'V', -80.0), ('T', 'o', -50.0), ('r', '.', -130.0), ('T', 'y', 0.0)] {
            assert!((serif.kern(a, b) * 1000.0 - units).abs() < 0.01, "{a}{b}: {}", serif.kern(a, b));
        }
        assert_eq!(serif.kern('A', 'V'), serif.kern('A', 'V'));
        assert_eq!(serif.pair('Ə', 'V'), serif.pair('Ə', 'V'));
        // Never across a space, so a line is the sum of its words.
        assert_eq!(serif.kern('A', ' '), 0.0);
        assert_eq!(fonts.width(Face::Serif, "AV AV", size), fonts.width(Face::Serif, "AV", size) * 2.0 + fonts.advance(Face::Serif, ' ', size));
        // Monospace is never kerned.
        assert_eq!(fonts.width(Face::Mono, "AV", size), fonts.advance(Face::Mono, 'A', size) * 2.0);
    }
}
