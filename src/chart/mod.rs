//! Charts: one SVG per indicator page, drawn with plotters from the model alone.
//!
//! Every series differs by marker shape and line style as well as colour, so nothing is told
//! by colour alone. Each chart comes with an alt text written from the same numbers.
//! The numbers come from the [`Analysis`]: targets as it resolved them, and shares as
//! value ÷ `of`, drawn as percentages.

use std::sync::Once;

use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::analyse::{Analysis, MeasureFacts};
use crate::labels::{Labels, fill};
use crate::model::{
    GoalNumber, Indicator, IndicatorId, Measure, MeasureId, Quantity, Quarter, Unit,
};

/// Which chart: named by what it draws, never by its place in a list.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChartId {
    /// The chart of an indicator's page in a goal of a quarter's status (a goal has at most
    /// one page per indicator, as validation checks).
    Page {
        /// The status's quarter.
        quarter: Quarter,
        /// The goal.
        goal: GoalNumber,
        /// The indicator the page is about.
        indicator: IndicatorId,
    },
    /// The chart of one measure on its indicator's web page.
    Measure {
        /// The indicator.
        indicator: IndicatorId,
        /// The measure; `None` for an indicator's single unnamed measure.
        measure: Option<MeasureId>,
    },
}

/// A drawn chart.
#[derive(Debug, Clone)]
pub struct Chart {
    /// What it draws.
    pub id: ChartId,
    /// The SVG.
    pub svg: String,
    /// A description of everything the chart shows, for readers who cannot see it.
    pub alt: String,
    /// True when a series is illustrative rather than measured.
    pub illustrative: bool,
}

/// A failure while drawing.
#[derive(Debug, thiserror::Error)]
#[error("failed to draw chart {name} ({reason})")]
pub struct ChartError {
    name: String,
    reason: String,
}

const WIDTH: u32 = 640;
const HEIGHT: u32 = 480;
const FONT: &str = "Inter";
const MEASURED: RGBColor = RGBColor(0x1a, 0x4f, 0x8b);
const TARGET: RGBColor = RGBColor(0x9a, 0x3b, 0x00);
const AMBITION: RGBColor = RGBColor(0x1d, 0x6b, 0x35);
const GRID: RGBColor = RGBColor(0xd9, 0xd9, 0xd9);
const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);

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

struct Points {
    label: String,
    values: Vec<(f64, f64)>,
    targets: Vec<(f64, f64)>,
    ambition: Option<(f64, f64)>,
    illustrative: bool,
}

/// The height a number is drawn at: a share as a percentage, anything else as written.
fn height(facts: &MeasureFacts, quantity: Quantity, level: f64) -> f64 {
    if facts.share {
        level * 100.0
    } else {
        quantity.value
    }
}

fn points(indicator: &Indicator, m: &Measure, facts: &MeasureFacts, horizon: i32) -> Points {
    let mut values: Vec<(f64, f64)> = facts
        .values
        .iter()
        .map(|v| (v.period.x(), height(facts, v.quantity, v.level)))
        .collect();
    if values.is_empty()
        && let Some(b) = &facts.baseline
    {
        values.push((b.period.x(), height(facts, b.quantity, b.level)));
    }
    let targets = facts
        .targets
        .iter()
        .flatten()
        .map(|t| (f64::from(t.year), height(facts, t.quantity, t.level)))
        .collect();
    // An ambition has no denominator, so on a share's scale it has no place.
    let ambition = m.ambition.as_ref().filter(|_| !facts.share).and_then(|a| {
        a.value
            .map(|v| (a.period.map_or(f64::from(horizon), |p| p.x()), v))
    });
    let label = m
        .name
        .as_ref()
        .or(indicator.short_name.as_ref())
        .unwrap_or(&indicator.name)
        .to_string();
    Points {
        label,
        values,
        targets,
        ambition,
        illustrative: m.illustrative,
    }
}

fn fmt_value(l: &Labels, unit: Unit, v: f64) -> String {
    l.quantity(unit, Quantity { value: v, of: None })
}

fn fmt_x(l: &Labels, x: f64) -> String {
    let year = x.floor();
    if (x - year).abs() < 1e-6 {
        format!("{year:.0}")
    } else {
        format!("{year:.0} ({})", l.number((x - year) * 12.0 + 1.0, 0))
    }
}

/// Alt text: every point of every series, in words.
fn alt_text(l: &Labels, title: &str, unit: Unit, share: bool, series: &[Points]) -> String {
    let mut parts = vec![fill(l.chart_alt, &[("title", title)])];
    if share {
        parts.push(l.chart_share_in_percent.to_owned());
    }
    for s in series {
        let mut words = Vec::new();
        if !s.values.is_empty() {
            let kind = if s.illustrative {
                l.chart_illustrative
            } else {
                l.chart_measured
            };
            let list: Vec<String> = s
                .values
                .iter()
                .map(|(x, y)| format!("{}: {}", fmt_x(l, *x), fmt_value(l, unit, *y)))
                .collect();
            words.push(format!("{kind}: {}", list.join("; ")));
        }
        if !s.targets.is_empty() {
            let list: Vec<String> = s
                .targets
                .iter()
                .map(|(x, y)| format!("{}: {}", fmt_x(l, *x), fmt_value(l, unit, *y)))
                .collect();
            words.push(format!("{}: {}", l.chart_targets, list.join("; ")));
        }
        if let Some((x, y)) = s.ambition {
            words.push(fill(
                l.chart_ambition,
                &[("when", &fmt_x(l, x)), ("value", &fmt_value(l, unit, y))],
            ));
        }
        if words.is_empty() {
            words.push(l.chart_no_values.to_owned());
        }
        parts.push(format!("{}. {}.", s.label, words.join(". ")));
    }
    parts.join(" ")
}

/// Draws the chart for an indicator page, or nothing when the data holds no numbers.
pub fn draw(
    l: &Labels,
    analysis: &Analysis,
    indicator: &Indicator,
    measure_ids: &[MeasureId],
    horizon: i32,
    id: &ChartId,
    title: &str,
) -> Result<Option<Chart>, ChartError> {
    let name = crate::document::names::chart_file(id);
    register_font();
    let measures = indicator.select_measures(measure_ids);
    let share = measures
        .first()
        .is_some_and(|m| analysis.of(indicator, m).share);
    let unit = match measures.first() {
        _ if share => Unit::Percent,
        Some(m) => m.unit,
        None => indicator.unit,
    };
    let series: Vec<Points> = measures
        .iter()
        .map(|m| points(indicator, m, analysis.of(indicator, m), horizon))
        .collect();
    let all: Vec<(f64, f64)> = series
        .iter()
        .flat_map(|s| {
            s.values
                .iter()
                .chain(&s.targets)
                .chain(s.ambition.iter())
                .copied()
        })
        .collect();
    if all.is_empty() {
        return Ok(None);
    }
    let min_x = all
        .iter()
        .map(|p| p.0)
        .fold(f64::INFINITY, f64::min)
        .floor()
        .min(f64::from(horizon) - 4.0);
    let max_x = all
        .iter()
        .map(|p| p.0)
        .fold(f64::NEG_INFINITY, f64::max)
        .ceil()
        .max(f64::from(horizon));
    let max_y = all.iter().map(|p| p.1).fold(0.0, f64::max);
    let top = if unit == Unit::Percent {
        100.0
    } else {
        nice_top(max_y * 1.15)
    };
    let illustrative = series
        .iter()
        .any(|s| s.illustrative && !s.values.is_empty());

    let err = |e: &dyn std::fmt::Display| ChartError {
        name: name.clone(),
        reason: e.to_string(),
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .margin(18)
            .x_label_area_size(40)
            .y_label_area_size(100)
            .build_cartesian_2d((min_x - 0.4)..(max_x + 0.4), 0.0..top)
            .map_err(|e| err(&e))?;
        let x_fmt = |x: &f64| {
            if (x - x.round()).abs() < 1e-6 {
                format!("{:.0}", x)
            } else {
                String::new()
            }
        };
        let y_fmt = |y: &f64| fmt_value(l, unit, *y);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .axis_style(TEXT)
            .x_labels((max_x - min_x) as usize + 1)
            .y_labels(6)
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .label_style((FONT, 20).into_font().color(&TEXT))
            .draw()
            .map_err(|e| err(&e))?;
        let several = series.len() > 1;
        for s in &series {
            let named = |what: &str| {
                if several {
                    format!("{} – {what}", s.label)
                } else {
                    capitalise(what)
                }
            };
            let style = ShapeStyle {
                color: MEASURED.to_rgba(),
                filled: true,
                stroke_width: 3,
            };
            if !s.values.is_empty() {
                let label = if s.illustrative {
                    named(l.legend_illustrative)
                } else {
                    named(l.legend_measured)
                };
                if s.illustrative {
                    chart
                        .draw_series(DashedLineSeries::new(s.values.clone(), 10, 6, style))
                        .map_err(|e| err(&e))?
                        .label(label)
                        .legend(|(x, y)| {
                            PathElement::new(vec![(x, y), (x + 24, y)], MEASURED.stroke_width(3))
                        });
                } else {
                    chart
                        .draw_series(LineSeries::new(s.values.clone(), style))
                        .map_err(|e| err(&e))?
                        .label(label)
                        .legend(|(x, y)| Circle::new((x + 12, y), 5, MEASURED.filled()));
                }
                chart
                    .draw_series(
                        s.values
                            .iter()
                            .map(|p| Circle::new(*p, 5, MEASURED.filled())),
                    )
                    .map_err(|e| err(&e))?;
            }
            if !s.targets.is_empty() {
                chart
                    .draw_series(
                        s.targets
                            .iter()
                            .map(|p| TriangleMarker::new(*p, 8, TARGET.stroke_width(3))),
                    )
                    .map_err(|e| err(&e))?
                    .label(named(l.legend_targets))
                    .legend(|(x, y)| TriangleMarker::new((x + 12, y), 7, TARGET.stroke_width(3)));
            }
            if let Some(p) = s.ambition {
                chart
                    .draw_series(std::iter::once(Cross::new(p, 8, AMBITION.stroke_width(4))))
                    .map_err(|e| err(&e))?
                    .label(named(l.legend_ambition))
                    .legend(|(x, y)| Cross::new((x + 12, y), 6, AMBITION.stroke_width(4)));
            }
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.92))
            .border_style(GRID)
            .label_font((FONT, 18).into_font().color(&TEXT))
            .draw()
            .map_err(|e| err(&e))?;
        root.present().map_err(|e| err(&e))?;
    }
    Ok(Some(Chart {
        id: id.clone(),
        svg,
        alt: alt_text(l, title, unit, share, &series),
        illustrative,
    }))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A round axis maximum at or above `v`.
fn nice_top(v: f64) -> f64 {
    if v <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|t| *t >= v)
        .unwrap_or(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_tops() {
        assert_eq!(nice_top(115.0), 200.0);
        assert_eq!(nice_top(330.0 * 1.15), 500.0);
        assert_eq!(nice_top(0.0), 1.0);
    }
}
