//! The pipeline: one orchestrator that runs the stages in order — load (input, validate),
//! analyse, chart (every chart the build's documents and pages show, per language), then one
//! job per kind of output and language ([`crate::document::kinds`]: view, key, render,
//! compile, write), then the manifest — and times each.
//!
//! Work fans out over immutable data only, at two points: the charts (rayon, pure drawing)
//! and the jobs ([`fanout`], on threads of their own); nothing inside either takes a lock.
//! Each job writes its outputs as soon as they are made, and skips those whose [`key`] is
//! unchanged since the last build; the manifest is written last, and only when every job
//! succeeded. A build that makes every output and finds the whole build's key
//! ([`unchanged`]) the same as the last one's, with every file whole, stops before planning
//! any output.

mod fanout;
mod jobs;
mod key;
#[cfg(test)]
mod no_panic;
mod unchanged;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::analyse;
use crate::chart;
use crate::diagnostics::{Diagnostic, SourceTexts, Warned, error_count};
use crate::document::kinds::{self, Context, Kind};
use crate::document::{self, names};
use crate::labels::Lang;
use crate::model::Content;
use crate::output::{self, Entry, Manifest};
use crate::render::{Renderer, Templates};
use crate::typeset;
use crate::{input, validate};
use jobs::{Clock, Runner};

/// Why a run failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content has problems (errors, and the warnings found with them); nothing was
    /// written.
    #[error("the content has {} problem(s)", error_count(.0))]
    Content(Vec<Diagnostic>, SourceTexts),
    /// A chart could not be drawn.
    #[error(transparent)]
    Chart(#[from] chart::ChartError),
    /// A template failed.
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
    /// An overriding template could not be read.
    #[error(transparent)]
    Templates(#[from] crate::render::ReadError),
    /// A document did not compile.
    #[error(transparent)]
    Compile(#[from] typeset::CompileError),
    /// Output could not be written.
    #[error(transparent)]
    Write(#[from] output::WriteError),
    /// `--only` named no document.
    #[error("unknown document `{id}` (expected one of: {})", .known.join(", "))]
    UnknownDocument {
        /// What was asked for.
        id: String,
        /// What exists.
        known: Vec<String>,
    },
}

/// How long each stage took.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    /// Stage name and duration, in order.
    pub stages: Vec<(&'static str, Duration)>,
    /// How many threads ran jobs (the `*` times are summed over them).
    pub threads: usize,
}

impl Timings {
    /// Runs `f` as the stage `name`, recording how long it took.
    fn time<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let t = f();
        self.stages.push((name, start.elapsed()));
        t
    }

    /// The wall time of the stages, and of everything in them other than typst's compilation
    /// and PDF export (the summed compile time spread over the threads), as a share of it.
    pub fn outside_typst(&self) -> (Duration, Duration, f64) {
        let total: Duration = self
            .stages
            .iter()
            .filter(|(name, _)| !name.starts_with(' '))
            .map(|(_, d)| *d)
            .sum();
        let compile: Duration = self
            .stages
            .iter()
            .filter(|(name, _)| name.trim() == "compile*")
            .map(|(_, d)| *d)
            .sum();
        let threads = u32::try_from(self.threads.max(1)).unwrap_or(u32::MAX);
        let other = total.saturating_sub(compile / threads);
        let share = if total.is_zero() {
            0.0
        } else {
            other.as_secs_f64() / total.as_secs_f64()
        };
        (total, other, share)
    }
}

/// Reads and validates the content folder.
pub fn load(content_dir: &Path, timings: &mut Timings) -> Result<Warned<Content>, BuildError> {
    load_keyed(content_dir, timings).map(|(content, _)| content)
}

/// [`load`], with the key of the content files read ([`unchanged::content`]).
fn load_keyed(
    content_dir: &Path,
    timings: &mut Timings,
) -> Result<(Warned<Content>, Option<key::Key>), BuildError> {
    let (files, mut problems) = timings.time("discover", || input::discover(content_dir));
    let mut texts = SourceTexts::default();
    let (raw, parse_problems) = timings.time("parse", || {
        let (mut raw, problems) = input::parse(&files, &mut texts);
        input::read_data(content_dir, &mut raw);
        (raw, problems)
    });
    problems.extend(parse_problems);
    let key = timings.time("content key", || unchanged::content(content_dir, &raw));
    let validated = timings.time("validate", || validate::validate(content_dir, raw));
    match validated {
        Ok(content) if problems.is_empty() => Ok((content, key)),
        Ok(content) => {
            problems.extend(content.warnings);
            Err(BuildError::Content(problems, texts))
        }
        Err(more) => {
            problems.extend(more);
            Err(BuildError::Content(problems, texts))
        }
    }
}

/// Which kinds of output a build makes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Formats {
    /// The PDFs and the web site.
    #[default]
    Both,
    /// Only the PDFs.
    Pdf,
    /// Only the web site: the documents' pages, the indicator pages with their data files,
    /// the front page and the web fonts.
    Html,
}

impl Formats {
    /// Whether PDFs are made.
    pub fn pdf(self) -> bool {
        self != Formats::Html
    }

    /// Whether the web site is made.
    pub fn html(self) -> bool {
        self != Formats::Pdf
    }

    /// Whether the output at `path` (relative to `out/`) is of a kind this build makes.
    pub fn makes(self, path: &str) -> bool {
        if names::is_pdf(path) {
            self.pdf()
        } else {
            self.html()
        }
    }
}

/// What to build and how.
#[derive(Debug, Clone, Copy)]
pub struct BuildOptions<'a> {
    /// The content folder.
    pub content_dir: &'a Path,
    /// The output folder.
    pub out_dir: &'a Path,
    /// The templates: built-in, or overridden file by file.
    pub templates: &'a Templates,
    /// Only this document (a document id from [`document::ids`]), keeping the rest of the
    /// manifest.
    pub only: Option<&'a str>,
    /// Which kinds of output to make; the outputs of the other kind that the last build
    /// wrote are left in place and stay in the manifest as they were.
    pub formats: Formats,
    /// Make every output even when it is up to date.
    pub force: bool,
    /// Also write each document's typst source, the files it reads and the fonts here.
    pub keep_typst: Option<&'a Path>,
    /// Show a progress bar.
    pub progress: bool,
    /// Set by `watch`: what it keeps from build to build, so that a document recompiled after
    /// an edit reuses typst's work on everything the edit left alone.
    pub warm: Option<&'a typeset::Warm>,
    /// The site's address, over the content's `base_url`.
    pub base_url: Option<&'a crate::model::BaseUrl>,
}

/// What a build produced.
#[derive(Debug)]
pub struct BuildReport {
    /// How many outputs were made and written now.
    pub rebuilt: usize,
    /// How many outputs were up to date and left as they were.
    pub up_to_date: usize,
    /// Outputs of the last build that the content no longer produces, now removed.
    pub removed: Vec<String>,
    /// What validation and typst warned about.
    pub warnings: Vec<Diagnostic>,
    /// The text of the generated files typst's warnings point into.
    pub texts: SourceTexts,
    /// Stage timings.
    pub timings: Timings,
}

/// How long a build runs before its progress bar is shown.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

/// Jobs per thread in one batch: typst's memo cache is pruned between batches. Two: ten years
/// of archive (248 PDFs) then peak at 159–168 MiB, against 142 with one and 234 with four, in the
/// same 25 s; the bundled content at 115–125 MiB (151 with four). With one a thread often
/// waits: a deck takes three reports' time, and a batch pairs it with one (2026-12-02, 2 cores).
const BATCH_PER_THREAD: usize = 2;

/// How many batches an unused memoised result of typst survives: none, since documents share
/// nothing memoised (README, issue 12.4); keeping one batch's results raised the peak memory of
/// 10× content from 241 to 361 MiB at the same speed (2026-12-02). What a `watch` keeps from
/// build to build is [`typeset::Warm`]'s to say.
const MEMO_AGE: usize = 0;

/// The work in batches of at most `documents` documents, typst's cache emptied between them.
/// The jobs that compile nothing (web pages, fonts) are spread over the batches after their
/// documents: a thread done with its documents makes pages while another finishes a deck,
/// instead of waiting at the batch's end.
fn batches(work: Vec<(usize, &dyn Kind)>, documents: usize) -> Vec<Vec<(usize, &dyn Kind)>> {
    let (docs, rest): (Vec<_>, Vec<_>) = work.into_iter().partition(|(_, kind)| kind.makes_pdf());
    let per = documents.max(1);
    let n = docs.len().div_ceil(per).max(1);
    let mut docs = docs.into_iter();
    let mut batches: Vec<Vec<_>> = (0..n).map(|_| docs.by_ref().take(per).collect()).collect();
    let share = rest.len().div_ceil(n).max(1);
    for (i, job) in rest.into_iter().enumerate() {
        batches[i / share].push(job);
    }
    batches
}

/// Whether `kind` is one that `only` selects: every kind without `only`, else the documents
/// whose id or group it names (the site's pages and files are left as they are).
fn selects(kind: &dyn Kind, only: Option<&str>) -> bool {
    match only {
        None => true,
        Some(id) => [kind.id(), kind.group()]
            .iter()
            .flatten()
            .any(|k| k.as_str() == id),
    }
}

/// Checks that `only` names a document of the content.
fn check_only(content: &Content, only: Option<&str>) -> Result<(), BuildError> {
    match only {
        Some(id)
            if !kinds::kinds(content)
                .iter()
                .any(|k| selects(k.as_ref(), only) && k.id().is_some()) =>
        {
            Err(BuildError::UnknownDocument {
                id: id.to_owned(),
                known: document::ids(content)
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            })
        }
        _ => Ok(()),
    }
}

/// Content files as the manifest names them: relative to the content folder, with `/`, so
/// the same content gives the same manifest wherever it is built from.
fn relative(content_dir: &Path, paths: impl IntoIterator<Item = PathBuf>) -> Vec<String> {
    let mut v: Vec<String> = paths
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(content_dir).unwrap_or(&p);
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Builds from the content folder into the output folder: every output, or only the
/// document `only` names. Outputs are written as they are made; the manifest is written last
/// and only when every output was made, so it lists only whole files.
pub fn build(opts: &BuildOptions<'_>) -> Result<BuildReport, BuildError> {
    let mut timings = Timings::default();
    let (
        Warned {
            output: mut content,
            mut warnings,
        },
        content_key,
    ) = load_keyed(opts.content_dir, &mut timings)?;
    if let Some(url) = opts.base_url {
        content.strategy.base_url = Some(url.clone());
    }
    check_only(&content, opts.only)?;
    let previous = timings.time("manifest", || Manifest::read(opts.out_dir));
    warnings.extend(previous.warnings);
    let previous = previous.output;
    output::remove_stale_temporaries(opts.out_dir);
    // Only a build that makes every output, and may skip outputs, can skip them all.
    let whole = opts.only.is_none() && opts.formats == Formats::Both;
    let build_key = content_key.map(|k| {
        unchanged::finish(
            k,
            opts.templates,
            &content.strategy.languages.all,
            opts.base_url,
        )
    });
    let may_skip = !opts.force && opts.keep_typst.is_none();
    if let Some(k) = build_key.as_deref().filter(|_| whole && may_skip)
        && timings.time("unchanged", || {
            unchanged::up_to_date(opts.out_dir, &previous, k)
        })
    {
        return Ok(BuildReport {
            rebuilt: 0,
            up_to_date: previous.files.len(),
            removed: Vec::new(),
            warnings,
            texts: SourceTexts::default(),
            timings,
        });
    }
    let analysis = timings.time("analyse", || analyse::analyse(&content));
    let languages = content.strategy.languages.clone();
    // Each language sees the content with its own texts; the first is the main language.
    let localized: Vec<(Lang, Content)> = timings.time("languages", || {
        languages
            .all
            .iter()
            .map(|&lang| (lang, content.in_language(lang)))
            .collect()
    });
    // Every kind of output in every language it is published in, that this build makes.
    let all: Vec<Vec<Box<dyn Kind>>> = localized.iter().map(|(_, c)| kinds::kinds(c)).collect();
    let mut work: Vec<(usize, &dyn Kind)> = Vec::new();
    for (i, ((lang, _), kinds)) in localized.iter().zip(&all).enumerate() {
        for kind in kinds {
            let kind = kind.as_ref();
            let published = if kind.once() {
                *lang == languages.main
            } else {
                languages.of(kind.publication()).contains(lang)
            };
            if published && selects(kind, opts.only) && (kind.makes_pdf() || opts.formats.html()) {
                work.push((i, kind));
            }
        }
    }
    if let Some(dir) = opts.keep_typst {
        jobs::keep_fonts(dir)?;
    }
    let renderer = Renderer::new(opts.templates)?;
    let clock = Clock::default();
    // The charts every document and page of a language shows, drawn once before any job:
    // the statuses of the documents this build makes, and the indicators' when it makes the
    // site.
    let charts: Vec<chart::pages::Charts> = timings.time("chart", || {
        localized
            .iter()
            .enumerate()
            .map(|(i, (lang, content))| {
                let mine = || work.iter().filter(move |(j, _)| *j == i);
                // The groups once, not every job's for every quarter.
                let groups: std::collections::BTreeSet<names::DocId> =
                    mine().filter_map(|(_, k)| k.group()).collect();
                let quarters = |q| groups.contains(&names::DocId::deck(q));
                let site = mine().any(|(_, k)| k.id().is_none() && !k.once());
                chart::pages::draw_all(lang.labels(), content, &analysis, quarters, site)
            })
            .collect::<Result<_, _>>()
    })?;
    let runners: Vec<Runner> = localized
        .iter()
        .zip(&charts)
        .map(|((lang, content), charts)| Runner {
            content_dir: opts.content_dir,
            cx: Context {
                labels: lang.labels(),
                content,
                analysis: &analysis,
                charts,
                dir: names::LangDir::new(*lang, languages.main),
                languages: &languages,
            },
            renderer: &renderer,
            out_dir: opts.out_dir,
            previous: &previous,
            formats: opts.formats,
            force: opts.force,
            keep_typst: opts.keep_typst,
            warm: opts.warm,
            clock: &clock,
        })
        .collect();
    // Hidden at first: the bar is shown from the first job that ends after a second, so a
    // build with little to do does not flash one.
    let bar = ProgressBar::hidden();
    bar.set_length(work.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}").expect("valid template"),
    );
    bar.set_message("building");
    let start = Instant::now();
    let threads = fanout::threads();
    timings.threads = threads;
    let mut entries: Vec<Entry> = Vec::new();
    let mut pending = Vec::new();
    let mut rebuilt = 0;
    let mut texts = SourceTexts::default();
    let mut compiled = 0;
    let batches = batches(work, BATCH_PER_THREAD * threads);
    for (n, batch) in batches.iter().enumerate() {
        let done = fanout::run(batch, threads, |(i, job)| {
            let done = runners[*i].run(*job);
            bar.inc(1);
            if opts.progress && bar.is_hidden() && start.elapsed() >= PROGRESS_AFTER {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
            done
        });
        let done = done?;
        compiled += done.iter().map(|d| d.compiled).sum::<usize>();
        // Once between batches, never inside a job that runs beside others. A `watch` keeps
        // the results of the few documents an edit recompiles for its next build.
        let warm = opts.warm.is_some_and(|w| w.keeps(compiled));
        if n + 1 < batches.len() && !warm {
            typst::comemo::evict(MEMO_AGE);
        }
        for d in done {
            rebuilt += d.rebuilt;
            warnings.extend(d.warnings);
            texts.merge(d.texts);
            entries.extend(d.entries);
            pending.extend(d.pending);
        }
    }
    bar.finish_and_clear();
    timings.stages.push(("jobs", start.elapsed()));
    timings.stages.extend([
        ("  views+keys*", Clock::get(&clock.key)),
        ("  render*", Clock::get(&clock.render)),
        ("  compile*", Clock::get(&clock.compile)),
        ("  write*", Clock::get(&clock.write)),
    ]);
    // Every output was made: only now does any of them replace what `out/` held.
    timings.time("put in place", || {
        pending.into_iter().try_for_each(output::Pending::commit)
    })?;
    let up_to_date = entries.len() - rebuilt;
    // What this build did not set out to make (other documents with `--only`, the other
    // format with `--format`) stays as the last build left it, as long as its file is whole.
    let made: std::collections::BTreeSet<&str> = entries.iter().map(|e| e.path.as_str()).collect();
    let kept: Vec<Entry> = previous
        .files
        .iter()
        .filter(|e| opts.only.is_some() || !opts.formats.makes(&e.path))
        .filter(|e| !made.contains(&e.path.as_str()) && output::on_disk(opts.out_dir, e))
        .cloned()
        .collect();
    entries.extend(kept);
    let removed = if opts.only.is_none() {
        timings.time("remove", || {
            output::remove_gone(opts.out_dir, &previous, &entries)
        })
    } else {
        Vec::new()
    };
    let build_key = build_key.filter(|k| whole || unchanged::still(&previous, k, &entries));
    timings.time("manifest", || {
        Manifest::write(opts.out_dir, build_key, entries)
    })?;
    Ok(BuildReport {
        rebuilt,
        up_to_date,
        removed,
        warnings,
        texts,
        timings,
    })
}
