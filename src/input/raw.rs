//! Raw input types: the YAML files under `content/` exactly as written, with source spans.
//!
//! Nothing here is checked beyond what serde checks (field names, value types). The
//! `validate` stage turns these into the model in `model.rs`; only the model travels further.
//! The file format is documented field by field in `docs/content-format.md`.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::schema;
use crate::diagnostics::Pos;

/// A value with the place it was written, for diagnostics.
pub type S<T> = Spanned<T>;

/// A period or date as written: `2021`, `2026-Q2`, `2026-01`, `2023-10-01`, or a range
/// `2021-09/2022-08`. YAML reads `2021` as a number, so both forms are accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodText(pub String);

impl<'de> Deserialize<'de> for PeriodText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = PeriodText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "a period such as 2021, 2026-Q2, 2026-01, 2023-10-01 or 2021-09/2022-08",
                )
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PeriodText, E> {
                Ok(PeriodText(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PeriodText, E> {
                Ok(PeriodText(v.to_string()))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PeriodText, E> {
                Ok(PeriodText(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}

/// `content/strategy.yaml`: the strategy as a whole.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// Title, e.g. "Nasjonal e-helsestrategi".
    pub title: String,
    /// Subtitle, e.g. "for helse- og omsorgssektoren".
    #[serde(default)]
    pub subtitle: Option<String>,
    /// The vision in one sentence.
    pub vision: String,
    /// The year the strategy looks towards (2030).
    #[schemars(with = "i64")]
    pub horizon: S<i64>,
    /// Who publishes the reports.
    pub publisher: String,
    /// Source id for the strategy text.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<S<String>>,
    /// Where the progress classes begin, when not Statistics Canada's 0.95 and 0.60.
    #[serde(default)]
    #[schemars(with = "Option<ProgressThresholds>")]
    pub progress_thresholds: Option<S<ProgressThresholds>>,
    /// The scale roadmap sub-goals' statuses are given on, best first; the default scale
    /// (fullført, på plan, risiko, forsinket, stoppet) when left out.
    #[serde(default)]
    pub initiative_scale: Vec<ScaleLevel>,
}

/// `progress_thresholds` in `strategy.yaml`: lower bounds of the ratio `R` of observed to
/// required growth.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgressThresholds {
    /// "I rute" from this `R` on (default 0.95).
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub on_track: Option<S<f64>>,
    /// "Moderat fremgang" from this `R` on (default 0.60).
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub moderate: Option<S<f64>>,
}

/// One level of the initiative status scale.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    /// What a status file writes, e.g. `forsinket`.
    #[schemars(with = "String")]
    pub id: S<String>,
    /// The name printed; the id when left out.
    #[serde(default)]
    pub name: Option<String>,
    /// What the level means, printed with the scale in the reports.
    pub definition: String,
}

/// `content/sources.yaml`: the documents figures are taken from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sources {
    /// Every source document.
    pub sources: Vec<Source>,
}

/// One source document.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short id used in `source:` fields, e.g. `indikatorer-2024`.
    #[schemars(with = "String")]
    pub id: S<String>,
    /// Title as published.
    pub title: String,
    /// Publisher.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Publication date or period.
    #[serde(default)]
    #[schemars(with = "Option<PeriodText>")]
    pub date: Option<S<PeriodText>>,
    /// Where it can be read (`https://…`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<S<String>>,
}

/// `content/goals/mal-N.yaml`: one strategic goal.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// 1 to 5.
    #[schemars(with = "i64")]
    pub number: S<i64>,
    /// Title without "Mål N", e.g. "Enklere arbeidshverdag".
    pub title: String,
    /// Summary of the goal ("Oppsummering av målbeskrivelse").
    pub summary: String,
    /// What is to be achieved by the horizon ("Frem mot 2030 skal vi oppnå").
    #[serde(default)]
    pub aims: Vec<String>,
    /// Source id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<S<String>>,
}

/// A list item: plain text, or text with sub-items.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Item {
    /// Plain text.
    Text(String),
    /// Text with nested items.
    Nested(NestedItem),
}

/// A list item with sub-items.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NestedItem {
    /// The item's own text.
    pub text: String,
    /// Sub-items.
    pub items: Vec<String>,
}

/// A footnote or reference.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// Marker as published (`1`, `*`, `**`).
    #[serde(default)]
    pub mark: Option<String>,
    /// The note.
    pub text: String,
    /// Link (`https://…`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<S<String>>,
}

/// A dated comment on an indicator, e.g. 1.5's comment of October 2023.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    /// When the comment was made.
    #[schemars(with = "PeriodText")]
    pub date: S<PeriodText>,
    /// The comment.
    pub text: String,
    /// Which target year's column it stands in, if any.
    #[serde(default)]
    #[schemars(with = "Option<i64>")]
    pub year: Option<S<i64>>,
}

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
    pub name: String,
    /// Short name for charts and lists.
    #[serde(default)]
    pub short_name: Option<String>,
    /// The number shown on the site, for an indicator whose id is not a number.
    #[serde(default)]
    pub number: Option<String>,
    /// Unit of the measures unless a measure says otherwise.
    #[schemars(with = "schema::Unit")]
    pub unit: S<String>,
    /// The "Målenhet" column as published, when it says more than the unit.
    #[serde(default)]
    pub unit_label: Option<String>,
    /// Indicator type: adopsjon, bruk, opplevd resultat, resultat, effekt, statistikk.
    #[serde(rename = "type")]
    #[schemars(with = "schema::IndicatorType")]
    pub kind: S<String>,
    /// Description and purpose.
    pub description: String,
    /// How it is measured ("Hvordan gjennomføre måling?").
    #[serde(default)]
    pub measurement: Option<String>,
    /// Where the data comes from, e.g. "SSB/KPR".
    #[serde(default)]
    pub data_source: Option<String>,
    /// Update frequency: årlig, kvartalsvis, løpende.
    #[serde(default)]
    #[schemars(with = "Option<schema::Frequency>")]
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
    pub name: Option<String>,
    /// Unit, when different from the indicator's.
    #[serde(default)]
    #[schemars(with = "Option<schema::Unit>")]
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
    pub text: Option<String>,
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
    pub text: Option<String>,
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
    pub label: String,
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
    pub text: String,
    /// Source id.
    #[schemars(with = "String")]
    pub source: S<String>,
}

/// `content/initiatives/<id>.yaml`: a strategic initiative / roadmap sub-goal.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// `1A`, `2B`, ...
    #[schemars(with = "String")]
    pub id: S<String>,
    /// The goal it serves.
    #[schemars(with = "i64")]
    pub goal: S<i64>,
    /// Title ("Navn på initiativ" / the roadmap sub-goal).
    pub title: String,
    /// What it covers.
    #[serde(default)]
    pub description: Option<String>,
    /// Why it matters for the strategy.
    #[serde(default)]
    pub relevance: Option<String>,
    /// How its status is gathered.
    #[serde(default)]
    pub status_source: Option<String>,
    /// Who owns it ("Tiltakseier").
    #[serde(default)]
    pub owner: Option<String>,
    /// Status per quarter.
    #[serde(default)]
    pub statuses: Vec<InitiativeStatus>,
    /// Source id.
    #[schemars(with = "String")]
    pub source: S<String>,
}

/// An initiative's status in one quarter.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InitiativeStatus {
    /// `2026-Q2`.
    #[schemars(with = "schema::QuarterText")]
    pub quarter: S<PeriodText>,
    /// The status.
    pub text: String,
}

/// `content/status/<quarter>.yaml`: the status of every goal in one quarter.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// `2026-Q2`.
    #[schemars(with = "schema::QuarterText")]
    pub quarter: S<PeriodText>,
    /// Title of the deck.
    pub title: String,
    /// Subtitle of the deck.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// Publication date (`2026-06-30`); the PDFs' creation date. Defaults to the quarter's
    /// last day.
    #[serde(default)]
    #[schemars(with = "Option<PeriodText>")]
    pub date: Option<S<PeriodText>>,
    /// Source id of the published deck.
    #[schemars(with = "String")]
    pub source: S<String>,
    /// Who publishes this status, when not the strategy's publisher.
    #[serde(default)]
    pub publisher: Option<String>,
    /// True while the texts are still to be written: `check` then names every empty section.
    /// `new-quarter` sets it; remove it when the status is written.
    #[serde(default)]
    pub draft: bool,
    /// One entry per goal.
    pub goals: Vec<GoalStatus>,
    /// Where the `goals:` key is, filled in after parsing (serde does not see keys' places);
    /// `None` when it is not written at the start of a line.
    #[serde(skip)]
    pub goals_key: Option<Pos>,
}

/// The status of one goal in a quarter.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalStatus {
    /// Goal number.
    #[schemars(with = "i64")]
    pub goal: S<i64>,
    /// Overall status ("Overordnet status").
    pub overall: Vec<Item>,
    /// Selected indicators and sub-goals ("Utvalgte indikatorer og strategiske delmål").
    #[serde(default)]
    #[schemars(with = "Vec<Selected>")]
    pub selected: Vec<S<Selected>>,
    /// Positive events ("Positive hendelser").
    #[serde(default)]
    pub positive: Vec<Item>,
    /// Challenges ("Utfordringer").
    #[serde(default)]
    pub challenges: Vec<Item>,
    /// Strategic questions ("Viktige strategiske spørsmål").
    #[serde(default)]
    pub questions: Vec<Item>,
    /// Footnotes of the summary page.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// Indicator pages.
    #[serde(default)]
    pub pages: Vec<IndicatorPage>,
}

/// An entry in "selected indicators and sub-goals".
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Selected {
    /// Words before the reference, e.g. "Veikartet delmål".
    #[serde(default)]
    pub label: Option<String>,
    /// Initiative id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub initiative: Option<S<String>>,
    /// Indicator id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub indicator: Option<S<String>>,
    /// Text; for an initiative defaults to its id and title.
    #[serde(default)]
    pub text: Option<String>,
    /// Sub-items.
    #[serde(default)]
    pub items: Vec<String>,
    /// An initiative's status this quarter, a level of the strategy's initiative scale.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub status: Option<S<String>>,
    /// A comment on that status.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub comment: Option<S<String>>,
}

/// A page of its own for an indicator in the deck.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorPage {
    /// Indicator id.
    #[schemars(with = "String")]
    pub indicator: S<String>,
    /// Which measures the chart shows; all when left out.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub measures: Vec<S<String>>,
    /// Page title.
    pub title: String,
    /// Heading of the "about" box.
    #[serde(default)]
    pub about_heading: Option<String>,
    /// About the indicator.
    pub about: String,
    /// Heading of the assessment ("Framdrift mot 2030").
    #[serde(default)]
    pub assessment_heading: Option<String>,
    /// Assessment of the ambition.
    #[serde(default)]
    pub assessment: Option<String>,
    /// Proposed ambition, as published.
    #[serde(default)]
    pub proposed_ambition: Option<String>,
    /// Chart caption, e.g. "Per januar 2026".
    #[serde(default)]
    pub chart_caption: Option<String>,
    /// Further notes on the page.
    #[serde(default)]
    pub notes: Vec<Footnote>,
}

/// `content/editions/<year>.yaml`: one edition of the annual document *Strategiske
/// e-helseindikatorer*. What differs from the indicator files is written here.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// The year the edition is for (`2024`).
    #[schemars(with = "i64")]
    pub edition: S<i64>,
    /// Title as published.
    pub title: String,
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
    pub baseline_heading: String,
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
    pub heading: Option<String>,
    /// Text; paragraphs separated by blank lines.
    pub text: String,
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
    pub summary: Option<String>,
    /// The indicators in table order.
    pub indicators: Vec<EditionIndicator>,
    /// Footnotes under the table.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// Candidates for new indicators.
    #[serde(default)]
    pub candidates: Vec<String>,
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
    pub name: Option<String>,
    /// Description as printed in this edition, when it differs.
    #[serde(default)]
    pub description: Option<String>,
    /// How it is measured, as printed in this edition, when it differs.
    #[serde(default)]
    pub measurement: Option<String>,
    /// The unit column as printed in this edition, when it differs.
    #[serde(default)]
    pub unit_label: Option<String>,
    /// The type as printed in this edition, when it differs.
    #[serde(default, rename = "type")]
    #[schemars(with = "Option<schema::IndicatorType>")]
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
    pub name: Option<String>,
    /// Baseline in this edition.
    #[serde(default)]
    pub baseline: Option<Baseline>,
    /// Targets in this edition; replace the indicator file's when given, `[]` for none.
    #[serde(default)]
    pub targets: Option<Vec<Target>>,
}
