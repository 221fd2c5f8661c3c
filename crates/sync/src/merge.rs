//! Three-way merge of long texts, paragraph by paragraph.
//!
//! Two people edit the same long field offline. Their versions are compared with the version
//! both started from (the base). Each side's changes are a list of hunks: "these base paragraphs
//! became those". Hunks from the two sides that touch different paragraphs are all applied, in
//! base order; a conflict is raised only when both sides changed the same paragraph (or inserted
//! different paragraphs at the same place). Unlike line-based tools, edits to *adjacent*
//! paragraphs do not conflict: that is the common case of two people improving a text together.
//!
//! On a conflict, a proposed merge is still produced: every non-conflicting change applied, and
//! for each conflicting place both versions, mine first, so the person only has to trim it.

/// The result of merging two edited versions of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextMerge {
    /// Every change of both sides fits together.
    Clean(String),
    /// Some paragraph changed on both sides; `proposed` keeps both versions of each such place.
    Conflict { proposed: String },
}

/// Beyond this many paragraphs in a version, texts are not merged paragraph by paragraph (a
/// plan's longest texts have a few hundred): the work stays bounded whatever a request holds.
pub const MAX_MERGE_PARAGRAPHS: usize = 2_000;

/// Splits a text into paragraphs (separated by one or more blank lines).
fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").map(|p| p.trim_matches('\n')).filter(|p| !p.trim().is_empty()).collect()
}

/// A change of one side: base paragraphs `start..end` became `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Hunk<'a> {
    start: usize,
    end: usize,
    replacement: Vec<&'a str>,
}

/// The hunks that turn `base` into `side`, from a shortest edit script of paragraphs (Myers'
/// algorithm in linear space: a text of many paragraphs costs time, never a table of its size
/// squared in memory).
fn hunks<'a>(base: &[&'a str], side: &[&'a str]) -> Vec<Hunk<'a>> {
    let mut result = Vec::new();
    let mut open: Option<Hunk<'a>> = None;
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, base, side) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            result.extend(open.take());
            continue;
        }
        let hunk = open.get_or_insert(Hunk { start: old.start, end: old.start, replacement: Vec::new() });
        hunk.end = old.end;
        hunk.replacement.extend_from_slice(&side[new]);
    }
    result.extend(open);
    // A run of k paragraphs replaced by k paragraphs is k separate edits: split it, so that the
    // other side's change to one of them does not drag the others into a conflict.
    result
        .into_iter()
        .flat_map(|h| {
            if h.end - h.start == h.replacement.len() && h.replacement.len() > 1 {
                h.replacement
                    .iter()
                    .enumerate()
                    .map(|(k, p)| Hunk { start: h.start + k, end: h.start + k + 1, replacement: vec![*p] })
                    .collect()
            } else {
                vec![h]
            }
        })
        .collect()
}

/// Whether two hunks of different sides touch the same base paragraphs. An insertion touches a
/// range only strictly inside it; two insertions at the same place touch each other.
fn overlap(a: &Hunk<'_>, b: &Hunk<'_>) -> bool {
    match (a.start == a.end, b.start == b.end) {
        (true, true) => a.start == b.start,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

/// Merges `mine` and `theirs`, both edited from `base`.
pub fn merge_text(base: &str, mine: &str, theirs: &str) -> TextMerge {
    if mine == theirs || theirs == base {
        return TextMerge::Clean(mine.to_string());
    }
    if mine == base {
        return TextMerge::Clean(theirs.to_string());
    }
    let base_paragraphs = paragraphs(base);
    let (mine_paragraphs, theirs_paragraphs) = (paragraphs(mine), paragraphs(theirs));
    if [&base_paragraphs, &mine_paragraphs, &theirs_paragraphs].iter().any(|p| p.len() > MAX_MERGE_PARAGRAPHS) {
        // Not a text people write paragraph by paragraph: rather than spend the server's time
        // on it, both versions are kept for a person to choose from.
        return TextMerge::Conflict { proposed: format!("{mine}\n\n{theirs}") };
    }
    let mine_hunks = hunks(&base_paragraphs, &mine_paragraphs);
    let theirs_hunks = hunks(&base_paragraphs, &theirs_paragraphs);

    // Tag each hunk with its side, sort by place, and group hunks that overlap (transitively)
    // into clusters; a cluster with both sides in it is a conflict unless both sides agree.
    let mut all: Vec<(bool, &Hunk<'_>)> =
        mine_hunks.iter().map(|h| (true, h)).chain(theirs_hunks.iter().map(|h| (false, h))).collect();
    all.sort_by_key(|(mine, h)| (h.start, h.end, !*mine));
    let mut clusters: Vec<Vec<(bool, &Hunk<'_>)>> = Vec::new();
    for entry in all {
        let joins = clusters.last().is_some_and(|cluster| {
            cluster.iter().any(|(side, h)| *side != entry.0 && overlap(h, entry.1))
                || cluster.iter().any(|(_, h)| h.start == entry.1.start && h.end == entry.1.end)
        });
        match clusters.last_mut() {
            Some(cluster) if joins => cluster.push(entry),
            _ => clusters.push(vec![entry]),
        }
    }

    let mut out: Vec<&str> = Vec::new();
    let mut conflict = false;
    let mut at = 0;
    for cluster in &clusters {
        let start = cluster.iter().map(|(_, h)| h.start).min().unwrap_or(at);
        let end = cluster.iter().map(|(_, h)| h.end).max().unwrap_or(start);
        out.extend(&base_paragraphs[at.min(start)..start]);
        let side_text = |want_mine: bool| -> Option<Vec<&str>> {
            let hunks: Vec<&Hunk<'_>> = cluster.iter().filter(|(m, _)| *m == want_mine).map(|(_, h)| *h).collect();
            if hunks.is_empty() {
                return None;
            }
            // That side's version of base[start..end]: its hunks applied to the base range.
            let mut text = Vec::new();
            let mut pos = start;
            for h in hunks {
                text.extend(&base_paragraphs[pos..h.start.max(pos)]);
                text.extend(h.replacement.iter().copied());
                pos = pos.max(h.end);
            }
            text.extend(&base_paragraphs[pos..end]);
            Some(text)
        };
        match (side_text(true), side_text(false)) {
            (Some(m), Some(t)) if m == t => out.extend(m),
            (Some(m), Some(t)) => {
                conflict = true;
                out.extend(m);
                out.extend(t);
            }
            (Some(only), None) | (None, Some(only)) => out.extend(only),
            (None, None) => {}
        }
        at = end;
    }
    out.extend(&base_paragraphs[at.min(base_paragraphs.len())..]);
    let text = out.join("\n\n");
    if conflict {
        TextMerge::Conflict { proposed: text }
    } else {
        TextMerge::Clean(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "Problème.\n\nCauses.\n\nSolution.";

    #[test]
    fn a_huge_text_costs_neither_memory_nor_time_and_keeps_both_versions() {
        // 200,000 paragraphs: a table of their squares would not fit in any machine's memory.
        let base = "a\n\n".repeat(200_000);
        let mine = format!("{base}b");
        let theirs = format!("c\n\n{base}");
        let TextMerge::Conflict { proposed } = merge_text(&base, &mine, &theirs) else { panic!("not merged") };
        assert!(proposed.starts_with(&mine) && proposed.ends_with(&theirs), "both versions kept");
    }

    #[test]
    fn many_paragraphs_up_to_the_bound_still_merge() {
        let base: Vec<String> = (0..MAX_MERGE_PARAGRAPHS).map(|i| format!("paragraphe {i}")).collect();
        let mut mine = base.clone();
        mine[10] = "modifié ici".into();
        let mut theirs = base.clone();
        theirs[1_990] = "modifié là".into();
        let (base, mine, theirs) = (base.join("\n\n"), mine.join("\n\n"), theirs.join("\n\n"));
        let TextMerge::Clean(merged) = merge_text(&base, &mine, &theirs) else { panic!("a clean merge") };
        assert!(merged.contains("modifié ici") && merged.contains("modifié là"));
    }

    #[test]
    fn edits_of_different_paragraphs_both_survive() {
        let mine = "Problème précisé.\n\nCauses.\n\nSolution.";
        let theirs = "Problème.\n\nCauses.\n\nSolution chiffrée.";
        assert_eq!(
            merge_text(BASE, mine, theirs),
            TextMerge::Clean("Problème précisé.\n\nCauses.\n\nSolution chiffrée.".into())
        );
    }

    #[test]
    fn edits_of_adjacent_paragraphs_both_survive() {
        let mine = "Problème précisé.\n\nCauses.\n\nSolution.";
        let theirs = "Problème.\n\nCauses détaillées.\n\nSolution.";
        assert_eq!(
            merge_text(BASE, mine, theirs),
            TextMerge::Clean("Problème précisé.\n\nCauses détaillées.\n\nSolution.".into())
        );
    }

    #[test]
    fn an_insertion_next_to_an_edit_survives_with_it() {
        let mine = "Problème.\n\nCauses.\n\nNouveau paragraphe.\n\nSolution.";
        let theirs = "Problème.\n\nCauses.\n\nSolution chiffrée.";
        assert_eq!(
            merge_text(BASE, mine, theirs),
            TextMerge::Clean("Problème.\n\nCauses.\n\nNouveau paragraphe.\n\nSolution chiffrée.".into())
        );
    }

    #[test]
    fn the_same_paragraph_changed_on_both_sides_is_a_conflict_with_both_proposed() {
        let mine = "Problème.\n\nCauses selon moi.\n\nSolution.";
        let theirs = "Problème révisé.\n\nCauses selon eux.\n\nSolution.";
        assert_eq!(
            merge_text(BASE, mine, theirs),
            TextMerge::Conflict {
                proposed: "Problème révisé.\n\nCauses selon moi.\n\nCauses selon eux.\n\nSolution.".into()
            }
        );
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let both = "Problème.\n\nCauses communes.\n\nSolution.";
        assert_eq!(merge_text(BASE, both, both), TextMerge::Clean(both.into()));
        let mine = "Problème.\n\nCauses communes.\n\nSolution.\n\nAjout.";
        assert_eq!(merge_text(BASE, mine, both), TextMerge::Clean(mine.into()));
    }

    #[test]
    fn a_deletion_and_an_edit_elsewhere_both_apply() {
        let mine = "Problème.\n\nSolution.";
        let theirs = "Problème détaillé.\n\nCauses.\n\nSolution.";
        assert_eq!(merge_text(BASE, mine, theirs), TextMerge::Clean("Problème détaillé.\n\nSolution.".into()));
    }

    #[test]
    fn deleting_a_paragraph_the_other_edited_is_a_conflict() {
        let mine = "Problème.\n\nSolution.";
        let theirs = "Problème.\n\nCauses revues.\n\nSolution.";
        assert!(matches!(merge_text(BASE, mine, theirs), TextMerge::Conflict { .. }));
    }

    #[test]
    fn different_insertions_at_the_same_place_conflict_and_keep_both() {
        let mine = "Problème.\n\nA.\n\nCauses.\n\nSolution.";
        let theirs = "Problème.\n\nB.\n\nCauses.\n\nSolution.";
        assert_eq!(
            merge_text(BASE, mine, theirs),
            TextMerge::Conflict { proposed: "Problème.\n\nA.\n\nB.\n\nCauses.\n\nSolution.".into() }
        );
    }

    #[test]
    fn starting_from_an_empty_text() {
        assert_eq!(merge_text("", "A.", ""), TextMerge::Clean("A.".into()));
        assert!(matches!(merge_text("", "A.", "B."), TextMerge::Conflict { .. }));
    }

    #[test]
    fn a_merge_is_symmetric_up_to_the_order_of_conflicting_versions() {
        let cases = [
            ("Problème précisé.\n\nCauses.\n\nSolution.", "Problème.\n\nCauses.\n\nSolution chiffrée."),
            ("Problème.\n\nCauses.\n\nNouveau.\n\nSolution.", "Problème.\n\nCauses.\n\nSolution chiffrée."),
            ("Problème.\n\nSolution.", "Problème détaillé.\n\nCauses.\n\nSolution."),
        ];
        for (mine, theirs) in cases {
            assert_eq!(merge_text(BASE, mine, theirs), merge_text(BASE, theirs, mine), "{mine:?} / {theirs:?}");
        }
    }
}
