//! Progress as the documents print it: the tiles of a goal's selected indicators, the
//! changes since the previous quarter, and the method appendix with the numbers behind each
//! class, on two quarters of the valid base fixture.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// The valid base fixture with a first quarter, 2026-Q1, before the fixture's 2026-Q2. Its
/// one value (1.7: 46 % for 2026-Q1, from the 2026-Q2 status) is reported on 1 April 2026,
/// so it is new in 2026-Q2; sub-goal 1A goes from `på plan` to `forsinket`.
fn two_quarters(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    let q2 = content.join("status/2026-q2.yaml");
    let text = std::fs::read_to_string(&q2).unwrap();
    let with_status = |level: &str| {
        text.replace(
            "      - initiative: 1A\n",
            &format!("      - initiative: 1A\n        status: {level}\n"),
        )
    };
    let q1 = with_status("på plan")
        .replace("quarter: 2026-Q2", "quarter: 2026-Q1")
        .replace("Teststatus Q2 2026", "Teststatus Q1 2026");
    std::fs::write(content.join("status/2026-q1.yaml"), q1).unwrap();
    std::fs::write(&q2, with_status("forsinket")).unwrap();
    content
}

#[test]
fn the_second_quarter_lists_new_values_changed_classes_and_moved_statuses() {
    let tmp = tempfile::tempdir().unwrap();
    let content = two_quarters(tmp.path());
    let out = tmp.path().join("out");
    let o = build(tmp.path(), &content, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = html_text(&out.join("status-2026-q2/index.html"));
    // r_obs = (46 ÷ 40)^(1 ÷ (2026,125 − 2023,5)) − 1 = 0,0547; r_req = (60 ÷ 40)^(1 ÷ 2) − 1
    // = 0,2247; R = 0,243: insufficient.
    for expected in [
        "Endringer siden forrige kvartal",
        "Sammenlignet med 1. kvartal 2026.",
        "Nye målinger",
        // The table of changes: measure, new value, change, class before → now.
        "Måling Ny måling Endring siden forrige måling Vurdering",
        "Andel kommuner 46 % (1. kvartal 2026) ingen tidligere måling Ingen vurdering → Utilstrekkelig fremgang",
        "Delmål med endret status",
        "Delmål Status nå Forrige status",
        "forsinket (↓ verre) på plan i 1. kvartal 2026",
        "Siste tall for utvalgte indikatorer",
        "Endring siden forrige måling: ingen tidligere måling",
        "Måltall: 2025: 60 %",
        "r_obs = 0,0547; r_req = 0,2247; R = 0,243",
        "Metode: framdrift mot måltall",
    ] {
        assert!(
            norm(&html).contains(expected),
            "`{expected}` missing from:\n{html}"
        );
    }
    let deck = squash(&pdf_text(&out.join("status-2026-q2.pdf")));
    for expected in [
        "Endringer siden forrige kvartal",
        "Ny måling",
        "46 % (1. kvartal 2026)",
        "Ingen vurdering → Utilstrekkelig fremgang",
        "Delmål med endret status",
        "forsinket (↓ verre)",
        "Utilstrekkelig fremgang",
        // The method is in the reports and on the web page; the deck says so.
        "Metoden bak vurderingene er forklart i vedlegget til rapportene per mål og på nettsiden.",
    ] {
        assert!(
            deck.contains(&squash(expected)),
            "`{expected}` missing:\n{deck}"
        );
    }
    let report = squash(&pdf_text(&out.join("status-2026-q2-mal-1.pdf")));
    assert!(
        report.contains(&squash("Tallene bak hver vurdering")),
        "{report}"
    );
    let first = norm(&html_text(&out.join("status-2026-q1/index.html")));
    assert!(
        first.contains("Arkivet har ingen status fra et tidligere kvartal å sammenligne med"),
        "{first}"
    );
    assert!(!first.contains("Nye målinger"), "{first}");
    // At the end of 2026-Q1 the value was not yet reported: no class in that quarter's tile.
    assert!(
        first.contains("Ingen vurdering: ingen måling i kildene"),
        "{first}"
    );
}

#[test]
fn a_quarter_with_nothing_new_says_so_in_one_sentence() {
    let tmp = tempfile::tempdir().unwrap();
    let content = two_quarters(tmp.path());
    // A third quarter with the same status and no new value.
    let q2 = std::fs::read_to_string(content.join("status/2026-q2.yaml")).unwrap();
    let q3 = q2
        .replace("quarter: 2026-Q2", "quarter: 2026-Q3")
        .replace("Teststatus Q2 2026", "Teststatus Q3 2026");
    std::fs::write(content.join("status/2026-q3.yaml"), q3).unwrap();
    let out = tmp.path().join("out");
    let o = build(tmp.path(), &content, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = norm(&html_text(&out.join("status-2026-q3/index.html")));
    assert!(
        html.contains(
            "Ingen nye målinger, endrede vurderinger eller delmål med endret status siden 2. kvartal 2026."
        ),
        "{html}"
    );
    assert!(!html.contains("Nye målinger"), "{html}");
}

#[test]
fn an_indicator_page_prints_the_numbers_behind_its_class() {
    let tmp = tempfile::tempdir().unwrap();
    let content = two_quarters(tmp.path());
    let out = tmp.path().join("out");
    assert!(build(tmp.path(), &content, &out).status.success());
    let html = norm(&html_text(&out.join("indikator/1.7/index.html")));
    for expected in [
        "Slik er vurderingen regnet ut",
        "40 % (2023; t = 2023,5)",
        "46 % (1. kvartal 2026; t = 2026,125)",
        "60 % (2025; t = 2025,5)",
        "R = 0,243",
        "Utilstrekkelig fremgang",
    ] {
        assert!(html.contains(expected), "`{expected}` missing:\n{html}");
    }
}
