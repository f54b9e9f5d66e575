//! The site's roadmap page: the whole strategy's roadmap as of the latest quarter (a
//! timeline per goal) and each sub-goal's status in every quarter of the archive.
//!
//! In: the content's plans and reports, the analysis's status moves. Out: [`RoadmapPageView`]
//! for `html/roadmap.html`.

use serde::Serialize;

use super::history::{HistoryCell, status_cell};
use super::reader::Reader;
use super::roadmap::{RoadmapView, goal_roadmap, level_text};
use super::text::Shown;
use crate::analyse::initiatives::StatusMoves;
use crate::labels::Labels;
use crate::model::{Content, Quarter};

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
    /// Every sub-goal's status in every quarter, when any quarter gave one.
    pub history: Option<HistoryView>,
    /// The anchor of the history's heading.
    pub history_anchor: &'static str,
    /// Link to the front page.
    pub home: &'static str,
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
fn history(l: &Labels, content: &Reader<'_>, moves: &StatusMoves) -> Option<HistoryView> {
    let quarters: Vec<Quarter> = content.search_statuses().map(|s| s.quarter).collect();
    let scale = &content.strategy().initiative_scale;
    let mut ids: Vec<_> = moves.keys().map(|(_, id)| id.clone()).collect();
    ids.sort();
    ids.dedup();
    let rows: Vec<HistoryRow> = ids
        .iter()
        .filter_map(|id| {
            let i = content.initiative(id)?;
            Some(HistoryRow {
                label: format!("{} {}", i.id, i.title),
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
    let latest = content.search_statuses().last();
    let timelines = match latest {
        Some(status) => {
            content.uses_status(status);
            content
                .search_goals()
                .filter_map(|g| goal_roadmap(l, content, moves, status, g.number))
                .collect()
        }
        None => Vec::new(),
    };
    for s in content.search_statuses() {
        content.uses_status(s);
    }
    RoadmapPageView {
        strategy: Shown::new(l, &content.strategy().title),
        quarter: latest.map(|s| l.quarter(s.quarter)).unwrap_or_default(),
        timelines,
        history: history(l, content, moves),
        history_anchor: super::names::HISTORY_ANCHOR,
        home,
    }
}
