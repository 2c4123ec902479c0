//! Font subsetting: the outlines of the glyphs a document uses (and the
//! glyphs they are built from), a character map of the characters it uses,
//! and their metrics. Glyphs numbered below 256 keep their number, the
//! others take the free numbers below it (or above, past 256 glyphs); the
//! numbers between are empty glyphs.
//!
//! Text is written in the subset's numbers: [`super::pdf`] reads them, the
//! widths and the metrics from the subset's own tables, so nothing else
//! needs to know the font was cut. What a PDF viewer does not read goes:
//! the layout tables (kerning is already in the positions) and glyph names
//! (`post` version 3); hinting programs stay. A face of Noto Serif goes
//! from about 550 KB to about 20 KB before deflate.
//!
//! Only TrueType outlines (`glyf`) are subset; for another font [`subset`]
//! gives nothing and the caller embeds it whole.

use std::collections::BTreeSet;

/// Glyphs numbered below this keep their number in a subset.
const KEPT_BELOW: usize = 256;

/// Tables kept, in the order of their tags (the table directory is sorted).
const KEEP: [&[u8; 4]; 13] =
    [b"OS/2", b"cmap", b"cvt ", b"fpgm", b"gasp", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"name", b"post"];

/// The subset of `font` that draws `chars`, its glyphs numbered anew.
/// `None` when the font is not a TrueType font this can read.
pub fn subset(font: &[u8], chars: &BTreeSet<char>) -> Option<Vec<u8>> {
    let face = ttf_parser::Face::parse(font, 0).ok()?;
    let table = |tag: &[u8; 4]| face.raw_face().table(ttf_parser::Tag::from_bytes(tag));
    let (head, maxp, hhea, hmtx, loca, glyf) = (table(b"head")?, table(b"maxp")?, table(b"hhea")?, table(b"hmtx")?, table(b"loca")?, table(b"glyf")?);
    let glyphs = usize::from(u16_at(maxp, 4)?);
    let long = i16::from_be_bytes([*head.get(50)?, *head.get(51)?]) == 1;
    let offset = |gid: usize| -> Option<usize> {
        if long {
            Some(u32_at(loca, gid * 4)? as usize)
        } else {
            Some(usize::from(u16_at(loca, gid * 2)?) * 2)
        }
    };
    let outline = |gid: usize| -> Option<&[u8]> { glyf.get(offset(gid)?..offset(gid + 1)?) };

    // The glyphs used, and those composite glyphs are made of.
    let mapped: Vec<(char, u16)> = chars.iter().filter_map(|&c| Some((c, face.glyph_index(c)?.0))).filter(|&(_, g)| g != 0).collect();
    let mut keep: BTreeSet<usize> = mapped.iter().map(|&(_, g)| usize::from(g)).collect();
    keep.insert(0);
    let mut todo: Vec<usize> = keep.iter().copied().collect();
    while let Some(gid) = todo.pop() {
        for component in components(outline(gid).unwrap_or_default()) {
            if component < glyphs && keep.insert(component) {
                todo.push(component);
            }
        }
    }

    let source = numbering(&keep);
    let mut renumbered = vec![u16::MAX; glyphs];
    for (new, &old) in source.iter().enumerate() {
        if let Some(old) = old {
            *renumbered.get_mut(old)? = u16::try_from(new).ok()?;
        }
    }

    // glyf and loca (long offsets): the kept glyphs under their new
    // numbers, composite glyphs pointing at their parts' new numbers, and
    // empty glyphs between.
    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity((source.len() + 1) * 4);
    for &gid in &source {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let Some(gid) = gid else { continue };
        let start = new_glyf.len();
        new_glyf.extend_from_slice(outline(gid).unwrap_or_default());
        for (at, component) in component_ids(&new_glyf[start..]) {
            let new = *renumbered.get(component)?;
            new_glyf.get_mut(start + at..start + at + 2)?.copy_from_slice(&new.to_be_bytes());
        }
        while new_glyf.len() % 4 != 0 {
            new_glyf.push(0);
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let mut new_hmtx = metrics(hmtx, hhea, &source)?;
    let count = u16::try_from(source.len()).ok()?;
    let mut new_hhea = hhea.to_vec();
    new_hhea.get_mut(34..36)?.copy_from_slice(&count.to_be_bytes());
    let mut new_maxp = maxp.to_vec();
    new_maxp.get_mut(4..6)?.copy_from_slice(&count.to_be_bytes());
    let mapped: Vec<(char, u16)> = mapped.iter().map(|&(c, g)| (c, renumbered[usize::from(g)])).collect();

    let mut new_head = head.to_vec();
    new_head.get_mut(50..52)?.copy_from_slice(&1i16.to_be_bytes());
    // checkSumAdjustment, set once the file is whole.
    new_head.get_mut(8..12)?.fill(0);

    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for tag in KEEP {
        let data = match tag {
            b"glyf" => std::mem::take(&mut new_glyf),
            b"loca" => std::mem::take(&mut new_loca),
            b"hmtx" => std::mem::take(&mut new_hmtx),
            b"head" => std::mem::take(&mut new_head),
            b"hhea" => std::mem::take(&mut new_hhea),
            b"maxp" => std::mem::take(&mut new_maxp),
            b"cmap" => cmap(&mapped),
            b"post" => {
                let mut post = table(b"post")?.get(..32)?.to_vec();
                post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
                post
            }
            _ => match table(tag) {
                Some(data) => data.to_vec(),
                None => continue,
            },
        };
        out_tables.push((*tag, data));
    }
    Some(write(out_tables))
}

/// The kept glyphs numbered anew (`source`: each new number's glyph in
/// the font): one below [`KEPT_BELOW`] keeps its number (text is written as
/// hexadecimal glyph numbers, and the Latin letters' numbers in Noto make
/// strings that compress like the text itself), the others take the
/// free numbers from 1 on. 0 is .notdef.
fn numbering(keep: &BTreeSet<usize>) -> Vec<Option<usize>> {
    fn place(source: &mut Vec<Option<usize>>, new: usize, old: usize) {
        source.resize(source.len().max(new + 1), None);
        source[new] = Some(old);
    }
    let mut source: Vec<Option<usize>> = Vec::new();
    for &old in keep.range(..KEPT_BELOW) {
        place(&mut source, old, old);
    }
    let mut free = 1;
    for &old in keep.range(KEPT_BELOW..) {
        while source.get(free).is_some_and(Option::is_some) {
            free += 1;
        }
        place(&mut source, free, old);
    }
    source
}

/// hmtx for the glyphs of `source`: a full metric for each (a glyph past
/// the font's long metrics has the last one's advance; an empty one none).
fn metrics(hmtx: &[u8], hhea: &[u8], source: &[Option<usize>]) -> Option<Vec<u8>> {
    let metrics = usize::from(u16_at(hhea, 34)?).max(1);
    let mut new_hmtx = Vec::with_capacity(source.len() * 4);
    for &gid in source {
        let (advance, side) = match gid {
            None => (0, 0),
            Some(gid) => (
                u16_at(hmtx, gid.min(metrics - 1) * 4)?,
                if gid < metrics { u16_at(hmtx, gid * 4 + 2)? } else { u16_at(hmtx, metrics * 4 + (gid - metrics) * 2)? },
            ),
        };
        new_hmtx.extend_from_slice(&advance.to_be_bytes());
        new_hmtx.extend_from_slice(&side.to_be_bytes());
    }
    Some(new_hmtx)
}

/// The glyphs a composite glyph is made of (none for a simple one).
fn components(outline: &[u8]) -> Vec<usize> {
    component_ids(outline).into_iter().map(|(_, glyph)| glyph).collect()
}

/// Each part of a composite glyph: where its glyph id is in `outline`, and
/// the id (none for a simple glyph).
fn component_ids(outline: &[u8]) -> Vec<(usize, usize)> {
    const WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    let mut out = Vec::new();
    if outline.len() < 10 || i16::from_be_bytes([outline[0], outline[1]]) >= 0 {
        return out;
    }
    let mut at = 10;
    while let (Some(flags), Some(glyph)) = (u16_at(outline, at), u16_at(outline, at + 2)) {
        out.push((at + 2, usize::from(glyph)));
        at += 4 + if flags & WORDS != 0 { 4 } else { 2 };
        at += if flags & SCALE != 0 {
            2
        } else if flags & XY_SCALE != 0 {
            4
        } else if flags & TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE == 0 {
            break;
        }
    }
    out
}

/// A character map (format 4, Unicode BMP) of `mapped`, one segment per
/// character.
fn cmap(mapped: &[(char, u16)]) -> Vec<u8> {
    let mut pairs: Vec<(u16, u16)> = mapped.iter().filter_map(|&(c, g)| Some((u16::try_from(c as u32).ok()?, g))).filter(|&(c, _)| c != 0xFFFF).collect();
    pairs.sort_unstable();
    pairs.push((0xFFFF, 0));
    let segments = pairs.len() as u16;
    // The largest power of two not above the count, as the binary search
    // of old readers wants it.
    let power = 1u16 << (15 - segments.leading_zeros());
    let (search, selector) = (2 * power, power.trailing_zeros() as u16);
    let mut sub = Vec::new();
    for v in [4u16, 0, 0, segments * 2, search, selector, segments * 2 - search] {
        sub.extend_from_slice(&v.to_be_bytes());
    }
    for &(c, _) in &pairs {
        sub.extend_from_slice(&c.to_be_bytes());
    }
    sub.extend_from_slice(&0u16.to_be_bytes());
    for &(c, _) in &pairs {
        sub.extend_from_slice(&c.to_be_bytes());
    }
    for &(c, g) in &pairs {
        // The last segment maps 0xFFFF to glyph 0.
        let delta = if c == 0xFFFF { 1 } else { g.wrapping_sub(c) };
        sub.extend_from_slice(&delta.to_be_bytes());
    }
    for _ in &pairs {
        sub.extend_from_slice(&0u16.to_be_bytes());
    }
    let length = sub.len() as u16;
    sub[2..4].copy_from_slice(&length.to_be_bytes());
    let mut out = Vec::with_capacity(12 + sub.len());
    // Version 0, one encoding record: Windows (3), Unicode BMP (1), at 12.
    for v in [0u16, 1, 3, 1] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    out.extend_from_slice(&12u32.to_be_bytes());
    out.extend_from_slice(&sub);
    out
}

/// An sfnt of `tables` (sorted by tag), with checksums and the head's
/// checksum adjustment.
fn write(tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    let count = tables.len() as u16;
    let power = 1u16 << (15 - count.leading_zeros());
    let mut out = Vec::new();
    for v in [0x0001u16, 0x0000, count, power * 16, power.trailing_zeros() as u16, count * 16 - power * 16] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// The big-endian `u16` at `at` in a font table.
pub(super) fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::fonts::Face;

    #[test]
    fn a_subset_draws_its_characters_as_the_font_does_and_nothing_else() {
        let font = Face::Serif.bytes();
        let chars: BTreeSet<char> = "Azərbaycan ŞşĞğİıÖöÜüÇç “AV” 2026".chars().collect();
        let subset = subset(font, &chars).expect("Noto Serif subsets");
        assert!(subset.len() * 25 < font.len(), "{} of {} bytes", subset.len(), font.len());
        let whole = ttf_parser::Face::parse(font, 0).unwrap();
        let part = ttf_parser::Face::parse(&subset, 0).expect("the subset parses");
        // Numbers up to the Latin letters' own: loca and hmtx are short.
        assert!(usize::from(part.number_of_glyphs()) <= KEPT_BELOW, "{} glyphs", part.number_of_glyphs());
        assert_eq!(part.glyph_index('\u{0}'), None);
        for &c in &chars {
            let (old, new) = (whole.glyph_index(c).unwrap(), part.glyph_index(c).unwrap_or_else(|| panic!("{c} is mapped")));
            assert_eq!(part.glyph_hor_advance(new), whole.glyph_hor_advance(old), "{c}");
            assert_eq!(part.glyph_hor_side_bearing(new), whole.glyph_hor_side_bearing(old), "{c}");
            let (mut a, mut b) = (Points::default(), Points::default());
            assert_eq!(part.outline_glyph(new, &mut a), whole.outline_glyph(old, &mut b), "{c}");
            assert_eq!(a.0, b.0, "{c}: the same outline, composite glyphs' parts included");
        }
        // Another character is gone.
        assert_eq!(part.glyph_index('Q'), None);
        // "ş" in Noto is a composite of "s" and a cedilla: its outline above
        // is drawn from its parts' new numbers.
        let raw = |tag: &[u8; 4]| whole.raw_face().table(ttf_parser::Tag::from_bytes(tag)).unwrap();
        let (loca, glyf) = (raw(b"loca"), raw(b"glyf"));
        let gid = usize::from(whole.glyph_index('ş').unwrap().0);
        assert_eq!(i16::from_be_bytes([raw(b"head")[50], raw(b"head")[51]]), 1, "Noto's loca has long offsets");
        let (start, end) = (u32_at(loca, gid * 4).unwrap() as usize, u32_at(loca, gid * 4 + 4).unwrap() as usize);
        assert_eq!(components(&glyf[start..end]).len(), 2);
    }

    #[test]
    fn the_checksums_are_right() {
        let chars: BTreeSet<char> = "abc".chars().collect();
        let subset = subset(Face::Sans.bytes(), &chars).unwrap();
        assert_eq!(checksum(&subset), 0xB1B0_AFBA, "the whole file sums to the magic number");
        for record in ttf_parser::RawFace::parse(&subset, 0).unwrap().table_records {
            let (tag, start) = (record.tag.to_bytes(), record.offset as usize);
            let data = &subset[start..start + record.length as usize];
            // The head's is taken with its adjustment at zero.
            if &tag != b"head" {
                assert_eq!(record.check_sum, checksum(data), "{}", String::from_utf8_lossy(&tag));
            }
        }
    }

    /// The points of an outline, in order.
    #[derive(Default)]
    struct Points(Vec<(char, Vec<f32>)>);

    impl ttf_parser::OutlineBuilder for Points {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(('M', vec![x, y]));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(('L', vec![x, y]));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.push(('Q', vec![x1, y1, x, y]));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.push(('C', vec![x1, y1, x2, y2, x, y]));
        }
        fn close(&mut self) {
            self.0.push(('Z', Vec::new()));
        }
    }
}
