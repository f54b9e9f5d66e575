//! `statusrapport` turns YAML data about Norway's national e-health strategy into the
//! published documents: the quarterly status deck, one report per goal, the annual
//! *Strategiske e-helseindikatorer*, and a site with a page per indicator, as PDF and HTML.
//!
//! The stages, in the order the `pipeline` runs them:
//!
//! | stage | module | in → out |
//! | --- | --- | --- |
//! | input | `input` | `content/` → raw types with spans |
//! | validate | `validate` | raw types → one checked `model`, or every problem |
//! | analyse | `analyse` | model → one `Analysis`: facts about each measure |
//! | chart | `chart` | model + facts → SVG |
//! | document | `document` | model + facts + charts → views, inputs, names |
//! | render | `render` | views → typst source and HTML |
//! | typeset | `typeset` | typst source → PDF |
//! | output | `output` | bytes → `out/`, manifest last |
//!
//! Words for readers come from `labels`; problems are `diagnostics`; the command line is
//! `cmd`; `live` rebuilds on every save and serves `out/` with live reload. Beside the
//! stages, `authoring` writes content for the analyst: `new-quarter`'s next status, from the
//! latest one's raw types.
//!
//! The public API is the command line itself: [`Cli`], the parsed arguments, and [`run`],
//! which runs them and gives the exit code. The stages are private to the crate, so the
//! compiler reports what no command uses; tests of a stage sit beside it, and the
//! integration tests run the binary.

#![warn(missing_docs)]

pub(crate) mod analyse;
pub(crate) mod authoring;
pub(crate) mod chart;
pub(crate) mod cmd;
pub(crate) mod diagnostics;
pub(crate) mod document;
pub(crate) mod input;
pub(crate) mod labels;
pub(crate) mod live;
pub(crate) mod model;
pub(crate) mod output;
pub(crate) mod pipeline;
pub(crate) mod render;
#[cfg(test)]
pub(crate) mod testing;

pub use cmd::{Cli, run};
pub(crate) mod typeset;
pub(crate) mod validate;
