//! Milestones of a commitment, kept in the order people give them: listing, creating, editing,
//! moving and deleting them. How a milestone is read is in `read.rs`.

use plan_ouvert_domain::{
    CommitmentId, DeletionId, Milestone, MilestoneChange, MilestoneEdit, MilestoneId, MilestoneInput,
};
use rusqlite::params;

use crate::read::{check_institution, read_commitment, read_milestone, read_milestones, read_plan};
use crate::row::{date_text, instant_text};
use crate::sync::Tracked;
use crate::{now, rank, Result, Store};
use plan_ouvert_sync::protocol::{RecordKey, RecordKind};

impl Store {
    pub fn milestones(&self, commitment: CommitmentId) -> Result<Vec<Milestone>> {
        read_commitment(&self.conn, commitment)?;
        read_milestones(&self.conn, commitment)
    }

    /// Adds a milestone at the end of a commitment's list; its dates must fall in the plan's
    /// period and the due date must not precede the start.
    pub fn create_milestone(&mut self, commitment: CommitmentId, input: &MilestoneInput) -> Result<Milestone> {
        let tx = self.conn.savepoint()?;
        let parent = read_commitment(&tx, commitment)?;
        let plan = read_plan(&tx, parent.plan_id)?;
        let valid = input.parse(plan.period())?;
        check_institution(&tx, valid.lead_institution_id, "leadInstitutionId")?;
        let id = MilestoneId::new();
        let at = instant_text(now());
        tx.execute(
            "INSERT INTO milestone (id, commitment_id, position, title, expected_outputs, start_date, due_date,
                                    lead_institution_id, created_at, updated_at)
             VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM milestone WHERE commitment_id = ?2),
                     ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                id.to_string(),
                commitment.to_string(),
                valid.title.as_str(),
                valid.expected_outputs.as_str(),
                date_text(valid.start_date),
                date_text(valid.due_date),
                valid.lead_institution_id.map(|i| i.to_string()),
                at
            ],
        )?;
        tx.execute("UPDATE commitment SET updated_at = ?2 WHERE id = ?1", params![commitment.to_string(), at])?;
        Tracked::new_record(RecordKind::Milestone, id.0).record(&tx)?;
        let milestone = read_milestone(&tx, id)?;
        tx.commit()?;
        Ok(milestone)
    }

    /// Saves one field of a milestone. Nothing is written when the value is refused.
    pub fn edit_milestone(&mut self, id: MilestoneId, edit: &MilestoneEdit) -> Result<Milestone> {
        let tx = self.conn.savepoint()?;
        let current = read_milestone(&tx, id)?;
        let parent = read_commitment(&tx, current.commitment_id)?;
        let plan = read_plan(&tx, parent.plan_id)?;
        let change = edit.parse(plan.period(), current.start_date, current.due_date)?;
        let tracked = Tracked::before(&tx, RecordKind::Milestone, id.0)?;
        let at = instant_text(now());
        let key = id.to_string();
        let set = |column: &str, value: &dyn rusqlite::ToSql| -> Result<()> {
            tx.execute(
                &format!("UPDATE milestone SET {column} = ?2, updated_at = ?3 WHERE id = ?1"),
                params![key, value, at],
            )?;
            Ok(())
        };
        match &change {
            MilestoneChange::Title(title) => set("title", &title.as_str())?,
            MilestoneChange::ExpectedOutputs(text) => set("expected_outputs", text)?,
            MilestoneChange::StartDate(date) => set("start_date", &date_text(*date))?,
            MilestoneChange::DueDate(date) => set("due_date", &date_text(*date))?,
            MilestoneChange::Weight(weight) => set("weight", weight)?,
            MilestoneChange::Lead(lead) => {
                check_institution(&tx, *lead, "leadInstitutionId")?;
                set("lead_institution_id", &lead.map(|i| i.to_string()))?;
            }
        }
        tracked.record(&tx)?;
        let milestone = read_milestone(&tx, id)?;
        tx.commit()?;
        Ok(milestone)
    }

    /// Moves a milestone to `position` (0-based, clamped to the list) and renumbers the others;
    /// returns the commitment's milestones in their new order.
    pub fn move_milestone(&mut self, id: MilestoneId, position: u32) -> Result<Vec<Milestone>> {
        let tx = self.conn.savepoint()?;
        let moved = read_milestone(&tx, id)?;
        let before = read_milestones(&tx, moved.commitment_id)?;
        // Each milestone whose rank changes syncs as one change of its `position`.
        let mut order: Vec<uuid::Uuid> = before.into_iter().map(|m| m.id.0).filter(|m| *m != id.0).collect();
        let index = (position as usize).min(order.len());
        order.insert(index, id.0);
        rank::set_ranks(&tx, RecordKind::Milestone, &order)?;
        let list = read_milestones(&tx, moved.commitment_id)?;
        tx.commit()?;
        Ok(list)
    }

    /// Deletes a milestone; what it held is kept to undo it ([`Store::restore_deletion`]).
    pub fn delete_milestone(&mut self, id: MilestoneId) -> Result<DeletionId> {
        let tx = self.conn.savepoint()?;
        let milestone = read_milestone(&tx, id)?;
        crate::report::refuse_if_reported(&tx, RecordKind::Milestone, id.0)?;
        let deletion = crate::deletion::snapshot(&tx, RecordKey { kind: RecordKind::Milestone, id: id.0 })?;
        let tracked = Tracked::before(&tx, RecordKind::Milestone, id.0)?;
        tx.execute("DELETE FROM milestone WHERE id = ?1", [id.to_string()])?;
        tracked.record(&tx)?;
        rank::close_gaps(&tx, RecordKind::Milestone, milestone.commitment_id.0)?;
        tx.commit()?;
        Ok(deletion)
    }
}
