//! The house style of the page: sizes, leadings, gaps, colours.

use super::super::geom::{Color, Pt};

pub const BODY: Pt = Pt(10.0);
/// The measure: the width of the text area, which running text, tables,
/// charts, headings and rules all share, so that the page has one right
/// edge (issue 27). About 84 characters of the body face a line: longer
/// than a book's 66, as reports set on A4 are, and carried by a leading of
/// 1.37 (13.7 pt, the font's own line: issue 27's eight pages want no
/// more); a 340 pt column of 68 characters left the page's right quarter
/// empty beside tables that took the whole width, and a briefing dense
/// with tables reads better in one block than in two edges.
pub const MEASURE: Pt = Pt(400.0);
/// Text narrower than this many body ems is set ragged right: so few words
/// a line cannot be justified within
/// [`super::super::linebreak::MAX_GAP`].
pub const JUSTIFY_EMS: f32 = 30.0;
pub const BODY_LEADING: Pt = Pt(13.7);
pub const SMALL: Pt = Pt(8.4);
pub const SMALL_LEADING: Pt = Pt(11.6);
pub const NOTE: Pt = Pt(8.0);
pub const NOTE_LEADING: Pt = Pt(10.6);
pub const CODE: Pt = Pt(8.2);
pub const CODE_LEADING: Pt = Pt(11.4);
pub const PARAGRAPH_GAP: Pt = Pt(4.0);
/// The annexes (chronology, sources, index, the note on the briefing) are
/// set as a publisher sets back matter: running text at 8.5 on 11.7 (the
/// font's own line, 1.37 em) against the body's 10 on 13.7, and table rows
/// closer, their lines as the body's tables' (issue 27, item 2).
pub const ANNEX: Pt = Pt(8.5);
pub const ANNEX_LEADING: Pt = Pt(11.7);
pub const ANNEX_GAP: Pt = Pt(4.0);
pub const ANNEX_PAD_Y: Pt = Pt(1.6);

/// Running text's size, leading and space between paragraphs, in the body
/// or in the annexes.
pub fn running(annex: bool) -> (Pt, Pt, Pt) {
    if annex { (ANNEX, ANNEX_LEADING, ANNEX_GAP) } else { (BODY, BODY_LEADING, PARAGRAPH_GAP) }
}

/// A table row's leading and the space above and below its lines.
pub fn row(annex: bool) -> (Pt, Pt) {
    if annex { (SMALL_LEADING, ANNEX_PAD_Y) } else { (SMALL_LEADING, CELL_PAD_Y) }
}
pub const LIST_INDENT: Pt = Pt(16.0);
pub const QUOTE_INDENT: Pt = Pt(14.0);
pub const CELL_PAD_X: Pt = Pt(4.0);
/// Captions of tables and charts: the size of a chart's title.
pub const CAPTION: Pt = Pt(9.5);
pub const CAPTION_LEADING: Pt = Pt(12.4);
pub const CAPTION_GAP: Pt = Pt(12.0);
/// A table column whose longest cell is no wider is never wrapped.
pub const NO_WRAP: Pt = Pt(110.0);
/// Tables of up to this many rows are kept on one page.
pub const UNSPLIT_ROWS: usize = 12;
/// A table without a caption (a list of events under its own heading, as
/// in the chronology) of more rows than this may break across pages: kept
/// whole, a ten-row list of events with wrapped titles leaves two thirds
/// of a page blank above it.
pub const UNSPLIT_ROWS_UNCAPTIONED: usize = 6;
pub const CELL_PAD_Y: Pt = Pt(2.0);
pub const TEXT: Color = Color::rgb(0x1d, 0x1d, 0x1f);
pub const ACCENT: Color = Color::rgb(0x1f, 0x3a, 0x5f);
pub const MUTED: Color = Color::rgb(0x5f, 0x63, 0x68);
pub const LINK: Color = Color::rgb(0x1a, 0x4f, 0x9c);
pub const RULE: Color = Color::rgb(0xb8, 0xbe, 0xc6);
pub const SHADE: Color = Color::rgb(0xf1, 0xf3, 0xf5);

/// Size, leading, space before and colour of each heading level.
pub fn heading(level: u8) -> (Pt, Pt, Pt, Color) {
    match level {
        // Leading at least the font's own line (1.37 em for Noto).
        1 => (Pt(23.0), Pt(31.6), Pt(0.0), ACCENT),
        2 => (Pt(15.0), Pt(20.6), Pt(16.0), ACCENT),
        3 => (Pt(11.5), Pt(15.8), Pt(10.0), ACCENT),
        _ => (Pt(10.0), Pt(13.8), Pt(7.0), TEXT),
    }
}
