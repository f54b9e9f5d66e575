//! The roadmap's words: the timeline's headings and notes, the delay rule, and the
//! computation of indicators 5.2 and 5.3.

use serde::Serialize;

/// The words of the roadmap's timeline and of the indicators computed from it.
#[derive(Debug, Clone, Serialize)]
pub struct RoadmapWords {
    /// The timeline's heading: "Veikart mål {n}".
    pub title: &'static str,
    /// The whole strategy's roadmap page: "Veikart for strategien".
    pub whole: &'static str,
    /// What the table shows, printed under it.
    pub caption: &'static str,
    /// Column heading: the sub-goal or delivery.
    pub item: &'static str,
    /// Column heading: the phase.
    pub phase: &'static str,
    /// Column heading: the planned period.
    pub planned: &'static str,
    /// Column heading: the status.
    pub status: &'static str,
    /// Column heading: the end, when not as planned.
    pub end: &'static str,
    /// A quarter column's heading: "K{q} {year}".
    pub quarter: &'static str,
    /// The document's quarter, read after its column's heading: "(nå)".
    pub now: &'static str,
    /// The phase `utvikling`.
    pub development: &'static str,
    /// The phase `innføring`.
    pub adoption: &'static str,
    /// Quarters late: "+{n} kv.".
    pub late: &'static str,
    /// An expected end: "forventet {when}".
    pub expected: &'static str,
    /// An actual end: "ferdig {when}".
    pub done: &'static str,
    /// A planned period: "{from}–{to}".
    pub span: &'static str,
    /// No dates in the sources: "ingen datoer i kildene".
    pub no_dates: &'static str,
    /// The list of sub-goals without dates: "Uten datoer i kildene (vises uten stolpe): {list}".
    pub without_dates: &'static str,
    /// What the dark bar means, for the sighted reader (the columns say it in words).
    pub legend_plan: &'static str,
    /// What the hatched bar means, when a row has one.
    pub legend_slip: &'static str,
    /// What the marked column means, when there is one.
    pub legend_now: &'static str,
    /// The heading of a version's sub-goals that no timeline shows, for want of dates.
    pub undated: &'static str,
    /// What that list is.
    pub undated_intro: &'static str,
    /// The computation: "{delayed} av {counted} leveranser i {phase} betydelig forsinket ({share})".
    pub computed: &'static str,
    /// Which were delayed: "Forsinket: {list}".
    pub delayed_list: &'static str,
    /// A measure computed from the roadmap that has no deliveries yet.
    pub nothing_to_compute: &'static str,
    /// The rule, stated once: with {n} the tolerance in quarters and {statuses} the statuses.
    pub rule: &'static str,
    /// A computed value's source: "Beregnet fra veikartet i {source}".
    pub source: &'static str,
    /// The roadmap page's opening line, with {quarter}.
    pub page_intro: &'static str,
    /// The front page's link to the roadmap page.
    pub link: &'static str,
    /// The history table's heading.
    pub history: &'static str,
    /// What the history table shows, on the page.
    pub history_caption: &'static str,
    /// Column heading of the history's rows: the sub-goal.
    pub sub_goal: &'static str,
    /// A sub-goal page's kicker: "Delmål {id} i veikartet".
    pub sub_goal_kicker: &'static str,
    /// The heading of why a sub-goal is followed (the plan's "Hvorfor er initiativet relevant
    /// å inkludere i oppfølgingen av strategien?").
    pub relevance: &'static str,
    /// How a sub-goal's status is gathered, as a term.
    pub status_source: &'static str,
    /// The heading of a sub-goal's deliveries.
    pub deliveries: &'static str,
    /// The heading of a sub-goal's reports, quarter by quarter.
    pub reports: &'static str,
    /// A report's comment, as a column heading.
    pub comment: &'static str,
    /// A sub-goal without reports.
    pub no_reports: &'static str,
    /// A sub-goal of a roadmap version no quarter's status has followed.
    pub no_reports_version: &'static str,
    /// A plan given only by its end: "innen {when}".
    pub due: &'static str,
    /// What the mark of a plan without a start means, added to the legend when a row has one.
    pub legend_due: &'static str,
    /// What the table shows when no quarter's status follows its version: the plan as made.
    pub caption_planned: &'static str,
    /// The heading of the current version's timelines on the roadmap page, when there are several: "Gjeldende versjon: {name}".
    pub current: &'static str,
    /// The heading of an earlier version's timelines: "Tidligere versjon: {name}".
    pub earlier: &'static str,
    /// Why versions are kept apart, on the roadmap page when there are several.
    pub versions_intro: &'static str,
    /// A sub-goal page's kicker when the roadmap has named versions: "Delmål {id} i {version}".
    pub sub_goal_kicker_version: &'static str,
    /// A sub-goal's version after its title where rows of several versions meet: "({version})".
    pub in_version: &'static str,
}
