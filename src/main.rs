//! The `azint-report` binary: parse the command line, run the library,
//! print, and map errors to exit codes (`shared/spec/cli.md`).

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use azint_report::cli::{Cli, Command};
use azint_report::dataset::DatasetError;
use azint_report::error::EXIT_INVALID;
use azint_report::options::{self, Options};
use azint_report::Error;

/// mimalloc: glibc malloc spent ~40% of a 100,000-event run consolidating
/// and unlinking chunks (see benches/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(Command::Check { data }) => check(data),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "azint-report",
                &mut std::io::stdout(),
            );
            0
        }
        None => render(cli.render),
    };
    ExitCode::from(code as u8)
}

fn render(args: azint_report::cli::RenderArgs) -> i32 {
    let options = match Options::resolve(args) {
        Ok(options) => options,
        Err(e) => return report_error(&e),
    };
    if let (Some(notice), false) = (&options.data_notice, options.quiet) {
        eprintln!("{notice}");
    }
    if options.watch {
        return watch(&options);
    }
    // Ctrl-C while writing: remove the temporary files (the reports are
    // replaced by a rename, so an earlier one is intact) and stop.
    let _ = ctrlc::set_handler(|| {
        azint_report::output::remove_temporaries();
        std::process::exit(130);
    });
    match azint_report::run(&options) {
        Ok(outcome) => {
            for warning in &outcome.warnings {
                eprintln!("{warning}");
            }
            if !options.quiet {
                for w in &outcome.written {
                    let pages = match (w.format, outcome.pages) {
                        (azint_report::options::OutputFormat::Pdf, Some(n)) => format!("{}, ", count(n, "page")),
                        _ => String::new(),
                    };
                    let changes = match (&outcome.changes, w.format) {
                        (Some(c), azint_report::options::OutputFormat::Json) => format!(", changes: {}", c.brief()),
                        _ => String::new(),
                    };
                    eprintln!(
                        "wrote {} ({}, {pages}{}, {} bytes{changes}) in {} ms",
                        w.target.display(),
                        outcome.period.label,
                        count(outcome.events, "event"),
                        w.bytes,
                        outcome.elapsed.as_millis()
                    );
                }
            }
            0
        }
        Err(e) => report_error(&e),
    }
}

/// `--watch`: one line per render until Ctrl-C.
fn watch(options: &Options) -> i32 {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = std::sync::Arc::clone(&stop);
    if let Err(e) = ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::Relaxed)) {
        eprintln!("error: cannot handle Ctrl-C: {e}");
        return 1;
    }
    if !options.quiet {
        eprintln!("watching for changes; Ctrl-C stops");
    }
    let mut print = |round: azint_report::watch::Round| {
        let now = chrono::Local::now().format("%H:%M:%S");
        match round {
            azint_report::watch::Round::Rendered { outcome, changed } => {
                for warning in &outcome.warnings {
                    eprintln!("{warning}");
                }
                if options.quiet {
                    return;
                }
                let what = if changed.is_empty() { "first render".to_owned() } else { changed.join(", ") };
                let changes = outcome.changes.as_ref().map_or(String::new(), |c| format!(" ({})", c.brief()));
                let written: Vec<String> = outcome.written.iter().map(|w| w.target.display()).collect();
                eprintln!("{now} {what}{changes} -> {} in {} ms", written.join(", "), outcome.elapsed.as_millis());
            }
            azint_report::watch::Round::Failed { error, changed } => {
                report_error(&error);
                eprintln!("{now} {}: not rendered; the last good report is kept", changed.join(", "));
            }
        }
    };
    match azint_report::watch::watch(options, &stop, &mut print) {
        Ok(()) => 0,
        Err(e) => report_error(&e),
    }
}

fn check(data: Option<std::path::PathBuf>) -> i32 {
    let (source, _) = options::resolve_data(data);
    let report = match azint_report::check(&source) {
        Ok(report) => report,
        Err(Error::Dataset(DatasetError::Invalid(problems))) => azint_report::CheckReport {
            files: 0,
            pillars: 0,
            events: 0,
            problems,
        },
        Err(e) => return report_error(&e),
    };
    let name = source.display();
    let errors = report.problems.iter().filter(|d| d.is_error()).count();
    if errors == 0 {
        let mut err = std::io::stderr().lock();
        for d in &report.problems {
            let _ = writeln!(err, "{d}");
        }
        let verdict = match report.problems.len() {
            0 => "no problems".to_owned(),
            n => format!("no errors, {}", count(n, "warning")),
        };
        println!(
            "{name}: {}, {}, {}: {verdict}",
            count(report.files, "file"),
            count(report.pillars, "pillar"),
            count(report.events, "event")
        );
        return 0;
    }
    let mut err = std::io::stderr().lock();
    for d in &report.problems {
        let _ = writeln!(err, "{d}");
    }
    let files: std::collections::BTreeSet<&str> =
        report.problems.iter().map(|d| d.path.as_str()).collect();
    let _ = writeln!(
        err,
        "{name}: {} in {}",
        count(report.problems.len(), "problem"),
        count(files.len(), "file")
    );
    EXIT_INVALID
}

fn report_error(e: &Error) -> i32 {
    // The reader of standard output went away (`| head -1`): it had what
    // it wanted; nothing to say.
    if let Error::Output(azint_report::output::OutputError::Stdout(io)) = e {
        if io.kind() == std::io::ErrorKind::BrokenPipe {
            return 0;
        }
    }
    let mut err = std::io::stderr().lock();
    match e.diagnostics() {
        Some(problems) => {
            for d in problems {
                let _ = writeln!(err, "{d}");
            }
            let _ = writeln!(
                err,
                "error: {}; nothing was written",
                count(problems.len(), "problem")
            );
        }
        None => {
            let _ = writeln!(err, "error: {e}");
        }
    }
    e.exit_code()
}

fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
