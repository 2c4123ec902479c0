//! The PDF file: a finished document's objects to bytes.
//!
//! lopdf can write object streams, but it clones every object into them
//! and serialises each one three times, and it compresses at its highest
//! level; on a 10,000-event briefing that was a third of the time. Here each
//! object is serialised once, streams are compressed one at a time at a
//! level chosen by measurement ([`LEVEL`], [`OBJECT_STREAM_LEVEL`]) and on every core, objects that are not streams go
//! into object streams, and a compressed cross-reference stream ends the
//! file. Objects the structure tree writes itself ([`Raw`]) join them
//! without ever becoming lopdf dictionaries.

use std::cell::RefCell;
use std::io::Write;

use flate2::{Compress, Compression, FlushCompress, Status};
use lopdf::{Dictionary, Object, StringFormat};

/// Deflate level 6 for streams (page contents, fonts, images), by
/// measurement on a 10,000-event briefing (485 pages, 15 MB of uncompressed
/// objects; flate2 on zlib-rs): writing the file took 41 ms for 1.10 MB at
/// level 6, 40 ms for 1.35 MB at level 3; miniz_oxide took 130 ms at level
/// 6, and lopdf's level 9 more again for 1% less.
pub const LEVEL: u32 = 6;

/// Deflate level 5 for object streams: their dictionaries (most of them
/// the structure tree's) compress as well as at level 6, 0.25% larger on a
/// 10,000-event briefing's 4 MB of them, in 28% less time.
pub const OBJECT_STREAM_LEVEL: u32 = 5;

/// Objects per object stream: large enough to compress well together,
/// small enough that a reader finds one without inflating much.
const PER_STREAM: usize = 200;

/// Objects serialised by their owner: object number and bytes. Never
/// streams.
#[derive(Debug, Default)]
pub struct Raw {
    pub objects: Vec<(u32, Vec<u8>)>,
}

/// Where an object is: at an offset of the file, or the `index`th object of
/// object stream `stream`.
#[derive(Clone, Copy)]
enum Entry {
    Free,
    Offset(usize),
    InStream { stream: u32, index: u32 },
}

/// Writes `doc` (every stream uncompressed, or compressed with its
/// `/Filter` set) and the `raw` objects as a PDF file: the header, streams,
/// object streams, and a cross-reference stream whose dictionary carries the
/// trailer.
pub fn write(doc: &lopdf::Document, raw: Raw) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    // A comment of bytes above 127 marks the file as binary (PDF/A-2 6.1.2).
    let _ = writeln!(out, "%PDF-{}", doc.version);
    out.extend_from_slice(&[b'%', 0xE2, 0xE3, 0xCF, 0xD3, b'\n']);

    let mut max = doc.max_id.max(raw.objects.iter().map(|(n, _)| *n).max().unwrap_or(0));
    let mut next_id = || {
        max += 1;
        max
    };
    let mut entries: Vec<(u32, Entry)> = Vec::with_capacity(doc.objects.len() + raw.objects.len() + 16);

    // Streams first, then the other objects in object streams. Everything
    // is deflated before anything is written, on every core: the bytes do
    // not depend on which thread deflated what.
    let mut small: Vec<(u32, Vec<u8>)> = Vec::with_capacity(doc.objects.len());
    let mut streams: Vec<(u32, &lopdf::Stream, bool)> = Vec::new();
    for (&(number, generation), object) in &doc.objects {
        if generation != 0 {
            // lopdf documents built here have none; an object of another
            // generation cannot go into an object stream.
            entries.push((number, Entry::Offset(out.len())));
            let _ = writeln!(out, "{number} {generation} obj");
            serialise(&mut out, object);
            out.extend_from_slice(b"\nendobj\n");
            continue;
        }
        match object {
            Object::Stream(stream) => {
                let compress = stream.allows_compression && stream.dict.get(b"Filter").is_err() && stream.content.len() > 32;
                streams.push((number, stream, compress));
            }
            other => {
                let mut bytes = Vec::new();
                serialise(&mut bytes, other);
                small.push((number, bytes));
            }
        }
    }
    small.extend(raw.objects);
    small.sort_unstable_by_key(|(n, _)| *n);

    let object_streams = pack(small, &mut next_id, &mut entries);

    let jobs: Vec<(&[u8], u32)> = streams
        .iter()
        .filter(|(_, _, compress)| *compress)
        .map(|(_, stream, _)| (stream.content.as_slice(), LEVEL))
        .chain(object_streams.iter().map(|(_, _, _, content)| (content.as_slice(), OBJECT_STREAM_LEVEL)))
        .collect();
    let mut deflated = deflate_all(&jobs).into_iter();

    for (number, stream, compress) in &streams {
        entries.push((*number, Entry::Offset(out.len())));
        let compressed = if *compress { deflated.next() } else { None };
        let content = compressed.as_deref().unwrap_or(&stream.content);
        let _ = writeln!(out, "{number} 0 obj");
        let mut dict = stream.dict.clone();
        if compressed.is_some() {
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        }
        dict.set("Length", Object::Integer(content.len() as i64));
        dictionary(&mut out, &dict);
        out.extend_from_slice(b"\nstream\n");
        out.extend_from_slice(content);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }
    for (stream, count, first, _) in &object_streams {
        let content = deflated.next().unwrap_or_default();
        entries.push((*stream, Entry::Offset(out.len())));
        let _ = write!(out, "{stream} 0 obj\n<</Type/ObjStm/N {count}/First {first}/Filter/FlateDecode/Length {}>>\nstream\n", content.len());
        out.extend_from_slice(&content);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    // The cross-reference stream, which is also the trailer.
    let xref = next_id();
    entries.push((xref, Entry::Offset(out.len())));
    end(out, doc, xref, entries)
}

/// The object streams' contents, [`PER_STREAM`] objects each, numbered by
/// `next_id`: a table of numbers and offsets, then the objects. Each is
/// `(number, objects, length of the table, content)`; `entries` learns
/// where each object went.
fn pack(small: Vec<(u32, Vec<u8>)>, next_id: &mut impl FnMut() -> u32, entries: &mut Vec<(u32, Entry)>) -> Vec<(u32, usize, usize, Vec<u8>)> {
    let mut object_streams = Vec::with_capacity(small.len() / PER_STREAM + 1);
    for chunk in small.chunks(PER_STREAM) {
        let stream = next_id();
        let mut table = String::new();
        let mut body = Vec::new();
        for (index, (number, bytes)) in chunk.iter().enumerate() {
            if index > 0 {
                body.push(b'\n');
            }
            table.push_str(&format!("{number} {} ", body.len()));
            body.extend_from_slice(bytes);
            entries.push((*number, Entry::InStream { stream, index: index as u32 }));
        }
        let mut content = Vec::with_capacity(table.len() + body.len());
        content.extend_from_slice(table.as_bytes());
        content.extend_from_slice(&body);
        object_streams.push((stream, chunk.len(), table.len(), content));
    }
    object_streams
}

/// Ends the file `out`, every object written and `entries` saying where:
/// the cross-reference stream `xref`, whose dictionary is also the trailer
/// and carries the document ID ([`document_id`]), then `startxref`.
fn end(mut out: Vec<u8>, doc: &lopdf::Document, xref: u32, entries: Vec<(u32, Entry)>) -> Vec<u8> {
    let start = out.len();
    let size = xref as usize + 1;
    let mut table = vec![Entry::Free; size];
    for (number, entry) in entries {
        if let Some(slot) = table.get_mut(number as usize) {
            *slot = entry;
        }
    }
    // Field widths: type, offset or stream number (4 bytes), index (2... or 4).
    let widest_index = table.iter().map(|e| if let Entry::InStream { index, .. } = e { *index } else { 0 }).max().unwrap_or(0);
    let third = if widest_index > 0xFFFF { 4 } else { 2 };
    let mut rows = Vec::with_capacity(size * (5 + third));
    for entry in &table {
        let (kind, second, third_value) = match *entry {
            Entry::Free => (0u8, 0u32, if rows.is_empty() { 0xFFFF } else { 0 }),
            Entry::Offset(offset) => (1, offset as u32, 0),
            Entry::InStream { stream, index } => (2, stream, index),
        };
        rows.push(kind);
        rows.extend_from_slice(&second.to_be_bytes());
        rows.extend_from_slice(&third_value.to_be_bytes()[4 - third..]);
    }
    let width = 5 + third;
    let rows = deflate(&up_predicted(&rows, width));
    let mut trailer = Dictionary::new();
    trailer.set("Type", Object::Name(b"XRef".to_vec()));
    trailer.set("Size", Object::Integer(size as i64));
    trailer.set("W", Object::Array(vec![Object::Integer(1), Object::Integer(4), Object::Integer(third as i64)]));
    // The document's own ID (printpdf's, drawn at random, is not read).
    for key in [&b"Root"[..], b"Info"] {
        if let Ok(value) = doc.trailer.get(key) {
            trailer.set(key.to_vec(), value.clone());
        }
    }
    trailer.set("ID", Object::Null);
    trailer.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    trailer.set(
        "DecodeParms",
        Object::Dictionary(Dictionary::from_iter([("Predictor", Object::Integer(12)), ("Columns", Object::Integer(width as i64))])),
    );
    trailer.set("Length", Object::Integer(rows.len() as i64));
    // The cross-reference stream, and with it the file, as it ends with
    // document ID `id`.
    let ending = |trailer: &mut Dictionary, id: [u8; 16]| {
        let id = Object::String(id.to_vec(), StringFormat::Hexadecimal);
        trailer.set("ID", Object::Array(vec![id.clone(), id]));
        let mut tail = Vec::with_capacity(rows.len() + 256);
        let _ = writeln!(tail, "{xref} 0 obj");
        dictionary(&mut tail, trailer);
        tail.extend_from_slice(b"\nstream\n");
        tail.extend_from_slice(&rows);
        let _ = write!(tail, "\nendstream\nendobj\nstartxref\n{start}\n%%EOF");
        tail
    };
    let id = document_id(&out, &ending(&mut trailer, ID_PLACEHOLDER));
    out.extend_from_slice(&ending(&mut trailer, id));
    out
}

/// What the document ID is a fingerprint of: the file with this in place
/// of the ID, twice (the ID of the file is not known until the file is).
pub const ID_PLACEHOLDER: [u8; 16] = [0xA5; 16];

/// The document ID: a 128-bit fingerprint (two FNV-1a 64-bit hashes with
/// different offsets, in one pass) of the file that is `body` then `ending`,
/// written with [`ID_PLACEHOLDER`] as its ID. Stable across platforms and
/// runs; the file, then, is hashed as written, not written and then
/// patched.
pub fn document_id(body: &[u8], ending: &[u8]) -> [u8; 16] {
    let (a, b) = crate::hash::fnv1a_pair(body, crate::hash::BASIS, 0x6c62_272e_07bb_0142);
    let (a, b) = crate::hash::fnv1a_pair(ending, a, b);
    let mut id = [0u8; 16];
    id[..8].copy_from_slice(&a.to_be_bytes());
    id[8..].copy_from_slice(&b.to_be_bytes());
    id
}

/// The cross-reference rows (`width` bytes each) under PNG's Up predictor
/// (PDF 32000-1, 7.4.4.4): each row as its difference from the row above,
/// after a filter byte of 2. Neighbouring entries differ little (the same
/// object stream, the next index), so the rows deflate to a fraction.
fn up_predicted(rows: &[u8], width: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.len() + rows.len() / width.max(1) + 1);
    let mut above: &[u8] = &[];
    for row in rows.chunks(width) {
        out.push(2);
        out.extend(row.iter().enumerate().map(|(i, &b)| b.wrapping_sub(above.get(i).copied().unwrap_or(0))));
        above = row;
    }
    out
}

/// Deflates each of `jobs` ([`deflate`]) on up to as many threads as the
/// machine has cores, by level and the largest first; results in the order
/// of `jobs`.
fn deflate_all(jobs: &[(&[u8], u32)]) -> Vec<Vec<u8>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let total: usize = jobs.iter().map(|(j, _)| j.len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    // A small document is not worth a thread.
    if threads < 2 || total < 256 * 1024 {
        return jobs.iter().map(|&(j, level)| deflate_at(j, level)).collect();
    }
    // By level (each thread's compressor changes level once), then the
    // largest first.
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| (jobs[i].1, std::cmp::Reverse(jobs[i].0.len())));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Vec<u8>>> = Mutex::new(vec![Vec::new(); jobs.len()]);
    let work = || {
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            let done = deflate_at(jobs[i].0, jobs[i].1);
            results.lock().unwrap_or_else(|e| e.into_inner())[i] = done;
        }
    };
    // This thread works too: one thread fewer, and its memory is warm.
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    results.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// Deflates `data` in the zlib format (`/FlateDecode`) at [`LEVEL`].
pub fn deflate(data: &[u8]) -> Vec<u8> {
    deflate_at(data, LEVEL)
}

thread_local! {
    /// This thread's compressor and its level. Making one allocates and
    /// clears some 300 KB of tables: done for each of a briefing's thirty
    /// streams, that was 6% of the default PDF's instructions. Reset, the
    /// same compressor gives the same bytes as a new one; a new level gets
    /// a new one ([`deflate_all`] hands out the streams by level).
    static COMPRESSOR: RefCell<Option<(u32, Compress)>> = const { RefCell::new(None) };
}

fn deflate_at(data: &[u8], level: u32) -> Vec<u8> {
    COMPRESSOR.with_borrow_mut(|slot| {
        if slot.as_ref().is_some_and(|(at, _)| *at != level) {
            // The old tables go before the new ones are made.
            *slot = None;
        }
        let compress = match slot {
            Some((_, compress)) => {
                compress.reset();
                compress
            }
            None => &mut slot.insert((level, Compress::new(Compression::new(level), true))).1,
        };
        let mut out = Vec::with_capacity(data.len() / 3 + 64);
        loop {
            let done = compress.total_in() as usize;
            match compress.compress_vec(&data[done.min(data.len())..], &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => return out,
                // The output is full: more room.
                Ok(_) => out.reserve(out.capacity().max(64)),
                // Compressing memory into memory does not fail.
                Err(_) => return Vec::new(),
            }
        }
    })
}

/// Writes one object in PDF syntax.
pub fn serialise(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(n) => integer(out, *n),
        Object::Real(r) => real(out, *r),
        Object::Name(name) => self::name(out, name),
        Object::String(bytes, StringFormat::Literal) => literal(out, bytes),
        Object::String(bytes, StringFormat::Hexadecimal) => hex(out, bytes),
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                serialise(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => dictionary(out, dict),
        // Streams are written by `write`; one inside another object cannot
        // be, and is written as its dictionary.
        Object::Stream(stream) => dictionary(out, &stream.dict),
        Object::Reference(id) => reference(out, *id),
    }
}

/// An indirect reference: `12 0 R`.
pub fn reference(out: &mut Vec<u8>, (number, generation): (u32, u16)) {
    let _ = write!(out, "{number} {generation} R");
}

pub fn dictionary(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict.iter() {
        name(out, key);
        if !matches!(value, Object::Name(_) | Object::Array(_) | Object::Dictionary(_) | Object::String(..)) {
            out.push(b' ');
        }
        serialise(out, value);
    }
    out.extend_from_slice(b">>");
}

pub fn integer(out: &mut Vec<u8>, n: i64) {
    let _ = write!(out, "{n}");
}

/// A real number in plain decimal notation (PDF has no exponents), with no
/// more digits than a page needs.
pub fn real(out: &mut Vec<u8>, r: f32) {
    if !r.is_finite() {
        out.push(b'0');
    } else if r.fract() == 0.0 && r.abs() < 1e9 {
        let _ = write!(out, "{}", r as i64);
    } else {
        let _ = write!(out, "{r}");
    }
}

/// A name, with delimiters, white space and bytes outside `!`..`~` as `#xx`.
pub fn name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &byte in name {
        if b"()<>[]{}/%#".contains(&byte) || !(33..=126).contains(&byte) {
            let _ = write!(out, "#{byte:02X}");
        } else {
            out.push(byte);
        }
    }
}

/// A literal string: backslash, parentheses and carriage return escaped.
pub fn literal(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    for &byte in bytes {
        match byte {
            b'\\' | b'(' | b')' => {
                out.push(b'\\');
                out.push(byte);
            }
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(byte),
        }
    }
    out.push(b')');
}

pub fn hex(out: &mut Vec<u8>, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.push(b'<');
    for &byte in bytes {
        out.push(DIGITS[usize::from(byte >> 4)]);
        out.push(DIGITS[usize::from(byte & 15)]);
    }
    out.push(b'>');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(object: &Object) -> String {
        let mut out = Vec::new();
        serialise(&mut out, object);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn objects_in_pdf_syntax() {
        assert_eq!(text(&Object::Real(12.5)), "12.5");
        assert_eq!(text(&Object::Real(3.0)), "3");
        assert_eq!(text(&Object::Real(0.0001)), "0.0001");
        assert_eq!(text(&Object::Name(b"A B#(".to_vec())), "/A#20B#23#28");
        assert_eq!(text(&Object::String(b"a(b)\\\r".to_vec(), StringFormat::Literal)), "(a\\(b\\)\\\\\\r)");
        assert_eq!(text(&Object::String(vec![0xFE, 0xFF], StringFormat::Hexadecimal)), "<FEFF>");
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Page".to_vec()));
        dict.set("Count", Object::Integer(-2));
        dict.set("K", Object::Array(vec![Object::Integer(1), Object::Reference((4, 0))]));
        assert_eq!(text(&Object::Dictionary(dict)), "<</Type/Page/Count -2/K[1 4 0 R]>>");
    }

    #[test]
    fn the_up_predictor_undoes_to_the_rows() {
        let rows: Vec<u8> = (0..70u32).flat_map(|n| [2, 0, 0, 0, 9, (n % 7) as u8, (n * 37 % 256) as u8]).collect();
        let predicted = up_predicted(&rows, 7);
        assert_eq!(predicted.len(), rows.len() + 70);
        let mut undone: Vec<u8> = Vec::new();
        for row in predicted.chunks(8) {
            assert_eq!(row[0], 2, "each row says it is Up");
            let above = undone.len().checked_sub(7).map(|i| undone[i..].to_vec()).unwrap_or_else(|| vec![0; 7]);
            undone.extend(row[1..].iter().zip(&above).map(|(&d, &a)| d.wrapping_add(a)));
        }
        assert_eq!(undone, rows);
    }

    #[test]
    fn deflating_on_every_core_gives_the_bytes_of_one() {
        let jobs: Vec<Vec<u8>> = (0..9u8).map(|n| (0..60_000u32).map(|i| (i % 251) as u8 ^ n).collect()).collect();
        let jobs: Vec<(&[u8], u32)> = jobs.iter().enumerate().map(|(n, j)| (j.as_slice(), if n % 2 == 0 { LEVEL } else { OBJECT_STREAM_LEVEL })).collect();
        let together = deflate_all(&jobs);
        assert_eq!(together.len(), jobs.len());
        for (&(job, level), done) in jobs.iter().zip(&together) {
            assert_eq!(done, &deflate_at(job, level));
        }
    }

    #[test]
    fn a_reused_compressor_gives_what_a_fresh_one_gives_and_it_inflates_back() {
        use std::io::Read;
        // Text-like, then incompressible (more than the room first made for
        // the output), then text again, at both levels in turn.
        let text: Vec<u8> = (0..80_000u32).map(|i| b"azerbaijan cooperation "[(i % 23) as usize]).collect();
        let mut seed = 7u32;
        let noise: Vec<u8> = (0..80_000)
            .map(|_| {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (seed >> 24) as u8
            })
            .collect();
        // Each text after another use of the same compressor at its level.
        let uses = [(&text, LEVEL), (&noise, LEVEL), (&text, LEVEL), (&text, OBJECT_STREAM_LEVEL), (&noise, OBJECT_STREAM_LEVEL), (&text, OBJECT_STREAM_LEVEL)];
        for (data, level) in uses {
            let deflated = deflate_at(data, level);
            let mut fresh = flate2::write::ZlibEncoder::new(Vec::new(), Compression::new(level));
            fresh.write_all(data).unwrap();
            let mut inflated = Vec::new();
            flate2::read::ZlibDecoder::new(deflated.as_slice()).read_to_end(&mut inflated).unwrap();
            assert_eq!(&inflated, data);
            if std::ptr::eq(data, &text) {
                assert_eq!(deflated, fresh.finish().unwrap(), "level {level}");
            }
        }
    }

    /// A document of one page with `text` shown, and a raw object the
    /// catalog points at.
    fn one_page(text: &[u8]) -> (lopdf::Document, Raw) {
        let mut doc = lopdf::Document::with_version("1.7");
        let pages = doc.new_object_id();
        let content = doc.add_object(lopdf::Stream::new(Dictionary::new(), text.repeat(10)));
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages));
        page.set("MediaBox", Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]));
        page.set("Contents", Object::Reference(content));
        let page = doc.add_object(page);
        let mut tree = Dictionary::new();
        tree.set("Type", Object::Name(b"Pages".to_vec()));
        tree.set("Kids", Object::Array(vec![Object::Reference(page)]));
        tree.set("Count", Object::Integer(1));
        doc.objects.insert(pages, Object::Dictionary(tree));
        let mut catalog = Dictionary::new();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", Object::Reference(pages));
        let extra = doc.new_object_id();
        catalog.set("Extra", Object::Reference(extra));
        let catalog = doc.add_object(catalog);
        doc.trailer.set("Root", Object::Reference(catalog));
        let raw = Raw { objects: vec![(extra.0, b"<</Raw true>>".to_vec())] };

        (doc, raw)
    }

    #[test]
    fn a_written_file_reads_back() {
        let (doc, raw) = one_page(b"BT /F1 12 Tf (Hello) Tj ET ");
        let bytes = write(&doc, raw);
        assert!(bytes.starts_with(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
        let back = lopdf::Document::load_mem(&bytes).expect("the file reads back");
        assert_eq!(back.get_pages().len(), 1);
        let catalog = back.catalog().expect("a catalog");
        let extra = catalog.get(b"Extra").and_then(Object::as_reference).expect("a reference");
        let raw = back.get_dictionary(extra).expect("the raw object");
        assert_eq!(raw.get(b"Raw").and_then(Object::as_bool).ok(), Some(true));
        let page = back.get_dictionary(back.get_pages()[&1]).expect("the page");
        let contents = page.get(b"Contents").and_then(Object::as_reference).expect("its contents");
        let stream = back.get_object(contents).and_then(Object::as_stream).expect("a stream");
        assert_eq!(stream.dict.get(b"Filter").and_then(Object::as_name).ok(), Some(&b"FlateDecode"[..]));
        assert_eq!(stream.decompressed_content().expect("it inflates"), b"BT /F1 12 Tf (Hello) Tj ET ".repeat(10));
    }

    /// The document ID of a written file, and the file with the
    /// placeholder in its place.
    fn id_of(bytes: &[u8]) -> ([u8; 16], Vec<u8>) {
        let back = lopdf::Document::load_mem(bytes).expect("the file reads back");
        let ids = back.trailer.get(b"ID").and_then(Object::as_array).expect("an ID");
        let [Ok(first), Ok(second)] = [&ids[0], &ids[1]].map(|id| id.as_str()) else { panic!("two strings") };
        assert_eq!(first, second, "a new file's two IDs are one");
        let id: [u8; 16] = first.try_into().expect("16 bytes");
        let (mut written, mut placeholder) = (Vec::new(), Vec::new());
        hex(&mut written, &id);
        hex(&mut placeholder, &ID_PLACEHOLDER);
        let mut unpatched = bytes.to_vec();
        let mut found = 0;
        while let Some(at) = unpatched.windows(written.len()).position(|w| w == written.as_slice()) {
            unpatched[at..at + written.len()].copy_from_slice(&placeholder);
            found += 1;
        }
        assert_eq!(found, 2, "the ID is written twice, in the trailer");
        (id, unpatched)
    }

    #[test]
    fn the_id_is_the_fingerprint_of_the_file_as_written_with_the_placeholder() {
        let (doc, raw) = one_page(b"BT /F1 12 Tf (Hello) Tj ET ");
        let bytes = write(&doc, raw);
        let (id, unpatched) = id_of(&bytes);
        assert_eq!(document_id(&unpatched, &[]), id);
        let (doc, raw) = one_page(b"BT /F1 12 Tf (Hello) Tj ET ");
        assert_eq!(write(&doc, raw), bytes, "the same document, the same bytes");
        let (doc, raw) = one_page(b"BT /F1 12 Tf (Jello) Tj ET ");
        assert_ne!(id_of(&write(&doc, raw)).0, id, "another document, another ID");
    }
}
