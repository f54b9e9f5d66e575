//! Sparklines: a measure's measured values as a small line without axes, for a row of the
//! overview ("Samlet status"), drawn with plotters from the facts as of a quarter's end. Its
//! alt text and table give every value it draws, so it carries nothing a reader without it
//! misses.

use plotters::prelude::*;

use super::{Chart, ChartError, ChartId, register_font};
use crate::analyse::MeasureFacts;
use crate::labels::{Labels, fill};
use crate::model::Measure;

/// The sparkline's size in pixels: wide and low, to sit in a table's row.
const WIDTH: u32 = 120;
const HEIGHT: u32 = 32;
/// Room around the line for its last point's marker.
const PAD: i32 = 4;
const LINE: RGBColor = RGBColor(0x1a, 0x4f, 0x8b);

/// The values a sparkline draws, as printed: `46 % (2025)`.
fn value_texts(l: &Labels, m: &Measure, facts: &MeasureFacts) -> Vec<(String, String)> {
    facts
        .values
        .iter()
        .map(|p| (l.period(p.period), l.quantity(m.unit, p.quantity)))
        .collect()
}

/// Draws the sparkline of a measure's measured values, when it has two or more; its
/// description names the measure and every value (`Utvikling for {measure}: {values}.`).
pub fn draw_sparkline(
    l: &Labels,
    name: &str,
    m: &Measure,
    facts: &MeasureFacts,
    id: &ChartId,
) -> Result<Option<Chart>, ChartError> {
    if facts.values.len() < 2 {
        return Ok(None);
    }
    register_font();
    let points: Vec<(f64, f64)> = facts.values.iter().map(|p| (p.time, p.level)).collect();
    let svg = svg(&points).map_err(|reason| ChartError {
        id: id.clone(),
        reason,
    })?;
    let texts = value_texts(l, m, facts);
    let values: Vec<String> = texts.iter().map(|(p, v)| format!("{v} ({p})")).collect();
    Ok(Some(Chart {
        id: id.clone(),
        svg,
        description: fill(
            l.overview.sparkline_alt,
            &[("measure", name), ("values", &values.join(", "))],
        ),
        illustrative: m.illustrative,
        columns: [
            l.charts.series.to_owned(),
            l.period_column.to_owned(),
            l.value.to_owned(),
        ],
        rows: texts
            .into_iter()
            .map(|(p, v)| [name.to_owned(), p, v])
            .collect(),
    }))
}

/// The range of `xs`, widened when it is a single number so that it has a width.
fn range(xs: impl Iterator<Item = f64> + Clone) -> (f64, f64) {
    let lo = xs.clone().fold(f64::INFINITY, f64::min);
    let hi = xs.fold(f64::NEG_INFINITY, f64::max);
    if hi - lo > f64::EPSILON * hi.abs().max(1.0) {
        (lo, hi)
    } else {
        let d = (lo.abs() * 0.1).max(1e-9);
        (lo - d, hi + d)
    }
}

/// The line through `points` (time, level), its last point marked.
fn svg(points: &[(f64, f64)]) -> Result<String, String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        let (x0, x1) = range(points.iter().map(|p| p.0));
        let (y0, y1) = range(points.iter().map(|p| p.1));
        let mut chart = ChartBuilder::on(&root)
            .margin(PAD)
            .build_cartesian_2d(x0..x1, y0..y1)
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(LineSeries::new(
                points.iter().copied(),
                LINE.stroke_width(2),
            ))
            .map_err(|e| e.to_string())?;
        if let Some(last) = points.last() {
            chart
                .draw_series(std::iter::once(Circle::new(*last, 3, LINE.filled())))
                .map_err(|e| e.to_string())?;
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}
