//! The indicator pages of the static site: one page per indicator with its metadata, charts,
//! data table and history across every quarter and edition, plus `data.csv` and
//! `metadata.json` to download.

use std::collections::BTreeMap;

use serde::Serialize;

use super::edition::edition_measures;
use super::method::{MethodView, input_row, method_view};
use super::names::{self, DocId};
use super::progress::{CardView, card};
use super::reader::Reader;
use super::status_page::{ChartView, chart_view};
use super::text::{Shown, accessible_svg, baseline_text, target_text};
use crate::analyse::Analysis;
use crate::chart::pages::{breakdown_chart, measure_chart as chart_id};
use crate::chart::{Chart, ChartId, DataTable};
use crate::labels::{Labels, fill};
use crate::model::*;

/// A measure on an indicator page.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureView {
    /// The anchor of the measure's section.
    pub anchor: String,
    /// Heading: the measure's id and name.
    pub heading: Option<String>,
    /// Unit.
    pub unit: String,
    /// Baseline as printed.
    pub baseline: Option<String>,
    /// Targets as `(year, text)`.
    pub targets: Vec<(i32, String)>,
    /// Ambition.
    pub ambition: Option<String>,
    /// The class from the numbers, or why there is none, in words.
    pub assessment: String,
    /// Measured values: period, value, source title.
    pub values: Vec<(String, String, String)>,
    /// The values are an illustration.
    pub illustrative: bool,
    /// Chart as inline SVG with its accessible name, when there are two measured points or
    /// more.
    pub chart: Option<String>,
    /// The numbers the chart draws, as a table.
    pub table: Option<DataTable>,
    /// The fact card in place of a chart, when there are fewer.
    pub card: Option<CardView>,
    /// The breakdown of the measure's values, when they are broken down.
    pub breakdown: Option<ChartView>,
    /// How the values were computed from the roadmap, for a measure computed from it.
    pub computed: Option<super::roadmap::ComputationView>,
}

/// Where an indicator appeared: a quarter's status or an edition.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryEntry {
    /// The date it was published, for ordering.
    #[serde(skip)]
    pub date: time::Date,
    /// When.
    pub when: String,
    /// Which document.
    pub document: Shown,
    /// Link to it, relative to the indicator page.
    pub href: String,
    /// What it said, briefly.
    pub note: String,
}

/// An indicator page.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    /// Id.
    pub id: String,
    /// Number as readers know it; none for an indicator known by its name alone.
    pub number: Option<String>,
    /// Goal number and title.
    pub goal: String,
    /// Name.
    pub name: Shown,
    /// Description, by paragraph.
    pub description: Vec<Shown>,
    /// Unit.
    pub unit: String,
    /// Type.
    pub kind: String,
    /// How it is measured.
    pub measurement: Option<String>,
    /// Data source.
    pub data_source: Option<String>,
    /// Update frequency.
    pub frequency: Option<String>,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Comments, dated.
    pub comments: Vec<(String, String)>,
    /// Measures.
    pub measures: Vec<MeasureView>,
    /// Where it appeared.
    pub history: Vec<HistoryEntry>,
    /// The method, with the numbers behind each measure's class.
    pub method: MethodView,
    /// The front page, relative to the page.
    pub home: &'static str,
    /// The data file, relative to the page.
    pub csv: &'static str,
    /// The metadata file, relative to the page.
    pub metadata: &'static str,
    /// Every file to download, with what it is for.
    pub downloads: Vec<Download>,
    /// The licence of the data, as a reader sees it.
    pub licence: String,
}

/// A file to download, with a line on what it is for.
#[derive(Debug, Clone, Serialize)]
pub struct Download {
    /// The file, relative to the page.
    pub href: String,
    /// What it is for.
    pub what: String,
}

/// The line that states the licence of the data, in the language of `l`.
pub fn licence_line(l: &Labels, strategy: &Strategy) -> String {
    match &strategy.licence {
        Some(lic) => fill(l.open_data.licence, &[("licence", lic.title())]),
        None => l.open_data.no_licence.to_owned(),
    }
}

/// The whole set's downloads, relative to the front page of their language.
pub fn set_downloads(l: &Labels) -> Vec<Download> {
    let w = &l.open_data;
    [
        (names::SET_JSONSTAT, w.jsonstat),
        (names::SET_CSV, w.csv),
        (names::SET_CSV_METADATA, w.csvw),
    ]
    .into_iter()
    .map(|(href, what)| Download {
        href: href.to_owned(),
        what: what.to_owned(),
    })
    .collect()
}

/// The downloads beside an indicator's page: its JSON-stat dataset (when it has figures), its
/// CSV and the CSV's metadata, and its definition.
fn downloads(l: &Labels, ind: &Indicator) -> Vec<Download> {
    let w = &l.open_data;
    let mut all = Vec::new();
    if super::jsonstat::has_figures(ind) {
        all.push((names::INDICATOR_JSONSTAT, w.jsonstat));
    }
    all.push((names::INDICATOR_CSV, w.csv));
    all.push((names::INDICATOR_CSV_METADATA, w.csvw));
    all.push((names::INDICATOR_METADATA, w.definition));
    all.into_iter()
        .map(|(href, what)| Download {
            href: href.to_owned(),
            what: what.to_owned(),
        })
        .collect()
}

/// The title a measure's chart is shown under: the indicator's name, and the measure's.
fn chart_title(ind: &Indicator, m: &Measure) -> String {
    match &m.name {
        Some(n) => format!("{} – {n}", ind.name),
        None => ind.name.to_string(),
    }
}

/// The indicator's place in a goal's status: the index of its own page, and whether it is
/// among the selected.
fn place_in(g: &GoalStatus, id: &IndicatorId) -> (Option<usize>, bool) {
    let on_page = g.pages.iter().position(|p| p.indicator == *id);
    let selected = g
        .selected
        .iter()
        .any(|x| matches!(&x.reference, SelectedRef::Indicator(i) if i == id));
    (on_page, selected)
}

/// The indicator's row in a goal of an edition.
fn row_in<'e>(g: &'e EditionGoal, id: &IndicatorId) -> Option<&'e EditionIndicator> {
    g.indicators.iter().find(|r| r.id == *id)
}

/// Builds an indicator page.
pub fn indicator_view(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    ind: &Indicator,
    charts: &BTreeMap<ChartId, Chart>,
) -> IndicatorView {
    content.uses_indicator(ind);
    // The strategy sets the thresholds of its classes and the page's publisher.
    content.strategy();
    let measures = ind
        .measures
        .iter()
        .enumerate()
        .map(|(i, m)| (i, m, charts.get(&chart_id(ind, m))))
        .map(|(i, m, c)| MeasureView {
            anchor: names::measure_anchor(i + 1),
            heading: match (&m.id, &m.name) {
                (Some(id), Some(n))
                    if ind.measures.len() > 1 && id.starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    Some(format!("{id}: {n}"))
                }
                (_, Some(n)) => Some(n.to_string()),
                (Some(id), None) if ind.measures.len() > 1 => Some(id.to_string()),
                _ => None,
            },
            unit: l.unit(m.unit).to_owned(),
            baseline: m.baseline.as_ref().map(|b| baseline_text(l, m.unit, b)),
            targets: m
                .targets
                .iter()
                .map(|t| (t.year, target_text(l, m.unit, t)))
                .collect(),
            ambition: m.ambition.as_ref().map(|a| a.text.to_string()),
            assessment: l.class(analysis.of(ind, m).class).to_owned(),
            values: m
                .values
                .iter()
                .map(|v| {
                    (
                        l.period(v.period),
                        l.quantity(m.unit, v.quantity),
                        content.source_title(&v.source),
                    )
                })
                .collect(),
            illustrative: m.illustrative,
            chart: c.map(|c| accessible_svg(&c.svg, &c.alt(l, &chart_title(ind, m)))),
            table: c.map(|c| c.table(l, &chart_title(ind, m))),
            card: card(l, ind, m, analysis.of(ind, m)),
            breakdown: charts.get(&breakdown_chart(None, ind, m)).map(|c| {
                let title = fill(l.charts.breakdown_title, &[("title", &chart_title(ind, m))]);
                chart_view(l, c, &title)
            }),
            computed: m
                .from_roadmap
                .map(|phase| super::roadmap::computation(l, content, phase)),
        })
        .collect();
    let mut history = Vec::new();
    for s in content.search_statuses() {
        let deck = DocId::deck(s.quarter);
        for g in s.goals.values() {
            let (on_page, selected) = place_in(g, &ind.id);
            if on_page.is_none() && !selected {
                continue;
            }
            content.uses_status(s);
            let href = match on_page {
                Some(_) => deck.html_from_indicator_at(&names::page_anchor(g.goal, &ind.id, 0)),
                None => deck.html_from_indicator(g.goal),
            };
            let note = match on_page.map(|i| &g.pages[i]) {
                Some(p) => p.proposed_ambition.as_ref().map_or_else(
                    || fill(l.own_page, &[("title", &p.title)]),
                    |a| fill(l.own_page_ambition, &[("title", &p.title), ("ambition", a)]),
                ),
                None => l.among_selected.to_owned(),
            };
            history.push(HistoryEntry {
                date: s.date,
                when: l.quarter(s.quarter),
                document: Shown::new(l, &s.title),
                href,
                note,
            });
        }
    }
    for e in content.search_editions() {
        for g in &e.goals {
            let Some(row) = row_in(g, &ind.id) else {
                continue;
            };
            content.uses_edition(e);
            let ms = edition_measures(ind, row);
            let targets: Vec<String> = ms
                .iter()
                .flat_map(|(m, _)| {
                    m.targets
                        .iter()
                        .map(move |t| format!("{}: {}", t.year, target_text(l, m.unit, t)))
                })
                .collect();
            history.push(HistoryEntry {
                date: e.published,
                when: l.date(e.published),
                document: Shown::new(l, &e.title.map(|t| format!("{t} {}", e.year))),
                href: DocId::edition(e.year).html_from_indicator(g.goal),
                note: fill(
                    l.edition_note,
                    &[
                        ("number", &row.number),
                        (
                            "targets",
                            &if targets.is_empty() {
                                l.none.to_owned()
                            } else {
                                targets.join("; ")
                            },
                        ),
                    ],
                ),
            });
        }
    }
    history.sort_by_key(|h| h.date);
    IndicatorView {
        id: ind.id.to_string(),
        number: ind.display_number().map(str::to_owned),
        goal: content.goal(ind.goal).map_or_else(
            || fill(l.goal, &[("n", &ind.goal.to_string())]),
            |g| {
                fill(
                    l.goal_titled,
                    &[("n", &g.number.to_string()), ("title", &g.title)],
                )
            },
        ),
        name: Shown::new(l, &ind.name),
        description: Shown::paragraphs(l, &ind.description),
        unit: ind
            .unit_label
            .as_deref()
            .unwrap_or(l.unit(ind.unit))
            .to_owned(),
        kind: l.kind(ind.kind).to_owned(),
        measurement: ind.measurement.as_deref().map(str::to_owned),
        data_source: ind.data_source.clone(),
        frequency: ind.frequency.map(|f| l.frequency(f).to_owned()),
        footnotes: ind.footnotes.clone(),
        comments: ind
            .comments
            .iter()
            .map(|c| (l.period(c.date), c.text.to_string()))
            .collect(),
        measures,
        history,
        method: method_view(
            l,
            analysis.thresholds,
            ind.measures
                .iter()
                .map(|m| input_row(l, ind, m, analysis.of(ind, m)))
                .collect(),
        ),
        home: names::HOME_FROM_INDICATOR,
        csv: names::INDICATOR_CSV,
        metadata: names::INDICATOR_METADATA,
        downloads: downloads(l, ind),
        licence: licence_line(l, content.strategy()),
    }
}

/// `data.csv`: every baseline, target, value and ambition of the indicator, one per row.
pub fn data_csv(l: &Labels, content: &Reader<'_>, analysis: &Analysis, ind: &Indicator) -> Vec<u8> {
    super::observations::csv(l, content, analysis, &[ind])
}

#[derive(Serialize)]
struct MeasureMeta<'a> {
    id: Option<&'a str>,
    name: Option<&'a str>,
    unit: &'static str,
    illustrative: bool,
}

#[derive(Serialize)]
struct Metadata<'a> {
    id: &'a str,
    goal: u8,
    name: &'a str,
    /// The unit's code, as every measure's: `percent`, `count`, ...
    unit: &'static str,
    /// The unit as printed in the documents.
    unit_label: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    description: &'a str,
    measurement: Option<&'a str>,
    data_source: Option<&'a str>,
    frequency: Option<&'a str>,
    measures: Vec<MeasureMeta<'a>>,
    footnotes: &'a [Footnote],
    data: &'static str,
}

/// `metadata.json`: the indicator's definition.
pub fn metadata_json(l: &Labels, ind: &Indicator) -> Vec<u8> {
    let unit_label = ind
        .unit_label
        .as_deref()
        .unwrap_or(l.unit(ind.unit))
        .to_owned();
    let meta = Metadata {
        id: &ind.id,
        goal: ind.goal.get(),
        name: &ind.name,
        unit: ind.unit.word(),
        unit_label: &unit_label,
        kind: l.kind(ind.kind),
        description: &ind.description,
        measurement: ind.measurement.as_deref(),
        data_source: ind.data_source.as_deref(),
        frequency: ind.frequency.map(|f| l.frequency(f)),
        measures: ind
            .measures
            .iter()
            .map(|m| MeasureMeta {
                id: m.id.as_deref(),
                name: m.name.as_deref(),
                unit: m.unit.word(),
                illustrative: m.illustrative,
            })
            .collect(),
        footnotes: &ind.footnotes,
        data: "data.csv",
    };
    let mut json = serde_json::to_vec_pretty(&meta).expect("metadata serializes");
    json.push(b'\n');
    json
}
