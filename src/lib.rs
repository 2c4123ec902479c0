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
pub mod input;
pub mod options;
pub mod palette;
pub mod output;
pub mod period;
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
            .chain(event.sources.iter().map(|s| &s.name));
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
    let templates = compile_templates(options)?;
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
    let mut summary = summary::summarise(&dataset, &selection);
    let snapshot = snapshot::snapshot(&dataset, &summary);
    let targets = targets(options, &period)?;
    check_targets(options, &targets)?;

    // What changed since the JSON summary already at the output path. One
    // that is there but cannot serve is named in a warning, and the run
    // goes on without the changes section.
    let mut warnings = Vec::new();
    let previous_path = targets.iter().find_map(|(f, t)| match t {
        Target::File(path) if *f == OutputFormat::Json => Some(path),
        _ => None,
    });
    let changes = previous_path
        .and_then(|path| {
            let previous = output::read_existing(path).and_then(|text| match text {
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
        .map(|previous| snapshot::changes(&previous, &snapshot));
    // Nothing changed: no section at all, so that a rerun gives the same
    // bytes as the run before it (issue 10, class 16).
    if options.changes {
        summary.changes = changes.clone().filter(snapshot::Changes::any);
    }

    let needs_markdown = targets.iter().any(|(f, _)| *f != OutputFormat::Json);
    let markdown = if needs_markdown { report::render(&summary, templates)? } else { String::new() };
    let mut rendered = Vec::with_capacity(targets.len());
    let mut pdf_target = None;
    for (format, target) in targets {
        match format {
            OutputFormat::Markdown => rendered.push((format, target, markdown.as_bytes().to_vec())),
            OutputFormat::Json => {
                let mut json = serde_json::to_vec_pretty(&snapshot).unwrap_or_default();
                json.push(b'\n');
                rendered.push((format, target, json));
            }
            OutputFormat::Pdf => pdf_target = Some(target),
        }
    }
    let events = summary.executive.totals.events;
    let mut pages = None;
    if let Some(target) = pdf_target {
        warnings.extend(missing_glyphs(&dataset, &markdown));
        let typeset_options = typeset_options(&dataset, &summary, options);
        // A long briefing's pages take most of the memory: let the data go
        // first.
        drop(summary);
        drop(dataset);
        drop(snapshot);
        let pdf = typeset::typeset_pdf(&markdown, &typeset_options);
        pages = Some(pdf.pages);
        let path = options.templates.as_ref().map_or("templates".to_owned(), |d| d.display().to_string());
        warnings.extend(pdf.warnings.iter().map(|w| diag::Diagnostic::error_in(&path, w.clone()).warning()));
        // The PDF goes first: the JSON beside it is written last, so it
        // only ever describes a report that exists.
        rendered.insert(0, (OutputFormat::Pdf, target, pdf.bytes));
    }
    drop(markdown);
    // Markdown before PDF when both are asked for, as on the command line.
    rendered.sort_by_key(|(f, _, _)| match f {
        OutputFormat::Markdown => 0,
        OutputFormat::Pdf => 1,
        OutputFormat::Json => 2,
    });

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

/// Where each format goes. Every report has its JSON summary beside it
/// (`x.pdf` → `x.json`), except on standard output.
fn targets(options: &Options, period: &Period) -> Result<Vec<(OutputFormat, Target)>, Error> {
    let mut targets: Vec<(OutputFormat, Target)> = match &options.destination {
        Destination::Named(Target::Stdout) => {
            return Ok(options.formats.iter().map(|&f| (f, Target::Stdout)).collect());
        }
        Destination::Named(Target::File(path)) => options.formats.iter().map(|&f| (f, Target::File(path.clone()))).collect(),
        Destination::Folder(dir) => options
            .formats
            .iter()
            .map(|&f| (f, Target::File(dir.join(format!("azint-briefing-{}.{}", period.label, f.extension())))))
            .collect(),
    };
    if !targets.iter().any(|(f, _)| *f == OutputFormat::Json) {
        if let Some((_, Target::File(path))) = targets.first() {
            let json = path.with_extension("json");
            if targets.iter().any(|(_, t)| *t == Target::File(json.clone())) {
                return Err(Error::Usage(format!("the JSON summary would overwrite the report {}", json.display())));
            }
            targets.push((OutputFormat::Json, Target::File(json)));
        }
    }
    Ok(targets)
}

/// Refuses targets that a report must not replace: a folder, something
/// that is not a regular file (a device, a FIFO, a link to standard
/// output), one of the run's own input files, or a name too long for the
/// file system (issue 10, class 4).
fn check_targets(options: &Options, targets: &[(OutputFormat, Target)]) -> Result<(), Error> {
    let paths: Vec<&std::path::Path> = targets
        .iter()
        .filter_map(|(_, t)| match t {
            Target::File(path) => Some(path.as_path()),
            Target::Stdout => None,
        })
        .collect();
    for path in &paths {
        output::check_target(path)?;
    }
    // Only an existing target can be an input: list the inputs only then.
    if paths.iter().any(|p| p.exists()) {
        let mut inputs: Vec<std::path::PathBuf> = dataset::load::discover(&options.data)
            .map(|files| files.iter().filter_map(|f| f.disk_path().map(std::path::Path::to_path_buf)).collect())
            .unwrap_or_default();
        if let Some(dir) = &options.templates {
            inputs.extend(report::templates::files(dir));
        }
        for path in &paths {
            if output::is_one_of(path, &inputs) {
                return Err(Error::Usage(format!(
                    "{} is an input of the report (a data file or a template): a report must not overwrite it",
                    path.display()
                )));
            }
        }
    }
    Ok(())
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
        },
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
    let files = dataset::load::discover(source)?;
    let file_count = files.len();
    match dataset::validate::validate(&source.display(), &files) {
        Ok(dataset) => Ok(CheckReport {
            files: file_count,
            pillars: dataset.pillars.len(),
            events: dataset.events.len(),
            problems: Vec::new(),
        }),
        Err(dataset::DatasetError::Invalid(problems)) => Ok(CheckReport {
            files: file_count,
            pillars: 0,
            events: 0,
            problems,
        }),
        Err(e) => Err(e.into()),
    }
}

/// What `check` found.
#[derive(Clone, Debug)]
pub struct CheckReport {
    pub files: usize,
    pub pillars: usize,
    pub events: usize,
    pub problems: Vec<diag::Diagnostic>,
}
