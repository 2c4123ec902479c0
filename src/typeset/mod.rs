//! Markdown to PDF: the typesetter.
//!
//! blocks (Markdown → blocks) → linebreak (runs → lines) → flow (blocks →
//! pages of placed items) → pdf (pages → bytes). Layout produces a
//! printpdf-free display list; only `pdf` knows printpdf.

pub mod blocks;
pub mod chart;
pub mod display;
pub mod flow;
pub mod fonts;
pub mod geom;
pub mod linebreak;
pub mod pdf;

use crate::cli::Paper;

pub use display::Document;
pub use pdf::Metadata;

/// How to typeset.
#[derive(Clone, Debug)]
pub struct Options {
    pub paper: Paper,
    /// The report's language code (`en`): picks hyphenation patterns.
    pub language: String,
    /// The running header: left and right.
    pub header: (String, String),
    pub metadata: Metadata,
}

/// A typeset briefing: the laid-out pages, the PDF bytes, and warnings
/// (charts set as code).
pub struct Typeset {
    pub document: Document,
    pub pdf: Vec<u8>,
    pub warnings: Vec<String>,
}

/// Typesets a Markdown briefing.
pub fn typeset(markdown: &str, options: &Options) -> Typeset {
    let blocks = blocks::parse(markdown);
    let setup = flow::PageSetup {
        size: match options.paper {
            Paper::A4 => flow::PageSetup::A4,
            Paper::Letter => flow::PageSetup::LETTER,
        },
        header_left: options.header.0.clone(),
        header_right: options.header.1.clone(),
        language: linebreak::language(&options.language),
    };
    let (document, warnings) = flow::layout(&blocks, &setup);
    let pdf = pdf::render(&document, &options.metadata);
    Typeset { document, pdf, warnings }
}
