//! Initiatives (roadmap sub-goals) and the quarterly status of each goal.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;
use time::Date;

use super::{
    Delivery, Footnote, GoalNumber, IndicatorId, InitiativeId, MeasureId, Plan, Quarter,
    RoadmapVersion, SourceId, SubGoalReport, Text,
};

/// An initiative / roadmap sub-goal.
#[derive(Debug, Clone)]
pub struct Initiative {
    /// Id (`1A`).
    pub id: InitiativeId,
    /// The goal it serves.
    pub goal: GoalNumber,
    /// Title.
    pub title: Text,
    /// Description.
    pub description: Option<Text>,
    /// Why it is followed in the strategy.
    pub relevance: Option<Text>,
    /// How its status is gathered.
    pub status_source: Option<Text>,
    /// Owner.
    pub owner: Option<String>,
    /// The plan, when the sources give one.
    pub planned: Option<Plan>,
    /// The deliveries, in the plan's order.
    pub deliveries: Vec<Delivery>,
    /// The file it was read from.
    pub path: PathBuf,
}

/// A list item, possibly with sub-items.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// Text.
    pub text: Text,
    /// Sub-items.
    pub items: Vec<Text>,
}

/// What a "selected" entry refers to.
#[derive(Debug, Clone)]
pub enum SelectedRef {
    /// An initiative id.
    Initiative(InitiativeId),
    /// An indicator id.
    Indicator(IndicatorId),
    /// Nothing.
    None,
}

/// An entry in "selected indicators and sub-goals".
#[derive(Debug, Clone)]
pub struct Selected {
    /// Words before the text.
    pub label: Option<Text>,
    /// What it refers to.
    pub reference: SelectedRef,
    /// Text (resolved: an initiative's id and title when not given).
    pub text: Text,
    /// Sub-items.
    pub items: Vec<Text>,
    /// A roadmap sub-goal's status this quarter.
    pub status: Option<InitiativeStatus>,
}

/// A roadmap sub-goal's status in one quarter.
#[derive(Debug, Clone)]
pub struct InitiativeStatus {
    /// Its level on the strategy's scale.
    pub level: Level,
    /// The analyst's comment.
    pub comment: Option<Text>,
}

/// A level of the initiative status scale, by its place in the scale: 0 is the best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Level(pub usize);

/// A level of the built-in initiative status scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultLevel {
    /// Fullført: delivered.
    Completed,
    /// På plan: on track.
    OnTrack,
    /// Risiko: at risk.
    AtRisk,
    /// Forsinket: delayed.
    Delayed,
    /// Stoppet: stopped.
    Stopped,
}

impl DefaultLevel {
    /// The built-in scale, best first.
    pub const ALL: [DefaultLevel; 5] = [
        DefaultLevel::Completed,
        DefaultLevel::OnTrack,
        DefaultLevel::AtRisk,
        DefaultLevel::Delayed,
        DefaultLevel::Stopped,
    ];

    /// What a status file writes for it.
    pub fn id(self) -> &'static str {
        match self {
            DefaultLevel::Completed => "fullført",
            DefaultLevel::OnTrack => "på plan",
            DefaultLevel::AtRisk => "risiko",
            DefaultLevel::Delayed => "forsinket",
            DefaultLevel::Stopped => "stoppet",
        }
    }
}

/// One level of the scale: built in (its words come from the labels), or the content's own.
#[derive(Debug, Clone)]
pub enum ScaleLevel {
    /// A level of the built-in scale.
    Default(DefaultLevel),
    /// A level the content defines.
    Custom {
        /// What a status file writes.
        id: String,
        /// The name printed.
        name: Text,
        /// What it means.
        definition: Text,
    },
}

impl ScaleLevel {
    /// What a status file writes for it.
    pub fn id(&self) -> &str {
        match self {
            ScaleLevel::Default(d) => d.id(),
            ScaleLevel::Custom { id, .. } => id,
        }
    }
}

/// The scale roadmap sub-goals' statuses are given on, best first.
#[derive(Debug, Clone)]
pub struct InitiativeScale {
    /// The levels, best first.
    pub levels: Vec<ScaleLevel>,
}

impl Default for InitiativeScale {
    fn default() -> Self {
        InitiativeScale {
            levels: DefaultLevel::ALL.map(ScaleLevel::Default).to_vec(),
        }
    }
}

impl InitiativeScale {
    /// The level a status file's word names.
    pub fn level(&self, id: &str) -> Option<Level> {
        self.levels.iter().position(|l| l.id() == id).map(Level)
    }

    /// The level at this place.
    pub fn get(&self, level: Level) -> Option<&ScaleLevel> {
        self.levels.get(level.0)
    }
}

/// An indicator page in the deck.
#[derive(Debug, Clone)]
pub struct IndicatorPage {
    /// Indicator id.
    pub indicator: IndicatorId,
    /// Measure ids the chart shows (empty: all).
    pub measures: Vec<MeasureId>,
    /// Title.
    pub title: Text,
    /// Heading of the about box.
    pub about_heading: Option<Text>,
    /// About.
    pub about: Text,
    /// Assessment heading.
    pub assessment_heading: Option<Text>,
    /// Assessment.
    pub assessment: Option<Text>,
    /// Proposed ambition.
    pub proposed_ambition: Option<Text>,
    /// Chart caption.
    pub chart_caption: Option<Text>,
    /// Notes.
    pub notes: Vec<Footnote>,
}

/// One goal's status in a quarter.
#[derive(Debug, Clone)]
pub struct GoalStatus {
    /// Goal number.
    pub goal: GoalNumber,
    /// Overall status.
    pub overall: Vec<Item>,
    /// Selected indicators and sub-goals.
    pub selected: Vec<Selected>,
    /// Positive events.
    pub positive: Vec<Item>,
    /// Challenges.
    pub challenges: Vec<Item>,
    /// Strategic questions.
    pub questions: Vec<Item>,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Indicator pages.
    pub pages: Vec<IndicatorPage>,
}

/// The status of the strategy in one quarter.
#[derive(Debug, Clone)]
pub struct Status {
    /// Year and quarter.
    pub quarter: Quarter,
    /// Title.
    pub title: Text,
    /// Subtitle.
    pub subtitle: Option<Text>,
    /// Publication date.
    pub date: Date,
    /// Source id.
    pub source: SourceId,
    /// Who publishes it, when not the strategy's publisher.
    pub publisher: Option<String>,
    /// True while its texts are still to be written.
    pub draft: bool,
    /// Whether the deck opens each goal with a divider page.
    pub dividers: bool,
    /// The version of the roadmap it follows: its sub-goals are the ones it selects and
    /// reports on.
    pub roadmap_version: RoadmapVersion,
    /// The goals it reports on.
    pub goals: BTreeMap<GoalNumber, GoalStatus>,
    /// Its report on the roadmap, per sub-goal.
    pub roadmap: BTreeMap<InitiativeId, SubGoalReport>,
    /// The file it was read from.
    pub path: PathBuf,
}
