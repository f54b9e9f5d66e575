//! Editions of *Strategiske e-helseindikatorer*: which indicators each goal's table prints,
//! and the baselines and targets as that edition printed them.

use std::collections::BTreeMap;

use super::indicator::{check_baseline, check_targets, footnotes};
use super::{Refs, Sink, unknown_measure};
use crate::diagnostics::Diagnostic;
use crate::input::{Loaded, RawContent, raw};
use crate::model::*;

/// Checks every edition; one year has one edition.
pub(super) fn editions(
    raw: &RawContent,
    refs: &Refs,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<i32, Edition> {
    let mut editions: BTreeMap<i32, Edition> = BTreeMap::new();
    for Loaded { path, doc } in &raw.editions {
        let mut s = Sink { path, problems };
        let Some(e) = check_edition(&mut s, doc, refs) else {
            continue;
        };
        if let Some(first) = editions.get(&e.year) {
            s.at(
                &doc.edition,
                format!(
                    "a second edition {} (first in {})",
                    e.year,
                    first.path.display()
                ),
            );
        } else {
            editions.insert(e.year, e);
        }
    }
    editions
}

fn check_edition(s: &mut Sink, doc: &raw::Edition, refs: &Refs) -> Option<Edition> {
    refs.check_source(s, &doc.source);
    let year = i32::try_from(doc.edition.value)
        .ok()
        .filter(|y| (1900..=2200).contains(y));
    if year.is_none() {
        s.at(
            &doc.edition,
            format!(
                "invalid edition {} (expected a year such as 2024)",
                doc.edition.value
            ),
        );
    }
    let published = match s.period(&doc.published) {
        Some(Period::Day(d)) => Some(d),
        Some(_) => {
            s.at(
                &doc.published,
                format!(
                    "`{}` is not a date (expected such as 2023-12-13)",
                    doc.published.value.0
                ),
            );
            None
        }
        None => None,
    };
    let mut target_years = Vec::new();
    for y in &doc.target_years {
        match i32::try_from(y.value)
            .ok()
            .filter(|y| (1900..=2200).contains(y))
        {
            Some(v) if !target_years.contains(&v) => target_years.push(v),
            Some(v) => s.at(y, format!("target year {v} is listed twice")),
            None => s.at(
                y,
                format!(
                    "invalid target year {} (expected a year such as 2025)",
                    y.value
                ),
            ),
        }
    }
    let mut goals: Vec<EditionGoal> = Vec::new();
    for g in &doc.goals {
        let Some(goal) = refs.check_goal(s, &g.goal) else {
            continue;
        };
        if goals.iter().any(|o| o.goal == goal) {
            s.at(
                &g.goal,
                format!("goal {goal} appears twice in this edition"),
            );
            continue;
        }
        let mut rows = Vec::new();
        for ei in &g.indicators {
            let Some(ind) = refs.indicator(s, &ei.indicator) else {
                continue;
            };
            if rows.iter().any(|r: &EditionIndicator| r.id == ind.id) {
                s.at(
                    &ei.indicator,
                    format!("indicator {} appears twice in this edition", ind.id),
                );
                continue;
            }
            let mut measures = Vec::new();
            for em in &ei.measures {
                let measure = match &em.id {
                    Some(id) => ind
                        .measures
                        .iter()
                        .find(|m| m.id.as_ref().is_some_and(|m| **m == id.value)),
                    None if ind.measures.len() == 1 => ind.measures.first(),
                    None => None,
                };
                let Some(measure) = measure else {
                    match &em.id {
                        Some(id) => s.at(id, unknown_measure(ind, &id.value)),
                        None => s.at(&ei.indicator, format!("indicator {} has several measures, so an edition measure needs an `id`", ind.id)),
                    }
                    continue;
                };
                let baseline = em
                    .baseline
                    .as_ref()
                    .map(|b| check_baseline(s, b, measure.unit, refs));
                let base_for_targets = baseline.as_ref().or(measure.baseline.as_ref());
                let targets = em
                    .targets
                    .as_ref()
                    .map(|t| check_targets(s, t, measure.unit, base_for_targets, refs));
                measures.push(EditionMeasure {
                    id: measure.id.clone(),
                    number: em.number.clone(),
                    name: em.name.as_ref().map(Text::from),
                    baseline,
                    targets,
                });
            }
            let kind = ei.kind.as_ref().and_then(|k| {
                let parsed = IndicatorType::parse(&k.value);
                if parsed.is_none() {
                    s.at(k, format!("unknown indicator type `{}` (expected adopsjon, bruk, opplevd resultat, resultat, effekt or statistikk)", k.value));
                }
                parsed
            });
            rows.push(EditionIndicator {
                id: ind.id.clone(),
                number: ei.number.clone().unwrap_or_else(|| ind.id.to_string()),
                name: ei.name.as_ref().map(Text::from),
                description: ei.description.as_ref().map(Text::from),
                measurement: ei.measurement.as_ref().map(Text::from),
                unit_label: ei.unit_label.as_ref().map(Text::from),
                kind,
                measures,
            });
        }
        goals.push(EditionGoal {
            goal,
            summary: g.summary.as_ref().map(Text::from),
            indicators: rows,
            footnotes: footnotes(s, &g.footnotes),
            candidates: g.candidates.iter().map(Text::from).collect(),
        });
    }
    goals.sort_by_key(|g| g.goal);
    Some(Edition {
        year: year?,
        title: Text::from(&doc.title),
        published: published?,
        // Its own, else its source's: an edition keeps the publisher it was published by.
        publisher: doc.publisher.clone().or_else(|| {
            refs.sources
                .get(doc.source.value.as_str())
                .and_then(|s| s.publisher.clone())
        }),
        baseline_heading: Text::from(&doc.baseline_heading),
        target_years,
        introduction: doc
            .introduction
            .iter()
            .map(|sec| (sec.heading.as_ref().map(Text::from), Text::from(&sec.text)))
            .collect(),
        goals,
        path: s.path.to_path_buf(),
    })
}
