//! The validated model: everything in `content/`, checked and cross-referenced.
//!
//! In: nothing (validation builds it). Out: [`Content`], the only content type that travels
//! past validation. It holds data, never words for readers: those come from
//! [`crate::labels`]. Lists are sorted (goals by number, indicators by id, values by period)
//! and looked up through maps keyed by typed ids, so every output is deterministic.

mod edition;
mod ids;
mod indicator;
mod languages;
pub mod period;
mod roadmap;
mod status;
mod text;
mod texts;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

pub use edition::*;
pub use ids::*;
pub use indicator::*;
pub use languages::{Languages, Publication};
pub use period::Period;
pub use roadmap::*;
pub use status::*;
pub use text::Text;

/// All content of a project, each kind in a map keyed by its typed id and iterated in print
/// order.
#[derive(Debug, Clone)]
pub struct Content {
    /// The strategy.
    pub strategy: Strategy,
    /// Source documents by id.
    pub sources: BTreeMap<SourceId, Source>,
    /// Goals 1 to 5.
    pub goals: BTreeMap<GoalNumber, Goal>,
    /// Indicators, in natural id order.
    pub indicators: BTreeMap<IndicatorId, Indicator>,
    /// Initiatives, in id order.
    pub initiatives: BTreeMap<InitiativeId, Initiative>,
    /// Quarterly statuses, oldest first.
    pub statuses: BTreeMap<Quarter, Status>,
    /// Editions of the annual indicator document by year, oldest first.
    pub editions: BTreeMap<i32, Edition>,
    /// Each quarter's share of roadmap deliveries significantly delayed, per phase: the
    /// values of the measures computed from the roadmap.
    pub delays: DelayShares,
    /// The strategy file.
    pub strategy_path: PathBuf,
    /// The sources files.
    pub source_paths: Vec<PathBuf>,
    /// Every content file, in discovery order.
    pub files: Vec<PathBuf>,
}

impl Content {
    /// The goal with this number.
    pub fn goal(&self, number: GoalNumber) -> Option<&Goal> {
        self.goals.get(&number)
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &IndicatorId) -> Option<&Indicator> {
        self.indicators.get(id)
    }

    /// The initiative with this id.
    pub fn initiative(&self, id: &InitiativeId) -> Option<&Initiative> {
        self.initiatives.get(id)
    }

    /// Who publishes a quarter's status: the status's own publisher, else its source's, else
    /// the strategy's.
    pub fn status_publisher(&self, status: &Status) -> String {
        status
            .publisher
            .clone()
            .or_else(|| self.sources.get(&status.source)?.publisher.clone())
            .unwrap_or_else(|| self.strategy.publisher.clone())
    }
}

/// The strategy.
#[derive(Debug, Clone, Serialize)]
pub struct Strategy {
    /// Title.
    pub title: Text,
    /// Subtitle.
    pub subtitle: Option<Text>,
    /// Vision.
    pub vision: Text,
    /// Horizon year.
    pub horizon: i32,
    /// Publisher.
    pub publisher: String,
    /// The main language and the languages each kind of output is published in.
    #[serde(skip)]
    pub languages: Languages,
    /// The scale initiative statuses are given on.
    #[serde(skip)]
    pub initiative_scale: InitiativeScale,
    /// Where the growth-ratio method draws the line between its classes.
    pub thresholds: Thresholds,
    /// The site's address, when it is known: canonical links, the sitemap and absolute links
    /// in the PDFs follow from it.
    #[serde(skip)]
    pub base_url: Option<BaseUrl>,
    /// The licence the data is published under, when the content names one.
    #[serde(skip)]
    pub licence: Option<Licence>,
    /// When a roadmap delivery counts as significantly delayed.
    #[serde(skip)]
    pub delay_rule: DelayRule,
    /// Where users of the open data reach the publisher, when the content says.
    #[serde(skip)]
    pub contact: Option<Contact>,
    /// The versions of the roadmap, oldest first; empty when the content declares none (the
    /// roadmap then has one version, unnamed).
    #[serde(skip)]
    pub roadmaps: Vec<Roadmap>,
}

impl Strategy {
    /// The version a file follows when it names none: the latest declared, or the one unnamed.
    pub fn latest_roadmap(&self) -> RoadmapVersion {
        self.roadmaps
            .last()
            .map(|r| r.version.clone())
            .unwrap_or_default()
    }

    /// A declared version of the roadmap.
    pub fn roadmap(&self, version: &RoadmapVersion) -> Option<&Roadmap> {
        self.roadmaps.iter().find(|r| &r.version == version)
    }
}

/// Where users of the open data reach the publisher: an e-mail address, a web address, or both.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contact {
    /// An e-mail address.
    pub email: Option<String>,
    /// A web address.
    pub url: Option<String>,
}

impl Contact {
    /// Whether it names no way to reach the publisher.
    pub fn is_empty(&self) -> bool {
        self.email.is_none() && self.url.is_none()
    }

    /// Checks an e-mail address: one `@` with text on each side, a dot in the domain, and
    /// no spaces, quotes, brackets or separators; the error says what is expected.
    pub fn parse_email(text: &str) -> Result<String, &'static str> {
        let t = text.trim();
        let ok = match t.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !t.chars().any(|c| {
                        c.is_whitespace() || c.is_control() || "<>\"'()[]\\,;:`{}|^".contains(c)
                    })
                    && !domain.contains('@')
            }
            None => false,
        };
        if ok {
            Ok(t.to_owned())
        } else {
            Err("expected an address such as postmottak@example.no")
        }
    }
}

/// A licence for open data: a known one by its address and name, or another by its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Licence {
    /// The licence's address.
    pub url: String,
    /// Its short name, for a known licence (`NLOD 2.0`).
    pub name: Option<&'static str>,
}

impl Licence {
    /// The licences known by name: identifier, short name, address.
    pub const KNOWN: [(&'static str, &'static str, &'static str); 2] = [
        ("NLOD-2.0", "NLOD 2.0", "https://data.norge.no/nlod/no/2.0"),
        (
            "CC-BY-4.0",
            "CC BY 4.0",
            "https://creativecommons.org/licenses/by/4.0/",
        ),
    ];

    /// A known licence by its identifier or address, or any other `https://` address; the
    /// error says what is expected.
    pub fn parse(text: &str) -> Result<Licence, String> {
        let t = text.trim();
        let same = |url: &str| t.trim_end_matches('/') == url.trim_end_matches('/');
        if let Some((_, name, url)) = Self::KNOWN
            .iter()
            .find(|(id, _, url)| t.eq_ignore_ascii_case(id) || same(url))
        {
            return Ok(Licence {
                url: (*url).to_owned(),
                name: Some(name),
            });
        }
        match BaseUrl::parse(t) {
            Ok(_) if t.starts_with("https://") => Ok(Licence {
                url: t.to_owned(),
                name: None,
            }),
            _ => Err(format!(
                "expected {} or the licence's https:// address",
                Self::KNOWN.map(|(id, ..)| format!("`{id}`")).join(", ")
            )),
        }
    }

    /// How a reader sees it: its short name, else its address.
    pub fn title(&self) -> &str {
        self.name.unwrap_or(&self.url)
    }
}

/// The address the site is published at: an absolute `http(s)` address that ends with `/`,
/// which every page's path is joined to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Checks an address, adding the closing `/` when it lacks one; the error says what is
    /// wrong.
    pub fn parse(text: &str) -> Result<BaseUrl, &'static str> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .ok_or("expected an address starting with https:// or http://")?;
        if rest.is_empty() || rest.starts_with('/') {
            return Err("expected a host after https://");
        }
        if t.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '"' | '<' | '>' | '\\')
        }) {
            return Err("expected no spaces, query, fragment, quotes or angle brackets");
        }
        let mut url = t.to_owned();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(BaseUrl(url))
    }

    /// The address of the output at `path` (relative to `out/`); a folder's `index.html` is
    /// addressed as the folder.
    pub fn join(&self, path: &str) -> String {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        format!("{}{path}", self.0)
    }
}

/// The lower bounds of the progress classes, as ratios of the observed to the required
/// growth rate (`R`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    /// `R` at or above this is on track.
    pub on_track: f64,
    /// `R` at or above this (and below `on_track`) is moderate progress.
    pub moderate: f64,
}

impl Default for Thresholds {
    /// Statistics Canada's and open-sdg's thresholds: 0.95 and 0.60.
    fn default() -> Self {
        Thresholds {
            on_track: 0.95,
            moderate: 0.60,
        }
    }
}

/// A source document.
#[derive(Debug, Clone)]
pub struct Source {
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: Option<String>,
    /// Date or period: when its figures were reported.
    pub date: Option<Period>,
}

/// A strategic goal.
#[derive(Debug, Clone)]
pub struct Goal {
    /// 1 to 5.
    pub number: GoalNumber,
    /// Title.
    pub title: Text,
    /// Summary.
    pub summary: Text,
    /// The file it was read from.
    pub path: PathBuf,
}

#[cfg(test)]
mod base_url_tests {
    use super::BaseUrl;

    #[test]
    fn an_address_ends_with_a_slash_and_addresses_folders_by_their_index() {
        let url = BaseUrl::parse("https://example.org/e-helse").unwrap();
        assert_eq!(url.join("index.html"), "https://example.org/e-helse/");
        assert_eq!(
            url.join("nn/indikator/1.6/index.html"),
            "https://example.org/e-helse/nn/indikator/1.6/"
        );
        assert_eq!(
            url.join("sitemap.xml"),
            "https://example.org/e-helse/sitemap.xml"
        );
        assert_eq!(
            super::Licence::parse("nlod-2.0").unwrap().url,
            "https://data.norge.no/nlod/no/2.0"
        );
        assert!(super::Licence::parse("http://example.org/l").is_err());
        assert!(super::Contact::parse_email("post@example.no").is_ok());
        for bad in [
            "post",
            "@example.no",
            "a@b",
            "a b@example.no",
            "a@x.no>",
            "a@b@c.no",
        ] {
            assert!(super::Contact::parse_email(bad).is_err(), "{bad}");
        }
        for bad in [
            "example.org",
            "ftp://x/",
            "https://",
            "https:///x",
            "https://a b/",
            "https://x/?q",
            "https://x/#f",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
