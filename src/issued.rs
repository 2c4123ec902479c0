//! Issued briefings: the baseline the change report compares with
//! (issue 24, items 1 and 2).
//!
//! A run with `--issue` keeps its briefing files and its JSON summary under
//! `<folder>/issued/`, beside the reports, named by the briefing's file
//! stem, the issue date (`--as-of`) and `[report] reference` when set:
//! `issued/azint-briefing-2024-2026.2026-02-12.AZ-2026-07.json`. Every
//! other run (and every `--watch` round) only reads that folder: it
//! compares with the latest issued briefing of the same period (the stem
//! derives from the period), or the one `--since` names, and never moves
//! it. An issued summary whose data are not the run's (another data
//! folder, other pillars, another period) is named as a different dataset,
//! and no changes are listed.
//!
//! Here: the names, the listing, the choice of the baseline and the
//! comparison with it. The pipeline ([`crate::render`]) writes the files,
//! with the reports, all or none.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::dataset::{DataSource, Dataset};
use crate::error::Error;
use crate::snapshot::{self, DataStamp, Previous, Snapshot};
use crate::{diag, output, report, words};

/// The change report's file name ends in this, after the briefing's stem.
pub const CHANGES_EXTENSION: &str = ".changes.md";

/// The folder issued briefings are kept in, beside the JSON summary.
pub const FOLDER: &str = "issued";

/// One issued briefing found in the folder: its date and reference as its
/// file name gives them, and its JSON summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issued {
    pub date: NaiveDate,
    /// The reference as written into the file name ([`file_safe`]).
    pub reference: Option<String>,
    pub json: PathBuf,
}

impl Issued {
    /// `2026-01-12 (AZ-2026-07)`, or the date alone: how the console names it.
    pub fn label(&self) -> String {
        label(&self.date.to_string(), self.reference.as_deref())
    }
}

/// `2026-01-12 (AZ-2026-07)`, or the date alone.
pub fn label(date: &str, reference: Option<&str>) -> String {
    match reference {
        Some(r) => format!("{date} ({r})"),
        None => date.to_owned(),
    }
}

/// Where the issued copies of the reports written to `summary` (the JSON
/// summary's path) go: `issued/` beside it.
pub fn folder(summary: &Path) -> PathBuf {
    summary.parent().map_or_else(|| PathBuf::from(FOLDER), |p| p.join(FOLDER))
}

/// A reference as it may stand in a file name: letters, digits, `-`, `_`
/// and `.` kept, anything else (a `/`, a space) made `-`; `None` when
/// nothing is left.
pub fn file_safe(reference: &str) -> Option<String> {
    let safe: String = reference.trim().chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' }).collect();
    let safe = safe.trim_matches(|c| c == '.' || c == '-');
    (!safe.is_empty()).then(|| safe.chars().take(64).collect())
}

/// The issued copy of `report` (a report's path): `issued/<stem>.<date>[.<reference>].<ext>`.
/// The change report's double extension (`.changes.md`) stays whole.
pub fn copy_path(report: &Path, date: NaiveDate, reference: Option<&str>) -> PathBuf {
    let name = report.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let (stem, ext) = match name.strip_suffix(CHANGES_EXTENSION) {
        Some(stem) => (stem.to_owned(), CHANGES_EXTENSION.to_owned()),
        None => (
            report.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
            report.extension().map_or_else(String::new, |e| format!(".{}", e.to_string_lossy())),
        ),
    };
    let tail = reference.map_or_else(String::new, |r| format!(".{r}"));
    folder(report).join(format!("{stem}.{date}{tail}{ext}"))
}

/// The briefings issued for `summary` (the run's JSON summary path), oldest
/// first (by date, then reference). No folder: none.
pub fn list(summary: &Path) -> Result<Vec<Issued>, Error> {
    let dir = folder(summary);
    let stem = summary.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::Usage(format!("cannot read {}: {e}", dir.display()))),
    };
    let mut found: Vec<Issued> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let rest = name.strip_prefix(&stem)?.strip_prefix('.')?.strip_suffix(".json")?;
            let date = NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()?;
            let reference = match &rest[10..] {
                "" => None,
                tail => Some(tail.strip_prefix('.')?.to_owned()),
            };
            Some(Issued { date, reference, json: entry.path() })
        })
        .collect();
    found.sort_by(|a, b| (a.date, &a.reference).cmp(&(b.date, &b.reference)));
    Ok(found)
}

/// The baseline among `issued`: the one `since` names (a date, or a
/// reference, any case), else the latest. `since` naming none is a usage
/// error listing the issued ones (exit 2).
pub fn choose<'a>(issued: &'a [Issued], since: Option<&str>) -> Result<Option<&'a Issued>, Error> {
    let Some(since) = since else { return Ok(issued.last()) };
    let wanted = since.trim();
    let by_date = NaiveDate::parse_from_str(wanted, "%Y-%m-%d").ok();
    // As the file names spell references.
    let safe = file_safe(wanted);
    let named: Vec<&Issued> = issued
        .iter()
        .filter(|i| Some(i.date) == by_date || i.reference.as_deref().is_some_and(|r| safe.as_deref().is_some_and(|w| w.eq_ignore_ascii_case(r))))
        .collect();
    if named.len() > 1 {
        let names: Vec<String> = named.iter().map(|i| i.label()).collect();
        return Err(Error::Usage(format!(
            "--since `{}` names {} issued briefings: {}; give the one's {} to choose",
            diag::shorten(wanted),
            named.len(),
            names.join(", "),
            if by_date.is_some() { "reference" } else { "date" }
        )));
    }
    match named.first().copied() {
        Some(found) => Ok(Some(found)),
        None if issued.is_empty() => {
            Err(Error::Usage(format!("--since `{}`: no briefing of this period has been issued yet (issue one with --issue)", diag::shorten(wanted))))
        }
        None => {
            let names: Vec<String> = issued.iter().map(Issued::label).collect();
            Err(Error::Usage(format!(
                "--since `{}` names no issued briefing of this period; the issued ones are {}",
                diag::shorten(wanted),
                names.join(", ")
            )))
        }
    }
}

/// Where a run's data came from, for its JSON summary.
pub fn data_stamp(source: &DataSource, label: String, dataset: &Dataset) -> DataStamp {
    let folder = match source {
        DataSource::Builtin => "built-in".to_owned(),
        DataSource::Path(path) => {
            let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
        }
    };
    let mut pillars: Vec<String> = dataset.pillars.iter().map(|p| p.id.clone()).collect();
    pillars.sort();
    DataStamp { source: label, folder, pillars }
}

/// What a run compared its summary with.
#[derive(Clone, Debug, PartialEq)]
pub enum Baseline {
    /// `--no-changes`, or a run with no JSON summary (`-o -`): nothing read.
    NotCompared,
    /// No briefing of the period has been issued.
    NoneIssued,
    /// The issued briefing's data are not the run's: its date, reference
    /// and where its data came from.
    Different { date: String, reference: Option<String>, source: String },
    /// Briefings were issued, but none could be read (each named in a
    /// warning): the latest one's label.
    Unreadable { label: String },
    /// What changed since the issued briefing; `file` is the change report
    /// written beside the briefing, when one was.
    /// Boxed: an outcome is passed by value on every `--watch` round.
    Compared { changes: Box<report::Changes>, file: Option<PathBuf> },
}

impl Baseline {
    /// The change report as the briefing and the JSON summary show it:
    /// `None` when nothing was compared.
    pub fn changes(&self) -> Option<report::Changes> {
        match self {
            Baseline::Compared { changes, .. } => Some((**changes).clone()),
            Baseline::Different { date, reference, source } => Some(report::Changes {
                previous_as_of: date.clone(),
                previous_reference: reference.clone(),
                different_dataset: Some(source.clone()),
                ..report::Changes::default()
            }),
            Baseline::NotCompared | Baseline::NoneIssued | Baseline::Unreadable { .. } => None,
        }
    }

    /// The console's words for it, after the success line's `; `:
    /// `changes since 2026-01-12 (AZ-2026-07): +1 −0 ~2`, `no changes since
    /// …`, `no issued briefing yet`, `compares a different dataset (…)`.
    /// `None` when nothing was compared. In English, as every diagnostic.
    pub fn line(&self) -> Option<String> {
        match self {
            Baseline::NotCompared => None,
            Baseline::NoneIssued => Some("no issued briefing yet".to_owned()),
            Baseline::Unreadable { label } => Some(format!("the issued briefing {label} cannot be read (see the warning): no changes listed")),
            Baseline::Different { date, reference, source } => Some(format!(
                "compares a different dataset: the briefing issued {} came from {source}; no changes listed",
                label(date, reference.as_deref())
            )),
            Baseline::Compared { changes, file } => {
                let since = label(&changes.previous_as_of, changes.previous_reference.as_deref());
                let within = file.as_ref().map_or_else(String::new, |f| format!(", in {}", f.display()));
                Some(match changes.brief() {
                    Some(counts) => format!("changes since {since}: {counts}{within}"),
                    None => format!("no changes since {since}"),
                })
            }
        }
    }
}

/// The success line's tail: what the run issued (`2026-02-12 (AZ-7)`), and
/// what it compared with ([`Baseline::line`]): `issued 2026-02-12 (AZ-7);
/// changes since 2026-01-12: +1 −0 ~2, in …`, or for the first issue of a
/// period `issued 2026-02-12 (AZ-7), the first for this period`.
pub fn tail(issued: Option<&str>, baseline: &Baseline) -> Option<String> {
    match (issued, baseline.line()) {
        (Some(issued), _) if *baseline == Baseline::NoneIssued => Some(format!("issued {issued}, the first for this period")),
        (Some(issued), Some(line)) => Some(format!("issued {issued}; {line}")),
        (Some(issued), None) => Some(format!("issued {issued}")),
        (None, line) => line,
    }
}

/// Compares `snapshot` (this run's) with the baseline among `issued` (the
/// briefings issued for the run's JSON summary, [`list`]): the one `since`
/// names, else the latest issued
/// briefing of the same dataset (a briefing of one pillar, `--pillar`,
/// issued since the whole one, does not take its place: the latest issued
/// of this run's pillars and data serves; only when none does is the run
/// said to compare a different dataset, the latest one's). Summaries are
/// read one at a time, newest first, each let go before the next. An issued
/// summary that cannot be read is a warning naming it, and an older one
/// serves, if any.
pub fn compare(
    issued: &[Issued],
    since: Option<&str>,
    snapshot: &Snapshot,
    dataset: &Dataset,
    words: &words::Catalogue,
    warnings: &mut Vec<diag::Diagnostic>,
) -> Result<Baseline, Error> {
    let candidates: Vec<&Issued> = match since {
        Some(_) => choose(issued, since)?.into_iter().collect(),
        None => issued.iter().rev().collect(),
    };
    let mut first_different = None;
    let mut unreadable = None;
    for chosen in candidates {
        let unusable = |why: String, warnings: &mut Vec<diag::Diagnostic>| {
            let path = chosen.json.display().to_string();
            let message = format!("the issued JSON summary cannot be used: {why}; no changes are listed since it");
            warnings.push(diag::Diagnostic::error_in(&path, message).warning());
        };
        let text = match output::read_existing(&chosen.json) {
            Ok(Some(text)) => text,
            Ok(None) => continue,
            Err(e) => {
                unusable(e.to_string(), warnings);
                unreadable.get_or_insert_with(|| chosen.label());
                continue;
            }
        };
        let previous = match snapshot::read_previous(&text) {
            Ok(Some(previous)) => previous,
            Ok(None) => {
                unusable("it is of another version of the format".to_owned(), warnings);
                unreadable.get_or_insert_with(|| chosen.label());
                continue;
            }
            Err(why) => {
                unusable(why, warnings);
                unreadable.get_or_insert_with(|| chosen.label());
                continue;
            }
        };
        let reference = previous.issued.as_ref().and_then(|i| i.reference.as_ref()).map(|r| r.to_string()).or_else(|| chosen.reference.clone());
        if let Some(source) = different(&previous, snapshot) {
            first_different.get_or_insert(Baseline::Different { date: previous.as_of.to_string(), reference, source });
            continue;
        }
        let diff = snapshot::diff_in(&previous, snapshot, dataset);
        let mut changes = report::changes::describe(&diff, words);
        changes.previous_reference = reference;
        let as_of = NaiveDate::parse_from_str(&snapshot.as_of, "%Y-%m-%d").unwrap_or_default();
        let judged = snapshot::review::changes(previous.judgements.as_ref(), dataset, as_of);
        warnings.extend(review_warnings(&judged, &diff, dataset, as_of));
        (changes.judgements, changes.judgements_counted) = report::changes::describe_judgements(&judged, &diff, words);
        return Ok(Baseline::Compared { changes: Box::new(changes), file: None });
    }
    Ok(first_different.or(unreadable.map(|label| Baseline::Unreadable { label })).unwrap_or(Baseline::NoneIssued))
}

/// "review: the evidence of judgement J changed: date of E" on standard
/// error, at the judgement, for each judgement whose evidence changed since
/// the issued briefing and is not yet reviewed (issue 25, item 2).
fn review_warnings(judged: &[snapshot::review::JudgementChange], diff: &snapshot::Diff, dataset: &Dataset, as_of: NaiveDate) -> Vec<diag::Diagnostic> {
    let fields = snapshot::review::edited_fields(diff);
    let mut out = Vec::new();
    for change in judged.iter().filter(|c| !c.evidence.is_empty() && !c.settled) {
        let Some(j) = dataset.judgements.iter().find(|j| j.name() == change.judgement) else { continue };
        let what: Vec<String> = change
            .evidence
            .iter()
            .map(|id| match fields.get(id.as_str()) {
                Some(names) if !names.is_empty() => format!("{} of `{id}`", names.join(", ")),
                _ => format!("`{id}`"),
            })
            .collect();
        out.push(
            diag::Diagnostic::error_at_place(
                &j.file,
                j.place,
                format!("review: the evidence of judgement `{}` changed: {}", change.judgement, what.join("; ")),
            )
            .warning()
            .with_help(format!("read the judgement against its evidence again; once it holds, record that with `reviewed = {as_of}`")),
        );
    }
    out
}

/// Where the issued summary's data came from, when they are not this run's:
/// another data folder (by name, so a clean clone or another spelling of
/// the path is the same), other pillars, or another period.
/// The pillars the briefing covered (`--pillar`) count too: a briefing of
/// one pillar compared with one of all would list every other pillar's
/// events as removed.
fn different(previous: &Previous<'_>, now: &Snapshot) -> Option<String> {
    let same_period = *previous.period.start == now.period.start && *previous.period.end == now.period.end;
    let mut covered: Vec<&str> = previous.pillars.iter().map(|p| &*p.id).collect();
    let mut covers: Vec<&str> = now.pillars.iter().map(|p| p.id.as_str()).collect();
    covered.sort_unstable();
    covers.sort_unstable();
    let source = match &previous.data {
        Some(before) => before.source.to_string(),
        None => "another period's data".to_owned(),
    };
    if covered != covers {
        return Some(format!("{source}, pillars {}", covered.join(", ")));
    }
    match (&previous.data, &now.data) {
        (Some(before), Some(after)) => {
            let pillars: Vec<&str> = before.pillars.iter().map(|p| &**p).collect();
            let same = *before.folder == after.folder && pillars == after.pillars && same_period;
            (!same).then_some(source)
        }
        // A summary that did not record its data: the period alone.
        _ => (!same_period).then_some(source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_made_safe_for_file_names() {
        assert_eq!(file_safe("AZ-2026/07").as_deref(), Some("AZ-2026-07"));
        assert_eq!(file_safe(" AZ 7 ").as_deref(), Some("AZ-7"));
        assert_eq!(file_safe("../.."), None);
        assert_eq!(file_safe(""), None);
    }

    /// Issue 29, item 11: a reference that is a path, in every arrangement
    /// of path pieces, names a file in the issued folder and nowhere else.
    #[test]
    fn a_reference_that_is_a_path_stays_in_the_issued_folder() {
        const PIECES: [&str; 9] = ["..", "/", "\\", ".", "a", "\0", "C:", "~", " "];
        let report = Path::new("reports/azint-briefing-2025.json");
        let date = NaiveDate::from_ymd_opt(2026, 2, 12).unwrap();
        let mut stack = vec![(String::new(), 0)];
        while let Some((reference, n)) = stack.pop() {
            if let Some(safe) = file_safe(&reference) {
                assert!(!safe.contains(['/', '\\', '\0', ':']) && !safe.starts_with('.') && safe.len() <= 64, "{reference:?} → {safe:?}");
                let path = copy_path(report, date, Some(&safe));
                assert_eq!(path.parent(), Some(Path::new("reports/issued")), "{reference:?} → {}", path.display());
                assert_eq!(path.components().count(), 3, "{reference:?} → {}", path.display());
            }
            if n < 4 {
                stack.extend(PIECES.iter().map(|p| (format!("{reference}{p}"), n + 1)));
            }
        }
    }

    #[test]
    fn issued_briefings_are_listed_by_date_and_chosen_by_date_or_reference() {
        let dir = tempfile::tempdir().unwrap();
        let summary = dir.path().join("azint-briefing-2025.json");
        assert!(list(&summary).unwrap().is_empty());
        std::fs::create_dir(folder(&summary)).unwrap();
        for name in [
            "azint-briefing-2025.2026-02-12.AZ-9.json",
            "azint-briefing-2025.2026-01-12.json",
            "azint-briefing-2025.2026-01-12.pdf",
            "azint-briefing-2025-03.2026-03-01.json",
            "azint-briefing-2025.not-a-date.json",
        ] {
            std::fs::write(folder(&summary).join(name), "{}").unwrap();
        }
        let issued = list(&summary).unwrap();
        let labels: Vec<String> = issued.iter().map(Issued::label).collect();
        assert_eq!(labels, ["2026-01-12", "2026-02-12 (AZ-9)"]);
        assert_eq!(choose(&issued, None).unwrap().unwrap().label(), "2026-02-12 (AZ-9)");
        assert_eq!(choose(&issued, Some("2026-01-12")).unwrap().unwrap().label(), "2026-01-12");
        assert_eq!(choose(&issued, Some("az-9")).unwrap().unwrap().label(), "2026-02-12 (AZ-9)");
        let err = choose(&issued, Some("AZ-8")).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("the issued ones are 2026-01-12, 2026-02-12 (AZ-9)"), "{err}");
        assert!(choose(&[], Some("AZ-8")).unwrap_err().to_string().contains("no briefing of this period has been issued yet"));

        // A date or reference that names two is not chosen silently.
        std::fs::write(folder(&summary).join("azint-briefing-2025.2026-02-12.AZ-10.json"), "{}").unwrap();
        std::fs::write(folder(&summary).join("azint-briefing-2025.2026-03-12.AZ-9.json"), "{}").unwrap();
        let issued = list(&summary).unwrap();
        let err = choose(&issued, Some("2026-02-12")).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().ends_with("names 2 issued briefings: 2026-02-12 (AZ-10), 2026-02-12 (AZ-9); give the one's reference to choose"), "{err}");
        let err = choose(&issued, Some("AZ-9")).unwrap_err();
        assert!(err.to_string().ends_with("names 2 issued briefings: 2026-02-12 (AZ-9), 2026-03-12 (AZ-9); give the one's date to choose"), "{err}");
        assert_eq!(choose(&issued, Some("AZ-10")).unwrap().unwrap().label(), "2026-02-12 (AZ-10)");
    }

    #[test]
    fn the_success_line_says_what_was_issued_and_compared() {
        assert_eq!(tail(None, &Baseline::NotCompared), None);
        assert_eq!(tail(None, &Baseline::NoneIssued).as_deref(), Some("no issued briefing yet"));
        assert_eq!(tail(Some("2026-02-12"), &Baseline::NoneIssued).as_deref(), Some("issued 2026-02-12, the first for this period"));
        assert_eq!(tail(Some("2026-02-12"), &Baseline::NotCompared).as_deref(), Some("issued 2026-02-12"));
        let changes = report::Changes { previous_as_of: "2026-01-12".into(), previous_reference: Some("AZ-1".into()), added: 1, ..report::Changes::default() };
        let compared = Baseline::Compared { changes: Box::new(changes), file: Some("r/b.changes.md".into()) };
        assert_eq!(tail(Some("2026-02-12"), &compared).as_deref(), Some("issued 2026-02-12; changes since 2026-01-12 (AZ-1): +1 −0 ~0, in r/b.changes.md"));
    }

    #[test]
    fn copies_are_named_by_stem_date_and_reference() {
        let date = NaiveDate::from_ymd_opt(2026, 2, 12).unwrap();
        let path = copy_path(Path::new("reports/azint-briefing-2024-2026.pdf"), date, Some("AZ-2026-07"));
        assert_eq!(path, Path::new("reports/issued/azint-briefing-2024-2026.2026-02-12.AZ-2026-07.pdf"));
        assert_eq!(copy_path(Path::new("b.md"), date, None), Path::new("issued/b.2026-02-12.md"));
        assert_eq!(copy_path(Path::new("r/b.changes.md"), date, None), Path::new("r/issued/b.2026-02-12.changes.md"));
    }
}
