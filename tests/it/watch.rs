//! `--watch` on a temporary copy of the data: a valid edit renders, an
//! invalid one keeps the last good report, the next valid one renders
//! again, and Ctrl-C stops cleanly. Every wait is bounded: the test fails,
//! it does not hang.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::util::{copy_dir, entries, root, AS_OF};

const LIMIT: Duration = Duration::from_secs(10);

/// Replaces a file the way many editors save: a temporary file renamed
/// over it.
fn save(path: &Path, text: &str) {
    let temp = path.with_extension("toml.tmp-save");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

/// A running `--watch` and the lines it has printed on standard error.
struct Watching {
    child: Child,
    lines: Arc<Mutex<Vec<String>>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Watching {
    /// Starts `azint-report ARGS` in `dir`.
    fn start(dir: &Path, args: &[&str]) -> Watching {
        Watching::start_with(dir, args, &[])
    }

    /// Starts `azint-report ARGS` in `dir` with `env` set.
    fn start_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Watching {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin!("azint-report"))
            .args(args)
            .current_dir(dir)
            .envs(env.iter().copied())
            .env("SOURCE_DATE_EPOCH", "1770854400")
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
        Watching { child, lines, reader: Some(reader) }
    }

    /// Waits until `done` holds, polling; panics after LIMIT, showing what
    /// the watch printed.
    fn wait(&self, what: &str, mut done: impl FnMut() -> bool) {
        let start = Instant::now();
        while !done() {
            assert!(start.elapsed() < LIMIT, "gave up waiting for {what}; it printed:\n{}", self.lines.lock().unwrap().join("\n"));
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn said(&self, needle: &str) -> bool {
        self.lines.lock().unwrap().iter().any(|l| l.contains(needle))
    }

    /// How many lines printed so far contain `needle`.
    fn times(&self, needle: &str) -> usize {
        self.lines.lock().unwrap().iter().filter(|l| l.contains(needle)).count()
    }

    /// Every line printed so far.
    fn printed(&self) -> String {
        self.lines.lock().unwrap().join("\n")
    }

    /// Sends `signal` and returns the exit code.
    fn stop(&mut self, signal: &str) -> Option<i32> {
        let status = Command::new("kill").args([signal, &self.child.id().to_string()]).status().unwrap();
        assert!(status.success());
        let start = Instant::now();
        let code = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status.code();
            }
            assert!(start.elapsed() < LIMIT, "watch did not stop on {signal}");
            std::thread::sleep(Duration::from_millis(20));
        };
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        code
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn watch_renders_keeps_and_renders_again_then_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = dir.path().join("out");
    copy_dir(&root().join("data"), &data);

    let (data_arg, out_arg) = (data.display().to_string(), out.display().to_string());
    let mut watching = Watching::start(
        dir.path(),
        &["--watch", "--format", "md", "--period", "2024-2026", "--as-of", AS_OF, "--data", &data_arg, "--out-dir", &out_arg],
    );
    let report = out.join("azint-briefing-2024-2026.md");
    let read = || std::fs::read_to_string(&report).unwrap_or_default();

    watching.wait("the first render", || watching.said("first render"));
    assert!(read().contains("Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe"));

    let file = data.join("events/2025.toml");
    let original = std::fs::read_to_string(&file).unwrap();
    save(&file, &original.replace("Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe", "Talks, first edit"));
    watching.wait("the edit to be rendered", || read().contains("Talks, first edit"));
    watching.wait("the render line naming the file", || watching.said("events/2025.toml (no issued briefing yet)"));

    let good = read();
    save(&file, &format!("{original}\nbroken = = =\n"));
    watching.wait("the diagnostics", || watching.said("2025.toml") && watching.said("not rendered; the last good report is kept"));
    assert_eq!(read(), good, "an invalid save changed the report");

    save(&file, &original.replace("Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe", "Talks, second edit"));
    watching.wait("the next valid save to be rendered", || read().contains("Talks, second edit"));

    // Ctrl-C is an interruption, exit 130 as for any run (README, Limits).
    assert_eq!(watching.stop("-INT"), Some(130));
    assert_eq!(
        entries(&out),
        ["azint-briefing-2024-2026.json", "azint-briefing-2024-2026.md", "azint-briefing-2024-2026.partners.geojson", "azint-briefing-2024-2026.partners.svg", "azint-briefing-2024-2026.routes.geojson", "azint-briefing-2024-2026.routes.svg"],
        "no temporary file is left"
    );
}

/// Issue 24, item 7: each round says each thing once. A failed round
/// lists its problems and closes with one line (no second "nothing was
/// written" from the run's own error); a first round that fails says
/// nothing was written, since there is no last good report; a rendered
/// round prints its warning and its line once.
#[test]
fn issue_24_watch_says_each_thing_once() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    let file = dir.path().join("data/events/2025.toml");
    let original = std::fs::read_to_string(&file).unwrap();
    let broken = |line: &str| format!("{original}\n{line}\n");
    save(&file, &broken("broken = \"no end"));
    // A period with no events: each rendered round warns of it.
    let mut watching = Watching::start(dir.path(), &["--format", "md", "--period", "2030", "--watch"]);
    watching.wait("the first round to fail", || watching.said(" first render: "));
    assert_eq!(watching.times("not rendered"), 1, "{}", watching.printed());
    assert!(watching.said(" first render: 1 problem, not rendered; nothing was written"), "{}", watching.printed());
    assert_eq!(watching.times("nothing was written"), 1, "{}", watching.printed());

    save(&file, &original);
    watching.wait("a render", || watching.said("data/events/2025.toml (") || watching.said("data/events/2025.toml ->"));
    assert_eq!(watching.times("holds no events"), 1, "{}", watching.printed());

    for (round, line) in ["broken = = =", "[[event]]\nid = 3", "x = \"\"\"never closed"].into_iter().enumerate() {
        let before = watching.printed().lines().count();
        save(&file, &broken(line));
        watching.wait("the failed round's line", || watching.times("not rendered") == round + 2);
        let printed = watching.printed();
        let this_round: Vec<&str> = printed.lines().skip(before).collect();
        assert_eq!(watching.times("the last good report is kept"), round + 1, "{printed}");
        assert_eq!(watching.times("nothing was written"), 1, "only the first round's: {printed}");
        let closing = printed.lines().last().unwrap();
        assert!(closing.contains(" data/events/2025.toml: ") && closing.ends_with(", not rendered; the last good report is kept"), "{printed}");
        // The round's problems are listed once each, then its one line.
        assert!(this_round.len() >= 2, "{printed}");
        let problems: Vec<&str> = this_round.iter().copied().filter(|l| l.contains(": error: ")).collect();
        // Each problem's own help lines are indented under it.
        let own_lines = this_round.iter().filter(|l| !l.starts_with("  ")).count();
        assert_eq!(problems.len(), own_lines - 1, "{printed}");
        let unique: std::collections::BTreeSet<&&str> = problems.iter().collect();
        assert_eq!(unique.len(), problems.len(), "{printed}");
    }
    assert_eq!(watching.times("holds no events"), 1, "{}", watching.printed());
    assert_eq!(watching.stop("-INT"), Some(130));
}

/// Issue 10, class 1: the README's own command, from a folder holding
/// `data/` (the default `./data`, a relative path), regenerates on save.
#[test]
fn issue_10_the_readme_watch_command_regenerates_with_the_default_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    let mut watching = Watching::start(dir.path(), &["--period", "2024-2026", "--format", "both", "--watch"]);
    let report = dir.path().join("reports/azint-briefing-2024-2026.md");
    let read = || std::fs::read_to_string(&report).unwrap_or_default();
    watching.wait("the first render", || watching.said("first render"));
    assert!(dir.path().join("reports/azint-briefing-2024-2026.pdf").is_file());

    let file = dir.path().join("data/events/2025.toml");
    let original = std::fs::read_to_string(&file).unwrap();
    save(&file, &original.replace("Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe", "Talks, saved"));
    watching.wait("the save to be rendered", || read().contains("Talks, saved"));
    watching.wait("the render line naming the file as given", || watching.said(" data/events/2025.toml (no issued briefing yet)"));
    // SIGTERM stops it as Ctrl-C does.
    assert_eq!(watching.stop("-TERM"), Some(130));
}

/// Issue 10, class 1: a relative `--data` file and a relative
/// `--templates` folder are watched too.
#[test]
fn issue_10_watch_follows_a_relative_data_file_and_templates_folder() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("in"));
    let merged: String = ["pillars.toml", "sources.toml", "events/2021.toml", "events/2024.toml", "events/2025.toml", "events/2026.toml"]
        .iter()
        .map(|f| std::fs::read_to_string(dir.path().join("in").join(f)).unwrap() + "\n")
        .collect();
    std::fs::write(dir.path().join("all.toml"), merged.replace("schema = 1\n", "")).unwrap();
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    let template = std::fs::read_to_string(root().join("templates/chronology.md.hbs")).unwrap();
    std::fs::write(dir.path().join("tpl/chronology.md.hbs"), &template).unwrap();

    let mut watching = Watching::start(
        dir.path(),
        &["--watch", "--format", "md", "--data", "all.toml", "--templates", "tpl", "-o", "out.md"],
    );
    let read = || std::fs::read_to_string(dir.path().join("out.md")).unwrap_or_default();
    watching.wait("the first render", || watching.said("first render"));

    let text = std::fs::read_to_string(dir.path().join("all.toml")).unwrap();
    save(&dir.path().join("all.toml"), &text.replace("Discussions on EU financing mechanisms, long-term contract policies and the growing volume of gas exports to Europe", "Talks, file saved"));
    watching.wait("the data file's save to be rendered", || read().contains("Talks, file saved"));

    std::fs::write(dir.path().join("tpl/chronology.md.hbs"), format!("Template saved.\n\n{template}")).unwrap();
    watching.wait("the template's save to be rendered", || read().contains("Template saved."));
    watching.wait("the render line naming the template", || watching.said("tpl/chronology.md.hbs"));
    // SIGHUP (the terminal closed) stops it as Ctrl-C does.
    assert_eq!(watching.stop("-HUP"), Some(130));
}

/// A second Ctrl-C during a long render exits at once (130), leaving no
/// temporary file; the first alone would wait for the render to end.
#[test]
fn a_second_ctrl_c_does_not_wait_for_a_long_render() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("[[pillar]]\nid = \"p\"\nname = \"Pillar\"\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "\n[[event]]\nid = \"e{i}\"\ntitle = \"Event number {i} with a title of some length\"\ndate = \"{}\"\npillar = \"p\"\nkind = \"summit\"\nsignificance = {}\nsummary = \"A summary of event {i}, long enough to wrap over more than one line.\"\nsources = [{{ name = \"Test\" }}]\n",
            2000 + i % 30,
            1 + i % 5
        ));
    }
    std::fs::write(dir.path().join("big.toml"), text).unwrap();
    let started = Instant::now();
    let mut watching = Watching::start(dir.path(), &["--watch", "--format", "pdf", "--data", "big.toml", "-o", "big.pdf"]);
    std::thread::sleep(Duration::from_millis(300));
    let _ = Command::new("kill").args(["-INT", &watching.child.id().to_string()]).status();
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(watching.stop("-INT"), Some(130));
    let names = entries(dir.path());
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
    assert!(!watching.said("first render"), "the render ended before the signals: the test proves nothing ({:?})", started.elapsed());
}

/// Whether the kernel may back `pid`'s memory with transparent huge pages
/// (`THP_enabled` in its status, Linux 5.0 on).
#[cfg(target_os = "linux")]
fn huge_pages_enabled(pid: u32) -> bool {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("THP_enabled:")).expect("the kernel reports THP_enabled");
    line.trim_end().ends_with('1')
}

/// No huge pages, whatever the dataset's size: the default one is set
/// without them (half the memory), and one of over a megabyte too (beside
/// another process's memory use the kernel compacts memory for each huge
/// page, `src/memory.rs`); the user can still ask for them.
#[cfg(target_os = "linux")]
#[test]
fn huge_pages_are_off_unless_the_user_asks_for_them() {
    // A kernel without transparent huge pages has nothing to turn on or
    // off (and reports them off for every process).
    if !Path::new("/sys/kernel/mm/transparent_hugepage").exists() {
        eprintln!("this kernel has no transparent huge pages: nothing to check");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    let mut watching = Watching::start(dir.path(), &["--period", "2024-2026", "--format", "md", "--watch"]);
    watching.wait("the first render", || watching.said("first render"));
    assert!(!huge_pages_enabled(watching.child.id()), "the default dataset is set without huge pages");
    assert_eq!(watching.stop("-TERM"), Some(130));

    // The same events and a megabyte of comments.
    let file = dir.path().join("data/events/2025.toml");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str(&"# padding to make the dataset large\n".repeat(30_000));
    std::fs::write(&file, text).unwrap();
    let mut watching = Watching::start(dir.path(), &["--period", "2024-2026", "--format", "md", "--watch"]);
    watching.wait("the first render", || watching.said("first render"));
    assert!(!huge_pages_enabled(watching.child.id()), "a dataset of over a megabyte is set without huge pages too");
    assert_eq!(watching.stop("-TERM"), Some(130));

    // Unless the user asked for them.
    let mut watching = Watching::start_with(dir.path(), &["--period", "2024-2026", "--format", "md", "--watch"], &[("MIMALLOC_ALLOW_THP", "1")]);
    watching.wait("the first render", || watching.said("first render"));
    assert!(huge_pages_enabled(watching.child.id()), "MIMALLOC_ALLOW_THP=1 turns them on");
    assert_eq!(watching.stop("-TERM"), Some(130));
}

/// Runs `command` with a bounded wait: its output, or a panic after LIMIT
/// (a watcher that did not fail would run for ever).
fn bounded(mut command: Command) -> std::process::Output {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            panic!("still watching after {LIMIT:?}: the watcher's failure was not reported");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Issue 23, item 8: a watcher that cannot watch (the folder above the
/// data does not exist, so no change could ever be seen) stops with its
/// own exit code, 3, not 2 (a bad command line); nothing is rendered.
#[test]
fn issue_23_a_watcher_that_cannot_watch_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(assert_cmd::cargo::cargo_bin!("azint-report"));
    command.current_dir(dir.path()).env_remove("SOURCE_DATE_EPOCH").args(["--watch", "--data", "gone/data", "--as-of", AS_OF]);
    let output = bounded(command);
    let stderr = crate::util::stderr(&output);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    let gone = dir.path().canonicalize().unwrap().join("gone");
    assert!(stderr.contains(&format!("error: cannot watch {}: ", gone.display())), "{stderr}");
    assert!(!stderr.contains("watching for changes"), "{stderr}");
    assert_eq!(entries(dir.path()), Vec::<String>::new());
}

/// Issue 23, item 8: the current folder, which relative paths are watched
/// from, removed under the process: exit 3 too, naming the path.
#[cfg(target_os = "linux")]
#[test]
fn issue_23_a_watcher_without_a_current_folder_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let here = dir.path().join("here");
    std::fs::create_dir(&here).unwrap();
    let data = root().join("data");
    // The shell enters the folder, removes it, then becomes the binary.
    let mut command = Command::new("sh");
    command.arg("-c").arg(r#"cd "$1" && rmdir "$1" && exec "$2" --watch --data "$3" --as-of "$4""#).args([
        "sh".as_ref(),
        here.as_os_str(),
        assert_cmd::cargo::cargo_bin!("azint-report").as_os_str(),
        data.as_os_str(),
        AS_OF.as_ref(),
    ]);
    let output = bounded(command);
    let stderr = crate::util::stderr(&output);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains(&format!("error: cannot watch {}: No such file or directory", data.display())), "{stderr}");
}

/// Issue 24, item 1, as the issue tries it: ten saves under `--watch`, in
/// the README's form (relative paths, the default `./data`), leave the
/// issued briefing where it is; each round counts every change since it,
/// not the last save's.
#[test]
fn issue_24_ten_saves_under_watch_leave_the_issued_baseline() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    let args = ["--period", "2024-2026", "--format", "md", "--as-of", AS_OF];
    let issue = Command::new(assert_cmd::cargo::cargo_bin!("azint-report")).args(args).arg("--issue").current_dir(dir.path()).output().unwrap();
    assert_eq!(issue.status.code(), Some(0), "{}", String::from_utf8_lossy(&issue.stderr));
    let issued = dir.path().join("reports/issued");
    let kept = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        entries(dir).into_iter().map(|name| (name.clone(), std::fs::read(dir.join(&name)).unwrap())).collect()
    };
    let before = kept(&issued);
    assert_eq!(before.len(), 2, "the issued Markdown and JSON summary");

    let mut watching = Watching::start(dir.path(), &[&args[..], &["--watch"]].concat());
    watching.wait("the first round", || watching.said("no changes since 2026-02-12"));
    let file = dir.path().join("data/events/2025.toml");
    for n in 1..=10 {
        let text = std::fs::read_to_string(&file).unwrap();
        let event = format!(
            "\n[[event]]\nid = \"saved-{n}\"\ntitle = \"Saved event {n}\"\ndate = \"2025-05-05\"\npillar = \"connectivity\"\n\
             kind = \"other\"\nsignificance = 1\nsummary = \"New.\"\nsources = [{{ name = \"Test\" }}]\n"
        );
        save(&file, &(text + &event));
        let counted = format!("changes since 2026-02-12: +{n} −0 ~0");
        watching.wait(&counted, || watching.said(&counted));
        assert_eq!(kept(&issued), before, "save {n} moved the baseline");
    }
    let report = std::fs::read_to_string(dir.path().join("reports/azint-briefing-2024-2026.changes.md")).unwrap();
    assert!(report.contains("Since the briefing issued on 12 February 2026: 10 events added, 0 removed and 0 edited."), "{report}");
    assert_eq!(watching.stop("-INT"), Some(130));
    assert_eq!(kept(&issued), before);
}

/// A PNG of `width` × 2 pixels, grey `shade`.
fn png(width: u32, shade: u8) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, 2);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.write_header().unwrap().write_image_data(&vec![shade; width as usize * 2]).unwrap();
    out
}

/// Writes an image the way an editor saves: a temporary file renamed over
/// it.
fn save_image(path: &Path, bytes: &[u8]) {
    let temp = path.with_extension("tmp-save");
    std::fs::write(&temp, bytes).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

/// Issue 29, item 8: under `--watch`, every file a render read is
/// watched: a changed logo (in the data folder as the README runs it, and
/// beside a lone data file) and a changed template image each render
/// again, and a logo made bad keeps the last good report until it is fixed.
#[test]
fn issue_29_a_changed_logo_or_template_image_renders_again() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("my-data"));
    std::fs::create_dir_all(dir.path().join("my-data/assets")).unwrap();
    std::fs::write(dir.path().join("my-data/assets/logo.png"), png(4, 10)).unwrap();
    let pillars = dir.path().join("my-data/pillars.toml");
    let text = std::fs::read_to_string(&pillars).unwrap().replace("[report]\n", "[report]\nlogo = \"assets/logo.png\"\n");
    std::fs::write(&pillars, text).unwrap();
    std::fs::create_dir_all(dir.path().join("tpl/img")).unwrap();
    std::fs::write(dir.path().join("tpl/img/desk.png"), png(3, 200)).unwrap();
    std::fs::write(dir.path().join("tpl/about.md.hbs"), "![Desk =40pt](img/desk.png)\n").unwrap();
    // Relative paths, as the README runs it.
    let mut watching = Watching::start(
        dir.path(),
        &["--data", "my-data", "--period", "2024-2026", "--format", "both", "--templates", "tpl", "--watch"],
    );
    let pdf = dir.path().join("reports/azint-briefing-2024-2026.pdf");
    watching.wait("the first render", || watching.said("first render"));
    let mut last = std::fs::read(&pdf).unwrap();
    let changed = |what: &str, watching: &Watching, last: &mut Vec<u8>| {
        watching.wait(what, || std::fs::read(&pdf).is_ok_and(|now| now != *last));
        *last = std::fs::read(&pdf).unwrap();
    };
    for (round, width) in [(1, 6), (2, 9)] {
        save_image(&dir.path().join("my-data/assets/logo.png"), &png(width, 10 * round));
        changed("the logo's change to be rendered", &watching, &mut last);
        watching.wait("the line naming the logo", || watching.times("my-data/assets/logo.png") >= round as usize);
        save_image(&dir.path().join("tpl/img/desk.png"), &png(width, 200 - round));
        changed("the template image's change to be rendered", &watching, &mut last);
        watching.wait("the line naming the template image", || watching.times("tpl/img/desk.png") >= round as usize);
    }
    // A logo cut off: refused, the last good report kept; fixed: rendered.
    std::fs::write(dir.path().join("my-data/assets/logo.png"), &png(5, 1)[..30]).unwrap();
    watching.wait("the bad logo to be refused", || watching.said("the last good report is kept"));
    assert_eq!(std::fs::read(&pdf).unwrap(), last);
    save_image(&dir.path().join("my-data/assets/logo.png"), &png(7, 99));
    changed("the fixed logo to be rendered", &watching, &mut last);
    assert_eq!(watching.stop("-INT"), Some(130));

    // A lone data file: its logo, beside it, is watched too.
    let all = dir.path().join("all.toml");
    let merged: String = ["pillars.toml", "sources.toml", "events/2025.toml"]
        .iter()
        .map(|f| std::fs::read_to_string(dir.path().join("my-data").join(f)).unwrap() + "\n")
        .collect();
    std::fs::write(&all, merged.replace("schema = 1\n", "")).unwrap();
    std::fs::create_dir_all(dir.path().join("assets")).unwrap();
    std::fs::write(dir.path().join("assets/logo.png"), png(4, 10)).unwrap();
    let mut watching = Watching::start(dir.path(), &["--data", "all.toml", "--period", "2025", "--format", "pdf", "-o", "one.pdf", "--watch"]);
    let one = dir.path().join("one.pdf");
    watching.wait("the first render", || watching.said("first render"));
    let first = std::fs::read(&one).unwrap();
    save_image(&dir.path().join("assets/logo.png"), &png(8, 50));
    watching.wait("the logo beside the data file to be rendered", || std::fs::read(&one).is_ok_and(|now| now != first));
    assert_eq!(watching.stop("-INT"), Some(130));
}
