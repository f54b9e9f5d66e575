//! The real binary on the bundled content and on fixtures: what it writes and what it says.

mod common;

use common::*;

#[test]
fn bundled_content_builds_every_document_identically_on_one_thread_or_many_and_from_anywhere() {
    let tmp = tempfile::tempdir().unwrap();
    let out1 = tmp.path().join("a");
    let out2 = tmp.path().join("b");
    let out3 = tmp.path().join("c");
    let content = root().join("content");
    // One thread, then the default (one per core), then from the project root with the
    // content folder written relative to it.
    let one_thread = std::process::Command::new(env!("CARGO_BIN_EXE_statusrapport"))
        .args(["build", "--content", content.to_str().unwrap()])
        .args(["--out", out1.to_str().unwrap()])
        .current_dir(tmp.path())
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .unwrap();
    let many_threads = build(tmp.path(), &content, &out2);
    let elsewhere = run(
        &root(),
        &[
            "build",
            "--content",
            "content",
            "--out",
            out3.to_str().unwrap(),
        ],
    );
    for o in [one_thread, many_threads, elsewhere] {
        assert!(
            o.status.success(),
            "build failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let (a, b) = (snapshot(&out1), snapshot(&out2));
    let c = snapshot(&out3);
    assert_eq!(a.len(), c.len());
    for ((pa, ba), (pc, bc)) in a.iter().zip(&c) {
        assert_eq!(pa, pc);
        assert!(
            ba == bc,
            "{} differs when built from another folder",
            pa.display()
        );
    }
    let names: Vec<String> = a.iter().map(|(p, _)| p.display().to_string()).collect();
    for expected in [
        "status-2026-q2.pdf",
        "status-2026-q2/index.html",
        "status-2026-q2-mal-1.pdf",
        "status-2026-q2-mal-5.pdf",
        "status-2026-q2-mal-5/index.html",
        "index.html",
        "manifest.json",
    ] {
        assert!(
            names.contains(&expected.to_owned()),
            "{expected} missing from {names:?}"
        );
    }
    assert_eq!(a.len(), b.len());
    for ((pa, ba), (pb, bb)) in a.iter().zip(&b) {
        assert_eq!(pa, pb);
        assert!(
            ba == bb,
            "{} differs between one thread and many",
            pa.display()
        );
    }
}

#[test]
fn the_deck_says_what_seed_003_says() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let content = root().join("content");
    let o = build(tmp.path(), &content, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let deck = pdf_text(&out.join("status-2026-q2.pdf"));
    for phrase in [
        "Status nasjonal e-helsestrategi Q2 2026",
        "Oppsummering status mål 1",
        "Oppsummering status mål 5",
        "Overordnet status",
        "Utvalgte indikatorer og strategiske delmål",
        "Positive hendelser",
        "Utfordringer",
        "Viktige strategiske spørsmål",
        "Bruk av velferdsteknologi",
        "100 % innen 2030",
        "75 % i 2030",
        "Foreslått ambisjon",
        "Innbyggers tillit til håndtering av helseopplysninger",
        "Effekt av Helseteknologiordningen",
        "Hvordan sikre digital autonomi i en mer usikker verden?",
    ] {
        assert!(deck.contains(phrase), "deck lacks {phrase:?}");
    }
    // The source's own headings and fixed phrases, as it prints them (squashed: typst breaks
    // and hyphenates them over lines).
    let squashed = squash(&deck);
    for phrase in [
        "Oppfølging av strategien",
        "Vurdering av ambisjon",
        "Framdrift mot 2030",
        "Framdrift mot 2025",
        "Årlig oppdatering",
        "Løpende oppdatering",
        "Kvartalsvis oppdatering",
        "Om indikatoren «Bruk av velferdsteknologi i kommunene»",
        "Om indikatoren «Pasientens legemiddelliste – nasjonalt»",
        "Om antall virksomheter i PJD",
        "Om indikatoren «antall søknader til Helsedataservice»",
        "Om indikatoren «Innbyggers tillit til håndtering av helseopplysninger»",
        "Om indikatoren «Effekt av Helseteknologiordningen»",
        "Fra Innbyggerundersøkelsen",
        "Enklere arbeidshverdag",
        "Helsedata til fornying og forbedring",
        "Ikke foreslått ambisjonsnivå, kun illustrert framskrivning",
        "30% av norske innbyggere i desember 2029",
        "Pasientens legemiddelliste - nasjonalt",
        "Effekt av Helseteknologiordningen - EPJ",
        "* Helsepersonellundersøkelsen 2025",
        "Utgangspunkt er måling gjennomført i 2023",
    ] {
        assert!(squashed.contains(&squash(phrase)), "deck lacks {phrase:?}");
    }
    let report = pdf_text(&out.join("status-2026-q2-mal-3.pdf"));
    assert!(report.contains("Antall søknader til Helsedataservice"));
    assert!(report.contains("Ikke foreslått ambisjonsnivå"));
    assert!(
        !report.contains("Oppsummering status mål 1"),
        "goal 3's report holds only goal 3"
    );
    let html = html_text(&out.join("status-2026-q2/index.html"));
    assert!(html.contains("Hvordan sikre digital autonomi i en mer usikker verden?"));
    assert!(html.contains("287 (2021)"), "computed figures in the HTML");
}

#[test]
fn hostile_text_comes_out_verbatim_in_pdf_and_html() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let content = root().join("tests/fixtures/hostile");
    let o = build(tmp.path(), &content, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = pdf_text(&out.join("status-2026-q2.pdf"));
    let html = html_text(&out.join("status-2026-q2/index.html"));
    for s in [
        "#read(\"/etc/passwd\")",
        "#include \"/etc/hostname\"",
        "// ikke en kommentar",
        "/* heller ikke */ slutt",
        "- strek først",
        "+ pluss først",
        "= likhet først",
        "/ term: beskrivelse",
        "1. tall og punktum",
        "midt # i * teksten _ med $ tegn @ og < > [ ] \\ / ~ - + = . ' \" : ` og // slutt",
        "sitat 'enkle' og \"doble\" -- tankestrek --- lang ... prikker",
        "<script>alert(1)</script> &amp; &lt;",
        "lenke https://example.org/x?y=1&z=2 og e-post @bruker",
        "$x^2$ matematikk",
        "*fet* og _kursiv_ og `kode`",
        "#{1 + 1} kode",
        "Indikator ]) #panic(\"x\") [(",
        "\\ skråstrek først",
        "Side med #tittel og <etikett>",
        "Om ]] #[ indikatoren",
    ] {
        assert!(pdf.contains(s), "PDF lacks {s:?}");
        assert!(html.contains(s), "HTML lacks {s:?}");
    }
    // Each character typst or HTML could read as code, at the start of an item and mid-line.
    for c in [
        "#", "*", "_", "$", "@", "<", ">", "[", "]", "\\", "/", "~", "-", "+", "=", ".", "'", "\"",
        ":", "`", "//",
    ] {
        let s = format!("{c} tegn først {c} og midt{c}i");
        assert!(pdf.contains(&s), "PDF lacks {s:?}");
        assert!(html.contains(&s), "HTML lacks {s:?}");
    }
    assert!(
        !std::fs::read_to_string(out.join("status-2026-q2/index.html"))
            .unwrap()
            .contains("<script>")
    );
    for s in ["124 453", "131 000,5", "Øke med 12%"] {
        assert!(pdf.contains(s), "PDF lacks {s:?}");
        assert!(html.contains(s), "HTML lacks {s:?}");
    }
    // The goal's summary: the deck prints it only where its summary page has room for it.
    let report = pdf_text(&out.join("status-2026-q2-mal-1.pdf"));
    assert!(
        report.contains("æøå ÆØÅ"),
        "the report lacks the goal's summary"
    );
    assert!(html.contains("æøå ÆØÅ"), "HTML lacks the goal's summary");
}

#[test]
fn invalid_content_reports_every_problem_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_tree(&root().join("tests/fixtures/hostile"), &content);
    std::fs::write(
        content.join("indicators/1.6.yaml"),
        std::fs::read_to_string(content.join("indicators/1.6.yaml"))
            .unwrap()
            .replace("- baseline:", "- baselin:"),
    )
    .unwrap();
    std::fs::write(
        content.join("goals/mal-2.yaml"),
        "number: 9\ntitle: x\nsummary: y\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("old.pdf"), b"old").unwrap();
    let o = build_short(tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let stderr = stderr(&o);
    assert!(
        stderr.contains(
            "content/goals/mal-2.yaml:1:9: error: invalid goal number 9 (expected 1 to 5)"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("content/indicators/1.6.yaml:"), "{stderr}");
    assert!(stderr.contains("baselin"), "{stderr}");
    assert_eq!(
        snapshot(&out),
        vec![(std::path::PathBuf::from("old.pdf"), b"old".to_vec())]
    );
    let o = run(tmp.path(), &["check", "--content", "content"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn symbols_and_emoji_reach_the_pdf_through_the_fallback_fonts_under_pdf_ua() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    copy_tree(
        &root().join("tests/fixtures/accepted/symbols-and-emoji/content"),
        &content,
    );
    let out = tmp.path().join("out");
    // Every PDF is exported under PDF/UA-1, which refuses a character set in no font.
    let o = build(tmp.path(), &content, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = pdf_text(&out.join("status-2026-q2.pdf"));
    // Text extraction puts a space where the font changes before a full stop.
    for s in [
        "God fremdrift ✓ 👍 – mål nådd ★, ett varsel ⚠ og et smil 😀",
        "øker ✔",
    ] {
        assert!(pdf.contains(s), "{s:?} not in the deck:\n{pdf}");
    }
    assert!(out.join("assets/fonts/NotoEmoji-Regular.ttf").is_file());
    assert!(out.join("assets/fonts/NotoSansSymbols2-OFL.txt").is_file());
}
