//! The command line: arguments, grouped and flattened, and one file per command.
//!
//! In: the arguments. Out: what the command printed, and its exit code — 0 on success, 1
//! when the content has problems, 2 for a usage or environment error.

mod build;
mod check;
mod init_templates;
mod list;
mod new_quarter;
mod schema;
mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::pipeline::BuildError;

/// Builds the national e-health strategy's status reports from YAML content.
#[derive(Debug, Parser)]
#[command(name = "statusrapport", version, about, after_help = EXIT_CODES)]
pub struct Cli {
    /// Print only problems: no progress bar, no summary lines.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The exit codes, as `--help` shows them.
const EXIT_CODES: &str = "Exit status: 0 on success, 1 when the content has problems, 2 for a \
usage or environment error (a wrong argument, an unknown document, a file that cannot be \
written).";

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build every document of the content into the output folder.
    Build(build::BuildArgs),
    /// Validate the content and report every problem, writing nothing.
    Check(check::CheckArgs),
    /// Build, then build again whenever a content file or template changes.
    Watch(watch::WatchArgs),
    /// List the documents `build --only` accepts, and every indicator and initiative.
    List(list::ListArgs),
    /// Start the next quarter's status from the latest one.
    NewQuarter(new_quarter::NewQuarterArgs),
    /// Write the JSON Schema of each kind of content file, for editors.
    Schema(schema::SchemaArgs),
    /// Write the built-in templates into the templates folder, to start a house style from.
    InitTemplates(init_templates::InitTemplatesArgs),
}

/// Where the content is.
#[derive(Debug, Clone, Args)]
pub struct ContentArgs {
    /// The content folder.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
}

/// Where overriding templates are.
#[derive(Debug, Clone, Args)]
pub struct TemplateArgs {
    /// A folder whose files replace the built-in templates of the same path (`deck.typ`,
    /// `html/status.html`, `typst/style.typ`, ...). Default: `templates/` beside the content
    /// folder, when it exists.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

impl TemplateArgs {
    /// The templates folder: as given, or `templates/` beside the content folder.
    pub fn dir(&self, content: &ContentArgs) -> PathBuf {
        self.templates.clone().unwrap_or_else(|| {
            let parent = content.content.parent().unwrap_or(std::path::Path::new(""));
            parent.join("templates")
        })
    }

    /// Loads the built-in templates with this folder's overrides.
    pub fn load(&self, content: &ContentArgs) -> Result<crate::render::Templates, BuildError> {
        let dir = self.dir(content);
        let dir = (self.templates.is_some() || dir.is_dir()).then_some(dir);
        Ok(crate::render::Templates::load(dir.as_deref())?)
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let quiet = cli.quiet;
    match cli.command {
        Command::Build(args) => build::run(args, quiet),
        Command::Check(args) => check::run(args, quiet),
        Command::List(args) => list::run(args),
        Command::Schema(args) => schema::run(args, quiet),
        Command::NewQuarter(args) => new_quarter::run(args, quiet),
        Command::Watch(args) => watch::run(args),
        Command::InitTemplates(args) => init_templates::run(args),
    }
}

/// Exit status 2: a usage or environment error.
fn usage_error() -> ExitCode {
    ExitCode::from(2)
}

/// The exit status of a failed run: 1 when the content is at fault, 2 when the command line
/// or the machine is.
fn failure(err: &BuildError) -> ExitCode {
    match err {
        BuildError::UnknownDocument { .. } | BuildError::Write(_) => usage_error(),
        _ => ExitCode::FAILURE,
    }
}

/// Prints warnings: problems that do not stop a run, such as texts still to be written in a
/// draft status.
fn warn(warnings: &[crate::diagnostics::Diagnostic]) {
    for w in warnings {
        eprintln!(
            "{}:{}:{}: warning: {}",
            w.path.display(),
            w.pos.line,
            w.pos.col,
            w.message
        );
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
