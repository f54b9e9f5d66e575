//! The `statusrapport` command line: parses the arguments and runs the command.

use std::process::ExitCode;

use clap::Parser;
use statusrapport::cmd::{self, Cli};

fn main() -> ExitCode {
    cmd::run(Cli::parse())
}
