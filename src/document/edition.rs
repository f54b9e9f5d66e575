//! The annual document *Strategiske e-helseindikatorer*: one edition as the view its typst
//! and HTML templates fill, with the baselines and targets that edition printed.

use serde::Serialize;

use super::names;
use super::reader::Reader;
use super::text::{Shown, baseline_text, target_text};
use crate::labels::{Labels, fill};
use crate::model::*;

/// A section of running text.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// Heading.
    pub heading: Option<String>,
    /// Paragraphs.
    pub paragraphs: Vec<Shown>,
}

/// One row of an edition's indicator table.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// Indicator id.
    pub id: String,
    /// The indicator's web page, as linked from the edition's.
    pub href: String,
    /// Number as printed.
    pub number: String,
    /// Name.
    pub name: Shown,
    /// Unit column.
    pub unit: String,
    /// Type column.
    pub kind: String,
    /// Description and purpose, by paragraph.
    pub description: Vec<Shown>,
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
    /// The anchor of the goal's section.
    pub anchor: String,
    /// The anchor of the section's heading.
    pub heading_anchor: String,
    /// Title.
    pub title: Shown,
    /// Summary, by paragraph.
    pub summary: Vec<Shown>,
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
    pub title: Shown,
    /// Year the edition is for.
    pub year: i32,
    /// Publication date, written out.
    pub date: String,
    /// The strategy's title.
    pub strategy: Shown,
    /// Publisher: the edition's own, else the strategy's.
    pub publisher: String,
    /// What the document is about, for the PDF's metadata.
    pub subject: String,
    /// Keywords for the PDF's metadata: the strategy, the year, the goals.
    pub keywords: Vec<String>,
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
pub fn edition_view(
    l: &Labels,
    content: &Reader<'_>,
    edition: &Edition,
    home: &str,
) -> EditionView {
    content.uses_edition(edition);
    let goals: Vec<EditionGoalView> = edition
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
                                    baseline_text(l, m.unit, b)
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
                                            target_text(l, m.unit, t)
                                        )
                                    })
                                })
                                .collect();
                            for c in ind.comments.iter().filter(|c| {
                                c.year == Some(*year) && c.date.end() <= edition.published
                            }) {
                                lines.push(fill(
                                    l.comment,
                                    &[("date", &l.period(c.date)), ("text", &c.text)],
                                ));
                            }
                            lines
                        })
                        .collect();
                    Some(RowView {
                        id: ind.id.to_string(),
                        href: names::indicator_html_from_document(&ind.id),
                        number: row.number.clone(),
                        name: Shown::new(l, row.name.as_ref().unwrap_or(&ind.name)),
                        unit: row
                            .unit_label
                            .as_deref()
                            .or(ind.unit_label.as_deref())
                            .unwrap_or(l.unit(ind.unit))
                            .to_owned(),
                        kind: l.kind(row.kind.unwrap_or(ind.kind)).to_owned(),
                        description: Shown::paragraphs(
                            l,
                            row.description.as_ref().unwrap_or(&ind.description),
                        ),
                        measurement: row
                            .measurement
                            .as_ref()
                            .or(ind.measurement.as_ref())
                            .map(ToString::to_string)
                            .unwrap_or_default(),
                        baseline,
                        targets,
                        footnotes: ind.footnotes.clone(),
                    })
                })
                .collect();
            Some(EditionGoalView {
                number: goal.number.get(),
                anchor: names::goal_anchor(goal.number),
                heading_anchor: names::goal_heading_anchor(goal.number),
                title: Shown::new(l, &goal.title),
                summary: Shown::paragraphs(l, eg.summary.as_ref().unwrap_or(&goal.summary)),
                footnotes: eg
                    .footnotes
                    .iter()
                    .filter(|f| !rows_have_note(&rows, f))
                    .cloned()
                    .collect(),
                rows,
                candidates: eg.candidates.iter().map(ToString::to_string).collect(),
            })
        })
        .collect();
    let mut keywords = vec![
        content.strategy().title.to_string(),
        edition.year.to_string(),
    ];
    keywords.extend(goals.iter().map(|g| {
        fill(
            l.goal_titled,
            &[("n", &g.number.to_string()), ("title", g.title.text())],
        )
    }));
    EditionView {
        subject: format!(
            "{} {} – {}",
            edition.title,
            edition.year,
            content.strategy().title
        ),
        keywords,
        title: Shown::new(l, &edition.title),
        year: edition.year,
        date: l.date(edition.published),
        strategy: Shown::new(l, &content.strategy().title),
        // The edition's own or its source's (validation resolves it: the editions of 2023 and
        // 2024 are Direktoratet for e-helse's), else the strategy's.
        publisher: edition
            .publisher
            .clone()
            .unwrap_or_else(|| content.strategy().publisher.clone()),
        baseline_heading: edition.baseline_heading.to_string(),
        target_headings: edition
            .target_years
            .iter()
            .map(|y| fill(l.target_year, &[("year", &y.to_string())]))
            .collect(),
        introduction: edition
            .introduction
            .iter()
            .map(|(h, t)| SectionView {
                heading: h.as_deref().map(str::to_owned),
                paragraphs: Shown::paragraphs(l, t),
            })
            .collect(),
        goals,
        home: home.to_owned(),
    }
}
