//! Raw edition files of *Strategiske e-helseindikatorer*.

use super::*;

/// `content/editions/<year>.yaml`: one edition of the annual document *Strategiske
/// e-helseindikatorer*. What differs from the indicator files is written here.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// The year the edition is for (`2024`).
    #[schemars(with = "i64")]
    pub edition: S<i64>,
    /// Title as published.
    pub title: RawText,
    /// Publication date (`2023-12-13`): the PDF's creation date.
    #[schemars(with = "PeriodText")]
    pub published: S<PeriodText>,
    /// Source id of the published edition.
    #[schemars(with = "String")]
    pub source: S<String>,
    /// Who publishes this edition, when not the strategy's publisher.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Heading of the baseline column ("Utgangspunkt 2023", "Dagens utgangspunkt").
    pub baseline_heading: RawText,
    /// The years that get a target column, in order.
    #[schemars(with = "Vec<i64>")]
    pub target_years: Vec<S<i64>>,
    /// The introduction, by section.
    #[serde(default)]
    pub introduction: Vec<Section>,
    /// Per goal: the indicator table and what goes with it.
    pub goals: Vec<EditionGoal>,
}

/// A titled section of text.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Heading.
    #[serde(default)]
    pub heading: Option<RawText>,
    /// Text; paragraphs separated by blank lines.
    pub text: RawText,
}

/// One goal's part of an edition.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EditionGoal {
    /// Goal number.
    #[schemars(with = "i64")]
    pub goal: S<i64>,
    /// Summary as published in this edition, when it differs from the goal file.
    #[serde(default)]
    pub summary: Option<RawText>,
    /// The indicators in table order.
    pub indicators: Vec<EditionIndicator>,
    /// Footnotes under the table.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// Candidates for new indicators.
    #[serde(default)]
    pub candidates: Vec<RawText>,
}

/// An indicator as this edition shows it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EditionIndicator {
    /// Indicator id.
    #[schemars(with = "String")]
    pub indicator: S<String>,
    /// Number printed in this edition, when it differs from the id (2023: `3.2`).
    #[serde(default)]
    pub number: Option<String>,
    /// Name as printed in this edition, when it differs.
    #[serde(default)]
    pub name: Option<RawText>,
    /// Description as printed in this edition, when it differs.
    #[serde(default)]
    pub description: Option<RawText>,
    /// How it is measured, as printed in this edition, when it differs.
    #[serde(default)]
    pub measurement: Option<RawText>,
    /// The unit column as printed in this edition, when it differs.
    #[serde(default)]
    pub unit_label: Option<RawText>,
    /// The type as printed in this edition, when it differs.
    #[serde(default, rename = "type")]
    #[schemars(with = "Option<written::IndicatorType>")]
    pub kind: Option<S<String>>,
    /// Baselines and targets of this edition, when they differ from the indicator file.
    #[serde(default)]
    pub measures: Vec<EditionMeasure>,
}

/// A measure's baseline and targets in one edition.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EditionMeasure {
    /// Measure id (left out for an indicator with one unnamed measure).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub id: Option<S<String>>,
    /// The measure's number as printed in this edition (`1.`, `2.1`).
    #[serde(default)]
    pub number: Option<String>,
    /// Name as printed in this edition, when it differs.
    #[serde(default)]
    pub name: Option<RawText>,
    /// Baseline in this edition.
    #[serde(default)]
    pub baseline: Option<Baseline>,
    /// Targets in this edition; replace the indicator file's when given, `[]` for none.
    #[serde(default)]
    pub targets: Option<Vec<Target>>,
}
