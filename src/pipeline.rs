//! The pipeline: runs the stages in order — discover, parse, validate, chart, render,
//! compile, write — and times each. Work fans out with rayon over immutable data only.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use crate::chart::{self, Chart};
use crate::compile;
use crate::diagnostics::{Diagnostic, SourceTexts};
use crate::model::{Content, Edition, Status};
use crate::render::Renderer;
use crate::view;
use crate::world::DocumentWorld;
use crate::write::{self, Output};
use crate::{discover, parse, validate};

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
    /// A document did not compile.
    #[error(transparent)]
    Compile(#[from] compile::CompileError),
    /// Output could not be written.
    #[error(transparent)]
    Write(#[from] write::WriteError),
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
    fn time<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let t = f();
        self.stages.push((name, start.elapsed()));
        t
    }
}

/// Reads and validates the content folder.
pub fn load(content_dir: &Path, timings: &mut Timings) -> Result<Content, BuildError> {
    let (files, mut problems) = timings.time("discover", || discover::discover(content_dir));
    let mut texts = SourceTexts::default();
    let (raw, parse_problems) = timings.time("parse", || parse::parse(&files, &mut texts));
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

/// One document to produce.
#[derive(Debug, Clone, Copy)]
enum Job<'a> {
    /// A quarterly status: the deck (`goal: None`) or one goal's report.
    Status {
        index: usize,
        status: &'a Status,
        goal: Option<u8>,
    },
    /// An edition of the annual indicator document.
    Edition(&'a Edition),
}

impl Job<'_> {
    fn name(&self) -> String {
        match self {
            Job::Status {
                status, goal: None, ..
            } => format!("status-{}", status.slug()),
            Job::Status {
                status,
                goal: Some(n),
                ..
            } => format!("status-{}-mal-{n}", status.slug()),
            Job::Edition(e) => e.slug(),
        }
    }

    /// The id `--only` selects it by: a status's deck and reports share the deck's name.
    fn group(&self) -> String {
        match self {
            Job::Status { status, .. } => format!("status-{}", status.slug()),
            Job::Edition(e) => e.slug(),
        }
    }
}

fn jobs(content: &Content) -> Vec<Job<'_>> {
    let mut jobs = Vec::new();
    for (index, status) in content.statuses.iter().enumerate() {
        jobs.push(Job::Status {
            index,
            status,
            goal: None,
        });
        for g in &status.goals {
            jobs.push(Job::Status {
                index,
                status,
                goal: Some(g.goal),
            });
        }
    }
    jobs.extend(content.editions.iter().map(Job::Edition));
    jobs
}

/// The ids `build --only` accepts for this content.
pub fn document_ids(content: &Content) -> Vec<String> {
    let mut ids: Vec<String> = jobs(content)
        .iter()
        .flat_map(|j| [j.group(), j.name()])
        .collect();
    ids.dedup();
    ids
}

#[derive(Serialize)]
struct IndexGoal {
    number: u8,
    title: String,
    dir: String,
    pdf: String,
}

#[derive(Serialize)]
struct IndexStatus {
    slug: String,
    slug_dir: String,
    title: String,
    date: String,
    pdf: String,
    goals: Vec<IndexGoal>,
}

#[derive(Serialize)]
struct IndexEdition {
    slug: String,
    title: String,
    year: i32,
    date: String,
}

type ChartKey = (usize, u8, usize);

fn draw_charts(content: &Content) -> Result<BTreeMap<ChartKey, Chart>, BuildError> {
    let pages: Vec<(ChartKey, &crate::model::IndicatorPage)> = content
        .statuses
        .iter()
        .enumerate()
        .flat_map(|(si, s)| {
            s.goals.iter().flat_map(move |g| {
                g.pages
                    .iter()
                    .enumerate()
                    .map(move |(pi, p)| ((si, g.goal, pi), p))
            })
        })
        .collect();
    let drawn: Result<Vec<_>, chart::ChartError> = pages
        .par_iter()
        .map(|(key, page)| {
            let indicator = content
                .indicator(&page.indicator)
                .expect("validated reference");
            let name = format!(
                "{}-mal-{}-{}.svg",
                content.statuses[key.0].slug(),
                key.1,
                key.2
            );
            chart::draw(
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
    /// Stage timings.
    pub timings: Timings,
}

/// Renders and compiles the documents of the content into outputs, in memory: all of them,
/// or those `only` names (a document id from [`document_ids`]).
pub fn outputs(
    content: &Content,
    only: Option<&str>,
    timings: &mut Timings,
    progress: bool,
) -> Result<Vec<Output>, BuildError> {
    let selected: Vec<Job> = jobs(content)
        .into_iter()
        .filter(|j| only.is_none_or(|id| j.group() == id || j.name() == id))
        .collect();
    if let Some(id) = only
        && selected.is_empty()
    {
        return Err(BuildError::UnknownDocument {
            id: id.to_owned(),
            known: document_ids(content),
        });
    }
    let charts = timings.time("chart", || draw_charts(content))?;
    let renderer = Renderer::new();
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
        .map(|job| {
            let result = document(content, &renderer, &charts, job);
            bar.inc(1);
            result
        })
        .collect();
    bar.finish_and_clear();
    timings.stages.push(("render+compile", start.elapsed()));
    let mut outputs: Vec<Output> = docs?.into_iter().flatten().collect();
    if only.is_none() {
        let pages = timings.time("indicator pages", || indicator_pages(content, &renderer))?;
        outputs.extend(pages);
        outputs.push(index(content, &renderer)?);
        outputs.extend(web_fonts());
    }
    Ok(outputs)
}

fn display(paths: impl IntoIterator<Item = PathBuf>) -> Vec<String> {
    let mut v: Vec<String> = paths.into_iter().map(|p| p.display().to_string()).collect();
    v.sort();
    v.dedup();
    v
}

/// The content files a status document is made from.
fn status_inputs(content: &Content, status: &Status, goal: Option<u8>) -> Vec<String> {
    let mut paths = vec![content.strategy_path.clone(), status.path.clone()];
    paths.extend(content.source_paths.iter().cloned());
    for g in status
        .goals
        .iter()
        .filter(|g| goal.is_none_or(|n| n == g.goal))
    {
        paths.extend(content.goal(g.goal).map(|x| x.path.clone()));
        for p in &g.pages {
            paths.extend(content.indicator(&p.indicator).map(|i| i.path.clone()));
        }
        for s in &g.selected {
            match &s.reference {
                crate::model::SelectedRef::Initiative(id) => {
                    paths.extend(content.initiative(id).map(|i| i.path.clone()))
                }
                crate::model::SelectedRef::Indicator(id) => {
                    paths.extend(content.indicator(id).map(|i| i.path.clone()))
                }
                crate::model::SelectedRef::None => {}
            }
        }
    }
    display(paths)
}

/// The content files an edition is made from.
fn edition_inputs(content: &Content, edition: &Edition) -> Vec<String> {
    let mut paths = vec![content.strategy_path.clone(), edition.path.clone()];
    paths.extend(content.source_paths.iter().cloned());
    for g in &edition.goals {
        paths.extend(content.goal(g.goal).map(|x| x.path.clone()));
        paths.extend(
            g.indicators
                .iter()
                .filter_map(|r| content.indicator(&r.id))
                .map(|i| i.path.clone()),
        );
    }
    display(paths)
}

fn document(
    content: &Content,
    renderer: &Renderer,
    charts: &BTreeMap<ChartKey, Chart>,
    job: &Job,
) -> Result<Vec<Output>, BuildError> {
    let name = job.name();
    let (source, html, files, date, inputs) = match *job {
        Job::Status {
            index,
            status,
            goal,
        } => {
            let lookup = |g: u8, page: usize| charts.get(&(index, g, page)).cloned();
            let view = view::status_view(content, status, goal, &lookup, "../index.html");
            let ctx = minijinja::Value::from(minijinja::value::Serde(&view));
            let template = if goal.is_some() {
                "report.typ"
            } else {
                "deck.typ"
            };
            let source = renderer.render(template, minijinja::context! { doc => ctx.clone() })?;
            let html = renderer.render(
                "status.html",
                minijinja::context! { doc => ctx, pdf => format!("../{name}.pdf") },
            )?;
            let files: Vec<(String, Vec<u8>)> = charts
                .iter()
                .filter(|((si, g, _), _)| *si == index && goal.is_none_or(|n| n == *g))
                .map(|(_, c)| (format!("/charts/{}", c.name), c.svg.clone().into_bytes()))
                .collect();
            (
                source,
                html,
                files,
                status.date,
                status_inputs(content, status, goal),
            )
        }
        Job::Edition(edition) => {
            let view = view::edition_view(content, edition, "../index.html");
            let ctx = minijinja::Value::from(minijinja::value::Serde(&view));
            let source = renderer.render(
                "indikatorer.typ",
                minijinja::context! { doc => ctx.clone() },
            )?;
            let html = renderer.render(
                "indikatorer.html",
                minijinja::context! { doc => ctx, pdf => format!("../{name}.pdf") },
            )?;
            (
                source,
                html,
                Vec::new(),
                edition.published,
                edition_inputs(content, edition),
            )
        }
    };
    let world = DocumentWorld::new(&name, source, files, compile::typst_date(date));
    let pdf = compile::pdf(&name, &world, date);
    // comemo's memo cache grows with every document; keep only what recent ones used.
    typst::comemo::evict(10);
    Ok(vec![
        Output {
            path: format!("{name}.pdf"),
            bytes: pdf?,
            inputs: inputs.clone(),
        },
        Output {
            path: format!("{name}/index.html"),
            bytes: html.into_bytes(),
            inputs,
        },
    ])
}

/// The bundled fonts and their licence, for the HTML pages.
fn web_fonts() -> Vec<Output> {
    crate::fonts::INTER_FILES
        .iter()
        .map(|(name, data)| (format!("assets/fonts/{name}"), data.to_vec()))
        .chain(std::iter::once((
            "assets/fonts/OFL.txt".to_owned(),
            crate::fonts::LICENCE.as_bytes().to_vec(),
        )))
        .map(|(path, bytes)| Output {
            path,
            bytes,
            inputs: Vec::new(),
        })
        .collect()
}

/// One page per indicator, with its data and metadata to download.
fn indicator_pages(content: &Content, renderer: &Renderer) -> Result<Vec<Output>, BuildError> {
    let pages: Result<Vec<Vec<Output>>, BuildError> = content
        .indicators
        .par_iter()
        .map(|ind| {
            let charts = crate::site::charts(content, ind)?;
            let view = crate::site::indicator_view(content, ind, &charts);
            let html = renderer.render(
                "indicator.html",
                minijinja::context! {
                    ind => minijinja::Value::from(minijinja::value::Serde(&view)),
                    publisher => &content.strategy.publisher,
                },
            )?;
            let dir = crate::site::indicator_dir(&ind.id);
            let mut inputs = vec![ind.path.clone(), content.strategy_path.clone()];
            inputs.extend(content.source_paths.iter().cloned());
            inputs.extend(ind.measures.iter().filter_map(|m| m.values_file.clone()));
            let inputs = display(inputs);
            Ok(vec![
                Output {
                    path: format!("{dir}/index.html"),
                    bytes: html.into_bytes(),
                    inputs: inputs.clone(),
                },
                Output {
                    path: format!("{dir}/data.csv"),
                    bytes: crate::site::data_csv(content, ind),
                    inputs: inputs.clone(),
                },
                Output {
                    path: format!("{dir}/metadata.json"),
                    bytes: crate::site::metadata_json(ind),
                    inputs,
                },
            ])
        })
        .collect();
    Ok(pages?.into_iter().flatten().collect())
}

#[derive(Serialize)]
struct IndexIndicator {
    id: String,
    name: String,
    href: String,
}

#[derive(Serialize)]
struct IndexGoalIndicators {
    number: u8,
    title: String,
    indicators: Vec<IndexIndicator>,
}

fn index(content: &Content, renderer: &Renderer) -> Result<Output, BuildError> {
    let by_goal: Vec<IndexGoalIndicators> = content
        .goals
        .iter()
        .map(|g| IndexGoalIndicators {
            number: g.number,
            title: g.title.clone(),
            indicators: content
                .indicators
                .iter()
                .filter(|i| i.goal == g.number)
                .map(|i| IndexIndicator {
                    id: i.id.clone(),
                    name: i.name.clone(),
                    href: format!("{}/index.html", crate::site::indicator_dir(&i.id)),
                })
                .collect(),
        })
        .collect();
    let statuses: Vec<IndexStatus> = content
        .statuses
        .iter()
        .rev()
        .map(|s| {
            let slug = format!("status-{}", s.slug());
            IndexStatus {
                slug: slug.clone(),
                slug_dir: slug.clone(),
                title: s.title.clone(),
                date: crate::norsk::date(s.date),
                pdf: format!("{slug}.pdf"),
                goals: s
                    .goals
                    .iter()
                    .filter_map(|g| content.goal(g.goal))
                    .map(|g| IndexGoal {
                        number: g.number,
                        title: g.title.clone(),
                        dir: format!("{slug}-mal-{}", g.number),
                        pdf: format!("{slug}-mal-{}.pdf", g.number),
                    })
                    .collect(),
            }
        })
        .collect();
    let editions: Vec<IndexEdition> = content
        .editions
        .iter()
        .rev()
        .map(|e| IndexEdition {
            slug: e.slug(),
            title: e.title.clone(),
            year: e.year,
            date: crate::norsk::date(e.published),
        })
        .collect();
    let html = renderer.render(
        "index.html",
        minijinja::context! {
            strategy => &content.strategy.title,
            vision => &content.strategy.vision,
            publisher => &content.strategy.publisher,
            statuses => minijinja::Value::from(minijinja::value::Serde(&statuses)),
            editions => minijinja::Value::from(minijinja::value::Serde(&editions)),
            indicators => minijinja::Value::from(minijinja::value::Serde(&by_goal)),
            home => "index.html",
        },
    )?;
    let inputs = content.files.clone();
    Ok(Output {
        path: "index.html".into(),
        bytes: html.into_bytes(),
        inputs: display(inputs),
    })
}

/// Builds from `content_dir` into `out_dir`: every document, or only the one `only` names.
/// Nothing is written unless every selected document was produced.
pub fn build(
    content_dir: &Path,
    out_dir: &Path,
    only: Option<&str>,
    progress: bool,
) -> Result<BuildReport, BuildError> {
    let mut timings = Timings::default();
    let content = load(content_dir, &mut timings)?;
    let outputs = outputs(&content, only, &mut timings, progress)?;
    let merge = only.is_some();
    timings.time("write", || write::write_all(out_dir, &outputs, merge))?;
    let mut files: Vec<String> = outputs.into_iter().map(|o| o.path).collect();
    files.push("manifest.json".into());
    Ok(BuildReport { files, timings })
}
