//! The top-level error of a run, and the exit code each kind maps to.

use crate::dataset::DatasetError;
use crate::diag::Diagnostic;
use crate::output::OutputError;
use crate::report::ReportError;
use crate::watch::WatchError;

/// Everything that can stop a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Dataset(#[from] DatasetError),
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(transparent)]
    Output(#[from] OutputError),
    /// `--watch`: the file watcher failed or could not start.
    #[error(transparent)]
    Watch(#[from] WatchError),
    /// A command-line value that clap could not check on its own.
    #[error("{0}")]
    Usage(String),
}

/// Exit code for invalid data or templates (`EX_DATAERR`).
pub const EXIT_INVALID: i32 = 65;

/// Exit code for a bad command line (clap's own).
pub const EXIT_USAGE: i32 = 2;

/// Exit code for a file watcher that failed or could not start
/// (`--watch`): not the user's command line, nor the data.
pub const EXIT_WATCH: i32 = 3;

impl Error {
    /// The exit code of `docs/cli.md`: 65 invalid data or template, 2
    /// bad command line, 3 the file watcher failed, 1 anything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Dataset(DatasetError::Invalid(_)) | Error::Report(ReportError::Invalid(_)) => {
                EXIT_INVALID
            }
            Error::Usage(_) => EXIT_USAGE,
            Error::Watch(_) => EXIT_WATCH,
            _ => 1,
        }
    }

    /// The problems to list, when the input was invalid.
    pub fn diagnostics(&self) -> Option<&[Diagnostic]> {
        match self {
            Error::Dataset(DatasetError::Invalid(d)) | Error::Report(ReportError::Invalid(d)) => {
                Some(d)
            }
            _ => None,
        }
    }
}
