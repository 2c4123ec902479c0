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
    /// The catalogue the document's own words come from: the table of
    /// contents' heading, labels, and what screen readers say for links
    /// and figures.
    pub words: std::sync::Arc<crate::words::Catalogue>,
    /// Every page's foot says DRAFT, quietly: a briefing not issued yet.
    pub draft: bool,
    /// The handling marking, at the left of every page's foot.
    pub marking: Option<String>,
    /// How links are set.
    pub links: Links,
    /// Names whose words are never hyphenated (the pillars', the
    /// partners'), given as data.
    pub names: Vec<String>,
}

/// How links look (issue 27, item 7). On paper a link cannot be followed,
/// so by default it is set as the text around it is (no colour, no
/// underline): seventy blue titles read as a web page. On screen the
/// colour says "this goes somewhere".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Links {
    /// In the text's colour: for print.
    #[default]
    Quiet,
    /// In the link colour: for reading on screen.
    Colour,
}

impl PageSetup {
    pub const A4: Size = Size { w: Pt(595.28), h: Pt(841.89) };
    pub const LETTER: Size = Size { w: Pt(612.0), h: Pt(792.0) };

    /// The text area: the measure wide ([`style::MEASURE`]), centred
    /// (margins of 98 pt on A4, 106 pt on Letter), and 104 pt from top and bottom, which hold
    /// the running header and footer. The text stays out
    /// of the top and bottom eighth of the page, where readers and checkers
    /// of tagged PDF expect only running heads: a table's repeated cell
    /// there on three pages would read as one (outloud's PAG-001).
    pub fn area(&self) -> Rect {
        let (top, bottom) = (Pt(104.0), Pt(104.0));
        let side = ((self.size.w - style::MEASURE) / 2.0).max(Pt(36.0));
        Rect::new(side, top, self.size.w - side - side, self.size.h - top - bottom)
    }
}

/// Lists, charts, code, images, alerts, the table of contents.
mod boxes;
mod index;
mod notes;
mod links;
mod pages;
mod running;
/// The house style.
pub(crate) mod style;
mod table;
mod typographic;

pub use typographic::{typographic, typographic_in};

use index::{IndexRef, INDEX_LEADING, INDEX_SIZE};
use notes::{collect_notes, NOTE_LINK};
use links::{followable, link_target};
use pages::{finish, paginate, shift, translate};
use table::sibling_tables;

/// Lays out `blocks` on pages; also returns warnings (charts that could
/// not be drawn and were set as code).
pub fn layout(
    blocks: &[Block],
    setup: &PageSetup,
    images: &std::collections::BTreeMap<String, std::sync::Arc<super::image::Image>>,
    maps: &std::collections::BTreeMap<String, std::sync::Arc<super::chart::map::Map>>,
) -> (Document, Vec<String>) {
    let area = setup.area();
    let mut builder = Builder {
        fonts: Fonts::get(),
        words: &setup.words,
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
        maps,
        used_images: Vec::new(),
        after_caption: false,
        lists: 0,
        siblings: sibling_tables(blocks),
        sibling_widths: std::collections::HashMap::new(),
        index_next: false,
        index_refs: Vec::new(),
        record_rows: blocks.contains(&Block::Index),
        names: super::linebreak::name_words(setup.names.iter().map(String::as_str)),
        link_color: match setup.links {
            Links::Quiet => None,
            Links::Colour => Some(style::LINK),
        },
        annex: false,
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

/// A lead-in: a paragraph that ends with a colon before what it
/// introduces, or that a list follows directly. It keeps with it (issue
/// 27: "The most frequent:" ended a page, its table began the next). A
/// paragraph without a colon before a table or chart is not one: a figure
/// that does not fit may float to the next page, the text after it filling
/// the room (which a kept paragraph would leave blank).
fn is_lead_in(runs: &[Run], next: Option<&Block>) -> bool {
    let colon = runs.iter().rev().find(|r| !r.style.note && !r.text.trim().is_empty()).is_some_and(|r| r.text.trim_end().ends_with(':'));
    match next {
        Some(Block::List { .. }) => true,
        Some(Block::Table { .. } | Block::Code { .. } | Block::Paragraph { .. } | Block::Quote(_) | Block::Callout { .. }) => colon,
        _ => false,
    }
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
    /// A line that ends inside a word ([`Line::split`]): never the last
    /// of a page or of a page's footnotes.
    split: bool,
    /// A line of a lead-in, kept with what it introduces unless that
    /// would leave a page more than a quarter blank.
    lead_in: bool,
}

struct Builder<'f> {
    fonts: &'f Fonts,
    words: &'f crate::words::Catalogue,
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
    /// The maps, drawn where the Markdown names them as images.
    maps: &'f std::collections::BTreeMap<String, std::sync::Arc<super::chart::map::Map>>,
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
    /// The colour of links and footnote numbers; `None`: the colour of the
    /// text around them.
    link_color: Option<Color>,
    /// The words of [`PageSetup::names`] ([`super::linebreak::name_words`]).
    names: std::collections::HashSet<String>,
    /// Past the annexes' heading: smaller type ([`style::running`]).
    annex: bool,
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
                    let (size, leading, paragraph_gap) = style::running(self.annex);
                    let gap = match i.checked_sub(1).map(|p| &blocks[p]) {
                        _ if first => Pt::ZERO,
                        Some(Block::Paragraph { runs: before }) if labelled && is_labelled(before) => Pt(1.5),
                        _ => paragraph_gap,
                    };
                    // Lists are set ragged too: their lines are short and
                    // justified ones opened wide word spaces.
                    let justify = !labelled && self.lists == 0 && width >= style::BODY * style::JUSTIFY_EMS;
                    let width = width.min(style::MEASURE);
                    let from = self.chunks.len();
                    self.paragraph(runs, x, width, Face::Serif, size, leading, justify, gap);
                    if is_lead_in(runs, blocks.get(i + 1)) {
                        if let Some(last) = self.chunks.last_mut() {
                            last.keep_with_next = true;
                        }
                        // A short lead-in goes with its figure when that
                        // floats to the next page.
                        let figure = matches!(blocks.get(i + 1), Some(Block::Table { .. } | Block::Code { .. } | Block::Paragraph { .. }));
                        if figure && self.chunks[from..].iter().all(|c| c.keep_with_next) {
                            if let Some(first) = self.chunks.get_mut(from) {
                                first.figure = true;
                            }
                        }
                        self.chunks[from..].iter_mut().for_each(|c| c.lead_in = true);
                    }
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
                let Style { bold, italic, code, strike, note, chip, lang } = r.style;
                if chip {
                    // Room for the square and a little space after it.
                    let color = super::chart::parse_color(&r.text).unwrap_or(style::MUTED);
                    return Span { text: CHIP_ROOM.to_owned(), face: Face::Sans, size, color, link: None, strike: false, raise: Pt::ZERO, chip: true, lang: None };
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
                        color: self.link_color.unwrap_or(color),
                        link: Some(format!("{NOTE_LINK}{n}")),
                        strike: false,
                        raise: size * 0.36,
                        chip: false,
                        lang: None,
                    };
                }
                let color = if r.link.is_some() { self.link_color.unwrap_or(color) } else { color };
                // Code, and an address shown as itself, keep their
                // characters; other text is set with typographic punctuation.
                let literal = code || r.link.as_deref() == Some(r.text.as_str());
                let text = if literal { r.text.clone() } else { typographic_in(&r.text, previous, self.words.lang()) };
                let lang = lang.map(crate::words::Lang::tag);
                Span { text: visible_text(self.fonts, face, &text), face, size, color, link: r.link.clone(), strike, raise: Pt::ZERO, chip: false, lang }
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
            // Text in another language is its own `Span` with its `/Lang`.
            let text = match span.lang {
                Some(tag) => tagged(Role::Lang(tag), vec![(at, text)]),
                None => vec![(at, text)],
            };
            match &span.link {
                // A link the reader's viewer would run, or one to a file on
                // the reader's disk (`javascript:`, `file:`), is not made:
                // its text stays (red team).
                Some(url) if !followable(url) => items.extend(text),
                // The link's element holds its text and its annotation.
                Some(url) => {
                    let (target, said) = link_target(url, self.words);
                    let annotation = (Point::new(at.x, Pt::ZERO), Item::Link { size: Size { w: width, h: leading }, target });
                    items.extend(tagged(Role::Link(said), std::iter::once(annotation).chain(text).collect()));
                }
                None => items.extend(text),
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
        let lines = linebreak(&spans, width, Setting { justify, language: self.language, names: Some(&self.names) });
        let n = lines.len();
        let from = self.chunks.len();
        for (i, line) in lines.iter().enumerate() {
            self.chunks.push(Chunk {
                height: leading,
                space_before: if i == 0 { gap } else { Pt::ZERO },
                items: self.line_items(&spans, line, x, leading, size, Pt::ZERO),
                // A word split over two lines is never split over two
                // pages: its lines keep together.
                keep_with_next: keeps_with_next(i, n, 3) || line.split,
                split: line.split,
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
        let lines = linebreak(&spans, width, Setting::RAGGED);
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
        // In the annexes a heading is set a level smaller, but for theirs.
        let annexes = level == 2 && plain(runs) == self.words.text("heading-annexes", &[]);
        let (size, leading, space_before, color) = style::heading(if self.annex && !annexes { (level + 1).min(4) } else { level });
        self.annex |= annexes;
        let spans = self.spans(runs, Face::SansBold, size, color);
        // A pillar's colour tab before its heading; the text moves right.
        let tab = self.tab.take();
        let indent = if tab.is_some() { size * 0.75 } else { Pt::ZERO };
        let lines = linebreak(&spans, width - indent, Setting::RAGGED);
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

}

/// Placed items, relative to a chunk's or band's top-left corner.
type Items = Vec<(Point, Item)>;


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

/// Whether line or row `i` of `n` keeps with the next: the first two stay
/// together and so do the last two, so that a break leaves at least two on
/// each side (no widow, no orphan); a block of `whole` or fewer is never
/// split.
fn keeps_with_next(i: usize, n: usize, whole: usize) -> bool {
    i + 1 < n && (n <= whole || i == 0 || i + 2 == n)
}

/// A copy of `chunk` marked as an artifact, its own structure tags left
/// out: a table header repeated on a later page.
fn artifact(chunk: &Chunk) -> Chunk {
    let items = chunk.items.iter().filter(|(_, i)| !matches!(i, Item::Tag(_))).cloned().collect();
    Chunk { items: tagged(Role::Artifact, items), ..chunk.clone() }
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

fn text(face: Face, size: Pt, color: Color, text: String, width: Pt) -> Item {
    Item::Text(Text { face, size, color, text, space_adjust: Pt::ZERO, width })
}
