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
    assert!(String::from_utf8_lossy(&output.stdout).contains("7 files, 4 pillars, 30 events"));
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
