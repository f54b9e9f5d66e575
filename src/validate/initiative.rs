//! Initiatives: the roadmap sub-goals (1A, 2B, ...) and their statuses per quarter.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_saphyr::Spanned;

use super::{Refs, Sink};
use crate::diagnostics::Diagnostic;
use crate::input::{Loaded, RawContent};
use crate::model::{Initiative, InitiativeId, Text};

/// Claims every initiative id and checks each initiative.
pub(super) fn initiatives(raw: &RawContent, refs: &mut Refs, problems: &mut Vec<Diagnostic>) {
    let mut places: HashMap<String, PathBuf> = HashMap::new();
    for Loaded { path, doc } in &raw.initiatives {
        let mut s = Sink { path, problems };
        let code = doc.id.value.trim().to_owned();
        let bytes = code.as_bytes();
        let well_formed = matches!(bytes, [g, b'.', l] | [g, l]
            if (b'1'..=b'5').contains(g) && l.is_ascii_uppercase());
        let shape = if well_formed {
            Ok(())
        } else {
            Err("a goal number and a capital letter, such as 1A or 1.A")
        };
        let Some(version) = refs.roadmap_version(&mut s, doc.roadmap_version.as_ref()) else {
            refs.known_initiatives.complete = false;
            continue;
        };
        let id = InitiativeId::new(version, code);
        // Claimed by its key, so that 1A of one version and 1A of another are two sub-goals.
        let key = Spanned {
            value: id.qualified(),
            referenced: doc.id.referenced,
            defined: doc.id.defined,
        };
        if !refs
            .known_initiatives
            .claim(&mut s, &mut places, &key, "initiative", shape)
        {
            continue;
        }
        refs.check_source(&mut s, &doc.source);
        let Some(goal) = refs.check_goal(&mut s, &doc.goal) else {
            continue;
        };
        let id_goal = id.goal_digit().unwrap_or_default();
        if id_goal != goal.get() {
            s.at(
                &doc.goal,
                format!(
                    "initiative {id} belongs to goal {id_goal} (its id starts with {id_goal}), not goal {goal}"
                ),
            );
        }
        // Statuses kept in the initiative file are checked; the ones printed come from each
        // quarter's status file.
        for st in &doc.statuses {
            s.period(&st.quarter);
        }
        let (planned, deliveries) = super::roadmap::plan(&mut s, doc);
        refs.initiatives.insert(
            id.clone(),
            Initiative {
                id,
                goal,
                title: Text::from(&doc.title),
                description: doc.description.as_ref().map(Text::from),
                relevance: doc.relevance.as_ref().map(Text::from),
                status_source: doc.status_source.as_ref().map(Text::from),
                owner: doc.owner.clone(),
                planned,
                deliveries,
                path: path.clone(),
            },
        );
    }
}
