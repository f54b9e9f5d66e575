//! Printed text as written: a plain string in the content's main language, or a map with
//! one text per language (`title: {nb: …, nn: …, en: …}`).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;

use super::S;

/// A printed text with the place it was written.
#[derive(Debug, Clone)]
pub struct RawText(pub S<TextShape>);

/// The two shapes a printed text may take.
#[derive(Debug, Clone, PartialEq)]
pub enum TextShape {
    /// A plain string, in the content's main language.
    Plain(String),
    /// One text per language.
    ByLang(ByLang),
}

/// A text in each language it is written in; a code not listed here is an error.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ByLang {
    /// Norwegian bokmål.
    #[serde(default)]
    pub nb: Option<String>,
    /// Norwegian nynorsk.
    #[serde(default)]
    pub nn: Option<String>,
    /// English.
    #[serde(default)]
    pub en: Option<String>,
}

impl RawText {
    /// A plain text at no known place, for tests.
    #[cfg(test)]
    pub fn plain(text: &str) -> RawText {
        let at = serde_saphyr::Location::UNKNOWN;
        RawText(S::new(TextShape::Plain(text.to_owned()), at, at))
    }
}

impl RawText {
    /// The same text with `f` applied in every language.
    pub fn map(&self, f: impl Fn(&str) -> String) -> RawText {
        let value = match &self.0.value {
            TextShape::Plain(s) => TextShape::Plain(f(s)),
            TextShape::ByLang(b) => TextShape::ByLang(ByLang {
                nb: b.nb.as_deref().map(&f),
                nn: b.nn.as_deref().map(&f),
                en: b.en.as_deref().map(&f),
            }),
        };
        RawText(S::new(value, self.0.referenced, self.0.defined))
    }

    /// Each language's text, by code; a plain string under `None`.
    pub fn by_code(&self) -> Vec<(Option<&'static str>, &str)> {
        match &self.0.value {
            TextShape::Plain(s) => vec![(None, s.as_str())],
            TextShape::ByLang(b) => [("nb", &b.nb), ("nn", &b.nn), ("en", &b.en)]
                .into_iter()
                .filter_map(|(k, v)| Some((Some(k), v.as_deref()?)))
                .collect(),
        }
    }
}

impl std::ops::Deref for RawText {
    type Target = str;
    /// The plain string, or the first language's text.
    fn deref(&self) -> &str {
        match &self.0.value {
            TextShape::Plain(s) => s,
            TextShape::ByLang(b) => [&b.nb, &b.nn, &b.en]
                .into_iter()
                .find_map(|t| t.as_deref())
                .unwrap_or_default(),
        }
    }
}

impl PartialEq<&str> for RawText {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

impl<'de> Deserialize<'de> for TextShape {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = TextShape;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or a map of texts by language (nb, nn, en)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<TextShape, E> {
                Ok(TextShape::Plain(v.to_owned()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<TextShape, E> {
                Ok(TextShape::Plain(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<TextShape, E> {
                Ok(TextShape::Plain(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<TextShape, E> {
                Ok(TextShape::Plain(v.to_string()))
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<TextShape, E> {
                Ok(TextShape::Plain(v.to_string()))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<TextShape, E> {
                Err(E::custom("expected a text, found nothing"))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<TextShape, A::Error> {
                Err(serde::de::Error::custom(
                    "expected a text or texts by language (`nb:`, `nn:`, `en:`), found a list",
                ))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<TextShape, A::Error> {
                ByLang::deserialize(MapAccessDeserializer::new(map)).map(TextShape::ByLang)
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        S::<TextShape>::deserialize(d).map(RawText)
    }
}

impl JsonSchema for RawText {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let by_lang = generator.subschema_for::<ByLang>();
        json_schema!({
            "description": "A text in the content's main language, or a map of texts by language.",
            "anyOf": [{ "type": "string" }, by_lang]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<TextShape, String> {
        serde_saphyr::from_str::<RawText>(yaml)
            .map(|t| t.0.value)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn both_shapes_parse_and_unknown_codes_fail() {
        assert_eq!(parse("Mål").unwrap(), TextShape::Plain("Mål".into()));
        let by = parse("{nb: Mål, nn: Mål, en: Goal}").unwrap();
        let TextShape::ByLang(by) = by else {
            panic!("a map")
        };
        assert_eq!(by.en.as_deref(), Some("Goal"));
        let err = parse("{nb: Mål, de: Ziel}").unwrap_err();
        assert!(err.contains("de") && err.contains("nn"), "{err}");
    }
}
