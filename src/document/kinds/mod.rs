//! Every kind of output, each in one file that says what it is: a [`Document`] (the
//! quarter's deck, each goal's report, the annual edition: a PDF with its web page), an
//! [`IndicatorPage`] of the site, an indicator's [`IndicatorData`] to download, the
//! [`FrontPage`], the [`WebFonts`], and with the site's address the [`Sitemap`], [`Robots`]
//! and the open data's [`Catalog`].
//!
//! A kind decides its id (what `build --only` selects and `list` shows), the languages it is
//! published in, the files `list` names, and [`Kind::plan`]: its outputs, each with the
//! template or bytes it is made of and the recipe of its key, and the content files they are
//! made from. The build ([`crate::pipeline`]) makes what a plan says, or finds it up to date,
//! for every kind alike; adding a kind of output is adding one implementation to [`kinds`].

mod catalog;
mod data;
mod documents;
mod fonts;
mod front_page;
mod indicator_page;
mod indicator_set;
mod roadmap_page;
mod sitemap;
mod sub_goal_page;

use std::borrow::Cow;
use std::path::PathBuf;

use serde::Serialize;

pub use catalog::Catalog;
pub use data::IndicatorData;
pub use fonts::WebFonts;
pub use front_page::FrontPage;
pub use indicator_page::IndicatorPage;
pub use indicator_set::IndicatorSet;
pub use roadmap_page::RoadmapPage;
pub use sitemap::{Robots, Sitemap};
pub use sub_goal_page::SubGoalPage;

use super::names::{self, DocId, LangDir};
use crate::analyse::Analysis;
use crate::chart::pages::Charts;
use crate::labels::{Labels, Lang};
use crate::model::{Content, Languages, Publication};

/// What a kind's plan reads: the content in the language being built, and where that
/// language's outputs lie.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The words of the language.
    pub labels: &'a Labels,
    /// The content, its texts in the language.
    pub content: &'a Content,
    /// The analysis, computed once.
    pub analysis: &'a Analysis,
    /// The charts drawn for the language (the chart stage's), by id.
    pub charts: &'a Charts,
    /// Where the language's outputs lie.
    pub dir: LangDir,
    /// Which languages each publication is in.
    pub languages: &'a Languages,
}

/// One part of an output's key, in the order the key is made of them.
#[derive(Debug, Clone)]
pub enum KeyPart {
    /// The words of the language.
    Labels,
    /// A template and every template it reads.
    Templates(&'static str),
    /// The fonts' identity.
    Fonts,
    /// Named bytes: a view, a file typst reads, an id.
    Part(Cow<'static, str>, Vec<u8>),
}

/// What an output is made of.
pub enum Make {
    /// A PDF: a typst template filled with a view and compiled.
    Pdf(PdfSource),
    /// A web page: an HTML template filled with a context.
    Html {
        /// The template.
        template: &'static str,
        /// What it is filled with.
        context: minijinja::Value,
    },
    /// Bytes as they are.
    Bytes(Cow<'static, [u8]>),
}

/// What typst compiles into a document's PDF.
pub struct PdfSource {
    /// The document, which names its kept source.
    pub id: DocId,
    /// The typst template.
    pub template: &'static str,
    /// The view it is filled with (as `doc`).
    pub view: minijinja::Value,
    /// The files its source reads (charts), by their name in the source.
    pub files: Vec<(String, Vec<u8>)>,
    /// Its date, which is also the PDF's creation date.
    pub date: time::Date,
}

/// One output of a kind.
pub struct Output {
    /// Its name relative to its language's folder.
    pub name: String,
    /// The kind of key (`pdf`, `html`, `csv`…) and its parts.
    pub key: (&'static str, Vec<KeyPart>),
    /// What it is made of.
    pub make: Make,
}

/// A kind's outputs, and the content files they are made from.
pub struct Planned {
    /// The outputs.
    pub outputs: Vec<Output>,
    /// The content files they are made from.
    pub inputs: Vec<PathBuf>,
}

/// A kind of output.
pub trait Kind: Sync {
    /// The id `build --only` selects it by; `None` (the default) for the site's pages and
    /// files, which a build of one document leaves as they are.
    fn id(&self) -> Option<DocId> {
        None
    }

    /// The id of the group `build --only` also selects it by (a quarter's deck, for each of
    /// its reports).
    fn group(&self) -> Option<DocId> {
        self.id()
    }

    /// What it is published as, which says the languages it is made in: the site's, unless
    /// it says otherwise.
    fn publication(&self) -> Publication {
        Publication::Site
    }

    /// Made once, in the main language's folder, whatever the languages (the web fonts).
    fn once(&self) -> bool {
        false
    }

    /// Whether it makes a PDF; every other kind (the default) belongs to the web site alone.
    fn makes_pdf(&self) -> bool {
        false
    }

    /// The files `list` names for it, relative to the main language's folder.
    fn files(&self) -> Vec<String>;

    /// Its outputs and what they are made from.
    fn plan(&self, cx: &Context<'_>) -> Planned;
}

/// Every output of the content, kind by kind: each quarter's deck and reports, each edition,
/// then the site: each indicator's page and data, the front page and the fonts.
pub fn kinds(content: &Content) -> Vec<Box<dyn Kind + '_>> {
    let mut all: Vec<Box<dyn Kind + '_>> = Vec::new();
    all.extend(
        super::documents(content)
            .into_iter()
            .map(|d| Box::new(d) as Box<dyn Kind>),
    );
    for ind in content.indicators.values() {
        all.push(Box::new(IndicatorPage(ind)));
        all.push(Box::new(IndicatorData(ind)));
    }
    all.push(Box::new(IndicatorSet));
    all.push(Box::new(FrontPage));
    if super::roadmap_page::has_roadmap(content) {
        all.push(Box::new(RoadmapPage));
        for i in content.initiatives.values() {
            all.push(Box::new(SubGoalPage(i)));
        }
    }
    all.push(Box::new(WebFonts));
    if content.strategy.base_url.is_some() {
        all.push(Box::new(Sitemap));
        all.push(Box::new(Robots));
        all.push(Box::new(Catalog));
    }
    all
}

/// The languages a kind is made in: its publication's, or the main language alone for one
/// made once.
pub fn languages_of<'l>(kind: &dyn Kind, languages: &'l Languages) -> &'l [Lang] {
    if kind.once() {
        std::slice::from_ref(&languages.main)
    } else {
        languages.of(kind.publication())
    }
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
pub struct PageLanguages {
    #[serde(skip_serializing_if = "Option::is_none")]
    alternates: Option<Vec<Alternate>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assets_root: Option<String>,
    /// The page's full address, when the site's address is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    canonical: Option<String>,
}

impl PageLanguages {
    /// What the page `name` (relative to its language's folder) of a `publication` needs to
    /// point at its other languages.
    pub fn new(cx: &Context<'_>, publication: Publication, name: &str) -> PageLanguages {
        let here = cx.dir.path(name);
        let langs = cx.languages.of(publication);
        let alternates = (langs.len() > 1).then(|| {
            langs
                .iter()
                .map(|&l| Alternate {
                    code: l.code(),
                    name: l.labels().language_name,
                    href: names::href(&here, &LangDir::new(l, cx.languages.main).path(name)),
                    current: l == cx.dir.lang,
                })
                .collect()
        });
        PageLanguages {
            alternates,
            assets_root: (!cx.dir.main).then(|| names::href(&here, "")),
            canonical: cx.content.strategy.base_url.as_ref().map(|u| u.join(&here)),
        }
    }

    /// As a template context to spread into another.
    pub fn value(&self) -> minijinja::Value {
        minijinja::Value::from(minijinja::value::Serde(self))
    }

    /// Its part of a page's key, unless it is empty.
    pub fn key(&self) -> Option<KeyPart> {
        if self.alternates.is_none() && self.assets_root.is_none() && self.canonical.is_none() {
            return None;
        }
        Some(KeyPart::Part(
            "languages".into(),
            serde_json::to_vec(self).expect("languages serialize"),
        ))
    }
}

/// A file made of `bytes` as they are, keyed by its kind and its bytes (all it is made of).
pub fn bytes_file(name: String, kind: &'static str, bytes: Vec<u8>) -> Output {
    Output {
        name,
        key: (kind, vec![KeyPart::Part("bytes".into(), bytes.clone())]),
        make: Make::Bytes(bytes.into()),
    }
}

/// The fixed anchors every web page's template receives as `anchors`.
pub fn anchors() -> minijinja::Value {
    minijinja::Value::from(minijinja::value::Serde(names::ANCHORS))
}

/// A page of the site made from one view by `template`, with the strategy's publisher in its
/// footer: its key (the labels, the templates, the view, the publisher, its languages), its
/// context (the view's fields at the top, or under `nest`), and the files `reader` read.
pub fn site_page(
    cx: &Context<'_>,
    publication: Publication,
    name: String,
    template: &'static str,
    reader: &super::reader::Reader<'_>,
    view: &impl Serialize,
    nest: Option<&'static str>,
) -> Planned {
    let (view, view_json) = view_value(view);
    let publisher = reader.strategy().publisher.clone();
    let page = PageLanguages::new(cx, publication, &name);
    let key = page_key(
        template,
        Vec::new(),
        view_json,
        vec![KeyPart::Part(
            "publisher".into(),
            publisher.clone().into_bytes(),
        )],
        &page,
    );
    let view = match nest {
        Some(field) => minijinja::Value::from_pairs([(field, view)]),
        None => view,
    };
    let context = minijinja::context! {
        publisher => publisher,
        anchors => anchors(),
        ..minijinja::context! { ..view, ..page.value() }
    };
    Planned {
        outputs: vec![Output {
            name,
            key,
            make: Make::Html { template, context },
        }],
        inputs: reader.inputs(),
    }
}

/// A view as a template value, and as the bytes its key is made of.
pub fn view_value(view: &impl Serialize) -> (minijinja::Value, Vec<u8>) {
    (
        minijinja::Value::from(minijinja::value::Serde(view)),
        serde_json::to_vec(view).expect("views serialize"),
    )
}

/// The key parts of a web page from `template`: the labels, `before`, the templates, the view
/// and `after`, then its languages when it has several.
pub fn page_key(
    template: &'static str,
    before: Vec<KeyPart>,
    view: Vec<u8>,
    after: Vec<KeyPart>,
    languages: &PageLanguages,
) -> (&'static str, Vec<KeyPart>) {
    let mut parts = vec![KeyPart::Labels];
    parts.extend(before);
    parts.push(KeyPart::Templates(template));
    parts.push(KeyPart::Part("view".into(), view));
    parts.extend(after);
    parts.extend(languages.key());
    ("html", parts)
}
