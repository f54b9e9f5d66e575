//! The CI recipes of `docs/publishing.md` run commands the binary accepts: every
//! `statusrapport` line in its code blocks runs, as written, on a copy of a fixture's
//! content and succeeds; each recipe checks and builds, and installs the tool from this
//! repository with a profile that `Cargo.toml` defines.

mod common;

use common::*;

/// The code blocks of a Markdown text, each as its lines.
fn code_blocks(markdown: &str) -> Vec<Vec<&str>> {
    let mut blocks = Vec::new();
    let mut open: Option<Vec<&str>> = None;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            match open.take() {
                Some(block) => blocks.push(block),
                None => open = Some(Vec::new()),
            }
        } else if let Some(block) = open.as_mut() {
            block.push(line);
        }
    }
    blocks
}

/// The arguments of a recipe's line that runs the tool (`- statusrapport …`,
/// `run: statusrapport …`).
fn tool_command(line: &str) -> Option<Vec<&str>> {
    let step = line
        .trim()
        .trim_start_matches("- ")
        .trim_start_matches("run: ");
    let args = step.strip_prefix("statusrapport ")?;
    Some(args.split_whitespace().collect())
}

#[test]
fn the_recipes_run_commands_the_binary_accepts() {
    let doc = std::fs::read_to_string(root().join("docs/publishing.md")).unwrap();
    let cargo_toml = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let recipes: Vec<Vec<&str>> = code_blocks(&doc)
        .into_iter()
        .filter(|b| b.iter().any(|l| tool_command(l).is_some()))
        .collect();
    assert_eq!(recipes.len(), 2, "a GitHub Actions and a GitLab CI recipe");
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(
        &root().join("tests/fixtures/valid-base"),
        &tmp.path().join("content"),
    );
    for recipe in &recipes {
        let commands: Vec<Vec<&str>> = recipe.iter().filter_map(|l| tool_command(l)).collect();
        let ran: Vec<&str> = commands.iter().map(|c| c[0]).collect();
        assert_eq!(ran, ["check", "build"], "each recipe checks, then builds");
        for args in &commands {
            let o = run(tmp.path(), args);
            assert!(
                o.status.success(),
                "`statusrapport {}`: {}",
                args.join(" "),
                stderr(&o)
            );
        }
        assert!(tmp.path().join("out/manifest.json").is_file());
        let installs: Vec<&&str> = recipe
            .iter()
            .filter(|l| l.contains("cargo install"))
            .collect();
        assert_eq!(installs.len(), 1, "{recipe:?}");
        let install = installs[0];
        assert!(
            install.contains("cargo install --path . --locked"),
            "{install}"
        );
        if let Some((_, profile)) = install.split_once("--profile ") {
            let name = profile.split_whitespace().next().unwrap();
            assert!(
                cargo_toml.contains(&format!("[profile.{name}]")),
                "{install}"
            );
        }
    }
}
