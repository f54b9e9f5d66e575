//! Analysis: what the data says about each measure, computed once for the whole content
//! before any document is made.
//!
//! In: the validated [`Content`]. Out: one [`Analysis`], keyed by indicator and measure id,
//! that views, charts and pages read and never recompute. For each measure it keeps every
//! number the verdict was computed from (baseline, latest value, the target used, both growth
//! rates and their ratio), so a document can print them and a reader recompute the verdict.
//! It holds data, never words: classes and reasons are enums that documents put into words.
//!
//! The verdict is the growth-ratio method of Statistics Canada, which open-sdg calls
//! "progress status" ([`progress`]); measures without a numeric target get a trend from
//! their last two values instead. It also holds how each roadmap sub-goal's status moved
//! since the previous quarter ([`initiatives`]), for each quarter what changed since the
//! previous one ([`changes`]), and for measures with enough values a [`projection`] towards
//! the target year at the observed rate.

pub mod changes;
pub mod initiatives;
mod progress;
pub mod projection;
pub mod time;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{
    Content, Indicator, IndicatorId, Measure, MeasureId, Period, Quantity, TargetKind, Thresholds,
    Unit, Value,
};

/// Where a measure stands against its target, by the growth-ratio method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressClass {
    /// The latest value has reached the target, in the target's direction ("Mål nådd").
    Achieved,
    /// `R` at or above the on-track threshold ("I rute").
    OnTrack,
    /// `R` between the moderate and the on-track threshold ("Moderat fremgang").
    Moderate,
    /// `R` between 0 and the moderate threshold ("Utilstrekkelig fremgang").
    Insufficient,
    /// `R` below 0: moving away from the target ("Går i feil retning").
    WrongDirection,
}

/// How the last two values of a measure without a numeric target moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendClass {
    /// Moved the better way by more than the tolerance ("Bedring").
    Improving,
    /// Moved no more than the tolerance ("Stabil").
    Stable,
    /// Moved the worse way by more than the tolerance ("Forverring").
    Worsening,
}

/// The verdict on a measure: a progress class, a trend, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// Measured against a numeric target.
    Progress(ProgressClass),
    /// No numeric target: the direction of the last change.
    Trend(TrendClass),
}

/// Why a measure has no class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoClass {
    /// The values are an illustration, not measurements.
    Illustrative,
    /// No measured value.
    NoValues,
    /// A numeric target but no baseline number to measure progress from.
    NoBaseline,
    /// The baseline has no period, so no time has passed since it.
    NoBaselinePeriod,
    /// No value measured after the baseline.
    NoValueAfterBaseline,
    /// The baseline is zero: growth from zero has no rate.
    ZeroBaseline,
    /// A negative baseline, latest value or target: growth rates need numbers above zero.
    NegativeNumber,
    /// The target is placed no later than the baseline.
    TargetNotAfterBaseline,
    /// The numbers give no finite rates (a required rate of zero, or an overflow).
    NotComputable,
    /// No numeric target and fewer than two values to give a trend.
    TooFewValues,
}

/// A number of a measure at a point in time, as the method uses it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// When.
    pub period: Period,
    /// The number as written.
    pub quantity: Quantity,
    /// The number the method uses: the value, or value ÷ `of` for a share.
    pub level: f64,
    /// The period's midpoint, in years ([`time::midpoint`]).
    pub time: f64,
}

/// A numeric target, resolved to a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetLevel {
    /// The target's year.
    pub year: i32,
    /// What it asks for.
    pub kind: TargetKind,
    /// The target as a number in the measure's terms: absolute, relative to the baseline, or
    /// the baseline itself for "maintain".
    pub quantity: Quantity,
    /// The number the method uses (value ÷ `of` for a share).
    pub level: f64,
    /// The middle of the target's year, in years.
    pub time: f64,
}

/// The growth rates of the method and their ratio.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rates {
    /// `r_obs = (latest / baseline)^(1 / (t_latest − t_base)) − 1`.
    pub observed: f64,
    /// `r_req = (target / baseline)^(1 / (t_target − t_base)) − 1`.
    pub required: f64,
    /// `R = r_obs / r_req`.
    pub ratio: f64,
}

/// Everything derived about one measure.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureFacts {
    /// The baseline, when it has a number and a period.
    pub baseline: Option<Point>,
    /// Every measured value, oldest first.
    pub values: Vec<Point>,
    /// Each of the measure's targets in its order, resolved where it has a number.
    pub targets: Vec<Option<TargetLevel>>,
    /// The target the class is measured against: the first whose year is not before the
    /// latest value's year, else the last one.
    pub target_used: Option<TargetLevel>,
    /// The rates, whenever the numbers give them.
    pub rates: Option<Rates>,
    /// The verdict, or why there is none.
    pub class: Result<Class, NoClass>,
    /// True when the levels are shares (value ÷ `of`) rather than the values as written.
    pub share: bool,
    /// Where the measure goes at its observed rate, when it has enough measured values.
    pub projection: Option<projection::Projection>,
    /// The change from the value before the latest to the latest, when there are two.
    pub step: Option<Step>,
}

/// How a measure moved from one value to the next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// The value before.
    pub previous: Point,
    /// The value after.
    pub latest: Point,
    /// The difference as readers are told it.
    pub difference: Difference,
    /// The change in percent of the earlier level (`(after − before) ÷ |before| × 100`), when
    /// that level is not zero: what the trend's tolerance is measured against.
    pub relative: Option<f64>,
}

/// A difference between two values of a measure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Difference {
    /// In percentage points: for percentages and shares, where a percent of a percent would
    /// mislead.
    Points(f64),
    /// In the measure's unit, with the change in percent of the earlier value when that is
    /// above zero.
    Amount {
        /// After minus before.
        amount: f64,
        /// `(after ÷ before − 1) × 100`.
        percent: Option<f64>,
    },
}

/// The step between two values: percentage points for a percentage or a share, else the
/// amount and its percent.
fn step(unit: Unit, previous: &Point, latest: &Point) -> Step {
    let change = latest.level - previous.level;
    let share = previous.quantity.of.is_some() || latest.quantity.of.is_some();
    let difference = if share {
        Difference::Points(change * 100.0)
    } else if unit == Unit::Percent {
        Difference::Points(change)
    } else {
        Difference::Amount {
            amount: latest.quantity.value - previous.quantity.value,
            percent: (previous.level > 0.0).then(|| (latest.level / previous.level - 1.0) * 100.0),
        }
    };
    Step {
        previous: *previous,
        latest: *latest,
        difference,
        relative: (previous.level != 0.0).then(|| change / previous.level.abs() * 100.0),
    }
}

impl MeasureFacts {
    /// The newest value.
    pub fn latest(&self) -> Option<&Point> {
        self.values.last()
    }

    /// How many periods have a measured number: the values and the baseline, each period once.
    pub fn measured_points(&self) -> usize {
        let mut periods: Vec<Period> = self.values.iter().map(|v| v.period).collect();
        periods.extend(self.baseline.map(|b| b.period));
        periods.sort();
        periods.dedup();
        periods.len()
    }
}

/// The analysis of the whole content: facts for every measure of every indicator, the
/// movement of every initiative status, and what changed in each quarter.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The thresholds the classes were drawn with.
    pub thresholds: Thresholds,
    /// How each sub-goal's status moved, by quarter and initiative.
    pub initiatives: initiatives::StatusMoves,
    /// Each quarter with a status: its measures as of the quarter's end, and what changed.
    pub quarters: BTreeMap<crate::model::Quarter, changes::QuarterFacts>,
    indicators: BTreeMap<IndicatorId, BTreeMap<Option<MeasureId>, MeasureFacts>>,
}

impl Analysis {
    /// The facts of one measure: `measure` is the measure's id, `None` for the single
    /// unnamed measure of an indicator.
    pub fn measure(
        &self,
        indicator: &IndicatorId,
        measure: &Option<MeasureId>,
    ) -> Option<&MeasureFacts> {
        self.indicators.get(indicator)?.get(measure)
    }

    /// The facts of a measure of the analysed content. Every measure of the content is
    /// analysed, so a miss is a bug.
    pub fn of(&self, indicator: &Indicator, measure: &Measure) -> &MeasureFacts {
        self.measure(&indicator.id, &measure.id)
            .expect("every measure of the content is analysed")
    }

    /// The facts of a measure at the end of a quarter, or over every value when the quarter
    /// has none for it.
    pub fn at<'a>(
        &'a self,
        quarter: Option<&'a changes::QuarterFacts>,
        indicator: &Indicator,
        measure: &Measure,
    ) -> &'a MeasureFacts {
        quarter
            .and_then(|q| q.measure(&indicator.id, &measure.id))
            .unwrap_or_else(|| self.of(indicator, measure))
    }
}

/// Analyses every measure of the content.
pub fn analyse(content: &Content) -> Analysis {
    let thresholds = content.strategy.thresholds;
    let indicators = content
        .indicators
        .values()
        .map(|ind| {
            let measures = ind
                .measures
                .iter()
                .map(|m| (m.id.clone(), analyse_measure(ind, m, thresholds)))
                .collect();
            (ind.id.clone(), measures)
        })
        .collect();
    Analysis {
        thresholds,
        initiatives: initiatives::status_moves(content),
        quarters: changes::quarters(content),
        indicators,
    }
}

/// The number the method uses: value ÷ `of` for a share, else the value.
fn level(q: Quantity) -> f64 {
    match q.of {
        Some(of) if of != 0.0 => q.value / of,
        _ => q.value,
    }
}

/// A target as a number, when it can be one: absolute, relative to the baseline (the
/// baseline's denominator kept), or the baseline itself for "maintain".
fn resolve(kind: TargetKind, base: Option<Quantity>) -> Option<Quantity> {
    match kind {
        TargetKind::Value(q) => Some(q),
        TargetKind::Change(p) => base.map(|b| Quantity {
            value: b.value * (1.0 + p / 100.0),
            of: b.of,
        }),
        TargetKind::Maintain => base,
        TargetKind::Text => None,
    }
}

/// Analyses one measure of an indicator.
pub(crate) fn analyse_measure(
    ind: &Indicator,
    m: &Measure,
    thresholds: Thresholds,
) -> MeasureFacts {
    analyse_values(ind, m, thresholds, &mut |_| true)
}

/// Analyses one measure of an indicator as if it had only the values `keep` accepts.
fn analyse_values(
    ind: &Indicator,
    m: &Measure,
    thresholds: Thresholds,
    keep: &mut dyn FnMut(&Value) -> bool,
) -> MeasureFacts {
    let base_quantity = m.baseline.as_ref().and_then(|b| b.quantity);
    let baseline = m
        .baseline
        .as_ref()
        .and_then(|b| match (b.quantity, b.period) {
            (Some(quantity), Some(period)) => Some(Point {
                period,
                quantity,
                level: level(quantity),
                time: time::midpoint(period),
            }),
            _ => None,
        });
    let values: Vec<Point> = m
        .values
        .iter()
        .filter(|v| keep(v))
        .map(|v| Point {
            period: v.period,
            quantity: v.quantity,
            level: level(v.quantity),
            time: time::midpoint(v.period),
        })
        .collect();
    let targets: Vec<Option<TargetLevel>> = m
        .targets
        .iter()
        .map(|t| {
            resolve(t.kind, base_quantity).map(|quantity| TargetLevel {
                year: t.year,
                kind: t.kind,
                quantity,
                level: level(quantity),
                time: time::target_time(t.year),
            })
        })
        .collect();
    let latest_year = values.last().map(|v| v.period.year());
    let numeric: Vec<TargetLevel> = targets.iter().flatten().copied().collect();
    let target_used = numeric
        .iter()
        .find(|t| latest_year.is_none_or(|y| t.year >= y))
        .or(numeric.last())
        .copied();
    let share = base_quantity.iter().any(|q| q.of.is_some())
        || values.iter().any(|v| v.quantity.of.is_some())
        || numeric.iter().any(|t| t.quantity.of.is_some());
    let has_numeric_target = m.targets.iter().any(|t| t.kind != TargetKind::Text);
    let direction = progress::Direction {
        higher_is_better: m.higher_is_better,
        tolerance: ind.trend_tolerance,
    };
    let (class, rates) = if m.illustrative {
        (Err(NoClass::Illustrative), None)
    } else if has_numeric_target {
        progress::assess(
            base_quantity.is_some(),
            baseline.as_ref(),
            values.last(),
            target_used.as_ref(),
            direction,
            thresholds,
        )
    } else {
        (progress::trend(&values, direction), None)
    };
    let ambition_time = m
        .ambition
        .as_ref()
        .filter(|a| a.value.is_some())
        .and_then(|a| a.period.map(time::midpoint));
    let until = numeric
        .iter()
        .map(|t| t.time)
        .chain(ambition_time)
        .reduce(f64::max);
    let projection = (!m.illustrative)
        .then(|| projection::project(&values, rates.as_ref(), until))
        .flatten();
    let step = match values.as_slice() {
        [.., previous, latest] => Some(step(m.unit, previous, latest)),
        _ => None,
    };
    MeasureFacts {
        baseline,
        values,
        targets,
        target_used,
        rates,
        class,
        share,
        projection,
        step,
    }
}
