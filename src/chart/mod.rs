//! Charts: one SVG per indicator page of a status and per measure of an indicator's web
//! page, drawn with plotters from the [`Analysis`] alone (values, baseline, targets as it
//! resolved them, projection; shares as value ÷ `of`, drawn in percent).
//!
//! A measure with fewer than two measured points is not drawn: documents show it as a fact
//! card ([`wants_chart`] chooses). Each chart comes with an alt text and a data table written
//! from the same marks ([`series`]); the axes are fitted to what is drawn ([`axis`]); the
//! palette, line styles and markers are in [`plot`]. A measure whose values the content breaks
//! down (per health region, per category) gets a bar chart of the parts as well
//! ([`breakdown`], [`draw_breakdown`]), drawn from the values its facts count.

mod axis;
mod breakdown;
pub mod pages;
mod plot;
mod series;
pub mod sparkline;

use std::sync::Once;

use serde::Serialize;

use plotters::style::FontStyle;

use crate::analyse::MeasureFacts;
use crate::labels::{Labels, fill};
use crate::model::{Indicator, Measure, Quarter, Unit};

pub use crate::model::ChartId;

/// The numbers behind a chart, as a table: one row per drawn mark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataTable {
    /// What the table is: `Tallene bak figuren: {title}`.
    pub caption: String,
    /// Column headings: series, period, value.
    pub columns: [String; 3],
    /// One row per mark: what it is, when, how much.
    pub rows: Vec<[String; 3]>,
}

/// A drawn chart. Its words that name it (the alt text's start, the table's caption) come
/// with the title of the page that shows it: [`Chart::alt`], [`Chart::table`].
#[derive(Debug, Clone)]
pub struct Chart {
    /// What it draws.
    pub id: ChartId,
    /// The SVG.
    pub svg: String,
    /// Everything the chart shows, in words, for readers who cannot see it (the alt text
    /// without its title).
    pub description: String,
    /// True when a series is illustrative rather than measured.
    pub illustrative: bool,
    /// The numbers drawn: the table's column headings.
    columns: [String; 3],
    /// The numbers drawn: one row per mark.
    rows: Vec<[String; 3]>,
}

impl Chart {
    /// The alt text of the chart shown under `title`.
    pub fn alt(&self, l: &Labels, title: &str) -> String {
        format!(
            "{} {}",
            fill(l.chart_alt, &[("title", title)]),
            self.description
        )
    }

    /// The table of the numbers the chart draws, shown under `title`.
    pub fn table(&self, l: &Labels, title: &str) -> DataTable {
        DataTable {
            caption: fill(l.charts.table_caption, &[("title", title)]),
            columns: self.columns.clone(),
            rows: self.rows.clone(),
        }
    }
}

/// How many measured points a measure needs to be drawn; with fewer it gets a fact card.
pub const MIN_POINTS: usize = 2;

/// Whether a measure is drawn in a chart (two measured points or more) rather than shown as
/// a fact card.
pub fn wants_chart(facts: &MeasureFacts) -> bool {
    facts.measured_points() >= MIN_POINTS
}

/// A failure while drawing.
#[derive(Debug, thiserror::Error)]
#[error("failed to draw {} ({reason})", what(.id))]
pub struct ChartError {
    id: ChartId,
    reason: String,
}

/// What a chart draws, for a message: `the chart of indicator 1.6 in 2026-Q2`.
fn what(id: &ChartId) -> String {
    let measure = |m: Option<&crate::model::MeasureId>| {
        m.map(|m| format!(", measure {m}")).unwrap_or_default()
    };
    let quarter = |q: &Quarter| format!(" in {}-Q{}", q.year, q.quarter);
    match id {
        ChartId::Page {
            quarter: q,
            indicator,
            measures,
        } => {
            let ids: Vec<&str> = measures.iter().map(|m| &**m).collect();
            let some = if ids.is_empty() {
                String::new()
            } else {
                format!(", measures {}", ids.join(", "))
            };
            format!("the chart of indicator {indicator}{some}{}", quarter(q))
        }
        ChartId::Measure {
            indicator,
            measure: m,
        } => {
            format!("the chart of indicator {indicator}{}", measure(m.as_ref()))
        }
        ChartId::Breakdown {
            quarter: q,
            indicator,
            measure: m,
        } => format!(
            "the breakdown of indicator {indicator}{}{}",
            measure(m.as_ref()),
            q.as_ref().map(quarter).unwrap_or_default()
        ),
        ChartId::Sparkline {
            quarter: q,
            indicator,
            measure: m,
        } => format!(
            "the sparkline of indicator {indicator}{}{}",
            measure(m.as_ref()),
            quarter(q)
        ),
    }
}

const FONT: &str = "Inter";

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Without a real font plotters guesses label widths from byte counts, and æøå overflow.
        let _ = plotters::style::register_font(
            FONT,
            FontStyle::Normal,
            crate::typeset::fonts::INTER_REGULAR,
        );
    });
}

/// Draws the chart of `measures` (each with its facts: a status page's as of its quarter, an
/// indicator page's over every value), of those that [`wants_chart`]; nothing when none does.
pub fn draw(
    l: &Labels,
    indicator: &Indicator,
    measures: &[(&Measure, &MeasureFacts)],
    horizon: i32,
    id: &ChartId,
) -> Result<Option<Chart>, ChartError> {
    register_font();
    let drawn: Vec<&(&Measure, &MeasureFacts)> =
        measures.iter().filter(|(_, f)| wants_chart(f)).collect();
    let Some((first, first_facts)) = drawn.first() else {
        return Ok(None);
    };
    let share = first_facts.share;
    let unit = if share { Unit::Percent } else { first.unit };
    let series: Vec<series::Series> = drawn
        .iter()
        .map(|(m, f)| series::series(l, indicator, m, f, horizon))
        .collect();
    let xs: Vec<f64> = series.iter().flat_map(|s| s.marks()).map(|m| m.x).collect();
    let quarterly = series.iter().any(|s| s.quarterly);
    let axis = axis::x_axis(l, &xs, quarterly);
    let svg = plot::svg(l, unit, &series, &axis).map_err(|reason| ChartError {
        id: id.clone(),
        reason,
    })?;
    let (columns, rows) = table(l, unit, &series);
    Ok(Some(Chart {
        id: id.clone(),
        svg,
        description: series::alt_text(l, unit, share, &series),
        illustrative: series
            .iter()
            .any(|s| s.illustrative && !s.values.is_empty()),
        columns,
        rows,
    }))
}

/// Draws the breakdown of a measure's values that its facts count, when one of them has
/// one: a bar per period, its parts stacked when they add up to the value.
pub fn draw_breakdown(
    l: &Labels,
    m: &Measure,
    facts: &MeasureFacts,
    id: &ChartId,
) -> Result<Option<Chart>, ChartError> {
    register_font();
    let Some(parts) = breakdown::parts(l, m, facts) else {
        return Ok(None);
    };
    let svg = breakdown::svg(l, &parts).map_err(|reason| ChartError {
        id: id.clone(),
        reason,
    })?;
    Ok(Some(Chart {
        id: id.clone(),
        svg,
        description: breakdown::alt_text(l, &parts),
        illustrative: m.illustrative,
        columns: [
            l.charts.part.to_owned(),
            l.period_column.to_owned(),
            l.value.to_owned(),
        ],
        rows: breakdown::rows(l, &parts),
    }))
}

/// The data table of a chart's series: a row per mark, named by its measure when there are
/// several.
fn table(l: &Labels, unit: Unit, series: &[series::Series]) -> ([String; 3], Vec<[String; 3]>) {
    let several = series.len() > 1;
    let rows = series
        .iter()
        .flat_map(|s| {
            series::rows(l, s).into_iter().map(move |(what, m)| {
                let what = if several {
                    format!("{} – {what}", s.label)
                } else {
                    what
                };
                [what, m.when.clone(), series::value_text(l, unit, m.y)]
            })
        })
        .collect();
    let columns = [
        l.charts.series.to_owned(),
        l.period_column.to_owned(),
        l.value.to_owned(),
    ];
    (columns, rows)
}

#[cfg(test)]
mod tests;
