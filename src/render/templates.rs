//! The templates a build uses: the built-in ones, compiled into the binary, each replaced by
//! a file of the same relative path in an override folder when there is one — the house style
//! without a compiler, as mdBook's theme folder works.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The built-in templates, by their path relative to a templates folder.
pub static BUILTIN: &[(&str, &str)] = &[
    ("deck.typ", include_str!("../../templates/deck.typ")),
    ("report.typ", include_str!("../../templates/report.typ")),
    ("goal.typ", include_str!("../../templates/goal.typ")),
    (
        "indikatorer.typ",
        include_str!("../../templates/indikatorer.typ"),
    ),
    (
        "typst/style.typ",
        include_str!("../../templates/typst/style.typ"),
    ),
    (
        "html/base.html",
        include_str!("../../templates/html/base.html"),
    ),
    (
        "html/indikatorer.html",
        include_str!("../../templates/html/indikatorer.html"),
    ),
    (
        "html/status.html",
        include_str!("../../templates/html/status.html"),
    ),
    (
        "html/progress.html",
        include_str!("../../templates/html/progress.html"),
    ),
    (
        "html/roadmap.html",
        include_str!("../../templates/html/roadmap.html"),
    ),
    (
        "html/sub_goal.html",
        include_str!("../../templates/html/sub_goal.html"),
    ),
    (
        "html/timeline.html",
        include_str!("../../templates/html/timeline.html"),
    ),
    (
        "html/index.html",
        include_str!("../../templates/html/index.html"),
    ),
    (
        "html/indicator.html",
        include_str!("../../templates/html/indicator.html"),
    ),
    (
        "html/style.css",
        include_str!("../../templates/html/style.css"),
    ),
];

/// The folder of typst modules that generated documents import (`#import "style.typ"`).
const TYPST_MODULES: &str = "typst/";

/// One template's text and where it came from.
#[derive(Debug, Clone)]
pub struct Template {
    /// Its path relative to a templates folder: `html/status.html`.
    pub rel: &'static str,
    /// The text.
    pub text: String,
    /// The overriding file it was read from; `None` for the built-in one.
    pub file: Option<PathBuf>,
}

impl Template {
    /// The name documents and other templates refer to it by: its file name.
    pub fn name(&self) -> &'static str {
        self.rel.rsplit('/').next().unwrap_or(self.rel)
    }

    /// Where a message about it should point: the overriding file, or the built-in path.
    pub fn shown_path(&self) -> String {
        match &self.file {
            Some(f) => f.display().to_string(),
            None => format!("<built-in>/templates/{}", self.rel),
        }
    }
}

/// A template that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("failed to read template {} ({source})", path.display())]
pub struct ReadError {
    /// The file.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: std::io::Error,
}

/// A template that could not be written (by `init-templates`).
#[derive(Debug, thiserror::Error)]
#[error("failed to write template {} ({source})", path.display())]
pub struct WriteError {
    /// The file, or the folder that could not be made for it.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: std::io::Error,
}

/// Every template of a build, by name.
#[derive(Debug, Clone)]
pub struct Templates {
    by_name: BTreeMap<&'static str, Template>,
}

impl Templates {
    /// The built-in templates alone.
    pub fn builtin() -> Templates {
        let by_name = BUILTIN
            .iter()
            .map(|(rel, text)| {
                let t = Template {
                    rel,
                    text: (*text).to_owned(),
                    file: None,
                };
                (t.name(), t)
            })
            .collect();
        Templates { by_name }
    }

    /// The built-in templates, each replaced by `dir/<its path>` when that file exists. A
    /// missing `dir` means no overrides.
    pub fn load(dir: Option<&Path>) -> Result<Templates, ReadError> {
        let mut templates = Templates::builtin();
        let Some(dir) = dir else {
            return Ok(templates);
        };
        for t in templates.by_name.values_mut() {
            let path = dir.join(t.rel);
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    t.text = text;
                    t.file = Some(path);
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(ReadError { path, source }),
            }
        }
        Ok(templates)
    }

    /// Every template, in name order.
    pub fn iter(&self) -> impl Iterator<Item = &Template> {
        self.by_name.values()
    }

    /// The template of this name.
    pub fn get(&self, name: &str) -> Option<&Template> {
        self.by_name.get(name)
    }

    /// The typst modules generated documents import, as (file name, text).
    pub fn typst_modules(&self) -> Vec<(&'static str, &str)> {
        self.iter()
            .filter(|t| t.rel.starts_with(TYPST_MODULES))
            .map(|t| (t.name(), t.text.as_str()))
            .collect()
    }

    /// The typst module documents import as `name` (`style.typ`).
    pub fn typst_module(&self, name: &str) -> Option<&Template> {
        self.get(name).filter(|t| t.rel.starts_with(TYPST_MODULES))
    }

    /// The templates that replaced a built-in one.
    pub fn overrides(&self) -> impl Iterator<Item = &Template> {
        self.iter().filter(|t| t.file.is_some())
    }
}

/// Writes the built-in templates into `dir`, refusing to replace a file that is there.
/// Returns the files written.
pub fn write_builtin(dir: &Path) -> Result<Vec<PathBuf>, WriteError> {
    let mut written = Vec::new();
    for (rel, text) in BUILTIN {
        let path = dir.join(rel);
        if path.exists() {
            continue;
        }
        let fail = |source| WriteError {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        std::fs::write(&path, text).map_err(fail)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_the_override_folder_replaces_its_built_in_template() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("typst")).unwrap();
        std::fs::write(dir.path().join("typst/style.typ"), "// mine").unwrap();
        let t = Templates::load(Some(dir.path())).unwrap();
        assert_eq!(t.get("style.typ").unwrap().text, "// mine");
        assert_eq!(t.overrides().count(), 1);
        assert_eq!(t.typst_modules(), [("style.typ", "// mine")]);
        assert_eq!(
            t.get("deck.typ").unwrap().text,
            Templates::builtin().get("deck.typ").unwrap().text
        );
    }

    #[test]
    fn a_template_that_cannot_be_written_is_a_failed_write() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the `html/` folder should be: no folder, even for root.
        std::fs::write(dir.path().join("html"), "").unwrap();
        let err = write_builtin(dir.path()).unwrap_err().to_string();
        assert!(err.starts_with("failed to write template "), "{err}");
    }

    #[test]
    fn init_writes_every_template_once() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_builtin(dir.path()).unwrap();
        assert_eq!(first.len(), BUILTIN.len());
        assert!(write_builtin(dir.path()).unwrap().is_empty());
        let t = Templates::load(Some(dir.path())).unwrap();
        assert_eq!(t.overrides().count(), BUILTIN.len());
    }
}
