//! An indicator's data to download beside its page: its figures as CSV with its CSV on the
//! Web metadata, as a JSON-stat 2.0 dataset, and its definition as JSON, published with the
//! site in each of its languages.

use super::{Context, Kind, Planned, bytes_file as file};
use crate::document::indicator as site;
use crate::document::names;
use crate::document::reader::Reader;
use crate::document::{csvw, jsonstat};
use crate::model::Indicator;

/// An indicator's data files.
pub struct IndicatorData<'a>(pub &'a Indicator);

impl Kind for IndicatorData<'_> {
    fn files(&self) -> Vec<String> {
        let id = &self.0.id;
        let mut files = vec![
            names::indicator_csv(id),
            names::indicator_csv_metadata(id),
            names::indicator_metadata(id),
        ];
        if jsonstat::has_figures(self.0) {
            files.push(names::indicator_jsonstat(id));
        }
        files
    }

    fn plan(&self, cx: &Context<'_>) -> Planned {
        let ind = self.0;
        let reader = Reader::new(cx.content);
        // Both files are made from the indicator (its file, and its values' CSV file).
        reader.uses_indicator(ind);
        let csv = site::data_csv(cx.labels, &reader, cx.analysis, ind);
        let json = site::metadata_json(cx.labels, ind);
        let csvw = csvw::metadata(
            cx.labels,
            &reader,
            cx.analysis,
            &[ind],
            names::INDICATOR_CSV,
            &ind.name,
            &ind.description,
        );
        let dataset = jsonstat::has_figures(ind)
            .then(|| jsonstat::dataset(cx.labels, &reader, cx.analysis, &[ind], &ind.name));
        Planned {
            outputs: vec![
                file(names::indicator_csv(&ind.id), "csv", csv),
                file(names::indicator_csv_metadata(&ind.id), "json", csvw),
                file(names::indicator_metadata(&ind.id), "json", json),
            ]
            .into_iter()
            .chain(dataset.map(|d| file(names::indicator_jsonstat(&ind.id), "json", d)))
            .collect(),
            inputs: reader.inputs(),
        }
    }
}
