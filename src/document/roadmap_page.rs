//! The site's roadmap page: the whole strategy's roadmap as of the latest quarter (a
//! timeline per goal) and each sub-goal's status in every quarter of the archive. When the
//! content declares several versions of the roadmap, the version the latest quarter follows
//! comes first, each earlier one in a section of its own that says which it is (as of the
//! last quarter that followed it, or as planned when none did), and the history names a
//! sub-goal's version where it is not the current one.
//!
//! In: the content's plans and reports, the analysis's status moves. Out: [`RoadmapPageView`]
//! for `html/roadmap.html`.

use serde::Serialize;

use super::history::{HistoryCell, status_cell};
use super::reader::Reader;
use super::roadmap::{RoadmapView, goal_roadmap, goal_timeline, level_text};
use super::text::Shown;
use crate::analyse::initiatives::StatusMoves;
use crate::labels::{Labels, fill};
use crate::model::{Content, Quarter, RoadmapVersion, Status};

/// One sub-goal's row of the history.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryRow {
    /// "5A Felles regelverk …".
    pub label: String,
    /// The sub-goal's page, relative to the roadmap page.
    pub href: String,
    /// One per quarter, oldest first.
    pub cells: Vec<HistoryCell>,
}

/// The status history: quarters as columns, sub-goals as rows.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryView {
    /// The quarters, oldest first, as column headings.
    pub quarters: Vec<String>,
    /// The rows, by sub-goal id.
    pub rows: Vec<HistoryRow>,
}

/// The site's roadmap page.
#[derive(Debug, Clone, Serialize)]
pub struct RoadmapPageView {
    /// The strategy's title.
    pub strategy: Shown,
    /// The quarter the timelines stand at: "3. kvartal 2026".
    pub quarter: String,
    /// A timeline per goal that has one.
    pub timelines: Vec<RoadmapView>,
    /// When the content declares versions: why they are kept apart.
    pub versions_intro: Option<String>,
    /// When the content declares versions: "Gjeldende versjon: …".
    pub current: Option<String>,
    /// The sub-goals of the goals that have no timeline, for want of dates.
    pub undated: Vec<SubGoalLink>,
    /// The earlier versions, newest first.
    pub earlier: Vec<VersionView>,
    /// Every sub-goal's status in every quarter, when any quarter gave one.
    pub history: Option<HistoryView>,
    /// The anchor of the history's heading.
    pub history_anchor: &'static str,
    /// Link to the front page.
    pub home: &'static str,
}

/// A link to a sub-goal's page.
#[derive(Debug, Clone, Serialize)]
pub struct SubGoalLink {
    /// "1A Innbygger skal …".
    pub label: String,
    /// Its page, relative to the roadmap page.
    pub href: String,
}

/// An earlier version of the roadmap on the roadmap page.
#[derive(Debug, Clone, Serialize)]
pub struct VersionView {
    /// The anchor of its heading.
    pub anchor: String,
    /// "Tidligere versjon: Plan for realisering 2023".
    pub heading: String,
    /// The document that published it: its title.
    pub source: Option<String>,
    /// A timeline per goal that has one.
    pub timelines: Vec<RoadmapView>,
    /// The sub-goals of the goals that have no timeline, for want of dates.
    pub undated: Vec<SubGoalLink>,
}

/// Whether the content has a roadmap to show: a sub-goal with dates or deliveries, or a
/// status given for a sub-goal in some quarter.
pub fn has_roadmap(content: &Content) -> bool {
    content
        .initiatives
        .values()
        .any(|i| i.planned.is_some() || !i.deliveries.is_empty())
        || content.statuses.values().any(|s| {
            s.roadmap.values().any(|r| r.report.level.is_some())
                || s.goals
                    .values()
                    .flat_map(|g| &g.selected)
                    .any(|sel| sel.status.is_some())
        })
}

/// The history of every sub-goal's status, from the analysis's moves.
fn history(
    l: &Labels,
    content: &Reader<'_>,
    moves: &StatusMoves,
    current: Option<&RoadmapVersion>,
) -> Option<HistoryView> {
    let quarters: Vec<Quarter> = content.search_statuses().map(|s| s.quarter).collect();
    let scale = &content.strategy().initiative_scale;
    let mut ids: Vec<_> = moves.keys().map(|(_, id)| id.clone()).collect();
    ids.sort();
    ids.dedup();
    let rows: Vec<HistoryRow> = ids
        .iter()
        .filter_map(|id| {
            let i = content.initiative(id)?;
            // A sub-goal of another version than the latest quarter's says which.
            let version = (Some(&i.id.version) != current)
                .then(|| content.strategy().roadmap(&i.id.version))
                .flatten()
                .map(|r| {
                    format!(
                        " {}",
                        fill(l.timeline.in_version, &[("version", r.name.as_ref())])
                    )
                })
                .unwrap_or_default();
            Some(HistoryRow {
                label: format!("{} {}{version}", i.id, i.title),
                href: super::names::sub_goal_html_from_roadmap(&i.id),
                cells: quarters
                    .iter()
                    .map(|q| match moves.get(&(*q, id.clone())) {
                        Some(mv) => status_cell(l, level_text(l, scale, mv.level), mv.movement),
                        None => HistoryCell {
                            text: String::new(),
                            change: String::new(),
                            changed: false,
                        },
                    })
                    .collect(),
            })
        })
        .collect();
    (!rows.is_empty()).then(|| HistoryView {
        quarters: quarters.iter().map(|q| l.quarter(*q)).collect(),
        rows,
    })
}

/// The roadmap page as of the latest quarter.
pub fn roadmap_page_view(
    l: &Labels,
    content: &Reader<'_>,
    moves: &StatusMoves,
    home: &'static str,
) -> RoadmapPageView {
    let strategy = content.strategy();
    let latest = content.search_statuses().last();
    let current = latest.map_or_else(|| strategy.latest_roadmap(), |s| s.roadmap_version.clone());
    let timelines = match latest {
        Some(status) => {
            content.uses_status(status);
            content
                .search_goals()
                .filter_map(|g| goal_roadmap(l, content, moves, status, g.number))
                .collect()
        }
        None => version_timelines(l, content, moves, &current, None),
    };
    for s in content.search_statuses() {
        content.uses_status(s);
    }
    let named = |v: &RoadmapVersion| strategy.roadmap(v).map(|r| r.name.to_string());
    let several = strategy.roadmaps.len() > 1;
    let earlier = strategy
        .roadmaps
        .iter()
        .rev()
        .filter(|r| several && r.version != current)
        .map(|r| {
            // As of the last quarter that followed this version, else as planned.
            let last = content
                .search_statuses()
                .filter(|s| s.roadmap_version == r.version)
                .last();
            VersionView {
                anchor: super::names::roadmap_version_anchor(&r.version),
                heading: fill(l.timeline.earlier, &[("name", r.name.as_ref())]),
                source: r
                    .source
                    .as_ref()
                    .and_then(|id| content.source(id))
                    .map(|src| src.title.clone()),
                timelines: version_timelines(l, content, moves, &r.version, last),
                undated: undated(content, &r.version),
            }
        })
        .filter(|v| !v.timelines.is_empty() || !v.undated.is_empty())
        .collect();
    RoadmapPageView {
        strategy: Shown::new(l, &strategy.title),
        quarter: latest.map(|s| l.quarter(s.quarter)).unwrap_or_default(),
        timelines,
        versions_intro: several.then(|| l.timeline.versions_intro.to_owned()),
        current: several
            .then(|| named(&current))
            .flatten()
            .map(|name| fill(l.timeline.current, &[("name", &name)])),
        undated: undated(content, &current),
        earlier,
        history: history(l, content, moves, latest.map(|s| &s.roadmap_version)),
        history_anchor: super::names::HISTORY_ANCHOR,
        home,
    }
}

/// One version's timelines, a goal each, as of `status` (a quarter that followed the version)
/// or as planned.
fn version_timelines(
    l: &Labels,
    content: &Reader<'_>,
    moves: &StatusMoves,
    version: &RoadmapVersion,
    status: Option<&Status>,
) -> Vec<RoadmapView> {
    content
        .search_goals()
        .filter_map(|g| {
            let anchor = if version.is_named() {
                super::names::version_timeline_anchor(version, g.number)
            } else {
                super::names::timeline_anchor(g.number)
            };
            goal_timeline(l, content, moves, status, version, g.number, anchor)
        })
        .collect()
}

/// A version's sub-goals in goals where none has a plan or a delivery: no timeline shows them.
fn undated(content: &Reader<'_>, version: &RoadmapVersion) -> Vec<SubGoalLink> {
    content
        .search_goals()
        .map(|g| content.initiatives_of(g.number, version))
        .filter(|of| {
            of.iter()
                .all(|i| i.planned.is_none() && i.deliveries.is_empty())
        })
        .flatten()
        .map(|i| SubGoalLink {
            label: format!("{} {}", i.id, i.title),
            href: super::names::sub_goal_html_from_roadmap(&i.id),
        })
        .collect()
}
