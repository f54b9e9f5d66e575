//! Helpers for the integration tests: run the real binary, read what it wrote.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary with arguments in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_statusrapport"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

/// Runs the binary in `dir` with `args` and `--diagnostic-format short`: one
/// `path:line:col: severity: message` line per diagnostic, the form the fixtures pin.
pub fn run_short(dir: &Path, args: &[&str]) -> Output {
    run(dir, &[args, &["--diagnostic-format", "short"]].concat())
}

/// Runs `build` in `dir` (its `content/` into its `out/`), diagnostics in the short form.
pub fn build_short(dir: &Path) -> Output {
    run_short(dir, &["build"])
}

/// Runs `check` in `dir` (its `content/`), diagnostics in the short form.
pub fn check_short(dir: &Path) -> Output {
    run_short(dir, &["check"])
}

/// What the binary printed on stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `build --content CONTENT --out OUT` in `dir`.
pub fn build(dir: &Path, content: &Path, out: &Path) -> Output {
    let (content, out) = (content.to_str().unwrap(), out.to_str().unwrap());
    run(dir, &["build", "--content", content, "--out", out])
}

/// The inputs the manifest in `out` lists for the output at `path`.
pub fn manifest_inputs(out: &Path, path: &str) -> Vec<String> {
    let bytes = std::fs::read(out.join("manifest.json")).expect("the manifest is written");
    let manifest: serde_json::Value = serde_json::from_slice(&bytes).expect("the manifest is JSON");
    let entry = manifest["files"]
        .as_array()
        .expect("the manifest lists files")
        .iter()
        .find(|e| e["path"] == path)
        .unwrap_or_else(|| panic!("the manifest lists {path}"));
    entry["inputs"]
        .as_array()
        .expect("the entry lists inputs")
        .iter()
        .map(|v| v.as_str().expect("an input is a path").to_owned())
        .collect()
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// The text of a PDF, with every run of white space (including no-break spaces) as one space.
pub fn pdf_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("PDF text extracts");
    norm(&text)
}

/// The text of each page of a PDF, white space folded as in [`pdf_text`].
pub fn pdf_pages(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("PDF text extracts");
    pages.iter().map(|p| norm(p)).collect()
}

/// White space folded to single spaces.
pub fn norm(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The visible text of an HTML file: tags dropped, entities decoded, white space folded.
pub fn html_text(path: &Path) -> String {
    let html =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2f;", "/")
        .replace("&#x2F;", "/")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    norm(&text)
}

/// Every file under a folder with its bytes, sorted by path.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Text without white space and hyphens, for finding table cells that typst broke and
/// hyphenated over lines (text extraction renders a hyphenation point as `-`).
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{ad}' | '\u{a0}' | '-' | '\u{2010}'))
        .collect()
}

/// Builds the bundled content once per test binary, into a folder of its own under cargo's
/// target directory (rebuilt fresh on every run), and returns the folder holding `out/`.
pub fn bundled_build() -> &'static Path {
    use std::sync::OnceLock;
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let exe = std::env::current_exe().unwrap();
        let name = exe.file_stem().unwrap().to_string_lossy().into_owned();
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bundled-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("out");
        let content = root().join("content");
        let o = build(&dir, &content, &out);
        assert!(
            o.status.success(),
            "build failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        dir
    })
}

/// Every file under `dir` whose name ends with `suffix`, sorted.
pub fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().ends_with(suffix) {
                all.push(p);
            }
        }
    }
    all.sort();
    all
}
