//! The pipeline: one orchestrator that runs the stages in order — load (input, validate),
//! chart, render and compile each document, the site, write — and times each.
//!
//! Work fans out with rayon over immutable data only, at two points: the charts, and the
//! documents; nothing inside the fan-out takes a lock.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::analyse::{self, initiatives::StatusMoves};
use crate::chart::{self, Chart};
use crate::diagnostics::{Diagnostic, SourceTexts};
use crate::document::names::{self, DocId};
use crate::document::{self, Document};
use crate::labels::{Labels, Lang};
use crate::model::{Content, GoalNumber, Quarter};
use crate::output::{self, Output};
use crate::render::{Renderer, Templates};
use crate::typeset::{self, DocumentWorld};
use crate::{input, validate};

/// Why a run failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content has problems; nothing was written.
    #[error("the content has {} problem(s)", .0.len())]
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
}

impl Timings {
    /// Runs `f` as the stage `name`, recording how long it took.
    fn time<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let t = f();
        self.stages.push((name, start.elapsed()));
        t
    }
}

/// Reads and validates the content folder.
pub fn load(content_dir: &Path, timings: &mut Timings) -> Result<Content, BuildError> {
    let (files, mut problems) = timings.time("discover", || input::discover(content_dir));
    let mut texts = SourceTexts::default();
    let (raw, parse_problems) = timings.time("parse", || input::parse(&files, &mut texts));
    problems.extend(parse_problems);
    let validated = timings.time("validate", || validate::validate(content_dir, raw));
    match validated {
        Ok(content) if problems.is_empty() => Ok(content),
        Ok(_) => Err(BuildError::Content(problems, texts)),
        Err(more) => {
            problems.extend(more);
            Err(BuildError::Content(problems, texts))
        }
    }
}

/// The language of every document: the one place it is chosen. Bokmål until the content
/// says which languages to publish each document in.
const LANGUAGE: Lang = Lang::Nb;

/// Which indicator page of a quarter's status a chart belongs to.
type PageKey = (Quarter, GoalNumber, usize);

/// Draws the chart of every indicator page of every quarter.
fn draw_charts(l: &Labels, content: &Content) -> Result<BTreeMap<PageKey, Chart>, BuildError> {
    let pages: Vec<(PageKey, &crate::model::IndicatorPage)> = content
        .statuses
        .values()
        .flat_map(|s| {
            s.goals.values().flat_map(move |g| {
                g.pages
                    .iter()
                    .enumerate()
                    .map(move |(pi, p)| ((s.quarter, g.goal, pi), p))
            })
        })
        .collect();
    let drawn: Result<Vec<_>, chart::ChartError> = pages
        .par_iter()
        .map(|(key, page)| {
            let indicator = content
                .indicator(&page.indicator)
                .expect("validated reference");
            let name = names::page_chart(key.0, key.1, key.2);
            chart::draw(
                l,
                indicator,
                &page.measures,
                content.strategy.horizon,
                &name,
                &page.title,
            )
            .map(|c| c.map(|c| (*key, c)))
        })
        .collect();
    Ok(drawn?.into_iter().flatten().collect())
}

/// What a build produced.
#[derive(Debug)]
pub struct BuildReport {
    /// Files written, relative to the output folder.
    pub files: Vec<String>,
    /// What is worth a warning but did not stop the build: texts still to write in a draft.
    pub warnings: Vec<Diagnostic>,
    /// Stage timings.
    pub timings: Timings,
}

/// Renders and compiles the documents of the content into outputs, in memory: all of them,
/// or those `only` names (a document id from [`document::ids`]).
pub fn outputs(
    content_dir: &Path,
    content: &Content,
    only: Option<&str>,
    templates: &Templates,
    timings: &mut Timings,
    progress: bool,
) -> Result<Vec<Output>, BuildError> {
    let selected: Vec<Document> = document::documents(content)
        .into_iter()
        .filter(|d| only.is_none_or(|id| d.group().as_str() == id || d.id().as_str() == id))
        .collect();
    if let Some(id) = only
        && selected.is_empty()
    {
        return Err(BuildError::UnknownDocument {
            id: id.to_owned(),
            known: document::ids(content)
                .iter()
                .map(ToString::to_string)
                .collect(),
        });
    }
    let l = LANGUAGE.labels();
    let moves = timings.time("analyse", || analyse::initiatives::status_moves(content));
    let charts = timings.time("chart", || draw_charts(l, content))?;
    let renderer = Renderer::new(templates)?;
    let bar = if progress {
        ProgressBar::new(selected.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}").expect("valid template"),
    );
    bar.set_message("compiling");
    let start = Instant::now();
    let docs: Result<Vec<Vec<Output>>, BuildError> = selected
        .par_iter()
        .map(|doc| {
            let result = compile_document(content_dir, content, l, &renderer, &charts, &moves, doc);
            bar.inc(1);
            result
        })
        .collect();
    bar.finish_and_clear();
    timings.stages.push(("render+compile", start.elapsed()));
    let mut outputs: Vec<Output> = docs?.into_iter().flatten().collect();
    if only.is_none() {
        let pages = timings.time("indicator pages", || {
            indicator_pages(content_dir, content, l, &renderer)
        })?;
        outputs.extend(pages);
        outputs.push(index(content_dir, content, l, &renderer)?);
        outputs.extend(web_fonts());
    }
    Ok(outputs)
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

/// Renders one document's typst source and web page, compiles the PDF.
fn compile_document(
    content_dir: &Path,
    content: &Content,
    l: &Labels,
    renderer: &Renderer,
    charts: &BTreeMap<PageKey, Chart>,
    moves: &StatusMoves,
    doc: &Document,
) -> Result<Vec<Output>, BuildError> {
    let id: DocId = doc.id();
    let (source, html, files, date) = match *doc {
        Document::Deck(status) | Document::Report(status, _) => {
            let goal = match *doc {
                Document::Report(_, g) => Some(g),
                _ => None,
            };
            let lookup =
                |g: GoalNumber, page: usize| charts.get(&(status.quarter, g, page)).cloned();
            let view = document::status::status_view(
                l,
                content,
                status,
                goal,
                &lookup,
                moves,
                names::HOME_FROM_DOCUMENT,
            );
            let ctx = minijinja::Value::from(minijinja::value::Serde(&view));
            let template = if goal.is_some() {
                "report.typ"
            } else {
                "deck.typ"
            };
            let source =
                renderer.render(template, l, minijinja::context! { doc => ctx.clone() })?;
            let html = renderer.render(
                "status.html",
                l,
                minijinja::context! { doc => ctx, pdf => id.pdf_from_html() },
            )?;
            let files: Vec<(String, Vec<u8>)> = charts
                .range((status.quarter, GoalNumber::new(1).expect("goal 1"), 0)..)
                .take_while(|((q, _, _), _)| *q == status.quarter)
                .filter(|((_, g, _), _)| goal.is_none_or(|n| n == *g))
                .map(|(_, c)| (names::chart_in_typst(&c.name), c.svg.clone().into_bytes()))
                .collect();
            (source, html, files, status.date)
        }
        Document::Edition(edition) => {
            let view =
                document::edition::edition_view(l, content, edition, names::HOME_FROM_DOCUMENT);
            let ctx = minijinja::Value::from(minijinja::value::Serde(&view));
            let source = renderer.render(
                "indikatorer.typ",
                l,
                minijinja::context! { doc => ctx.clone() },
            )?;
            let html = renderer.render(
                "indikatorer.html",
                l,
                minijinja::context! { doc => ctx, pdf => id.pdf_from_html() },
            )?;
            (source, html, Vec::new(), edition.published)
        }
    };
    let inputs = relative(content_dir, doc.inputs(content));
    let world = DocumentWorld::new(
        id.as_str(),
        source,
        &renderer.templates().typst_modules(),
        files,
        typeset::typst_date(date),
    );
    let pdf = typeset::pdf(id.as_str(), &world, date);
    // comemo's memo cache grows with every document; keep only what recent ones used.
    typst::comemo::evict(10);
    Ok(vec![
        Output {
            path: id.pdf(),
            bytes: pdf?,
            inputs: inputs.clone(),
        },
        Output {
            path: id.html(),
            bytes: html.into_bytes(),
            inputs,
        },
    ])
}

/// The bundled fonts and their licence, for the HTML pages.
fn web_fonts() -> Vec<Output> {
    typeset::fonts::INTER_FILES
        .iter()
        .map(|(name, data)| (names::font(name), data.to_vec()))
        .chain(std::iter::once((
            names::font("OFL.txt"),
            typeset::fonts::LICENCE.as_bytes().to_vec(),
        )))
        .map(|(path, bytes)| Output {
            path,
            bytes,
            inputs: Vec::new(),
        })
        .collect()
}

/// One page per indicator, with its data and metadata to download.
fn indicator_pages(
    content_dir: &Path,
    content: &Content,
    l: &Labels,
    renderer: &Renderer,
) -> Result<Vec<Output>, BuildError> {
    use document::indicator as site;
    let pages: Result<Vec<Vec<Output>>, BuildError> = content
        .indicators
        .values()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|ind| {
            let charts = site::charts(l, content, ind)?;
            let view = site::indicator_view(l, content, ind, &charts);
            let html = renderer.render(
                "indicator.html",
                l,
                minijinja::context! {
                    ind => minijinja::Value::from(minijinja::value::Serde(&view)),
                    publisher => &content.strategy.publisher,
                },
            )?;
            let mut inputs = vec![ind.path.clone(), content.strategy_path.clone()];
            inputs.extend(content.source_paths.iter().cloned());
            inputs.extend(ind.measures.iter().filter_map(|m| m.values_file.clone()));
            let inputs = relative(content_dir, inputs);
            Ok(vec![
                Output {
                    path: names::indicator_html(&ind.id),
                    bytes: html.into_bytes(),
                    inputs: inputs.clone(),
                },
                Output {
                    path: names::indicator_csv(&ind.id),
                    bytes: site::data_csv(l, content, ind),
                    inputs: inputs.clone(),
                },
                Output {
                    path: names::indicator_metadata(&ind.id),
                    bytes: site::metadata_json(l, ind),
                    inputs,
                },
            ])
        })
        .collect();
    Ok(pages?.into_iter().flatten().collect())
}

/// The site's front page.
fn index(
    content_dir: &Path,
    content: &Content,
    l: &Labels,
    renderer: &Renderer,
) -> Result<Output, BuildError> {
    let view = document::index::index_view(l, content);
    let html = renderer.render("index.html", l, &view)?;
    Ok(Output {
        path: names::INDEX.into(),
        bytes: html.into_bytes(),
        inputs: relative(content_dir, content.files.clone()),
    })
}

/// Builds from `content_dir` into `out_dir` with `templates`: every document, or only the
/// one `only` names. Nothing is written unless every selected document was produced.
pub fn build(
    content_dir: &Path,
    out_dir: &Path,
    templates: &Templates,
    only: Option<&str>,
    progress: bool,
) -> Result<BuildReport, BuildError> {
    let mut timings = Timings::default();
    let content = load(content_dir, &mut timings)?;
    let outputs = outputs(
        content_dir,
        &content,
        only,
        templates,
        &mut timings,
        progress,
    )?;
    let merge = only.is_some();
    timings.time("write", || output::write_all(out_dir, &outputs, merge))?;
    let mut files: Vec<String> = outputs.into_iter().map(|o| o.path).collect();
    files.push(names::MANIFEST.into());
    Ok(BuildReport {
        files,
        warnings: validate::draft_warnings(&content),
        timings,
    })
}
