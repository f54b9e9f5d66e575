//! Snapshots of the views the templates receive for the bundled content, as pretty JSON,
//! so a change in what the templates see shows in review.

use crate::analyse::analyse;
use crate::document::edition::edition_view;
use crate::document::names::HOME_FROM_DOCUMENT;
use crate::document::reader::Reader;
use crate::document::status::status_view;
use crate::labels::Lang;
use crate::testing::{bundled, root};

/// Pretty JSON with the project root redacted.
fn json<T: serde::Serialize>(view: &T) -> String {
    serde_json::to_string_pretty(view)
        .expect("a view serialises")
        .replace(&root().display().to_string(), "[ROOT]")
}

#[test]
fn status_view_json() {
    let content = bundled();
    let analysis = analyse(content);
    let status = content.statuses.values().next().expect("a status");
    let view = status_view(
        Lang::Nb.labels(),
        &Reader::new(content),
        &analysis,
        status,
        None,
        &Default::default(),
        HOME_FROM_DOCUMENT,
    );
    insta::assert_snapshot!("status_view", json(&view));
}

#[test]
fn edition_view_json() {
    let content = bundled();
    let edition = content.editions.get(&2024).expect("the 2024 edition");
    let view = edition_view(
        Lang::Nb.labels(),
        &Reader::new(content),
        edition,
        HOME_FROM_DOCUMENT,
    );
    insta::assert_snapshot!("edition_view", json(&view));
}
