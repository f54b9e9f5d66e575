//! An indicator's data to download beside its page: its values as CSV and its metadata as
//! JSON, published with the site.

use super::{Context, Kind, KeyPart, Make, Output, Planned};
use crate::document::indicator as site;
use crate::document::names::{self, DocId};
use crate::document::reader::Reader;
use crate::model::{Indicator, Publication};

/// An indicator's data files.
pub struct IndicatorData<'a>(pub &'a Indicator);

/// A file's key: its kind and its bytes, which are all it is made of.
fn file(name: String, kind: &'static str, bytes: Vec<u8>) -> Output {
    Output {
        name,
        key: (kind, vec![KeyPart::Part("bytes".into(), bytes.clone())]),
        make: Make::Bytes(bytes.into()),
    }
}

impl Kind for IndicatorData<'_> {
    fn id(&self) -> Option<DocId> {
        None
    }

    fn publication(&self) -> Publication {
        Publication::Site
    }

    fn makes_pdf(&self) -> bool {
        false
    }

    fn files(&self) -> Vec<String> {
        vec![
            names::indicator_csv(&self.0.id),
            names::indicator_metadata(&self.0.id),
        ]
    }

    fn plan(&self, cx: &Context<'_>) -> Planned {
        let ind = self.0;
        let reader = Reader::new(cx.content);
        // Both files are made from the indicator (its file, and its values' CSV file).
        reader.uses_indicator(ind);
        let csv = site::data_csv(cx.labels, &reader, cx.analysis, ind);
        let json = site::metadata_json(cx.labels, ind);
        Planned {
            outputs: vec![
                file(names::indicator_csv(&ind.id), "csv", csv),
                file(names::indicator_metadata(&ind.id), "json", json),
            ],
            inputs: reader.inputs(),
        }
    }
}
