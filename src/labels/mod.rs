//! Labels: every word and number a reader sees, formatted the way their language writes it.
//!
//! In: values from the model and the analysis. Out: text. [`format`] writes numbers, dates
//! and quantities in Norwegian typography (`124 453`, `0,506`, `46 %`, `13. desember 2023`).

pub mod format;
