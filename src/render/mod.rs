//! Rendering: fills the templates with views, escaping for each output.
//!
//! In: views from [`crate::document`] and the [`Templates`] of the build (built-in, or
//! overridden file by file). Out: typst source and HTML text.
//!
//! `.typ` templates escape every interpolated string as a typst string literal (`#"…";`),
//! so content can never become typst markup or code; in code positions the `str` filter gives
//! a bare literal, and the `content` filter one marked with its language when it is not the
//! document's (for headings and titles). `.html` templates use minijinja's HTML escaping;
//! where an element cannot hold a `<span lang>` (`<title>`), `lang_attr` gives the element's
//! own `lang` attribute.
//!
//! Every template sees the labels of its document's language as `l`, and fills a label's
//! placeholders with the `fill` filter: `{{ l.goal|fill(n=g.number) }}`. Undefined values
//! are errors, so a misspelled key or a placeholder left unfilled fails the render.

use std::sync::Arc;

use minijinja::value::{Kwargs, Object, ObjectRepr, Value};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State};
use serde::Serialize;

use crate::labels::{self, Labels};

mod templates;

pub use templates::{ReadError, Templates, write_builtin};

/// A template that failed to parse or render, with the place in its file and what minijinja
/// found wrong there: `` `l.no_such_label` is undefined ``, `filter nosuchfilter is unknown`.
#[derive(Debug)]
pub struct RenderError {
    /// `path:line:col` of the problem in the template, or the template's path.
    place: String,
    /// What minijinja reports; its own causes are this error's.
    error: Error,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // minijinja's detail names what is wrong (and, with debug info, the undefined
        // expression); its kind is all it has when there is no detail.
        let what = match self.error.detail() {
            Some(detail) => detail.to_owned(),
            None => self.error.kind().to_string(),
        };
        write!(f, "failed to render template {} ({what})", self.place)
    }
}

impl std::error::Error for RenderError {
    /// The cause of minijinja's error (a filter's own error), not minijinja's error itself,
    /// which the message already says in full.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.error)
    }
}

impl RenderError {
    /// Locates a minijinja error in the template it names.
    fn new(templates: &Templates, fallback: &str, error: Error) -> Self {
        let name = error.name().unwrap_or(fallback).to_owned();
        let place = match templates.get(&name) {
            Some(t) => {
                let path = t.shown_path();
                match (error.line(), error.range()) {
                    (Some(line), Some(range)) => {
                        let start = range.start.min(t.text.len());
                        let line_start = t.text[..start].rfind('\n').map_or(0, |i| i + 1);
                        let col = t.text[line_start..start].chars().count() + 1;
                        format!("{path}:{line}:{col}")
                    }
                    (Some(line), None) => format!("{path}:{line}"),
                    _ => path,
                }
            }
            None => name,
        };
        RenderError { place, error }
    }
}

/// A typst string literal for `s`: quotes and backslashes escaped, controls as escapes.
pub fn typst_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A content text in another language than its document's: placed marked with its language
/// (`#text(lang: "nb", "…");` in typst, `<span lang="nb">…</span>` in HTML), and read as its
/// plain words everywhere else (`str`, `~`, `fill`, `if`).
#[derive(Debug)]
pub struct Foreign {
    text: String,
    lang: &'static str,
}

impl Object for Foreign {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn render(self: &Arc<Self>, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }

    fn is_true(self: &Arc<Self>) -> bool {
        !self.text.is_empty()
    }
}

impl Foreign {
    /// The typst expression that sets the text in its language: `text(lang: "nb", "…")`.
    fn typst_text(&self) -> String {
        format!(
            "text(lang: \"{}\", {})",
            self.lang,
            typst_string(&self.text)
        )
    }
}

/// A template value for `text` written in `lang`, not the document's language.
pub fn foreign(text: &str, lang: &'static str) -> Value {
    Value::from_object(Foreign {
        text: text.to_owned(),
        lang,
    })
}

/// Places a [`Foreign`] text, marked with its language, escaped for the output.
fn place_foreign(
    out: &mut Output,
    state: &mut State,
    foreign: &Foreign,
    typst: bool,
) -> Result<(), Error> {
    if typst {
        return write!(out, "#{};", foreign.typst_text()).map_err(Error::from);
    }
    write!(out, "<span lang=\"{}\">", foreign.lang).map_err(Error::from)?;
    minijinja::escape_formatter(out, state, &Value::from(foreign.text.as_str()))?;
    write!(out, "</span>").map_err(Error::from)
}

fn typst_formatter(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    let typst = matches!(state.auto_escape(), AutoEscape::Custom(name) if name == "typst");
    if let Some(foreign) = value.downcast_object_ref::<Foreign>()
        && (typst || matches!(state.auto_escape(), AutoEscape::Html))
    {
        return place_foreign(out, state, foreign, typst);
    }
    if !matches!(state.auto_escape(), AutoEscape::Custom(name) if name == "typst")
        || value.is_safe()
    {
        return minijinja::escape_formatter(out, state, value);
    }
    if value.is_undefined() || value.is_none() {
        return Ok(());
    }
    let text = match value.as_str() {
        Some(s) => s.to_owned(),
        None if value.is_number()
            || value.is_true()
            || value.kind() == minijinja::value::ValueKind::Bool =>
        {
            value.to_string()
        }
        None => {
            return Err(Error::new(
                ErrorKind::InvalidOperation,
                "only strings and numbers can be placed in typst markup",
            ));
        }
    };
    // `;` ends the embedded expression so nothing after it can continue it.
    write!(out, "#{};", typst_string(&text)).map_err(Error::from)
}

/// The `fill` filter: a label's placeholders from keyword arguments, each given exactly once.
fn fill_filter(pattern: String, kwargs: Kwargs) -> Result<String, Error> {
    let mut values = Vec::new();
    for name in labels::placeholders(&pattern) {
        let value: Value = kwargs.get(name)?;
        values.push((name, value.to_string()));
    }
    kwargs.assert_all_used()?;
    let args: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Ok(labels::fill(&pattern, &args))
}

/// The template environment.
pub struct Renderer {
    env: Environment<'static>,
    templates: Templates,
}

impl Renderer {
    /// Parses the templates; a template that does not parse is an error at its place.
    pub fn new(templates: &Templates) -> Result<Self, RenderError> {
        let mut env = Environment::new();
        // Debug info names the undefined expression in an error (`l.no_such_label`); it costs
        // nothing until a value is undefined.
        env.set_debug(true);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".typ") {
                AutoEscape::Custom("typst".into())
            } else if name.ends_with(".html") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(typst_formatter);
        env.add_filter("str", |v: Value| {
            Value::from_safe_string(typst_string(&v.to_string()))
        });
        env.add_filter("content", |v: Value| {
            let text = match v.downcast_object_ref::<Foreign>() {
                Some(f) => f.typst_text(),
                None => typst_string(&v.to_string()),
            };
            Value::from_safe_string(text)
        });
        env.add_filter("lang_attr", |v: Value| {
            let attr = match v.downcast_object_ref::<Foreign>() {
                Some(f) => format!(" lang=\"{}\"", f.lang),
                None => String::new(),
            };
            Value::from_safe_string(attr)
        });
        env.add_filter("fill", fill_filter);
        for t in templates.iter() {
            env.add_template_owned(t.name(), t.text.clone())
                .map_err(|e| RenderError::new(templates, t.name(), e))?;
        }
        Ok(Renderer {
            env,
            templates: templates.clone(),
        })
    }

    /// The templates it renders.
    pub fn templates(&self) -> &Templates {
        &self.templates
    }

    /// Renders a template with a context and the labels of the document's language as `l`.
    pub fn render<S: Serialize>(
        &self,
        template: &str,
        labels: &Labels,
        ctx: S,
    ) -> Result<String, RenderError> {
        let fail = |source| RenderError::new(&self.templates, template, source);
        self.env
            .get_template(template)
            .map_err(fail)?
            .render(minijinja::context! {
                l => Value::from(minijinja::value::Serde(labels)),
                ..Value::from(minijinja::value::Serde(&ctx))
            })
            .map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::templates::BUILTIN;
    use super::*;

    #[test]
    fn a_broken_override_is_reported_at_its_file_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("html")).unwrap();
        let path = dir.path().join("html/index.html");
        std::fs::write(&path, "<p>\n  {% for x in %}\n").unwrap();
        let templates = Templates::load(Some(dir.path())).unwrap();
        let err = Renderer::new(&templates).err().expect("a parse error");
        let text = err.to_string();
        assert!(text.contains(&format!("{}:2:", path.display())), "{text}");
    }

    /// A broken override says what is wrong and names it, as minijinja reports it.
    #[test]
    fn a_render_error_names_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.typ");
        let renderer = |text: &str| {
            std::fs::write(&path, text).unwrap();
            Renderer::new(&Templates::load(Some(dir.path())).unwrap()).unwrap()
        };
        let l = crate::labels::Lang::Nb.labels();
        let err = renderer("= x\n{{ l.no_such_label }}\n")
            .render("report.typ", l, minijinja::context! {})
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            format!(
                "failed to render template {}:2:4 (`l.no_such_label` is undefined)",
                path.display()
            )
        );
        let err = renderer("{{ l.goal|nosuchfilter }}")
            .render("report.typ", l, minijinja::context! {})
            .unwrap_err()
            .to_string();
        assert!(err.contains(":1:") && err.contains("nosuchfilter"), "{err}");
        assert!(!err.contains("invalid template"), "{err}");
    }

    #[test]
    fn the_built_in_templates_parse() {
        assert!(Renderer::new(&Templates::builtin()).is_ok());
    }

    #[test]
    fn typst_strings_escape_quotes_backslashes_and_newlines() {
        assert_eq!(typst_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(typst_string("x\ny\r"), r#""x\ny""#);
    }

    /// The label keys a template names: `goal` for `l.goal`, `units.count` for `l.units.count`.
    fn label_keys(text: &str) -> Vec<&str> {
        let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
        text.match_indices("l.")
            .filter(|(i, _)| !text[..*i].ends_with(ident))
            .map(|(i, _)| {
                let rest = &text[i + 2..];
                rest[..rest.find(|c| !ident(c)).unwrap_or(rest.len())].trim_end_matches('.')
            })
            .collect()
    }

    #[test]
    fn every_label_a_template_names_exists() {
        let labels = serde_json::to_value(crate::labels::Lang::Nb.labels()).unwrap();
        let mut seen = 0;
        for (name, text) in BUILTIN {
            for key in label_keys(text) {
                let found = key.split('.').try_fold(&labels, |v, k| v.get(k));
                assert!(found.is_some(), "{name} names l.{key}, which is no label");
                seen += 1;
            }
        }
        assert!(seen > 100, "only {seen} labels found in the templates");
        assert_eq!(label_keys("{{ l.goal|fill(n=1) }} {{ doc.l.x }}"), ["goal"]);
    }

    fn render_str(template: &str) -> Result<String, Error> {
        let l = crate::labels::Lang::En.labels();
        let renderer = Renderer::new(&Templates::builtin()).unwrap();
        renderer.env.render_str(
            template,
            minijinja::context! { l => Value::from(minijinja::value::Serde(l)) },
        )
    }

    #[test]
    fn a_text_in_another_language_is_marked_with_it_and_escaped() {
        let renderer = Renderer::new(&Templates::builtin()).unwrap();
        let render = |name: &str, source: &str| {
            let t = renderer.env.template_from_named_str(name, source).unwrap();
            t.render(minijinja::context! { t => foreign("a \"<b>\" #c", "nb") })
                .unwrap()
        };
        assert_eq!(
            render("x.typ", "{{ t }}|{{ t|str }}"),
            r##"#text(lang: "nb", "a \"<b>\" #c");|"a \"<b>\" #c""##
        );
        assert_eq!(
            render("x.typ", "{{ t|content }}"),
            r##"text(lang: "nb", "a \"<b>\" #c")"##
        );
        assert_eq!(
            render("x.html", "<title{{ t|lang_attr }}>{{ t|string }}</title>"),
            "<title lang=\"nb\">a &quot;&lt;b&gt;&quot; #c</title>"
        );
        assert_eq!(
            render("x.html", "{{ t }}{% if t %}!{% endif %}"),
            "<span lang=\"nb\">a &quot;&lt;b&gt;&quot; #c</span>!"
        );
    }

    #[test]
    fn labels_fill_in_templates_and_misspellings_fail() {
        assert_eq!(
            render_str("{{ l.goal_titled|fill(n=3, title=\"x\") }}").unwrap(),
            "Goal 3: x"
        );
        assert!(render_str("{{ l.goal_tilted }}").is_err());
        assert!(render_str("{{ l.goal_titled|fill(n=3) }}").is_err());
        assert!(render_str("{{ l.goal|fill(n=3, title=1) }}").is_err());
    }

    /// Links and anchors come from the views (`document::names` owns them all), so a template
    /// that spells one out would drift from the outputs' real names.
    #[test]
    fn templates_spell_out_no_link_or_anchor() {
        let mut checked = 0;
        for t in Templates::builtin().iter() {
            for attr in ["href=\"", "id=\"", "aria-labelledby=\"", "label("] {
                for (at, _) in t.text.match_indices(attr) {
                    let rest = &t.text[at + attr.len()..];
                    let value = rest.trim_start_matches('#');
                    let external = value.starts_with("{{ f.url }}");
                    // `label(id)` in a typst function takes what its caller passed in.
                    let passed =
                        attr == "label(" && value.starts_with(|c: char| c.is_ascii_lowercase());
                    assert!(
                        value.starts_with("{{") || external || passed,
                        "{} spells out `{attr}{}`",
                        t.name(),
                        &rest[..rest.len().min(30)]
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 30, "only {checked} links and anchors found");
    }
}
