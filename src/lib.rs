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
pub mod options;
pub mod palette;
pub mod output;
pub mod period;
pub mod report;
pub mod summary;
pub mod typeset;

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
    pub events: usize,
    pub elapsed: std::time::Duration,
}

/// The main job: load, select, summarise, render, write.
///
/// Every format is rendered in memory before anything is written, so a
/// failure leaves earlier reports untouched.
pub fn run(options: &Options) -> Result<Outcome, Error> {
    let started = Instant::now();
    let dataset = dataset::load(&options.data)?;
    check_pillars(&dataset, &options.pillars)?;
    let period = options
        .period
        .clone()
        .unwrap_or_else(|| default_period(&dataset));
    let selection = Selection {
        period: &period,
        highlights: options.highlights,
        pillars: &options.pillars,
        as_of: options.as_of,
        chronology: options.chronology,
        data_source: options.data.display(),
    };
    let summary = summary::summarise(&dataset, &selection);
    let sources = match &options.templates {
        Some(dir) => report::templates::with_overrides(dir)?,
        None => report::templates::builtin(),
    };
    let templates = report::Templates::compile(&sources)?;
    let markdown = report::render(&summary, &templates)?;

    let mut rendered = Vec::with_capacity(options.formats.len());
    let mut pages = None;
    let mut warnings = Vec::new();
    for &format in &options.formats {
        let bytes = match format {
            OutputFormat::Markdown => markdown.as_bytes().to_vec(),
            OutputFormat::Pdf => {
                warnings.extend(missing_glyphs(&dataset, &markdown));
                let typeset = typeset::typeset(&markdown, &typeset_options(&dataset, &summary, options));
                pages = Some(typeset.document.pages.len());
                let path = options.templates.as_ref().map_or("templates".to_owned(), |d| d.display().to_string());
                warnings.extend(typeset.warnings.iter().map(|w| diag::Diagnostic::error_in(&path, w.clone()).warning()));
                typeset.pdf
            }
        };
        rendered.push((format, bytes));
    }

    let mut written = Vec::with_capacity(rendered.len());
    for (format, bytes) in rendered {
        let target = match &options.destination {
            Destination::Named(target) => target.clone(),
            Destination::Folder(dir) => {
                output::create_dir(dir)?;
                Target::File(dir.join(format!(
                    "azint-briefing-{}.{}",
                    period.label,
                    format.extension()
                )))
            }
        };
        output::write(&target, &bytes)?;
        written.push(Written {
            target,
            format,
            bytes: bytes.len(),
        });
    }
    Ok(Outcome {
        written,
        period,
        pages,
        warnings,
        events: summary.executive.totals.events,
        elapsed: started.elapsed(),
    })
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
                .unwrap_or_else(|| format!("the pillars are: {}", known.join(", ")));
            return Err(Error::Usage(format!(
                "--pillar `{id}` is not a pillar of the dataset; {hint}"
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
