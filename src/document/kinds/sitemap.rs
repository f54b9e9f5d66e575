//! What a published site tells search engines, written only when the site's address is known
//! (`base_url`): `sitemap.xml`, every web page of every language once by its full address,
//! and `robots.txt`, which points at it. Made once, at the top of `out/`.

use super::{Context, Kind, Output, Planned, bytes_file, kinds, languages_of};
use crate::document::names::{self, LangDir};

/// The sitemap.
pub struct Sitemap;

/// The robots file.
pub struct Robots;

/// A file made from `text`, keyed by it.
fn text_file(name: &str, kind: &'static str, text: String) -> Output {
    bytes_file(name.to_owned(), kind, text.into_bytes())
}

/// `&`, `<`, `>`, `"` and `'` as XML entities.
fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

impl Kind for Sitemap {
    fn once(&self) -> bool {
        true
    }

    fn files(&self) -> Vec<String> {
        vec![names::SITEMAP.to_owned()]
    }

    fn plan(&self, cx: &Context<'_>) -> Planned {
        let Some(base) = &cx.content.strategy.base_url else {
            return Planned {
                outputs: Vec::new(),
                inputs: Vec::new(),
            };
        };
        let main = cx.languages.main;
        let mut urls: Vec<String> = kinds(cx.content)
            .iter()
            .flat_map(|k| {
                let files = k.files();
                languages_of(k.as_ref(), cx.languages)
                    .iter()
                    .flat_map(move |&lang| {
                        let dir = LangDir::new(lang, main);
                        files
                            .iter()
                            .filter(|f| f.ends_with(".html"))
                            .map(move |f| base.join(&dir.path(f)))
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        urls.sort();
        urls.dedup();
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for url in urls {
            xml.push_str(&format!("  <url><loc>{}</loc></url>\n", xml_escape(&url)));
        }
        xml.push_str("</urlset>\n");
        Planned {
            outputs: vec![text_file(names::SITEMAP, "xml", xml)],
            inputs: cx.content.files.clone(),
        }
    }
}

impl Kind for Robots {
    fn once(&self) -> bool {
        true
    }

    fn files(&self) -> Vec<String> {
        vec![names::ROBOTS.to_owned()]
    }

    fn plan(&self, cx: &Context<'_>) -> Planned {
        let outputs = cx
            .content
            .strategy
            .base_url
            .iter()
            .map(|base| {
                let text = format!(
                    "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                    base.join(names::SITEMAP)
                );
                text_file(names::ROBOTS, "txt", text)
            })
            .collect();
        Planned {
            outputs,
            inputs: cx.content.files.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_escaped_for_xml() {
        assert_eq!(xml_escape("a&b<c>'\""), "a&amp;b&lt;c&gt;&apos;&quot;");
    }
}
