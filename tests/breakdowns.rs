//! Breakdowns as the documents show them, on the valid base fixture with the values of 1.6
//! broken down per health region (counts: stacked) and 1.7's per service (percentages: side
//! by side), from `tests/fixtures/breakdowns`.

mod common;

use std::path::Path;

use common::*;

fn built(dir: &Path) -> std::path::PathBuf {
    let content = dir.join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    copy_tree(&root().join("tests/fixtures/breakdowns"), &content);
    let out = dir.join("out");
    let o = build(dir, &content, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

#[test]
fn every_breakdown_is_drawn_told_and_tabled_in_pdf_and_html() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path());
    // Squashed: text extraction breaks `Midt-Norge` at its hyphen.
    let deck = squash(&pdf_text(&out.join("status-2026-q2.pdf")));
    let report = squash(&pdf_text(&out.join("status-2026-q2-mal-1.pdf")));
    for pdf in [&deck, &report] {
        for expected in [
            "Tallene bak figuren: Velferdsteknologi: fordeling",
            "Helse Midt-Norge 2022 17 500",
            "Tallene bak figuren: Andel kommuner: fordeling",
            "Hjemmetjenester 1. kvartal 2026 41 %",
        ] {
            assert!(
                pdf.contains(&squash(expected)),
                "`{expected}` missing from:\n{pdf}"
            );
        }
    }
    let status = std::fs::read_to_string(out.join("status-2026-q2/index.html")).unwrap();
    assert!(
        status.contains(
            "Diagram: Velferdsteknologi: fordeling. Delene er stablet i én søyle per periode. \
             2021: Helse Sør-Øst: 70\u{a0}000; Helse Vest: 25\u{a0}000; Helse Midt-Norge: \
             17\u{a0}000; Helse Nord: 12\u{a0}453."
        ),
        "{status}"
    );
    assert!(status.contains("Delene står side om side"), "{status}");
    let page = html_text(&out.join("indikator/1.6/index.html"));
    assert!(
        page.contains("Tallene bak figuren: Utbredelse av velferdsteknologi: fordeling"),
        "{page}"
    );
    assert!(page.contains("Helse Nord 2022 12 500"), "{page}");
}

#[test]
fn the_page_caption_stays_with_the_chart() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path());
    let html = html_text(&out.join("status-2026-q2/index.html"));
    assert!(html.contains("Per mars 2026"), "{html}");
    assert!(pdf_text(&out.join("status-2026-q2.pdf")).contains("Per mars 2026"));
}
