//! The validated model: everything in `content/`, checked and cross-referenced.
//!
//! Only these types travel past validation. Lists are sorted (goals by number, indicators by
//! id, values by period) so every output is deterministic.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;
use time::Date;

use crate::period::Period;

/// All content of a project.
#[derive(Debug, Clone)]
pub struct Content {
    /// The strategy.
    pub strategy: Strategy,
    /// Source documents by id.
    pub sources: BTreeMap<String, Source>,
    /// Goals 1 to 5, in order.
    pub goals: Vec<Goal>,
    /// Indicators in id order.
    pub indicators: Vec<Indicator>,
    /// Initiatives in id order.
    pub initiatives: Vec<Initiative>,
    /// Quarterly statuses, oldest first.
    pub statuses: Vec<Status>,
    /// Editions of the annual indicator document, oldest first.
    pub editions: Vec<Edition>,
    /// The strategy file.
    pub strategy_path: PathBuf,
    /// The sources files.
    pub source_paths: Vec<PathBuf>,
    /// Every content file, in discovery order.
    pub files: Vec<PathBuf>,
}

impl Content {
    /// The goal with this number.
    pub fn goal(&self, number: u8) -> Option<&Goal> {
        self.goals.iter().find(|g| g.number == number)
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The initiative with this id.
    pub fn initiative(&self, id: &str) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }
}

/// The strategy.
#[derive(Debug, Clone, Serialize)]
pub struct Strategy {
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Vision.
    pub vision: String,
    /// Horizon year.
    pub horizon: i32,
    /// Publisher.
    pub publisher: String,
}

/// A source document.
#[derive(Debug, Clone)]
pub struct Source {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: Option<String>,
    /// Date or period.
    pub date: Option<Period>,
    /// Link.
    pub url: Option<String>,
}

/// A strategic goal.
#[derive(Debug, Clone)]
pub struct Goal {
    /// 1 to 5.
    pub number: u8,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// What is to be achieved by the horizon.
    pub aims: Vec<String>,
    /// The file it was read from.
    pub path: PathBuf,
}

/// Unit of a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// 0 to 100.
    Percent,
    /// A count, never negative.
    Count,
    /// A share `n/m`.
    Share,
    /// Millions.
    Millions,
    /// Days.
    Days,
    /// No number.
    Text,
}

impl Unit {
    /// Parses the content's word for a unit.
    pub fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "percent" => Unit::Percent,
            "count" => Unit::Count,
            "share" => Unit::Share,
            "millions" => Unit::Millions,
            "days" => Unit::Days,
            "text" => Unit::Text,
            _ => return None,
        })
    }

    /// The unit as printed in the "Målenhet" column.
    pub fn label(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::Count => "Antall",
            Unit::Share => "Andel",
            Unit::Millions => "Millioner",
            Unit::Days => "Dager",
            Unit::Text => "Tekst",
        }
    }
}

/// Indicator type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorType {
    /// Adopsjon.
    Adoption,
    /// Bruk.
    Use,
    /// Opplevd resultat.
    PerceivedResult,
    /// Resultat.
    Result,
    /// Effekt.
    Effect,
    /// Statistikk (shown, no target).
    Statistic,
}

impl IndicatorType {
    /// Parses the Norwegian word.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "adopsjon" => Self::Adoption,
            "bruk" => Self::Use,
            "opplevd resultat" => Self::PerceivedResult,
            "resultat" => Self::Result,
            "effekt" => Self::Effect,
            "statistikk" => Self::Statistic,
            _ => return None,
        })
    }

    /// The Norwegian word, capitalised, as printed.
    pub fn label(self) -> &'static str {
        match self {
            Self::Adoption => "Adopsjon",
            Self::Use => "Bruk",
            Self::PerceivedResult => "Opplevd resultat",
            Self::Result => "Resultat",
            Self::Effect => "Effekt",
            Self::Statistic => "Statistikk",
        }
    }
}

/// Update frequency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    /// Årlig.
    Yearly,
    /// Kvartalsvis.
    Quarterly,
    /// Løpende.
    Continuous,
}

impl Frequency {
    /// Parses the Norwegian word.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "årlig" => Self::Yearly,
            "kvartalsvis" => Self::Quarterly,
            "løpende" => Self::Continuous,
            _ => return None,
        })
    }

    /// As printed on an indicator page.
    pub fn label(self) -> &'static str {
        match self {
            Self::Yearly => "Årlig oppdatering",
            Self::Quarterly => "Kvartalsvis oppdatering",
            Self::Continuous => "Løpende oppdatering",
        }
    }
}

/// A footnote.
#[derive(Debug, Clone, Serialize)]
pub struct Footnote {
    /// Marker.
    pub mark: Option<String>,
    /// Text.
    pub text: String,
    /// Link.
    pub url: Option<String>,
}

/// A dated comment.
#[derive(Debug, Clone)]
pub struct Comment {
    /// When.
    pub date: Period,
    /// Text.
    pub text: String,
    /// Target year column.
    pub year: Option<i32>,
}

/// A target indicator.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// Id.
    pub id: String,
    /// Goal number.
    pub goal: u8,
    /// Name.
    pub name: String,
    /// Short name.
    pub short_name: Option<String>,
    /// Unit.
    pub unit: Unit,
    /// Unit column as published.
    pub unit_label: Option<String>,
    /// Type.
    pub kind: IndicatorType,
    /// Description and purpose.
    pub description: String,
    /// How it is measured.
    pub measurement: Option<String>,
    /// Data source.
    pub data_source: Option<String>,
    /// Update frequency.
    pub frequency: Option<Frequency>,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Comments.
    pub comments: Vec<Comment>,
    /// Measures.
    pub measures: Vec<Measure>,
    /// The file it was read from.
    pub path: PathBuf,
}

impl Indicator {
    /// The measure with this id (`None` id matches a single unnamed measure).
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id.as_deref() == Some(id))
    }

    /// The measures with these ids, in that order; all measures when `ids` is empty.
    pub fn select_measures(&self, ids: &[String]) -> Vec<&Measure> {
        if ids.is_empty() {
            self.measures.iter().collect()
        } else {
            ids.iter().filter_map(|id| self.measure(id)).collect()
        }
    }
}

/// A number, with a denominator for shares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    /// The number.
    pub value: f64,
    /// Denominator.
    pub of: Option<f64>,
}

/// One measure of an indicator.
#[derive(Debug, Clone)]
pub struct Measure {
    /// Id, when the indicator has several.
    pub id: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Unit.
    pub unit: Unit,
    /// Baseline.
    pub baseline: Option<Baseline>,
    /// Targets, by year.
    pub targets: Vec<Target>,
    /// Values, oldest first.
    pub values: Vec<Value>,
    /// Ambition towards the horizon.
    pub ambition: Option<Ambition>,
    /// The values are an illustration.
    pub illustrative: bool,
    /// The CSV file some values were read from.
    pub values_file: Option<PathBuf>,
}

/// A baseline.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// Number.
    pub quantity: Option<Quantity>,
    /// When.
    pub period: Option<Period>,
    /// As published.
    pub text: Option<String>,
    /// Source id.
    pub source: String,
}

/// What a target asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TargetKind {
    /// An absolute number.
    Value(Quantity),
    /// Change relative to the baseline, in percent.
    Change(f64),
    /// Keep the baseline level.
    Maintain,
    /// Text only.
    Text,
}

/// A target.
#[derive(Debug, Clone)]
pub struct Target {
    /// Year.
    pub year: i32,
    /// Kind.
    pub kind: TargetKind,
    /// As published.
    pub text: Option<String>,
    /// Source id.
    pub source: String,
}

/// A measured value.
#[derive(Debug, Clone)]
pub struct Value {
    /// When.
    pub period: Period,
    /// Number.
    pub quantity: Quantity,
    /// As published.
    pub text: Option<String>,
    /// Breakdown.
    pub breakdown: Vec<(String, f64)>,
    /// Source id.
    pub source: String,
}

/// The ambition towards the horizon.
#[derive(Debug, Clone)]
pub struct Ambition {
    /// By when.
    pub period: Option<Period>,
    /// Number.
    pub value: Option<f64>,
    /// Text.
    pub text: String,
    /// Source id.
    pub source: String,
}

/// An initiative / roadmap sub-goal.
#[derive(Debug, Clone)]
pub struct Initiative {
    /// Id (`1A`).
    pub id: String,
    /// Goal.
    pub goal: u8,
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
    Initiative(String),
    /// An indicator id.
    Indicator(String),
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
    pub indicator: String,
    /// Measure ids the chart shows (empty: all).
    pub measures: Vec<String>,
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
    pub goal: u8,
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
    pub quarter: (i32, u8),
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Publication date.
    pub date: Date,
    /// Source id.
    pub source: String,
    /// Goals, in order.
    pub goals: Vec<GoalStatus>,
    /// The file it was read from.
    pub path: PathBuf,
}

impl Status {
    /// The id used in output names: `2026-q2`.
    pub fn slug(&self) -> String {
        format!("{}-q{}", self.quarter.0, self.quarter.1)
    }
}

/// One edition of the annual document *Strategiske e-helseindikatorer*.
#[derive(Debug, Clone)]
pub struct Edition {
    /// The year it is for.
    pub year: i32,
    /// Title.
    pub title: String,
    /// Publication date.
    pub published: Date,
    /// Source id.
    pub source: String,
    /// Heading of the baseline column.
    pub baseline_heading: String,
    /// Years with a target column.
    pub target_years: Vec<i32>,
    /// Introduction sections: heading and text.
    pub introduction: Vec<(Option<String>, String)>,
    /// Goals, in order.
    pub goals: Vec<EditionGoal>,
    /// The file it was read from.
    pub path: PathBuf,
}

impl Edition {
    /// The id used in output names: `indikatorer-2024`.
    pub fn slug(&self) -> String {
        format!("indikatorer-{}", self.year)
    }
}

/// One goal's part of an edition.
#[derive(Debug, Clone)]
pub struct EditionGoal {
    /// Goal number.
    pub goal: u8,
    /// Summary as printed in this edition, when it differs.
    pub summary: Option<String>,
    /// Indicators in table order.
    pub indicators: Vec<EditionIndicator>,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Candidates for new indicators.
    pub candidates: Vec<String>,
}

/// An indicator as an edition prints it.
#[derive(Debug, Clone)]
pub struct EditionIndicator {
    /// Indicator id.
    pub id: String,
    /// Number printed.
    pub number: String,
    /// Name, when it differs from the indicator file.
    pub name: Option<String>,
    /// Description, when it differs.
    pub description: Option<String>,
    /// How it is measured, when it differs.
    pub measurement: Option<String>,
    /// Unit column, when it differs.
    pub unit_label: Option<String>,
    /// Type, when it differs.
    pub kind: Option<IndicatorType>,
    /// Baselines and targets, when they differ.
    pub measures: Vec<EditionMeasure>,
}

/// A measure's baseline and targets in one edition.
#[derive(Debug, Clone)]
pub struct EditionMeasure {
    /// Measure id.
    pub id: Option<String>,
    /// Number printed before the measure.
    pub number: Option<String>,
    /// Name, when it differs.
    pub name: Option<String>,
    /// Baseline.
    pub baseline: Option<Baseline>,
    /// Targets, replacing the indicator's when given.
    pub targets: Option<Vec<Target>>,
}
