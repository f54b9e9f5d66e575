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
             baseline, targets, values, values_file, ambition, illustrative, higher_is_better)",
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
    let warning = "content/status/2026-q2.yaml:4:1: warning: goal 2 (Enklere arbeidshverdag)";
    let words = "Ingen status rapportert for mål 2 dette kvartalet";

    let check = check_short(tmp.path());
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stderr(&check).contains(warning), "{}", stderr(&check));

    let build = build_short(tmp.path());
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
    let build = build_short(tmp.path());
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    assert!(
        !stderr(&build).contains("W-goal-without-status") && !stderr(&build).contains("goal 2 ("),
        "{}",
        stderr(&build)
    );
    assert!(!html_text(&out.join("status-2026-q2/index.html")).contains(words));
    assert!(!pdf_text(&out.join("status-2026-q2.pdf")).contains(words));
}

#[test]
fn warnings_are_printed_beside_errors() {
    let tmp = content_with(Some("unknown-field-baselin"));
    let o = build_short(tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let printed = stderr(&o);
    assert!(printed.contains(": warning: goal 2"), "{printed}");
    assert!(
        printed.contains("error: the content has 1 problem(s)"),
        "{printed}"
    );
    assert!(!Path::new(&tmp.path().join("out")).exists());
}

#[test]
fn a_typst_error_points_into_the_generated_source_kept_outside_out() {
    let tmp = content_with(None);
    // An overriding deck template whose typst refers to nothing.
    let deck = std::fs::read_to_string(root().join("templates/deck.typ")).unwrap();
    let import = "#import \"style.typ\": *\n";
    let broken = deck.replacen(import, &format!("{import}#nosuchthing\n"), 1);
    assert_ne!(deck, broken);
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(tmp.path().join("templates/deck.typ"), broken).unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("marker.txt"), b"before").unwrap();

    // The kept source goes under the temporary folder: this test's own, so that no other
    // build on the machine touches it meanwhile.
    let temp = tmp.path().join("temp");
    std::fs::create_dir_all(&temp).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_statusrapport"))
        .args([
            "build",
            "--diagnostic-format",
            "short",
            "--only",
            "status-2026-q2",
        ])
        .current_dir(tmp.path())
        .env("TMPDIR", &temp)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let printed = stderr(&o);
    let kept = temp.join("statusrapport-typst/status-2026-q2/main.typ");
    let line = printed
        .lines()
        .find(|l| l.contains(": error: unknown variable: nosuchthing"))
        .unwrap_or_else(|| panic!("no typst error:\n{printed}"));
    let place = line.split(": error:").next().unwrap();
    let (file, line_col) = place.split_at(place.find(".typ:").unwrap() + 4);
    // Shown relative to where the build ran, since it lies under it here.
    assert_eq!(tmp.path().join(file), kept, "{printed}");
    let line_no: usize = line_col[1..].split(':').next().unwrap().parse().unwrap();
    let source = std::fs::read_to_string(&kept).unwrap();
    assert_eq!(source.lines().nth(line_no - 1), Some("#nosuchthing"));
    assert_eq!(
        snapshot(&out),
        vec![(std::path::PathBuf::from("marker.txt"), b"before".to_vec())]
    );
}
