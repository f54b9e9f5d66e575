//! The fonts every document is set in, embedded in the binary: Inter (sans, bundled under
//! `assets/fonts/` with its OFL licence) and typst-assets' fonts. Loaded once per process.

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

/// The font licence, published beside the fonts.
pub static LICENCE: &str = include_str!("../../assets/fonts/OFL.txt");

/// Parsed fonts and their book, shared by every compilation.
pub struct Fonts {
    /// Metadata typst selects fonts by.
    pub book: LazyHash<FontBook>,
    /// The fonts, indexed as in the book.
    pub fonts: Vec<Font>,
}

/// The process-wide font set, parsed on first use.
pub static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = INTER_FILES
        .iter()
        .map(|(_, data)| *data)
        .chain(typst_assets::fonts())
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// Whether a character can be set: some bundled font has a glyph for it (typst falls back
/// through every font in the book), or it takes none (spaces, controls, joiners).
pub fn covers(c: char) -> bool {
    c.is_ascii()
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
    }
}
