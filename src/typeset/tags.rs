//! The tagged PDF: the structure tree a screen reader reads, built from the
//! same display list the pages are drawn from, and what PDF/UA-1 and
//! PDF/A-2u ask of the document around it.
//!
//! While [`super::pdf`] draws a page it tells a [`Structure`] about every
//! [`Tag`] and every item: text inside an element becomes marked content
//! with an MCID that the element owns; decoration, repeated table headers
//! and the running head and foot become artifacts; a link's annotation
//! becomes an object reference in its `Link` element. Once printpdf has
//! built the document, [`Structure::write`] adds the structure tree, the
//! parent tree, the page and annotation entries that point back into it,
//! and the catalog's `MarkInfo`, `Lang` and `ViewerPreferences` (see
//! typst's and krilla's tagged PDF writers for the same shape); the XMP
//! metadata and the output intent are [`super::about`]'s.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use std::io::Write;

use super::display::{Item, Role, Tag};
use super::geom::Point;
use super::file::{self, Raw};

/// One structure element.
#[derive(Debug)]
struct Element {
    role: Role,
    parent: usize,
    kids: Vec<Kid>,
}

#[derive(Clone, Copy, Debug)]
enum Kid {
    Element(usize),
    /// Marked content `mcid` on page `page`.
    Content { page: usize, mcid: u32 },
    /// The `index`th link annotation of page `page`.
    Annotation { page: usize, index: usize },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame {
    Element(usize),
    Artifact,
}

/// How a piece of content is marked in the content stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Not content: decoration.
    Artifact,
    /// Not content: the running head (`header`) or the foot of a page, a
    /// pagination artifact of that subtype (issue 29, item 10).
    Pagination { header: bool },
    /// Content of structure element `n`.
    Content(usize),
}

/// The structure of a document as its pages are drawn.
#[derive(Debug)]
pub struct Structure {
    /// Element 0 is the `Document`.
    elements: Vec<Element>,
    stack: Vec<Frame>,
    /// Per page: the element of each MCID, and of each link annotation.
    pages: Vec<PageMarks>,
}

#[derive(Debug, Default)]
struct PageMarks {
    mcids: Vec<usize>,
    annotations: Vec<usize>,
}

impl Default for Structure {
    fn default() -> Self {
        Structure::new()
    }
}

impl Structure {
    pub fn new() -> Structure {
        Structure {
            // The document element's role is never read.
            elements: vec![Element { role: Role::Paragraph, parent: 0, kids: Vec::new() }],
            stack: vec![Frame::Element(0)],
            pages: Vec::new(),
        }
    }

    /// Follows a tag of the display list.
    pub fn tag(&mut self, tag: &Tag) {
        match tag {
            Tag::Open(Role::Artifact) => self.stack.push(Frame::Artifact),
            Tag::Open(role) => {
                // A footnote stands at the foot of a page, wherever the
                // text above it is: it belongs to the document.
                let parent = if *role == Role::Note { 0 } else { self.current() };
                let n = self.elements.len();
                self.elements.push(Element { role: role.clone(), parent, kids: Vec::new() });
                self.elements[parent].kids.push(Kid::Element(n));
                self.stack.push(Frame::Element(n));
            }
            // The document element is never closed: an unbalanced close
            // (none is written) cannot take it away.
            Tag::Close if self.stack.len() > 1 => {
                self.stack.pop();
            }
            Tag::Close | Tag::Slot(_) | Tag::IndexSlot(_) => {}
        }
    }

    /// Which of a page's items, from the structure's place at the page's
    /// start, are decoration: shapes and images outside any figure, and
    /// inside an artifact. The page draws them first, under everything
    /// else, in one artifact sequence: a table's rules and shading no
    /// longer break its cells' text into a marked-content sequence and a
    /// text object each. The structure itself is not changed.
    pub fn decoration(&self, items: &[(Point, Item)]) -> Vec<bool> {
        #[derive(Clone, Copy, PartialEq)]
        enum Open {
            Figure,
            Artifact,
            Other,
        }
        let mut stack: Vec<Open> = self
            .stack
            .iter()
            .map(|frame| match frame {
                Frame::Artifact => Open::Artifact,
                Frame::Element(n) if matches!(self.elements[*n].role, Role::Figure(_)) => Open::Figure,
                Frame::Element(_) => Open::Other,
            })
            .collect();
        items
            .iter()
            .map(|(_, item)| match item {
                Item::Tag(Tag::Open(role)) => {
                    stack.push(match role {
                        Role::Artifact => Open::Artifact,
                        Role::Figure(_) => Open::Figure,
                        _ => Open::Other,
                    });
                    false
                }
                Item::Tag(Tag::Close) => {
                    if stack.len() > 1 {
                        stack.pop();
                    }
                    false
                }
                Item::Text(_) | Item::Link { .. } | Item::Tag(_) => false,
                // As `mark` marks a shape: an artifact unless in a figure.
                Item::Line { .. } | Item::Fill { .. } | Item::Polygon { .. } | Item::Path(_) | Item::Image { .. } => {
                    stack.contains(&Open::Artifact) || !stack.contains(&Open::Figure)
                }
            })
            .collect()
    }

    /// Starts page `n`: tags stay open across pages.
    pub fn begin_page(&mut self, n: usize) {
        while self.pages.len() <= n {
            self.pages.push(PageMarks::default());
        }
    }

    /// How the next item is marked: text belongs to the innermost element,
    /// shapes only inside a figure (elsewhere they are decoration), and
    /// everything inside an artifact is one.
    pub fn mark(&self, is_text: bool) -> Mark {
        if self.stack.contains(&Frame::Artifact) {
            return Mark::Artifact;
        }
        let current = self.current();
        let in_figure = self.stack.iter().any(|f| matches!(f, Frame::Element(n) if matches!(self.elements[*n].role, Role::Figure(_))));
        if is_text || in_figure {
            Mark::Content(current)
        } else {
            Mark::Artifact
        }
    }

    /// A new marked-content sequence of element `element` on page `page`:
    /// its MCID.
    pub fn content(&mut self, page: usize, element: usize) -> u32 {
        self.begin_page(page);
        let marks = &mut self.pages[page];
        let mcid = marks.mcids.len() as u32;
        marks.mcids.push(element);
        self.elements[element].kids.push(Kid::Content { page, mcid });
        mcid
    }

    /// A link annotation drawn on page `page`: it belongs to the innermost
    /// `Link` element (or the innermost element, if none is open).
    pub fn annotation(&mut self, page: usize) {
        self.begin_page(page);
        let element = self
            .stack
            .iter()
            .rev()
            .find_map(|f| match f {
                Frame::Element(n) if matches!(self.elements[*n].role, Role::Link(_)) => Some(*n),
                _ => None,
            })
            .unwrap_or_else(|| self.current());
        let index = self.pages[page].annotations.len();
        self.pages[page].annotations.push(element);
        self.elements[element].kids.push(Kid::Annotation { page, index });
    }

    /// The structure type named in the marked content of element `n`.
    pub fn tag_name(&self, n: usize) -> &'static str {
        if n == 0 {
            "Span"
        } else {
            self.elements[n].role.name()
        }
    }

    /// An element whose own content stands between its child elements (a
    /// paragraph with links) gets each run of that content wrapped in a
    /// `Span`: readers that take an element's own content before its
    /// children would otherwise read the words and the links out of order.
    fn span_mixed_content(&mut self) {
        for n in 0..self.elements.len() {
            let kids = &self.elements[n].kids;
            let has_elements = kids.iter().any(|k| matches!(k, Kid::Element(_)));
            let has_content = kids.iter().any(|k| matches!(k, Kid::Content { .. }));
            if !(has_elements && has_content) {
                continue;
            }
            let kids = std::mem::take(&mut self.elements[n].kids);
            let mut out = Vec::with_capacity(kids.len());
            let mut run: Vec<Kid> = Vec::new();
            let flush = |run: &mut Vec<Kid>, out: &mut Vec<Kid>, elements: &mut Vec<Element>, pages: &mut Vec<PageMarks>| {
                if run.is_empty() {
                    return;
                }
                let span = elements.len();
                for kid in run.iter() {
                    if let Kid::Content { page, mcid } = *kid {
                        if let Some(owner) = pages.get_mut(page).and_then(|p| p.mcids.get_mut(mcid as usize)) {
                            *owner = span;
                        }
                    }
                }
                elements.push(Element { role: Role::Span, parent: n, kids: std::mem::take(run) });
                out.push(Kid::Element(span));
            };
            for kid in kids {
                match kid {
                    Kid::Content { .. } => run.push(kid),
                    other => {
                        flush(&mut run, &mut out, &mut self.elements, &mut self.pages);
                        out.push(other);
                    }
                }
            }
            flush(&mut run, &mut out, &mut self.elements, &mut self.pages);
            self.elements[n].kids = out;
        }
    }

    fn current(&self) -> usize {
        self.stack
            .iter()
            .rev()
            .find_map(|f| match f {
                Frame::Element(n) => Some(*n),
                Frame::Artifact => None,
            })
            .unwrap_or(0)
    }

    /// Adds the structure tree and the document-level entries of a tagged,
    /// archival PDF to `doc`, whose pages are the ones drawn, in order. The
    /// structure elements and the parent tree, thousands of small objects,
    /// are returned serialised rather than added as lopdf dictionaries.
    pub fn write(mut self, doc: &mut lopdf::Document, about: &About) -> Raw {
        self.span_mixed_content();
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        let words = about.words.clone().unwrap_or_else(crate::words::Catalogue::builtin);
        let annotations = annotations(doc, &pages, &words);
        let root_id = doc.new_object_id();
        let first = doc.max_id + 1;
        doc.max_id += self.elements.len() as u32;
        let ids: Vec<ObjectId> = (0..self.elements.len() as u32).map(|n| (first + n, 0)).collect();
        let mut raw = Raw { objects: Vec::with_capacity(self.elements.len() + 1) };
        // Notes carry an ID (PDF/UA 7.9), listed in the ID tree, in order.
        let mut id_names = Vec::new();
        let places = Places { root: root_id, ids: &ids, pages: &pages, annotations: &annotations };
        for (n, element) in self.elements.iter().enumerate() {
            raw.objects.push((ids[n].0, element_object(n, element, &places, &mut id_names)));
        }
        let parent_tree = doc.new_object_id();
        let (out, next_key) = self.parent_tree(doc, &places);
        raw.objects.push((parent_tree.0, out));

        let mut root = Dictionary::new();
        root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
        root.set("K", Object::Array(vec![Object::Reference(ids[0])]));
        root.set("ParentTree", Object::Reference(parent_tree));
        root.set("ParentTreeNextKey", Object::Integer(next_key));
        if !id_names.is_empty() {
            // Names sort as byte strings: note-10 before note-2.
            id_names.sort();
            let mut tree = Dictionary::new();
            let names = id_names.into_iter().flat_map(|(id, element)| [Object::String(id, StringFormat::Literal), Object::Reference(element)]);
            tree.set("Names", Object::Array(names.collect()));
            root.set("IDTree", Object::Dictionary(tree));
        }
        doc.objects.insert(root_id, Object::Dictionary(root));

        let Ok(catalog) = doc.catalog_mut() else { return raw };
        catalog.set("StructTreeRoot", Object::Reference(root_id));
        let mut mark_info = Dictionary::new();
        mark_info.set("Marked", Object::Boolean(true));
        catalog.set("MarkInfo", Object::Dictionary(mark_info));
        catalog.set("Lang", text_string(&about.language));
        let mut viewer = Dictionary::new();
        viewer.set("DisplayDocTitle", Object::Boolean(true));
        catalog.set("ViewerPreferences", Object::Dictionary(viewer));
        raw
    }

    /// The parent tree: for each page, the element of each MCID; for each
    /// annotation, its element. Keys in ascending order; the first key
    /// left free is returned with the tree. Sets each page's
    /// `/StructParents` and each annotation's `/StructParent`.
    fn parent_tree(&self, doc: &mut lopdf::Document, places: &Places<'_>) -> (Vec<u8>, i64) {
        let Places { ids, pages, annotations, .. } = *places;
        let mut out = Vec::with_capacity(64 + self.pages.iter().map(|m| m.mcids.len() * 8).sum::<usize>());
        out.extend_from_slice(b"<</Nums[");
        for (page, marks) in self.pages.iter().enumerate() {
            if marks.mcids.is_empty() || page >= pages.len() {
                continue;
            }
            let _ = write!(out, "{page} [");
            for (i, &e) in marks.mcids.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                file::reference(&mut out, ids[e]);
            }
            out.extend_from_slice(b"] ");
            if let Ok(dict) = doc.get_object_mut(pages[page]).and_then(Object::as_dict_mut) {
                dict.set("StructParents", Object::Integer(page as i64));
            }
        }
        let mut next_key = pages.len() as i64;
        for (page, marks) in self.pages.iter().enumerate() {
            for (index, &element) in marks.annotations.iter().enumerate() {
                let Some(&annotation) = annotations.get(page).and_then(|a| a.get(index)) else { continue };
                if let Ok(dict) = doc.get_object_mut(annotation).and_then(Object::as_dict_mut) {
                    dict.set("StructParent", Object::Integer(next_key));
                }
                let _ = write!(out, "{next_key} ");
                file::reference(&mut out, ids[element]);
                out.push(b' ');
                next_key += 1;
            }
        }
        out.extend_from_slice(b"]>>");
        (out, next_key)
    }
}

/// Where the structure's objects are: the root's, each element's, each
/// page's and each page's annotations'.
struct Places<'a> {
    root: ObjectId,
    ids: &'a [ObjectId],
    pages: &'a [ObjectId],
    annotations: &'a [Vec<ObjectId>],
}

/// One structure element as a PDF dictionary: its role, parent, page,
/// kids (elements, marked content, annotations) and role's attributes.
fn element_object(n: usize, element: &Element, places: &Places<'_>, id_names: &mut Vec<(Vec<u8>, ObjectId)>) -> Vec<u8> {
    let Places { root: root_id, ids, pages, annotations } = *places;
    let mut out = Vec::with_capacity(64);
    let name = if n == 0 { "Document" } else { element.role.name() };
    out.extend_from_slice(b"<</S");
    file::name(&mut out, name.as_bytes());
    out.extend_from_slice(b"/P ");
    file::reference(&mut out, if n == 0 { root_id } else { ids[element.parent] });
    // The element's page: its marked content there is named by the
    // bare MCID; on other pages (a paragraph across a break) by a
    // marked-content reference naming the page.
    let first_page = element.kids.iter().find_map(|k| match k {
        Kid::Content { page, .. } => pages.get(*page).copied(),
        _ => None,
    });
    if let Some(page_id) = first_page {
        out.extend_from_slice(b"/Pg ");
        file::reference(&mut out, page_id);
    }
    out.extend_from_slice(b"/K[");
    let mut separate = false;
    for kid in &element.kids {
        let at = out.len();
        if separate {
            out.push(b' ');
        }
        match *kid {
            Kid::Element(k) => file::reference(&mut out, ids[k]),
            Kid::Content { page, mcid } => match pages.get(page) {
                Some(&page_id) if Some(page_id) == first_page => {
                    let _ = write!(out, "{mcid}");
                }
                Some(&page_id) => {
                    out.extend_from_slice(b"<</Type/MCR/Pg ");
                    file::reference(&mut out, page_id);
                    let _ = write!(out, "/MCID {mcid}>>");
                }
                None => {
                    out.truncate(at);
                    continue;
                }
            },
            Kid::Annotation { page, index } => {
                let (Some(&page_id), Some(&annotation)) = (pages.get(page), annotations.get(page).and_then(|a| a.get(index))) else {
                    out.truncate(at);
                    continue;
                };
                out.extend_from_slice(b"<</Type/OBJR/Pg ");
                file::reference(&mut out, page_id);
                out.extend_from_slice(b"/Obj ");
                file::reference(&mut out, annotation);
                out.extend_from_slice(b">>");
            }
        }
        separate = true;
    }
    out.push(b']');
    match &element.role {
        Role::Figure(alt) => {
            out.extend_from_slice(b"/Alt");
            file::serialise(&mut out, &text_string(alt));
        }
        Role::Lang(tag) => {
            out.extend_from_slice(b"/Lang");
            file::serialise(&mut out, &text_string(tag));
        }
        Role::Note => {
            let id = format!("note-{n}").into_bytes();
            out.extend_from_slice(b"/ID");
            file::literal(&mut out, &id);
            id_names.push((id, ids[n]));
        }
        Role::TableHeader => out.extend_from_slice(b"/A<</O/Table/Scope/Column>>"),
        _ => {}
    }
    out.extend_from_slice(b">>");
    out
}

/// What the document says about itself, for the catalog and the XMP
/// metadata.
#[derive(Clone, Debug, Default)]
pub struct About {
    /// BCP 47 language tag (`en`).
    pub language: String,
    /// The catalogue the links' descriptions are said in; the built-in one
    /// when `None`.
    pub words: Option<std::sync::Arc<crate::words::Catalogue>>,
}

/// Makes each page's link annotations objects of their own (printpdf
/// writes them inline), with a description (`/Contents`), the Print flag,
/// and `/Tabs /S` on the page: returns their ids, page by page.
fn annotations(doc: &mut lopdf::Document, pages: &[ObjectId], words: &crate::words::Catalogue) -> Vec<Vec<ObjectId>> {
    let mut out = Vec::with_capacity(pages.len());
    for &page in pages {
        let inline: Vec<Object> = match doc.get_object(page).and_then(Object::as_dict).and_then(|d| d.get(b"Annots")) {
            Ok(Object::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        let mut ids = Vec::with_capacity(inline.len());
        for annotation in inline {
            let mut dict = match annotation {
                Object::Dictionary(dict) => dict,
                Object::Reference(id) => match doc.get_object(id).and_then(Object::as_dict) {
                    Ok(dict) => dict.clone(),
                    Err(_) => continue,
                },
                _ => continue,
            };
            let contents = describe_link(&dict, pages, words);
            dict.set("Contents", text_string(&contents));
            dict.set("F", Object::Integer(4));
            ids.push(doc.add_object(Object::Dictionary(dict)));
        }
        if let Ok(dict) = doc.get_object_mut(page).and_then(Object::as_dict_mut) {
            if ids.is_empty() {
                dict.remove(b"Annots");
            } else {
                dict.set("Annots", Object::Array(ids.iter().map(|&id| Object::Reference(id)).collect()));
                dict.set("Tabs", Object::Name(b"S".to_vec()));
            }
        }
        out.push(ids);
    }
    out
}

/// Where a link goes, in the catalogue's words: "Link to https://…"
/// (`link-to-uri`), "Go to page 3" (`link-to-page`).
fn describe_link(annotation: &Dictionary, pages: &[ObjectId], words: &crate::words::Catalogue) -> String {
    let Ok(action) = annotation.get(b"A").and_then(Object::as_dict) else { return words.text("link-elsewhere", &[]) };
    if let Ok(Object::String(uri, _)) = action.get(b"URI") {
        return words.text("link-to-uri", &[("url", String::from_utf8_lossy(uri).into_owned().into())]);
    }
    let page = match action.get(b"D") {
        Ok(Object::Array(destination)) => destination.first().and_then(|p| p.as_reference().ok()).and_then(|p| pages.iter().position(|&q| q == p)),
        _ => None,
    };
    match page {
        Some(index) => words.text("link-to-page", &[("number", (index + 1).into())]),
        None => words.text("link-to-place", &[]),
    }
}

/// A PDF text string: bytes for ASCII, else UTF-16BE after a byte-order
/// mark.
pub fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// A text string's text (UTF-16BE after a byte-order mark, else bytes).
pub fn read_text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16.chunks(2).map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)])).collect();
            String::from_utf16_lossy(&units)
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_belongs_to_the_innermost_element_and_artifacts_to_none() {
        let mut s = Structure::new();
        s.begin_page(0);
        s.tag(&Tag::Open(Role::Paragraph));
        assert_eq!(s.mark(true), Mark::Content(1));
        assert_eq!(s.mark(false), Mark::Artifact, "a rule in a paragraph is decoration");
        s.tag(&Tag::Open(Role::Link("x".into())));
        s.annotation(0);
        assert_eq!(s.mark(true), Mark::Content(2));
        s.tag(&Tag::Close);
        s.tag(&Tag::Close);
        s.tag(&Tag::Open(Role::Figure("a chart".into())));
        assert_eq!(s.mark(false), Mark::Content(3), "a chart's shapes are its content");
        s.tag(&Tag::Close);
        s.tag(&Tag::Open(Role::Artifact));
        assert_eq!(s.mark(true), Mark::Artifact);
        s.tag(&Tag::Close);
        // More closes than opens never close the document.
        s.tag(&Tag::Close);
        s.tag(&Tag::Close);
        assert_eq!(s.mark(true), Mark::Content(0));
        assert_eq!(s.content(0, 1), 0);
        assert_eq!(s.content(0, 3), 1);
        assert!(matches!(s.elements[2].kids[..], [Kid::Annotation { page: 0, index: 0 }]));
    }

    #[test]
    fn dates_and_text_strings() {
        for text in ["plain", "Şuşa “quoted”"] {
            let Object::String(bytes, _) = text_string(text) else { panic!() };
            assert_eq!(read_text_string(&bytes), text);
        }
    }
}
