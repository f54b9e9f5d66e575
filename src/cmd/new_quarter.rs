//! `statusrapport new-quarter 2026-Q3`: starts a quarter's status from the latest one.
//!
//! The new file keeps what carries over — the goals, the selected indicators and sub-goals
//! with the sub-goals' statuses, the indicator pages with what they say about each
//! indicator — and empties what is written anew each quarter: the overall status, positive
//! events, challenges, questions, the statuses' comments, the summary pages' footnotes and
//! the assessment of each page that had one. It is marked
//! `draft: true`, so `check` warns about every text still to write, and it builds at once.
//! Its source, the quarter's published deck, is added to `sources.yaml`. If the result does
//! not check, nothing is left changed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::{ContentArgs, exit_code, report, usage_error};
use crate::input;
use crate::input::raw::{self, RawText};
use crate::model::{Content, Period, Quarter};
use crate::output;
use crate::pipeline::{self, Timings};

/// Arguments of `new-quarter`.
#[derive(Debug, Args)]
#[command(after_help = concat!("Example:\n  statusrapport new-quarter 2026-Q3\n\n\
    Writes content/status/2026-q3.yaml from the latest status and adds the source \
    status-2026-q3 to content/sources.yaml; an existing quarter is never overwritten.\n\n", exit_codes!()))]
pub struct NewQuarterArgs {
    /// The quarter to start, such as 2026-Q3.
    #[arg(value_name = "QUARTER")]
    pub quarter: String,
    /// Where the content is.
    #[command(flatten)]
    pub content: ContentArgs,
}

/// What the schema line points at, from a file in `content/status/`: the `schemas/` folder
/// that `statusrapport schema` writes beside the content folder.
const SCHEMA_LINE: &str = "# yaml-language-server: $schema=../../schemas/status.schema.json";

/// Runs `new-quarter`; with `quiet`, prints only problems.
pub fn run(args: NewQuarterArgs, quiet: bool) -> ExitCode {
    let quarter = match Period::parse(args.quarter.trim()) {
        Ok(Period::Quarter(year, quarter)) => Quarter { year, quarter },
        Ok(_) | Err(_) => {
            eprintln!(
                "error: `{}` is not a quarter (expected such as 2026-Q3)",
                args.quarter
            );
            return usage_error();
        }
    };
    let dir = &args.content.content;
    let content = match pipeline::load(dir, &mut Timings::default()) {
        Ok(c) => c.output,
        Err(e) => {
            report(&e);
            eprintln!("error: the content must check before a quarter is added");
            return exit_code(&e);
        }
    };
    match start(dir, &content, quarter) {
        Ok(started) => {
            if !quiet {
                eprintln!(
                    "wrote {} from {}",
                    started.status.display(),
                    started.from.display()
                );
                if let Some(source) = started.source {
                    eprintln!(
                        "added the source `{source}` to {}",
                        started.sources.display()
                    );
                }
                eprintln!(
                    "next: write the texts, remove `draft: true`, then run `statusrapport check`"
                );
            }
            ExitCode::SUCCESS
        }
        Err(Refused::Content(e)) => {
            report(&e);
            eprintln!("error: the new quarter did not check; nothing was changed");
            ExitCode::FAILURE
        }
        Err(Refused::Usage(message)) => {
            eprintln!("error: {message}");
            usage_error()
        }
        Err(Refused::Other(message)) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// What `new-quarter` wrote.
struct Started {
    /// The new status file.
    status: PathBuf,
    /// The status it was made from.
    from: PathBuf,
    /// The source id added, unless it was there already.
    source: Option<String>,
    /// The sources file.
    sources: PathBuf,
}

/// Why `new-quarter` wrote nothing.
enum Refused {
    /// The result did not check (and was taken back).
    Content(pipeline::BuildError),
    /// The quarter exists already, or a file cannot be written: a usage or environment
    /// error, as a message.
    Usage(String),
    /// Anything else in the content, as a message.
    Other(String),
}

/// Writes the new status and its source, and takes both back if the result does not check.
fn start(dir: &Path, content: &Content, quarter: Quarter) -> Result<Started, Refused> {
    let name = format!("{}-q{}.yaml", quarter.year, quarter.quarter);
    let path = dir.join("status").join(&name);
    if let Some(existing) = content.statuses.get(&quarter) {
        return Err(Refused::Usage(format!(
            "{} already has a status ({}); nothing was written",
            quarter_text(quarter),
            existing.path.display()
        )));
    }
    if path.exists() {
        return Err(Refused::Usage(format!(
            "{} already exists; nothing was written",
            path.display()
        )));
    }
    let Some(latest) = content.statuses.values().next_back() else {
        return Err(Refused::Other(
            "there is no status to start from (expected a file in status/)".into(),
        ));
    };
    let text = input::read_text(&latest.path).map_err(|d| Refused::Other(d.to_string()))?;
    let doc: raw::Status =
        input::from_yaml(&latest.path, &text).map_err(|d| Refused::Other(d.to_string()))?;
    let old = latest.quarter;
    let source_id = format!("status-{}-q{}", quarter.year, quarter.quarter);
    let title = retitle(&doc.title, old, quarter);
    let status_text = status_yaml(&doc, quarter, &source_id, &title, &latest.path);

    let sources_path = content
        .source_paths
        .first()
        .cloned()
        .unwrap_or_else(|| dir.join("sources.yaml"));
    let old_sources = input::read_text(&sources_path).map_err(|d| Refused::Other(d.to_string()))?;
    let new_sources = if content.sources.contains_key(source_id.as_str()) {
        None
    } else {
        let publisher = content
            .sources
            .get(&latest.source)
            .and_then(|s| s.publisher.clone());
        let texts = title.by_code();
        let entry = SourceEntry {
            id: &source_id,
            title: texts.first().map_or("", |(_, t)| t),
            publisher: publisher.as_deref(),
            quarter,
        };
        Some(with_source(&old_sources, &entry).ok_or_else(|| {
            Refused::Other(format!(
                "cannot add the source `{source_id}` to {} (expected a block list \
                         under `sources:`); add it by hand and run new-quarter again",
                sources_path.display()
            ))
        })?)
    };

    let write = |p: &Path, t: &str| {
        output::write_atomic(p, t.as_bytes()).map_err(|e| Refused::Usage(e.to_string()))
    };
    write(&path, &status_text)?;
    if let Some(new) = &new_sources
        && let Err(e) = write(&sources_path, new)
    {
        let _ = std::fs::remove_file(&path);
        return Err(e);
    }
    if let Err(e) = pipeline::load(dir, &mut Timings::default()) {
        let _ = std::fs::remove_file(&path);
        if new_sources.is_some() {
            let _ = output::write_atomic(&sources_path, old_sources.as_bytes());
        }
        return Err(Refused::Content(e));
    }
    Ok(Started {
        status: path,
        from: latest.path.clone(),
        source: new_sources.map(|_| source_id),
        sources: sources_path,
    })
}

/// `2026-Q3`.
fn quarter_text(q: Quarter) -> String {
    format!("{}-Q{}", q.year, q.quarter)
}

/// The title with the old quarter's name (`Q2 2026` or `2026-Q2`) replaced by the new one's.
fn retitle(title: &RawText, old: Quarter, new: Quarter) -> RawText {
    title.map(|t| {
        t.replace(
            &format!("Q{} {}", old.quarter, old.year),
            &format!("Q{} {}", new.quarter, new.year),
        )
        .replace(&quarter_text(old), &quarter_text(new))
    })
}

/// A YAML string: double-quoted with JSON's escapes, which YAML reads the same way.
fn q(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// A YAML text as it was written: a string, or a flow map by language.
fn qt(t: &RawText) -> String {
    let texts = t.by_code();
    match texts.as_slice() {
        [(None, s)] => q(s),
        _ => {
            let pairs: Vec<String> = texts
                .iter()
                .map(|(code, s)| format!("{}: {}", code.unwrap_or_default(), q(s)))
                .collect();
            format!("{{{}}}", pairs.join(", "))
        }
    }
}

/// The new status file.
fn status_yaml(
    doc: &raw::Status,
    quarter: Quarter,
    source: &str,
    title: &RawText,
    from: &Path,
) -> String {
    let from = from.file_name().map_or_else(
        || from.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut y = String::new();
    let mut line = |indent: usize, text: &str| {
        writeln!(y, "{:indent$}{text}", "").expect("writing to a string");
    };
    line(0, SCHEMA_LINE);
    line(
        0,
        &format!("# Started from {from} by `statusrapport new-quarter`."),
    );
    line(
        0,
        "# Write every text marked TODO, check the pages' captions and notes,",
    );
    line(
        0,
        "# then remove `draft: true`; until then `statusrapport check` warns.",
    );
    line(0, &format!("quarter: {}", quarter_text(quarter)));
    line(0, &format!("title: {}", qt(title)));
    if let Some(s) = &doc.subtitle {
        line(0, &format!("subtitle: {}", qt(s)));
    }
    line(0, &format!("source: {}", q(source)));
    line(0, "draft: true");
    line(0, "goals:");
    for g in &doc.goals {
        line(2, &format!("- goal: {}", g.goal.value));
        line(4, "overall: [] # TODO: overordnet status");
        if !g.selected.is_empty() {
            line(4, "selected:");
        }
        for s in &g.selected {
            let s = &s.value;
            let mut fields: Vec<String> = Vec::new();
            if let Some(l) = &s.label {
                fields.push(format!("label: {}", qt(l)));
            }
            if let Some(i) = &s.initiative {
                fields.push(format!("initiative: {}", q(&i.value)));
            }
            if let Some(i) = &s.indicator {
                fields.push(format!("indicator: {}", q(&i.value)));
            }
            if let Some(t) = &s.text {
                fields.push(format!("text: {}", qt(t)));
            }
            if !s.items.is_empty() {
                fields.push(format!("items: {}", list_texts(&s.items)));
            }
            // The status carries over until the analyst changes it; its comment is this
            // quarter's text, written anew.
            if let Some(st) = &s.status {
                fields.push(format!("status: {} # as last quarter: check", q(&st.value)));
            }
            item(&mut line, 6, &fields);
        }
        line(4, "positive: [] # TODO: positive hendelser");
        line(4, "challenges: [] # TODO: utfordringer");
        line(4, "questions: [] # TODO: viktige strategiske spørsmål");
        if !g.pages.is_empty() {
            line(4, "pages:");
        }
        for p in &g.pages {
            let mut fields = vec![format!("indicator: {}", q(&p.indicator.value))];
            if !p.measures.is_empty() {
                let ids: Vec<String> = p.measures.iter().map(|m| m.value.clone()).collect();
                fields.push(format!("measures: {}", list(&ids)));
            }
            fields.push(format!("title: {}", qt(&p.title)));
            if let Some(h) = &p.about_heading {
                fields.push(format!("about_heading: {}", qt(h)));
            }
            fields.push(format!("about: {}", qt(&p.about)));
            if let Some(h) = &p.assessment_heading {
                fields.push(format!("assessment_heading: {}", qt(h)));
            }
            if p.assessment.is_some() {
                fields.push("assessment: \"\" # TODO: vurdering".to_owned());
            }
            if let Some(a) = &p.proposed_ambition {
                fields.push(format!("proposed_ambition: {}", qt(a)));
            }
            if let Some(c) = &p.chart_caption {
                fields.push(format!("chart_caption: {}", qt(c)));
            }
            if !p.notes.is_empty() {
                fields.push("notes:".to_owned());
            }
            item(&mut line, 6, &fields);
            for n in &p.notes {
                let mut note = Vec::new();
                if let Some(m) = &n.mark {
                    note.push(format!("mark: {}", q(m)));
                }
                note.push(format!("text: {}", qt(&n.text)));
                if let Some(u) = &n.url {
                    note.push(format!("url: {}", q(&u.value)));
                }
                item(&mut line, 10, &note);
            }
        }
    }
    y
}

/// Writes a block-list item of `fields` at `indent`: the first after `- `, the rest below.
fn item(line: &mut impl FnMut(usize, &str), indent: usize, fields: &[String]) {
    for (i, f) in fields.iter().enumerate() {
        if i == 0 {
            line(indent, &format!("- {f}"));
        } else {
            line(indent + 2, f);
        }
    }
}

/// A flow list of strings: `["a", "b"]`.
fn list_texts(items: &[RawText]) -> String {
    let quoted: Vec<String> = items.iter().map(qt).collect();
    format!("[{}]", quoted.join(", "))
}

/// A YAML flow list of strings.
fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A source to add to `sources.yaml`.
struct SourceEntry<'a> {
    /// Its id.
    id: &'a str,
    /// Its title.
    title: &'a str,
    /// Its publisher.
    publisher: Option<&'a str>,
    /// The quarter it is dated.
    quarter: Quarter,
}

/// `sources.yaml` with the entry appended to its `sources:` block list, or `None` when the
/// file is not written as one (a flow list, or keys after the list), so it cannot be
/// appended to safely. The result is parsed back to make sure the entry landed in the list.
fn with_source(text: &str, entry: &SourceEntry) -> Option<String> {
    let indent = text
        .lines()
        .skip_while(|l| !l.starts_with("sources:"))
        .skip(1)
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .filter(|l| l.trim_start().starts_with("- "))
        .map(|l| l.len() - l.trim_start().len())?;
    let mut out = text.to_owned();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    let pad = " ".repeat(indent);
    let mut add = |s: String| {
        out.push_str(&pad);
        out.push_str(&s);
        out.push('\n');
    };
    add(format!("- id: {}", q(entry.id)));
    add(format!("  title: {}", q(entry.title)));
    if let Some(p) = entry.publisher {
        add(format!("  publisher: {}", q(p)));
    }
    add(format!("  date: {}", quarter_text(entry.quarter)));
    let before: raw::Sources = input::from_yaml(Path::new("sources.yaml"), text).ok()?;
    let after: raw::Sources = input::from_yaml(Path::new("sources.yaml"), &out).ok()?;
    let landed = after.sources.len() == before.sources.len() + 1
        && after.sources.last().is_some_and(|s| s.id.value == entry.id);
    landed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q2: Quarter = Quarter {
        year: 2026,
        quarter: 2,
    };
    const Q3: Quarter = Quarter {
        year: 2026,
        quarter: 3,
    };

    #[test]
    fn titles_name_the_new_quarter() {
        assert_eq!(
            *retitle(
                &RawText::plain("Status nasjonal e-helsestrategi Q2 2026"),
                Q2,
                Q3
            ),
            *"Status nasjonal e-helsestrategi Q3 2026"
        );
        assert_eq!(
            *retitle(&RawText::plain("Status 2026-Q2"), Q2, Q3),
            *"Status 2026-Q3"
        );
        assert_eq!(*retitle(&RawText::plain("Status"), Q2, Q3), *"Status");
    }

    #[test]
    fn a_source_joins_the_block_list() {
        let entry = SourceEntry {
            id: "status-2026-q3",
            title: "Status: «Q3»",
            publisher: None,
            quarter: Q3,
        };
        let text = "sources:\n  - id: a\n    title: A\n";
        let out = with_source(text, &entry).unwrap();
        assert_eq!(
            out,
            "sources:\n  - id: a\n    title: A\n  - id: \"status-2026-q3\"\n    \
             title: \"Status: «Q3»\"\n    date: 2026-Q3\n"
        );
        assert_eq!(with_source("sources: [{id: a, title: A}]\n", &entry), None);
    }

    #[test]
    fn the_new_status_reads_back_with_the_texts_emptied() {
        let old = "quarter: 2026-Q2\ntitle: T Q2 2026\nsource: s\ngoals:\n  - goal: 1\n    \
            overall: [x]\n    selected:\n      - label: L\n        initiative: 1A\n        status: risiko\n        \
            comment: C\n      \
            - indicator: \"1.6\"\n        text: \"a: b\"\n        items: [i]\n    \
            positive: [p]\n    pages:\n      - indicator: \"1.6\"\n        measures: [m]\n        \
            title: P\n        about: \"A\\nB\"\n        assessment: old\n        \
            notes:\n          - mark: \"*\"\n            text: N\n";
        let doc: raw::Status = input::from_yaml(Path::new("s.yaml"), old).unwrap();
        let text = status_yaml(
            &doc,
            Q3,
            "status-2026-q3",
            &RawText::plain("T Q3 2026"),
            Path::new("s.yaml"),
        );
        assert!(text.starts_with(SCHEMA_LINE), "{text}");
        let new: raw::Status = input::from_yaml(Path::new("n.yaml"), &text).unwrap();
        assert_eq!(new.quarter.value.0, "2026-Q3");
        assert_eq!(new.title, "T Q3 2026");
        assert!(new.draft);
        let g = &new.goals[0];
        assert!(g.overall.is_empty() && g.positive.is_empty());
        assert_eq!(g.selected.len(), 2);
        let first = &g.selected[0].value;
        assert_eq!(
            first.status.as_ref().map(|s| s.value.as_str()),
            Some("risiko")
        );
        assert!(first.comment.is_none());
        let s = &g.selected[1].value;
        assert_eq!(s.text.as_deref(), Some("a: b"));
        assert_eq!(s.items, ["i"]);
        let p = &g.pages[0];
        assert_eq!(p.about, "A\nB");
        assert_eq!(p.measures[0].value, "m");
        assert_eq!(p.assessment.as_deref(), Some(""));
        assert_eq!(p.notes[0].mark.as_deref(), Some("*"));
    }
}
