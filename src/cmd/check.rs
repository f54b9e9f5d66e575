//! `statusrapport check`: validate the content and report every problem, writing nothing.

use std::process::ExitCode;

use clap::Args;

use super::{ContentArgs, report};
use crate::pipeline::{self, Timings};

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Where the content is.
    #[command(flatten)]
    pub content: ContentArgs,
}

/// Runs `check`.
pub fn run(args: CheckArgs) -> ExitCode {
    match pipeline::load(&args.content.content, &mut Timings::default()) {
        Ok(c) => {
            eprintln!(
                "ok: {} goals, {} indicators, {} initiatives, {} quarterly statuses, {} editions",
                c.goals.len(),
                c.indicators.len(),
                c.initiatives.len(),
                c.statuses.len(),
                c.editions.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            report(&e);
            ExitCode::FAILURE
        }
    }
}
