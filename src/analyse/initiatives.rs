//! How each roadmap sub-goal's status moved since the previous quarter that gave one.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Content, InitiativeId, Level, Quarter, SelectedRef};

/// Which way a status moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// Up the scale (↑ bedre).
    Better,
    /// Down the scale (↓ verre).
    Worse,
    /// The same level (→ uendret).
    Same,
    /// No earlier quarter gave a status (ny).
    New,
}

/// A sub-goal's status in one quarter, against the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusMove {
    /// The level this quarter.
    pub level: Level,
    /// The previous quarter that gave a status, and that status.
    pub previous: Option<(Quarter, Level)>,
    /// Which way it moved.
    pub movement: Movement,
}

/// Every status move, by quarter and initiative.
pub type StatusMoves = BTreeMap<(Quarter, InitiativeId), StatusMove>;

/// Compares each quarter's initiative statuses with the latest earlier quarter that gave one.
/// Levels are ordered best first, so a lower level is better.
pub fn status_moves(content: &Content) -> StatusMoves {
    let mut last: BTreeMap<&InitiativeId, (Quarter, Level)> = BTreeMap::new();
    let mut moves = StatusMoves::new();
    for status in content.statuses.values() {
        // A sub-goal's status is given under `roadmap:` or on its selected entry (validation
        // holds the two to one level).
        let mut given: BTreeMap<&InitiativeId, Level> = BTreeMap::new();
        for g in status.goals.values() {
            for s in &g.selected {
                if let (SelectedRef::Initiative(id), Some(st)) = (&s.reference, &s.status) {
                    given.insert(id, st.level);
                }
            }
        }
        for (id, r) in &status.roadmap {
            if let Some(level) = r.report.level {
                given.insert(id, level);
            }
        }
        let mut this_quarter = Vec::new();
        for (id, level) in given {
            let previous = last.get(id).copied();
            let movement = match previous {
                None => Movement::New,
                Some((_, before)) if level < before => Movement::Better,
                Some((_, before)) if level > before => Movement::Worse,
                Some(_) => Movement::Same,
            };
            moves.insert(
                (status.quarter, id.clone()),
                StatusMove {
                    level,
                    previous,
                    movement,
                },
            );
            this_quarter.push((id, level));
        }
        for (id, level) in this_quarter {
            last.insert(id, (status.quarter, level));
        }
    }
    moves
}
