//! Every printed text of the content, visited with the file it was written in: to settle the
//! main language, to put the content in one language, and to count what is translated.

use std::path::Path;

use super::{Baseline, Content, Footnote, Item, Measure, ScaleLevel, Selected, Target, Text};
use crate::labels::Lang;

/// Something visited for each text: the file it lies in and the text.
type Visit<'f> = dyn FnMut(&Path, &mut Text) + 'f;

fn opt(path: &Path, t: &mut Option<Text>, f: &mut Visit<'_>) {
    if let Some(t) = t {
        f(path, t);
    }
}

fn all(path: &Path, ts: &mut [Text], f: &mut Visit<'_>) {
    for t in ts {
        f(path, t);
    }
}

fn footnotes(path: &Path, notes: &mut [Footnote], f: &mut Visit<'_>) {
    for n in notes {
        f(path, &mut n.text);
    }
}

fn items(path: &Path, list: &mut [Item], f: &mut Visit<'_>) {
    for i in list {
        f(path, &mut i.text);
        all(path, &mut i.items, f);
    }
}

fn selected(path: &Path, list: &mut [Selected], f: &mut Visit<'_>) {
    for s in list {
        opt(path, &mut s.label, f);
        f(path, &mut s.text);
        all(path, &mut s.items, f);
        if let Some(st) = &mut s.status {
            opt(path, &mut st.comment, f);
        }
    }
}

fn baseline(path: &Path, b: &mut Option<Baseline>, f: &mut Visit<'_>) {
    if let Some(b) = b {
        opt(path, &mut b.text, f);
    }
}

fn targets(path: &Path, ts: &mut [Target], f: &mut Visit<'_>) {
    for t in ts {
        opt(path, &mut t.text, f);
    }
}

fn measure(path: &Path, m: &mut Measure, f: &mut Visit<'_>) {
    opt(path, &mut m.name, f);
    baseline(path, &mut m.baseline, f);
    targets(path, &mut m.targets, f);
    if let Some(a) = &mut m.ambition {
        f(path, &mut a.text);
    }
}

impl Content {
    /// Visits every printed text with the file it was written in.
    pub fn texts_mut(&mut self, f: &mut Visit<'_>) {
        let st = &mut self.strategy;
        let path = self.strategy_path.as_path();
        f(path, &mut st.title);
        opt(path, &mut st.subtitle, f);
        f(path, &mut st.vision);
        for r in &mut st.roadmaps {
            f(path, &mut r.name);
        }
        for level in &mut st.initiative_scale.levels {
            if let ScaleLevel::Custom {
                name, definition, ..
            } = level
            {
                f(path, name);
                f(path, definition);
            }
        }
        for g in self.goals.values_mut() {
            f(&g.path, &mut g.title);
            f(&g.path, &mut g.summary);
        }
        for i in self.indicators.values_mut() {
            let path = i.path.as_path();
            f(path, &mut i.name);
            opt(path, &mut i.short_name, f);
            opt(path, &mut i.unit_label, f);
            f(path, &mut i.description);
            opt(path, &mut i.measurement, f);
            footnotes(path, &mut i.footnotes, f);
            for c in &mut i.comments {
                f(path, &mut c.text);
            }
            for m in &mut i.measures {
                measure(path, m, f);
            }
        }
        for i in self.initiatives.values_mut() {
            let path = i.path.as_path();
            f(path, &mut i.title);
            opt(path, &mut i.description, f);
            opt(path, &mut i.relevance, f);
            opt(path, &mut i.status_source, f);
            for d in &mut i.deliveries {
                f(path, &mut d.title);
            }
        }
        for s in self.statuses.values_mut() {
            let path = s.path.as_path();
            f(path, &mut s.title);
            opt(path, &mut s.subtitle, f);
            for r in s.roadmap.values_mut() {
                opt(path, &mut r.report.comment, f);
                for d in r.deliveries.values_mut() {
                    opt(path, &mut d.comment, f);
                }
            }
            for g in s.goals.values_mut() {
                items(path, &mut g.overall, f);
                selected(path, &mut g.selected, f);
                items(path, &mut g.positive, f);
                items(path, &mut g.challenges, f);
                items(path, &mut g.questions, f);
                footnotes(path, &mut g.footnotes, f);
                for p in &mut g.pages {
                    f(path, &mut p.title);
                    opt(path, &mut p.about_heading, f);
                    f(path, &mut p.about);
                    opt(path, &mut p.assessment_heading, f);
                    opt(path, &mut p.assessment, f);
                    opt(path, &mut p.proposed_ambition, f);
                    opt(path, &mut p.chart_caption, f);
                    footnotes(path, &mut p.notes, f);
                }
            }
        }
        for e in self.editions.values_mut() {
            let path = e.path.as_path();
            f(path, &mut e.title);
            f(path, &mut e.baseline_heading);
            for (heading, text) in &mut e.introduction {
                opt(path, heading, f);
                f(path, text);
            }
            for g in &mut e.goals {
                opt(path, &mut g.summary, f);
                footnotes(path, &mut g.footnotes, f);
                all(path, &mut g.candidates, f);
                for i in &mut g.indicators {
                    opt(path, &mut i.name, f);
                    opt(path, &mut i.description, f);
                    opt(path, &mut i.measurement, f);
                    opt(path, &mut i.unit_label, f);
                    for m in &mut i.measures {
                        opt(path, &mut m.name, f);
                        baseline(path, &mut m.baseline, f);
                        if let Some(ts) = &mut m.targets {
                            targets(path, ts, f);
                        }
                    }
                }
            }
        }
    }

    /// Every printed text with the file it was written in, in the order they are visited.
    pub fn texts(&self) -> Vec<(std::path::PathBuf, Text)> {
        let mut all = Vec::new();
        self.clone()
            .texts_mut(&mut |path, t| all.push((path.to_path_buf(), t.clone())));
        all
    }

    /// The languages the outputs made from the file `path` are published in: a status's
    /// and an edition's their kind's, every other file's every language.
    pub fn languages_of(&self, path: &Path) -> &[Lang] {
        let langs = &self.strategy.languages;
        if self.statuses.values().any(|s| s.path == path) {
            &langs.status
        } else if self.editions.values().any(|e| e.path == path) {
            &langs.edition
        } else {
            &langs.all
        }
    }

    /// The content as a document in `lang` shows it: every text in `lang`, or in the main
    /// language where it is not written in `lang`; only the statuses and editions published
    /// in `lang`.
    pub fn in_language(&self, lang: Lang) -> Content {
        let mut c = self.clone();
        let langs = c.strategy.languages.clone();
        c.texts_mut(&mut |_, t| t.show(lang, langs.main));
        if !langs.status.contains(&lang) {
            c.statuses.clear();
        }
        if !langs.edition.contains(&lang) {
            c.editions.clear();
        }
        c
    }
}
