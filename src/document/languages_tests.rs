//! Every template in every language: the bundled content's views rendered with the labels of
//! bokmål, nynorsk and English. Templates treat an undefined value as an error, so a label
//! missing or misspelled in any language fails here; the nynorsk and English outputs carry
//! their own words and number forms, and a nynorsk report compiles to a PDF in nynorsk.

use crate::document::reader::Reader;
use minijinja::{Value, context};

use crate::analyse::analyse;
use crate::chart::pages::status_charts;
use crate::document::{edition, index, indicator, names, status};
use crate::labels::Lang;
use crate::model::Content;
use crate::render::{Renderer, Templates};
use crate::testing::{bundled, copy_tree, load_content, root};
use crate::typeset;

fn value<T: serde::Serialize>(v: &T) -> Value {
    Value::from(minijinja::value::Serde(v))
}

/// White space, no-break spaces too, folded to single spaces.
fn norm(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The valid base fixture with two quarters that give sub-goal 1A a status: `på plan`, then
/// `forsinket`, so the status, its movement and the scale are printed.
fn content_with_initiative_statuses(dir: &std::path::Path) -> Content {
    let content = dir.join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    let q2 = content.join("status/2026-q2.yaml");
    let text = std::fs::read_to_string(&q2).unwrap();
    let with_status = |text: &str, status: &str| {
        text.replace(
            "      - initiative: 1A\n",
            &format!("      - initiative: 1A\n        status: {status}\n"),
        )
    };
    let q1 = with_status(&text, "på plan")
        .replace("quarter: 2026-Q2", "quarter: 2026-Q1")
        .replace("Teststatus Q2 2026", "Teststatus Q1 2026");
    std::fs::write(content.join("status/2026-q1.yaml"), q1).unwrap();
    std::fs::write(&q2, with_status(&text, "forsinket")).unwrap();
    load_content(&content)
}

/// Every output of the content in one language: (template, rendered text).
fn render_all(content: &Content, lang: Lang) -> Vec<(String, String)> {
    let l = lang.labels();
    let renderer = Renderer::new(&Templates::builtin()).unwrap();
    let analysis = analyse(content);
    let mut out = Vec::new();
    let mut render = |template: &str, ctx: Value| {
        let text = renderer
            .render(template, l, ctx)
            .unwrap_or_else(|e| panic!("{template} in {}: {e:#}", lang.code()));
        out.push((template.to_owned(), text));
    };
    for s in content.statuses.values() {
        let charts = status_charts(l, content, &analysis, s).unwrap();
        let goals = std::iter::once(None).chain(s.goals.keys().map(|g| Some(*g)));
        for goal in goals {
            let home = names::HOME_FROM_DOCUMENT;
            let view =
                status::status_view(l, &Reader::new(content), &analysis, s, goal, &charts, home);
            let doc = value(&view);
            let typ = if goal.is_some() {
                "report.typ"
            } else {
                "deck.typ"
            };
            render(typ, context! { doc => doc.clone() });
            render(
                "status.html",
                context! { doc, pdf => "x.pdf", anchors => value(&names::ANCHORS) },
            );
        }
    }
    for e in content.editions.values() {
        let view = edition::edition_view(l, &Reader::new(content), e, names::HOME_FROM_DOCUMENT);
        let doc = value(&view);
        render("indikatorer.typ", context! { doc => doc.clone() });
        render(
            "indikatorer.html",
            context! { doc, pdf => "x.pdf", anchors => value(&names::ANCHORS) },
        );
    }
    for ind in content.indicators.values() {
        let charts = crate::chart::pages::indicator_charts(l, content, &analysis, ind).unwrap();
        let view = indicator::indicator_view(l, &Reader::new(content), &analysis, ind, &charts);
        let ind = value(&view);
        render(
            "indicator.html",
            context! { ind, publisher => "P", anchors => value(&names::ANCHORS) },
        );
    }
    let index = value(&index::index_view(
        l,
        content,
        &crate::analyse::analyse(content),
        &Default::default(),
    ));
    render(
        "index.html",
        context! { anchors => value(&names::ANCHORS), ..index },
    );
    out
}

#[test]
fn every_template_renders_in_every_language() {
    let content = bundled();
    for lang in Lang::ALL {
        let outputs = render_all(content, lang);
        for template in [
            "deck.typ",
            "report.typ",
            "status.html",
            "indikatorer.typ",
            "indikatorer.html",
            "indicator.html",
            "index.html",
        ] {
            assert!(
                outputs.iter().any(|(t, _)| t == template),
                "{template} was not rendered in {}",
                lang.code()
            );
        }
    }
}

fn joined(outputs: &[(String, String)], template: &str) -> String {
    outputs
        .iter()
        .filter(|(t, _)| t == template)
        .map(|(_, text)| text.replace('\u{a0}', " "))
        .collect()
}

#[test]
fn initiative_statuses_in_every_language() {
    let tmp = tempfile::tempdir().unwrap();
    let content = content_with_initiative_statuses(tmp.path());
    let expected = [
        (
            Lang::Nb,
            "forsinket (↓ verre; forrige: på plan i 1. kvartal 2026)",
        ),
        (
            Lang::Nn,
            "forseinka (↓ verre; førre: på plan i 1. kvartal 2026)",
        ),
        (
            Lang::En,
            "delayed (↓ worse; previous: on schedule in Q1 2026)",
        ),
    ];
    for (lang, status) in expected {
        let outputs = render_all(&content, lang);
        let html = norm(
            &joined(&outputs, "status.html")
                .replace("<strong class=\"status worse\">", "")
                .replace("</strong>", ""),
        );
        assert!(html.contains(status), "{}: {html}", lang.code());
        let scale = lang.labels().status_scale;
        assert!(
            joined(&outputs, "report.typ").contains(scale),
            "{}",
            lang.code()
        );
        assert!(
            joined(&outputs, "deck.typ").contains(scale),
            "{}",
            lang.code()
        );
    }
}

#[test]
fn each_language_has_its_own_words_and_numbers() {
    let content = bundled();
    let nb = render_all(content, Lang::Nb);
    let nn = render_all(content, Lang::Nn);
    let en = render_all(content, Lang::En);

    assert!(joined(&nb, "deck.typ").contains("\"Overordnet status\""));
    assert!(joined(&nn, "deck.typ").contains("\"Overordna status\""));
    assert!(joined(&en, "deck.typ").contains("\"Overall status\""));
    assert!(joined(&nn, "deck.typ").contains("lang: \"nn\""));
    assert!(joined(&nn, "status.html").contains("<html lang=\"nn\">"));

    assert!(joined(&nb, "status.html").contains("2. kvartal 2026"));
    assert!(joined(&nn, "status.html").contains("2. kvartal 2026"));
    assert!(joined(&en, "status.html").contains("Q2 2026"));
    assert!(joined(&en, "status.html").contains("(Q2 2026)"));
    assert!(!joined(&en, "status.html").contains("(2. kvartal 2026)"));

    assert!(joined(&nb, "indicator.html").contains("124 453"));
    assert!(joined(&en, "indicator.html").contains("124,453"));
    assert!(joined(&en, "index.html").contains("December 2023"));
    assert!(joined(&nn, "indicator.html").contains("Historikk"));
    assert!(joined(&en, "indicator.html").contains("History"));
}

#[test]
fn a_nynorsk_report_compiles_in_nynorsk() {
    let content = bundled();
    let l = Lang::Nn.labels();
    let s = content.statuses.values().next_back().expect("a status");
    let goal = *s.goals.keys().next().expect("a goal");
    let analysis = analyse(content);
    let charts = status_charts(l, content, &analysis, s).unwrap();
    let home = names::HOME_FROM_DOCUMENT;
    let view = status::status_view(
        l,
        &Reader::new(content),
        &analysis,
        s,
        Some(goal),
        &charts,
        home,
    );
    let renderer = Renderer::new(&Templates::builtin()).unwrap();
    let source = renderer
        .render("report.typ", l, context! { doc => value(&view) })
        .unwrap();
    let files = charts
        .into_values()
        .map(|c| (names::chart_in_typst(&c.id), c.svg.into_bytes()))
        .collect();
    let world = typeset::DocumentWorld::new(
        "nn",
        source,
        &renderer.templates().typst_modules(),
        files,
        typeset::typst_date(s.date),
    );
    let main = std::path::Path::new(typeset::GENERATED).join("nn/main.typ");
    let origins = typeset::Origins {
        main: &main,
        kept: false,
        templates: renderer.templates(),
    };
    let pdf = typeset::pdf("nn", &world, s.date, &origins)
        .expect("the nynorsk report compiles")
        .output;
    assert!(
        pdf.windows(12).any(|w| w == b"/Lang(nn-NO)"),
        "the PDF says it is in nynorsk"
    );
    let text = norm(&pdf_extract::extract_text_from_mem(&pdf).expect("the PDF's text extracts"));
    assert!(text.contains("Overordna status"), "{text}");
    assert!(text.contains("Utfordringar"), "{text}");
    assert!(!text.contains("Overordnet"), "{text}");
}
