//! Keys: what an output was made from, as one sha256. Two builds that give an output the
//! same key give it the same bytes, so the second can skip it.
//!
//! A key covers the tool's version, the kind of output, the serialized view it is rendered
//! from, every template source the rendering can read (found by following the templates'
//! imports, not listed by hand), and for PDFs the files typst reads and the fonts' identity.

use sha2::{Digest, Sha256};

use crate::render::Templates;
use crate::typeset;

/// The tool and the typesetter it embeds.
fn tool() -> String {
    format!(
        "statusrapport {} typst {}",
        env!("CARGO_PKG_VERSION"),
        typst::utils::version().raw()
    )
}

/// A key under construction: labelled, length-prefixed parts, so that no two different
/// lists of parts hash alike.
pub struct Key(Sha256);

impl Key {
    /// A key for an output of `kind` (`pdf`, `html`, `csv`…), starting with the tool.
    pub fn new(kind: &str) -> Key {
        Key(Sha256::new())
            .part("tool", tool().as_bytes())
            .part("kind", kind.as_bytes())
    }

    /// Adds a labelled part.
    pub fn part(mut self, label: &str, bytes: &[u8]) -> Key {
        for piece in [label.as_bytes(), bytes] {
            self.0.update((piece.len() as u64).to_le_bytes());
            self.0.update(piece);
        }
        self
    }

    /// Adds the sources of `template` and of everything it imports, from `templates`.
    pub fn templates(self, templates: &Templates, template: &str) -> Key {
        used_sources(templates, template)
            .into_iter()
            .fold(self, |k, (name, text)| k.part(name, text.as_bytes()))
    }

    /// Adds the words of the documents' language, which templates read beside the view.
    pub fn labels(self, labels: &crate::labels::Labels) -> Key {
        self.part(
            "labels",
            &serde_json::to_vec(labels).expect("labels serialize"),
        )
    }

    /// Adds the fonts' identity.
    pub fn fonts(self) -> Key {
        self.part("fonts", typeset::fonts::IDENTITY.as_bytes())
    }

    /// The key, in hex.
    pub fn finish(self) -> String {
        format!("{:x}", self.0.finalize())
    }
}

/// `template` and every template or typst module it reads, transitively, sorted by name:
/// any quoted name in a source that is itself one of `templates` counts as read.
fn used_sources<'t>(templates: &'t Templates, template: &str) -> Vec<(&'static str, &'t str)> {
    let mut found = std::collections::BTreeMap::new();
    let mut todo = vec![template];
    while let Some(name) = todo.pop() {
        let Some(t) = templates.get(name.trim_start_matches('/')) else {
            continue;
        };
        if found.insert(t.name(), t.text.as_str()).is_none() {
            todo.extend(t.text.split('"').filter(|piece| piece.len() < 100));
        }
    }
    found.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_brings_what_it_imports() {
        let templates = Templates::builtin();
        let names = |t| -> Vec<&str> {
            used_sources(&templates, t)
                .iter()
                .map(|(n, _)| *n)
                .collect()
        };
        assert_eq!(names("deck.typ"), ["deck.typ", "goal.typ", "style.typ"]);
        let names = names("status.html");
        assert!(names.contains(&"base.html"), "{names:?}");
        assert!(!names.contains(&"deck.typ"), "{names:?}");
    }

    #[test]
    fn every_part_changes_the_key() {
        let base = || Key::new("pdf").part("view", b"{}");
        assert_eq!(base().finish(), base().finish());
        assert_ne!(
            base().finish(),
            Key::new("html").part("view", b"{}").finish()
        );
        assert_ne!(base().finish(), base().part("chart", b"").finish());
        assert_ne!(
            Key::new("pdf").part("ab", b"c").finish(),
            Key::new("pdf").part("a", b"bc").finish()
        );
        assert_ne!(base().finish(), base().fonts().finish());
    }
}
