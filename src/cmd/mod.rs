//! The command line: arguments, grouped and flattened, and one file per command.
//!
//! In: the arguments. Out: what the command printed, and its exit code — 0 on success (also
//! with warnings), 1 when the content has problems or its documents cannot be made from it,
//! 2 for a usage or environment error (clap's own usage errors, an unknown `--only` id, a
//! templates folder that cannot be read, an output that cannot be written).

/// The exit codes, as every command's `--help` shows them.
macro_rules! exit_codes {
    () => {
        "Exit status: 0 on success, 1 when the content has problems, 2 for a usage or \
         environment error (a wrong argument, an unknown document, a file that cannot be \
         written)."
    };
}

mod build;
mod check;
mod init_templates;
mod list;
mod new_quarter;
mod schema;
mod serve;
mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::diagnostics::{Diagnostic, Format, SourceTexts};
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
const EXIT_CODES: &str = exit_codes!();

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build every document of the content into the output folder.
    Build(build::BuildArgs),
    /// Validate the content and report every problem, writing nothing.
    Check(check::CheckArgs),
    /// Build, then build again whenever a content file or template changes.
    Watch(watch::WatchArgs),
    /// Build, serve the output folder on localhost, and rebuild and reload pages on every save.
    Serve(serve::ServeArgs),
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

/// How problems are printed.
#[derive(Debug, Clone, Args)]
pub struct DiagnosticArgs {
    /// How to print problems: `human` shows the source line with the problem underlined,
    /// `short` one `path:line:col: error: message` line each.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub diagnostic_format: Format,
}

impl DiagnosticArgs {
    /// Prints diagnostics (errors and warnings) to stderr.
    fn print(&self, diagnostics: &[Diagnostic], texts: &SourceTexts) {
        eprint!("{}", texts.render(diagnostics, self.diagnostic_format));
    }

    /// Prints why a run failed and gives the exit code that says what kind of failure it was.
    fn fail(&self, err: &BuildError) -> ExitCode {
        self.report(err);
        exit_code(err)
    }

    /// Prints why a run failed: its diagnostics, then a line that sums them up.
    fn report(&self, err: &BuildError) {
        eprint!("{}", self.report_text(err));
    }

    /// What [`DiagnosticArgs::report`] prints.
    fn report_text(&self, err: &BuildError) -> String {
        let (diagnostics, texts) = match err {
            BuildError::Content(diagnostics, texts) => (diagnostics, texts),
            BuildError::Compile(e) => (&e.diagnostics, &e.texts),
            other => return error_text(other),
        };
        let shown = texts.render(diagnostics, self.diagnostic_format);
        format!("{shown}error: {err}; nothing was written\n")
    }
}

/// Prints `error: {err}`, then each of its causes (`source()`) that the lines before do not
/// already say, as a `caused by:` line (mdBook's "Caused by:"): a message says why in
/// parentheses, so a cause is printed only when it goes deeper than that.
fn print_error(err: &dyn std::error::Error) {
    eprint!("{}", error_text(err));
}

/// The lines [`print_error`] prints.
fn error_text(err: &dyn std::error::Error) -> String {
    let mut said = err.to_string();
    let mut text = format!("error: {said}\n");
    let mut cause = err.source();
    while let Some(c) = cause {
        let line = c.to_string();
        if !said.contains(&line) {
            text.push_str(&format!("  caused by: {line}\n"));
            said.push_str(&line);
        }
        cause = c.source();
    }
    text
}

/// Exit status 2: a usage or environment error.
fn usage_error() -> ExitCode {
    ExitCode::from(2)
}

/// Prints why a run failed in the human form, for commands without `--diagnostic-format`.
fn report(err: &BuildError) {
    DiagnosticArgs {
        diagnostic_format: Format::Human,
    }
    .report(err);
}

/// The exit status of a failed run: 1 when the content is at fault, 2 when the command line
/// or the machine is.
fn exit_code(err: &BuildError) -> ExitCode {
    match err {
        BuildError::Content(..)
        | BuildError::Chart(_)
        | BuildError::Render(_)
        | BuildError::Compile(_) => ExitCode::from(1),
        BuildError::Write(_) | BuildError::Templates(_) | BuildError::UnknownDocument { .. } => {
            ExitCode::from(2)
        }
    }
}

/// The project a command works on: its content, the templates overriding the built-in ones,
/// and how problems are printed.
#[derive(Debug, Args)]
pub struct ProjectArgs {
    /// Where the content is.
    #[command(flatten)]
    pub content: ContentArgs,
    /// Where overriding templates are.
    #[command(flatten)]
    pub templates: TemplateArgs,
    /// How problems are printed.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
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

/// Which kinds of output a build makes.
#[derive(Debug, Clone, Args)]
pub struct FormatArgs {
    /// Make only the PDFs (`pdf`) or only the web site (`html`: pages, data files, fonts);
    /// both when left out. Files of the other kind from an earlier build are left as they
    /// are, and the manifest keeps listing them as that build made them.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,
}

/// A value of `--format`: the kind of file a build makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// The PDFs.
    Pdf,
    /// The web site.
    Html,
}

impl FormatArgs {
    /// The formats the pipeline makes.
    pub fn formats(&self) -> crate::pipeline::Formats {
        match self.format {
            None => crate::pipeline::Formats::Both,
            Some(FormatArg::Pdf) => crate::pipeline::Formats::Pdf,
            Some(FormatArg::Html) => crate::pipeline::Formats::Html,
        }
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
        Command::Serve(args) => serve::run(args),
        Command::InitTemplates(args) => init_templates::run(args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An error with a message and an optional cause.
    #[derive(Debug)]
    struct E(&'static str, Option<Box<E>>);

    impl std::fmt::Display for E {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for E {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.1.as_deref().map(|e| e as _)
        }
    }

    #[test]
    fn a_printed_error_shows_each_cause_its_message_does_not_say() {
        let inner = E("disk quota exceeded", None);
        let io = E(
            "failed to flush the file system (disk quota exceeded)",
            Some(Box::new(inner)),
        );
        let top = E(
            "failed to write out/a.pdf (input/output error)",
            Some(Box::new(io)),
        );
        assert_eq!(
            error_text(&top),
            "error: failed to write out/a.pdf (input/output error)\n  \
             caused by: failed to flush the file system (disk quota exceeded)\n"
        );
        let write = crate::output::WriteError {
            path: "out/a.pdf".into(),
            source: std::io::Error::other(E("no space left", None)),
        };
        assert_eq!(
            error_text(&write),
            "error: failed to write out/a.pdf (no space left)\n"
        );
    }
}
