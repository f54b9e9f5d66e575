//! Parsing: reads each content file and deserializes it into its raw type.
//!
//! Reading is guarded: files over [`MAX_FILE_BYTES`](crate::discover::MAX_FILE_BYTES), text
//! that is not UTF-8, and YAML that nests too deep or expands too many aliases are refused with
//! a diagnostic. A byte-order mark and CRLF line ends are accepted.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, DuplicateKeyPolicy, Options};

use crate::diagnostics::{Diagnostic, Pos, SourceTexts};
use crate::discover::{Kind, MAX_FILE_BYTES, SourceFile};
use crate::raw;

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
}

enum Doc {
    Strategy(raw::Strategy),
    Sources(raw::Sources),
    Goal(raw::Goal),
    Indicator(raw::Indicator),
    Initiative(raw::Initiative),
    Status(raw::Status),
    Edition(raw::Edition),
}

/// Reads and parses every file, collecting every problem.
pub fn parse(files: &[SourceFile], texts: &mut SourceTexts) -> (RawContent, Vec<Diagnostic>) {
    let results: Vec<_> = files.par_iter().map(parse_one).collect();
    let mut content = RawContent::default();
    let mut problems = Vec::new();
    for (file, (text, result)) in files.iter().zip(results) {
        content.files.push(file.path.clone());
        if let Some(text) = text {
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
            Err(d) => problems.push(d),
        }
    }
    (content, problems)
}

fn parse_one(file: &SourceFile) -> (Option<Arc<str>>, Result<Doc, Diagnostic>) {
    let text = match read_text(&file.path) {
        Ok(text) => text,
        Err(d) => return (None, Err(d)),
    };
    let doc = match file.kind {
        Kind::Strategy => from_yaml(&file.path, &text).map(Doc::Strategy),
        Kind::Sources => from_yaml(&file.path, &text).map(Doc::Sources),
        Kind::Goal => from_yaml(&file.path, &text).map(Doc::Goal),
        Kind::Indicator => from_yaml(&file.path, &text).map(Doc::Indicator),
        Kind::Initiative => from_yaml(&file.path, &text).map(Doc::Initiative),
        Kind::Status => from_yaml(&file.path, &text).map(Doc::Status),
        Kind::Edition => from_yaml(&file.path, &text).map(Doc::Edition),
    };
    (Some(text), doc)
}

/// Reads a file as UTF-8 text, without a byte-order mark, refusing files that are too large.
pub fn read_text(path: &Path) -> Result<Arc<str>, Diagnostic> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Diagnostic::file(path, format!("cannot read file ({e})")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::file(
            path,
            format!(
                "file is too large ({} bytes, expected at most {} bytes)",
                meta.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::file(path, format!("cannot read file ({e})")))?;
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
            ))
        }
    }
}

/// The parser's limits: no duplicate keys, bounded depth, aliases and size.
fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = 64;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_events = 1_000_000;
    budget.max_nodes = 500_000;
    budget.max_total_scalar_bytes = MAX_FILE_BYTES as usize * 2;
    budget.max_documents = 1;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.with_snippet = false;
    options
}

/// Deserializes YAML text, turning a parse error into a diagnostic at its position.
pub fn from_yaml<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::file(
            path,
            "file is empty (expected a YAML mapping)",
        ));
    }
    serde_saphyr::from_str_with_options::<T>(text, options()).map_err(|err| {
        let pos = err
            .location()
            .map(|l| Pos::from_location(&l))
            .unwrap_or(Pos { line: 1, col: 1 });
        Diagnostic::new(path, pos, message_of(&err))
    })
}

/// The error's message without the location the parser appends.
fn message_of(err: &serde_saphyr::Error) -> String {
    let text = err.without_snippet().to_string();
    let text = text.lines().next().unwrap_or("").trim();
    let text = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => text,
    };
    // Say it in the analyst's words rather than the parser's.
    let text = text
        .split(", set DuplicateKeyPolicy")
        .next()
        .unwrap_or(text);
    let text = match text {
        "invalid i64" | "invalid u64" | "invalid i32" | "invalid u32" | "invalid u8" => {
            "expected a whole number".to_owned()
        }
        "invalid f64" | "invalid f32" => "expected a number".to_owned(),
        other => other.to_owned(),
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "invalid YAML".to_owned(),
    }
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
        let p = problem("number: 1\ntitle: x\nsumary: y\n");
        assert!(
            p.starts_with("g.yaml:3:1: unknown field `sumary`, expected one of"),
            "{p}"
        );
    }

    #[test]
    fn wrong_types_duplicates_and_tabs_are_explained() {
        assert_eq!(
            problem("number: to\ntitle: x\nsummary: y\n"),
            "g.yaml:1:9: expected a whole number"
        );
        assert_eq!(
            problem("number: 1\ntitle: x\ntitle: y\nsummary: z\n"),
            "g.yaml:3:1: duplicate mapping key: title"
        );
        assert!(problem("number: 1\ntitle: x\nsummary:\n\t- z\n").contains("tabs"));
        assert_eq!(
            problem("   \n"),
            "g.yaml:1:1: file is empty (expected a YAML mapping)"
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
        assert!(from_yaml::<serde_json::Value>(Path::new("d.yaml"), &deep).is_err());
    }
}
