//! Who publishes each document (issue 22.4): Direktoratet for e-helse was merged into
//! Helsedirektoratet on 1 January 2024, so the bundled Q2 2026 status names Helsedirektoratet
//! (its source says so) in its footer, its PDF metadata and its web page, while the 2023 and
//! 2024 editions keep Direktoratet for e-helse, as published.

mod common;

use common::*;

#[test]
fn a_document_names_the_publisher_its_source_names() {
    let out = bundled_build().join("out");
    for doc in ["status-2026-q2", "status-2026-q2-mal-2"] {
        let pdf = std::fs::read(out.join(format!("{doc}.pdf"))).unwrap();
        let raw = String::from_utf8_lossy(&pdf);
        assert!(
            raw.contains("<dc:creator><rdf:Seq><rdf:li>Helsedirektoratet</rdf:li>"),
            "{doc}: metadata"
        );
        let pages = pdf_pages(&out.join(format!("{doc}.pdf")));
        let footer = squash("Helsedirektoratet");
        assert!(
            pages.iter().all(|p| squash(p).contains(&footer)),
            "{doc}: a page without the publisher in its footer"
        );
        let html = html_text(&out.join(format!("{doc}/index.html")));
        assert!(html.contains("Helsedirektoratet"), "{doc}: web page");
    }
    for edition in ["indikatorer-2023", "indikatorer-2024"] {
        let pdf = std::fs::read(out.join(format!("{edition}.pdf"))).unwrap();
        let raw = String::from_utf8_lossy(&pdf);
        assert!(
            raw.contains("<dc:creator><rdf:Seq><rdf:li>Direktoratet for e-helse</rdf:li>"),
            "{edition}: metadata"
        );
    }
}
