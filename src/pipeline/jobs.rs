//! The jobs of a build: each makes the outputs of one document, one indicator page, the
//! index or the web fonts, and writes each output as soon as it is made.
//!
//! An output whose key equals the key the last build's manifest lists for it, and whose file
//! is still on disk with the listed sha256, is up to date: it is neither made nor written.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::BuildError;
use super::key::Key;
use crate::analyse::Analysis;

use crate::diagnostics::{Diagnostic, SourceTexts};
use crate::document::names::{self, DocId, LangDir};
use crate::document::reader::Reader;
use crate::document::{self, Document};
use crate::labels::Labels;
use crate::model::{Content, Indicator, Languages, Publication};
use crate::output::{self, Entry, Manifest, WriteError};
use crate::render::Renderer;
use crate::typeset::{self, DocumentWorld};

/// One unit of work.
pub(super) enum Job<'a> {
    /// A PDF document and its web page.
    Document(Document<'a>),
    /// An indicator's page, data and metadata.
    Indicator(&'a Indicator),
    /// The site's front page.
    Index,
    /// The web fonts and their licence.
    Fonts,
}

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

/// What every job reads: the content, the templates, the last manifest. Shared, never
/// changed.
pub(super) struct Plan<'a> {
    /// The content folder, which inputs are named relative to.
    pub content_dir: &'a Path,
    /// The content.
    pub content: &'a Content,
    /// The words of the documents' language.
    pub labels: &'a Labels,
    /// Where the outputs of that language lie.
    pub dir: LangDir,
    /// Which languages each kind of output is published in.
    pub languages: &'a Languages,
    /// The templates.
    pub renderer: &'a Renderer,
    /// The analysis, computed once: classes, changes, status moves, projections.
    pub analysis: &'a Analysis,
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

/// One language's version of a page, for the `hreflang` alternates and the language switch.
#[derive(Serialize)]
struct Alternate {
    code: &'static str,
    name: &'static str,
    href: String,
    current: bool,
}

/// What a web page in a language of several receives beside its view: its alternates, and
/// the way to the fonts at the top of `out/`. Empty for the main language when it is the
/// only one, so those pages stay as they were.
#[derive(Serialize, Default)]
struct PageLanguages {
    #[serde(skip_serializing_if = "Option::is_none")]
    alternates: Option<Vec<Alternate>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assets_root: Option<String>,
}

impl PageLanguages {
    /// As a template context to spread into another.
    fn value(&self) -> minijinja::Value {
        minijinja::Value::from(minijinja::value::Serde(self))
    }

    /// Adds itself to a key, unless it is empty.
    fn key(&self, key: Key) -> Key {
        if self.alternates.is_none() && self.assets_root.is_none() {
            return key;
        }
        key.part(
            "languages",
            &serde_json::to_vec(self).expect("languages serialize"),
        )
    }
}

/// The fixed anchors every web page's template receives as `anchors`.
fn anchors() -> minijinja::Value {
    minijinja::Value::from(minijinja::value::Serde(names::ANCHORS))
}

/// What a document's templates receive, and what its PDF's key is made of.
struct Prepared {
    view: minijinja::Value,
    view_json: Vec<u8>,
    typst_template: &'static str,
    html_template: &'static str,
    files: Vec<(String, Vec<u8>)>,
    date: time::Date,
    /// The content files the view read.
    inputs: Vec<std::path::PathBuf>,
}

impl Prepared {
    fn new(
        view: &impl Serialize,
        typst_template: &'static str,
        html_template: &'static str,
        files: Vec<(String, Vec<u8>)>,
        (date, inputs): (time::Date, Vec<std::path::PathBuf>),
    ) -> Prepared {
        Prepared {
            inputs,
            view: minijinja::Value::from(minijinja::value::Serde(view)),
            view_json: serde_json::to_vec(view).expect("views serialize"),
            typst_template,
            html_template,
            files,
            date,
        }
    }
}

impl Plan<'_> {
    /// What the page `name` (relative to its language's folder) of an output `kind` needs to
    /// point at its other languages.
    fn page_languages(&self, kind: Publication, name: &str) -> PageLanguages {
        let here = self.dir.path(name);
        let langs = self.languages.of(kind);
        let alternates = (langs.len() > 1).then(|| {
            langs
                .iter()
                .map(|&l| Alternate {
                    code: l.code(),
                    name: l.labels().language_name,
                    href: names::href(&here, &LangDir::new(l, self.languages.main).path(name)),
                    current: l == self.dir.lang,
                })
                .collect()
        });
        PageLanguages {
            alternates,
            assets_root: (!self.dir.main).then(|| names::href(&here, "")),
        }
    }

    /// Runs one job.
    pub fn run(&self, job: &Job<'_>) -> Result<Done, BuildError> {
        let mut done = Done::default();
        match job {
            Job::Document(doc) => self.document(doc, &mut done)?,
            Job::Indicator(ind) => self.indicator(ind, &mut done)?,
            Job::Index => self.index(&mut done)?,
            Job::Fonts => self.fonts(&mut done)?,
        }
        Ok(done)
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

    /// The view of a document, and the charts its typst source reads.
    fn prepare(&self, doc: &Document<'_>) -> Result<Prepared, BuildError> {
        let content = self.content;
        let reader = Reader::new(content);
        match *doc {
            Document::Deck(status) | Document::Report(status, _) => {
                let goal = match *doc {
                    Document::Report(_, g) => Some(g),
                    _ => None,
                };
                let charts = document::page_charts::charts(
                    self.labels,
                    content,
                    self.analysis,
                    status,
                    goal,
                )?;
                let view = document::status::status_view(
                    self.labels,
                    &reader,
                    self.analysis,
                    status,
                    goal,
                    &charts,
                    names::HOME_FROM_DOCUMENT,
                );
                let files = charts
                    .into_values()
                    .map(|c| (names::chart_in_typst(&c.id), c.svg.into_bytes()))
                    .collect();
                let template = if goal.is_some() {
                    "report.typ"
                } else {
                    "deck.typ"
                };
                Ok(Prepared::new(
                    &view,
                    template,
                    "status.html",
                    files,
                    (status.date, reader.inputs()),
                ))
            }
            Document::Edition(edition) => {
                let view = document::edition::edition_view(
                    self.labels,
                    &reader,
                    edition,
                    names::HOME_FROM_DOCUMENT,
                );
                Ok(Prepared::new(
                    &view,
                    "indikatorer.typ",
                    "indikatorer.html",
                    Vec::new(),
                    (edition.published, reader.inputs()),
                ))
            }
        }
    }

    /// A document's PDF and web page.
    fn document(&self, doc: &Document<'_>, done: &mut Done) -> Result<(), BuildError> {
        let id: DocId = doc.id();
        let html_path = self.dir.path(&id.html());
        let kind = match doc {
            Document::Deck(_) | Document::Report(..) => Publication::Status,
            Document::Edition(_) => Publication::Edition,
        };
        let page = self.page_languages(kind, &id.html());
        let (doc_view, pdf_key, html_key, inputs) = Clock::time(&self.clock.key, || {
            let p = self.prepare(doc)?;
            let date = p.date.to_string();
            let pdf_key = p
                .files
                .iter()
                .fold(
                    Key::new("pdf")
                        .labels(self.labels)
                        .part("id", id.as_str().as_bytes())
                        .part("date", date.as_bytes())
                        .templates(self.renderer.templates(), p.typst_template)
                        .part("view", &p.view_json)
                        .fonts(),
                    |k, (name, bytes)| k.part(name, bytes),
                )
                .finish();
            let html_key = page
                .key(
                    Key::new("html")
                        .labels(self.labels)
                        .part("pdf", id.pdf_from_html().as_bytes())
                        .templates(self.renderer.templates(), p.html_template)
                        .part("view", &p.view_json),
                )
                .finish();
            let inputs = super::relative(self.content_dir, p.inputs.clone());
            Ok::<_, BuildError>((p, pdf_key, html_key, inputs))
        })?;
        if self.formats.pdf() {
            self.pdf(&doc_view, &id, pdf_key, &inputs, done)?;
        }
        if !self.formats.html() {
            return Ok(());
        }
        self.output(done, html_path, html_key, &inputs, || {
            let html = Clock::time(&self.clock.render, || {
                self.renderer.render(
                    doc_view.html_template,
                    self.labels,
                    minijinja::context! {
                        doc => doc_view.view,
                        pdf => id.pdf_from_html(),
                        anchors => anchors(),
                        ..page.value()
                    },
                )
            })?;
            Ok(html.into_bytes())
        })
    }

    /// A document's PDF: up to date, or rendered, compiled and written (its typst source kept
    /// when asked for).
    fn pdf(
        &self,
        p: &Prepared,
        id: &DocId,
        pdf_key: String,
        inputs: &[String],
        done: &mut Done,
    ) -> Result<(), BuildError> {
        let pdf_path = self.dir.path(&id.pdf());
        let fresh = Clock::time(&self.clock.key, || {
            self.up_to_date(&pdf_path, &pdf_key, inputs)
        });
        if fresh.is_none() || self.keep_typst.is_some() {
            let source = Clock::time(&self.clock.render, || {
                self.renderer.render(
                    p.typst_template,
                    self.labels,
                    minijinja::context! { doc => p.view.clone() },
                )
            })?;
            if let Some(dir) = self.keep_typst {
                let modules = self.renderer.templates().typst_modules();
                keep_typst(&self.dir.keep(dir), id, &source, &modules, &p.files)?;
            }
            match fresh {
                Some(entry) => done.entries.push(entry),
                None => {
                    let pdf = Clock::time(&self.clock.compile, || {
                        let modules = self.renderer.templates().typst_modules();
                        let (files, today) = (p.files.clone(), typeset::typst_date(p.date));
                        let world = match self.warm {
                            Some(warm) => {
                                let source = warm.source(&pdf_path, id.as_str(), source);
                                warm.keep(&pdf_path, &source);
                                DocumentWorld::with_source(source, &modules, files, today)
                            }
                            None => DocumentWorld::new(id.as_str(), source, &modules, files, today),
                        };
                        let kept = self.keep_typst.map(|d| self.dir.keep(d));
                        let dir = kept
                            .clone()
                            .unwrap_or_else(|| self.dir.keep(Path::new(typeset::GENERATED)));
                        let main = dir.join(id.as_str()).join(names::TYPST_MAIN);
                        let origins = typeset::Origins {
                            main: &main,
                            kept: kept.is_some(),
                            templates: self.renderer.templates(),
                        };
                        typeset::pdf(id.as_str(), &world, p.date, &origins)
                    })?;
                    done.compiled += 1;
                    done.warnings.extend(pdf.warnings);
                    done.texts.merge(pdf.texts);
                    self.write(done, pdf_path, pdf_key, inputs, &pdf.output)?;
                }
            }
        } else {
            done.entries.extend(fresh);
        }
        Ok(())
    }

    /// An indicator's page, with its data and metadata to download.
    fn indicator(&self, ind: &Indicator, done: &mut Done) -> Result<(), BuildError> {
        use document::indicator as site;
        let content = self.content;
        let page = self.page_languages(Publication::Site, &names::indicator_html(&ind.id));
        let (view, key, inputs, csv) = Clock::time(&self.clock.key, || {
            let reader = Reader::new(content);
            let charts = site::charts(self.labels, &reader, self.analysis, ind)?;
            let view = site::indicator_view(self.labels, &reader, self.analysis, ind, &charts);
            let csv = site::data_csv(self.labels, &reader, self.analysis, ind);
            let view_json = serde_json::to_vec(&view).expect("views serialize");
            let key = page
                .key(
                    Key::new("html")
                        .labels(self.labels)
                        .templates(self.renderer.templates(), "indicator.html")
                        .part("view", &view_json)
                        .part("publisher", content.strategy.publisher.as_bytes()),
                )
                .finish();
            let inputs = super::relative(self.content_dir, reader.inputs());
            Ok::<_, BuildError>((view, key, inputs, csv))
        })?;
        let path = self.dir.path(&names::indicator_html(&ind.id));
        self.output(done, path, key, &inputs, || {
            let html = Clock::time(&self.clock.render, || {
                self.renderer.render(
                    "indicator.html",
                    self.labels,
                    minijinja::context! {
                        ind => minijinja::Value::from(minijinja::value::Serde(&view)),
                        publisher => &content.strategy.publisher,
                        anchors => anchors(),
                        ..page.value()
                    },
                )
            })?;
            Ok(html.into_bytes())
        })?;
        let files = [
            (self.dir.path(&names::indicator_csv(&ind.id)), "csv", csv),
            (
                self.dir.path(&names::indicator_metadata(&ind.id)),
                "json",
                site::metadata_json(self.labels, ind),
            ),
        ];
        for (path, kind, bytes) in files {
            let key = Key::new(kind).part("bytes", &bytes).finish();
            self.output(done, path, key, &inputs, || Ok(bytes))?;
        }
        Ok(())
    }

    /// The site's front page.
    fn index(&self, done: &mut Done) -> Result<(), BuildError> {
        let view = document::index::index_view(self.labels, self.content);
        let page = self.page_languages(Publication::Site, names::INDEX);
        let key = page
            .key(
                Key::new("html")
                    .labels(self.labels)
                    .templates(self.renderer.templates(), "index.html")
                    .part("view", &serde_json::to_vec(&view).expect("views serialize")),
            )
            .finish();
        let inputs = super::relative(self.content_dir, self.content.files.clone());
        let view = minijinja::Value::from(minijinja::value::Serde(&view));
        self.output(done, self.dir.path(names::INDEX), key, &inputs, || {
            Ok(self
                .renderer
                .render(
                    "index.html",
                    self.labels,
                    minijinja::context! {
                        anchors => anchors(),
                        ..minijinja::context! { ..view, ..page.value() }
                    },
                )?
                .into_bytes())
        })
    }

    /// The bundled fonts and their licence, for the web pages.
    fn fonts(&self, done: &mut Done) -> Result<(), BuildError> {
        for (name, bytes) in typeset::fonts::web_files() {
            let (path, id) = (names::font(name), typeset::fonts::identity(name, bytes));
            let key = Key::new("asset").part("file", id.as_bytes()).finish();
            self.output(done, path, key, &[], || Ok(bytes.to_vec()))?;
        }
        Ok(())
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
