//! Measured values kept in CSV files beside the YAML (`values_file:`), as the input stage read
//! them: a name that leads to no safe file reported at its place, one row per value, each bad
//! row reported at its line and column.

use std::path::{Path, PathBuf};

use super::checks::check_number;
use super::{Refs, Sink};
use crate::diagnostics::{Diagnostic, Pos};
use crate::input::{DataFile, Loaded, RawContent, raw};
use crate::model::*;

/// Reads every measure's `values_file` into its values, and returns the files read.
pub(super) fn attach(
    raw: &RawContent,
    refs: &mut Refs,
    problems: &mut Vec<Diagnostic>,
) -> Vec<PathBuf> {
    let mut value_files = Vec::new();
    for Loaded { path, doc } in &raw.indicators {
        for (mi, m) in doc.measures.value.iter().enumerate() {
            let Some(file) = &m.value.values_file else {
                continue;
            };
            let data = match raw.data.get(&file.value) {
                Some(Ok(data)) => data,
                Some(Err(why)) => {
                    Sink { path, problems }.at(file, why.clone());
                    continue;
                }
                // Read by the input stage for every name; none is missing.
                None => continue,
            };
            let csv_path = data.path.clone();
            // The indicator from this very file, with every measure checked (else its problems
            // are reported already and the measures do not line up).
            let Some(ind) = refs
                .indicators
                .get(doc.id.value.as_str())
                .filter(|i| i.path == *path && i.measures.len() == doc.measures.value.len())
            else {
                continue;
            };
            let Some(measure) = ind.measures.get(mi) else {
                continue;
            };
            let rows = read_values_csv(data, measure.unit, refs, problems);
            let Some(measure) = refs
                .indicators
                .get_mut(doc.id.value.as_str())
                .and_then(|i| i.measures.get_mut(mi))
            else {
                continue;
            };
            for (pos, v) in rows {
                match measure.values.iter().find(|o| o.period.same_span(v.period)) {
                    Some(first) => {
                        let first_at = yaml_place(path, &m.value.values, first.period);
                        let message = second_value(v.period, first.period, &first_at);
                        problems.push(Diagnostic::new(&csv_path, pos, message));
                    }
                    None => measure.values.push(v),
                }
            }
            measure.values.sort_by_key(|v| v.period);
            measure.values_file = Some(csv_path.clone());
            value_files.push(csv_path);
        }
    }
    value_files
}

/// Where the value for `period` is written among a measure's YAML values: `path:line:col`,
/// or the file alone when it cannot be found.
fn yaml_place(path: &Path, values: &[raw::Value], period: Period) -> String {
    values
        .iter()
        .find(|v| Period::parse(&v.period.value.0) == Ok(period))
        .map_or_else(
            || path.display().to_string(),
            |v| place(path, Pos::from_location(&v.period.referenced)),
        )
}

/// Checks the rows of a CSV file with a header row: `period`, `value`, `source`, and
/// optionally `text`. Every bad row is reported at its line and column; each value comes with
/// the place of its period.
fn read_values_csv(
    data: &DataFile,
    unit: Unit,
    refs: &Refs,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(Pos, Value)> {
    let path = data.path.as_path();
    problems.extend(data.problems.iter().cloned());
    let Some(table) = &data.table else {
        return Vec::new();
    };
    super::glyphs::check_text(path, &table.text, problems);
    let headers = &table.header;
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
    let mut values: Vec<(Pos, Value)> = Vec::new();
    for row in &table.rows {
        let mut bad = |i: usize, msg: String| {
            problems.push(Diagnostic::new(path, row.pos(i), msg));
        };
        let period = match Period::parse(row.get(ip)) {
            Ok(p) => Some(p),
            Err(e) => {
                bad(ip, format!("invalid period `{}`: {e}", row.get(ip)));
                None
            }
        };
        let raw_value = row.get(iv);
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
        let source = row.get(is).to_owned();
        if let Some(problem) = refs.source_problem(&source) {
            bad(is, problem);
            continue;
        }
        if let (Some(period), Some(value)) = (period, value) {
            if let Some((at, first)) = values.iter().find(|(_, o)| o.period.same_span(period)) {
                let first_at = place(path, *at);
                bad(ip, second_value(period, first.period, &first_at));
                continue;
            }
            let text = it
                .map(|i| row.get(i))
                .filter(|t| !t.is_empty())
                .map(str::to_owned);
            values.push((
                row.pos(ip),
                Value {
                    period,
                    quantity: Quantity { value, of: None },
                    text,
                    breakdown: Vec::new(),
                    source: SourceId::new(source),
                },
            ));
        }
    }
    values
}

/// `path:line:col`, as a diagnostic names a place.
pub(super) fn place(path: &Path, pos: Pos) -> String {
    format!("{}:{}:{}", path.display(), pos.line, pos.col)
}

/// What to say about a value for a period that already has one at `first_at`, whether the
/// two are written alike (`2021` twice) or not (`2021` and `2021-01/2021-12`).
pub(super) fn second_value(period: Period, first: Period, first_at: &str) -> String {
    if period == first {
        format!(
            "a second value for {} (the first is at {first_at}; expected one value per period)",
            period.code()
        )
    } else {
        format!(
            "a second value for {}, the same days as {} (at {first_at}; expected one value per period)",
            period.code(),
            first.code()
        )
    }
}
