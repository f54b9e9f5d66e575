//! Cases computed by hand (the numbers in each comment), and a property test that no
//! numbers make the analysis panic.

use proptest::prelude::*;

use super::*;
use crate::model::{Quantity, TargetKind};
use crate::testing::{measure, q, share};

fn abs(v: f64) -> TargetKind {
    TargetKind::Value(q(v))
}

fn indicator(measure: Measure) -> Indicator {
    Indicator {
        measures: vec![measure],
        ..crate::testing::indicator("9.9")
    }
}

fn facts_of(ind: &Indicator) -> MeasureFacts {
    analyse_measure(ind, &ind.measures[0], Thresholds::default())
}

fn facts(m: Measure) -> MeasureFacts {
    facts_of(&indicator(m))
}

fn class(m: Measure) -> Result<Class, NoClass> {
    facts(m).class
}

fn progress(c: ProgressClass) -> Result<Class, NoClass> {
    Ok(Class::Progress(c))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Baseline 100 in 2021, target 200 in 2025: r_req = 2^(1/4) − 1 = 0.189207.
fn doubling(latest: f64) -> Measure {
    measure(
        Some(("2021", q(100.0))),
        &[("2021", q(100.0)), ("2023", q(latest))],
        &[(2025, abs(200.0))],
    )
}

#[test]
fn on_track() {
    // r_obs = 1.41^(1/2) − 1 = 0.187434; R = 0.990630.
    let f = facts(doubling(141.0));
    let r = f.rates.expect("rates");
    assert!(close(r.observed, 0.187_434_208_703_791_7));
    assert!(close(r.required, 0.189_207_115_002_721));
    assert!(close(r.ratio, 0.990_629_811_680_687_3));
    assert_eq!(f.class, progress(ProgressClass::OnTrack));
    assert_eq!(f.baseline.map(|b| b.level), Some(100.0));
    assert_eq!(f.latest().map(|l| l.level), Some(141.0));
    assert_eq!(
        f.target_used.map(|t| (t.year, t.level)),
        Some((2025, 200.0))
    );
}

#[test]
fn moderate() {
    // r_obs = 1.3^(1/2) − 1 = 0.140175; R = 0.740857.
    let f = facts(doubling(130.0));
    assert!(close(
        f.rates.expect("rates").ratio,
        0.740_857_050_207_240_7
    ));
    assert_eq!(f.class, progress(ProgressClass::Moderate));
}

#[test]
fn insufficient() {
    // r_obs = 1.1^(1/2) − 1 = 0.048809; R = 0.257965.
    let f = facts(doubling(110.0));
    assert!(close(
        f.rates.expect("rates").ratio,
        0.257_965_183_653_107_9
    ));
    assert_eq!(f.class, progress(ProgressClass::Insufficient));
}

#[test]
fn deterioration() {
    // r_obs = 0.9^(1/2) − 1 = −0.051317; R = −0.271220.
    let f = facts(doubling(90.0));
    assert!(close(
        f.rates.expect("rates").ratio,
        -0.271_219_726_323_443_16
    ));
    assert_eq!(f.class, progress(ProgressClass::WrongDirection));
}

#[test]
fn achieved() {
    assert_eq!(class(doubling(200.0)), progress(ProgressClass::Achieved));
    assert_eq!(class(doubling(210.0)), progress(ProgressClass::Achieved));
}

#[test]
fn thresholds_can_be_moved() {
    let ind = indicator(doubling(141.0));
    let strict = Thresholds {
        on_track: 1.0,
        moderate: 0.5,
    };
    let f = analyse_measure(&ind, &ind.measures[0], strict);
    assert_eq!(f.class, progress(ProgressClass::Moderate));
}

#[test]
fn falling_targets_count_as_progress_when_values_fall() {
    // Baseline 20 (2021), target 10 (2025): r_req = 0.5^(1/4) − 1 = −0.159104.
    // Latest 15 (2023): r_obs = 0.75^(1/2) − 1 = −0.133975; R = 0.842059.
    let falling = |latest| {
        measure(
            Some(("2021", q(20.0))),
            &[("2023", q(latest))],
            &[(2025, abs(10.0))],
        )
    };
    let f = facts(falling(15.0));
    assert!(close(
        f.rates.expect("rates").ratio,
        0.842_058_941_847_249_8
    ));
    assert_eq!(f.class, progress(ProgressClass::Moderate));
    assert_eq!(
        class(falling(22.0)),
        progress(ProgressClass::WrongDirection)
    );
    assert_eq!(class(falling(9.0)), progress(ProgressClass::Achieved));
}

#[test]
fn relative_targets_resolve_against_the_baseline() {
    // Baseline 100 (2021), +21 % by 2023: target 121, r_req = 1.21^(1/2) − 1 = 0.1.
    // Latest 105 (2022): r_obs = 0.05; R = 0.5.
    let f = facts(measure(
        Some(("2021", q(100.0))),
        &[("2022", q(105.0))],
        &[(2023, TargetKind::Change(21.0))],
    ));
    let t = f.target_used.expect("a target");
    assert!(close(t.level, 121.0));
    let r = f.rates.expect("rates");
    assert!(close(r.required, 0.1));
    assert!(close(r.ratio, 0.5));
    assert_eq!(f.class, progress(ProgressClass::Insufficient));
}

#[test]
fn the_next_target_is_used_not_the_last() {
    // Latest 115 (2023); targets 110 (2022), 130 (2024), 200 (2026): 2024 is used.
    // r_req = 1.3^(1/3) − 1 = 0.091393; r_obs = 1.15^(1/2) − 1 = 0.072381; R = 0.791971.
    // (Against 2026 it would be 0.486761, insufficient; against 2022 achieved.)
    let targets = [(2022, abs(110.0)), (2024, abs(130.0)), (2026, abs(200.0))];
    let f = facts(measure(
        Some(("2021", q(100.0))),
        &[("2023", q(115.0))],
        &targets,
    ));
    assert_eq!(f.target_used.map(|t| t.year), Some(2024));
    assert!(close(
        f.rates.expect("rates").ratio,
        0.791_971_180_381_373_2
    ));
    assert_eq!(f.class, progress(ProgressClass::Moderate));
    // Past every target's year, the last one is used.
    let late = facts(measure(
        Some(("2021", q(100.0))),
        &[("2027", q(150.0))],
        &targets,
    ));
    assert_eq!(late.target_used.map(|t| t.year), Some(2026));
}

#[test]
fn quarterly_data_count_from_the_middle_of_the_quarter() {
    // Baseline 2025-Q1 (2025.125), latest 2026-Q1: one year, r_obs = 0.1.
    // Target 150 in 2027 (2027.5): 2.375 years, r_req = 1.5^(1/2.375) − 1 = 0.186161.
    let f = facts(measure(
        Some(("2025-Q1", q(100.0))),
        &[("2025-Q1", q(100.0)), ("2026-Q1", q(110.0))],
        &[(2027, abs(150.0))],
    ));
    let r = f.rates.expect("rates");
    assert!(close(r.observed, 0.1));
    assert!(close(r.required, 0.186_161_129_289_801_55));
    assert!(close(r.ratio, 0.537_169_066_289_491_9));
    assert_eq!(f.class, progress(ProgressClass::Insufficient));
}

#[test]
fn shares_use_value_over_of() {
    // Baseline 147/356 (2022), latest 260/440 (2024), target 356/356 (2025).
    // r_obs = (0.590909 / 0.412921)^(1/2) − 1 = 0.196263; r_req = (1 / 0.412921)^(1/3) − 1 =
    // 0.342902; R = 0.572359. By numerators alone R would be 0.962164, on track.
    let f = facts(measure(
        Some(("2022", share(147.0, 356.0))),
        &[("2024", share(260.0, 440.0))],
        &[(2025, TargetKind::Value(share(356.0, 356.0)))],
    ));
    assert!(f.share);
    assert!(close(f.latest().expect("latest").level, 260.0 / 440.0));
    assert!(close(
        f.rates.expect("rates").ratio,
        0.572_359_356_017_952_3
    ));
    assert_eq!(f.class, progress(ProgressClass::Insufficient));
    // Every municipality of fewer: the share has reached the target, the numerator has not.
    let all = class(measure(
        Some(("2022", share(147.0, 356.0))),
        &[("2024", share(340.0, 340.0))],
        &[(2025, TargetKind::Value(share(356.0, 356.0)))],
    ));
    assert_eq!(all, progress(ProgressClass::Achieved));
}

#[test]
fn a_zero_baseline_gives_no_class_and_says_why() {
    let f = facts(measure(
        Some(("2021", q(0.0))),
        &[("2023", q(40.0))],
        &[(2025, abs(100.0))],
    ));
    assert_eq!(f.class, Err(NoClass::ZeroBaseline));
    assert_eq!(f.rates, None);
}

#[test]
fn maintain_is_achieved_while_no_worse_than_the_baseline() {
    let keep = |latest| {
        measure(
            Some(("2021", q(80.0))),
            &[("2023", q(latest))],
            &[(2025, TargetKind::Maintain)],
        )
    };
    assert_eq!(class(keep(81.0)), progress(ProgressClass::Achieved));
    assert_eq!(class(keep(80.0)), progress(ProgressClass::Achieved));
    assert_eq!(class(keep(79.0)), progress(ProgressClass::WrongDirection));
    let mut lower = indicator(keep(79.0));
    lower.measures[0].higher_is_better = false;
    assert_eq!(facts_of(&lower).class, progress(ProgressClass::Achieved));
}

#[test]
fn a_baseline_alone_says_nothing_about_progress() {
    let f = facts(measure(
        Some(("2022-11-29", share(147.0, 356.0))),
        &[("2022-11-29", share(147.0, 356.0))],
        &[(2024, TargetKind::Value(share(320.0, 356.0)))],
    ));
    assert_eq!(f.class, Err(NoClass::NoValueAfterBaseline));
}

#[test]
fn missing_numbers_are_named() {
    let no_baseline = measure(None, &[("2023", q(5.0))], &[(2025, abs(10.0))]);
    assert_eq!(class(no_baseline), Err(NoClass::NoBaseline));
    let relative = measure(
        None,
        &[("2023", q(5.0))],
        &[(2025, TargetKind::Change(10.0))],
    );
    assert_eq!(class(relative), Err(NoClass::NoBaseline));
    let no_values = measure(Some(("2021", q(5.0))), &[], &[(2025, abs(10.0))]);
    assert_eq!(class(no_values), Err(NoClass::NoValues));
    let mut undated = measure(
        Some(("2021", q(5.0))),
        &[("2023", q(6.0))],
        &[(2025, abs(10.0))],
    );
    undated.baseline.as_mut().expect("baseline").period = None;
    assert_eq!(class(undated), Err(NoClass::NoBaselinePeriod));
    let mut illustration = doubling(141.0);
    illustration.illustrative = true;
    assert_eq!(class(illustration), Err(NoClass::Illustrative));
    // Target in the middle of 2022, baseline at its end.
    let early = measure(
        Some(("2022-11-29", q(5.0))),
        &[("2023", q(6.0))],
        &[(2022, abs(10.0))],
    );
    assert_eq!(class(early), Err(NoClass::TargetNotAfterBaseline));
}

#[test]
fn without_a_numeric_target_the_last_two_values_give_a_trend() {
    let series = |a, b| {
        measure(
            Some(("2021", q(100.0))),
            &[("2021", q(a)), ("2022", q(b))],
            &[(2025, TargetKind::Text)],
        )
    };
    let trend = |c| Ok(Class::Trend(c));
    assert_eq!(class(series(100.0, 102.0)), trend(TrendClass::Improving));
    assert_eq!(class(series(100.0, 100.9)), trend(TrendClass::Stable));
    assert_eq!(class(series(100.0, 99.0)), trend(TrendClass::Stable));
    assert_eq!(class(series(100.0, 98.0)), trend(TrendClass::Worsening));
    let mut lower = indicator(series(100.0, 98.0));
    lower.measures[0].higher_is_better = false;
    assert_eq!(facts_of(&lower).class, trend(TrendClass::Improving));
    lower.trend_tolerance = 5.0;
    assert_eq!(facts_of(&lower).class, trend(TrendClass::Stable));
    let one = measure(None, &[("2021", q(1.0))], &[]);
    assert_eq!(class(one), Err(NoClass::TooFewValues));
}

fn arbitrary_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(-0.0),
        Just(f64::MIN_POSITIVE),
        Just(1e12),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        -1e12..1e12f64,
        any::<f64>(),
    ]
}

fn arbitrary_quantity() -> impl Strategy<Value = Quantity> {
    (arbitrary_number(), proptest::option::of(arbitrary_number()))
        .prop_map(|(value, of)| Quantity { value, of })
}

fn arbitrary_period() -> impl Strategy<Value = String> {
    prop_oneof![
        (1900..2200i32).prop_map(|y| y.to_string()),
        (1900..2200i32, 1..=4u8).prop_map(|(y, q)| format!("{y}-Q{q}")),
        (1900..2200i32, 1..=12u8).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (1900..2200i32, 1..=28u8).prop_map(|(y, d)| format!("{y}-02-{d:02}")),
    ]
}

fn arbitrary_kind() -> impl Strategy<Value = TargetKind> {
    prop_oneof![
        arbitrary_quantity().prop_map(TargetKind::Value),
        arbitrary_number().prop_map(TargetKind::Change),
        Just(TargetKind::Maintain),
        Just(TargetKind::Text),
    ]
}

proptest! {
    #[test]
    fn no_numbers_make_the_analysis_panic(
        base in proptest::option::of((arbitrary_period(), arbitrary_quantity())),
        values in proptest::collection::vec((arbitrary_period(), arbitrary_quantity()), 0..5),
        targets in proptest::collection::vec((1900..2200i32, arbitrary_kind()), 0..4),
        higher_is_better in any::<bool>(),
        tolerance in arbitrary_number(),
        on_track in arbitrary_number(),
        moderate in arbitrary_number(),
    ) {
        let values: Vec<(&str, Quantity)> =
            values.iter().map(|(p, q)| (p.as_str(), *q)).collect();
        let m = measure(base.as_ref().map(|(p, q)| (p.as_str(), *q)), &values, &targets);
        let mut ind = indicator(m);
        ind.measures[0].higher_is_better = higher_is_better;
        ind.trend_tolerance = tolerance;
        let f = analyse_measure(&ind, &ind.measures[0], Thresholds { on_track, moderate });
        if let Some(r) = f.rates {
            prop_assert!(r.observed.is_finite() && r.required.is_finite() && r.ratio.is_finite());
        }
    }
}

/// Baseline 100 (2021), values 100, 121, 146,41 (2021–2023): r_obs = 0,21; towards the 2025
/// target (the last) the projection gives 177,1561 (2024) and 214,358881 (2025).
#[test]
fn three_values_are_projected_to_the_target_year_at_the_observed_rate() {
    let f = facts(measure(
        Some(("2021", q(100.0))),
        &[("2021", q(100.0)), ("2022", q(121.0)), ("2023", q(146.41))],
        &[(2024, abs(150.0)), (2025, abs(300.0))],
    ));
    let p = f.projection.expect("a projection");
    assert!(close(p.rate, 0.21), "{}", p.rate);
    let got: Vec<(i32, f64)> = p.points.iter().map(|x| (x.year, x.level)).collect();
    assert_eq!(got.len(), 2);
    assert!(
        close(got[0].1, 177.1561) && close(got[1].1, 214.358881),
        "{got:?}"
    );
    assert_eq!((got[0].0, got[1].0), (2024, 2025));
    // Two values are not enough.
    let two = facts(doubling(150.0));
    assert_eq!(two.projection, None);
    assert_eq!(two.measured_points(), 2);
}

/// The analysis of the bundled content: classes only where the seeds give enough numbers.
#[test]
fn the_bundled_content_has_classes_only_where_its_numbers_allow() {
    let content = crate::testing::bundled();
    let analysis = analyse(content);
    let mut progress = Vec::new();
    let mut trends = Vec::new();
    for ind in content.indicators.values() {
        for m in &ind.measures {
            let facts = analysis.of(ind, m);
            let baseline = m.baseline.as_ref().and_then(|b| b.quantity.zip(b.period));
            let numeric_target = m
                .targets
                .iter()
                .any(|t| t.kind != crate::model::TargetKind::Text);
            let after_baseline =
                baseline.is_some_and(|(_, p)| m.values.iter().any(|v| v.period > p));
            let enough = !m.illustrative && baseline.is_some() && numeric_target && after_baseline;
            let name = format!("{} {}", ind.id, m.id.as_deref().unwrap_or(""));
            match facts.class {
                Ok(Class::Progress(_)) => {
                    assert!(enough, "{name} has a class without the numbers for one");
                    assert!(facts.baseline.is_some() && facts.target_used.is_some());
                    progress.push(name);
                }
                Ok(Class::Trend(c)) => {
                    assert!(!numeric_target && m.values.len() >= 2, "{name}");
                    trends.push((name, c));
                }
                Err(reason) => {
                    assert!(
                        !enough || reason == NoClass::ZeroBaseline,
                        "{name}: {reason:?}"
                    );
                }
            }
        }
    }
    // The seeds of 2026-Q2 measure nothing after a baseline against a numeric target, and
    // one measure without a target has two values: processing time, falling.
    assert_eq!(progress, Vec::<String>::new());
    assert_eq!(trends, [("3.1 2".to_owned(), TrendClass::Improving)]);
}
