//! A roadmap sub-goal's own web page: what it is, its plan and deliveries, and what each
//! quarter reported on it and on each delivery (status, end, comment), newest first.
//!
//! In: the sub-goal's plan and every quarter's report from the model, the status moves from
//! the analysis. Out: [`SubGoalView`] for `html/sub_goal.html`.

use serde::Serialize;

use super::reader::Reader;
use super::roadmap::{level_text, plan_text, quarter_name};
use super::text::Shown;
use crate::analyse::initiatives::StatusMoves;
use crate::labels::{Labels, fill};
use crate::model::{End, Initiative, Phase, Plan, Report};

/// A delivery as planned.
#[derive(Debug, Clone, Serialize)]
pub struct DeliveryView {
    /// "D1 Innsyn for foreldre".
    pub label: String,
    /// Its phase.
    pub phase: String,
    /// Its planned period.
    pub planned: String,
}

/// One report line: the sub-goal's or a delivery's, in one quarter.
#[derive(Debug, Clone, Serialize)]
pub struct ReportLine {
    /// What it is about: the sub-goal, or "D1 Innsyn for foreldre".
    pub label: String,
    /// "▲ risiko", with how it moved for the sub-goal.
    pub status: String,
    /// "forventet K2 2027", "ferdig K3 2026", or empty.
    pub end: String,
    /// The analyst's comment.
    pub comment: String,
}

/// One quarter's reports.
#[derive(Debug, Clone, Serialize)]
pub struct QuarterReports {
    /// "3. kvartal 2026".
    pub quarter: String,
    /// The sub-goal's line, then its deliveries'.
    pub lines: Vec<ReportLine>,
}

/// A sub-goal's page.
#[derive(Debug, Clone, Serialize)]
pub struct SubGoalView {
    /// "1A Digitale innbyggertjenester".
    pub title: String,
    /// "Delmål 1A i veikartet".
    pub kicker: String,
    /// Its goal: "Mål 1: Aktiv medvirkning".
    pub goal: String,
    /// Its description, by paragraph.
    pub description: Vec<Shown>,
    /// Why it is followed in the strategy, as paragraphs.
    pub relevance: Vec<Shown>,
    /// How its status is gathered.
    pub status_source: Option<Shown>,
    /// Its owner.
    pub owner: Option<String>,
    /// Its planned period, or that the sources give none.
    pub planned: String,
    /// Its deliveries.
    pub deliveries: Vec<DeliveryView>,
    /// What each quarter reported, newest first.
    pub quarters: Vec<QuarterReports>,
    /// What to say when no quarter reported: none yet, or none followed its version.
    pub no_reports: &'static str,
    /// The roadmap page, relative to this one.
    pub roadmap: &'static str,
    /// The front page, relative to this one.
    pub home: &'static str,
}

fn phase(l: &Labels, p: Phase) -> String {
    match p {
        Phase::Development => l.timeline.development,
        Phase::Adoption => l.timeline.adoption,
    }
    .to_owned()
}

/// A report's status, end and comment.
fn line(l: &Labels, content: &Reader<'_>, label: String, r: &Report, moved: &str) -> ReportLine {
    let scale = &content.strategy().initiative_scale;
    let when = |q| quarter_name(l, q);
    ReportLine {
        label,
        status: r
            .level
            .map(|lv| format!("{}{moved}", level_text(l, scale, lv)))
            .unwrap_or_default(),
        end: match r.end {
            Some(End::Expected(q)) => fill(l.timeline.expected, &[("when", &when(q))]),
            Some(End::Actual(q)) => fill(l.timeline.done, &[("when", &when(q))]),
            None => String::new(),
        },
        comment: r
            .comment
            .as_ref()
            .map(|c| c.to_string())
            .unwrap_or_default(),
    }
}

/// The page of one sub-goal.
pub fn sub_goal_view(
    l: &Labels,
    content: &Reader<'_>,
    moves: &StatusMoves,
    i: &Initiative,
) -> SubGoalView {
    let goal = content
        .goal(i.goal)
        .map(|g| {
            fill(
                l.goal_titled,
                &[("n", &g.number.to_string()), ("title", g.title.as_str())],
            )
        })
        .unwrap_or_default();
    let mut quarters = Vec::new();
    for status in content.search_statuses() {
        let Some(report) = status.roadmap.get(&i.id) else {
            continue;
        };
        content.uses_status(status);
        let moved = moves
            .get(&(status.quarter, i.id.clone()))
            .map(|mv| format!(" ({})", l.movement(mv.movement)))
            .unwrap_or_default();
        let mut lines = vec![line(l, content, i.id.to_string(), &report.report, &moved)];
        for d in &i.deliveries {
            if let Some(r) = report.deliveries.get(&d.id) {
                lines.push(line(l, content, format!("{} {}", d.id, d.title), r, ""));
            }
        }
        quarters.push(QuarterReports {
            quarter: l.quarter(status.quarter),
            lines,
        });
    }
    quarters.reverse();
    SubGoalView {
        title: format!("{} {}", i.id, i.title),
        kicker: match content.strategy().roadmap(&i.id.version) {
            Some(r) => fill(
                l.timeline.sub_goal_kicker_version,
                &[("id", &i.id.code), ("version", r.name.as_ref())],
            ),
            None => fill(l.timeline.sub_goal_kicker, &[("id", &i.id.code)]),
        },
        goal,
        description: i
            .description
            .as_ref()
            .map(|d| Shown::paragraphs(l, d))
            .unwrap_or_default(),
        relevance: i
            .relevance
            .as_ref()
            .map(|d| Shown::paragraphs(l, d))
            .unwrap_or_default(),
        status_source: i.status_source.as_ref().map(|t| Shown::new(l, t)),
        owner: i.owner.clone(),
        planned: i
            .planned
            .map(|p| plan_text(l, p))
            .unwrap_or_else(|| l.timeline.no_dates.to_owned()),
        deliveries: i
            .deliveries
            .iter()
            .map(|d| DeliveryView {
                label: format!("{} {}", d.id, d.title),
                phase: phase(l, d.phase),
                planned: plan_text(l, Plan::Period(d.planned)),
            })
            .collect(),
        no_reports: if content
            .search_statuses()
            .any(|s| s.roadmap_version == i.id.version)
        {
            l.timeline.no_reports
        } else {
            l.timeline.no_reports_version
        },
        quarters,
        roadmap: super::names::ROADMAP_FROM_SUB_GOAL,
        home: super::names::HOME_FROM_INDICATOR,
    }
}
