//! The figures of a status's indicator page: its charts as a page places them (with the alt
//! text and table under the page's title; an indicator's web page places its breakdowns the
//! same way) and its table of figures per measure, as of the status's quarter.

use serde::Serialize;

use super::names;
use super::progress::facts_at;
use super::text::{Shown, accessible_svg, baseline_text, target_text};
use crate::analyse::Analysis;
use crate::analyse::changes::QuarterFacts;
use crate::chart::{Chart, DataTable};
use crate::labels::{Labels, fill};
use crate::model::{Indicator, MeasureId};

/// One row of an indicator page's figures.
#[derive(Debug, Clone, Serialize)]
pub struct FactRow {
    /// Measure.
    pub measure: Shown,
    /// Baseline.
    pub baseline: String,
    /// Latest value.
    pub latest: String,
    /// Targets.
    pub targets: String,
    /// Ambition.
    pub ambition: String,
    /// The class from the numbers, or why there is none, in words.
    pub standing: String,
    /// Whether a fact card says the measure's figure (see `PageView::cards`): the deck then
    /// prints no card of this row.
    pub carded: bool,
}

/// A chart as placed in a document.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    /// Virtual path of the SVG for typst.
    pub path: String,
    /// The SVG with its accessible name, for inline HTML.
    pub svg: String,
    /// Alt text.
    pub alt: String,
    /// Whether a series is illustrative.
    pub illustrative: bool,
    /// The numbers drawn, as a table.
    pub table: DataTable,
}

/// A chart as a page shows it under `title`.
pub(super) fn chart_view(l: &Labels, c: &Chart, title: &str) -> ChartView {
    let alt = c.alt(l, title);
    ChartView {
        path: names::chart_in_typst(&c.id),
        svg: accessible_svg(&c.svg, &alt),
        alt,
        illustrative: c.illustrative,
        table: c.table(l, title),
    }
}

/// The table of figures of an indicator page: a row per measure the page selects.
pub(super) fn fact_rows(
    l: &Labels,
    analysis: &Analysis,
    quarter: Option<&QuarterFacts>,
    indicator: &Indicator,
    measure_ids: &[MeasureId],
) -> Vec<FactRow> {
    let measures = indicator.select_measures(measure_ids);
    measures
        .into_iter()
        .map(|m| {
            let facts = facts_at(analysis, quarter, indicator, m);
            let latest = match facts.latest() {
                Some(v) if m.illustrative => fill(
                    l.latest_illustrative,
                    &[
                        ("value", &l.quantity(m.unit, v.quantity)),
                        ("period", &l.period(v.period)),
                    ],
                ),
                Some(v) => format!(
                    "{} ({})",
                    l.quantity(m.unit, v.quantity),
                    l.period(v.period)
                ),
                None => l.no_measurement.to_owned(),
            };
            let targets = m
                .targets
                .iter()
                .map(|t| format!("{}: {}", t.year, target_text(l, m.unit, t)))
                .collect::<Vec<_>>()
                .join("; ");
            FactRow {
                measure: Shown::new(l, m.name.as_ref().unwrap_or(&indicator.name)),
                baseline: m
                    .baseline
                    .as_ref()
                    .map(|b| baseline_text(l, m.unit, b))
                    .unwrap_or_else(|| "–".into()),
                latest,
                targets: if targets.is_empty() {
                    "–".into()
                } else {
                    targets
                },
                ambition: m
                    .ambition
                    .as_ref()
                    .map(|a| a.text.to_string())
                    .unwrap_or_else(|| "–".into()),
                standing: l.class(facts.class).to_owned(),
                carded: false,
            }
        })
        .collect()
}
