//! `statusrapport schema`: writes the JSON Schema of each kind of content file, for editors.
//!
//! The schemas are generated from the raw types the loader reads (see
//! [`crate::input::schema`]), so an editor that uses them flags what `check` would: an
//! unknown field, a wrong type, an unknown unit. They go to `schemas/` unless `--out` says
//! otherwise, one file per kind: `strategy.schema.json`, `indicator.schema.json`, ….

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::usage_error;
use crate::input::{Kind, schema};
use crate::output;

/// Arguments of `schema`.
#[derive(Debug, Args)]
#[command(after_help = concat!("Example:\n  statusrapport schema --out schemas\n\n\
    Then, as the first line of a status file:\n  \
    # yaml-language-server: $schema=../../schemas/status.schema.json\n\n", exit_codes!()))]
pub struct SchemaArgs {
    /// The folder to write the schemas to.
    #[arg(long, default_value = "schemas")]
    pub out: PathBuf,
}

/// Runs `schema`; with `quiet`, prints only problems.
pub fn run(args: SchemaArgs, quiet: bool) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!(
            "error: cannot create the folder {} ({e})",
            args.out.display()
        );
        return usage_error();
    }
    for kind in Kind::ALL {
        let path = args.out.join(kind.schema_file());
        if let Err(e) = output::write_atomic(&path, schema::schema_json(kind).as_bytes()) {
            super::print_error(&e);
            return usage_error();
        }
    }
    if !quiet {
        eprintln!(
            "wrote {} schemas to {}",
            Kind::ALL.len(),
            args.out.display()
        );
    }
    ExitCode::SUCCESS
}
