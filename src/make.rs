//! Making the reports of a plan, in memory: the Markdown through the
//! templates, the JSON summary, the PDF through the typesetter. One `match`
//! on the format; nothing is written here ([`crate::output`] does that, all
//! or nothing).

use std::collections::BTreeMap;

use crate::dataset::Dataset;
use crate::error::Error;
use crate::options::{Options, OutputFormat};
use crate::output::Target;
use crate::plan::Plan;
use crate::snapshot::Snapshot;
use crate::summary::Summary;
use crate::{diag, report, typeset};

mod glyphs;
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
    /// The image files read ([`crate::images::Loaded::files`]).
    pub images: Vec<std::path::PathBuf>,
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
            let briefing = report::Briefing { summary: &summary, changes: shown, draft, maps: &maps, annexes: options.annexes };
            let markdown = report::lang_span::marking(&dataset.fallbacks, || report::render(&briefing, templates))?;
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
    let mut images = Vec::new();
    if plan.makes(OutputFormat::Pdf) {
        warnings.extend(missing_glyphs(&dataset, &markdown));
        warnings.extend(templates.iter().flat_map(|t| t.html.iter().cloned()));
        let words = templates.map_or_else(crate::words::Catalogue::builtin, |t| t.words().clone());
        let mut typeset_options = typeset_options(&dataset, &summary, options, words);
        typeset_options.metadata.draft = draft;
        typeset_options.maps = drawn.clone();
        let loaded = crate::images::load(&markdown, &options.data, options.templates.as_deref(), dataset.report.logo.as_deref(), &|s| typeset_options.maps.contains_key(s)).map_err(report::ReportError::Invalid)?;
        (typeset_options.images, images) = (loaded.images, loaded.files);
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
    Ok(Made { reports, changes_report, pages, warnings, map_files, stale_maps, images })
}

pub use glyphs::missing_glyphs;

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
