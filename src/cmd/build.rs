//! `statusrapport build`: validate, chart, render, compile and write every document.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{ContentArgs, DiagnosticArgs, TemplateArgs};
use crate::diagnostics::SourceTexts;
use crate::pipeline::{self, Timings};

/// Arguments of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where the content is.
    #[command(flatten)]
    pub content: ContentArgs,
    /// How problems are printed.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
    /// Where overriding templates are.
    #[command(flatten)]
    pub templates: TemplateArgs,
    /// The output folder.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Build only this document: an edition (`indikatorer-2024`), a quarter's deck with
    /// its reports (`status-2026-q2`), or one file's name (`status-2026-q2-mal-3`).
    #[arg(long, value_name = "ID")]
    pub only: Option<String>,
    /// Print the time each stage took.
    #[arg(long)]
    pub timings: bool,
}

/// Runs `build`.
pub fn run(args: BuildArgs) -> ExitCode {
    let progress = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let result = args.templates.load(&args.content).and_then(|templates| {
        pipeline::build(
            &args.content.content,
            &args.out,
            &templates,
            args.only.as_deref(),
            progress,
        )
    });
    match result {
        Ok(r) => {
            args.diagnostics.print(&r.warnings, &SourceTexts::default());
            if args.timings {
                print_timings(&r.timings);
            }
            eprintln!("wrote {} files to {}", r.files.len(), args.out.display());
            ExitCode::SUCCESS
        }
        Err(e) => args.diagnostics.fail(&e),
    }
}

/// Prints each stage's time.
fn print_timings(t: &Timings) {
    for (name, d) in &t.stages {
        eprintln!("{name:>16}: {:>8.1} ms", d.as_secs_f64() * 1000.0);
    }
}
