//! Drafts: a quarterly status marked `draft: true` (as `new-quarter` writes it) is valid and
//! builds, but every text section still empty in it is worth a warning, not an error.

use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Content, Status};

/// A warning for every text section still to be written in each draft status, and one for a
/// draft that has them all (its `draft: true` can go).
pub(super) fn draft_warnings(content: &Content) -> Vec<Diagnostic> {
    content.statuses.values().flat_map(unwritten).collect()
}

/// The warnings of one status.
fn unwritten(status: &Status) -> Vec<Diagnostic> {
    if !status.draft {
        return Vec::new();
    }
    let mut warnings = Vec::new();
    for g in status.goals.values() {
        let sections = [
            ("overall", g.overall.is_empty()),
            ("positive", g.positive.is_empty()),
            ("challenges", g.challenges.is_empty()),
            ("questions", g.questions.is_empty()),
        ];
        let mut empty: Vec<String> = sections
            .iter()
            .filter(|(_, empty)| *empty)
            .map(|(name, _)| format!("`{name}`"))
            .collect();
        for (i, p) in g.pages.iter().enumerate() {
            // A page without an assessment has none by design; an empty one is still to write.
            if p.assessment.as_deref().is_some_and(|a| a.trim().is_empty()) {
                empty.push(format!(
                    "the `assessment` of page {} ({})",
                    i + 1,
                    p.indicator
                ));
            }
        }
        if !empty.is_empty() {
            warnings.push(
                Diagnostic::warning(
                    &status.path,
                    crate::diagnostics::Pos { line: 1, col: 1 },
                    format!(
                        "goal {}: {} still to be written (the status is a draft)",
                        g.goal,
                        list(&empty)
                    ),
                )
                .with_code(Code::DraftText),
            );
        }
    }
    if warnings.is_empty() {
        warnings.push(
            Diagnostic::warning(
                &status.path,
                crate::diagnostics::Pos { line: 1, col: 1 },
                "every text is written but the status is still marked `draft: true` (remove the line)",
            )
            .with_code(Code::DraftText),
        );
    }
    warnings
}

/// `a`, `a and b`, `a, b and c`.
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_prose() {
        let s = |v: &[&str]| list(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&["a"]), "a");
        assert_eq!(s(&["a", "b"]), "a and b");
        assert_eq!(s(&["a", "b", "c"]), "a, b and c");
    }
}
