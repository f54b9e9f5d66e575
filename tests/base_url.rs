//! The site's address (`base_url` in strategy.yaml, or `build --base-url`): canonical links,
//! `sitemap.xml` listing every page once, `robots.txt`, and `catalog.ttl`, the open data's
//! DCAT-AP-NO catalogue, with a dataset per indicator and the whole set and every data file
//! by its full address; without it, none of them (and `check` says why there is no catalogue)
//! and the pages as before; a malformed address is reported at its place.

mod common;

use std::path::Path;

use common::*;

/// The languages fixture (pages in three languages) built with `args` added.
fn built(dir: &Path, args: &[&str]) -> std::path::PathBuf {
    let content = root().join("tests/fixtures/languages/content");
    let out = dir.join("out");
    let o = build_with(dir, &content, &out, args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// Every web page under `out`, relative to it, with `/`.
fn pages(out: &Path) -> Vec<String> {
    let mut found: Vec<String> = files(out, ".html")
        .iter()
        .map(|p| {
            p.strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn with_an_address_every_page_is_in_the_sitemap_once_and_names_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let base = "https://example.org/e-helse";
    let out = built(tmp.path(), &["--base-url", base]);
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let locs: Vec<&str> = sitemap
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("<url><loc>")?
                .strip_suffix("</loc></url>")
        })
        .collect();
    let pages = pages(&out);
    assert!(pages.len() > 10, "{pages:?}");
    // `a/index.html` is addressed as `a/`.
    let expected: Vec<String> = pages
        .iter()
        .map(|p| format!("{base}/{}", p.strip_suffix("index.html").unwrap_or(p)))
        .collect();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(locs, sorted, "the sitemap lists every page once");
    for (page, url) in pages.iter().zip(&expected) {
        // minijinja escapes `/` in attributes as `&#x2f;`, which a browser reads as `/`.
        let html = std::fs::read_to_string(out.join(page))
            .unwrap()
            .replace("&#x2f;", "/");
        let link = format!("<link rel=\"canonical\" href=\"{url}\">");
        assert_eq!(html.matches(&link).count(), 1, "{page} lacks {link}");
    }
    let robots = std::fs::read_to_string(out.join("robots.txt")).unwrap();
    assert_eq!(
        robots,
        format!("User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml\n")
    );
}

#[test]
fn without_an_address_there_is_no_sitemap_and_no_canonical_link() {
    let tmp = tempfile::tempdir().unwrap();
    let out = built(tmp.path(), &[]);
    assert!(!out.join("sitemap.xml").exists());
    assert!(!out.join("robots.txt").exists());
    assert!(!out.join("catalog.ttl").exists());
    for page in pages(&out) {
        let html = std::fs::read_to_string(out.join(&page)).unwrap();
        assert!(!html.contains("rel=\"canonical\""), "{page}");
        assert!(
            !html.contains("catalog.ttl"),
            "{page} links a catalogue not written"
        );
    }
    // An address added later writes them; taken away again, the next build removes them.
    let with = built(tmp.path(), &["--base-url", "https://example.org/"]);
    assert!(with.join("sitemap.xml").exists());
    assert!(with.join("catalog.ttl").exists());
    let without = built(tmp.path(), &[]);
    assert!(!without.join("sitemap.xml").exists());
    assert!(!without.join("robots.txt").exists());
    assert!(!without.join("catalog.ttl").exists());
}

#[test]
fn a_malformed_address_is_reported_where_it_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    let strategy = content.join("strategy.yaml");
    let text = std::fs::read_to_string(&strategy).unwrap();
    std::fs::write(&strategy, format!("{text}base_url: ftp://example.org/\n")).unwrap();
    let o = run_short(
        tmp.path(),
        &["check", "--content", content.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("strategy.yaml:5:11") && err.contains("invalid base_url `ftp://example.org/`"),
        "{err}"
    );
    let o = run(tmp.path(), &["build", "--base-url", "example.org"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("https://"));
}

#[test]
fn with_an_address_the_deck_links_the_web_page_by_its_full_address() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = build_with(
        tmp.path(),
        &root().join("content"),
        &out,
        &[
            "--base-url",
            "https://example.org/e-helse",
            "--only",
            "status-2026-q2",
            "--format",
            "pdf",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = std::fs::read(out.join("status-2026-q2.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    // `/URI(…)` or `/URI (…)`, as the PDF writer spaces it.
    let uris: Vec<&str> = text
        .match_indices("/URI")
        .map(|(at, m)| text[at + m.len()..].trim_start())
        .filter_map(|rest| rest.strip_prefix('('))
        .map(|rest| &rest[..rest.find(')').unwrap_or(rest.len())])
        .collect();
    assert!(!uris.is_empty(), "the deck links its sub-goals' web page");
    for uri in &uris {
        assert!(
            uri.starts_with("https://example.org/e-helse/status-2026-q2/#mal-"),
            "{uri}"
        );
    }
}

/// A subject of the catalogue: its node, its class and its statements (each predicate with
/// its objects as written).
struct Subject {
    node: String,
    class: String,
    statements: Vec<(String, String)>,
}

impl Subject {
    /// The objects of `predicate`, as written, split at `, ` (for IRIs and plain lists).
    fn objects(&self, predicate: &str) -> Vec<&str> {
        self.statements
            .iter()
            .filter(|(p, _)| p == predicate)
            .flat_map(|(_, o)| o.split(", "))
            .collect()
    }

    /// The IRIs `predicate` points at, without their angle brackets.
    fn iris(&self, predicate: &str) -> Vec<&str> {
        self.objects(predicate)
            .into_iter()
            .map(|o| {
                o.strip_prefix('<')
                    .and_then(|o| o.strip_suffix('>'))
                    .unwrap_or_else(|| panic!("{predicate} of {} is no IRI: {o}", self.node))
            })
            .collect()
    }
}

/// The catalogue's subjects, read from the layout it is written in: a block per subject,
/// `<node> a class` first, then a statement a line.
fn subjects(ttl: &str) -> Vec<Subject> {
    assert!(ttl.starts_with("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"));
    ttl.split("\n\n")
        .filter(|block| !block.starts_with("@prefix"))
        .map(|block| {
            let mut lines = block.lines();
            let head = lines.next().unwrap();
            let (node, class) = head.split_once(" a ").expect("a subject and its class");
            let statements = lines
                .map(|l| {
                    let l = l.trim();
                    let l = l.strip_suffix(" ;").or(l.strip_suffix(" .")).unwrap_or(l);
                    let (p, o) = l.split_once(' ').expect("a predicate and its objects");
                    (p.to_owned(), o.to_owned())
                })
                .collect();
            Subject {
                node: node.to_owned(),
                class: class.trim_end_matches([' ', ';', '.']).to_owned(),
                statements,
            }
        })
        .collect()
}

const NLOD: &str = "http://publications.europa.eu/resource/authority/licence/NLOD_2_0";

#[test]
fn with_an_address_the_catalogue_lists_every_dataset_and_file_by_its_full_address() {
    let tmp = tempfile::tempdir().unwrap();
    let base = "https://example.org/e-helse/";
    let out = built(tmp.path(), &["--base-url", base]);
    let ttl = std::fs::read_to_string(out.join("catalog.ttl")).unwrap();
    assert!(!ttl.contains(tmp.path().to_str().unwrap()), "no local path");
    let all = subjects(&ttl);
    let of = |class: &str| -> Vec<&Subject> { all.iter().filter(|s| s.class == class).collect() };
    let catalog = match of("dcat:Catalog")[..] {
        [c] => c,
        ref found => panic!("{} catalogues", found.len()),
    };
    assert_eq!(catalog.iris("dct:license"), [NLOD]);
    assert_eq!(catalog.iris("foaf:homepage"), [base]);

    // A dataset per indicator (each has a folder of its own in the main language's pages),
    // and the whole set first.
    let mut ids: Vec<String> = std::fs::read_dir(out.join("indikator"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    assert!(ids.len() >= 2, "{ids:?}");
    let mut expected = vec![format!("{base}catalog.ttl#indikatorer")];
    expected.extend(
        ids.iter()
            .map(|id| format!("{base}catalog.ttl#indikator-{id}")),
    );
    let datasets = of("dcat:Dataset");
    let nodes: Vec<String> = datasets.iter().map(|d| d.node.clone()).collect();
    assert_eq!(
        nodes,
        expected
            .iter()
            .map(|e| format!("<{e}>"))
            .collect::<Vec<_>>()
    );
    assert_eq!(catalog.iris("dcat:dataset"), expected);
    let distributions = of("dcat:Distribution");
    for d in &datasets {
        for p in [
            "dct:identifier",
            "dct:publisher",
            "dcat:contactPoint",
            "dcat:keyword",
        ] {
            assert!(!d.objects(p).is_empty(), "{} has no {p}", d.node);
        }
        assert_eq!(
            d.iris("dcat:theme"),
            ["http://publications.europa.eu/resource/authority/data-theme/HEAL"]
        );
        assert_eq!(
            d.iris("dct:accessRights"),
            ["http://publications.europa.eu/resource/authority/access-right/PUBLIC"]
        );
        // Titled in each of the site's languages it is written in, the main one always.
        let titles = d.objects("dct:title").join(", ");
        assert!(
            titles.ends_with("\"@nb") || titles.contains("\"@nb, "),
            "{titles}"
        );
        assert!(
            d.objects("dct:temporal")[0].contains("dcat:startDate \""),
            "{}",
            d.node
        );
        for to in d.iris("dcat:distribution") {
            let node = format!("<{to}>");
            assert!(distributions.iter().any(|x| x.node == node), "{to}");
        }
    }
    // The whole set is titled in every language of the site.
    let set_titles = datasets[0].objects("dct:title").join(", ");
    for lang in ["@nb", "@nn", "@en"] {
        assert!(set_titles.contains(lang), "{set_titles}");
    }

    // Every download is an absolute address of a file the build wrote, under its licence,
    // and every data file of every language is among them.
    let mut downloads = std::collections::BTreeSet::new();
    for d in &distributions {
        let [url] = d.iris("dcat:downloadURL")[..] else {
            panic!("{} has not one download address", d.node)
        };
        let path = url.strip_prefix(base).expect("an address under the site's");
        assert!(out.join(path).is_file(), "{url} is no file of the build");
        assert!(!d.iris("dcat:accessURL").is_empty());
        assert_eq!(d.iris("dct:license"), [NLOD], "{}", d.node);
        let media = d.iris("dcat:mediaType");
        assert!(media[0].starts_with("https://www.iana.org/assignments/media-types/"));
        let format = d.iris("dct:format");
        assert!(
            format[0].starts_with("http://publications.europa.eu/resource/authority/file-type/")
        );
        assert!(downloads.insert(path.to_owned()), "{path} twice");
    }
    let data: std::collections::BTreeSet<String> = [".json", ".csv"]
        .iter()
        .flat_map(|ext| files(&out, ext))
        .map(|p| {
            p.strip_prefix(&out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|p| !p.ends_with("/metadata.json") && p != "manifest.json")
        .collect();
    assert_eq!(downloads, data);

    // The front page of every language links it, with what it is for.
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains("<a href=\"catalog.ttl\">catalog.ttl</a>: DCAT-AP-NO"),
        "{index}"
    );
    let nn = std::fs::read_to_string(out.join("nn/index.html")).unwrap();
    assert!(
        nn.contains("<a href=\"..&#x2f;catalog.ttl\">catalog.ttl</a>"),
        "{nn}"
    );
}

#[test]
fn a_hostile_name_stays_a_string_of_the_catalogue() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_tree(&root().join("tests/fixtures/languages/content"), &content);
    let path = content.join("indicators/1.6.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap().replace(
        "  nb: Utbredelse av velferdsteknologi",
        r#"  nb: "Velferd \"sitat\" \\ slutt\"\"\" . <x> ; @en""#,
    );
    std::fs::write(&path, yaml).unwrap();
    let out = tmp.path().join("out");
    let o = build_with(
        tmp.path(),
        &content,
        &out,
        &["--base-url", "https://example.org/"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ttl = std::fs::read_to_string(out.join("catalog.ttl")).unwrap();
    assert!(
        ttl.contains(r#"dct:title "Velferd \"sitat\" \\ slutt\"\"\" . <x> ; @en"@nb, "#),
        "{ttl}"
    );
    let all = subjects(&ttl);
    assert_eq!(all.iter().filter(|s| s.class == "dcat:Dataset").count(), 3);
}

#[test]
fn check_says_why_there_is_no_catalogue_and_list_names_it_when_there_is() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_tree(&root().join("tests/fixtures/languages/content"), &content);
    let dir = content.to_str().unwrap();
    let o = run(tmp.path(), &["check", "--content", dir]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("note: catalog.ttl (the open data's DCAT-AP-NO catalogue) is not written")
            && err.contains("`base_url` in strategy.yaml, or `build --base-url`"),
        "{err}"
    );
    let quiet = run(tmp.path(), &["check", "--content", dir, "--quiet"]);
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("catalog.ttl"));
    let list = run(tmp.path(), &["list", "--content", dir]);
    assert!(!String::from_utf8_lossy(&list.stdout).contains("catalog.ttl"));

    let strategy = content.join("strategy.yaml");
    let text = std::fs::read_to_string(&strategy).unwrap();
    std::fs::write(
        &strategy,
        format!("{text}base_url: https://example.org/e/\n"),
    )
    .unwrap();
    let o = run(tmp.path(), &["check", "--content", dir]);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("catalog.ttl"));
    let list = run(tmp.path(), &["list", "--content", dir]);
    let stdout = String::from_utf8_lossy(&list.stdout);
    assert!(
        stdout.contains(
            "catalog.ttl  the open data's DCAT-AP-NO catalogue (https://example.org/e/catalog.ttl)"
        ),
        "{stdout}"
    );
}
