//! What a `watch` keeps from one build to the next, so that recompiling a document after an
//! edit costs what typst's own watch costs.
//!
//! In: each compiled document's parsed main source. Out: the next build's main source for the
//! same document, made by replacing the last one's text. Typst reparses only the edited part
//! and keeps the syntax spans of the rest, so its memoised layout of everything else is found
//! again; a source parsed anew numbers every span after the edit differently and misses it
//! all (the deck: about 30 ms warm against 350 ms, the same PDF bytes). The memoised results
//! themselves stay in typst's cache: [`Warm::after_build`] empties it of what the last builds
//! did not use.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use typst::syntax::Source;

use super::world::main_id;

/// Typst's memoised results are dropped at the end of the second build of a `watch` that
/// does not use them: a document an edit before last recompiled is still warm.
const WATCH_AGE: usize = 2;

/// How many documents a build may compile and keep warm together: a quarter's deck and
/// reports. A build that compiles more (an edited indicator that every quarter shows, a
/// template) empties typst's cache between batches as a one-off build does, so memory stays
/// bounded: on 10× content, keeping 18 documents' worth raised watch's peak from 150 to 380 MiB.
const WARM_DOCUMENTS: usize = 6;

/// The main sources of the documents compiled so far, by output name.
#[derive(Debug, Default)]
pub struct Warm {
    sources: Mutex<HashMap<String, Source>>,
    builds: AtomicUsize,
}

impl Warm {
    /// Whether a build that has compiled `compiled` documents so far keeps typst's cache
    /// between its batches: not in watch's first build, which makes whatever is out of date
    /// and may be the whole archive, and not after [`WARM_DOCUMENTS`].
    pub fn keeps(&self, compiled: usize) -> bool {
        self.builds.load(Ordering::Relaxed) > 0 && compiled <= WARM_DOCUMENTS
    }

    /// The main source of the document `name` with the text `text`, for the output `output`:
    /// the last build's source with its text replaced, or a source parsed anew.
    pub fn source(&self, output: &str, name: &str, text: String) -> Source {
        let id = main_id(name);
        let last = self.lock().get(output).filter(|s| s.id() == id).cloned();
        match last {
            Some(mut source) => {
                source.replace(&text);
                source
            }
            None => Source::new(id, text),
        }
    }

    /// Keeps `source` as the last source of `output`.
    pub fn keep(&self, output: &str, source: &Source) {
        self.lock().insert(output.to_owned(), source.clone());
    }

    /// Ends a build: typst's memoised results that neither this build nor the one before
    /// used are dropped.
    pub fn after_build(&self) {
        typst::comemo::evict(WATCH_AGE);
        self.builds.fetch_add(1, Ordering::Relaxed);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Source>> {
        self.sources.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::{DocumentWorld, pdf, typst_date};

    fn compile(warm: Option<&Warm>, text: &str) -> Vec<u8> {
        let name = "warm-test";
        let source = match warm {
            Some(w) => w.source("warm-test.pdf", name, text.to_owned()),
            None => Source::new(main_id(name), text.to_owned()),
        };
        if let Some(w) = warm {
            w.keep("warm-test.pdf", &source);
        }
        let templates = crate::render::Templates::builtin();
        let world = DocumentWorld::with_source(
            source,
            &templates.typst_modules(),
            Vec::new(),
            typst_date(time::macros::date!(2026 - 06 - 30)),
        );
        let main = std::path::Path::new(crate::typeset::GENERATED).join("main.typ");
        let origins = crate::typeset::Origins {
            main: &main,
            kept: false,
            templates: &templates,
        };
        pdf(name, &world, time::macros::date!(2026 - 06 - 30), &origins)
            .unwrap()
            .output
    }

    fn text(word: &str) -> String {
        let mut t = String::from("#import \"style.typ\": *\n#show: setup.with(title: \"T\")\n");
        for i in 0..40 {
            t.push_str(&format!(
                "= Del {i}\n\nAvsnitt {i} med tekst om {word}.\n\n"
            ));
            if i == 20 {
                t.push_str(&format!("#table(columns: 2, [{word}], [{i}])\n\n"));
            }
        }
        t
    }

    #[test]
    fn a_replaced_source_gives_the_bytes_of_a_fresh_one() {
        let warm = Warm::default();
        let before = compile(Some(&warm), &text("helse"));
        let after = compile(Some(&warm), &text("e-helse og mer"));
        assert_ne!(before, after, "the edit shows");
        assert_eq!(after, compile(None, &text("e-helse og mer")));
        let first = warm.lock()["warm-test.pdf"].clone();
        let again = warm.source("warm-test.pdf", "warm-test", text("e-helse og mer"));
        assert_eq!(first.text(), again.text());
    }

    #[test]
    fn only_a_later_build_of_few_documents_keeps_the_cache() {
        let warm = Warm::default();
        assert!(!warm.keeps(1), "the first build");
        warm.after_build();
        assert!(warm.keeps(WARM_DOCUMENTS));
        assert!(!warm.keeps(WARM_DOCUMENTS + 1));
    }

    #[test]
    fn a_source_of_another_document_is_not_reused() {
        let warm = Warm::default();
        warm.keep("a.pdf", &Source::new(main_id("a"), "A".to_owned()));
        let b = warm.source("a.pdf", "b", "B".to_owned());
        assert_eq!((b.id(), b.text()), (main_id("b"), "B"));
        let a = warm.source("a.pdf", "a", "A2".to_owned());
        assert_eq!((a.id(), a.text()), (main_id("a"), "A2"));
    }
}
