//! What a chart draws of each measure, in chart terms: x in years at the midpoints of
//! periods (a year's value and a target for that year both at 1 July), y as drawn (a share in
//! percent). The alt text and the data table are written from these same marks, so the
//! picture, its words and its table cannot disagree.

use crate::analyse::{MeasureFacts, time};
use crate::labels::{Labels, fill};
use crate::model::{Indicator, Measure, Period, Quantity, Unit};

/// One drawn point: where, and when and how much in words.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mark {
    /// The period in the document's words (`3. kvartal 2026`, never a month for a quarter).
    pub when: String,
    /// Years, at the period's midpoint.
    pub x: f64,
    /// The height drawn: the value, or a share in percent.
    pub y: f64,
}

/// Everything drawn of one measure.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Series {
    /// The measure's name, or the indicator's.
    pub label: String,
    /// The values are an illustration, not measurements.
    pub illustrative: bool,
    /// Measured (or illustrative) values, oldest first.
    pub values: Vec<Mark>,
    /// The baseline.
    pub baseline: Option<Mark>,
    /// The numeric targets, in year order.
    pub targets: Vec<Mark>,
    /// The ambition, when it has a number.
    pub ambition: Option<Mark>,
    /// The projection at the observed rate, from the analysis, with that rate.
    pub projection: Option<(f64, Vec<Mark>)>,
    /// Whether the values are quarters: the x axis then has quarter ticks.
    pub quarterly: bool,
}

impl Series {
    /// Every mark of the series.
    pub fn marks(&self) -> impl Iterator<Item = &Mark> {
        self.values
            .iter()
            .chain(&self.baseline)
            .chain(&self.targets)
            .chain(&self.ambition)
            .chain(self.projection.iter().flat_map(|p| &p.1))
    }

    /// The thin path from the baseline through the targets, when there is a baseline and a
    /// target after it.
    pub fn path(&self) -> Vec<(f64, f64)> {
        let Some(b) = &self.baseline else {
            return Vec::new();
        };
        let after: Vec<(f64, f64)> = self
            .targets
            .iter()
            .filter(|t| t.x > b.x)
            .map(|t| (t.x, t.y))
            .collect();
        if after.is_empty() {
            return Vec::new();
        }
        std::iter::once((b.x, b.y)).chain(after).collect()
    }

    /// The projection's line: from the latest value through the projected points.
    pub fn projection_line(&self) -> Vec<(f64, f64)> {
        match (&self.projection, self.values.last()) {
            (Some((_, points)), Some(last)) => std::iter::once(last)
                .chain(points)
                .map(|m| (m.x, m.y))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The height a level is drawn at: a share in percent, anything else as it is.
fn height(share: bool, level: f64) -> f64 {
    if share { level * 100.0 } else { level }
}

/// `v` rounded to three significant figures: `300,61` → `301`, `12,345` → `12,3`.
fn three_figures(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let scale = 10f64.powi(2 - v.abs().log10().floor() as i32);
    (v * scale).round() / scale
}

/// A measure's series, from its facts in the analysis.
pub(super) fn series(
    l: &Labels,
    indicator: &Indicator,
    m: &Measure,
    facts: &MeasureFacts,
    horizon: i32,
) -> Series {
    let share = facts.share;
    let mark = |period: Period, level: f64| Mark {
        when: l.period(period),
        x: time::midpoint(period),
        y: height(share, level),
    };
    let values = facts
        .values
        .iter()
        .map(|v| mark(v.period, v.level))
        .collect();
    let baseline = facts.baseline.as_ref().map(|b| mark(b.period, b.level));
    let mut targets: Vec<Mark> = facts
        .targets
        .iter()
        .flatten()
        .map(|t| mark(Period::Year(t.year), t.level))
        .collect();
    targets.sort_by(|a, b| a.x.total_cmp(&b.x));
    // An ambition has no denominator, so on a share's scale it has no place.
    let ambition = m.ambition.as_ref().filter(|_| !share).and_then(|a| {
        let period = a.period.unwrap_or(Period::Year(horizon));
        a.value.map(|v| mark(period, v))
    });
    let projection = facts.projection.as_ref().map(|p| {
        // An illustration claims no more precision than three figures.
        let points = p
            .points
            .iter()
            .map(|x| Mark {
                y: three_figures(height(share, x.level)),
                ..mark(Period::Year(x.year), x.level)
            })
            .collect();
        (p.rate, points)
    });
    let label = m
        .name
        .as_ref()
        .or(indicator.short_name.as_ref())
        .unwrap_or(&indicator.name)
        .to_string();
    Series {
        label,
        illustrative: m.illustrative,
        values,
        baseline,
        targets,
        ambition,
        projection,
        quarterly: facts
            .values
            .iter()
            .any(|v| matches!(v.period, Period::Quarter(..))),
    }
}

/// A number as the chart's unit writes it.
pub(super) fn value_text(l: &Labels, unit: Unit, v: f64) -> String {
    l.quantity(unit, Quantity { value: v, of: None })
}

/// A yearly rate in percent, with its sign.
fn rate_text(l: &Labels, rate: f64) -> String {
    let n = l.number(rate * 100.0, 1);
    let n = if rate > 0.0 { format!("+{n}") } else { n };
    fill(l.number.percent, &[("n", &n)])
}

/// The rows of a series, each with what it is: values, baseline, targets, projection,
/// ambition. The alt text and the data table are both written from these.
pub(super) fn rows<'a>(l: &Labels, s: &'a Series) -> Vec<(String, &'a Mark)> {
    let values = if s.illustrative {
        l.chart_illustrative
    } else {
        l.chart_measured
    };
    let mut rows: Vec<(String, &Mark)> = s.values.iter().map(|m| (values.to_owned(), m)).collect();
    rows.extend(s.baseline.iter().map(|m| (l.charts.baseline.to_owned(), m)));
    rows.extend(s.targets.iter().map(|m| (l.chart_targets.to_owned(), m)));
    if let Some((_, points)) = &s.projection {
        rows.extend(points.iter().map(|m| (l.charts.projection.to_owned(), m)));
    }
    rows.extend(s.ambition.iter().map(|m| (l.ambition.to_owned(), m)));
    rows
}

/// Alt text without its title: every mark of every series, in words, and the lines between
/// them.
pub(super) fn alt_text(l: &Labels, unit: Unit, share: bool, series: &[Series]) -> String {
    let mut parts = Vec::new();
    if share {
        parts.push(l.chart_share_in_percent.to_owned());
    }
    let list = |marks: &[Mark]| {
        marks
            .iter()
            .map(|m| format!("{}: {}", m.when, value_text(l, unit, m.y)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    for s in series {
        let mut words = Vec::new();
        if !s.values.is_empty() {
            let kind = if s.illustrative {
                l.chart_illustrative
            } else {
                l.chart_measured
            };
            words.push(format!("{kind}: {}", list(&s.values)));
        }
        if let Some(b) = &s.baseline {
            words.push(format!(
                "{}: {}",
                l.charts.baseline,
                list(std::slice::from_ref(b))
            ));
        }
        if !s.targets.is_empty() {
            words.push(format!("{}: {}", l.chart_targets, list(&s.targets)));
        }
        if !s.path().is_empty() {
            words.push(l.charts.path.to_owned());
        }
        if let Some((rate, points)) = &s.projection {
            let rate = fill(l.charts.projection_rate, &[("rate", &rate_text(l, *rate))]);
            words.push(format!("{} {rate}: {}", l.charts.projection, list(points)));
        }
        if let Some(a) = &s.ambition {
            words.push(fill(
                l.chart_ambition,
                &[("when", &a.when), ("value", &value_text(l, unit, a.y))],
            ));
        }
        if words.is_empty() {
            words.push(l.chart_no_values.to_owned());
        }
        parts.push(format!("{}. {}.", s.label, words.join(". ")));
    }
    parts.join(" ")
}
