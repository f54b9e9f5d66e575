//! Stepping over a mistake, so that one parse reports every mistake of a file.
//!
//! serde stops at the first error. When that error is a field of a wrong type, an unknown
//! field or a field given twice, the mistake is made harmless in a copy of the text (a value
//! replaced by a placeholder of the expected type, a field and its value replaced by spaces),
//! with every other character left where it was, and the text is parsed again: the next error
//! is then reported at its true line and column. Broken YAML structure (syntax, a list where a
//! text belongs, a missing field) ends the parse as before. A placeholder is never checked
//! further: a file with a mistake is not validated.

use serde_saphyr::Error;

use super::messages::innermost;

/// A copy of `text` with the mistake `err` points at made harmless, every other character
/// kept in place; `None` when the mistake cannot be stepped over.
pub(super) fn step_over(text: &str, err: &Error) -> Option<String> {
    let span = err.location()?.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len()?).ok()?;
    match innermost(err) {
        Error::SerdeUnknownField { .. } | Error::DuplicateMappingKey { .. } => {
            blank_entry(text, start)
        }
        Error::InvalidScalar { ty, .. } => {
            let placeholder = match *ty {
                "boolean" | "bool" => "true",
                _ => "0",
            };
            replace_scalar(text, start, len, placeholder)
        }
        Error::InvalidBooleanStrict { .. } => replace_scalar(text, start, len, "true"),
        Error::Unexpected { expected, .. } => {
            let placeholder = match *expected {
                "sequence start" => "[]",
                "mapping start" => "{}",
                _ => return None,
            };
            replace_scalar(text, start, len, placeholder)
        }
        _ => None,
    }
}

/// The text with the block mapping entry whose key starts at byte `start` replaced by spaces:
/// the rest of its line and the lines indented under it.
fn blank_entry(text: &str, start: usize) -> Option<String> {
    // An offset the parser gives is trusted no further than the text allows.
    let line_start = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..start];
    // Only a key in block style: nothing but indentation and `- ` markers before it.
    if !prefix.chars().all(|c| c == ' ' || c == '-') {
        return None;
    }
    let col = prefix.len();
    let mut end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut next = end;
    while next < text.len() {
        let line_end = text[next + 1..]
            .find('\n')
            .map_or(text.len(), |i| next + 1 + i);
        let line = text[next + 1..line_end].trim_end_matches('\r');
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        if rest.is_empty() || rest.starts_with('#') {
            next = line_end;
            continue;
        }
        let under = indent > col || (indent == col && (rest == "-" || rest.starts_with("- ")));
        if !under {
            break;
        }
        end = line_end;
        next = line_end;
    }
    let entry = &text[start..end];
    // An anchor defined in the entry may be used further on.
    if entry.contains('&') {
        return None;
    }
    Some(format!(
        "{}{}{}",
        &text[..start],
        spaces(entry),
        &text[end..]
    ))
}

/// The text with the scalar of `len` bytes at byte `start` replaced by `placeholder`, padded
/// with spaces; a longer placeholder only where nothing but a comment follows on the line.
fn replace_scalar(text: &str, start: usize, len: usize, placeholder: &str) -> Option<String> {
    let end = start.checked_add(len).filter(|&e| e <= text.len())?;
    let scalar = text.get(start..end)?;
    if scalar.is_empty() || scalar.starts_with(['[', '{', '|', '>', '&', '*']) {
        return None;
    }
    let rest_of_line = text[end..].split('\n').next().unwrap_or("").trim();
    let first_line = scalar.split('\n').next().unwrap_or("");
    // In characters: each becomes one space.
    let fits = first_line.trim_end_matches('\r').chars().count() >= placeholder.len();
    if !fits
        && (scalar.contains('\n') || !(rest_of_line.is_empty() || rest_of_line.starts_with('#')))
    {
        return None;
    }
    let blanked = spaces(scalar);
    let kept = if fits {
        &blanked[placeholder.len()..]
    } else {
        ""
    };
    Some(format!(
        "{}{placeholder}{kept}{}",
        &text[..start],
        &text[end..]
    ))
}

/// Every character of `text` but line ends as a space, so that what follows keeps its line and
/// column.
fn spaces(text: &str) -> String {
    text.chars()
        .map(|c| if matches!(c, '\n' | '\r') { c } else { ' ' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_blanked_with_what_is_indented_under_it() {
        let text = "a: 1\nb:\n  - x\n\n  - y\nc: 2\n";
        let at = text.find("b:").unwrap();
        assert_eq!(
            blank_entry(text, at).unwrap(),
            "a: 1\n  \n     \n\n     \nc: 2\n"
        );
        let text = "l:\n  - a: 1\n    b: 2\n    c: 3\n";
        let at = text.find("b:").unwrap();
        assert_eq!(
            blank_entry(text, at).unwrap(),
            "l:\n  - a: 1\n        \n    c: 3\n"
        );
        let text = "a:\r\n- x\r\nb: 1\r\n";
        assert_eq!(blank_entry(text, 0).unwrap(), "  \r\n   \r\nb: 1\r\n");
        assert_eq!(blank_entry("m: {a: 1, b: 2}\n", 10), None);
        assert_eq!(blank_entry("a: &x 1\nb: *x\n", 0), None);
        assert_eq!(blank_entry("æ: 1\n", 1), None);
        assert_eq!(blank_entry("a: 1\n", 99), None);
    }

    #[test]
    fn a_scalar_is_replaced_in_place() {
        let text = "number: to # nr\ntitle: x\n";
        assert_eq!(
            replace_scalar(text, 8, 2, "0").unwrap(),
            "number: 0  # nr\ntitle: x\n"
        );
        assert_eq!(
            replace_scalar("b: ja # c\n", 3, 2, "true").unwrap(),
            "b: true # c\n"
        );
        assert_eq!(replace_scalar("b: ja, c\n", 3, 2, "true"), None);
        assert_eq!(replace_scalar("b: [x]\n", 3, 3, "0"), None);
        assert_eq!(replace_scalar("æ", 0, 2, "{}").unwrap(), "{}");
        assert_eq!(replace_scalar("b: æøå\n", 3, 6, "0").unwrap(), "b: 0  \n");
    }
}
