//! Compilation: typst source → laid-out document → PDF/A-2a and PDF/UA-1 bytes, in process.
//!
//! The PDF's creation date is the document's publication date from the content, so the same
//! content always gives the same bytes. Typst's errors and warnings are reported from the
//! world in memory, each at a file and line the user knows ([`Origins`]): a typst module the
//! user overrides at the user's file, the generated source at `DIR/<id>/main.typ` when
//! `build --keep-typst DIR` wrote it there, and otherwise at `<generated>/<id>/main.typ`, a
//! name with no file behind it, shown with its line from memory. Nothing is written to disk.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use time::Date;
use typst::World;
use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic, Warned as TypstWarned};
use typst::foundations::{Datetime, Smart};
use typst::syntax::{DiagSpan, FileId};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::world::DocumentWorld;
use crate::diagnostics::{Code, Diagnostic, Pos, SourceTexts, Span, error_count};
use crate::render::Templates;

/// The folder the generated source is named in when it is not kept on disk: a name no file
/// has, so that no one looks for one.
pub const GENERATED: &str = "<generated>";

/// Where the files of a document's world are, as the user knows them.
#[derive(Debug, Clone, Copy)]
pub struct Origins<'a> {
    /// The generated source: `DIR/<id>/main.typ` when `--keep-typst DIR` wrote it there,
    /// else under [`GENERATED`]. The files it reads are shown beside it.
    pub main: &'a Path,
    /// Whether `main` and the files beside it are on disk (`--keep-typst`).
    pub kept: bool,
    /// The templates: a typst module that overrides a built-in one is the user's file.
    pub templates: &'a Templates,
}

/// A document that did not compile.
#[derive(Debug, thiserror::Error)]
#[error("failed to compile {name} (typst reported {} error(s))", error_count(.diagnostics))]
pub struct CompileError {
    /// The document.
    pub name: String,
    /// What typst said, errors and warnings, each at a place the user knows.
    pub diagnostics: Vec<Diagnostic>,
    /// The text of the files the diagnostics point into, as typst read them.
    pub texts: SourceTexts,
}

/// A compiled document: its PDF, and what typst warned about with the texts the warnings
/// point into.
#[derive(Debug)]
pub struct Typeset {
    /// The PDF.
    pub output: Vec<u8>,
    /// typst's warnings.
    pub warnings: Vec<Diagnostic>,
    /// The text of the files the warnings point into.
    pub texts: SourceTexts,
}

/// Typst's date for a calendar date.
pub fn typst_date(d: Date) -> Datetime {
    Datetime::from_ymd(d.year(), u8::from(d.month()), d.day())
        .unwrap_or_else(|| Datetime::from_ymd(1970, 1, 1).expect("valid date"))
}

/// Compiles a document to PDF/A-2a and PDF/UA-1 at once, with a fixed creation date; typst's
/// warnings come beside the PDF, its errors in the [`CompileError`], each at its place as
/// `origins` names it.
pub fn pdf(
    name: &str,
    world: &DocumentWorld,
    date: Date,
    origins: &Origins,
) -> Result<Typeset, CompileError> {
    let TypstWarned { output, warnings } = typst::compile::<PagedDocument>(world);
    let mut reported: Vec<SourceDiagnostic> = warnings.to_vec();
    let pdf = match output {
        Ok(document) => export(name, &document, date),
        Err(errors) => Err(errors.to_vec()),
    };
    if let Err(errors) = &pdf {
        reported.extend(errors.iter().cloned());
    }
    let mut places = Places {
        world,
        origins,
        texts: SourceTexts::default(),
    };
    let diagnostics: Vec<Diagnostic> = reported.iter().map(|d| places.convert(d)).collect();
    match pdf {
        Ok(output) => Ok(Typeset {
            output,
            warnings: diagnostics,
            texts: places.texts,
        }),
        Err(_) => Err(CompileError {
            name: name.to_owned(),
            diagnostics,
            texts: places.texts,
        }),
    }
}

/// Exports a laid-out document as PDF/A-2a and PDF/UA-1.
fn export(
    name: &str,
    document: &PagedDocument,
    date: Date,
) -> Result<Vec<u8>, Vec<SourceDiagnostic>> {
    let standards = PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1]).map_err(|e| {
        vec![SourceDiagnostic::error(
            typst::syntax::Span::detached(),
            e.message(),
        )]
    })?;
    let options = PdfOptions {
        ident: Smart::Custom(name.to_owned()),
        timestamp: Some(Timestamp::new_utc(typst_date(date))),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| errors.to_vec())
}

/// Turns typst's places into the user's: a file path for each file id, with its text kept.
struct Places<'a> {
    world: &'a DocumentWorld,
    origins: &'a Origins<'a>,
    texts: SourceTexts,
}

impl Places<'_> {
    /// A typst diagnostic as ours: at its place, its trace and placed hints as labels, its
    /// other hints as the help line.
    fn convert(&mut self, d: &SourceDiagnostic) -> Diagnostic {
        let (make, code): (fn(PathBuf, Pos, String) -> Diagnostic, _) = match d.severity {
            TypstSeverity::Error => (|p, pos, m| Diagnostic::new(p, pos, m), Code::Typst),
            TypstSeverity::Warning => (
                |p, pos, m| Diagnostic::warning(p, pos, m),
                Code::TypstWarning,
            ),
        };
        let message = d.message.to_string();
        let mut diag = match self.locate(d.span) {
            Some(span) => {
                let mut diag = make(span.path, span.pos, message);
                diag.len = span.len;
                diag
            }
            None => make(self.origins.main.to_path_buf(), Pos::default(), message),
        }
        .with_code(code);
        let mut help = Vec::new();
        for hint in &d.hints {
            match self.locate(hint.span) {
                Some(span) => diag = diag.with_label(span, hint.v.to_string()),
                None => help.push(hint.v.to_string()),
            }
        }
        for point in &d.trace {
            if let Some(span) = self.locate(point.span.into()) {
                diag = diag.with_label(span, point.v.to_string());
            }
        }
        if !self.origins.kept && diag.path == self.origins.main {
            help.push(
                "the generated source is kept only when asked for: `build --keep-typst DIR` \
                 writes it as DIR/<id>/main.typ"
                    .to_owned(),
            );
        }
        if !help.is_empty() {
            diag = diag.with_help(help.join("; "));
        }
        diag
    }

    /// Where a typst span is, as the user knows it: line, column and length in characters.
    fn locate(&mut self, span: DiagSpan) -> Option<Span> {
        let id = span.id()?;
        let source = self.world.source(id).ok()?;
        let range = self.world.range(span)?;
        let text = source.text();
        let line = source.lines().byte_to_line(range.start)?;
        let line_start = source.lines().line_to_byte(line)?;
        let col = text.get(line_start..range.start)?.chars().count();
        let len = text.get(range.clone())?.chars().count();
        let path = self.path(id);
        if self.texts.get(&path).is_none() {
            self.texts.insert(&path, Arc::from(text));
        }
        Some(Span {
            path,
            pos: Pos {
                line: u32::try_from(line + 1).unwrap_or(u32::MAX),
                col: u32::try_from(col + 1).unwrap_or(u32::MAX),
            },
            len: u32::try_from(len).ok(),
        })
    }

    /// The file `id` as the user knows it: the generated source, a typst module the user
    /// overrides, a file kept beside the source, or a built-in module.
    fn path(&self, id: FileId) -> PathBuf {
        let origins = self.origins;
        if id == self.world.main() {
            return origins.main.to_path_buf();
        }
        let rel = id.vpath().get_without_slash();
        let beside = origins.main.parent().unwrap_or(Path::new("")).join(rel);
        let template = origins.templates.typst_module(rel);
        match template {
            Some(t) if t.file.is_some() || !origins.kept => PathBuf::from(t.shown_path()),
            _ => beside,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Format, Severity};

    /// Compiles `source` beside `templates`' modules, the source shown at `main` (kept there
    /// or not).
    fn compile(
        source: &str,
        templates: &Templates,
        main: &Path,
        kept: bool,
    ) -> Result<Typeset, CompileError> {
        let world = DocumentWorld::new(
            "doc",
            source.to_owned(),
            &templates.typst_modules(),
            Vec::new(),
            typst_date(time::macros::date!(2026 - 06 - 30)),
        );
        let origins = Origins {
            main,
            kept,
            templates,
        };
        pdf("doc", &world, time::macros::date!(2026 - 06 - 30), &origins)
    }

    fn generated() -> PathBuf {
        Path::new(GENERATED).join("doc/main.typ")
    }

    #[test]
    fn an_error_in_the_generated_source_is_shown_from_memory() {
        let main = generated();
        let source = "= Tittel\n\nTekst #nosuchthing og mer\n";
        let err = compile(source, &Templates::builtin(), &main, false).unwrap_err();
        assert_eq!(err.diagnostics.len(), 1, "{:?}", err.diagnostics);
        let d = &err.diagnostics[0];
        assert_eq!((d.severity, d.code), (Severity::Error, Code::Typst));
        assert_eq!(d.path, main);
        assert_eq!((d.pos, d.len), (Pos { line: 3, col: 8 }, Some(11)));
        assert!(d.message.contains("nosuchthing"), "{}", d.message);
        assert!(d.help.as_deref().unwrap().contains("--keep-typst"));
        assert_eq!(
            err.to_string(),
            "failed to compile doc (typst reported 1 error(s))"
        );
        let printed = err.texts.render(&err.diagnostics, Format::Human);
        assert!(
            printed.contains("<generated>/doc/main.typ:3:8"),
            "{printed}"
        );
        assert!(printed.contains("Tekst #nosuchthing og mer"), "{printed}");
        assert!(printed.contains("^^^^^^^^^^^"), "{printed}");
    }

    #[test]
    fn an_error_in_an_overriding_module_points_at_the_users_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("typst")).unwrap();
        let style = dir.path().join("typst/style.typ");
        std::fs::write(&style, "#let x = 1\n#let y = nosuchthing\n").unwrap();
        let templates = Templates::load(Some(dir.path())).unwrap();
        let main = dir.path().join("kept/doc/main.typ");
        let source = "#import \"style.typ\": *\nHei\n";
        let err = compile(source, &templates, &main, true).unwrap_err();
        let d = &err.diagnostics[0];
        assert_eq!((&d.path, d.pos.line), (&style, 2), "{d:?}");
        assert!(d.help.is_none(), "{:?}", d.help);
        let printed = err.texts.render(&err.diagnostics, Format::Human);
        assert!(printed.contains("#let y = nosuchthing"), "{printed}");
    }

    #[test]
    fn warnings_come_beside_the_pdf_and_nothing_is_written() {
        let main = generated();
        let source = "#set text(font: \"Ingen Slik Skrift\")\n#set document(title: [T])\nHei\n";
        let warned = compile(source, &Templates::builtin(), &main, false).unwrap();
        assert!(warned.output.starts_with(b"%PDF"));
        let w = warned
            .warnings
            .iter()
            .find(|w| w.message.contains("unknown font family"))
            .unwrap_or_else(|| panic!("{:?}", warned.warnings));
        assert_eq!(
            (w.severity, w.code),
            (Severity::Warning, Code::TypstWarning)
        );
        assert_eq!((&w.path, w.pos.line), (&main, 1));
        assert!(warned.texts.get(&main).is_some());
        assert!(!main.exists());
    }
}
