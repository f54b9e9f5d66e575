//! `statusrapport watch`: builds, then builds again whenever a file under the content folder
//! or the templates folder changes. A build that fails prints its problems and leaves the last
//! good outputs in place; watching goes on until interrupted.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use clap::Args;
use notify::{EventKind, RecursiveMode, Watcher};

use super::ProjectArgs;
use crate::pipeline;
use crate::typeset::Warm;

/// How long the files must stay quiet before a rebuild: an editor's save is often several
/// events (write, rename, attribute change) within a few milliseconds.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The longest a rebuild waits after the first change for the files to be quiet, so that a
/// file written without pause (a log, a sync) cannot hold it off for ever (typst's watcher
/// waits as long).
const MAX_WAIT: Duration = Duration::from_millis(500);

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
        let batch = gather(first, &rx, &out);
        for e in &batch.errors {
            eprintln!(
                "warning: the file watcher reported a problem ({e}); a change may have been \
                 missed, so the content is built again"
            );
        }
        if batch.changed.is_empty() && batch.errors.is_empty() {
            continue;
        }
        let names: Vec<String> = batch
            .changed
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let why = if names.is_empty() {
            "the file watcher reported a problem".to_owned()
        } else {
            format!("changed: {}", names.join(", "))
        };
        build_once(&args, &warm, &why);
    }
}

/// What the watcher reported between two builds.
#[derive(Debug, Default)]
struct Batch {
    /// The paths that changed, sorted, each once, none in the output folder.
    changed: Vec<PathBuf>,
    /// What the watcher could not watch or report.
    errors: Vec<notify::Error>,
}

/// Gathers `first` and what follows it until the files have been quiet for [`DEBOUNCE`], or
/// [`MAX_WAIT`] after `first`, whichever comes sooner.
fn gather(
    first: notify::Result<notify::Event>,
    rx: &mpsc::Receiver<notify::Result<notify::Event>>,
    out: &Path,
) -> Batch {
    let deadline = Instant::now() + MAX_WAIT;
    let mut batch = Batch::default();
    collect(first, out, &mut batch);
    loop {
        let wait = DEBOUNCE.min(deadline.saturating_duration_since(Instant::now()));
        if wait.is_zero() {
            break;
        }
        match rx.recv_timeout(wait) {
            Ok(event) => collect(event, out, &mut batch),
            Err(_) => break,
        }
    }
    batch.changed.sort();
    batch.changed.dedup();
    batch
}

/// Adds the paths of a modifying event to the batch, leaving out the output folder's own, or
/// the watcher's error.
fn collect(event: notify::Result<notify::Event>, out: &Path, batch: &mut Batch) {
    let event = match event {
        Ok(event) => event,
        Err(e) => {
            batch.errors.push(e);
            return;
        }
    };
    if matches!(event.kind, EventKind::Access(_)) {
        return;
    }
    let paths = event.paths.into_iter().filter(|p| !p.starts_with(out));
    batch.changed.extend(paths);
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
                base_url: None,
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
            args.project.diagnostics.print(&r.warnings, &r.texts);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn change(path: &str) -> notify::Result<notify::Event> {
        let kind = EventKind::Modify(notify::event::ModifyKind::Any);
        Ok(notify::Event::new(kind).add_path(PathBuf::from(path)))
    }

    #[test]
    fn a_file_changing_without_pause_holds_a_rebuild_off_half_a_second_at_most() {
        let (tx, rx) = mpsc::channel();
        let writer = std::thread::spawn(move || {
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(3) {
                if tx.send(change("/c/log.yaml")).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        let start = Instant::now();
        let batch = gather(change("/c/a.yaml"), &rx, Path::new("/out"));
        let waited = start.elapsed();
        drop(rx);
        writer.join().unwrap();
        assert!(waited < Duration::from_millis(900), "waited {waited:?}");
        assert_eq!(
            batch.changed,
            [PathBuf::from("/c/a.yaml"), PathBuf::from("/c/log.yaml")]
        );
    }

    #[test]
    fn the_watchers_errors_are_kept_and_the_output_folder_left_out() {
        let (tx, rx) = mpsc::channel();
        tx.send(Err(notify::Error::generic("queue overflow")))
            .unwrap();
        tx.send(change("/out/x.pdf")).unwrap();
        let batch = gather(change("/c/a.yaml"), &rx, Path::new("/out"));
        assert_eq!(batch.changed, [PathBuf::from("/c/a.yaml")]);
        assert_eq!(batch.errors.len(), 1);
        assert!(batch.errors[0].to_string().contains("queue overflow"));
    }
}
