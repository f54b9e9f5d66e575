//! The whole set of indicators to download, in every language the site is published in:
//! `data/indikatorer.json` (JSON-stat 2.0), `data/indikatorer.csv` and its CSV on the Web
//! metadata.

use super::{Context, Kind, Output, Planned, bytes_file};
use crate::document::names;
use crate::document::observations;
use crate::document::reader::Reader;
use crate::document::{csvw, jsonstat};
use crate::labels::fill;
use crate::model::Indicator;

/// The whole set's data files.
pub struct IndicatorSet;

impl Kind for IndicatorSet {
    fn files(&self) -> Vec<String> {
        [names::SET_JSONSTAT, names::SET_CSV, names::SET_CSV_METADATA]
            .map(str::to_owned)
            .to_vec()
    }

    fn plan(&self, cx: &Context<'_>) -> Planned {
        let reader = Reader::new(cx.content);
        let inds: Vec<&Indicator> = cx.content.indicators.values().collect();
        let title = fill(
            cx.labels.open_data.set_title,
            &[("strategy", &reader.strategy().title)],
        );
        let json = jsonstat::dataset(cx.labels, &reader, cx.analysis, &inds, &title);
        let csv = observations::csv(cx.labels, &reader, cx.analysis, &inds);
        let csvw = csvw::metadata(
            cx.labels,
            &reader,
            cx.analysis,
            &inds,
            names::file_name(names::SET_CSV),
            &title,
            cx.labels.open_data.set_description,
        );
        let outputs: Vec<Output> = vec![
            bytes_file(names::SET_CSV_METADATA.to_owned(), "json", csvw),
            bytes_file(names::SET_JSONSTAT.to_owned(), "json", json),
            bytes_file(names::SET_CSV.to_owned(), "csv", csv),
        ];
        Planned {
            outputs,
            inputs: reader.inputs(),
        }
    }
}
