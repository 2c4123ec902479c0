//! `azint-report`: briefings on Azerbaijan's international integration.
//!
//! The pipeline, one module a step ([`render`] reads as it):
//! find the data files, once a run ([`discover`]; the binary sizes its
//! memory by them) → validate them ([`dataset`]) → keep the period's events
//! and summarise each pillar ([`summary`]) → decide the reports and their
//! targets ([`plan`]), and from the plan whether templates are needed
//! ([`Templates`]) → compare with the issued briefing ([`issued`],
//! [`snapshot`])
//! → make each report in memory ([`make`]: Markdown through Handlebars
//! templates, [`report`]; PDF through the typesetter, [`typeset`]) → write
//! them all or none ([`output`]).
//!
//! The command line is parsed in [`cli`] (the one module that names clap)
//! and resolved in [`options`]; the library below takes [`Options`] only.
//! `tests/it/layers.rs` keeps the layers' imports pointing one way.

pub mod cli;
pub mod dataset;
pub mod date;
pub mod diag;
pub mod error;
pub mod geo;
pub mod hash;
pub mod images;
pub mod input;
pub mod issued;
pub mod make;
pub mod memory;
pub mod mermaid;
pub mod number;
pub mod options;
pub mod palette;
pub mod output;
pub mod period;
pub mod plan;
pub mod report;
pub mod slug;
pub mod snapshot;
pub mod summary;
pub mod typeset;
pub mod watch;
pub mod words;

pub use error::Error;

use std::time::Instant;

use crate::dataset::{DataFile, DataSource, Dataset};
use crate::options::{Destination, Options, OutputFormat};
use crate::output::Target;
use crate::period::Period;
use crate::summary::Selection;

/// One report a run wrote.
#[derive(Clone, Debug)]
pub struct Written {
    pub target: Target,
    pub format: OutputFormat,
    pub bytes: usize,
}

/// What a successful run did, for the success line.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub written: Vec<Written>,
    pub period: Period,
    /// Pages of the PDF, when one was made (the first language's).
    pub pages: Option<usize>,
    /// With several languages, each language's pages, in the run's order.
    pub pages_by_language: Vec<(words::Lang, usize)>,
    /// Problems that did not stop the run (missing glyphs).
    pub warnings: Vec<diag::Diagnostic>,
    /// What the run compared with: the issued briefing, and what changed
    /// since.
    pub baseline: issued::Baseline,
    /// `2026-02-12 (AZ-2026-07)` when the run issued its briefing.
    pub issued: Option<String>,
    pub events: usize,
    pub elapsed: std::time::Duration,
    /// The image files the run read, which `--watch` watches too.
    pub images: Vec<std::path::PathBuf>,
}

/// The main job over the data files found by [`discover`]: validate,
/// select, summarise, plan, render, write.
///
/// Every format is rendered in memory before anything is written, so a
/// failure leaves earlier reports untouched.
pub fn run(options: &Options, files: &[DataFile]) -> Result<Outcome, Error> {
    render(options, files, &mut Templates::default())
}

/// [`render`] once per language `--lang` asks for (issue 28), in its
/// order: one outcome naming every file written, its warnings each said
/// once. The first language's failure stops the run before the next.
pub fn render(options: &Options, files: &[DataFile], templates: &mut Templates) -> Result<Outcome, Error> {
    let [first, rest @ ..] = options.languages.as_slice() else { return render_one(options, files, templates) };
    let one = |lang: words::Lang| Options { languages: vec![lang], ..options.clone() };
    // Every language's catalogue read before the first is written: a broken
    // `ru.ftl` after an issued `en` left the run half-issued, and its rerun
    // refused as already issued (red team).
    if !rest.is_empty() {
        for lang in &options.languages {
            templates.words(options, *lang)?;
        }
    }
    let mut outcome = render_one(&one(*first), files, templates)?;
    outcome.pages_by_language.extend(outcome.pages.map(|pages| (*first, pages)));
    for lang in rest {
        let next = render_one(&one(*lang), files, templates)?;
        outcome.pages_by_language.extend(next.pages.map(|pages| (*lang, pages)));
        outcome.written.extend(next.written);
        for warning in next.warnings {
            if !outcome.warnings.contains(&warning) {
                outcome.warnings.push(warning);
            }
        }
        outcome.elapsed += next.elapsed;
    }
    Ok(outcome)
}

/// The data files of a run, found once: the binary sizes the allocator by
/// them ([`data_bytes`], `memory.rs`) before [`run`] reads them, and the
/// plan checks its targets against them.
pub fn discover(source: &DataSource) -> Result<Vec<DataFile>, Error> {
    Ok(dataset::load::discover(source)?)
}

/// The size of the data files found, in bytes.
pub fn data_bytes(files: &[DataFile]) -> u64 {
    files.iter().map(|f| f.size).sum()
}

/// The templates of a run: the built-in ones with `--templates` overrides,
/// compiled when a plan first needs the Markdown, and kept. Watch mode keeps
/// them between renders and [`forget`](Templates::forget)s them when a
/// template changes. A JSON summary alone never compiles them: compiling
/// would be most of its time.
#[derive(Default)]
pub struct Templates {
    /// Per language: each has its catalogue of words.
    compiled: Vec<(words::Lang, report::Templates)>,
    /// Per language: its catalogue, read once (a desk's file from
    /// `--templates`, else the built-in one).
    words: Vec<(words::Lang, std::sync::Arc<words::Catalogue>)>,
}

impl Templates {
    /// Compile and read the catalogues again when next needed.
    pub fn forget(&mut self) {
        self.compiled.clear();
        self.words.clear();
    }

    /// The catalogue of `lang`, read when first asked for.
    fn words(&mut self, options: &Options, lang: words::Lang) -> Result<std::sync::Arc<words::Catalogue>, Error> {
        if let Some((_, words)) = self.words.iter().find(|(l, _)| *l == lang) {
            return Ok(std::sync::Arc::clone(words));
        }
        let words = report::words::load(options.templates.as_deref(), lang)?;
        self.words.push((lang, std::sync::Arc::clone(&words)));
        Ok(words)
    }

    /// The templates `plan` needs, with the words of `lang`: none when it
    /// makes no Markdown (nor a PDF typeset from it).
    fn for_plan(&mut self, plan: &plan::Plan, options: &Options, lang: words::Lang) -> Result<Option<&report::Templates>, Error> {
        if !plan.needs_markdown() {
            return Ok(None);
        }
        if !self.compiled.iter().any(|(l, _)| *l == lang) {
            let sources = match &options.templates {
                Some(dir) => report::templates::with_overrides(dir)?,
                None => report::templates::builtin(),
            };
            let words = self.words(options, lang)?;
            self.compiled.push((lang, report::Templates::compile_with(&sources, words)?));
        }
        Ok(self.compiled.iter().find(|(l, _)| *l == lang).map(|(_, t)| t))
    }
}

/// The pipeline, in the order things are decided: the data (found already)
/// validated, the period, the summary, the plan, and only then the
/// templates, if the plan needs them; then the comparison with the issued
/// baseline ([`issued`]), the reports made, and all of them written, with
/// their issued copies when the run issues them.
fn render_one(options: &Options, files: &[DataFile], templates: &mut Templates) -> Result<Outcome, Error> {
    let started = Instant::now();
    // Every text given per language is read in the briefing's language
    // (issue 28, item 5); what has none falls back to the dataset's.
    let asked = options.languages.first().map(|lang| lang.code());
    let dataset = dataset::validate::validate_in(&options.data.display(), files, asked)?;
    check_pillars(&dataset, &options.pillars)?;
    let period = options.period.clone().unwrap_or_else(|| default_period(&dataset, options.as_of));
    // The briefing's language: `--lang`'s, else the dataset's (checked
    // when read); only another than the dataset's marks the file names.
    let own = words::Lang::parse(&dataset.report.language).unwrap_or(words::Lang::En);
    let lang = options.languages.first().copied().unwrap_or(own);
    let plan = plan::Plan::new(options, &period, files, (lang != own).then_some(lang))?;
    // The briefings issued for the period, read once: issuing checks the
    // date against them, and the comparison chooses among them.
    let issued_before = match plan.summary_file() {
        Some(path) if options.issue || options.changes => issued::list(path)?,
        _ => Vec::new(),
    };
    let issue = issue_copies(options, &plan, &dataset, &issued_before)?;
    let templates = templates.for_plan(&plan, options, lang)?;
    // The summary says its words (kinds, regions, key judgements) in the
    // run's catalogue, the one the templates were compiled with; a run that
    // makes no Markdown prints none of them.
    let builtin;
    let words = match templates {
        Some(compiled) => compiled.words(),
        None => {
            builtin = words::Catalogue::builtin_in(lang);
            &builtin
        }
    };
    let summary = summary::summarise(&dataset, &selection(options, &period, words));
    let mut warnings = dataset.fallbacks.warnings(&options.data.display());
    let data = issued::data_stamp(&options.data, options.data_label(), &dataset);
    let stamp = options
        .issue
        .then(|| snapshot::IssuedStamp { date: options.as_of.to_string(), reference: dataset.report.reference.clone() });
    let snapshot = snapshot::snapshot(&dataset, &summary, data, stamp);
    // The issued briefing is read only when compared with: never with
    // `--no-changes` (issue 24, item 3).
    // The change report's words: the templates' catalogue, or the run's
    // when only a JSON summary is made (it holds the changes too).
    let change_words = match templates {
        Some(t) => t.words().clone(),
        None if options.changes => report::words::load(options.templates.as_deref(), lang)?,
        None => words::Catalogue::builtin_in(lang),
    };
    let mut baseline = match (options.changes, plan.summary_file()) {
        (true, Some(_)) => issued::compare(&issued_before, options.since.as_deref(), &snapshot, &dataset, &change_words, &mut warnings)?,
        _ => issued::Baseline::NotCompared,
    };
    let events = summary.executive.totals.events;
    warnings.extend(period_warnings(&dataset, options, &period, events));
    warnings.extend(dataset::judgements::outside_period(&dataset, period.start, period.end, &period.display()));
    let changes = baseline.changes();
    let made = make::make(&plan, make::Inputs { dataset, summary, snapshot, changes }, templates, options)?;
    warnings.extend(made.warnings);
    let mut reports = made.reports;
    // The change report beside a briefing this run writes is this run's, or
    // none: one an earlier run left would describe another briefing than
    // the one beside it (removed once the reports are written). A JSON
    // summary alone leaves the briefing, and its report, as they were.
    let briefing = plan.makes(OutputFormat::Markdown) || plan.makes(OutputFormat::Pdf);
    let mut stale = plan.summary_file().filter(|_| briefing).map(changes_file);
    if let (Some(bytes), Some(path)) = (made.changes_report, plan.summary_file()) {
        let file = changes_file(path);
        if let issued::Baseline::Compared { file: shown, .. } = &mut baseline {
            *shown = Some(file.clone());
        }
        reports.push((OutputFormat::Markdown, Target::File(file), bytes));
        stale = None;
    }
    let copies: Vec<(Target, &[u8])> = match &issue {
        Some(issue) => reports
            .iter()
            .filter_map(|(_, target, bytes)| match target {
                Target::File(path) => Some((Target::File(issued::copy_path(path, issue.date, issue.reference.as_deref())), bytes.as_slice())),
                Target::Stdout => None,
            })
            .collect(),
        None => Vec::new(),
    };
    // The maps' files beside the Markdown (issue 26): written with the
    // reports, all or nothing; an issued copy of the Markdown keeps naming
    // them, so they are not copied.
    let maps: Vec<(Target, &[u8])> = made.map_files.iter().map(|(path, bytes)| (Target::File(path.clone()), bytes.as_slice())).collect();
    write(options, &reports, &copies, &maps)?;
    if let Some(stale) = stale {
        output::remove_stale(&stale)?;
    }
    for stale in &made.stale_maps {
        output::remove_stale(stale)?;
    }
    let issued = issue.map(|i| i.label);
    let written = reports.into_iter().take(plan.targets().len()).map(|(format, target, bytes)| Written { target, format, bytes: bytes.len() }).collect();
    Ok(Outcome { written, period, pages: made.pages, pages_by_language: Vec::new(), warnings, baseline, issued, events, elapsed: started.elapsed(), images: made.images })
}

/// The change report's file, beside the JSON summary:
/// `azint-briefing-2024-2026.changes.md`.
pub fn changes_file(summary: &std::path::Path) -> std::path::PathBuf {
    summary.with_extension(&issued::CHANGES_EXTENSION[1..])
}

/// What an issuing run keeps: the date and file-safe reference its copies
/// are named by, and how the success line names it.
struct Issue {
    date: chrono::NaiveDate,
    reference: Option<String>,
    label: String,
}

/// `--issue`: the date and reference of the copies, refused when a
/// briefing of the period was already issued on that date (exit 2): an
/// issued briefing is a record and is never replaced, and one a day keeps
/// "the latest issued" and `--since DATE` unambiguous; the hint says how
/// to issue again.
fn issue_copies(options: &Options, plan: &plan::Plan, dataset: &Dataset, issued: &[issued::Issued]) -> Result<Option<Issue>, Error> {
    let (true, Some(summary)) = (options.issue, plan.summary_file()) else { return Ok(None) };
    let reference = dataset.report.reference.as_deref().and_then(issued::file_safe);
    // Said as recorded (`AZ/2026 07`), as later runs say it; the file
    // names spell it file-safe.
    let label = issued::label(&options.as_of.to_string(), dataset.report.reference.as_deref());
    if let Some(earlier) = issued.iter().find(|i| i.date == options.as_of) {
        return Err(Error::Usage(format!(
            "a briefing of this period was already issued on {}: {} is there, and an issued briefing is never replaced \
             (one a day, so that the latest is plain); issue this one with another --as-of, or remove the files of {} from {} \
             to issue it again",
            options.as_of,
            earlier.json.display(),
            earlier.label(),
            issued::folder(summary).display()
        )));
    }
    Ok(Some(Issue { date: options.as_of, reference, label }))
}

/// Writes the reports and the issued copies, all or nothing: no report of
/// the run replaces its earlier one unless every one is on disk.
fn write(options: &Options, reports: &[(OutputFormat, Target, Vec<u8>)], copies: &[(Target, &[u8])], beside: &[(Target, &[u8])]) -> Result<(), Error> {
    if let Destination::Folder(dir) = &options.destination {
        output::create_dir(dir)?;
    }
    if let Some((Target::File(path), _)) = copies.first() {
        if let Some(dir) = path.parent() {
            output::create_dir(dir)?;
        }
    }
    let files: Vec<(Target, &[u8])> =
        reports.iter().map(|(_, t, b)| (t.clone(), b.as_slice())).chain(copies.iter().cloned()).chain(beside.iter().cloned()).collect();
    Ok(output::write_all(&files)?)
}

/// What to summarise: the period and the options that shape the summary.
fn selection<'a>(options: &'a Options, period: &'a Period, words: &'a words::Catalogue) -> Selection<'a> {
    Selection {
        period,
        highlights: options.highlights,
        pillars: &options.pillars,
        as_of: options.as_of,
        chronology: options.chronology,
        compare: options.compare.as_ref(),
        data_source: options.data.display(),
        words,
    }
}

/// Warnings about the period itself: one with no events in it. (A default
/// period no longer reaches past the report's year, issue 27, item 6, so
/// it needs no warning of its own.)
fn period_warnings(dataset: &Dataset, options: &Options, period: &Period, events: usize) -> Vec<diag::Diagnostic> {
    use chrono::Datelike;
    let source = options.data.display();
    let mut warnings = Vec::new();
    if events == 0 {
        let first = dataset.events.iter().map(|e| e.first_day()).min();
        let last = dataset.events.iter().map(|e| e.last_day()).max();
        let range = match (first, last) {
            (Some(first), Some(last)) => format!("; the dataset's events run from {} to {}", first.year(), last.year()),
            _ => String::new(),
        };
        warnings.push(
            diag::Diagnostic::error_in(&source, format!("the period {} holds no events: the briefing is empty{range}", period.display()))
                .warning(),
        );
    }
    warnings
}

/// The period without `--period`: the whole years from the first event's
/// start to the report's year ([`Period::reader_default`]).
pub fn default_period(dataset: &Dataset, as_of: chrono::NaiveDate) -> Period {
    use chrono::Datelike;
    let first = dataset.events.iter().map(|e| e.first_day().year()).min();
    let last = dataset.events.iter().map(|e| e.last_day().year()).max();
    match (first, last) {
        (Some(first), Some(last)) => Period::reader_default(first, last, as_of.year()),
        // A loaded dataset has at least one event; keep a sane fallback.
        _ => Period::whole_years(as_of.year(), as_of.year()),
    }
}

/// `--pillar` ids must name pillars of the dataset.
fn check_pillars(dataset: &Dataset, wanted: &[String]) -> Result<(), Error> {
    let known: Vec<&str> = dataset.pillars.iter().map(|p| p.id.as_str()).collect();
    for id in wanted {
        if !known.contains(&id.as_str()) {
            let hint = diag::suggest(id, &known, "the pillars are");
            return Err(Error::Usage(format!(
                "--pillar `{}` is not a pillar of the dataset; {hint}",
                diag::shorten(id)
            )));
        }
    }
    Ok(())
}

/// The `check` subcommand: every problem of the dataset, and a count.
pub fn check(source: &DataSource) -> Result<CheckReport, Error> {
    check_files(source, &[], None)
}

/// `check [--as-of DATE] FILE…`: the named files checked in the context of
/// the dataset at `source` (its pillars, the ids of its other files).
/// Reports the named files' problems, problems elsewhere that point at them
/// (a duplicate of an id they define), and problems of the dataset as a
/// whole. With no files, every problem of the dataset. With a date, a valid
/// dataset's warnings as of that date too ([`dataset::lint`]): plans whose
/// date has passed.
pub fn check_files(source: &DataSource, named: &[std::path::PathBuf], as_of: Option<chrono::NaiveDate>) -> Result<CheckReport, Error> {
    let (files, focus) = dataset::load::discover_with(source, named)?;
    Ok(check_found(source, &files, focus, as_of)?)
}

/// [`check_files`] over files found already
/// ([`dataset::load::discover_with`]): `focus` names the files named on the
/// command line, as diagnostics name them.
pub fn check_found(
    source: &DataSource,
    files: &[DataFile],
    focus: Vec<String>,
    as_of: Option<chrono::NaiveDate>,
) -> Result<CheckReport, dataset::DatasetError> {
    let file_count = files.len();
    let root = source.display();
    let result = dataset::validate::validate(&root, files);
    let concerns = |d: &diag::Diagnostic| {
        focus.is_empty()
            || d.path == root
            || focus.iter().any(|f| d.path == *f || d.help.as_ref().is_some_and(|h| h.contains(&format!("{f}:"))))
    };
    match result {
        Ok(dataset) => Ok(CheckReport {
            files: file_count,
            pillars: dataset.pillars.len(),
            events: dataset.events.len(),
            // Warnings (likely duplicate partners; with a date, plans whose
            // date has passed): the data are used.
            // Found here, not on every load: with thousands of free-text
            // names the search costs a render far more than it tells it.
            problems: likely_duplicates(&dataset)
                .into_iter()
                .chain(dataset::places::unused(&dataset.places, &dataset.routes))
                .chain(dataset.fallbacks.warnings(&root))
                .chain(as_of.map(|d| dataset::lint::lint(&dataset, d)).unwrap_or_default())
                .filter(concerns)
                // The logo, read as the render reads it: a problem of the
                // file that sets it.
                .chain(images::check(source, &dataset).into_iter().filter(|_| focus.is_empty() || focus.iter().any(|f| dataset.report_file.as_deref() == Some(f))))
                .collect(),
            elsewhere: 0,
            focus,
        }),
        Err(dataset::DatasetError::Invalid(problems)) => {
            let (problems, elsewhere): (Vec<_>, Vec<_>) = problems.into_iter().partition(concerns);
            Ok(CheckReport {
                files: file_count,
                pillars: 0,
                events: 0,
                problems,
                elsewhere: elsewhere.len(),
                focus,
            })
        }
        Err(e) => Err(e),
    }
}

/// Likely duplicate spellings among free-text partners (none with a
/// registry, which resolves every spelling).
fn likely_duplicates(dataset: &Dataset) -> Vec<diag::Diagnostic> {
    if dataset.partners.is_empty() {
        dataset::partners::likely_duplicates(&dataset.events)
    } else {
        Vec::new()
    }
}

/// What `check` found.
#[derive(Clone, Debug)]
pub struct CheckReport {
    pub files: usize,
    pub pillars: usize,
    pub events: usize,
    pub problems: Vec<diag::Diagnostic>,
    /// The files named on the command line, as diagnostics name them;
    /// empty when the whole dataset was checked.
    pub focus: Vec<String>,
    /// Problems of the dataset's other files, not listed when files were
    /// named.
    pub elsewhere: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load::DISCOVERIES;
    use crate::options::Request;

    fn options(out_dir: &std::path::Path, formats: Vec<OutputFormat>) -> Options {
        Options::resolve(Request {
            period: Some(Period::parse("2024-2026").unwrap()),
            formats,
            data: Some(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data")),
            out_dir: out_dir.to_path_buf(),
            quiet: true,
            languages: Vec::new(),
            ..Request::for_tests()
        })
        .unwrap()
    }

    fn discoveries() -> usize {
        DISCOVERIES.with(std::cell::Cell::get)
    }

    /// Issue 23, item 7: the data files are found once a run (they were
    /// found three times: to size the allocator, to load them, and to check
    /// that no target is one of them). The second run finds its target
    /// already there, so its plan checks the targets against the inputs.
    #[test]
    fn issue_23_a_run_finds_the_data_files_once() {
        let dir = tempfile::tempdir().unwrap();
        let options = options(dir.path(), vec![OutputFormat::Json]);
        for run_number in 1..=2 {
            DISCOVERIES.with(|n| n.set(0));
            let files = discover(&options.data).unwrap();
            assert!(data_bytes(&files) > 0);
            run(&options, &files).unwrap();
            assert_eq!(discoveries(), 1, "run {run_number}");
        }
        assert!(dir.path().join("azint-briefing-2024-2026.json").is_file());
        DISCOVERIES.with(|n| n.set(0));
        check_files(&options.data, &[], None).unwrap();
        assert_eq!(discoveries(), 1, "check");
    }

    /// Issue 23, item 7: templates are compiled when the plan needs the
    /// Markdown, and only then.
    #[test]
    fn issue_23_templates_are_compiled_only_for_a_plan_that_needs_them() {
        let dir = tempfile::tempdir().unwrap();
        let json = options(dir.path(), vec![OutputFormat::Json]);
        let files = discover(&json.data).unwrap();
        let mut templates = Templates::default();
        render(&json, &files, &mut templates).unwrap();
        assert!(templates.compiled.is_empty(), "a JSON summary alone compiled the templates");
        let markdown = options(dir.path(), vec![OutputFormat::Markdown]);
        render(&markdown, &files, &mut templates).unwrap();
        assert!(!templates.compiled.is_empty(), "the Markdown was rendered without templates");
        templates.forget();
        assert!(templates.compiled.is_empty());
    }
}
