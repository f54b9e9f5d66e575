//! The site's roadmap page (`veikart/index.html`): the whole strategy's timeline as of the
//! latest quarter and every sub-goal's status history; published in the site's languages,
//! and only when the content has a roadmap to show.

use super::{Context, KeyPart, Kind, Make, Output, PageLanguages, Planned};
use super::{anchors, page_key, view_value};
use crate::document::names;
use crate::document::reader::Reader;
use crate::document::roadmap_page::roadmap_page_view;

/// The roadmap page.
pub struct RoadmapPage;

impl Kind for RoadmapPage {
    fn files(&self) -> Vec<String> {
        vec![names::ROADMAP.to_owned()]
    }

    fn plan(&self, cx: &Context<'_>) -> Planned {
        let reader = Reader::new(cx.content);
        let view = roadmap_page_view(
            cx.labels,
            &reader,
            &cx.analysis.initiatives,
            names::HOME_FROM_DOCUMENT,
        );
        let (view, view_json) = view_value(&view);
        let publisher = reader.strategy().publisher.clone();
        let page = PageLanguages::new(cx, self.publication(), names::ROADMAP);
        let key = page_key(
            "roadmap.html",
            Vec::new(),
            view_json,
            vec![KeyPart::Part(
                "publisher".into(),
                publisher.clone().into_bytes(),
            )],
            &page,
        );
        let context = minijinja::context! {
            publisher => publisher,
            anchors => anchors(),
            ..minijinja::context! { ..view, ..page.value() }
        };
        Planned {
            outputs: vec![Output {
                name: names::ROADMAP.to_owned(),
                key,
                make: Make::Html {
                    template: "roadmap.html",
                    context,
                },
            }],
            inputs: reader.inputs(),
        }
    }
}
