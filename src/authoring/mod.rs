//! Authoring: writes content for the analyst. [`start`] begins a quarter's status from the
//! latest one, as `statusrapport new-quarter 2026-Q3` asks.
//!
//! In: the checked content and the latest status file, read again into its raw type. Out: the
//! new status file (`content/status/<quarter>.yaml`, written by [`status`] from the raw type so
//! that every field carries over or is emptied on purpose) and its source added to
//! `sources.yaml` ([`sources`]). The result is checked as `check` would; if it does not check,
//! both files are taken back and nothing is left changed.

mod sources;
mod status;

use std::path::{Path, PathBuf};

use crate::input;
use crate::input::raw::{self, RawText};
use crate::model::{Content, Quarter};
use crate::output;
use crate::pipeline::{self, Timings};

use sources::{SourceEntry, with_source};

/// What [`start`] wrote.
#[derive(Debug)]
pub struct Started {
    /// The new status file.
    pub status: PathBuf,
    /// The status it was made from.
    pub from: PathBuf,
    /// The source id added, unless it was there already.
    pub source: Option<String>,
    /// The sources file.
    pub sources: PathBuf,
}

/// Why [`start`] wrote nothing.
#[derive(Debug)]
pub enum Refused {
    /// The result did not check (and was taken back).
    Content(pipeline::BuildError),
    /// The quarter exists already, or a file cannot be written: a usage or environment
    /// error, as a message.
    Usage(String),
    /// Anything else in the content, as a message.
    Other(String),
}

/// Writes the new status and its source, and takes both back if the result does not check.
pub fn start(dir: &Path, content: &Content, quarter: Quarter) -> Result<Started, Refused> {
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
    // The quarter's deck is the source its values cite: named as `names` names the deck.
    let source_id = crate::document::names::DocId::deck(quarter).to_string();
    let title = retitle(&doc.title, old, quarter);
    let status_text = status::status_yaml(&doc, quarter, &source_id, &title, &latest.path);

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
pub(super) fn quarter_text(q: Quarter) -> String {
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
pub(super) fn q(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
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
}
