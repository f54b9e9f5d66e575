//! The site's front page: every quarter's deck and reports, every edition, every indicator.

use serde::Serialize;

use super::names::{self, DocId};
use super::overview::{OverviewView, overview_view};
use super::reader::Reader;
use super::text::Shown;
use crate::analyse::Analysis;
use crate::chart::pages::Charts;
use crate::labels::Labels;
use crate::model::Content;

/// The overview of the latest quarter, the front page's first section.
#[derive(Debug, Serialize)]
pub struct IndexOverview {
    /// The status's title.
    pub title: Shown,
    /// The deck's web page.
    pub href: String,
    /// The overview.
    pub view: OverviewView,
}

/// A goal's report in a quarter.
#[derive(Debug, Serialize)]
pub struct IndexGoal {
    /// Goal number.
    pub number: u8,
    /// Goal title.
    pub title: Shown,
    /// The report's web page.
    pub href: String,
    /// The report's PDF.
    pub pdf: String,
}

/// A quarter's deck and reports.
#[derive(Debug, Serialize)]
pub struct IndexStatus {
    /// The section's anchor on the front page.
    pub anchor: String,
    /// The deck's web page.
    pub href: String,
    /// Title.
    pub title: Shown,
    /// Publication date as printed.
    pub date: String,
    /// The deck's PDF.
    pub pdf: String,
    /// The goals' reports.
    pub goals: Vec<IndexGoal>,
}

/// An edition of the annual indicator document.
#[derive(Debug, Serialize)]
pub struct IndexEdition {
    /// The edition's web page.
    pub href: String,
    /// The edition's PDF.
    pub pdf: String,
    /// Title.
    pub title: Shown,
    /// Year.
    pub year: i32,
    /// Publication date as printed.
    pub date: String,
}

/// An indicator's page.
#[derive(Debug, Serialize)]
pub struct IndexIndicator {
    /// Indicator id.
    pub id: String,
    /// Number as readers know it; none for an indicator known by its name alone.
    pub number: Option<String>,
    /// Name.
    pub name: Shown,
    /// Link to its page.
    pub href: String,
}

/// A goal's indicators.
#[derive(Debug, Serialize)]
pub struct IndexGoalIndicators {
    /// Goal number.
    pub number: u8,
    /// Goal title.
    pub title: Shown,
    /// Its indicators.
    pub indicators: Vec<IndexIndicator>,
}

/// The link to the open data's catalogue: the file, relative to the page, and its name.
#[derive(Debug, Serialize)]
pub struct CatalogLink {
    /// The file, relative to the page.
    pub href: String,
    /// Its name.
    pub name: &'static str,
}

/// What the front page shows.
#[derive(Debug, Serialize)]
pub struct IndexView {
    /// The strategy's title.
    pub strategy: Shown,
    /// Its vision.
    pub vision: Shown,
    /// Publisher.
    pub publisher: String,
    /// The licence of the data, as a reader sees it.
    pub licence: String,
    /// The whole set of indicators to download, each file with what it is for.
    pub open_data: Vec<super::indicator::Download>,
    /// The open data's DCAT-AP-NO catalogue, relative to the page, when it is written (the
    /// site's address is known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catalog: Option<CatalogLink>,
    /// The roadmap page, relative to the front page, when the content has a roadmap.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roadmap: Option<String>,
    /// The latest quarter's overview, when there is a status.
    pub overview: Option<IndexOverview>,
    /// Quarters, newest first.
    pub statuses: Vec<IndexStatus>,
    /// Editions, newest first.
    pub editions: Vec<IndexEdition>,
    /// Indicators by goal.
    pub indicators: Vec<IndexGoalIndicators>,
    /// Link to the front page itself.
    pub home: &'static str,
}

/// Builds the front page's view: the latest quarter's overview from the analysis and the
/// sparklines drawn for it, then the lists of documents and indicators.
pub fn index_view(
    l: &Labels,
    content: &Content,
    analysis: &Analysis,
    charts: &Charts,
) -> IndexView {
    let indicators = content
        .goals
        .values()
        .map(|g| IndexGoalIndicators {
            number: g.number.get(),
            title: Shown::new(l, &g.title),
            indicators: {
                let mut list: Vec<_> = content
                    .indicators
                    .values()
                    .filter(|i| i.goal == g.number)
                    .collect();
                list.sort_by_cached_key(|i| i.reading_order());
                list
            }
            .into_iter()
            .map(|i| IndexIndicator {
                id: i.id.to_string(),
                number: i.display_number().map(str::to_owned),
                name: Shown::new(l, &i.name),
                href: names::indicator_html(&i.id),
            })
            .collect(),
        })
        .collect();
    let statuses = content
        .statuses
        .values()
        .rev()
        .map(|s| {
            let deck = DocId::deck(s.quarter);
            IndexStatus {
                anchor: deck.to_string(),
                href: deck.html(),
                title: Shown::new(l, &s.title),
                date: l.date(s.date),
                pdf: deck.pdf(),
                goals: s
                    .goals
                    .keys()
                    .filter_map(|&g| content.goal(g))
                    .map(|g| {
                        let report = DocId::report(s.quarter, g.number);
                        IndexGoal {
                            number: g.number.get(),
                            title: Shown::new(l, &g.title),
                            href: report.html(),
                            pdf: report.pdf(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let editions = content
        .editions
        .values()
        .rev()
        .map(|e| IndexEdition {
            href: DocId::edition(e.year).html(),
            pdf: DocId::edition(e.year).pdf(),
            title: Shown::new(l, &e.title),
            year: e.year,
            date: l.date(e.published),
        })
        .collect();
    let overview = content
        .statuses
        .values()
        .next_back()
        .map(|s| IndexOverview {
            title: Shown::new(l, &s.title),
            href: DocId::deck(s.quarter).html(),
            view: overview_view(l, &Reader::new(content), analysis, s, None, charts),
        });
    IndexView {
        overview,
        strategy: Shown::new(l, &content.strategy.title),
        vision: Shown::new(l, &content.strategy.vision),
        publisher: content.strategy.publisher.clone(),
        licence: super::indicator::licence_line(l, &content.strategy),
        open_data: super::indicator::set_downloads(l),
        catalog: None,
        roadmap: None,
        statuses,
        editions,
        indicators,
        home: names::INDEX,
    }
}
