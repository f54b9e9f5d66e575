//! Labels: every fixed word a reader sees, one table per language, and the formatting of
//! numbers, dates and periods the way that language writes them.
//!
//! In: a [`Lang`], and values from the model and the analysis. Out: text. The tables are
//! Rust constants ([`nb`], [`nn`], [`en`]) of one struct, [`Labels`], so a key missing in any
//! language is a compile error of the tool. Templates receive the table as `l`; a misspelled
//! key there is a render error (minijinja's undefined behaviour is strict). Words with values
//! in them are patterns with named placeholders (`"Mål {n}: {title}"`), filled by [`fill`] in
//! Rust and by the `fill` filter in templates, so each language orders its words itself.
//! [`format`] writes numbers, percentages, dates, periods and quantities.

pub mod en;
pub mod format;
pub mod nb;
pub mod nn;
mod roadmap;
mod tables;

use serde::Serialize;

use crate::analyse::initiatives::Movement;
use crate::analyse::{Class, NoClass, ProgressClass, TrendClass};
use crate::model::{DefaultLevel, Frequency, IndicatorType, Unit};
pub use roadmap::RoadmapWords;
pub use tables::*;

/// A language documents are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// Norwegian bokmål.
    Nb,
    /// Norwegian nynorsk.
    Nn,
    /// English.
    En,
}

impl Lang {
    /// Every language the tool has labels for.
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    /// The BCP-47 code: `nb`, `nn`, `en`.
    pub fn code(self) -> &'static str {
        self.labels().lang
    }

    /// The language with this code, if the tool has labels for it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The labels table of the language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::Nb => &nb::NB,
            Lang::Nn => &nn::NN,
            Lang::En => &en::EN,
        }
    }
}

/// Every fixed word of the documents in one language. Patterns name their placeholders in
/// braces; every language's pattern has the same placeholders as bokmål's (a test checks).
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    /// BCP-47 code of the language: `nb`.
    pub lang: &'static str,
    /// Region for typst's typography: `NO`.
    pub region: &'static str,
    /// Numbers.
    pub number: NumberFormat,
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// Periods and dates.
    pub period: PeriodForms,
    /// Units.
    pub units: UnitNames,
    /// Indicator types.
    pub kinds: KindNames,
    /// Update frequencies.
    pub frequencies: FrequencyNames,
    /// Why a measure has no class.
    pub no_class: NoClassNames,
    /// Progress classes.
    pub progress: ProgressNames,
    /// Initiative statuses.
    pub initiative_status: InitiativeStatusNames,
    /// Movements of an initiative's status.
    pub movements: MovementNames,
    /// The method appendix.
    pub method: MethodWords,
    /// Changes since the previous quarter and the tiles of selected indicators.
    pub changes: ChangeWords,
    /// The roadmap's timeline and the indicators computed from it.
    pub timeline: RoadmapWords,
    /// The overview of every goal and its history.
    pub overview: OverviewWords,

    // Shared by every document.
    /// `Mål {n}`.
    pub goal: &'static str,
    /// `Mål {n}: {title}`.
    pub goal_titled: &'static str,
    /// Heading of a table of contents.
    pub contents: &'static str,
    /// `Publisert {date}`, at the start of a line.
    pub published: &'static str,
    /// `publisert {date}`, inside a sentence.
    pub published_inline: &'static str,
    /// Link to a document's PDF from its web page.
    pub download_pdf: &'static str,
    /// "Source", before a source's name.
    pub source: &'static str,
    /// Heading of a measure's baseline.
    pub baseline: &'static str,
    /// Heading of a measure's targets.
    pub targets: &'static str,
    /// Heading of a measure's ambition.
    pub ambition: &'static str,
    /// Heading of the measure column.
    pub measure: &'static str,
    /// Heading of the latest value.
    pub latest: &'static str,
    /// Heading of the assessment from the numbers.
    pub assessment: &'static str,
    /// Heading of the figures of a measure.
    pub figures: &'static str,
    /// Heading of a value.
    pub value: &'static str,
    /// Heading of a proposed ambition.
    pub proposed_ambition: &'static str,
    /// Under a chart whose values are an illustration.
    pub illustrative_note: &'static str,
    /// In place of a chart when the sources give no numbers.
    pub no_chart: &'static str,
    /// Heading of the text about an indicator.
    pub about_indicator: &'static str,
    /// A dated comment: `Kommentar per {date}: {text}`.
    pub comment: &'static str,
    /// A target relative to the baseline: `Øke med {percent}`.
    pub increase_by: &'static str,
    /// A target to keep the baseline level.
    pub maintain: &'static str,

    // The site's frame and front page.
    /// Link that skips to the main content.
    pub skip_to_content: &'static str,
    /// Accessible name of the site navigation.
    pub site_navigation: &'static str,
    /// The site's name in its header.
    pub site_name: &'static str,
    /// The language's name in itself, in the language switch: `Bokmål`.
    pub language_name: &'static str,
    /// Accessible name of the language switch.
    pub language_switch: &'static str,
    /// Title of the front page: `{strategy} – rapporter`.
    pub reports_title: &'static str,
    /// Link to a quarter's whole status as a web page.
    pub whole_status: &'static str,
    /// Link to a deck's PDF.
    pub pdf_deck: &'static str,
    /// Link to a report's PDF.
    pub pdf_report: &'static str,
    /// Link to an edition's PDF.
    pub pdf_edition: &'static str,
    /// Heading of the editions of the annual indicator document.
    pub editions_heading: &'static str,
    /// Heading of the list of every indicator.
    pub indicators_heading: &'static str,

    // Status deck and reports.
    /// Title of a goal's report: `{title} – mål {n}: {goal}`.
    pub report_title: &'static str,
    /// Deck heading of a goal's summary page: `Oppsummering status mål {n}`.
    pub goal_summary: &'static str,
    /// After a heading continued from the page before: "(forts.)".
    pub continued: &'static str,
    /// In place of a goal that the quarter's status leaves out, with `{n}`.
    pub goal_not_reported: &'static str,
    /// Report heading of a goal: `Status mål {n}: {title}`.
    pub goal_status: &'static str,
    /// Heading of the overall status.
    pub overall_status: &'static str,
    /// Heading of the selected indicators and sub-goals.
    pub selected_indicators: &'static str,
    /// Heading of the positive events.
    pub positive_events: &'static str,
    /// Heading of the challenges.
    pub challenges: &'static str,
    /// Heading of the strategic questions.
    pub strategic_questions: &'static str,
    /// Heading of the initiatives of the roadmap.
    pub roadmap: &'static str,
    /// "Owner", before an initiative's owner.
    pub initiative_owner: &'static str,
    /// Link from a status page to the indicator's own page.
    pub indicator_page_link: &'static str,
    /// Caption of an indicator page's figures: `Tall for {title}`.
    pub figures_for: &'static str,
    /// Default assessment heading: `Framdrift mot {year}`.
    pub progress_towards: &'static str,
    /// The deck's heading above an indicator page's assessment: `Vurdering av ambisjon`.
    pub ambition_assessment: &'static str,
    /// Latest value when the sources have none.
    pub no_measurement: &'static str,
    /// Latest value of an illustration: `{value} ({period}, illustrasjon)`.
    pub latest_illustrative: &'static str,
    /// Heading of the initiative status scale.
    pub status_scale: &'static str,
    /// "Previous", before an initiative's previous status.
    pub previous: &'static str,
    /// An initiative's previous status: `{status} i {quarter}`.
    pub previous_status: &'static str,

    // The annual indicator document.
    /// Heading of a goal's summary.
    pub goal_description_summary: &'static str,
    /// Heading before the indicator table.
    pub description_per_indicator: &'static str,
    /// Caption of a goal's indicator table: `Indikatorer for mål {n}`.
    pub indicators_for_goal: &'static str,
    /// Heading of the number column.
    pub number_column: &'static str,
    /// Heading of the name column.
    pub name_column: &'static str,
    /// Heading of the unit column.
    pub unit_column: &'static str,
    /// Heading of the type column.
    pub kind_column: &'static str,
    /// Heading of the description column.
    pub description_column: &'static str,
    /// Heading of the measurement column.
    pub measurement_column: &'static str,
    /// Heading of a target year's column: `Måltall {year}`.
    pub target_year: &'static str,
    /// Heading of the candidates for new indicators.
    pub candidates: &'static str,

    // Indicator pages.
    /// Kicker of an indicator page: `Indikator {id}`.
    pub indicator_id: &'static str,
    /// "Download", before the data files.
    pub download: &'static str,
    /// Heading of how an indicator is measured.
    pub how_measured: &'static str,
    /// Heading of the update frequency.
    pub update: &'static str,
    /// Caption of the table of measured values.
    pub measured_values: &'static str,
    /// Added to that caption for an illustration.
    pub not_measurements: &'static str,
    /// Heading of the period column.
    pub period_column: &'static str,
    /// In place of the values table when there are none.
    pub no_values: &'static str,
    /// Heading of the history.
    pub history: &'static str,
    /// Caption of the history table.
    pub history_caption: &'static str,
    /// Heading of the history's "when" column.
    pub history_when: &'static str,
    /// Heading of the history's document column.
    pub history_document: &'static str,
    /// Heading of the history's "what" column.
    pub history_what: &'static str,
    /// In place of the history when there is none.
    pub no_history: &'static str,
    /// History note for an indicator page in a status: `Egen side: {title}`.
    pub own_page: &'static str,
    /// The same with a proposed ambition: `Egen side: {title}. Foreslått ambisjon: {ambition}`.
    pub own_page_ambition: &'static str,
    /// History note for an indicator among a status's selected ones.
    pub among_selected: &'static str,
    /// History note for an edition: `Nummer {number}. Måltall: {targets}`.
    pub edition_note: &'static str,
    /// In place of an empty list in a sentence.
    pub none: &'static str,

    // Charts.
    /// Start of a chart's alt text: `Diagram: {title}.`.
    pub chart_alt: &'static str,
    /// Alt text of a chart that draws a share (value ÷ of) in percent.
    pub chart_share_in_percent: &'static str,
    /// Alt text of measured values.
    pub chart_measured: &'static str,
    /// Alt text of illustrative values.
    pub chart_illustrative: &'static str,
    /// Alt text of targets.
    pub chart_targets: &'static str,
    /// Alt text of the ambition: `Ambisjon {when}: {value}`.
    pub chart_ambition: &'static str,
    /// Alt text of a series without numbers.
    pub chart_no_values: &'static str,
    /// Legend of measured values.
    pub legend_measured: &'static str,
    /// Legend of illustrative values.
    pub legend_illustrative: &'static str,
    /// Legend of targets.
    pub legend_targets: &'static str,
    /// Legend of the ambition.
    pub legend_ambition: &'static str,
    /// Baselines, paths, projections and quarters in charts; data tables; fact cards.
    pub charts: ChartWords,
    /// The open data: the JSON-stat datasets' dimensions and the download formats.
    pub open_data: OpenDataWords,
}

impl Labels {
    /// A unit's name, as in the "unit" column.
    pub fn unit(&self, unit: Unit) -> &'static str {
        let u = &self.units;
        match unit {
            Unit::Percent => u.percent,
            Unit::Count => u.count,
            Unit::Share => u.share,
            Unit::Millions => u.millions,
            Unit::Days => u.days,
            Unit::Text => u.text,
        }
    }

    /// An indicator type's name.
    pub fn kind(&self, kind: IndicatorType) -> &'static str {
        let k = &self.kinds;
        match kind {
            IndicatorType::Adoption => k.adoption,
            IndicatorType::Use => k.usage,
            IndicatorType::PerceivedResult => k.perceived_result,
            IndicatorType::Result => k.result,
            IndicatorType::Effect => k.effect,
            IndicatorType::Statistic => k.statistic,
        }
    }

    /// An update frequency, as printed on an indicator page.
    pub fn frequency(&self, frequency: Frequency) -> &'static str {
        let f = &self.frequencies;
        match frequency {
            Frequency::Yearly => f.yearly,
            Frequency::Quarterly => f.quarterly,
            Frequency::Continuous => f.continuous,
        }
    }

    /// A level of the built-in initiative status scale.
    pub fn level(&self, level: DefaultLevel) -> &LevelWords {
        let s = &self.initiative_status;
        match level {
            DefaultLevel::Completed => &s.completed,
            DefaultLevel::OnTrack => &s.on_plan,
            DefaultLevel::AtRisk => &s.at_risk,
            DefaultLevel::Delayed => &s.delayed,
            DefaultLevel::Stopped => &s.stopped,
        }
    }

    /// How an initiative's status moved.
    pub fn movement(&self, movement: Movement) -> &'static str {
        let m = &self.movements;
        match movement {
            Movement::Better => m.better,
            Movement::Worse => m.worse,
            Movement::Same => m.same,
            Movement::New => m.new,
        }
    }

    /// A measure's class, or why it has none.
    pub fn class(&self, class: Result<Class, NoClass>) -> &'static str {
        let (p, n) = (&self.progress, &self.no_class);
        match class {
            Ok(Class::Progress(c)) => match c {
                ProgressClass::Achieved => p.reached,
                ProgressClass::OnTrack => p.on_track,
                ProgressClass::Moderate => p.moderate,
                ProgressClass::Insufficient => p.insufficient,
                ProgressClass::WrongDirection => p.wrong_direction,
            },
            Ok(Class::Trend(c)) => match c {
                TrendClass::Improving => p.improving,
                TrendClass::Stable => p.stable,
                TrendClass::Worsening => p.worsening,
            },
            Err(reason) => match reason {
                NoClass::Illustrative => n.illustrative,
                NoClass::NoValues => n.no_values,
                NoClass::NoBaseline => n.no_baseline,
                NoClass::NoBaselinePeriod => n.no_baseline_period,
                NoClass::NoValueAfterBaseline => n.no_value_after_baseline,
                NoClass::ZeroBaseline => n.zero_baseline,
                NoClass::NegativeNumber => n.negative_number,
                NoClass::TargetNotAfterBaseline => n.target_not_after_baseline,
                NoClass::NotComputable => n.not_computable,
                NoClass::TooFewValues => n.too_few_values,
            },
        }
    }
}

/// Fills a pattern's `{name}` placeholders with the values of `args`; a placeholder with no
/// value stays as written. Values are never scanned, so a `{` in content stays as it is.
pub fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| Some((close, args.iter().find(|(k, _)| *k == &after[..close])?)))
        {
            Some((close, (_, value))) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of the placeholders of a pattern, in order.
pub fn placeholders(pattern: &str) -> Vec<&str> {
    pattern
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_placeholders_once() {
        assert_eq!(
            fill("Mål {n}: {title}", &[("title", "{n} x"), ("n", "3")]),
            "Mål 3: {n} x"
        );
        assert_eq!(fill("{missing} {", &[]), "{missing} {");
    }

    /// Every string of a table, keyed by its path (`units.count`, `months.0`).
    fn strings(l: &Labels) -> Vec<(String, String)> {
        fn walk(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
            match v {
                serde_json::Value::String(s) => out.push((prefix.to_owned(), s.clone())),
                serde_json::Value::Object(m) => {
                    for (k, v) in m {
                        walk(&format!("{prefix}.{k}"), v, out);
                    }
                }
                serde_json::Value::Array(a) => {
                    for (i, v) in a.iter().enumerate() {
                        walk(&format!("{prefix}.{i}"), v, out);
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(
            "",
            &serde_json::to_value(l).expect("labels serialise"),
            &mut out,
        );
        out
    }

    #[test]
    fn every_language_fills_the_same_placeholders() {
        let nb = strings(Lang::Nb.labels());
        for lang in Lang::ALL {
            let other = strings(lang.labels());
            assert_eq!(other.len(), nb.len());
            for ((key, a), (_, b)) in nb.iter().zip(&other) {
                let mut pa = placeholders(a);
                let mut pb = placeholders(b);
                pa.sort();
                pb.sort();
                assert_eq!(pa, pb, "{key} in {}: {b:?}", lang.code());
                assert!(!b.is_empty(), "{key} is empty in {}", lang.code());
            }
        }
    }

    #[test]
    fn codes_are_bcp47() {
        let codes: Vec<_> = Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["nb", "nn", "en"]);
    }
}
