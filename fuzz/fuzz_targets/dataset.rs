//! Any bytes as a data file: parsing and validation never panic, and every
//! diagnostic has a place inside the file.
#![no_main]

use azint_report::dataset::fields::check_file;
use azint_report::dataset::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = SourceFile { path: "fuzz.toml".to_owned(), text: text.to_owned() };
    let defs = check_file(&file);
    let lines = text.lines().count().max(1) + 1;
    for d in &defs.diagnostics {
        if let Some((line, col)) = d.position {
            assert!(line >= 1 && line <= lines && col >= 1, "{d}");
        }
    }
});
