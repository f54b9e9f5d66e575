//! Raw indicator files: an indicator, its measures, baselines, targets and values.

use super::*;

/// `content/indicators/<id>.yaml`: one target indicator (målindikator) or statistic.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// `1.6`, `2.5.3`, or a slug for indicators without a number (`tillit-helseopplysninger`).
    #[schemars(with = "String")]
    pub id: S<String>,
    /// The goal it belongs to.
    #[schemars(with = "i64")]
    pub goal: S<i64>,
    /// Name as published.
    pub name: RawText,
    /// Short name for charts and lists.
    #[serde(default)]
    pub short_name: Option<RawText>,
    /// The number shown on the site, for an indicator whose id is not a number.
    #[serde(default)]
    pub number: Option<String>,
    /// Unit of the measures unless a measure says otherwise.
    #[schemars(with = "written::Unit")]
    pub unit: S<String>,
    /// The "Målenhet" column as published, when it says more than the unit.
    #[serde(default)]
    pub unit_label: Option<RawText>,
    /// Indicator type: adopsjon, bruk, opplevd resultat, resultat, effekt, statistikk.
    #[serde(rename = "type")]
    #[schemars(with = "written::IndicatorType")]
    pub kind: S<String>,
    /// Description and purpose.
    pub description: RawText,
    /// How it is measured ("Hvordan gjennomføre måling?").
    #[serde(default)]
    pub measurement: Option<RawText>,
    /// Where the data comes from, e.g. "SSB/KPR".
    #[serde(default)]
    pub data_source: Option<String>,
    /// Update frequency: årlig, kvartalsvis, løpende.
    #[serde(default)]
    #[schemars(with = "Option<written::Frequency>")]
    pub frequency: Option<S<String>>,
    /// Footnotes.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// Dated comments.
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// One or more measures (sub-questions).
    #[schemars(with = "Vec<Measure>")]
    pub measures: S<Vec<S<Measure>>>,
    /// Whether a rise is an improvement (default true); used for trends and "maintain".
    #[serde(default)]
    pub higher_is_better: Option<bool>,
    /// The change between the last two values, in percent of the earlier one, up to which a
    /// trend is stable (default 1).
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub trend_tolerance_percent: Option<S<f64>>,
}

/// One measure of an indicator, with its own baseline, targets and values.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// `1`, `2.1`, or a slug; may be left out when the indicator has one measure.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub id: Option<S<String>>,
    /// What this measure counts or asks.
    #[serde(default)]
    pub name: Option<RawText>,
    /// Unit, when different from the indicator's.
    #[serde(default)]
    #[schemars(with = "Option<written::Unit>")]
    pub unit: Option<S<String>>,
    /// The starting point.
    #[serde(default)]
    pub baseline: Option<Baseline>,
    /// Targets by year.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Measured values.
    #[serde(default)]
    pub values: Vec<Value>,
    /// More measured values from a CSV file inside the content folder (columns `period`,
    /// `value`, `source` and optionally `text`), e.g. `data/1.6.csv`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub values_file: Option<S<String>>,
    /// The ambition towards the strategy's horizon.
    #[serde(default)]
    pub ambition: Option<Ambition>,
    /// True when the values are an illustration, not measurements.
    #[serde(default)]
    pub illustrative: bool,
    /// Whether a rise is an improvement, when not as the indicator says.
    #[serde(default)]
    pub higher_is_better: Option<bool>,
    /// `utvikling` or `innføring`: the measure's values are computed from the roadmap, each
    /// quarter's share of that phase's deliveries significantly delayed (indicators 5.2, 5.3).
    #[serde(default)]
    #[schemars(with = "Option<written::Phase>")]
    pub from_roadmap: Option<S<String>>,
}

/// The starting point of a measure.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The number, when there is one.
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub value: Option<S<f64>>,
    /// Denominator for shares such as 147/356.
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub of: Option<S<f64>>,
    /// When it was measured.
    #[serde(default)]
    #[schemars(with = "Option<PeriodText>")]
    pub period: Option<S<PeriodText>>,
    /// The text as published.
    #[serde(default)]
    pub text: Option<RawText>,
    /// Source id.
    #[schemars(with = "String")]
    pub source: S<String>,
}

/// A target for one year.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The year the target is for.
    #[schemars(with = "i64")]
    pub year: S<i64>,
    /// An absolute number.
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub value: Option<S<f64>>,
    /// Denominator for shares.
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub of: Option<S<f64>>,
    /// A change relative to the baseline, in percent ("øke med 12 %").
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub change_percent: Option<S<f64>>,
    /// Keep the baseline level ("opprettholde").
    #[serde(default)]
    pub maintain: bool,
    /// The text as published; alone when the target is text only.
    #[serde(default)]
    pub text: Option<RawText>,
    /// Source id.
    #[schemars(with = "String")]
    pub source: S<String>,
}

/// A measured value.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Value {
    /// When.
    #[schemars(with = "PeriodText")]
    pub period: S<PeriodText>,
    /// The number.
    #[schemars(with = "f64")]
    pub value: S<f64>,
    /// Denominator for shares.
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub of: Option<S<f64>>,
    /// The text as published.
    #[serde(default)]
    pub text: Option<String>,
    /// Breakdown (per health region, per category).
    #[serde(default)]
    pub breakdown: Vec<Part>,
    /// Source id.
    #[schemars(with = "String")]
    pub source: S<String>,
}

/// One part of a breakdown.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Region or category.
    #[schemars(with = "String")]
    pub label: S<String>,
    /// The number.
    #[schemars(with = "f64")]
    pub value: S<f64>,
}

/// The ambition towards the horizon.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ambition {
    /// By when.
    #[serde(default)]
    #[schemars(with = "Option<PeriodText>")]
    pub period: Option<S<PeriodText>>,
    /// The number, if any.
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub value: Option<S<f64>>,
    /// The text as proposed.
    pub text: RawText,
    /// Source id.
    #[schemars(with = "String")]
    pub source: S<String>,
}
