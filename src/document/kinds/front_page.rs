//! The site's front page: every quarter's deck and reports, every edition, every indicator;
//! published in the site's languages, made from every content file.

use super::{Context, Kind, Make, Output, PageLanguages, Planned};
use super::{anchors, page_key, view_value};
use crate::document::index;
use crate::document::names;

/// The front page.
pub struct FrontPage;

impl Kind for FrontPage {
    fn files(&self) -> Vec<String> {
        vec![names::INDEX.to_owned()]
    }

    fn plan(&self, cx: &Context<'_>) -> Planned {
        let mut view = index::index_view(cx.labels, cx.content, cx.analysis, cx.charts);
        // The catalogue lies once, at the top of `out/`, and only with the site's address.
        if cx.content.strategy.base_url.is_some() {
            view.catalog = Some(index::CatalogLink {
                href: names::href(&cx.dir.path(names::INDEX), names::CATALOG),
                name: names::CATALOG,
            });
        }
        if crate::document::roadmap_page::has_roadmap(cx.content) {
            view.roadmap = Some(names::href(&cx.dir.path(names::INDEX), names::ROADMAP));
        }
        let (view, view_json) = view_value(&view);
        let page = PageLanguages::new(cx, self.publication(), names::INDEX);
        let key = page_key("index.html", Vec::new(), view_json, Vec::new(), &page);
        let context = minijinja::context! {
            anchors => anchors(),
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
