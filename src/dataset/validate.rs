//! Checking the parsed files against the data contract and building the
//! [`Dataset`]: files checked on all cores, each on its own
//! ([`super::fields`]), then merged in file order with the rules that span
//! files (unique ids, existing pillars, one `[report]`, the partner
//! registry).

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::{shorten, suggest, Diagnostic, Place};

use super::load::{DataFile, ReadError};
use super::DatasetError;
use super::judgements::Judgement;
use super::model::{Dataset, Event, FileContents, Partner, Pillar, ReportMeta, Source};
use super::{partners, sources};

use super::fields::{check_file_for, FileDefs, PillarRef};
use super::lang::{self, Fallbacks, Languages};

/// The most events a dataset may hold.
pub const MAX_EVENTS: usize = 2_000_000;

/// Checks every file and merges them into one dataset, or returns every
/// problem found. `root` names the dataset as a whole (the `--data` path).
///
/// Files are read and checked on all cores, each on its own, and each
/// file's text is dropped once checked; the rules that span files run
/// afterwards, in file order, so the result and the diagnostics never
/// depend on thread timing.
pub fn validate(root: &str, files: &[DataFile]) -> Result<Dataset, DatasetError> {
    validate_in(root, files, None)
}

/// [`validate`], every text given per language resolved to `lang`, or to
/// the dataset's language where it has none (`None`: the dataset's own).
/// The files are read assuming the dataset is in [`lang::DEFAULT`]; when
/// its `[report]` names another language and that changes what was read
/// (a language table, or a language asked), they are read again.
pub fn validate_in(root: &str, files: &[DataFile], lang: Option<&str>) -> Result<Dataset, DatasetError> {
    if let Some(code) = lang.filter(|code| !lang::LANGUAGES.contains(code)) {
        return Err(DatasetError::Invalid(vec![Diagnostic::error_in(
            root,
            format!("unknown language `{}`: a briefing is written in {}", shorten(code), lang::LANGUAGES.join(", ")),
        )
        .with_help(suggest(code, lang::LANGUAGES, "the languages are"))]));
    }
    let assumed = Languages { dataset: lang::DEFAULT.to_owned(), asked: lang.unwrap_or(lang::DEFAULT).to_owned() };
    let mut checked = check_all(files, &assumed)?;
    let own = checked.iter().find_map(|d| d.report.as_ref().map(|(r, _)| r.language.clone())).unwrap_or_else(|| lang::DEFAULT.to_owned());
    let langs = Languages { asked: lang.unwrap_or(&own).to_owned(), dataset: own };
    if langs != assumed && (lang.is_some() || checked.iter().any(|d| d.translated)) {
        checked = check_all(files, &langs)?;
    }
    let mut dataset = validate_checked(root, files, checked)?;
    dataset.fallbacks.asked = langs.asked;
    dataset.fallbacks.dataset = langs.dataset;
    Ok(dataset)
}

fn validate_checked(root: &str, files: &[DataFile], checked: Vec<FileDefs>) -> Result<Dataset, DatasetError> {
    if files.is_empty() {
        return Err(DatasetError::Invalid(vec![Diagnostic::error_in(
            root,
            "no `.toml` files found: expected data files defining `[[pillar]]` and `[[event]]` \
             tables (hidden files and other extensions are skipped)",
        )]));
    }
    let events: usize = checked.iter().map(|d| d.event_tables).sum();
    if events > MAX_EVENTS {
        return Err(DatasetError::Invalid(vec![Diagnostic::error_in(
            root,
            format!("{events} events defined; the limit is {MAX_EVENTS}"),
        )]));
    }
    let mut diagnostics = Vec::new();
    let contents: Vec<FileContents> = files
        .iter()
        .zip(&checked)
        .map(|(file, defs)| FileContents {
            path: file.relative.clone(),
            pillars: defs.pillars.len(),
            events: defs.events.len(),
            partners: defs.partners.len(),
            sources: defs.sources.len(),
        })
        .collect();
    let mut merged = merge(files, checked, &mut diagnostics);

    if !merged.pillars_declared && !merged.syntax_errors {
        diagnostics.push(Diagnostic::error_in(
            root,
            format!(
                "no pillars defined: expected at least one `[[pillar]]` table in {}",
                describe_files(files)
            ),
        ));
    }
    if !merged.events_declared && !merged.syntax_errors {
        diagnostics.push(Diagnostic::error_in(
            root,
            format!(
                "no events defined: expected at least one `[[event]]` table in {}",
                describe_files(files)
            ),
        ));
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(DatasetError::Invalid(crate::diag::cap(diagnostics)));
    }

    let mut pillars: Vec<(usize, Pillar)> = merged.pillars.into_iter().enumerate().collect();
    pillars.sort_by_key(|(index, p)| (p.order.is_none(), p.order, *index));
    let report_file = merged.report.as_ref().map(|r| files[r.1].path.clone());
    Ok(Dataset {
        report_file,
        report: merged.report.map(|r| r.0).unwrap_or_default(),
        pillars: pillars.into_iter().map(|(_, p)| p).collect(),
        events: std::mem::take(&mut merged.events),
        partners: merged.partners,
        judgements: merged.judgements,
        sources: merged.sources,
        places: merged.places,
        routes: merged.routes,
        fallbacks: merged.fallbacks,
        files: files.iter().map(|f| f.path.clone()).collect(),
        contents,
    })
}

/// Below this many bytes of data, threads cost more than they save.
const PARALLEL_FROM_BYTES: u64 = 1 << 20;

/// Reads and checks each file on its own, using every core for a large
/// dataset; results in file order.
fn check_all(files: &[DataFile], langs: &Languages) -> Result<Vec<FileDefs>, DatasetError> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len());
    let size: u64 = files.iter().map(|f| f.size).sum();
    if workers <= 1 || size < PARALLEL_FROM_BYTES {
        return files.iter().map(|file| read_and_check(file, langs)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, Result<FileDefs, DatasetError>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(file) = files.get(index) else { break };
                        done.push((index, read_and_check(file, langs)));
                    }
                    done
                })
            })
            .collect();
        // A worker only panics on a bug; re-raise it rather than lose files.
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, defs)| defs).collect()
}

fn read_and_check(file: &DataFile, langs: &Languages) -> Result<FileDefs, DatasetError> {
    match file.read() {
        Ok(source) => Ok(check_file_for(&source, langs)),
        // Not text: what it defines is unknown, as after a syntax error.
        Err(ReadError::Invalid(d)) => Ok(FileDefs {
            syntax_error: true,
            diagnostics: vec![d],
            ..FileDefs::default()
        }),
        Err(ReadError::Io(e)) => Err(e),
    }
}

/// Merges the files' definitions in file order, applying the rules that
/// span files: one `[report]`, unique ids, existing pillars.
fn merge(files: &[DataFile], mut checked: Vec<FileDefs>, diagnostics: &mut Vec<Diagnostic>) -> Merged {
    let mut merged = Merged::default();
    // The registry first: events of any file may name partners of any other.
    let defs = checked.iter_mut().enumerate().flat_map(|(index, d)| std::mem::take(&mut d.partners).into_iter().map(move |p| (index, p)));
    let registry = partners::Registry::build(files, defs.collect(), diagnostics);
    let defs = checked.iter_mut().enumerate().flat_map(|(index, d)| std::mem::take(&mut d.sources).into_iter().map(move |(s, p)| (index, s, p)));
    let sources = sources::Registry::build(files, defs.collect(), diagnostics);
    let mut pillar_ids: HashMap<String, (usize, Place)> = HashMap::new();
    let events: usize = checked.iter().map(|d| d.event_ids.len()).sum();
    let mut event_ids: HashMap<String, (usize, Place)> = HashMap::with_capacity(events);
    merged.events.reserve_exact(events);
    let mut pillar_refs = Vec::new();
    let mut judgements = Vec::new();
    let (mut places, mut routes) = (Vec::new(), Vec::new());
    for (index, mut defs) in checked.into_iter().enumerate() {
        let path = &files[index].path;
        if let Some(registry) = &registry {
            registry.resolve(&files[index].path, &mut defs.events, &defs.partner_places, diagnostics);
        }
        sources.resolve(path, &mut defs.events, &defs.citation_places, diagnostics);
        diagnostics.extend(defs.diagnostics);
        merged.fallbacks.merge(defs.fallbacks);
        merged.pillars_declared |= defs.pillars_declared;
        merged.events_declared |= defs.events_declared;
        merged.syntax_errors |= defs.syntax_error;
        if let Some((report, place)) = defs.report {
            match &merged.report {
                Some((_, first_file, first)) => diagnostics.push(
                    Diagnostic::error_at_place(path, place, "`[report]` is defined in more than one file")
                        .with_help(format!(
                            "keep one `[report]` table; the first is at {}",
                            at(files, *first_file, first)
                        )),
                ),
                None => merged.report = Some((report, index, place)),
            }
        }
        for (id, place) in defs.pillar_ids {
            match pillar_ids.get(&id) {
                Some(first) => diagnostics.push(duplicate(files, index, place, "pillar", &id, first)),
                None => {
                    pillar_ids.insert(id, (index, place));
                }
            }
        }
        for (id, place) in defs.event_ids {
            match event_ids.get(&id) {
                Some(first) => diagnostics.push(duplicate(files, index, place, "event", &id, first)),
                None => {
                    event_ids.insert(id, (index, place));
                }
            }
        }
        judgements.extend(defs.judgements.into_iter().map(|j| (index, j)));
        places.extend(defs.places.into_iter().map(|p| (index, p)));
        routes.extend(defs.routes.into_iter().map(|r| (index, r)));
        merged.pillars.extend(defs.pillars);
        merged.events.extend(defs.events);
        pillar_refs.extend(defs.pillar_refs.into_iter().map(|r| (index, r)));
    }
    check_references(files, &merged.pillars, &pillar_refs, diagnostics);
    let pillar_names: Vec<&str> = merged.pillars.iter().map(|p| p.id.as_str()).collect();
    merged.judgements = super::judgements::check(files, judgements, &event_ids, &pillar_names, diagnostics);
    let whole = !merged.syntax_errors;
    (merged.places, merged.routes) = super::places::check(files, places, routes, &event_ids, &pillar_names, whole, diagnostics);
    merged.partners = registry.map(partners::Registry::into_partners).unwrap_or_default();
    merged.sources = sources.into_sources();
    merged
}

fn duplicate(
    files: &[DataFile],
    index: usize,
    place: Place,
    what: &str,
    id: &str,
    (first_file, first): &(usize, Place),
) -> Diagnostic {
    Diagnostic::error_at_place(
        &files[index].path,
        place,
        format!("duplicate {what} id `{}`: ids must be unique across all files", shorten(id)),
    )
    .with_help(format!("`{}` is first defined at {}", shorten(id), at(files, *first_file, first)))
}

/// `path:line:col`.
fn at(files: &[DataFile], file: usize, place: &Place) -> String {
    format!("{}:{}:{}", files[file].path, place.line, place.col)
}

fn check_references(
    files: &[DataFile],
    pillars: &[Pillar],
    refs: &[(usize, PillarRef)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    if pillars.is_empty() {
        // Every reference would be unknown: the missing or broken pillars
        // are reported once, where they are.
        return;
    }
    let known: Vec<&str> = pillars.iter().map(|p| p.id.as_str()).collect();
    let known_set: HashSet<&str> = known.iter().copied().collect();
    for (index, r) in refs {
        let path = &files[*index].path;
        if !known_set.contains(&*r.id) {
            let help = suggest(&r.id, &known, "the pillars are");
            diagnostics.push(
                Diagnostic::error_at_place(
                    path,
                    r.place,
                    format!("unknown pillar `{}`: expected the id of a `[[pillar]]`", r.id),
                )
                .with_help(help),
            );
        } else if r.primary.as_deref() == Some(&*r.id) {
            diagnostics.push(
                Diagnostic::error_at_place(
                    path,
                    r.place,
                    format!("`also` repeats the primary pillar `{}`", r.id),
                )
                .with_help("list only further pillars under `also`"),
            );
        }
    }
}

fn describe_files(files: &[DataFile]) -> String {
    match files.len() {
        1 => "the one file read".to_owned(),
        n => format!("any of the {n} files read"),
    }
}

/// What the files define, merged.
#[derive(Default)]
struct Merged {
    /// With the file index and place of its table.
    report: Option<(ReportMeta, usize, Place)>,
    pillars: Vec<Pillar>,
    events: Vec<Event>,
    partners: Vec<Partner>,
    judgements: Vec<Judgement>,
    sources: Vec<Source>,
    places: Vec<super::places::Place>,
    routes: Vec<super::places::Route>,
    /// Whether any file has a `pillar` / `event` key at all, valid or not.
    pillars_declared: bool,
    events_declared: bool,
    /// Whether any file failed to parse (its definitions are unknown).
    syntax_errors: bool,
    fallbacks: Fallbacks,
}

/// Validates one file's text (for tests).
#[cfg(test)]
pub fn validate_text(path: &str, text: &'static str) -> Result<Dataset, DatasetError> {
    validate(path, &[DataFile::from_text(path, text)])
}
