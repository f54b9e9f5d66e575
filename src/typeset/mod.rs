//! Typesetting: typst source → PDF, in process.
//!
//! In: a document's generated typst source and the files it reads (charts). Out: PDF bytes,
//! or typst's errors. [`world`] is the typst `World` — it only delegates, to the bundled
//! [`fonts`] and the in-memory files; [`compile`] lays the document out and exports it;
//! [`warm`] keeps what a `watch` reuses from one build to the next.

pub mod compile;
pub mod fonts;
pub mod warm;
pub mod world;

pub use compile::{CompileError, GENERATED, Origins, pdf, typst_date};
pub use warm::Warm;
pub use world::DocumentWorld;
