//! Incremental builds through the real binary: what a build makes again, what it leaves, and
//! what it removes, judged by the files on disk (a rewritten file is a new inode, since every
//! write goes through a temporary file renamed over the old one).

#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt as _;
use std::path::Path;

use common::*;

/// Every file under `out` with its inode.
fn inodes(out: &Path) -> BTreeMap<String, u64> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, e.metadata().unwrap().ino())
        })
        .collect()
}

/// Files whose inode changed between two listings (or that are new), without the manifest.
fn rewritten(before: &BTreeMap<String, u64>, after: &BTreeMap<String, u64>) -> Vec<String> {
    after
        .iter()
        .filter(|(p, ino)| *p != "manifest.json" && before.get(*p) != Some(ino))
        .map(|(p, _)| p.clone())
        .collect()
}

/// Runs `build` with extra arguments and returns its summary line's counts.
fn build_with(dir: &Path, content: &Path, out: &Path, extra: &[&str]) -> (usize, usize, usize) {
    let mut args = vec!["build", "--content", content.to_str().unwrap()];
    args.extend(["--out", out.to_str().unwrap()]);
    args.extend_from_slice(extra);
    let o = run(dir, &args);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "build failed: {stderr}");
    let line = stderr
        .lines()
        .find(|l| l.contains(" rebuilt, "))
        .unwrap_or_else(|| panic!("no summary in {stderr}"));
    let n = |word: &str| -> usize {
        let before = line.split(word).next().unwrap();
        before
            .trim_end()
            .rsplit([' ', ','])
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    (n(" rebuilt"), n(" up to date"), n(" removed"))
}

/// The bundled content with one more quarter, 2026-Q1, copied from 2026-Q2.
fn content_with_q1(to: &Path) {
    copy_tree(&root().join("content"), to);
    let q2 = std::fs::read_to_string(to.join("status/2026-q2.yaml")).unwrap();
    let q1 = q2
        .replacen("quarter: 2026-Q2", "quarter: 2026-Q1", 1)
        .replacen("Q2 2026", "Q1 2026", 1);
    std::fs::write(to.join("status/2026-q1.yaml"), q1).unwrap();
}

#[test]
fn a_rebuild_with_nothing_changed_makes_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (root().join("content"), tmp.path().join("out"));
    let (rebuilt, fresh, _) = build_with(tmp.path(), &content, &out, &[]);
    assert!(rebuilt > 100 && fresh == 0, "{rebuilt} {fresh}");
    let (before, bytes) = (inodes(&out), snapshot(&out));
    let (again, up_to_date, removed) = build_with(tmp.path(), &content, &out, &["--timings"]);
    assert_eq!((again, up_to_date, removed), (0, rebuilt, 0));
    assert_eq!(rewritten(&before, &inodes(&out)), Vec::<String>::new());
    assert_eq!(snapshot(&out), bytes, "the manifest says the same");

    let (forced, none, _) = build_with(tmp.path(), &content, &out, &["--force"]);
    assert_eq!((forced, none), (rebuilt, 0));
    assert_eq!(rewritten(&before, &inodes(&out)).len(), rebuilt);
    assert_eq!(snapshot(&out), bytes, "a forced build gives the same bytes");
}

#[test]
fn the_manifest_keys_every_output_and_a_damaged_file_is_made_again() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (root().join("content"), tmp.path().join("out"));
    build_with(tmp.path(), &content, &out, &[]);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let files = manifest["files"].as_array().unwrap();
    let keys: Vec<&str> = files.iter().map(|f| f["key"].as_str().unwrap()).collect();
    assert!(keys.iter().all(|k| k.len() == 64), "{keys:?}");
    let key_of = |p: &str| files.iter().find(|f| f["path"] == p).unwrap()["key"].clone();
    assert_ne!(
        key_of("status-2026-q2.pdf"),
        key_of("status-2026-q2/index.html")
    );
    assert_ne!(
        key_of("status-2026-q2.pdf"),
        key_of("status-2026-q2-mal-1.pdf")
    );

    let good = std::fs::read(out.join("status-2026-q2-mal-2.pdf")).unwrap();
    std::fs::write(out.join("status-2026-q2-mal-2.pdf"), b"damaged").unwrap();
    std::fs::remove_file(out.join("index.html")).unwrap();
    let (rebuilt, _, _) = build_with(tmp.path(), &content, &out, &[]);
    assert_eq!(rebuilt, 2);
    assert_eq!(
        std::fs::read(out.join("status-2026-q2-mal-2.pdf")).unwrap(),
        good
    );
    assert!(out.join("index.html").is_file());
}

#[test]
fn editing_one_status_makes_only_that_quarters_documents_again() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("content"), tmp.path().join("out"));
    content_with_q1(&content);
    build_with(tmp.path(), &content, &out, &[]);
    let before = inodes(&out);
    let file = content.join("status/2026-q1.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("Oppfølging av strategien", "Endret undertittel", 1),
    )
    .unwrap();
    let (rebuilt, _, _) = build_with(tmp.path(), &content, &out, &[]);
    let changed = rewritten(&before, &inodes(&out));
    assert_eq!(changed.len(), rebuilt, "{changed:?}");
    let pdfs: Vec<&String> = changed.iter().filter(|p| p.ends_with(".pdf")).collect();
    assert_eq!(
        pdfs.len(),
        6,
        "the deck and five reports of Q1: {changed:?}"
    );
    assert!(
        changed.iter().all(|p| p.starts_with("status-2026-q1")),
        "nothing of another quarter or edition: {changed:?}"
    );
}

#[test]
fn outputs_the_content_no_longer_produces_are_removed_and_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("content"), tmp.path().join("out"));
    content_with_q1(&content);
    build_with(tmp.path(), &content, &out, &[]);
    assert!(out.join("status-2026-q1-mal-3.pdf").is_file());
    std::fs::write(out.join("mine.txt"), b"not the build's").unwrap();
    std::fs::write(out.join("status-2026-q1/notes.txt"), b"not the build's").unwrap();
    std::fs::remove_file(content.join("status/2026-q1.yaml")).unwrap();
    let (_, _, removed) = build_with(tmp.path(), &content, &out, &[]);
    assert_eq!(
        removed, 12,
        "a deck and five reports, each a PDF and a web page"
    );
    let left: Vec<String> = inodes(&out)
        .into_keys()
        .filter(|p| p.contains("2026-q1"))
        .collect();
    assert_eq!(left, ["status-2026-q1/notes.txt"]);
    assert!(out.join("mine.txt").is_file());
    assert!(
        !out.join("status-2026-q1-mal-1").exists(),
        "emptied folders go"
    );
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(!manifest.contains("2026-q1"), "{manifest}");
}

#[test]
fn kept_typst_sources_sit_beside_what_they_read() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out, kept) = (
        root().join("content"),
        tmp.path().join("out"),
        tmp.path().join("typst"),
    );
    let kept_arg = kept.to_str().unwrap().to_owned();
    build_with(tmp.path(), &content, &out, &[]);
    let (rebuilt, _, _) = build_with(tmp.path(), &content, &out, &["--keep-typst", &kept_arg]);
    assert_eq!(rebuilt, 0, "keeping the sources makes no output again");
    for id in ["status-2026-q2", "status-2026-q2-mal-3", "indikatorer-2024"] {
        let dir = kept.join(id);
        let main = std::fs::read_to_string(dir.join("main.typ")).unwrap();
        let quoted: Vec<&str> = main
            .split('"')
            .filter(|s| s.ends_with(".typ") || s.ends_with(".svg"))
            .collect();
        assert!(quoted.contains(&"style.typ"), "{id}: {quoted:?}");
        for path in quoted {
            assert!(
                dir.join(path).is_file(),
                "{id} reads {path}, which is not beside it"
            );
        }
    }
    // Every bundled measure has fewer than two points (fact cards, no chart): the base
    // fixture's 1.6 has a chart, kept beside the deck's source that reads it.
    let base_kept = tmp.path().join("base-typst");
    let base_arg = base_kept.to_str().unwrap().to_owned();
    let base_out = tmp.path().join("base-out");
    let base = root().join("tests/fixtures/valid-base");
    build_with(tmp.path(), &base, &base_out, &["--keep-typst", &base_arg]);
    let main = std::fs::read_to_string(base_kept.join("status-2026-q2/main.typ")).unwrap();
    let charts: Vec<String> = std::fs::read_dir(base_kept.join("status-2026-q2/charts"))
        .unwrap()
        .map(|e| format!("charts/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    assert!(!charts.is_empty());
    for chart in &charts {
        assert!(
            main.contains(&format!("\"{chart}\"")),
            "{chart} is not read"
        );
    }
    let fonts: Vec<String> = std::fs::read_dir(kept.join("fonts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(fonts.iter().any(|f| f == "Inter-Regular.otf"), "{fonts:?}");
    assert!(fonts.len() > 10, "{fonts:?}");
}

/// The paths the manifest in `out` lists, with their entries.
fn manifest_entries(out: &Path) -> BTreeMap<String, serde_json::Value> {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_owned(), f.clone()))
        .collect()
}

#[test]
fn one_format_is_built_and_the_other_kept_as_the_last_build_left_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("content"), tmp.path().join("out"));
    content_with_q1(&content);
    let html = |out: &Path| build_with(tmp.path(), &content, out, &["--format", "html"]);
    let pdfs = |files: &BTreeMap<String, u64>| -> Vec<String> {
        files
            .keys()
            .filter(|p| p.ends_with(".pdf"))
            .cloned()
            .collect()
    };

    // The web site alone: no PDF written, none claimed.
    let (site, _, _) = html(&out);
    let files = inodes(&out);
    assert!(pdfs(&files).is_empty(), "{files:?}");
    assert!(files.contains_key("index.html") && files.contains_key("status-2026-q1/index.html"));
    assert_eq!(manifest_entries(&out).len(), site);

    // Then the PDFs alone: the site is left as it is, and stays in the manifest.
    let before = inodes(&out);
    let (made, up_to_date, removed) = build_with(tmp.path(), &content, &out, &["--format", "pdf"]);
    assert_eq!((up_to_date, removed), (0, 0));
    assert_eq!(rewritten(&before, &inodes(&out)), pdfs(&inodes(&out)));
    assert_eq!(manifest_entries(&out).len(), site + made);
    let (none, all, _) = build_with(tmp.path(), &content, &out, &[]);
    assert_eq!((none, all), (0, site + made));

    // A quarter removed, an html-only build removes its pages and keeps every PDF as it was.
    let full = manifest_entries(&out);
    let before = inodes(&out);
    std::fs::remove_file(content.join("status/2026-q1.yaml")).unwrap();
    let (_, _, removed) = html(&out);
    assert!(removed > 0);
    let after = inodes(&out);
    assert!(!after.contains_key("status-2026-q1/index.html"));
    assert_eq!(pdfs(&after), pdfs(&before));
    assert!(
        rewritten(&before, &after)
            .iter()
            .all(|p| !p.ends_with(".pdf"))
    );
    let now = manifest_entries(&out);
    for pdf in pdfs(&before) {
        assert_eq!(now.get(&pdf), full.get(&pdf), "{pdf}");
    }

    // A PDF deleted by hand is not claimed by a build that does not make PDFs.
    std::fs::remove_file(out.join("status-2026-q2.pdf")).unwrap();
    html(&out);
    assert!(!manifest_entries(&out).contains_key("status-2026-q2.pdf"));
    let (made, _, removed) = build_with(tmp.path(), &content, &out, &["--format", "pdf"]);
    // The deck deleted by hand, and the quarter's five reports: with Q1 gone their changes
    // section no longer has an earlier quarter to compare with.
    assert_eq!(made, 6);
    assert!(
        removed > 0,
        "the PDFs of the removed quarter go with a PDF build"
    );
    assert!(!out.join("status-2026-q1.pdf").exists());
}

/// The build key the manifest in `out` holds: a whole build's, none after a partial one.
fn build_key(out: &Path) -> Option<String> {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    manifest["build"].as_str().map(str::to_owned)
}

#[test]
fn a_build_that_finds_nothing_changed_at_once_still_sees_every_input() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("content"), tmp.path().join("out"));
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    let build = |extra: &[&str]| build_with(tmp.path(), &content, &out, extra);
    let (all, _, _) = build(&[]);
    let key = build_key(&out).expect("a whole build keys what it was made from");
    assert_eq!(build(&[]), (0, all, 0));

    // A data file's figure: its indicator's data and the documents that show it.
    let csv = content.join("data/1.6.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    std::fs::write(&csv, text.replace("2024,140000", "2024,140001")).unwrap();
    let (made, _, _) = build(&[]);
    assert!(made > 2, "{made}");
    assert_ne!(build_key(&out).as_ref(), Some(&key));
    assert_eq!(build(&[]).0, 0);

    // A template beside the content: every PDF imports style.typ.
    let style = root().join("templates/typst/style.typ");
    let style = std::fs::read_to_string(style).unwrap() + "\n// edited\n";
    std::fs::create_dir_all(tmp.path().join("templates/typst")).unwrap();
    std::fs::write(tmp.path().join("templates/typst/style.typ"), style).unwrap();
    let before = inodes(&out);
    let (made, _, _) = build(&[]);
    let pdfs = before.keys().filter(|p| p.ends_with(".pdf")).count();
    assert_eq!(made, pdfs, "{:?}", rewritten(&before, &inodes(&out)));
    assert_eq!(build(&[]).0, 0);

    // The site's address given on the command line.
    let (made, _, _) = build(&["--base-url", "https://example.org/"]);
    assert!(made > 2, "{made}");
    assert_eq!(build(&["--base-url", "https://example.org/"]).0, 0);
    build(&[]);

    // A file damaged after a build that found nothing changed.
    assert_eq!(build(&[]).0, 0);
    std::fs::write(out.join("index.html"), b"damaged").unwrap();
    assert_eq!(build(&[]).0, 1);

    // A partial build with nothing changed keeps the key; after an edit it leaves none, and
    // the next whole build checks each output again.
    let key = build_key(&out);
    build(&["--only", "status-2026-q2"]);
    assert_eq!(build_key(&out), key);
    let status = content.join("status/2026-q2.yaml");
    let text = std::fs::read_to_string(&status).unwrap();
    std::fs::write(&status, text.replacen("title: ", "title: Endret ", 1)).unwrap();
    build(&["--only", "status-2026-q2", "--format", "pdf"]);
    assert_eq!(build_key(&out), None);
    let (made, _, _) = build(&[]);
    assert!(made > 0, "the quarter's web pages");
    assert_eq!(build(&[]), (0, all, 0));
    assert!(build_key(&out).is_some());
}

#[test]
fn a_copy_of_the_binary_writes_the_same_manifest() {
    // The whole build's key names the source the binary was built from, not the executable's
    // modification time: another copy of the same build (a second checkout, a reinstall)
    // finds everything up to date and writes the same manifest, with no clock in it.
    let tmp = tempfile::tempdir().unwrap();
    let (content, out) = (tmp.path().join("content"), tmp.path().join("out"));
    content_with_q1(&content);
    build_with(tmp.path(), &content, &out, &[]);
    let before = std::fs::read(out.join("manifest.json")).unwrap();
    assert!(build_key(&out).is_some());
    let copy = tmp.path().join("statusrapport-copy");
    std::fs::copy(env!("CARGO_BIN_EXE_statusrapport"), &copy).unwrap();
    let o = std::process::Command::new(&copy)
        .current_dir(tmp.path())
        .args(["build", "--content", content.to_str().unwrap()])
        .args(["--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains(" 0 rebuilt") || stderr.contains("0 rebuilt"),
        "{stderr}"
    );
    let after = std::fs::read(out.join("manifest.json")).unwrap();
    assert!(
        before == after,
        "the manifest changed with the executable's copy"
    );
}
