//! `statusrapport init-templates`: writes the built-in templates into the templates folder,
//! to start a house style from. Files already there are left as they are.

use std::process::ExitCode;

use clap::Args;

use super::{ContentArgs, TemplateArgs};
use crate::render::write_builtin;

/// Arguments of `init-templates`.
#[derive(Debug, Args)]
#[command(
    after_help = concat!(
        "Example:\n  statusrapport init-templates   # writes templates/ beside content/\n\
  then edit templates/typst/style.typ; `build` uses it without recompiling\n\n",
        exit_codes!()
    )
)]
pub struct InitTemplatesArgs {
    /// Where the content is (the templates folder defaults to `templates/` beside it).
    #[command(flatten)]
    pub content: ContentArgs,
    /// Where to write the templates.
    #[command(flatten)]
    pub templates: TemplateArgs,
}

/// Runs `init-templates`.
pub fn run(args: InitTemplatesArgs) -> ExitCode {
    let dir = args.templates.dir(&args.content);
    match write_builtin(&dir) {
        Ok(written) => {
            for path in &written {
                eprintln!("wrote {}", path.display());
            }
            eprintln!(
                "{} template(s) written to {}; files already there were kept",
                written.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            super::print_error(&e);
            ExitCode::from(2)
        }
    }
}
