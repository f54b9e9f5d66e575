//! Snapshots of the typst sources the real binary generates for the bundled content
//! (`build --keep-typst`), so a change in the generated sources shows in review.

mod common;

use common::*;

/// Builds the bundled content once, keeping the typst sources, and returns the temp folder.
fn kept() -> &'static tempfile::TempDir {
    use std::sync::OnceLock;
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let content = root().join("content");
        let out = tmp.path().join("out");
        let typst = tmp.path().join("typst");
        let o = run(
            tmp.path(),
            &[
                "build",
                "--content",
                content.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
                "--keep-typst",
                typst.to_str().unwrap(),
                "--force",
            ],
        );
        assert!(
            o.status.success(),
            "build failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        tmp
    })
}

/// The kept typst source of a document, with the temp folder and project root redacted.
fn source(id: &str) -> String {
    let tmp = kept();
    let path = tmp.path().join("typst").join(id).join("main.typ");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    text.replace(&tmp.path().display().to_string(), "[TMP]")
        .replace(&root().display().to_string(), "[ROOT]")
}

#[test]
fn deck_typst() {
    insta::assert_snapshot!("deck_typst", source("status-2026-q2"));
}

#[test]
fn report_typst() {
    insta::assert_snapshot!("report_typst", source("status-2026-q2-mal-1"));
}

#[test]
fn edition_typst() {
    insta::assert_snapshot!("edition_typst", source("indikatorer-2024"));
}
