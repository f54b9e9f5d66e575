//! A roadmap sub-goal's page (`delmal/<id>/index.html`): its plan, deliveries and every
//! quarter's report; published in the site's languages when the content has a roadmap.

use super::{Context, Kind, Planned, site_page};
use crate::document::names;
use crate::document::reader::Reader;
use crate::document::sub_goal::sub_goal_view;
use crate::model::Initiative;

/// A sub-goal's page.
pub struct SubGoalPage<'a>(pub &'a Initiative);

impl Kind for SubGoalPage<'_> {
    fn files(&self) -> Vec<String> {
        vec![names::sub_goal_html(&self.0.id)]
    }

    fn plan(&self, cx: &Context<'_>) -> Planned {
        let reader = Reader::new(cx.content);
        reader.initiative(&self.0.id);
        let view = sub_goal_view(cx.labels, &reader, &cx.analysis.initiatives, self.0);
        let name = names::sub_goal_html(&self.0.id);
        site_page(
            cx,
            self.publication(),
            name,
            "sub_goal.html",
            &reader,
            &view,
            None,
        )
    }
}
