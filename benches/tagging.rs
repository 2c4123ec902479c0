//! What tagging costs: typesets one Markdown briefing to PDF with or
//! without the structure tree, in one process, so `benches/tagging.sh`
//! can time the two and read their peak memory.
//!
//!     tagging MARKDOWN tagged|untagged OUT.pdf

use std::process::ExitCode;

use azint_report::options::Paper;
use azint_report::typeset::{self, Metadata, Options};

/// The binary's allocator, so that the typesetting measured here costs what
/// it costs in a run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [markdown, mode, out] = args.as_slice() else {
        eprintln!("usage: tagging MARKDOWN tagged|untagged OUT.pdf");
        return ExitCode::from(2);
    };
    let markdown = match std::fs::read_to_string(markdown) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{markdown}: {e}");
            return ExitCode::from(2);
        }
    };
    let options = Options {
        page: Paper::A4.size(),
        language: "en".to_owned(),
        header: ("Briefing".to_owned(), "2024–2026".to_owned()),
        metadata: Metadata { title: "Briefing".to_owned(), date: 1_770_854_400, language: "en".to_owned(), ..Metadata::default() },
        images: Default::default(),
        maps: Default::default(),
        words: azint_report::words::Catalogue::builtin(),
        links: Default::default(),
        names: Vec::new(),
    };
    let pdf = match mode.as_str() {
        "tagged" => typeset::typeset_pdf(&markdown, &options),
        "untagged" => typeset::typeset_pdf_untagged(&markdown, &options),
        _ => {
            eprintln!("mode: tagged or untagged");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::write(out, &pdf.bytes) {
        eprintln!("{out}: {e}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
