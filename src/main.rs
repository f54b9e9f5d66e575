//! The `statusrapport` command line: `build` and `check`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use statusrapport::pipeline::{self, BuildError, Timings};

/// Builds the national e-health strategy's status reports from YAML content.
#[derive(Parser)]
#[command(name = "statusrapport", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build every document of the content into the output folder.
    Build {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The output folder.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Build only this document: an edition (`indikatorer-2024`), a quarter's deck with
        /// its reports (`status-2026-q2`), or one file's name (`status-2026-q2-mal-3`).
        #[arg(long, value_name = "ID")]
        only: Option<String>,
        /// Print the time each stage took.
        #[arg(long)]
        timings: bool,
    },
    /// Validate the content and report every problem, writing nothing.
    Check {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
}

fn report(err: &BuildError) {
    match err {
        BuildError::Content(diagnostics, texts) => {
            eprint!("{}", texts.render(diagnostics));
            eprintln!("error: {err}; nothing was written");
        }
        other => eprintln!("error: {other}"),
    }
}

fn print_timings(t: &Timings) {
    for (name, d) in &t.stages {
        eprintln!("{name:>16}: {:>8.1} ms", d.as_secs_f64() * 1000.0);
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            content,
            out,
            only,
            timings,
        } => {
            let progress = std::io::IsTerminal::is_terminal(&std::io::stderr());
            match pipeline::build(&content, &out, only.as_deref(), progress) {
                Ok(r) => {
                    if timings {
                        print_timings(&r.timings);
                    }
                    eprintln!("wrote {} files to {}", r.files.len(), out.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    report(&e);
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { content } => match pipeline::load(&content, &mut Timings::default()) {
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
        },
    }
}
