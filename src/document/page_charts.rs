//! The charts of a status document's indicator pages, drawn from the facts as of the
//! status's quarter; pages that show the same measures share one chart. Each measure whose
//! values known at the quarter's end are broken down gets a breakdown chart as well.

use std::collections::BTreeMap;

use super::progress::facts_at;
use crate::analyse::{Analysis, MeasureFacts};
use crate::chart::{self, Chart, ChartError, ChartId};
use crate::labels::Labels;
use crate::model::{Content, GoalNumber, Indicator, IndicatorPage, Measure, Quarter, Status};

/// Draws the charts of a status document's indicator pages, every goal's or one goal's, from
/// the facts as of the status's quarter.
pub fn charts(
    l: &Labels,
    content: &Content,
    analysis: &Analysis,
    status: &Status,
    goal: Option<GoalNumber>,
) -> Result<BTreeMap<ChartId, Chart>, ChartError> {
    let quarter = analysis.quarters.get(&status.quarter);
    let mut charts = BTreeMap::new();
    for g in status
        .goals
        .values()
        .filter(|g| goal.is_none_or(|n| n == g.goal))
    {
        for page in &g.pages {
            let Some(ind) = content.indicator(&page.indicator) else {
                continue;
            };
            let id = page_chart(status.quarter, page);
            if charts.contains_key(&id) {
                continue;
            }
            let measures: Vec<(&Measure, &MeasureFacts)> = ind
                .select_measures(&page.measures)
                .into_iter()
                .map(|m| (m, facts_at(analysis, quarter, ind, m)))
                .collect();
            let drawn = chart::draw(l, ind, &measures, content.strategy.horizon, &id)?;
            charts.extend(drawn.map(|c| (id, c)));
            for (m, facts) in measures {
                let id = breakdown_chart(Some(status.quarter), ind, m);
                if !charts.contains_key(&id) {
                    let drawn = chart::draw_breakdown(l, m, facts, &id)?;
                    charts.extend(drawn.map(|c| (id, c)));
                }
            }
        }
    }
    Ok(charts)
}

/// The chart of an indicator page of a quarter's status.
pub(super) fn page_chart(quarter: Quarter, page: &IndicatorPage) -> ChartId {
    ChartId::Page {
        quarter,
        indicator: page.indicator.clone(),
        measures: page.measures.clone(),
    }
}

/// The breakdown chart of a measure: on a status page of `quarter`, or on the indicator's web
/// page when `None`.
pub(super) fn breakdown_chart(quarter: Option<Quarter>, ind: &Indicator, m: &Measure) -> ChartId {
    ChartId::Breakdown {
        quarter,
        indicator: ind.id.clone(),
        measure: m.id.clone(),
    }
}
