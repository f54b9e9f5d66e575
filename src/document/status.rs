//! The quarterly status: the deck (every goal) and one report per goal, as the view their
//! typst and HTML templates fill.
//!
//! Everything a template prints is a string here, already in the words and typography of the
//! document's language; templates only place it and their own fixed words, from the same
//! labels. The same view fills the typst and the HTML templates.

use serde::Serialize;

use super::initiative_status::{
    InitiativeStatusView, LevelView, scale_view, status_view as initiative_status,
};
use super::names::{self, initiative_anchor, page_anchor};
use super::text::{accessible_svg, baseline_text, paragraphs, target_text};
use crate::analyse::initiatives::StatusMoves;
use crate::analyse::{self, Standing};
use crate::chart::Chart;
use crate::labels::{Labels, fill};
use crate::model::*;

/// A list item.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    /// Text.
    pub text: String,
    /// Sub-items.
    pub items: Vec<String>,
}

/// An entry in "selected indicators and sub-goals".
#[derive(Debug, Clone, Serialize)]
pub struct SelectedView {
    /// Words before the text.
    pub label: Option<String>,
    /// Text.
    pub text: String,
    /// Anchor of the page or initiative it refers to, within the document.
    pub anchor: Option<String>,
    /// Sub-items.
    pub items: Vec<String>,
    /// A roadmap sub-goal's status this quarter.
    pub status: Option<InitiativeStatusView>,
}

/// One row of an indicator page's figures.
#[derive(Debug, Clone, Serialize)]
pub struct FactRow {
    /// Measure.
    pub measure: String,
    /// Baseline.
    pub baseline: String,
    /// Latest value.
    pub latest: String,
    /// Targets.
    pub targets: String,
    /// Ambition.
    pub ambition: String,
    /// Assessment from the numbers.
    pub standing: String,
}

/// A chart as placed in a document.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    /// Virtual path of the SVG for typst.
    pub path: String,
    /// The SVG with its accessible name, for inline HTML.
    pub svg: String,
    /// Alt text.
    pub alt: String,
    /// Whether a series is illustrative.
    pub illustrative: bool,
    /// Caption.
    pub caption: Option<String>,
}

/// An indicator page.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    /// Anchor.
    pub anchor: String,
    /// Indicator id.
    pub indicator: String,
    /// Title.
    pub title: String,
    /// About heading.
    pub about_heading: String,
    /// About, by paragraph.
    pub about: Vec<String>,
    /// Update frequency.
    pub frequency: Option<String>,
    /// Where the data comes from.
    pub data_source: Option<String>,
    /// Assessment heading.
    pub assessment_heading: String,
    /// Assessment, by paragraph.
    pub assessment: Vec<String>,
    /// Proposed ambition.
    pub proposed_ambition: Option<String>,
    /// Chart, when the data has numbers.
    pub chart: Option<ChartView>,
    /// Figures per measure.
    pub facts: Vec<FactRow>,
    /// Notes.
    pub notes: Vec<Footnote>,
}

/// An initiative as listed in a goal.
#[derive(Debug, Clone, Serialize)]
pub struct InitiativeView {
    /// Anchor.
    pub anchor: String,
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Owner.
    pub owner: Option<String>,
}

/// A goal's status.
#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    /// Number.
    pub number: u8,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Overall status.
    pub overall: Vec<ItemView>,
    /// Selected indicators and sub-goals.
    pub selected: Vec<SelectedView>,
    /// Positive events.
    pub positive: Vec<ItemView>,
    /// Challenges.
    pub challenges: Vec<ItemView>,
    /// Strategic questions.
    pub questions: Vec<ItemView>,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Indicator pages.
    pub pages: Vec<PageView>,
    /// Initiatives referred to.
    pub initiatives: Vec<InitiativeView>,
}

/// A status document: the whole deck, or one goal's report.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    /// Document title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// The strategy's title.
    pub strategy: String,
    /// Publisher.
    pub publisher: String,
    /// Quarter, e.g. "2. kvartal 2026".
    pub quarter: String,
    /// Publication date, e.g. "30. juni 2026".
    pub date: String,
    /// Where the content was published.
    pub source: String,
    /// The initiative status scale with its definitions, when the document gives a status.
    pub scale: Vec<LevelView>,
    /// Goals in the document.
    pub goals: Vec<GoalView>,
    /// Link back to the site index, relative.
    pub home: String,
}

fn items(list: &[Item]) -> Vec<ItemView> {
    list.iter()
        .map(|i| ItemView {
            text: i.text.clone(),
            items: i.items.clone(),
        })
        .collect()
}

fn fact_rows(l: &Labels, indicator: &Indicator, measure_ids: &[MeasureId]) -> Vec<FactRow> {
    let measures = indicator.select_measures(measure_ids);
    measures
        .into_iter()
        .map(|m| {
            let facts = analyse::analyse(m);
            let latest = match facts.latest {
                Some(v) if m.illustrative => fill(
                    l.latest_illustrative,
                    &[
                        ("value", &l.quantity(m.unit, v.quantity)),
                        ("period", &l.period(v.period)),
                    ],
                ),
                Some(v) => format!(
                    "{} ({})",
                    l.quantity(m.unit, v.quantity),
                    l.period(v.period)
                ),
                None => l.no_measurement.to_owned(),
            };
            let targets = m
                .targets
                .iter()
                .map(|t| format!("{}: {}", t.year, target_text(l, m.unit, t)))
                .collect::<Vec<_>>()
                .join("; ");
            let standing = match (facts.standing, facts.progress) {
                (Standing::Progressing, Some(p)) => fill(
                    l.standing_share,
                    &[
                        ("standing", l.standing(facts.standing)),
                        ("share", &l.percent(p)),
                    ],
                ),
                (s, _) => l.standing(s).to_owned(),
            };
            FactRow {
                measure: m.name.clone().unwrap_or_else(|| indicator.name.clone()),
                baseline: m
                    .baseline
                    .as_ref()
                    .map(|b| baseline_text(l, m.unit, b))
                    .unwrap_or_else(|| "–".into()),
                latest,
                targets: if targets.is_empty() {
                    "–".into()
                } else {
                    targets
                },
                ambition: m
                    .ambition
                    .as_ref()
                    .map(|a| a.text.clone())
                    .unwrap_or_else(|| "–".into()),
                standing,
            }
        })
        .collect()
}

/// Builds the view of a status document for the given goals, with the charts drawn for it.
pub fn status_view(
    l: &Labels,
    content: &Content,
    status: &Status,
    goal_filter: Option<GoalNumber>,
    charts: &dyn Fn(GoalNumber, usize) -> Option<Chart>,
    moves: &StatusMoves,
    home: &str,
) -> StatusView {
    let scale = &content.strategy.initiative_scale;
    let goals: Vec<GoalView> = status
        .goals
        .values()
        .filter(|g| goal_filter.is_none_or(|n| n == g.goal))
        .filter_map(|g| {
            let goal = content.goal(g.goal)?;
            let pages: Vec<PageView> = g
                .pages
                .iter()
                .enumerate()
                .filter_map(|(i, p)| {
                    let ind = content.indicator(&p.indicator)?;
                    let chart = charts(g.goal, i).map(|c| ChartView {
                        path: names::chart_in_typst(&c.name),
                        svg: accessible_svg(&c.svg, &c.alt),
                        alt: c.alt,
                        illustrative: c.illustrative,
                        caption: p.chart_caption.clone(),
                    });
                    Some(PageView {
                        anchor: page_anchor(g.goal, &ind.id, i),
                        indicator: ind.id.to_string(),
                        title: p.title.clone(),
                        about_heading: p
                            .about_heading
                            .clone()
                            .unwrap_or_else(|| l.about_indicator.into()),
                        about: paragraphs(&p.about),
                        frequency: ind.frequency.map(|f| l.frequency(f).to_owned()),
                        data_source: ind.data_source.clone(),
                        assessment_heading: p.assessment_heading.clone().unwrap_or_else(|| {
                            fill(
                                l.progress_towards,
                                &[("year", &content.strategy.horizon.to_string())],
                            )
                        }),
                        assessment: p.assessment.as_deref().map(paragraphs).unwrap_or_default(),
                        proposed_ambition: p.proposed_ambition.clone(),
                        chart,
                        facts: fact_rows(l, ind, &p.measures),
                        notes: p.notes.clone(),
                    })
                })
                .collect();
            let anchor_of = |r: &SelectedRef| match r {
                SelectedRef::Initiative(id) => Some(initiative_anchor(g.goal, id)),
                SelectedRef::Indicator(id) => g
                    .pages
                    .iter()
                    .position(|p| &p.indicator == id)
                    .map(|i| page_anchor(g.goal, id, i)),
                SelectedRef::None => None,
            };
            let initiatives = g
                .selected
                .iter()
                .filter_map(|s| match &s.reference {
                    SelectedRef::Initiative(id) => content.initiative(id),
                    _ => None,
                })
                .map(|i| InitiativeView {
                    anchor: initiative_anchor(g.goal, &i.id),
                    id: i.id.to_string(),
                    title: i.title.clone(),
                    description: i.description.clone(),
                    owner: i.owner.clone(),
                })
                .collect();
            Some(GoalView {
                number: g.goal.get(),
                title: goal.title.clone(),
                summary: goal.summary.clone(),
                overall: items(&g.overall),
                selected: g
                    .selected
                    .iter()
                    .map(|s| SelectedView {
                        label: s.label.clone(),
                        text: s.text.clone(),
                        anchor: anchor_of(&s.reference),
                        items: s.items.clone(),
                        status: match &s.reference {
                            SelectedRef::Initiative(id) => {
                                moves.get(&(status.quarter, id.clone())).map(|mv| {
                                    initiative_status(
                                        l,
                                        scale,
                                        mv,
                                        s.status.as_ref().and_then(|st| st.comment.as_deref()),
                                    )
                                })
                            }
                            _ => None,
                        },
                    })
                    .collect(),
                positive: items(&g.positive),
                challenges: items(&g.challenges),
                questions: items(&g.questions),
                footnotes: g.footnotes.clone(),
                pages,
                initiatives,
            })
        })
        .collect();
    let title = match goal_filter.and_then(|n| content.goal(n)) {
        Some(goal) => fill(
            l.report_title,
            &[
                ("title", &status.title),
                ("n", &goal.number.to_string()),
                ("goal", &goal.title),
            ],
        ),
        None => status.title.clone(),
    };
    StatusView {
        title,
        subtitle: status.subtitle.clone(),
        strategy: content.strategy.title.clone(),
        publisher: content.strategy.publisher.clone(),
        quarter: l.quarter(status.quarter),
        date: l.date(status.date),
        source: content
            .sources
            .get(&status.source)
            .map(|s| s.title.clone())
            .unwrap_or_default(),
        scale: if goals
            .iter()
            .any(|g: &GoalView| g.selected.iter().any(|s| s.status.is_some()))
        {
            scale_view(l, scale)
        } else {
            Vec::new()
        },
        goals,
        home: home.to_owned(),
    }
}
