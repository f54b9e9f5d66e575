//! Where problems go: a [`Sink`] per file, and the [`Known`] ids of each kind that tell a
//! reference to nothing from a reference to a file with problems of its own.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;

use super::checks::check_number;
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::input::raw::PeriodText;
use crate::model::{Period, Quantity, Unit};

/// Collects problems for one file.
pub(super) struct Sink<'a> {
    pub path: &'a Path,
    pub problems: &'a mut Vec<Diagnostic>,
}

impl Sink<'_> {
    /// Reports a problem at `spanned`, spanning its value, with a hint of what to do.
    pub fn hinted<T>(&mut self, spanned: &Spanned<T>, message: String, help: &str) {
        let pos = Pos::from_location(&spanned.referenced);
        let mut d = Diagnostic::new(self.path, pos, message).with_help(help);
        if let Ok(len) = u32::try_from(spanned.referenced.span().len())
            && len > 0
        {
            d = d.with_len(len);
        }
        self.problems.push(d);
    }

    /// Reports a problem at the place of `spanned`, spanning its value.
    pub fn at<T>(&mut self, spanned: &Spanned<T>, message: impl Into<String>) {
        self.coded(Code::Invalid, spanned, message);
    }

    /// Reports a problem of a kind with its own code at the place of `spanned`.
    pub fn coded<T>(&mut self, code: Code, spanned: &Spanned<T>, message: impl Into<String>) {
        let pos = Pos::from_location(&spanned.referenced);
        let mut d = Diagnostic::new(self.path, pos, message).with_code(code);
        // A list or mapping has no length here: the token at its start stands for it.
        d.len = u32::try_from(spanned.referenced.span().len())
            .ok()
            .filter(|&len| len > 0);
        self.problems.push(d);
    }

    /// The trimmed `name`, when it is not empty and not yet in `seen` (which it then joins);
    /// else reports it as `empty` or with the message `twice` makes of it, and gives none.
    pub fn name_once<'n>(
        &mut self,
        name: &'n Spanned<String>,
        seen: &mut HashSet<&'n str>,
        empty: &str,
        twice: impl FnOnce(&str) -> String,
    ) -> Option<&'n str> {
        let text = name.value.trim();
        if text.is_empty() {
            self.at(name, empty);
            None
        } else if !seen.insert(text) {
            self.at(name, twice(text));
            None
        } else {
            Some(text)
        }
    }

    /// The link, when it is a web address; else reports it, so that a footnote cannot carry
    /// `javascript:` into the HTML.
    pub fn url(&mut self, url: &Spanned<String>) -> Option<String> {
        let u = url.value.trim();
        let lower = u.to_ascii_lowercase();
        let web = (lower.starts_with("https://") || lower.starts_with("http://"))
            && u.len() > "https://".len()
            && !u.chars().any(|c| c.is_whitespace() || c.is_control());
        if web {
            Some(u.to_owned())
        } else {
            self.at(
                url,
                format!(
                    "invalid link `{}` (expected a web address starting with https:// or http://)",
                    url.value
                ),
            );
            None
        }
    }

    /// Parses a period, reporting it when malformed.
    pub fn period(&mut self, p: &Spanned<PeriodText>) -> Option<Period> {
        match Period::parse(&p.value.0) {
            Ok(period) => Some(period),
            Err(e) => {
                let message = format!("invalid period `{}`: {e}", p.value.0);
                self.coded(Code::InvalidPeriod, p, message);
                None
            }
        }
    }

    /// Checks a number against its unit, reporting it when out of range.
    pub fn number(&mut self, n: &Spanned<f64>, unit: Unit, what: &str) -> Option<f64> {
        match check_number(n.value, unit, what) {
            Ok(v) => Some(v),
            Err(e) => {
                self.coded(Code::OutOfRange, n, e);
                None
            }
        }
    }

    /// Checks a number and its optional denominator.
    pub fn quantity(
        &mut self,
        value: &Spanned<f64>,
        of: Option<&Spanned<f64>>,
        unit: Unit,
        what: &str,
    ) -> Option<Quantity> {
        let v = self.number(value, unit, what)?;
        let of = match of {
            Some(o) => {
                let d = self.number(o, Unit::Count, "denominator")?;
                let problem = if d <= 0.0 {
                    Some(format!(
                        "denominator {d} is not positive (expected a count above 0)"
                    ))
                } else if v > d {
                    Some(format!(
                        "denominator {d} is less than the value {v} (expected at least the value)"
                    ))
                } else {
                    None
                };
                if let Some(problem) = problem {
                    self.at(o, problem);
                    return None;
                }
                Some(d)
            }
            None => None,
        };
        Some(Quantity { value: v, of })
    }
}

/// The ids written in the files of one kind, to tell a reference to nothing from a reference
/// to a file that has problems of its own.
pub(super) struct Known<K> {
    /// Every id written, valid or not.
    pub ids: HashSet<K>,
    /// False when a file of this kind could not be read, or has an invalid or duplicate id, so
    /// that the id it was meant to have is not known.
    pub complete: bool,
}

impl<K: Eq + std::hash::Hash> Known<K> {
    /// An empty set; `complete` is false when a file of the kind could not be read.
    pub fn new(complete: bool) -> Self {
        Known {
            ids: HashSet::new(),
            complete,
        }
    }

    /// Whether a reference that resolved to nothing is worth reporting: not when it names a
    /// file that was already reported, nor when some file of the kind could not be read or
    /// has a bad id (the analyst fixes that first; the reference is checked on the next run).
    pub fn report(&self, id: &K) -> bool {
        self.complete && !self.ids.contains(id)
    }
}

impl Known<String> {
    /// Registers the id of a file of this kind. A malformed id (`shape` says what was
    /// expected) or one already taken is reported, and the set is then no longer complete.
    pub fn claim(
        &mut self,
        s: &mut Sink,
        places: &mut HashMap<String, PathBuf>,
        id: &Spanned<String>,
        what: &str,
        shape: Result<(), &str>,
    ) -> bool {
        let value = &id.value;
        self.ids.insert(value.clone());
        if let Err(expected) = shape {
            s.coded(
                Code::InvalidId,
                id,
                format!("invalid {what} id `{value}` (expected {expected})"),
            );
            self.complete = false;
            return false;
        }
        if let Some(first) = places.get(value) {
            s.coded(
                Code::DuplicateId,
                id,
                format!(
                    "duplicate {what} id `{value}` (first defined in {})",
                    first.display()
                ),
            );
            self.complete = false;
            return false;
        }
        places.insert(value.clone(), s.path.to_path_buf());
        true
    }
}

/// "expected one of: a, b", or what to say when there is nothing to choose from.
pub(super) fn one_of(known: &[String], none: &str) -> String {
    if known.is_empty() {
        none.to_owned()
    } else {
        format!("expected one of: {}", known.join(", "))
    }
}
