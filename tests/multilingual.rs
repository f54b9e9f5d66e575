//! Content in several languages, end to end through the binary: the fixture
//! `tests/fixtures/languages` (bokmål, nynorsk and English texts, one nynorsk text left out)
//! builds every output in each language, and the missing text is a warning, shown in bokmål
//! and marked as bokmål.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::*;

/// The fixture built once, with its typst sources kept: (folder, stderr of the build).
fn built() -> &'static (PathBuf, String) {
    static BUILT: OnceLock<(PathBuf, String)> = OnceLock::new();
    BUILT.get_or_init(|| {
        // Shared by the tests of this file, so it outlives each: a fixed folder in cargo's
        // scratch space for integration tests, made afresh on every run.
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("multilingual");
        if dir.exists() {
            std::fs::remove_dir_all(&dir).unwrap();
        }
        std::fs::create_dir_all(&dir).unwrap();
        copy_tree(&root().join("tests/fixtures/languages"), &dir);
        let out = run(
            &dir,
            &[
                "build",
                "--content",
                "content",
                "--out",
                "out",
                "--keep-typst",
                "typst",
                "--diagnostic-format",
                "short",
            ],
        );
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{stderr}");
        (dir, stderr)
    })
}

fn out(path: &str) -> PathBuf {
    built().0.join("out").join(path)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

#[test]
fn every_output_is_made_in_every_language_the_main_one_under_its_old_name() {
    for lang in ["", "nn/", "en/"] {
        for file in [
            "status-2026-q2.pdf",
            "status-2026-q2/index.html",
            "status-2026-q2-mal-1.pdf",
            "status-2026-q2-mal-1/index.html",
            "indikator/1.6/index.html",
            "indikator/1.6/data.csv",
            "index.html",
        ] {
            assert!(out(&format!("{lang}{file}")).is_file(), "{lang}{file}");
        }
    }
    assert!(!out("nb").exists(), "the main language keeps today's names");
    let manifest = read(&out("manifest.json"));
    for path in [
        "\"status-2026-q2.pdf\"",
        "\"nn/status-2026-q2.pdf\"",
        "\"en/index.html\"",
    ] {
        assert!(manifest.contains(path), "{path} not in the manifest");
    }
}

#[test]
fn the_nynorsk_deck_is_in_nynorsk() {
    let pdf = std::fs::read(out("nn/status-2026-q2.pdf")).unwrap();
    assert!(
        pdf.windows(9).any(|w| w == b"/Lang(nn-"),
        "the PDF's /Lang is nn"
    );
    let text = pdf_text(&out("nn/status-2026-q2.pdf"));
    assert!(text.contains("Overordna status"), "{text}");
    assert!(
        text.contains("God framdrift for innbyggjartenester"),
        "{text}"
    );
    assert!(!text.contains("Overordnet status"), "{text}");
    let typst = read(&built().0.join("typst/nn/status-2026-q2/main.typ"));
    assert!(
        typst.contains("lang: \"nn\""),
        "typst sets the text's language"
    );
}

#[test]
fn the_english_report_writes_numbers_and_quarters_in_english() {
    let text = pdf_text(&out("en/status-2026-q2-mal-1.pdf"));
    assert!(text.contains("124,453"), "{text}");
    assert!(text.contains("Q2 2026"), "{text}");
    assert!(!text.contains("124 453"), "{text}");
    let page = html_text(&out("en/indikator/1.6/index.html"));
    assert!(page.contains("Spread of welfare technology"), "{page}");
}

#[test]
fn a_missing_nynorsk_text_warns_and_is_shown_in_bokmal_marked_as_bokmal() {
    let stderr = &built().1;
    assert!(
        stderr.contains(
            "content/status/2026-q2.yaml:20:9: warning: text not written in `nn` (the `nn` outputs show it in `nb`)"
        ),
        "{stderr}"
    );
    let typst = read(&built().0.join("typst/nn/status-2026-q2/main.typ"));
    assert!(
        typst.contains("#text(lang: \"nb\", \"Innbyggers tilgang til journaldokumenter"),
        "the typst source marks the passage as bokmål"
    );
    let html = read(&out("nn/status-2026-q2/index.html"));
    assert!(
        html.contains("<span lang=\"nb\">Innbyggers tilgang til journaldokumenter"),
        "{html}"
    );
    // Headings, titles and the pages' <title> are marked too.
    assert!(
        typst.contains("#heading(level: 2, text(lang: \"nb\", \"Bruk av velferdsteknologi\"))"),
        "an indicator page's heading is marked as bokmål"
    );
    assert!(
        html.contains("<span lang=\"nb\">Bruk av velferdsteknologi</span></h3>"),
        "{html}"
    );
    let page = read(&out("nn/indikator/1.1/index.html"));
    assert!(
        page.contains("<title lang=\"nb\">1.1 Bruk av tjenester på Helsenorge som innebærer medvirkning</title>"),
        "{page}"
    );
    let nb_page = read(&out("indikator/1.1/index.html"));
    assert!(
        nb_page.contains("<title>1.1 Bruk av tjenester"),
        "{nb_page}"
    );
    let en = read(&built().0.join("typst/en/status-2026-q2/main.typ"));
    assert!(
        !en.contains("#text(lang: \"nb\""),
        "nothing falls back in English"
    );
}

#[test]
fn pages_link_their_other_languages() {
    let html = read(&out("nn/status-2026-q2/index.html"));
    assert!(html.contains("<html lang=\"nn\">"));
    assert!(html.contains(
        "<link rel=\"alternate\" hreflang=\"nb\" href=\"..&#x2f;..&#x2f;status-2026-q2&#x2f;index.html\">"
    ));
    assert!(html.contains("<span lang=\"nn\" aria-current=\"page\">Nynorsk</span>"));
    assert!(html.contains("hreflang=\"en\" lang=\"en\">English</a>"));
    let index = read(&out("index.html"));
    assert!(index.contains("href=\"nn&#x2f;index.html\""), "{index}");
    // The web fonts lie once, at the top.
    assert!(html.contains("url(\"../../assets/fonts/Inter-Regular.otf\")"));
}

#[test]
fn check_languages_prints_how_much_is_translated() {
    let out = run(
        &built().0,
        &["check", "--content", "content", "--languages", "-q"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        stdout.contains("status-2026-q2  nn  13/15 texts (86 %)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("status-2026-q2  en  15/15 texts (100 %)"),
        "{stdout}"
    );
}

#[test]
fn bokmal_only_content_has_no_language_switch() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &root().join("tests/fixtures/valid-base"),
        &dir.path().join("content"),
    );
    let result = build(dir.path(), Path::new("content"), Path::new("out"));
    assert!(result.status.success());
    let html = read(&dir.path().join("out/status-2026-q2/index.html"));
    assert!(!html.contains("hreflang"), "{html}");
    assert!(!dir.path().join("out/nn").exists());
}

#[test]
fn list_names_the_folders_of_the_other_languages() {
    let out = run(&built().0, &["list", "--content", "content"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("status-2026-q2.pdf  status-2026-q2/index.html  and its 1 reports  (the same in nn/, en/)"),
        "{stdout}"
    );
}
