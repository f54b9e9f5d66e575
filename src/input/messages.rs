//! The parser's errors in the analyst's words: what failed, what was expected, and where
//! (the field that is missing points at its mapping, a tab at the tab), with the code of the
//! kind of problem and, for a misspelt field, the field that was probably meant.

use serde_saphyr::Error;
use serde_saphyr::budget::BudgetBreach;

use super::discover::{MAX_ALIASES, MAX_DEPTH, MAX_NODES, MAX_TEXT_BYTES};
use crate::diagnostics::{Code, Pos};

/// The first tab in the indentation of the line at `pos`, or `pos` when there is none.
pub(super) fn first_tab(text: &str, pos: Pos) -> Pos {
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
pub(super) fn innermost(err: &Error) -> &Error {
    match err {
        Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => innermost(error),
        other => other,
    }
}

/// A parser error explained: its code, the message, and what to do about it.
pub(super) struct Explained {
    /// The kind of problem.
    pub code: Code,
    /// What failed, then what was expected.
    pub message: String,
    /// The help line, if any.
    pub help: Option<String>,
}

/// The kind of a parser error.
fn code_of(err: &Error) -> Code {
    match err {
        Error::SerdeUnknownField { .. } => Code::UnknownField,
        Error::SerdeMissingField { .. } => Code::MissingField,
        Error::DuplicateMappingKey { .. } => Code::DuplicateField,
        Error::UnknownAnchor { .. } => Code::UnknownAnchor,
        Error::MultipleDocuments { .. }
        | Error::Budget {
            breach: BudgetBreach::Documents { .. },
            ..
        } => Code::MultipleDocuments,
        Error::Budget { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => Code::YamlLimit,
        Error::InvalidScalar { .. }
        | Error::InvalidBooleanStrict { .. }
        | Error::NullIntoString { .. }
        | Error::Unexpected { .. } => Code::WrongType,
        other if other.to_string().starts_with("recursion limit exceeded") => Code::YamlLimit,
        _ => Code::YamlSyntax,
    }
}

/// The error in the analyst's words: its code, what failed, then what was expected.
pub(super) fn explain(err: &Error, text: &str, pos: Pos) -> Explained {
    let inner = innermost(err);
    if let Error::SerdeUnknownField {
        field, expected, ..
    } = inner
    {
        let (message, help) = unknown_field(field, expected);
        return Explained {
            code: Code::UnknownField,
            message,
            help,
        };
    }
    Explained {
        code: code_of(inner),
        message: message_of(inner, text, pos),
        help: None,
    }
}

/// The error in the analyst's words: what failed, then what was expected.
fn message_of(err: &Error, text: &str, pos: Pos) -> String {
    let text = match err {
        Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_field(field, expected).0,
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

/// `unknown field`, and as help the [`closest`] known field.
fn unknown_field(field: &str, expected: &[&str]) -> (String, Option<String>) {
    let list = expected.join(", ");
    (
        format!("unknown field `{field}` (expected one of: {list})"),
        closest(field, expected).map(|e| format!("did you mean `{e}`?")),
    )
}

/// The known field an unknown one is probably a typo of: at most two edits (a swap of
/// neighbours counts as one), and fewer than its length.
pub(super) fn closest<'a>(field: &str, expected: &[&'a str]) -> Option<&'a str> {
    expected
        .iter()
        .map(|e| (strsim::damerau_levenshtein(field, e), *e))
        .filter(|(d, e)| *d <= 2 && *d < e.chars().count().max(2))
        .min()
        .map(|(_, e)| e)
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
pub(super) fn mapping_start(text: &str, pos: Pos) -> Pos {
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
    match key_col(at) {
        Some((c, false, _)) if c == col => {}
        // The first key of a list item starts its mapping.
        _ => return pos,
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

/// Where a top-level key (`goals:`) is written: its line, column 1; `None` when no line
/// starts with it (a flow mapping, or the key left out).
pub(super) fn top_level_key(text: &str, key: &str) -> Option<Pos> {
    let line = text.lines().position(|l| {
        l.strip_prefix('\u{feff}')
            .unwrap_or(l)
            .strip_prefix(key)
            .and_then(|rest| rest.trim_start_matches(' ').strip_prefix(':'))
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\r', '\t']))
    });
    line.map(|i| Pos {
        line: i as u32 + 1,
        col: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_field_names_are_suggested_as_help() {
        let (message, help) = unknown_field("baselin", &["id", "baseline"]);
        assert_eq!(
            message,
            "unknown field `baselin` (expected one of: id, baseline)"
        );
        assert_eq!(help.as_deref(), Some("did you mean `baseline`?"));
        let (_, help) = unknown_field("titel", &["number", "title"]);
        assert_eq!(help.as_deref(), Some("did you mean `title`?"));
        assert_eq!(unknown_field("xy", &["id", "of"]).1, None);
        assert_eq!(
            unknown_field("farge", &["number", "title", "summary"]).1,
            None
        );
    }

    #[test]
    fn top_level_keys_are_found_at_the_start_of_their_line() {
        let text = "quarter: 2026-Q2\n# goals: nei\n  goals: nested\ngoals:\n  - goal: 1\n";
        let at = |line| Some(Pos { line, col: 1 });
        assert_eq!(top_level_key(text, "goals"), at(4));
        assert_eq!(top_level_key("goals: []\r\n", "goals"), at(1));
        assert_eq!(top_level_key("\u{feff}goals:\n", "goals"), at(1));
        assert_eq!(top_level_key("a: 1\ngoalsx: 2\n", "goals"), None);
        assert_eq!(top_level_key("a: 1\ngoals : [x]\n", "goals"), at(2));
    }
}
