//! What each quarter's status can say changed since the previous quarter: the measures as
//! they stood at the quarter's end, the values reported since the previous quarter, and the
//! classes those values changed.
//!
//! The content records no date of entry, so a value counts as *reported* on the later of the
//! last day of its period and the date of the source it names (a source dated by a year,
//! quarter or month counts from that period's first day; a source without a date adds
//! nothing). A yearly value published in the spring after its year is so reported in the
//! quarter its source came out, not in the year it measures.
//!
//! For a quarter Q and the latest earlier quarter P with a status of its own:
//! - the facts *at the end of Q* are the method's, run on the values reported by Q's last day
//!   (baseline and targets as they stand: they carry no dates);
//! - a value is *new since the previous quarter* when it was reported after P's last day and
//!   by Q's last day;
//! - a class *changed* when the verdict at the end of P and the one at the end of Q differ and
//!   at least one of them is a class (a measure that goes from one reason for no class to
//!   another has not changed class). A verdict moves only with new values, so only measures
//!   with new values are compared.
//!
//! The first quarter with a status has no P: nothing is new and nothing changed.

use std::collections::BTreeMap;

use time::Date;

use super::{Class, MeasureFacts, NoClass, Point, analyse_values};
use crate::model::{
    Content, GoalNumber, Indicator, IndicatorId, MeasureId, Period, Quarter, SelectedRef,
    Thresholds, Value,
};

/// A quarter's measures as they stood at its end, and what changed since the previous one.
#[derive(Debug, Clone)]
pub struct QuarterFacts {
    /// The latest earlier quarter with a status, compared with; none for the first.
    pub previous: Option<Quarter>,
    /// Measures with values reported since the previous quarter, in indicator order.
    pub changes: Vec<MeasureChange>,
    measures: BTreeMap<IndicatorId, BTreeMap<Option<MeasureId>, MeasureFacts>>,
}

impl QuarterFacts {
    /// The facts at the quarter's end of a measure that the quarter's status shows (selected
    /// or on a page) or that changed; `None` for any other.
    pub fn measure(
        &self,
        indicator: &IndicatorId,
        measure: &Option<MeasureId>,
    ) -> Option<&MeasureFacts> {
        self.measures.get(indicator)?.get(measure)
    }
}

/// A measure with values reported since the previous quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureChange {
    /// The indicator.
    pub indicator: IndicatorId,
    /// The indicator's goal.
    pub goal: GoalNumber,
    /// The measure, `None` for an indicator's single unnamed one.
    pub measure: Option<MeasureId>,
    /// The values reported since the previous quarter, oldest first.
    pub new_values: Vec<Point>,
    /// The verdict at the end of the previous quarter.
    pub before: Result<Class, NoClass>,
    /// The verdict at the end of this quarter.
    pub now: Result<Class, NoClass>,
    /// The verdicts differ and at least one is a class.
    pub class_changed: bool,
}

/// When a value counts as reported: the later of its period's last day and its source's
/// date (the first day of a source dated by a period).
fn reported(content: &Content, v: &Value) -> Date {
    let end = v.period.end();
    content
        .sources
        .get(&v.source)
        .and_then(|s| s.date)
        .map_or(end, |d| d.start().max(end))
}

/// The last day of a quarter.
fn last_day(q: Quarter) -> Date {
    Period::Quarter(q.year, q.quarter).end()
}

/// The indicators a quarter's status shows: selected ones and those with a page.
fn shown(content: &Content, quarter: Quarter) -> Vec<&IndicatorId> {
    let Some(status) = content.statuses.get(&quarter) else {
        return Vec::new();
    };
    let mut ids: Vec<&IndicatorId> = status
        .goals
        .values()
        .flat_map(|g| {
            let selected = g.selected.iter().filter_map(|s| match &s.reference {
                SelectedRef::Indicator(id) => Some(id),
                _ => None,
            });
            selected.chain(g.pages.iter().map(|p| &p.indicator))
        })
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The facts of every quarter with a status.
pub fn quarters(content: &Content) -> BTreeMap<Quarter, QuarterFacts> {
    let thresholds = content.strategy.thresholds;
    // Each value's reported date, once: by indicator, measure and value.
    let reported: BTreeMap<&IndicatorId, Vec<Vec<Date>>> = content
        .indicators
        .values()
        .map(|ind| {
            let dates = ind
                .measures
                .iter()
                .map(|m| m.values.iter().map(|v| reported(content, v)).collect())
                .collect();
            (&ind.id, dates)
        })
        .collect();
    let mut previous: Option<Quarter> = None;
    let mut out = BTreeMap::new();
    for &quarter in content.statuses.keys() {
        let end = last_day(quarter);
        let since = previous.map(last_day);
        let shown = shown(content, quarter);
        let mut facts = QuarterFacts {
            previous,
            changes: Vec::new(),
            measures: BTreeMap::new(),
        };
        for ind in content.indicators.values() {
            let dates = &reported[&ind.id];
            let is_shown = shown.binary_search(&&ind.id).is_ok();
            for (m, dates) in ind.measures.iter().zip(dates) {
                let new = since.is_some_and(|since| {
                    !m.illustrative && dates.iter().any(|d| *d > since && *d <= end)
                });
                if !is_shown && !new {
                    continue;
                }
                let now = as_of(ind, m, dates, end, thresholds);
                if let (true, Some(since)) = (new, since) {
                    let before = as_of(ind, m, dates, since, thresholds).class;
                    let new_values = m
                        .values
                        .iter()
                        .zip(dates)
                        .filter(|(_, d)| **d > since && **d <= end)
                        .filter_map(|(v, _)| now.values.iter().find(|p| p.period == v.period))
                        .copied()
                        .collect();
                    facts.changes.push(MeasureChange {
                        indicator: ind.id.clone(),
                        goal: ind.goal,
                        measure: m.id.clone(),
                        new_values,
                        before,
                        now: now.class,
                        class_changed: before != now.class && (before.is_ok() || now.class.is_ok()),
                    });
                }
                facts
                    .measures
                    .entry(ind.id.clone())
                    .or_default()
                    .insert(m.id.clone(), now);
            }
        }
        out.insert(quarter, facts);
        previous = Some(quarter);
    }
    out
}

/// The facts of a measure with only the values reported by `by`.
fn as_of(
    ind: &Indicator,
    m: &crate::model::Measure,
    dates: &[Date],
    by: Date,
    thresholds: Thresholds,
) -> MeasureFacts {
    // The filter sees every value once, in order, so the dates line up with the values.
    let mut dates = dates.iter();
    analyse_values(ind, m, thresholds, &mut |_| {
        dates.next().is_some_and(|d| *d <= by)
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::analyse::{Difference, ProgressClass, TrendClass};
    use crate::model::*;

    fn period(s: &str) -> Period {
        Period::parse(s).expect("a period")
    }

    fn quarter(year: i32, quarter: u8) -> Quarter {
        Quarter { year, quarter }
    }

    fn date(s: &str) -> Date {
        period(s).start()
    }

    fn value(p: &str, v: f64, source: &str) -> Value {
        Value {
            period: period(p),
            quantity: Quantity { value: v, of: None },
            text: None,
            breakdown: vec![],
            source: SourceId::new(source),
        }
    }

    fn measure(id: &str, unit: Unit, values: Vec<Value>) -> Measure {
        Measure {
            id: Some(MeasureId::new(id)),
            name: None,
            unit,
            baseline: None,
            targets: vec![],
            values,
            ambition: None,
            illustrative: false,
            higher_is_better: true,
            values_file: None,
            from_roadmap: None,
        }
    }

    /// Baseline 100 in 2021 and a target of 200 in 2025: r_req = 2^(1/4) − 1 = 0.189207.
    fn doubling(values: Vec<Value>) -> Measure {
        let mut m = measure("dobling", Unit::Count, values);
        m.baseline = Some(Baseline {
            quantity: Some(Quantity {
                value: 100.0,
                of: None,
            }),
            period: Some(period("2021")),
            text: None,
            source: SourceId::new("udatert"),
        });
        m.targets = vec![Target {
            year: 2025,
            kind: TargetKind::Value(Quantity {
                value: 200.0,
                of: None,
            }),
            text: None,
            source: SourceId::new("udatert"),
        }];
        m
    }

    fn indicator(measures: Vec<Measure>) -> Indicator {
        Indicator {
            goal: GoalNumber::new(3).expect("goal 3"),
            measures,
            ..crate::testing::indicator("9.9")
        }
    }

    fn source(id: &str, date: Option<&str>) -> (SourceId, Source) {
        let source = Source {
            title: id.into(),
            publisher: None,
            date: date.map(period),
        };
        (SourceId::new(id), source)
    }

    fn status(q: Quarter) -> (Quarter, Status) {
        let s = Status {
            quarter: q,
            title: Text::default(),
            subtitle: None,
            date: last_day(q),
            source: SourceId::new("udatert"),
            publisher: None,
            draft: false,
            dividers: false,
            roadmap_version: RoadmapVersion::default(),
            goals: BTreeMap::new(),
            roadmap: BTreeMap::new(),
            path: PathBuf::new(),
        };
        (q, s)
    }

    /// One indicator, sources dated as in the bundled content, and statuses for `quarters`.
    fn content(ind: Indicator, quarters: &[Quarter]) -> Content {
        Content {
            strategy: Strategy {
                base_url: None,
                licence: None,
                contact: None,
                title: Text::default(),
                subtitle: None,
                vision: Text::default(),
                horizon: 2030,
                publisher: String::new(),
                languages: Languages::default(),
                initiative_scale: InitiativeScale::default(),
                thresholds: Thresholds::default(),
                delay_rule: DelayRule::default(),
                roadmaps: Vec::new(),
            },
            sources: [
                source("udatert", None),
                source("rapport", Some("2023-12-13")),
                source("status-2026-q2", Some("2026-Q2")),
                source("aarsrapport-2024", Some("2024-02")),
            ]
            .into_iter()
            .collect(),
            goals: BTreeMap::new(),
            indicators: [(ind.id.clone(), ind)].into_iter().collect(),
            initiatives: BTreeMap::new(),
            statuses: quarters.iter().map(|q| status(*q)).collect(),
            editions: BTreeMap::new(),
            delays: DelayShares::new(),
            strategy_path: PathBuf::new(),
            source_paths: vec![],
            files: vec![],
        }
    }

    #[test]
    fn a_value_is_reported_when_its_period_ends_or_its_source_comes_out() {
        let c = content(indicator(vec![]), &[]);
        // A yearly value published in a quarter's status: the first day of that quarter.
        assert_eq!(
            reported(&c, &value("2025", 1.0, "status-2026-q2")),
            date("2026-04-01")
        );
        // A value for the quarter itself: the quarter's last day, after its source's start.
        assert_eq!(
            reported(&c, &value("2026-Q2", 1.0, "status-2026-q2")),
            date("2026-06-30")
        );
        // A source dated before the period ends, or not dated: the period's last day.
        assert_eq!(
            reported(&c, &value("2024", 1.0, "rapport")),
            date("2024-12-31")
        );
        assert_eq!(
            reported(&c, &value("2022-11", 1.0, "udatert")),
            date("2022-11-30")
        );
    }

    #[test]
    fn new_values_and_a_trend_that_appears_with_them() {
        // Processing time in days, lower is better: 159 for 2024 and 106 for 2025, both first
        // published in the 2. quarter 2026 status (reported 1 April 2026).
        let mut m = measure(
            "tid",
            Unit::Days,
            vec![
                value("2024", 159.0, "status-2026-q2"),
                value("2025", 106.0, "status-2026-q2"),
            ],
        );
        m.higher_is_better = false;
        let c = content(indicator(vec![m]), &[quarter(2026, 1), quarter(2026, 2)]);
        let q = quarters(&c);
        let first = &q[&quarter(2026, 1)];
        assert_eq!(first.previous, None);
        assert!(first.changes.is_empty());
        let second = &q[&quarter(2026, 2)];
        assert_eq!(second.previous, Some(quarter(2026, 1)));
        let [change] = second.changes.as_slice() else {
            panic!("one change: {:?}", second.changes);
        };
        assert_eq!(change.new_values.len(), 2);
        assert_eq!(change.before, Err(NoClass::NoValues));
        assert_eq!(change.now, Ok(Class::Trend(TrendClass::Improving)));
        assert!(change.class_changed);
        // 106 − 159 = −53 days; 106 ÷ 159 − 1 = −33,33 %.
        let id = IndicatorId::new("9.9");
        let facts = second.measure(&id, &Some(MeasureId::new("tid"))).unwrap();
        let step = facts.step.expect("two values");
        let Difference::Amount { amount, percent } = step.difference else {
            panic!("an amount: {step:?}");
        };
        assert_eq!(amount, -53.0);
        assert!((percent.unwrap() - (-100.0 / 3.0)).abs() < 1e-9);
        assert!((step.relative.unwrap() - (-100.0 / 3.0)).abs() < 1e-9);
    }

    #[test]
    fn a_class_changes_when_a_value_after_the_baseline_arrives() {
        // 2021: 100 (reported 31 December 2021); 2023: 150, published February 2024.
        // At the end of 2023-Q4 only the baseline year is measured: no class.
        // At the end of 2024-Q1: r_obs = 1,5^(1/2) − 1 = 0,224745, R = 0,224745 ÷ 0,189207
        // = 1,188: on track.
        let m = doubling(vec![
            value("2021", 100.0, "udatert"),
            value("2023", 150.0, "aarsrapport-2024"),
        ]);
        let c = content(indicator(vec![m]), &[quarter(2023, 4), quarter(2024, 1)]);
        let q = quarters(&c);
        let [change] = q[&quarter(2024, 1)].changes.as_slice() else {
            panic!("one change");
        };
        assert_eq!(change.before, Err(NoClass::NoValueAfterBaseline));
        assert_eq!(change.now, Ok(Class::Progress(ProgressClass::OnTrack)));
        assert!(change.class_changed);
        assert_eq!(change.new_values[0].quantity.value, 150.0);
        let facts = q[&quarter(2024, 1)]
            .measure(&IndicatorId::new("9.9"), &Some(MeasureId::new("dobling")))
            .unwrap();
        let r = facts.rates.unwrap();
        assert!((r.ratio - 0.224744871 / 0.189207115).abs() < 1e-6);
    }

    #[test]
    fn a_new_value_with_the_same_class_is_new_but_no_class_change() {
        // 2022: 130 and 2023: 150 (published 2024-02): both on track (R ≥ 0,95: 2022 gives
        // r_obs = 0,3 and R = 1,586), so only the value is new.
        let m = doubling(vec![
            value("2022", 130.0, "udatert"),
            value("2023", 150.0, "aarsrapport-2024"),
        ]);
        let c = content(indicator(vec![m]), &[quarter(2023, 4), quarter(2024, 1)]);
        let q = quarters(&c);
        let [change] = q[&quarter(2024, 1)].changes.as_slice() else {
            panic!("one change");
        };
        assert_eq!(change.before, change.now);
        assert!(!change.class_changed);
        // A quarter later, nothing new: no change, and the measure is not shown.
        let c = content(
            indicator(vec![doubling(vec![value("2022", 130.0, "udatert")])]),
            &[quarter(2024, 1), quarter(2024, 2)],
        );
        assert!(quarters(&c)[&quarter(2024, 2)].changes.is_empty());
    }

    #[test]
    fn one_reason_for_no_class_to_another_is_no_class_change() {
        // No values by 2025-Q4; one value in 2026-Q2 without a baseline period: still none.
        let mut m = doubling(vec![value("2025", 120.0, "status-2026-q2")]);
        m.baseline.as_mut().unwrap().period = None;
        let c = content(indicator(vec![m]), &[quarter(2025, 4), quarter(2026, 2)]);
        let q = quarters(&c);
        let [change] = q[&quarter(2026, 2)].changes.as_slice() else {
            panic!("one change");
        };
        assert_eq!(change.before, Err(NoClass::NoValues));
        assert_eq!(change.now, Err(NoClass::NoBaselinePeriod));
        assert!(!change.class_changed);
    }

    #[test]
    fn percentages_and_shares_change_in_points() {
        let percent = measure(
            "p",
            Unit::Percent,
            vec![
                value("2022", 46.0, "udatert"),
                value("2023", 50.5, "udatert"),
            ],
        );
        let mut share = measure(
            "s",
            Unit::Share,
            vec![
                value("2022", 147.0, "udatert"),
                value("2023", 178.0, "udatert"),
            ],
        );
        for v in &mut share.values {
            v.quantity.of = Some(356.0);
        }
        let ind = indicator(vec![percent, share]);
        let t = Thresholds::default();
        let p = crate::analyse::analyse_measure(&ind, &ind.measures[0], t);
        assert_eq!(p.step.unwrap().difference, Difference::Points(4.5));
        // (178 − 147) ÷ 356 × 100 = 8,7079 percentage points.
        let s = crate::analyse::analyse_measure(&ind, &ind.measures[1], t);
        let Difference::Points(points) = s.step.unwrap().difference else {
            panic!("points");
        };
        assert!((points - 3100.0 / 356.0).abs() < 1e-9);
    }
}
