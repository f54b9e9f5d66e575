//! Problems found in the content, each pointing at its file, line and column.
//!
//! Every stage before output collects diagnostics instead of stopping at the first one, so an
//! analyst sees all problems of a run at once. They print as `path:line:col: error: message`
//! through codespan-reporting, with paths relative to where the user stands.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config, DisplayStyle};

/// A place in a content file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u32,
    /// 1-based column in characters.
    pub col: u32,
}

impl Pos {
    /// The position of a serde-saphyr location (unknown locations become 0:0).
    pub fn from_location(loc: &serde_saphyr::Location) -> Self {
        Pos {
            line: u32::try_from(loc.line()).unwrap_or(u32::MAX),
            col: u32::try_from(loc.column()).unwrap_or(u32::MAX),
        }
    }
}

/// One problem in the content.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file, as given to the tool (relative to the working directory when it was).
    pub path: PathBuf,
    /// Where in the file.
    pub pos: Pos,
    /// What is wrong, lowercase, saying what was expected.
    pub message: String,
}

impl Diagnostic {
    /// A problem at a position in a file.
    pub fn new(path: impl Into<PathBuf>, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            pos,
            message: message.into(),
        }
    }

    /// A problem with a whole file (reported at 1:1).
    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(path, Pos { line: 1, col: 1 }, message)
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.pos.line,
            self.pos.col,
            self.message
        )
    }
}

/// The text of the files diagnostics point into, so they can be shown with their line.
#[derive(Debug, Default, Clone)]
pub struct SourceTexts {
    texts: HashMap<PathBuf, Arc<str>>,
}

impl SourceTexts {
    /// Remembers the text of a file.
    pub fn insert(&mut self, path: &Path, text: Arc<str>) {
        self.texts.insert(path.to_path_buf(), text);
    }

    /// Renders diagnostics sorted by file and position, one `path:line:col: error: message`
    /// line each.
    pub fn render(&self, diagnostics: &[Diagnostic]) -> String {
        let mut sorted = diagnostics.to_vec();
        sorted.sort();
        sorted.dedup();
        let config = Config {
            display_style: DisplayStyle::Short,
            ..Config::default()
        };
        let mut files = SimpleFiles::new();
        let mut ids: HashMap<&Path, usize> = HashMap::new();
        let mut out = String::new();
        for d in &sorted {
            let text = self.texts.get(&d.path);
            let range = text.map(|t| byte_range(t, d.pos));
            let Some(range) = range else {
                // No text to point into (an unreadable file): say where, without a snippet.
                out.push_str(&format!(
                    "{}:{}:{}: error: {}\n",
                    d.path.display(),
                    d.pos.line,
                    d.pos.col,
                    d.message
                ));
                continue;
            };
            let id = *ids.entry(d.path.as_path()).or_insert_with(|| {
                files.add(
                    d.path.display().to_string(),
                    text.cloned().unwrap_or_default(),
                )
            });
            let cs = CsDiagnostic::error()
                .with_message(&d.message)
                .with_labels(vec![Label::primary(id, range)]);
            match term::emit_into_string(&config, &files, &cs) {
                Ok(text) => out.push_str(&text),
                Err(_) => out.push_str(&format!("{d}\n")),
            }
        }
        out
    }
}

/// The byte range of a line/column position, clamped to the text.
fn byte_range(text: &str, pos: Pos) -> std::ops::Range<usize> {
    if pos.line == 0 {
        return 0..0;
    }
    let line_start = text
        .split_inclusive('\n')
        .take(pos.line as usize - 1)
        .map(str::len)
        .sum::<usize>()
        .min(text.len());
    let line = &text[line_start..];
    let line = line.split('\n').next().unwrap_or("");
    let offset = line
        .char_indices()
        .nth(pos.col.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    let start = line_start + offset;
    start..start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_range_counts_characters_not_bytes() {
        let text = "a: æøå\nb: x\n";
        assert_eq!(byte_range(text, Pos { line: 2, col: 4 }), 13..13);
        assert_eq!(byte_range(text, Pos { line: 1, col: 5 }), 5..5);
        assert_eq!(byte_range(text, Pos { line: 9, col: 9 }), 15..15);
    }

    #[test]
    fn emits_path_line_col_message() {
        let mut texts = SourceTexts::default();
        let path = PathBuf::from("content/indicators/1.6.yaml");
        texts.insert(&path, Arc::from("id: \"1.6\"\ngoal: 9\n"));
        let d = Diagnostic::new(
            &path,
            Pos { line: 2, col: 7 },
            "unknown goal 9, expected 1 to 5",
        );
        let printed = texts.render(&[d]);
        assert_eq!(
            printed.trim(),
            "content/indicators/1.6.yaml:2:7: error: unknown goal 9, expected 1 to 5"
        );
    }
}
