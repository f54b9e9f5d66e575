//! The analyst's workflow through the real binary, on a copy of the bundled content:
//! `list`, `schema`, `new-quarter` then `check` then `build`, and the shared flags.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// A temporary folder holding a copy of the bundled content as `content/`.
fn project() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&root().join("content"), &tmp.path().join("content"));
    tmp
}

/// Standard output and error of a run, as text.
fn texts(o: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn list_shows_documents_indicators_and_initiatives() {
    let tmp = project();
    let o = run(tmp.path(), &["list", "--content", "content"]);
    let (stdout, stderr) = texts(&o);
    assert!(o.status.success(), "{stderr}");
    let stdout = stdout.replace(&tmp.path().display().to_string(), "[TMP]");
    insta::assert_snapshot!("list", stdout);
}

#[test]
fn every_list_id_is_accepted_by_only() {
    let tmp = project();
    let o = run(tmp.path(), &["list", "--content", "content"]);
    let (stdout, _) = texts(&o);
    let documents: Vec<&str> = stdout
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(documents.contains(&"status-2026-q2-mal-3"), "{stdout}");
    assert!(documents.contains(&"indikatorer-2023"), "{stdout}");
    // An id `list` does not show is refused, with the list of those it does.
    let o = run(
        tmp.path(),
        &["build", "--content", "content", "--only", "status-1999-q1"],
    );
    assert_eq!(o.status.code(), Some(2));
    let (_, stderr) = texts(&o);
    for id in documents {
        assert!(stderr.contains(id), "{id} not in {stderr}");
    }
}

/// The kind of content file a path under the content folder holds, as `schema` names it.
fn kind_of(rel: &Path) -> Option<&'static str> {
    let first = rel.components().next()?.as_os_str().to_str()?;
    match first {
        "strategy.yaml" => Some("strategy"),
        "sources.yaml" => Some("sources"),
        "goals" => Some("goal"),
        "indicators" => Some("indicator"),
        "initiatives" => Some("initiative"),
        "status" => Some("status"),
        "editions" => Some("edition"),
        _ => None,
    }
}

/// Writes the schemas with the binary and compiles each into a validator.
fn validators(dir: &Path) -> Vec<(String, jsonschema::Validator)> {
    let o = run(dir, &["schema", "--out", "schemas"]);
    assert!(o.status.success(), "{}", texts(&o).1);
    [
        "strategy",
        "sources",
        "goal",
        "indicator",
        "initiative",
        "status",
        "edition",
    ]
    .into_iter()
    .map(|kind| {
        let path = dir.join("schemas").join(format!("{kind}.schema.json"));
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let v = jsonschema::validator_for(&schema)
            .unwrap_or_else(|e| panic!("{} is not a schema: {e}", path.display()));
        (kind.to_owned(), v)
    })
    .collect()
}

/// A YAML file as JSON, the way an editor's schema check sees it.
fn yaml_as_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The problems a validator finds in a value, one line each.
fn problems(v: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
    v.iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

/// Checks every content file under `content` against its kind's schema, failing on the first
/// that does not fit; the number of files checked.
fn fits_its_schema<'a>(
    validator: &impl Fn(&str) -> &'a jsonschema::Validator,
    content: &Path,
) -> usize {
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(content) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(content).unwrap().to_path_buf();
        let is_yaml = rel.extension().is_some_and(|e| e == "yaml");
        let Some(kind) = kind_of(&rel).filter(|_| is_yaml) else {
            continue;
        };
        let found = problems(validator(kind), &yaml_as_json(entry.path()));
        assert!(found.is_empty(), "{}: {found:#?}", rel.display());
        checked += 1;
    }
    checked
}

#[test]
fn every_bundled_file_fits_its_schema_and_broken_ones_do_not() {
    let tmp = tempfile::tempdir().unwrap();
    let validators = validators(tmp.path());
    let validator = |kind: &str| &validators.iter().find(|(k, _)| k == kind).unwrap().1;
    let content = root().join("content");
    let checked = fits_its_schema(&validator, &content);
    assert!(checked >= 40, "only {checked} files checked");

    let mut indicator = yaml_as_json(&content.join("indicators/1.6.yaml"));
    indicator["descripton"] = "a misspelt field".into();
    assert!(!problems(validator("indicator"), &indicator).is_empty());
    let mut indicator = yaml_as_json(&content.join("indicators/1.6.yaml"));
    indicator["goal"] = "one".into();
    assert!(!problems(validator("indicator"), &indicator).is_empty());
    let mut indicator = yaml_as_json(&content.join("indicators/1.6.yaml"));
    indicator["unit"] = "prosent".into();
    assert!(!problems(validator("indicator"), &indicator).is_empty());
    let mut status = yaml_as_json(&content.join("status/2026-q2.yaml"));
    status["quarter"] = "2026-Q5".into();
    assert!(!problems(validator("status"), &status).is_empty());
}

#[test]
fn texts_by_language_fit_the_schema_and_unknown_codes_do_not() {
    let tmp = tempfile::tempdir().unwrap();
    let validators = validators(tmp.path());
    let validator = |kind: &str| &validators.iter().find(|(k, _)| k == kind).unwrap().1;
    let content = root().join("tests/fixtures/languages/content");
    assert_eq!(fits_its_schema(&validator, &content), 6);
    let mut goal = yaml_as_json(&content.join("goals/mal-1.yaml"));
    goal["title"]["de"] = "Aktive Mitwirkung".into();
    assert!(!problems(validator("goal"), &goal).is_empty());
    let mut strategy = yaml_as_json(&content.join("strategy.yaml"));
    strategy["languages"] = serde_json::json!(["nb", "se"]);
    assert!(!problems(validator("strategy"), &strategy).is_empty());
}

#[test]
fn periods_fit_the_schema_in_every_form_the_loader_reads() {
    let tmp = tempfile::tempdir().unwrap();
    let validators = validators(tmp.path());
    let sources = &validators.iter().find(|(k, _)| k == "sources").unwrap().1;
    let with_date = |date: serde_json::Value| serde_json::json!({ "sources": [{ "id": "a", "title": "A", "date": date }] });
    for ok in [
        "2021",
        "2026-Q2",
        "2026-01",
        "2023-10-01",
        "2021-09/2022-08",
    ] {
        assert!(sources.is_valid(&with_date(ok.into())), "{ok}");
    }
    assert!(sources.is_valid(&with_date(2021.into())));
    for bad in ["21", "2026-Q5", "Q2 2026", "2026/"] {
        assert!(!sources.is_valid(&with_date(bad.into())), "{bad}");
    }
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    let tmp = tempfile::tempdir().unwrap();
    validators(tmp.path());
    let (made, committed) = (
        snapshot(&tmp.path().join("schemas")),
        snapshot(&root().join("schemas")),
    );
    assert_eq!(
        made.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        committed.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    for ((path, a), (_, b)) in made.iter().zip(&committed) {
        assert!(
            a == b,
            "schemas/{} is out of date: run `statusrapport schema`",
            path.display()
        );
    }
}

#[test]
fn a_new_quarter_checks_and_builds_at_once_and_is_never_overwritten() {
    let tmp = project();
    let dir = tmp.path();
    let o = run(dir, &["new-quarter", "2026-Q3"]);
    let (_, stderr) = texts(&o);
    assert!(o.status.success(), "{stderr}");
    assert!(stderr.contains("status-2026-q3"), "{stderr}");
    let path: PathBuf = dir.join("content/status/2026-q3.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=../../schemas/status.schema.json\n"),
        "{text}"
    );
    assert!(text.contains("draft: true"), "{text}");
    assert!(text.contains("title: \"Status nasjonal e-helsestrategi Q3 2026\""));
    let sources = std::fs::read_to_string(dir.join("content/sources.yaml")).unwrap();
    assert!(sources.contains("- id: \"status-2026-q3\""), "{sources}");

    // `check` passes, warning once per goal about the texts still to write.
    let o = check_short(dir);
    let (_, stderr) = texts(&o);
    assert!(o.status.success(), "{stderr}");
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(warnings.len(), 5, "{stderr}");
    assert!(
        warnings[0].starts_with("content/status/2026-q3.yaml:1:1: warning: goal 1: `overall`"),
        "{stderr}"
    );

    let o = run(dir, &["build", "--only", "status-2026-q3", "--quiet"]);
    let (_, stderr) = texts(&o);
    assert!(o.status.success(), "{stderr}");
    assert!(!stderr.contains("wrote"), "--quiet still printed: {stderr}");
    for file in ["status-2026-q3.pdf", "status-2026-q3-mal-1/index.html"] {
        assert!(dir.join("out").join(file).is_file(), "{file} missing");
    }
    let deck = pdf_text(&dir.join("out/status-2026-q3.pdf"));
    assert!(deck.contains("Q3 2026"), "{deck}");

    // A second run refuses and changes nothing.
    let before = snapshot(&dir.join("content"));
    let o = run(dir, &["new-quarter", "2026-Q3"]);
    let (_, stderr) = texts(&o);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("already has a status"), "{stderr}");
    assert!(snapshot(&dir.join("content")) == before);

    let o = run(dir, &["new-quarter", "2026-13"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn every_command_has_help_with_an_example() {
    let dir = root();
    for cmd in [
        "build",
        "check",
        "watch",
        "list",
        "new-quarter",
        "schema",
        "init-templates",
    ] {
        let o = run(&dir, &[cmd, "--help"]);
        let (stdout, _) = texts(&o);
        assert!(o.status.success(), "{cmd} --help failed");
        assert!(stdout.contains("Example"), "{cmd} --help: {stdout}");
        assert!(stdout.contains("--quiet"), "{cmd} --help: {stdout}");
        assert!(stdout.contains("Exit status: "), "{cmd} --help: {stdout}");
    }
    let o = run(&dir, &["--help"]);
    assert!(texts(&o).0.contains("Exit status: 0"));
    let o = run(&dir, &["build", "--jobs", "0"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn quiet_check_prints_nothing_on_good_content() {
    let tmp = project();
    let o = run(tmp.path(), &["check", "--quiet"]);
    let (stdout, stderr) = texts(&o);
    assert!(o.status.success(), "{stderr}");
    assert_eq!((stdout.as_str(), stderr.as_str()), ("", ""));
}

#[test]
fn a_build_whose_output_is_not_a_terminal_shows_no_progress_bar() {
    let tmp = project();
    let o = run(tmp.path(), &["build", "--format", "html"]);
    let (stdout, stderr) = texts(&o);
    assert!(o.status.success(), "{stderr}");
    assert_eq!(stdout, "");
    // indicatif draws with carriage returns and cursor moves; a pipe gets only the summary.
    assert!(!stderr.contains(['\r', '\u{1b}']), "{stderr:?}");
    assert!(stderr.lines().all(|l| l.starts_with("out: ")), "{stderr}");
    assert!(!tmp.path().join("out/status-2026-q2.pdf").exists());
}

#[test]
fn one_job_builds_the_same_bytes_as_many() {
    let tmp = tempfile::tempdir().unwrap();
    let content = root().join("content");
    let (content, out) = (content.to_str().unwrap(), "one");
    let o = run(
        tmp.path(),
        &[
            "build",
            "--content",
            content,
            "--out",
            out,
            "--jobs",
            "1",
            "-q",
        ],
    );
    let (stdout, stderr) = texts(&o);
    assert!(o.status.success(), "{stderr}");
    assert_eq!((stdout.as_str(), stderr.as_str()), ("", ""));
    let many = snapshot(&bundled_build().join("out"));
    assert!(snapshot(&tmp.path().join(out)) == many);
}
