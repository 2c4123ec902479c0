//! The index of partners: a partner in bold, each of its events on a line
//! of its own ending in a dot leader and the page number, which the last
//! pass fills in once pages are numbered.

use super::*;

impl Builder<'_> {
    /// A book index (`<!-- index -->` before a list): each item a heading
    /// entry set without a bullet, its nested items sub-entries indented
    /// under it, turnover lines indented further. A sub-entry that starts
    /// with a link to a section gets a dot leader and the page of what it
    /// names, right-aligned, set by `finish` once pages are numbered: its
    /// lines break short of a column as wide as the widest page number
    /// ([`INDEX_WIDEST`]), so no line reflows when the number comes.
    pub(super) fn index(&mut self, items: &[Vec<Block>], x: Pt, width: Pt) {
        let reserve = self.fonts.width(Face::Sans, INDEX_WIDEST, INDEX_SIZE) + Pt(6.0) + self.fonts.width(Face::Sans, ". . .", INDEX_SIZE);
        let list_from = self.chunks.len();
        for (n, item) in items.iter().enumerate() {
            let item_from = self.chunks.len();
            for block in item {
                match block {
                    Block::Paragraph { runs } => {
                        let from = self.chunks.len();
                        self.index_lines(runs, x, width, None);
                        // The entry stays with its first sub-entry.
                        for chunk in &mut self.chunks[from..] {
                            chunk.keep_with_next = true;
                        }
                        if let Some(c) = self.chunks.get_mut(from) {
                            c.space_before = if n == 0 { style::PARAGRAPH_GAP } else { Pt(5.0) };
                        }
                    }
                    Block::List { items: subs, .. } => {
                        let subs_from = self.chunks.len();
                        let count = subs.len();
                        for (i, sub) in subs.iter().enumerate() {
                            let from = self.chunks.len();
                            for block in sub {
                                match block {
                                    Block::Paragraph { runs } => {
                                        let slot = index_ref(runs).map(|r| {
                                            self.index_refs.push(r);
                                            self.index_refs.len() - 1
                                        });
                                        let room = if slot.is_some() { reserve } else { Pt::ZERO };
                                        self.index_lines(runs, x + INDEX_INDENT, width - INDEX_INDENT - room, slot);
                                    }
                                    other => self.blocks(std::slice::from_ref(other), x + INDEX_INDENT, width - INDEX_INDENT),
                                }
                            }
                            // The last two sub-entries stay together: no
                            // line of an entry alone at the top of a page.
                            if let Some(last) = self.chunks[from..].last_mut() {
                                last.keep_with_next = i + 2 == count;
                            }
                            self.wrap(from, Role::ListBody);
                            self.wrap(from, Role::ListItem);
                        }
                        self.wrap(subs_from, Role::List);
                    }
                    other => self.blocks(std::slice::from_ref(other), x, width),
                }
            }
            if let Some(last) = self.chunks[item_from..].last_mut() {
                last.keep_with_next = false;
            }
            self.wrap(item_from, Role::ListBody);
            self.wrap(item_from, Role::ListItem);
        }
        self.wrap(list_from, Role::List);
    }

    /// One entry of an index as a paragraph of lines, each its own chunk
    /// and kept with the next; turnover lines hang [`INDEX_HANG`] further
    /// in. `slot`: the sub-entry whose page number `finish` sets after the
    /// last line.
    fn index_lines(&mut self, runs: &[Run], x: Pt, width: Pt, slot: Option<usize>) {
        let spans = self.spans(runs, Face::Serif, INDEX_SIZE, style::TEXT);
        if spans.is_empty() {
            return;
        }
        // Not hyphenated: an index is read by its words.
        let lines = linebreak(&spans, width - INDEX_HANG, Setting::RAGGED);
        let from = self.chunks.len();
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            let hang = if i == 0 { Pt::ZERO } else { INDEX_HANG };
            let mut items = self.line_items(&spans, line, x + hang, INDEX_LEADING, INDEX_SIZE, Pt::ZERO);
            let last = i + 1 == n;
            if let (true, Some(k)) = (last, slot) {
                items.push((Point::default(), Item::Tag(Tag::IndexSlot(k))));
            }
            self.chunks.push(Chunk {
                height: INDEX_LEADING,
                items,
                keep_with_next: !last,
                index_ref: if last { slot } else { None },
                ..Chunk::default()
            });
        }
        self.wrap(from, Role::Paragraph);
    }
}

/// An index's type size, leading, sub-entry indent and turnover hang.
pub(super) const INDEX_SIZE: Pt = Pt(9.5);

pub(super) const INDEX_LEADING: Pt = Pt(13.2);

const INDEX_INDENT: Pt = Pt(14.0);

const INDEX_HANG: Pt = Pt(12.0);

/// The widest page number an index reserves room for: documents of up to
/// 99,999 pages (a wider number still fits, in the gap before it).
const INDEX_WIDEST: &str = "00000";

/// What an index sub-entry names: `[title](#section), date`. Its first
/// run must be the link.
pub(super) fn index_ref(runs: &[Run]) -> Option<IndexRef> {
    let url = runs.first()?.link.as_deref()?;
    let anchor = url.strip_prefix('#')?;
    let linked = runs.iter().take_while(|r| r.link.as_deref() == Some(url)).count();
    let title = plain(&runs[..linked]);
    let rest = plain(&runs[linked..]);
    let date = rest.trim_start().trim_start_matches(',').trim().to_owned();
    Some(IndexRef { title, anchor: anchor.to_owned(), date })
}

/// A sub-entry of an index: the title it names, the section (anchor) it
/// lies in, and its date as the entry gives it (to tell rows apart).
#[derive(Clone, Debug)]
pub(super) struct IndexRef {
    pub(super) title: String,
    pub(super) anchor: String,
    pub(super) date: String,
}
