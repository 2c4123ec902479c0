//! The command line as clap sees it: raw flags only, and the one place
//! clap is named. [`RenderArgs::request`] turns the flags into the
//! library's plain [`Request`], which [`crate::options`] resolves into what
//! a run needs (ripgrep's low-level and high-level arguments): the library
//! takes no clap type, and nothing below this file imports it.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::options::{OutputFormat, Request};
use crate::period::Period;

const EXAMPLES: &str = "\
Examples:
  azint-report --period 2024-2026 --format pdf    the briefing as PDF in reports/
  azint-report --period 2025 --format md -o -     Markdown for 2025 to standard output
  azint-report --period 2024-07..2025-06 --pillar energy --format both
  azint-report check --data my-data/              list every problem in a dataset
  azint-report check data/events/2025.toml        check the file being edited against ./data
  azint-report schema > azint-dataset.schema.json  the dataset's JSON Schema, for an editor
  azint-report completions bash > /etc/bash_completion.d/azint-report";

/// Briefings on Azerbaijan's international integration, from a hand-edited
/// TOML dataset to Markdown and PDF.
#[derive(Debug, Parser)]
#[command(name = "azint-report", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub render: RenderArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the dataset and list every problem, not only the first.
    Check {
        /// A .toml file or a folder of them [default: ./data, else built in]
        #[arg(long, value_name = "PATH")]
        data: Option<PathBuf>,
        /// The date plans are judged by: a planned event whose date has
        /// passed is a warning (YYYY-MM-DD) [default: SOURCE_DATE_EPOCH when
        /// set, else today]
        #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
        as_of: Option<NaiveDate>,
        /// The templates the briefing is rendered with: their images are
        /// checked too, as the render reads them
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// Check only these files, in the context of the dataset (its
        /// pillars, the ids of its other files): the file being edited.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the dataset's files, for editors (Taplo).
    Schema,
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// The options of the main command: render a briefing.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The period: 2024-2026 (or 2024–2026), 2025, 2025-03,
    /// 2024-07..2025-06 or 2024-11-01..2025-02-15; file names follow its
    /// days, not its spelling [default: the years of all events]
    #[arg(long, value_name = "P", value_parser = Period::parse)]
    pub period: Option<Period>,

    /// Output format.
    #[arg(long, value_enum, value_name = "F", default_value_t = Format::Pdf)]
    pub format: Format,

    /// A .toml file or a folder of them [default: ./data when it exists, else
    /// the dataset built into the binary]
    #[arg(long, value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// Output file for one format; `-` writes to standard output
    /// [default: <out-dir>/azint-briefing-<period>.<ext>]
    #[arg(short, long, value_name = "PATH")]
    pub out: Option<PathBuf>,

    /// Folder for the default file names.
    #[arg(long, value_name = "DIR", default_value = "reports")]
    pub out_dir: PathBuf,

    /// A folder of Handlebars templates that replace built-in ones of the
    /// same file name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Highlights per pillar.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub highlights: usize,

    /// Only this pillar (by id); repeat for several.
    #[arg(long = "pillar", value_name = "ID")]
    pub pillars: Vec<String>,

    /// The date printed as the report's date (YYYY-MM-DD)
    /// [default: SOURCE_DATE_EPOCH when set, else today]
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,

    /// Leave out the chronology of every event (for very large datasets).
    #[arg(long)]
    pub no_chronology: bool,

    /// Leave out the annexes (chronology, sources, index of partners,
    /// note on the briefing): the body only.
    #[arg(long)]
    pub no_annexes: bool,

    /// Count a second period beside the main one (same forms as --period).
    #[arg(long, value_name = "P", value_parser = Period::parse)]
    pub compare: Option<Period>,

    /// Compare with no issued briefing: read none, report no changes.
    #[arg(long)]
    pub no_changes: bool,

    /// Issue this briefing: no DRAFT mark, and its files and JSON summary
    /// kept under <out-dir>/issued/ as the baseline of later runs.
    #[arg(long)]
    pub issue: bool,

    /// Compare with the briefing issued on this date (YYYY-MM-DD) or under
    /// this reference [default: the latest issued]
    #[arg(long, value_name = "DATE|REF")]
    pub since: Option<String>,

    /// Put the change report in the briefing too, not only in
    /// <stem>.changes.md beside it.
    #[arg(long)]
    pub changes_in_briefing: bool,

    /// Stay running and regenerate whenever a data or template file changes.
    #[arg(long)]
    pub watch: bool,

    /// The briefing's language: en, az or ru; repeat or list (az,ru) to
    /// write several in one run. A language other than the dataset's
    /// `[report] language` is marked in the file names
    /// (azint-briefing-2024-2026.ru.pdf) [default: the dataset's]
    #[arg(long = "lang", value_enum, value_name = "LANG", value_delimiter = ',')]
    pub langs: Vec<Language>,

    /// Paper size of the PDF.
    #[arg(long, value_enum, default_value_t = Paper::A4)]
    pub paper: Paper,

    /// How links are set in the PDF: quiet, in the text's colour, for
    /// print; or coloured, for reading on screen.
    #[arg(long, value_enum, value_name = "L", default_value_t = Links::Quiet)]
    pub links: Links,

    /// Print nothing on success.
    #[arg(short, long)]
    pub quiet: bool,
}

impl RenderArgs {
    /// The flags as the library's plain request: formats spelled out in
    /// the order they are written, negative flags made positive.
    pub fn request(self) -> Request {
        let formats = match self.format {
            Format::Md => vec![OutputFormat::Markdown],
            Format::Pdf => vec![OutputFormat::Pdf],
            Format::Both => vec![OutputFormat::Markdown, OutputFormat::Pdf],
            Format::Json => vec![OutputFormat::Json],
        };
        Request {
            period: self.period,
            formats,
            data: self.data,
            out: self.out,
            out_dir: self.out_dir,
            templates: self.templates,
            highlights: self.highlights,
            pillars: self.pillars,
            as_of: self.as_of,
            chronology: !self.no_chronology,
            annexes: !self.no_annexes,
            compare: self.compare,
            changes: !self.no_changes,
            changes_in_briefing: self.changes_in_briefing,
            issue: self.issue,
            since: self.since,
            watch: self.watch,
            paper: match self.paper {
                Paper::A4 => crate::options::Paper::A4,
                Paper::Letter => crate::options::Paper::Letter,
            },
            links: match self.links {
                Links::Quiet => crate::options::Links::Quiet,
                Links::Colour => crate::options::Links::Colour,
            },
            quiet: self.quiet,
            languages: self
                .langs
                .iter()
                .map(|l| match l {
                    Language::En => crate::words::Lang::En,
                    Language::Az => crate::words::Lang::Az,
                    Language::Ru => crate::words::Lang::Ru,
                })
                .collect(),
        }
    }
}

/// `--lang`, as clap parses it ([`crate::words::Lang`] is the library's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Language {
    /// English (en-GB).
    En,
    /// Azerbaijani.
    Az,
    /// Russian.
    Ru,
}

/// `--format`, as clap parses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Pdf,
    Both,
    /// Only the JSON summary.
    Json,
}

/// `--links`, as clap parses it ([`crate::options::Links`] is the
/// library's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Links {
    /// In the text's colour (for print).
    Quiet,
    /// In the link colour (for a screen).
    Colour,
}

/// `--paper`, as clap parses it ([`crate::options::Paper`] is the
/// library's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Paper {
    A4,
    Letter,
}

/// Why `--as-of` was refused; clap prints it after the flag's name.
#[derive(Debug, thiserror::Error)]
enum AsOfError {
    #[error("`{0}` is not a date: expected YYYY-MM-DD")]
    NotADate(String),
    #[error("`{0}` is {1}")]
    Unsupported(String, crate::options::Unsupported),
}

fn parse_as_of(text: &str) -> Result<NaiveDate, AsOfError> {
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| AsOfError::NotADate(text.to_owned()))?;
    crate::options::supported(date).map_err(|e| AsOfError::Unsupported(text.to_owned(), e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    /// The flags become the library's plain request: formats in writing
    /// order, negative flags positive, clap's paper the library's.
    #[test]
    fn the_flags_become_a_plain_request() {
        let parse = |args: &[&str]| Cli::try_parse_from(std::iter::once("azint-report").chain(args.iter().copied())).unwrap().render.request();
        let request = parse(&["--format", "both", "--paper", "letter", "--no-chronology", "--no-changes", "--as-of", "2026-02-12"]);
        assert_eq!(request.formats, [OutputFormat::Markdown, OutputFormat::Pdf]);
        assert_eq!(request.paper, crate::options::Paper::Letter);
        assert!(!request.chronology && !request.changes);
        assert_eq!(request.as_of, NaiveDate::from_ymd_opt(2026, 2, 12));
        let request = parse(&["--format", "json"]);
        assert_eq!(request.formats, [OutputFormat::Json]);
        assert_eq!(request.paper, crate::options::Paper::A4);
        assert_eq!(request.links, crate::options::Links::Quiet);
        assert_eq!(parse(&["--links", "colour"]).links, crate::options::Links::Colour);
        assert!(request.chronology && request.changes && request.as_of.is_none());
        assert!(request.languages.is_empty());
        let langs = parse(&["--lang", "az,ru", "--lang", "az"]).languages;
        assert_eq!(langs, [crate::words::Lang::Az, crate::words::Lang::Ru, crate::words::Lang::Az]);
        assert!(Cli::try_parse_from(["azint-report", "--lang", "tr"]).is_err());
        let refused = Cli::try_parse_from(["azint-report", "--as-of", "0999-12-31"]).unwrap_err().to_string();
        assert!(refused.contains("`0999-12-31` is outside the supported years, 1000 to 9999"), "{refused}");
    }
}
