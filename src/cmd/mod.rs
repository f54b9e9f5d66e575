//! The command line: arguments, grouped and flattened, and one file per command.
//!
//! In: the arguments. Out: what the command printed, and its exit code — 0 on success, 1
//! when the content has problems, 2 for a usage or environment error.

mod build;
mod check;
mod init_templates;
mod watch;

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
    /// Build, then build again whenever a content file or template changes.
    Watch(watch::WatchArgs),
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
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Check(args) => check::run(args),
        Command::Watch(args) => watch::run(args),
        Command::InitTemplates(args) => init_templates::run(args),
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
