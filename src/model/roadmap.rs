//! The roadmap: each sub-goal's planned period and deliveries, each quarter's report on them,
//! and the share of deliveries significantly delayed that indicators 5.2 and 5.3 take as
//! their values.
//!
//! In: the initiatives and statuses that validation built. Out: [`DelayShares`], computed once
//! when the model is built, so documents print the very numbers the indicators were classed
//! on. The model holds no words: a phase's name comes from the labels.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{DeliveryId, InitiativeId, Level, Quarter, RoadmapVersion, SourceId, Text};

/// A version of the roadmap, declared in `strategy.yaml`.
#[derive(Debug, Clone)]
pub struct Roadmap {
    /// Its place and id.
    pub version: RoadmapVersion,
    /// The name printed where pages show more than one version.
    pub name: Text,
    /// The document that published it.
    pub source: Option<SourceId>,
}

/// A delivery's phase: the two that indicators 5.2 and 5.3 count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Utvikling: building the solution.
    Development,
    /// Innføring: bringing it into use.
    Adoption,
}

impl Phase {
    /// Both phases, in the roadmap's order.
    pub const ALL: [Phase; 2] = [Phase::Development, Phase::Adoption];

    /// What the content writes for it.
    pub fn id(self) -> &'static str {
        match self {
            Phase::Development => "utvikling",
            Phase::Adoption => "innføring",
        }
    }

    /// The phase a content word names.
    pub fn parse(word: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.id() == word)
    }
}

/// A planned period, from its first quarter to its last (both included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The first quarter.
    pub start: Quarter,
    /// The last quarter: the first planned end.
    pub end: Quarter,
}

/// A sub-goal's plan as the sources give it: a period, or only the end it is to be done by
/// ("gjennomføring innen 2024"), whose start no source gives and none is invented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// From a first quarter to a last.
    Period(Span),
    /// Done by this quarter (the last of a year given as a year).
    By(Quarter),
}

impl Plan {
    /// The first planned end.
    pub fn end(self) -> Quarter {
        match self {
            Plan::Period(s) => s.end,
            Plan::By(q) => q,
        }
    }

    /// The first quarter, when the sources give one.
    pub fn start(self) -> Option<Quarter> {
        match self {
            Plan::Period(s) => Some(s.start),
            Plan::By(_) => None,
        }
    }
}

/// A delivery of a sub-goal, as planned.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// Its id within the sub-goal.
    pub id: DeliveryId,
    /// What is delivered.
    pub title: Text,
    /// Its phase.
    pub phase: Phase,
    /// Its planned period.
    pub planned: Span,
}

/// How a report gives an end that is not the plan's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The end now expected.
    Expected(Quarter),
    /// The end it had: done.
    Actual(Quarter),
}

/// A quarter's report on one sub-goal or delivery.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Its status, a level of the strategy's scale.
    pub level: Option<Level>,
    /// The analyst's comment.
    pub comment: Option<Text>,
    /// The end, when it differs from the plan or is done.
    pub end: Option<End>,
}

/// A quarter's report on one sub-goal and its deliveries.
#[derive(Debug, Clone, Default)]
pub struct SubGoalReport {
    /// The report on the sub-goal itself.
    pub report: Report,
    /// The reports on its deliveries.
    pub deliveries: BTreeMap<DeliveryId, Report>,
}

/// When a delivery counts as significantly delayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DelayRule {
    /// Delayed when its end lies more than this many quarters after its first planned end.
    pub tolerance: u32,
    /// Statuses that count as delayed whatever the dates.
    pub delayed_levels: Vec<Level>,
}

impl Default for DelayRule {
    /// More than one quarter late, or stopped (on the built-in scale).
    fn default() -> Self {
        let stopped = crate::model::InitiativeScale::default()
            .level(crate::model::DefaultLevel::Stopped.id());
        DelayRule {
            tolerance: 1,
            delayed_levels: stopped.into_iter().collect(),
        }
    }
}

/// A delivery by its sub-goal and its id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct DeliveryRef {
    /// The sub-goal.
    pub sub_goal: InitiativeId,
    /// The delivery.
    pub delivery: DeliveryId,
}

/// Why a counted delivery is significantly delayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delay {
    /// Its end lies this many quarters after its first planned end.
    Quarters(i32),
    /// Its status is one that counts as delayed (stopped); the quarters late, if any.
    Status(Level, i32),
}

/// One quarter's count for one phase.
#[derive(Debug, Clone, PartialEq)]
pub struct DelayShare {
    /// The deliveries counted, in order.
    pub counted: Vec<DeliveryRef>,
    /// Those significantly delayed, with why.
    pub delayed: Vec<(DeliveryRef, Delay)>,
}

impl DelayShare {
    /// The share delayed, in percent; `None` when nothing was counted.
    pub fn percent(&self) -> Option<f64> {
        (!self.counted.is_empty())
            .then(|| 100.0 * self.delayed.len() as f64 / self.counted.len() as f64)
    }
}

/// Each quarter's count per phase: only quarters whose status reports on the roadmap, and
/// only phases with deliveries planned to have begun by then.
pub type DelayShares = BTreeMap<(Quarter, Phase), DelayShare>;

/// A sub-goal's or delivery's end as of a quarter: the actual end when done; else the
/// expected end, or the planned end when none is reported, but never before the quarter
/// itself (what is not done by then ends no earlier).
pub fn end_as_of(quarter: Quarter, planned_end: Quarter, report: Option<&Report>) -> Quarter {
    match report.and_then(|r| r.end) {
        Some(End::Actual(q)) => q,
        Some(End::Expected(q)) => q.max(quarter),
        None => planned_end.max(quarter),
    }
}

/// One delivery's facts as of a quarter, by the rule (stated once, in the method text too):
/// counted when its planned start is at or before the quarter and it was not done before the
/// quarter; its end is the actual end when done, else the expected end (the planned end when
/// none is given), but never before the quarter itself; significantly delayed when that end
/// lies more than `tolerance` quarters after the first planned end, or when its status is one
/// of the rule's delayed statuses.
pub fn delay_of(
    quarter: Quarter,
    planned: Span,
    report: Option<&Report>,
    rule: &DelayRule,
) -> Option<Option<Delay>> {
    if planned.start > quarter {
        return None;
    }
    if let Some(End::Actual(q)) = report.and_then(|r| r.end)
        && q < quarter
    {
        return None;
    }
    let end = end_as_of(quarter, planned.end, report);
    let late = end.since(planned.end);
    let level = report.and_then(|r| r.level);
    Some(match level {
        Some(l) if rule.delayed_levels.contains(&l) => Some(Delay::Status(l, late)),
        _ if late > rule.tolerance as i32 => Some(Delay::Quarters(late)),
        _ => None,
    })
}

/// Counts, for one quarter and each phase, the deliveries of `plans` (the roadmap version the
/// quarter's status follows) the rule counts and those it finds significantly delayed, given
/// the quarter's reports.
pub fn delay_shares<'a>(
    quarter: Quarter,
    plans: impl IntoIterator<Item = (&'a InitiativeId, &'a [Delivery])>,
    reported: &BTreeMap<InitiativeId, SubGoalReport>,
    rule: &DelayRule,
) -> DelayShares {
    let mut shares = DelayShares::new();
    for (sub_goal, deliveries) in plans {
        for d in deliveries {
            let report = reported.get(sub_goal).and_then(|r| r.deliveries.get(&d.id));
            let Some(delay) = delay_of(quarter, d.planned, report, rule) else {
                continue;
            };
            let share = shares
                .entry((quarter, d.phase))
                .or_insert_with(|| DelayShare {
                    counted: Vec::new(),
                    delayed: Vec::new(),
                });
            let r = DeliveryRef {
                sub_goal: sub_goal.clone(),
                delivery: d.id.clone(),
            };
            if let Some(delay) = delay {
                share.delayed.push((r.clone(), delay));
            }
            share.counted.push(r);
        }
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(year: i32, quarter: u8) -> Quarter {
        Quarter { year, quarter }
    }

    fn rule() -> DelayRule {
        DelayRule {
            tolerance: 1,
            delayed_levels: vec![Level(4)],
        }
    }

    fn span(a: Quarter, b: Quarter) -> Span {
        Span { start: a, end: b }
    }

    fn report(level: Option<usize>, end: Option<End>) -> Report {
        Report {
            level: level.map(Level),
            comment: None,
            end,
        }
    }

    #[test]
    fn quarters_count_across_years() {
        assert_eq!(q(2027, 1).since(q(2026, 3)), 2);
        assert_eq!(Quarter::from_index(q(2026, 4).index()), q(2026, 4));
        assert_eq!(Quarter::from_index(q(2026, 4).index() + 1), q(2027, 1));
    }

    #[test]
    fn a_delivery_not_yet_begun_or_done_before_is_not_counted() {
        let plan = span(q(2026, 3), q(2026, 4));
        assert_eq!(delay_of(q(2026, 2), plan, None, &rule()), None);
        let plan = span(q(2025, 1), q(2025, 4));
        let done = report(Some(0), Some(End::Actual(q(2026, 1))));
        assert_eq!(delay_of(q(2026, 2), plan, Some(&done), &rule()), None);
        // Done in the quarter itself: counted, two quarters late (2025-Q4 to 2026-Q2).
        let done = report(Some(0), Some(End::Actual(q(2026, 2))));
        assert_eq!(
            delay_of(q(2026, 2), plan, Some(&done), &rule()),
            Some(Some(Delay::Quarters(2)))
        );
    }

    #[test]
    fn one_quarter_late_is_within_the_rule_two_is_not() {
        let plan = span(q(2025, 1), q(2026, 4));
        let one = report(Some(1), Some(End::Expected(q(2027, 1))));
        let two = report(Some(3), Some(End::Expected(q(2027, 2))));
        assert_eq!(delay_of(q(2026, 2), plan, Some(&one), &rule()), Some(None));
        assert_eq!(
            delay_of(q(2026, 2), plan, Some(&two), &rule()),
            Some(Some(Delay::Quarters(2)))
        );
    }

    #[test]
    fn an_overdue_delivery_is_as_late_as_the_quarter_and_stopped_counts() {
        // Planned to end 2025-Q4, not done and no new end given: in 2026-Q2 it is two late.
        let plan = span(q(2025, 1), q(2025, 4));
        assert_eq!(
            delay_of(q(2026, 2), plan, None, &rule()),
            Some(Some(Delay::Quarters(2)))
        );
        let plan = span(q(2025, 1), q(2027, 4));
        let stopped = report(Some(4), None);
        assert_eq!(
            delay_of(q(2026, 2), plan, Some(&stopped), &rule()),
            Some(Some(Delay::Status(Level(4), 0)))
        );
    }
}
