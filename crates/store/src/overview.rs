//! The plan overview: areas, their commitments, counts, search and institution filter.

use std::collections::{HashMap, HashSet};

use plan_ouvert_domain::{
    numbering, percent, weighted_share, AreaOverview, CommitmentId, CommitmentSummary, Found, InstitutionRef,
    OverviewFilter, PlanId, PlanOverview, PlanSearch,
};
use plan_ouvert_sync::protocol::RecordKind;
use rusqlite::params;

use crate::read::{read_areas, read_institutions, read_plan, read_plan_commitments};
use crate::row::uuid;
use crate::{Result, Store};

/// Turns what a person typed into an FTS5 query: every word must appear, each as a prefix, so
/// the search works while typing; punctuation and FTS syntax are ignored. `None` when there is
/// no word at all.
pub(crate) fn fts_query(typed: &str) -> Option<String> {
    let words: Vec<String> =
        typed.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| format!("\"{w}\"*")).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The plan's commitments, each with whether a search finds it (see [`PlanSearch`]), in one pass
/// over them; `None` when `typed` holds no word: the one rule of what a search shows, for the
/// overview read whole and for a search alone. The full-text indexes (`<table>_search`, kept in
/// step by triggers) are each asked once.
fn found(tx: &rusqlite::Connection, plan: PlanId, typed: &str) -> Result<Option<Vec<(CommitmentId, bool)>>> {
    let Some(query) = fts_query(typed) else { return Ok(None) };
    let mut stmt = tx.prepare_cached(
        "SELECT id,
                num IN (SELECT rowid FROM commitment_search WHERE commitment_search MATCH ?1)
                OR area_id IN (SELECT id FROM area WHERE num IN
                                  (SELECT rowid FROM area_search WHERE area_search MATCH ?1)) AS found
         FROM commitment WHERE plan_id = ?2",
    )?;
    let rows = stmt
        .query_map(params![query, plan.to_string()], |row| Ok((CommitmentId(uuid(row, "id")?), row.get("found")?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(rows))
}

impl Store {
    /// What a search of the plan finds, and nothing else: what the overview, read once, shows
    /// of itself as the person types.
    pub fn plan_search(&mut self, plan_id: PlanId, typed: &str) -> Result<PlanSearch> {
        let tx = self.conn.savepoint()?;
        read_plan(&tx, plan_id)?;
        let found = found(&tx, plan_id, typed)?;
        tx.commit()?;
        Ok(PlanSearch {
            found: found.map(|rows| {
                let (yes, no): (Vec<_>, Vec<_>) = rows.into_iter().partition(|(_, found)| *found);
                let ids = |rows: Vec<(CommitmentId, bool)>| rows.into_iter().map(|(id, _)| id).collect();
                if no.len() < yes.len() {
                    Found::AllBut(ids(no))
                } else {
                    Found::Only(ids(yes))
                }
            }),
        })
    }

    /// Why the person signed in may not change the plan's structure (plans, engagement areas,
    /// institutions), if so.
    pub fn structure_read_only(&self) -> Result<Option<plan_ouvert_domain::ReadOnly>> {
        crate::access::read_only(&self.conn, RecordKind::Plan, None)
    }

    /// The plan at a glance, with the given filters applied.
    pub fn plan_overview(&mut self, plan_id: PlanId, filter: &OverviewFilter) -> Result<PlanOverview> {
        let tx = self.conn.savepoint()?;
        let plan = read_plan(&tx, plan_id)?;
        let areas = read_areas(&tx, plan_id)?;
        let commitments = read_plan_commitments(&tx, plan_id)?;
        let institutions: HashMap<_, _> = read_institutions(&tx)?.into_iter().map(|i| (i.id, i)).collect();

        // Each commitment's milestones (weight), for their count and the roll-up.
        let statuses = crate::report::latest_statuses(&tx, plan_id)?;
        let milestones = crate::report::milestone_weights(&tx, plan_id)?;
        let mut milestone_counts: HashMap<CommitmentId, u32> = HashMap::new();
        for (commitment, _, _) in &milestones {
            *milestone_counts.entry(*commitment).or_default() += 1;
        }
        let shares = crate::report::commitment_shares(&statuses, commitments.iter().map(|c| c.id), milestones);

        let matching_commitments: Option<HashSet<CommitmentId>> = found(&tx, plan_id, &filter.query)?
            .map(|rows| rows.into_iter().filter_map(|(id, found)| found.then_some(id)).collect());
        tx.commit()?;

        let filtered = matching_commitments.is_some() || filter.institution_id.is_some();
        let mut matching_count = 0;
        let mut milestone_count = 0;
        let area_overviews = areas
            .into_iter()
            .enumerate()
            .map(|(area_rank, area)| {
                let in_area: Vec<_> = commitments.iter().filter(|c| c.area_id == area.id).collect();
                let total_commitments = in_area.len() as u32;
                let progress = percent(weighted_share(in_area.iter().map(|c| (c.weight, shares[&c.id]))));
                // Numbered in the whole area, before the filters: a commitment keeps its number.
                let shown: Vec<CommitmentSummary> = in_area
                    .into_iter()
                    .enumerate()
                    .map(|(rank, c)| (numbering::commitment_number(area_rank, rank), c))
                    .filter(|(_, c)| match filter.institution_id {
                        Some(i) => c.lead_institution_id == Some(i) || c.supporting_institution_ids.contains(&i),
                        None => true,
                    })
                    .filter(|(_, c)| matching_commitments.as_ref().is_none_or(|ids| ids.contains(&c.id)))
                    .map(|(number, c)| {
                        let (filled_fields, total_fields) = c.completeness();
                        CommitmentSummary {
                            id: c.id,
                            area_id: c.area_id,
                            number,
                            title: c.title.clone(),
                            lead_institution: c
                                .lead_institution_id
                                .and_then(|id| institutions.get(&id))
                                .map(|i| InstitutionRef { id: i.id, name: i.name.clone(), acronym: i.acronym.clone() }),
                            milestone_count: milestone_counts.get(&c.id).copied().unwrap_or(0),
                            filled_fields,
                            total_fields,
                            progress: percent(shares[&c.id]),
                            weight: c.weight,
                        }
                    })
                    .collect();
                matching_count += shown.len() as u32;
                AreaOverview {
                    area,
                    number: numbering::area_number(area_rank),
                    commitments: shown,
                    total_commitments,
                    progress,
                }
            })
            .collect();
        milestone_count += milestone_counts.values().sum::<u32>();
        let structure_read_only = crate::access::read_only_in(&self.conn, &plan, RecordKind::Area, None)?;
        let commitments_read_only = crate::access::read_only_in(&self.conn, &plan, RecordKind::Commitment, None)?;
        Ok(PlanOverview {
            plan,
            areas: area_overviews,
            commitment_count: commitments.len() as u32,
            milestone_count,
            matching_count,
            filtered,
            progress: percent(weighted_share(commitments.iter().map(|c| (c.weight, shares[&c.id])))),
            structure_read_only,
            commitments_read_only,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_words_become_prefix_terms_and_syntax_is_ignored() {
        assert_eq!(fts_query("transition écolo"), Some("\"transition\"* \"écolo\"*".into()));
        assert_eq!(fts_query("  \"OR\" NEAR( * "), Some("\"OR\"* \"NEAR\"*".into()));
        assert_eq!(fts_query(" -- ' \" "), None);
    }
}
