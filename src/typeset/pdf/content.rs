//! A page's content stream, written as bytes while the page is drawn.
//!
//! printpdf turned each page's operations into lopdf operations and lopdf
//! encoded those (`lopdf::content::Content::encode`): for a 10,000-event
//! briefing that held every page's operations (128 bytes each, a million
//! of them) until the end and was a fifth of the run, lopdf writing each
//! glyph id's hex digits with `write!`. The bytes here are the ones that
//! encoding gave, so the PDF is unchanged: operations separated by one
//! newline, each operand followed by a space, numbers as Rust writes an
//! `f32`, arrays with a space before a number but not before a string, and
//! strings of glyph ids in upper-case hex. The tests below hold the two
//! encoders to the same bytes. [`Glyphs`] gives each character its code,
//! and [`win_ansi`] the byte printpdf writes for a face with no glyph
//! embedded.

use std::collections::BTreeMap;
use std::io::Write;

// A name as lopdf writes it, as the file's writer does: one rule.
use crate::typeset::file::name;

/// The content stream of one page, as it is written.
pub struct Content {
    out: Vec<u8>,
    /// Whether an operation has been written (the next one is on a line of
    /// its own).
    started: bool,
}

impl Content {
    pub fn with_capacity(capacity: usize) -> Self {
        Content { out: Vec::with_capacity(capacity), started: false }
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    /// Begins an operation: its operands follow, then [`Content::end`].
    fn begin(&mut self) {
        if self.started {
            self.out.push(b'\n');
        }
        self.started = true;
    }

    /// Ends an operation with its operator.
    fn end(&mut self, operator: &str) {
        self.out.extend_from_slice(operator.as_bytes());
    }

    /// An operation with no operands: `BT`, `EMC`, `q`; or a whole line
    /// written as its operator (`/P <</MCID 3>>BDC`).
    pub fn op(&mut self, operator: &str) {
        self.begin();
        self.end(operator);
    }

    /// An operation whose operands are all numbers: `1 0 0 rg`.
    pub fn numbers(&mut self, operands: &[f32], operator: &str) {
        self.begin();
        for &n in operands {
            real(&mut self.out, n);
            self.out.push(b' ');
        }
        self.end(operator);
    }

    /// A dash pattern, `[3 2] 0 d`: dash and gap lengths from phase 0.
    pub fn dash(&mut self, lengths: &[f32]) {
        self.begin();
        self.out.push(b'[');
        for (i, &n) in lengths.iter().enumerate() {
            if i > 0 {
                self.out.push(b' ');
            }
            real(&mut self.out, n);
        }
        self.out.extend_from_slice(b"] 0 d");
    }

    /// An operation whose one operand is a name: `/Artifact BMC`.
    pub fn named(&mut self, operand: &str, operator: &str) {
        self.begin();
        name(&mut self.out, operand.as_bytes());
        self.out.push(b' ');
        self.end(operator);
    }

    /// Selects a font: `/F1 9.5 Tf`.
    pub fn font(&mut self, resource: &str, size: f32) {
        self.begin();
        name(&mut self.out, resource.as_bytes());
        self.out.push(b' ');
        real(&mut self.out, size);
        self.out.push(b' ');
        self.end("Tf");
    }

    /// Begins showing text: the strings and offsets of a `TJ` array follow
    /// ([`Show`]); one string alone becomes a `Tj`.
    pub fn show(&mut self) -> Show<'_> {
        self.begin();
        let bracket = self.out.len();
        self.out.push(b'[');
        Show { content: self, bracket, items: 0, open: false }
    }
}

/// The operand of a text-showing operation as it is written: strings of
/// codes and offsets between them. Every offset follows a string.
pub struct Show<'a> {
    content: &'a mut Content,
    /// Where the array's `[` is, taken out again for a `Tj`.
    bracket: usize,
    /// Strings and offsets written.
    items: usize,
    /// Whether a string is open (its `<` written, its `>` not).
    open: bool,
}

impl Show<'_> {
    /// Two bytes of a glyph code, in the open string.
    pub fn code(&mut self, code: u16) {
        const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
        if !self.open {
            self.content.out.push(b'<');
            self.open = true;
        }
        let [a, b] = code.to_be_bytes();
        self.content.out.extend_from_slice(&[
            DIGITS[usize::from(a >> 4)],
            DIGITS[usize::from(a & 15)],
            DIGITS[usize::from(b >> 4)],
            DIGITS[usize::from(b & 15)],
        ]);
    }

    /// Ends the string written so far (an empty one too) and moves the
    /// next glyph by `offset` thousandths of an em, leftward.
    pub fn offset(&mut self, offset: f32) {
        self.close();
        self.number(offset);
    }

    /// An offset after a string of [`Show::bytes`].
    pub fn number(&mut self, offset: f32) {
        self.content.out.push(b' ');
        real(&mut self.content.out, offset);
        self.items += 1;
    }

    /// A string of single bytes (a font with no glyphs embedded is
    /// WinAnsi-encoded), as one string of its own; not while a string of
    /// codes is open.
    pub fn bytes(&mut self, bytes: &[u8]) {
        let out = &mut self.content.out;
        if bytes.iter().any(|&b| !(32..=126).contains(&b) || b"()\\%".contains(&b)) {
            super::super::file::hex(out, bytes);
        } else {
            out.push(b'(');
            out.extend_from_slice(bytes);
            out.push(b')');
        }
        self.items += 1;
    }

    fn close(&mut self) {
        let out = &mut self.content.out;
        if !self.open {
            out.push(b'<');
        }
        out.push(b'>');
        self.open = false;
        self.items += 1;
    }

    /// Ends the operation: the last string, if any glyph is in it or
    /// nothing else was written, then `TJ`, or `Tj` for a string alone.
    pub fn finish(mut self) {
        if self.open || self.items == 0 {
            self.close();
        }
        if self.items == 1 {
            self.content.out.remove(self.bracket);
            self.content.out.extend_from_slice(b" Tj");
        } else {
            self.content.out.extend_from_slice(b"] TJ");
        }
    }
}

/// A number as lopdf writes an `f32`: Rust's shortest form, which is a
/// whole number without a point. Whole numbers, the most common, are
/// written without the formatter.
fn real(out: &mut Vec<u8>, n: f32) {
    // PDF has no NaN or infinity; lopdf wrote them as Rust prints them,
    // and so does this, byte for byte, but no layout should make one.
    debug_assert!(n.is_finite());
    if n.fract() == 0.0 && n.abs() < 1e7 && !(n == 0.0 && n.is_sign_negative()) {
        let whole = n as i32;
        if whole < 0 {
            out.push(b'-');
        }
        let mut digits = [0u8; 10];
        let mut at = digits.len();
        let mut rest = whole.unsigned_abs();
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        out.extend_from_slice(&digits[at..]);
    } else {
        let _ = write!(out, "{n}");
    }
}

/// Characters to glyph ids, and the character each glyph was last drawn
/// for (what printpdf's text extraction map says it stands for).
pub struct Glyphs {
    /// Below [`DENSE`], by character: the glyph id plus one, 0 for none.
    dense: Vec<u32>,
    rest: BTreeMap<char, u16>,
    pub last: Vec<Option<char>>,
}

/// Characters looked up by index: Latin, Cyrillic, punctuation.
const DENSE: usize = 0x2100;

impl Glyphs {
    pub fn new(map: &BTreeMap<u32, u16>) -> Self {
        let mut dense = vec![0; DENSE];
        let mut rest = BTreeMap::new();
        for (&c, &gid) in map {
            match dense.get_mut(c as usize) {
                Some(slot) => *slot = u32::from(gid) + 1,
                None => {
                    if let Some(c) = char::from_u32(c) {
                        rest.insert(c, gid);
                    }
                }
            }
        }
        let glyphs = map.values().map(|&g| usize::from(g) + 1).max().unwrap_or(0);
        Glyphs { dense, rest, last: vec![None; glyphs] }
    }

    /// The code of `c`, .notdef's (0) when the font has no glyph for it.
    pub fn code(&mut self, c: char) -> u16 {
        let gid = match self.dense.get(c as usize) {
            Some(0) => return 0,
            Some(&slot) => (slot - 1) as u16,
            None => match self.rest.get(&c) {
                Some(&gid) => gid,
                None => return 0,
            },
        };
        if let Some(last) = self.last.get_mut(usize::from(gid)) {
            *last = Some(c);
        }
        gid
    }
}

/// A character's byte in WinAnsiEncoding (PDF 32000-1, D.2), as printpdf
/// encodes it.
pub fn win_ansi(c: char) -> u8 {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\0', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}', '\u{2030}', '\u{0160}',
        '\u{2039}', '\u{0152}', '\0', '\u{017D}', '\0', '\0', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\0', '\u{017E}', '\u{0178}',
    ];
    match c as u32 {
        n @ (0x20..=0x7E | 0xA0..=0xFF) => n as u8,
        _ => HIGH.iter().position(|&h| h == c && c != '\0').map_or(b'?', |i| 0x80 + i as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::{Content as LoContent, Operation};
    use lopdf::Object::{Array, Name, Real, String as LoString};
    use lopdf::StringFormat::{Hexadecimal, Literal};

    fn lopdf(operations: Vec<Operation>) -> String {
        String::from_utf8(LoContent { operations }.encode().unwrap()).unwrap()
    }

    fn ours(content: Content) -> String {
        String::from_utf8(content.into_bytes()).unwrap()
    }

    /// Numbers of every shape a page has: whole, negative, hundredths,
    /// negative zero, tiny, large, and ones whose shortest form is long.
    const NUMBERS: [f32; 14] = [0.0, -0.0, 1.0, -12.0, 595.28, 841.89, 0.333, -37.5, 1e-5, 3e7, 1234567.0, 0.1 + 0.2, -0.05, 9999999.0];

    #[test]
    fn operations_are_written_as_lopdf_encodes_them() {
        let mut c = Content::with_capacity(0);
        c.op("BT");
        c.named("Artifact", "BMC");
        c.op("/P <</MCID 12>>BDC");
        c.font("AZRPTA", 9.5);
        c.numbers(&NUMBERS, "rg");
        c.numbers(&[], "S");
        c.named("Im1", "Do");
        c.op("EMC");
        let expected = lopdf(vec![
            Operation::new("BT", vec![]),
            Operation::new("BMC", vec![Name(b"Artifact".to_vec())]),
            Operation::new("/P <</MCID 12>>BDC", vec![]),
            Operation::new("Tf", vec![Name(b"AZRPTA".to_vec()), 9.5f32.into()]),
            Operation::new("rg", NUMBERS.iter().copied().map(Real).collect()),
            Operation::new("S", vec![]),
            Operation::new("Do", vec![Name(b"Im1".to_vec())]),
            Operation::new("EMC", vec![]),
        ]);
        assert_eq!(ours(c), expected);
    }

    #[test]
    fn text_is_shown_as_lopdf_encodes_it() {
        let hex = |codes: &[u16]| LoString(codes.iter().flat_map(|c| c.to_be_bytes()).collect(), Hexadecimal);
        let mut c = Content::with_capacity(0);
        // One string alone: Tj.
        let mut show = c.show();
        show.code(0x12);
        show.code(0xABCD);
        show.finish();
        // Nothing at all: an empty string.
        c.show().finish();
        // Offsets, an empty string between two of them, and none after the
        // last offset.
        let mut show = c.show();
        show.code(3);
        show.offset(-12.5);
        show.offset(40.0);
        show.code(4);
        show.offset(-0.0);
        show.finish();
        // Single bytes, literal and (with a parenthesis) hex.
        let mut show = c.show();
        show.bytes(b"Hello");
        show.finish();
        let mut show = c.show();
        show.bytes(b"a(b");
        show.number(-3.5);
        show.bytes(b"c");
        show.finish();
        let expected = lopdf(vec![
            Operation::new("Tj", vec![hex(&[0x12, 0xABCD])]),
            Operation::new("Tj", vec![hex(&[])]),
            Operation::new("TJ", vec![Array(vec![hex(&[3]), Real(-12.5), hex(&[]), Real(40.0), hex(&[4]), Real(-0.0)])]),
            Operation::new("Tj", vec![LoString(b"Hello".to_vec(), Literal)]),
            Operation::new("TJ", vec![Array(vec![LoString(b"a(b".to_vec(), Hexadecimal), Real(-3.5), LoString(b"c".to_vec(), Literal)])]),
        ]);
        assert_eq!(ours(c), expected);
    }

    #[test]
    fn numbers_are_written_as_lopdf_writes_them() {
        let mut seed = 11u32;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            // Hundredths of a point over a page, and raw bit patterns.
            let n = [(seed % 200_000) as f32 / 100.0 - 500.0, f32::from_bits(seed)];
            for n in n.into_iter().filter(|n| n.is_finite()) {
                let mut out = Vec::new();
                real(&mut out, n);
                let expected = lopdf(vec![Operation::new("n", vec![Real(n)])]);
                assert_eq!(String::from_utf8(out).unwrap() + " n", expected);
            }
        }
    }
}
