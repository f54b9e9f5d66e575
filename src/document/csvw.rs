//! CSV on the Web (W3C) metadata beside each data CSV (`data.csv-metadata.json`): the table's
//! columns with their names, titles, datatypes and whether a cell is required, its primary
//! key, and `dc:` title, description, publisher, sources and licence.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::observations::{CSV_COLUMNS, observations};
use super::reader::Reader;
use crate::analyse::Analysis;
use crate::labels::Labels;
use crate::model::Indicator;

/// Each column's datatype and whether every row has it, in the order of [`CSV_COLUMNS`].
const COLUMN_TYPES: [(&str, bool); 9] = [
    ("string", true),
    ("string", false),
    ("string", true),
    ("string", false),
    ("decimal", false),
    ("decimal", false),
    ("string", true),
    ("string", false),
    ("string", true),
];

/// What each column holds, in Norwegian as the column names are.
const COLUMN_DESCRIPTIONS: [&str; 9] = [
    "Indikatorens id",
    "Målingens id, når indikatoren har flere",
    "Hva verdien er: utgangspunkt, malt, illustrasjon, maltall eller ambisjon",
    "Perioden verdien gjelder (2024, 2026-Q2, 2026-01)",
    "Tallet",
    "Nevneren, for en andel",
    "Enheten: percent, count, share, millions, days eller text",
    "Verdien slik den er publisert",
    "Kildedokumentet",
];

/// The metadata of the CSV file `csv` (its name beside the metadata) of `inds`' figures.
pub fn metadata(
    l: &Labels,
    content: &Reader<'_>,
    analysis: &Analysis,
    inds: &[&Indicator],
    csv: &str,
    title: &str,
    description: &str,
) -> Vec<u8> {
    let strategy = content.strategy();
    let sources: BTreeSet<String> = inds
        .iter()
        .flat_map(|ind| observations(l, analysis, ind))
        .map(|o| content.source_title(o.source))
        .collect();
    let columns: Vec<Value> = CSV_COLUMNS
        .iter()
        .zip(COLUMN_TYPES)
        .zip(COLUMN_DESCRIPTIONS)
        .map(|((name, (datatype, required)), what)| {
            json!({
                "name": name,
                "titles": name,
                "datatype": datatype,
                "required": required,
                "dc:description": what,
            })
        })
        .collect();
    let mut doc = json!({
        "@context": ["http://www.w3.org/ns/csvw", { "@language": l.lang }],
        "url": csv,
        "dc:title": title,
        "dc:description": description,
        "dc:publisher": strategy.publisher,
        "dc:source": sources,
        "tableSchema": {
            "columns": columns,
            "primaryKey": ["indikator", "maling", "type", "periode"],
        },
    });
    if let Some(licence) = &strategy.licence {
        doc["dc:license"] = json!({ "@id": licence.url });
    }
    let mut bytes = serde_json::to_vec_pretty(&doc).expect("metadata serializes");
    bytes.push(b'\n');
    bytes
}
