//! JSON Schemas of the content files, generated from the raw types the loader reads them into.
//!
//! In: the types of [`super::raw`], which derive `JsonSchema` beside `Deserialize`. Out: one
//! schema per kind of content file, for editors (`yaml-language-server`) and for tests. A
//! field the loader reads with a span, or as a word it parses later (a unit, a type, a
//! frequency, a period), is declared here by the value written in the file, with the words
//! taken from the model's own lists, so the schema cannot drift from what `check` accepts.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, generate::SchemaSettings, json_schema};

use super::Kind;
use super::raw::{self, PeriodText};
use crate::model;

/// One part of a period: a year, a quarter, a month or a day.
const SINGLE: &str = r"[0-9]{4}(-[Qq][1-4]|-[0-9]{2}(-[0-9]{2})?)?";

/// The pattern of a period written as text: a single period or a range `a/b`.
pub fn period_pattern() -> String {
    format!("^{SINGLE}(/{SINGLE})?$")
}

/// The pattern of a quarter: `2026-Q2`.
pub const QUARTER_PATTERN: &str = "^[0-9]{4}-[Qq][1-4]$";

impl JsonSchema for PeriodText {
    fn schema_name() -> Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A year (2021), quarter (2026-Q2), month (2026-01), day (2023-10-01) or range (2021-09/2022-08).",
            "anyOf": [
                { "type": "integer", "minimum": 1900, "maximum": 2200 },
                { "type": "string", "pattern": period_pattern() }
            ]
        })
    }
}

/// A language code as written: `nb`, `nn` or `en`.
pub struct LangCode;

impl JsonSchema for LangCode {
    fn schema_name() -> Cow<'static, str> {
        "Language".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = crate::labels::Lang::ALL.iter().map(|l| l.code()).collect();
        json_schema!({
            "description": "A language: nb (bokmål), nn (nynorsk) or en (English).",
            "enum": codes
        })
    }
}

/// A quarter as written: `2026-Q2`.
pub struct QuarterText;

impl JsonSchema for QuarterText {
    fn schema_name() -> Cow<'static, str> {
        "Quarter".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A quarter, such as 2026-Q2.",
            "type": "string",
            "pattern": QUARTER_PATTERN
        })
    }
}

/// A schema for one of a fixed list of words.
fn words(description: &str, words: impl IntoIterator<Item = &'static str>) -> Schema {
    let words: Vec<&str> = words.into_iter().collect();
    json_schema!({
        "description": description,
        "type": "string",
        "enum": words
    })
}

/// The unit of an indicator or measure, one of [`model::Unit::ALL`].
pub struct Unit;

impl JsonSchema for Unit {
    fn schema_name() -> Cow<'static, str> {
        "Unit".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        words(
            "The unit of the numbers.",
            model::Unit::ALL.map(model::Unit::word),
        )
    }
}

/// The type of an indicator, one of [`model::IndicatorType::ALL`].
pub struct IndicatorType;

impl JsonSchema for IndicatorType {
    fn schema_name() -> Cow<'static, str> {
        "IndicatorType".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        words(
            "The indicator type.",
            model::IndicatorType::ALL.map(model::IndicatorType::word),
        )
    }
}

/// How often an indicator is updated, one of [`model::Frequency::ALL`].
pub struct Frequency;

impl JsonSchema for Frequency {
    fn schema_name() -> Cow<'static, str> {
        "Frequency".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        words(
            "How often the indicator is updated.",
            model::Frequency::ALL.map(model::Frequency::word),
        )
    }
}

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
