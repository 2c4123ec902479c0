//! Chunks to pages: pagination (keeping what belongs together, notes at
//! the foot of their page), then the last pass over the pages: running
//! header and footer, the page numbers of the contents and of the index of
//! partners, and links resolved to the pages of their anchors.

use super::*;
use super::running::{few_words, running_sections, shortened, word_count, RUNNING_SECTION_SHARE, RUNNING_TITLE_WORDS, RUNNING_WORDS};

/// Where a line of the table of contents was placed: entry, page, y.
pub(super) type TocPlace = (usize, usize, Pt);

/// Where things were placed, for the links that need page numbers.
#[derive(Debug, Default)]
pub(super) struct Places {
    toc: Vec<TocPlace>,
    /// Index sub-entries' last lines: entry, page, y.
    index: Vec<TocPlace>,
    /// Table rows (when the document has an index): page, y, cells.
    rows: Vec<(usize, Pt, Vec<String>)>,
    /// Footnote number → page and y of its first line.
    notes: std::collections::BTreeMap<u32, (usize, Pt)>,
    /// Footnote number → page and y of the line that first refers to it.
    refs: std::collections::BTreeMap<u32, (usize, Pt)>,
}

/// The space and the short rule between the text and a page's footnotes.
pub(super) const NOTE_GAP: Pt = Pt(12.0);

/// A page's footnotes while it fills: the lines planned for its foot and
/// their height; lines that did not fit wait for the next page's foot.
#[derive(Default)]
pub(super) struct Foot {
    lines: Vec<(u32, Chunk)>,
    height: Pt,
    carry: std::collections::VecDeque<(u32, Chunk)>,
}

impl Foot {
    /// The room footnotes take at the page's foot.
    fn room(&self) -> Pt {
        if self.lines.is_empty() { Pt::ZERO } else { self.height + NOTE_GAP }
    }

    /// Room for the first line of each of `notes`, were they added.
    fn room_with(&self, notes: &[u32], texts: &[Vec<Chunk>]) -> Pt {
        let first: Pt = notes.iter().filter_map(|&n| texts.get(n as usize - 1)?.first()).map(|c| c.height).sum();
        if first == Pt::ZERO { self.room() } else { self.height + first + NOTE_GAP }
    }

    /// Takes lines from `queue` while they fit below `used` on a page whose
    /// text area ends at `bottom`; the rest wait for the next page.
    fn fill(&mut self, queue: impl IntoIterator<Item = (u32, Chunk)>, used: Pt, bottom: Pt) {
        for (n, line) in queue {
            let fits = self.carry.is_empty() && used + self.height + line.height + NOTE_GAP <= bottom;
            if fits {
                self.height += line.height;
                self.lines.push((n, line));
            } else {
                self.carry.push_back((n, line));
            }
        }
        self.keep_words_whole(0);
    }

    /// Moves planned lines that end inside a word to the lines carried
    /// over, so that no word is split across two pages' feet; at least
    /// `keep` lines stay planned (a page made of carried notes must set
    /// something).
    fn keep_words_whole(&mut self, keep: usize) {
        while self.lines.len() > keep && !self.carry.is_empty() && self.lines.last().is_some_and(|(_, c)| c.split) {
            if let Some((n, line)) = self.lines.pop() {
                self.height -= line.height;
                self.carry.push_front((n, line));
            }
        }
    }

    /// Sets the planned lines at the foot of `page` (a short rule above
    /// them) and starts the next page's foot with the lines carried over,
    /// as many as fit in half a page.
    fn close(&mut self, page: &mut Page, page_index: usize, area: Rect, places: &mut Places) {
        if !self.lines.is_empty() {
            let top = area.bottom() - self.height;
            let rule = top - NOTE_GAP / 2.0;
            let x = area.origin.x;
            page.items.extend(tagged(
                Role::Artifact,
                vec![(Point::new(x, rule), Item::Line { to: Point::new(x + Pt(72.0), rule), width: Pt(0.5), color: style::RULE })],
            ));
            let mut y = top;
            for (n, line) in std::mem::take(&mut self.lines) {
                places.notes.entry(n).or_insert((page_index, y));
                place_items(page, line.items, x, y);
                y += line.height;
            }
        }
        self.height = Pt::ZERO;
        let carried: Vec<(u32, Chunk)> = self.carry.drain(..).collect();
        let half = area.size.h / 2.0;
        for (n, line) in carried {
            if self.carry.is_empty() && self.height + line.height <= half {
                self.height += line.height;
                self.lines.push((n, line));
            } else {
                self.carry.push_back((n, line));
            }
        }
        self.keep_words_whole(1);
    }
}

/// The footnotes a chunk refers to, by number, in order.
pub(super) fn note_refs(chunk: &Chunk) -> Vec<u32> {
    chunk
        .items
        .iter()
        .filter_map(|(_, i)| match i {
            Item::Link { target: Target::Note(n), .. } => Some(*n),
            _ => None,
        })
        .collect()
}

/// A line that ends inside a word goes to the next page with the line that
/// ends the word (and those after it while they too end inside one) when
/// they would not fit: their height after chunk `k`, and the notes they
/// cite that are not yet set.
fn word_end(chunks: &[Chunk], k: usize, noted: &std::collections::BTreeSet<u32>) -> (Pt, Vec<u32>) {
    let (mut height, mut notes, mut j) = (Pt::ZERO, Vec::new(), k);
    while chunks[j].split && j + 1 < chunks.len() {
        j += 1;
        height += chunks[j].space_before + chunks[j].height;
        notes.extend(note_refs(&chunks[j]).into_iter().filter(|n| !noted.contains(n)));
    }
    (height, notes)
}

/// The height of a group of chunks that must share a page, placed at the
/// top of a page (`from_top`: no space before the first) or below other
/// text; a table's header row counts when the page does not have it yet.
fn group_height(group: &[Chunk], headers: &[Chunk], header_on_page: Option<usize>, from_top: bool) -> Pt {
    let mut h = Pt::ZERO;
    for (k, c) in group.iter().enumerate() {
        if !(k == 0 && from_top) {
            h += c.space_before;
        }
        h += c.height;
    }
    if let Some(t) = group.first().and_then(|c| c.table_header) {
        if from_top || header_on_page != Some(t) {
            h += headers[t].height;
        }
    }
    h
}

/// A lead-in that would take its figure to the next page and leave more
/// than a quarter of this one blank, with no text to fill it, lets the
/// figure go alone: the page stays three-quarters full (issue 27's rule
/// of 60%), the lead-in ends it. Whether it did.
fn release_lead_in(group: &mut [Chunk]) -> bool {
    let Some(last) = group.iter().rposition(|c| c.lead_in) else { return false };
    if last + 1 >= group.len() {
        return false;
    }
    group[last].keep_with_next = false;
    if group[0].figure && group[0].lead_in {
        group[0].figure = false;
        group[last + 1].figure = true;
    }
    true
}

/// The text after a figure that goes to the next page, from chunk `from`,
/// that fills the `room` it leaves: whole groups, up to the next section
/// or figure, as many as fit. The end of what moves, or `None` when
/// nothing does.
fn filling_after(chunks: &[Chunk], from: usize, mut room: Pt) -> Option<usize> {
    let mut take = from;
    while take < chunks.len() {
        let mut last = take;
        while chunks[last].keep_with_next && last + 1 < chunks.len() {
            last += 1;
        }
        let group = &chunks[take..=last];
        let movable = group.iter().all(|c| {
            // Subsections may pass a figure, as in TeX; sections may not.
            let minor = c.heading.as_ref().is_none_or(|(level, _)| *level >= 3);
            !c.figure && !c.break_before && minor && c.table_header.is_none() && c.header_of.is_none() && c.toc_entry.is_none() && note_refs(c).is_empty()
        });
        let height: Pt = group.iter().map(|c| c.space_before + c.height).sum();
        if !movable || height > room {
            break;
        }
        room -= height;
        take = last + 1;
    }
    (take > from).then_some(take)
}

/// Records where a chunk placed at `y` on the page being filled (the next
/// of `doc`) stands: its heading, contents entry, index entry or table row.
fn record(chunk: &mut Chunk, doc: &mut Document, places: &mut Places, y: Pt) {
    let page = doc.pages.len();
    if let Some((level, title)) = &chunk.heading {
        doc.headings.push(Heading { level: *level, title: title.clone(), page, y });
    }
    if let Some(entry) = chunk.toc_entry {
        places.toc.push((entry, page, y));
    }
    if let Some(entry) = chunk.index_ref {
        places.index.push((entry, page, y));
    }
    if let Some(cells) = chunk.row.take() {
        places.rows.push((page, y, cells));
    }
}

/// Fills pages with chunks, honouring keep-with-next, repeating table
/// headers, and setting each footnote at the foot of the page that first
/// refers to it (a note too long for the room left continues at the next
/// page's foot).
pub(super) fn paginate(mut chunks: Vec<Chunk>, headers: &[Chunk], notes: Vec<Vec<Chunk>>, setup: &PageSetup, area: Rect) -> (Document, Places) {
    let mut doc = Document::default();
    let new_page = || Page { size: setup.size, area, items: Vec::new(), furniture: Vec::new() };
    let mut page = new_page();
    let mut y = area.origin.y;
    let bottom = area.bottom();
    let mut header_on_page: Option<usize> = None;
    let mut places = Places::default();
    let mut foot = Foot::default();
    let mut noted = std::collections::BTreeSet::new();
    let mut i = 0;
    while i < chunks.len() {
        // The group of chunks that must share a page.
        let mut end = i;
        while chunks[end].keep_with_next && end + 1 < chunks.len() {
            end += 1;
        }
        let at_top = y <= area.origin.y;
        let group_height = |from_top: bool| group_height(&chunks[i..=end], headers, header_on_page, from_top);
        let needs_break = chunks[i].break_before && !at_top
            || !at_top && y + group_height(false) > bottom - foot.room() && group_height(true) <= area.size.h;
        // A figure that does not fit goes to the next page, and the text
        // that follows it, up to the next section or figure, fills the
        // room it leaves (more than a quarter of a page), as much as fits.
        if needs_break && chunks[i].figure && !chunks[i].break_before && bottom - foot.room() - y > area.size.h / 4.0 {
            if let Some(take) = filling_after(&chunks, end + 1, bottom - foot.room() - y) {
                chunks[i..take].rotate_left(end + 1 - i);
                continue;
            }
        }
        if needs_break && !chunks[i].break_before && bottom - foot.room() - y > area.size.h / 4.0 && release_lead_in(&mut chunks[i..=end]) {
            continue;
        }
        if needs_break {
            foot.close(&mut page, doc.pages.len(), area, &mut places);
            doc.pages.push(std::mem::replace(&mut page, new_page()));
            y = area.origin.y;
            header_on_page = None;
        }
        for k in i..=end {
            let (word_end, word_end_notes) = word_end(&chunks, k, &noted);
            let chunk = &mut chunks[k];
            let top_of_page = y <= area.origin.y;
            let space = if top_of_page { Pt::ZERO } else { chunk.space_before };
            let mut needed = space + chunk.height;
            let repeat = chunk.table_header.filter(|&t| header_on_page != Some(t));
            if let Some(t) = repeat {
                needed += headers[t].height;
            }
            let new_notes: Vec<u32> = note_refs(chunk).into_iter().filter(|n| !noted.contains(n)).collect();
            let notes_then = [new_notes.as_slice(), &word_end_notes].concat();
            if !top_of_page && y + needed + word_end > bottom - foot.room_with(&notes_then, &notes) {
                // A group taller than a page: break inside it.
                foot.close(&mut page, doc.pages.len(), area, &mut places);
                doc.pages.push(std::mem::replace(&mut page, new_page()));
                y = area.origin.y;
                header_on_page = None;
            } else {
                y += space;
            }
            if let Some(t) = chunk.table_header.filter(|&t| header_on_page != Some(t)) {
                place(&mut page, &headers[t], area.origin.x, y);
                y += headers[t].height;
                header_on_page = Some(t);
            }
            record(chunk, &mut doc, &mut places, y);
            if chunk.header_of.is_some() {
                header_on_page = chunk.header_of;
            }
            for &n in &new_notes {
                noted.insert(n);
                places.refs.insert(n, (doc.pages.len(), y));
            }
            // Moved, not copied: chunks and pages never both hold a long
            // briefing's items.
            let items = std::mem::take(&mut chunk.items);
            place_items(&mut page, items, area.origin.x, y);
            y += chunk.height;
            let lines = new_notes.iter().flat_map(|&n| notes.get(n as usize - 1).into_iter().flatten().map(move |c| (n, c.clone())));
            foot.fill(lines, y, bottom);
        }
        i = end + 1;
    }
    // Notes still waiting get pages of their own.
    loop {
        foot.close(&mut page, doc.pages.len(), area, &mut places);
        if foot.lines.is_empty() && foot.carry.is_empty() {
            break;
        }
        doc.pages.push(std::mem::replace(&mut page, new_page()));
    }
    if !page.items.is_empty() || doc.pages.is_empty() {
        doc.pages.push(page);
    }
    (doc, places)
}

pub(super) fn place(page: &mut Page, chunk: &Chunk, x: Pt, y: Pt) {
    place_items(page, chunk.items.clone(), x, y);
}

pub(super) fn place_items(page: &mut Page, items: Vec<(Point, Item)>, x: Pt, y: Pt) {
    page.items.extend(items.into_iter().map(|(p, item)| {
        let at = Point::new((p.x + x).rounded(), (p.y + y).rounded());
        (at, translate_owned(item, x, y))
    }));
}

/// [`translate`], reusing the item.
pub(super) fn translate_owned(item: Item, dx: Pt, dy: Pt) -> Item {
    match item {
        Item::Line { .. } | Item::Polygon { .. } | Item::Path(_) => translate(&item, dx, dy),
        other => other,
    }
}

/// An item's own coordinates (line ends, polygon corners) moved by (dx, dy).
pub(super) fn translate(item: &Item, dx: Pt, dy: Pt) -> Item {
    let mv = |p: &Point| Point::new((p.x + dx).rounded(), (p.y + dy).rounded());
    match item {
        Item::Line { to, width, color } => Item::Line { to: mv(to), width: *width, color: *color },
        Item::Polygon { points, color } => Item::Polygon { points: points.iter().map(mv).collect(), color: *color },
        Item::Path(path) => Item::Path(Box::new(path.moved(mv))),
        other => other.clone(),
    }
}

pub(super) fn shift(item: Item, dx: Pt) -> Item {
    translate(&item, dx, Pt::ZERO)
}

/// Adds the running header, the footer and the table of contents' page
/// numbers, now that every page is known.
pub(super) fn finish(doc: &mut Document, toc: &[TocEntry], index: &[IndexRef], places: &Places, setup: &PageSetup, area: Rect) {
    let fonts = Fonts::get();
    // Footnote links, both ways, now that their pages are known.
    for (index, page) in doc.pages.iter_mut().enumerate() {
        for (_, item) in &mut page.items {
            if let Item::Link { target, .. } = item {
                let place = match target {
                    Target::Note(n) => places.notes.get(n),
                    Target::NoteRef(n) => places.refs.get(n),
                    _ => continue,
                };
                let (page, y) = place.copied().unwrap_or((index, area.origin.y));
                *target = Target::Page { page, y };
            }
        }
    }
    let total = doc.pages.len();
    let size = Pt(8.0);
    let words = &*setup.words;
    let sections = running_sections(&doc.headings, total, area, words);
    let title = few_words(&setup.header_left, RUNNING_TITLE_WORDS);
    let section_words = RUNNING_WORDS.saturating_sub(word_count(&title)).max(2);
    // Room for the period beside it and the section's share: a title of
    // one long word is cut too, never run off the page (red team).
    let period_room = fonts.width(Face::Sans, &setup.header_right, size) + Pt(24.0);
    let title_room = area.size.w * (1.0 - RUNNING_SECTION_SHARE) - period_room;
    let left = shortened(fonts, typographic_in(&title, None, words.lang()), size, title_room);
    let left = if setup.header_right.is_empty() {
        left
    } else {
        words.text("page-head", &[("title", left.into()), ("period", setup.header_right.as_str().into())])
    };
    for (n, page) in doc.pages.iter_mut().enumerate() {
        if n > 0 {
            let y = area.origin.y - Pt(22.0);
            let left = left.clone();
            let section = few_words(&sections[n], section_words);
            let right = shortened(fonts, typographic_in(&section, None, words.lang()), size, area.size.w * RUNNING_SECTION_SHARE);
            let right_width = fonts.width(Face::Sans, &right, size);
            let left_width = fonts.width(Face::Sans, &left, size).min(area.size.w - right_width - Pt(12.0));
            page.furniture.push((Point::new(area.origin.x, y), text(Face::Sans, size, style::MUTED, left, left_width)));
            page.furniture.push((Point::new(area.right() - right_width, y), text(Face::Sans, size, style::MUTED, right, right_width)));
            let rule_y = y + Pt(5.0);
            page.furniture.push((
                Point::new(area.origin.x, rule_y),
                Item::Line { to: Point::new(area.right(), rule_y), width: Pt(0.4), color: style::RULE },
            ));
        }
        // Page numbers as the contents and the index print them: the
        // page's own number, never grouped.
        let footer = words.text("page-footer", &[("page", (n + 1).to_string().into()), ("pages", total.to_string().into())]);
        let w = fonts.width(Face::Sans, &footer, size);
        let y = area.bottom() + Pt(36.0);
        page.furniture.push((Point::new(area.origin.x + (area.size.w - w) / 2.0, y), text(Face::Sans, size, style::MUTED, footer, w)));
        // Not issued yet: said at the right of the foot, in the footer's
        // grey and size, furniture (an artifact) like the page number.
        if setup.draft {
            let mark = words.text("draft-mark", &[]);
            let w = fonts.width(Face::Sans, &mark, size);
            page.furniture.push((Point::new(area.right() - w, y), text(Face::Sans, size, style::MUTED, mark, w)));
        }
        // The handling marking, at the left of the foot, on every page; a
        // long one set smaller, so that it ends short of the page number.
        if let Some(marking) = setup.marking.as_deref().filter(|m| !m.trim().is_empty()) {
            let room = (area.size.w - w) / 2.0 - Pt(8.0);
            let natural = fonts.width(Face::Sans, marking, size);
            let size = if natural > room && natural.0 > 0.0 { size * (room.0 / natural.0).max(0.0) } else { size };
            let w = fonts.width(Face::Sans, marking, size);
            page.furniture.push((Point::new(area.origin.x, y), text(Face::Sans, size, style::MUTED, marking.to_owned(), w)));
        }
    }

    resolve_anchors(doc);
    number_index(doc, index, places, area, words);

    // Table of contents: dot leaders and page numbers, linked to the page.
    let size = style::BODY * 0.95;
    let leading = style::BODY_LEADING;
    for &(entry, page_index, y) in &places.toc {
        let Some(target) = toc.get(entry).and_then(|e| doc.headings.get(e.heading)).cloned() else { continue };
        let number = (target.page + 1).to_string();
        let page = &mut doc.pages[page_index];
        let mut added = leader_and_number(fonts, page, area, y, leading, size, number);
        added.push((
            Point::new(area.origin.x, y.rounded()),
            Item::Link { size: Size { w: area.size.w, h: leading }, target: Target::Page { page: target.page, y: target.y } },
        ));
        // In the entry's slot: inside its link element.
        match page.items.iter().position(|(_, i)| *i == Item::Tag(Tag::Slot(entry))) {
            Some(slot) => {
                page.items.splice(slot..=slot, added);
            }
            None => page.items.extend(added),
        }
    }
}


/// Where each index sub-entry's title stands, by the rule of
/// [`Block::Index`]: a heading of that title in the section the entry
/// links to (a pillar's highlight); else a table row with a cell of that
/// title, the one that also has the entry's date when several do (the
/// chronology); else the section's heading. Page and y, or `None`.
pub(super) fn index_places(doc: &Document, index: &[IndexRef], rows: &[(usize, Pt, Vec<String>)]) -> Vec<Option<(usize, Pt)>> {
    use std::collections::{HashMap, HashSet};
    // Sections: level-1 and level-2 headings, by anchor (the first wins);
    // headings under them by section and title.
    let mut section_of: HashMap<String, usize> = HashMap::new();
    let mut under: HashMap<(usize, &str), (usize, Pt)> = HashMap::new();
    let mut section = usize::MAX;
    for (i, (h, anchor)) in doc.headings.iter().zip(anchors(doc)).enumerate() {
        if h.level <= 2 {
            section = i;
            section_of.entry(anchor).or_insert(i);
        } else {
            under.entry((section, h.title.as_str())).or_insert((h.page, h.y));
        }
    }
    let section_place = |anchor: &str| section_of.get(anchor).map(|&i| (doc.headings[i].page, doc.headings[i].y));
    let titles: HashSet<&str> = index.iter().map(|r| r.title.as_str()).collect();
    let mut rows_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, (_, _, cells)) in rows.iter().enumerate() {
        // A cell is the title, or the title with remarks after it (a
        // planned event's cell reads "Title (planned)", the chronology's
        // "Title · agreement", in whatever words the templates use): read
        // from the cell, so no word of a template is repeated here.
        for cell in cells {
            if let Some(title) = title_in(cell, &titles) {
                rows_of.entry(title).or_default().push(n);
                break;
            }
        }
    }
    index
        .iter()
        .map(|r| {
            let heading = section_of.get(&r.anchor).and_then(|&s| under.get(&(s, r.title.as_str())));
            let row = || {
                let candidates = rows_of.get(r.title.as_str())?;
                let dated = candidates.iter().find(|&&n| rows[n].2.contains(&r.date));
                let n = *dated.or(candidates.first())?;
                Some((rows[n].0, rows[n].1))
            };
            heading.copied().or_else(row).or_else(|| section_place(&r.anchor))
        })
        .collect()
}

/// The title a table cell names: the whole cell, else the longest of
/// `titles` the cell starts with that remarks set off by punctuation
/// follow: "Visit (planned)" and "Visit · visit" are "Visit", "Visits
/// abroad" is not.
fn title_in<'c>(cell: &'c str, titles: &std::collections::HashSet<&str>) -> Option<&'c str> {
    if titles.contains(cell) {
        return Some(cell);
    }
    // After a space (a no-break one too), a mark that is no letter.
    let remark = |rest: &str| {
        let mut chars = rest.chars();
        chars.next().is_some_and(char::is_whitespace) && chars.next().is_some_and(|c| !c.is_alphanumeric())
    };
    let starts = cell.char_indices().filter(|&(_, c)| c.is_whitespace()).map(|(at, _)| at);
    starts.rev().find(|&at| remark(&cell[at..]) && titles.contains(&cell[..at])).map(|at| &cell[..at])
}

/// Sets each index sub-entry's page number, right-aligned after a dot
/// leader, in its slot; the number links to the place it names.
pub(super) fn number_index(doc: &mut Document, index: &[IndexRef], places: &Places, area: Rect, words: &crate::words::Catalogue) {
    if places.index.is_empty() {
        return;
    }
    let fonts = Fonts::get();
    let targets = index_places(doc, index, &places.rows);
    for &(entry, page_index, y) in &places.index {
        let Some(Some((page, at))) = targets.get(entry).copied() else { continue };
        let number = (page + 1).to_string();
        let said = words.text("link-to-page", &[("number", number.as_str().into())]);
        let mut added = leader_and_number(fonts, &doc.pages[page_index], area, y, INDEX_LEADING, INDEX_SIZE, number);
        let link = (Point::new(added[added.len() - 1].0.x, y.rounded()), Item::Link {
            size: Size { w: area.right() - added[added.len() - 1].0.x, h: INDEX_LEADING },
            target: Target::Page { page, y: at },
        });
        let number = added.pop().into_iter().collect::<Vec<_>>();
        added.extend(tagged(Role::Link(said), std::iter::once(link).chain(number).collect()));
        let page = &mut doc.pages[page_index];
        match page.items.iter().position(|(_, i)| *i == Item::Tag(Tag::IndexSlot(entry))) {
            Some(slot) => {
                page.items.splice(slot..=slot, added);
            }
            None => page.items.extend(added),
        }
    }
}

/// A dot leader from the end of the text on the line whose top is at `y`
/// (an artifact), then `number` right-aligned in the text area: the
/// number last.
pub(super) fn leader_and_number(fonts: &Fonts, page: &Page, area: Rect, y: Pt, leading: Pt, size: Pt, number: String) -> Vec<(Point, Item)> {
    let number_width = fonts.width(Face::Sans, &number, size);
    let serif = fonts.face(Face::Serif);
    let baseline = y + (leading - size * (serif.ascent + serif.descent)) / 2.0 + size * serif.ascent;
    let text_end = page
        .items
        .iter()
        .filter_map(|(p, i)| match i {
            Item::Text(t) if (p.y - baseline).0.abs() < 0.6 => Some(p.x + t.width),
            _ => None,
        })
        .fold(area.origin.x, Pt::max);
    // Measured, not estimated: the leader must fit between the title
    // and the number (an estimate let it run left; found by fuzzing).
    let dot = fonts.width(Face::Sans, ". ", size);
    let leader_start = text_end + Pt(6.0);
    let leader_end = area.right() - number_width - Pt(6.0);
    let count = ((leader_end - leader_start).0 / dot.0).floor().max(0.0) as usize;
    let mut added = Vec::with_capacity(4);
    if count > 0 {
        let dots = ". ".repeat(count).trim_end().to_owned();
        let w = fonts.width(Face::Sans, &dots, size);
        added.extend(tagged(
            Role::Artifact,
            vec![(Point::new((leader_end - w).rounded(), baseline.rounded()), text(Face::Sans, size, style::RULE, dots, w))],
        ));
    }
    added.push((Point::new((area.right() - number_width).rounded(), baseline.rounded()), text(Face::Sans, size, style::TEXT, number, number_width)));
    added
}

/// The anchor of each heading of the document, in order, by the rules
/// the report's links are written by ([`crate::slug`]): read from the
/// headings as given, never rebuilt from what a template might say.
fn anchors(doc: &Document) -> Vec<String> {
    let mut slugger = crate::slug::Slugger::default();
    doc.headings.iter().map(|h| slugger.next(&h.title)).collect()
}

/// Links to a heading of the document (`[title](#2-connectivity-and-transport)`,
/// as the index of partners writes them, issue 13) go to the heading's
/// page and place, found among the headings the contents record; a link
/// to no heading stays as written.
pub(super) fn resolve_anchors(doc: &mut Document) {
    let anchors: std::collections::HashMap<String, (usize, Pt)> =
        doc.headings.iter().zip(anchors(doc)).map(|(h, anchor)| (anchor, (h.page, h.y))).collect();
    for page in &mut doc.pages {
        for (_, item) in &mut page.items {
            if let Item::Link { target, .. } = item {
                let found = match target {
                    Target::Uri(uri) => uri.strip_prefix('#').and_then(|a| anchors.get(a)),
                    Target::Page { .. } | Target::Note(_) | Target::NoteRef(_) => None,
                };
                if let Some(&(page, y)) = found {
                    *target = Target::Page { page, y };
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::title_in;

    /// A cell is found by its title whatever words the templates put in
    /// the remarks after it; a title that only starts a longer title is
    /// not the cell's, nor is a remark alone.
    #[test]
    fn a_cells_remarks_after_its_title_are_left_out() {
        let titles = ["Visit to Baku", "Visit", "Visit (EU) to Baku", "(planned)"].into_iter().collect();
        assert_eq!(title_in("Visit to Baku (planned)", &titles), Some("Visit to Baku"));
        assert_eq!(title_in("Visit to Baku (geplant) · visit", &titles), Some("Visit to Baku"));
        assert_eq!(title_in("Visit to Baku\u{a0}·\u{a0}visit", &titles), Some("Visit to Baku"));
        assert_eq!(title_in("Visit (EU) to Baku", &titles), Some("Visit (EU) to Baku"));
        assert_eq!(title_in("Visit abroad", &titles), None);
        assert_eq!(title_in("(planned)", &titles), Some("(planned)"));
        assert_eq!(title_in("", &titles), None);
    }
}
