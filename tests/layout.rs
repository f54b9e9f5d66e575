//! Layout a reader can trust, on awkward content (`tests/fixtures/awkward` over
//! `valid-base`): empty sections print nothing, a long list continues under its headings, an
//! indicator's heading stays with its chart, no page of the bundled reports holds only a
//! fragment, and the PDFs say who publishes them.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Builds the awkward fixture once per test binary and returns its `out/`.
fn awkward_build() -> &'static Path {
    use std::sync::OnceLock;
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("layout-awkward");
        let _ = std::fs::remove_dir_all(&dir);
        let content = dir.join("content");
        copy_tree(&root().join("tests/fixtures/valid-base"), &content);
        copy_tree(&root().join("tests/fixtures/awkward"), &content);
        let out = dir.join("out");
        let o = build(&dir, &content, &out);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        out
    })
}

/// The pages of a PDF, squashed (no white space or hyphens) so that words typst broke over
/// lines still match.
fn squashed_pages(path: &Path) -> Vec<String> {
    pdf_pages(path).iter().map(|p| squash(p)).collect()
}

const EMPTY_IN_GOAL_1: [&str; 3] = [
    "Positive hendelser",
    "Utfordringer",
    "Viktige strategiske spørsmål",
];

#[test]
fn an_empty_section_prints_no_heading() {
    let out = awkward_build();
    let report = squash(&pdf_text(&out.join("status-2026-q2-mal-1.pdf")));
    let html = html_text(&out.join("status-2026-q2-mal-1/index.html"));
    assert!(report.contains(&squash("Overordnet status")));
    for heading in EMPTY_IN_GOAL_1 {
        assert!(
            !report.contains(&squash(heading)),
            "{heading} in the report"
        );
        assert!(!html.contains(heading), "{heading} in the web page");
    }
    let deck = squashed_pages(&out.join("status-2026-q2.pdf"));
    let summary = deck
        .iter()
        .find(|p| p.contains(&squash("Oppsummering status mål 1")))
        .expect("goal 1 has a summary page");
    for heading in EMPTY_IN_GOAL_1 {
        assert!(!summary.contains(&squash(heading)), "{heading} in the deck");
    }
}

#[test]
fn nine_questions_each_stand_under_their_heading() {
    let out = awkward_build();
    let deck = squashed_pages(&out.join("status-2026-q2.pdf"));
    let title = squash("Oppsummering status mål 2");
    let heading = squash("Viktige strategiske spørsmål");
    for i in 1..=9 {
        let mark = format!("(sp{i}x)");
        let page = deck
            .iter()
            .find(|p| p.contains(&mark))
            .unwrap_or_else(|| panic!("question {i} missing"));
        assert!(page.contains(&title), "question {i} without the page title");
        assert!(page.contains(&heading), "question {i} without its heading");
    }
    let continued = deck
        .iter()
        .filter(|p| p.contains(&format!("{title}(forts.)")))
        .count();
    assert!(
        continued >= 1,
        "nine long questions should need a second page"
    );
}

#[test]
fn a_long_indicator_page_keeps_its_heading_with_its_chart() {
    let out = awkward_build();
    let report = squashed_pages(&out.join("status-2026-q2-mal-1.pdf"));
    for n in 1..=3 {
        let heading = squash(&format!("Lang indikatorside {n}"));
        let caption = squash(&format!("Figurtekst for side {n}"));
        let page = report
            .iter()
            .position(|p| p.contains(&heading))
            .unwrap_or_else(|| panic!("page {n} missing"));
        assert!(
            report[page].contains(&caption),
            "heading {n} on page {} but its chart elsewhere",
            page + 1
        );
    }
}

#[test]
fn the_pdfs_say_who_publishes_them() {
    let out = awkward_build();
    let bytes = std::fs::read(out.join("status-2026-q2.pdf")).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("Testutgiveren for kvartalet"));
    assert!(
        text.contains("<pdfaid:part>2</pdfaid:part>"),
        "no PDF/A-2 id"
    );
    assert!(text.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
    assert!(
        text.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "no PDF/UA-1 id"
    );
}

/// Characters of text below which a page is a fragment: its footer alone has about 60, and
/// five lines of a report's text about 450.
const FRAGMENT: usize = 400;

#[test]
fn no_page_of_a_report_or_an_edition_holds_only_a_fragment() {
    let out = bundled_build().join("out");
    let mut checked = Vec::new();
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // An edition's first page is its cover.
        let cover = match name.strip_suffix(".pdf") {
            Some(n) if n.starts_with("indikatorer-") => 1,
            Some(n) if n.contains("-mal-") => 0,
            _ => continue,
        };
        for (i, page) in pdf_pages(&path).iter().enumerate().skip(cover) {
            assert!(
                page.chars().count() > FRAGMENT,
                "page {} of {name} holds only: {page}",
                i + 1
            );
        }
        checked.push(name);
    }
    assert_eq!(
        checked.len(),
        7,
        "five reports and two editions: {checked:?}"
    );
}

/// The valid base fixture with a first quarter before its 2026-Q2 and `per_goal` copies of
/// indicator 1.7 in each of its two goals, each with a value new in 2026-Q2: that many
/// changes per goal in the deck of 2026-Q2.
fn many_changes(dir: &Path, per_goal: usize) -> PathBuf {
    let content = dir.join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    let q2 = std::fs::read_to_string(content.join("status/2026-q2.yaml")).unwrap();
    let q1 = q2
        .replace("quarter: 2026-Q2", "quarter: 2026-Q1")
        .replace("Teststatus Q2 2026", "Teststatus Q1 2026");
    std::fs::write(content.join("status/2026-q1.yaml"), q1).unwrap();
    let template = std::fs::read_to_string(content.join("indicators/1.7.yaml")).unwrap();
    for goal in [1, 2] {
        for k in 1..=per_goal {
            let id = format!("{goal}.7.{k}");
            let text = template
                .replace("id: \"1.7\"", &format!("id: \"{id}\""))
                .replace("goal: 1", &format!("goal: {goal}"))
                .replace(
                    "name: Andel kommuner",
                    &format!("name: Andel kommuner nr. {k}"),
                );
            std::fs::write(content.join(format!("indicators/{id}.yaml")), text).unwrap();
        }
    }
    content
}

#[test]
fn three_hundred_changes_read_as_a_table_of_a_few_pages_under_repeated_headings() {
    let tmp = tempfile::tempdir().unwrap();
    let content = many_changes(tmp.path(), 150);
    let out = tmp.path().join("out");
    let only = ["--only", "status-2026-q2", "--format", "pdf"];
    let o = build_with(tmp.path(), &content, &out, &only);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let deck = squashed_pages(&out.join("status-2026-q2.pdf"));
    let header = squash("Måling Ny måling Endring siden forrige måling Vurdering");
    let pages: Vec<&String> = deck.iter().filter(|p| p.contains(&header)).collect();
    // 301 rows (300 copies and 1.7 itself) and two goal rows, about 30 rows a page.
    assert!(
        (3..=12).contains(&pages.len()),
        "the table of changes spans {} pages",
        pages.len()
    );
    for k in [1, 75, 150] {
        let row = squash(&format!("Andel kommuner nr. {k} 46 % (1. kvartal 2026)"));
        let rows = pages.iter().filter(|p| p.contains(&row)).count();
        assert!(rows >= 1, "row {k} is not in the table");
    }
    for (i, page) in pages.iter().enumerate().skip(1) {
        assert!(
            page.contains(&squash("Nye målinger (forts.)")),
            "page {} of the table does not say it continues",
            i + 1
        );
        assert!(
            page.contains(&squash("Mål 1:")) || page.contains(&squash("Mål 2:")),
            "page {} of the table does not name its goal",
            i + 1
        );
    }
    assert!(
        !pages[0].contains(&squash("(forts.)")),
        "the table's first page says it continues"
    );
}
