//! The jobs of a build: each makes the outputs of one kind of output
//! ([`crate::document::kinds`]) in one language, whatever the kind, as its plan says, and
//! writes each output as soon as it is made.
//!
//! An output whose key equals the key the last build's manifest lists for it, and whose file
//! is still on disk with the listed sha256, is up to date: it is neither made nor written.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::BuildError;
use super::key::Key;
use crate::diagnostics::{Diagnostic, SourceTexts};
use crate::document::kinds::{Context, KeyPart, Kind, Make, PdfSource};
use crate::document::names::{self, DocId};
use crate::labels::Labels;
use crate::output::{self, Entry, Manifest, WriteError};
use crate::render::Renderer;
use crate::typeset::{self, DocumentWorld};

/// The parts of a job's time, summed over the threads that ran jobs.
#[derive(Default)]
pub(super) struct Clock {
    /// Views and keys, including the up-to-date checks.
    pub key: AtomicU64,
    /// Templates.
    pub render: AtomicU64,
    /// Typst compilation and PDF export.
    pub compile: AtomicU64,
    /// Writing outputs.
    pub write: AtomicU64,
}

impl Clock {
    fn time<T>(counter: &AtomicU64, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let t = f();
        let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        counter.fetch_add(nanos, Ordering::Relaxed);
        t
    }

    /// A summed time.
    pub fn get(counter: &AtomicU64) -> Duration {
        Duration::from_nanos(counter.load(Ordering::Relaxed))
    }
}

/// What every job of one language reads: the content, the templates, the last manifest.
/// Shared, never changed.
pub(super) struct Runner<'a> {
    /// The content folder, which inputs are named relative to.
    pub content_dir: &'a Path,
    /// What a kind's plan reads: the content in the language, its words, where it lies.
    pub cx: Context<'a>,
    /// The templates.
    pub renderer: &'a Renderer,
    /// The output folder.
    pub out_dir: &'a Path,
    /// What the last build wrote.
    pub previous: &'a Manifest,
    /// Which kinds of output to make.
    pub formats: super::Formats,
    /// Make every output, up to date or not.
    pub force: bool,
    /// Where to keep each document's typst source, fonts and files.
    pub keep_typst: Option<&'a Path>,
    /// What a `watch` keeps from build to build: each document's last typst source.
    pub warm: Option<&'a typeset::Warm>,
    /// Time spent, by part.
    pub clock: &'a Clock,
}

/// What a job leaves: the manifest entry of each of its outputs, and how many it made anew.
#[derive(Debug, Default)]
pub(super) struct Done {
    /// One entry per output, made now or up to date.
    pub entries: Vec<Entry>,
    /// How many of them were made and written now.
    pub rebuilt: usize,
    /// How many documents typst compiled.
    pub compiled: usize,
    /// What typst warned about.
    pub warnings: Vec<Diagnostic>,
    /// The text of the generated files typst's warnings point into.
    pub texts: SourceTexts,
    /// The outputs made now, written whole beside their places, put there once every job
    /// of the build succeeded.
    pub pending: Vec<output::Pending>,
}

impl Runner<'_> {
    /// The words of the language.
    fn labels(&self) -> &Labels {
        self.cx.labels
    }

    /// Runs the job of one kind: plans its outputs, then makes each that this build makes
    /// and that is not up to date.
    pub fn run(&self, kind: &dyn Kind) -> Result<Done, BuildError> {
        let mut done = Done::default();
        let dir = self.cx.dir;
        let (planned, inputs) = Clock::time(&self.clock.key, || {
            let planned = kind.plan(&self.cx);
            let inputs = super::relative(self.content_dir, planned.inputs.clone());
            (planned, inputs)
        });
        for out in planned.outputs {
            let path = dir.path(&out.name);
            if !self.formats.makes(&path) {
                continue;
            }
            let key = Clock::time(&self.clock.key, || self.key(&out.key));
            match out.make {
                Make::Pdf(source) => self.pdf(&source, path, key, &inputs, &mut done)?,
                Make::Html { template, context } => {
                    self.output(&mut done, path, key, &inputs, || {
                        let html = Clock::time(&self.clock.render, || {
                            self.renderer.render(template, self.labels(), context)
                        })?;
                        Ok(html.into_bytes())
                    })?
                }
                Make::Bytes(bytes) => {
                    self.output(&mut done, path, key, &inputs, || Ok(bytes.into_owned()))?
                }
            }
        }
        Ok(done)
    }

    /// An output's key from its recipe.
    fn key(&self, (kind, parts): &(&'static str, Vec<KeyPart>)) -> String {
        parts
            .iter()
            .fold(Key::new(kind), |key, part| match part {
                KeyPart::Labels => key.labels(self.labels()),
                KeyPart::Templates(t) => key.templates(self.renderer.templates(), t),
                KeyPart::Fonts => key.fonts(),
                KeyPart::Part(name, bytes) => key.part(name, bytes),
            })
            .finish()
    }

    /// The last build's entry for `path`, when it has this key and its file is still whole,
    /// listing `inputs`: the bytes are the same, but what they were made from is what the
    /// content says now (a data file's bytes can stay while a status that named it goes).
    fn up_to_date(&self, path: &str, key: &str, inputs: &[String]) -> Option<Entry> {
        if self.force {
            return None;
        }
        let entry = self.previous.get(path)?;
        (entry.key == key && output::on_disk(self.out_dir, entry)).then(|| Entry {
            inputs: inputs.to_vec(),
            ..entry.clone()
        })
    }

    /// Writes `bytes` as `path` and records it.
    fn write(
        &self,
        done: &mut Done,
        path: String,
        key: String,
        inputs: &[String],
        bytes: &[u8],
    ) -> Result<(), WriteError> {
        let pending = Clock::time(&self.clock.write, || {
            output::write_pending(&self.out_dir.join(&path), bytes)
        })?;
        done.pending.push(pending);
        done.entries
            .push(Entry::new(path, key, inputs.to_vec(), bytes));
        done.rebuilt += 1;
        Ok(())
    }

    /// Records `path` as up to date, or makes and writes it.
    fn output(
        &self,
        done: &mut Done,
        path: String,
        key: String,
        inputs: &[String],
        make: impl FnOnce() -> Result<Vec<u8>, BuildError>,
    ) -> Result<(), BuildError> {
        if let Some(entry) = Clock::time(&self.clock.key, || self.up_to_date(&path, &key, inputs)) {
            done.entries.push(entry);
            return Ok(());
        }
        let bytes = make()?;
        Ok(self.write(done, path, key, inputs, &bytes)?)
    }

    /// A document's PDF: up to date, or rendered, compiled and written (its typst source kept
    /// when asked for).
    fn pdf(
        &self,
        p: &PdfSource,
        pdf_path: String,
        pdf_key: String,
        inputs: &[String],
        done: &mut Done,
    ) -> Result<(), BuildError> {
        let id = &p.id;
        let fresh = Clock::time(&self.clock.key, || {
            self.up_to_date(&pdf_path, &pdf_key, inputs)
        });
        if fresh.is_some() && self.keep_typst.is_none() {
            done.entries.extend(fresh);
            return Ok(());
        }
        let source = Clock::time(&self.clock.render, || {
            self.renderer.render(
                p.template,
                self.labels(),
                minijinja::context! { doc => p.view.clone() },
            )
        })?;
        let modules = self.renderer.templates().typst_modules();
        if let Some(dir) = self.keep_typst {
            keep_typst(&self.cx.dir.keep(dir), id, &source, &modules, &p.files)?;
        }
        if let Some(entry) = fresh {
            done.entries.push(entry);
            return Ok(());
        }
        let pdf = Clock::time(&self.clock.compile, || {
            let (files, today) = (p.files.clone(), typeset::typst_date(p.date));
            let world = match self.warm {
                Some(warm) => {
                    let source = warm.source(&pdf_path, id.as_str(), source);
                    warm.keep(&pdf_path, &source);
                    DocumentWorld::with_source(source, &modules, files, today)
                }
                None => DocumentWorld::new(id.as_str(), source, &modules, files, today),
            };
            let main = self.origin(id);
            let origins = typeset::Origins {
                main: &main,
                kept: self.keep_typst.is_some(),
                templates: self.renderer.templates(),
            };
            typeset::pdf(id.as_str(), &world, p.date, &origins)
        })?;
        done.compiled += 1;
        done.warnings.extend(pdf.warnings);
        done.texts.merge(pdf.texts);
        self.write(done, pdf_path, pdf_key, inputs, &pdf.output)?;
        Ok(())
    }

    /// Where a document's typst source is, as its diagnostics name it: kept with
    /// `--keep-typst`, else under a name that says it was generated.
    fn origin(&self, id: &DocId) -> PathBuf {
        let dir = self.keep_typst.unwrap_or(Path::new(typeset::GENERATED));
        self.cx
            .dir
            .keep(dir)
            .join(id.as_str())
            .join(names::TYPST_MAIN)
    }
}

/// Writes a document's typst source as `DIR/<id>/main.typ`, with the modules and charts it
/// reads beside it, so the typst CLI can compile it with `--root DIR`.
fn keep_typst(
    dir: &Path,
    id: &DocId,
    source: &str,
    modules: &[(&str, &str)],
    files: &[(String, Vec<u8>)],
) -> Result<(), WriteError> {
    let doc_dir: PathBuf = dir.join(id.as_str());
    output::write_atomic(&doc_dir.join(names::TYPST_MAIN), source.as_bytes())?;
    for (name, text) in modules {
        output::write_atomic(&doc_dir.join(name), text.as_bytes())?;
    }
    for (path, bytes) in files {
        output::write_atomic(&doc_dir.join(path.trim_start_matches('/')), bytes)?;
    }
    Ok(())
}

/// Writes every font documents are set in to `DIR/fonts/`, for `typst --font-path`.
pub(super) fn keep_fonts(dir: &Path) -> Result<(), WriteError> {
    for (name, data) in typeset::fonts::files() {
        output::write_atomic(&dir.join(names::TYPST_FONTS).join(name), data)?;
    }
    Ok(())
}
