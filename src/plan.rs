//! What a run writes, decided once: each report's format and target, the
//! JSON summary beside them, and their order. A briefing in another
//! language than the dataset's is marked in every file name
//! (`azint-briefing-2024-2026.ru.pdf`): its JSON summary, and so its
//! change history, is its own.
//!
//! The order is the order of writing and of the success line: Markdown,
//! then PDF (as on the command line), then the JSON summary, last, so that
//! it only ever describes reports that exist. Nothing after the plan
//! decides anything about formats or targets.

use std::path::Path;

use crate::dataset::DataFile;
use crate::error::Error;
use crate::options::{Destination, Options, OutputFormat};
use crate::output::Target;
use crate::period::Period;
use crate::words::Lang;
use crate::{output, report};

/// The reports of a run, in the order they are written.
#[derive(Clone, Debug)]
pub struct Plan {
    targets: Vec<(OutputFormat, Target)>,
    /// The briefing's language when it is not the dataset's.
    marked: Option<Lang>,
}

impl Plan {
    /// The reports `options` ask for over `period`: into the folder under
    /// the period's file name, to the named file, or to standard output;
    /// with a JSON summary beside the first report written to a file
    /// (refused when it would overwrite a report). Every file target is
    /// checked: none may be a folder, a special file or an input of the
    /// run (one of the data `files`, found once for the run, or a
    /// template). `marked`: the briefing's language, when it is not the
    /// dataset's, put in every file name before the extension.
    pub fn new(options: &Options, period: &Period, files: &[DataFile], marked: Option<Lang>) -> Result<Plan, Error> {
        let mut targets: Vec<(OutputFormat, Target)> = match &options.destination {
            Destination::Named(Target::Stdout) => options.formats.iter().map(|&f| (f, Target::Stdout)).collect(),
            Destination::Named(Target::File(path)) => options.formats.iter().map(|&f| (f, Target::File(mark(path, marked)))).collect(),
            Destination::Folder(dir) => options
                .formats
                .iter()
                .map(|&f| (f, Target::File(dir.join(format!("azint-briefing-{}{}.{}", period.file_stem(), suffix(marked), f.extension())))))
                .collect(),
        };
        // Beside the report, named from the name asked and then marked: `-o
        // x --lang az,ru` gives `x.az` and `x.az.json`, not two `x.json`
        // (the second language's summary replaced the first's).
        let json_asked = !targets.iter().any(|(f, _)| *f == OutputFormat::Json);
        let summary_beside = match (&options.destination, targets.first()) {
            (Destination::Named(Target::File(path)), _) if json_asked => Some(mark(&path.with_extension("json"), marked)),
            (_, Some((_, Target::File(path)))) if json_asked => Some(path.with_extension("json")),
            _ => None,
        };
        if let Some(json) = summary_beside {
            if targets.iter().any(|(_, t)| *t == Target::File(json.clone())) {
                return Err(Error::Usage(format!("the JSON summary would overwrite the report {}", json.display())));
            }
            targets.push((OutputFormat::Json, Target::File(json)));
        }
        targets.sort_by_key(|(f, _)| order(*f));
        let plan = Plan { targets, marked };
        plan.check(options, files)?;
        Ok(plan)
    }

    /// Format and target of each report, in the order they are written.
    pub fn targets(&self) -> &[(OutputFormat, Target)] {
        &self.targets
    }

    /// The briefing's language when it is not the dataset's: the files
    /// beside the reports (the maps') are marked with it too.
    pub fn marked(&self) -> Option<Lang> {
        self.marked
    }

    /// Whether the run makes a report in `format`.
    pub fn makes(&self, format: OutputFormat) -> bool {
        self.targets.iter().any(|(f, _)| *f == format)
    }

    /// Whether the run renders the Markdown, and so needs the templates:
    /// for the Markdown itself, and for the PDF typeset from it; a JSON
    /// summary alone does not. Decided here, once the plan exists, and
    /// nowhere else.
    pub fn needs_markdown(&self) -> bool {
        self.targets.iter().any(|(f, _)| *f != OutputFormat::Json)
    }

    /// The JSON summary's file, where the previous run's summary is read
    /// from (for the changes).
    pub fn summary_file(&self) -> Option<&Path> {
        self.targets.iter().find_map(|(f, t)| match t {
            Target::File(path) if *f == OutputFormat::Json => Some(path.as_path()),
            _ => None,
        })
    }

    /// No target is a folder or special file, and none is an input of the
    /// report (a data file or a template).
    fn check(&self, options: &Options, files: &[DataFile]) -> Result<(), Error> {
        let paths: Vec<&Path> = self
            .targets
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
            let mut inputs: Vec<std::path::PathBuf> = files.iter().filter_map(|f| f.disk_path().map(Path::to_path_buf)).collect();
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
}

/// The part of a file name that marks a briefing's language: `.ru`, or
/// nothing for the dataset's own.
pub fn suffix(marked: Option<Lang>) -> String {
    marked.map_or_else(String::new, |lang| format!(".{}", lang.code()))
}

/// `path` with the language marked before its extension:
/// `briefing.pdf` → `briefing.ru.pdf`.
fn mark(path: &Path, marked: Option<Lang>) -> std::path::PathBuf {
    let Some(lang) = marked else { return path.to_path_buf() };
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}.{}.{}", lang.code(), ext.to_string_lossy()),
        None => format!("{stem}.{}", lang.code()),
    };
    path.with_file_name(name)
}

/// Where a format stands in the order of writing.
fn order(format: OutputFormat) -> u8 {
    match format {
        OutputFormat::Markdown => 0,
        OutputFormat::Pdf => 1,
        OutputFormat::Json => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_summary_is_written_last_and_beside_the_first_report() {
        let mut options = Options {
            data: crate::dataset::DataSource::Path("data-that-does-not-exist".into()),
            data_notice: None,
            period: None,
            formats: vec![OutputFormat::Pdf, OutputFormat::Markdown],
            destination: Destination::Folder("reports-that-do-not-exist".into()),
            templates: None,
            highlights: 3,
            pillars: Vec::new(),
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 2, 12).unwrap(),
            chronology: true,
            annexes: true,
            compare: None,
            changes: true,
            changes_in_briefing: false,
            issue: false,
            since: None,
            watch: false,
            paper: crate::options::Paper::A4,
            links: Default::default(),
            quiet: true,
            languages: Vec::new(),
        };
        let plan = Plan::new(&options, &Period::whole_years(2024, 2026), &[], None).unwrap();
        let formats: Vec<OutputFormat> = plan.targets().iter().map(|(f, _)| *f).collect();
        assert_eq!(formats, [OutputFormat::Markdown, OutputFormat::Pdf, OutputFormat::Json]);
        assert_eq!(plan.summary_file(), Some(Path::new("reports-that-do-not-exist/azint-briefing-2024-2026.json")));
        let plan = Plan::new(&options, &Period::whole_years(2024, 2026), &[], Some(Lang::Ru)).unwrap();
        let names: Vec<String> = plan.targets().iter().map(|(_, t)| format!("{t:?}")).collect();
        assert!(names.iter().all(|n| n.contains("azint-briefing-2024-2026.ru.")), "{names:?}");
        assert_eq!(plan.summary_file(), Some(Path::new("reports-that-do-not-exist/azint-briefing-2024-2026.ru.json")));
        options.destination = Destination::Named(Target::File("out/brief.pdf".into()));
        options.formats = vec![OutputFormat::Pdf];
        let plan = Plan::new(&options, &Period::whole_years(2024, 2026), &[], Some(Lang::Az)).unwrap();
        assert_eq!(plan.targets()[0].1, Target::File("out/brief.az.pdf".into()));
        assert_eq!(plan.summary_file(), Some(Path::new("out/brief.az.json")));
        options.destination = Destination::Named(Target::Stdout);
        let plan = Plan::new(&options, &Period::whole_years(2024, 2026), &[], None).unwrap();
        assert!(!plan.makes(OutputFormat::Json) && plan.summary_file().is_none());
    }
}
