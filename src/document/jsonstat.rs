//! JSON-stat 2.0 datasets of indicators' figures (`indikator/<id>/data.json` and the whole
//! set's `data/indikatorer.json`): dimensions indicator, measure, kind of value, period (role
//! `time`) and, where a value is broken down, its part; each measure's unit; the source of
//! each value in `note` and `extension`; `updated` from the content's dates, never the clock.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use super::observations::{Observation, ValueKind, observations};
use super::reader::Reader;
use crate::analyse::Analysis;
use crate::labels::{Labels, fill};
use crate::model::{Indicator, Measure, Period, TargetKind, Unit};

/// The id of the `i`th measure of `ind` (from 0) in a dataset: `1.6/a`, `1.6/maling-1`.
pub fn measure_id(ind: &Indicator, i: usize, m: &Measure) -> String {
    match &m.id {
        Some(id) => format!("{}/{id}", ind.id),
        None => format!("{}/{}", ind.id, super::names::measure_anchor(i + 1)),
    }
}

/// Whether `ind` has a figure with a number and a period, a cell of a dataset: one without
/// gets no dataset of its own (JSON-stat has no empty dimension).
pub fn has_figures(ind: &Indicator) -> bool {
    ind.measures.iter().any(|m| {
        !m.values.is_empty()
            || m.baseline
                .as_ref()
                .is_some_and(|b| b.quantity.is_some() && b.period.is_some())
            || m.ambition
                .as_ref()
                .is_some_and(|a| a.value.is_some() && a.period.is_some())
            || m.targets
                .iter()
                .any(|t| matches!(t.kind, TargetKind::Value(_)))
    })
}

/// The number of decimals a measure's figures are written with (at most 3).
fn decimals<'a>(values: impl Iterator<Item = &'a f64>) -> usize {
    values
        .map(|v| format!("{v}").split_once('.').map_or(0, |(_, d)| d.len()))
        .max()
        .unwrap_or(0)
        .min(3)
}

/// A measure's unit as JSON-stat's `category.unit` gives it.
fn unit(l: &Labels, ind: &Indicator, m: &Measure, values: &[f64]) -> Value {
    let label = match &ind.unit_label {
        Some(label) if m.unit == ind.unit => label.to_string(),
        _ => l.unit(m.unit).to_owned(),
    };
    let mut u = json!({ "decimals": decimals(values.iter()), "label": label });
    if m.unit == Unit::Percent {
        u["symbol"] = json!("%");
        u["position"] = json!("end");
    }
    u
}

/// One dimension: its label, and its categories' ids and labels in order.
fn dimension(label: &str, categories: &[(String, String)]) -> Value {
    json!({
        "label": label,
        "category": {
            "index": categories.iter().map(|(id, _)| id).collect::<Vec<_>>(),
            "label": categories.iter().map(|(id, label)| (id.clone(), json!(label))).collect::<Map<_, _>>(),
        }
    })
}

/// The dataset of `inds`' figures, labelled in the language of `l`, as pretty JSON.
pub fn dataset(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    inds: &[&Indicator],
    label: &str,
) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(&build(l, content, analysis, inds, label).0)
        .expect("datasets serialize");
    bytes.push(b'\n');
    bytes
}

/// The date the dataset of `inds`' figures gives as `updated`: the latest date of the
/// sources of its values, else the latest status's date.
pub fn updated(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    inds: &[&Indicator],
) -> Option<time::Date> {
    build(l, content, analysis, inds, "").1
}

/// The dataset of `inds`' figures, and the date it was updated.
fn build(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    inds: &[&Indicator],
    label: &str,
) -> (Value, Option<time::Date>) {
    let w = &l.open_data;
    let strategy = content.strategy();
    for ind in inds {
        content.uses_indicator(ind);
    }
    let obs: Vec<(&Indicator, Vec<Observation<'_>>)> = inds
        .iter()
        .map(|ind| (*ind, observations(l, analysis, ind)))
        .collect();
    // Only figures with a number and a period are cells of the cube.
    let cells = || {
        obs.iter()
            .flat_map(|(ind, os)| os.iter().map(move |o| (*ind, o)))
            .filter(|(_, o)| o.value.is_some() && o.period.is_some())
    };
    let indicators: Vec<(String, String)> = inds
        .iter()
        .map(|i| (i.id.to_string(), i.name.to_string()))
        .collect();
    let mut measures = Vec::new();
    let mut units = Map::new();
    for (ind, os) in &obs {
        for (i, m) in ind.measures.iter().enumerate() {
            let id = measure_id(ind, i, m);
            let figures: Vec<f64> = os
                .iter()
                .filter(|o| o.measure.0 == i)
                .flat_map(|o| {
                    o.value
                        .into_iter()
                        .chain(o.breakdown.iter().map(|(_, v)| *v))
                })
                .collect();
            units.insert(id.clone(), unit(l, ind, m, &figures));
            let name = m.name.as_deref().unwrap_or(&ind.name);
            measures.push((id, name.to_owned()));
        }
    }
    let kinds_used: BTreeSet<ValueKind> = cells().map(|(_, o)| o.kind).collect();
    let kinds: Vec<(String, String)> = ValueKind::ALL
        .into_iter()
        .filter(|k| kinds_used.contains(k))
        .map(|k| (k.code().to_owned(), k.label(l).to_owned()))
        .collect();
    let periods_used: BTreeSet<Period> = cells().filter_map(|(_, o)| o.period).collect();
    let periods: Vec<(String, String)> = periods_used
        .iter()
        .map(|p| (p.code(), l.period(*p)))
        .collect();
    let mut parts: Vec<(String, String)> = Vec::new();
    for (_, o) in cells() {
        for (name, _) in o.breakdown {
            if !parts.iter().any(|(id, _)| id == name) {
                parts.push((name.clone(), name.clone()));
            }
        }
    }
    let broken_down = !parts.is_empty();
    if broken_down {
        parts.insert(0, ("total".to_owned(), w.whole.to_owned()));
    }

    let mut ids = vec!["indicator", "measure", "kind", "period"];
    let mut dims: Vec<&[(String, String)]> = vec![&indicators, &measures, &kinds, &periods];
    if broken_down {
        ids.push("part");
        dims.push(&parts);
    }
    let size: Vec<usize> = dims.iter().map(|d| d.len()).collect();
    let place = |dim: usize, id: &str| {
        dims[dim]
            .iter()
            .position(|(c, _)| c == id)
            .expect("a category of the dataset")
    };
    let index = |coords: &[usize]| coords.iter().zip(&size).fold(0, |acc, (c, n)| acc * n + c);

    let mut values = BTreeMap::new();
    let mut sources = BTreeMap::new();
    let mut denominators = BTreeMap::new();
    let mut texts = BTreeMap::new();
    let mut used_sources = BTreeSet::new();
    for (ind, o) in cells() {
        let (i, m) = o.measure;
        let mut at = vec![
            place(0, &ind.id),
            place(1, &measure_id(ind, i, m)),
            place(2, o.kind.code()),
            place(3, &o.period.expect("a cell has a period").code()),
        ];
        if broken_down {
            at.push(0);
        }
        let whole = index(&at);
        if values.contains_key(&whole) {
            continue;
        }
        values.insert(whole, o.value);
        sources.insert(whole, o.source.to_string());
        used_sources.insert(o.source);
        if let Some(of) = o.of {
            denominators.insert(whole, of);
        }
        if !o.text.is_empty() {
            texts.insert(whole, o.text.clone());
        }
        for (name, v) in o.breakdown {
            *at.last_mut().expect("a part") = place(4, name);
            values.insert(index(&at), Some(*v));
            sources.insert(index(&at), o.source.to_string());
        }
    }

    let mut dimension_map = Map::new();
    let dim_labels = [w.indicator, w.measure, w.value_kind, w.period, w.part];
    for (n, id) in ids.iter().enumerate() {
        dimension_map.insert((*id).to_owned(), dimension(dim_labels[n], dims[n]));
    }
    dimension_map["measure"]["category"]["unit"] = Value::Object(units);

    let mut catalogue = Map::new();
    let mut dates = Vec::new();
    let mut note = Vec::new();
    for id in &used_sources {
        let s = content.source(id);
        let title = content.source_title(id);
        note.push(fill(w.source, &[("source", &title)]));
        let date = s.and_then(|s| s.date);
        dates.extend(date.map(Period::end));
        catalogue.insert(
            id.to_string(),
            json!({
                "title": title,
                "publisher": s.and_then(|s| s.publisher.clone()),
                "date": date.map(|d| d.code()),
            }),
        );
    }
    let updated = dates.into_iter().max().or_else(|| {
        let s = content.search_statuses().last()?;
        content.uses_status(s);
        Some(s.date)
    });
    let key = |m: BTreeMap<usize, Value>| -> Map<String, Value> {
        m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
    };
    let mut extension = json!({
        "publisher": strategy.publisher,
        "source": key(sources.into_iter().map(|(k, v)| (k, json!(v))).collect()),
        "sources": catalogue,
    });
    if !denominators.is_empty() {
        extension["denominator"] = json!(key(denominators
            .into_iter()
            .map(|(k, v)| (k, json!(v)))
            .collect()));
    }
    if !texts.is_empty() {
        extension["text"] = json!(key(texts.into_iter().map(|(k, v)| (k, json!(v))).collect()));
    }
    if let Some(licence) = &strategy.licence {
        extension["licence"] = json!({ "url": licence.url, "title": licence.title() });
        note.push(fill(w.licence, &[("licence", licence.title())]));
    }
    let mut doc = json!({
        "version": "2.0",
        "class": "dataset",
        "label": label,
        "source": strategy.publisher,
        "id": ids,
        "size": size,
        "role": { "time": ["period"], "metric": ["measure"] },
        "dimension": dimension_map,
        "value": key(values.into_iter().map(|(k, v)| (k, json!(v))).collect()),
        "note": note,
        "extension": extension,
    });
    if let Some(date) = updated {
        doc["updated"] = json!(format!(
            "{}-{:02}-{:02}T00:00:00Z",
            date.year(),
            u8::from(date.month()),
            date.day()
        ));
    }
    (doc, updated)
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimals_follow_the_figures() {
        assert_eq!(super::decimals([1.0, 2.5, 0.506].iter()), 3);
        assert_eq!(super::decimals([124453.0].iter()), 0);
    }
}
