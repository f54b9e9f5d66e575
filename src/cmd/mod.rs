//! The command line: arguments, grouped and flattened, and one file per command.
//!
//! In: the arguments. Out: what the command printed, and its exit code — 0 on success, 1
//! when the content has problems, 2 for a usage or environment error.

mod build;
mod check;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::pipeline::BuildError;

/// Builds the national e-health strategy's status reports from YAML content.
#[derive(Debug, Parser)]
#[command(name = "statusrapport", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build every document of the content into the output folder.
    Build(build::BuildArgs),
    /// Validate the content and report every problem, writing nothing.
    Check(check::CheckArgs),
}

/// Where the content is.
#[derive(Debug, Clone, Args)]
pub struct ContentArgs {
    /// The content folder.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Check(args) => check::run(args),
    }
}

/// Prints why a run failed.
fn report(err: &BuildError) {
    match err {
        BuildError::Content(diagnostics, texts) => {
            eprint!("{}", texts.render(diagnostics));
            eprintln!("error: {err}; nothing was written");
        }
        other => eprintln!("error: {other}"),
    }
}
