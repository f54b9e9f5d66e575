//! A document: the quarter's deck, a goal's report or an edition of the annual document, each
//! a PDF and its web page, made from one view. Published in the status's or the edition's
//! languages; selected by its id, and a report also by its quarter's deck.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::{Context, KeyPart, Kind, Make, Output, PageLanguages, PdfSource, Planned};
use super::{anchors, page_key, view_value};
use crate::chart::pages;
use crate::chart::{Chart, ChartId};
use crate::document::names::{self, DocId};
use crate::document::reader::Reader;
use crate::document::{Document, edition, status};
use crate::model::Publication;

impl Kind for Document<'_> {
    fn id(&self) -> Option<DocId> {
        Some(Document::id(self))
    }

    fn group(&self) -> Option<DocId> {
        Some(Document::group(self))
    }

    fn publication(&self) -> Publication {
        match self {
            Document::Deck(_) | Document::Report(..) => Publication::Status,
            Document::Edition(_) => Publication::Edition,
        }
    }

    fn makes_pdf(&self) -> bool {
        true
    }

    fn files(&self) -> Vec<String> {
        let id = Document::id(self);
        vec![id.pdf(), id.html()]
    }

    fn plan(&self, cx: &Context<'_>) -> Planned {
        let id = Document::id(self);
        let reader = Reader::new(cx.content);
        let (view, view_json, typst, html, files, date) = match *self {
            Document::Deck(s) | Document::Report(s, _) => {
                let goal = match *self {
                    Document::Report(_, g) => Some(g),
                    _ => None,
                };
                let charts: BTreeMap<ChartId, Chart> =
                    pages::of_status(cx.charts, cx.content, s, goal)
                        .into_iter()
                        .filter_map(|id| Some((id.clone(), cx.charts.get(&id)?.clone())))
                        .collect();
                let view = status::status_view(
                    cx.labels,
                    &reader,
                    cx.analysis,
                    s,
                    goal,
                    &charts,
                    names::HOME_FROM_DOCUMENT,
                );
                let files = charts
                    .into_values()
                    .map(|c| (names::chart_in_typst(&c.id), c.svg.into_bytes()))
                    .collect();
                let typst = if goal.is_some() {
                    "report.typ"
                } else {
                    "deck.typ"
                };
                let (value, json) = view_value(&view);
                (value, json, typst, "status.html", files, s.date)
            }
            Document::Edition(e) => {
                let view = edition::edition_view(cx.labels, &reader, e, names::HOME_FROM_DOCUMENT);
                let (value, json) = view_value(&view);
                (
                    value,
                    json,
                    "indikatorer.typ",
                    "indikatorer.html",
                    Vec::new(),
                    e.published,
                )
            }
        };
        let mut pdf_key = vec![
            KeyPart::Labels,
            KeyPart::Part("id".into(), id.as_str().as_bytes().to_vec()),
            KeyPart::Part("date".into(), date.to_string().into_bytes()),
            KeyPart::Templates(typst),
            KeyPart::Part("view".into(), view_json.clone()),
            KeyPart::Fonts,
        ];
        pdf_key.extend(files.iter().map(|(name, bytes): &(String, Vec<u8>)| {
            KeyPart::Part(Cow::Owned(name.clone()), bytes.clone())
        }));
        let page = PageLanguages::new(cx, self.publication(), &id.html());
        let html_key = page_key(
            html,
            vec![KeyPart::Part("pdf".into(), id.pdf_from_html().into_bytes())],
            view_json,
            Vec::new(),
            &page,
        );
        let context = minijinja::context! {
            doc => view.clone(),
            pdf => id.pdf_from_html(),
            anchors => anchors(),
            ..page.value()
        };
        Planned {
            outputs: vec![
                Output {
                    name: id.pdf(),
                    key: ("pdf", pdf_key),
                    make: Make::Pdf(PdfSource {
                        id: id.clone(),
                        template: typst,
                        view,
                        files,
                        date,
                    }),
                },
                Output {
                    name: id.html(),
                    key: html_key,
                    make: Make::Html {
                        template: html,
                        context,
                    },
                },
            ],
            inputs: reader.inputs(),
        }
    }
}
