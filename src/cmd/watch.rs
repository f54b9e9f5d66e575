//! `statusrapport watch`: builds, then builds again whenever a file under the content folder
//! or the templates folder changes. A build that fails prints its problems and leaves the last
//! good outputs in place; watching goes on until interrupted.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use clap::Args;
use notify::{EventKind, RecursiveMode, Watcher};

use super::ProjectArgs;
use crate::diagnostics::SourceTexts;
use crate::pipeline;
use crate::typeset::Warm;

/// How long the files must stay quiet before a rebuild: an editor's save is often several
/// events (write, rename, attribute change) within a few milliseconds.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// Arguments of `watch`.
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  statusrapport watch --content content --out out\n\
  then edit content/status/2026-q3.yaml and open out/status-2026-q3.pdf\n\n\
        Exit status: runs until interrupted (Ctrl-C); 2 when the files cannot be watched. A \
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

/// Runs `watch`: returns only when watching cannot go on.
pub fn run(args: WatchArgs) -> std::process::ExitCode {
    let (tx, rx) = mpsc::channel();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: failed to watch files ({e})");
            return std::process::ExitCode::from(2);
        }
    };
    let templates_dir = args.project.templates.dir(&args.project.content);
    let mut watched = vec![args.project.content.content.clone()];
    if templates_dir.is_dir() {
        watched.push(templates_dir);
    }
    for dir in &watched {
        if let Err(e) = watcher.watch(dir, RecursiveMode::Recursive) {
            eprintln!("error: failed to watch {} ({e})", dir.display());
            return std::process::ExitCode::from(2);
        }
    }
    let shown: Vec<String> = watched.iter().map(|d| d.display().to_string()).collect();
    eprintln!("watching {} (Ctrl-C to stop)", shown.join(" and "));
    let warm = Warm::default();
    build_once(&args, &warm, "initial build");
    let out = std::fs::canonicalize(&args.out).unwrap_or_else(|_| args.out.clone());
    loop {
        let Ok(first) = rx.recv() else {
            eprintln!("error: the file watcher stopped");
            return std::process::ExitCode::from(2);
        };
        let mut changed = Vec::new();
        collect(first, &out, &mut changed);
        // Wait until the files are quiet, gathering everything that changed meanwhile.
        while let Ok(event) = rx.recv_timeout(DEBOUNCE) {
            collect(event, &out, &mut changed);
        }
        if changed.is_empty() {
            continue;
        }
        changed.sort();
        changed.dedup();
        let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        build_once(&args, &warm, &format!("changed: {}", names.join(", ")));
    }
}

/// Adds the paths of a modifying event to `changed`, leaving out the output folder's own.
fn collect(event: notify::Result<notify::Event>, out: &Path, changed: &mut Vec<PathBuf>) {
    let Ok(event) = event else {
        return;
    };
    if matches!(event.kind, EventKind::Access(_)) {
        return;
    }
    changed.extend(event.paths.into_iter().filter(|p| !p.starts_with(out)));
}

/// Builds once, keeping in `warm` what the next build reuses, and says what happened and how
/// long it took.
fn build_once(args: &WatchArgs, warm: &Warm, why: &str) {
    eprintln!("{why}");
    let start = Instant::now();
    let result = args
        .project
        .templates
        .load(&args.project.content)
        .and_then(|templates| {
            pipeline::build(&pipeline::BuildOptions {
                content_dir: &args.project.content.content,
                out_dir: &args.out,
                templates: &templates,
                only: None,
                formats: args.format.formats(),
                force: false,
                keep_typst: None,
                progress: false,
                warm: Some(warm),
            })
        });
    warm.after_build();
    let ms = start.elapsed().as_millis();
    match result {
        Ok(r) => {
            args.project
                .diagnostics
                .print(&r.warnings, &SourceTexts::default());
            eprintln!(
                "built: {} rebuilt, {} up to date, {} removed in {} in {ms} ms",
                r.rebuilt,
                r.up_to_date,
                r.removed.len(),
                args.out.display()
            )
        }
        Err(e) => {
            args.project.diagnostics.report(&e);
            eprintln!("build failed after {ms} ms; the last good outputs stay; watching on");
        }
    }
}
