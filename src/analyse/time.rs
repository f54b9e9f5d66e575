//! Time as the growth-ratio method counts it: years between the midpoints of periods.
//!
//! Every calendar year has length 1, so yearly data give whole years whatever the leap days:
//! a year's midpoint (1 July) is `Y + ½`, a quarter's `Y + (q − ½) / 4`, a month's
//! `Y + (m − ½) / 12`, a day's the middle of that day, a range's halfway between its first
//! and its last day.

use time::Date;

use crate::model::Period;
use crate::model::period::Single;

/// The midpoint of a period, in years.
pub fn midpoint(period: Period) -> f64 {
    match period {
        Period::Year(y) => single_mid(Single::Year(y)),
        Period::Quarter(y, q) => single_mid(Single::Quarter(y, q)),
        Period::Month(y, m) => single_mid(Single::Month(y, m)),
        Period::Day(d) => single_mid(Single::Day(d)),
        Period::Range(a, b) => (bounds(a).0 + bounds(b).1) / 2.0,
    }
}

/// A target for year `year` is placed at that year's midpoint.
pub fn target_time(year: i32) -> f64 {
    f64::from(year) + 0.5
}

fn single_mid(s: Single) -> f64 {
    let (start, end) = bounds(s);
    (start + end) / 2.0
}

/// Where a period starts and ends, in years.
fn bounds(s: Single) -> (f64, f64) {
    match s {
        Single::Year(y) => (f64::from(y), f64::from(y) + 1.0),
        Single::Quarter(y, q) => {
            let start = f64::from(y) + f64::from(q - 1) / 4.0;
            (start, start + 0.25)
        }
        Single::Month(y, m) => {
            let start = f64::from(y) + f64::from(m - 1) / 12.0;
            (start, start + 1.0 / 12.0)
        }
        Single::Day(d) => {
            let length = f64::from(days_in_year(d));
            let start = f64::from(d.year()) + f64::from(d.ordinal() - 1) / length;
            (start, start + 1.0 / length)
        }
    }
}

fn days_in_year(d: Date) -> u16 {
    time::util::days_in_year(d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> f64 {
        midpoint(Period::parse(s).unwrap())
    }

    #[test]
    fn years_are_whole_years_apart() {
        assert_eq!(at("2021"), 2021.5);
        assert_eq!(at("2024") - at("2021"), 3.0);
        assert_eq!(target_time(2024), at("2024"));
    }

    #[test]
    fn quarters_sit_in_their_middle() {
        assert_eq!(at("2026-Q1"), 2026.125);
        assert_eq!(at("2026-Q2"), 2026.375);
        assert_eq!(at("2026-Q4") - at("2026-Q2"), 0.5);
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn months_days_and_ranges() {
        assert!(close(at("2026-01"), 2026.0 + 1.0 / 24.0));
        assert!(close(at("2023-01-01"), 2023.0 + 0.5 / 365.0));
        assert!(close(at("2024-12-31"), 2025.0 - 0.5 / 366.0));
        // From 1 September 2021 to the end of August 2022.
        let range = (2021.0 + 8.0 / 12.0 + 2022.0 + 8.0 / 12.0) / 2.0;
        assert!(close(at("2021-09/2022-08"), range));
        assert_eq!(at("2021/2022"), 2022.0);
    }
}
