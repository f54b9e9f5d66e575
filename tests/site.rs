//! The static site: a page per indicator with downloads, relative links, and the index.

mod common;

use common::*;

#[test]
fn every_indicator_has_a_page_data_and_metadata() {
    let out = bundled_build().join("out");
    for id in [
        "1.1",
        "1.6",
        "2.5.1",
        "3.1",
        "5.4",
        "tillit-helseopplysninger",
    ] {
        let dir = out.join("indikator").join(id);
        let html = html_text(&dir.join("index.html"));
        // A slug is a file name, not something readers know the indicator by.
        let numbered = id.starts_with(|c: char| c.is_ascii_digit());
        assert_eq!(
            html.contains(&format!("Indikator {id}")),
            numbered,
            "{id} page"
        );
        assert!(html.contains("Historikk"), "{id} history");
        let meta: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("metadata.json")).unwrap()).unwrap();
        assert_eq!(meta["id"], id);
        let csv = std::fs::read_to_string(dir.join("data.csv")).unwrap();
        assert!(
            csv.starts_with("indikator,maling,type,periode,verdi,av,enhet,tekst,kilde\n"),
            "{csv}"
        );
    }
    let csv = std::fs::read_to_string(out.join("indikator/2.5.1/data.csv")).unwrap();
    assert!(
        csv.contains("2.5.1,,utgangspunkt,2022-11-29,147,356,share,"),
        "{csv}"
    );
    let html = html_text(&out.join("indikator/1.6/index.html"));
    assert!(html.contains("124 453"));
    assert!(
        html.contains("Strategiske e-helseindikatorer 2024"),
        "history lists the 2024 edition"
    );
    assert!(
        html.contains("2. kvartal 2026"),
        "history lists the Q2 2026 status"
    );
}

#[test]
fn links_are_relative_and_resolve() {
    let out = bundled_build().join("out");
    for (path, _) in snapshot(&out)
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
    {
        let html = std::fs::read_to_string(out.join(path)).unwrap();
        for href in html
            .split("href=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
        {
            if href.starts_with("http") || href.starts_with('#') {
                continue;
            }
            assert!(
                !href.starts_with('/'),
                "{}: absolute link {href}",
                path.display()
            );
            let href = href.replace("&#x2f;", "/");
            let target = href.split('#').next().unwrap();
            let resolved = out.join(path).parent().unwrap().join(target);
            assert!(resolved.exists(), "{}: broken link {href}", path.display());
        }
    }
}

#[test]
fn bundled_fonts_are_served_beside_the_pages() {
    let out = bundled_build().join("out");
    assert!(
        out.join("assets/fonts/OFL.txt").exists(),
        "the font licence is published with the fonts"
    );
    let pages: Vec<_> = snapshot(&out)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .collect();
    for (path, bytes) in &pages {
        let html = String::from_utf8_lossy(bytes);
        let urls: Vec<&str> = html
            .split("url(\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
            .collect();
        assert!(
            urls.len() >= 4,
            "{}: the page names the Inter font files",
            path.display()
        );
        for url in urls {
            let resolved = out.join(path).parent().unwrap().join(url);
            assert!(
                resolved.is_file(),
                "{}: font {url} does not resolve",
                path.display()
            );
        }
    }
}

#[test]
fn each_measure_shows_its_class_or_why_it_has_none() {
    let out = bundled_build().join("out");
    let page = |id: &str| html_text(&out.join("indikator").join(id).join("index.html"));
    // Processing time fell from 159 to 106 days, and for it lower is better.
    assert!(page("3.1").contains("Vurdering Bedring"), "{}", page("3.1"));
    // 2.5.1 has only its baseline: no class, and the reason.
    assert!(
        page("2.5.1").contains("Vurdering Ingen vurdering: ingen måling etter utgangspunktet"),
        "{}",
        page("2.5.1")
    );
}

#[test]
fn a_measure_with_one_point_gets_a_fact_card_and_no_chart() {
    let out = bundled_build().join("out");
    // 2.5.1 has one point (its baseline is its only value): a card with the figure (the share
    // in percent, then as counted), its period, the target used and why there is no class; no
    // chart and no chart table.
    let raw = std::fs::read_to_string(out.join("indikator/2.5.1/index.html")).unwrap();
    assert!(!raw.contains("<svg"), "{raw}");
    assert!(!raw.contains("Tallene bak figuren"), "{raw}");
    assert!(
        raw.contains("aria-label=\"Faktakort: Kommuner som har innført kjernejournal"),
        "{raw}"
    );
    let text = html_text(&out.join("indikator/2.5.1/index.html"));
    for words in [
        "41,3 % Siste måling, 29. november 2022 (147/356) Måltall: 2024: 320/356",
        "Ingen vurdering: ingen måling etter utgangspunktet",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    // 3.1's processing time has two values: a chart, with its numbers in a table.
    let raw = std::fs::read_to_string(out.join("indikator/3.1/index.html")).unwrap();
    assert_eq!(raw.matches("<svg").count(), 1, "{raw}");
    assert!(
        raw.contains("Målte verdier: 2024: 159"),
        "the alt text: {raw}"
    );
    let text = html_text(&out.join("indikator/3.1/index.html"));
    assert!(
        text.contains("Målte verdier 2024 159 dager Målte verdier 2025 106 dager"),
        "the data table: {text}"
    );
}

#[test]
fn history_runs_in_date_order_and_the_index_shows_no_slug_ids() {
    let out = bundled_build().join("out");
    let html = html_text(&out.join("indikator/3.1/index.html"));
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(at("29. november 2022") < at("13. desember 2023"));
    assert!(at("13. desember 2023") < at("2. kvartal 2026"));
    let index = html_text(&out.join("index.html"));
    for slug in ["pjd-legevakt", "tillit-helseopplysninger", "hto-epj"] {
        assert!(!index.contains(slug), "{slug} shown as text on the index");
    }
    assert!(
        index.contains("1.6 "),
        "numbered indicators keep their number"
    );
    assert!(index.find("1.2 ").unwrap() < index.find("1.6 ").unwrap());
}
