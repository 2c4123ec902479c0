//! Reading an input file (a data file, a template, the previous JSON
//! summary): the one function every read of the disk goes through.
//!
//! Only regular files are read, and never more than a limit: a FIFO, a
//! device, a socket or a folder, or a link to one, is refused with its kind
//! named, so that nothing blocks forever (a FIFO with no writer) or reads
//! until memory runs out (`x.toml` linked to `/dev/zero`), whatever
//! `metadata().len()` said (issue 10, class 3).
//!
//! A file named by the data or a template ([`read_within`]: an image) is
//! read only from inside its folder: the path is resolved (`..`, links) and
//! compared with the folder's, so that a dataset cannot embed `/etc/passwd`
//! or `../../secret.png` in a briefing (issue 29, item 1).

use std::io::Read;
use std::path::Path;

/// Why an input file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system's reason, or [`not_a_file`]'s.
    Io(std::io::Error),
    /// The file holds more than the limit (in bytes).
    TooLarge(u64),
}

/// Reads the whole of `path`, a regular file of at most `limit` bytes.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Before opening: opening a socket fails with an obscure reason, and a
    // FIFO would block.
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::Io(not_a_file(&meta)));
    }
    let file = open(path).map_err(ReadError::Io)?;
    // Again on what was opened: the path may have been replaced between.
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::Io(not_a_file(&meta)));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// Reads `relative`, a path named by an input, from inside `folder`: an
/// absolute path, `..` that climbs out, or a link that leads out is refused
/// before a byte is read, as is anything [`read`] refuses. The error reads
/// after the file's name ("it leaves the folder `data`").
pub fn read_within(folder: &Path, relative: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
    let outside = |why: String| ReadError::Io(std::io::Error::new(std::io::ErrorKind::PermissionDenied, why));
    let shown = folder.display();
    if Path::new(relative).is_absolute() || relative.starts_with(['/', '\\']) {
        return Err(outside(format!("it is an absolute path; files are read only from inside the folder `{shown}`")));
    }
    let root = std::fs::canonicalize(folder).map_err(ReadError::Io)?;
    let target = std::fs::canonicalize(folder.join(relative)).map_err(ReadError::Io)?;
    if !target.starts_with(&root) {
        return Err(outside(format!("it leaves the folder `{shown}` (it resolves to `{}`)", target.display())));
    }
    // The resolved path: no link left to swap between the check and the
    // read.
    read(&target, limit)
}

/// Opens for reading without waiting: `O_NONBLOCK` makes opening a FIFO
/// return at once (and changes nothing for a regular file).
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The error for something that is not a regular file, naming its kind.
pub fn not_a_file(meta: &std::fs::Metadata) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("it is {}, not a regular file", kind(meta)),
    )
}

/// What a non-regular file is, in words.
pub fn kind(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.toml");
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(read(&path, 5).unwrap(), b"12345");
        assert!(matches!(read(&path, 4), Err(ReadError::TooLarge(4))));
    }

    #[test]
    fn a_device_is_refused_before_a_byte_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("x.toml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        match read(&link, 1 << 40) {
            Err(ReadError::Io(e)) => assert_eq!(e.to_string(), "it is a character device, not a regular file"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nothing_outside_the_folder_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("assets")).unwrap();
        std::fs::write(dir.path().join("secret.png"), b"x").unwrap();
        std::fs::write(data.join("assets/logo.png"), b"ok").unwrap();
        std::os::unix::fs::symlink("../../secret.png", data.join("assets/out.png")).unwrap();
        std::os::unix::fs::symlink("logo.png", data.join("assets/in.png")).unwrap();
        assert_eq!(read_within(&data, "assets/logo.png", 10).unwrap(), b"ok");
        assert_eq!(read_within(&data, "assets/../assets/in.png", 10).unwrap(), b"ok");
        let secret = dir.path().join("secret.png");
        for path in ["../secret.png", "assets/out.png", "assets/../../secret.png", secret.to_str().unwrap(), "/etc/passwd"] {
            match read_within(&data, path, 10) {
                Err(ReadError::Io(e)) => assert!(e.to_string().contains("folder `"), "{path}: {e}"),
                other => panic!("{path}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        match read(&fifo, 1 << 20) {
            Err(ReadError::Io(e)) => assert_eq!(e.to_string(), "it is a FIFO (named pipe), not a regular file"),
            other => panic!("{other:?}"),
        }
    }
}
