//! The overview of a quarter, "Samlet status": per goal, how many of its selected measures
//! are in each class, a row per measure (latest value, change, target, class, sparkline) and
//! its roadmap sub-goals with their status and movement; with the history across quarters
//! ([`super::history`]) when the archive holds more than one.
//!
//! In: the [`Analysis`] (facts as of the quarter's end, status moves) and the sparklines the
//! chart stage drew. Nothing is computed again here: every number and class is the
//! analysis's, put into words. The deck prints every goal's, a report its goal's, and the
//! site's front page the latest quarter's.

use serde::Serialize;

use super::history::{self, HistoryView};
use super::initiative_status::status_view as initiative_status;
use super::names;
use super::progress::{self, facts_at, without_figure};
use super::reader::Reader;
use super::text::accessible_svg;
use crate::analyse::{Analysis, Class, NoClass, ProgressClass, TrendClass};
use crate::chart::pages::{Charts, selected_measures, sparkline_chart};
use crate::labels::{Labels, fill};
use crate::model::{GoalNumber, GoalStatus, SelectedRef, Status};

/// The overview of a quarter's status, every goal's or one goal's.
#[derive(Debug, Clone, Serialize)]
pub struct OverviewView {
    /// When it stands: `Slik sto målene ved utgangen av 2. kvartal 2026.`
    pub as_of: String,
    /// What each symbol printed means: `Tegn: ● I rute, …`; none when no class is printed.
    pub symbols: Option<String>,
    /// Per goal.
    pub goals: Vec<GoalOverview>,
    /// Whether any goal has a history (the archive holds more than one quarter).
    pub has_history: bool,
}

/// One goal's overview.
#[derive(Debug, Clone, Serialize)]
pub struct GoalOverview {
    /// The goal's number.
    pub number: u8,
    /// `Mål 1: Enklere arbeidshverdag`.
    pub title: String,
    /// The label of its group in the typst table and its anchor on a web page.
    pub label: String,
    /// Its counts in words: `Utvalgte målinger: 3. I rute: 1 · Ingen vurdering: 2.`
    pub counts_text: String,
    /// The bar's parts, in the order of the classes; the text says the same.
    pub bar: Vec<BarPart>,
    /// A row per selected measure with a figure.
    pub measures: Vec<MeasureRow>,
    /// The selected measures without any figure, as one line.
    pub unmeasured: Option<String>,
    /// The caption of its table of measures.
    pub measures_caption: String,
    /// Its roadmap sub-goals with a status.
    pub sub_goals: Vec<SubGoalRow>,
    /// The selected sub-goals the status gives no status for, as one line: "Delmål uten
    /// status oppgitt: 1C, 1D".
    pub no_status: Option<String>,
    /// The caption of its table of sub-goals.
    pub sub_goals_caption: String,
    /// Its history across the archive's quarters, when there is more than one.
    pub history: Option<HistoryView>,
    /// The goal's report's web page, relative to the site's front page.
    pub report_href: String,
}

/// One class's part of a goal's bar.
#[derive(Debug, Clone, Serialize)]
pub struct BarPart {
    /// The class's key, for its colour: `on_track`, `no_class`.
    pub key: &'static str,
    /// Its symbol.
    pub symbol: &'static str,
    /// Its name.
    pub name: String,
    /// How many measures.
    pub count: usize,
    /// Its share of the bar, in percent (a width, not printed).
    pub percent: f64,
}

/// A selected measure in the overview.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureRow {
    /// The indicator's short name, and the measure's when it has several.
    pub measure: String,
    /// The latest value and its period.
    pub latest: String,
    /// The change since the previous value.
    pub change: String,
    /// The target used, with its year.
    pub target: String,
    /// The class, or why there is none.
    pub class: String,
    /// The class's symbol.
    pub symbol: &'static str,
    /// The class's key, for its colour.
    pub key: &'static str,
    /// Its sparkline, when it has two values or more.
    pub sparkline: Option<Sparkline>,
}

/// A sparkline as a row shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Sparkline {
    /// Where typst finds the SVG.
    pub path: String,
    /// The SVG with its accessible name, for inline HTML.
    pub svg: String,
    /// Its alt text, with every value it draws.
    pub alt: String,
}

/// A roadmap sub-goal in the overview.
#[derive(Debug, Clone, Serialize)]
pub struct SubGoalRow {
    /// `1A Tittel`.
    pub sub_goal: String,
    /// Its status this quarter: `på plan`, or that the status gives none.
    pub status: String,
    /// Its movement: `↓ verre`, `ny`; empty without a status.
    pub movement: String,
    /// The previous status and when.
    pub previous: Option<String>,
}

/// A class's key and symbol: the key names its colour, the symbol stands beside its name.
pub fn class_mark(class: Result<Class, NoClass>) -> (&'static str, &'static str) {
    match class {
        Ok(Class::Progress(c)) => match c {
            ProgressClass::Achieved => ("achieved", "◆"),
            ProgressClass::OnTrack => ("on_track", "●"),
            ProgressClass::Moderate => ("moderate", "◐"),
            ProgressClass::Insufficient => ("insufficient", "○"),
            ProgressClass::WrongDirection => ("wrong_direction", "▼"),
        },
        Ok(Class::Trend(c)) => match c {
            TrendClass::Improving => ("improving", "↗"),
            TrendClass::Stable => ("stable", "→"),
            TrendClass::Worsening => ("worsening", "↘"),
        },
        Err(_) => ("no_class", ""),
    }
}

/// Every class in the order the counts and bars give them, with "no class" last.
const ORDER: [&str; 9] = [
    "achieved",
    "on_track",
    "moderate",
    "insufficient",
    "wrong_direction",
    "improving",
    "stable",
    "worsening",
    "no_class",
];

/// The class's name as counted: "no class" in short, whatever its reason.
fn count_name(l: &Labels, class: Result<Class, NoClass>) -> String {
    match class {
        Ok(_) => l.class(class).to_owned(),
        Err(_) => l.changes.no_class.to_owned(),
    }
}

/// The overview of `status`, of every goal or of `goal_filter`'s, as of its quarter.
pub fn overview_view(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    status: &Status,
    goal_filter: Option<GoalNumber>,
    charts: &Charts,
) -> OverviewView {
    let goals: Vec<GoalOverview> = status
        .goals
        .values()
        .filter(|g| goal_filter.is_none_or(|n| n == g.goal))
        .map(|g| goal_overview(l, content, analysis, status, g, charts))
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    let mut symbols: Vec<String> = Vec::new();
    for part in goals.iter().flat_map(|g| &g.bar) {
        if !seen.contains(&part.key) && !part.symbol.is_empty() {
            seen.push(part.key);
            symbols.push(format!("{} {}", part.symbol, part.name));
        }
    }
    OverviewView {
        as_of: fill(l.overview.as_of, &[("quarter", &l.quarter(status.quarter))]),
        symbols: (!symbols.is_empty())
            .then(|| fill(l.overview.symbols, &[("list", &symbols.join(", "))])),
        has_history: goals.iter().any(|g| g.history.is_some()),
        goals,
    }
}

/// One goal's overview.
fn goal_overview(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    status: &Status,
    g: &GoalStatus,
    charts: &Charts,
) -> GoalOverview {
    let quarter = analysis.quarters.get(&status.quarter);
    let mut counts: Vec<(&'static str, &'static str, String, usize)> = Vec::new();
    let mut measures = Vec::new();
    for ind in g.selected.iter().filter_map(|s| match &s.reference {
        SelectedRef::Indicator(id) => content.indicator(id),
        _ => None,
    }) {
        let several = ind.measures.len() > 1;
        for m in selected_measures(g, ind) {
            let f = facts_at(analysis, quarter, ind, m);
            let (key, symbol) = class_mark(f.class);
            match counts.iter_mut().find(|c| c.0 == key) {
                Some(c) => c.3 += 1,
                None => counts.push((key, symbol, count_name(l, f.class), 1)),
            }
            if without_figure(f) {
                continue;
            }
            let short = ind.short_name.as_ref().unwrap_or(&ind.name).to_string();
            let tile = progress::tile_measure(l, ind, m, f);
            let measure = match (&m.name, several) {
                (Some(n), true) => format!("{short} – {n}"),
                _ => short,
            };
            let sparkline = charts
                .get(&sparkline_chart(status.quarter, ind, m))
                .map(|c| Sparkline {
                    path: names::chart_in_typst(&c.id),
                    svg: accessible_svg(&c.svg, &c.description),
                    alt: c.description.clone(),
                });
            measures.push(MeasureRow {
                measure,
                latest: tile.latest,
                change: tile.change.unwrap_or_default(),
                target: tile.target,
                class: tile.class,
                symbol,
                key,
                sparkline,
            });
        }
    }
    counts.sort_by_key(|c| ORDER.iter().position(|k| *k == c.0));
    let total: usize = counts.iter().map(|c| c.3).sum();
    let list: Vec<String> = counts
        .iter()
        .map(|(_, _, name, n)| fill(l.overview.count, &[("class", name), ("n", &n.to_string())]))
        .collect();
    let counts_text = if total == 0 {
        l.overview.no_measures.to_owned()
    } else {
        fill(
            l.overview.counts,
            &[("n", &total.to_string()), ("list", &list.join(" · "))],
        )
    };
    let n = g.goal.to_string();
    let (sub_goals, no_status) = sub_goals(l, content, analysis, status, g);
    GoalOverview {
        number: g.goal.get(),
        title: progress::goal_title(l, content, g.goal),
        label: names::overview_label(g.goal),
        counts_text,
        bar: counts
            .into_iter()
            .map(|(key, symbol, name, count)| BarPart {
                key,
                symbol,
                name,
                count,
                percent: count as f64 * 100.0 / total.max(1) as f64,
            })
            .collect(),
        measures,
        unmeasured: progress::tiles(l, content, analysis, quarter, g).1,
        measures_caption: fill(l.overview.measures_caption, &[("n", &n)]),
        sub_goals,
        no_status,
        sub_goals_caption: fill(l.overview.sub_goals_caption, &[("n", &n)]),
        history: history::goal_history(l, content, analysis, status, g),
        report_href: names::DocId::report(status.quarter, g.goal).html(),
    }
}

/// The goal's selected roadmap sub-goals, each with its status this quarter and movement;
/// those the status gives none for, as one line of their codes (a row each said the same
/// words nine times in the bundled deck).
fn sub_goals(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    status: &Status,
    g: &GoalStatus,
) -> (Vec<SubGoalRow>, Option<String>) {
    let scale = &content.strategy().initiative_scale;
    let mut without = Vec::new();
    let rows = g
        .selected
        .iter()
        .filter_map(|s| match &s.reference {
            SelectedRef::Initiative(id) => Some(id),
            _ => None,
        })
        .filter_map(|id| {
            let title = content
                .initiative(id)
                .map(|i| format!("{id} {}", i.title))
                .unwrap_or_else(|| id.to_string());
            let Some(mv) = analysis.initiatives.get(&(status.quarter, id.clone())) else {
                without.push(id.to_string());
                return None;
            };
            if let Some((before, _)) = mv.previous {
                content.status(before);
            }
            let v = initiative_status(l, scale, mv, None);
            Some(SubGoalRow {
                sub_goal: title,
                status: v.name,
                movement: v.movement_text,
                previous: v.previous,
            })
        })
        .collect();
    let line = (!without.is_empty())
        .then(|| fill(l.overview.no_status_list, &[("list", &without.join(", "))]));
    (rows, line)
}
