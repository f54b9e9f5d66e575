//! Roadmap sub-goals' statuses per quarter: a level of the scale in each quarter's own file,
//! the movement since the previous quarter that gave one, and the scale with its definitions
//! printed in the reports; an unknown status word is refused where it stands.

mod common;

use std::path::Path;

use common::*;

/// The valid base fixture with a first quarter that says `på plan` for 1A, and the second
/// quarter saying `second` with a comment.
fn two_quarters(dir: &Path, second: &str) -> std::path::PathBuf {
    let content = dir.join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    let q2 = content.join("status/2026-q2.yaml");
    let text = std::fs::read_to_string(&q2).unwrap();
    let q1 = text
        .replace("quarter: 2026-Q2", "quarter: 2026-Q1")
        .replace("Teststatus Q2 2026", "Teststatus Q1 2026")
        .replace(
            "      - initiative: 1A\n",
            "      - initiative: 1A\n        status: på plan\n",
        );
    std::fs::write(content.join("status/2026-q1.yaml"), q1).unwrap();
    let q2_text = text.replace(
        "      - initiative: 1A\n",
        &format!(
            "      - initiative: 1A\n        status: {second}\n        comment: Leveransen er flyttet til høsten.\n"
        ),
    );
    std::fs::write(&q2, q2_text).unwrap();
    content
}

#[test]
fn a_status_that_moved_down_the_scale_says_so_with_the_previous_one_and_the_comment() {
    let tmp = tempfile::tempdir().unwrap();
    let content = two_quarters(tmp.path(), "forsinket");
    let out = tmp.path().join("out");
    let o = build(tmp.path(), &content, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let deck = pdf_text(&out.join("status-2026-q2.pdf"));
    for expected in [
        "forsinket (↓ verre; forrige: på plan i 1. kvartal 2026): Leveransen er flyttet til høsten.",
        "Statusskala for strategiske delmål",
        "Arbeidet ligger etter planen",
    ] {
        assert!(
            deck.contains(expected),
            "`{expected}` missing from:\n{deck}"
        );
    }
    let first = pdf_text(&out.join("status-2026-q1.pdf"));
    assert!(first.contains("på plan (ny)"), "{first}");
    let html = html_text(&out.join("status-2026-q2-mal-1/index.html"));
    assert!(
        html.contains("forsinket (↓ verre; forrige: på plan i 1. kvartal 2026)"),
        "{html}"
    );
    assert!(
        html.contains("Statusskala for strategiske delmål"),
        "{html}"
    );
}

#[test]
fn no_status_given_prints_no_scale() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    let out = tmp.path().join("out");
    assert!(build(tmp.path(), &content, &out).status.success());
    assert!(!pdf_text(&out.join("status-2026-q2.pdf")).contains("Statusskala"));
    assert!(!html_text(&out.join("status-2026-q2/index.html")).contains("Statusskala"));
}

#[test]
fn an_unknown_status_is_refused_at_its_place_with_the_scale_listed() {
    let tmp = tempfile::tempdir().unwrap();
    let content = two_quarters(tmp.path(), "litt sent");
    let o = run(
        tmp.path(),
        &["check", "--content", content.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("status/2026-q2.yaml:10:17")
            && stderr.contains(
                "unknown status `litt sent` (expected one of: fullført, på plan, risiko, forsinket, stoppet)"
            ),
        "{stderr}"
    );
}
