//! `statusrapport` turns YAML data about Norway's national e-health strategy into the
//! published documents: the quarterly status deck, one report per goal, as PDF and HTML.
//!
//! The stages, in the order the [`pipeline`] runs them: [`discover`] → [`parse`] (into
//! [`raw`] types) → [`validate`] (into the [`model`]) → [`analyse`] → [`chart`] → [`view`] →
//! [`render`] → [`compile`] (in the typst [`world`]) → [`write`].

#![warn(missing_docs)]

pub mod analyse;
pub mod chart;
pub mod compile;
pub mod diagnostics;
pub mod discover;
pub mod fonts;
pub mod model;
pub mod norsk;
pub mod parse;
pub mod period;
pub mod pipeline;
pub mod raw;
pub mod render;
pub mod site;
pub mod validate;
pub mod view;
pub mod world;
pub mod write;
