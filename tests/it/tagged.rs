//! The tagged PDF read back as a screen reader would: the structure tree
//! walked with lopdf and checked against the display list the pages were
//! drawn from, and every text-showing operator of every page found in
//! exactly one structure element or artifact.

use std::collections::{BTreeMap, BTreeSet};

use azint_report::options::Paper;
use azint_report::typeset::display::{Item, Role, Tag};
use azint_report::typeset;
use lopdf::{Document, Object, ObjectId};

use crate::util::{bin, fixture, stderr, stdout, typeset_options, AS_OF};

fn markdown(args: &[&str]) -> String {
    let output = bin().args(args).args(["--format", "md", "--as-of", AS_OF, "-q", "-o", "-"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

/// One structure element as read back.
#[derive(Debug)]
struct Element {
    role: String,
    parent: Option<usize>,
    alt: Option<String>,
    scope: Option<String>,
    /// (page index, MCID) of its marked content.
    contents: Vec<(usize, i64)>,
    /// Annotations it owns.
    annotations: Vec<ObjectId>,
    children: Vec<usize>,
}

fn dict<'a>(doc: &'a Document, object: &'a Object) -> &'a lopdf::Dictionary {
    match object {
        Object::Reference(id) => doc.get_object(*id).and_then(Object::as_dict).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

/// The structure tree in document order (depth first).
fn structure(doc: &Document) -> Vec<Element> {
    let pages: BTreeMap<ObjectId, usize> = doc.get_pages().values().enumerate().map(|(i, id)| (*id, i)).collect();
    let catalog = doc.catalog().unwrap();
    let root = dict(doc, catalog.get(b"StructTreeRoot").unwrap());
    let mut out = Vec::new();
    let kids = root.get(b"K").unwrap().as_array().unwrap();
    for kid in kids {
        walk(doc, &pages, kid, None, &mut out);
    }
    out
}

fn walk(doc: &Document, pages: &BTreeMap<ObjectId, usize>, object: &Object, parent: Option<usize>, out: &mut Vec<Element>) {
    let d = dict(doc, object);
    let role = String::from_utf8(d.get(b"S").unwrap().as_name().unwrap().to_vec()).unwrap();
    let alt = d.get(b"Alt").ok().map(|a| azint_report::typeset::tags::read_text_string(a.as_str().unwrap()));
    let scope = d
        .get(b"A")
        .ok()
        .and_then(|a| dict(doc, a).get(b"Scope").ok())
        .map(|s| String::from_utf8(s.as_name().unwrap().to_vec()).unwrap());
    let n = out.len();
    out.push(Element { role, parent, alt, scope, contents: Vec::new(), annotations: Vec::new(), children: Vec::new() });
    if let Some(p) = parent {
        out[p].children.push(n);
    }
    let kids = match d.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(other) => vec![other.clone()],
        Err(_) => Vec::new(),
    };
    let own_page = d.get(b"Pg").ok().map(|p| pages[&p.as_reference().unwrap()]);
    for kid in &kids {
        if let Object::Integer(mcid) = kid {
            // A bare MCID: marked content on the element's own page.
            out[n].contents.push((own_page.expect("an MCID without /Pg"), *mcid));
            continue;
        }
        let kid_dict = match kid {
            Object::Reference(id) => doc.get_object(*id).and_then(Object::as_dict).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        };
        let kind = kid_dict.and_then(|k| k.get(b"Type").ok()).and_then(|t| t.as_name().ok()).map(<[u8]>::to_vec);
        match kind.as_deref() {
            Some(b"MCR") => {
                let k = kid_dict.unwrap();
                let page = pages[&k.get(b"Pg").unwrap().as_reference().unwrap()];
                out[n].contents.push((page, k.get(b"MCID").unwrap().as_i64().unwrap()));
            }
            Some(b"OBJR") => out[n].annotations.push(kid_dict.unwrap().get(b"Obj").unwrap().as_reference().unwrap()),
            _ => walk(doc, pages, kid, Some(n), out),
        }
    }
}

/// For each page, the mark of every text-showing operator: `None` for an
/// artifact, `Some(mcid)` for content. Panics on text outside any mark.
fn text_marks(doc: &Document) -> Vec<Vec<Option<i64>>> {
    let mut out = Vec::new();
    for (_, &page) in doc.get_pages().iter() {
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        let mut stack: Vec<Option<i64>> = Vec::new();
        let mut marks = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BMC" => {
                    assert_eq!(op.operands[0].as_name().unwrap(), b"Artifact");
                    stack.push(None);
                }
                // A pagination artifact (issue 29, item 10) is one.
                "BDC" if op.operands[0].as_name().is_ok_and(|n| n == b"Artifact") => stack.push(None),
                "BDC" => {
                    let mcid = match &op.operands[1] {
                        Object::Dictionary(d) => d.get(b"MCID").unwrap().as_i64().unwrap(),
                        other => panic!("BDC properties: {other:?}"),
                    };
                    stack.push(Some(mcid));
                }
                "EMC" => {
                    stack.pop().expect("EMC without BMC or BDC");
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    assert_eq!(stack.len(), 1, "text must be in exactly one marked-content sequence");
                    marks.push(stack[0]);
                }
                _ => {}
            }
        }
        assert!(stack.is_empty(), "a marked-content sequence left open");
        out.push(marks);
    }
    out
}

/// The roles the display list opens, in order.
fn display_roles(document: &typeset::Document) -> Vec<Role> {
    document
        .pages
        .iter()
        .flat_map(|p| p.items.iter())
        .filter_map(|(_, i)| match i {
            Item::Tag(Tag::Open(role)) if *role != Role::Artifact => Some(role.clone()),
            _ => None,
        })
        .collect()
}

pub(crate) fn check_tagged(markdown: &str) {
    let typeset = typeset::typeset(markdown, &typeset_options(Paper::A4));
    let doc = Document::load_mem(&typeset.pdf).unwrap();
    let elements = structure(&doc);
    assert_eq!(elements[0].role, "Document");

    check_marks(&doc, &elements, &typeset);
    check_order(&elements, &typeset);
    check_elements(&elements);
    check_links(&doc, &elements);
    check_catalog(&doc);
}

/// Every text run is in one element or an artifact, as the display list has it.
fn check_marks(doc: &Document, elements: &[Element], typeset: &typeset::Typeset) {
    // Every text run is in exactly one element or an artifact, and every
    // MCID on a page belongs to exactly one element.
    let marks = text_marks(doc);
    let mut owners: BTreeMap<(usize, i64), usize> = BTreeMap::new();
    for (n, e) in elements.iter().enumerate() {
        for &content in &e.contents {
            assert!(owners.insert(content, n).is_none(), "MCID {content:?} in two elements");
        }
    }
    let mut content_runs = 0;
    for (page, page_marks) in marks.iter().enumerate() {
        for mcid in page_marks.iter().flatten() {
            assert!(owners.contains_key(&(page, *mcid)), "text with MCID {mcid} on page {page} has no element");
            content_runs += 1;
        }
    }
    assert!(content_runs > 0);
    // Page by page, as many artifact and content runs as the display list
    // has: the running head and foot, and what artifact tags enclose, are
    // artifacts; every other text item is content.
    for (page, page_marks) in typeset.document.pages.iter().zip(&marks) {
        let mut depth = 0usize;
        let (mut artifacts, mut contents) = (0, 0);
        for (_, item) in &page.items {
            match item {
                Item::Tag(Tag::Open(Role::Artifact)) => depth += 1,
                Item::Tag(Tag::Open(_)) => depth += usize::from(depth > 0),
                Item::Tag(Tag::Close) => depth = depth.saturating_sub(1),
                Item::Text(_) if depth > 0 => artifacts += 1,
                Item::Text(_) => contents += 1,
                _ => {}
            }
        }
        artifacts += page.furniture.iter().filter(|(_, i)| matches!(i, Item::Text(_))).count();
        let read = (page_marks.iter().filter(|m| m.is_none()).count(), page_marks.iter().filter(|m| m.is_some()).count());
        assert_eq!(read, (artifacts, contents), "artifact and content runs of a page");
    }

}

/// The structure is the display list's, in its order, headings as the outline.
fn check_order(elements: &[Element], typeset: &typeset::Typeset) {
    // The structure is the display list's, in its order.
    let roles = display_roles(&typeset.document);
    let names: Vec<&str> = roles.iter().map(Role::name).collect();
    // Spans are the writer's: an element's own text between its children.
    let read: Vec<&str> = elements[1..].iter().map(|e| e.role.as_str()).filter(|r| *r != "Span").collect();
    for e in elements.iter().filter(|e| e.role == "Span") {
        let parent = &elements[e.parent.unwrap()];
        assert!(parent.contents.is_empty() && !e.contents.is_empty(), "a span holds all of its parent's own content");
    }
    if names.contains(&"Note") {
        // Footnotes belong to the document, wherever a page's text broke:
        // the same elements, in another order.
        let (mut a, mut b) = (read.clone(), names.clone());
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "structure elements");
        assert!(elements.iter().filter(|e| e.role == "Note").all(|e| e.parent == Some(0)));
    } else {
        assert_eq!(read, names, "structure elements in reading order");
    }

    // Headings with their levels, in order, as the outline has them (and
    // the contents' own heading).
    let headings: Vec<&str> = read.iter().copied().filter(|r| r.starts_with('H')).collect();
    let outline: Vec<String> = typeset.document.headings.iter().map(|h| format!("H{}", h.level)).collect();
    let mut without_contents = headings.clone();
    if let Some(at) = roles.iter().position(|r| *r == Role::Toc) {
        // The "Contents" heading stands just before the TOC element.
        let before = roles[..at].iter().filter(|r| matches!(r, Role::Heading(_))).count();
        without_contents.remove(before - 1);
    }
    assert_eq!(without_contents, outline);

}

/// Each element where its role belongs.
fn check_elements(elements: &[Element]) {
    // Table cells in rows, rows in a head or body, every row as wide as its
    // table's header.
    for (n, e) in elements.iter().enumerate() {
        let parent = e.parent.map(|p| elements[p].role.as_str());
        match e.role.as_str() {
            "TD" | "TH" => assert_eq!(parent, Some("TR"), "cell {n}"),
            "TR" => assert!(matches!(parent, Some("THead" | "TBody")), "row {n} in {parent:?}"),
            "THead" | "TBody" => assert_eq!(parent, Some("Table")),
            "LI" => assert_eq!(parent, Some("L")),
            "LBody" => assert_eq!(parent, Some("LI")),
            // A footnote's number is its label.
            "Lbl" => assert!(matches!(parent, Some("LI" | "Note")), "label {n} in {parent:?}"),
            "Note" => assert!(e.children.first().is_some_and(|&c| elements[c].role == "Lbl"), "note {n} without its label"),
            "TOCI" => assert_eq!(parent, Some("TOC")),
            _ => {}
        }
        if e.role == "TH" {
            assert_eq!(e.scope.as_deref(), Some("Column"));
        }
        if e.role == "Table" {
            let widths: BTreeSet<usize> = e
                .children
                .iter()
                .flat_map(|&g| elements[g].children.iter())
                .map(|&row| elements[row].children.len())
                .collect();
            assert_eq!(widths.len(), 1, "rows of unequal width in table {n}: {widths:?}");
        }
        if e.role == "Figure" {
            assert!(e.alt.as_deref().is_some_and(|a| a.len() > 20), "figure {n} without a description");
        }
    }

}

/// Link elements and annotations bound both ways.
fn check_links(doc: &Document, elements: &[Element]) {
    // Every link element is bound to its annotation, and every annotation
    // to one link element, which the annotation points back to.
    let mut bound = BTreeSet::new();
    for e in elements.iter().filter(|e| e.role == "Link") {
        assert_eq!(e.annotations.len(), 1, "a link element without its annotation");
        assert!(bound.insert(e.annotations[0]), "an annotation in two link elements");
    }
    for (_, &page) in doc.get_pages().iter() {
        let page_dict = doc.get_object(page).and_then(Object::as_dict).unwrap();
        if let Ok(annots) = page_dict.get(b"Annots") {
            assert_eq!(page_dict.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
            for a in annots.as_array().unwrap() {
                let id = a.as_reference().unwrap();
                assert!(bound.contains(&id), "an annotation outside the structure");
                let annot = doc.get_object(id).and_then(Object::as_dict).unwrap();
                assert!(annot.get(b"StructParent").is_ok());
                // The description names the target: its address, or the
                // page an internal link goes to.
                let contents = String::from_utf8_lossy(annot.get(b"Contents").unwrap().as_str().unwrap()).into_owned();
                let action = annot.get(b"A").and_then(Object::as_dict).unwrap();
                match action.get(b"D") {
                    Ok(destination) => {
                        let target = destination.as_array().unwrap()[0].as_reference().unwrap();
                        let number = doc.get_pages().iter().find(|(_, &p)| p == target).map(|(n, _)| *n).unwrap();
                        assert_eq!(contents, format!("Go to page {number}"));
                    }
                    Err(_) => assert!(contents.starts_with("Link to "), "{contents}"),
                }
                assert_eq!(annot.get(b"F").unwrap().as_i64().unwrap(), 4, "the Print flag");
            }
        }
    }

}

/// The catalog of a tagged, archival PDF.
fn check_catalog(doc: &Document) {
    // The catalog of a tagged, archival PDF.
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"MarkInfo").is_ok() && catalog.get(b"Lang").is_ok() && catalog.get(b"OutputIntents").is_ok());
    let metadata = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let xmp = doc.get_object(metadata).and_then(Object::as_stream).unwrap();
    let xmp = String::from_utf8_lossy(&xmp.content);
    for claim in ["<pdfuaid:part>1</pdfuaid:part>", "<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>U</pdfaid:conformance>", "<rdf:li xml:lang=\"x-default\">Test</rdf:li>"] {
        assert!(xmp.contains(claim), "XMP lacks {claim}");
    }
}

#[test]
fn the_default_briefing_is_tagged_from_its_display_list() {
    check_tagged(&markdown(&["--period", "2024-2026"]));
}

#[test]
fn a_briefing_of_hostile_text_is_tagged_from_its_display_list() {
    check_tagged(&markdown(&["--data", fixture("valid/small").to_str().unwrap()]));
}

#[test]
fn every_kind_of_block_is_tagged() {
    let text = "# Title\n\nA paragraph with a [link](https://example.org).\n\n- one\n- two\n  1. nested\n\n> A quote.\n\n```\ncode\n```\n\n---\n\n| a | b |\n| --- | --: |\n| 1 | |\n| 3 | 4 |\n\n```mermaid\npie showData title T\n    \"A\" : 2\n    \"B\" : 1\n```\n";
    check_tagged(text);
    let typeset = typeset::typeset(text, &typeset_options(Paper::A4));
    let names: Vec<&str> = display_roles(&typeset.document).iter().map(Role::name).collect();
    for role in ["H1", "P", "Link", "L", "LI", "Lbl", "LBody", "BlockQuote", "Code", "Table", "THead", "TBody", "TR", "TH", "TD", "Figure"] {
        assert!(names.contains(&role), "no {role} in {names:?}");
    }
}

/// For each page, the text runs in pagination artifacts of each subtype:
/// (header, footer); every one names both its type and its subtype.
fn pagination_runs(doc: &Document) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (_, &page) in doc.get_pages().iter() {
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        let mut stack: Vec<Option<Vec<u8>>> = Vec::new();
        let (mut header, mut footer) = (0, 0);
        for op in &content.operations {
            match op.operator.as_str() {
                "BMC" => stack.push(None),
                "BDC" => {
                    let subtype = match (&op.operands[0], &op.operands[1]) {
                        (Object::Name(n), Object::Dictionary(d)) if n == b"Artifact" => {
                            assert_eq!(d.get(b"Type").unwrap().as_name().unwrap(), b"Pagination");
                            Some(d.get(b"Subtype").unwrap().as_name().unwrap().to_vec())
                        }
                        _ => None,
                    };
                    stack.push(subtype);
                }
                "EMC" => {
                    stack.pop();
                }
                "Tj" | "TJ" => match stack.last() {
                    Some(Some(s)) if s == b"Header" => header += 1,
                    Some(Some(s)) if s == b"Footer" => footer += 1,
                    Some(Some(s)) => panic!("pagination subtype {}", String::from_utf8_lossy(s)),
                    _ => {}
                },
                _ => {}
            }
        }
        out.push((header, footer));
    }
    out
}

/// Issue 29, item 10: the running head and the foot are pagination
/// artifacts of their subtype, whatever the length of the title and the
/// section names (generated, up to far past a line), and the text of the
/// pages is still tagged as the display list says.
#[test]
fn running_heads_are_pagination_artifacts_for_titles_of_any_length() {
    for length in [5, 40, 120, 400, 1_000] {
        let title = "Azerbaijan's multi-vector integration ".repeat(length / 38 + 1)[..length].trim().to_owned();
        let sections: String = (1..=3).map(|n| format!("## {n}. {title} {n}\n\n{}\n\n", "Words of the section. ".repeat(400))).collect();
        let text = format!("# {title}\n\n{sections}");
        let options = typeset::Options { header: (title.clone(), "2024–2026".to_owned()), ..typeset_options(Paper::A4) };
        let typeset = typeset::typeset(&text, &options);
        let doc = Document::load_mem(&typeset.pdf).unwrap();
        text_marks(&doc);
        let runs = pagination_runs(&doc);
        assert!(runs.len() > 2, "{length}: {} pages", runs.len());
        for (n, (page, (header, footer))) in typeset.document.pages.iter().zip(&runs).enumerate() {
            let (above, below): (Vec<_>, Vec<_>) =
                page.furniture.iter().filter(|(_, i)| matches!(i, Item::Text(_))).partition(|(at, _)| at.y < page.area.origin.y);
            assert_eq!((*header, *footer), (above.len(), below.len()), "{length}: page {n}");
            assert_eq!(*header > 0, n > 0, "{length}: page {n} has a running head from page two on");
            assert!(*footer > 0, "{length}: page {n} has its number");
            // A label, not prose: at most seven words of two letters or
            // more, title and section together, as outloud counts them
            // (TAG-002 reads eight or more as prose hidden from readers).
            let head: String = above.iter().filter_map(|(_, i)| if let Item::Text(t) = i { Some(t.text.as_str()) } else { None }).collect::<Vec<_>>().join(" ");
            let words = head.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 2).count();
            assert!(words <= 7, "{length}: page {n}: {head:?}");
        }
        let elements = structure(&doc);
        check_marks(&doc, &elements, &typeset);
    }
}

/// A title of one long word (an agglutinated Azerbaijani compound, a
/// pasted address) is cut within the word in the running head: nothing of
/// the head runs past the text's right edge, and the period stays.
#[test]
fn a_one_word_title_is_cut_inside_the_running_head() {
    let title = "Azərbaycanınbeynəlxalqinteqrasiyası".repeat(8);
    let text = format!("# {title}\n\n## Section\n\n{}\n\n## Next\n\n{}\n", "Words of the section. ".repeat(600), "More words. ".repeat(600));
    let options = typeset::Options { header: (title.clone(), "2024–2026".to_owned()), ..typeset_options(Paper::A4) };
    let typeset = typeset::typeset(&text, &options);
    let page = &typeset.document.pages[1];
    let heads: Vec<(f32, f32, &str)> = page
        .furniture
        .iter()
        .filter(|(at, _)| at.y < page.area.origin.y)
        .filter_map(|(at, i)| if let Item::Text(t) = i { Some((at.x.0, t.width.0, t.text.as_str())) } else { None })
        .collect();
    assert!(heads.iter().any(|(_, _, t)| t.contains('…') && t.contains("2024–2026")), "{heads:?}");
    for (x, w, t) in &heads {
        assert!(x + w <= page.area.right().0 + 0.5, "{t:?} runs to {} past {}", x + w, page.area.right().0);
    }
}
