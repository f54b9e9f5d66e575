//! `statusrapport build`: validate, chart, render, compile and write every document.

use crate::model::BaseUrl;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{ProjectArgs, usage_error};
use crate::pipeline::{self, Timings};

/// Arguments of `build`.
#[derive(Debug, Args)]
#[command(after_help = concat!("Examples:\n  statusrapport build\n  \
    statusrapport build --only status-2026-q3 --jobs 1 --quiet\n  \
    statusrapport build --format html\n  \
    statusrapport build --force --keep-typst typst-sources\n\n", exit_codes!()))]
pub struct BuildArgs {
    /// The content, its overriding templates, and how problems are printed.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// The output folder.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Which kinds of output to make.
    #[command(flatten)]
    pub format: super::FormatArgs,
    /// Build only this document: an edition (`indikatorer-2024`), a quarter's deck with
    /// its reports (`status-2026-q2`), or one file's name (`status-2026-q2-mal-3`).
    #[arg(long, value_name = "ID")]
    pub only: Option<String>,
    /// Print the time each stage took.
    #[arg(long)]
    pub timings: bool,
    /// Make every output again, even those the manifest shows are up to date.
    #[arg(long)]
    pub force: bool,
    /// Also write each document's typst source as DIR/<id>/main.typ, with the files it reads
    /// beside it and the fonts in DIR/fonts/, for `typst compile --root DIR --font-path
    /// DIR/fonts --ignore-system-fonts DIR/<id>/main.typ`.
    #[arg(long, value_name = "DIR")]
    pub keep_typst: Option<PathBuf>,
    /// The address the site is published at (`https://…/`), over `base_url` in
    /// strategy.yaml: canonical links, `sitemap.xml`, `robots.txt` and absolute links in PDFs.
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    pub base_url: Option<BaseUrl>,
    /// How many documents to compile at once (default: one per core).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
}

/// `--base-url`, checked as `base_url` in strategy.yaml is.
fn parse_base_url(text: &str) -> Result<BaseUrl, String> {
    BaseUrl::parse(text).map_err(str::to_owned)
}

/// Runs `build`; with `quiet`, prints only problems.
pub fn run(args: BuildArgs, quiet: bool) -> ExitCode {
    let progress = !quiet && std::io::IsTerminal::is_terminal(&std::io::stderr());
    // A pool of its own rather than rayon's global one, so `--jobs` changes nothing else;
    // documents fan out on as many threads as the pool has.
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
    let result = args
        .project
        .templates
        .load(&args.project.content)
        .and_then(|templates| {
            pool.install(|| {
                pipeline::build(&pipeline::BuildOptions {
                    content_dir: &args.project.content.content,
                    out_dir: &args.out,
                    templates: &templates,
                    only: args.only.as_deref(),
                    formats: args.format.formats(),
                    force: args.force,
                    keep_typst: args.keep_typst.as_deref(),
                    progress,
                    warm: None,
                    base_url: args.base_url.as_ref(),
                })
            })
        });
    match result {
        Ok(r) => {
            args.project.diagnostics.print(&r.warnings, &r.texts);
            if args.timings {
                print_timings(&r.timings);
            }
            if !quiet {
                eprintln!(
                    "{}: {} rebuilt, {} up to date, {} removed",
                    args.out.display(),
                    r.rebuilt,
                    r.up_to_date,
                    r.removed.len()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => args.project.diagnostics.fail(&e),
    }
}

/// Prints each stage's time; a `*` marks a time summed over the threads that ran jobs.
fn print_timings(t: &Timings) {
    for (name, d) in &t.stages {
        eprintln!("{name:>16}: {:>8.1} ms", d.as_secs_f64() * 1000.0);
    }
    let (total, other, share) = t.outside_typst();
    eprintln!("{:>16}: {:>8.1} ms", "total", total.as_secs_f64() * 1000.0);
    eprintln!(
        "{:>16}: {:>8.1} ms ({:.0} % of the total; compile* spread over {} thread(s))",
        "not typst",
        other.as_secs_f64() * 1000.0,
        share * 100.0,
        t.threads.max(1)
    );
}
