//! Text shared by every document: paragraphs, baselines and targets as printed, charts
//! made accessible for inline HTML.

use serde::Serialize;

use crate::labels::{Labels, fill};
use crate::model::{Baseline, Target, TargetKind, Text, Unit};

/// A content text as a view places it: its words, and its language when that is not the
/// document's (a text not yet translated, shown in the main language). Templates receive it
/// as a plain string, or as a [`crate::render::Foreign`] that the renderer marks with its
/// language (`#text(lang: "nb", …)`, `<span lang="nb">`); it never becomes markup itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    text: String,
    lang: Option<&'static str>,
}

impl Shown {
    /// `text` as a document in the language of `l` shows it.
    pub fn new(l: &Labels, text: &Text) -> Shown {
        Shown::in_lang(l, text.as_str(), text)
    }

    /// Words the view composed itself (a label filled with content), in the document's
    /// language.
    pub fn composed(text: String) -> Shown {
        Shown { text, lang: None }
    }

    /// The words, without their language.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Part of `text` (such as one paragraph), in the language `text` is in.
    fn in_lang(l: &Labels, part: &str, text: &Text) -> Shown {
        Shown {
            text: part.to_owned(),
            lang: text.lang().map(|t| t.code()).filter(|code| *code != l.lang),
        }
    }

    /// The paragraphs of `text`, each in the language `text` is in.
    pub fn paragraphs(l: &Labels, text: &Text) -> Vec<Shown> {
        paragraphs(text)
            .iter()
            .map(|p| Shown::in_lang(l, p, text))
            .collect()
    }
}

impl Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.lang {
            None => s.serialize_str(&self.text),
            Some(lang) if minijinja::value::serializing_for_value() => {
                crate::render::foreign(&self.text, lang).serialize(s)
            }
            Some(lang) => {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("lang", lang)?;
                m.serialize_entry("text", &self.text)?;
                m.end()
            }
        }
    }
}

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
