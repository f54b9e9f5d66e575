//! Quarterly statuses: per goal, the overall status, selected indicators and sub-goals,
//! events, challenges, questions and indicator pages.

use std::collections::BTreeMap;
use std::path::Path;

use super::indicator::footnotes;
use super::{Refs, Sink, unknown_measure};
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::input::{Loaded, RawContent, raw};
use crate::model::*;

/// Checks every quarterly status; one quarter has one status.
pub(super) fn statuses(
    raw: &RawContent,
    refs: &Refs,
    scale: Option<&InitiativeScale>,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<Quarter, Status> {
    let mut statuses: BTreeMap<Quarter, Status> = BTreeMap::new();
    for Loaded { path, doc } in &raw.statuses {
        let mut s = Sink { path, problems };
        let Some(st) = check_status(&mut s, path, doc, refs, scale) else {
            continue;
        };
        if let Some(first) = statuses.get(&st.quarter) {
            s.at(
                &doc.quarter,
                format!(
                    "a second status for {} (first in {})",
                    doc.quarter.value.0,
                    first.path.display()
                ),
            );
        } else {
            statuses.insert(st.quarter, st);
        }
    }
    statuses
}

pub(super) fn items(raw: &[serde_saphyr::Spanned<raw::Item>]) -> Vec<Item> {
    raw.iter()
        .map(|spanned| {
            // An item is read as one shape or the other, which hides its texts' places:
            // they are the item's.
            let at = |t: &raw::RawText| Text::from(t).at(Pos::from_location(&spanned.referenced));
            match &spanned.value {
                raw::Item::Text(t) => Item {
                    text: at(t),
                    items: Vec::new(),
                },
                raw::Item::Nested(n) => Item {
                    text: at(&n.text),
                    items: n.items.iter().map(&at).collect(),
                },
            }
        })
        .collect()
}

/// Checks one quarter's status file.
fn check_status(
    s: &mut Sink,
    path: &Path,
    doc: &raw::Status,
    refs: &Refs,
    scale: Option<&InitiativeScale>,
) -> Option<Status> {
    let source = refs.check_source(s, &doc.source);
    let quarter = match s.period(&doc.quarter) {
        Some(Period::Quarter(year, quarter)) => Some(Quarter { year, quarter }),
        Some(_) => {
            s.at(
                &doc.quarter,
                format!(
                    "`{}` is not a quarter (expected such as 2026-Q2)",
                    doc.quarter.value.0
                ),
            );
            None
        }
        None => None,
    };
    let date = match &doc.date {
        Some(d) => match s.period(d) {
            Some(Period::Day(day)) => Some(day),
            Some(_) => {
                s.at(
                    d,
                    format!(
                        "`{}` is not a date (expected such as 2026-06-30)",
                        d.value.0
                    ),
                );
                None
            }
            None => None,
        },
        None => quarter.map(|q| Period::Quarter(q.year, q.quarter).end()),
    };
    let version = refs.roadmap_version(s, doc.roadmap_version.as_ref());
    let roadmap = match &version {
        Some(v) => super::roadmap::reports(s, doc, refs, v, scale),
        None => BTreeMap::new(),
    };
    let mut goals: BTreeMap<GoalNumber, GoalStatus> = BTreeMap::new();
    for g in &doc.goals {
        let Some(goal) = refs.check_goal(s, &g.goal) else {
            continue;
        };
        if goals.contains_key(&goal) {
            s.at(&g.goal, format!("goal {goal} appears twice in this status"));
            continue;
        }
        let mut selected = Vec::new();
        for spanned_sel in &g.selected {
            let sel = &spanned_sel.value;
            let (reference, default_text) = match (&sel.initiative, &sel.indicator) {
                (Some(_), Some(i)) => {
                    s.at(i, "a selected entry refers to both an initiative and an indicator (expected one)");
                    continue;
                }
                (Some(i), None) => {
                    let Some(version) = &version else {
                        continue;
                    };
                    let id = InitiativeId::new(version.clone(), i.value.trim());
                    match refs.initiatives.get(&id) {
                        Some(init) => (
                            SelectedRef::Initiative(init.id.clone()),
                            Some(init.title.map(|t| format!("{} {t}", init.id))),
                        ),
                        None => {
                            if refs.report_unknown_initiative(&id) {
                                unknown_sub_goal(s, refs, i, version);
                            }
                            continue;
                        }
                    }
                }
                (None, Some(i)) => match refs.indicator(s, i) {
                    Some(ind) => (
                        SelectedRef::Indicator(ind.id.clone()),
                        Some(ind.name.map(|t| format!("{} {t}", ind.id))),
                    ),
                    None => continue,
                },
                (None, None) => (SelectedRef::None, None),
            };
            let Some(text) = sel.text.as_ref().map(Text::from).or(default_text) else {
                s.at(
                    spanned_sel,
                    "a selected entry has neither text nor a reference (expected `text:`, `indicator:` or `initiative:`)",
                );
                continue;
            };
            let mut status = initiative_status(s, sel, &reference, scale);
            if let SelectedRef::Initiative(id) = &reference
                && let Some(report) = roadmap.get(id).map(|r| &r.report)
                && let Some(level) = report.level
            {
                match (&status, &sel.status) {
                    (Some(given), Some(word)) if given.level != level => s.at(
                        word,
                        format!(
                            "sub-goal {id}'s status here is not the one its `roadmap:` report gives (expected one status a quarter: give it under `roadmap:` only)"
                        ),
                    ),
                    (Some(_), _) => {}
                    (None, _) => {
                        status = Some(InitiativeStatus {
                            level,
                            comment: report.comment.clone(),
                        })
                    }
                }
            }
            selected.push(Selected {
                label: sel.label.as_ref().map(Text::from),
                reference,
                text,
                items: sel.items.iter().map(Text::from).collect(),
                status,
            });
        }
        let mut pages = Vec::new();
        for p in &g.pages {
            let Some(ind) = refs.indicator(s, &p.indicator) else {
                continue;
            };
            let mut measures = Vec::new();
            for m in &p.measures {
                if ind.measure(&m.value).is_none() {
                    s.at(m, unknown_measure(ind, &m.value));
                } else {
                    measures.push(MeasureId::new(m.value.clone()));
                }
            }
            pages.push(IndicatorPage {
                indicator: ind.id.clone(),
                measures,
                title: Text::from(&p.title),
                about_heading: p.about_heading.as_ref().map(Text::from),
                about: Text::from(&p.about),
                assessment_heading: p.assessment_heading.as_ref().map(Text::from),
                assessment: p.assessment.as_ref().map(Text::from),
                proposed_ambition: p.proposed_ambition.as_ref().map(Text::from),
                chart_caption: p.chart_caption.as_ref().map(Text::from),
                notes: footnotes(s, &p.notes),
            });
        }
        let empty: Vec<&str> = [
            ("overall", g.overall.is_empty()),
            ("selected", selected.is_empty()),
            ("positive", g.positive.is_empty()),
            ("challenges", g.challenges.is_empty()),
            ("questions", g.questions.is_empty()),
        ]
        .into_iter()
        .filter_map(|(name, empty)| empty.then_some(name))
        .collect();
        // A draft says what is still to write in its own warnings.
        if !empty.is_empty() && !doc.draft {
            s.problems.push(
                Diagnostic::warning(
                    s.path,
                    Pos::from_location(&g.goal.referenced),
                    format!(
                        "goal {goal}'s summary has nothing under {} (the documents leave those sections out)",
                        empty
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
                .with_code(Code::EmptySection),
            );
        }
        goals.insert(
            goal,
            GoalStatus {
                goal,
                overall: items(&g.overall),
                selected,
                positive: items(&g.positive),
                challenges: items(&g.challenges),
                questions: items(&g.questions),
                footnotes: footnotes(s, &g.footnotes),
                pages,
            },
        );
    }
    for goal in refs.goals.values() {
        let number = i64::from(goal.number.get());
        if !doc.goals.iter().any(|g| g.goal.value == number) {
            s.problems.push(goal_without_status(path, doc, goal));
        }
    }
    Some(Status {
        quarter: quarter?,
        title: Text::from(&doc.title),
        subtitle: doc.subtitle.as_ref().map(Text::from),
        date: date?,
        source,
        publisher: doc.publisher.clone(),
        draft: doc.draft,
        dividers: doc.dividers,
        roadmap_version: version?,
        goals,
        roadmap,
        path: path.to_path_buf(),
    })
}

/// The warning for a goal of the strategy that a status leaves out, at its `goals:` key.
fn goal_without_status(path: &Path, doc: &raw::Status, goal: &Goal) -> Diagnostic {
    let (pos, len) = match doc.goals_key {
        Some(pos) => (pos, "goals".len() as u32),
        None => (Pos { line: 1, col: 1 }, 0),
    };
    Diagnostic::warning(
        path,
        pos,
        format!(
            "goal {} ({}) has no status in this file (the deck says that no status was reported for it this quarter)",
            goal.number, goal.title
        ),
    )
    .with_code(Code::GoalWithoutStatus)
    .with_len(len)
    .with_help(format!(
        "add `- goal: {}` with its `overall:` status under `goals:`",
        goal.number
    ))
}

/// A selected roadmap sub-goal's status this quarter: a level of the scale, on an initiative
/// entry only. `scale` is `None` when the strategy itself has problems.
fn initiative_status(
    s: &mut Sink,
    sel: &raw::Selected,
    reference: &SelectedRef,
    scale: Option<&InitiativeScale>,
) -> Option<InitiativeStatus> {
    let Some(word) = &sel.status else {
        if let Some(comment) = &sel.comment {
            s.at(
                comment,
                "a selected entry has a `comment` but no `status` (expected a status to comment on)",
            );
        }
        return None;
    };
    if !matches!(reference, SelectedRef::Initiative(_)) {
        s.at(
            word,
            "a status is given for an entry that is not a roadmap sub-goal (expected `initiative:` beside `status:`)",
        );
        return None;
    }
    let level = super::roadmap::scale_level(s, scale?, word)?;
    Some(InitiativeStatus {
        level,
        comment: sel
            .comment
            .as_ref()
            .filter(|c| !c.value.trim().is_empty())
            .map(|c| Text::plain(c.value.trim()).at(Pos::from_location(&c.referenced))),
    })
}

/// Reports a sub-goal a status names that its roadmap version does not have, with the ones it
/// has.
pub(super) fn unknown_sub_goal(
    s: &mut Sink,
    refs: &Refs,
    id: &serde_saphyr::Spanned<String>,
    version: &RoadmapVersion,
) {
    let (within, which) = if version.is_named() {
        (
            format!(" in roadmap version {}", version.id),
            format!("roadmap version {}'s", version.id),
        )
    } else {
        (String::new(), "the roadmap's".to_owned())
    };
    let codes = refs.initiative_codes(version);
    let help = if codes.is_empty() {
        format!("{which} sub-goals are none yet: add a file to initiatives/")
    } else {
        format!("{which} sub-goals are: {}", codes.join(", "))
    };
    s.hinted(
        id,
        format!(
            "unknown sub-goal `{}` (no file in initiatives/ has this id{within})",
            id.value
        ),
        &help,
    );
}
