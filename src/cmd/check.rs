//! `statusrapport check`: validate the content and report every problem, writing nothing.

use std::process::ExitCode;

use clap::Args;

use super::ProjectArgs;
use crate::diagnostics::SourceTexts;
use crate::pipeline::{self, Timings};
use crate::render::Renderer;

/// Arguments of `check`.
#[derive(Debug, Args)]
#[command(after_help = concat!("Example:\n  statusrapport check --content content\n\n", exit_codes!()))]
pub struct CheckArgs {
    /// The content, its overriding templates, and how problems are printed.
    #[command(flatten)]
    pub project: ProjectArgs,
}

/// Runs `check`; with `quiet`, prints only problems.
pub fn run(args: CheckArgs, quiet: bool) -> ExitCode {
    let templates = args
        .project
        .templates
        .load(&args.project.content)
        .and_then(|t| Ok(Renderer::new(&t)?));
    if let Err(e) = templates {
        return args.project.diagnostics.fail(&e);
    }
    match pipeline::load(&args.project.content.content, &mut Timings::default()) {
        Ok(warned) => {
            args.project
                .diagnostics
                .print(&warned.warnings, &SourceTexts::default());
            let c = warned.output;
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
        Err(e) => args.project.diagnostics.fail(&e),
    }
}
