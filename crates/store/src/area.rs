//! Engagement areas of a plan.

use plan_ouvert_domain::{Area, AreaId, AreaInput, AreaKind, PlanId};
use rusqlite::{params, OptionalExtension, Row};

use crate::plan::read_plan;
use crate::row::{instant_text, uuid};
use crate::sync::Tracked;
use crate::{now, rank, Entity, Error, Result, Store};
use plan_ouvert_sync::protocol::RecordKind;

pub(crate) const COLUMNS: &str = "id, plan_id, kind, title, description, position";

pub(crate) fn area_from_row(row: &Row<'_>) -> rusqlite::Result<Area> {
    let kind: String = row.get("kind")?;
    Ok(Area {
        id: AreaId(uuid(row, "id")?),
        plan_id: PlanId(uuid(row, "plan_id")?),
        kind: AreaKind::from_code(&kind).unwrap_or(AreaKind::Thematic),
        title: row.get("title")?,
        description: row.get("description")?,
        position: row.get("position")?,
    })
}

pub(crate) fn read_area(conn: &rusqlite::Connection, id: AreaId) -> Result<Area> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM area WHERE id = ?1"), [id.to_string()], area_from_row)
        .optional()?
        .ok_or(Error::NotFound(Entity::Area))
}

pub(crate) fn read_areas(conn: &rusqlite::Connection, plan: PlanId) -> Result<Vec<Area>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM area WHERE plan_id = ?1 ORDER BY position, title"))?;
    let areas = stmt.query_map([plan.to_string()], area_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(areas)
}

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
    pub fn delete_area(&mut self, id: AreaId) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let area = read_area(&tx, id)?;
        let count: u32 =
            tx.query_row("SELECT count(*) FROM commitment WHERE area_id = ?1", [id.to_string()], |r| r.get(0))?;
        if count > 0 {
            return Err(Error::InUse { entity: Entity::Area, count });
        }
        let tracked = Tracked::before(&tx, RecordKind::Area, id.0)?;
        tx.execute("DELETE FROM area WHERE id = ?1", [id.to_string()])?;
        tracked.record(&tx)?;
        rank::close_gaps(&tx, RecordKind::Area, area.plan_id.0)?;
        tx.commit()?;
        Ok(())
    }
}
