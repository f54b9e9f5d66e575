//! The typst world: serves one generated document, the project's typst templates, and that
//! document's charts. Nothing else — no file system, no packages, no system fonts, no clock.

use std::collections::HashMap;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::FONTS;

/// The standard library, built once, with typst's `a11y-extras` feature, whose
/// `pdf.header-cell(scope: "row")` tags a table's first column (a sub-goal, a measure) as the
/// row's header; `sys.inputs.a11y-extras` tells the templates, so that a kept source compiled
/// by a typst without the feature still compiles (with plain cells).
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
    let mut inputs = typst::foundations::Dict::new();
    inputs.insert(
        "a11y-extras".into(),
        typst::foundations::Value::Str("on".into()),
    );
    LazyHash::new(
        Library::builder()
            .with_inputs(inputs)
            .with_features([typst::Feature::A11yExtras].into_iter().collect())
            .build(),
    )
});

/// A file id for a path inside the virtual project.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path)
        .unwrap_or_else(|_| VirtualPath::new("/invalid").expect("static path"));
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

/// The file id of the generated source of the document `name`.
pub fn main_id(name: &str) -> FileId {
    file_id(&format!("/{name}.typ"))
}

/// The world one document is compiled in.
pub struct DocumentWorld {
    main: Source,
    modules: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

impl DocumentWorld {
    /// A world for the typst source `main` (named `name`), the typst `modules` it imports
    /// (file name and text), extra binary files such as charts under their virtual paths, and
    /// a fixed "today".
    pub fn new(
        name: &str,
        main: String,
        modules: &[(&str, &str)],
        files: Vec<(String, Vec<u8>)>,
        today: Datetime,
    ) -> Self {
        Self::with_source(Source::new(main_id(name), main), modules, files, today)
    }

    /// A world as [`new`](Self::new) makes it, around a main source made elsewhere (a
    /// `watch`'s last source with its text replaced: see [`super::Warm`]).
    pub fn with_source(
        main: Source,
        modules: &[(&str, &str)],
        files: Vec<(String, Vec<u8>)>,
        today: Datetime,
    ) -> Self {
        let modules = modules
            .iter()
            .map(|(path, text)| {
                let id = file_id(&format!("/{path}"));
                (id, Source::new(id, (*text).to_owned()))
            })
            .collect();
        let files = files
            .into_iter()
            .map(|(path, bytes)| (file_id(&path), Bytes::new(bytes)))
            .collect();
        DocumentWorld {
            main,
            modules,
            files,
            today,
        }
    }

    fn not_found(id: FileId) -> FileError {
        FileError::NotFound(id.vpath().get_without_slash().into())
    }
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        self.modules
            .get(&id)
            .cloned()
            .ok_or_else(|| Self::not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.files.get(&id) {
            return Ok(bytes.clone());
        }
        match self.source(id) {
            Ok(source) => Ok(Bytes::from_string(source.text().to_owned())),
            Err(_) => Err(Self::not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
