//! Parsing: reads each content file and deserializes it into its raw type.
//!
//! Reading is guarded: files over [`MAX_FILE_BYTES`](crate::discover::MAX_FILE_BYTES), text
//! that is not UTF-8, and YAML that nests too deep or expands too many aliases are refused with
//! a diagnostic. A byte-order mark and CRLF line ends are accepted.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Budget, DuplicateKeyPolicy, Error, Options};

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
    /// The kinds of the files that could not be read or parsed: their ids are unknown, so
    /// references to them are not reported as unknown.
    pub unreadable: BTreeSet<Kind>,
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
            Err(d) => {
                content.unreadable.insert(file.kind);
                problems.push(d);
            }
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

/// How deep lists and mappings may nest.
const MAX_DEPTH: usize = 64;
/// How many aliases (`*name`) and anchors (`&name`) a file may hold.
const MAX_ALIASES: usize = 1_000;
/// How many values (scalars, lists, mappings) a file may hold.
const MAX_NODES: usize = 500_000;
/// How many bytes of text a file may hold, counting what aliases repeat.
const MAX_TEXT_BYTES: usize = MAX_FILE_BYTES as usize * 2;

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
            .filter(|p| p.line > 0 && p.col > 0)
            .unwrap_or(Pos { line: 1, col: 1 });
        let pos = match innermost(&err) {
            // The parser points at the mapping's last key; the field is missing from the
            // mapping as a whole, so point where it starts.
            Error::SerdeMissingField { .. } => mapping_start(text, pos),
            _ => pos,
        };
        let message = message_of(&err, text, pos);
        let pos = if message.starts_with("tab character") {
            // The scanner points after the tab; point at it.
            first_tab(text, pos)
        } else {
            pos
        };
        Diagnostic::new(path, pos, message)
    })
}

/// The first tab in the indentation of the line at `pos`, or `pos` when there is none.
fn first_tab(text: &str, pos: Pos) -> Pos {
    let line = (pos.line as usize)
        .checked_sub(1)
        .and_then(|i| text.lines().nth(i))
        .unwrap_or("");
    match line
        .chars()
        .take_while(|c| c.is_whitespace())
        .position(|c| c == '\t')
    {
        Some(i) => Pos {
            line: pos.line,
            col: i as u32 + 1,
        },
        None => pos,
    }
}

/// The error itself, without the snippet or alias wrappers around it.
fn innermost(err: &Error) -> &Error {
    match err {
        Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => innermost(error),
        other => other,
    }
}

/// The error in the analyst's words: what failed, then what was expected.
fn message_of(err: &Error, text: &str, pos: Pos) -> String {
    let text = match innermost(err) {
        Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_field(field, expected),
        Error::SerdeMissingField { field, .. } => format!("missing required field `{field}`"),
        Error::DuplicateMappingKey { key: Some(key), .. } => {
            format!("field `{key}` is given twice (expected each field once)")
        }
        Error::DuplicateMappingKey { key: None, .. } => {
            "a field is given twice (expected each field once)".to_owned()
        }
        Error::Budget { breach, .. } => budget_message(breach),
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => {
            "aliases (`*name`) expand to too much text (expected aliases that repeat a little, not a whole document)".to_owned()
        }
        Error::UnknownAnchor { .. } => {
            let name = alias_at(text, pos).unwrap_or_default();
            format!("alias `*{name}` refers to no anchor (expected `&{name}` before it in the file)")
        }
        Error::InvalidScalar { ty, .. } => expected_scalar(ty, found_at(text, pos)),
        Error::InvalidBooleanStrict { .. } => expected_scalar("boolean", found_at(text, pos)),
        Error::NullIntoString { .. } => "expected a text, found nothing".to_owned(),
        Error::Unexpected { expected, .. } => {
            let expected = match *expected {
                "sequence start" => "a list (lines starting with `- `)",
                "mapping start" => "fields (lines such as `name: value`)",
                "string scalar" | "scalar" => "a text",
                other => other,
            };
            match found_at(text, pos) {
                Some(found) => format!("expected {expected}, found {found}"),
                None => format!("expected {expected}"),
            }
        }
        Error::MultipleDocuments { .. } => documents_message(),
        Error::Eof { .. } => "the file ends too early (expected the rest of a value)".to_owned(),
        other => {
            let text = other.to_string();
            let text = text.lines().next().unwrap_or("").trim();
            let text = match text.rfind(" at line ") {
                Some(i) => &text[..i],
                None => text,
            };
            parser_message(text)
        }
    };
    lowercase_first(&text)
}

/// A message of the YAML scanner, or of serde, in the analyst's words.
fn parser_message(text: &str) -> String {
    if text.contains("tabs") {
        "tab character used for indentation (expected spaces)".to_owned()
    } else if text.starts_with("mapping values are not allowed") {
        "unexpected `:` here (check the indentation of this line, or quote a text that contains `: `)".to_owned()
    } else if text.starts_with("illegal placement of ':'") {
        "unexpected `:` here (check that every `[` and `{` above is closed)".to_owned()
    } else if text.starts_with("unclosed quote") {
        "quote is not closed (expected a matching `\"` or `'` at the end of the text)".to_owned()
    } else if text.starts_with("recursion limit exceeded") {
        format!("lists and mappings nest too deep (expected at most {MAX_DEPTH} levels)")
    } else if text.starts_with("data did not match any variant of untagged enum Item") {
        "expected a text, or a `text:` with `items:`".to_owned()
    } else if text.starts_with("invalid ") && text.len() < 24 {
        expected_scalar(&text["invalid ".len()..], None)
    } else if text.is_empty() {
        "invalid YAML".to_owned()
    } else {
        text.to_owned()
    }
}

/// What a scalar of a type should have looked like.
///
/// `found` is what was written there, as [`found_at`] tells it.
fn expected_scalar(ty: &str, found: Option<String>) -> String {
    let (what, example) = match ty {
        "i8" | "i16" | "i32" | "i64" | "i128" | "u8" | "u16" | "u32" | "u64" | "u128"
        | "integer" => ("a whole number", "digits, such as 1 or 2030"),
        "f32" | "f64" | "floating point" => (
            "a number",
            "digits with a decimal point, such as 46 or 0.506",
        ),
        "boolean" | "bool" => ("a yes/no value", "true or false"),
        other => (other, other),
    };
    match found {
        Some(found)
            if what == "a whole number"
                && found
                    .trim_matches('`')
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'-') =>
        {
            format!("{found} is too large (expected a whole number such as 2030)")
        }
        Some(found) if found.starts_with('`') => {
            format!("{found} is not {what} (expected {example})")
        }
        Some(found) => format!("expected {what}, found {found}"),
        None => format!("expected {what}"),
    }
}

/// What is written at a position, to say what was found instead: a list, a mapping, or the
/// value itself in backticks.
fn found_at(text: &str, pos: Pos) -> Option<String> {
    let line = text.lines().nth((pos.line as usize).checked_sub(1)?)?;
    let rest: String = line
        .chars()
        .skip((pos.col as usize).saturating_sub(1))
        .collect();
    let rest = rest.trim_end();
    if rest.starts_with('[') || rest == "-" || rest.starts_with("- ") {
        return Some("a list".to_owned());
    }
    if rest.starts_with('{') {
        return Some("a mapping".to_owned());
    }
    let value = rest.split(" #").next().unwrap_or("").trim();
    if value.is_empty() || value.contains(": ") || value.ends_with(':') {
        return None;
    }
    let short: String = value.chars().take(40).collect();
    let more = if short.len() < value.len() { "…" } else { "" };
    Some(format!("`{short}{more}`"))
}

fn documents_message() -> String {
    "more than one YAML document in the file (expected one; remove the `---` line)".to_owned()
}

fn budget_message(breach: &BudgetBreach) -> String {
    match breach {
        BudgetBreach::Depth { .. } => {
            format!("lists and mappings nest too deep (expected at most {MAX_DEPTH} levels)")
        }
        BudgetBreach::Documents { .. } => documents_message(),
        BudgetBreach::ScalarBytes { .. } => format!(
            "too much text, counting what aliases (`*name`) repeat (expected at most {MAX_TEXT_BYTES} bytes)"
        ),
        BudgetBreach::Aliases { .. } => {
            format!("too many aliases (`*name`) (expected at most {MAX_ALIASES})")
        }
        BudgetBreach::Anchors { .. } => {
            format!("too many anchors (`&name`) (expected at most {MAX_ALIASES})")
        }
        BudgetBreach::Events { .. } | BudgetBreach::Nodes { .. } => {
            format!("too many values in one file (expected at most {MAX_NODES})")
        }
        other => format!("the file is too large or too complex to read ({other:?})"),
    }
}

/// `unknown field`, with the closest known field when the name looks like a typo of it.
fn unknown_field(field: &str, expected: &[&str]) -> String {
    let close = expected
        .iter()
        .map(|e| (edit_distance(field, e), *e))
        .filter(|(d, e)| *d <= 2 && *d < e.chars().count().max(2))
        .min();
    let list = expected.join(", ");
    match close {
        Some((_, e)) => {
            format!("unknown field `{field}`: did you mean `{e}`? (expected one of: {list})")
        }
        None => format!("unknown field `{field}` (expected one of: {list})"),
    }
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The alias name written at a position (`*name`).
fn alias_at(text: &str, pos: Pos) -> Option<String> {
    let line = text.lines().nth((pos.line as usize).checked_sub(1)?)?;
    let rest: String = line
        .chars()
        .skip((pos.col as usize).saturating_sub(1))
        .collect();
    let name: String = rest
        .strip_prefix('*')?
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'))
        .collect();
    (!name.is_empty()).then_some(name)
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "invalid YAML".to_owned(),
    }
}

/// Where the block mapping that holds the key at `pos` starts: its parent key (`baseline:`)
/// when it has one, else its first key. `pos` is returned unchanged when the text around it is
/// not plain block YAML.
fn mapping_start(text: &str, pos: Pos) -> Pos {
    /// The column of a line's first key (after indentation and `- ` markers), whether a `- `
    /// came before it, and whether the line opens a nested block (ends with `:`).
    fn key_col(line: &str) -> Option<(usize, bool, bool)> {
        let chars: Vec<char> = line.chars().collect();
        let (mut i, mut dash) = (0, false);
        loop {
            while chars.get(i) == Some(&' ') {
                i += 1;
            }
            if chars.get(i) == Some(&'-') && chars.get(i + 1) == Some(&' ') {
                dash = true;
                i += 2;
                continue;
            }
            break;
        }
        match chars.get(i) {
            None | Some('#') => None,
            Some(_) => {
                let code = line.split(" #").next().unwrap_or(line).trim_end();
                Some((i + 1, dash, code.ends_with(':')))
            }
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    let (line, col) = (pos.line as usize, pos.col as usize);
    let Some(at) = line.checked_sub(1).and_then(|i| lines.get(i)) else {
        return pos;
    };
    if key_col(at).map(|k| k.0) != Some(col) {
        return pos;
    }
    let mut first = line - 1;
    for i in (0..line - 1).rev() {
        match key_col(lines[i]) {
            None => {}
            Some((c, _, _)) if c > col => {}
            Some((c, true, _)) if c == col => {
                first = i;
                break;
            }
            Some((c, false, _)) if c == col => first = i,
            Some((c, _, true)) => {
                return Pos {
                    line: i as u32 + 1,
                    col: c as u32,
                };
            }
            Some(_) => break,
        }
    }
    Pos {
        line: first as u32 + 1,
        col: col as u32,
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
        assert_eq!(
            problem("number: 1\ntitle: x\nsumary: y\n"),
            "g.yaml:3:1: unknown field `sumary`: did you mean `summary`? \
             (expected one of: number, title, summary, aims, source)"
        );
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
            "g.yaml:2:8: expected a text, found a list"
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
        // Unchanged when the place is not a block key.
        assert_eq!(
            mapping_start("a: {x: 1}\n", Pos { line: 1, col: 4 }),
            Pos { line: 1, col: 4 }
        );
    }

    #[test]
    fn close_field_names_are_suggested() {
        assert_eq!(edit_distance("baselin", "baseline"), 1);
        assert_eq!(edit_distance("titel", "title"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert!(unknown_field("baselin", &["id", "baseline"]).contains("did you mean `baseline`?"));
        assert!(!unknown_field("xy", &["id", "of"]).contains("did you mean"));
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
