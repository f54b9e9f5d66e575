//! Raw input types: the YAML files under `content/` exactly as written, with source spans.
//!
//! Nothing here is checked beyond what serde checks (field names, value types). The
//! `validate` stage turns these into the model in `model.rs`; only the model travels further.
//! The file format is documented field by field in `docs/content-format.md`.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostics::Pos;

mod edition;
mod indicator;
mod roadmap;
mod status;
mod text;
mod written;

pub use edition::*;
pub use indicator::*;
pub use roadmap::*;
pub use status::*;
pub use text::*;

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
    pub title: RawText,
    /// Subtitle, e.g. "for helse- og omsorgssektoren".
    #[serde(default)]
    pub subtitle: Option<RawText>,
    /// The vision in one sentence.
    pub vision: RawText,
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
    /// The language plain strings are written in (`nb`, `nn` or `en`); `nb` when left out.
    #[serde(default)]
    #[schemars(with = "Option<written::LangCode>")]
    pub language: Option<S<String>>,
    /// The languages documents are published in; only the main language when left out.
    #[serde(default)]
    #[schemars(with = "Vec<written::LangCode>")]
    pub languages: Vec<S<String>>,
    /// Per kind of output, the languages it is published in, when not every one of
    /// `languages`.
    #[serde(default)]
    pub publish: Option<Publish>,
    /// The scale roadmap sub-goals' statuses are given on, best first; the default scale
    /// (fullført, på plan, risiko, forsinket, stoppet) when left out.
    #[serde(default)]
    pub initiative_scale: Vec<ScaleLevel>,
    /// The address the site is published at (`https://…/`): with it, every web page gets a
    /// canonical link, `sitemap.xml`, `robots.txt` and the open data's DCAT-AP-NO catalogue
    /// `catalog.ttl` are written, and the PDFs link to the web pages by their full address.
    /// `build --base-url` sets or overrides it.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub base_url: Option<S<String>>,
    /// The licence the data is published under: `NLOD-2.0`, `CC-BY-4.0`, or the licence's
    /// `https://` address (`https://data.norge.no/nlod/no/2.0`). Every download and its
    /// metadata states it; left out, they state none.
    #[serde(default, alias = "license")]
    #[schemars(with = "Option<String>")]
    pub licence: Option<S<String>>,
    /// When a roadmap delivery counts as significantly delayed (indicators 5.2 and 5.3);
    /// more than one quarter after its first planned end, or stopped, when left out.
    #[serde(default)]
    pub roadmap_delays: Option<DelayRule>,
    /// Where users of the open data reach the publisher: the contact point of every dataset
    /// in the DCAT-AP-NO catalogue (`catalog.ttl`).
    #[serde(default)]
    pub contact: Option<RawContact>,
    /// The versions of the roadmap, oldest first. A sub-goal's file and a quarter's status
    /// name the version they follow (`roadmap_version:`), the last when they name none; a
    /// sub-goal of one version is never merged with one of another that has the same code.
    /// Left out, the roadmap has one version and no name.
    #[serde(default)]
    pub roadmaps: Vec<RawRoadmap>,
}

/// A version of the roadmap, in `roadmaps:` in `strategy.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRoadmap {
    /// A short id, used by `roadmap_version:` and in web addresses (`2023`).
    #[schemars(with = "String")]
    pub id: S<String>,
    /// The name printed where pages show more than one version ("Plan for realisering 2023").
    pub name: RawText,
    /// The document that published it.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<S<String>>,
}

/// `contact` in `strategy.yaml`: an e-mail address, a web address, or both.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    /// An e-mail address (`postmottak@example.no`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub email: Option<S<String>>,
    /// A web address (`https://…`): a contact page, or the publisher's home page.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<S<String>>,
}

/// `publish` in `strategy.yaml`: the languages of each kind of output, each a subset of
/// `languages`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publish {
    /// The quarterly status decks and reports.
    #[serde(default)]
    #[schemars(with = "Option<Vec<written::LangCode>>")]
    pub status: Option<Vec<S<String>>>,
    /// The editions of the annual indicator document.
    #[serde(default)]
    #[schemars(with = "Option<Vec<written::LangCode>>")]
    pub edition: Option<Vec<S<String>>>,
    /// The site: its front page and the indicator pages.
    #[serde(default)]
    #[schemars(with = "Option<Vec<written::LangCode>>")]
    pub site: Option<Vec<S<String>>>,
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
    pub name: Option<RawText>,
    /// What the level means, printed with the scale in the reports.
    pub definition: RawText,
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
    pub title: RawText,
    /// Summary of the goal ("Oppsummering av målbeskrivelse").
    pub summary: RawText,
    /// What is to be achieved by the horizon ("Frem mot 2030 skal vi oppnå").
    #[serde(default)]
    #[expect(dead_code, reason = "the file format has it; no output prints it")]
    pub aims: Vec<RawText>,
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
    Text(RawText),
    /// Text with nested items.
    Nested(NestedItem),
}

/// A list item with sub-items.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NestedItem {
    /// The item's own text.
    pub text: RawText,
    /// Sub-items.
    pub items: Vec<RawText>,
}

/// A footnote or reference.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// Marker as published (`1`, `*`, `**`).
    #[serde(default)]
    pub mark: Option<String>,
    /// The note.
    pub text: RawText,
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
    pub text: RawText,
    /// Which target year's column it stands in, if any.
    #[serde(default)]
    #[schemars(with = "Option<i64>")]
    pub year: Option<S<i64>>,
}
