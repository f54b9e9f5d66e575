//! Measured values kept in CSV files beside the YAML (`values_file:`): safe paths inside the
//! content folder, one row per value, each bad row reported at its line and column.

use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;

use super::checks::check_number;
use super::{Refs, Sink};
use crate::diagnostics::{Diagnostic, Pos};
use crate::input::{Loaded, RawContent};
use crate::model::*;

/// Reads every measure's `values_file` into its values, and returns the files read.
pub(super) fn attach(
    root: &Path,
    raw: &RawContent,
    refs: &mut Refs,
    problems: &mut Vec<Diagnostic>,
) -> Vec<PathBuf> {
    let mut value_files = Vec::new();
    for Loaded { path, doc } in &raw.indicators {
        for (mi, m) in doc.measures.iter().enumerate() {
            let Some(file) = &m.value.values_file else {
                continue;
            };
            let mut s = Sink { path, problems };
            let Some(csv_path) = values_file_path(&mut s, root, file) else {
                continue;
            };
            // The indicator from this very file, with every measure checked (else its problems
            // are reported already and the measures do not line up).
            let Some(ind) = refs
                .indicators
                .get(doc.id.value.as_str())
                .filter(|i| i.path == *path && i.measures.len() == doc.measures.len())
            else {
                continue;
            };
            let Some(measure) = ind.measures.get(mi) else {
                continue;
            };
            let rows = read_values_csv(&csv_path, measure.unit, refs, problems);
            let Some(measure) = refs
                .indicators
                .get_mut(doc.id.value.as_str())
                .and_then(|i| i.measures.get_mut(mi))
            else {
                continue;
            };
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
    value_files
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
    refs: &Refs,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(Pos, Value)> {
    let text = match crate::input::read_text(path) {
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
        if let Some(problem) = refs.source_problem(&source) {
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
                    source: SourceId::new(source),
                },
            ));
        }
    }
    values
}
