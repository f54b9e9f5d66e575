//! The quarterly status: the deck (every goal) and one report per goal, as the view their
//! typst and HTML templates fill.
//!
//! Everything a template prints is a string here, already in the words and typography of the
//! document's language; templates only place it and their own fixed words, from the same
//! labels. The same view fills the typst and the HTML templates.

use std::collections::BTreeMap;

use serde::Serialize;

use super::initiative_status::{
    InitiativeStatusView, LevelView, scale_view, status_view as initiative_status,
};
use super::method::{MethodView, method_rows, method_view};
use super::names::{self, DocId, LangDir, initiative_anchor, page_anchor};
use super::overview::{OverviewView, overview_view};
use super::progress::{self, CardView, ChangesView, TileView, facts_at};
use super::reader::Reader;
pub use super::status_page::{ChartView, FactRow};
use super::status_page::{chart_view, fact_rows};
use super::text::Shown;
use crate::analyse::Analysis;
use crate::analyse::changes::QuarterFacts;
use crate::chart::pages::{breakdown_chart, page_chart};
use crate::chart::{Chart, ChartId};
use crate::labels::{Labels, fill};
use crate::model::*;

/// A list item.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    /// Text.
    pub text: Shown,
    /// Sub-items.
    pub items: Vec<Shown>,
    /// The summary's footnotes whose mark this item holds first: the deck prints them under
    /// it, on the page of the mark.
    pub notes: Vec<Footnote>,
}

/// An entry in "selected indicators and sub-goals".
#[derive(Debug, Clone, Serialize)]
pub struct SelectedView {
    /// Words before the text.
    pub label: Option<String>,
    /// Text.
    pub text: Shown,
    /// Anchor of the page or initiative it refers to, within the web page.
    pub anchor: Option<String>,
    /// Where the web page links it when it has no anchor there: the indicator's page.
    pub html_href: Option<String>,
    /// Label of the page or initiative it refers to within the PDF.
    pub pdf_label: Option<String>,
    /// Where the PDF links it when it has no label there: an absolute address, as a PDF
    /// travels without the site beside it. `None` until the site's address is known: a
    /// relative link is dead in a mailed PDF, so the entry is then not linked.
    pub pdf_url: Option<String>,
    /// Sub-items.
    pub items: Vec<Shown>,
    /// A roadmap sub-goal's status this quarter.
    pub status: Option<InitiativeStatusView>,
    /// The summary's footnotes whose mark this entry holds first, as [`ItemView::notes`].
    pub notes: Vec<Footnote>,
}

/// An indicator page.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    /// Anchor.
    pub anchor: String,
    /// The anchor of the page's heading.
    pub heading_anchor: String,
    /// Indicator id.
    pub indicator: String,
    /// The indicator's own web page, as linked from the document's.
    pub indicator_href: String,
    /// Title.
    pub title: Shown,
    /// About heading.
    pub about_heading: String,
    /// About, by paragraph.
    pub about: Vec<Shown>,
    /// Update frequency.
    pub frequency: Option<String>,
    /// Where the data comes from.
    pub data_source: Option<String>,
    /// Assessment heading.
    pub assessment_heading: String,
    /// Assessment, by paragraph.
    pub assessment: Vec<Shown>,
    /// Proposed ambition.
    pub proposed_ambition: Option<String>,
    /// Chart of the measures with two measured points or more.
    pub chart: Option<ChartView>,
    /// A fact card for each other measure with a number to show.
    pub cards: Vec<CardView>,
    /// What the content says of the page's figures (`Per januar 2026`): under the chart, or
    /// under the fact cards when there is no chart.
    pub chart_caption: Option<String>,
    /// The breakdown chart of each measure whose values are broken down.
    pub breakdowns: Vec<ChartView>,
    /// Figures per measure.
    pub facts: Vec<FactRow>,
    /// Notes.
    pub notes: Vec<Footnote>,
}

/// A goal's status.
#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    /// Number.
    pub number: u8,
    /// The anchor of the goal's section.
    pub anchor: String,
    /// The anchor of the section's heading.
    pub heading_anchor: String,
    /// The anchor of the goal's roadmap sub-goals.
    pub roadmap_anchor: String,
    /// The label of the goal's summary in the deck.
    pub summary_label: String,
    /// Title.
    pub title: Shown,
    /// Summary.
    pub summary: Shown,
    /// Overall status.
    pub overall: Vec<ItemView>,
    /// Selected indicators and sub-goals.
    pub selected: Vec<SelectedView>,
    /// A tile per selected indicator with a figure: latest value, change, target, class.
    pub tiles: Vec<TileView>,
    /// The selected measures without any figure, as one line: `Uten måling ennå: …`.
    pub unmeasured: Option<String>,
    /// Positive events.
    pub positive: Vec<ItemView>,
    /// Challenges.
    pub challenges: Vec<ItemView>,
    /// Strategic questions.
    pub questions: Vec<ItemView>,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// The footnotes that no item of the summary holds the mark of: the deck prints these
    /// after the summary, the others under the item holding their mark.
    pub unplaced_footnotes: Vec<Footnote>,
    /// Indicator pages.
    pub pages: Vec<PageView>,
    /// Initiatives referred to.
    pub initiatives: Vec<super::roadmap::InitiativeView>,
    /// The goal's roadmap as of the quarter, when its sub-goals have dates or deliveries.
    pub roadmap: Option<super::roadmap::RoadmapView>,
    /// Set when the quarter's status leaves the goal out: what the document says in place of
    /// its status (every other list is then empty).
    pub no_status: Option<String>,
}

/// The view of a goal that the quarter's status leaves out: its title and the words that
/// say so.
fn unreported_goal(l: &Labels, goal: &Goal) -> GoalView {
    GoalView {
        number: goal.number.get(),
        anchor: names::goal_anchor(goal.number),
        heading_anchor: names::goal_heading_anchor(goal.number),
        roadmap_anchor: names::roadmap_anchor(goal.number),
        summary_label: names::summary_label(goal.number),
        title: Shown::new(l, &goal.title),
        summary: Shown::new(l, &goal.summary),
        overall: Vec::new(),
        selected: Vec::new(),
        tiles: Vec::new(),
        unmeasured: None,
        positive: Vec::new(),
        challenges: Vec::new(),
        questions: Vec::new(),
        footnotes: Vec::new(),
        unplaced_footnotes: Vec::new(),
        pages: Vec::new(),
        initiatives: Vec::new(),
        roadmap: None,
        no_status: Some(fill(
            l.goal_not_reported,
            &[("n", &goal.number.to_string())],
        )),
    }
}

/// A status document: the whole deck, or one goal's report.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    /// Document title.
    pub title: Shown,
    /// Subtitle.
    pub subtitle: Option<Shown>,
    /// The strategy's title.
    pub strategy: Shown,
    /// Publisher: the status's own, else the strategy's.
    pub publisher: String,
    /// What the document is about, for the PDF's metadata.
    pub subject: String,
    /// Keywords for the PDF's metadata: the strategy, the quarter, the goals, the indicators.
    pub keywords: Vec<String>,
    /// The title short enough for a footer: the status's title, and the goal's number in a
    /// report.
    pub short_title: String,
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
    /// The overview of the document's goals ("Samlet status"), with their history.
    pub overview: OverviewView,
    /// What changed since the previous quarter.
    pub changes: ChangesView,
    /// The method, with the numbers behind every class the document prints.
    pub method: MethodView,
    /// The quarter the numbers stand at: "Tallene er slik de var rapportert ved utgangen av …".
    pub as_of: String,
    /// Link back to the site index, relative.
    pub home: String,
    /// Whether the deck opens each goal with a divider page; else the goal's number and title
    /// head its summary page.
    pub dividers: bool,
}

fn items(l: &Labels, list: &[Item]) -> Vec<ItemView> {
    list.iter()
        .map(|i| ItemView {
            text: Shown::new(l, &i.text),
            items: i.items.iter().map(|t| Shown::new(l, t)).collect(),
            notes: Vec::new(),
        })
        .collect()
}

/// What every piece of one status view reads: the document's words, content, analysis,
/// status, goals and charts.
struct Scope<'a, 'r> {
    l: &'a Labels,
    content: &'a Reader<'r>,
    analysis: &'a Analysis,
    status: &'a Status,
    /// The goal of a report; `None` for the deck.
    goal_filter: Option<GoalNumber>,
    charts: &'a BTreeMap<ChartId, Chart>,
    quarter_facts: Option<&'a QuarterFacts>,
}

/// Builds the view of a status document for the given goals, with the charts drawn for it.
/// The deck (no `goal_filter`) has every goal of the strategy, in order; one that the status
/// leaves out says so.
pub fn status_view(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    status: &Status,
    goal_filter: Option<GoalNumber>,
    charts: &BTreeMap<ChartId, Chart>,
    home: &str,
) -> StatusView {
    let quarter_facts = analysis.quarters.get(&status.quarter);
    content.uses_status(status);
    // What changed is told against the previous quarter's status.
    if let Some(previous) = quarter_facts.and_then(|q| q.previous) {
        content.status(previous);
    }
    let sc = Scope {
        l,
        content,
        analysis,
        status,
        goal_filter,
        charts,
        quarter_facts,
    };
    let mut goals: Vec<GoalView> = status
        .goals
        .values()
        .filter(|g| goal_filter.is_none_or(|n| n == g.goal))
        .filter_map(|g| goal_view(&sc, g))
        .collect();
    if goal_filter.is_none() {
        let unreported = content
            .search_goals()
            .filter(|g| !status.goals.contains_key(&g.number))
            .filter_map(|g| content.goal(g.number));
        goals.extend(unreported.map(|g| unreported_goal(l, g)));
        goals.sort_by_key(|g| g.number);
    }
    let goal = goal_filter.and_then(|n| content.goal(n));
    let (title, short_title) = titles(l, status, goal);
    let quarter = l.quarter(status.quarter);
    let subject = match goal {
        Some(goal) => fill(
            l.goal_titled,
            &[("n", &goal.number.to_string()), ("title", &goal.title)],
        ),
        None => status
            .subtitle
            .as_ref()
            .unwrap_or(&status.title)
            .to_string(),
    };
    let scale = &content.strategy().initiative_scale;
    StatusView {
        title,
        subtitle: status.subtitle.as_ref().map(|s| Shown::new(l, s)),
        strategy: Shown::new(l, &content.strategy().title),
        // The status's own, else its source's (a deck published after 1 January 2024 is
        // Helsedirektoratet's, the strategy's publisher having merged into it), else the
        // strategy's.
        publisher: {
            content.source(&status.source);
            content.strategy();
            content.status_publisher(status)
        },
        subject,
        keywords: keywords(l, content, &quarter, &goals),
        short_title,
        quarter,
        date: l.date(status.date),
        source: content.source_title(&status.source),
        scale: if goals
            .iter()
            .any(|g: &GoalView| g.selected.iter().any(|s| s.status.is_some()))
        {
            scale_view(l, scale)
        } else {
            Vec::new()
        },
        method: method_view(
            l,
            analysis.thresholds,
            method_rows(l, content, analysis, status, goal_filter),
        ),
        overview: overview_view(l, content, analysis, status, goal_filter, charts),
        changes: progress::changes(l, content, analysis, status, goal_filter),
        as_of: fill(l.method.as_of, &[("quarter", &l.quarter(status.quarter))]),
        goals,
        home: home.to_owned(),
        dividers: status.dividers,
    }
}

/// The document's title and its short form for footers: the status's, and in a report the
/// goal's too.
fn titles(l: &Labels, status: &Status, goal: Option<&Goal>) -> (Shown, String) {
    match goal {
        Some(goal) => (
            Shown::composed(fill(
                l.report_title,
                &[
                    ("title", &status.title),
                    ("n", &goal.number.to_string()),
                    ("goal", &goal.title),
                ],
            )),
            format!(
                "{} – {}",
                status.title,
                fill(l.goal, &[("n", &goal.number.to_string())])
            ),
        ),
        None => (Shown::new(l, &status.title), status.title.to_string()),
    }
}

/// The PDF's keywords: the strategy, the quarter, each goal and each page's title once.
fn keywords(l: &Labels, content: &Reader<'_>, quarter: &str, goals: &[GoalView]) -> Vec<String> {
    let mut keywords = vec![content.strategy().title.to_string(), quarter.to_owned()];
    for g in goals {
        keywords.push(fill(
            l.goal_titled,
            &[("n", &g.number.to_string()), ("title", g.title.text())],
        ));
    }
    for p in goals.iter().flat_map(|g| &g.pages) {
        if !keywords.iter().any(|k| k == p.title.text()) {
            keywords.push(p.title.text().to_owned());
        }
    }
    keywords
}

/// A goal's part of the document: its summary, selected indicators and sub-goals, tiles,
/// indicator pages and roadmap sub-goals.
fn goal_view(sc: &Scope<'_, '_>, g: &GoalStatus) -> Option<GoalView> {
    let (l, content) = (sc.l, sc.content);
    let goal = content.goal(g.goal)?;
    let pages = g
        .pages
        .iter()
        .enumerate()
        .filter_map(|(i, p)| page_view(sc, g, i, p))
        .collect();
    let mut overall = items(l, &g.overall);
    let mut selected: Vec<SelectedView> =
        g.selected.iter().map(|s| selected_view(sc, g, s)).collect();
    let mut positive = items(l, &g.positive);
    let mut challenges = items(l, &g.challenges);
    let mut questions = items(l, &g.questions);
    let (tiles, unmeasured) = progress::tiles(l, content, sc.analysis, sc.quarter_facts, g);
    let unplaced_footnotes = super::footnote_marks::place_in_summary(
        g,
        &mut overall,
        &mut selected,
        [&mut positive, &mut challenges, &mut questions],
    );
    Some(GoalView {
        number: g.goal.get(),
        anchor: names::goal_anchor(g.goal),
        heading_anchor: names::goal_heading_anchor(g.goal),
        roadmap_anchor: names::roadmap_anchor(g.goal),
        summary_label: names::summary_label(g.goal),
        title: Shown::new(l, &goal.title),
        summary: Shown::new(l, &goal.summary),
        overall,
        selected,
        tiles,
        unmeasured,
        positive,
        challenges,
        questions,
        footnotes: g.footnotes.clone(),
        unplaced_footnotes,
        pages,
        initiatives: super::roadmap::initiative_views(l, content, g),
        roadmap: super::roadmap::goal_roadmap(
            l,
            content,
            &sc.analysis.initiatives,
            sc.status,
            g.goal,
        ),
        no_status: None,
    })
}

/// The `i`th indicator page of a goal: its texts, chart or fact cards, breakdowns and table
/// of figures, as of the status's quarter.
fn page_view(sc: &Scope<'_, '_>, g: &GoalStatus, i: usize, p: &IndicatorPage) -> Option<PageView> {
    let (l, content, analysis, status) = (sc.l, sc.content, sc.analysis, sc.status);
    let ind = content.indicator(&p.indicator)?;
    let chart = sc
        .charts
        .get(&page_chart(status.quarter, p))
        .map(|c| chart_view(l, c, &p.title));
    let measures = ind.select_measures(&p.measures);
    let cards: Vec<Option<CardView>> = measures
        .iter()
        .map(|m| progress::card(l, ind, m, facts_at(analysis, sc.quarter_facts, ind, m)))
        .collect();
    let mut facts = fact_rows(l, analysis, sc.quarter_facts, ind, &p.measures);
    for (row, card) in facts.iter_mut().zip(&cards) {
        row.carded = card.is_some();
    }
    let breakdowns = measures
        .iter()
        .filter_map(|m| {
            let c = sc
                .charts
                .get(&breakdown_chart(Some(status.quarter), ind, m))?;
            let of = match (&m.name, measures.len()) {
                (Some(n), 2..) => n.as_str(),
                _ => &p.title,
            };
            let title = fill(l.charts.breakdown_title, &[("title", of)]);
            Some(chart_view(l, c, &title))
        })
        .collect();
    // Named by how many pages of the goal showed the indicator before.
    let earlier = g.pages[..i]
        .iter()
        .filter(|q| q.indicator == p.indicator)
        .count();
    let anchor = page_anchor(g.goal, &ind.id, earlier);
    Some(PageView {
        heading_anchor: names::heading_anchor(&anchor),
        anchor,
        indicator: ind.id.to_string(),
        indicator_href: names::indicator_html_from_document(&ind.id),
        title: Shown::new(l, &p.title),
        about_heading: p
            .about_heading
            .as_deref()
            .unwrap_or(l.about_indicator)
            .to_owned(),
        about: Shown::paragraphs(l, &p.about),
        frequency: ind.frequency.map(|f| l.frequency(f).to_owned()),
        data_source: ind.data_source.clone(),
        assessment_heading: p
            .assessment_heading
            .as_deref()
            .map(str::to_owned)
            .unwrap_or_else(|| {
                fill(
                    l.progress_towards,
                    &[("year", &content.strategy().horizon.to_string())],
                )
            }),
        assessment: p
            .assessment
            .as_ref()
            .map(|a| Shown::paragraphs(l, a))
            .unwrap_or_default(),
        proposed_ambition: p.proposed_ambition.as_deref().map(str::to_owned),
        chart,
        cards: cards.into_iter().flatten().collect(),
        chart_caption: p.chart_caption.as_deref().map(str::to_owned),
        breakdowns,
        facts,
        notes: p.notes.clone(),
    })
}

/// A selected indicator or sub-goal of a goal's summary: its text, its status and movement
/// for a sub-goal, and where it links: its page in the document, else its web page.
fn selected_view(sc: &Scope<'_, '_>, g: &GoalStatus, s: &Selected) -> SelectedView {
    let (l, content, status) = (sc.l, sc.content, sc.status);
    let scale = &content.strategy().initiative_scale;
    let mut view = SelectedView {
        label: s.label.as_deref().map(str::to_owned),
        text: Shown::new(l, &s.text),
        anchor: None,
        html_href: None,
        pdf_label: None,
        pdf_url: None,
        items: s.items.iter().map(|t| Shown::new(l, t)).collect(),
        notes: Vec::new(),
        status: match &s.reference {
            SelectedRef::Initiative(id) => {
                sc.analysis
                    .initiatives
                    .get(&(status.quarter, id.clone()))
                    .map(|mv| {
                        // Its movement is told against that quarter's status.
                        if let Some((before, _)) = mv.previous {
                            content.status(before);
                        }
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
    };
    match &s.reference {
        // The deck has no section of initiatives: it links the web page's, by its full
        // address when the site's is known, else not at all.
        SelectedRef::Initiative(id) => {
            let anchor = initiative_anchor(g.goal, id);
            if sc.goal_filter.is_some() {
                view.pdf_label = Some(anchor.clone());
            } else {
                let page = DocId::deck(status.quarter).html();
                view.pdf_url = web_address(sc, &page).map(|u| format!("{u}#{anchor}"));
            }
            view.anchor = Some(anchor);
        }
        SelectedRef::Indicator(id) => {
            if g.pages.iter().any(|p| &p.indicator == id) {
                view.anchor = Some(page_anchor(g.goal, id, 0));
                view.pdf_label = view.anchor.clone();
            } else {
                view.html_href = Some(names::indicator_html_from_document(id));
                view.pdf_url = web_address(sc, &names::indicator_html(id));
            }
        }
        SelectedRef::None => {}
    }
    view
}

/// The full address of the web page `name` (relative to its language's folder) in the
/// document's language, when the site's address is known.
fn web_address(sc: &Scope<'_, '_>, name: &str) -> Option<String> {
    let strategy = sc.content.strategy();
    let base = strategy.base_url.as_ref()?;
    let lang = crate::labels::Lang::from_code(sc.l.lang)?;
    Some(base.join(&LangDir::new(lang, strategy.languages.main).path(name)))
}
