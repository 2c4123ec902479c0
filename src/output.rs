//! Writing reports: atomically to a file, or to standard output.
//!
//! A report is rendered whole in memory first; then it goes to a temporary
//! file beside the target, is synced, and renamed over the target. A failed
//! run therefore leaves an earlier report byte-for-byte as it was, and no
//! partial file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write to standard output: {0}")]
    Stdout(std::io::Error),
}

/// Where a report goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Stdout,
    File(PathBuf),
}

impl Target {
    /// The target as said in messages.
    pub fn display(&self) -> String {
        match self {
            Target::Stdout => "standard output".to_owned(),
            Target::File(path) => path.display().to_string(),
        }
    }
}

/// Writes `bytes` to `target`.
pub fn write(target: &Target, bytes: &[u8]) -> Result<(), OutputError> {
    match target {
        Target::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(OutputError::Stdout)
        }
        Target::File(path) => write_atomic(path, bytes),
    }
}

/// Replaces `path` with `bytes` in one step: temporary file in the same
/// folder, sync, rename. On error the temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let error = |source: std::io::Error| OutputError::Write {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let temp = TempFile::create(dir, path).map_err(error)?;
    let mut file = &temp.file;
    file.write_all(bytes).map_err(error)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(error)?;
    }
    file.sync_all().map_err(error)?;
    temp.persist(path).map_err(error)
}

/// Temporary files being written, so that Ctrl-C can remove them.
static IN_FLIGHT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Removes every temporary file still being written. For a Ctrl-C handler:
/// the reports themselves are only ever replaced whole, by a rename.
pub fn remove_temporaries() {
    let paths = IN_FLIGHT.lock().map(|mut p| std::mem::take(&mut *p)).unwrap_or_default();
    for path in paths {
        let _ = std::fs::remove_file(path);
    }
}

fn track(path: &Path, in_flight: bool) {
    if let Ok(mut paths) = IN_FLIGHT.lock() {
        if in_flight {
            paths.push(path.to_path_buf());
        } else {
            paths.retain(|p| p != path);
        }
    }
}

/// A temporary file that removes itself unless persisted.
struct TempFile {
    file: std::fs::File,
    path: PathBuf,
    persisted: bool,
}

impl TempFile {
    /// A new hidden file beside `target`: `.<name>.<pid>.<n>.tmp`.
    fn create(dir: &Path, target: &Path) -> std::io::Result<TempFile> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = target
            .file_name()
            .map_or_else(|| "report".into(), |n| n.to_string_lossy());
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => {
                    return Ok(TempFile {
                        file,
                        path,
                        persisted: false,
                    })
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    fn persist(mut self, target: &Path) -> std::io::Result<()> {
        std::fs::rename(&self.path, target)?;
        self.persisted = true;
        track(&self.path, false);
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.persisted {
            let _ = std::fs::remove_file(&self.path);
            track(&self.path, false);
        }
    }
}

/// The text of an earlier output (the previous JSON summary), if there is
/// a readable one; anything else counts as none.
pub fn read_existing(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

/// Creates `dir` and its parents when missing.
pub fn create_dir(dir: &Path) -> Result<(), OutputError> {
    std::fs::create_dir_all(dir).map_err(|source| OutputError::Write {
        path: dir.display().to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["r.md"]);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("r.md");
        let err = write_atomic(&path, b"x").unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("cannot write {}: ", path.display())),
            "{err}"
        );
    }
}
