//! Text shared by every document: paragraphs, baselines and targets as printed, charts
//! made accessible for inline HTML.

use crate::labels::{Labels, fill};
use crate::model::{Baseline, Target, TargetKind, Unit};

/// Splits a text into paragraphs at blank lines, joining wrapped lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| {
            p.split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// A target as printed: the published text if any, else its number or kind.
pub fn target_text(l: &Labels, unit: Unit, t: &Target) -> String {
    if let Some(text) = &t.text {
        return text.to_string();
    }
    match t.kind {
        TargetKind::Value(q) => l.quantity(unit, q),
        TargetKind::Change(p) => fill(l.increase_by, &[("percent", &l.percent(p))]),
        TargetKind::Maintain => l.maintain.to_owned(),
        TargetKind::Text => String::new(),
    }
}

/// A baseline as printed: its published text, or its number and period.
pub fn baseline_text(l: &Labels, unit: Unit, b: &Baseline) -> String {
    if let Some(text) = &b.text {
        return text.to_string();
    }
    match (b.quantity, b.period) {
        (Some(q), Some(p)) => format!("{} ({})", l.quantity(unit, q), l.period(p)),
        (Some(q), None) => l.quantity(unit, q),
        (None, Some(p)) => l.period(p),
        (None, None) => String::new(),
    }
}

/// Adds an accessible name to a chart's SVG for inline HTML.
pub fn accessible_svg(svg: &str, alt: &str) -> String {
    let escaped = alt
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{escaped}\" "),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n c \n"), ["a b", "c"]);
        assert!(paragraphs("\n\n").is_empty());
    }
}
