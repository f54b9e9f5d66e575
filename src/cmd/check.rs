//! `statusrapport check`: validate the content and report every problem, writing nothing.

use std::process::ExitCode;

use clap::Args;

use super::{ContentArgs, TemplateArgs, failure, report, warn};
use crate::pipeline::{self, Timings};
use crate::render::Renderer;

/// Arguments of `check`.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  statusrapport check --content content")]
pub struct CheckArgs {
    /// Where the content is.
    #[command(flatten)]
    pub content: ContentArgs,
    /// Where overriding templates are: checked too, so `check` accepts what `build` does.
    #[command(flatten)]
    pub templates: TemplateArgs,
}

/// Runs `check`; with `quiet`, prints only problems.
pub fn run(args: CheckArgs, quiet: bool) -> ExitCode {
    let templates = args
        .templates
        .load(&args.content)
        .and_then(|t| Ok(Renderer::new(&t)?));
    if let Err(e) = templates {
        report(&e);
        return failure(&e);
    }
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
