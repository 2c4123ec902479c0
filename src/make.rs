//! Making the reports of a plan, in memory: the Markdown through the
//! templates, the JSON summary, the PDF through the typesetter. One `match`
//! on the format; nothing is written here ([`crate::output`] does that, all
//! or nothing).

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::dataset::Dataset;
use crate::error::Error;
use crate::options::{Options, OutputFormat};
use crate::output::Target;
use crate::plan::Plan;
use crate::snapshot::Snapshot;
use crate::summary::Summary;
use crate::{dataset, diag, input, report, typeset};

mod maps;

/// What the reports are made from. Owned, so that a long briefing's data
/// can be let go before its pages take the memory.
pub struct Inputs {
    pub dataset: Dataset,
    pub summary: Summary,
    pub snapshot: Snapshot,
    /// What changed since the issued briefing, when one was compared with:
    /// kept in the JSON, written to the change report, and shown in the
    /// Markdown with `--changes-in-briefing`.
    pub changes: Option<report::Changes>,
}

/// The reports of a plan, made: each one's format, target and bytes in the
/// plan's order, the PDF's page count, and warnings (missing glyphs, raw
/// HTML, charts set as code).
pub struct Made {
    pub reports: Vec<(OutputFormat, Target, Vec<u8>)>,
    /// The change report (`<stem>.changes.md`), when there was an issued
    /// briefing to compare with and the run makes Markdown.
    pub changes_report: Option<Vec<u8>>,
    pub pages: Option<usize>,
    pub warnings: Vec<diag::Diagnostic>,
    /// The maps' files beside the Markdown (issue 26): each map's SVG and
    /// GeoJSON, written with the reports, all or nothing.
    pub map_files: Vec<(std::path::PathBuf, Vec<u8>)>,
    /// Map files an earlier run may have left beside the Markdown that this
    /// run does not write: removed once the reports are written.
    pub stale_maps: Vec<std::path::PathBuf>,
}

/// Makes every report of `plan`, with the `templates` it needs (none when
/// it makes no Markdown: [`Plan::needs_markdown`]). The JSON summary is made
/// before the PDF, whatever their order of writing, so that the data can go
/// before the pages take the memory.
pub fn make(plan: &Plan, inputs: Inputs, templates: Option<&report::Templates>, options: &Options) -> Result<Made, Error> {
    let Inputs { dataset, summary, snapshot, changes } = inputs;
    // Until issued, a draft (issue 24, item 2).
    let draft = !options.issue;
    // The map files' name: the period's, kept past the summary's drop.
    let map_stem = maps::stem(&summary.period, plan);
    let maps = match templates {
        Some(t) => maps::maps(plan, &dataset, &summary, t.words()),
        None => crate::summary::maps::Maps::default(),
    };
    let drawn = maps::drawn(&maps, &summary);
    let (markdown, changes_report) = match templates {
        Some(templates) => {
            let shown = changes.as_ref().filter(|c| options.changes_in_briefing && (c.any() || c.different_dataset.is_some()));
            let markdown = report::render(&report::Briefing { summary: &summary, changes: shown, draft, maps: &maps, annexes: options.annexes }, templates)?;
            let changes_report = match &changes {
                Some(changes) => Some(report::changes::render_report(changes, &summary, draft, templates)?.into_bytes()),
                None => None,
            };
            (markdown, changes_report)
        }
        None => (String::new(), None),
    };
    let json = plan.makes(OutputFormat::Json).then(|| crate::snapshot::to_json(&snapshot, changes.as_ref(), &dataset));
    let mut warnings = Vec::new();
    let mut pdf = None;
    if plan.makes(OutputFormat::Pdf) {
        warnings.extend(missing_glyphs(&dataset, &markdown));
        warnings.extend(templates.iter().flat_map(|t| t.html.iter().cloned()));
        let words = templates.map_or_else(crate::words::Catalogue::builtin, |t| t.words().clone());
        let mut typeset_options = typeset_options(&dataset, &summary, options, words);
        typeset_options.metadata.draft = draft;
        typeset_options.maps = drawn.clone();
        typeset_options.images = load_images(&markdown, options, dataset.report.logo.as_deref(), &typeset_options.maps)?;
        drop((summary, dataset, snapshot, changes));
        let typeset = typeset::typeset_pdf(&markdown, &typeset_options);
        let path = options.templates.as_ref().map_or("templates".to_owned(), |d| d.display().to_string());
        warnings.extend(typeset.warnings.iter().map(|w| diag::Diagnostic::error_in(&path, w.clone()).warning()));
        pdf = Some(typeset);
    }
    let pages = pdf.as_ref().map(|p| p.pages);
    let (mut markdown, mut json, mut pdf) = (Some(markdown), json, pdf.map(|p| p.bytes));
    let reports = plan
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
    let (map_files, stale_maps) = maps::files(plan, &map_stem, &maps, &drawn, options.paper.size(), templates.map(|t| t.words().as_ref()));
    Ok(Made { reports, changes_report, pages, warnings, map_files, stale_maps })
}

/// Characters that no font of the report can draw, one warning each with
/// the event and file it comes from (or the templates), so that none
/// becomes a silent blank in the PDF.
pub fn missing_glyphs(dataset: &Dataset, markdown: &str) -> Vec<diag::Diagnostic> {
    use crate::typeset::fonts::{covers, visible, Face, Fonts};
    let mut seen = std::collections::BTreeSet::new();
    let mut warnings = Vec::new();
    // Each character no font has, once, named where it is first met.
    let mut check = |text: &str, path: &str, what: &dyn Fn() -> String| {
        for c in text.chars().filter(|&c| !c.is_ascii() && !covers(c)) {
            if seen.insert(c) {
                let message = format!(
                    "{}: U+{:04X} '{c}' is in none of the report's fonts; the PDF shows '{}' instead",
                    what(),
                    c as u32,
                    visible(Fonts::get(), Face::Serif, c)
                );
                warnings.push(diag::Diagnostic::error_in(path, message).warning());
            }
        }
    };
    for event in &dataset.events {
        let texts = [&event.title, &event.summary]
            .into_iter()
            .chain(&event.partners)
            .chain(event.figures.iter().flat_map(|f| std::iter::once(&f.label).chain(&f.unit)))
            .chain(event.sources.iter().flat_map(|s| std::iter::once(&s.name).chain(&s.note)));
        for text in texts {
            check(text, &event.file, &|| format!("event `{}`", event.id));
        }
    }
    // Pillars and `[report]` values are in the briefing's text too: name
    // their file before the templates get the blame (issue 10, class 16).
    for pillar in &dataset.pillars {
        for text in std::iter::once(&pillar.name).chain(&pillar.summary) {
            check(text, &pillar.file, &|| format!("pillar `{}`", pillar.id));
        }
    }
    if let Some(file) = &dataset.report_file {
        let meta = &dataset.report;
        let values = [Some(&meta.title), meta.subtitle.as_ref(), meta.author.as_ref(), meta.organisation.as_ref()];
        for text in values.into_iter().flatten() {
            check(text, file, &|| "`[report]`".to_owned());
        }
    }
    check(markdown, "templates", &|| "the briefing's text".to_owned());
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
    maps: &BTreeMap<String, Arc<typeset::chart::map::Map>>,
) -> Result<BTreeMap<String, Arc<typeset::image::Image>>, Error> {
    let templates = options.templates.clone().unwrap_or_else(|| std::path::PathBuf::from("."));
    let data = match &options.data {
        dataset::DataSource::Path(p) if p.is_dir() => p.clone(),
        dataset::DataSource::Path(p) => p.parent().map_or_else(|| std::path::PathBuf::from("."), std::path::Path::to_path_buf),
        dataset::DataSource::Builtin => std::path::PathBuf::from("."),
    };
    let mut images = BTreeMap::new();
    let mut problems = Vec::new();
    // The maps are drawn, not read.
    for src in typeset::image::sources(markdown).into_iter().filter(|s| !maps.contains_key(s)) {
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
                images.insert(src, Arc::new(image));
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
/// header, and metadata dated from `--as-of`, never from the clock; the
/// words of the PDF (its subject among them) from `words`.
fn typeset_options(dataset: &Dataset, summary: &Summary, options: &Options, words: std::sync::Arc<crate::words::Catalogue>) -> typeset::Options {
    let report = &dataset.report;
    let date = options.as_of.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp());
    typeset::Options {
        page: options.paper.size(),
        language: words.lang().code().to_owned(),
        header: (report.title.clone(), summary.period.display_in(&words)),
        metadata: typeset::Metadata {
            title: report.title.clone(),
            author: report.author.clone().or_else(|| report.organisation.clone()).unwrap_or_default(),
            subject: words.text("pdf-subject", &[("period", summary.period.display_in(&words).into())]),
            keywords: summary.pillars.iter().map(|p| p.name.clone()).collect(),
            date,
            language: words.lang().tag().to_owned(),
            words: Some(words.clone()),
            draft: false,
            marking: report.distribution.clone(),
        },
        images: BTreeMap::new(),
        maps: BTreeMap::new(),
        words,
        links: options.links,
        names: summary.pillars.iter().map(|p| p.name.clone()).chain(summary.partner_index.iter().map(|p| p.name.clone())).collect(),
    }
}
