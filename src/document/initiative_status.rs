//! Roadmap sub-goals' statuses as printed: the level's name, how it moved since the previous
//! quarter that gave one, the analyst's comment, and the scale with its definitions.

use serde::Serialize;

use crate::analyse::initiatives::{Movement, StatusMove};
use crate::model::{DefaultLevel, InitiativeScale, Period, ScaleLevel};

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

/// The name and definition of a built-in level, in bokmål.
fn default_words(level: DefaultLevel) -> (&'static str, &'static str) {
    match level {
        DefaultLevel::Completed => ("fullført", "Leveransene er gjennomført og tatt i bruk."),
        DefaultLevel::OnTrack => (
            "på plan",
            "Arbeidet følger planen for framdrift, kostnad og kvalitet.",
        ),
        DefaultLevel::AtRisk => (
            "risiko",
            "Arbeidet følger planen, men det er risiko for at mål eller frister ikke nås.",
        ),
        DefaultLevel::Delayed => (
            "forsinket",
            "Arbeidet ligger etter planen; frister eller leveranser er flyttet.",
        ),
        DefaultLevel::Stopped => ("stoppet", "Arbeidet er stanset eller satt på vent."),
    }
}

/// A level's name and definition.
fn words(level: &ScaleLevel) -> (String, String) {
    match level {
        ScaleLevel::Default(d) => {
            let (name, definition) = default_words(*d);
            (name.to_owned(), definition.to_owned())
        }
        ScaleLevel::Custom {
            name, definition, ..
        } => (name.clone(), definition.clone()),
    }
}

/// How a movement is printed.
fn movement_text(m: Movement) -> &'static str {
    match m {
        Movement::Better => "↑ bedre",
        Movement::Worse => "↓ verre",
        Movement::Same => "→ uendret",
        Movement::New => "ny",
    }
}

/// A sub-goal's status as printed, from its move.
pub fn status_view(
    scale: &InitiativeScale,
    mv: &StatusMove,
    comment: Option<&str>,
) -> InitiativeStatusView {
    let name = |l| scale.get(l).map(|l| words(l).0).unwrap_or_default();
    InitiativeStatusView {
        name: name(mv.level),
        movement: mv.movement,
        movement_text: movement_text(mv.movement).to_owned(),
        previous: mv
            .previous
            .map(|(q, l)| format!("{} i {}", name(l), Period::Quarter(q.year, q.quarter))),
        comment: comment.map(str::to_owned),
    }
}

/// Every level of the scale with its definition.
pub fn scale_view(scale: &InitiativeScale) -> Vec<LevelView> {
    scale
        .levels
        .iter()
        .map(|l| {
            let (name, definition) = words(l);
            LevelView { name, definition }
        })
        .collect()
}
