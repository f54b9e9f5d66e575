//! Raw roadmap fields: a sub-goal's planned period and deliveries (in its initiative file),
//! and each quarter's report on them (in the quarter's status file, under `roadmap:`).

use super::*;

/// A planned period: `start` and `end`, each a quarter (`2025-Q1`) or a year (`2025`: from its
/// first quarter, to its last).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Planned {
    /// The first quarter (or year) of the plan; left out when the sources give only an end
    /// ("gjennomføring innen 2024"): the timeline then marks the end alone and says "innen".
    #[serde(default)]
    #[schemars(with = "Option<written::QuarterOrYear>")]
    pub start: Option<S<PeriodText>>,
    /// The last quarter (or year) of the plan: the first planned end, which is never edited
    /// to record a slip (a quarter's status gives the expected end).
    #[schemars(with = "written::QuarterOrYear")]
    pub end: S<PeriodText>,
    /// Not here: an expected end belongs in a quarter's status file (read only to say so).
    #[serde(default)]
    #[schemars(skip)]
    pub expected_end: Option<S<PeriodText>>,
    /// Not here: an actual end belongs in a quarter's status file (read only to say so).
    #[serde(default)]
    #[schemars(skip)]
    pub actual_end: Option<S<PeriodText>>,
}

/// A delivery of a roadmap sub-goal, in its plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Delivery {
    /// An id unique within the sub-goal (`D1`, `pilot-vest`).
    #[schemars(with = "String")]
    pub id: S<String>,
    /// What is delivered.
    pub title: RawText,
    /// `utvikling` (development) or `innføring` (adoption): the phases indicators 5.2 and 5.3
    /// count.
    #[schemars(with = "written::Phase")]
    pub phase: S<String>,
    /// The first quarter (or year) of the plan.
    #[schemars(with = "written::QuarterOrYear")]
    pub start: S<PeriodText>,
    /// The last quarter (or year) of the plan: the first planned end.
    #[schemars(with = "written::QuarterOrYear")]
    pub end: S<PeriodText>,
    /// Not here: an expected end belongs in a quarter's status file (read only to say so).
    #[serde(default)]
    #[schemars(skip)]
    pub expected_end: Option<S<PeriodText>>,
    /// Not here: an actual end belongs in a quarter's status file (read only to say so).
    #[serde(default)]
    #[schemars(skip)]
    pub actual_end: Option<S<PeriodText>>,
}

/// A quarter's report on one roadmap sub-goal: `roadmap:` in a status file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubGoalReport {
    /// The sub-goal's id (`1A`).
    #[schemars(with = "String")]
    pub sub_goal: S<String>,
    /// Its status this quarter, a level of the strategy's initiative scale.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub status: Option<S<String>>,
    /// A comment on it.
    #[serde(default)]
    pub comment: Option<RawText>,
    /// The end now expected, when it differs from the plan.
    #[serde(default)]
    #[schemars(with = "Option<written::QuarterOrYear>")]
    pub expected_end: Option<S<PeriodText>>,
    /// The end it had, when done.
    #[serde(default)]
    #[schemars(with = "Option<written::QuarterOrYear>")]
    pub actual_end: Option<S<PeriodText>>,
    /// Its deliveries' reports.
    #[serde(default)]
    pub deliveries: Vec<DeliveryReport>,
}

/// A quarter's report on one delivery.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliveryReport {
    /// The delivery's id within its sub-goal.
    #[schemars(with = "String")]
    pub id: S<String>,
    /// Its status this quarter, a level of the strategy's initiative scale.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub status: Option<S<String>>,
    /// A comment on it.
    #[serde(default)]
    pub comment: Option<RawText>,
    /// The end now expected, when it differs from the plan.
    #[serde(default)]
    #[schemars(with = "Option<written::QuarterOrYear>")]
    pub expected_end: Option<S<PeriodText>>,
    /// The end it had, when done.
    #[serde(default)]
    #[schemars(with = "Option<written::QuarterOrYear>")]
    pub actual_end: Option<S<PeriodText>>,
}

/// `roadmap_delays` in `strategy.yaml`: when a delivery counts as significantly delayed for
/// indicators 5.2 and 5.3.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DelayRule {
    /// A delivery is significantly delayed when its expected (or actual) end is more than
    /// this many quarters after its first planned end; 1 when left out.
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub tolerance_quarters: Option<S<i64>>,
    /// Statuses that count as delayed whatever the dates (`stoppet` when left out).
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub delayed_statuses: Option<Vec<S<String>>>,
}
