//! The `statusrapport` command line: parses the arguments and runs the command.

use std::process::ExitCode;

use clap::Parser;
use statusrapport::{Cli, run};

fn main() -> ExitCode {
    run(Cli::parse())
}
