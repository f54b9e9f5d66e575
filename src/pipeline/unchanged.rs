//! The whole build's key: everything a build that makes every output is made from, so that
//! a build with nothing changed can say so without planning a single output.
//!
//! It covers what every output's own [`key`](super::key) covers, taken whole rather than per
//! output: the tool and the source it was built from, every content file read (path and text, data files
//! too), every template, the words of every language of the site, the fonts, and the site's
//! address given on the command line. When the last manifest holds the same key and every
//! file it lists is still whole, each output's key would be what the manifest lists, so
//! nothing would be made. Anything the key cannot vouch for (an executable it cannot stat,
//! a data file that did not read cleanly) leaves no key, and each output is checked on its
//! own as before. A build that makes only some outputs keeps the last key only when its own
//! is the same and it lists the same files.

use rayon::prelude::*;

use super::key::Key;
use crate::input::RawContent;
use crate::labels::Lang;
use crate::model::BaseUrl;
use crate::output::{self, Entry, Manifest};
use crate::render::Templates;

/// The source the executable was built from (`build.rs`): a rebuilt binary whose version is
/// the same can still make other bytes. Not the executable's modification time, which would
/// make the manifest of one commit's build differ from another checkout's.
fn executable() -> Option<String> {
    Some(env!("STATUSRAPPORT_SOURCE").to_owned())
}

/// The key of the content files `raw` was read from: each file's path (relative to
/// `content_dir`) and text, and each data file's name and text. None when a data file did
/// not read cleanly.
pub(super) fn content(content_dir: &std::path::Path, raw: &RawContent) -> Option<Key> {
    let mut key = Key::new("build").part("executable", executable()?.as_bytes());
    for (path, text) in &raw.texts {
        let rel = path.strip_prefix(content_dir).unwrap_or(path);
        key = key.part(&rel.to_string_lossy(), text.as_bytes());
    }
    for (name, file) in &raw.data {
        let text = match file {
            Ok(f) if f.problems.is_empty() => f.table.as_ref().map(|t| &t.text),
            _ => None,
        }?;
        key = key.part(name, text.as_bytes());
    }
    Some(key)
}

/// The whole build's key: `content`'s, with every template, the words of `languages`, the
/// fonts and the address given on the command line.
pub(super) fn finish(
    content: Key,
    templates: &Templates,
    languages: &[Lang],
    base_url: Option<&BaseUrl>,
) -> String {
    let key = templates
        .iter()
        .fold(content, |k, t| k.part(t.name(), t.text.as_bytes()));
    let key = languages
        .iter()
        .fold(key, |k, lang| k.labels(lang.labels()));
    key.fonts()
        .part(
            "base_url",
            base_url.map_or(String::new(), |b| b.join("")).as_bytes(),
        )
        .finish()
}

/// Whether the last build was a whole build with key `key` and every file it wrote is still
/// whole: then this build has nothing to make, write or remove.
pub(super) fn up_to_date(out_dir: &std::path::Path, previous: &Manifest, key: &str) -> bool {
    previous.build.as_deref() == Some(key)
        && previous
            .files
            .par_iter()
            .all(|e| output::on_disk(out_dir, e))
}

/// Whether a build that made only some outputs (`--only`, `--format`) leaves the last whole
/// build's key standing: when its own key is the same and it lists the same files, what it
/// made anew is what a whole build makes, and the rest is as that build left it.
pub(super) fn still(previous: &Manifest, key: &str, entries: &[Entry]) -> bool {
    let mut now: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
    now.sort_unstable();
    previous.build.as_deref() == Some(key)
        && now.len() == previous.files.len()
        && now.iter().zip(&previous.files).all(|(a, b)| *a == b.path)
}
