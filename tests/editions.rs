//! The annual document *Strategiske e-helseindikatorer*: editions 2024 (seed 000) and 2023
//! (seed 002), `--only`, and the manifest.

mod common;

use common::*;

fn edition_text(year: u32) -> String {
    let out = bundled_build().join("out");
    squash(&pdf_text(&out.join(format!("indikatorer-{year}.pdf"))))
}

#[test]
fn edition_2024_prints_seed_000_figures_as_published() {
    let text = edition_text(2024);
    for cell in [
        "13. desember 2023",
        "Utgangspunkt 2023",
        "Måltall 2024",
        "Måltall 2025",
        "0,506 mill. timeavtaler/mnd. (sept 2021-aug 2022)",
        "Øke med 12%",
        "46 % av befolkningen bor i en kommune med Digihelsestasjon (nov 2022)",
        "74 % er helt eller delvis enig",
        "124 453 (totalt for de fire tjenestene i 2021)",
        "147/356 kommuner (29.11.22)",
        "320/356",
        "356/356",
        "30 000 oppslag (2021)",
        "150 000 oppslag",
        "15 487 i 2022",
        "240 000 oppslag",
        "287 søknader om personidentifiserbare data (2021)",
        "Kommentar per oktober 2023",
        "Kandidater for nye indikatorer for strategien",
        "Indikatorer knytte til oppfølging av Helseteknologiordningen (HTO)",
    ] {
        assert!(text.contains(&squash(cell)), "edition 2024 lacks {cell:?}");
    }
}

#[test]
fn edition_2023_prints_seed_002_figures_with_its_own_numbering() {
    let text = edition_text(2023);
    for cell in [
        "Dagens utgangspunkt",
        "1. 11,4 mill besøk/md. (sept 2021-sept 2022)",
        "115 678 (totalt for de fire tjenestene i 2021)",
        "4.2.1",
        "Måltall 2025",
    ] {
        assert!(text.contains(&squash(cell)), "edition 2023 lacks {cell:?}");
    }
    assert!(
        !text.contains(&squash("Måltall 2024")),
        "the 2023 edition has no 2024 column"
    );
}

#[test]
fn only_rebuilds_one_edition_and_keeps_the_manifest_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let content = root().join("content");
    let out = tmp.path().join("out");
    let args = |extra: &[&str]| {
        let mut a = vec![
            "build",
            "--content",
            content.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        a.extend_from_slice(extra);
        a.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let run_args = |a: Vec<String>| {
        run(
            tmp.path(),
            &a.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    };
    assert!(run_args(args(&[])).status.success());
    let before = snapshot(&out);
    std::fs::remove_file(out.join("indikatorer-2024.pdf")).unwrap();
    let o = run_args(args(&["--only", "indikatorer-2024"]));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        snapshot(&out),
        before,
        "a one-document rebuild gives the same bytes and manifest"
    );

    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let entry = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "indikatorer-2024.pdf")
        .unwrap();
    let inputs: Vec<&str> = entry["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        inputs.iter().any(|p| p.ends_with("editions/2024.yaml")),
        "{inputs:?}"
    );
    assert!(
        inputs.iter().any(|p| p.ends_with("indicators/1.6.yaml")),
        "{inputs:?}"
    );
    assert!(!inputs.iter().any(|p| p.contains("status/")), "{inputs:?}");
    assert_eq!(entry["sha256"].as_str().unwrap().len(), 64);

    let o = run_args(args(&["--only", "indikatorer-1999"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("unknown document `indikatorer-1999` (expected one of:")
    );
}

#[test]
fn pdf_creation_date_is_the_publication_date() {
    let out = bundled_build().join("out");
    let pdf = std::fs::read(out.join("indikatorer-2024.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("D:20231213"),
        "creation date 13 December 2023 in the PDF metadata"
    );
}
