//! Blocks set as boxes of their own: lists, charts, code, images, GitHub's
//! alerts and the table of contents. Split from `flow/mod.rs`, which keeps
//! the chunks, paragraphs and headings these are made of.

use super::*;

impl Builder<'_> {
    pub(super) fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], x: Pt, width: Pt, first: bool) {
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
                let label = tagged(Role::Figure(self.words.text(if done { "task-done" } else { "task-not-done" }, &[])), boxed);
                chunk.items.splice(0..0, tagged(Role::Label, label));
                chunk.space_before = if n == 0 && !first { style::PARAGRAPH_GAP } else { Pt(2.0) };
                self.wrap(from, Role::ListItem);
                continue;
            }
            let marker = match start {
                Some(s) => format!("{}.", s + n as u64),
                None => if x > Pt::ZERO { "–".to_owned() } else { "•".to_owned() },
            };
            let (_, _, gap) = style::running(self.annex);
            if let Some(chunk) = self.chunks.get_mut(from) {
                // Items of the annexes' lists (the index) sit closer.
                chunk.space_before = if n == 0 && !first { gap } else if self.annex { Pt(0.8) } else { Pt(2.0) };
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
    pub(super) fn chart(&mut self, text: &str, x: Pt, width: Pt) {
        self.charts += 1;
        match crate::typeset::chart::parse(text) {
            Ok(chart) => {
                let drawing = crate::typeset::chart::draw(&chart, width, self.words);
                let alt = crate::typeset::chart::description(&chart, self.words);
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

    pub(super) fn code(&mut self, text: &str, x: Pt, width: Pt) {
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
            for c in line.replace('\t', "    ").chars().map(|c| crate::typeset::fonts::visible(self.fonts, Face::Mono, c)) {
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
                keep_with_next: keeps_with_next(i, n, 3),
                ..Chunk::default()
            });
        }
        if let Some(last) = self.chunks.last_mut() {
            last.keep_with_next = false;
        }
        self.wrap(from, Role::Code);
    }

    /// An image: as wide as asked (`=120pt`, `=40%` at the end of its alt
    /// text), else its natural size at 96 pixels an inch, never wider than
    /// the text nor taller than half a page; centred. An image the pipeline
    /// did not read (none should be) is named in a warning and its alt text
    /// set instead.
    pub(super) fn image(&mut self, src: &str, alt: &str, x: Pt, width: Pt) {
        if let Some(map) = self.maps.get(src) {
            return self.map(&map.clone(), x, width);
        }
        let (alt, hint) = crate::typeset::image::size_hint(alt);
        let Some(image) = self.images.get(src) else {
            self.warnings.push(format!("image `{src}` was not read; its alt text is set instead"));
            let runs = vec![Run { text: format!("[{alt}]"), style: Style::default(), link: None }];
            self.paragraph(&runs, x, width, Face::Serif, style::BODY, style::BODY_LEADING, false, style::PARAGRAPH_GAP);
            return;
        };
        let natural = Pt(image.width as f32 * 0.75);
        let wanted = match hint {
            Some(crate::typeset::image::Hint::Points(w)) => Pt(w),
            Some(crate::typeset::image::Hint::Share(share)) => width * share,
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
        let description = if alt.trim().is_empty() { self.words.text("image-without-alt", &[("src", src.into())]) } else { alt.trim().to_owned() };
        let left = x + (width - size.w) / 2.0;
        self.chunks.push(Chunk {
            height: size.h + Pt(4.0),
            space_before: style::PARAGRAPH_GAP,
            items: tagged(Role::Figure(description), vec![(Point::new(left, Pt(2.0)), Item::Image { size, index })]),
            ..Chunk::default()
        });
    }

    /// A map (issue 26): drawn as vectors to the column's width, a figure
    /// whose alt text says what it shows.
    pub(super) fn map(&mut self, map: &crate::typeset::chart::map::Map, x: Pt, width: Pt) {
        // The text's measure: the map ends at the right edge text and
        // tables end at.
        let drawn = crate::typeset::chart::map::draw(map, width.min(style::MEASURE), self.words);
        let items = drawn.drawing.items.into_iter().map(|(p, item)| (Point::new(p.x + x, p.y), shift(item, x))).collect();
        self.chunks.push(Chunk {
            height: drawn.drawing.size.h + Pt(4.0),
            space_before: Pt(10.0),
            items: tagged(Role::Figure(map.alt().to_owned()), items),
            figure: true,
            ..Chunk::default()
        });
    }

    /// A GitHub alert: a tinted box with a bar in the kind's colour, kept
    /// whole on a page when it is short. The box carries the briefing's own
    /// words only: GitHub's label ("Important", "Note") is a word of the
    /// web page's furniture, not of the briefing (issue 27, item 3), so
    /// the kind shows as the bar's colour.
    pub(super) fn callout(&mut self, kind: Callout, blocks: &[Block], x: Pt, width: Pt) {
        let color = callout_colour(kind);
        let tint = Color { r: 1.0 - (1.0 - color.r) * 0.08, g: 1.0 - (1.0 - color.g) * 0.08, b: 1.0 - (1.0 - color.b) * 0.08 };
        let pad = Pt(8.0);
        let inner_x = x + pad + Pt(3.0);
        let from = self.chunks.len();
        self.blocks(blocks, inner_x, width - pad * 2.0 - Pt(3.0));
        // Spaces between the inner chunks become part of them, so that the
        // tint runs on without gaps; a little room opens and closes the box.
        for (i, chunk) in self.chunks[from..].iter_mut().enumerate() {
            let gap = if i == 0 { pad } else { chunk.space_before };
            if gap > Pt::ZERO {
                for (p, item) in &mut chunk.items {
                    *item = translate(item, Pt::ZERO, gap);
                    *p = Point::new(p.x, p.y + gap);
                }
                chunk.height += gap;
            }
            chunk.space_before = if i == 0 { style::PARAGRAPH_GAP + Pt(4.0) } else { Pt::ZERO };
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

    pub(super) fn toc(&mut self, x: Pt, width: Pt) {
        let (size, leading, space_before, color) = style::heading(2);
        let title = self.words.text("contents", &[]);
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
            let spans = vec![Span { text: entry.title.clone(), face, size, color: style::TEXT, link: None, strike: false, raise: Pt::ZERO, chip: false, lang: None }];
            let line = linebreak(&spans, available, Setting::RAGGED).into_iter().next();
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
            let said = self.words.text("link-to-section", &[("title", entry.title.as_str().into())]);
            let items = tagged(Role::TocItem, tagged(Role::Link(said), items));
            self.chunks.push(Chunk {
                height: leading,
                space_before: if entry.level == 2 && i > 0 { Pt(3.0) } else { Pt::ZERO },
                items,
                keep_with_next: keeps_with_next(i, n, 0),
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
