//! Printing diagnostics: the rustc/typst form for people, the one-line form for tests.
//!
//! The human form (codespan-reporting) shows the code, the message, the file with line and
//! column, the source line with a caret underline under the span, labels, and the help line.
//! The short form is one `path:line:col: error: message` line per diagnostic, followed by a
//! `path:line:col: help: …` line when it has help. Both print paths relative to the working
//! directory when they lie under it.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};

use super::{Diagnostic, Pos, Severity, SourceTexts, Span};

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// The source line with a caret under the problem, and a help line (rustc, typst).
    #[default]
    Human,
    /// One `path:line:col: error: message` line per diagnostic.
    Short,
}

/// Renders diagnostics sorted by file and position, each once.
pub fn render(texts: &SourceTexts, diagnostics: &[Diagnostic], format: Format) -> String {
    let mut sorted = diagnostics.to_vec();
    sorted.sort();
    sorted.dedup();
    let cwd = std::env::current_dir().ok();
    let mut printer = Printer {
        texts,
        cwd: cwd.as_deref(),
        files: SimpleFiles::new(),
        ids: HashMap::new(),
    };
    sorted
        .iter()
        .map(|d| match format {
            Format::Human => printer.human(d),
            Format::Short => printer.short(d),
        })
        .collect()
}

/// The state of one rendering: the files read so far, by path.
struct Printer<'a> {
    texts: &'a SourceTexts,
    cwd: Option<&'a Path>,
    files: SimpleFiles<String, Arc<str>>,
    /// File id in `files` and the text, for each path looked up (`None`: no text).
    ids: HashMap<PathBuf, Option<(usize, Arc<str>)>>,
}

impl Printer<'_> {
    /// The path as the user should see it: relative to the working directory when under it.
    fn shown(&self, path: &Path) -> String {
        let rel = match self.cwd {
            Some(cwd) if path.is_absolute() => path.strip_prefix(cwd).unwrap_or(path),
            _ => path,
        };
        rel.display().to_string()
    }

    /// Where a diagnostic is, as `path:line:col` (or `path` for a whole file).
    fn locus(&self, path: &Path, pos: Pos) -> String {
        if pos.line == 0 {
            self.shown(path)
        } else {
            format!("{}:{}:{}", self.shown(path), pos.line, pos.col)
        }
    }

    fn short(&mut self, d: &Diagnostic) -> String {
        let locus = if d.path.as_os_str().is_empty() {
            String::new()
        } else {
            format!("{}: ", self.locus(&d.path, d.pos))
        };
        let mut out = format!("{locus}{}: {}\n", d.severity.as_str(), d.message);
        if let Some(help) = &d.help {
            out.push_str(&format!("{locus}help: {help}\n"));
        }
        out
    }

    /// The codespan file id and text of a path, reading it from disk when not remembered.
    fn file(&mut self, path: &Path) -> Option<(usize, Arc<str>)> {
        if let Some(found) = self.ids.get(path) {
            return found.clone();
        }
        let text = match self.texts.get(path) {
            Some(text) => Some(text.clone()),
            None => std::fs::read_to_string(path).ok().map(Arc::from),
        };
        let found = text.map(|text| {
            // Positions count characters within a line, so a byte-order mark or CR before a
            // line end would only shift what is shown.
            let text: Arc<str> = Arc::from(
                text.strip_prefix('\u{feff}')
                    .unwrap_or(&text)
                    .replace("\r\n", "\n"),
            );
            let id = self.files.add(self.shown(path), text.clone());
            (id, text)
        });
        self.ids.insert(path.to_path_buf(), found.clone());
        found
    }

    /// The file id and byte range of a span, when its file's text is known.
    fn range(&mut self, span: &Span) -> Option<(usize, Range<usize>)> {
        if span.pos.line == 0 {
            return None;
        }
        let (id, text) = self.file(&span.path)?;
        Some((id, byte_range(&text, span.pos, span.len)))
    }

    fn human(&mut self, d: &Diagnostic) -> String {
        let severity = match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
        };
        let primary = Span {
            path: d.path.clone(),
            pos: d.pos,
            len: d.len,
        };
        let mut labels = Vec::new();
        let mut unplaced = Vec::new();
        match self.range(&primary) {
            Some((id, range)) => labels.push(CsLabel::primary(id, range)),
            None if !d.path.as_os_str().is_empty() => {
                unplaced.push(format!("in {}", self.locus(&d.path, d.pos)));
            }
            None => {}
        }
        for label in &d.labels {
            match self.range(&label.span) {
                Some((id, range)) => {
                    labels.push(CsLabel::secondary(id, range).with_message(&label.message))
                }
                None => unplaced.push(format!(
                    "{}: {}",
                    self.locus(&label.span.path, label.span.pos),
                    label.message
                )),
            }
        }
        let mut notes = unplaced;
        notes.extend(d.help.iter().map(|h| format!("help: {h}")));
        let cs = CsDiagnostic::new(severity)
            .with_code(d.code.as_str())
            .with_message(&d.message)
            .with_labels(labels)
            .with_notes(notes);
        term::emit_into_string(&Config::default(), &self.files, &cs)
            .unwrap_or_else(|_| self.short(d))
    }
}

/// The byte range of a span that starts at a line/column position and is `len` characters
/// long (or, without a length, covers the token there), clamped to the text.
fn byte_range(text: &str, pos: Pos, len: Option<u32>) -> Range<usize> {
    let line_start = text
        .split_inclusive('\n')
        .take((pos.line as usize).saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        .min(text.len());
    let line = text[line_start..].split('\n').next().unwrap_or("");
    let offset = line
        .char_indices()
        .nth(pos.col.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    let start = line_start + offset;
    let len = len.map_or_else(|| token_len(&line[offset..]), |l| l as usize);
    let end = text[start..]
        .char_indices()
        .nth(len)
        .map_or(text.len(), |(i, _)| start + i);
    start..end
}

/// How many characters the token at the start of `rest` has: a quoted text with its quotes,
/// else up to a space, a comma, a bracket, a comment or a `:` that ends a key.
fn token_len(rest: &str) -> usize {
    let mut chars = rest.chars().peekable();
    match chars.peek() {
        None => 0,
        Some(&q @ ('"' | '\'')) => {
            let inner = rest[1..].chars().take_while(|&c| c != q).count();
            (inner + 2).min(rest.chars().count())
        }
        Some(_) => {
            let mut n = 0;
            while let Some(c) = chars.next() {
                let ends_key = c == ':' && chars.peek().is_none_or(|n| n.is_whitespace());
                if c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}' | '#') || ends_key {
                    break;
                }
                n += 1;
            }
            n.max(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    #[test]
    fn byte_range_counts_characters_not_bytes() {
        let text = "a: æøå\nb: x\n";
        assert_eq!(byte_range(text, Pos { line: 2, col: 4 }, None), 13..14);
        assert_eq!(byte_range(text, Pos { line: 1, col: 4 }, Some(2)), 3..7);
        assert_eq!(byte_range(text, Pos { line: 1, col: 4 }, None), 3..9);
        assert_eq!(byte_range(text, Pos { line: 9, col: 9 }, None), 15..15);
    }

    #[test]
    fn tokens_end_where_yaml_ends_them() {
        assert_eq!(token_len("baselin:\n"), 7);
        assert_eq!(token_len("https://x.no/a b"), 14);
        assert_eq!(token_len("\"a b\" # c"), 5);
        assert_eq!(token_len("'open"), 5);
        assert_eq!(token_len("[1, 2]"), 1);
        assert_eq!(token_len("2026-Q5, x"), 7);
        assert_eq!(token_len(""), 0);
    }

    fn example() -> (SourceTexts, Diagnostic) {
        let mut texts = SourceTexts::default();
        let path = PathBuf::from("content/indicators/1.6.yaml");
        texts.insert(&path, Arc::from("id: \"1.6\"\r\ngoal: 9\r\n"));
        let d = Diagnostic::new(
            &path,
            Pos { line: 2, col: 7 },
            "unknown goal 9 (expected one of: 1, 2)",
        )
        .with_code(Code::UnknownReference)
        .with_help("add goals/mal-9.yaml");
        (texts, d)
    }

    #[test]
    fn the_short_form_is_one_line_and_a_help_line() {
        let (texts, d) = example();
        assert_eq!(
            texts.render(&[d.clone(), d], Format::Short),
            "content/indicators/1.6.yaml:2:7: error: unknown goal 9 (expected one of: 1, 2)\n\
             content/indicators/1.6.yaml:2:7: help: add goals/mal-9.yaml\n"
        );
    }

    #[test]
    fn the_human_form_underlines_the_span_and_gives_help() {
        let (texts, d) = example();
        let printed = texts.render(&[d], Format::Human);
        let lines: Vec<&str> = printed.lines().map(str::trim_end).collect();
        assert_eq!(
            lines,
            [
                "error[E-unknown-reference]: unknown goal 9 (expected one of: 1, 2)",
                "  ┌─ content/indicators/1.6.yaml:2:7",
                "  │",
                "2 │ goal: 9",
                "  │       ^",
                "  │",
                "  = help: add goals/mal-9.yaml",
                "",
            ],
            "{printed}"
        );
    }

    #[test]
    fn a_file_without_text_is_named_without_a_snippet() {
        let d = Diagnostic::file("content/nowhere/strategy.yaml", "missing strategy.yaml")
            .with_code(Code::Unreadable);
        let printed = SourceTexts::default().render(&[d], Format::Human);
        assert!(printed.starts_with("error[E-unreadable]: missing strategy.yaml\n"));
        assert!(
            printed.contains("= in content/nowhere/strategy.yaml:1:1"),
            "{printed}"
        );
    }

    #[test]
    fn paths_under_the_working_directory_are_shown_relative() {
        let cwd = std::env::current_dir().unwrap();
        let d = Diagnostic::new(cwd.join("content/x.yaml"), Pos { line: 3, col: 1 }, "m");
        let out = SourceTexts::default().render(&[d], Format::Short);
        assert_eq!(out, "content/x.yaml:3:1: error: m\n");
    }
}
