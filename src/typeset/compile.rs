//! Compilation: typst source → laid-out document → PDF/A-2a and PDF/UA-1 bytes, in process.
//!
//! The PDF's creation date is the document's publication date from the content, so the same
//! content always gives the same bytes.

use time::Date;
use typst::World;
use typst::WorldExt;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::world::DocumentWorld;

/// A document that did not compile.
#[derive(Debug, thiserror::Error)]
#[error("failed to compile {name} ({})", .messages.join("; "))]
pub struct CompileError {
    /// The document.
    pub name: String,
    /// What typst said, with places in the generated source.
    pub messages: Vec<String>,
}

/// Typst's date for a calendar date.
pub fn typst_date(d: Date) -> Datetime {
    Datetime::from_ymd(d.year(), u8::from(d.month()), d.day())
        .unwrap_or_else(|| Datetime::from_ymd(1970, 1, 1).expect("valid date"))
}

fn describe(world: &DocumentWorld, diags: &[SourceDiagnostic]) -> Vec<String> {
    diags
        .iter()
        .map(|d| {
            let place = d.span.id().and_then(|id| {
                let source = world.source(id).ok()?;
                let range = world.range(d.span)?;
                let (line, col) = source.lines().byte_to_line_column(range.start)?;
                Some(format!(
                    "{}:{}:{}",
                    id.vpath().get_without_slash(),
                    line + 1,
                    col + 1
                ))
            });
            match place {
                Some(place) => format!("{place}: {}", d.message),
                None => d.message.to_string(),
            }
        })
        .collect()
}

/// Compiles a document to PDF/A-2a and PDF/UA-1 at once, with a fixed creation date.
pub fn pdf(name: &str, world: &DocumentWorld, date: Date) -> Result<Vec<u8>, CompileError> {
    let fail = |messages| CompileError {
        name: name.to_owned(),
        messages,
    };
    let Warned {
        output,
        warnings: _,
    } = typst::compile::<PagedDocument>(world);
    let document = output.map_err(|errors| fail(describe(world, &errors)))?;
    let standards = PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
        .map_err(|e| fail(vec![e.message().to_string()]))?;
    let options = PdfOptions {
        ident: Smart::Custom(name.to_owned()),
        timestamp: Some(Timestamp::new_utc(typst_date(date))),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| fail(describe(world, &errors)))
}
