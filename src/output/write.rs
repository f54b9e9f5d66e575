//! Writing: puts finished outputs into `out/` so that a reader never sees half a file.
//!
//! Each file is written beside its destination under a temporary name, flushed, and renamed
//! over the old one; the manifest goes last, so it only ever lists files that are whole.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

/// A file to write, relative to the output folder.
#[derive(Debug, Clone)]
pub struct Output {
    /// Relative path with `/` separators.
    pub path: String,
    /// Content.
    pub bytes: Vec<u8>,
    /// Content files it was made from.
    pub inputs: Vec<String>,
}

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

#[derive(Serialize, serde::Deserialize)]
struct ManifestEntry {
    path: String,
    sha256: String,
    bytes: usize,
    inputs: Vec<String>,
}

#[derive(Serialize, serde::Deserialize)]
struct Manifest {
    files: Vec<ManifestEntry>,
}

/// Writes one file atomically: temporary file, flush, rename.
pub fn write_atomic(dest: &Path, bytes: &[u8]) -> Result<(), WriteError> {
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
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(dest)(e));
    }
    std::fs::rename(&tmp, dest).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(dest)(e)
    })
}

/// Removes temporary files an interrupted earlier build left behind (`.name.tmp-PID`).
fn remove_stale_temporaries(out_dir: &Path) {
    for entry in walkdir::WalkDir::new(out_dir)
        .max_depth(4)
        .into_iter()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_file() && name.starts_with('.') && name.contains(".tmp-") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes every output, then `manifest.json` listing each with its sha256 and inputs. With
/// `merge`, entries of the existing manifest for files not written now are kept.
pub fn write_all(out_dir: &Path, outputs: &[Output], merge: bool) -> Result<(), WriteError> {
    remove_stale_temporaries(out_dir);
    for o in outputs {
        write_atomic(&out_dir.join(&o.path), &o.bytes)?;
    }
    let manifest_path = out_dir.join("manifest.json");
    let mut entries: Vec<ManifestEntry> = if merge {
        std::fs::read(&manifest_path)
            .ok()
            .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
            .map(|m| m.files)
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    entries.retain(|e| !outputs.iter().any(|o| o.path == e.path));
    entries.extend(outputs.iter().map(|o| ManifestEntry {
        path: o.path.clone(),
        sha256: format!("{:x}", Sha256::digest(&o.bytes)),
        bytes: o.bytes.len(),
        inputs: o.inputs.clone(),
    }));
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    let mut json =
        serde_json::to_vec_pretty(&Manifest { files: entries }).expect("manifest serializes");
    json.push(b'\n');
    write_atomic(&manifest_path, &json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_files_and_manifest_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let outputs = vec![Output {
            path: "a/b.txt".into(),
            bytes: b"hei".to_vec(),
            inputs: vec!["content/x.yaml".into()],
        }];
        write_all(dir.path(), &outputs, false).unwrap();
        assert_eq!(std::fs::read(dir.path().join("a/b.txt")).unwrap(), b"hei");
        let manifest = std::fs::read_to_string(dir.path().join("manifest.json")).unwrap();
        assert!(manifest.contains("\"sha256\""), "{manifest}");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["b.txt"]);
    }
}
