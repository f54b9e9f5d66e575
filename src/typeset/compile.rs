//! Compilation: typst source → laid-out document → PDF/A-2a and PDF/UA-1 bytes, in process.
//!
//! The PDF's creation date is the document's publication date from the content, so the same
//! content always gives the same bytes. When typst reports anything — errors or warnings —
//! the document's generated source (and the files it reads) is kept on disk under the
//! system's temporary folder, `statusrapport-typst/<document id>/main.typ`, and every
//! diagnostic points into it by line and column, so the user can open the place typst means.

use std::path::{Path, PathBuf};

use time::Date;
use typst::World;
use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic, Warned as TypstWarned};
use typst::foundations::{Datetime, Smart};
use typst::syntax::DiagSpan;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::world::DocumentWorld;
use crate::diagnostics::{Code, Diagnostic, Pos, Span, Warned, error_count};

/// A document that did not compile.
#[derive(Debug, thiserror::Error)]
#[error("failed to compile {name} (typst reported {} error(s) {})", error_count(.diagnostics), kept_note(.kept))]
pub struct CompileError {
    /// The document.
    pub name: String,
    /// What typst said, errors and warnings, with places in the kept source.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the generated source was kept, or why it could not be.
    pub kept: Result<PathBuf, String>,
}

fn kept_note(kept: &Result<PathBuf, String>) -> String {
    match kept {
        Ok(dir) => format!("in the generated source kept in {}", dir.display()),
        Err(why) => format!("in the generated source, which could not be kept ({why})"),
    }
}

/// Typst's date for a calendar date.
pub fn typst_date(d: Date) -> Datetime {
    Datetime::from_ymd(d.year(), u8::from(d.month()), d.day())
        .unwrap_or_else(|| Datetime::from_ymd(1970, 1, 1).expect("valid date"))
}

/// The folder a document's generated source is kept in when typst reports on it.
pub fn kept_dir(name: &str) -> PathBuf {
    std::env::temp_dir().join("statusrapport-typst").join(name)
}

/// Compiles a document to PDF/A-2a and PDF/UA-1 at once, with a fixed creation date; typst's
/// warnings come beside the PDF, its errors in the [`CompileError`].
pub fn pdf(name: &str, world: &DocumentWorld, date: Date) -> Result<Warned<Vec<u8>>, CompileError> {
    let TypstWarned { output, warnings } = typst::compile::<PagedDocument>(world);
    let mut reported: Vec<SourceDiagnostic> = warnings.to_vec();
    let pdf = match output {
        Ok(document) => export(name, &document, date),
        Err(errors) => Err(errors.to_vec()),
    };
    if let Err(errors) = &pdf {
        reported.extend(errors.iter().cloned());
    }
    let dir = kept_dir(name);
    let kept = if reported.is_empty() {
        // Nothing to point at: a folder kept by an earlier run would only mislead.
        let _ = std::fs::remove_dir_all(&dir);
        Err("nothing to report".to_owned())
    } else {
        world
            .keep(&dir)
            .map(|()| dir.clone())
            .map_err(|e| e.to_string())
    };
    let diagnostics: Vec<Diagnostic> = reported
        .iter()
        .map(|d| convert(world, kept.as_deref().ok(), d))
        .collect();
    match pdf {
        Ok(output) => Ok(Warned {
            output,
            warnings: diagnostics,
        }),
        Err(_) => Err(CompileError {
            name: name.to_owned(),
            diagnostics,
            kept,
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

/// A typst diagnostic as ours: at its place in the kept files, its trace and placed hints as
/// labels, its other hints as the help line.
fn convert(world: &DocumentWorld, kept: Option<&Path>, d: &SourceDiagnostic) -> Diagnostic {
    let (make, code): (fn(PathBuf, Pos, String) -> Diagnostic, _) = match d.severity {
        TypstSeverity::Error => (|p, pos, m| Diagnostic::new(p, pos, m), Code::Typst),
        TypstSeverity::Warning => (
            |p, pos, m| Diagnostic::warning(p, pos, m),
            Code::TypstWarning,
        ),
    };
    let message = d.message.to_string();
    let mut diag = match locate(world, kept, d.span) {
        Some(span) => {
            let mut diag = make(span.path, span.pos, message);
            diag.len = span.len;
            diag
        }
        None => {
            let main = kept.map(|dir| world.kept_path(dir, world.main()));
            make(main.unwrap_or_default(), Pos::default(), message)
        }
    }
    .with_code(code);
    let mut help = Vec::new();
    for hint in &d.hints {
        match locate(world, kept, hint.span) {
            Some(span) => diag = diag.with_label(span, hint.v.to_string()),
            None => help.push(hint.v.to_string()),
        }
    }
    for point in &d.trace {
        if let Some(span) = locate(world, kept, point.span.into()) {
            diag = diag.with_label(span, point.v.to_string());
        }
    }
    if kept.is_none() {
        help.push("the generated source could not be kept on disk".to_owned());
    }
    if !help.is_empty() {
        diag = diag.with_help(help.join("; "));
    }
    diag
}

/// Where a typst span is in the kept files: line, column and length in characters.
fn locate(world: &DocumentWorld, kept: Option<&Path>, span: DiagSpan) -> Option<Span> {
    let id = span.id()?;
    let source = world.source(id).ok()?;
    let range = world.range(span)?;
    let text = source.text();
    let line = source.lines().byte_to_line(range.start)?;
    let line_start = source.lines().line_to_byte(line)?;
    let col = text.get(line_start..range.start)?.chars().count();
    let len = text.get(range.clone())?.chars().count();
    let path = match kept {
        Some(dir) => world.kept_path(dir, id),
        None => PathBuf::from(id.vpath().get_without_slash()),
    };
    Some(Span {
        path,
        pos: Pos {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
        },
        len: u32::try_from(len).ok(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Format, Severity, SourceTexts};

    fn world(name: &str, source: &str) -> DocumentWorld {
        let templates = crate::render::Templates::builtin();
        DocumentWorld::new(
            name,
            source.to_owned(),
            &templates.typst_modules(),
            Vec::new(),
            typst_date(time::macros::date!(2026 - 06 - 30)),
        )
    }

    fn date() -> Date {
        time::macros::date!(2026 - 06 - 30)
    }

    #[test]
    fn an_error_points_into_the_kept_source() {
        let name = format!("test-error-{}", std::process::id());
        let source = "= Tittel\n\nTekst #nosuchthing og mer\n";
        let err = pdf(&name, &world(&name, source), date()).unwrap_err();
        let main = kept_dir(&name).join("main.typ");
        assert_eq!(std::fs::read_to_string(&main).unwrap(), source);
        assert!(kept_dir(&name).join("style.typ").is_file());
        assert_eq!(err.diagnostics.len(), 1, "{:?}", err.diagnostics);
        let d = &err.diagnostics[0];
        assert_eq!((d.severity, d.code), (Severity::Error, Code::Typst));
        assert_eq!(d.path, main);
        assert_eq!((d.pos, d.len), (Pos { line: 3, col: 8 }, Some(11)));
        assert!(d.message.contains("nosuchthing"), "{}", d.message);
        assert!(
            err.to_string()
                .contains(&kept_dir(&name).display().to_string())
        );
        let printed = SourceTexts::default().render(&err.diagnostics, Format::Human);
        assert!(printed.contains("Tekst #nosuchthing og mer"), "{printed}");
        assert!(printed.contains("^^^^^^^^^^^"), "{printed}");
        std::fs::remove_dir_all(kept_dir(&name)).unwrap();
    }

    #[test]
    fn warnings_come_beside_the_pdf_and_clean_documents_keep_nothing() {
        let name = format!("test-warning-{}", std::process::id());
        let source = "#set text(font: \"Ingen Slik Skrift\")\n#set document(title: [T])\nHei\n";
        let warned = pdf(&name, &world(&name, source), date()).unwrap();
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
        assert_eq!(w.path, kept_dir(&name).join("main.typ"));
        assert_eq!(w.pos.line, 1);
        assert!(w.path.is_file());
        let clean = pdf(
            &name,
            &world(&name, "#set document(title: [T])\nHei\n"),
            date(),
        );
        let clean = clean.unwrap();
        assert!(clean.warnings.is_empty(), "{:?}", clean.warnings);
        assert!(!kept_dir(&name).exists());
    }
}
