//! Initiatives: the roadmap sub-goals (1A, 2B, ...) and their statuses per quarter.

use std::collections::HashMap;
use std::path::PathBuf;

use super::{Refs, Sink};
use crate::diagnostics::Diagnostic;
use crate::input::{Loaded, RawContent};
use crate::model::{Initiative, InitiativeId, Text};

/// Claims every initiative id and checks each initiative.
pub(super) fn initiatives(raw: &RawContent, refs: &mut Refs, problems: &mut Vec<Diagnostic>) {
    let mut places: HashMap<String, PathBuf> = HashMap::new();
    for Loaded { path, doc } in &raw.initiatives {
        let mut s = Sink { path, problems };
        let id = doc.id.value.clone();
        let bytes = id.as_bytes();
        let well_formed =
            bytes.len() == 2 && (b'1'..=b'5').contains(&bytes[0]) && bytes[1].is_ascii_uppercase();
        let shape = if well_formed {
            Ok(())
        } else {
            Err("a goal number and a capital letter, such as 1A")
        };
        if !refs
            .known_initiatives
            .claim(&mut s, &mut places, &doc.id, "initiative", shape)
        {
            continue;
        }
        refs.check_source(&mut s, &doc.source);
        let Some(goal) = refs.check_goal(&mut s, &doc.goal) else {
            continue;
        };
        let id_goal = bytes[0] - b'0';
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
        let id = InitiativeId::new(id);
        refs.initiatives.insert(
            id.clone(),
            Initiative {
                id,
                goal,
                title: Text::from(&doc.title),
                description: doc.description.as_ref().map(Text::from),
                owner: doc.owner.clone(),
                planned,
                deliveries,
                path: path.clone(),
            },
        );
    }
}
