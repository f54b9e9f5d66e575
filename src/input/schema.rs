//! JSON Schemas of the content files, generated from the raw types the loader reads them into.
//!
//! In: the types of [`super::raw`], which derive `JsonSchema` beside `Deserialize` (a value
//! written as a word or a period is declared by `raw`'s `written` schemas). Out: one schema
//! per kind of content file, for editors (`yaml-language-server`) and for tests.

use schemars::{Schema, generate::SchemaSettings};

use super::Kind;
use super::raw;
#[cfg(test)]
use crate::model;

impl Kind {
    /// Every kind of content file, in the order validation reads them.
    pub const ALL: [Kind; 7] = [
        Kind::Strategy,
        Kind::Sources,
        Kind::Goal,
        Kind::Indicator,
        Kind::Initiative,
        Kind::Status,
        Kind::Edition,
    ];

    /// The kind's name, as in the schema's file name: `indicator`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Strategy => "strategy",
            Kind::Sources => "sources",
            Kind::Goal => "goal",
            Kind::Indicator => "indicator",
            Kind::Initiative => "initiative",
            Kind::Status => "status",
            Kind::Edition => "edition",
        }
    }

    /// The schema's file name: `indicator.schema.json`.
    pub fn schema_file(self) -> String {
        format!("{}.schema.json", self.name())
    }
}

/// The JSON Schema (draft 7, which editors' YAML support understands) of one kind of file.
pub fn schema(kind: Kind) -> Schema {
    let generator = SchemaSettings::draft07().for_deserialize().into_generator();
    match kind {
        Kind::Strategy => generator.into_root_schema_for::<raw::Strategy>(),
        Kind::Sources => generator.into_root_schema_for::<raw::Sources>(),
        Kind::Goal => generator.into_root_schema_for::<raw::Goal>(),
        Kind::Indicator => generator.into_root_schema_for::<raw::Indicator>(),
        Kind::Initiative => generator.into_root_schema_for::<raw::Initiative>(),
        Kind::Status => generator.into_root_schema_for::<raw::Status>(),
        Kind::Edition => generator.into_root_schema_for::<raw::Edition>(),
    }
}

/// The schema as the file `schema` writes: pretty JSON with a final newline.
pub fn schema_json(kind: Kind) -> String {
    let mut text = serde_json::to_string_pretty(&schema(kind)).expect("a schema is valid JSON");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerations_list_the_models_words() {
        let s = schema(Kind::Indicator).to_value();
        let unit = &s["definitions"]["Unit"]["enum"];
        assert_eq!(
            unit,
            &serde_json::json!(["percent", "count", "share", "millions", "days", "text"])
        );
        let kind = &s["definitions"]["IndicatorType"]["enum"];
        assert_eq!(kind.as_array().map(Vec::len), Some(6));
        assert_eq!(
            s["definitions"]["Frequency"]["enum"],
            serde_json::json!(["årlig", "kvartalsvis", "løpende"])
        );
        assert_eq!(s["additionalProperties"], serde_json::json!(false));
    }

    #[test]
    fn every_word_parses_back() {
        for u in model::Unit::ALL {
            assert_eq!(model::Unit::parse(u.word()), Some(u));
        }
        for t in model::IndicatorType::ALL {
            assert_eq!(model::IndicatorType::parse(t.word()), Some(t));
        }
        for f in model::Frequency::ALL {
            assert_eq!(model::Frequency::parse(f.word()), Some(f));
        }
    }
}
