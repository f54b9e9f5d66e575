//! The schemas of values as they are written: a field the loader reads with a span, or as a
//! word it parses later (a unit, a type, a frequency, a period, a language), is declared by
//! the value written in the file, with the words taken from the model's own lists, so the
//! schema cannot drift from what `check` accepts.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::PeriodText;
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

/// A quarter or a year as written: `2026-Q2` or `2026`.
pub struct QuarterOrYear;

impl JsonSchema for QuarterOrYear {
    fn schema_name() -> Cow<'static, str> {
        "QuarterOrYear".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A quarter (2026-Q2) or a year (2026: its first quarter as a start, its last as an end).",
            "anyOf": [
                { "type": "integer", "minimum": 1900, "maximum": 2200 },
                { "type": "string", "pattern": "^[0-9]{4}(-[Qq][1-4])?$" }
            ]
        })
    }
}

/// A delivery's phase as written: `utvikling` or `innføring`.
pub struct Phase;

impl JsonSchema for Phase {
    fn schema_name() -> Cow<'static, str> {
        "Phase".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        words(
            "The phase of a delivery: development or adoption.",
            model::Phase::ALL.map(model::Phase::id),
        )
    }
}
