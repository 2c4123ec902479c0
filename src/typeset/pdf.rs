//! Pages to PDF bytes: the only user of printpdf.
//!
//! The display list becomes printpdf operations (flipping y once, here), the
//! fonts are embedded and subset, and the document printpdf builds is
//! finished with lopdf: the structure tree and what tagged, archival PDF
//! asks of the catalog ([`super::tags`]), a nested outline that mirrors the
//! headings, and a document ID derived from the content. Nothing depends on the clock or
//! on ids printpdf draws from its process-wide counter, so the same input
//! gives the same bytes in any process.

use std::collections::BTreeMap;

use printpdf::{
    Actions, BorderArray, Color as PdfColor, Destination, DictItem, FontId, LinkAnnotation, Op, PdfDocument, PdfFontHandle,
    ParsedFont, PdfSaveOptions, Rgb, TextItem,
};

use super::display::{Document, Item, Page, Target, Text};
use super::fonts::{Face, Fonts};
use super::geom::{Color, Point, Pt};
use super::file;
use super::outline;
use super::subset;
use super::about::{add_output_intent, add_xmp, set_info};
use super::tags::{About, Mark, Structure};
use super::Metadata;

/// Serialises a laid-out document, consuming it: each page's display list
/// is freed as soon as its PDF operations are built, so a briefing of
/// thousands of pages never holds both at once.
pub fn render(document: Document, metadata: &Metadata) -> Vec<u8> {
    render_with(document, metadata, true)
}

/// The same PDF without its structure: no marked content, no structure
/// tree. Only for `benches/tagging.sh`, which measures what tagging costs.
#[doc(hidden)]
pub fn render_untagged(document: Document, metadata: &Metadata) -> Vec<u8> {
    render_with(document, metadata, false)
}

fn render_with(document: Document, metadata: &Metadata, tagged: bool) -> Vec<u8> {
    // The document information is ours ([`set_info`]): printpdf's is left
    // as it starts and replaced whole.
    let mut pdf = PdfDocument::new(&metadata.title);

    let used = embed_fonts(&mut pdf, &document.pages);

    let Document { pages, headings, images } = document;
    // Each image once, drawn wherever it appears.
    for (index, image) in images.iter().enumerate() {
        pdf.resources.xobjects.map.insert(printpdf::XObjectId(image_name(index)), image_xobject(image));
    }
    drop(images);
    let page_height = pages.first().map_or(Pt(842.0), |p| p.size.h);
    let mut structure = Structure::new();
    let pages = pages
        .into_iter()
        .enumerate()
        .map(|(n, page)| {
            let height = page.size.h;
            // About 1.3 operations an item.
            let mut ops = Vec::with_capacity(page.items.len() * 3 / 2);
            let mut state = State::default();
            structure.begin_page(n);
            // Decoration first, under everything, as one artifact.
            let decoration = structure.decoration(&page.items);
            for ((at, item), _) in page.items.iter().zip(&decoration).filter(|(_, &d)| d) {
                if tagged {
                    state.mark(&mut ops, &mut structure, n, Mark::Artifact, false);
                }
                draw(&mut ops, &mut state, *at, item, height, &used);
            }
            for ((at, item), _) in page.items.iter().zip(&decoration).filter(|(_, &d)| !d) {
                let mark = match item {
                    // The untagged variant follows the tags too, for the
                    // same decoration.
                    Item::Tag(tag) => {
                        structure.tag(tag);
                        continue;
                    }
                    Item::Link { .. } if !tagged => None,
                    _ if !tagged => {
                        draw(&mut ops, &mut state, *at, item, height, &used);
                        continue;
                    }
                    Item::Link { .. } => {
                        structure.annotation(n);
                        None
                    }
                    Item::Text(_) => Some((structure.mark(true), true)),
                    _ => Some((structure.mark(false), false)),
                };
                if let Some((mark, text)) = mark {
                    state.mark(&mut ops, &mut structure, n, mark, text);
                }
                draw(&mut ops, &mut state, *at, item, height, &used);
            }
            // The running head and foot are artifacts.
            for (at, item) in &page.furniture {
                if !tagged {
                    draw(&mut ops, &mut state, *at, item, height, &used);
                    continue;
                }
                state.mark(&mut ops, &mut structure, n, Mark::Artifact, matches!(item, Item::Text(_)));
                draw(&mut ops, &mut state, *at, item, height, &used);
            }
            state.graphics(&mut ops);
            state.unmark(&mut ops);
            // Every page's operations are held until the document is
            // serialised (a printpdf operation is 128 bytes): no slack.
            if ops.capacity() > ops.len() + ops.len() / 8 {
                ops.shrink_to_fit();
            }
            printpdf::PdfPage::new(to_mm(page.size.w), to_mm(page.size.h), ops)
        })
        .collect();
    pdf.with_pages(pages);

    // Not `secure`: that would drop the `Op::Unknown` lines of
    // [`marked_content`], the only unknown operations made here.
    let options = PdfSaveOptions { optimize: false, subset_fonts: true, secure: false, image_optimization: None };
    let mut warnings = Vec::new();
    let mut doc = pdf.to_lopdf_document(&options, &mut warnings);
    drop(pdf);
    set_info(&mut doc, metadata);
    let language = if metadata.language.is_empty() { "en".to_owned() } else { metadata.language.clone() };
    let raw = if tagged { structure.write(&mut doc, &About { language: language.clone(), words: metadata.words.clone() }) } else { file::Raw::default() };
    add_xmp(&mut doc, metadata, &language);
    add_output_intent(&mut doc);
    // PDF/A-2 and PDF/UA-1 are PDF 1.7 documents.
    doc.version = "1.7".to_owned();
    outline::add(&mut doc, &headings, page_height);
    // Object streams: the structure tree is thousands of small objects,
    // which compress well together (PDF 1.5; PDF/A-2 allows them). The
    // writer also gives the file its ID, derived from its bytes.
    file::write(&doc, raw)
}

/// Only the faces used are embedded, under fixed resource names, each
/// subset to the characters drawn with it: the faces and their names.
fn embed_fonts(pdf: &mut PdfDocument, pages: &[Page]) -> BTreeMap<Face, FontId> {
    let mut chars: BTreeMap<Face, std::collections::BTreeSet<char>> = BTreeMap::new();
    for page in pages {
        for (_, item) in page.items.iter().chain(&page.furniture) {
            if let Item::Text(t) = item {
                chars.entry(t.face).or_default().extend(t.text.chars());
            }
        }
    }
    let used: BTreeMap<Face, FontId> = chars.keys().map(|&face| (face, FontId(subset_tag(face)))).collect();
    for (face, id) in &used {
        let drawn = &chars[face];
        // A subset of a built-in font parses; were it not to, the whole
        // font is embedded.
        let subset = subset::subset(face.bytes(), drawn).and_then(|program| embedded_font(program, drawn));
        let is_subset = subset.is_some();
        let parsed = subset.or_else(|| embedded_font(face.bytes().to_vec(), drawn));
        if let Some(mut parsed) = parsed {
            // The font's PostScript name, after the subset's tag (PDF
            // 32000-1, 9.6.4): `AZRPTA+NotoSerif-Regular`.
            let name = Fonts::get().face(*face).postscript_name().unwrap_or_else(|| format!("{face:?}"));
            parsed.font_name = Some(if is_subset { format!("{}+{name}", id.0) } else { name });
            pdf.resources.fonts.map.insert(id.clone(), printpdf::PdfFont::new(parsed));
        }
    }
    used
}

/// Seam: the operation that begins marked content `mcid` of a structure
/// element named `tag`, `/P <</MCID 3>>BDC`, numbered here as the page is
/// drawn ([`Structure::content`] gives the number).
///
/// printpdf's typed `BeginMarkedContentWithProperties` holds the property
/// list as a map, a kilobyte for each `<</MCID n>>` (a 10,000-event briefing
/// has 41,000 of them, all held until the document is serialised), so the
/// whole line goes to printpdf as an operation it does not know, which its
/// content encoder writes as it is: an operator with no operands.
fn marked_content(tag: &str, mcid: u32) -> Op {
    Op::Unknown { key: format!("/{tag} <</MCID {mcid}>>BDC"), value: Vec::new() }
}

/// The resource name of image `index`.
fn image_name(index: usize) -> String {
    format!("Im{}", index + 1)
}

/// An image as an image XObject: RGB samples compressed with the rest, a
/// JPEG as it is.
fn image_xobject(image: &super::image::Image) -> printpdf::XObject {
    use super::image::ImageData;
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    let mut dict = BTreeMap::new();
    dict.insert("Type".to_owned(), name("XObject"));
    dict.insert("Subtype".to_owned(), name("Image"));
    dict.insert("Width".to_owned(), DictItem::Int(i64::from(image.width)));
    dict.insert("Height".to_owned(), DictItem::Int(i64::from(image.height)));
    dict.insert("BitsPerComponent".to_owned(), DictItem::Int(8));
    let (content, compress) = match &image.data {
        ImageData::Rgb(samples) => {
            dict.insert("ColorSpace".to_owned(), name("DeviceRGB"));
            (samples.clone(), true)
        }
        ImageData::Jpeg { bytes, components } => {
            dict.insert("ColorSpace".to_owned(), name(if *components == 1 { "DeviceGray" } else { "DeviceRGB" }));
            dict.insert("Filter".to_owned(), name("DCTDecode"));
            (bytes.clone(), false)
        }
    };
    printpdf::XObject::External(printpdf::ExternalXObject {
        stream: printpdf::ExternalStream { dict, content, compress },
        width: None,
        height: None,
        dpi: None,
    })
}

fn to_mm(pt: Pt) -> printpdf::Mm {
    printpdf::Mm(pt.0 * 25.4 / 72.0)
}

fn pdf_pt(pt: Pt) -> printpdf::Pt {
    printpdf::Pt(pt.rounded().0)
}

fn pdf_color(c: Color) -> PdfColor {
    let round = |v: f32| (v * 1000.0).round() / 1000.0;
    PdfColor::Rgb(Rgb { r: round(c.r), g: round(c.g), b: round(c.b), icc_profile: None })
}

/// A point of the page in PDF space (origin bottom left).
fn flip(p: Point, height: Pt) -> printpdf::Point {
    printpdf::Point { x: pdf_pt(p.x), y: pdf_pt(height - p.y) }
}

/// What the content stream has set so far: operations are only emitted
/// when something changes (a long briefing has a million text runs).
#[derive(Default)]
struct State {
    in_text: bool,
    /// The marked-content sequence open now, and whether it began inside
    /// the open text object.
    mark: Option<Mark>,
    mark_in_text: bool,
    font: Option<(Face, Pt)>,
    fill: Option<Color>,
    /// Where the current text line starts, in hundredths of a point: `Td`
    /// moves from there (the text object begins at the origin).
    line: (i64, i64),
}

impl State {
    /// Puts what follows in marked content of `mark`, ending the sequence
    /// before it when that was of something else. Text sections are closed
    /// first: marked content and text objects must nest.
    fn mark(&mut self, ops: &mut Vec<Op>, structure: &mut Structure, page: usize, mark: Mark, text: bool) {
        if !text {
            // Shapes are drawn outside text objects: a sequence begun in
            // one ends with it.
            self.graphics(ops);
        }
        if self.mark == Some(mark) {
            return;
        }
        if self.in_text && !self.mark_in_text {
            // A sequence begun outside this text object cannot end inside
            // it.
            self.graphics(ops);
        }
        self.unmark(ops);
        if text && !self.in_text {
            // Text opens its text object first and marks inside it, so
            // that the next run of another element needs no new BT/ET.
            self.begin_text(ops);
        }
        self.mark_in_text = self.in_text;
        match mark {
            Mark::Artifact => ops.push(Op::BeginMarkedContent { tag: "Artifact".to_owned() }),
            Mark::Content(element) => {
                let mcid = structure.content(page, element);
                ops.push(marked_content(structure.tag_name(element), mcid));
            }
        }
        self.mark = Some(mark);
    }

    /// Ends the open marked-content sequence, if any.
    fn unmark(&mut self, ops: &mut Vec<Op>) {
        if self.mark.take().is_some() {
            ops.push(Op::EndMarkedContent);
        }
    }

    fn fill(&mut self, ops: &mut Vec<Op>, color: Color) {
        if self.fill != Some(color) {
            ops.push(Op::SetFillColor { col: pdf_color(color) });
            self.fill = Some(color);
        }
    }

    /// Leaves a text section before drawing shapes.
    fn graphics(&mut self, ops: &mut Vec<Op>) {
        if self.in_text {
            if self.mark_in_text {
                self.unmark(ops);
            }
            ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    /// Opens a text object; text state does not survive ET in every
    /// reader, so the font is set again.
    fn begin_text(&mut self, ops: &mut Vec<Op>) {
        ops.push(Op::StartTextSection);
        self.in_text = true;
        self.font = None;
        self.line = (0, 0);
    }

    /// Moves to the next line of text at `origin`: `Td` by the difference
    /// from the line before, two numbers where `Tm` takes six. Positions
    /// are whole hundredths of a point, so the differences add up exactly.
    fn move_to(&mut self, ops: &mut Vec<Op>, origin: printpdf::Point) {
        let hundredths = |v: f32| (f64::from(v) * 100.0).round() as i64;
        let to = (hundredths(origin.x.0), hundredths(origin.y.0));
        let by = |a: i64, b: i64| printpdf::Pt(((a - b) as f64 / 100.0) as f32);
        ops.push(Op::SetTextCursor { pos: printpdf::Point { x: by(to.0, self.line.0), y: by(to.1, self.line.1) } });
        self.line = to;
    }
}

fn draw(ops: &mut Vec<Op>, state: &mut State, at: Point, item: &Item, height: Pt, fonts: &BTreeMap<Face, FontId>) {
    // An annotation is no content: text may go on around it.
    if !matches!(item, Item::Text(_) | Item::Link { .. } | Item::Tag(_)) {
        state.graphics(ops);
    }
    match item {
        Item::Tag(_) => {}
        Item::Text(text) => draw_text(ops, state, at, text, height, fonts),
        Item::Line { to, width, color } => {
            ops.push(Op::SetOutlineColor { col: pdf_color(*color) });
            ops.push(Op::SetOutlineThickness { pt: pdf_pt(*width) });
            ops.push(Op::DrawLine {
                line: printpdf::Line {
                    points: vec![
                        printpdf::LinePoint { p: flip(at, height), bezier: false },
                        printpdf::LinePoint { p: flip(*to, height), bezier: false },
                    ],
                    is_closed: false,
                },
            });
        }
        Item::Fill { size, color } => {
            state.fill(ops, *color);
            ops.push(Op::DrawRectangle {
                rectangle: printpdf::Rect {
                    x: pdf_pt(at.x),
                    y: pdf_pt(height - at.y - size.h),
                    width: pdf_pt(size.w),
                    height: pdf_pt(size.h),
                    mode: Some(printpdf::PaintMode::Fill),
                    winding_order: None,
                },
            });
        }
        Item::Polygon { points, color } => {
            state.fill(ops, *color);
            ops.push(Op::DrawPolygon {
                polygon: printpdf::Polygon {
                    rings: vec![printpdf::PolygonRing {
                        points: points.iter().map(|p| printpdf::LinePoint { p: flip(*p, height), bezier: false }).collect(),
                    }],
                    mode: printpdf::PaintMode::Fill,
                    winding_order: printpdf::WindingOrder::NonZero,
                },
            });
        }
            Item::Image { size, index } => {
            ops.push(Op::UseXobject {
                id: printpdf::XObjectId(image_name(*index)),
                transform: printpdf::XObjectTransform {
                    translate_x: Some(pdf_pt(at.x)),
                    translate_y: Some(pdf_pt(height - at.y - size.h)),
                    scale_x: Some(size.w.rounded().0),
                    scale_y: Some(size.h.rounded().0),
                    no_auto_scale: true,
                    ..Default::default()
                },
            });
        }
        Item::Link { size, target } => {
            let actions = match target {
                Target::Uri(uri) => Actions::uri(uri.clone()),
                // Resolved by layout; one left over points at the first page.
                Target::Note(_) | Target::NoteRef(_) => Actions::go_to(Destination::Xyz { page: 1, left: Some(0.0), top: None, zoom: None }),
                Target::Page { page, y } => Actions::go_to(Destination::Xyz {
                    page: page + 1,
                    left: Some(0.0),
                    top: Some((height - *y + Pt(12.0)).rounded().0),
                    zoom: None,
                }),
            };
            let rect = printpdf::Rect {
                x: pdf_pt(at.x),
                y: pdf_pt(height - at.y - size.h),
                width: pdf_pt(size.w),
                height: pdf_pt(size.h),
                mode: None,
                winding_order: None,
            };
            ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(rect, actions, Some(BorderArray::Solid([0.0, 0.0, 0.0])), None, None),
            });
        }
    }
}

/// One text run: positioned absolutely, kerned, and spaces widened for
/// justification, both with `TJ` offsets (word spacing does not apply to
/// two-byte fonts).
fn draw_text(ops: &mut Vec<Op>, state: &mut State, at: Point, text: &Text, height: Pt, fonts: &BTreeMap<Face, FontId>) {
    let Some(font) = fonts.get(&text.face) else { return };
    let origin = flip(at, height);
    if !state.in_text {
        state.begin_text(ops);
    }
    if state.font != Some((text.face, text.size)) {
        ops.push(Op::SetFont { font: PdfFontHandle::External(font.clone()), size: pdf_pt(text.size) });
        state.font = Some((text.face, text.size));
    }
    state.fill(ops, text.color);
    state.move_to(ops, origin);
    // Thousandths of an em; a positive offset moves the next glyph left.
    let adjust = text.space_adjust.0 / text.size.0 * 1000.0;
    let justify = if adjust.abs() < 0.01 { None } else { Some(-(adjust * 10.0).round() / 10.0) };
    let face = Fonts::get().face(text.face);
    let mut items = Vec::new();
    let mut segment = String::with_capacity(text.text.len());
    let mut previous = None;
    for c in text.text.chars() {
        if let Some(p) = previous {
            let kern = (face.kern(p, c) * 1000.0 * 10.0).round() / 10.0;
            if kern != 0.0 {
                items.push(TextItem::Text(std::mem::take(&mut segment)));
                items.push(TextItem::Offset(-kern));
            }
        }
        segment.push(c);
        if c == ' ' {
            if let Some(offset) = justify {
                items.push(TextItem::Text(std::mem::take(&mut segment)));
                items.push(TextItem::Offset(offset));
            }
        }
        previous = Some(c);
    }
    if !segment.is_empty() || items.is_empty() {
        items.push(TextItem::Text(segment));
    }
    ops.push(Op::ShowText { items });
}

/// What printpdf needs of a font program to embed it and to encode the
/// characters drawn with it, read with ttf-parser: the metrics of its
/// font descriptor, and the glyph and width of those characters only.
/// (printpdf's own parser maps every character and measures every glyph of
/// the font, then copies the maps to write it: a third of a default
/// briefing's time in fonts, for a few hundred entries used.)
fn embedded_font(program: Vec<u8>, drawn: &std::collections::BTreeSet<char>) -> Option<ParsedFont> {
    let mut font = {
        let face = ttf_parser::Face::parse(&program, 0).ok()?;
        let table = |tag: &[u8; 4]| face.raw_face().table(ttf_parser::Tag::from_bytes(tag));
        let field = |tag: &[u8; 4], at: usize| subset::u16_at(table(tag)?, at);
        let signed = |tag: &[u8; 4], at: usize| field(tag, at).map(|v| v as i16);
        let units_per_em = field(b"head", 18)?;
        let codepoint_to_glyph: BTreeMap<u32, u16> =
            drawn.iter().filter_map(|&c| Some((c as u32, face.glyph_index(c)?.0))).collect();
        let glyph_widths = std::iter::once(0)
            .chain(codepoint_to_glyph.values().copied())
            .filter_map(|g| Some((g, face.glyph_hor_advance(ttf_parser::GlyphId(g))?)))
            .collect();
        ParsedFont {
            original_bytes: Vec::new(),
            font_index: 0,
            font_name: None,
            codepoint_to_glyph,
            glyph_widths,
            units_per_em,
            font_metrics: printpdf::FontMetrics { ascent: signed(b"hhea", 4)?, descent: signed(b"hhea", 6)? },
            font_type: if table(b"CFF ").is_some() { printpdf::FontType::OpenTypeCFF(()) } else { printpdf::FontType::TrueType },
            pdf_font_metrics: printpdf::PdfFontMetricsStub {
                units_per_em,
                x_min: signed(b"head", 36)?,
                y_min: signed(b"head", 38)?,
                x_max: signed(b"head", 40)?,
                y_max: signed(b"head", 42)?,
                caret_slope_rise: signed(b"hhea", 18)?,
                caret_slope_run: signed(b"hhea", 20)?,
                us_weight_class: field(b"OS/2", 4).unwrap_or(0),
            },
        }
    };
    // The program, which the parsed face borrowed, joins what was read of it.
    font.original_bytes = program;
    Some(font)
}

/// The font's resource name, which printpdf also puts before the font's
/// name: six capitals mark an embedded subset (PDF 32000-1, 9.6.4).
fn subset_tag(face: Face) -> String {
    let letter = (b'A' + face.index() as u8) as char;
    format!("AZRPT{letter}")
}
