//! Hostile and broken surroundings: none costs an earlier report, leaves a
//! temporary file, or ends in a panic; each gets a clear message and the
//! exit code of cli.md.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{bin, entries, root, stderr, AS_OF};

/// A dataset of `n` events (one pillar), to make runs take a while.
fn big_dataset(dir: &Path, n: usize) {
    let mut text = String::from("[[pillar]]\nid = \"p\"\nname = \"Pillar\"\n");
    for i in 0..n {
        text.push_str(&format!(
            "\n[[event]]\nid = \"e{i}\"\ntitle = \"Event number {i} with a title of some length\"\ndate = \"{}\"\npillar = \"p\"\nkind = \"summit\"\nsignificance = {}\nsummary = \"A summary of event {i}, long enough to wrap over more than one line in the chronology of the briefing.\"\nsources = [{{ name = \"Test\" }}]\n",
            2000 + i % 30,
            1 + i % 5
        ));
    }
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("events.toml"), text).unwrap();
}

#[test]
fn a_data_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = std::fs::File::create(dir.path().join("huge.toml")).unwrap();
    file.set_len(65 << 20).unwrap();
    let output = bin().args(["check", "--data"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    assert!(stderr(&output).contains("huge.toml: error: the file is 65 MiB; the limit is 64 MiB"), "{}", stderr(&output));
}

#[test]
fn over_long_strings_are_refused_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "[[pillar]]\nid = \"p\"\nname = \"{}\"\n\n[[event]]\nid = \"e\"\ntitle = \"t\"\ndate = \"2024\"\npillar = \"p\"\nkind = \"other\"\nsignificance = 1\nsummary = \"{}\"\nsources = [{{ name = \"s\" }}]\n",
        "n".repeat(1001),
        "s".repeat(20_001)
    );
    std::fs::write(dir.path().join("d.toml"), text).unwrap();
    let output = bin().args(["check", "--data"]).arg(dir.path()).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(65));
    assert!(err.contains("d.toml:3:8: error: `name` is longer than 1000 characters"), "{err}");
    assert!(err.contains("d.toml:12:11: error: `summary` is longer than 20000 characters"), "{err}");
}

#[test]
fn a_symlink_loop_in_the_data_folder_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    crate::util::copy_dir(&root().join("data"), &data);
    std::os::unix::fs::symlink(&data, data.join("events").join("loop")).unwrap();
    let output = bin().args(["check", "--data"]).arg(&data).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("9 files, 4 pillars, 30 events"));
}

#[test]
fn an_unreadable_data_file_is_an_io_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    crate::util::copy_dir(&root().join("data"), dir.path());
    let gone = dir.path().join("events").join("gone.toml");
    std::os::unix::fs::symlink(dir.path().join("nowhere.toml"), &gone).unwrap();
    let output = bin().args(["check", "--data"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), format!("error: cannot read {}: No such file or directory (os error 2)\n", gone.display()));
}

#[test]
fn an_output_path_that_cannot_be_written_is_an_io_error_naming_it() {
    let output = bin().args(["--format", "md", "-q", "-o", "/proc/azint-report-test.md"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("error: cannot write /proc/azint-report-test.md: "), "{}", stderr(&output));
}

/// A full disk, for real: a 32 KiB tmpfs (the tests run as root, as CI does).
#[test]
fn a_full_disk_keeps_the_earlier_report_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=32k", "tmpfs"]).arg(&small).status().unwrap();
    assert!(mounted.success(), "cannot mount a tmpfs to fill");
    let report = small.join("briefing.pdf");
    std::fs::write(&report, b"the earlier report").unwrap();
    let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "-q", "-o"]).arg(&report).output().unwrap();
    let after = std::fs::read(&report).unwrap();
    let names = entries(&small);
    let _ = Command::new("umount").arg(&small).status();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("No space left on device"), "{}", stderr(&output));
    assert_eq!(after, b"the earlier report");
    assert_eq!(names, ["briefing.pdf"]);
}

#[test]
fn standard_output_closed_early_ends_quietly() {
    let exe = assert_cmd::cargo::cargo_bin!("azint-report");
    let output = Command::new("bash")
        .arg("-c")
        .arg(format!("'{}' --period 2024-2026 --format md -q -o - | head -n 1 > /dev/null; echo ${{PIPESTATUS[0]}}", exe.display()))
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "0");
    assert_eq!(stderr(&output), "");
}

#[test]
fn ctrl_c_never_leaves_a_temporary_file_or_a_damaged_report() {
    let dir = tempfile::tempdir().unwrap();
    big_dataset(&dir.path().join("data"), 3000);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let report = out.join("b.pdf");
    std::fs::write(&report, b"earlier").unwrap();
    let mut interrupted = 0;
    for delay in [50u64, 150, 400, 900] {
        let child = Command::new(assert_cmd::cargo::cargo_bin!("azint-report"))
            .args(["--format", "pdf", "-q", "--as-of", AS_OF, "--data"])
            .arg(dir.path().join("data"))
            .arg("-o")
            .arg(&report)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
        let status = wait(child);
        let names = entries(&out);
        assert!(names.iter().all(|n| !n.contains(".tmp")), "temporary file left: {names:?}");
        let bytes = std::fs::read(&report).unwrap();
        // Interrupted: the earlier report; finished first: a whole PDF.
        match status {
            Some(130) => {
                interrupted += 1;
                assert!(bytes == b"earlier" || bytes.starts_with(b"%PDF-") && bytes.ends_with(b"%%EOF"), "damaged report");
            }
            Some(0) => assert!(bytes.starts_with(b"%PDF-")),
            other => panic!("exit {other:?} after {delay} ms"),
        }
    }
    assert!(interrupted > 0, "no run was interrupted: the test proves nothing");
}

fn wait(mut child: std::process::Child) -> Option<i32> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        assert!(start.elapsed() < Duration::from_secs(60), "the run did not end");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn two_runs_writing_one_path_at_once_leave_one_whole_report() {
    let dir = tempfile::tempdir().unwrap();
    let expected: Vec<Vec<u8>> = ["2025", "2026"]
        .iter()
        .map(|period| {
            let path = dir.path().join(format!("{period}.pdf"));
            let output = bin().args(["--period", period, "--as-of", AS_OF, "-q", "-o"]).arg(&path).output().unwrap();
            assert_eq!(output.status.code(), Some(0));
            std::fs::read(path).unwrap()
        })
        .collect();
    let target = dir.path().join("shared.pdf");
    for _ in 0..5 {
        let children: Vec<_> = ["2025", "2026"]
            .iter()
            .map(|period| {
                Command::new(assert_cmd::cargo::cargo_bin!("azint-report"))
                    .args(["--period", period, "--as-of", AS_OF, "-q", "--no-changes", "-o"])
                    .arg(&target)
                    .current_dir(root())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let code = wait(child);
            assert!(matches!(code, Some(0) | Some(1)), "exit {code:?}");
        }
        let bytes = std::fs::read(&target).unwrap();
        assert!(expected.contains(&bytes), "the report is a mix of two runs");
    }
    assert!(entries(dir.path()).iter().all(|n| !n.contains(".tmp")));
}

/// Issue 10, class 2: Ctrl-C, SIGTERM and SIGHUP while the reports are
/// being written leave no temporary file. The run is caught mid-write: it
/// is frozen (SIGSTOP) as soon as its first temporary file appears, the
/// test checks that the file is there, then sends the signal and lets it
/// go on. A run that got past its temporary files before it was frozen
/// does not count, and is tried again.
#[test]
fn issue_10_signals_mid_write_leave_no_temporary_file() {
    use notify::Watcher;
    let dir = tempfile::tempdir().unwrap();
    big_dataset(&dir.path().join("data"), 1500);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let report = out.join("b.pdf");
    let summary = out.join("b.json");
    for signal in ["-INT", "-TERM", "-HUP"] {
        let mut caught = false;
        for _attempt in 0..8 {
            std::fs::write(&report, b"earlier").unwrap();
            std::fs::write(&summary, b"earlier").unwrap();
            let (tx, rx) = std::sync::mpsc::channel();
            let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if let Ok(event) = event {
                    if event.kind.is_create() && event.paths.iter().any(|p| p.to_string_lossy().ends_with(".tmp")) {
                        let _ = tx.send(());
                    }
                }
            })
            .unwrap();
            watcher.watch(&out, notify::RecursiveMode::NonRecursive).unwrap();
            let child = Command::new(assert_cmd::cargo::cargo_bin!("azint-report"))
                .args(["--format", "pdf", "-q", "--no-changes", "--as-of", AS_OF, "--data"])
                .arg(dir.path().join("data"))
                .arg("-o")
                .arg(&report)
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let pid = child.id().to_string();
            rx.recv_timeout(Duration::from_secs(60)).expect("no temporary file was ever created");
            let _ = Command::new("kill").args(["-STOP", &pid]).status();
            let mid_write = entries(&out).iter().any(|n| n.ends_with(".tmp"));
            let _ = Command::new("kill").args([signal, &pid]).status();
            let _ = Command::new("kill").args(["-CONT", &pid]).status();
            let status = wait(child);
            let names = entries(&out);
            assert!(names.iter().all(|n| !n.contains(".tmp")), "{signal}: temporary file left: {names:?}");
            let (pdf, json) = (std::fs::read(&report).unwrap(), std::fs::read(&summary).unwrap());
            let earlier = pdf == b"earlier" && json == b"earlier";
            let whole = pdf.starts_with(b"%PDF-") && pdf.ends_with(b"%%EOF") && json.ends_with(b"}\n");
            assert!(earlier || whole, "{signal}: the reports are damaged or mixed");
            if mid_write {
                assert!(matches!(status, Some(130) | Some(0)), "{signal}: exit {status:?}");
                caught = true;
                break;
            }
        }
        assert!(caught, "{signal}: no run was caught mid-write: the test proves nothing");
    }
}

/// Issue 10, class 5: the reports of one run replace the earlier ones
/// together or not at all. On a 64 KiB tmpfs the Markdown and JSON fit and
/// the PDF does not: every earlier report must stay as it was (today the
/// new Markdown replaced the old one beside the old PDF).
#[test]
fn issue_10_a_run_that_cannot_write_every_report_replaces_none() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"]).arg(&small).status().unwrap();
    assert!(mounted.success(), "cannot mount a tmpfs to fill");
    let names = ["azint-briefing-2024-2026.json", "azint-briefing-2024-2026.md", "azint-briefing-2024-2026.pdf"];
    for name in names {
        std::fs::write(small.join(name), b"earlier").unwrap();
    }
    let output = bin().args(["--period", "2024-2026", "--format", "both", "--as-of", AS_OF, "-q", "--out-dir"]).arg(&small).output().unwrap();
    let after: Vec<Vec<u8>> = names.iter().map(|n| std::fs::read(small.join(n)).unwrap()).collect();
    let left = entries(&small);
    let _ = Command::new("umount").arg(&small).status();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("No space left on device"), "{}", stderr(&output));
    assert!(after.iter().all(|b| b == b"earlier"), "a report was replaced by a run that failed");
    assert_eq!(left, names);
}

/// The binary with a time limit: a run that blocks fails the test instead
/// of hanging it.
pub(crate) fn bounded() -> assert_cmd::Command {
    let mut cmd = bin();
    cmd.timeout(Duration::from_secs(30));
    cmd
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// Issue 10, class 3: a FIFO, a device, a socket, or a link to one, as a
/// data file, a template or the previous JSON summary, is refused with a
/// message naming it, and nothing blocks (a FIFO with no writer blocked
/// for ever; `x.toml` linked to `/dev/zero` read until memory ran out).
#[test]
fn issue_10_only_regular_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    crate::util::copy_dir(&root().join("data"), &data);

    let fifo = data.join("events/fifo.toml");
    mkfifo(&fifo);
    let output = bounded().args(["check", "--data"]).arg(&data).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stderr(&output), format!("error: cannot read {}: it is a FIFO (named pipe), not a regular file\n", fifo.display()));
    std::fs::remove_file(&fifo).unwrap();

    let zero = dir.path().join("zero.toml");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let output = bounded().args(["check", "--data"]).arg(&zero).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("zero.toml: it is a character device, not a regular file"), "{}", stderr(&output));

    let socket = data.join("events/socket.toml");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let output = bounded().args(["check", "--data"]).arg(&data).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("socket.toml: it is a socket, not a regular file"), "{}", stderr(&output));
    std::fs::remove_file(&socket).unwrap();

    let templates = dir.path().join("tpl");
    std::fs::create_dir(&templates).unwrap();
    mkfifo(&templates.join("pillar.md.hbs"));
    let output = bounded().args(["--format", "md", "-o", "-", "--templates"]).arg(&templates).arg("--data").arg(&data).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("pillar.md.hbs: it is a FIFO (named pipe), not a regular file"), "{}", stderr(&output));

    // The previous JSON summary's path: refused as an output (below), and
    // never opened for reading first.
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    mkfifo(&out.join("b.json"));
    let output = bounded().args(["--format", "md", "-o"]).arg(out.join("b.md")).arg("--data").arg(&data).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("b.json: it is a FIFO (named pipe); reports replace only regular files"), "{}", stderr(&output));
    assert_eq!(entries(&out), ["b.json"]);
}

/// Issue 10, class 4: what `-o` may name.
#[test]
fn issue_10_output_targets_that_must_not_be_replaced_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], out: &Path| bounded().args(["--period", "2025", "--as-of", AS_OF, "-q"]).args(args).arg("-o").arg(out).output().unwrap();

    // A link to standard output (run as root, it was replaced by a file).
    let link = dir.path().join("stdout.md");
    std::os::unix::fs::symlink("/dev/stdout", &link).unwrap();
    let output = run(&["--format", "md"], &link);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("stdout.md: it is a character device; reports replace only regular files (`-o -` writes to standard output)")
        || stderr(&output).contains("stdout.md: it is a FIFO"), "{}", stderr(&output));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link was replaced");

    // A FIFO.
    let fifo = dir.path().join("fifo.pdf");
    mkfifo(&fifo);
    let output = run(&[], &fifo);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO was replaced");

    // A folder, `.` included.
    for folder in [dir.path().to_path_buf(), std::path::PathBuf::from("."), dir.path().join("new/")] {
        let output = run(&[], &folder);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(stderr(&output).contains("is a folder: -o names a file; give a folder with --out-dir"), "{}", stderr(&output));
    }

    // One of the run's inputs: a data file, a template.
    let data = dir.path().join("d.toml");
    std::fs::copy(root().join("data/events/2025.toml"), dir.path().join("e.toml")).unwrap();
    std::fs::copy(root().join("data/pillars.toml"), &data).unwrap();
    std::fs::copy(root().join("data/sources.toml"), dir.path().join("s.toml")).unwrap();
    let before = std::fs::read(&data).unwrap();
    let output = bounded().args(["--format", "md", "--as-of", AS_OF, "--data"]).arg(dir.path()).arg("-o").arg(&data).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("d.toml is an input of the report (a data file or a template)"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&data).unwrap(), before);
    let templates = dir.path().join("tpl");
    std::fs::create_dir(&templates).unwrap();
    let template = templates.join("pillar.md.hbs");
    std::fs::copy(root().join("templates/pillar.md.hbs"), &template).unwrap();
    let output = bounded().args(["--format", "md", "--as-of", AS_OF, "--templates"]).arg(&templates).arg("-o").arg(&template).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("pillar.md.hbs is an input of the report"), "{}", stderr(&output));

    // A format that disagrees with the name.
    let output = run(&["--format", "json"], &dir.path().join("r.pdf"));
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("r.pdf is named as PDF but --format makes JSON: use a `.json` name, or --format pdf"), "{}", stderr(&output));
    assert!(!dir.path().join("r.pdf").exists());

    // Long names: one that fits is written (its temporary name is
    // shortened to fit too); one that does not is refused clearly.
    let fits = dir.path().join(format!("{}.md", "n".repeat(250)));
    let output = run(&["--format", "md"], &fits);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(fits.is_file());
    let long = dir.path().join(format!("{}.md", "n".repeat(300)));
    let output = run(&["--format", "md"], &long);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("the file name is 303 bytes; file systems take at most 255"), "{}", stderr(&output));
    assert!(entries(dir.path()).iter().all(|n| !n.ends_with(".tmp")));
}

/// Issue 10, class 6: a new report follows the umask; a rewritten one
/// keeps the mode of the file it replaces.
#[test]
fn issue_10_reports_follow_the_umask_and_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let exe = assert_cmd::cargo::cargo_bin!("azint-report");
    let run = |umask: &str, out: &Path| {
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" --format md -q --period 2025 --as-of {AS_OF} -o \"$1\""))
            .arg(exe)
            .arg(out)
            .current_dir(root())
            .status()
            .unwrap();
        assert!(status.success());
    };
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let new = dir.path().join("new.md");
    run("027", &new);
    assert_eq!(mode(&new), 0o640, "a new report ignores the umask");
    assert_eq!(mode(&dir.path().join("new.json")), 0o640);

    let kept = dir.path().join("kept.md");
    std::fs::write(&kept, "earlier").unwrap();
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o600)).unwrap();
    run("022", &kept);
    assert_eq!(mode(&kept), 0o600, "a rewritten report lost its mode");
    assert_ne!(std::fs::read_to_string(&kept).unwrap(), "earlier");
}

/// Issue 10, class 14: `check`, `completions` and `-o -` end cleanly when
/// standard output fails: a full device is exit 1 with the reason, a
/// closed pipe a quiet exit 0; never a panic. The pipe tests write more
/// than a pipe holds (64 KiB), so the writer does meet the closed pipe.
#[test]
fn issue_10_standard_output_failing_ends_cleanly() {
    let exe = assert_cmd::cargo::cargo_bin!("azint-report");
    let dir = tempfile::tempdir().unwrap();
    big_dataset(&dir.path().join("data"), 1500);
    let shell = |script: &str| {
        Command::new("bash")
            .arg("-c")
            .arg(script)
            .env("EXE", exe)
            .env("DATA", dir.path().join("data"))
            .current_dir(root())
            .output()
            .unwrap()
    };
    for args in ["check", "completions bash", "--format md -q -o -", "--format pdf -q -o -"] {
        let output = shell(&format!("\"$EXE\" {args} > /dev/full"));
        assert_eq!(output.status.code(), Some(1), "{args}: {}", stderr(&output));
        assert_eq!(stderr(&output), "error: cannot write to standard output: No space left on device (os error 28)\n", "{args}");
    }
    let big = shell("\"$EXE\" --data \"$DATA\" --format md -q -o - | wc -c");
    let bytes: usize = String::from_utf8_lossy(&big.stdout).trim().parse().unwrap();
    assert!(bytes > 64 << 10, "the Markdown is {bytes} bytes: it fits in the pipe and proves nothing");
    for args in ["--data \"$DATA\" --format md -q -o -", "--data \"$DATA\" --format pdf -q -o -", "completions bash", "check"] {
        let output = shell(&format!("\"$EXE\" {args} | head -c 1 > /dev/null; echo ${{PIPESTATUS[0]}}"));
        assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "0", "{args}: {}", stderr(&output));
        assert_eq!(stderr(&output), "", "{args}");
    }
}
