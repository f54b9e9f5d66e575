//! Content as a view reads it: every lookup notes the file the looked-up part came from, so
//! the content files a document is made from are the ones its view actually read — derived
//! from the same code that builds the view, never listed beside it by hand.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::model::{
    Content, Edition, Goal, GoalNumber, Indicator, IndicatorId, Initiative, InitiativeId, Quarter,
    RoadmapVersion, Source, Status, Strategy,
};

/// The content of a build, read by one view; the files it read are its inputs.
pub struct Reader<'a> {
    content: &'a Content,
    read: RefCell<BTreeSet<PathBuf>>,
}

impl<'a> Reader<'a> {
    /// A reader of `content` that has read nothing yet.
    pub fn new(content: &'a Content) -> Reader<'a> {
        Reader {
            content,
            read: RefCell::new(BTreeSet::new()),
        }
    }

    fn note(&self, path: &Path) {
        if !self.read.borrow().contains(path) {
            self.read.borrow_mut().insert(path.to_path_buf());
        }
    }

    /// The strategy.
    pub fn strategy(&self) -> &'a Strategy {
        self.note(&self.content.strategy_path);
        &self.content.strategy
    }

    /// The goal with this number.
    pub fn goal(&self, number: GoalNumber) -> Option<&'a Goal> {
        let goal = self.content.goal(number)?;
        self.note(&goal.path);
        Some(goal)
    }

    /// The indicator with this id, with the files its values are read from.
    pub fn indicator(&self, id: &IndicatorId) -> Option<&'a Indicator> {
        let ind = self.content.indicator(id)?;
        self.uses_indicator(ind);
        Some(ind)
    }

    /// Notes an indicator found otherwise (such as the page's own).
    pub fn uses_indicator(&self, ind: &Indicator) {
        self.note(&ind.path);
        for m in &ind.measures {
            if let Some(file) = &m.values_file {
                self.note(file);
            }
        }
        // A measure the roadmap gave values is made from every plan and every report.
        let computed = ind.measures.iter().filter_map(|m| m.from_roadmap);
        if computed
            .into_iter()
            .any(|phase| self.content.delays.keys().any(|(_, p)| *p == phase))
        {
            for i in self.content.initiatives.values() {
                self.note(&i.path);
            }
            for s in self.content.statuses.values() {
                self.note(&s.path);
            }
        }
    }

    /// Who publishes a quarter's status: its own publisher, else its source's, else the
    /// strategy's (a deck published after 1 January 2024 is Helsedirektoratet's, the
    /// strategy's publisher having merged into it).
    pub fn status_publisher(&self, status: &Status) -> String {
        self.content.status_publisher(status)
    }

    /// The sub-goals of one goal in one version of the roadmap, in id order.
    pub fn initiatives_of(
        &self,
        goal: GoalNumber,
        version: &RoadmapVersion,
    ) -> Vec<&'a Initiative> {
        let found: Vec<&'a Initiative> = self
            .content
            .initiatives
            .values()
            .filter(|i| i.goal == goal && &i.id.version == version)
            .collect();
        for i in &found {
            self.note(&i.path);
        }
        found
    }

    /// Every quarter's count of significantly delayed deliveries (read with the indicators
    /// computed from it, whose files note the plans and reports).
    pub fn delays(&self) -> &'a crate::model::DelayShares {
        &self.content.delays
    }

    /// The initiative with this id.
    pub fn initiative(&self, id: &InitiativeId) -> Option<&'a Initiative> {
        let initiative = self.content.initiative(id)?;
        self.note(&initiative.path);
        Some(initiative)
    }

    /// The status of this quarter.
    pub fn status(&self, quarter: Quarter) -> Option<&'a Status> {
        let status = self.content.statuses.get(&quarter)?;
        self.note(&status.path);
        Some(status)
    }

    /// Notes a status found otherwise (such as the document's own).
    pub fn uses_status(&self, status: &Status) {
        self.note(&status.path);
    }

    /// Notes an edition the view shows.
    pub fn uses_edition(&self, edition: &Edition) {
        self.note(&edition.path);
    }

    /// Every status, oldest first, to search: only the ones the view then shows are noted
    /// (with [`Reader::uses_status`]).
    pub fn search_statuses(&self) -> impl Iterator<Item = &'a Status> + 'a {
        self.content.statuses.values()
    }

    /// Every goal, in order, to search: only the ones the view then shows are noted (by
    /// looking them up with [`Reader::goal`]).
    pub fn search_goals(&self) -> impl Iterator<Item = &'a Goal> + 'a {
        self.content.goals.values()
    }

    /// Every indicator, in order, to search: only the ones the view then shows are noted
    /// (with [`Reader::uses_indicator`]).
    pub fn search_indicators(&self) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.content.indicators.values()
    }

    /// Every edition, oldest first, to search: only the ones the view then shows are noted
    /// (with [`Reader::uses_edition`]).
    pub fn search_editions(&self) -> impl Iterator<Item = &'a Edition> + 'a {
        self.content.editions.values()
    }

    /// The title of a source, as printed beside the numbers taken from it.
    pub fn source_title(&self, id: &str) -> String {
        for path in &self.content.source_paths {
            self.note(path);
        }
        self.content
            .sources
            .get(id)
            .map_or_else(|| id.to_owned(), |s| s.title.clone())
    }

    /// A source document.
    pub fn source(&self, id: &str) -> Option<&'a Source> {
        for path in &self.content.source_paths {
            self.note(path);
        }
        self.content.sources.get(id)
    }

    /// The files read, sorted, each once.
    pub fn inputs(&self) -> Vec<PathBuf> {
        self.read.borrow().iter().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::bundled;

    #[test]
    fn a_lookup_notes_its_file_and_nothing_else() {
        let content = bundled();
        let reader = Reader::new(content);
        assert!(reader.inputs().is_empty());
        let id = content.indicators.keys().next().unwrap();
        let ind = reader.indicator(id).unwrap();
        let mut expected = vec![ind.path.clone()];
        expected.extend(ind.measures.iter().filter_map(|m| m.values_file.clone()));
        expected.sort();
        assert_eq!(reader.inputs(), expected);
        reader.search_statuses().count();
        assert_eq!(reader.inputs(), expected, "searching notes nothing");
    }

    /// A quarter's status as a copy of `status`, in its own file.
    fn copy_as(status: &Status, quarter: u8, file: &str) -> Status {
        let mut s = status.clone();
        s.quarter = Quarter {
            year: status.quarter.year,
            quarter,
        };
        s.path = PathBuf::from(file);
        s
    }

    #[test]
    fn a_status_document_is_made_from_the_earlier_statuses_it_is_told_against() {
        use crate::document::Document;
        use crate::model::{InitiativeStatus, Level, SelectedRef};
        let mut content = bundled().clone();
        let (_, mut first) = content.statuses.pop_first().unwrap();
        // The first quarter gives its initiatives a status, the second none, the third again.
        let mut given = 0;
        for g in first.goals.values_mut() {
            for s in &mut g.selected {
                if matches!(s.reference, SelectedRef::Initiative(_)) {
                    s.status = Some(InitiativeStatus {
                        level: Level(0),
                        comment: None,
                    });
                    given += 1;
                }
            }
        }
        assert!(given > 0, "the bundled status selects no initiative");
        let mut second = copy_as(&first, 3, "status/second.yaml");
        for g in second.goals.values_mut() {
            for s in &mut g.selected {
                s.status = None;
            }
        }
        let third = copy_as(&first, 4, "status/third.yaml");
        let first_path = first.path.clone();
        for s in [first, second, third] {
            content.statuses.insert(s.quarter, s);
        }
        let analysis = crate::analyse::analyse(&content);
        let l = crate::labels::Lang::Nb.labels();
        let (_, last) = content.statuses.last_key_value().unwrap();
        let inputs = Document::Deck(last).inputs(l, &content, &analysis);
        assert!(inputs.contains(&last.path), "{inputs:?}");
        // Its changes are told against the quarter before …
        assert!(
            inputs.contains(&PathBuf::from("status/second.yaml")),
            "{inputs:?}"
        );
        // … and its initiatives' movements against the last quarter that gave a status.
        assert!(inputs.contains(&first_path), "{inputs:?}");
        let (_, middle) = content.statuses.iter().nth(1).unwrap();
        let inputs = Document::Deck(middle).inputs(l, &content, &analysis);
        assert!(!inputs.contains(&last.path), "a later quarter: {inputs:?}");
    }
}
