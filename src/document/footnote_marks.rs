//! Where a goal summary's footnotes stand in the deck: each under the item that holds its
//! mark first, so that a note prints on the page of its mark however the summary breaks.

use std::collections::BTreeMap;

use super::status::{ItemView, SelectedView};
use crate::model::{Footnote, GoalStatus, Item, Text};

/// Whether `text` holds `mark` as a mark of its own: `*` is not in `**`, nor `**` in `***`.
fn holds_mark(text: &str, mark: &str) -> bool {
    let (first, last) = (mark.chars().next(), mark.chars().next_back());
    !mark.is_empty()
        && text.match_indices(mark).any(|(i, _)| {
            text[..i].chars().next_back() != first && text[i + mark.len()..].chars().next() != last
        })
}

/// The footnotes of a summary placed by their marks. `items` are the summary's items in
/// reading order, each with every text it prints; the result holds, per item index, the
/// notes whose mark it holds first, and the notes no item holds a mark of, in order.
fn place(
    footnotes: &[Footnote],
    items: &[Vec<&str>],
) -> (BTreeMap<usize, Vec<Footnote>>, Vec<Footnote>) {
    let mut placed: BTreeMap<usize, Vec<Footnote>> = BTreeMap::new();
    let mut rest = Vec::new();
    for f in footnotes {
        let at = f.mark.as_deref().and_then(|mark| {
            items
                .iter()
                .position(|texts| texts.iter().any(|t| holds_mark(t, mark)))
        });
        match at {
            Some(i) => placed.entry(i).or_default().push(f.clone()),
            None => rest.push(f.clone()),
        }
    }
    (placed, rest)
}

/// Every text an item of a summary prints, where a footnote's mark may stand.
fn item_texts(i: &Item) -> Vec<&str> {
    std::iter::once(&i.text)
        .chain(&i.items)
        .map(Text::as_str)
        .collect()
}

/// Sets the notes of a goal summary's item views: each footnote under the item that holds
/// its mark first, in the summary's reading order (overall status, selected, then the
/// numbered sections: positive events, challenges, questions). Returns the footnotes no
/// item holds the mark of.
pub(super) fn place_in_summary(
    g: &GoalStatus,
    overall: &mut [ItemView],
    selected: &mut [SelectedView],
    numbered: [&mut [ItemView]; 3],
) -> Vec<Footnote> {
    let mut marked: Vec<Vec<&str>> = g.overall.iter().map(item_texts).collect();
    marked.extend(g.selected.iter().map(|s| {
        s.label
            .iter()
            .chain([&s.text])
            .chain(&s.items)
            .map(Text::as_str)
            .collect()
    }));
    for list in [&g.positive, &g.challenges, &g.questions] {
        marked.extend(list.iter().map(item_texts));
    }
    let (mut placed, rest) = place(&g.footnotes, &marked);
    let mut notes = (0..).map(move |i| placed.remove(&i).unwrap_or_default());
    for v in overall.iter_mut() {
        v.notes = notes.next().unwrap_or_default();
    }
    for v in selected.iter_mut() {
        v.notes = notes.next().unwrap_or_default();
    }
    for v in numbered.into_iter().flatten() {
        v.notes = notes.next().unwrap_or_default();
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn note(mark: Option<&str>, text: &str) -> Footnote {
        Footnote {
            mark: mark.map(str::to_owned),
            text: Text::plain(text),
            url: None,
        }
    }

    #[test]
    fn a_note_goes_to_the_first_item_holding_its_own_mark() {
        let notes = [
            note(Some("*"), "én"),
            note(Some("**"), "to"),
            note(Some("***"), "tre"),
            note(None, "uten"),
        ];
        let items = [
            vec!["ingen merke"],
            vec!["strategien **", "under"],
            vec!["regelmessig*"],
            vec!["igjen*"],
        ];
        let (placed, rest) = place(&notes, &items);
        let text =
            |i: usize| -> Vec<String> { placed[&i].iter().map(|f| f.text.to_string()).collect() };
        assert_eq!(text(1), ["to"]);
        assert_eq!(text(2), ["én"]);
        assert!(!placed.contains_key(&0) && !placed.contains_key(&3));
        let rest: Vec<String> = rest.iter().map(|f| f.text.to_string()).collect();
        assert_eq!(rest, ["tre", "uten"]);
    }
}
