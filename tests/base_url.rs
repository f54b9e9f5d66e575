//! The site's address (`base_url` in strategy.yaml, or `build --base-url`): canonical links,
//! `sitemap.xml` listing every page once, `robots.txt`; without it, none of them and the
//! pages as before; a malformed address is reported at its place.

mod common;

use std::path::Path;

use common::*;

/// The languages fixture (pages in three languages) built with `args` added.
fn built(dir: &Path, args: &[&str]) -> std::path::PathBuf {
    let content = root().join("tests/fixtures/languages/content");
    let out = dir.join("out");
    let o = build_with(dir, &content, &out, args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// Every web page under `out`, relative to it, with `/`.
fn pages(out: &Path) -> Vec<String> {
    let mut found: Vec<String> = files(out, ".html")
        .iter()
        .map(|p| {
            p.strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn with_an_address_every_page_is_in_the_sitemap_once_and_names_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let base = "https://example.org/e-helse";
    let out = built(tmp.path(), &["--base-url", base]);
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let locs: Vec<&str> = sitemap
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("<url><loc>")?
                .strip_suffix("</loc></url>")
        })
        .collect();
    let pages = pages(&out);
    assert!(pages.len() > 10, "{pages:?}");
    // `a/index.html` is addressed as `a/`.
    let expected: Vec<String> = pages
        .iter()
        .map(|p| format!("{base}/{}", p.strip_suffix("index.html").unwrap_or(p)))
        .collect();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(locs, sorted, "the sitemap lists every page once");
    for (page, url) in pages.iter().zip(&expected) {
        // minijinja escapes `/` in attributes as `&#x2f;`, which a browser reads as `/`.
        let html = std::fs::read_to_string(out.join(page))
            .unwrap()
            .replace("&#x2f;", "/");
        let link = format!("<link rel=\"canonical\" href=\"{url}\">");
        assert_eq!(html.matches(&link).count(), 1, "{page} lacks {link}");
    }
    let robots = std::fs::read_to_string(out.join("robots.txt")).unwrap();
    assert_eq!(
        robots,
        format!("User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml\n")
    );
}

#[test]
fn without_an_address_there_is_no_sitemap_and_no_canonical_link() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path(), &[]);
    assert!(!out.join("sitemap.xml").exists());
    assert!(!out.join("robots.txt").exists());
    for page in pages(&out) {
        let html = std::fs::read_to_string(out.join(&page)).unwrap();
        assert!(!html.contains("rel=\"canonical\""), "{page}");
    }
    // An address added later writes them; taken away again, the next build removes them.
    let with = built(tmp.path(), &["--base-url", "https://example.org/"]);
    assert!(with.join("sitemap.xml").exists());
    let without = built(tmp.path(), &[]);
    assert!(!without.join("sitemap.xml").exists());
    assert!(!without.join("robots.txt").exists());
}

#[test]
fn a_malformed_address_is_reported_where_it_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    let strategy = content.join("strategy.yaml");
    let text = std::fs::read_to_string(&strategy).unwrap();
    std::fs::write(&strategy, format!("{text}base_url: ftp://example.org/\n")).unwrap();
    let o = run_short(
        tmp.path(),
        &["check", "--content", content.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("strategy.yaml:5:11") && err.contains("invalid base_url `ftp://example.org/`"),
        "{err}"
    );
    let o = run(tmp.path(), &["build", "--base-url", "example.org"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("https://"));
}

#[test]
fn with_an_address_the_deck_links_the_web_page_by_its_full_address() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = build_with(
        tmp.path(),
        &root().join("content"),
        &out,
        &[
            "--base-url",
            "https://example.org/e-helse",
            "--only",
            "status-2026-q2",
            "--format",
            "pdf",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = std::fs::read(out.join("status-2026-q2.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    // `/URI(…)` or `/URI (…)`, as the PDF writer spaces it.
    let uris: Vec<&str> = text
        .match_indices("/URI")
        .map(|(at, m)| text[at + m.len()..].trim_start())
        .filter_map(|rest| rest.strip_prefix('('))
        .map(|rest| &rest[..rest.find(')').unwrap_or(rest.len())])
        .collect();
    assert!(!uris.is_empty(), "the deck links its sub-goals' web page");
    for uri in &uris {
        assert!(
            uri.starts_with("https://example.org/e-helse/status-2026-q2/#mal-"),
            "{uri}"
        );
    }
}
