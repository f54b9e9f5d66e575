//! Translations: a printed text not written in a language its outputs are published in is
//! worth a warning. The build shows the main language's text there, marked with its language.

use crate::diagnostics::{Code, Diagnostic};
use crate::model::Content;

/// A warning for each text and each published language it is not written in.
pub(super) fn translation_warnings(content: &Content) -> Vec<Diagnostic> {
    let langs = &content.strategy.languages;
    if langs.all.len() < 2 {
        return Vec::new();
    }
    let mut warnings = Vec::new();
    for (path, text) in content.texts() {
        if text.is_blank() {
            continue;
        }
        let shown = text.lang().unwrap_or(langs.main).code();
        for &lang in content.languages_of(&path) {
            if text.get(lang).is_some() {
                continue;
            }
            let code = lang.code();
            warnings.push(
                Diagnostic::warning(
                    &path,
                    text.pos,
                    format!(
                        "text not written in `{code}` (the `{code}` outputs show it in `{shown}`)"
                    ),
                )
                .with_code(Code::MissingTranslation)
                .with_help(format!(
                    "write the text by language, such as `{{{shown}: …, {code}: …}}`"
                )),
            );
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::diagnostics::Code;

    #[test]
    fn a_text_missing_in_a_published_language_is_a_warning_at_its_place() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/languages/content");
        let loaded = crate::pipeline::load(&dir, &mut Default::default()).expect("loads");
        let missing: Vec<String> = loaded
            .warnings
            .iter()
            .filter(|d| d.code == Code::MissingTranslation)
            .map(|d| {
                let file = d.path.strip_prefix(&dir).unwrap_or(&d.path);
                format!(
                    "{}:{}:{}: {}",
                    file.display(),
                    d.pos.line,
                    d.pos.col,
                    d.message
                )
            })
            .collect();
        assert_eq!(
            missing,
            [
                "indicators/1.1.yaml:4:3: text not written in `nn` (the `nn` outputs show it in `nb`)",
                "status/2026-q2.yaml:20:9: text not written in `nn` (the `nn` outputs show it in `nb`)",
                "status/2026-q2.yaml:25:11: text not written in `nn` (the `nn` outputs show it in `nb`)",
            ]
        );
    }
}
