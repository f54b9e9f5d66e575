//! Faults while writing: a blocked path, a full disk, a build killed mid-way. The previous
//! outputs stay whole, and the error names the path and the reason.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::*;

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

#[test]
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

#[test]
fn a_full_disk_is_reported_and_old_outputs_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let mount = tmp.path().join("disk");
    std::fs::create_dir_all(&mount).unwrap();
    let mounted = Command::new("mount")
        .args([
            "-t",
            "tmpfs",
            "-o",
            "size=2m",
            "tmpfs",
            mount.to_str().unwrap(),
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!(
            "skipped: cannot mount a tmpfs here (needs root); the blocked-path test covers write failures"
        );
        return;
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
}

#[test]
fn a_build_killed_at_any_moment_leaves_whole_files() {
    let tmp = tempfile::tempdir().unwrap();
    let content = root().join("content");
    let changed = tmp.path().join("changed");
    changed_copy(&content, &changed);
    let old = tmp.path().join("old");
    let new = tmp.path().join("new");
    assert!(build(tmp.path(), &content, &old).status.success());
    assert!(build(tmp.path(), &changed, &new).status.success());
    let out = tmp.path().join("out");
    for delay_ms in (0..=700).step_by(50) {
        let _ = std::fs::remove_dir_all(&out);
        copy_tree(&old, &out);
        let mut child = Command::new(env!("CARGO_BIN_EXE_statusrapport"))
            .args([
                "build",
                "--content",
                changed.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        assert_each_file_whole(&out, &old, &new);
    }
    // The next build finishes the job and clears what the killed one left behind.
    assert!(build(tmp.path(), &changed, &out).status.success());
    assert_eq!(snapshot(&out), snapshot(&new));
}
