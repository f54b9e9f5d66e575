//! The new quarter's status file, written from the latest one's raw type.
//!
//! Every field of [`raw::Status`] and the types it holds is named here, without `..`, so a
//! field added to the file format does not compile until it is decided here whether it carries
//! over or is emptied on purpose. What carries over: the title (renamed to the new quarter),
//! subtitle, publisher, the goals, their selected indicators and sub-goals with each
//! sub-goal's status, and the indicator pages with what they say about each indicator. What is
//! emptied, to be written anew: the publication date (it defaults to the new quarter's last
//! day), the overall status, positive events, challenges, questions, the summary's footnotes,
//! the statuses' comments and each page's assessment. A test holds every field of the raw
//! status type to this.

use std::fmt::Write as _;
use std::path::Path;

use super::{q, quarter_text};
use crate::input::raw::{self, RawText};
use crate::model::Quarter;

/// What the schema line points at, from a file in `content/status/`: the `schemas/` folder
/// that `statusrapport schema` writes beside the content folder.
const SCHEMA_LINE: &str = "# yaml-language-server: $schema=../../schemas/status.schema.json";

/// A YAML text as it was written: a string, or a flow map by language.
fn qt(t: &RawText) -> String {
    let texts = t.by_code();
    match texts.as_slice() {
        [(None, s)] => q(s),
        _ => {
            let pairs: Vec<String> = texts
                .iter()
                .map(|(code, s)| format!("{}: {}", code.unwrap_or_default(), q(s)))
                .collect();
            format!("{{{}}}", pairs.join(", "))
        }
    }
}

/// The lines of a YAML file, each at an indent.
#[derive(Default)]
struct Lines(String);

impl Lines {
    /// Adds a line at `indent`.
    fn line(&mut self, indent: usize, text: &str) {
        writeln!(self.0, "{:indent$}{text}", "").expect("writing to a string");
    }

    /// Adds a block-list item of `fields` at `indent`: the first after `- `, the rest below.
    fn item(&mut self, indent: usize, fields: &[String]) {
        for (i, f) in fields.iter().enumerate() {
            if i == 0 {
                self.line(indent, &format!("- {f}"));
            } else {
                self.line(indent + 2, f);
            }
        }
    }
}

/// The new status file.
pub(super) fn status_yaml(
    doc: &raw::Status,
    quarter: Quarter,
    source: &str,
    title: &RawText,
    from: &Path,
) -> String {
    let raw::Status {
        quarter: _, // the new quarter
        title: _,   // `title`: the old one renamed
        subtitle,
        date: _,   // emptied: the new quarter's last day until its date is known
        source: _, // `source`: the new quarter's deck
        publisher,
        draft: _, // set: the texts are to be written
        dividers,
        roadmap_version,
        goals,
        roadmap,
        goals_key: _, // where the old file wrote `goals:`, not a field
    } = doc;
    let from = from.file_name().map_or_else(
        || from.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut y = Lines::default();
    y.line(0, SCHEMA_LINE);
    y.line(
        0,
        &format!("# Started from {from} by `statusrapport new-quarter`."),
    );
    y.line(
        0,
        "# Write every text marked TODO, check the pages' captions and notes,",
    );
    y.line(
        0,
        "# then remove `draft: true`; until then `statusrapport check` warns.",
    );
    y.line(0, &format!("quarter: {}", quarter_text(quarter)));
    y.line(0, &format!("title: {}", qt(title)));
    if let Some(s) = subtitle {
        y.line(0, &format!("subtitle: {}", qt(s)));
    }
    y.line(0, &format!("source: {}", q(source)));
    if let Some(p) = publisher {
        y.line(0, &format!("publisher: {}", q(p)));
    }
    y.line(0, "draft: true");
    if *dividers {
        y.line(0, "dividers: true");
    }
    // The same version of the roadmap as the quarter before, until the analyst moves on.
    if let Some(v) = roadmap_version {
        y.line(0, &format!("roadmap_version: {}", q(&v.value)));
    }
    y.line(0, "goals:");
    for g in goals {
        goal(&mut y, g);
    }
    if !roadmap.is_empty() {
        y.line(0, "roadmap:");
    }
    for r in roadmap {
        sub_goal_report(&mut y, r);
    }
    y.0
}

/// A quarter or year as written.
fn period(p: &raw::PeriodText) -> String {
    q(&p.0)
}

/// A sub-goal's report: its status and ends carry over, to be checked; its comments are
/// emptied, this quarter's to write.
fn sub_goal_report(y: &mut Lines, r: &raw::SubGoalReport) {
    let raw::SubGoalReport {
        sub_goal,
        status,
        comment: _, // emptied: this quarter's text
        expected_end,
        actual_end,
        deliveries,
    } = r;
    let mut fields = vec![format!("sub_goal: {}", q(&sub_goal.value))];
    ends(&mut fields, status, expected_end, actual_end);
    y.item(2, &fields);
    if !deliveries.is_empty() {
        y.line(4, "deliveries:");
    }
    for d in deliveries {
        let raw::DeliveryReport {
            id,
            status,
            comment: _, // emptied: this quarter's text
            expected_end,
            actual_end,
        } = d;
        let mut fields = vec![format!("id: {}", q(&id.value))];
        ends(&mut fields, status, expected_end, actual_end);
        y.item(6, &fields);
    }
}

/// A report's status and end, carried over as last quarter's.
fn ends(
    fields: &mut Vec<String>,
    status: &Option<raw::S<String>>,
    expected_end: &Option<raw::S<raw::PeriodText>>,
    actual_end: &Option<raw::S<raw::PeriodText>>,
) {
    if let Some(st) = status {
        fields.push(format!("status: {} # as last quarter: check", q(&st.value)));
    }
    if let Some(e) = expected_end {
        fields.push(format!("expected_end: {}", period(&e.value)));
    }
    if let Some(a) = actual_end {
        fields.push(format!("actual_end: {}", period(&a.value)));
    }
}

/// One goal's status: what it selects and its pages carry over, its texts are emptied.
fn goal(y: &mut Lines, g: &raw::GoalStatus) {
    let raw::GoalStatus {
        goal,
        overall: _, // emptied below, as are
        selected,
        positive: _,   // the positive events,
        challenges: _, // the challenges,
        questions: _,  // the questions
        footnotes: _,  // and the summary's footnotes: this quarter's texts
        pages,
    } = g;
    y.line(2, &format!("- goal: {}", goal.value));
    y.line(4, "overall: [] # TODO: overordnet status");
    if !selected.is_empty() {
        y.line(4, "selected:");
    }
    for s in selected {
        y.item(6, &selected_fields(&s.value));
    }
    y.line(4, "positive: [] # TODO: positive hendelser");
    y.line(4, "challenges: [] # TODO: utfordringer");
    y.line(4, "questions: [] # TODO: viktige strategiske spørsmål");
    if !pages.is_empty() {
        y.line(4, "pages:");
    }
    for p in pages {
        page(y, p);
    }
}

/// A selected indicator or sub-goal: all of it but its status's comment, this quarter's.
fn selected_fields(s: &raw::Selected) -> Vec<String> {
    let raw::Selected {
        label,
        initiative,
        indicator,
        text,
        items,
        status,
        comment: _, // emptied: this quarter's text, written anew
    } = s;
    let mut fields: Vec<String> = Vec::new();
    if let Some(l) = label {
        fields.push(format!("label: {}", qt(l)));
    }
    if let Some(i) = initiative {
        fields.push(format!("initiative: {}", q(&i.value)));
    }
    if let Some(i) = indicator {
        fields.push(format!("indicator: {}", q(&i.value)));
    }
    if let Some(t) = text {
        fields.push(format!("text: {}", qt(t)));
    }
    if !items.is_empty() {
        fields.push(format!("items: {}", list_texts(items)));
    }
    // The status carries over until the analyst changes it.
    if let Some(st) = status {
        fields.push(format!("status: {} # as last quarter: check", q(&st.value)));
    }
    fields
}

/// An indicator page: all of it but its assessment, left empty to be written anew.
fn page(y: &mut Lines, p: &raw::IndicatorPage) {
    let raw::IndicatorPage {
        indicator,
        measures,
        title,
        about_heading,
        about,
        assessment_heading,
        assessment,
        proposed_ambition,
        chart_caption,
        notes,
    } = p;
    let mut fields = vec![format!("indicator: {}", q(&indicator.value))];
    if !measures.is_empty() {
        let ids: Vec<String> = measures.iter().map(|m| q(&m.value)).collect();
        fields.push(format!("measures: [{}]", ids.join(", ")));
    }
    fields.push(format!("title: {}", qt(title)));
    if let Some(h) = about_heading {
        fields.push(format!("about_heading: {}", qt(h)));
    }
    fields.push(format!("about: {}", qt(about)));
    if let Some(h) = assessment_heading {
        fields.push(format!("assessment_heading: {}", qt(h)));
    }
    if assessment.is_some() {
        fields.push("assessment: \"\" # TODO: vurdering".to_owned());
    }
    if let Some(a) = proposed_ambition {
        fields.push(format!("proposed_ambition: {}", qt(a)));
    }
    if let Some(c) = chart_caption {
        fields.push(format!("chart_caption: {}", qt(c)));
    }
    if !notes.is_empty() {
        fields.push("notes:".to_owned());
    }
    y.item(6, &fields);
    for n in notes {
        let raw::Footnote { mark, text, url } = n;
        let mut note = Vec::new();
        if let Some(m) = mark {
            note.push(format!("mark: {}", q(m)));
        }
        note.push(format!("text: {}", qt(text)));
        if let Some(u) = url {
            note.push(format!("url: {}", q(&u.value)));
        }
        y.item(10, &note);
    }
}

/// A flow list of texts: `["a", {nb: "b", nn: "c"}]`.
fn list_texts(items: &[RawText]) -> String {
    let quoted: Vec<String> = items.iter().map(qt).collect();
    format!("[{}]", quoted.join(", "))
}

#[cfg(test)]
mod tests;
