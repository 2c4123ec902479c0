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
pub mod output;
pub mod period;
pub mod report;
pub mod summary;

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
    for &format in &options.formats {
        let bytes = match format {
            OutputFormat::Markdown => markdown.as_bytes().to_vec(),
            OutputFormat::Pdf => return Err(Error::PdfNotBuilt),
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
        events: summary.executive.totals.events,
        elapsed: started.elapsed(),
    })
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
