//! Indicators and their measures: units, types, baselines, targets and values.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use serde_saphyr::Spanned;

use super::checks::{CHANGE_PERCENT, is_slug};
use super::values::{place, second_value};
use super::{Refs, Sink};
use crate::diagnostics::{Diagnostic, Pos};
use crate::input::{Loaded, RawContent, raw};
use crate::model::*;

/// A change of at most 1 % of the earlier value is no change.
const DEFAULT_TREND_TOLERANCE: f64 = 1.0;

/// Claims every indicator id and checks each indicator.
pub(super) fn indicators(raw: &RawContent, refs: &mut Refs, problems: &mut Vec<Diagnostic>) {
    let mut places: HashMap<String, PathBuf> = HashMap::new();
    for Loaded { path, doc } in &raw.indicators {
        let mut s = Sink { path, problems };
        let id = &doc.id.value;
        let shape = if is_numbered(id) || is_slug(id) {
            Ok(())
        } else {
            Err("a number such as 1.6 or 2.5.3, or a slug such as tillit-helseopplysninger")
        };
        if !refs
            .known_indicators
            .claim(&mut s, &mut places, &doc.id, "indicator", shape)
        {
            continue;
        }
        if let Some(i) = check_indicator(&mut s, doc, refs) {
            refs.indicators.insert(i.id.clone(), i);
        }
    }
}

pub(super) fn unit_of(s: &mut Sink, u: &Spanned<String>) -> Option<Unit> {
    let unit = Unit::parse(&u.value);
    if unit.is_none() {
        s.at(
            u,
            format!(
                "unknown unit `{}` (expected percent, count, share, millions, days or text)",
                u.value
            ),
        );
    }
    unit
}

pub(super) fn footnotes(s: &mut Sink, raw: &[raw::Footnote]) -> Vec<Footnote> {
    raw.iter()
        .map(|f| Footnote {
            mark: f.mark.clone(),
            text: Text::from(&f.text),
            url: f.url.as_ref().and_then(|u| s.url(u)),
        })
        .collect()
}

fn check_indicator(s: &mut Sink, doc: &raw::Indicator, refs: &Refs) -> Option<Indicator> {
    let goal = refs.check_goal(s, &doc.goal);
    let unit = unit_of(s, &doc.unit);
    let kind = IndicatorType::parse(&doc.kind.value);
    if kind.is_none() {
        s.at(&doc.kind, format!("unknown indicator type `{}` (expected adopsjon, bruk, opplevd resultat, resultat, effekt or statistikk)", doc.kind.value));
    }
    let frequency = match &doc.frequency {
        Some(f) => {
            let parsed = Frequency::parse(&f.value);
            if parsed.is_none() {
                s.at(
                    f,
                    format!(
                        "unknown update frequency `{}` (expected årlig, kvartalsvis or løpende)",
                        f.value
                    ),
                );
            }
            parsed
        }
        None => None,
    };
    let mut comments = Vec::new();
    for c in &doc.comments {
        let year = match &c.year {
            Some(y) => match i32::try_from(y.value)
                .ok()
                .filter(|v| (1900..=2200).contains(v))
            {
                Some(v) => Some(v),
                None => {
                    s.at(
                        y,
                        format!("invalid year {} (expected a year such as 2025)", y.value),
                    );
                    continue;
                }
            },
            None => None,
        };
        if let Some(date) = s.period(&c.date) {
            comments.push(Comment {
                date,
                text: Text::from(&c.text),
                year,
            });
        }
    }
    if doc.measures.value.is_empty() {
        s.at(
            &doc.measures,
            format!(
                "indicator {} has no measures (expected at least one under `measures`)",
                doc.id.value
            ),
        );
    }
    let several = doc.measures.value.len() > 1;
    let higher_is_better = doc.higher_is_better.unwrap_or(true);
    let mut seen: HashSet<&str> = HashSet::new();
    let mut measures = Vec::new();
    for spanned_m in &doc.measures.value {
        let m = &spanned_m.value;
        if let Some(id) = &m.id {
            if !seen.insert(id.value.as_str()) {
                s.at(
                    id,
                    format!(
                        "duplicate measure id `{}` in indicator {}",
                        id.value, doc.id.value
                    ),
                );
            }
        } else if several {
            s.at(
                spanned_m,
                format!(
                    "a measure without an `id` (indicator {} has several measures, so each needs one)",
                    doc.id.value
                ),
            );
        }
        let m_unit = match &m.unit {
            Some(u) => unit_of(s, u),
            None => unit,
        };
        if let Some(m_unit) = m_unit {
            measures.push(check_measure(s, m, m_unit, higher_is_better, refs));
        }
    }
    let trend_tolerance = match &doc.trend_tolerance_percent {
        Some(t) if t.value.is_finite() && (0.0..=100.0).contains(&t.value) => t.value,
        Some(t) => {
            s.at(
                t,
                format!(
                    "invalid trend_tolerance_percent {} (expected 0 to 100, such as 1)",
                    t.value
                ),
            );
            DEFAULT_TREND_TOLERANCE
        }
        None => DEFAULT_TREND_TOLERANCE,
    };
    Some(Indicator {
        id: IndicatorId::new(doc.id.value.clone()),
        goal: goal?,
        name: Text::from(&doc.name),
        short_name: doc.short_name.as_ref().map(Text::from),
        number: doc.number.clone(),
        unit: unit?,
        unit_label: doc.unit_label.as_ref().map(Text::from),
        kind: kind?,
        description: Text::from(&doc.description),
        measurement: doc.measurement.as_ref().map(Text::from),
        data_source: doc.data_source.clone(),
        frequency,
        footnotes: footnotes(s, &doc.footnotes),
        comments,
        measures,
        trend_tolerance,
        path: s.path.to_path_buf(),
    })
}

pub(super) fn check_baseline(s: &mut Sink, b: &raw::Baseline, unit: Unit, refs: &Refs) -> Baseline {
    let source = refs.check_source(s, &b.source);
    Baseline {
        quantity: b
            .value
            .as_ref()
            .and_then(|v| s.quantity(v, b.of.as_ref(), unit, "baseline")),
        period: b.period.as_ref().and_then(|p| s.period(p)),
        text: b.text.as_ref().map(Text::from),
        source,
    }
}

pub(super) fn check_targets(
    s: &mut Sink,
    raw_targets: &[raw::Target],
    unit: Unit,
    baseline: Option<&Baseline>,
    refs: &Refs,
) -> Vec<Target> {
    let baseline_year = baseline.and_then(|b| b.period).map(Period::year);
    let mut targets = Vec::new();
    for t in raw_targets {
        let source = refs.check_source(s, &t.source);
        let chosen = [t.value.is_some(), t.change_percent.is_some(), t.maintain]
            .iter()
            .filter(|b| **b)
            .count();
        if chosen > 1 {
            s.at(&t.year, "a target has more than one of value, change_percent and maintain (expected one, or only text)");
            continue;
        }
        let kind = if let Some(v) = &t.value {
            match s.quantity(v, t.of.as_ref(), unit, "target") {
                Some(q) => TargetKind::Value(q),
                None => continue,
            }
        } else if let Some(c) = &t.change_percent {
            match s.number(c, Unit::Text, "change_percent") {
                Some(v) if CHANGE_PERCENT.contains(&v) => TargetKind::Change(v),
                Some(v) => {
                    s.at(
                        c,
                        format!(
                            "change_percent {v} is out of range (expected -100 to 10000: from nothing left to a hundredfold)"
                        ),
                    );
                    continue;
                }
                None => continue,
            }
        } else if t.maintain {
            TargetKind::Maintain
        } else if t.text.is_some() {
            TargetKind::Text
        } else {
            s.at(
                &t.year,
                "a target needs value, change_percent, maintain: true or text",
            );
            continue;
        };
        let year = t.year.value;
        if !(1900..=2200).contains(&year) {
            s.at(
                &t.year,
                format!("invalid target year {year} (expected a year such as 2025)"),
            );
            continue;
        }
        if let Some(by) = baseline_year
            && (year as i32) < by
        {
            s.at(
                &t.year,
                format!("target year {year} is before the baseline ({by})"),
            );
            continue;
        }
        targets.push(Target {
            year: year as i32,
            kind,
            text: t.text.as_ref().map(Text::from),
            source,
        });
    }
    targets.sort_by_key(|t| t.year);
    targets
}

/// A value's breakdown: each part named once, by a name that says something.
fn check_breakdown(s: &mut Sink, parts: &[raw::Part], unit: Unit) -> Vec<(String, f64)> {
    let mut breakdown: Vec<(String, f64)> = Vec::new();
    let mut seen = HashSet::new();
    for part in parts {
        let Some(label) = s.name_once(
            &part.label,
            &mut seen,
            "empty breakdown label (expected the name of a region or category)",
            |label| {
                format!(
                    "breakdown part `{label}` given twice (expected each region or category once \
                     in a value)"
                )
            },
        ) else {
            continue;
        };
        if let Some(x) = s.number(&part.value, unit, "breakdown value") {
            breakdown.push((label.to_owned(), x));
        }
    }
    breakdown
}

fn check_measure(
    s: &mut Sink,
    m: &raw::Measure,
    unit: Unit,
    higher_is_better: bool,
    refs: &Refs,
) -> Measure {
    let baseline = m
        .baseline
        .as_ref()
        .map(|b| check_baseline(s, b, unit, refs));
    let targets = check_targets(s, &m.targets, unit, baseline.as_ref(), refs);
    let mut values = Vec::new();
    let mut places = Vec::new();
    for v in &m.values {
        let source = refs.check_source(s, &v.source);
        let period = s.period(&v.period);
        let quantity = s.quantity(&v.value, v.of.as_ref(), unit, "value");
        let breakdown = check_breakdown(s, &v.breakdown, unit);
        if let (Some(period), Some(quantity)) = (period, quantity) {
            let sum: f64 = breakdown.iter().map(|(_, x)| x).sum();
            let additive = matches!(unit, Unit::Count | Unit::Millions | Unit::Share);
            if additive && sum > quantity.value * (1.0 + 1e-9) {
                s.at(
                    &v.value,
                    format!(
                        "breakdown parts add up to {sum}, more than the value {} (expected \
                         parts of the value; a part counted twice, or a wrong value?)",
                        quantity.value
                    ),
                );
            }
            if let Some(i) = values
                .iter()
                .position(|o: &Value| o.period.same_span(period))
            {
                let first_at = place(s.path, places[i]);
                s.at(&v.period, second_value(period, values[i].period, &first_at));
                continue;
            }
            places.push(Pos::from_location(&v.period.referenced));
            values.push(Value {
                period,
                quantity,
                text: v.text.clone(),
                breakdown,
                source,
            });
        }
    }
    values.sort_by_key(|v| v.period);
    let ambition = m.ambition.as_ref().map(|a| Ambition {
        period: a.period.as_ref().and_then(|p| s.period(p)),
        value: a.value.as_ref().and_then(|v| s.number(v, unit, "ambition")),
        text: Text::from(&a.text),
        source: refs.check_source(s, &a.source),
    });
    let from_roadmap = m.from_roadmap.as_ref().and_then(|w| {
        let phase = Phase::parse(w.value.trim());
        if phase.is_none() {
            let known: Vec<&str> = Phase::ALL.map(Phase::id).to_vec();
            s.at(
                w,
                format!(
                    "unknown phase `{}` (expected one of: {})",
                    w.value,
                    known.join(", ")
                ),
            );
        } else if unit != Unit::Percent {
            s.at(
                w,
                "a measure computed from the roadmap is a share of deliveries (expected `unit: percent`)",
            );
        }
        phase
    });
    Measure {
        id: m.id.as_ref().map(|i| MeasureId::new(i.value.clone())),
        name: m.name.as_ref().map(Text::from),
        unit,
        baseline,
        targets,
        values,
        ambition,
        illustrative: m.illustrative,
        higher_is_better: m.higher_is_better.unwrap_or(higher_is_better),
        values_file: None,
        from_roadmap,
    }
}
