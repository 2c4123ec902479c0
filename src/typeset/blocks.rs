//! Markdown to blocks: the first step of typesetting.
//!
//! pulldown-cmark's events become a tree of [`Block`]s (headings,
//! paragraphs of styled runs, lists, tables, quotes, code, rules) that the
//! layout measures and places. Two HTML comments, which Markdown viewers
//! hide, carry what Markdown cannot say: `<!-- toc -->` (the table of
//! contents goes here), `<!-- pagebreak -->` and `<!-- index -->` (the
//! list that follows is a book index: its entries get page numbers).
//!
//! All of GitHub-flavoured Markdown is read: tables, strikethrough, task
//! lists, footnotes, alerts (`> [!NOTE]`), images, bare URLs as links.
//! Raw HTML is not drawn (the text between its tags is, an HTML block's
//! as a paragraph); templates that write it are warned about when they
//! are compiled.
//!
//! Containers (quotes, lists, footnotes) nest at most [`MAX_NESTING`]
//! levels: the layout recurses per level, and 6,000 levels of `>`
//! overflowed its stack (issue 29, item 4). Deeper levels are set at the
//! deepest allowed, their text kept, and [`read`] says where.

use pulldown_cmark::{Alignment, BlockQuoteKind, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A block of the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading { level: u8, runs: Vec<Run> },
    Paragraph { runs: Vec<Run> },
    List { start: Option<u64>, items: Vec<Vec<Block>> },
    Table { aligns: Vec<Align>, header: Vec<Vec<Run>>, rows: Vec<Vec<Vec<Run>>> },
    Quote(Vec<Block>),
    Code { lang: String, text: String },
    Rule,
    /// `<!-- toc -->`
    Toc,
    /// `<!-- pagebreak -->`
    PageBreak,
    /// `<!-- index -->`: the next list is an index. Each item is a heading
    /// entry, its nested items are sub-entries; a sub-entry that starts
    /// with a link to a section (`[title](#section), date`) gets the page
    /// where that title stands in that section (a heading there), else in
    /// a table row (a chronology), else the section's own page.
    Index,
    /// `<!-- colour #rrggbb -->`: the colour of the next heading's tab (a
    /// pillar's colour).
    Colour(String),
    /// A GitHub alert (`> [!NOTE]` …): a tinted box with a label.
    Callout { kind: Callout, blocks: Vec<Block> },
    /// An image: `![alt](src)`, with an optional `=WIDTHpt` or `=N%` at the
    /// end of the alt text for its width.
    Image { src: String, alt: String },
    /// A task list item's box (`- [x]`), first in its item.
    Task(bool),
    /// A footnote's text, `[^label]: …`, wherever the Markdown defines it.
    Note { label: String, blocks: Vec<Block> },
}

/// The kinds of GitHub alert.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Callout {
    Note,
    Tip,
    Important,
    Warning,
    Caution,
}

/// Column alignment of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Inline style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    /// `~~struck~~`.
    pub strike: bool,
    /// A footnote reference: the run's text is the note's label.
    pub note: bool,
    /// A colour chip (`<!-- colour #rrggbb -->` inside a line, such as a
    /// table cell): the run's text is the colour; drawn as a small square,
    /// not as text.
    pub chip: bool,
    /// Text in another language than the document's, from
    /// `<span lang="ru">…</span>` in the Markdown: tagged with its own
    /// `/Lang` in the PDF.
    pub lang: Option<crate::words::Lang>,
}

/// A piece of text in one style. A run whose text is `"\n"` is a hard line
/// break.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub text: String,
    pub style: Style,
    pub link: Option<String>,
}

/// The plain text of some runs (a colour chip has none).
pub fn plain(runs: &[Run]) -> String {
    runs.iter().filter(|r| !r.style.chip).map(|r| r.text.as_str()).collect()
}

/// How deeply quotes, lists and footnotes may nest: far more than any
/// briefing needs (the built-in templates use three), few enough that the
/// layout's recursion stays well inside a thread's stack.
pub const MAX_NESTING: usize = 32;
/// The language of `<span lang="xx">`: one of the briefings' languages, or
/// none.
fn span_lang(html: &str) -> Option<crate::words::Lang> {
    let rest = html.strip_prefix("<span lang=")?.strip_suffix('>')?;
    crate::words::Lang::parse(rest.trim_matches(|c| c == '"' || c == '\''))
}

/// Parses GitHub-flavoured Markdown into blocks.
pub fn parse(markdown: &str) -> Vec<Block> {
    read(markdown).0
}

/// [`parse`], also giving the 1-based line where containers first nest
/// deeper than [`MAX_NESTING`] (set at that depth, their text kept).
pub fn read(markdown: &str) -> (Vec<Block>, Option<usize>) {
    let mut builder = Builder::default();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM;
    let mut too_deep = None;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        builder.event(event);
        if builder.flattened > 0 && too_deep.is_none() {
            too_deep = Some(markdown[..range.start].matches('\n').count() + 1);
        }
    }
    (super::chips::apply(contents(builder.finish())), too_deep)
}

/// The Markdown's own table of contents (`report::contents`): a paragraph
/// all in bold, then a list whose every item is one link to a section
/// (`#anchor`), becomes [`Block::Toc`], so the PDF draws its contents with
/// page numbers where the Markdown lists its links (issue 27, item 8).
fn contents(mut blocks: Vec<Block>) -> Vec<Block> {
    let title = |b: &Block| matches!(b, Block::Paragraph { runs } if !runs.is_empty() && runs.iter().all(|r| r.style.bold && r.link.is_none()));
    let links = |b: &Block| match b {
        Block::List { start: None, items } => {
            !items.is_empty()
                && items.iter().all(|item| {
                    matches!(item.as_slice(), [Block::Paragraph { runs }] if !runs.is_empty() && runs.iter().all(|r| r.link.as_deref().is_some_and(|l| l.starts_with('#'))))
                })
        }
        _ => false,
    };
    if let Some(at) = (0..blocks.len().saturating_sub(1)).find(|&i| title(&blocks[i]) && links(&blocks[i + 1])) {
        blocks.splice(at..at + 2, [Block::Toc]);
    }
    blocks
}

/// A block being built.
enum Open {
    Quote(Option<Callout>, Vec<Block>),
    Note(String, Vec<Block>),
    List { start: Option<u64>, items: Vec<Vec<Block>> },
    Item(Vec<Block>),
    Table { aligns: Vec<Align>, header: Vec<Vec<Run>>, rows: Vec<Vec<Vec<Run>>>, in_head: bool },
}

#[derive(Default)]
struct Builder {
    done: Vec<Block>,
    open: Vec<Open>,
    /// Inline text being collected (paragraph, heading, cell, tight item).
    runs: Vec<Run>,
    heading: Option<u8>,
    code: Option<(String, String)>,
    bold: u32,
    italic: u32,
    strike: u32,
    links: Vec<String>,
    /// The current table row's cells.
    row: Vec<Vec<Run>>,
    /// An image being read: its address and alt text.
    image: Option<(String, String)>,
    /// Containers opened past [`MAX_NESTING`], not opened: their
    /// blocks go to the deepest open one.
    flattened: usize,
    /// An HTML block being read: its text.
    html: Option<String>,
    /// The `<span lang="…">` open around the text, innermost last (none
    /// for a span of a language the briefings do not have).
    langs: Vec<Option<crate::words::Lang>>,
}

impl Builder {
    fn style(&self) -> Style {
        let lang = self.langs.last().copied().flatten();
        Style { bold: self.bold > 0, italic: self.italic > 0, strike: self.strike > 0, lang, ..Style::default() }
    }

    /// Text, with bare `http(s)://` addresses outside links and code made
    /// links, as GitHub does.
    fn push_linked_text(&mut self, text: &str, style: Style) {
        if !self.links.is_empty() || style.code {
            return self.push_text(text, style);
        }
        let find = |s: &str| [s.find("http://"), s.find("https://")].into_iter().flatten().min();
        let mut rest = text;
        while let Some(at) = find(rest) {
            let starts_word = at == 0 || rest[..at].ends_with(|c: char| c.is_whitespace() || "([<\"'".contains(c));
            let end = rest[at..].find(|c: char| c.is_whitespace() || c == '<' || c == '>').map_or(rest.len(), |e| at + e);
            // Trailing punctuation belongs to the sentence.
            let url = rest[at..end].trim_end_matches(|c: char| ".,;:!?)'\"".contains(c));
            let scheme_only = url.trim_end_matches('/').ends_with(':') || !url.contains('.');
            if !starts_word || scheme_only {
                self.push_text(&rest[..at + 4], style);
                rest = &rest[at + 4..];
                continue;
            }
            self.push_text(&rest[..at], style);
            self.links.push(url.to_owned());
            self.push_text(url, style);
            self.links.pop();
            rest = &rest[at + url.len()..];
        }
        if !rest.is_empty() {
            self.push_text(rest, style);
        }
    }

    fn push_text(&mut self, text: &str, style: Style) {
        let link = self.links.last().cloned();
        if let Some(last) = self.runs.last_mut() {
            if last.style == style && last.link == link && last.text != "\n" {
                last.text.push_str(text);
                return;
            }
        }
        self.runs.push(Run { text: text.to_owned(), style, link });
    }

    /// Adds a finished block to the innermost container.
    fn add(&mut self, block: Block) {
        match self.open.last_mut() {
            Some(Open::Quote(_, blocks)) | Some(Open::Item(blocks)) | Some(Open::Note(_, blocks)) => blocks.push(block),
            // Blocks directly in a list or table cannot happen in
            // CommonMark; keep them rather than lose them.
            Some(Open::List { items, .. }) => items.push(vec![block]),
            Some(Open::Table { .. }) | None => self.done.push(block),
        }
    }

    /// Turns collected inline text (a tight list item's) into a paragraph.
    fn flush_runs(&mut self) {
        if !self.runs.is_empty() && self.heading.is_none() {
            let runs = std::mem::take(&mut self.runs);
            self.add(Block::Paragraph { runs });
        }
    }

    fn event(&mut self, event: Event<'_>) {
        if let Some((_, text)) = &mut self.code {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    if let Some((lang, text)) = self.code.take() {
                        self.add(Block::Code { lang, text });
                    }
                }
                _ => {}
            }
            return;
        }
        if let Some((_, alt)) = &mut self.image {
            match event {
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::End(TagEnd::Image) => {
                    if let Some((src, alt)) = self.image.take() {
                        // An image is a block of its own: the text around
                        // it stays in paragraphs before and after.
                        self.flush_runs();
                        self.add(Block::Image { src, alt });
                    }
                }
                _ => {}
            }
            return;
        }
        if let Some(html) = &mut self.html {
            match event {
                Event::Html(t) | Event::Text(t) => html.push_str(&t),
                Event::End(TagEnd::HtmlBlock) => {
                    if let Some(html) = self.html.take() {
                        self.html_block(&html);
                    }
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.push_linked_text(&t, self.style()),
            Event::Code(t) => {
                let style = Style { code: true, ..self.style() };
                self.push_text(&t, style);
            }
            Event::SoftBreak => self.push_text(" ", self.style()),
            Event::HardBreak => {
                let link = self.links.last().cloned();
                self.runs.push(Run { text: "\n".to_owned(), style: self.style(), link });
            }
            Event::Rule => {
                self.flush_runs();
                self.add(Block::Rule);
            }
            Event::InlineHtml(html) if html.starts_with("<!-- colour #") && html.ends_with("-->") => {
                let hex = html.trim_start_matches("<!-- colour").trim_end_matches("-->").trim();
                let style = Style { chip: true, ..Style::default() };
                self.runs.push(Run { text: hex.to_owned(), style, link: None });
            }
            Event::InlineHtml(html) if html.starts_with("<span lang=") => self.langs.push(span_lang(&html)),
            Event::InlineHtml(html) if html.as_ref() == "</span>" => {
                self.langs.pop();
            }
            // Other comments are for the Markdown's readers only. Raw HTML
            // is not drawn (the text between tags is); templates are warned
            // about it when compiled (report::templates::raw_html).
            Event::Html(html) | Event::InlineHtml(html) => {
                self.layout_comment(html.trim());
            }
            Event::FootnoteReference(t) => {
                let style = Style { note: true, ..self.style() };
                // Never merged with a neighbour: each reference is its own run.
                self.runs.push(Run { text: t.into_string(), style, link: None });
            }
            Event::TaskListMarker(done) => {
                self.flush_runs();
                self.add(Block::Task(done));
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push_text(&t, self.style()),
        }
    }

    /// An HTML block: a comment the layout reads, or a comment for the
    /// Markdown's readers only, or text between tags, set as a paragraph
    /// (the template's warning says so: `report::templates::raw_html`).
    fn html_block(&mut self, html: &str) {
        let html = html.trim();
        if self.layout_comment(html) {
            return;
        }
        let text = html_text(html);
        if !text.is_empty() {
            let runs = vec![Run { text, style: Style::default(), link: None }];
            self.add(Block::Paragraph { runs });
        }
    }

    /// A comment the layout reads (`<!-- toc -->`, `<!-- pagebreak -->`,
    /// `<!-- index -->`, `<!-- colour #… -->`), added as its block; whether
    /// `html` was one.
    fn layout_comment(&mut self, html: &str) -> bool {
        let block = match html {
            "<!-- toc -->" => Block::Toc,
            "<!-- pagebreak -->" => Block::PageBreak,
            "<!-- index -->" => Block::Index,
            other if other.starts_with("<!-- colour #") && other.ends_with("-->") => {
                Block::Colour(other.trim_start_matches("<!-- colour").trim_end_matches("-->").trim().to_owned())
            }
            _ => return false,
        };
        self.add(block);
        true
    }

    /// Whether a container may open here: past [`MAX_NESTING`] it is
    /// counted instead, and its blocks join the deepest open container.
    fn may_open(&mut self) -> bool {
        if self.flattened > 0 || self.open.len() >= MAX_NESTING {
            self.flattened += 1;
            return false;
        }
        true
    }

    /// Whether the container ending here was opened (else it was counted
    /// by [`Self::may_open`]).
    fn was_opened(&mut self) -> bool {
        if self.flattened > 0 {
            self.flattened -= 1;
            return false;
        }
        true
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::HtmlBlock => {
                self.flush_runs();
                self.html = Some(String::new());
            }
            Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) | Tag::List(_) | Tag::Item if !self.may_open() => self.flush_runs(),
            Tag::Paragraph => self.flush_runs(),
            Tag::Heading { level, .. } => {
                self.flush_runs();
                self.heading = Some(match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                });
            }
            Tag::BlockQuote(kind) => {
                self.flush_runs();
                let kind = kind.map(|k| match k {
                    BlockQuoteKind::Note => Callout::Note,
                    BlockQuoteKind::Tip => Callout::Tip,
                    BlockQuoteKind::Important => Callout::Important,
                    BlockQuoteKind::Warning => Callout::Warning,
                    BlockQuoteKind::Caution => Callout::Caution,
                });
                self.open.push(Open::Quote(kind, Vec::new()));
            }
            Tag::FootnoteDefinition(label) => {
                self.flush_runs();
                self.open.push(Open::Note(label.into_string(), Vec::new()));
            }
            Tag::Strikethrough => self.strike += 1,
            Tag::CodeBlock(kind) => {
                self.flush_runs();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
            }
            Tag::List(start) => {
                self.flush_runs();
                self.open.push(Open::List { start, items: Vec::new() });
            }
            Tag::Item => {
                self.flush_runs();
                self.open.push(Open::Item(Vec::new()));
            }
            Tag::Table(aligns) => {
                self.flush_runs();
                let aligns = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::Right => Align::Right,
                        Alignment::Center => Align::Center,
                        Alignment::Left | Alignment::None => Align::Left,
                    })
                    .collect();
                self.open.push(Open::Table { aligns, header: Vec::new(), rows: Vec::new(), in_head: false });
            }
            Tag::TableHead => {
                if let Some(Open::Table { in_head, .. }) = self.open.last_mut() {
                    *in_head = true;
                }
            }
            Tag::TableRow | Tag::TableCell => {}
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Link { dest_url, .. } => self.links.push(dest_url.into_string()),
            Tag::Image { dest_url, .. } => self.image = Some((dest_url.into_string(), String::new())),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition | TagEnd::List(_) | TagEnd::Item if !self.was_opened() => self.flush_runs(),
            TagEnd::Paragraph => {
                let runs = std::mem::take(&mut self.runs);
                if !runs.is_empty() {
                    self.add(Block::Paragraph { runs });
                }
            }
            TagEnd::Heading(_) => {
                let runs = std::mem::take(&mut self.runs);
                let level = self.heading.take().unwrap_or(1);
                self.add(Block::Heading { level, runs });
            }
            TagEnd::BlockQuote(_) => {
                self.flush_runs();
                match self.open.pop() {
                    Some(Open::Quote(Some(kind), blocks)) => self.add(Block::Callout { kind, blocks }),
                    Some(Open::Quote(None, blocks)) => self.add(Block::Quote(blocks)),
                    Some(other) => self.open.push(other),
                    None => {}
                }
            }
            TagEnd::FootnoteDefinition => {
                self.flush_runs();
                match self.open.pop() {
                    Some(Open::Note(label, blocks)) => self.add(Block::Note { label, blocks }),
                    Some(other) => self.open.push(other),
                    None => {}
                }
            }
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Item => {
                self.flush_runs();
                if let Some(Open::Item(blocks)) = self.open.pop() {
                    if let Some(Open::List { items, .. }) = self.open.last_mut() {
                        items.push(blocks);
                    }
                }
            }
            TagEnd::List(_) => {
                self.flush_runs();
                if let Some(Open::List { start, items }) = self.open.pop() {
                    self.add(Block::List { start, items });
                }
            }
            TagEnd::TableCell => {
                let runs = std::mem::take(&mut self.runs);
                self.row.push(runs);
            }
            TagEnd::TableHead => {
                let row = std::mem::take(&mut self.row);
                if let Some(Open::Table { header, in_head, .. }) = self.open.last_mut() {
                    *header = row;
                    *in_head = false;
                }
            }
            TagEnd::TableRow => {
                let row = std::mem::take(&mut self.row);
                if let Some(Open::Table { rows, .. }) = self.open.last_mut() {
                    rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(Open::Table { aligns, header, rows, .. }) = self.open.pop() {
                    self.add(Block::Table { aligns, header, rows });
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Link => {
                self.links.pop();
            }
            _ => {}
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush_runs();
        while let Some(open) = self.open.pop() {
            match open {
                Open::Quote(_, blocks) | Open::Item(blocks) | Open::Note(_, blocks) => self.done.extend(blocks),
                Open::List { start, items } => self.done.push(Block::List { start, items }),
                Open::Table { aligns, header, rows, .. } => self.done.push(Block::Table { aligns, header, rows }),
            }
        }
        self.done
    }
}

/// The text of an HTML block: its tags and comments left out, the
/// commonest entities read, white space run together.
fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = if tail.starts_with("<!--") { tail.find("-->").map(|e| e + 3) } else { tail.find('>').map(|e| e + 1) };
        match end {
            Some(end) => {
                text.push(' ');
                rest = &tail[end..];
            }
            // A `<` that opens no tag is text.
            None => {
                text.push('<');
                rest = &tail[1..];
            }
        }
    }
    text.push_str(rest);
    let text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_and_styles() {
        let blocks = parse("# Title\n\nSome *it* and **bold** `code` [link](https://x.org).\n\n<!-- toc -->\n");
        assert_eq!(blocks.len(), 3);
        assert!(matches!(&blocks[0], Block::Heading { level: 1, runs } if plain(runs) == "Title"));
        let Block::Paragraph { runs } = &blocks[1] else { panic!() };
        assert_eq!(plain(runs), "Some it and bold code link.");
        assert!(runs.iter().any(|r| r.text == "it" && r.style.italic));
        assert!(runs.iter().any(|r| r.text == "bold" && r.style.bold));
        assert!(runs.iter().any(|r| r.text == "code" && r.style.code));
        assert!(runs.iter().any(|r| r.text == "link" && r.link.as_deref() == Some("https://x.org")));
        assert_eq!(blocks[2], Block::Toc);
    }

    #[test]
    fn nested_lists_and_tables() {
        let blocks = parse("- a\n- b\n  1. c\n  2. d\n\n| A | B |\n| --- | ---: |\n| x \\| y | 2 |\n");
        let Block::List { start: None, items } = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[1][1], Block::List { start: Some(1), items } if items.len() == 2));
        let Block::Table { aligns, header, rows } = &blocks[1] else { panic!() };
        assert_eq!(aligns, &[Align::Left, Align::Right]);
        assert_eq!(plain(&header[1]), "B");
        assert_eq!(plain(&rows[0][0]), "x | y");
    }

    #[test]
    fn escaped_text_stays_literal() {
        let blocks = parse(r"\*Not\* a \[link\] \<b\>");
        let Block::Paragraph { runs } = &blocks[0] else { panic!() };
        assert_eq!(plain(runs), "*Not* a [link] <b>");
    }

    #[test]
    fn code_blocks_keep_their_text() {
        let blocks = parse("```mermaid\npie\n  \"A\" : 1\n```\n");
        assert_eq!(blocks, [Block::Code { lang: "mermaid".into(), text: "pie\n  \"A\" : 1\n".into() }]);
    }
}
