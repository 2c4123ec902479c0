//! `--watch`: render, then render again whenever a file under `--data` or
//! `--templates` changes.
//!
//! Folders are watched recursively, and their parent folders too, so that
//! editors that save by writing a temporary file and renaming it, files
//! added and deleted, and a data folder replaced whole are all seen. A burst
//! of events (one editor save is several) becomes one render. Templates are
//! compiled again only when a template changed; fonts are parsed once per
//! process. A render that fails (invalid data) leaves the last good report
//! as it is; the next valid save renders again. Stopping is checked between
//! renders, so a report is never left half written.
//!
//! Every file a render read is watched (issue 29, item 8): besides the
//! data and template files, the images it embedded (the `[report]` logo, a
//! template's images), whose folders are watched too when they lie outside
//! the roots (the logo beside a lone `--data` file). Before a render has
//! read any, PNG and JPEG files under the roots count, so that a logo that
//! failed the first render is seen when it is fixed.
//!
//! The data files are found once a round; templates are compiled only when
//! the round's plan needs the Markdown. The watcher's own failures (it
//! cannot start, a folder to watch is not there, or it stops reporting) end
//! the loop with a [`WatchError`]: its exit code is its own
//! ([`crate::error::EXIT_WATCH`]), not a bad command line's.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::dataset::{DataFile, DataSource};
use crate::options::Options;
use crate::{Error, Outcome, Templates};

/// Why the watcher stopped, or could not start.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The operating system's watcher failed: it would not start, would not
    /// watch a folder, or reported a failure (its limit of watched files).
    #[error("cannot watch {}: {}", .path.as_deref().unwrap_or("for changes"), reason(.source))]
    Notify { path: Option<String>, source: notify::Error },
    /// The current folder, which relative paths are watched from, is gone.
    #[error("cannot watch {path}: {source}")]
    Folder { path: String, source: std::io::Error },
}

/// A watcher's error in words, without the list of paths notify adds.
fn reason(error: &notify::Error) -> String {
    match &error.kind {
        notify::ErrorKind::Io(e) => e.to_string(),
        notify::ErrorKind::PathNotFound => "no such file or folder".to_owned(),
        notify::ErrorKind::MaxFilesWatch => "the system's limit of watched files is reached (fs.inotify.max_user_watches)".to_owned(),
        notify::ErrorKind::Generic(e) => e.clone(),
        other => format!("{other:?}"),
    }
}

/// How long the files must be quiet before a burst of events is rendered.
pub const DEBOUNCE: Duration = Duration::from_millis(25);

/// What one round of the loop did.
pub enum Round {
    /// The watcher is watching (before the first render): from here on a
    /// change is seen.
    Watching,
    /// Rendered; `changed` names the files that caused it (empty at start).
    Rendered { outcome: Outcome, changed: Vec<String> },
    /// The data or a template is invalid, or writing failed: the last good
    /// report is untouched. The listener says so once, in its own words
    /// (issue 24, item 7): `error` is the cause, not a closing line.
    Failed { error: Error, changed: Vec<String> },
}

/// A folder or file to watch: `watched` is absolute, because the watcher
/// reports absolute paths (issue 10: with a relative `--data`, the default
/// `./data` included, no change was ever recognised); `given` is the path as
/// the user wrote it, to name changed files by.
struct Root {
    watched: PathBuf,
    given: PathBuf,
}

/// Runs the watch loop until `stop` is set; `report` hears of every round.
/// `files` are the data files the binary found (to size its memory): the
/// first round renders them; later rounds find them anew.
pub fn watch(
    options: &Options,
    files: Result<Vec<DataFile>, Error>,
    stop: &AtomicBool,
    report: &mut dyn FnMut(Round),
) -> Result<(), WatchError> {
    let roots = roots(options)?;
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .map_err(|source| WatchError::Notify { path: None, source })?;
    start(&mut watcher, &roots)?;
    report(Round::Watching);

    let mut templates = Templates::default();
    // The images the last good render read, as absolute paths.
    let mut images = Images::default();
    images.update(&mut watcher, round(options, files, &mut templates, Vec::new(), report));
    while !stop.load(Ordering::Relaxed) {
        let first = match rx.recv_timeout(Duration::from_millis(100)) {
            // The watcher failed (its limit of watched files, a read
            // error): changes may go unseen, so watching would mislead.
            Ok(Err(source)) => return Err(WatchError::Notify { path: None, source }),
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        // Gather the burst. Only relevant events hold the render back: the
        // parent folder is watched too, and a viewer polling a report
        // there (opening it every few milliseconds) must not postpone the
        // render for ever.
        let mut paths: BTreeSet<PathBuf> = BTreeSet::new();
        let mut add = |event: notify::Result<notify::Event>| {
            let Some(event) = event.ok().filter(changes_content) else { return false };
            let mut seen = false;
            for path in event.paths.into_iter().filter(|p| relevant(p, &roots) || images.read.contains(p)) {
                seen = true;
                paths.insert(path);
            }
            seen
        };
        if !add(first) {
            continue;
        }
        let mut quiet_since = Instant::now();
        while quiet_since.elapsed() < DEBOUNCE {
            match rx.recv_timeout(DEBOUNCE.saturating_sub(quiet_since.elapsed())) {
                Ok(event) => {
                    if add(event) {
                        quiet_since = Instant::now();
                    }
                }
                Err(_) => break,
            }
        }
        // A folder replaced whole needs watching anew.
        arm(&mut watcher, &roots);
        let template_dir = options.templates.as_ref().and_then(|given| roots.iter().find(|r| r.given == *given));
        if template_dir.is_some_and(|dir| paths.iter().any(|p| p.starts_with(&dir.watched))) {
            templates.forget();
        }
        let changed = paths.iter().map(|p| display(p, &roots)).collect();
        images.update(&mut watcher, round(options, crate::discover(&options.data), &mut templates, changed, report));
    }
    Ok(())
}

/// One render over the data `files`. Templates that failed to compile are
/// not kept, so a failing round compiles them again and names the problem
/// again. Returns the image files a good render read.
fn round(
    options: &Options,
    files: Result<Vec<DataFile>, Error>,
    templates: &mut Templates,
    changed: Vec<String>,
    report: &mut dyn FnMut(Round),
) -> Option<Vec<PathBuf>> {
    match files.and_then(|files| crate::render(options, &files, templates)) {
        Ok(outcome) => {
            let images = outcome.images.clone();
            report(Round::Rendered { outcome, changed });
            Some(images)
        }
        Err(error) => {
            report(Round::Failed { error, changed });
            None
        }
    }
}

/// The image files the last good render read, and the folders watched for
/// them.
#[derive(Default)]
struct Images {
    read: BTreeSet<PathBuf>,
    folders: BTreeSet<PathBuf>,
}

impl Images {
    /// After a round: a good render's images replace the last ones, and
    /// their folders are watched (a failed round keeps the last ones).
    fn update(&mut self, watcher: &mut impl Watcher, read: Option<Vec<PathBuf>>) {
        let Some(read) = read else { return };
        let here = std::env::current_dir().unwrap_or_default();
        self.read = read.into_iter().map(|p| here.join(p)).collect();
        for folder in self.read.iter().filter_map(|p| p.parent()) {
            if self.folders.insert(folder.to_path_buf()) {
                let _ = watcher.watch(folder, RecursiveMode::NonRecursive);
            }
        }
    }
}

/// Whether an event can change what a render reads: not a file being
/// opened or read (a render itself does that), nor its times or
/// permissions changing.
fn changes_content(event: &notify::Event) -> bool {
    use notify::event::{EventKind, ModifyKind};
    !matches!(event.kind, EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)))
}

/// The folders (or file) to watch: the data and the templates.
fn roots(options: &Options) -> Result<Vec<Root>, WatchError> {
    let mut given = Vec::new();
    if let DataSource::Path(path) = &options.data {
        given.push(path.clone());
    }
    if let Some(dir) = &options.templates {
        given.push(dir.clone());
    }
    given
        .into_iter()
        .map(|given| Ok(Root { watched: absolute(&given)?, given }))
        .collect()
}

/// `path` made absolute once, at start: its folder resolved (symlinks and
/// `..`), its own name kept, so that a data folder that is a link swapped
/// for another is still watched by its name. A path whose folder does not
/// exist is joined to the current folder.
fn absolute(path: &Path) -> Result<PathBuf, WatchError> {
    let cannot = |source: std::io::Error| WatchError::Folder { path: path.display().to_string(), source };
    let joined = std::env::current_dir().map_err(cannot)?.join(path);
    let resolved = match (joined.parent(), joined.file_name()) {
        (Some(parent), Some(name)) if !matches!(name.to_str(), Some("." | "..")) => {
            parent.canonicalize().map(|p| p.join(name))
        }
        _ => joined.canonicalize(),
    };
    Ok(resolved.unwrap_or(joined))
}

/// Starts watching: as [`arm`], but a root's parent folder that cannot be
/// watched (it does not exist) is an error, since no change to the root
/// could ever be seen. The root itself may be missing: its creation is seen
/// in the parent.
fn start(watcher: &mut impl Watcher, roots: &[Root]) -> Result<(), WatchError> {
    arm(watcher, roots);
    for parent in roots.iter().filter_map(|r| r.watched.parent()) {
        watcher
            .watch(parent, RecursiveMode::NonRecursive)
            .map_err(|source| WatchError::Notify { path: Some(parent.display().to_string()), source })?;
    }
    Ok(())
}

/// (Re)starts watching each root and its parent folder. Errors are
/// ignored: a root that is gone now is watched again after the next event.
fn arm(watcher: &mut impl Watcher, roots: &[Root]) {
    for root in roots.iter().map(|r| &r.watched) {
        let _ = watcher.unwatch(root);
        if root.is_dir() {
            let _ = watcher.watch(root, RecursiveMode::Recursive);
        }
        if let Some(parent) = root.parent() {
            let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
        }
    }
}

/// Whether a path that changed concerns the report: a data or template
/// file, an image under a root, or a root itself (replaced, created,
/// removed). Hidden files (editors' swap files) do not. (The images a
/// render read count wherever they are: [`Images`].)
fn relevant(path: &Path, roots: &[Root]) -> bool {
    let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
    roots.iter().map(|r| &r.watched).any(|root| {
        path == root
            || path.starts_with(root)
                && !hidden
                && path.extension().is_some_and(|e| ["toml", "hbs", "ftl", "png", "jpg", "jpeg"].iter().any(|x| e.eq_ignore_ascii_case(x)))
    })
}

/// A changed path as the user knows it: under the root as they gave it.
fn display(path: &Path, roots: &[Root]) -> String {
    for root in roots {
        if let Ok(rest) = path.strip_prefix(&root.watched) {
            let shown = if rest.as_os_str().is_empty() { root.given.clone() } else { root.given.join(rest) };
            return shown.display().to_string();
        }
    }
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(watched: &str, given: &str) -> Root {
        Root { watched: PathBuf::from(watched), given: PathBuf::from(given) }
    }

    #[test]
    fn only_data_and_template_files_are_relevant() {
        let roots = vec![root("/d/data", "data"), root("/d/tpl", "tpl")];
        assert!(relevant(Path::new("/d/data/events/2025.toml"), &roots));
        assert!(relevant(Path::new("/d/data"), &roots));
        assert!(relevant(Path::new("/d/tpl/pillar.md.hbs"), &roots));
        assert!(relevant(Path::new("/d/data/assets/logo.PNG"), &roots));
        assert!(relevant(Path::new("/d/tpl/img/desk.jpeg"), &roots));
        assert!(!relevant(Path::new("/d/data/.2025.toml.swp"), &roots));
        assert!(!relevant(Path::new("/d/data/notes.txt"), &roots));
        assert!(!relevant(Path::new("/d/reports/x.pdf"), &roots));
    }

    #[test]
    fn changed_paths_are_named_as_the_user_gave_the_root() {
        let roots = vec![root("/d/data", "data"), root("/d/tpl", "./tpl")];
        assert_eq!(display(Path::new("/d/data/events/2025.toml"), &roots), "data/events/2025.toml");
        assert_eq!(display(Path::new("/d/data"), &roots), "data");
        assert_eq!(display(Path::new("/d/tpl/pillar.md.hbs"), &roots), "./tpl/pillar.md.hbs");
    }

    #[test]
    fn relative_roots_are_made_absolute_against_the_current_folder() {
        let here = std::env::current_dir().unwrap().canonicalize().unwrap();
        assert_eq!(absolute(Path::new("src")).unwrap(), here.join("src"));
        assert_eq!(absolute(Path::new("no-such-folder")).unwrap(), here.join("no-such-folder"));
        assert_eq!(absolute(Path::new(".")).unwrap(), here);
        assert_eq!(absolute(Path::new("src/..")).unwrap(), here);
    }
}
