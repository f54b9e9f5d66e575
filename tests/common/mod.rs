//! Helpers for the integration tests: run the real binary, read what it wrote.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

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
    build_with(dir, content, out, &[])
}

/// Runs `build --content CONTENT --out OUT` in `dir` with `args` after them (`--only ID`,
/// `--format pdf`, …).
pub fn build_with(dir: &Path, content: &Path, out: &Path, args: &[&str]) -> Output {
    let (content, out) = (content.to_str().unwrap(), out.to_str().unwrap());
    run(
        dir,
        &[&["build", "--content", content, "--out", out], args].concat(),
    )
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

/// How long a rebuild of `watch` or `serve` may take to show up: generous for a loaded 2-core
/// CI machine.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// A running command (`watch`, `serve`) whose stderr lines arrive on a channel; killed when
/// dropped.
pub struct Running {
    pub child: Child,
    lines: Receiver<String>,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Running {
    /// Starts the binary with `args` in `dir`.
    pub fn start(dir: &Path, args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_statusrapport"))
            .args(args)
            .current_dir(dir)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("the command starts");
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Running { child, lines }
    }

    /// Waits for a line containing `needle`, returning every line seen until then.
    pub fn expect(&mut self, needle: &str) -> Vec<String> {
        let deadline = Instant::now() + PATIENCE;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let found = line.contains(needle);
                    seen.push(line);
                    if found {
                        return seen;
                    }
                }
                Err(_) => break,
            }
        }
        panic!(
            "no line with `{needle}` within {PATIENCE:?}; saw:\n{}",
            seen.join("\n")
        );
    }

    /// Whether it is still running.
    pub fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

/// Replaces the first `from` in a file with `to`.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no `{from}`", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
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
