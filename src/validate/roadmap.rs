//! The roadmap: a sub-goal's planned period and deliveries (its initiative file), each
//! quarter's report on them (the status file's `roadmap:`), the rule for a significant delay
//! (`strategy.yaml`), and the values of the measures computed from them.

use std::collections::{BTreeMap, HashSet};

use serde_saphyr::Spanned;

use super::{Refs, Sink};
use crate::diagnostics::Diagnostic;
use crate::input::raw::{self, PeriodText};
use crate::model::*;

/// The level of the scale a status word names; an unknown word is reported with the scale's
/// words.
pub(super) fn scale_level(
    s: &mut Sink,
    scale: &InitiativeScale,
    word: &Spanned<String>,
) -> Option<Level> {
    let level = scale.level(word.value.trim());
    if level.is_none() {
        let known: Vec<String> = scale.levels.iter().map(|l| l.id().to_owned()).collect();
        s.at(
            word,
            format!(
                "unknown status `{}` (expected one of: {})",
                word.value,
                known.join(", ")
            ),
        );
    }
    level
}

/// A quarter or a year; a year is its first quarter as a start, its last as an end.
fn quarter_or_year(s: &mut Sink, p: &Spanned<PeriodText>, end: bool) -> Option<Quarter> {
    match s.period(p)? {
        Period::Quarter(year, quarter) => Some(Quarter { year, quarter }),
        Period::Year(year) => Some(Quarter {
            year,
            quarter: if end { 4 } else { 1 },
        }),
        _ => {
            s.at(
                p,
                format!(
                    "`{}` is not a quarter or a year (expected such as 2026-Q2 or 2026)",
                    p.value.0
                ),
            );
            None
        }
    }
}

/// Reports an expected or actual end written in a plan.
fn misplaced_ends(s: &mut Sink, misplaced: [&Option<Spanned<PeriodText>>; 2]) {
    for (field, written) in ["expected_end", "actual_end"].into_iter().zip(misplaced) {
        if let Some(p) = written {
            s.hinted(p,
                format!(
                    "`{field}` in the plan (the plan keeps its first dates, so that a slip shows)"
                ),
                &format!(
                    "give `{field}` in the quarter's status file, under `roadmap:` for this sub-goal or delivery"
                ),
            );
        }
    }
}

/// A planned period whose end is not before its start.
fn span(
    s: &mut Sink,
    start: &Spanned<PeriodText>,
    end: &Spanned<PeriodText>,
    misplaced: [&Option<Spanned<PeriodText>>; 2],
) -> Option<Span> {
    misplaced_ends(s, misplaced);
    let (start_q, end_q) = (
        quarter_or_year(s, start, false)?,
        quarter_or_year(s, end, true)?,
    );
    if end_q < start_q {
        s.at(
            end,
            format!(
                "the planned end {} is before the planned start {} (expected an end at or after the start)",
                end.value.0, start.value.0
            ),
        );
        return None;
    }
    Some(Span {
        start: start_q,
        end: end_q,
    })
}

/// An initiative file's plan: its planned period and its deliveries.
pub(super) fn plan(s: &mut Sink, doc: &raw::Initiative) -> (Option<Plan>, Vec<Delivery>) {
    let planned = doc.planned.as_ref().and_then(|p| match &p.start {
        Some(start) => span(s, start, &p.end, [&p.expected_end, &p.actual_end]).map(Plan::Period),
        None => {
            misplaced_ends(s, [&p.expected_end, &p.actual_end]);
            quarter_or_year(s, &p.end, true).map(Plan::By)
        }
    });
    let mut seen = HashSet::new();
    let mut deliveries = Vec::new();
    for d in &doc.deliveries {
        let Some(id) = s.name_once(&d.id, &mut seen, "a delivery needs an id", |id| {
            format!("a second delivery with the id `{id}` in this sub-goal (expected ids unique within a sub-goal)")
        }) else {
            continue;
        };
        let phase = Phase::parse(d.phase.value.trim());
        if phase.is_none() {
            let known: Vec<&str> = Phase::ALL.map(Phase::id).to_vec();
            s.hinted(&d.phase,
                format!(
                    "unknown phase `{}` (expected one of: {})",
                    d.phase.value,
                    known.join(", ")
                ),
                "indicators 5.2 and 5.3 count the deliveries in development (`utvikling`) and in adoption (`innføring`)",
            );
        }
        let planned = span(s, &d.start, &d.end, [&d.expected_end, &d.actual_end]);
        if let (Some(phase), Some(planned)) = (phase, planned) {
            deliveries.push(Delivery {
                id: DeliveryId::new(id),
                title: Text::from(&d.title),
                phase,
                planned,
            });
        }
    }
    (planned, deliveries)
}

/// One report's status, comment and end.
fn report(
    s: &mut Sink,
    status: &Option<Spanned<String>>,
    comment: &Option<raw::RawText>,
    expected: &Option<Spanned<PeriodText>>,
    actual: &Option<Spanned<PeriodText>>,
    scale: Option<&InitiativeScale>,
) -> Report {
    let level = status
        .as_ref()
        .and_then(|word| scale_level(s, scale?, word));
    let end = match (expected, actual) {
        (Some(e), Some(_)) => {
            s.hinted(
                e,
                "both an expected and an actual end (expected one)".to_owned(),
                "give `actual_end` when it is done, else `expected_end`",
            );
            None
        }
        (Some(e), None) => quarter_or_year(s, e, true).map(End::Expected),
        (None, Some(a)) => quarter_or_year(s, a, true).map(End::Actual),
        (None, None) => None,
    };
    if let (Some(l), None, Some(word), Some(scale)) = (level, actual, status, scale)
        && matches!(
            scale.get(l),
            Some(ScaleLevel::Default(DefaultLevel::Completed))
        )
        && end.is_some()
    {
        s.at(
            word,
            "a completed sub-goal or delivery with an expected end (expected `actual_end`: the quarter it was done)",
        );
    }
    Report {
        level,
        comment: comment.as_ref().map(Text::from).filter(|c| !c.is_blank()),
        end,
    }
}

/// A status file's `roadmap:`: per known sub-goal, its report and its deliveries' reports.
pub(super) fn reports(
    s: &mut Sink,
    doc: &raw::Status,
    refs: &Refs,
    version: &RoadmapVersion,
    scale: Option<&InitiativeScale>,
) -> BTreeMap<InitiativeId, SubGoalReport> {
    let initiatives = &refs.initiatives;
    let mut out = BTreeMap::new();
    for r in &doc.roadmap {
        let key = InitiativeId::new(version.clone(), r.sub_goal.value.trim());
        let id = &key.code;
        let Some(initiative) = initiatives.get(&key) else {
            if refs.report_unknown_initiative(&key) {
                super::status::unknown_sub_goal(s, refs, &r.sub_goal, version);
            }
            continue;
        };
        if out.contains_key(&key) {
            s.at(
                &r.sub_goal,
                format!("a second report on sub-goal {id} in this quarter (expected one)"),
            );
            continue;
        }
        let mut deliveries = BTreeMap::new();
        for d in &r.deliveries {
            let did = d.id.value.trim();
            if !initiative.deliveries.iter().any(|p| &*p.id == did) {
                let elsewhere = initiatives
                    .values()
                    .filter(|i| &i.id.version == version)
                    .find(|i| i.deliveries.iter().any(|p| &*p.id == did));
                let message = match elsewhere {
                    Some(other) => format!(
                        "delivery `{did}` belongs to sub-goal {}, not {id}",
                        other.id
                    ),
                    None => format!("sub-goal {id} has no delivery `{did}`"),
                };
                let known: Vec<&str> = initiative.deliveries.iter().map(|p| &*p.id).collect();
                let help = if known.is_empty() {
                    format!(
                        "sub-goal {id}'s plan has no deliveries: add them under `deliveries:` in {}",
                        initiative.path.display()
                    )
                } else {
                    format!("sub-goal {id}'s deliveries are: {}", known.join(", "))
                };
                s.hinted(&d.id, message, &help);
                continue;
            }
            let key = DeliveryId::new(did);
            if deliveries.contains_key(&key) {
                s.at(
                    &d.id,
                    format!("a second report on delivery {did} of {id} (expected one)"),
                );
                continue;
            }
            let rep = report(
                s,
                &d.status,
                &d.comment,
                &d.expected_end,
                &d.actual_end,
                scale,
            );
            deliveries.insert(key, rep);
        }
        let rep = report(
            s,
            &r.status,
            &r.comment,
            &r.expected_end,
            &r.actual_end,
            scale,
        );
        out.insert(
            initiative.id.clone(),
            SubGoalReport {
                report: rep,
                deliveries,
            },
        );
    }
    out
}

/// The rule for a significant delay: `roadmap_delays` in `strategy.yaml`, else more than one
/// quarter late or stopped.
pub(super) fn delay_rule(
    s: &mut Sink,
    doc: Option<&raw::DelayRule>,
    scale: &InitiativeScale,
) -> DelayRule {
    let tolerance = doc
        .and_then(|d| d.tolerance_quarters.as_ref())
        .and_then(|t| match u32::try_from(t.value) {
            Ok(n) if n <= 40 => Some(n),
            _ => {
                s.at(
                    t,
                    format!(
                        "`tolerance_quarters: {}` (expected a whole number of quarters, 0 to 40)",
                        t.value
                    ),
                );
                None
            }
        })
        .unwrap_or(1);
    let delayed_levels = match doc.and_then(|d| d.delayed_statuses.as_ref()) {
        Some(words) => words
            .iter()
            .filter_map(|w| scale_level(s, scale, w))
            .collect(),
        None => scale
            .level(DefaultLevel::Stopped.id())
            .into_iter()
            .collect(),
    };
    DelayRule {
        tolerance,
        delayed_levels,
    }
}

/// Adds each quarter's computed share to every measure computed from the roadmap, as a value
/// of that quarter with the quarter's status as its source; a value the file gives for the
/// same quarter is reported.
pub(super) fn add_computed_values(content: &mut Content, problems: &mut Vec<Diagnostic>) {
    // Each quarter counts the deliveries of the roadmap version its status follows.
    let mut delays = DelayShares::new();
    for (q, st) in content
        .statuses
        .iter()
        .filter(|(_, st)| !st.roadmap.is_empty())
    {
        let plans = content
            .initiatives
            .iter()
            .filter(|(id, _)| id.version == st.roadmap_version)
            .map(|(id, i)| (id, i.deliveries.as_slice()));
        delays.extend(delay_shares(
            *q,
            plans,
            &st.roadmap,
            &content.strategy.delay_rule,
        ));
    }
    content.delays = delays;
    for ind in content.indicators.values_mut() {
        for m in &mut ind.measures {
            let Some(phase) = m.from_roadmap else {
                continue;
            };
            for ((quarter, p), share) in &content.delays {
                let (Some(percent), true) = (share.percent(), *p == phase) else {
                    continue;
                };
                let period = Period::Quarter(quarter.year, quarter.quarter);
                if m.values.iter().any(|v| v.period == period) {
                    problems.push(Diagnostic::file(
                        &ind.path,
                        format!(
                            "indicator {} has a value for {}-Q{} in its file, and the roadmap gives one (expected one of them: leave the file's out)",
                            ind.id, quarter.year, quarter.quarter
                        ),
                    ));
                    continue;
                }
                m.values.push(Value {
                    period,
                    quantity: Quantity {
                        value: percent,
                        of: None,
                    },
                    text: None,
                    breakdown: Vec::new(),
                    source: content.statuses[quarter].source.clone(),
                });
            }
            m.values.sort_by_key(|v| v.period);
        }
    }
}
