//! The parts of a labels table: how a language writes numbers and periods, and the names of
//! units, indicator types, frequencies, progress classes and initiative statuses.

use serde::Serialize;

/// How a language writes numbers. Patterns hold the number as `{n}`.
#[derive(Debug, Clone, Serialize)]
pub struct NumberFormat {
    /// Decimal separator (`,` or `.`).
    pub decimal: &'static str,
    /// Thousands separator (a no-break space, or `,`).
    pub thousands: &'static str,
    /// The fewest digits before the decimal separator that are grouped (Norwegian: 5, so
    /// `2898` but `124 453`).
    pub group_from: usize,
    /// Minus sign.
    pub minus: &'static str,
    /// What stands for a number that is not one.
    pub not_a_number: &'static str,
    /// A percentage: `{n} %`.
    pub percent: &'static str,
    /// Millions: `{n} mill.`.
    pub millions: &'static str,
    /// Days: `{n} dager`.
    pub days: &'static str,
}

/// How a language writes periods and dates.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodForms {
    /// A quarter, with `{q}` and `{year}`: `2. kvartal 2026`, `Q2 2026`.
    pub quarter: &'static str,
    /// A month, with `{month}` (its name) and `{year}`: `november 2022`.
    pub month: &'static str,
    /// A day, with `{day}`, `{month}` (its name) and `{year}`: `13. desember 2023`.
    pub date: &'static str,
    /// A range, with `{from}` and `{to}`: `september 2021–august 2022`.
    pub range: &'static str,
}

/// Names of the units of a measure, as in the "unit" column.
#[derive(Debug, Clone, Serialize)]
pub struct UnitNames {
    /// Percent.
    pub percent: &'static str,
    /// A count.
    pub count: &'static str,
    /// A share `n/m`.
    pub share: &'static str,
    /// Millions.
    pub millions: &'static str,
    /// Days.
    pub days: &'static str,
    /// Text, no number.
    pub text: &'static str,
}

/// Names of the types of indicator.
#[derive(Debug, Clone, Serialize)]
pub struct KindNames {
    /// Adoption.
    pub adoption: &'static str,
    /// Use.
    pub usage: &'static str,
    /// Perceived result.
    pub perceived_result: &'static str,
    /// Result.
    pub result: &'static str,
    /// Effect.
    pub effect: &'static str,
    /// Statistic.
    pub statistic: &'static str,
}

/// Names of update frequencies, as printed on an indicator page.
#[derive(Debug, Clone, Serialize)]
pub struct FrequencyNames {
    /// Yearly.
    pub yearly: &'static str,
    /// Quarterly.
    pub quarterly: &'static str,
    /// Continuous.
    pub continuous: &'static str,
}

/// Why a measure has no class, as printed in its place.
#[derive(Debug, Clone, Serialize)]
pub struct NoClassNames {
    /// The values are an illustration.
    pub illustrative: &'static str,
    /// No measured value.
    pub no_values: &'static str,
    /// No baseline number.
    pub no_baseline: &'static str,
    /// The baseline has no period.
    pub no_baseline_period: &'static str,
    /// No value after the baseline.
    pub no_value_after_baseline: &'static str,
    /// The baseline is zero.
    pub zero_baseline: &'static str,
    /// A number below zero.
    pub negative_number: &'static str,
    /// The target lies no later than the baseline.
    pub target_not_after_baseline: &'static str,
    /// No finite rates.
    pub not_computable: &'static str,
    /// No numeric target and fewer than two values.
    pub too_few_values: &'static str,
}

/// Names of progress classes: against a target, and, without one, the direction of change.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressNames {
    /// The target is reached.
    pub reached: &'static str,
    /// On track to reach the target in time.
    pub on_track: &'static str,
    /// Moving towards the target, too slowly.
    pub moderate: &'static str,
    /// Moving towards the target, far too slowly.
    pub insufficient: &'static str,
    /// Moving away from the target.
    pub wrong_direction: &'static str,
    /// No target: getting better.
    pub improving: &'static str,
    /// No target: unchanged.
    pub stable: &'static str,
    /// No target: getting worse.
    pub worsening: &'static str,
}

/// A level of the built-in initiative status scale: its name and what it means.
#[derive(Debug, Clone, Serialize)]
pub struct LevelWords {
    /// The name printed: `på plan`.
    pub name: &'static str,
    /// What it means, printed with the scale.
    pub definition: &'static str,
}

/// The built-in initiative status scale.
#[derive(Debug, Clone, Serialize)]
pub struct InitiativeStatusNames {
    /// Completed.
    pub completed: LevelWords,
    /// On plan.
    pub on_plan: LevelWords,
    /// At risk.
    pub at_risk: LevelWords,
    /// Delayed.
    pub delayed: LevelWords,
    /// Stopped.
    pub stopped: LevelWords,
}

/// How an initiative's status moved since the previous quarter that gave one.
#[derive(Debug, Clone, Serialize)]
pub struct MovementNames {
    /// Up the scale: `↑ bedre`.
    pub better: &'static str,
    /// Down the scale: `↓ verre`.
    pub worse: &'static str,
    /// The same level: `→ uendret`.
    pub same: &'static str,
    /// No earlier status: `ny`.
    pub new: &'static str,
}

/// The method appendix: how a class is drawn, and the numbers behind each.
#[derive(Debug, Clone, Serialize)]
pub struct MethodWords {
    /// Heading of the appendix: `Metode: framdrift mot måltall`.
    pub heading: &'static str,
    /// Heading of the section on an indicator page.
    pub indicator_heading: &'static str,
    /// The deck's one line in place of the method: where it is explained.
    pub where_explained: &'static str,
    /// What the method is and that the numbers let a reader recompute each class.
    pub intro: &'static str,
    /// The rates and their ratio.
    pub rates: &'static str,
    /// How time is counted, which target is used, relative targets and shares.
    pub time: &'static str,
    /// Introduces the classes, with `{origin}`: where the thresholds come from.
    pub classes: &'static str,
    /// Thresholds as the method sets them.
    pub default_thresholds: &'static str,
    /// Thresholds set in `strategy.yaml`.
    pub own_thresholds: &'static str,
    /// When the target is reached.
    pub reached: &'static str,
    /// On track, with `{on_track}`.
    pub on_track: &'static str,
    /// Moderate, with `{moderate}` and `{on_track}`.
    pub moderate: &'static str,
    /// Insufficient, with `{moderate}`.
    pub insufficient: &'static str,
    /// The wrong direction.
    pub wrong_direction: &'static str,
    /// The trend of a measure without a numeric target.
    pub trend: &'static str,
    /// When there is no class.
    pub no_class: &'static str,
    /// What "new since the previous quarter" and "class changed" mean, and how a change
    /// since the previous value is given.
    pub changes: &'static str,
    /// The quarter the numbers stand at: `Tallene er slik de var rapportert ved utgangen av {quarter}.`
    pub as_of: &'static str,
    /// Caption of the table of numbers behind the classes.
    pub table_caption: &'static str,
    /// Heading of the column of the target used.
    pub target_used: &'static str,
    /// Heading of the column of the rates.
    pub rates_column: &'static str,
    /// A value with its period and time: `{value} ({period}; t = {t})`.
    pub point: &'static str,
    /// The rates: `r_obs = {observed}; r_req = {required}; R = {ratio}`.
    pub rates_values: &'static str,
    /// A trend's change: `endring {change} av forrige måling; toleranse ±{tolerance}`.
    pub trend_values: &'static str,
    /// The measures the PDFs' table leaves out for having no class, with `{list}` (each
    /// group of names with why).
    pub unclassed: &'static str,
    /// In place of [`MethodWords::unclassed`] when no measure has a class, with `{list}`.
    pub unclassed_all: &'static str,
}

/// The overview of every goal ("Samlet status") and its history across quarters.
#[derive(Debug, Clone, Serialize)]
pub struct OverviewWords {
    /// Heading: `Samlet status`.
    pub heading: &'static str,
    /// When the overview stands, with `{quarter}`.
    pub as_of: &'static str,
    /// A goal's counts, with `{n}` measures and the `{list}` of classes.
    pub counts: &'static str,
    /// One class's count in the list: `{class}: {n}`.
    pub count: &'static str,
    /// What the symbols mean, with `{list}`.
    pub symbols: &'static str,
    /// Caption of a goal's table of measures, with `{n}`.
    pub measures_caption: &'static str,
    /// Heading of the column of sparklines.
    pub trend_column: &'static str,
    /// Caption of a goal's table of sub-goals, with `{n}`.
    pub sub_goals_caption: &'static str,
    /// Heading of the column of a sub-goal's status.
    pub status_column: &'static str,
    /// Heading of the column of a sub-goal's movement since last quarter.
    pub movement_column: &'static str,
    /// A sparkline's alt text, with `{measure}` and `{values}`.
    pub sparkline_alt: &'static str,
    /// In place of a goal's measures when it selects none.
    pub no_measures: &'static str,
    /// The selected sub-goals the quarter's status gives no status for, as one line:
    /// "Delmål uten status oppgitt: {list}".
    pub no_status_list: &'static str,
    /// Heading of the history across quarters.
    pub history_heading: &'static str,
    /// Caption of a goal's history table, with `{n}`.
    pub history_caption: &'static str,
    /// Heading of the history's first column.
    pub history_what: &'static str,
    /// What the history's cells and marks mean.
    pub history_note: &'static str,
}

/// What changed since the previous quarter, and the tiles of a goal's selected indicators.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeWords {
    /// Heading: `Endringer siden forrige kvartal`.
    pub heading: &'static str,
    /// What the page compares with: `Sammenlignet med {quarter}.`
    pub compared: &'static str,
    /// In place of the changes when the archive holds no earlier quarter with a status.
    pub first: &'static str,
    /// In place of the changes when nothing changed, with `{quarter}`.
    pub nothing: &'static str,
    /// Heading of the measures with new values.
    pub new_values: &'static str,
    /// Heading of the column of new values in the table of changes.
    pub new_value: &'static str,
    /// Heading of the column of sub-goals in the table of moved statuses.
    pub sub_goal: &'static str,
    /// Heading of the column of statuses now, with their movement.
    pub status_now: &'static str,
    /// Heading of the column of previous statuses.
    pub previous_column: &'static str,
    /// Heading of the sub-goals whose status moved.
    pub statuses: &'static str,
    /// A class that changed: `{before} → {now}`.
    pub class_move: &'static str,
    /// The verdict "no class", short.
    pub no_class: &'static str,
    /// Heading of the tiles of the selected indicators.
    pub tiles: &'static str,
    /// Before the change since the previous value.
    pub since_previous: &'static str,
    /// A change in percentage points, with `{n}`.
    pub points: &'static str,
    /// A rise, with `{n}`: `+{n}`.
    pub rise: &'static str,
    /// An amount with its percent: `{amount} ({percent})`.
    pub amount_percent: &'static str,
    /// In place of the change when there is no earlier value.
    pub no_previous_value: &'static str,
    /// Before the target used.
    pub target: &'static str,
    /// In place of a target when the measure has no numeric one.
    pub no_target: &'static str,
    /// The selected measures without any figure, in place of their tiles, with `{list}`:
    /// `Uten måling ennå: {list}`.
    pub unmeasured: &'static str,
}

/// The words of charts beyond their first version, of the data tables behind them and of the
/// fact cards that stand in for charts with fewer than two points.
#[derive(Debug, Clone, Serialize)]
pub struct ChartWords {
    /// Legend of the baseline.
    pub legend_baseline: &'static str,
    /// Legend of the thin line from the baseline to the targets.
    pub legend_path: &'static str,
    /// Legend of the projection at the observed rate: `illustrert framskrivning`.
    pub legend_projection: &'static str,
    /// Alt text and table rows of the baseline.
    pub baseline: &'static str,
    /// Alt text and table rows of the projection.
    pub projection: &'static str,
    /// Alt text of the projection's rate, with `{rate}`: `med målt årlig vekst ({rate})`.
    pub projection_rate: &'static str,
    /// Alt text of the line from the baseline to the targets.
    pub path: &'static str,
    /// A quarter's tick on a chart's x axis, with `{q}`: `K3`.
    pub quarter_tick: &'static str,
    /// Caption of the data table behind a chart, with `{title}`.
    pub table_caption: &'static str,
    /// What opens the data table on a web page.
    pub table_summary: &'static str,
    /// Heading of the data table's series column.
    pub series: &'static str,
    /// Accessible name of a measure's fact card, with `{measure}`.
    pub card: &'static str,
    /// The title of a measure's breakdown chart, with `{title}`: `{title}: fordeling`.
    pub breakdown_title: &'static str,
    /// Alt text of a breakdown whose parts are stacked.
    pub breakdown_stacked: &'static str,
    /// Alt text of a breakdown whose parts stand side by side.
    pub breakdown_side_by_side: &'static str,
    /// Heading of a breakdown table's column of parts.
    pub part: &'static str,
}

/// The words of the open data: the dimensions and categories of the JSON-stat datasets, and
/// the lines that say what each download is for.
#[derive(Debug, Clone, Serialize)]
pub struct OpenDataWords {
    /// The indicator dimension.
    pub indicator: &'static str,
    /// The measure dimension.
    pub measure: &'static str,
    /// What a value is (measured, baseline, target, ambition).
    pub value_kind: &'static str,
    /// The period dimension.
    pub period: &'static str,
    /// The part of a broken-down value.
    pub part: &'static str,
    /// The whole of a broken-down value.
    pub whole: &'static str,
    /// A measured value.
    pub measured: &'static str,
    /// An illustrative value, not measured.
    pub illustration: &'static str,
    /// A baseline.
    pub baseline: &'static str,
    /// A target.
    pub target: &'static str,
    /// The ambition.
    pub ambition: &'static str,
    /// Before a value's source: `Kilde: {source}`.
    pub source: &'static str,
    /// The whole set's title: `Alle indikatorer i {strategy}`.
    pub set_title: &'static str,
    /// The whole set's description.
    pub set_description: &'static str,
    /// The heading of the downloads.
    pub downloads: &'static str,
    /// What the JSON-stat file is for.
    pub jsonstat: &'static str,
    /// What the CSV file is for.
    pub csv: &'static str,
    /// What the CSV's metadata is for.
    pub csvw: &'static str,
    /// What the indicator's definition file is for.
    pub definition: &'static str,
    /// The licence of the data: `Lisens: {licence}`.
    pub licence: &'static str,
    /// The licence when the content names none.
    pub no_licence: &'static str,
    /// What the whole set is for, after its title on the front page.
    pub set_for: &'static str,
    /// What the DCAT-AP-NO catalogue is for, on the front page.
    pub catalog: &'static str,
    /// The catalogue's title: `Åpne data fra {strategy}`.
    pub catalog_title: &'static str,
    /// The catalogue's description.
    pub catalog_description: &'static str,
    /// The keyword every dataset of the catalogue has beside the strategy's title.
    pub keyword: &'static str,
}
