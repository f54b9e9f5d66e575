//! Discovery: finds the content files under `content/` and tells what each one is.
//!
//! What a file holds follows from where it lies (`indicators/1.6.yaml` is an indicator).
//! Files are returned in a stable order so that every later stage is deterministic. The
//! limits a file is read under (size, depth, aliases, values, text) are set here, beside the
//! size discovery refuses, for the parser to apply and its messages to name.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;

/// Content files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// How deep lists and mappings may nest.
pub(super) const MAX_DEPTH: usize = 64;
/// How many aliases (`*name`) and anchors (`&name`) a file may hold.
pub(super) const MAX_ALIASES: usize = 1_000;
/// How many values (scalars, lists, mappings) a file may hold.
pub(super) const MAX_NODES: usize = 500_000;
/// How many bytes of text a file may hold, counting what aliases repeat.
pub(super) const MAX_TEXT_BYTES: usize = MAX_FILE_BYTES as usize * 2;

/// What a content file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// `strategy.yaml`.
    Strategy,
    /// `sources.yaml`.
    Sources,
    /// `goals/*.yaml`.
    Goal,
    /// `indicators/*.yaml`.
    Indicator,
    /// `initiatives/*.yaml`, or `initiatives/<folder>/*.yaml`.
    Initiative,
    /// `status/*.yaml`.
    Status,
    /// `editions/*.yaml`.
    Edition,
}

impl Kind {
    /// What a file of this kind holds, with its required fields, for a file that holds
    /// nothing.
    pub fn expected(self) -> &'static str {
        match self {
            Kind::Strategy => "the strategy: title, vision, horizon, publisher",
            Kind::Sources => "a list of sources under `sources:`, each with id and title",
            Kind::Goal => "a goal: number, title, summary",
            Kind::Indicator => "an indicator: id, goal, name, unit, type, description, measures",
            Kind::Initiative => "an initiative: id, goal, title, source",
            Kind::Status => "a quarter's status: quarter, title, source, goals",
            Kind::Edition => {
                "an edition: edition, title, published, source, baseline_heading, target_years, goals"
            }
        }
    }
}

/// A content file found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path as shown to the user (the content folder as given, joined with the file's path).
    pub path: PathBuf,
    /// What it holds.
    pub kind: Kind,
}

/// Lists the content files under `root`, with a diagnostic for every file that cannot be one.
pub fn discover(root: &Path) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !root.is_dir() {
        problems.push(Diagnostic::file(
            root,
            "content folder not found (expected a directory)",
        ));
        return (files, problems);
    }
    let walker = WalkDir::new(root)
        .follow_links(false)
        .max_depth(8)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                problems.push(Diagnostic::file(
                    path,
                    format!("cannot read folder entry ({err})"),
                ));
                continue;
            }
        };
        let path = entry.path();
        let rel = path.strip_prefix(root).unwrap_or(path);
        let is_yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        if entry.path_is_symlink() {
            let target = std::fs::read_link(path)
                .map(|t| t.display().to_string())
                .unwrap_or_else(|_| "?".into());
            problems.push(Diagnostic::file(
                path,
                format!("symbolic link to {target} is not allowed in the content folder (expected a regular file)"),
            ));
            continue;
        }
        if !entry.file_type().is_file() || !is_yaml {
            continue;
        }
        let parts: Vec<_> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect();
        let kind = match parts
            .iter()
            .map(|s| s.as_ref())
            .collect::<Vec<&str>>()
            .as_slice()
        {
            ["strategy.yaml" | "strategy.yml"] => Some(Kind::Strategy),
            ["sources.yaml" | "sources.yml"] => Some(Kind::Sources),
            ["goals", _] => Some(Kind::Goal),
            ["indicators", _] => Some(Kind::Indicator),
            // A version of the roadmap may keep its sub-goals in a folder of their own.
            ["initiatives", _] | ["initiatives", _, _] => Some(Kind::Initiative),
            ["status", _] => Some(Kind::Status),
            ["editions", _] => Some(Kind::Edition),
            _ => None,
        };
        match kind {
            Some(kind) => files.push(SourceFile { path: path.to_path_buf(), kind }),
            None => problems.push(Diagnostic::file(
                path,
                "unexpected content file (expected strategy.yaml, sources.yaml, or a file in goals/, indicators/, initiatives/, status/ or editions/)",
            )),
        }
    }
    (files, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_folder_and_sorts() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "strategy.yaml",
            "indicators/2.1.yaml",
            "indicators/1.6.yaml",
            "status/2026-q2.yaml",
            "notes.md",
            "stray.yaml",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x: 1").unwrap();
        }
        let (files, problems) = discover(root);
        let names: Vec<_> = files
            .iter()
            .map(|f| f.path.strip_prefix(root).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            [
                "indicators/1.6.yaml",
                "indicators/2.1.yaml",
                "status/2026-q2.yaml",
                "strategy.yaml"
            ]
            .map(PathBuf::from)
        );
        assert_eq!(files[0].kind, Kind::Indicator);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.starts_with("unexpected content file"));
    }
}
