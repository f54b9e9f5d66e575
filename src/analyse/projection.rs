//! The projection of a measure towards its target year at the observed rate: an
//! illustration of where the line goes if it keeps its pace, never a measurement.
//!
//! Only a measure with at least three measured values is projected. The rate is the
//! method's `r_obs` (baseline to latest value) when the method gives one, else the same
//! growth rate from the first measured value to the latest. From the latest value at
//! time `t`, the level at year `Y` is `latest · (1 + r)^(Y + ½ − t)`, one point per year up to
//! the last target's year, or the ambition's when that is later.

use super::{Point, Rates, time};

/// How many measured values a projection needs.
pub const MIN_VALUES: usize = 3;

/// A projected level, in the middle of a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projected {
    /// The year.
    pub year: i32,
    /// The level the method uses (value ÷ `of` for a share).
    pub level: f64,
}

/// Where a measure goes at its observed pace, from its latest value to the target year.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// The yearly growth rate it is drawn at.
    pub rate: f64,
    /// One level per year after the latest value's, the last in the target year.
    pub points: Vec<Projected>,
}

/// The projection of `values` towards `until` (the middle of the target's year), or none
/// when there are too few values or the numbers give no rate.
pub(super) fn project(
    values: &[Point],
    rates: Option<&Rates>,
    until: Option<f64>,
) -> Option<Projection> {
    if values.len() < MIN_VALUES {
        return None;
    }
    let (first, latest) = (values.first()?, values.last()?);
    let until = until.filter(|t| *t > latest.time)?;
    let rate = match rates {
        Some(r) => r.observed,
        None => {
            let years = latest.time - first.time;
            if first.level <= 0.0 || latest.level < 0.0 || years <= 0.0 {
                return None;
            }
            (latest.level / first.level).powf(1.0 / years) - 1.0
        }
    };
    if !rate.is_finite() || latest.level < 0.0 {
        return None;
    }
    // The first year whose middle lies after the latest value.
    let first_year = (latest.time - 0.5).floor() as i32 + 1;
    let last_year = until.floor() as i32;
    let points: Vec<Projected> = (first_year..=last_year)
        .map(|year| Projected {
            year,
            level: latest.level * (1.0 + rate).powf(time::target_time(year) - latest.time),
        })
        .collect();
    let finite = points.iter().all(|p| p.level.is_finite());
    (finite && !points.is_empty()).then_some(Projection { rate, points })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Period, Quantity};

    fn point(period: &str, level: f64) -> Point {
        let period = Period::parse(period).expect("a period");
        Point {
            period,
            quantity: Quantity {
                value: level,
                of: None,
            },
            level,
            time: time::midpoint(period),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn levels(p: &Projection) -> Vec<(i32, f64)> {
        p.points.iter().map(|x| (x.year, x.level)).collect()
    }

    /// 100, 110, 121 in 2021–2023 grow by 10 % a year: 133,1 in 2024 and 146,41 in 2025.
    #[test]
    fn ten_percent_a_year_from_the_first_value() {
        let values = [
            point("2021", 100.0),
            point("2022", 110.0),
            point("2023", 121.0),
        ];
        let p = project(&values, None, Some(time::target_time(2025))).expect("a projection");
        assert!(close(p.rate, 0.1), "{}", p.rate);
        let l = levels(&p);
        assert_eq!(l.iter().map(|x| x.0).collect::<Vec<_>>(), [2024, 2025]);
        assert!(close(l[0].1, 133.1) && close(l[1].1, 146.41), "{l:?}");
    }

    /// The method's r_obs wins over the first-to-latest rate: 200 × 0,5^1 = 100 a year later.
    #[test]
    fn the_observed_rate_of_the_method_is_used() {
        let values = [
            point("2021", 400.0),
            point("2022", 300.0),
            point("2023", 200.0),
        ];
        let rates = Rates {
            observed: -0.5,
            required: 0.1,
            ratio: -5.0,
        };
        let p = project(&values, Some(&rates), Some(time::target_time(2024))).unwrap();
        assert_eq!(levels(&p), [(2024, 100.0)]);
    }

    /// Quarterly values: from 2026-Q3 (2026,625) the first year's middle after it is 2027,5,
    /// 0,875 years on: 100 × 1,21^0,875 · … with 100, 110, 121 a half-year apart (21 % a year).
    #[test]
    fn quarterly_values_project_from_their_own_time() {
        let values = [
            point("2025-Q3", 100.0),
            point("2026-Q1", 110.0),
            point("2026-Q3", 121.0),
        ];
        let p = project(&values, None, Some(time::target_time(2027))).unwrap();
        assert!(close(p.rate, 0.21), "{}", p.rate);
        let expected = 121.0 * 1.21f64.powf(0.875);
        assert_eq!(p.points.len(), 1);
        assert!(close(p.points[0].level, expected), "{:?}", p.points);
        assert_eq!(p.points[0].year, 2027);
    }

    #[test]
    fn fewer_than_three_values_or_no_later_target_give_none() {
        let two = [point("2021", 100.0), point("2022", 110.0)];
        assert_eq!(project(&two, None, Some(2030.5)), None);
        let three = [
            point("2021", 100.0),
            point("2022", 110.0),
            point("2023", 121.0),
        ];
        assert_eq!(project(&three, None, Some(2023.5)), None);
        assert_eq!(project(&three, None, None), None);
        let from_zero = [
            point("2021", 0.0),
            point("2022", 110.0),
            point("2023", 121.0),
        ];
        assert_eq!(project(&from_zero, None, Some(2030.5)), None);
    }
}
