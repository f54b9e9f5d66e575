//! Defects of the first version, each through the binary: the manifest names its inputs
//! relative to the content folder and lists the CSV values a status document reads; an
//! unknown `--only` lists each id once; the edition's web page keeps the footnote links its
//! PDF prints; `metadata.json` and `data.csv` give units as codes.

mod common;

use common::*;

#[test]
fn the_manifest_names_inputs_relative_to_the_content_wherever_it_is_built_from() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("project/content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let o = run(
        &elsewhere,
        &[
            "build",
            "--content",
            "../project/content",
            "--out",
            "../out",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let inputs = manifest_inputs(&tmp.path().join("out"), "status-2026-q2.pdf");
    assert!(
        inputs.iter().any(|i| i == "status/2026-q2.yaml"),
        "{inputs:?}"
    );
    assert!(
        inputs.iter().any(|i| i == "indicators/1.6.yaml"),
        "{inputs:?}"
    );
    assert!(
        inputs.iter().any(|i| i == "data/1.6.csv"),
        "the CSV values the deck's chart reads: {inputs:?}"
    );
    assert!(inputs.iter().all(|i| !i.contains("..")), "{inputs:?}");
}

#[test]
fn an_unknown_only_id_lists_each_known_id_once() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(
        tmp.path(),
        &[
            "build",
            "--content",
            root().join("content").to_str().unwrap(),
            "--out",
            "out",
            "--only",
            "nothing",
        ],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    let known = stderr
        .split("expected one of: ")
        .nth(1)
        .unwrap_or_else(|| panic!("{stderr}"));
    let ids: Vec<&str> = known
        .trim_end_matches(|c: char| c == ')' || c.is_whitespace())
        .split(", ")
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    assert!(ids.contains(&"status-2026-q2") && ids.contains(&"status-2026-q2-mal-3"));
}

#[test]
fn footnote_links_of_a_goal_in_an_edition_are_links_on_its_web_page_too() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_tree(&root().join("content"), &content);
    let edition = content.join("editions/2024.yaml");
    let text = std::fs::read_to_string(&edition).unwrap();
    let with_link = text.replacen(
        "        text: med forbehold om usikkerhet i planene.\n",
        "        text: med forbehold om usikkerhet i planene.\n      - mark: \"†\"\n        text: Planene er omtalt i Plan for realisering.\n        url: https://www.ehelse.no/planer\n",
        1,
    );
    assert_ne!(text, with_link);
    std::fs::write(&edition, with_link).unwrap();
    let out = tmp.path().join("out");
    let o = build(tmp.path(), &content, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(out.join("indikatorer-2024/index.html")).unwrap();
    let link = "<a href=\"https:&#x2f;&#x2f;www.ehelse.no&#x2f;planer\">";
    assert!(html.contains(link), "the web page drops the link");
    assert!(pdf_text(&out.join("indikatorer-2024.pdf")).contains("https://www.ehelse.no/planer"));
}

#[test]
fn units_in_metadata_and_data_are_codes() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    assert!(
        build(tmp.path(), &root().join("content"), &out)
            .status
            .success()
    );
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("indikator/1.6/metadata.json")).unwrap())
            .unwrap();
    assert_eq!(meta["unit"], "count", "{meta}");
    assert!(meta["unit_label"].is_string(), "{meta}");
    for m in meta["measures"].as_array().unwrap() {
        assert!(
            ["percent", "count", "share", "millions", "days", "text"]
                .contains(&m["unit"].as_str().unwrap()),
            "{m}"
        );
    }
    let csv = std::fs::read_to_string(out.join("indikator/1.6/data.csv")).unwrap();
    assert!(csv.lines().skip(1).all(|l| !l.contains("Percent")), "{csv}");
}

#[test]
fn an_indicator_pages_inputs_are_every_file_its_history_and_goal_come_from() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(
        &root().join("tests/fixtures/valid-base"),
        &tmp.path().join("content"),
    );
    let o = build_short(tmp.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = tmp.path().join("out");
    let page = "indikator/1.6/index.html";
    let inputs = manifest_inputs(&out, page);
    // The page's history names the quarter that shows it, its heading names its goal.
    for file in [
        "indicators/1.6.yaml",
        "data/1.6.csv",
        "goals/mal-1.yaml",
        "status/2026-q2.yaml",
    ] {
        assert!(inputs.iter().any(|i| i == file), "{page}: {inputs:?}");
    }
    // The data to download is made from the indicator, the sources its values name and the
    // strategy (its publisher and licence, in the metadata), nothing else: a status or goal
    // edited leaves it as it is.
    let data = manifest_inputs(&out, "indikator/1.6/data.csv");
    assert_eq!(
        data,
        [
            "data/1.6.csv",
            "indicators/1.6.yaml",
            "sources.yaml",
            "strategy.yaml"
        ],
        "data.csv"
    );
}
