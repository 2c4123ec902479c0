//! What the document says about itself, each thing written once from
//! [`Metadata`]: the document information dictionary, the XMP metadata that
//! repeats it (PDF/A wants both to agree), and the sRGB output intent
//! PDF/A asks for.

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

use super::tags::text_string;
use super::Metadata;

/// The sRGB profile of the output intent (Zlib licence, `icc/LICENSE`).
static SRGB: &[u8] = include_bytes!("icc/sRGB.icc");

/// Seam: the document information dictionary, written whole from
/// `metadata` over the one printpdf adds (at its object number, so the
/// numbering printpdf gave the rest stands). What the report does not say
/// (an empty author, say) is left out; printpdf's `GTS_PDFXVersion`, which
/// readers take as a claim of PDF/X conformance a printer's preflight then
/// fails, never reaches the file; the tool names itself only as the
/// Producer. Keys in a fixed order, the order of the files before this
/// dictionary was written here.
pub fn set_info(doc: &mut lopdf::Document, metadata: &Metadata) {
    let Ok(id) = doc.trailer.get(b"Info").and_then(Object::as_reference) else { return };
    let mut info = Dictionary::new();
    info.set("Trapped", Object::Name(b"False".to_vec()));
    if let Some(when) = chrono::DateTime::from_timestamp(metadata.date, 0) {
        // Dates in one plain form, which the XMP metadata repeats.
        let text = when.format("D:%Y%m%d%H%M%SZ").to_string();
        info.set("CreationDate", Object::String(text.clone().into_bytes(), StringFormat::Literal));
        info.set("ModDate", Object::String(text.into_bytes(), StringFormat::Literal));
    }
    let (producer, creator) = (producer(), creator());
    let keywords = keywords(metadata);
    let entries = [
        ("Keywords", keywords.as_str()),
        ("Title", &metadata.title),
        ("Author", &metadata.author),
        ("Creator", &creator),
        ("Producer", &producer),
        ("Subject", &metadata.subject),
    ];
    for (key, text) in entries.into_iter().filter(|(_, text)| !text.is_empty()) {
        info.set(key, utf16_string(text));
    }
    doc.objects.insert(id, Object::Dictionary(info));
}

/// How the tool names itself in the document information and the XMP.
fn producer() -> String {
    format!("azint-report {} (printpdf)", env!("CARGO_PKG_VERSION"))
}

/// The application that made the document from its source (the
/// information's /Creator, XMP's `xmp:CreatorTool`): the tool and its
/// version, without the library that wrote the bytes.
fn creator() -> String {
    format!("azint-report {}", env!("CARGO_PKG_VERSION"))
}

/// The keywords as one text, separated by a comma and a space as the PDF
/// standard's and XMP's examples write them (`a, b, c`); a comma inside a
/// keyword would split it for a reader, so it becomes a semicolon.
fn keywords(metadata: &Metadata) -> String {
    metadata.keywords.iter().map(|k| k.trim().replace(',', ";")).filter(|k| !k.is_empty()).collect::<Vec<_>>().join(", ")
}

/// A text string as UTF-16BE after a byte-order mark, ASCII too: the form
/// of the document information's strings.
fn utf16_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// The XMP metadata packet: what [`set_info`] writes (title, author,
/// subject, keywords, producer, dates) said again as XMP (PDF/A wants both
/// to agree), from the same [`Metadata`], with the PDF/A-2u and PDF/UA-1
/// identification and the extension schema that PDF/A asks for `pdfuaid`.
/// Written unfiltered.
pub fn add_xmp(doc: &mut lopdf::Document, metadata: &Metadata, language: &str) {
    let given = |text: &str| Some(text.to_owned()).filter(|t| !t.is_empty());
    let keywords = keywords(metadata);
    let (title, author, subject, keywords, producer) =
        (given(&metadata.title), given(&metadata.author), given(&metadata.subject), given(&keywords), Some(producer()));
    let date = chrono::DateTime::from_timestamp(metadata.date, 0).map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string()).unwrap_or_default();
    let modified = date.clone();
    let mut body = String::new();
    body.push_str("   <dc:format>application/pdf</dc:format>\n");
    if let Some(title) = title {
        body.push_str(&format!("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n", xml(&title)));
    }
    if let Some(author) = author {
        body.push_str(&format!("   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n", xml(&author)));
    }
    if let Some(subject) = subject {
        body.push_str(&format!("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n", xml(&subject)));
    }
    body.push_str(&format!("   <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n", xml(language)));
    if let Some(keywords) = keywords {
        body.push_str(&format!("   <pdf:Keywords>{}</pdf:Keywords>\n", xml(&keywords)));
    }
    if let Some(producer) = producer {
        body.push_str(&format!("   <pdf:Producer>{}</pdf:Producer>\n", xml(&producer)));
    }
    body.push_str(&format!("   <xmp:CreatorTool>{}</xmp:CreatorTool>\n", xml(&creator())));
    if !date.is_empty() {
        body.push_str(&format!(
            "   <xmp:CreateDate>{date}</xmp:CreateDate>\n   <xmp:ModifyDate>{modified}</xmp:ModifyDate>\n   <xmp:MetadataDate>{modified}</xmp:MetadataDate>\n"
        ));
    }
    let packet = format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
 <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
  <rdf:Description rdf:about=\"\"\n\
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n\
    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n\
    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n\
    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n\
    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n\
    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n\
    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n\
{body}\
   <pdfaid:part>2</pdfaid:part>\n\
   <pdfaid:conformance>U</pdfaid:conformance>\n\
   <pdfuaid:part>1</pdfuaid:part>\n\
   <pdfaExtension:schemas>\n\
    <rdf:Bag>\n\
     <rdf:li rdf:parseType=\"Resource\">\n\
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n\
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n\
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n\
      <pdfaSchema:property>\n\
       <rdf:Seq>\n\
        <rdf:li rdf:parseType=\"Resource\">\n\
         <pdfaProperty:name>part</pdfaProperty:name>\n\
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n\
         <pdfaProperty:category>internal</pdfaProperty:category>\n\
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n\
        </rdf:li>\n\
       </rdf:Seq>\n\
      </pdfaSchema:property>\n\
     </rdf:li>\n\
    </rdf:Bag>\n\
   </pdfaExtension:schemas>\n\
  </rdf:Description>\n\
 </rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"w\"?>"
    );
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", Object::Name(b"XML".to_vec()));
    let stream = Stream::new(dict, packet.into_bytes()).with_compression(false);
    let id = doc.add_object(Object::Stream(stream));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Metadata", Object::Reference(id));
    }
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The sRGB output intent PDF/A asks for, with its ICC profile, in the
/// catalog.
pub fn add_output_intent(doc: &mut lopdf::Document) {
    let intent = output_intent(doc);
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("OutputIntents", Object::Array(vec![Object::Reference(intent)]));
    }
}

fn output_intent(doc: &mut lopdf::Document) -> ObjectId {
    let mut profile = Dictionary::new();
    profile.set("N", Object::Integer(3));
    let profile = doc.add_object(Object::Stream(Stream::new(profile, SRGB.to_vec())));
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
    intent.set("OutputConditionIdentifier", text_string("sRGB IEC61966-2.1"));
    intent.set("Info", text_string("sRGB IEC61966-2.1"));
    intent.set("DestOutputProfile", Object::Reference(profile));
    doc.add_object(Object::Dictionary(intent))
}
