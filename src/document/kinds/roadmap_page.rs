//! The site's roadmap page (`veikart/index.html`): the whole strategy's timeline as of the
//! latest quarter and every sub-goal's status history; published in the site's languages,
//! and only when the content has a roadmap to show.

use super::{Context, Kind, Planned, site_page};
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
        let name = names::ROADMAP.to_owned();
        site_page(
            cx,
            self.publication(),
            name,
            "roadmap.html",
            &reader,
            &view,
            None,
        )
    }
}
