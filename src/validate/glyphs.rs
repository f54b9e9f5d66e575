//! Characters no bundled font can show. typst sets such a character as an empty box, which
//! PDF/UA-1 forbids, so `build` would refuse the text at export; this finds it first, at the
//! place in the content file where it is written.
//!
//! Only the text of YAML values is looked at (a comment never reaches a document); a CSV file
//! is looked at whole.

use std::path::Path;

use serde_saphyr::granit_parser::{Event, Parser};

use crate::diagnostics::{Diagnostic, Pos};
use crate::typeset::fonts::covers;

/// Reports every character in the values of a YAML file that no bundled font has.
pub(super) fn check_yaml(path: &Path, text: &str, problems: &mut Vec<Diagnostic>) {
    // Only an escape (`"\u0378"`) writes a character without writing it as itself.
    if !text.contains('\\') && text.chars().all(covers) {
        return;
    }
    for event in Parser::new_from_str(text) {
        // A file that does not parse is reported by the parser already.
        let Ok((event, span)) = event else {
            return;
        };
        let Event::Scalar(value, ..) = event else {
            continue;
        };
        let start = span.start.byte_offset().unwrap_or(0).min(text.len());
        let end = span
            .end
            .byte_offset()
            .unwrap_or(text.len())
            .clamp(start, text.len());
        // Escapes (`"\U0001F600"`) and folding make the value differ from what is written: each
        // character is looked for from where the previous one was found, and reported at the
        // start of the value when it is not written as itself.
        let mut from = start;
        for c in value.chars().filter(|c| !covers(*c)) {
            let at = match text.get(from..end).and_then(|written| written.find(c)) {
                Some(i) => {
                    from += i + c.len_utf8();
                    from - c.len_utf8()
                }
                None => start,
            };
            problems.push(no_glyph(path, text, at, c));
        }
    }
}

/// Reports every character of a text file that no bundled font has.
pub(super) fn check_text(path: &Path, text: &str, problems: &mut Vec<Diagnostic>) {
    for (at, c) in text.char_indices().filter(|(_, c)| !covers(*c)) {
        problems.push(no_glyph(path, text, at, c));
    }
}

/// The diagnostic for character `c` at byte offset `at` of `text`.
fn no_glyph(path: &Path, text: &str, at: usize, c: char) -> Diagnostic {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    let pos = Pos {
        line: line as u32,
        col: col as u32,
    };
    let message = format!(
        "no bundled font can show the character `{c}` (U+{:04X}), and an accessible PDF may not leave it out (remove it, or write what it means in words)",
        c as u32
    );
    Diagnostic::new(path, pos, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let mut problems = Vec::new();
        check_yaml(Path::new("i.yaml"), text, &mut problems);
        problems
            .iter()
            .map(|d| {
                let code = d
                    .message
                    .split("(U+")
                    .nth(1)
                    .unwrap_or("")
                    .split(')')
                    .next();
                format!("{}:{} U+{}", d.pos.line, d.pos.col, code.unwrap_or(""))
            })
            .collect()
    }

    #[test]
    fn characters_without_a_glyph_are_found_where_they_are_written() {
        assert_eq!(
            found("name: Bra æøå – «sitat» • 12 %\n"),
            Vec::<String>::new()
        );
        assert_eq!(
            found(
                "# \u{378} i en kommentar\nname: x \u{378} og \u{F0000}\ntext: |\n  linje\n  to \u{378}\n"
            ),
            ["2:9 U+0378", "2:14 U+F0000", "5:6 U+0378"]
        );
        // Written as an escape: at the start of the value.
        assert_eq!(found("name: \"a \\u0378\"\n"), ["1:7 U+0378"]);
        // Joiners and variation selectors take no glyph.
        assert_eq!(
            found("name: a\u{200D}b\u{FE0F}\u{AD}\n"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_csv_file_is_looked_at_whole() {
        let mut problems = Vec::new();
        check_text(
            Path::new("v.csv"),
            "period,text\n2021,\"ok \u{F0000}\"\n",
            &mut problems,
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].pos, Pos { line: 2, col: 10 });
        assert!(
            problems[0].message.contains("`\u{F0000}` (U+F0000)"),
            "{}",
            problems[0].message
        );
    }
}
