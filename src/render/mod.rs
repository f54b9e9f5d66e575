//! Rendering: fills the templates in `templates/` with views, escaping for each output.
//!
//! `.typ` templates escape every interpolated string as a typst string literal (`#"…";`),
//! so content can never become typst markup or code; in code positions the `str` filter gives
//! a bare literal. `.html` templates use minijinja's HTML escaping.

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State};
use serde::Serialize;

/// The templates, embedded at build time so a build reads nothing but the content.
static TEMPLATES: &[(&str, &str)] = &[
    ("deck.typ", include_str!("../../templates/deck.typ")),
    ("report.typ", include_str!("../../templates/report.typ")),
    ("goal.typ", include_str!("../../templates/goal.typ")),
    (
        "indikatorer.typ",
        include_str!("../../templates/indikatorer.typ"),
    ),
    (
        "indikatorer.html",
        include_str!("../../templates/html/indikatorer.html"),
    ),
    ("base.html", include_str!("../../templates/html/base.html")),
    (
        "status.html",
        include_str!("../../templates/html/status.html"),
    ),
    (
        "index.html",
        include_str!("../../templates/html/index.html"),
    ),
    (
        "indicator.html",
        include_str!("../../templates/html/indicator.html"),
    ),
    ("style.css", include_str!("../../templates/html/style.css")),
];

/// An embedded template's name and source.
pub fn template(name: &str) -> Option<(&'static str, &'static str)> {
    TEMPLATES.iter().find(|(n, _)| *n == name).copied()
}

/// A template that failed to render.
#[derive(Debug, thiserror::Error)]
#[error("failed to render template {template} ({source})")]
pub struct RenderError {
    template: String,
    #[source]
    source: Error,
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

fn typst_formatter(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
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

/// The template environment.
pub struct Renderer {
    env: Environment<'static>,
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    /// Loads the embedded templates.
    pub fn new() -> Self {
        let mut env = Environment::new();
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
        env.add_filter("str", |s: String| Value::from_safe_string(typst_string(&s)));
        for (name, text) in TEMPLATES {
            env.add_template(name, text)
                .expect("embedded templates parse");
        }
        Renderer { env }
    }

    /// Renders a template with a context.
    pub fn render<S: Serialize>(&self, template: &str, ctx: S) -> Result<String, RenderError> {
        let fail = |source| RenderError {
            template: template.to_owned(),
            source,
        };
        self.env
            .get_template(template)
            .map_err(fail)?
            .render(Value::from(minijinja::value::Serde(&ctx)))
            .map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typst_strings_escape_quotes_backslashes_and_newlines() {
        assert_eq!(typst_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(typst_string("x\ny\r"), r#""x\ny""#);
    }
}
