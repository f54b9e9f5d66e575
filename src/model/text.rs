//! A printed text of the content in every language it is written in.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostics::Pos;
use crate::input::raw::{RawText, TextShape};
use crate::labels::Lang;

/// A printed text: the text shown (the main language's until the content is put in one
/// language by [`super::Content::in_language`]), the language it is in, and every language's
/// text as written. Reads as the shown text (`&str`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    shown: String,
    lang: Option<Lang>,
    by_lang: BTreeMap<Lang, String>,
    /// Where it was written (0:0 when unknown).
    pub pos: Pos,
}

impl Text {
    /// A text written as a plain string, in the main language.
    pub fn plain(text: impl Into<String>) -> Text {
        Text {
            shown: text.into(),
            ..Text::default()
        }
    }

    /// The same text, written at `pos`.
    pub fn at(self, pos: Pos) -> Text {
        Text { pos, ..self }
    }

    /// The language the shown text is in; `None` before the main language is known.
    pub fn lang(&self) -> Option<Lang> {
        self.lang
    }

    /// The text as written in `lang`, if it is, and not empty.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.by_lang
            .get(&lang)
            .map(String::as_str)
            .filter(|t| !t.trim().is_empty())
    }

    /// Whether the text needs a translation at all: an empty text needs none.
    pub fn is_blank(&self) -> bool {
        self.by_lang.values().all(|t| t.trim().is_empty()) && self.shown.trim().is_empty()
    }

    /// Settles a plain string as the main language's text, and shows a map's main text.
    pub fn settle(&mut self, main: Lang) {
        if self.by_lang.is_empty() {
            self.by_lang.insert(main, self.shown.clone());
        }
        self.show(main, main);
    }

    /// Shows the text in `lang`, or when it is not written in `lang`, in `main` (or in
    /// whichever language it is written in).
    pub fn show(&mut self, lang: Lang, main: Lang) {
        let found = [lang, main]
            .into_iter()
            .chain(Lang::ALL)
            .find_map(|l| Some((l, self.get(l)?)))
            .or_else(|| self.by_lang.iter().next().map(|(l, t)| (*l, t.as_str())));
        if let Some((l, t)) = found {
            self.shown = t.to_owned();
            self.lang = Some(l);
        }
    }

    /// The same text in every language with `f` applied, e.g. an id put before it.
    pub fn map(&self, f: impl Fn(&str) -> String) -> Text {
        Text {
            shown: f(&self.shown),
            lang: self.lang,
            by_lang: self.by_lang.iter().map(|(l, t)| (*l, f(t))).collect(),
            pos: self.pos,
        }
    }

    /// The shown text.
    pub fn as_str(&self) -> &str {
        &self.shown
    }
}

impl From<&RawText> for Text {
    fn from(raw: &RawText) -> Text {
        let pos = Pos::from_location(&raw.0.referenced);
        match &raw.0.value {
            TextShape::Plain(s) => Text {
                pos,
                ..Text::plain(s.clone())
            },
            TextShape::ByLang(by) => {
                let by_lang: BTreeMap<Lang, String> =
                    [(Lang::Nb, &by.nb), (Lang::Nn, &by.nn), (Lang::En, &by.en)]
                        .into_iter()
                        .filter_map(|(l, t)| Some((l, t.clone()?)))
                        .collect();
                let (lang, shown) = by_lang
                    .iter()
                    .next()
                    .map_or((None, String::new()), |(l, t)| (Some(*l), t.clone()));
                Text {
                    shown,
                    lang,
                    by_lang,
                    pos,
                }
            }
        }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::plain(text)
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.shown
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.shown
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.shown == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.shown == *other
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.shown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_lang(nb: &str, nn: Option<&str>) -> Text {
        let raw: RawText = serde_saphyr::from_str(&match nn {
            Some(nn) => format!("{{nb: {nb}, nn: {nn}}}"),
            None => format!("{{nb: {nb}}}"),
        })
        .unwrap();
        Text::from(&raw)
    }

    #[test]
    fn a_text_shows_its_language_or_falls_back_to_the_main_one() {
        let mut t = by_lang("Utfordringer", Some("Utfordringar"));
        t.show(Lang::Nn, Lang::Nb);
        assert_eq!((t.as_str(), t.lang()), ("Utfordringar", Some(Lang::Nn)));
        let mut t = by_lang("Utfordringer", None);
        t.show(Lang::Nn, Lang::Nb);
        assert_eq!((t.as_str(), t.lang()), ("Utfordringer", Some(Lang::Nb)));
        let mut plain = Text::plain("Mål");
        plain.settle(Lang::Nb);
        assert_eq!(plain.get(Lang::Nb), Some("Mål"));
        assert_eq!(plain.get(Lang::En), None);
    }
}
