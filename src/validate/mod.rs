//! Validation: turns the raw documents into one [`Content`] model, or lists every problem.
//!
//! In: [`RawContent`] from [`crate::input`]. Out: [`Content`], or every problem found, each
//! at its exact place with what was expected. The kinds are checked in the order they refer
//! to each other — sources, strategy, goals, indicators (with their CSV values), initiatives,
//! statuses, editions — and each kind first claims its ids into [`Refs`], so a reference is
//! checked against what exists, and a reference to a file with problems of its own is not
//! reported twice. Before any of that, the text of every file is searched for characters no
//! bundled font can show (`glyphs`). Validation never stops at the first problem: the
//! analyst gets the whole list in one run.

mod checks;
mod draft;
mod edition;
mod glyphs;
mod indicator;
mod initiative;
mod roadmap;
mod sink;
mod status;
mod strategy;
mod translations;
mod values;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::Path;

use serde_saphyr::Spanned;

use crate::diagnostics::{Code, Diagnostic, Warned, error_count};
use crate::input::{Kind, RawContent};
use crate::model::*;

use sink::{Known, Sink, one_of};

/// What content refers to, filled kind by kind as validation goes: the sources and goals
/// that exist, then the indicators and initiatives.
pub(crate) struct Refs {
    /// Sources by id.
    sources: BTreeMap<SourceId, Source>,
    /// Every source id written.
    known_sources: Known<String>,
    /// Goals by number.
    goals: BTreeMap<GoalNumber, Goal>,
    /// Every goal number written.
    known_goals: Known<i64>,
    /// Indicators by id.
    indicators: BTreeMap<IndicatorId, Indicator>,
    /// Every indicator id written.
    known_indicators: Known<String>,
    /// Initiatives by id.
    initiatives: BTreeMap<InitiativeId, Initiative>,
    /// Every initiative id written, qualified by its version (`2023/1.B`, or `1A` in an
    /// unnamed roadmap).
    known_initiatives: Known<String>,
    /// The roadmap's versions, oldest first, once the strategy is read (`None` when it could
    /// not be).
    roadmaps: Option<Vec<RoadmapVersion>>,
}

impl Refs {
    /// The roadmap version a file follows: the one it names, else the latest. An unknown
    /// version is reported and gives `None`; so does any when the strategy could not be read.
    fn roadmap_version(
        &self,
        s: &mut Sink,
        named: Option<&Spanned<String>>,
    ) -> Option<RoadmapVersion> {
        let versions = self.roadmaps.as_ref()?;
        let Some(named) = named else {
            return Some(versions.last().cloned().unwrap_or_default());
        };
        let found = versions.iter().find(|v| v.id == named.value.trim());
        if found.is_none() {
            let ids: Vec<String> = versions.iter().map(|v| v.id.clone()).collect();
            s.coded(
                Code::UnknownReference,
                named,
                format!(
                    "unknown roadmap version `{}` ({})",
                    named.value,
                    one_of(
                        &ids,
                        "strategy.yaml declares no `roadmaps:`: declare the versions there, or leave `roadmap_version` out"
                    )
                ),
            );
        }
        found.cloned()
    }

    /// Whether a sub-goal that resolved to nothing is worth reporting.
    fn report_unknown_initiative(&self, id: &InitiativeId) -> bool {
        self.known_initiatives.report(&id.qualified())
    }

    /// The codes of one version's sub-goals, for a hint.
    fn initiative_codes(&self, version: &RoadmapVersion) -> Vec<String> {
        self.initiatives
            .keys()
            .filter(|k| &k.version == version)
            .map(|k| k.code.clone())
            .collect()
    }

    /// What is wrong with a reference to source `id`, if anything worth reporting.
    fn source_problem(&self, id: &str) -> Option<String> {
        if self.sources.contains_key(id) || !self.known_sources.report(&id.to_owned()) {
            return None;
        }
        let known: Vec<String> = self.sources.keys().map(|k| k.to_string()).collect();
        Some(format!(
            "unknown source `{id}` ({})",
            one_of(&known, "no sources are defined in sources.yaml")
        ))
    }

    /// Checks a reference to a source, reporting an unknown one, and returns its id.
    fn check_source(&self, s: &mut Sink, id: &Spanned<String>) -> SourceId {
        if let Some(problem) = self.source_problem(&id.value) {
            s.coded(Code::UnknownReference, id, problem);
        }
        SourceId::new(id.value.clone())
    }

    /// Checks a reference to a goal, reporting an unknown one.
    fn check_goal(&self, s: &mut Sink, n: &Spanned<i64>) -> Option<GoalNumber> {
        let number = checks::small_int::<u8>(n)
            .and_then(GoalNumber::new)
            .filter(|g| self.goals.contains_key(g));
        if number.is_none() && self.known_goals.report(&n.value) {
            let known: Vec<String> = self.goals.keys().map(|g| g.to_string()).collect();
            s.coded(
                Code::UnknownReference,
                n,
                format!(
                    "unknown goal {} ({})",
                    n.value,
                    one_of(&known, "no goals are defined in goals/")
                ),
            );
        }
        number
    }

    /// The indicator a reference names, reporting an unknown one.
    fn indicator(&self, s: &mut Sink, id: &Spanned<String>) -> Option<&Indicator> {
        let found = self.indicators.get(id.value.as_str());
        if found.is_none() && self.known_indicators.report(&id.value) {
            s.coded(Code::UnknownReference, id, unknown_indicator(&id.value));
        }
        found
    }
}

/// What to say about a reference to an indicator that does not exist.
fn unknown_indicator(id: &str) -> String {
    format!("unknown indicator `{id}` (no file in indicators/ has this id)")
}

/// What to say about a measure that an indicator does not have.
fn unknown_measure(ind: &Indicator, id: &str) -> String {
    let known: Vec<String> = ind
        .measures
        .iter()
        .filter_map(|m| m.id.as_ref().map(|i| i.to_string()))
        .collect();
    format!(
        "indicator {} has no measure `{id}` ({})",
        ind.id,
        one_of(&known, "its measures have no ids")
    )
}

/// Validates all raw content into the model, with what is worth a warning; or every problem,
/// errors and warnings.
pub fn validate(root: &Path, raw: RawContent) -> Result<Warned<Content>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let readable = |kind: Kind| !raw.unreadable.contains(&kind);
    let mut refs = Refs {
        sources: BTreeMap::new(),
        known_sources: Known::new(readable(Kind::Sources)),
        goals: BTreeMap::new(),
        known_goals: Known::new(readable(Kind::Goal)),
        indicators: BTreeMap::new(),
        known_indicators: Known::new(readable(Kind::Indicator)),
        initiatives: BTreeMap::new(),
        known_initiatives: Known::new(readable(Kind::Initiative)),
        roadmaps: None,
    };
    for (path, text) in &raw.texts {
        glyphs::check_yaml(path, text, &mut problems);
    }
    strategy::sources(root, &raw, &mut refs, &mut problems);
    let strategy = strategy::strategy(root, &raw, &refs, &mut problems);
    refs.roadmaps = strategy
        .as_ref()
        .map(|s| s.roadmaps.iter().map(|r| r.version.clone()).collect());
    strategy::goals(&raw, &mut refs, &mut problems);
    indicator::indicators(&raw, &mut refs, &mut problems);
    let value_files = values::attach(&raw, &mut refs, &mut problems);
    initiative::initiatives(&raw, &mut refs, &mut problems);
    let scale = strategy.as_ref().map(|s| &s.initiative_scale);
    let statuses = status::statuses(&raw, &refs, scale, &mut problems);
    let editions = edition::editions(&raw, &refs, &mut problems);

    match strategy {
        Some(strategy) if error_count(&problems) == 0 && raw.unreadable.is_empty() => {
            let mut content = Content {
                strategy,
                sources: refs.sources,
                goals: refs.goals,
                indicators: refs.indicators,
                initiatives: refs.initiatives,
                statuses,
                editions,
                delays: DelayShares::new(),
                strategy_path: raw.strategy[0].path.clone(),
                source_paths: raw.sources.iter().map(|l| l.path.clone()).collect(),
                files: raw.files.into_iter().chain(value_files).collect(),
            };
            roadmap::add_computed_values(&mut content, &mut problems);
            if error_count(&problems) > 0 {
                return Err(problems);
            }
            let main = content.strategy.languages.main;
            content.texts_mut(&mut |_, t| t.settle(main));
            problems.extend(draft::draft_warnings(&content));
            problems.extend(translations::translation_warnings(&content));
            Ok(Warned {
                output: content,
                warnings: problems,
            })
        }
        _ => Err(problems),
    }
}
