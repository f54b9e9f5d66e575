//! Roadmap sub-goals' statuses as printed: the level's name, how it moved since the previous
//! quarter that gave one, the analyst's comment, and the scale with its definitions.

use serde::Serialize;

use crate::analyse::initiatives::{Movement, StatusMove};
use crate::labels::{Labels, fill};
use crate::model::{InitiativeScale, ScaleLevel};

/// A sub-goal's status in this quarter.
#[derive(Debug, Clone, Serialize)]
pub struct InitiativeStatusView {
    /// The level's name: "forsinket".
    pub name: String,
    /// Which way it moved, as a code for styling: `better`, `worse`, `same`, `new`.
    pub movement: Movement,
    /// Which way it moved, as printed: "↓ verre".
    pub movement_text: String,
    /// The previous status and when: "på plan i 1. kvartal 2026".
    pub previous: Option<String>,
    /// The analyst's comment.
    pub comment: Option<String>,
}

/// A level of the scale with what it means, printed with the scale.
#[derive(Debug, Clone, Serialize)]
pub struct LevelView {
    /// Its name.
    pub name: String,
    /// What it means.
    pub definition: String,
}

/// A level's name and definition: the labels' for a built-in level, the content's own else.
fn words(l: &Labels, level: &ScaleLevel) -> (String, String) {
    match level {
        ScaleLevel::Default(d) => {
            let w = l.level(*d);
            (w.name.to_owned(), w.definition.to_owned())
        }
        ScaleLevel::Custom {
            name, definition, ..
        } => (name.to_string(), definition.to_string()),
    }
}

/// A sub-goal's status as printed, from its move.
pub fn status_view(
    l: &Labels,
    scale: &InitiativeScale,
    mv: &StatusMove,
    comment: Option<&str>,
) -> InitiativeStatusView {
    let name = |level| {
        scale
            .get(level)
            .map(|level| words(l, level).0)
            .unwrap_or_default()
    };
    InitiativeStatusView {
        name: name(mv.level),
        movement: mv.movement,
        movement_text: l.movement(mv.movement).to_owned(),
        previous: mv.previous.map(|(q, level)| {
            fill(
                l.previous_status,
                &[("status", &name(level)), ("quarter", &l.quarter(q))],
            )
        }),
        comment: comment.map(str::to_owned),
    }
}

/// Every level of the scale with its definition.
pub fn scale_view(l: &Labels, scale: &InitiativeScale) -> Vec<LevelView> {
    scale
        .levels
        .iter()
        .map(|level| {
            let (name, definition) = words(l, level);
            LevelView { name, definition }
        })
        .collect()
}
