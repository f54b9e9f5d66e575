//! CSV data files (`values_file:`): read under the same limits as the YAML files and split
//! into rows of fields, each field with the line and column where it is written.
//!
//! In: the raw indicators' `values_file:` names. Out: [`DataFiles`], each name resolved
//! safely inside `content/` and read once into a [`Table`] of raw text fields (the header
//! and every row), or why it could not be. Nothing here knows what the columns mean:
//! validation checks the values, and reports a name that did not resolve at its place.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Pos};

/// A CSV file as written: its header, its rows and its text.
#[derive(Debug)]
pub struct Table {
    /// The text of the file (without a byte-order mark).
    pub text: Arc<str>,
    /// The column names, trimmed.
    pub header: Vec<String>,
    /// The rows after the header, in file order.
    pub rows: Vec<Row>,
}

/// One row of a CSV file.
#[derive(Debug)]
pub struct Row {
    /// Where the row starts.
    pub pos: Pos,
    /// Its fields, unquoted, in column order.
    pub fields: Vec<Field>,
}

/// One field of a row.
#[derive(Debug)]
pub struct Field {
    /// The text, unquoted and untrimmed.
    pub text: String,
    /// Where the field starts (at its opening quote when it is quoted).
    pub pos: Pos,
}

impl Row {
    /// The text of field `i`, trimmed; empty when the row has no such field.
    pub fn get(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", |f| f.text.trim())
    }

    /// Where field `i` starts; where the row starts when it has no such field.
    pub fn pos(&self, i: usize) -> Pos {
        self.fields.get(i).map_or(self.pos, |f| f.pos)
    }
}

/// A data file a measure names, as read.
#[derive(Debug)]
pub struct DataFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its rows, unless it could not be read.
    pub table: Option<Table>,
    /// What kept it or some of its rows from being read.
    pub problems: Vec<Diagnostic>,
}

/// Every data file the indicators name, by the name as written in `values_file:`: read
/// once however many measures name it, or why its name does not lead to a file.
pub type DataFiles = BTreeMap<String, Result<DataFile, String>>;

/// Resolves and reads every data file that `names` lists, in parallel.
pub fn read_data_files<'a>(root: &Path, names: impl IntoIterator<Item = &'a str>) -> DataFiles {
    use rayon::prelude::*;
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort_unstable();
    names.dedup();
    names
        .par_iter()
        .map(|name| {
            let file = resolve(root, name).map(|path| {
                let (table, problems) = read_csv(&path);
                DataFile {
                    path,
                    table,
                    problems,
                }
            });
            ((*name).to_owned(), file)
        })
        .collect()
}

/// A data file's path inside the content folder, refusing absolute paths, `..`, symbolic
/// links and missing files; the error says which.
fn resolve(root: &Path, name: &str) -> Result<PathBuf, String> {
    use std::path::Component;
    let rel = Path::new(name);
    let clean = !name.is_empty()
        && rel.components().all(|c| matches!(c, Component::Normal(_)))
        && !name.contains('\\');
    if !clean {
        return Err(format!(
            "invalid data file path `{name}` (expected a relative path inside the content folder, without `..`)"
        ));
    }
    let path = root.join(rel);
    let mut walked = root.to_path_buf();
    for c in rel.components() {
        walked.push(c);
        match std::fs::symlink_metadata(&walked) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(format!(
                    "data file `{name}` goes through a symbolic link (expected regular files only)"
                ));
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(format!(
                    "data file `{name}` not found (expected a CSV file at {})",
                    path.display()
                ));
            }
            Err(e) => return Err(format!("cannot read data file `{name}` ({e})")),
        }
    }
    if !path.is_file() {
        return Err(format!("data file `{name}` is not a file"));
    }
    Ok(path)
}

/// Reads a CSV file with a header row. A row with another number of fields than the header
/// is reported at its line and left out; every other row is kept.
pub fn read_csv(path: &Path) -> (Option<Table>, Vec<Diagnostic>) {
    let text = match super::read_text(path) {
        Ok(t) => t,
        Err(d) => return (None, vec![d]),
    };
    let mut problems = Vec::new();
    let lines = LineStarts::new(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|f| f.trim().to_owned()).collect(),
        Err(e) => {
            let message = format!("cannot read the CSV header ({e})");
            return (None, vec![Diagnostic::file(path, message)]);
        }
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        let (record, start) = match record {
            Ok(r) => {
                let start = r.position().map_or(0, |p| p.byte() as usize);
                (r, row_start(&text, start))
            }
            Err(e) => {
                let start = e.position().map_or(0, |p| p.byte() as usize);
                let start = row_start(&text, start);
                problems.push(Diagnostic::new(
                    path,
                    lines.pos(&text, start),
                    format!("bad CSV row ({e})"),
                ));
                continue;
            }
        };
        if record.len() != header.len() {
            problems.push(Diagnostic::new(
                path,
                lines.pos(&text, start),
                format!(
                    "bad CSV row: {} field(s) (expected {}, as in the header `{}`)",
                    record.len(),
                    header.len(),
                    header.join(",")
                ),
            ));
            continue;
        }
        let starts = field_starts(&text, start, record.len());
        let fields = record
            .iter()
            .zip(starts)
            .map(|(f, at)| Field {
                text: f.to_owned(),
                pos: lines.pos(&text, at),
            })
            .collect();
        rows.push(Row {
            pos: lines.pos(&text, start),
            fields,
        });
    }
    let table = Table { text, header, rows };
    (Some(table), problems)
}

/// Where the lines of a text start, to turn byte offsets into lines and columns.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> LineStarts {
        let ends = text.match_indices('\n').map(|(i, _)| i + 1);
        LineStarts(std::iter::once(0).chain(ends).collect())
    }

    /// The line (from 1) and column (in characters, from 1) of byte offset `at`.
    fn pos(&self, text: &str, at: usize) -> Pos {
        let at = at.min(text.len());
        let line = self.0.partition_point(|&s| s <= at).max(1);
        let start = self.0[line - 1];
        let col = text.get(start..at).map_or(0, |s| s.chars().count());
        Pos {
            line: line as u32,
            col: col as u32 + 1,
        }
    }
}

/// Where the row that the csv crate places at `at` starts: it places a row after the line
/// end before it (at the `\n` of a `\r\n`, or before empty lines it skips).
fn row_start(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    at + (rest.len() - rest.trim_start_matches(['\r', '\n']).len())
}

/// The byte offsets where the `count` fields of the record at `start` begin, as the csv
/// crate reads them: a field that starts with `"` runs to the closing quote (`""` inside
/// is one quote), then to the next comma.
fn field_starts(text: &str, start: usize, count: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut starts = Vec::with_capacity(count);
    for _ in 0..count {
        starts.push(i);
        if bytes.get(i) == Some(&b'"') {
            i += 1;
            loop {
                match (bytes.get(i), bytes.get(i + 1)) {
                    (None, _) => break,
                    (Some(b'"'), Some(b'"')) => i += 2,
                    (Some(b'"'), _) => {
                        i += 1;
                        break;
                    }
                    _ => i += 1,
                }
            }
        }
        while let Some(&b) = bytes.get(i) {
            i += 1;
            if b == b',' {
                break;
            }
            if b == b'\n' || b == b'\r' {
                i -= 1;
                break;
            }
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> (Option<Table>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.csv");
        std::fs::write(&path, text).unwrap();
        let (table, problems) = read_csv(&path);
        let problems = problems
            .iter()
            .map(|d| format!("{}:{}: {}", d.pos.line, d.pos.col, d.message))
            .collect();
        (table, problems)
    }

    fn places(t: &Table) -> Vec<Vec<(u32, u32, &str)>> {
        t.rows
            .iter()
            .map(|r| {
                r.fields
                    .iter()
                    .map(|f| (f.pos.line, f.pos.col, f.text.as_str()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn fields_are_placed_where_they_are_written() {
        let text = "period,value,source,text\n\
                    \"2021\",\"1,5\",test,\"sa \"\"hei\"\"\"\n\
                    2022,\"to\nlinjer\",æøå,x\r\n\
                    2023,3,test,\"\"\n";
        let (t, problems) = table(text);
        assert!(problems.is_empty(), "{problems:?}");
        let t = t.unwrap();
        assert_eq!(t.header, ["period", "value", "source", "text"]);
        assert_eq!(
            places(&t),
            [
                vec![
                    (2, 1, "2021"),
                    (2, 8, "1,5"),
                    (2, 14, "test"),
                    (2, 19, "sa \"hei\"")
                ],
                vec![
                    (3, 1, "2022"),
                    (3, 6, "to\nlinjer"),
                    (4, 9, "æøå"),
                    (4, 13, "x")
                ],
                vec![(5, 1, "2023"), (5, 6, "3"), (5, 8, "test"), (5, 13, "")],
            ]
        );
    }

    #[test]
    fn a_row_of_the_wrong_length_is_reported_at_its_line() {
        let (t, problems) = table("period,value,source\n\"a,b\",1\n2021,1,test\n");
        assert_eq!(
            problems,
            ["2:1: bad CSV row: 2 field(s) (expected 3, as in the header `period,value,source`)"]
        );
        assert_eq!(
            places(&t.unwrap()),
            [vec![(3, 1, "2021"), (3, 6, "1"), (3, 8, "test")]]
        );
    }
}
