//! `statusrapport` turns YAML data about Norway's national e-health strategy into the
//! published documents: the quarterly status deck, one report per goal, the annual
//! *Strategiske e-helseindikatorer*, and a site with a page per indicator, as PDF and HTML.
//!
//! The stages, in the order the [`pipeline`] runs them:
//!
//! | stage | module | in → out |
//! | --- | --- | --- |
//! | input | [`input`] | `content/` → raw types with spans |
//! | validate | [`validate`] | raw types → one checked [`model`], or every problem |
//! | analyse | [`analyse`] | model → one `Analysis`: facts about each measure |
//! | chart | [`chart`] | model + facts → SVG |
//! | document | [`document`] | model + facts + charts → views, inputs, names |
//! | render | [`render`] | views → typst source and HTML |
//! | typeset | [`typeset`] | typst source → PDF |
//! | output | [`output`] | bytes → `out/`, manifest last |
//!
//! Words for readers come from [`labels`]; problems are [`diagnostics`]; the command line is
//! [`cmd`].

#![warn(missing_docs)]

pub mod analyse;
pub mod chart;
pub mod cmd;
pub(crate) mod diagnostics;
pub mod document;
pub mod input;
pub mod labels;
pub mod model;
pub(crate) mod output;
pub mod pipeline;
pub mod render;
#[cfg(test)]
pub(crate) mod testing;
pub mod typeset;
pub(crate) mod validate;
