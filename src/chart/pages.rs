//! The charts the documents show, drawn once per language before any document is made: each
//! status's indicator pages, from the facts as of its quarter (pages that show the same
//! measures share one chart), each indicator's measures on its web page, and of each measure
//! whose values are broken down, a chart of its parts. Documents find theirs by [`ChartId`].

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::sparkline::draw_sparkline;
use super::{Chart, ChartError, ChartId, draw, draw_breakdown};
use crate::analyse::{Analysis, MeasureFacts};
use crate::labels::Labels;
use crate::model::{
    Content, GoalNumber, GoalStatus, Indicator, IndicatorPage, Measure, Quarter, SelectedRef,
    Status,
};

/// Every chart drawn for one language, by id.
pub type Charts = BTreeMap<ChartId, Chart>;

/// The chart of an indicator page of a quarter's status.
pub fn page_chart(quarter: Quarter, page: &IndicatorPage) -> ChartId {
    ChartId::Page {
        quarter,
        indicator: page.indicator.clone(),
        measures: page.measures.clone(),
    }
}

/// The breakdown chart of a measure: on a status page of `quarter`, or on the indicator's web
/// page when `None`.
pub fn breakdown_chart(quarter: Option<Quarter>, ind: &Indicator, m: &Measure) -> ChartId {
    ChartId::Breakdown {
        quarter,
        indicator: ind.id.clone(),
        measure: m.id.clone(),
    }
}

/// The chart of a measure on its indicator's web page.
pub fn measure_chart(ind: &Indicator, m: &Measure) -> ChartId {
    ChartId::Measure {
        indicator: ind.id.clone(),
        measure: m.id.clone(),
    }
}

/// The sparkline of a selected measure in a quarter's overview.
pub fn sparkline_chart(quarter: Quarter, ind: &Indicator, m: &Measure) -> ChartId {
    ChartId::Sparkline {
        quarter,
        indicator: ind.id.clone(),
        measure: m.id.clone(),
    }
}

/// The measures of a selected indicator that a goal's summary and overview show: those of
/// the goal's page on the indicator when it has one, else every measure.
pub fn selected_measures<'i>(goal: &GoalStatus, ind: &'i Indicator) -> Vec<&'i Measure> {
    let ids = goal
        .pages
        .iter()
        .find(|p| p.indicator == ind.id)
        .map(|p| p.measures.as_slice())
        .unwrap_or_default();
    ind.select_measures(ids)
}

/// The indicators a goal's summary selects, in its order.
pub fn selected_indicators<'c>(
    content: &'c Content,
    goal: &'c GoalStatus,
) -> impl Iterator<Item = &'c Indicator> + 'c {
    goal.selected.iter().filter_map(|s| match &s.reference {
        SelectedRef::Indicator(id) => content.indicator(id),
        _ => None,
    })
}

/// What to draw: the statuses of the quarters `quarters` accepts, and the indicators' web
/// pages when `site`.
pub fn draw_all(
    l: &Labels,
    content: &Content,
    analysis: &Analysis,
    quarters: impl Fn(Quarter) -> bool,
    site: bool,
) -> Result<Charts, ChartError> {
    let statuses: Vec<&Status> = content
        .statuses
        .values()
        .filter(|s| quarters(s.quarter))
        .collect();
    let indicators: Vec<&Indicator> = if site {
        content.indicators.values().collect()
    } else {
        Vec::new()
    };
    let status_charts = statuses
        .par_iter()
        .map(|s| status_charts(l, content, analysis, s))
        .collect::<Result<Vec<_>, _>>()?;
    let indicator_charts = indicators
        .par_iter()
        .map(|ind| indicator_charts(l, content, analysis, ind))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(status_charts
        .into_iter()
        .chain(indicator_charts)
        .flatten()
        .collect())
}

/// The charts of a status's indicator pages, every goal's, from the facts as of its quarter.
pub fn status_charts(
    l: &Labels,
    content: &Content,
    analysis: &Analysis,
    status: &Status,
) -> Result<Charts, ChartError> {
    let quarter = analysis.quarters.get(&status.quarter);
    let mut charts = BTreeMap::new();
    for page in status.goals.values().flat_map(|g| &g.pages) {
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
            .map(|m| (m, analysis.at(quarter, ind, m)))
            .collect();
        let drawn = draw(l, ind, &measures, content.strategy.horizon, &id)?;
        charts.extend(drawn.map(|c| (id, c)));
        for (m, facts) in measures {
            let id = breakdown_chart(Some(status.quarter), ind, m);
            if !charts.contains_key(&id) {
                let drawn = draw_breakdown(l, m, facts, &id)?;
                charts.extend(drawn.map(|c| (id, c)));
            }
        }
    }
    for g in status.goals.values() {
        for ind in selected_indicators(content, g) {
            for m in selected_measures(g, ind) {
                let id = sparkline_chart(status.quarter, ind, m);
                if charts.contains_key(&id) {
                    continue;
                }
                let name = m.name.as_ref().unwrap_or(&ind.name).to_string();
                let drawn = draw_sparkline(l, &name, m, analysis.at(quarter, ind, m), &id)?;
                charts.extend(drawn.map(|c| (id, c)));
            }
        }
    }
    Ok(charts)
}

/// The ids of the charts a status document shows, every goal's or one goal's: those that were
/// drawn (a measure with too few points has a fact card instead).
pub fn of_status(
    charts: &Charts,
    content: &Content,
    status: &Status,
    goal: Option<GoalNumber>,
) -> Vec<ChartId> {
    let mut ids = Vec::new();
    for page in status
        .goals
        .values()
        .filter(|g| goal.is_none_or(|n| n == g.goal))
        .flat_map(|g| &g.pages)
    {
        let Some(ind) = content.indicator(&page.indicator) else {
            continue;
        };
        ids.push(page_chart(status.quarter, page));
        ids.extend(
            ind.select_measures(&page.measures)
                .into_iter()
                .map(|m| breakdown_chart(Some(status.quarter), ind, m)),
        );
    }
    for g in status
        .goals
        .values()
        .filter(|g| goal.is_none_or(|n| n == g.goal))
    {
        for ind in selected_indicators(content, g) {
            ids.extend(
                selected_measures(g, ind)
                    .into_iter()
                    .map(|m| sparkline_chart(status.quarter, ind, m)),
            );
        }
    }
    ids.retain(|id| charts.contains_key(id));
    ids.sort();
    ids.dedup();
    ids
}

/// One chart per measure of an indicator with two measured points or more, and one of each
/// measure's breakdown, for its web page.
pub fn indicator_charts(
    l: &Labels,
    content: &Content,
    analysis: &Analysis,
    ind: &Indicator,
) -> Result<Charts, ChartError> {
    let mut charts = BTreeMap::new();
    for m in &ind.measures {
        if m.id.is_none() && ind.measures.len() > 1 {
            continue;
        }
        let id = measure_chart(ind, m);
        let drawn = draw(
            l,
            ind,
            &[(m, analysis.of(ind, m))],
            content.strategy.horizon,
            &id,
        )?;
        charts.extend(drawn.map(|c| (id, c)));
        let id = breakdown_chart(None, ind, m);
        let drawn = draw_breakdown(l, m, analysis.of(ind, m), &id)?;
        charts.extend(drawn.map(|c| (id, c)));
    }
    Ok(charts)
}
