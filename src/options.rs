//! Resolving the command line once: data source, formats, output targets,
//! report date. Everything after this works on [`Options`], never on raw
//! flags or the environment.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::dataset::DataSource;
use crate::period::Period;
use crate::Error;

/// One output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Markdown,
    Pdf,
    /// The JSON summary.
    Json,
}

impl OutputFormat {
    /// The format's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Markdown => "Markdown",
            OutputFormat::Pdf => "PDF",
            OutputFormat::Json => "JSON",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Markdown => "md",
            OutputFormat::Pdf => "pdf",
            OutputFormat::Json => "json",
        }
    }
}

/// How links are set in the PDF (`--links`): the typesetter's own type.
pub use crate::typeset::flow::Links;

/// Paper size of the PDF. The library's own type: the command line maps
/// its flag onto it (`cli.rs`), and nothing here knows clap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// The page's size, for the typesetter.
    pub fn size(self) -> crate::typeset::geom::Size {
        match self {
            Paper::A4 => crate::typeset::flow::PageSetup::A4,
            Paper::Letter => crate::typeset::flow::PageSetup::LETTER,
        }
    }
}

/// The main command as the user asked for it, before anything is resolved:
/// plain values, no clap type (ripgrep's low-level arguments). `cli.rs`
/// builds it from the flags; [`Options::resolve`] checks it against the
/// file system and the environment.
#[derive(Clone, Debug)]
pub struct Request {
    pub period: Option<Period>,
    /// The formats asked for, in command-line order (`both`: Markdown, PDF).
    pub formats: Vec<OutputFormat>,
    pub data: Option<PathBuf>,
    pub out: Option<PathBuf>,
    pub out_dir: PathBuf,
    pub templates: Option<PathBuf>,
    pub highlights: usize,
    pub pillars: Vec<String>,
    pub as_of: Option<NaiveDate>,
    pub chronology: bool,
    /// `--no-annexes` turns it off.
    pub annexes: bool,
    pub compare: Option<Period>,
    pub changes: bool,
    /// `--changes-in-briefing`.
    pub changes_in_briefing: bool,
    /// `--issue`.
    pub issue: bool,
    /// `--since DATE|REFERENCE`.
    pub since: Option<String>,
    pub watch: bool,
    pub paper: Paper,
    /// `--links`: how links are set in the PDF.
    pub links: Links,
    pub quiet: bool,
    /// `--lang`, in command-line order, repeats included.
    pub languages: Vec<crate::words::Lang>,
}

/// Where reports go: one named target, or default names in a folder (the
/// names depend on the period, which may come from the data).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// `-o PATH` or `-o -`.
    Named(crate::output::Target),
    /// `<dir>/azint-briefing-<period>.<ext>`.
    Folder(PathBuf),
}

/// A run of the main command, resolved.
#[derive(Clone, Debug)]
pub struct Options {
    pub data: DataSource,
    /// Said on stderr when the data source was chosen for the user.
    pub data_notice: Option<String>,
    /// `None`: the whole years of all events.
    pub period: Option<Period>,
    pub formats: Vec<OutputFormat>,
    pub destination: Destination,
    pub templates: Option<PathBuf>,
    pub highlights: usize,
    pub pillars: Vec<String>,
    pub as_of: NaiveDate,
    pub chronology: bool,
    /// Whether the briefing ends with its annexes (issue 27, item 2).
    pub annexes: bool,
    /// `--compare`: a second period to count beside the main one.
    pub compare: Option<Period>,
    /// `--no-changes`: compare with no issued briefing; nothing earlier is
    /// read.
    pub changes: bool,
    /// `--changes-in-briefing`: the change report in the briefing too, not
    /// only in its own file.
    pub changes_in_briefing: bool,
    /// `--issue`: the briefing is issued (no DRAFT mark), and kept under
    /// `issued/` as the baseline of later runs.
    pub issue: bool,
    /// `--since`: the issued briefing to compare with (a date or a
    /// reference), instead of the latest.
    pub since: Option<String>,
    /// `--watch`: regenerate on every change.
    pub watch: bool,
    pub paper: Paper,
    /// `--links`: how links are set in the PDF.
    pub links: Links,
    pub quiet: bool,
    /// `--lang`: the briefing's languages, each once, in the order asked;
    /// none: the dataset's `[report] language`.
    pub languages: Vec<crate::words::Lang>,
}

impl Options {
    /// Resolves `args` against the environment: `SOURCE_DATE_EPOCH`, today's
    /// date, and whether `./data` exists.
    pub fn resolve(args: Request) -> Result<Options, Error> {
        check_baseline_flags(&args)?;
        let formats = args.formats;
        if formats.is_empty() {
            return Err(Error::Usage("no output format asked for".to_owned()));
        }
        let destination = match args.out {
            Some(_) if formats.len() > 1 => {
                return Err(Error::Usage(
                    "--out names one file, but --format both writes two: use --out-dir instead"
                        .to_owned(),
                ))
            }
            Some(path) if path.as_os_str() == "-" => {
                Destination::Named(crate::output::Target::Stdout)
            }
            Some(path) => {
                check_out(&path, formats[0])?;
                Destination::Named(crate::output::Target::File(path))
            }
            None => Destination::Folder(args.out_dir),
        };
        let (data, data_notice) = resolve_data(args.data);
        let languages = resolve_languages(&args.languages, &destination)?;
        Ok(Options {
            data,
            data_notice,
            period: args.period,
            formats,
            destination,
            templates: args.templates,
            highlights: args.highlights,
            pillars: args.pillars,
            as_of: resolve_as_of(
                args.as_of,
                std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(),
            )?,
            chronology: args.chronology,
            annexes: args.annexes,
            compare: args.compare,
            changes: args.changes,
            changes_in_briefing: args.changes_in_briefing,
            issue: args.issue,
            since: args.since,
            watch: args.watch,
            paper: args.paper,
            links: args.links,
            quiet: args.quiet,
            languages,
        })
    }
}

/// `--lang`: each language once, in the order first asked; several are
/// refused when the reports go to standard output (one stream cannot hold
/// two briefings apart).
pub fn resolve_languages(asked: &[crate::words::Lang], destination: &Destination) -> Result<Vec<crate::words::Lang>, Error> {
    let mut languages = Vec::new();
    for lang in asked {
        if !languages.contains(lang) {
            languages.push(*lang);
        }
    }
    if languages.len() > 1 && *destination == Destination::Named(crate::output::Target::Stdout) {
        return Err(Error::Usage(format!(
            "--lang {} asks for {} briefings, but -o - writes one to standard output: ask for one language, or write files",
            languages.iter().map(|l| l.code()).collect::<Vec<_>>().join(","),
            languages.len()
        )));
    }
    Ok(languages)
}

impl Options {
    /// The data source as the success line names it: `./data` when chosen
    /// for the user, the path as given, or the built-in dataset.
    pub fn data_label(&self) -> String {
        match (&self.data, &self.data_notice) {
            (DataSource::Builtin, _) => "the built-in dataset (no ./data here)".to_owned(),
            (DataSource::Path(path), Some(_)) => format!("./{}", path.display()),
            (DataSource::Path(path), None) => path.display().to_string(),
        }
    }
}

/// `--issue`, `--since` and `--changes-in-briefing` against what else was
/// asked: an issued briefing is kept as files (not standard output), and
/// one run at a time (not each `--watch` round); `--no-changes` compares
/// with nothing, so it takes neither `--since` nor `--changes-in-briefing`.
fn check_baseline_flags(args: &Request) -> Result<(), Error> {
    let refuse = |message: &str| Err(Error::Usage(message.to_owned()));
    if args.issue && args.out.as_ref().is_some_and(|out| out.as_os_str() == "-") {
        return refuse("--issue keeps the briefing's files under issued/: write them to files (--out-dir, or -o FILE), not to standard output");
    }
    if args.issue && args.watch {
        return refuse("--issue and --watch: a briefing is issued by one run, once it is final; watch without --issue, then run again with it");
    }
    if !args.changes && args.since.is_some() {
        return refuse("--since names the issued briefing to compare with, and --no-changes compares with none: give one of them");
    }
    if !args.changes && args.changes_in_briefing {
        return refuse("--changes-in-briefing and --no-changes: give one of them");
    }
    if args.changes_in_briefing && !args.formats.iter().any(|f| matches!(f, OutputFormat::Markdown | OutputFormat::Pdf)) {
        return refuse("--changes-in-briefing puts the change report into the briefing, and --format json makes none: give --format md, pdf or both");
    }
    let stdout = args.out.as_ref().is_some_and(|out| out.as_os_str() == "-");
    if stdout && (args.changes_in_briefing || args.since.is_some()) {
        return refuse(
            "--changes-in-briefing and --since compare with an issued briefing, found beside the JSON summary, and -o - writes none: \
             write to a file (--out-dir, or -o FILE)",
        );
    }
    Ok(())
}

/// `-o` that names a folder (`-o .`, `-o reports/`) is refused, and so is
/// one whose extension names another format (`--format json -o r.pdf`):
/// the file would not be what its name says (issue 10, class 4). Other
/// extensions, or none, are the user's choice.
fn check_out(path: &Path, format: OutputFormat) -> Result<(), Error> {
    if path.file_name().is_none() || path.as_os_str().to_string_lossy().ends_with('/') || path.is_dir() {
        return Err(Error::Usage(format!(
            "-o {} is a folder: -o names a file; give a folder with --out-dir",
            path.display()
        )));
    }
    let Some(ext) = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()) else { return Ok(()) };
    let named = [OutputFormat::Markdown, OutputFormat::Pdf, OutputFormat::Json].into_iter().find(|f| f.extension() == ext);
    match named {
        Some(named) if named != format => Err(Error::Usage(format!(
            "-o {} is named as {} but --format makes {}: use a `.{}` name, or --format {}",
            path.display(),
            named.name(),
            format.name(),
            format.extension(),
            match named {
                OutputFormat::Markdown => "md",
                OutputFormat::Pdf => "pdf",
                OutputFormat::Json => "json",
            }
        ))),
        _ => Ok(()),
    }
}

/// `-o -` with a binary format (the PDF) when standard output is a
/// terminal is refused, as curl refuses: the bytes would garble the
/// terminal and help nobody (issue 24, item 6). To a pipe or a file it is
/// written as asked. `terminal` is whether standard output is one (the
/// binary asks `std::io::IsTerminal`).
pub fn check_terminal(options: &Options, terminal: bool) -> Result<(), Error> {
    let to_stdout = options.destination == Destination::Named(crate::output::Target::Stdout);
    match options.formats.as_slice() {
        [OutputFormat::Pdf] if to_stdout && terminal => Err(Error::Usage(
            "the PDF is binary and standard output is a terminal: give -o FILE, or redirect: > briefing.pdf".to_owned(),
        )),
        _ => Ok(()),
    }
}

/// `--data`, else `./data` when it exists, else the built-in dataset (with a
/// notice saying which).
pub fn resolve_data(data: Option<PathBuf>) -> (DataSource, Option<String>) {
    match data {
        Some(path) => (DataSource::Path(path), None),
        None if Path::new("data").exists() => (
            DataSource::Path(PathBuf::from("data")),
            Some("using the dataset in ./data".to_owned()),
        ),
        None => (
            DataSource::Builtin,
            Some("no ./data folder here: using the built-in dataset".to_owned()),
        ),
    }
}

/// `--as-of`, else `SOURCE_DATE_EPOCH` (seconds since 1970, UTC), else today.
pub fn resolve_as_of(as_of: Option<NaiveDate>, epoch: Option<&str>) -> Result<NaiveDate, Error> {
    if let Some(date) = as_of {
        return Ok(date);
    }
    let Some(text) = epoch else { return Ok(chrono::Utc::now().date_naive()) };
    let shown = crate::diag::shorten(text);
    let secs = text.trim().parse::<i64>().map_err(|_| {
        Error::Usage(format!("SOURCE_DATE_EPOCH=`{shown}` is not a number of seconds since 1970"))
    })?;
    match chrono::DateTime::from_timestamp(secs, 0).map(|t| supported(t.date_naive())) {
        Some(Ok(date)) => Ok(date),
        _ => Err(Error::Usage(format!("SOURCE_DATE_EPOCH=`{shown}` is {Unsupported}"))),
    }
}

/// A date whose year the report does not support ([`crate::date::YEAR_RANGE`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("outside the supported years, {} to {}", crate::date::YEAR_RANGE.start(), crate::date::YEAR_RANGE.end())]
pub struct Unsupported;

/// `date` when its year is one the report supports (a report dated
/// outside them would fail while rendering, as a template error); else
/// [`Unsupported`] (issue 10, class 13).
pub fn supported(date: NaiveDate) -> Result<NaiveDate, Unsupported> {
    use chrono::Datelike;
    if crate::date::YEAR_RANGE.contains(&date.year()) {
        Ok(date)
    } else {
        Err(Unsupported)
    }
}

/// A request as the command line makes it with no flag but the report's
/// date (12 February 2026), for the library's own tests.
#[cfg(test)]
impl Request {
    pub(crate) fn for_tests() -> Request {
        Request {
            period: None,
            formats: vec![OutputFormat::Pdf],
            data: None,
            out: None,
            out_dir: PathBuf::from("reports"),
            templates: None,
            highlights: 3,
            pillars: Vec::new(),
            as_of: NaiveDate::from_ymd_opt(2026, 2, 12),
            chronology: true,
            annexes: true,
            compare: None,
            changes: true,
            changes_in_briefing: false,
            issue: false,
            since: None,
            watch: false,
            paper: Paper::A4,
            links: Links::Quiet,
            quiet: false,
            languages: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_of_prefers_the_flag_then_source_date_epoch() {
        let flag = NaiveDate::from_ymd_opt(2026, 2, 12);
        assert_eq!(resolve_as_of(flag, Some("0")).unwrap(), flag.unwrap());
        assert_eq!(
            resolve_as_of(None, Some("1770854400")).unwrap().to_string(),
            "2026-02-12"
        );
        assert!(matches!(
            resolve_as_of(None, Some("soon")),
            Err(Error::Usage(_))
        ));
        // Issue 10, class 13: a number, but a date outside 1000-9999.
        for far in ["99999999999999", "-62135596800", "253402300800"] {
            match resolve_as_of(None, Some(far)) {
                Err(Error::Usage(m)) => assert_eq!(m, format!("SOURCE_DATE_EPOCH=`{far}` is outside the supported years, 1000 to 9999")),
                other => panic!("{far}: {other:?}"),
            }
        }
    }

    /// Issue 24, item 6: only the PDF, only to standard output, only when
    /// that is a terminal.
    #[test]
    fn issue_24_a_pdf_to_a_terminal_is_refused() {
        let request = |format: OutputFormat, out: &str| Request { formats: vec![format], out: Some(PathBuf::from(out)), ..Request::for_tests() };
        let check = |format, out, terminal| check_terminal(&Options::resolve(request(format, out)).unwrap(), terminal);
        match check(OutputFormat::Pdf, "-", true) {
            Err(Error::Usage(m)) => assert_eq!(m, "the PDF is binary and standard output is a terminal: give -o FILE, or redirect: > briefing.pdf"),
            other => panic!("{other:?}"),
        }
        assert!(check(OutputFormat::Pdf, "-", false).is_ok(), "to a pipe or a file");
        assert!(check(OutputFormat::Markdown, "-", true).is_ok(), "text to a terminal");
        assert!(check(OutputFormat::Json, "-", true).is_ok(), "text to a terminal");
        assert!(check(OutputFormat::Pdf, "b.pdf", true).is_ok(), "a file, whatever the terminal");
    }
}
