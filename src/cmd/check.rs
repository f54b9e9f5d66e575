//! `statusrapport check`: validate the content and report every problem, writing nothing.

use std::process::ExitCode;

use clap::Args;

use super::{ContentArgs, DiagnosticArgs, TemplateArgs};
use crate::diagnostics::SourceTexts;
use crate::pipeline::{self, Timings};
use crate::render::Renderer;

/// Arguments of `check`.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  statusrapport check --content content")]
pub struct CheckArgs {
    /// Where the content is.
    #[command(flatten)]
    pub content: ContentArgs,
    /// How problems are printed.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
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
        return args.diagnostics.fail(&e);
    }
    match pipeline::load(&args.content.content, &mut Timings::default()) {
        Ok(warned) => {
            args.diagnostics
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
        Err(e) => args.diagnostics.fail(&e),
    }
}
