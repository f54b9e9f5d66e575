//! Output: finished files into `out/`, atomically, with the manifest last.
//!
//! In: [`Output`]s — a path relative to `out/`, its bytes, the content files it was made
//! from. Out: files on disk, and `manifest.json` listing each with its sha256.

mod write;

pub use write::{Output, WriteError, write_all, write_atomic};
