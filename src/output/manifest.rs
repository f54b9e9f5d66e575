//! The manifest: what the last build wrote, with each file's sha256, its key (what it was
//! made from) and its content files, and for a whole build the key of everything that build
//! was made from. The next build reads it to skip what has not changed and to remove what the
//! content no longer produces.

use std::path::{Component, Path};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::write::{WriteError, write_atomic};
use crate::diagnostics::{Code, Diagnostic, Pos, Warned};
use crate::document::names::MANIFEST;

/// One file the build wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Relative path with `/` separators.
    pub path: String,
    /// The sha256 of its bytes, in hex.
    pub sha256: String,
    /// Its size.
    pub bytes: u64,
    /// The sha256 of everything it was made from; a manifest without keys matches nothing.
    #[serde(default)]
    pub key: String,
    /// Content files it was made from, relative to the content folder.
    pub inputs: Vec<String>,
}

impl Entry {
    /// The entry for `bytes` written at `path`.
    pub fn new(path: String, key: String, inputs: Vec<String>, bytes: &[u8]) -> Entry {
        Entry {
            path,
            sha256: sha256_hex(bytes),
            bytes: bytes.len() as u64,
            key,
            inputs,
        }
    }
}

/// The sha256 of `bytes`, in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// The files a build wrote, sorted by path.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The key of everything the build was made from, when it made every output (no
    /// `--only`, no `--format`): a build with the same key and every file whole has nothing
    /// to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build: Option<String>,
    /// One entry per file.
    pub files: Vec<Entry>,
}

impl Manifest {
    /// The manifest of the last build in `out_dir`: empty when there is none, and empty with
    /// a warning when it cannot be read or is not a manifest, so that everything is built
    /// again and nothing is removed (only a file a manifest lists is ever removed).
    pub fn read(out_dir: &Path) -> Warned<Manifest> {
        let path = out_dir.join(MANIFEST);
        let (mut m, warnings) = match std::fs::read(&path) {
            Ok(bytes) => match serde_json::from_slice::<Manifest>(&bytes) {
                Ok(m) => (m, Vec::new()),
                Err(e) => {
                    let pos = Pos {
                        line: u32::try_from(e.line()).unwrap_or(0),
                        col: u32::try_from(e.column()).unwrap_or(0),
                    };
                    let why = format!("not a manifest: {e}");
                    (Manifest::default(), vec![unreadable(&path, pos, &why)])
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Manifest::default(), Vec::new()),
            Err(e) => (
                Manifest::default(),
                vec![unreadable(&path, Pos::default(), &e.to_string())],
            ),
        };
        m.files.sort_by(|a, b| a.path.cmp(&b.path));
        Warned {
            output: m,
            warnings,
        }
    }

    /// The entry for `path`.
    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.files
            .binary_search_by(|e| e.path.as_str().cmp(path))
            .ok()
            .map(|i| &self.files[i])
    }

    /// Writes the manifest of `files` (in any order), made by a build whose key is `build`,
    /// to `out_dir`, atomically, unless the manifest there already says the same.
    pub fn write(
        out_dir: &Path,
        build: Option<String>,
        mut files: Vec<Entry>,
    ) -> Result<(), WriteError> {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut json =
            serde_json::to_vec_pretty(&Manifest { build, files }).expect("manifest serializes");
        json.push(b'\n');
        let path = out_dir.join(MANIFEST);
        if std::fs::read(&path).is_ok_and(|old| old == json) {
            return Ok(());
        }
        write_atomic(&path, &json)
    }
}

/// The warning for a manifest that cannot be read: what happens instead.
fn unreadable(path: &Path, pos: Pos, why: &str) -> Diagnostic {
    Diagnostic::warning(
        path,
        pos,
        format!("failed to read the last build's manifest ({why})"),
    )
    .with_code(Code::UnreadableManifest)
    .with_help(
        "every output is made again and no file in the output folder is removed; outputs \
         the content no longer produces stay until you remove them",
    )
}

/// True when the file `entry` describes is in `out_dir` with the size and sha256 it lists.
pub fn on_disk(out_dir: &Path, entry: &Entry) -> bool {
    let Some(path) = inside(out_dir, &entry.path) else {
        return false;
    };
    // Hashed as it is read, in pieces: reading a font whole into a fresh buffer costs more
    // than hashing it.
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let mut hasher = Sha256::new();
    file.metadata().is_ok_and(|m| m.len() == entry.bytes)
        && std::io::copy(&mut file, &mut hasher).is_ok_and(|n| n == entry.bytes)
        && format!("{:x}", hasher.finalize()) == entry.sha256
}

/// `rel` under `out_dir`, when it is a plain relative path that cannot leave the folder.
fn inside(out_dir: &Path, rel: &str) -> Option<std::path::PathBuf> {
    let path = Path::new(rel);
    let plain = !rel.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)));
    plain.then(|| out_dir.join(path))
}

/// Removes the files `previous` lists that the build did not produce now (`now`), and any
/// folder that this leaves empty; nothing else in `out_dir` is touched. Returns their paths.
pub fn remove_gone(out_dir: &Path, previous: &Manifest, now: &[Entry]) -> Vec<String> {
    let mut produced: Vec<&str> = now.iter().map(|e| e.path.as_str()).collect();
    produced.sort_unstable();
    let mut removed = Vec::new();
    for e in &previous.files {
        if e.path == MANIFEST || produced.binary_search(&e.path.as_str()).is_ok() {
            continue;
        }
        let Some(path) = inside(out_dir, &e.path) else {
            continue;
        };
        if std::fs::remove_file(&path).is_ok() {
            removed.push(e.path.clone());
        }
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != out_dir && d.starts_with(out_dir)) {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;

    fn entry(path: &str) -> Entry {
        Entry::new(path.into(), "k".into(), Vec::new(), path.as_bytes())
    }

    #[test]
    fn removes_only_what_the_last_manifest_listed_and_this_build_did_not_make() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        for p in [
            "a.pdf",
            "gone/index.html",
            "gone.pdf",
            "mine.txt",
            "shared/x",
            "shared/mine",
        ] {
            let path = out.join(p);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, p).unwrap();
        }
        let previous = Manifest {
            build: None,
            files: [
                "a.pdf",
                "gone.pdf",
                "gone/index.html",
                "shared/x",
                "../outside",
            ]
            .map(entry)
            .to_vec(),
        };
        let removed = remove_gone(out, &previous, &[entry("a.pdf")]);
        assert_eq!(removed, ["gone.pdf", "gone/index.html", "shared/x"]);
        assert!(out.join("a.pdf").is_file());
        assert!(
            out.join("mine.txt").is_file(),
            "files no manifest listed stay"
        );
        assert!(out.join("shared/mine").is_file());
        assert!(!out.join("gone").exists(), "an emptied folder goes too");
    }

    #[test]
    fn an_unreadable_manifest_is_taken_as_empty_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let none = Manifest::read(dir.path());
        assert!(none.output.files.is_empty() && none.warnings.is_empty());
        std::fs::write(
            dir.path().join(MANIFEST),
            "{\"files\": [\n  {\"path\": 3}\n",
        )
        .unwrap();
        let broken = Manifest::read(dir.path());
        assert!(broken.output.files.is_empty());
        let [w] = broken.warnings.as_slice() else {
            panic!("{:?}", broken.warnings)
        };
        assert_eq!(
            (w.severity, w.code),
            (Severity::Warning, Code::UnreadableManifest)
        );
        assert_eq!(w.path, dir.path().join(MANIFEST));
        assert_eq!(w.pos.line, 2);
        assert!(
            w.message
                .starts_with("failed to read the last build's manifest (not a manifest: "),
            "{}",
            w.message
        );
        assert!(
            w.help
                .as_deref()
                .unwrap()
                .contains("no file in the output folder is removed")
        );
        // Nothing is removed on the word of a manifest that could not be read.
        std::fs::write(dir.path().join("a.pdf"), "a").unwrap();
        assert!(remove_gone(dir.path(), &broken.output, &[]).is_empty());
        assert!(dir.path().join("a.pdf").is_file());
    }

    #[test]
    fn a_file_changed_on_disk_is_not_taken_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let e = entry("a.pdf");
        std::fs::write(dir.path().join("a.pdf"), "a.pdf").unwrap();
        assert!(on_disk(dir.path(), &e));
        std::fs::write(dir.path().join("a.pdf"), "a.pdX").unwrap();
        assert!(!on_disk(dir.path(), &e));
        assert!(!on_disk(dir.path(), &entry("../a.pdf")));
    }
}
