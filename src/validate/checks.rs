//! Checks shared by every kind of file: numbers against their units, id shapes. They only
//! judge a value; [`super::sink::Sink`] reports what they find.

use serde_saphyr::Spanned;

use crate::model::Unit;

/// The largest number a figure may have. Far above any figure of the strategy (the largest
/// are counts in the hundreds of thousands), and low enough that charts can place ticks on it:
/// plotters spins for ever on an axis that reaches 1e300.
pub(super) const MAX_MAGNITUDE: f64 = 1e12;

/// The range of `change_percent`: down to −100 % (nothing left), up to a hundredfold.
pub(super) const CHANGE_PERCENT: std::ops::RangeInclusive<f64> = -100.0..=10_000.0;

/// Checks a number against its unit: finite, at most [`MAX_MAGNITUDE`], 0–100 for
/// percentages, not negative for counts.
pub(super) fn check_number(v: f64, unit: Unit, what: &str) -> Result<f64, String> {
    if !v.is_finite() {
        let yaml = if v.is_nan() {
            ".nan"
        } else if v > 0.0 {
            ".inf"
        } else {
            "-.inf"
        };
        return Err(format!(
            "{what} `{yaml}` is not a finite number (expected a number such as 46 or 0.506)"
        ));
    }
    if v.abs() > MAX_MAGNITUDE {
        return Err(format!(
            "{what} {v:e} is too large (expected at most 1e12 either side of 0)"
        ));
    }
    match unit {
        Unit::Percent if !(0.0..=100.0).contains(&v) => Err(format!(
            "{what} {v} is not a percentage (expected 0 to 100)"
        )),
        Unit::Count | Unit::Share | Unit::Days | Unit::Millions if v < 0.0 => Err(format!(
            "{what} {v} is negative (expected a count of 0 or more)"
        )),
        _ => Ok(v),
    }
}

/// The number as a smaller integer type, when it fits.
pub(super) fn small_int<T: TryFrom<i64>>(n: &Spanned<i64>) -> Option<T> {
    T::try_from(n.value).ok()
}

/// Lowercase letters, digits and `-`, starting with a letter or digit, at most 64 bytes.
pub(super) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && s.as_bytes()[0].is_ascii_alphanumeric()
}
