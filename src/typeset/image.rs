//! Images a template puts in the briefing (`![alt](logo.png)`): which ones
//! the Markdown names, decoding PNG and JPEG, and the size a reader asked
//! for.
//!
//! The typesetter never reads files: the pipeline finds the images the
//! Markdown names ([`sources`]), reads them next to the templates, decodes
//! them here ([`decode`]) and hands them to layout by name. A PNG becomes
//! 8-bit RGB, its transparency composited onto white (PDF/A wants no soft
//! masks it cannot check); a JPEG is decoded whole (with `zune-jpeg`), under
//! the same pixel limit, to prove it draws, then embedded as it is
//! (`DCTDecode`): a JPEG that only claims a size, has no image data or is
//! cut off is refused here, not left for a viewer to choke on (issue 29,
//! item 1).

use pulldown_cmark::{Event, Options, Parser, Tag};

/// A decoded image, ready to embed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub data: ImageData,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageData {
    /// 8-bit RGB samples, row by row.
    Rgb(Vec<u8>),
    /// A baseline or progressive JPEG file, with its colour components
    /// (1 grey, 3 RGB).
    Jpeg { bytes: Vec<u8>, components: u8 },
}

/// The image addresses a Markdown text names, in order, each once.
pub fn sources(markdown: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_GFM) {
        if let Event::Start(Tag::Image { dest_url, .. }) = event {
            if !out.iter().any(|s| *s == *dest_url) {
                out.push(dest_url.into_string());
            }
        }
    }
    out
}

/// Decodes a PNG or JPEG file; the error says what is wrong with it.
pub fn decode(bytes: &[u8]) -> Result<Image, String> {
    if bytes.starts_with(&[0x89, b'P', b'N', b'G']) {
        decode_png(bytes)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        decode_jpeg(bytes)
    } else if bytes.trim_ascii_start().starts_with(b"<") {
        Err("SVG (or other markup) is not drawn: save the image as PNG or JPEG".to_owned())
    } else {
        Err("not a PNG or JPEG image".to_owned())
    }
}

/// The largest image decoded, in pixels: a bound on memory (a 1 KB PNG can
/// claim to be gigapixels).
pub const MAX_PIXELS: u64 = 40_000_000;

fn decode_png(bytes: &[u8]) -> Result<Image, String> {
    // The size its header claims, checked before the decoder sizes any
    // buffer by it.
    if let (Some(b"IHDR"), Some(w), Some(h)) = (bytes.get(12..16), bytes.get(16..20), bytes.get(20..24)) {
        let width = u32::from_be_bytes([w[0], w[1], w[2], w[3]]);
        let height = u32::from_be_bytes([h[0], h[1], h[2], h[3]]);
        if u64::from(width) * u64::from(height) > MAX_PIXELS {
            return Err(format!("the image is {width} × {height} pixels; the limit is {MAX_PIXELS} pixels"));
        }
    }
    // Room for the largest image allowed (16-bit RGBA rows), not the
    // decoder's default of 64 MiB.
    let mut decoder = png::Decoder::new_with_limits(bytes, png::Limits { bytes: (MAX_PIXELS * 8 + (1 << 20)) as usize });
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| format!("cannot decode the PNG: {e}"))?;
    let (width, height) = (reader.info().width, reader.info().height);
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!("the image is {width} × {height} pixels; the limit is {MAX_PIXELS} pixels"));
    }
    let mut buffer = vec![0; reader.output_buffer_size()];
    let frame = reader.next_frame(&mut buffer).map_err(|e| format!("cannot decode the PNG: {e}"))?;
    // To the end chunk: a file cut off after its pixels is cut off all
    // the same, as a JPEG without its end marker is.
    reader.finish().map_err(|e| format!("cannot decode the PNG: {e}"))?;
    buffer.truncate(frame.buffer_size());
    let over_white = |c: u8, a: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a)) + 127) / 255) as u8;
    // RGB and RGBA in the decoder's own buffer (RGBA shrinks in place:
    // pixel n's three bytes land at or before its four), so that an image
    // at the limit costs its samples once, not twice.
    let rgb: Vec<u8> = match frame.color_type {
        png::ColorType::Rgb => buffer,
        png::ColorType::Rgba => {
            let pixels = buffer.len() / 4;
            for n in 0..pixels {
                let a = buffer[4 * n + 3];
                for k in 0..3 {
                    buffer[3 * n + k] = over_white(buffer[4 * n + k], a);
                }
            }
            buffer.truncate(3 * pixels);
            buffer.shrink_to_fit();
            buffer
        }
        png::ColorType::Grayscale => buffer.iter().flat_map(|&g| [g, g, g]).collect(),
        png::ColorType::GrayscaleAlpha => buffer.chunks_exact(2).flat_map(|p| [over_white(p[0], p[1]); 3]).collect(),
        png::ColorType::Indexed => return Err("cannot decode the PNG: an indexed image was not expanded".to_owned()),
    };
    Ok(Image { width, height, data: ImageData::Rgb(rgb) })
}

/// Decodes a JPEG whole, after its frame header says it is within
/// [`MAX_PIXELS`] and of a kind PDF readers draw.
fn decode_jpeg(bytes: &[u8]) -> Result<Image, String> {
    let (width, height, components) = jpeg_frame(bytes)?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!("the image is {width} × {height} pixels; the limit is {MAX_PIXELS} pixels"));
    }
    // Strict: a file cut off or missing its scan is an error, not grey
    // blocks filled in.
    let options = zune_jpeg::zune_core::options::DecoderOptions::default()
        .set_strict_mode(true)
        .set_max_width(usize::from(u16::MAX))
        .set_max_height(usize::from(u16::MAX));
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(zune_jpeg::zune_core::bytestream::ZCursor::new(bytes), options);
    decoder.decode_headers().map_err(|e| format!("cannot decode the JPEG: {e}"))?;
    // The size the decoder will allocate for, which must be the size
    // checked (a second frame header could claim another).
    let decoded = decoder.info().map(|i| (u32::from(i.width), u32::from(i.height)));
    if decoded != Some((width, height)) {
        return Err("cannot decode the JPEG: its frame headers disagree on its size".to_owned());
    }
    decoder.decode().map_err(|e| format!("cannot decode the JPEG: {e}"))?;
    // The decoder stops at its last scan; a file whose end marker is
    // missing was cut off there.
    if !bytes.ends_with(&[0xFF, 0xD9]) && !bytes.windows(2).rev().take(4096).any(|w| w == [0xFF, 0xD9]) {
        return Err("cannot decode the JPEG: it is cut off (no end-of-image marker)".to_owned());
    }
    Ok(Image { width, height, data: ImageData::Jpeg { bytes: bytes.to_vec(), components } })
}

/// A JPEG's size and components, from its frame header.
fn jpeg_frame(bytes: &[u8]) -> Result<(u32, u32, u8), String> {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return Err("cannot read the JPEG: a marker was expected".to_owned());
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let length = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        // Start of frame: baseline, extended or progressive (not lossless
        // or arithmetic-coded, which few readers draw).
        if matches!(marker, 0xC0..=0xC2) {
            let frame = bytes.get(i + 4..i + 2 + length).ok_or("cannot read the JPEG: its frame header is cut off")?;
            if frame.len() < 6 {
                return Err("cannot read the JPEG: its frame header is cut off".to_owned());
            }
            let height = u32::from(u16::from_be_bytes([frame[1], frame[2]]));
            let width = u32::from(u16::from_be_bytes([frame[3], frame[4]]));
            let components = frame[5];
            if width == 0 || height == 0 {
                return Err("the JPEG has no size".to_owned());
            }
            if !matches!(components, 1 | 3) {
                return Err(format!("the JPEG has {components} colour components (CMYK?): save it as RGB"));
            }
            return Ok((width, height, components));
        }
        if matches!(marker, 0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            return Err("the JPEG is lossless or arithmetic-coded: save it as a baseline JPEG".to_owned());
        }
        i += 2 + length;
    }
    Err("cannot read the JPEG: it has no frame header".to_owned())
}

/// The size a reader asks for at the end of the alt text: `=120pt` (a
/// width in points) or `=40%` (of the text width). Returns the alt text
/// without it.
pub fn size_hint(alt: &str) -> (&str, Option<Hint>) {
    let Some((text, hint)) = alt.rsplit_once('=') else { return (alt, None) };
    let hint = hint.trim();
    let parsed = if let Some(pt) = hint.strip_suffix("pt") {
        pt.trim().parse::<f32>().ok().filter(|w| *w > 0.0).map(Hint::Points)
    } else if let Some(pc) = hint.strip_suffix('%') {
        pc.trim().parse::<f32>().ok().filter(|p| *p > 0.0 && *p <= 100.0).map(|p| Hint::Share(p / 100.0))
    } else {
        None
    };
    match parsed {
        Some(h) => (text.trim_end(), Some(h)),
        None => (alt, None),
    }
}

/// A requested width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hint {
    Points(f32),
    /// A share of the text width, 0 to 1.
    Share(f32),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32, color: png::ColorType, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(color);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.write_header().unwrap().write_image_data(data).unwrap();
        out
    }

    #[test]
    fn png_becomes_rgb_over_white() {
        let image = decode(&png(2, 1, png::ColorType::Rgba, &[255, 0, 0, 255, 0, 0, 0, 0])).unwrap();
        assert_eq!((image.width, image.height), (2, 1));
        assert_eq!(image.data, ImageData::Rgb(vec![255, 0, 0, 255, 255, 255]));
        let grey = decode(&png(1, 1, png::ColorType::Grayscale, &[7])).unwrap();
        assert_eq!(grey.data, ImageData::Rgb(vec![7, 7, 7]));
    }

    fn jpeg(width: u16, height: u16, colour: jpeg_encoder::ColorType) -> Vec<u8> {
        let mut out = Vec::new();
        let channels = match colour {
            jpeg_encoder::ColorType::Luma => 1,
            jpeg_encoder::ColorType::Cmyk => 4,
            _ => 3,
        };
        let data: Vec<u8> = (0..usize::from(width) * usize::from(height) * channels).map(|i| (i * 37 % 251) as u8).collect();
        jpeg_encoder::Encoder::new(&mut out, 80).encode(&data, width, height, colour).unwrap();
        out
    }

    #[test]
    fn a_whole_jpeg_is_decoded_and_kept_as_it_is() {
        for (w, h) in [(1, 1), (3, 2), (17, 9), (64, 33)] {
            let bytes = jpeg(w, h, jpeg_encoder::ColorType::Rgb);
            let image = decode(&bytes).unwrap();
            assert_eq!((image.width, image.height), (u32::from(w), u32::from(h)));
            assert_eq!(image.data, ImageData::Jpeg { bytes, components: 3 });
        }
        assert!(matches!(decode(&jpeg(5, 5, jpeg_encoder::ColorType::Luma)).unwrap().data, ImageData::Jpeg { components: 1, .. }));
        assert!(decode(&jpeg(5, 5, jpeg_encoder::ColorType::Cmyk)).unwrap_err().contains("CMYK"));
    }

    /// Every cut of a real JPEG, and its header alone claiming any size:
    /// refused, each with a reason (issue 29, item 1).
    #[test]
    fn issue_29_a_jpeg_cut_off_or_only_claiming_a_size_is_refused() {
        let bytes = jpeg(40, 24, jpeg_encoder::ColorType::Rgb);
        for end in 0..bytes.len() {
            assert!(decode(&bytes[..end]).is_err(), "cut at {end} of {} bytes was accepted", bytes.len());
        }
        // The header up to the start of the scan, with the frame's size
        // rewritten: no image data.
        let sos = bytes.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
        let sof = bytes.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        for (w, h) in [(65_500u16, 65_500u16), (40, 24), (1, 1), (10_000, 4_000), (7_000, 7_000)] {
            let mut header = bytes[..sos].to_vec();
            header[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
            header[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
            let why = decode(&header).unwrap_err();
            let pixels = u64::from(w) * u64::from(h);
            if pixels > MAX_PIXELS {
                assert!(why.contains("the limit is"), "{w}×{h}: {why}");
            } else {
                assert!(why.starts_with("cannot decode the JPEG"), "{w}×{h}: {why}");
            }
            header.extend([0xFF, 0xD9]);
            assert!(decode(&header).is_err(), "{w}×{h} with an end marker and no scan");
            // A second frame header claiming this size after the first.
            let length = usize::from(u16::from_be_bytes([bytes[sof + 2], bytes[sof + 3]]));
            let mut second = bytes[sof..sof + 2 + length].to_vec();
            second[5..7].copy_from_slice(&h.to_be_bytes());
            second[7..9].copy_from_slice(&w.to_be_bytes());
            let mut twice = bytes.clone();
            twice.splice(sof + 2 + length..sof + 2 + length, second);
            if (w, h) != (40, 24) {
                assert!(decode(&twice).is_err(), "a second frame header of {w}×{h}");
            }
        }
    }

    /// Thousands of damaged PNGs and JPEGs (bytes changed, cut, repeated):
    /// each is decoded or refused, never a panic, and none decoded is over
    /// the limit.
    #[test]
    fn issue_29_damaged_images_are_decoded_or_refused_never_a_panic() {
        let mut seed = 0x2545_F491_u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let originals = [
            png(9, 7, png::ColorType::Rgba, &[90; 9 * 7 * 4]),
            png(5, 3, png::ColorType::Grayscale, &[7; 15]),
            jpeg(24, 16, jpeg_encoder::ColorType::Rgb),
            jpeg(8, 8, jpeg_encoder::ColorType::Luma),
        ];
        for original in &originals {
            for _ in 0..1500 {
                let mut bytes = original.clone();
                for _ in 0..=next(4) {
                    let at = next(bytes.len());
                    match next(3) {
                        0 => bytes[at] = next(256) as u8,
                        1 => bytes.truncate(at.max(2)),
                        _ => {
                            let piece = bytes[at..(at + next(16)).min(bytes.len())].to_vec();
                            bytes.splice(at..at, piece);
                        }
                    }
                }
                if let Ok(image) = decode(&bytes) {
                    assert!(u64::from(image.width) * u64::from(image.height) <= MAX_PIXELS);
                }
            }
        }
    }

    #[test]
    fn anything_else_is_refused_with_a_reason() {
        assert!(decode(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap_err().contains("SVG"));
        assert_eq!(decode(b"GIF89a").unwrap_err(), "not a PNG or JPEG image");
        assert!(decode(&[0x89, b'P', b'N', b'G', 0, 0]).unwrap_err().starts_with("cannot decode the PNG"));
        assert!(decode(&[0xFF, 0xD8, 0xFF]).is_err());
    }

    #[test]
    fn sizes_asked_for_in_the_alt_text() {
        assert_eq!(size_hint("Desk logo =120pt"), ("Desk logo", Some(Hint::Points(120.0))));
        assert_eq!(size_hint("Logo =40%"), ("Logo", Some(Hint::Share(0.4))));
        assert_eq!(size_hint("x = y"), ("x = y", None));
        assert_eq!(size_hint("Logo"), ("Logo", None));
    }

    #[test]
    fn sources_are_listed_once_in_order() {
        assert_eq!(sources("![a](x.png) text ![b](y.jpg)\n\n![c](x.png)"), ["x.png", "y.jpg"]);
    }
}
