//! `azint-report`: briefings on Azerbaijan's international integration.
//!
//! The pipeline, one module a step:
//! load and validate the dataset ([`dataset`]) → keep the period's events and
//! summarise each pillar ([`summary`]) → render Markdown through Handlebars
//! templates ([`report`]) → write atomically ([`output`]).

pub mod cli;
pub mod dataset;
pub mod date;
pub mod diag;
pub mod error;
pub mod hash;
pub mod input;
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

pub use error::Error;

use std::time::Instant;

use crate::dataset::Dataset;
use crate::options::{Destination, Options, OutputFormat};
use crate::output::Target;
use crate::period::Period;
use crate::summary::Selection;

/// Characters that no font of the report can draw, one warning each with
/// the event and file it comes from (or the templates), so that none
/// becomes a silent blank in the PDF.
pub fn missing_glyphs(dataset: &Dataset, markdown: &str) -> Vec<diag::Diagnostic> {
    let mut seen = std::collections::BTreeSet::new();
    let mut warnings = Vec::new();
    let mut report = |c: char, path: &str, what: String| {
        if seen.insert(c) {
            warnings.push(
                diag::Diagnostic::error_in(
                    path,
                    format!(
                        "{what}: U+{:04X} '{c}' is in none of the report's fonts; the PDF shows '{}' instead",
                        c as u32,
                        typeset::fonts::visible(typeset::fonts::Fonts::get(), typeset::fonts::Face::Serif, c)
                    ),
                )
                .warning(),
            );
        }
    };
    for event in &dataset.events {
        let texts = [&event.title, &event.summary]
            .into_iter()
            .chain(&event.partners)
            .chain(event.figures.iter().flat_map(|f| std::iter::once(&f.label).chain(&f.unit)))
            .chain(event.sources.iter().flat_map(|s| std::iter::once(&s.name).chain(&s.note)));
        for text in texts {
            for c in text.chars().filter(|&c| !c.is_ascii() && !typeset::fonts::covers(c)) {
                report(c, &event.file, format!("event `{}`", event.id));
            }
        }
    }
    // Pillars and `[report]` values are in the briefing's text too: name
    // their file before the templates get the blame (issue 10, class 16).
    for pillar in &dataset.pillars {
        for text in std::iter::once(&pillar.name).chain(&pillar.summary) {
            for c in text.chars().filter(|&c| !c.is_ascii() && !typeset::fonts::covers(c)) {
                report(c, &pillar.file, format!("pillar `{}`", pillar.id));
            }
        }
    }
    if let Some(file) = &dataset.report_file {
        let meta = &dataset.report;
        let values = [Some(&meta.title), meta.subtitle.as_ref(), meta.author.as_ref(), meta.organisation.as_ref()];
        for text in values.into_iter().flatten() {
            for c in text.chars().filter(|&c| !c.is_ascii() && !typeset::fonts::covers(c)) {
                report(c, file, "`[report]`".to_owned());
            }
        }
    }
    for c in markdown.chars().filter(|&c| !c.is_ascii() && !typeset::fonts::covers(c)) {
        report(c, "templates", "the briefing's text".to_owned());
    }
    warnings
}

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
    let templates = if options.formats.iter().all(|&f| f == OutputFormat::Json) {
        report::Templates::compile(&[])?
    } else {
        compile_templates(options)?
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
    Ok(report::Templates::compile(&sources)?)
}

/// [`run`] with templates compiled already.
pub fn render(options: &Options, templates: &report::Templates) -> Result<Outcome, Error> {
    let started = Instant::now();
    let dataset = dataset::load(&options.data)?;
    check_pillars(&dataset, &options.pillars)?;
    let period = options.period.clone().unwrap_or_else(|| default_period(&dataset));
    let selection = Selection {
        period: &period,
        highlights: options.highlights,
        pillars: &options.pillars,
        as_of: options.as_of,
        chronology: options.chronology,
        compare: options.compare.as_ref(),
        data_source: options.data.display(),
    };
    let summary = summary::summarise(&dataset, &selection);
    let snapshot = snapshot::snapshot(&dataset, &summary);
    let plan = plan::Plan::new(options, &period)?;

    // What changed since the JSON summary already at the output path (or
    // at the name earlier versions gave it). One that is there but cannot
    // serve is named in a warning, and the run goes on without the changes
    // section.
    let mut warnings = Vec::new();
    let changes = plan
        .summary_file()
        .and_then(|path| {
            let previous = previous_summary(path, &period).and_then(|text| match text {
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
        .map(|previous| snapshot::changes_in(&previous, &snapshot, &dataset));
    let mut snapshot = snapshot;
    snapshot.changes = changes.clone().filter(snapshot::Changes::any);
    warnings.extend(period_warnings(&dataset, options, &period, events_in_period(&summary)));

    let briefing = report::Briefing { summary: &summary, changes: snapshot.changes.as_ref().filter(|_| options.changes) };
    let markdown = if plan.makes(OutputFormat::Markdown) || plan.makes(OutputFormat::Pdf) {
        report::render(&briefing, templates)?
    } else {
        String::new()
    };
    let events = summary.executive.totals.events;
    // The JSON summary is made before the PDF, whatever their order of
    // writing, so that the data can go before the pages take the memory.
    let json = plan.makes(OutputFormat::Json).then(|| snapshot::to_json(&snapshot, &dataset));
    let mut pdf = None;
    if plan.makes(OutputFormat::Pdf) {
        warnings.extend(missing_glyphs(&dataset, &markdown));
        warnings.extend(templates.html.iter().cloned());
        let mut typeset_options = typeset_options(&dataset, &summary, options);
        typeset_options.images = load_images(&markdown, options, dataset.report.logo.as_deref())?;
        // A long briefing's pages take most of the memory: let the data go
        // first.
        drop(summary);
        drop(dataset);
        drop(snapshot);
        let typeset = typeset::typeset_pdf(&markdown, &typeset_options);
        let path = options.templates.as_ref().map_or("templates".to_owned(), |d| d.display().to_string());
        warnings.extend(typeset.warnings.iter().map(|w| diag::Diagnostic::error_in(&path, w.clone()).warning()));
        pdf = Some(typeset);
    }
    let pages = pdf.as_ref().map(|p| p.pages);
    let mut markdown = Some(markdown);
    let (mut json, mut pdf) = (json, pdf.map(|p| p.bytes));
    let rendered: Vec<(OutputFormat, Target, Vec<u8>)> = plan
        .targets()
        .iter()
        .map(|(format, target)| {
            let bytes = match format {
                OutputFormat::Markdown => markdown.take().map(String::into_bytes),
                OutputFormat::Pdf => pdf.take(),
                OutputFormat::Json => json.take(),
            };
            (*format, target.clone(), bytes.unwrap_or_default())
        })
        .collect();

    if let Destination::Folder(dir) = &options.destination {
        output::create_dir(dir)?;
    }
    // All or nothing: no report of the run replaces its earlier one unless
    // every one is on disk.
    let files: Vec<(Target, &[u8])> = rendered.iter().map(|(_, t, b)| (t.clone(), b.as_slice())).collect();
    output::write_all(&files)?;
    let written = rendered.into_iter().map(|(format, target, bytes)| Written { target, format, bytes: bytes.len() }).collect();
    Ok(Outcome {
        written,
        period,
        pages,
        warnings,
        changes,
        events,
        elapsed: started.elapsed(),
    })
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

fn events_in_period(summary: &summary::Summary) -> usize {
    summary.executive.totals.events
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

/// The largest image file read: 32 MiB.
pub const MAX_IMAGE_BYTES: u64 = 32 << 20;

/// Reads and decodes every image the Markdown names, from paths relative to
/// the templates folder (the current folder with the built-in templates);
/// the `[report]` logo from the data folder.
/// A missing, unreadable or undecodable image is an error naming its path
/// (exit 65), never a silent substitution.
fn load_images(
    markdown: &str,
    options: &Options,
    logo: Option<&str>,
) -> Result<std::collections::BTreeMap<String, std::sync::Arc<typeset::image::Image>>, Error> {
    let templates = options.templates.clone().unwrap_or_else(|| std::path::PathBuf::from("."));
    let data = match &options.data {
        dataset::DataSource::Path(p) if p.is_dir() => p.clone(),
        dataset::DataSource::Path(p) => p.parent().map_or_else(|| std::path::PathBuf::from("."), std::path::Path::to_path_buf),
        dataset::DataSource::Builtin => std::path::PathBuf::from("."),
    };
    let mut images = std::collections::BTreeMap::new();
    let mut problems = Vec::new();
    for src in typeset::image::sources(markdown) {
        let base = if logo == Some(src.as_str()) { &data } else { &templates };
        let path = base.join(&src);
        let shown = path.display().to_string();
        let fail = |why: String| diag::Diagnostic::error_in(&shown, format!("image `{src}`: {why}"));
        if src.contains("://") {
            problems.push(fail("images are read from files next to the templates, not fetched".to_owned()));
            continue;
        }
        // The one bounded read of regular files every input goes through.
        let bytes = input::read(&path, MAX_IMAGE_BYTES).map_err(|e| match e {
            input::ReadError::Io(e) => e.to_string(),
            input::ReadError::TooLarge(limit) => format!("the file is over {} MiB, the limit", limit >> 20),
        });
        match bytes.and_then(|b| typeset::image::decode(&b)) {
            Ok(image) => {
                images.insert(src, std::sync::Arc::new(image));
            }
            Err(why) => problems.push(fail(why)),
        }
    }
    if problems.is_empty() {
        Ok(images)
    } else {
        Err(report::ReportError::Invalid(problems).into())
    }
}

/// The typesetter's settings for this report: paper, language, running
/// header, and metadata dated from `--as-of`, never from the clock.
fn typeset_options(dataset: &Dataset, summary: &summary::Summary, options: &Options) -> typeset::Options {
    let report = &dataset.report;
    let date = options.as_of.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp());
    typeset::Options {
        paper: options.paper,
        language: report.language.clone(),
        header: (report.title.clone(), summary.period.display.clone()),
        metadata: typeset::Metadata {
            title: report.title.clone(),
            author: report.author.clone().or_else(|| report.organisation.clone()).unwrap_or_default(),
            subject: format!("Briefing for {}", summary.period.display),
            keywords: summary.pillars.iter().map(|p| p.name.clone()).collect(),
            date,
            language: report.language.clone(),
        },
        images: std::collections::BTreeMap::new(),
    }
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
            let hint = diag::did_you_mean(id, known.iter().copied())
                .unwrap_or_else(|| format!("the pillars are: {}", diag::some_of(known.iter().copied())));
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
