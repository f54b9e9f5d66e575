//! `statusrapport new-quarter 2026-Q3`: starts a quarter's status from the latest one.
//!
//! Parses the quarter, loads the content, and leaves the writing to [`crate::authoring`]:
//! the new file keeps what carries over and empties what is written anew each quarter, is
//! marked `draft: true` so that `check` warns about every text still to write, and builds at
//! once. Its source, the quarter's published deck, is added to `sources.yaml`. If the result
//! does not check, nothing is left changed.

use std::process::ExitCode;

use clap::Args;

use super::{ContentArgs, exit_code, report, usage_error};
use crate::authoring::{self, Refused};
use crate::model::{Period, Quarter};
use crate::pipeline::{self, Timings};

/// Arguments of `new-quarter`.
#[derive(Debug, Args)]
#[command(after_help = concat!("Example:\n  statusrapport new-quarter 2026-Q3\n\n\
    Writes content/status/2026-q3.yaml from the latest status and adds the source \
    status-2026-q3 to content/sources.yaml; an existing quarter is never overwritten.\n\n", exit_codes!()))]
pub struct NewQuarterArgs {
    /// The quarter to start, such as 2026-Q3.
    #[arg(value_name = "QUARTER")]
    pub quarter: String,
    /// Where the content is.
    #[command(flatten)]
    pub content: ContentArgs,
}

/// Runs `new-quarter`; with `quiet`, prints only problems.
pub fn run(args: NewQuarterArgs, quiet: bool) -> ExitCode {
    let quarter = match Period::parse(args.quarter.trim()) {
        Ok(Period::Quarter(year, quarter)) => Quarter { year, quarter },
        Ok(_) | Err(_) => {
            eprintln!(
                "error: `{}` is not a quarter (expected such as 2026-Q3)",
                args.quarter
            );
            return usage_error();
        }
    };
    let dir = &args.content.content;
    let content = match pipeline::load(dir, &mut Timings::default()) {
        Ok(c) => c.output,
        Err(e) => {
            report(&e);
            eprintln!("error: the content must check before a quarter is added");
            return exit_code(&e);
        }
    };
    match authoring::start(dir, &content, quarter) {
        Ok(started) => {
            if !quiet {
                eprintln!(
                    "wrote {} from {}",
                    started.status.display(),
                    started.from.display()
                );
                if let Some(source) = started.source {
                    eprintln!(
                        "added the source `{source}` to {}",
                        started.sources.display()
                    );
                }
                eprintln!(
                    "next: write the texts, remove `draft: true`, then run `statusrapport check`"
                );
            }
            ExitCode::SUCCESS
        }
        Err(Refused::Content(e)) => {
            report(&e);
            eprintln!("error: the new quarter did not check; nothing was changed");
            ExitCode::FAILURE
        }
        Err(Refused::Usage(message)) => {
            eprintln!("error: {message}");
            usage_error()
        }
        Err(Refused::Other(message)) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
