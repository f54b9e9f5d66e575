//! The strategy, its source documents and its goals: what everything else refers to.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;

use super::checks::{is_slug, small_int};
use super::{Refs, Sink};
use crate::diagnostics::{Code, Diagnostic};
use crate::input::{Kind, Loaded, RawContent, raw};
use crate::labels::Lang;
use crate::model::{
    BaseUrl, Contact, Goal, GoalNumber, InitiativeScale, Languages, Licence, Roadmap,
    RoadmapVersion, ScaleLevel, Source, SourceId, Strategy, Text, Thresholds,
};

/// Claims every source id and checks each source.
pub(super) fn sources(
    root: &Path,
    raw: &RawContent,
    refs: &mut Refs,
    problems: &mut Vec<Diagnostic>,
) {
    let mut places: HashMap<String, PathBuf> = HashMap::new();
    for Loaded { path, doc } in &raw.sources {
        let mut s = Sink { path, problems };
        for src in &doc.sources {
            let shape = if is_slug(&src.id.value) {
                Ok(())
            } else {
                Err("lowercase letters, digits and -")
            };
            if !refs
                .known_sources
                .claim(&mut s, &mut places, &src.id, "source", shape)
            {
                continue;
            }
            // The link is checked; no output prints it, so the model has no place for it. The
            // date says when the source's figures were reported (see `analyse::changes`).
            let date = src.date.as_ref().and_then(|d| s.period(d));
            if let Some(url) = &src.url {
                s.url(url);
            }
            refs.sources.insert(
                SourceId::new(src.id.value.clone()),
                Source {
                    title: src.title.clone(),
                    publisher: src.publisher.clone(),
                    date,
                },
            );
        }
    }
    if raw.sources.is_empty() && refs.known_sources.complete {
        problems.push(Diagnostic::file(
            root.join("sources.yaml"),
            "missing sources.yaml (every figure needs a source)",
        ));
    }
}

/// Checks the one strategy file.
pub(super) fn strategy(
    root: &Path,
    raw: &RawContent,
    refs: &Refs,
    problems: &mut Vec<Diagnostic>,
) -> Option<Strategy> {
    match raw.strategy.as_slice() {
        [Loaded { path, doc }] => {
            let mut s = Sink { path, problems };
            if let Some(src) = &doc.source {
                refs.check_source(&mut s, src);
            }
            let horizon = small_int::<i32>(&doc.horizon).filter(|y| (2000..=2100).contains(y));
            if horizon.is_none() {
                s.at(
                    &doc.horizon,
                    format!(
                        "invalid horizon {} (expected a year such as 2030)",
                        doc.horizon.value
                    ),
                );
            }
            let thresholds = doc
                .progress_thresholds
                .as_ref()
                .map_or_else(Thresholds::default, |t| thresholds(&mut s, t));
            let initiative_scale = initiative_scale(&mut s, &doc.initiative_scale);
            let delay_rule =
                super::roadmap::delay_rule(&mut s, doc.roadmap_delays.as_ref(), &initiative_scale);
            let languages = languages(&mut s, doc);
            let base_url = doc
                .base_url
                .as_ref()
                .and_then(|u| match BaseUrl::parse(&u.value) {
                    Ok(url) => Some(url),
                    Err(why) => {
                        s.at(u, format!("invalid base_url `{}` ({why})", u.value));
                        None
                    }
                });
            let licence = doc
                .licence
                .as_ref()
                .and_then(|u| match Licence::parse(&u.value) {
                    Ok(l) => Some(l),
                    Err(why) => {
                        s.at(u, format!("unknown licence `{}` ({why})", u.value));
                        None
                    }
                });
            let contact = doc.contact.as_ref().map(|c| Contact {
                email: c
                    .email
                    .as_ref()
                    .and_then(|e| match Contact::parse_email(&e.value) {
                        Ok(email) => Some(email),
                        Err(why) => {
                            s.at(e, format!("invalid contact email `{}` ({why})", e.value));
                            None
                        }
                    }),
                url: c.url.as_ref().and_then(|u| match BaseUrl::parse(&u.value) {
                    Ok(_) => Some(u.value.trim().to_owned()),
                    Err(why) => {
                        s.at(u, format!("invalid contact url `{}` ({why})", u.value));
                        None
                    }
                }),
            });
            let roadmaps = roadmaps(&mut s, refs, &doc.roadmaps);
            Some(Strategy {
                title: Text::from(&doc.title),
                subtitle: doc.subtitle.as_ref().map(Text::from),
                vision: Text::from(&doc.vision),
                horizon: horizon.unwrap_or(2030),
                publisher: doc.publisher.clone(),
                thresholds,
                languages,
                initiative_scale,
                base_url,
                licence,
                delay_rule,
                contact,
                roadmaps,
            })
        }
        [] if raw.unreadable.contains(&Kind::Strategy) => None,
        [] => {
            problems.push(Diagnostic::file(
                root.join("strategy.yaml"),
                "missing strategy.yaml (expected the strategy's title, vision, horizon and publisher)",
            ));
            None
        }
        [_, rest @ ..] => {
            for l in rest {
                problems.push(Diagnostic::file(
                    &l.path,
                    "a second strategy file (expected exactly one)",
                ));
            }
            None
        }
    }
}

/// A language code, reported when the tool has no labels for it.
fn lang(s: &mut Sink, code: &Spanned<String>) -> Option<Lang> {
    let found = Lang::from_code(&code.value);
    if found.is_none() {
        let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        s.coded(
            Code::UnknownLanguage,
            code,
            format!(
                "unknown language `{}` (expected one of: {})",
                code.value,
                known.join(", ")
            ),
        );
    }
    found
}

/// Checks `language`, `languages` and `publish`: known codes, the main language among
/// those published, and each kind's languages among them.
fn languages(s: &mut Sink, doc: &raw::Strategy) -> Languages {
    let main = doc
        .language
        .as_ref()
        .and_then(|c| lang(s, c))
        .unwrap_or(Lang::Nb);
    let mut all = vec![main];
    for code in &doc.languages {
        if let Some(l) = lang(s, code)
            && !all.contains(&l)
        {
            all.push(l);
        }
    }
    if !doc.languages.is_empty()
        && !doc.languages.iter().any(|c| c.value == main.code())
        && let Some(first) = doc.languages.first()
    {
        s.at(
            first,
            format!(
                "the main language `{}` is not among `languages` (expected it listed)",
                main.code()
            ),
        );
    }
    let publish = doc.publish.as_ref();
    let mut kind = |codes: Option<&Vec<Spanned<String>>>| -> Vec<Lang> {
        let Some(codes) = codes else {
            return all.clone();
        };
        let mut langs = Vec::new();
        for code in codes {
            match lang(s, code) {
                Some(l) if !all.contains(&l) => s.at(
                    code,
                    format!(
                        "`{}` is not among `languages` (expected one of: {})",
                        code.value,
                        all.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ")
                    ),
                ),
                Some(l) if !langs.contains(&l) => langs.push(l),
                _ => {}
            }
        }
        // The main language's output comes first, whatever order the list is in.
        langs.sort_by_key(|l| all.iter().position(|a| a == l));
        langs
    };
    let status = kind(publish.and_then(|p| p.status.as_ref()));
    let edition = kind(publish.and_then(|p| p.edition.as_ref()));
    let site = kind(publish.and_then(|p| p.site.as_ref()));
    // A document's web page links the front page and indicator pages of its own language.
    let kinds = [
        (&status, publish.and_then(|p| p.status.as_ref())),
        (&edition, publish.and_then(|p| p.edition.as_ref())),
    ];
    let mut reported = Vec::new();
    for (langs, codes) in kinds {
        for &l in langs.iter().filter(|l| !site.contains(l)) {
            if reported.contains(&l) {
                continue;
            }
            let place = codes
                .and_then(|c| c.iter().find(|c| c.value == l.code()))
                .or_else(|| {
                    publish
                        .and_then(|p| p.site.as_ref())
                        .and_then(|c| c.first())
                })
                .or_else(|| doc.languages.iter().find(|c| c.value == l.code()));
            if let Some(place) = place {
                s.at(
                    place,
                    format!(
                        "documents are published in `{}` but the site is not (expected `{}` in `publish.site`, whose pages the documents' web pages link to)",
                        l.code(),
                        l.code()
                    ),
                );
            }
            reported.push(l);
        }
    }
    Languages {
        main,
        all,
        status,
        edition,
        site,
    }
}

/// Checks `progress_thresholds`: finite, `0 < moderate < on_track`; a problem leaves the
/// defaults in place (the content then fails anyway).
fn thresholds(s: &mut Sink, raw: &Spanned<raw::ProgressThresholds>) -> Thresholds {
    let defaults = Thresholds::default();
    let mut finite = |v: &Option<Spanned<f64>>, name: &str, default: f64| match v {
        Some(n) if n.value.is_finite() => Some(n.value),
        Some(n) => {
            s.at(
                n,
                format!("invalid {name} threshold (expected a finite number such as {default})"),
            );
            None
        }
        None => Some(default),
    };
    let on_track = finite(&raw.value.on_track, "on_track", defaults.on_track);
    let moderate = finite(&raw.value.moderate, "moderate", defaults.moderate);
    let (Some(on_track), Some(moderate)) = (on_track, moderate) else {
        return defaults;
    };
    if moderate <= 0.0 || on_track <= moderate {
        s.at(
            raw,
            format!(
                "invalid progress thresholds on_track {on_track} and moderate {moderate} (expected 0 < moderate < on_track, such as 0.95 and 0.6)"
            ),
        );
        return defaults;
    }
    Thresholds { on_track, moderate }
}

/// The content's own initiative status scale, or the built-in one when it gives none.
fn initiative_scale(s: &mut Sink, raw: &[raw::ScaleLevel]) -> InitiativeScale {
    if raw.is_empty() {
        return InitiativeScale::default();
    }
    let mut levels: Vec<ScaleLevel> = Vec::new();
    let mut seen = HashSet::new();
    for l in raw {
        if let Some(id) = s.name_once(
            &l.id,
            &mut seen,
            "empty status id (expected a word such as `forsinket`)",
            |id| format!("status `{id}` is listed twice in the scale"),
        ) {
            levels.push(ScaleLevel::Custom {
                id: id.to_owned(),
                name: l.name.as_ref().map_or_else(|| Text::plain(id), Text::from),
                definition: Text::from(&l.definition),
            });
        }
    }
    InitiativeScale { levels }
}

/// Claims every goal number and checks each goal.
pub(super) fn goals(raw: &RawContent, refs: &mut Refs, problems: &mut Vec<Diagnostic>) {
    for Loaded { path, doc } in &raw.goals {
        let mut s = Sink { path, problems };
        refs.known_goals.ids.insert(doc.number.value);
        if let Some(src) = &doc.source {
            refs.check_source(&mut s, src);
        }
        let Some(number) = small_int::<u8>(&doc.number).and_then(GoalNumber::new) else {
            s.at(
                &doc.number,
                format!("invalid goal number {} (expected 1 to 5)", doc.number.value),
            );
            refs.known_goals.complete = false;
            continue;
        };
        if let Some(first) = refs.goals.get(&number) {
            s.at(
                &doc.number,
                format!(
                    "duplicate goal {number} (first defined in {})",
                    first.path.display()
                ),
            );
            refs.known_goals.complete = false;
            continue;
        }
        refs.goals.insert(
            number,
            Goal {
                number,
                title: Text::from(&doc.title),
                summary: Text::from(&doc.summary),
                path: path.clone(),
            },
        );
    }
}

/// `roadmaps:`: the versions of the roadmap, oldest first, each with a unique slug id.
fn roadmaps(s: &mut Sink, refs: &Refs, raw: &[raw::RawRoadmap]) -> Vec<Roadmap> {
    let mut out: Vec<Roadmap> = Vec::new();
    for (index, r) in raw.iter().enumerate() {
        let id = r.id.value.trim();
        if !is_slug(id) {
            s.at(
                &r.id,
                format!(
                    "invalid roadmap version id `{}` (expected lowercase letters, digits and hyphens, such as 2023)",
                    r.id.value
                ),
            );
            continue;
        }
        if out.iter().any(|o| o.version.id == id) {
            s.at(
                &r.id,
                format!("roadmap version `{id}` is declared twice (expected each once)"),
            );
            continue;
        }
        let Ok(index) = u16::try_from(index) else {
            s.at(&r.id, "too many roadmap versions (expected at most 65 535)");
            break;
        };
        out.push(Roadmap {
            version: RoadmapVersion {
                index,
                id: id.to_owned(),
            },
            name: Text::from(&r.name),
            source: r.source.as_ref().map(|src| refs.check_source(s, src)),
        });
    }
    out
}
