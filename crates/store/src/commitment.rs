//! Commitments, edited one field at a time: creating, showing (the commitment screen), editing and
//! deleting them. How a commitment is read, with its supporters and its origin, is in `read.rs`.

use plan_ouvert_domain::{
    numbering, Area, AreaId, Commitment, CommitmentChange, CommitmentDates, CommitmentDetail, CommitmentEdit,
    CommitmentId, DeletionId, Milestone, MilestoneId, Problem, Title,
};
use rusqlite::params;

use crate::read::{
    check_institution, read_area, read_areas, read_commitment, read_institutions_for, read_milestones, read_origin,
    read_plan,
};
use crate::row::{date_text, instant_text};
use crate::sync::Tracked;
use crate::{now, rank, Error, Result, Store};
use plan_ouvert_sync::protocol::{RecordKey, RecordKind};

impl Store {
    /// Creates a commitment at the end of an engagement area, with only its title: the rest is
    /// filled field by field.
    pub fn create_commitment(&mut self, area: AreaId, title: &str) -> Result<Commitment> {
        let title = Title::parse(title).map_err(|p| p.on("title"))?;
        let tx = self.conn.savepoint()?;
        let area = read_area(&tx, area)?;
        let id = CommitmentId::new();
        let at = instant_text(now());
        tx.execute(
            "INSERT INTO commitment (id, plan_id, area_id, position, title, created_at, updated_at)
             VALUES (?1, ?2, ?3, (SELECT coalesce(max(position) + 1, 0) FROM commitment WHERE area_id = ?3), ?4, ?5, ?5)",
            params![id.to_string(), area.plan_id.to_string(), area.id.to_string(), title.as_str(), at],
        )?;
        Tracked::new_record(RecordKind::Commitment, id.0).record(&tx)?;
        let commitment = read_commitment(&tx, id)?;
        tx.commit()?;
        Ok(commitment)
    }

    pub fn commitment(&self, id: CommitmentId) -> Result<Commitment> {
        read_commitment(&self.conn, id)
    }

    /// Everything the commitment screen shows, read in one transaction so it is consistent.
    pub fn commitment_detail(&mut self, id: CommitmentId) -> Result<CommitmentDetail> {
        let tx = self.conn.savepoint()?;
        let commitment = read_commitment(&tx, id)?;
        let plan = read_plan(&tx, commitment.plan_id)?;
        let institutions = read_institutions_for(&tx, &plan, id)?;
        let lead = institutions.iter().find(|i| Some(i.id) == commitment.lead_institution_id);
        let read_only = crate::access::read_only_in(&tx, &plan, RecordKind::Commitment, lead)?;
        let areas = read_areas(&tx, commitment.plan_id)?;
        let milestones = read_milestones(&tx, id)?;
        let (number, milestone_numbers) = numbers(&tx, &areas, &commitment, &milestones)?;
        let detail = CommitmentDetail {
            plan,
            area: read_area(&tx, commitment.area_id)?,
            number,
            milestones,
            milestone_numbers,
            areas,
            origin: read_origin(&tx, id)?,
            institutions,
            commitment,
            read_only,
        };
        tx.commit()?;
        Ok(detail)
    }

    /// Saves one field of a commitment, after checking it against the plan and the commitment's
    /// other values. Nothing is written when the value is refused.
    pub fn edit_commitment(&mut self, id: CommitmentId, edit: &CommitmentEdit) -> Result<Commitment> {
        let tx = self.conn.savepoint()?;
        let current = read_commitment(&tx, id)?;
        let plan = read_plan(&tx, current.plan_id)?;
        let dates = CommitmentDates { period: plan.period(), start: current.start_date, end: current.end_date };
        let change = edit.parse(dates)?;
        let tracked = Tracked::before(&tx, RecordKind::Commitment, id.0)?;
        let at = instant_text(now());
        let key = id.to_string();
        let set = |column: &str, value: &dyn rusqlite::ToSql| -> Result<()> {
            tx.execute(
                &format!("UPDATE commitment SET {column} = ?2, updated_at = ?3 WHERE id = ?1"),
                params![key, value, at],
            )?;
            Ok(())
        };
        match &change {
            CommitmentChange::Title(title) => set("title", &title.as_str())?,
            CommitmentChange::Text(field, text) => set(field.column(), text)?,
            CommitmentChange::Area(area) => {
                let target = read_area(&tx, *area).map_err(|e| match e {
                    Error::NotFound(_) => Problem::UnknownReference.on("areaId").into(),
                    other => other,
                })?;
                if target.plan_id != current.plan_id {
                    return Err(Problem::UnknownReference.on("areaId").into());
                }
                if target.id != current.area_id {
                    tx.execute(
                        "UPDATE commitment SET area_id = ?2, updated_at = ?3,
                           position = (SELECT coalesce(max(position) + 1, 0) FROM commitment WHERE area_id = ?2)
                         WHERE id = ?1",
                        params![key, target.id.to_string(), at],
                    )?;
                    rank::close_gaps(&tx, RecordKind::Commitment, current.area_id.0)?;
                }
            }
            CommitmentChange::Lead(lead) => {
                check_institution(&tx, *lead, "leadInstitutionId")?;
                set("lead_institution_id", &lead.map(|i| i.to_string()))?;
            }
            CommitmentChange::Supporting(ids) => {
                for institution in ids {
                    check_institution(&tx, Some(*institution), "supportingInstitutionIds")?;
                }
                tx.execute("DELETE FROM commitment_supporter WHERE commitment_id = ?1", [&key])?;
                for (position, institution) in ids.iter().enumerate() {
                    tx.execute(
                        "INSERT INTO commitment_supporter (commitment_id, institution_id, position) VALUES (?1, ?2, ?3)",
                        params![key, institution.to_string(), position as u32],
                    )?;
                }
                set("updated_at", &at)?;
            }
            CommitmentChange::StartDate(date) => set("start_date", &date_text(*date))?,
            CommitmentChange::EndDate(date) => set("end_date", &date_text(*date))?,
            CommitmentChange::Value(value, on) => set(value.column(), on)?,
            CommitmentChange::Weight(weight) => set("weight", weight)?,
        }
        tracked.record(&tx)?;
        let commitment = read_commitment(&tx, id)?;
        tx.commit()?;
        Ok(commitment)
    }

    /// Deletes a commitment and its milestones.
    /// Deletes a commitment and its milestones; what they held is kept to undo it
    /// ([`Store::restore_deletion`]).
    pub fn delete_commitment(&mut self, id: CommitmentId) -> Result<DeletionId> {
        let tx = self.conn.savepoint()?;
        let commitment = read_commitment(&tx, id)?;
        crate::report::refuse_if_reported(&tx, RecordKind::Commitment, id.0)?;
        let deletion = crate::deletion::snapshot(&tx, RecordKey { kind: RecordKind::Commitment, id: id.0 })?;
        // One deletion: the server deletes the milestones with it (and refuses it whole if
        // someone changed any of them unseen); here they go with it by the database's cascade.
        let tracked = Tracked::before(&tx, RecordKind::Commitment, id.0)?;
        tx.execute("DELETE FROM commitment WHERE id = ?1", [id.to_string()])?;
        tracked.record(&tx)?;
        rank::close_gaps(&tx, RecordKind::Commitment, commitment.area_id.0)?;
        tx.commit()?;
        Ok(deletion)
    }
}

/// The numbers of a commitment and of its milestones ([`numbering`]): their ranks in the order
/// the plan is shown in.
fn numbers(
    conn: &rusqlite::Connection,
    areas: &[Area],
    commitment: &Commitment,
    milestones: &[Milestone],
) -> Result<(String, std::collections::BTreeMap<MilestoneId, String>)> {
    let area_rank = areas.iter().position(|a| a.id == commitment.area_id).unwrap_or_default();
    let in_area = rank::in_order(conn, RecordKind::Commitment, commitment.area_id.0)?;
    let rank = in_area.iter().position(|c| *c == commitment.id.0).unwrap_or_default();
    let number = numbering::commitment_number(area_rank, rank);
    let milestone_numbers =
        milestones.iter().enumerate().map(|(i, m)| (m.id, numbering::milestone_number(&number, i))).collect();
    Ok((number, milestone_numbers))
}
