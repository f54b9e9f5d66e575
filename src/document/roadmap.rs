//! The roadmap's timeline as a reader sees it: per goal (or the whole strategy), its
//! sub-goals with their deliveries as rows and quarters (or years, when the span is long) as
//! columns; the planned period a bar, the slip beyond the planned end a bar of its own, the
//! document's quarter marked, and every fact also written in the row's own cells (planned
//! period, status word with its symbol, end and quarters late), so that neither the bars nor
//! colour carry anything alone.
//!
//! In: the plans and the quarter's report from the model, the status moves from the analysis.
//! Out: [`RoadmapView`], the same for the PDF templates and the HTML.

use serde::Serialize;

use super::names::initiative_anchor;
use super::reader::Reader;
use super::text::{Shown, paragraphs};
use crate::labels::{Labels, fill};
use crate::model::{
    DefaultLevel, Delay, End, GoalNumber, GoalStatus, Initiative, InitiativeScale, Level, Phase,
    Plan, Quarter, Report, RoadmapVersion, ScaleLevel, SelectedRef, Status, end_as_of,
};

/// Up to this many quarters the columns are quarters; beyond it, years.
const MAX_QUARTER_COLUMNS: i32 = 16;

/// A column group's heading: a year over its quarters, or a year on its own.
#[derive(Debug, Clone, Serialize)]
pub struct YearView {
    /// The year, as printed.
    pub label: String,
    /// How many columns it spans (1 when the columns are years).
    pub span: usize,
}

/// One column: a quarter, or a year.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnView {
    /// Its heading: "K2" under its year, or the year itself.
    pub label: String,
    /// Its full name, for the header cell's abbreviation: "K2 2026".
    pub full: String,
    /// Whether it is (or holds) the document's quarter.
    pub current: bool,
}

/// What a cell of the timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bar {
    /// Nothing.
    None,
    /// The planned period.
    Plan,
    /// Beyond the planned end: the slip.
    Slip,
    /// The end a plan without a start is to be done by: a mark at the column's end.
    Due,
}

/// One row: a sub-goal, or one of its deliveries.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// True for a delivery (indented under its sub-goal).
    pub delivery: bool,
    /// The sub-goal's web page, from a page one folder deep (the status and roadmap pages);
    /// none for a delivery.
    pub href: Option<String>,
    /// "1A Digitale innbyggertjenester" or "D1 Innsyn for foreldre".
    pub label: String,
    /// A delivery's phase.
    pub phase: String,
    /// The planned period: "K1 2025–K4 2027", or that the sources give none.
    pub planned: String,
    /// The status this quarter: its symbol and word, with how it moved for a sub-goal.
    pub status: String,
    /// The end when not as planned: "forventet K2 2028 (+2 kv.)", "ferdig K3 2026".
    pub end: String,
    /// One per column.
    pub cells: Vec<Bar>,
}

/// A roadmap's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct RoadmapView {
    /// The anchor (and label) of its heading.
    pub anchor: String,
    /// Its heading: "Veikart mål 1".
    pub title: String,
    /// What the table shows, as of the document's quarter.
    pub caption: String,
    /// What the bars mean.
    pub legend: String,
    /// Year headings over the columns.
    pub years: Vec<YearView>,
    /// Whether the columns are quarters (with a year row above them) or years.
    pub quarters: bool,
    /// The columns.
    pub columns: Vec<ColumnView>,
    /// The rows.
    pub rows: Vec<RowView>,
    /// The sub-goals the sources give no dates for: "Uten datoer i kildene …: 1B …".
    pub without_dates: Option<String>,
}

/// A quarter as a column heading names it: "K2 2026".
pub fn quarter_name(l: &Labels, q: Quarter) -> String {
    fill(
        l.timeline.quarter,
        &[("q", &q.quarter.to_string()), ("year", &q.year.to_string())],
    )
}

/// A level's symbol: a shape per level of the built-in scale, so that the word is never
/// alone in carrying it in colour; none for a content's own level. None of them means
/// something else in the same documents (the overview's classes use ◆ ● ◐ ○ ▼ ↗ → ↘; "på
/// plan" shares ● with "I rute", which says the same).
fn symbol(level: Option<&ScaleLevel>) -> &'static str {
    match level {
        Some(ScaleLevel::Default(d)) => match d {
            DefaultLevel::Completed => "✓",
            DefaultLevel::OnTrack => "●",
            DefaultLevel::AtRisk => "▲",
            DefaultLevel::Delayed => "■",
            DefaultLevel::Stopped => "✕",
        },
        _ => "",
    }
}

/// A level's symbol and name: "▲ risiko".
pub fn level_text(l: &Labels, scale: &InitiativeScale, level: Level) -> String {
    let found = scale.get(level);
    let name = match found {
        Some(ScaleLevel::Default(d)) => l.level(*d).name.to_owned(),
        Some(ScaleLevel::Custom { name, .. }) => name.to_string(),
        None => String::new(),
    };
    match symbol(found) {
        "" => name,
        s => format!("{s} {name}"),
    }
}

/// A row's facts as of the document's quarter.
struct Row<'a> {
    delivery: bool,
    href: Option<String>,
    label: String,
    phase: String,
    plan: Option<Plan>,
    report: Option<&'a Report>,
    status: String,
}

/// A plan in words: "K1 2025–K4 2027", or "innen K4 2024" when the sources give only its end.
pub fn plan_text(l: &Labels, plan: Plan) -> String {
    match plan {
        Plan::Period(s) => fill(
            l.timeline.span,
            &[
                ("from", &quarter_name(l, s.start)),
                ("to", &quarter_name(l, s.end)),
            ],
        ),
        Plan::By(q) => fill(l.timeline.due, &[("when", &quarter_name(l, q))]),
    }
}

/// The timeline of these sub-goals as of `status`'s quarter, or as planned when no status
/// follows their version of the roadmap (`None`: no quarter is marked and nothing is late);
/// `None` when none of them has a plan or a delivery (the roadmap then has nothing to draw).
pub fn roadmap_view(
    l: &Labels,
    content: &Reader<'_>,
    moves: &crate::analyse::initiatives::StatusMoves,
    status: Option<&Status>,
    initiatives: &[&Initiative],
    anchor: String,
    title: String,
) -> Option<RoadmapView> {
    let as_of = status.map(|s| s.quarter);
    let scale = &content.strategy().initiative_scale;
    let dated: Vec<&&Initiative> = initiatives
        .iter()
        .filter(|i| i.planned.is_some() || !i.deliveries.is_empty())
        .collect();
    if dated.is_empty() {
        return None;
    }
    let mut rows = Vec::new();
    for i in &dated {
        let report = status.and_then(|s| s.roadmap.get(&i.id));
        let status_text = as_of
            .and_then(|quarter| moves.get(&(quarter, i.id.clone())))
            .map(|mv| {
                format!(
                    "{} ({})",
                    level_text(l, scale, mv.level),
                    l.movement(mv.movement)
                )
            })
            .unwrap_or_default();
        rows.push(Row {
            delivery: false,
            href: Some(super::names::sub_goal_html_from_roadmap(&i.id)),
            label: format!("{} {}", i.id, i.title),
            phase: String::new(),
            plan: i.planned,
            report: report.map(|r| &r.report),
            status: status_text,
        });
        for d in &i.deliveries {
            let r = report.and_then(|r| r.deliveries.get(&d.id));
            rows.push(Row {
                delivery: true,
                href: None,
                label: format!("{} {}", d.id, d.title),
                phase: match d.phase {
                    Phase::Development => l.timeline.development,
                    Phase::Adoption => l.timeline.adoption,
                }
                .to_owned(),
                plan: Some(Plan::Period(d.planned)),
                report: r,
                status: r
                    .and_then(|r| r.level)
                    .map(|lv| level_text(l, scale, lv))
                    .unwrap_or_default(),
            });
        }
    }
    // The end as of the document's quarter; as planned when no status follows the plan.
    let effective_end = |plan: Plan, report: Option<&Report>| match as_of {
        Some(q) => end_as_of(q, plan.end(), report),
        None => plan.end(),
    };
    // The span: every plan and every end, and the document's quarter.
    let mut bounds: Option<(Quarter, Quarter)> = as_of.map(|q| (q, q));
    for r in &rows {
        if let Some(plan) = r.plan {
            let from = plan.start().unwrap_or(plan.end());
            let to = plan.end().max(effective_end(plan, r.report));
            bounds = Some(match bounds {
                Some((first, last)) => (first.min(from), last.max(to)),
                None => (from, to),
            });
        }
    }
    let (first, last) = bounds?;
    let quarters = last.since(first) < MAX_QUARTER_COLUMNS;
    let (columns, years) = columns(l, first, last, as_of, quarters);
    let column_of = |q: Quarter| -> usize {
        if quarters {
            q.since(first) as usize
        } else {
            (q.year - first.year) as usize
        }
    };
    let rows: Vec<RowView> = rows
        .into_iter()
        .map(|r| {
            let mut cells = vec![Bar::None; columns.len()];
            let (planned, end) = match r.plan {
                Some(plan) => {
                    let effective = effective_end(plan, r.report);
                    let given = r.report.and_then(|r| r.end);
                    // The slip first, so that a year holding both plan and slip shows the plan.
                    for i in plan.end().index() + 1..=effective.index() {
                        cells[column_of(Quarter::from_index(i))] = Bar::Slip;
                    }
                    match plan {
                        Plan::Period(span) => {
                            for i in span.start.index()..=span.end.index() {
                                cells[column_of(Quarter::from_index(i))] = Bar::Plan;
                            }
                        }
                        Plan::By(q) => cells[column_of(q)] = Bar::Due,
                    }
                    let planned = plan_text(l, plan);
                    let late = effective.since(plan.end());
                    let mut end = match given {
                        Some(End::Actual(q)) => {
                            fill(l.timeline.done, &[("when", &quarter_name(l, q))])
                        }
                        Some(End::Expected(q)) => {
                            fill(l.timeline.expected, &[("when", &quarter_name(l, q))])
                        }
                        None if late > 0 => fill(
                            l.timeline.expected,
                            &[("when", &quarter_name(l, effective))],
                        ),
                        None => String::new(),
                    };
                    if late > 0 {
                        end = format!(
                            "{end} ({})",
                            fill(l.timeline.late, &[("n", &late.to_string())])
                        );
                    }
                    (planned, end)
                }
                None => (l.timeline.no_dates.to_owned(), String::new()),
            };
            RowView {
                delivery: r.delivery,
                href: r.href,
                label: r.label,
                phase: r.phase,
                planned,
                status: r.status,
                end,
                cells,
            }
        })
        .collect();
    let undated: Vec<String> = initiatives
        .iter()
        .filter(|i| i.planned.is_none() && i.deliveries.is_empty())
        .map(|i| format!("{} {}", i.id, i.title))
        .collect();
    // The legend names what the table shows, and nothing it does not.
    let shows = |bar: Bar| rows.iter().any(|r: &RowView| r.cells.contains(&bar));
    let legend: Vec<&str> = [
        (shows(Bar::Plan), l.timeline.legend_plan),
        (shows(Bar::Due), l.timeline.legend_due),
        (shows(Bar::Slip), l.timeline.legend_slip),
        (columns.iter().any(|c| c.current), l.timeline.legend_now),
    ]
    .into_iter()
    .filter_map(|(shown, words)| shown.then_some(words))
    .collect();
    let legend = legend.join(" ");
    Some(RoadmapView {
        anchor,
        title,
        caption: match as_of {
            Some(quarter) => fill(l.timeline.caption, &[("quarter", &l.quarter(quarter))]),
            None => l.timeline.caption_planned.to_owned(),
        },
        legend,
        years,
        quarters,
        columns,
        rows,
        without_dates: (!undated.is_empty())
            .then(|| fill(l.timeline.without_dates, &[("list", &undated.join("; "))])),
    })
}

/// The columns from `first` to `last`, quarters or years, with the year headings.
fn columns(
    l: &Labels,
    first: Quarter,
    last: Quarter,
    now: Option<Quarter>,
    quarters: bool,
) -> (Vec<ColumnView>, Vec<YearView>) {
    let mut columns = Vec::new();
    let mut years: Vec<YearView> = Vec::new();
    if quarters {
        for i in first.index()..=last.index() {
            let q = Quarter::from_index(i);
            let full = quarter_name(l, q);
            let label = fill(
                l.timeline.quarter,
                &[("q", &q.quarter.to_string()), ("year", "")],
            )
            .trim()
            .to_owned();
            columns.push(ColumnView {
                label,
                full,
                current: Some(q) == now,
            });
            match years.last_mut() {
                Some(y) if y.label == q.year.to_string() => y.span += 1,
                _ => years.push(YearView {
                    label: q.year.to_string(),
                    span: 1,
                }),
            }
        }
    } else {
        for year in first.year..=last.year {
            columns.push(ColumnView {
                label: year.to_string(),
                full: year.to_string(),
                current: now.is_some_and(|now| year == now.year),
            });
            years.push(YearView {
                label: year.to_string(),
                span: 1,
            });
        }
    }
    (columns, years)
}

/// A goal's roadmap in a status document, as of its quarter.
pub fn goal_roadmap(
    l: &Labels,
    content: &Reader<'_>,
    moves: &crate::analyse::initiatives::StatusMoves,
    status: &Status,
    goal: GoalNumber,
) -> Option<RoadmapView> {
    let anchor = super::names::timeline_anchor(goal);
    goal_timeline(
        l,
        content,
        moves,
        Some(status),
        &status.roadmap_version,
        goal,
        anchor,
    )
}

/// The timeline of a goal's sub-goals in one version of the roadmap, as of `status` (a
/// quarter that followed the version) or as planned, under the heading "Veikart mål N".
pub fn goal_timeline(
    l: &Labels,
    content: &Reader<'_>,
    moves: &crate::analyse::initiatives::StatusMoves,
    status: Option<&Status>,
    version: &RoadmapVersion,
    goal: GoalNumber,
    anchor: String,
) -> Option<RoadmapView> {
    let initiatives = content.initiatives_of(goal, version);
    roadmap_view(
        l,
        content,
        moves,
        status,
        &initiatives,
        anchor,
        fill(l.timeline.title, &[("n", &goal.to_string())]),
    )
}

/// How a measure computed from the roadmap got its values: per quarter the count, the share
/// and the deliveries found delayed; and the rule, stated once.
#[derive(Debug, Clone, Serialize)]
pub struct ComputationView {
    /// Per quarter, latest first: "3. kvartal 2026: 2 av 3 leveranser i utvikling …".
    pub quarters: Vec<String>,
    /// The rule for counting and for a significant delay.
    pub rule: String,
}

/// The computation of a measure's values from the roadmap, from the counts the model holds.
pub fn computation(l: &Labels, content: &Reader<'_>, phase: Phase) -> ComputationView {
    let strategy = content.strategy();
    let phase_name = match phase {
        Phase::Development => l.timeline.development,
        Phase::Adoption => l.timeline.adoption,
    };
    let mut quarters: Vec<String> = content
        .delays()
        .iter()
        .filter(|((_, p), _)| *p == phase)
        .filter_map(|((q, _), share)| {
            let percent = share.percent()?;
            let line = fill(
                l.timeline.computed,
                &[
                    ("delayed", &share.delayed.len().to_string()),
                    ("counted", &share.counted.len().to_string()),
                    ("phase", phase_name),
                    ("share", &l.percent(percent)),
                ],
            );
            let delayed: Vec<String> = share
                .delayed
                .iter()
                .map(|(r, delay)| {
                    let why = match delay {
                        Delay::Quarters(n) => fill(l.timeline.late, &[("n", &n.to_string())]),
                        Delay::Status(level, _) => {
                            level_text(l, &strategy.initiative_scale, *level)
                        }
                    };
                    let title = content
                        .initiative(&r.sub_goal)
                        .and_then(|i| i.deliveries.iter().find(|d| d.id == r.delivery))
                        .map(|d| d.title.to_string())
                        .unwrap_or_default();
                    format!("{} {} {title} ({why})", r.sub_goal, r.delivery)
                })
                .collect();
            let list = if delayed.is_empty() {
                String::new()
            } else {
                format!(
                    " {}",
                    fill(l.timeline.delayed_list, &[("list", &delayed.join("; "))])
                )
            };
            Some(format!("{}: {line}.{list}", l.quarter(*q)))
        })
        .collect();
    quarters.reverse();
    if quarters.is_empty() {
        quarters.push(fill(
            l.timeline.nothing_to_compute,
            &[("phase", phase_name)],
        ));
    }
    let rule = &strategy.delay_rule;
    let statuses: Vec<String> = rule
        .delayed_levels
        .iter()
        .map(|lv| level_text(l, &strategy.initiative_scale, *lv))
        .collect();
    ComputationView {
        quarters,
        rule: fill(
            l.timeline.rule,
            &[
                ("n", &rule.tolerance.to_string()),
                ("statuses", &statuses.join(", ")),
            ],
        ),
    }
}

/// An initiative as listed in a goal.
#[derive(Debug, Clone, Serialize)]
pub struct InitiativeView {
    /// Anchor.
    pub anchor: String,
    /// Id.
    pub id: String,
    /// Title.
    pub title: Shown,
    /// Description, by paragraph.
    pub description: Vec<String>,
    /// Owner.
    pub owner: Option<String>,
    /// Whether it has a description or an owner to stand under its heading; one with only
    /// its title is an item of a list.
    pub heading: bool,
}

/// The roadmap sub-goals a goal's summary selects, with their descriptions and owners.
pub fn initiative_views(l: &Labels, content: &Reader<'_>, g: &GoalStatus) -> Vec<InitiativeView> {
    g.selected
        .iter()
        .filter_map(|s| match &s.reference {
            SelectedRef::Initiative(id) => content.initiative(id),
            _ => None,
        })
        .map(|i| {
            let description: Vec<String> =
                i.description.as_deref().map(paragraphs).unwrap_or_default();
            InitiativeView {
                anchor: initiative_anchor(g.goal, &i.id),
                id: i.id.to_string(),
                title: Shown::new(l, &i.title),
                heading: !description.is_empty() || i.owner.is_some(),
                description,
                owner: i.owner.clone(),
            }
        })
        .collect()
}
