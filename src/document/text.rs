//! Text shared by every document: paragraphs, baselines and targets as printed, charts
//! made accessible for inline HTML.

use crate::analyse::{Class, NoClass, ProgressClass, TrendClass};
use crate::labels::format::{self as norsk, quantity};
use crate::model::{Baseline, Target, TargetKind, Unit};

/// A measure's class in words, or why it has none. Until the labels table has them, the
/// words for the analysis' classes live here and nowhere else.
pub fn assessment(class: Result<Class, NoClass>) -> &'static str {
    match class {
        Ok(Class::Progress(c)) => match c {
            ProgressClass::Achieved => "Mål nådd",
            ProgressClass::OnTrack => "I rute",
            ProgressClass::Moderate => "Moderat fremgang",
            ProgressClass::Insufficient => "Utilstrekkelig fremgang",
            ProgressClass::WrongDirection => "Går i feil retning",
        },
        Ok(Class::Trend(c)) => match c {
            TrendClass::Improving => "Bedring",
            TrendClass::Stable => "Stabil",
            TrendClass::Worsening => "Forverring",
        },
        Err(reason) => match reason {
            NoClass::Illustrative => "Ingen vurdering: tallene er en illustrasjon, ikke målinger",
            NoClass::NoValues => "Ingen vurdering: ingen måling i kildene",
            NoClass::NoBaseline => "Ingen vurdering: utgangspunktet er ikke tallfestet",
            NoClass::NoBaselinePeriod => "Ingen vurdering: utgangspunktet har ikke noe tidspunkt",
            NoClass::NoValueAfterBaseline => "Ingen vurdering: ingen måling etter utgangspunktet",
            NoClass::ZeroBaseline => {
                "Ingen vurdering: utgangspunktet er null, og vekst fra null har ingen rate"
            }
            NoClass::NegativeNumber => "Ingen vurdering: metoden krever tall over null",
            NoClass::TargetNotAfterBaseline => {
                "Ingen vurdering: måltallet gjelder ikke for tiden etter utgangspunktet"
            }
            NoClass::NotComputable => "Ingen vurdering: tallene gir ingen beregnbar vekstrate",
            NoClass::TooFewValues => {
                "Ingen vurdering: intet tallfestet måltall og færre enn to målinger"
            }
        },
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
pub fn target_text(unit: Unit, t: &Target) -> String {
    if let Some(text) = &t.text {
        return text.clone();
    }
    match t.kind {
        TargetKind::Value(q) => quantity(unit, q),
        TargetKind::Change(p) => format!("Øke med {}", norsk::percent(p)),
        TargetKind::Maintain => "Opprettholde".to_owned(),
        TargetKind::Text => String::new(),
    }
}

/// A baseline as printed: its published text, or its number and period.
pub fn baseline_text(unit: Unit, b: &Baseline) -> String {
    if let Some(text) = &b.text {
        return text.clone();
    }
    match (b.quantity, b.period) {
        (Some(q), Some(p)) => format!("{} ({p})", quantity(unit, q)),
        (Some(q), None) => quantity(unit, q),
        (None, Some(p)) => p.to_string(),
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
