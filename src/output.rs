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
    /// An output path that names a folder, or a file name too long.
    #[error("cannot write {path}: {reason}")]
    Refused { path: String, reason: String },
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

/// Writes every report of a run, all or nothing (issue 10, class 5): each
/// file's bytes go to a temporary file beside it and are synced, and only
/// when all are on disk are they renamed over their targets, one after the
/// other with no other work between. A full disk or any other error while
/// writing leaves every earlier report of the run as it was; a Ctrl-C,
/// SIGTERM or SIGHUP waits for the renames to finish, so it never leaves a
/// new Markdown beside an old PDF.
pub fn write_all(reports: &[(Target, &[u8])]) -> Result<(), OutputError> {
    let mut temps = Vec::with_capacity(reports.len());
    for (target, bytes) in reports {
        match target {
            Target::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes).and_then(|()| out.flush()).map_err(OutputError::Stdout)?;
            }
            Target::File(path) => temps.push(prepare(path, bytes)?),
        }
    }
    commit(temps)
}

/// Writes `bytes` to `target`.
pub fn write(target: &Target, bytes: &[u8]) -> Result<(), OutputError> {
    write_all(&[(target.clone(), bytes)])
}

/// Replaces `path` with `bytes` in one step: temporary file in the same
/// folder, sync, rename. On error the temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    commit(vec![prepare(path, bytes)?])
}

/// The largest file name the file systems in use take (Linux's NAME_MAX).
pub const MAX_NAME_BYTES: usize = 255;

/// Whether a report may be written at `path`: a new file, or a regular
/// file it replaces. A folder, a device (a link to `/dev/stdout`
/// included), a FIFO or a socket is refused: the rename would replace it by
/// a regular file (issue 10, class 4).
pub fn check_target(path: &Path) -> Result<(), OutputError> {
    let refuse = |reason: String| OutputError::Refused { path: path.display().to_string(), reason };
    let folder = || refuse("it is a folder; name a file, or give the folder with --out-dir".to_owned());
    let name = match path.file_name() {
        Some(name) if !path.as_os_str().to_string_lossy().ends_with('/') => name,
        _ => return Err(folder()),
    };
    if name.len() > MAX_NAME_BYTES {
        return Err(refuse(format!("the file name is {} bytes; file systems take at most {MAX_NAME_BYTES}", name.len())));
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(folder()),
        Ok(meta) if !meta.is_file() => Err(refuse(format!(
            "it is {}; reports replace only regular files (`-o -` writes to standard output)",
            crate::input::kind(&meta)
        ))),
        _ => Ok(()),
    }
}

/// Whether `path` is the same file as one of `others` (on Unix the same
/// inode, so hard links and other spellings of a path count).
pub fn is_one_of(path: &Path, others: &[PathBuf]) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let id = |p: &Path| std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()));
        id(path).is_some_and(|me| others.iter().any(|o| id(o) == Some(me)))
    }
    #[cfg(not(unix))]
    {
        let id = |p: &Path| std::fs::canonicalize(p).ok();
        id(path).is_some_and(|me| others.iter().any(|o| id(o).as_ref() == Some(&me)))
    }
}

/// A temporary file beside `path` holding `bytes`, synced, with the mode
/// the report will have: the mode of the file it replaces, else what the
/// umask leaves of 0666, as for any new file.
fn prepare<'a>(path: &'a Path, bytes: &[u8]) -> Result<(TempFile, &'a Path), OutputError> {
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
    if let Ok(earlier) = std::fs::metadata(path) {
        if earlier.is_file() {
            file.set_permissions(earlier.permissions()).map_err(error)?;
        }
    }
    file.sync_all().map_err(error)?;
    Ok((temp, path))
}

/// Renames each temporary file over its target, holding the list of
/// temporary files so that a signal's handler waits until all are done.
fn commit(temps: Vec<(TempFile, &Path)>) -> Result<(), OutputError> {
    let mut result = Ok(());
    {
        let mut in_flight = in_flight();
        for (temp, target) in &temps {
            if let Err(source) = std::fs::rename(&temp.path, target) {
                result = Err(OutputError::Write { path: target.display().to_string(), source });
                break;
            }
            temp.persisted.set(true);
            in_flight.retain(|p| *p != temp.path);
        }
    }
    // Those not renamed (after an error) remove themselves here.
    drop(temps);
    result
}

/// Temporary files being written, so that a signal can remove them.
static IN_FLIGHT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn in_flight() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic elsewhere must not stop the clean-up.
    IN_FLIGHT.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The exit code after Ctrl-C, SIGTERM or SIGHUP: 128 + SIGINT, as shells
/// report an interrupted command.
pub const EXIT_INTERRUPTED: i32 = 130;

/// What Ctrl-C, SIGTERM and SIGHUP do.
pub enum OnSignal {
    /// Remove the temporary files being written and exit
    /// [`EXIT_INTERRUPTED`] at once.
    Exit,
    /// Set the flag: `--watch` stops between renders; a second signal
    /// exits as [`OnSignal::Exit`] does.
    Stop(std::sync::Arc<std::sync::atomic::AtomicBool>),
}

/// Installs the one handler of Ctrl-C, SIGTERM and SIGHUP (issue 10, class
/// 2). The handler runs on its own thread: for [`OnSignal::Exit`] it takes
/// the list of temporary files and keeps it while it removes them and
/// exits, so no temporary file is created, and no rename started, after it
/// looked; renames already started finish first.
pub fn handle_signals(on: OnSignal) -> Result<(), SignalError> {
    fn exit() -> ! {
        let in_flight = in_flight();
        for path in in_flight.iter() {
            let _ = std::fs::remove_file(path);
        }
        std::process::exit(EXIT_INTERRUPTED);
    }
    let installed = match on {
        OnSignal::Exit => ctrlc::set_handler(|| exit()),
        // A second signal does not wait for a long render to end.
        OnSignal::Stop(flag) => ctrlc::set_handler(move || {
            if flag.swap(true, std::sync::atomic::Ordering::Relaxed) {
                exit();
            }
        }),
    };
    Ok(installed?)
}

/// The handler of Ctrl-C, SIGTERM and SIGHUP could not be installed.
#[derive(Debug, thiserror::Error)]
#[error("cannot handle Ctrl-C, SIGTERM and SIGHUP: {0}")]
pub struct SignalError(#[from] ctrlc::Error);

/// A temporary file that removes itself unless persisted.
struct TempFile {
    file: std::fs::File,
    path: PathBuf,
    persisted: std::cell::Cell<bool>,
}

impl TempFile {
    /// A new hidden file beside `target`: `.<name>.<pid>.<n>.tmp`, the name
    /// shortened when needed to fit [`MAX_NAME_BYTES`]. Created and listed
    /// in [`IN_FLIGHT`] in one step, so a signal never misses it.
    fn create(dir: &Path, target: &Path) -> std::io::Result<TempFile> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = target
            .file_name()
            .map_or_else(|| "report".into(), |n| n.to_string_lossy());
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let tail = format!(".{}.{n}.tmp", std::process::id());
            let mut room = MAX_NAME_BYTES - 1 - tail.len();
            while room < name.len() && !name.is_char_boundary(room) {
                room -= 1;
            }
            let path = dir.join(format!(".{}{tail}", &name[..room.min(name.len())]));
            let mut in_flight = in_flight();
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o666);
            }
            match options.open(&path) {
                Ok(file) => {
                    in_flight.push(path.clone());
                    return Ok(TempFile {
                        file,
                        path,
                        persisted: std::cell::Cell::new(false),
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.persisted.get() {
            let mut in_flight = in_flight();
            let _ = std::fs::remove_file(&self.path);
            in_flight.retain(|p| *p != self.path);
        }
    }
}

/// The text of an earlier output (an issued JSON summary): `None` when
/// there is none, the reason when one is there but cannot be read. Read
/// like any input: a regular file only, bounded.
pub fn read_existing(path: &Path) -> Result<Option<String>, ExistingError> {
    match crate::input::read(path, MAX_PREVIOUS_BYTES) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| ExistingError::NotUtf8),
        Err(crate::input::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(crate::input::ReadError::Io(e)) => Err(ExistingError::Io(e)),
        Err(crate::input::ReadError::TooLarge(limit)) => Err(ExistingError::TooLarge(limit)),
    }
}

/// Why an earlier output is there but cannot be read (the words follow
/// "cannot be used: ").
#[derive(Debug, thiserror::Error)]
pub enum ExistingError {
    #[error("{0}")]
    Io(std::io::Error),
    #[error("it is not UTF-8")]
    NotUtf8,
    #[error("it is over {} MiB", .0 >> 20)]
    TooLarge(u64),
}

/// The largest issued JSON summary read: 1 GiB (about 1,000,000 events).
pub const MAX_PREVIOUS_BYTES: u64 = 1 << 30;

/// Removes `path`, a file an earlier run wrote beside its reports that this
/// run's reports would contradict (a change report when this run compared
/// with nothing); none there is no error. Only after the reports are
/// written, so a failed run leaves it.
pub fn remove_stale(path: &Path) -> Result<(), OutputError> {
    // A name that cannot exist (too long beside a report whose name just
    // fits) is no file to remove.
    if !path.exists() {
        return Ok(());
    }
    match std::fs::remove_file(path) {
        Err(source) if source.kind() != std::io::ErrorKind::NotFound => {
            Err(OutputError::Write { path: path.display().to_string(), source })
        }
        _ => Ok(()),
    }
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
