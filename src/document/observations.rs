//! An indicator's figures as one list of observations — every baseline, target, measured
//! value and ambition, in the order the data files print them — which `data.csv`, the whole
//! set's CSV and the JSON-stat datasets are all written from.

use super::reader::Reader;
use super::text::target_text;
use crate::analyse::Analysis;
use crate::labels::Labels;
use crate::model::{Indicator, Measure, Period, SourceId};

/// What a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ValueKind {
    /// Where the measure started.
    Baseline,
    /// A measured value.
    Measured,
    /// A value that illustrates, not measured.
    Illustration,
    /// A target for a year.
    Target,
    /// The ambition towards the horizon.
    Ambition,
}

impl ValueKind {
    /// Every kind, in the order the datasets list them.
    pub const ALL: [ValueKind; 5] = [
        ValueKind::Baseline,
        ValueKind::Measured,
        ValueKind::Illustration,
        ValueKind::Target,
        ValueKind::Ambition,
    ];

    /// The code in the data files (`malt`).
    pub fn code(self) -> &'static str {
        match self {
            ValueKind::Baseline => "utgangspunkt",
            ValueKind::Measured => "malt",
            ValueKind::Illustration => "illustrasjon",
            ValueKind::Target => "maltall",
            ValueKind::Ambition => "ambisjon",
        }
    }

    /// The kind in the language of `l`.
    pub fn label(self, l: &Labels) -> &'static str {
        let w = &l.open_data;
        match self {
            ValueKind::Baseline => w.baseline,
            ValueKind::Measured => w.measured,
            ValueKind::Illustration => w.illustration,
            ValueKind::Target => w.target,
            ValueKind::Ambition => w.ambition,
        }
    }
}

/// One figure of a measure.
pub struct Observation<'a> {
    /// The measure, and its place among the indicator's (from 0).
    pub measure: (usize, &'a Measure),
    /// What it is.
    pub kind: ValueKind,
    /// When; a target's year.
    pub period: Option<Period>,
    /// The number, when it has one.
    pub value: Option<f64>,
    /// A share's denominator.
    pub of: Option<f64>,
    /// As published.
    pub text: String,
    /// Where it comes from.
    pub source: &'a SourceId,
    /// Its parts, when it is broken down.
    pub breakdown: &'a [(String, f64)],
}

/// Every figure of `ind`, measure by measure: baseline, targets, values, ambition.
pub fn observations<'a>(
    l: &Labels,
    analysis: &Analysis,
    ind: &'a Indicator,
) -> Vec<Observation<'a>> {
    let mut all = Vec::new();
    for (i, m) in ind.measures.iter().enumerate() {
        let at = |kind, period, value, of, text: String, source| Observation {
            measure: (i, m),
            kind,
            period,
            value,
            of,
            text,
            source,
            breakdown: &[],
        };
        if let Some(b) = &m.baseline {
            let q = b.quantity;
            let text = b.text.as_deref().unwrap_or("").to_owned();
            all.push(at(
                ValueKind::Baseline,
                b.period,
                q.map(|q| q.value),
                q.and_then(|q| q.of),
                text,
                &b.source,
            ));
        }
        for (t, level) in m.targets.iter().zip(&analysis.of(ind, m).targets) {
            let q = level.map(|l| l.quantity);
            all.push(at(
                ValueKind::Target,
                Some(Period::Year(t.year)),
                q.map(|q| q.value),
                q.and_then(|q| q.of),
                target_text(l, m.unit, t),
                &t.source,
            ));
        }
        let kind = if m.illustrative {
            ValueKind::Illustration
        } else {
            ValueKind::Measured
        };
        for v in &m.values {
            all.push(Observation {
                breakdown: &v.breakdown,
                ..at(
                    kind,
                    Some(v.period),
                    Some(v.quantity.value),
                    v.quantity.of,
                    v.text.clone().unwrap_or_default(),
                    &v.source,
                )
            });
        }
        if let Some(a) = &m.ambition {
            all.push(at(
                ValueKind::Ambition,
                a.period,
                a.value,
                None,
                a.text.to_string(),
                &a.source,
            ));
        }
    }
    all
}

/// The header of the data files' CSV.
pub const CSV_COLUMNS: [&str; 9] = [
    "indikator",
    "maling",
    "type",
    "periode",
    "verdi",
    "av",
    "enhet",
    "tekst",
    "kilde",
];

/// The CSV rows of `ind`'s figures, one per observation, without the header.
pub fn csv_rows(
    w: &mut csv::Writer<Vec<u8>>,
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    ind: &Indicator,
) {
    let num = |v: Option<f64>| v.map(|v| format!("{v}")).unwrap_or_default();
    for o in observations(l, analysis, ind) {
        let m = o.measure.1;
        w.write_record([
            &*ind.id,
            m.id.as_deref().unwrap_or(""),
            o.kind.code(),
            &o.period.map(|p| p.code()).unwrap_or_default(),
            &num(o.value),
            &num(o.of),
            m.unit.word(),
            &o.text,
            &content.source_title(o.source),
        ])
        .expect("writing to memory");
    }
}

/// A CSV of `inds`' figures with its header.
pub fn csv(l: &Labels, content: &Reader<'_>, analysis: &Analysis, inds: &[&Indicator]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS).expect("writing to memory");
    for ind in inds {
        csv_rows(&mut w, l, content, analysis, ind);
    }
    w.into_inner().expect("writing to memory")
}
