//! Analysis: what the data says about each measure — latest value, the next target as a
//! number, progress towards it, and the trend.

pub mod initiatives;

use serde::Serialize;

use crate::model::{Measure, TargetKind, Value};

/// Where a measure stands against its next target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// The latest value meets the target.
    Reached,
    /// Moving towards the target.
    Progressing,
    /// Not moving towards the target.
    Behind,
    /// Not enough numbers to tell.
    Unknown,
}

/// Direction of the last change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Increased.
    Up,
    /// Decreased.
    Down,
    /// Unchanged.
    Flat,
    /// Fewer than two values.
    Unknown,
}

/// Derived facts about one measure.
#[derive(Debug, Clone)]
pub struct MeasureFacts<'a> {
    /// The newest value.
    pub latest: Option<&'a Value>,
    /// The first target after the latest value (or the last target), resolved to a number.
    pub next_target: Option<(i32, f64)>,
    /// Share of the way from baseline to target, in percent.
    pub progress: Option<f64>,
    /// Where the measure stands.
    pub standing: Standing,
    /// Last change.
    pub trend: Trend,
}

/// A target as a number, when it can be one: absolute, relative to the baseline, or the
/// baseline itself for "maintain".
pub fn target_value(measure: &Measure, kind: TargetKind) -> Option<f64> {
    let base = measure
        .baseline
        .as_ref()
        .and_then(|b| b.quantity)
        .map(|q| q.value);
    match kind {
        TargetKind::Value(q) => Some(q.value),
        TargetKind::Change(p) => base.map(|b| b * (1.0 + p / 100.0)),
        TargetKind::Maintain => base,
        TargetKind::Text => None,
    }
}

/// Analyses one measure.
pub fn analyse(measure: &Measure) -> MeasureFacts<'_> {
    let latest = measure.values.last();
    let latest_year = latest.map(|v| v.period.year());
    let numeric: Vec<(i32, f64)> = measure
        .targets
        .iter()
        .filter_map(|t| target_value(measure, t.kind).map(|v| (t.year, v)))
        .collect();
    let next_target = numeric
        .iter()
        .find(|(y, _)| latest_year.is_none_or(|ly| *y >= ly))
        .or(numeric.last())
        .copied();
    let base = measure
        .baseline
        .as_ref()
        .and_then(|b| b.quantity)
        .map(|q| q.value);
    let trend = match measure.values.as_slice() {
        [.., a, b] => {
            let d = b.quantity.value - a.quantity.value;
            if d.abs() < 1e-9 {
                Trend::Flat
            } else if d > 0.0 {
                Trend::Up
            } else {
                Trend::Down
            }
        }
        _ => Trend::Unknown,
    };
    let measured_since_baseline = latest.is_some_and(|v| {
        measure
            .baseline
            .as_ref()
            .and_then(|b| b.period)
            .is_none_or(|p| v.period > p)
    });
    let (progress, standing) = match (
        latest.filter(|_| measured_since_baseline),
        next_target,
        base,
    ) {
        (Some(v), Some((_, t)), Some(b)) if (t - b).abs() > 1e-9 => {
            let p = (v.quantity.value - b) / (t - b) * 100.0;
            let standing = if p >= 100.0 {
                Standing::Reached
            } else if p > 0.0 {
                Standing::Progressing
            } else {
                Standing::Behind
            };
            (Some(p), standing)
        }
        (Some(v), Some((_, t)), _) if (v.quantity.value - t).abs() < 1e-9 => {
            (None, Standing::Reached)
        }
        _ => (None, Standing::Unknown),
    };
    MeasureFacts {
        latest,
        next_target,
        progress,
        standing,
        trend,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;
    use crate::model::{Baseline, Quantity, SourceId, Target, Unit};

    fn measure(base: f64, values: &[(i32, f64)], targets: &[(i32, TargetKind)]) -> Measure {
        Measure {
            id: None,
            name: None,
            unit: Unit::Count,
            baseline: Some(Baseline {
                quantity: Some(Quantity {
                    value: base,
                    of: None,
                }),
                period: Some(Period::Year(2021)),
                text: None,
                source: SourceId::new("s"),
            }),
            targets: targets
                .iter()
                .map(|(y, k)| Target {
                    year: *y,
                    kind: *k,
                    text: None,
                    source: SourceId::new("s"),
                })
                .collect(),
            values: values
                .iter()
                .map(|(y, v)| Value {
                    period: Period::Year(*y),
                    quantity: Quantity {
                        value: *v,
                        of: None,
                    },
                    text: None,
                    breakdown: vec![],
                    source: SourceId::new("s"),
                })
                .collect(),
            ambition: None,
            illustrative: false,
            values_file: None,
        }
    }

    #[test]
    fn relative_targets_resolve_against_the_baseline() {
        let m = measure(
            100.0,
            &[(2021, 100.0), (2024, 106.0)],
            &[
                (2024, TargetKind::Change(12.0)),
                (2025, TargetKind::Change(20.0)),
            ],
        );
        let f = analyse(&m);
        assert_eq!(f.next_target, Some((2024, 112.00000000000001)));
        assert!((f.progress.unwrap() - 50.0).abs() < 1e-6);
        assert_eq!(f.standing, Standing::Progressing);
        assert_eq!(f.trend, Trend::Up);
    }

    #[test]
    fn falling_targets_count_as_progress_when_values_fall() {
        let m = measure(
            17.0,
            &[(2021, 17.0), (2024, 14.0)],
            &[
                (
                    2024,
                    TargetKind::Value(Quantity {
                        value: 25.0,
                        of: None,
                    }),
                ),
                (
                    2025,
                    TargetKind::Value(Quantity {
                        value: 11.0,
                        of: None,
                    }),
                ),
            ],
        );
        let f = analyse(&m);
        assert_eq!(f.next_target, Some((2024, 25.0)));
        assert_eq!(f.standing, Standing::Behind);
        assert_eq!(f.trend, Trend::Down);
    }

    #[test]
    fn a_baseline_alone_says_nothing_about_progress() {
        let m = measure(
            287.0,
            &[(2021, 287.0)],
            &[(
                2024,
                TargetKind::Value(Quantity {
                    value: 300.0,
                    of: None,
                }),
            )],
        );
        assert_eq!(analyse(&m).standing, Standing::Unknown);
    }

    #[test]
    fn text_targets_leave_the_standing_unknown() {
        let m = measure(5.0, &[(2021, 5.0)], &[(2025, TargetKind::Text)]);
        let f = analyse(&m);
        assert_eq!(f.next_target, None);
        assert_eq!(f.standing, Standing::Unknown);
    }
}
