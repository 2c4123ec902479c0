//! Pages to PDF bytes: the only user of printpdf.
//!
//! The display list becomes each page's content stream, written as bytes
//! here (flipping y once, [`content`]) and deflated as the next page is
//! drawn; printpdf makes the page objects, their link annotations and the
//! fonts' objects (the fonts embedded and subset here), and the document it
//! builds, its empty content streams replaced, is finished with lopdf: the structure tree and what tagged, archival PDF
//! asks of the catalog ([`super::tags`]), a nested outline that mirrors the
//! headings, and a document ID derived from the content. Nothing depends on the clock or
//! on ids printpdf draws from its process-wide counter, so the same input
//! gives the same bytes in any process.

use std::collections::BTreeMap;

use printpdf::{
    Actions, BorderArray, Destination, DictItem, FontId, LinkAnnotation, Op, PdfDocument, PdfFontHandle, ParsedFont, PdfSaveOptions,
    TextItem,
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

mod content;
use content::{win_ansi, Content, Glyphs};

/// Serialises a laid-out document, consuming it: each page's display list
/// is freed as soon as its content stream is written, and the stream
/// deflated at once, so a briefing of thousands of pages never holds all
/// of either.
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

    let mut fonts = embed_fonts(&mut pdf, &document.pages);

    let Document { pages, headings, images } = document;
    // Each image once, drawn wherever it appears.
    for (index, image) in images.iter().enumerate() {
        pdf.resources.xobjects.map.insert(printpdf::XObjectId(image_name(index)), image_xobject(image));
    }
    drop(images);
    let page_height = pages.first().map_or(Pt(842.0), |p| p.size.h);
    let mut structure = Structure::new();
    let sizes: Vec<_> = pages.iter().map(|p| p.size).collect();
    let (links, streams) = draw_pages(pages, &mut structure, &mut fonts, tagged);
    // printpdf makes the page objects, their annotations and the fonts'
    // objects from what its pages hold: the links, and on the first page
    // the characters each face shows (which glyphs to describe, and the
    // character each stands for); their content streams are written here.
    let mut pages: Vec<printpdf::PdfPage> =
        sizes.iter().zip(links).map(|(size, ops)| printpdf::PdfPage::new(to_mm(size.w), to_mm(size.h), ops)).collect();
    if let Some(first) = pages.first_mut() {
        first.ops.splice(0..0, shown(&fonts));
    }
    pdf.with_pages(pages);

    // Not `secure`: that would drop the `Op::Unknown` lines of
    // [`marked_content`], the only unknown operations made here.
    let options = PdfSaveOptions { optimize: false, subset_fonts: true, secure: false, image_optimization: None };
    let mut warnings = Vec::new();
    let mut doc = pdf.to_lopdf_document(&options, &mut warnings);
    drop(pdf);
    set_contents(&mut doc, streams);
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

/// Draws each page into its content stream, consuming the pages: each
/// display list is freed once drawn, and each stream deflated as soon as it
/// is written, on a second core while the next page is drawn. The pages'
/// links, as printpdf operations, and their streams.
fn draw_pages(pages: Vec<Page>, structure: &mut Structure, fonts: &mut BTreeMap<Face, Codes>, tagged: bool) -> (Vec<Vec<Op>>, Vec<lopdf::Stream>) {
    let count = pages.len();
    let mut links = Vec::with_capacity(count);
    let draw_all = |send: &mut dyn FnMut(Vec<u8>)| {
        for (n, page) in pages.into_iter().enumerate() {
            let (content, page_links) = draw_page(n, &page, structure, fonts, tagged);
            drop(page);
            links.push(page_links);
            send(content);
        }
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let streams = if threads < 2 || count < 2 {
        let mut streams = Vec::with_capacity(count);
        draw_all(&mut |content| streams.push(content_stream(content)));
        streams
    } else {
        std::thread::scope(|scope| {
            let (sender, receiver) = std::sync::mpsc::channel::<Vec<u8>>();
            let deflater = scope.spawn(move || receiver.into_iter().map(content_stream).collect::<Vec<_>>());
            draw_all(&mut |content| {
                // The receiver lives until every page is sent.
                let _ = sender.send(content);
            });
            drop(sender);
            deflater.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    };
    (links, streams)
}

/// One page's content stream, and its links as printpdf operations.
fn draw_page(n: usize, page: &Page, structure: &mut Structure, fonts: &mut BTreeMap<Face, Codes>, tagged: bool) -> (Vec<u8>, Vec<Op>) {
    let height = page.size.h;
    // About 26 bytes an item.
    let mut out = Out { content: Content::with_capacity(page.items.len() * 32), links: Vec::new() };
    let mut state = State::default();
    structure.begin_page(n);
    // Decoration first, under everything, as one artifact.
    let decoration = structure.decoration(&page.items);
    for ((at, item), _) in page.items.iter().zip(&decoration).filter(|(_, &d)| d) {
        if tagged {
            state.mark(&mut out.content, structure, n, Mark::Artifact, false);
        }
        draw(&mut out, &mut state, *at, item, height, fonts);
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
                draw(&mut out, &mut state, *at, item, height, fonts);
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
            state.mark(&mut out.content, structure, n, mark, text);
        }
        draw(&mut out, &mut state, *at, item, height, fonts);
    }
    // The running head and foot are pagination artifacts, with their
    // subtype: above the text area the head, below it the foot.
    for (at, item) in &page.furniture {
        if tagged {
            let mark = Mark::Pagination { header: at.y < page.area.origin.y };
            state.mark(&mut out.content, structure, n, mark, matches!(item, Item::Text(_)));
        }
        draw(&mut out, &mut state, *at, item, height, fonts);
    }
    state.graphics(&mut out.content);
    state.unmark(&mut out.content);
    (out.content.into_bytes(), out.links)
}

/// A page's content stream as the file writer takes it: deflated at
/// [`file::LEVEL`] when longer than 32 bytes, as it would have deflated it.
fn content_stream(content: Vec<u8>) -> lopdf::Stream {
    if content.len() <= 32 {
        return lopdf::Stream::new(lopdf::Dictionary::new(), content);
    }
    let mut stream = lopdf::Stream::new(lopdf::Dictionary::new(), file::deflate(&content));
    stream.dict.set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
    stream
}

/// Puts each page's content stream in the place of the empty one printpdf
/// made for it (at its number, which the pages' objects point to).
fn set_contents(doc: &mut lopdf::Document, streams: Vec<lopdf::Stream>) {
    let numbers: Vec<lopdf::ObjectId> = doc
        .get_pages()
        .values()
        .filter_map(|&page| doc.get_dictionary(page).ok()?.get(b"Contents").ok()?.as_reference().ok())
        .collect();
    for (number, stream) in numbers.into_iter().zip(streams) {
        doc.objects.insert(number, lopdf::Object::Stream(stream));
    }
}

/// How the characters of one face become codes in a content stream.
struct Codes {
    /// The font's resource name.
    resource: String,
    /// The glyph of each character drawn, in the embedded font; `None` when
    /// no glyph of the face is embedded, and printpdf encodes its text in
    /// WinAnsi.
    glyphs: Option<Glyphs>,
}

/// What printpdf must see shown to describe each face's glyphs as the
/// pages drew them: each glyph's character, in a text object on the first
/// page (whose content stream is then replaced).
fn shown(fonts: &BTreeMap<Face, Codes>) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for codes in fonts.values() {
        let Some(glyphs) = &codes.glyphs else { continue };
        let text: String = glyphs.last.iter().flatten().collect();
        if text.is_empty() {
            continue;
        }
        ops.push(Op::SetFont { font: PdfFontHandle::External(FontId(codes.resource.clone())), size: printpdf::Pt(10.0) });
        ops.push(Op::ShowText { items: vec![TextItem::Text(text)] });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// Only the faces used are embedded, under fixed resource names, each
/// subset to the characters drawn with it: the faces and their codes.
fn embed_fonts(pdf: &mut PdfDocument, pages: &[Page]) -> BTreeMap<Face, Codes> {
    let mut chars: BTreeMap<Face, std::collections::BTreeSet<char>> = BTreeMap::new();
    for page in pages {
        for (_, item) in page.items.iter().chain(&page.furniture) {
            if let Item::Text(t) = item {
                // A no-break space is drawn as a space ([`draw_text`]).
                chars.entry(t.face).or_default().extend(t.text.chars().map(|c| if c == '\u{a0}' { ' ' } else { c }));
            }
        }
    }
    let mut used = BTreeMap::new();
    for (&face, drawn) in &chars {
        let id = FontId(subset_tag(face));
        // A subset of a built-in font parses; were it not to, the whole
        // font is embedded.
        let subset = subset::subset(face.bytes(), drawn).and_then(|program| embedded_font(program, drawn));
        let is_subset = subset.is_some();
        let parsed = subset.or_else(|| embedded_font(face.bytes().to_vec(), drawn));
        let mut glyphs = None;
        if let Some(mut parsed) = parsed {
            // The font's PostScript name, after the subset's tag (PDF
            // 32000-1, 9.6.4): `AZRPTA+NotoSerif-Regular`.
            let name = Fonts::get().face(face).postscript_name().unwrap_or_else(|| format!("{face:?}"));
            parsed.font_name = Some(if is_subset { format!("{}+{name}", id.0) } else { name });
            // Codes are glyph ids: the fonts are TrueType (printpdf
            // writes CIDs only for a CID-keyed CFF font).
            if !parsed.codepoint_to_glyph.is_empty() {
                glyphs = Some(Glyphs::new(&parsed.codepoint_to_glyph));
            }
            pdf.resources.fonts.map.insert(id.clone(), printpdf::PdfFont::new(parsed));
        }
        used.insert(face, Codes { resource: id.0, glyphs });
    }
    used
}

/// Seam: the line that begins marked content `mcid` of a structure
/// element named `tag`, `/P <</MCID 3>>BDC`, numbered here as the page is
/// drawn ([`Structure::content`] gives the number).
fn marked_content(content: &mut Content, tag: &str, mcid: u32) {
    content.op(&format!("/{tag} <</MCID {mcid}>>BDC"));
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

fn pdf_color(c: Color) -> [f32; 3] {
    let round = |v: f32| (v * 1000.0).round() / 1000.0;
    [round(c.r), round(c.g), round(c.b)]
}

/// A point of the page in PDF space (origin bottom left).
fn flip(p: Point, height: Pt) -> [f32; 2] {
    [pdf_pt(p.x).0, pdf_pt(height - p.y).0]
}

/// A page as it is drawn: its content stream, and its links, which printpdf
/// makes annotations of.
struct Out {
    content: Content,
    links: Vec<Op>,
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
    fn mark(&mut self, content: &mut Content, structure: &mut Structure, page: usize, mark: Mark, text: bool) {
        if !text {
            // Shapes are drawn outside text objects: a sequence begun in
            // one ends with it.
            self.graphics(content);
        }
        if self.mark == Some(mark) {
            return;
        }
        if self.in_text && !self.mark_in_text {
            // A sequence begun outside this text object cannot end inside
            // it.
            self.graphics(content);
        }
        self.unmark(content);
        if text && !self.in_text {
            // Text opens its text object first and marks inside it, so
            // that the next run of another element needs no new BT/ET.
            self.begin_text(content);
        }
        self.mark_in_text = self.in_text;
        match mark {
            Mark::Artifact => content.named("Artifact", "BMC"),
            Mark::Pagination { header: true } => content.op("/Artifact <</Type /Pagination /Subtype /Header>>BDC"),
            Mark::Pagination { header: false } => content.op("/Artifact <</Type /Pagination /Subtype /Footer>>BDC"),
            Mark::Content(element) => {
                let mcid = structure.content(page, element);
                marked_content(content, structure.tag_name(element), mcid);
            }
        }
        self.mark = Some(mark);
    }

    /// Ends the open marked-content sequence, if any.
    fn unmark(&mut self, content: &mut Content) {
        if self.mark.take().is_some() {
            content.op("EMC");
        }
    }

    fn fill(&mut self, content: &mut Content, color: Color) {
        if self.fill != Some(color) {
            content.numbers(&pdf_color(color), "rg");
            self.fill = Some(color);
        }
    }

    /// Leaves a text section before drawing shapes.
    fn graphics(&mut self, content: &mut Content) {
        if self.in_text {
            if self.mark_in_text {
                self.unmark(content);
            }
            content.op("ET");
            self.in_text = false;
        }
    }

    /// Opens a text object; text state does not survive ET in every
    /// reader, so the font is set again.
    fn begin_text(&mut self, content: &mut Content) {
        content.op("BT");
        self.in_text = true;
        self.font = None;
        self.line = (0, 0);
    }

    /// Moves to the next line of text at `origin`: `Td` by the difference
    /// from the line before, two numbers where `Tm` takes six. Positions
    /// are whole hundredths of a point, so the differences add up exactly.
    fn move_to(&mut self, content: &mut Content, origin: [f32; 2]) {
        let hundredths = |v: f32| (f64::from(v) * 100.0).round() as i64;
        let to = (hundredths(origin[0]), hundredths(origin[1]));
        let by = |a: i64, b: i64| ((a - b) as f64 / 100.0) as f32;
        content.numbers(&[by(to.0, self.line.0), by(to.1, self.line.1)], "Td");
        self.line = to;
    }
}

fn draw(out: &mut Out, state: &mut State, at: Point, item: &Item, height: Pt, fonts: &mut BTreeMap<Face, Codes>) {
    let content = &mut out.content;
    // An annotation is no content: text may go on around it.
    if !matches!(item, Item::Text(_) | Item::Link { .. } | Item::Tag(_)) {
        state.graphics(content);
    }
    match item {
        Item::Tag(_) => {}
        Item::Text(text) => draw_text(content, state, at, text, height, fonts),
        Item::Line { to, width, color } => {
            content.numbers(&pdf_color(*color), "RG");
            content.numbers(&[pdf_pt(*width).0], "w");
            content.numbers(&flip(at, height), "m");
            content.numbers(&flip(*to, height), "l");
            content.op("S");
        }
        Item::Fill { size, color } => {
            state.fill(content, *color);
            let rectangle = [pdf_pt(at.x).0, pdf_pt(height - at.y - size.h).0, pdf_pt(size.w).0, pdf_pt(size.h).0];
            content.numbers(&rectangle, "re");
            content.op("f");
        }
        Item::Polygon { points, color } => {
            state.fill(content, *color);
            for (i, p) in points.iter().enumerate() {
                content.numbers(&flip(*p, height), if i == 0 { "m" } else { "l" });
            }
            content.op("h");
            content.op("f");
        }
        Item::Path(path) => draw_path(content, path, height),
        Item::Image { size, index } => {
            // printpdf's own arithmetic for where an image goes.
            let transform = printpdf::XObjectTransform {
                translate_x: Some(pdf_pt(at.x)),
                translate_y: Some(pdf_pt(height - at.y - size.h)),
                scale_x: Some(size.w.rounded().0),
                scale_y: Some(size.h.rounded().0),
                no_auto_scale: true,
                ..Default::default()
            };
            let mut matrix = printpdf::CurTransMat::Identity;
            for step in transform.get_ctms(None) {
                matrix = printpdf::CurTransMat::Raw(printpdf::CurTransMat::combine_matrix(matrix.as_array(), step.as_array()));
            }
            content.op("q");
            content.numbers(&matrix.as_array(), "cm");
            content.named(&image_name(*index), "Do");
            content.op("Q");
        }
        Item::Link { size, target } => out.links.push(link(at, *size, target, height)),
    }
}

/// A path of many parts, in a graphics state of its own (its dash, joins
/// and colours end with it): `f*` fills even-odd, `B*` fills and strokes,
/// `S` strokes.
fn draw_path(content: &mut Content, path: &super::display::Path, height: Pt) {
    content.op("q");
    if let Some(fill) = path.fill {
        content.numbers(&pdf_color(fill), "rg");
    }
    if let Some(stroke) = &path.stroke {
        content.numbers(&pdf_color(stroke.color), "RG");
        content.numbers(&[pdf_pt(stroke.width).0], "w");
        content.numbers(&[1.0], "j");
        content.numbers(&[1.0], "J");
        if !stroke.dash.is_empty() {
            content.dash(&stroke.dash.iter().map(|d| pdf_pt(*d).0).collect::<Vec<f32>>());
        }
    }
    for part in &path.parts {
        for (i, p) in part.iter().enumerate() {
            content.numbers(&flip(*p, height), if i == 0 { "m" } else { "l" });
        }
        if path.closed {
            content.op("h");
        }
    }
    content.op(match (path.fill.is_some(), path.stroke.is_some()) {
        (true, true) => "B*",
        (true, false) => "f*",
        (false, true) => "S",
        (false, false) => "n",
    });
    content.op("Q");
}

/// A link as printpdf's annotation.
fn link(at: Point, size: super::geom::Size, target: &Target, height: Pt) -> Op {
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
    Op::LinkAnnotation { link: LinkAnnotation::new(rect, actions, Some(BorderArray::Solid([0.0, 0.0, 0.0])), None, None) }
}

/// One text run: positioned absolutely, kerned, and spaces widened for
/// justification, both with `TJ` offsets (word spacing does not apply to
/// two-byte fonts).
fn draw_text(content: &mut Content, state: &mut State, at: Point, text: &Text, height: Pt, fonts: &mut BTreeMap<Face, Codes>) {
    let Some(codes) = fonts.get_mut(&text.face) else { return };
    let origin = flip(at, height);
    if !state.in_text {
        state.begin_text(content);
    }
    if state.font != Some((text.face, text.size)) {
        content.font(&codes.resource, pdf_pt(text.size).0);
        state.font = Some((text.face, text.size));
    }
    state.fill(content, text.color);
    state.move_to(content, origin);
    // Thousandths of an em; a positive offset moves the next glyph left.
    let adjust = text.space_adjust.0 / text.size.0 * 1000.0;
    let justify = if adjust.abs() < 0.01 { None } else { Some(-(adjust * 10.0).round() / 10.0) };
    let face = Fonts::get().face(text.face);
    let kern = |p: char, c: char| -((face.kern(p, c) * 1000.0 * 10.0).round() / 10.0);
    let Some(glyphs) = &mut codes.glyphs else {
        return win_ansi_text(content, &text.text, kern, justify);
    };
    let mut show = content.show();
    let mut previous = None;
    for c in text.text.chars() {
        if let Some(p) = previous {
            let offset = kern(p, c);
            if offset != 0.0 {
                show.offset(offset);
            }
        }
        // A no-break space is drawn with the space's glyph: text copied or
        // searched in the PDF has a plain space where the typesetter tied
        // two words (the tie is layout's, not the text's).
        show.code(glyphs.code(if c == '\u{a0}' { ' ' } else { c }));
        if c == ' ' {
            if let Some(offset) = justify {
                show.offset(offset);
            }
        }
        previous = Some(c);
    }
    show.finish();
}

/// A text run in a face none of whose glyphs is embedded, as printpdf
/// writes it: WinAnsi bytes, `?` for a character WinAnsi lacks.
fn win_ansi_text(content: &mut Content, text: &str, kern: impl Fn(char, char) -> f32, justify: Option<f32>) {
    let mut show = content.show();
    let mut segment = Vec::new();
    let mut previous = None;
    for c in text.chars() {
        if let Some(p) = previous {
            let offset = kern(p, c);
            if offset != 0.0 {
                show.bytes(&std::mem::take(&mut segment));
                show.number(offset);
            }
        }
        segment.push(win_ansi(if c == '\u{a0}' { ' ' } else { c }));
        if c == ' ' {
            if let Some(offset) = justify {
                show.bytes(&std::mem::take(&mut segment));
                show.number(offset);
            }
        }
        previous = Some(c);
    }
    if !segment.is_empty() || text.is_empty() {
        show.bytes(&segment);
    }
    show.finish();
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
