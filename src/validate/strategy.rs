//! The strategy, its source documents and its goals: what everything else refers to.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;

use super::checks::{check_url, is_slug, small_int};
use super::{Refs, Sink};
use crate::diagnostics::Diagnostic;
use crate::input::{Kind, Loaded, RawContent, raw};
use crate::model::{
    Goal, GoalNumber, InitiativeScale, ScaleLevel, Source, SourceId, Strategy, Thresholds,
};

/// Claims every source id and checks each source.
pub(super) fn sources(
    root: &Path,
    raw: &RawContent,
    refs: &mut Refs,
    problems: &mut Vec<Diagnostic>,
) {
    let mut places: HashMap<String, PathBuf> = HashMap::new();
    for Loaded { path, doc } in &raw.sources {
        let mut s = Sink { path, problems };
        for src in &doc.sources {
            let shape = if is_slug(&src.id.value) {
                Ok(())
            } else {
                Err("lowercase letters, digits and -")
            };
            if !refs
                .known_sources
                .claim(&mut s, &mut places, &src.id, "source", shape)
            {
                continue;
            }
            // The date and link are checked; no output prints them, so the model has no place
            // for them.
            if let Some(date) = &src.date {
                s.period(date);
            }
            if let Some(url) = &src.url {
                check_url(&mut s, url);
            }
            refs.sources.insert(
                SourceId::new(src.id.value.clone()),
                Source {
                    title: src.title.clone(),
                    publisher: src.publisher.clone(),
                },
            );
        }
    }
    if raw.sources.is_empty() && refs.known_sources.complete {
        problems.push(Diagnostic::file(
            root.join("sources.yaml"),
            "missing sources.yaml (every figure needs a source)",
        ));
    }
}

/// Checks the one strategy file.
pub(super) fn strategy(
    root: &Path,
    raw: &RawContent,
    refs: &Refs,
    problems: &mut Vec<Diagnostic>,
) -> Option<Strategy> {
    match raw.strategy.as_slice() {
        [Loaded { path, doc }] => {
            let mut s = Sink { path, problems };
            if let Some(src) = &doc.source {
                refs.check_source(&mut s, src);
            }
            let horizon = small_int::<i32>(&doc.horizon).filter(|y| (2000..=2100).contains(y));
            if horizon.is_none() {
                s.at(
                    &doc.horizon,
                    format!(
                        "invalid horizon {} (expected a year such as 2030)",
                        doc.horizon.value
                    ),
                );
            }
            let thresholds = doc
                .progress_thresholds
                .as_ref()
                .map_or_else(Thresholds::default, |t| thresholds(&mut s, t));
            let initiative_scale = initiative_scale(&mut s, &doc.initiative_scale);
            Some(Strategy {
                title: doc.title.clone(),
                subtitle: doc.subtitle.clone(),
                vision: doc.vision.clone(),
                horizon: horizon.unwrap_or(2030),
                publisher: doc.publisher.clone(),
                thresholds,
                initiative_scale,
            })
        }
        [] if raw.unreadable.contains(&Kind::Strategy) => None,
        [] => {
            problems.push(Diagnostic::file(
                root.join("strategy.yaml"),
                "missing strategy.yaml (expected the strategy's title, vision, horizon and publisher)",
            ));
            None
        }
        [_, rest @ ..] => {
            for l in rest {
                problems.push(Diagnostic::file(
                    &l.path,
                    "a second strategy file (expected exactly one)",
                ));
            }
            None
        }
    }
}

/// Checks `progress_thresholds`: finite, `0 < moderate < on_track`; a problem leaves the
/// defaults in place (the content then fails anyway).
fn thresholds(s: &mut Sink, raw: &Spanned<raw::ProgressThresholds>) -> Thresholds {
    let defaults = Thresholds::default();
    let mut finite = |v: &Option<Spanned<f64>>, name: &str, default: f64| match v {
        Some(n) if n.value.is_finite() => Some(n.value),
        Some(n) => {
            s.at(
                n,
                format!("invalid {name} threshold (expected a finite number such as {default})"),
            );
            None
        }
        None => Some(default),
    };
    let on_track = finite(&raw.value.on_track, "on_track", defaults.on_track);
    let moderate = finite(&raw.value.moderate, "moderate", defaults.moderate);
    let (Some(on_track), Some(moderate)) = (on_track, moderate) else {
        return defaults;
    };
    if moderate <= 0.0 || on_track <= moderate {
        s.at(
            raw,
            format!(
                "invalid progress thresholds on_track {on_track} and moderate {moderate} (expected 0 < moderate < on_track, such as 0.95 and 0.6)"
            ),
        );
        return defaults;
    }
    Thresholds { on_track, moderate }
}

/// The content's own initiative status scale, or the built-in one when it gives none.
fn initiative_scale(s: &mut Sink, raw: &[raw::ScaleLevel]) -> InitiativeScale {
    if raw.is_empty() {
        return InitiativeScale::default();
    }
    let mut levels: Vec<ScaleLevel> = Vec::new();
    for l in raw {
        let id = l.id.value.trim();
        if id.is_empty() {
            s.at(
                &l.id,
                "empty status id (expected a word such as `forsinket`)",
            );
        } else if levels.iter().any(|o| o.id() == id) {
            s.at(&l.id, format!("status `{id}` is listed twice in the scale"));
        } else {
            levels.push(ScaleLevel::Custom {
                id: id.to_owned(),
                name: l.name.clone().unwrap_or_else(|| id.to_owned()),
                definition: l.definition.clone(),
            });
        }
    }
    InitiativeScale { levels }
}

/// Claims every goal number and checks each goal.
pub(super) fn goals(raw: &RawContent, refs: &mut Refs, problems: &mut Vec<Diagnostic>) {
    for Loaded { path, doc } in &raw.goals {
        let mut s = Sink { path, problems };
        refs.known_goals.ids.insert(doc.number.value);
        if let Some(src) = &doc.source {
            refs.check_source(&mut s, src);
        }
        let Some(number) = small_int::<u8>(&doc.number).and_then(GoalNumber::new) else {
            s.at(
                &doc.number,
                format!("invalid goal number {} (expected 1 to 5)", doc.number.value),
            );
            refs.known_goals.complete = false;
            continue;
        };
        if let Some(first) = refs.goals.get(&number) {
            s.at(
                &doc.number,
                format!(
                    "duplicate goal {number} (first defined in {})",
                    first.path.display()
                ),
            );
            refs.known_goals.complete = false;
            continue;
        }
        refs.goals.insert(
            number,
            Goal {
                number,
                title: doc.title.clone(),
                summary: doc.summary.clone(),
                path: path.clone(),
            },
        );
    }
}
