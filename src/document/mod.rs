//! Documents: what each kind of output is made from, and the view its templates fill.
//!
//! In: the [`Content`] model, its [`crate::analyse::Analysis`] (read, never recomputed), and
//! for pages with charts the charts drawn for them. Out:
//! views — borrowed, serialisable data that the templates in [`crate::render`] place — and
//! for each document the content files it was made from, derived from the same data the view
//! reads, never listed by hand. One file per kind of output: the quarterly [`status`] deck and
//! reports, the annual [`edition`], the [`indicator`] pages of the site and its [`index`].
//! [`names`] owns every output path, link and anchor.

pub mod edition;
pub mod index;
pub mod indicator;
pub mod initiative_status;
pub mod names;
pub mod page_charts;
pub mod progress;
pub mod status;
pub mod text;

#[cfg(test)]
mod languages_tests;
#[cfg(test)]
mod snapshots;

use std::path::PathBuf;

use crate::labels::Lang;
use crate::model::{Content, Edition, GoalNumber, SelectedRef, Status, Text};
use names::DocId;

/// One PDF document to produce, with its web page.
#[derive(Debug, Clone, Copy)]
pub enum Document<'a> {
    /// A quarter's status deck: every goal.
    Deck(&'a Status),
    /// A quarter's report for one goal.
    Report(&'a Status, GoalNumber),
    /// An edition of the annual indicator document.
    Edition(&'a Edition),
}

impl Document<'_> {
    /// The document's id, which names its files.
    pub fn id(&self) -> DocId {
        match *self {
            Document::Deck(s) => DocId::deck(s.quarter),
            Document::Report(s, goal) => DocId::report(s.quarter, goal),
            Document::Edition(e) => DocId::edition(e.year),
        }
    }

    /// The id `--only` also selects it by: a quarter's deck and reports share the deck's.
    pub fn group(&self) -> DocId {
        match *self {
            Document::Deck(s) | Document::Report(s, _) => DocId::deck(s.quarter),
            Document::Edition(e) => DocId::edition(e.year),
        }
    }

    /// The content files it is made from: the strategy, the sources, its own file (and for a
    /// status the previous quarter's, which its changes are told against), and every goal,
    /// indicator (with its CSV values) and initiative it shows.
    pub fn inputs(&self, content: &Content) -> Vec<PathBuf> {
        let mut paths = vec![content.strategy_path.clone()];
        paths.extend(content.source_paths.iter().cloned());
        let indicator = |paths: &mut Vec<PathBuf>, id| {
            if let Some(i) = content.indicator(id) {
                paths.push(i.path.clone());
                paths.extend(i.measures.iter().filter_map(|m| m.values_file.clone()));
            }
        };
        match *self {
            Document::Deck(status) | Document::Report(status, _) => {
                paths.push(status.path.clone());
                // What changed is told against the previous quarter's status.
                if let Some((_, previous)) = content.statuses.range(..status.quarter).next_back() {
                    paths.push(previous.path.clone());
                }
                let only = match *self {
                    Document::Report(_, goal) => Some(goal),
                    _ => None,
                };
                for g in status
                    .goals
                    .values()
                    .filter(|g| only.is_none_or(|n| n == g.goal))
                {
                    paths.extend(content.goal(g.goal).map(|x| x.path.clone()));
                    for p in &g.pages {
                        indicator(&mut paths, &p.indicator);
                    }
                    for s in &g.selected {
                        match &s.reference {
                            SelectedRef::Initiative(id) => {
                                paths.extend(content.initiative(id).map(|i| i.path.clone()))
                            }
                            SelectedRef::Indicator(id) => indicator(&mut paths, id),
                            SelectedRef::None => {}
                        }
                    }
                }
            }
            Document::Edition(edition) => {
                paths.push(edition.path.clone());
                for g in &edition.goals {
                    paths.extend(content.goal(g.goal).map(|x| x.path.clone()));
                    for r in &g.indicators {
                        indicator(&mut paths, &r.id);
                    }
                }
            }
        }
        paths.sort();
        paths.dedup();
        paths
    }
}

/// One line of `check --languages`: an output, a language it is published in, and how many
/// of the texts it is made from are written in that language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// The document's id, or `site` for the front page and indicator pages.
    pub id: String,
    /// The language.
    pub lang: Lang,
    /// Texts written in the language.
    pub translated: usize,
    /// Texts in all.
    pub total: usize,
}

impl std::fmt::Display for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let percent = (self.translated * 100)
            .checked_div(self.total)
            .unwrap_or(100);
        write!(
            f,
            "{}  {}  {}/{} texts ({percent} %)",
            self.id,
            self.lang.code(),
            self.translated,
            self.total
        )
    }
}

/// For every document and the site, in every language each is published in, how much of
/// its text (the texts of the files it is made from) is written in that language.
pub fn coverage(content: &Content) -> Vec<Coverage> {
    let texts: Vec<(PathBuf, Text)> = content
        .texts()
        .into_iter()
        .filter(|(_, t)| !t.is_blank())
        .collect();
    let count = |id: String, files: &[PathBuf], lang: Lang| {
        let mine = texts.iter().filter(|(p, _)| files.contains(p));
        let (translated, total) = mine.fold((0, 0), |(t, n), (_, text)| {
            (t + usize::from(text.get(lang).is_some()), n + 1)
        });
        Coverage {
            id,
            lang,
            translated,
            total,
        }
    };
    let langs = &content.strategy.languages;
    let mut out = Vec::new();
    for doc in documents(content) {
        let kind = match doc {
            Document::Deck(_) | Document::Report(..) => &langs.status,
            Document::Edition(_) => &langs.edition,
        };
        let inputs = doc.inputs(content);
        out.extend(
            kind.iter()
                .map(|&l| count(doc.id().to_string(), &inputs, l)),
        );
    }
    let site: Vec<PathBuf> = content.files.clone();
    out.extend(langs.site.iter().map(|&l| count("site".into(), &site, l)));
    out
}

/// Every document of the content: each quarter's deck and reports, then each edition.
pub fn documents(content: &Content) -> Vec<Document<'_>> {
    let mut docs = Vec::new();
    for status in content.statuses.values() {
        docs.push(Document::Deck(status));
        docs.extend(status.goals.keys().map(|&g| Document::Report(status, g)));
    }
    docs.extend(content.editions.values().map(Document::Edition));
    docs
}

/// The ids `build --only` accepts for this content, sorted, each once.
pub fn ids(content: &Content) -> Vec<DocId> {
    let mut ids: Vec<DocId> = documents(content)
        .iter()
        .flat_map(|d| [d.group(), d.id()])
        .collect();
    ids.sort();
    ids.dedup();
    ids
}
