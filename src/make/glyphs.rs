//! Characters no font of the report can draw: warned about, so that none
//! becomes a silent stand-in in the PDF, each blamed on the file that
//! wrote it (issue 29, item 3).
//!
//! One warning per character per file, at the record where it first
//! occurs, with how many times more the file has it; at most
//! [`LISTED_PER_FILE`] characters a file are listed, the rest counted in
//! one line, and the whole is capped as every other listing of problems
//! (`diag::cap`). A 45 KB file of unknown characters once gave 15,000
//! lines. A partner's or a source's registry entry is blamed on the
//! registry's file, not on the events that name it; characters only the
//! templates wrote, on the templates.

use std::collections::HashMap;

use crate::dataset::Dataset;
use crate::diag::{self, Diagnostic, Place};
use crate::number::thousands;
use crate::typeset::fonts::{covers, visible, Face, Fonts};

/// The most characters listed for one file; the rest are counted in one
/// line.
pub const LISTED_PER_FILE: usize = 10;

/// A character no font has, where a file first has it.
struct Found {
    file: String,
    c: char,
    what: String,
    place: Option<Place>,
    /// Times the file has it, the first included.
    count: usize,
}

#[derive(Default)]
struct Glyphs {
    found: Vec<Found>,
    /// (file, character) → index in `found`.
    index: HashMap<(String, char), usize>,
}

impl Glyphs {
    /// Notes each character of `text` no font has, for `file`; `what`
    /// names the record (called only when one is new).
    fn check(&mut self, text: &str, file: &str, place: Option<Place>, what: &dyn Fn() -> String) {
        for c in text.chars().filter(|&c| !c.is_ascii() && !covers(c)) {
            match self.index.get(&(file.to_owned(), c)) {
                Some(&i) => self.found[i].count += 1,
                None => {
                    self.index.insert((file.to_owned(), c), self.found.len());
                    self.found.push(Found { file: file.to_owned(), c, what: what(), place, count: 1 });
                }
            }
        }
    }

}

/// Every character no font of the report can draw, in `dataset`'s text
/// fields and the briefing's `markdown`: warnings, bounded.
pub fn missing_glyphs(dataset: &Dataset, markdown: &str) -> Vec<Diagnostic> {
    let mut glyphs = Glyphs::default();
    records(dataset, &mut glyphs);
    // What the templates wrote themselves: characters of no data file.
    let mut templates = Glyphs::default();
    templates.check(markdown, "templates", None, &|| "the briefing's text".to_owned());
    let seen: std::collections::HashSet<char> = glyphs.found.iter().map(|f| f.c).collect();
    for found in templates.found {
        if !seen.contains(&found.c) {
            glyphs.found.push(found);
        }
    }
    diag::cap(listed(glyphs.found))
}

/// The data's text fields, each with the file and record that wrote it.
fn records(dataset: &Dataset, glyphs: &mut Glyphs) {
    let registry_partners = !dataset.partners.is_empty();
    for event in &dataset.events {
        // Registry names and registry sources are checked in the
        // registry's file.
        let partners = event.partners.iter().filter(|_| !registry_partners);
        let sources = event.sources.iter().filter(|s| s.id.is_none() || dataset.sources.is_empty());
        let texts = [&event.title, &event.summary]
            .into_iter()
            .chain(&event.attribution)
            .chain(partners)
            .chain(event.figures.iter().flat_map(|f| std::iter::once(&f.label).chain(&f.unit)))
            .chain(sources.flat_map(|s| std::iter::once(&s.name).chain(&s.note)));
        for text in texts {
            glyphs.check(text, &event.file, Some(event.place), &|| format!("event `{}`", event.id));
        }
    }
    let partner_files = files_of(dataset, |f| f.partners);
    for (i, partner) in dataset.partners.iter().enumerate() {
        let file = partner_files.get(i).map_or("the partner registry", String::as_str);
        glyphs.check(&partner.name, file, None, &|| format!("partner `{}`", partner.id));
    }
    let source_files = files_of(dataset, |f| f.sources);
    for (i, source) in dataset.sources.iter().enumerate() {
        let file = source_files.get(i).map_or("the source registry", String::as_str);
        let id = source.id.clone().unwrap_or_default();
        for text in std::iter::once(&source.name).chain(&source.note) {
            glyphs.check(text, file, None, &|| format!("source `{id}`"));
        }
    }
    for pillar in &dataset.pillars {
        for text in std::iter::once(&pillar.name).chain(&pillar.short).chain(&pillar.summary) {
            glyphs.check(text, &pillar.file, None, &|| format!("pillar `{}`", pillar.id));
        }
    }
    for judgement in &dataset.judgements {
        let what = || judgement.id.as_ref().map_or_else(|| "a judgement".to_owned(), |id| format!("judgement `{id}`"));
        glyphs.check(&judgement.text, &judgement.file, Some(judgement.place), &what);
    }
    for place in &dataset.places {
        glyphs.check(&place.name, &place.file, Some(place.at), &|| format!("place `{}`", place.id));
    }
    for route in &dataset.routes {
        glyphs.check(&route.name, &route.file, Some(route.at), &|| format!("route `{}`", route.id));
    }
    if let Some(file) = &dataset.report_file {
        let meta = &dataset.report;
        let values = [Some(&meta.title), meta.subtitle.as_ref(), meta.author.as_ref(), meta.organisation.as_ref(), meta.distribution.as_ref()];
        for text in values.into_iter().flatten() {
            glyphs.check(text, file, None, &|| "`[report]`".to_owned());
        }
    }
}

/// The file of each registry entry, in order: `count` says how many of
/// the registry's entries each data file defines.
fn files_of(dataset: &Dataset, count: impl Fn(&crate::dataset::FileContents) -> usize) -> Vec<String> {
    let shown = |i: usize, relative: &str| dataset.files.get(i).cloned().unwrap_or_else(|| relative.to_owned());
    dataset.contents.iter().enumerate().flat_map(|(i, f)| std::iter::repeat_n(shown(i, &f.path), count(f))).collect()
}

/// The warnings: [`LISTED_PER_FILE`] characters a file, in the order
/// found, then one line for the rest of that file.
fn listed(found: Vec<Found>) -> Vec<Diagnostic> {
    let mut by_file: Vec<(String, Vec<Found>)> = Vec::new();
    for f in found {
        match by_file.iter_mut().find(|(file, _)| *file == f.file) {
            Some((_, list)) => list.push(f),
            None => by_file.push((f.file.clone(), vec![f])),
        }
    }
    let mut out = Vec::new();
    for (file, list) in by_file {
        let more = list.len().saturating_sub(LISTED_PER_FILE);
        let rest: usize = list.iter().skip(LISTED_PER_FILE).map(|f| f.count).sum();
        let codes: Vec<String> = list.iter().skip(LISTED_PER_FILE).take(5).map(|f| format!("U+{:04X}", f.c as u32)).collect();
        for f in list.into_iter().take(LISTED_PER_FILE) {
            out.push(warning(&f));
        }
        if more > 0 {
            let message = format!(
                "… and {} more characters in none of the report's fonts ({}{}), {} times in all: the PDF shows a stand-in for each",
                thousands(more),
                codes.join(", "),
                if more > codes.len() { ", …" } else { "" },
                thousands(rest),
            );
            let mut d = Diagnostic::error_in(&file, message).warning();
            // After the file's listed ones.
            d.offset = usize::MAX - 1;
            out.push(d);
        }
    }
    out
}

fn warning(f: &Found) -> Diagnostic {
    let again = match f.count {
        1 => String::new(),
        2 => " (once more in this file)".to_owned(),
        n => format!(" ({} more times in this file)", thousands(n - 1)),
    };
    let message = format!(
        "{}: U+{:04X} '{}' is in none of the report's fonts; the PDF shows '{}' instead{again}",
        f.what,
        f.c as u32,
        f.c,
        visible(Fonts::get(), Face::Serif, f.c)
    );
    let d = match f.place {
        Some(place) => Diagnostic::error_at_place(&f.file, place, message),
        None => Diagnostic::error_in(&f.file, message),
    };
    d.warning()
}
