//! Documents: what each kind of output is made from, and the view its templates fill.
//!
//! In: the [`Content`] model, its [`crate::analyse::Analysis`] (read, never recomputed), and
//! for pages with charts the charts drawn for them. Out:
//! views — borrowed, serialisable data that the templates in [`crate::render`] place — and
//! for each document the content files it was made from: the views read the content through
//! a [`Reader`], which notes every file it hands out, so what a view read is what the manifest
//! lists — never a second list kept by hand. One file per kind of output: the quarterly [`status`] deck and
//! reports, the annual [`edition`], the [`indicator`] pages of the site and its [`index`].
//! [`names`] owns every output path, link and anchor.

pub mod csvw;
pub mod edition;
mod footnote_marks;
pub mod history;
pub mod index;
pub mod indicator;
pub mod initiative_status;
pub mod jsonstat;
pub mod kinds;
pub mod method;
pub mod names;
pub mod observations;
pub mod overview;
pub mod progress;
pub mod reader;
pub mod roadmap;
pub mod roadmap_page;
pub mod status;
pub mod status_page;
pub mod sub_goal;
pub mod text;

#[cfg(test)]
mod languages_tests;
#[cfg(test)]
mod snapshots;

use std::path::PathBuf;

use crate::analyse::Analysis;
use crate::labels::{Labels, Lang};
use crate::model::{Content, Edition, GoalNumber, Status, Text};
use names::DocId;
use reader::Reader;

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

    /// The content files it is made from: those its view reads (see [`Reader`]), found by
    /// building the view as a build does, without its charts.
    pub fn inputs(&self, l: &Labels, content: &Content, analysis: &Analysis) -> Vec<PathBuf> {
        let reader = Reader::new(content);
        match *self {
            Document::Deck(status) | Document::Report(status, _) => {
                let goal = match *self {
                    Document::Report(_, g) => Some(g),
                    _ => None,
                };
                let no_charts = std::collections::BTreeMap::new();
                status::status_view(l, &reader, analysis, status, goal, &no_charts, "");
            }
            Document::Edition(edition) => {
                edition::edition_view(l, &reader, edition, "");
            }
        }
        reader.inputs()
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
pub fn coverage(content: &Content, analysis: &Analysis) -> Vec<Coverage> {
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
        let inputs = doc.inputs(content.strategy.languages.main.labels(), content, analysis);
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

/// The ids `build --only` accepts for this content, sorted, each once: every kind's id and
/// group.
pub fn ids(content: &Content) -> Vec<DocId> {
    let mut ids: Vec<DocId> = kinds::kinds(content)
        .iter()
        .flat_map(|k| [k.group(), k.id()])
        .flatten()
        .collect();
    ids.sort();
    ids.dedup();
    ids
}
