//! Any text as Markdown: typesetting never panics, and every glyph lies in
//! the text area.
#![no_main]

use azint_report::cli::Paper;
use azint_report::typeset::display::Item;
use azint_report::typeset::fonts::Fonts;
use azint_report::typeset::geom::Pt;
use azint_report::typeset::{typeset, Metadata, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let markdown = String::from_utf8_lossy(&data[..data.len().min(4096)]);
    let options = Options {
        paper: Paper::A4,
        language: "en".to_owned(),
        header: ("Fuzz".to_owned(), "2024".to_owned()),
        metadata: Metadata::default(),
        images: Default::default(),
    };
    let out = typeset(&markdown, &options);
    let fonts = Fonts::get();
    for page in &out.document.pages {
        for (at, item) in &page.items {
            if let Item::Text(t) = item {
                let f = fonts.face(t.face);
                assert!(page.area.contains(&t.bounds(*at, f.ascent, f.descent), Pt(0.6)), "{:?} {:?}", t.text, at);
            }
        }
    }
});
