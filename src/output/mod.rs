//! Output: finished files into `out/`, atomically, with the manifest last.
//!
//! In: bytes for a path relative to `out/`, with the key and content files they were made
//! from. Out: files on disk, and `manifest.json` listing each with its sha256, key and
//! inputs — what the next build compares against to skip unchanged outputs and to remove
//! those the content no longer produces.

mod manifest;
mod write;

pub use manifest::{Entry, Manifest, on_disk, remove_gone};
pub use write::{Pending, WriteError, remove_stale_temporaries, write_atomic, write_pending};
