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
use crate::model::{Content, Status};
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
#[derive(Debug, Clone)]
struct Job<'a> {
    status: &'a Status,
    goal: Option<u8>,
}

impl Job<'_> {
    fn name(&self) -> String {
        match self.goal {
            None => format!("status-{}", self.status.slug()),
            Some(n) => format!("status-{}-mal-{n}", self.status.slug()),
        }
    }
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

/// Renders and compiles every document of the content into outputs, in memory.
pub fn outputs(
    content: &Content,
    timings: &mut Timings,
    progress: bool,
) -> Result<Vec<Output>, BuildError> {
    let charts = timings.time("chart", || draw_charts(content))?;
    let renderer = Renderer::new();
    let jobs: Vec<(usize, Job)> = content
        .statuses
        .iter()
        .enumerate()
        .flat_map(|(si, s)| {
            std::iter::once((
                si,
                Job {
                    status: s,
                    goal: None,
                },
            ))
            .chain(s.goals.iter().map(move |g| {
                (
                    si,
                    Job {
                        status: s,
                        goal: Some(g.goal),
                    },
                )
            }))
        })
        .collect();
    let bar = if progress {
        ProgressBar::new(jobs.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}").expect("valid template"),
    );
    bar.set_message("compiling");
    let start = std::time::Instant::now();
    let docs: Result<Vec<Vec<Output>>, BuildError> = jobs
        .par_iter()
        .map(|(si, job)| {
            let result = document(content, &renderer, &charts, *si, job);
            bar.inc(1);
            result
        })
        .collect();
    bar.finish_and_clear();
    timings.stages.push(("render+compile", start.elapsed()));
    let mut outputs: Vec<Output> = docs?.into_iter().flatten().collect();
    outputs.push(index(content, &renderer)?);
    Ok(outputs)
}

fn inputs_of(content: &Content, status: &Status) -> Vec<String> {
    let _ = status;
    content
        .files
        .iter()
        .map(|p| p.display().to_string())
        .collect()
}

fn document(
    content: &Content,
    renderer: &Renderer,
    charts: &BTreeMap<ChartKey, Chart>,
    si: usize,
    job: &Job,
) -> Result<Vec<Output>, BuildError> {
    let name = job.name();
    let lookup = |goal: u8, page: usize| charts.get(&(si, goal, page)).cloned();
    let view = view::status_view(content, job.status, job.goal, &lookup, "../index.html");
    let template = if job.goal.is_some() {
        "report.typ"
    } else {
        "deck.typ"
    };
    let source = renderer.render(
        template,
        minijinja::context! { doc => minijinja::Value::from(minijinja::value::Serde(&view)) },
    )?;
    let files: Vec<(String, Vec<u8>)> = view
        .goals
        .iter()
        .flat_map(|g| g.pages.iter())
        .filter_map(|p| p.chart.as_ref())
        .map(|c| (c.path.clone(), c_svg(charts, &c.path)))
        .collect();
    let world = DocumentWorld::new(&name, source, files, compile::typst_date(job.status.date));
    let pdf = compile::pdf(&name, &world, job.status.date);
    typst::comemo::evict(10);
    let pdf = pdf?;
    let html = renderer.render(
        "status.html",
        minijinja::context! { doc => minijinja::Value::from(minijinja::value::Serde(&view)), pdf => format!("../{name}.pdf") },
    )?;
    let inputs = inputs_of(content, job.status);
    Ok(vec![
        Output {
            path: format!("{name}.pdf"),
            bytes: pdf,
            inputs: inputs.clone(),
        },
        Output {
            path: format!("{name}/index.html"),
            bytes: html.into_bytes(),
            inputs,
        },
    ])
}

/// The raw SVG of a chart by its virtual path (the view holds the accessible HTML variant).
fn c_svg(charts: &BTreeMap<ChartKey, Chart>, path: &str) -> Vec<u8> {
    charts
        .values()
        .find(|c| path.ends_with(&c.name))
        .map(|c| c.svg.clone().into_bytes())
        .unwrap_or_default()
}

fn index(content: &Content, renderer: &Renderer) -> Result<Output, BuildError> {
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
    let html = renderer.render(
        "index.html",
        minijinja::context! {
            strategy => &content.strategy.title,
            vision => &content.strategy.vision,
            publisher => &content.strategy.publisher,
            statuses => minijinja::Value::from(minijinja::value::Serde(&statuses)),
            home => "index.html",
        },
    )?;
    Ok(Output {
        path: "index.html".into(),
        bytes: html.into_bytes(),
        inputs: content
            .files
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
    })
}

/// Builds everything from `content_dir` into `out_dir`. Nothing is written unless every
/// document was produced.
pub fn build(
    content_dir: &Path,
    out_dir: &Path,
    progress: bool,
) -> Result<BuildReport, BuildError> {
    let mut timings = Timings::default();
    let content = load(content_dir, &mut timings)?;
    let outputs = outputs(&content, &mut timings, progress)?;
    timings.time("write", || write::write_all(out_dir, &outputs))?;
    let mut files: Vec<String> = outputs.into_iter().map(|o| o.path).collect();
    files.push("manifest.json".into());
    Ok(BuildReport { files, timings })
}

/// The output folder when none is given.
pub fn default_out() -> PathBuf {
    PathBuf::from("out")
}
