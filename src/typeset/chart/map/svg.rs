//! A drawing as an SVG file, for the Markdown (issue 26, item 5): the same
//! items the PDF draws, with the map's title and description for screen
//! readers (`role="img"`, `<title>`, `<desc>`). Text is set in the
//! report's families by name (the reader's Noto, else its sans serif), at
//! the positions the PDF's fonts measured.

use std::fmt::Write;

use crate::typeset::chart::Drawing;
use crate::typeset::display::{Item, Path};
use crate::typeset::fonts::Face;
use crate::typeset::geom::{Color, Point};

/// The SVG of `drawing`, titled `title` and described by `alt`.
pub fn write(drawing: &Drawing, title: &str, alt: &str) -> String {
    let (w, h) = (drawing.size.w.0, drawing.size.h.0);
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}pt\" height=\"{h}pt\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"title desc\">\n\
         <title id=\"title\">{}</title>\n<desc id=\"desc\">{}</desc>\n\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
        escape(title),
        escape(alt)
    );
    for (at, item) in &drawing.items {
        item_svg(&mut out, *at, item);
    }
    out.push_str("</svg>\n");
    out
}

fn item_svg(out: &mut String, at: Point, item: &Item) {
    match item {
        Item::Text(t) => {
            let (family, weight) = match t.face {
                Face::Sans => ("Noto Sans, Helvetica, Arial, sans-serif", "normal"),
                Face::SansBold => ("Noto Sans, Helvetica, Arial, sans-serif", "bold"),
                Face::Serif | Face::SerifItalic => ("Noto Serif, Georgia, serif", "normal"),
                Face::SerifBold | Face::SerifBoldItalic => ("Noto Serif, Georgia, serif", "bold"),
                Face::Mono => ("Noto Sans Mono, monospace", "normal"),
            };
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-family=\"{family}\" font-weight=\"{weight}\" font-size=\"{}\" fill=\"{}\">{}</text>",
                at.x.0,
                at.y.0,
                t.size.0,
                hex(t.color),
                escape(&t.text)
            );
        }
        Item::Line { to, width, color } => {
            let _ = writeln!(out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>", at.x.0, at.y.0, to.x.0, to.y.0, hex(*color), width.0);
        }
        Item::Fill { size, color } => {
            let _ = writeln!(out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>", at.x.0, at.y.0, size.w.0, size.h.0, hex(*color));
        }
        Item::Polygon { points, color } => {
            let _ = writeln!(out, "<path d=\"{}\" fill=\"{}\"/>", data(std::slice::from_ref(points), true), hex(*color));
        }
        Item::Path(path) => path_svg(out, path),
        Item::Link { .. } | Item::Image { .. } | Item::Tag(_) => {}
    }
}

fn path_svg(out: &mut String, path: &Path) {
    let fill = path.fill.map_or_else(|| "none".to_owned(), hex);
    let _ = write!(out, "<path d=\"{}\" fill=\"{fill}\" fill-rule=\"evenodd\"", data(&path.parts, path.closed));
    if let Some(stroke) = &path.stroke {
        let _ = write!(out, " stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"", hex(stroke.color), stroke.width.0);
        if !stroke.dash.is_empty() {
            let dash: Vec<String> = stroke.dash.iter().map(|d| d.0.to_string()).collect();
            let _ = write!(out, " stroke-dasharray=\"{}\"", dash.join(" "));
        }
    }
    out.push_str("/>\n");
}

/// Path data: absolute moves, then relative lines in hundredths (short).
fn data(parts: &[Vec<Point>], closed: bool) -> String {
    let mut d = String::new();
    for part in parts {
        let mut last: Option<Point> = None;
        for p in part {
            match last {
                None => {
                    let _ = write!(d, "M{} {}", p.x.0, p.y.0);
                }
                Some(q) => {
                    let _ = write!(d, "l{} {}", round(p.x.0 - q.x.0), round(p.y.0 - q.y.0));
                }
            }
            last = Some(*p);
        }
        if closed {
            d.push('z');
        }
    }
    d
}

fn round(v: f32) -> f32 {
    let r = (v * 100.0).round() / 100.0;
    if r == 0.0 { 0.0 } else { r }
}

fn hex(c: Color) -> String {
    let b = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", b(c.r), b(c.g), b(c.b))
}

/// Text for XML: the five characters it reserves.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
