//! Markdown to PDF: the typesetter.
//!
//! blocks (Markdown → blocks) → linebreak (runs → lines, measured and
//! kerned by `fonts`) → flow (blocks → chunks; `flow::pages` → pages of
//! placed items, a printpdf-free display list) → pdf (pages → content
//! streams, and printpdf's page, link and font objects → a lopdf document, with `tags` for its structure, `about`
//! for what it says about itself, `outline` for its bookmarks, `subset` for
//! its fonts) → file (the document → bytes). Only `pdf` knows printpdf.
//!
//! Each fact about the PDF is decided once, by one layer; printpdf makes
//! the page objects, their content streams and the font objects, and is
//! met at these seams only, each one function:
//!
//! - `pdf::marked_content`: a marked-content sequence's MCID is written
//!   into the content stream as the page is drawn, the number the
//!   structure tree gives it (`tags::Structure::content`); the streams are
//!   written by `pdf` (`pdf::content`) and put in place of printpdf's
//!   empty ones (`pdf::set_contents`).
//! - `pdf::render_with` calls `PdfDocument::to_lopdf_document` once: from
//!   then on the document is lopdf's, printpdf's job done.
//! - `about::set_info`: the document information, written whole from
//!   [`Metadata`] over the object printpdf adds (at its number); the XMP
//!   (`about::add_xmp`) is written from the same [`Metadata`].
//! - `tags::annotations`: printpdf writes link annotations inline in the
//!   page; they become objects of their own, described, for the structure
//!   tree to point at.
//! - `file::write` reads the document's objects and writes every byte of
//!   the file once, its ID included (`file::document_id`); printpdf's
//!   trailer ID, drawn at random, is not read.

pub mod about;
pub mod blocks;
pub mod chart;
mod chips;
pub mod display;
pub mod file;
pub mod flow;
pub mod fonts;
pub mod geom;
pub mod image;
pub mod linebreak;
pub mod outline;
pub mod pdf;
pub mod subset;
pub mod tags;

pub use display::Document;

/// What the document says about itself.
#[derive(Clone, Debug, Default)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// Creation and modification date: seconds since 1970 (from `--as-of`).
    pub date: i64,
    /// The document's language (BCP 47, `en`); English when empty.
    pub language: String,
    /// The words of the file's own descriptions (what screen readers say
    /// for a link annotation); the built-in catalogue when `None`.
    pub words: Option<std::sync::Arc<crate::words::Catalogue>>,
    /// A briefing not issued yet: every page's foot says DRAFT (issue 24).
    pub draft: bool,
    /// The report's handling marking (`[report] distribution`): every
    /// page's foot carries it, at the left (issue 27, item 1).
    pub marking: Option<String>,
}

/// How to typeset.
#[derive(Clone, Debug)]
pub struct Options {
    /// The page size ([`flow::PageSetup::A4`], [`flow::PageSetup::LETTER`]).
    pub page: geom::Size,
    /// The report's language code (`en`): picks hyphenation patterns.
    pub language: String,
    /// The running header: left and right.
    pub header: (String, String),
    pub metadata: Metadata,
    /// The images the Markdown names, by address, decoded
    /// ([`image::sources`], [`image::decode`]).
    pub images: std::collections::BTreeMap<String, std::sync::Arc<image::Image>>,
    /// The maps the Markdown names as images (`![…](b.partners.svg)`), by
    /// address: drawn as vectors where the image would go (issue 26).
    pub maps: std::collections::BTreeMap<String, std::sync::Arc<chart::map::Map>>,
    /// The catalogue the document's own words come from (the table of
    /// contents' heading, labels, descriptions for screen readers): the
    /// run's, with a desk's `--templates` override.
    pub words: std::sync::Arc<crate::words::Catalogue>,
    /// How links are set: quiet for print (the default), coloured for a
    /// screen.
    pub links: flow::Links,
    /// Names the hyphenator leaves whole: the pillars' and the partners'
    /// (capitalised words are left whole anyway).
    pub names: Vec<String>,
}

/// A typeset briefing: the laid-out pages, the PDF bytes, and warnings
/// (charts set as code).
pub struct Typeset {
    pub document: Document,
    pub pdf: Vec<u8>,
    pub warnings: Vec<String>,
}

/// Typesets a Markdown briefing, keeping the laid-out pages (for tests and
/// text dumps; [`typeset_pdf`] is lighter).
pub fn typeset(markdown: &str, options: &Options) -> Typeset {
    let (document, warnings) = lay_out(markdown, options);
    let pdf = pdf::render(document.clone(), &options.metadata);
    Typeset { document, pdf, warnings }
}

/// A PDF and what the run needs to say about it.
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub warnings: Vec<String>,
}

/// Typesets a Markdown briefing to PDF bytes without keeping the pages.
pub fn typeset_pdf(markdown: &str, options: &Options) -> Pdf {
    let (document, warnings) = lay_out(markdown, options);
    let pages = document.pages.len();
    Pdf { bytes: pdf::render(document, &options.metadata), pages, warnings }
}

/// [`typeset_pdf`] without the structure tree: for `benches/tagging.sh`.
#[doc(hidden)]
pub fn typeset_pdf_untagged(markdown: &str, options: &Options) -> Pdf {
    let (document, warnings) = lay_out(markdown, options);
    let pages = document.pages.len();
    Pdf { bytes: pdf::render_untagged(document, &options.metadata), pages, warnings }
}

/// A briefing of at most this many pages without its contents prints none:
/// page one is the reader's to decide from, and the PDF's outline (its
/// bookmarks) leads through a short briefing (issue 27, item 1).
pub const SHORT_PAGES: usize = 16;

/// Markdown this long runs far past [`SHORT_PAGES`] in any briefing the
/// templates write (the default's 13 pages come from some 35 KB): it is
/// laid out once, with its contents, so a large briefing pays for one
/// layout. At worst a briefing whose bytes are mostly unprinted (a chart's
/// source) keeps contents it could have done without.
const CERTAINLY_LONG_BYTES: usize = 200_000;

/// Lays the briefing out without its printed contents first; only when
/// that runs past [`SHORT_PAGES`] is it laid out again with them, on a
/// page of their own after page one.
fn lay_out(markdown: &str, options: &Options) -> (Document, Vec<String>) {
    let (blocks, too_deep) = blocks::read(markdown);
    let (document, mut warnings) = lay_out_read(markdown, blocks, options);
    if let Some(line) = too_deep {
        warnings.push(format!(
            "`>`, `-` and `[^note]` nest deeper than {max} levels at line {line}; deeper levels are set at level {max}",
            max = blocks::MAX_NESTING
        ));
    }
    (document, warnings)
}

fn lay_out_read(markdown: &str, mut blocks: Vec<blocks::Block>, options: &Options) -> (Document, Vec<String>) {
    part_break(&mut blocks, &options.words.text("heading-annexes", &[]));
    if !blocks.contains(&blocks::Block::Toc) {
        return lay_out_blocks(&blocks, options);
    }
    if markdown.len() <= CERTAINLY_LONG_BYTES {
        let short: Vec<blocks::Block> = blocks.iter().filter(|b| **b != blocks::Block::Toc).cloned().collect();
        let laid = lay_out_blocks(&short, options);
        if laid.0.pages.len() <= SHORT_PAGES {
            return laid;
        }
    }
    // A long briefing's contents open page two: page one stays the
    // reader's.
    if let Some(at) = blocks.iter().position(|b| *b == blocks::Block::Toc).filter(|&at| at > 0 && blocks[at - 1] != blocks::Block::PageBreak) {
        blocks.insert(at, blocks::Block::PageBreak);
    }
    lay_out_blocks(&blocks, options)
}

/// The annexes are a part of their own: their heading (a level-2 heading
/// that reads `annexes`, in the run's words) opens a new page.
fn part_break(blocks: &mut Vec<blocks::Block>, annexes: &str) {
    let at = blocks.iter().position(|b| matches!(b, blocks::Block::Heading { level: 2, runs } if blocks::plain(runs) == annexes));
    if let Some(at) = at.filter(|&at| at > 0 && blocks[at - 1] != blocks::Block::PageBreak) {
        blocks.insert(at, blocks::Block::PageBreak);
    }
}

fn lay_out_blocks(blocks: &[blocks::Block], options: &Options) -> (Document, Vec<String>) {
    let setup = flow::PageSetup {
        size: options.page,
        header_left: options.header.0.clone(),
        header_right: options.header.1.clone(),
        language: linebreak::language(&options.language),
        words: options.words.clone(),
        draft: options.metadata.draft,
        links: options.links,
        names: options.names.clone(),
        marking: options.metadata.marking.clone(),
    };
    flow::layout(blocks, &setup, &options.images, &options.maps)
}
