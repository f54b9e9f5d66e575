//! `statusrapport build`: validate, chart, render, compile and write every document.

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{ContentArgs, TemplateArgs, failure, report, usage_error, warn};
use crate::pipeline::{self, Timings};

/// Arguments of `build`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  statusrapport build\n  \
    statusrapport build --only status-2026-q3 --jobs 1 --quiet")]
pub struct BuildArgs {
    /// Where the content is.
    #[command(flatten)]
    pub content: ContentArgs,
    /// Where overriding templates are.
    #[command(flatten)]
    pub templates: TemplateArgs,
    /// The output folder.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Build only this document: an edition (`indikatorer-2024`), a quarter's deck with
    /// its reports (`status-2026-q2`), or one file's name (`status-2026-q2-mal-3`);
    /// `statusrapport list` shows them all.
    #[arg(long, value_name = "ID")]
    pub only: Option<String>,
    /// Print the time each stage took.
    #[arg(long)]
    pub timings: bool,
    /// How many documents to compile at once (default: one per core).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
}

/// Runs `build`; with `quiet`, prints only problems.
pub fn run(args: BuildArgs, quiet: bool) -> ExitCode {
    let progress = !quiet && std::io::IsTerminal::is_terminal(&std::io::stderr());
    // A pool of its own rather than rayon's global one, so `--jobs` changes nothing else.
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.map_or(0, NonZeroUsize::get))
        .build()
    {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("error: cannot start the build's threads ({e})");
            return usage_error();
        }
    };
    let built = args.templates.load(&args.content).and_then(|templates| {
        pool.install(|| {
            pipeline::build(
                &args.content.content,
                &args.out,
                &templates,
                args.only.as_deref(),
                progress,
            )
        })
    });
    match built {
        Ok(r) => {
            warn(&r.warnings);
            if args.timings {
                print_timings(&r.timings);
            }
            if !quiet {
                eprintln!("wrote {} files to {}", r.files.len(), args.out.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            report(&e);
            failure(&e)
        }
    }
}

/// Prints each stage's time.
fn print_timings(t: &Timings) {
    for (name, d) in &t.stages {
        eprintln!("{name:>16}: {:>8.1} ms", d.as_secs_f64() * 1000.0);
    }
}
