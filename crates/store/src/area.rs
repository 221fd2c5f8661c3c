//! Engagement areas of a plan: listing, creating, changing and deleting them. How an area is read
//! is in `read.rs`; keeping their ranks 0, 1, 2… in `rank.rs`.

use plan_ouvert_domain::{Area, AreaId, AreaInput, DeletionId, PlanId};
use rusqlite::params;

use crate::read::{read_area, read_areas, read_plan};
use crate::row::instant_text;
use crate::sync::Tracked;
use crate::{now, rank, Entity, Error, Result, Store};
use plan_ouvert_sync::protocol::{RecordKey, RecordKind};

impl Store {
    /// The areas of a plan, in order.
    pub fn areas(&self, plan: PlanId) -> Result<Vec<Area>> {
        read_plan(&self.conn, plan)?;
        read_areas(&self.conn, plan)
    }

    /// Adds an engagement area after the existing ones.
    pub fn create_area(&mut self, plan: PlanId, input: &AreaInput) -> Result<Area> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        read_plan(&tx, plan)?;
        let id = AreaId::new();
        let at = instant_text(now());
        tx.execute(
            "INSERT INTO area (id, plan_id, kind, title, description, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(position) + 1, 0) FROM area WHERE plan_id = ?2), ?6, ?6)",
            params![
                id.to_string(),
                plan.to_string(),
                valid.kind.code(),
                valid.title.as_str(),
                valid.description.as_str(),
                at
            ],
        )?;
        Tracked::new_record(RecordKind::Area, id.0).record(&tx)?;
        let area = read_area(&tx, id)?;
        tx.commit()?;
        Ok(area)
    }

    pub fn update_area(&mut self, id: AreaId, input: &AreaInput) -> Result<Area> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        read_area(&tx, id)?;
        let tracked = Tracked::before(&tx, RecordKind::Area, id.0)?;
        tx.execute(
            "UPDATE area SET kind = ?2, title = ?3, description = ?4, updated_at = ?5 WHERE id = ?1",
            params![
                id.to_string(),
                valid.kind.code(),
                valid.title.as_str(),
                valid.description.as_str(),
                instant_text(now())
            ],
        )?;
        tracked.record(&tx)?;
        let area = read_area(&tx, id)?;
        tx.commit()?;
        Ok(area)
    }

    /// Deletes an empty engagement area; one holding commitments is refused.
    /// Deletes an empty area; what it held is kept to undo it ([`Store::restore_deletion`]).
    pub fn delete_area(&mut self, id: AreaId) -> Result<DeletionId> {
        let tx = self.conn.savepoint()?;
        let area = read_area(&tx, id)?;
        let count: u32 =
            tx.query_row("SELECT count(*) FROM commitment WHERE area_id = ?1", [id.to_string()], |r| r.get(0))?;
        if count > 0 {
            return Err(Error::InUse { entity: Entity::Area, count });
        }
        let deletion = crate::deletion::snapshot(&tx, RecordKey { kind: RecordKind::Area, id: id.0 })?;
        let tracked = Tracked::before(&tx, RecordKind::Area, id.0)?;
        tx.execute("DELETE FROM area WHERE id = ?1", [id.to_string()])?;
        tracked.record(&tx)?;
        rank::close_gaps(&tx, RecordKind::Area, area.plan_id.0)?;
        tx.commit()?;
        Ok(deletion)
    }
}
