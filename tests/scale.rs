//! Size: ten years of archive (the bundled content plus 40 generated quarters) builds, and
//! its peak memory stays bounded. This once overflowed a thread's stack: the PDF writer's
//! `rayon::yield_now` ran queued whole documents nested on one stack.

#![cfg(all(target_os = "linux", target_pointer_width = "64"))]

mod common;

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};

use common::*;

/// How many times the bundled content's peak memory ten years of archive may take: 31 times
/// the documents are not to take much more memory (measured 115 and 168 MiB, 1.46×, on
/// 2026-12-02 with 2 cores). Both builds are measured in the same test, on the same machine.
const PEAK_GROWTH: f64 = 2.0;

/// The bundled content plus a copy of 2026-Q2's status for each quarter of 2016 to 2025.
fn ten_years(to: &Path) {
    copy_tree(&root().join("content"), to);
    let q2 = std::fs::read_to_string(to.join("status/2026-q2.yaml")).unwrap();
    for year in 2016..2026 {
        for quarter in 1..=4 {
            let text = q2
                .replacen(
                    "quarter: 2026-Q2",
                    &format!("quarter: {year}-Q{quarter}"),
                    1,
                )
                .replacen("Q2 2026", &format!("Q{quarter} {year}"), 1);
            std::fs::write(to.join(format!("status/{year}-q{quarter}.yaml")), text).unwrap();
        }
    }
}

/// Runs the binary with `args` and returns whether it succeeded, what it printed, and its
/// own peak resident memory in KiB, from the kernel's accounting of it when it is waited for
/// (`wait4`: what `/usr/bin/time -v` reports as "Maximum resident set size").
#[expect(clippy::zombie_processes, reason = "the child is waited for by wait4")]
fn run_measured(dir: &Path, args: &[&str]) -> (bool, String, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_statusrapport"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let printed = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of the plain C struct that wait4 fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is this process's own child, not yet waited for; both pointers are to
    // live locals of the types wait4 expects.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(
        waited,
        pid,
        "wait4 failed: {}",
        std::io::Error::last_os_error()
    );
    let peak = u64::try_from(usage.ru_maxrss).unwrap_or(0);
    assert!(
        peak > 10 * 1024,
        "the build's peak memory is measured ({peak} KiB)"
    );
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (ok, printed.join().unwrap(), peak)
}

#[test]
fn ten_years_of_archive_build_in_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let bundled = root().join("content");
    let bundled_out = tmp.path().join("bundled-out");
    let (ok, stderr, bundled_kib) = run_measured(
        tmp.path(),
        &[
            "build",
            "--content",
            bundled.to_str().unwrap(),
            "--out",
            bundled_out.to_str().unwrap(),
        ],
    );
    assert!(ok, "build failed: {stderr}");
    let (content, out) = (tmp.path().join("content"), tmp.path().join("out"));
    ten_years(&content);
    let args = [
        "build",
        "--content",
        content.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let (ok, stderr, peak_kib) = run_measured(tmp.path(), &args);
    assert!(ok, "build failed: {stderr}");
    let pdfs = std::fs::read_dir(&out)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "pdf")
        })
        .count();
    assert_eq!(
        pdfs,
        41 * 6 + 2,
        "every quarter's deck and reports, and both editions"
    );
    eprintln!(
        "ten years of archive: {pdfs} PDFs, peak memory {} MiB (the bundled content: {} MiB)",
        peak_kib / 1024,
        bundled_kib / 1024
    );
    assert!(
        peak_kib as f64 <= bundled_kib as f64 * PEAK_GROWTH,
        "peak memory grows with the number of documents: {} MiB against {} MiB",
        peak_kib / 1024,
        bundled_kib / 1024
    );
}
