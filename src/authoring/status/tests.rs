//! The new status written from the latest: texts emptied, and every field of the raw status
//! type either carried over or emptied on purpose.

use std::path::Path;

use serde_json::{Value, json};

use super::*;
use crate::input;
use crate::input::Kind;
use crate::input::raw::RawText;
use crate::input::schema::schema;

const Q3: Quarter = Quarter {
    year: 2026,
    quarter: 3,
};

#[test]
fn the_new_status_reads_back_with_the_texts_emptied() {
    let old = "quarter: 2026-Q2\ntitle: T Q2 2026\nsource: s\ngoals:\n  - goal: 1\n    \
        overall: [x]\n    selected:\n      - label: L\n        initiative: 1A\n        status: risiko\n        \
        comment: C\n      \
        - indicator: \"1.6\"\n        text: \"a: b\"\n        items: [i]\n    \
        positive: [p]\n    pages:\n      - indicator: \"1.6\"\n        measures: [m]\n        \
        title: P\n        about: \"A\\nB\"\n        assessment: old\n        \
        notes:\n          - mark: \"*\"\n            text: N\n";
    let doc: raw::Status = input::from_yaml(Path::new("s.yaml"), old).unwrap();
    let text = status_yaml(
        &doc,
        Q3,
        "status-2026-q3",
        &RawText::plain("T Q3 2026"),
        Path::new("s.yaml"),
    );
    assert!(text.starts_with(SCHEMA_LINE), "{text}");
    let new: raw::Status = input::from_yaml(Path::new("n.yaml"), &text).unwrap();
    assert_eq!(new.quarter.value.0, "2026-Q3");
    assert_eq!(new.title, "T Q3 2026");
    assert!(new.draft);
    let g = &new.goals[0];
    assert!(g.overall.is_empty() && g.positive.is_empty());
    assert_eq!(g.selected.len(), 2);
    let first = &g.selected[0].value;
    assert_eq!(
        first.status.as_ref().map(|s| s.value.as_str()),
        Some("risiko")
    );
    assert!(first.comment.is_none());
    let s = &g.selected[1].value;
    assert_eq!(s.text.as_deref(), Some("a: b"));
    assert_eq!(s.items, ["i"]);
    let p = &g.pages[0];
    assert_eq!(p.about, "A\nB");
    assert_eq!(p.measures[0].value, "m");
    assert_eq!(p.assessment.as_deref(), Some(""));
    assert_eq!(p.notes[0].mark.as_deref(), Some("*"));
}

/// A status using every field of the format (`tests/fixtures/new-quarter/every-field.yaml`).
const EVERY_FIELD: &str = include_str!("../../../tests/fixtures/new-quarter/every-field.yaml");

/// The YAML as a JSON value, to compare old and new field by field.
fn tree(yaml: &str) -> Value {
    serde_saphyr::from_str(yaml).unwrap()
}

/// Every field name of the status type and the types it holds, by type, from its schema.
fn fields_by_type() -> Vec<(String, String)> {
    let s = schema(Kind::Status).to_value();
    let mut types = vec![("Status".to_owned(), &s)];
    if let Some(defs) = s["definitions"].as_object() {
        types.extend(defs.iter().map(|(k, v)| (k.clone(), v)));
    }
    let mut fields = Vec::new();
    for (name, t) in types {
        for key in t["properties"]
            .as_object()
            .into_iter()
            .flat_map(|p| p.keys())
        {
            fields.push((name.clone(), key.clone()));
        }
    }
    fields
}

/// Every key of every mapping in a value.
fn keys(v: &Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn every_field_of_a_status_carries_over_or_is_emptied_on_purpose() {
    // The fixture uses every field the format has: a field added to the raw types fails here
    // until the fixture, and so this test, holds it.
    let old = tree(EVERY_FIELD);
    let mut used = std::collections::BTreeSet::new();
    keys(&old, &mut used);
    let fields = fields_by_type();
    assert!(fields.len() > 30, "{fields:?}");
    for (ty, field) in &fields {
        assert!(
            used.contains(field),
            "the fixture does not use {ty}.{field}"
        );
    }

    let doc: raw::Status = input::from_yaml(Path::new("every-field.yaml"), EVERY_FIELD).unwrap();
    let title = RawText::plain("Status Q3 2026");
    let text = status_yaml(
        &doc,
        Q3,
        "status-2026-q3",
        &title,
        Path::new("2026-q2.yaml"),
    );
    let new = tree(&text);
    let _: raw::Status = input::from_yaml(Path::new("new.yaml"), &text).unwrap();

    // What the new quarter must be: the old file with exactly these changes.
    let mut want = old.clone();
    let top = want.as_object_mut().unwrap();
    top.insert("quarter".into(), json!("2026-Q3"));
    top.insert("title".into(), json!("Status Q3 2026"));
    top.insert("source".into(), json!("status-2026-q3"));
    top.insert("draft".into(), json!(true));
    top.remove("date");
    for g in top["goals"].as_array_mut().unwrap() {
        let g = g.as_object_mut().unwrap();
        for emptied in ["overall", "positive", "challenges", "questions"] {
            g.insert(emptied.into(), json!([]));
        }
        g.remove("footnotes");
        for s in g["selected"].as_array_mut().unwrap() {
            s.as_object_mut().unwrap().remove("comment");
        }
        for p in g["pages"].as_array_mut().unwrap() {
            p.as_object_mut()
                .unwrap()
                .insert("assessment".into(), json!(""));
        }
    }
    // The roadmap's statuses and ends carry over; its comments are this quarter's to write.
    for r in top["roadmap"].as_array_mut().unwrap() {
        let r = r.as_object_mut().unwrap();
        r.remove("comment");
        for d in r["deliveries"].as_array_mut().unwrap() {
            d.as_object_mut().unwrap().remove("comment");
        }
    }
    // A year is written back as the text it was read as.
    let d2 = &mut top["roadmap"][0]["deliveries"][1]["expected_end"];
    *d2 = json!(d2.to_string());
    assert_eq!(new, want, "{text}");
    assert!(text.contains("publisher: \"Helsedirektoratet\""), "{text}");
}
