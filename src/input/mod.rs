//! Input: the only code that reads `content/`.
//!
//! In: the content folder. Out: [`RawContent`], every file parsed into its raw type (which
//! mirrors the YAML exactly, with spans), and every problem met on the way. The files are
//! found by [`discover`] (walkdir), read under limits on size, depth and aliases, and parsed
//! by [`parse`] (serde-saphyr); the parser's errors are put in the analyst's words by
//! `messages`. The data files the indicators name (`values_file:`) are resolved inside the
//! content folder and read into rows of placed fields by [`read_data`]. [`schema`] describes the same raw types
//! as JSON Schema, for editors.

mod csv;
mod discover;
mod messages;
mod parse;
pub mod raw;
mod recover;
pub mod schema;

pub use self::csv::{DataFile, DataFiles, read_data_files};
pub use discover::{Kind, discover};
pub use parse::{Loaded, RawContent, from_yaml, parse, read_data, read_text};
