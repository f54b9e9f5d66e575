//! The site's front page: every quarter's deck and reports, every edition, every indicator;
//! published in the site's languages, made from every content file.

use super::{Context, KeyPart, Kind, Make, Output, PageLanguages, Planned};
use super::{anchors, page_key, view_value};
use crate::document::index;
use crate::document::indicator::Download;
use crate::document::names::{self, DocId};
use crate::model::Publication;

/// The front page.
pub struct FrontPage;

impl Kind for FrontPage {
    fn id(&self) -> Option<DocId> {
        None
    }

    fn publication(&self) -> Publication {
        Publication::Site
    }

    fn makes_pdf(&self) -> bool {
        false
    }

    fn files(&self) -> Vec<String> {
        vec![names::INDEX.to_owned()]
    }

    fn plan(&self, cx: &Context<'_>) -> Planned {
        let view = index::index_view(cx.labels, cx.content);
        let (view, view_json) = view_value(&view);
        let page = PageLanguages::new(cx, self.publication(), names::INDEX);
        let (open_data, open_data_json) = view_value(&open_data(cx));
        let key = page_key(
            "index.html",
            Vec::new(),
            view_json,
            vec![KeyPart::Part("open data".into(), open_data_json)],
            &page,
        );
        let context = minijinja::context! {
            anchors => anchors(),
            open_data => open_data,
            ..minijinja::context! { ..view, ..page.value() }
        };
        Planned {
            outputs: vec![Output {
                name: names::INDEX.to_owned(),
                key,
                make: Make::Html {
                    template: "index.html",
                    context,
                },
            }],
            inputs: cx.content.files.clone(),
        }
    }
}

/// The front page's links to the open data: the whole set, and the catalogue when it is
/// written, each with what it is for; and the licence.
fn open_data(cx: &Context<'_>) -> Vec<Download> {
    let w = &cx.labels.open_data;
    let here = cx.dir.path(names::INDEX);
    let mut all = vec![
        (names::SET_JSONSTAT.to_owned(), w.jsonstat),
        (names::SET_CSV.to_owned(), w.csv),
        (names::SET_CSV_METADATA.to_owned(), w.csvw),
    ];
    if cx.content.strategy.base_url.is_some() {
        all.push((names::href(&here, names::CATALOG), w.catalog));
    }
    all.into_iter()
        .map(|(href, what)| Download { href, what: what.to_owned() })
        .collect()
}
