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

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::dataset::DataSource;
use crate::options::Options;
use crate::{Error, Outcome};

/// How long the files must be quiet before a burst of events is rendered.
pub const DEBOUNCE: Duration = Duration::from_millis(25);

/// What one round of the loop did.
pub enum Round {
    /// Rendered; `changed` names the files that caused it (empty at start).
    Rendered { outcome: Outcome, changed: Vec<String> },
    /// The data or a template is invalid, or writing failed: the last good
    /// report is untouched.
    Failed { error: Error, changed: Vec<String> },
}

/// Runs the watch loop until `stop` is set; `report` hears of every round.
pub fn watch(options: &Options, stop: &AtomicBool, report: &mut dyn FnMut(Round)) -> Result<(), Error> {
    let roots = roots(options);
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .map_err(|e| Error::Usage(format!("cannot watch for changes: {e}")))?;
    arm(&mut watcher, &roots);

    let mut templates = crate::compile_templates(options);
    round(options, &templates, Vec::new(), report);
    while !stop.load(Ordering::Relaxed) {
        let first = match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        // Gather the burst.
        let mut paths: BTreeSet<PathBuf> = BTreeSet::new();
        let mut add = |event: notify::Result<notify::Event>| {
            if let Some(event) = event.ok().filter(changes_content) {
                paths.extend(event.paths.into_iter().filter(|p| relevant(p, &roots)));
            }
        };
        add(first);
        let mut quiet_since = Instant::now();
        while quiet_since.elapsed() < DEBOUNCE {
            match rx.recv_timeout(DEBOUNCE.saturating_sub(quiet_since.elapsed())) {
                Ok(event) => {
                    add(event);
                    quiet_since = Instant::now();
                }
                Err(_) => break,
            }
        }
        if paths.is_empty() {
            continue;
        }
        // A folder replaced whole needs watching anew.
        arm(&mut watcher, &roots);
        let template_dir = options.templates.as_deref();
        if template_dir.is_some_and(|dir| paths.iter().any(|p| p.starts_with(dir))) {
            templates = crate::compile_templates(options);
        }
        let changed = paths.iter().map(|p| display(p, &roots)).collect();
        round(options, &templates, changed, report);
    }
    Ok(())
}

fn round(options: &Options, templates: &Result<crate::report::Templates, Error>, changed: Vec<String>, report: &mut dyn FnMut(Round)) {
    let result = match templates {
        Ok(templates) => crate::render(options, templates),
        // Templates that do not compile: say so again (the error is not
        // Clone, so compile once more for the message).
        Err(_) => crate::compile_templates(options).and_then(|t| crate::render(options, &t)),
    };
    match result {
        Ok(outcome) => report(Round::Rendered { outcome, changed }),
        Err(error) => report(Round::Failed { error, changed }),
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
fn roots(options: &Options) -> Vec<PathBuf> {
    let mut roots = Vec::new();
    if let DataSource::Path(path) = &options.data {
        roots.push(path.clone());
    }
    if let Some(dir) = &options.templates {
        roots.push(dir.clone());
    }
    roots
}

/// (Re)starts watching each root and its parent folder. Errors are
/// ignored: a root that is gone now is watched again after the next event.
fn arm(watcher: &mut impl Watcher, roots: &[PathBuf]) {
    for root in roots {
        let _ = watcher.unwatch(root);
        if root.is_dir() {
            let _ = watcher.watch(root, RecursiveMode::Recursive);
        }
        let parent = match root.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let _ = watcher.watch(&parent, RecursiveMode::NonRecursive);
    }
}

/// Whether a path that changed concerns the report: a data or template
/// file, or a root itself (replaced, created, removed). Hidden files
/// (editors' swap files) do not.
fn relevant(path: &Path, roots: &[PathBuf]) -> bool {
    let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
    roots.iter().any(|root| {
        path == root || path.starts_with(root) && !hidden && path.extension().is_some_and(|e| e == "toml" || e == "hbs")
    })
}

/// A changed path as the user knows it: relative to the root it is under.
fn display(path: &Path, roots: &[PathBuf]) -> String {
    let absolute = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    for root in roots {
        if let Ok(rest) = path.strip_prefix(root).or_else(|_| path.strip_prefix(absolute(root))) {
            let shown = if rest.as_os_str().is_empty() { root.clone() } else { root.join(rest) };
            return shown.display().to_string();
        }
    }
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_data_and_template_files_are_relevant() {
        let roots = vec![PathBuf::from("/d/data"), PathBuf::from("/d/tpl")];
        assert!(relevant(Path::new("/d/data/events/2025.toml"), &roots));
        assert!(relevant(Path::new("/d/data"), &roots));
        assert!(relevant(Path::new("/d/tpl/pillar.md.hbs"), &roots));
        assert!(!relevant(Path::new("/d/data/.2025.toml.swp"), &roots));
        assert!(!relevant(Path::new("/d/data/notes.txt"), &roots));
        assert!(!relevant(Path::new("/d/reports/x.pdf"), &roots));
    }
}
