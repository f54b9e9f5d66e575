//! A source added to `sources.yaml`: the new quarter's deck, appended to the file's text so
//! that the rest of it (comments, order, quoting) stays as the analyst wrote it.

use std::path::Path;

use super::{q, quarter_text};
use crate::input;
use crate::input::raw;
use crate::model::Quarter;

/// A source to add to `sources.yaml`.
pub(super) struct SourceEntry<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its publisher.
    pub publisher: Option<&'a str>,
    /// The quarter it is dated.
    pub quarter: Quarter,
}

/// `sources.yaml` with the entry appended to its `sources:` block list, or `None` when the
/// file is not written as one (a flow list, or keys after the list), so it cannot be
/// appended to safely. The result is parsed back to make sure the entry landed in the list.
pub(super) fn with_source(text: &str, entry: &SourceEntry) -> Option<String> {
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

    const Q3: Quarter = Quarter {
        year: 2026,
        quarter: 3,
    };

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
}
