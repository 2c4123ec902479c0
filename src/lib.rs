//! `azint-report`: briefings on Azerbaijan's international integration.
//!
//! The pipeline, one module a step ([`render`] reads as it):
//! load and validate the dataset ([`dataset`]) → keep the period's events and
//! summarise each pillar ([`summary`]) → decide the reports and their
//! targets ([`plan`]) → compare with the previous JSON summary
//! ([`snapshot`]) → make each report in memory ([`make`]: Markdown through
//! Handlebars templates, [`report`]; PDF through the typesetter,
//! [`typeset`]) → write them all or none ([`output`]).

pub mod cli;
pub mod dataset;
pub mod date;
pub mod diag;
pub mod error;
pub mod hash;
pub mod input;
pub mod make;
pub mod memory;
pub mod number;
pub mod options;
pub mod palette;
pub mod output;
pub mod period;
pub mod plan;
pub mod report;
pub mod snapshot;
pub mod summary;
pub mod typeset;
pub mod watch;
pub mod words;

pub use error::Error;

use std::time::Instant;

use crate::dataset::Dataset;
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
    /// Pages of the PDF, when one was made.
    pub pages: Option<usize>,
    /// Problems that did not stop the run (missing glyphs).
    pub warnings: Vec<diag::Diagnostic>,
    /// What changed since the previous JSON summary, when there was one.
    pub changes: Option<snapshot::Changes>,
    pub events: usize,
    pub elapsed: std::time::Duration,
}

/// The main job: load, select, summarise, render, write.
///
/// Every format is rendered in memory before anything is written, so a
/// failure leaves earlier reports untouched.
pub fn run(options: &Options) -> Result<Outcome, Error> {
    // A JSON summary alone is rendered without templates: compiling them
    // would be most of its time.
    let templates = if plan::needs_markdown(options.formats.iter().copied()) {
        compile_templates(options)?
    } else {
        report::Templates::compile(&[])?
    };
    render(options, &templates)
}

/// The templates of a run: the built-in ones, with `--templates`
/// overrides. Watch mode keeps them until a template changes.
pub fn compile_templates(options: &Options) -> Result<report::Templates, Error> {
    let sources = match &options.templates {
        Some(dir) => report::templates::with_overrides(dir)?,
        None => report::templates::builtin(),
    };
    let words = report::words::load(options.templates.as_deref())?;
    Ok(report::Templates::compile_with(&sources, words)?)
}

/// [`run`] with templates compiled already: the pipeline.
pub fn render(options: &Options, templates: &report::Templates) -> Result<Outcome, Error> {
    let started = Instant::now();
    let dataset = dataset::load(&options.data)?;
    check_pillars(&dataset, &options.pillars)?;
    let period = options.period.clone().unwrap_or_else(|| default_period(&dataset));
    let summary = summary::summarise(&dataset, &selection(options, &period));
    let plan = plan::Plan::new(options, &period)?;
    let mut warnings = Vec::new();
    let (snapshot, changes) = compare_with_previous(&plan, &period, &dataset, &summary, &mut warnings);
    let events = summary.executive.totals.events;
    warnings.extend(period_warnings(&dataset, options, &period, events));
    let made = make::make(&plan, make::Inputs { dataset, summary, snapshot }, templates, options)?;
    warnings.extend(made.warnings);
    write(options, &made.reports)?;
    let written = made.reports.into_iter().map(|(format, target, bytes)| Written { target, format, bytes: bytes.len() }).collect();
    Ok(Outcome { written, period, pages: made.pages, warnings, changes, events, elapsed: started.elapsed() })
}

/// What to summarise: the period and the options that shape the summary.
fn selection<'a>(options: &'a Options, period: &'a Period) -> Selection<'a> {
    Selection {
        period,
        highlights: options.highlights,
        pillars: &options.pillars,
        as_of: options.as_of,
        chronology: options.chronology,
        compare: options.compare.as_ref(),
        data_source: options.data.display(),
    }
}

/// The JSON summary of this run, and what changed since the one already at
/// the plan's summary path (or at the name earlier versions gave it); the
/// summary keeps the changes when there are any. One that is there but
/// cannot serve is named in a warning, and the run goes on without the
/// changes section.
fn compare_with_previous(
    plan: &plan::Plan,
    period: &Period,
    dataset: &Dataset,
    summary: &summary::Summary,
    warnings: &mut Vec<diag::Diagnostic>,
) -> (snapshot::Snapshot, Option<snapshot::Changes>) {
    let mut snapshot = snapshot::snapshot(dataset, summary);
    let changes = plan
        .summary_file()
        .and_then(|path| {
            let previous = previous_summary(path, period).and_then(|text| match text {
                Some(text) => snapshot::read_previous(&text, &period.label),
                None => Ok(None),
            });
            previous.unwrap_or_else(|why| {
                let path = path.display().to_string();
                let message = format!("the previous JSON summary cannot be used: {why}; the briefing has no changes section");
                warnings.push(diag::Diagnostic::error_in(&path, message).warning());
                None
            })
        })
        .map(|previous| snapshot::changes_in(&previous, &snapshot, dataset));
    snapshot.changes = changes.clone().filter(snapshot::Changes::any);
    (snapshot, changes)
}

/// Writes the reports, all or nothing: no report of the run replaces its
/// earlier one unless every one is on disk.
fn write(options: &Options, reports: &[(OutputFormat, Target, Vec<u8>)]) -> Result<(), Error> {
    if let Destination::Folder(dir) = &options.destination {
        output::create_dir(dir)?;
    }
    let files: Vec<(Target, &[u8])> = reports.iter().map(|(_, t, b)| (t.clone(), b.as_slice())).collect();
    Ok(output::write_all(&files)?)
}

/// The text of the previous JSON summary for `path`: the file itself, else
/// the one an earlier version wrote under the period's old file name
/// (`azint-briefing-2024-07..2025-06.json`).
fn previous_summary(path: &std::path::Path, period: &Period) -> Result<Option<String>, String> {
    if let Some(text) = output::read_existing(path)? {
        return Ok(Some(text));
    }
    let Some(legacy) = period.legacy_file_stem() else { return Ok(None) };
    let Some(name) = path.file_name().and_then(|n| n.to_str()).map(|n| n.replace(&period.file_stem(), legacy)) else {
        return Ok(None);
    };
    output::read_existing(&path.with_file_name(name))
}

/// Warnings about the period itself: one with no events in it, and a
/// default period (no `--period`) that reaches past the report's date,
/// naming the event that stretches it.
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
    if options.period.is_none() && period.end > options.as_of {
        if let Some(latest) = dataset.events.iter().max_by_key(|e| (e.last_day(), std::cmp::Reverse(e.first_day()))) {
            let span = match &latest.until {
                Some(until) => latest.date.display_span(until),
                None => latest.date.display(),
            };
            warnings.push(
                diag::Diagnostic::error_in(
                    &latest.file,
                    format!(
                        "no --period given: the period runs to {} because event `{}` ({span}) ends then, after the report's date {}",
                        period.end.year(),
                        latest.id,
                        crate::date::PartialDate::from_naive(options.as_of).display()
                    ),
                )
                .warning()
                .with_help(if options.as_of.year() > period.start.year() {
                    format!("give --period to choose, for example --period {}-{}", period.start.year(), options.as_of.year())
                } else {
                    "give --period to choose the period".to_owned()
                }),
            );
        }
    }
    warnings
}

/// The whole years from the first event's start to the last event's end.
pub fn default_period(dataset: &Dataset) -> Period {
    use chrono::Datelike;
    let first = dataset.events.iter().map(|e| e.first_day().year()).min();
    let last = dataset.events.iter().map(|e| e.last_day().year()).max();
    match (first, last) {
        (Some(first), Some(last)) => Period::whole_years(first, last),
        // A loaded dataset has at least one event; keep a sane fallback.
        _ => Period::whole_years(2024, 2024),
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
pub fn check(source: &dataset::DataSource) -> Result<CheckReport, Error> {
    check_files(source, &[], None)
}

/// `check [--as-of DATE] FILE…`: the named files checked in the context of
/// the dataset at `source` (its pillars, the ids of its other files).
/// Reports the named files' problems, problems elsewhere that point at them
/// (a duplicate of an id they define), and problems of the dataset as a
/// whole. With no files, every problem of the dataset. With a date, a valid
/// dataset's warnings as of that date too ([`dataset::lint`]): plans whose
/// date has passed.
pub fn check_files(
    source: &dataset::DataSource,
    named: &[std::path::PathBuf],
    as_of: Option<chrono::NaiveDate>,
) -> Result<CheckReport, Error> {
    let (files, focus) = dataset::load::discover_with(source, named)?;
    let file_count = files.len();
    let root = source.display();
    let result = dataset::validate::validate(&root, &files);
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
                .chain(as_of.map(|d| dataset::lint::lint(&dataset, d)).unwrap_or_default())
                .filter(concerns)
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
        Err(e) => Err(e.into()),
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
