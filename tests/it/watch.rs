//! `--watch` on a temporary copy of the data: a valid edit renders, an
//! invalid one keeps the last good report, the next valid one renders
//! again, and Ctrl-C stops cleanly. Every wait is bounded: the test fails,
//! it does not hang.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::util::{copy_dir, entries, root, AS_OF};

const LIMIT: Duration = Duration::from_secs(10);

/// Waits until `done` holds, polling; panics after LIMIT.
fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < LIMIT, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Replaces a file the way many editors save: a temporary file renamed
/// over it.
fn save(path: &Path, text: &str) {
    let temp = path.with_extension("toml.tmp-save");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

#[test]
fn watch_renders_keeps_and_renders_again_then_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = dir.path().join("out");
    copy_dir(&root().join("data"), &data);

    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("azint-report"))
        .args(["--watch", "--format", "md", "--period", "2024-2026", "--as-of", AS_OF, "--data"])
        .arg(&data)
        .arg("--out-dir")
        .arg(&out)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let reader = {
        let lines = Arc::clone(&lines);
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        })
    };
    let said = |needle: &str| lines.lock().unwrap().iter().any(|l| l.contains(needle));
    let report = out.join("azint-briefing-2024-2026.md");
    let read = || std::fs::read_to_string(&report).unwrap_or_default();

    wait_for("the first render", || said("first render"));
    assert!(read().contains("Talks on EU financing and long-term gas contracts"));

    let file = data.join("events/2025.toml");
    let original = std::fs::read_to_string(&file).unwrap();
    save(&file, &original.replace("Talks on EU financing and long-term gas contracts", "Talks, first edit"));
    wait_for("the edit to be rendered", || read().contains("Talks, first edit"));
    wait_for("the render line naming the file", || said("events/2025.toml (+0 −0 ~1)"));

    let good = read();
    save(&file, &format!("{original}\nbroken = = =\n"));
    wait_for("the diagnostics", || said("2025.toml") && said("not rendered; the last good report is kept"));
    assert_eq!(read(), good, "an invalid save changed the report");

    save(&file, &original.replace("Talks on EU financing and long-term gas contracts", "Talks, second edit"));
    wait_for("the next valid save to be rendered", || read().contains("Talks, second edit"));

    let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let start = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        assert!(start.elapsed() < LIMIT, "watch did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    reader.join().unwrap();
    assert_eq!(code, Some(0));
    assert_eq!(entries(&out), ["azint-briefing-2024-2026.json", "azint-briefing-2024-2026.md"], "no temporary file is left");
}
