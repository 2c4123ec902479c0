//! Footnotes: numbered in order of first reference, set at the foot of the
//! page that refers to them, each linked both ways.

use super::*;

impl Builder<'_> {
    /// The number of the footnote labelled `label`: numbered in order of
    /// first reference, through the whole document.
    pub(super) fn note_number(&self, label: &str) -> u32 {
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
    pub(super) fn lay_out_notes(&mut self, width: Pt) -> Vec<Vec<Chunk>> {
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
            // Text is set small, a line after its number; a table or an
            // image is drawn as in the body, at the note's width, so that
            // nothing a template puts in a note vanishes (issue 29, item 4).
            let mut numbered = false;
            for block in &blocks {
                let runs = match block {
                    Block::Paragraph { runs } | Block::Heading { runs, .. } => runs.clone(),
                    Block::Table { .. } | Block::Image { .. } => {
                        if !numbered {
                            self.paragraph(std::slice::from_ref(&number), Pt::ZERO, width, Face::Serif, style::NOTE, style::NOTE_LEADING, false, Pt::ZERO);
                            numbered = true;
                        }
                        self.blocks(std::slice::from_ref(block), Pt::ZERO, width);
                        continue;
                    }
                    other => vec![Run { text: block_text(other), style: Style::default(), link: None }],
                };
                if runs.is_empty() {
                    continue;
                }
                let runs = if numbered { runs } else { [vec![number.clone(), space.clone()], runs].concat() };
                numbered = true;
                self.paragraph(&runs, Pt::ZERO, width, Face::Serif, style::NOTE, style::NOTE_LEADING, false, Pt::ZERO);
            }
            if !numbered {
                self.paragraph(std::slice::from_ref(&number), Pt::ZERO, width, Face::Serif, style::NOTE, style::NOTE_LEADING, false, Pt::ZERO);
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
}

/// Every footnote's text by label, wherever it is defined.
pub(super) fn collect_notes(blocks: &[Block], out: &mut std::collections::BTreeMap<String, Vec<Block>>) {
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

/// Links to a footnote and back to its reference travel as these
/// prefixes of a link address, with the note's number.
pub(super) const NOTE_LINK: &str = "#azint-footnote-";

pub(super) const NOTE_REF_LINK: &str = "#azint-footnote-ref-";
