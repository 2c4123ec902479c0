//! The PDF's outline (bookmarks): one entry per heading, nested by level,
//! the top levels open.

use lopdf::{Dictionary, Object, ObjectId};

use super::display::Heading;
use super::geom::Pt;
use super::tags::text_string;

/// The outline: one entry per heading, nested by level.
pub fn add(doc: &mut lopdf::Document, headings: &[Heading], page_height: Pt) {
    if headings.is_empty() {
        return;
    }
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = headings.iter().map(|_| doc.new_object_id()).collect();
    // The parent of each entry: the nearest earlier heading of a lower level.
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(headings.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        while stack.last().is_some_and(|&s| headings[s].level >= h.level) {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    // Each entry's children in order, the top level's last: once, not a
    // scan of every heading per entry.
    let top_level = headings.len();
    let mut children_of: Vec<Vec<usize>> = vec![Vec::new(); headings.len() + 1];
    let mut position = Vec::with_capacity(headings.len());
    for (i, p) in parent.iter().enumerate() {
        let siblings = &mut children_of[p.unwrap_or(top_level)];
        position.push(siblings.len());
        siblings.push(i);
    }
    let children = |p: Option<usize>| -> &[usize] { &children_of[p.unwrap_or(top_level)] };
    let mut descendants = vec![0i64; headings.len()];
    for i in (0..headings.len()).rev() {
        if let Some(p) = parent[i] {
            descendants[p] += 1 + descendants[i];
        }
    }
    for (i, h) in headings.iter().enumerate() {
        let (siblings, position) = (children(parent[i]), position[i]);
        let mut entry = Dictionary::new();
        entry.set("Title", text_string(&h.title));
        entry.set("Parent", Object::Reference(parent[i].map_or(root, |p| ids[p])));
        if position > 0 {
            entry.set("Prev", Object::Reference(ids[siblings[position - 1]]));
        }
        if let Some(&next) = siblings.get(position + 1) {
            entry.set("Next", Object::Reference(ids[next]));
        }
        let kids = children(Some(i));
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            entry.set("First", Object::Reference(ids[first]));
            entry.set("Last", Object::Reference(ids[last]));
            // Open the top levels, close the rest.
            let count = if h.level <= 1 { descendants[i] } else { -(kids.len() as i64) };
            entry.set("Count", Object::Integer(count));
        }
        if let Some(&page) = pages.get(h.page) {
            let top = (page_height - h.y + Pt(12.0)).rounded().0;
            entry.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Integer(0),
                    Object::Real(top),
                    Object::Null,
                ]),
            );
        }
        doc.objects.insert(ids[i], Object::Dictionary(entry));
    }
    let top = children(None);
    let mut outlines = Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(&first), Some(&last)) = (top.first(), top.last()) {
        outlines.set("First", Object::Reference(ids[first]));
        outlines.set("Last", Object::Reference(ids[last]));
    }
    let visible: i64 = top.len() as i64 + top.iter().filter(|&&t| headings[t].level <= 1).map(|&t| descendants[t]).sum::<i64>();
    outlines.set("Count", Object::Integer(visible));
    doc.objects.insert(root, Object::Dictionary(outlines));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Outlines", Object::Reference(root));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
}
