//! No input makes the loader panic: arbitrary text, and arbitrary mutations of a valid
//! indicator file, go through the parser alone and through `pipeline::load` on a whole content
//! folder, and each run ends in `Ok` or `Err`.
//!
//! A few hundred cases per property by default; for a longer run:
//! `PROPTEST_CASES=100000 cargo test --release --lib no_panic`.

use std::path::Path;

use proptest::prelude::*;

use crate::input::from_yaml;
use crate::input::raw;
use crate::pipeline::{self, Timings};
use crate::testing::{copy_tree, root};

/// A valid indicator file, the starting point of every mutation.
const INDICATOR: &str = include_str!("../../tests/fixtures/valid-base/indicators/1.6.yaml");

/// Cases per property: `PROPTEST_CASES` when set, else 256.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig::with_cases(cases)
}

/// Pieces of YAML and of content that tend to reach unusual paths in a parser or validator.
const SNIPPETS: &[&str] = &[
    "-",
    "- ",
    ":",
    ": ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "<<: *a",
    "!!str ",
    "!!binary ",
    "? ",
    "|",
    ">",
    "'",
    "\"",
    "#",
    "---\n",
    "...\n",
    "\t",
    "\n",
    "\r\n",
    "  ",
    "~",
    "null",
    "true",
    ".nan",
    ".inf",
    "-.inf",
    "-1",
    "0",
    "1e999",
    "-0",
    "0x1F",
    "9223372036854775808",
    "2026-Q5",
    "2023-02-30",
    "2021/2020",
    "0000-01",
    "1.6",
    "\u{feff}",
    "\u{0}",
    "\u{85}",
    "\u{2028}",
    "æøå",
    "../",
    "/etc/passwd",
    "values_file: ../x.csv",
    "of: 0",
    "unit: percent",
    "baseline:",
    "targets: []",
    "measures: []",
    "values:",
    "id: ",
    "goal: 9",
];

/// One change to a text.
#[derive(Debug, Clone)]
enum Mutation {
    /// Insert a snippet at a place (a fraction of the text's length).
    Insert(f64, usize),
    /// Delete up to `n` characters at a place.
    Delete(f64, usize),
    /// Replace a character with another.
    Replace(f64, char),
    /// Repeat a line.
    DuplicateLine(f64),
    /// Swap a line with the next one.
    SwapLines(f64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0.0..1.0, 0..SNIPPETS.len()).prop_map(|(at, i)| Mutation::Insert(at, i)),
        (0.0..1.0, 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (0.0..1.0, any::<char>()).prop_map(|(at, c)| Mutation::Replace(at, c)),
        (0.0..1.0).prop_map(Mutation::DuplicateLine),
        (0.0..1.0).prop_map(Mutation::SwapLines),
    ]
}

/// The text with the mutations applied in order.
fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let place = |at: f64, len: usize| ((at * len as f64) as usize).min(len);
    for m in mutations {
        match *m {
            Mutation::Insert(at, i) => {
                let at = place(at, chars.len());
                chars.splice(at..at, SNIPPETS[i].chars());
            }
            Mutation::Delete(at, n) => {
                let at = place(at, chars.len());
                let end = (at + n).min(chars.len());
                chars.drain(at..end);
            }
            Mutation::Replace(at, c) => {
                if !chars.is_empty() {
                    let at = place(at, chars.len() - 1);
                    chars[at] = c;
                }
            }
            Mutation::DuplicateLine(at) | Mutation::SwapLines(at) => {
                let text: String = chars.iter().collect();
                let mut lines: Vec<&str> = text.split('\n').collect();
                let i = place(at, lines.len().saturating_sub(1));
                if matches!(m, Mutation::DuplicateLine(_)) {
                    lines.insert(i, lines[i]);
                } else if i + 1 < lines.len() {
                    lines.swap(i, i + 1);
                }
                chars = lines.join("\n").chars().collect();
            }
        }
    }
    chars.into_iter().collect()
}

/// Loads the valid base with one file replaced by `text`; `Ok` or `Err`, whichever it is.
fn load_with(file: &str, text: &[u8]) -> bool {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_tree(&root().join("tests/fixtures/valid-base"), &content);
    std::fs::write(content.join(file), text).unwrap();
    pipeline::load(&content, &mut Timings::default()).is_ok()
}

/// The files of the base that a mutated text may replace.
const FILES: &[&str] = &[
    "indicators/1.6.yaml",
    "indicators/1.7.yaml",
    "status/2026-q2.yaml",
    "sources.yaml",
    "strategy.yaml",
    "goals/mal-1.yaml",
    "data/1.6.csv",
];

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_does_not_panic_the_parser(text in any::<String>()) {
        let _ = from_yaml::<raw::Indicator>(Path::new("i.yaml"), &text);
    }

    #[test]
    fn yaml_like_text_does_not_panic_the_parser(
        text in "[ -~\t\n\r\\[\\]{}:&*!|>'\"#%@`,?æø-]{0,300}"
    ) {
        let _ = from_yaml::<raw::Indicator>(Path::new("i.yaml"), &text);
        let _ = from_yaml::<raw::Status>(Path::new("s.yaml"), &text);
    }

    #[test]
    fn mutated_indicators_do_not_panic_the_parser(
        mutations in prop::collection::vec(mutation(), 1..8)
    ) {
        let text = mutate(INDICATOR, &mutations);
        let _ = from_yaml::<raw::Indicator>(Path::new("i.yaml"), &text);
    }

    #[test]
    fn mutated_content_does_not_panic_the_loader(
        file in 0..FILES.len(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let original = std::fs::read_to_string(
            root().join("tests/fixtures/valid-base").join(FILES[file]),
        )
        .unwrap();
        load_with(FILES[file], mutate(&original, &mutations).as_bytes());
    }

    #[test]
    fn arbitrary_bytes_do_not_panic_the_loader(
        file in 0..FILES.len(),
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        load_with(FILES[file], &bytes);
    }
}

#[test]
fn the_unmutated_base_loads() {
    assert!(load_with("indicators/1.6.yaml", INDICATOR.as_bytes()));
}
