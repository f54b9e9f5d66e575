//! The fonts the web pages are set in, with their licence: the same faces as the PDFs', made
//! once at the top of `out/` for every language, from no content file.

use super::{Context, KeyPart, Kind, Make, Output, Planned};
use crate::document::names;
use crate::typeset::fonts;

/// The web fonts.
pub struct WebFonts;

impl Kind for WebFonts {
    fn once(&self) -> bool {
        true
    }

    fn files(&self) -> Vec<String> {
        fonts::web_files()
            .map(|(name, _)| names::font(name))
            .collect()
    }

    fn plan(&self, _: &Context<'_>) -> Planned {
        let outputs = fonts::web_files()
            .map(|(name, bytes)| Output {
                name: names::font(name),
                // Named by the file and its size, as the PDFs' font identity is, rather than
                // hashed on every build.
                key: (
                    "asset",
                    vec![KeyPart::Part(
                        "file".into(),
                        fonts::identity(name, bytes).into_bytes(),
                    )],
                ),
                make: Make::Bytes(bytes.into()),
            })
            .collect();
        Planned {
            outputs,
            inputs: Vec::new(),
        }
    }
}
