//! Writing: puts finished files into `out/` so that a reader never sees half a file.
//!
//! Each file is written beside its destination as a temporary file and persisted (renamed)
//! over the old one. A build killed mid-write can leave a temporary behind; the next build
//! removes it. Files are not synced to disk one by one: the rename is what keeps a reader
//! from seeing half a file, and after a power loss the next build checks every output's
//! sha256 against the manifest and remakes what does not match; a sync per file cost a
//! journal commit each, about a quarter of a full build on ext4.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// A failure while writing.
#[derive(Debug, thiserror::Error)]
#[error("failed to write {} ({source})", path.display())]
pub struct WriteError {
    /// The path that could not be written.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: std::io::Error,
}

/// What every temporary's name holds, so that a later build can find leftovers.
const TEMPORARY: &str = ".tmp-";

/// A file written whole under a temporary name beside its destination, not yet in place:
/// [`Pending::commit`] renames it over the destination; dropped, it is removed. A build holds
/// its outputs as pending files until every one was made, so a failed build leaves `out/` as
/// it was, while no output's bytes stay in memory.
#[derive(Debug)]
pub struct Pending {
    tmp: tempfile::TempPath,
    dest: PathBuf,
}

impl Pending {
    /// Puts the file in place.
    pub fn commit(self) -> Result<(), WriteError> {
        let dest = self.dest;
        self.tmp.persist(&dest).map_err(|e| WriteError {
            path: dest.clone(),
            source: e.error,
        })
    }
}

/// Writes one file atomically: a temporary file beside it, then persisted over it.
pub fn write_atomic(dest: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_pending(dest, bytes)?.commit()
}

/// Writes one file whole beside `dest` under a temporary name, to be put in place later.
pub fn write_pending(dest: &Path, bytes: &[u8]) -> Result<Pending, WriteError> {
    let fail = |path: &Path| {
        let path = path.to_path_buf();
        move |source| WriteError { path, source }
    };
    let dir = dest.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail(dir))?;
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}{TEMPORARY}");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    // A temporary file is private to its owner; an output is as readable as any new file.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(fail(dest))?;
    tmp.write_all(bytes).map_err(fail(dest))?;
    Ok(Pending {
        tmp: tmp.into_temp_path(),
        dest: dest.to_path_buf(),
    })
}

/// Removes temporary files an interrupted earlier build left behind (`.name.tmp-…`).
pub fn remove_stale_temporaries(out_dir: &Path) {
    for entry in walkdir::WalkDir::new(out_dir)
        .max_depth(4)
        .into_iter()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_file() && name.starts_with('.') && name.contains(TEMPORARY) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("a/b.txt");
        write_atomic(&dest, b"hei").unwrap();
        write_atomic(&dest, b"hallo").unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"hallo");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["b.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn outputs_are_as_readable_as_any_new_file() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("plain"), b"x").unwrap();
        write_atomic(&dir.path().join("atomic"), b"x").unwrap();
        let mode = |n| {
            std::fs::metadata(dir.path().join(n))
                .unwrap()
                .permissions()
                .mode()
        };
        assert_eq!(mode("atomic"), mode("plain"));
    }

    #[test]
    fn stale_temporaries_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(format!(".b.txt{TEMPORARY}x1y2"));
        std::fs::write(&stale, b"half").unwrap();
        std::fs::write(dir.path().join(".hidden"), b"mine").unwrap();
        remove_stale_temporaries(dir.path());
        assert!(!stale.exists());
        assert!(dir.path().join(".hidden").exists());
    }

    #[test]
    fn a_failed_write_names_the_path_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a"), b"a file, not a folder").unwrap();
        let err = write_atomic(&dir.path().join("a/b.txt"), b"x").unwrap_err();
        assert!(err.to_string().starts_with("failed to write"), "{err}");
        let dest = dir.path().join("c");
        std::fs::create_dir(&dest).unwrap();
        assert!(write_atomic(&dest, b"x").is_err(), "a folder is in the way");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "{left:?}");
    }
}
