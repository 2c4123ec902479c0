//! Blocks to pages.
//!
//! Each block becomes chunks: a line of a paragraph, a heading, a table row,
//! a line of code. Chunks are indivisible and carry the rules that keep
//! the document readable: a heading keeps with what follows it, a
//! paragraph leaves at least two lines on each side of a page break, a
//! table row is never cut and the table's header row is repeated at the top
//! of every page the table continues on. Pagination then fills pages chunk
//! by chunk; a last pass adds the running header, the footer ("Page N of M")
//! and the page numbers of the table of contents.

use super::blocks::{plain, Align, Block, Callout, Run, Style};
use super::display::{close, open, tagged, Document, Heading, Item, Page, Role, Tag, Target, Text};
use super::fonts::{Face, Fonts};
use super::geom::{Color, Point, Pt, Rect, Size};
use super::linebreak::{linebreak, Line, Setting, Span};

/// Page size and what the furniture says.
#[derive(Clone, Debug)]
pub struct PageSetup {
    pub size: Size,
    /// Left in the running header.
    pub header_left: String,
    /// Right in the running header.
    pub header_right: String,
    pub language: Option<hyphenation::Language>,
}

impl PageSetup {
    pub const A4: Size = Size { w: Pt(595.28), h: Pt(841.89) };
    pub const LETTER: Size = Size { w: Pt(612.0), h: Pt(792.0) };

    /// The text area: margins of 64 pt at the sides, 104 pt at top and
    /// bottom, which hold the running header and footer. The text stays out
    /// of the top and bottom eighth of the page, where readers and checkers
    /// of tagged PDF expect only running heads: a table's repeated cell
    /// there on three pages would read as one (outloud's PAG-001).
    pub fn area(&self) -> Rect {
        let (side, top, bottom) = (Pt(64.0), Pt(104.0), Pt(104.0));
        Rect::new(side, top, self.size.w - side - side, self.size.h - top - bottom)
    }
}

mod pages;
/// The house style.
mod style;

use pages::{finish, paginate, shift, translate};

/// Lays out `blocks` on pages; also returns warnings (charts that could
/// not be drawn and were set as code).
pub fn layout(
    blocks: &[Block],
    setup: &PageSetup,
    images: &std::collections::BTreeMap<String, std::sync::Arc<super::image::Image>>,
) -> (Document, Vec<String>) {
    let area = setup.area();
    let mut builder = Builder {
        fonts: Fonts::get(),
        language: setup.language,
        chunks: Vec::new(),
        table_headers: Vec::new(),
        toc: Vec::new(),
        heading_count: 0,
        tab: None,
        warnings: Vec::new(),
        charts: 0,
        page_height: area.size.h,
        note_texts: std::collections::BTreeMap::new(),
        note_numbers: std::cell::RefCell::new(Vec::new()),
        images,
        used_images: Vec::new(),
        after_caption: false,
        lists: 0,
        siblings: sibling_tables(blocks),
        sibling_widths: std::collections::HashMap::new(),
        index_next: false,
        index_refs: Vec::new(),
        record_rows: blocks.contains(&Block::Index),
    };
    // The table of contents lists the headings of levels 2 and 3 that
    // follow it.
    let mut counter = 0usize;
    let mut entries = Vec::new();
    collect_headings(blocks, &mut counter, &mut entries);
    builder.toc = entries;
    collect_notes(blocks, &mut builder.note_texts);
    builder.blocks(blocks, Pt::ZERO, area.size.w);
    let notes = builder.lay_out_notes(area.size.w.min(style::MEASURE));
    let (mut document, places) = paginate(builder.chunks, &builder.table_headers, notes, setup, area);
    finish(&mut document, &builder.toc, &builder.index_refs, &places, setup, area);
    document.images = builder.used_images.into_iter().filter_map(|src| images.get(&src).cloned()).collect();
    (document, builder.warnings)
}

/// The room a colour chip takes in a line: a letter's width (never drawn),
/// which the line breaker keeps to the name after it as to a word.
const CHIP_ROOM: &str = "M";

/// What opens a table's caption, pandoc's way: a paragraph directly above
/// the table (`Table: Events by kind and year`; GitHub's Markdown has no
/// caption). The PDF drops the word.
const CAPTION_MARK: &str = "Table: ";

fn is_caption(runs: &[Run], next: Option<&Block>) -> bool {
    matches!(next, Some(Block::Table { .. }))
        && runs.first().is_some_and(|r| r.text.starts_with(CAPTION_MARK) && r.text.len() > CAPTION_MARK.len())
        && runs.iter().all(|r| !r.style.note && r.text != "\n")
}

/// What identifies tables that share their columns: the header's text.
fn table_key(header: &[Vec<Run>], columns: usize) -> String {
    let mut key = columns.to_string();
    for cell in header {
        key.push('\u{1f}');
        key.push_str(&plain(cell));
    }
    key
}

/// Rows of the top-level tables whose header another table has too, by
/// [`table_key`]: a sample of at most 400 rows spread over them, enough to
/// measure columns (as [`column_widths`] samples one long table).
fn sibling_tables(blocks: &[Block]) -> std::collections::HashMap<String, Vec<Vec<Vec<Run>>>> {
    let mut tables: std::collections::HashMap<String, Vec<&Vec<Vec<Vec<Run>>>>> = std::collections::HashMap::new();
    for block in blocks {
        if let Block::Table { aligns, header, rows } = block {
            let columns = aligns.len().max(header.len()).max(rows.iter().map(Vec::len).max().unwrap_or(0));
            tables.entry(table_key(header, columns)).or_default().push(rows);
        }
    }
    tables
        .into_iter()
        .filter(|(_, t)| t.len() > 1)
        .map(|(key, t)| {
            let total: usize = t.iter().map(|rows| rows.len()).sum();
            let step = (total / 400).max(1);
            let sample = t.into_iter().flatten().step_by(step).cloned().collect();
            (key, sample)
        })
        .collect()
}

/// A cell's runs without footnote references: measuring must not number
/// a note before the text that cites it is set.
fn without_notes(runs: &[Run]) -> Vec<Run> {
    runs.iter().filter(|r| !r.style.note).cloned().collect()
}

/// An event's line of date, kind and significance: a paragraph that opens
/// in italics right under a level-4 heading (`*3 July 2024* · agreement`).
fn is_dateline(runs: &[Run], before: &Block) -> bool {
    matches!(before, Block::Heading { level: 4, .. })
        && runs.first().is_some_and(|r| r.style.italic)
        && runs.iter().all(|r| !r.style.note && r.text != "\n")
}

/// A paragraph that opens with a bold label ending in a colon
/// (`**Partners:** …`).
fn is_labelled(runs: &[Run]) -> bool {
    runs.first().is_some_and(|r| r.style.bold && r.text.trim_end().ends_with(':')) && runs.len() > 1
}

/// Every footnote's text by label, wherever it is defined.
fn collect_notes(blocks: &[Block], out: &mut std::collections::BTreeMap<String, Vec<Block>>) {
    for block in blocks {
        match block {
            Block::Note { label, blocks } => {
                out.entry(label.clone()).or_insert_with(|| blocks.clone());
            }
            Block::Quote(inner) | Block::Callout { blocks: inner, .. } => collect_notes(inner, out),
            Block::List { items, .. } => items.iter().for_each(|i| collect_notes(i, out)),
            _ => {}
        }
    }
}

/// Level-2 and -3 headings with their order among all headings.
fn collect_headings(blocks: &[Block], counter: &mut usize, out: &mut Vec<TocEntry>) {
    for block in blocks {
        match block {
            Block::Heading { level, runs } => {
                if (2..=3).contains(level) {
                    out.push(TocEntry { heading: *counter, level: *level, title: plain(runs) });
                }
                *counter += 1;
            }
            Block::Quote(inner) => collect_headings(inner, counter, out),
            Block::List { items, .. } => items.iter().for_each(|i| collect_headings(i, counter, out)),
            _ => {}
        }
    }
}

#[derive(Clone, Debug)]
struct TocEntry {
    /// Index among all headings of the document.
    heading: usize,
    level: u8,
    title: String,
}

/// An indivisible piece of the flow, drawn relative to its top-left corner
/// (x at the text area's left edge).
#[derive(Clone, Debug, Default)]
struct Chunk {
    height: Pt,
    /// Space above it, unless it starts a page.
    space_before: Pt,
    items: Vec<(Point, Item)>,
    /// Must stand on the same page as the next chunk.
    keep_with_next: bool,
    /// Starts a new page.
    break_before: bool,
    /// A heading: level and title, for the outline.
    heading: Option<(u8, String)>,
    /// The header row to repeat when this table row starts a page.
    table_header: Option<usize>,
    /// This chunk is the header row of table `n` (in its first place).
    header_of: Option<usize>,
    /// A line of the table of contents: the entry's index.
    toc_entry: Option<usize>,
    /// Starts a figure (a chart, a table or its caption): when it does not
    /// fit, text that follows may fill the page before it.
    figure: bool,
    /// The last line of an index sub-entry: its index in `index_refs`.
    index_ref: Option<usize>,
    /// A table row's cells as text, when the document has an index.
    row: Option<Vec<String>>,
}

struct Builder<'f> {
    fonts: &'f Fonts,
    language: Option<hyphenation::Language>,
    chunks: Vec<Chunk>,
    table_headers: Vec<Chunk>,
    toc: Vec<TocEntry>,
    heading_count: usize,
    /// The colour for the next heading's tab.
    tab: Option<Color>,
    warnings: Vec<String>,
    /// Mermaid blocks seen, to name them in warnings.
    charts: usize,
    /// The text area's height: no chunk may be taller.
    page_height: Pt,
    /// Footnotes' texts by label, and their labels in order of first
    /// reference (the number is the position).
    note_texts: std::collections::BTreeMap<String, Vec<Block>>,
    note_numbers: std::cell::RefCell<Vec<String>>,
    /// The images the pipeline read, and those drawn so far, in order.
    images: &'f std::collections::BTreeMap<String, std::sync::Arc<super::image::Image>>,
    used_images: Vec<String>,
    /// The last chunk is a caption: the table that follows sits close.
    after_caption: bool,
    /// How many lists the current block is in.
    lists: usize,
    /// Rows (a sample) of the tables that share a header with another,
    /// by [`table_key`]; and their columns' widths once measured, by key
    /// and width.
    siblings: std::collections::HashMap<String, Vec<Vec<Vec<Run>>>>,
    sibling_widths: std::collections::HashMap<(String, u32), Vec<Pt>>,
    /// `<!-- index -->` seen: the next list is an index.
    index_next: bool,
    /// The index's sub-entries that get page numbers, in order.
    index_refs: Vec<IndexRef>,
    /// Whether table rows keep their cells' text for the index to find
    /// its events in (only when the document has an index).
    record_rows: bool,
}

/// A sub-entry of an index: the title it names, the section (anchor) it
/// lies in, and its date as the entry gives it (to tell rows apart).
#[derive(Clone, Debug)]
struct IndexRef {
    title: String,
    anchor: String,
    date: String,
}

impl Builder<'_> {
    fn blocks(&mut self, blocks: &[Block], x: Pt, width: Pt) {
        for (i, block) in blocks.iter().enumerate() {
            let first = i == 0;
            // `<!-- index -->` applies to the list right after it only.
            let index = std::mem::take(&mut self.index_next);
            match block {
                Block::Heading { level, runs } => self.heading(*level, runs, x, width),
                Block::Paragraph { runs } if is_caption(runs, blocks.get(i + 1)) => self.caption(runs, x, width),
                Block::Paragraph { runs } if i > 0 && is_dateline(runs, &blocks[i - 1]) => self.dateline(runs, x, width),
                Block::Paragraph { runs } => {
                    // A paragraph that opens with a bold label ("Partners:")
                    // is a short entry, set ragged and close to the one
                    // before it when that is one too.
                    let labelled = is_labelled(runs);
                    let gap = match i.checked_sub(1).map(|p| &blocks[p]) {
                        _ if first => Pt::ZERO,
                        Some(Block::Paragraph { runs: before }) if labelled && is_labelled(before) => Pt(1.5),
                        _ => style::PARAGRAPH_GAP,
                    };
                    // Lists are set ragged too: their lines are short and
                    // justified ones opened wide word spaces.
                    let justify = !labelled && self.lists == 0;
                    let width = width.min(style::MEASURE);
                    self.paragraph(runs, x, width, Face::Serif, style::BODY, style::BODY_LEADING, justify, gap);
                }
                Block::List { items, .. } if index => self.index(items, x, width),
                Block::List { start, items } => {
                    self.lists += 1;
                    self.list(*start, items, x, width.min(style::MEASURE), first);
                    self.lists -= 1;
                }
                Block::Index => self.index_next = true,
                Block::Table { aligns, header, rows } => self.table(aligns, header, rows, x, width),
                Block::Quote(inner) => {
                    let from = self.chunks.len();
                    self.blocks(inner, x + style::QUOTE_INDENT, width - style::QUOTE_INDENT);
                    self.wrap(from, Role::BlockQuote);
                    for chunk in &mut self.chunks[from..] {
                        let h = chunk.height;
                        chunk.items.push((
                            Point::new(x + Pt(3.0), Pt::ZERO),
                            Item::Line { to: Point::new(x + Pt(3.0), h), width: Pt(2.0), color: style::RULE },
                        ));
                    }
                    if let Some(c) = self.chunks.get_mut(from) {
                        c.space_before = style::PARAGRAPH_GAP;
                    }
                }
                Block::Code { lang, text } if lang == "mermaid" => self.chart(text, x, width),
                Block::Code { text, .. } => self.code(text, x, width),
                Block::Colour(hex) => self.tab = super::chart::parse_color(hex),
                Block::Rule => self.chunks.push(Chunk {
                    height: Pt(12.0),
                    space_before: style::PARAGRAPH_GAP,
                    items: vec![(
                        Point::new(x, Pt(6.0)),
                        Item::Line { to: Point::new(x + width, Pt(6.0)), width: Pt(0.6), color: style::RULE },
                    )],
                    ..Chunk::default()
                }),
                Block::Toc => self.toc(x, width),
                Block::Callout { kind, blocks } => self.callout(*kind, blocks, x, width),
                Block::Image { src, alt } => self.image(src, alt, x, width),
                // A task's box is drawn as its item's marker; the texts of
                // footnotes go to the foot of the pages that cite them.
                Block::Task(_) | Block::Note { .. } => {}
                Block::PageBreak => {
                    self.chunks.push(Chunk { break_before: true, ..Chunk::default() });
                }
            }
        }
    }

    /// Puts the chunks from `from` on in a structure element: its open tag
    /// first in the first chunk, its close tag last in the last.
    fn wrap(&mut self, from: usize, role: Role) {
        if from >= self.chunks.len() {
            return;
        }
        self.chunks[from].items.insert(0, open(role));
        if let Some(last) = self.chunks.last_mut() {
            last.items.push(close());
        }
    }

    /// Runs to spans in a family and size: bold and italic pick the face,
    /// code is set in the mono face, links in the link colour.
    fn spans(&self, runs: &[Run], family: Face, size: Pt, color: Color) -> Vec<Span> {
        // The character before each run, for quotes that open or close.
        let mut before: Option<char> = None;
        runs.iter()
            .map(|r| {
                let previous = before;
                before = r.text.chars().last().or(before);
                let Style { bold, italic, code, strike, note, chip } = r.style;
                if chip {
                    // Room for the square and a little space after it.
                    let color = super::chart::parse_color(&r.text).unwrap_or(style::MUTED);
                    return Span { text: CHIP_ROOM.to_owned(), face: Face::Sans, size, color, link: None, strike: false, raise: Pt::ZERO, chip: true };
                }
                // A bold family (headings, header rows) stays bold.
                let bold = bold || matches!(family, Face::SansBold | Face::SerifBold | Face::SerifBoldItalic);
                let (face, size) = if code { (Face::Mono, size * 0.92) } else { (family.styled(bold, italic), size) };
                if note {
                    // A footnote reference: its number, raised and small,
                    // linked to the note.
                    let n = self.note_number(&r.text);
                    return Span {
                        text: n.to_string(),
                        face: family.styled(false, false),
                        size: size * 0.68,
                        color: style::LINK,
                        link: Some(format!("{NOTE_LINK}{n}")),
                        strike: false,
                        raise: size * 0.36,
                        chip: false,
                    };
                }
                let color = if r.link.is_some() { style::LINK } else { color };
                // Code, and an address shown as itself, keep their
                // characters; other text is set with typographic punctuation.
                let literal = code || r.link.as_deref() == Some(r.text.as_str());
                let text = if literal { r.text.clone() } else { typographic(&r.text, previous) };
                Span { text: visible_text(self.fonts, face, &text), face, size, color, link: r.link.clone(), strike, raise: Pt::ZERO, chip: false }
            })
            .collect()
    }

    /// Text items (and link areas) for one line whose top is at y = 0.
    fn line_items(&self, spans: &[Span], line: &Line, x: Pt, leading: Pt, size: Pt, align_offset: Pt) -> Vec<(Point, Item)> {
        let serif = self.fonts.face(Face::Serif);
        let content = size * (serif.ascent + serif.descent);
        let baseline = (leading - content) / 2.0 + size * serif.ascent;
        let mut items = Vec::with_capacity(line.fragments.len());
        let last = line.fragments.len().saturating_sub(1);
        for (n, fragment) in line.fragments.iter().enumerate() {
            let span = &spans[fragment.span];
            let at = Point::new(x + align_offset + fragment.x, baseline);
            if span.chip {
                // A square as tall as a capital, on the baseline; decoration
                // for a reader, since the name beside it says the same.
                let side = span.size * 0.62;
                let square = (Point::new(at.x, at.y - side), Item::Fill { size: Size { w: side, h: side }, color: span.color });
                items.extend(tagged(Role::Artifact, vec![square]));
                continue;
            }
            // Spaces at the end of the line are not drawn and take no
            // width; a space before the next fragment stays, so copied
            // text keeps its words apart.
            let text = if n == last { fragment.text.trim_end() } else { fragment.text.as_str() }.to_owned();
            if text.trim().is_empty() {
                continue;
            }
            let trailing = fragment.text.len() - text.len();
            let space = self.fonts.advance(span.face, ' ', span.size) + fragment.space_adjust;
            let width = (fragment.width - space * trailing as f32).max(Pt::ZERO);
            let at = Point::new(at.x, at.y - span.raise);
            let text = Item::Text(Text {
                face: span.face,
                size: span.size,
                color: span.color,
                text,
                space_adjust: fragment.space_adjust,
                width,
            });
            let strike = span.strike.then(|| {
                let y = at.y - span.size * 0.28;
                (Point::new(at.x, y), Item::Line { to: Point::new(at.x + width, y), width: span.size * 0.06, color: span.color })
            });
            match &span.link {
                // The link's element holds its text and its annotation.
                Some(url) => {
                    let (target, said) = link_target(url);
                    items.extend(tagged(
                        Role::Link(said),
                        vec![(Point::new(at.x, Pt::ZERO), Item::Link { size: Size { w: width, h: leading }, target }), (at, text)],
                    ));
                }
                None => items.push((at, text)),
            }
            items.extend(strike);
        }
        items
    }

    /// A paragraph as one chunk per line, kept so that a page break leaves
    /// at least two lines on each side.
    #[allow(clippy::too_many_arguments)]
    fn paragraph(&mut self, runs: &[Run], x: Pt, width: Pt, family: Face, size: Pt, leading: Pt, justify: bool, gap: Pt) -> usize {
        let spans = self.spans(runs, family, size, style::TEXT);
        if spans.is_empty() {
            return 0;
        }
        let lines = linebreak(&spans, width, Setting { justify, language: self.language });
        let n = lines.len();
        let from = self.chunks.len();
        for (i, line) in lines.iter().enumerate() {
            self.chunks.push(Chunk {
                height: leading,
                space_before: if i == 0 { gap } else { Pt::ZERO },
                items: self.line_items(&spans, line, x, leading, size, Pt::ZERO),
                keep_with_next: n <= 3 && i + 1 < n || i == 0 || i + 2 == n,
                ..Chunk::default()
            });
        }
        if let Some(last) = self.chunks.last_mut() {
            last.keep_with_next = false;
        }
        self.wrap(from, Role::Paragraph);
        n
    }

    /// A table's or chart's caption: in the style of a chart's title, kept
    /// with what it names.
    fn caption(&mut self, runs: &[Run], x: Pt, width: Pt) {
        let mut runs = runs.to_vec();
        if let Some(first) = runs.first_mut() {
            first.text = first.text[CAPTION_MARK.len()..].to_owned();
        }
        let from = self.chunks.len();
        self.paragraph(&runs, x, width, Face::SansBold, style::CAPTION, style::CAPTION_LEADING, false, style::CAPTION_GAP);
        for chunk in &mut self.chunks[from..] {
            chunk.keep_with_next = true;
        }
        if let Some(first) = self.chunks.get_mut(from) {
            first.figure = true;
        }
        self.after_caption = true;
    }

    /// The line of date, kind and significance under an event's title:
    /// small, grey and tight under it.
    fn dateline(&mut self, runs: &[Run], x: Pt, width: Pt) {
        // One run in one style: the italics only mark the line in Markdown.
        let plain_runs = [Run { text: plain(runs), style: Style::default(), link: None }];
        let spans: Vec<Span> = self.spans(&plain_runs, Face::Sans, style::SMALL, style::MUTED);
        if spans.is_empty() {
            return;
        }
        let lines = linebreak(&spans, width, Setting { justify: false, language: None });
        let from = self.chunks.len();
        for line in &lines {
            self.chunks.push(Chunk {
                height: style::SMALL_LEADING,
                space_before: Pt::ZERO,
                items: self.line_items(&spans, line, x, style::SMALL_LEADING, style::SMALL, Pt::ZERO),
                // Kept with its title and with the summary below.
                keep_with_next: true,
                ..Chunk::default()
            });
        }
        self.wrap(from, Role::Paragraph);
    }

    fn heading(&mut self, level: u8, runs: &[Run], x: Pt, width: Pt) {
        let (size, leading, space_before, color) = style::heading(level);
        let spans = self.spans(runs, Face::SansBold, size, color);
        // A pillar's colour tab before its heading; the text moves right.
        let tab = self.tab.take();
        let indent = if tab.is_some() { size * 0.75 } else { Pt::ZERO };
        let lines = linebreak(&spans, width - indent, Setting { justify: false, language: None });
        let mut items = Vec::new();
        if let Some(color) = tab {
            let serif = self.fonts.face(Face::Serif);
            let top = (leading - size * (serif.ascent + serif.descent)) / 2.0 + size * (serif.ascent - 0.72);
            items.push((Point::new(x, top), Item::Fill { size: Size { w: size * 0.4, h: size * 0.72 }, color }));
        }
        items.push(open(Role::Heading(level)));
        for (i, line) in lines.iter().enumerate() {
            for (p, item) in self.line_items(&spans, line, x + indent, leading, size, Pt::ZERO) {
                items.push((Point::new(p.x, p.y + leading * i as f32), item));
            }
        }
        items.push(close());
        let mut height = leading * lines.len() as f32;
        if level == 2 {
            // A hairline under section headings.
            let y = height + Pt(2.0);
            items.push((Point::new(x, y), Item::Line { to: Point::new(x + width, y), width: Pt(0.5), color: style::RULE }));
            height += Pt(6.0);
        } else {
            height += Pt(2.0);
        }
        if height > self.page_height - Pt(40.0) {
            // A heading longer than a page (no real heading is): one chunk
            // a line, so that it can break rather than run off the page.
            let from = self.chunks.len();
            for (i, line) in lines.iter().enumerate() {
                self.chunks.push(Chunk {
                    height: leading,
                    space_before: if i == 0 { space_before } else { Pt::ZERO },
                    items: self.line_items(&spans, line, x + indent, leading, size, Pt::ZERO),
                    keep_with_next: true,
                    heading: (i == 0).then(|| (level, plain(runs))),
                    ..Chunk::default()
                });
            }
            self.wrap(from, Role::Heading(level));
        } else {
            self.chunks.push(Chunk {
                height,
                space_before,
                items,
                keep_with_next: true,
                heading: Some((level, plain(runs))),
                ..Chunk::default()
            });
        }
        self.heading_count += 1;
    }

    fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], x: Pt, width: Pt, first: bool) {
        let indent = style::LIST_INDENT;
        let list_from = self.chunks.len();
        for (n, item) in items.iter().enumerate() {
            let from = self.chunks.len();
            let task = match item.first() {
                Some(Block::Task(done)) => Some(*done),
                _ => None,
            };
            self.blocks(item, x + indent, width - indent);
            // The item's body, then its label before it.
            self.wrap(from, Role::ListBody);
            if let (Some(done), Some(chunk)) = (task, self.chunks.get_mut(from)) {
                // A task's box: drawn, and said in words to a reader.
                let top = chunk.items.iter().find_map(|(p, i)| match i {
                    Item::Text(t) => Some(p.y - t.size * 0.72),
                    _ => None,
                });
                let top = top.unwrap_or(Pt(3.0));
                let side = Pt(7.4);
                let left = x + indent - side - Pt(5.0);
                let line = |a: Point, b: Point, w: f32, color: Color| (a, Item::Line { to: b, width: Pt(w), color });
                let corner = |dx: Pt, dy: Pt| Point::new(left + dx, top + dy);
                let mut boxed = vec![
                    line(corner(Pt::ZERO, Pt::ZERO), corner(side, Pt::ZERO), 0.7, style::MUTED),
                    line(corner(side, Pt::ZERO), corner(side, side), 0.7, style::MUTED),
                    line(corner(side, side), corner(Pt::ZERO, side), 0.7, style::MUTED),
                    line(corner(Pt::ZERO, side), corner(Pt::ZERO, Pt::ZERO), 0.7, style::MUTED),
                ];
                if done {
                    boxed.push(line(corner(Pt(1.5), Pt(3.8)), corner(Pt(3.1), Pt(5.8)), 1.1, style::ACCENT));
                    boxed.push(line(corner(Pt(3.1), Pt(5.8)), corner(Pt(6.2), Pt(1.4)), 1.1, style::ACCENT));
                }
                let label = tagged(Role::Figure(if done { "Done".to_owned() } else { "Not done".to_owned() }), boxed);
                chunk.items.splice(0..0, tagged(Role::Label, label));
                chunk.space_before = if n == 0 && !first { style::PARAGRAPH_GAP } else { Pt(2.0) };
                self.wrap(from, Role::ListItem);
                continue;
            }
            let marker = match start {
                Some(s) => format!("{}.", s + n as u64),
                None => if x > Pt::ZERO { "–".to_owned() } else { "•".to_owned() },
            };
            if let Some(chunk) = self.chunks.get_mut(from) {
                chunk.space_before = if n == 0 && !first { style::PARAGRAPH_GAP } else { Pt(2.0) };
                let text_item = chunk.items.iter().find_map(|(p, i)| match i {
                    Item::Text(t) => Some((p.y, t.size)),
                    _ => None,
                });
                let (baseline, size) = text_item.unwrap_or((style::BODY_LEADING * 0.75, style::BODY));
                let marker_width = self.fonts.width(Face::Serif, &marker, size);
                // First in reading order, so copied text starts with it.
                let label = (
                    Point::new(x + indent - marker_width - Pt(5.0), baseline),
                    Item::Text(Text {
                        face: Face::Serif,
                        size,
                        color: style::MUTED,
                        text: marker,
                        space_adjust: Pt::ZERO,
                        width: marker_width,
                    }),
                );
                let head = tagged(Role::Label, vec![label]);
                chunk.items.splice(0..0, head);
            }
            self.wrap(from, Role::ListItem);
        }
        self.wrap(list_from, Role::List);
    }

    /// A Mermaid chart, drawn; one the typesetter cannot draw is set as
    /// code with a warning, never dropped.
    fn chart(&mut self, text: &str, x: Pt, width: Pt) {
        self.charts += 1;
        match super::chart::parse(text) {
            Ok(chart) => {
                let drawing = super::chart::draw(&chart, width);
                let alt = super::chart::description(text, &chart);
                let items = drawing
                    .items
                    .into_iter()
                    .map(|(p, item)| (Point::new(p.x + x, p.y), shift(item, x)))
                    .collect();
                let items = tagged(Role::Figure(alt), items);
                self.chunks.push(Chunk {
                    height: drawing.size.h + Pt(4.0),
                    space_before: Pt(10.0),
                    items,
                    figure: true,
                    ..Chunk::default()
                });
            }
            Err(why) => {
                let first = text.lines().next().unwrap_or("").trim();
                self.warnings.push(format!("Mermaid block {} (`{first}`) cannot be drawn: {why}; it is set as code", self.charts));
                self.code(text, x, width);
            }
        }
    }

    fn code(&mut self, text: &str, x: Pt, width: Pt) {
        let size = style::CODE;
        let leading = style::CODE_LEADING;
        let pad = Pt(6.0);
        // Wrapped on measured widths: not every glyph of the mono face is
        // as wide as the others (the replacement character is not; found
        // by fuzzing, tests/fixtures/fuzz/).
        let room = width - pad * 2.0;
        let mut lines = Vec::new();
        for line in text.trim_end_matches('\n').split('\n') {
            let mut current = String::new();
            let mut used = Pt::ZERO;
            for c in line.replace('\t', "    ").chars().map(|c| super::fonts::visible(self.fonts, Face::Mono, c)) {
                let advance = self.fonts.advance(Face::Mono, c, size);
                if used + advance > room && !current.is_empty() {
                    lines.push(std::mem::take(&mut current));
                    used = Pt::ZERO;
                }
                current.push(c);
                used += advance;
            }
            lines.push(current);
        }
        let n = lines.len();
        let from = self.chunks.len();
        let serif = self.fonts.face(Face::Mono);
        for (i, line) in lines.into_iter().enumerate() {
            let top_pad = if i == 0 { Pt(4.0) } else { Pt::ZERO };
            let bottom_pad = if i + 1 == n { Pt(4.0) } else { Pt::ZERO };
            let height = leading + top_pad + bottom_pad;
            let baseline = top_pad + (leading - size * (serif.ascent + serif.descent)) / 2.0 + size * serif.ascent;
            let mut items = vec![(Point::new(x, Pt::ZERO), Item::Fill { size: Size { w: width, h: height }, color: style::SHADE })];
            if !line.is_empty() {
                let w = self.fonts.width(Face::Mono, &line, size);
                items.push((
                    Point::new(x + pad, baseline),
                    Item::Text(Text { face: Face::Mono, size, color: style::TEXT, text: line, space_adjust: Pt::ZERO, width: w }),
                ));
            }
            self.chunks.push(Chunk {
                height,
                space_before: if i == 0 { style::PARAGRAPH_GAP } else { Pt::ZERO },
                items,
                keep_with_next: n <= 3 && i + 1 < n || i == 0 || i + 2 == n,
                ..Chunk::default()
            });
        }
        if let Some(last) = self.chunks.last_mut() {
            last.keep_with_next = false;
        }
        self.wrap(from, Role::Code);
    }

    fn table(&mut self, aligns: &[Align], header: &[Vec<Run>], rows: &[Vec<Vec<Run>>], x: Pt, width: Pt) {
        let columns = aligns.len().max(header.len()).max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let cell_spans = |runs: &[Run], bold: bool| {
            let family = if bold { Face::SansBold } else { Face::Sans };
            self.spans(runs, family, style::SMALL, style::TEXT)
        };
        let header_spans: Vec<Vec<Span>> = (0..columns).map(|c| cell_spans(header.get(c).map_or(&[][..], Vec::as_slice), true)).collect();
        let row_spans: Vec<Vec<Vec<Span>>> = rows
            .iter()
            .map(|row| (0..columns).map(|c| cell_spans(row.get(c).map_or(&[][..], Vec::as_slice), false)).collect())
            .collect();
        // Tables of one header (the chronology's, a table a year) share
        // their columns' widths, measured on all of their rows, so that they
        // line up down the pages.
        let key = table_key(header, columns);
        let widths = match self.siblings.get(&key) {
            Some(rows) => {
                let cache = (key.clone(), width.0.to_bits());
                if let Some(widths) = self.sibling_widths.get(&cache) {
                    widths.clone()
                } else {
                    let spans: Vec<Vec<Vec<Span>>> = rows
                        .iter()
                        .map(|row| (0..columns).map(|c| cell_spans(&without_notes(row.get(c).map_or(&[][..], Vec::as_slice)), false)).collect())
                        .collect();
                    let widths = column_widths(self.fonts, &header_spans, &spans, width, columns);
                    self.sibling_widths.insert(cache, widths.clone());
                    widths
                }
            }
            None => column_widths(self.fonts, &header_spans, &row_spans, width, columns),
        };
        let width: Pt = widths.iter().copied().sum();

        let table_from = self.chunks.len();
        let mut header_bands = self.row(&header_spans, aligns, &widths, x, width, true).into_iter();
        let header_chunk = header_bands.next().unwrap_or_default();
        // Repeated on later pages as an artifact: the header is read once.
        self.table_headers.push(artifact(&header_chunk));
        let header_index = self.table_headers.len() - 1;
        let mut first = header_chunk;
        let captioned = std::mem::take(&mut self.after_caption);
        first.space_before = if captioned { Pt(4.0) } else { Pt(8.0) };
        // A short table is a figure of its own; a caption starts one.
        first.figure = !captioned && rows.len() <= style::UNSPLIT_ROWS;
        first.keep_with_next = true;
        first.header_of = Some(header_index);
        self.chunks.push(first);
        // A header too tall for a page: the rest follows as rows.
        self.chunks.extend(header_bands.map(|mut c| {
            c.keep_with_next = true;
            c
        }));
        self.wrap(table_from, Role::TableHead);
        let body_from = self.chunks.len();
        let n = row_spans.len();
        for (i, cells) in row_spans.iter().enumerate() {
            let bands = self.row(cells, aligns, &widths, x, width, false);
            let last = bands.len() - 1;
            for (b, mut chunk) in bands.into_iter().enumerate() {
                chunk.table_header = Some(header_index);
                if b == 0 && self.record_rows {
                    chunk.row = Some(rows[i].iter().map(|c| plain(c)).collect());
                }
                if b == last {
                    // A short table is never split; a long one keeps its
                    // first two and last two rows together.
                    chunk.keep_with_next = if n <= style::UNSPLIT_ROWS { i + 1 < n } else { i == 0 && n > 1 || i + 2 == n };
                }
                self.chunks.push(chunk);
            }
        }
        self.wrap(body_from, Role::TableBody);
        self.wrap(table_from, Role::Table);
        if let Some(last) = self.chunks.last_mut() {
            last.keep_with_next = false;
            // Space after the table: the last row gets a closing rule.
            let h = last.height;
            last.items.push((Point::new(x, h), Item::Line { to: Point::new(x + width, h), width: Pt(0.8), color: style::ACCENT }));
        }
    }

    /// A table row as chunks: one, unless the row is taller than a page
    /// (a long unbreakable value in a narrow cell), when its lines are cut
    /// into bands that each fit a page under the repeated header (found by
    /// fuzzing).
    fn row(&self, cells: &[Vec<Span>], aligns: &[Align], widths: &[Pt], x: Pt, width: Pt, header: bool) -> Vec<Chunk> {
        let leading = style::SMALL_LEADING;
        let pad = style::CELL_PAD_Y;
        // Room for a band under a repeated header row and a little slack.
        let per_band = ((self.page_height.0 - 60.0 - (pad * 2.0).0) / leading.0).floor().max(1.0) as usize;
        // Per band: its lines, and each cell's items.
        let mut bands: Vec<(usize, Vec<Items>)> = vec![(1, vec![Vec::new(); cells.len()])];
        let mut cx = x;
        for (c, spans) in cells.iter().enumerate() {
            let w = widths[c];
            let inner = (w - style::CELL_PAD_X * 2.0).max(Pt(1.0));
            if !spans.is_empty() {
                // No hyphenation in cells: a word breaks only when wider
                // than its cell (between characters, by linebreak).
                let lines = linebreak(spans, inner, Setting { justify: false, language: None });
                for (i, line) in lines.iter().enumerate() {
                    let (band, row) = (i / per_band, i % per_band);
                    while bands.len() <= band {
                        bands.push((1, vec![Vec::new(); cells.len()]));
                    }
                    bands[band].0 = bands[band].0.max(row + 1);
                    let offset = match aligns.get(c).copied().unwrap_or(Align::Left) {
                        Align::Left => Pt::ZERO,
                        Align::Right => inner - line.width,
                        Align::Center => (inner - line.width) / 2.0,
                    };
                    for (p, item) in self.line_items(spans, line, cx + style::CELL_PAD_X, leading, style::SMALL, offset.max(Pt::ZERO)) {
                        bands[band].1[c].push((Point::new(p.x, p.y + pad + leading * row as f32), item));
                    }
                }
            }
            cx += w;
        }
        let n = bands.len();
        bands
            .into_iter()
            .enumerate()
            .map(|(b, (lines, cells))| {
                let height = leading * lines as f32 + pad * 2.0;
                // A row, and in it a cell element for every column, empty
                // ones too, so that every row has as many cells as the
                // header. A row cut into bands is a row per band.
                let cell_role = if header { Role::TableHeader } else { Role::TableCell };
                let mut items = vec![open(Role::TableRow)];
                for cell in cells {
                    items.extend(tagged(cell_role.clone(), cell));
                }
                items.push(close());
                let mut chunk_items = Vec::with_capacity(items.len() + 3);
                if header && b == 0 {
                    chunk_items.push((Point::new(x, Pt::ZERO), Item::Fill { size: Size { w: width, h: height }, color: style::SHADE }));
                    chunk_items.push((Point::new(x, Pt::ZERO), Item::Line { to: Point::new(x + width, Pt::ZERO), width: Pt(0.8), color: style::ACCENT }));
                }
                chunk_items.extend(items);
                if b + 1 == n {
                    let (w, color) = if header { (Pt(0.6), style::ACCENT) } else { (Pt(0.3), style::RULE) };
                    chunk_items.push((Point::new(x, height), Item::Line { to: Point::new(x + width, height), width: w, color }));
                }
                Chunk { height, items: chunk_items, keep_with_next: b + 1 < n, ..Chunk::default() }
            })
            .collect()
    }

    /// The number of the footnote labelled `label`: numbered in order of
    /// first reference, through the whole document.
    fn note_number(&self, label: &str) -> u32 {
        let mut numbers = self.note_numbers.borrow_mut();
        let at = numbers.iter().position(|l| l == label).unwrap_or_else(|| {
            numbers.push(label.to_owned());
            numbers.len() - 1
        });
        at as u32 + 1
    }

    /// Every referred footnote laid out as lines for a page's foot: its
    /// number (a link back to the reference), then its text, small. A
    /// reference to a note that is never defined is warned about.
    fn lay_out_notes(&mut self, width: Pt) -> Vec<Vec<Chunk>> {
        let labels = self.note_numbers.borrow().clone();
        let mut out = Vec::with_capacity(labels.len());
        for (i, label) in labels.iter().enumerate() {
            let n = i + 1;
            let blocks = self.note_texts.get(label).cloned().unwrap_or_else(|| {
                self.warnings.push(format!("footnote `[^{label}]` is referred to but never defined"));
                Vec::new()
            });
            let saved = std::mem::take(&mut self.chunks);
            let number = Run { text: format!("{n}"), style: Style::default(), link: Some(format!("{NOTE_REF_LINK}{n}")) };
            let space = Run { text: "\u{a0}".to_owned(), style: Style::default(), link: None };
            let mut texts: Vec<Vec<Run>> = blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph { runs } | Block::Heading { runs, .. } => runs.clone(),
                    other => vec![Run { text: block_text(other), style: Style::default(), link: None }],
                })
                .filter(|r| !r.is_empty())
                .collect();
            if texts.is_empty() {
                texts.push(Vec::new());
            }
            for (k, runs) in texts.into_iter().enumerate() {
                let runs = if k == 0 { [vec![number.clone(), space.clone()], runs].concat() } else { runs };
                self.paragraph(&runs, Pt::ZERO, width, Face::Serif, style::NOTE, style::NOTE_LEADING, false, Pt::ZERO);
            }
            let mut chunks = std::mem::replace(&mut self.chunks, saved);
            // Lines of a note may part across pages; never keep them.
            for c in &mut chunks {
                c.keep_with_next = false;
            }
            if let Some(c) = chunks.first_mut() {
                label_note(&mut c.items);
                c.items.insert(0, open(Role::Note));
            }
            if let Some(c) = chunks.last_mut() {
                c.items.push(close());
            }
            out.push(chunks);
        }
        out
    }

    /// An image: as wide as asked (`=120pt`, `=40%` at the end of its alt
    /// text), else its natural size at 96 pixels an inch, never wider than
    /// the text nor taller than half a page; centred. An image the pipeline
    /// did not read (none should be) is named in a warning and its alt text
    /// set instead.
    fn image(&mut self, src: &str, alt: &str, x: Pt, width: Pt) {
        let (alt, hint) = super::image::size_hint(alt);
        let Some(image) = self.images.get(src) else {
            self.warnings.push(format!("image `{src}` was not read; its alt text is set instead"));
            let runs = vec![Run { text: format!("[{alt}]"), style: Style::default(), link: None }];
            self.paragraph(&runs, x, width, Face::Serif, style::BODY, style::BODY_LEADING, false, style::PARAGRAPH_GAP);
            return;
        };
        let natural = Pt(image.width as f32 * 0.75);
        let wanted = match hint {
            Some(super::image::Hint::Points(w)) => Pt(w),
            Some(super::image::Hint::Share(share)) => width * share,
            None => natural,
        };
        let aspect = image.height as f32 / image.width.max(1) as f32;
        let mut w = wanted.min(width);
        if w * aspect > self.page_height * 0.5 {
            w = self.page_height * 0.5 / aspect;
        }
        let size = Size { w: w.rounded(), h: (w * aspect).rounded() };
        let index = match self.used_images.iter().position(|s| s == src) {
            Some(i) => i,
            None => {
                self.used_images.push(src.to_owned());
                self.used_images.len() - 1
            }
        };
        let description = if alt.trim().is_empty() { format!("Image {src}") } else { alt.trim().to_owned() };
        let left = x + (width - size.w) / 2.0;
        self.chunks.push(Chunk {
            height: size.h + Pt(4.0),
            space_before: style::PARAGRAPH_GAP,
            items: tagged(Role::Figure(description), vec![(Point::new(left, Pt(2.0)), Item::Image { size, index })]),
            ..Chunk::default()
        });
    }

    /// A GitHub alert: a tinted box with a bar in the kind's colour and its
    /// label, kept whole on a page when it is short.
    fn callout(&mut self, kind: Callout, blocks: &[Block], x: Pt, width: Pt) {
        let color = callout_colour(kind);
        let tint = Color { r: 1.0 - (1.0 - color.r) * 0.08, g: 1.0 - (1.0 - color.g) * 0.08, b: 1.0 - (1.0 - color.b) * 0.08 };
        let pad = Pt(8.0);
        let inner_x = x + pad + Pt(3.0);
        let from = self.chunks.len();
        // The label, as a line of its own.
        let label = kind.label().to_owned();
        let size = style::SMALL;
        let label_width = self.fonts.width(Face::SansBold, &label, size);
        let text = Item::Text(Text { face: Face::SansBold, size, color, text: label, space_adjust: Pt::ZERO, width: label_width });
        self.chunks.push(Chunk {
            height: Pt(20.0),
            space_before: style::PARAGRAPH_GAP + Pt(4.0),
            items: tagged(Role::Paragraph, vec![(Point::new(inner_x, Pt(15.0)), text)]),
            keep_with_next: true,
            ..Chunk::default()
        });
        self.blocks(blocks, inner_x, width - pad * 2.0 - Pt(3.0));
        // Spaces between the inner chunks become part of them, so that the
        // tint runs on without gaps; a little room closes the box.
        for chunk in &mut self.chunks[from + 1..] {
            let gap = chunk.space_before;
            if gap > Pt::ZERO {
                for (p, item) in &mut chunk.items {
                    *item = translate(item, Pt::ZERO, gap);
                    *p = Point::new(p.x, p.y + gap);
                }
                chunk.height += gap;
                chunk.space_before = Pt::ZERO;
            }
        }
        if let Some(last) = self.chunks.last_mut() {
            last.height += pad;
        }
        let total: Pt = self.chunks[from..].iter().map(|c| c.height).sum();
        let short = total < self.page_height * 0.4;
        let n = self.chunks.len();
        for (i, chunk) in self.chunks[from..].iter_mut().enumerate() {
            let h = chunk.height;
            let decoration = vec![
                (Point::new(x, Pt::ZERO), Item::Fill { size: Size { w: width, h }, color: tint }),
                (Point::new(x, Pt::ZERO), Item::Fill { size: Size { w: Pt(3.0), h }, color }),
            ];
            chunk.items.splice(0..0, tagged(Role::Artifact, decoration));
            if short && from + i + 1 < n {
                chunk.keep_with_next = true;
            }
            // A short box, kept whole, floats like a figure.
            chunk.figure = short && i == 0;
        }
        self.wrap(from, Role::Callout);
    }

    /// A book index (`<!-- index -->` before a list): each item a heading
    /// entry set without a bullet, its nested items sub-entries indented
    /// under it, turnover lines indented further. A sub-entry that starts
    /// with a link to a section gets a dot leader and the page of what it
    /// names, right-aligned, set by `finish` once pages are numbered: its
    /// lines break short of a column as wide as the widest page number
    /// ([`INDEX_WIDEST`]), so no line reflows when the number comes.
    fn index(&mut self, items: &[Vec<Block>], x: Pt, width: Pt) {
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
        let lines = linebreak(&spans, width - INDEX_HANG, Setting { justify: false, language: None });
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

    fn toc(&mut self, x: Pt, width: Pt) {
        let (size, leading, space_before, color) = style::heading(2);
        let title = "Contents".to_owned();
        let title_width = self.fonts.width(Face::SansBold, &title, size);
        self.chunks.push(Chunk {
            height: leading + Pt(6.0),
            space_before,
            items: tagged(
                Role::Heading(2),
                vec![(
                    Point::new(x, leading * 0.75),
                    Item::Text(Text { face: Face::SansBold, size, color, text: title, space_adjust: Pt::ZERO, width: title_width }),
                )],
            ),
            keep_with_next: true,
            ..Chunk::default()
        });
        let toc_from = self.chunks.len();
        let n = self.toc.len();
        for (i, entry) in self.toc.clone().into_iter().enumerate() {
            let (face, indent) = if entry.level == 2 { (Face::SansBold, Pt::ZERO) } else { (Face::Sans, Pt(14.0)) };
            let size = style::BODY * 0.95;
            let leading = style::BODY_LEADING;
            // Room at the right for dot leaders and the page number.
            let available = width - indent - Pt(48.0);
            let spans = vec![Span { text: entry.title.clone(), face, size, color: style::TEXT, link: None, strike: false, raise: Pt::ZERO, chip: false }];
            let line = linebreak(&spans, available, Setting { justify: false, language: None }).into_iter().next();
            let mut items = Vec::new();
            if let Some(mut line) = line {
                // An over-long title is cut with an ellipsis: one line an entry.
                if line.fragments.len() == 1 && line.fragments[0].text.trim_end() != entry.title.trim_end() {
                    line.fragments[0].text = format!("{}…", line.fragments[0].text.trim_end());
                }
                items = self.line_items(&spans, &line, x + indent, leading, size, Pt::ZERO);
            }
            // The entry's page number and link come in `finish`, in the
            // place of the slot, so that they stand in the entry.
            items.push((Point::default(), Item::Tag(Tag::Slot(i))));
            let items = tagged(Role::TocItem, tagged(Role::Link(format!("Go to the section “{}”", entry.title)), items));
            self.chunks.push(Chunk {
                height: leading,
                space_before: if entry.level == 2 && i > 0 { Pt(3.0) } else { Pt::ZERO },
                items,
                keep_with_next: i == 0 && n > 1 || i + 2 == n,
                toc_entry: Some(i),
                ..Chunk::default()
            });
        }
        if let Some(last) = self.chunks.last_mut() {
            last.keep_with_next = false;
        }
        self.wrap(toc_from, Role::Toc);
    }
}

/// Placed items, relative to a chunk's or band's top-left corner.
type Items = Vec<(Point, Item)>;

/// Links to a footnote and back to its reference travel as these
/// prefixes of a link address, with the note's number.
const NOTE_LINK: &str = "#azint-footnote-";
const NOTE_REF_LINK: &str = "#azint-footnote-ref-";

/// An index's type size, leading, sub-entry indent and turnover hang.
const INDEX_SIZE: Pt = Pt(9.5);
const INDEX_LEADING: Pt = Pt(13.2);
const INDEX_INDENT: Pt = Pt(14.0);
const INDEX_HANG: Pt = Pt(12.0);
/// The widest page number an index reserves room for: documents of up to
/// 99,999 pages (a wider number still fits, in the gap before it).
const INDEX_WIDEST: &str = "00000";

/// What an index sub-entry names: `[title](#section), date`. Its first
/// run must be the link.
fn index_ref(runs: &[Run]) -> Option<IndexRef> {
    let url = runs.first()?.link.as_deref()?;
    let anchor = url.strip_prefix('#')?;
    let linked = runs.iter().take_while(|r| r.link.as_deref() == Some(url)).count();
    let title = plain(&runs[..linked]);
    let rest = plain(&runs[linked..]);
    let date = rest.trim_start().trim_start_matches(',').trim().to_owned();
    Some(IndexRef { title, anchor: anchor.to_owned(), date })
}

/// Where a link of the Markdown goes, and that in words.
fn link_target(url: &str) -> (Target, String) {
    if let Some(n) = url.strip_prefix(NOTE_REF_LINK).and_then(|n| n.parse().ok()) {
        return (Target::NoteRef(n), format!("Back to where footnote {n} is referred to"));
    }
    if let Some(n) = url.strip_prefix(NOTE_LINK).and_then(|n| n.parse().ok()) {
        return (Target::Note(n), format!("Footnote {n}"));
    }
    (Target::Uri(url.to_owned()), format!("Link to {url}"))
}

/// A note's first line, laid out as one paragraph (its number, a link
/// back, then its text), retagged so the number is the note's label:
/// `Lbl` (the link) then `P` (the text) instead of `P` holding both.
fn label_note(items: &mut Vec<(Point, Item)>) {
    let is_p = |i: &(Point, Item)| i.1 == Item::Tag(Tag::Open(Role::Paragraph));
    let Some(p) = items.iter().position(is_p) else { return };
    let Some(link) = items.iter().position(|(_, i)| matches!(i, Item::Tag(Tag::Open(Role::Link(_))))) else { return };
    let Some(end) = items[link..].iter().position(|(_, i)| *i == Item::Tag(Tag::Close)).map(|e| link + e) else { return };
    if p > link {
        return;
    }
    let paragraph = items.remove(p);
    let (link, end) = (link - 1, end - 1);
    items.insert(end + 1, close());
    items.insert(end + 2, paragraph);
    items.insert(link, open(Role::Label));
}

/// The colour of a GitHub alert's bar and label, as GitHub draws them.
fn callout_colour(kind: Callout) -> Color {
    match kind {
        Callout::Note => Color::rgb(0x09, 0x69, 0xda),
        Callout::Tip => Color::rgb(0x1a, 0x7f, 0x37),
        Callout::Important => Color::rgb(0x82, 0x50, 0xdf),
        Callout::Warning => Color::rgb(0x9a, 0x67, 0x00),
        Callout::Caution => Color::rgb(0xcf, 0x22, 0x2e),
    }
}

/// A block's text, plainly (for a footnote that holds more than
/// paragraphs).
fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph { runs } | Block::Heading { runs, .. } => plain(runs),
        Block::Code { text, .. } => text.clone(),
        Block::List { items, .. } => items.iter().flat_map(|i| i.iter().map(block_text)).collect::<Vec<_>>().join("; "),
        Block::Quote(inner) | Block::Callout { blocks: inner, .. } => inner.iter().map(block_text).collect::<Vec<_>>().join(" "),
        _ => String::new(),
    }
}

/// A copy of `chunk` marked as an artifact, its own structure tags left
/// out: a table header repeated on a later page.
fn artifact(chunk: &Chunk) -> Chunk {
    let items = chunk.items.iter().filter(|(_, i)| !matches!(i, Item::Tag(_))).cloned().collect();
    Chunk { items: tagged(Role::Artifact, items), ..chunk.clone() }
}

/// Text as a typesetter sets it (the Markdown keeps the data's
/// characters): ’ for an apostrophe, ‘…’ and “…” for quotes that open after
/// a space or bracket and close elsewhere, … for three dots, – for a spaced
/// hyphen and `--`, — for `---`, and a no-break space between a day and its
/// month. `before` is the character before the text (the end of the run
/// before it).
pub fn typographic(text: &str, before: Option<char>) -> String {
    const MONTHS: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = if i == 0 { before } else { Some(chars[i - 1]) };
        let opens = prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}/".contains(p));
        match c {
            '\'' => out.push(if opens { '\u{2018}' } else { '\u{2019}' }),
            '"' => out.push(if opens { '\u{201c}' } else { '\u{201d}' }),
            '.' if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') => {
                out.push('\u{2026}');
                i += 2;
            }
            '-' if chars.get(i + 1) == Some(&'-') && chars.get(i + 2) == Some(&'-') => {
                out.push('\u{2014}');
                i += 2;
            }
            '-' if chars.get(i + 1) == Some(&'-') => {
                out.push('\u{2013}');
                i += 1;
            }
            '-' if prev == Some(' ') && chars.get(i + 1) == Some(&' ') => out.push('\u{2013}'),
            ' ' if prev.is_some_and(|p| p.is_ascii_digit())
                && !(i >= 3 && chars[i - 3].is_ascii_digit())
                && MONTHS.iter().any(|m| chars[i + 1..].iter().take(m.len()).copied().eq(m.chars())) =>
            {
                out.push('\u{a0}');
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// Replaces characters `face` cannot draw with a visible stand-in, and
/// drops control characters (which draw nothing and would measure as
/// nothing); a hard line break stays.
fn visible_text(fonts: &Fonts, face: Face, text: &str) -> String {
    let keep = |c: char| !c.is_control() || c == '\n';
    if text.chars().all(|c| keep(c) && fonts.face(face).has_glyph(c)) {
        return text.to_owned();
    }
    text.chars().filter(|&c| keep(c)).map(|c| super::fonts::visible(fonts, face, c)).collect()
}

/// Column widths from content: each column gets at least its longest word
/// and at most its longest line, and the table fills the text width.
fn column_widths(fonts: &Fonts, header: &[Vec<Span>], rows: &[Vec<Vec<Span>>], width: Pt, columns: usize) -> Vec<Pt> {
    let pad = style::CELL_PAD_X * 2.0;
    let mut min = vec![Pt(12.0); columns];
    let mut max = vec![Pt(12.0); columns];
    // Measuring every row of a 100,000-row table is wasted work: a sample
    // spread over the table gives the same widths.
    let step = (rows.len() / 400).max(1);
    for cells in std::iter::once(header).chain(rows.iter().step_by(step).map(Vec::as_slice)) {
        for (c, spans) in cells.iter().enumerate().take(columns) {
            let mut line = Pt::ZERO;
            let mut longest_word = Pt::ZERO;
            for span in spans {
                line += fonts.width(span.face, &span.text, span.size);
                for word in span.text.split_whitespace() {
                    longest_word = longest_word.max(fonts.width(span.face, word, span.size));
                }
            }
            min[c] = min[c].max(longest_word.min(Pt(110.0)) + pad);
            max[c] = max[c].max(line + pad);
        }
    }
    // A column of short cells (dates, kinds, short names) never wraps:
    // "30 September / 2025" reads badly.
    for c in 0..columns {
        if max[c] <= style::NO_WRAP + pad {
            min[c] = max[c];
        }
    }
    let min_total: Pt = min.iter().copied().sum();
    let max_total: Pt = max.iter().copied().sum();
    if max_total <= width {
        // Everything fits on one line: the table takes its natural width
        // and a little air, not the whole measure (a label far left and
        // its number far right read badly).
        let extra = ((width - max_total) / columns as f32).min(style::CELL_AIR);
        return max.iter().map(|&m| m + extra).collect();
    }
    if min_total >= width {
        return min.iter().map(|&m| m * (width.0 / min_total.0)).collect();
    }
    let room = width - min_total;
    let want: Pt = min.iter().zip(&max).map(|(&a, &b)| b - a).sum();
    min.iter().zip(&max).map(|(&a, &b)| a + room * ((b - a).0 / want.0.max(0.001))).collect()
}

fn text(face: Face, size: Pt, color: Color, text: String, width: Pt) -> Item {
    Item::Text(Text { face, size, color, text, space_adjust: Pt::ZERO, width })
}

#[cfg(test)]
mod typographic_tests {
    use super::typographic;

    #[test]
    fn punctuation_is_set_as_a_typesetter_would() {
        assert_eq!(typographic("Azerbaijan's \"four pillars\" -- and 'more'...", None), "Azerbaijan’s “four pillars” – and ‘more’…");
        assert_eq!(typographic("2024 - 2026 --- done", None), "2024 – 2026 — done");
        assert_eq!(typographic("on 12 February 2026, not 2026 February", None), "on 12\u{a0}February 2026, not 2026 February");
        // A quote right after the run before closes it.
        assert_eq!(typographic("\" said", Some('x')), "” said");
        assert_eq!(typographic("\"said\"", Some(' ')), "“said”");
    }
}
