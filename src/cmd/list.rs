//! `statusrapport list`: what the content holds, by id — the documents `build --only`
//! accepts with the files each writes, then every indicator and initiative with its name.

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Args;

use super::{ContentArgs, exit_code, report};
use crate::document::{self, kinds, names};
use crate::model::Content;
use crate::pipeline::{self, Timings};

/// Arguments of `list`.
#[derive(Debug, Args)]
#[command(after_help = concat!("Example:\n  statusrapport list --content content\n\n", exit_codes!()))]
pub struct ListArgs {
    /// Where the content is.
    #[command(flatten)]
    pub content: ContentArgs,
}

/// Runs `list`: prints the listing on standard output.
pub fn run(args: ListArgs) -> ExitCode {
    match pipeline::load(&args.content.content, &mut Timings::default()) {
        Ok(content) => {
            print!("{}", listing(&content.output));
            ExitCode::SUCCESS
        }
        Err(e) => {
            report(&e);
            exit_code(&e)
        }
    }
}

/// The listing: three sections of aligned columns, in the content's sorted order.
pub fn listing(content: &Content) -> String {
    let kinds = kinds::kinds(content);
    let langs = &content.strategy.languages;
    let documents: Vec<(String, String)> = document::ids(content)
        .into_iter()
        .map(|id| {
            let mut files = Vec::new();
            let mut more = 0;
            let mut publication = None;
            for k in kinds
                .iter()
                .filter(|k| k.group() == Some(id.clone()) || k.id() == Some(id.clone()))
            {
                publication.get_or_insert(k.publication());
                if k.id() == Some(id.clone()) {
                    files.extend(k.files());
                } else {
                    more += 1;
                }
            }
            let mut text = files.join("  ");
            if more > 0 {
                write!(text, "  and its {more} reports").expect("writing to a string");
            }
            let published = publication.map_or(&langs.all[..], |p| langs.of(p));
            let others: Vec<String> = published
                .iter()
                .filter(|l| **l != langs.main)
                .map(|l| format!("{}/", l.code()))
                .collect();
            if !others.is_empty() {
                write!(text, "  (the same in {})", others.join(", ")).expect("writing to a string");
            }
            (id.to_string(), text)
        })
        .collect();
    let indicators: Vec<(String, String)> = content
        .indicators
        .values()
        .map(|i| (i.id.to_string(), i.name.to_string()))
        .collect();
    // Each sub-goal with its planned period, then its deliveries with phase and period.
    let quarter = |q: crate::model::Quarter| format!("{}-Q{}", q.year, q.quarter);
    let span = |s: crate::model::Span| format!("{}–{}", quarter(s.start), quarter(s.end));
    let initiatives: Vec<(String, String)> = content
        .initiatives
        .values()
        .flat_map(|i| {
            let planned = match i.planned {
                Some(crate::model::Plan::Period(s)) => format!(" (planned {})", span(s)),
                Some(crate::model::Plan::By(q)) => format!(" (planned by {})", quarter(q)),
                None => String::new(),
            };
            // A sub-goal of a named roadmap version is listed with it: `2023/1.B`.
            let id = i.id.qualified();
            std::iter::once((id.clone(), format!("{}{planned}", i.title))).chain(
                i.deliveries.iter().map(move |d| {
                    (
                        format!("{id}/{}", d.id),
                        format!("{} ({}, {})", d.title, d.phase.id(), span(d.planned)),
                    )
                }),
            )
        })
        .collect();
    let mut out = String::new();
    section(
        &mut out,
        "Documents (build --only ID) and the files they write",
        &documents,
    );
    if let Some(base) = &content.strategy.base_url {
        let site: Vec<(String, String)> = [
            (names::CATALOG, "the open data's DCAT-AP-NO catalogue"),
            (names::SITEMAP, "every web page, for search engines"),
            (names::ROBOTS, "where the sitemap is"),
        ]
        .into_iter()
        .map(|(file, what)| (file.to_owned(), format!("{what} ({})", base.join(file))))
        .collect();
        section(&mut out, "Files the site's address adds", &site);
    }
    section(&mut out, "Indicators", &indicators);
    section(&mut out, "Initiatives", &initiatives);
    out
}

/// Writes a heading and its rows, the second column aligned; a blank line between sections.
fn section(out: &mut String, heading: &str, rows: &[(String, String)]) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(heading);
    out.push('\n');
    let width = rows.iter().map(|(id, _)| id.chars().count()).max();
    for (id, text) in rows {
        let width = width.unwrap_or(0);
        writeln!(out, "  {id:<width$}  {text}").expect("writing to a string");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up() {
        let mut out = String::new();
        let rows = [
            ("1.6".to_owned(), "a".to_owned()),
            ("2.5.1".to_owned(), "b".to_owned()),
        ];
        section(&mut out, "H", &rows);
        assert_eq!(out, "H\n  1.6    a\n  2.5.1  b\n");
    }
}
