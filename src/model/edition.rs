//! Editions of the annual document *Strategiske e-helseindikatorer*.

use std::path::PathBuf;

use time::Date;

use super::{Baseline, Footnote, GoalNumber, IndicatorId, IndicatorType, MeasureId, Target, Text};

/// One edition of the annual document *Strategiske e-helseindikatorer*.
#[derive(Debug, Clone)]
pub struct Edition {
    /// The year it is for.
    pub year: i32,
    /// Title.
    pub title: Text,
    /// Publication date.
    pub published: Date,
    /// Who publishes it: its own word, else its source's; the strategy's when neither says.
    pub publisher: Option<String>,
    /// Heading of the baseline column.
    pub baseline_heading: Text,
    /// Years with a target column.
    pub target_years: Vec<i32>,
    /// Introduction sections: heading and text.
    pub introduction: Vec<(Option<Text>, Text)>,
    /// Goals, in order.
    pub goals: Vec<EditionGoal>,
    /// The file it was read from.
    pub path: PathBuf,
}

/// One goal's part of an edition.
#[derive(Debug, Clone)]
pub struct EditionGoal {
    /// Goal number.
    pub goal: GoalNumber,
    /// Summary as printed in this edition, when it differs.
    pub summary: Option<Text>,
    /// Indicators in table order.
    pub indicators: Vec<EditionIndicator>,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Candidates for new indicators.
    pub candidates: Vec<Text>,
}

/// An indicator as an edition prints it.
#[derive(Debug, Clone)]
pub struct EditionIndicator {
    /// Indicator id.
    pub id: IndicatorId,
    /// Number printed.
    pub number: String,
    /// Name, when it differs from the indicator file.
    pub name: Option<Text>,
    /// Description, when it differs.
    pub description: Option<Text>,
    /// How it is measured, when it differs.
    pub measurement: Option<Text>,
    /// Unit column, when it differs.
    pub unit_label: Option<Text>,
    /// Type, when it differs.
    pub kind: Option<IndicatorType>,
    /// Baselines and targets, when they differ.
    pub measures: Vec<EditionMeasure>,
}

/// A measure's baseline and targets in one edition.
#[derive(Debug, Clone)]
pub struct EditionMeasure {
    /// Measure id.
    pub id: Option<MeasureId>,
    /// Number printed before the measure.
    pub number: Option<String>,
    /// Name, when it differs.
    pub name: Option<Text>,
    /// Baseline.
    pub baseline: Option<Baseline>,
    /// Targets, replacing the indicator's when given.
    pub targets: Option<Vec<Target>>,
}
