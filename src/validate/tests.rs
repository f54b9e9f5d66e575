//! Validation of small content trees written by the tests.

use super::checks::check_number;
use super::*;

/// A small valid content tree; `files` replace or add files in it.
fn problems_with(files: &[(&str, &str)]) -> Vec<String> {
    const BASE: &[(&str, &str)] = &[
        (
            "strategy.yaml",
            "title: T\nvision: V\nhorizon: 2030\npublisher: P\n",
        ),
        ("sources.yaml", "sources:\n  - id: test\n    title: Kilde\n"),
        ("goals/mal-1.yaml", "number: 1\ntitle: M\nsummary: S\n"),
        (
            "indicators/1.6.yaml",
            "id: \"1.6\"\ngoal: 1\nname: N\nunit: count\ntype: bruk\ndescription: D\n\
             measures:\n  - values:\n      - period: 2021\n        value: 5\n        source: test\n",
        ),
        (
            "status/2026-q2.yaml",
            "quarter: 2026-Q2\ntitle: S\nsource: test\ngoals:\n  - goal: 1\n    overall: [x]\n\
             \x20   selected:\n      - indicator: \"1.6\"\n",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in BASE.iter().chain(files) {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let (found, mut problems) = crate::input::discover(dir.path());
    let mut texts = crate::diagnostics::SourceTexts::default();
    let (mut raw, more) = crate::input::parse(&found, &mut texts);
    crate::input::read_data(dir.path(), &mut raw);
    problems.extend(more);
    if let Err(more) = validate(dir.path(), raw) {
        problems.extend(more);
    }
    // Warnings (such as the base's empty summary sections) are tested where they are made.
    problems.retain(|d| d.severity == crate::diagnostics::Severity::Error);
    problems.sort();
    problems
        .iter()
        .map(|d| {
            let rel = d.path.strip_prefix(dir.path()).unwrap_or(&d.path);
            let message = d.message.replace(&format!("{}/", dir.path().display()), "");
            format!("{}:{}:{}: {message}", rel.display(), d.pos.line, d.pos.col)
        })
        .collect()
}

#[test]
fn the_base_of_these_tests_is_valid() {
    assert_eq!(problems_with(&[]), Vec::<String>::new());
}

#[test]
fn references_to_files_with_problems_of_their_own_are_not_reported_again() {
    // A goal file that cannot be parsed: no "unknown goal 1" in every other file.
    assert_eq!(
        problems_with(&[("goals/mal-1.yaml", "number: 1\ntitle: [M\n")]).len(),
        1
    );
    // An indicator with a bad unit: the status's reference to it is not reported.
    let bad_unit = "id: \"1.6\"\ngoal: 1\nname: N\nunit: prosent\ntype: bruk\ndescription: D\n\
                    measures:\n  - name: x\n";
    assert_eq!(
        problems_with(&[("indicators/1.6.yaml", bad_unit)]),
        [
            "indicators/1.6.yaml:4:7: unknown unit `prosent` (expected percent, count, share, millions, days or text)"
        ]
    );
    // An unreadable sources.yaml: neither "missing sources.yaml" nor "unknown source".
    assert_eq!(problems_with(&[("sources.yaml", "sources: [\n")]).len(), 1);
    // A reference to nothing is still reported.
    let status = "quarter: 2026-Q2\ntitle: S\nsource: test\ngoals:\n  - goal: 1\n    overall: [x]\n\
                  \x20   selected:\n      - indicator: \"1.9\"\n";
    assert_eq!(
        problems_with(&[("status/2026-q2.yaml", status)]),
        ["status/2026-q2.yaml:8:20: unknown indicator `1.9` (no file in indicators/ has this id)"]
    );
}

#[test]
fn links_must_be_web_addresses() {
    let goal = |url: &str| {
        format!(
            "id: \"1.6\"\ngoal: 1\nname: N\nunit: count\ntype: bruk\ndescription: D\n\
             footnotes:\n  - text: t\n    url: {url}\nmeasures:\n  - name: x\n"
        )
    };
    assert_eq!(
        problems_with(&[("indicators/1.6.yaml", &goal("https://www.ssb.no/a?b=1"))]),
        Vec::<String>::new()
    );
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "//example.org",
        "https://",
    ] {
        let p = problems_with(&[("indicators/1.6.yaml", &goal(bad))]);
        assert_eq!(p.len(), 1, "{bad}: {p:?}");
        assert!(
            p[0].starts_with("indicators/1.6.yaml:9:10: invalid link"),
            "{p:?}"
        );
    }
}

#[test]
fn comment_years_must_be_years() {
    let ind = "id: \"1.6\"\ngoal: 1\nname: N\nunit: count\ntype: bruk\ndescription: D\n\
               comments:\n  - date: 2023-10\n    year: 20245\n    text: t\nmeasures:\n  - name: x\n";
    assert_eq!(
        problems_with(&[("indicators/1.6.yaml", ind)]),
        ["indicators/1.6.yaml:9:11: invalid year 20245 (expected a year such as 2025)"]
    );
}

#[test]
fn csv_problems_point_at_their_row() {
    let ind = "id: \"1.6\"\ngoal: 1\nname: N\nunit: count\ntype: bruk\ndescription: D\n\
               measures:\n  - values:\n      - period: 2021\n        value: 5\n        source: test\n\
               \x20   values_file: data/v.csv\n";
    let csv = "period,value,source\n2022,6,test\n2021,7,test\n2023,8\n";
    assert_eq!(
        problems_with(&[("indicators/1.6.yaml", ind), ("data/v.csv", csv)]),
        [
            "data/v.csv:3:1: a second value for 2021 (the first is at indicators/1.6.yaml:9:17; expected one value per period)",
            "data/v.csv:4:1: bad CSV row: 2 field(s) (expected 3, as in the header `period,value,source`)",
        ]
    );
}

#[test]
fn numbers_are_finite_bounded_and_fit_their_unit() {
    assert_eq!(check_number(46.0, Unit::Percent, "value"), Ok(46.0));
    assert_eq!(check_number(-1e12, Unit::Text, "value"), Ok(-1e12));
    for (v, unit, says) in [
        (f64::NAN, Unit::Count, "value `.nan` is not a finite number"),
        (
            f64::NEG_INFINITY,
            Unit::Text,
            "value `-.inf` is not a finite number",
        ),
        // Charts cannot place ticks on such an axis: the build would never end.
        (1e300, Unit::Count, "value 1e300 is too large"),
        (-2e12, Unit::Text, "value -2e12 is too large"),
        (146.0, Unit::Percent, "value 146 is not a percentage"),
        (-5.0, Unit::Count, "value -5 is negative"),
    ] {
        let e = check_number(v, unit, "value").unwrap_err();
        assert!(e.starts_with(says), "{e}");
    }
    let ind = |change: &str| {
        format!(
            "id: \"1.6\"\ngoal: 1\nname: N\nunit: count\ntype: bruk\ndescription: D\n\
             measures:\n  - baseline: {{value: 5, period: 2021, source: test}}\n\
             \x20   targets:\n      - {{year: 2025, change_percent: {change}, source: test}}\n"
        )
    };
    assert_eq!(
        problems_with(&[("indicators/1.6.yaml", &ind("-100"))]).len(),
        0
    );
    assert_eq!(
        problems_with(&[("indicators/1.6.yaml", &ind("1e6"))]),
        [
            "indicators/1.6.yaml:10:38: change_percent 1000000 is out of range (expected -100 to 10000: from nothing left to a hundredfold)"
        ]
    );
}

#[test]
fn id_shapes() {
    assert!(crate::model::is_numbered("2.5.3"));
    assert!(!crate::model::is_numbered("2..3"));
    assert!(checks::is_slug("tillit-helseopplysninger"));
    assert!(!checks::is_slug("Tillit"));
    assert!(!checks::is_slug("../etc"));
}

#[test]
fn progress_thresholds_must_be_ordered_and_finite() {
    let strategy = |extra: &str| {
        format!("title: T\nvision: V\nhorizon: 2030\npublisher: P\nprogress_thresholds:\n{extra}")
    };
    let ok = strategy("  on_track: 1.0\n  moderate: 0.5\n");
    assert_eq!(
        problems_with(&[("strategy.yaml", &ok)]),
        Vec::<String>::new()
    );
    let swapped = strategy("  on_track: 0.5\n  moderate: 0.6\n");
    assert_eq!(
        problems_with(&[("strategy.yaml", &swapped)]),
        [
            "strategy.yaml:6:3: invalid progress thresholds on_track 0.5 and moderate 0.6 (expected 0 < moderate < on_track, such as 0.95 and 0.6)"
        ]
    );
    let nan = strategy("  moderate: .nan\n");
    assert_eq!(
        problems_with(&[("strategy.yaml", &nan)]),
        ["strategy.yaml:6:13: invalid moderate threshold (expected a finite number such as 0.6)"]
    );
}

#[test]
fn a_trend_tolerance_is_a_percentage() {
    let indicator = "id: \"1.6\"\ngoal: 1\nname: N\nunit: count\ntype: bruk\ndescription: D\n\
                     trend_tolerance_percent: -1\nhigher_is_better: false\n\
                     measures:\n  - higher_is_better: true\n    values:\n      - period: 2021\n        value: 5\n        source: test\n";
    assert_eq!(
        problems_with(&[("indicators/1.6.yaml", indicator)]),
        [
            "indicators/1.6.yaml:7:26: invalid trend_tolerance_percent -1 (expected 0 to 100, such as 1)"
        ]
    );
}

#[test]
fn documents_are_published_only_in_languages_the_site_has() {
    let strategy = |publish: &str| {
        format!(
            "title: T\nvision: V\nhorizon: 2030\npublisher: P\nlanguage: nb\nlanguages: [nb, nn, en]\npublish:\n{publish}"
        )
    };
    let ok = strategy("  status: [nb, nn]\n  edition: [nb]\n  site: [nb, nn]\n");
    assert_eq!(
        problems_with(&[("strategy.yaml", &ok)]),
        Vec::<String>::new()
    );
    let missing = strategy("  status: [nb, nn]\n  edition: [nb, nn, en]\n  site: [nb]\n");
    assert_eq!(
        problems_with(&[("strategy.yaml", &missing)]),
        [
            "strategy.yaml:8:16: documents are published in `nn` but the site is not (expected `nn` in `publish.site`, whose pages the documents' web pages link to)",
            "strategy.yaml:9:21: documents are published in `en` but the site is not (expected `en` in `publish.site`, whose pages the documents' web pages link to)",
        ]
    );
}

#[test]
fn a_status_of_the_scale_is_named_once_and_not_empty() {
    let strategy = "title: T\nvision: V\nhorizon: 2030\npublisher: P\ninitiative_scale:\n\
                    \x20 - id: i-rute\n    definition: D\n  - id: \" \"\n    definition: D\n\
                    \x20 - id: i-rute\n    definition: D\n";
    assert_eq!(
        problems_with(&[("strategy.yaml", strategy)]),
        [
            "strategy.yaml:8:9: empty status id (expected a word such as `forsinket`)",
            "strategy.yaml:10:9: status `i-rute` is listed twice in the scale",
        ]
    );
}
