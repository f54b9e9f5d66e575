//! `statusrapport check`: validate the content and report every problem, writing nothing.

use std::process::ExitCode;

use clap::Args;

use super::{ContentArgs, failure, report, warn};
use crate::pipeline::{self, Timings};

/// Arguments of `check`.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  statusrapport check --content content")]
pub struct CheckArgs {
    /// Where the content is.
    #[command(flatten)]
    pub content: ContentArgs,
}

/// Runs `check`; with `quiet`, prints only problems.
pub fn run(args: CheckArgs, quiet: bool) -> ExitCode {
    match pipeline::load(&args.content.content, &mut Timings::default()) {
        Ok(c) => {
            warn(&crate::validate::draft_warnings(&c));
            if !quiet {
                eprintln!(
                    "ok: {} goals, {} indicators, {} initiatives, {} quarterly statuses, {} editions",
                    c.goals.len(),
                    c.indicators.len(),
                    c.initiatives.len(),
                    c.statuses.len(),
                    c.editions.len()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            report(&e);
            failure(&e)
        }
    }
}
