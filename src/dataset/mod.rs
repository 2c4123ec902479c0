//! The dataset layer: read the files, check them, and hand the pipeline a
//! [`Dataset`] it can trust.

pub mod chunks;
pub mod event_fields;
pub mod iso;
pub mod judgements;
pub mod lang;
pub mod lint;
pub mod load;
pub mod model;
pub mod partners;
pub mod places;
pub mod schema;
pub mod sources;
pub mod fields;
mod syntax;
pub mod validate;

use std::path::Path;

pub use load::{DataFile, DataSource, SourceFile};
pub use places::{Place, Route, RouteKind};
pub use model::{
    Dataset, Event, Figure, FileContents, Kind, Partner, PartnerKind, Pillar, Region, Reliability, ReportMeta, Role,
    Source, SourceKind, Status,
};

use crate::diag::Diagnostic;

/// Why a dataset could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// A file or folder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// The files break the data contract; every problem is listed.
    #[error("the dataset is invalid ({} problems)", .0.len())]
    Invalid(Vec<Diagnostic>),
}

impl DatasetError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        DatasetError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

/// Reads and checks the dataset at `source`, in its own language.
pub fn load(source: &DataSource) -> Result<Dataset, DatasetError> {
    load_in(source, None)
}

/// Reads and checks the dataset at `source`, every text given per
/// language resolved to `lang` (`en`, `az`, `ru`), or to the dataset's own
/// language where it has none; `None`: the dataset's own (issue 28). The
/// fallbacks are in [`Dataset::fallbacks`].
pub fn load_in(source: &DataSource, lang: Option<&str>) -> Result<Dataset, DatasetError> {
    let files = load::discover(source)?;
    validate::validate_in(&source.display(), &files, lang)
}
