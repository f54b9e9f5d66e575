//! The open data: every JSON-stat dataset the build writes is valid by `jsonstat-validator`
//! (the official JSON-stat 2.0 schema and its cross-field rules), a dataset read back holds
//! the content's figures, and the downloads are the same bytes at any thread count.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// The JSON-stat datasets in `out`: every indicator's `data.json` and the whole set's.
fn datasets(out: &Path) -> Vec<PathBuf> {
    let all: Vec<PathBuf> = files(out, ".json")
        .into_iter()
        .filter(|p| p.ends_with("data.json") || p.ends_with("indikatorer.json"))
        .collect();
    assert!(!all.is_empty(), "no JSON-stat file in {}", out.display());
    all
}

/// Validates every dataset in `out`; a finding of any severity fails.
fn validate_all(out: &Path) {
    for path in datasets(out) {
        let text = std::fs::read_to_string(&path).unwrap();
        let result = jsonstat_validator::validate_from_str(
            &text,
            &jsonstat_validator::ValidateOptions::default(),
        );
        assert!(
            result.valid && result.findings.is_empty(),
            "{}: {}",
            path.display(),
            serde_json::to_string_pretty(&result.findings).unwrap()
        );
    }
}

/// Builds `content` (the web site only) into `dir/out` with `extra` arguments.
fn site(dir: &Path, content: &Path, extra: &[&str]) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let out = dir.join("out");
    let args = [
        &[
            "build",
            "--format",
            "html",
            "--content",
            content.to_str().unwrap(),
        ][..],
        &["--out", out.to_str().unwrap()],
        extra,
    ]
    .concat();
    let o = run(dir, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

/// The breakdowns fixture over the valid base, in `dir/content`.
fn breakdowns(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    copy_tree(&root().join("tests/fixtures/breakdowns"), &content);
    content
}

#[test]
fn every_dataset_of_the_bundled_build_is_valid_json_stat() {
    validate_all(&bundled_build().join("out"));
}

#[test]
fn every_dataset_of_every_language_is_valid_json_stat() {
    let tmp = tempfile::tempdir().unwrap();
    let out = site(
        tmp.path(),
        &root().join("tests/fixtures/languages/content"),
        &["--base-url", "https://example.org/statusrapport/"],
    );
    validate_all(&out);
    for lang in ["nn", "en"] {
        assert!(
            out.join(lang).join("data/indikatorer.json").is_file(),
            "{lang}"
        );
    }
    let en: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("en/data/indikatorer.json")).unwrap())
            .unwrap();
    assert_eq!(en["dimension"]["period"]["label"], "Period");
}

/// Reads the value at a category of each dimension by JSON-stat's row-major rule.
fn cell(ds: &serde_json::Value, at: &[(&str, &str)]) -> serde_json::Value {
    let ids = ds["id"].as_array().unwrap();
    let size = ds["size"].as_array().unwrap();
    let mut index = 0;
    for (dim, n) in ids.iter().zip(size) {
        let cat = at
            .iter()
            .find(|(d, _)| *d == dim.as_str().unwrap())
            .unwrap()
            .1;
        let pos = ds["dimension"][dim.as_str().unwrap()]["category"]["index"]
            .as_array()
            .unwrap()
            .iter()
            .position(|c| c == cat)
            .unwrap_or_else(|| panic!("{cat} in {dim}"));
        index = index * n.as_u64().unwrap() as usize + pos;
    }
    ds["value"][index.to_string()].clone()
}

#[test]
fn a_broken_down_dataset_holds_the_content_s_figures() {
    let tmp = tempfile::tempdir().unwrap();
    let out = site(tmp.path(), &breakdowns(tmp.path()), &[]);
    validate_all(&out);
    let ds: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("indikator/1.6/data.json")).unwrap())
            .unwrap();
    assert_eq!(ds["role"]["time"][0], "period");
    let measure = ds["dimension"]["measure"]["category"]["index"][0]
        .as_str()
        .unwrap()
        .to_owned();
    // tests/fixtures/breakdowns/indicators/1.6.yaml: 2022, Helse Nord 12 500.
    let at = |part| {
        cell(
            &ds,
            &[
                ("indicator", "1.6"),
                ("measure", &measure),
                ("kind", "malt"),
                ("period", "2022"),
                ("part", part),
            ],
        )
    };
    assert_eq!(at("Helse Nord"), serde_json::json!(12500.0));
    assert!(at("total").is_number());
    assert!(
        ds["updated"].as_str().unwrap().ends_with("T00:00:00Z"),
        "{}",
        ds["updated"]
    );
}

#[test]
fn downloads_are_the_same_bytes_at_any_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    let content = root().join("tests/fixtures/languages/content");
    let url = ["--base-url", "https://example.org/statusrapport/"];
    let one = site(
        &tmp.path().join("one"),
        &content,
        &[&url[..], &["--jobs", "1"]].concat(),
    );
    let many = site(&tmp.path().join("many"), &content, &url);
    let downloads = |out: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        [".json", ".csv", ".ttl"]
            .iter()
            .flat_map(|s| files(out, s))
            .filter(|p| !p.ends_with("manifest.json"))
            .map(|p| {
                (
                    p.strip_prefix(out).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect()
    };
    let (a, b) = (downloads(&one), downloads(&many));
    assert!(a.len() > 10, "{a:?}");
    assert_eq!(a.len(), b.len());
    for ((pa, ba), (pb, bb)) in a.iter().zip(&b) {
        assert_eq!(pa, pb);
        assert!(
            ba == bb,
            "{} differs between --jobs 1 and the default",
            pa.display()
        );
    }
}
