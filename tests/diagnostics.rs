//! How the binary prints diagnostics for people, and what a warning does (and does not do).

mod common;

use std::path::Path;

use common::*;

/// A temporary folder holding `content/`: the valid base with `case`'s files over it.
fn content_with(case: Option<&str>) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    if let Some(case) = case {
        let dir = root()
            .join("tests/fixtures/invalid")
            .join(case)
            .join("content");
        copy_tree(&dir, &content);
    }
    tmp
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_human_form_shows_the_line_underlined_and_the_help() {
    let tmp = content_with(Some("unknown-field-baselin"));
    // An absolute --content: the paths printed are still relative to where the user stands.
    let content = tmp.path().join("content");
    let o = run(
        tmp.path(),
        &["check", "--content", content.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let printed = stderr(&o);
    let lines: Vec<&str> = printed.lines().map(str::trim_end).collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("error[E-unknown-field]"))
        .unwrap_or_else(|| panic!("no unknown-field error:\n{printed}"));
    assert_eq!(
        lines[start..start + 7],
        [
            "error[E-unknown-field]: unknown field `baselin` (expected one of: id, name, unit, \
             baseline, targets, values, values_file, ambition, illustrative)",
            "  ┌─ content/indicators/1.7.yaml:8:5",
            "  │",
            "8 │   - baselin:",
            "  │     ^^^^^^^",
            "  │",
            "  = help: did you mean `baseline`?",
        ],
        "{printed}"
    );
}

#[test]
fn a_goal_left_out_of_a_status_is_a_warning_and_the_deck_says_so() {
    // The base's strategy has goals 1 and 2; its 2026-Q2 status reports goal 1 only.
    let tmp = content_with(None);
    let short = ["--diagnostic-format", "short"];
    let warning = "content/status/2026-q2.yaml:4:1: warning: goal 2 (Enklere arbeidshverdag)";
    let words = "Ingen status rapportert for mål 2 dette kvartalet";

    let check = run(tmp.path(), &[&["check"][..], &short].concat());
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stderr(&check).contains(warning), "{}", stderr(&check));

    let build = run(tmp.path(), &[&["build"][..], &short].concat());
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    assert!(stderr(&build).contains(warning), "{}", stderr(&build));
    let out = tmp.path().join("out");
    assert!(html_text(&out.join("status-2026-q2/index.html")).contains(words));
    assert!(pdf_text(&out.join("status-2026-q2.pdf")).contains(words));
    assert!(!out.join("status-2026-q2-mal-2.pdf").exists());

    // With goal 2 reported, nothing is said.
    let status = tmp.path().join("content/status/2026-q2.yaml");
    let text = std::fs::read_to_string(&status).unwrap();
    std::fs::write(
        &status,
        text + "  - goal: 2\n    overall:\n      - Greit.\n",
    )
    .unwrap();
    let build = run(tmp.path(), &[&["build"][..], &short].concat());
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    assert!(!stderr(&build).contains("warning"), "{}", stderr(&build));
    assert!(!html_text(&out.join("status-2026-q2/index.html")).contains(words));
    assert!(!pdf_text(&out.join("status-2026-q2.pdf")).contains(words));
}

#[test]
fn warnings_are_printed_beside_errors() {
    let tmp = content_with(Some("unknown-field-baselin"));
    let o = run(
        tmp.path(),
        &["build", "--diagnostic-format", "short", "--out", "out"],
    );
    assert_eq!(o.status.code(), Some(1));
    let printed = stderr(&o);
    assert!(printed.contains(": warning: goal 2"), "{printed}");
    assert!(
        printed.contains("error: the content has 1 problem(s)"),
        "{printed}"
    );
    assert!(!Path::new(&tmp.path().join("out")).exists());
}
