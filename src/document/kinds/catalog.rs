//! The open data's DCAT-AP-NO 2.2 catalogue, `catalog.ttl` (Turtle) at the top of `out/`,
//! written only when the site's address is known (`base_url` or `build --base-url`), as its
//! links must be absolute.
//!
//! In: the content (its texts in every language of the site), the analysis, and the names of
//! the data files ([`names`]). Out: one `dcat:Catalog` with a `dcat:Dataset` per indicator
//! and one for the whole set, each with a `dcat:Distribution` per file and language
//! (JSON-stat, CSV, CSV on the Web metadata). Titles and descriptions carry their language
//! tag; dates come from the content (the JSON-stat files' `updated`), never the clock; lists
//! are in the content's order, so the same content gives the same bytes. Every text from the
//! YAML is escaped as a Turtle string and every address as an IRI.

use std::fmt::Write as _;

use super::{Context, Kind, Planned, bytes_file};
use crate::document::jsonstat;
use crate::document::names::{self, LangDir};
use crate::document::observations::observations;
use crate::document::reader::Reader;
use crate::labels::{Labels, Lang, fill};
use crate::model::{BaseUrl, Indicator, Licence, Publication, Text};

/// The catalogue.
pub struct Catalog;

/// The EU data theme of every dataset: health.
const THEME: &str = "http://publications.europa.eu/resource/authority/data-theme/HEAL";

/// Every dataset is open to all.
const PUBLIC: &str = "http://publications.europa.eu/resource/authority/access-right/PUBLIC";

/// The EU language authority's concept of a language of the site.
fn eu_language(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "http://publications.europa.eu/resource/authority/language/NOB",
        Lang::Nn => "http://publications.europa.eu/resource/authority/language/NNO",
        Lang::En => "http://publications.europa.eu/resource/authority/language/ENG",
    }
}

/// The EU licence authority's concept of a licence, for the licences it lists; DCAT-AP-NO
/// takes `dct:license` from that list only, so another licence is left out of the catalogue
/// (the data files still state it).
fn eu_licence(licence: &Licence) -> Option<&'static str> {
    match licence.name? {
        "NLOD 2.0" => Some("http://publications.europa.eu/resource/authority/licence/NLOD_2_0"),
        "CC BY 4.0" => Some("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"),
        _ => None,
    }
}

/// A kind of data file: its IANA media type, its EU file type, the standard it follows (its
/// address and title), and what it is for in a language's words.
struct Format {
    media_type: &'static str,
    file_type: &'static str,
    conforms_to: Option<(&'static str, &'static str)>,
    what: fn(&Labels) -> &'static str,
}

const JSONSTAT: Format = Format {
    media_type: "https://www.iana.org/assignments/media-types/application/json",
    file_type: "http://publications.europa.eu/resource/authority/file-type/JSON",
    conforms_to: Some(("https://json-stat.org/format/", "JSON-stat 2.0")),
    what: |l| l.open_data.jsonstat,
};

const CSV: Format = Format {
    media_type: "https://www.iana.org/assignments/media-types/text/csv",
    file_type: "http://publications.europa.eu/resource/authority/file-type/CSV",
    conforms_to: None,
    what: |l| l.open_data.csv,
};

const CSVW: Format = Format {
    media_type: "https://www.iana.org/assignments/media-types/application/csvm+json",
    file_type: "http://publications.europa.eu/resource/authority/file-type/JSON_LD",
    conforms_to: Some((
        "https://www.w3.org/TR/tabular-metadata/",
        "Metadata Vocabulary for Tabular Data (CSV on the Web, W3C)",
    )),
    what: |l| l.open_data.csvw,
};

/// A text as a Turtle string: quotes, backslashes and every control character escaped, so
/// that no text of the content ends the string or the statement.
pub fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                write!(out, "\\u{:04X}", u32::from(c)).expect("writing to a string");
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An address as a Turtle IRI: what an IRI may not hold (spaces, quotes, angle brackets,
/// braces, `|`, `^`, `` ` ``, `\` and control characters) percent-encoded.
pub fn iri(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('<');
    for c in s.chars() {
        if c <= ' ' || c.is_control() || "<>\"{}|^`\\".contains(c) {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                write!(out, "%{b:02X}").expect("writing to a string");
            }
        } else {
            out.push(c);
        }
    }
    out.push('>');
    out
}

/// A date as `xsd:date`.
fn date(d: time::Date) -> String {
    format!(
        "\"{}-{:02}-{:02}\"^^xsd:date",
        d.year(),
        u8::from(d.month()),
        d.day()
    )
}

/// A text in every language of the site it is written in, each with its tag; the shown text
/// in the main language when it is written in none of them.
fn texts(text: &Text, langs: &[Lang], main: Lang) -> Vec<String> {
    let written: Vec<String> = langs
        .iter()
        .filter_map(|&l| Some(format!("{}@{}", literal(text.get(l)?), l.code())))
        .collect();
    if written.is_empty() {
        vec![format!("{}@{}", literal(text), main.code())]
    } else {
        written
    }
}

/// One subject's statements: each predicate with its objects, in order; a predicate without
/// objects is left out.
struct Subject {
    head: String,
    lines: Vec<(&'static str, Vec<String>)>,
}

impl Subject {
    fn new(node: String, class: &str) -> Subject {
        Subject {
            head: format!("{node} a {class}"),
            lines: Vec::new(),
        }
    }

    fn add(&mut self, predicate: &'static str, objects: Vec<String>) -> &mut Subject {
        if !objects.is_empty() {
            self.lines.push((predicate, objects));
        }
        self
    }

    fn one(&mut self, predicate: &'static str, object: String) -> &mut Subject {
        self.add(predicate, vec![object])
    }

    fn write(&self, out: &mut String) {
        out.push_str(&self.head);
        for (predicate, objects) in &self.lines {
            write!(out, " ;\n    {predicate} {}", objects.join(", ")).expect("writing");
        }
        out.push_str(" .\n\n");
    }
}

/// What the catalogue is written from: the site's address, languages and publisher.
struct Site<'a> {
    base: &'a BaseUrl,
    langs: &'a [Lang],
    main: Lang,
    publisher: String,
    contact: Option<String>,
    licence: Option<&'static str>,
}

impl Site<'_> {
    /// A node of the catalogue by its fragment.
    fn node(&self, fragment: &str) -> String {
        iri(&self.base.join(&names::catalog_node(fragment)))
    }

    /// The address of an output of `lang` (its name relative to the language's folder).
    fn url(&self, lang: Lang, name: &str) -> String {
        iri(&self.base.join(&LangDir::new(lang, self.main).path(name)))
    }

    /// A label of every language of the site, each with its tag.
    fn labels(&self, f: impl Fn(Lang) -> String) -> Vec<String> {
        self.langs
            .iter()
            .map(|&l| format!("{}@{}", literal(&f(l)), l.code()))
            .collect()
    }

    /// The statements every dataset has; the caller adds title, description, keywords, dates
    /// and distributions.
    fn dataset(&self, fragment: &str, landing: &str) -> Subject {
        let address = self.base.join(&names::catalog_node(fragment));
        let mut d = Subject::new(iri(&address), "dcat:Dataset");
        d.one("dct:identifier", literal(&address))
            .one("dct:publisher", self.node("utgiver"))
            .one("dcat:theme", iri(THEME))
            .add(
                "dcat:contactPoint",
                self.contact.clone().into_iter().collect(),
            )
            .one("dct:accessRights", iri(PUBLIC))
            .add(
                "dcat:landingPage",
                self.langs.iter().map(|&l| self.url(l, landing)).collect(),
            )
            .add(
                "dct:language",
                self.langs.iter().map(|&l| iri(eu_language(l))).collect(),
            );
        d
    }

    /// A distribution of a file in a language, reached from the page that lists it.
    fn distribution(
        &self,
        fragment: &str,
        lang: Lang,
        file: &str,
        page: &str,
        format: &Format,
    ) -> Subject {
        let what = (format.what)(lang.labels());
        let mut d = Subject::new(self.node(fragment), "dcat:Distribution");
        d.one(
            "dct:description",
            format!("{}@{}", literal(what), lang.code()),
        )
        .one("dcat:accessURL", self.url(lang, page))
        .one("dcat:downloadURL", self.url(lang, file))
        .one("dcat:mediaType", iri(format.media_type))
        .one("dct:format", iri(format.file_type))
        .add(
            "dct:conformsTo",
            format
                .conforms_to
                .map(|(u, _)| iri(u))
                .into_iter()
                .collect(),
        )
        .add("dct:license", self.licence.map(iri).into_iter().collect())
        .one("dct:language", iri(eu_language(lang)));
        d
    }
}

/// A dataset of the catalogue.
struct Dataset<'i> {
    /// Its node's fragment: `indikator-1.6`.
    fragment: String,
    /// The page that lists its files, relative to a language's folder.
    page: String,
    /// The indicator it is of; none for the whole set.
    of: Option<&'i Indicator>,
    /// The indicators whose figures it holds.
    inds: Vec<&'i Indicator>,
    /// Its files, relative to a language's folder, each with its format.
    files: Vec<(String, &'static Format)>,
}

impl Dataset<'_> {
    /// Its distributions, a file in a language each: their nodes and their statements.
    fn distributions(&self, site: &Site<'_>) -> (Vec<String>, Vec<Subject>) {
        let mut nodes = Vec::new();
        let mut subjects = Vec::new();
        for &lang in site.langs {
            for (file, format) in &self.files {
                let name = format!(
                    "{}-{}-{}",
                    self.fragment,
                    lang.code(),
                    names::file_name(file)
                );
                nodes.push(site.node(&name));
                subjects.push(site.distribution(&name, lang, file, &self.page, format));
            }
        }
        (nodes, subjects)
    }
}

/// The temporal coverage of `inds`' figures: from the start of the first period to the end
/// of the last, as the JSON-stat datasets' period dimension spans them.
fn temporal(cx: &Context<'_>, inds: &[&Indicator]) -> Option<String> {
    let periods: Vec<_> = inds
        .iter()
        .flat_map(|ind| observations(cx.labels, cx.analysis, ind))
        .filter(|o| o.value.is_some())
        .filter_map(|o| o.period)
        .collect();
    let start = periods.iter().map(|p| p.start()).min()?;
    let end = periods.iter().map(|p| p.end()).max()?;
    Some(format!(
        "[ a dct:PeriodOfTime ; dcat:startDate {} ; dcat:endDate {} ]",
        date(start),
        date(end)
    ))
}

/// The whole catalogue as Turtle.
fn turtle(cx: &Context<'_>, base: &BaseUrl) -> String {
    let content = cx.content;
    let strategy = &content.strategy;
    let reader = Reader::new(content);
    let langs = cx.languages.of(Publication::Site);
    let main = cx.languages.main;
    let contact = strategy.contact.as_ref().filter(|c| !c.is_empty());
    let site = Site {
        base,
        langs,
        main,
        publisher: strategy.publisher.clone(),
        contact: contact.map(|_| iri(&base.join(&names::catalog_node("kontakt")))),
        licence: strategy.licence.as_ref().and_then(eu_licence),
    };
    let strategy_title = |l: Lang| strategy.title.get(l).unwrap_or(&strategy.title).to_owned();

    let mut datasets = Vec::new();
    let mut subjects = Vec::new();
    let mut modified = Vec::new();

    // The whole set first, then each indicator in the content's order.
    let all: Vec<&Indicator> = content.indicators.values().collect();
    let mut plans = vec![Dataset {
        fragment: "indikatorer".to_owned(),
        page: names::INDEX.to_owned(),
        of: None,
        inds: all.clone(),
        files: vec![
            (names::SET_JSONSTAT.to_owned(), &JSONSTAT),
            (names::SET_CSV.to_owned(), &CSV),
            (names::SET_CSV_METADATA.to_owned(), &CSVW),
        ],
    }];
    for ind in &all {
        let mut files = Vec::new();
        if jsonstat::has_figures(ind) {
            files.push((names::indicator_jsonstat(&ind.id), &JSONSTAT));
        }
        files.push((names::indicator_csv(&ind.id), &CSV));
        files.push((names::indicator_csv_metadata(&ind.id), &CSVW));
        plans.push(Dataset {
            fragment: format!("indikator-{}", ind.id),
            page: names::indicator_html(&ind.id),
            of: Some(*ind),
            inds: vec![*ind],
            files,
        });
    }
    for plan in &plans {
        let (fragment, inds) = (&plan.fragment, &plan.inds);
        let mut d = site.dataset(fragment, &plan.page);
        if let Some(ind) = plan.of {
            d.add("dct:title", texts(&ind.name, langs, main))
                .add("dct:description", texts(&ind.description, langs, main))
                .add(
                    "dcat:keyword",
                    site.labels(|l| l.labels().open_data.keyword.to_owned()),
                )
                .add("dcat:keyword", site.labels(strategy_title))
                .add(
                    "dcat:keyword",
                    site.labels(|l| l.labels().kind(ind.kind).to_owned()),
                );
        } else {
            d.add(
                "dct:title",
                site.labels(|l| {
                    fill(
                        l.labels().open_data.set_title,
                        &[("strategy", &strategy_title(l))],
                    )
                }),
            )
            .add(
                "dct:description",
                site.labels(|l| l.labels().open_data.set_description.to_owned()),
            )
            .add(
                "dcat:keyword",
                site.labels(|l| l.labels().open_data.keyword.to_owned()),
            )
            .add("dcat:keyword", site.labels(strategy_title));
        }
        d.add("dct:temporal", temporal(cx, inds).into_iter().collect());
        let updated = jsonstat::updated(cx.labels, &reader, cx.analysis, inds);
        modified.extend(updated);
        d.add("dct:modified", updated.map(date).into_iter().collect());
        let (nodes, distributions) = plan.distributions(&site);
        d.add("dcat:distribution", nodes);
        datasets.push(site.node(fragment));
        subjects.push(d);
        subjects.extend(distributions);
    }

    let mut catalog = Subject::new(site.node("katalog"), "dcat:Catalog");
    // Issued with the first document, changed with the last document or the latest source.
    let published: Vec<time::Date> = content
        .statuses
        .values()
        .map(|s| s.date)
        .chain(content.editions.values().map(|e| e.published))
        .collect();
    let issued = published.iter().min().copied();
    modified.extend(published.iter().max());
    catalog
        .one(
            "dct:identifier",
            literal(&base.join(&names::catalog_node("katalog"))),
        )
        .add(
            "dct:title",
            site.labels(|l| {
                fill(
                    l.labels().open_data.catalog_title,
                    &[("strategy", &strategy_title(l))],
                )
            }),
        )
        .add(
            "dct:description",
            site.labels(|l| {
                fill(
                    l.labels().open_data.catalog_description,
                    &[("strategy", &strategy_title(l))],
                )
            }),
        )
        .one("dct:publisher", site.node("utgiver"))
        .one("foaf:homepage", iri(&base.join(names::INDEX)))
        .add(
            "dct:language",
            langs.iter().map(|&l| iri(eu_language(l))).collect(),
        )
        .add("dct:license", site.licence.map(iri).into_iter().collect())
        .add("dct:issued", issued.map(date).into_iter().collect())
        .add(
            "dct:modified",
            modified.into_iter().max().map(date).into_iter().collect(),
        )
        .add("dcat:dataset", datasets);

    let mut out = String::from(
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n\
         @prefix dct: <http://purl.org/dc/terms/> .\n\
         @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n\
         @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .\n\
         @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n",
    );
    catalog.write(&mut out);
    let mut publisher = Subject::new(site.node("utgiver"), "foaf:Agent");
    publisher.one("foaf:name", literal(&site.publisher));
    publisher.write(&mut out);
    if let (Some(node), Some(c)) = (&site.contact, contact) {
        let mut point = Subject::new(node.clone(), "vcard:Organization");
        point
            .one("vcard:fn", literal(&site.publisher))
            .add(
                "vcard:hasEmail",
                c.email
                    .iter()
                    .map(|e| iri(&format!("mailto:{e}")))
                    .collect(),
            )
            .add("vcard:hasURL", c.url.iter().map(|u| iri(u)).collect());
        point.write(&mut out);
    }
    // The standards the files follow, which DCAT-AP-NO asks to be named.
    for (url, title) in [JSONSTAT, CSVW].iter().filter_map(|f| f.conforms_to) {
        let mut standard = Subject::new(iri(url), "dct:Standard");
        standard.one("dct:title", literal(title));
        standard.write(&mut out);
    }
    for s in &subjects {
        s.write(&mut out);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

impl Kind for Catalog {
    fn once(&self) -> bool {
        true
    }

    fn files(&self) -> Vec<String> {
        vec![names::CATALOG.to_owned()]
    }

    fn plan(&self, cx: &Context<'_>) -> Planned {
        let Some(base) = &cx.content.strategy.base_url else {
            return Planned {
                outputs: Vec::new(),
                inputs: Vec::new(),
            };
        };
        Planned {
            outputs: vec![bytes_file(
                names::CATALOG.to_owned(),
                "ttl",
                turtle(cx, base).into_bytes(),
            )],
            inputs: cx.content.files.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_texts_stay_inside_their_string() {
        let hostile = "a \"quoted\" \\ back\nnew\r\tline\u{7} \"\"\" . <x> ; @en";
        let lit = literal(hostile);
        assert_eq!(
            lit,
            "\"a \\\"quoted\\\" \\\\ back\\nnew\\r\\tline\\u0007 \\\"\\\"\\\" . <x> ; @en\""
        );
        // Only the first and last quotes are unescaped: nothing ends the string early.
        let inner = &lit[1..lit.len() - 1];
        let mut escaped = false;
        for c in inner.chars() {
            assert!(escaped || c != '"', "{lit}");
            assert!(c != '\n' && c != '\r', "{lit}");
            escaped = !escaped && c == '\\';
        }
        assert_eq!(literal("Måling – «ø»"), "\"Måling – «ø»\"");
    }

    #[test]
    fn addresses_cannot_leave_their_iri() {
        assert_eq!(
            iri("https://x.org/a b/<c>\"{d}|^`\\e"),
            "<https://x.org/a%20b/%3Cc%3E%22%7Bd%7D%7C%5E%60%5Ce>"
        );
        assert_eq!(
            iri("https://x.org/indikator/1.6/"),
            "<https://x.org/indikator/1.6/>"
        );
    }

    #[test]
    fn a_subject_leaves_out_what_it_has_none_of() {
        let mut s = Subject::new("<a>".into(), "dcat:Dataset");
        s.one("dct:title", literal("T"))
            .add("dct:modified", Vec::new());
        let mut out = String::new();
        s.write(&mut out);
        assert_eq!(out, "<a> a dcat:Dataset ;\n    dct:title \"T\" .\n\n");
    }
}
