//! Size: ten years of archive (the bundled content plus 40 generated quarters) builds, and
//! its peak memory stays bounded. This once overflowed a thread's stack: the PDF writer's
//! `rayon::yield_now` ran queued whole documents nested on one stack.

#![cfg(all(target_os = "linux", target_pointer_width = "64"))]

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// Peak memory a build of ten years of archive may take. Measured 2026-12-02 on 2 cores: 159–168 MiB
/// with typst's memo cache emptied after every four documents (two a thread), 235 MiB after
/// every eight, 366–404 MiB before it was emptied at all.
const PEAK_LIMIT_MIB: u64 = 250;

/// How many times the bundled content's peak memory ten years of archive may take: 31 times
/// the documents are not to take much more memory (measured 115 and 168 MiB, 1.46×).
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

/// Runs the binary with `args` and returns whether it succeeded, what it printed, and the
/// largest peak resident memory in KiB of it and the children that ran before it (from the
/// kernel's accounting of finished children).
fn run_measured(dir: &Path, args: &[&str]) -> (bool, String, u64) {
    let o = Command::new(env!("CARGO_BIN_EXE_statusrapport"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let peak = children_peak_kib();
    assert!(
        peak > 10 * 1024,
        "the build's peak memory is measured ({peak} KiB)"
    );
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        peak,
    )
}

/// The largest peak resident memory of any finished child of this process, in KiB: what
/// `/usr/bin/time -v` reports as "Maximum resident set size".
fn children_peak_kib() -> u64 {
    let mut usage = Rusage {
        ru_utime: [0; 2],
        ru_stime: [0; 2],
        ru_maxrss: 0,
        rest: [0; 13],
    };
    // SAFETY: getrusage only writes into the struct it is given, which has its layout.
    let rc = unsafe { getrusage(RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0, "getrusage failed");
    u64::try_from(usage.ru_maxrss).unwrap_or(0)
}

/// `RUSAGE_CHILDREN` of `<sys/resource.h>`.
const RUSAGE_CHILDREN: i32 = -1;

/// `struct rusage` of 64-bit Linux: two timevals, then fourteen longs (`ru_maxrss` first).
#[repr(C)]
struct Rusage {
    ru_utime: [i64; 2],
    ru_stime: [i64; 2],
    ru_maxrss: i64,
    rest: [i64; 13],
}

unsafe extern "C" {
    fn getrusage(who: i32, usage: *mut Rusage) -> i32;
}

#[test]
fn ten_years_of_archive_build_in_bounded_memory() {
    assert_eq!(children_peak_kib(), 0, "no child ran before the builds");
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
    assert!(
        peak_kib / 1024 < PEAK_LIMIT_MIB,
        "peak memory {} MiB, over {PEAK_LIMIT_MIB} MiB",
        peak_kib / 1024
    );
}
