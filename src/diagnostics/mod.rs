//! Problems found in the content or while typesetting it, as data.
//!
//! A [`Diagnostic`] has a [`Severity`], a stable [`Code`], a message (lowercase: what failed,
//! then why), a primary span (file, line, column and length in characters), optional
//! secondary [`Label`]s and an optional help line. Every stage before output collects them
//! instead of stopping at the first one, so an analyst sees all problems of a run at once;
//! warnings travel beside a result in [`Warned`] and never fail a run.
//!
//! [`render`] prints them in two forms: the rustc/typst form with the source line and a caret
//! underline (the default), and the one-line `path:line:col: error: message` form for tests
//! and scripts (`--diagnostic-format short`). Paths are shown relative to where the user
//! stands.

mod code;
pub mod render;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use code::Code;
pub use render::Format;

/// A place in a file: 1-based line and column (in characters).
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

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The run fails: nothing is written.
    Error,
    /// Worth knowing; the run goes on.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A span in a file: where it starts and how many characters it covers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    /// The file, as given to the tool.
    pub path: PathBuf,
    /// Where the span starts.
    pub pos: Pos,
    /// Its length in characters; `None` for the token that starts at `pos`, found when the
    /// diagnostic is printed.
    pub len: Option<u32>,
}

/// A secondary place a diagnostic points at, with what to say there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What to say there.
    pub message: String,
}

/// One problem, in the content or in what was made from it.
///
/// Ordered by file, position and message, as they are printed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file of the primary span, as given to the tool.
    pub path: PathBuf,
    /// Where the primary span starts.
    pub pos: Pos,
    /// What is wrong, lowercase, saying what was expected.
    pub message: String,
    /// The primary span's length in characters; `None` for the token at `pos`.
    pub len: Option<u32>,
    /// Error or warning.
    pub severity: Severity,
    /// A short stable name for the kind of problem.
    pub code: Code,
    /// Other places that explain the problem.
    pub labels: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at a position in a file, covering the token there.
    pub fn new(path: impl Into<PathBuf>, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            pos,
            message: message.into(),
            len: None,
            severity: Severity::Error,
            code: Code::Invalid,
            labels: Vec::new(),
            help: None,
        }
    }

    /// An error about a whole file (reported at 1:1, spanning nothing).
    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(path, Pos { line: 1, col: 1 }, message).with_len(0)
    }

    /// A warning at a position in a file, covering the token there.
    pub fn warning(path: impl Into<PathBuf>, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::new(path, pos, message)
        }
    }

    /// The same diagnostic with a code.
    pub fn with_code(mut self, code: Code) -> Self {
        self.code = code;
        self
    }

    /// The same diagnostic with the primary span `len` characters long.
    pub fn with_len(mut self, len: u32) -> Self {
        self.len = Some(len);
        self
    }

    /// The same diagnostic with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same diagnostic with a secondary label.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Whether this diagnostic fails the run.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
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

/// A result and the warnings found while making it (typst's `Warned`).
#[derive(Debug, Clone)]
pub struct Warned<T> {
    /// The result.
    pub output: T,
    /// What is worth knowing but did not stop the run.
    pub warnings: Vec<Diagnostic>,
}

/// How many of `diagnostics` are errors.
pub fn error_count(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

/// The text of the files diagnostics point into, so they can be shown with their line.
///
/// A file not remembered here is read from disk when printed.
#[derive(Debug, Default, Clone)]
pub struct SourceTexts {
    texts: HashMap<PathBuf, Arc<str>>,
}

impl SourceTexts {
    /// Remembers the text of a file.
    pub fn insert(&mut self, path: &Path, text: Arc<str>) {
        self.texts.insert(path.to_path_buf(), text);
    }

    /// Remembers every text `other` remembers.
    pub fn merge(&mut self, other: SourceTexts) {
        self.texts.extend(other.texts);
    }

    /// The text of a file, if remembered.
    pub fn get(&self, path: &Path) -> Option<&Arc<str>> {
        self.texts.get(path)
    }

    /// Renders diagnostics sorted by file and position, in the given form.
    pub fn render(&self, diagnostics: &[Diagnostic], format: Format) -> String {
        render::render(self, diagnostics, format)
    }
}
