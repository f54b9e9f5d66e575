//! A goal's history across the archive's quarters: each selected measure's class and each
//! selected sub-goal's status at the end of every quarter with a status up to the one shown
//! (the last [`QUARTERS`] of them),
//! a change since the quarter before marked. Read from the [`Analysis`]'s facts per quarter
//! and its status moves; a quarter whose status did not show a measure or sub-goal has no
//! cell for it ("–"), as the analysis keeps no facts of what a status did not show.

use serde::Serialize;

use super::initiative_status::status_view as initiative_status;
use super::overview::class_mark;
use super::reader::Reader;
use crate::analyse::initiatives::Movement;
use crate::analyse::{Analysis, Class, NoClass};
use crate::chart::pages::selected_measures;
use crate::labels::{Labels, fill};
use crate::model::{GoalStatus, SelectedRef, Status};

/// How many quarters the history shows, the latest last: two years, as many columns as a
/// page holds legibly (a ten-year archive would give forty).
pub const QUARTERS: usize = 8;

/// The mark of a measure's class that changed since the quarter before.
pub const CHANGED: &str = "Δ";

/// A goal's history: quarters as columns, a row per measure and per sub-goal.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryView {
    /// The table's caption.
    pub caption: String,
    /// The quarters, oldest first, as column headings: `1. kvartal 2026`.
    pub quarters: Vec<String>,
    /// The rows.
    pub rows: Vec<HistoryRow>,
}

/// One measure's or sub-goal's row.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryRow {
    /// The measure or sub-goal.
    pub what: String,
    /// One cell per quarter.
    pub cells: Vec<HistoryCell>,
}

/// A measure's class or a sub-goal's status at the end of a quarter.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryCell {
    /// The symbol and the word: `● I rute`, `forsinket`; `–` when the quarter's status did
    /// not show it.
    pub text: String,
    /// The mark of a change since the quarter before: `Δ` for a class, `↑ bedre` or
    /// `↓ verre` for a status; empty when it did not change.
    pub change: String,
    /// Whether it changed.
    pub changed: bool,
}

/// A sub-goal's status in one quarter as a cell: `text` as the page prints the status, with
/// the movement's words when it moved up or down the scale.
pub fn status_cell(l: &Labels, text: String, movement: Movement) -> HistoryCell {
    let changed = matches!(movement, Movement::Better | Movement::Worse);
    HistoryCell {
        text,
        change: if changed {
            l.movement(movement).to_owned()
        } else {
            String::new()
        },
        changed,
    }
}

/// The history of a goal up to `status`'s quarter, when the archive holds more than one
/// quarter with a status by then.
pub fn goal_history(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    status: &Status,
    g: &GoalStatus,
) -> Option<HistoryView> {
    let mut quarters: Vec<_> = analysis
        .quarters
        .iter()
        .filter(|(q, _)| **q <= status.quarter)
        .collect();
    quarters.drain(..quarters.len().saturating_sub(QUARTERS));
    if quarters.len() < 2 {
        return None;
    }
    for (q, _) in &quarters {
        content.status(**q);
    }
    let mut rows = Vec::new();
    for ind in g.selected.iter().filter_map(|s| match &s.reference {
        SelectedRef::Indicator(id) => content.indicator(id),
        _ => None,
    }) {
        let several = ind.measures.len() > 1;
        let short = ind.short_name.as_ref().unwrap_or(&ind.name).to_string();
        for m in selected_measures(g, ind) {
            let mut before: Option<Result<Class, NoClass>> = None;
            let cells = quarters
                .iter()
                .map(|(_, facts)| {
                    let now = facts.measure(&ind.id, &m.id).map(|f| f.class);
                    let changed = matches!((before, now), (Some(b), Some(n))
                        if b != n && (b.is_ok() || n.is_ok()));
                    before = now.or(before);
                    match now {
                        Some(class) => HistoryCell {
                            text: format!("{} {}", class_mark(class).1, l.class(class))
                                .trim_start()
                                .to_owned(),
                            change: if changed {
                                CHANGED.to_owned()
                            } else {
                                String::new()
                            },
                            changed,
                        },
                        None => HistoryCell {
                            text: "–".to_owned(),
                            change: String::new(),
                            changed: false,
                        },
                    }
                })
                .collect();
            let what = match (&m.name, several) {
                (Some(n), true) => format!("{short} – {n}"),
                _ => short.clone(),
            };
            rows.push(HistoryRow { what, cells });
        }
    }
    let scale = &content.strategy().initiative_scale;
    for id in g.selected.iter().filter_map(|s| match &s.reference {
        SelectedRef::Initiative(id) => Some(id),
        _ => None,
    }) {
        let cells = quarters
            .iter()
            .map(
                |(q, _)| match analysis.initiatives.get(&(**q, id.clone())) {
                    Some(mv) => {
                        status_cell(l, initiative_status(l, scale, mv, None).name, mv.movement)
                    }
                    None => HistoryCell {
                        text: "–".to_owned(),
                        change: String::new(),
                        changed: false,
                    },
                },
            )
            .collect();
        let what = content
            .initiative(id)
            .map(|i| format!("{id} {}", i.title))
            .unwrap_or_else(|| id.to_string());
        rows.push(HistoryRow { what, cells });
    }
    Some(HistoryView {
        caption: fill(l.overview.history_caption, &[("n", &g.goal.to_string())]),
        quarters: quarters.iter().map(|(q, _)| l.quarter(**q)).collect(),
        rows,
    })
}
