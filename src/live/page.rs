//! What `serve` adds to the HTML it sends: the reload script, the overlay with a failed
//! build's problems, the viewer page a PDF is shown in, and the page for a path with nothing
//! there. Everything here goes into responses only; `out/` is never written.

use minijinja::HtmlEscape;

/// The script every HTML response gets (see `reload.js`).
const SCRIPT: &str = include_str!("reload.js");

/// The overlay's look; the script builds the same element when a build fails later.
const STYLE: &str = "#statusrapport-overlay{position:fixed;inset:0;z-index:2147483647;\
overflow:auto;margin:0;padding:1.5rem;background:rgba(24,24,24,.95);color:#fff;\
font:14px/1.45 ui-monospace,Menlo,Consolas,monospace}\
#statusrapport-overlay pre{white-space:pre-wrap;margin:0}";

/// The elements added before `</body>`: the script, and the overlay when the last build
/// failed with `failure` (HTML-escaped: the content's text never becomes markup).
fn snippet(failure: Option<&str>) -> String {
    let overlay = failure.map_or(String::new(), |text| {
        format!(
            "<div id=\"statusrapport-overlay\" role=\"alert\"><p>The build failed; the last \
             good outputs stay. Fix the content and save.</p><pre>{}</pre></div>",
            HtmlEscape(text)
        )
    });
    format!("<style>{STYLE}</style>{overlay}<script data-statusrapport-live>{SCRIPT}</script>")
}

/// An HTML page from `out/` with the snippet put before its last `</body>` (at its end when
/// it has none).
pub fn inject(html: &[u8], failure: Option<&str>) -> Vec<u8> {
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut page = Vec::with_capacity(html.len() + SCRIPT.len() + 512);
    page.extend_from_slice(&html[..at]);
    page.extend_from_slice(snippet(failure).as_bytes());
    page.extend_from_slice(&html[at..]);
    page
}

/// The page `/x.pdf?view` gets: the PDF filling the window, reloaded when it changes.
pub fn pdf_viewer(path: &str, failure: Option<&str>) -> Vec<u8> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{name}</title>\
         <style>html,body{{margin:0;height:100%}}iframe{{display:block;border:0;width:100%;\
         height:100%}}</style></head><body><iframe src=\"{path}\" title=\"{name}\"></iframe>\
         </body></html>",
        name = HtmlEscape(name),
        path = HtmlEscape(path),
    );
    inject(page.as_bytes(), failure)
}

/// The page for a path with nothing there: it reloads when a build makes that file.
pub fn not_found(path: &str, failure: Option<&str>) -> Vec<u8> {
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title>\
         </head><body><h1>Not found</h1><p>Nothing in the output folder at <code>{}</code>.</p>\
         <p><a href=\"/\">The front page</a></p></body></html>",
        HtmlEscape(path)
    );
    inject(page.as_bytes(), failure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_closing_body_tag() {
        let page = String::from_utf8(inject(b"<p>a</p></BODY></html>", None)).unwrap();
        assert!(page.starts_with("<p>a</p><style>"), "{page}");
        assert!(page.ends_with("</script></BODY></html>"), "{page}");
        assert!(!page.contains("statusrapport-overlay\" role"));
        let bare = String::from_utf8(inject(b"text", None)).unwrap();
        assert!(bare.starts_with("text<style>") && bare.ends_with("</script>"));
    }

    #[test]
    fn a_failures_text_is_escaped_in_the_overlay() {
        let page = inject(
            b"<body></body>",
            Some("x: <script>alert(1)</script> & \"q\""),
        );
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains("x: &lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; &quot;q&quot;"));
        assert!(!page.contains("<script>alert"));
    }

    #[test]
    fn the_viewer_embeds_the_pdf_by_its_path() {
        let page = String::from_utf8(pdf_viewer("/nn/a%20b.pdf", None)).unwrap();
        assert!(page.contains("<iframe src=\"&#x2f;nn&#x2f;a%20b.pdf\" title=\"a%20b.pdf\">"));
        assert!(page.contains("data-statusrapport-live"));
    }
}
