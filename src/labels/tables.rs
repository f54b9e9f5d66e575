//! The parts of a labels table: how a language writes numbers and periods, and the names of
//! units, indicator types, frequencies, progress classes and initiative statuses.

use serde::Serialize;

/// How a language writes numbers. Patterns hold the number as `{n}`.
#[derive(Debug, Clone, Serialize)]
pub struct NumberFormat {
    /// Decimal separator (`,` or `.`).
    pub decimal: &'static str,
    /// Thousands separator (a no-break space, or `,`).
    pub thousands: &'static str,
    /// The fewest digits before the decimal separator that are grouped (Norwegian: 5, so
    /// `2898` but `124 453`).
    pub group_from: usize,
    /// Minus sign.
    pub minus: &'static str,
    /// What stands for a number that is not one.
    pub not_a_number: &'static str,
    /// A percentage: `{n} %`.
    pub percent: &'static str,
    /// Millions: `{n} mill.`.
    pub millions: &'static str,
    /// Days: `{n} dager`.
    pub days: &'static str,
}

/// How a language writes periods and dates.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodForms {
    /// A quarter, with `{q}` and `{year}`: `2. kvartal 2026`, `Q2 2026`.
    pub quarter: &'static str,
    /// A month, with `{month}` (its name) and `{year}`: `november 2022`.
    pub month: &'static str,
    /// A day, with `{day}`, `{month}` (its name) and `{year}`: `13. desember 2023`.
    pub date: &'static str,
    /// A range, with `{from}` and `{to}`: `september 2021–august 2022`.
    pub range: &'static str,
}

/// Names of the units of a measure, as in the "unit" column.
#[derive(Debug, Clone, Serialize)]
pub struct UnitNames {
    /// Percent.
    pub percent: &'static str,
    /// A count.
    pub count: &'static str,
    /// A share `n/m`.
    pub share: &'static str,
    /// Millions.
    pub millions: &'static str,
    /// Days.
    pub days: &'static str,
    /// Text, no number.
    pub text: &'static str,
}

/// Names of the types of indicator.
#[derive(Debug, Clone, Serialize)]
pub struct KindNames {
    /// Adoption.
    pub adoption: &'static str,
    /// Use.
    pub usage: &'static str,
    /// Perceived result.
    pub perceived_result: &'static str,
    /// Result.
    pub result: &'static str,
    /// Effect.
    pub effect: &'static str,
    /// Statistic.
    pub statistic: &'static str,
}

/// Names of update frequencies, as printed on an indicator page.
#[derive(Debug, Clone, Serialize)]
pub struct FrequencyNames {
    /// Yearly.
    pub yearly: &'static str,
    /// Quarterly.
    pub quarterly: &'static str,
    /// Continuous.
    pub continuous: &'static str,
}

/// Why a measure has no class, as printed in its place.
#[derive(Debug, Clone, Serialize)]
pub struct NoClassNames {
    /// The values are an illustration.
    pub illustrative: &'static str,
    /// No measured value.
    pub no_values: &'static str,
    /// No baseline number.
    pub no_baseline: &'static str,
    /// The baseline has no period.
    pub no_baseline_period: &'static str,
    /// No value after the baseline.
    pub no_value_after_baseline: &'static str,
    /// The baseline is zero.
    pub zero_baseline: &'static str,
    /// A number below zero.
    pub negative_number: &'static str,
    /// The target lies no later than the baseline.
    pub target_not_after_baseline: &'static str,
    /// No finite rates.
    pub not_computable: &'static str,
    /// No numeric target and fewer than two values.
    pub too_few_values: &'static str,
}

/// Names of progress classes: against a target, and, without one, the direction of change.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressNames {
    /// The target is reached.
    pub reached: &'static str,
    /// On track to reach the target in time.
    pub on_track: &'static str,
    /// Moving towards the target, too slowly.
    pub moderate: &'static str,
    /// Moving towards the target, far too slowly.
    pub insufficient: &'static str,
    /// Moving away from the target.
    pub wrong_direction: &'static str,
    /// No target: getting better.
    pub improving: &'static str,
    /// No target: unchanged.
    pub stable: &'static str,
    /// No target: getting worse.
    pub worsening: &'static str,
}

/// A level of the built-in initiative status scale: its name and what it means.
#[derive(Debug, Clone, Serialize)]
pub struct LevelWords {
    /// The name printed: `på plan`.
    pub name: &'static str,
    /// What it means, printed with the scale.
    pub definition: &'static str,
}

/// The built-in initiative status scale.
#[derive(Debug, Clone, Serialize)]
pub struct InitiativeStatusNames {
    /// Completed.
    pub completed: LevelWords,
    /// On plan.
    pub on_plan: LevelWords,
    /// At risk.
    pub at_risk: LevelWords,
    /// Delayed.
    pub delayed: LevelWords,
    /// Stopped.
    pub stopped: LevelWords,
}

/// How an initiative's status moved since the previous quarter that gave one.
#[derive(Debug, Clone, Serialize)]
pub struct MovementNames {
    /// Up the scale: `↑ bedre`.
    pub better: &'static str,
    /// Down the scale: `↓ verre`.
    pub worse: &'static str,
    /// The same level: `→ uendret`.
    pub same: &'static str,
    /// No earlier status: `ny`.
    pub new: &'static str,
}
