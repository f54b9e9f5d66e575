//! The axes of a chart: the x axis fitted to what is drawn (values, baseline, targets,
//! ambition, projection), never stretched to the horizon, with a tick per year or, for
//! quarterly series, per quarter; the y axis from zero to a round top, or, when everything
//! drawn lies far above zero, between round numbers around it, so that slow growth shows.

use crate::labels::{Labels, fill};

/// A labelled place on the x axis.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Tick {
    /// Years.
    pub x: f64,
    /// What is written under it; empty where the ticks are too dense to label each.
    pub label: String,
}

/// The x axis.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct XAxis {
    /// Where it starts, in years.
    pub lo: f64,
    /// Where it ends, in years.
    pub hi: f64,
    /// A tick at the middle of each year, or of each quarter.
    pub ticks: Vec<Tick>,
    /// For quarter ticks: each year's label, at the middle of the part of it on the axis.
    pub years: Vec<Tick>,
}

/// At most this many labels under the x axis.
const MAX_LABELS: usize = 10;

/// The x axis fitted to `xs`: whole years (or quarters) from the first mark's to the last's.
pub(super) fn x_axis(l: &Labels, xs: &[f64], quarterly: bool) -> XAxis {
    let min = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (min, max) = if min.is_finite() && max.is_finite() {
        (min, max)
    } else {
        (0.0, 0.0)
    };
    let step = if quarterly { 0.25 } else { 1.0 };
    // From the start of the first mark's quarter or year: a mark at a year's middle on a
    // quarterly axis (a baseline, a target) gets a quarter's room before it, not the edge.
    let lo = ((min - step / 2.0) / step).floor() * step;
    let hi = ((max / step).floor() + 1.0) * step;
    let count = ((hi - lo) / step).round() as usize;
    let every = count.div_ceil(MAX_LABELS).max(1);
    // Quarters too many to name each are left unnamed: every other "K3, K1" would read as
    // a pattern, and the years beneath say where they are.
    let name_quarters = count <= MAX_LABELS;
    let ticks = (0..count)
        .map(|i| {
            let start = lo + i as f64 * step;
            let label = if i % every != 0 || (quarterly && !name_quarters) {
                String::new()
            } else if quarterly {
                let q = ((start - start.floor()) * 4.0).round() as u8 + 1;
                fill(l.charts.quarter_tick, &[("q", &q.to_string())])
            } else {
                format!("{:.0}", start.floor())
            };
            Tick {
                x: start + step / 2.0,
                label,
            }
        })
        .collect();
    let years = if quarterly {
        let first = lo.floor() as i32;
        let last = (hi - step).floor() as i32;
        (first..=last)
            .map(|y| {
                let from = f64::from(y).max(lo);
                let to = (f64::from(y) + 1.0).min(hi);
                Tick {
                    x: (from + to) / 2.0,
                    label: y.to_string(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    XAxis {
        lo,
        hi,
        ticks,
        years,
    }
}

/// The y axis's range for marks at heights `ys`: from zero to a round top (100 for
/// percentages that stay within it), unless the lowest mark is above half the highest — then
/// from a round number below the lowest to one above the highest, so that a change of a few
/// percent is not a flat line at the top of a tall empty chart.
pub(super) fn y_range(ys: &[f64], percent: bool) -> (f64, f64) {
    let max = ys
        .iter()
        .copied()
        .filter(|y| y.is_finite())
        .fold(0.0, f64::max);
    let min = ys
        .iter()
        .copied()
        .filter(|y| y.is_finite())
        .fold(f64::INFINITY, f64::min);
    if !(min.is_finite() && min > 0.0 && min > max / 2.0) {
        return (0.0, top_from_zero(max, percent));
    }
    let span = (max - min).max(max * 0.05);
    let step = nice_top(span / 4.0);
    let lo = ((min - span * 0.15) / step).floor() * step;
    let hi = ((max + span * 0.15) / step).ceil() * step;
    let hi = if percent && max <= 100.0 {
        hi.min(100.0)
    } else {
        hi
    };
    (lo.max(0.0), hi)
}

/// The top of a y axis that starts at zero, for marks up to `max`: 100 for percentages that
/// stay within it, else a round number with room above the highest mark.
pub(super) fn top_from_zero(max: f64, percent: bool) -> f64 {
    if percent && max <= 100.0 {
        100.0
    } else {
        nice_top(max * 1.15)
    }
}

/// A round axis maximum at or above `v`.
pub(super) fn nice_top(v: f64) -> f64 {
    if v <= 0.0 || !v.is_finite() {
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
    use crate::labels::Lang;

    fn labels(axis: &[Tick]) -> Vec<&str> {
        axis.iter().map(|t| t.label.as_str()).collect()
    }

    /// 124 453 to 150 000 is drawn from 120 000, not from zero; 10 to 60 from zero; a share
    /// from 20 to 60 % from zero to 100 %, and one from 80 to 86 % from 78 to 88 %.
    #[test]
    fn the_y_axis_leaves_zero_only_for_marks_far_above_it() {
        assert_eq!(
            y_range(&[124_453.0, 150_000.0], false),
            (120_000.0, 160_000.0)
        );
        assert_eq!(y_range(&[10.0, 60.0], false), (0.0, 100.0));
        assert_eq!(y_range(&[20.0, 60.0], true), (0.0, 100.0));
        assert_eq!(y_range(&[80.0, 86.0], true), (78.0, 88.0));
        assert_eq!(y_range(&[99.0, 100.0], true).1, 100.0);
        let (lo, hi) = y_range(&[5.0, 5.0], false);
        assert!(lo < 5.0 && hi > 5.0, "{lo}..{hi}");
        assert_eq!(y_range(&[], false), (0.0, 1.0));
    }

    #[test]
    fn nice_tops() {
        assert_eq!(nice_top(115.0), 200.0);
        assert_eq!(nice_top(330.0 * 1.15), 500.0);
        assert_eq!(nice_top(0.0), 1.0);
        assert_eq!(nice_top(f64::NAN), 1.0);
    }

    /// Values 2024 and 2025 and a target for 2025: the axis is 2024–2025, not 2021–2030.
    #[test]
    fn the_x_axis_is_fitted_to_what_is_drawn() {
        let l = Lang::Nb.labels();
        let axis = x_axis(l, &[2024.5, 2025.5, 2025.5], false);
        assert_eq!((axis.lo, axis.hi), (2024.0, 2026.0));
        assert_eq!(labels(&axis.ticks), ["2024", "2025"]);
        assert_eq!(axis.ticks[0].x, 2024.5);
        assert!(axis.years.is_empty());
    }

    /// Quarters 2025-Q3 to 2026-Q2: four quarter ticks at the quarters' middles, and the two
    /// years beneath, each at the middle of its part of the axis.
    #[test]
    fn quarterly_series_get_quarter_ticks() {
        let l = Lang::Nb.labels();
        let axis = x_axis(l, &[2025.625, 2025.875, 2026.125, 2026.375], true);
        assert_eq!((axis.lo, axis.hi), (2025.5, 2026.5));
        assert_eq!(labels(&axis.ticks), ["K3", "K4", "K1", "K2"]);
        assert_eq!(axis.ticks[0].x, 2025.625);
        assert_eq!(labels(&axis.years), ["2025", "2026"]);
        assert_eq!(axis.years[0].x, 2025.75);
        let en = x_axis(Lang::En.labels(), &[2025.625], true);
        assert_eq!(labels(&en.ticks), ["Q3"]);
    }

    /// A yearly baseline (2023, at its middle) before quarterly values starts the axis a
    /// quarter before it, so its marker is not cut by the axis.
    #[test]
    fn a_year_on_a_quarterly_axis_is_not_at_its_edge() {
        let l = Lang::Nb.labels();
        let axis = x_axis(l, &[2023.5, 2026.125], true);
        assert_eq!((axis.lo, axis.hi), (2023.25, 2026.25));
    }

    /// Twelve quarters: a tick for each, none named, and the years beneath.
    #[test]
    fn many_quarters_are_ticked_and_their_years_named() {
        let l = Lang::Nb.labels();
        let axis = x_axis(l, &[2023.125, 2025.875], true);
        assert_eq!(axis.ticks.len(), 12);
        assert!(axis.ticks.iter().all(|t| t.label.is_empty()));
        assert_eq!(labels(&axis.years), ["2023", "2024", "2025"]);
    }

    #[test]
    fn dense_ticks_are_labelled_every_other() {
        let l = Lang::Nb.labels();
        let axis = x_axis(l, &[2021.5, 2036.5], false);
        assert_eq!(axis.ticks.len(), 16);
        assert_eq!(labels(&axis.ticks)[..3], ["2021", "", "2023"]);
    }
}
