//! Views: the model and its analysis, shaped and formatted for the templates.
//!
//! Everything a template prints is a string here, already in Norwegian typography; templates
//! only place it. The same views fill the typst and the HTML templates.

use serde::Serialize;

use crate::analyse::{self, Standing};
use crate::chart::Chart;
use crate::model::*;
use crate::norsk::{self, quantity};

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

/// Splits a text into paragraphs at blank lines, joining wrapped lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| {
            p.split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// A target as printed: the published text if any, else its number or kind.
pub fn target_text(unit: Unit, t: &Target) -> String {
    if let Some(text) = &t.text {
        return text.clone();
    }
    match t.kind {
        TargetKind::Value(q) => quantity(unit, q),
        TargetKind::Change(p) => format!("Øke med {}", norsk::percent(p)),
        TargetKind::Maintain => "Opprettholde".to_owned(),
        TargetKind::Text => String::new(),
    }
}

/// A baseline as printed: its published text, or its number and period.
pub fn baseline_text(unit: Unit, b: &Baseline) -> String {
    if let Some(text) = &b.text {
        return text.clone();
    }
    match (b.quantity, b.period) {
        (Some(q), Some(p)) => format!("{} ({p})", quantity(unit, q)),
        (Some(q), None) => quantity(unit, q),
        (None, Some(p)) => p.to_string(),
        (None, None) => String::new(),
    }
}

fn fact_rows(indicator: &Indicator, measure_ids: &[String]) -> Vec<FactRow> {
    let measures = indicator.select_measures(measure_ids);
    measures
        .into_iter()
        .map(|m| {
            let facts = analyse::analyse(m);
            let latest = match facts.latest {
                Some(v) if m.illustrative => format!(
                    "{} ({}, illustrasjon)",
                    quantity(m.unit, v.quantity),
                    v.period
                ),
                Some(v) => format!("{} ({})", quantity(m.unit, v.quantity), v.period),
                None => "Ingen måling i kildene".to_owned(),
            };
            let targets = m
                .targets
                .iter()
                .map(|t| format!("{}: {}", t.year, target_text(m.unit, t)))
                .collect::<Vec<_>>()
                .join("; ");
            let standing = match (facts.standing, facts.progress) {
                (Standing::Progressing, Some(p)) => format!(
                    "{} ({} av veien)",
                    facts.standing.label(),
                    norsk::percent(p)
                ),
                (s, _) => s.label().to_owned(),
            };
            FactRow {
                measure: m.name.clone().unwrap_or_else(|| indicator.name.clone()),
                baseline: m
                    .baseline
                    .as_ref()
                    .map(|b| baseline_text(m.unit, b))
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

/// The anchor of an indicator page.
pub fn page_anchor(goal: u8, indicator: &str, index: usize) -> String {
    format!(
        "mal-{goal}-indikator-{}-{index}",
        indicator.replace('.', "-")
    )
}

/// Adds an accessible name to a chart's SVG for inline HTML.
pub fn accessible_svg(svg: &str, alt: &str) -> String {
    let escaped = alt
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{escaped}\" "),
        1,
    )
}

/// Builds the view of a status document for the given goals, with the charts drawn for it.
pub fn status_view(
    content: &Content,
    status: &Status,
    goal_filter: Option<u8>,
    charts: &dyn Fn(u8, usize) -> Option<Chart>,
    home: &str,
) -> StatusView {
    let goals = status
        .goals
        .iter()
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
                        path: format!("/charts/{}", c.name),
                        svg: accessible_svg(&c.svg, &c.alt),
                        alt: c.alt,
                        illustrative: c.illustrative,
                        caption: p.chart_caption.clone(),
                    });
                    Some(PageView {
                        anchor: page_anchor(g.goal, &ind.id, i),
                        indicator: ind.id.clone(),
                        title: p.title.clone(),
                        about_heading: p
                            .about_heading
                            .clone()
                            .unwrap_or_else(|| "Om indikatoren".into()),
                        about: paragraphs(&p.about),
                        frequency: ind.frequency.map(|f| f.label().to_owned()),
                        data_source: ind.data_source.clone(),
                        assessment_heading: p.assessment_heading.clone().unwrap_or_else(|| {
                            format!("Framdrift mot {}", content.strategy.horizon)
                        }),
                        assessment: p.assessment.as_deref().map(paragraphs).unwrap_or_default(),
                        proposed_ambition: p.proposed_ambition.clone(),
                        chart,
                        facts: fact_rows(ind, &p.measures),
                        notes: p.notes.clone(),
                    })
                })
                .collect();
            let anchor_of = |r: &SelectedRef| match r {
                SelectedRef::Initiative(id) => Some(format!("mal-{}-initiativ-{}", g.goal, id)),
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
                    anchor: format!("mal-{}-initiativ-{}", g.goal, i.id),
                    id: i.id.clone(),
                    title: i.title.clone(),
                    description: i.description.clone(),
                    owner: i.owner.clone(),
                })
                .collect();
            Some(GoalView {
                number: g.goal,
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
        Some(goal) => format!("{} – mål {}: {}", status.title, goal.number, goal.title),
        None => status.title.clone(),
    };
    StatusView {
        title,
        subtitle: status.subtitle.clone(),
        strategy: content.strategy.title.clone(),
        publisher: content.strategy.publisher.clone(),
        quarter: crate::period::Period::Quarter(status.quarter.0, status.quarter.1).to_string(),
        date: norsk::date(status.date),
        source: content
            .sources
            .get(&status.source)
            .map(|s| s.title.clone())
            .unwrap_or_default(),
        goals,
        home: home.to_owned(),
    }
}

/// A section of running text.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// Heading.
    pub heading: Option<String>,
    /// Paragraphs.
    pub paragraphs: Vec<String>,
}

/// One row of an edition's indicator table.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// Indicator id.
    pub id: String,
    /// Number as printed.
    pub number: String,
    /// Name.
    pub name: String,
    /// Unit column.
    pub unit: String,
    /// Type column.
    pub kind: String,
    /// Description and purpose, by paragraph.
    pub description: Vec<String>,
    /// How it is measured.
    pub measurement: String,
    /// Baseline, one line per measure.
    pub baseline: Vec<String>,
    /// Per target year, one line per measure (and comments for that year).
    pub targets: Vec<Vec<String>>,
    /// Footnotes of the indicator.
    pub footnotes: Vec<Footnote>,
}

/// One goal in an edition.
#[derive(Debug, Clone, Serialize)]
pub struct EditionGoalView {
    /// Number.
    pub number: u8,
    /// Title.
    pub title: String,
    /// Summary, by paragraph.
    pub summary: Vec<String>,
    /// Table rows.
    pub rows: Vec<RowView>,
    /// Footnotes under the table.
    pub footnotes: Vec<Footnote>,
    /// Candidates for new indicators.
    pub candidates: Vec<String>,
}

/// An edition of the annual indicator document.
#[derive(Debug, Clone, Serialize)]
pub struct EditionView {
    /// Title.
    pub title: String,
    /// Year the edition is for.
    pub year: i32,
    /// Publication date, written out.
    pub date: String,
    /// The strategy's title.
    pub strategy: String,
    /// Publisher.
    pub publisher: String,
    /// Baseline column heading.
    pub baseline_heading: String,
    /// Target column headings.
    pub target_headings: Vec<String>,
    /// Introduction.
    pub introduction: Vec<SectionView>,
    /// Goals.
    pub goals: Vec<EditionGoalView>,
    /// Link back to the site index, relative.
    pub home: String,
}

/// The measures an edition prints for an indicator, with that edition's baseline, targets
/// and printed number.
pub fn edition_measures(ind: &Indicator, row: &EditionIndicator) -> Vec<(Measure, Option<String>)> {
    if !row.measures.is_empty() {
        return row
            .measures
            .iter()
            .filter_map(|em| {
                let mut m = ind.measures.iter().find(|m| m.id == em.id)?.clone();
                if em.name.is_some() {
                    m.name = em.name.clone();
                }
                if em.baseline.is_some() {
                    m.baseline = em.baseline.clone();
                }
                if let Some(targets) = &em.targets {
                    m.targets = targets.clone();
                }
                Some((m, em.number.clone()))
            })
            .collect();
    }
    ind.measures
        .iter()
        .filter(|m| m.baseline.is_some() || !m.targets.is_empty())
        .map(|m| (m.clone(), None))
        .collect()
}

fn measure_prefix(m: &Measure, number: Option<&str>, several: bool) -> String {
    if let Some(n) = number {
        return format!("{n} ");
    }
    match (&m.id, several) {
        (Some(id), true) if id.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
            if id.contains('.') {
                format!("{id} ")
            } else {
                format!("{id}. ")
            }
        }
        (_, true) => m
            .name
            .as_ref()
            .map(|n| format!("{n}: "))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Whether an indicator in the table already carries this footnote.
fn rows_have_note(rows: &[RowView], note: &Footnote) -> bool {
    rows.iter()
        .flat_map(|r| &r.footnotes)
        .any(|f| f.text.trim() == note.text.trim())
}

/// Builds the view of an edition.
pub fn edition_view(content: &Content, edition: &Edition, home: &str) -> EditionView {
    let goals = edition
        .goals
        .iter()
        .filter_map(|eg| {
            let goal = content.goal(eg.goal)?;
            let rows: Vec<RowView> = eg
                .indicators
                .iter()
                .filter_map(|row| {
                    let ind = content.indicator(&row.id)?;
                    let measures = edition_measures(ind, row);
                    let several = measures.len() > 1;
                    let baseline = measures
                        .iter()
                        .filter_map(|(m, n)| {
                            m.baseline.as_ref().map(|b| {
                                format!(
                                    "{}{}",
                                    measure_prefix(m, n.as_deref(), several),
                                    baseline_text(m.unit, b)
                                )
                            })
                        })
                        .collect();
                    let targets = edition
                        .target_years
                        .iter()
                        .map(|year| {
                            let mut lines: Vec<String> = measures
                                .iter()
                                .filter_map(|(m, n)| {
                                    m.targets.iter().find(|t| t.year == *year).map(|t| {
                                        format!(
                                            "{}{}",
                                            measure_prefix(m, n.as_deref(), several),
                                            target_text(m.unit, t)
                                        )
                                    })
                                })
                                .collect();
                            for c in ind.comments.iter().filter(|c| {
                                c.year == Some(*year) && c.date.end() <= edition.published
                            }) {
                                lines.push(format!("Kommentar per {}: {}", c.date, c.text));
                            }
                            lines
                        })
                        .collect();
                    Some(RowView {
                        id: ind.id.clone(),
                        number: row.number.clone(),
                        name: row.name.clone().unwrap_or_else(|| ind.name.clone()),
                        unit: row
                            .unit_label
                            .clone()
                            .or_else(|| ind.unit_label.clone())
                            .unwrap_or_else(|| ind.unit.label().to_owned()),
                        kind: row.kind.unwrap_or(ind.kind).label().to_owned(),
                        description: paragraphs(
                            row.description.as_deref().unwrap_or(&ind.description),
                        ),
                        measurement: row
                            .measurement
                            .clone()
                            .or_else(|| ind.measurement.clone())
                            .unwrap_or_default(),
                        baseline,
                        targets,
                        footnotes: ind.footnotes.clone(),
                    })
                })
                .collect();
            Some(EditionGoalView {
                number: goal.number,
                title: goal.title.clone(),
                summary: paragraphs(eg.summary.as_deref().unwrap_or(&goal.summary)),
                footnotes: eg
                    .footnotes
                    .iter()
                    .filter(|f| !rows_have_note(&rows, f))
                    .cloned()
                    .collect(),
                rows,
                candidates: eg.candidates.clone(),
            })
        })
        .collect();
    EditionView {
        title: edition.title.clone(),
        year: edition.year,
        date: norsk::date(edition.published),
        strategy: content.strategy.title.clone(),
        publisher: content.strategy.publisher.clone(),
        baseline_heading: edition.baseline_heading.clone(),
        target_headings: edition
            .target_years
            .iter()
            .map(|y| format!("Måltall {y}"))
            .collect(),
        introduction: edition
            .introduction
            .iter()
            .map(|(h, t)| SectionView {
                heading: h.clone(),
                paragraphs: paragraphs(t),
            })
            .collect(),
        goals,
        home: home.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n c \n"), ["a b", "c"]);
        assert!(paragraphs("\n\n").is_empty());
    }
}
