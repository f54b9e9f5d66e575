//! Broken content trees, each with the diagnostics it must give, run through the real binary.
//!
//! Every folder under `tests/fixtures/invalid/` is one case (see the README there):
//!
//! - `content/` holds only the files that differ from `tests/fixtures/valid-base/`; the test
//!   copies the base to a temporary `content/` and lays the case's files over it;
//! - `setup` (optional) makes what is not stored in git, one step per line:
//!   `remove <path>`, `big <path> <bytes>` (a file of that size, e.g. 50 MB) and
//!   `symlink <path> <target>` (e.g. to `/etc/passwd`), paths relative to the case folder;
//! - `expected.txt` holds the diagnostics the binary must print with
//!   `--diagnostic-format short`, exactly: one `content/<file>:LINE:COL: error: MESSAGE` line
//!   per error, each followed by its `content/<file>:LINE:COL: help: …` line when it has one.
//!   Warnings are not pinned here (the base has one: its status leaves out goal 2).
//!
//! Each case must make `build` and `check` exit with status 1, print exactly the diagnostics in
//! `expected.txt` (no more, no fewer, in order), never panic, and leave `out/` as it was. Each
//! case is a test of its own, named `invalid::<folder>` (`accepted::<folder>`), so that one can
//! be run alone (`cargo test --release --test invalid -- invalid::duplicate-key`) and a failure
//! names its case and shows what the binary printed.
//!
//! Cases under `tests/fixtures/accepted/` have the same layout without `expected.txt` and must
//! build.
//!
//! `UPDATE_EXPECTED=1 cargo test --release --test invalid` rewrites every `expected.txt` from
//! what the binary prints; read the diff before committing it.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use libtest_mimic::{Arguments, Failed, Trial};

/// The marker file in `out/` that a failed build must leave alone.
const MARKER: (&str, &[u8]) = ("marker.txt", b"written before the build\n");

/// The case folders under `tests/fixtures/<kind>`, sorted by name.
fn cases(kind: &str) -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures").join(kind);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

/// Builds a case's working folder in `dir`: the base, the case's files over it, then its setup.
fn prepare(case: &Path, dir: &Path) {
    let content = dir.join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    if case.join("content").is_dir() {
        copy_tree(&case.join("content"), &content);
    }
    let Ok(setup) = std::fs::read_to_string(case.join("setup")) else {
        return;
    };
    for line in setup.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [] => {}
            [comment, ..] if comment.starts_with('#') => {}
            ["remove", path] => std::fs::remove_file(dir.join(path)).unwrap(),
            ["big", path, bytes] => {
                let bytes: usize = bytes.parse().unwrap();
                let line = "# padding to make the file large\n";
                let mut text = line.repeat(bytes / line.len() + 1);
                text.truncate(bytes);
                std::fs::write(dir.join(path), text).unwrap();
            }
            #[cfg(unix)]
            ["symlink", path, target] => {
                std::os::unix::fs::symlink(target, dir.join(path)).unwrap()
            }
            _ => panic!("{}: bad setup line {line:?}", case.display()),
        }
    }
}

/// The error lines of the binary's short output, each with the help line that follows it:
/// no warnings, no closing summary.
fn diagnostics(stderr: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut after_error = false;
    for line in stderr.lines() {
        if line.contains(": error: ") {
            after_error = true;
            lines.push(line.to_owned());
        } else if after_error && line.contains(": help: ") {
            lines.push(line.to_owned());
        } else {
            after_error = false;
        }
    }
    lines
}

/// Runs one invalid case; returns what is wrong with the binary's answer, if anything.
fn run_invalid(case: &Path) -> Result<(), String> {
    let tmp = tempfile::tempdir().unwrap();
    prepare(case, tmp.path());
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join(MARKER.0), MARKER.1).unwrap();
    let before = snapshot(&out);

    let build = build_short(tmp.path());
    let stderr = stderr(&build);
    let actual = diagnostics(&stderr);
    let expected_file = case.join("expected.txt");
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&expected_file, actual.join("\n") + "\n").unwrap();
    }
    let expected: Vec<String> = std::fs::read_to_string(&expected_file)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();

    let mut wrong = Vec::new();
    if expected.is_empty() {
        wrong.push("expected.txt is missing or empty".to_owned());
    }
    if build.status.code() != Some(1) {
        wrong.push(format!(
            "build exited with {:?}, expected 1",
            build.status.code()
        ));
    }
    if stderr.contains("panicked") {
        wrong.push("build panicked".to_owned());
    }
    if actual != expected {
        let missing: Vec<_> = expected.iter().filter(|l| !actual.contains(l)).collect();
        let extra: Vec<_> = actual.iter().filter(|l| !expected.contains(l)).collect();
        wrong.push(format!(
            "diagnostics differ from expected.txt\n  missing: {missing:#?}\n  unexpected: {extra:#?}"
        ));
    }
    if snapshot(&out) != before {
        wrong.push("build changed out/".to_owned());
    }

    let check = check_short(tmp.path());
    let check_stderr = common::stderr(&check);
    if check.status.code() != Some(1) {
        wrong.push(format!(
            "check exited with {:?}, expected 1",
            check.status.code()
        ));
    }
    if check_stderr.contains("panicked") {
        wrong.push("check panicked".to_owned());
    }
    if diagnostics(&check_stderr) != actual {
        wrong.push(format!(
            "check printed other diagnostics than build:\n{check_stderr}"
        ));
    }

    if wrong.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}\n--- stderr of build ---\n{stderr}",
            wrong.join("\n")
        ))
    }
}

/// Builds and checks the base or an accepted case: both must succeed.
fn run_accepted(case: &Path) -> Result<(), Failed> {
    let tmp = tempfile::tempdir().unwrap();
    prepare(case, tmp.path());
    let mut failures = Vec::new();
    for args in [
        &["check", "--content", "content"][..],
        &["build", "--content", "content", "--out", "out"][..],
    ] {
        let o = run(tmp.path(), args);
        if !o.status.success() {
            failures.push(format!(
                "`{}` exited with {:?}\n{}",
                args[0],
                o.status.code(),
                String::from_utf8_lossy(&o.stderr)
            ));
        }
    }
    if !tmp.path().join("out/manifest.json").is_file() {
        failures.push("build wrote no manifest".to_owned());
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n\n").into())
    }
}

/// The name of a case: its folder's.
fn name(case: &Path) -> String {
    case.file_name().unwrap().to_string_lossy().into_owned()
}

fn main() -> std::process::ExitCode {
    let args = Arguments::from_args();
    let invalid = cases("invalid");
    let count = invalid.len();
    let mut trials = vec![Trial::test(
        "there_are_at_least_42_invalid_cases",
        move || match count {
            42.. => Ok(()),
            n => Err(format!("only {n} invalid cases found").into()),
        },
    )];
    trials.extend(invalid.into_iter().map(|case| {
        Trial::test(format!("invalid::{}", name(&case)), move || {
            run_invalid(&case).map_err(Failed::from)
        })
    }));
    // The base itself (as a case with nothing laid over it): every invalid case breaks exactly
    // one thing in it.
    let base = root().join("tests/fixtures/valid-base");
    trials.push(Trial::test("the_base_builds", move || run_accepted(&base)));
    trials.extend(cases("accepted").into_iter().map(|case| {
        Trial::test(format!("accepted::{}", name(&case)), move || {
            run_accepted(&case)
        })
    }));
    libtest_mimic::run(&args, trials).exit_code()
}
