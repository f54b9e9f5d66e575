//! A house style without a compiler: a `templates/` folder beside the content overrides the
//! built-in templates file by file, `init-templates` writes them to start from, and a broken
//! override is reported at its file, line and column.

mod common;

use common::*;

/// A project with the bundled content and no templates folder.
fn project() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&root().join("content"), &tmp.path().join("content"));
    tmp
}

#[test]
fn an_overriding_template_changes_the_output_without_recompiling() {
    let tmp = project();
    let p = tmp.path();
    assert!(run(p, &["build", "--out", "plain"]).status.success());
    let o = run(p, &["init-templates"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(p.join("templates/typst/style.typ").is_file());
    assert!(p.join("templates/html/status.html").is_file());
    // The written templates are the built-in ones: the same bytes come out.
    assert!(run(p, &["build", "--out", "same"]).status.success());
    assert_eq!(
        std::fs::read(p.join("plain/status-2026-q2.pdf")).unwrap(),
        std::fs::read(p.join("same/status-2026-q2.pdf")).unwrap()
    );
    let page = p.join("templates/html/index.html");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replacen("<h1>", "<h1>Husstil: ", 1)).unwrap();
    assert!(run(p, &["build", "--out", "styled"]).status.success());
    let html = html_text(&p.join("styled/index.html"));
    assert!(html.contains("Husstil:"), "{html}");
    // An explicit folder wins over the one beside the content.
    assert!(
        run(p, &["build", "--out", "explicit", "--templates", "nowhere"])
            .status
            .success()
    );
    assert!(!html_text(&p.join("explicit/index.html")).contains("Husstil:"));
}

#[test]
fn a_broken_override_points_at_its_file_line_and_column_and_check_finds_it_too() {
    let tmp = project();
    let p = tmp.path();
    std::fs::create_dir_all(p.join("templates/html")).unwrap();
    std::fs::write(
        p.join("templates/html/base.html"),
        "<!doctype html>\n<p>{% if %}</p>\n",
    )
    .unwrap();
    for command in ["check", "build"] {
        let o = run(p, &[command]);
        assert_eq!(o.status.code(), Some(1), "{command}");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            stderr.contains("templates/html/base.html:2:"),
            "{command}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert!(!p.join("out").exists(), "nothing was written");
}
