//! The fonts every document is set in, embedded in the binary: Inter (sans), Noto Sans
//! Symbols 2 and Noto Emoji as its fallbacks (all bundled under `assets/fonts/` with their OFL
//! licences) and typst-assets' fonts. Loaded once per process.

use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// Inter, regular: also used by the charts to measure label widths.
pub static INTER_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");

/// The bundled sans family, by file name.
pub static INTER_FILES: [(&str, &[u8]); 5] = [
    ("Inter-Regular.otf", INTER_REGULAR),
    (
        "Inter-Italic.otf",
        include_bytes!("../../assets/fonts/Inter-Italic.otf"),
    ),
    (
        "Inter-Bold.otf",
        include_bytes!("../../assets/fonts/Inter-Bold.otf"),
    ),
    (
        "Inter-BoldItalic.otf",
        include_bytes!("../../assets/fonts/Inter-BoldItalic.otf"),
    ),
    (
        "Inter-SemiBold.otf",
        include_bytes!("../../assets/fonts/Inter-SemiBold.otf"),
    ),
];

/// Fallbacks for what Inter lacks, by file name: symbols (✓ ★ ⚠) and monochrome emoji (👍 😀).
/// Listed after Inter in the templates' font lists.
pub static FALLBACK_FILES: [(&str, &[u8]); 2] = [
    (
        "NotoSansSymbols2-Regular.ttf",
        include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.ttf"),
    ),
    (
        "NotoEmoji-Regular.ttf",
        include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf"),
    ),
];

/// The font licence of Inter, published beside the fonts.
pub static LICENCE: &str = include_str!("../../assets/fonts/OFL.txt");

/// Every font file documents are set in, with a file name: Inter's, the fallbacks, then
/// typst-assets' (named by position, with the extension their format has).
pub fn files() -> impl Iterator<Item = (String, &'static [u8])> {
    let inter = INTER_FILES
        .iter()
        .chain(FALLBACK_FILES.iter())
        .map(|(name, data)| ((*name).to_owned(), *data));
    let assets = typst_assets::fonts().enumerate().map(|(i, data)| {
        let ext = match data.get(..4) {
            Some(b"OTTO") => "otf",
            Some(b"ttcf") => "ttc",
            _ => "ttf",
        };
        (format!("typst-assets-{i:02}.{ext}"), data)
    });
    inter.chain(assets)
}

/// What identifies the fonts in an output's key: each file's name and size, and the version
/// of typst-assets. The fonts are compiled into the binary, so this changes with them
/// without hashing megabytes on every build.
pub static IDENTITY: LazyLock<String> = LazyLock::new(|| {
    let mut id = String::from("typst-assets 0.15.1");
    for (name, data) in files() {
        id.push('\n');
        id.push_str(&identity(&name, data));
    }
    id
});

/// What identifies one file compiled into the binary in a key: its name and size.
pub fn identity(name: &str, data: &[u8]) -> String {
    format!("{name} {}", data.len())
}

/// The licences of the fallback fonts, by file name, published beside them.
pub static FALLBACK_LICENCES: [(&str, &str); 2] = [
    (
        "NotoSansSymbols2-OFL.txt",
        include_str!("../../assets/fonts/NotoSansSymbols2-OFL.txt"),
    ),
    (
        "NotoEmoji-OFL.txt",
        include_str!("../../assets/fonts/NotoEmoji-OFL.txt"),
    ),
];

/// Every file the HTML pages are served with, by file name: the fonts and their licences.
pub fn web_files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    let licences = std::iter::once(("OFL.txt", LICENCE))
        .chain(FALLBACK_LICENCES)
        .map(|(name, text)| (name, text.as_bytes()));
    INTER_FILES
        .into_iter()
        .chain(FALLBACK_FILES)
        .chain(licences)
}

/// Parsed fonts and their book, shared by every compilation.
pub struct Fonts {
    /// Metadata typst selects fonts by.
    pub book: LazyHash<FontBook>,
    /// The fonts, indexed as in the book.
    pub fonts: Vec<Font>,
}

/// The process-wide font set, parsed on first use.
pub static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = files()
        .flat_map(|(_, data)| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// Letters and punctuation of the content's languages that Inter has a glyph for (a test
/// checks it against the fonts), so that text written in them is checked without parsing
/// every font.
const LATIN: [std::ops::RangeInclusive<char>; 2] = ['\u{A0}'..='\u{17F}', '\u{2010}'..='\u{2022}'];

/// Whether a character can be set: some bundled font has a glyph for it (typst falls back
/// through every font in the book), or it takes none (spaces, controls, joiners).
pub fn covers(c: char) -> bool {
    c.is_ascii()
        || LATIN.iter().any(|r| r.contains(&c))
        || c.is_whitespace()
        || c.is_control()
        || typst::text::is_default_ignorable(c)
        || FONTS
            .fonts
            .iter()
            .any(|f| f.info().coverage.contains(c as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inter_and_libertinus_are_in_the_book() {
        let families: Vec<&str> = FONTS.book.families().map(|(name, _)| name).collect();
        assert!(families.contains(&"Inter"), "{families:?}");
        assert!(families.contains(&"Libertinus Serif"), "{families:?}");
        assert!(families.contains(&"Noto Sans Symbols 2"), "{families:?}");
        assert!(families.contains(&"Noto Emoji"), "{families:?}");
    }

    #[test]
    fn the_latin_letters_taken_as_covered_are_in_the_fonts() {
        for c in LATIN.into_iter().flatten() {
            assert!(
                FONTS
                    .fonts
                    .iter()
                    .any(|f| f.info().coverage.contains(c as u32)),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn symbols_and_emoji_are_covered_and_unassigned_code_points_are_not() {
        for c in ['æ', '–', '✓', '★', '⚠', '👍', '😀', '\u{200D}', '\u{FE0F}'] {
            assert!(covers(c), "{c} (U+{:04X})", c as u32);
        }
        for c in ['\u{378}', '\u{F0000}', '\u{10FFFD}'] {
            assert!(!covers(c), "U+{:04X}", c as u32);
        }
    }
}
