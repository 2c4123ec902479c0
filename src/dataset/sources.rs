//! The `[[source]]` registry (issue 25): sources defined once, in any
//! file, and cited by events by id (`sources = ["news-az-2026-02-12"]`,
//! or `{ id = ..., credibility = 2 }` with the information's grade). Built
//! once every file is read, like the partner registry
//! ([`super::partners`]): ids are unique across files, and each citation
//! names an entry, whose details are copied into the citing event.

use std::collections::HashMap;

use crate::diag::{shorten, suggest, Diagnostic, Place};

use super::load::DataFile;
use super::model::{Event, Source};

/// The registry's entries, by id.
pub struct Registry {
    sources: Vec<Source>,
    index: HashMap<String, usize>,
}

impl Registry {
    /// The registry of every file's `[[source]]` tables (file index, entry,
    /// place of its id), in file order; a repeated id is an error.
    pub fn build(files: &[DataFile], defs: Vec<(usize, Source, Place)>, diagnostics: &mut Vec<Diagnostic>) -> Registry {
        let mut registry = Registry { sources: Vec::with_capacity(defs.len()), index: HashMap::new() };
        let mut first: HashMap<String, (usize, Place)> = HashMap::new();
        for (file, source, place) in defs {
            let id = source.id.clone().unwrap_or_default();
            if let Some((first_file, first_place)) = first.get(&id) {
                diagnostics.push(
                    Diagnostic::error_at_place(
                        &files[file].path,
                        place,
                        format!("duplicate source id `{}`: ids must be unique across all files", shorten(&id)),
                    )
                    .with_help(format!(
                        "`{}` is first defined at {}:{}:{}",
                        shorten(&id),
                        files[*first_file].path,
                        first_place.line,
                        first_place.col
                    )),
                );
                continue;
            }
            first.insert(id.clone(), (file, place));
            registry.index.insert(id, registry.sources.len());
            registry.sources.push(source);
        }
        registry
    }

    /// Fills in each source `events` cite by id from its entry, keeping the
    /// citation's credibility; `places` are the citations' places, in order.
    pub fn resolve(&self, path: &str, events: &mut [Event], places: &[Place], diagnostics: &mut Vec<Diagnostic>) {
        let mut places = places.iter();
        for event in events {
            for cited in event.sources.iter_mut().filter(|s| s.id.is_some() && s.name.is_empty()) {
                let place = places.next().copied().unwrap_or(event.place);
                let id = cited.id.as_deref().unwrap_or_default();
                match self.index.get(id) {
                    Some(&index) => {
                        let credibility = cited.credibility;
                        *cited = Source { credibility, ..self.sources[index].clone() };
                    }
                    None => diagnostics.push(self.unknown(path, place, id)),
                }
            }
        }
    }

    fn unknown(&self, path: &str, place: Place, id: &str) -> Diagnostic {
        let message = format!("unknown source `{}` in `sources`: expected the id of a `[[source]]`", shorten(id));
        let help = if self.sources.is_empty() {
            "no `[[source]]` is defined: add one with this `id`, or give the source inline, `{ name = \"...\" }`"
                .to_owned()
        } else {
            let ids: Vec<&str> = self.sources.iter().filter_map(|s| s.id.as_deref()).collect();
            suggest(id, &ids, "the sources are")
        };
        Diagnostic::error_at_place(path, place, message).with_help(help)
    }

    /// The entries, in file order.
    pub fn into_sources(self) -> Vec<Source> {
        self.sources
    }
}
