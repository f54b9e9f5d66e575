//! Indicators and their measures: units, types, baselines, targets, values, ambitions.

use std::path::PathBuf;

use serde::Serialize;

use super::{GoalNumber, IndicatorId, MeasureId, Period, SourceId, Text};

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
    /// Every unit, in the order the format lists them.
    pub const ALL: [Unit; 6] = [
        Unit::Percent,
        Unit::Count,
        Unit::Share,
        Unit::Millions,
        Unit::Days,
        Unit::Text,
    ];

    /// The content's word for the unit.
    pub fn word(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Share => "share",
            Unit::Millions => "millions",
            Unit::Days => "days",
            Unit::Text => "text",
        }
    }

    /// Parses the content's word for a unit.
    pub fn parse(s: &str) -> Option<Unit> {
        Self::ALL.into_iter().find(|u| u.word() == s)
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
    /// Every type, in the order the format lists them.
    pub const ALL: [IndicatorType; 6] = [
        Self::Adoption,
        Self::Use,
        Self::PerceivedResult,
        Self::Result,
        Self::Effect,
        Self::Statistic,
    ];

    /// The content's (Norwegian) word for the type.
    pub fn word(self) -> &'static str {
        match self {
            Self::Adoption => "adopsjon",
            Self::Use => "bruk",
            Self::PerceivedResult => "opplevd resultat",
            Self::Result => "resultat",
            Self::Effect => "effekt",
            Self::Statistic => "statistikk",
        }
    }

    /// Parses the Norwegian word.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.word() == s)
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
    /// Every frequency, in the order the format lists them.
    pub const ALL: [Frequency; 3] = [Self::Yearly, Self::Quarterly, Self::Continuous];

    /// The content's (Norwegian) word for the frequency.
    pub fn word(self) -> &'static str {
        match self {
            Self::Yearly => "årlig",
            Self::Quarterly => "kvartalsvis",
            Self::Continuous => "løpende",
        }
    }

    /// Parses the Norwegian word.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.word() == s)
    }
}

/// A footnote.
#[derive(Debug, Clone, Serialize)]
pub struct Footnote {
    /// Marker.
    pub mark: Option<String>,
    /// Text.
    pub text: Text,
    /// Link.
    pub url: Option<String>,
}

/// A dated comment.
#[derive(Debug, Clone)]
pub struct Comment {
    /// When.
    pub date: Period,
    /// Text.
    pub text: Text,
    /// Target year column.
    pub year: Option<i32>,
}

/// A target indicator.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// Id.
    pub id: IndicatorId,
    /// Goal number.
    pub goal: GoalNumber,
    /// Name.
    pub name: Text,
    /// Short name.
    pub short_name: Option<Text>,
    /// Number shown to readers, when the id is not one.
    pub number: Option<String>,
    /// Unit.
    pub unit: Unit,
    /// Unit column as published.
    pub unit_label: Option<Text>,
    /// Type.
    pub kind: IndicatorType,
    /// Description and purpose.
    pub description: Text,
    /// How it is measured.
    pub measurement: Option<Text>,
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
    /// The largest change between the last two values, in percent of the earlier one, that
    /// still counts as stable.
    pub trend_tolerance: f64,
    /// The file it was read from.
    pub path: PathBuf,
}

impl Indicator {
    /// The number readers see: the file's `number:`, else the id when it is a number such as
    /// `2.5.1`; `None` for an id that is a slug such as `pjd-oppslag`.
    pub fn display_number(&self) -> Option<&str> {
        self.number.as_deref().or_else(|| {
            let id: &str = &self.id;
            id.split('.')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
                .then_some(id)
        })
    }

    /// A key that sorts indicators as readers count them: numbered ones by number part by
    /// part (1.2 before 1.10), then the unnumbered ones by name.
    pub fn reading_order(&self) -> (bool, Vec<u64>, String) {
        let number = self.display_number();
        let parts = number
            .map(|n| {
                n.split('.')
                    .map(|p| p.parse().unwrap_or(u64::MAX))
                    .collect()
            })
            .unwrap_or_default();
        (number.is_none(), parts, self.name.to_string())
    }

    /// The measure with this id (`None` id matches a single unnamed measure).
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures
            .iter()
            .find(|m| m.id.as_ref().is_some_and(|m| &**m == id))
    }

    /// The measures with these ids, in that order; all measures when `ids` is empty.
    pub fn select_measures(&self, ids: &[MeasureId]) -> Vec<&Measure> {
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
    pub id: Option<MeasureId>,
    /// Name.
    pub name: Option<Text>,
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
    /// Whether a rise is an improvement: the measure's own word, else the indicator's.
    pub higher_is_better: bool,
    /// The CSV file some values were read from.
    pub values_file: Option<PathBuf>,
    /// The phase whose share of significantly delayed roadmap deliveries gives this measure's
    /// quarterly values (indicators 5.2 and 5.3).
    pub from_roadmap: Option<crate::model::Phase>,
}

/// A baseline.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// Number.
    pub quantity: Option<Quantity>,
    /// When.
    pub period: Option<Period>,
    /// As published.
    pub text: Option<Text>,
    /// Source id.
    pub source: SourceId,
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
    pub text: Option<Text>,
    /// Source id.
    pub source: SourceId,
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
    /// The value broken down (per health region, per category): each part's name and number.
    pub breakdown: Vec<(String, f64)>,
    /// Source id.
    pub source: SourceId,
}

/// The ambition towards the horizon.
#[derive(Debug, Clone)]
pub struct Ambition {
    /// By when.
    pub period: Option<Period>,
    /// Number.
    pub value: Option<f64>,
    /// Text.
    pub text: Text,
    /// Source id.
    pub source: SourceId,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator(id: &str, number: Option<&str>, name: &str) -> Indicator {
        Indicator {
            name: name.into(),
            number: number.map(str::to_owned),
            ..crate::testing::indicator(id)
        }
    }

    #[test]
    fn a_slug_has_no_number_unless_the_file_gives_one() {
        assert_eq!(
            indicator("2.5.1", None, "a").display_number(),
            Some("2.5.1")
        );
        assert_eq!(indicator("pjd-oppslag", None, "a").display_number(), None);
        assert_eq!(
            indicator("pjd-oppslag", Some("S1"), "a").display_number(),
            Some("S1")
        );
        assert_eq!(indicator("1.", None, "a").display_number(), None);
    }

    #[test]
    fn reading_order_counts_numbers_then_names() {
        let mut list = [
            indicator("zeta", None, "Zeta"),
            indicator("1.10", None, "x"),
            indicator("alpha", None, "Alpha"),
            indicator("1.2", None, "y"),
        ];
        list.sort_by_key(Indicator::reading_order);
        let ids: Vec<&str> = list.iter().map(|i| &*i.id).collect();
        assert_eq!(ids, ["1.2", "1.10", "alpha", "zeta"]);
    }
}
