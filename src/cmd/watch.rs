//! `statusrapport watch`: builds, then builds again whenever a file under the content folder
//! or the templates folder changes (the loop is [`crate::live::rebuild_on_save`]). A build
//! that fails prints its problems and leaves the last good outputs in place; watching goes on
//! until interrupted.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::{DiagnosticArgs, ProjectArgs};
use crate::live::{self, Rebuilt};

/// Arguments of `watch`.
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  statusrapport watch --content content --out out\n\
  then edit content/status/2026-q3.yaml and open out/status-2026-q3.pdf\n\n\
        Exit status: 0 when stopped with Ctrl-C; 2 when the files cannot be watched. A \
        build that fails prints its problems and watching goes on."
)]
pub struct WatchArgs {
    /// The content, its overriding templates, and how problems are printed.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// The output folder.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Which kinds of output to make.
    #[command(flatten)]
    pub format: super::FormatArgs,
}

/// Runs `watch`: returns when stopped with Ctrl-C or when watching cannot go on.
pub fn run(args: WatchArgs) -> ExitCode {
    let result = watch(&args.project, &args.out, args.format.formats(), |rebuilt| {
        print_rebuilt(&args.project.diagnostics, &args.out, &rebuilt);
    });
    finish(result)
}

/// Runs the rebuild loop of `watch` and `serve` on the project, with `on_build` after each
/// build.
pub(super) fn watch(
    project: &ProjectArgs,
    out: &Path,
    formats: crate::pipeline::Formats,
    on_build: impl FnMut(Rebuilt<'_>),
) -> Result<(), live::WatchError> {
    let load_templates = || project.templates.load(&project.content);
    let templates_dir = project.templates.dir(&project.content);
    let project = live::Project {
        content_dir: &project.content.content,
        templates_dir: &templates_dir,
        out_dir: out,
        formats,
        load_templates: &load_templates,
    };
    live::rebuild_on_save(&project, on_build)
}

/// The exit status of the rebuild loop: 0 when stopped with Ctrl-C, 2 when watching failed.
pub(super) fn finish(result: Result<(), live::WatchError>) -> ExitCode {
    match result {
        Ok(()) => {
            eprintln!("stopped");
            ExitCode::SUCCESS
        }
        Err(e) => {
            super::print_error(&e);
            super::usage_error()
        }
    }
}

/// Prints what a build of the loop did and how long it took, or its problems.
pub(super) fn print_rebuilt(diagnostics: &DiagnosticArgs, out: &Path, rebuilt: &Rebuilt<'_>) {
    let ms = rebuilt.elapsed.as_millis();
    match rebuilt.result {
        Ok(r) => {
            diagnostics.print(&r.warnings, &r.texts);
            eprintln!(
                "built: {} rebuilt, {} up to date, {} removed in {} in {ms} ms",
                r.rebuilt,
                r.up_to_date,
                r.removed.len(),
                out.display()
            )
        }
        Err(e) => {
            diagnostics.report(e);
            eprintln!("build failed after {ms} ms; the last good outputs stay; watching on");
        }
    }
}
