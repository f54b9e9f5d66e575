//! An indicator's page on the site: its definition, charts, table of figures and history,
//! published in the site's languages and made in every full build of the web site.

use super::{Context, Kind, Planned, site_page};
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
        let reader = Reader::new(cx.content);
        let view = site::indicator_view(cx.labels, &reader, cx.analysis, ind, cx.charts);
        let name = names::indicator_html(&ind.id);
        site_page(
            cx,
            self.publication(),
            name,
            "indicator.html",
            &reader,
            &view,
            Some("ind"),
        )
    }
}
