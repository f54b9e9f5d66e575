//! No content of the right shape makes a build panic: arbitrary numbers, periods and texts
//! (full of typst, HTML and template syntax) go through the whole pipeline — load, analysis,
//! charts, views, rendering, typst and writing — in the real binary, which must exit with 0
//! (built) or 1 (refused, with diagnostics), and nothing else.
//!
//! Each case is a whole build, so the default is a handful of cases; for a longer run:
//! `PROPTEST_CASES=200 cargo test --release --test no_panic_build`.

mod common;

use proptest::prelude::*;

/// Cases per property: `PROPTEST_CASES` when set, else 8.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    ProptestConfig {
        cases,
        // A failing case is a whole build: shrinking a few steps is enough to read it.
        max_shrink_iters: 16,
        ..ProptestConfig::with_cases(cases)
    }
}

/// Pieces of text that mean something to typst, HTML, minijinja, YAML or CSV, and words.
const PIECES: &[&str] = &[
    "ord",
    "Måling",
    "æøå",
    " ",
    " ",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "+ ",
    "= ",
    "/ ",
    "1. ",
    "#",
    "#set page(width: 1pt)",
    "#read(\"/etc/passwd\")",
    "$",
    "$x^2$",
    "*",
    "_",
    "`",
    "```",
    "@ref",
    "<label>",
    "//",
    "/*",
    "*/",
    "\\",
    "[",
    "]",
    "{",
    "}",
    "(",
    ")",
    "~",
    "--",
    "---",
    "...",
    "'",
    "\"",
    "<",
    ">",
    "&",
    "&amp;",
    "<script>alert(1)</script>",
    "{{ x }}",
    "{% if x %}",
    "{# c #}",
    ",",
    ";",
    ":",
    ": ",
    "%",
    "✓",
    "★",
    "👍",
    "😀",
    "–",
    "«",
    "»",
    "\t",
    "\u{a0}",
    "\u{ad}",
    "https://example.org/?a=1&b=2",
];

/// A text made of pieces.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..10).prop_map(|p| p.concat())
}

/// A text that is never empty once trimmed (where content requires one).
fn some_text() -> impl Strategy<Value = String> {
    text().prop_map(|t| format!("T {t}"))
}

/// A period in `year`, in any of the forms content may write.
fn period(year: i32) -> impl Strategy<Value = String> {
    prop_oneof![
        Just(format!("{year}")),
        (1..=4u8).prop_map(move |q| format!("{year}-Q{q}")),
        (1..=12u8).prop_map(move |m| format!("{year}-{m:02}")),
        (1..=12u8, 1..=28u8).prop_map(move |(m, d)| format!("{year}-{m:02}-{d:02}")),
        (1..=12u8, 0..3i32).prop_map(move |(m, k)| format!("{year}-{m:02}/{}-12", year + k)),
    ]
}

/// A number a count can hold, mostly; now and then one the checks refuse.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        36 => 0.0..2_000_000.0f64,
        2 => Just(0.0),
        1 => -1e3..0.0f64,
    ]
}

/// One measured value: its period, its number and a text.
fn value() -> impl Strategy<Value = (i32, String, f64, String)> {
    (2000..2040i32).prop_flat_map(|y| (Just(y), period(y), number(), text()))
}

/// A YAML double-quoted scalar holding `s` (a JSON string is one).
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// The indicator file of a case.
fn indicator(
    name: &str,
    baseline: f64,
    values: &[(i32, String, f64, String)],
    targets: &[(i32, f64)],
) -> String {
    let mut y = format!(
        "id: \"1.6\"\ngoal: 1\nname: {}\nunit: count\ntype: adopsjon\ndescription: {}\n\
         measures:\n  - id: totalt\n    baseline:\n      value: {baseline}\n      period: 2000\n\
         \x20     source: test\n",
        q(name),
        q(name)
    );
    y.push_str(if targets.is_empty() {
        "    targets: []\n"
    } else {
        "    targets:\n"
    });
    for (year, v) in targets {
        y.push_str(&format!(
            "      - {{year: {year}, value: {v}, source: test}}\n"
        ));
    }
    y.push_str(if values.is_empty() {
        "    values: []\n"
    } else {
        "    values:\n"
    });
    for (_, p, v, t) in values {
        y.push_str(&format!(
            "      - {{period: {}, value: {v}, text: {}, source: test}}\n",
            q(p),
            q(t)
        ));
    }
    y.push_str("    values_file: data/1.6.csv\n");
    y
}

/// The CSV data file of a case, quoted as the csv crate writes it.
fn csv(rows: &[(i32, String, f64, String)]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["period", "value", "source", "text"])
        .unwrap();
    for (_, p, v, t) in rows {
        w.write_record([p.as_str(), &v.to_string(), "test", t])
            .unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// The status file of a case.
fn status(title: &str, overall: &[String]) -> String {
    let mut y = format!(
        "quarter: 2026-Q2\ntitle: {}\nsource: status-test\ngoals:\n  - goal: 1\n    overall:\n",
        q(title)
    );
    for o in overall {
        y.push_str(&format!("      - {}\n", q(o)));
    }
    y.push_str(
        "    selected:\n      - initiative: 1A\n      - indicator: \"1.7\"\n        text: Andelen kommuner øker.\n\
         \x20   pages:\n      - indicator: \"1.6\"\n        measures: [totalt]\n        title: Velferdsteknologi\n\
         \x20       about: Måler antall brukere.\n",
    );
    y
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_content_of_the_right_shape_builds_or_is_refused_without_a_panic(
        name in some_text(),
        title in some_text(),
        overall in prop::collection::vec(some_text(), 1..4),
        baseline in number(),
        values in prop::collection::vec(value(), 0..5),
        rows in prop::collection::vec(value(), 0..5),
        targets in prop::collection::vec((2000..2040i32, number()), 0..3),
    ) {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        common::copy_tree(&common::root().join("tests/fixtures/valid-base"), &content);
        std::fs::write(content.join("indicators/1.6.yaml"), indicator(&name, baseline, &values, &targets)).unwrap();
        std::fs::write(content.join("data/1.6.csv"), csv(&rows)).unwrap();
        std::fs::write(content.join("status/2026-q2.yaml"), status(&title, &overall)).unwrap();
        let out = tmp.path().join("out");
        let o = common::build(tmp.path(), &content, &out);
        let stderr = String::from_utf8_lossy(&o.stderr);
        prop_assert!(!stderr.contains("panicked"), "{}", stderr);
        match o.status.code() {
            Some(0) => prop_assert!(out.join("manifest.json").is_file()),
            Some(1) => prop_assert!(stderr.contains("error"), "exit 1 without an error: {}", stderr),
            other => prop_assert!(false, "exit {:?}: {}", other, stderr),
        }
    }
}
