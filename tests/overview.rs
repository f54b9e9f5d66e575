//! The overview, "Samlet status", and its history across quarters (issue 22), on the valid
//! base fixture with three quarters: 2025-Q4, 2026-Q1 and 2026-Q2. Every number below is
//! worked out by hand from the fixture, not read from the tool.
//!
//! Indicator 1.7 (percent; baseline 40 in 2023, t = 2023,5; target 60 in 2025, t = 2025,5)
//! gets a value of 42 for 2025-Q3 from an undated source (reported 30 September 2025, so
//! known by the end of 2025-Q4) and 61 for 2026-Q1 from the 2026-Q2 status's source (dated
//! 2026-Q2: reported 1 April 2026, so known only in 2026-Q2).
//! - End of 2025-Q4 and of 2026-Q1: latest 42 (t = 2025,625); r_obs = (42 ÷ 40)^(1 ÷ 2,125)
//!   − 1 = 0,0232, r_req = (60 ÷ 40)^(1 ÷ 2) − 1 = 0,2247, R = 0,103: insufficient.
//! - End of 2026-Q2: latest 61 ≥ 60: target reached. Changed since 2026-Q1: marked Δ.
//!   Change since the previous value: 61 − 42 = +19 percentage points.
//!
//! Sub-goal 1A: på plan (2025-Q4, new), på plan (2026-Q1, → uendret), forsinket (2026-Q2,
//! ↓ verre).

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// The valid base fixture with the three quarters described above.
fn three_quarters(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    let sources = content.join("sources.yaml");
    let mut text = std::fs::read_to_string(&sources).unwrap();
    text.push_str("  - id: udatert\n    title: Udatert kilde\n");
    std::fs::write(&sources, text).unwrap();
    edit(
        &content.join("indicators/1.7.yaml"),
        "      - period: 2026-Q1\n        value: 46\n",
        "      - period: 2025-Q3\n        value: 42\n        source: udatert\n      - period: 2026-Q1\n        value: 61\n",
    );
    let q2 = content.join("status/2026-q2.yaml");
    let text = std::fs::read_to_string(&q2).unwrap();
    let with_status = |level: &str| {
        text.replace(
            "      - initiative: 1A\n",
            &format!("      - initiative: 1A\n        status: {level}\n"),
        )
    };
    for (file, quarter, title) in [
        ("2025-q4.yaml", "2025-Q4", "Teststatus Q4 2025"),
        ("2026-q1.yaml", "2026-Q1", "Teststatus Q1 2026"),
    ] {
        let q = with_status("på plan")
            .replace("quarter: 2026-Q2", &format!("quarter: {quarter}"))
            .replace("Teststatus Q2 2026", title);
        std::fs::write(content.join("status").join(file), q).unwrap();
    }
    std::fs::write(&q2, with_status("forsinket")).unwrap();
    content
}

/// The overview's words, in the order a reader meets them.
const OVERVIEW: [&str; 9] = [
    "Samlet status",
    "Slik sto målene ved utgangen av 2. kvartal 2026.",
    "Utvalgte målinger: 1. Mål nådd: 1.",
    "Andel kommuner",
    "61 % (1. kvartal 2026)",
    "+19 prosentpoeng",
    "2025: 60 %",
    "◆ Mål nådd",
    "forsinket",
];

/// The history's cells, row by row, quarter by quarter.
const HISTORY: [&str; 4] = [
    "Måling eller delmål 4. kvartal 2025 1. kvartal 2026 2. kvartal 2026",
    "Andel kommuner ○ Utilstrekkelig fremgang ○ Utilstrekkelig fremgang ◆ Mål nådd Δ",
    "1A Digitale innbyggertjenester på plan på plan forsinket ↓ verre",
    "Δ markerer en vurdering som er endret siden kvartalet før",
];

#[test]
fn the_overview_and_its_history_give_the_hand_computed_classes_and_moves() {
    let tmp = tempfile::tempdir().unwrap();
    let content = three_quarters(tmp.path());
    let out = tmp.path().join("out");
    let o = build(tmp.path(), &content, &out);
    assert!(o.status.success(), "{}", stderr(&o));

    // The front page: the latest quarter's overview first, the documents after it.
    let index = html_text(&out.join("index.html"));
    let overview_at = index
        .find("Samlet status")
        .expect("overview on the front page");
    let documents_at = index.find("Teststatus Q2 2026").unwrap();
    assert!(overview_at < documents_at, "{index}");
    for expected in OVERVIEW.iter().chain(&HISTORY) {
        assert!(index.contains(expected), "`{expected}` missing:\n{index}");
    }
    // The sub-goal's movement and the sparkline's numbers, for screen readers.
    assert!(
        index.contains("↓ verre (forrige: på plan i 1. kvartal 2026)"),
        "{index}"
    );
    let html = norm(&std::fs::read_to_string(out.join("index.html")).unwrap());
    assert!(
        html.contains(
            "Utvikling for Andel kommuner: 42 % (3. kvartal 2025), 61 % (1. kvartal 2026)."
        ),
        "the sparkline's alt text"
    );
    assert!(html.contains("<th scope=\"col\">2. kvartal 2026</th>"));
    assert!(
        html.contains(
            "<caption>Mål 1: vurdering og status ved utgangen av hvert kvartal</caption>"
        )
    );

    // The deck: the overview right after the title page, the history before the scale.
    let pages = pdf_pages(&out.join("status-2026-q2.pdf"));
    let page2 = squash(&pages[1]);
    for expected in OVERVIEW {
        assert!(
            page2.contains(&squash(expected)),
            "`{expected}`:\n{}",
            pages[1]
        );
    }
    let history = pages
        .iter()
        .position(|p| p.contains("Vurderinger kvartal for kvartal"))
        .expect("the deck's history");
    assert!(
        pages[history + 1..]
            .iter()
            .all(|p| !p.contains("Oppsummering"))
    );
    for expected in HISTORY {
        assert!(
            squash(&pages[history]).contains(&squash(expected)),
            "`{expected}`:\n{}",
            pages[history]
        );
    }

    // The report: its goal's overview and history on its first page.
    let report = pdf_pages(&out.join("status-2026-q2-mal-1.pdf"));
    for expected in OVERVIEW.iter().chain(&HISTORY) {
        assert!(
            squash(&report[0]).contains(&squash(expected)),
            "`{expected}`:\n{}",
            report[0]
        );
    }

    // The first quarter has no earlier one: no history, and the sub-goal is new.
    let first = pdf_text(&out.join("status-2025-q4.pdf"));
    assert!(!first.contains("Vurderinger kvartal for kvartal"));
    assert!(squash(&first).contains(&squash("Utvalgte målinger: 1. Utilstrekkelig fremgang: 1.")));
    assert!(squash(&first).contains(&squash("på plan (ny)")), "{first}");
}

#[test]
fn a_selected_measure_without_a_figure_is_a_line_not_a_tile() {
    let dir = bundled_build();
    let deck = pdf_pages(&dir.join("out/status-2026-q2.pdf"));
    assert!(
        deck.iter()
            .all(|p| !p.contains("Ingen måling i kildene Måltall"))
    );
    let goal1 = deck
        .iter()
        .find(|p| p.contains("Oppsummering status mål 1"))
        .unwrap();
    assert!(
        goal1.contains("Uten måling ennå: Velferdsteknologi; Ønsker journal fra fastlegen"),
        "{goal1}"
    );
    // No page holds only such lines: every page with the line holds the goal's summary.
    for p in deck.iter().filter(|p| p.contains("Uten måling ennå")) {
        assert!(
            p.contains("Oppsummering status mål") || p.contains("Samlet status"),
            "{p}"
        );
    }
    // The report's method: no row for a measure without a class, one sentence naming it.
    let report = pdf_text(&dir.join("out/status-2026-q2-mal-1.pdf"));
    assert!(
        report.contains("Ingen av målingene har en vurdering ennå:"),
        "{report}"
    );
    assert!(!report.contains("Tallene bak hver vurdering"), "{report}");
}

#[test]
fn the_overview_is_in_nynorsk_and_english() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = build(
        tmp.path(),
        &root().join("tests/fixtures/languages/content"),
        &out,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut found = 0;
    for (path, heading) in [
        ("en/status-2026-q2.pdf", "Overall status"),
        ("nn/status-2026-q2.pdf", "Samla status"),
    ] {
        let p = out.join(path);
        if p.exists() {
            found += 1;
            let pages = pdf_pages(&p);
            assert!(pages[1].contains(heading), "{path}: {}", pages[1]);
        }
    }
    for (path, heading) in [
        ("en/index.html", "Overall status"),
        ("nn/index.html", "Samla status"),
    ] {
        let p = out.join(path);
        if p.exists() {
            found += 1;
            assert!(html_text(&p).contains(heading), "{path}");
        }
    }
    assert!(found >= 2, "no English or nynorsk overview built");
}
