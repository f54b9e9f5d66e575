//! Names the source the binary is built from, for the whole build's key
//! (`src/pipeline/unchanged.rs`): a hash of every file under `src/` and of `Cargo.lock`, so
//! that the key changes when the tool does, yet two checkouts of one commit give the same
//! `manifest.json` (the executable's modification time would put a clock into an output).
//! The templates, words and fonts the key covers apart.

use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let mut all = Vec::new();
    files(Path::new("src"), &mut all);
    all.push(PathBuf::from("Cargo.lock"));
    all.sort();
    let mut hash = DefaultHasher::new();
    for path in &all {
        // Paths with `/` whatever the platform, so the name is the same everywhere.
        let name = path.to_string_lossy().replace('\\', "/");
        hash.write(name.as_bytes());
        hash.write_u8(0);
        hash.write(&std::fs::read(path).unwrap_or_default());
        hash.write_u8(0);
    }
    println!(
        "cargo:rustc-env=STATUSRAPPORT_SOURCE={:016x}",
        hash.finish()
    );
}
