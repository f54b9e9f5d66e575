//! Initiatives (roadmap sub-goals) and the quarterly status of each goal.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;
use time::Date;

use super::{
    Footnote, GoalNumber, IndicatorId, InitiativeId, MeasureId, Period, Quarter, SourceId,
};

/// An initiative / roadmap sub-goal.
#[derive(Debug, Clone)]
pub struct Initiative {
    /// Id (`1A`).
    pub id: InitiativeId,
    /// Goal.
    pub goal: GoalNumber,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Why it matters.
    pub relevance: Option<String>,
    /// How status is gathered.
    pub status_source: Option<String>,
    /// Owner.
    pub owner: Option<String>,
    /// Status per quarter.
    pub statuses: Vec<(Period, String)>,
    /// The file it was read from.
    pub path: PathBuf,
}

/// A list item, possibly with sub-items.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// Text.
    pub text: String,
    /// Sub-items.
    pub items: Vec<String>,
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
    pub label: Option<String>,
    /// What it refers to.
    pub reference: SelectedRef,
    /// Text (resolved: an initiative's id and title when not given).
    pub text: String,
    /// Sub-items.
    pub items: Vec<String>,
}

/// An indicator page in the deck.
#[derive(Debug, Clone)]
pub struct IndicatorPage {
    /// Indicator id.
    pub indicator: IndicatorId,
    /// Measure ids the chart shows (empty: all).
    pub measures: Vec<MeasureId>,
    /// Title.
    pub title: String,
    /// Heading of the about box.
    pub about_heading: Option<String>,
    /// About.
    pub about: String,
    /// Assessment heading.
    pub assessment_heading: Option<String>,
    /// Assessment.
    pub assessment: Option<String>,
    /// Proposed ambition.
    pub proposed_ambition: Option<String>,
    /// Chart caption.
    pub chart_caption: Option<String>,
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
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Publication date.
    pub date: Date,
    /// Source id.
    pub source: SourceId,
    /// True while its texts are still to be written.
    pub draft: bool,
    /// The goals it reports on.
    pub goals: BTreeMap<GoalNumber, GoalStatus>,
    /// The file it was read from.
    pub path: PathBuf,
}
