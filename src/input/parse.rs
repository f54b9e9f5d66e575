//! Parsing: reads each content file and deserializes it into its raw type.
//!
//! Reading is guarded: files over [`MAX_FILE_BYTES`](super::discover::MAX_FILE_BYTES), text
//! that is not UTF-8, and YAML that nests too deep or expands too many aliases are refused with
//! a diagnostic. A byte-order mark and CRLF line ends are accepted.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, DuplicateKeyPolicy, Error, Options};

use super::discover::{
    Kind, MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, MAX_TEXT_BYTES, SourceFile,
};
use super::messages::{closest, explain, first_tab, innermost, mapping_start, top_level_key};
use super::raw;
use super::recover::step_over;
use crate::diagnostics::{Code, Diagnostic, Pos, SourceTexts};

/// A parsed document and the file it came from.
#[derive(Debug)]
pub struct Loaded<T> {
    /// The file.
    pub path: PathBuf,
    /// Its content.
    pub doc: T,
}

/// Every content file, parsed but not yet checked against each other.
#[derive(Debug, Default)]
pub struct RawContent {
    /// `strategy.yaml` files (exactly one is valid).
    pub strategy: Vec<Loaded<raw::Strategy>>,
    /// `sources.yaml` files.
    pub sources: Vec<Loaded<raw::Sources>>,
    /// Goals.
    pub goals: Vec<Loaded<raw::Goal>>,
    /// Indicators.
    pub indicators: Vec<Loaded<raw::Indicator>>,
    /// Initiatives.
    pub initiatives: Vec<Loaded<raw::Initiative>>,
    /// Quarterly statuses.
    pub statuses: Vec<Loaded<raw::Status>>,
    /// Editions of the annual indicator document.
    pub editions: Vec<Loaded<raw::Edition>>,
    /// Every file read, in discovery order (inputs for the manifest).
    pub files: Vec<PathBuf>,
    /// The text of every file read, in discovery order (for checks of the text itself).
    pub texts: Vec<(PathBuf, Arc<str>)>,
    /// The kinds of the files that could not be read or parsed: their ids are unknown, so
    /// references to them are not reported as unknown.
    pub unreadable: BTreeSet<Kind>,
    /// The data files the indicators name (`values_file:`), read by [`read_data`].
    pub data: super::DataFiles,
}

// Each parsed document is moved once into its list, so the size of the largest variant costs
// nothing worth boxing for.
#[allow(clippy::large_enum_variant)]
enum Doc {
    Strategy(raw::Strategy),
    Sources(raw::Sources),
    Goal(raw::Goal),
    Indicator(raw::Indicator),
    Initiative(raw::Initiative),
    Status(raw::Status),
    Edition(raw::Edition),
}

/// Reads the data files the parsed indicators name, relative to the content folder `root`.
pub fn read_data(root: &Path, raw: &mut RawContent) {
    let names = raw.indicators.iter().flat_map(|i| {
        i.doc
            .measures
            .value
            .iter()
            .filter_map(|m| m.value.values_file.as_ref().map(|f| f.value.as_str()))
    });
    raw.data = super::read_data_files(root, names);
}

/// Reads and parses every file, collecting every problem.
pub fn parse(files: &[SourceFile], texts: &mut SourceTexts) -> (RawContent, Vec<Diagnostic>) {
    let results: Vec<_> = files.par_iter().map(parse_one).collect();
    let mut content = RawContent::default();
    let mut problems = Vec::new();
    for (file, (text, result)) in files.iter().zip(results) {
        content.files.push(file.path.clone());
        if let Some(text) = text {
            content.texts.push((file.path.clone(), Arc::clone(&text)));
            texts.insert(&file.path, text);
        }
        let path = file.path.clone();
        match result {
            Ok(Doc::Strategy(doc)) => content.strategy.push(Loaded { path, doc }),
            Ok(Doc::Sources(doc)) => content.sources.push(Loaded { path, doc }),
            Ok(Doc::Goal(doc)) => content.goals.push(Loaded { path, doc }),
            Ok(Doc::Indicator(doc)) => content.indicators.push(Loaded { path, doc }),
            Ok(Doc::Initiative(doc)) => content.initiatives.push(Loaded { path, doc }),
            Ok(Doc::Status(doc)) => content.statuses.push(Loaded { path, doc }),
            Ok(Doc::Edition(doc)) => content.editions.push(Loaded { path, doc }),
            Err(found) => {
                content.unreadable.insert(file.kind);
                problems.extend(found);
            }
        }
    }
    (content, problems)
}

fn parse_one(file: &SourceFile) -> (Option<Arc<str>>, Result<Doc, Vec<Diagnostic>>) {
    let text = match read_text(&file.path) {
        Ok(text) => text,
        Err(d) => return (None, Err(vec![d])),
    };
    if let Some(problem) = no_content(&text) {
        let message = format!("{problem} (expected {})", file.kind.expected());
        return (Some(text), Err(vec![Diagnostic::file(&file.path, message)]));
    }
    let doc = match file.kind {
        Kind::Strategy => from_yaml_all(&file.path, &text).map(Doc::Strategy),
        Kind::Sources => from_yaml_all(&file.path, &text).map(Doc::Sources),
        Kind::Goal => from_yaml_all(&file.path, &text).map(Doc::Goal),
        Kind::Indicator => from_yaml_all(&file.path, &text).map(Doc::Indicator),
        Kind::Initiative => from_yaml_all(&file.path, &text).map(Doc::Initiative),
        Kind::Status => from_yaml_all(&file.path, &text).map(|mut doc: raw::Status| {
            doc.goals_key = top_level_key(&text, "goals");
            Doc::Status(doc)
        }),
        Kind::Edition => from_yaml_all(&file.path, &text).map(Doc::Edition),
    };
    (Some(text), doc)
}

/// What to say about a text that holds no YAML values: nothing at all, or only comments and
/// document markers.
fn no_content(text: &str) -> Option<&'static str> {
    if text.trim().is_empty() {
        return Some("file is empty");
    }
    let content = text
        .lines()
        .map(str::trim)
        .any(|line| !(line.is_empty() || line.starts_with('#') || line == "---" || line == "..."));
    (!content).then_some("file holds no content, only comments")
}

/// Reads a file as UTF-8 text, without a byte-order mark, refusing files that are too large.
pub fn read_text(path: &Path) -> Result<Arc<str>, Diagnostic> {
    let unreadable = |e: std::io::Error| {
        Diagnostic::file(path, format!("cannot read file ({e})")).with_code(Code::Unreadable)
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::file(
            path,
            format!(
                "file is too large ({} bytes, expected at most {} bytes)",
                meta.len(),
                MAX_FILE_BYTES
            ),
        )
        .with_code(Code::TooLarge));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Arc::from(text)),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let good = std::str::from_utf8(good).unwrap_or_default();
            let line = good.matches('\n').count() + 1;
            let col = good.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            Err(Diagnostic::new(
                path,
                Pos {
                    line: line as u32,
                    col: col as u32,
                },
                "file is not valid UTF-8 text (save it as UTF-8)",
            )
            .with_code(Code::NotUtf8))
        }
    }
}

/// The parser's limits: no duplicate keys, bounded depth, aliases and size.
fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
    budget.max_anchors = MAX_ALIASES;
    budget.max_events = MAX_NODES * 2;
    budget.max_nodes = MAX_NODES;
    budget.max_total_scalar_bytes = MAX_TEXT_BYTES;
    budget.max_documents = 1;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.with_snippet = false;
    // A text such as `N` or `no` is a text: a printed field may be a string or a map, so it
    // is read without a type to guide it, and YAML 1.1 would make these booleans.
    options.strict_booleans = true;
    options
}

/// How many mistakes of one file are reported before the parse gives up on it.
pub(super) const MAX_PROBLEMS_PER_FILE: usize = 50;

/// Deserializes YAML text, turning the first parse error into a diagnostic at its position.
pub fn from_yaml<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Diagnostic> {
    from_yaml_all(path, text).map_err(|mut problems| problems.swap_remove(0))
}

/// Deserializes YAML text, turning every parse error into a diagnostic at its position (never
/// an empty list).
///
/// After a wrong type, an unknown field or a field given twice, the text is parsed again with
/// the mistake stepped over ([`step_over`]), so the next one is reported too. A field reported
/// missing where an unknown field was probably meant for it (`titel` for `title`) is not
/// reported again.
pub fn from_yaml_all<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Vec<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(vec![
            Diagnostic::file(path, "file is empty (expected a YAML mapping)")
                .with_code(Code::EmptyFile),
        ]);
    }
    let mut problems: Vec<Diagnostic> = Vec::new();
    // Where each unknown field's mapping starts, and the field it was probably meant to be.
    let mut meant: Vec<(Pos, String)> = Vec::new();
    let mut current = Cow::Borrowed(text);
    loop {
        let err = match serde_saphyr::from_str_with_options::<T>(&current, options()) {
            Ok(doc) if problems.is_empty() => return Ok(doc),
            Ok(_) => return Err(problems),
            Err(err) => err,
        };
        let d = diagnostic(path, text, &err);
        if problems
            .last()
            .is_some_and(|last| last.pos == d.pos && last.code == d.code)
        {
            // Stepping over did not get past it.
            return Err(problems);
        }
        match innermost(&err) {
            Error::SerdeUnknownField {
                field, expected, ..
            } => {
                if let Some(close) = closest(field, expected) {
                    meant.push((mapping_start(text, d.pos), close.to_owned()));
                }
            }
            Error::SerdeMissingField { field, .. }
                if meant.iter().any(|(at, name)| *at == d.pos && name == field) =>
            {
                return Err(problems);
            }
            _ => {}
        }
        problems.push(d);
        if problems.len() >= MAX_PROBLEMS_PER_FILE {
            return Err(problems);
        }
        match step_over(&current, &err) {
            Some(next) => current = Cow::Owned(next),
            None => return Err(problems),
        }
    }
}

/// A parse error as a diagnostic at its position in `text`.
fn diagnostic(path: &Path, text: &str, err: &Error) -> Diagnostic {
    let location = err.location();
    let at = location
        .map(|l| Pos::from_location(&l))
        .filter(|p| p.line > 0 && p.col > 0)
        .unwrap_or(Pos { line: 1, col: 1 });
    let pos = match innermost(err) {
        // The parser points at the mapping's last key; the field is missing from the
        // mapping as a whole, so point where it starts.
        Error::SerdeMissingField { .. } => mapping_start(text, at),
        _ => at,
    };
    let explained = explain(err, text, pos);
    let pos = if explained.message.starts_with("tab character") {
        // The scanner points after the tab; point at it.
        first_tab(text, pos)
    } else {
        pos
    };
    let mut d = Diagnostic::new(path, pos, explained.message).with_code(explained.code);
    d.help = explained.help;
    // The parser's span covers the node it stopped at; elsewhere, the token at `pos`.
    d.len = match location.map(|l| l.span().len()) {
        Some(len) if pos == at && len > 0 => u32::try_from(len).ok(),
        _ if pos != at && explained.code != Code::MissingField => Some(1),
        _ => None,
    };
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(yaml: &str) -> String {
        from_yaml::<raw::Goal>(Path::new("g.yaml"), yaml)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn typos_point_at_the_field_and_list_what_was_expected() {
        let typo = from_yaml::<raw::Goal>(Path::new("g.yaml"), "number: 1\ntitle: x\nsumary: y\n")
            .unwrap_err();
        assert_eq!(
            typo.to_string(),
            "g.yaml:3:1: unknown field `sumary` (expected one of: number, title, summary, aims, source)"
        );
        assert_eq!(typo.help.as_deref(), Some("did you mean `summary`?"));
        assert_eq!((typo.code, typo.len), (Code::UnknownField, Some(6)));
        assert_eq!(
            problem("number: 1\ntitle: x\nsummary: y\nfarge: blå\n"),
            "g.yaml:4:1: unknown field `farge` (expected one of: number, title, summary, aims, source)"
        );
    }

    #[test]
    fn wrong_types_duplicates_and_tabs_are_explained() {
        assert_eq!(
            problem("number: to\ntitle: x\nsummary: y\n"),
            "g.yaml:1:9: `to` is not a whole number (expected digits, such as 1 or 2030)"
        );
        assert_eq!(
            problem("number: 1\ntitle: [x, y]\nsummary: y\n"),
            "g.yaml:2:8: expected a text or texts by language (`nb:`, `nn:`, `en:`), found a list"
        );
        assert_eq!(
            problem("number: 1\ntitle: x\nsummary: y\naims: mer\n"),
            "g.yaml:4:7: expected a list (lines starting with `- `), found `mer`"
        );
        assert_eq!(
            problem("number: 1\ntitle:\nsummary: y\n"),
            "g.yaml:2:6: expected a text, found nothing"
        );
        assert_eq!(
            problem("number: 1\ntitle: x\ntitle: y\nsummary: z\n"),
            "g.yaml:3:1: field `title` is given twice (expected each field once)"
        );
        assert_eq!(
            problem("number: 1\ntitle: x\nsummary:\n\t- z\n"),
            "g.yaml:4:1: tab character used for indentation (expected spaces)"
        );
        assert_eq!(
            problem("   \n"),
            "g.yaml:1:1: file is empty (expected a YAML mapping)"
        );
        assert_eq!(
            problem("number: 1\ntitle: x\nsummary: *ingen\n"),
            "g.yaml:3:10: alias `*ingen` refers to no anchor (expected `&ingen` before it in the file)"
        );
        assert_eq!(
            problem("number: 1\ntitle: x\nsummary: y\n---\nnumber: 2\n"),
            "g.yaml:4:1: more than one YAML document in the file (expected one; remove the `---` line)"
        );
    }

    fn problems(yaml: &str) -> Vec<String> {
        from_yaml_all::<raw::Goal>(Path::new("g.yaml"), yaml)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn every_wrong_type_unknown_and_repeated_field_of_a_file_is_reported() {
        assert_eq!(
            problems("number: to\ntitle: x\nfarge:\n  mer: ja\nsummary: y\naims: mer\ntitle: z\n"),
            [
                "g.yaml:1:9: `to` is not a whole number (expected digits, such as 1 or 2030)",
                "g.yaml:3:1: unknown field `farge` (expected one of: number, title, summary, aims, source)",
                "g.yaml:6:7: expected a list (lines starting with `- `), found `mer`",
                "g.yaml:7:1: field `title` is given twice (expected each field once)",
            ]
        );
        // A typo of a required field is not also reported as the field missing.
        assert_eq!(
            problems("number: 1\ntitel: x\nsummary: y\n"),
            [
                "g.yaml:2:1: unknown field `titel` (expected one of: number, title, summary, aims, source)"
            ]
        );
        // Other missing fields still are, after the mistakes before them.
        assert_eq!(
            problems("number: x\nsummary: y\n"),
            [
                "g.yaml:1:9: `x` is not a whole number (expected digits, such as 1 or 2030)",
                "g.yaml:1:1: missing required field `title`",
            ]
        );
        // Broken structure ends the parse.
        assert_eq!(problems("number: x\ntitle: [a\n").len(), 2);
    }

    #[test]
    fn a_file_without_values_says_what_its_kind_needs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("1.6.yaml");
        let file = SourceFile {
            path: path.clone(),
            kind: Kind::Indicator,
        };
        for (text, says) in [
            (
                "# bare en kommentar\n\n  # og en til\n---\n",
                "file holds no content, only comments",
            ),
            ("\n \n", "file is empty"),
        ] {
            std::fs::write(&path, text).unwrap();
            let problem = parse_one(&file).1.err().unwrap().remove(0);
            assert_eq!(problem.pos, Pos { line: 1, col: 1 });
            assert_eq!(
                problem.message,
                format!(
                    "{says} (expected an indicator: id, goal, name, unit, type, description, measures)"
                )
            );
        }
        std::fs::write(&path, "# kommentar\nid: x # og en til\n").unwrap();
        assert!(
            parse_one(&file).1.err().unwrap()[0]
                .message
                .starts_with("missing required field")
        );
    }

    #[test]
    fn a_missing_field_is_reported_where_its_mapping_starts() {
        // At the first key of the file, not at its last key.
        assert_eq!(
            problem("number: 1\naims:\n  - a\n  - b\nsummary: y\n"),
            "g.yaml:1:1: missing required field `title`"
        );
        // At the key that holds the mapping, also with CRLF line ends and comments.
        let ind = "id: \"1.6\"\r\ngoal: 1\r\nname: n\r\nunit: count\r\ntype: bruk\r\n\
                   description: d\r\nmeasures:\r\n  # første\r\n  - baseline:\r\n      value: 1\r\n\
                   \r\n      period: 2021\r\n";
        let err = from_yaml::<raw::Indicator>(Path::new("i.yaml"), ind).unwrap_err();
        assert_eq!(
            err.to_string(),
            "i.yaml:9:5: missing required field `source`"
        );
        // At the first key of a list item.
        let text = "a: 1\nb:\n  - x: 1\n    y: 2\n";
        assert_eq!(
            mapping_start(text, Pos { line: 4, col: 5 }),
            Pos { line: 3, col: 5 }
        );
        // Not at the item before when the item has one key.
        assert_eq!(
            mapping_start("- x: 1\n  y: 2\n- x: 3\n", Pos { line: 3, col: 3 }),
            Pos { line: 3, col: 3 }
        );
        // Unchanged when the place is not a block key.
        assert_eq!(
            mapping_start("a: {x: 1}\n", Pos { line: 1, col: 4 }),
            Pos { line: 1, col: 4 }
        );
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_refused_quickly() {
        let mut bomb = String::from("title: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = if i == 1 {
                "a".to_owned()
            } else {
                format!("a{}", i - 1)
            };
            bomb.push_str(&format!("summary{i}: &a{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        assert!(from_yaml::<serde_json::Value>(Path::new("b.yaml"), &bomb).is_err());
        let deep = format!("x: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(
            from_yaml::<serde_json::Value>(Path::new("d.yaml"), &deep)
                .unwrap_err()
                .message,
            "lists and mappings nest too deep (expected at most 64 levels)"
        );
        let deep = format!("x:\n  {}x\n", "- ".repeat(10_000));
        assert_eq!(
            from_yaml::<serde_json::Value>(Path::new("d.yaml"), &deep)
                .unwrap_err()
                .message,
            "lists and mappings nest too deep (expected at most 64 levels)"
        );
        let many = format!("x: &a ha\ny: [{}]\n", "*a, ".repeat(1_001));
        assert_eq!(
            from_yaml::<serde_json::Value>(Path::new("m.yaml"), &many)
                .unwrap_err()
                .message,
            "too many aliases (`*name`) (expected at most 1000)"
        );
    }
}
