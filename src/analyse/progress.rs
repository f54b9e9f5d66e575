//! The growth-ratio method (Statistics Canada; open-sdg's "progress status"), and the trend
//! of measures without a numeric target.
//!
//! With `t` the midpoint of a period in years:
//! `r_obs = (latest / baseline)^(1 / (t_latest − t_base)) − 1`,
//! `r_req = (target / baseline)^(1 / (t_target − t_base)) − 1`, `R = r_obs / r_req`.
//! A latest value at or past the target (in the target's direction) has achieved it;
//! otherwise `R ≥ on_track` is on track, `R ≥ moderate` moderate, `R ≥ 0` insufficient and
//! `R < 0` the wrong direction. A target that asks to keep the baseline is achieved while the
//! latest value is no worse than the baseline.

use super::{Class, NoClass, Point, ProgressClass, Rates, TargetLevel, TrendClass};
use crate::model::{TargetKind, Thresholds};

/// Which way is better for an indicator, and how much change is no change.
#[derive(Debug, Clone, Copy)]
pub(super) struct Direction {
    /// A rise is an improvement.
    pub higher_is_better: bool,
    /// Stable up to this change, in percent of the earlier value.
    pub tolerance: f64,
}

/// The class of a measure with a numeric target, and the rates when the numbers give them.
/// `has_base_number` tells a baseline without a period from no baseline number at all.
pub(super) fn assess(
    has_base_number: bool,
    baseline: Option<&Point>,
    latest: Option<&Point>,
    target: Option<&TargetLevel>,
    direction: Direction,
    thresholds: Thresholds,
) -> (Result<Class, NoClass>, Option<Rates>) {
    let Some(latest) = latest else {
        return (Err(NoClass::NoValues), None);
    };
    let Some(baseline) = baseline else {
        let reason = if has_base_number {
            NoClass::NoBaselinePeriod
        } else {
            NoClass::NoBaseline
        };
        return (Err(reason), None);
    };
    // A relative target or "maintain" without a baseline number resolves to nothing.
    let Some(target) = target else {
        return (Err(NoClass::NoBaseline), None);
    };
    if latest.time <= baseline.time {
        return (Err(NoClass::NoValueAfterBaseline), None);
    }
    let rates = rates(baseline, latest, target);
    let (b, l, t) = (baseline.level, latest.level, target.level);
    let progress = |class| (Ok(Class::Progress(class)), rates);
    if target.kind == TargetKind::Maintain || t == b {
        let no_worse = if direction.higher_is_better {
            l >= b
        } else {
            l <= b
        };
        return progress(if no_worse {
            ProgressClass::Achieved
        } else {
            ProgressClass::WrongDirection
        });
    }
    let reached = if t > b { l >= t } else { l <= t };
    if reached {
        return progress(ProgressClass::Achieved);
    }
    if b == 0.0 {
        return (Err(NoClass::ZeroBaseline), None);
    }
    if b < 0.0 || l < 0.0 || t < 0.0 {
        return (Err(NoClass::NegativeNumber), None);
    }
    if target.time <= baseline.time {
        return (Err(NoClass::TargetNotAfterBaseline), None);
    }
    let Some(r) = rates else {
        return (Err(NoClass::NotComputable), None);
    };
    progress(if r.ratio >= thresholds.on_track {
        ProgressClass::OnTrack
    } else if r.ratio >= thresholds.moderate {
        ProgressClass::Moderate
    } else if r.ratio >= 0.0 {
        ProgressClass::Insufficient
    } else {
        ProgressClass::WrongDirection
    })
}

/// Both rates and their ratio, when every one is a finite number.
fn rates(baseline: &Point, latest: &Point, target: &TargetLevel) -> Option<Rates> {
    let (b, l, t) = (baseline.level, latest.level, target.level);
    if b <= 0.0 || l < 0.0 || t < 0.0 {
        return None;
    }
    let rate = |x: f64, years: f64| (x / b).powf(1.0 / years) - 1.0;
    let observed = rate(l, latest.time - baseline.time);
    let required = rate(t, target.time - baseline.time);
    let ratio = observed / required;
    let finite = [observed, required, ratio].iter().all(|x| x.is_finite());
    (finite && required != 0.0).then_some(Rates {
        observed,
        required,
        ratio,
    })
}

/// The trend of a measure without a numeric target: how its last two values moved.
pub(super) fn trend(values: &[Point], direction: Direction) -> Result<Class, NoClass> {
    let [.., earlier, last] = values else {
        return Err(if values.is_empty() {
            NoClass::NoValues
        } else {
            NoClass::TooFewValues
        });
    };
    let change = last.level - earlier.level;
    let allowed = earlier.level.abs() * direction.tolerance / 100.0;
    let class = if change.abs() <= allowed {
        TrendClass::Stable
    } else if (change > 0.0) == direction.higher_is_better {
        TrendClass::Improving
    } else {
        TrendClass::Worsening
    };
    Ok(Class::Trend(class))
}
