//! The method as printed, with the numbers behind every class a document prints: for the
//! reports' appendix (the table only of the measures with a class, one sentence naming the
//! rest with why), the status web pages and the indicator pages (the whole table). Every
//! number comes from the [`crate::analyse::Analysis`]; this only puts it into words.

use serde::Serialize;

use std::collections::BTreeSet;

use super::progress::{facts_at, measure_name, signed};
use super::reader::Reader;
use crate::analyse::{Analysis, Class, MeasureFacts, Point};
use crate::labels::{Labels, fill};
use crate::model::{
    GoalNumber, Indicator, IndicatorId, Measure, MeasureId, SelectedRef, Status, Thresholds,
};

/// The numbers behind one measure's class.
#[derive(Debug, Clone, Serialize)]
pub struct InputRow {
    /// The measure.
    pub measure: String,
    /// The baseline as the method uses it.
    pub baseline: String,
    /// The latest value as the method uses it.
    pub latest: String,
    /// The target used.
    pub target: String,
    /// Both rates and their ratio, or a trend's change and tolerance.
    pub rates: String,
    /// The class, or why there is none.
    pub class: String,
    /// Whether the measure has a class: the PDFs' table shows only these, and names the rest
    /// in [`MethodView::unclassed`].
    pub classed: bool,
}

/// The method as printed, with the numbers behind the classes of a document.
#[derive(Debug, Clone, Serialize)]
pub struct MethodView {
    /// Paragraphs before the classes.
    pub intro: Vec<String>,
    /// The sentence that introduces the classes.
    pub classes_intro: String,
    /// Each class and when it is given.
    pub classes: Vec<(String, String)>,
    /// Paragraphs after the classes.
    pub outro: Vec<String>,
    /// The numbers behind each class printed.
    pub rows: Vec<InputRow>,
    /// Whether any row has a class, so that the PDFs print the table.
    pub any_classed: bool,
    /// The measures without a class, named with why, in one sentence: the PDFs print it in
    /// place of their rows (the web page keeps the whole table).
    pub unclassed: Option<String>,
}

/// The numbers behind a measure's class.
pub fn input_row(l: &Labels, ind: &Indicator, m: &Measure, f: &MeasureFacts) -> InputRow {
    let dash = || "–".to_owned();
    let t = |x: f64| l.number(x, 3);
    let point = |p: &Point| {
        fill(
            l.method.point,
            &[
                ("value", &l.quantity(m.unit, p.quantity)),
                ("period", &l.period(p.period)),
                ("t", &t(p.time)),
            ],
        )
    };
    let target = f.target_used.as_ref().map_or_else(dash, |x| {
        fill(
            l.method.point,
            &[
                ("value", &l.quantity(m.unit, x.quantity)),
                ("period", &x.year.to_string()),
                ("t", &t(x.time)),
            ],
        )
    });
    let rates = match (f.class, f.rates, f.step) {
        (Ok(Class::Trend(_)), _, Some(s)) => fill(
            l.method.trend_values,
            &[
                (
                    "change",
                    &s.relative
                        .map_or_else(dash, |r| fill(l.number.percent, &[("n", &signed(l, r, 2))])),
                ),
                ("tolerance", &l.percent(ind.trend_tolerance)),
            ],
        ),
        (_, Some(r), _) => fill(
            l.method.rates_values,
            &[
                ("observed", &l.number(r.observed, 4)),
                ("required", &l.number(r.required, 4)),
                ("ratio", &l.number(r.ratio, 3)),
            ],
        ),
        _ => dash(),
    };
    let latest = match (f.class, f.step) {
        (Ok(Class::Trend(_)), Some(s)) => format!("{} → {}", point(&s.previous), point(&s.latest)),
        _ => f.latest().map_or_else(dash, point),
    };
    InputRow {
        measure: measure_name(ind, m),
        baseline: f.baseline.as_ref().map_or_else(dash, point),
        latest,
        target,
        rates,
        class: l.class(f.class).to_owned(),
        classed: f.class.is_ok(),
    }
}

/// The sentence naming the rows without a class, grouped by why, in the rows' order:
/// `A, B (ingen vurdering: ingen måling i kildene); C (…)`.
fn unclassed(l: &Labels, rows: &[InputRow]) -> Option<String> {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for r in rows.iter().filter(|r| !r.classed) {
        match groups.iter_mut().find(|(why, _)| *why == r.class) {
            Some((_, names)) => names.push(&r.measure),
            None => groups.push((&r.class, vec![&r.measure])),
        }
    }
    if groups.is_empty() {
        return None;
    }
    let list: Vec<String> = groups
        .into_iter()
        .map(|(why, names)| {
            let mut chars = why.chars();
            let why: String = chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default();
            format!("{} ({why})", names.join(", "))
        })
        .collect();
    let pattern = if rows.iter().any(|r| r.classed) {
        l.method.unclassed
    } else {
        l.method.unclassed_all
    };
    Some(fill(pattern, &[("list", &list.join("; "))]))
}

/// The method as printed, with the given rows.
pub fn method_view(l: &Labels, thresholds: Thresholds, rows: Vec<InputRow>) -> MethodView {
    let w = &l.method;
    let p = &l.progress;
    let on_track = l.number(thresholds.on_track, 2);
    let moderate = l.number(thresholds.moderate, 2);
    let bounds = [
        ("on_track", on_track.as_str()),
        ("moderate", moderate.as_str()),
    ];
    let origin = if thresholds == Thresholds::default() {
        w.default_thresholds
    } else {
        w.own_thresholds
    };
    MethodView {
        intro: vec![w.intro.to_owned(), w.rates.to_owned(), w.time.to_owned()],
        classes_intro: fill(w.classes, &[("origin", origin)]),
        classes: [
            (p.reached, w.reached),
            (p.on_track, w.on_track),
            (p.moderate, w.moderate),
            (p.insufficient, w.insufficient),
            (p.wrong_direction, w.wrong_direction),
        ]
        .into_iter()
        .map(|(name, when)| (name.to_owned(), fill(when, &bounds)))
        .collect(),
        outro: vec![
            w.trend.to_owned(),
            w.no_class.to_owned(),
            w.changes.to_owned(),
        ],
        any_classed: rows.iter().any(|r| r.classed),
        unclassed: unclassed(l, &rows),
        rows,
    }
}

/// The numbers behind every class a status document prints: its pages' measures, its tiles'
/// and its changed measures', in the content's order.
pub(super) fn method_rows(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    status: &Status,
    goal_filter: Option<GoalNumber>,
) -> Vec<InputRow> {
    let quarter = analysis.quarters.get(&status.quarter);
    let mut printed: BTreeSet<(&IndicatorId, Option<&MeasureId>)> = BTreeSet::new();
    for g in status
        .goals
        .values()
        .filter(|g| goal_filter.is_none_or(|n| n == g.goal))
    {
        let shown = g
            .pages
            .iter()
            .map(|p| (&p.indicator, p.measures.as_slice()))
            .chain(g.selected.iter().filter_map(|s| match &s.reference {
                SelectedRef::Indicator(id) => {
                    let page = g.pages.iter().find(|p| &p.indicator == id);
                    Some((id, page.map(|p| p.measures.as_slice()).unwrap_or_default()))
                }
                _ => None,
            }));
        for (id, ids) in shown {
            if let Some(ind) = content.indicator(id) {
                printed.extend(
                    ind.select_measures(ids)
                        .into_iter()
                        .map(|m| (&ind.id, m.id.as_ref())),
                );
            }
        }
    }
    if let Some(q) = quarter {
        printed.extend(
            q.changes
                .iter()
                .filter(|c| c.class_changed && goal_filter.is_none_or(|g| g == c.goal))
                .map(|c| (&c.indicator, c.measure.as_ref())),
        );
    }
    content
        .search_indicators()
        .flat_map(|ind| ind.measures.iter().map(move |m| (ind, m)))
        .filter(|(ind, m)| printed.contains(&(&ind.id, m.id.as_ref())))
        .inspect(|(ind, _)| content.uses_indicator(ind))
        .map(|(ind, m)| input_row(l, ind, m, facts_at(analysis, quarter, ind, m)))
        .collect()
}
