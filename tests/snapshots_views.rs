//! Snapshots of the views the templates receive for the bundled content, as pretty JSON,
//! so a change in what the templates see shows in review.

mod common;

use common::*;
use statusrapport::analyse::analyse;
use statusrapport::document::edition::edition_view;
use statusrapport::document::status::status_view;
use statusrapport::labels::Lang;
use statusrapport::model::Content;
use statusrapport::pipeline::{Timings, load};

/// The bundled content, loaded through the library.
fn content() -> Content {
    let path = root().join("content");
    load(&path, &mut Timings::default())
        .unwrap_or_else(|_| panic!("the bundled content loads"))
        .output
}

/// Pretty JSON with the project root redacted.
fn json<T: serde::Serialize>(view: &T) -> String {
    serde_json::to_string_pretty(view)
        .unwrap()
        .replace(&root().display().to_string(), "[ROOT]")
}

#[test]
fn status_view_json() {
    let content = content();
    let analysis = analyse(&content);
    let status = content.statuses.values().next().expect("a status");
    let view = status_view(
        Lang::Nb.labels(),
        &content,
        &analysis,
        status,
        None,
        &|_, _| None,
        "../index.html",
    );
    insta::assert_snapshot!("status_view", json(&view));
}

#[test]
fn edition_view_json() {
    let content = content();
    let edition = content.editions.get(&2024).expect("the 2024 edition");
    let view = edition_view(Lang::Nb.labels(), &content, edition, "../index.html");
    insta::assert_snapshot!("edition_view", json(&view));
}
