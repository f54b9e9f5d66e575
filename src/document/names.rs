//! Every output name, link and anchor: the one place that knows where a document lands in
//! `out/` and how pages point at each other.
//!
//! Names come from the data — a new quarter `2026-Q3` gives `status-2026-q3…`, a new edition
//! `2025` gives `indikatorer-2025…` — with no change to the code.
//!
//! Languages: the main language's outputs keep these names; every other language's lie in
//! a folder named by its code with the same names inside (`nn/status-2026-q2.pdf`,
//! `nn/status-2026-q2/index.html`, `nn/indikator/1.6/index.html`, `nn/index.html`), so links
//! between the pages of one language are the same in every language.

use crate::labels::Lang;
use crate::model::{ChartId, GoalNumber, IndicatorId, InitiativeId, Quarter, RoadmapVersion};

/// Where one language's outputs lie in `out/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LangDir {
    /// The language.
    pub lang: Lang,
    /// Whether it is the main language, whose outputs lie at the top of `out/`.
    pub main: bool,
}

impl LangDir {
    /// The folder of `lang` when `main` is the content's main language.
    pub fn new(lang: Lang, main: Lang) -> LangDir {
        LangDir {
            lang,
            main: lang == main,
        }
    }

    /// An output's path relative to `out/`, from its name relative to the language's folder.
    pub fn path(&self, name: &str) -> String {
        if self.main {
            name.to_owned()
        } else {
            format!("{}/{name}", self.lang.code())
        }
    }

    /// The folder of this language's kept typst sources inside the `--keep-typst` folder.
    pub fn keep(&self, dir: &std::path::Path) -> std::path::PathBuf {
        if self.main {
            dir.to_path_buf()
        } else {
            dir.join(self.lang.code())
        }
    }
}

/// A link from the page at `from` to the file at `to`, both relative to `out/`.
pub fn href(from: &str, to: &str) -> String {
    format!("{}{to}", "../".repeat(from.matches('/').count()))
}

/// The site's front page, relative to `out/`.
pub const INDEX: &str = "index.html";

/// The sitemap, relative to `out/`, written when the site's address is known.
pub const SITEMAP: &str = "sitemap.xml";

/// What crawlers are told, relative to `out/`, written when the site's address is known.
pub const ROBOTS: &str = "robots.txt";

/// The DCAT-AP-NO catalogue of the open data, relative to `out/`, written when the site's
/// address is known.
pub const CATALOG: &str = "catalog.ttl";

/// The fragment that names a dataset, distribution or agent inside the catalogue:
/// `catalog.ttl#indikator-1.6`.
pub fn catalog_node(fragment: &str) -> String {
    format!("{CATALOG}#{fragment}")
}

/// The manifest, relative to `out/`.
pub const MANIFEST: &str = "manifest.json";

/// Whether the output at `path` (relative to `out/`) is a PDF; every other output belongs to
/// the web site.
pub fn is_pdf(path: &str) -> bool {
    path.ends_with(".pdf")
}

/// The folder of the web fonts, relative to `out/`.
pub const FONTS_DIR: &str = "assets/fonts";

/// A document's id: what `--only` selects and what its files are named after.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(String);

impl DocId {
    /// The quarterly status deck: `status-2026-q2`.
    pub fn deck(q: Quarter) -> DocId {
        DocId(format!("status-{}-q{}", q.year, q.quarter))
    }

    /// One goal's report in a quarter: `status-2026-q2-mal-3`.
    pub fn report(q: Quarter, goal: GoalNumber) -> DocId {
        DocId(format!("status-{}-q{}-mal-{goal}", q.year, q.quarter))
    }

    /// An edition of the annual indicator document: `indikatorer-2024`.
    pub fn edition(year: i32) -> DocId {
        DocId(format!("indikatorer-{year}"))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The PDF, relative to `out/`: `status-2026-q2.pdf`.
    pub fn pdf(&self) -> String {
        format!("{}.pdf", self.0)
    }

    /// The web page, relative to `out/`: `status-2026-q2/index.html`.
    pub fn html(&self) -> String {
        format!("{}/index.html", self.0)
    }

    /// The PDF as linked from the document's own web page.
    pub fn pdf_from_html(&self) -> String {
        format!("../{}.pdf", self.0)
    }

    /// The web page as linked from an indicator page, at a goal's section.
    pub fn html_from_indicator(&self, goal: GoalNumber) -> String {
        self.html_from_indicator_at(&goal_anchor(goal))
    }

    /// The web page as linked from an indicator page, at an anchor.
    pub fn html_from_indicator_at(&self, anchor: &str) -> String {
        format!("../../{}#{anchor}", self.html())
    }
}

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The site's roadmap page: the whole strategy's timeline and status history.
pub const ROADMAP: &str = "veikart/index.html";

/// A roadmap sub-goal's page: `delmal/1A/index.html`.
pub fn sub_goal_html(id: &InitiativeId) -> String {
    format!("delmal/{}/index.html", sub_goal_slug(id))
}

/// A sub-goal's folder name: its code (`1A`), after its roadmap version's id when the
/// content declares versions (`2023-1.B`), so that sub-goals of two versions with one code
/// have two pages, and a page's address does not change when a later version is added.
fn sub_goal_slug(id: &InitiativeId) -> String {
    if id.version.is_named() {
        format!("{}-{}", id.version.id, id.code)
    } else {
        id.code.clone()
    }
}

/// A sub-goal's page as linked from a page one folder deep: the roadmap page, a status page.
pub fn sub_goal_html_from_roadmap(id: &InitiativeId) -> String {
    format!("../{}", sub_goal_html(id))
}

/// The roadmap page as linked from a sub-goal's page.
pub const ROADMAP_FROM_SUB_GOAL: &str = "../../veikart/index.html";

/// The anchor of the roadmap page's status history.
pub const HISTORY_ANCHOR: &str = "status-per-kvartal";

/// The front page as linked from a document's web page.
pub const HOME_FROM_DOCUMENT: &str = "../index.html";

/// The front page as linked from an indicator page.
pub const HOME_FROM_INDICATOR: &str = "../../index.html";

/// An indicator page's folder, relative to `out/`: `indikator/1.6`.
pub fn indicator_dir(id: &IndicatorId) -> String {
    format!("indikator/{id}")
}

/// An indicator page, relative to `out/`.
pub fn indicator_html(id: &IndicatorId) -> String {
    format!("{}/index.html", indicator_dir(id))
}

/// An indicator page as linked from a document's web page.
pub fn indicator_html_from_document(id: &IndicatorId) -> String {
    format!("../{}", indicator_html(id))
}

/// The name of an indicator's data file, beside its page.
pub const INDICATOR_CSV: &str = "data.csv";

/// The name of an indicator's metadata file, beside its page.
pub const INDICATOR_METADATA: &str = "metadata.json";

/// An indicator page's data, relative to `out/`.
pub fn indicator_csv(id: &IndicatorId) -> String {
    format!("{}/{INDICATOR_CSV}", indicator_dir(id))
}

/// An indicator page's metadata, relative to `out/`.
pub fn indicator_metadata(id: &IndicatorId) -> String {
    format!("{}/{INDICATOR_METADATA}", indicator_dir(id))
}

/// The name of an indicator's JSON-stat dataset, beside its page.
pub const INDICATOR_JSONSTAT: &str = "data.json";

/// The name of the CSV on the Web metadata of an indicator's data file, beside it.
pub const INDICATOR_CSV_METADATA: &str = "data.csv-metadata.json";

/// An indicator's JSON-stat dataset, relative to `out/`.
pub fn indicator_jsonstat(id: &IndicatorId) -> String {
    format!("{}/{INDICATOR_JSONSTAT}", indicator_dir(id))
}

/// The CSV on the Web metadata of an indicator's data file, relative to `out/`.
pub fn indicator_csv_metadata(id: &IndicatorId) -> String {
    format!("{}/{INDICATOR_CSV_METADATA}", indicator_dir(id))
}

/// The whole set of indicators as a JSON-stat dataset, relative to a language's folder.
pub const SET_JSONSTAT: &str = "data/indikatorer.json";

/// The whole set of indicators as CSV, relative to a language's folder.
pub const SET_CSV: &str = "data/indikatorer.csv";

/// The CSV on the Web metadata of the whole set's CSV, relative to a language's folder.
pub const SET_CSV_METADATA: &str = "data/indikatorer.csv-metadata.json";

/// The name of a file inside its folder: `data.csv` for `indikator/1.6/data.csv`.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A web font, relative to `out/`.
pub fn font(name: &str) -> String {
    format!("{FONTS_DIR}/{name}")
}

/// The anchor of a goal's section in a status document or edition: `mal-3`.
pub fn goal_anchor(goal: GoalNumber) -> String {
    format!("mal-{goal}")
}

/// The id of the heading that names the section at `anchor` (for `aria-labelledby`).
pub fn heading_anchor(anchor: &str) -> String {
    format!("{anchor}-tittel")
}

/// The id of a goal section's heading: `mal-3-tittel`.
pub fn goal_heading_anchor(goal: GoalNumber) -> String {
    heading_anchor(&goal_anchor(goal))
}

/// The anchor (and typst label) of a goal's roadmap timeline in a status document:
/// `mal-3-veikart`.
pub fn timeline_anchor(goal: GoalNumber) -> String {
    format!("mal-{goal}-veikart")
}

/// The anchor of an earlier version of the roadmap on the roadmap page: `veikart-2023`.
pub fn roadmap_version_anchor(version: &RoadmapVersion) -> String {
    format!("veikart-{}", version.id)
}

/// The anchor of a goal's timeline in a version of the roadmap: `veikart-2023-mal-5`.
pub fn version_timeline_anchor(version: &RoadmapVersion, goal: GoalNumber) -> String {
    format!("{}-mal-{goal}", roadmap_version_anchor(version))
}

/// The anchor of a goal's roadmap sub-goals in a status document: `mal-3-delmal`.
pub fn roadmap_anchor(goal: GoalNumber) -> String {
    format!("mal-{goal}-delmal")
}

/// The label of a goal's first row in a status document's table of changes, which its
/// repeated heading on a later page reads to say that it continues: `endringer-mal-3`.
pub fn changes_label(goal: GoalNumber) -> String {
    format!("{}-mal-{goal}", ANCHORS.changes)
}

/// The label of a goal's summary in the deck, and the prefix of its sections' labels, which
/// their repeated headings read to say that they continue: `oppsummering-mal-3`.
pub fn summary_label(goal: GoalNumber) -> String {
    format!("oppsummering-mal-{goal}")
}

/// The anchor of an indicator page's `n`th measure (from 1): `maling-2`.
pub fn measure_anchor(n: usize) -> String {
    format!("maling-{n}")
}

/// The anchors every web page of a kind has once.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Anchors {
    /// The main content, where the skip link leads.
    pub content: &'static str,
    /// A status document's changes since the previous quarter.
    pub changes: &'static str,
    /// A status document's scale of initiative statuses.
    pub scale: &'static str,
    /// The method behind the progress classes.
    pub method: &'static str,
    /// An indicator page's description.
    pub about: &'static str,
    /// An indicator page's history of documents.
    pub history: &'static str,
    /// The front page's list of editions.
    pub editions: &'static str,
    /// The front page's list of indicators.
    pub indicators: &'static str,
    /// The open data: an indicator page's downloads, the front page's whole set.
    pub open_data: &'static str,
    /// The overview of every goal ("Samlet status"): the front page's first section.
    pub overview: &'static str,
    /// A sub-goal page's deliveries.
    pub deliveries: &'static str,
    /// A sub-goal page's reasons for following it.
    pub relevance: &'static str,
    /// A sub-goal page's reports by quarter.
    pub reports: &'static str,
}

/// The anchors of the web pages.
pub const ANCHORS: Anchors = Anchors {
    content: "innhold",
    changes: "endringer",
    scale: "statusskala",
    method: "metode",
    about: "om",
    history: "historikk",
    editions: "indikatorer",
    indicators: "alle-indikatorer",
    open_data: "apne-data",
    overview: "samlet-status",
    deliveries: "leveranser",
    relevance: "hvorfor",
    reports: "rapportert",
};

/// The anchor of an indicator page in a status document, named by the goal and the indicator,
/// not by the page's place: `mal-3-indikator-2-5-1`; a goal's second page on the same
/// indicator (`earlier` pages of it before) `mal-3-indikator-2-5-1-2`, and so on.
pub fn page_anchor(goal: GoalNumber, indicator: &IndicatorId, earlier: usize) -> String {
    let name = format!("mal-{goal}-indikator-{}", indicator.replace('.', "-"));
    match earlier {
        0 => name,
        n => format!("{name}-{}", n + 1),
    }
}

/// The anchor of an initiative in a status document: `mal-1-initiativ-1A`.
pub fn initiative_anchor(goal: GoalNumber, id: &InitiativeId) -> String {
    format!("mal-{goal}-initiativ-{id}")
}

/// The file name of a chart: `2026-q2-2.5.1.svg` for a status page showing every measure of
/// the indicator, `2026-q2-1.6-totalt.svg` for one showing some (`+` between them);
/// `indikator-1.6-totalt.svg` (`indikator-1.6.svg` for a single unnamed measure) for a
/// measure on its indicator's web page; `fordeling-2026-q2-1.6-totalt.svg` and
/// `fordeling-indikator-1.6-totalt.svg` for a measure's breakdown on either.
pub fn chart_file(id: &ChartId) -> String {
    match id {
        ChartId::Page {
            quarter,
            indicator,
            measures,
        } => {
            let mut name = format!("{}-q{}-{indicator}", quarter.year, quarter.quarter);
            if !measures.is_empty() {
                let ids: Vec<&str> = measures.iter().map(|m| &**m).collect();
                name = format!("{name}-{}", ids.join("+"));
            }
            format!("{name}.svg")
        }
        ChartId::Measure {
            indicator,
            measure: Some(m),
        } => format!("indikator-{indicator}-{m}.svg"),
        ChartId::Measure {
            indicator,
            measure: None,
        } => format!("indikator-{indicator}.svg"),
        ChartId::Breakdown {
            quarter,
            indicator,
            measure,
        } => {
            let of = match quarter {
                Some(q) => format!("{}-q{}", q.year, q.quarter),
                None => "indikator".to_owned(),
            };
            let measure = measure
                .as_ref()
                .map(|m| format!("-{m}"))
                .unwrap_or_default();
            format!("fordeling-{of}-{indicator}{measure}.svg")
        }
        ChartId::Sparkline {
            quarter,
            indicator,
            measure,
        } => {
            let measure = measure
                .as_ref()
                .map(|m| format!("-{m}"))
                .unwrap_or_default();
            format!(
                "linje-{}-q{}-{indicator}{measure}.svg",
                quarter.year, quarter.quarter
            )
        }
    }
}

/// The typst label of a goal's group in the overview's table, which its repeated heading on
/// a later page reads to say that it continues, and the web page's anchor of the goal's
/// overview: `samlet-status-mal-3`.
pub fn overview_label(goal: GoalNumber) -> String {
    format!("{}-mal-{goal}", ANCHORS.overview)
}

/// Where a chart lies for a document's typst source: relative to it, so that the source and
/// its charts can be kept in a folder of their own (`build --keep-typst`).
pub fn chart_in_typst(id: &ChartId) -> String {
    format!("charts/{}", chart_file(id))
}

/// A kept document's typst source, inside its folder `DIR/<id>/`.
pub const TYPST_MAIN: &str = "main.typ";

/// The folder of the kept fonts, inside the `--keep-typst` folder.
pub const TYPST_FONTS: &str = "fonts";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_data() {
        let q = Quarter {
            year: 2026,
            quarter: 2,
        };
        let goal = GoalNumber::new(3).unwrap();
        assert_eq!(DocId::deck(q).pdf(), "status-2026-q2.pdf");
        assert_eq!(
            DocId::report(q, goal).html(),
            "status-2026-q2-mal-3/index.html"
        );
        assert_eq!(DocId::edition(2024).pdf(), "indikatorer-2024.pdf");
        assert_eq!(
            page_anchor(goal, &IndicatorId::new("2.5.1"), 0),
            "mal-3-indikator-2-5-1"
        );
        assert_eq!(
            page_anchor(goal, &IndicatorId::new("2.5.1"), 1),
            "mal-3-indikator-2-5-1-2"
        );
        assert_eq!(
            indicator_html(&IndicatorId::new("1.6")),
            "indikator/1.6/index.html"
        );
        assert_eq!(
            indicator_html_from_document(&IndicatorId::new("1.6")),
            "../indikator/1.6/index.html"
        );
        let page = |measures: &[&str]| ChartId::Page {
            quarter: q,
            indicator: IndicatorId::new("1.6"),
            measures: measures
                .iter()
                .map(|m| crate::model::MeasureId::new(*m))
                .collect(),
        };
        assert_eq!(chart_in_typst(&page(&[])), "charts/2026-q2-1.6.svg");
        assert_eq!(
            chart_file(&page(&["totalt", "trygghetsalarm"])),
            "2026-q2-1.6-totalt+trygghetsalarm.svg"
        );
        let measure = |m: Option<&str>| ChartId::Measure {
            indicator: IndicatorId::new("1.6"),
            measure: m.map(crate::model::MeasureId::new),
        };
        assert_eq!(
            chart_file(&measure(Some("totalt"))),
            "indikator-1.6-totalt.svg"
        );
        assert_eq!(chart_file(&measure(None)), "indikator-1.6.svg");
        let breakdown = |quarter: Option<Quarter>, m: Option<&str>| ChartId::Breakdown {
            quarter,
            indicator: IndicatorId::new("1.6"),
            measure: m.map(crate::model::MeasureId::new),
        };
        assert_eq!(
            chart_file(&breakdown(Some(q), Some("totalt"))),
            "fordeling-2026-q2-1.6-totalt.svg"
        );
        assert_eq!(
            chart_file(&breakdown(None, None)),
            "fordeling-indikator-1.6.svg"
        );
    }

    #[test]
    fn other_languages_lie_in_a_folder_of_their_own() {
        let q = Quarter {
            year: 2026,
            quarter: 2,
        };
        let nn = LangDir::new(Lang::Nn, Lang::Nb);
        let nb = LangDir::new(Lang::Nb, Lang::Nb);
        assert_eq!(nn.path(&DocId::deck(q).pdf()), "nn/status-2026-q2.pdf");
        assert_eq!(nb.path(INDEX), "index.html");
        let page = DocId::deck(q).html();
        assert_eq!(
            href(&nn.path(&page), &nb.path(&page)),
            "../../status-2026-q2/index.html"
        );
        assert_eq!(href(&nb.path(INDEX), &nn.path(INDEX)), "nn/index.html");
    }
}
