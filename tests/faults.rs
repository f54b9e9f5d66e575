//! Faults while writing: a blocked path, a full disk, a build killed mid-way. The previous
//! outputs stay whole, and the error names the path and the reason.
//!
//! A fault that cannot be made here is reported as an ignored test with the reason, never as
//! a pass and never as a failure: the full disk needs a tmpfs, so root and mount rights; a
//! kill proves something only when one lands while the build is writing.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::*;
use libtest_mimic::{Arguments, Completion, Failed, Trial};

fn main() -> std::process::ExitCode {
    let args = Arguments::from_args();
    let trials = vec![
        Trial::test("a_blocked_path_is_named_and_old_outputs_stay", || {
            a_blocked_path_is_named_and_old_outputs_stay();
            Ok(())
        }),
        Trial::ignorable_test(
            "a_full_disk_is_reported_and_old_outputs_stay",
            a_full_disk_is_reported_and_old_outputs_stay,
        ),
        Trial::ignorable_test(
            "a_build_killed_at_any_moment_leaves_whole_files",
            a_build_killed_at_any_moment_leaves_whole_files,
        ),
    ];
    libtest_mimic::run(&args, trials).exit_code()
}

/// A copy of a content tree with the deck's title changed, so its outputs differ.
fn changed_copy(from: &Path, to: &Path) {
    copy_tree(from, to);
    let status = to.join("status/2026-q2.yaml");
    let text = std::fs::read_to_string(&status)
        .unwrap()
        .replacen("Q2 2026", "Q2 2026 (endret)", 1);
    std::fs::write(status, text).unwrap();
}

/// Every file in `out` equals its version in `old` or in `new`, and every PDF is whole.
fn assert_each_file_whole(out: &Path, old: &Path, new: &Path) {
    for (rel, bytes) in snapshot(out) {
        let name = rel.file_name().unwrap().to_string_lossy();
        if name.starts_with('.') && name.contains(".tmp-") {
            continue;
        }
        let same_as = |dir: &Path| std::fs::read(dir.join(&rel)).is_ok_and(|b| b == bytes);
        assert!(
            same_as(old) || same_as(new),
            "{} is neither the old nor the new version",
            rel.display()
        );
        if rel.extension().is_some_and(|e| e == "pdf") {
            assert!(
                bytes.ends_with(b"%%EOF\n") || bytes.ends_with(b"%%EOF"),
                "{} is cut short",
                rel.display()
            );
        }
    }
}

fn a_blocked_path_is_named_and_old_outputs_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let content = root().join("tests/fixtures/hostile");
    let out = tmp.path().join("out");
    assert!(build(tmp.path(), &content, &out).status.success());
    let changed = tmp.path().join("changed");
    changed_copy(&content, &changed);
    // A file where the build needs a folder: writing under it must fail, even for root.
    std::fs::remove_dir_all(out.join("status-2026-q2")).unwrap();
    std::fs::write(out.join("status-2026-q2"), b"not a folder").unwrap();
    let before = snapshot(&out);
    let o = build(tmp.path(), &changed, &out);
    // 2, not 1: the content is fine; the environment (the output folder) is at fault.
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("error: failed to write") && stderr.contains("status-2026-q2"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let new = tmp.path().join("new");
    assert!(build(tmp.path(), &changed, &new).status.success());
    let old = tmp.path().join("old");
    std::fs::create_dir_all(&old).unwrap();
    for (rel, bytes) in &before {
        std::fs::create_dir_all(old.join(rel).parent().unwrap()).unwrap();
        std::fs::write(old.join(rel), bytes).unwrap();
    }
    assert_each_file_whole(&out, &old, &new);
    assert_eq!(
        std::fs::read(out.join("manifest.json")).unwrap(),
        std::fs::read(old.join("manifest.json")).unwrap(),
        "the manifest is written last, so it still describes the old build"
    );
}

fn a_full_disk_is_reported_and_old_outputs_stay() -> Result<Completion, Failed> {
    if !cfg!(target_os = "linux") {
        return Ok(Completion::ignored_with(
            "a full disk is made with a Linux tmpfs",
        ));
    }
    let tmp = tempfile::tempdir().unwrap();
    let mount = tmp.path().join("disk");
    std::fs::create_dir_all(&mount).unwrap();
    let mounted = Command::new("mount")
        .args([
            "-t",
            "tmpfs",
            "-o",
            "size=16m",
            "tmpfs",
            mount.to_str().unwrap(),
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        return Ok(Completion::ignored_with(
            "cannot mount a 16 MB tmpfs here (needs root and mount rights): a full disk was \
             not tried",
        ));
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _guard = Unmount(mount.clone());
    let content = root().join("tests/fixtures/hostile");
    let out = mount.join("out");
    assert!(build(tmp.path(), &content, &out).status.success());
    let old = tmp.path().join("old");
    copy_tree(&out, &old);
    // Fill the disk so that only a few kilobytes remain.
    let free = {
        let o = Command::new("df")
            .args(["--output=avail", "-B1", mount.to_str().unwrap()])
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .nth(1)
            .unwrap()
            .trim()
            .parse::<u64>()
            .unwrap()
    };
    std::fs::write(
        mount.join("filler"),
        vec![0u8; (free.saturating_sub(16 * 1024)) as usize],
    )
    .unwrap();
    let changed = tmp.path().join("changed");
    changed_copy(&content, &changed);
    let o = build(tmp.path(), &changed, &out);
    // 2: a full disk is the environment's fault, not the content's.
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("error: failed to write") && stderr.contains("No space left on device"),
        "{stderr}"
    );
    let new = tmp.path().join("new");
    assert!(build(tmp.path(), &changed, &new).status.success());
    assert_each_file_whole(&out, &old, &new);
    assert!(
        !snapshot(&out)
            .iter()
            .any(|(p, _)| p.to_string_lossy().contains(".tmp-")),
        "a failed write leaves no temporary file"
    );
    Ok(Completion::Completed)
}

/// The modification time of every folder under `dir`: creating or renaming a file in a
/// folder changes its time, so this changes as soon as a build starts writing.
fn folder_times(dir: &Path) -> Vec<(PathBuf, std::time::SystemTime)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        .filter_map(|e| Some((e.path().to_path_buf(), e.metadata().ok()?.modified().ok()?)))
        .collect()
}

fn a_build_killed_at_any_moment_leaves_whole_files() -> Result<Completion, Failed> {
    let tmp = tempfile::tempdir().unwrap();
    let content = root().join("content");
    let changed = tmp.path().join("changed");
    changed_copy(&content, &changed);
    let old = tmp.path().join("old");
    let new = tmp.path().join("new");
    assert!(build(tmp.path(), &content, &old).status.success());
    assert!(build(tmp.path(), &changed, &new).status.success());
    let (old_files, new_files) = (snapshot(&old), snapshot(&new));
    let out = tmp.path().join("out");
    // Writing takes milliseconds of a build that takes seconds, so a kill after a fixed delay
    // mostly lands before or after it. Each attempt waits until the build starts writing (a
    // folder in `out` changes), then kills it after a few more milliseconds.
    let waits_ms = [0, 0, 1, 2, 3, 5, 8, 13, 20, 30];
    let (mut mid_write, mut attempts) = (0, 0);
    for wait in waits_ms.iter().cycle().take(30) {
        attempts += 1;
        let _ = std::fs::remove_dir_all(&out);
        copy_tree(&old, &out);
        let untouched = folder_times(&out);
        let mut child = Command::new(env!("CARGO_BIN_EXE_statusrapport"))
            .args([
                "build",
                "--content",
                changed.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ])
            .stderr(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        while child.try_wait().unwrap().is_none() {
            if folder_times(&out) != untouched {
                std::thread::sleep(Duration::from_millis(*wait));
                let _ = child.kill();
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = child.wait();
        assert_each_file_whole(&out, &old, &new);
        let now = snapshot(&out);
        if now != old_files && now != new_files {
            mid_write += 1;
            if mid_write >= 3 {
                break;
            }
        }
    }
    // The next build finishes the job and clears what the killed one left behind.
    assert!(build(tmp.path(), &changed, &out).status.success());
    assert_eq!(snapshot(&out), new_files);
    if mid_write == 0 {
        return Ok(Completion::ignored_with(format!(
            "none of {attempts} kills landed while the build was writing (each left `out` \
             wholly old or wholly new): a kill mid-write was not tried"
        )));
    }
    eprintln!("{mid_write} of {attempts} kills landed while the build was writing");
    Ok(Completion::Completed)
}
