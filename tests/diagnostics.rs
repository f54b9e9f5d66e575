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
             baseline, targets, values, values_file, ambition, illustrative, higher_is_better, from_roadmap)",
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

/// Writes `templates/<rel>` beside the content: the built-in template as `edit` changes it.
/// Returns the text written.
fn override_template(dir: &Path, rel: &str, edit: impl FnOnce(&str) -> String) -> String {
    let builtin = std::fs::read_to_string(root().join("templates").join(rel)).unwrap();
    let broken = edit(&builtin);
    assert_ne!(builtin, broken, "the edit changes {rel}");
    let path = dir.join("templates").join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, &broken).unwrap();
    broken
}

/// Runs the binary in `dir` with `TMPDIR` set to `temp`.
fn run_with_temp(dir: &Path, temp: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_statusrapport"))
        .args(args)
        .current_dir(dir)
        .env("TMPDIR", temp)
        .output()
        .unwrap()
}

/// The `path:line` a short-form typst error about `what` points at, as printed.
fn typst_place(printed: &str, what: &str) -> (String, usize) {
    let line = printed
        .lines()
        .find(|l| l.contains(&format!(": error: {what}")))
        .unwrap_or_else(|| panic!("no typst error about {what}:\n{printed}"));
    let place = line.split(": error:").next().unwrap();
    let (file, line_col) = place.split_at(place.find(".typ:").unwrap() + 4);
    let line_no = line_col[1..].split(':').next().unwrap().parse().unwrap();
    (file.to_owned(), line_no)
}

#[test]
fn a_typst_error_points_at_the_generated_source_from_memory_or_as_kept() {
    let tmp = content_with(None);
    // An overriding deck template whose typst refers to nothing.
    override_template(tmp.path(), "deck.typ", |deck| {
        let import = "#import \"style.typ\": *\n";
        deck.replacen(import, &format!("{import}#nosuchthing\n"), 1)
    });
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("marker.txt"), b"before").unwrap();
    // The system's temporary folder is this test's own, and stays empty.
    let temp = tempfile::tempdir().unwrap();
    let args = [
        "build",
        "--diagnostic-format",
        "short",
        "--only",
        "status-2026-q2",
    ];

    let o = run_with_temp(tmp.path(), temp.path(), &args);
    assert_eq!(o.status.code(), Some(1));
    let printed = stderr(&o);
    let (file, line) = typst_place(&printed, "unknown variable: nosuchthing");
    assert_eq!(file, "<generated>/status-2026-q2/main.typ", "{printed}");
    assert!(line > 1, "{printed}");
    assert!(printed.contains("--keep-typst DIR"), "{printed}");
    let human = run_with_temp(
        tmp.path(),
        temp.path(),
        &["build", "--only", "status-2026-q2"],
    );
    let human = stderr(&human);
    assert!(
        human.contains("#nosuchthing"),
        "the line is shown from memory:\n{human}"
    );

    // Kept when asked for: the error points into the kept source, at the same line.
    let kept_args = [&args[..], &["--keep-typst", "kept"]].concat();
    let o = run_with_temp(tmp.path(), temp.path(), &kept_args);
    assert_eq!(o.status.code(), Some(1));
    let printed = stderr(&o);
    let (file, kept_line) = typst_place(&printed, "unknown variable: nosuchthing");
    assert_eq!(file, "kept/status-2026-q2/main.typ", "{printed}");
    assert_eq!(kept_line, line);
    let source = std::fs::read_to_string(tmp.path().join(&file)).unwrap();
    assert_eq!(source.lines().nth(line - 1), Some("#nosuchthing"));
    assert_eq!(
        snapshot(&out),
        vec![(std::path::PathBuf::from("marker.txt"), b"before".to_vec())]
    );
    assert_eq!(
        snapshot(temp.path()),
        Vec::new(),
        "the temporary folder stays empty"
    );
}

#[test]
fn a_typst_error_in_an_overriding_module_points_at_the_users_file() {
    let tmp = content_with(None);
    let broken = override_template(tmp.path(), "typst/style.typ", |style| {
        format!("{style}\n#let broken = nosuchthing\n")
    });
    let temp = tempfile::tempdir().unwrap();
    let o = run_with_temp(
        tmp.path(),
        temp.path(),
        &[
            "build",
            "--diagnostic-format",
            "short",
            "--only",
            "status-2026-q2",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let printed = stderr(&o);
    let (file, line) = typst_place(&printed, "unknown variable: nosuchthing");
    assert_eq!(file, "templates/typst/style.typ", "{printed}");
    assert_eq!(
        broken.lines().nth(line - 1),
        Some("#let broken = nosuchthing")
    );
    assert_eq!(snapshot(temp.path()), Vec::new());
}

#[test]
fn a_build_leaves_nothing_in_the_temporary_folder() {
    let tmp = content_with(None);
    let temp = tempfile::tempdir().unwrap();
    let o = run_with_temp(tmp.path(), temp.path(), &["build", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(tmp.path().join("out/manifest.json").is_file());
    assert_eq!(snapshot(temp.path()), Vec::new());
    let entries = std::fs::read_dir(temp.path()).unwrap().count();
    assert_eq!(entries, 0, "no folder either");
}

#[test]
fn an_unreadable_manifest_is_a_warning_and_removes_nothing() {
    let tmp = content_with(None);
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("manifest.json"), "{ not json").unwrap();
    std::fs::write(out.join("status-2020-q1.pdf"), "an old output").unwrap();
    let o = run(
        tmp.path(),
        &["build", "--format", "html", "--diagnostic-format", "short"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let printed = stderr(&o);
    assert!(
        printed.contains("warning: failed to read the last build's manifest (not a manifest: "),
        "{printed}"
    );
    assert!(
        printed.contains("no file in the output folder is removed"),
        "{printed}"
    );
    assert!(out.join("status-2020-q1.pdf").is_file());
}

#[test]
fn a_broken_template_override_says_what_is_undefined() {
    let tmp = content_with(None);
    override_template(tmp.path(), "report.typ", |report| {
        report.replacen("{{ l.overall_status }}", "{{ l.no_such_label }}", 1)
    });
    let o = run(tmp.path(), &["build", "--only", "status-2026-q2"]);
    assert_eq!(o.status.code(), Some(1));
    let printed = stderr(&o);
    assert!(
        printed.contains("error: failed to render template templates/report.typ:"),
        "{printed}"
    );
    assert!(
        printed.contains("(`l.no_such_label` is undefined)"),
        "{printed}"
    );
}
