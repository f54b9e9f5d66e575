//! An indicator's page on the site: its definition, charts, table of figures and history,
//! published in the site's languages and made in every full build of the web site.

use super::{Context, KeyPart, Kind, Make, Output, PageLanguages, Planned};
use super::{anchors, page_key, view_value};
use crate::document::indicator as site;
use crate::document::names;
use crate::document::reader::Reader;
use crate::model::Indicator;

/// An indicator's page.
pub struct IndicatorPage<'a>(pub &'a Indicator);

impl Kind for IndicatorPage<'_> {
    fn files(&self) -> Vec<String> {
        vec![names::indicator_html(&self.0.id)]
    }

    fn plan(&self, cx: &Context<'_>) -> Planned {
        let ind = self.0;
        let name = names::indicator_html(&ind.id);
        let reader = Reader::new(cx.content);
        let view = site::indicator_view(cx.labels, &reader, cx.analysis, ind, cx.charts);
        let (view, view_json) = view_value(&view);
        let publisher = reader.strategy().publisher.clone();
        let page = PageLanguages::new(cx, self.publication(), &name);
        let key = page_key(
            "indicator.html",
            Vec::new(),
            view_json,
            vec![KeyPart::Part(
                "publisher".into(),
                publisher.clone().into_bytes(),
            )],
            &page,
        );
        let context = minijinja::context! {
            ind => view,
            publisher => publisher,
            anchors => anchors(),
            ..page.value()
        };
        Planned {
            outputs: vec![Output {
                name,
                key,
                make: Make::Html {
                    template: "indicator.html",
                    context,
                },
            }],
            inputs: reader.inputs(),
        }
    }
}
