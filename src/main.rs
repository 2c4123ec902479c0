//! The `azint-report` binary: parse the command line, run the library,
//! print, and map errors to exit codes (`docs/cli.md`).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use azint_report::cli::{Cli, Command};
use azint_report::dataset::load::{discover_with, DataFile};
use azint_report::dataset::DatasetError;
use azint_report::error::EXIT_INVALID;
use azint_report::memory;
use azint_report::options::{self, Options};
use azint_report::output;
use azint_report::Error;

/// mimalloc: glibc malloc spent ~40% of a 100,000-event run consolidating
/// and unlinking chunks (see benches/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A small process's memory settings from the first allocation on (before
/// `main`: the standard library's start-up allocates); [`render`] and
/// [`check`] change them for a large dataset (`memory.rs`).
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static MEMORY_AT_START: extern "C" fn() = {
    extern "C" fn start() {
        memory::start();
    }
    start
};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(Command::Check { data, as_of, files, templates }) => check(data, as_of, &files, templates.as_deref()),
        Some(Command::Schema) => stdout(azint_report::dataset::schema::text().as_bytes()),
        Some(Command::Completions { shell }) => {
            // Into memory first: clap_complete panics when its writer fails
            // (a full device); written as any standard output is.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "azint-report", &mut script);
            stdout(&script)
        }
        None => render(cli.render),
    };
    ExitCode::from(code as u8)
}

fn render(args: azint_report::cli::RenderArgs) -> i32 {
    let options = match Options::resolve(args.request())
        .and_then(|options| options::check_terminal(&options, std::io::stdout().is_terminal()).map(|()| options))
    {
        Ok(options) => options,
        Err(e) => return report_error(&e),
    };
    // The data files, found once for the run: their size sets the
    // allocator before the run reads them (0 when they cannot be found: the
    // run then says why).
    let files = azint_report::discover(&options.data);
    // SAFETY: no thread has started yet: the signal handler's and the
    // watcher's start below.
    unsafe { memory::for_dataset(files.as_deref().map_or(0, azint_report::data_bytes)) };
    if options.watch {
        if let (Some(notice), false) = (&options.data_notice, options.quiet) {
            eprintln!("{notice}");
        }
        return watch(&options, files);
    }
    let files = match files {
        Ok(files) => files,
        Err(e) => return report_error(&e),
    };
    // Ctrl-C, SIGTERM or SIGHUP while writing: remove the temporary files
    // (the reports are replaced by a rename, so an earlier one is intact)
    // and stop.
    if let Err(e) = output::handle_signals(output::OnSignal::Exit) {
        eprintln!("error: {e}");
        return 1;
    }
    match azint_report::run(&options, &files) {
        Ok(outcome) => {
            for warning in &outcome.warnings {
                eprintln!("{warning}");
            }
            if !options.quiet {
                eprintln!("{}", success_line(&options, &outcome));
            }
            0
        }
        Err(e) => report_error(&e),
    }
}

/// The one line a successful run prints: what was written, the period,
/// the events and where they came from, the time, and the changes since
/// the previous briefing.
///
/// `wrote reports/b.pdf and reports/b.json (2024-2026, 30 events from ./data,
/// 12 pages, 86 KB) in 48 ms; changes since 2026-01-12 (AZ-2026-07): +1 −0
/// ~2, in reports/b.changes.md`
fn success_line(options: &Options, outcome: &azint_report::Outcome) -> String {
    use azint_report::options::OutputFormat;
    let paths: Vec<String> = outcome.written.iter().map(|w| w.target.display()).collect();
    let mut details = vec![
        outcome.period.label.clone(),
        format!("{} from {}", count(outcome.events, "event"), options.data_label()),
    ];
    match outcome.pages_by_language.as_slice() {
        // Several languages: each one's pages ("en 13, ru 14 pages").
        [_, _, ..] => {
            let each: Vec<String> = outcome.pages_by_language.iter().map(|(lang, pages)| format!("{} {pages}", lang.code())).collect();
            details.push(format!("{} pages", each.join(", ")));
        }
        _ => details.extend(outcome.pages.map(|pages| count(pages, "page"))),
    }
    let reports: Vec<_> = outcome.written.iter().filter(|w| w.format != OutputFormat::Json).collect();
    details.extend(reports.iter().map(|w| match (reports.len(), w.format) {
        (1, _) => size(w.bytes),
        (_, OutputFormat::Pdf) => format!("PDF {}", size(w.bytes)),
        _ => format!("Markdown {}", size(w.bytes)),
    }));
    // What it compared with (issue 24): the count since the issued
    // briefing, and the issue itself.
    let changes = azint_report::issued::tail(outcome.issued.as_deref(), &outcome.baseline).map_or(String::new(), |tail| format!("; {tail}"));
    format!("wrote {} ({}) in {} ms{changes}", azint_report::words::cldr::and_list(&paths), details.join(", "), outcome.elapsed.as_millis())
}

/// A file size for people: "870 bytes", "15 KB", "1.2 MB".
fn size(bytes: usize) -> String {
    match bytes {
        0..=999 => format!("{bytes} bytes"),
        1_000..=999_999 => format!("{} KB", (bytes + 500) / 1_000),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// `--watch`: one line per render until Ctrl-C (or SIGTERM, SIGHUP), then
/// exit 130 like any interrupted run.
fn watch(options: &Options, files: Result<Vec<DataFile>, Error>) -> i32 {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    if let Err(e) = output::handle_signals(output::OnSignal::Stop(std::sync::Arc::clone(&stop))) {
        eprintln!("error: {e}");
        return 1;
    }
    // Whether a report was written since the watch began: until then a
    // failed round has no last good report to keep.
    let mut rendered = false;
    let mut print = |round: azint_report::watch::Round| {
        let now = chrono::Local::now().format("%H:%M:%S");
        match round {
            azint_report::watch::Round::Watching => {
                if !options.quiet {
                    eprintln!("watching for changes; Ctrl-C stops");
                }
            }
            azint_report::watch::Round::Rendered { outcome, changed } => {
                rendered = true;
                for warning in &outcome.warnings {
                    eprintln!("{warning}");
                }
                if options.quiet {
                    return;
                }
                let what = if changed.is_empty() { "first render".to_owned() } else { changed.join(", ") };
                let changes = outcome.baseline.line().map_or(String::new(), |line| format!(" ({line})"));
                let written: Vec<String> = outcome.written.iter().map(|w| w.target.display()).collect();
                eprintln!("{now} {what}{changes} -> {} in {} ms", written.join(", "), outcome.elapsed.as_millis());
            }
            // Issue 24, item 7: the round's own line is its only closing
            // line; the run's ("nothing was written") would say it twice.
            azint_report::watch::Round::Failed { error, changed } => {
                let what = if changed.is_empty() { "first render".to_owned() } else { changed.join(", ") };
                let kept = if rendered { "the last good report is kept" } else { "nothing was written" };
                match print_diagnostics(&error) {
                    Some(problems) => eprintln!("{now} {what}: {}, not rendered; {kept}", count(problems, "problem")),
                    None => eprintln!("{now} {what}: {}; {kept}", azint_report::diag::escape(&error.to_string())),
                }
            }
        }
    };
    match azint_report::watch::watch(options, files, &stop, &mut print) {
        Ok(()) => output::EXIT_INTERRUPTED,
        Err(e) => report_error(&e.into()),
    }
}

fn check(data: Option<std::path::PathBuf>, as_of: Option<chrono::NaiveDate>, files: &[std::path::PathBuf], templates: Option<&std::path::Path>) -> i32 {
    // `check my-data/`: a lone folder is the dataset itself.
    let (data, files) = match (data, files) {
        (None, [folder]) if folder.is_dir() => (Some(folder.clone()), &[][..]),
        (data, files) => (data, files),
    };
    let (source, _) = options::resolve_data(data);
    // Found once: the files named to check count too (they may lie outside
    // the data) in the size that sets the allocator.
    let found = discover_with(&source, files);
    // SAFETY: `check` starts no thread.
    unsafe { memory::for_dataset(found.as_ref().map_or(0, |(files, _)| azint_report::data_bytes(files))) };
    let as_of = match options::resolve_as_of(as_of, std::env::var("SOURCE_DATE_EPOCH").ok().as_deref()) {
        Ok(date) => date,
        Err(e) => return report_error(&e),
    };
    let mut report = match found.and_then(|(files, focus)| azint_report::check_found(&source, &files, focus, Some(as_of))) {
        Ok(report) => report,
        Err(DatasetError::Invalid(problems)) => azint_report::CheckReport {
            files: 0,
            pillars: 0,
            events: 0,
            problems,
            focus: Vec::new(),
            elsewhere: 0,
        },
        Err(e) => return report_error(&e.into()),
    };
    report.problems.extend(templates.map(azint_report::images::check_templates).unwrap_or_default());
    // The desk's catalogues in the folder, each language's, as a render
    // would read them: `check --templates` said "no problems" for a broken
    // `ru.ftl` (red team).
    for lang in azint_report::words::Lang::ALL {
        match azint_report::words::Catalogue::load_in(templates, lang) {
            Ok(_) => {}
            Err(azint_report::words::WordsError::Invalid(problems)) => report.problems.extend(problems),
            Err(e @ azint_report::words::WordsError::Io { .. }) => {
                let path = templates.map(|d| d.join(lang.file()).display().to_string()).unwrap_or_default();
                report.problems.push(azint_report::diag::Diagnostic::error_in(&path, e.to_string()));
            }
        }
    }
    let name = azint_report::diag::escape(&source.display()).into_owned();
    let totals = format!("{}, {}, {}", count(report.files, "file"), count(report.pillars, "pillar"), count(report.events, "event"));
    let warnings = report.problems.iter().filter(|d| !d.is_error()).count();
    // `check FILE`: the file first, then the dataset it was checked with.
    let (subject, context) = match report.focus.as_slice() {
        [] => (name.clone(), String::new()),
        focus => {
            let with = match report.elsewhere {
                0 if warnings == report.problems.len() => format!("{name}: {totals}"),
                0 => format!("the {} of {name}", count(report.files, "file")),
                n => format!(
                    "the {} of {name}; the others have {}: run `check` without files to list them",
                    count(report.files, "file"),
                    count(n, "problem")
                ),
            };
            (focus.iter().map(|f| azint_report::diag::escape(f).into_owned()).collect::<Vec<_>>().join(", "), format!(" (checked with {with})"))
        }
    };
    if warnings == report.problems.len() {
        // Warnings only: the files are valid.
        let mut err = std::io::stderr().lock();
        for d in &report.problems {
            let _ = writeln!(err, "{d}");
        }
        let verdict = if warnings == 0 { "no problems".to_owned() } else { format!("no errors, {}", count(warnings, "warning")) };
        let line = if report.focus.is_empty() {
            format!("{subject}: {totals}: {verdict}\n")
        } else {
            format!("{subject}: {verdict}{context}\n")
        };
        return stdout(line.as_bytes());
    }
    let mut err = std::io::stderr().lock();
    for d in &report.problems {
        let _ = writeln!(err, "{d}");
    }
    let files: std::collections::BTreeSet<&str> =
        report.problems.iter().map(|d| d.path.as_str()).collect();
    let _ = writeln!(
        err,
        "{subject}: {} in {}{context}",
        count(report.problems.iter().map(azint_report::diag::Diagnostic::count).sum(), "problem"),
        count(files.len(), "file")
    );
    EXIT_INVALID
}

/// Writes to standard output as reports are: a closed pipe ends quietly
/// (exit 0), any other failure (a full device) is an error, never a panic.
fn stdout(bytes: &[u8]) -> i32 {
    match output::write(&output::Target::Stdout, bytes) {
        Ok(()) => 0,
        Err(e) => report_error(&e.into()),
    }
}

fn report_error(e: &Error) -> i32 {
    // The reader of standard output went away (`| head -1`): it had what
    // it wanted; nothing to say.
    if let Error::Output(azint_report::output::OutputError::Stdout(io)) = e {
        if io.kind() == std::io::ErrorKind::BrokenPipe {
            return 0;
        }
    }
    let line = match print_diagnostics(e) {
        Some(problems) => format!("error: {}; nothing was written", count(problems, "problem")),
        None => format!("error: {}", azint_report::diag::escape(&e.to_string())),
    };
    let _ = writeln!(std::io::stderr().lock(), "{line}");
    e.exit_code()
}

/// Prints the diagnostics of an error that is a list of them, one a line,
/// and returns how many problems they count (`None`, printing nothing, for
/// another error). The caller adds one closing line: the run's, or a
/// watch round's.
fn print_diagnostics(e: &Error) -> Option<usize> {
    let problems = e.diagnostics()?;
    let mut err = std::io::stderr().lock();
    for d in problems {
        let _ = writeln!(err, "{d}");
    }
    Some(problems.iter().map(azint_report::diag::Diagnostic::count).sum())
}

fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
