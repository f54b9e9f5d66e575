//! Which languages the content is written in and each kind of output is published in.

use crate::labels::Lang;

/// What is published, each kind in its own languages, as `publish:` in `strategy.yaml`
/// names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Publication {
    /// The quarterly status decks and reports.
    Status,
    /// The editions of the annual indicator document.
    Edition,
    /// The site's front page and indicator pages.
    Site,
}

/// The main language and the languages of each kind of output, the main language first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    /// The language plain strings are written in.
    pub main: Lang,
    /// Every language published, the main one first.
    pub all: Vec<Lang>,
    /// The languages of the status decks and reports.
    pub status: Vec<Lang>,
    /// The languages of the editions.
    pub edition: Vec<Lang>,
    /// The languages of the site.
    pub site: Vec<Lang>,
}

impl Languages {
    /// Only the main language, for everything.
    pub fn only(main: Lang) -> Languages {
        Languages {
            main,
            all: vec![main],
            status: vec![main],
            edition: vec![main],
            site: vec![main],
        }
    }

    /// The languages an output kind is published in.
    pub fn of(&self, kind: Publication) -> &[Lang] {
        match kind {
            Publication::Status => &self.status,
            Publication::Edition => &self.edition,
            Publication::Site => &self.site,
        }
    }
}

impl Default for Languages {
    fn default() -> Self {
        Languages::only(Lang::Nb)
    }
}
