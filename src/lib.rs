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

    // What changed since the JSON summary already at the output path.
    let changes = targets
        .iter()
        .find(|(f, _)| *f == OutputFormat::Json)
        .and_then(|(_, t)| match t {
            Target::File(path) => output::read_existing(path),
            Target::Stdout => None,
        })
        .and_then(|text| snapshot::previous(&text, &period.label))
        .map(|previous| snapshot::changes(&previous, &snapshot));
    if options.changes {
        summary.changes = changes.clone();
    }

    let needs_markdown = targets.iter().any(|(f, _)| *f != OutputFormat::Json);
    let markdown = if needs_markdown { report::render(&summary, templates)? } else { String::new() };
    let mut rendered = Vec::with_capacity(targets.len());
    let mut warnings = Vec::new();
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

    let mut written = Vec::with_capacity(rendered.len());
    for (format, target, bytes) in rendered {
        if let (Target::File(_), Destination::Folder(dir)) = (&target, &options.destination) {
            output::create_dir(dir)?;
        }
        output::write(&target, &bytes)?;
        written.push(Written { target, format, bytes: bytes.len() });
    }
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
            // Warnings only (likely duplicate partners): the data are used.
            problems: dataset.warnings,
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
