//! The roadmap (issue 21): the fixture `tests/fixtures/roadmap` has two goals, three sub-goals
//! (1A and 5A with deliveries, 1B with no dates) and three quarters of reports. Indicators 5.2
//! and 5.3 are computed from it; every share below is counted by hand from the fixture's
//! files, with the rule's default (more than one quarter late, or stopped):
//!
//! | quarter | utvikling counted | delayed | share | innføring counted | delayed | share |
//! | --- | --- | --- | --- | --- | --- | --- |
//! | 2026-Q1 | D2, E1, E2 (D1 done 2025-Q4) | E1 (expected 2026-Q3, +2) | 1/3 | D3 | – | 0/1 |
//! | 2026-Q2 | D2, E1, E2 | E1 (+3), E2 (stoppet) | 2/3 | D3, E3 | – | 0/2 |
//! | 2026-Q3 | D2 (done 2026-Q3, +1), E1, E2 | E1 (+4), E2 (stoppet) | 2/3 | D3, D4, E3 | D3 (+2) | 1/3 |

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// The fixture built once into `dir/out`.
fn built(dir: &Path) -> PathBuf {
    let content = root().join("tests/fixtures/roadmap/content");
    let out = dir.join("out");
    let o = build(dir, &content, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// The measured values of an indicator's `data.csv`, by period.
fn measured(out: &Path, id: &str) -> Vec<(String, f64)> {
    let csv = std::fs::read_to_string(out.join(format!("indikator/{id}/data.csv"))).unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let header = rows.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (kind, period, value) = (col("type"), col("periode"), col("verdi"));
    rows.records()
        .map(|r| r.unwrap())
        .filter(|r| &r[kind] == "malt")
        .map(|r| (r[period].to_owned(), r[value].parse().unwrap()))
        .collect()
}

fn assert_shares(got: &[(String, f64)], want: &[(&str, f64)]) {
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((gp, gv), (wp, wv)) in got.iter().zip(want) {
        assert_eq!(gp, wp);
        assert!((gv - wv).abs() < 1e-9, "{gp}: {gv} (expected {wv})");
    }
}

#[test]
fn indicators_5_2_and_5_3_are_the_hand_counted_shares() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path());
    let third = 100.0 / 3.0;
    assert_shares(
        &measured(&out, "5.2"),
        &[
            ("2026-Q1", third),
            ("2026-Q2", 2.0 * third),
            ("2026-Q3", 2.0 * third),
        ],
    );
    assert_shares(
        &measured(&out, "5.3"),
        &[("2026-Q1", 0.0), ("2026-Q2", 0.0), ("2026-Q3", third)],
    );

    // The indicator's page shows the computation, quarter by quarter, and the rule.
    let page = html_text(&out.join("indikator/5.2/index.html"));
    for expected in [
        "3. kvartal 2026: 2 av 3 leveranser i utvikling betydelig forsinket (66,7 %). Forsinket: 5A E1 Forskrift på høring (+4 kv.); 5A E2 Tekniske krav (✕ stoppet).",
        "1. kvartal 2026: 1 av 3 leveranser i utvikling betydelig forsinket (33,3 %). Forsinket: 5A E1 Forskrift på høring (+2 kv.).",
        "mer enn 1 kvartal etter første planlagte slutt, eller når statusen er ✕ stoppet",
    ] {
        assert!(page.contains(expected), "missing {expected:?} in {page}");
    }
    let page = html_text(&out.join("indikator/5.3/index.html"));
    assert!(
        page.contains("3. kvartal 2026: 1 av 3 leveranser i innføring betydelig forsinket (33,3 %). Forsinket: 1A D3 Innføring hos fastlegene (+2 kv.)."),
        "{page}"
    );
    // Lower is better: 0 % against a target of 10 % is reached, 33,3 % then goes wrong.
    let deck = html_text(&out.join("status-2026-q3/index.html"));
    assert!(deck.contains("Mål nådd → Går i feil retning"), "{deck}");
}

#[test]
fn the_timeline_is_in_the_deck_the_report_and_the_web_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path());
    let deck = pdf_pages(&out.join("status-2026-q3.pdf"));
    let page = deck
        .iter()
        .find(|p| p.starts_with("Veikart mål 1"))
        .unwrap_or_else(|| panic!("no page headed Veikart mål 1: {deck:#?}"));
    for expected in [
        "1A Digitale innbyggertjenester",
        "K1 2025–K4 2027",
        "▲ risiko (→ uendret)",
        "D1 Innsyn for foreldre utvikling K1 2025–K4 2025 ✓ fullført ferdig K4 2025",
        "ferdig K3 2026 (+1 kv.)",
        "D3 Innføring hos fastlegene innføring K1 2026–K4 2026 ■ forsinket forventet K2 2027 (+2 kv.)",
        "Uten datoer i kildene (vises uten stolpe): 1B Innsiktsarbeid om digitalt utenforskap.",
    ] {
        assert!(page.contains(expected), "missing {expected:?} in {page}");
    }
    // The sub-goal's own slip, and the roadmap's page comes right after the goal's summary.
    let five = deck
        .iter()
        .position(|p| p.starts_with("Veikart mål 5"))
        .unwrap();
    assert!(
        deck[five].contains("forventet K2 2028 (+2 kv.)"),
        "{}",
        deck[five]
    );
    assert!(
        deck[five - 1].contains("Oppsummering status mål 5"),
        "{}",
        deck[five - 1]
    );
    // The first quarter's roadmap has no slip for D3 yet.
    let first = pdf_text(&out.join("status-2026-q1.pdf"));
    assert!(first.contains("Veikart mål 1"), "{first}");
    assert!(!first.contains("forventet K2 2027"), "{first}");

    let report = pdf_text(&out.join("status-2026-q3-mal-5.pdf"));
    assert!(report.contains("Veikart mål 5"), "{report}");
    assert!(
        report.contains("E2 Tekniske krav utvikling K1 2026–K3 2026 ✕ stoppet"),
        "{report}"
    );

    // The web page: a table with a caption, header cells with scope, the words in the cells.
    let html = std::fs::read_to_string(out.join("status-2026-q3/index.html")).unwrap();
    let table = &html[html.find("<table class=\"timeline\">").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    assert!(table.contains("<caption>Delmål og leveranser i veikartet med planlagt periode, status og forventet slutt per 3. kvartal 2026.</caption>"), "{table}");
    assert!(
        table.contains("<th scope=\"row\"><a href=\"..&#x2f;delmal&#x2f;1A&#x2f;index.html\">1A Digitale innbyggertjenester</a></th>"),
        "{table}"
    );
    assert!(
        table.contains("<th scope=\"colgroup\" colspan=\"4\" class=\"year\">2026</th>"),
        "{table}"
    );
    assert_eq!(
        table.matches("<th ").count() + table.matches("<th>").count(),
        table.matches("<th scope=").count(),
        "every header cell has a scope: {table}"
    );
    assert!(
        table.contains("<td data-label=\"Slutt\">forventet K2 2027 (+2 kv.)</td>"),
        "{table}"
    );
}

#[test]
fn new_quarter_carries_the_roadmap_forward_without_its_comments() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    copy_tree(
        &root().join("tests/fixtures/roadmap/content"),
        &dir.join("content"),
    );
    let o = run(dir, &["new-quarter", "2026-Q4"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(dir.join("content/status/2026-q4.yaml")).unwrap();
    let roadmap = &text[text.find("\nroadmap:\n").expect("a roadmap section")..];
    for expected in [
        "  - sub_goal: \"5A\"\n    status: \"forsinket\" # as last quarter: check\n    expected_end: \"2028-Q2\"\n",
        "      - id: \"E1\"\n        status: \"forsinket\" # as last quarter: check\n        expected_end: \"2027-Q1\"\n",
        "      - id: \"D2\"\n        status: \"fullført\" # as last quarter: check\n        actual_end: \"2026-Q3\"\n",
    ] {
        assert!(
            roadmap.contains(expected),
            "missing {expected:?} in\n{roadmap}"
        );
    }
    assert!(!roadmap.contains("comment"), "{roadmap}");
    // It checks, and the new quarter counts from the carried-forward ends.
    let o = run(dir, &["check", "--content", "content"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn the_site_has_a_roadmap_page_with_every_sub_goals_status_history() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path());
    let front = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        front.contains("<a href=\"veikart&#x2f;index.html\">"),
        "{front}"
    );
    let html = std::fs::read_to_string(out.join("veikart/index.html")).unwrap();
    // Both goals' timelines as of the latest quarter.
    assert!(
        html.contains("<h2 id=\"mal-1-veikart\">Veikart mål 1</h2>"),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=\"mal-5-veikart\">Veikart mål 5</h2>"),
        "{html}"
    );
    // The history, counted by hand from the three status files: 1A på plan, risiko, risiko;
    // 5A risiko, forsinket, forsinket; a move down the scale marked where it happened.
    let table = &html[html.find("<table class=\"history\">").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    for row in [
        "<tr><th scope=\"row\"><a href=\"..&#x2f;delmal&#x2f;1A&#x2f;index.html\">1A Digitale innbyggertjenester</a></th><td>● på plan</td><td class=\"moved\">▲ risiko <strong>↓ verre</strong></td><td>▲ risiko</td></tr>",
        "<tr><th scope=\"row\"><a href=\"..&#x2f;delmal&#x2f;5A&#x2f;index.html\">5A Felles regelverk for deling av helsedata</a></th><td>▲ risiko</td><td class=\"moved\">■ forsinket <strong>↓ verre</strong></td><td>■ forsinket</td></tr>",
    ] {
        assert!(table.contains(row), "missing {row:?} in {table}");
    }
    assert!(table.contains("<th scope=\"col\">1. kvartal 2026</th><th scope=\"col\">2. kvartal 2026</th><th scope=\"col\">3. kvartal 2026</th>"), "{table}");
    // 1B never had a status: no row.
    assert!(!table.contains("1B"), "{table}");
}

#[test]
fn a_sub_goal_has_a_page_with_its_plan_and_every_quarters_report() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path());
    let page = html_text(&out.join("delmal/5A/index.html"));
    for expected in [
        "Delmål 5A i veikartet · Mål 5: Samarbeid og virkemidler",
        "Planlagt K2 2025–K4 2027",
        "E1 Forskrift på høring utvikling K2 2025–K1 2026",
        // Newest first: the third quarter's report with its comment and new end.
        "3. kvartal 2026 Delmål og leveranse Status Slutt Kommentar 5A ■ forsinket (→ uendret) forventet K2 2028 Ny plan etter EU-vedtaket.",
        "E2 Tekniske krav ✕ stoppet Venter på avklaring i EU.",
        "1. kvartal 2026 Delmål og leveranse Status Slutt Kommentar 5A ▲ risiko (ny) Høringen trekker ut.",
    ] {
        assert!(page.contains(expected), "missing {expected:?} in {page}");
    }
    let third = page.find("3. kvartal 2026").unwrap();
    assert!(third < page.find("1. kvartal 2026").unwrap(), "{page}");
    // A sub-goal without dates or reports says so.
    let page = html_text(&out.join("delmal/1B/index.html"));
    assert!(page.contains("Planlagt ingen datoer i kildene"), "{page}");
    assert!(
        page.contains("Ingen kvartal har rapportert status for dette delmålet ennå."),
        "{page}"
    );
}

/// The fixture with two versions of the roadmap: the three quarters follow the latest, `2026`
/// (every file as it is), and a quarter before them, 2025-Q4, follows `2024`, whose 5A is
/// another sub-goal than the 2026 roadmap's 5A (one code, two sub-goals). Its one delivery, F1
/// (utvikling, 2025-Q1 to 2025-Q4), is reported expected in 2026-Q2: two quarters late, so
/// 5.2 in 2025-Q4 is 1 of 1 (100 %). Were the versions merged, 2026's D1, D2 and E1, under way
/// in 2025-Q4 and not late, would be counted too: 1 of 4.
fn versioned(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    copy_tree(&root().join("tests/fixtures/roadmap/content"), &content);
    let add = |path: &str, text: &str| {
        let path = content.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::write(&path, old + text).unwrap();
    };
    add(
        "strategy.yaml",
        "roadmaps:\n  - id: \"2024\"\n    name: Testplan 2024\n    source: plan\n  - id: \"2026\"\n    name: Testveikart 2026\n",
    );
    add(
        "sources.yaml",
        "  - id: status-2025-q4\n    title: Teststatus Q4 2025\n    date: 2025-Q4\n",
    );
    add(
        "initiatives/2024/5A.yaml",
        "id: 5A\nroadmap_version: \"2024\"\ngoal: 5\ntitle: Gammel plan for helsedata\nplanned:\n  end: 2025\ndeliveries:\n  - id: F1\n    title: Utredning\n    phase: utvikling\n    start: 2025-Q1\n    end: 2025-Q4\nsource: plan\n",
    );
    add(
        "status/2025-q4.yaml",
        "quarter: 2025-Q4\ntitle: Teststatus Q4 2025\nsource: status-2025-q4\nroadmap_version: \"2024\"\ngoals:\n  - goal: 5\n    overall:\n      - Den gamle planen.\n    selected:\n      - initiative: 5A\nroadmap:\n  - sub_goal: 5A\n    status: forsinket\n    deliveries:\n      - id: F1\n        status: forsinket\n        expected_end: 2026-Q2\n",
    );
    let out = dir.join("out");
    let o = build(dir, &content, &out);
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

#[test]
fn sub_goals_of_two_versions_of_the_roadmap_are_kept_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let out = versioned(tmp.path());
    let third = 100.0 / 3.0;
    // 2025-Q4 counts only the 2024 roadmap's F1; the later quarters are as without versions.
    assert_shares(
        &measured(&out, "5.2"),
        &[
            ("2025-Q4", 100.0),
            ("2026-Q1", third),
            ("2026-Q2", 2.0 * third),
            ("2026-Q3", 2.0 * third),
        ],
    );

    // Two pages for the two 5As, each saying which version it belongs to.
    let old = html_text(&out.join("delmal/2024-5A/index.html"));
    assert!(old.contains("Delmål 5A i Testplan 2024"), "{old}");
    assert!(old.contains("5A Gammel plan for helsedata"), "{old}");
    assert!(old.contains("innen K4 2025"), "{old}");
    assert!(old.contains("forventet K2 2026"), "{old}");
    let new = html_text(&out.join("delmal/2026-5A/index.html"));
    assert!(new.contains("Delmål 5A i Testveikart 2026"), "{new}");
    assert!(
        new.contains("5A Felles regelverk for deling av helsedata"),
        "{new}"
    );
    assert!(!new.contains("Gammel plan"), "{new}");
    assert!(
        !new.contains("4. kvartal 2025"),
        "2025-Q4 reported on the other 5A: {new}"
    );

    // The 2025-Q4 status selects the 5A of the version it follows.
    let q4 = html_text(&out.join("status-2025-q4/index.html"));
    assert!(q4.contains("5A Gammel plan for helsedata"), "{q4}");
    assert!(!q4.contains("Felles regelverk"), "{q4}");

    // The roadmap page: the current version first, the earlier one as of its last quarter,
    // and the history naming the earlier 5A's version.
    let page = html_text(&out.join("veikart/index.html"));
    let current = page
        .find("Gjeldende versjon: Testveikart 2026")
        .expect("current");
    let earlier = page
        .find("Tidligere versjon: Testplan 2024")
        .expect("earlier");
    assert!(current < earlier);
    assert!(
        page[earlier..].contains("per 4. kvartal 2025"),
        "{}",
        &page[earlier..]
    );
    assert!(
        page.contains("5A Gammel plan for helsedata (Testplan 2024)"),
        "{page}"
    );

    // `list` names both, each with its version.
    let o = run(tmp.path(), &["list", "--content", "content"]);
    let listed = String::from_utf8_lossy(&o.stdout);
    assert!(listed.contains("2024/5A "), "{listed}");
    assert!(listed.contains("2026/5A "), "{listed}");
}

/// The number of header cells a PDF's structure tree tags as heading their row: attribute
/// dictionaries `/Scope /Row`, wherever they are nested.
fn row_headers(path: &Path) -> usize {
    use pdf_extract::{Document, Object};
    fn count(o: &Object) -> usize {
        match o {
            Object::Dictionary(d) => d
                .iter()
                .map(|(k, v)| {
                    usize::from(k == b"Scope" && matches!(v, Object::Name(n) if n == b"Row"))
                        + count(v)
                })
                .sum(),
            Object::Array(a) => a.iter().map(count).sum(),
            _ => 0,
        }
    }
    let doc = Document::load(path).unwrap();
    doc.objects.values().map(count).sum()
}

#[test]
fn the_pdf_tags_each_timeline_row_by_its_first_cell() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path());
    // Goal 1's report in 2026-Q3: the timeline's five rows (1A and D1–D4) at least, besides
    // the overview's rows; each a header cell of its row, as the HTML's `scope="row"`.
    let rows = row_headers(&out.join("status-2026-q3-mal-1.pdf"));
    assert!(rows >= 5, "{rows} row headers");
}

#[test]
fn the_bundled_content_keeps_the_2023_plan_apart_from_the_2026_roadmap() {
    let out = bundled_build().join("out");
    // Every initiative of Plan for realisering 2023 has its page, in its version.
    for id in [
        "1.A", "1.B", "1.C", "1.D", "2.A", "2.B", "3.A", "3.B", "3.C", "4.A", "4.B", "4.C", "4.D",
        "5.A", "5.B", "5.C", "5.D", "5.E",
    ] {
        let page = out.join(format!("delmal/2023-{id}/index.html"));
        assert!(page.exists(), "{}", page.display());
    }
    // The plan's 5.B (EHDS) and the 2026 roadmap's 5A are two sub-goals, each naming its
    // version; no quarter's status has followed the plan's version.
    let old = html_text(&out.join("delmal/2023-5.B/index.html"));
    assert!(
        old.contains("Delmål 5.B i Plan for realisering 2023"),
        "{old}"
    );
    assert!(
        old.contains("Ingen kvartalsstatus har fulgt denne versjonen av veikartet"),
        "{old}"
    );
    let new = html_text(&out.join("delmal/2026-5A/index.html"));
    assert!(new.contains("Delmål 5A i Veikartet 2026"), "{new}");
    assert!(new.contains("K1 2025–K1 2027"), "the EHDS period: {new}");
    // 5.A's one date, "gjennomføring innen 2024": an end without a start.
    let by = html_text(&out.join("delmal/2023-5.A/index.html"));
    assert!(by.contains("innen K4 2024"), "{by}");
    let roadmap = html_text(&out.join("veikart/index.html"));
    let current = roadmap
        .find("Gjeldende versjon: Veikartet 2026")
        .expect("current");
    let earlier = roadmap
        .find("Tidligere versjon: Plan for realisering 2023")
        .expect("earlier");
    assert!(current < earlier);
}
