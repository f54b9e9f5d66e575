//! A roadmap sub-goal's page (`delmal/<id>/index.html`): its plan, deliveries and every
//! quarter's report; published in the site's languages when the content has a roadmap.

use super::{Context, KeyPart, Kind, Make, Output, PageLanguages, Planned};
use super::{anchors, page_key, view_value};
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
        let name = names::sub_goal_html(&self.0.id);
        let reader = Reader::new(cx.content);
        reader.initiative(&self.0.id);
        let view = sub_goal_view(cx.labels, &reader, &cx.analysis.initiatives, self.0);
        let (view, view_json) = view_value(&view);
        let publisher = reader.strategy().publisher.clone();
        let page = PageLanguages::new(cx, self.publication(), &name);
        let key = page_key(
            "sub_goal.html",
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
                name,
                key,
                make: Make::Html {
                    template: "sub_goal.html",
                    context,
                },
            }],
            inputs: reader.inputs(),
        }
    }
}
