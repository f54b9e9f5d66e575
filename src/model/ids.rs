//! Typed ids: an indicator's id is not an initiative's, and neither is a bare string. Each
//! orders the way readers expect (`2.5.10` after `2.5.9`), so maps keyed by them iterate in
//! print order.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;

use serde::Serialize;

/// Declares a string id newtype that reads as the `str` it wraps, but is not interchangeable
/// with ids of other kinds.
macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id that validation has checked.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }
    };
}

string_id!(
    /// An indicator's id: a number such as `1.6` or `2.5.3`, or a slug such as `pjd-legevakt`.
    IndicatorId
);
string_id!(
    /// A measure's id within its indicator.
    MeasureId
);
string_id!(
    /// A source document's id in `sources.yaml`.
    SourceId
);
string_id!(
    /// A roadmap delivery's id, unique within its sub-goal.
    DeliveryId
);

/// Whether an id is made of dot-separated numbers of up to three digits (`2.5.3`).
pub fn is_numbered(s: &str) -> bool {
    !s.is_empty()
        && s.split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Sort key putting `2.5.10` after `2.5.9` and numbered ids before slugs; the text itself
/// breaks ties, so the order agrees with equality.
fn natural_key(id: &str) -> (u8, Vec<u32>, &str) {
    if is_numbered(id) {
        (
            0,
            id.split('.').map(|p| p.parse().unwrap_or(0)).collect(),
            id,
        )
    } else {
        (1, Vec::new(), id)
    }
}

impl Ord for IndicatorId {
    fn cmp(&self, other: &Self) -> Ordering {
        natural_key(&self.0).cmp(&natural_key(&other.0))
    }
}

impl PartialOrd for IndicatorId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Plain text order, for ids that are not numbers.
macro_rules! text_order {
    ($($name:ident),*) => {$(
        impl Ord for $name {
            fn cmp(&self, other: &Self) -> Ordering {
                self.0.cmp(&other.0)
            }
        }

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }
    )*};
}

text_order!(MeasureId, SourceId, DeliveryId);

/// A version of the roadmap: its place in `strategy.yaml`'s `roadmaps:` (oldest first) and its
/// id there (`2023`); the one unnamed version, index 0 and id `""`, when none are declared.
/// Versions order by their place, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct RoadmapVersion {
    /// Its place in `roadmaps:`.
    pub index: u16,
    /// Its id in `roadmaps:`; empty for the one unnamed version.
    pub id: String,
}

impl RoadmapVersion {
    /// Whether this is a declared version (a roadmap with a name), not the one unnamed.
    pub fn is_named(&self) -> bool {
        !self.id.is_empty()
    }
}

/// A roadmap sub-goal's (initiative's) id: the version of the roadmap it belongs to and its
/// code there (`1A`, or `1.B` as the 2023 plan writes it). Sub-goals of different versions are
/// different sub-goals even when their codes agree: seed 002's 5.B is not merged with the 2026
/// roadmap's 5A, nor the 2023 plan's 1.A with the 2026 roadmap's 1A. It prints as its code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InitiativeId {
    /// The roadmap version.
    pub version: RoadmapVersion,
    /// The code printed.
    pub code: String,
}

impl InitiativeId {
    /// Wraps an id that validation has checked.
    pub fn new(version: RoadmapVersion, code: impl Into<String>) -> Self {
        Self {
            version,
            code: code.into(),
        }
    }

    /// The id with its version, where a reader of the content's files needs it: `2023/1.B`,
    /// or `1A` in a roadmap without named versions.
    pub fn qualified(&self) -> String {
        if self.version.is_named() {
            format!("{}/{}", self.version.id, self.code)
        } else {
            self.code.clone()
        }
    }

    /// The goal number its code starts with.
    pub fn goal_digit(&self) -> Option<u8> {
        self.code
            .bytes()
            .next()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
    }
}

impl fmt::Display for InitiativeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)
    }
}

impl Serialize for InitiativeId {
    fn serialize<Ser: serde::Serializer>(&self, s: Ser) -> Result<Ser::Ok, Ser::Error> {
        s.serialize_str(&self.code)
    }
}

/// A strategic goal's number, 1 to 5 (mål 1–5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct GoalNumber(u8);

impl GoalNumber {
    /// The goals the strategy has.
    pub const RANGE: std::ops::RangeInclusive<u8> = 1..=5;

    /// The goal number `n`, when it is one of the strategy's.
    pub fn new(n: u8) -> Option<Self> {
        Self::RANGE.contains(&n).then_some(Self(n))
    }

    /// The number as printed.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for GoalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A quarter of a year: the period a status reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// The year.
    pub year: i32,
    /// 1 to 4.
    pub quarter: u8,
}

impl Quarter {
    /// The quarter with this running number (`year * 4 + quarter - 1`).
    pub fn from_index(index: i32) -> Quarter {
        Quarter {
            year: index.div_euclid(4),
            quarter: (index.rem_euclid(4) + 1) as u8,
        }
    }

    /// Its running number: quarters apart are numbers apart.
    pub fn index(self) -> i32 {
        self.year * 4 + i32::from(self.quarter) - 1
    }

    /// How many quarters `self` lies after `earlier` (negative when before).
    pub fn since(self, earlier: Quarter) -> i32 {
        self.index() - earlier.index()
    }
}

/// Which chart: named by what it draws, never by its place in a list. The chart stage draws
/// it; `document::names` gives its file name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChartId {
    /// The chart of an indicator page of a quarter's status: the indicator's measures that
    /// the page selects (all when empty), as of the quarter's end. Pages that show the same
    /// measures in one quarter show the same chart, under their own titles.
    Page {
        /// The status's quarter.
        quarter: Quarter,
        /// The indicator the page is about.
        indicator: IndicatorId,
        /// The measures the page selects; empty for all.
        measures: Vec<MeasureId>,
    },
    /// The chart of one measure on its indicator's web page.
    Measure {
        /// The indicator.
        indicator: IndicatorId,
        /// The measure; `None` for an indicator's single unnamed measure.
        measure: Option<MeasureId>,
    },
    /// The breakdown of one measure's values (per health region, per category): on a status
    /// page as of its quarter's end, or on the indicator's web page over every value.
    Breakdown {
        /// The status's quarter; `None` on the indicator's web page.
        quarter: Option<Quarter>,
        /// The indicator.
        indicator: IndicatorId,
        /// The measure; `None` for an indicator's single unnamed measure.
        measure: Option<MeasureId>,
    },
    /// The sparkline of one selected measure in a quarter's overview: its measured values
    /// as of the quarter's end.
    Sparkline {
        /// The status's quarter.
        quarter: Quarter,
        /// The indicator.
        indicator: IndicatorId,
        /// The measure; `None` for an indicator's single unnamed measure.
        measure: Option<MeasureId>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indicator_ids_sort_naturally_and_agree_with_equality() {
        let mut ids: Vec<IndicatorId> = ["tillit", "2.5.10", "1.6", "2.5.9", "2.10", "2.2"]
            .into_iter()
            .map(IndicatorId::new)
            .collect();
        ids.sort();
        let order: Vec<&str> = ids.iter().map(|id| &**id).collect();
        assert_eq!(order, ["1.6", "2.2", "2.5.9", "2.5.10", "2.10", "tillit"]);
        let (a, b) = (IndicatorId::new("1.06"), IndicatorId::new("1.6"));
        assert_ne!(a, b);
        assert_ne!(a.cmp(&b), Ordering::Equal);
    }

    #[test]
    fn goal_numbers_are_one_to_five() {
        assert!(GoalNumber::new(0).is_none() && GoalNumber::new(6).is_none());
    }
}
