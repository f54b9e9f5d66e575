//! Rebuilding on every save: builds once, then again whenever a file under the content folder
//! or the templates folder changes, until Ctrl-C. `watch` and `serve` both run this loop; what
//! each does with a build's outcome (print it, tell the browser) is the caller's.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::pipeline::{self, BuildError, BuildReport, Formats};
use crate::render::Templates;
use crate::typeset::Warm;

/// How long the files must stay quiet before a rebuild: an editor's save is often several
/// events (write, rename, attribute change) within a few milliseconds.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The longest a rebuild waits after the first change for the files to be quiet, so that a
/// file written without pause (a log, a sync) cannot hold it off for ever (typst's watcher
/// waits as long).
const MAX_WAIT: Duration = Duration::from_millis(500);

/// What to build on every save.
pub struct Project<'a> {
    /// The content folder, watched.
    pub content_dir: &'a Path,
    /// The templates folder, watched when it exists.
    pub templates_dir: &'a Path,
    /// The output folder, whose own changes are ignored.
    pub out_dir: &'a Path,
    /// Which kinds of output to make.
    pub formats: Formats,
    /// Loads the templates anew for each build, so that an edited override is read.
    pub load_templates: &'a dyn Fn() -> Result<Templates, BuildError>,
}

/// One build of the loop, as the caller sees it (the loop has printed why it ran).
pub struct Rebuilt<'a> {
    /// What it made, or why it failed (the last good outputs then stay).
    pub result: &'a Result<BuildReport, BuildError>,
    /// How long it took.
    pub elapsed: Duration,
}

/// Why the loop could not go on.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The file watcher could not be made or stopped.
    #[error("failed to watch files ({0})")]
    Watcher(#[from] notify::Error),
    /// A folder could not be watched.
    #[error("failed to watch {} ({source})", .path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: notify::Error,
    },
    /// Ctrl-C could not be caught.
    #[error("failed to catch Ctrl-C ({0})")]
    Interrupt(#[from] ctrlc::Error),
    /// The file watcher stopped reporting.
    #[error("the file watcher stopped")]
    Stopped,
}

/// What arrives between two builds.
enum Signal {
    /// A file event, or the watcher's error.
    File(notify::Result<notify::Event>),
    /// Ctrl-C.
    Stop,
}

/// Builds, then builds again after every save, calling `on_build` after each build, until
/// Ctrl-C (then `Ok`, after the build under way has finished) or until watching fails.
pub fn rebuild_on_save(
    project: &Project<'_>,
    mut on_build: impl FnMut(Rebuilt<'_>),
) -> Result<(), WatchError> {
    let (tx, rx) = mpsc::channel();
    let files = tx.clone();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = files.send(Signal::File(event));
    })?;
    let mut watched = vec![project.content_dir.to_path_buf()];
    if project.templates_dir.is_dir() {
        watched.push(project.templates_dir.to_path_buf());
    }
    for dir in &watched {
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|source| WatchError::Folder {
                path: dir.clone(),
                source,
            })?;
    }
    ctrlc::set_handler(move || {
        let _ = tx.send(Signal::Stop);
    })?;
    let shown: Vec<String> = watched.iter().map(|d| d.display().to_string()).collect();
    eprintln!("watching {} (Ctrl-C to stop)", shown.join(" and "));
    let warm = Warm::default();
    build_once(project, &warm, "initial build", &mut on_build);
    let out = std::fs::canonicalize(project.out_dir).unwrap_or_else(|_| project.out_dir.into());
    loop {
        let first = match rx.recv() {
            Ok(Signal::File(event)) => event,
            Ok(Signal::Stop) => return Ok(()),
            Err(_) => return Err(WatchError::Stopped),
        };
        let (batch, stop) = gather_signals(first, &rx, &out);
        if stop {
            return Ok(());
        }
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
        build_once(project, &warm, &why, &mut on_build);
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

/// [`gather`] on the loop's channel: also says whether Ctrl-C came meanwhile.
fn gather_signals(
    first: notify::Result<notify::Event>,
    rx: &mpsc::Receiver<Signal>,
    out: &Path,
) -> (Batch, bool) {
    let mut stop = false;
    let batch = gather(first, out, |wait| match rx.recv_timeout(wait) {
        Ok(Signal::File(event)) => Some(event),
        Ok(Signal::Stop) => {
            stop = true;
            None
        }
        Err(_) => None,
    });
    (batch, stop)
}

/// Gathers `first` and what `next` gives after it until the files have been quiet for
/// [`DEBOUNCE`], or [`MAX_WAIT`] after `first`, whichever comes sooner. `next` waits at most
/// the time it is given for an event, and gives `None` when there was none (or when the
/// gathering should end).
fn gather(
    first: notify::Result<notify::Event>,
    out: &Path,
    mut next: impl FnMut(Duration) -> Option<notify::Result<notify::Event>>,
) -> Batch {
    let deadline = Instant::now() + MAX_WAIT;
    let mut batch = Batch::default();
    collect(first, out, &mut batch);
    loop {
        let wait = DEBOUNCE.min(deadline.saturating_duration_since(Instant::now()));
        if wait.is_zero() {
            break;
        }
        match next(wait) {
            Some(event) => collect(event, out, &mut batch),
            None => break,
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

/// Builds once, keeping in `warm` what the next build reuses, says why, and hands the outcome
/// to `on_build`.
fn build_once(
    project: &Project<'_>,
    warm: &Warm,
    why: &str,
    on_build: &mut impl FnMut(Rebuilt<'_>),
) {
    eprintln!("{why}");
    let start = Instant::now();
    let result = (project.load_templates)().and_then(|templates| {
        pipeline::build(&pipeline::BuildOptions {
            content_dir: project.content_dir,
            out_dir: project.out_dir,
            templates: &templates,
            only: None,
            formats: project.formats,
            force: false,
            keep_typst: None,
            progress: false,
            warm: Some(warm),
            // The content's own `base_url`, as `build` without `--base-url` takes it.
            base_url: None,
        })
    });
    warm.after_build();
    on_build(Rebuilt {
        result: &result,
        elapsed: start.elapsed(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(path: &str) -> notify::Result<notify::Event> {
        let kind = EventKind::Modify(notify::event::ModifyKind::Any);
        Ok(notify::Event::new(kind).add_path(PathBuf::from(path)))
    }

    fn from(
        rx: &mpsc::Receiver<notify::Result<notify::Event>>,
    ) -> impl FnMut(Duration) -> Option<notify::Result<notify::Event>> + '_ {
        |wait| rx.recv_timeout(wait).ok()
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
        let batch = gather(change("/c/a.yaml"), Path::new("/out"), from(&rx));
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
        let batch = gather(change("/c/a.yaml"), Path::new("/out"), from(&rx));
        assert_eq!(batch.changed, [PathBuf::from("/c/a.yaml")]);
        assert_eq!(batch.errors.len(), 1);
        assert!(batch.errors[0].to_string().contains("queue overflow"));
    }

    #[test]
    fn ctrl_c_while_gathering_ends_the_loop() {
        let (tx, rx) = mpsc::channel();
        tx.send(Signal::File(change("/c/b.yaml"))).unwrap();
        tx.send(Signal::Stop).unwrap();
        let (batch, stop) = gather_signals(change("/c/a.yaml"), &rx, Path::new("/out"));
        assert!(stop);
        assert_eq!(batch.changed.len(), 2);
    }
}
