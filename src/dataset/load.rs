//! Reading the dataset's files: one `.toml` file, a folder of them, or the
//! dataset built into the binary.
//!
//! This is the only part of the dataset layer that touches the disk. It
//! returns the files' texts with the paths to name them by; parsing and
//! checking happen in [`super::validate`].

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

use super::DatasetError;

/// One data file's text and the path diagnostics name it by.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// A data file found but not yet read: validation reads each file when it
/// gets to it, so only the files being checked are in memory.
#[derive(Clone, Debug)]
pub struct DataFile {
    /// As displayed in diagnostics.
    pub path: String,
    /// Relative to the data folder, with `/` between names (the file name
    /// when the data is one file).
    pub relative: String,
    /// Size in bytes when found (to decide whether reading in parallel
    /// pays).
    pub size: u64,
    origin: Origin,
}

#[derive(Clone, Debug)]
enum Origin {
    Builtin(&'static str),
    Disk(PathBuf),
}

/// Why one data file could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(DatasetError),
    /// Not UTF-8: the dataset is invalid, with the place of the first bad
    /// byte.
    Invalid(Diagnostic),
}

impl DataFile {
    /// A file of the given text, as if read from `path` (for tests).
    #[cfg(test)]
    pub fn from_text(path: &str, text: &'static str) -> Self {
        DataFile { path: path.to_owned(), relative: path.to_owned(), size: text.len() as u64, origin: Origin::Builtin(text) }
    }

    /// The file on disk, when it is one (not built in).
    pub fn disk_path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::Disk(path) => Some(path),
            Origin::Builtin(_) => None,
        }
    }

    /// The file's text.
    pub fn read(&self) -> Result<SourceFile, ReadError> {
        let path = match &self.origin {
            Origin::Builtin(text) => return Ok(SourceFile { path: self.path.clone(), text: (*text).to_owned() }),
            Origin::Disk(path) => path,
        };
        let bytes = crate::input::read(path, MAX_FILE_BYTES).map_err(|e| match e {
            crate::input::ReadError::Io(e) => ReadError::Io(DatasetError::io(path, e)),
            crate::input::ReadError::TooLarge(limit) => ReadError::Invalid(Diagnostic::error_in(
                &self.path,
                format!("the file is over {} MiB, the limit: split it into several files", limit >> 20),
            )),
        })?;
        String::from_utf8(bytes).map(|text| SourceFile { path: self.path.clone(), text }).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
            ReadError::Invalid(Diagnostic::error_at(
                &self.path,
                prefix,
                valid,
                format!("the file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8", bytes[valid]),
            ))
        })
    }
}

/// Where the dataset comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataSource {
    /// The copy of `data/` compiled into the binary.
    Builtin,
    /// A `.toml` file or a folder of them.
    Path(PathBuf),
}

impl DataSource {
    /// How to name the dataset as a whole in messages.
    pub fn display(&self) -> String {
        match self {
            DataSource::Builtin => "data (built in)".to_owned(),
            DataSource::Path(path) => path.display().to_string(),
        }
    }
}

/// The default dataset, compiled in so the binary runs from any folder.
///
/// In sorted path order, as a folder is read; a test checks that this list
/// names every `.toml` file under `data/`, in that order.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "data/events/2021.toml",
        include_str!("../../data/events/2021.toml"),
    ),
    (
        "data/events/2024.toml",
        include_str!("../../data/events/2024.toml"),
    ),
    (
        "data/events/2025.toml",
        include_str!("../../data/events/2025.toml"),
    ),
    (
        "data/events/2026.toml",
        include_str!("../../data/events/2026.toml"),
    ),
    (
        "data/events/undated.toml",
        include_str!("../../data/events/undated.toml"),
    ),
    ("data/partners.toml", include_str!("../../data/partners.toml")),
    ("data/pillars.toml", include_str!("../../data/pillars.toml")),
    ("data/places.toml", include_str!("../../data/places.toml")),
    ("data/sources.toml", include_str!("../../data/sources.toml")),
];

/// How deep a data folder may nest; deeper is refused rather than followed.
pub const MAX_DEPTH: usize = 16;

/// The largest data file read: 64 MiB (a million events fit in far less
/// spread over files; one file this large is a mistake).
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// The most `.toml` files a dataset may have.
pub const MAX_FILES: usize = 10_000;

/// Finds the data files of `source`, in sorted path order.
pub fn discover(source: &DataSource) -> Result<Vec<DataFile>, DatasetError> {
    #[cfg(test)]
    DISCOVERIES.with(|n| n.set(n.get() + 1));
    let path = match source {
        DataSource::Builtin => {
            return Ok(BUILTIN
                .iter()
                .map(|&(path, text)| DataFile {
                    path: path.to_owned(),
                    relative: path.strip_prefix("data/").unwrap_or(path).to_owned(),
                    size: text.len() as u64,
                    origin: Origin::Builtin(text),
                })
                .collect());
        }
        DataSource::Path(path) => path,
    };
    let meta = std::fs::metadata(path).map_err(|e| DatasetError::io(path, e))?;
    let root = if meta.is_dir() { Some(path.as_path()) } else { None };
    let mut paths = if meta.is_dir() {
        let mut found = Vec::new();
        let mut seen = BTreeSet::new();
        collect_toml(path, 0, &mut seen, &mut found)?;
        found
    } else {
        vec![path.clone()]
    };
    paths.sort();
    if paths.len() > MAX_FILES {
        return Err(DatasetError::Invalid(vec![Diagnostic::error_in(
            &source.display(),
            format!("{} `.toml` files found; the limit is {MAX_FILES}", paths.len()),
        )]));
    }
    let mut files = Vec::with_capacity(paths.len());
    let mut too_large = Vec::new();
    for path in paths {
        let size = std::fs::metadata(&path).map_err(|e| DatasetError::io(&path, e))?.len();
        let display = path.display().to_string();
        if size > MAX_FILE_BYTES {
            too_large.push(Diagnostic::error_in(
                &display,
                format!("the file is {} MiB; the limit is {} MiB: split it into several files", size >> 20, MAX_FILE_BYTES >> 20),
            ));
        }
        let relative = relative_to(root, &path);
        files.push(DataFile { path: display, relative, size, origin: Origin::Disk(path) });
    }
    if !too_large.is_empty() {
        return Err(DatasetError::Invalid(too_large));
    }
    Ok(files)
}

#[cfg(test)]
thread_local! {
    /// How often this thread discovered a dataset: a run does it once
    /// (`lib.rs`'s tests).
    pub static DISCOVERIES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The files of `source` with `named` files joined in: files being edited,
/// to be checked in the context of the dataset they belong to. A named
/// file that is part of the dataset (by its real path) is not read twice;
/// one outside it is added after the dataset's files. Returns the files and
/// the names the named files go by in diagnostics.
pub fn discover_with(source: &DataSource, named: &[PathBuf]) -> Result<(Vec<DataFile>, Vec<String>), DatasetError> {
    let mut files = discover(source)?;
    let mut focus = Vec::with_capacity(named.len());
    for path in named {
        let meta = std::fs::metadata(path).map_err(|e| DatasetError::io(path, e))?;
        let display = path.display().to_string();
        if meta.is_dir() {
            return Err(DatasetError::Invalid(vec![Diagnostic::error_in(
                &display,
                "this is a folder: expected a `.toml` file to check (to check a whole folder, give it as --data)",
            )]));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(DatasetError::Invalid(vec![Diagnostic::error_in(
                &display,
                format!("the file is {} MiB; the limit is {} MiB: split it into several files", meta.len() >> 20, MAX_FILE_BYTES >> 20),
            )]));
        }
        let real = path.canonicalize().map_err(|e| DatasetError::io(path, e))?;
        let known = files.iter().find(|f| match &f.origin {
            Origin::Disk(p) => p.canonicalize().is_ok_and(|p| p == real),
            Origin::Builtin(_) => false,
        });
        match known {
            Some(file) => focus.push(file.path.clone()),
            None => {
                files.push(DataFile { path: display.clone(), relative: relative_to(None, path), size: meta.len(), origin: Origin::Disk(path.clone()) });
                focus.push(display);
            }
        }
    }
    Ok((files, focus))
}

/// `path` relative to the data folder `root`, names joined by `/` on every
/// platform; the file name when the data is one file.
fn relative_to(root: Option<&Path>, path: &Path) -> String {
    let inner = match root {
        Some(root) => path.strip_prefix(root).unwrap_or(path),
        None => path.file_name().map_or(path, Path::new),
    };
    let names: Vec<String> = inner.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    names.join("/")
}

/// Collects the `.toml` files below `dir`, skipping hidden entries.
fn collect_toml(
    dir: &Path,
    depth: usize,
    seen: &mut BTreeSet<PathBuf>,
    found: &mut Vec<PathBuf>,
) -> Result<(), DatasetError> {
    let canonical = dir.canonicalize().map_err(|e| DatasetError::io(dir, e))?;
    if !seen.insert(canonical) {
        // A symlink back to a folder already read: reading it again would
        // loop or count its files twice.
        return Ok(());
    }
    if depth > MAX_DEPTH {
        return Err(DatasetError::Invalid(vec![Diagnostic::error_in(
            &dir.display().to_string(),
            format!("data folders nest deeper than {MAX_DEPTH} levels"),
        )]));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| DatasetError::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| DatasetError::io(dir, e))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let meta = std::fs::metadata(&path).map_err(|e| DatasetError::io(&path, e))?;
        if meta.is_dir() {
            collect_toml(&path, depth + 1, seen, found)?;
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            found.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in table must follow `data/`: a file added there and not
    /// here would silently be missing from the binary.
    #[test]
    fn builtin_table_names_every_data_file() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut seen = BTreeSet::new();
        let mut found = Vec::new();
        collect_toml(&root.join("data"), 0, &mut seen, &mut found).unwrap();
        let mut on_disk: Vec<String> = found
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        on_disk.sort();
        let built_in: Vec<String> = BUILTIN.iter().map(|(p, _)| p.to_string()).collect();
        assert_eq!(on_disk, built_in);
        for (path, text) in BUILTIN {
            assert_eq!(std::fs::read_to_string(root.join(path)).unwrap(), *text);
        }
    }
}
