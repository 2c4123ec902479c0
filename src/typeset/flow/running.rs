//! The running head's words: the section in force on each page, and the
//! title and section cut to a label (at most seven words, a share of the
//! width), never a line of prose.

use super::*;

/// The running head's section takes at most 30% of the text width, so
/// that it stays a label beside the title, never a line of prose.
pub(super) const RUNNING_SECTION_SHARE: f32 = 0.3;

/// The most words a running head holds, title and section together, and
/// the title's share: a label, not a line of prose. A longer one is cut
/// with an ellipsis; the whole stands on page one and in the outline.
/// (outloud reads an artifact line of eight words or more on fewer than
/// three pages as prose hidden from readers, TAG-002, and it would be
/// right: a reader skips it.) Words are runs of two letters or more, as
/// outloud counts them: "3." is none.
pub(super) const RUNNING_WORDS: usize = 7;
pub(super) const RUNNING_TITLE_WORDS: usize = 4;

/// Words as [`RUNNING_WORDS`] counts them: runs of two letters or more,
/// so that "Multi-vector" is two, as outloud reads it.
pub(super) fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 2).count()
}

/// `text` up to its `n`th word and an ellipsis, or `text` when it has no
/// more.
pub(super) fn few_words(text: &str, n: usize) -> String {
    if word_count(text) <= n {
        return text.to_owned();
    }
    let (mut kept, mut out) = (0, Vec::new());
    for w in text.split_whitespace() {
        kept += word_count(w);
        if kept > n {
            break;
        }
        out.push(w);
    }
    format!("{}…", out.join(" ").trim_end_matches([',', ';', ':', '.', '·', '–', '—', ' ']))
}

/// `text` cut at a word boundary, with an ellipsis, to fit `max` (a
/// running head's section: "3. Energy and green transition…"); as it is
/// when it fits; a first word too long for `max` is cut in the word.
pub(super) fn shortened(fonts: &Fonts, text: String, size: Pt, max: Pt) -> String {
    if fonts.width(Face::Sans, &text, size) <= max {
        return text;
    }
    let mut end = text.len();
    while let Some(space) = text[..end].rfind(' ') {
        end = space;
        let cut = format!("{}…", text[..end].trim_end_matches([',', ';', ':', ' ']));
        if fonts.width(Face::Sans, &cut, size) <= max {
            return cut;
        }
    }
    // Not even the first word fits: cut it, a letter at a time.
    let mut cut: String = text.split(' ').next().unwrap_or_default().to_owned();
    while cut.pop().is_some() {
        if fonts.width(Face::Sans, &format!("{cut}…"), size) <= max {
            return format!("{cut}…");
        }
    }
    "…".to_owned()
}

/// What the running header names on each page: the level-2 section in
/// force at the top of the page (one that starts there counts), and with
/// it the year of a level-3 subsection that ends in one (the chronology's
/// "Events of 2025"), joined as `words` joins them.
pub(super) fn running_sections(headings: &[Heading], pages: usize, area: Rect, words: &crate::words::Catalogue) -> Vec<String> {
    let mut out = Vec::with_capacity(pages);
    let mut next = 0;
    let (mut section, mut year): (Option<&str>, Option<&str>) = (None, None);
    for page in 0..pages {
        // Headings before this page, or at its very top.
        while let Some(h) = headings.get(next).filter(|h| h.page < page || h.page == page && h.y <= area.origin.y + Pt(1.0)) {
            match h.level {
                2 => (section, year) = (Some(h.title.as_str()), None),
                3 => year = h.title.rsplit(' ').next().filter(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())),
                1 => (section, year) = (None, None),
                _ => {}
            }
            next += 1;
        }
        // A page that starts mid-section names it; one whose first
        // section starts further down names that one, when nothing came
        // before it.
        let first_here = headings[next..].iter().take_while(|h| h.page == page).find(|h| h.level == 2).map(|h| h.title.as_str());
        out.push(match (section.or(first_here), year) {
            (Some(s), Some(y)) => words.text("page-head-section-year", &[("section", s.into()), ("year", y.into())]),
            (Some(s), None) => s.to_owned(),
            (None, _) => String::new(),
        });
    }
    out
}
