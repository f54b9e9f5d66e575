//! Charts drawn from hand-made measures: which measures are drawn, what the alt text and the
//! data table say, and that every kind of mark looks different without its colour.

use super::plot::{Kind, Line, look};
use super::*;
use crate::analyse::analyse_measure;
use crate::labels::Lang;
use crate::model::{IndicatorId, TargetKind, Thresholds};
use crate::testing::{measure, q, share};

fn id() -> ChartId {
    ChartId::Measure {
        indicator: IndicatorId::new("9.9"),
        measure: None,
    }
}

/// The chart of one measure, or none, in bokmål.
fn chart_of(m: Measure) -> Option<Chart> {
    let ind = Indicator {
        measures: vec![m],
        ..crate::testing::indicator("9.9")
    };
    let facts = analyse_measure(&ind, &ind.measures[0], Thresholds::default());
    draw(
        Lang::Nb.labels(),
        &ind,
        &[(&ind.measures[0], &facts)],
        2030,
        &id(),
    )
    .expect("the chart draws")
}

fn target(v: f64) -> TargetKind {
    TargetKind::Value(q(v))
}

fn rows(c: &Chart) -> Vec<String> {
    c.rows.iter().map(|r| r.join(" | ")).collect()
}

#[test]
fn a_measure_with_fewer_than_two_points_gets_no_chart() {
    // The baseline and the one value are the same point.
    let one = measure(
        Some(("2021", q(287.0))),
        &[("2021", q(287.0))],
        &[(2025, target(330.0))],
    );
    assert!(chart_of(one).is_none());
    assert!(chart_of(measure(None, &[], &[(2025, target(330.0))])).is_none());
    // A baseline and a later value are two points.
    let two = measure(Some(("2021", q(100.0))), &[("2023", q(120.0))], &[]);
    assert!(chart_of(two).is_some());
}

#[test]
fn baseline_path_and_targets_are_drawn_and_told() {
    let m = measure(
        Some(("2021", q(100.0))),
        &[("2021", q(100.0)), ("2023", q(120.0))],
        &[(2025, target(200.0))],
    );
    let c = chart_of(m).expect("a chart");
    assert!(
        c.description
            .contains("Målte verdier: 2021: 100; 2023: 120"),
        "{}",
        c.description
    );
    assert!(
        c.description.contains("Utgangspunkt: 2021: 100"),
        "{}",
        c.description
    );
    assert!(
        c.description.contains("Måltall: 2025: 200"),
        "{}",
        c.description
    );
    assert!(c.description.contains("stiplet linje"), "{}", c.description);
    assert_eq!(
        rows(&c),
        [
            "Målte verdier | 2021 | 100",
            "Målte verdier | 2023 | 120",
            "Utgangspunkt | 2021 | 100",
            "Måltall | 2025 | 200",
        ]
    );
    let l = Lang::Nb.labels();
    let table = c.table(l, "T");
    assert_eq!(table.columns, ["Serie", "Periode", "Verdi"]);
    assert_eq!(table.caption, "Tallene bak figuren: T");
    assert!(
        c.alt(l, "T").starts_with("Diagram: T. Test. Målte verdier"),
        "{}",
        c.alt(l, "T")
    );
    for legend in [
        "Målt",
        "Utgangspunkt",
        "Vei fra utgangspunkt til måltall",
        "Måltall",
    ] {
        assert!(c.svg.contains(legend), "{legend}");
    }
    // No projection from two values.
    assert!(
        !c.description.contains("framskrivning"),
        "{}",
        c.description
    );
}

/// 100, 110, 121 in 2021–2023 grow by 10 % a year: 133 in 2024 and 146 in 2025 (three
/// figures), drawn, in the legend, the alt text and the table.
#[test]
fn a_projection_is_drawn_in_its_own_style_and_told() {
    let m = measure(
        None,
        &[("2021", q(100.0)), ("2022", q(110.0)), ("2023", q(121.0))],
        &[(2025, target(150.0))],
    );
    let c = chart_of(m).expect("a chart");
    assert!(
        c.svg.contains("Illustrert framskrivning"),
        "the legend names it"
    );
    assert!(
        c.description.contains(
            "Illustrert framskrivning med den målte årlige veksten (+10\u{a0}%): 2024: 133; 2025: 146"
        ),
        "{}",
        c.description
    );
    let table = rows(&c);
    assert!(
        table.contains(&"Illustrert framskrivning | 2025 | 146".to_owned()),
        "{table:?}"
    );
    // Its line is dotted: not the illustrative values' dashes, nor the measured line.
    let projection = look(Kind::Projection, 0, 1).line;
    assert_eq!(projection, Line::Dotted);
    assert_ne!(projection, look(Kind::Illustrative, 0, 1).line);
    assert_ne!(projection, look(Kind::Values, 0, 1).line);
}

#[test]
fn quarters_are_named_as_quarters_never_months() {
    let m = measure(None, &[("2025-Q3", q(20.0)), ("2026-Q2", q(39.0))], &[]);
    let c = chart_of(m).expect("a chart");
    assert!(
        c.description
            .contains("3. kvartal 2025: 20; 2. kvartal 2026: 39"),
        "{}",
        c.description
    );
    for month in ["juli", "august", "september", "april", "(7)", "(4)"] {
        assert!(!c.description.contains(month), "{}", c.description);
    }
    assert!(
        c.svg.contains("K3") && c.svg.contains("K2"),
        "quarter ticks"
    );
}

#[test]
fn every_kind_of_mark_looks_different_without_colour() {
    let kinds = [
        Kind::Values,
        Kind::Illustrative,
        Kind::Baseline,
        Kind::Path,
        Kind::Targets,
        Kind::Projection,
        Kind::Ambition,
    ];
    let shapes: Vec<_> = kinds
        .iter()
        .map(|k| {
            let l = look(*k, 0, 1);
            (l.line, l.marker)
        })
        .collect();
    for (i, a) in shapes.iter().enumerate() {
        for b in &shapes[i + 1..] {
            assert_ne!(a, b);
        }
    }
    // Two measures differ by their markers' shape too.
    assert_ne!(
        look(Kind::Values, 0, 2).marker.map(|m| m.0),
        look(Kind::Values, 1, 2).marker.map(|m| m.0)
    );
}

#[test]
fn the_same_measure_draws_the_same_bytes() {
    let m = || {
        measure(
            Some(("2021", q(100.0))),
            &[("2021", q(100.0)), ("2022", q(110.0)), ("2023", q(121.0))],
            &[(2025, target(200.0))],
        )
    };
    let (a, b) = (chart_of(m()).unwrap(), chart_of(m()).unwrap());
    assert_eq!(a.svg, b.svg);
    assert_eq!(a.description, b.description);
}

/// A share is drawn as value ÷ of in percent: 147/356 is 41,3 %, a target of 320/356 89,9 %.
#[test]
fn a_share_is_drawn_in_percent_and_the_alt_text_says_so() {
    let m = measure(
        Some(("2022-11-29", share(147.0, 356.0))),
        &[
            ("2022-11-29", share(147.0, 356.0)),
            ("2023-11-29", share(200.0, 356.0)),
        ],
        &[(2024, TargetKind::Value(share(320.0, 356.0)))],
    );
    let c = chart_of(m).expect("a chart");
    assert!(
        c.description.contains("Andelen er vist i prosent"),
        "{}",
        c.description
    );
    assert!(
        c.description.contains("Måltall: 2024: 89,9\u{a0}%"),
        "{}",
        c.description
    );
    assert!(
        c.description.contains("29. november 2022: 41,3\u{a0}%"),
        "{}",
        c.description
    );
}

/// Numbers as validation lets them through: finite, within 1e12 of zero.
fn valid_number() -> impl proptest::strategy::Strategy<Value = f64> {
    use proptest::prelude::*;
    prop_oneof![
        Just(0.0),
        Just(f64::MIN_POSITIVE),
        Just(1e12),
        Just(-1e12),
        0.0..100.0f64,
        -1e12..1e12f64,
    ]
}

proptest::proptest! {
    /// No numbers validation accepts make drawing a chart or a breakdown panic, in any unit;
    /// what is drawn is an SVG.
    #[test]
    fn no_valid_numbers_make_a_chart_panic(
        base in proptest::option::of((2000..2040i32, valid_number())),
        values in proptest::collection::vec(
            (2000..2040i32, proptest::option::of(1..=4u8), valid_number(),
             proptest::collection::vec(valid_number(), 0..4)),
            0..6,
        ),
        targets in proptest::collection::vec((2000..2040i32, valid_number()), 0..3),
        unit in proptest::sample::select(vec![Unit::Count, Unit::Percent, Unit::Millions, Unit::Days]),
    ) {
        let periods: Vec<String> = values
            .iter()
            .map(|(y, q, ..)| q.map_or(y.to_string(), |q| format!("{y}-Q{q}")))
            .collect();
        let points: Vec<(&str, crate::model::Quantity)> =
            periods.iter().zip(&values).map(|(p, v)| (p.as_str(), q(v.2))).collect();
        let base_period = base.map(|(y, _)| y.to_string());
        let targets: Vec<(i32, TargetKind)> = targets.iter().map(|(y, v)| (*y, target(*v))).collect();
        let mut m = measure(
            base_period.as_deref().zip(base.map(|(_, v)| q(v))),
            &points,
            &targets,
        );
        m.unit = unit;
        for (v, (.., parts)) in m.values.iter_mut().zip(&values) {
            v.breakdown = parts.iter().enumerate().map(|(i, x)| (format!("Del {i}"), *x)).collect();
        }
        let ind = Indicator { measures: vec![m], ..crate::testing::indicator("9.9") };
        let facts = analyse_measure(&ind, &ind.measures[0], Thresholds::default());
        let l = Lang::Nb.labels();
        if let Some(c) = draw(l, &ind, &[(&ind.measures[0], &facts)], 2030, &id()).expect("draws") {
            proptest::prop_assert!(c.svg.starts_with("<svg"));
        }
        if let Some(c) = draw_breakdown(l, &ind.measures[0], &facts, &id()).expect("draws") {
            proptest::prop_assert!(c.svg.starts_with("<svg"));
        }
    }
}
