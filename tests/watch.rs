//! `watch` rebuilds after an edit to a status file and to an overriding template, prints what
//! changed and how long the build took, and survives a broken edit with the last good
//! outputs left in place; what it rebuilds warm is byte for byte what a fresh build writes.

mod common;

use std::path::Path;

use common::*;

/// Starts `watch` in `dir`, writing into its `out/`.
fn watching(dir: &Path) -> Running {
    Running::start(dir, &["watch", "--out", "out"])
}

#[test]
fn watch_rebuilds_on_edits_and_survives_a_broken_one() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    copy_tree(&root().join("content"), &p.join("content"));
    std::fs::create_dir_all(p.join("templates/html")).unwrap();
    let index = p.join("templates/html/index.html");
    std::fs::copy(root().join("templates/html/index.html"), &index).unwrap();
    let mut w = watching(p);
    w.expect("built:");
    let deck = p.join("out/status-2026-q2/index.html");
    assert!(deck.is_file());

    let status = p.join("content/status/2026-q2.yaml");
    edit(&status, "Q2 2026", "Q2 2026 (redigert)");
    let seen = w.expect("built:");
    assert!(seen.iter().any(|l| l.contains("2026-q2.yaml")), "{seen:?}");
    assert!(seen.last().unwrap().contains(" ms"), "{seen:?}");
    assert!(html_text(&deck).contains("Q2 2026 (redigert)"));

    edit(&index, "<h1>", "<h1>Husstil: ");
    w.expect("built:");
    assert!(html_text(&p.join("out/index.html")).contains("Husstil:"));

    let good = std::fs::read(&deck).unwrap();
    std::fs::write(&status, "quarter: [broken\n").unwrap();
    let seen = w.expect("build failed");
    assert!(seen.iter().any(|l| l.contains("2026-q2.yaml")), "{seen:?}");
    assert!(w.alive(), "watch goes on after a broken edit");
    assert_eq!(
        std::fs::read(&deck).unwrap(),
        good,
        "the last good output stays"
    );
}

#[test]
fn a_warm_rebuild_writes_the_bytes_of_a_fresh_build() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    copy_tree(&root().join("content"), &p.join("content"));
    let mut w = watching(p);
    w.expect("built:");
    // The second edit recompiles the quarter's documents from the first edit's sources and
    // typst's memoised work on them.
    let status = p.join("content/status/2026-q2.yaml");
    edit(&status, "gjennomgående god", "gjennomgående svært god");
    w.expect("built:");
    edit(&status, "svært god", "meget god");
    let seen = w.expect("built:");
    assert!(seen.last().unwrap().contains(" rebuilt"), "{seen:?}");
    drop(w);
    let fresh = run(p, &["build", "--force", "--out", "fresh"]);
    assert!(fresh.status.success(), "{}", stderr(&fresh));
    let (warm, fresh) = (snapshot(&p.join("out")), snapshot(&p.join("fresh")));
    assert!(
        warm.iter()
            .any(|(path, _)| path.ends_with("status-2026-q2.pdf"))
    );
    assert_eq!(
        warm.iter().map(|(path, _)| path).collect::<Vec<_>>(),
        fresh.iter().map(|(path, _)| path).collect::<Vec<_>>()
    );
    for ((path, a), (_, b)) in warm.iter().zip(&fresh) {
        assert!(a == b, "{} differs after a warm rebuild", path.display());
    }
    assert!(pdf_text(&p.join("out/status-2026-q2.pdf")).contains("meget god"));
}
