//! Progress as printed: the tiles of a goal's selected indicators and the changes since the
//! previous quarter, for the status documents (the method with the numbers behind every
//! class is [`super::method`]'s). Every number comes from the [`Analysis`]; this only
//! puts it into words.

use serde::Serialize;

use super::initiative_status::status_view as initiative_status;
use super::names;
use super::reader::Reader;
use super::text::{Shown, target_text};
use crate::analyse::changes::{MeasureChange, QuarterFacts};
use crate::analyse::{Analysis, Difference, MeasureFacts, Point, Step, TargetLevel};
use crate::analyse::{Class, NoClass};
use crate::chart;
use crate::labels::{Labels, fill};
use crate::model::*;

/// One measure in a tile.
#[derive(Debug, Clone, Serialize)]
pub struct TileMeasure {
    /// The measure's name, when the indicator has more than one.
    pub name: Option<String>,
    /// The latest value and its period, or that there is none.
    pub latest: String,
    /// The change since the previous value, or that there is no earlier one; none without
    /// any value.
    pub change: Option<String>,
    /// The target used, with its year, or that there is no numeric one.
    pub target: String,
    /// The class, or why there is none.
    pub class: String,
}

/// A selected indicator's tile on its goal's summary.
#[derive(Debug, Clone, Serialize)]
pub struct TileView {
    /// The indicator's short name.
    pub title: Shown,
    /// Its measures.
    pub measures: Vec<TileMeasure>,
}

/// What changed since the previous quarter.
#[derive(Debug, Clone, Serialize)]
pub struct ChangesView {
    /// The one sentence before the tables: what is compared with, that the archive holds no
    /// earlier quarter, or that nothing changed.
    pub intro: String,
    /// The label of the table of new values, which its repeated heading reads.
    pub label: &'static str,
    /// The measures with new values, by goal: one table, a group per goal.
    pub goals: Vec<ChangeGroup>,
    /// Sub-goals whose status moved.
    pub statuses: Vec<StatusChange>,
}

/// One goal's measures with new values since the previous quarter.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeGroup {
    /// The goal, as a group's heading: `Mål 1: Enklere arbeidshverdag`.
    pub title: String,
    /// Where its first row is, to tell a repeated heading that it continues.
    pub label: String,
    /// A row per measure.
    pub rows: Vec<ChangeRow>,
}

/// A measure with new values since the previous quarter.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeRow {
    /// The measure: the indicator's name, and the measure's when it has several.
    pub measure: String,
    /// The new values, each with its period.
    pub values: String,
    /// The change from the value before the latest to the latest.
    pub change: String,
    /// The class now, or before and now when it changed.
    pub class: String,
    /// The class changed.
    pub class_changed: bool,
}

/// A sub-goal whose status moved since the previous quarter.
#[derive(Debug, Clone, Serialize)]
pub struct StatusChange {
    /// The sub-goal as the status names it.
    pub sub_goal: String,
    /// Its status now and which way it moved: `Forsinket (↓ verre)`.
    pub status: String,
    /// Its previous status and when.
    pub previous: String,
}

/// A measure's name as printed: its own, else the indicator's.
pub(super) fn measure_name(ind: &Indicator, m: &Measure) -> String {
    m.name.as_ref().unwrap_or(&ind.name).to_string()
}

/// A number with its sign: `+4,5`, `−53`.
pub(super) fn signed(l: &Labels, value: f64, decimals: usize) -> String {
    let n = l.number(value, decimals);
    if value > 0.0 && n != l.number(0.0, decimals) {
        fill(l.changes.rise, &[("n", &n)])
    } else {
        n
    }
}

/// The change of a step, in points or in the unit with its percent.
fn step_text(l: &Labels, unit: Unit, step: &Step) -> String {
    match step.difference {
        Difference::Points(p) => fill(l.changes.points, &[("n", &signed(l, p, 1))]),
        Difference::Amount { amount, percent } => {
            let amount = match unit {
                Unit::Days => fill(l.number.days, &[("n", &signed(l, amount, 1))]),
                Unit::Millions => fill(l.number.millions, &[("n", &signed(l, amount, 3))]),
                _ => signed(l, amount, 2),
            };
            match percent {
                Some(p) => fill(
                    l.changes.amount_percent,
                    &[
                        ("amount", &amount),
                        (
                            "percent",
                            &fill(l.number.percent, &[("n", &signed(l, p, 1))]),
                        ),
                    ],
                ),
                None => amount,
            }
        }
    }
}

/// The value and period of a point: `46 % (november 2022)`.
fn value_text(l: &Labels, unit: Unit, p: &Point) -> String {
    format!("{} ({})", l.quantity(unit, p.quantity), l.period(p.period))
}

/// The target used with its year, as written in the content where it has a text.
fn target_used_text(l: &Labels, m: &Measure, t: &TargetLevel) -> String {
    let written = m
        .targets
        .iter()
        .find(|x| x.year == t.year && x.kind == t.kind)
        .map(|x| target_text(l, m.unit, x))
        .unwrap_or_else(|| l.quantity(m.unit, t.quantity));
    format!("{}: {written}", t.year)
}

/// The tile of a measure, from its facts.
pub(super) fn tile_measure(
    l: &Labels,
    ind: &Indicator,
    m: &Measure,
    f: &MeasureFacts,
) -> TileMeasure {
    TileMeasure {
        name: (ind.measures.len() > 1).then(|| measure_name(ind, m)),
        latest: f
            .latest()
            .map_or_else(|| l.no_measurement.to_owned(), |v| value_text(l, m.unit, v)),
        change: f.latest().map(|_| {
            f.step.as_ref().map_or_else(
                || l.changes.no_previous_value.to_owned(),
                |s| step_text(l, m.unit, s),
            )
        }),
        target: f.target_used.as_ref().map_or_else(
            || l.changes.no_target.to_owned(),
            |t| target_used_text(l, m, t),
        ),
        class: l.class(f.class).to_owned(),
    }
}

/// The facts of a measure at the end of a quarter, or over every value when the quarter has
/// none for it ([`Analysis::at`]).
pub fn facts_at<'a>(
    analysis: &'a Analysis,
    quarter: Option<&'a QuarterFacts>,
    ind: &Indicator,
    m: &Measure,
) -> &'a MeasureFacts {
    analysis.at(quarter, ind, m)
}

/// A fact card: a measure with fewer than two measured points, shown as its figure, period,
/// target and class instead of a near-empty chart.
#[derive(Debug, Clone, Serialize)]
pub struct CardView {
    /// The card's accessible name: `Faktakort: {measure}`.
    pub label: String,
    /// The measure's name.
    pub measure: String,
    /// What the figure is: the latest measurement or the baseline.
    pub what: String,
    /// The figure, big: a share in percent.
    pub figure: String,
    /// A share's figure as counted (`147/356`), beside its percent.
    pub count: Option<String>,
    /// Its period.
    pub period: String,
    /// The target used, with its year, or that there is no numeric one.
    pub target: String,
    /// The ambition as written, when there is one.
    pub ambition: Option<String>,
    /// The class, or why there is none.
    pub class: String,
    /// The figure is an illustration, not a measurement.
    pub illustrative: bool,
}

/// The fact card of a measure that is not drawn ([`chart::wants_chart`]), when it has a
/// figure to show: its latest measurement, or else its baseline. A measure with neither has
/// no card: its targets and ambition are in the page's table of figures already.
pub fn card(l: &Labels, ind: &Indicator, m: &Measure, f: &MeasureFacts) -> Option<CardView> {
    if chart::wants_chart(f) {
        return None;
    }
    let (what, point) = f
        .latest()
        .map(|p| (l.latest, p))
        .or(f.baseline.as_ref().map(|p| (l.baseline, p)))?;
    let measure = measure_name(ind, m);
    let share = point.quantity.of.filter(|_| f.share);
    Some(CardView {
        label: fill(l.charts.card, &[("measure", &measure)]),
        measure,
        what: what.to_owned(),
        figure: match share {
            Some(_) => l.percent(point.level * 100.0),
            None => l.quantity(m.unit, point.quantity),
        },
        count: share.map(|_| l.quantity(m.unit, point.quantity)),
        period: l.period(point.period),
        target: f.target_used.as_ref().map_or_else(
            || l.changes.no_target.to_owned(),
            |t| target_used_text(l, m, t),
        ),
        ambition: m.ambition.as_ref().map(|a| a.text.to_string()),
        class: l.class(f.class).to_owned(),
        illustrative: m.illustrative && f.latest().is_some(),
    })
}

/// Whether a measure has no figure at all: neither a measured value nor a baseline number.
/// Such a measure gets no tile, fact card or row of numbers; it is named in a short list.
pub fn without_figure(f: &MeasureFacts) -> bool {
    f.latest().is_none() && f.baseline.is_none()
}

/// The tiles of a goal's selected indicators (the page's measures when the goal has a page
/// for the indicator, else every measure), each with its measures that have a figure, and
/// the line that names those without one ("Uten måling ennå: …"), when there are any: an
/// indicator by its short name when none of its measures has a figure, else each such
/// measure by name.
pub fn tiles(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    quarter: Option<&QuarterFacts>,
    goal: &GoalStatus,
) -> (Vec<TileView>, Option<String>) {
    let mut unmeasured: Vec<String> = Vec::new();
    let mut tiles = Vec::new();
    for ind in goal.selected.iter().filter_map(|s| match &s.reference {
        SelectedRef::Indicator(id) => content.indicator(id),
        _ => None,
    }) {
        let title = ind.short_name.as_ref().unwrap_or(&ind.name);
        let (with, without): (Vec<_>, Vec<_>) = chart::pages::selected_measures(goal, ind)
            .into_iter()
            .map(|m| (m, facts_at(analysis, quarter, ind, m)))
            .partition(|(_, f)| !without_figure(f));
        if with.is_empty() {
            unmeasured.push(title.to_string());
            continue;
        }
        unmeasured.extend(
            without
                .iter()
                .map(|(m, _)| format!("{title} – {}", measure_name(ind, m))),
        );
        tiles.push(TileView {
            title: Shown::new(l, title),
            measures: with
                .into_iter()
                .map(|(m, f)| tile_measure(l, ind, m, f))
                .collect(),
        });
    }
    let line = (!unmeasured.is_empty())
        .then(|| fill(l.changes.unmeasured, &[("list", &unmeasured.join("; "))]));
    (tiles, line)
}

/// A class's name, or "no class" in short.
fn class_short(l: &Labels, class: Result<Class, NoClass>) -> String {
    match class {
        Ok(_) => l.class(class).to_owned(),
        Err(_) => l.changes.no_class.to_owned(),
    }
}

/// What changed since the previous quarter, for the goals `goal_filter` selects.
pub fn changes(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    status: &Status,
    goal_filter: Option<GoalNumber>,
) -> ChangesView {
    let quarter = analysis.quarters.get(&status.quarter);
    let Some((facts, previous)) = quarter.and_then(|q| Some((q, q.previous?))) else {
        return ChangesView {
            intro: l.changes.first.to_owned(),
            label: names::ANCHORS.changes,
            goals: Vec::new(),
            statuses: Vec::new(),
        };
    };
    let mut goals: Vec<ChangeGroup> = Vec::new();
    for c in facts
        .changes
        .iter()
        .filter(|c| goal_filter.is_none_or(|g| g == c.goal))
    {
        let Some(ind) = content.indicator(&c.indicator) else {
            continue;
        };
        let Some(m) = ind.measures.iter().find(|m| m.id == c.measure) else {
            continue;
        };
        let row = change_row(l, ind, m, c, facts.measure(&c.indicator, &c.measure));
        match goals
            .iter_mut()
            .find(|g| g.label == names::changes_label(c.goal))
        {
            Some(group) => group.rows.push(row),
            None => goals.push(ChangeGroup {
                title: goal_title(l, content, c.goal),
                label: names::changes_label(c.goal),
                rows: vec![row],
            }),
        }
    }
    let statuses = status_changes(l, content, analysis, status, goal_filter);
    let quarter_name = l.quarter(previous);
    let nothing = goals.is_empty() && statuses.is_empty();
    ChangesView {
        intro: if nothing {
            fill(l.changes.nothing, &[("quarter", &quarter_name)])
        } else {
            fill(l.changes.compared, &[("quarter", &quarter_name)])
        },
        label: names::ANCHORS.changes,
        goals,
        statuses,
    }
}

/// A goal's number and title: `Mål 1: Enklere arbeidshverdag`.
pub(super) fn goal_title(l: &Labels, content: &Reader<'_>, goal: GoalNumber) -> String {
    match content.goal(goal) {
        Some(g) => fill(
            l.goal_titled,
            &[("n", &goal.to_string()), ("title", g.title.as_ref())],
        ),
        None => fill(l.goal, &[("n", &goal.to_string())]),
    }
}

/// The row of a measure with new values: its values, its latest step and its class.
fn change_row(
    l: &Labels,
    ind: &Indicator,
    m: &Measure,
    c: &MeasureChange,
    now: Option<&MeasureFacts>,
) -> ChangeRow {
    let measure = match &m.name {
        Some(n) if ind.measures.len() > 1 => format!("{} – {n}", ind.name),
        _ => ind.name.to_string(),
    };
    let values: Vec<String> = c
        .new_values
        .iter()
        .map(|v| value_text(l, m.unit, v))
        .collect();
    ChangeRow {
        measure,
        values: values.join(", "),
        change: now.and_then(|f| f.step.as_ref()).map_or_else(
            || l.changes.no_previous_value.to_owned(),
            |s| step_text(l, m.unit, s),
        ),
        class: if c.class_changed {
            fill(
                l.changes.class_move,
                &[
                    ("before", &class_short(l, c.before)),
                    ("now", &class_short(l, c.now)),
                ],
            )
        } else {
            class_short(l, c.now)
        },
        class_changed: c.class_changed,
    }
}

/// The selected sub-goals whose status moved up or down the scale.
fn status_changes(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    status: &Status,
    goal_filter: Option<GoalNumber>,
) -> Vec<StatusChange> {
    use crate::analyse::initiatives::Movement;
    let scale = &content.strategy().initiative_scale;
    status
        .goals
        .values()
        .filter(|g| goal_filter.is_none_or(|n| n == g.goal))
        .flat_map(|g| &g.selected)
        .filter_map(|s| match &s.reference {
            SelectedRef::Initiative(id) => Some((s, id)),
            _ => None,
        })
        .filter_map(|(s, id)| {
            let mv = analysis.initiatives.get(&(status.quarter, id.clone()))?;
            if !matches!(mv.movement, Movement::Better | Movement::Worse) {
                return None;
            }
            let v = initiative_status(l, scale, mv, None);
            Some(StatusChange {
                sub_goal: s.text.to_string(),
                status: format!("{} ({})", v.name, v.movement_text),
                previous: v.previous.unwrap_or_default(),
            })
        })
        .collect()
}
