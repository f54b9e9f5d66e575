//! Raw initiative and quarterly status files.

use super::*;

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
    /// The version of the roadmap it belongs to (an id in `roadmaps:` in `strategy.yaml`); the
    /// latest when left out.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub roadmap_version: Option<S<String>>,
    /// Title ("Navn på initiativ" / the roadmap sub-goal).
    pub title: RawText,
    /// What it covers.
    #[serde(default)]
    pub description: Option<RawText>,
    /// Why it matters for the strategy.
    #[serde(default)]
    pub relevance: Option<RawText>,
    /// How its status is gathered.
    #[serde(default)]
    pub status_source: Option<RawText>,
    /// Who owns it ("Tiltakseier").
    #[serde(default)]
    pub owner: Option<String>,
    /// Status per quarter.
    #[serde(default)]
    pub statuses: Vec<InitiativeStatus>,
    /// The planned period, when the sources give one; without it the timeline shows no bar
    /// and says so.
    #[serde(default)]
    pub planned: Option<Planned>,
    /// The deliveries, each with its phase and planned period.
    #[serde(default)]
    pub deliveries: Vec<Delivery>,
    /// Source id.
    #[schemars(with = "String")]
    pub source: S<String>,
}

/// An initiative's status in one quarter.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InitiativeStatus {
    /// `2026-Q2`.
    #[schemars(with = "written::QuarterText")]
    pub quarter: S<PeriodText>,
    /// The status.
    #[expect(
        dead_code,
        reason = "the file format has it; the status printed comes from the quarter's file"
    )]
    pub text: RawText,
}

/// `content/status/<quarter>.yaml`: the status of every goal in one quarter.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// `2026-Q2`.
    #[schemars(with = "written::QuarterText")]
    pub quarter: S<PeriodText>,
    /// Title of the deck.
    pub title: RawText,
    /// Subtitle of the deck.
    #[serde(default)]
    pub subtitle: Option<RawText>,
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
    /// True to open each goal in the deck with a divider page holding its title and summary;
    /// by default the goal's number and title head its summary page.
    #[serde(default)]
    pub dividers: bool,
    /// The version of the roadmap this status follows (an id in `roadmaps:` in
    /// `strategy.yaml`): its sub-goals are the ones `selected:` and `roadmap:` name. The latest
    /// when left out.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub roadmap_version: Option<S<String>>,
    /// One entry per goal.
    pub goals: Vec<GoalStatus>,
    /// This quarter's report on the roadmap: per sub-goal (and its deliveries) the status, a
    /// comment, and the expected or actual end.
    #[serde(default)]
    pub roadmap: Vec<SubGoalReport>,
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
    #[schemars(with = "Vec<Item>")]
    pub overall: Vec<S<Item>>,
    /// Selected indicators and sub-goals ("Utvalgte indikatorer og strategiske delmål").
    #[serde(default)]
    #[schemars(with = "Vec<Selected>")]
    pub selected: Vec<S<Selected>>,
    /// Positive events ("Positive hendelser").
    #[serde(default)]
    #[schemars(with = "Vec<Item>")]
    pub positive: Vec<S<Item>>,
    /// Challenges ("Utfordringer").
    #[serde(default)]
    #[schemars(with = "Vec<Item>")]
    pub challenges: Vec<S<Item>>,
    /// Strategic questions ("Viktige strategiske spørsmål").
    #[serde(default)]
    #[schemars(with = "Vec<Item>")]
    pub questions: Vec<S<Item>>,
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
    pub label: Option<RawText>,
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
    pub text: Option<RawText>,
    /// Sub-items.
    #[serde(default)]
    pub items: Vec<RawText>,
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
    pub title: RawText,
    /// Heading of the "about" box.
    #[serde(default)]
    pub about_heading: Option<RawText>,
    /// About the indicator.
    pub about: RawText,
    /// Heading of the assessment ("Framdrift mot 2030").
    #[serde(default)]
    pub assessment_heading: Option<RawText>,
    /// Assessment of the ambition.
    #[serde(default)]
    pub assessment: Option<RawText>,
    /// Proposed ambition, as published.
    #[serde(default)]
    pub proposed_ambition: Option<RawText>,
    /// Chart caption, e.g. "Per januar 2026".
    #[serde(default)]
    pub chart_caption: Option<RawText>,
    /// Further notes on the page.
    #[serde(default)]
    pub notes: Vec<Footnote>,
}
