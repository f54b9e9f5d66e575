//! Validation: turns the raw documents into one [`Content`] model, or lists every problem.
//!
//! Each check reports at the exact place in the file and says what was expected. Validation
//! never stops at the first problem: the analyst gets the whole list in one run.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Pos};
use crate::discover::Kind;
use crate::model::*;
use crate::parse::{Loaded, RawContent};
use crate::period::Period;
use crate::raw::{self, PeriodText};

/// Collects problems for one file.
struct Sink<'a> {
    path: &'a Path,
    problems: &'a mut Vec<Diagnostic>,
}

impl Sink<'_> {
    fn at<T>(&mut self, spanned: &Spanned<T>, message: impl Into<String>) {
        let pos = Pos::from_location(&spanned.referenced);
        self.problems.push(Diagnostic::new(self.path, pos, message));
    }

    fn file(&mut self, message: impl Into<String>) {
        self.problems.push(Diagnostic::file(self.path, message));
    }

    fn period(&mut self, p: &Spanned<PeriodText>) -> Option<Period> {
        match Period::parse(&p.value.0) {
            Ok(period) => Some(period),
            Err(e) => {
                self.at(p, format!("invalid period `{}`: {e}", p.value.0));
                None
            }
        }
    }

    fn number(&mut self, n: &Spanned<f64>, unit: Unit, what: &str) -> Option<f64> {
        match check_number(n.value, unit, what) {
            Ok(v) => Some(v),
            Err(e) => {
                self.at(n, e);
                None
            }
        }
    }

    fn quantity(
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
struct Known<K> {
    /// Every id written, valid or not.
    ids: HashSet<K>,
    /// False when a file of this kind could not be read, or has an invalid or duplicate id, so
    /// that the id it was meant to have is not known.
    complete: bool,
}

impl<K: Eq + std::hash::Hash> Known<K> {
    fn new(complete: bool) -> Self {
        Known {
            ids: HashSet::new(),
            complete,
        }
    }

    /// Whether a reference that resolved to nothing is worth reporting: not when it names a
    /// file that was already reported, nor when some file of the kind could not be read or
    /// has a bad id (the analyst fixes that first; the reference is checked on the next run).
    fn report(&self, id: &K) -> bool {
        self.complete && !self.ids.contains(id)
    }
}

impl Known<String> {
    /// Registers the id of a file of this kind. A malformed id (`shape` says what was
    /// expected) or one already taken is reported, and the set is then no longer complete.
    fn claim(
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
            s.at(
                id,
                format!("invalid {what} id `{value}` (expected {expected})"),
            );
            self.complete = false;
            return false;
        }
        if let Some(first) = places.get(value) {
            s.at(
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
fn one_of(known: &[String], none: &str) -> String {
    if known.is_empty() {
        none.to_owned()
    } else {
        format!("expected one of: {}", known.join(", "))
    }
}

/// Checks a link: only web addresses, so that a footnote cannot carry `javascript:` into the
/// HTML.
fn check_url(s: &mut Sink, url: &Spanned<String>) -> Option<String> {
    let u = url.value.trim();
    let lower = u.to_ascii_lowercase();
    let web = (lower.starts_with("https://") || lower.starts_with("http://"))
        && u.len() > "https://".len()
        && !u.chars().any(|c| c.is_whitespace() || c.is_control());
    if web {
        Some(u.to_owned())
    } else {
        s.at(
            url,
            format!(
                "invalid link `{}` (expected a web address starting with https:// or http://)",
                url.value
            ),
        );
        None
    }
}

/// The largest number a figure may have. Far above any figure of the strategy (the largest
/// are counts in the hundreds of thousands), and low enough that charts can place ticks on it:
/// plotters spins for ever on an axis that reaches 1e300.
const MAX_MAGNITUDE: f64 = 1e12;

/// The range of `change_percent`: down to −100 % (nothing left), up to a hundredfold.
const CHANGE_PERCENT: std::ops::RangeInclusive<f64> = -100.0..=10_000.0;

/// Checks a number against its unit: finite, at most [`MAX_MAGNITUDE`], 0–100 for
/// percentages, not negative for counts.
fn check_number(v: f64, unit: Unit, what: &str) -> Result<f64, String> {
    if !v.is_finite() {
        let yaml = if v.is_nan() {
            ".nan"
        } else if v > 0.0 {
            ".inf"
        } else {
            "-.inf"
        };
        return Err(format!(
            "{what} `{yaml}` is not a finite number (expected a number such as 46 or 0.506)"
        ));
    }
    if v.abs() > MAX_MAGNITUDE {
        return Err(format!(
            "{what} {v:e} is too large (expected at most 1e12 either side of 0)"
        ));
    }
    match unit {
        Unit::Percent if !(0.0..=100.0).contains(&v) => Err(format!(
            "{what} {v} is not a percentage (expected 0 to 100)"
        )),
        Unit::Count | Unit::Share | Unit::Days | Unit::Millions if v < 0.0 => Err(format!(
            "{what} {v} is negative (expected a count of 0 or more)"
        )),
        _ => Ok(v),
    }
}

fn small_int<T: TryFrom<i64>>(n: &Spanned<i64>) -> Option<T> {
    T::try_from(n.value).ok()
}

fn is_numbered_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && s.as_bytes()[0].is_ascii_alphanumeric()
}

/// Sort key putting `2.5.10` after `2.5.9` and numbered ids before slugs.
pub fn id_key(id: &str) -> (u8, Vec<u32>, String) {
    if is_numbered_id(id) {
        (
            0,
            id.split('.').map(|p| p.parse().unwrap_or(0)).collect(),
            String::new(),
        )
    } else {
        (1, Vec::new(), id.to_owned())
    }
}

/// Validates all raw content into the model.
pub fn validate(root: &Path, raw: RawContent) -> Result<Content, Vec<Diagnostic>> {
    let mut problems = Vec::new();

    // Sources first: everything else refers to them.
    let mut sources = BTreeMap::new();
    let mut source_places: HashMap<String, PathBuf> = HashMap::new();
    let mut known_sources = Known::new(!raw.unreadable.contains(&Kind::Sources));
    for Loaded { path, doc } in &raw.sources {
        let mut s = Sink {
            path,
            problems: &mut problems,
        };
        for src in &doc.sources {
            let shape = if is_slug(&src.id.value) {
                Ok(())
            } else {
                Err("lowercase letters, digits and -")
            };
            if !known_sources.claim(&mut s, &mut source_places, &src.id, "source", shape) {
                continue;
            }
            let id = src.id.value.clone();
            let date = src.date.as_ref().and_then(|d| s.period(d));
            sources.insert(
                id.clone(),
                Source {
                    id,
                    title: src.title.clone(),
                    publisher: src.publisher.clone(),
                    date,
                    url: src.url.as_ref().and_then(|u| check_url(&mut s, u)),
                },
            );
        }
    }
    if raw.sources.is_empty() && known_sources.complete {
        problems.push(Diagnostic::file(
            root.join("sources.yaml"),
            "missing sources.yaml (every figure needs a source)",
        ));
    }
    let source_problem = |id: &str| -> Option<String> {
        if sources.contains_key(id) || !known_sources.report(&id.to_owned()) {
            return None;
        }
        let known: Vec<String> = sources.keys().cloned().collect();
        Some(format!(
            "unknown source `{id}` ({})",
            one_of(&known, "no sources are defined in sources.yaml")
        ))
    };
    let check_source = |s: &mut Sink, id: &Spanned<String>| -> String {
        if let Some(problem) = source_problem(&id.value) {
            s.at(id, problem);
        }
        id.value.clone()
    };

    // The strategy.
    let strategy = match raw.strategy.as_slice() {
        [Loaded { path, doc }] => {
            let mut s = Sink {
                path,
                problems: &mut problems,
            };
            if let Some(src) = &doc.source {
                check_source(&mut s, src);
            }
            let horizon = small_int::<i32>(&doc.horizon).filter(|y| (2000..=2100).contains(y));
            if horizon.is_none() {
                s.at(
                    &doc.horizon,
                    format!(
                        "invalid horizon {} (expected a year such as 2030)",
                        doc.horizon.value
                    ),
                );
            }
            Some(Strategy {
                title: doc.title.clone(),
                subtitle: doc.subtitle.clone(),
                vision: doc.vision.clone(),
                horizon: horizon.unwrap_or(2030),
                publisher: doc.publisher.clone(),
            })
        }
        [] if raw.unreadable.contains(&Kind::Strategy) => None,
        [] => {
            problems.push(Diagnostic::file(
                root.join("strategy.yaml"),
                "missing strategy.yaml (expected the strategy's title, vision, horizon and publisher)",
            ));
            None
        }
        [_, rest @ ..] => {
            for l in rest {
                problems.push(Diagnostic::file(
                    &l.path,
                    "a second strategy file (expected exactly one)",
                ));
            }
            None
        }
    };

    // Goals.
    let mut goals: Vec<Goal> = Vec::new();
    let mut goal_places: HashMap<u8, PathBuf> = HashMap::new();
    let mut known_goals = Known::new(!raw.unreadable.contains(&Kind::Goal));
    for Loaded { path, doc } in &raw.goals {
        let mut s = Sink {
            path,
            problems: &mut problems,
        };
        known_goals.ids.insert(doc.number.value);
        if let Some(src) = &doc.source {
            check_source(&mut s, src);
        }
        let Some(number) = small_int::<u8>(&doc.number).filter(|n| (1..=5).contains(n)) else {
            s.at(
                &doc.number,
                format!("invalid goal number {} (expected 1 to 5)", doc.number.value),
            );
            known_goals.complete = false;
            continue;
        };
        if let Some(first) = goal_places.get(&number) {
            s.at(
                &doc.number,
                format!(
                    "duplicate goal {number} (first defined in {})",
                    first.display()
                ),
            );
            known_goals.complete = false;
            continue;
        }
        goal_places.insert(number, path.clone());
        goals.push(Goal {
            number,
            title: doc.title.clone(),
            summary: doc.summary.clone(),
            aims: doc.aims.clone(),
            path: path.clone(),
        });
    }
    goals.sort_by_key(|g| g.number);
    let check_goal = |s: &mut Sink, n: &Spanned<i64>| -> Option<u8> {
        let number = small_int::<u8>(n).filter(|g| goal_places.contains_key(g));
        if number.is_none() && known_goals.report(&n.value) {
            let known: Vec<String> = goals.iter().map(|g| g.number.to_string()).collect();
            s.at(
                n,
                format!(
                    "unknown goal {} ({})",
                    n.value,
                    one_of(&known, "no goals are defined in goals/")
                ),
            );
        }
        number
    };

    // Indicators.
    let mut indicators = Vec::new();
    let mut indicator_places: HashMap<String, PathBuf> = HashMap::new();
    let mut known_indicators = Known::new(!raw.unreadable.contains(&Kind::Indicator));
    for Loaded { path, doc } in &raw.indicators {
        let mut s = Sink {
            path,
            problems: &mut problems,
        };
        let id = &doc.id.value;
        let shape = if is_numbered_id(id) || is_slug(id) {
            Ok(())
        } else {
            Err("a number such as 1.6 or 2.5.3, or a slug such as tillit-helseopplysninger")
        };
        if !known_indicators.claim(&mut s, &mut indicator_places, &doc.id, "indicator", shape) {
            continue;
        }
        if let Some(i) = check_indicator(&mut s, doc, &check_goal, &check_source) {
            indicators.push(i);
        }
    }
    indicators.sort_by_key(|i: &Indicator| id_key(&i.id));
    let mut value_files = Vec::new();
    for Loaded { path, doc } in &raw.indicators {
        for (mi, m) in doc.measures.iter().enumerate() {
            let Some(file) = &m.value.values_file else {
                continue;
            };
            let mut s = Sink {
                path,
                problems: &mut problems,
            };
            let Some(csv_path) = values_file_path(&mut s, root, file) else {
                continue;
            };
            // The indicator from this very file, with every measure checked (else its problems
            // are reported already and the measures do not line up).
            let Some(ind) = indicators
                .iter_mut()
                .find(|i| i.id == doc.id.value && i.path == *path)
                .filter(|i| i.measures.len() == doc.measures.len())
            else {
                continue;
            };
            let Some(measure) = ind.measures.get_mut(mi) else {
                continue;
            };
            let rows = read_values_csv(&csv_path, measure.unit, &source_problem, &mut problems);
            for (pos, v) in rows {
                if measure.values.iter().any(|o| o.period == v.period) {
                    problems.push(Diagnostic::new(
                        &csv_path,
                        pos,
                        format!(
                            "a second value for {} (it is also given in {})",
                            v.period.code(),
                            path.display()
                        ),
                    ));
                } else {
                    measure.values.push(v);
                }
            }
            measure.values.sort_by_key(|v| v.period);
            measure.values_file = Some(csv_path.clone());
            value_files.push(csv_path);
        }
    }

    // Initiatives.
    let mut initiatives = Vec::new();
    let mut initiative_places: HashMap<String, PathBuf> = HashMap::new();
    let mut known_initiatives = Known::new(!raw.unreadable.contains(&Kind::Initiative));
    for Loaded { path, doc } in &raw.initiatives {
        let mut s = Sink {
            path,
            problems: &mut problems,
        };
        let id = doc.id.value.clone();
        let bytes = id.as_bytes();
        let well_formed =
            bytes.len() == 2 && (b'1'..=b'5').contains(&bytes[0]) && bytes[1].is_ascii_uppercase();
        let shape = if well_formed {
            Ok(())
        } else {
            Err("a goal number and a capital letter, such as 1A")
        };
        if !known_initiatives.claim(&mut s, &mut initiative_places, &doc.id, "initiative", shape) {
            continue;
        }
        check_source(&mut s, &doc.source);
        let Some(goal) = check_goal(&mut s, &doc.goal) else {
            continue;
        };
        if bytes[0] - b'0' != goal {
            s.at(
                &doc.goal,
                format!(
                    "initiative {id} belongs to goal {} (its id starts with {}), not goal {goal}",
                    bytes[0] - b'0',
                    bytes[0] - b'0'
                ),
            );
        }
        let mut statuses = Vec::new();
        for st in &doc.statuses {
            if let Some(p) = s.period(&st.quarter) {
                statuses.push((p, st.text.clone()));
            }
        }
        statuses.sort_by_key(|(p, _)| *p);
        initiatives.push(Initiative {
            id,
            goal,
            title: doc.title.clone(),
            description: doc.description.clone(),
            relevance: doc.relevance.clone(),
            status_source: doc.status_source.clone(),
            owner: doc.owner.clone(),
            statuses,
            path: path.clone(),
        });
    }
    initiatives.sort_by(|a, b| a.id.cmp(&b.id));

    // What statuses and editions refer to.
    let ctx = StatusCtx {
        indicators: &indicators,
        initiatives: &initiatives,
        known_indicators: &known_indicators,
        known_initiatives: &known_initiatives,
    };

    // Quarterly statuses.
    let mut statuses: Vec<Status> = Vec::new();
    for Loaded { path, doc } in &raw.statuses {
        let mut s = Sink {
            path,
            problems: &mut problems,
        };
        if let Some(st) = check_status(&mut s, path, doc, &ctx, &check_goal, &check_source) {
            if let Some(first) = statuses.iter().find(|o| o.quarter == st.quarter) {
                s.at(
                    &doc.quarter,
                    format!(
                        "a second status for {} (first in {})",
                        doc.quarter.value.0,
                        first.path.display()
                    ),
                );
            } else {
                statuses.push(st);
            }
        }
    }
    statuses.sort_by_key(|s| s.quarter);

    // Editions of the annual indicator document.
    let mut editions: Vec<Edition> = Vec::new();
    for Loaded { path, doc } in &raw.editions {
        let mut s = Sink {
            path,
            problems: &mut problems,
        };
        if let Some(e) = check_edition(&mut s, doc, &ctx, &check_goal, &check_source) {
            if let Some(first) = editions.iter().find(|o| o.year == e.year) {
                s.at(
                    &doc.edition,
                    format!(
                        "a second edition {} (first in {})",
                        e.year,
                        first.path.display()
                    ),
                );
            } else {
                editions.push(e);
            }
        }
    }
    editions.sort_by_key(|e| e.year);

    match strategy {
        Some(strategy) if problems.is_empty() && raw.unreadable.is_empty() => Ok(Content {
            strategy,
            sources,
            goals,
            indicators,
            initiatives,
            statuses,
            editions,
            strategy_path: raw.strategy[0].path.clone(),
            source_paths: raw.sources.iter().map(|l| l.path.clone()).collect(),
            files: raw.files.into_iter().chain(value_files).collect(),
        }),
        _ => Err(problems),
    }
}

/// Resolves a data file's path inside the content folder, refusing absolute paths, `..`,
/// symbolic links and missing files.
fn values_file_path(s: &mut Sink, root: &Path, file: &Spanned<String>) -> Option<PathBuf> {
    use std::path::Component;
    let rel = Path::new(&file.value);
    let clean = !file.value.is_empty()
        && rel.components().all(|c| matches!(c, Component::Normal(_)))
        && !file.value.contains('\\');
    if !clean {
        s.at(file, format!("invalid data file path `{}` (expected a relative path inside the content folder, without `..`)", file.value));
        return None;
    }
    let path = root.join(rel);
    let mut walked = root.to_path_buf();
    for c in rel.components() {
        walked.push(c);
        match std::fs::symlink_metadata(&walked) {
            Ok(m) if m.file_type().is_symlink() => {
                s.at(
                    file,
                    format!(
                        "data file `{}` goes through a symbolic link (expected regular files only)",
                        file.value
                    ),
                );
                return None;
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                s.at(
                    file,
                    format!(
                        "data file `{}` not found (expected a CSV file at {})",
                        file.value,
                        path.display()
                    ),
                );
                return None;
            }
            Err(e) => {
                s.at(
                    file,
                    format!("cannot read data file `{}` ({e})", file.value),
                );
                return None;
            }
        }
    }
    if !path.is_file() {
        s.at(file, format!("data file `{}` is not a file", file.value));
        return None;
    }
    Some(path)
}

/// Reads measured values from a CSV file with a header row: `period`, `value`, `source`,
/// and optionally `text`. Every bad row is reported at its line and column; each value comes
/// with the place of its period.
fn read_values_csv(
    path: &Path,
    unit: Unit,
    source_problem: &dyn Fn(&str) -> Option<String>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(Pos, Value)> {
    let text = match crate::parse::read_text(path) {
        Ok(t) => t,
        Err(d) => {
            problems.push(d);
            return Vec::new();
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|f| f.trim().to_owned()).collect(),
        Err(e) => {
            problems.push(Diagnostic::file(
                path,
                format!("cannot read the CSV header ({e})"),
            ));
            return Vec::new();
        }
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(ip), Some(iv), Some(is)) = (col("period"), col("value"), col("source")) else {
        problems.push(Diagnostic::file(
            path,
            format!(
                "CSV header is `{}` (expected columns period, value, source and optionally text)",
                headers.join(",")
            ),
        ));
        return Vec::new();
    };
    if let Some(extra) = headers
        .iter()
        .find(|h| !["period", "value", "source", "text"].contains(&h.as_str()))
    {
        problems.push(Diagnostic::file(
            path,
            format!("unknown CSV column `{extra}` (expected period, value, source, text)"),
        ));
    }
    let it = col("text");
    let mut values = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as u32);
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!(
                        "bad CSV row: {len} field(s) (expected {expected_len}, as in the header `{}`)",
                        headers.join(",")
                    ),
                    _ => format!("bad CSV row ({e})"),
                };
                problems.push(Diagnostic::new(path, Pos { line, col: 1 }, message));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as u32);
        let field_col = |i: usize| -> u32 {
            1 + record
                .iter()
                .take(i)
                .map(|f| f.chars().count() as u32 + 1)
                .sum::<u32>()
        };
        let mut bad = |i: usize, msg: String| {
            problems.push(Diagnostic::new(
                path,
                Pos {
                    line,
                    col: field_col(i),
                },
                msg,
            ))
        };
        let period = match Period::parse(record.get(ip).unwrap_or("").trim()) {
            Ok(p) => Some(p),
            Err(e) => {
                bad(
                    ip,
                    format!("invalid period `{}`: {e}", record.get(ip).unwrap_or("")),
                );
                None
            }
        };
        let raw_value = record.get(iv).unwrap_or("").trim();
        let value = match raw_value.parse::<f64>() {
            Ok(v) => match check_number(v, unit, "value") {
                Ok(v) => Some(v),
                Err(e) => {
                    bad(iv, e);
                    None
                }
            },
            Err(_) => {
                bad(
                    iv,
                    format!(
                        "value `{raw_value}` is not a number (expected digits with a decimal point, such as 0.506)"
                    ),
                );
                None
            }
        };
        let source = record.get(is).unwrap_or("").trim().to_owned();
        if let Some(problem) = source_problem(&source) {
            bad(is, problem);
            continue;
        }
        if let (Some(period), Some(value)) = (period, value) {
            if values
                .iter()
                .any(|(_, o): &(Pos, Value)| o.period == period)
            {
                bad(ip, format!("a second value for {}", period.code()));
                continue;
            }
            let text = it
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned);
            let pos = Pos {
                line,
                col: field_col(ip),
            };
            values.push((
                pos,
                Value {
                    period,
                    quantity: Quantity { value, of: None },
                    text,
                    breakdown: Vec::new(),
                    source,
                },
            ));
        }
    }
    values
}

fn unit_of(s: &mut Sink, u: &Spanned<String>) -> Option<Unit> {
    let unit = Unit::parse(&u.value);
    if unit.is_none() {
        s.at(
            u,
            format!(
                "unknown unit `{}` (expected percent, count, share, millions, days or text)",
                u.value
            ),
        );
    }
    unit
}

fn footnotes(s: &mut Sink, raw: &[raw::Footnote]) -> Vec<Footnote> {
    raw.iter()
        .map(|f| Footnote {
            mark: f.mark.clone(),
            text: f.text.clone(),
            url: f.url.as_ref().and_then(|u| check_url(s, u)),
        })
        .collect()
}

fn check_indicator(
    s: &mut Sink,
    doc: &raw::Indicator,
    check_goal: &dyn Fn(&mut Sink, &Spanned<i64>) -> Option<u8>,
    check_source: &dyn Fn(&mut Sink, &Spanned<String>) -> String,
) -> Option<Indicator> {
    let goal = check_goal(s, &doc.goal);
    let unit = unit_of(s, &doc.unit);
    let kind = IndicatorType::parse(&doc.kind.value);
    if kind.is_none() {
        s.at(&doc.kind, format!("unknown indicator type `{}` (expected adopsjon, bruk, opplevd resultat, resultat, effekt or statistikk)", doc.kind.value));
    }
    let frequency = match &doc.frequency {
        Some(f) => {
            let parsed = Frequency::parse(&f.value);
            if parsed.is_none() {
                s.at(
                    f,
                    format!(
                        "unknown update frequency `{}` (expected årlig, kvartalsvis or løpende)",
                        f.value
                    ),
                );
            }
            parsed
        }
        None => None,
    };
    let mut comments = Vec::new();
    for c in &doc.comments {
        let year = match &c.year {
            Some(y) => match i32::try_from(y.value)
                .ok()
                .filter(|v| (1900..=2200).contains(v))
            {
                Some(v) => Some(v),
                None => {
                    s.at(
                        y,
                        format!("invalid year {} (expected a year such as 2025)", y.value),
                    );
                    continue;
                }
            },
            None => None,
        };
        if let Some(date) = s.period(&c.date) {
            comments.push(Comment {
                date,
                text: c.text.clone(),
                year,
            });
        }
    }
    if doc.measures.is_empty() {
        s.file(format!(
            "indicator {} has no measures (expected at least one under `measures`)",
            doc.id.value
        ));
    }
    let several = doc.measures.len() > 1;
    let mut seen: HashMap<&str, ()> = HashMap::new();
    let mut measures = Vec::new();
    for spanned_m in &doc.measures {
        let m = &spanned_m.value;
        if let Some(id) = &m.id {
            if seen.insert(id.value.as_str(), ()).is_some() {
                s.at(
                    id,
                    format!(
                        "duplicate measure id `{}` in indicator {}",
                        id.value, doc.id.value
                    ),
                );
            }
        } else if several {
            s.at(
                spanned_m,
                format!(
                    "a measure without an `id` (indicator {} has several measures, so each needs one)",
                    doc.id.value
                ),
            );
        }
        let m_unit = match &m.unit {
            Some(u) => unit_of(s, u),
            None => unit,
        };
        if let Some(m_unit) = m_unit {
            measures.push(check_measure(s, m, m_unit, check_source));
        }
    }
    Some(Indicator {
        id: doc.id.value.clone(),
        goal: goal?,
        name: doc.name.clone(),
        short_name: doc.short_name.clone(),
        unit: unit?,
        unit_label: doc.unit_label.clone(),
        kind: kind?,
        description: doc.description.clone(),
        measurement: doc.measurement.clone(),
        data_source: doc.data_source.clone(),
        frequency,
        footnotes: footnotes(s, &doc.footnotes),
        comments,
        measures,
        path: s.path.to_path_buf(),
    })
}

fn check_baseline(
    s: &mut Sink,
    b: &raw::Baseline,
    unit: Unit,
    check_source: &dyn Fn(&mut Sink, &Spanned<String>) -> String,
) -> Baseline {
    let source = check_source(s, &b.source);
    Baseline {
        quantity: b
            .value
            .as_ref()
            .and_then(|v| s.quantity(v, b.of.as_ref(), unit, "baseline")),
        period: b.period.as_ref().and_then(|p| s.period(p)),
        text: b.text.clone(),
        source,
    }
}

fn check_targets(
    s: &mut Sink,
    raw_targets: &[raw::Target],
    unit: Unit,
    baseline: Option<&Baseline>,
    check_source: &dyn Fn(&mut Sink, &Spanned<String>) -> String,
) -> Vec<Target> {
    let baseline_year = baseline.and_then(|b| b.period).map(Period::year);
    let mut targets = Vec::new();
    for t in raw_targets {
        let source = check_source(s, &t.source);
        let chosen = [t.value.is_some(), t.change_percent.is_some(), t.maintain]
            .iter()
            .filter(|b| **b)
            .count();
        if chosen > 1 {
            s.at(&t.year, "a target has more than one of value, change_percent and maintain (expected one, or only text)");
            continue;
        }
        let kind = if let Some(v) = &t.value {
            match s.quantity(v, t.of.as_ref(), unit, "target") {
                Some(q) => TargetKind::Value(q),
                None => continue,
            }
        } else if let Some(c) = &t.change_percent {
            match s.number(c, Unit::Text, "change_percent") {
                Some(v) if CHANGE_PERCENT.contains(&v) => TargetKind::Change(v),
                Some(v) => {
                    s.at(
                        c,
                        format!(
                            "change_percent {v} is out of range (expected -100 to 10000: from nothing left to a hundredfold)"
                        ),
                    );
                    continue;
                }
                None => continue,
            }
        } else if t.maintain {
            TargetKind::Maintain
        } else if t.text.is_some() {
            TargetKind::Text
        } else {
            s.at(
                &t.year,
                "a target needs value, change_percent, maintain: true or text",
            );
            continue;
        };
        let year = t.year.value;
        if !(1900..=2200).contains(&year) {
            s.at(
                &t.year,
                format!("invalid target year {year} (expected a year such as 2025)"),
            );
            continue;
        }
        if let Some(by) = baseline_year
            && (year as i32) < by
        {
            s.at(
                &t.year,
                format!("target year {year} is before the baseline ({by})"),
            );
            continue;
        }
        targets.push(Target {
            year: year as i32,
            kind,
            text: t.text.clone(),
            source,
        });
    }
    targets.sort_by_key(|t| t.year);
    targets
}

fn check_measure(
    s: &mut Sink,
    m: &raw::Measure,
    unit: Unit,
    check_source: &dyn Fn(&mut Sink, &Spanned<String>) -> String,
) -> Measure {
    let baseline = m
        .baseline
        .as_ref()
        .map(|b| check_baseline(s, b, unit, check_source));
    let targets = check_targets(s, &m.targets, unit, baseline.as_ref(), check_source);
    let mut values = Vec::new();
    for v in &m.values {
        let source = check_source(s, &v.source);
        let period = s.period(&v.period);
        let quantity = s.quantity(&v.value, v.of.as_ref(), unit, "value");
        let mut breakdown = Vec::new();
        for part in &v.breakdown {
            if let Some(x) = s.number(&part.value, unit, "breakdown value") {
                breakdown.push((part.label.clone(), x));
            }
        }
        if let (Some(period), Some(quantity)) = (period, quantity) {
            if values.iter().any(|o: &Value| o.period == period) {
                s.at(&v.period, format!("a second value for {}", period.code()));
                continue;
            }
            values.push(Value {
                period,
                quantity,
                text: v.text.clone(),
                breakdown,
                source,
            });
        }
    }
    values.sort_by_key(|v| v.period);
    let ambition = m.ambition.as_ref().map(|a| Ambition {
        period: a.period.as_ref().and_then(|p| s.period(p)),
        value: a.value.as_ref().and_then(|v| s.number(v, unit, "ambition")),
        text: a.text.clone(),
        source: check_source(s, &a.source),
    });
    Measure {
        id: m.id.as_ref().map(|i| i.value.clone()),
        name: m.name.clone(),
        unit,
        baseline,
        targets,
        values,
        ambition,
        illustrative: m.illustrative,
        values_file: None,
    }
}

struct StatusCtx<'a> {
    indicators: &'a [Indicator],
    initiatives: &'a [Initiative],
    known_indicators: &'a Known<String>,
    known_initiatives: &'a Known<String>,
}

/// What to say about a reference to an indicator that does not exist.
fn unknown_indicator(id: &str) -> String {
    format!("unknown indicator `{id}` (no file in indicators/ has this id)")
}

/// What to say about a measure that an indicator does not have.
fn unknown_measure(ind: &Indicator, id: &str) -> String {
    let known: Vec<String> = ind.measures.iter().filter_map(|m| m.id.clone()).collect();
    format!(
        "indicator {} has no measure `{id}` ({})",
        ind.id,
        one_of(&known, "its measures have no ids")
    )
}

fn items(raw: &[raw::Item]) -> Vec<Item> {
    raw.iter()
        .map(|i| match i {
            raw::Item::Text(t) => Item {
                text: t.clone(),
                items: Vec::new(),
            },
            raw::Item::Nested(n) => Item {
                text: n.text.clone(),
                items: n.items.clone(),
            },
        })
        .collect()
}

fn check_status(
    s: &mut Sink,
    path: &Path,
    doc: &raw::Status,
    ctx: &StatusCtx,
    check_goal: &dyn Fn(&mut Sink, &Spanned<i64>) -> Option<u8>,
    check_source: &dyn Fn(&mut Sink, &Spanned<String>) -> String,
) -> Option<Status> {
    let source = check_source(s, &doc.source);
    let quarter = match s.period(&doc.quarter) {
        Some(Period::Quarter(y, q)) => Some((y, q)),
        Some(_) => {
            s.at(
                &doc.quarter,
                format!(
                    "`{}` is not a quarter (expected such as 2026-Q2)",
                    doc.quarter.value.0
                ),
            );
            None
        }
        None => None,
    };
    let date = match &doc.date {
        Some(d) => match s.period(d) {
            Some(Period::Day(day)) => Some(day),
            Some(_) => {
                s.at(
                    d,
                    format!(
                        "`{}` is not a date (expected such as 2026-06-30)",
                        d.value.0
                    ),
                );
                None
            }
            None => None,
        },
        None => quarter.map(|(y, q)| Period::Quarter(y, q).end()),
    };
    let mut goals: Vec<GoalStatus> = Vec::new();
    for g in &doc.goals {
        let Some(goal) = check_goal(s, &g.goal) else {
            continue;
        };
        if goals.iter().any(|o| o.goal == goal) {
            s.at(&g.goal, format!("goal {goal} appears twice in this status"));
            continue;
        }
        let mut selected = Vec::new();
        for spanned_sel in &g.selected {
            let sel = &spanned_sel.value;
            let (reference, default_text) = match (&sel.initiative, &sel.indicator) {
                (Some(_), Some(i)) => {
                    s.at(i, "a selected entry refers to both an initiative and an indicator (expected one)");
                    continue;
                }
                (Some(i), None) => match ctx.initiatives.iter().find(|x| x.id == i.value) {
                    Some(init) => (
                        SelectedRef::Initiative(init.id.clone()),
                        Some(format!("{} {}", init.id, init.title)),
                    ),
                    None => {
                        if ctx.known_initiatives.report(&i.value) {
                            s.at(
                                i,
                                format!(
                                    "unknown initiative `{}` (no file in initiatives/ has this id)",
                                    i.value
                                ),
                            );
                        }
                        continue;
                    }
                },
                (None, Some(i)) => match ctx.indicators.iter().find(|x| x.id == i.value) {
                    Some(ind) => (
                        SelectedRef::Indicator(ind.id.clone()),
                        Some(format!("{} {}", ind.id, ind.name)),
                    ),
                    None => {
                        if ctx.known_indicators.report(&i.value) {
                            s.at(i, unknown_indicator(&i.value));
                        }
                        continue;
                    }
                },
                (None, None) => (SelectedRef::None, None),
            };
            let Some(text) = sel.text.clone().or(default_text) else {
                s.at(
                    spanned_sel,
                    "a selected entry has neither text nor a reference (expected `text:`, `indicator:` or `initiative:`)",
                );
                continue;
            };
            selected.push(Selected {
                label: sel.label.clone(),
                reference,
                text,
                items: sel.items.clone(),
            });
        }
        let mut pages = Vec::new();
        for p in &g.pages {
            let Some(ind) = ctx.indicators.iter().find(|x| x.id == p.indicator.value) else {
                if ctx.known_indicators.report(&p.indicator.value) {
                    s.at(&p.indicator, unknown_indicator(&p.indicator.value));
                }
                continue;
            };
            let mut measures = Vec::new();
            for m in &p.measures {
                if ind.measure(&m.value).is_none() {
                    s.at(m, unknown_measure(ind, &m.value));
                } else {
                    measures.push(m.value.clone());
                }
            }
            pages.push(IndicatorPage {
                indicator: ind.id.clone(),
                measures,
                title: p.title.clone(),
                about_heading: p.about_heading.clone(),
                about: p.about.clone(),
                assessment_heading: p.assessment_heading.clone(),
                assessment: p.assessment.clone(),
                proposed_ambition: p.proposed_ambition.clone(),
                chart_caption: p.chart_caption.clone(),
                notes: footnotes(s, &p.notes),
            });
        }
        goals.push(GoalStatus {
            goal,
            overall: items(&g.overall),
            selected,
            positive: items(&g.positive),
            challenges: items(&g.challenges),
            questions: items(&g.questions),
            footnotes: footnotes(s, &g.footnotes),
            pages,
        });
    }
    goals.sort_by_key(|g| g.goal);
    Some(Status {
        quarter: quarter?,
        title: doc.title.clone(),
        subtitle: doc.subtitle.clone(),
        date: date?,
        source,
        goals,
        path: path.to_path_buf(),
    })
}

fn check_edition(
    s: &mut Sink,
    doc: &raw::Edition,
    ctx: &StatusCtx,
    check_goal: &dyn Fn(&mut Sink, &Spanned<i64>) -> Option<u8>,
    check_source: &dyn Fn(&mut Sink, &Spanned<String>) -> String,
) -> Option<Edition> {
    let source = check_source(s, &doc.source);
    let year = i32::try_from(doc.edition.value)
        .ok()
        .filter(|y| (1900..=2200).contains(y));
    if year.is_none() {
        s.at(
            &doc.edition,
            format!(
                "invalid edition {} (expected a year such as 2024)",
                doc.edition.value
            ),
        );
    }
    let published = match s.period(&doc.published) {
        Some(Period::Day(d)) => Some(d),
        Some(_) => {
            s.at(
                &doc.published,
                format!(
                    "`{}` is not a date (expected such as 2023-12-13)",
                    doc.published.value.0
                ),
            );
            None
        }
        None => None,
    };
    let mut target_years = Vec::new();
    for y in &doc.target_years {
        match i32::try_from(y.value)
            .ok()
            .filter(|y| (1900..=2200).contains(y))
        {
            Some(v) if !target_years.contains(&v) => target_years.push(v),
            Some(v) => s.at(y, format!("target year {v} is listed twice")),
            None => s.at(
                y,
                format!(
                    "invalid target year {} (expected a year such as 2025)",
                    y.value
                ),
            ),
        }
    }
    let mut goals: Vec<EditionGoal> = Vec::new();
    for g in &doc.goals {
        let Some(goal) = check_goal(s, &g.goal) else {
            continue;
        };
        if goals.iter().any(|o| o.goal == goal) {
            s.at(
                &g.goal,
                format!("goal {goal} appears twice in this edition"),
            );
            continue;
        }
        let mut rows = Vec::new();
        for ei in &g.indicators {
            let Some(ind) = ctx.indicators.iter().find(|i| i.id == ei.indicator.value) else {
                if ctx.known_indicators.report(&ei.indicator.value) {
                    s.at(&ei.indicator, unknown_indicator(&ei.indicator.value));
                }
                continue;
            };
            if rows.iter().any(|r: &EditionIndicator| r.id == ind.id) {
                s.at(
                    &ei.indicator,
                    format!("indicator {} appears twice in this edition", ind.id),
                );
                continue;
            }
            let mut measures = Vec::new();
            for em in &ei.measures {
                let measure = match &em.id {
                    Some(id) => ind
                        .measures
                        .iter()
                        .find(|m| m.id.as_deref() == Some(id.value.as_str())),
                    None if ind.measures.len() == 1 => ind.measures.first(),
                    None => None,
                };
                let Some(measure) = measure else {
                    match &em.id {
                        Some(id) => s.at(id, unknown_measure(ind, &id.value)),
                        None => s.at(&ei.indicator, format!("indicator {} has several measures, so an edition measure needs an `id`", ind.id)),
                    }
                    continue;
                };
                let baseline = em
                    .baseline
                    .as_ref()
                    .map(|b| check_baseline(s, b, measure.unit, check_source));
                let base_for_targets = baseline.as_ref().or(measure.baseline.as_ref());
                let targets = em
                    .targets
                    .as_ref()
                    .map(|t| check_targets(s, t, measure.unit, base_for_targets, check_source));
                measures.push(EditionMeasure {
                    id: measure.id.clone(),
                    number: em.number.clone(),
                    name: em.name.clone(),
                    baseline,
                    targets,
                });
            }
            let kind = ei.kind.as_ref().and_then(|k| {
                let parsed = IndicatorType::parse(&k.value);
                if parsed.is_none() {
                    s.at(k, format!("unknown indicator type `{}` (expected adopsjon, bruk, opplevd resultat, resultat, effekt or statistikk)", k.value));
                }
                parsed
            });
            rows.push(EditionIndicator {
                id: ind.id.clone(),
                number: ei.number.clone().unwrap_or_else(|| ind.id.clone()),
                name: ei.name.clone(),
                description: ei.description.clone(),
                measurement: ei.measurement.clone(),
                unit_label: ei.unit_label.clone(),
                kind,
                measures,
            });
        }
        goals.push(EditionGoal {
            goal,
            summary: g.summary.clone(),
            indicators: rows,
            footnotes: footnotes(s, &g.footnotes),
            candidates: g.candidates.clone(),
        });
    }
    goals.sort_by_key(|g| g.goal);
    Some(Edition {
        year: year?,
        title: doc.title.clone(),
        published: published?,
        source,
        baseline_heading: doc.baseline_heading.clone(),
        target_years,
        introduction: doc
            .introduction
            .iter()
            .map(|sec| (sec.heading.clone(), sec.text.clone()))
            .collect(),
        goals,
        path: s.path.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_naturally() {
        let mut ids = vec!["2.5.10", "tillit", "1.6", "2.5.9", "10.1", "2.1"];
        ids.sort_by_key(|i| id_key(i));
        assert_eq!(ids, ["1.6", "2.1", "2.5.9", "2.5.10", "10.1", "tillit"]);
    }

    /// A small valid content tree; `files` replace or add files in it.
    fn problems_with(files: &[(&str, &str)]) -> Vec<String> {
        const BASE: &[(&str, &str)] = &[
            (
                "strategy.yaml",
                "title: T\nvision: V\nhorizon: 2030\npublisher: P\n",
            ),
            ("sources.yaml", "sources:\n  - id: test\n    title: Kilde\n"),
            ("goals/mal-1.yaml", "number: 1\ntitle: M\nsummary: S\n"),
            (
                "indicators/1.6.yaml",
                "id: \"1.6\"\ngoal: 1\nname: N\nunit: count\ntype: bruk\ndescription: D\n\
                 measures:\n  - values:\n      - period: 2021\n        value: 5\n        source: test\n",
            ),
            (
                "status/2026-q2.yaml",
                "quarter: 2026-Q2\ntitle: S\nsource: test\ngoals:\n  - goal: 1\n    overall: [x]\n\
                 \x20   selected:\n      - indicator: \"1.6\"\n",
            ),
        ];
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in BASE.iter().chain(files) {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let (found, mut problems) = crate::discover::discover(dir.path());
        let mut texts = crate::diagnostics::SourceTexts::default();
        let (raw, more) = crate::parse::parse(&found, &mut texts);
        problems.extend(more);
        if let Err(more) = validate(dir.path(), raw) {
            problems.extend(more);
        }
        problems.sort();
        problems
            .iter()
            .map(|d| {
                let rel = d.path.strip_prefix(dir.path()).unwrap_or(&d.path);
                let message = d.message.replace(&format!("{}/", dir.path().display()), "");
                format!("{}:{}:{}: {message}", rel.display(), d.pos.line, d.pos.col)
            })
            .collect()
    }

    #[test]
    fn the_base_of_these_tests_is_valid() {
        assert_eq!(problems_with(&[]), Vec::<String>::new());
    }

    #[test]
    fn references_to_files_with_problems_of_their_own_are_not_reported_again() {
        // A goal file that cannot be parsed: no "unknown goal 1" in every other file.
        assert_eq!(
            problems_with(&[("goals/mal-1.yaml", "number: 1\ntitle: [M\n")]).len(),
            1
        );
        // An indicator with a bad unit: the status's reference to it is not reported.
        let bad_unit = "id: \"1.6\"\ngoal: 1\nname: N\nunit: prosent\ntype: bruk\ndescription: D\n\
                        measures:\n  - name: x\n";
        assert_eq!(
            problems_with(&[("indicators/1.6.yaml", bad_unit)]),
            [
                "indicators/1.6.yaml:4:7: unknown unit `prosent` (expected percent, count, share, millions, days or text)"
            ]
        );
        // An unreadable sources.yaml: neither "missing sources.yaml" nor "unknown source".
        assert_eq!(problems_with(&[("sources.yaml", "sources: [\n")]).len(), 1);
        // A reference to nothing is still reported.
        let status = "quarter: 2026-Q2\ntitle: S\nsource: test\ngoals:\n  - goal: 1\n    overall: [x]\n\
                      \x20   selected:\n      - indicator: \"1.9\"\n";
        assert_eq!(
            problems_with(&[("status/2026-q2.yaml", status)]),
            [
                "status/2026-q2.yaml:8:20: unknown indicator `1.9` (no file in indicators/ has this id)"
            ]
        );
    }

    #[test]
    fn links_must_be_web_addresses() {
        let goal = |url: &str| {
            format!(
                "id: \"1.6\"\ngoal: 1\nname: N\nunit: count\ntype: bruk\ndescription: D\n\
                 footnotes:\n  - text: t\n    url: {url}\nmeasures:\n  - name: x\n"
            )
        };
        assert_eq!(
            problems_with(&[("indicators/1.6.yaml", &goal("https://www.ssb.no/a?b=1"))]),
            Vec::<String>::new()
        );
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//example.org",
            "https://",
        ] {
            let p = problems_with(&[("indicators/1.6.yaml", &goal(bad))]);
            assert_eq!(p.len(), 1, "{bad}: {p:?}");
            assert!(
                p[0].starts_with("indicators/1.6.yaml:9:10: invalid link"),
                "{p:?}"
            );
        }
    }

    #[test]
    fn comment_years_must_be_years() {
        let ind = "id: \"1.6\"\ngoal: 1\nname: N\nunit: count\ntype: bruk\ndescription: D\n\
                   comments:\n  - date: 2023-10\n    year: 20245\n    text: t\nmeasures:\n  - name: x\n";
        assert_eq!(
            problems_with(&[("indicators/1.6.yaml", ind)]),
            ["indicators/1.6.yaml:9:11: invalid year 20245 (expected a year such as 2025)"]
        );
    }

    #[test]
    fn csv_problems_point_at_their_row() {
        let ind = "id: \"1.6\"\ngoal: 1\nname: N\nunit: count\ntype: bruk\ndescription: D\n\
                   measures:\n  - values:\n      - period: 2021\n        value: 5\n        source: test\n\
                   \x20   values_file: data/v.csv\n";
        let csv = "period,value,source\n2022,6,test\n2021,7,test\n2023,8\n";
        assert_eq!(
            problems_with(&[("indicators/1.6.yaml", ind), ("data/v.csv", csv)]),
            [
                "data/v.csv:3:1: a second value for 2021 (it is also given in indicators/1.6.yaml)",
                "data/v.csv:4:1: bad CSV row: 2 field(s) (expected 3, as in the header `period,value,source`)",
            ]
        );
    }

    #[test]
    fn numbers_are_finite_bounded_and_fit_their_unit() {
        assert_eq!(check_number(46.0, Unit::Percent, "value"), Ok(46.0));
        assert_eq!(check_number(-1e12, Unit::Text, "value"), Ok(-1e12));
        for (v, unit, says) in [
            (f64::NAN, Unit::Count, "value `.nan` is not a finite number"),
            (
                f64::NEG_INFINITY,
                Unit::Text,
                "value `-.inf` is not a finite number",
            ),
            // Charts cannot place ticks on such an axis: the build would never end.
            (1e300, Unit::Count, "value 1e300 is too large"),
            (-2e12, Unit::Text, "value -2e12 is too large"),
            (146.0, Unit::Percent, "value 146 is not a percentage"),
            (-5.0, Unit::Count, "value -5 is negative"),
        ] {
            let e = check_number(v, unit, "value").unwrap_err();
            assert!(e.starts_with(says), "{e}");
        }
        let ind = |change: &str| {
            format!(
                "id: \"1.6\"\ngoal: 1\nname: N\nunit: count\ntype: bruk\ndescription: D\n\
                 measures:\n  - baseline: {{value: 5, period: 2021, source: test}}\n\
                 \x20   targets:\n      - {{year: 2025, change_percent: {change}, source: test}}\n"
            )
        };
        assert_eq!(
            problems_with(&[("indicators/1.6.yaml", &ind("-100"))]).len(),
            0
        );
        assert_eq!(
            problems_with(&[("indicators/1.6.yaml", &ind("1e6"))]),
            [
                "indicators/1.6.yaml:10:38: change_percent 1000000 is out of range (expected -100 to 10000: from nothing left to a hundredfold)"
            ]
        );
    }

    #[test]
    fn id_shapes() {
        assert!(is_numbered_id("2.5.3"));
        assert!(!is_numbered_id("2..3"));
        assert!(is_slug("tillit-helseopplysninger"));
        assert!(!is_slug("Tillit"));
        assert!(!is_slug("../etc"));
    }
}
