//! `statusrapport check`: validate the content and report every problem, writing nothing.

use std::process::ExitCode;

use clap::Args;

use super::ProjectArgs;
use crate::diagnostics::SourceTexts;
use crate::document;
use crate::pipeline::{self, Timings};
use crate::render::Renderer;

/// Arguments of `check`.
#[derive(Debug, Args)]
#[command(after_help = concat!(
    "Examples:\n  statusrapport check --content content\n  statusrapport check --languages\n\n",
    exit_codes!()
))]
pub struct CheckArgs {
    /// The content, its overriding templates, and how problems are printed.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Also print, per document and language it is published in, how many of its texts are
    /// written in that language: `status-2026-q2  nn  37/40 texts (92 %)`.
    #[arg(long)]
    pub languages: bool,
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
            if args.languages {
                for line in document::coverage(&c, &crate::analyse::analyse(&c)) {
                    println!("{line}");
                }
            }
            if !quiet {
                eprintln!(
                    "ok: {} goals, {} indicators, {} initiatives, {} quarterly statuses, {} editions",
                    c.goals.len(),
                    c.indicators.len(),
                    c.initiatives.len(),
                    c.statuses.len(),
                    c.editions.len()
                );
                if c.strategy.base_url.is_none() {
                    eprintln!(
                        "note: {} (the open data's DCAT-AP-NO catalogue) is not written: its links must be absolute and the site has no address (`base_url` in strategy.yaml, or `build --base-url`)",
                        document::names::CATALOG
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => args.project.diagnostics.fail(&e),
    }
}
